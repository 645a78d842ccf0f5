// SPDX-License-Identifier: MIT
/*
 * Map, Set, WeakMap, WeakSet (ECMAScript 2022 §24.1-§24.4): SameValueZero
 * keys, insertion order, iteration that sees additions and skips deletions,
 * iterator objects, constructors, receivers and property shapes.
 */

function collect(iterator) {
    var out = [];
    for (var r = iterator.next(); !r.done; r = iterator.next()) {
        out.push(r.value);
    }
    return out;
}

test('Map: SameValueZero keys (§24.1.3.9, §7.2.11)', function (t) {
    var m = new Map();
    m.set(NaN, 'nan');
    t.equal(m.get(NaN), 'nan', 'NaN finds NaN');
    m.set(-0, 'zero');
    t.equal(m.get(0), 'zero', '-0 and +0 are the same key');
    t.ok(Object.is(m.keys().next().value, NaN), 'first key is NaN');
    var keys = collect(m.keys());
    t.ok(Object.is(keys[1], 0), 'a -0 key is stored as +0');
    m.set('1', 'string');
    m.set(1, 'number');
    t.equal(m.get('1'), 'string', 'string "1" is distinct from number 1');
    t.equal(m.get(1), 'number', 'number 1');
    m.set(true, 'bool').set('true', 'str-true');
    t.equal(m.get(true), 'bool', 'true is distinct from "true"');
    m.set(null, 'null').set(undefined, 'undef').set('null', 'str-null');
    t.equal(m.get(null), 'null', 'null key');
    t.equal(m.get(undefined), 'undef', 'undefined key');
    t.ok(!m.has('undefined'), '"undefined" is not undefined');
    var a = {};
    var b = {};
    m.set(a, 'a');
    t.equal(m.get(a), 'a', 'object identity');
    t.ok(!m.has(b), 'a different object is a different key');
    var s1 = Symbol('x');
    var s2 = Symbol('x');
    m.set(s1, 1);
    t.ok(m.has(s1) && !m.has(s2), 'symbols by identity');
    t.equal(m.size, 11, 'size counts distinct keys');
});

test('Map: objects that cannot take an id still work as keys', function (t) {
    var frozen = Object.freeze({});
    var sealed = Object.preventExtensions({});
    var proto = {};
    var child = Object.create(proto);
    var frozenChild = Object.freeze(Object.create(proto));
    var m = new Map([[proto, 'proto']]);
    m.set(frozen, 'frozen').set(sealed, 'sealed');
    t.equal(m.get(frozen), 'frozen', 'frozen object key');
    t.equal(m.get(sealed), 'sealed', 'non-extensible object key');
    t.ok(!m.has(child), 'an object does not match its prototype key');
    t.ok(!m.has(frozenChild), 'a frozen object does not match its prototype key');
    m.set(child, 'child').set(frozenChild, 'frozenChild');
    t.equal(m.get(child), 'child', 'child has its own entry');
    t.equal(m.get(frozenChild), 'frozenChild', 'frozen child has its own entry');
    t.equal(m.get(proto), 'proto', 'prototype entry unchanged');
    t.ok(m['delete'](frozen) && !m.has(frozen), 'delete a frozen key');
    t.equal(m.size, 4, 'size after delete');
    t.deepEqual(Object.getOwnPropertyNames(child), [], 'no visible string property added to keys');
    t.equal(JSON.stringify(child), '{}', 'keys still serialise the same');
});

test('Map: insertion order, update keeps position (§24.1.3.9)', function (t) {
    var m = new Map([['a', 1], ['b', 2], ['c', 3]]);
    m.set('a', 10);
    t.deepEqual(collect(m.entries()), [['a', 10], ['b', 2], ['c', 3]], 'updating keeps the original position');
    m['delete']('a');
    m.set('a', 11);
    t.deepEqual(collect(m.keys()), ['b', 'c', 'a'], 're-adding after delete appends');
    t.deepEqual(collect(m.values()), [2, 3, 11], 'values in order');
    t.equal(m.set('z', 0), m, 'set returns the map');
    t.equal(m['delete']('nope'), false, 'delete of a missing key returns false');
});

test('Map: forEach sees additions and skips deletions made during iteration (§24.1.3.5)', function (t) {
    var m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
    var seen = [];
    var receiver = {};
    m.forEach(function (value, key, map) {
        seen.push(key);
        t.equal(this, receiver, 'thisArg is passed');
        if (key === 1) {
            map['delete'](2);
            map.set(4, 'd');
        }
        t.equal(map, m, 'third argument is the map');
    }, receiver);
    t.deepEqual(seen, [1, 3, 4], 'deleted key skipped, added key visited');
    t.throws(function () {
        m.forEach(5);
    }, TypeError, 'non-callable callback throws');
});

