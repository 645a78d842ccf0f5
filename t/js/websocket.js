// SPDX-License-Identifier: MIT
/* WebSocket: the constructor checks its arguments as the WebSockets
 * standard says; fcworker has no WebSocket client, so every connection
 * then fails (error, then close with 1006) in a later task. Libraries
 * that take the constructor when they start (supabase-js's realtime
 * client) need it to exist. */
function domError(t, fn, name, msg) {
    try {
        fn();
        t.ok(false, msg + ': throws');
    } catch (e) {
        t.ok(e instanceof DOMException, msg + ': a DOMException');
        t.equal(e.name, name, msg + ': ' + name);
    }
}

test('WebSocket: the interface', function (t) {
    t.equal(typeof WebSocket, 'function', 'a global constructor');
    t.equal(Object.getOwnPropertyDescriptor(globalThis, 'WebSocket').enumerable, false, 'not enumerable');
    t.deepEqual([WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED], [0, 1, 2, 3]);
    t.equal(WebSocket.prototype.CLOSED, 3, 'the constants on the prototype too');
    t.ok(WebSocket.prototype instanceof EventTarget, 'an EventTarget');
    t.throws(function () { WebSocket('ws://x.test/'); }, TypeError, 'needs new');
    t.throws(function () { return new WebSocket(); }, TypeError, 'needs a URL');
    var ce = new CloseEvent('close', { code: 4000, reason: 'bye', wasClean: true });
    t.ok(ce instanceof Event, 'CloseEvent is an Event');
    t.deepEqual([ce.type, ce.code, ce.reason, ce.wasClean], ['close', 4000, 'bye', true]);
    t.deepEqual([new CloseEvent('c').code, new CloseEvent('c').reason, new CloseEvent('c').wasClean], [0, '', false]);
});

test('WebSocket: the URL and protocols are checked', function (t) {
    domError(t, function () { return new WebSocket('not a url'); }, 'SyntaxError', 'an invalid URL');
    domError(t, function () { return new WebSocket('/relative'); }, 'SyntaxError', 'a relative URL');
    domError(t, function () { return new WebSocket('ftp://x.test/'); }, 'SyntaxError', 'another scheme');
    domError(t, function () { return new WebSocket('wss://x.test/#frag'); }, 'SyntaxError', 'a fragment');
    domError(t, function () { return new WebSocket('wss://x.test/#'); }, 'SyntaxError', 'an empty fragment');
    domError(t, function () { return new WebSocket('wss://x.test/', 'bad proto'); }, 'SyntaxError', 'a protocol that is no token');
    domError(t, function () { return new WebSocket('wss://x.test/', ['a', 'a']); }, 'SyntaxError', 'a protocol twice');
    t.equal(new WebSocket('http://x.test/a?b=1').url, 'ws://x.test/a?b=1', 'http becomes ws');
    t.equal(new WebSocket('https://X.test').url, 'wss://x.test/', 'https becomes wss, the URL serialized');
    t.equal(new WebSocket('wss://x.test/', ['chat', 'v2']).protocol, '', 'no protocol before a connection');
});

test('WebSocket: before the connection fails', function (t) {
    var ws = new WebSocket('wss://x.test/socket');
    t.equal(ws.readyState, WebSocket.CONNECTING, 'CONNECTING');
    t.deepEqual([ws.bufferedAmount, ws.extensions, ws.protocol, ws.binaryType], [0, '', '', 'blob']);
    ws.binaryType = 'arraybuffer';
    ws.binaryType = 'nonsense';
    t.equal(ws.binaryType, 'arraybuffer', 'binaryType takes blob and arraybuffer only');
    domError(t, function () { ws.send('x'); }, 'InvalidStateError', 'send while connecting');
    domError(t, function () { ws.close(1001); }, 'InvalidAccessError', 'a close code other than 1000 or 3000-4999');
    domError(t, function () { ws.close(1000, new Array(125).join('x')); }, 'SyntaxError', 'a reason over 123 bytes');
    t.equal(ws.onopen, null, 'event handler attributes');
});

test('WebSocket: the connection fails with error, then close 1006', function (t) {
    var ws = new WebSocket('ws://127.0.0.1:9/');
    var seen = [];
    ws.onopen = function () { seen.push('open'); };
    ws.onerror = function (e) { seen.push('error ' + e.type + ' ' + ws.readyState); };
    ws.addEventListener('close', function (e) {
        seen.push('close ' + (e instanceof CloseEvent) + ' ' + e.code + ' ' + e.wasClean + ' ' + JSON.stringify(e.reason));
    });
    t.deepEqual(seen, [], 'nothing before a later task');
    return new Promise(function (resolve) { setTimeout(resolve, 5); }).then(function () {
        t.deepEqual(seen, ['error error 3', 'close true 1006 false ""']);
        t.equal(ws.readyState, WebSocket.CLOSED, 'CLOSED');
        ws.send(new Uint8Array(3));
        ws.send('héllo');
        t.equal(ws.bufferedAmount, 9, 'send after close counts the bytes and does not throw');
        ws.close();
        t.equal(ws.readyState, WebSocket.CLOSED, 'close() when closed does nothing');
    });
});
