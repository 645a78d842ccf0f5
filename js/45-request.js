// SPDX-License-Identifier: MIT
/*
 * The Fetch standard's Request class. State lives in one record under a
 * symbol; the headers and body under native.HEADERS / native.BODY (see
 * 44-body.js). The request's AbortSignal is created on first use: it follows
 * the signal given in init (or the input request's), via AbortSignal.any.
 * URLs are parsed with global.URL at call time (absolute URLs only; the string
 * is kept as given while no URL class exists). For the C side:
 *   native.makeRequest(method, url, headers, bodyU8OrNull[, httpProtocol,
 *       tlsVersion, tlsCipher]) -> Request
 *       from already-valid parts, without re-validation (a GET/HEAD body is
 *       dropped); headers is a flat [name, value, ...] array or the same
 *       joined with "\0" (split when first read); request.cf is an object
 *       made on first use with those of httpProtocol, tlsVersion and
 *       tlsCipher that are strings, and request.redirect "manual"; a body
 *       that is an empty Uint8Array gives an empty stream, null none;
 *   native.requestParts(request) -> {method, url, headers: flat array,
 *       body: null | Uint8Array | ReadableStream, redirect, signal: AbortSignal
 *       or null}, for the outgoing fetch(); marks the body used.
 */
var REQUEST = Symbol('Request');
var BODY = native.BODY;
var HEADERS = native.HEADERS;
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var NORMALIZED_METHODS = { DELETE: 'DELETE', GET: 'GET', HEAD: 'HEAD', OPTIONS: 'OPTIONS', POST: 'POST', PUT: 'PUT' };
var FORBIDDEN_METHODS = { CONNECT: true, TRACE: true, TRACK: true };
var ENUMS = {
    mode: ['same-origin', 'no-cors', 'cors', 'navigate'],
    credentials: ['omit', 'same-origin', 'include'],
    cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
    redirect: ['follow', 'error', 'manual'],
    referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
        'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'],
    duplex: ['half'],
    priority: ['high', 'low', 'auto']
};

function requestError(message) {
    return new TypeError("Failed to construct 'Request': " + message);
}

/* The state record: its own properties are the method, the URL and what
 * differs from the defaults on the prototype (two stores per request
 * instead of thirteen). */
function RequestState(method, url) {
    this.method = method;
    this.url = url;
}
RequestState.prototype = {
    mode: 'cors',
    credentials: 'same-origin',
    cache: 'default',
    redirect: 'follow',
    referrer: 'about:client',
    referrerPolicy: '',
    integrity: '',
    keepalive: false,
    parentSignal: null,
    signal: null,
    cf: void 0,
    facts: null, /* an incoming request's cf facts (native.makeRequest) */
    list: null /* an incoming request's header list until .headers is asked for */
};

/* A request's Headers: an incoming request's are made on first use. */
function headersOf(request) {
    return request[HEADERS] || native.headersFromState(request, request[REQUEST]);
}

function copyState(source) {
    var state = new RequestState(source.method, source.url);
    var keys = ['mode', 'credentials', 'cache', 'redirect', 'referrer', 'referrerPolicy', 'integrity', 'keepalive', 'cf'];
    for (var i = 0; i < keys.length; i++) {
        state[keys[i]] = source[keys[i]];
    }
    if (source.facts) {
        state.facts = source.facts;
    }
    return state;
}

function parseUrl(input, what, rejectCredentials) {
    var s = String(input), URL = global.URL;
    if (typeof URL !== 'function') {
        return s;
    }
    if (rejectCredentials) {
        /* without a URL object: its href, null if invalid, false if it
         * has credentials */
        var href = native.urlHref(s);
        if (typeof href === 'string') {
            return href;
        }
        throw new TypeError(what + (href === null ? 'Invalid URL: ' :
            'Request cannot be constructed from a URL that includes credentials: ') + s);
    }
    var parsed;
    try {
        parsed = new URL(s);
    } catch (e) {
        throw new TypeError(what + 'Invalid URL: ' + s);
    }
    if (rejectCredentials && (parsed.username || parsed.password)) {
        throw new TypeError(what + 'Request cannot be constructed from a URL that includes credentials: ' + s);
    }
    return parsed.href;
}

native.parseUrl = parseUrl;

function normalizeMethod(method) {
    var s = String(method);
    if (!TOKEN.test(s)) {
        throw (0, requestError)("'" + s + "' is not a valid HTTP method.");
    }
    var upper = s.toUpperCase();
    if (FORBIDDEN_METHODS.hasOwnProperty(upper)) {
        throw (0, requestError)("'" + s + "' HTTP method is unsupported.");
    }
    return NORMALIZED_METHODS.hasOwnProperty(upper) ? upper : s;
}

