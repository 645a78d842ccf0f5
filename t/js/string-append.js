// SPDX-License-Identifier: MIT
/*
 * Appends in place (lib/duk_hooks.c, fcw_duk_append_plan): `s += t` on a
 * local, `a[i] += t` on an array slot or `o.p += t` on an object's
 * property writes the new bytes after the
 * old string's when the old string dies with the append, and the old
 * string's NUL goes. These check that the results are right, and that an
 * old string that code can still reach keeps its bytes and its end: the
 * readers that stop at the NUL (Number, parseFloat, JSON.parse, RegExp)
 * would read the appended bytes past it. Each old string here is longer
 * than a kilobyte (shorter ones are copied) and ends with digits, so that
 * an append of more digits would change what Number makes of it.
 */

var PAD = new Array(1500).join(' ');

function numeric(n) {
    return PAD + n;
}

/* what a reader that stops at the string's end makes of s */
function readers(s) {
    return [Number(s), parseFloat(s), JSON.parse(s), new RegExp(s.replace(/ +/, '^ *')).source.length].join();
}

test('appends to a local and to an array slot make the text appended', function (t) {
    /* three texts: equal strings are one string (interned), which the
     * three would share */
    var s = 'a', b = ['b'], c = ['', 'c'], parts = [];
    for (var i = 0; i < 3000; i++) {
        var p = 'part ' + i + ' \u00e9\u4e2d\ud83d\ude00;';
        parts.push(p);
        s += p;
        b[0] += p;
        c[1] = c[1] + p;
    }
    var want = parts.join('');
    t.ok(s === 'a' + want && b[0] === 'b' + want && c[1] === 'c' + want && s.length === want.length + 1,
        'three strings of ' + s.length + ' units');
    t.ok(JSON.parse(JSON.stringify(s)) === 'a' + want && s.lastIndexOf('part 2999 ') === want.length + 1 - parts[2999].length,
        'read to their end');
    var n = numeric(1);
    for (var k = 2; k <= 9; k++) {
        n += k;
    }
    t.ok(Number(n) === 123456789 && JSON.parse(n) === 123456789, 'a number appended digit by digit reads whole');
});

test('an old string still reachable keeps its end', function (t) {
    var s = numeric(12), keep = s;
    s += '345';
    t.ok(readers(keep) === readers(numeric(12)) && Number(s) === 12345, 'kept in another variable');

    var b = [numeric(12)];
    var held = b[0];
    b[0] += '345';
    t.ok(Number(held) === 12 && JSON.parse(held) === 12 && Number(b[0]) === 12345, 'an array slot read into a variable');

    var two = [numeric(12)];
    two[1] = two[0];
    two[0] += '345';
    t.ok(Number(two[1]) === 12 && Number(two[0]) === 12345, 'in two slots of an array');

    var o = { v: numeric(12) }, ov = o.v;
    o.v += '345';
    t.ok(Number(ov) === 12 && Number(o.v) === 12345, 'an object property (not an array slot)');

    var m = new Map(), k = numeric(12);
    m.set(k, 1);
    var mk = k;
    k += '345';
    t.ok(m.has(numeric(12)) && Number(Array.from(m.keys())[0]) === 12 && Number(mk) === 12, 'a Map key');

    var made = (function () {
        var acc = numeric(12);
        return {
            add: function (x) { acc += x; return acc; },
            get: function () { return acc; }
        };
    })();
    var before = made.get();
    made.add('345');
    t.ok(Number(before) === 12 && Number(made.get()) === 12345, 'a variable of a closure');

    var out = [];
    (function () {
        var acc = numeric(12);
        out.push(acc);
        acc += '345';
        out.push(acc);
    })();
    t.ok(Number(out[0]) === 12 && Number(out[1]) === 12345, 'pushed to an array, then appended to');

    var r = numeric(12), rs = [r];
    r += '9';
    t.ok(rs[0].length === PAD.length + 2 && Number(rs[0]) === 12 && Number(r) === 129, 'kept in an array literal');
});