test('Map: iterators survive clear() and many deletions', function (t) {
    var m = new Map();
    var i;
    for (i = 0; i < 100; i++) {
        m.set(i, i);
    }
    var it = m.keys();
    t.deepEqual([it.next().value, it.next().value], [0, 1], 'first two keys');
    for (i = 0; i < 90; i++) {
        m['delete'](i);
    }
    t.equal(it.next().value, 90, 'continues at the first live key after mass deletion');
    m.clear();
    t.equal(m.size, 0, 'clear empties');
    m.set('new', 1);
    t.deepEqual(it.next(), { value: 'new', done: false }, 'iterator sees entries added after clear');
    t.deepEqual(it.next(), { value: undefined, done: true }, 'then is done');
    m.set('later', 2);
    t.deepEqual(it.next(), { value: undefined, done: true }, 'a finished iterator stays finished');
});

test('Map: an iterator in the middle keeps its place while entries around it go', function (t) {
    var m = new Map();
    var i;
    for (i = 0; i < 100; i++) {
        m.set('k' + i, i);
    }
    var it = m.values();
    for (i = 0; i < 60; i++) {
        it.next();
    }
    for (i = 0; i < 55; i++) {
        m['delete']('k' + i);
    }
    for (i = 70; i < 100; i++) {
        m['delete']('k' + i);
    }
    m.set('tail', 'T');
    t.deepEqual(collect(it), [60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 'T'],
        'resumes at the next entry in insertion order, then the added one');
    t.deepEqual(Array.from(m.keys()).slice(0, 3), ['k55', 'k56', 'k57'], 'survivors keep their order');
    t.equal(m.get('k65'), 65, 'lookups still work');
});

test('Map: iterator objects (§24.1.5)', function (t) {
    var m = new Map([['k', 'v']]);
    var it = m[Symbol.iterator]();
    t.equal(Map.prototype[Symbol.iterator], Map.prototype.entries, '@@iterator is entries');
    t.equal(it[Symbol.iterator](), it, 'iterator[@@iterator]() returns itself');
    t.equal(Object.prototype.toString.call(it), '[object Map Iterator]', 'Map Iterator tag');
    var proto = Object.getPrototypeOf(Object.getPrototypeOf(it));
    t.equal(typeof proto[Symbol.iterator], 'function', 'inherits from %IteratorPrototype%');
    t.ok(!Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(it), Symbol.iterator),
        '@@iterator is not an own property of %MapIteratorPrototype%');
    t.deepEqual(Object.keys(it), [], 'no enumerable own properties on iterators');
    t.throws(function () {
        it.next.call({});
    }, TypeError, 'next on a non-iterator throws');
    t.throws(function () {
        it.next.call(new Set([1]).values());
    }, TypeError, 'Map iterator next rejects a Set iterator');
});

test('Map: constructor and receivers (§24.1.1)', function (t) {
    t.throws(function () {
        Map();
    }, TypeError, 'Map() without new throws');
    t.throws(function () {
        return new Map([1]);
    }, TypeError, 'non-object entries throw');
    t.throws(function () {
        return new Map(5);
    }, TypeError, 'non-iterable argument throws');
    t.equal(new Map(null).size, 0, 'null iterable gives an empty map');
    t.throws(function () {
        Map.prototype.get.call({}, 1);
    }, TypeError, 'get on a non-Map throws');
    t.throws(function () {
        Map.prototype.get.call(new Set(), 1);
    }, TypeError, 'get on a Set throws');
    t.throws(function () {
        Map.prototype.has.call(Object.create(new Map()), 1);
    }, TypeError, 'an object inheriting from a Map is not a Map');
    var closed = 0;
    var iterable = {};
    iterable[Symbol.iterator] = function () {
        return {
            next: function () { return { value: 'bad', done: false }; },
            'return': function () { closed += 1; return {}; }
        };
    };
    t.throws(function () {
        return new Map(iterable);
    }, TypeError, 'a non-object entry from an iterator throws');
    t.equal(closed, 1, 'and closes the iterator');
    var set = Map.prototype.set;
    var calls = 0;
    Map.prototype.set = function (k, v) {
        calls += 1;
        return set.call(this, k, v);
    };
    try {
        new Map([[1, 1], [2, 2]]);
    } finally {
        Map.prototype.set = set;
    }
    t.equal(calls, 2, 'the constructor adds entries through this.set');
});

