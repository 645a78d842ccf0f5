// SPDX-License-Identifier: MIT
/*
 * The C fast paths of lib/api_fastpath.c answer the common cases of
 * Array.prototype.includes/indexOf/lastIndexOf/at, the array iterator,
 * Map/Set/WeakMap/WeakSet lookups, String.prototype.search, match,
 * replace, replaceAll, split and at, and hand the rest to the JavaScript.
 * Each case here is one a fast path must answer as the spec does, or must
 * hand over: the edges of both.
 */

test('includes: SameValueZero, holes, fromIndex, receivers', function (t) {
    t.equal([1, 2, 3].includes(2), true, 'a number');
    t.equal(['a', 'b'].includes('b'), true, 'a string');
    t.equal(['a', 'b'].includes('c'), false, 'absent');
    t.equal([NaN].includes(NaN), true, 'NaN finds NaN (indexOf does not)');
    t.equal([NaN].indexOf(NaN), -1, 'indexOf does not find NaN');
    t.equal([-0].includes(0), true, '-0 and +0');
    t.equal([, 1].includes(undefined), true, 'a hole reads as undefined');
    t.equal([, 1].indexOf(undefined), -1, 'indexOf skips holes');
    t.equal([1, 2, 3].includes(1, 1), false, 'fromIndex');
    t.equal([1, 2, 3].includes(3, -1), true, 'negative fromIndex');
    t.equal([1, 2, 3].includes(1, -10), true, 'fromIndex below the start');
    var calls = 0;
    t.equal([1, 2, 3].includes(2, { valueOf: function () { calls++; return 1; } }), true, 'fromIndex object');
    t.equal(calls, 1, 'fromIndex converted once');
    t.equal([null].includes(null), true, 'null');
    t.equal([false].includes(0), false, 'no coercion');
    t.equal(Array.prototype.includes.call('abc', 'b'), true, 'a string receiver (array-like)');
    t.equal(Array.prototype.includes.call({ length: 2, 0: 'x', 1: NaN }, NaN), true, 'an array-like receiver');
    var o = {};
    t.equal([1, o].includes(o), true, 'an object element');
    t.equal([BigInt(1), BigInt(2)].includes(BigInt(2)), true, 'a BigInt element');
    var s = Symbol('s');
    t.equal([s].includes(s), true, 'a symbol element');
    t.throws(function () { Array.prototype.includes.call(null, 1); }, TypeError, 'null receiver');
    t.equal(Array.prototype.includes.name, 'includes', 'name');
    t.equal(Array.prototype.includes.length, 1, 'length');
    t.throws(function () { new Array.prototype.includes(1); }, TypeError, 'not a constructor');
});

test('includes and indexOf: a plain array read in place', function (t) {
    var tags = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
    t.equal(tags.includes('wbr'), true, 'the last of thirteen');
    t.equal(tags.includes('div'), false, 'absent');
    t.equal(tags.indexOf('br'), 2, 'indexOf');
    t.equal(tags.indexOf('br', 3), -1, 'from after it');
    t.equal(tags.indexOf('br', -11), 2, 'from the end');
    t.equal(tags.indexOf('br', -10), -1, 'from the end, after it');
    t.equal(tags.indexOf('area', -100), 0, 'from before the start');
    t.equal(tags.indexOf('area', NaN), 0, 'NaN from is 0');
    t.equal(tags.indexOf('area', -0), 0, '-0');
    t.equal(tags.indexOf('wbr', Infinity), -1, 'Infinity');
    t.equal(tags.indexOf('area', -Infinity), 0, '-Infinity');
    t.equal(tags.indexOf('base', 1.9), 1, 'a fraction is truncated');
    t.equal(tags.includes('area', 1), false, 'includes from');
    t.equal(tags.includes('wbr', -1), true, 'includes from the end');
    t.equal([1, 2, 3].indexOf(2), 1, 'numbers');
    t.equal([1, 2, 3].indexOf('2'), -1, 'no coercion');
    t.equal([0].indexOf(-0), 0, '-0 is +0');
    t.equal([0.1 + 0.2, 3].indexOf(0.3), -1, 'number equality');
    t.equal([true, null, false].indexOf(false), 2, 'booleans');
    t.equal([undefined, null].indexOf(null), 1, 'null');
    t.equal([1, null].indexOf(undefined), -1, 'undefined is not null');
    var made = ['s', 'p', 'a', 'n'].join('');
    t.equal([1, null, new String('span'), 'spa', made].indexOf('span'), 4, 'a string made at run time, past other kinds');
    t.equal(['li', 'span'].includes('sp' + 'an'.slice(0)), true, 'a string concatenated at run time');
    t.equal([new String('a')].indexOf('a'), -1, 'a String object is no string');
    t.equal(['a', , 'b'].indexOf('b'), 2, 'a string past a hole');
    var sym = Symbol('s');
    t.equal(['a', sym].indexOf(sym), 1, 'a symbol');
    t.equal([NaN].indexOf(NaN), -1, 'indexOf never finds NaN');
    t.equal([NaN].includes(NaN), true, 'includes finds it');
    var holes = [1, , 3];
    t.equal(holes.indexOf(3), 2, 'past a hole');
    t.equal(holes.includes(undefined), true, 'a hole is undefined to includes');
    t.equal(holes.indexOf(undefined), -1, 'and skipped by indexOf');
    Array.prototype[1] = 'inherited';
    try {
        t.equal(holes.indexOf('inherited'), 1, 'a hole reads through Array.prototype');
    } finally {
        delete Array.prototype[1];
    }
    var sparse = [];
    sparse[1000] = 'x';
    t.equal(sparse.indexOf('x'), 1000, 'a sparse array');
    var frozen = Object.freeze(['a', 'b']);
    t.equal(frozen.indexOf('b'), 1, 'a frozen array');
    var withGetter = ['a', 'b'];
    Object.defineProperty(withGetter, 1, { get: function () { return 'got'; } });
    t.equal(withGetter.indexOf('got'), 1, 'an element with a getter');
    var calls = 0;
    t.equal(['a', 'b'].indexOf('b', { valueOf: function () { calls++; return 1; } }), 1, 'an object fromIndex');
    t.equal(calls, 1, 'converted once');
    t.equal([].indexOf('a', { valueOf: function () { calls++; return 0; } }), -1, 'an empty array');
    t.equal(calls, 1, 'does not convert fromIndex');
    t.equal(['a', 'b'].indexOf('b', '1'), 1, 'a string fromIndex');
    var o = {};
    t.equal([1, o].indexOf(o), 1, 'an object element');
    t.equal([BigInt(5)].includes(BigInt(5)), true, 'a BigInt');
    t.equal(new Proxy(['a', 'b'], {}).indexOf('b'), 1, 'a Proxy of an array');
    t.equal(Array.prototype.indexOf.call({ length: 2, 1: 'b' }, 'b'), 1, 'an array-like');
    t.equal(Array.prototype.indexOf.call('ab', 'b'), 1, 'a string receiver');
});

