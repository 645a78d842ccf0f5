// SPDX-License-Identifier: MIT
/*
 * WebSocket (client) and CloseEvent. fcworker has no WebSocket client: the
 * constructor is there (Workers have one, and libraries take it when they
 * start: supabase-js's realtime client throws without it), checks its
 * arguments as the WebSockets standard says, and then fails the connection
 * as when the network refuses it: readyState CLOSED, an `error` event, then
 * a `close` event with code 1006 (not clean), in a later task, and a
 * warning in the log. Loaded on first use in a CGI process
 * (lib/runtime_lazy.c).
 */
var SOCKET = Symbol('WebSocket');
var CLOSE = Symbol('CloseEvent');

function requireNew(self, Ctor, name, args) {
    if (!(self instanceof Ctor)) {
        throw new TypeError("Failed to construct '" + name + "': Please use the 'new' operator.");
    }
    if (args.length < 1) {
        throw new TypeError("Failed to construct '" + name + "': 1 argument required, but only 0 present.");
    }
}

function CloseEvent(type, init) {
    requireNew(this, CloseEvent, 'CloseEvent', arguments);
    if (init === void 0 || init === null) {
        init = {};
    } else if (typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct 'CloseEvent': The provided value is not of type 'CloseEventInit'.");
    }
    Event.call(this, type, init);
    this[CLOSE] = {
        wasClean: !!init.wasClean,
        code: init.code === void 0 ? 0 : init.code & 0xffff,
        reason: init.reason === void 0 ? '' : String(init.reason)
    };
}
CloseEvent.prototype = Object.create(Event.prototype, {
    constructor: { value: CloseEvent, writable: true, configurable: true }
});
Object.setPrototypeOf(CloseEvent, Event);
['wasClean', 'code', 'reason'].forEach(function (field) {
    Object.defineProperty(CloseEvent.prototype, field, {
        get: function () {
            var fields = this !== null && typeof this === 'object' ? this[CLOSE] : void 0;
            if (!fields) {
                throw new TypeError('Illegal invocation: not a CloseEvent');
            }
            return fields[field];
        },
        enumerable: true, configurable: true
    });
});
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function socketState(self) {
    var state = self !== null && typeof self === 'object' ? self[SOCKET] : void 0;
    if (!state) {
        throw new TypeError('Illegal invocation: not a WebSocket');
    }
    return state;
}

function failSocket(socket, state) {
    if (state.failing) {
        return;
    }
    state.failing = true;
    global.setTimeout(function () {
        state.readyState = 3;
        native.log('warning', 'WebSocket connection to ' + state.url + ' failed: fcworker has no WebSocket client');
        socket.dispatchEvent(new Event('error'));
        socket.dispatchEvent(new CloseEvent('close', { wasClean: false, code: 1006, reason: '' }));
    }, 0);
}

function WebSocket(url, protocols) {
    var parsed;
    var what = "Failed to construct 'WebSocket': ";
    requireNew(this, WebSocket, 'WebSocket', arguments);
    try {
        parsed = new URL(String(url));
    } catch (e) {
        throw new native.DOMException(what + "The URL '" + String(url) + "' is invalid.", 'SyntaxError');
    }
    if (parsed.protocol === 'http:') {
        parsed.protocol = 'ws:';
    } else if (parsed.protocol === 'https:') {
        parsed.protocol = 'wss:';
    }
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
        throw new native.DOMException(what + "The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '" +
            parsed.protocol.slice(0, -1) + "' is not allowed.", 'SyntaxError');
    }
    if (parsed.hash !== '' || /#/.test(parsed.href)) {
        throw new native.DOMException(what + "The URL contains a fragment identifier ('" + parsed.hash +
            "'). Fragment identifiers are not allowed in WebSocket URLs.", 'SyntaxError');
    }
    var list = protocols === void 0 ? [] : typeof protocols === 'string' ? [protocols] :
        Array.prototype.slice.call(protocols === null || typeof protocols !== 'object' ? [protocols] : protocols);
    var seen = {};
    list.forEach(function (p) {
        p = String(p);
        if (!TOKEN.test(p) || seen.hasOwnProperty(p)) {
            throw new native.DOMException(what + "The subprotocol '" + p + "' is invalid or duplicated.", 'SyntaxError');
        }
        seen[p] = true;
    });
    EventTarget.call(this);
    this[SOCKET] = { url: parsed.href, readyState: 0, bufferedAmount: 0, binaryType: 'blob', failing: false };
    failSocket(this, this[SOCKET]);
}
WebSocket.prototype = Object.create(EventTarget.prototype, {
    constructor: { value: WebSocket, writable: true, configurable: true }
});
Object.setPrototypeOf(WebSocket, EventTarget);
['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (name, value) {
    Object.defineProperty(WebSocket, name, { value: value, enumerable: true });
    Object.defineProperty(WebSocket.prototype, name, { value: value, enumerable: true });
});
['url', 'readyState', 'bufferedAmount'].forEach(function (field) {
    Object.defineProperty(WebSocket.prototype, field, {
        get: function () { return socketState(this)[field]; },
        enumerable: true, configurable: true
    });
});
['extensions', 'protocol'].forEach(function (field) {
    Object.defineProperty(WebSocket.prototype, field, {
        get: function () { socketState(this); return ''; },
        enumerable: true, configurable: true
    });
});
Object.defineProperty(WebSocket.prototype, 'binaryType', {
    get: function () { return socketState(this).binaryType; },
    set: function (value) {
        var state = socketState(this);
        if (value === 'blob' || value === 'arraybuffer') {
            state.binaryType = value;
        }
    },
    enumerable: true, configurable: true
});
['open', 'message', 'error', 'close'].forEach(function (type) {
    native.defineEventHandler(WebSocket.prototype, type);
});
WebSocket.prototype.send = function send(data) {
    var state = socketState(this);
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'send' on 'WebSocket': 1 argument required, but only 0 present.");
    }
    if (state.readyState === 0) {
        throw new native.DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
            'InvalidStateError');
    }
    /* closing or closed: the data only counts in bufferedAmount */
    state.bufferedAmount += native.isBufferSource(data) ? native.toU8(data).length :
        data instanceof Blob ? data.size : new TextEncoder().encode(String(data)).length;
};
WebSocket.prototype.close = function close(code, reason) {
    var state = socketState(this);
    if (code !== void 0) {
        code = Number(code);
        if (!(code === 1000 || (code >= 3000 && code <= 4999)) || code !== Math.floor(code)) {
            throw new native.DOMException("Failed to execute 'close' on 'WebSocket': The code must be either 1000, " +
                'or between 3000 and 4999. ' + String(code) + ' is neither.', 'InvalidAccessError');
        }
    }
    if (reason !== void 0 && new TextEncoder().encode(String(reason)).length > 123) {
        throw new native.DOMException("Failed to execute 'close' on 'WebSocket': The close reason must not be " +
            'greater than 123 UTF-8 bytes.', 'SyntaxError');
    }
    if (state.readyState === 0) {
        state.readyState = 2;
    }
};

native.defineGlobal('CloseEvent', CloseEvent);
native.defineGlobal('WebSocket', WebSocket);