test('Map: property shapes (§24.1.2, §24.1.3)', function (t) {
    t.equal(Map.length, 0, 'Map.length is 0');
    t.equal(Map.prototype.set.length, 2, 'set.length is 2');
    t.equal(Map.prototype.get.length, 1, 'get.length is 1');
    t.equal(Map.prototype.forEach.length, 1, 'forEach.length is 1');
    t.equal(Map.prototype.set.name, 'set', 'set.name');
    var size = Object.getOwnPropertyDescriptor(Map.prototype, 'size');
    t.ok(typeof size.get === 'function' && size.set === undefined && !size.enumerable, 'size is a getter only');
    t.equal(size.get.name, 'get size', 'size getter name');
    t.ok(!Object.getOwnPropertyDescriptor(Map.prototype, 'get').enumerable, 'methods are non-enumerable');
    t.equal(Object.prototype.toString.call(new Map()), '[object Map]', 'Map tag');
    t.deepEqual(Object.keys(new Map([[1, 2]])), [], 'no enumerable own properties');
    t.equal(JSON.stringify(new Map([[1, 2]])), '{}', 'JSON shows nothing');
});

test('Set: semantics (§24.2)', function (t) {
    var s = new Set([1, 2, 2, NaN, NaN, -0, 0, 'a']);
    t.equal(s.size, 5, 'duplicates (SameValueZero) collapse');
    t.ok(s.has(NaN) && s.has(0) && s.has(-0), 'NaN and zeros');
    var values = collect(s.values());
    t.ok(Object.is(values[3], 0), '-0 is stored as +0');
    t.deepEqual(collect(s.entries())[0], [1, 1], 'entries are [value, value]');
    t.equal(Set.prototype.keys, Set.prototype.values, 'keys is values');
    t.equal(Set.prototype[Symbol.iterator], Set.prototype.values, '@@iterator is values');
    t.equal(s.add(9), s, 'add returns the set');
    t.equal(Object.prototype.toString.call(s.values()), '[object Set Iterator]', 'Set Iterator tag');
    t.equal(Object.prototype.toString.call(s), '[object Set]', 'Set tag');
    t.throws(function () {
        Set();
    }, TypeError, 'Set() without new throws');
    t.equal(Set.length, 0, 'Set.length is 0');
});

test('Set: forEach sees additions during iteration (§24.2.3.6)', function (t) {
    var s = new Set(['a']);
    var seen = [];
    s.forEach(function (value, again, set) {
        seen.push(value);
        t.equal(value, again, 'value is passed twice');
        if (seen.length < 4) {
            set.add(value + seen.length);
        }
    });
    t.deepEqual(seen, ['a', 'a1', 'a12', 'a123'], 'each added value is visited');
    var order = [];
    var s2 = new Set([1, 2, 3]);
    s2.forEach(function (v) {
        order.push(v);
        if (order.length === 1) {
            s2['delete'](1);
            s2.add(1);
        }
    });
    t.deepEqual(order, [1, 2, 3, 1], 'a value deleted and re-added is visited again at the end');
});

test('Set: iteration during clear and re-fill (§24.2.5.1)', function (t) {
    var s = new Set([1, 2, 3]);
    var it = s.values();
    it.next();
    s.clear();
    s.add(7);
    t.deepEqual(collect(it), [7], 'continues with values added after clear');
});

test('WeakMap (§24.3)', function (t) {
    var wm = new WeakMap();
    var k1 = {};
    var k2 = function () {};
    var frozen = Object.freeze({});
    t.equal(wm.set(k1, 'one'), wm, 'set returns the WeakMap');
    wm.set(k2, 'two').set(frozen, 'frozen');
    t.equal(wm.get(k1), 'one', 'object key');
    t.equal(wm.get(k2), 'two', 'function key');
    t.equal(wm.get(frozen), 'frozen', 'frozen key');
    t.ok(wm.has(k1) && !wm.has({}), 'has');
    t.equal(wm.get(1), undefined, 'get with a primitive returns undefined');
    t.equal(wm.has('x'), false, 'has with a primitive returns false');
    t.equal(wm['delete'](k1), true, 'delete returns true when present');
    t.equal(wm['delete'](k1), false, 'delete returns false when absent');
    t.ok(!wm.has(k1), 'deleted');
    wm.set(k1, 'again');
    t.equal(wm.get(k1), 'again', 're-set after delete');
    var other = new WeakMap();
    t.ok(!other.has(k2), 'entries are per WeakMap');
    var child = Object.create(k1);
    t.ok(!wm.has(child), 'an object does not inherit its prototype\'s entry');
    t.throws(function () {
        wm.set(1, 1);
    }, TypeError, 'primitive keys throw');
    t.throws(function () {
        WeakMap.prototype.get.call(new Map(), k1);
    }, TypeError, 'get on a Map throws');
    t.equal(new WeakMap([[k1, 1]]).get(k1), 1, 'constructor takes entries');
    t.ok(!('size' in wm) && !('forEach' in wm) && !(Symbol.iterator in wm), 'not iterable, no size');
    t.equal(Object.prototype.toString.call(wm), '[object WeakMap]', 'WeakMap tag');
    t.deepEqual(Object.keys(k1), [], 'no enumerable property appears on the key');
    var late = {};
    wm.set(late, 1);
    Object.freeze(late);
    wm.set(late, 2);
    t.equal(wm.get(late), 2, 'a key frozen after insertion can still be updated');
    t.ok(wm['delete'](late) && !wm.has(late), 'and deleted');
});

