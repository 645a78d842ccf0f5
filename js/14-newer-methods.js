// SPDX-License-Identifier: MIT
/*
 * Methods of ECMAScript 2015–2024 that Duktape 2.7 lacks or gets wrong and
 * that lowered Workers code calls, beyond 12-builtins.js:
 * String.prototype.normalize (see below), a stable Array.prototype.sort
 * (ES2019), the ES2023 copying Array methods (toReversed, toSorted,
 * toSpliced, with), Object.hasOwn, Object.assign with symbol keys,
 * Promise.withResolvers, Promise.try (ES2025), Math.f16round and DataView's
 * getFloat16/setFloat16 (ES2025), Error.isError and Math.sumPrecise (ES2026)
 * and ArrayBuffer.prototype.transfer,
 * transferToFixedLength, detached, resizable and maxByteLength (ES2024;
 * every ArrayBuffer here is of fixed length, and detaching one empties its
 * views too: native.detachArrayBuffer, lib/duk_hooks.c). (String.prototype.matchAll is in 16-regexp.js,
 * the Error `cause` option in 14-errors.js.)
 *
 * normalize: Duktape has no Unicode normalization data; the form is
 * checked here and the string normalized by libunistring
 * (native.normalize, lib/api_builtins.c), which leaves lone surrogates as
 * they are.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var provide = spec.provide;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var toLength = spec.toLength;
var toObject = spec.toObject;
var toStringValue = spec.toStringValue;

var hasOwn = Object.prototype.hasOwnProperty;
var MAX_SAFE_INTEGER = 9007199254740991;
var MAX_ARRAY_LENGTH = 4294967295;
var NORMALIZATION_FORMS = { NFC: true, NFD: true, NFKC: true, NFKD: true };
var nativeNormalize = native.normalize;

/* ---- String ---- */

function stringNormalize(form) {
    if (this === void 0 || this === null) {
        throw new TypeError('String.prototype.normalize called on null or undefined');
    }
    var S = toStringValue(this);
    var f = form === void 0 ? 'NFC' : toStringValue(form);
    if (!hasOwn.call(NORMALIZATION_FORMS, f)) {
        throw new RangeError('The normalization form should be one of NFC, NFD, NFKC, NFKD.');
    }
    return nativeNormalize(S, f);
}

setNameAndLength(stringNormalize, 'normalize', 0);
defineHidden(String.prototype, 'normalize', stringNormalize);

/* ---- Array (ES2023 change-array-by-copy) ---- */

function arrayCreate(len) {
    if (len > MAX_ARRAY_LENGTH) {
        throw new RangeError('Invalid array length');
    }
    return new Array(len);
}

/* SortIndexedProperties (§23.1.3.30.1) with a stable merge sort: the
 * values of the indices 0..len-1 that exist (holes skipped), sorted with
 * undefined last (never passed to comparefn), then comparefn or the
 * string order. Returns the sorted list; the object is not changed, so a
 * comparator that throws leaves it as it was. */
function sortedValues(O, len, comparefn, skipHoles) {
    var items = [];
    var undefinedCount = 0;
    var fast = Array.isArray(O);
    for (var k = 0; k < len; k++) {
        var v;
        if (fast) {
            v = O[k];
            if (v === void 0 && skipHoles && !(k in O)) {
                continue;
            }
        } else {
            if (skipHoles && !(k in O)) {
                continue;
            }
            v = O[k];
        }
        if (v === void 0) {
            undefinedCount++;
        } else {
            items.push(v);
        }
    }
    if (comparefn !== void 0) {
        native.stableSort(items, comparefn);
    } else {
        var keys = new Array(items.length);
        for (var i = 0; i < items.length; i++) {
            keys[i] = toStringValue(items[i]);
        }
        native.stableSortByString(items, keys);
    }
    while (undefinedCount-- > 0) {
        items.push(void 0);
    }
    return items;
}

function requireComparator(comparefn) {
    if (comparefn !== void 0 && typeof comparefn !== 'function') {
        throw new TypeError('The comparison function must be either a function or undefined');
    }
}

