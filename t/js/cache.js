// SPDX-License-Identifier: MIT
/*
 * The Cache API (caches.default, caches.open) in one process. t/js.t runs
 * it against a private in-memory store; t/cache.t against a store file
 * (FCW_TEST_CACHE) with a small size bound (FCW_TEST_CACHE_MAX), which the
 * eviction test needs.
 */
var BASE = 'https://example.com/';
var seq = 0;

function url(path) {
    seq++;
    return BASE + 'case' + seq + '/' + path;
}

function bytes(n, byte) {
    var u = new Uint8Array(n);
    for (var i = 0; i < n; i++) {
        u[i] = (byte + i) & 255;
    }
    return u;
}

function rejects(t, promise, Ctor, pattern, msg) {
    return promise.then(function () {
        t.ok(false, msg + ': should reject');
    }, function (e) {
        t.ok(e instanceof Ctor, msg + ': ' + Ctor.name + ' (got ' + e + ')');
        t.ok(pattern.test(String(e.message)), msg + ': message ' + JSON.stringify(String(e.message)));
    });
}

test('Cache: the globals', function (t) {
    t.equal(typeof caches, 'object');
    t.ok(caches instanceof CacheStorage);
    t.ok(caches.default instanceof Cache);
    t.equal(caches.default, caches.default, 'caches.default is one object');
    t.equal(Object.prototype.toString.call(caches.default), '[object Cache]');
    t.throws(function () { new Cache(); }, TypeError);
    t.throws(function () { new CacheStorage(); }, TypeError);
    return caches.open('a').then(function (a) {
        t.ok(a instanceof Cache);
        t.notEqual(a, caches.default);
        return caches.open('a').then(function (again) { t.equal(again, a, 'open(name) gives the same cache'); });
    });
});

test('Cache: put then match returns a fresh Response with cf-cache-status: HIT', function (t) {
    var u = url('x?q=1');
    var c = caches.default;
    return c.match(u).then(function (r) {
        t.equal(r, void 0, 'nothing before put');
        return c.put(u, new Response('hello', {
            status: 200, headers: { 'content-type': 'text/plain', 'x-a': 'b', 'cache-control': 'max-age=60' }
        }));
    }).then(function (v) {
        t.equal(v, void 0, 'put resolves to undefined');
        return c.match(new Request(u + '#frag'));
    }).then(function (r) {
        t.ok(r instanceof Response);
        t.equal(r.status, 200);
        t.equal(r.headers.get('content-type'), 'text/plain');
        t.equal(r.headers.get('x-a'), 'b');
        t.equal(r.headers.get('cf-cache-status'), 'HIT');
        return r.text();
    }).then(function (s) {
        t.equal(s, 'hello');
        return c.match(u);
    }).then(function (r2) {
        return r2.text();
    }).then(function (s) {
        t.equal(s, 'hello', 'a second match reads the body again');
    });
});

test('Cache: named caches are separate from each other and from default', function (t) {
    var u = url('sep');
    return caches.open('one').then(function (one) {
        return one.put(u, new Response('1')).then(function () {
            return caches.default.match(u);
        }).then(function (r) {
            t.equal(r, void 0, 'not in default');
            return caches.open('two');
        }).then(function (two) {
            return two.match(u);
        }).then(function (r) {
            t.equal(r, void 0, 'not in another named cache');
            return one.match(u);
        }).then(function (r) {
            return r.text();
        }).then(function (s) {
            t.equal(s, '1');
        });
    });
});

test('Cache: a large body is stored and read back in chunks', function (t) {
    var u = url('big');
    var body = bytes(+env.FCW_TEST_CACHE_MAX ? Math.floor(env.FCW_TEST_CACHE_MAX / 2) : 300 * 1024, 7);
    return caches.default.put(u, new Response(body)).then(function () {
        return caches.default.match(u);
    }).then(function (r) {
        var reader = r.body.getReader();
        var chunks = 0;
        var total = 0;
        var same = true;
        function next() {
            return reader.read().then(function (res) {
                if (res.done) {
                    return;
                }
                for (var i = 0; i < res.value.length; i++) {
                    if (res.value[i] !== body[total + i]) {
                        same = false;
                    }
                }
                total += res.value.length;
                chunks++;
                return next();
            });
        }
        return next().then(function () {
            t.equal(total, body.length, 'every byte');
            t.ok(same, 'in order');
            t.ok(chunks > 1, 'in more than one chunk (' + chunks + ')');
        });
    });
});

