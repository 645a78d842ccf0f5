// SPDX-License-Identifier: MIT
/*
 * CompressionStream and DecompressionStream: data compressed by node's zlib
 * (gzip, deflate, deflate-raw) decompresses to the same bytes whole and one
 * byte at a time, round trips in every format over many chunks, output
 * arrives in bounded pieces, and bad formats, non-buffer chunks, corrupt
 * data, trailing garbage and truncated input are TypeErrors.
 */
var TEXT = new Array(41).join('The quick brown fox jumps over the lazy dog. ') + '\u00e9\u4e2d';
var TEXT_SHA256 = '523d13390d4bc910247fbc8ab573515e6ce45823fe7d19f06da9e38611c0dcf5';
var NODE = {
    gzip: 'H4sIAAAAAAACAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwgZVTyqeFTxqOJRxaOKh5fiwyuf' +
        '7FgLAC8XQUsNBwAA',
    deflate: 'eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGVU8qnhU8ajiUcWjioeX4sMrn+xYCwAyhons',
    'deflate-raw': 'C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPKp4VPGo4lHFo4qHl+LDK5/sWAsA'
};
var NODE_EMPTY_GZIP = 'H4sIAAAAAAAAAwMAAAAAAAAAAAA=';
var FORMATS = ['gzip', 'deflate', 'deflate-raw'];

function unb64(text) {
    var bin = atob(text), u8 = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
        u8[i] = bin.charCodeAt(i);
    }
    return u8;
}

function hex(buffer) {
    var u8 = new Uint8Array(buffer), out = '';
    for (var i = 0; i < u8.length; i++) {
        out += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
    }
    return out;
}

function sameBytes(a, b) {
    a = new Uint8Array(a);
    b = new Uint8Array(b);
    if (a.length !== b.length) {
        return false;
    }
    for (var i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) {
            return false;
        }
    }
    return true;
}

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

/* Pipes chunks through a transform and collects the output chunks. */
function collect(transform, chunks) {
    var reader = streamOf(chunks).pipeThrough(transform).getReader(), out = [];
    function next() {
        return reader.read().then(function (r) {
            if (r.done) {
                return out;
            }
            out.push(r.value);
            return next();
        });
    }
    return next();
}

function concat(chunks) {
    var n = 0, i;
    for (i = 0; i < chunks.length; i++) {
        n += chunks[i].length;
    }
    var u8 = new Uint8Array(n), at = 0;
    for (i = 0; i < chunks.length; i++) {
        u8.set(chunks[i], at);
        at += chunks[i].length;
    }
    return u8;
}

function bytesOf(u8, size) {
    var chunks = [];
    for (var i = 0; i < u8.length; i += size) {
        chunks.push(u8.subarray(i, Math.min(u8.length, i + size)));
    }
    return chunks;
}

function expectTypeError(t, promise, what) {
    return promise.then(function () {
        t.ok(false, what + ': should fail');
    }, function (e) {
        t.ok(e instanceof TypeError, what + ': TypeError (' + e + ')');
    });
}

test('constructors: formats, arguments, accessors', function (t) {
    FORMATS.forEach(function (f) {
        var c = new CompressionStream(f), d = new DecompressionStream(f);
        t.ok(c.readable instanceof ReadableStream && c.writable instanceof WritableStream, f + ' compression pair');
        t.ok(d.readable instanceof ReadableStream && d.writable instanceof WritableStream, f + ' decompression pair');
    });
    t.equal(Object.prototype.toString.call(new CompressionStream('gzip')), '[object CompressionStream]');
    t.equal(Object.prototype.toString.call(new DecompressionStream('gzip')), '[object DecompressionStream]');
    t.throws(function () { return new CompressionStream('br'); }, TypeError, 'unknown format');
    t.throws(function () { return new CompressionStream('GZIP'); }, TypeError, 'formats are case-sensitive');
    t.throws(function () { return new DecompressionStream(); }, TypeError, 'format is required');
    t.throws(function () { return CompressionStream('gzip'); }, TypeError, 'needs new');
    t.throws(function () { return Object.getOwnPropertyDescriptor(CompressionStream.prototype, 'readable').get.call({}); },
        TypeError, 'brand check');
});

FORMATS.forEach(function (format) {
    test('node ' + format + ' data decompresses (whole and byte by byte)', function (t) {
        var data = unb64(NODE[format]);
        return collect(new DecompressionStream(format), [data]).then(function (out) {
            return crypto.subtle.digest('SHA-256', concat(out));
        }).then(function (digest) {
            t.equal(hex(digest), TEXT_SHA256, 'whole');
            return collect(new DecompressionStream(format), bytesOf(data, 1));
        }).then(function (out) {
            t.equal(new TextDecoder().decode(concat(out)), TEXT, 'byte by byte');
        });
    });

    test(format + ': round trip over many chunks', function (t) {
        var parts = [], i;
        for (i = 0; i < 3000; i++) {
            parts.push('line ' + i + ' ' + (i * 7919 % 1000) + ' ' + TEXT.slice(i % 50, i % 50 + 30) + '\n');
        }
        var input = new TextEncoder().encode(parts.join(''));
        var compressed;
        return collect(new CompressionStream(format), bytesOf(input, 1000)).then(function (out) {
            compressed = concat(out);
            t.ok(compressed.length < input.length / 3, 'compresses (' + input.length + ' -> ' + compressed.length + ')');
            if (format === 'gzip') {
                t.ok(compressed[0] === 0x1f && compressed[1] === 0x8b, 'gzip magic');
            } else if (format === 'deflate') {
                t.equal(compressed[0], 0x78, 'zlib header');
            }
            return collect(new DecompressionStream(format), bytesOf(compressed, 777));
        }).then(function (out) {
            t.ok(sameBytes(concat(out), input), 'decompresses to the input');
        });
    });
});

