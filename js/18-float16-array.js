// SPDX-License-Identifier: MIT
/*
 * Float16Array (ECMAScript 2025 §23.2): a typed array of IEEE 754 binary16
 * values, two bytes an element, for an engine without it.
 *
 * Duktape's typed arrays are native and have no such type, so, as
 * 17-bigint-arrays.js does for the BigInt ones, `new Float16Array(...)`
 * returns a Proxy whose target keeps a Uint16Array over the same bytes (in
 * the host's byte order, as typed arrays are: little-endian on every
 * platform Duktape runs fcworker on) and whose traps serve integer indices:
 * a read is the half's value, a write ToNumber of the value rounded to a
 * half (native.f16value, native.f16bits: the conversions of Math.f16round
 * and DataView's getFloat16/setFloat16, lib/api_builtins.c, ties to even).
 * A key that is a canonical numeric string but no valid index reads
 * undefined and ignores writes, as the spec's typed arrays do; every other
 * key goes to the target and Float16Array.prototype. That prototype
 * inherits the accessors (buffer, byteLength, byteOffset, length,
 * @@toStringTag) and the %TypedArray% methods from an object of this file,
 * which stands for %TypedArray%.prototype (whose own methods check for
 * Duktape's types). Float16Array[Symbol.species] is Float16Array.
 * What does not know these objects: ArrayBuffer.isView, the other typed
 * arrays' methods (set, and a typed array made from one, take it as an
 * array-like or iterable, which gives the same values), structuredClone
 * (a plain object of the elements) and the APIs that take a BufferSource. In a process for one request this
 * file is loaded on first use of Float16Array (lib/runtime_lazy.c).
 */
'use strict';

var spec = native.spec;
var provide = spec.provide;
var setNameAndLength = spec.setNameAndLength;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var relativeIndex = spec.relativeIndex;
var requireCallable = spec.requireCallable;
var isObject = spec.isObject;
var toNumber = native.bigint.toNumber;
var toIndex = native.bigint.toIndex;
var f16bits = native.f16bits;
var f16value = native.f16value;
var typedArrayName = native.typedArrayName;
var arrayBufferState = native.arrayBufferState;
var NewProxy = Proxy;
var NativeArrayBuffer = ArrayBuffer;
var NativeUint16Array = Uint16Array;
var getPrototypeOf = Object.getPrototypeOf;
var objectCreate = Object.create;
var reflectOwnKeys = Reflect.ownKeys;
var reflectGet = Reflect.get;
var reflectSet = Reflect.set;
var reflectConstruct = Reflect.construct;
var reflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
var reflectDefineProperty = Reflect.defineProperty;
var arraySort = Array.prototype.sort;
var arrayJoin = Array.prototype.join;
/* a target's record { proxy, halves }: hidden, so not among its keys */
var RECORD = native.hiddenSymbol('float16Array');

/* (a canonical numeric string's number, or undefined) */
var numericKey = spec.canonicalNumericKey;

/* Whether n (a numeric key) is a valid index of halves. */
function validIndex(halves, n) {
    return (n | 0) === n && n >= 0 && n < halves.length && !(n === 0 && 1 / n < 0);
}

var handler = {
    get: function (target, key, receiver) {
        var n = numericKey(key);
        if (n === void 0) {
            return reflectGet(target, key, receiver);
        }
        var halves = target[RECORD].halves;
        return validIndex(halves, n) ? f16value(halves[n]) : void 0;
    },
    set: function (target, key, value, receiver) {
        var n = numericKey(key);
        if (n === void 0) {
            return reflectSet(target, key, value, receiver);
        }
        var bits = f16bits(toNumber(value));
        var halves = target[RECORD].halves;
        if (validIndex(halves, n)) {
            halves[n] = bits;
        }
        return true;
    },
    has: function (target, key) {
        var n = numericKey(key);
        return n === void 0 ? key in target : validIndex(target[RECORD].halves, n);
    },
    deleteProperty: function (target, key) {
        var n = numericKey(key);
        return n === void 0 ? delete target[key] : !validIndex(target[RECORD].halves, n);
    },
    getOwnPropertyDescriptor: function (target, key) {
        var n = numericKey(key);
        if (n === void 0) {
            return reflectGetOwnPropertyDescriptor(target, key);
        }
        var halves = target[RECORD].halves;
        return validIndex(halves, n) ? { value: f16value(halves[n]), writable: true, enumerable: true, configurable: true }
            : void 0;
    },
    defineProperty: function (target, key, desc) {
        var n = numericKey(key);
        if (n === void 0) {
            return reflectDefineProperty(target, key, desc);
        }
        var halves = target[RECORD].halves;
        if (!validIndex(halves, n) || desc.configurable === false || desc.enumerable === false ||
                desc.get !== void 0 || desc.set !== void 0 || desc.writable === false) {
            return false;
        }
        if ('value' in desc) {
            var bits = f16bits(toNumber(desc.value));
            if (validIndex(halves, n)) {
                halves[n] = bits;
            }
        }
        return true;
    },
    ownKeys: function (target) {
        var keys = [];
        for (var i = 0, n = target[RECORD].halves.length; i < n; i++) {
            keys.push(String(i));
        }
        return keys.concat(reflectOwnKeys(target));
    }
};

