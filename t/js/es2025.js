// SPDX-License-Identifier: MIT
/*
 * The ES2023-2025 library of js/14-es2025.js and Error.captureStackTrace
 * (js/14-errors.js), as real code uses them: Object.groupBy and
 * Map.groupBy, the Set methods with a Map or a set-like argument,
 * Array.fromAsync, the iterator helpers over the runtime's own iterators,
 * String.prototype.isWellFormed/toWellFormed, and captureStackTrace in a
 * custom error class. (An async generator made by fcworker-build's
 * lowering feeding Array.fromAsync: t/build-es2025.t.)
 */

function isHidden(target, key) {
    var d = Object.getOwnPropertyDescriptor(target, key);
    return d !== undefined && !d.enumerable && d.writable && d.configurable;
}

test('Object.groupBy and Map.groupBy (§20.1.2.12, §24.1.2.1)', function (t) {
    var people = [{ name: 'ann', team: 'red' }, { name: 'bob', team: 'blue' }, { name: 'cy', team: 'red' }];
    var byTeam = Object.groupBy(people, function (p) { return p.team; });
    t.equal(Object.getPrototypeOf(byTeam), null, 'a null-prototype object');
    t.deepEqual(Object.keys(byTeam), ['red', 'blue'], 'keys in the order of their first element');
    t.deepEqual(byTeam.red.map(function (p) { return p.name; }), ['ann', 'cy'], 'elements in order');
    var args = [];
    Object.groupBy('ab', function (c, i) { args.push(c + i); return c; });
    t.deepEqual(args, ['a0', 'b1'], 'the callback gets value and index; strings iterate');
    t.deepEqual(Object.keys(Object.groupBy('a\uD83D\uDE00a', function (c) { return c; })), ['a', '\uD83D\uDE00'],
        'by code points');
    t.deepEqual(Object.keys(Object.groupBy([1, 2, 3], function (n) { return n % 2 === 0; })), ['false', 'true'],
        'keys become property keys');
    var red = {}, blue = {};
    var m = Map.groupBy([1, 2, 3, -0], function (n) { return n === 0 ? 0 : n % 2 ? red : blue; });
    t.ok(m instanceof Map, 'Map.groupBy gives a Map');
    t.deepEqual(m.get(red), [1, 3], 'object keys kept as they are');
    t.deepEqual(m.get(blue), [2], 'each group');
    t.equal(1 / m.keys().toArray()[2], Infinity, '-0 becomes +0');
    t.throws(function () { Object.groupBy(null, String); }, TypeError, 'null items throw');
    t.throws(function () { Object.groupBy([], null); }, TypeError, 'a callback is required');
    t.ok(isHidden(Object, 'groupBy') && Object.groupBy.length === 2, 'attributes and length');
});

test('Set methods (§24.2.4) with Sets, Maps and set-likes', function (t) {
    var s = new Set([1, 2, 3]);
    var m = new Map([[3, 'c'], [4, 'd']]);
    t.deepEqual(Array.from(s.union(m)), [1, 2, 3, 4], 'union with a Map (its keys)');
    t.deepEqual(Array.from(s.intersection(m)), [3], 'intersection');
    t.deepEqual(Array.from(s.difference(m)), [1, 2], 'difference');
    t.deepEqual(Array.from(s.symmetricDifference(m)), [1, 2, 4], 'symmetricDifference');
    t.equal(new Set([3]).isSubsetOf(m), true, 'isSubsetOf');
    t.equal(s.isSupersetOf(new Set([1, 3])), true, 'isSupersetOf');
    t.equal(s.isDisjointFrom(new Set([7, 8])), true, 'isDisjointFrom');
    t.equal(s.isDisjointFrom(m), false, 'not disjoint');
    var setLike = {
        size: 2,
        has: function (v) { return v === 'x' || v === 'y'; },
        keys: function () { return ['x', 'y'].values(); }
    };
    t.deepEqual(Array.from(new Set(['x', 'z']).union(setLike)), ['x', 'z', 'y'], 'a set-like object');
    t.equal(new Set(['x']).isSubsetOf(setLike), true, 'has() of a set-like');
    t.ok(Object.getPrototypeOf(s.union(m)) === Set.prototype, 'results are plain Sets');
    t.deepEqual(Array.from(s), [1, 2, 3], 'the receiver is unchanged');
    t.throws(function () { s.union([1, 2]); }, TypeError, 'an array is not set-like (no size)');
    t.throws(function () { s.union({ size: -1, has: String, keys: String }); }, RangeError, 'negative size');
    t.throws(function () { Set.prototype.union.call(new Map(), s); }, TypeError, 'the receiver must be a Set');
});

