// SPDX-License-Identifier: MIT
/*
 * The global fetch() of the Fetch standard, as Workers implement it, over
 * the libcurl transfers of lib/fetch.c. A call builds a Request from its
 * arguments, reads a stream body to its end, and starts one transfer per
 * HTTP exchange; redirects are followed here (at most 20, with the
 * standard's method rewriting), so each hop is a new transfer. The promise
 * resolves when the response head arrives; the body is a ReadableStream
 * whose pull() grants the C side credit for more chunks (a high-water mark
 * of 0: nothing is read ahead of a reader, and at most limits.response_queue
 * chunks wait in the stream's queue). The stream is a runtime source's
 * (native.byteStreams.fromSource: pullBody, cancelBody and collectBody are
 * plain functions of the record, no closures per response), and a body
 * read whole by text(), json() or arrayBuffer() before anyone touched it
 * goes to one promise (collectBody) instead of through the stream, with
 * credit renewed per chunk. Records stay here, keyed by transfer id; C
 * only knows the ids.
 *
 * Hooks for the C side and the dispatcher:
 *   native.fetchHead(id, {status, statusText, headers}), native.fetchChunk(id,
 *   u8), native.fetchDone(id, null | message)   (called by lib/fetch.c);
 *   native.fetchReset()          the request ended: forget every transfer
 *                                and abort them (dispatch's resetRequest);
 *   native.fetchTransferOf(stream) -> transfer id, or -1 unless the stream is
 *                                the untouched body of a live fetch()
 *                                response (for fcw_fetch_pass_through);
 *   native.serviceFetch(input, init, target)  a service binding's fetch():
 *                                the same records over lib/fcgi_client.c;
 *   native.fetchStats()          counters for tests: the C side's plus
 *                                maxQueued, the most chunks a body stream's
 *                                queue ever held.
 */
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */
var REDIRECT_STATUSES = { 301: true, 302: true, 303: true, 307: true, 308: true };
var NULL_BODY_STATUSES = { 101: true, 103: true, 204: true, 205: true, 304: true };
var REQUEST_BODY_HEADERS = {
    'content-encoding': true, 'content-language': true, 'content-location': true, 'content-type': true,
    'content-length': true
};
var MAX_REDIRECTS = 20;
var transfers = {};
var nextId = 1;
var maxQueued = 0;

function FetchRecord(parts, promise) {
    this.id = 0;
    this.method = parts.method;
    this.url = parts.url;
    this.headers = parts.headers;
    this.body = null;
    this.redirect = parts.redirect;
    this.redirects = 0;
    this.promise = promise; /* fetch()'s, settled by respond() or fail() */
    this.controller = null;
    this.stream = null;
    this.bodyReader = null;
    this.collecting = null; /* the promise of the whole body (collectBody) */
    this.collected = null;
    this.collectedBytes = 0;
    this.delivered = 0;
    this.done = false;
    this.unregisterAbort = null;
    this.service = null; /* a service binding's FastCGI target (lib/fcgi_client.c) */
}

function demand(record, queued) {
    if (record.service !== null) {
        native.fcgiDemand(record.id, queued);
    } else {
        native.fetchDemand(record.id, queued);
    }
}

function abortTransfer(record) {
    if (record.service !== null) {
        native.fcgiAbort(record.id);
    } else {
        native.fetchAbort(record.id);
    }
}

/* The CGI view of a URL, for native.fcgiStart. */
function cgiParts(method, url) {
    var u = new global.URL(url);
    var https = u.protocol === 'https:';
    return {
        method: method, path: u.pathname, query: u.search.slice(1), host: u.host, hostname: u.hostname,
        port: u.port || (https ? '443' : '80'), https: https
    };
}

function finish(record) {
    record.done = true;
    if (transfers[record.id] === record) {
        delete transfers[record.id];
    }
    if (record.unregisterAbort !== null) {
        record.unregisterAbort();
        record.unregisterAbort = null;
    }
}

/* Ends a fetch with an error: the promise if no response was given yet,
 * else the response's body stream. */
function fail(record, error) {
    if (record.done) {
        return;
    }
    finish(record);
    if (record.controller !== null) {
        record.controller.error(error);
        if (record.collecting !== null) {
            native.rejectPromise(record.collecting, error);
            record.collecting = record.collected = null;
        }
    } else {
        native.rejectPromise(record.promise, error);
    }
}

function abortFetch(record, reason) {
    if (record.done) {
        return;
    }
    abortTransfer(record);
    if (record.bodyReader !== null) {
        record.bodyReader.cancel(reason).then(void 0, function () {});
    }
    fail(record, reason);
}

