// SPDX-License-Identifier: MIT
/*
 * The ES2015–ES2022 built-ins that Duktape 2.7 lacks and that lowered
 * (Babel / esbuild ES5) Workers code calls at run time: the iteration
 * protocol for arrays, typed arrays and strings, the newer Array, Object,
 * String and Math functions, and Symbol.asyncIterator (and .dispose and
 * .asyncDispose). Only what is missing
 * is added, with the attributes, `name` and `length` the spec gives
 * (non-enumerable, writable, configurable).
 *
 * It also gives the other runtime files the iteration helpers they share:
 * native.iterate(iterable, step, state) calls step(state, value) for each
 * value (closing the iterator if step throws; plain arrays iterate without
 * iterator objects while the array iterator is unmodified) and
 * native.iterableToList(iterable).
 */
'use strict';

var hasOwn = Object.prototype.hasOwnProperty;
var propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
var toStr = Object.prototype.toString;
var MAX_SAFE_INTEGER = 9007199254740991;
var KIND_KEYS = 0;
var KIND_VALUES = 1;
var KIND_ENTRIES = 2;

/* Object.defineProperty(target, key, { value, writable: true,
 * enumerable: false, configurable: true }), without the descriptor object
 * (native.defineData's attrs: 1 writable, 2 enumerable, 4 configurable) */
function defineHidden(target, key, value) {
    native.defineData(target, key, value, 5);
}

function setNameAndLength(fn, name, length) {
    native.defineData(fn, 'name', name, 4);
    native.defineData(fn, 'length', length, 4);
}

/* Adds each [name, function, length] the target does not have yet. */
function provide(target, entries) {
    for (var i = 0; i < entries.length; i++) {
        var name = entries[i][0];
        var fn = entries[i][1];
        if (!hasOwn.call(target, name)) {
            setNameAndLength(fn, typeof name === 'symbol' ? '[' + name.description + ']' : name, entries[i][2]);
            defineHidden(target, name, fn);
        }
    }
}

function isObject(x) {
    return x !== null && (typeof x === 'object' || typeof x === 'function');
}

function toIntegerOrInfinity(value) {
    var n = +value;
    if (n !== n || n === 0) {
        return 0;
    }
    if (n === Infinity || n === -Infinity) {
        return n;
    }
    return n < 0 ? Math.ceil(n) : Math.floor(n);
}

function toLength(value) {
    /* an array's or typed array's length: already an index */
    if (typeof value === 'number' && value === value >>> 0) {
        return value >>> 0;
    }
    var n = toIntegerOrInfinity(value);
    return n <= 0 ? 0 : Math.min(n, MAX_SAFE_INTEGER);
}

/* Resolves a relative index argument (start/end/target) against len. */
function relativeIndex(value, len, ifUndefined) {
    if (value === void 0) {
        return ifUndefined;
    }
    var n = toIntegerOrInfinity(value);
    return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
}

function toObject(value, what) {
    if (value === void 0 || value === null) {
        throw new TypeError(what + ' called on null or undefined');
    }
    return Object(value);
}

function toStringValue(value) {
    if (typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
    }
    return String(value);
}

function thisString(value, what) {
    if (value === void 0 || value === null) {
        throw new TypeError('String.prototype.' + what + ' called on null or undefined');
    }
    return toStringValue(value);
}

/* fn, or a TypeError naming it (after what it is for, when given) */
function requireCallable(fn, what) {
    if (typeof fn !== 'function') {
        throw new TypeError((what !== void 0 ? what + ': ' : '') +
            String(typeof fn === 'symbol' ? 'a symbol' : fn) + ' is not a function');
    }
    return fn;
}

