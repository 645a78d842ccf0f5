// SPDX-License-Identifier: MIT
/*
 * Streams Standard tests: ReadableStream (pull and queuing, readers, cancel,
 * tee, pipeTo/pipeThrough, async iteration, from, byte streams),
 * WritableStream (sink calls, backpressure, abort), TransformStream,
 * the queuing strategies and TextEncoderStream/TextDecoderStream. Each
 * expectation follows the spec's algorithms (cited by name).
 */

/* Lets queued promise jobs run: resolves after n turns of the job queue. */
function ticks(n) {
    var p = Promise.resolve();
    for (var i = 0; i < (n || 30); i++) {
        p = p.then(function () {});
    }
    return p;
}

function readAll(stream) {
    var reader = stream.getReader(), chunks = [];
    function step() {
        return reader.read().then(function (r) {
            if (r.done) {
                return chunks;
            }
            chunks.push(r.value);
            return step();
        });
    }
    return step();
}

function streamOf(chunks) {
    return new ReadableStream({
        start: function (c) {
            for (var i = 0; i < chunks.length; i++) {
                c.enqueue(chunks[i]);
            }
            c.close();
        }
    });
}

function recordingSink(log, options) {
    options = options || {};
    return new WritableStream({
        write: function (chunk) {
            log.push('write:' + chunk);
            return options.write ? options.write(chunk) : undefined;
        },
        close: function () {
            log.push('close');
        },
        abort: function (reason) {
            log.push('abort:' + (reason && reason.message || reason));
        }
    }, options.strategy);
}

/* ---- ReadableStream: queue, pull, desiredSize ---- */

test('ReadableStream: chunks enqueued in start are read in order, then done', function (t) {
    var reader = streamOf(['a', 'b']).getReader();
    return reader.read().then(function (r) {
        t.deepEqual(r, { value: 'a', done: false }, 'first chunk');
        return reader.read();
    }).then(function (r) {
        t.deepEqual(r, { value: 'b', done: false }, 'second chunk');
        return reader.read();
    }).then(function (r) {
        t.deepEqual(r, { value: undefined, done: true }, 'done after close');
        return reader.closed;
    }).then(function (v) {
        t.equal(v, undefined, 'reader.closed resolves with undefined');
    });
});

test('ReadableStream: pull is not called beyond highWaterMark', function (t) {
    var pulls = 0, controller;
    var rs = new ReadableStream({
        start: function (c) { controller = c; },
        pull: function (c) { pulls++; c.enqueue(pulls); }
    }, { highWaterMark: 2 });
    t.equal(pulls, 0, 'pull is not called before start settles');
    return ticks().then(function () {
        t.equal(pulls, 2, 'pull fills the queue up to highWaterMark');
        t.equal(controller.desiredSize, 0, 'desiredSize is 0 when the queue is full');
        return rs.getReader().read();
    }).then(function (r) {
        t.equal(r.value, 1, 'read returns the first pulled chunk');
        return ticks();
    }).then(function () {
        t.equal(pulls, 3, 'one read makes room for exactly one more pull');
    });
});

test('ReadableStream: highWaterMark 0 pulls only when a read is pending', function (t) {
    var pulls = 0;
    var rs = new ReadableStream({
        pull: function (c) { pulls++; c.enqueue('x'); }
    }, { highWaterMark: 0 });
    return ticks().then(function () {
        t.equal(pulls, 0, 'no pull without a read request');
        return rs.getReader().read();
    }).then(function (r) {
        t.equal(r.value, 'x', 'the pending read gets the pulled chunk');
        t.equal(pulls, 1, 'exactly one pull');
    });
});

test('ReadableStream: desiredSize follows the size function and state', function (t) {
    var controller;
    var rs = new ReadableStream({
        start: function (c) { controller = c; }
    }, { highWaterMark: 10, size: function (chunk) { return chunk.length; } });
    t.equal(controller.desiredSize, 10, 'initially highWaterMark');
    controller.enqueue('abcd');
    t.equal(controller.desiredSize, 6, 'decreased by the chunk size');
    controller.close();
    t.equal(controller.desiredSize, 6, 'close requested but queue not drained: still readable');
    return readAll(rs).then(function (chunks) {
        t.deepEqual(chunks, ['abcd'], 'queued chunk is delivered after close');
        t.equal(controller.desiredSize, 0, 'desiredSize is 0 once closed');
        t.throws(function () { controller.enqueue('z'); }, TypeError, 'enqueue after close throws TypeError');
        t.throws(function () { controller.close(); }, TypeError, 'close twice throws TypeError');
    });
});

