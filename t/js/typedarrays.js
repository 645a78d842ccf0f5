// SPDX-License-Identifier: MIT
/*
 * %TypedArray% (ECMAScript 2023 §23.2): from/of, the prototype methods and
 * @@toStringTag, on the nine typed array types and on plain buffers.
 */

var NAMES = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array'];
var TypedArray = Object.getPrototypeOf(Uint8Array);
var TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);

function list(ta) {
    return Array.prototype.slice.call(ta);
}

function tag(x) {
    return Object.prototype.toString.call(x);
}

test('methods live once on %TypedArray% and its prototype (§23.2.2, §23.2.3)', function (t) {
    var methods = ['at', 'copyWithin', 'entries', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast',
        'findLastIndex', 'forEach', 'includes', 'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'reduce',
        'reduceRight', 'reverse', 'set', 'slice', 'some', 'sort', 'subarray', 'toLocaleString', 'toReversed',
        'toSorted', 'toString', 'values', 'with'];
    var missing = methods.filter(function (m) {
        var d = Object.getOwnPropertyDescriptor(TypedArrayPrototype, m);
        return !d || typeof d.value !== 'function' || d.enumerable || !d.writable || !d.configurable;
    });
    t.deepEqual(missing, [], 'every method is a writable, configurable, non-enumerable own function');
    t.equal(typeof TypedArray.from, 'function', '%TypedArray%.from');
    t.equal(Uint8Array.from, TypedArray.from, 'inherited, not own, by Uint8Array');
    t.equal(TypedArrayPrototype.slice.length, 2, 'slice.length is 2');
    t.equal(TypedArrayPrototype.with.length, 2, 'with.length is 2');
    t.equal(TypedArrayPrototype.sort.name, 'sort', 'sort.name');
    t.equal(TypedArrayPrototype.toString, Array.prototype.toString, 'toString is Array.prototype.toString (§23.2.3.32)');
});

test('%TypedArray%.from and of (§23.2.2.1, §23.2.2.2)', function (t) {
    var a = Uint8Array.from('123', Number);
    t.ok(a instanceof Uint8Array, 'from string gives a Uint8Array');
    t.deepEqual(list(a), [1, 2, 3], 'string iterated by code points, mapped by Number');
    t.deepEqual(list(Int16Array.from({ length: 3, 0: 7, 2: -9 })), [7, 0, -9], 'array-like, holes read as undefined -> 0');
    t.deepEqual(list(Float64Array.from(new Set([1.5, 2.5]))), [1.5, 2.5], 'any iterable (Set)');
    t.deepEqual(list(Int8Array.from([1, 2], function (v, k) { return v * 10 + k; })), [10, 21], 'mapfn gets value and index');
    var receiver = {};
    Uint8Array.from([1], function () { t.equal(this, receiver, 'thisArg passed to mapfn'); }, receiver);
    var src = new Float32Array([1.5, -2]);
    var copy = Int32Array.from(src);
    t.deepEqual(list(copy), [1, -2], 'from a typed array converts each element');
    t.equal(Uint8ClampedArray.from([300, -5, 1.5])[0], 255, 'values converted by the target type (clamped)');
    t.throws(function () { Uint8Array.from(null); }, TypeError, 'from(null) throws');
    t.throws(function () { Uint8Array.from([], 'x'); }, TypeError, 'non-callable mapfn throws');
    t.throws(function () { TypedArray.from.call({}, []); }, TypeError, 'this not a constructor throws');
    var of = Float32Array.of(1, 0.5, NaN);
    t.ok(of instanceof Float32Array && of.length === 3, 'of creates this type with the argument count');
    t.ok(of[2] !== of[2], 'of keeps NaN');
    t.equal(Uint8Array.of().length, 0, 'of() is empty');
    t.deepEqual(list(Uint16Array.of(-1)), [65535], 'of converts with ToUint16');
});

