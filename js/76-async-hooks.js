// SPDX-License-Identifier: MIT
/*
 * The `node:async_hooks` module as Workers has it: AsyncLocalStorage (run,
 * exit, getStore, and the static bind and snapshot) and AsyncResource.
 * fcworker-build resolves an import of `node:async_hooks` (or
 * `async_hooks`) to this object, the hidden global __fcw_node_async_hooks.
 *
 * The async context is the promise core's (lib/duk_hooks.c): one value is
 * current at a time, a frame { storage, store, parent } of the stores set
 * by the run() calls around the code, or undefined. What continues later
 * runs in the context that was current when it was set up: a promise
 * reaction (then, await) in that of its then or await, a microtask or a
 * runtime job in that of its queueing, a timer's callback in that of its
 * setTimeout or setInterval. Until the first run() nothing is kept
 * (native.asyncContextOn, which native.startAsyncContext sets). As in Workers, there is no enterWith() and no
 * disable(); each request starts in no context.
 */
'use strict';

var getContext = native.getAsyncContext;
var setContext = native.setAsyncContext;
var slice = Array.prototype.slice;
var defineData = native.defineData;

function requireFunction(fn, name) {
    if (typeof fn !== 'function') {
        throw new TypeError('The "' + name + '" argument must be of type function. Received ' +
            (fn === null ? 'null' : typeof fn));
    }
}

/* fn.apply(thisArg, args) with frame the current context, the one before
 * it current again afterwards */
function runIn(frame, fn, thisArg, args) {
    var before = (0, setContext)(frame);
    try {
        return fn.apply(thisArg, args);
    } finally {
        (0, setContext)(before);
    }
}

function AsyncLocalStorage() {
    if (!(this instanceof AsyncLocalStorage)) {
        throw new TypeError("Class constructor AsyncLocalStorage cannot be invoked without 'new'");
    }
}

/* The store of this storage in the current context: the newest frame of
 * it, or undefined. */
AsyncLocalStorage.prototype.getStore = function getStore() {
    for (var frame = (0, getContext)(); frame !== void 0; frame = frame.parent) {
        if (frame.storage === this) {
            return frame.store;
        }
    }
    return void 0;
};

/* callback(...args) now, with store this storage's store in it and in what
 * it sets up to run later. */
AsyncLocalStorage.prototype.run = function run(store, callback) {
    requireFunction(callback, 'callback');
    if (!native.asyncContextOn) {
        native.startAsyncContext();
    }
    return runIn({ storage: this, store: store, parent: (0, getContext)() }, callback, void 0,
        arguments.length > 2 ? slice.call(arguments, 2) : []);
};

/* callback(...args) with this storage's store undefined (the other
 * storages' kept). */
AsyncLocalStorage.prototype.exit = function exit(callback) {
    requireFunction(callback, 'callback');
    var frame = (0, getContext)();
    if (frame !== void 0) {
        frame = { storage: this, store: void 0, parent: frame };
    }
    return runIn(frame, callback, void 0, arguments.length > 1 ? slice.call(arguments, 1) : []);
};

/* fn bound to the context current now: each call runs in it. */
AsyncLocalStorage.bind = function bind(fn) {
    requireFunction(fn, 'fn');
    var frame = (0, getContext)();
    return function () {
        return runIn(frame, fn, this, arguments);
    };
};

/* A function that calls its first argument with the rest in the context
 * current now. */
AsyncLocalStorage.snapshot = function snapshot() {
    var frame = (0, getContext)();
    return function (fn) {
        requireFunction(fn, 'fn');
        return runIn(frame, fn, void 0, slice.call(arguments, 1));
    };
};

var kFrame = native.hiddenSymbol('asyncResourceFrame');

/* An asynchronous resource: the context current at its construction, in
 * which runInAsyncScope and its bound functions run. */
function AsyncResource(type, options) {
    if (!(this instanceof AsyncResource)) {
        throw new TypeError("Class constructor AsyncResource cannot be invoked without 'new'");
    }
    if (typeof type !== 'string') {
        throw new TypeError('The "type" argument must be of type string. Received ' +
            (type === null ? 'null' : typeof type));
    }
    (0, defineData)(this, kFrame, (0, getContext)(), 0);
}

AsyncResource.prototype.runInAsyncScope = function runInAsyncScope(fn, thisArg) {
    requireFunction(fn, 'fn');
    return runIn(this[kFrame], fn, thisArg, arguments.length > 2 ? slice.call(arguments, 2) : []);
};

/* fn to run in this resource's context, with thisArg (when given) or the
 * call's own this. */
AsyncResource.prototype.bind = function bind(fn, thisArg) {
    requireFunction(fn, 'fn');
    var frame = this[kFrame];
    var fixed = arguments.length > 1 && thisArg !== void 0;
    var bound = function () {
        return runIn(frame, fn, fixed ? thisArg : this, arguments);
    };
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    Object.defineProperty(bound, 'asyncResource', { value: this, configurable: true, enumerable: true, writable: true });
    return bound;
};

AsyncResource.bind = function bind(fn, type, thisArg) {
    requireFunction(fn, 'fn');
    return new AsyncResource(typeof type === 'string' ? type : fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
};

var asyncHooksModule = { AsyncLocalStorage: AsyncLocalStorage, AsyncResource: AsyncResource };
native.defineGlobal('__fcw_node_async_hooks', asyncHooksModule);