var ENUM_KEYS = Object.keys(ENUMS);

function applyEnums(state, init) {
    for (var i = 0; i < ENUM_KEYS.length; i++) {
        var key = ENUM_KEYS[i];
        if (init[key] !== void 0) {
            var value = String(init[key]);
            if (ENUMS[key].indexOf(value) === -1) {
                throw (0, requestError)("The provided value '" + value + "' is not a valid enum value of type Request" +
                    key.charAt(0).toUpperCase() + key.slice(1) + '.');
            }
            if (key !== 'duplex' && key !== 'priority') {
                state[key] = value;
            }
        }
    }
    if (state.mode === 'navigate') {
        throw (0, requestError)(
            "Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.");
    }
    if (state.cache === 'only-if-cached' && state.mode !== 'same-origin') {
        throw (0, requestError)("'only-if-cached' can be set only with 'same-origin' mode");
    }
}

function applyInit(state, init) {
    if (init.method !== void 0) {
        state.method = (0, normalizeMethod)(init.method);
    }
    (0, applyEnums)(state, init);
    if (init.referrer !== void 0) {
        state.referrer = String(init.referrer) === '' ? '' : 'about:client';
    }
    if (init.integrity !== void 0) {
        state.integrity = String(init.integrity);
    }
    if (init.keepalive !== void 0) {
        state.keepalive = !!init.keepalive;
    }
    if (init.signal !== void 0) {
        if (init.signal !== null && !(init.signal instanceof AbortSignal)) {
            throw (0, requestError)("member signal is not of type 'AbortSignal'.");
        }
        state.parentSignal = init.signal;
    }
    if (init.cf !== void 0) {
        state.cf = init.cf;
    }
}

/* The body: init.body when given and non-null, else the input request's,
 * which moves to the new request and leaves the input used. */
function takeBody(request, state, init, source) {
    var inputBody = source ? source[BODY] : null;
    var hasInitBody = init.body !== void 0 && init.body !== null;
    if ((hasInitBody || inputBody) && (state.method === 'GET' || state.method === 'HEAD')) {
        throw (0, requestError)('Request with GET/HEAD method cannot have body.');
    }
    if (hasInitBody) {
        var extracted = native.extractBody(init.body);
        if (extracted.type !== null) {
            native.headersAppendDefault((0, headersOf)(request), 'content-type', extracted.type);
        }
        return extracted;
    }
    if (!inputBody) {
        return null;
    }
    if (native.bodyUnusable(inputBody)) {
        throw (0, requestError)('Cannot construct a Request with a Request object that has already been used.');
    }
    var moved = { src: inputBody.src, stream: inputBody.stream, used: false };
    inputBody.used = true;
    inputBody.src = null;
    return moved;
}

function Request(input, init) {
    if (new.target === void 0 && !(this instanceof Request)) {
        throw new TypeError("Failed to construct 'Request': Please use the 'new' operator.");
    }
    /* input undefined rather than `arguments.length < 1`: mentioning
     * `arguments` makes an arguments object at every call in Duktape
     * (about 7,000 instructions); new Request(undefined) throws the same
     * TypeError */
    if (input === void 0) {
        throw (0, requestError)('1 argument required, but only 0 present.');
    }
    if (init !== void 0 && init !== null && typeof init !== 'object') {
        throw (0, requestError)("The provided value is not of type 'RequestInit'.");
    }
    var source = input instanceof Request ? input : null;
    var state = source ? (0, copyState)(source[REQUEST]) : new RequestState('GET', (0, parseUrl)(input, "Failed to construct 'Request': ", true));
    this[REQUEST] = state;
    if (source) {
        state.parentSignal = source.signal;
    }
    /* new Request(url) has nothing to apply and no body */
    if (source || init) {
        init = init || {};
        (0, applyInit)(state, init);
    }
    if (init && init.headers !== void 0) {
        this[HEADERS] = new Headers(init.headers);
    } else if (source) {
        this[HEADERS] = native.headersCopy((0, headersOf)(source));
    } else {
        state.list = ''; /* no headers: an empty Headers when asked for (headersOf) */
    }
    this[BODY] = source || init ? (0, takeBody)(this, state, init, source) : null;
}