/* Array.prototype.sort (§23.1.3.30), stable as ES2019 requires; Duktape's
 * is a quicksort. The sorted values are written back, then the indices
 * that held holes are deleted (a TypeError if one cannot be). */
function arraySort(comparefn) {
    requireComparator(comparefn);
    var O = toObject(this, 'Array.prototype.sort');
    var len = toLength(O.length);
    var items = sortedValues(O, len, comparefn, true);
    var n = items.length;
    var k;
    for (k = 0; k < n; k++) {
        O[k] = items[k];
    }
    for (; k < len; k++) {
        if (k in O) {
            delete O[k];
        }
    }
    return O;
}

function arrayToReversed() {
    var O = toObject(this, 'Array.prototype.toReversed');
    var len = toLength(O.length);
    var A = arrayCreate(len);
    for (var k = 0; k < len; k++) {
        A[k] = O[len - 1 - k];
    }
    return A;
}

function arrayToSorted(comparefn) {
    requireComparator(comparefn);
    var O = toObject(this, 'Array.prototype.toSorted');
    var len = toLength(O.length);
    arrayCreate(len);
    return sortedValues(O, len, comparefn, false);
}

function arrayToSpliced(start, skipCount) {
    var O = toObject(this, 'Array.prototype.toSpliced');
    var len = toLength(O.length);
    var relativeStart = toIntegerOrInfinity(start);
    var actualStart = relativeStart < 0 ? Math.max(len + relativeStart, 0) : Math.min(relativeStart, len);
    var insertCount = Math.max(arguments.length - 2, 0);
    var actualSkipCount;
    if (arguments.length === 0) {
        actualSkipCount = 0;
    } else if (arguments.length === 1) {
        actualSkipCount = len - actualStart;
    } else {
        actualSkipCount = Math.min(Math.max(toIntegerOrInfinity(skipCount), 0), len - actualStart);
    }
    var newLen = len + insertCount - actualSkipCount;
    if (newLen > MAX_SAFE_INTEGER) {
        throw new TypeError('Array length exceeds the maximum safe integer');
    }
    var A = arrayCreate(newLen);
    var i = 0;
    var r = actualStart + actualSkipCount;
    for (; i < actualStart; i++) {
        A[i] = O[i];
    }
    for (var j = 0; j < insertCount; j++) {
        A[i++] = arguments[j + 2];
    }
    for (; i < newLen; i++, r++) {
        A[i] = O[r];
    }
    return A;
}

function arrayWith(index, value) {
    var O = toObject(this, 'Array.prototype.with');
    var len = toLength(O.length);
    var relativeIndex = toIntegerOrInfinity(index);
    var actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
    if (actualIndex >= len || actualIndex < 0) {
        throw new RangeError('Invalid index : ' + String(index));
    }
    var A = arrayCreate(len);
    for (var k = 0; k < len; k++) {
        A[k] = k === actualIndex ? value : O[k];
    }
    return A;
}

setNameAndLength(arraySort, 'sort', 1);
defineHidden(Array.prototype, 'sort', arraySort);
provide(Array.prototype, [
    ['toReversed', arrayToReversed, 0], ['toSorted', arrayToSorted, 1],
    ['toSpliced', arrayToSpliced, 2], ['with', arrayWith, 2]
]);

/* ---- Object, Promise ---- */

function objectHasOwn(O, P) {
    var obj = toObject(O, 'Object.hasOwn');
    return hasOwn.call(obj, typeof P === 'symbol' ? P : toStringValue(P));
}

provide(Object, [['hasOwn', objectHasOwn, 2]]);

/* Object.assign: Duktape's copies the enumerable own string keys only; the
 * spec (20.1.2.1) copies the enumerable own symbols too, after the strings
 * (hono/css keeps its class names under symbols). The native call does the
 * strings; the symbols follow in OwnPropertyKeys order. */
var nativeAssign = Object.assign;
var ownSymbols = Object.getOwnPropertySymbols;
var isEnumerable = Object.prototype.propertyIsEnumerable;
var isProxy = native.isProxy;

