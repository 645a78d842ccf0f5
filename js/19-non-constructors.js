// SPDX-License-Identifier: MIT
/*
 * Built-in methods are not constructors (ECMA-262 §18: "Built-in function
 * objects that are not identified as constructors do not implement
 * [[Construct]]"), and neither are the accessors of built-in properties.
 * The runtime writes many of them in JavaScript (js/12..19), where every
 * function could be called with `new` and has a `prototype`: once they are
 * all in place, this walks the standard objects they hang on and makes each
 * such function no constructor (native.nonConstructorMethods: getters,
 * setters and function-valued properties; lib/duk_hooks.c walks each
 * object's own properties in C, a fifth of a CGI start-up in JavaScript).
 * Constructors themselves (the `constructor` properties and the classes
 * hung on namespaces, under keys starting with a capital) are left alone.
 * 17-bigint-arrays.js, which a process for one request loads on first use,
 * walks its own prototype.
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
        getProto([][Symbol.iterator]()), getProto(''[Symbol.iterator]()), native.AsyncIteratorPrototype];
    for (var i = 0; i < targets.length; i++) {
        native.nonConstructorMethods(targets[i]);
    }
})();
