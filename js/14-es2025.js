// SPDX-License-Identifier: MIT
/*
 * Library functions of ECMAScript 2023–2025 that recent V8 (and so
 * Cloudflare Workers) has and Duktape 2.7 lacks:
 *
 *   - Object.groupBy and Map.groupBy (ES2024);
 *   - the Set methods union, intersection, difference,
 *     symmetricDifference, isSubsetOf, isSupersetOf and isDisjointFrom
 *     (ES2025), which take any set-like argument through
 *     GetSetRecord (its size, has and keys: a Map works);
 *   - Array.fromAsync (as in the current draft), run as an async
 *     function body on the runtime's own Promise (native.asyncStart);
 *   - the iterator helpers (ES2025): the global Iterator, whose
 *     prototype is the runtime's %IteratorPrototype% (js/11-collections.js),
 *     which every iterator of the runtime already inherits from (array,
 *     string, Map, Set, RegExp string iterators, the generators of
 *     fcworker-build's lowering), Iterator.from and the methods map, filter,
 *     take, drop, flatMap, reduce, toArray, forEach, some, every and find,
 *     and Iterator.concat (ES2026);
 *   - String.prototype.isWellFormed and toWellFormed (ES2024).
 *
 * The abstract operations are named as the spec names them (GetSetRecord,
 * GetIteratorDirect, IteratorStepValue, IteratorClose, ...).
 *
 * The helpers map/filter/take/drop/flatMap return an Iterator Helper
 * object: the spec writes each as an abstract closure run as a generator;
 * here the closure is a step function over a record kept under a hidden
 * key, with the generator's states (suspended-start, suspended-yield,
 * executing, completed). Everything here takes the runtime's intrinsics
 * as they are at start-up (Set.prototype.add, the Set iterator's next and
 * so on), so an app that replaces them does not change these algorithms.
 */
'use strict';

var spec = native.spec;
var setNameAndLength = spec.setNameAndLength;
var provide = spec.provide;
var isObject = spec.isObject;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var toLength = spec.toLength;
var requireCallable = spec.requireCallable;
var toStringValue = spec.toStringValue;
var nonConstructor = native.nonConstructor;

var MAX_SAFE_INTEGER = 9007199254740991;
var IteratorPrototype = native.IteratorPrototype;

/* The intrinsics as they were at start (user code may replace the
 * methods), which 14-es2025-methods.js took just before this file's turn:
 * in a process for one request this file is loaded on first use
 * (lib/runtime_lazy.c), by the global Iterator or a call of one of the
 * methods, which that file then installs in its place. */
var START = native.es2025Start;
var NativeMap = START.Map;
var NativeSet = START.Set;
var mapGet = START.mapGet;
var mapSet = START.mapSet;
var setAdd = START.setAdd;
var setHas = START.setHas;
var setDelete = START.setDelete;
var setValues = START.setValues;
var setSizeGetter = START.setSizeGetter;
var setIteratorNext = START.setIteratorNext;
var promiseThen = START.promiseThen;
var SYMBOL_ITERATOR = START.iterator;
var SYMBOL_ASYNC_ITERATOR = START.asyncIterator;
/* The public functions, for 14-es2025-methods.js: name -> function */
var PUBLISHED = native.es2025 = {};

/* Methods written here are not constructors (ECMA-262, clause 18). Those
 * of the built-ins are published under where: loaded on first use, this
 * file leaves the built-ins alone (they hold 14-es2025-methods.js's
 * forwarders, or what the script made of them). */
function provideMethods(target, entries, where) {
    if (where === void 0) {
        provide(target, entries);
    }
    for (var i = 0; i < entries.length; i++) {
        if (target[entries[i][0]] === entries[i][1]) {
            nonConstructor(entries[i][1]);
        }
        if (where !== void 0) {
            PUBLISHED[where + entries[i][0]] = entries[i][1];
        }
    }
}

/* A BigInt of js/16-bigint.js (loaded later), which is an object here but
 * a primitive to the spec. (A proxy is none, and its traps do not see the
 * test.) */
function isBigInt(x) {
    return native.bigint !== void 0 && !native.isProxy(x) && native.bigint.isBig(x);
}

/* An Object to the spec: not a BigInt. */
function isObjectValue(x) {
    return isObject(x) && !isBigInt(x);
}

/* ToNumber: a BigInt throws. */
function toNumber(x) {
    if (isBigInt(x)) {
        throw new TypeError('Cannot convert a BigInt value to a number');
    }
    return +x;
}

function iterResult(value, done) {
    return { value: value, done: done };
}

/* IsConstructor(C): Reflect.construct refuses a newTarget that is not one. */
function DummyConstructor() {
}

function isConstructor(C) {
    if (typeof C !== 'function') {
        return false;
    }
    try {
        Reflect.construct(DummyConstructor, [], C);
        return true;
    } catch (e) {
        return false;
    }
}

/* ---- iterator records ---- */

function IteratorRecord(iterator, next) {
    this.iterator = iterator;
    this.next = next;
}

var DONE = {};

/* GetIteratorDirect. */
function getIteratorDirect(obj) {
    return new IteratorRecord(obj, obj.next);
}