/* A new array of prototype proto over buffer[byteOffset, byteOffset + 2 *
 * length). */
function create(proto, buffer, byteOffset, length) {
    var target = objectCreate(proto);
    var record = { proxy: null, halves: new NativeUint16Array(buffer, byteOffset, length) };
    native.defineData(target, RECORD, record, 0);
    record.proxy = new NewProxy(target, handler);
    return record.proxy;
}

/* The halves of a Float16Array, or a TypeError. */
function halvesOf(a, what) {
    var record = isObject(a) ? a[RECORD] : void 0;
    if (record === void 0 || record === null || record.proxy !== a) {
        throw new TypeError((what || 'this') + ' is not a Float16Array');
    }
    return record.halves;
}

function isFloat16Array(a) {
    var record = isObject(a) ? a[RECORD] : void 0;
    return record !== void 0 && record !== null && record.proxy === a;
}

/* The elements of an iterable or array-like source (§23.2.5.1.4,
 * InitializeTypedArrayFromList and FromArrayLike's reads). */
function listOf(source, usingIterator) {
    var list = [];
    if (usingIterator !== void 0 && usingIterator !== null) {
        var it = requireCallable(usingIterator).call(source);
        if (!isObject(it)) {
            throw new TypeError('the iterator is not an object');
        }
        var next = it.next;
        for (;;) {
            var step = next.call(it);
            if (!isObject(step)) {
                throw new TypeError('the iterator result is not an object');
            }
            if (step.done) {
                return list;
            }
            list.push(step.value);
        }
    }
    var n = toLength(source.length);
    for (var k = 0; k < n; k++) {
        list.push(source[k]);
    }
    return list;
}

function toLength(value) {
    var n = toIntegerOrInfinity(value);
    return n <= 0 ? 0 : Math.min(n, 9007199254740991);
}

function fromList(proto, list) {
    var a = create(proto, new NativeArrayBuffer(2 * list.length), 0, list.length);
    var halves = a[RECORD].halves;
    for (var i = 0; i < list.length; i++) {
        halves[i] = f16bits(toNumber(list[i]));
    }
    return a;
}

/* The element values of a typed array of a Number type (a TypeError for a
 * BigInt one), or undefined for anything else. */
function typedArrayValues(source) {
    var list;
    if (isFloat16Array(source)) {
        var halves = source[RECORD].halves;
        list = [];
        for (var i = 0; i < halves.length; i++) {
            list.push(f16value(halves[i]));
        }
        return list;
    }
    if (native.bigIntArrayWords !== void 0 && native.bigIntArrayWords(source) !== void 0) {
        throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
    }
    if (typedArrayName(source) === void 0 || typeof source !== 'object') {
        return void 0;
    }
    if (arrayBufferState(source.buffer) === 1) {
        throw new TypeError('Cannot perform Construct on a detached ArrayBuffer');
    }
    return Array.prototype.slice.call(source);
}

/* (a subclass's constructor, lowered, runs this one on its new object
 * without a new.target: `this` tells a construction) */
