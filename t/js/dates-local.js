// SPDX-License-Identifier: MIT
/*
 * Local time in a zone with summer time and a history; the header's
 * "run with TZ=Europe/Berlin by t/js.t" sets the zone. A local time the
 * fall-back repeats is its earlier instant, one the spring-forward skips
 * is read with the offset
 * before it, through the constructor, the setters and Date.parse
 * (lib/duk_hooks.c date_local_to_utc); the offsets of any year are the
 * time zone database's (lib/date.c fcw_date_local_tzoffset), as in V8.
 * The expected values are what node 20 prints with the same TZ.
 */

function iso(d) {
    return d.toISOString();
}

test('a repeated or skipped local time is read as V8 reads it', function (t) {
    t.equal(iso(new Date(2024, 2, 31, 2, 30)), '2024-03-31T01:30:00.000Z', 'skipped 02:30 is 03:30 summer time');
    t.equal(new Date(2024, 2, 31, 2, 30).getHours(), 3, 'its hours');
    t.equal(iso(new Date(2024, 9, 27, 2, 30)), '2024-10-27T00:30:00.000Z', 'repeated 02:30: the earlier one');
    t.equal(new Date(2024, 9, 27, 2, 30).getTimezoneOffset(), -120, 'in summer time');
    t.equal(iso(new Date(2024, 9, 27, 3, 30)), '2024-10-27T02:30:00.000Z', 'after the repeated hour');
    t.equal(iso(new Date(2024, 9, 27, 1, 59)), '2024-10-26T23:59:00.000Z', 'before it');
    var d = new Date(2024, 9, 26, 2, 30);
    d.setDate(27);
    t.equal(iso(d), '2024-10-27T00:30:00.000Z', 'setDate into the repeated hour');
    d = new Date(2024, 2, 31, 0, 30);
    d.setHours(2);
    t.equal(iso(d), '2024-03-31T01:30:00.000Z', 'setHours into the skipped hour');
    t.equal(iso(new Date('2024-10-27T02:30:00')), '2024-10-27T00:30:00.000Z', 'an ISO date-time without offset');
    t.equal(iso(new Date('2024-03-31T02:30')), '2024-03-31T01:30:00.000Z', 'and in the gap');
    t.equal(Date.parse('Oct 27 2024 02:30'), 1729989000000, 'a legacy string');
});

test('offsets of past years are the time zone database\'s', function (t) {
    t.equal(new Date(1950, 5, 1).getTimezoneOffset(), -60, '1950 had no summer time');
    t.equal(new Date(Date.UTC(1945, 5, 1)).getTimezoneOffset(), -180, '1945 had double summer time');
    t.equal(iso(new Date(1850, 0, 1)), '1849-12-31T23:06:32.000Z', 'local mean time before 1893');
    t.equal(new Date(2100, 6, 1).getTimezoneOffset(), -120, 'the rules go on after 2037');
});

test('setYear is local time; setFullYear and setYear of an invalid date start at +0', function (t) {
    var y = new Date(2024, 0, 1);
    y.setYear(99);
    t.equal(iso(y), '1998-12-31T23:00:00.000Z', 'setYear(99): 1999-01-01 local');
    var n = new Date(NaN);
    n.setFullYear(2020);
    t.equal(iso(n), '2019-12-31T23:00:00.000Z', 'setFullYear: from +0 read as local fields');
    var n2 = new Date(NaN);
    n2.setHours(1);
    t.ok(isNaN(n2.getTime()), 'setHours keeps an invalid date invalid');
});

test('toString names the zone as V8 does', function (t) {
    var winter = new Date(2024, 0, 15, 1);
    t.equal(winter.toString(), 'Mon Jan 15 2024 01:00:00 GMT+0100 (Central European Standard Time)', 'winter');
    t.equal(new Date(2024, 6, 1).toTimeString(), '00:00:00 GMT+0200 (Central European Summer Time)', 'summer');
    t.equal(Date.parse(winter.toString()), winter.getTime(), 'and reads back');
    t.equal(new Intl.DateTimeFormat('en-US', { timeZoneName: 'long' }).format(winter),
        '1/15/2024, Central European Standard Time', 'as Intl names it');
});