/* From a proxy source, in OwnPropertyKeys order through its traps (the
 * guarded getOwnPropertyDescriptor of js/17-proxy.js): Duktape's reads the
 * target's keys and values without them. */
function assignFromProxy(to, from) {
    var keys = Reflect.ownKeys(from);
    for (var i = 0; i < keys.length; i++) {
        var desc = Object.getOwnPropertyDescriptor(from, keys[i]);
        if (desc !== void 0 && desc.enumerable) {
            to[keys[i]] = from[keys[i]];
        }
    }
}

function objectAssignWithProxies(args) {
    var to = toObject(args[0], 'Object.assign');
    for (var i = 1; i < args.length; i++) {
        var from = args[i];
        if (from === null || from === void 0) {
            continue;
        }
        if (isProxy(from)) {
            assignFromProxy(to, from);
        } else {
            objectAssign(to, from);
        }
    }
    return to;
}

function objectAssign(target, sources) {
    for (var p = 1; p < arguments.length; p++) {
        if (isProxy(arguments[p])) {
            return objectAssignWithProxies(arguments);
        }
    }
    var to = nativeAssign.apply(null, arguments);
    for (var i = 1; i < arguments.length; i++) {
        var from = arguments[i];
        if (from === null || from === void 0) {
            continue;
        }
        from = Object(from);
        var symbols = ownSymbols(from);
        for (var k = 0; k < symbols.length; k++) {
            if (isEnumerable.call(from, symbols[k])) {
                to[symbols[k]] = from[symbols[k]];
            }
        }
    }
    return to;
}
/* the global one is C (lib/api_fastpath.c), this for Proxy sources */
var fastObjectAssign = native.fastObjectAssign(objectAssign);
setNameAndLength(fastObjectAssign, 'assign', 2);
defineHidden(Object, 'assign', fastObjectAssign);

function promiseWithResolvers() {
    var C = this;
    if (typeof C !== 'function') {
        throw new TypeError('Promise.withResolvers called on a non-constructor');
    }
    var resolve, reject;
    var promise = new C(function (res, rej) {
        if (resolve !== void 0 || reject !== void 0) {
            throw new TypeError('Promise executor has already been invoked with non-undefined arguments');
        }
        resolve = res;
        reject = rej;
    });
    if (typeof resolve !== 'function' || typeof reject !== 'function') {
        throw new TypeError('Promise resolve or reject function is not callable');
    }
    return { promise: promise, resolve: resolve, reject: reject };
}

/* Promise.try(callbackfn, ...args) (ES2025): a promise of callbackfn's
 * result, or rejected with what it threw, callbackfn called at once. */
function promiseTry(callbackfn) {
    var C = this;
    if (C === null || (typeof C !== 'object' && typeof C !== 'function')) {
        throw new TypeError('Promise.try called on non-object');
    }
    var capability = promiseWithResolvers.call(C);
    var args = arguments.length > 1 ? Array.prototype.slice.call(arguments, 1) : [];
    try {
        capability.resolve(callbackfn.apply(void 0, args));
    } catch (e) {
        capability.reject(e);
    }
    return capability.promise;
}

if (typeof global.Promise === 'function') {
    provide(global.Promise, [['withResolvers', promiseWithResolvers, 0], ['try', promiseTry, 1]]);
}

/* Math.sumPrecise(items) (ES2026): the numbers of an iterable summed
 * exactly and rounded once (native.sumExact, lib/api_builtins.c), NaN and
 * the infinities as the specification's states; -0 when there is no other
 * number than -0 (or none). */
