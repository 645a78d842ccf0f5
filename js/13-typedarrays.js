// SPDX-License-Identifier: MIT
/*
 * The %TypedArray% methods of ECMAScript 2023 (§23.2) that Duktape 2.7
 * lacks: Duktape has the shared %TypedArray% constructor and prototype but
 * only `set` and `subarray` on the prototype (12-builtins.js adds the
 * iterators). Everything here is defined once, on %TypedArray% (from, of)
 * and %TypedArray%.prototype, so the nine typed array types and Duktape's
 * plain buffers (which act as Uint8Array) all get it.
 *
 * Copies go through the native `set` and `subarray` (slice, copyWithin,
 * with, toSorted and the large part of fill are memcpy-speed), searches
 * through the native generic Array indexOf/lastIndexOf/join. Duktape has no
 * Symbol.species, so the methods that create a new array (slice, map,
 * filter) use the receiver's own type, as the spec does when @@species is
 * absent. Sorting is stable (§23.1.3.30.1); the default order is numeric
 * with -0 before +0 and NaN last, by counting for long 8- and 16-bit arrays.
 *
 * native.stableSort(list, compare) and native.stableSortByString(values,
 * keys) are shared with 14-newer-methods.js.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var provide = spec.provide;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var toLength = spec.toLength;
var relativeIndex = spec.relativeIndex;
var requireCallable = spec.requireCallable;

var TypedArray = Object.getPrototypeOf(Uint8Array);
var TypedArrayPrototype = TypedArray.prototype;
var CONSTRUCTORS = {
    Int8Array: Int8Array, Uint8Array: Uint8Array, Uint8ClampedArray: Uint8ClampedArray,
    Int16Array: Int16Array, Uint16Array: Uint16Array, Int32Array: Int32Array, Uint32Array: Uint32Array,
    Float32Array: Float32Array, Float64Array: Float64Array
};
var NAMES = Object.keys(CONSTRUCTORS);
/* Value ranges of the types sorted by counting when an array has at least
 * a quarter as many elements as buckets: [offset, bucket count]. */
var COUNTING_RANGES = {
    Int8Array: [128, 256], Uint8Array: [0, 256], Uint8ClampedArray: [0, 256],
    Int16Array: [32768, 65536], Uint16Array: [0, 65536]
};
var FILL_LOOP_MAX = 32;
var hasOwn = Object.prototype.hasOwnProperty;
var nativeSet = TypedArrayPrototype.set;
var nativeSubarray = TypedArrayPrototype.subarray;
var nativeValues = TypedArrayPrototype.values;
var arrayIndexOf = Array.prototype.indexOf;
var arrayLastIndexOf = Array.prototype.lastIndexOf;
var arrayJoin = Array.prototype.join;
var arrayToLocaleString = Array.prototype.toLocaleString;

/* Adds each [name, function, length] the target does not have yet. */
/* Resolves a relative index argument (start/end/target) against len. */
function requireComparator(comparefn) {
    if (comparefn !== void 0 && typeof comparefn !== 'function') {
        throw new TypeError('The comparison function must be either a function or undefined');
    }
}

/* [[TypedArrayName]] of x, or undefined when x is not a typed array: its
 * class, read in C (lib/duk_hooks.c). */
var typedArrayName = native.typedArrayName;

/* ValidateTypedArray: returns the name of O's type or throws. */
function validate(O) {
    var name = typedArrayName(O);
    if (name === void 0) {
        throw new TypeError('this is not a typed array.');
    }
    return name;
}

/* A new typed array of the same type as the one named, length len. */
function createSameType(name, len) {
    return new CONSTRUCTORS[name](len);
}

/* TypedArrayCreateFromConstructor with a length argument. */
function createFromConstructor(C, len) {
    var created = new C(len);
    validate(created);
    if (created.length < len) {
        throw new TypeError('Derived TypedArray constructor created an array which was too small');
    }
    return created;
}

function requireConstructor(C) {
    if (typeof C !== 'function') {
        throw new TypeError('this is not a constructor');
    }
    return C;
}

/* ---- stable sorting (SortIndexedProperties with a SortCompare) ----
 *
 * With a comparator: V8's TimSort in C (native.sortWith, which asks the
 * comparator what V8 asks, in the same order, so an inconsistent
 * comparator gives Node's result too); for a list too long for the value
 * stack, a bottom-up merge sort over runs first sorted by insertion, here,
 * which gives the same result for a consistent comparator. compare(a, b)
 * may be the user's comparator itself: its result is only ever compared
 * with `> 0` (one ToNumber per call; NaN and 0 keep the order), so no
 * wrapper is needed. stableSortByString sorts values by precomputed string
 * keys (the default Array order) without calling anything per comparison. */