test('an append of an expression (through a copy of the string)', function (t) {
    /* each case starts from a number of its own: equal strings are one
     * string, which would hold more references */
    var html = numeric(1), digits = '1';
    for (var i = 0; i < 2000; i++) {
        html += '' + (i % 10) + '';
        digits += i % 10;
    }
    t.ok(html === PAD + digits, 'in a loop: ' + html.length + ' units');

    var s = numeric(21), kept = [];
    for (var j = 2; j < 9; j++) {
        s += '' + j;
        if (j % 3 === 0) {
            kept.push(s);
        }
    }
    t.ok(kept.map(readers).join(';') === [numeric(2123), numeric(21234567).slice(0, -1)].map(readers).join(';') &&
        Number(s) === 212345678, 'kept in an array on the way');

    var u = numeric(31);
    u += '' + 2;
    var v = u + ('' + 3);
    var w = u;
    t.ok(readers(w) === readers(numeric(312)) && Number(v) === 3123, 'a copy read after it');

    var x = numeric(41), y;
    x += '' + 2;
    y = (x += '' + 3);
    t.ok(readers(x) === readers(numeric(4123)) && x === y, 'the value of an append expression');

    var z = numeric(51);
    z += '' + 2;
    var zz = z + ('' + 3);
    z = 0;
    t.ok(Number(zz) === 5123 && z === 0, 'a variable written over after');

    var h = numeric(91), a = '3', b = '4';
    h += '2';
    h = h + a + b;
    h = h + a + b;
    t.ok(readers(h) === readers(numeric(9123434)), 's = s + a + b');

    var q = numeric(92);
    q += '2';
    var qq = q + ('' + 3) + q;
    t.ok(readers(q) === readers(numeric(922)) && qq === numeric(922) + '3' + numeric(922), 'read again by a later +');

    var w2 = numeric(93), seen = null;
    w2 += '2';
    w2 += '2';
    var late = { toString: function () { seen = readers(w2); return '!'; } };
    w2 = w2 + '3' + late;
    t.ok(seen === readers(numeric(9322)) && w2 === numeric(93223) + '!', "read by an operand's toString, by name");
});

test('a variable of a function around', function (t) {
    var html = numeric(61), digits = '';
    [1, 2, 3, 4, 5, 6, 7, 8, 9].forEach(function (d) {
        html += '' + d;
        digits += d;
    });
    t.ok(Number(html) === Number('61' + digits), 'appended by a callback');

    var acc = numeric(71), seen = [];
    [2, 3, 4].forEach(function (d) {
        acc += d;
        seen.push(acc);
    });
    t.ok(seen.map(readers).join(';') === [numeric(712), numeric(7123), numeric(71234)].map(readers).join(';'),
        'each value kept on the way');

    var calls = 0;
    var p = new Proxy({}, { has: function () { calls++; return false; } });
    /* a `with` statement, in sloppy code of its own */
    var f = (0, eval)('(function (p, s) { var html = s; with (p) { html += "2"; html += "3"; } return html; })');
    var got = f(p, numeric(81));
    t.ok(readers(got) === readers(numeric(8123)) && calls >= 4, 'through a `with` of a Proxy, whose trap is asked as before');
});

test('object properties', function (t) {
    var o = { html: numeric(1) }, digits = '1';
    for (var i = 0; i < 2000; i++) {
        o.html += i % 10;
        digits += i % 10;
    }
    t.ok(o.html === PAD + digits && JSON.parse(o.html.slice(0, PAD.length + 15)) === Number(digits.slice(0, 15)),
        'appended to, ' + o.html.length + ' units');

    var kept = { html: numeric(1) };
    kept.html += '2';
    var k1 = kept.html;
    kept.html += '3';
    var k2 = kept.html;
    kept.html += '4';
    t.ok(readers(k1) === readers(numeric(12)) && readers(k2) === readers(numeric(123)) && Number(kept.html) === 1234,
        'the old values read into variables keep their ends');

    var frozen = { html: numeric(1) };
    frozen.html += '2';
    Object.freeze(frozen);
    try {
        frozen.html += '3';
    } catch (e) {
        /* strict code: a TypeError */
    }
    t.ok(JSON.parse(frozen.html) === 12, 'a frozen object');

    var ro = { html: numeric(1) };
    ro.html += '2';
    Object.defineProperty(ro, 'html', { writable: false });
    try {
        ro.html += '3';
    } catch (e) {
        /* strict code: a TypeError */
    }
    t.ok(JSON.parse(ro.html) === 12, 'a read-only property');

    var proto = { html: numeric(1) };
    var child = Object.create(proto);
    child.html += '2';
    child.html += '3';
    t.ok(JSON.parse(proto.html) === 1 && JSON.parse(child.html) === 123, 'an inherited property');

    var seen = [], backing = numeric(1);
    var acc = {
        get html() { return backing; },
        set html(v) { seen.push(JSON.parse(backing)); backing = v; }
    };
    acc.html += '2';
    acc.html += '3';
    t.ok(seen.join() === '1,12' && JSON.parse(acc.html) === 123, 'an accessor sees each old value whole');

    var target = { html: numeric(1) };
    var p = new Proxy(target, {});
    p.html += '2';
    var pk = p.html;
    p.html += '3';
    t.ok(JSON.parse(pk) === 12 && JSON.parse(target.html) === 123, 'a Proxy');
});

