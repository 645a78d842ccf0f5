// SPDX-License-Identifier: MIT
/*
 * Just before 14-es2025.js: the intrinsics that file keeps, taken at start
 * (native.es2025Start). In a process for one request (CGI), 14-es2025.js
 * is loaded on first use (lib/runtime_lazy.c): by the global Iterator, or
 * by a call of one of the built-in methods it adds, which this file then
 * installs in its place, in the same order, with the same name, length and
 * source text: Object.groupBy, Map.groupBy, Set.prototype's union ...
 * isDisjointFrom, Iterator.prototype's constructor and @@toStringTag
 * accessors and map ... find, Array.fromAsync, String.prototype's
 * isWellFormed and toWellFormed. Each loads 14-es2025.js on its first call
 * and calls that file's own (native.es2025), and stays the method, as
 * 19-intl-methods.js does for Intl's. The directive makes each no
 * constructor (as 14-es2025.js makes its own) and names it without a scope
 * of its own (lib/duk_hooks.c).
 */
'use strict';

var spec = native.spec;
var IteratorPrototype = native.IteratorPrototype;
var NativeMap = global.Map;
var NativeSet = global.Set;
var lazy = native.isLazy('Iterator');

native.es2025Start = {
    lazy: lazy,
    Map: NativeMap,
    Set: NativeSet,
    mapGet: NativeMap.prototype.get,
    mapSet: NativeMap.prototype.set,
    setAdd: NativeSet.prototype.add,
    setHas: NativeSet.prototype.has,
    setDelete: NativeSet.prototype['delete'],
    setValues: NativeSet.prototype.values,
    setSizeGetter: Object.getOwnPropertyDescriptor(NativeSet.prototype, 'size').get,
    setIteratorNext: Object.getPrototypeOf(new NativeSet().values()).next,
    promiseThen: Promise.prototype.then,
    iterator: Symbol.iterator,
    asyncIterator: Symbol.asyncIterator
};

/* the intrinsic, whatever a script makes of Reflect.apply */
var apply = Reflect.apply;
var published = null;

/* 14-es2025.js's function of that name (loaded on the first call). */
function their(name) {
    if (published === null) {
        if (native.es2025 === void 0) {
            native.loadLazy('Iterator');
        }
        published = native.es2025;
    }
    return published[name];
}

/* Iterator.prototype's accessors: 14-es2025.js's setter, getter as given
 * (named as there). */
function accessor(key, name, getter) {
    var setter = function (v) {
        "use duk notail";
        return apply(their('set ' + name), this, arguments);
    };
    spec.setNameAndLength(getter, 'get ' + name, 0);
    spec.setNameAndLength(setter, 'set ' + name, 1);
    Object.defineProperty(IteratorPrototype, key, { get: getter, set: setter, enumerable: false, configurable: true });
}

if (lazy) {
    spec.defineHidden(Object, 'groupBy', function groupBy(items, callbackfn) {
        "use duk notail";
        return apply(their('Object.groupBy'), this, arguments);
    });
    spec.defineHidden(Map, 'groupBy', function groupBy(items, callbackfn) {
        "use duk notail";
        return apply(their('Map.groupBy'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'union', function union(other) {
        "use duk notail";
        return apply(their('Set.prototype.union'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'intersection', function intersection(other) {
        "use duk notail";
        return apply(their('Set.prototype.intersection'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'difference', function difference(other) {
        "use duk notail";
        return apply(their('Set.prototype.difference'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'symmetricDifference', function symmetricDifference(other) {
        "use duk notail";
        return apply(their('Set.prototype.symmetricDifference'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'isSubsetOf', function isSubsetOf(other) {
        "use duk notail";
        return apply(their('Set.prototype.isSubsetOf'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'isSupersetOf', function isSupersetOf(other) {
        "use duk notail";
        return apply(their('Set.prototype.isSupersetOf'), this, arguments);
    });
    spec.defineHidden(NativeSet.prototype, 'isDisjointFrom', function isDisjointFrom(other) {
        "use duk notail";
        return apply(their('Set.prototype.isDisjointFrom'), this, arguments);
    });
    accessor('constructor', 'constructor', function () {
        "use duk notail";
        return apply(their('get constructor'), this, arguments);
    });
    accessor(Symbol.toStringTag, '[Symbol.toStringTag]', function () {
        "use duk notail";
        return 'Iterator'; /* what 14-es2025.js's getter returns */
    });
    spec.defineHidden(IteratorPrototype, 'map', function map(mapper) {
        "use duk notail";
        return apply(their('Iterator.prototype.map'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'filter', function filter(predicate) {
        "use duk notail";
        return apply(their('Iterator.prototype.filter'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'take', function take(limit) {
        "use duk notail";
        return apply(their('Iterator.prototype.take'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'drop', function drop(limit) {
        "use duk notail";
        return apply(their('Iterator.prototype.drop'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'flatMap', function flatMap(mapper) {
        "use duk notail";
        return apply(their('Iterator.prototype.flatMap'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'reduce', function reduce(reducer) {
        "use duk notail";
        return apply(their('Iterator.prototype.reduce'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'toArray', function toArray() {
        "use duk notail";
        return apply(their('Iterator.prototype.toArray'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'forEach', function forEach(fn) {
        "use duk notail";
        return apply(their('Iterator.prototype.forEach'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'some', function some(predicate) {
        "use duk notail";
        return apply(their('Iterator.prototype.some'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'every', function every(predicate) {
        "use duk notail";
        return apply(their('Iterator.prototype.every'), this, arguments);
    });
    spec.defineHidden(IteratorPrototype, 'find', function find(predicate) {
        "use duk notail";
        return apply(their('Iterator.prototype.find'), this, arguments);
    });
    if (IteratorPrototype[Symbol.iterator] !== void 0) {
        native.nonConstructor(IteratorPrototype[Symbol.iterator]);
    }
    spec.defineHidden(Array, 'fromAsync', function fromAsync(asyncItems) {
        "use duk notail";
        return apply(their('Array.fromAsync'), this, arguments);
    });
    spec.defineHidden(String.prototype, 'isWellFormed', function isWellFormed() {
        "use duk notail";
        return apply(their('String.prototype.isWellFormed'), this, arguments);
    });
    spec.defineHidden(String.prototype, 'toWellFormed', function toWellFormed() {
        "use duk notail";
        return apply(their('String.prototype.toWellFormed'), this, arguments);
    });
}
