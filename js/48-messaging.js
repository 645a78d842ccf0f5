// SPDX-License-Identifier: MIT
/*
 * Event types and in-process messaging: CustomEvent, ErrorEvent,
 * PromiseRejectionEvent and MessageEvent (DOM and HTML); reportError() and
 * the global scope's onerror / onunhandledrejection handlers and 'error' /
 * 'unhandledrejection' listeners, which see uncaught exceptions (microtasks,
 * timers, event listeners) and unhandled rejections before they are logged
 * (a handler that cancels the event keeps it out of the log); MessageChannel
 * and MessagePort, whose messages are structured clones (js/47-structured-clone.js, with
 * transfer of ArrayBuffers and ports) delivered one per macrotask; and
 * navigator.
 */
var PORT = Symbol('MessagePort');
var CHANNEL = Symbol('MessageChannel');
var EXTRA = Symbol('Event fields');
var creatingPort = false;
var dispatchingError = false;

function requireNew(self, Ctor, name) {
    if (!(self instanceof Ctor)) {
        throw new TypeError("Failed to construct '" + name + "': Please use the 'new' operator.");
    }
}

function requireType(args, name) {
    if (args.length < 1) {
        throw new TypeError("Failed to construct '" + name + "': 1 argument required, but only 0 present.");
    }
}

function initDict(init, name) {
    if (init === void 0 || init === null) {
        return {};
    }
    if (typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct '" + name + "': The provided value is not of type '" + name + "Init'.");
    }
    return init;
}

function extra(event, name) {
    var fields = event !== null && typeof event === 'object' ? event[EXTRA] : void 0;
    if (!fields) {
        throw new TypeError('Illegal invocation: not a ' + name);
    }
    return fields;
}

/* An Event subclass whose extra fields are read-only attributes. */
function defineEventType(Ctor, name, fields) {
    Ctor.prototype = Object.create(Event.prototype, {
        constructor: { value: Ctor, writable: true, configurable: true }
    });
    Object.setPrototypeOf(Ctor, Event);
    fields.forEach(function (field) {
        native.defineAccessor(Ctor.prototype, field, function () { return extra(this, name)[field]; }, void 0, 6);
    });
    native.defineGlobal(name, Ctor);
}

function CustomEvent(type, init) {
    requireNew(this, CustomEvent, 'CustomEvent');
    requireType(arguments, 'CustomEvent');
    init = initDict(init, 'CustomEvent');
    Event.call(this, type, init);
    this[EXTRA] = { detail: init.detail === void 0 ? null : init.detail };
}
defineEventType(CustomEvent, 'CustomEvent', ['detail']);
CustomEvent.prototype.initCustomEvent = function initCustomEvent(type, bubbles, cancelable, detail) {
    var fields = extra(this, 'CustomEvent');
    if (!native.reinitEvent(this, type, bubbles, cancelable)) {
        return;
    }
    fields.detail = detail === void 0 ? null : detail;
};

function ErrorEvent(type, init) {
    requireNew(this, ErrorEvent, 'ErrorEvent');
    requireType(arguments, 'ErrorEvent');
    init = initDict(init, 'ErrorEvent');
    Event.call(this, type, init);
    this[EXTRA] = {
        message: init.message === void 0 ? '' : String(init.message),
        filename: init.filename === void 0 ? '' : String(init.filename),
        lineno: init.lineno === void 0 ? 0 : init.lineno >>> 0,
        colno: init.colno === void 0 ? 0 : init.colno >>> 0,
        error: init.error === void 0 ? null : init.error
    };
}
defineEventType(ErrorEvent, 'ErrorEvent', ['message', 'filename', 'lineno', 'colno', 'error']);

function PromiseRejectionEvent(type, init) {
    requireNew(this, PromiseRejectionEvent, 'PromiseRejectionEvent');
    if (arguments.length < 2) {
        throw new TypeError("Failed to construct 'PromiseRejectionEvent': 2 arguments required, but only " +
            arguments.length + ' present.');
    }
    init = initDict(init, 'PromiseRejectionEvent');
    if (init.promise === void 0) {
        throw new TypeError("Failed to construct 'PromiseRejectionEvent': required member promise is undefined.");
    }
    if (init.promise === null || (typeof init.promise !== 'object' && typeof init.promise !== 'function')) {
        throw new TypeError("Failed to construct 'PromiseRejectionEvent': member promise is not an object.");
    }
    Event.call(this, type, init);
    this[EXTRA] = { promise: init.promise, reason: init.reason };
}
defineEventType(PromiseRejectionEvent, 'PromiseRejectionEvent', ['promise', 'reason']);

