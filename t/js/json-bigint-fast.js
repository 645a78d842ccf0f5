// SPDX-License-Identifier: MIT
/* JSON.stringify once the heap has BigInts (js/16-bigint.js): plain data
 * goes straight to the engine's encoder (native.jsonPlain looks at it
 * first), anything that could run code or hide a BigInt takes the checked
 * path, and both give what the spec says. */
var big = BigInt(7);

function deep(levels, leaf) {
    var v = leaf;
    for (var i = 0; i < levels; i++) {
        v = { level: i, next: [v] };
    }
    return v;
}

test('plain data: the same text as before the first BigInt', function (t) {
    t.equal(JSON.stringify({ a: 1, b: [2, 'x', null, true], c: { d: 'e' } }), '{"a":1,"b":[2,"x",null,true],"c":{"d":"e"}}');
    t.equal(JSON.stringify([1, 'two', { three: 3 }]), '[1,"two",{"three":3}]');
    t.equal(JSON.stringify('s'), '"s"');
    t.equal(JSON.stringify(5), '5');
    t.equal(JSON.stringify(null), 'null');
    t.equal(JSON.stringify(void 0), void 0);
    t.equal(JSON.stringify({ f: function () {}, u: void 0, n: NaN }), '{"n":null}', 'functions and undefined left out');
    t.equal(JSON.stringify({ a: 1, b: { c: 2 } }, null, 2), '{\n  "a": 1,\n  "b": {\n    "c": 2\n  }\n}', 'spacing');
    t.equal(JSON.stringify({ a: 1, b: 2, c: 3 }, ['c', 'a']), '{"c":3,"a":1}', 'an array replacer, in its order');
    var o = {};
    Object.defineProperty(o, 'hidden', { value: big, enumerable: false });
    o.shown = 1;
    t.equal(JSON.stringify(o), '{"shown":1}', 'a non-enumerable BigInt is not serialized');
    var sym = {};
    sym[Symbol('k')] = big;
    t.equal(JSON.stringify(sym), '{}', 'a BigInt under a symbol key is not serialized');
    var inherits = Object.create({ big: big });
    inherits.own = 2;
    t.equal(JSON.stringify(inherits), '{"own":2}', 'an inherited BigInt is not serialized');
    t.equal(JSON.stringify(deep(100, 'leaf')).length > 1000, true, 'deeper than the quick look (100 levels)');
    t.equal(JSON.stringify(new Date(0)), '"1970-01-01T00:00:00.000Z"', 'a Date (toJSON)');
    t.equal(JSON.stringify({ when: new Date(0) }), '{"when":"1970-01-01T00:00:00.000Z"}');
    t.equal(JSON.stringify([new Number(3), new String('s'), new Boolean(false)]), '[3,"s",false]', 'boxed primitives');
    t.equal(JSON.stringify(new Uint8Array([1, 2])), '{"0":1,"1":2}', 'a typed array');
    var holes = [1, , 3];
    t.equal(JSON.stringify(holes), '[1,null,3]', 'a hole is null');
    t.equal(JSON.stringify(new Map([[1, 2]])), '{}', 'a Map');
    var valueOf = Number.prototype.valueOf;
    Number.prototype.valueOf = function () { return 42; };
    try {
        t.equal(JSON.stringify([new Number(1)]), '[42]', 'a boxed number is unboxed through valueOf');
    } finally {
        Number.prototype.valueOf = valueOf;
    }
});

test('a BigInt is a TypeError wherever it is', function (t) {
    t.throws(function () { JSON.stringify(big); }, TypeError, 'at the top');
    t.throws(function () { JSON.stringify({ a: { b: [1, { c: big }] } }); }, TypeError, 'nested');
    t.throws(function () { JSON.stringify(deep(100, big)); }, TypeError, 'below the quick look\'s depth');
    t.throws(function () { JSON.stringify(Object.create(big)); }, TypeError, 'an object inheriting from a BigInt');
    var getter = {};
    Object.defineProperty(getter, 'g', { get: function () { return big; }, enumerable: true });
    t.throws(function () { JSON.stringify({ x: getter }); }, TypeError, 'from a getter');
    t.throws(function () { JSON.stringify({ x: { toJSON: function () { return big; } } }); }, TypeError, 'from toJSON');
    var proto = { toJSON: function () { return [big]; } };
    t.throws(function () { JSON.stringify([Object.create(proto)]); }, TypeError, 'from an inherited toJSON');
    t.throws(function () { JSON.stringify(new Proxy({}, { ownKeys: function () { return ['p']; },
        getOwnPropertyDescriptor: function () { return { value: big, enumerable: true, configurable: true }; },
        get: function () { return big; } })); }, TypeError, 'from a proxy');
    Array.prototype[1] = big;
    try {
        t.throws(function () { JSON.stringify([1, , 3]); }, TypeError, 'a hole read through Array.prototype');
    } finally {
        delete Array.prototype[1];
    }
    t.equal(JSON.stringify({ a: big }, function (k, v) { return v === big ? 'seven' : v; }), '{"a":"seven"}',
        'a replacer function sees every value');
});

test('cycles are still a TypeError', function (t) {
    var a = { name: 'a' };
    a.self = a;
    t.throws(function () { JSON.stringify(a); }, TypeError, 'an object');
    var list = [1];
    list.push({ back: list });
    t.throws(function () { JSON.stringify(list); }, TypeError, 'through an array');
    var shared = { v: 1 };
    t.equal(JSON.stringify([shared, shared, { s: shared }]), '[{"v":1},{"v":1},{"s":{"v":1}}]', 'a shared object is no cycle');
});

test('toJSON on BigInt.prototype', function (t) {
    BigInt.prototype.toJSON = function () { return this.toString() + 'n'; };
    try {
        t.equal(JSON.stringify({ a: big, b: [BigInt(3)] }), '{"a":"7n","b":["3n"]}');
    } finally {
        delete BigInt.prototype.toJSON;
    }
    t.throws(function () { JSON.stringify({ a: big }); }, TypeError, 'and a TypeError again once removed');
});
