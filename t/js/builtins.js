// SPDX-License-Identifier: MIT
/*
 * ES2015-ES2022 built-ins added for lowered Workers code (ECMAScript 2022):
 * the iteration protocol (§27.1, §23.1.5, §22.1.5), Array, Object, String,
 * Math and Symbol additions, and what Babel's iteration helpers rely on.
 */

function collect(iterator) {
    var out = [];
    for (var r = iterator.next(); !r.done; r = iterator.next()) {
        out.push(r.value);
    }
    return out;
}

function isHidden(target, key) {
    var d = Object.getOwnPropertyDescriptor(target, key);
    return d !== undefined && !d.enumerable && d.writable && d.configurable;
}

test('Array iterators (§23.1.3.33, §23.1.5)', function (t) {
    t.equal(Array.prototype[Symbol.iterator], Array.prototype.values, '@@iterator is the same function as values');
    t.deepEqual(collect([1, 2][Symbol.iterator]()), [1, 2], 'values');
    t.deepEqual(collect(['a', 'b'].keys()), [0, 1], 'keys');
    t.deepEqual(collect(['a', 'b'].entries()), [[0, 'a'], [1, 'b']], 'entries');
    t.deepEqual(collect([, 'x'].values()), [undefined, 'x'], 'holes read as undefined');
    var grow = [1];
    var it = grow.values();
    var seen = [];
    for (var r = it.next(); !r.done; r = it.next()) {
        seen.push(r.value);
        if (grow.length < 3) {
            grow.push(r.value + 1);
        }
    }
    t.deepEqual(seen, [1, 2, 3], 'length is read on every step');
    grow.push(99);
    t.deepEqual(it.next(), { value: undefined, done: true }, 'a finished iterator stays finished');
    t.deepEqual(collect(Array.prototype.values.call({ length: 2, 0: 'a', 1: 'b' })), ['a', 'b'], 'generic on array-likes');
    t.equal(Object.prototype.toString.call([].values()), '[object Array Iterator]', 'Array Iterator tag');
    t.equal(it[Symbol.iterator](), it, 'iterator returns itself from @@iterator');
    t.ok(isHidden(Array.prototype, 'values') && isHidden(Array.prototype, Symbol.iterator), 'non-enumerable, writable, configurable');
    t.throws(function () {
        Array.prototype.values.call(null);
    }, TypeError, 'null receiver throws');
});

test('String iterator iterates code points (§22.1.3.34)', function (t) {
    t.deepEqual(collect('a\uD83D\uDE00b'[Symbol.iterator]()), ['a', '\uD83D\uDE00', 'b'], 'surrogate pairs stay together');
    t.deepEqual(collect('\uD83D\uD83Dx\uDE00'[Symbol.iterator]()), ['\uD83D', '\uD83D', 'x', '\uDE00'], 'lone surrogates are single items');
    t.deepEqual(Array.from('\uD83D\uDE00\uD83D\uDE01'), ['\uD83D\uDE00', '\uD83D\uDE01'], 'Array.from(string)');
    t.equal(String.prototype[Symbol.iterator].name, '[Symbol.iterator]', 'function name');
    t.equal(Object.prototype.toString.call(''[Symbol.iterator]()), '[object String Iterator]', 'String Iterator tag');
    t.throws(function () {
        String.prototype[Symbol.iterator].call(undefined);
    }, TypeError, 'undefined receiver throws');
});

test('Typed array iterators (§23.2.3)', function (t) {
    var u8 = new Uint8Array([5, 6]);
    t.deepEqual(collect(u8[Symbol.iterator]()), [5, 6], 'values');
    t.deepEqual(collect(u8.entries()), [[0, 5], [1, 6]], 'entries');
    t.deepEqual(Array.from(new Int16Array([-1, 2])), [-1, 2], 'Array.from(typed array)');
    t.throws(function () {
        Uint8Array.prototype.values.call([1]);
    }, TypeError, 'values requires a typed array receiver');
});

