// SPDX-License-Identifier: MIT
/* Event types, global error reporting, MessageChannel, structuredClone
 * with transfer, navigator. */
function later(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms || 0); });
}

test('CustomEvent, ErrorEvent, PromiseRejectionEvent, MessageEvent', function (t) {
    var c = new CustomEvent('x', { detail: { a: 1 }, cancelable: true });
    t.ok(c instanceof Event, 'CustomEvent is an Event');
    t.equal(c.detail.a, 1);
    t.equal(new CustomEvent('y').detail, null);
    var e = new ErrorEvent('error', { message: 'boom', lineno: 3, error: 42 });
    t.equal(e.message, 'boom');
    t.equal(e.lineno, 3);
    t.equal(e.colno, 0);
    t.equal(e.error, 42);
    var p = Promise.reject(1);
    p['catch'](function () {});
    var r = new PromiseRejectionEvent('unhandledrejection', { promise: p, reason: 'why' });
    t.equal(r.promise, p);
    t.equal(r.reason, 'why');
    t.throws(function () { return new PromiseRejectionEvent('x', {}); }, TypeError, 'promise is required');
    var m = new MessageEvent('message', { data: 'hi' });
    t.equal(m.data, 'hi');
    t.deepEqual(m.ports, []);
    t.equal(m.origin, '');
    t.throws(function () { return new MessageEvent(); }, TypeError, 'type required');
    t.throws(function () { return new MessageEvent('m', { ports: [1] }); }, TypeError, 'ports must be ports');
});

test('reportError reaches onerror and error listeners; cancel keeps it out of the log', function (t) {
    var seen = [], err = new TypeError('bad');
    function listener(ev) { seen.push('listener:' + (ev.error === err)); ev.preventDefault(); }
    onerror = function (message, filename, lineno, colno, error) {
        seen.push('onerror:' + message + ':' + (error === err));
        return false;
    };
    addEventListener('error', listener);
    try {
        reportError(err);
    } finally {
        onerror = null;
        removeEventListener('error', listener);
    }
    t.deepEqual(seen, ['onerror:Uncaught TypeError: bad:true', 'listener:true']);
    t.throws(function () { reportError(); }, TypeError, 'argument required');
});

test('an exception in a timer reaches onerror', function (t) {
    var got = null;
    onerror = function (message, filename, lineno, colno, error) { got = error; return true; };
    setTimeout(function () { throw new RangeError('from a timer'); }, 0);
    return later(5).then(function () {
        onerror = null;
        t.ok(got instanceof RangeError, 'the error object is passed');
    });
});

test('onunhandledrejection sees unhandled rejections', function (t) {
    var got = [];
    onunhandledrejection = function (ev) {
        got.push(ev.reason);
        ev.preventDefault();
    };
    Promise.reject('nobody handles this');
    return later(5).then(function () {
        onunhandledrejection = null;
        t.deepEqual(got, ['nobody handles this']);
    });
});

test('MessageChannel delivers clones as macrotasks, in order', function (t) {
    var ch = new MessageChannel(), got = [], sync = true, obj = { n: 1, list: [1, 2] };
    t.ok(ch.port1 instanceof MessagePort && ch.port1 instanceof EventTarget);
    t.throws(function () { return new MessagePort(); }, TypeError, 'MessagePort is not constructible');
    ch.port2.onmessage = function (ev) {
        t.ok(!sync, 'not delivered synchronously');
        t.ok(ev instanceof MessageEvent, 'a MessageEvent');
        got.push(ev.data);
    };
    ch.port1.postMessage(obj);
    ch.port1.postMessage('second');
    obj.n = 2;
    sync = false;
    return later(5).then(function () {
        t.equal(got.length, 2);
        t.deepEqual(got[0], { n: 1, list: [1, 2] }, 'a copy taken at post time');
        t.ok(got[0] !== obj, 'not the same object');
        t.equal(got[1], 'second');
    });
});

test('MessagePort: addEventListener needs start(); close stops delivery', function (t) {
    var ch = new MessageChannel(), got = [];
    ch.port2.addEventListener('message', function (ev) { got.push(ev.data); });
    ch.port1.postMessage('queued');
    return later(5).then(function () {
        t.deepEqual(got, [], 'nothing before start()');
        ch.port2.start();
        return later(5);
    }).then(function () {
        t.deepEqual(got, ['queued']);
        ch.port1.close();
        ch.port1.postMessage('after close');
        ch.port2.postMessage('to a closed port');
        return later(5);
    }).then(function () {
        t.deepEqual(got, ['queued'], 'nothing after close');
        t.throws(function () { ch.port1.postMessage(function () {}); }, DOMException, 'functions do not clone');
    });
});