/* GetIteratorFromMethod. */
function getIteratorFromMethod(obj, method) {
    var iterator = method.call(obj);
    if (!isObject(iterator)) {
        throw new TypeError('Result of the Symbol.iterator method is not an object');
    }
    return getIteratorDirect(iterator);
}

/* GetIterator(obj, sync). */
function getIterator(obj) {
    var method = obj === void 0 || obj === null ? void 0 : obj[SYMBOL_ITERATOR];
    if (method === void 0 || method === null) {
        throw new TypeError(String(typeof obj === 'symbol' ? 'symbol' : obj) + ' is not iterable');
    }
    return getIteratorFromMethod(obj, requireCallable(method, 'Symbol.iterator'));
}

/* IteratorStep: the result object, or DONE. */
function iteratorStep(record) {
    var next = record.next;
    if (typeof next !== 'function') {
        throw new TypeError('iterator.next is not a function');
    }
    var result = next.call(record.iterator);
    if (!isObject(result)) {
        throw new TypeError('Iterator result ' + String(result) + ' is not an object');
    }
    return result.done ? DONE : result;
}

/* IteratorStepValue: the next value, or DONE. */
function iteratorStepValue(record) {
    var result = iteratorStep(record);
    return result === DONE ? DONE : result.value;
}

/* IteratorClose(record, normal completion): errors of the return
 * method, and a result that is not an object, are thrown. */
function closeIterator(iterator) {
    var returnMethod = iterator['return'];
    if (returnMethod === void 0 || returnMethod === null) {
        return;
    }
    var result = requireCallable(returnMethod, 'iterator.return').call(iterator);
    if (!isObject(result)) {
        throw new TypeError('Iterator result ' + String(result) + ' is not an object');
    }
}

/* IteratorClose(record, throw completion): the original exception wins
 * (the caller throws it); js/12-builtins.js's. */
var closeAfterThrow = spec.closeAfterThrow;

/* ---- Object.groupBy, Map.groupBy (GroupBy) ---- */

/* ToPropertyKey. */
function toPropertyKey(key) {
    if (isObject(key)) {
        var holder = {};
        holder[key] = true;
        var keys = Reflect.ownKeys(holder);
        return keys[0];
    }
    return typeof key === 'symbol' ? key : String(key);
}

/* The groups as [keys, lists] in the order of their first element. */
function groupBy(items, callbackfn, propertyKeys, what) {
    if (items === void 0 || items === null) {
        throw new TypeError(what + ' called on null or undefined');
    }
    requireCallable(callbackfn, what);
    var record = getIterator(items);
    var index = new NativeMap();
    var keys = [];
    var lists = [];
    for (var k = 0; ; k++) {
        if (k >= MAX_SAFE_INTEGER) {
            var error = new TypeError(what + ': too many elements');
            closeAfterThrow(record.iterator);
            throw error;
        }
        var value = iteratorStepValue(record);
        if (value === DONE) {
            return [keys, lists];
        }
        var key;
        try {
            key = callbackfn(value, k);
            if (propertyKeys) {
                key = toPropertyKey(key);
            } else if (key === 0) {
                key = 0; /* CanonicalizeKeyedCollectionKey: -0 is +0 */
            }
        } catch (e) {
            closeAfterThrow(record.iterator);
            throw e;
        }
        var list = mapGet.call(index, key);
        if (list === void 0) {
            list = [];
            mapSet.call(index, key, list);
            keys.push(key);
            lists.push(list);
        }
        list.push(value);
    }
}

function objectGroupBy(items, callbackfn) {
    var groups = groupBy(items, callbackfn, true, 'Object.groupBy');
    var obj = Object.create(null);
    for (var i = 0; i < groups[0].length; i++) {
        Object.defineProperty(obj, groups[0][i], {
            value: groups[1][i], writable: true, enumerable: true, configurable: true
        });
    }
    return obj;
}

function mapGroupBy(items, callbackfn) {
    var groups = groupBy(items, callbackfn, false, 'Map.groupBy');
    var map = new NativeMap();
    for (var i = 0; i < groups[0].length; i++) {
        mapSet.call(map, groups[0][i], groups[1][i]);
    }
    return map;
}

provideMethods(Object, [['groupBy', objectGroupBy, 2]], 'Object.');
provideMethods(NativeMap, [['groupBy', mapGroupBy, 2]], 'Map.');

/* ---- Set methods ---- */

/* RequireInternalSlot(O, [[SetData]]): the size getter's brand check. */
function thisSetSize(O) {
    return setSizeGetter.call(O);
}

function SetRecord(obj, size, has, keys) {
    this.obj = obj;
    this.size = size;
    this.has = has;
    this.keys = keys;
}

/* GetSetRecord. */
function getSetRecord(obj, what) {
    if (!isObjectValue(obj)) {
        throw new TypeError(what + ': the argument must be an object');
    }
    var numSize = toNumber(obj.size);
    if (numSize !== numSize) {
        throw new TypeError(what + ": the argument's size is not a number");
    }
    var intSize = toIntegerOrInfinity(numSize);
    if (intSize < 0) {
        throw new RangeError(what + ": the argument's size is negative");
    }
    var has = obj.has;
    if (typeof has !== 'function') {
        throw new TypeError(what + ": the argument's has is not a function");
    }
    var keys = obj.keys;
    if (typeof keys !== 'function') {
        throw new TypeError(what + ": the argument's keys is not a function");
    }
    return new SetRecord(obj, intSize, has, keys);
}

