// SPDX-License-Identifier: MIT
/*
 * DOM events and aborting: DOMException (WebIDL), Event, EventTarget with
 * capture/once/passive/signal listener options, and AbortController /
 * AbortSignal including AbortSignal.abort(), .timeout() and .any().
 * For other runtime files: native.DOMException, native.createAbortSignal(),
 * native.signalAbort(signal, reason) and native.addAbortAlgorithm(signal, fn)
 * (fn runs once, before the 'abort' event, when the signal aborts; returns a
 * function that unregisters it).
 */
var EVENT = Symbol('Event');
var LISTENERS = Symbol('EventTarget.listeners');
var HANDLERS = Symbol('EventTarget.handlers');
var SIGNAL = Symbol('AbortSignal');
var CONTROLLER_SIGNAL = Symbol('AbortController.signal');
var creatingSignal = false;

var DOM_EXCEPTION_CODES = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
};

/* A DOMException has [[ErrorData]] (WebIDL: its instances are made as
 * Error instances are), which Error.isError asks for: its mark, a hidden
 * own property that native.errorData looks for (FCW_DOM_EXCEPTION_KEY,
 * lib/duk_hooks.h), set on the object the constructor makes, a
 * subclass's too. */
var DOM_EXCEPTION_DATA = native.hiddenSymbol('domException');

function DOMException(message, name) {
    if (new.target === void 0 && !(this instanceof DOMException)) {
        throw new TypeError("Failed to construct 'DOMException': Please use the 'new' operator.");
    }
    native.defineData(this, DOM_EXCEPTION_DATA, true, 0);
    var n = name === void 0 ? 'Error' : String(name);
    var m = message === void 0 ? '' : String(message);
    Object.defineProperties(this, {
        name: { value: n, configurable: true, writable: true },
        message: { value: m, configurable: true, writable: true },
        code: { value: DOM_EXCEPTION_CODES.hasOwnProperty(n) ? DOM_EXCEPTION_CODES[n] : 0, configurable: true },
        stack: { value: n + ': ' + m + '\n' + String(new Error().stack).replace(/^[^\n]*\n/, ''),
                 configurable: true, writable: true }
    });
}
DOMException.prototype = Object.create(Error.prototype, {
    constructor: { value: DOMException, writable: true, configurable: true }
});
DOMException.prototype.toString = function () {
    return this.message ? this.name + ': ' + this.message : this.name;
};
/* WebIDL's legacy code constants, DOMException.INDEX_SIZE_ERR to DATA_CLONE_ERR */
var DOM_EXCEPTION_CONSTANTS = [
    'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR', 'INVALID_CHARACTER_ERR',
    'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR',
    'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR',
    'INVALID_ACCESS_ERR', 'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR',
    'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR'
];
/* new properties { value, enumerable: true } (native.defineData's attrs:
 * 2 enumerable) */
for (var legacyCode = 1; legacyCode <= DOM_EXCEPTION_CONSTANTS.length; legacyCode++) {
    native.defineData(DOMException, DOM_EXCEPTION_CONSTANTS[legacyCode - 1], legacyCode, 2);
    native.defineData(DOMException.prototype, DOM_EXCEPTION_CONSTANTS[legacyCode - 1], legacyCode, 2);
}
native.DOMException = DOMException;

/* The clock of performance.now() (js/49-performance.js, loaded on first
 * use): Duktape's monotonic performance.now() from the runtime's start,
 * whose wall-clock time is performance.timeOrigin; Event.timeStamp and
 * console.time read it too. */
var monotonic = global.performance && typeof global.performance.now === 'function'
    ? global.performance.now.bind(global.performance) : Date.now;
var originMonotonic = monotonic();
native.timeOrigin = Date.now();
function now() {
    return monotonic() - originMonotonic;
}
native.highResNow = now;

function Event(type, init) {
    if (new.target === void 0 && !(this instanceof Event)) {
        throw new TypeError("Failed to construct 'Event': Please use the 'new' operator.");
    }
    if (arguments.length < 1) {
        throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
    }
    this[EVENT] = {
        type: String(type),
        bubbles: !!(init && init.bubbles),
        cancelable: !!(init && init.cancelable),
        composed: !!(init && init.composed),
        canceled: false,
        inPassiveListener: false,
        stopPropagation: false,
        stopImmediatePropagation: false,
        dispatching: false,
        target: null,
        currentTarget: null,
        eventPhase: 0,
        timeStamp: now()
    };
}

