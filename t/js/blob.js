// SPDX-License-Identifier: MIT
/* File API: Blob and File. */
function readStream(stream) {
    var reader = stream.getReader(), parts = [];
    function step(r) {
        if (r.done) {
            return parts;
        }
        for (var i = 0; i < r.value.length; i++) {
            parts.push(r.value[i]);
        }
        return reader.read().then(step);
    }
    return reader.read().then(step);
}

test('Blob: size, type and parts', function (t) {
    var empty = new Blob();
    t.equal(empty.size, 0, 'no parts: size 0');
    t.equal(empty.type, '', 'type defaults to the empty string');
    var inner = new Blob(['ab']);
    var b = new Blob(['x', new Uint8Array([0x79]), inner, new Uint8Array([0x7A, 0x7A]).buffer]);
    t.equal(b.size, 6, 'strings, views, Blobs and ArrayBuffers concatenate');
    t.equal(new Blob(['\u20ac']).size, 3, 'strings are UTF-8 encoded');
    t.equal(new Blob(['\ud800']).size, 3, 'lone surrogate becomes U+FFFD (3 bytes)');
    t.equal(new Blob([], { type: 'Text/HTML' }).type, 'text/html', 'type is lowercased');
    t.equal(new Blob([], { type: 'caf\u00e9' }).type, '', 'a type outside U+0020..U+007E becomes empty');
    t.throws(function () { new Blob('abc'); }, TypeError, 'parts must be a sequence');
    t.throws(function () { new Blob([], { endings: 'bogus' }); }, TypeError, 'endings is an enum');
    return b.text().then(function (s) {
        t.equal(s, 'xyabzz', 'text() of the concatenation');
    });
});

test('Blob: construction copies buffer parts', function (t) {
    var source = new Uint8Array([1, 2, 3]), b = new Blob([source]);
    source[0] = 9;
    return b.bytes().then(function (out) {
        t.deepEqual(out, new Uint8Array([1, 2, 3]), 'later changes to the source are not seen');
    });
});

test('Blob: endings native converts line breaks to LF', function (t) {
    return new Blob(['a\r\nb\rc\n'], { endings: 'native' }).text().then(function (s) {
        t.equal(s, 'a\nb\nc\n', 'CRLF and CR become the native LF');
        return new Blob(['a\r\n']).text();
    }).then(function (s) {
        t.equal(s, 'a\r\n', 'transparent keeps them');
    });
});

test('Blob: slice with relative indices', function (t) {
    var b = new Blob(['0123456789'], { type: 'text/plain' });
    t.equal(b.slice(2, 5).size, 3, 'slice(2, 5)');
    t.equal(b.slice(-3).size, 3, 'negative start counts from the end');
    t.equal(b.slice(0, -8).size, 2, 'negative end counts from the end');
    t.equal(b.slice(5, 2).size, 0, 'end before start gives an empty blob');
    t.equal(b.slice(-100, 100).size, 10, 'indices are clamped');
    t.equal(b.slice().type, '', 'the slice has no type unless given');
    t.equal(b.slice(0, 1, 'A/B').type, 'a/b', 'contentType is normalised');
    return b.slice(-3).text().then(function (s) {
        t.equal(s, '789', 'content of a negative slice');
        return b.slice(2, 5).slice(1).text();
    }).then(function (s) {
        t.equal(s, '34', 'slice of a slice');
    });
});

test('Blob: arrayBuffer, bytes and stream', function (t) {
    var b = new Blob([new Uint8Array([1, 2, 3])]);
    return b.arrayBuffer().then(function (buffer) {
        t.ok(buffer instanceof ArrayBuffer, 'arrayBuffer() gives an ArrayBuffer');
        t.deepEqual(new Uint8Array(buffer), new Uint8Array([1, 2, 3]), 'with the bytes');
        return b.bytes();
    }).then(function (u8) {
        t.ok(u8 instanceof Uint8Array, 'bytes() gives a Uint8Array');
        u8[0] = 7;
        return b.bytes();
    }).then(function (again) {
        t.equal(again[0], 1, 'each read is a fresh copy');
        t.ok(b.stream() instanceof ReadableStream, 'stream() gives a ReadableStream');
        return readStream(b.stream());
    }).then(function (all) {
        t.deepEqual(all, [1, 2, 3], 'the stream yields the bytes');
    });
});

test('File: name, lastModified, type', function (t) {
    var f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 1234 });
    t.ok(f instanceof Blob, 'File is a Blob');
    t.equal(f.name, 'a.txt', 'name');
    t.equal(f.lastModified, 1234, 'lastModified from options');
    t.equal(f.type, 'text/plain', 'type');
    t.equal(f.size, 3, 'size');
    var before = Date.now(), g = new File([], 'b');
    t.ok(g.lastModified >= before && g.lastModified <= Date.now(), 'lastModified defaults to the current time');
    t.throws(function () { new File(['x']); }, TypeError, 'fileName is required');
    return f.slice(1).text().then(function (s) {
        t.equal(s, 'bc', 'File content through slice');
    });
});
