// SPDX-License-Identifier: MIT
/*
 * The Workers Cache API: the global `caches` (a CacheStorage) with
 * `caches.default` and `caches.open(name)`, each a Cache with match, put
 * and delete over the natives of lib/api_cache.c, whose SQLite store every
 * child of a pool shares. Keys are the request's URL without its fragment;
 * only GET requests are stored and matched (match and delete take
 * { ignoreMethod }). put() follows Cache-Control and Expires: s-maxage,
 * then max-age, then Expires set the expiry (none: kept until evicted);
 * no-store, private, an expiry already past and Set-Cookie are not stored;
 * a 206 response or Vary: * is a TypeError. The request headers a response
 * varies on are stored with it and must be equal for match to find it.
 * Bodies are written and read chunk by chunk; match resolves to a fresh
 * Response carrying cf-cache-status: HIT.
 */
'use strict';

var CACHE_NAME = Symbol('Cache');
var CHUNK_MAX = 64 * 1024;
var NULL_BODY = { 101: true, 204: true, 205: true, 304: true };

function Cache() {
    throw new TypeError('Illegal constructor');
}

function CacheStorage() {
    throw new TypeError('Illegal constructor');
}

function makeCache(name) {
    var cache = Object.create(Cache.prototype);
    Object.defineProperty(cache, CACHE_NAME, { value: name });
    return cache;
}

function nameOf(cache) {
    if (cache === null || typeof cache !== 'object' || typeof cache[CACHE_NAME] !== 'string') {
        throw new TypeError('Illegal invocation');
    }
    return cache[CACHE_NAME];
}

function toRequest(input) {
    return input instanceof Request ? input : new Request(input);
}

function keyOf(request) {
    var url = request.url;
    var hash = url.indexOf('#');
    return hash < 0 ? url : url.slice(0, hash);
}

function ignoreMethod(options) {
    return options !== null && typeof options === 'object' && !!options.ignoreMethod;
}

/* The comma-separated tokens of a header, lower case. */
function tokens(value) {
    if (value === null) {
        return [];
    }
    var parts = value.split(',');
    var out = [];
    for (var i = 0; i < parts.length; i++) {
        var t = parts[i].trim().toLowerCase();
        if (t !== '') {
            out.push(t);
        }
    }
    return out;
}

/* Cache-Control directives as { name: value-or-true }. */
function cacheControl(value) {
    var out = {};
    var list = tokens(value);
    for (var i = 0; i < list.length; i++) {
        var eq = list[i].indexOf('=');
        if (eq < 0) {
            out[list[i]] = true;
        } else {
            out[list[i].slice(0, eq).trim()] = list[i].slice(eq + 1).trim().replace(/^"|"$/g, '');
        }
    }
    return out;
}

function seconds(value) {
    return /^[0-9]+$/.test(value) ? +value : NaN;
}

/* When a response stops being fresh: ms since the epoch, null for never,
 * or a time already past for "not storable". */
function expiryOf(headers, now) {
    var cc = cacheControl(headers.get('cache-control'));
    if (cc['no-store'] || cc['private']) {
        return now;
    }
    var s = cc['s-maxage'] !== void 0 ? seconds(cc['s-maxage']) : NaN;
    if (s !== s && cc['max-age'] !== void 0) {
        s = seconds(cc['max-age']);
    }
    if (s === s) {
        return now + s * 1000;
    }
    if (cc['s-maxage'] !== void 0 || cc['max-age'] !== void 0) {
        return now; /* malformed: treated as stale */
    }
    var expires = headers.get('expires');
    if (expires !== null) {
        var t = native.spec.parseHttpDate(expires);
        return t === t ? t : now;
    }
    return null;
}

function headerList(headers) {
    var list = [];
    headers.forEach(function (value, name) {
        list.push([name, value]);
    });
    return list;
}

/* The request headers a response varies on: [[name, value-or-null]...]. */
function varyList(names, request) {
    var list = [];
    for (var i = 0; i < names.length; i++) {
        list.push([names[i], request.headers.get(names[i])]);
    }
    return list;
}

function varyMatches(stored, request) {
    for (var i = 0; i < stored.length; i++) {
        if (request.headers.get(stored[i][0]) !== stored[i][1]) {
            return false;
        }
    }
    return true;
}

function cachedBody(id, chunks) {
    var seq = 0;
    return new ReadableStream({
        pull: function (controller) {
            if (seq >= chunks) {
                controller.close();
                return;
            }
            var chunk = native.cacheRead(id, seq);
            seq++;
            if (chunk === void 0) {
                controller.error(new Error('Cache match failed: the entry was replaced while being read'));
                return;
            }
            controller.enqueue(chunk);
        }
    }, { highWaterMark: 0 });
}