function isTypedArray(x) {
    return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function iterResult(value, done) {
    return { value: value, done: done };
}

/* CreateDataPropertyOrThrow; plain arrays and objects take a simple store. */
function createDataProperty(target, key, value, simple) {
    if (simple && key !== '__proto__') {
        target[key] = value;
    } else {
        Object.defineProperty(target, key, {
            value: value, writable: true, enumerable: true, configurable: true
        });
    }
}

/* ---- Symbol ---- */

/* and Symbol.dispose and Symbol.asyncDispose, which Node 20 and workerd
 * define (explicit resource management): a library's [Symbol.dispose]()
 * method is then under the symbol that esbuild's lowering of `using` looks
 * up (Symbol.dispose, else Symbol.for("Symbol.dispose")), not under the
 * key "undefined" */
['asyncIterator', 'dispose', 'asyncDispose'].forEach(function (name) {
    if (Symbol[name] === void 0) {
        Object.defineProperty(Symbol, name, {
            value: Symbol('Symbol.' + name), writable: false, enumerable: false, configurable: false
        });
    }
});

/* %AsyncIteratorPrototype% (native.AsyncIteratorPrototype): the
 * [[Prototype]] of the streams' async iterators (23-streams-pipe-iterate.js)
 * and of the lowering's async generator objects (the prototype of SWC's
 * _async_generator, 15-build-helpers.js); [Symbol.asyncIterator]() returns
 * this, [Symbol.asyncDispose] is 14-newer-methods.js's. */
var AsyncIteratorPrototype = {};
function asyncIteratorSelf() {
    return this;
}
setNameAndLength(asyncIteratorSelf, '[Symbol.asyncIterator]', 0);
defineHidden(AsyncIteratorPrototype, Symbol.asyncIterator, asyncIteratorSelf);
native.AsyncIteratorPrototype = AsyncIteratorPrototype;

/* Symbol.prototype.description: undefined for Symbol(), '' for Symbol(''). */
var symbolValueOf = Symbol.prototype.valueOf;
var symbolDescription = native.symbolDescription;

function getSymbolDescription() {
    return symbolDescription(typeof this === 'symbol' ? this : symbolValueOf.call(this));
}

setNameAndLength(getSymbolDescription, 'get description', 0);
Object.defineProperty(Symbol.prototype, 'description', {
    get: getSymbolDescription, enumerable: false, configurable: true
});

/* ---- iterators for arrays, typed arrays and strings ---- */

/* hidden symbols: lib/api_fastpath.c reads the same slots */
var ARRAY_ITERATED = native.hiddenSymbol('arrayIterated');
var ARRAY_NEXT_INDEX = native.hiddenSymbol('arrayNextIndex');
var ARRAY_KIND = native.hiddenSymbol('arrayKind');
/* the result object the steps of a lowered for-of reuse (lib/duk_hooks.c) */
var ARRAY_RESULT = native.hiddenSymbol('arrayIterResult');
var STRING_ITERATED = Symbol('iteratedString');
var STRING_NEXT_INDEX = Symbol('stringIteratorNextIndex');

function ArrayIterator(object, kind) {
    this[ARRAY_ITERATED] = object;
    this[ARRAY_NEXT_INDEX] = 0;
    this[ARRAY_KIND] = kind;
}

var ArrayIteratorPrototype = Object.create(native.IteratorPrototype);
ArrayIterator.prototype = ArrayIteratorPrototype;

function arrayIteratorNext() {
    var kind = this !== void 0 && this !== null ? this[ARRAY_KIND] : void 0;
    if (kind === void 0) {
        throw new TypeError('next method called on incompatible receiver');
    }
    var object = this[ARRAY_ITERATED];
    if (object === void 0) {
        return iterResult(void 0, true);
    }
    var index = this[ARRAY_NEXT_INDEX];
    var len = object.length;
    /* (for-of over arrays is hot: the usual length needs no conversion
     * and the results are built in place) */
    if (typeof len !== 'number' || len !== len >>> 0) {
        len = toLength(len);
    }
    if (index >= len) {
        this[ARRAY_ITERATED] = void 0;
        return { value: void 0, done: true };
    }
    this[ARRAY_NEXT_INDEX] = index + 1;
    if (kind === KIND_VALUES) {
        return { value: object[index], done: false };
    }
    if (kind === KIND_KEYS) {
        return { value: index, done: false };
    }
    return { value: [index, object[index]], done: false };
}

function arrayKeys() {
    return new ArrayIterator(toObject(this, 'Array.prototype.keys'), KIND_KEYS);
}

function arrayValues() {
    return new ArrayIterator(toObject(this, 'Array.prototype.values'), KIND_VALUES);
}

function arrayEntries() {
    return new ArrayIterator(toObject(this, 'Array.prototype.entries'), KIND_ENTRIES);
}

function requireTypedArray(x) {
    if (!isTypedArray(x)) {
        throw new TypeError('this is not a typed array.');
    }
    return x;
}

function typedArrayKeys() {
    return new ArrayIterator(requireTypedArray(this), KIND_KEYS);
}

function typedArrayValues() {
    return new ArrayIterator(requireTypedArray(this), KIND_VALUES);
}

function typedArrayEntries() {
    return new ArrayIterator(requireTypedArray(this), KIND_ENTRIES);
}

function StringIterator(string) {
    this[STRING_ITERATED] = string;
    this[STRING_NEXT_INDEX] = 0;
}

var StringIteratorPrototype = Object.create(native.IteratorPrototype);
StringIterator.prototype = StringIteratorPrototype;

/* The code point at position as a string of one or two code units. */
function codePointString(s, position) {
    var first = s.charCodeAt(position);
    if (first >= 0xD800 && first <= 0xDBFF && position + 1 < s.length) {
        var second = s.charCodeAt(position + 1);
        if (second >= 0xDC00 && second <= 0xDFFF) {
            return s.substr(position, 2);
        }
    }
    return s.charAt(position);
}

function stringIteratorNext() {
    var position = this !== void 0 && this !== null ? this[STRING_NEXT_INDEX] : void 0;
    if (position === void 0) {
        throw new TypeError('next method called on incompatible receiver');
    }
    var s = this[STRING_ITERATED];
    if (s === void 0) {
        return iterResult(void 0, true);
    }
    if (position >= s.length) {
        this[STRING_ITERATED] = void 0;
        return iterResult(void 0, true);
    }
    var cp = codePointString(s, position);
    this[STRING_NEXT_INDEX] = position + cp.length;
    return iterResult(cp, false);
}

function stringIterator() {
    return new StringIterator(thisString(this, '[Symbol.iterator]'));
}

/* for-of over an array calls these once per element: C fast paths that
 * answer arrays and array-likes with an index length, and call the
 * JavaScript for the rest (lib/api_fastpath.c) */
var arrayIteratorNextFast = native.fastArrayIteratorNext(arrayIteratorNext);
provide(ArrayIteratorPrototype, [['next', arrayIteratorNextFast, 0]]);
/* and the step of fcworker-build's for-of (`iterator.next()` with the
 * array iterator's step in place: __fcw_helpers.iterStep) */
native.forOfStep = native.iterStep(ArrayIteratorPrototype, arrayIteratorNextFast,
    [ARRAY_ITERATED, ARRAY_NEXT_INDEX, ARRAY_KIND, ARRAY_RESULT]);
Object.defineProperty(ArrayIteratorPrototype, Symbol.toStringTag, { value: 'Array Iterator', configurable: true });
provide(StringIteratorPrototype, [['next', stringIteratorNext, 0]]);
Object.defineProperty(StringIteratorPrototype, Symbol.toStringTag, { value: 'String Iterator', configurable: true });
/* the other @@toStringTag values Duktape does not define (ES2015-2017) */
Object.defineProperty(JSON, Symbol.toStringTag, { value: 'JSON', configurable: true });
Object.defineProperty(Reflect, Symbol.toStringTag, { value: 'Reflect', configurable: true });
Object.defineProperty(ArrayBuffer.prototype, Symbol.toStringTag, { value: 'ArrayBuffer', configurable: true });
Object.defineProperty(DataView.prototype, Symbol.toStringTag, { value: 'DataView', configurable: true });

var makeArrayIterator = native.recordMaker(ArrayIteratorPrototype,
    [ARRAY_ITERATED, ARRAY_NEXT_INDEX, ARRAY_KIND, ARRAY_RESULT]);
provide(Array.prototype, [
    ['keys', native.fastArrayIterator(KIND_KEYS, arrayKeys, makeArrayIterator), 0],
    ['values', native.fastArrayIterator(KIND_VALUES, arrayValues, makeArrayIterator), 0],
    ['entries', native.fastArrayIterator(KIND_ENTRIES, arrayEntries, makeArrayIterator), 0]
]);
if (!hasOwn.call(Array.prototype, Symbol.iterator)) {
    defineHidden(Array.prototype, Symbol.iterator, Array.prototype.values);
}
/* whether fcworker-build's for-of may index an array instead of stepping
 * its iterator (__fcw_helpers.iterFast) */
native.forOfFast = native.iterFast(Array.prototype, Array.prototype[Symbol.iterator], ArrayIteratorPrototype,
    arrayIteratorNextFast, Symbol.iterator);

var TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
provide(TypedArrayPrototype, [
    ['keys', typedArrayKeys, 0], ['values', typedArrayValues, 0], ['entries', typedArrayEntries, 0]
]);
if (!hasOwn.call(TypedArrayPrototype, Symbol.iterator)) {
    defineHidden(TypedArrayPrototype, Symbol.iterator, TypedArrayPrototype.values);
}

provide(String.prototype, [[Symbol.iterator, stringIterator, 0]]);

/* ---- iteration helpers shared by the runtime ---- */

var builtinArrayValues = Array.prototype[Symbol.iterator];
var builtinTypedArrayValues = TypedArrayPrototype[Symbol.iterator];
var builtinStringIterator = String.prototype[Symbol.iterator];

/* True while iterating x with its array iterator is unobservable, so it can
 * be walked by index. */
function isPristineArrayLike(method) {
    return (method === builtinArrayValues || method === builtinTypedArrayValues) &&
        ArrayIteratorPrototype.next === arrayIteratorNextFast &&
        ArrayIteratorPrototype['return'] === void 0;
}

function iterateArrayLike(arrayLike, step, state) {
    var i;
    if (Array.isArray(arrayLike)) {
        for (i = 0; i < arrayLike.length; i++) {
            step(state, arrayLike[i]);
        }
    } else {
        for (i = 0; i < toLength(arrayLike.length); i++) {
            step(state, arrayLike[i]);
        }
    }
}

function iterateString(s, step, state) {
    for (var i = 0; i < s.length;) {
        var cp = codePointString(s, i);
        i += cp.length;
        step(state, cp);
    }
}

/* IteratorClose for a throw completion: the original exception wins. */
function closeAfterThrow(iterator) {
    try {
        var returnMethod = iterator['return'];
        if (returnMethod !== void 0 && returnMethod !== null) {
            returnMethod.call(iterator);
        }
    } catch (ignored) {
        return;
    }
}

function iterateWithMethod(iterable, method, step, state) {
    if (isPristineArrayLike(method)) {
        iterateArrayLike(iterable, step, state);
        return;
    }
    if (typeof iterable === 'string' && method === builtinStringIterator &&
            StringIteratorPrototype.next === stringIteratorNext) {
        iterateString(iterable, step, state);
        return;
    }
    var iterator = requireCallable(method).call(iterable);
    if (!isObject(iterator)) {
        throw new TypeError('Result of the Symbol.iterator method is not an object');
    }
    var next = iterator.next;
    for (;;) {
        var result = requireCallable(next).call(iterator);
        if (!isObject(result)) {
            throw new TypeError('Iterator result ' + String(result) + ' is not an object');
        }
        if (result.done) {
            return;
        }
        var value = result.value;
        try {
            step(state, value);
        } catch (e) {
            closeAfterThrow(iterator);
            throw e;
        }
    }
}

/* GetMethod(iterable, @@iterator), TypeError when it is not iterable.
 * Duktape's arguments objects have no @@iterator, where the spec gives
 * them Array.prototype.values (§10.4.4.6): `new Set(arguments)` and
 * `Promise.all(arguments)` take that. */
function iteratorMethodOf(iterable) {
    if (iterable === void 0 || iterable === null) {
        throw new TypeError(String(iterable) + ' is not iterable');
    }
    var method = iterable[Symbol.iterator];
    if (method === void 0 || method === null) {
        if (typeof iterable === 'object' && toStr.call(iterable) === '[object Arguments]') {
            return Array.prototype.values;
        }
        throw new TypeError('object is not iterable (cannot read property Symbol(Symbol.iterator))');
    }
    return method;
}

function iterate(iterable, step, state) {
    iterateWithMethod(iterable, iteratorMethodOf(iterable), step, state);
}

function pushStep(list, value) {
    list[list.length] = value;
}

native.iterate = iterate;
native.iterableToList = function (iterable) {
    var list = [];
    iterate(iterable, pushStep, list);
    return list;
};

/* ---- Array ---- */

function isConstructor(C) {
    return typeof C === 'function';
}

function FromState(target, simple, mapfn, thisArg) {
    this.target = target;
    this.simple = simple;
    this.mapfn = mapfn;
    this.thisArg = thisArg;
    this.index = 0;
}

function fromStep(state, value) {
    var k = state.index;
    if (k >= MAX_SAFE_INTEGER) {
        throw new TypeError('Array.from: too many elements');
    }
    var mapped = state.mapfn === void 0 ? value : state.mapfn.call(state.thisArg, value, k);
    createDataProperty(state.target, k, mapped, state.simple);
    state.index = k + 1;
}

function arrayFrom(items, mapfn, thisArg) {
    var C = this;
    if (mapfn !== void 0) {
        requireCallable(mapfn);
    }
    if (items === void 0 || items === null) {
        throw new TypeError(String(items) + ' is not iterable');
    }
    return arrayFromWith(C, C === Array || !isConstructor(C), items, items[Symbol.iterator], mapfn, thisArg);
}

/* Array.from's steps after reading items' @@iterator method (the C fast
 * path, native.fastArrayFrom, comes here with what it does not copy
 * itself). */
function arrayFromWith(C, simple, items, usingIterator, mapfn, thisArg) {
    var target;
    if (usingIterator !== void 0 && usingIterator !== null) {
        if (simple && mapfn === void 0) {
            /* a Map or Set (or their iterator) with the built-in methods */
            var rest = native.collectionRest(items, usingIterator);
            if (rest !== void 0) {
                return rest;
            }
        }
        target = simple ? [] : new C();
        var state = new FromState(target, simple, mapfn, thisArg);
        iterateWithMethod(items, usingIterator, fromStep, state);
        target.length = state.index;
        return target;
    }
    var arrayLike = Object(items);
    var len = toLength(arrayLike.length);
    target = simple ? new Array(len) : new C(len);
    for (var k = 0; k < len; k++) {
        var value = arrayLike[k];
        createDataProperty(target, k, mapfn === void 0 ? value : mapfn.call(thisArg, value, k), simple);
    }
    target.length = len;
    return target;
}

function arrayOf() {
    var len = arguments.length;
    var C = this;
    var simple = C === Array || !isConstructor(C);
    var target = simple ? new Array(len) : new C(len);
    for (var k = 0; k < len; k++) {
        createDataProperty(target, k, arguments[k], simple);
    }
    target.length = len;
    return target;
}

var arrayIndexOf = Array.prototype.indexOf;

function arrayIncludes(searchElement, fromIndex) {
    var O = toObject(this, 'Array.prototype.includes');
    var len = toLength(O.length);
    if (len === 0) {
        return false;
    }
    var k = fromIndex === void 0 ? 0 : relativeIndex(fromIndex, len, 0);
    if (searchElement === searchElement && searchElement !== void 0 && Array.isArray(O)) {
        return arrayIndexOf.call(O, searchElement, k) >= 0;
    }
    for (; k < len; k++) {
        var element = O[k];
        if (element === searchElement || (element !== element && searchElement !== searchElement)) {
            return true;
        }
    }
    return false;
}

/* FindViaPredicate: returns the index found (or -1) for find* to map. */
function findIndexVia(O, len, predicate, thisArg, fromEnd) {
    requireCallable(predicate);
    for (var i = 0; i < len; i++) {
        var k = fromEnd ? len - 1 - i : i;
        if (predicate.call(thisArg, O[k], k, O)) {
            return k;
        }
    }
    return -1;
}

function arrayFind(predicate, thisArg) {
    var O = toObject(this, 'Array.prototype.find');
    var k = findIndexVia(O, toLength(O.length), predicate, thisArg, false);
    return k < 0 ? void 0 : O[k];
}

function arrayFindIndex(predicate, thisArg) {
    var O = toObject(this, 'Array.prototype.findIndex');
    return findIndexVia(O, toLength(O.length), predicate, thisArg, false);
}

function arrayFindLast(predicate, thisArg) {
    var O = toObject(this, 'Array.prototype.findLast');
    var k = findIndexVia(O, toLength(O.length), predicate, thisArg, true);
    return k < 0 ? void 0 : O[k];
}

function arrayFindLastIndex(predicate, thisArg) {
    var O = toObject(this, 'Array.prototype.findLastIndex');
    return findIndexVia(O, toLength(O.length), predicate, thisArg, true);
}

function arrayFill(value, start, end) {
    var O = toObject(this, 'Array.prototype.fill');
    var len = toLength(O.length);
    var k = relativeIndex(start, len, 0);
    var final = relativeIndex(end, len, len);
    for (; k < final; k++) {
        O[k] = value;
    }
    return O;
}

function flattenIntoArray(target, source, sourceLen, start, depth, mapper, thisArg) {
    var targetIndex = start;
    for (var sourceIndex = 0; sourceIndex < sourceLen; sourceIndex++) {
        if (!(sourceIndex in source)) {
            continue;
        }
        var element = source[sourceIndex];
        if (mapper !== void 0) {
            element = mapper.call(thisArg, element, sourceIndex, source);
        }
        if (depth > 0 && Array.isArray(element)) {
            targetIndex = flattenIntoArray(target, element, toLength(element.length), targetIndex, depth - 1);
        } else {
            if (targetIndex >= MAX_SAFE_INTEGER) {
                throw new TypeError('Array.prototype.flat: too many elements');
            }
            target[targetIndex] = element;
            targetIndex += 1;
        }
    }
    return targetIndex;
}

function arrayFlat(depth) {
    var O = toObject(this, 'Array.prototype.flat');
    var depthNum = depth === void 0 ? 1 : toIntegerOrInfinity(depth);
    var target = [];
    flattenIntoArray(target, O, toLength(O.length), 0, depthNum < 0 ? 0 : depthNum);
    return target;
}

function arrayFlatMap(mapper, thisArg) {
    var O = toObject(this, 'Array.prototype.flatMap');
    var len = toLength(O.length);
    requireCallable(mapper);
    var target = [];
    flattenIntoArray(target, O, len, 0, 1, mapper, thisArg);
    return target;
}

/* Element at a relative index of a length-len array-like, or undefined. */
function elementAt(O, len, index) {
    var rel = toIntegerOrInfinity(index);
    var k = rel >= 0 ? rel : len + rel;
    return k < 0 || k >= len ? void 0 : O[k];
}

function arrayAt(index) {
    var O = toObject(this, 'Array.prototype.at');
    return elementAt(O, toLength(O.length), index);
}

function arrayCopyWithin(target, start, end) {
    var O = toObject(this, 'Array.prototype.copyWithin');
    var len = toLength(O.length);
    var to = relativeIndex(target, len, 0);
    var from = relativeIndex(start, len, 0);
    var final = relativeIndex(end, len, len);
    var count = Math.min(final - from, len - to);
    var direction = 1;
    if (from < to && to < from + count) {
        direction = -1;
        from += count - 1;
        to += count - 1;
    }
    for (; count > 0; count--) {
        if (from in O) {
            O[to] = O[from];
        } else {
            delete O[to];
        }
        from += direction;
        to += direction;
    }
    return O;
}

provide(Array, [['from', native.fastArrayFrom(arrayFrom, [Array, Symbol.iterator, builtinArrayValues,
    ArrayIteratorPrototype, arrayIteratorNextFast, arrayFromWith, native.IteratorPrototype[Symbol.iterator],
    native.collectionIteratorRest]), 1], ['of', arrayOf, 0]]);
provide(Array.prototype, [
    ['includes', arrayIncludes, 1], ['find', arrayFind, 1], ['findIndex', arrayFindIndex, 1],
    ['findLast', arrayFindLast, 1], ['findLastIndex', arrayFindLastIndex, 1],
    ['fill', arrayFill, 1], ['flat', arrayFlat, 0], ['flatMap', arrayFlatMap, 1],
    ['at', native.fastAt(arrayAt), 1], ['copyWithin', arrayCopyWithin, 2]
]);

/* ---- Object ---- */

/* EnumerableOwnPropertyNames(O, kind) for kind value or key+value. */
function enumerableOwn(value, what, entries) {
    var O = toObject(value, what);
    var keys = Object.keys(O);
    var result = [];
    for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (propertyIsEnumerable.call(O, key)) {
            result.push(entries ? [key, O[key]] : O[key]);
        }
    }
    return result;
}

