// SPDX-License-Identifier: MIT
/* Readable byte streams: ReadableByteStreamController, BYOB readers and
 * requests, autoAllocateChunkSize, tee of byte streams, Body clone with
 * independent chunks, and body-used state. Several cases follow the WPT
 * streams/readable-byte-streams tests (read-min, respond-after-enqueue,
 * general, tee), rewritten for this harness. */

function bytes(view) {
    return Array.prototype.slice.call(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
}

function viewInfo(view) {
    return { ctor: view.constructor, bufferByteLength: view.buffer.byteLength, byteOffset: view.byteOffset, byteLength: view.byteLength };
}

test('globals and brand checks', function (t) {
    t.equal(typeof ReadableByteStreamController, 'function');
    t.equal(typeof ReadableStreamBYOBReader, 'function');
    t.equal(typeof ReadableStreamBYOBRequest, 'function');
    t.throws(function () { new ReadableByteStreamController(); }, TypeError, 'controller: illegal constructor');
    t.throws(function () { new ReadableStreamBYOBRequest(); }, TypeError, 'request: illegal constructor');
    t.throws(function () { new ReadableStreamBYOBReader(new ReadableStream()); }, TypeError, 'BYOB reader of a default stream');
    t.throws(function () { new ReadableStream().getReader({ mode: 'byob' }); }, TypeError, "getReader({mode:'byob'}) of a default stream");
    t.throws(function () { new ReadableStream({ type: 'bytes' }).getReader({ mode: 'other' }); }, TypeError, 'unknown mode');
    var rs = new ReadableStream({ type: 'bytes' });
    var reader = rs.getReader({ mode: 'byob' });
    t.ok(reader instanceof ReadableStreamBYOBReader, 'getReader({mode: "byob"})');
    t.equal(Object.prototype.toString.call(reader), '[object ReadableStreamBYOBReader]');
    t.ok(rs.locked, 'locks the stream');
    t.throws(function () { new ReadableStreamBYOBReader(rs); }, TypeError, 'a locked stream');
    t.throws(function () { ReadableStreamBYOBReader.prototype.releaseLock.call({}); }, TypeError, 'releaseLock brand check');
    t.throws(function () { new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }); }, TypeError, 'autoAllocateChunkSize 0');
    t.throws(function () { new ReadableStream({ type: 'bytes', autoAllocateChunkSize: NaN }); }, TypeError, 'autoAllocateChunkSize NaN');
    t.throws(function () { new ReadableStream({ type: 'bytes' }, { size: function () { return 1; } }); }, RangeError, 'a size function');
    return ReadableStreamBYOBReader.prototype.read.call({}, new Uint8Array(1)).then(function () { t.ok(false); },
        function (e) { t.ok(e instanceof TypeError, 'read brand check rejects'); });
});

test('controller: desiredSize, enqueue checks, byobRequest null without a read', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } }, { highWaterMark: 10 });
    t.ok(c instanceof ReadableByteStreamController, 'start gets a ReadableByteStreamController');
    t.equal(c.desiredSize, 10, 'desiredSize is the high-water mark');
    t.equal(c.byobRequest, null, 'no byobRequest');
    c.enqueue(new Uint8Array(4));
    t.equal(c.desiredSize, 6, 'queued bytes count against it');
    t.throws(function () { c.enqueue('abc'); }, TypeError, 'a string is not a view');
    t.throws(function () { c.enqueue(new Uint8Array(0)); }, TypeError, 'an empty view');
    t.throws(function () { c.enqueue(new Uint8Array(new ArrayBuffer(0))); }, TypeError, 'an empty buffer');
    c.close();
    t.throws(function () { c.close(); }, TypeError, 'close twice');
    t.throws(function () { c.enqueue(new Uint8Array(1)); }, TypeError, 'enqueue after close');
    var reader = rs.getReader();
    return reader.read().then(function (r) {
        t.equal(r.value.byteLength, 4, 'the queued chunk is read');
        t.ok(r.value instanceof Uint8Array, 'as a Uint8Array');
        return reader.read();
    }).then(function (r) {
        t.ok(r.done, 'then the close');
        t.equal(c.desiredSize, 0, 'desiredSize of a closed stream is 0');
    });
});

