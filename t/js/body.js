// SPDX-License-Identifier: MIT
/* Fetch standard: the Body mixin, body extraction; XHR: FormData. */
function streamOf(chunks) {
    var i = 0;
    return new ReadableStream({
        pull: function (controller) {
            if (i < chunks.length) {
                controller.enqueue(chunks[i++]);
            } else {
                controller.close();
            }
        }
    });
}

test('Body: text() consumes the body once', function (t) {
    var r = new Response('h\u00e9llo');
    t.equal(r.bodyUsed, false, 'not used before reading');
    return r.text().then(function (s) {
        t.equal(s, 'h\u00e9llo', 'text()');
        t.equal(r.bodyUsed, true, 'bodyUsed after text()');
        return t.rejects(r.text(), TypeError, 'a second read rejects with TypeError');
    }).then(function () {
        return t.rejects(r.arrayBuffer(), TypeError, 'any second read rejects');
    });
});

test('Body: arrayBuffer, bytes, json, blob', function (t) {
    return new Response(new Uint8Array([1, 2, 3])).arrayBuffer().then(function (buffer) {
        t.ok(buffer instanceof ArrayBuffer, 'arrayBuffer() gives an ArrayBuffer');
        t.deepEqual(new Uint8Array(buffer), new Uint8Array([1, 2, 3]), 'with the bytes');
        return new Response('\u20ac').bytes();
    }).then(function (u8) {
        t.deepEqual(u8, new Uint8Array([0xE2, 0x82, 0xAC]), 'bytes() of a string body is UTF-8');
        return new Response('{"a":[1,2]}').json();
    }).then(function (value) {
        t.deepEqual(value, { a: [1, 2] }, 'json()');
        return t.rejects(new Response('{').json(), SyntaxError, 'invalid JSON rejects with SyntaxError');
    }).then(function () {
        return new Response('abc', { headers: { 'Content-Type': 'Text/Plain' } }).blob();
    }).then(function (blob) {
        t.ok(blob instanceof Blob, 'blob() gives a Blob');
        t.equal(blob.type, 'text/plain', 'with the Content-Type as its type');
        t.equal(blob.size, 3, 'and the bytes');
        return new Response(new Uint8Array([0xEF, 0xBB, 0xBF, 0x68, 0xFF])).text();
    }).then(function (s) {
        t.equal(s, 'h\ufffd', 'text() is UTF-8 decode: BOM removed, errors replaced');
        return new Response().text();
    }).then(function (s) {
        t.equal(s, '', 'a null body reads as empty');
    });
});

test('Body: extraction sets Content-Type', function (t) {
    t.equal(new Response('x').headers.get('content-type'), 'text/plain;charset=UTF-8', 'string');
    t.equal(new Response(new Uint8Array(1)).headers.get('content-type'), null, 'BufferSource: none');
    t.equal(new Response(new Blob(['x'], { type: 'image/png' })).headers.get('content-type'), 'image/png', 'Blob type');
    t.equal(new Response(new Blob(['x'])).headers.get('content-type'), null, 'Blob without type: none');
    t.equal(new Response(new URLSearchParams('a=1')).headers.get('content-type'),
        'application/x-www-form-urlencoded;charset=UTF-8', 'URLSearchParams');
    t.ok(/^multipart\/form-data; boundary=.+/.test(new Response(new FormData()).headers.get('content-type')), 'FormData');
    t.equal(new Response('x', { headers: { 'content-type': 'text/html' } }).headers.get('content-type'), 'text/html',
        'an explicit Content-Type wins');
    t.equal(new Response(streamOf([])).headers.get('content-type'), null, 'ReadableStream: none');
});

test('Body: body is a ReadableStream or null', function (t) {
    t.equal(new Response().body, null, 'no body: null');
    var r = new Response('abc');
    t.ok(r.body instanceof ReadableStream, 'a body is exposed as a ReadableStream');
    t.equal(r.body, r.body, 'the same stream each time');
    var reader = r.body.getReader();
    return reader.read().then(function (chunk) {
        t.deepEqual(chunk.value, new Uint8Array([0x61, 0x62, 0x63]), 'the stream yields the bytes');
        t.equal(r.bodyUsed, true, 'reading the stream disturbs it: bodyUsed');
        return t.rejects(r.text(), TypeError, 'a locked body cannot be consumed');
    });
});