test('WeakMap and WeakSet lookups read the cell the key carries (lib/duk_hooks.c, fcw_duk_weak_lookup)', function (t) {
    var wm = new WeakMap(), ws = new WeakSet();
    var a = {}, later = {}, undef = {}, sym = Symbol('held');
    wm.set(a, 1).set(later, 2).set(undef, void 0);
    ws.add(a).add(later);
    t.equal(wm.has(undef), true, 'an entry whose value is undefined is there');
    t.equal(wm.get(undef), undefined, 'and reads undefined');
    Object.freeze(later);
    t.equal(wm.get(later), 2, 'a key frozen after its set keeps its entry');
    t.equal(ws.has(later), true, 'and its WeakSet entry');
    t.equal(wm['delete'](later), true, 'a frozen key\'s entry is deleted');
    t.equal(wm.get(later), undefined, 'its emptied cell reads undefined');
    t.equal(wm.has(later), false, 'and has() is false');
    t.equal(ws['delete'](later) && ws.has(later), false, 'the same for a WeakSet');
    wm.set(sym, 'symbol');
    t.equal(wm.get(a), 1, 'with a symbol held strongly, an object key is still found');
    t.equal(wm.get({}), undefined, 'and an object without an entry is not');
    t.equal(wm.get(sym), 'symbol', 'the symbol is found');
    var other = new WeakMap();
    other.set(a, 'other');
    t.equal(wm.get(a), 1, 'each WeakMap reads its own cell of a key');
    t.equal(other.get(a), 'other', 'the other WeakMap its own');
    t.equal(ws.has(Object.create(a)), false, 'an inherited cell is not an entry');
    var notExtensible = Object.preventExtensions({});
    wm.set(notExtensible, 'held');
    t.equal(wm.get(notExtensible), 'held', 'a key that cannot carry a cell is found');
    t.equal(wm.get(Object.preventExtensions({})), undefined, 'another such key is not');
    t.throws(function () {
        WeakMap.prototype.get.call(ws, a);
    }, TypeError, 'a WeakSet is not a WeakMap');
    t.throws(function () {
        WeakSet.prototype.has.call(wm, a);
    }, TypeError, 'nor a WeakMap a WeakSet');
});

test('WeakSet (§24.4)', function (t) {
    var ws = new WeakSet();
    var a = {};
    var frozen = Object.freeze([]);
    t.equal(ws.add(a), ws, 'add returns the WeakSet');
    ws.add(frozen);
    t.ok(ws.has(a) && ws.has(frozen), 'has');
    t.ok(!ws.has({}), 'other objects absent');
    t.equal(ws.has(1), false, 'primitive has returns false');
    t.throws(function () {
        ws.add('x');
    }, TypeError, 'primitive values throw');
    t.ok(ws['delete'](a) && !ws.has(a), 'delete');
    t.ok(ws['delete'](frozen) && !ws.has(frozen), 'delete a frozen value');
    t.equal(Object.prototype.toString.call(ws), '[object WeakSet]', 'WeakSet tag');
    t.throws(function () {
        WeakSet();
    }, TypeError, 'WeakSet() without new throws');
    t.ok(new WeakSet([a]).has(a), 'constructor takes values');
});

test('Collections: iteration protocol consumers', function (t) {
    var m = new Map([[1, 'a'], [2, 'b']]);
    t.deepEqual(Array.from(m), [[1, 'a'], [2, 'b']], 'Array.from(map)');
    t.deepEqual(Array.from(new Set('hello')), ['h', 'e', 'l', 'o'], 'Set from a string');
    t.deepEqual(Array.from(m.keys()), [1, 2], 'Array.from(map.keys())');
    var copy = new Map(m);
    m.set(3, 'c');
    t.equal(copy.size, 2, 'new Map(map) copies');
    t.deepEqual(Object.fromEntries(m), { 1: 'a', 2: 'b', 3: 'c' }, 'Object.fromEntries(map)');
});