test('BYOB read: pull fills the view through byobRequest.respond', function (t) {
    var infos = [];
    var rs = new ReadableStream({
        type: 'bytes',
        pull: function (c) {
            var req = c.byobRequest;
            infos.push(viewInfo(req.view));
            req.view[0] = 7;
            req.view[1] = 8;
            req.respond(2);
            if (infos.length === 1) {
                t.equal(c.byobRequest, null, 'the request is gone after respond');
                t.equal(req.view, null, 'and its view is null');
                t.throws(function () { req.respond(1); }, TypeError, 'an invalidated request');
            }
        }
    });
    var reader = rs.getReader({ mode: 'byob' });
    return reader.read(new Uint8Array(8)).then(function (r) {
        t.equal(r.done, false);
        t.deepEqual(bytes(r.value), [7, 8], 'filled bytes');
        t.equal(r.value.constructor, Uint8Array);
        t.deepEqual(infos[0], { ctor: Uint8Array, bufferByteLength: 8, byteOffset: 0, byteLength: 8 }, 'the request view');
        return reader.read(new Uint16Array(2), { min: 2 });
    }).then(function (r) {
        t.equal(r.value.constructor, Uint16Array, 'the result has the type of the view');
        t.equal(r.value.length, 2, 'min: 2 elements filled over two pulls');
        t.deepEqual(infos[2], { ctor: Uint8Array, bufferByteLength: 4, byteOffset: 2, byteLength: 2 }, 'the second pull is for the rest');
    });
});

test('BYOB read: argument errors', function (t) {
    var rs = new ReadableStream({ type: 'bytes', pull: function () { t.ok(false, 'pull not called'); } });
    var reader = rs.getReader({ mode: 'byob' });
    function rejects(p, Ctor, msg) {
        return p.then(function () { t.ok(false, msg); }, function (e) { t.ok(e instanceof Ctor, msg + ': ' + e); });
    }
    return rejects(reader.read(), TypeError, 'no view').then(function () {
        return rejects(reader.read(new Uint8Array(0)), TypeError, 'empty view');
    }).then(function () {
        return rejects(reader.read(new Uint8Array(1), { min: 0 }), TypeError, 'min 0');
    }).then(function () {
        return rejects(reader.read(new Uint8Array(1), { min: 2 }), RangeError, 'min above length (Uint8Array)');
    }).then(function () {
        return rejects(reader.read(new Uint16Array(1), { min: 2 }), RangeError, 'min above length (Uint16Array)');
    }).then(function () {
        return rejects(reader.read(new DataView(new ArrayBuffer(1)), { min: 2 }), RangeError, 'min above byteLength (DataView)');
    }).then(function () {
        return rejects(reader.read(new Uint8Array(1), { min: -1 }), TypeError, 'negative min');
    }).then(function () {
        reader.releaseLock();
        return rejects(reader.read(new Uint8Array(1)), TypeError, 'released reader');
    });
});

test('read({ min }), then read() (WPT read-min)', function (t) {
    var pulls = 0, infos = [];
    var rs = new ReadableStream({
        type: 'bytes',
        pull: function (c) {
            var req = c.byobRequest;
            infos.push(viewInfo(req.view));
            if (pulls === 0) {
                req.view[0] = 1;
                req.view[1] = 2;
                req.respond(2);
            } else if (pulls === 1) {
                req.view[0] = 3;
                req.respond(1);
            } else if (pulls === 2) {
                req.view[0] = 4;
                req.respond(1);
            }
            pulls++;
        }
    });
    var reader = rs.getReader({ mode: 'byob' });
    var read1 = reader.read(new Uint8Array(3), { min: 3 });
    var read2 = reader.read(new Uint8Array(1));
    return read1.then(function (r) {
        t.deepEqual(bytes(r.value), [1, 2, 3], 'first result');
        return read2;
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [4], 'second result');
        t.equal(pulls, 3, 'three pulls');
        t.deepEqual(infos[1], { ctor: Uint8Array, bufferByteLength: 3, byteOffset: 2, byteLength: 1 }, 'second request');
        t.deepEqual(infos[2], { ctor: Uint8Array, bufferByteLength: 1, byteOffset: 0, byteLength: 1 }, 'third request');
    });
});