function Float16Array(arg, byteOffset, length) {
    if (!(this instanceof Float16Array) || isObject(this) && this[RECORD] !== void 0) {
        throw new TypeError("Constructor Float16Array requires 'new'");
    }
    var proto = getPrototypeOf(this);
    if (!isObject(arg)) {
        var len = toIndex(arg, 'typed array length');
        return create(proto, new NativeArrayBuffer(2 * len), 0, len);
    }
    if (arrayBufferState(arg) >= 0) {
        var offset = toIndex(byteOffset, 'offset');
        if (offset % 2 !== 0) {
            throw new RangeError('start offset of Float16Array should be a multiple of 2');
        }
        var count = length === void 0 ? void 0 : toIndex(length, 'typed array length');
        if (arrayBufferState(arg) === 1) {
            throw new TypeError('Cannot perform Construct on a detached ArrayBuffer');
        }
        var bufferLength = arg.byteLength;
        if (count === void 0) {
            if (bufferLength % 2 !== 0) {
                throw new RangeError('byte length of Float16Array should be a multiple of 2');
            }
            if (offset > bufferLength) {
                throw new RangeError('Start offset ' + offset + ' is outside the bounds of the buffer');
            }
            count = (bufferLength - offset) / 2;
        } else if (offset + 2 * count > bufferLength) {
            throw new RangeError('Invalid typed array length: ' + count);
        }
        return create(proto, arg, offset, count);
    }
    var values = typedArrayValues(arg);
    if (values === void 0) {
        values = listOf(arg, arg[Symbol.iterator]);
    }
    return fromList(proto, values);
}
setNameAndLength(Float16Array, 'Float16Array', 3);

/* --- %TypedArray%.prototype's part. */

var TypedArrayPrototype = {};

function lengthOf(a) {
    return halvesOf(a).length;
}

/* TypedArraySpeciesCreate with one argument, a length or a buffer and its
 * range; the result must be a Float16Array or one of Duktape's typed
 * arrays long enough for length. */
function speciesCreate(exemplar, args, length) {
    var C = exemplar.constructor;
    if (C === void 0) {
        C = Float16Array;
    } else {
        if (!isObject(C)) {
            throw new TypeError('object.constructor is not an object');
        }
        C = C[Symbol.species];
        if (C === void 0 || C === null) {
            C = Float16Array;
        }
    }
    return typedArrayCreate(C, args, length);
}

function typedArrayCreate(C, args, length) {
    if (typeof C !== 'function') {
        throw new TypeError('the species is not a constructor');
    }
    var a = reflectConstruct(C, args);
    var n;
    if (isFloat16Array(a)) {
        n = a[RECORD].halves.length;
    } else if (typedArrayName(a) !== void 0 && typeof a === 'object') {
        n = a.length;
    } else if (native.bigIntArrayWords !== void 0 && native.bigIntArrayWords(a) !== void 0) {
        throw new TypeError('Content type mismatch: the species made a BigInt typed array');
    } else {
        throw new TypeError('the species did not make a typed array');
    }
    if (length !== void 0 && n < length) {
        throw new TypeError('the species made a typed array too short');
    }
    return a;
}

function getter(name, fn) {
    setNameAndLength(fn, 'get ' + name, 0);
    native.defineAccessor(TypedArrayPrototype, name, fn, void 0, 4); /* configurable */
}
getter('length', function () { return lengthOf(this); });
getter('byteLength', function () { return halvesOf(this).byteLength; });
getter('byteOffset', function () { return halvesOf(this).byteOffset; });
getter('buffer', function () { return halvesOf(this).buffer; });
var toStringTag = function () { return isFloat16Array(this) ? 'Float16Array' : void 0; };
setNameAndLength(toStringTag, 'get [Symbol.toStringTag]', 0);
native.defineAccessor(TypedArrayPrototype, Symbol.toStringTag, toStringTag, void 0, 4);

/* The array iterators (%ArrayIteratorPrototype%'s, which read length and
 * the elements through the proxy) of a Float16Array. */
var arrayKeys = Array.prototype.keys;
var arrayValues = Array.prototype.values;
var arrayEntries = Array.prototype.entries;

/* SortCompare of numbers: -0 before +0, NaN last. */
function compareNumbers(x, y) {
    if (x !== x) {
        return y !== y ? 0 : 1;
    }
    if (y !== y || x < y) {
        return -1;
    }
    if (x > y) {
        return 1;
    }
    if (x === 0 && y === 0) {
        var nx = 1 / x < 0, ny = 1 / y < 0;
        return nx === ny ? 0 : nx ? -1 : 1;
    }
    return 0;
}

function valuesOf(a) {
    var halves = halvesOf(a);
    var list = new Array(halves.length);
    for (var i = 0; i < halves.length; i++) {
        list[i] = f16value(halves[i]);
    }
    return list;
}