var RUN = 8;

function mergeRuns(src, dst, lo, mid, hi, compare) {
    var i = lo, j = mid, k = lo;
    if (compare(src[mid - 1], src[mid]) > 0) {
        while (i < mid && j < hi) {
            if (compare(src[i], src[j]) > 0) {
                dst[k++] = src[j++];
            } else {
                dst[k++] = src[i++];
            }
        }
    }
    while (i < mid) {
        dst[k++] = src[i++];
    }
    while (j < hi) {
        dst[k++] = src[j++];
    }
}

function insertionSortRun(list, lo, hi, compare) {
    for (var i = lo + 1; i < hi; i++) {
        var item = list[i];
        var j = i - 1;
        while (j >= lo && compare(list[j], item) > 0) {
            list[j + 1] = list[j];
            j--;
        }
        list[j + 1] = item;
    }
}

/* Sorts list (an Array or a typed array) in place, stably: in C
 * (native.sortWith) unless the list is too long for its value stack. */
function stableSort(list, compare) {
    var n = list.length;
    var lo;
    if (n < 2 || native.sortWith(list, compare)) {
        return list;
    }
    for (lo = 0; lo < n; lo += RUN) {
        insertionSortRun(list, lo, Math.min(lo + RUN, n), compare);
    }
    if (n <= RUN) {
        return list;
    }
    var src = list;
    var dst = new Array(n);
    for (var width = RUN; width < n; width *= 2) {
        for (lo = 0; lo < n; lo += 2 * width) {
            var mid = Math.min(lo + width, n);
            var hi = Math.min(lo + 2 * width, n);
            if (mid < hi) {
                mergeRuns(src, dst, lo, mid, hi, compare);
            } else {
                for (var c = lo; c < hi; c++) {
                    dst[c] = src[c];
                }
            }
        }
        var swap = src;
        src = dst;
        dst = swap;
    }
    if (src !== list) {
        for (var k = 0; k < n; k++) {
            list[k] = src[k];
        }
    }
    return list;
}

function mergeKeyed(keys, values, dkeys, dvalues, lo, mid, hi) {
    var i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        if (keys[j] < keys[i]) {
            dkeys[k] = keys[j];
            dvalues[k++] = values[j++];
        } else {
            dkeys[k] = keys[i];
            dvalues[k++] = values[i++];
        }
    }
    for (; i < mid; i++, k++) {
        dkeys[k] = keys[i];
        dvalues[k] = values[i];
    }
    for (; j < hi; j++, k++) {
        dkeys[k] = keys[j];
        dvalues[k] = values[j];
    }
}

/* Sorts the Array values in place, stably, by the string keys (an Array of
 * the same length, consumed). */
function stableSortByString(values, keys) {
    var n = values.length;
    var lo, i, j, key, value;
    for (lo = 0; lo < n; lo += RUN) {
        var hiRun = Math.min(lo + RUN, n);
        for (i = lo + 1; i < hiRun; i++) {
            key = keys[i];
            value = values[i];
            for (j = i - 1; j >= lo && key < keys[j]; j--) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }
    var srcK = keys, srcV = values, dstK = new Array(n), dstV = new Array(n), swap;
    for (var width = RUN; width < n; width *= 2) {
        for (lo = 0; lo < n; lo += 2 * width) {
            mergeKeyed(srcK, srcV, dstK, dstV, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n));
        }
        swap = srcK;
        srcK = dstK;
        dstK = swap;
        swap = srcV;
        srcV = dstV;
        dstV = swap;
    }
    if (srcV !== values) {
        for (i = 0; i < n; i++) {
            values[i] = srcV[i];
        }
    }
    return values;
}

native.stableSortByString = stableSortByString;
native.stableSort = stableSort;

/* The default TypedArray SortCompare: numeric, -0 before +0, NaN last. */
function compareNumbers(x, y) {
    if (x !== x) {
        return y !== y ? 0 : 1;
    }
    if (y !== y) {
        return -1;
    }
    if (x < y) {
        return -1;
    }
    if (x > y) {
        return 1;
    }
    if (x === 0 && y === 0 && 1 / x !== 1 / y) {
        return 1 / x < 0 ? -1 : 1;
    }
    return 0;
}