test('arrays whose slot cannot be written keep the old string', function (t) {
    var frozen = Object.freeze([numeric(12)]);
    try {
        frozen[0] += '345';
    } catch (e) {
        /* strict code: a TypeError */
    }
    t.ok(Number(frozen[0]) === 12 && JSON.parse(frozen[0]) === 12, 'frozen');

    var sealed = Object.seal([numeric(12)]);
    sealed[0] += '345';
    t.ok(Number(sealed[0]) === 12345, 'sealed: its slots are still written');

    var ro = [numeric(12)];
    Object.defineProperty(ro, 0, { writable: false });
    try {
        ro[0] += '345';
    } catch (e) {
        /* strict code: a TypeError */
    }
    t.ok(Number(ro[0]) === 12, 'a slot made read-only');

    var seen = [];
    var acc = [numeric(12)];
    var backing = acc[0];
    Object.defineProperty(acc, 0, {
        get: function () { return backing; },
        set: function (v) { seen.push(Number(backing)); backing = v; }
    });
    acc[0] += '345';
    t.ok(seen.length === 1 && seen[0] === 12 && Number(acc[0]) === 12345, 'a slot with a setter sees the old string whole');

    var p = new Proxy([numeric(12)], {});
    var pold = p[0];
    p[0] += '345';
    t.ok(Number(pold) === 12 && Number(p[0]) === 12345, 'a Proxy of an array');
});

test('an append that throws leaves the old string as it was', function (t) {
    var s = numeric(12);
    var bad = { toString: function () { throw new Error('no'); } };
    var threw = false;
    try {
        s += bad;
    } catch (e) {
        threw = e.message === 'no';
    }
    t.ok(threw && Number(s) === 12, 'an operand whose conversion throws');
    var b = [numeric(12)];
    try {
        b[0] += bad;
    } catch (e) {
        threw = e.message === 'no';
    }
    t.ok(threw && Number(b[0]) === 12, 'in an array slot');
});

test('random appends with survivors against their text', function (t) {
    var seed = 4711;
    function random(n) {
        seed = seed * 48271 % 2147483647;
        return Math.floor(seed / 2147483647 * n);
    }
    var bad = 0;
    for (var round = 0; round < 60; round++) {
        /* s and b[0] differ, and what they should be is kept as digits
         * (a string equal to one would be the same string: interned) */
        var s = numeric(round + 1), b = [numeric(round + 901)], digits = [], kept = [];
        for (var step = 0; step < 80; step++) {
            var d = String(random(10));
            if (random(2)) {
                s += d;
                b[0] += d;
            } else {
                s = s + d;
                b[0] = b[0] + d;
            }
            digits.push(d);
            if (random(8) === 0) {
                kept.push({ a: s, b: b[0], n: digits.length });
            }
        }
        kept.push({ a: s, b: b[0], n: digits.length });
        for (var i = 0; i < kept.length; i++) {
            var tail = digits.slice(0, kept[i].n).join('');
            var w = numeric(round + 1) + tail, wb = numeric(round + 901) + tail;
            if (kept[i].a !== w || kept[i].b !== wb || readers(kept[i].a) !== readers(w) || readers(kept[i].b) !== readers(wb)) {
                bad++;
            }
        }
    }
    t.ok(bad === 0, 'every string and every kept one reads as its text (' + bad + ' not)');
});
