// SPDX-License-Identifier: MIT
/*
 * Date's string forms as ES2018 gives them (§21.4.4.41): Duktape prints ISO
 * 8601-like text for toString, toDateString, toTimeString and toUTCString,
 * which HTTP headers (cookie's Expires, Last-Modified) and logs cannot use.
 *
 *   toUTCString / toGMTString  "Tue, 01 Jan 2030 00:00:00 GMT"
 *   toString                   "Tue Jan 01 2030 00:00:00 GMT+0000 (Coordinated Universal Time)"
 *   toDateString               "Tue Jan 01 2030"
 *   toTimeString               "00:00:00 GMT+0000 (Coordinated Universal Time)"
 *
 * Local fields follow the process's time zone (TZ); the name in
 * parentheses is ICU's English long name as V8 prints it, where the runtime
 * has it (localZoneName), else GMT+hh:mm. Date.parse reads
 * all of these back (lib/date.c). toGMTString is the same function object
 * as toUTCString, as Annex B says.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var timeZoneName = native.timeZoneName;
var thisTimeValue = Date.prototype.getTime;
var DatePrototype = Date.prototype;
var getDay = DatePrototype.getDay;
var getDate = DatePrototype.getDate;
var getMonth = DatePrototype.getMonth;
var getFullYear = DatePrototype.getFullYear;
var getHours = DatePrototype.getHours;
var getMinutes = DatePrototype.getMinutes;
var getSeconds = DatePrototype.getSeconds;
var getTimezoneOffset = DatePrototype.getTimezoneOffset;
var getUTCDay = DatePrototype.getUTCDay;
var getUTCDate = DatePrototype.getUTCDate;
var getUTCMonth = DatePrototype.getUTCMonth;
var getUTCFullYear = DatePrototype.getUTCFullYear;
var getUTCHours = DatePrototype.getUTCHours;
var getUTCMinutes = DatePrototype.getUTCMinutes;
var getUTCSeconds = DatePrototype.getUTCSeconds;

var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n) {
    return n < 10 ? '0' + n : '' + n;
}

/* A year as the spec prints it: at least four digits, '-' when negative. */
function yearString(y) {
    var digits = '' + (y < 0 ? -y : y);
    while (digits.length < 4) {
        digits = '0' + digits;
    }
    return (y < 0 ? '-' : '') + digits;
}

/* The time value of a Date receiver (TypeError for anything else). */
function timeValue(date) {
    return thisTimeValue.call(date);
}

function localDateString(date) {
    return DAYS[getDay.call(date)] + ' ' + MONTHS[getMonth.call(date)] + ' ' + pad2(getDate.call(date)) + ' ' +
        yearString(getFullYear.call(date));
}

/* English long names of time zones as ICU has them, by the C library's
 * abbreviation (js/19-intl-date.js names zones with them too): the US
 * zones' [long, short generic, long generic], then others' long names. */
var US_ZONE_NAMES = {
    EST: ['Eastern Standard Time', 'ET', 'Eastern Time'],
    EDT: ['Eastern Daylight Time', 'ET', 'Eastern Time'],
    CST: ['Central Standard Time', 'CT', 'Central Time'],
    CDT: ['Central Daylight Time', 'CT', 'Central Time'],
    MST: ['Mountain Standard Time', 'MT', 'Mountain Time'],
    MDT: ['Mountain Daylight Time', 'MT', 'Mountain Time'],
    PST: ['Pacific Standard Time', 'PT', 'Pacific Time'],
    PDT: ['Pacific Daylight Time', 'PT', 'Pacific Time'],
    AKST: ['Alaska Standard Time', 'AKT', 'Alaska Time'],
    AKDT: ['Alaska Daylight Time', 'AKT', 'Alaska Time'],
    HST: ['Hawaii-Aleutian Standard Time', 'HST', 'Hawaii-Aleutian Standard Time']
};
var LONG_ZONE_NAMES = {
    CET: 'Central European Standard Time', CEST: 'Central European Summer Time',
    EET: 'Eastern European Standard Time', EEST: 'Eastern European Summer Time',
    WET: 'Western European Standard Time', WEST: 'Western European Summer Time',
    BST: 'British Summer Time', JST: 'Japan Standard Time',
    AEST: 'Australian Eastern Standard Time', AEDT: 'Australian Eastern Daylight Time'
};

/* The long name of zone `zone` (a tz database name) where the C library
 * abbreviates it `abbr` at `offset` minutes east of UTC: ICU's English
 * name where the runtime has it, else "GMT+hh:mm" as ICU names a zone it
 * has no name for ("GMT" at 0). */