function sortedValues(a, comparefn) {
    if (comparefn !== void 0) {
        requireCallable(comparefn, 'The comparison function');
    }
    var list = valuesOf(a);
    arraySort.call(list, comparefn === void 0 ? compareNumbers : function (x, y) {
        var v = +comparefn(x, y);
        return v !== v ? 0 : v;
    });
    return list;
}

function findVia(a, predicate, thisArg, fromEnd, wantIndex) {
    var halves = halvesOf(a);
    requireCallable(predicate, 'The predicate');
    var len = halves.length;
    for (var j = 0; j < len; j++) {
        var k = fromEnd ? len - 1 - j : j;
        var value = k < halves.length ? f16value(halves[k]) : void 0;
        if (predicate.call(thisArg, value, k, a)) {
            return wantIndex ? k : value;
        }
    }
    return wantIndex ? -1 : void 0;
}

function valueAt(halves, k) {
    return k < halves.length ? f16value(halves[k]) : void 0;
}

function values() {
    halvesOf(this);
    return arrayValues.call(this);
}

provide(TypedArrayPrototype, [
    ['at', function at(index) {
        var halves = halvesOf(this);
        var len = halves.length;
        var k = toIntegerOrInfinity(index);
        k = k < 0 ? len + k : k;
        return k < 0 || k >= len ? void 0 : valueAt(halves, k);
    }, 1],
    ['copyWithin', function copyWithin(target, start, end) {
        var halves = halvesOf(this);
        var len = halves.length;
        var to = relativeIndex(target, len, 0);
        var from = relativeIndex(start, len, 0);
        var last = relativeIndex(end, len, len);
        var count = Math.min(last - from, len - to);
        if (count > 0) {
            halves.copyWithin(to, from, from + Math.min(count, halves.length - from, halves.length - to));
        }
        return this;
    }, 2],
    ['entries', function entries() {
        halvesOf(this);
        return arrayEntries.call(this);
    }, 0],
    ['every', function every(predicate, thisArg) {
        var halves = halvesOf(this);
        requireCallable(predicate, 'The predicate');
        for (var k = 0, len = halves.length; k < len; k++) {
            if (!predicate.call(thisArg, valueAt(halves, k), k, this)) {
                return false;
            }
        }
        return true;
    }, 1],
    ['fill', function fill(value, start, end) {
        var halves = halvesOf(this);
        var len = halves.length;
        var bits = f16bits(toNumber(value));
        var k = relativeIndex(start, len, 0);
        var final = relativeIndex(end, len, len);
        for (; k < final && k < halves.length; k++) {
            halves[k] = bits;
        }
        return this;
    }, 1],
    ['filter', function filter(predicate, thisArg) {
        var halves = halvesOf(this);
        requireCallable(predicate, 'The predicate');
        var kept = [];
        for (var k = 0, len = halves.length; k < len; k++) {
            var value = valueAt(halves, k);
            if (predicate.call(thisArg, value, k, this)) {
                kept.push(value);
            }
        }
        var a = speciesCreate(this, [kept.length], kept.length);
        for (var i = 0; i < kept.length; i++) {
            a[i] = kept[i];
        }
        return a;
    }, 1],
    ['find', function find(predicate, thisArg) { return findVia(this, predicate, thisArg, false, false); }, 1],
    ['findIndex', function findIndex(predicate, thisArg) { return findVia(this, predicate, thisArg, false, true); }, 1],
    ['findLast', function findLast(predicate, thisArg) { return findVia(this, predicate, thisArg, true, false); }, 1],
    ['findLastIndex', function findLastIndex(predicate, thisArg) {
        return findVia(this, predicate, thisArg, true, true);
    }, 1],
    ['forEach', function forEach(fn, thisArg) {
        var halves = halvesOf(this);
        requireCallable(fn, 'The callback');
        for (var k = 0, len = halves.length; k < len; k++) {
            fn.call(thisArg, valueAt(halves, k), k, this);
        }
    }, 1],
    ['includes', function includes(search, fromIndex) {
        var halves = halvesOf(this);
        var len = halves.length;
        if (len === 0) {
            return false;
        }
        for (var k = relativeIndex(fromIndex, len, 0); k < len; k++) {
            var value = valueAt(halves, k);
            if (value === search || (value !== value && search !== search)) {
                return true;
            }
        }
        return false;
    }, 1],
    ['indexOf', function indexOf(search, fromIndex) {
        var halves = halvesOf(this);
        var len = halves.length;
        if (len === 0) {
            return -1;
        }
        for (var k = relativeIndex(fromIndex, len, 0); k < len && k < halves.length; k++) {
            if (f16value(halves[k]) === search) {
                return k;
            }
        }
        return -1;
    }, 1],
    ['join', function join(separator) {
        var halves = halvesOf(this);
        var len = halves.length;
        var sep = separator === void 0 ? ',' : spec.toStringValue(separator);
        var parts = new Array(len);
        for (var k = 0; k < len; k++) {
            var value = valueAt(halves, k);
            parts[k] = value === void 0 ? '' : String(value);
        }
        return arrayJoin.call(parts, sep);
    }, 1],
    ['keys', function keys() {
        halvesOf(this);
        return arrayKeys.call(this);
    }, 0],
    ['lastIndexOf', function lastIndexOf(search) {
        var halves = halvesOf(this);
        var len = halves.length;
        if (len === 0) {
            return -1;
        }
        var k = len - 1;
        if (arguments.length > 1) {
            var n = toIntegerOrInfinity(arguments[1]);
            k = n === -Infinity ? -1 : n >= 0 ? Math.min(n, len - 1) : len + n;
        }
        for (; k >= 0; k--) {
            if (k < halves.length && f16value(halves[k]) === search) {
                return k;
            }
        }
        return -1;
    }, 1],
    ['map', function map(fn, thisArg) {
        var halves = halvesOf(this);
        requireCallable(fn, 'The callback');
        var len = halves.length;
        var a = speciesCreate(this, [len], len);
        for (var k = 0; k < len; k++) {
            a[k] = fn.call(thisArg, valueAt(halves, k), k, this);
        }
        return a;
    }, 1],
    ['reduce', function reduce(fn) {
        var halves = halvesOf(this);
        requireCallable(fn, 'The callback');
        var len = halves.length;
        var k = 0;
        var acc;
        if (arguments.length > 1) {
            acc = arguments[1];
        } else {
            if (len === 0) {
                throw new TypeError('Reduce of empty array with no initial value');
            }
            acc = valueAt(halves, k++);
        }
        for (; k < len; k++) {
            acc = fn(acc, valueAt(halves, k), k, this);
        }
        return acc;
    }, 1],
    ['reduceRight', function reduceRight(fn) {
        var halves = halvesOf(this);
        requireCallable(fn, 'The callback');
        var k = halves.length - 1;
        var acc;
        if (arguments.length > 1) {
            acc = arguments[1];
        } else {
            if (k < 0) {
                throw new TypeError('Reduce of empty array with no initial value');
            }
            acc = valueAt(halves, k--);
        }
        for (; k >= 0; k--) {
            acc = fn(acc, valueAt(halves, k), k, this);
        }
        return acc;
    }, 1],
    ['reverse', function reverse() {
        var halves = halvesOf(this);
        for (var lower = 0, upper = halves.length - 1; lower < upper; lower++, upper--) {
            var bits = halves[lower];
            halves[lower] = halves[upper];
            halves[upper] = bits;
        }
        return this;
    }, 0],
    ['set', function set(source, offset) {
        var halves = halvesOf(this);
        var targetOffset = toIntegerOrInfinity(offset);
        if (targetOffset < 0) {
            throw new RangeError('offset is out of bounds');
        }
        var list = typedArrayValues(source);
        if (list === void 0) {
            var src = spec.toObject(source, 'Float16Array.prototype.set');
            var srcLength = toLength(src.length);
            if (targetOffset === Infinity || srcLength + targetOffset > halves.length) {
                throw new RangeError('offset is out of bounds');
            }
            for (var i = 0; i < srcLength; i++) {
                var bits = f16bits(toNumber(src[i]));
                if (targetOffset + i < halves.length) {
                    halves[targetOffset + i] = bits;
                }
            }
            return void 0;
        }
        if (targetOffset === Infinity || list.length + targetOffset > halves.length) {
            throw new RangeError('offset is out of bounds');
        }
        for (var k = 0; k < list.length; k++) {
            halves[targetOffset + k] = f16bits(list[k]);
        }
        return void 0;
    }, 1],
    ['slice', function slice(start, end) {
        var halves = halvesOf(this);
        var len = halves.length;
        var k = relativeIndex(start, len, 0);
        var final = relativeIndex(end, len, len);
        var count = Math.max(final - k, 0);
        var a = speciesCreate(this, [count], count);
        for (var n = 0; k < final; k++, n++) {
            a[n] = valueAt(halves, k);
        }
        return a;
    }, 2],
    ['some', function some(predicate, thisArg) {
        var halves = halvesOf(this);
        requireCallable(predicate, 'The predicate');
        for (var k = 0, len = halves.length; k < len; k++) {
            if (predicate.call(thisArg, valueAt(halves, k), k, this)) {
                return true;
            }
        }
        return false;
    }, 1],
    ['sort', function sort(comparefn) {
        var list = sortedValues(this, comparefn);
        var halves = this[RECORD].halves;
        for (var k = 0; k < list.length && k < halves.length; k++) {
            halves[k] = f16bits(list[k]);
        }
        return this;
    }, 1],
    ['subarray', function subarray(start, end) {
        var halves = halvesOf(this);
        var len = halves.length;
        var begin = relativeIndex(start, len, 0);
        var final = relativeIndex(end, len, len);
        return speciesCreate(this, [halves.buffer, halves.byteOffset + 2 * begin, Math.max(final - begin, 0)]);
    }, 2],
    ['toLocaleString', function toLocaleString() {
        var halves = halvesOf(this);
        var parts = new Array(halves.length);
        for (var k = 0; k < halves.length; k++) {
            parts[k] = f16value(halves[k]).toLocaleString();
        }
        return arrayJoin.call(parts, ',');
    }, 0],
    ['toReversed', function toReversed() {
        var list = valuesOf(this);
        list.reverse();
        return fromList(Float16Array.prototype, list);
    }, 0],
    ['toSorted', function toSorted(comparefn) {
        return fromList(Float16Array.prototype, sortedValues(this, comparefn));
    }, 1],
    ['toString', Array.prototype.toString, 0],
    ['values', values, 0],
    ['with', function withAt(index, value) {
        var halves = halvesOf(this);
        var len = halves.length;
        var k = toIntegerOrInfinity(index);
        k = k < 0 ? len + k : k;
        var replacement = toNumber(value);
        if (k < 0 || k >= halves.length) {
            throw new RangeError('Invalid typed array index');
        }
        var list = valuesOf(this);
        list[k] = replacement;
        return fromList(Float16Array.prototype, list);
    }, 2],
    [Symbol.iterator, values, 0]
]);

