// SPDX-License-Identifier: MIT
/* Fetch standard: Request. */
test('Request: defaults', function (t) {
    var r = new Request('https://example.com/a?b');
    t.equal(r.method, 'GET', 'method defaults to GET');
    t.equal(r.url, 'https://example.com/a?b', 'url');
    t.equal(new Request('https://example.com').url, 'https://example.com/', 'url is the serialised parsed URL');
    t.ok(r.headers instanceof Headers, 'headers is a Headers');
    t.equal(r.body, null, 'no body');
    t.equal(r.bodyUsed, false, 'bodyUsed false');
    t.equal(r.redirect, 'follow', 'redirect defaults to follow');
    t.equal(r.mode, 'cors', 'mode defaults to cors');
    t.equal(r.credentials, 'same-origin', 'credentials default');
    t.equal(r.cache, 'default', 'cache default');
    t.equal(r.destination, '', 'destination is empty');
    t.ok(r.signal instanceof AbortSignal, 'signal is an AbortSignal');
    t.equal(r.signal.aborted, false, 'not aborted');
    t.throws(function () { new Request(); }, TypeError, 'input is required');
});

test('Request: URL parsing', function (t) {
    t.throws(function () { new Request('/relative'); }, TypeError, 'a relative URL has no base here');
    t.throws(function () { new Request('https://user:pass@example.com/'); }, TypeError, 'URLs with credentials are rejected');
});

test('Request: method normalisation and forbidden methods', function (t) {
    t.equal(new Request('https://a.test/', { method: 'post' }).method, 'POST', 'post is normalised');
    t.equal(new Request('https://a.test/', { method: 'dElEtE' }).method, 'DELETE', 'delete is normalised');
    t.equal(new Request('https://a.test/', { method: 'patch' }).method, 'patch', 'patch is not normalised');
    t.equal(new Request('https://a.test/', { method: 'PROPFIND' }).method, 'PROPFIND', 'extension methods are kept');
    t.throws(function () { new Request('https://a.test/', { method: 'CONNECT' }); }, TypeError, 'CONNECT is forbidden');
    t.throws(function () { new Request('https://a.test/', { method: 'trace' }); }, TypeError, 'TRACE is forbidden');
    t.throws(function () { new Request('https://a.test/', { method: 'Track' }); }, TypeError, 'TRACK is forbidden');
    t.throws(function () { new Request('https://a.test/', { method: 'GE T' }); }, TypeError, 'a method must be a token');
});

test('Request: body with GET or HEAD throws', function (t) {
    t.throws(function () { new Request('https://a.test/', { body: 'x' }); }, TypeError, 'GET with a body');
    t.throws(function () { new Request('https://a.test/', { method: 'HEAD', body: 'x' }); }, TypeError, 'HEAD with a body');
    t.equal(new Request('https://a.test/', { body: null }).body, null, 'a null body is fine with GET');
    var post = new Request('https://a.test/', { method: 'POST', body: 'x' });
    t.throws(function () { new Request(post, { method: 'GET' }); }, TypeError, 'an inherited body with GET');
});

test('Request: body and headers', function (t) {
    var r = new Request('https://a.test/', { method: 'POST', body: 'payload', headers: { 'X-A': '1' } });
    t.equal(r.headers.get('x-a'), '1', 'headers from init');
    t.equal(r.headers.get('content-type'), 'text/plain;charset=UTF-8', 'Content-Type from the body');
    t.ok(r.body instanceof ReadableStream, 'body is a stream');
    return r.text().then(function (s) {
        t.equal(s, 'payload', 'text()');
        t.equal(r.bodyUsed, true, 'used');
    });
});

test('Request: enum members are validated', function (t) {
    t.equal(new Request('https://a.test/', { redirect: 'manual' }).redirect, 'manual', 'redirect manual');
    t.throws(function () { new Request('https://a.test/', { redirect: 'sometimes' }); }, TypeError, 'bad redirect');
    t.throws(function () { new Request('https://a.test/', { mode: 'navigate' }); }, TypeError, 'mode navigate');
    t.throws(function () { new Request('https://a.test/', { credentials: 'all' }); }, TypeError, 'bad credentials');
    t.throws(function () { new Request('https://a.test/', { cache: 'only-if-cached' }); }, TypeError,
        'only-if-cached needs same-origin mode');
    t.throws(function () { new Request('https://a.test/', { signal: {} }); }, TypeError, 'signal must be an AbortSignal');
});

test('Request: signal follows the init signal', function (t) {
    var controller = new AbortController();
    var r = new Request('https://a.test/', { signal: controller.signal });
    t.notEqual(r.signal, controller.signal, 'the request has its own signal');
    controller.abort('stop');
    t.equal(r.signal.aborted, true, 'aborted with the init signal');
    t.equal(r.signal.reason, 'stop', 'same reason');
    var derived = new Request(new Request('https://a.test/', { signal: AbortSignal.abort('early') }));
    t.equal(derived.signal.reason, 'early', 'a request built from a request follows its signal');
});

test('Request: from another Request', function (t) {
    var original = new Request('https://a.test/x', { method: 'PUT', body: 'data', headers: { 'X-K': 'v' }, redirect: 'error' });
    var copy = new Request(original);
    t.equal(copy.method, 'PUT', 'method copied');
    t.equal(copy.url, 'https://a.test/x', 'url copied');
    t.equal(copy.redirect, 'error', 'redirect copied');
    t.equal(copy.headers.get('x-k'), 'v', 'headers copied');
    copy.headers.set('x-k', 'w');
    t.equal(original.headers.get('x-k'), 'v', 'headers are a copy');
    t.equal(original.bodyUsed, true, 'the input body moves to the new request');
    t.throws(function () { new Request(original); }, TypeError, 'a used request cannot be the input');
    var withInit = new Request(copy, { headers: { 'X-Other': '1' }, method: 'POST', body: 'new' });
    t.equal(withInit.headers.get('x-k'), null, 'init headers replace the input headers');
    t.equal(copy.bodyUsed, false, 'init body leaves the input body alone');
    return copy.text().then(function (s) {
        t.equal(s, 'data', 'the moved body');
        return withInit.text();
    }).then(function (s) {
        t.equal(s, 'new', 'init body');
    });
});

test('Request: clone', function (t) {
    var r = new Request('https://a.test/', { method: 'POST', body: 'twice', headers: { A: '1' }, cf: { cacheTtl: 5 } });
    var c = r.clone();
    t.equal(c.method, 'POST', 'method');
    t.equal(c.headers.get('a'), '1', 'headers');
    t.notEqual(c.headers, r.headers, 'headers are a new object');
    t.deepEqual(c.cf, { cacheTtl: 5 }, 'cf is kept');
    return Promise.all([r.text(), c.text()]).then(function (texts) {
        t.deepEqual(texts, ['twice', 'twice'], 'both bodies are readable');
        t.throws(function () { r.clone(); }, TypeError, 'clone of a used request throws');
    });
});

test('Request: clone tees a stream body', function (t) {
    var stream = new ReadableStream({
        start: function (controller) {
            controller.enqueue(new Uint8Array([0x6F, 0x6B]));
            controller.close();
        }
    });
    var r = new Request('https://a.test/', { method: 'POST', body: stream, duplex: 'half' });
    var c = r.clone();
    return Promise.all([r.text(), c.text()]).then(function (texts) {
        t.deepEqual(texts, ['ok', 'ok'], 'both branches get the data');
    });
});