test('indexOf and lastIndexOf: absent and undefined fromIndex', function (t) {
    t.equal([1, 2, 1].indexOf(1), 0, 'indexOf');
    t.equal([1, 2, 1].indexOf(1, undefined), 0, 'indexOf, undefined fromIndex');
    t.equal([1, 2, 1].lastIndexOf(1), 2, 'lastIndexOf without fromIndex: from the end');
    t.equal([1, 2, 1].lastIndexOf(1, undefined), 0, 'lastIndexOf with undefined fromIndex: from 0');
    t.equal([BigInt(1), BigInt(2), BigInt(1)].lastIndexOf(BigInt(1)), 2, 'lastIndexOf a BigInt');
    t.equal([BigInt(1), BigInt(2)].indexOf(BigInt(2)), 1, 'indexOf a BigInt');
    t.equal(['x', 'y'].indexOf('y', -1), 1, 'negative fromIndex');
});

test('at: relative indexes, conversions, receivers', function (t) {
    var a = ['a', 'b', 'c'];
    t.equal(a.at(0), 'a', '0');
    t.equal(a.at(-1), 'c', '-1');
    t.equal(a.at(-3), 'a', '-3');
    t.equal(a.at(-4), undefined, 'before the start');
    t.equal(a.at(3), undefined, 'past the end');
    t.equal(a.at(1.7), 'b', 'truncated');
    t.equal(a.at(NaN), 'a', 'NaN is 0');
    t.equal(a.at(), 'a', 'no index is 0');
    t.equal(a.at('2'), 'c', 'a string index');
    t.equal(a.at({ valueOf: function () { return -2; } }), 'b', 'an object index');
    t.equal(a.at(Infinity), undefined, 'Infinity');
    t.equal([, 1].at(0), undefined, 'a hole');
    t.equal(Array.prototype.at.call({ length: 2, 0: 'x', 1: 'y' }, -1), 'y', 'an array-like');
    t.equal(Array.prototype.at.call('hey', 1), 'e', 'a string receiver');
    t.throws(function () { Array.prototype.at.call(undefined, 0); }, TypeError, 'undefined receiver');
    var proto = ['p'];
    var inherits = Object.create(proto);
    t.equal(Array.prototype.at.call(inherits, 0), 'p', 'an inherited element through an object');
    t.equal(Array.prototype.at.length, 1, 'length');
});

test('array iterator: values, keys, entries, mutation, receivers', function (t) {
    var seen = [];
    var a = [1, 2];
    for (var it = a[Symbol.iterator](), r = it.next(); !r.done; r = it.next()) {
        seen.push(r.value);
        if (r.value === 1) {
            a.push(3);
        }
    }
    t.deepEqual(seen, [1, 2, 3], 'sees an element pushed while iterating');
    var it2 = [1][Symbol.iterator]();
    t.deepEqual(it2.next(), { value: 1, done: false }, 'first result');
    t.deepEqual(it2.next(), { value: undefined, done: true }, 'done');
    t.deepEqual(Object.keys(it2.next()), ['value', 'done'], 'result keys in order');
    var grow = [1];
    var it3 = grow.values();
    it3.next();
    it3.next();
    grow.push(2);
    t.equal(it3.next().done, true, 'stays done after the array grows');
    var keys = [];
    var k = ['a', 'b'].keys();
    for (var rk = k.next(); !rk.done; rk = k.next()) {
        keys.push(rk.value);
    }
    t.deepEqual(keys, [0, 1], 'keys');
    var e = ['a'].entries();
    t.deepEqual(e.next().value, [0, 'a'], 'entries');
    t.deepEqual(Array.from([, 'x'].values()), [undefined, 'x'], 'holes read as undefined');
    var like = { length: 2, 0: 'p', 1: 'q' };
    t.deepEqual(Array.from(Array.prototype.values.call(like)), ['p', 'q'], 'an array-like');
    var odd = { length: '2', 0: 'p', 1: 'q' };
    t.deepEqual(Array.from(Array.prototype.values.call(odd)), ['p', 'q'], 'an array-like with a string length');
    t.deepEqual(Array.from(Array.prototype.values.call({ length: -1 })), [], 'a negative length');
    t.deepEqual(Array.from(Array.prototype.values.call('ab')), ['a', 'b'], 'a string receiver');
    var shrink = [1, 2, 3];
    var out = [];
    for (var is = shrink.values(), rs = is.next(); !rs.done; rs = is.next()) {
        out.push(rs.value);
        shrink.length = 1;
    }
    t.deepEqual(out, [1], 'stops when the array shrinks');
    var next = [][Symbol.iterator]().next;
    t.throws(function () { next.call({}); }, TypeError, 'next on another object');
    t.throws(function () { next.call(1); }, TypeError, 'next on a primitive');
    t.throws(function () { Array.prototype.values.call(null); }, TypeError, 'values on null');
    var iter = [1].values();
    t.deepEqual(Object.getOwnPropertySymbols(iter), [], 'no visible slots');
    t.deepEqual(Object.keys(iter), [], 'no enumerable slots');
    t.equal(Object.prototype.toString.call(iter), '[object Array Iterator]', 'toStringTag');
    t.equal(Object.getPrototypeOf(Object.getPrototypeOf(iter))[Symbol.iterator].call(iter), iter,
        '%IteratorPrototype%');
    t.equal(Array.prototype[Symbol.iterator], Array.prototype.values, '@@iterator is values');
    t.equal(Array.prototype.values.name, 'values', 'name');
    t.equal(next.name, 'next', 'next name');
    var u8 = new Uint8Array([5, 6]);
    t.deepEqual(Array.from(u8.values()), [5, 6], 'typed array values');
    t.deepEqual(Array.from(Array.prototype.entries.call(u8)), [[0, 5], [1, 6]], 'array entries of a typed array');
});