/* --- The constructor's own properties. */

Float16Array.prototype = objectCreate(TypedArrayPrototype);
native.defineData(Float16Array.prototype, 'constructor', Float16Array, 5);
native.defineData(Float16Array.prototype, 'BYTES_PER_ELEMENT', 2, 0);
native.defineData(Float16Array, 'BYTES_PER_ELEMENT', 2, 0);
Object.defineProperty(Float16Array, 'prototype', { writable: false, enumerable: false, configurable: false });
var species = function () { return this; };
setNameAndLength(species, 'get [Symbol.species]', 0);
native.defineAccessor(Float16Array, Symbol.species, species, void 0, 4);

provide(Float16Array, [
    ['from', function from(source) {
        var C = this;
        var mapfn = arguments[1];
        var thisArg = arguments[2];
        if (typeof C !== 'function') {
            throw new TypeError('Float16Array.from: this is not a constructor');
        }
        if (mapfn !== void 0) {
            requireCallable(mapfn, 'Float16Array.from: the map function');
        }
        var usingIterator = isObject(source) || typeof source === 'string' ? source[Symbol.iterator] : void 0;
        var list = usingIterator !== void 0 && usingIterator !== null ? listOf(source, usingIterator)
            : listOf(spec.toObject(source, 'Float16Array.from'), void 0);
        var a = typedArrayCreate(C, [list.length], list.length);
        for (var k = 0; k < list.length; k++) {
            a[k] = mapfn === void 0 ? list[k] : mapfn.call(thisArg, list[k], k);
        }
        return a;
    }, 1],
    ['of', function of() {
        var C = this;
        if (typeof C !== 'function') {
            throw new TypeError('Float16Array.of: this is not a constructor');
        }
        var a = typedArrayCreate(C, [arguments.length], arguments.length);
        for (var k = 0; k < arguments.length; k++) {
            a[k] = arguments[k];
        }
        return a;
    }, 0]
]);

/* No constructors (as 19-non-constructors.js makes the built-ins' methods;
 * this file may be loaded after it, lib/runtime_lazy.c) */
native.nonConstructorMethods(TypedArrayPrototype);
native.nonConstructorMethods(Float16Array);
native.defineGlobal('Float16Array', Float16Array);
