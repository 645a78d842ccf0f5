// SPDX-License-Identifier: MIT
/*
 * The Fetch standard's Response class, with Response.error(), .redirect()
 * and .json(). State lives in one record under a symbol; headers and body
 * under native.HEADERS / native.BODY (see 44-body.js).
 *
 * Entry points for the C side (all on the private `native` object):
 *   native.makeRequest(method, url, headers, bodyU8OrNull[, httpProtocol,
 *       tlsVersion, tlsCipher]) -> Request
 *       An incoming request from already-valid parts, without re-validation:
 *       headers is "name\0value\0..." or [name, value, ...]; a GET/HEAD
 *       body is dropped; request.cf holds the facts given. (45-request.js)
 *   native.sendResponse(response, writeStream) writes it out (90-dispatch.js):
 *       the headers sorted by lowercased name, values combined with ", "
 *       except set-cookie (one entry each); marks the body used; throws a
 *       TypeError for a body already used/locked.
 *   native.requestParts(request) -> {method, url, headers, body, redirect,
 *       signal}, the same shapes, for the outgoing fetch(). (45-request.js)
 *   native.headersList(headers), native.headersFromList(flat). (43-headers.js)
 */
var RESPONSE = Symbol('Response');
var BODY = native.BODY;
var HEADERS = native.HEADERS;
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper) */
var REDIRECT_STATUSES = { 301: true, 302: true, 303: true, 307: true, 308: true };
var REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;
var TEXT_TYPE = 'text/plain;charset=UTF-8';

/* The state record, made at its size (native.recordMaker). list is the
 * header list until .headers is asked for (headersOf); a Response has no
 * BODY when its body is null. */
var makeResponseState = native.recordMaker(Object.prototype,
    ['type', 'status', 'statusText', 'url', 'redirected', 'list']);

function responseState(status, statusText, list) {
    return (0, makeResponseState)('default', status, statusText, '', false, list);
}
var makeBodyState = native.makeBodyState;

/* A response's Headers, made on first use. */
function headersOf(response) {
    return response[HEADERS] || native.headersFromState(response, response[RESPONSE]);
}

/* WebIDL unsigned short conversion. */
function toUnsignedShort(value) {
    var n = Number(value);
    if (!isFinite(n)) {
        return 0;
    }
    n = (n < 0 ? Math.ceil(n) : Math.floor(n)) % 65536;
    return n < 0 ? n + 65536 : n;
}

/* The keys of a ResponseInit read from a Response, and the getters of
 * Response.prototype that answer them (set below). */
var INIT_KEYS = ['status', 'statusText', 'headers'], initGetters = null;
/* Response.prototype's mark, a hidden key (no Proxy trap sees it): a
 * plain init object, which lacks it, costs one look-up, not a call */
var INIT_MARK = native.hiddenSymbol('responseInit');

/* The state of init, a Response whose status, statusText and headers are
 * Response.prototype's getters (native.readsGetters) and whose status
 * and statusText an init may give; else undefined (an error response's
 * status 0 throws on the way that reads them). */
function responseInitState(init) {
    var state = native.readsGetters(init, Response.prototype, INIT_KEYS, initGetters) ? init[RESPONSE] : void 0;
    return state !== void 0 && state.status >= 200 && state.status <= 599 &&
        (state.statusText === '' || REASON_PHRASE.test(state.statusText)) ? state : void 0;
}

/* A copy of a state's header list (a flat array, or a string, see
 * native.headersFromState). */
function listCopy(list) {
    return typeof list !== 'string' ? list.slice() : list === '' ? [] : list.split('\0');
}

/* Fetch "initialize a response" with an extracted body or null. */
/* handOn: the body is no string (a stream, as `new Response(res.body, res)`
 * hands one on), which makes a Response init worth looking for. */