function requestState(request) {
    var state = request && request[REQUEST];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

function signalOf(state) {
    if (!state.signal) {
        state.signal = state.parentSignal ? AbortSignal.any([state.parentSignal]) : native.createAbortSignal();
    }
    return state.signal;
}

function defineGetters(names) {
    names.forEach(function (name) {
        native.defineAccessor(Request.prototype, name, function () {
            var state = this !== null && this !== void 0 ? this[REQUEST] : void 0;
            return (state || (0, requestState)(this))[name];
        }, void 0, 6); /* enumerable, configurable */
    });
}
/* method and url, which every app reads, have getters of their own: a
 * getter of the shared function looks its name up in the closure's scope
 * at every read */
native.defineAccessor(Request.prototype, 'method', function () {
    var state = this !== null && this !== void 0 ? this[REQUEST] : void 0;
    return (state || (0, requestState)(this)).method;
}, void 0, 6);
native.defineAccessor(Request.prototype, 'url', function () {
    var state = this !== null && this !== void 0 ? this[REQUEST] : void 0;
    return (state || (0, requestState)(this)).url;
}, void 0, 6);
(0, defineGetters)(['mode', 'credentials', 'cache', 'redirect', 'referrer', 'referrerPolicy', 'integrity', 'keepalive']);

/* An incoming request's cf is made on first use, from what the front
 * server told (IncomingState's facts). */
var INCOMING_CF = {};
Object.defineProperty(Request.prototype, 'cf', {
    get: function () {
        var state = (0, requestState)(this);
        if (state.cf === INCOMING_CF) {
            var cf = {};
            if (state.facts !== null) {
                var names = ['httpProtocol', 'tlsVersion', 'tlsCipher'];
                for (var i = 0; i < 3; i++) {
                    if (typeof state.facts[i] === 'string') {
                        cf[names[i]] = state.facts[i];
                    }
                }
            }
            state.cf = cf;
        }
        return state.cf;
    },
    enumerable: true, configurable: true
});

function defineConstant(name, value) {
    Object.defineProperty(Request.prototype, name, {
        get: function () { (0, requestState)(this); return value; }, enumerable: true, configurable: true
    });
}
(0, defineConstant)('destination', '');
(0, defineConstant)('isReloadNavigation', false);
(0, defineConstant)('isHistoryNavigation', false);
(0, defineConstant)('duplex', 'half');

Object.defineProperties(Request.prototype, {
    headers: {
        get: function () { (0, requestState)(this); return (0, headersOf)(this); }, enumerable: true, configurable: true
    },
    signal: {
        get: function () { return (0, signalOf)((0, requestState)(this)); }, enumerable: true, configurable: true
    }
});
native.mixinBody(Request.prototype, headersOf);

Request.prototype.clone = function clone() {
    var state = (0, requestState)(this);
    if (native.bodyUnusable(this[BODY])) {
        throw new TypeError("Failed to execute 'clone' on 'Request': Request body is already used");
    }
    var copy = Object.create(Request.prototype), copyStateRecord = (0, copyState)(state);
    copyStateRecord.parentSignal = (0, signalOf)(state);
    copy[REQUEST] = copyStateRecord;
    copy[HEADERS] = native.headersCopy((0, headersOf)(this));
    copy[BODY] = native.cloneBody(this[BODY]);
    return copy;
};
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });

/* Makes a bare object with Request.prototype, more cheaply than Object.create. */
/* An incoming request's state: its defaults differ in cf and in redirect,
 * which is "manual" as in workerd, so that fetch(new Request(url, request))
 * relays an upstream's redirect to the client instead of following it. */
function IncomingState(method, url, list) {
    this.method = method;
    this.url = url;
    this.list = list;
}
IncomingState.prototype = Object.create(RequestState.prototype);
IncomingState.prototype.redirect = 'manual';
IncomingState.prototype.cf = INCOMING_CF;

/* The request and its state, made at their size (native.recordMaker). */
var makeIncomingState = native.recordMaker(IncomingState.prototype, ['method', 'url', 'list', 'facts']);
var makeIncomingRequest = native.recordMaker(Request.prototype, [REQUEST]);

native.makeRequest = function (method, url, headers, body, httpProtocol, tlsVersion, tlsCipher) {
    /* no HEADERS until asked for (headersOf), no BODY for none */
    var state = (0, makeIncomingState)(method, url, headers,
        httpProtocol !== void 0 || tlsVersion !== void 0 || tlsCipher !== void 0 ?
            [httpProtocol, tlsVersion, tlsCipher] : null);
    var request = (0, makeIncomingRequest)(state);
    if (body !== null && method !== 'GET' && method !== 'HEAD') {
        request[BODY] = { src: body, stream: null, used: false };
    }
    return request;
};

native.requestParts = function (request) {
    var state = (0, requestState)(request);
    return {
        method: state.method,
        url: state.url,
        headers: native.headersList((0, headersOf)(request)),
        body: native.bodyBytesOrStream(request),
        redirect: state.redirect,
        signal: state.signal || state.parentSignal
    };
};

native.defineGlobal('Request', Request);
