// SPDX-License-Identifier: MIT
/*
 * The rest of Intl for English, on the helpers of 18-intl.js
 * (native.intl): Intl.RelativeTimeFormat (long, short and narrow; numeric
 * 'always' and 'auto' with CLDR's en phrases: "yesterday", "next week",
 * "in 3 days"), Intl.ListFormat (conjunction, disjunction and unit
 * lists, long, short and narrow) and Intl.Segmenter (graphemes, words and
 * sentences). Any locale resolves as in 18-intl.js.
 */
'use strict';

var intl = native.intl;
var spec = native.spec;
var STATE = intl.STATE;
var getOption = intl.getOption;
var Intl = intl.Intl;

function requireNew(that, C, name) {
    if (!(that instanceof C) || that[STATE]) {
        throw new TypeError('Constructor Intl.' + name + " requires 'new'");
    }
}

/* The start each constructor here shares (ECMA-402's order): the `new`
 * check, the locale, the options object and its localeMatcher. Returns
 * { locale, options }. */
function openConstructor(that, C, name, locales, options) {
    requireNew(that, C, name);
    var locale = intl.resolveLocale(locales);
    var o = intl.getOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    return { locale: locale, options: o };
}

function checkNumberingSystem(o) {
    var nu = getOption(o, 'numberingSystem', null, void 0);
    if (nu !== void 0 && !/^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/.test(nu)) {
        throw new RangeError('Invalid numberingSystem : ' + nu);
    }
}

/* ---- Intl.RelativeTimeFormat ---- */

/* unit: [long, long plural, short, short plural, narrow, the long phrases
 * for -1|0|1 (numeric: 'auto'), the short and narrow ones]; a leading
 * space separates the unit from the number. */
var RELATIVE_UNITS = {
    year: [' year', ' years', ' yr.', ' yr.', 'y', 'last year|this year|next year', 'last yr.|this yr.|next yr.'],
    quarter: [' quarter', ' quarters', ' qtr.', ' qtrs.', 'q', 'last quarter|this quarter|next quarter',
        'last qtr.|this qtr.|next qtr.'],
    month: [' month', ' months', ' mo.', ' mo.', 'mo', 'last month|this month|next month', 'last mo.|this mo.|next mo.'],
    week: [' week', ' weeks', ' wk.', ' wk.', 'w', 'last week|this week|next week', 'last wk.|this wk.|next wk.'],
    day: [' day', ' days', ' day', ' days', 'd', 'yesterday|today|tomorrow', 'yesterday|today|tomorrow'],
    hour: [' hour', ' hours', ' hr.', ' hr.', 'h', '|this hour|', '|this hour|'],
    minute: [' minute', ' minutes', ' min.', ' min.', 'm', '|this minute|', '|this minute|'],
    second: [' second', ' seconds', ' sec.', ' sec.', 's', '|now|', '|now|']
};

function RelativeTimeFormat(locales, options) {
    var opened = openConstructor(this, RelativeTimeFormat, 'RelativeTimeFormat', locales, options), locale = opened.locale, o = opened.options;
    checkNumberingSystem(o);
    this[STATE] = {
        kind: 'RelativeTimeFormat',
        locale: locale,
        style: getOption(o, 'style', ['long', 'short', 'narrow'], 'long'),
        numeric: getOption(o, 'numeric', ['always', 'auto'], 'always'),
        numberingSystem: 'latn',
        nf: new intl.NumberFormat(locale)[STATE]
    };
}

function relativeTimeParts(s, value, unit) {
    var x = +value;
    var u = String(unit);
    var singular = u.charAt(u.length - 1) === 's' ? u.slice(0, -1) : u;
    if (!Object.prototype.hasOwnProperty.call(RELATIVE_UNITS, singular)) {
        throw new RangeError("Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() '" + u + "'");
    }
    if (!isFinite(x)) {
        throw new RangeError('Value need to be finite number for Intl.RelativeTimeFormat.prototype.format()');
    }
    var names = RELATIVE_UNITS[singular];
    var past = x < 0 || (x === 0 && 1 / x < 0);
    var number = intl.formatNumberToParts(s.nf, Math.abs(x));
    var digits = '';
    for (var i = 0; i < number.length; i++) {
        number[i].unit = singular;
        if (number[i].type === 'integer' || number[i].type === 'fraction') {
            digits += number[i].value;
        }
    }
    /* 'auto' names -1, 0 and 1 as they round (0.0001 days is "today") */
    if (s.numeric === 'auto' && (digits === '0' || digits === '1')) {
        var phrase = names[s.style === 'long' ? 5 : 6].split('|')[digits === '0' ? 1 : past ? 0 : 2];
        if (phrase !== '') {
            return [{ type: 'literal', value: phrase }];
        }
    }
    var name = s.style === 'narrow' ? names[4] : names[(s.style === 'long' ? 0 : 2) + (digits === '1' ? 0 : 1)];
    var parts = [];
    if (!past) {
        parts.push({ type: 'literal', value: 'in ' });
    }
    parts.push.apply(parts, number);
    parts.push({ type: 'literal', value: past ? name + ' ago' : name });
    return parts;
}