test('enqueue(), then read({ min }) (WPT read-min)', function (t) {
    var infos = [];
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (c) { c.enqueue(new Uint8Array([1])); },
        pull: function (c) {
            infos.push(viewInfo(c.byobRequest.view));
            c.byobRequest.view[0] = 2;
            c.byobRequest.view[1] = 3;
            c.byobRequest.respond(2);
        }
    });
    return rs.getReader({ mode: 'byob' }).read(new Uint8Array(3), { min: 3 }).then(function (r) {
        t.deepEqual(bytes(r.value), [1, 2, 3]);
        t.equal(infos.length, 1, 'one pull');
        t.deepEqual(infos[0], { ctor: Uint8Array, bufferByteLength: 3, byteOffset: 1, byteLength: 2 }, 'the request is for the rest');
    });
});

test('enqueue(), read({ min }) partially, then a default read() (WPT read-min)', function (t) {
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (c) {
            var view = new Uint8Array(16);
            view[0] = 1;
            view[8] = 2;
            c.enqueue(view);
        }
    });
    var byob = rs.getReader({ mode: 'byob' });
    return byob.read(new Uint8Array(8), { min: 8 }).then(function (r) {
        t.equal(r.value.byteLength, 8);
        t.equal(r.value[0], 1);
        byob.releaseLock();
        return rs.getReader().read();
    }).then(function (r) {
        t.equal(r.value.byteOffset, 8, 'the rest of the chunk');
        t.equal(r.value.byteLength, 8);
        t.equal(r.value[0], 2);
    });
});

test('read({ min }) when the stream closes before the view is filled', function (t) {
    var pulls = 0;
    var rs = new ReadableStream({
        type: 'bytes',
        pull: function (c) {
            if (pulls === 0) {
                c.byobRequest.view[0] = 1;
                c.byobRequest.respond(1);
            } else {
                c.close();
                c.byobRequest.respond(0);
            }
            pulls++;
        }
    });
    var reader = rs.getReader({ mode: 'byob' });
    return reader.read(new Uint8Array(3), { min: 3 }).then(function (r) {
        t.equal(r.done, true, 'done');
        t.deepEqual(bytes(r.value), [1], 'with what was filled');
        t.equal(pulls, 2);
        return reader.closed;
    });
});

test('BYOB read on a closed stream gives an empty view of the same type', function (t) {
    var rs = new ReadableStream({ type: 'bytes', start: function (c) { c.close(); } });
    return rs.getReader({ mode: 'byob' }).read(new Uint16Array(4)).then(function (r) {
        t.equal(r.done, true);
        t.equal(r.value.constructor, Uint16Array);
        t.equal(r.value.length, 0);
    });
});

test('BYOB read on an errored stream, and error() during a read', function (t) {
    var error1 = new Error('error1'), c;
    var rs1 = new ReadableStream({ type: 'bytes', start: function (ctl) { ctl.error(error1); } });
    var rs2 = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } });
    var r2 = rs2.getReader({ mode: 'byob' });
    var pending = r2.read(new Uint8Array(1));
    c.error(error1);
    t.equal(c.desiredSize, null, 'desiredSize of an errored stream is null');
    return rs1.getReader({ mode: 'byob' }).read(new Uint8Array(1)).then(function () { t.ok(false); }, function (e) {
        t.equal(e, error1, 'errored stream');
        return pending;
    }).then(function () { t.ok(false); }, function (e) {
        t.equal(e, error1, 'pending read rejects');
        return r2.closed.then(function () { t.ok(false); }, function (e2) { t.equal(e2, error1, 'closed rejects'); });
    });
});

test('closing with a partial element errors the stream', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } });
    var reader = rs.getReader({ mode: 'byob' });
    var read = reader.read(new Uint16Array(1));
    c.byobRequest.view[0] = 1;
    c.byobRequest.respond(1);
    t.throws(function () { c.close(); }, TypeError, 'close() throws');
    return read.then(function () { t.ok(false); }, function (e) { t.ok(e instanceof TypeError, 'the read rejects'); });
});

