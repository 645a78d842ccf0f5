// SPDX-License-Identifier: MIT
/*
 * native.defineData and native.defineAccessor (lib/api_fastpath.c): the
 * runtime's property definitions, Object.defineProperty without the
 * descriptor object. Each case is compared with what Object.defineProperty
 * makes of the same descriptor. Needs the private native object
 * (t/define-data.t runs this file with it; t/js.t skips it).
 */

function visible() {
    return typeof native === 'object' && typeof native.defineData === 'function';
}

function describe(o, key) {
    var d = Object.getOwnPropertyDescriptor(o, key);
    if (d === undefined) {
        return 'absent';
    }
    return JSON.stringify(Object.keys(d).sort().map(function (k) {
        var v = d[k];
        return k + '=' + (typeof v === 'function' ? 'fn:' + v.name : String(v));
    }));
}

var WRITABLE = 1, ENUMERABLE = 2, CONFIGURABLE = 4;

test('defineData: the attributes as Object.defineProperty sets them', function (t) {
    if (!visible()) {
        t.comment('skipped: the runtime\'s native object is not visible to this test');
        return;
    }
    for (var attrs = 0; attrs < 8; attrs++) {
        var a = {}, b = {};
        var r = native.defineData(a, 'k', attrs * 10, attrs);
        Object.defineProperty(b, 'k', { value: attrs * 10, writable: !!(attrs & WRITABLE),
            enumerable: !!(attrs & ENUMERABLE), configurable: !!(attrs & CONFIGURABLE) });
        t.equal(describe(a, 'k'), describe(b, 'k'), 'attrs ' + attrs);
        t.ok(r === undefined, 'returns undefined');
    }
    var s = Symbol('s'), o = {};
    native.defineData(o, s, 'sym', WRITABLE | CONFIGURABLE);
    t.equal(o[s], 'sym', 'a symbol key');
    native.defineData(o, 7, 'seven', ENUMERABLE);
    t.deepEqual(Object.keys(o), ['7'], 'a number key is its string');
    var arr = [1, 2];
    native.defineData(arr, 'length', 1, WRITABLE);
    t.deepEqual([arr.length, arr[1]], [1, undefined], "an array's length cuts it, as for Object.defineProperty");
});

test('defineData: a redefinition follows the same rules', function (t) {
    if (!visible()) {
        return;
    }
    var o = {};
    native.defineData(o, 'fixed', 1, 0);
    t.throws(function () { native.defineData(o, 'fixed', 2, WRITABLE); }, TypeError,
        'a non-configurable property cannot change: TypeError');
    t.equal(o.fixed, 1, 'and keeps its value');
    native.defineData(o, 'fixed', 1, 0);
    t.equal(describe(o, 'fixed'), describe(Object.defineProperty({}, 'fixed', { value: 1 }), 'fixed'),
        'the same definition again is allowed');
    var f = function named() {};
    native.defineData(f, 'name', 'other', CONFIGURABLE);
    native.defineData(f, 'length', 3, CONFIGURABLE);
    t.deepEqual([f.name, f.length], ['other', 3], "a function's name and length");
    t.equal(describe(f, 'name'), describe(Object.defineProperty(function x() {}, 'name', { value: 'other' }), 'name'),
        "as the partial descriptor leaves a function's name");
    var frozen = Object.freeze({});
    t.throws(function () { native.defineData(frozen, 'x', 1, 7); }, TypeError, 'a frozen object: TypeError');
});

test('defineAccessor: get and set, an undefined one left out of the descriptor', function (t) {
    if (!visible()) {
        return;
    }
    function g() { return 'got'; }
    function s(v) { this.seen = v; }
    for (var attrs = 0; attrs < 8; attrs += 2) {
        var a = {}, b = {};
        native.defineAccessor(a, 'k', g, s, attrs);
        Object.defineProperty(b, 'k', { get: g, set: s, enumerable: !!(attrs & ENUMERABLE),
            configurable: !!(attrs & CONFIGURABLE) });
        t.equal(describe(a, 'k'), describe(b, 'k'), 'attrs ' + attrs);
    }
    var o = {};
    native.defineAccessor(o, 'k', g, void 0, CONFIGURABLE | ENUMERABLE);
    t.equal(describe(o, 'k'), describe(Object.defineProperty({}, 'k', { get: g, enumerable: true, configurable: true }), 'k'),
        'a getter alone');
    native.defineAccessor(o, 'k', void 0, s, CONFIGURABLE | ENUMERABLE);
    t.deepEqual([o.k, typeof Object.getOwnPropertyDescriptor(o, 'k').set], ['got', 'function'],
        'then a setter alone keeps the getter, as a descriptor without get does');
    t.throws(function () { native.defineAccessor({}, 'k', 5, void 0, CONFIGURABLE); }, TypeError,
        'a getter that is not callable: TypeError');
});

test('a Proxy target gets the descriptor through its trap; a primitive the TypeError', function (t) {
    if (!visible()) {
        return;
    }
    var seen = [];
    var p = new Proxy({}, {
        defineProperty: function (target, key, desc) {
            seen.push([key, JSON.stringify(desc)]);
            return Reflect.defineProperty(target, key, desc);
        }
    });
    native.defineData(p, 'k', 1, WRITABLE | CONFIGURABLE);
    native.defineAccessor(p, 'a', function get() { return 2; }, void 0, ENUMERABLE);
    t.deepEqual(seen, [['k', '{"value":1,"writable":true,"enumerable":false,"configurable":true}'],
        ['a', '{"enumerable":true,"configurable":false}']], 'the trap sees each descriptor');
    t.deepEqual([p.k, p.a], [1, 2], 'and the definitions hold');
    t.throws(function () { native.defineData(1, 'k', 1, 7); }, TypeError, 'a number: TypeError');
    t.throws(function () { native.defineData(void 0, 'k', 1, 7); }, TypeError, 'undefined: TypeError');
});