test('Array.from (§23.1.2.1)', function (t) {
    t.deepEqual(Array.from({ length: 3, 0: 'a', 2: 'c' }), ['a', undefined, 'c'], 'array-like with holes');
    t.deepEqual(Array.from([1, 2], function (v, i) { return v * 10 + i; }), [10, 21], 'mapFn gets value and index');
    var receiver = {};
    Array.from([1], function () { t.equal(this, receiver, 'thisArg is passed to mapFn'); }, receiver);
    t.deepEqual(Array.from(new Set([3, 3, 4])), [3, 4], 'iterables');
    t.throws(function () {
        Array.from(null);
    }, TypeError, 'null throws');
    t.throws(function () {
        Array.from([], 5);
    }, TypeError, 'non-callable mapFn throws');
    var iterable = {};
    var calls = 0;
    iterable[Symbol.iterator] = function () {
        calls += 1;
        var i = 0;
        return { next: function () { i += 1; return { value: i, done: i > 2 }; } };
    };
    t.deepEqual(Array.from(iterable), [1, 2], 'custom iterator');
    t.equal(calls, 1, '@@iterator called once');
    function C() {
        this.made = true;
    }
    var made = Array.from.call(C, ['x']);
    t.ok(made instanceof C && made.made && made[0] === 'x' && made.length === 1, 'this as constructor');
    t.equal(Array.from.length, 1, 'length is 1');
    var closed = 0;
    var endless = {};
    endless[Symbol.iterator] = function () {
        return { next: function () { return { value: 1, done: false }; }, 'return': function () { closed += 1; return {}; } };
    };
    t.throws(function () {
        Array.from(endless, function () { throw new RangeError('stop'); });
    }, RangeError, 'mapFn exception propagates');
    t.equal(closed, 1, 'and closes the iterator');
});

test('Array.of and Array.prototype additions (§23.1.2.3, §23.1.3)', function (t) {
    t.deepEqual(Array.of(7), [7], 'Array.of(7) is [7]');
    t.deepEqual(Array.of(), [], 'Array.of()');
    t.ok([1, NaN].includes(NaN), 'includes uses SameValueZero (NaN)');
    t.ok([-0].includes(0), 'includes: -0 equals +0');
    t.ok([, 1].includes(undefined), 'includes treats holes as undefined');
    t.ok(![1, 2, 3].includes(1, 1), 'includes fromIndex');
    t.ok([1, 2, 3].includes(3, -1), 'includes negative fromIndex');
    t.equal(Array.prototype.includes.length, 1, 'includes.length is 1');
    t.equal([5, 12, 8].find(function (x) { return x > 6; }), 12, 'find');
    t.equal([5, 12, 8].findIndex(function (x) { return x > 20; }), -1, 'findIndex not found');
    t.equal([5, 12, 8, 1].findLast(function (x) { return x > 6; }), 8, 'findLast');
    t.equal([5, 12, 8, 1].findLastIndex(function (x) { return x > 6; }), 2, 'findLastIndex');
    var visited = [];
    [, 'b'].find(function (v, i) { visited.push(i); });
    t.deepEqual(visited, [0, 1], 'find visits holes');
    t.deepEqual([1, 2, 3, 4].fill(0, 1, -1), [1, 0, 0, 4], 'fill with relative end');
    t.deepEqual([1, [2, [3, [4]]]].flat(), [1, 2, [3, [4]]], 'flat default depth 1');
    t.deepEqual([1, [2, [3, [4]]]].flat(Infinity), [1, 2, 3, 4], 'flat(Infinity)');
    t.deepEqual([1, , [2, , 3]].flat(), [1, 2, 3], 'flat skips holes');
    t.deepEqual([1, 2].flatMap(function (x) { return [x, [x * 2]]; }), [1, [2], 2, [4]], 'flatMap flattens one level');
    t.equal([1, 2, 3].at(-1), 3, 'at(-1)');
    t.equal([1, 2, 3].at(3), undefined, 'at out of range');
    t.deepEqual([1, 2, 3, 4, 5].copyWithin(0, 3), [4, 5, 3, 4, 5], 'copyWithin');
    t.deepEqual([1, 2, 3, 4, 5].copyWithin(1, 0, 3), [1, 1, 2, 3, 5], 'copyWithin with overlap copies backwards');
    t.equal(Array.prototype.copyWithin.length, 2, 'copyWithin.length is 2');
    t.equal(Array.prototype.flat.length, 0, 'flat.length is 0');
    t.ok(isHidden(Array.prototype, 'includes') && isHidden(Array, 'from'), 'attributes of added methods');
    t.equal(Array.prototype.findLast.name, 'findLast', 'name');
});