function longZoneName(zone, abbr, offset) {
    if (zone === 'UTC' && offset === 0) {
        return 'Coordinated Universal Time';
    }
    if (US_ZONE_NAMES[abbr] !== void 0 && /^(America|US|Pacific\/Honolulu)/.test(zone)) {
        return US_ZONE_NAMES[abbr][0];
    }
    if (abbr === 'IST' && /^Asia\/(Kolkata|Calcutta)$/.test(zone)) {
        return 'India Standard Time';
    }
    if (abbr === 'GMT' && /^Europe\//.test(zone)) {
        return 'Greenwich Mean Time';
    }
    if (LONG_ZONE_NAMES[abbr] !== void 0 && !/^(America|Africa)\//.test(zone)) {
        return LONG_ZONE_NAMES[abbr];
    }
    if (offset === 0) {
        return 'GMT';
    }
    var abs = offset < 0 ? -offset : offset;
    return 'GMT' + (offset < 0 ? '-' : '+') + pad2(Math.floor(abs / 60)) + ':' + pad2(abs % 60);
}

native.zoneNames = { us: US_ZONE_NAMES, longName: longZoneName };

/* The process's zone, named once (native.intlDefaultZone looks it up). */
var processZone;

/* The zone's name in parentheses after a local time, as V8 prints it:
 * ICU's long name. UTC and GMT are native.timeZoneName's already. */
function localZoneName(tv, offset) {
    var name = timeZoneName(tv);
    if (name === 'Coordinated Universal Time' || name === 'Greenwich Mean Time') {
        return name;
    }
    if (processZone === void 0) {
        processZone = native.intlDefaultZone();
    }
    return longZoneName(processZone, name, offset);
}

/* TimeString + TimeZoneString: "00:00:00 GMT+0000 (name)". */
function localTimeString(date, tv) {
    var offset = -getTimezoneOffset.call(date);
    var abs = offset < 0 ? -offset : offset;
    return pad2(getHours.call(date)) + ':' + pad2(getMinutes.call(date)) + ':' + pad2(getSeconds.call(date)) +
        ' GMT' + (offset < 0 ? '-' : '+') + pad2(Math.floor(abs / 60)) + pad2(abs % 60) +
        ' (' + localZoneName(tv, offset) + ')';
}

function dateToString() {
    var tv = timeValue(this);
    if (tv !== tv) {
        return 'Invalid Date';
    }
    return localDateString(this) + ' ' + localTimeString(this, tv);
}

function dateToDateString() {
    var tv = timeValue(this);
    return tv !== tv ? 'Invalid Date' : localDateString(this);
}

function dateToTimeString() {
    var tv = timeValue(this);
    return tv !== tv ? 'Invalid Date' : localTimeString(this, tv);
}

function dateToUTCString() {
    var tv = timeValue(this);
    if (tv !== tv) {
        return 'Invalid Date';
    }
    return DAYS[getUTCDay.call(this)] + ', ' + pad2(getUTCDate.call(this)) + ' ' + MONTHS[getUTCMonth.call(this)] +
        ' ' + yearString(getUTCFullYear.call(this)) + ' ' + pad2(getUTCHours.call(this)) + ':' +
        pad2(getUTCMinutes.call(this)) + ':' + pad2(getUTCSeconds.call(this)) + ' GMT';
}

setNameAndLength(dateToString, 'toString', 0);
setNameAndLength(dateToDateString, 'toDateString', 0);
setNameAndLength(dateToTimeString, 'toTimeString', 0);
setNameAndLength(dateToUTCString, 'toUTCString', 0);
defineHidden(DatePrototype, 'toString', dateToString);
defineHidden(DatePrototype, 'toDateString', dateToDateString);
defineHidden(DatePrototype, 'toTimeString', dateToTimeString);
defineHidden(DatePrototype, 'toUTCString', dateToUTCString);
defineHidden(DatePrototype, 'toGMTString', dateToUTCString);

/* Date.prototype.getTime as it was at start, for the runtime's files
 * loaded on first use (19-intl-date.js): thisTimeValue.call(x). */
spec.thisTimeValue = thisTimeValue;

/* An HTTP date (RFC 9110 §5.6.7) as a time value, NaN when unreadable: the
 * three forms are all GMT, where Date.parse reads asctime's, which names no
 * zone, as local time (as V8 does). For the runtime's own header reads. */
spec.parseHttpDate = function parseHttpDate(text) {
    var s = String(text);
    return Date.parse(/(GMT|UTC|[+-]\d{4})\s*$/i.test(s) ? s : s + ' GMT');
};
