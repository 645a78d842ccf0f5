// SPDX-License-Identifier: MIT
/* Float16Array (ES2025; js/18-float16-array.js): the constructor's forms,
 * the conversion of elements (the same as Math.f16round and DataView's
 * setFloat16, whose rounding t/js/es2025.js checks), the integer-indexed
 * behaviour of its objects and the %TypedArray% methods. Expected values
 * are the specification's (Node 20 has no Float16Array); the bits are
 * IEEE 754 binary16's. */

function bitsOf(a) {
    return Array.prototype.slice.call(new Uint16Array(a.buffer, a.byteOffset, a.length));
}

function list(a) {
    var out = [];
    for (var i = 0; i < a.length; i++) {
        out.push(a[i]);
    }
    return out;
}

test('Float16Array: the constructor and its properties', function (t) {
    t.equal(typeof Float16Array, 'function');
    t.equal(Float16Array.name, 'Float16Array');
    t.equal(Float16Array.length, 3);
    t.equal(Float16Array.BYTES_PER_ELEMENT, 2);
    t.equal(Float16Array.prototype.BYTES_PER_ELEMENT, 2);
    t.equal(Float16Array.prototype.constructor, Float16Array);
    t.equal(Object.getOwnPropertyDescriptor(Float16Array, 'prototype').writable, false);
    t.equal(Float16Array[Symbol.species], Float16Array);
    t.equal(Object.prototype.propertyIsEnumerable.call(globalThis, 'Float16Array'), false, 'a global like the others');
    t.throws(function () { Float16Array(2); }, TypeError, 'without new');
    t.throws(function () { return new Float16Array.from(); }, TypeError, 'from is not a constructor');
    var a = new Float16Array(3);
    t.equal(a.length, 3);
    t.equal(a.byteLength, 6);
    t.equal(a.byteOffset, 0);
    t.ok(a.buffer instanceof ArrayBuffer);
    t.equal(a.buffer.byteLength, 6);
    t.deepEqual(list(a), [0, 0, 0]);
    t.ok(a instanceof Float16Array);
    t.equal(Object.getPrototypeOf(a), Float16Array.prototype);
    t.equal(Object.prototype.toString.call(a), '[object Float16Array]');
    t.equal(a[Symbol.toStringTag], 'Float16Array');
    t.equal(Object.getPrototypeOf(Float16Array.prototype)[Symbol.toStringTag], void 0, 'not on the prototype');
    t.equal(new Float16Array().length, 0);
    t.equal(new Float16Array(null).length, 0, 'null is length 0');
    t.equal(new Float16Array('2').length, 2);
    t.throws(function () { return new Float16Array(-1); }, RangeError);
    t.throws(function () { return new Float16Array(Infinity); }, RangeError);
});

test('Float16Array: from lists, iterables, typed arrays and buffers', function (t) {
    t.deepEqual(list(new Float16Array([1, '2', true, null, void 0])), [1, 2, 1, 0, NaN]);
    t.deepEqual(list(new Float16Array(new Set([3, 4]))), [3, 4], 'an iterable');
    t.deepEqual(list(new Float16Array({ length: 2, 0: 5, 1: 6 })), [5, 6], 'an array-like');
    t.deepEqual(list(new Float16Array(new Uint8Array([1, 255]))), [1, 255], 'a Uint8Array');
    t.deepEqual(list(new Float16Array(new Float64Array([0.1, 1e10]))), [0.0999755859375, Infinity], 'a Float64Array');
    var f = new Float16Array([1.5, -2]);
    var copy = new Float16Array(f);
    t.deepEqual(list(copy), [1.5, -2], 'a Float16Array');
    t.notEqual(copy.buffer, f.buffer, 'copied');
    t.throws(function () { return new Float16Array(new BigInt64Array(1)); }, TypeError, 'a BigInt typed array');
    var buffer = new ArrayBuffer(8);
    var view = new Float16Array(buffer, 2, 2);
    t.equal(view.buffer, buffer);
    t.equal(view.byteOffset, 2);
    t.equal(view.length, 2);
    view[0] = 1;
    t.deepEqual(Array.prototype.slice.call(new Uint8Array(buffer)), [0, 0, 0, 0x3c, 0, 0, 0, 0], 'over the buffer, little-endian');
    t.equal(new DataView(buffer).getFloat16(2, true), 1, 'as DataView reads it');
    t.equal(new Float16Array(buffer, 4).length, 2, 'to the end');
    t.throws(function () { return new Float16Array(buffer, 1); }, RangeError, 'an odd offset');
    t.throws(function () { return new Float16Array(new ArrayBuffer(3)); }, RangeError, 'an odd byte length');
    t.throws(function () { return new Float16Array(buffer, 10); }, RangeError, 'an offset past the end');
    t.throws(function () { return new Float16Array(buffer, 2, 4); }, RangeError, 'a length past the end');
    var detached = new ArrayBuffer(4);
    detached.transfer();
    t.throws(function () { return new Float16Array(detached); }, TypeError, 'a detached buffer');
});

