// SPDX-License-Identifier: MIT
/*
 * Just before 14-es2025.js: the intrinsics that file keeps, taken at start
 * (native.es2025Start). 14-es2025.js is loaded on first use in every
 * process (lib/runtime_lazy.c): by the global Iterator, or by a call of
 * one of the built-in methods it adds, which this file then installs in
 * its place, in the same order, with the same name and length:
 * Object.groupBy, Map.groupBy, Set.prototype's union ... isDisjointFrom,
 * Iterator.prototype's constructor and @@toStringTag accessors and map ...
 * find, Array.fromAsync, String.prototype's isWellFormed and toWellFormed.
 * Each is a forwarder (native.forwarder, in C: no `arguments` object to
 * pass them on) that loads 14-es2025.js on its first call and calls that
 * file's own (native.es2025), and stays the method, as 19-intl-methods.js
 * does for Intl's.
 */
'use strict';

var spec = native.spec;
var IteratorPrototype = native.IteratorPrototype;
var NativeMap = global.Map;
var NativeSet = global.Set;

native.es2025Start = {
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

/* A built-in method that calls 14-es2025.js's function of that key
 * (native.forwarder), named after the key's last part unless named. */
function fwd(key, length, name) {
    return native.forwarder(name === void 0 ? key.slice(key.lastIndexOf('.') + 1) : name, length, key, their);
}

/* Iterator.prototype's accessors: the getter as given (named as there),
 * the setter 14-es2025.js's. */
function accessor(key, name, getter) {
    var setter = fwd('set ' + name, 1, 'set ' + name);
    spec.setNameAndLength(getter, 'get ' + name, 0);
    Object.defineProperty(IteratorPrototype, key, { get: getter, set: setter, enumerable: false, configurable: true });
}

spec.defineHidden(Object, 'groupBy', fwd('Object.groupBy', 2));
spec.defineHidden(Map, 'groupBy', fwd('Map.groupBy', 2));
spec.defineHidden(NativeSet.prototype, 'union', fwd('Set.prototype.union', 1));
spec.defineHidden(NativeSet.prototype, 'intersection', fwd('Set.prototype.intersection', 1));
spec.defineHidden(NativeSet.prototype, 'difference', fwd('Set.prototype.difference', 1));
spec.defineHidden(NativeSet.prototype, 'symmetricDifference', fwd('Set.prototype.symmetricDifference', 1));
spec.defineHidden(NativeSet.prototype, 'isSubsetOf', fwd('Set.prototype.isSubsetOf', 1));
spec.defineHidden(NativeSet.prototype, 'isSupersetOf', fwd('Set.prototype.isSupersetOf', 1));
spec.defineHidden(NativeSet.prototype, 'isDisjointFrom', fwd('Set.prototype.isDisjointFrom', 1));
accessor('constructor', 'constructor', fwd('get constructor', 0, 'get constructor'));
accessor(Symbol.toStringTag, '[Symbol.toStringTag]', function () {
    "use duk notail";
    return 'Iterator'; /* what 14-es2025.js's getter returns */
});
spec.defineHidden(IteratorPrototype, 'map', fwd('Iterator.prototype.map', 1));
spec.defineHidden(IteratorPrototype, 'filter', fwd('Iterator.prototype.filter', 1));
spec.defineHidden(IteratorPrototype, 'take', fwd('Iterator.prototype.take', 1));
spec.defineHidden(IteratorPrototype, 'drop', fwd('Iterator.prototype.drop', 1));
spec.defineHidden(IteratorPrototype, 'flatMap', fwd('Iterator.prototype.flatMap', 1));
spec.defineHidden(IteratorPrototype, 'reduce', fwd('Iterator.prototype.reduce', 1));
spec.defineHidden(IteratorPrototype, 'toArray', fwd('Iterator.prototype.toArray', 0));
spec.defineHidden(IteratorPrototype, 'forEach', fwd('Iterator.prototype.forEach', 1));
spec.defineHidden(IteratorPrototype, 'some', fwd('Iterator.prototype.some', 1));
spec.defineHidden(IteratorPrototype, 'every', fwd('Iterator.prototype.every', 1));
spec.defineHidden(IteratorPrototype, 'find', fwd('Iterator.prototype.find', 1));
if (IteratorPrototype[Symbol.iterator] !== void 0) {
    native.nonConstructor(IteratorPrototype[Symbol.iterator]);
}
spec.defineHidden(Array, 'fromAsync', fwd('Array.fromAsync', 1));
spec.defineHidden(String.prototype, 'isWellFormed', fwd('String.prototype.isWellFormed', 0));
spec.defineHidden(String.prototype, 'toWellFormed', fwd('String.prototype.toWellFormed', 0));