test('respond(): range checks', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } });
    var read = rs.getReader({ mode: 'byob' }).read(new Uint8Array(2));
    var req = c.byobRequest;
    t.ok(req instanceof ReadableStreamBYOBRequest, 'a ReadableStreamBYOBRequest');
    t.equal(c.byobRequest, req, 'the same request until answered');
    t.throws(function () { req.respond(0); }, TypeError, 'respond(0) on a readable stream');
    t.throws(function () { req.respond(3); }, RangeError, 'more than the view');
    t.throws(function () { req.respond(-1); }, TypeError, 'negative');
    t.throws(function () { req.respondWithNewView(new Uint8Array(1)); }, RangeError, 'a view of another buffer');
    t.throws(function () { req.respondWithNewView('x'); }, TypeError, 'not a view');
    var own = new Uint8Array(req.view.buffer, 0, 1);
    own[0] = 42;
    req.respondWithNewView(own);
    return read.then(function (r) {
        t.deepEqual(bytes(r.value), [42], 'respondWithNewView with a view of the same buffer');
    });
});

test('cancel with a pending BYOB read resolves it as done', function (t) {
    var reason;
    var rs = new ReadableStream({ type: 'bytes', cancel: function (r) { reason = r; return 'bar'; } });
    var reader = rs.getReader({ mode: 'byob' });
    var read = reader.read(new Uint8Array(1));
    return reader.cancel('why').then(function (v) {
        t.equal(v, undefined, 'cancel resolves with undefined');
        t.equal(reason, 'why', 'the source sees the reason');
        return read;
    }).then(function (r) {
        t.equal(r.done, true);
        t.equal(r.value, undefined);
    });
});

test('releaseLock() with a pending read(view), read(view) on a second reader, respond() (WPT general)', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } });
    var reader1 = rs.getReader({ mode: 'byob' });
    var read1 = reader1.read(new Uint8Array([1, 2, 3]));
    var req1 = c.byobRequest;
    t.deepEqual(bytes(req1.view), [1, 2, 3], 'the request views the reader\'s buffer');
    reader1.releaseLock();
    t.equal(rs.locked, false, 'unlocked');
    var reader2 = rs.getReader({ mode: 'byob' });
    var read2 = reader2.read(new Uint8Array([4, 5]));
    t.equal(c.byobRequest, req1, 'the request survives the release');
    return read1.then(function () { t.ok(false); }, function (e) {
        t.ok(e instanceof TypeError, 'the pending read rejects');
        req1.view[0] = 6;
        req1.view[1] = 7;
        req1.view[2] = 8;
        req1.respond(3);
        t.equal(c.byobRequest, null, 'no request left');
        return read2;
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [6, 7], 'the second reader gets what fits');
        return reader2.read(new Uint8Array([0, 0, 0]));
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [8], 'and the rest from the queue');
    });
});

test('autoAllocateChunkSize, releaseLock() with a pending read(), read() on a second reader, respond() (WPT general)', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 4, start: function (ctl) { c = ctl; } });
    return Promise.resolve().then(function () {
        var reader1 = rs.getReader();
        var read1 = reader1.read();
        var req1 = c.byobRequest;
        t.equal(req1.view.byteLength, 4, 'an auto-allocated request');
        reader1.releaseLock();
        var read2 = rs.getReader().read();
        t.ok(c.byobRequest !== null, 'the request survives the release');
        return read1.then(function () { t.ok(false); }, function (e) {
            t.ok(e instanceof TypeError, 'the pending read rejects');
            req1.view[0] = 11;
            req1.respond(1);
            t.equal(c.byobRequest, null, 'no request left');
            return read2;
        });
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [11], 'the second read gets the byte');
        t.equal(r.value.buffer.byteLength, 4, 'in its own auto-allocated buffer');
    });
});

test('autoAllocateChunkSize gives default reads a byobRequest', function (t) {
    var seen;
    var rs = new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: 16,
        pull: function (c) {
            seen = viewInfo(c.byobRequest.view);
            c.byobRequest.view[0] = 65;
            c.byobRequest.respond(1);
            c.close();
        }
    });
    var reader = rs.getReader();
    return reader.read().then(function (r) {
        t.deepEqual(seen, { ctor: Uint8Array, bufferByteLength: 16, byteOffset: 0, byteLength: 16 }, 'a 16-byte view');
        t.deepEqual(bytes(r.value), [65]);
        return reader.read();
    }).then(function (r) {
        t.ok(r.done, 'then closed');
    });
});