function objectEntries(O) {
    return enumerableOwn(O, 'Object.entries', true);
}

function objectValues(O) {
    return enumerableOwn(O, 'Object.values', false);
}

function toPropertyKey(key) {
    return typeof key === 'symbol' ? key : String(key);
}

function fromEntriesStep(target, entry) {
    if (!isObject(entry)) {
        throw new TypeError('Iterator value ' + String(entry) + ' is not an entry object');
    }
    var key = entry[0];
    var value = entry[1];
    /* CreateDataPropertyOrThrow: defined, as native.objectFromPairs does
     * (a put would call a setter Object.prototype may have) */
    native.defineData(target, toPropertyKey(key), value, 7);
}

/* An array (or array-like) iterated as built, and a Map's own entries
 * (taken at once: nothing the loop runs can see the Map's iterator), go
 * through native.objectFromPairs, which does the loop's steps in C. */
var objectFromPairs = native.objectFromPairs;
var mapEntriesMethod = Map.prototype.entries;

function objectFromEntries(iterable) {
    var method = iteratorMethodOf(iterable);
    if (isPristineArrayLike(method)) {
        return objectFromPairs(iterable, false);
    }
    if (method === mapEntriesMethod) {
        var pairs = native.collectionRest(iterable, method);
        var made = pairs !== void 0 ? objectFromPairs(pairs, true) : void 0;
        if (made !== void 0) {
            return made;
        }
    }
    var target = {};
    iterateWithMethod(iterable, method, fromEntriesStep, target);
    return target;
}

