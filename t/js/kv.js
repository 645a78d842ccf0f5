// SPDX-License-Identifier: MIT
/*
 * KV namespaces, run against a real backend: t/kv.t (SQLite) and
 * t/kv-redis.t (Redis) start t/jsrun with FCW_TEST_BINDINGS naming a
 * namespace KV. Without it (t/js.t) only the absence of bindings is checked.
 */
var HAS_KV = typeof KV !== 'undefined';

function fill(n, byte) {
    var u = new Uint8Array(n);
    for (var i = 0; i < n; i++) {
        u[i] = byte;
    }
    return u;
}

function repeat(s, n) {
    var out = '';
    for (var i = 0; i < n; i++) {
        out += s;
    }
    return out;
}

function rejectsWith(t, promise, Ctor, pattern, msg) {
    return promise.then(function () {
        t.ok(false, msg + ': should reject');
    }, function (e) {
        t.ok(e instanceof Ctor, msg + ': ' + (Ctor.name || 'error') + ' (got ' + e + ')');
        t.ok(pattern.test(String(e.message)), msg + ': message ' + JSON.stringify(String(e.message)));
    });
}

if (!HAS_KV) {
    test('KV: no binding without configuration', function (t) {
        t.equal(typeof KV, 'undefined');
        t.equal(typeof KVNamespace, 'undefined', 'no KVNamespace global (as in Workers)');
    });
} else {
    test('KV: the binding is a global and has the methods', function (t) {
        t.equal(typeof KV, 'object');
        t.equal(typeof KV.get, 'function');
        t.equal(typeof KV.getWithMetadata, 'function');
        t.equal(typeof KV.put, 'function');
        t.equal(typeof KV['delete'], 'function');
        t.equal(typeof KV.list, 'function');
    });

    test('KV: put then get as text, json, arrayBuffer, stream', function (t) {
        return KV.put('greeting', 'h\u00e9llo \u20ac').then(function (r) {
            t.equal(r, undefined, 'put resolves to undefined');
            return KV.get('greeting');
        }).then(function (v) {
            t.equal(v, 'h\u00e9llo \u20ac', 'text by default');
            return KV.get('greeting', 'text');
        }).then(function (v) {
            t.equal(v, 'h\u00e9llo \u20ac', 'string shorthand');
            return KV.get('greeting', { type: 'arrayBuffer' });
        }).then(function (v) {
            t.ok(v instanceof ArrayBuffer, 'arrayBuffer');
            t.equal(v.byteLength, 10, 'UTF-8 bytes');
            return KV.put('obj', JSON.stringify({ a: [1, 2], b: 'x' }));
        }).then(function () {
            return KV.get('obj', 'json');
        }).then(function (v) {
            t.deepEqual(v, { a: [1, 2], b: 'x' }, 'json');
            return KV.get('greeting', { type: 'stream' });
        }).then(function (stream) {
            t.ok(stream instanceof ReadableStream, 'stream');
            return new Response(stream).text();
        }).then(function (text) {
            t.equal(text, 'h\u00e9llo \u20ac', 'stream contents');
        });
    });

    test('KV: a missing key is null for every type', function (t) {
        return Promise.all([KV.get('missing'), KV.get('missing', 'json'), KV.get('missing', 'arrayBuffer'),
                            KV.get('missing', 'stream')]).then(function (v) {
            t.deepEqual(v, [null, null, null, null]);
            return KV.getWithMetadata('missing');
        }).then(function (r) {
            t.deepEqual(r, { value: null, metadata: null });
        });
    });

    test('KV: values as ArrayBuffer, views and ReadableStream', function (t) {
        var bytes = new Uint8Array([0, 1, 2, 255, 254]);
        return KV.put('bin', bytes.buffer).then(function () {
            return KV.get('bin', 'arrayBuffer');
        }).then(function (v) {
            t.deepEqual(new Uint8Array(v), bytes, 'ArrayBuffer round trip');
            return KV.put('view', new DataView(bytes.buffer, 1, 3));
        }).then(function () {
            return KV.get('view', 'arrayBuffer');
        }).then(function (v) {
            t.deepEqual(new Uint8Array(v), new Uint8Array([1, 2, 255]), 'DataView window');
            var stream = new ReadableStream({
                start: function (c) {
                    c.enqueue(new Uint8Array([104, 105]));
                    c.enqueue(new Uint8Array([33]));
                    c.close();
                }
            });
            return KV.put('streamed', stream);
        }).then(function () {
            return KV.get('streamed');
        }).then(function (v) {
            t.equal(v, 'hi!', 'ReadableStream value');
            return KV.put('empty', '');
        }).then(function () {
            return KV.get('empty');
        }).then(function (v) {
            t.equal(v, '', 'an empty value exists');
        });
    });

    test('KV: metadata', function (t) {
        return KV.put('meta', 'v', { metadata: { owner: 'ann', n: 3 } }).then(function () {
            return KV.getWithMetadata('meta');
        }).then(function (r) {
            t.deepEqual(r, { value: 'v', metadata: { owner: 'ann', n: 3 } });
            return KV.getWithMetadata('meta', 'arrayBuffer');
        }).then(function (r) {
            t.ok(r.value instanceof ArrayBuffer, 'with a type');
            return KV.put('meta', 'w');
        }).then(function () {
            return KV.getWithMetadata('meta');
        }).then(function (r) {
            t.deepEqual(r, { value: 'w', metadata: null }, 'a put without metadata drops it');
        });
    });

    test('KV: delete', function (t) {
        return KV.put('gone', 'x').then(function () {
            return KV['delete']('gone');
        }).then(function (r) {
            t.equal(r, undefined);
            return KV.get('gone');
        }).then(function (v) {
            t.equal(v, null, 'deleted');
            return KV['delete']('never-there');
        }).then(function (r) {
            t.equal(r, undefined, 'deleting a missing key is fine');
        });
    });

    test('KV: list with prefix, limit and cursor', function (t) {
        var puts = [];
        for (var i = 0; i < 25; i++) {
            var name = 'page:' + (i < 10 ? '0' : '') + i;
            puts.push(KV.put(name, 'v' + i, i % 5 === 0 ? { metadata: { i: i }, expirationTtl: 3600 } : undefined));
        }
        puts.push(KV.put('pagf', 'outside'), KV.put('pag', 'outside'));
        var seen = [];
        function page(cursor, pages) {
            return KV.list({ prefix: 'page:', limit: 10, cursor: cursor }).then(function (r) {
                for (var j = 0; j < r.keys.length; j++) {
                    seen.push(r.keys[j]);
                }
                if (r.list_complete) {
                    t.equal(r.cursor, undefined, 'no cursor on the last page');
                    return pages + 1;
                }
                t.equal(r.keys.length, 10, 'a full page');
                t.equal(typeof r.cursor, 'string', 'a cursor');
                return page(r.cursor, pages + 1);
            });
        }
        return Promise.all(puts).then(function () {
            return page(undefined, 0);
        }).then(function (pages) {
            t.equal(pages, 3, 'three pages');
            t.equal(seen.length, 25, 'every key once');
            var names = seen.map(function (k) { return k.name; });
            t.equal(names[0], 'page:00');
            t.equal(names[24], 'page:24');
            t.deepEqual(names.slice().sort(), names, 'in order');
            t.deepEqual(seen[5].metadata, { i: 5 }, 'metadata listed');
            var now = Date.now() / 1000;
            t.ok(seen[5].expiration > now + 3500 && seen[5].expiration <= now + 3601, 'expiration listed');
            t.equal(seen[5].expiration, Math.floor(seen[5].expiration), 'whole seconds');
            t.ok(!('expiration' in seen[1]) && !('metadata' in seen[1]), 'none when not set');
            return KV.list({ prefix: 'page:1' });
        }).then(function (r) {
            t.equal(r.keys.length, 10, 'prefix page:1');
            t.equal(r.list_complete, true);
            return KV.list({ prefix: 'nothing-here' });
        }).then(function (r) {
            t.deepEqual(r.keys, [], 'empty list');
            t.equal(r.list_complete, true);
        });
    });

    test('KV: expiration and expirationTtl', function (t) {
        var at = Math.floor(Date.now() / 1000) + 120;
        return KV.put('exp-at', 'x', { expiration: at }).then(function () {
            return KV.list({ prefix: 'exp-at' });
        }).then(function (r) {
            t.equal(r.keys[0].expiration, at, 'expiration kept');
            return KV.put('exp-ttl', 'x', { expirationTtl: 60 });
        }).then(function () {
            return KV.get('exp-ttl');
        }).then(function (v) {
            t.equal(v, 'x', 'readable before it expires');
        });
    });

    test('KV: key errors', function (t) {
        return rejectsWith(t, KV.get(''), TypeError, /^Key name cannot be empty\.$/, 'empty key').then(function () {
            return rejectsWith(t, KV.get('.'), TypeError, /"\." is not allowed/, '"."');
        }).then(function () {
            return rejectsWith(t, KV.put('..', 'x'), TypeError, /"\.\." is not allowed/, '".."');
        }).then(function () {
            return rejectsWith(t, KV.get(repeat('k', 513)), Error,
                               /^KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512\.$/,
                               '513-byte key');
        }).then(function () {
            return rejectsWith(t, KV.put(repeat('\u00e9', 257), 'x'), Error, /length of 514 exceeds/,
                               'key limit counted in UTF-8 bytes');
        }).then(function () {
            return KV.put(repeat('k', 512), 'max');
        }).then(function () {
            return KV.get(repeat('k', 512));
        }).then(function (v) {
            t.equal(v, 'max', 'a 512-byte key is fine');
        });
    });

    test('KV: value, metadata and expiration errors', function (t) {
        return rejectsWith(t, KV.put('big', fill(25 * 1024 * 1024 + 1, 97)), Error,
                           /^KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400\.$/,
                           'value over 25 MiB').then(function () {
            return rejectsWith(t, KV.put('m', 'x', { metadata: { s: repeat('m', 1020) } }), Error,
                               /^KV PUT failed: 413 Metadata length of 1028 exceeds limit of 1024\.$/, 'metadata');
        }).then(function () {
            return rejectsWith(t, KV.put('t', 'x', { expirationTtl: 59 }), Error,
                               /^KV PUT failed: 400 Invalid expiration_ttl of 59\. Expiration TTL must be at least 60\.$/,
                               'ttl 59');
        }).then(function () {
            return rejectsWith(t, KV.put('t', 'x', { expirationTtl: 'soon' }), Error,
                               /Invalid expiration_ttl of soon\. Please specify integer greater than 0\./, 'ttl NaN');
        }).then(function () {
            return rejectsWith(t, KV.put('t', 'x', { expiration: Math.floor(Date.now() / 1000) + 10 }), Error,
                               /Expiration times must be at least 60 seconds in the future\./, 'expiration too soon');
        }).then(function () {
            return rejectsWith(t, KV.put('t', {}), TypeError, /accepts only strings/, 'object value');
        }).then(function () {
            return rejectsWith(t, KV.get('t', 'xml'), TypeError, /Unknown response type/, 'bad type');
        }).then(function () {
            return rejectsWith(t, KV.get('t', { cacheTtl: 10 }), Error, /Invalid cache_ttl of 10/, 'cacheTtl');
        }).then(function () {
            return KV.get('big');
        }).then(function (v) {
            t.equal(v, null, 'nothing written by a refused put');
            var big = fill(25 * 1024 * 1024, 98);
            return KV.put('big', big);
        }).then(function () {
            return KV.get('big', 'arrayBuffer');
        }).then(function (v) {
            t.equal(v.byteLength, 25 * 1024 * 1024, 'a 25 MiB value is fine');
            return KV['delete']('big');
        });
    });

    test('KV: list errors', function (t) {
        return rejectsWith(t, KV.list({ limit: 0 }), Error, /Invalid key_count_limit of 0/, 'limit 0').then(function () {
            return rejectsWith(t, KV.list({ limit: 1001 }), Error, /Invalid key_count_limit of 1001/, 'limit 1001');
        }).then(function () {
            return rejectsWith(t, KV.list({ cursor: 'not a cursor' }), Error, /Invalid cursor/, 'bad cursor');
        }).then(function () {
            return rejectsWith(t, KV.get.call({}, 'x'), TypeError, /Illegal invocation/, 'wrong this');
        });
    });

}