test('slice copies into a new array of the same type (§23.2.3.27)', function (t) {
    var a = new Uint8Array([1, 2, 3]);
    var s = a.slice(1);
    t.ok(s instanceof Uint8Array, 'Uint8Array result');
    t.deepEqual(list(s), [2, 3], '[2, 3]');
    s[0] = 99;
    t.equal(a[1], 2, 'own buffer: writes do not reach the source');
    t.equal(s.byteOffset, 0, 'starts at offset 0 of its buffer');
    t.deepEqual(list(new Int16Array([1, 2, 3, 4]).slice(-3, -1)), [2, 3], 'negative start and end');
    t.equal(new Int32Array(4).slice(3, 1).length, 0, 'end before start gives an empty array');
    var f = new Float64Array([0.1, -0, NaN]).slice();
    t.ok(f instanceof Float64Array && f[0] === 0.1 && 1 / f[1] === -Infinity && f[2] !== f[2], 'slice() copies every value exactly');
    var view = new Uint8Array(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2);
    t.deepEqual(list(view.slice()), [8, 7], 'slice of an offset view copies the view');
    NAMES.forEach(function (name) {
        var r = new globalThis[name]([1, 2, 3]).slice(1, 2);
        t.ok(r instanceof globalThis[name] && r.length === 1 && r[0] === 2, name + '.prototype.slice');
    });
});

test('fill, copyWithin, reverse, with (§23.2.3.9, .6, .25, .36)', function (t) {
    t.deepEqual(list(new Uint8Array(5).fill(7, 1, -1)), [0, 7, 7, 7, 0], 'fill with relative start and end');
    t.deepEqual(list(new Uint8ClampedArray(2).fill(300)), [255, 255], 'fill value converted by the type');
    var big = new Int32Array(100000).fill(-3, 10);
    t.ok(big[9] === 0 && big[10] === -3 && big[99999] === -3, 'fill of a large range');
    var order = [];
    new Uint8Array(2).fill({ valueOf: function () { order.push('value'); return 1; } },
        { valueOf: function () { order.push('start'); return 0; } });
    t.deepEqual(order, ['value', 'start'], 'fill converts value before start');
    t.deepEqual(list(new Float32Array([1, 2, 3, 4, 5]).copyWithin(0, 3)), [4, 5, 3, 4, 5], 'copyWithin(0, 3)');
    t.deepEqual(list(new Int8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3)), [1, 1, 2, 3, 5], 'overlapping copyWithin');
    var r = new Uint16Array([1, 2, 3]);
    t.equal(r.reverse(), r, 'reverse returns this');
    t.deepEqual(list(r), [3, 2, 1], 'reversed in place');
    var w = new Uint8Array([1, 2, 3]);
    var w2 = w.with(-1, 9);
    t.deepEqual([list(w), list(w2)], [[1, 2, 3], [1, 2, 9]], 'with copies and replaces');
    t.ok(w2 instanceof Uint8Array, 'with keeps the type');
    t.throws(function () { w.with(3, 0); }, RangeError, 'with out of range throws RangeError');
    var tr = w.toReversed();
    t.deepEqual([list(w), list(tr)], [[1, 2, 3], [3, 2, 1]], 'toReversed copies');
});

test('sort and toSorted (§23.2.3.29, §23.2.3.33)', function (t) {
    var f = Float64Array.of(NaN, 1, -0, 0, -Infinity);
    f.sort();
    t.equal(f[0], -Infinity, 'numeric order');
    t.ok(1 / f[1] === -Infinity && 1 / f[2] === Infinity, '-0 before +0');
    t.ok(f[4] !== f[4], 'NaN last');
    t.deepEqual(list(new Uint8Array([10, 9, 100]).sort()), [9, 10, 100], 'numbers, not strings');
    var u16 = new Uint16Array(1000);
    for (var i = 0; i < u16.length; i++) {
        u16[i] = (i * 7919) % 65536;
    }
    u16.sort();
    var sorted = true;
    for (i = 1; i < u16.length; i++) {
        sorted = sorted && u16[i - 1] <= u16[i];
    }
    t.ok(sorted, 'a long Uint16Array sorts');
    t.deepEqual(list(new Int8Array([-128, 127, 0, -1]).sort()), [-128, -1, 0, 127], 'signed bytes');
    var keyed = new Uint8Array([0x21, 0x10, 0x22, 0x11, 0x20, 0x12]);
    keyed.sort(function (a, b) { return (a >> 4) - (b >> 4); });
    t.deepEqual(list(keyed), [0x10, 0x11, 0x12, 0x21, 0x22, 0x20], 'comparator sort is stable');
    t.deepEqual(list(new Int32Array([1, 2, 3]).sort(function (a, b) { return b - a; })), [3, 2, 1], 'comparator result used');
    t.throws(function () { new Uint8Array(1).sort('x'); }, TypeError, 'non-callable comparator throws');
    var orig = new Float32Array([3, 1, 2]);
    var ts = orig.toSorted();
    t.deepEqual([list(orig), list(ts)], [[3, 1, 2], [1, 2, 3]], 'toSorted copies');
    t.ok(ts instanceof Float32Array, 'toSorted keeps the type');
});

