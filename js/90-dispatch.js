// SPDX-License-Identifier: MIT
/*
 * From a request to a response: the two handler styles of Workers
 * (`export default { fetch(request, env, ctx) }` and
 * `addEventListener('fetch', event => event.respondWith(...))`), the
 * context object (waitUntil, passThroughOnException), cron triggers
 * (scheduled(controller, env, ctx) and the 'scheduled' event), and writing the
 * Response out through the C natives respondHead/respondChunk/respondEnd,
 * a chunk at a time for stream bodies.
 */
var moduleExports = {};
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper) */
var listeners = { fetch: [], scheduled: [], error: [], unhandledrejection: [] };

/* The 'error' and 'unhandledrejection' listeners are called by
 * js/48-messaging.js. */
native.globalListeners = listeners;
var waitUntilCount = 0;
var requestSerial = 0;

native.setExports = function (exports) {
    moduleExports = exports;
};

/* What fcw_engine_load requires: a fetch or scheduled handler, or static
 * assets to serve. */
native.hasHandler = function () {
    var d = moduleExports['default'];
    return native.hasFetchHandler() || listeners.scheduled.length > 0 || native.assets !== void 0 ||
        (d !== null && typeof d === 'object' && typeof d.scheduled === 'function') ||
        (native.isEntrypointClass(d) && typeof d.prototype.scheduled === 'function');
};

native.hasFetchHandler = function () {
    var d = moduleExports['default'];
    return listeners.fetch.length > 0 || (d !== null && typeof d === 'object' && typeof d.fetch === 'function') ||
        (typeof d === 'function' && (!native.isEntrypointClass(d) || typeof d.prototype.fetch === 'function'));
};

native.defineGlobal('addEventListener', function addEventListener(type, listener) {
    type = String(type);
    if (listeners[type] === void 0) {
        native.log('warning', "addEventListener: event type '" + type + "' is never dispatched by fcworker");
        listeners[type] = [];
    }
    if (typeof listener === 'function' || (listener && typeof listener.handleEvent === 'function')) {
        if (listeners[type].indexOf(listener) < 0) {
            listeners[type].push(listener);
        }
    }
});

native.defineGlobal('removeEventListener', function removeEventListener(type, listener) {
    var list = listeners[String(type)];
    var i = list ? list.indexOf(listener) : -1;
    if (i >= 0) {
        list.splice(i, 1);
    }
});

function trackWaitUntil(serial, promise) {
    waitUntilCount++;
    native.waitUntilCount(waitUntilCount);
    Promise.resolve(promise).then(function () {
        (0, settleWaitUntil)(serial);
    }, function (e) {
        native.reportError(e, 'waitUntil promise rejected');
        (0, settleWaitUntil)(serial);
    });
}

/* waitUntil(promise) of the cloudflare:workers module: the current request's. */
native.waitUntilCurrent = function (promise) {
    (0, trackWaitUntil)(requestSerial, promise);
};

function settleWaitUntil(serial) {
    if (serial === requestSerial && waitUntilCount > 0) {
        waitUntilCount--;
        native.waitUntilCount(waitUntilCount);
    }
}

var kSerial = Symbol('serial');
var kResponded = Symbol('responded');

/* The `ctx` of fetch(request, env, ctx): methods on the prototype (no
 * closures per request); like workerd, they need their object. */
function ExecutionContext(serial) {
    this[kSerial] = serial;
}

function contextOf(self) {
    if (self === null || typeof self !== 'object' || typeof self[kSerial] !== 'number') {
        throw new TypeError('Illegal invocation');
    }
    return self;
}

ExecutionContext.prototype.waitUntil = function waitUntil(promise) {
    (0, trackWaitUntil)((0, contextOf)(this)[kSerial], promise);
};

ExecutionContext.prototype.passThroughOnException = function passThroughOnException() {
    (0, contextOf)(this);
    native.passThrough = true;
};

/* new ExecutionContext(serial), made at its size (native.recordMaker) */
var makeExecutionContext = native.recordMaker(ExecutionContext.prototype, [kSerial]);

function FetchEvent(request, serial) {
    this.type = 'fetch';
    this.request = request;
    this[kSerial] = serial;
    this[kResponded] = false;
}