function initialize(response, init, extracted, what, handOn) {
    var status = 200, statusText = '', list, from;
    if (init === void 0 || init === null) {
        list = [];
    } else if (handOn === true && init[INIT_MARK] === true && (from = (0, responseInitState)(init)) !== void 0) {
        /* a Response handed on as the init (`new Response(res.body, res)`):
         * what its getters would answer, without making its Headers */
        status = from.status;
        statusText = from.statusText;
        list = init[HEADERS] ? native.headersInitList(init[HEADERS]) : (0, listCopy)(from.list);
    } else {
        if (typeof init !== 'object') {
            throw new TypeError(what + "The provided value is not of type 'ResponseInit'.");
        }
        var given = init.status;
        if (given !== void 0) {
            status = typeof given === 'number' && given >= 200 && given <= 599 && given % 1 === 0 ? given :
                (0, toUnsignedShort)(given);
            if (status < 200 || status > 599) {
                throw new RangeError(what + 'The status provided (' + status + ') is outside the range [200, 599].');
            }
        }
        var text = init.statusText;
        if (text !== void 0) {
            statusText = String(text);
            if (statusText !== '' && !REASON_PHRASE.test(statusText)) {
                throw new TypeError(what + 'Invalid statusText');
            }
        }
        var headers = init.headers;
        list = headers === void 0 ? [] : native.headersInitList(headers);
    }
    if (extracted !== null) {
        /* a null body status (without a number made a key) */
        if (status === 204 || status === 304 || status === 205 || status === 101 || status === 103) {
            throw new TypeError(what + 'Response with null body status cannot have body');
        }
        if (extracted.type !== null) {
            if (list.length === 0) {
                list = ['content-type', extracted.type];
            } else {
                native.listAppendDefault(list, 'content-type', extracted.type);
            }
        }
        response[BODY] = extracted;
    }
    response[RESPONSE] = (0, makeResponseState)('default', status, statusText, '', false, list);
}

function Response(body, init) {
    /* (new.target first: `new Response` needs no prototype walk; a
     * subclass's super() calls it without one, on an object of its own) */
    if (new.target === void 0 && !(this instanceof Response)) {
        throw new TypeError("Failed to construct 'Response': Please use the 'new' operator.");
    }
    if (typeof body === 'string' && init === void 0) {
        /* initialize's steps for the commonest case, `new Response(text)` */
        this[BODY] = (0, makeBodyState)(body, null, false, TEXT_TYPE);
        this[RESPONSE] = (0, makeResponseState)('default', 200, '', '', false, ['content-type', TEXT_TYPE]);
        return;
    }
    var text = typeof body === 'string';
    (0, initialize)(this, init, text ? (0, makeBodyState)(body, null, false, TEXT_TYPE) :
        (body === void 0 || body === null ? null : native.extractBody(body)), "Failed to construct 'Response': ", !text);
}

/* Makes a bare object with Response.prototype, more cheaply than Object.create. */
function BareResponse() {}

function stateOf(response) {
    var state = response && response[RESPONSE];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

/* (one function each: a getter of a shared function would look its name
 * up in a closure's scope at every read) */
function stateGetter(name, get) {
    Object.defineProperty(Response.prototype, name, { get: get, enumerable: true, configurable: true });
}
(0, stateGetter)('type', function () {
    var state = this !== null && this !== void 0 ? this[RESPONSE] : void 0;
    return (state || (0, stateOf)(this)).type;
});
(0, stateGetter)('status', function () {
    var state = this !== null && this !== void 0 ? this[RESPONSE] : void 0;
    return (state || (0, stateOf)(this)).status;
});
(0, stateGetter)('statusText', function () {
    var state = this !== null && this !== void 0 ? this[RESPONSE] : void 0;
    return (state || (0, stateOf)(this)).statusText;
});
(0, stateGetter)('url', function () {
    var state = this !== null && this !== void 0 ? this[RESPONSE] : void 0;
    return (state || (0, stateOf)(this)).url;
});
(0, stateGetter)('redirected', function () {
    var state = this !== null && this !== void 0 ? this[RESPONSE] : void 0;
    return (state || (0, stateOf)(this)).redirected;
});
Object.defineProperties(Response.prototype, {
    ok: {
        get: function () {
            var status = (0, stateOf)(this).status;
            return status >= 200 && status <= 299;
        },
        enumerable: true, configurable: true
    },
    headers: {
        get: function () { (0, stateOf)(this); return (0, headersOf)(this); }, enumerable: true, configurable: true
    }
});
native.mixinBody(Response.prototype, headersOf);
BareResponse.prototype = Response.prototype;
Response.prototype[INIT_MARK] = true;
initGetters = INIT_KEYS.map(function (key) {
    return Object.getOwnPropertyDescriptor(Response.prototype, key).get;
});

Response.prototype.clone = function clone() {
    var state = (0, stateOf)(this);
    if (native.bodyUnusable(this[BODY])) {
        throw new TypeError("Failed to execute 'clone' on 'Response': Response body is already used");
    }
    var copy = new BareResponse(), headers = this[HEADERS];
    /* headers nobody has asked for are still a list: the copy gets a copy
     * of the list (a string list is immutable), and neither makes Headers */
    var list = headers ? null : state.list;
    var record = (0, responseState)(state.status, state.statusText,
        list === null ? null : typeof list === 'string' ? list : list.slice());
    record.type = state.type;
    record.url = state.url;
    record.redirected = state.redirected;
    copy[RESPONSE] = record;
    if (list === null) {
        copy[HEADERS] = native.headersCopy(headers || (0, headersOf)(this));
    }
    copy[BODY] = native.cloneBody(this[BODY]);
    return copy;
};
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });

