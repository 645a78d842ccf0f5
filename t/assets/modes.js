// SPDX-License-Identifier: MIT
/*
 * Static assets through native.makeAssets, one Fetcher per html_handling
 * and not_found_handling, over the folder t/assets.t lays out in
 * env.ASSETS_ROOT (run with FCW_TEST_NATIVE=1).
 */
var root = env.ASSETS_ROOT;
native.loadLazy('.assets'); /* (js/73-assets.js is loaded for a pool's first assets binding) */

function assets(html, notFound) {
    return native.makeAssets({ path: root, htmlHandling: html, notFoundHandling: notFound });
}

function get(a, path, headers, method) {
    return a.fetch(new Request('http://localhost' + path, { headers: headers || {}, method: method || 'GET' }));
}

/* [path, status, body or Location] for each mode */
function table(t, a, rows) {
    var p = Promise.resolve();
    rows.forEach(function (row) {
        p = p.then(function () {
            return get(a, row[0]);
        }).then(function (r) {
            t.equal(r.status, row[1], row[0] + ': status');
            if (r.status === 307) {
                t.equal(r.headers.get('Location'), row[2], row[0] + ': Location');
                return void 0;
            }
            return r.text().then(function (s) {
                t.equal(s, row[2], row[0] + ': body');
            });
        });
    });
    return p;
}

test('auto-trailing-slash', function (t) {
    return table(t, assets('auto-trailing-slash', 'none'), [
        ['/', 200, 'home\n'],
        ['/index.html', 307, '/'],
        ['/about', 200, 'about\n'],
        ['/about.html', 307, '/about'],
        ['/about/', 307, '/about'],
        ['/blog/', 200, 'blog\n'],
        ['/blog', 307, '/blog/'],
        ['/blog/index.html', 307, '/blog/'],
        ['/style.css', 200, 'body{}\n'],
        ['/nope', 404, '']
    ]);
});

test('force-trailing-slash', function (t) {
    return table(t, assets('force-trailing-slash', 'none'), [
        ['/about/', 200, 'about\n'],
        ['/about', 307, '/about/'],
        ['/about.html', 307, '/about/'],
        ['/blog/', 200, 'blog\n'],
        ['/blog', 307, '/blog/'],
        ['/style.css', 200, 'body{}\n']
    ]);
});

test('drop-trailing-slash', function (t) {
    return table(t, assets('drop-trailing-slash', 'none'), [
        ['/about', 200, 'about\n'],
        ['/about/', 307, '/about'],
        ['/blog', 200, 'blog\n'],
        ['/blog/', 307, '/blog'],
        ['/blog/index.html', 307, '/blog'],
        ['/', 200, 'home\n']
    ]);
});

test('none: exact paths only', function (t) {
    return table(t, assets('none', 'none'), [
        ['/about.html', 200, 'about\n'],
        ['/about', 404, ''],
        ['/blog/', 404, ''],
        ['/blog/index.html', 200, 'blog\n']
    ]);
});

test('not_found_handling', function (t) {
    return table(t, assets('auto-trailing-slash', 'single-page-application'), [
        ['/some/client/route', 200, 'home\n']
    ]).then(function () {
        return table(t, assets('auto-trailing-slash', '404-page'), [
            ['/missing', 404, 'not found\n'],
            ['/blog/missing/deeper', 404, 'blog not found\n']
        ]);
    });
});

test('redirects keep the query', function (t) {
    return get(assets('auto-trailing-slash', 'none'), '/about.html?x=1').then(function (r) {
        t.equal(r.headers.get('Location'), '/about?x=1');
    });
});

test('paths out of the folder are refused', function (t) {
    var a = assets('none', 'none');
    var paths = ['/../secret.txt', '/%2e%2e/secret.txt', '/blog/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt',
        '/link-out', '/%00', '/%zz', '/blog\\..\\..\\secret.txt'];
    var p = Promise.resolve();
    paths.forEach(function (path) {
        p = p.then(function () {
            return get(a, path);
        }).then(function (r) {
            t.equal(r.status, 404, path + ' is not found');
        });
    });
    return p.then(function () {
        return get(a, '/link-in');
    }).then(function (r) {
        t.equal(r.status, 200, 'a link inside the folder is served');
        t.equal(r.headers.get('Content-Type'), 'application/octet-stream', 'by the name asked for');
    });
});