test('Body: stream bodies', function (t) {
    var stream = streamOf([new Uint8Array([0x61]), new Uint8Array([0x62, 0x63])]);
    var r = new Response(stream);
    t.equal(r.body, stream, 'the given stream is the body');
    return r.text().then(function (s) {
        t.equal(s, 'abc', 'chunks are concatenated');
        t.equal(r.bodyUsed, true, 'used after reading');
        return t.rejects(new Response(streamOf(['not bytes'])).text(), TypeError, 'non-Uint8Array chunks reject with TypeError');
    }).then(function () {
        var locked = streamOf([]);
        locked.getReader();
        t.throws(function () { new Response(locked); }, TypeError, 'a locked stream cannot be a body');
    });
});

test('Body: BufferSource bodies are copied at construction', function (t) {
    var source = new Uint8Array([0x61, 0x62]), r = new Response(source);
    source[0] = 0x7A;
    return r.text().then(function (s) {
        t.equal(s, 'ab', 'later changes to the source are not seen');
    });
});

test('FormData: entry list operations', function (t) {
    var f = new FormData();
    f.append('a', '1');
    f.append('b', '2');
    f.append('a', '3');
    t.equal(f.get('a'), '1', 'get returns the first value');
    t.deepEqual(f.getAll('a'), ['1', '3'], 'getAll');
    t.equal(f.get('zz'), null, 'get of an absent name is null');
    t.equal(f.has('b'), true, 'has');
    f.set('a', '4');
    var names = [], step, it = f.entries();
    while (!(step = it.next()).done) {
        names.push(step.value[0] + '=' + step.value[1]);
    }
    t.deepEqual(names, ['a=4', 'b=2'], 'set replaces the first entry in place and removes the rest');
    f['delete']('a');
    t.equal(f.has('a'), false, 'delete');
    f.append('n', 5);
    t.equal(f.get('n'), '5', 'values are converted to strings');
    t.throws(function () { f.append('x', 'y', 'name.txt'); }, TypeError, 'a filename needs a Blob value');
    t.throws(function () { new FormData({}); }, TypeError, 'only an HTMLFormElement may be passed');
});

test('FormData: Blob values become Files', function (t) {
    var f = new FormData();
    f.append('blob', new Blob(['x'], { type: 'text/plain' }));
    f.append('named', new Blob(['y']), 'y.bin');
    f.append('file', new File(['z'], 'z.txt'));
    t.ok(f.get('blob') instanceof File, 'a Blob is wrapped in a File');
    t.equal(f.get('blob').name, 'blob', 'named "blob" by default');
    t.equal(f.get('blob').type, 'text/plain', 'keeping the type');
    t.equal(f.get('named').name, 'y.bin', 'the filename argument names it');
    t.equal(f.get('file').name, 'z.txt', 'a File keeps its name');
});

test('FormData: multipart/form-data parsing of a hand-written body', function (t) {
    var body = 'preamble\r\n' +
        '--XyZ\r\n' +
        'Content-Disposition: form-data; name="field"\r\n' +
        '\r\n' +
        'value \u00e9\r\n' +
        '--XyZ\r\n' +
        'Content-Disposition: form-data; name="upload"; filename="hello.txt"\r\n' +
        'Content-Type: text/plain\r\n' +
        '\r\n' +
        'line1\r\nline2\r\n' +
        '--XyZ\r\n' +
        'Content-Disposition: form-data; name="raw"; filename="r.bin"\r\n' +
        '\r\n' +
        'R\r\n' +
        '--XyZ--\r\n';
    var r = new Response(body, { headers: { 'Content-Type': 'multipart/form-data; boundary="XyZ"' } });
    return r.formData().then(function (form) {
        t.equal(form.get('field'), 'value \u00e9', 'a text part is a UTF-8 string');
        var file = form.get('upload');
        t.ok(file instanceof File, 'a part with a filename is a File');
        t.equal(file.name, 'hello.txt', 'filename');
        t.equal(file.type, 'text/plain', 'type from the part Content-Type');
        t.equal(form.get('raw').type, 'text/plain', 'type defaults to text/plain');
        t.ok(typeof file.lastModified === 'number' && file.lastModified > 0, 'lastModified is now');
        t.equal(Object.prototype.toString.call(file), '[object File]', 'a real File');
        t.equal(file.size, 12, 'size');
        return file.text();
    }).then(function (s) {
        t.equal(s, 'line1\r\nline2', 'file content keeps inner CRLF and drops the delimiter CRLF');
        return t.rejects(new Response('--XyZ\r\nbroken', {
            headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' }
        }).formData(), TypeError, 'a malformed body rejects with TypeError');
    });
});