/* Subclassing as lowered code does it: Babel's and TypeScript's ES5 output
 * calls the parent constructor as Parent.apply(this, args) on an object that
 * already inherits from the subclass (ES2015 14.6: `class extends Map`). */
function lowerSubclass(Parent) {
    function Sub() {
        var self = Parent.apply(this, arguments) || this;
        self.extra = 'sub';
        return self;
    }
    Sub.prototype = Object.create(Parent.prototype, { constructor: { value: Sub, writable: true, configurable: true } });
    Object.setPrototypeOf(Sub, Parent);
    return Sub;
}

test('Collections: subclasses lowered to ES5 construct through Parent.apply(this)', function (t) {
    var LruMap = lowerSubclass(Map);
    var m = new LruMap([[1, 'one']]);
    t.equal(m.get(1), 'one', 'Map subclass: the iterable fills the instance');
    t.equal(m.size, 1, 'Map subclass: size');
    t.ok(m instanceof LruMap && m instanceof Map, 'Map subclass: instanceof both');
    t.equal(m.extra, 'sub', 'Map subclass: the subclass constructor ran');
    var TagSet = lowerSubclass(Set);
    var s = new TagSet(['a', 'a', 'b']);
    t.equal(s.size, 2, 'Set subclass: values deduplicated');
    var WM = lowerSubclass(WeakMap);
    var key = {};
    var w = new WM([[key, 1]]);
    t.equal(w.get(key), 1, 'WeakMap subclass works');
    t.throws(function () { Map(); }, TypeError, 'Map() without new still throws (ES2015 23.1.1.1 step 1)');
    t.throws(function () { Map.call(new Map()); }, TypeError, 'calling Map on an initialised Map throws');
    t.throws(function () { Set.call({}); }, TypeError, 'calling Set on a plain object throws');
});

test('Array.from over Maps, Sets and their iterators (the path without next() per entry)', function (t) {
    var m = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
    m['delete'](2);
    t.deepEqual(Array.from(m.values()), ['a', 'c', 'd'], 'values, a deleted entry skipped');
    t.deepEqual(Array.from(m.keys()), [1, 3, 4], 'keys');
    t.deepEqual(Array.from(m.entries()), [[1, 'a'], [3, 'c'], [4, 'd']], 'entries');
    t.deepEqual(Array.from(m), [[1, 'a'], [3, 'c'], [4, 'd']], 'the Map itself');
    var it = m.values();
    t.equal(it.next().value, 'a', 'one value taken by next()');
    t.deepEqual(Array.from(it), ['c', 'd'], 'the rest of a started iterator');
    t.deepEqual(it.next(), { value: undefined, done: true }, 'the iterator is done after it');
    t.deepEqual(Array.from(it), [], 'a done iterator gives nothing');
    var cleared = m.keys();
    m.clear();
    m.set(9, 'z');
    t.deepEqual(Array.from(cleared), [9], 'an iterator made before clear() sees what came after');
    var s = new Set(['x', 'y', 'z']);
    s['delete']('y');
    t.deepEqual(Array.from(s), ['x', 'z'], 'the Set itself');
    t.deepEqual(Array.from(s.entries()), [['x', 'x'], ['z', 'z']], 'Set entries');
    t.deepEqual(Array.from(s.keys()), ['x', 'z'], 'Set keys');
    t.deepEqual(Array.from(new Map()), [], 'an empty Map');
    t.deepEqual(Array.from(m.values(), function (v, i) { return v + i; }), ['z0'], 'a map function still applies');

    var own = m.values();
    own.next = function () { return { done: true }; };
    t.deepEqual(Array.from(own), [], 'an iterator with its own next() is asked through it');
    var sub = new Map([[1, 'one']]);
    var calls = 0;
    sub[Symbol.iterator] = function () { calls++; return [][Symbol.iterator](); };
    t.deepEqual(Array.from(sub), [], 'a Map with its own @@iterator is iterated through it');
    t.equal(calls, 1, 'that @@iterator was called once');
    var proto = Object.getPrototypeOf(m.values());
    var next = proto.next;
    proto.next = function () { return { value: 'patched', done: (this.n = (this.n || 0) + 1) > 1 }; };
    try {
        t.deepEqual(Array.from(new Map([[1, 2]]).values()), ['patched'], 'a patched %MapIteratorPrototype%.next is called');
    } finally {
        proto.next = next;
    }
    t.throws(function () { Map.prototype.values.call(new Set([1])); }, TypeError, 'a Set is no Map receiver');
});