test('Object additions (§20.1.2)', function (t) {
    var o = { a: 1, b: 2 };
    Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
    o[Symbol('s')] = 4;
    t.deepEqual(Object.entries(o), [['a', 1], ['b', 2]], 'entries: own enumerable string keys');
    t.deepEqual(Object.values(o), [1, 2], 'values');
    t.deepEqual(Object.entries('ab'), [['0', 'a'], ['1', 'b']], 'entries of a string');
    t.throws(function () {
        Object.values(null);
    }, TypeError, 'values(null) throws');
    var mixed = { b: 1, 2: 'two', a: 2, 1: 'one' };
    t.deepEqual(Object.entries(mixed), [['1', 'one'], ['2', 'two'], ['b', 1], ['a', 2]],
        'integer keys first, ascending, then the others in order of creation');
    var removed = { x: 1, y: 2, z: 3 };
    delete removed.y;
    removed.y = 4;
    t.deepEqual(Object.entries(removed), [['x', 1], ['z', 3], ['y', 4]], 'a key deleted and added again comes last');
    var log = [];
    var getters = {
        get first() { log.push('first'); delete this.second; return 1; },
        second: 2,
        third: 3
    };
    t.deepEqual(Object.entries(getters), [['first', 1], ['third', 3]], 'a getter runs, and a key it deletes is skipped');
    t.deepEqual(log, ['first'], 'once');
    var big = {};
    for (var k = 0; k < 100; k++) {
        big['k' + k] = k;
    }
    var bigEntries = Object.entries(big);
    t.equal(bigEntries.length, 100, 'a large object');
    t.deepEqual(bigEntries[99], ['k99', 99], 'in order');
    t.deepEqual(Object.values(big).slice(0, 3), [0, 1, 2], 'values of it');
    function Point(x, y) { this.x = x; this.y = y; }
    Point.prototype.inherited = true;
    var pt = new Point(1, 2);
    t.deepEqual(Object.entries(pt), [['x', 1], ['y', 2]], 'an instance: inherited keys are not its own');
    var bare = Object.create(null);
    bare.q = 'r';
    t.deepEqual(Object.entries(bare), [['q', 'r']], 'an object without a prototype');
    t.deepEqual(Object.entries(Object.freeze({ f: 1 })), [['f', 1]], 'a frozen object');
    var e1 = Object.entries({ m: 1 }), e2 = Object.entries({ m: 1 });
    e1[0].push('more');
    t.deepEqual(e2, [['m', 1]], 'each call makes new arrays');
    t.ok(Array.isArray(e1) && Array.isArray(e1[0]) && e1.length === 1, 'arrays');
    t.deepEqual(Object.entries({}), [], 'an empty object');
    t.deepEqual(Object.values(Object.create({ inherited: 1 })), [], 'and one with only inherited keys');
    t.deepEqual(Object.entries(function f() {}), [], 'a function');
    t.deepEqual(Object.entries([7, 8]), [['0', 7], ['1', 8]], 'an array');
    var fromEntries = Object.fromEntries([['x', 1], ['__proto__', 2]]);
    t.equal(fromEntries.x, 1, 'fromEntries');
    t.ok(Object.prototype.hasOwnProperty.call(fromEntries, '__proto__') &&
        Object.getPrototypeOf(fromEntries) === Object.prototype, '__proto__ becomes an own data property');
    t.throws(function () {
        Object.fromEntries([1]);
    }, TypeError, 'non-object entry throws');
    t.deepEqual(Object.fromEntries([]), {}, 'fromEntries of no entries');
    t.throws(function () {
        Object.fromEntries(null);
    }, TypeError, 'fromEntries of null throws');
    t.throws(function () {
        Object.fromEntries('ab');
    }, TypeError, 'a string\'s characters are no entry objects');
    var sym = Symbol('s');
    var keyed = Object.fromEntries([[sym, 1], [2, 'two'], [{ toString: function () { return 'obj'; } }, 3],
        [null, 4], [true, 5]]);
    t.ok(keyed[sym] === 1 && keyed['2'] === 'two' && keyed.obj === 3 && keyed['null'] === 4 && keyed['true'] === 5,
        'keys made property keys: a Symbol kept, others converted (an object through its toString)');
    t.deepEqual(Object.fromEntries([['a', 1], ['a', 2]]), { a: 2 }, 'a later entry wins');
    t.deepEqual(Object.fromEntries([[], ['x']]), { 'undefined': undefined, x: undefined },
        'missing key and value read as undefined');
    var setterCalled = false;
    Object.defineProperty(Object.prototype, 'fromEntriesSetter', {
        set: function () { setterCalled = true; }, configurable: true
    });
    try {
        var defined = Object.fromEntries([['fromEntriesSetter', 1]]);
        t.ok(!setterCalled && Object.getOwnPropertyDescriptor(defined, 'fromEntriesSetter').value === 1,
            'entries are defined, not put: an inherited setter is not called');
        var fromIterator = {};
        fromIterator[Symbol.iterator] = function () {
            var pairs = [['fromEntriesSetter', 2], ['__proto__', 3]], i = 0;
            return { next: function () { return i < pairs.length ? { value: pairs[i++], done: false } : { done: true }; } };
        };
        var definedToo = Object.fromEntries(fromIterator);
        t.ok(!setterCalled && Object.getOwnPropertyDescriptor(definedToo, 'fromEntriesSetter').value === 2 &&
            Object.prototype.hasOwnProperty.call(definedToo, '__proto__') &&
            Object.getPrototypeOf(definedToo) === Object.prototype,
            'so are those of any iterator, __proto__ an own property');
    } finally {
        delete Object.prototype.fromEntriesSetter;
    }
    var order = [];
    var entryLike = {};
    Object.defineProperty(entryLike, '0', { get: function () { order.push('get 0'); return { toString: function () {
        order.push('key toString'); return 'k'; } }; } });
    Object.defineProperty(entryLike, '1', { get: function () { order.push('get 1'); return 'v'; } });
    t.deepEqual(Object.fromEntries([entryLike]), { k: 'v' }, 'an entry object with getters');
    t.deepEqual(order, ['get 0', 'get 1', 'key toString'], 'its key and value read, then the key converted');
    var growing = [['a', 1]];
    var grown = Object.fromEntries([['first', 0]].concat(growing).concat([[{ toString: function () {
        return 'last'; } }, 2]]));
    t.deepEqual(Object.keys(grown), ['first', 'a', 'last'], 'entries defined in order');
    var live = [['a', 1], [{ toString: function () { live.push(['added', 3]); return 'b'; } }, 2]];
    t.deepEqual(Object.fromEntries(live), { a: 1, b: 2, added: 3 },
        'an array\'s length read at each step, as its iterator reads it');
    var throwsAt = [['a', 1], 7, ['c', 3]];
    var thrown = null;
    try {
        Object.fromEntries(throwsAt);
    } catch (e) {
        thrown = e;
    }
    t.ok(thrown instanceof TypeError && thrown.message === 'Iterator value 7 is not an entry object',
        'a non-object entry in an array throws its TypeError');
    var patched = [['real', 1]];
    patched[Symbol.iterator] = function () {
        var done = false;
        return { next: function () {
            var r = { value: ['own', 2], done: done };
            done = true;
            return r;
        } };
    };
    t.deepEqual(Object.fromEntries(patched), { own: 2 }, 'an array\'s own @@iterator is used');
    var savedNext = Object.getPrototypeOf([][Symbol.iterator]()).next;
    var nexts = 0;
    Object.getPrototypeOf([][Symbol.iterator]()).next = function () {
        nexts++;
        return savedNext.call(this);
    };
    try {
        t.deepEqual(Object.fromEntries([['p', 1], ['q', 2]]), { p: 1, q: 2 }, 'with %ArrayIteratorPrototype%.next replaced');
        t.equal(nexts, 3, 'the replaced next is called for each step');
    } finally {
        Object.getPrototypeOf([][Symbol.iterator]()).next = savedNext;
    }
    var closed = 0;
    var iterable = {};
    iterable[Symbol.iterator] = function () {
        var i = 0;
        return {
            next: function () { i++; return i === 1 ? { value: ['a', 1], done: false } : { value: 5, done: false }; },
            'return': function () { closed++; return {}; }
        };
    };
    t.throws(function () {
        Object.fromEntries(iterable);
    }, TypeError, 'a bad entry from an iterator throws');
    t.equal(closed, 1, 'and closes the iterator');
    t.deepEqual(Object.fromEntries(new Uint8Array(0)), {}, 'an empty typed array');
    t.throws(function () {
        Object.fromEntries(new Uint8Array(1));
    }, TypeError, 'a typed array\'s numbers are no entry objects');
    var map = new Map([['m', 1], [2, 'n'], [sym, 3]]);
    var fromMap = Object.fromEntries(map);
    t.ok(fromMap.m === 1 && fromMap['2'] === 'n' && fromMap[sym] === 3, 'a Map\'s entries');
    var mutated = new Map();
    mutated.set({ toString: function () { mutated.set('late', 2); return 'early'; } }, 1);
    t.deepEqual(Object.fromEntries(mutated), { early: 1, late: 2 },
        'a Map changed by a key\'s conversion: the entry added meanwhile is seen, as its iterator sees it');
    var half = new Map([['x', 1], ['y', 2]]).entries();
    half.next();
    t.deepEqual(Object.fromEntries(half), { y: 2 }, 'a Map iterator gives what it has left');
    t.deepEqual(Object.fromEntries(new Set([['s', 1]])), { s: 1 }, 'a Set of entries');
    var savedEntries = Map.prototype[Symbol.iterator];
    Map.prototype[Symbol.iterator] = function () {
        return [['replaced', true]][Symbol.iterator]();
    };
    try {
        t.deepEqual(Object.fromEntries(new Map([['k', 1]])), { replaced: true }, 'a Map\'s replaced @@iterator is used');
    } finally {
        Map.prototype[Symbol.iterator] = savedEntries;
    }
    /* (no proxy is made in this file: Object.create takes its fast path) */
    t.ok(Object.create.name === 'create' && Object.create.length === 2, 'Object.create\'s name and length');
    var made = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } });
    t.ok(made.inherited === 1 && made.own === 2 && !Object.getOwnPropertyDescriptor(made, 'own').writable,
        'Object.create with a prototype and property descriptors');
    t.equal(Object.getPrototypeOf(Object.create(null)), null, 'Object.create(null)');
    t.throws(function () { Object.create(5); }, TypeError, 'Object.create of a primitive throws');
    t.throws(function () { Object.create(); }, TypeError, 'Object.create of nothing throws');
    t.throws(function () { Object.create({}, null); }, TypeError, 'null property descriptors throw');
    t.ok(Object.keys(Object.create({}, undefined)).length === 0, 'undefined property descriptors are none');
    t.throws(function () { new Object.create({}); }, TypeError, 'Object.create is no constructor');
    var descs = Object.getOwnPropertyDescriptors(o);
    t.deepEqual(descs.hidden, { value: 3, writable: false, enumerable: false, configurable: false }, 'getOwnPropertyDescriptors');
    t.equal(Object.getOwnPropertySymbols(descs).length, 1, 'includes symbol keys');
    t.ok(Object.is(NaN, NaN) && !Object.is(0, -0), 'Object.is');
});