test('ReadableStream: strategy validation', function (t) {
    t.throws(function () { new ReadableStream({}, { highWaterMark: -1 }); }, RangeError, 'negative highWaterMark');
    t.throws(function () { new ReadableStream({}, { highWaterMark: NaN }); }, RangeError, 'NaN highWaterMark');
    t.throws(function () { new ReadableStream({}, { size: 5 }); }, TypeError, 'non-callable size');
    t.throws(function () { new ReadableStream({ pull: 'x' }); }, TypeError, 'non-callable pull');
    t.throws(function () { new ReadableStream({ type: 'nope' }); }, TypeError, 'unknown type');
    t.throws(function () { ReadableStream(); }, TypeError, 'constructor requires new');
    var controller;
    var rs = new ReadableStream({ start: function (c) { controller = c; } }, { size: function () { return NaN; } });
    t.throws(function () { controller.enqueue('a'); }, RangeError, 'size returning NaN makes enqueue throw RangeError');
    return t.rejects(rs.getReader().read(), RangeError, 'and errors the stream with that error');
});

test('ReadableStream: controller.error rejects reads and reader.closed', function (t) {
    var controller, boom = new Error('boom');
    var rs = new ReadableStream({ start: function (c) { controller = c; } });
    var reader = rs.getReader();
    var pending = reader.read();
    controller.error(boom);
    t.equal(controller.desiredSize, null, 'desiredSize is null when errored');
    return pending.then(function () {
        t.ok(false, 'pending read must reject');
    }, function (e) {
        t.equal(e, boom, 'pending read rejects with the error');
        return reader.closed.then(null, function (e2) {
            t.equal(e2, boom, 'reader.closed rejects with the error');
        });
    });
});

test('ReadableStreamDefaultReader.closed asked for before, after, or never (Node prints the same log)', function (t) {
    var out = [];
    function log(x) { out.push(x); }
    var c1;
    var r1 = new ReadableStream({ start: function (c) { c1 = c; } }).getReader();
    r1.closed.then(function () { log('closed'); });
    r1.read().then(function () { log('read'); });
    c1.close();
    var r2 = new ReadableStream({ start: function (c) { c.enqueue('a'); c.close(); } }).getReader();
    return r2.read().then(function () { return r2.read(); }).then(function (b) {
        log('done ' + b.done);
        var p = r2.closed;
        log('same ' + (p === r2.closed));
        return p.then(function (v) {
            log('closed2 ' + v);
            r2.releaseLock();
            log('same after release ' + (p === r2.closed));
            return r2.closed.then(function () { log('bad'); }, function (e) { log('released ' + e.constructor.name); });
        });
    }).then(function () {
        var c3;
        var r3 = new ReadableStream({ start: function (c) { c3 = c; } }).getReader();
        c3.error(new RangeError('x'));
        return r3.closed.then(function () { log('bad'); }, function (e) { log('errored ' + e.constructor.name); });
    }).then(function () {
        t.equal(out.join('|'),
            'closed|read|done true|same true|closed2 undefined|same after release false|released TypeError|errored RangeError',
            'the order and the outcomes');
    });
});

test('ReadableStream: a rejected start promise errors the stream and pull is never called', function (t) {
    var pulled = false, boom = new Error('start failed');
    var rs = new ReadableStream({
        start: function () { return Promise.reject(boom); },
        pull: function () { pulled = true; }
    });
    return rs.getReader().read().then(null, function (e) {
        t.equal(e, boom, 'read rejects with the start error');
        t.equal(pulled, false, 'pull not called');
    });
});

/* ---- readers and locking ---- */

test('ReadableStream: locking and releaseLock', function (t) {
    var rs = new ReadableStream();
    var reader = rs.getReader();
    t.equal(rs.locked, true, 'locked after getReader');
    t.throws(function () { rs.getReader(); }, TypeError, 'second getReader throws TypeError');
    t.throws(function () { new ReadableStreamDefaultReader(rs); }, TypeError, 'reader constructor on a locked stream throws');
    var pending = reader.read();
    reader.releaseLock();
    t.equal(rs.locked, false, 'unlocked after releaseLock');
    return t.rejects(pending, TypeError, 'pending read rejects with TypeError on release').then(function () {
        return t.rejects(reader.closed, TypeError, 'released reader.closed rejects with TypeError');
    }).then(function () {
        return t.rejects(reader.read(), TypeError, 'read on a released reader rejects');
    }).then(function () {
        t.ok(rs.getReader() instanceof ReadableStreamDefaultReader, 'a new reader can be acquired');
    });
});

