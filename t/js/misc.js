// SPDX-License-Identifier: MIT
/* HTML structuredClone; Console standard namespace. */
function cloneThrowsDataCloneError(t, value, what) {
    try {
        structuredClone(value);
        t.ok(false, what + ' should not be cloneable');
    } catch (e) {
        t.ok(e instanceof DOMException && e.name === 'DataCloneError', what + ' throws DataCloneError');
    }
}

test('structuredClone: primitives and plain data', function (t) {
    t.equal(structuredClone(1.5), 1.5, 'number');
    t.equal(structuredClone('s'), 's', 'string');
    t.equal(structuredClone(null), null, 'null');
    t.equal(structuredClone(undefined), undefined, 'undefined');
    t.equal(structuredClone(-0), -0, '-0 is preserved');
    t.ok(isNaN(structuredClone(NaN)), 'NaN');
    var source = { a: 1, nested: { list: [1, 'two', { three: 3 }] } };
    var copy = structuredClone(source);
    t.deepEqual(copy, source, 'deep structure equal');
    t.notEqual(copy.nested, source.nested, 'nested objects are new objects');
    t.notEqual(copy.nested.list, source.nested.list, 'arrays are new arrays');
    t.ok(Array.isArray(copy.nested.list), 'arrays stay arrays');
    var sparse = structuredClone([1, , 3]);
    t.equal(sparse.length, 3, 'array length kept');
    t.equal(1 in sparse, false, 'holes stay holes');
    t.equal(structuredClone(Object.create({ inherited: 1 })).inherited, undefined, 'only own properties are copied');
    t.throws(function () { structuredClone(); }, TypeError, 'an argument is required');
});

test('structuredClone: cycles and shared references', function (t) {
    var o = { name: 'root' };
    o.self = o;
    var shared = { s: 1 };
    o.pair = [shared, shared];
    var copy = structuredClone(o);
    t.equal(copy.self, copy, 'a cycle points at the copy');
    t.notEqual(copy, o, 'the copy is a new object');
    t.equal(copy.pair[0], copy.pair[1], 'shared references stay shared');
    t.notEqual(copy.pair[0], shared, 'and are copies');
});

test('structuredClone: built-in object types', function (t) {
    var date = new Date(86400000), d = structuredClone(date);
    t.ok(d instanceof Date && d !== date, 'Date is a new Date');
    t.equal(d.getTime(), 86400000, 'with the same time value');
    var re = structuredClone(/ab+c/gi);
    t.ok(re instanceof RegExp, 'RegExp');
    t.equal(re.source + '/' + re.global + re.ignoreCase, 'ab+c/truetrue', 'source and flags');
    var boxed = structuredClone(new String('x'));
    t.ok(typeof boxed === 'object' && boxed.valueOf() === 'x', 'String wrapper objects');
    var buffer = new Uint8Array([1, 2, 3]).buffer, bufferCopy = structuredClone(buffer);
    t.ok(bufferCopy instanceof ArrayBuffer && bufferCopy !== buffer, 'ArrayBuffer is copied');
    new Uint8Array(bufferCopy)[0] = 9;
    t.equal(new Uint8Array(buffer)[0], 1, 'the copy has its own memory');
    var view = new Uint16Array([500, 600]), viewCopy = structuredClone(view);
    t.ok(viewCopy instanceof Uint16Array, 'typed array type kept');
    t.deepEqual(viewCopy, new Uint16Array([500, 600]), 'typed array content');
    t.notEqual(viewCopy.buffer, view.buffer, 'typed array buffer copied');
    var sharing = structuredClone({ x: view, y: view });
    t.equal(sharing.x, sharing.y, 'a view referenced twice is cloned once');
    var err = structuredClone(new TypeError('bad'));
    t.ok(err instanceof TypeError, 'Error type kept');
    t.equal(err.message, 'bad', 'Error message kept');
    var dom = structuredClone(new DOMException('m', 'AbortError'));
    t.ok(dom instanceof DOMException && dom.name === 'AbortError' && dom.message === 'm', 'DOMException is serialisable');
    if (typeof Map === 'function' && typeof Set === 'function') {
        var map = new Map(), key = { k: 1 };
        map.set(key, 'v');
        var mapCopy = structuredClone({ m: map, k: key });
        t.ok(mapCopy.m instanceof Map, 'Map');
        t.equal(mapCopy.m.get(mapCopy.k), 'v', 'Map keys are cloned with shared identity');
        var set = structuredClone(new Set([1, 2]));
        t.ok(set instanceof Set && set.has(2) && set.size === 2, 'Set');
    }
    var blob = structuredClone(new Blob(['abc'], { type: 'text/plain' }));
    t.ok(blob instanceof Blob && blob.size === 3 && blob.type === 'text/plain', 'Blob is serialisable');
});