/* The keys iterator of a set record (GetIteratorFromMethod). */
function setRecordKeys(record) {
    return getIteratorFromMethod(record.obj, record.keys);
}

function otherHas(record, value) {
    return !!record.has.call(record.obj, value);
}

/* A live iterator over O.[[SetData]]: it sees elements added meanwhile,
 * as the spec's index over the list does. */
function setDataIterator(O) {
    return setValues.call(O);
}

function setDataNext(iterator) {
    var result = setIteratorNext.call(iterator);
    return result.done ? DONE : result.value;
}

/* A new Set with the elements of O. */
function copySetData(O) {
    var result = new NativeSet();
    var iterator = setDataIterator(O);
    for (var value = setDataNext(iterator); value !== DONE; value = setDataNext(iterator)) {
        setAdd.call(result, value);
    }
    return result;
}

function setUnion(other) {
    thisSetSize(this);
    var otherRec = getSetRecord(other, 'Set.prototype.union');
    var keysIter = setRecordKeys(otherRec);
    var result = copySetData(this);
    for (var next = iteratorStepValue(keysIter); next !== DONE; next = iteratorStepValue(keysIter)) {
        setAdd.call(result, next);
    }
    return result;
}

function setIntersection(other) {
    var O = this;
    var size = thisSetSize(O);
    var otherRec = getSetRecord(other, 'Set.prototype.intersection');
    var result = new NativeSet();
    var next;
    if (size <= otherRec.size) {
        var iterator = setDataIterator(O);
        for (next = setDataNext(iterator); next !== DONE; next = setDataNext(iterator)) {
            if (otherHas(otherRec, next)) {
                setAdd.call(result, next);
            }
        }
    } else {
        var keysIter = setRecordKeys(otherRec);
        for (next = iteratorStepValue(keysIter); next !== DONE; next = iteratorStepValue(keysIter)) {
            if (setHas.call(O, next)) {
                setAdd.call(result, next);
            }
        }
    }
    return result;
}

function setDifference(other) {
    var O = this;
    var size = thisSetSize(O);
    var otherRec = getSetRecord(other, 'Set.prototype.difference');
    var result = copySetData(O);
    var next;
    if (size <= otherRec.size) {
        /* over the elements the copy started with */
        var iterator = setDataIterator(result);
        var elements = [];
        for (next = setDataNext(iterator); next !== DONE; next = setDataNext(iterator)) {
            elements.push(next);
        }
        for (var i = 0; i < elements.length; i++) {
            if (otherHas(otherRec, elements[i])) {
                setDelete.call(result, elements[i]);
            }
        }
    } else {
        var keysIter = setRecordKeys(otherRec);
        for (next = iteratorStepValue(keysIter); next !== DONE; next = iteratorStepValue(keysIter)) {
            setDelete.call(result, next);
        }
    }
    return result;
}

function setSymmetricDifference(other) {
    var O = this;
    thisSetSize(O);
    var otherRec = getSetRecord(other, 'Set.prototype.symmetricDifference');
    var keysIter = setRecordKeys(otherRec);
    var result = copySetData(O);
    for (var next = iteratorStepValue(keysIter); next !== DONE; next = iteratorStepValue(keysIter)) {
        var alreadyInResult = setHas.call(result, next);
        if (setHas.call(O, next)) {
            if (alreadyInResult) {
                setDelete.call(result, next);
            }
        } else if (!alreadyInResult) {
            setAdd.call(result, next);
        }
    }
    return result;
}

function setIsSubsetOf(other) {
    var O = this;
    var size = thisSetSize(O);
    var otherRec = getSetRecord(other, 'Set.prototype.isSubsetOf');
    if (size > otherRec.size) {
        return false;
    }
    var iterator = setDataIterator(O);
    for (var next = setDataNext(iterator); next !== DONE; next = setDataNext(iterator)) {
        if (!otherHas(otherRec, next)) {
            return false;
        }
    }
    return true;
}

function setIsSupersetOf(other) {
    var O = this;
    var size = thisSetSize(O);
    var otherRec = getSetRecord(other, 'Set.prototype.isSupersetOf');
    if (size < otherRec.size) {
        return false;
    }
    var keysIter = setRecordKeys(otherRec);
    for (var next = iteratorStepValue(keysIter); next !== DONE; next = iteratorStepValue(keysIter)) {
        if (!setHas.call(O, next)) {
            closeIterator(keysIter.iterator);
            return false;
        }
    }
    return true;
}

function setIsDisjointFrom(other) {
    var O = this;
    var size = thisSetSize(O);
    var otherRec = getSetRecord(other, 'Set.prototype.isDisjointFrom');
    var next;
    if (size <= otherRec.size) {
        var iterator = setDataIterator(O);
        for (next = setDataNext(iterator); next !== DONE; next = setDataNext(iterator)) {
            if (otherHas(otherRec, next)) {
                return false;
            }
        }
    } else {
        var keysIter = setRecordKeys(otherRec);
        for (next = iteratorStepValue(keysIter); next !== DONE; next = iteratorStepValue(keysIter)) {
            if (setHas.call(O, next)) {
                closeIterator(keysIter.iterator);
                return false;
            }
        }
    }
    return true;
}

