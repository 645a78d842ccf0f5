// SPDX-License-Identifier: MIT
/*
 * Long strings made by concatenation (`+`, `+=`, concat, join, repeat,
 * template parts) keep the bytes of the buffer they were built in instead
 * of a copy of them (lib/duk_hooks.c, fcw_duk_extstr_check). Each string
 * here is built in random steps, and checked against the same text kept
 * as an array of UTF-16 code units: every unit, its length, its identity
 * with the same text made another way (strings are interned: a property
 * key, a Map key, ===), and that no later append to one changes another
 * made from it. Under AddressSanitizer (t/jsrun-san) a block freed while
 * a string still reads it is an error.
 */

var seed = 61206;
function random(n) {
    /* Park and Miller's generator, exact in doubles; the high bits */
    seed = seed * 48271 % 2147483647;
    return Math.floor(seed / 2147483647 * n);
}

/* a piece of text: ASCII, two- and three-byte characters, surrogate
 * pairs and lone surrogates */
function piece() {
    var units = [];
    var n = random(4) === 0 ? 200 + random(2000) : random(12);
    var kind = random(5);
    for (var i = 0; i < n; i++) {
        var k = kind === 4 ? random(4) : kind;
        if (k === 0) {
            units.push(32 + random(95));
        } else if (k === 1) {
            units.push(0xa0 + random(0x700));
        } else if (k === 2) {
            units.push(random(2) ? 0x3040 + random(0x100) : 0xd800 + random(0x800));
        } else {
            units.push(0xd800 + random(0x400), 0xdc00 + random(0x400));
        }
    }
    return units;
}

function text(units) {
    var s = '';
    for (var i = 0; i < units.length; i += 1000) {
        s += String.fromCharCode.apply(null, units.slice(i, i + 1000));
    }
    return s;
}

function matches(s, units) {
    if (s.length !== units.length) {
        return false;
    }
    for (var i = 0; i < units.length; i++) {
        if (s.charCodeAt(i) !== units[i]) {
            return false;
        }
    }
    return true;
}

test('strings built by appends: each unit as appended, 150 random builds', function (t) {
    var all = true;
    for (var round = 0; round < 150 && all; round++) {
        var s = '', units = [], kept = [];
        var steps = 1 + random(40);
        for (var step = 0; step < steps && all; step++) {
            var p = piece(), ps = text(p), how = random(6);
            if (how === 0) {
                s += ps;
            } else if (how === 1) {
                s = s + ps;
            } else if (how === 2) {
                s = s.concat(ps, '');
            } else if (how === 3) {
                s = [s, ps].join('');
            } else if (how === 4) {
                s = ps.length ? s.padEnd(s.length + ps.length, ps) : s;
            } else {
                var box = [s];
                box[0] += ps;
                s = box[0];
            }
            units = units.concat(p);
            if (random(4) === 0) {
                /* a string made from this one, which later appends to s
                 * must leave as it is */
                var tail = piece();
                kept.push({ s: s + text(tail), units: units.concat(tail) });
            }
            all = matches(s, units);
        }
        for (var i = 0; i < kept.length && all; i++) {
            all = matches(kept[i].s, kept[i].units);
        }
        if (!all) {
            t.ok(false, 'round ' + round + ': a string differs from its text');
        }
    }
    t.ok(all, 'every string has the units appended to it');
});

test('the same long text made two ways is the same string', function (t) {
    var a = '', parts = [];
    for (var i = 0; i < 2000; i++) {
        a += 'row ' + i + ' \u00e9\u4e2d\ud83d\ude00;';
        parts.push('row ' + i + ' \u00e9\u4e2d\ud83d\ude00;');
    }
    var b = parts.join('');
    var c = a.slice(0, 1000) + a.slice(1000);
    t.ok(a === b && b === c && a.length === b.length, 'appended, joined and sliced then joined: === (' + a.length + ' units)');
    var o = {};
    o[a] = 1;
    o[b] = 2;
    t.ok(Object.keys(o).length === 1 && o[c] === 2, 'one property key');
    var m = new Map([[a, 'x']]);
    t.ok(m.get(b) === 'x' && m.get(c) === 'x' && new Set([a, b, c]).size === 1, 'one Map and Set key');
    t.ok(JSON.parse(JSON.stringify(a)) === b, 'through JSON');
    t.ok(new TextDecoder().decode(new TextEncoder().encode(a)) === c, 'through UTF-8');
    t.ok(a.indexOf('row 1999 ') === b.lastIndexOf('row 1999 ') && /row 1234 \u00e9/.test(c), 'searched');
    t.ok(a.split(';').length === 2001 && b.replace(/row/g, 'r').length === a.length - 4000, 'split and replaced');
});

test('a string of a buffer that code still holds is a copy', function (t) {
    var u8 = new Uint8Array(5000);
    for (var i = 0; i < u8.length; i++) {
        u8[i] = 97 + (i % 26);
    }
    var s = new TextDecoder().decode(u8);
    var latin = String.fromCharCode.apply(null, u8.subarray(0, 3000));
    u8.fill(122);
    t.ok(s.length === 5000 && s.charAt(0) === 'a' && s.charAt(4999) === String.fromCharCode(97 + (4999 % 26)),
        'decoded text is unchanged by writes to the bytes');
    t.ok(latin.charAt(2999) === String.fromCharCode(97 + (2999 % 26)), 'as is text made from their codes');
});

test('many long strings made and dropped', function (t) {
    var bad = 0, last = '';
    for (var r = 0; r < 200; r++) {
        var s = '', want = 0;
        for (var i = 0; i < 100; i++) {
            var part = 'chunk ' + r + '/' + i + ' of some length to pass a kilobyte soon;';
            s += part;
            want += part.length;
        }
        if (s.length !== want || s.lastIndexOf('chunk ' + r + '/99 of') !== want - part.length) {
            bad++;
        }
        last = s;
    }
    t.ok(bad === 0, 'each has its length and its last part where it was appended (' + bad + ' not)');
    t.ok(last.slice(0, 12) === 'chunk 199/0 ', 'the last one begins as it did');
});
