// SPDX-License-Identifier: MIT
/*
 * Intl.DateTimeFormat for English (en, en-US), and Date's toLocaleString,
 * toLocaleDateString and toLocaleTimeString on top of it: dateStyle and
 * timeStyle, the weekday/era/year/month/day/dayPeriod/hour/minute/second/
 * fractionalSecondDigits components joined as CLDR's en patterns join them,
 * hour12 and hourCycle, timeZoneName, formatToParts, and time zones from
 * the system's tz database (native.intlZone, native.intlZoneFields in
 * lib/api_intl.c): UTC and every IANA zone the C library knows, names
 * matched without regard to case. Time zone names are the English ones for
 * UTC, the United States and a few common zones, GMT offsets otherwise.
 */
'use strict';

var intl = native.intl;
var STATE = intl.STATE;
var getOption = intl.getOption;
var getNumberOption = intl.getNumberOption;
var zoneOf = native.intlZone;
var zoneFields = native.intlZoneFields;
var defaultZone = native.intlDefaultZone;

var WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
var ERAS_AD = { narrow: 'A', short: 'AD', long: 'Anno Domini' };
var ERAS_BC = { narrow: 'B', short: 'BC', long: 'Before Christ' };
var COMPONENTS = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second',
    'fractionalSecondDigits', 'timeZoneName'];
/* abbreviation: [long name, short generic, long generic] of the US zones
 * (js/16-date.js, which names the zone of Date's toString the same way) */
var NAMES = native.zoneNames.us;
var longZoneName = native.zoneNames.longName;
var DAY_PERIODS = {
    narrow: ['at night', 'in the morning', 'n', 'in the afternoon', 'in the evening'],
    short: ['at night', 'in the morning', 'noon', 'in the afternoon', 'in the evening'],
    long: ['at night', 'in the morning', 'noon', 'in the afternoon', 'in the evening']
};

function resolveZone(value) {
    if (value === void 0) {
        return defaultZone();
    }
    var name = String(value);
    var zone = zoneOf(name);
    if (zone === void 0) {
        throw new RangeError('Invalid time zone specified: ' + name);
    }
    return zone;
}

function DateTimeFormat(locales, options) {
    if (!(this instanceof DateTimeFormat) || this[STATE]) {
        return new DateTimeFormat(locales, options);
    }
    this[STATE] = createState(locales, options, 'any', 'date');
}

/* CreateDateTimeFormat: required is 'date', 'time' or 'any'; defaults is
 * 'date', 'time' or 'all' (what to show when no component is asked). */