test('String additions (§22.1.2, §22.1.3)', function (t) {
    t.equal('5'.padStart(3, '0'), '005', 'padStart');
    t.equal('abc'.padStart(10, '123'), '1231231abc', 'padStart truncates the filler');
    t.equal('abc'.padEnd(6), 'abc   ', 'padEnd default space');
    t.equal('abc'.padEnd(6, ''), 'abc', 'empty filler returns the string');
    t.equal('abc'.padStart(2), 'abc', 'shorter maxLength returns the string');
    t.equal(String.prototype.padStart.length, 1, 'padStart.length is 1');
    t.equal('  x  '.trimStart(), 'x  ', 'trimStart');
    t.equal('\t\n x \u00A0\uFEFF'.trimEnd(), '\t\n x', 'trimEnd removes NBSP and BOM');
    t.equal(String.prototype.trimLeft, String.prototype.trimStart, 'trimLeft is trimStart (Annex B)');
    t.equal('abc'.at(-1), 'c', 'at(-1)');
    t.equal('abc'.at(5), undefined, 'at out of range');
    t.equal('a.b.c'.replaceAll('.', '-'), 'a-b-c', 'replaceAll string');
    t.equal('aaa'.replaceAll('aa', 'b'), 'ba', 'matches do not overlap');
    t.equal('xy'.replaceAll('', '_'), '_x_y_', 'empty search matches between code units');
    t.equal('abc'.replaceAll('b', '[$&$`$\'$$]'), 'a[bac$]c', 'substitution patterns');
    t.equal('abab'.replaceAll('b', function (m, pos, s) { return pos + s.length; }), 'a5a7', 'function replacer gets match, position, string');
    t.equal('a1b2'.replaceAll(/\d/g, '#'), 'a#b#', 'global RegExp');
    t.throws(function () {
        'a'.replaceAll(/a/, 'b');
    }, TypeError, 'non-global RegExp throws');
    t.equal(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3), 'a1b2c', 'String.raw');
    t.equal(String.raw({ raw: 'xyz' }, '-'), 'x-yz', 'String.raw with fewer substitutions');
    t.equal(String.fromCodePoint(0x1F600), '\uD83D\uDE00', 'String.fromCodePoint');
    t.equal('\uD83D\uDE00'.codePointAt(0), 0x1F600, 'codePointAt');
    t.ok('abc'.startsWith('ab') && 'abc'.endsWith('bc') && 'abc'.includes('b'), 'startsWith / endsWith / includes');
    t.equal('ab'.repeat(2), 'abab', 'repeat');
});

