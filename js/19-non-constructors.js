// SPDX-License-Identifier: MIT
/*
 * Built-in methods are not constructors (ECMA-262 §18: "Built-in function
 * objects that are not identified as constructors do not implement
 * [[Construct]]"), and neither are the accessors of built-in properties.
 * The runtime writes many of them in JavaScript (js/12..19), where every
 * function could be called with `new` and has a `prototype`: once they are
 * all in place, this walks the standard objects they hang on and makes each
 * such function no constructor (native.nonConstructor, lib/api_builtins.c).
 * Constructors themselves (the `constructor` properties and the classes
 * hung on namespaces) are left alone.
 */
'use strict';

(function () {
    var getProto = Object.getPrototypeOf;
    var typedArrayPrototype = getProto(Uint8Array.prototype);
    var targets = [Object, Object.prototype, Function.prototype, Array, Array.prototype, String,
        String.prototype, Number, Number.prototype, Boolean.prototype, Symbol, Symbol.prototype,
        Math, JSON, Reflect, Date, Date.prototype, RegExp, RegExp.prototype, Error.prototype,
        Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype, WeakMap.prototype,
        WeakSet.prototype, ArrayBuffer, ArrayBuffer.prototype, DataView.prototype,
        getProto(Uint8Array), typedArrayPrototype, BigInt, BigInt.prototype,
        getProto([][Symbol.iterator]()), getProto(''[Symbol.iterator]())];
    if (typeof BigInt64Array === 'function') {
        targets.push(getProto(BigInt64Array.prototype), getProto(BigInt64Array));
    }
    function mark(fn) {
        if (typeof fn === 'function') {
            native.nonConstructor(fn);
        }
    }
    for (var i = 0; i < targets.length; i++) {
        var target = targets[i];
        if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
            continue;
        }
        var keys = Object.getOwnPropertyNames(target).concat(Object.getOwnPropertySymbols(target));
        for (var k = 0; k < keys.length; k++) {
            var key = keys[k];
            if (key === 'constructor' || key === 'prototype') {
                continue;
            }
            var desc = Object.getOwnPropertyDescriptor(target, key);
            if (desc.get || desc.set) {
                mark(desc.get);
                mark(desc.set);
            } else if (typeof desc.value === 'function' && desc.value !== target.constructor &&
                       !/^[A-Z]/.test(typeof key === 'string' ? key : '')) {
                mark(desc.value);
            }
        }
    }
})();