function objectGetOwnPropertyDescriptors(value) {
    var O = toObject(value, 'Object.getOwnPropertyDescriptors');
    var keys = Reflect.ownKeys(O);
    var descriptors = {};
    for (var i = 0; i < keys.length; i++) {
        var descriptor = Object.getOwnPropertyDescriptor(O, keys[i]);
        if (descriptor !== void 0) {
            createDataProperty(descriptors, keys[i], descriptor, true);
        }
    }
    return descriptors;
}

function objectIs(a, b) {
    if (a === b) {
        return a !== 0 || 1 / a === 1 / b;
    }
    return a !== a && b !== b;
}

provide(Object, [
    ['entries', native.fastEntries(true, objectEntries, Object.keys), 1],
    ['values', native.fastEntries(false, objectValues, Object.keys), 1], ['fromEntries', objectFromEntries, 1],
    ['getOwnPropertyDescriptors', objectGetOwnPropertyDescriptors, 1], ['is', objectIs, 2]
]);

/* ---- String ---- */

/* padStart and padEnd are native.stringPadStart/stringPadEnd (lib/api_builtins.c). */

/* The engine's trim with a non-space sentinel on the side to keep. */
function stringTrimStart() {
    return (thisString(this, 'trimStart') + 'x').trim().slice(0, -1);
}