test('Number and Math (§21.1, §21.3)', function (t) {
    t.ok(Number.isInteger(5) && !Number.isInteger(5.5) && !Number.isInteger('5'), 'isInteger');
    t.ok(Number.isSafeInteger(Math.pow(2, 53) - 1) && !Number.isSafeInteger(Math.pow(2, 53)), 'isSafeInteger');
    t.equal(Number.MAX_SAFE_INTEGER, 9007199254740991, 'MAX_SAFE_INTEGER');
    t.equal(Number.MIN_SAFE_INTEGER, -9007199254740991, 'MIN_SAFE_INTEGER');
    t.equal(Number.EPSILON, Math.pow(2, -52), 'EPSILON');
    t.equal(Number.parseFloat, parseFloat, 'Number.parseFloat is parseFloat');
    t.ok(!Number.isNaN('NaN') && Number.isNaN(NaN) && !Number.isFinite('1'), 'isNaN / isFinite do not coerce');
    t.equal(Math.fround(5.5), 5.5, 'fround exact');
    t.equal(Math.fround(5.05), 5.050000190734863, 'fround rounds to float32');
    t.equal(Math.expm1(0), 0, 'expm1(0)');
    t.equal(Math.expm1(-0), -0, 'expm1(-0) is -0');
    t.ok(Math.abs(Math.expm1(1e-10) - 1.00000000005e-10) < 1e-24, 'expm1 accurate near 0');
    t.ok(Math.abs(Math.log1p(1e-10) - 9.9999999995e-11) < 1e-24, 'log1p accurate near 0');
    t.equal(Math.log1p(-1), -Infinity, 'log1p(-1)');
    t.ok(Math.abs(Math.sinh(1) - 1.1752011936438014) < 1e-15, 'sinh(1)');
    t.equal(Math.cosh(0), 1, 'cosh(0)');
    t.equal(Math.tanh(Infinity), 1, 'tanh(Infinity)');
    t.equal(Math.tanh(-0), -0, 'tanh(-0)');
    t.ok(Math.abs(Math.asinh(1) - 0.881373587019543) < 1e-15, 'asinh(1)');
    t.equal(Math.acosh(1), 0, 'acosh(1)');
    t.ok(Number.isNaN(Math.acosh(0.5)), 'acosh below 1 is NaN');
    t.equal(Math.atanh(1), Infinity, 'atanh(1)');
    t.ok(Math.abs(Math.atanh(0.5) - 0.5493061443340548) < 1e-15, 'atanh(0.5)');
    t.ok(Math.trunc(-4.7) === -4 && Math.sign(-3) === -1 && Math.abs(Math.cbrt(27) - 3) < 1e-15, 'trunc / sign / cbrt');
    t.ok(Math.abs(Math.sinh(710) / 1.1169973830808557e+308 - 1) < 1e-15, 'sinh near overflow');
    t.ok(Math.clz32(1) === 31 && Math.imul(0xffffffff, 5) === -5 && Math.log2(8) === 3, 'clz32 / imul / log2');
    t.equal(Math.sinh.length, 1, 'length 1');
});