test('Map and Set lookups: key kinds and receivers', function (t) {
    var m = new Map([['a', 1], [2, 'two'], [NaN, 'nan']]);
    t.equal(m.get('a'), 1, 'string key');
    t.equal(m.get(2), 'two', 'number key');
    t.equal(m.get('2'), undefined, 'string "2" is not 2');
    t.equal(m.get(NaN), 'nan', 'NaN');
    t.equal(m.has('__proto__'), false, '__proto__ absent');
    m.set('__proto__', 'p');
    t.equal(m.get('__proto__'), 'p', '__proto__ as a key');
    m.set(-0, 'zero');
    t.equal(m.get(0), 'zero', '-0 is +0');
    var o = {};
    m.set(o, 'o');
    t.equal(m.get(o), 'o', 'object key');
    t.equal(m.get({}), undefined, 'another object');
    var child = Object.create(o);
    t.equal(m.get(child), undefined, 'an object inheriting from a key is not the key');
    t.equal(m.has(child), false, 'has: the inheriting object');
    m.set(child, 'child');
    t.equal(m.get(child), 'child', 'the inheriting object as a key of its own');
    t.equal(m.get(o), 'o', 'its prototype still');
    var frozen = Object.freeze({});
    m.set(frozen, 'frozen');
    t.equal(m.get(frozen), 'frozen', 'a frozen key');
    t.equal(m.get(Object.freeze({})), undefined, 'another frozen object');
    t.equal(m.get(o), 'o', 'a hashed key next to unhashed ones');
    var fresh = {};
    t.equal(m.has(fresh), false, 'an object never stored');
    m.set(BigInt(10), 'big');
    t.equal(m.get(BigInt(10)), 'big', 'a BigInt key');
    t.equal(m.get(true), undefined, 'a boolean never stored');
    m.set(true, 'yes');
    t.equal(m.get(true), 'yes', 'a boolean key');
    var sym = Symbol('k');
    m.set(sym, 'sym');
    t.equal(m.get(sym), 'sym', 'a symbol key');
    t.equal(m.get(undefined), undefined, 'undefined never stored');
    m.set(undefined, 'u');
    t.equal(m.get(), 'u', 'no argument is undefined');
    m.delete('a');
    t.equal(m.get('a'), undefined, 'deleted');
    t.deepEqual(Object.getOwnPropertySymbols(o), [], 'an object key shows no symbol of its own');
    t.throws(function () { Map.prototype.get.call({}, 1); }, TypeError, 'get on another object');
    t.throws(function () { Map.prototype.has.call(new Set(), 1); }, TypeError, 'has on a Set');
    t.throws(function () { Set.prototype.has.call(new Map(), 1); }, TypeError, 'Set has on a Map');
    t.equal(Map.prototype.get.name, 'get', 'name');
    t.equal(Map.prototype.get.length, 1, 'length');
    var s = new Set(['x', 1, o]);
    t.equal(s.has('x'), true, 'Set string');
    t.equal(s.has(1), true, 'Set number');
    t.equal(s.has(o), true, 'Set object');
    t.equal(s.has('1'), false, 'Set "1"');
    function Sub(entries) {
        return Reflect.construct(Map, [entries], Sub);
    }
    Sub.prototype = Object.create(Map.prototype);
    var sub = new Sub([['k', 'v']]);
    t.equal(sub.get('k'), 'v', 'a subclass');
    m.clear();
    t.equal(m.get(o), undefined, 'after clear');
});

test('WeakMap and WeakSet lookups', function (t) {
    var k = {};
    var wm = new WeakMap([[k, 'v']]);
    t.equal(wm.get(k), 'v', 'get');
    t.equal(wm.has(k), true, 'has');
    t.equal(wm.get({}), undefined, 'another key');
    t.equal(wm.get(1), undefined, 'a primitive');
    t.equal(wm.has('x'), false, 'has a primitive');
    var frozen = Object.freeze({});
    wm.set(frozen, 'f');
    t.equal(wm.get(frozen), 'f', 'a frozen key');
    t.equal(wm.has(frozen), true, 'has a frozen key');
    wm.delete(k);
    t.equal(wm.get(k), undefined, 'deleted');
    t.equal(wm.has(k), false, 'deleted: has');
    wm.set(k, undefined);
    t.equal(wm.has(k), true, 'an undefined value is present');
    var other = new WeakMap();
    t.equal(other.get(k), undefined, 'another WeakMap does not see the key');
    var child = Object.create(k);
    t.equal(wm.has(child), false, 'an inheriting object');
    t.deepEqual(Object.getOwnPropertySymbols(new WeakMap()), [], 'no visible slot on the collection');
    t.throws(function () { WeakMap.prototype.get.call(new Map(), k); }, TypeError, 'get on a Map');
    var ws = new WeakSet([k]);
    t.equal(ws.has(k), true, 'WeakSet has');
    t.equal(ws.has({}), false, 'WeakSet another');
    t.throws(function () { WeakSet.prototype.has.call(wm, k); }, TypeError, 'WeakSet has on a WeakMap');
});

test('String.prototype.search: the built-in RegExp and everything else', function (t) {
    t.equal('a<b'.search(/[<>]/), 1, 'a RegExp');
    t.equal('abc'.search(/x/), -1, 'no match');
    var g = /b/g;
    g.lastIndex = 0;
    t.equal('abcb'.search(g), 1, 'a global RegExp');
    t.equal(g.lastIndex, 0, 'lastIndex put back');
    var y = new RegExp('b', 'y');
    t.equal('ab'.search(y), -1, 'a sticky RegExp matches only at lastIndex 0');
    t.equal(y.lastIndex, 0, 'sticky: lastIndex put back');
    var moved = /b/g;
    moved.lastIndex = 3;
    t.equal('abcb'.search(moved), 1, 'searches from 0 whatever lastIndex');
    t.equal(moved.lastIndex, 3, 'and puts lastIndex back');
    var negZero = /b/;
    negZero.lastIndex = -0;
    'ab'.search(negZero);
    t.ok(Object.is(negZero.lastIndex, -0), '-0 lastIndex kept');
    t.equal('a.b'.search('.'), 0, 'a string is a pattern');
    t.equal('a1'.search(1), 1, 'a number is a pattern');
    t.equal('ab'.search(), 0, 'no argument matches the empty pattern');
    var custom = /b/;
    custom.exec = function () { return { index: 42 }; };
    t.equal('ab'.search(custom), 42, 'an own exec is called');
    var searcher = {};
    searcher[Symbol.search] = function (s) { return 'searched ' + s; };
    t.equal('xy'.search(searcher), 'searched xy', 'an object with @@search');
    t.equal(String.prototype.search.call(12345, /4/), 3, 'a number receiver');
    t.throws(function () { String.prototype.search.call(null, /a/); }, TypeError, 'null receiver');
    t.equal('\u00e9a'.search(/a/), 1, 'non-ASCII text: a UTF-16 index');
    t.equal('\ud83d\ude00a'.search(new RegExp('a', 'u')), 2, 'astral text');
    t.equal(String.prototype.search.name, 'search', 'name');
    t.equal(String.prototype.search.length, 1, 'length');
    /* the reads the C side makes without [[Get]] still see getters and
     * proxies */
    var calls = [];
    var viaGetter = /b/;
    Object.defineProperty(viaGetter, 'exec', {
        get: function () { calls.push('exec got'); return RegExp.prototype.exec; }, configurable: true
    });
    t.equal('abc'.search(viaGetter), 1, 'an exec accessor: the match');
    t.deepEqual(calls, ['exec got'], 'and the getter is called');
    var saved = Object.getOwnPropertyDescriptor(RegExp.prototype, Symbol.search);
    Object.defineProperty(RegExp.prototype, Symbol.search, {
        get: function () { calls.push('search got'); return function () { return 'replaced'; }; }, configurable: true
    });
    try {
        t.equal('abc'.search(/b/), 'replaced', 'an @@search accessor on RegExp.prototype is called');
    } finally {
        Object.defineProperty(RegExp.prototype, Symbol.search, saved);
    }
    t.equal('abc'.search(/c/), 2, 'and once restored, the built-in again');
    var seen = [];
    var proxy = new Proxy(/c/, { get: function (target, key) { seen.push(String(key)); return target[key]; } });
    var threw = false;
    try {
        'abc'.search(proxy);
    } catch (e) {
        threw = e instanceof TypeError;
    }
    t.ok(seen.indexOf('Symbol(Symbol.search)') >= 0 && (threw || seen.length > 1), 'a Proxy: its get trap is asked');
    var sub = /b/;
    Object.setPrototypeOf(sub, Object.create(RegExp.prototype, {
        exec: { value: function () { return { index: 7 }; } }
    }));
    t.equal('abc'.search(sub), 7, 'an exec of a prototype in between');
    var li = /b/g;
    li.lastIndex = 5;
    t.equal('abcb'.search(li), 1, 'lastIndex is set aside');
    t.equal(li.lastIndex, 5, 'and put back');
    t.throws(function () { new String.prototype.search(/a/); }, TypeError, 'not a constructor');
    t.equal('ab'.search(Object.freeze(/b/)), 1, 'a frozen RegExp');
    t.throws(function () { 'ab'.search(Object.freeze(/b/g)); }, TypeError,
        'a frozen global RegExp: exec cannot set lastIndex');
    var own = /b/;
    own[Symbol.search] = function () { return 'own'; };
    t.equal('ab'.search(own), 'own', 'an own @@search');
    var gotLastIndex = /b/;
    gotLastIndex.lastIndex = { valueOf: function () { return 0; } };
    t.equal('ab'.search(gotLastIndex), 1, 'a lastIndex that is no number');
    t.equal(typeof gotLastIndex.lastIndex, 'object', 'is put back');
});

