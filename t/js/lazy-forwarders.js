// SPDX-License-Identifier: MIT
/* The built-in methods of the runtime's groups loaded on first use whose
 * stand-ins are forwarders (lib/runtime_lazy.c native.forwarder): the
 * ES2023-2025 library's (js/14-es2025-methods.js) and DataView's BigInt
 * methods (js/17-bigint-dataview.js). Before their group is loaded (in a
 * pool's child as in a process for one request), each is a built-in
 * function as the spec has it; its first call loads the group, and it
 * passes its this and its arguments on as given, their count included.
 * The first test runs before anything here touches either group. */

var forwarded = [
    [Object, 'groupBy', 2], [Map, 'groupBy', 2], [Set.prototype, 'union', 1],
    [Set.prototype, 'isDisjointFrom', 1], [Array, 'fromAsync', 1],
    [String.prototype, 'isWellFormed', 0], [String.prototype, 'toWellFormed', 0],
    [DataView.prototype, 'getBigInt64', 1], [DataView.prototype, 'setBigUint64', 2]
];
var IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
forwarded.push([IteratorPrototype, 'map', 1], [IteratorPrototype, 'reduce', 1], [IteratorPrototype, 'toArray', 0]);
var before = forwarded.map(function (f) { return f[0][f[1]]; });

test('forwarders: built-in functions before their group is loaded', function (t) {
    if (typeof lazyPending === 'function') {
        t.ok(lazyPending('Iterator'), 'the ES2023-2025 library is not loaded yet');
        t.ok(lazyPending('BigInt64Array'), 'nor are the BigInt arrays');
    }
    forwarded.forEach(function (f, i) {
        var fn = before[i], where = f[1];
        t.equal(typeof fn, 'function', where + ' is a function');
        t.equal(fn.name, f[1], where + ': its name');
        t.equal(fn.length, f[2], where + ': its length');
        t.equal(Object.getPrototypeOf(fn), Function.prototype, where + ': inherits from Function.prototype');
        t.equal(Object.prototype.hasOwnProperty.call(fn, 'prototype'), false, where + ': no prototype property');
        t.throws(function () { return new fn(); }, TypeError, where + ': not a constructor');
        t.ok(/\[native code\]/.test(Function.prototype.toString.call(fn)), where + ': its source is native code');
        var d = Object.getOwnPropertyDescriptor(f[0], f[1]);
        t.ok(d.writable && !d.enumerable && d.configurable, where + ': writable, configurable, not enumerable');
    });
    var iterCtor = Object.getOwnPropertyDescriptor(IteratorPrototype, 'constructor');
    t.equal(iterCtor.get.name, 'get constructor', 'Iterator.prototype.constructor: its getter\'s name');
    t.equal(iterCtor.set.name, 'set constructor', 'and its setter\'s');
    t.equal(iterCtor.set.length, 1, 'which takes one argument');
    var tag = Object.getOwnPropertyDescriptor(IteratorPrototype, Symbol.toStringTag);
    t.equal(tag.set.name, 'set [Symbol.toStringTag]', 'Iterator.prototype[@@toStringTag]: its setter\'s name');
});

test('forwarders: the first call loads the group; this and the arguments go through', function (t) {
    var a = new Set([1, 2]), b = new Set([2, 3]);
    t.deepEqual(Array.from(a.union(b)), [1, 2, 3], 'Set.prototype.union with its receiver and argument');
    if (typeof lazyPending === 'function') {
        t.ok(!lazyPending('Iterator'), 'which loaded the ES2023-2025 library');
    }
    t.equal(a.isDisjointFrom(new Set([4])), true, 'isDisjointFrom');
    t.throws(function () { Set.prototype.union.call({}, b); }, TypeError, 'a receiver that is no Set throws');
    var g = Object.groupBy([1, 2, 3, 4], function (n) { return n % 2 ? 'odd' : 'even'; });
    t.deepEqual([g.odd, g.even], [[1, 3], [2, 4]], 'Object.groupBy with two arguments');
    t.equal(Map.groupBy([1, 2, 3], function (n) { return n > 1; }).get(true).length, 2, 'Map.groupBy');
    t.equal('a\uD800'.isWellFormed(), false, 'String.prototype.isWellFormed on its this');
    t.equal('a\uD800'.toWellFormed(), 'a\uFFFD', 'toWellFormed');
    var it = [1, 2, 3][Symbol.iterator]();
    t.deepEqual(it.map(function (x) { return x * 2; }).toArray(), [2, 4, 6], 'Iterator.prototype.map, then toArray');
    /* reduce tells an initial value of undefined from none: the count of
     * the arguments goes through */
    t.equal([1, 2, 3][Symbol.iterator]().reduce(function (acc, x) { return acc + x; }), 6,
        'Iterator.prototype.reduce without an initial value starts from the first element');
    t.ok(isNaN([1, 2, 3][Symbol.iterator]().reduce(function (acc, x) { return acc + x; }, undefined)),
        'and with an initial value of undefined starts from undefined');
    t.throws(function () { [][Symbol.iterator]().reduce(function () {}); }, TypeError,
        'an empty iterator without an initial value throws');
    forwarded.forEach(function (f, i) {
        t.equal(f[0][f[1]], before[i], f[1] + ' is the same function after the load');
    });
    var ctor = Object.getOwnPropertyDescriptor(IteratorPrototype, 'constructor').get.call(IteratorPrototype);
    t.equal(ctor, globalThis.Iterator, 'Iterator.prototype.constructor is Iterator');
});

test('forwarders: DataView\'s BigInt methods pass the endianness on', function (t) {
    var dv = new DataView(new ArrayBuffer(8));
    t.equal(dv.setBigUint64(0, BigInt(258)), undefined, 'setBigUint64(offset, value): big-endian');
    t.equal(dv.getUint8(7), 2, 'its low byte last');
    if (typeof lazyPending === 'function') {
        t.ok(!lazyPending('BigInt64Array'), 'the first call loaded the BigInt arrays');
    }
    dv.setBigUint64(0, BigInt(258), true);
    t.equal(dv.getUint8(0), 2, 'setBigUint64(offset, value, true): little-endian, its low byte first');
    t.equal(String(dv.getBigInt64(0, true)), '258', 'getBigInt64(offset, true)');
    t.equal(String(dv.getBigInt64(0)), String(BigInt('0x0201000000000000')), 'getBigInt64(offset): big-endian');
    t.throws(function () { DataView.prototype.getBigInt64.call({}, 0); }, TypeError, 'a receiver that is no DataView');
});