test('WeakMap and WeakSet keys keep their own keys as they were', function (t) {
    var obj = { a: 1 };
    var wm = new WeakMap();
    var ws = new WeakSet();
    wm.set(obj, 'v');
    ws.add(obj);
    t.deepEqual(Reflect.ownKeys(obj), ['a'], 'Reflect.ownKeys');
    t.equal(Object.getOwnPropertySymbols(obj).length, 0, 'Object.getOwnPropertySymbols');
    t.deepEqual(Object.keys(Object.getOwnPropertyDescriptors(obj)), ['a'], 'getOwnPropertyDescriptors');
    var copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(obj));
    t.equal(wm.has(copy) || ws.has(copy), false, 'a copy of the key is no key');
    t.equal(wm.get(obj), 'v');
    t.ok(ws.has(obj));
    t.ok(ws['delete'](obj) && !ws.has(obj), 'delete');
    t.deepEqual(Reflect.ownKeys(obj), ['a'], 'still after delete');
});

test('WeakMap: a proxy and its target are two keys', function (t) {
    var target = { t: 1 };
    var seen = [];
    var proxy = new Proxy(target, { get: function (o, k) { seen.push(typeof k); return o[k]; } });
    var wm = new WeakMap();
    wm.set(target, 'target');
    wm.set(proxy, 'proxy');
    t.deepEqual([wm.get(target), wm.get(proxy), wm.has(proxy), wm.has(target)], ['target', 'proxy', true, true]);
    t.ok(wm['delete'](proxy), 'delete the proxy');
    t.deepEqual([wm.get(target), wm.has(proxy)], ['target', false], 'the target stays');
    var ws = new WeakSet([proxy]);
    t.ok(ws.has(proxy) && !ws.has(target), 'WeakSet');
    t.deepEqual(Reflect.ownKeys(target).filter(function (k) { return typeof k === 'string'; }), ['t'], 'the target\'s string keys');
});

test('WeakMap and WeakSet keys frozen or sealed through a Proxy test as frozen and sealed', function (t) {
    var wm = new WeakMap(), ws = new WeakSet();
    var target = { a: 1 }, other = { b: 2 };
    wm.set(target, 'cell');
    ws.add(other);
    Object.freeze(new Proxy(target, {}));
    Object.seal(new Proxy(other, {}));
    t.equal(Object.isFrozen(target), true, 'a WeakMap key frozen through a proxy is frozen');
    t.equal(Object.isSealed(other), true, 'a WeakSet key sealed through a proxy is sealed');
    t.equal(Object.isFrozen(other), false, 'but not frozen');
    t.equal(wm.get(target) + ' ' + ws.has(other), 'cell true', 'and still a key');
});

test('Map and Set iteration after deletions at the front (an LRU cache): 3,000 random operations against a model', function (t) {
    var seed = 7;
    function random(n) {
        /* Park and Miller's generator, exact in doubles; the high bits */
        seed = seed * 48271 % 2147483647;
        return Math.floor(seed / 2147483647 * n);
    }
    /* the model: every entry ever added, in order, with its liveness; an
     * iterator is an index into it (the specification's list of entries
     * with empty slots) */
    var entries = [], map = new Map(), set = new Set(), iterators = [], ok = true, step;
    function live(key) {
        for (var i = 0; i < entries.length; i++) {
            if (entries[i].alive && entries[i].key === key) {
                return entries[i];
            }
        }
        return null;
    }
    function modelNext(it) {
        while (it.pos < entries.length && !entries[it.pos].alive) {
            it.pos++;
        }
        return it.pos < entries.length ? entries[it.pos++] : null;
    }
    for (step = 0; step < 3000 && ok; step++) {
        var op = random(10), key = 'k' + random(40), e;
        if (op < 4) {
            e = live(key);
            if (e) {
                e.value = step;
            } else {
                entries.push({ key: key, value: step, alive: true });
            }
            map.set(key, step);
            set.add(key);
        } else if (op < 6) {
            e = live(key);
            if (e) {
                e.alive = false;
            }
            ok = map['delete'](key) === !!e && set['delete'](key) === !!e;
        } else if (op === 6) {
            /* evict the first entry, as an LRU cache does */
            var first = map.keys().next();
            var firstOfSet = set.values().next();
            e = null;
            for (var i = 0; i < entries.length && !e; i++) {
                e = entries[i].alive ? entries[i] : null;
            }
            ok = (e === null ? first.done && firstOfSet.done : first.value === e.key && firstOfSet.value === e.key);
            if (e) {
                e.alive = false;
                map['delete'](e.key);
                set['delete'](e.key);
            }
        } else if (op === 7 && iterators.length < 6) {
            iterators.push({ map: map.entries(), set: set.values(), pos: 0 });
        } else if (op === 8 && iterators.length > 0) {
            var it = iterators[random(iterators.length)];
            var expected = modelNext(it), gotMap = it.map.next(), gotSet = it.set.next();
            ok = expected === null ? gotMap.done && gotSet.done :
                !gotMap.done && gotMap.value[0] === expected.key && gotMap.value[1] === expected.value &&
                gotSet.value === expected.key;
            if (expected === null) {
                iterators.splice(iterators.indexOf(it), 1);
            }
        } else if (op === 9 && random(20) === 0) {
            entries.forEach(function (x) { x.alive = false; });
            map.clear();
            set.clear();
        }
        if (ok) {
            var keys = [];
            map.forEach(function (v, k) { keys.push(k + '=' + v); });
            var want = entries.filter(function (x) { return x.alive; }).map(function (x) { return x.key + '=' + x.value; });
            ok = keys.join() === want.join() && map.size === want.length && set.size === want.length &&
                Array.from(set).join() === entries.filter(function (x) { return x.alive; }).map(function (x) { return x.key; }).join();
        }
    }
    t.ok(ok, 'every step as the model (stopped at step ' + step + ' of 3000)');
});