test('empty input: compresses to a valid stream; node\'s empty gzip', function (t) {
    return collect(new CompressionStream('gzip'), []).then(function (out) {
        var gz = concat(out);
        t.ok(gz.length >= 18, 'a gzip header and trailer');
        return collect(new DecompressionStream('gzip'), [gz]);
    }).then(function (out) {
        t.equal(concat(out).length, 0, 'decompresses to nothing');
        return collect(new DecompressionStream('gzip'), [unb64(NODE_EMPTY_GZIP)]);
    }).then(function (out) {
        t.equal(concat(out).length, 0, 'node\'s empty gzip');
    });
});

test('output comes in pieces of at most 64 KiB', function (t) {
    var zeros = new Uint8Array(3 * 1024 * 1024);
    return collect(new CompressionStream('deflate'), [zeros]).then(function (out) {
        var z = concat(out);
        t.ok(z.length < 10000, '3 MiB of zeros deflate to ' + z.length + ' bytes');
        return collect(new DecompressionStream('deflate'), [z]);
    }).then(function (out) {
        t.equal(concat(out).length, zeros.length, 'all of it back');
        t.ok(out.length >= 48, out.length + ' pieces');
        t.ok(out.every(function (c) { return c.length <= 65536 && c instanceof Uint8Array; }), 'each at most 64 KiB');
    });
});

test('a chunk that inflates a thousandfold is made only as fast as it is read', function (t) {
    var size = 8 * 1024 * 1024, writeDone = false, got = 0;
    return collect(new CompressionStream('gzip'), [new Uint8Array(size)]).then(function (out) {
        var gz = concat(out);
        t.ok(gz.length < size / 500, '8 MiB of zeros in ' + gz.length + ' gzip bytes');
        var ds = new DecompressionStream('gzip'), writer = ds.writable.getWriter(), reader = ds.readable.getReader();
        writer.write(gz).then(function () {
            writeDone = true;
        });
        function readSome(n) {
            return n === 0 ? Promise.resolve() : reader.read().then(function (r) {
                got += r.value.length;
                return readSome(n - 1);
            });
        }
        return readSome(3).then(function () {
            return new Promise(function (resolve) { setTimeout(resolve, 20); });
        }).then(function () {
            t.equal(writeDone, false, 'after three reads the write still waits for the reader');
            t.ok(got <= 3 * 65536, got + ' bytes read so far');
            writer.close();
            function rest() {
                return reader.read().then(function (r) {
                    if (r.done) {
                        return undefined;
                    }
                    got += r.value.length;
                    return rest();
                });
            }
            return rest();
        }).then(function () {
            t.equal(got, size, 'all of it once read');
            t.equal(writeDone, true, 'the write is done');
        });
    });
});

test('cancel and abort reach the other side', function (t) {
    var cs = new CompressionStream('deflate'), writer = cs.writable.getWriter();
    var ds = new DecompressionStream('deflate'), reader = ds.readable.getReader();
    return cs.readable.getReader().cancel(new RangeError('stop')).then(function () {
        return writer.write(new Uint8Array(10)).then(function () {
            t.ok(false, 'a write after cancel should fail');
        }, function (e) {
            t.ok(e instanceof RangeError, 'a write after the readable side was cancelled fails with its reason');
        });
    }).then(function () {
        ds.writable.getWriter().abort(new SyntaxError('gone'));
        return reader.read().then(function () {
            t.ok(false, 'a read after abort should fail');
        }, function (e) {
            t.ok(e instanceof SyntaxError, 'a read after the writable side was aborted fails with its reason');
        });
    });
});

test('chunk types: any BufferSource; others are TypeErrors', function (t) {
    var data = unb64(NODE.gzip);
    return collect(new DecompressionStream('gzip'), [data.buffer, new DataView(new ArrayBuffer(0))]).then(function (out) {
        t.equal(new TextDecoder().decode(concat(out)), TEXT, 'ArrayBuffer and DataView chunks');
        return Promise.all([
            expectTypeError(t, collect(new CompressionStream('gzip'), ['text']), 'string chunk'),
            expectTypeError(t, collect(new DecompressionStream('gzip'), [[1, 2, 3]]), 'array chunk')
        ]);
    });
});