function eventState(event) {
    var state = event && event[EVENT];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

['type', 'bubbles', 'cancelable', 'composed', 'target', 'currentTarget', 'eventPhase', 'timeStamp'].forEach(function (name) {
    native.defineAccessor(Event.prototype, name, function () { return eventState(this)[name]; }, void 0, 6);
});
Object.defineProperties(Event.prototype, {
    srcElement: { get: function () { return eventState(this).target; }, enumerable: true, configurable: true },
    isTrusted: { get: function () { eventState(this); return false; }, enumerable: true, configurable: true },
    defaultPrevented: { get: function () { return eventState(this).canceled; }, enumerable: true, configurable: true },
    returnValue: {
        get: function () { return !eventState(this).canceled; },
        set: function (value) {
            if (!value) {
                this.preventDefault();
            }
        },
        enumerable: true, configurable: true
    },
    cancelBubble: {
        get: function () { return eventState(this).stopPropagation; },
        set: function (value) {
            if (value) {
                eventState(this).stopPropagation = true;
            }
        },
        enumerable: true, configurable: true
    }
});
['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'].forEach(function (name, value) {
    native.defineData(Event, name, value, 2); /* { value, enumerable: true }, new */
    native.defineData(Event.prototype, name, value, 2);
});

Event.prototype.preventDefault = function preventDefault() {
    var state = eventState(this);
    if (state.cancelable && !state.inPassiveListener) {
        state.canceled = true;
    }
};
Event.prototype.stopPropagation = function stopPropagation() {
    eventState(this).stopPropagation = true;
};
Event.prototype.stopImmediatePropagation = function stopImmediatePropagation() {
    var state = eventState(this);
    state.stopPropagation = state.stopImmediatePropagation = true;
};
Event.prototype.composedPath = function composedPath() {
    var state = eventState(this);
    return state.dispatching && state.currentTarget ? [state.currentTarget] : [];
};

function EventTarget() {
    /* (a call without new in this sloppy file gets the global object,
     * itself an EventTarget: that call throws too, as a constructor's) */
    if (new.target === void 0 && (!(this instanceof EventTarget) || this === global)) {
        throw new TypeError("Failed to construct 'EventTarget': Please use the 'new' operator.");
    }
    this[LISTENERS] = {};
}

function listenersOf(target) {
    if (!target || typeof target !== 'object') {
        throw new TypeError('Illegal invocation');
    }
    if (!target[LISTENERS]) {
        target[LISTENERS] = {};
    }
    return target[LISTENERS];
}

function flattenOptions(options) {
    return typeof options === 'object' && options !== null ? !!options.capture : !!options;
}

function findListener(list, callback, capture) {
    for (var i = 0; i < list.length; i++) {
        if (list[i].callback === callback && list[i].capture === capture) {
            return i;
        }
    }
    return -1;
}

function removeListenerEntry(target, type, entry) {
    var list = listenersOf(target)[type];
    var i = list ? list.indexOf(entry) : -1;
    entry.removed = true;
    if (i !== -1) {
        list.splice(i, 1);
    }
}

EventTarget.prototype.addEventListener = function addEventListener(type, callback, options) {
    var all = listenersOf(this);
    var object = typeof options === 'object' && options !== null ? options : null;
    var signal = object ? object.signal : void 0;
    if (signal !== void 0 && !(signal instanceof AbortSignal)) {
        throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': member signal is not of type 'AbortSignal'.");
    }
    if (callback === null || callback === void 0 || (signal && signal.aborted)) {
        return;
    }
    type = String(type);
    var capture = flattenOptions(options);
    var list = all.hasOwnProperty(type) ? all[type] : (all[type] = []);
    if (findListener(list, callback, capture) !== -1) {
        return;
    }
    var entry = {
        callback: callback, capture: capture, removed: false,
        once: !!(object && object.once), passive: !!(object && object.passive)
    };
    list.push(entry);
    if (signal) {
        var target = this;
        native.addAbortAlgorithm(signal, function () {
            removeListenerEntry(target, type, entry);
        });
    }
};

EventTarget.prototype.removeEventListener = function removeEventListener(type, callback, options) {
    var all = listenersOf(this);
    type = String(type);
    var list = all.hasOwnProperty(type) ? all[type] : null;
    var i = list ? findListener(list, callback, flattenOptions(options)) : -1;
    if (i !== -1) {
        list[i].removed = true;
        list.splice(i, 1);
    }
};

function invokeListener(target, event, state, entry) {
    if (entry.once) {
        removeListenerEntry(target, state.type, entry);
    }
    state.inPassiveListener = entry.passive;
    try {
        if (typeof entry.callback === 'function') {
            entry.callback.call(target, event);
        } else if (typeof entry.callback.handleEvent === 'function') {
            entry.callback.handleEvent(event);
        } else {
            throw new TypeError('listener has no handleEvent method');
        }
    } catch (e) {
        native.reportUncaught(e, 'uncaught exception in event listener');
    }
    state.inPassiveListener = false;
}

EventTarget.prototype.dispatchEvent = function dispatchEvent(event) {
    var all = listenersOf(this);
    if (!(event instanceof Event)) {
        throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
    }
    var state = eventState(event);
    if (state.dispatching) {
        throw new DOMException("Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched.", 'InvalidStateError');
    }
    state.dispatching = true;
    state.target = state.currentTarget = this;
    state.eventPhase = 2;
    var list = all.hasOwnProperty(state.type) ? all[state.type].slice() : [];
    for (var i = 0; i < list.length && !state.stopImmediatePropagation; i++) {
        if (!list[i].removed) {
            invokeListener(this, event, state, list[i]);
        }
    }
    state.dispatching = false;
    state.eventPhase = 0;
    state.currentTarget = null;
    state.stopPropagation = state.stopImmediatePropagation = false;
    return !state.canceled;
};

/* An on<type> event handler attribute: its listener is registered when it is
 * first set to a function, and later values replace the function it calls. */
function defineEventHandler(proto, type) {
    Object.defineProperty(proto, 'on' + type, {
        get: function () {
            var handlers = this[HANDLERS];
            return handlers && handlers.hasOwnProperty(type) ? handlers[type] : null;
        },
        set: function (value) {
            var handlers = this[HANDLERS] || (this[HANDLERS] = {});
            var callback = typeof value === 'function' || (typeof value === 'object' && value !== null) ? value : null;
            if (callback && !handlers.hasOwnProperty(type)) {
                var target = this;
                this.addEventListener(type, function (event) {
                    var handler = target[HANDLERS][type];
                    if (typeof handler === 'function') {
                        handler.call(target, event);
                    }
                });
            }
            handlers[type] = callback;
        },
        enumerable: true, configurable: true
    });
}

native.defineEventHandler = defineEventHandler;

/* initEvent's steps for the legacy init*Event methods: false while the
 * event is being dispatched (nothing changes then). */
native.reinitEvent = function (event, type, bubbles, cancelable) {
    var state = eventState(event);
    if (state.dispatching) {
        return false;
    }
    state.type = String(type);
    state.bubbles = !!bubbles;
    state.cancelable = !!cancelable;
    state.canceled = state.stopPropagation = state.stopImmediatePropagation = false;
    state.target = null;
    return true;
};

function AbortSignal() {
    if (!creatingSignal) {
        throw new TypeError("Failed to construct 'AbortSignal': Illegal constructor");
    }
    EventTarget.call(this);
    this[SIGNAL] = { aborted: false, reason: void 0, algorithms: [], dependent: false, sources: [], dependents: [] };
}
AbortSignal.prototype = Object.create(EventTarget.prototype, {
    constructor: { value: AbortSignal, writable: true, configurable: true }
});

function signalState(signal) {
    var state = signal && signal[SIGNAL];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

native.createAbortSignal = function () {
    creatingSignal = true;
    try {
        return new AbortSignal();
    } finally {
        creatingSignal = false;
    }
};

native.addAbortAlgorithm = function (signal, algorithm) {
    var state = signalState(signal);
    if (state.aborted) {
        return function () {};
    }
    state.algorithms.push(algorithm);
    return function () {
        var i = state.algorithms.indexOf(algorithm);
        if (i !== -1) {
            state.algorithms.splice(i, 1);
        }
    };
};

function runAbortSteps(signal) {
    var state = signal[SIGNAL], algorithms = state.algorithms;
    state.algorithms = [];
    for (var i = 0; i < algorithms.length; i++) {
        try {
            algorithms[i].call(signal, state.reason);
        } catch (e) {
            native.reportUncaught(e, 'uncaught exception in abort algorithm');
        }
    }
    signal.dispatchEvent(new Event('abort'));
}

/* DOM "signal abort": marks this signal and its not yet aborted dependents,
 * then runs the abort steps of each (the signal first). */
native.signalAbort = function (signal, reason) {
    var state = signalState(signal);
    if (state.aborted) {
        return;
    }
    state.aborted = true;
    state.reason = reason !== void 0 ? reason :
        new DOMException('signal is aborted without reason', 'AbortError');
    var toAbort = [];
    for (var i = 0; i < state.dependents.length; i++) {
        var dependent = state.dependents[i][SIGNAL];
        if (!dependent.aborted) {
            dependent.aborted = true;
            dependent.reason = state.reason;
            toAbort.push(state.dependents[i]);
        }
    }
    runAbortSteps(signal);
    toAbort.forEach(runAbortSteps);
};

Object.defineProperties(AbortSignal.prototype, {
    aborted: { get: function () { return signalState(this).aborted; }, enumerable: true, configurable: true },
    reason: { get: function () { return signalState(this).reason; }, enumerable: true, configurable: true }
});
defineEventHandler(AbortSignal.prototype, 'abort');

AbortSignal.prototype.throwIfAborted = function throwIfAborted() {
    var state = signalState(this);
    if (state.aborted) {
        throw state.reason;
    }
};

AbortSignal.abort = function abort(reason) {
    var signal = native.createAbortSignal();
    native.signalAbort(signal, reason);
    return signal;
};

AbortSignal.timeout = function timeout(milliseconds) {
    var ms = Number(milliseconds);
    if (!isFinite(ms) || ms < 0 || ms > 9007199254740991) {
        throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.");
    }
    var signal = native.createAbortSignal();
    global.setTimeout(function () {
        native.signalAbort(signal, new DOMException('signal timed out', 'TimeoutError'));
    }, Math.floor(ms));
    return signal;
};

function addSource(result, source) {
    var state = result[SIGNAL];
    if (state.sources.indexOf(source) === -1) {
        state.sources.push(source);
        source[SIGNAL].dependents.push(result);
    }
}

AbortSignal.any = function any(signals) {
    if (!signals || typeof signals.length !== 'number') {
        throw new TypeError("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.");
    }
    var list = Array.prototype.slice.call(signals), i;
    for (i = 0; i < list.length; i++) {
        signalState(list[i]);
    }
    var result = native.createAbortSignal();
    for (i = 0; i < list.length; i++) {
        if (list[i][SIGNAL].aborted) {
            var state = result[SIGNAL];
            state.aborted = true;
            state.reason = list[i][SIGNAL].reason;
            return result;
        }
    }
    result[SIGNAL].dependent = true;
    for (i = 0; i < list.length; i++) {
        var source = list[i][SIGNAL];
        if (source.dependent) {
            source.sources.forEach(function (s) { addSource(result, s); });
        } else {
            addSource(result, list[i]);
        }
    }
    return result;
};

function AbortController() {
    if (new.target === void 0 && !(this instanceof AbortController)) {
        throw new TypeError("Failed to construct 'AbortController': Please use the 'new' operator.");
    }
    this[CONTROLLER_SIGNAL] = native.createAbortSignal();
}

Object.defineProperty(AbortController.prototype, 'signal', {
    get: function () {
        if (!this || !this[CONTROLLER_SIGNAL]) {
            throw new TypeError('Illegal invocation');
        }
        return this[CONTROLLER_SIGNAL];
    },
    enumerable: true, configurable: true
});

AbortController.prototype.abort = function abort(reason) {
    native.signalAbort(this.signal, reason);
};

native.defineGlobal('DOMException', DOMException);
native.defineGlobal('Event', Event);
native.defineGlobal('EventTarget', EventTarget);
native.defineGlobal('AbortSignal', AbortSignal);
native.defineGlobal('AbortController', AbortController);

/* The global scope's classes, as workerd has them: the global object is a
 * ServiceWorkerGlobalScope, which extends WorkerGlobalScope, which extends
 * EventTarget (so `self instanceof WorkerGlobalScope` and `self instanceof
 * EventTarget` hold); of the two, only WorkerGlobalScope is a global, and
 * neither can be constructed. Code tells a worker that way: Prism then
 * registers itself as the global `Prism`, which its language files
 * extend. The global's own addEventListener and removeEventListener
 * (js/90-dispatch.js) come first. */
function globalScopeClass(name, parent) {
    var C = function () {
        throw new TypeError('Illegal constructor');
    };
    Object.defineProperty(C, 'name', { value: name, configurable: true });
    C.prototype = Object.create(parent.prototype, {
        constructor: { value: C, writable: true, enumerable: false, configurable: true }
    });
    Object.setPrototypeOf(C, parent);
    return C;
}

var WorkerGlobalScope = globalScopeClass('WorkerGlobalScope', EventTarget);
var ServiceWorkerGlobalScope = globalScopeClass('ServiceWorkerGlobalScope', WorkerGlobalScope);
Object.setPrototypeOf(global, ServiceWorkerGlobalScope.prototype);
native.defineGlobal('WorkerGlobalScope', WorkerGlobalScope);