function relativeTimeFormat(value, unit) {
    var s = intl.stateOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.format');
    return intl.joinParts(relativeTimeParts(s, value, unit));
}

function relativeTimeFormatToParts(value, unit) {
    var s = intl.stateOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.formatToParts');
    return relativeTimeParts(s, value, unit);
}

function relativeTimeResolvedOptions() {
    var s = intl.stateOf(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.resolvedOptions');
    return intl.copyResolved(s, ['locale', 'style', 'numeric', 'numberingSystem']);
}

RelativeTimeFormat.prototype = {};
intl.defineMethods(RelativeTimeFormat.prototype, [
    ['resolvedOptions', relativeTimeResolvedOptions, 0], ['format', relativeTimeFormat, 2],
    ['formatToParts', relativeTimeFormatToParts, 2]
]);
intl.defineTag(RelativeTimeFormat.prototype, 'Intl.RelativeTimeFormat');
intl.publish('RelativeTimeFormat', RelativeTimeFormat, 0);

/* ---- Intl.ListFormat ---- */

/* type and style: [between two, between the last two of more, between the others] */
var LIST_PATTERNS = {
    conjunction: { long: [' and ', ', and ', ', '], short: [' & ', ', & ', ', '], narrow: [', ', ', ', ', '] },
    disjunction: { long: [' or ', ', or ', ', '], short: [' or ', ', or ', ', '], narrow: [' or ', ', or ', ', '] },
    unit: { long: [', ', ', ', ', '], short: [', ', ', ', ', '], narrow: [' ', ' ', ' '] }
};

function ListFormat(locales, options) {
    var opened = openConstructor(this, ListFormat, 'ListFormat', locales, options), locale = opened.locale, o = opened.options;
    this[STATE] = {
        kind: 'ListFormat',
        locale: locale,
        type: getOption(o, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction'),
        style: getOption(o, 'style', ['long', 'short', 'narrow'], 'long')
    };
}

/* StringListFromIterable: every element must be a string. */
function stringList(list) {
    if (list === void 0) {
        return [];
    }
    var out = native.iterableToList(list);
    for (var i = 0; i < out.length; i++) {
        if (typeof out[i] !== 'string') {
            throw new TypeError('Iterable yielded ' + String(out[i]) + ' which is not a string');
        }
    }
    return out;
}

function listParts(s, list) {
    var items = stringList(list);
    var pattern = LIST_PATTERNS[s.type][s.style];
    var parts = [];
    for (var i = 0; i < items.length; i++) {
        if (i > 0) {
            var sep = items.length === 2 ? pattern[0] : i === items.length - 1 ? pattern[1] : pattern[2];
            parts.push({ type: 'literal', value: sep });
        }
        parts.push({ type: 'element', value: items[i] });
    }
    return parts;
}

function listFormat(list) {
    return intl.joinParts(listParts(intl.stateOf(this, 'ListFormat', 'Intl.ListFormat.prototype.format'), list));
}

function listFormatToParts(list) {
    return listParts(intl.stateOf(this, 'ListFormat', 'Intl.ListFormat.prototype.formatToParts'), list);
}

function listResolvedOptions() {
    var s = intl.stateOf(this, 'ListFormat', 'Intl.ListFormat.prototype.resolvedOptions');
    return intl.copyResolved(s, ['locale', 'type', 'style']);
}

ListFormat.prototype = {};
intl.defineMethods(ListFormat.prototype, [
    ['resolvedOptions', listResolvedOptions, 0], ['format', listFormat, 1], ['formatToParts', listFormatToParts, 1]
]);
intl.defineTag(ListFormat.prototype, 'Intl.ListFormat');
intl.publish('ListFormat', ListFormat, 0);

/* ---- Intl.Segmenter ----
 *
 * Grapheme clusters as UAX #29 extends them (Unicode 15.1's rules, the
 * conjuncts of GB9c too), matched by one sticky regular expression over the
 * runtime's Unicode properties. Words and sentences follow UAX #29's
 * default rules (with ICU's root tailoring: a colon joins letters), on
 * code points of a class each, where ICU also has dictionaries: a run of
 * Thai, Lao, Khmer or Myanmar letters is one word here, and each Han
 * ideograph and each hiragana is a word of its own (ICU finds the words of
 * Chinese and Japanese text in its dictionary). */

var segmentPatterns = null;

function segmenterPatterns() {
    if (segmentPatterns !== null) {
        return segmentPatterns;
    }
    var lv = '';
    for (var i = 0; i < 399; i++) {
        lv += String.fromCharCode(0xAC00 + i * 28);
    }
    var ext = '\\p{Grapheme_Extend}\\p{Emoji_Modifier}';
    var prepend = '[\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u0D4E\\u{110BD}\\u{110CD}\\u{111C2}' +
        '\\u{111C3}\\u{1193F}\\u{11941}\\u{11A3A}\\u{11A84}-\\u{11A89}\\u{11D46}\\u{11F02}]';
    /* Cf that is neither a joiner, nor Prepend, nor an emoji tag (Extend) */
    var format = '(?![\\u200B-\\u200D\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u{110BD}\\u{110CD}' +
        '\\u{E0020}-\\u{E007F}])\\p{Cf}';
    var control = '[\\r\\n\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cs}\\u200B]|' + format;
    var spacing = '(?![\\u102B\\u102C\\u1038\\u1062-\\u1064\\u1067-\\u106D\\u1083\\u1087-\\u108C\\u108F' +
        '\\u109A-\\u109C\\u1A61\\u1A63\\u1A64\\uAA7B\\uAA7D\\u{11720}\\u{11721}])[\\p{Mc}\\u0E33\\u0EB3]';
    var L = '[\\u1100-\\u115F\\uA960-\\uA97C]', V = '[\\u1160-\\u11A7\\uD7B0-\\uD7C6]';
    var T = '[\\u11A8-\\u11FF\\uD7CB-\\uD7FB]', LV = '[' + lv + ']', LVT = '(?!' + LV + ')[\\uAC00-\\uD7A3]';
    var hangul = L + '*(?:' + V + '+|' + LV + V + '*|' + LVT + ')' + T + '*|' + L + '+|' + T + '+';
    var xpicto = '\\p{Extended_Pictographic}(?:[' + ext + ']*\\u200D\\p{Extended_Pictographic})*';
    var consonant = '[\\u0915-\\u0939\\u0958-\\u095F\\u0978-\\u097F\\u0995-\\u09A8\\u09AA-\\u09B0\\u09B2' +
        '\\u09B6-\\u09B9\\u09DC\\u09DD\\u09DF\\u09F0\\u09F1\\u0A95-\\u0AA8\\u0AAA-\\u0AB0\\u0AB2\\u0AB3' +
        '\\u0AB5-\\u0AB9\\u0AF9\\u0B15-\\u0B28\\u0B2A-\\u0B30\\u0B32\\u0B33\\u0B35-\\u0B39\\u0B5C\\u0B5D' +
        '\\u0B5F\\u0B71\\u0C15-\\u0C28\\u0C2A-\\u0C39\\u0C58-\\u0C5A\\u0D15-\\u0D3A]';
    var linker = '[\\u094D\\u09CD\\u0ACD\\u0B4D\\u0C4D\\u0D4D]';
    var conjunct = consonant + '(?:[\\p{Grapheme_Extend}\\u200D]*' + linker + '[\\p{Grapheme_Extend}\\u200D]*' +
        consonant + ')+';
    var cluster = '\\r\\n|' + control + '|' + prepend + '*(?:' + hangul + '|\\p{Regional_Indicator}{2}|' + xpicto +
        '|' + conjunct + '|(?!' + control + ')[\\s\\S])(?:[' + ext + '\\u200D]|' + spacing + ')*';
    /* one code point's class: the index of the group that matched */
    var word = ['\\r', '\\n', '[\\v\\f\\x85\\u2028\\u2029]', '\\u200D', '[' + ext + '\\p{Mc}]', format,
        '\\p{Regional_Indicator}', '[\\p{Script=Katakana}\\u3031-\\u3035\\u309B\\u309C\\u30A0\\u30FC\\uFF70]',
        '(?=\\p{Script=Hebrew})\\p{L}', '\\p{Script=Hiragana}', '[\\p{Ideographic}\\p{Script=Han}]',
        '(?=[\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}])\\p{L}',
        '\\p{Alphabetic}', '\\p{Nd}', '[:\\u00B7\\u0387\\u055F\\u05F4\\u2027\\uFE13\\uFE55\\uFF1A]',
        '[,;\\u037E\\u0589\\u060C\\u060D\\u066C\\u07F8\\u2044\\uFE10\\uFE14\\uFE50\\uFE54\\uFF0C\\uFF1B]',
        '[.\\u2018\\u2019\\u2024\\uFE52\\uFF07\\uFF0E]', "'", '"', '[\\p{Pc}\\u202F]',
        '(?![\\u00A0\\u2007\\u202F])\\p{Zs}', '\\p{Extended_Pictographic}'];
    var sentence = ['\\r', '\\n', '[\\x85\\u2028\\u2029]', '[' + ext + '\\p{Mc}\\u200D]', format,
        '(?![\\n\\r\\x85\\u2028\\u2029])\\p{White_Space}', '\\p{Lowercase}', '[\\p{Uppercase}\\p{Lt}]',
        '\\p{Alphabetic}', '\\p{Nd}', '[.\\u2024\\uFE52\\uFF0E]',
        '[!?\\u0589\\u061D-\\u061F\\u06D4\\u0700-\\u0702\\u07F9\\u0964\\u0965\\u104A\\u104B\\u1362\\u1367' +
        '\\u1368\\u166E\\u1803\\u1809\\u1944\\u1945\\u203C\\u203D\\u2047-\\u2049\\u2E2E\\u2E3C\\u3002\\uFE56' +
        '\\uFE57\\uFF01\\uFF1F\\uFF61]',
        '[\\p{Ps}\\p{Pe}\\p{Pi}\\p{Pf}"\'\\u00AB\\u00BB]',
        '[,\\-:;\\u055D\\u060C\\u060D\\u07F8\\u1802\\u1808\\u2013\\u2014\\u3001\\uFE10\\uFE11\\uFE13\\uFE31' +
        '\\uFE32\\uFE50\\uFE51\\uFE55\\uFE58\\uFE63\\uFF0C\\uFF0D\\uFF1A\\uFF1B\\uFF64]'];
    segmentPatterns = {
        grapheme: new RegExp(cluster, 'uy'),
        word: new RegExp('(' + word.join(')|(') + ')|[\\s\\S]', 'uy'),
        sentence: new RegExp('(' + sentence.join(')|(') + ')|[\\s\\S]', 'uy')
    };
    return segmentPatterns;
}

/* Word_Break classes, in the order of the word pattern's groups (0: other) */
var W_CR = 1, W_LF = 2, W_NL = 3, W_ZWJ = 4, W_EXT = 5, W_FMT = 6, W_RI = 7, W_KATA = 8, W_HEB = 9,
    W_HIRA = 10, W_IDEO = 11, W_SA = 12, W_LET = 13, W_NUM = 14, W_MIDL = 15, W_MIDN = 16, W_MIDNL = 17,
    W_SQ = 18, W_DQ = 19, W_ENL = 20, W_WSEG = 21, W_PICT = 22;
/* Sentence_Break classes, likewise */
var S_CR = 1, S_LF = 2, S_SEP = 3, S_EXT = 4, S_FMT = 5, S_SP = 6, S_LOWER = 7, S_UPPER = 8, S_OLETTER = 9,
    S_NUM = 10, S_ATERM = 11, S_STERM = 12, S_CLOSE = 13, S_SCONT = 14;

/* The code points of s from 0, as units { c: class, start, end, last:
 * class of the last code point }: an Extend, Format or ZWJ code point
 * joins the unit before it (WB4, SB5), but for one after a line break. */
function segmentUnits(s, re, joiners, breaks) {
    var units = [];
    var at = 0;
    while (at < s.length) {
        re.lastIndex = at;
        var m = re.exec(s);
        var c = 0;
        for (var g = 1; g < m.length; g++) {
            if (m[g] !== void 0) {
                c = g;
                break;
            }
        }
        var end = at + m[0].length;
        var prev = units.length > 0 ? units[units.length - 1] : null;
        if (prev !== null && joiners.indexOf(c) >= 0 && breaks.indexOf(prev.c) < 0) {
            prev.end = end;
            prev.last = c;
        } else {
            units.push({ c: c, start: at, end: end, last: c });
        }
        at = end;
    }
    return units;
}

function isAHLetter(c) {
    return c === W_LET || c === W_HEB;
}

function isMidLetterQ(c) {
    return c === W_MIDL || c === W_MIDNL || c === W_SQ;
}

function isMidNumQ(c) {
    return c === W_MIDN || c === W_MIDNL || c === W_SQ;
}

/* Whether UAX #29 keeps units[i - 1] and units[i] in one word. */
function wordJoins(u, i) {
    var z = i > 1 ? u[i - 2].c : -1, a = u[i - 1].c, b = u[i].c, c = i + 1 < u.length ? u[i + 1].c : -1;
    if (a === W_CR && b === W_LF) {
        return true;
    }
    if (a === W_CR || a === W_LF || a === W_NL || b === W_CR || b === W_LF || b === W_NL) {
        return false;
    }
    if ((u[i - 1].last === W_ZWJ && b === W_PICT) || (a === W_WSEG && b === W_WSEG && u[i - 1].last === W_WSEG)) {
        return true;
    }
    if (isAHLetter(a) && (isAHLetter(b) || (isMidLetterQ(b) && isAHLetter(c)))) {
        return true;
    }
    if (isAHLetter(z) && isMidLetterQ(a) && isAHLetter(b)) {
        return true;
    }
    if (a === W_HEB && (b === W_SQ || (b === W_DQ && c === W_HEB))) {
        return true;
    }
    if (z === W_HEB && a === W_DQ && b === W_HEB) {
        return true;
    }
    if ((a === W_NUM || isAHLetter(a)) && (b === W_NUM || isAHLetter(b))) {
        return true;
    }
    if ((z === W_NUM && isMidNumQ(a) && b === W_NUM) || (a === W_NUM && isMidNumQ(b) && c === W_NUM)) {
        return true;
    }
    if ((a === W_KATA && b === W_KATA) || (a === W_SA && b === W_SA)) {
        return true;
    }
    if ((isAHLetter(a) || a === W_NUM || a === W_KATA || a === W_ENL) && b === W_ENL) {
        return true;
    }
    if (a === W_ENL && (isAHLetter(b) || b === W_NUM || b === W_KATA)) {
        return true;
    }
    if (a === W_RI && b === W_RI) {
        var n = 0;
        for (var j = i - 1; j >= 0 && u[j].c === W_RI; j--) {
            n++;
        }
        return n % 2 === 1;
    }
    return false;
}

function isParaSep(c) {
    return c === S_CR || c === S_LF || c === S_SEP;
}

/* Whether UAX #29 keeps units[i - 1] and units[i] in one sentence. */
function sentenceJoins(u, i) {
    var a = u[i - 1].c, b = u[i].c;
    if (a === S_CR && b === S_LF) {
        return true;
    }
    if (isParaSep(a)) {
        return false;
    }
    var j = i - 1, spaces = 0, closes = 0;
    for (; j >= 0 && u[j].c === S_SP; j--) {
        spaces++;
    }
    for (; j >= 0 && u[j].c === S_CLOSE; j--) {
        closes++;
    }
    if (j < 0 || (u[j].c !== S_ATERM && u[j].c !== S_STERM)) {
        return true;
    }
    if (u[j].c === S_ATERM) {
        if (spaces === 0 && closes === 0 && (b === S_NUM ||
            (b === S_UPPER && j > 0 && (u[j - 1].c === S_UPPER || u[j - 1].c === S_LOWER)))) {
            return true;
        }
        for (var k = i; k < u.length; k++) {
            var ck = u[k].c;
            if (ck === S_OLETTER || ck === S_UPPER || ck === S_LOWER || isParaSep(ck) || ck === S_ATERM ||
                ck === S_STERM) {
                if (ck === S_LOWER) {
                    return true;
                }
                break;
            }
        }
    }
    if (b === S_SCONT || b === S_ATERM || b === S_STERM) {
        return true;
    }
    if (spaces === 0 && b === S_CLOSE) {
        return true;
    }
    return b === S_SP || isParaSep(b);
}

var WORD_LIKE = [W_LET, W_HEB, W_NUM, W_KATA, W_HIRA, W_IDEO, W_SA];

/* The segments of s: [{ start, end, wordLike }] */
function segmentList(s, granularity) {
    var patterns = segmenterPatterns();
    var out = [];
    if (granularity === 'grapheme') {
        var re = patterns.grapheme;
        for (var at = 0; at < s.length;) {
            re.lastIndex = at;
            var m = re.exec(s);
            var end = at + (m !== null && m[0].length > 0 ? m[0].length : 1);
            out.push({ start: at, end: end });
            at = end;
        }
        return out;
    }
    var isWord = granularity === 'word';
    var units = isWord ?
        segmentUnits(s, patterns.word, [W_EXT, W_FMT, W_ZWJ], [W_CR, W_LF, W_NL]) :
        segmentUnits(s, patterns.sentence, [S_EXT, S_FMT], [S_CR, S_LF, S_SEP]);
    var joins = isWord ? wordJoins : sentenceJoins;
    for (var i = 0; i < units.length; i++) {
        if (i === 0 || !joins(units, i)) {
            out.push({ start: units[i].start, end: units[i].end, wordLike: false });
        } else {
            out[out.length - 1].end = units[i].end;
        }
        if (isWord && WORD_LIKE.indexOf(units[i].c) >= 0) {
            out[out.length - 1].wordLike = true;
        }
    }
    return out;
}

function segmentData(s, seg) {
    var data = { segment: s.input.slice(seg.start, seg.end), index: seg.start, input: s.input };
    if (s.granularity === 'word') {
        data.isWordLike = seg.wordLike;
    }
    return data;
}

function Segmenter(locales, options) {
    var opened = openConstructor(this, Segmenter, 'Segmenter', locales, options), locale = opened.locale, o = opened.options;
    this[STATE] = {
        kind: 'Segmenter',
        locale: locale,
        granularity: getOption(o, 'granularity', ['grapheme', 'word', 'sentence'], 'grapheme')
    };
}

/* %SegmentsPrototype% and %SegmentIteratorPrototype% */
function Segments() {}
function SegmentIterator() {}

function segmenterSegment(string) {
    var s = intl.stateOf(this, 'Segmenter', 'Intl.Segmenter.prototype.segment');
    var segments = new Segments();
    segments[STATE] = { kind: 'Segments', input: String(string), granularity: s.granularity, list: null };
    return segments;
}

function segmentsOf(s) {
    if (s.list === null) {
        s.list = segmentList(s.input, s.granularity);
    }
    return s.list;
}

function segmentsContaining(index) {
    var s = intl.stateOf(this, 'Segments', '%Segments.prototype%.containing');
    var n = +index;
    n = n !== n ? 0 : n < 0 ? Math.ceil(n) : Math.floor(n);
    if (n < 0 || n >= s.input.length) {
        return void 0;
    }
    var list = segmentsOf(s);
    for (var i = 0; i < list.length; i++) {
        if (n < list[i].end) {
            return segmentData(s, list[i]);
        }
    }
    return void 0;
}

function segmentsIterator() {
    var s = intl.stateOf(this, 'Segments', '%Segments.prototype%[@@iterator]');
    var it = new SegmentIterator();
    it[STATE] = { kind: 'SegmentIterator', segments: s, next: 0 };
    return it;
}

function segmentIteratorNext() {
    var s = intl.stateOf(this, 'SegmentIterator', '%SegmentIterator.prototype%.next');
    var list = segmentsOf(s.segments);
    if (s.next >= list.length) {
        return { value: void 0, done: true };
    }
    return { value: segmentData(s.segments, list[s.next++]), done: false };
}

function segmenterResolvedOptions() {
    var s = intl.stateOf(this, 'Segmenter', 'Intl.Segmenter.prototype.resolvedOptions');
    return intl.copyResolved(s, ['locale', 'granularity']);
}

Segments.prototype = {};
intl.defineMethods(Segments.prototype, [['containing', segmentsContaining, 1]]);
spec.setNameAndLength(segmentsIterator, '[Symbol.iterator]', 0);
Object.defineProperty(Segments.prototype, Symbol.iterator, {
    value: segmentsIterator, writable: true, enumerable: false, configurable: true
});
SegmentIterator.prototype = Object.create(native.IteratorPrototype);
intl.defineMethods(SegmentIterator.prototype, [['next', segmentIteratorNext, 0]]);
intl.defineTag(SegmentIterator.prototype, 'Segmenter String Iterator');
Segmenter.prototype = {};
intl.defineMethods(Segmenter.prototype, [
    ['resolvedOptions', segmenterResolvedOptions, 0], ['segment', segmenterSegment, 1]
]);
intl.defineTag(Segmenter.prototype, 'Intl.Segmenter');
intl.publish('Segmenter', Segmenter, 0);