function MessageEvent(type, init) {
    var ports;
    requireNew(this, MessageEvent, 'MessageEvent');
    requireType(arguments, 'MessageEvent');
    init = initDict(init, 'MessageEvent');
    Event.call(this, type, init);
    ports = init.ports === void 0 ? [] : Array.prototype.slice.call(init.ports);
    ports.forEach(function (p) {
        if (!native.isMessagePort(p)) {
            throw new TypeError("Failed to construct 'MessageEvent': member ports contains a value that is not a MessagePort.");
        }
    });
    if (init.source !== void 0 && init.source !== null && !native.isMessagePort(init.source)) {
        throw new TypeError("Failed to construct 'MessageEvent': member source is not a MessagePort.");
    }
    this[EXTRA] = {
        data: init.data === void 0 ? null : init.data,
        origin: init.origin === void 0 ? '' : String(init.origin),
        lastEventId: init.lastEventId === void 0 ? '' : String(init.lastEventId),
        source: init.source === void 0 ? null : init.source,
        ports: Object.freeze(ports)
    };
}
defineEventType(MessageEvent, 'MessageEvent', ['data', 'origin', 'lastEventId', 'source', 'ports']);

/* ---- errors and rejections on the global scope ---- */

function globalListeners(type) {
    var all = native.globalListeners;
    return all && all[type] ? all[type].slice() : [];
}

/* Runs the global handler and listeners for event; true if one canceled it.
 * What they throw is logged, never reported again. */
function dispatchGlobal(event, handlerArgs) {
    var type = event.type, handler = global['on' + type], listeners = globalListeners(type), i, r;
    if (typeof handler !== 'function' && !listeners.length) {
        return false;
    }
    try {
        if (typeof handler === 'function') {
            r = handler.apply(global, handlerArgs || [event]);
            if (type === 'error' ? r === true : r === false) {
                event.preventDefault();
            }
        }
        for (i = 0; i < listeners.length; i++) {
            if (typeof listeners[i] === 'function') {
                listeners[i].call(global, event);
            } else if (listeners[i] && typeof listeners[i].handleEvent === 'function') {
                listeners[i].handleEvent(event);
            }
        }
    } catch (e) {
        native.reportError(e, 'uncaught exception in ' + type + ' handler');
    }
    return event.defaultPrevented;
}

function errorLocation(e) {
    var stack = e !== null && typeof e === 'object' && typeof e.stack === 'string' ? e.stack : '';
    var m = /\(?([^\s()]+):(\d+)(?::(\d+))?\)?\s*(?:\n|$)/.exec(stack.split('\n').slice(1).join('\n'));
    return m ? { filename: m[1], lineno: +m[2], colno: m[3] ? +m[3] : 0 } : { filename: '', lineno: 0, colno: 0 };
}

function errorMessage(e) {
    if (e !== null && typeof e === 'object' && e instanceof Error) {
        return 'Uncaught ' + (e.name || 'Error') + (e.message ? ': ' + e.message : '');
    }
    try {
        return 'Uncaught ' + String(e);
    } catch (e2) {
        return 'Uncaught exception';
    }
}

/* An uncaught exception: an 'error' event first, the log if not canceled. */
native.reportUncaught = function (e, what) {
    var where, event, canceled = false;
    if (!dispatchingError) {
        dispatchingError = true;
        try {
            where = errorLocation(e);
            event = new ErrorEvent('error', {
                cancelable: true, message: errorMessage(e), error: e,
                filename: where.filename, lineno: where.lineno, colno: where.colno
            });
            canceled = dispatchGlobal(event, [event.message, event.filename, event.lineno, event.colno, e]);
        } finally {
            dispatchingError = false;
        }
    }
    if (!canceled) {
        native.reportError(e, what);
    }
};

native.reportUnhandledRejection = function (promise, reason) {
    var event = new PromiseRejectionEvent('unhandledrejection', {
        cancelable: true, promise: promise, reason: reason
    });
    if (!dispatchGlobal(event)) {
        native.reportError(reason, 'Uncaught (in promise)');
    }
};

native.defineGlobal('reportError', function reportError(e) {
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'reportError': 1 argument required, but only 0 present.");
    }
    native.reportUncaught(e, 'Uncaught');
});
native.defineGlobal('onerror', null);
native.defineGlobal('onunhandledrejection', null);

/* ---- MessageChannel and MessagePort ---- */

function portState(port) {
    var state = port !== null && typeof port === 'object' ? port[PORT] : void 0;
    if (!state) {
        throw new TypeError('Illegal invocation: not a MessagePort');
    }
    return state;
}

native.isMessagePort = function (value) {
    return value !== null && typeof value === 'object' && !!value[PORT];
};

function MessagePort() {
    if (!creatingPort) {
        throw new TypeError("Failed to construct 'MessagePort': Illegal constructor");
    }
    EventTarget.call(this);
    this[PORT] = { port: this, partner: null, queue: [], started: false, closed: false, detached: false };
}
MessagePort.prototype = Object.create(EventTarget.prototype, {
    constructor: { value: MessagePort, writable: true, configurable: true }
});

function newPort() {
    var port;
    creatingPort = true;
    try {
        port = new MessagePort();
    } finally {
        creatingPort = false;
    }
    return port;
}