test('respond() after enqueue() (WPT respond-after-enqueue)', function (t) {
    var rs1 = new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: 10,
        pull: function (c) {
            c.enqueue(new Uint8Array([1, 2, 3]));
            t.equal(c.byobRequest, null, 'enqueue answered the request');
        }
    });
    var rs2 = new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: 10,
        pull: function (c) {
            var req = c.byobRequest;
            c.enqueue(new Uint8Array([1, 2, 3]));
            t.throws(function () { req.respond(10); }, TypeError, 'a cached request is invalidated');
        }
    });
    return rs1.getReader().read().then(function (r) {
        t.deepEqual(bytes(r.value), [1, 2, 3]);
        return rs2.getReader().read();
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [1, 2, 3]);
    });
});

test('enqueue fills pending BYOB reads across chunks', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } });
    var reader = rs.getReader({ mode: 'byob' });
    var read1 = reader.read(new Uint8Array(3), { min: 3 });
    var read2 = reader.read(new Uint8Array(4));
    c.enqueue(new Uint8Array([1, 2]));
    c.enqueue(new Uint8Array([3, 4, 5]));
    c.close();
    return read1.then(function (r) {
        t.deepEqual(bytes(r.value), [1, 2, 3]);
        return read2;
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [4, 5]);
        return reader.read(new Uint8Array(1));
    }).then(function (r) {
        t.ok(r.done);
    });
});

test('a DataView and multi-byte views, with the remainder kept for later', function (t) {
    var rs = new ReadableStream({ type: 'bytes', start: function (c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); } });
    var reader = rs.getReader({ mode: 'byob' });
    return reader.read(new Uint32Array(2)).then(function (r) {
        t.equal(r.value.constructor, Uint32Array);
        t.equal(r.value.length, 1, 'whole elements only');
        t.deepEqual(bytes(r.value), [1, 2, 3, 4]);
        return reader.read(new DataView(new ArrayBuffer(4)));
    }).then(function (r) {
        t.ok(r.value instanceof DataView, 'a DataView result');
        t.equal(r.value.byteLength, 1);
        t.equal(r.value.getUint8(0), 5);
    });
});

test('tee of a byte stream: both branches read, chunks are independent', function (t) {
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (c) {
            c.enqueue(new Uint8Array([1, 2, 3]));
            c.enqueue(new Uint8Array([4, 5]));
            c.close();
        }
    });
    var branches = rs.tee();
    t.ok(branches[0] instanceof ReadableStream && branches[1] instanceof ReadableStream, 'two streams');
    var a = branches[0].getReader(), b = branches[1].getReader({ mode: 'byob' });
    var first;
    return a.read().then(function (r) {
        first = r.value;
        t.deepEqual(bytes(first), [1, 2, 3], 'branch 1');
        first[0] = 99;
        return b.read(new Uint8Array(8));
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [1, 2, 3], 'branch 2 is not changed by branch 1');
        return a.read();
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [4, 5]);
        return b.read(new Uint8Array(8));
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [4, 5]);
        return Promise.all([a.read(), b.read(new Uint8Array(1))]);
    }).then(function (rs2) {
        t.ok(rs2[0].done && rs2[1].done, 'both close');
    });
});

test('tee of a byte stream pulled through BYOB readers on both branches', function (t) {
    var n = 0;
    var rs = new ReadableStream({
        type: 'bytes',
        pull: function (c) {
            var req = c.byobRequest;
            if (n === 3) {
                c.close();
                if (req) {
                    req.respond(0);
                }
                return;
            }
            n++;
            if (req) {
                req.view[0] = n;
                req.respond(1);
            } else {
                c.enqueue(new Uint8Array([n]));
            }
        }
    });
    var branches = rs.tee();
    var a = branches[0].getReader({ mode: 'byob' }), b = branches[1].getReader({ mode: 'byob' });
    var gotA = [], gotB = [];
    function drain(reader, out) {
        return reader.read(new Uint8Array(4)).then(function (r) {
            if (r.done) {
                return undefined;
            }
            out.push.apply(out, bytes(r.value));
            return drain(reader, out);
        });
    }
    return drain(a, gotA).then(function () {
        return drain(b, gotB);
    }).then(function () {
        t.deepEqual(gotA, [1, 2, 3], 'branch 1');
        t.deepEqual(gotB, [1, 2, 3], 'branch 2');
    });
});

