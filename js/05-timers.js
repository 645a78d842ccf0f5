// SPDX-License-Identifier: MIT
/*
 * setTimeout, setInterval, clearTimeout, clearInterval (HTML timers). The
 * callback and its arguments stay here, keyed by the timer's id; the C loop
 * only knows the id and calls native.fireTimer(id) when it is due. Ids start
 * at 1 and are never reused.
 */
var timers = {};
var nextId = 1;

function startTimer(handler, timeout, args, repeat) {
    var id = nextId++;
    var ms = Number(timeout);
    if (!(ms > 0)) {
        ms = 0;
    }
    if (typeof handler !== 'function') {
        var code = String(handler);
        handler = function () { (0, eval)(code); };
    }
    /* the async context current now is the callback's at every run */
    var context = native.asyncContextOn ? native.getAsyncContext() : void 0;
    timers[id] = { fn: handler, args: args, ms: ms, repeat: repeat, context: context,
        handle: native.setTimer(ms, id) };
    return id;
}

function restArgs(args) {
    return args.length > 2 ? Array.prototype.slice.call(args, 2) : null;
}

native.fireTimer = function (id) {
    var t = timers[id];
    if (t === void 0) {
        return;
    }
    if (t.repeat) {
        t.handle = native.setTimer(t.ms, id);
    } else {
        delete timers[id];
    }
    var contexts = native.asyncContextOn;
    var before = contexts ? native.setAsyncContext(t.context) : void 0;
    try {
        if (t.args === null) {
            t.fn();
        } else {
            t.fn.apply(void 0, t.args);
        }
    } catch (e) {
        native.reportUncaught(e, 'uncaught exception in timer callback');
    }
    if (contexts) {
        native.setAsyncContext(before);
    }
};

native.clearTimers = function () {
    timers = {};
};

function clearTimer(id) {
    var t = timers[id];
    if (t !== void 0) {
        native.clearTimer(t.handle);
        delete timers[id];
    }
}

native.defineGlobal('setTimeout', function setTimeout(handler, timeout) {
    return startTimer(handler, timeout, restArgs(arguments), false);
});
native.defineGlobal('setInterval', function setInterval(handler, timeout) {
    return startTimer(handler, timeout, restArgs(arguments), true);
});
native.defineGlobal('clearTimeout', function clearTimeout(id) {
    clearTimer(id);
});
native.defineGlobal('clearInterval', function clearInterval(id) {
    clearTimer(id);
});

/* scheduler.wait(delay, { signal }) as Workers has it: a promise fulfilled
 * with undefined after delay ms, rejected with the signal's reason when it
 * aborts first. */
function Scheduler() {
    throw new TypeError('Illegal constructor');
}
var schedulerWait = function wait(delay, options) {
    var signal = options !== null && typeof options === 'object' ? options.signal : void 0;
    return new Promise(function (resolve, reject) {
        if (signal !== void 0 && signal !== null) {
            if (typeof signal !== 'object' || typeof signal.addEventListener !== 'function') {
                throw new TypeError("Failed to execute 'wait' on 'Scheduler': member signal is not of type 'AbortSignal'.");
            }
            if (signal.aborted) {
                reject(signal.reason);
                return;
            }
        }
        var id;
        var onAbort = function () {
            clearTimer(id);
            reject(signal.reason);
        };
        id = startTimer(function () {
            if (signal !== void 0 && signal !== null) {
                signal.removeEventListener('abort', onAbort);
            }
            resolve(void 0);
        }, delay, null, false);
        if (signal !== void 0 && signal !== null) {
            signal.addEventListener('abort', onAbort);
        }
    });
};
Scheduler.prototype.wait = schedulerWait;
Object.defineProperty(Scheduler.prototype, 'wait', { enumerable: false });
native.defineGlobal('Scheduler', Scheduler);
native.defineGlobal('scheduler', Object.create(Scheduler.prototype));
