// SPDX-License-Identifier: MIT
/*
 * fetch() against real servers started by t/fetch.t: nginx at
 * env.FCW_FETCH_UPSTREAM (static files, status codes, redirects, headers,
 * gzip, a rate-limited location) and an echo server at env.FCW_FETCH_ECHO
 * (/delay?ms=N, /drip, and a JSON echo of any other request). The group of
 * tests follows env.FCW_FETCH_GROUP, each run under its own limits; without
 * it (t/js.t) only the tests that need no upstream run.
 */
var UP = env.FCW_FETCH_UPSTREAM;
var ECHO = env.FCW_FETCH_ECHO;
var GROUP = env.FCW_FETCH_GROUP || '';

function hex(bytes) {
    var u8 = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes, s = '';
    for (var i = 0; i < u8.length; i++) {
        s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
    }
    return s;
}

function textHex(s) {
    return hex(new TextEncoder().encode(s));
}

function echo(path, init) {
    return fetch(ECHO + path, init).then(function (res) { return res.json(); });
}

function delay(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

function readAllChunks(reader, pause) {
    var chunks = [];
    function step() {
        return reader.read().then(function (r) {
            if (r.done) {
                return chunks;
            }
            chunks.push(r.value);
            return pause ? delay(pause).then(step) : step();
        });
    }
    return step();
}

function joinText(chunks) {
    var s = '', decoder = new TextDecoder();
    for (var i = 0; i < chunks.length; i++) {
        s += decoder.decode(chunks[i], { stream: true });
    }
    return s + decoder.decode();
}

if (GROUP === '' || GROUP === 'main') {
    test('fetch: a global function of length 1', function (t) {
        t.equal(typeof fetch, 'function', 'fetch is a function');
        t.equal(fetch.length, 1, 'fetch.length is 1 (init is optional)');
    });

    test('fetch: URLs that cannot be fetched reject with TypeError', function (t) {
        return Promise.all([
            t.rejects(fetch('ftp://example.com/file'), TypeError, 'a non-http(s) scheme'),
            t.rejects(fetch('not a url'), TypeError, 'an unparsable URL')
        ]);
    });

    test('fetch: an already aborted signal rejects with its reason', function (t) {
        var controller = new AbortController(), reason = { why: 'before' };
        controller.abort(reason);
        return fetch('http://127.0.0.1:1/', { signal: controller.signal }).then(function () {
            t.ok(false, 'resolved');
        }, function (e) {
            t.equal(e, reason, 'the rejection is the abort reason itself');
        });
    });

    test('fetch: connection refused is a TypeError naming the failure', function (t) {
        return fetch('http://127.0.0.1:1/').then(function () {
            t.ok(false, 'resolved');
        }, function (e) {
            t.ok(e instanceof TypeError, 'TypeError');
            t.ok(/^fetch failed: /.test(e.message), 'message starts with "fetch failed: " (' + e.message + ')');
        });
    });
}

if (GROUP === 'main') {
    test('fetch: GET a static file', function (t) {
        return fetch(UP + '/small.txt').then(function (res) {
            t.ok(res instanceof Response, 'resolves with a Response');
            t.equal(res.status, 200, 'status');
            t.equal(res.ok, true, 'ok');
            t.equal(res.statusText, 'OK', 'statusText from the status line');
            t.equal(res.headers.get('content-type'), 'text/plain', 'content-type from the server');
            t.equal(res.headers.get('content-length'), '12', 'content-length of an unencoded body is kept');
            t.equal(res.url, UP + '/small.txt', 'response.url');
            t.equal(res.redirected, false, 'not redirected');
            return res.text();
        }).then(function (text) {
            t.equal(text, 'hello fetch\n', 'text()');
        });
    });

    test('fetch: json() and arrayBuffer()', function (t) {
        return fetch(UP + '/data.json').then(function (res) {
            return res.json();
        }).then(function (data) {
            t.deepEqual(data, { name: 'fcworker', list: [1, 2, 3] }, 'json()');
            return fetch(UP + '/small.txt');
        }).then(function (res) {
            return res.arrayBuffer();
        }).then(function (buf) {
            t.ok(buf instanceof ArrayBuffer, 'arrayBuffer() gives an ArrayBuffer');
            t.equal(hex(buf), textHex('hello fetch\n'), 'with the file bytes');
        });
    });

    test('fetch: error statuses resolve; null body statuses and HEAD have no body', function (t) {
        return fetch(UP + '/status/404').then(function (res) {
            t.equal(res.status, 404, '404 resolves');
            t.equal(res.ok, false, 'not ok');
            return res.text();
        }).then(function (text) {
            t.equal(text, 'not here\n', 'the error body');
            return fetch(UP + '/status/204');
        }).then(function (res) {
            t.equal(res.status, 204, '204');
            t.equal(res.body, null, '204 has a null body');
            return fetch(UP + '/small.txt', { method: 'HEAD' });
        }).then(function (res) {
            t.equal(res.body, null, 'HEAD has a null body');
            t.equal(res.headers.get('content-length'), '12', 'HEAD keeps the headers');
        });
    });

    test('fetch: a Request or a URL as input', function (t) {
        var req = new Request(ECHO + '/req?q=1', { method: 'PUT', body: 'put body', headers: { 'X-From': 'request' } });
        return fetch(req).then(function (res) {
            return res.json();
        }).then(function (e) {
            t.equal(e.method, 'PUT', 'method of the Request');
            t.equal(e.path, '/req?q=1', 'path and query');
            t.equal(e.hex, textHex('put body'), 'body of the Request');
            t.equal(e.headers['x-from'], 'request', 'headers of the Request');
            return fetch(new URL(ECHO + '/from-url'));
        }).then(function (res) {
            return res.json();
        }).then(function (e) {
            t.equal(e.path, '/from-url', 'a URL object');
            t.equal(e.method, 'GET', 'GET by default');
        });
    });

    test('fetch: request bodies of each type', function (t) {
        var u8 = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
        var params = new URLSearchParams();
        params.append('a', '1');
        params.append('b', 'x y');
        var form = new FormData();
        form.append('field', 'value');
        var stream = new ReadableStream({
            start: function (c) {
                c.enqueue(new TextEncoder().encode('from '));
                c.enqueue(new TextEncoder().encode('a stream'));
                c.close();
            }
        });
        return echo('/string', { method: 'POST', body: 'caf\u00e9' }).then(function (e) {
            t.equal(e.hex, textHex('caf\u00e9'), 'string body as UTF-8');
            t.equal(e.headers['content-type'], 'text/plain;charset=UTF-8', 'string body content-type');
            return echo('/ab', { method: 'POST', body: u8.buffer });
        }).then(function (e) {
            t.equal(e.hex, '000102fafbfcfd', 'ArrayBuffer body');
            t.equal(e.headers['content-type'], undefined, 'no content-type is invented for bytes');
            return echo('/view', { method: 'POST', body: u8.subarray(2, 5) });
        }).then(function (e) {
            t.equal(e.hex, '02fafb', 'a typed array view sends only its bytes');
            return echo('/params', { method: 'POST', body: params });
        }).then(function (e) {
            t.equal(e.hex, textHex('a=1&b=x+y'), 'URLSearchParams body');
            t.equal(e.headers['content-type'], 'application/x-www-form-urlencoded;charset=UTF-8', 'its content-type');
            return echo('/form', { method: 'POST', body: form });
        }).then(function (e) {
            t.ok(/^multipart\/form-data; boundary=/.test(e.headers['content-type']), 'FormData content-type');
            t.ok(e.hex.indexOf(textHex('name="field"\r\n\r\nvalue\r\n')) >= 0, 'FormData entry in the body');
            return echo('/blob', { method: 'POST', body: new Blob(['blob data'], { type: 'text/x-blob' }) });
        }).then(function (e) {
            t.equal(e.hex, textHex('blob data'), 'Blob body');
            t.equal(e.headers['content-type'], 'text/x-blob', 'Blob type as content-type');
            return echo('/stream', { method: 'POST', body: stream, duplex: 'half' });
        }).then(function (e) {
            t.equal(e.hex, textHex('from a stream'), 'ReadableStream body read to its end');
            return echo('/empty', { method: 'POST' });
        }).then(function (e) {
            t.equal(e.headers['content-length'], '0', 'POST without a body sends Content-Length: 0');
        });
    });

    test('fetch: a 2 MB body goes in one request without Expect', function (t) {
        var big = new Uint8Array(2 * 1024 * 1024);
        for (var i = 0; i < big.length; i++) {
            big[i] = i & 0xff;
        }
        return echo('/big', { method: 'POST', body: big }).then(function (e) {
            t.equal(e.length, big.length, 'every byte arrived');
            t.equal(e.headers.expect, undefined, 'no Expect: 100-continue');
        });
    });

    test('fetch: request headers reach the server', function (t) {
        var h = new Headers();
        h.append('X-Multi', 'one');
        h.append('X-Multi', 'two');
        h.set('Authorization', 'Bearer t0ken');
        h.set('X-Latin', 'caf\u00e9');
        return echo('/headers', { headers: h }).then(function (e) {
            t.equal(e.headers['x-latin'], 'caf\u00e9', 'a byte-string value is sent as its bytes');
            t.equal(e.headers['x-multi'], 'one, two', 'combined values');
            t.equal(e.headers.authorization, 'Bearer t0ken', 'authorization');
            t.equal(e.headers.accept, '*/*', 'Accept: */* by default');
        });
    });

    test('fetch: response headers, multiple Set-Cookie', function (t) {
        return fetch(UP + '/cookies').then(function (res) {
            t.deepEqual(res.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/'], 'each Set-Cookie kept apart');
            t.equal(res.headers.get('x-custom'), 'custom value', 'a custom header');
            t.equal(res.headers.get('x-latin'), 'caf\u00e9', 'header bytes are read as ISO-8859-1');
            return res.text();
        });
    });

    test('fetch: redirect follow', function (t) {
        return fetch(UP + '/r301').then(function (res) {
            t.equal(res.status, 200, '301 followed');
            t.equal(res.redirected, true, 'redirected');
            t.equal(res.url, UP + '/small.txt', 'url is the last URL');
            var copy = res.clone();
            t.equal(copy.url + ' ' + copy.redirected, UP + '/small.txt true', 'clone() keeps url and redirected');
            t.equal(Object.getOwnPropertyNames(res).join(','), '', 'url and redirected are the prototype\'s getters, not own properties');
            return copy.text().then(function () {
                return res.text();
            });
        }).then(function (text) {
            t.equal(text, 'hello fetch\n', 'body of the target');
            return fetch(UP + '/chain');
        }).then(function (res) {
            t.equal(res.url, UP + '/small.txt', 'a chain of two redirects');
            return res.text();
        }).then(function () {
            return t.rejects(fetch(UP + '/loop'), TypeError, 'a redirect loop fails after 20 hops');
        });
    });

    test('fetch: redirect manual and error', function (t) {
        return fetch(UP + '/r302', { redirect: 'manual' }).then(function (res) {
            t.equal(res.status, 302, 'manual returns the 3xx');
            t.ok(/\/small\.txt$/.test(res.headers.get('location')), 'with its Location');
            t.equal(res.redirected, false, 'not redirected');
            return res.text();
        }).then(function () {
            return t.rejects(fetch(UP + '/r307', { redirect: 'error' }), TypeError, 'error mode rejects');
        });
    });

    test('fetch: redirects rewrite POST to GET as the standard says', function (t) {
        var post = { method: 'POST', body: 'payload', headers: { 'Content-Type': 'text/x-test', Authorization: 'secret' } };
        return fetch(UP + '/r302-echo', post).then(function (r) { return r.json(); }).then(function (e) {
            t.equal(e.method, 'GET', '302 turns POST into GET');
            t.equal(e.length, 0, 'and drops the body');
            t.equal(e.headers['content-type'], undefined, 'and the body headers');
            return fetch(UP + '/r303-echo', { method: 'PUT', body: 'x' }).then(function (r) { return r.json(); });
        }).then(function (e) {
            t.equal(e.method, 'GET', '303 turns PUT into GET');
            return fetch(UP + '/r307-echo', post).then(function (r) { return r.json(); });
        }).then(function (e) {
            t.equal(e.method, 'POST', '307 keeps the method');
            t.equal(e.hex, textHex('payload'), '307 keeps the body');
            t.equal(e.headers.authorization, undefined, 'Authorization is dropped on a cross-origin redirect');
            return fetch(UP + '/r308-echo', post).then(function (r) { return r.json(); });
        }).then(function (e) {
            t.equal(e.method + ' ' + e.hex, 'POST ' + textHex('payload'), '308 keeps method and body');
        });
    });

    test('fetch: gzip is decoded unless the script asked for an encoding', function (t) {
        var expected = new Array(2001).join('compressible text ') + '\n';
        return fetch(UP + '/gz/text.txt').then(function (res) {
            t.equal(res.headers.get('content-encoding'), null, 'no Content-Encoding on a decoded body');
            return res.text();
        }).then(function (text) {
            t.ok(text === expected, 'the decoded text (' + text.length + ' characters)');
            return fetch(UP + '/gz/text.txt', { headers: { 'Accept-Encoding': 'gzip' } });
        }).then(function (res) {
            t.equal(res.headers.get('content-encoding'), 'gzip', 'Content-Encoding kept when the script asked');
            return res.arrayBuffer();
        }).then(function (buf) {
            t.equal(hex(new Uint8Array(buf, 0, 2)), '1f8b', 'and the body is the gzip stream');
        });
    });

    test('fetch: the response resolves at the head; getReader() sees the chunks', function (t) {
        var started = Date.now(), headAt;
        return fetch(ECHO + '/drip').then(function (res) {
            headAt = Date.now() - started;
            t.ok(headAt < 500, 'resolved before the body was complete (' + headAt + ' ms)');
            return readAllChunks(res.body.getReader());
        }).then(function (chunks) {
            t.ok(chunks.length >= 2, 'several chunks (' + chunks.length + ')');
            t.equal(joinText(chunks), 'drip 1\ndrip 2\ndrip 3\ndrip 4\ndrip 5\n', 'all of the body');
            t.ok(Date.now() - started >= 500, 'the body took its time');
        });
    });

    test('fetch: the body is a byte stream a BYOB reader can fill', function (t) {
        return fetch(ECHO + '/drip').then(function (res) {
            var reader = res.body.getReader({ mode: 'byob' }), text = '', largest = 0;
            function next() {
                return reader.read(new Uint8Array(4)).then(function (r) {
                    if (r.done) {
                        t.ok(largest > 0 && largest <= 4, 'reads fill at most the view (' + largest + ')');
                        return text;
                    }
                    largest = Math.max(largest, r.value.byteLength);
                    text += new TextDecoder().decode(r.value, { stream: true });
                    return next();
                });
            }
            return next();
        }).then(function (text) {
            t.equal(text, 'drip 1\ndrip 2\ndrip 3\ndrip 4\ndrip 5\n', 'all of the body through 4-byte views');
        });
    });

    test('fetch: abort before the head rejects with the reason', function (t) {
        var controller = new AbortController(), reason = new Error('enough');
        var started = Date.now();
        setTimeout(function () { controller.abort(reason); }, 100);
        return fetch(ECHO + '/delay?ms=3000', { signal: controller.signal }).then(function () {
            t.ok(false, 'resolved');
        }, function (e) {
            t.equal(e, reason, 'rejected with the reason');
            t.ok(Date.now() - started < 2000, 'without waiting for the server');
            t.equal(native.fetchStats().transfers, 0, 'the transfer is gone');
        });
    });

    test('fetch: abort during the body errors the stream', function (t) {
        var controller = new AbortController(), reason = new Error('stop reading'), reader;
        return fetch(ECHO + '/drip', { signal: controller.signal }).then(function (res) {
            reader = res.body.getReader();
            return reader.read();
        }).then(function (first) {
            t.equal(new TextDecoder().decode(first.value), 'drip 1\n', 'the first chunk arrived');
            controller.abort(reason);
            return reader.read();
        }).then(function () {
            t.ok(false, 'read after abort resolved');
        }, function (e) {
            t.equal(e, reason, 'the next read rejects with the reason');
            t.equal(native.fetchStats().transfers, 0, 'the transfer is gone');
        });
    });

    test('fetch: cancel() of the body aborts the transfer', function (t) {
        return fetch(UP + '/slow/big.txt').then(function (res) {
            var reader = res.body.getReader();
            return reader.read().then(function (r) {
                t.ok(r.value.length > 0, 'a first chunk of the rate-limited body');
                return reader.cancel();
            });
        }).then(function () {
            t.equal(native.fetchStats().transfers, 0, 'no transfer left');
        });
    });

    test('fetch: text() of a 5 MB body equals the file', function (t) {
        var expected = readFile(env.FCW_FETCH_BIG);
        return fetch(UP + '/big.txt').then(function (res) {
            return res.text();
        }).then(function (text) {
            t.equal(text.length, expected.length, 'length (' + expected.length + ')');
            t.ok(text === expected, 'same text');
        });
    });

    test('fetch: text() of an untouched body leaves the stream locked, used and closed', function (t) {
        var res;
        return fetch(UP + '/small.txt').then(function (r) {
            res = r;
            var reading = res.text();
            t.ok(res.bodyUsed, 'bodyUsed at once');
            t.ok(res.body.locked, 'the body stream is locked at once');
            return reading;
        }).then(function (text) {
            t.equal(text, 'hello fetch\n', 'the whole body');
            t.throws(function () { res.body.getReader(); }, TypeError, 'getReader() of the read body throws');
            return t.rejects(res.text(), TypeError, 'a second text() rejects');
        }).then(function () {
            t.equal(native.fetchStats().transfers, 0, 'no transfer left');
        });
    });

    test('fetch: text() after a reader was released without reading gets the whole body', function (t) {
        return fetch(UP + '/small.txt').then(function (res) {
            res.body.getReader().releaseLock();
            return res.text();
        }).then(function (text) {
            t.equal(text, 'hello fetch\n', 'the whole body');
        });
    });

    test('fetch: text() of a body that drips in several chunks', function (t) {
        return fetch(ECHO + '/drip').then(function (res) {
            return res.text();
        }).then(function (text) {
            t.equal(text, 'drip 1\ndrip 2\ndrip 3\ndrip 4\ndrip 5\n', 'every chunk, in order');
        });
    });

    test('fetch: abort during text() rejects it with the reason', function (t) {
        var controller = new AbortController(), reason = new Error('stop collecting');
        return fetch(ECHO + '/drip', { signal: controller.signal }).then(function (res) {
            var reading = res.text();
            delay(200).then(function () {
                controller.abort(reason);
            });
            return reading;
        }).then(function () {
            t.ok(false, 'text() resolved');
        }, function (e) {
            t.equal(e, reason, 'text() rejects with the reason');
            t.equal(native.fetchStats().transfers, 0, 'the transfer is gone');
        });
    });

    test('fetch: an unread body is not pulled; untouched it can pass through', function (t) {
        var before = native.fetchStats().chunks, res;
        return fetch(UP + '/big.txt').then(function (r) {
            res = r;
            return delay(200);
        }).then(function () {
            t.equal(native.fetchStats().chunks, before, 'no chunk went to JavaScript while nobody read');
            t.ok(native.fetchTransferOf(res.body) > 0, 'the untouched body is a pass-through candidate');
            var reader = res.body.getReader();
            t.equal(native.fetchTransferOf(res.body), -1, 'a locked body is not');
            return reader.cancel();
        });
    });

    test('fetch: backpressure bounds the queue of a slowly read 5 MB body', function (t) {
        var total = 0, reads = 0, started = native.fetchStats();
        return fetch(UP + '/big.txt').then(function (res) {
            var reader = res.body.getReader();
            function step() {
                return reader.read().then(function (r) {
                    if (r.done) {
                        return undefined;
                    }
                    total += r.value.length;
                    reads++;
                    return (reads % 8 === 0 ? delay(5) : Promise.resolve()).then(step);
                });
            }
            return delay(50).then(step);
        }).then(function () {
            var stats = native.fetchStats();
            t.equal(total, readFile(env.FCW_FETCH_BIG).length, 'every byte was read');
            t.equal(stats.queueLimit, 4, 'limits.response_queue is 4 in this run');
            t.ok(stats.maxQueued <= stats.queueLimit, 'the stream never held more than response_queue chunks (' +
                stats.maxQueued + ')');
            t.ok(stats.pauses > started.pauses, 'libcurl was paused (' + (stats.pauses - started.pauses) + ' times)');
            t.ok(stats.resumes > started.resumes, 'and resumed');
        });
    });
}

if (GROUP === 'limits') {
    test('fetch: the total timeout before the head', function (t) {
        var started = Date.now();
        return fetch(ECHO + '/delay?ms=3000').then(function () {
            t.ok(false, 'resolved');
        }, function (e) {
            t.ok(e instanceof TypeError, 'TypeError');
            t.ok(/timed out/i.test(e.message), 'says it timed out (' + e.message + ')');
            t.ok(Date.now() - started < 2000, 'after about fetch.timeout');
        });
    });

    test('fetch: the total timeout during the body', function (t) {
        return fetch(ECHO + '/drip').then(function (res) {
            t.equal(res.status, 200, 'the head arrived in time');
            return t.rejects(res.text(), TypeError, 'the body fails when the timeout passes');
        });
    });

    test('fetch: limits.subrequests', function (t) {
        return fetch(UP + '/small.txt').then(function (res) {
            t.equal(res.status, 200, 'the third fetch of the request is allowed');
            return res.text();
        }).then(function () {
            return fetch(UP + '/small.txt');
        }).then(function () {
            t.ok(false, 'the fourth fetch resolved');
        }, function (e) {
            t.ok(e instanceof Error, 'the fourth is refused with an Error');
            t.ok(/limits\.subrequests/.test(e.message), 'naming the limit (' + e.message + ')');
        });
    });
}

if (GROUP === 'allow') {
    test('fetch: fetch.allow lets an address or CIDR block through, after resolution', function (t) {
        var port = UP.replace(/^.*:/, '');
        return fetch(UP + '/small.txt').then(function (r) {
            t.equal(r.status, 200, '127.0.0.1 named in fetch.allow is reached');
            return r.text();
        }).then(function () {
            return fetch('http://localhost:' + port + '/small.txt');
        }).then(function (r) {
            t.equal(r.status, 200, 'a name resolving to an allowed address is reached too');
            return r.text();
        }).then(function () {
            return t.rejects(fetch('http://[::1]:' + port + '/'), TypeError, '::1 is not in the list: refused');
        });
    });
}

if (GROUP === 'allow_name') {
    test('fetch: fetch.allow by host name allows that name only, not the address', function (t) {
        var port = UP.replace(/^.*:/, '');
        return fetch('http://localhost:' + port + '/small.txt').then(function (r) {
            t.equal(r.status, 200, 'the host named in fetch.allow is reached');
            return r.text();
        }).then(function () {
            return t.rejects(fetch(UP + '/small.txt'), TypeError, 'its address by number is still refused');
        });
    });
}

if (GROUP === 'private') {
    test('fetch: fetch.deny_private refuses loopback addresses', function (t) {
        var port = UP.replace(/^.*:/, '');
        return fetch(UP + '/small.txt').then(function () {
            t.ok(false, 'resolved');
        }, function (e) {
            t.ok(e instanceof TypeError, '127.0.0.1 is refused with a TypeError');
            t.ok(/private/.test(e.message), 'saying why (' + e.message + ')');
            return t.rejects(fetch('http://localhost:' + port + '/small.txt'), TypeError,
                'a name resolving to loopback is refused too');
        }).then(function () {
            return t.rejects(fetch('http://[::1]:' + port + '/'), TypeError, 'IPv6 loopback is refused');
        });
    });
}