test('String.prototype.search: the strings a match keeps outlive the garbage', function (t) {
    /* the converted input and RegExp.input are held by the binding, not
     * by a property: thousands of fresh strings, each searched, dropped
     * and collected, must never be taken for one another */
    var wrong = 0;
    var junk = [];
    for (var i = 0; i < 3000; i++) {
        var s = 'item ' + i + (i % 3 === 0 ? ' & co' : ' co') + '!';
        var at = s.search(/[&!]/);
        if (at !== s.indexOf(i % 3 === 0 ? '&' : '!') || RegExp.input !== s || RegExp.lastMatch !== s[at]) {
            wrong++;
        }
        junk.push({ i: i, text: 'junk ' + i });
        if (junk.length > 200) {
            junk = [];
        }
    }
    t.equal(wrong, 0, 'every index and RegExp.input right');
});

test('String.prototype.match: the built-in RegExp and everything else', function (t) {
    var m = '/api/products'.match(/^\/api\/([^/]+)$/);
    t.deepEqual([m[0], m[1], m.index, m.input, m.groups, m.length], ['/api/products', 'products', 0, '/api/products', undefined, 2],
        'a RegExp: the exec array');
    t.equal('abc'.match(/x/), null, 'no match');
    t.deepEqual('a<b>c'.match(/[<>]/g), ['<', '>'], 'a global RegExp: every match');
    t.equal('abc'.match(/x/g), null, 'a global RegExp with no match');
    var g = /b/g;
    g.lastIndex = 2;
    t.deepEqual('abab'.match(g), ['b', 'b'], 'global: from 0 whatever lastIndex');
    t.equal(g.lastIndex, 0, 'and lastIndex is 0 after');
    var y = new RegExp('b', 'y');
    t.equal('ab'.match(y), null, 'a sticky RegExp matches only at lastIndex');
    y.lastIndex = 1;
    t.equal('ab'.match(y)[0], 'b', 'at lastIndex 1');
    t.equal(y.lastIndex, 2, 'and moves it');
    var ng = new RegExp('(?<year>\\d{4})-(?<month>\\d\\d)');
    var d = 'on 2026-12 here'.match(ng);
    t.deepEqual([d.index, d.groups.year, d.groups.month], [3, '2026', '12'], 'named groups');
    var withIndices = 'xaby'.match(new RegExp('a(b)', 'd'));
    t.deepEqual([withIndices.indices[0][0], withIndices.indices[1][0]], [1, 2], 'the d flag: indices');
    t.deepEqual('a\ud83d\ude00b'.match(new RegExp('(?:)', 'gu')).length, 4, 'global, unicode, empty matches step by code point');
    t.deepEqual('a\ud83d\ude00b'.match(/(?:)/g).length, 5, 'global, empty matches step by code unit');
    'xy-12'.match(/(\d)(\d)/);
    t.deepEqual([RegExp.$1, RegExp.$2, RegExp.lastMatch], ['1', '2', '12'], 'RegExp.$1 and the other statics');
    t.deepEqual('x1y22'.match(/\d+/g), ['1', '22'], 'global');
    t.equal(RegExp.lastMatch, '22', 'global: the statics of the last match');
    t.equal('a.b'.match('.')[0], 'a', 'a string is a pattern');
    t.equal('a1'.match(1).index, 1, 'a number is a pattern');
    t.equal('ab'.match()[0], '', 'no argument matches the empty pattern');
    t.equal(String.prototype.match.call(12345, /4/).index, 3, 'a number receiver');
    t.throws(function () { String.prototype.match.call(null, /a/); }, TypeError, 'null receiver');
    t.equal('\u00e9a'.match(/a/).index, 1, 'non-ASCII text: a UTF-16 index');
    t.equal(String.prototype.match.name, 'match', 'name');
    t.equal(String.prototype.match.length, 1, 'length');
    t.throws(function () { new String.prototype.match(/a/); }, TypeError, 'not a constructor');
    var custom = /a/;
    custom.exec = function (s) { return { 0: 'own exec on ' + s, index: 9 }; };
    t.equal('ab'.match(custom)[0], 'own exec on ab', 'an own exec is called');
    var matcher = {};
    matcher[Symbol.match] = function (s) { return 'matched ' + s; };
    t.equal('xy'.match(matcher), 'matched xy', 'an object with @@match');
    var calls = [];
    var viaGetter = /b/;
    Object.defineProperty(viaGetter, 'exec', {
        get: function () { calls.push('exec got'); return RegExp.prototype.exec; }, configurable: true
    });
    t.equal('abc'.match(viaGetter).index, 1, 'an exec accessor: the match');
    t.deepEqual(calls, ['exec got'], 'and the getter is called once');
    var order = [];
    var logged = /b/g;
    ['flags', 'global', 'unicode', 'unicodeSets', 'hasIndices', 'ignoreCase', 'multiline', 'dotAll', 'sticky'].forEach(function (name) {
        var d = Object.getOwnPropertyDescriptor(RegExp.prototype, name);
        Object.defineProperty(logged, name, {
            get: function () { order.push(name); return d.get.call(this); }, configurable: true
        });
    });
    t.deepEqual('abcb'.match(logged), ['b', 'b'], 'flags read through own getters: the matches');
    t.ok(order.indexOf('global') >= 0, 'and the global flag through its own getter');
    var savedGlobal = Object.getOwnPropertyDescriptor(RegExp.prototype, 'global');
    Object.defineProperty(RegExp.prototype, 'global', { get: function () { return false; }, configurable: true });
    var notGlobal = /b/g;
    try {
        var one = 'abab'.match(notGlobal);
        t.deepEqual([one.length, one.index, notGlobal.lastIndex], [1, 1, 2],
            'a replaced global getter on RegExp.prototype is what @@match sees: one exec');
    } finally {
        Object.defineProperty(RegExp.prototype, 'global', savedGlobal);
    }
    t.deepEqual('abab'.match(notGlobal), ['b', 'b'], 'and once restored, global again');
    var savedMatch = Object.getOwnPropertyDescriptor(RegExp.prototype, Symbol.match);
    Object.defineProperty(RegExp.prototype, Symbol.match, {
        value: function (s) { return 'replaced ' + s; }, configurable: true, writable: true
    });
    try {
        t.equal('abc'.match(/b/), 'replaced abc', 'a replaced @@match on RegExp.prototype is called');
    } finally {
        Object.defineProperty(RegExp.prototype, Symbol.match, savedMatch);
    }
    t.equal('abc'.match(/c/).index, 2, 'and once restored, the built-in again');
    var seen = [];
    var proxy = new Proxy(/c/, { get: function (target, key) { seen.push(String(key)); return target[key]; } });
    try {
        'abc'.match(proxy);
    } catch (e) {
        seen.push(e.name);
    }
    t.equal(seen[0], 'Symbol(Symbol.match)', 'a Proxy: its get trap is asked for @@match first');
    t.ok(seen.indexOf('flags') > 0 || seen.indexOf('global') > 0, 'then for its flags');
    var sub = /b/;
    Object.setPrototypeOf(sub, Object.create(RegExp.prototype, {
        exec: { value: function () { return { 0: 'sub', index: 7 }; } }
    }));
    t.equal('abc'.match(sub).index, 7, 'an exec of a prototype in between');
    var lastIndexRead = 0;
    var li = new RegExp('b', 'y');
    li.lastIndex = { valueOf: function () { lastIndexRead++; return 1; } };
    t.equal('abc'.match(li).index, 1, 'a sticky RegExp: lastIndex converted');
    t.equal(lastIndexRead, 1, 'once');
    t.equal('ab'.match(Object.freeze(/b/)).index, 1, 'a frozen RegExp');
    t.throws(function () { 'ab'.match(Object.freeze(/b/g)); }, TypeError,
        'a frozen global RegExp: lastIndex cannot be set to 0');
});