FetchEvent.prototype.respondWith = function respondWith(response) {
    if ((0, contextOf)(this)[kResponded]) {
        throw new DOMException('respondWith() was already called', 'InvalidStateError');
    }
    this[kResponded] = true;
    (0, settle)(response);
};

FetchEvent.prototype.waitUntil = ExecutionContext.prototype.waitUntil;
FetchEvent.prototype.passThroughOnException = ExecutionContext.prototype.passThroughOnException;

function respondWithError(e) {
    native.reportError(e, 'uncaught exception in fetch handler');
    if (native.passThrough) {
        native.log('notice', 'passThroughOnException: there is no origin behind fcworker; answering 500');
    }
    native.respondError(500);
}

/* Reads the body stream chunk by chunk into the response. Each read is
 * chained from the previous step's callback, not returned from it, so no
 * chain of pending promises grows with the length of the stream. */
function writeStream(body) {
    var reader = body.getReader();
    function failed(e) {
        native.reportError(e, 'response body stream failed');
        native.respondAbort();
    }
    function step(result) {
        if (result.done) {
            native.respondEnd();
        } else if (!native.respondChunk(native.toU8(result.value))) {
            reader.cancel(new DOMException('the client went away', 'AbortError')).then(void 0, failed);
        } else {
            reader.read().then(step, failed);
        }
    }
    reader.read().then(step, failed);
}

/* A stream body: an untouched fetch() body goes from libcurl to the client
 * directly, anything else through JavaScript a chunk at a time. */
function sendStream(body) {
    var transfer = native.fetchTransferOf(body);
    if (transfer < 0 || !native.respondPassThrough(transfer)) {
        (0, writeStream)(body);
    }
}

function send(response) {
    if (!(0, instanceOf)(response, Response)) {
        throw new TypeError('the fetch handler must respond with a Response, got ' +
            (response === null ? 'null' : typeof response));
    }
    native.sendResponse(response, sendStream);
}

/* send, with its exception answered as an error. */
function sendOrFail(response) {
    try {
        (0, send)(response);
    } catch (e) {
        (0, respondWithError)(e);
    }
}

/* A Response returned as it is is sent at once; anything else is awaited:
 * a %Promise% (an async handler's) with one reaction and no promise after
 * it, anything else as Promise.resolve(result).then(send) would. */
function settle(result) {
    if ((0, instanceOf)(result, Response)) {
        try {
            native.sendResponse(result, sendStream);
        } catch (e) {
            (0, respondWithError)(e);
        }
        return;
    }
    if (!native.whenSettled(result, sendOrFail, respondWithError)) {
        Promise.resolve(result).then(send).then(void 0, respondWithError);
    }
}

native.dispatch = function (method, url, headers, body, httpProtocol, tlsVersion, tlsCipher) {
    requestSerial++;
    waitUntilCount = 0;
    native.passThrough = false;
    var request = native.makeRequest(method, url, headers, body, httpProtocol, tlsVersion, tlsCipher);
    var d = moduleExports['default'];
    var result;
    try {
        if (native.assets !== void 0) {
            result = native.assetsServe(request, native.hasFetchHandler());
            if (result !== null) {
                (0, settle)(result);
                return;
            }
        }
        if (d !== null && typeof d === 'object' && typeof d.fetch === 'function') {
            result = d.fetch(request, native.env, (0, makeExecutionContext)(requestSerial));
        } else if (native.isEntrypointClass(d)) {
            /* export default class extends WorkerEntrypoint: one instance per request */
            var entrypoint = new d((0, makeExecutionContext)(requestSerial), native.env);
            if (typeof entrypoint.fetch !== 'function') {
                throw new TypeError('the WorkerEntrypoint has no fetch() method');
            }
            result = entrypoint.fetch(request);
        } else if (typeof d === 'function') {
            result = d(request, native.env, (0, makeExecutionContext)(requestSerial));
        } else {
            var event = new FetchEvent(request, requestSerial);
            var list = listeners.fetch.slice();
            for (var i = 0; i < list.length; i++) {
                if (typeof list[i] === 'function') {
                    list[i].call(global, event);
                } else {
                    list[i].handleEvent(event);
                }
            }
            if (!event[kResponded]) {
                throw new Error('no fetch listener called event.respondWith()');
            }
            return;
        }
    } catch (e) {
        (0, respondWithError)(e);
        return;
    }
    (0, settle)(result);
};