test('Float16Array: elements are halves, rounded to the nearest, ties to even', function (t) {
    var a = new Float16Array([1, -2, 65504, 65519.99, 65520, Infinity, -Infinity, Math.pow(2, -24), Math.pow(2, -25),
        Math.pow(2, -25) * 1.0001, 1 + Math.pow(2, -11), 1 + 3 * Math.pow(2, -11), -0, NaN, 0.1, 2049, 2051]);
    t.deepEqual(list(a), [1, -2, 65504, 65504, Infinity, Infinity, -Infinity, Math.pow(2, -24), 0,
        Math.pow(2, -24), 1, 1 + Math.pow(2, -9), -0, NaN, 0.0999755859375, 2048, 2052]);
    t.ok(Object.is(a[12], -0), '-0 kept');
    t.deepEqual(bitsOf(a).slice(0, 9), [0x3c00, 0xc000, 0x7bff, 0x7bff, 0x7c00, 0x7c00, 0xfc00, 0x0001, 0x0000]);
    t.equal(bitsOf(a)[12], 0x8000);
    t.equal(bitsOf(a)[13] & 0x7c00, 0x7c00, 'NaN');
    var values = [0.5, 1 / 3, 3.14159, -123.456, 1e-5, 6e-8, 70000, 1e-7];
    for (var i = 0; i < values.length; i++) {
        t.equal(new Float16Array([values[i]])[0], Math.f16round(values[i]), 'as Math.f16round: ' + values[i]);
    }
    var b = new Float16Array(1);
    b[0] = { valueOf: function () { return 2.5; } };
    t.equal(b[0], 2.5, 'ToNumber of the value');
    t.throws(function () { b[0] = BigInt(1); }, TypeError, 'a BigInt');
    t.throws(function () { b[0] = Symbol('s'); }, TypeError, 'a symbol');
});

test('Float16Array: integer-indexed keys', function (t) {
    var a = new Float16Array([1, 2]);
    t.equal(a[2], void 0, 'past the end');
    a[2] = 5;
    t.equal(a[2], void 0, 'a write past the end is ignored');
    t.equal(a['-0'], void 0, '"-0"');
    a['1.5'] = 3;
    t.equal(a['1.5'], void 0, 'a numeric string that is no index');
    a.foo = 'bar';
    t.equal(a.foo, 'bar', 'other keys are ordinary');
    t.equal(0 in a, true);
    t.equal(2 in a, false);
    t.equal('-0' in a, false);
    t.deepEqual(Object.keys(a), ['0', '1', 'foo']);
    var d = Object.getOwnPropertyDescriptor(a, '1');
    t.deepEqual([d.value, d.writable, d.enumerable, d.configurable], [2, true, true, true]);
    t.equal(Object.getOwnPropertyDescriptor(a, '2'), void 0);
    t.equal(delete a[5], true, 'deleting past the end');
    t.throws(function () { 'use strict'; delete a[0]; }, TypeError, 'an element cannot be deleted');
    t.equal(Reflect.defineProperty(a, '0', { value: 7 }), true);
    t.equal(a[0], 7);
    t.equal(Reflect.defineProperty(a, '0', { value: 8, writable: false }), false);
    t.equal(Reflect.defineProperty(a, '9', { value: 8 }), false);
    t.equal(JSON.stringify(a), '{"0":7,"1":2,"foo":"bar"}');
});