test('String.prototype.replace: the built-in RegExp and everything else', function (t) {
    t.equal('a<b>c'.replace(/[<>]/, '_'), 'a_b>c', 'a RegExp: the first match');
    t.equal('a<b>c'.replace(/[<>]/g, '_'), 'a_b_c', 'a global RegExp: every match');
    t.equal('abc'.replace(/x/g, '_'), 'abc', 'no match');
    t.equal('/api/products'.replace(/^\/api\/([^/]+)$/, '$1!'), 'products!', 'a group in the replacement');
    t.equal('2026-12'.replace(new RegExp('(?<y>\\d+)-(?<m>\\d+)'), '$<m>/$<y>'), '12/2026', 'named groups in the replacement');
    t.equal('abc'.replace(/b/, "[$`|$&|$'|$$]"), 'a[a|b|c|$]c', 'the other patterns of the replacement');
    var args = [];
    t.equal('x1y22'.replace(/(\d)(\d)?/g, function (m, a, b, pos, s) {
        args.push([m, a, b, pos, s].join(','));
        return '<' + m + '>';
    }), 'x<1>y<22>', 'a function replacement');
    t.deepEqual(args, ['1,1,,1,x1y22', '22,2,2,3,x1y22'], 'called with the match, groups, position and string');
    var g = /b/g;
    g.lastIndex = 3;
    t.equal('abab'.replace(g, '_'), 'a_a_', 'global: from 0 whatever lastIndex');
    t.equal(g.lastIndex, 0, 'and lastIndex is 0 after');
    var y = new RegExp('b', 'y');
    t.equal('ab'.replace(y, '_'), 'ab', 'a sticky RegExp matches only at lastIndex');
    y.lastIndex = 1;
    t.equal('ab'.replace(y, '_'), 'a_', 'at lastIndex 1');
    t.equal(y.lastIndex, 2, 'and moves it');
    t.equal('a\ud83d\ude00b'.replace(new RegExp('(?:)', 'gu'), '-'), '-a-\ud83d\ude00-b-', 'global, unicode, empty matches by code point');
    t.equal('ab'.replace(/(?:)/g, '-'), '-a-b-', 'global, empty matches by code unit');
    'xy-12'.replace(/(\d)(\d)/, '');
    t.deepEqual([RegExp.$1, RegExp.$2], ['1', '2'], 'RegExp.$1 and the other statics');
    t.equal('a1'.replace(/\d/, 2), 'a2', 'a replacement that is not a string is converted');
    var converted = 0;
    t.equal('a1'.replace(/\d/, { toString: function () { converted++; return 'N'; } }), 'aN', 'an object replacement');
    t.equal(converted, 1, 'converted once');
    t.equal('a.b'.replace('.', '_'), 'a_b', 'a string is not a pattern');
    t.equal(String.prototype.replace.call(12345, /4/, 'x'), '123x5', 'a number receiver');
    t.throws(function () { String.prototype.replace.call(null, /a/, ''); }, TypeError, 'null receiver');
    t.equal('\u00e9a\u00e9'.replace(/a/, 'b'), '\u00e9b\u00e9', 'non-ASCII text');
    t.equal('ab'.replace(/b/), 'aundefined', 'no replacement: "undefined"');
    t.equal(String.prototype.replace.name, 'replace', 'name');
    t.equal(String.prototype.replace.length, 2, 'length');
    t.throws(function () { new String.prototype.replace(/a/, ''); }, TypeError, 'not a constructor');
    var custom = /a/;
    custom.exec = function (s) { return s === 'ab' && this.lastIndex === 0 ? { 0: 'a', index: 0, length: 1 } : null; };
    t.equal('ab'.replace(custom, 'own '), 'own b', 'an own exec is called');
    var replacer = {};
    replacer[Symbol.replace] = function (s, r) { return 'replaced ' + s + ' with ' + r; };
    t.equal('xy'.replace(replacer, 'z'), 'replaced xy with z', 'an object with @@replace');
    var calls = [];
    var viaGetter = /b/;
    Object.defineProperty(viaGetter, 'exec', {
        get: function () { calls.push('exec got'); return RegExp.prototype.exec; }, configurable: true
    });
    t.equal('abc'.replace(viaGetter, '_'), 'a_c', 'an exec accessor: the replacement');
    t.deepEqual(calls, ['exec got'], 'and the getter is called once');
    var savedGlobal = Object.getOwnPropertyDescriptor(RegExp.prototype, 'global');
    Object.defineProperty(RegExp.prototype, 'global', { get: function () { return false; }, configurable: true });
    var notGlobal = /b/g;
    var once;
    try {
        once = 'abab'.replace(notGlobal, '_');
    } finally {
        Object.defineProperty(RegExp.prototype, 'global', savedGlobal);
    }
    t.equal(once, 'a_ab', 'a replaced global getter on RegExp.prototype: one replacement');
    notGlobal.lastIndex = 0;
    t.equal('abab'.replace(notGlobal, '_'), 'a_a_', 'and once restored, global again');
    var savedReplace = Object.getOwnPropertyDescriptor(RegExp.prototype, Symbol.replace);
    Object.defineProperty(RegExp.prototype, Symbol.replace, {
        value: function (s, r) { return 'replaced ' + s; }, configurable: true, writable: true
    });
    var replaced;
    try {
        replaced = 'abc'.replace(/b/, '');
    } finally {
        Object.defineProperty(RegExp.prototype, Symbol.replace, savedReplace);
    }
    /* (asserted once restored: the harness itself replaces) */
    t.equal(replaced, 'replaced abc', 'a replaced @@replace on RegExp.prototype is called');
    t.equal('abc'.replace(/c/, '_'), 'ab_', 'and once restored, the built-in again');
    var seen = [];
    var proxy = new Proxy(/c/, { get: function (target, key) { seen.push(String(key)); return target[key]; } });
    try {
        'abc'.replace(proxy, '_');
    } catch (e) {
        seen.push(e.name);
    }
    t.equal(seen[0], 'Symbol(Symbol.replace)', 'a Proxy: its get trap is asked for @@replace first');
    t.ok(seen.indexOf('flags') > 0 || seen.indexOf('global') > 0, 'then for its flags');
    t.equal('ab'.replace(Object.freeze(/b/), '_'), 'a_', 'a frozen RegExp');
    t.throws(function () { 'ab'.replace(Object.freeze(/b/g), '_'); }, TypeError,
        'a frozen global RegExp: lastIndex cannot be set to 0');
    var throwing = /b/g;
    t.throws(function () { 'abab'.replace(throwing, function () { throw new RangeError('no'); }); }, RangeError,
        'a function replacement that throws');
});