var sumExact = native.sumExact;
function mathSumPrecise(items) {
    if (items === null || items === void 0) {
        throw new TypeError('Math.sumPrecise: ' + items + ' is not iterable');
    }
    var method = items[Symbol.iterator];
    if (typeof method !== 'function') {
        throw new TypeError('Math.sumPrecise: the argument is not iterable');
    }
    var iterator = method.call(items);
    if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
        throw new TypeError('Math.sumPrecise: the iterator is not an object');
    }
    var next = iterator.next;
    var state = 0; /* 0 minus zero, 1 finite, 2 +Infinity, 3 -Infinity, 4 NaN */
    var finite = [];
    for (;;) {
        var result = next.call(iterator);
        if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
            throw new TypeError('Math.sumPrecise: an iterator result is not an object');
        }
        if (result.done) {
            break;
        }
        var n = result.value;
        if (typeof n !== 'number') {
            spec.closeAfterThrow(iterator);
            throw new TypeError('Math.sumPrecise: ' + (typeof n === 'object' && n !== null ? 'an object' : typeof n) +
                ' is not a number');
        }
        if (state === 4) {
            continue;
        }
        if (n !== n) {
            state = 4;
        } else if (n === Infinity) {
            state = state === 3 ? 4 : 2;
        } else if (n === -Infinity) {
            state = state === 2 ? 4 : 3;
        } else if ((n !== 0 || 1 / n > 0) && state < 2) {
            state = 1;
            finite.push(n);
        }
    }
    return state === 4 ? NaN : state === 2 ? Infinity : state === 3 ? -Infinity : state === 0 ? -0 :
        (0, sumExact)(finite);
}
provide(Math, [['sumPrecise', mathSumPrecise, 1]]);

/* Float16 (ES2025) without Float16Array: Math.f16round and DataView's
 * getFloat16 and setFloat16, the conversions C's (native.f16bits,
 * f16value, f16round: nearest, ties to even). ToNumber and ToIndex are
 * 16-bigint.js's (a BigInt is a TypeError), loaded after this file. */
var f16bits = native.f16bits, f16value = native.f16value, f16round = native.f16round;
function mathF16round(x) {
    return (0, f16round)(native.bigint.toNumber(x));
}

/* Whether a view's (a typed array's, a DataView's) buffer is detached:
 * ArrayBuffer's own state, whatever a script made of its getters
 * (14-uint8-base64.js's checks too). */
var arrayBufferState = native.arrayBufferState;
native.viewDetached = function (view) {
    return (0, arrayBufferState)(view.buffer) === 1;
};

/* GetViewValue and SetViewValue's checks, in their order: the view, the
 * index, the value, then a detached buffer and the bounds */
function viewFloat16Index(view, index, method) {
    if (native.viewDetached(view)) {
        throw new TypeError('DataView.prototype.' + method + ': the ArrayBuffer is detached');
    }
    if (index + 2 > view.byteLength) {
        throw new RangeError('Offset is outside the bounds of the DataView');
    }
}
function dataViewGetFloat16(byteOffset) {
    if (!(this instanceof DataView)) {
        throw new TypeError('DataView.prototype.getFloat16 called on an object that is not a DataView');
    }
    var index = native.bigint.toIndex(byteOffset);
    var littleEndian = !!arguments[1];
    viewFloat16Index(this, index, 'getFloat16');
    return (0, f16value)(this.getUint16(index, littleEndian));
}
function dataViewSetFloat16(byteOffset, value) {
    if (!(this instanceof DataView)) {
        throw new TypeError('DataView.prototype.setFloat16 called on an object that is not a DataView');
    }
    var index = native.bigint.toIndex(byteOffset);
    var bits = (0, f16bits)(native.bigint.toNumber(value));
    var littleEndian = !!arguments[2];
    viewFloat16Index(this, index, 'setFloat16');
    this.setUint16(index, bits, littleEndian);
    return void 0;
}
provide(Math, [['f16round', mathF16round, 1]]);
provide(DataView.prototype, [['getFloat16', dataViewGetFloat16, 1], ['setFloat16', dataViewSetFloat16, 2]]);

/* Iterator.prototype[Symbol.dispose] (ES2026, explicit resource
 * management; the stacks are 14-explicit-resource.js's): calls the
 * iterator's return(), if it has one. */
function iteratorDispose() {
    var ret = this['return'];
    if (ret !== void 0 && ret !== null) {
        if (typeof ret !== 'function') {
            throw new TypeError("the iterator's return is not a function");
        }
        ret.call(this);
    }
    return void 0;
}
if (native.IteratorPrototype !== void 0) {
    provide(native.IteratorPrototype, [[Symbol.dispose, iteratorDispose, 0]]);
}

