// SPDX-License-Identifier: MIT
/* String.prototype.padStart and padEnd (lib/api_builtins.c): StringPad's
 * coercions and their order, non-ASCII fillers and strings, limits. */
test('padStart and padEnd', function (t) {
    t.equal('5'.padStart(3, '0'), '005');
    t.equal('ff'.padStart(2, '0'), 'ff', 'long enough already');
    t.equal((7).toString(16).padStart(2, '0'), '07', 'a hex digit');
    t.equal('abc'.padStart(10, '123'), '1231231abc', 'a partial copy at the end of the fill');
    t.equal('abc'.padEnd(10, '123'), 'abc1231231');
    t.equal('abc'.padEnd(6), 'abc   ', 'a space by default');
    t.equal('abc'.padStart(6, undefined), '   abc', 'undefined is the default');
    t.equal('abc'.padStart(6, null), 'nulabc', 'null is "null"');
    t.equal('abc'.padStart(6, ''), 'abc', 'an empty filler');
    t.equal('abc'.padStart(-1), 'abc', 'a negative length');
    t.equal('abc'.padStart(NaN, 'x'), 'abc', 'NaN');
    t.equal('abc'.padStart(5.9, 'x'), 'xxabc', 'a fraction is truncated');
    t.equal('abc'.padStart('5', 'x'), 'xxabc', 'a string length');
    t.equal(''.padEnd(3, 'é'), 'ééé', 'a two-byte filler');
    t.equal('ü'.padStart(4, '€x'), '€x€ü', 'multi-byte both sides');
    t.equal('a'.padStart(4, '\ud83d\ude00'), '\ud83d\ude00\ud83da', 'a surrogate pair split by the length');
    t.equal('a'.padStart(4, '\ud83d\ude00').length, 4);
    t.equal(String.prototype.padEnd.call(12, 4, 0), '1200', 'this and the filler are converted');
    t.equal(String.prototype.padStart.length, 1);
    t.equal(String.prototype.padEnd.name, 'padEnd');
    t.equal(new Array(1001).join('ab').padStart(2003, 'c').length, 2003, 'a long string');
    t.equal('x'.padStart(100000, 'ab').length, 100000, 'a long fill');
});

test('coercions and errors', function (t) {
    var order = [];
    var len = { valueOf: function () { order.push('length'); return 4; } };
    var fill = { toString: function () { order.push('filler'); return '-'; } };
    var self = { toString: function () { order.push('this'); return 'ab'; } };
    t.equal(String.prototype.padStart.call(self, len, fill), '--ab');
    t.deepEqual(order, ['this', 'length', 'filler'], 'this, then the length, then the filler');
    order = [];
    t.equal(String.prototype.padEnd.call(self, { valueOf: function () { order.push('length'); return 1; } }, fill), 'ab');
    t.deepEqual(order, ['this', 'length'], 'the filler is not converted when nothing is filled');
    t.throws(function () { String.prototype.padStart.call(null, 3); }, TypeError, 'null this');
    t.throws(function () { String.prototype.padEnd.call(undefined, 3); }, TypeError, 'undefined this');
    t.throws(function () { 'a'.padStart(Symbol('s')); }, TypeError, 'a Symbol length');
    t.throws(function () { 'a'.padStart(3, Symbol('s')); }, TypeError, 'a Symbol filler');
    t.throws(function () { 'a'.padStart(Infinity, 'x'); }, RangeError, 'an endless fill');
    t.throws(function () { 'a'.padEnd(Math.pow(2, 40)); }, RangeError, 'a fill longer than a string may be');
    t.equal('a'.padStart(Infinity, ''), 'a', 'an endless length with an empty filler');
    t.throws(function () { return new String.prototype.padStart(3); }, TypeError, 'no constructor');
});