test('String.prototype.replaceAll, split and at: the common cases in C, the rest handed on', function (t) {
    t.equal('a&b&&c'.replaceAll('&', '&amp;'), 'a&amp;b&amp;&amp;c', 'an ASCII search string, every occurrence');
    t.equal('aaa'.replaceAll('aa', 'b'), 'ba', 'occurrences do not overlap');
    t.equal('abc'.replaceAll('x', 'y'), 'abc', 'none');
    t.equal('&a&'.replaceAll('&', ''), 'a', 'at both ends, by nothing');
    t.equal('ab'.replaceAll('abc', 'x'), 'ab', 'a search string longer than the text');
    t.equal('\u00e9&\u00e9\ud83d\ude00&'.replaceAll('&', '\u00fc'), '\u00e9\u00fc\u00e9\ud83d\ude00\u00fc', 'text and replacement beyond ASCII');
    t.equal(String.fromCodePoint(0x1F600, 38, 0x10000).replaceAll('&', '+'), String.fromCodePoint(0x1F600, 43, 0x10000), 'astral characters around');
    t.equal('ab'.replaceAll('', '-'), '-a-b-', 'an empty search string: between code units');
    t.equal('\ud83d\ude00'.replaceAll('', '-'), '-\ud83d-\ude00-', 'and between the halves of a pair');
    t.equal('a\u00e9b\u00e9'.replaceAll('\u00e9', 'e'), 'aebe', 'a search string beyond ASCII');
    t.equal('a&b'.replaceAll('&', '[$&]'), 'a[&]b', 'substitution patterns');
    t.equal('a&b'.replaceAll('&', "$$|$`|$'"), "a$|a|bb", 'the other patterns');
    t.equal('a&b&'.replaceAll('&', function (m, p) { return '<' + p + '>'; }), 'a<1>b<3>', 'a function');
    t.equal('a1b1'.replaceAll(1, 'x'), 'axbx', 'a number search value');
    t.equal('a&b'.replaceAll('&', 7), 'a7b', 'a number replacement');
    t.equal(String.prototype.replaceAll.call(1212, '2', 'x'), '1x1x', 'a number receiver');
    t.throws(function () { String.prototype.replaceAll.call(null, 'a', 'b'); }, TypeError, 'null receiver');
    t.equal('a<b>c<'.replaceAll(/[<>]/g, '_'), 'a_b_c_', 'a global RegExp');
    t.throws(function () { 'a<b'.replaceAll(/[<>]/, '_'); }, TypeError, 'a RegExp without g');
    var notRegExp = /</;
    notRegExp[Symbol.match] = false;
    t.equal('a<b<'.replaceAll(notRegExp, '_'), 'a_b<', 'a RegExp whose @@match is false is no RegExp to IsRegExp');
    var g = /b/g;
    g.lastIndex = 3;
    t.equal('abab'.replaceAll(g, '$&$&'), 'abbabb', 'a global RegExp: from 0, with patterns');
    t.equal(g.lastIndex, 0, 'lastIndex 0 after');
    var seen = [];
    var proxy = new Proxy(/c/g, { get: function (target, key) { seen.push(String(key)); return target[key]; } });
    try {
        'abc'.replaceAll(proxy, '_');
    } catch (e) {
        seen.push(e.name);
    }
    t.equal(seen[0], 'Symbol(Symbol.match)', 'a Proxy: IsRegExp asks its get trap first');
    t.equal(String.prototype.replaceAll.name, 'replaceAll', 'name');
    t.equal(String.prototype.replaceAll.length, 2, 'length');

    t.deepEqual('a,b,,c'.split(','), ['a', 'b', '', 'c'], 'split by a string');
    t.deepEqual('abc'.split(''), ['a', 'b', 'c'], 'by the empty string');
    t.deepEqual(''.split(','), [''], 'the empty string');
    t.deepEqual('a\u00e9b\u00e9c'.split('\u00e9'), ['a', 'b', 'c'], 'a separator beyond ASCII');
    t.deepEqual('a,b'.split(), ['a,b'], 'no separator');
    t.deepEqual('a,b,c'.split(',', 2), ['a', 'b'], 'a limit');
    t.deepEqual('a,b,c'.split(',', undefined), ['a', 'b', 'c'], 'an undefined limit');
    t.deepEqual('a,b'.split(',', 0), [], 'limit 0');
    t.deepEqual('a1b'.split(1), ['a', 'b'], 'a number separator');
    t.deepEqual('a1b2c'.split(/\d/), ['a', 'b', 'c'], 'a RegExp');
    t.deepEqual(String.prototype.split.call(1213, '2'), ['1', '13'], 'a number receiver');
    t.throws(function () { String.prototype.split.call(undefined, ','); }, TypeError, 'undefined receiver');
    var splitter = {};
    splitter[Symbol.split] = function (s, lim) { return 'split ' + s + ' ' + lim; };
    t.equal('xy'.split(splitter, 3), 'split xy 3', 'an object with @@split');
    t.equal(String.prototype.split.name, 'split', 'name');
    t.equal(String.prototype.split.length, 2, 'length');

    t.equal('abc'.at(0), 'a', 'at 0');
    t.equal('abc'.at(-1), 'c', 'at -1');
    t.equal('abc'.at(3), undefined, 'past the end');
    t.equal('abc'.at(-4), undefined, 'before the start');
    t.equal('abc'.at(1.7), 'b', 'truncated');
    t.equal('abc'.at(-1.7), 'c', 'truncated toward zero');
    t.equal('abc'.at(NaN), 'a', 'NaN is 0');
    t.equal('abc'.at(), 'a', 'no index is 0');
    t.equal('abc'.at(Infinity), undefined, 'Infinity');
    t.equal('abc'.at(-Infinity), undefined, '-Infinity');
    t.equal('abc'.at('1'), 'b', 'a string index');
    t.equal('abc'.at({ valueOf: function () { return 2; } }), 'c', 'an object index');
    t.equal('\ud83d\ude00'.at(0), '\ud83d', 'a code unit, not a code point');
    t.equal('\u00e9t\u00e9'.at(-1), '\u00e9', 'beyond ASCII');
    t.equal(String.prototype.at.call(123, 1), '2', 'a number receiver');
    t.throws(function () { String.prototype.at.call(null, 0); }, TypeError, 'null receiver');
    t.equal(String.prototype.at.name, 'at', 'name');
    t.equal(String.prototype.at.length, 1, 'length');
});

