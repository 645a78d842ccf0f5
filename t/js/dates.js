// SPDX-License-Identifier: MIT
/*
 * Date's string forms (js/16-date.js) and Date.parse of them (lib/date.c),
 * and Symbol.prototype.description. t/js.t runs this with TZ=UTC; the
 * local-time checks also hold in any other zone.
 */

var JAN_2030 = Date.UTC(2030, 0, 1);

function pad(n, width) {
    var s = String(n);
    while (s.length < width) {
        s = '0' + s;
    }
    return s;
}

/* "+0100" for a Date in the local zone, from getTimezoneOffset. */
function offsetText(d) {
    var o = -d.getTimezoneOffset();
    var a = Math.abs(o);
    return (o < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + pad(a % 60, 2);
}

test('Date.prototype.toUTCString and toGMTString (§21.4.4.43, B.2.3.1)', function (t) {
    t.equal(new Date(JAN_2030).toUTCString(), 'Tue, 01 Jan 2030 00:00:00 GMT', 'IMF-fixdate');
    t.equal(new Date(Date.UTC(1994, 10, 6, 8, 49, 37)).toUTCString(), 'Sun, 06 Nov 1994 08:49:37 GMT', 'RFC 7231 example');
    t.equal(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)).toUTCString(), 'Thu, 29 Feb 2024 23:59:59 GMT', 'ms dropped');
    var y99 = new Date(0);
    y99.setUTCFullYear(99, 11, 31);
    t.equal(y99.toUTCString(), 'Thu, 31 Dec 0099 00:00:00 GMT', 'a two-digit year is printed with four');
    t.equal(new Date(Date.UTC(-1, 5, 3, 4, 5, 6)).toUTCString(), 'Thu, 03 Jun -0001 04:05:06 GMT', 'negative year');
    t.equal(new Date(NaN).toUTCString(), 'Invalid Date', 'invalid date');
    t.equal(Date.prototype.toGMTString, Date.prototype.toUTCString, 'toGMTString is the same function');
    t.equal(Date.prototype.toUTCString.name, 'toUTCString', 'name');
    t.equal(Date.prototype.toUTCString.length, 0, 'length');
    t.ok(!Object.prototype.propertyIsEnumerable.call(Date.prototype, 'toUTCString'), 'not enumerable');
    t.throws(function () { Date.prototype.toUTCString.call({}); }, TypeError, 'a non-Date receiver throws');
    t.throws(function () { Date.prototype.toUTCString.call(JAN_2030); }, TypeError, 'a number receiver throws');
});

test('Date.prototype.toString, toDateString, toTimeString (§21.4.4.41)', function (t) {
    var d = new Date(2030, 0, 1, 13, 4, 5);
    var re = /^Tue Jan 01 2030 13:04:05 GMT[+-]\d{4} \(.+\)$/;
    t.ok(re.test(d.toString()), 'toString format: ' + d.toString());
    t.equal(d.toString().slice(0, 33), 'Tue Jan 01 2030 13:04:05 GMT' + offsetText(d), 'local fields and offset');
    t.equal(d.toDateString(), 'Tue Jan 01 2030', 'toDateString');
    t.ok(/^13:04:05 GMT[+-]\d{4} \(.+\)$/.test(d.toTimeString()), 'toTimeString format');
    t.equal(String(d), d.toString(), 'String(date) uses toString');
    t.equal('' + new Date(NaN), 'Invalid Date', 'invalid date');
    t.equal(new Date(NaN).toDateString(), 'Invalid Date', 'toDateString of an invalid date');
    t.equal(new Date(NaN).toTimeString(), 'Invalid Date', 'toTimeString of an invalid date');
    t.equal(new Date(5, 6, 7).toDateString().slice(-5), ' 1905', 'Date(5, ...) is 1905');
    var early = new Date(2030, 0, 1);
    early.setFullYear(7);
    t.equal(early.toDateString().slice(-5), ' 0007', 'year padded to four digits');
    t.throws(function () { Date.prototype.toString.call({}); }, TypeError, 'a non-Date receiver throws');
    t.throws(function () { Date.prototype.toDateString.call(null); }, TypeError, 'toDateString: null receiver throws');
    if (new Date(JAN_2030).getTimezoneOffset() === 0 && env.TZ === 'UTC') {
        t.equal(new Date(JAN_2030).toString(), 'Tue Jan 01 2030 00:00:00 GMT+0000 (Coordinated Universal Time)',
            'toString in UTC');
        t.equal(new Date(JAN_2030).toTimeString(), '00:00:00 GMT+0000 (Coordinated Universal Time)', 'toTimeString in UTC');
    }
});