function match(cache, request, options) {
    var name = nameOf(cache);
    var req = toRequest(request);
    if (req.method !== 'GET' && !ignoreMethod(options)) {
        return void 0;
    }
    var entry = native.cacheLookup(name, keyOf(req));
    if (entry === void 0) {
        return void 0;
    }
    if (!varyMatches(JSON.parse(entry[3]), req)) {
        return void 0;
    }
    var headers = new Headers(JSON.parse(entry[2]));
    headers.set('cf-cache-status', 'HIT');
    var status = entry[1];
    var body = NULL_BODY[status] ? null : cachedBody(entry[0], entry[4]);
    return new Response(body, { status: status, headers: headers });
}

/* Writes the body chunk by chunk under a new entry, then shows it. */
function store(name, key, response, vary, expires) {
    var id = native.cacheBegin(name, key, response.status, JSON.stringify(headerList(response.headers)),
        JSON.stringify(vary), expires);
    if (response.body === null) {
        native.cacheCommit(id);
        return void 0;
    }
    var reader = response.body.getReader();
    var seq = 0;
    function fail(e) {
        try {
            native.cacheAbort(id);
        } catch (ignored) {
            /* the first error is the one to report */
        }
        throw e;
    }
    function step(result) {
        if (result.done) {
            native.cacheCommit(id);
            return void 0;
        }
        var bytes = native.toU8(result.value);
        for (var off = 0; off < bytes.length; off += CHUNK_MAX) {
            native.cacheWrite(id, seq++, bytes.subarray(off, Math.min(bytes.length, off + CHUNK_MAX)));
        }
        return reader.read().then(step);
    }
    return reader.read().then(step).then(null, fail);
}

function put(cache, request, response) {
    var name = nameOf(cache);
    var req = toRequest(request);
    if (!(response instanceof Response)) {
        throw new TypeError("Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.");
    }
    if (req.method !== 'GET') {
        throw new TypeError('Cannot cache response to non-GET request.');
    }
    if (response.status === 206) {
        throw new TypeError('Cannot cache response to a range request (206 Partial Content).');
    }
    var varyNames = tokens(response.headers.get('vary'));
    if (varyNames.indexOf('*') >= 0) {
        throw new TypeError("Cannot cache response with 'Vary: *' header.");
    }
    if (response.bodyUsed) {
        throw new TypeError('Response body is already used');
    }
    var now = Date.now();
    var expires = expiryOf(response.headers, now);
    if ((expires !== null && expires <= now) || response.headers.has('set-cookie')) {
        return response.body === null ? void 0 : response.body.cancel().then(function () { return void 0; });
    }
    return store(name, keyOf(req), response, varyList(varyNames, req), expires);
}

function remove(cache, request, options) {
    var name = nameOf(cache);
    var req = toRequest(request);
    if (req.method !== 'GET' && !ignoreMethod(options)) {
        return false;
    }
    return native.cacheDelete(name, keyOf(req));
}

/* Runs fn now and returns its outcome as a promise (a throw rejects). */
function settle(fn, a, b, c) {
    try {
        return Promise.resolve(fn(a, b, c));
    } catch (e) {
        return Promise.reject(e);
    }
}

var methods = [
    ['match', function (request, options) { return settle(match, this, request, options); }, 1],
    ['put', function (request, response) { return settle(put, this, request, response); }, 2],
    ['delete', function (request, options) { return settle(remove, this, request, options); }, 1]
];
for (var i = 0; i < methods.length; i++) {
    native.spec.setNameAndLength(methods[i][1], methods[i][0], methods[i][2]);
    native.spec.defineHidden(Cache.prototype, methods[i][0], methods[i][1]);
}
Object.defineProperty(Cache.prototype, Symbol.toStringTag, { value: 'Cache', configurable: true });

var defaultCache = makeCache('');
var named = {};

function open(cacheName) {
    if (arguments.length < 1) {
        return Promise.reject(new TypeError("Failed to execute 'open' on 'CacheStorage': 1 argument required."));
    }
    var name;
    try {
        name = String(cacheName);
    } catch (e) {
        return Promise.reject(e);
    }
    if (name.length > 1024) {
        return Promise.reject(new TypeError('Cache name is too long.'));
    }
    if (!Object.prototype.hasOwnProperty.call(named, name)) {
        named[name] = makeCache('n:' + name);
    }
    return Promise.resolve(named[name]);
}
native.spec.setNameAndLength(open, 'open', 1);
native.spec.defineHidden(CacheStorage.prototype, 'open', open);
function getDefault() {
    if (!(this instanceof CacheStorage)) {
        throw new TypeError('Illegal invocation');
    }
    return defaultCache;
}
native.spec.setNameAndLength(getDefault, 'get default', 0);
Object.defineProperty(CacheStorage.prototype, 'default', { get: getDefault, enumerable: true, configurable: true });
Object.defineProperty(CacheStorage.prototype, Symbol.toStringTag, { value: 'CacheStorage', configurable: true });

native.defineGlobal('Cache', Cache);
native.defineGlobal('CacheStorage', CacheStorage);
native.defineGlobal('caches', Object.create(CacheStorage.prototype));