test('FormData: serialisation round-trips through a body', function (t) {
    var f = new FormData();
    f.append('a', 'x\ny');
    f.append('file', new File([new Uint8Array([0, 1, 2, 255])], 'data.bin', { type: 'application/octet-stream' }));
    var r = new Response(f);
    return r.formData().then(function (parsed) {
        t.equal(parsed.get('a'), 'x\r\ny', 'string values are serialised with CRLF newlines');
        t.equal(parsed.get('file').name, 'data.bin', 'file name survives');
        return parsed.get('file').bytes();
    }).then(function (u8) {
        t.deepEqual(u8, new Uint8Array([0, 1, 2, 255]), 'binary file content survives');
    });
});

test('FormData: urlencoded parsing and unsupported types', function (t) {
    var r = new Response('a=1&b=x+y&a=%C3%A9', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    return r.formData().then(function (form) {
        t.deepEqual(form.getAll('a'), ['1', '\u00e9'], 'repeated names and percent-decoding');
        t.equal(form.get('b'), 'x y', 'plus is a space');
        return t.rejects(new Response('x', { headers: { 'Content-Type': 'text/plain' } }).formData(), TypeError,
            'other MIME types reject with TypeError');
    });
});

test('multipart: a 4 MB file part full of near-boundaries parses whole (the boundary is searched in C)', function (t) {
    var size = 4 << 20, boundary = 'XyZ123boundary', noise = '\r\n--XyZ123';
    /* blocks of 97 bytes, each starting with a byte of a near-boundary */
    var file = new Uint8Array(size), block = new Uint8Array(97 * noise.length);
    for (var i = 0; i < block.length; i++) {
        block[i] = i % 97 === 0 ? noise.charCodeAt((i / 97) % noise.length) : 0x61;
    }
    for (var at = 0; at < size; at += block.length) {
        file.set(at + block.length <= size ? block : block.subarray(0, size - at), at);
    }
    var enc = new TextEncoder();
    var head = enc.encode('--' + boundary + '\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n'
        + 'Content-Type: application/octet-stream\r\n\r\n');
    var tail = enc.encode('\r\n--' + boundary + '\r\nContent-Disposition: form-data; name="n"\r\n\r\nlast\r\n--'
        + boundary + '--\r\n');
    var body = new Uint8Array(head.length + size + tail.length);
    body.set(head, 0);
    body.set(file, head.length);
    body.set(tail, head.length + size);
    var t0 = Date.now();
    return new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=' + boundary } })
        .formData().then(function (form) {
            t.comment('4 MB multipart body parsed in ' + (Date.now() - t0) + ' ms');
            var f = form.get('f');
            t.equal(f.size, size, 'the file part has every byte');
            t.equal(form.get('n'), 'last', 'and the part after it is found');
            return f.arrayBuffer();
        }).then(function (buf) {
            var u = new Uint8Array(buf);
            t.equal(u[0], noise.charCodeAt(0), 'first byte');
            t.equal(u[97], noise.charCodeAt(1), 'a near-boundary byte in the middle');
            t.equal(u[size - 1], file[size - 1], 'last byte');
        });
});