function stringTrimEnd() {
    return ('x' + thisString(this, 'trimEnd')).trim().slice(1);
}

function stringAt(index) {
    var S = thisString(this, 'at');
    var k = toIntegerOrInfinity(index);
    if (k < 0) {
        k += S.length;
    }
    return k < 0 || k >= S.length ? void 0 : S.charAt(k);
}

function stringRaw(template) {
    var raw = Object(toObject(template, 'String.raw').raw);
    var literalCount = toLength(raw.length);
    var result = '';
    for (var i = 0; i < literalCount; i++) {
        result += toStringValue(raw[i]);
        if (i + 1 < literalCount && i + 1 < arguments.length) {
            result += toStringValue(arguments[i + 1]);
        }
    }
    return result;
}

provide(String, [['raw', stringRaw, 1]]);
/* at: a C fast path for a number index on a string (lib/api_fastpath.c),
 * this JavaScript for the rest */
setNameAndLength(stringAt, 'at', 1);
provide(String.prototype, [
    ['padStart', native.stringPadStart, 1], ['padEnd', native.stringPadEnd, 1],
    ['trimStart', stringTrimStart, 0], ['trimEnd', stringTrimEnd, 0],
    ['at', native.fastStringAt(stringAt), 1]
]);
/* concat: a C fast path for a string and arguments that are strings or
 * numbers (lib/api_fastpath.c), Duktape's own for the rest */
