// SPDX-License-Identifier: MIT
/*
 * Array[Symbol.species] and ArraySpeciesCreate (ES2015 §10.4.2.3) for the
 * methods that make a new array from an array: concat, filter, map, slice,
 * splice, flat and flatMap give an instance of the receiver's class when
 * it is a subclass of Array (`class PacketList extends Array`, whose
 * static [Symbol.species] is Array's getter, answering `this`): openpgp's
 * message.packets.concat(...) must stay a PacketList. Duktape's methods
 * always make a plain array.
 *
 * Duktape's methods stay in place until a constructor is made to inherit
 * from Array (Object.setPrototypeOf(Sub, Array), as the lowering of
 * `class Sub extends Array` does, through js/17-proxy.js's
 * Object.setPrototypeOf): then each is wrapped once, so code without Array
 * subclasses pays nothing. A wrapper lets Duktape's method do the work and,
 * for an array whose constructor's [Symbol.species] is a constructor other
 * than Array, copies the result into `new C(n)` (n as the specification
 * passes it: the length for map, the count for slice and splice, 0 for the
 * others). Unlike the specification, the species constructor is called
 * after the callbacks of map, filter and flatMap rather than before.
 */
'use strict';

var spec = native.spec;
var SPECIES = Symbol.species;
var isArray = Array.isArray;
var ArrayPrototype = Array.prototype;

function speciesGetter() {
    return this;
}
spec.setNameAndLength(speciesGetter, 'get [Symbol.species]', 0);
Object.defineProperty(Array, SPECIES, { get: speciesGetter, enumerable: false, configurable: true });

/* The species constructor of array O, or null for a plain array. */
function speciesOf(O) {
    if (!isArray(O)) {
        return null;
    }
    var C = O.constructor;
    if (C === Array || C === void 0) {
        return null;
    }
    if (C !== null && (typeof C === 'object' || typeof C === 'function')) {
        C = C[SPECIES];
        if (C === null || C === void 0 || C === Array) {
            return null;
        }
    }
    if (typeof C !== 'function') {
        throw new TypeError('object.constructor[Symbol.species] is not a constructor');
    }
    return C;
}

/* result (a plain array) as an instance of C made by new C(n). */
function speciesCopy(C, n, result) {
    var A = new C(n);
    var len = result.length;
    for (var i = 0; i < len; i++) {
        if (i in result) {
            A[i] = result[i];
        }
    }
    A.length = len;
    return A;
}

/* kind: how n is found: 0 for 0, 1 for the result's length */
function wrap(name, kind) {
    var method = ArrayPrototype[name];
    var wrapper = function () {
        var C = speciesOf(this);
        var result = method.apply(this, arguments);
        return C === null ? result : speciesCopy(C, kind === 1 ? result.length : 0, result);
    };
    spec.setNameAndLength(wrapper, name, method.length);
    spec.defineHidden(ArrayPrototype, name, wrapper);
}

var enabled = false;

/* Called by Object.setPrototypeOf(obj, proto) (js/17-proxy.js). */
native.arraySpeciesFor = function (obj, proto) {
    if (enabled || typeof obj !== 'function' || typeof proto !== 'function' ||
        (proto !== Array && !Array.isPrototypeOf(proto))) {
        return;
    }
    enabled = true;
    wrap('concat', 0);
    wrap('filter', 0);
    wrap('map', 1);
    wrap('slice', 1);
    wrap('splice', 1);
    wrap('flat', 0);
    wrap('flatMap', 0);
};