test('Map, Set and WeakMap keys that cannot carry an id: frozen, sealed, non-extensible, with an inherited id', function (t) {
    var parent = {};
    var pre = new Map([[parent, 'parent']]); /* parent now carries an id, which its heirs inherit */
    var keys = [Object.freeze({}), Object.seal({}), Object.preventExtensions({}), Object.freeze([]),
        Object.freeze(function () {}), Object.freeze(Object.create(parent)), Object.freeze(Object.create(parent)),
        {}, 'k', 1, parent];
    var map = new Map(), set = new Set(), weak = new WeakMap(), model = [], ok = true, seed = 11;
    function random(n) {
        /* Park and Miller's generator, exact in doubles; the high bits */
        seed = seed * 48271 % 2147483647;
        return Math.floor(seed / 2147483647 * n);
    }
    for (var step = 0; step < 2000 && ok; step++) {
        var key = keys[random(keys.length)], op = random(4), i = model.indexOf(key);
        if (op < 2) {
            if (i < 0) {
                model.push(key);
            }
            map.set(key, step);
            set.add(key);
            if (typeof key === 'object' || typeof key === 'function') {
                weak.set(key, step);
            }
        } else if (op === 2) {
            if (i >= 0) {
                model.splice(i, 1);
            }
            ok = map['delete'](key) === (i >= 0) && set['delete'](key) === (i >= 0);
            if (typeof key === 'object' || typeof key === 'function') {
                weak['delete'](key);
            }
        } else {
            var present = model.indexOf(key) >= 0;
            ok = map.has(key) === present && set.has(key) === present &&
                (typeof key !== 'object' && typeof key !== 'function' || weak.has(key) === present) &&
                (!present || map.get(key) === weak.get(key) || typeof key !== 'object' && typeof key !== 'function');
        }
        ok = ok && map.size === model.length && Array.from(map.keys()).every(function (k, j) { return k === model[j]; }) &&
            Array.from(set).every(function (k, j) { return k === model[j]; });
    }
    t.ok(ok, 'as a model of insertion order (stopped at step ' + step + ' of 2000)');
    t.equal(pre.get(parent), 'parent', "the parent's own entry");
    t.ok(!pre.has(keys[5]) && !pre.has(keys[6]), 'an heir with its inherited id is another key');
    var frozen = Object.freeze({ a: 1 });
    t.ok(new Map([[frozen, 1]]).get(frozen) === 1 && new Map([[frozen, 2]]).get(frozen) === 2, 'one key in two maps');
    t.deepEqual(Reflect.ownKeys(frozen), ['a'], 'nothing added to a frozen key');
});

test('structuredClone: a large graph, its shared and cyclic references kept', function (t) {
    var shared = { s: 1 }, frozen = Object.freeze({ f: 2 }), list = [];
    for (var i = 0; i < 3000; i++) {
        list.push({ i: i, shared: shared, frozen: frozen });
    }
    var root = { list: list };
    root.self = root;
    var copy = structuredClone(root);
    t.ok(copy !== root && copy.self === copy, 'a cycle');
    t.ok(copy.list.length === 3000 && copy.list[0].shared === copy.list[2999].shared && copy.list[0].shared !== shared,
        'a shared object copied once');
    t.ok(copy.list[5].frozen === copy.list[6].frozen && copy.list[5].frozen.f === 2 && !Object.isFrozen(copy.list[5].frozen),
        'a frozen one too, as an ordinary object');
});