provideMethods(NativeSet.prototype, [
    ['union', setUnion, 1], ['intersection', setIntersection, 1], ['difference', setDifference, 1],
    ['symmetricDifference', setSymmetricDifference, 1], ['isSubsetOf', setIsSubsetOf, 1],
    ['isSupersetOf', setIsSupersetOf, 1], ['isDisjointFrom', setIsDisjointFrom, 1]
], 'Set.prototype.');

/* ---- Iterator ---- */

/* The abstract constructor: only a subclass may construct it. Duktape
 * gives no new.target to a constructor that Reflect.construct calls (as
 * fcworker-build's super() does), so there an object made for a subclass
 * (whose prototype inherits from, and is not, Iterator.prototype) is
 * accepted. */
function Iterator() {
    if (new.target === Iterator ||
            new.target === void 0 && !(isObject(this) && this !== IteratorPrototype &&
                Object.getPrototypeOf(this) !== IteratorPrototype && IteratorPrototype.isPrototypeOf(this))) {
        throw new TypeError('Abstract class Iterator not directly constructable');
    }
}

setNameAndLength(Iterator, 'Iterator', 0);
Object.defineProperty(Iterator, 'prototype', {
    value: IteratorPrototype, writable: false, enumerable: false, configurable: false
});

/* SetterThatIgnoresPrototypeProperties. */
function setterThatIgnoresPrototypeProperties(thisValue, home, p, v) {
    if (!isObject(thisValue)) {
        throw new TypeError('Iterator.prototype setter called on a non-object');
    }
    if (thisValue === home) {
        throw new TypeError('Cannot assign to read only property of Iterator.prototype');
    }
    if (Object.getOwnPropertyDescriptor(thisValue, p) === void 0) {
        Object.defineProperty(thisValue, p, { value: v, writable: true, enumerable: true, configurable: true });
    } else {
        thisValue[p] = v;
    }
}

/* Iterator.prototype.constructor and [@@toStringTag]: accessors whose
 * setters define the property on an inheriting object. */
function weirdAccessor(key, name, value) {
    var getter = function () {
        return value;
    };
    var setter = function (v) {
        setterThatIgnoresPrototypeProperties(this, IteratorPrototype, key, v);
    };
    setNameAndLength(getter, 'get ' + name, 0);
    setNameAndLength(setter, 'set ' + name, 1);
    nonConstructor(getter);
    nonConstructor(setter);
    PUBLISHED['get ' + name] = getter;
    PUBLISHED['set ' + name] = setter; /* (14-es2025-methods.js's accessor is there) */
}

weirdAccessor('constructor', 'constructor', Iterator);
weirdAccessor(Symbol.toStringTag, '[Symbol.toStringTag]', 'Iterator');

/* GetIteratorFlattenable. */
function getIteratorFlattenable(obj, iterateStrings) {
    if (!isObjectValue(obj) && !(iterateStrings && typeof obj === 'string')) {
        throw new TypeError(String(typeof obj === 'symbol' ? 'a symbol' : obj) + ' is not an iterator or iterable');
    }
    var method = obj[SYMBOL_ITERATOR];
    var iterator;
    if (method === void 0 || method === null) {
        iterator = obj;
    } else {
        iterator = requireCallable(method, 'Symbol.iterator').call(obj);
    }
    if (!isObject(iterator)) {
        throw new TypeError('Result of the Symbol.iterator method is not an object');
    }
    return getIteratorDirect(iterator);
}

/* %WrapForValidIteratorPrototype%. */
var ITERATED = native.hiddenSymbol('wrappedIterated');
var WrapForValidIteratorPrototype = Object.create(IteratorPrototype);

function wrappedRecord(O) {
    var record = isObject(O) ? O[ITERATED] : void 0;
    if (!(record instanceof IteratorRecord)) {
        throw new TypeError('next method called on incompatible receiver');
    }
    return record;
}

function wrapNext() {
    var record = wrappedRecord(this);
    return record.next.call(record.iterator);
}

function wrapReturn() {
    var iterator = wrappedRecord(this).iterator;
    var returnMethod = iterator['return'];
    if (returnMethod === void 0 || returnMethod === null) {
        return iterResult(void 0, true);
    }
    return requireCallable(returnMethod, 'iterator.return').call(iterator);
}

provideMethods(WrapForValidIteratorPrototype, [['next', wrapNext, 0], ['return', wrapReturn, 0]]);

function iteratorFrom(O) {
    var record = getIteratorFlattenable(O, true);
    if (IteratorPrototype.isPrototypeOf(record.iterator)) {
        return record.iterator;
    }
    var wrapper = Object.create(WrapForValidIteratorPrototype);
    wrapper[ITERATED] = record;
    return wrapper;
}

provideMethods(Iterator, [['from', iteratorFrom, 1]]);

/* %IteratorHelperPrototype% and the helpers' generator states. */
var HELPER = native.hiddenSymbol('iteratorHelper');
var SUSPENDED_START = 0;
var SUSPENDED_YIELD = 1;
var EXECUTING = 2;
var COMPLETED = 3;
var IteratorHelperPrototype = Object.create(IteratorPrototype);

/* The state of one helper: the underlying iterator, the step that runs
 * its closure to the next Yield (returning the value, or DONE), the
 * callback and the closure's variables. */