/* Stores number at [k, final) of A: short ranges by a loop, longer ones
 * by doubling native copies of what is already filled. */
function fillRange(A, number, k, final) {
    var count = final - k;
    if (count <= FILL_LOOP_MAX) {
        for (; k < final; k++) {
            A[k] = number;
        }
        return;
    }
    A[k] = number;
    var filled = 1;
    while (filled < count) {
        var chunk = Math.min(filled, count - filled);
        nativeSet.call(A, nativeSubarray.call(A, k, k + chunk), k + filled);
        filled += chunk;
    }
}

function countingSort(A, range) {
    var offset = range[0];
    var counts = new Uint32Array(range[1]);
    var len = A.length;
    var k;
    for (k = 0; k < len; k++) {
        counts[A[k] + offset]++;
    }
    var at = 0;
    for (var bucket = 0; bucket < counts.length; bucket++) {
        var count = counts[bucket];
        if (count > 0) {
            fillRange(A, bucket - offset, at, at + count);
            at += count;
        }
    }
}

/* Merges source[from, middle) and source[middle, to) into target, the
 * left one's first while comparefn(left, right) is not above 0. */
function mergeWith(source, target, from, middle, to, comparefn) {
    var left = from, right = middle;
    for (var k = from; k < to; k++) {
        if (left < middle && right < to) {
            var l = source[left], r = source[right];
            var v = +comparefn(l, r);
            if (v > 0) {
                target[k] = r;
                right++;
            } else {
                target[k] = l;
                left++;
            }
        } else if (left < middle) {
            target[k] = source[left++];
        } else {
            target[k] = source[right++];
        }
    }
}

/* Sorts target[from, to), source holding the same values, by a top-down
 * merge sort that swaps the two at each level: V8's order of comparisons
 * for %TypedArray%.prototype.sort with a comparator (a comparator that is
 * no consistent order gives Node's result too). */
function mergeSortWith(source, target, from, to, comparefn) {
    var middle = from + ((to - from) >>> 1);
    if (middle - from > 1) {
        mergeSortWith(target, source, from, middle, comparefn);
    }
    if (to - middle > 1) {
        mergeSortWith(target, source, middle, to, comparefn);
    }
    mergeWith(source, target, from, middle, to, comparefn);
}

/* Sorts typed array A (of the named type) in place. */
function sortTypedArray(A, name, comparefn) {
    if (comparefn !== void 0) {
        var len = A.length;
        if (len > 1) {
            var work1 = new Array(len), work2 = new Array(len);
            for (var k = 0; k < len; k++) {
                work1[k] = work2[k] = A[k];
            }
            mergeSortWith(work2, work1, 0, len, comparefn);
            for (k = 0; k < len; k++) {
                A[k] = work1[k];
            }
        }
    } else if (hasOwn.call(COUNTING_RANGES, name) && A.length >= COUNTING_RANGES[name][1] / 4) {
        countingSort(A, COUNTING_RANGES[name]);
    } else {
        stableSort(A, compareNumbers);
    }
    return A;
}

/* ---- %TypedArray% ---- */

function typedArrayFrom(source, mapfn, thisArg) {
    var C = requireConstructor(this);
    if (mapfn !== void 0) {
        requireCallable(mapfn);
    }
    if (source === void 0 || source === null) {
        throw new TypeError(String(source) + ' is not iterable');
    }
    var usingIterator = source[Symbol.iterator];
    var values, len;
    if (usingIterator !== void 0 && usingIterator !== null) {
        requireCallable(usingIterator);
        if (usingIterator === nativeValues && mapfn === void 0 && typedArrayName(source) !== void 0) {
            var copy = createFromConstructor(C, source.length);
            nativeSet.call(copy, source);
            return copy;
        }
        values = native.iterableToList(source);
        len = values.length;
    } else {
        values = Object(source);
        len = toLength(values.length);
    }
    var target = createFromConstructor(C, len);
    for (var k = 0; k < len; k++) {
        target[k] = mapfn === void 0 ? values[k] : mapfn.call(thisArg, values[k], k);
    }
    return target;
}

function typedArrayOf() {
    var len = arguments.length;
    var target = createFromConstructor(requireConstructor(this), len);
    for (var k = 0; k < len; k++) {
        target[k] = arguments[k];
    }
    return target;
}

provide(TypedArray, [['from', typedArrayFrom, 1], ['of', typedArrayOf, 0]]);

/* ---- %TypedArray%.prototype: reading and searching ---- */