test('Symbol.asyncIterator, globalThis and what lowered code calls', function (t) {
    t.equal(typeof Symbol.asyncIterator, 'symbol', 'Symbol.asyncIterator is a symbol');
    var d = Object.getOwnPropertyDescriptor(Symbol, 'asyncIterator');
    t.ok(!d.writable && !d.enumerable && !d.configurable, 'well-known symbol attributes');
    t.equal(Symbol.asyncIterator.toString(), 'Symbol(Symbol.asyncIterator)', 'description');
    ['dispose', 'asyncDispose'].forEach(function (name) {
        var dd = Object.getOwnPropertyDescriptor(Symbol, name);
        t.ok(dd && typeof dd.value === 'symbol' && !dd.writable && !dd.enumerable && !dd.configurable,
            'Symbol.' + name + ' is a well-known symbol, as in Node 20 and workerd');
        t.equal(dd && dd.value.toString(), 'Symbol(Symbol.' + name + ')', 'its description');
        t.ok(dd && dd.value !== Symbol.for('Symbol.' + name), 'not a registered symbol');
    });
    t.equal(Symbol('x').description, 'x', 'Symbol.prototype.description');
    t.equal(typeof globalThis, 'object', 'globalThis');
    t.equal(globalThis.Array, Array, 'globalThis is the global object');
    t.equal(typeof Object.setPrototypeOf, 'function', 'Object.setPrototypeOf');
    t.equal(typeof Reflect.construct, 'function', 'Reflect.construct');
    /* Babel's _createForOfIteratorHelper / _iterableToArray shape: */
    function iterableToArray(iter) {
        if (typeof Symbol !== 'undefined' && iter[Symbol.iterator] != null || iter['@@iterator'] != null) {
            return Array.from(iter);
        }
        return undefined;
    }
    function forOf(o, fn) {
        var it = typeof Symbol !== 'undefined' && o[Symbol.iterator] || o['@@iterator'];
        if (!it) {
            if (Array.isArray(o)) {
                for (var i = 0; i < o.length; i++) {
                    fn(o[i]);
                }
                return;
            }
            throw new TypeError('Invalid attempt to iterate non-iterable instance.');
        }
        it = it.call(o);
        for (var step = it.next(); !step.done; step = it.next()) {
            fn(step.value);
        }
    }
    var out = [];
    forOf(new Map([[1, 2]]), function (entry) { out.push(entry); });
    forOf('hi', function (ch) { out.push(ch); });
    forOf([3], function (v) { out.push(v); });
    t.deepEqual(out, [[1, 2], 'h', 'i', 3], 'for-of lowering over Map, string, array');
    t.deepEqual(iterableToArray(new Set([1, 2])), [1, 2], 'spread lowering of a Set');
    (function () {
        t.deepEqual(Array.from(arguments), ['a', 'b'], 'Array.from(arguments) (array-like path)');
    })('a', 'b');
});

test('globalThis and self are the global object', function (t) {
    var global = (0, eval)('this');
    t.equal(globalThis, global, 'globalThis');
    t.equal(self, global, 'self');
    var d = Object.getOwnPropertyDescriptor(global, 'self');
    t.ok(d && d.writable && d.configurable && !d.enumerable, 'self: writable, configurable, not enumerable');
});

test('arguments objects iterate where built-ins take an iterable (§10.4.4.6)', function (t) {
    (function () {
        var set = new Set(arguments);
        t.equal(set.size, 2, 'new Set(arguments)');
        t.ok(set.has('a') && set.has('b'), 'with the arguments');
        t.deepEqual(Object.fromEntries((function () { return arguments; })(['k', 1])), { k: 1 }, 'Object.fromEntries(arguments)');
    })('a', 'b', 'a');
    (function () {
        var map = new Map(arguments);
        t.equal(map.get('x'), 1, 'new Map(arguments)');
    })(['x', 1]);
    t.throws(function () { return new Set({ length: 1, 0: 'a' }); }, TypeError, 'an array-like that is no arguments object is not iterable');
});
