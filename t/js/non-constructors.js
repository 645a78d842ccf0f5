// SPDX-License-Identifier: MIT
/*
 * Built-in methods and accessors are no constructors (js/19-non-constructors.js
 * with native.nonConstructorMethods, which walks each standard object's own
 * properties in C): `new` on them throws a TypeError and they have no
 * `prototype`; the constructors they hang on stay constructors.
 */

function isConstructor(f) {
    try {
        Reflect.construct(Object, [], f);
        return true;
    } catch (e) {
        return false;
    }
}

function hasOwn(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k);
}

test('methods written in JavaScript are no constructors', function (t) {
    var methods = [
        ['Array.prototype.includes', Array.prototype.includes],
        ['Array.prototype.flatMap', Array.prototype.flatMap],
        ['Array.from', Array.from],
        ['Object.entries', Object.entries],
        ['Object.fromEntries', Object.fromEntries],
        ['String.prototype.padStart', String.prototype.padStart],
        ['Promise.prototype.then', Promise.prototype.then],
        ['Promise.resolve', Promise.resolve],
        ['Map.prototype.set', Map.prototype.set],
        ['Set.prototype.add', Set.prototype.add],
        ['Math.trunc', Math.trunc]
    ];
    methods.forEach(function (m) {
        t.equal(typeof m[1], 'function', m[0] + ' exists');
        t.ok(!isConstructor(m[1]), m[0] + ' is no constructor');
        t.ok(!hasOwn(m[1], 'prototype'), m[0] + ' has no prototype');
    });
    t.throws(function () {
        return new Promise.prototype.then(); // eslint-disable-line new-cap
    }, TypeError, 'new on a method throws a TypeError');
});

test('symbol-keyed methods and accessors are no constructors', function (t) {
    t.ok(!isConstructor(Map.prototype[Symbol.iterator]), 'Map.prototype[Symbol.iterator]');
    t.ok(!isConstructor(Set.prototype[Symbol.iterator]), 'Set.prototype[Symbol.iterator]');
    var size = Object.getOwnPropertyDescriptor(Map.prototype, 'size');
    t.equal(typeof size.get, 'function', 'Map.prototype.size is an accessor');
    t.ok(!isConstructor(size.get), 'its getter is no constructor');
    var proto = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');
    t.ok(!isConstructor(proto.get) && !isConstructor(proto.set), '__proto__ getter and setter');
    var flags = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags');
    t.ok(flags && !isConstructor(flags.get), 'RegExp.prototype.flags getter');
});

test('constructors stay constructors', function (t) {
    [Promise, Map, Set, WeakMap, WeakSet, Array, Object, String, Date, RegExp, ArrayBuffer, BigInt64Array]
        .forEach(function (C) {
            t.ok(isConstructor(C), C.name + ' is a constructor');
            t.equal(C.prototype.constructor, C, C.name + '.prototype.constructor');
        });
    t.ok(new Map([[1, 2]]).get(1) === 2, 'new Map works');
});

test("the runtime's functions named in lower case are no constructors, its capitalized ones are", function (t) {
    /* lib/duk_hooks.c fcw_duk_apply_runtime_marks: the runtime's own
     * convention, as the spec has it for the built-ins it provides */
    var functions = [
        ['fetch', fetch], ['setTimeout', setTimeout], ['clearTimeout', clearTimeout], ['atob', atob],
        ['btoa', btoa], ['structuredClone', structuredClone], ['queueMicrotask', queueMicrotask],
        ['Response.json', Response.json], ['Response.redirect', Response.redirect],
        ['AbortSignal.timeout', AbortSignal.timeout]
    ];
    functions.forEach(function (f) {
        t.equal(typeof f[1], 'function', f[0] + ' exists');
        t.ok(!isConstructor(f[1]), f[0] + ' is no constructor');
        t.ok(!hasOwn(f[1], 'prototype'), f[0] + ' has no prototype');
    });
    t.throws(function () { return new fetch('http://x/'); }, TypeError, 'new fetch() throws a TypeError');
    [Headers, Request, Response, URL, URLSearchParams, TextEncoder, TextDecoder, AbortController, Blob, FormData,
        ReadableStream, WritableStream, TransformStream, Event, EventTarget, DOMException].forEach(function (C) {
        t.ok(isConstructor(C), C.name + ' is a constructor');
        t.equal(C.prototype.constructor, C, C.name + '.prototype.constructor');
    });
    t.equal(new Headers({ a: '1' }).get('a'), '1', 'new Headers works');
    t.ok(new Response('x') instanceof Response, 'and new Response');
});

test('functions of user code keep their prototype', function (t) {
    var o = { m: function () {} };
    t.ok(isConstructor(o.m), 'a function in an object literal is a constructor');
    t.ok(hasOwn(o.m, 'prototype'), 'and has its prototype');
});

test('built-in methods inherit from Function.prototype', function (t) {
    var targets = [['Object', Object], ['Object.prototype', Object.prototype], ['Array', Array],
        ['Array.prototype', Array.prototype], ['String.prototype', String.prototype], ['JSON', JSON],
        ['Reflect', Reflect], ['RegExp.prototype', RegExp.prototype], ['Map.prototype', Map.prototype],
        ['Set.prototype', Set.prototype], ['Promise', Promise], ['Date.prototype', Date.prototype],
        ['Number.prototype', Number.prototype], ['Math', Math]];
    var wrong = [], count = 0;
    targets.forEach(function (target) {
        Object.getOwnPropertyNames(target[1]).forEach(function (key) {
            var d = Object.getOwnPropertyDescriptor(target[1], key);
            [d.value, d.get, d.set].forEach(function (f) {
                if (typeof f === 'function' && key !== 'constructor') {
                    count++;
                    if (Object.getPrototypeOf(f) !== Function.prototype) {
                        wrong.push(target[0] + '.' + key);
                    }
                }
            });
        });
    });
    t.ok(count > 200, count + ' methods and accessors looked at');
    t.equal(wrong.join(' '), '', 'each has Function.prototype as its prototype (Object.keys, JSON.stringify, ...)');
    t.equal(Object.keys.name + ' ' + Object.keys.length, 'keys 1', 'and keeps its name and length');
    t.equal(Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.name, 'get flags', 'an accessor too');
});
