// SPDX-License-Identifier: MIT
/*
 * The runtime's foundation: how the other js/ files publish globals, the
 * microtask (job) queue that the C event loop drains after every macrotask,
 * and the buffer helpers every Web API part shares.
 */
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */
var jobs = [];

/* The queue itself, for the C side: it calls drainJobs only when the array
 * is not empty (the array is never replaced). */
native.jobQueue = jobs;

/* Duktape's partial Node.js Buffer (concat, isBuffer, byteLength and
 * compare; no from or alloc) is no global of Workers, which have Buffer
 * only with nodejs_compat, and then all of it: packages that find a Buffer
 * take their Node path (cbor-x calls Buffer.allocUnsafeSlow) and fail. */
delete global.Buffer;

/* (native.defineData: Object.defineProperty without the descriptor
 * object; attrs 1 writable, 2 enumerable, 4 configurable) */
native.defineGlobal = function (name, value) {
    native.defineData(global, name, value, 5);
};

native.enqueueJob = function (fn, arg) {
    jobs.push(fn, arg);
};

/* Once an async context has been set (AsyncLocalStorage's first run,
 * js/76-async-hooks.js), a job queued while one is current runs in it: it
 * is queued as the promise core's contextJob with [fn, arg, context]
 * (js/10-promise.js publishes these); and each request (or cron event)
 * starts in no context, whatever the one before left. Until then the plain
 * functions cost nothing more. */
native.asyncContextOn = false;
native.startAsyncContext = function () {
    if (native.asyncContextOn) {
        return;
    }
    native.asyncContextOn = true;
    var getContext = native.getAsyncContext, setContext = native.setAsyncContext, contextJob = native.contextJob;
    native.enqueueJob = function (fn, arg) {
        var context = (0, getContext)();
        if (context !== void 0) {
            jobs.push(contextJob, [fn, arg, context]);
        } else {
            jobs.push(fn, arg);
        }
    };
    ['dispatch', 'dispatchScheduled', 'resetRequest'].forEach(function (name) {
        var start = native[name];
        native[name] = function () {
            (0, setContext)(void 0);
            return start.apply(this, arguments);
        };
    });
};

/* native.drainJobs() is C (lib/engine.c): it runs the queued jobs, those
 * queued meanwhile included, until none is left; an exception in one is
 * reported and does not stop the others. */

/* Drops what is queued: used after a limit ended a request mid-flight. */
native.clearJobs = function () {
    jobs.length = 0;
};

native.errorText = function (e) {
    if (e && typeof e === 'object' && typeof e.stack === 'string') {
        return native.mapStack ? native.mapStack(e.stack) : e.stack;
    }
    try {
        return String(e);
    } catch (e2) {
        return Object.prototype.toString.call(e);
    }
};

native.reportError = function (e, what) {
    native.log('error', (what ? what + ': ' : '') + native.errorText(e));
};

/* An exception nobody caught: js/48-messaging.js replaces this with one
 * that dispatches an 'error' event on the global scope first. */
native.reportUncaught = function (e, what) {
    native.reportError(e, what);
};

native.isBufferSource = function (x) {
    return (0, instanceOf)(x, ArrayBuffer) || ArrayBuffer.isView(x) ||
        (typeof x === 'object' && x !== null && Object.prototype.toString.call(x) === '[object Uint8Array]');
};

native.toU8 = function (x) {
    if ((0, instanceOf)(x, Uint8Array)) {
        return x;
    }
    if ((0, instanceOf)(x, ArrayBuffer)) {
        return new Uint8Array(x);
    }
    if (ArrayBuffer.isView(x)) {
        return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    }
    throw new TypeError('not a BufferSource');
};

native.defineGlobal('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
        throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    }
    native.enqueueJob(callback, void 0);
});