test('ReadableStream: cancel calls source cancel and reads yield done', function (t) {
    var cancelReason, reason = new Error('stop');
    var rs = new ReadableStream({
        start: function (c) { c.enqueue('queued'); },
        cancel: function (r) { cancelReason = r; return 'ignored'; }
    });
    var reader = rs.getReader();
    return reader.cancel(reason).then(function (v) {
        t.equal(v, undefined, 'cancel resolves with undefined');
        t.equal(cancelReason, reason, 'source cancel gets the reason');
        return reader.read();
    }).then(function (r) {
        t.deepEqual(r, { value: undefined, done: true }, 'read after cancel is done; the queue was discarded');
        return t.rejects(new ReadableStream().getReader() && rs.cancel(), TypeError, 'cancel on a locked stream rejects');
    });
});

test('ReadableStream: a cancel that rejects rejects stream.cancel()', function (t) {
    var boom = new Error('cancel failed');
    var rs = new ReadableStream({ cancel: function () { throw boom; } });
    return rs.cancel().then(null, function (e) {
        t.equal(e, boom, 'rejects with the thrown error');
    });
});

/* ---- tee ---- */

test('ReadableStream: tee branches each get every chunk', function (t) {
    var branches = streamOf(['a', 'b', 'c']).tee();
    t.equal(branches.length, 2, 'two branches');
    return readAll(branches[0]).then(function (one) {
        t.deepEqual(one, ['a', 'b', 'c'], 'branch 1');
        return readAll(branches[1]);
    }).then(function (two) {
        t.deepEqual(two, ['a', 'b', 'c'], 'branch 2');
    });
});

test('ReadableStream: tee cancels the source only when both branches cancel', function (t) {
    var cancelled = 0, reason;
    var rs = new ReadableStream({ cancel: function (r) { cancelled++; reason = r; } });
    var branches = rs.tee();
    t.equal(rs.locked, true, 'source is locked by tee');
    var first = branches[0].cancel('r1');
    return ticks().then(function () {
        t.equal(cancelled, 0, 'cancelling one branch does not cancel the source');
        return Promise.all([first, branches[1].cancel('r2')]);
    }).then(function () {
        t.equal(cancelled, 1, 'source cancelled once');
        t.deepEqual(reason, ['r1', 'r2'], 'with both reasons as an array');
    });
});

test('ReadableStream: tee propagates an error to both branches', function (t) {
    var controller, boom = new Error('boom');
    var branches = new ReadableStream({ start: function (c) { controller = c; } }).tee();
    controller.error(boom);
    return t.rejects(branches[0].getReader().read(), Error, 'branch 1 errors').then(function () {
        return branches[1].getReader().closed.then(null, function (e) {
            t.equal(e, boom, 'branch 2 errors with the same error');
        });
    });
});

/* ---- WritableStream ---- */

test('WritableStream: writes reach the sink one at a time, then close', function (t) {
    var log = [], resolveFirst;
    var ws = new WritableStream({
        write: function (chunk) {
            log.push('write:' + chunk);
            if (chunk === 1) {
                return new Promise(function (resolve) { resolveFirst = resolve; });
            }
        },
        close: function () { log.push('close'); }
    });
    var writer = ws.getWriter();
    writer.write(1);
    writer.write(2);
    var closed = writer.close();
    return ticks().then(function () {
        t.deepEqual(log, ['write:1'], 'second write waits for the first to finish');
        resolveFirst();
        return closed;
    }).then(function () {
        t.deepEqual(log, ['write:1', 'write:2', 'close'], 'then the rest in order, close last');
        return writer.closed;
    }).then(function () {
        t.ok(true, 'writer.closed resolves');
        return t.rejects(writer.write(3), TypeError, 'write after close rejects with TypeError');
    });
});

test('WritableStream: writer.ready is pending while desiredSize <= 0', function (t) {
    var resolveWrite, readySettled = false;
    var ws = new WritableStream({
        write: function () { return new Promise(function (resolve) { resolveWrite = resolve; }); }
    }, { highWaterMark: 2 });
    var writer = ws.getWriter();
    t.equal(writer.desiredSize, 2, 'desiredSize starts at highWaterMark');
    writer.write('a');
    writer.write('b');
    t.equal(writer.desiredSize, 0, 'two queued writes fill the queue');
    writer.ready.then(function () { readySettled = true; });
    return ticks().then(function () {
        t.equal(readySettled, false, 'ready stays pending under backpressure');
        resolveWrite();
        return ticks();
    }).then(function () {
        t.equal(readySettled, true, 'ready resolves once a write completes');
        t.equal(writer.desiredSize, 1, 'desiredSize grew by one');
    });
});