test('structuredClone: DataCloneError', function (t) {
    cloneThrowsDataCloneError(t, function () {}, 'a function');
    cloneThrowsDataCloneError(t, { f: function () {} }, 'a nested function');
    cloneThrowsDataCloneError(t, Symbol('s'), 'a symbol');
    cloneThrowsDataCloneError(t, new Headers(), 'a Headers object');
    cloneThrowsDataCloneError(t, new Response('x'), 'a Response object');
    cloneThrowsDataCloneError(t, new AbortController().signal, 'an AbortSignal');
});

test('console: the namespace and its methods', function (t) {
    ['log', 'info', 'warn', 'error', 'debug', 'trace', 'assert', 'time', 'timeEnd', 'timeLog', 'count',
        'countReset', 'group', 'groupEnd', 'dir', 'table'].forEach(function (name) {
        t.equal(typeof console[name], 'function', 'console.' + name + ' is a function');
    });
    var log = console.debug;
    log('console.debug works detached: %s %d %o', 'str', 42, { a: [1] });
    console.assert(true, 'not logged');
    t.ok(true, 'calls do not throw');
});

test('engine internals are hidden: no Duktape object for scripts', function (t) {
    t.equal(typeof Duktape, 'undefined', 'no global Duktape');
    t.equal(Object.getOwnPropertyNames(this || {}).indexOf('Duktape'), -1, 'not a global property');
    t.equal(btoa('hi'), 'aGk=', 'what the runtime built on it still works');
});

test('Web API constructors: a call without new throws (EventTarget() too, whose this is the global object); new and Reflect.construct with another new.target construct', function (t) {
    var cases = [
        ['URL', ['https://example.com/a']], ['URLSearchParams', ['a=1']], ['URLPattern', [{ pathname: '/a' }]],
        ['TextEncoder', []], ['TextDecoder', []], ['DOMException', ['m', 'AbortError']], ['Event', ['x']],
        ['EventTarget', []], ['AbortController', []], ['Blob', [['ab']]], ['File', [['ab'], 'f.txt']],
        ['Headers', [{ a: '1' }]], ['FormData', []], ['Request', ['https://example.com/']], ['HTMLRewriter', []]
    ];
    cases.forEach(function (c) {
        var C = globalThis[c[0]], args = c[1];
        t.throws(function () { C.apply(void 0, args); }, TypeError, c[0] + '() without new');
        t.ok(new (Function.prototype.bind.apply(C, [null].concat(args)))() instanceof C, 'new ' + c[0]);
        function Sub() {}
        Sub.prototype = Object.create(C.prototype);
        var made = Reflect.construct(C, args, Sub);
        t.ok(Object.getPrototypeOf(made) === Sub.prototype && made instanceof C,
            c[0] + ' through Reflect.construct with another new.target');
    });
});

test('scheduler.wait: fulfilled with undefined after the delay; a signal that aborts first (or already has) rejects with its reason; a signal of another type is a TypeError', function (t) {
    t.ok(scheduler instanceof Scheduler, 'scheduler is a Scheduler');
    t.throws(function () { new Scheduler(); }, TypeError, 'Scheduler is not constructible');
    t.deepEqual(Object.keys(scheduler), [], 'no enumerable own property');
    var t0 = Date.now();
    var controller = new AbortController();
    var order = [];
    setTimeout(function () { controller.abort(); }, 10);
    return Promise.all([
        scheduler.wait(200).then(function (v) {
            order.push('200');
            t.ok(Date.now() - t0 >= 199, 'the wait took its delay');
            t.equal(v, void 0, 'fulfilled with undefined');
        }),
        scheduler.wait(1).then(function () { order.push('1'); }),
        scheduler.wait(60000, { signal: controller.signal }).then(function () {
            t.ok(false, 'an aborted wait is not fulfilled');
        }, function (e) {
            t.equal(e && e.name, 'AbortError', 'an abort during the wait rejects it with the reason');
        }),
        scheduler.wait(1, { signal: AbortSignal.abort('gone') }).then(function () {
            t.ok(false, 'a wait on an aborted signal is not fulfilled');
        }, function (e) {
            t.equal(e, 'gone', 'a signal aborted before rejects with its reason');
        }),
        t.rejects(scheduler.wait(1, { signal: 5 }), TypeError, 'a signal that is no AbortSignal')
    ]).then(function () {
        t.deepEqual(order, ['1', '200'], 'waits end in the order of their delays');
    });
});