var stringConcat = native.fastStringConcat(String.prototype.concat);
setNameAndLength(stringConcat, 'concat', 1);
defineHidden(String.prototype, 'concat', stringConcat);
if (!hasOwn.call(String.prototype, 'trimLeft')) {
    defineHidden(String.prototype, 'trimLeft', String.prototype.trimStart);
}
if (!hasOwn.call(String.prototype, 'trimRight')) {
    defineHidden(String.prototype, 'trimRight', String.prototype.trimEnd);
}

/* ---- Math ---- */

var float32 = new Float32Array(1);

function mathFround(x) {
    float32[0] = x;
    return float32[0];
}

/* Kahan's method: exact to a few ulps also near 0. */
function mathExpm1(x) {
    x = +x;
    var u = Math.exp(x);
    if (u === 1 || x === 0) {
        return x;
    }
    if (u === Infinity) {
        return Infinity;
    }
    var um1 = u - 1;
    return um1 === -1 ? -1 : um1 * x / Math.log(u);
}

function mathLog1p(x) {
    x = +x;
    if (x === Infinity) {
        return x;
    }
    var u = 1 + x;
    return u === 1 ? x : Math.log(u) * x / (u - 1);
}

function mathSinh(x) {
    x = +x;
    if (x === 0 || x !== x) {
        return x;
    }
    if (Math.abs(x) < 22) {
        return (mathExpm1(x) - mathExpm1(-x)) / 2;
    }
    var half = Math.exp(Math.abs(x) / 2);
    var big = half / 2 * half;
    return x < 0 ? -big : big;
}