test('bad compressed data: corrupt, wrong format, trailing garbage, truncated', function (t) {
    var gz = unb64(NODE.gzip), bad = new Uint8Array(gz);
    bad[20] ^= 0xff;
    var trailing = concat([gz, new Uint8Array([1, 2, 3])]);
    var crcBroken = new Uint8Array(gz);
    crcBroken[crcBroken.length - 6] ^= 1;
    return Promise.all([
        expectTypeError(t, collect(new DecompressionStream('gzip'), [bad]), 'corrupt gzip'),
        expectTypeError(t, collect(new DecompressionStream('gzip'), [crcBroken]), 'gzip with a wrong CRC'),
        expectTypeError(t, collect(new DecompressionStream('gzip'), [unb64(NODE.deflate)]), 'deflate data as gzip'),
        expectTypeError(t, collect(new DecompressionStream('deflate'), [unb64(NODE['deflate-raw'])]), 'raw as deflate'),
        expectTypeError(t, collect(new DecompressionStream('gzip'), [trailing]), 'trailing garbage, same chunk'),
        expectTypeError(t, collect(new DecompressionStream('gzip'), [gz, new Uint8Array([0])]),
            'trailing garbage, next chunk'),
        expectTypeError(t, collect(new DecompressionStream('gzip'), [gz.subarray(0, gz.length - 4)]), 'truncated gzip'),
        expectTypeError(t, collect(new DecompressionStream('deflate-raw'), [new Uint8Array(0)]), 'empty raw input'),
        expectTypeError(t, collect(new DecompressionStream('deflate'), [new Uint8Array([0x78])]), 'one byte')
    ]);
});

/* Writes chunks to a DecompressionStream and reads everything: the output
 * chunks and how the reading ended (null, or the error). With `queued`,
 * reading starts only after the writes settled (the output waits in the
 * readable side's queue; for output of one step only: a longer one waits
 * for the reader). */
function decompressThenRead(format, chunks, queued) {
    var ds = new DecompressionStream(format), writer = ds.writable.getWriter(), reader = ds.readable.getReader();
    var writes = chunks.map(function (c) {
        return writer.write(c).then(function () { return null; }, function (e) { return e; });
    });
    var out = [];
    function next() {
        return reader.read().then(function (r) {
            if (r.done) {
                return { out: out, error: null };
            }
            out.push(r.value);
            return next();
        }, function (e) {
            return { out: out, error: e };
        });
    }
    if (!queued) {
        return next().then(function (res) {
            return Promise.all(writes).then(function (writeErrors) {
                res.writeError = writeErrors[writeErrors.length - 1];
                return res;
            });
        });
    }
    return Promise.all(writes).then(function (writeErrors) {
        return next().then(function (res) {
            res.writeError = writeErrors[writeErrors.length - 1];
            return res;
        });
    });
}

test('the output before trailing junk is delivered first, then the error', function (t) {
    var big = new Uint8Array(300000);
    for (var i = 0; i < big.length; i++) {
        big[i] = (i * 7) & 0xff;
    }
    return collect(new CompressionStream('gzip'), [big]).then(function (gzChunks) {
        var gz = concat(gzChunks);
        var small = unb64(NODE.deflate);
        return Promise.all([
            decompressThenRead('deflate', [concat([small, new Uint8Array([0])])], true).then(function (r) {
                t.ok(r.writeError instanceof TypeError, 'queued: the write fails with a TypeError');
                t.equal(new TextDecoder().decode(concat(r.out)), TEXT, 'queued: the reader gets the output first');
                t.ok(r.error instanceof TypeError, 'queued: then a TypeError');
            }),
            decompressThenRead('deflate', [concat([small, new Uint8Array([0])])], false).then(function (r) {
                t.equal(new TextDecoder().decode(concat(r.out)), TEXT, 'read while written: the output first');
                t.ok(r.error instanceof TypeError, 'read while written: then a TypeError');
                t.ok(r.writeError instanceof TypeError, 'read while written: the write fails');
            }),
            decompressThenRead('gzip', [concat([gz, new Uint8Array([1, 2, 3])])], false).then(function (r) {
                t.ok(r.out.length > 4, 'large: output in ' + r.out.length + ' pieces (more than one step)');
                t.ok(sameBytes(concat(r.out), big), 'large: all of it, then the error');
                t.ok(r.error instanceof TypeError, 'large: a TypeError');
                t.ok(r.writeError instanceof TypeError, 'large: the write fails');
            }),
            decompressThenRead('gzip', [gz, new Uint8Array([0])], false).then(function (r) {
                t.ok(sameBytes(concat(r.out), big), 'junk in a chunk of its own: the output is complete');
                t.ok(r.error instanceof TypeError, 'junk in a chunk of its own: a TypeError');
            })
        ]);
    });
});

test('through Response: a compressed body read back', function (t) {
    var body = new Response(TEXT).body.pipeThrough(new CompressionStream('gzip'));
    return new Response(body).arrayBuffer().then(function (gz) {
        var plain = new Response(gz).body.pipeThrough(new DecompressionStream('gzip'));
        return new Response(plain).text();
    }).then(function (text) {
        t.equal(text, TEXT);
    });
});