test('Iterator and the iterator helpers (§27.1.3)', function (t) {
    t.equal(typeof Iterator, 'function', 'a global Iterator');
    t.equal(Object.getPrototypeOf(Object.getPrototypeOf([].values())), Iterator.prototype,
        'array iterators inherit Iterator.prototype');
    t.ok([].values() instanceof Iterator && new Map().entries() instanceof Iterator &&
        new Set().values() instanceof Iterator && ''[Symbol.iterator]() instanceof Iterator &&
        'a'.matchAll(/a/g) instanceof Iterator, 'so do the other iterators of the runtime');
    t.throws(function () { new Iterator(); }, TypeError, 'Iterator is abstract');
    var prices = new Map([['apple', 3], ['pear', 5], ['fig', 8]]);
    var cheap = prices.entries()
        .filter(function (e) { return e[1] < 6; })
        .map(function (e, i) { return i + ':' + e[0]; })
        .toArray();
    t.deepEqual(cheap, ['0:apple', '1:pear'], 'filter and map chained over Map.entries()');
    t.equal(prices.values().reduce(function (a, b) { return a + b; }), 16, 'reduce');
    t.equal(prices.keys().find(function (k) { return k.length === 3; }), 'fig', 'find');
    t.equal(prices.values().some(function (v) { return v > 7; }), true, 'some');
    t.equal(prices.values().every(function (v) { return v > 7; }), false, 'every');
    t.deepEqual([1, 2, 3, 4, 5].values().drop(1).take(3).toArray(), [2, 3, 4], 'drop and take');
    t.deepEqual(['a b', 'c'].values().flatMap(function (s) { return s.split(' '); }).toArray(), ['a', 'b', 'c'],
        'flatMap over iterables');
    var seen = [];
    new Set([1, 2]).values().forEach(function (v, i) { seen.push(v + '@' + i); });
    t.deepEqual(seen, ['1@0', '2@1'], 'forEach');
    var closed = 0;
    var counter = {
        i: 0,
        next: function () { this.i++; return { value: this.i, done: false }; },
        'return': function () { closed++; return {}; }
    };
    var fromIt = Iterator.from(counter);
    t.ok(fromIt instanceof Iterator, 'Iterator.from wraps a plain iterator');
    t.deepEqual(fromIt.map(function (x) { return x * x; }).take(3).toArray(), [1, 4, 9], 'an infinite source');
    t.equal(closed, 1, 'take closes the source when done');
    var helper = [1, 2, 3].values().map(String);
    t.equal(Object.prototype.toString.call(helper), '[object Iterator Helper]', 'Iterator Helper tag');
    t.deepEqual(helper.next(), { value: '1', done: false }, 'helpers are lazy iterators');
    t.deepEqual(helper['return'](), { value: undefined, done: true }, 'return() completes');
    t.deepEqual(helper.next(), { value: undefined, done: true }, 'and stays done');
    t.throws(function () { [].values().map(null); }, TypeError, 'callbacks must be callable');
    t.throws(function () { [].values().take(-1); }, RangeError, 'limits must not be negative');
    t.equal(Object.prototype.toString.call(Iterator.prototype), '[object Iterator]', 'Iterator.prototype tag');
});