function createState(locales, options, required, defaults) {
    var request = intl.resolveLocaleKeywords(locales);
    var keywords = request.keywords;
    var o = intl.getOptionsObject(options);
    var s = { kind: 'DateTimeFormat', locale: request.locale, calendar: 'gregory', numberingSystem: 'latn' };
    getOption(o, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    var calendar = getOption(o, 'calendar', null, void 0);
    if (calendar !== void 0 && !/^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/.test(calendar)) {
        throw new RangeError('Invalid calendar : ' + calendar);
    }
    var nu = getOption(o, 'numberingSystem', null, void 0);
    if (nu !== void 0 && !/^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/.test(nu)) {
        throw new RangeError('Invalid numberingSystem : ' + nu);
    }
    var hour12 = o.hour12;
    var hc = getOption(o, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], void 0);
    /* the locale's -u-hc- (temporal-polyfill asks "en-u-hc-h23"), unless
     * an option says otherwise; hour12 takes the 12- or 24-hour cycle of
     * the same kind (h11 and h23 count from 0), as V8 does */
    var localeHc = /^h(?:11|12|23|24)$/.test(keywords.hc) ? keywords.hc : void 0;
    if (hour12 !== void 0) {
        hour12 = !!hour12;
        var fromZero = localeHc === 'h11' || localeHc === 'h23';
        hc = hour12 ? (fromZero ? 'h11' : 'h12') : (fromZero ? 'h23' : 'h24');
    } else if (hc === void 0) {
        hc = localeHc;
    }
    /* the keywords resolved as they ask stay in the locale, in the order
     * ca, hc, nu (only the Gregorian calendar and Latin digits here) */
    var extension = (keywords.ca === 'gregory' && (calendar === void 0 || calendar === 'gregory') ? '-ca-gregory' : '') +
        (localeHc !== void 0 && hc === localeHc ? '-hc-' + localeHc : '') +
        (keywords.nu === 'latn' && (nu === void 0 || nu === 'latn') ? '-nu-latn' : '');
    if (extension) {
        s.locale += '-u' + extension;
    }
    s.timeZone = resolveZone(o.timeZone);
    s.weekday = getOption(o, 'weekday', ['narrow', 'short', 'long'], void 0);
    s.era = getOption(o, 'era', ['narrow', 'short', 'long'], void 0);
    s.year = getOption(o, 'year', ['2-digit', 'numeric'], void 0);
    s.month = getOption(o, 'month', ['2-digit', 'numeric', 'narrow', 'short', 'long'], void 0);
    s.day = getOption(o, 'day', ['2-digit', 'numeric'], void 0);
    s.dayPeriod = getOption(o, 'dayPeriod', ['narrow', 'short', 'long'], void 0);
    s.hour = getOption(o, 'hour', ['2-digit', 'numeric'], void 0);
    s.minute = getOption(o, 'minute', ['2-digit', 'numeric'], void 0);
    s.second = getOption(o, 'second', ['2-digit', 'numeric'], void 0);
    s.fractionalSecondDigits = getNumberOption(o, 'fractionalSecondDigits', 1, 3, void 0);
    s.timeZoneName = getOption(o, 'timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric',
        'longGeneric'], void 0);
    getOption(o, 'formatMatcher', ['basic', 'best fit'], 'best fit');
    s.dateStyle = getOption(o, 'dateStyle', ['full', 'long', 'medium', 'short'], void 0);
    s.timeStyle = getOption(o, 'timeStyle', ['full', 'long', 'medium', 'short'], void 0);
    var i;
    if (s.dateStyle !== void 0 || s.timeStyle !== void 0) {
        for (i = 0; i < COMPONENTS.length; i++) {
            if (s[COMPONENTS[i]] !== void 0) {
                throw new TypeError("Can't set option " + COMPONENTS[i] + ' when ' +
                    (s.dateStyle !== void 0 ? 'dateStyle' : 'timeStyle') + ' is used');
            }
        }
        if (required === 'date' && s.dateStyle === void 0) {
            throw new TypeError('Invalid option : timeStyle');
        }
        if (required === 'time' && s.timeStyle === void 0) {
            throw new TypeError('Invalid option : dateStyle');
        }
    } else {
        var needDefaults = true;
        var fields = ['weekday', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second',
            'fractionalSecondDigits'];
        for (i = 0; i < fields.length; i++) {
            if (s[fields[i]] !== void 0 && (i < 4 ? required !== 'time' : required !== 'date')) {
                needDefaults = false;
            }
        }
        if (needDefaults && (defaults === 'date' || defaults === 'all')) {
            s.year = s.month = s.day = 'numeric';
        }
        if (needDefaults && (defaults === 'time' || defaults === 'all')) {
            s.hour = s.minute = s.second = 'numeric';
        }
    }
    var hasHour = s.hour !== void 0 || s.timeStyle !== void 0;
    if (hasHour) {
        s.hourCycle = hc === void 0 ? 'h12' : hc;
        s.hour12 = s.hourCycle === 'h11' || s.hourCycle === 'h12';
        if (!s.hour12 && s.hour !== void 0) {
            s.hour = '2-digit';
        }
    }
    if (s.hour !== void 0 || s.timeStyle !== void 0) {
        if (s.minute !== void 0 || s.timeStyle !== void 0) {
            s.minute = '2-digit';
        }
        if (s.second !== void 0 && (s.minute !== void 0)) {
            s.second = '2-digit';
        }
    } else if (s.minute !== void 0 && s.second !== void 0) {
        s.second = '2-digit';
        s.minute = '2-digit';
    }
    if (s.second !== void 0 && s.minute !== void 0) {
        s.second = '2-digit';
    }
    return s;
}

function pad(n, width) {
    var str = String(n);
    while (str.length < width) {
        str = '0' + str;
    }
    return str;
}

/* The wall-clock fields of a time value in the format's zone. */
function fieldsOf(s, tv) {
    if (s.timeZone === 'UTC') {
        var d = new Date(tv);
        return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(),
            d.getUTCSeconds(), d.getUTCDay(), 0, 'UTC'];
    }
    return zoneFields(s.timeZone, tv);
}

/* GMT+5:30 or, long, GMT+05:30; plain GMT for UTC unless explicit. */
function offsetName(offset, long, explicit) {
    if (offset === 0 && !explicit) {
        return 'GMT';
    }
    var abs = Math.abs(offset);
    var h = Math.floor(abs / 60);
    var m = abs % 60;
    var sign = offset < 0 ? '-' : '+';
    if (long) {
        return 'GMT' + sign + pad(h, 2) + ':' + pad(m, 2);
    }
    return 'GMT' + sign + h + (m ? ':' + pad(m, 2) : '');
}

