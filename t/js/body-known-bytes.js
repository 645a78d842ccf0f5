// SPDX-License-Identifier: MIT
/* Bodies whose bytes are known when their stream is made (a string or
 * bytes body, Blob.stream()): the first read takes the bytes without a
 * pull, text()/arrayBuffer() of an untouched .body take them at once, and
 * everything a script can see stays as the Fetch and Streams standards
 * say: bodyUsed, locked, disturbed, a clone's own stream, tee, cancel,
 * BYOB reads and the bytes being the caller's own copy. */
function readAll(stream) {
    var reader = stream.getReader(), chunks = [];
    function step(r) {
        if (r.done) {
            return chunks;
        }
        chunks.push(r.value);
        return reader.read().then(step);
    }
    return reader.read().then(step);
}

function str(u8) {
    return new TextDecoder().decode(u8);
}

test('the clone of a response, read through its .body as etag() does', function (t) {
    var res = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
    var copy = res.clone();
    var body = copy.body;
    t.ok(body instanceof ReadableStream, 'a ReadableStream');
    t.ok(!copy.bodyUsed && !res.bodyUsed, 'neither used yet');
    var reader = body.getReader();
    t.ok(body.locked, 'locked by its reader');
    t.ok(!copy.bodyUsed, 'a reader alone does not use it');
    return reader.read().then(function (r) {
        t.ok(!r.done, 'a chunk');
        t.ok(r.value instanceof Uint8Array, 'a Uint8Array');
        t.equal(str(r.value), '{"a":1}', 'the bytes');
        t.ok(copy.bodyUsed, 'the clone is used after a read');
        t.ok(!res.bodyUsed, 'the original is not');
        return reader.read();
    }).then(function (r) {
        t.ok(r.done, 'then done');
        t.equal(r.value, undefined, 'with no value');
        return reader.closed;
    }).then(function () {
        t.ok(true, 'the reader is closed');
        return res.text();
    }).then(function (s) {
        t.equal(s, '{"a":1}', 'the original still reads whole');
    });
});

test('a chunk read is the reader\'s own copy', function (t) {
    var bytes = new Uint8Array([1, 2, 3]);
    var res = new Response(bytes);
    var copy = res.clone();
    return copy.body.getReader().read().then(function (r) {
        r.value[0] = 99;
        return res.arrayBuffer();
    }).then(function (ab) {
        t.equal(new Uint8Array(ab)[0], 1, 'the original is untouched');
        bytes[1] = 42;
        return new Response(bytes).body.getReader().read();
    }).then(function (r) {
        t.equal(r.value[1], 42, 'a new body sees the bytes given then');
    });
});

test('text() and arrayBuffer() of an untouched .body', function (t) {
    var res = new Response('héllo');
    var stream = res.body;
    var p = res.text();
    t.ok(res.bodyUsed, 'used at once');
    t.ok(stream.locked, 'the stream is locked');
    t.throws(function () { stream.getReader(); }, TypeError, 'getReader() throws');
    return p.then(function (s) {
        t.equal(s, 'héllo', 'the text');
        return res.text().then(function () { t.ok(false, 'a second text() resolved'); }, function (e) {
            t.ok(e instanceof TypeError, 'a second text() rejects with a TypeError');
        });
    }).then(function () {
        var r2 = new Response(new Uint8Array([7, 8]));
        r2.body;
        return r2.arrayBuffer();
    }).then(function (ab) {
        t.ok(ab instanceof ArrayBuffer, 'an ArrayBuffer');
        t.equal(Array.prototype.slice.call(new Uint8Array(ab)).join(','), '7,8', 'its bytes');
        var r3 = new Response('{"x":[1,2]}');
        r3.body;
        return r3.json();
    }).then(function (v) {
        t.equal(v.x[1], 2, 'json()');
        var r4 = new Response('ab');
        r4.body;
        return r4.bytes();
    }).then(function (u8) {
        t.equal(str(u8), 'ab', 'bytes()');
        var r5 = new Response('');
        r5.body;
        return r5.text();
    }).then(function (s) {
        t.equal(s, '', 'an empty body');
    });
});

test('a body stream read in part is no longer taken whole', function (t) {
    var res = new Response('abc');
    var reader = res.body.getReader();
    return reader.read().then(function (r) {
        t.equal(str(r.value), 'abc', 'the chunk');
        reader.releaseLock();
        return res.text().then(function () { t.ok(false, 'text() resolved'); }, function (e) {
            t.ok(e instanceof TypeError, 'text() of a disturbed body rejects');
        });
    });
});

test('a locked body cannot be read or cloned', function (t) {
    var res = new Response('abc');
    res.body.getReader();
    t.throws(function () { res.clone(); }, TypeError, 'clone() throws');
    return res.text().then(function () { t.ok(false, 'text() resolved'); }, function (e) {
        t.ok(e instanceof TypeError, 'text() rejects');
        t.ok(!res.bodyUsed, 'and the body is not used');
    });
});