function Helper(iterated, step, fn, remaining) {
    this.iterated = iterated;
    this.step = step;
    this.fn = fn;
    this.counter = 0;
    this.remaining = remaining;
    this.inner = void 0;
    this.state = SUSPENDED_START;
}

function helperOf(O, what) {
    var helper = isObject(O) ? O[HELPER] : void 0;
    if (!(helper instanceof Helper)) {
        throw new TypeError('Iterator Helper.prototype.' + what + ' called on incompatible receiver');
    }
    return helper;
}

function createIteratorHelper(helper) {
    var result = Object.create(IteratorHelperPrototype);
    result[HELPER] = helper;
    return result;
}

/* %IteratorHelperPrototype%.next: GeneratorResume. */
function helperNext() {
    var helper = helperOf(this, 'next');
    if (helper.state === EXECUTING) {
        throw new TypeError('Generator is already running');
    }
    if (helper.state === COMPLETED) {
        return iterResult(void 0, true);
    }
    helper.state = EXECUTING;
    var value;
    try {
        value = helper.step(helper);
    } catch (e) {
        helper.state = COMPLETED;
        throw e;
    }
    if (value === DONE) {
        helper.state = COMPLETED;
        return iterResult(void 0, true);
    }
    helper.state = SUSPENDED_YIELD;
    return iterResult(value, false);
}

/* %IteratorHelperPrototype%.return: closes the underlying iterator (and
 * flatMap's inner one) and completes. */
function helperReturn() {
    var helper = helperOf(this, 'return');
    var state = helper.state;
    if (state === EXECUTING) {
        throw new TypeError('Generator is already running');
    }
    if (state === COMPLETED) {
        return iterResult(void 0, true);
    }
    helper.state = state === SUSPENDED_START ? COMPLETED : EXECUTING;
    try {
        var inner = helper.inner;
        if (inner !== void 0) {
            helper.inner = void 0;
            try {
                closeIterator(inner.iterator);
            } catch (e) {
                closeAfterThrow(helper.iterated.iterator);
                throw e;
            }
        }
        closeIterator(helper.iterated.iterator);
    } finally {
        helper.state = COMPLETED;
    }
    return iterResult(void 0, true);
}

provideMethods(IteratorHelperPrototype, [['next', helperNext, 0], ['return', helperReturn, 0]]);
Object.defineProperty(IteratorHelperPrototype, Symbol.toStringTag, {
    value: 'Iterator Helper', writable: false, enumerable: false, configurable: true
});

/* Calls the helper's callback; an exception closes the underlying
 * iterator (IfAbruptCloseIterator). */
function callBack(helper, value) {
    try {
        return helper.fn.call(void 0, value, helper.counter++);
    } catch (e) {
        closeAfterThrow(helper.iterated.iterator);
        throw e;
    }
}

/* Iterator.concat(...items) (ES2026): an Iterator Helper over each
 * item's iterator in turn, each opened when the one before is done (the
 * items' Symbol.iterator methods are all looked up first). Its helper has
 * the items as fn, the next one's index as counter, the open one as inner
 * (which return() closes) and no underlying iterator of its own. */
var NO_ITERATOR = new IteratorRecord({}, void 0);

function concatStep(helper) {
    for (;;) {
        if (helper.inner === void 0) {
            if (helper.counter >= helper.fn.length) {
                return DONE;
            }
            var item = helper.fn[helper.counter++];
            helper.inner = getIteratorFromMethod(item.iterable, item.method);
        }
        var value = iteratorStepValue(helper.inner);
        if (value !== DONE) {
            return value;
        }
        helper.inner = void 0;
    }
}

function iteratorConcat() {
    var items = [];
    for (var i = 0; i < arguments.length; i++) {
        var item = arguments[i];
        if (!isObjectValue(item)) {
            throw new TypeError('Iterator.concat: argument ' + i + ' is not an object');
        }
        var method = item[SYMBOL_ITERATOR];
        if (method === void 0 || method === null) {
            throw new TypeError('Iterator.concat: argument ' + i + ' is not iterable');
        }
        items.push({ iterable: item, method: requireCallable(method, 'Symbol.iterator') });
    }
    return createIteratorHelper(new Helper(NO_ITERATOR, concatStep, items, void 0));
}

provideMethods(Iterator, [['concat', iteratorConcat, 0]]);

function mapStep(helper) {
    var value = iteratorStepValue(helper.iterated);
    return value === DONE ? DONE : callBack(helper, value);
}

function filterStep(helper) {
    for (;;) {
        var value = iteratorStepValue(helper.iterated);
        if (value === DONE || callBack(helper, value)) {
            return value;
        }
    }
}

function takeStep(helper) {
    if (helper.remaining === 0) {
        closeIterator(helper.iterated.iterator);
        return DONE;
    }
    if (helper.remaining !== Infinity) {
        helper.remaining--;
    }
    return iteratorStepValue(helper.iterated);
}

function dropStep(helper) {
    while (helper.remaining > 0) {
        if (helper.remaining !== Infinity) {
            helper.remaining--;
        }
        if (iteratorStep(helper.iterated) === DONE) {
            return DONE;
        }
    }
    return iteratorStepValue(helper.iterated);
}