test('Float16Array: the %TypedArray% methods', function (t) {
    var a = new Float16Array([3, 1, NaN, -0, 0, 2]);
    t.equal(a.at(-1), 2);
    t.equal(a.at(6), void 0);
    t.equal(a.indexOf(NaN), -1, 'indexOf: NaN is not found');
    t.equal(a.includes(NaN), true, 'includes: NaN is found');
    t.equal(a.indexOf(0), 3, 'indexOf: -0 is 0');
    t.equal(a.lastIndexOf(0), 4);
    t.equal(a.lastIndexOf(3, -7), -1);
    t.equal(a.join(), '3,1,NaN,0,0,2');
    t.equal(a.join(' '), '3 1 NaN 0 0 2');
    t.equal(a.toString(), '3,1,NaN,0,0,2');
    t.equal(String(a), '3,1,NaN,0,0,2');
    t.equal(Float16Array.prototype.toString, Array.prototype.toString, 'the same toString as arrays');
    var sorted = new Float16Array(a).sort();
    t.deepEqual(list(sorted), [-0, 0, 1, 2, 3, NaN], 'sort: -0 before 0, NaN last');
    t.ok(Object.is(sorted[0], -0));
    t.deepEqual(list(new Float16Array([1, 3, 2]).sort(function (x, y) { return y - x; })), [3, 2, 1], 'a comparator');
    t.deepEqual(list(a.toSorted()), [-0, 0, 1, 2, 3, NaN]);
    t.equal(a[0], 3, 'toSorted leaves the array');
    t.deepEqual(list(a.toReversed()), [2, 0, -0, NaN, 1, 3]);
    t.deepEqual(list(a.with(1, 0.1)), [3, 0.0999755859375, NaN, -0, 0, 2], 'with rounds the value');
    t.throws(function () { a.with(6, 1); }, RangeError);
    t.deepEqual(list(new Float16Array([1, 2, 3]).reverse()), [3, 2, 1]);
    t.deepEqual(list(new Float16Array(4).fill(1.1, 1, 3)), [0, 1.099609375, 1.099609375, 0], 'fill');
    t.deepEqual(list(new Float16Array([1, 2, 3, 4, 5]).copyWithin(0, 3)), [4, 5, 3, 4, 5], 'copyWithin');
    var m = new Float16Array([1, 2, 3]).map(function (x, i) { return x * 1000 + i + 0.5; });
    t.ok(m instanceof Float16Array, 'map makes a Float16Array');
    t.deepEqual(list(m), [1000.5, 2002, 3002], 'rounded');
    t.deepEqual(list(new Float16Array([1, 2, 3, 4]).filter(function (x) { return x % 2 === 0; })), [2, 4]);
    t.equal(new Float16Array([1, 2, 3]).reduce(function (s, x) { return s + x; }), 6);
    t.equal(new Float16Array([1, 2, 3]).reduceRight(function (s, x) { return s + String(x); }, ''), '321');
    t.throws(function () { new Float16Array(0).reduce(function () {}); }, TypeError);
    t.equal(new Float16Array([1, 2]).every(function (x) { return x > 0; }), true);
    t.equal(new Float16Array([1, 2]).some(function (x) { return x > 1; }), true);
    t.equal(new Float16Array([1, 2, 3]).find(function (x) { return x > 1; }), 2);
    t.equal(new Float16Array([1, 2, 3]).findIndex(function (x) { return x > 1; }), 1);
    t.equal(new Float16Array([1, 2, 3]).findLast(function (x) { return x > 1; }), 3);
    t.equal(new Float16Array([1, 2, 3]).findLastIndex(function (x) { return x > 5; }), -1);
    var seen = [];
    new Float16Array([0.5, 0.25]).forEach(function (x, i, arr) { seen.push(x, i, arr.length); });
    t.deepEqual(seen, [0.5, 0, 2, 0.25, 1, 2]);
    var s = new Float16Array([1, 2, 3, 4]);
    var sub = s.subarray(1, 3);
    t.ok(sub instanceof Float16Array);
    t.equal(sub.buffer, s.buffer, 'subarray shares the buffer');
    t.deepEqual([sub.byteOffset, sub.length], [2, 2]);
    sub[0] = 9;
    t.equal(s[1], 9);
    var sl = s.slice(-2);
    t.deepEqual(list(sl), [3, 4]);
    sl[0] = 0;
    t.equal(s[2], 3, 'slice copies');
    var target = new Float16Array(4);
    target.set([1, 2], 1);
    t.deepEqual(list(target), [0, 1, 2, 0], 'set from an array');
    target.set(new Float64Array([0.1]), 3);
    t.deepEqual(list(target), [0, 1, 2, 0.0999755859375], 'set from a typed array');
    target.set(new Float16Array([5, 6]));
    t.deepEqual(list(target), [5, 6, 2, 0.0999755859375], 'set from a Float16Array');
    t.throws(function () { target.set([1, 2], 3); }, RangeError, 'set past the end');
    t.throws(function () { target.set([1], -1); }, RangeError, 'a negative offset');
    t.throws(function () { target.set(new BigInt64Array(1)); }, TypeError, 'set from a BigInt array');
    t.deepEqual(Array.from(new Float16Array([1, 2]).keys()), [0, 1]);
    t.deepEqual(Array.from(new Float16Array([1, 2]).values()), [1, 2]);
    t.deepEqual(Array.from(new Float16Array([1, 2]).entries()), [[0, 1], [1, 2]]);
    t.deepEqual(Array.from(new Float16Array([7, 8])), [7, 8], 'iterable');
    t.equal(Object.getPrototypeOf(new Float16Array(1).values()), Object.getPrototypeOf([].values()),
        'the array iterators');
    t.equal(Float16Array.prototype[Symbol.iterator], Float16Array.prototype.values);
    t.throws(function () { Float16Array.prototype.at.call([1], 0); }, TypeError, 'not a Float16Array');
    t.throws(function () { Float16Array.prototype.at.call(new Uint16Array(1), 0); }, TypeError, 'another typed array');
    t.throws(function () { Float16Array.prototype.at.call(Object.create(new Float16Array(1)), 0); }, TypeError,
        'an object inheriting from one');
    t.throws(function () { return Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Float16Array.prototype), 'length').get.call({}); },
        TypeError, 'the length getter');
    t.throws(function () { return new Float16Array.prototype.map(); }, TypeError, 'methods are no constructors');
    t.throws(function () { a.map(); }, TypeError, 'a missing callback');
});