function zoneName(s, f) {
    var style = s.timeZoneName;
    var abbr = f[8];
    if (s.timeZone === 'UTC') {
        if (style === 'long') {
            return 'Coordinated Universal Time';
        }
        return style === 'short' ? 'UTC' : offsetName(0, style.charAt(0) === 'l', true);
    }
    var us = NAMES[abbr] !== void 0 && /^(America|US|Pacific\/Honolulu)/.test(s.timeZone) ? NAMES[abbr] : null;
    switch (style) {
    case 'short':
        return us !== null ? abbr : offsetName(f[7], false);
    case 'long':
        return longZoneName(s.timeZone, abbr, f[7]);
    case 'shortGeneric':
        return us !== null ? us[1] : offsetName(f[7], false);
    case 'longGeneric':
        return us !== null ? us[2] : offsetName(f[7], true);
    case 'longOffset':
        return offsetName(f[7], true, true);
    default:
        return offsetName(f[7], false, true);
    }
}

function part(parts, type, value) {
    parts.push({ type: type, value: value });
}

function dayPeriodName(style, h, m) {
    if (h === 12 && m === 0 && style !== 'narrow') {
        return DAY_PERIODS[style][2];
    }
    if (h === 12 && m === 0) {
        return 'n';
    }
    if (h >= 6 && h < 12) {
        return DAY_PERIODS[style][1];
    }
    if (h >= 12 && h < 18) {
        return DAY_PERIODS[style][3];
    }
    return h >= 18 && h < 21 ? DAY_PERIODS[style][4] : DAY_PERIODS[style][0];
}

/* The date half as parts: the en patterns M/d/y, MMM d, y, EEEE, MMMM d, y… */
function dateParts(o, f) {
    var parts = [];
    var year = f[0] <= 0 ? 1 - f[0] : f[0];
    var y = o.year === '2-digit' ? pad(year % 100, 2) : String(year);
    var textMonth = o.month === 'short' || o.month === 'long' || o.month === 'narrow';
    var monthName = MONTHS[f[1]];
    var mText = o.month === 'long' ? monthName : o.month === 'short' ? monthName.slice(0, 3) : monthName.charAt(0);
    var m = o.month === '2-digit' ? pad(f[1] + 1, 2) : String(f[1] + 1);
    var d = o.day === '2-digit' ? pad(f[2], 2) : String(f[2]);
    var wName = WEEKDAYS[f[6]];
    var w = o.weekday === 'long' ? wName : o.weekday === 'short' ? wName.slice(0, 3) : wName.charAt(0);
    var eras = f[0] <= 0 ? ERAS_BC : ERAS_AD;
    var era = o.era === void 0 ? '' : eras[o.era];
    var hasY = o.year !== void 0;
    var hasM = o.month !== void 0;
    var hasD = o.day !== void 0;
    /* CLDR's en skeletons put the weekday first only beside a month and
     * day (EEE, MMM d); after a month or year without a day (MMM y EEE);
     * and a field no skeleton covers is appended as "(month: …)". */
    if (o.weekday !== void 0 && hasM && hasD) {
        part(parts, 'weekday', w);
        part(parts, 'literal', ', ');
    }
    if (hasM && !hasD && !hasY && ((o.weekday === 'short' && o.month !== 'numeric' && o.month !== 'short') ||
            (o.weekday === 'long' && o.month === 'narrow'))) {
        part(parts, 'weekday', w);
        part(parts, 'literal', ' (month: ');
        part(parts, 'month', o.month === '2-digit' ? m : mText);
        part(parts, 'literal', ')');
    } else if (textMonth) {
        part(parts, 'month', mText);
        if (hasD) {
            part(parts, 'literal', ' ');
            part(parts, 'day', d);
        }
        if (hasY) {
            part(parts, 'literal', hasD ? ', ' : ' ');
            part(parts, 'year', y);
        }
    } else if (hasM) {
        part(parts, 'month', m);
        if (hasD) {
            part(parts, 'literal', '/');
            part(parts, 'day', d);
        }
        if (hasY) {
            part(parts, 'literal', '/');
            part(parts, 'year', y);
        }
    } else if (hasD && o.year === 'numeric' && o.weekday === void 0) {
        part(parts, 'year', y);
        part(parts, 'literal', ' (day: ');
        part(parts, 'day', d);
        part(parts, 'literal', ')');
    } else if (hasD) {
        part(parts, 'day', d);
        if (o.weekday !== void 0) {
            part(parts, 'literal', ' ');
            part(parts, 'weekday', w);
        }
        if (hasY) {
            part(parts, 'literal', ' ');
            part(parts, 'year', y);
        }
    } else if (hasY && o.weekday === 'short' && o.year === '2-digit') {
        part(parts, 'weekday', w);
        part(parts, 'literal', ' ');
        part(parts, 'year', y);
    } else if (hasY) {
        part(parts, 'year', y);
    } else if (o.weekday !== void 0) {
        part(parts, 'weekday', w);
    }
    if (o.weekday !== void 0 && !hasD && (hasM || hasY) && parts[parts.length - 1].type !== 'literal' &&
            parts[0].type !== 'weekday') {
        part(parts, 'literal', ' ');
        part(parts, 'weekday', w);
    }
    if (era !== '') {
        if (parts.length > 0) {
            part(parts, 'literal', ' ');
        }
        part(parts, 'era', era);
    }
    return parts;
}