function flatMapStep(helper) {
    for (;;) {
        var inner = helper.inner;
        if (inner !== void 0) {
            var innerValue;
            try {
                innerValue = iteratorStepValue(inner);
            } catch (e) {
                helper.inner = void 0;
                closeAfterThrow(helper.iterated.iterator);
                throw e;
            }
            if (innerValue !== DONE) {
                return innerValue;
            }
            helper.inner = void 0;
        }
        var value = iteratorStepValue(helper.iterated);
        if (value === DONE) {
            return DONE;
        }
        var mapped = callBack(helper, value);
        try {
            helper.inner = getIteratorFlattenable(mapped, false);
        } catch (e) {
            closeAfterThrow(helper.iterated.iterator);
            throw e;
        }
    }
}

/* The receiver check of every Iterator.prototype method. */
function thisIterator(O, what) {
    if (!isObjectValue(O)) {
        throw new TypeError('Iterator.prototype.' + what + ' called on a non-object');
    }
    return O;
}

/* A callback argument that is not callable closes the receiver first. */
function requireCallback(O, fn, what) {
    if (typeof fn !== 'function') {
        var error = new TypeError('Iterator.prototype.' + what + ': ' +
            String(typeof fn === 'symbol' ? 'a symbol' : fn) + ' is not a function');
        closeAfterThrow(O);
        throw error;
    }
}

/* The limit of take and drop: a RangeError (closing the receiver) unless
 * it is a number from 0 to 2^53 - 1 or +Infinity. */
function toLimit(O, limit, what) {
    var numLimit;
    try {
        numLimit = toNumber(limit);
    } catch (e) {
        closeAfterThrow(O);
        throw e;
    }
    if (numLimit !== numLimit || numLimit !== Infinity && numLimit > MAX_SAFE_INTEGER ||
            toIntegerOrInfinity(numLimit) < 0) {
        var error = new RangeError('Iterator.prototype.' + what + ': ' + String(limit) + ' must be positive');
        closeAfterThrow(O);
        throw error;
    }
    return toIntegerOrInfinity(numLimit);
}

function callbackHelper(O, fn, what, step) {
    thisIterator(O, what);
    requireCallback(O, fn, what);
    return createIteratorHelper(new Helper(getIteratorDirect(O), step, fn, 0));
}

function iteratorMap(mapper) {
    return callbackHelper(this, mapper, 'map', mapStep);
}

function iteratorFilter(predicate) {
    return callbackHelper(this, predicate, 'filter', filterStep);
}

function iteratorFlatMap(mapper) {
    return callbackHelper(this, mapper, 'flatMap', flatMapStep);
}

function iteratorTake(limit) {
    var O = thisIterator(this, 'take');
    var remaining = toLimit(O, limit, 'take');
    return createIteratorHelper(new Helper(getIteratorDirect(O), takeStep, void 0, remaining));
}

function iteratorDrop(limit) {
    var O = thisIterator(this, 'drop');
    var remaining = toLimit(O, limit, 'drop');
    return createIteratorHelper(new Helper(getIteratorDirect(O), dropStep, void 0, remaining));
}

function iteratorReduce(reducer) {
    var O = thisIterator(this, 'reduce');
    requireCallback(O, reducer, 'reduce');
    var record = getIteratorDirect(O);
    var accumulator, counter, value;
    if (arguments.length < 2) {
        accumulator = iteratorStepValue(record);
        if (accumulator === DONE) {
            throw new TypeError('Reduce of empty iterator with no initial value');
        }
        counter = 1;
    } else {
        accumulator = arguments[1];
        counter = 0;
    }
    for (value = iteratorStepValue(record); value !== DONE; value = iteratorStepValue(record)) {
        try {
            accumulator = reducer.call(void 0, accumulator, value, counter++);
        } catch (e) {
            closeAfterThrow(O);
            throw e;
        }
    }
    return accumulator;
}

function iteratorToArray() {
    var record = getIteratorDirect(thisIterator(this, 'toArray'));
    var items = [];
    for (var value = iteratorStepValue(record); value !== DONE; value = iteratorStepValue(record)) {
        items.push(value);
    }
    return items;
}

/* forEach, some, every and find: calls fn for each value; stops (closing
 * the iterator) at the first result whose truth is `stopOn`. Returns
 * [value] for that one, or undefined. */
function walk(O, fn, what, stopOn) {
    thisIterator(O, what);
    requireCallback(O, fn, what);
    var record = getIteratorDirect(O);
    var counter = 0;
    for (var value = iteratorStepValue(record); value !== DONE; value = iteratorStepValue(record)) {
        var result;
        try {
            result = fn.call(void 0, value, counter++);
        } catch (e) {
            closeAfterThrow(O);
            throw e;
        }
        if (stopOn !== void 0 && !!result === stopOn) {
            closeIterator(O);
            return [value];
        }
    }
    return void 0;
}

function iteratorForEach(fn) {
    walk(this, fn, 'forEach', void 0);
}

function iteratorSome(predicate) {
    return walk(this, predicate, 'some', true) !== void 0;
}

function iteratorEvery(predicate) {
    return walk(this, predicate, 'every', false) === void 0;
}

function iteratorFind(predicate) {
    var found = walk(this, predicate, 'find', true);
    return found === void 0 ? void 0 : found[0];
}