/* %AsyncIteratorPrototype%[Symbol.asyncDispose] (ES2026): a %Promise%
 * fulfilled with undefined once the iterator's return(), if it has one,
 * called without arguments, has settled; rejected with what getting or
 * calling return() throws, or with what its promise rejects with. */
function returnUndefined() {
    return void 0;
}
function asyncIteratorDispose() {
    var promise = native.newPromise();
    try {
        var ret = this['return'];
        if (ret === void 0 || ret === null) {
            native.resolvePromise(promise, void 0);
            return promise;
        }
        if (typeof ret !== 'function') {
            throw new TypeError("the iterator's return is not a function");
        }
        native.performThen(native.promiseResolve(ret.call(this)), returnUndefined, void 0, promise, void 0);
    } catch (e) {
        native.rejectPromise(promise, e);
    }
    return promise;
}
provide(native.AsyncIteratorPrototype, [[Symbol.asyncDispose, asyncIteratorDispose, 0]]);

/* Error.isError(arg) (ES2026): whether arg has [[ErrorData]], which
 * neither instanceof nor Object.prototype.toString tells (lib/duk_hooks.c;
 * a DOMException has it, js/41-events.js). */
var errorData = native.errorData;
function errorIsError(arg) {
    return (0, errorData)(arg);
}
provide(Error, [['isError', errorIsError, 1]]);

/* ---- ArrayBuffer ---- */

/* Throws unless buffer is an ArrayBuffer; 1 when it is detached, else 0. */
function requireArrayBuffer(buffer, what) {
    var state = native.arrayBufferState(buffer);
    if (state < 0) {
        throw new TypeError('ArrayBuffer.prototype.' + what + ' called on an object that is not an ArrayBuffer');
    }
    return state;
}

/* ArrayBufferCopyAndDetach (§25.1.3.3) for a fixed-length buffer. */
function arrayBufferCopyAndDetach(buffer, newLength, what) {
    requireArrayBuffer(buffer, what);
    var newByteLength;
    if (newLength === void 0) {
        newByteLength = buffer.byteLength;
    } else {
        newByteLength = toIntegerOrInfinity(newLength);
        if (newByteLength < 0 || newByteLength > MAX_SAFE_INTEGER) {
            throw new RangeError('Invalid array buffer length');
        }
    }
    if (native.arrayBufferState(buffer) === 1) {
        throw new TypeError('Cannot perform ArrayBuffer.prototype.' + what + ' on a detached ArrayBuffer');
    }
    var copy = new ArrayBuffer(newByteLength);
    var n = Math.min(newByteLength, buffer.byteLength);
    if (n > 0) {
        new Uint8Array(copy).set(new Uint8Array(buffer, 0, n));
    }
    native.detachArrayBuffer(buffer);
    return copy;
}

function arrayBufferTransfer(newLength) {
    return arrayBufferCopyAndDetach(this, newLength, 'transfer');
}

function arrayBufferTransferToFixedLength(newLength) {
    return arrayBufferCopyAndDetach(this, newLength, 'transferToFixedLength');
}

function arrayBufferGetter(name, fn) {
    setNameAndLength(fn, 'get ' + name, 0);
    native.nonConstructor(fn);
    Object.defineProperty(ArrayBuffer.prototype, name, { get: fn, enumerable: false, configurable: true });
}

if (!hasOwn.call(ArrayBuffer.prototype, 'transfer')) {
    provide(ArrayBuffer.prototype, [
        ['transfer', arrayBufferTransfer, 0],
        ['transferToFixedLength', arrayBufferTransferToFixedLength, 0]
    ]);
    native.nonConstructor(arrayBufferTransfer);
    native.nonConstructor(arrayBufferTransferToFixedLength);
    arrayBufferGetter('detached', function () {
        return requireArrayBuffer(this, 'detached') === 1;
    });
    arrayBufferGetter('resizable', function () {
        requireArrayBuffer(this, 'resizable');
        return false;
    });
    arrayBufferGetter('maxByteLength', function () {
        requireArrayBuffer(this, 'maxByteLength');
        return this.byteLength;
    });
}