/* A request body stream is read to its end before the transfer starts
 * (startFetch starts one of bytes or none at once). */
function readRequestBody(record, body) {
    var Promise = global.Promise;
    var reader = record.bodyReader = body.getReader(), chunks = [], total = 0;
    return new Promise(function (resolve, reject) {
        function step(result) {
            if (result.done) {
                record.bodyReader = null;
                resolve(native.concatBytes(chunks, total));
                return;
            }
            if (!(0, instanceOf)(result.value, Uint8Array)) {
                var error = new TypeError('fetch failed: request body stream chunks must be Uint8Array');
                reader.cancel(error);
                reject(error);
                return;
            }
            chunks.push(result.value);
            total += result.value.length;
            reader.read().then(step, reject);
        }
        reader.read().then(step, reject);
    });
}

function start(record) {
    var id = nextId++;
    record.id = id;
    try {
        if (record.service !== null) {
            native.fcgiStart(id, record.service, cgiParts(record.method, record.url), record.headers, record.body);
        } else {
            native.fetchStart(id, record.method, record.url, record.headers, record.body);
        }
    } catch (e) {
        fail(record, e);
        return;
    }
    transfers[id] = record;
}

/* The chunks waiting in a body stream's queue (a byte stream's desiredSize
 * counts bytes, so the byte controller is asked). */
function queuedChunks(controller) {
    return native.byteStreams.queuedChunks(controller);
}

function bodyStream(record) {
    record.stream = native.byteStreams.fromSource(record, pullBody, cancelBody, collectBody);
    record.controller = native.byteStreams.controllerOf(record.stream);
    return record.stream;
}

function pullBody(record) {
    if (!record.done) {
        demand(record, queuedChunks(record.controller));
    }
}

function cancelBody(record) {
    if (!record.done) {
        abortTransfer(record);
        finish(record);
    }
}

/* The whole body for Body's text(), json() or arrayBuffer() of a response
 * nobody read (native.byteStreams.collectAll): chunks are kept as they
 * come, with credit renewed for each, and the promise settles at the end
 * (fetchDone, fail). */
function collectBody(record) {
    record.collecting = native.newPromise();
    record.collected = [];
    demand(record, 0);
    return record.collecting;
}

function firstHeader(flat, name) {
    for (var i = 0; i < flat.length; i += 2) {
        if (flat[i] === name) {
            return flat[i + 1];
        }
    }
    return null;
}

function withoutHeaders(flat, names) {
    var out = [];
    for (var i = 0; i < flat.length; i += 2) {
        if (!names.hasOwnProperty(flat[i].toLowerCase())) {
            out.push(flat[i], flat[i + 1]);
        }
    }
    return out;
}

function withoutFragment(url) {
    var hash = url.indexOf('#');
    return hash === -1 ? url : url.slice(0, hash);
}

/* Response.url and .redirected of a fetched response. */
function setResponseUrl(response, url, redirected) {
    native.setResponseUrl(response, withoutFragment(url), redirected);
}

/* Fetch "HTTP-redirect fetch" from step 3 on, for a response that was not
 * handed out. */
function followRedirect(record, status, location) {
    var URL = global.URL, next;
    try {
        next = new URL(location, record.url);
    } catch (e) {
        fail(record, new TypeError('fetch failed: invalid redirect location: ' + location));
        return;
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        fail(record, new TypeError('fetch failed: redirect to a URL that is not http(s): ' + next.href));
        return;
    }
    if (++record.redirects > MAX_REDIRECTS) {
        fail(record, new TypeError('fetch failed: too many redirects (more than ' + MAX_REDIRECTS + ')'));
        return;
    }
    if (((status === 301 || status === 302) && record.method === 'POST') ||
        (status === 303 && record.method !== 'GET' && record.method !== 'HEAD')) {
        record.method = 'GET';
        record.body = null;
        record.headers = withoutHeaders(record.headers, REQUEST_BODY_HEADERS);
    }
    if (new URL(record.url).origin !== next.origin) {
        record.headers = withoutHeaders(record.headers, { authorization: true });
    }
    if (next.hash === '') {
        next.hash = new URL(record.url).hash;
    }
    record.url = next.href;
    start(record);
}

