// SPDX-License-Identifier: MIT
/*
 * Number.prototype.toFixed, toExponential and toPrecision (lib/duk_hooks.c):
 * up to 100 digits (ES2018) and the exact value's digits rounded half up,
 * as V8 gives them. The expected values are what node 20 prints.
 * t/data/tofixed-cases.json: [x, digits, node's x.toFixed(digits)] for
 * prices (k/100 and k/1000 at 2 digits), exact ties and near ties (odd k
 * over 2, 20, 200 and -2000), and doubles of every size at 0-9 digits,
 * from a fixed linear congruential sequence.
 */

test('digits past what a double holds are its exact expansion', function (t) {
    t.equal((1e-7).toPrecision(21), '9.99999999999999954748e-8', 'just under a power of ten');
    t.equal((1e-7).toExponential(20), '9.99999999999999954748e-8', 'toExponential too');
    t.equal((1e-6).toPrecision(18), '9.99999999999999955e-7', '18 digits');
    t.equal((1e-29).toExponential(17), '9.99999999999999943e-30', '17 after the point');
    t.equal((0.1).toFixed(25), '0.1000000000000000055511151', 'toFixed(25)');
    t.equal((1 / 3).toPrecision(30), '0.333333333333333314829616256247', 'toPrecision(30)');
    t.equal((123.456).toExponential(40), '1.2345600000000000306954461848363280296326e+2', 'toExponential(40)');
    t.equal((5e-324).toExponential(3), '4.941e-324', 'the smallest subnormal');
    t.equal((1e20).toFixed(2), '100000000000000000000.00', 'below 1e21');
});

test('an exact tie rounds up, as the spec asks', function (t) {
    t.equal((0.5).toFixed(0), '1', '0.5');
    t.equal((2.5).toFixed(0), '3', '2.5');
    t.equal((1.25).toFixed(1), '1.3', '1.25');
    t.equal((0.125).toExponential(1), '1.3e-1', '0.125');
    t.equal((-1.5).toFixed(0), '-2', 'negative: away from zero');
    t.equal((1.005).toFixed(2), '1.00', '1.005 is a little less than that');
    t.equal((8.345).toFixed(2), '8.35', '8.345 a little more');
    t.equal((-0).toFixed(1), '0.0', '-0 has no sign');
});

test('toFixed: prices, ties, near ties and doubles of every size, as node prints them', function (t) {
    var cases = JSON.parse(readFile(env.FCW_CONFORMANCE + '/../tofixed-cases.json'));
    var wrong = [];
    for (var i = 0; i < cases.length; i++) {
        var got = cases[i][0].toFixed(cases[i][1]);
        if (got !== cases[i][2]) {
            wrong.push(cases[i][0] + '.toFixed(' + cases[i][1] + ') = ' + got + ', not ' + cases[i][2]);
        }
    }
    t.ok(cases.length > 500, cases.length + ' cases');
    t.deepEqual(wrong, [], 'each as node prints it');
});

test('0 to 100 digits; other counts throw a RangeError', function (t) {
    t.equal((1).toFixed(100).length, 102, 'toFixed(100)');
    t.equal((1).toExponential(100).length, 105, 'toExponential(100)');
    t.equal((1).toPrecision(100).length, 101, 'toPrecision(100)');
    t.throws(function () { return (1).toFixed(101); }, RangeError, 'toFixed(101)');
    t.throws(function () { return (1).toExponential(-1); }, RangeError, 'toExponential(-1)');
    t.throws(function () { return (1).toPrecision(0); }, RangeError, 'toPrecision(0)');
    t.equal((NaN).toFixed(2), 'NaN', 'NaN');
    t.equal((Infinity).toExponential(500), 'Infinity', 'Infinity before the range check of toExponential');
    t.equal((1.5).toExponential(), '1.5e+0', 'toExponential() is the shortest form');
});

test('toString(radix) writes V8\'s digits', function (t) {
    t.equal((0.15).toString(36), '0.5eeeeeeeeec', 'a fraction: digits while they tell the double apart, the last rounded');
    t.equal((1 / 3).toString(3), '0.1', 'a third in base 3');
    t.equal((2 / 3).toString(7), '0.4444444444444444444', 'two thirds in base 7');
    t.equal((35.99999999999999).toString(36), 'z.zzzzzzzzz', 'no carry when the gap is wider');
    t.equal((1e-7).toString(36), '0.000061oezo085tl', 'a small one');
    t.equal((1e21).toString(36), '5v1j4f4ds7c000', 'above 2^53: zeros for the digits a double lacks');
    t.equal((123456789012345680000).toString(36), 'q1ysz911igw00', 'another');
    t.equal((-255.5).toString(16), '-ff.8', 'negative');
    t.equal((-0).toString(2), '0', '-0');
    t.equal((0.1).toString(2), '0.0001100110011001100110011001100110011001100110011001101', 'binary is exact');
    t.throws(function () { return (1).toString(37); }, RangeError, 'radix 37');
    t.equal((255).toString(16), 'ff', 'an integer');
});