provideMethods(IteratorPrototype, [
    ['map', iteratorMap, 1], ['filter', iteratorFilter, 1], ['take', iteratorTake, 1],
    ['drop', iteratorDrop, 1], ['flatMap', iteratorFlatMap, 1], ['reduce', iteratorReduce, 1],
    ['toArray', iteratorToArray, 0], ['forEach', iteratorForEach, 1], ['some', iteratorSome, 1],
    ['every', iteratorEvery, 1], ['find', iteratorFind, 1]
], 'Iterator.prototype.');
if (IteratorPrototype[Symbol.iterator] !== void 0) {
    nonConstructor(IteratorPrototype[Symbol.iterator]);
}

native.defineGlobal('Iterator', Iterator);

/* ---- Array.fromAsync ---- */

/* CreateAsyncFromSyncIterator: next and return answer
 * promises of the sync iterator's results, their values awaited. */
function AsyncFromSyncIterator(record) {
    this.record = record;
}

/* AsyncFromSyncIteratorContinuation. */
function asyncFromSyncContinuation(result, record, closeOnRejection) {
    var done = !!result.done;
    var value = result.value;
    var valueWrapper;
    try {
        valueWrapper = native.promiseResolve(value);
    } catch (e) {
        if (!done && closeOnRejection) {
            closeAfterThrow(record.iterator);
        }
        throw e;
    }
    return promiseThen.call(valueWrapper, function (v) {
        return iterResult(v, done);
    }, function (error) {
        if (!done && closeOnRejection) {
            closeAfterThrow(record.iterator);
        }
        throw error;
    });
}

AsyncFromSyncIterator.prototype.next = function () {
    var record = this.record;
    try {
        var result = record.next.call(record.iterator);
        if (!isObject(result)) {
            throw new TypeError('Iterator result ' + String(result) + ' is not an object');
        }
        return asyncFromSyncContinuation(result, record, true);
    } catch (e) {
        return native.promiseReject(e);
    }
};

AsyncFromSyncIterator.prototype['return'] = function () {
    var record = this.record;
    try {
        var returnMethod = record.iterator['return'];
        if (returnMethod === void 0 || returnMethod === null) {
            return native.promiseResolve(iterResult(void 0, true));
        }
        var result = returnMethod.call(record.iterator);
        if (!isObject(result)) {
            throw new TypeError('Iterator result ' + String(result) + ' is not an object');
        }
        return asyncFromSyncContinuation(result, record, false);
    } catch (e) {
        return native.promiseReject(e);
    }
};

/* The closure of Array.fromAsync as the generator of an async function:
 * native.asyncStart drives it, awaiting each value it yields (Await) and
 * resuming it with next(value) or throw(reason). `phase` says which await
 * it is suspended at. */
var FA_START = 0;
var FA_NEXT = 1; /* awaiting the iterator's next() result */
var FA_MAPPED = 2; /* awaiting mapfn's result (iterator) */
var FA_CLOSING = 3; /* awaiting the return() result of AsyncIteratorClose */
var FA_ITEM = 4; /* awaiting an array-like's element */
var FA_ITEM_MAPPED = 5; /* awaiting mapfn's result (array-like) */

function FromAsync(C, asyncItems, mapfn, thisArg) {
    this.C = C;
    this.items = asyncItems;
    this.mapfn = mapfn;
    this.thisArg = thisArg;
    this.phase = FA_START;
    this.record = void 0;
    this.arrayLike = void 0;
    this.len = 0;
    this.A = void 0;
    this.k = 0;
    this.error = void 0;
}

function createDataPropertyOrThrow(A, k, value) {
    if (!Reflect.defineProperty(A, String(k), {
        value: value, writable: true, enumerable: true, configurable: true
    })) {
        throw new TypeError('Cannot add property ' + k + ', object is not extensible');
    }
}

function setLength(A, len) {
    if (!Reflect.set(A, 'length', len, A)) {
        throw new TypeError('Cannot assign to read only property \'length\'');
    }
}

/* AsyncIteratorClose with a throw completion: calls return(), awaits its
 * result, and then throws the error. */
function fromAsyncClose(run, error) {
    var iterator = run.record.iterator;
    var result;
    try {
        var returnMethod = iterator['return'];
        if (returnMethod === void 0 || returnMethod === null) {
            throw error;
        }
        result = returnMethod.call(iterator);
    } catch (e) {
        throw error;
    }
    run.error = error;
    run.phase = FA_CLOSING;
    return { value: result, done: false };
}

function fromAsyncStart(run) {
    var mapfn = run.mapfn;
    if (mapfn !== void 0) {
        requireCallable(mapfn, 'Array.fromAsync');
    }
    var items = run.items;
    if (items === void 0 || items === null) {
        throw new TypeError(String(items) + ' is not async iterable, iterable or array-like');
    }
    var usingAsyncIterator = items[SYMBOL_ASYNC_ITERATOR];
    var usingSyncIterator = void 0;
    if (usingAsyncIterator === void 0 || usingAsyncIterator === null) {
        usingAsyncIterator = void 0;
        usingSyncIterator = items[SYMBOL_ITERATOR];
        if (usingSyncIterator === null) {
            usingSyncIterator = void 0;
        }
    }
    if (usingAsyncIterator !== void 0) {
        run.record = getIteratorFromMethod(items, requireCallable(usingAsyncIterator, 'Symbol.asyncIterator'));
    } else if (usingSyncIterator !== void 0) {
        var syncRecord = getIteratorFromMethod(items, requireCallable(usingSyncIterator, 'Symbol.iterator'));
        var asyncIterator = new AsyncFromSyncIterator(syncRecord);
        run.record = new IteratorRecord(asyncIterator, asyncIterator.next);
    }
    if (run.record !== void 0) {
        run.A = isConstructor(run.C) ? new run.C() : [];
        return fromAsyncIteratorNext(run);
    }
    run.arrayLike = Object(items);
    run.len = toLength(toNumber(run.arrayLike.length));
    run.A = isConstructor(run.C) ? new run.C(run.len) : new Array(run.len);
    return fromAsyncItem(run);
}

