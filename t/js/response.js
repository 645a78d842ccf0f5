// SPDX-License-Identifier: MIT
/* Fetch standard: Response. */
test('Response: defaults', function (t) {
    var r = new Response();
    t.equal(r.status, 200, 'status 200');
    t.equal(r.ok, true, 'ok');
    t.equal(r.statusText, '', 'empty statusText');
    t.equal(r.type, 'default', 'type default');
    t.equal(r.url, '', 'url empty');
    t.equal(r.redirected, false, 'not redirected');
    t.equal(r.body, null, 'no body');
    t.ok(r.headers instanceof Headers, 'headers');
});

test('Response: init validation', function (t) {
    var r = new Response('nf', { status: 404, statusText: 'Not Found', headers: [['X-A', '1']] });
    t.equal(r.status, 404, 'status');
    t.equal(r.ok, false, 'ok is false outside 200-299');
    t.equal(r.statusText, 'Not Found', 'statusText');
    t.equal(r.headers.get('x-a'), '1', 'headers');
    t.equal(new Response(null, { status: 299 }).ok, true, '299 is ok');
    t.equal(new Response(null, { status: 300 }).ok, false, '300 is not ok');
    t.throws(function () { new Response(null, { status: 199 }); }, RangeError, 'status below 200');
    t.throws(function () { new Response(null, { status: 600 }); }, RangeError, 'status above 599');
    t.throws(function () { new Response(null, { status: 0 }); }, RangeError, 'status 0');
    t.throws(function () { new Response(null, { statusText: 'a\nb' }); }, TypeError, 'statusText must be a reason-phrase');
    t.throws(function () { new Response(null, { statusText: '\u0100' }); }, TypeError, 'statusText is a ByteString');
});

test('Response: null body statuses', function (t) {
    t.equal(new Response(null, { status: 204 }).body, null, '204 with null body');
    t.throws(function () { new Response('x', { status: 204 }); }, TypeError, '204 with a body');
    t.throws(function () { new Response('x', { status: 205 }); }, TypeError, '205 with a body');
    t.throws(function () { new Response('x', { status: 304 }); }, TypeError, '304 with a body');
    t.throws(function () { new Response('', { status: 204 }); }, TypeError, 'even an empty string is a body');
    t.equal(new Response(undefined, { status: 304 }).status, 304, 'undefined is no body');
});

test('Response.error', function (t) {
    var r = Response.error();
    t.equal(r.type, 'error', 'type error');
    t.equal(r.status, 0, 'status 0');
    t.equal(r.ok, false, 'not ok');
    t.equal(r.body, null, 'no body');
});

test('Response.redirect', function (t) {
    var r = Response.redirect('https://example.com/next', 301);
    t.equal(r.status, 301, 'status');
    t.equal(r.headers.get('location'), 'https://example.com/next', 'Location header');
    t.equal(r.body, null, 'no body');
    t.equal(Response.redirect('https://example.com/').status, 302, 'status defaults to 302');
    [301, 302, 303, 307, 308].forEach(function (code) {
        t.equal(Response.redirect('https://example.com/', code).status, code, code + ' is a redirect status');
    });
    t.throws(function () { Response.redirect('https://example.com/', 200); }, RangeError, '200 is not a redirect status');
    t.throws(function () { Response.redirect('not a url'); }, TypeError, 'an unparsable URL is a TypeError');
});

test('Response.json', function (t) {
    var r = Response.json({ a: 1 }, { status: 201, headers: { 'X-B': '2' } });
    t.equal(r.status, 201, 'status from init');
    t.equal(r.headers.get('content-type'), 'application/json', 'Content-Type application/json');
    t.equal(r.headers.get('x-b'), '2', 'headers from init');
    t.equal(Response.json(1, { headers: { 'Content-Type': 'text/x-json' } }).headers.get('content-type'), 'text/x-json',
        'an explicit Content-Type wins');
    t.throws(function () { Response.json(undefined); }, TypeError, 'undefined is not serialisable');
    t.throws(function () { Response.json(function () {}); }, TypeError, 'nor is a function');
    t.throws(function () { Response.json({}, { status: 204 }); }, TypeError, 'null body status with a body');
    return r.json().then(function (value) {
        t.deepEqual(value, { a: 1 }, 'body is the JSON text');
    });
});

test('Response: clone', function (t) {
    var r = new Response('same', { status: 202, statusText: 'Accepted', headers: { A: 'b' } });
    var c = r.clone();
    t.equal(c.status, 202, 'status');
    t.equal(c.statusText, 'Accepted', 'statusText');
    t.equal(c.headers.get('a'), 'b', 'headers');
    c.headers.set('a', 'c');
    t.equal(r.headers.get('a'), 'b', 'headers are independent');
    return Promise.all([r.text(), c.text()]).then(function (texts) {
        t.deepEqual(texts, ['same', 'same'], 'both bodies readable');
        t.throws(function () { r.clone(); }, TypeError, 'clone after use throws');
    });
});

test('Response: a clone of headers nobody has read is independent both ways', function (t) {
    var r = new Response('x', { headers: { A: '1', 'B-C': '2' } });
    var c = r.clone();
    var cc = c.clone();
    r.headers.append('a', '3');
    c.headers.delete('b-c');
    t.equal(r.headers.get('a'), '1, 3', 'the original');
    t.equal(r.headers.get('b-c'), '2', 'the original keeps what the clone deleted');
    t.equal(c.headers.get('a'), '1', 'the clone');
    t.equal(c.headers.get('b-c'), null, 'the clone deleted');
    t.deepEqual(Array.from(cc.headers), [['a', '1'], ['b-c', '2'], ['content-type', 'text/plain;charset=UTF-8']],
        "the clone's clone, made before either changed");
    var h = r.headers;
    var later = r.clone();
    t.equal(later.headers.get('a'), '1, 3', 'a clone after the headers were read copies them');
    t.notEqual(later.headers, h, 'into Headers of its own');
});