function mathCosh(x) {
    var a = Math.abs(+x);
    if (a < 22) {
        var e = Math.exp(a);
        return (e + 1 / e) / 2;
    }
    var half = Math.exp(a / 2);
    return half / 2 * half;
}

function mathTanh(x) {
    x = +x;
    if (x === 0 || x !== x) {
        return x;
    }
    if (x > 20) {
        return 1;
    }
    if (x < -20) {
        return -1;
    }
    var e = mathExpm1(2 * x);
    return e / (e + 2);
}

function mathAsinh(x) {
    x = +x;
    if (x === 0 || x !== x || x === Infinity || x === -Infinity) {
        return x;
    }
    var a = Math.abs(x);
    var r = a > 1e8 ? Math.log(a) + Math.LN2 : mathLog1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
    return x < 0 ? -r : r;
}

function mathAcosh(x) {
    x = +x;
    if (x < 1) {
        return NaN;
    }
    if (x > 1e8) {
        return Math.log(x) + Math.LN2;
    }
    var t = x - 1;
    return mathLog1p(t + Math.sqrt(2 * t + t * t));
}

function mathAtanh(x) {
    x = +x;
    if (x === 0) {
        return x;
    }
    return 0.5 * mathLog1p(2 * x / (1 - x));
}

provide(Math, [
    ['fround', mathFround, 1], ['expm1', mathExpm1, 1], ['log1p', mathLog1p, 1],
    ['sinh', mathSinh, 1], ['cosh', mathCosh, 1], ['tanh', mathTanh, 1],
    ['asinh', mathAsinh, 1], ['acosh', mathAcosh, 1], ['atanh', mathAtanh, 1]
]);