test('tee of a byte stream: canceling both branches cancels the source with both reasons', function (t) {
    var reason;
    var rs = new ReadableStream({ type: 'bytes', cancel: function (r) { reason = r; } });
    var branches = rs.tee();
    var p1 = branches[0].cancel('a');
    var p2 = branches[1].cancel('b');
    return Promise.all([p1, p2]).then(function () {
        t.deepEqual(reason, ['a', 'b']);
    });
});

test('tee of a byte stream: an error reaches both branches', function (t) {
    var c, err = new Error('boom');
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; } });
    var branches = rs.tee();
    var r1 = branches[0].getReader(), r2 = branches[1].getReader({ mode: 'byob' });
    c.error(err);
    return r1.closed.then(function () { t.ok(false); }, function (e) {
        t.equal(e, err, 'branch 1 errored');
        return r2.read(new Uint8Array(1));
    }).then(function () { t.ok(false); }, function (e) {
        t.equal(e, err, 'branch 2 errored');
    });
});

test('Response.clone() of a byte body: independent chunks', function (t) {
    var res = new Response(new ReadableStream({
        type: 'bytes',
        start: function (c) { c.enqueue(new Uint8Array([104, 105])); c.close(); }
    }));
    var clone = res.clone();
    var reader = res.body.getReader();
    return reader.read().then(function (r) {
        r.value[0] = 72;
        return clone.text();
    }).then(function (text) {
        t.equal(text, 'hi', 'the clone does not see the change');
    });
});

test('Response.clone() of a default stream body structured-clones chunks', function (t) {
    var res = new Response(new ReadableStream({
        start: function (c) { c.enqueue(new Uint8Array([97, 98])); c.close(); }
    }));
    var clone = res.clone();
    var reader = res.body.getReader();
    return reader.read().then(function (r) {
        r.value[0] = 120;
        return clone.arrayBuffer();
    }).then(function (buf) {
        t.deepEqual(bytes(new Uint8Array(buf)), [97, 98], 'the clone keeps its own bytes');
    });
});

test('Response body: BYOB reader on a body, body-used state', function (t) {
    var res = new Response('hello');
    t.equal(res.bodyUsed, false);
    var reader = res.body.getReader({ mode: 'byob' });
    t.equal(res.bodyUsed, false, 'getting a reader does not use the body');
    var p = reader.read(new Uint8Array(3));
    t.equal(res.bodyUsed, true, 'bodyUsed once a read starts');
    return p.then(function (r) {
        t.equal(String.fromCharCode.apply(null, bytes(r.value)), 'hel');
        return reader.read(new Uint8Array(8));
    }).then(function (r) {
        t.equal(String.fromCharCode.apply(null, bytes(r.value)), 'lo');
        return res.text().then(function () { t.ok(false); }, function (e) { t.ok(e instanceof TypeError, 'text() after reading rejects'); });
    });
});

test('Response body: getReader() after text() throws', function (t) {
    var res = new Response('abc');
    var p = res.text();
    t.equal(res.bodyUsed, true, 'bodyUsed after text()');
    t.throws(function () { res.body.getReader(); }, TypeError, 'getReader() on a used body');
    t.throws(function () { res.clone(); }, TypeError, 'clone() of a used body');
    var streamed = new Response(new ReadableStream({ start: function (c) { c.enqueue(new Uint8Array([49])); c.close(); } }));
    var q = streamed.text();
    t.throws(function () { streamed.body.getReader({ mode: 'byob' }); }, TypeError, 'a BYOB reader on a used stream body');
    return p.then(function (s) {
        t.equal(s, 'abc');
        return q;
    }).then(function (s) {
        t.equal(s, '1');
    });
});