function at(index) {
    validate(this);
    var len = this.length;
    var rel = toIntegerOrInfinity(index);
    var k = rel >= 0 ? rel : len + rel;
    return k < 0 || k >= len ? void 0 : this[k];
}

/* The start index of indexOf/includes, or -1 when nothing is searched. */
function forwardStart(len, fromIndex) {
    var n = toIntegerOrInfinity(fromIndex);
    if (n === Infinity) {
        return -1;
    }
    return n >= 0 ? n : Math.max(len + n, 0);
}

function indexOf(searchElement, fromIndex) {
    validate(this);
    var len = this.length;
    if (len === 0) {
        return -1;
    }
    var k = forwardStart(len, fromIndex);
    if (k < 0 || k >= len || typeof searchElement !== 'number') {
        return -1;
    }
    return arrayIndexOf.call(this, searchElement, k);
}

function lastIndexOf(searchElement, fromIndex) {
    validate(this);
    var len = this.length;
    if (len === 0) {
        return -1;
    }
    var n = arguments.length > 1 ? toIntegerOrInfinity(fromIndex) : len - 1;
    var k = n >= 0 ? Math.min(n, len - 1) : len + n;
    if (k < 0 || typeof searchElement !== 'number') {
        return -1;
    }
    return arrayLastIndexOf.call(this, searchElement, k);
}

function includes(searchElement, fromIndex) {
    validate(this);
    var len = this.length;
    if (len === 0) {
        return false;
    }
    var k = forwardStart(len, fromIndex);
    if (k < 0 || k >= len || typeof searchElement !== 'number') {
        return false;
    }
    if (searchElement === searchElement) {
        return arrayIndexOf.call(this, searchElement, k) >= 0;
    }
    for (; k < len; k++) {
        if (this[k] !== this[k]) {
            return true;
        }
    }
    return false;
}

/* The index of the first (or last) element predicate accepts, or -1. */
function findIndexVia(O, predicate, thisArg, fromEnd) {
    validate(O);
    return spec.findIndexVia(O, O.length, predicate, thisArg, fromEnd);
}

function find(predicate, thisArg) {
    var k = findIndexVia(this, predicate, thisArg, false);
    return k < 0 ? void 0 : this[k];
}

function findIndex(predicate, thisArg) {
    return findIndexVia(this, predicate, thisArg, false);
}

function findLast(predicate, thisArg) {
    var k = findIndexVia(this, predicate, thisArg, true);
    return k < 0 ? void 0 : this[k];
}

function findLastIndex(predicate, thisArg) {
    return findIndexVia(this, predicate, thisArg, true);
}

function every(callbackfn, thisArg) {
    validate(this);
    var len = this.length;
    requireCallable(callbackfn);
    for (var k = 0; k < len; k++) {
        if (!callbackfn.call(thisArg, this[k], k, this)) {
            return false;
        }
    }
    return true;
}

function some(callbackfn, thisArg) {
    validate(this);
    var len = this.length;
    requireCallable(callbackfn);
    for (var k = 0; k < len; k++) {
        if (callbackfn.call(thisArg, this[k], k, this)) {
            return true;
        }
    }
    return false;
}

function forEach(callbackfn, thisArg) {
    validate(this);
    var len = this.length;
    requireCallable(callbackfn);
    for (var k = 0; k < len; k++) {
        callbackfn.call(thisArg, this[k], k, this);
    }
}

function reduceVia(O, args, fromEnd) {
    validate(O);
    var len = O.length;
    var callbackfn = requireCallable(args[0]);
    if (len === 0 && args.length < 2) {
        throw new TypeError('Reduce of empty array with no initial value');
    }
    var i = 0;
    var accumulator;
    if (args.length >= 2) {
        accumulator = args[1];
    } else {
        accumulator = O[fromEnd ? len - 1 : 0];
        i = 1;
    }
    for (; i < len; i++) {
        var k = fromEnd ? len - 1 - i : i;
        accumulator = callbackfn(accumulator, O[k], k, O);
    }
    return accumulator;
}

function reduce(callbackfn) {
    return reduceVia(this, arguments, false);
}

function reduceRight(callbackfn) {
    return reduceVia(this, arguments, true);
}

function join(separator) {
    validate(this);
    return arrayJoin.call(this, separator);
}

function toLocaleString() {
    validate(this);
    return arrayToLocaleString.call(this);
}

function getToStringTag() {
    return typedArrayName(this);
}

/* ---- %TypedArray%.prototype: creating and changing ---- */