function deliverOne(state) {
    var message;
    if (!state.started || state.closed || state.detached || !state.queue.length) {
        return;
    }
    message = state.queue.shift();
    state.port.dispatchEvent(new MessageEvent('message', { data: message.data, ports: message.ports }));
}

function schedule(state) {
    global.setTimeout(deliverOne, 0, state);
}

MessagePort.prototype.postMessage = function postMessage(message, options) {
    var state = portState(this), transfer, result, ports, i, target;
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': 1 argument required, but only 0 present.");
    }
    if (Array.isArray(options)) {
        transfer = options;
    } else if (options !== void 0 && options !== null) {
        if (typeof options !== 'object') {
            throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': The provided value is not of type 'StructuredSerializeOptions'.");
        }
        transfer = options.transfer;
    }
    target = state.partner;
    if (transfer !== void 0 && transfer !== null && typeof transfer.length === 'number') {
        for (i = 0; i < transfer.length; i++) {
            if (transfer[i] === this || (target && transfer[i] === target.port)) {
                throw new native.DOMException("Failed to execute 'postMessage' on 'MessagePort': Port at index " + i +
                    ' is a source or target port.', 'DataCloneError');
            }
        }
    }
    if (state.detached) {
        return;
    }
    result = native.cloneWithTransfer(message, transfer);
    if (!target || state.closed || target.closed) {
        return;
    }
    ports = [];
    for (i = 0; i < result.list.length; i++) {
        if (native.isMessagePort(result.list[i])) {
            ports.push(result.transferred[i]);
        }
    }
    target.queue.push({ data: result.value, ports: ports });
    if (target.started) {
        schedule(target);
    }
};

MessagePort.prototype.start = function start() {
    var state = portState(this), i;
    if (state.started || state.detached) {
        return;
    }
    state.started = true;
    for (i = 0; i < state.queue.length; i++) {
        schedule(state);
    }
};

MessagePort.prototype.close = function close() {
    var state = portState(this);
    state.closed = true;
    state.queue = [];
    if (state.partner) {
        state.partner.partner = null;
        state.partner = null;
    }
};

native.defineEventHandler(MessagePort.prototype, 'message');
native.defineEventHandler(MessagePort.prototype, 'messageerror');
(function () {
    /* Setting onmessage starts the port, as HTML says. */
    var descriptor = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
    var set = descriptor.set;
    descriptor.set = function (value) {
        set.call(this, value);
        if (typeof value === 'function' || (typeof value === 'object' && value !== null)) {
            this.start();
        }
    };
    Object.defineProperty(MessagePort.prototype, 'onmessage', descriptor);
})();

native.checkTransferablePort = function (port) {
    var state = portState(port);
    if (state.detached || state.closed) {
        throw new native.DOMException('A MessagePort could not be transferred: it is ' +
            (state.detached ? 'already transferred.' : 'closed.'), 'DataCloneError');
    }
};

/* Moves port's entanglement and queued messages to a new port object; the
 * old one is left detached. */
native.transferPort = function (port) {
    var old = portState(port), fresh = newPort(), state = fresh[PORT];
    state.partner = old.partner;
    if (old.partner) {
        old.partner.partner = state;
    }
    state.queue = old.queue;
    old.queue = [];
    old.partner = null;
    old.detached = true;
    return fresh;
};

function MessageChannel() {
    var a, b;
    requireNew(this, MessageChannel, 'MessageChannel');
    a = newPort();
    b = newPort();
    a[PORT].partner = b[PORT];
    b[PORT].partner = a[PORT];
    this[CHANNEL] = { port1: a, port2: b };
}

['port1', 'port2'].forEach(function (name) {
    Object.defineProperty(MessageChannel.prototype, name, {
        get: function () {
            var ports = this !== null && typeof this === 'object' ? this[CHANNEL] : void 0;
            if (!ports) {
                throw new TypeError('Illegal invocation: not a MessageChannel');
            }
            return ports[name];
        },
        enumerable: true, configurable: true
    });
});

native.defineGlobal('MessagePort', MessagePort);
native.defineGlobal('MessageChannel', MessageChannel);

/* ---- navigator ----
 * userAgent is workerd's, "Cloudflare-Workers": libraries tell the runtime
 * by it (Hono's getRuntimeKey(), and so env(c) of hono/adapter, which
 * gives an unknown runtime {} instead of the bindings) and take their
 * Workers path, which is the one fcworker runs. */

function WorkerNavigator() {
    throw new TypeError("Failed to construct 'WorkerNavigator': Illegal constructor");
}
var navigator = Object.create(WorkerNavigator.prototype);
Object.defineProperties(WorkerNavigator.prototype, {
    userAgent: { value: 'Cloudflare-Workers', enumerable: true, configurable: true },
    hardwareConcurrency: { value: native.hardwareConcurrency(), enumerable: true, configurable: true },
    language: { value: 'en-US', enumerable: true, configurable: true },
    languages: { value: Object.freeze(['en-US']), enumerable: true, configurable: true }
});
native.defineGlobal('WorkerNavigator', WorkerNavigator);
native.defineGlobal('navigator', navigator);