test('WritableStream: abort waits for the in-flight write, then aborts the sink', function (t) {
    var log = [], signal, finishWrite, queuedError, reason = new Error('why');
    var ws = new WritableStream({
        start: function (c) { signal = c.signal; },
        write: function () { return new Promise(function (resolve) { finishWrite = resolve; }); },
        abort: function (r) { log.push(r); }
    });
    var writer = ws.getWriter();
    var aborted;
    return ticks().then(function () {
        writer.write('in flight');
        writer.write('queued').then(null, function (e) { queuedError = e; });
        aborted = writer.abort(reason);
        if (signal !== undefined) {
            t.equal(signal.aborted, true, 'controller.signal is aborted synchronously');
            t.equal(signal.reason, reason, 'signal.reason is the abort reason');
        }
        t.equal(writer.desiredSize, null, 'desiredSize is null while erroring');
        return ticks();
    }).then(function () {
        t.deepEqual(log, [], 'sink abort waits for the in-flight write');
        t.equal(queuedError, undefined, 'queued write not yet rejected');
        finishWrite();
        return aborted;
    }).then(function () {
        t.deepEqual(log, [reason], 'sink abort called with the reason');
        t.equal(queuedError, reason, 'queued write rejected with the reason');
        return writer.closed;
    }).then(null, function (e) {
        t.equal(e, reason, 'writer.closed rejects with the reason');
    });
});

test('WritableStream: abort on an idle stream calls sink abort', function (t) {
    var log = [];
    var ws = recordingSink(log);
    return ws.abort('bye').then(function () {
        t.deepEqual(log, ['abort:bye'], 'sink abort called with the reason');
        return t.rejects(ws.getWriter().write('x'), undefined, 'write to an errored stream rejects');
    });
});

test('WritableStream: a failing sink write errors the stream', function (t) {
    var boom = new Error('disk full');
    var ws = new WritableStream({ write: function () { throw boom; } });
    var writer = ws.getWriter();
    return writer.write('x').then(null, function (e) {
        t.equal(e, boom, 'write rejects with the sink error');
        return writer.closed.then(null, function (e2) {
            t.equal(e2, boom, 'writer.closed rejects with it');
            return writer.ready.then(null, function (e3) {
                t.equal(e3, boom, 'writer.ready rejects with it');
            });
        });
    });
});

test('WritableStream: locking and controller.error', function (t) {
    var controller, boom = new Error('x');
    var ws = new WritableStream({ start: function (c) { controller = c; } });
    var writer = ws.getWriter();
    t.equal(ws.locked, true, 'locked');
    t.throws(function () { ws.getWriter(); }, TypeError, 'second getWriter throws');
    t.throws(function () { new WritableStream({ type: 'bytes' }); }, RangeError, 'type must be undefined');
    controller.error(boom);
    return writer.closed.then(null, function (e) {
        t.equal(e, boom, 'controller.error errors the stream');
        writer.releaseLock();
        t.equal(ws.locked, false, 'unlocked after releaseLock');
    });
});

/* ---- pipeTo / pipeThrough ---- */

test('pipeTo: moves every chunk and closes the destination', function (t) {
    var log = [];
    var rs = streamOf([1, 2, 3]);
    var ws = recordingSink(log);
    return rs.pipeTo(ws).then(function (v) {
        t.equal(v, undefined, 'resolves with undefined');
        t.deepEqual(log, ['write:1', 'write:2', 'write:3', 'close'], 'all chunks written, then closed');
        t.equal(rs.locked, false, 'source unlocked afterwards');
        t.equal(ws.locked, false, 'destination unlocked afterwards');
    });
});

test('pipeTo: does not read while the destination has no room', function (t) {
    var pulled = 0, writes = 0;
    var rs = new ReadableStream({
        pull: function (c) { pulled++; c.enqueue(pulled); }
    }, { highWaterMark: 1 });
    var ws = new WritableStream({
        write: function () { writes++; return new Promise(function () {}); }
    }, { highWaterMark: 2 });
    rs.pipeTo(ws);
    return ticks(60).then(function () {
        t.equal(writes, 1, 'one write in flight at the sink');
        t.ok(pulled <= 3, 'at most two chunks piped plus one queued at the source (' + pulled + ')');
        t.ok(pulled >= 3, 'the pipe fills the destination queue');
    });
});

test('pipeTo: preventClose leaves the destination open', function (t) {
    var log = [];
    var ws = recordingSink(log);
    return streamOf(['x']).pipeTo(ws, { preventClose: true }).then(function () {
        t.deepEqual(log, ['write:x'], 'not closed');
        return ws.getWriter().write('y');
    }).then(function () {
        t.deepEqual(log, ['write:x', 'write:y'], 'destination still writable');
    });
});