/* A fetched response's URL list (its last URL, without the fragment) and
 * whether it was redirected, in its state: the prototype's url and
 * redirected getters read them, and clone() copies them. */
native.setResponseUrl = function (response, url, redirected) {
    var state = response[RESPONSE];
    state.url = url;
    state.redirected = redirected;
};

Response.error = function error() {
    var response = Object.create(Response.prototype), state = (0, responseState)(0, '', []);
    state.type = 'error';
    response[RESPONSE] = state;
    return response;
};

Response.redirect = function redirect(url, status) {
    var location = native.parseUrl(url, "Failed to execute 'redirect' on 'Response': ");
    var code = status === void 0 ? 302 : (0, toUnsignedShort)(status);
    if (!REDIRECT_STATUSES.hasOwnProperty(code)) {
        throw new RangeError("Failed to execute 'redirect' on 'Response': Invalid status code");
    }
    var response = Object.create(Response.prototype);
    response[RESPONSE] = (0, responseState)(code, '', ['location', location]);
    return response;
};

Response.json = function json(data, init) {
    var text = JSON.stringify(data);
    if (text === void 0) {
        throw new TypeError("Failed to execute 'json' on 'Response': The data is not JSON serializable");
    }
    var response = new BareResponse();
    (0, initialize)(response, init, (0, makeBodyState)(text, null, false, 'application/json'),
        "Failed to execute 'json' on 'Response': ");
    return response;
};

/* Writes a Response out: at once through native.respond when its body is
 * not a stream (a string body is encoded by the C side), else the head and
 * then the stream through writeStream(stream), which the caller passes.
 * Throws a TypeError for a body already used. response must be a Response. */
native.sendResponse = function (response, writeStream) {
    var state = response[RESPONSE], bodyState = response[BODY], body = null;
    if (bodyState !== void 0 && bodyState !== null) {
        if (bodyState.stream === null && !bodyState.used) {
            body = bodyState.src;
            bodyState.used = true;
            bodyState.src = null;
        } else if (!bodyState.used && (body = native.takeStreamBytes(bodyState.stream)) !== null) {
            bodyState.used = true;
        } else {
            body = native.bodyBytesOrStream(response);
        }
    }
    /* one header or none is its own sorted-and-combined list */
    var headers = response[HEADERS];
    if (headers !== void 0) {
        headers = native.headersList(headers);
    } else {
        headers = state.list.length <= 2 ? state.list : native.headersSortList(state.list);
    }
    if (body === null || typeof body === 'string' || (0, instanceOf)(body, Uint8Array)) {
        native.respond(state.status, state.statusText, headers, body);
    } else {
        native.respondHead(state.status, state.statusText, headers, true);
        writeStream(body);
    }
};

native.defineGlobal('Response', Response);