test('Array.fromAsync', function (t) {
    var asyncIterable = {};
    asyncIterable[Symbol.asyncIterator] = function () {
        var i = 0;
        return {
            next: function () {
                i++;
                return Promise.resolve(i <= 3 ? { value: i, done: false } : { value: undefined, done: true });
            }
        };
    };
    var p = Array.fromAsync(asyncIterable, function (x) { return Promise.resolve(x * 10); });
    t.ok(p instanceof Promise, 'returns a Promise');
    return p.then(function (a) {
        t.deepEqual(a, [10, 20, 30], 'an async iterable, the mapped values awaited');
        return Array.fromAsync([Promise.resolve('a'), 'b']);
    }).then(function (a) {
        t.deepEqual(a, ['a', 'b'], 'a sync iterable of promises');
        return Array.fromAsync({ length: 2, 0: Promise.resolve(1), 1: 2 });
    }).then(function (a) {
        t.deepEqual(a, [1, 2], 'an array-like');
        return Array.fromAsync([Promise.reject(new Error('nope'))]);
    }).then(function () {
        t.ok(false, 'a rejected element rejects');
    }, function (e) {
        t.equal(e.message, 'nope', 'a rejected element rejects');
        return Array.fromAsync(null);
    }).then(function () {
        t.ok(false, 'null rejects');
    }, function (e) {
        t.ok(e instanceof TypeError, 'null rejects with a TypeError');
    });
});

test('String.prototype.isWellFormed and toWellFormed (§22.1.3.10, §22.1.3.32)', function (t) {
    t.equal('a\uD83D\uDE00b'.isWellFormed(), true, 'a surrogate pair is well formed');
    t.equal('a\uD800b'.isWellFormed(), false, 'a lone lead surrogate is not');
    t.equal('\uDC00'.isWellFormed(), false, 'nor a lone trail surrogate');
    t.equal('a\uD800b\uDC00'.toWellFormed(), 'a\uFFFDb\uFFFD', 'lone surrogates become U+FFFD');
    t.equal('\uDC00\uD800'.toWellFormed(), '\uFFFD\uFFFD', 'a reversed pair is two lone surrogates');
    t.equal('ok'.toWellFormed(), 'ok', 'other strings are unchanged');
    t.throws(function () { String.prototype.isWellFormed.call(null); }, TypeError, 'null receiver throws');
});

test('Error.captureStackTrace (V8 API)', function (t) {
    /* class DbError extends Error { constructor(message) { super(message);
     * this.name = 'DbError'; Error.captureStackTrace(this, DbError); } }
     * as the lowering writes it */
    function DbError(message) {
        var self = Error.call(this, message) || this;
        Object.setPrototypeOf(self, DbError.prototype);
        self.name = 'DbError';
        Error.captureStackTrace(self, DbError);
        return self;
    }
    DbError.prototype = Object.create(Error.prototype, {
        constructor: { value: DbError, writable: true, configurable: true }
    });
    function queryFailed() {
        return new DbError('connection refused');
    }
    var e = queryFailed();
    var lines = e.stack.split('\n');
    t.equal(lines[0], 'DbError: connection refused', 'the first line names the error');
    t.ok(/^ +at queryFailed /.test(lines[1]), 'the first frame is the caller of the constructor: ' + lines[1]);
    t.ok(!/DbError|captureStackTrace/.test(lines.slice(1).join('\n')), 'the constructor\'s own frames are left out');
    t.ok(isHidden(e, 'stack'), 'stack: writable, configurable, not enumerable');
    t.ok(e instanceof DbError && e instanceof Error, 'the error is unchanged otherwise');
    var plain = {};
    (function somewhere() {
        Error.captureStackTrace(plain);
    })();
    t.equal(plain.stack.split('\n')[0], 'Error', 'a plain object gets "Error" as its heading');
    t.ok(/^ +at somewhere /.test(plain.stack.split('\n')[1]), 'the frame that called captureStackTrace comes first');
    var other = {};
    Error.captureStackTrace(other, function notOnTheStack() {});
    t.equal(other.stack, 'Error', 'no frames when constructorOpt is not on the stack');
    t.throws(function () { Error.captureStackTrace(1); }, TypeError, 'a primitive target throws');
    t.equal(TypeError.captureStackTrace, Error.captureStackTrace, 'inherited by the other constructors');
    t.equal(Error.stackTraceLimit, 10, 'Error.stackTraceLimit');
});