test('Cache: a streamed body is stored', function (t) {
    var u = url('stream');
    var n = 0;
    var stream = new ReadableStream({
        pull: function (controller) {
            n++;
            if (n > 3) {
                controller.close();
            } else {
                controller.enqueue(new TextEncoder().encode('part' + n + ';'));
            }
        }
    });
    return caches.default.put(u, new Response(stream)).then(function () {
        return caches.default.match(u);
    }).then(function (r) {
        return r.text();
    }).then(function (s) {
        t.equal(s, 'part1;part2;part3;');
    });
});

test('Cache: put replaces, delete removes', function (t) {
    var u = url('replace');
    var c = caches.default;
    return c.put(u, new Response('old')).then(function () {
        return c.put(u, new Response('new', { status: 201 }));
    }).then(function () {
        return c.match(u);
    }).then(function (r) {
        t.equal(r.status, 201);
        return r.text();
    }).then(function (s) {
        t.equal(s, 'new');
        return c.delete(u);
    }).then(function (deleted) {
        t.equal(deleted, true, 'delete resolves true when there was an entry');
        return c.delete(u);
    }).then(function (deleted) {
        t.equal(deleted, false, 'and false when there was none');
        return c.match(u);
    }).then(function (r) {
        t.equal(r, void 0);
    });
});

test('Cache: only GET (unless ignoreMethod)', function (t) {
    var u = url('get');
    var c = caches.default;
    return rejects(t, c.put(new Request(u, { method: 'POST', body: 'x' }), new Response('x')), TypeError,
        /non-GET/, 'put of a POST').then(function () {
        return c.put(u, new Response('g'));
    }).then(function () {
        return c.match(new Request(u, { method: 'HEAD' }));
    }).then(function (r) {
        t.equal(r, void 0, 'a HEAD request does not match');
        return c.match(new Request(u, { method: 'POST', body: 'y' }), { ignoreMethod: true });
    }).then(function (r) {
        t.ok(r !== void 0, 'ignoreMethod matches a POST');
        return c.delete(new Request(u, { method: 'POST', body: 'y' }));
    }).then(function (deleted) {
        t.equal(deleted, false, 'delete of a POST does nothing');
        return c.delete(new Request(u, { method: 'POST', body: 'y' }), { ignoreMethod: true });
    }).then(function (deleted) {
        t.equal(deleted, true, 'delete with ignoreMethod');
    });
});

test('Cache: what is not stored', function (t) {
    var c = caches.default;
    var cases = [
        ['no-store', { 'cache-control': 'no-store' }],
        ['private', { 'cache-control': 'private, max-age=60' }],
        ['max-age=0', { 'cache-control': 'max-age=0' }],
        ['Expires in the past', { expires: 'Thu, 01 Jan 2015 00:00:00 GMT' }],
        ['an invalid Expires', { expires: 'soon' }],
        ['Set-Cookie', { 'set-cookie': 'a=b' }]
    ];
    var chain = Promise.resolve();
    cases.forEach(function (k) {
        var u = url('no');
        chain = chain.then(function () {
            return c.put(u, new Response('x', { headers: k[1] }));
        }).then(function (v) {
            t.equal(v, void 0, k[0] + ': put resolves');
            return c.match(u);
        }).then(function (r) {
            t.equal(r, void 0, k[0] + ': not stored');
        });
    });
    return chain.then(function () {
        var u = url('smax');
        return c.put(u, new Response('s', { headers: { 'cache-control': 'max-age=0, s-maxage=60' } }))
            .then(function () { return c.match(u); })
            .then(function (r) { t.ok(r !== void 0, 's-maxage wins over max-age'); });
    }).then(function () {
        var u = url('expires');
        return c.put(u, new Response('e', { headers: { expires: new Date(Date.now() + 60000).toUTCString() } }))
            .then(function () { return c.match(u); })
            .then(function (r) { t.ok(r !== void 0, 'a future Expires is stored'); });
    });
});