test('pipeTo: a source error aborts the destination and rejects', function (t) {
    var log = [], boom = new Error('src');
    var rs = new ReadableStream({
        start: function (c) { c.enqueue('a'); c.error(boom); }
    });
    return rs.pipeTo(recordingSink(log)).then(null, function (e) {
        t.equal(e, boom, 'pipeTo rejects with the source error');
        t.deepEqual(log, ['abort:src'], 'destination aborted with it');
    });
});

test('pipeTo: preventAbort keeps the destination writable on source error', function (t) {
    var log = [], boom = new Error('src');
    var rs = new ReadableStream({ start: function (c) { c.error(boom); } });
    var ws = recordingSink(log);
    return rs.pipeTo(ws, { preventAbort: true }).then(null, function (e) {
        t.equal(e, boom, 'rejects with the source error');
        t.deepEqual(log, [], 'destination not aborted');
        t.equal(ws.locked, false, 'destination released');
    });
});

test('pipeTo: a destination error cancels the source', function (t) {
    var cancelReason, boom = new Error('dst');
    var rs = new ReadableStream({
        pull: function (c) { c.enqueue('chunk'); },
        cancel: function (r) { cancelReason = r; }
    });
    var ws = new WritableStream({ write: function () { throw boom; } });
    return rs.pipeTo(ws).then(null, function (e) {
        t.equal(e, boom, 'rejects with the destination error');
        t.equal(cancelReason, boom, 'source cancelled with it');
    });
});

test('pipeTo: a closed destination cancels the source with a TypeError', function (t) {
    var cancelReason;
    var ws = new WritableStream();
    var rs = new ReadableStream({ cancel: function (r) { cancelReason = r; } });
    return ws.close().then(function () {
        return rs.pipeTo(ws);
    }).then(null, function (e) {
        t.ok(e instanceof TypeError, 'rejects with a TypeError');
        t.ok(cancelReason instanceof TypeError, 'source cancelled with a TypeError');
    });
});

test('pipeTo: locked streams and bad arguments reject', function (t) {
    var rs = new ReadableStream();
    var ws = new WritableStream();
    return t.rejects(rs.pipeTo({}), TypeError, 'destination must be a WritableStream').then(function () {
        ws.getWriter();
        return t.rejects(rs.pipeTo(ws), TypeError, 'locked destination');
    }).then(function () {
        t.equal(rs.locked, false, 'source stays unlocked after a rejected pipeTo');
    });
});

test('pipeTo: an aborted signal stops the pipe', function (t) {
    if (typeof AbortController !== 'function') {
        t.comment('skipped: no AbortController in this runtime');
        return undefined;
    }
    var log = [], cancelled, ac = new AbortController(), reason = new Error('enough');
    var rs = new ReadableStream({
        pull: function (c) { c.enqueue('x'); return new Promise(function () {}); },
        cancel: function (r) { cancelled = r; }
    });
    var piped = rs.pipeTo(recordingSink(log), { signal: ac.signal });
    return ticks().then(function () {
        ac.abort(reason);
        return piped;
    }).then(null, function (e) {
        t.equal(e, reason, 'rejects with signal.reason');
        t.equal(cancelled, reason, 'source cancelled with it');
        t.equal(log[log.length - 1], 'abort:enough', 'destination aborted with it');
    });
});

test('pipeThrough: returns the readable side and data flows through', function (t) {
    var upper = new TransformStream({
        transform: function (chunk, c) { c.enqueue(String(chunk).toUpperCase()); }
    });
    var out = streamOf(['a', 'b']).pipeThrough(upper);
    t.equal(out, upper.readable, 'returns transform.readable');
    t.throws(function () { streamOf([]).pipeThrough({ readable: out }); }, TypeError, 'needs a writable');
    return readAll(out).then(function (chunks) {
        t.deepEqual(chunks, ['A', 'B'], 'chunks transformed');
    });
});

/* ---- TransformStream ---- */

test('TransformStream: flush runs on close and may enqueue', function (t) {
    var count = 0;
    var ts = new TransformStream({
        transform: function (chunk) { count += chunk.length; },
        flush: function (c) { c.enqueue('total:' + count); }
    });
    var writer = ts.writable.getWriter();
    writer.write('abc');
    writer.write('de');
    writer.close();
    return readAll(ts.readable).then(function (chunks) {
        t.deepEqual(chunks, ['total:5'], 'flush saw every chunk and its output is the last chunk');
    });
});

test('TransformStream: identity by default', function (t) {
    var ts = new TransformStream();
    var writer = ts.writable.getWriter();
    writer.write(1);
    writer.write(2);
    writer.close();
    return readAll(ts.readable).then(function (chunks) {
        t.deepEqual(chunks, [1, 2], 'chunks pass unchanged');
    });
});