test('clone() after .body tees: each branch has every byte', function (t) {
    var res = new Response('tee me');
    var before = res.body;
    var copy = res.clone();
    t.ok(res.body !== before, 'the original has a new stream');
    t.ok(before.locked, 'the old one is locked by the tee');
    return Promise.all([res.text(), readAll(copy.body)]).then(function (v) {
        t.equal(v[0], 'tee me', 'the original');
        t.equal(v[1].length, 1, 'the clone in one chunk');
        t.equal(str(v[1][0]), 'tee me', 'the clone');
    });
});

test('tee() and cancel()', function (t) {
    var branches = new Response('xyz').body.tee();
    return Promise.all([readAll(branches[0]), readAll(branches[1])]).then(function (v) {
        t.equal(str(v[0][0]), 'xyz', 'branch 1');
        t.equal(str(v[1][0]), 'xyz', 'branch 2');
        t.ok(v[0][0] !== v[1][0], 'distinct chunks');
        var res = new Response('gone');
        var body = res.body;
        return body.cancel('why').then(function () {
            t.ok(res.bodyUsed, 'a cancelled body is used');
            return body.getReader().read();
        });
    }).then(function (r) {
        t.ok(r.done, 'a cancelled stream reads done');
    });
});

test('a BYOB reader and Blob.stream()', function (t) {
    var reader = new Response('abcdef').body.getReader({ mode: 'byob' });
    return reader.read(new Uint8Array(4)).then(function (r) {
        t.equal(str(r.value), 'abcd', 'the first four');
        return reader.read(new Uint8Array(4));
    }).then(function (r) {
        t.equal(str(r.value), 'ef', 'the rest');
        return reader.read(new Uint8Array(4));
    }).then(function (r) {
        t.ok(r.done, 'then done');
        return readAll(new Blob(['bl', 'ob']).stream());
    }).then(function (chunks) {
        t.equal(str(chunks[0]), 'blob', 'a blob stream');
        return new Response(new Blob(['q']).stream()).text();
    }).then(function (s) {
        t.equal(s, 'q', 'a blob stream as a body');
    });
});

test('a read before others in the queue keeps the order', function (t) {
    var reader = new Response('once').body.getReader();
    var p1 = reader.read(), p2 = reader.read(), p3 = reader.read();
    return Promise.all([p1, p2, p3]).then(function (v) {
        t.equal(str(v[0].value), 'once', 'the bytes first');
        t.ok(v[1].done && v[2].done, 'then done twice');
    });
});

test('a Request body the same way', function (t) {
    var req = new Request('http://example.com/', { method: 'POST', body: 'req body' });
    var copy = req.clone();
    return copy.body.getReader().read().then(function (r) {
        t.equal(str(r.value), 'req body', 'the clone\'s chunk');
        var other = new Request('http://example.com/', { method: 'POST', body: 'second' });
        other.body;
        return other.text();
    }).then(function (s) {
        t.equal(s, 'second', 'text() of an untouched .body');
        return req.text();
    }).then(function (s) {
        t.equal(s, 'req body', 'the original');
    });
});

test('an empty body reads done at once', function (t) {
    var res = new Response('');
    var reader = res.body.getReader();
    return reader.read().then(function (r) {
        t.ok(r.done, 'done');
        t.ok(res.bodyUsed, 'used');
        return reader.closed;
    }).then(function () {
        t.ok(true, 'closed');
        var byob = new Response(new Uint8Array(0)).body.getReader({ mode: 'byob' });
        return byob.read(new Uint8Array(2));
    }).then(function (r) {
        t.ok(r.done, 'a BYOB read of no bytes is done');
        t.equal(r.value.length, 0, 'with an empty view');
    });
});

test('a BYOB view the bytes do not fill errors the stream', function (t) {
    var reader = new Response(new Uint8Array([1, 2, 3])).body.getReader({ mode: 'byob' });
    return reader.read(new Uint16Array(1)).then(function (r) {
        t.equal(r.value.length, 1, 'one element');
        return reader.read(new Uint16Array(1));
    }).then(function () { t.ok(false, 'the odd byte read'); }, function (e) {
        t.ok(e instanceof TypeError, 'a TypeError for the odd byte');
    });
});

test('a released BYOB reader, then a default one', function (t) {
    var stream = new Response('mixed').body;
    var byob = stream.getReader({ mode: 'byob' });
    return byob.read(new Uint8Array(2)).then(function (r) {
        t.equal(str(r.value), 'mi', 'the first two by BYOB');
        byob.releaseLock();
        return readAll(stream);
    }).then(function (chunks) {
        t.equal(chunks.map(str).join(''), 'xed', 'the rest by a default reader');
    });
});