test('searching: indexOf, lastIndexOf, includes, at, find* (§23.2.3)', function (t) {
    var a = new Int16Array([5, -1, 5, 7]);
    t.equal(a.indexOf(5), 0, 'indexOf');
    t.equal(a.indexOf(5, 1), 2, 'indexOf from 1');
    t.equal(a.indexOf(5, -1), -1, 'indexOf from -1');
    t.equal(a.indexOf('5'), -1, 'strict equality: a string is not found');
    t.equal(a.lastIndexOf(5), 2, 'lastIndexOf');
    t.equal(a.lastIndexOf(5, 1), 0, 'lastIndexOf from 1');
    t.equal(a.lastIndexOf(5, -5), -1, 'lastIndexOf before the start');
    t.equal(new Float64Array([NaN]).indexOf(NaN), -1, 'indexOf never finds NaN');
    t.equal(new Float64Array([NaN]).includes(NaN), true, 'includes finds NaN (SameValueZero)');
    t.equal(new Float32Array([-0]).includes(0), true, 'includes: -0 equals +0');
    t.equal(a.includes(7, 4), false, 'includes from past the end');
    t.equal(a.at(-1), 7, 'at(-1)');
    t.equal(a.at(4), undefined, 'at out of range');
    t.equal(a.find(function (v) { return v > 5; }), 7, 'find');
    t.equal(a.findIndex(function (v) { return v < 0; }), 1, 'findIndex');
    t.equal(a.findLast(function (v) { return v === 5; }), 5, 'findLast');
    t.equal(a.findLastIndex(function (v) { return v === 5; }), 2, 'findLastIndex');
    t.equal(a.findIndex(function () { return false; }), -1, 'findIndex not found');
    var big = new Uint8Array(1 << 20);
    big[(1 << 20) - 1] = 1;
    t.equal(big.indexOf(1), (1 << 20) - 1, 'indexOf in a 1 MiB array');
});

test('iteration: map, filter, forEach, reduce, every, some, join (§23.2.3)', function (t) {
    var a = new Uint8Array([1, 2, 3]);
    var m = a.map(function (v) { return v * 100; });
    t.ok(m instanceof Uint8Array, 'map keeps the type');
    t.deepEqual(list(m), [100, 200, 44], 'map results converted by the type (300 -> 44)');
    var f = new Float32Array([1, 2, 3, 4]).filter(function (v) { return v % 2 === 0; });
    t.ok(f instanceof Float32Array && f.length === 2 && f[1] === 4, 'filter');
    var seen = [];
    a.forEach(function (v, k, o) { seen.push([v, k, o === a]); });
    t.deepEqual(seen, [[1, 0, true], [2, 1, true], [3, 2, true]], 'forEach arguments');
    t.equal(a.reduce(function (acc, v) { return acc + v; }), 6, 'reduce');
    t.equal(a.reduceRight(function (acc, v) { return acc + String(v); }, ''), '321', 'reduceRight with initial value');
    t.throws(function () { new Uint8Array(0).reduce(function () {}); }, TypeError, 'reduce of empty without initial value');
    t.equal(a.every(function (v) { return v > 0; }), true, 'every');
    t.equal(a.some(function (v) { return v > 2; }), true, 'some');
    t.equal(a.join(), '1,2,3', 'join default separator');
    t.equal(a.join('-'), '1-2-3', 'join separator');
    t.equal(String(new Float64Array([1.5, -0])), '1.5,0', 'String() joins elements');
    t.equal(new Uint8Array([1, 2]).toLocaleString(), '1,2', 'toLocaleString');
    t.throws(function () { a.map(); }, TypeError, 'map without callback throws');
});