test('Promise.try (ES2025): callbackfn called at once with the arguments; its value, a throw, a non-callable; this a constructor; a subclass', function (t) {
    t.equal(Promise.try.length, 1, 'length 1');
    t.equal(Promise.try.name, 'try', 'named try');
    var order = [];
    var p = Promise.try(function (a, b) { order.push('called ' + a + b); return a + b; }, 1, 2);
    order.push('after');
    t.deepEqual(order, ['called 12', 'after'], 'the callback ran before try returned');
    t.ok(p instanceof Promise, 'a promise');
    t.throws(function () { Promise.try.call(1, function () {}); }, TypeError, 'this not an object');
    t.throws(function () { Promise.try.call({}, function () {}); }, TypeError, 'this not a constructor');
    function Sub(executor) { return Reflect.construct(Promise, [executor], Sub); }
    Sub.prototype = Object.create(Promise.prototype);
    t.ok(Promise.try.call(Sub, function () { return 1; }) instanceof Sub, 'a subclass makes its own');
    var thenable = { then: function (resolve) { resolve('adopted'); } };
    return Promise.all([
        p.then(function (v) { t.equal(v, 3, 'fulfilled with the value'); }),
        t.rejects(Promise.try(function () { throw new RangeError('x'); }), RangeError, 'a throw rejects'),
        t.rejects(Promise.try(5), TypeError, 'a non-callable rejects with a TypeError'),
        Promise.try(function () { return thenable; }).then(function (v) { t.equal(v, 'adopted', 'a thenable is adopted'); })
    ]);
});

test('Error.isError (ES2026): [[ErrorData]], not the prototype chain', function (t) {
    t.equal(Error.isError.length, 1, 'length 1');
    function Sub() { return Reflect.construct(Error, ['s'], Sub); }
    Sub.prototype = Object.create(Error.prototype);
    function SubDOM() {}
    SubDOM.prototype = Object.create(DOMException.prototype);
    var thrown;
    try { null.x; } catch (e) { thrown = e; }
    [[new Error('e'), true, 'an Error'], [new TypeError('t'), true, 'a TypeError'],
        [new AggregateError([]), true, 'an AggregateError'], [new Sub(), true, 'a subclass instance'],
        [thrown, true, 'an error the engine threw'],
        [Object.create(Error.prototype), false, 'an object inheriting from Error.prototype'],
        [{ name: 'Error', message: 'm', stack: '' }, false, 'an error-like object'],
        [new Proxy(new Error('p'), {}), false, 'a proxy of an error'],
        [new DOMException('d', 'AbortError'), true, 'a DOMException'], [new DOMException(), true, 'one without arguments'],
        [Reflect.construct(DOMException, ['s', 'TimeoutError'], SubDOM), true, 'a DOMException subclass instance'],
        [AbortSignal.abort().reason, true, 'the runtime\'s own AbortError'],
        [structuredClone(new DOMException('c', 'DataCloneError')), true, 'a DOMException cloned'],
        [Object.create(DOMException.prototype), false, 'an object inheriting from DOMException.prototype'],
        [Object.setPrototypeOf({ name: 'AbortError', message: 'm', code: 20 }, DOMException.prototype), false,
            'an object given DOMException.prototype'],
        [new Proxy(new DOMException('p'), {}), false, 'a proxy of a DOMException'],
        [null, false, 'null'], [void 0, false, 'undefined'], ['Error', false, 'a string']
    ].forEach(function (c) {
        t.equal(Error.isError(c[0]), c[1], c[2]);
    });
});