test('Cache: errors', function (t) {
    var c = caches.default;
    return rejects(t, c.put(url('r'), new Response('x', { status: 206 })), TypeError, /206/, 'a 206 response')
        .then(function () {
            return rejects(t, c.put(url('v'), new Response('x', { headers: { vary: 'Accept, *' } })), TypeError,
                /Vary/, 'Vary: *');
        }).then(function () {
            return rejects(t, c.put(url('n'), 'not a response'), TypeError, /Response/, 'a non-Response');
        }).then(function () {
            var r = new Response('used');
            return r.text().then(function () {
                return rejects(t, c.put(url('u'), r), TypeError, /used/, 'a used body');
            });
        }).then(function () {
            return rejects(t, c.match('not a url'), TypeError, /./, 'a bad URL');
        }).then(function () {
            return rejects(t, Cache.prototype.match.call({}, BASE), TypeError, /Illegal/, 'a bad receiver');
        }).then(function () {
            var bad = { toString: function () { throw new TypeError('no name'); } };
            return rejects(t, caches.open(bad), TypeError, /no name/, 'a name that cannot be a string');
        }).then(function () {
            return rejects(t, caches.open(), TypeError, /argument/, 'open() without a name');
        });
});

test('Cache: Vary', function (t) {
    var u = url('vary');
    var c = caches.default;
    var req = new Request(u, { headers: { 'accept-language': 'fr', 'x-other': '1' } });
    return c.put(req, new Response('fr', { headers: { vary: 'Accept-Language' } })).then(function () {
        return c.match(new Request(u, { headers: { 'accept-language': 'fr', 'x-other': '2' } }));
    }).then(function (r) {
        t.ok(r !== void 0, 'same Accept-Language matches (other headers do not count)');
        return c.match(new Request(u, { headers: { 'accept-language': 'de' } }));
    }).then(function (r) {
        t.equal(r, void 0, 'another Accept-Language does not');
        return c.match(u);
    }).then(function (r) {
        t.equal(r, void 0, 'nor does its absence');
    });
});

test('Cache: expiry', function (t) {
    var u = url('exp');
    var c = caches.default;
    return c.put(u, new Response('short', { headers: { 'cache-control': 'max-age=1' } })).then(function () {
        return c.match(u);
    }).then(function (r) {
        t.ok(r !== void 0, 'fresh at first');
        return new Promise(function (resolve) { setTimeout(resolve, 1100); });
    }).then(function () {
        return c.match(u);
    }).then(function (r) {
        t.equal(r, void 0, 'gone after max-age');
    });
});

test('Cache: eviction by size, least recently used first', function (t) {
    var max = +env.FCW_TEST_CACHE_MAX;
    if (!max) {
        t.comment('skipped: FCW_TEST_CACHE_MAX is not set (t/cache.t sets it)');
        return;
    }
    var c = caches.default;
    var size = Math.floor(max / 4);
    var a = url('a');
    var b = url('b');
    var d = url('d');
    var e = url('e');
    return c.put(a, new Response(bytes(size, 1))).then(function () {
        return c.put(b, new Response(bytes(size, 2)));
    }).then(function () {
        return c.put(d, new Response(bytes(size, 3)));
    }).then(function () {
        return c.match(a); /* a is now more recently used than b */
    }).then(function (r) {
        t.ok(r !== void 0, 'a is there');
        return r.arrayBuffer();
    }).then(function () {
        return c.put(e, new Response(bytes(size, 4)));
    }).then(function () {
        return Promise.all([c.match(a), c.match(b), c.match(d), c.match(e)]);
    }).then(function (found) {
        t.ok(found[0] !== void 0, 'a (used recently) kept');
        t.equal(found[1], void 0, 'b (least recently used) evicted');
        t.ok(found[2] !== void 0, 'd kept');
        t.ok(found[3] !== void 0, 'e stored');
        return c.put(url('huge'), new Response(bytes(max + 1, 5)));
    }).then(function () {
        t.ok(true, 'an entry larger than the store is accepted and evicted');
    });
});