function fromAsyncIteratorNext(run) {
    if (run.k >= MAX_SAFE_INTEGER) {
        return fromAsyncClose(run, new TypeError('Array.fromAsync: too many elements'));
    }
    var record = run.record;
    run.phase = FA_NEXT;
    return { value: record.next.call(record.iterator), done: false };
}

function fromAsyncDefine(run, value) {
    try {
        createDataPropertyOrThrow(run.A, run.k, value);
    } catch (e) {
        return fromAsyncClose(run, e);
    }
    run.k++;
    return fromAsyncIteratorNext(run);
}

function fromAsyncItem(run) {
    if (run.k >= run.len) {
        setLength(run.A, run.len);
        return { value: run.A, done: true };
    }
    run.phase = FA_ITEM;
    return { value: run.arrayLike[run.k], done: false };
}

/* Resumes the closure after an await that fulfilled with value. */
function fromAsyncResume(run, value) {
    var mapped;
    switch (run.phase) {
    case FA_START:
        return fromAsyncStart(run);
    case FA_NEXT:
        if (!isObject(value)) {
            throw new TypeError('Iterator result ' + String(value) + ' is not an object');
        }
        if (value.done) {
            setLength(run.A, run.k);
            return { value: run.A, done: true };
        }
        var nextValue = value.value;
        if (run.mapfn === void 0) {
            return fromAsyncDefine(run, nextValue);
        }
        try {
            mapped = run.mapfn.call(run.thisArg, nextValue, run.k);
        } catch (e) {
            return fromAsyncClose(run, e);
        }
        run.phase = FA_MAPPED;
        return { value: mapped, done: false };
    case FA_MAPPED:
        return fromAsyncDefine(run, value);
    case FA_ITEM:
        if (run.mapfn !== void 0) {
            mapped = run.mapfn.call(run.thisArg, value, run.k);
            run.phase = FA_ITEM_MAPPED;
            return { value: mapped, done: false };
        }
        createDataPropertyOrThrow(run.A, run.k, value);
        run.k++;
        return fromAsyncItem(run);
    case FA_ITEM_MAPPED:
        createDataPropertyOrThrow(run.A, run.k, value);
        run.k++;
        return fromAsyncItem(run);
    default: /* FA_CLOSING: return()'s result awaited; the error wins */
        throw run.error;
    }
}

/* Resumes the closure after an await that rejected with reason. */
function fromAsyncThrow(run, reason) {
    if (run.phase === FA_MAPPED) {
        return fromAsyncClose(run, reason);
    }
    if (run.phase === FA_CLOSING) {
        throw run.error;
    }
    throw reason;
}

function FromAsyncGenerator(run) {
    this.run = run;
}

FromAsyncGenerator.prototype.next = function (value) {
    return fromAsyncResume(this.run, value);
};

FromAsyncGenerator.prototype['throw'] = function (reason) {
    return fromAsyncThrow(this.run, reason);
};

function arrayFromAsync(asyncItems, mapfn, thisArg) {
    return native.asyncStart(new FromAsyncGenerator(new FromAsync(this, asyncItems, mapfn, thisArg)));
}

provideMethods(Array, [['fromAsync', arrayFromAsync, 1]], 'Array.');

/* ---- String.prototype.isWellFormed, toWellFormed ---- */

function thisString(value, what) {
    if (value === void 0 || value === null) {
        throw new TypeError('String.prototype.' + what + ' called on null or undefined');
    }
    return toStringValue(value);
}

/* The index of the first lone surrogate of S from index `from`, or -1. */
function loneSurrogateIndex(S, from) {
    for (var i = from; i < S.length; i++) {
        var c = S.charCodeAt(i);
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < S.length) {
                var d = S.charCodeAt(i + 1);
                if (d >= 0xDC00 && d <= 0xDFFF) {
                    i++;
                    continue;
                }
            }
            return i;
        }
    }
    return -1;
}

function stringIsWellFormed() {
    var S = thisString(this, 'isWellFormed');
    return loneSurrogateIndex(S, 0) < 0;
}

function stringToWellFormed() {
    var S = thisString(this, 'toWellFormed');
    var i = loneSurrogateIndex(S, 0);
    if (i < 0) {
        return S;
    }
    var result = '';
    var start = 0;
    while (i >= 0) {
        result += S.slice(start, i) + '\uFFFD';
        start = i + 1;
        i = loneSurrogateIndex(S, start);
    }
    return result + S.slice(start);
}

provideMethods(String.prototype, [['isWellFormed', stringIsWellFormed, 0], ['toWellFormed', stringToWellFormed, 0]],
    'String.prototype.');
