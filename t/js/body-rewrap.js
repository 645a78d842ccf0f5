// SPDX-License-Identifier: MIT
/* A body re-wrapped as middleware does it (`new Response(res.body, res)`):
 * the stream that .body made from the source bytes is the new response's
 * body, reads the same bytes, and, sent untouched, goes out as those bytes
 * (native.takeStreamBytes, js/42-blob.js; checked when t/body-rewrap.t
 * runs this file with the private native object exposed). */
function text(stream) {
    return new Response(stream).text();
}

test('a re-wrapped body reads the same', function (t) {
    var res = new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    var stream = res.body;
    var again = new Response(stream, res);
    t.equal(again.body, stream, 'the same stream object');
    t.equal(again.headers.get('content-type'), 'application/json', 'the headers');
    return again.text().then(function (s) {
        t.equal(s, '{"ok":true}');
        t.ok(again.bodyUsed, 'used');
    });
});

test('a blob stream and an empty body', function (t) {
    var blob = new Blob(['ab', 'cd']);
    return text(blob.stream()).then(function (s) {
        t.equal(s, 'abcd');
        return new Response(new Response('').body).text();
    }).then(function (s) {
        t.equal(s, '', 'empty');
    });
});

test('a stream read in part keeps the rest', function (t) {
    var res = new Response('abcdef');
    var reader = res.body.getReader();
    return reader.read().then(function (r) {
        t.equal(r.value.length, 6, 'one chunk');
        return reader.read();
    }).then(function (r) {
        t.ok(r.done, 'then done');
        t.throws(function () { return new Response(res.body); }, TypeError, 'a disturbed stream is no body');
    });
});

test('the private side', function (t) {
    if (typeof native !== 'object' || typeof native.takeStreamBytes !== 'function') {
        t.ok(true, 'skipped: the native object is not exposed (t/body-rewrap.t runs this part)');
        return;
    }
    var untouched = new Response('hello').body;
    var bytes = native.takeStreamBytes(untouched);
    t.ok(bytes instanceof Uint8Array, 'the bytes of an untouched stream');
    t.equal(String.fromCharCode.apply(null, bytes), 'hello');
    t.ok(untouched.locked, 'and the stream is locked');
    t.equal(native.takeStreamBytes(untouched), null, 'taken once');
    var locked = new Response('x').body;
    locked.getReader();
    t.equal(native.takeStreamBytes(locked), null, 'a locked stream');
    var cancelled = new Response('x').body;
    cancelled.cancel();
    t.equal(native.takeStreamBytes(cancelled), null, 'a cancelled stream');
    var made = new ReadableStream({ start: function (c) { c.enqueue(new Uint8Array([1])); c.close(); } });
    t.equal(native.takeStreamBytes(made), null, 'a stream from script');
    var empty = new Response('').body;
    var none = native.takeStreamBytes(empty);
    t.ok(none instanceof Uint8Array && none.length === 0, 'an empty body');
    var read = new Response('abc').body;
    var reader = read.getReader();
    return reader.read().then(function () {
        reader.releaseLock();
        t.equal(native.takeStreamBytes(read), null, 'a stream that was read');
    });
});