test('the clone of a re-wrapped body', function (t) {
    var res = new Response('wrapped', { status: 201 });
    var stream = res.body;
    var again = new Response(stream, res);
    var copy = again.clone();
    t.ok(stream.locked, 'the wrapped stream is locked by the clone');
    t.ok(again.body !== stream, 'the original has a new stream');
    t.ok(!again.bodyUsed && !copy.bodyUsed, 'neither is used');
    t.equal(copy.status, 201, 'the status');
    var reader = copy.body.getReader();
    return reader.read().then(function (r) {
        t.equal(str(r.value), 'wrapped', 'the clone reads every byte');
        return again.text();
    }).then(function (s) {
        t.equal(s, 'wrapped', 'and so does the original');
        var third = new Response(new Response('again').body);
        var first = third.clone(), second = third.clone();
        return Promise.all([first.text(), second.text(), readAll(third.body)]);
    }).then(function (v) {
        t.equal(v[0], 'again', 'a first clone');
        t.equal(v[1], 'again', 'a second clone');
        t.equal(str(v[2][0]), 'again', 'the original after two clones');
    });
});

/* A body's .body is made lazily (its record and controller when something
 * first looks into it): each way of looking first sees the stream the
 * standards describe, and a stream whose bytes another body took or
 * consumed before anything looked is locked (and disturbed) when it is. */
test('each first look at a fresh .body', function (t) {
    var fresh = function () { return new Response('abc').body; };
    var s = fresh();
    t.ok(s instanceof ReadableStream && Object.getPrototypeOf(s) === ReadableStream.prototype, 'a ReadableStream');
    t.equal(s.locked, false, 'locked first: false');
    t.equal(fresh().getReader().constructor, ReadableStreamDefaultReader, 'getReader first');
    t.equal(fresh().getReader({ mode: 'byob' }).constructor, ReadableStreamBYOBReader, 'a BYOB reader first');
    var branches = fresh().tee();
    t.equal(branches.length, 2, 'tee first');
    var iterated = [];
    var it = fresh().values();
    return it.next().then(function (r) {
        iterated.push(str(r.value));
        return readAll(branches[0]);
    }).then(function (chunks) {
        t.equal(chunks.map(str).join(''), 'abc', 'a branch of the tee');
        t.equal(iterated.join(''), 'abc', 'values() first');
        var c = fresh();
        return c.cancel('why').then(function () {
            return readAll(c);
        });
    }).then(function (chunks) {
        t.equal(chunks.length, 0, 'cancel first: then done');
        var chunks2 = [];
        return fresh().pipeTo(new WritableStream({ write: function (chunk) { chunks2.push(str(chunk)); } })).then(function () {
            t.equal(chunks2.join(''), 'abc', 'pipeTo first');
        });
    });
});

test('a .body whose bytes another body took before anything looked', function (t) {
    var res = new Response('hello', { headers: { 'x-a': '1' } });
    var s = res.body;
    var again = new Response(s, res);
    t.equal(again.body, s, 'the same stream');
    return again.text().then(function (text) {
        t.equal(text, 'hello', 'read through the new response');
        t.ok(again.bodyUsed, 'the new one is used');
        t.ok(res.bodyUsed, 'the old one too: its stream is disturbed');
        t.equal(s.locked, true, 'the stream is locked');
        t.throws(function () { s.getReader(); }, TypeError, 'no reader');
        t.throws(function () { s.tee(); }, TypeError, 'no tee');
        t.throws(function () { new Response(s); }, TypeError, 'no body again');
        return s.cancel().then(function () { t.ok(false, 'cancel of a locked stream'); },
            function (e) { t.ok(e instanceof TypeError, 'cancel rejects: locked'); });
    });
});

test('a .body taken by a clone before anything looked', function (t) {
    var res = new Response('xyz');
    var s = res.body;
    var copy = res.clone();
    t.equal(s.locked, true, 'the stream the clone took is locked');
    t.ok(!res.bodyUsed, 'but not disturbed: the body is not used');
    t.ok(res.body !== s, 'the original has a stream of its own again');
    return Promise.all([res.text(), copy.text()]).then(function (texts) {
        t.equal(texts.join(','), 'xyz,xyz', 'both read every byte');
    });
});

test('a .body made while the global ReadableStream is replaced', function (t) {
    var saved = globalThis.ReadableStream;
    globalThis.ReadableStream = function Other() {};
    var s;
    try {
        s = new Response('q').body;
    } finally {
        globalThis.ReadableStream = saved;
    }
    t.ok(s instanceof ReadableStream, 'still the real ReadableStream');
    return readAll(s).then(function (chunks) {
        t.equal(chunks.map(str).join(''), 'q', 'and it reads');
    });
});