test('Map and Set: string keys looked up in place', function (t) {
    var m = new Map([['a', 1], ['1', 'one'], [1, 'number'], ['', 'empty'], ['__proto__', 'p'], ['u', undefined]]);
    t.equal(m.get('a'), 1, 'get');
    t.equal(m.get('1'), 'one', 'the string "1"');
    t.equal(m.get(1), 'number', 'and the number 1 are two keys');
    t.equal(m.get(''), 'empty', 'the empty string');
    t.equal(m.get('__proto__'), 'p', '__proto__');
    t.ok(m.has('u') && m.get('u') === undefined, 'a key whose value is undefined is there');
    t.ok(!m.has('missing') && m.get('missing') === undefined, 'a missing key');
    t.equal(m.get('toString'), undefined, 'nothing inherited');
    m.delete('a');
    t.ok(!m.has('a') && m.get('a') === undefined, 'a deleted key');
    m.set('a', 2);
    t.equal(m.get('a'), 2, 'set again');
    m.clear();
    t.ok(!m.has('1') && m.size === 0, 'after clear');
    m.set('1', 'again');
    t.equal(m.get('1'), 'again', 'and after clear, set');
    for (var i = 0; i < 40; i++) {
        m.set('k' + i, i);
    }
    for (i = 0; i < 40; i += 2) {
        m.delete('k' + i);
    }
    t.equal(m.get('k39'), 39, 'after many deletions (compaction)');
    t.ok(!m.has('k38') && m.has('k37'), 'has after compaction');
    var s = new Set(['x', 'y']);
    t.ok(s.has('x') && !s.has('z'), 'Set.has');
    s.delete('x');
    t.ok(!s.has('x'), 'Set.has after delete');
    t.throws(function () { Map.prototype.get.call(new Set(['x']), 'x'); }, TypeError, 'a Set is no Map');
    t.throws(function () { Set.prototype.has.call(new Map([['x', 1]]), 'x'); }, TypeError, 'a Map is no Set');
    function Sub() { return Reflect.construct(Map, [[['q', 'r']]], Sub); }
    Sub.prototype = Object.create(Map.prototype);
    t.equal(new Sub().get('q'), 'r', 'a subclass');
    var frozen = Object.freeze(new Map([['f', 1]]));
    t.equal(frozen.get('f'), 1, 'a frozen Map');
    /* the key's hash ("s" + key) is found in the string table without
     * being made: keys up to 256 bytes; longer ones are concatenated */
    var long255 = new Array(256).join('x'), long256 = long255 + 'y', long257 = long256 + 'z';
    var big = new Map([[long255, 255], [long256, 256], [long257, 257], ['\u00e9t\u00e9', 'e'], ['\ud83d\ude00', 'smile']]);
    t.deepEqual([big.get(long255), big.get(long256), big.get(long257)], [255, 256, 257], 'keys of 255, 256, 257 bytes');
    t.ok(!big.has(long257 + 'w') && !big.has(long256.slice(1)) && !big.has(long255 + 'q'),
        'missing long keys, either way');
    t.deepEqual([big.get('\u00e9t\u00e9'), big.get('\ud83d\ude00'), big.has('\ud83d')], ['e', 'smile', false],
        'keys beyond ASCII, and half of a surrogate pair');
    var fresh = 'never' + Math.random() + 'seen';
    t.ok(!big.has(fresh) && big.get(fresh) === undefined, 'a key no string of the heap has as hash');
    big.set(fresh, 'now');
    t.equal(big.get(fresh), 'now', 'and once set, found');
    function Tagged(entries) {
        var self = Reflect.construct(Map, [entries], Tagged);
        self.tag = 't';
        return self;
    }
    Tagged.prototype = Object.create(Map.prototype);
    var tagged = new Tagged([['k', 'v']]);
    Object.defineProperty(tagged, 'extra', { value: 1 });
    t.deepEqual([tagged.get('k'), tagged.has('tag')], ['v', false], 'a subclass with own fields');
    var setOfLong = new Set([long257, 'short']);
    t.ok(setOfLong.has(long257) && setOfLong.has('short') && !setOfLong.has(long256), 'Set.has of long keys');
});