var kCron = Symbol('cron');
var kTime = Symbol('scheduledTime');
var kNoRetry = Symbol('noRetry');

/* The controller of scheduled(controller, env, ctx): read-only cron and
 * scheduledTime, and noRetry(). */
function ScheduledController(cron, time) {
    this[kCron] = cron;
    this[kTime] = time;
    this[kNoRetry] = false;
}

function controllerOf(self) {
    if (self === null || typeof self !== 'object' || typeof self[kCron] !== 'string') {
        throw new TypeError('Illegal invocation');
    }
    return self;
}

Object.defineProperty(ScheduledController.prototype, 'cron', {
    get: function () { return (0, controllerOf)(this)[kCron]; }, enumerable: true, configurable: true
});
Object.defineProperty(ScheduledController.prototype, 'scheduledTime', {
    get: function () { return (0, controllerOf)(this)[kTime]; }, enumerable: true, configurable: true
});
ScheduledController.prototype.noRetry = function noRetry() {
    (0, controllerOf)(this)[kNoRetry] = true;
};

/* The event of addEventListener('scheduled', ...): the controller's fields,
 * noRetry() and waitUntil(). */
function ScheduledEvent(cron, time, serial) {
    ScheduledController.call(this, cron, time);
    this[kSerial] = serial;
}
ScheduledEvent.prototype = Object.create(ScheduledController.prototype);
ScheduledEvent.prototype.constructor = ScheduledEvent;
Object.defineProperty(ScheduledEvent.prototype, 'type', {
    get: function () { (0, controllerOf)(this); return 'scheduled'; }, enumerable: true, configurable: true
});
ScheduledEvent.prototype.waitUntil = ExecutionContext.prototype.waitUntil;

function scheduledOutcome(status, controller, text) {
    native.respond(status, '', ['content-type', 'text/plain; charset=utf-8',
        'x-fcw-no-retry', controller[kNoRetry] ? '1' : '0'], text + '\n');
}

/* A cron trigger (lib/respond.c calls this instead of dispatch for the
 * master's scheduled requests and fcworker --scheduled): runs the handler,
 * answers 200 once its promise settled, 500 when it threw or rejected. */
native.dispatchScheduled = function (cron, time) {
    requestSerial++;
    waitUntilCount = 0;
    var d = moduleExports['default'];
    var controller;
    var result;
    try {
        if (d !== null && typeof d === 'object' && typeof d.scheduled === 'function') {
            controller = new ScheduledController(cron, time);
            result = d.scheduled(controller, native.env, new ExecutionContext(requestSerial));
        } else if (native.isEntrypointClass(d) && typeof d.prototype.scheduled === 'function') {
            controller = new ScheduledController(cron, time);
            result = new d(new ExecutionContext(requestSerial), native.env).scheduled(controller);
        } else {
            controller = new ScheduledEvent(cron, time, requestSerial);
            var list = listeners.scheduled.slice();
            if (list.length === 0) {
                throw new Error('the worker has no scheduled handler: use \'export default { scheduled(controller, ' +
                    'env, ctx) { ... } }\' or addEventListener(\'scheduled\', ...)');
            }
            for (var i = 0; i < list.length; i++) {
                if (typeof list[i] === 'function') {
                    list[i].call(global, controller);
                } else {
                    list[i].handleEvent(controller);
                }
            }
        }
    } catch (e) {
        native.reportError(e, 'uncaught exception in scheduled handler');
        (0, scheduledOutcome)(500, controller || new ScheduledController(cron, time), 'exception');
        return;
    }
    Promise.resolve(result).then(function () {
        (0, scheduledOutcome)(200, controller, 'ok');
    }, function (e) {
        native.reportError(e, 'scheduled handler rejected');
        (0, scheduledOutcome)(500, controller, 'exception');
    });
};

native.resetRequest = function () {
    waitUntilCount = 0;
    requestSerial++;
    native.clearTimers();
    native.fetchReset();
    native.clearJobs();
};