/* The time half as parts: h:mm:ss a, HH:mm, mm:ss, with the zone after. */
function timeParts(o, f, tv) {
    var parts = [];
    var h = f[3];
    var twelve = o.hourCycle === 'h11' || o.hourCycle === 'h12';
    if (o.hour !== void 0) {
        var hour = h;
        if (o.hourCycle === 'h12') {
            hour = h % 12 === 0 ? 12 : h % 12;
        } else if (o.hourCycle === 'h11') {
            hour = h % 12;
        } else if (o.hourCycle === 'h24') {
            hour = h === 0 ? 24 : h;
        }
        part(parts, 'hour', o.hour === '2-digit' ? pad(hour, 2) : String(hour));
    }
    if (o.minute !== void 0) {
        if (parts.length > 0) {
            part(parts, 'literal', ':');
        }
        /* a minute alone is the skeleton m: no padding */
        var alone = o.hour === void 0 && o.second === void 0 && o.fractionalSecondDigits === void 0;
        part(parts, 'minute', o.minute === '2-digit' && !alone ? pad(f[4], 2) : String(f[4]));
    }
    if (o.second !== void 0) {
        if (parts.length > 0) {
            part(parts, 'literal', ':');
        }
        part(parts, 'second', o.second === '2-digit' ? pad(f[5], 2) : String(f[5]));
    }
    if (o.second === void 0 && o.fractionalSecondDigits !== void 0 && parts.length > 0) {
        part(parts, 'literal', ':');
        part(parts, 'second', pad(f[5], 2));
    }
    if (o.fractionalSecondDigits !== void 0) {
        if (parts.length > 0) {
            part(parts, 'literal', '.');
        }
        var ms = ((tv % 1000) + 1000) % 1000;
        part(parts, 'fractionalSecond', pad(ms, 3).slice(0, o.fractionalSecondDigits));
    }
    if (o.hour !== void 0 && twelve && o.dayPeriod === void 0) {
        part(parts, 'literal', '\u202f');
        part(parts, 'dayPeriod', h < 12 ? 'AM' : 'PM');
    } else if (o.dayPeriod !== void 0 && (o.hour === void 0 || twelve)) {
        if (parts.length > 0) {
            part(parts, 'literal', ' ');
        }
        part(parts, 'dayPeriod', dayPeriodName(o.dayPeriod, h, f[4]));
    }
    return parts;
}

var DATE_STYLES = {
    full: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
    long: { month: 'long', day: 'numeric', year: 'numeric' },
    medium: { month: 'short', day: 'numeric', year: 'numeric' },
    short: { month: 'numeric', day: 'numeric', year: '2-digit' }
};

