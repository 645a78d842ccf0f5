// SPDX-License-Identifier: MIT
/*
 * Intl (ECMA-402), the part Workers code and npm libraries use, for the
 * English locales: locale lists (Intl.getCanonicalLocales,
 * supportedLocalesOf), Intl.NumberFormat (decimal, percent, currency and
 * unit styles, the sanctioned units and their -per- compounds, digit
 * options, grouping, sign display, compact, scientific and engineering
 * notation, formatToParts), Intl.PluralRules (English cardinal
 * and ordinal rules) and Intl.Collator (an approximation of the root
 * collation: punctuation before digits before letters, accents at the
 * second level and case at the third, lowercase first), with
 * Number.prototype.toLocaleString and String.prototype.localeCompare on top
 * (which 19-intl-methods.js installs: in a process for one request, this
 * file and the other two Intl files load on first use, lib/runtime_lazy.c).
 * The available locales are "en" and "en-US"; any other request resolves to
 * one of them, as resolvedOptions().locale shows. Intl.DateTimeFormat is in
 * 19-intl-date.js, which shares the helpers published as native.intl.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var STATE = Symbol('intl');
var AVAILABLE = ['en-US', 'en'];
var DEFAULT_LOCALE = 'en-US';

var Intl = {};

/* ---- locales ---- */

