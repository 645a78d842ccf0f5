// SPDX-License-Identifier: MIT
/*
 * The rest of Intl for English, on the helpers of 18-intl.js
 * (native.intl): Intl.RelativeTimeFormat (long, short and narrow; numeric
 * 'always' and 'auto' with CLDR's en phrases: "yesterday", "next week",
 * "in 3 days") and Intl.ListFormat (conjunction, disjunction and unit
 * lists, long, short and narrow). Any locale resolves as in 18-intl.js.
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
    requireNew(this, RelativeTimeFormat, 'RelativeTimeFormat');
    var locale = intl.resolveLocale(locales);
    var o = intl.getOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
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
    requireNew(this, ListFormat, 'ListFormat');
    var locale = intl.resolveLocale(locales);
    var o = intl.getOptionsObject(options);
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
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