function respond(record, head) {
    var nullBody = record.method === 'HEAD' || NULL_BODY_STATUSES.hasOwnProperty(head.status);
    var response;
    try {
        response = new global.Response(nullBody ? null : bodyStream(record),
            { status: head.status, statusText: head.statusText });
    } catch (e) {
        abortTransfer(record);
        record.controller = null;
        fail(record, new TypeError('fetch failed: the upstream response cannot be represented: ' + e.message));
        return;
    }
    response[native.HEADERS] = native.headersFromList(head.headers);
    setResponseUrl(response, record.url, record.redirects > 0);
    native.resolvePromise(record.promise, response);
}

native.fetchHead = function (id, head) {
    var record = transfers[id];
    if (record === void 0) {
        return;
    }
    var location = REDIRECT_STATUSES.hasOwnProperty(head.status) ? firstHeader(head.headers, 'location') : null;
    if (location === null || record.redirect === 'manual') {
        respond(record, head);
        return;
    }
    abortTransfer(record);
    delete transfers[id];
    if (record.redirect === 'error') {
        fail(record, new TypeError('fetch failed: the response redirected (' + head.status +
            ') and the request\'s redirect mode is "error"'));
        return;
    }
    followRedirect(record, head.status, location);
};

native.fetchChunk = function (id, chunk) {
    var record = transfers[id];
    if (record === void 0) {
        return;
    }
    if (record.controller === null) {
        demand(record, 0);
        return;
    }
    record.delivered++;
    if (record.collecting !== null) {
        if (chunk.length > 0) {
            record.collected.push(chunk);
            record.collectedBytes += chunk.length;
        }
        demand(record, 0);
        return;
    }
    if (chunk.length > 0) {
        record.controller.enqueue(chunk);
    }
    maxQueued = Math.max(maxQueued, queuedChunks(record.controller));
};

native.fetchDone = function (id, message) {
    var record = transfers[id];
    if (record === void 0) {
        return;
    }
    if (message !== null) {
        fail(record, new TypeError(message));
        return;
    }
    finish(record);
    if (record.controller !== null) {
        native.byteStreams.closeSource(record.controller);
    }
    if (record.collecting !== null) {
        native.resolvePromise(record.collecting, native.concatBytes(record.collected, record.collectedBytes));
        record.collecting = record.collected = null;
    }
};

native.fetchReset = function () {
    transfers = {};
    native.fetchClear();
    native.fcgiClear();
};

native.fetchTransferOf = function (stream) {
    for (var id in transfers) {
        var record = transfers[id];
        if (record.stream === stream && record.service === null && record.delivered === 0 && !native.readableStreamIsLocked(stream) &&
            !native.readableStreamIsDisturbed(stream)) {
            return record.id;
        }
    }
    return -1;
};

native.fetchStats = function () {
    var stats = native.fetchCounters();
    stats.maxQueued = maxQueued;
    return stats;
};

/* fetch(), or a service binding's fetch() when service is its FastCGI
 * target: redirects are then handed back as they are. The transfer starts
 * at once when the body is bytes or none, after a stream body was read
 * otherwise; an error thrown on the way rejects the promise. */
function startFetch(input, init, service) {
    var promise = native.newPromise(), record;
    try {
        var request = new global.Request(input, init);
        var parts = native.requestParts(request);
        var signal = parts.signal;
        record = new FetchRecord(parts, promise);
        if (service !== null) {
            record.service = service;
            record.redirect = 'manual';
        }
        if (signal && signal.aborted) {
            throw signal.reason;
        }
        if (!/^https?:/i.test(parts.url)) {
            throw new TypeError('fetch failed: only http and https URLs can be fetched: ' + parts.url);
        }
        if (signal) {
            record.unregisterAbort = native.addAbortAlgorithm(signal, function () {
                abortFetch(record, signal.reason);
            });
        }
    } catch (e) {
        native.rejectPromise(promise, e);
        return promise;
    }
    if (parts.body === null || (0, instanceOf)(parts.body, Uint8Array)) {
        record.body = parts.body;
        start(record);
    } else {
        readRequestBody(record, parts.body).then(function (bytes) {
            if (!record.done) {
                record.body = bytes;
                start(record);
            }
        }, function (e) {
            fail(record, e);
        });
    }
    return promise;
}

/* fetch.length is 1 (WebIDL counts required arguments), set below rather
 * than read through `arguments`: a function that mentions it makes an
 * arguments object at every call, about 7,000 instructions in Duktape. */
function fetch(input, init) {
    return startFetch(input, init, null);
}
Object.defineProperty(fetch, 'length', { value: 1 });

native.serviceFetch = startFetch;
native.defineGlobal('fetch', fetch);