test('TransformStream: backpressure holds transform until the readable side pulls', function (t) {
    var transformed = [];
    var ts = new TransformStream({
        transform: function (chunk, c) { transformed.push(chunk); c.enqueue(chunk); }
    });
    var writer = ts.writable.getWriter();
    var reader = ts.readable.getReader();
    writer.write('a');
    return ticks().then(function () {
        t.deepEqual(transformed, [], 'no transform while the readable side has no demand');
        t.equal(writer.desiredSize, 0, 'writable side is full');
        return reader.read();
    }).then(function (r) {
        t.equal(r.value, 'a', 'read pulls the chunk through');
        t.deepEqual(transformed, ['a'], 'transform ran once');
    });
});

test('TransformStream: terminate closes the readable and errors the writable', function (t) {
    var ts = new TransformStream({
        start: function (c) { c.enqueue('only'); c.terminate(); }
    });
    return readAll(ts.readable).then(function (chunks) {
        t.deepEqual(chunks, ['only'], 'readable delivers queued chunks then closes');
        return t.rejects(ts.writable.getWriter().write('x'), TypeError, 'writable errored with a TypeError');
    });
});

test('TransformStream: an error in transform errors both sides', function (t) {
    var boom = new Error('bad chunk');
    var ts = new TransformStream({ transform: function () { throw boom; } });
    var writer = ts.writable.getWriter();
    var reader = ts.readable.getReader();
    var read = reader.read();
    return writer.write('x').then(null, function (e) {
        t.equal(e, boom, 'write rejects with the error');
        return read;
    }).then(null, function (e) {
        t.equal(e, boom, 'readable side errored with it');
    });
});

test('TransformStream: cancelling the readable calls transformer.cancel and errors the writable', function (t) {
    var got;
    var ts = new TransformStream({ cancel: function (r) { got = r; } });
    return ts.readable.cancel('gone').then(function () {
        t.equal(got, 'gone', 'transformer.cancel gets the reason');
        return ts.writable.getWriter().closed;
    }).then(null, function (e) {
        t.equal(e, 'gone', 'writable errored with the reason');
    });
});

test('TransformStream: invalid transformer types throw RangeError', function (t) {
    t.throws(function () { new TransformStream({ readableType: 'bytes' }); }, RangeError, 'readableType');
    t.throws(function () { new TransformStream({ writableType: 'bytes' }); }, RangeError, 'writableType');
});

/* ---- async iteration ---- */

test('ReadableStream: async iteration yields every chunk', function (t) {
    var rs = streamOf([1, 2]);
    t.equal(ReadableStream.prototype[Symbol.asyncIterator], ReadableStream.prototype.values,
        '@@asyncIterator is values');
    var it = rs[Symbol.asyncIterator]();
    t.equal(rs.locked, true, 'iterating locks the stream');
    var got = [];
    function step() {
        return it.next().then(function (r) {
            if (r.done) {
                return got;
            }
            got.push(r.value);
            return step();
        });
    }
    return step().then(function (values) {
        t.deepEqual(values, [1, 2], 'all values');
        t.equal(rs.locked, false, 'lock released at the end');
    });
});

test('ReadableStream: breaking out of async iteration cancels the stream', function (t) {
    var reason = 'unset';
    var rs = new ReadableStream({
        pull: function (c) { c.enqueue('x'); },
        cancel: function (r) { reason = r; }
    });
    var it = rs.values();
    return it.next().then(function (r) {
        t.equal(r.value, 'x', 'got a value');
        return it['return']();
    }).then(function (r) {
        t.deepEqual(r, { value: undefined, done: true }, 'return() gives a done result');
        t.equal(reason, undefined, 'source cancelled');
        t.equal(rs.locked, false, 'stream released');
        return it.next();
    }).then(function (r) {
        t.equal(r.done, true, 'next after return is done');
    });
});

test('ReadableStream: values({ preventCancel: true }) only releases the lock', function (t) {
    var cancelled = false;
    var rs = new ReadableStream({
        start: function (c) { c.enqueue('a'); c.enqueue('b'); },
        cancel: function () { cancelled = true; }
    });
    var it = rs.values({ preventCancel: true });
    return it.next().then(function () {
        return it['return']();
    }).then(function () {
        t.equal(cancelled, false, 'not cancelled');
        return rs.getReader().read();
    }).then(function (r) {
        t.equal(r.value, 'b', 'remaining chunk still readable');
    });
});

/* ---- ReadableStream.from ---- */