test('@@toStringTag getter (§23.2.3.38) and receiver checks', function (t) {
    var d = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag);
    t.ok(d && typeof d.get === 'function' && d.set === undefined && !d.enumerable && d.configurable, 'accessor, configurable, not enumerable');
    t.equal(d.get.name, 'get [Symbol.toStringTag]', 'getter name');
    NAMES.forEach(function (name) {
        t.equal(new globalThis[name](1)[Symbol.toStringTag], name, name + ' tag');
    });
    t.equal(d.get.call([]), undefined, 'undefined for a non-typed array');
    t.equal(d.get.call(3), undefined, 'undefined for a primitive');
    t.equal(tag(new Int8Array(1)), '[object Int8Array]', 'Object.prototype.toString');
    t.throws(function () { TypedArrayPrototype.slice.call([1, 2]); }, TypeError, 'slice on an Array throws');
    t.throws(function () { TypedArrayPrototype.fill.call(new DataView(new ArrayBuffer(1)), 0); }, TypeError, 'fill on a DataView throws');
});

test('plain buffers act as Uint8Array', function (t) {
    var plain = Uint8Array.allocPlain(4);
    plain.fill(5, 2);
    t.deepEqual(list(plain), [0, 0, 5, 5], 'fill');
    t.equal(plain.indexOf(5), 2, 'indexOf');
    var s = plain.slice(1);
    t.ok(s instanceof Uint8Array && s.length === 3 && s[2] === 5, 'slice gives a Uint8Array');
    t.equal(plain[Symbol.toStringTag], 'Uint8Array', 'tag');
});

test('DataView: a field outside the view is V8\'s RangeError, after the conversions (§25.3.1.5, .6)', function (t) {
    var dv = new DataView(new ArrayBuffer(8), 2);
    function message(fn) {
        try {
            fn();
        } catch (e) {
            return e.name + ': ' + e.message;
        }
        return 'no error';
    }
    var outside = 'RangeError: Offset is outside the bounds of the DataView';
    t.equal(dv.getUint8(5), 0, 'the last byte reads');
    t.equal(message(function () { dv.getUint8(6); }), outside, 'one past the end');
    t.equal(message(function () { dv.getInt32(3); }), outside, 'a field that ends past it');
    t.equal(message(function () { dv.getFloat64(0); }), outside, 'a field longer than the view');
    t.equal(message(function () { dv.getUint8(-1); }), outside, 'a negative offset');
    t.equal(message(function () { dv.getUint8(Math.pow(2, 40)); }), outside, 'a huge offset');
    t.equal(message(function () { dv.setFloat32(3, 1); }), outside, 'a setter');
    t.equal(dv.getUint8(), 0, 'no offset is 0');
    t.equal(dv.setInt16('4', -2, true), undefined, 'a string offset');
    t.equal(dv.getInt16(4.9, true), -2, 'a fractional offset is truncated');
    var log = [];
    t.equal(message(function () {
        dv.setUint8({ valueOf: function () { log.push('offset'); return 9; } },
            { valueOf: function () { log.push('value'); return 1; } });
    }), outside, 'an offset outside, with a value that converts');
    t.equal(log.join(), 'offset,value', 'the offset converts first, then the value, then the check');
    t.deepEqual([DataView.prototype.getUint8.length, DataView.prototype.getFloat64.length,
        DataView.prototype.setInt8.length, DataView.prototype.setFloat64.length], [1, 1, 2, 2], 'lengths');
    t.equal(DataView.prototype.getInt16.name, 'getInt16', 'names stay');
});
