// SPDX-License-Identifier: MIT
/*
 * The order of the comparator's calls in Array.prototype.sort (V8's
 * TimSort: lib/api_builtins.c native.sortWith) and %TypedArray%.prototype.sort
 * (V8's top-down merge sort: js/13-typedarrays.js), and so what a
 * comparator that is no consistent order leaves, as in Node. The expected
 * values are what node 20 prints for the same code.
 */

function range(n) {
    var a = [];
    for (var i = 0; i < n; i++) {
        a.push(i);
    }
    return a;
}

function lcg(seed) {
    return function () {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
    };
}

test('Array.prototype.sort asks the comparator what V8 asks', function (t) {
    var calls = [];
    [3, 1, 2].sort(function (a, b) { calls.push([a, b]); return a - b; });
    t.deepEqual(calls, [[1, 3], [2, 1], [2, 3], [2, 1]], 'three values: the run, then binary insertion');
    calls = [];
    [5, 1, 4, 2, 3].sort(function (a, b) { calls.push('' + a + b); return a - b; });
    t.equal(calls.join(' '), '15 41 45 41 24 21 34 32', 'five values');
    var rnd = lcg(7);
    var big = range(100).map(function () { return Math.floor(rnd() * 100); });
    var n = 0;
    big.slice().sort(function (a, b) { n++; return a - b; });
    t.equal(n, 533, '100 values: as many calls as V8');
    var perm = range(300).map(function (i) { return (i * 7919) % 300; });
    var count = 0, acc = 0;
    var sorted = perm.slice().sort(function (a, b) {
        count++;
        acc = (acc * 31 + a * 7 + b) % 1000000007;
        return a - b;
    });
    t.ok(count === 2089 && acc === 155437115, '300 values, merged with galloping: the same calls in the same order');
    t.ok(sorted[0] === 0 && sorted[299] === 299, 'and sorted');
});

test('an inconsistent comparator leaves what it leaves in Node', function (t) {
    t.deepEqual(range(10).sort(function () { return -1; }), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        'always -1: one descending run, reversed');
    t.deepEqual(range(10).sort(function () { return 1; }), range(10), 'always 1: unchanged');
    var rnd = lcg(7);
    var big = range(100).map(function () { return Math.floor(rnd() * 100); });
    t.deepEqual(big.slice().sort(function (a, b) { return a > b; }), big,
        'a boolean comparator is never below 0: 100 values stay as they were');
    var items = [{ n: 'a' }, { n: 'b' }, { n: 'c' }];
    t.equal(items.sort(function (a, b) { return b[0] - a[0] || (a[1] > b[1] ? 1 : -1); })
        .map(function (o) { return o.n; }).join(), 'c,b,a', 'a comparator of missing fields (compromise\'s topics)');
});

test('%TypedArray%.prototype.sort asks the comparator what V8 asks', function (t) {
    var calls = [];
    new Int8Array([4, 2, 3, 1]).sort(function (a, b) { calls.push('' + a + b); return a - b; });
    t.equal(calls.join(' '), '42 31 21 23 43', 'top-down merge sort');
    t.deepEqual(Array.from(new Int8Array([1, 2, 3, 4, 5]).sort(function () { return -1; })), [1, 2, 3, 4, 5],
        'always -1: the left one first');
});