test('Array.from: an array copied in C, everything else handed on', function (t) {
    var a = [1, , 3];
    var copy = Array.from(a);
    t.deepEqual(copy, [1, undefined, 3], 'a hole reads as undefined');
    t.ok(copy !== a && copy.hasOwnProperty(1), 'a new array, the hole filled');
    var grown = [1, 2];
    Object.defineProperty(Array.prototype, 2, {
        get: function () { if (this === grown) { grown.length = 4; } return 'inherited'; }, configurable: true
    });
    try {
        grown.length = 3;
        t.deepEqual(Array.from(grown), [1, 2, 'inherited', undefined], 'the length is read again at each element');
    } finally {
        delete Array.prototype[2];
    }
    function Sub() {}
    t.ok(Array.from.call(Sub, [7]) instanceof Sub, 'another constructor: the JavaScript');
    t.deepEqual(Array.from([1, 2], function (v) { return v * 2; }), [2, 4], 'a mapping function: the JavaScript');
    t.deepEqual(Array.from([1, 2], undefined), [1, 2], 'an undefined mapping function: the copy');
    var reads = 0;
    var custom = [1, 2];
    Object.defineProperty(custom, Symbol.iterator, {
        get: function () { reads++; return function () { return [9][Symbol.iterator](); }; }
    });
    t.deepEqual(Array.from(custom), [9], 'an own @@iterator of an array is iterated');
    t.equal(reads, 1, '@@iterator is read once');
    var next = Object.getPrototypeOf([][Symbol.iterator]()).next;
    var ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
    ArrayIteratorPrototype.next = function () { return { done: true }; };
    try {
        t.deepEqual(Array.from([1, 2]), [], 'a replaced array iterator next is called');
    } finally {
        ArrayIteratorPrototype.next = next;
    }
    t.deepEqual(Array.from([1, 2]), [1, 2], 'and the copy is back with it');
    var seen = [];
    var proxy = new Proxy([5, 6], { get: function (tg, k) { seen.push(String(k)); return tg[k]; } });
    t.deepEqual(Array.from(proxy), [5, 6], 'a proxy over an array');
    t.ok(seen.indexOf('length') >= 0 && seen.indexOf('0') >= 0, 'through its traps');
    t.deepEqual(Array.from(new Map([[1, 'a']]).values()), ['a'], 'a Map iterator');
    t.deepEqual(Array.from('ab'), ['a', 'b'], 'a string');
    t.deepEqual(Array.from({ length: 2, 0: 'x' }), ['x', undefined], 'an array-like');
    t.throws(function () { Array.from(null); }, TypeError, 'null');
});

test('Array.from of a Map or Set iterator: what it has left, read in place', function (t) {
    var m = new Map([['a', 1], ['b', 2], ['c', 3]]);
    t.deepEqual(Array.from(m.values()), [1, 2, 3], 'values');
    t.deepEqual(Array.from(m.keys()), ['a', 'b', 'c'], 'keys');
    t.deepEqual(Array.from(m.entries()), [['a', 1], ['b', 2], ['c', 3]], 'entries');
    t.deepEqual(Array.from(m), [['a', 1], ['b', 2], ['c', 3]], 'the Map itself');
    var s = new Set(['x', 'y']);
    t.deepEqual(Array.from(s.values()), ['x', 'y'], 'Set values');
    t.deepEqual(Array.from(s.entries()), [['x', 'x'], ['y', 'y']], 'Set entries');
    var it = m.values();
    it.next();
    t.deepEqual(Array.from(it), [2, 3], 'a started iterator: the rest');
    t.ok(it.next().done, 'and it is done after');
    t.deepEqual(Array.from(it), [], 'a done iterator: nothing');
    m['delete']('b');
    t.deepEqual(Array.from(m.keys()), ['a', 'c'], 'a deleted entry is skipped');
    var live = m.keys();
    live.next();
    m.set('d', 4);
    t.deepEqual(Array.from(live), ['c', 'd'], 'an entry added after the iterator was made');
    var cleared = m.entries();
    m.clear();
    m.set('e', 5);
    t.deepEqual(Array.from(cleared), [['e', 5]], 'a map cleared and refilled since: the new entries');
    var forged = Object.create(Object.getPrototypeOf(new Map().values()));
    t.throws(function () { Array.from(forged); }, TypeError, 'an object made on the iterator prototype: its next throws');
    var patched = new Map([[1, 1]]).values();
    patched.next = function () { return { done: true }; };
    t.deepEqual(Array.from(patched), [], 'an iterator with its own next: that next');
});

test('concat: strings and numbers in C, everything else as before (checked against Node 20)', function (t) {
    t.equal('a'.concat('b', 1, 2.5, -0, NaN, 1e21), 'ab12.50NaN1e+21', 'strings and numbers');
    t.equal('a'.concat(0.1 + 0.2, 1 / 3, 5e-7, 123456789012345680000),
        'a0.300000000000000040.33333333333333335e-7123456789012345680000', 'numbers as ToString writes them');
    t.equal('a'.concat(), 'a', 'no arguments');
    t.equal(''.concat(''), '', 'empty');
    t.equal('\u00e9'.concat('\u00fc', '\u00df'), '\u00e9\u00fc\u00df', 'non-ASCII');
    t.equal('\uD83D'.concat('\uDE00').codePointAt(0), 0x1F600, 'a surrogate pair joined from two halves');
    t.equal('\uD83D'.concat('\uDE00').length, 2, 'two code units');
    t.equal('a'.concat(null, undefined, true), 'anullundefinedtrue', 'null, undefined, a boolean');
    var calls = [];
    var x = { toString: function () { calls.push('x'); return 'X'; } };
    var y = { valueOf: function () { calls.push('y.valueOf'); return 1; }, toString: function () { calls.push('y'); return 'Y'; } };
    t.equal('a'.concat(x, 2, y), 'aX2Y', 'objects: their toString');
    t.deepEqual(calls, ['x', 'y'], 'called once each, in order, toString first');
    t.equal('a'.concat(BigInt(5)), 'a5', 'a BigInt');
    t.throws(function () { 'a'.concat(Symbol('s')); }, TypeError, 'a symbol throws');
    t.equal(String.prototype.concat.call(5, 6), '56', 'a number as this');
    t.equal(String.prototype.concat.call({ toString: function () { return 'T'; } }, 'u'), 'Tu', 'an object as this');
    t.throws(function () { String.prototype.concat.call(null, 'a'); }, TypeError, 'null as this');
    t.throws(function () { String.prototype.concat.call(undefined); }, TypeError, 'undefined as this');
    var big = new Array(301).join('x');
    t.equal(big.concat(big).length, 600, 'past 512 bytes (Duktape\'s concat)');
    t.equal(big.concat(big, 'y').slice(-2), 'xy', 'its last bytes');
    var edge = new Array(257).join('z');
    t.equal(edge.concat(edge, 1).length, 513, 'one byte past the limit');
    t.equal(edge.concat(edge).length, 512, 'at the limit');
    t.equal(String.prototype.concat.name, 'concat', 'name');
    t.equal(String.prototype.concat.length, 1, 'length');
    t.throws(function () { new String.prototype.concat(); }, TypeError, 'not a constructor');
    t.equal(Object.getOwnPropertyDescriptor(String.prototype, 'concat').enumerable, false, 'not enumerable');
});