function slice(start, end) {
    var name = validate(this);
    var len = this.length;
    var k = relativeIndex(start, len, 0);
    var final = relativeIndex(end, len, len);
    var count = Math.max(final - k, 0);
    var A = createSameType(name, count);
    if (count > 0) {
        nativeSet.call(A, nativeSubarray.call(this, k, final));
    }
    return A;
}

function map(callbackfn, thisArg) {
    var name = validate(this);
    var len = this.length;
    requireCallable(callbackfn);
    var A = createSameType(name, len);
    for (var k = 0; k < len; k++) {
        A[k] = callbackfn.call(thisArg, this[k], k, this);
    }
    return A;
}

function filter(callbackfn, thisArg) {
    var name = validate(this);
    var len = this.length;
    requireCallable(callbackfn);
    var kept = [];
    for (var k = 0; k < len; k++) {
        var value = this[k];
        if (callbackfn.call(thisArg, value, k, this)) {
            kept.push(value);
        }
    }
    var A = createSameType(name, kept.length);
    nativeSet.call(A, kept);
    return A;
}

function fill(value, start, end) {
    validate(this);
    var len = this.length;
    var number = +value;
    var k = relativeIndex(start, len, 0);
    fillRange(this, number, k, relativeIndex(end, len, len));
    return this;
}

function copyWithin(target, start, end) {
    validate(this);
    var len = this.length;
    var to = relativeIndex(target, len, 0);
    var from = relativeIndex(start, len, 0);
    var final = relativeIndex(end, len, len);
    var count = Math.min(final - from, len - to);
    if (count > 0) {
        nativeSet.call(this, nativeSubarray.call(this, from, from + count), to);
    }
    return this;
}

function reverse() {
    validate(this);
    var len = this.length;
    for (var lower = 0, upper = len - 1; lower < upper; lower++, upper--) {
        var lowerValue = this[lower];
        this[lower] = this[upper];
        this[upper] = lowerValue;
    }
    return this;
}

function sort(comparefn) {
    requireComparator(comparefn);
    return sortTypedArray(this, validate(this), comparefn);
}

function toReversed() {
    var name = validate(this);
    var len = this.length;
    var A = createSameType(name, len);
    for (var k = 0; k < len; k++) {
        A[k] = this[len - 1 - k];
    }
    return A;
}

function toSorted(comparefn) {
    requireComparator(comparefn);
    var name = validate(this);
    var A = createSameType(name, this.length);
    nativeSet.call(A, this);
    return sortTypedArray(A, name, comparefn);
}

function withElement(index, value) {
    var name = validate(this);
    var len = this.length;
    var rel = toIntegerOrInfinity(index);
    var actualIndex = rel >= 0 ? rel : len + rel;
    var number = +value;
    if (actualIndex < 0 || actualIndex >= len) {
        throw new RangeError('Invalid typed array index');
    }
    var A = createSameType(name, len);
    nativeSet.call(A, this);
    A[actualIndex] = number;
    return A;
}

provide(TypedArrayPrototype, [
    ['at', at, 1], ['indexOf', indexOf, 1], ['lastIndexOf', lastIndexOf, 1], ['includes', includes, 1],
    ['find', find, 1], ['findIndex', findIndex, 1], ['findLast', findLast, 1], ['findLastIndex', findLastIndex, 1],
    ['every', every, 1], ['some', some, 1], ['forEach', forEach, 1],
    ['reduce', reduce, 1], ['reduceRight', reduceRight, 1], ['join', join, 1], ['toLocaleString', toLocaleString, 0],
    ['slice', slice, 2], ['map', map, 1], ['filter', filter, 1], ['fill', fill, 1], ['copyWithin', copyWithin, 2],
    ['reverse', reverse, 0], ['sort', sort, 1], ['toReversed', toReversed, 0], ['toSorted', toSorted, 1],
    ['with', withElement, 2]
]);

/* %TypedArray%.prototype.toString is the same function as Array's. */
if (!hasOwn.call(TypedArrayPrototype, 'toString')) {
    defineHidden(TypedArrayPrototype, 'toString', Array.prototype.toString);
}

if (!hasOwn.call(TypedArrayPrototype, Symbol.toStringTag)) {
    Object.defineProperty(getToStringTag, 'name', { value: 'get [Symbol.toStringTag]', configurable: true });
    Object.defineProperty(TypedArrayPrototype, Symbol.toStringTag, {
        get: getToStringTag, enumerable: false, configurable: true
    });
}
