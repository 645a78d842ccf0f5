// SPDX-License-Identifier: MIT
/* The globals of the runtime's groups loaded on first use
 * (lib/runtime_lazy.c: some in a pool, all in a process for one request)
 * look as they would had their group been loaded at start: asked for its
 * descriptor, such a global is the usual data property (writable,
 * configurable, not enumerable), through Object.getOwnPropertyDescriptor,
 * Reflect.getOwnPropertyDescriptor and Object.getOwnPropertyDescriptors
 * alike. Each check uses a global no check before it has touched. */
function isDataGlobal(t, d, name) {
    t.ok(d !== undefined, name + ' has a descriptor');
    t.equal(typeof d.value, 'function', name + ': its value is the constructor');
    t.equal(d.get, undefined, name + ': no getter');
    t.equal(d.set, undefined, name + ': no setter');
    t.equal(d.writable, true, name + ': writable');
    t.equal(d.enumerable, false, name + ': not enumerable');
    t.equal(d.configurable, true, name + ': configurable');
}

test('lazy globals: Object.getOwnPropertyDescriptor', function (t) {
    t.ok('HTMLRewriter' in globalThis, 'the global is there before its first use');
    isDataGlobal(t, Object.getOwnPropertyDescriptor(globalThis, 'HTMLRewriter'), 'HTMLRewriter');
    isDataGlobal(t, Object.getOwnPropertyDescriptor(globalThis, 'SuppressedError'), 'SuppressedError');
    t.equal(new SuppressedError(1, 2, 'm').message, 'm', 'and it works');
});

test('lazy globals: Reflect.getOwnPropertyDescriptor', function (t) {
    isDataGlobal(t, Reflect.getOwnPropertyDescriptor(globalThis, 'WebSocket'), 'WebSocket');
    isDataGlobal(t, Reflect.getOwnPropertyDescriptor(globalThis, 'TextDecoderStream'), 'TextDecoderStream');
});

test('lazy globals: Object.getOwnPropertyDescriptors', function (t) {
    var all = Object.getOwnPropertyDescriptors(globalThis);
    isDataGlobal(t, all.CompressionStream, 'CompressionStream');
    isDataGlobal(t, all.URLPattern, 'URLPattern');
    t.equal(typeof all.crypto.value, 'object', 'crypto: its value is the Crypto object');
    t.equal(all.crypto.get, undefined, 'crypto: no getter');
});

test('lazy globals: the descriptor functions are the built-ins otherwise', function (t) {
    t.equal(Object.getOwnPropertyDescriptor.name, 'getOwnPropertyDescriptor', 'name');
    t.equal(Object.getOwnPropertyDescriptor.length, 2, 'length');
    t.equal(Object.getOwnPropertyDescriptors.length, 1, 'getOwnPropertyDescriptors length');
    t.equal(Reflect.getOwnPropertyDescriptor.length, 2, 'Reflect length');
    t.throws(function () { return new Object.getOwnPropertyDescriptor({}, 'a'); }, TypeError, 'no constructor');
    t.deepEqual(Object.getOwnPropertyDescriptor({ a: 1 }, 'a'),
        { value: 1, writable: true, enumerable: true, configurable: true }, 'an ordinary object');
    var s = Symbol('k'), o = {};
    o[s] = 2;
    t.equal(Object.getOwnPropertyDescriptor(o, s).value, 2, 'a symbol key');
    t.equal(Object.getOwnPropertyDescriptor(globalThis, 'noSuchGlobal'), undefined, 'a global that is not there');
    t.equal(Object.getOwnPropertyDescriptor('abc', 'length').value, 3, 'a primitive is converted');
    t.throws(function () { Object.getOwnPropertyDescriptor(undefined, 'a'); }, TypeError, 'undefined throws');
    t.throws(function () { Reflect.getOwnPropertyDescriptor('abc', 'length'); }, TypeError,
        'Reflect refuses a primitive');
    var getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(new Map()), 'size').get;
    t.equal(typeof getter, 'function', 'an accessor of the built-ins stays an accessor');
});

test('lazy groups without globals: the bindings\' files', function (t) {
    if (typeof lazyPending !== 'function') {
        t.pass('(t/jsrun tells whether a group is loaded)');
        return;
    }
    /* js/70-kv.js, 71-d1.js and 73-assets.js are loaded by js/72-bindings.js
     * for the first binding of their kind (t/kv.t, t/d1.t, t/assets.t) */
    t.ok(lazyPending('.kv'), 'no KV binding: js/70-kv.js is not loaded');
    t.ok(lazyPending('.d1'), 'no D1 binding: js/71-d1.js is not loaded');
    t.ok(lazyPending('.assets'), 'no assets: js/73-assets.js is not loaded');
    t.equal(Object.getOwnPropertyNames(globalThis).filter(function (n) { return n.charAt(0) === '.'; }).length, 0,
        'their keys are no globals');
});