test('ReadableStream.from: arrays, sync and async iterables', function (t) {
    var asyncIterable = {};
    asyncIterable[Symbol.asyncIterator] = function () {
        var i = 0;
        return {
            next: function () {
                i++;
                return Promise.resolve(i > 2 ? { done: true } : { value: 'async' + i, done: false });
            }
        };
    };
    var syncIterable = {};
    syncIterable[Symbol.iterator] = function () {
        var i = 0;
        return {
            next: function () {
                i++;
                return i > 2 ? { value: undefined, done: true } : { value: Promise.resolve('sync' + i), done: false };
            }
        };
    };
    t.throws(function () { ReadableStream.from(5); }, TypeError, 'non-iterable throws TypeError');
    t.ok(ReadableStream.from([]) instanceof ReadableStream, 'returns a ReadableStream');
    return readAll(ReadableStream.from(['x', 'y'])).then(function (chunks) {
        t.deepEqual(chunks, ['x', 'y'], 'array');
        return readAll(ReadableStream.from(asyncIterable));
    }).then(function (chunks) {
        t.deepEqual(chunks, ['async1', 'async2'], 'async iterable');
        return readAll(ReadableStream.from(syncIterable));
    }).then(function (chunks) {
        t.deepEqual(chunks, ['sync1', 'sync2'], 'sync iterable, promise values awaited');
    });
});

test('ReadableStream.from: cancel calls iterator.return with the reason', function (t) {
    var returned, nexts = 0;
    var iterable = {};
    iterable[Symbol.asyncIterator] = function () {
        return {
            next: function () { nexts++; return Promise.resolve({ value: nexts, done: false }); },
            'return': function (r) { returned = r; return Promise.resolve({ done: true }); }
        };
    };
    var rs = ReadableStream.from(iterable);
    return ticks().then(function () {
        t.equal(nexts, 0, 'highWaterMark 0: nothing pulled before a read');
        return rs.cancel('stop');
    }).then(function () {
        t.equal(returned, 'stop', 'iterator.return got the reason');
    });
});

/* ---- byte streams ---- */

test('ReadableStream type bytes: default reader gets Uint8Array chunks', function (t) {
    var controller;
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (c) { controller = c; }
    });
    t.ok(controller instanceof ReadableByteStreamController, 'byte controller');
    t.equal(controller.desiredSize, 0, 'default highWaterMark is 0');
    t.equal(controller.byobRequest, null, 'no byobRequest without a BYOB read');
    t.throws(function () { controller.enqueue('str'); }, TypeError, 'chunks must be ArrayBufferViews');
    t.throws(function () { controller.enqueue(new Uint8Array(0)); }, TypeError, 'empty chunk rejected');
    controller.enqueue(new Uint8Array([1, 2, 3]));
    controller.close();
    t.throws(function () { new ReadableStream().getReader({ mode: 'byob' }); }, TypeError,
        'BYOB reader on a default stream is a TypeError');
    return readAll(rs).then(function (chunks) {
        t.equal(chunks.length, 1, 'one chunk');
        t.ok(chunks[0] instanceof Uint8Array, 'as a Uint8Array');
        t.deepEqual(chunks[0], new Uint8Array([1, 2, 3]), 'with the bytes');
    });
});

test('ReadableStream type bytes: tee gives independent copies', function (t) {
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (c) { c.enqueue(new Uint8Array([9])); c.close(); }
    });
    var b = rs.tee();
    return Promise.all([readAll(b[0]), readAll(b[1])]).then(function (r) {
        t.deepEqual(r[0][0], new Uint8Array([9]), 'branch 1 bytes');
        t.deepEqual(r[1][0], new Uint8Array([9]), 'branch 2 bytes');
        t.notEqual(r[0][0].buffer, r[1][0].buffer, 'branches do not share a buffer');
    });
});

/* ---- queuing strategies ---- */

test('CountQueuingStrategy and ByteLengthQueuingStrategy', function (t) {
    var count = new CountQueuingStrategy({ highWaterMark: 4 });
    var bytes = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
    t.equal(count.highWaterMark, 4, 'count highWaterMark');
    t.equal(count.size('anything'), 1, 'count size is 1');
    t.equal(bytes.highWaterMark, 16, 'byte highWaterMark');
    t.equal(bytes.size(new Uint8Array(5)), 5, 'byte size is byteLength');
    t.throws(function () { new CountQueuingStrategy({}); }, TypeError, 'highWaterMark is required');
    var controller;
    new ReadableStream({ start: function (c) { controller = c; } }, bytes);
    controller.enqueue(new Uint8Array(10));
    t.equal(controller.desiredSize, 6, 'a stream uses the strategy size');
});