test('Uint8Array base64 and hex (ES2026): a detached buffer, round trips of every byte value, a large input', function (t) {
    var bytes = new Uint8Array(256);
    for (var i = 0; i < 256; i++) { bytes[i] = i; }
    t.deepEqual(Array.from(Uint8Array.fromBase64(bytes.toBase64())), Array.from(bytes), 'base64 round trip');
    t.deepEqual(Array.from(Uint8Array.fromBase64(bytes.toBase64({ alphabet: 'base64url', omitPadding: true }),
        { alphabet: 'base64url' })), Array.from(bytes), 'base64url round trip without padding');
    t.deepEqual(Array.from(Uint8Array.fromHex(bytes.toHex().toUpperCase())), Array.from(bytes), 'hex round trip');
    t.equal(new Uint8Array([251, 255]).toBase64(), '+/8=', 'the standard alphabet');
    t.equal(new Uint8Array([251, 255]).toBase64({ alphabet: 'base64url' }), '-_8=', 'the url alphabet');
    t.equal(bytes.subarray(250, 253).toHex(), 'fafbfc', 'a subarray');
    t.equal(btoa(String.fromCharCode.apply(null, Array.from(bytes))), bytes.toBase64(), 'what btoa gives');
    var target = new Uint8Array(8);
    t.throws(function () { target.setFromBase64('Zm9vYmFy!'); }, SyntaxError, 'a bad character');
    t.deepEqual(Array.from(target), [102, 111, 111, 98, 97, 114, 0, 0], 'the bytes before the error are written');
    var small = new Uint8Array(4);
    t.deepEqual(small.setFromBase64('Zm9vYmFy!'), { read: 4, written: 3 },
        'decoding stops before a chunk the target has no room for, so a later error is not seen');
    var big = new Uint8Array(3 << 20);
    for (var j = 0; j < big.length; j += 4096) { big[j] = j & 255; }
    var text = big.toBase64();
    t.equal(text.length, 4 << 20, 'a 3 MiB array as 4 MiB of base64');
    t.ok(Uint8Array.fromBase64(text)[8192] === 0 && Uint8Array.fromBase64(text).length === big.length, 'and back');
    var buffer = new ArrayBuffer(4);
    var view = new Uint8Array(buffer);
    buffer.transfer();
    ['toBase64', 'toHex'].forEach(function (m) {
        t.throws(function () { view[m](); }, TypeError, m + ' of a detached buffer');
    });
    t.throws(function () { view.setFromBase64('AAAA'); }, TypeError, 'setFromBase64 into a detached buffer');
    t.throws(function () { view.setFromHex('00'); }, TypeError, 'setFromHex into a detached buffer');
    var late = new Uint8Array(new ArrayBuffer(3));
    t.throws(function () {
        late.toBase64({ get alphabet() { late.buffer.transfer(); return 'base64'; } });
    }, TypeError, 'a buffer an option detaches is checked after the options');
});