test('Blob.stream() is a byte stream', function (t) {
    var reader = new Blob(['xyz']).stream().getReader({ mode: 'byob' });
    return reader.read(new Uint8Array(2)).then(function (r) {
        t.deepEqual(bytes(r.value), [120, 121]);
        return reader.read(new Uint8Array(2));
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [122]);
    });
});

/* ---- more cases after WPT streams/readable-byte-streams/general ---- */

test('automatic pull() after start() and a read', function (t) {
    var pulls = 0;
    var rs = new ReadableStream({ type: 'bytes', pull: function () { pulls++; } }, { highWaterMark: 0 });
    rs.getReader().read();
    t.equal(pulls, 0, 'no pull before start() has settled');
    return Promise.resolve().then(function () {
        t.equal(pulls, 1, 'pull after start()');
    });
});

test('enqueue() in start(), getReader(), then read(): desiredSize and pulls', function (t) {
    var pulls = 0, c, inStart, inPull;
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (ctl) { ctl.enqueue(new Uint8Array(16)); inStart = ctl.desiredSize; c = ctl; },
        pull: function () { pulls++; if (pulls === 1) { inPull = c.desiredSize; } }
    }, { highWaterMark: 8 });
    return Promise.resolve().then(function () {
        t.equal(pulls, 0, 'no pull while the queue is full');
        t.equal(inStart, -8, 'desiredSize after enqueue() in start()');
        var p = rs.getReader().read();
        t.equal(pulls, 1, 'a pull on read()');
        t.equal(inPull, 8, 'desiredSize in pull()');
        return p;
    }).then(function (r) {
        t.deepEqual(viewInfo(r.value), { ctor: Uint8Array, bufferByteLength: 16, byteOffset: 0, byteLength: 16 });
    });
});

test('enqueue() of a Uint16Array is read as a Uint8Array of its bytes', function (t) {
    var rs = new ReadableStream({ type: 'bytes', start: function (c) { c.enqueue(new Uint16Array(16)); } });
    return rs.getReader().read().then(function (r) {
        t.deepEqual(viewInfo(r.value), { ctor: Uint8Array, bufferByteLength: 32, byteOffset: 0, byteLength: 32 });
    });
});

test('pull() must be callable', function (t) {
    t.throws(function () { new ReadableStream({ type: 'bytes', pull: 'foo' }); }, TypeError);
});

test('getReader(), enqueue(), close(), then read()', function (t) {
    var c;
    var rs = new ReadableStream({ type: 'bytes', start: function (ctl) { c = ctl; }, pull: function () { t.ok(false, 'no pull'); } });
    var reader = rs.getReader();
    c.enqueue(new Uint8Array(16));
    c.close();
    return reader.read().then(function (r) {
        t.equal(r.value.byteLength, 16);
        return reader.read();
    }).then(function (r) {
        t.ok(r.done);
        t.equal(r.value, undefined);
    });
});

test('three pending reads answered by enqueue() outside and inside pull()', function (t) {
    var pulls = 0, c, request, sizes = [];
    var rs = new ReadableStream({
        type: 'bytes',
        start: function (ctl) { c = ctl; },
        pull: function () {
            request = c.byobRequest;
            sizes.push(c.desiredSize);
            c.enqueue(new Uint8Array(1));
            sizes.push(c.desiredSize);
            c.enqueue(new Uint8Array(1));
            sizes.push(c.desiredSize);
            pulls++;
        }
    }, { highWaterMark: 0 });
    var reader = rs.getReader();
    var reads = [reader.read(), reader.read(), reader.read()];
    c.enqueue(new Uint8Array(1));
    t.equal(pulls, 0, 'no pull yet');
    return Promise.all(reads).then(function (results) {
        t.equal(pulls, 1, 'one pull');
        t.deepEqual(results.map(function (r) { return r.value.byteLength; }), [1, 1, 1]);
        t.equal(request, null, 'no byobRequest for default reads');
        t.deepEqual(sizes, [0, 0, 0], 'desiredSize stays 0');
    });
});