var LANGTAG = /^(?:[a-z]{2,3}|[a-z]{5,8})(-[a-z]{4})?(-(?:[a-z]{2}|[0-9]{3}))?((?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)((?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*)(-x(?:-[a-z0-9]{1,8})+)?$/;

/* The canonical form of one language tag: language lower case, script
 * title case, region upper case (RangeError for a malformed tag). */
function canonicalizeTag(tag) {
    var lower = tag.toLowerCase();
    var m = LANGTAG.exec(lower);
    if (m === null || /-([0-9a-wyz])-.*-\1-/.test(lower.replace(/-x-.*/, '') + '-')) {
        throw new RangeError('Incorrect locale information provided');
    }
    var out = lower.slice(0, lower.indexOf('-') < 0 ? lower.length : lower.indexOf('-'));
    if (m[1]) {
        out += '-' + m[1].charAt(1).toUpperCase() + m[1].slice(2);
    }
    if (m[2]) {
        out += m[2].toUpperCase();
    }
    return out + (m[3] || '') + (m[4] || '') + (m[5] || '');
}

function canonicalizeLocaleList(locales) {
    var seen = [];
    if (locales === void 0) {
        return seen;
    }
    var list = typeof locales === 'string' || (locales !== null && locales[STATE] && locales[STATE].tag)
        ? [locales] : Object(locales);
    if (locales === null) {
        throw new TypeError('Cannot convert null to object');
    }
    var len = spec.toLength(list.length);
    for (var i = 0; i < len; i++) {
        if (!(i in list)) {
            continue;
        }
        var v = list[i];
        if (typeof v !== 'string' && (v === null || (typeof v !== 'object' && typeof v !== 'function'))) {
            throw new TypeError('Language ID should be string or object.');
        }
        var tag = canonicalizeTag(v !== null && typeof v === 'object' && v[STATE] && v[STATE].tag
            ? v[STATE].tag : String(v));
        if (seen.indexOf(tag) < 0) {
            seen.push(tag);
        }
    }
    return seen;
}

/* The available locale a requested one falls back to, or undefined. */
function bestAvailable(tag) {
    var candidate = tag.replace(/-u-.*$/, '').replace(/-x-.*$/, '');
    for (;;) {
        if (AVAILABLE.indexOf(candidate) >= 0) {
            return candidate;
        }
        var dash = candidate.lastIndexOf('-');
        if (dash < 0) {
            return void 0;
        }
        candidate = candidate.slice(0, dash);
        if (candidate.charAt(candidate.length - 2) === '-') {
            candidate = candidate.slice(0, -2);
        }
    }
}

function resolveLocale(locales) {
    return resolveLocaleKeywords(locales).locale;
}

/* The keywords of a canonical tag's Unicode extension (-u-): { key: type },
 * a key without a type "true" (UTS 35's attributes are skipped). */
function unicodeKeywords(tag) {
    var keywords = {};
    var subtags = tag.replace(/-x-.*$/, '').split('-');
    var i = subtags.indexOf('u');
    if (i < 0) {
        return keywords;
    }
    for (i++; i < subtags.length && subtags[i].length > 2; i++) {
        // attributes
    }
    while (i < subtags.length && subtags[i].length === 2) {
        var key = subtags[i++], types = [];
        while (i < subtags.length && subtags[i].length > 2) {
            types.push(subtags[i++]);
        }
        if (!(key in keywords)) {
            keywords[key] = types.length ? types.join('-') : 'true';
        }
    }
    return keywords;
}

/* ResolveLocale (ECMA-402 9.2.7) as far as the English data goes: the
 * available locale and the Unicode extension keywords of the request that
 * matched it, { locale, keywords }; each constructor decides which of its
 * relevant keys (DateTimeFormat's ca, hc, nu) it supports and honours. */
function resolveLocaleKeywords(locales) {
    var list = canonicalizeLocaleList(locales);
    for (var i = 0; i < list.length; i++) {
        var found = bestAvailable(list[i]);
        if (found !== void 0) {
            return { locale: found, keywords: unicodeKeywords(list[i]) };
        }
    }
    return { locale: DEFAULT_LOCALE, keywords: {} };
}

function supportedLocalesOf(locales, options) {
    var list = canonicalizeLocaleList(locales);
    if (options !== void 0) {
        getOption(Object(options), 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    }
    var out = [];
    for (var i = 0; i < list.length; i++) {
        if (bestAvailable(list[i]) !== void 0) {
            out.push(list[i]);
        }
    }
    return out;
}

/* ---- options ---- */

function getOptionsObject(options) {
    if (options === void 0) {
        return Object.create(null);
    }
    if (options === null) {
        throw new TypeError('Cannot convert null to object');
    }
    return Object(options);
}

function getOption(options, name, values, fallback) {
    var v = options[name];
    if (v === void 0) {
        return fallback;
    }
    if (values === 'boolean') {
        return !!v;
    }
    v = String(v);
    if (values && values.indexOf(v) < 0) {
        throw new RangeError('Value ' + v + ' out of range for Intl options property ' + name);
    }
    return v;
}

function getNumberOption(options, name, min, max, fallback) {
    var v = options[name];
    if (v === void 0) {
        return fallback;
    }
    v = +v;
    if (v !== v || v < min || v > max) {
        throw new RangeError(name + ' value is out of range.');
    }
    return Math.floor(v);
}

function stateOf(x, key, what) {
    var s = x !== null && typeof x === 'object' ? x[STATE] : void 0;
    if (s === void 0 || s.kind !== key) {
        throw new TypeError('Method ' + what + ' called on incompatible receiver ' + String(x));
    }
    return s;
}

function defineMethods(proto, list) {
    for (var i = 0; i < list.length; i++) {
        setNameAndLength(list[i][1], list[i][0], list[i][2]);
        defineHidden(proto, list[i][0], list[i][1]);
    }
}

function defineGetter(proto, name, getter) {
    setNameAndLength(getter, 'get ' + name, 0);
    Object.defineProperty(proto, name, { get: getter, enumerable: false, configurable: true });
}

function defineTag(proto, tag) {
    Object.defineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true });
}

/* ---- decimal digits ---- */

/* A finite number's exact shortest decimal digits: { digits: '12345',
 * exp: 2 } means 123.45 (digits × 10^(exp + 1 - digits.length)). */
function decimalOf(x) {
    var s = Math.abs(x).toExponential();
    var e = s.indexOf('e');
    var digits = s.slice(0, e).replace('.', '');
    return { digits: x === 0 ? '0' : digits, exp: x === 0 ? 0 : +s.slice(e + 1) };
}

/* The decimal rounded half away from zero so that its last digit has
 * magnitude 10^pos; returns { digits, exp } again. */
function roundAt(d, pos) {
    var keep = d.exp - pos + 1;
    if (keep >= d.digits.length) {
        return d;
    }
    if (keep < 0) {
        return { digits: '0', exp: pos };
    }
    var kept = d.digits.slice(0, keep);
    var up = d.digits.charAt(keep) >= '5';
    if (!up) {
        return kept === '' ? { digits: '0', exp: pos } : { digits: kept, exp: d.exp };
    }
    var arr = kept.split('');
    var i = arr.length - 1;
    while (i >= 0 && arr[i] === '9') {
        arr[i] = '0';
        i--;
    }
    if (i < 0) {
        arr.unshift('1');
        return { digits: arr.join(''), exp: d.exp + 1 };
    }
    arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
    return { digits: arr.join(''), exp: kept === '' ? d.exp + 1 : d.exp };
}

function isZero(d) {
    return /^0*$/.test(d.digits);
}

/* Integer and fraction digit strings of a decimal, with at least minFrac
 * fraction digits and trailing zeros beyond them removed. */
function splitDecimal(d, minFrac, minInt) {
    var digits = d.digits;
    var intLen = d.exp + 1;
    var whole, frac;
    if (isZero(d)) {
        whole = '0';
        frac = '';
    } else if (intLen <= 0) {
        whole = '0';
        frac = new Array(1 - intLen).join('0') + digits;
    } else if (intLen >= digits.length) {
        whole = digits + new Array(intLen - digits.length + 1).join('0');
        frac = '';
    } else {
        whole = digits.slice(0, intLen);
        frac = digits.slice(intLen);
    }
    while (frac.length > minFrac && frac.charAt(frac.length - 1) === '0') {
        frac = frac.slice(0, -1);
    }
    while (frac.length < minFrac) {
        frac += '0';
    }
    while (whole.length < minInt) {
        whole = '0' + whole;
    }
    return { whole: whole, frac: frac };
}

/* Rounds by the resolved digit options; returns { whole, frac, zero }. */
function roundDecimal(s, d) {
    var byFrac = null;
    var bySig = null;
    if (s.roundingType !== 'significant') {
        byFrac = splitDecimal(roundAt(d, -s.maximumFractionDigits), s.minimumFractionDigits, s.minimumIntegerDigits);
    }
    if (s.roundingType !== 'fraction') {
        var r = roundAt(d, d.exp - s.maximumSignificantDigits + 1);
        var minFrac = Math.max(0, s.minimumSignificantDigits - (r.exp + 1));
        if (isZero(r)) {
            minFrac = s.minimumSignificantDigits - 1;
        }
        bySig = splitDecimal(r, minFrac, s.minimumIntegerDigits);
    }
    if (byFrac === null) {
        return bySig;
    }
    if (bySig === null) {
        return byFrac;
    }
    /* morePrecision: the result whose last digit is of lower magnitude */
    return bySig.frac.length > byFrac.frac.length ? bySig : byFrac;
}

/* ---- Intl.NumberFormat ---- */

var CURRENCIES = {
    /* code: [symbol, narrow symbol, digits, singular name, plural name] */
    USD: ['$', '$', 2, 'US dollar', 'US dollars'],
    EUR: ['€', '€', 2, 'euro', 'euros'],
    GBP: ['£', '£', 2, 'British pound', 'British pounds'],
    JPY: ['¥', '¥', 0, 'Japanese yen', 'Japanese yen'],
    CNY: ['CN¥', '¥', 2, 'Chinese yuan', 'Chinese yuan'],
    CAD: ['CA$', '$', 2, 'Canadian dollar', 'Canadian dollars'],
    AUD: ['A$', '$', 2, 'Australian dollar', 'Australian dollars'],
    INR: ['₹', '₹', 2, 'Indian rupee', 'Indian rupees'],
    KRW: ['₩', '₩', 0, 'South Korean won', 'South Korean won'],
    CHF: ['CHF', 'CHF', 2, 'Swiss franc', 'Swiss francs'],
    MXN: ['MX$', '$', 2, 'Mexican peso', 'Mexican pesos'],
    BRL: ['R$', 'R$', 2, 'Brazilian real', 'Brazilian reals'],
    SEK: ['SEK', 'kr', 2, 'Swedish krona', 'Swedish kronor'],
    PLN: ['PLN', 'zł', 2, 'Polish zloty', 'Polish zlotys']
};

var COMPACT = [
    /* [power of ten, short suffix, long suffix] */
    [12, 'T', ' trillion'], [9, 'B', ' billion'], [6, 'M', ' million'], [3, 'K', ' thousand']
];

/* The sanctioned simple units (ECMA-402 IsSanctionedSingleUnitIdentifier)
 * as CLDR's en names them: [short, short plural, long, long plural,
 * narrow]; a leading space is a literal between the number and the unit. */
var UNITS = {
    'acre': [' ac', ' ac', ' acre', ' acres', 'ac'],
    'bit': [' bit', ' bit', ' bit', ' bits', 'bit'],
    'byte': [' byte', ' byte', ' byte', ' bytes', 'B'],
    'celsius': ['°C', '°C', ' degree Celsius', ' degrees Celsius', '°C'],
    'centimeter': [' cm', ' cm', ' centimeter', ' centimeters', 'cm'],
    'day': [' day', ' days', ' day', ' days', 'd'],
    'degree': [' deg', ' deg', ' degree', ' degrees', '°'],
    'fahrenheit': ['°F', '°F', ' degree Fahrenheit', ' degrees Fahrenheit', '°'],
    'fluid-ounce': [' fl oz', ' fl oz', ' fluid ounce', ' fluid ounces', 'fl oz'],
    'foot': [' ft', ' ft', ' foot', ' feet', '′'],
    'gallon': [' gal', ' gal', ' gallon', ' gallons', 'gal'],
    'gigabit': [' Gb', ' Gb', ' gigabit', ' gigabits', 'Gb'],
    'gigabyte': [' GB', ' GB', ' gigabyte', ' gigabytes', 'GB'],
    'gram': [' g', ' g', ' gram', ' grams', 'g'],
    'hectare': [' ha', ' ha', ' hectare', ' hectares', 'ha'],
    'hour': [' hr', ' hr', ' hour', ' hours', 'h'],
    'inch': [' in', ' in', ' inch', ' inches', '″'],
    'kilobit': [' kb', ' kb', ' kilobit', ' kilobits', 'kb'],
    'kilobyte': [' kB', ' kB', ' kilobyte', ' kilobytes', 'kB'],
    'kilogram': [' kg', ' kg', ' kilogram', ' kilograms', 'kg'],
    'kilometer': [' km', ' km', ' kilometer', ' kilometers', 'km'],
    'liter': [' L', ' L', ' liter', ' liters', 'L'],
    'megabit': [' Mb', ' Mb', ' megabit', ' megabits', 'Mb'],
    'megabyte': [' MB', ' MB', ' megabyte', ' megabytes', 'MB'],
    'meter': [' m', ' m', ' meter', ' meters', 'm'],
    'microsecond': [' μs', ' μs', ' microsecond', ' microseconds', 'μs'],
    'mile': [' mi', ' mi', ' mile', ' miles', 'mi'],
    'mile-scandinavian': [' smi', ' smi', ' mile-scandinavian', ' miles-scandinavian', 'smi'],
    'milliliter': [' mL', ' mL', ' milliliter', ' milliliters', 'mL'],
    'millimeter': [' mm', ' mm', ' millimeter', ' millimeters', 'mm'],
    'millisecond': [' ms', ' ms', ' millisecond', ' milliseconds', 'ms'],
    'minute': [' min', ' min', ' minute', ' minutes', 'm'],
    'month': [' mth', ' mths', ' month', ' months', 'm'],
    'nanosecond': [' ns', ' ns', ' nanosecond', ' nanoseconds', 'ns'],
    'ounce': [' oz', ' oz', ' ounce', ' ounces', 'oz'],
    'percent': ['%', '%', ' percent', ' percent', '%'],
    'petabyte': [' PB', ' PB', ' petabyte', ' petabytes', 'PB'],
    'pound': [' lb', ' lb', ' pound', ' pounds', '#'],
    'second': [' sec', ' sec', ' second', ' seconds', 's'],
    'stone': [' st', ' st', ' stone', ' stones', 'st'],
    'terabit': [' Tb', ' Tb', ' terabit', ' terabits', 'Tb'],
    'terabyte': [' TB', ' TB', ' terabyte', ' terabytes', 'TB'],
    'week': [' wk', ' wks', ' week', ' weeks', 'w'],
    'yard': [' yd', ' yd', ' yard', ' yards', 'yd'],
    'year': [' yr', ' yrs', ' year', ' years', 'y']

};

/* A compound unit's "per" part where CLDR gives the denominator a
 * perUnitPattern of its own: [short, narrow]. */
var PER_UNIT = {
    day: ['d', 'd'], gallon: ['gal US', 'gal'], hour: ['h', 'h'], month: ['m', 'm'], second: ['s', 's'],
    week: ['w', 'w'], year: ['y', 'y'], foot: ['ft', 'ft'], inch: ['in', 'in'], minute: ['min', 'min'],
    pound: ['lb', 'lb']
};

/* Compound units with names of their own: [short, long singular, long plural, narrow]. */
var COMPOUND_UNITS = {
    'mile-per-hour': [' mph', ' mile per hour', ' miles per hour', 'mph'],
    'mile-per-gallon': [' mpg', ' mile per gallon', ' miles per gallon', 'mpg']
};

/* IsWellFormedUnitIdentifier: a sanctioned unit or two joined by -per-. */
function isWellFormedUnit(unit) {
    if (Object.prototype.hasOwnProperty.call(UNITS, unit)) {
        return true;
    }
    var i = unit.indexOf('-per-');
    if (i < 0) {
        return false;
    }
    var num = unit.slice(0, i);
    var den = unit.slice(i + 5);
    return Object.prototype.hasOwnProperty.call(UNITS, num) && Object.prototype.hasOwnProperty.call(UNITS, den);
}

/* The unit's text after a number (its leading space a literal), as ICU
 * builds it: a compound is the numerator's own pattern followed by "/"
 * and the denominator's short name, or " per " and its long singular. */
function unitText(unit, display, plural) {
    var col = display === 'long' ? 2 : display === 'narrow' ? 4 : 0;
    var own = COMPOUND_UNITS[unit];
    if (own !== void 0) {
        return display === 'long' ? own[plural ? 2 : 1] : own[display === 'narrow' ? 3 : 0];
    }
    var i = unit.indexOf('-per-');
    if (i < 0) {
        return UNITS[unit][col < 4 && plural ? col + 1 : col];
    }
    var num = unit.slice(0, i);
    var den = unit.slice(i + 5);
    var text = UNITS[num][col < 4 && plural ? col + 1 : col];
    if (display === 'long') {
        return text + ' per' + UNITS[den][2];
    }
    if (num === 'percent') {
        /* ICU drops the denominator after a percent sign */
        return text;
    }
    var per = PER_UNIT[den];
    return text + '/' + (per !== void 0 ? per[col === 4 ? 1 : 0] : UNITS[den][col].replace(/^ /, ''));
}

function pushUnit(parts, s, plural) {
    var text = unitText(s.unit, s.unitDisplay, plural);
    if (text.charAt(0) === ' ') {
        parts.push({ type: 'literal', value: ' ' });
        text = text.slice(1);
    }
    parts.push({ type: 'unit', value: text });
}

function NumberFormat(locales, options) {
    if (!(this instanceof NumberFormat) || this[STATE]) {
        return new NumberFormat(locales, options);
    }
    var request = resolveLocaleKeywords(locales);
    var o = getOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    var nu = getOption(o, 'numberingSystem', null, void 0);
    if (nu !== void 0 && !/^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/.test(nu)) {
        throw new RangeError('Invalid numberingSystem : ' + nu);
    }
    /* -u-nu-latn stays in the locale (the only digits here) */
    var locale = request.locale + (request.keywords.nu === 'latn' && (nu === void 0 || nu === 'latn') ? '-u-nu-latn' : '');
    var s = { kind: 'NumberFormat', locale: locale, numberingSystem: 'latn' };
    s.style = getOption(o, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal');
    var currency = getOption(o, 'currency', null, void 0);
    if (currency !== void 0 && !/^[a-zA-Z]{3}$/.test(currency)) {
        throw new RangeError('Invalid currency code : ' + currency);
    }
    var currencyDisplay = getOption(o, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol');
    var currencySign = getOption(o, 'currencySign', ['standard', 'accounting'], 'standard');
    var unit = getOption(o, 'unit', null, void 0);
    if (unit !== void 0 && !isWellFormedUnit(unit)) {
        throw new RangeError("Invalid unit argument for Intl.NumberFormat() '" + unit + "'");
    }
    var unitDisplay = getOption(o, 'unitDisplay', ['short', 'narrow', 'long'], 'short');
    if (s.style === 'currency') {
        if (currency === void 0) {
            throw new TypeError('Currency code is required with currency style.');
        }
        s.currency = currency.toUpperCase();
        s.currencyDisplay = currencyDisplay;
        s.currencySign = currencySign;
    }
    if (s.style === 'unit') {
        if (unit === void 0) {
            throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
        }
        s.unit = unit;
        s.unitDisplay = unitDisplay;
    }
    s.notation = getOption(o, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard');
    var cDigits = s.style === 'currency' ? (CURRENCIES[s.currency] ? CURRENCIES[s.currency][2] : 2) : 0;
    var mnfdDefault = s.style === 'currency' && s.notation !== 'compact' ? cDigits : 0;
    var mxfdDefault = s.style === 'currency' && s.notation !== 'compact' ? Math.max(cDigits, mnfdDefault)
        : (s.style === 'percent' ? 0 : 3);
    s.minimumIntegerDigits = getNumberOption(o, 'minimumIntegerDigits', 1, 21, 1);
    var mnsd = o.minimumSignificantDigits;
    var mxsd = o.maximumSignificantDigits;
    var mnfd = o.minimumFractionDigits;
    var mxfd = o.maximumFractionDigits;
    var needSd = mnsd !== void 0 || mxsd !== void 0;
    var needFd = !needSd && (mnfd !== void 0 || mxfd !== void 0);
    s.roundingPriority = getOption(o, 'roundingPriority', ['auto', 'morePrecision', 'lessPrecision'], 'auto');
    if (needSd) {
        s.minimumSignificantDigits = getNumberOption(o, 'minimumSignificantDigits', 1, 21, 1);
        s.maximumSignificantDigits = getNumberOption(o, 'maximumSignificantDigits', s.minimumSignificantDigits, 21, 21);
        s.roundingType = 'significant';
    } else if (needFd) {
        mnfd = getNumberOption(o, 'minimumFractionDigits', 0, 100, void 0);
        mxfd = getNumberOption(o, 'maximumFractionDigits', 0, 100, void 0);
        if (mnfd === void 0) {
            mnfd = Math.min(mnfdDefault, mxfd);
        } else if (mxfd === void 0) {
            mxfd = Math.max(mxfdDefault, mnfd);
        } else if (mnfd > mxfd) {
            throw new RangeError('maximumFractionDigits value is out of range.');
        }
        s.minimumFractionDigits = mnfd;
        s.maximumFractionDigits = mxfd;
        s.roundingType = 'fraction';
    } else if (s.notation === 'compact') {
        s.minimumFractionDigits = 0;
        s.maximumFractionDigits = 0;
        s.minimumSignificantDigits = 1;
        s.maximumSignificantDigits = 2;
        s.roundingType = 'morePrecision';
        s.roundingPriority = 'morePrecision';
    } else {
        s.minimumFractionDigits = mnfdDefault;
        s.maximumFractionDigits = mxfdDefault;
        s.roundingType = 'fraction';
    }
    s.compactDisplay = getOption(o, 'compactDisplay', ['short', 'long'], 'short');
    var grouping = o.useGrouping;
    var groupingDefault = s.notation === 'compact' ? 'min2' : 'auto';
    if (grouping === void 0) {
        s.useGrouping = groupingDefault;
    } else if (grouping === true) {
        s.useGrouping = 'always';
    } else if (!grouping) {
        s.useGrouping = false; // any falsy value (0, ''), §15.1.13 step 4
    } else {
        grouping = String(grouping);
        if (grouping === 'true' || grouping === 'false') {
            s.useGrouping = groupingDefault;
        } else if (['min2', 'auto', 'always'].indexOf(grouping) < 0) {
            throw new RangeError('Value ' + grouping +
                ' out of range for Intl.NumberFormat options property useGrouping');
        } else {
            s.useGrouping = grouping;
        }
    }
    s.signDisplay = getOption(o, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto');
    this[STATE] = s;
}

/* Grouped integer digits as parts (en: groups of three). */
function pushInteger(parts, whole, grouping) {
    var group = grouping === 'always' || grouping === 'auto' ? whole.length > 3
        : grouping === 'min2' ? whole.length > 4 : false;
    if (!group) {
        parts.push({ type: 'integer', value: whole });
        return;
    }
    var first = whole.length % 3 || 3;
    parts.push({ type: 'integer', value: whole.slice(0, first) });
    for (var i = first; i < whole.length; i += 3) {
        parts.push({ type: 'group', value: ',' });
        parts.push({ type: 'integer', value: whole.slice(i, i + 3) });
    }
}

function currencyPrefix(s, parts, plural) {
    var info = CURRENCIES[s.currency];
    var symbol = s.currencyDisplay === 'code' || !info ? s.currency
        : info[s.currencyDisplay === 'narrowSymbol' ? 1 : 0];
    if (s.currencyDisplay === 'name') {
        return;
    }
    parts.push({ type: 'currency', value: symbol });
    if (/[A-Za-z]$/.test(symbol)) {
        parts.push({ type: 'literal', value: '\u00a0' });
    }
    return plural;
}

function formatNumberToParts(s, x) {
    var parts = [];
    var negative = x < 0 || (x === 0 && 1 / x < 0);
    var number = [];
    var zero = x === 0;
    var one = false;
    var exponent = 0;
    if (x !== x) {
        number.push({ type: 'nan', value: 'NaN' });
        negative = false;
    } else if (x === Infinity || x === -Infinity) {
        number.push({ type: 'infinity', value: '∞' });
    } else {
        var d = decimalOf(x);
        if (s.style === 'percent') {
            d.exp += 2;
        }
        var suffix = null;
        if (s.notation === 'compact' && !isZero(d)) {
            var mag = roundDecimal(s, d).whole.length - 1;
            for (var k = 0; k < COMPACT.length; k++) {
                if (mag >= COMPACT[k][0]) {
                    /* 999999 rounds to 1000K: that is 1M */
                    var scaled = { digits: d.digits, exp: d.exp - COMPACT[k][0] };
                    if (k > 0 && roundDecimal(s, scaled).whole.length > 3) {
                        k--;
                    }
                    d.exp -= COMPACT[k][0];
                    suffix = s.compactDisplay === 'long' ? COMPACT[k][2] : COMPACT[k][1];
                    break;
                }
            }
        } else if ((s.notation === 'scientific' || s.notation === 'engineering') && !isZero(d)) {
            exponent = d.exp;
            if (s.notation === 'engineering') {
                exponent -= ((exponent % 3) + 3) % 3;
            }
            d.exp -= exponent;
            var scaled = roundDecimal(s, d);
            if (scaled.whole.length > (s.notation === 'engineering' ? 3 : 1)) {
                d.exp -= s.notation === 'engineering' ? 3 : 1;
                exponent += s.notation === 'engineering' ? 3 : 1;
            }
        }
        var r = roundDecimal(s, d);
        zero = /^0*$/.test(r.whole + r.frac);
        one = r.whole === '1' && r.frac === '' && suffix === null && exponent === 0;
        pushInteger(number, r.whole, s.useGrouping);
        if (r.frac !== '') {
            number.push({ type: 'decimal', value: '.' });
            number.push({ type: 'fraction', value: r.frac });
        }
        if (s.notation === 'scientific' || s.notation === 'engineering') {
            number.push({ type: 'exponentSeparator', value: 'E' });
            if (exponent < 0) {
                number.push({ type: 'exponentMinusSign', value: '-' });
            }
            number.push({ type: 'exponentInteger', value: String(Math.abs(exponent)) });
        }
        if (suffix !== null) {
            if (suffix.charAt(0) === ' ') {
                number.push({ type: 'literal', value: ' ' });
            }
            number.push({ type: 'compact', value: suffix.replace(/^ /, '') });
        }
    }
    var sign = '';
    switch (s.signDisplay) {
    case 'auto': sign = negative ? '-' : ''; break;
    case 'always': sign = negative ? '-' : '+'; break;
    case 'exceptZero': sign = zero || x !== x ? '' : (negative ? '-' : '+'); break;
    case 'negative': sign = negative && !zero ? '-' : ''; break;
    default: sign = '';
    }
    var accounting = s.style === 'currency' && s.currencySign === 'accounting' && sign === '-';
    if (accounting) {
        parts.push({ type: 'literal', value: '(' });
    } else if (sign !== '') {
        parts.push({ type: sign === '-' ? 'minusSign' : 'plusSign', value: sign });
    }
    if (s.style === 'currency') {
        currencyPrefix(s, parts);
    }
    for (var i = 0; i < number.length; i++) {
        parts.push(number[i]);
    }
    if (s.style === 'percent') {
        parts.push({ type: 'percentSign', value: '%' });
    }
    if (s.style === 'currency' && s.currencyDisplay === 'name') {
        var info = CURRENCIES[s.currency];
        parts.push({ type: 'literal', value: ' ' });
        parts.push({ type: 'currency', value: info ? info[one ? 3 : 4] : s.currency });
    }
    if (s.style === 'unit') {
        pushUnit(parts, s, !one);
    }
    if (accounting) {
        parts.push({ type: 'literal', value: ')' });
    }
    return parts;
}

function joinParts(parts) {
    var out = '';
    for (var i = 0; i < parts.length; i++) {
        out += parts[i].value;
    }
    return out;
}

function toIntlNumber(value) {
    return typeof value === 'number' ? value : +value;
}

function formatNumber(s, x) {
    return joinParts(formatNumberToParts(s, toIntlNumber(x)));
}

function numberFormatGetFormat() {
    var s = stateOf(this, 'NumberFormat', 'get Intl.NumberFormat.prototype.format');
    if (s.bound === void 0) {
        s.bound = function (value) {
            return formatNumber(s, value);
        };
        setNameAndLength(s.bound, '', 1);
    }
    return s.bound;
}

function numberFormatToParts(value) {
    return formatNumberToParts(stateOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatToParts'),
        toIntlNumber(value));
}

function copyResolved(s, keys) {
    var out = {};
    for (var i = 0; i < keys.length; i++) {
        if (s[keys[i]] !== void 0) {
            out[keys[i]] = s[keys[i]];
        }
    }
    return out;
}

function numberFormatResolvedOptions() {
    var s = stateOf(this, 'NumberFormat', 'Intl.NumberFormat.prototype.resolvedOptions');
    var out = copyResolved(s, ['locale', 'numberingSystem', 'style', 'currency', 'currencyDisplay', 'currencySign',
        'unit', 'unitDisplay', 'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits',
        'maximumSignificantDigits', 'useGrouping', 'notation']);
    if (s.notation === 'compact') {
        out.compactDisplay = s.compactDisplay;
    }
    out.signDisplay = s.signDisplay;
    out.roundingMode = 'halfExpand';
    out.roundingIncrement = 1;
    out.trailingZeroDisplay = 'auto';
    out.roundingPriority = s.roundingPriority;
    return out;
}

NumberFormat.prototype = {};
defineMethods(NumberFormat.prototype, [
    ['formatToParts', numberFormatToParts, 1], ['resolvedOptions', numberFormatResolvedOptions, 0]
]);
defineGetter(NumberFormat.prototype, 'format', numberFormatGetFormat);
defineTag(NumberFormat.prototype, 'Intl.NumberFormat');

/* ---- Intl.PluralRules (English) ---- */

function PluralRules(locales, options) {
    if (!(this instanceof PluralRules) || this[STATE]) {
        throw new TypeError("Constructor Intl.PluralRules requires 'new'");
    }
    var o = getOptionsObject(options);
    var type = getOption(o, 'type', ['cardinal', 'ordinal'], 'cardinal');
    var nf = new NumberFormat(locales, o)[STATE];
    if (nf.style !== 'decimal' && o.style !== void 0) {
        nf.style = 'decimal';
    }
    this[STATE] = { kind: 'PluralRules', type: type, nf: nf };
}

function pluralRulesSelect(value) {
    var s = stateOf(this, 'PluralRules', 'Intl.PluralRules.prototype.select');
    var x = +value;
    if (!isFinite(x)) {
        return 'other';
    }
    var r = roundDecimal(s.nf, decimalOf(x));
    if (s.type === 'cardinal') {
        return r.whole === '1' && r.frac === '' ? 'one' : 'other';
    }
    var n = +r.whole.slice(-2);
    if (r.frac !== '') {
        return 'other';
    }
    if (n % 10 === 1 && n !== 11) {
        return 'one';
    }
    if (n % 10 === 2 && n !== 12) {
        return 'two';
    }
    if (n % 10 === 3 && n !== 13) {
        return 'few';
    }
    return 'other';
}

/* English has one plural range category: other (CLDR's en plural ranges). */
function pluralRulesSelectRange(start, end) {
    stateOf(this, 'PluralRules', 'Intl.PluralRules.prototype.selectRange');
    if (start === void 0 || end === void 0) {
        throw new TypeError('Invalid ' + (start === void 0 ? 'startRange' : 'endRange') + ' : undefined');
    }
    var x = +start;
    var y = +end;
    if (x !== x || y !== y) {
        throw new RangeError('Invalid ' + (x !== x ? 'startRange' : 'endRange') + ' : NaN');
    }
    return 'other';
}

function pluralRulesResolvedOptions() {
    var s = stateOf(this, 'PluralRules', 'Intl.PluralRules.prototype.resolvedOptions');
    var out = copyResolved(s.nf, ['locale']);
    out.type = s.type;
    var digits = copyResolved(s.nf, ['minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits',
        'minimumSignificantDigits', 'maximumSignificantDigits']);
    for (var k in digits) {
        out[k] = digits[k];
    }
    out.pluralCategories = s.type === 'cardinal' ? ['one', 'other'] : ['few', 'one', 'two', 'other'];
    return out;
}

PluralRules.prototype = {};
defineMethods(PluralRules.prototype, [
    ['select', pluralRulesSelect, 1], ['selectRange', pluralRulesSelectRange, 2],
    ['resolvedOptions', pluralRulesResolvedOptions, 0]
]);
defineTag(PluralRules.prototype, 'Intl.PluralRules');

/* ---- Intl.Collator ---- */

var PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

/* Collation elements of a string: for each character a primary weight
 * (what it is), a secondary one (its accents) and a tertiary one (its
 * case). Digits runs compare by value when numeric is set. */
function collationKeys(str, s) {
    var text = String(str).normalize('NFD');
    var primary = [];
    var secondary = [];
    var tertiary = [];
    var len = text.length;
    for (var i = 0; i < len; i++) {
        var c = text.charAt(i);
        var code = text.charCodeAt(i);
        if (code >= 0x300 && code <= 0x36f) {
            if (secondary.length > 0) {
                secondary[secondary.length - 1] = secondary[secondary.length - 1] * 1024 + (code - 0x2ff);
            }
            continue;
        }
        if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad || code === 0x200b) {
            continue;
        }
        var lower = c.toLowerCase();
        var p;
        var idx = PUNCTUATION.indexOf(c);
        if (idx >= 0 || /\s/.test(c)) {
            if (s.ignorePunctuation) {
                continue;
            }
            p = idx >= 0 ? 10 + idx : 10;
        } else if (c >= '0' && c <= '9') {
            if (s.numeric) {
                var j = i;
                while (j < len && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                var run = text.slice(i, j).replace(/^0+(?=.)/, '');
                primary.push(100, 100 + run.length);
                secondary.push(0, 0);
                tertiary.push(0, 0);
                for (var q = 0; q < run.length; q++) {
                    primary.push(100 + run.charCodeAt(q) - 48);
                    secondary.push(0);
                    tertiary.push(0);
                }
                i = j - 1;
                continue;
            }
            p = 100 + code - 48;
        } else if (lower === 'ß') {
            primary.push(1000 + 18, 1000 + 18);
            secondary.push(0, 1);
            tertiary.push(0, 0);
            continue;
        } else if (lower === 'æ') {
            primary.push(1000, 1000 + 4);
            secondary.push(0, 1);
            tertiary.push(c === 'æ' ? 0 : 1, c === 'æ' ? 0 : 1);
            continue;
        } else if (lower >= 'a' && lower <= 'z') {
            p = 1000 + lower.charCodeAt(0) - 97;
        } else if (lower !== c.toUpperCase() || /[^\x00-\x7f]/.test(c)) {
            p = 2000 + lower.charCodeAt(0);
        } else {
            p = 50 + code;
        }
        primary.push(p);
        secondary.push(0);
        tertiary.push(c === lower ? 0 : 1);
    }
    return [primary, secondary, tertiary];
}

function compareLists(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
        if (a[i] !== b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return a.length === b.length ? 0 : (a.length < b.length ? -1 : 1);
}

var collateAscii = native.collateAscii;

function collatorCompare(s, x, y) {
    /* two ASCII strings: the same weights, compared in C */
    var fast = collateAscii(x, y, s.numeric, s.ignorePunctuation, s.sensitivity, s.caseFirst === 'upper');
    if (fast !== void 0) {
        return fast;
    }
    var a = collationKeys(x, s);
    var b = collationKeys(y, s);
    var r = compareLists(a[0], b[0]);
    if (r !== 0) {
        return r;
    }
    if (s.sensitivity === 'accent' || s.sensitivity === 'variant') {
        r = compareLists(a[1], b[1]);
        if (r !== 0) {
            return r;
        }
    }
    if (s.sensitivity === 'case' || s.sensitivity === 'variant') {
        r = compareLists(a[2], b[2]);
        if (r !== 0) {
            return s.caseFirst === 'upper' ? -r : r;
        }
    }
    return 0;
}

function Collator(locales, options) {
    if (!(this instanceof Collator) || this[STATE]) {
        return new Collator(locales, options);
    }
    var locale = resolveLocale(locales);
    var o = getOptionsObject(options);
    var usage = getOption(o, 'usage', ['sort', 'search'], 'sort');
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    var collation = getOption(o, 'collation', null, void 0);
    if (collation !== void 0 && !/^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/.test(collation)) {
        throw new RangeError('Invalid collation : ' + collation);
    }
    this[STATE] = {
        kind: 'Collator',
        locale: locale,
        usage: usage,
        numeric: getOption(o, 'numeric', 'boolean', false),
        caseFirst: getOption(o, 'caseFirst', ['upper', 'lower', 'false'], 'false'),
        sensitivity: getOption(o, 'sensitivity', ['base', 'accent', 'case', 'variant'], 'variant'),
        ignorePunctuation: getOption(o, 'ignorePunctuation', 'boolean', false)
    };
}

function collatorGetCompare() {
    var s = stateOf(this, 'Collator', 'get Intl.Collator.prototype.compare');
    if (s.bound === void 0) {
        s.bound = function (x, y) {
            return collatorCompare(s, String(x), String(y));
        };
        setNameAndLength(s.bound, '', 2);
    }
    return s.bound;
}

function collatorResolvedOptions() {
    var s = stateOf(this, 'Collator', 'Intl.Collator.prototype.resolvedOptions');
    var out = copyResolved(s, ['locale', 'usage', 'sensitivity', 'ignorePunctuation']);
    out.collation = 'default';
    out.numeric = s.numeric;
    out.caseFirst = s.caseFirst;
    return out;
}

Collator.prototype = {};
defineMethods(Collator.prototype, [['resolvedOptions', collatorResolvedOptions, 0]]);
defineGetter(Collator.prototype, 'compare', collatorGetCompare);
defineTag(Collator.prototype, 'Intl.Collator');

/* ---- the constructors, Intl, and the methods built on them ---- */

function publish(name, C, length) {
    setNameAndLength(C, name, length);
    Object.defineProperty(C, 'prototype', { writable: false, enumerable: false, configurable: false });
    defineHidden(C.prototype, 'constructor', C);
    var slo = function (locales, options) {
        return supportedLocalesOf(locales, options);
    };
    setNameAndLength(slo, 'supportedLocalesOf', 1);
    defineHidden(C, 'supportedLocalesOf', slo);
    defineHidden(Intl, name, C);
}

publish('NumberFormat', NumberFormat, 0);
publish('PluralRules', PluralRules, 0);
publish('Collator', Collator, 0);

function getCanonicalLocales(locales) {
    return canonicalizeLocaleList(locales);
}
setNameAndLength(getCanonicalLocales, 'getCanonicalLocales', 1);
defineHidden(Intl, 'getCanonicalLocales', getCanonicalLocales);
defineTag(Intl, 'Intl');

/* The built-in methods, each as a function of its this value first (what
 * 19-intl-methods.js's methods call: one call, no bound call). */
var defaultNumberFormat = null;
function numberToLocaleStringOf(self, locales, options) {
    var x = typeof self === 'number' ? self : Number.prototype.valueOf.call(self);
    if (locales === void 0 && options === void 0) {
        if (defaultNumberFormat === null) {
            defaultNumberFormat = new NumberFormat()[STATE];
        }
        return joinParts(formatNumberToParts(defaultNumberFormat, x));
    }
    return joinParts(formatNumberToParts(new NumberFormat(locales, options)[STATE], x));
}

var defaultCollator = null;
function localeCompareOf(self, that, locales, options) {
    if (self === null || self === void 0) {
        throw new TypeError('String.prototype.localeCompare called on null or undefined');
    }
    var s;
    if (locales === void 0 && options === void 0) {
        if (defaultCollator === null) {
            defaultCollator = new Collator()[STATE];
        }
        s = defaultCollator;
    } else {
        s = new Collator(locales, options)[STATE];
    }
    return collatorCompare(s, String(self), String(that));
}

native.intl = {
    STATE: STATE,
    Intl: Intl,
    resolveLocale: resolveLocale,
    resolveLocaleKeywords: resolveLocaleKeywords,
    getOptionsObject: getOptionsObject,
    getOption: getOption,
    getNumberOption: getNumberOption,
    stateOf: stateOf,
    defineMethods: defineMethods,
    defineGetter: defineGetter,
    defineTag: defineTag,
    publish: publish,
    copyResolved: copyResolved,
    joinParts: joinParts,
    canonicalizeTag: canonicalizeTag,
    NumberFormat: NumberFormat,
    formatNumberToParts: formatNumberToParts,
    UNITS: UNITS,
    CURRENCIES: CURRENCIES,
    /* the built-in methods, as functions of their this value first, which
     * 19-intl-methods.js's methods call */
    numberToLocaleStringOf: numberToLocaleStringOf,
    localeCompareOf: localeCompareOf
};
native.defineGlobal('Intl', Intl);