test('headers, conditional requests', function (t) {
    var a = assets('auto-trailing-slash', 'none');
    var etag;
    var lastModified;
    return get(a, '/style.css').then(function (r) {
        t.equal(r.headers.get('Content-Type'), 'text/css; charset=utf-8');
        t.equal(r.headers.get('Content-Length'), '7');
        etag = r.headers.get('ETag');
        lastModified = r.headers.get('Last-Modified');
        t.ok(/^"[0-9a-f-]+"$/.test(etag), 'a strong ETag: ' + etag);
        t.ok(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/.test(lastModified), 'an HTTP date: ' + lastModified);
        return get(a, '/style.css', { 'If-None-Match': etag });
    }).then(function (r) {
        t.equal(r.status, 304, 'If-None-Match: 304');
        t.equal(r.headers.get('ETag'), etag);
        return get(a, '/style.css', { 'If-None-Match': '"other", W/' + etag });
    }).then(function (r) {
        t.equal(r.status, 304, 'a weak match in a list');
        return get(a, '/style.css', { 'If-None-Match': '"other"' });
    }).then(function (r) {
        t.equal(r.status, 200, 'no match: 200');
        return get(a, '/style.css', { 'If-Modified-Since': lastModified });
    }).then(function (r) {
        t.equal(r.status, 304, 'If-Modified-Since the same date: 304');
        /* the same date in asctime form, which is GMT too (t/assets.t runs
         * this with a local time zone that is not UTC) */
        var d = new Date(Date.parse(lastModified));
        var days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
        var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
        var two = function (n) { return (n < 10 ? '0' : '') + n; };
        var asctime = days[d.getUTCDay()] + ' ' + months[d.getUTCMonth()] + ' ' + (d.getUTCDate() < 10 ? ' ' : '') +
            d.getUTCDate() + ' ' + two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + ':' + two(d.getUTCSeconds()) +
            ' ' + d.getUTCFullYear();
        return get(a, '/style.css', { 'If-Modified-Since': asctime });
    }).then(function (r) {
        t.equal(r.status, 304, 'If-Modified-Since the same date in asctime form: 304');
        return get(a, '/style.css', { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' });
    }).then(function (r) {
        t.equal(r.status, 200, 'modified since 1970: 200');
        return get(a, '/style.css', { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified });
    }).then(function (r) {
        t.equal(r.status, 200, 'If-None-Match wins over If-Modified-Since');
        return get(a, '/style.css', {}, 'HEAD');
    }).then(function (r) {
        t.equal(r.status, 200, 'HEAD');
        t.equal(r.headers.get('Content-Length'), '7', 'HEAD: the length');
        return r.text();
    }).then(function (s) {
        t.equal(s, '', 'HEAD: no body');
        return get(a, '/style.css', {}, 'POST');
    }).then(function (r) {
        t.equal(r.status, 405, 'POST: 405');
        t.equal(r.headers.get('Allow'), 'GET, HEAD');
    });
});

test('ranges', function (t) {
    var a = assets('auto-trailing-slash', 'none');
    function range(spec) {
        return get(a, '/big.bin', { Range: spec });
    }
    return range('bytes=0-9').then(function (r) {
        t.equal(r.status, 206);
        t.equal(r.headers.get('Content-Range'), 'bytes 0-9/200000');
        t.equal(r.headers.get('Content-Length'), '10');
        return r.text();
    }).then(function (s) {
        t.equal(s, '0000000000');
        return range('bytes=199990-');
    }).then(function (r) {
        t.equal(r.headers.get('Content-Range'), 'bytes 199990-199999/200000');
        return r.text();
    }).then(function (s) {
        t.equal(s, '9999999999', 'an open range');
        return range('bytes=-5');
    }).then(function (r) {
        t.equal(r.headers.get('Content-Range'), 'bytes 199995-199999/200000', 'a suffix range');
        return range('bytes=100000-300000');
    }).then(function (r) {
        t.equal(r.headers.get('Content-Range'), 'bytes 100000-199999/200000', 'an end past the size');
        return r.arrayBuffer();
    }).then(function (b) {
        t.equal(b.byteLength, 100000, 'streamed in pieces');
        return range('bytes=200000-');
    }).then(function (r) {
        t.equal(r.status, 416, 'past the end: 416');
        t.equal(r.headers.get('Content-Range'), 'bytes */200000');
        return range('bytes=0-1,5-6');
    }).then(function (r) {
        t.equal(r.status, 200, 'several ranges: the whole file');
        return range('items=0-1');
    }).then(function (r) {
        t.equal(r.status, 200, 'another unit: the whole file');
        return get(a, '/big.bin', { Range: 'bytes=0-1', 'If-Range': '"stale"' });
    }).then(function (r) {
        t.equal(r.status, 200, 'If-Range not matching: the whole file');
        return get(a, '/big.bin');
    }).then(function (r) {
        t.equal(r.headers.get('Content-Length'), '200000');
        return r.arrayBuffer();
    }).then(function (b) {
        var u = new Uint8Array(b);
        t.equal(u.length, 200000, 'the whole file');
        t.equal(String.fromCharCode(u[0], u[199999]), '09');
    });
});

test('bad configuration', function (t) {
    t.throws(function () { assets('sometimes', 'none'); }, TypeError);
    t.throws(function () { assets('none', 'maybe'); }, TypeError);
    t.throws(function () { native.assetsRead(root, '/style.css', -1, 2); }, RangeError);
    t.throws(function () { native.assetsRead(root, '/gone', 0, 2); }, TypeError);
    return assets('none', 'none').fetch.call({}, 'http://x/').then(function () {
        t.ok(false, 'resolved');
    }, function (e) {
        t.ok(e instanceof TypeError, 'Illegal invocation');
    });
});