/* ---- encoding streams ---- */

test('TextEncoderStream: encodes strings, joining split surrogate pairs', function (t) {
    var enc = new TextEncoderStream();
    t.equal(enc.encoding, 'utf-8', 'encoding is utf-8');
    var writer = enc.writable.getWriter();
    writer.write('h\u00e9');
    writer.write('\ud83d');
    writer.write('\ude00');
    writer.close();
    return readAll(enc.readable).then(function (chunks) {
        var bytes = [];
        for (var i = 0; i < chunks.length; i++) {
            t.ok(chunks[i] instanceof Uint8Array, 'chunk ' + i + ' is a Uint8Array');
            bytes = bytes.concat(Array.prototype.slice.call(chunks[i]));
        }
        t.deepEqual(bytes, [0x68, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80], 'UTF-8 with the pair as one code point');
    });
});

test('TextEncoderStream: a lone trailing high surrogate becomes U+FFFD', function (t) {
    var enc = new TextEncoderStream();
    var writer = enc.writable.getWriter();
    writer.write('a\ud800');
    writer.close();
    return readAll(enc.readable).then(function (chunks) {
        var bytes = [];
        for (var i = 0; i < chunks.length; i++) {
            bytes = bytes.concat(Array.prototype.slice.call(chunks[i]));
        }
        t.deepEqual(bytes, [0x61, 0xef, 0xbf, 0xbd], 'replacement character at flush');
    });
});

test('TextDecoderStream: decodes chunks, including split sequences', function (t) {
    var dec = new TextDecoderStream();
    t.equal(dec.encoding, 'utf-8', 'encoding');
    t.equal(dec.fatal, false, 'fatal defaults to false');
    t.equal(dec.ignoreBOM, false, 'ignoreBOM defaults to false');
    var writer = dec.writable.getWriter();
    writer.write(new Uint8Array([0x68, 0x69, 0xe2, 0x82]));
    writer.write(new Uint8Array([0xac]));
    writer.close();
    return readAll(dec.readable).then(function (chunks) {
        t.equal(chunks.join(''), 'hi\u20ac', 'text reassembled');
    });
});

test('TextDecoderStream: non-BufferSource chunks error the stream', function (t) {
    var dec = new TextDecoderStream();
    var read = dec.readable.getReader().read();
    return t.rejects(dec.writable.getWriter().write('not bytes'), TypeError, 'write rejects with TypeError').then(function () {
        return t.rejects(read, TypeError, 'the readable side errors too');
    });
});

/* ---- the promises streams and bodies hand out ---- */

test('Streams and bodies make %Promise%s whatever the global Promise is now', function (t) {
    var Original = Promise, made = 0;
    function Other(executor) {
        made++;
        return new Original(executor);
    }
    Other.resolve = function (x) { made++; return Original.resolve(x); };
    Other.reject = function (r) { made++; return Original.reject(r); };
    var reader = streamOf(['a']).getReader();
    var writer;
    globalThis.Promise = Other;
    try {
        var read = reader.read();
        var closed = reader.closed;
        writer = new WritableStream().getWriter();
        var written = writer.write('x');
        var text = new Response('body').text();
        var used = new Response('b');
        used.text();
        var again = used.text();
    } finally {
        globalThis.Promise = Original;
    }
    t.equal(made, 0, 'the global Promise is not called');
    [read, closed, writer.ready, written, text, again].forEach(function (p, i) {
        t.ok(Object.getPrototypeOf(p) === Original.prototype, 'promise ' + i + ' is a %Promise%');
    });
    return read.then(function (r) {
        t.deepEqual(r, { value: 'a', done: false }, 'read settles');
        return text;
    }).then(function (s) {
        t.equal(s, 'body', 'text() settles');
        return t.rejects(again, TypeError, 'a used body rejects');
    });
});

test('A stream promise marked as handled is not reported as unhandled', function (t) {
    var got = [];
    onunhandledrejection = function (ev) {
        got.push(ev.reason);
        ev.preventDefault();
    };
    var rs = new ReadableStream({ start: function (c) { c.error(new RangeError('broken')); } });
    var reader = rs.getReader();
    reader.releaseLock();
    var ws = new WritableStream({ start: function (c) { c.error(new RangeError('sink')); } });
    var writer = ws.getWriter();
    writer.releaseLock();
    Promise.reject('not handled');
    return new Promise(function (resolve) { setTimeout(resolve, 5); }).then(function () {
        onunhandledrejection = null;
        t.deepEqual(got, ['not handled'], 'only the plain rejection is reported');
        return t.rejects(reader.closed, TypeError, 'the released reader\'s closed still rejects');
    });
});