/* globalThis, and `self` as in a worker's global scope. */
if (typeof globalThis === 'undefined') {
    native.defineGlobal('globalThis', global);
}
native.defineGlobal('self', global);

/* The spec helpers above, shared with the other built-in files (13-, 14-). */
/* A canonical numeric string's number (integer indices and others), or
 * undefined for other keys: the typed arrays made as proxies (BigInt64Array,
 * Float16Array) tell their elements' keys by it. Duktape passes integer
 * keys to the traps as numbers. */
function canonicalNumericKey(key) {
    if (typeof key === 'number') {
        return key;
    }
    if (typeof key !== 'string') {
        return void 0;
    }
    if (key === '-0') {
        return -0;
    }
    var n = +key;
    return String(n) === key ? n : void 0;
}

native.spec = {
    defineHidden: defineHidden,
    setNameAndLength: setNameAndLength,
    provide: provide,
    isObject: isObject,
    toIntegerOrInfinity: toIntegerOrInfinity,
    toLength: toLength,
    relativeIndex: relativeIndex,
    toObject: toObject,
    toStringValue: toStringValue,
    requireCallable: requireCallable,
    findIndexVia: findIndexVia,
    closeAfterThrow: closeAfterThrow,
    canonicalNumericKey: canonicalNumericKey
};