test('Float16Array: from, of, species and subclasses', function (t) {
    t.deepEqual(list(Float16Array.from([1, 2], function (x) { return x / 3; })), [0.333251953125, 0.66650390625]);
    t.deepEqual(list(Float16Array.from('12')), [1, 2], 'a string is iterable');
    t.deepEqual(list(Float16Array.from({ length: 1, 0: 4 })), [4]);
    t.deepEqual(list(Float16Array.of(1, 0.1)), [1, 0.0999755859375]);
    t.deepEqual(list(Float16Array.of()), []);
    t.ok(Float16Array.from.call(Uint8Array, [1, 300]) instanceof Uint8Array, 'from with another constructor');
    t.throws(function () { Float16Array.from([1], 'x'); }, TypeError);
    t.throws(function () { Float16Array.of.call({}, 1); }, TypeError);
    function Sub() {
        return Reflect.construct(Float16Array, arguments, Sub);
    }
    Sub.prototype = Object.create(Float16Array.prototype, { constructor: { value: Sub } });
    Object.setPrototypeOf(Sub, Float16Array);
    var s = new Sub([1, 2, 3]);
    t.ok(s instanceof Sub && s instanceof Float16Array, 'a subclass instance');
    t.equal(Object.prototype.toString.call(s), '[object Float16Array]');
    t.ok(s.map(function (x) { return x; }) instanceof Sub, 'map takes the species');
    t.ok(s.slice(1) instanceof Sub, 'slice too');
    t.ok(s.subarray(1) instanceof Sub, 'subarray too');
    t.ok(!(s.toReversed() instanceof Sub), 'toReversed makes a Float16Array');
    t.ok(Sub.of(1) instanceof Sub, 'of with this');
    var plain = new Float16Array(2);
    plain.constructor = { };
    plain.constructor[Symbol.species] = Uint8Array;
    var u = plain.map(function () { return 300; });
    t.ok(u instanceof Uint8Array, 'a species of another type');
    t.equal(u[0], 44);
});
