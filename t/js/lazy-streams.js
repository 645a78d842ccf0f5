// SPDX-License-Identifier: MIT
/* WritableStream (js/21-streams-writable.js) and pipeTo, pipeThrough, the
 * async iterator and ReadableStream.from (js/23-streams-pipe-iterate.js)
 * are loaded on first use (lib/runtime_lazy.c). Before, no WritableStream
 * exists: pipeTo and pipeThrough refuse what they are given without
 * loading them. values() (and so `for await`) and ReadableStream.from
 * load them. Readable byte streams (js/25-byte-streams.js) too: a body
 * read whole needs none, its stream loads them. Each test runs before
 * anything here touches what it checks. */
var from = ReadableStream.from;

function pending() {
    return typeof lazyPending === 'function' ? lazyPending('WritableStream') : undefined;
}

/* The values of next() (a reader's read, an iterator's next) until done. */
function collect(next) {
    var out = [];
    function step() {
        return next().then(function (r) {
            if (r.done) {
                return out;
            }
            out.push(r.value);
            return step();
        });
    }
    return step();
}

function chunksOf(rs) {
    var reader = rs.getReader();
    return collect(function () { return reader.read(); });
}

test('streams: byte streams are loaded for a body\'s stream, not for its text', function (t) {
    function bytesPending() {
        return typeof lazyPending === 'function' ? lazyPending('ReadableByteStreamController') : undefined;
    }
    if (bytesPending() !== undefined) {
        t.ok(bytesPending(), 'byte streams are not loaded at start');
    }
    return new Response('hello').text().then(function (text) {
        t.equal(text, 'hello', 'a body read whole');
        return new Request('http://localhost/', { method: 'POST', body: '{"a":1}' }).json();
    }).then(function (json) {
        t.equal(json.a, 1, 'a request body parsed');
        if (bytesPending() !== undefined) {
            t.ok(bytesPending(), 'needs no byte stream');
        }
        var body = new Response('abc').body;
        if (bytesPending() !== undefined) {
            t.ok(!bytesPending(), 'a body\'s stream loads them');
        }
        var reader = body.getReader({ mode: 'byob' });
        return reader.read(new Uint8Array(8));
    }).then(function (r) {
        t.equal(String.fromCharCode.apply(null, r.value), 'abc', 'and a BYOB reader reads it');
    });
});

test('streams: pipeTo and pipeThrough refuse a non-stream before WritableStream is loaded', function (t) {
    t.equal(structuredClone({ a: [1] }).a[0], 1, 'structuredClone, which refuses streams');
    if (pending() !== undefined) {
        t.ok(pending(), 'WritableStream is not loaded yet (structuredClone\'s checks do not load it)');
    }
    var rs = new ReadableStream({ start: function (c) { c.enqueue(1); c.close(); } });
    t.throws(function () { rs.pipeThrough({ readable: new ReadableStream(), writable: {} }); }, TypeError,
        'pipeThrough with a writable that is no WritableStream throws a TypeError');
    if (pending() !== undefined) {
        t.ok(pending(), 'without loading it');
    }
    t.equal(typeof from, 'function', 'ReadableStream.from is there before');
    t.equal(from.name, 'from', 'named from');
    t.equal(from.length, 1, 'of length 1');
    t.throws(function () { return new from([]); }, TypeError, 'no constructor');
    t.ok(Object.getOwnPropertyDescriptor(ReadableStream, 'from').enumerable, 'enumerable, as a static method of a class');
    return rs.pipeTo({}).then(function () {
        t.fail('pipeTo({}) fulfilled');
    }, function (e) {
        t.ok(e instanceof TypeError, 'pipeTo({}) rejects with a TypeError: ' + e.message);
        if (pending() !== undefined) {
            t.ok(pending(), 'still without loading it');
        }
        return chunksOf(rs);
    }).then(function (chunks) {
        t.deepEqual(chunks, [1], 'and the stream is left as it was');
    });
});

test('streams: values() loads them', function (t) {
    var rs = new ReadableStream({ start: function (c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
    var it = rs.values();
    if (pending() !== undefined) {
        t.ok(!pending(), 'values() loaded WritableStream and the async iterator');
    }
    return collect(function () { return it.next(); }).then(function (values) {
        t.deepEqual(values, ['a', 'b'], 'which iterates the chunks');
        t.equal(ReadableStream.prototype[Symbol.asyncIterator], ReadableStream.prototype.values, '@@asyncIterator is values');
    });
});

test('streams: ReadableStream.from and pipeTo once loaded', function (t) {
    t.equal(ReadableStream.from, from, 'ReadableStream.from is the same function after the load');
    var written = [];
    var ws = new WritableStream({ write: function (chunk) { written.push(chunk); } });
    return from([1, 2, 3]).pipeTo(ws).then(function () {
        t.deepEqual(written, [1, 2, 3], 'ReadableStream.from([1, 2, 3]).pipeTo(a WritableStream) writes every chunk');
        var ts = new TransformStream({ transform: function (c, ctl) { ctl.enqueue(c * 10); } });
        return chunksOf(from([1, 2]).pipeThrough(ts));
    }).then(function (chunks) {
        t.deepEqual(chunks, [10, 20], 'pipeThrough a TransformStream');
        t.throws(function () { structuredClone(new WritableStream()); }, DOMException,
            'structuredClone refuses a WritableStream once there is one');
    });
});