test('postMessage transfers ArrayBuffers and ports', function (t) {
    var ch = new MessageChannel(), inner = new MessageChannel(), got = null, buf = new Uint8Array([1, 2, 3]).buffer;
    ch.port2.onmessage = function (ev) { got = ev; };
    ch.port1.postMessage({ buf: buf, port: inner.port2 }, [buf, inner.port2]);
    t.equal(buf.byteLength, 0, 'the source is detached');
    t.throws(function () { ch.port1.postMessage(buf, [buf]); }, DOMException, 'a detached buffer cannot be sent');
    t.throws(function () { ch.port1.postMessage(1, [ch.port1]); }, DOMException, 'cannot transfer the source port');
    return later(5).then(function () {
        t.deepEqual(Array.prototype.slice.call(new Uint8Array(got.data.buf)), [1, 2, 3], 'the bytes arrive');
        t.equal(got.ports.length, 1, 'one port transferred');
        t.equal(got.ports[0], got.data.port, 'ports[] and the data share the port');
        var echoed = null;
        got.ports[0].onmessage = function (ev) { echoed = ev.data; };
        inner.port1.postMessage('through the moved port');
        return later(5).then(function () {
            t.equal(echoed, 'through the moved port');
        });
    });
});

test('structuredClone: types, transfer and errors', function (t) {
    var re = /a+b/gi;
    re.lastIndex = 3;
    var c = structuredClone(re);
    t.equal(c.source, 'a+b');
    t.equal(c.flags, 'gi');
    t.equal(c.lastIndex, 0, 'lastIndex reset');
    var d = new Date(86400000);
    t.equal(structuredClone(d).getTime(), 86400000);
    var m = new Map([[1, { x: 1 }]]), s = new Set(['a']);
    t.equal(structuredClone(m).get(1).x, 1);
    t.ok(structuredClone(s).has('a'));
    var e = structuredClone(new RangeError('r'));
    t.ok(e instanceof RangeError, 'Error type kept');
    t.equal(e.message, 'r');
    var big = structuredClone(BigInt(12345));
    t.equal(String(big), '12345', 'BigInt');
    t.equal(Object.getPrototypeOf(big), BigInt.prototype, 'still a BigInt');
    var f64 = structuredClone(new Float64Array([1.5, 2.5]));
    t.ok(f64 instanceof Float64Array);
    t.equal(f64[1], 2.5);
    var buf = new ArrayBuffer(8);
    var moved = structuredClone({ b: buf }, { transfer: [buf] });
    t.equal(moved.b.byteLength, 8);
    t.equal(buf.byteLength, 0, 'transferred buffer detached');
    t.throws(function () { structuredClone(function () {}); }, DOMException, 'function');
    t.throws(function () { structuredClone(Symbol('s')); }, DOMException, 'symbol');
    t.throws(function () { structuredClone(1, { transfer: [{}] }); }, DOMException, 'not transferable');
    var kept = new ArrayBuffer(4);
    t.throws(function () { structuredClone({ f: function () {}, b: kept }, { transfer: [kept] }); }, DOMException,
        'a failed clone');
    t.equal(kept.byteLength, 4, 'a failed clone detaches nothing');
    var ch = new MessageChannel();
    t.throws(function () { structuredClone(ch.port1); }, DOMException, 'a port must be in the transfer list');
    var movedPort = structuredClone(ch.port1, { transfer: [ch.port1] });
    t.ok(movedPort instanceof MessagePort && movedPort !== ch.port1, 'a transferred port is a new port');
    t.throws(function () { structuredClone(1, { transfer: [ch.port1] }); }, DOMException, 'a port moves once');
    var b2 = new ArrayBuffer(2);
    t.throws(function () { structuredClone(1, { transfer: [b2, b2] }); }, DOMException, 'duplicate');
    try {
        structuredClone(function () {});
    } catch (err) {
        t.equal(err.name, 'DataCloneError');
    }
});

test('navigator', function (t) {
    t.equal(navigator.userAgent, 'Cloudflare-Workers', "workerd's user agent, which libraries test");
    t.ok(navigator.hardwareConcurrency >= 1, 'hardwareConcurrency');
    t.ok(navigator instanceof WorkerNavigator);
});

test('an exception in a microtask reaches onerror, and the jobs after it run', function (t) {
    var got = [], ran = [];
    onerror = function (message, filename, lineno, colno, error) { got.push(error && error.message); return true; };
    queueMicrotask(function () { ran.push(1); throw new RangeError('first'); });
    queueMicrotask(function () { ran.push(2); });
    Promise.resolve().then(function () { ran.push(3); throw new TypeError('rejects, is no uncaught exception'); })
        .then(null, function () { ran.push(4); });
    queueMicrotask(function () {
        ran.push(5);
        queueMicrotask(function () { ran.push(6); throw new Error('queued while draining'); });
    });
    return later(5).then(function () {
        onerror = null;
        t.deepEqual(ran, [1, 2, 3, 5, 4, 6], 'every job ran, in order');
        t.deepEqual(got, ['first', 'queued while draining'], 'each thrown exception reported once');
    });
});