test('Response: clone tees a stream body', function (t) {
    var r = new Response(new ReadableStream({
        start: function (controller) {
            controller.enqueue(new Uint8Array([0x61]));
            controller.enqueue(new Uint8Array([0x62]));
            controller.close();
        }
    }));
    var c = r.clone();
    return c.text().then(function (s) {
        t.equal(s, 'ab', 'the clone reads all chunks');
        return r.text();
    }).then(function (s) {
        t.equal(s, 'ab', 'and so does the original');
    });
});

test('Response: body types', function (t) {
    return new Response(new Blob(['blob body'])).text().then(function (s) {
        t.equal(s, 'blob body', 'Blob body');
        return new Response(new URLSearchParams('a=b c')).text();
    }).then(function (s) {
        t.equal(s, 'a=b+c', 'URLSearchParams body is its serialisation');
        return new Response(new Uint16Array([0x6261]).buffer).text();
    }).then(function (s) {
        t.equal(s, 'ab', 'ArrayBuffer body');
        return new Response(12).text();
    }).then(function (s) {
        t.equal(s, '12', 'other values are converted to strings');
    });
});

test('Response: only as a constructor', function (t) {
    t.throws(function () { Response(); }, TypeError, 'called as a function');
    t.throws(function () { Response.call({}, 'x'); }, TypeError, 'on another object');
    t.throws(function () { Response.call(Object.create(Object.prototype)); }, TypeError, 'on a plain object');
    var own = Object.create(Response.prototype);
    Response.call(own, 'through super');
    t.equal(own.status, 200, 'on an object of its prototype (a subclass\'s super())');
});

test('Response: another Response as the init', function (t) {
    var r = new Response('a', { status: 201, statusText: 'Made', headers: { 'x-a': '1', 'content-type': 'text/x' } });
    var w = new Response(r.body, r);
    t.equal(w.status, 201, 'its status');
    t.equal(w.statusText, 'Made', 'its statusText');
    t.equal(w.headers.get('x-a'), '1', 'its headers, never asked for before');
    t.equal(w.headers.get('content-type'), 'text/x', 'its content-type');
    w.headers.set('x-a', '2');
    t.equal(r.headers.get('x-a'), '1', 'a copy: the new one changed, the old one did not');
    r.headers.append('x-b', '3');
    var w2 = new Response('b', r);
    t.equal(w2.headers.get('x-b'), '3', 'headers read and changed before');
    r.headers.delete('x-b');
    t.equal(w2.headers.get('x-b'), '3', 'and copied');
    t.equal(new Response('c', new Response('d')).headers.get('content-type'), 'text/plain;charset=UTF-8',
        'a default content-type comes with the list');
    t.equal(new Response(null, new Response(null, { status: 299 })).headers.has('content-type'), false,
        'no body, no content-type');
    t.throws(function () { new Response(null, Response.error()); }, RangeError, 'an error response: status 0');
    t.throws(function () { new Response('x', new Response(null, { status: 204 })); }, TypeError,
        'a null body status with a body');
    t.throws(function () { new Response('x', Object.create(Response.prototype)); }, TypeError,
        'an object of its prototype without state: the getters throw');
});

test('Response: a Response init read through what it has now', function (t) {
    var seen = [];
    var r = new Response('a', { status: 202, headers: { 'x-a': '1' } });
    Object.defineProperty(r, 'status', { value: 203 });
    t.equal(new Response('b', r).status, 203, 'an own status');
    var sub = Object.create(r);
    t.equal(new Response('b', sub).status, 203, 'an object inheriting from one');
    var saved = Object.getOwnPropertyDescriptor(Response.prototype, 'statusText');
    Object.defineProperty(Response.prototype, 'statusText', {
        get: function () { seen.push('statusText'); return 'Replaced'; }, configurable: true
    });
    try {
        t.equal(new Response('b', new Response('c')).statusText, 'Replaced', 'a replaced getter is called');
    } finally {
        Object.defineProperty(Response.prototype, 'statusText', saved);
    }
    t.equal(new Response('b', new Response('c', { statusText: 'Back' })).statusText, 'Back', 'and put back');
    seen = [];
    var p = new Proxy(new Response('c', { status: 207, headers: { 'x-p': '1' } }), {
        get: function (target, key) {
            if (typeof key === 'string') {
                seen.push(key);
            }
            return target[key];
        }
    });
    var fromProxy = new Response('b', p);
    t.equal(fromProxy.status, 207, 'a proxy: status through its trap');
    t.equal(fromProxy.headers.get('x-p'), '1', 'and headers');
    t.deepEqual(seen.slice().sort(), ['headers', 'status', 'statusText'], 'its trap saw the three reads');
    function Sub(body, init) {
        Response.call(this, body, init);
    }
    Sub.prototype = Object.create(Response.prototype);
    var s = new Sub('d', { status: 208, headers: { 'x-s': '1' } });
    var fromSub = new Response('e', s);
    t.equal(fromSub.status, 208, "a subclass's instance: status");
    t.equal(fromSub.headers.get('x-s'), '1', 'and headers');
});