test('WeakMap and WeakSet entries of collections that are gone are deleted from their keys after a collection', function (t) {
    /* an entry lives on its key (Duktape has no weak references): a key
     * that outlives many collections (hono/jsx's contexts, set in a
     * WeakMap per render) kept one entry of each (ownSlotCount and
     * collectGarbage are t/jsrun's) */
    var key = {}, frozenKey = {}, base = ownSlotCount(key), frozenBase = ownSlotCount(frozenKey);
    var kept = new WeakMap(), keptSet = new WeakSet();
    kept.set(key, 'kept');
    keptSet.add(key);
    var closure = (function () {
        var m = new WeakMap();
        m.set(key, 'in a closure');
        return function () { return m.get(key); };
    })();
    Object.freeze(frozenKey);
    for (var i = 0; i < 300; i++) {
        var m = new WeakMap(), s = new WeakSet();
        m.set(key, [i, 'value']);
        s.add(key);
        m.set(frozenKey, i); /* frozen: held strongly by the collection, no entry on the key */
    }
    var later = {};
    m.set(later, 'the last map is still alive');
    t.equal(ownSlotCount(key) - base, 603, 'an entry on the key for each collection');
    collectGarbage();
    t.equal(ownSlotCount(key) - base, 5, 'after a collection: those of the five collections alive');
    collectGarbage();
    t.equal(ownSlotCount(key) - base, 5, 'a collection after which no collection is gone keeps them all');
    t.deepEqual([kept.get(key), keptSet.has(key), closure(), m.get(key)[0], s.has(key), m.get(later), m.get(frozenKey)],
        ['kept', true, 'in a closure', 299, true, 'the last map is still alive', 299], 'which still find them');
    t.equal(ownSlotCount(frozenKey), frozenBase, 'a frozen key carries none');
    kept.delete(key);
    t.ok(!kept.has(key) && kept.get(key) === undefined, 'a delete still works');
    kept.set(key, 'again');
    m = s = closure = null;
    collectGarbage();
    t.equal(ownSlotCount(key) - base, 2, 'the collections dropped since: their entries gone too');
    t.deepEqual([kept.get(key), keptSet.has(key)], ['again', true], 'the others kept');
    var frozenLater = {};
    for (i = 0; i < 50; i++) {
        new WeakMap().set(frozenLater, i);
    }
    Object.freeze(frozenLater);
    t.equal(ownSlotCount(frozenLater), 50, 'a key frozen after getting its entries');
    collectGarbage();
    t.ok(ownSlotCount(frozenLater) === 0 && Object.isFrozen(frozenLater), 'loses them too, and stays frozen');
    var cyclic = new WeakMap();
    cyclic.set(key, { map: cyclic });
    cyclic = null;
    collectGarbage();
    t.equal(ownSlotCount(key) - base, 3,
        'a collection reachable from its own entry on a live key stays (no ephemerons: docs/modern-js.md)');
});

test('WeakMap and WeakSet take symbols as keys, but for registered ones (ES2023 CanBeHeldWeakly)', function (t) {
    var s = Symbol('key');
    var m = new WeakMap([[s, 1]]);
    t.equal(m.get(s), 1, 'a symbol given to the constructor');
    t.ok(m.has(s), 'has it');
    t.equal(m.set(s, 2), m, 'set returns the map');
    t.equal(m.get(s), 2, 'set again');
    t.equal(m.get(Symbol('key')), undefined, 'another symbol with the same description is another key');
    t.ok(m.delete(s), 'delete');
    t.ok(!m.has(s) && m.get(s) === undefined && !m.delete(s), 'gone');
    t.equal(new WeakMap().set(Symbol.iterator, 'well-known').get(Symbol.iterator), 'well-known', 'a well-known symbol');
    var ws = new WeakSet();
    ws.add(s);
    t.ok(ws.has(s) && ws.delete(s) && !ws.has(s), 'WeakSet add, has, delete');
    t.throws(function () { m.set(Symbol.for('registered'), 1); }, TypeError, 'a registered symbol is refused');
    t.throws(function () { ws.add(Symbol.for('registered')); }, TypeError, 'by WeakSet too');
    t.ok(!m.has(Symbol.for('registered')) && m.get(Symbol.for('registered')) === undefined, 'and never found');
    t.throws(function () { m.set('string', 1); }, TypeError, 'a string still is');
    var o = {};
    m.set(o, 'object');
    t.equal(m.get(o), 'object', 'object keys beside symbol keys');
});