test('Float16 without Float16Array (ES2025): Math.f16round, DataView getFloat16/setFloat16, a detached buffer', function (t) {
    t.equal(Math.f16round(1.337), 1.3369140625, 'the nearest half');
    t.equal(Math.f16round(65519.99), 65504, 'below the rounding point of the largest half');
    t.equal(Math.f16round(65520), Infinity, 'the tie past the largest half is Infinity');
    t.equal(Math.f16round(5.960464477539063e-8), 5.960464477539063e-8, 'the smallest subnormal');
    t.equal(Math.f16round(2.9802322387695312e-8), 0, 'half of it ties to zero');
    t.equal(1 / Math.f16round(-0), -Infinity, '-0 stays -0');
    t.ok(isNaN(Math.f16round('x')), 'NaN');
    var view = new DataView(new ArrayBuffer(4));
    view.setFloat16(0, 1.5);
    view.setFloat16(2, -2.75, true);
    t.deepEqual([view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3)], [0x3e, 0x00, 0x80, 0xc1],
        'the bits, big- and little-endian');
    t.equal(view.getFloat16(2, true), -2.75, 'read back');
    var order = [];
    t.throws(function () {
        view.setFloat16(3, { valueOf: function () { order.push('value'); return 1; } });
    }, RangeError, 'an offset past the end');
    t.deepEqual(order, ['value'], 'after the value was converted');
    var buffer = new ArrayBuffer(4);
    var detached = new DataView(buffer);
    buffer.transfer();
    t.throws(function () { detached.getFloat16(0); }, TypeError, 'getFloat16 of a detached buffer');
    t.throws(function () { detached.setFloat16(0, 1); }, TypeError, 'setFloat16 into a detached buffer');
});

test('%AsyncIteratorPrototype%[Symbol.asyncDispose] (ES2026): return() without arguments, a promise of undefined', function (t) {
    var cancelled = [];
    var rs = new ReadableStream({
        pull: function (c) { c.enqueue('x'); },
        cancel: function (reason) { cancelled.push(reason); }
    });
    var it = rs.values();
    /* the stream's async iterator prototype inherits from %AsyncIteratorPrototype% */
    var AIP = Object.getPrototypeOf(Object.getPrototypeOf(it));
    t.equal(Object.getPrototypeOf(AIP), Object.prototype, '%AsyncIteratorPrototype% inherits from Object.prototype');
    t.equal(AIP[Symbol.asyncIterator].call(it), it, '[Symbol.asyncIterator]() returns this');
    t.equal(AIP[Symbol.asyncIterator].name, '[Symbol.asyncIterator]');
    var d = Object.getOwnPropertyDescriptor(AIP, Symbol.asyncDispose);
    t.equal(typeof d.value, 'function', 'a method');
    t.ok(d.writable && !d.enumerable && d.configurable, 'writable, configurable, not enumerable');
    t.equal(d.value.name, '[Symbol.asyncDispose]');
    t.equal(d.value.length, 0);
    t.throws(function () { return new d.value(); }, TypeError, 'not a constructor');
    var dispose = d.value;
    var calls = [];
    var o = Object.create(AIP);
    o['return'] = function () {
        calls.push(arguments.length);
        return { done: true };
    };
    var p = o[Symbol.asyncDispose]();
    t.ok(p instanceof Promise, 'a promise');
    t.deepEqual(calls, [0], 'return() called at once, without arguments');
    return Promise.all([
        p.then(function (v) { t.equal(v, void 0, 'fulfilled with undefined, not return()\'s result'); }),
        it.next().then(function (r) {
            t.equal(r.value, 'x');
            return it[Symbol.asyncDispose]();
        }).then(function (v) {
            t.equal(v, void 0);
            t.deepEqual(cancelled, [void 0], 'the stream\'s iterator cancels through return()');
            t.equal(rs.locked, false, 'and releases its reader');
        }),
        dispose.call({}).then(function (v) { t.equal(v, void 0, 'no return(): fulfilled'); }),
        dispose.call({ 'return': null }).then(function (v) { t.equal(v, void 0, 'a null return: fulfilled'); }),
        t.rejects(dispose.call({ 'return': function () { throw new RangeError('r'); } }), RangeError, 'return() throws'),
        t.rejects(dispose.call({ 'return': function () { return Promise.reject(new SyntaxError('s')); } }), SyntaxError,
            'return()\'s promise rejects'),
        t.rejects(dispose.call(Object.defineProperty({}, 'return', { get: function () { throw new EvalError('g'); } })),
            EvalError, 'getting return throws'),
        t.rejects(dispose.call({ 'return': 1 }), TypeError, 'return is not callable'),
        t.rejects(dispose.call(void 0), TypeError, 'this undefined')
    ]);
});