function formatToParts(s, date) {
    var tv = date === void 0 ? Date.now() : +date;
    if (!isFinite(tv) || Math.abs(tv) > 8.64e15) {
        throw new RangeError('Invalid time value');
    }
    tv = tv < 0 ? Math.ceil(tv) : Math.floor(tv);
    var f = fieldsOf(s, tv);
    var o = s;
    var zoneStyle = s.timeZoneName;
    if (s.dateStyle !== void 0 || s.timeStyle !== void 0) {
        o = { hourCycle: s.hourCycle };
        var ds = DATE_STYLES[s.dateStyle];
        for (var k in ds) {
            o[k] = ds[k];
        }
        if (s.timeStyle !== void 0) {
            o.hour = 'numeric';
            o.minute = '2-digit';
            if (s.timeStyle !== 'short') {
                o.second = '2-digit';
            }
            if (s.hourCycle !== 'h11' && s.hourCycle !== 'h12') {
                o.hour = '2-digit';
            }
            zoneStyle = s.timeStyle === 'full' ? 'long' : s.timeStyle === 'long' ? 'short' : void 0;
        }
    }
    var parts = dateParts(o, f);
    var time = timeParts(o, f, tv);
    /* CLDR's en dateTimeFormats: "{1} 'at' {0}" after a long month, else
     * "{1}, {0}"; a weekday alone takes the time as one skeleton does
     * (E h:mm a, E HH:mm) when no zone follows. A zone without a time is glued as a
     * time is. */
    var glue = o.month === 'long' ? ' at ' : ', ';
    var twelve = o.hourCycle === 'h11' || o.hourCycle === 'h12';
    var weekdayOnly = parts.length === 1 && parts[0].type === 'weekday' && o.hour !== void 0 &&
        (twelve || o.minute !== void 0) && o.dayPeriod === void 0 && o.fractionalSecondDigits === void 0;
    if (parts.length > 0 && time.length > 0) {
        part(parts, 'literal', weekdayOnly && zoneStyle === void 0 ? ' ' : glue);
    }
    for (var i = 0; i < time.length; i++) {
        parts.push(time[i]);
    }
    if (zoneStyle !== void 0) {
        if (parts.length > 0) {
            /* a 24-hour hour alone before a zone: HH'h' v */
            var hourOnly = time.length === 1 && time[0].type === 'hour' && !twelve;
            part(parts, 'literal', time.length > 0 ? (hourOnly ? 'h ' : ' ') : glue);
        }
        part(parts, 'timeZoneName', zoneName({ timeZone: s.timeZone, timeZoneName: zoneStyle }, f));
    }
    return parts;
}

/* format() and toLocale*String print a plain space where formatToParts
 * gives the narrow no-break space before AM/PM, as V8 does. */
function formatDate(s, date) {
    return intl.joinParts(formatToParts(s, date)).replace(/\u202f/g, ' ');
}

function dateTimeFormatGetFormat() {
    var s = intl.stateOf(this, 'DateTimeFormat', 'get Intl.DateTimeFormat.prototype.format');
    if (s.bound === void 0) {
        s.bound = function (date) {
            return formatDate(s, date);
        };
        native.spec.setNameAndLength(s.bound, '', 1);
    }
    return s.bound;
}

function dateTimeFormatToParts(date) {
    return formatToParts(intl.stateOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatToParts'), date);
}

function dateTimeFormatResolvedOptions() {
    var s = intl.stateOf(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.resolvedOptions');
    var keys = ['locale', 'calendar', 'numberingSystem', 'timeZone', 'hourCycle', 'hour12'];
    if (s.dateStyle === void 0 && s.timeStyle === void 0) {
        keys = keys.concat(COMPONENTS);
    } else {
        keys.push('dateStyle', 'timeStyle');
    }
    return intl.copyResolved(s, keys);
}

DateTimeFormat.prototype = {};
intl.defineMethods(DateTimeFormat.prototype, [
    ['formatToParts', dateTimeFormatToParts, 1], ['resolvedOptions', dateTimeFormatResolvedOptions, 0]
]);
intl.defineGetter(DateTimeFormat.prototype, 'format', dateTimeFormatGetFormat);
intl.defineTag(DateTimeFormat.prototype, 'Intl.DateTimeFormat');
intl.publish('DateTimeFormat', DateTimeFormat, 0);

/* ---- Date.prototype.toLocale*String ---- */

var thisTimeValue = native.spec.thisTimeValue; /* the original, even when loaded on first use */
var defaults = {};

function makeToLocale(name, required, which) {
    var of = function (self, locales, options) {
        var tv = thisTimeValue.call(self);
        if (tv !== tv) {
            return 'Invalid Date';
        }
        var s;
        if (locales === void 0 && options === void 0) {
            s = defaults[name];
            if (s === void 0 || s.timeZone !== defaultZone()) {
                s = defaults[name] = createState(void 0, void 0, required, which);
            }
        } else {
            s = createState(locales, options, required, which);
        }
        return formatDate(s, tv);
    };
    intl.dateMethodsOf[name] = of;
}

/* Date.prototype's methods as functions of their this value first, which
 * 19-intl-methods.js's methods call */
intl.dateMethodsOf = {};

makeToLocale('toLocaleString', 'any', 'all');
makeToLocale('toLocaleDateString', 'date', 'date');
makeToLocale('toLocaleTimeString', 'time', 'time');