test('read(view) with a Uint16Array, respond(3): one element now, the odd byte later', function (t) {
    var pulls = 0, info;
    var rs = new ReadableStream({
        type: 'bytes',
        pull: function (c) {
            pulls++;
            var view = c.byobRequest.view;
            info = viewInfo(view);
            view[0] = 1;
            view[1] = 2;
            view[2] = 3;
            c.byobRequest.respond(3);
        }
    });
    var reader = rs.getReader({ mode: 'byob' });
    return reader.read(new Uint16Array(2)).then(function (r) {
        t.equal(r.value.byteLength, 2, 'one whole element');
        t.equal(new DataView(r.value.buffer, r.value.byteOffset, 2).getUint16(0), 0x0102);
        t.deepEqual(info, { ctor: Uint8Array, bufferByteLength: 4, byteOffset: 0, byteLength: 4 }, 'the request view');
        return reader.read(new Uint8Array(1));
    }).then(function (r) {
        t.equal(pulls, 1, 'the odd byte came from the queue');
        t.deepEqual(bytes(r.value), [3]);
    });
});

test('a throwing pull() errors the stream', function (t) {
    var err = new Error('pull failed');
    var rs = new ReadableStream({ type: 'bytes', pull: function () { throw err; } });
    var reader = rs.getReader({ mode: 'byob' });
    return reader.read(new Uint8Array(1)).then(function () { t.ok(false); }, function (e) {
        t.equal(e, err, 'the read rejects with it');
        return reader.closed.then(function () { t.ok(false); }, function (e2) { t.equal(e2, err, 'closed rejects'); });
    });
});

test('mix of auto-allocated and BYOB reads', function (t) {
    var infos = [];
    var rs = new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: 16,
        pull: function (c) {
            var view = c.byobRequest.view;
            infos.push(viewInfo(view));
            view[0] = infos.length;
            c.byobRequest.respond(1);
        }
    });
    var reader = rs.getReader();
    return reader.read().then(function (r) {
        t.deepEqual(bytes(r.value), [1]);
        reader.releaseLock();
        reader = rs.getReader({ mode: 'byob' });
        return reader.read(new Uint8Array(32));
    }).then(function (r) {
        t.deepEqual(bytes(r.value), [2]);
        t.equal(infos[0].byteLength, 16, 'auto-allocated');
        t.equal(infos[1].byteLength, 32, "the reader's view");
    });
});

test('Blob and body streams settle every pending BYOB read at their end', function (t) {
    var reader = new Blob(['ab']).stream().getReader({ mode: 'byob' });
    var r1 = reader.read(new Uint8Array(8)), r2 = reader.read(new Uint8Array(8));
    var empty = new Response('').body.getReader({ mode: 'byob' }).read(new Uint8Array(1));
    return r1.then(function (r) {
        t.deepEqual(bytes(r.value), [97, 98], 'the bytes');
        return r2;
    }).then(function (r) {
        t.equal(r.done, true, 'the second read is done');
        t.equal(r.value.byteLength, 0, 'with an empty view');
        return empty;
    }).then(function (r) {
        t.equal(r.done, true, 'an empty body ends a BYOB read');
    });
});

test('both reader classes: closed and cancel() check their own brand', function (t) {
    var byob = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' });
    var plain = new ReadableStream().getReader();
    var byobClosed = Object.getOwnPropertyDescriptor(ReadableStreamBYOBReader.prototype, 'closed').get;
    var plainClosed = Object.getOwnPropertyDescriptor(ReadableStreamDefaultReader.prototype, 'closed').get;
    t.equal(ReadableStreamBYOBReader.prototype.cancel.name, 'cancel', 'BYOB cancel is named');
    t.equal(ReadableStreamDefaultReader.prototype.cancel.name, 'cancel', 'default cancel is named');
    byob.releaseLock();
    return t.rejects(byobClosed.call(plain), TypeError, "BYOB closed on a default reader").then(function () {
        return t.rejects(plainClosed.call(byob), TypeError, 'default closed on a BYOB reader');
    }).then(function () {
        return t.rejects(ReadableStreamBYOBReader.prototype.cancel.call(plain), TypeError, 'BYOB cancel on a default reader');
    }).then(function () {
        return t.rejects(byob.cancel(), TypeError, 'cancel on a released BYOB reader');
    }).then(function () {
        return t.rejects(byob.closed, TypeError, 'a released BYOB reader is closed with a TypeError');
    });
});