test('Date.parse reads the strings Date prints (§21.4.3.2)', function (t) {
    var dates = [
        new Date(JAN_2030), new Date(2030, 0, 1), new Date(1994, 10, 6, 8, 49, 37), new Date(Date.UTC(1970, 0, 1)),
        new Date(Date.UTC(2024, 1, 29, 12)), new Date(Date.UTC(2038, 0, 19, 3, 14, 8))
    ];
    dates.forEach(function (d) {
        t.equal(Date.parse(d.toString()), d.getTime(), 'toString round-trips: ' + d.toString());
        t.equal(Date.parse(d.toUTCString()), d.getTime(), 'toUTCString round-trips: ' + d.toUTCString());
        t.equal(Date.parse(d.toISOString()), d.getTime(), 'toISOString round-trips');
        var midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
        t.equal(Date.parse(d.toDateString()), midnight, 'toDateString gives local midnight: ' + d.toDateString());
    });
    var old = new Date(Date.UTC(-1, 5, 3, 4, 5, 6));
    t.equal(Date.parse(old.toUTCString()), old.getTime(), 'a negative year round-trips through toUTCString');
    var y99 = new Date(0);
    y99.setUTCFullYear(99, 11, 31);
    t.equal(Date.parse(y99.toUTCString()), y99.getTime(), 'year 0099 stays 99');
    t.equal(Date.parse('Sunday, 06-Nov-94 08:49:37 GMT'), Date.UTC(1994, 10, 6, 8, 49, 37), 'RFC 850 two-digit year');
    t.equal(Date.parse('Sun Nov  6 08:49:37 1994'), new Date(1994, 10, 6, 8, 49, 37).getTime(),
        'asctime has no zone: local time, as in V8');
    t.equal(Date.parse('Tue Jan 01 2030 01:00:00 GMT+0100 (Central European Standard Time)'), JAN_2030,
        'toString with an offset and a zone name');
    t.equal(Date.parse('Tue Jan 01 2030 00:00:00'), new Date(2030, 0, 1).getTime(), 'toString without zone is local');
    t.equal(new Date('Tue, 01 Jan 2030 00:00:00 GMT').getTime(), JAN_2030, 'new Date(string) parses too');
    t.ok(isNaN(Date.parse('Tue Foo 01 2030')), 'unknown month');
    t.ok(isNaN(Date.parse('Tue, 32 Jan 2030 00:00:00 GMT')), 'day out of range');
    t.ok(isNaN(Date.parse('Tue, 01 Jan 2030 25:00:00 GMT')), 'hour out of range');
    t.ok(isNaN(Date.parse('Tue, 01 Jan 2030 00:00:00 GMT extra')), 'trailing garbage');
    t.equal(Date.parse('Tue, 01 Jan 2030 00:00:00 GMT junk'), Date.UTC(2030, 5, 1), '"junk" is June, as in V8');
});

/* Local time fields [y, m, d, h, mi, s, ms] as a time value. */
function localTime(f) {
    return new Date(f[0], f[1], f[2], f[3], f[4], f[5], f[6]).getTime();
}

/* Date.parse as V8 reads strings: the expected values are node 20's
 * (contrib: run the strings through Date.parse under TZ=UTC and
 * TZ=America/New_York): a number where both agree (the string names its
 * zone, or is an ISO date alone), local fields where they differ by the
 * zone's offset, NaN where V8 gives NaN. */
var PARSE_TABLE = [
        ['1/15/2024, 8:45:30 AM', [2024, 0, 15, 8, 45, 30, 0]],
        ['1/15/2024, 8:45:30\u202fPM', [2024, 0, 15, 20, 45, 30, 0]],
        ['12/31/2024, 12:00:00 AM', [2024, 11, 31, 0, 0, 0, 0]],
        ['6/1/2024, 12:30:00 PM', [2024, 5, 1, 12, 30, 0, 0]],
        ['1/15/2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['01/15/2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['1-15-2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['2024/01/15', [2024, 0, 15, 0, 0, 0, 0]],
        ['2024/1/5', [2024, 0, 5, 0, 0, 0, 0]],
        ['2024/01/15 10:00', [2024, 0, 15, 10, 0, 0, 0]],
        ['2024/01/15 10:00:30.25', [2024, 0, 15, 10, 0, 30, 250]],
        ['2024-1-15', [2024, 0, 15, 0, 0, 0, 0]],
        ['1/15/24', [2024, 0, 15, 0, 0, 0, 0]],
        ['1/15/49', [2049, 0, 15, 0, 0, 0, 0]],
        ['1/15/50', [1950, 0, 15, 0, 0, 0, 0]],
        ['1/15/99', [1999, 0, 15, 0, 0, 0, 0]],
        ['1.15.2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['1/15', [2001, 0, 15, 0, 0, 0, 0]],
        ['7', [2001, 6, 1, 0, 0, 0, 0]],
        ['January 15, 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['Jan 15, 2024 10:00:00', [2024, 0, 15, 10, 0, 0, 0]],
        ['jan 15 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['JANUARY 15 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['15 January 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['15 Jan 2024 10:00', [2024, 0, 15, 10, 0, 0, 0]],
        ['2024 Jan 15', [2024, 0, 15, 0, 0, 0, 0]],
        ['Jan 2024 15', [2024, 0, 15, 0, 0, 0, 0]],
        ['Mon Jan 15 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['Monday, January 15, 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['Sept 3, 2024', [2024, 8, 3, 0, 0, 0, 0]],
        ['Mayday 3 2024', [2024, 4, 3, 0, 0, 0, 0]],
        ['15-Jan-2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['Jan-15-2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['15-Jan-24', [2024, 0, 15, 0, 0, 0, 0]],
        ['Dec 25 1999 11:59:59 PM', [1999, 11, 25, 23, 59, 59, 0]],
        ['Jan 15 2024 12:00 AM', [2024, 0, 15, 0, 0, 0, 0]],
        ['Jan 15 2024 12:30 pm', [2024, 0, 15, 12, 30, 0, 0]],
        ['Jan 15 2024 10::', [2024, 0, 15, 10, 0, 0, 0]],
        ['Jan 15 2024 10:30:15.5', [2024, 0, 15, 10, 30, 15, 500]],
        ['Jan 15 2024 10:30:15.1234', [2024, 0, 15, 10, 30, 15, 123]],
        ['Jan 15 2024 24:00', [2024, 0, 16, 0, 0, 0, 0]],
        ['x Jan 15 2024', [2024, 0, 15, 0, 0, 0, 0]],
        ['Jan 15 2024 (a comment (nested))', [2024, 0, 15, 0, 0, 0, 0]],
        ['Feb 30 2024', [2024, 2, 1, 0, 0, 0, 0]],
        ['Jan 15 2024 10:00 GMT', 1705312800000],
        ['Jan 15 2024 10:00 UTC', 1705312800000],
        ['Jan 15 2024 10:00 UT', 1705312800000],
        ['Jan 15 2024 10:00 Z', 1705312800000],
        ['Jan 15 2024 UTC', 1705276800000],
        ['Jan 15 2024 10:00 GMT+0100', 1705309200000],
        ['Jan 15 2024 10:00 GMT-01:30', 1705318200000],
        ['Jan 15 2024 10:00 +01:00', 1705309200000],
        ['Jan 15 2024 10:00 UTC+1', 1705309200000],
        ['Jan 15 2024 10:00 -0500', 1705330800000],
        ['Jan 15 2024 10:00 EST', 1705330800000],
        ['Jan 15 2024 10:00 EDT', 1705327200000],
        ['Jan 15 2024 10:00 CST', 1705334400000],
        ['Jan 15 2024 10:00 PDT', 1705338000000],
        ['Mon, 15 Jan 2024 10:00:00 +0100', 1705309200000],
        ['Mon, 15 Jan 2024 10:00:00 GMT', 1705312800000],
        ['Monday, 15-Jan-24 10:00:00 GMT', 1705312800000],
        ['Mon Jan 15 2024 10:00:00 GMT+0100 (Central European Standard Time)', 1705309200000],
        ['Mon Jan 15 2024 10:00:00 GMT-0500 (EST)', 1705330800000],
        ['2024-01-15', 1705276800000],
        ['2024-01', 1704067200000],
        ['2024', 1704067200000],
        ['+002024-01-15T10:00:00Z', 1705312800000],
        ['-000001-01-01T00:00:00Z', -62198755200000],
        ['2024-01-15T10:00:00+0100', 1705309200000],
        ['2024-01-15T10:00:00-0530', 1705332600000],
        ['2024-01-15T10:00:00+01:00', 1705309200000],
        ['2024-01-15T10:00:00.123Z', 1705312800123],
        ['2024-01-15T10:00:00.1234567Z', 1705312800123],
        ['2024-01-15T10:00:00.5Z', 1705312800500],
        ['2024-01-15T10:00', [2024, 0, 15, 10, 0, 0, 0]],
        ['2024-01-15t10:00z', 1705312800000],
        ['2024-01-15T24:00', [2024, 0, 16, 0, 0, 0, 0]],
        ['2024-01-15 10:00', [2024, 0, 15, 10, 0, 0, 0]],
        ['2024-01-15 10:00:00Z', 1705312800000],
        ['2024-01-15 10:00:00 GMT+0100', 1705309200000],
        ['2024-02-30', 1709251200000],
        ['', NaN],
        [' ', NaN],
        ['abc', NaN],
        ['Jan', NaN],
        ['10:00', NaN],
        ['Jan 15 2024 10:00 xyz', NaN],
        ['foo1/15/2024', NaN],
        ['32 Jan 2024', NaN],
        ['15.01.2024', NaN],
        ['15-01-2024', NaN],
        ['2024-13-01', NaN],
        ['2024-01-15T25:00', NaN],
        ['2024-01-15T10:00:00+01', NaN],
        ['2024-01-15T10:00:00+2400', NaN],
        ['2012-01-02T12Z', NaN],
        ['Jan 15 2024 13:00 PM', NaN],
        ['Jan 15 2024 10 AM', NaN],
        ['Jan 15 2024 10:00AM', NaN],
        ['Jan 15 2024 10:00 -', NaN],
        ['Jan 15 2024 +0100', NaN],
        ['Jan 15 2024 10:00 GMT+12345', NaN],
        ['Jan 15 2024 10.30', NaN],
        ['1/1/1000000000', NaN],
        ['1e3', NaN],
        ['Jan 15 2024 10:00 GMT+0100 extra', NaN],
        ['Jan 15 2024 10:00 GMT)', NaN],
        ['1/15/2024 \u00e9', NaN]

];

test('Date.parse and new Date(string) read what V8 reads (§21.4.3.2, V8 legacy dates)', function (t) {
    PARSE_TABLE.forEach(function (row) {
        var want = typeof row[1] === 'number' ? row[1] : localTime(row[1]);
        t.equal(Date.parse(row[0]), want, JSON.stringify(row[0]));
        t.equal(new Date(row[0]).getTime(), want, 'new Date(' + JSON.stringify(row[0]) + ')');
    });
    t.equal(Date.parse('2024-01-15T10:00:00+0100'), Date.parse('2024-01-15T10:00:00+01:00'), '+0100 is +01:00');
    t.equal(Date.parse(new String('2024-01-15')), Date.UTC(2024, 0, 15), 'the argument is converted to a string');
    t.equal(Date.parse({ toString: function () { return '1/15/2024'; } }), new Date(2024, 0, 15).getTime(),
        'an object through its toString');
    t.equal(new Date({ valueOf: function () { return {}; }, toString: function () { return '1/15/2024'; } }).getTime(),
        new Date(2024, 0, 15).getTime(), 'new Date(object): ToPrimitive, then the string is parsed');
    t.ok(isNaN(Date.parse()), 'Date.parse() is NaN');
    t.ok(isNaN(new Date('').getTime()), "new Date('') is an invalid date");
    t.throws(function () { Date.parse(Symbol('x')); }, TypeError, 'a symbol throws');
    t.equal(Date.parse.length, 1, 'Date.parse.length');
    t.equal(Date.parse.name, 'parse', 'Date.parse.name');
    var early = new Date(0);
    early.setFullYear(99, 0, 15);
    early.setHours(0, 0, 0, 0);
    t.equal(Date.parse('Jan 15 0099'), early.getTime(), 'a four-digit year is never moved to 19xx (toString round trip)');
    var negative = new Date(0);
    negative.setFullYear(-99, 0, 15);
    negative.setHours(0, 0, 0, 0);
    t.equal(Date.parse('Jan 15 -0099'), negative.getTime(), 'a negative year after a month name (toString)');
});

test('new Date(date) copies the time value (ES2015 §21.4.2.1 step 4.b)', function (t) {
    var values = [1705312800123, 0, -1, -123456789, Date.UTC(1969, 6, 20, 20, 17, 40, 999), Date.UTC(-1, 5, 3, 4, 5, 6, 7),
        Date.UTC(12345, 0, 1, 0, 0, 0, 1), Date.UTC(275760, 8, 13), -8.64e15, 8.64e15];
    values.forEach(function (v) {
        var d = new Date(v);
        t.equal(new Date(d).getTime(), v, 'new Date(new Date(' + v + '))');
        t.equal(Reflect.construct(Date, [d]).getTime(), v, 'Reflect.construct(Date, [date of ' + v + '])');
    });
    t.ok(isNaN(new Date(new Date(NaN)).getTime()), 'an invalid date stays invalid');
    var d = new Date(1705312800123);
    d.toString = d.valueOf = function () {
        throw new Error('ToPrimitive was called');
    };
    t.equal(new Date(d).getTime(), 1705312800123, 'no ToPrimitive of a Date');
    var copy = new Date(d);
    copy.setTime(5);
    t.equal(d.getTime(), 1705312800123, 'the copy is a new object');
    t.ok(copy instanceof Date && Object.getPrototypeOf(copy) === Date.prototype, 'a plain Date');
    function Sub() {}
    Sub.prototype = Object.create(Date.prototype);
    var sub = Reflect.construct(Date, [new Date(1705312800123)], Sub);
    t.ok(Object.getPrototypeOf(sub) === Sub.prototype, 'Reflect.construct with newTarget: its prototype');
    t.equal(sub.getTime(), 1705312800123, 'Reflect.construct with newTarget: the time value');
    t.equal(new Date(sub).getTime(), 1705312800123, 'a Date of another prototype is copied too');
    t.equal(new sub.constructor(sub).getTime(), 1705312800123, 'date-fns: new date.constructor(date)');
    t.equal(new Date({ valueOf: function () { return 1705312800123; } }).getTime(), 1705312800123,
        'any other object goes through ToPrimitive');
    t.equal(new Date(Object(1705312800123)).getTime(), 1705312800123, 'a Number object');
    t.equal(typeof Date(d), 'string', 'Date(date) called as a function gives a string');
    t.equal(Date.length, 7, 'Date.length');
    t.equal(Date.name, 'Date', 'Date.name');
    t.equal(Date.prototype.constructor, Date, 'Date.prototype.constructor');
    t.equal(new Date(2024, 0, 15, 10, 0, 0, 123).getMilliseconds(), 123, 'the other forms are unchanged');
    t.ok(Math.abs(new Date().getTime() - Date.now()) < 1000, 'new Date() is now');
});

test('dayjs timezone plugin: new Date(date.toLocaleString(en-US, {timeZone}))', function (t) {
    var d = new Date(Date.UTC(2024, 0, 15, 13, 45, 30, 123));
    var text = d.toLocaleString('en-US', { timeZone: 'America/New_York' });
    t.equal(new Date(text).getTime(), new Date(2024, 0, 15, 8, 45, 30).getTime(), text + ' is that wall time, local');
    var utc = d.toLocaleString('en-US', { timeZone: 'UTC' });
    t.ok(Math.round((d - new Date(utc)) / 60000) === -new Date(utc).getTimezoneOffset(), 'the offset dayjs works out');
});

test('Symbol.prototype.description (§20.4.3.2)', function (t) {
    t.equal(Symbol().description, undefined, 'Symbol(): undefined');
    t.equal(Symbol(undefined).description, undefined, 'Symbol(undefined): undefined');
    t.equal(Symbol('').description, '', "Symbol(''): empty string");
    t.equal(Symbol('abc').description, 'abc', 'a description');
    t.equal(Symbol('caf\u00e9 \ud83d\ude00').description, 'caf\u00e9 \ud83d\ude00', 'non-ASCII description');
    t.equal(Symbol(null).description, 'null', 'description is converted ToString');
    t.equal(Symbol.for('reg').description, 'reg', 'registered symbol');
    t.equal(Symbol.iterator.description, 'Symbol.iterator', 'well-known symbol');
    t.equal(Object(Symbol('boxed')).description, 'boxed', 'a Symbol object');
    var d = Object.getOwnPropertyDescriptor(Symbol.prototype, 'description');
    t.ok(d && typeof d.get === 'function' && d.set === undefined && !d.enumerable && d.configurable, 'accessor attributes');
    t.throws(function () { d.get.call({}); }, TypeError, 'a non-Symbol receiver throws');
    t.throws(function () { d.get.call('str'); }, TypeError, 'a string receiver throws');
});
