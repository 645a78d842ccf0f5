// SPDX-License-Identifier: MIT
/*
 * Promise and AggregateError (ECMAScript 2022, §27.2 and §20.5.7), which
 * Duktape 2.7 lacks. Observable ordering follows the spec exactly: reactions
 * and thenable adoption (NewPromiseResolveThenableJob) run as jobs queued with
 * native.enqueueJob. Species lookups are left out: `then` and `finally` always
 * derive a %Promise%. Internal slots live under Symbol keys; promises derived
 * by `then` are resolved directly, so the hot path creates no closures. The
 * host rejection tracker remembers rejected promises that have no handler;
 * native.reportUnhandledRejections() (called by the loop after draining jobs)
 * logs those still unhandled, once each.
 */
'use strict';

var PENDING = 0;
var FULFILLED = 1;
var REJECTED = 2;

var SELF = native.hiddenSymbol('promise');
var STATE = Symbol('promiseState');
var RESULT = Symbol('promiseResult');
var REACTIONS = Symbol('promiseReactions');
var HANDLED = Symbol('promiseIsHandled');

/* Rejected promises without a handler yet; the C side calls
 * reportUnhandledRejections only when this array is not empty (it is never
 * replaced). */
var unhandledCandidates = native.unhandledRejections = [];

/* The microtask queue itself (00-core.js: pairs of function and argument,
 * never replaced): reactions are queued by a push, without the call of
 * native.enqueueJob. */
var jobQueue = native.jobQueue;

function isPromise(x) {
    return x != null && x[SELF] === x;
}

/* All five slots at once, as makePromise's promises have them: the C
 * core finds each in place (and a frozen promise still settles). */
function initPromise(promise) {
    promise[SELF] = promise;
    promise[STATE] = PENDING;
    promise[RESULT] = void 0;
    promise[REACTIONS] = void 0;
    promise[HANDLED] = void 0;
}

/* A %Promise% created without an executor, for promises the runtime settles
 * itself: makePromise(0) (PENDING), its table allocated for all its slots
 * at once (native.recordMaker; defined below, once Promise.prototype is). */
var makePromise;

/* The promise core is C (lib/duk_hooks.c, native.promiseCore): FulfillPromise,
 * RejectPromise (with the host's rejection tracker: a promise rejected
 * without a handler becomes a candidate), the resolve function's steps,
 * PerformPromiseThen and the reaction job read and write the promise's
 * slots and the reaction records in place, where each access here is a
 * name lookup and a property access. A reaction record is { onFulfilled,
 * onRejected, target, capability, fulfilled, argument, next, context }
 * (context: the async context current at its making, js/76-async-hooks.js): each
 * fulfil/reject pair of the spec is one record, and when triggered the
 * record itself becomes the job's argument. The target is a %Promise% the
 * job settles directly, or an async function's run record (an `await`:
 * the job resumes the run through resumeAsync), or undefined with a
 * generic capability or none (native.whenSettled). Pending reactions are
 * kept newest first (a reaction's `next`); when triggered, each, oldest
 * first, gets `fulfilled` and `argument` and is queued. */
var core = native.promiseCore([SELF, STATE, RESULT, REACTIONS, HANDLED], jobQueue, unhandledCandidates,
    resolveThenableJob, resumeAsync, Promise, resumeAsync, asyncRejectedJob);
var fulfillPromise = core.fulfill;
/* the body of a promise's resolve function, once it is known to be its
 * first call (a thenable is adopted by a resolveThenableJob) */
var resolvePromise = core.resolve;
var rejectPromise = core.reject;
var performThen = core.performThen;
var awaitValue = core.awaitValue;
/* an async function's coroutine run that ended: its promise settled, its
 * thread kept for the next run */
var coResolve = core.coResolve, coReject = core.coReject;
/* The async context (js/76-async-hooks.js): each reaction keeps the one
 * current at its `then` or `await` and its job runs in it; so do the jobs
 * the core queues and those of native.enqueueJob (contextJob). */
native.getAsyncContext = core.getContext;
native.setAsyncContext = core.setContext;
native.contextJob = core.contextJob;

function resolveThenableJob(job) {
    if (job.then === promiseThen && (0, isPromise)(job.thenable)) {
        (0, performThen)(job.thenable, void 0, void 0, job.promise, void 0);
        return;
    }
    (0, callWithResolvingFunctions)(job.promise, job.then, job.thenable);
}

/* CreateResolvingFunctions, then calls fn with them as the executor and the
 * thenable job do; an exception from fn rejects the promise. */
function callWithResolvingFunctions(promise, fn, thisArg) {
    var alreadyResolved = false;
    var resolve = function (resolution) {
        "use duk notail"; /* no constructor (lib/duk_hooks.c) */
        if (!alreadyResolved) {
            alreadyResolved = true;
            (0, resolvePromise)(promise, resolution);
        }
    };
    var reject = function (reason) {
        "use duk notail";
        if (!alreadyResolved) {
            alreadyResolved = true;
            (0, rejectPromise)(promise, reason);
        }
    };
    try {
        fn.call(thisArg, resolve, reject);
    } catch (e) {
        reject(e);
    }
}

/* NewPromiseCapability(C) for an arbitrary constructor. */
function newPromiseCapability(C) {
    if (typeof C !== 'function') {
        throw new TypeError('Promise capability constructor is not a constructor');
    }
    var capability = { promise: void 0, resolve: void 0, reject: void 0 };
    var executor = function (resolve, reject) {
        if (capability.resolve !== void 0 || capability.reject !== void 0) {
            throw new TypeError('Promise executor has already been invoked with non-undefined arguments');
        }
        capability.resolve = resolve;
        capability.reject = reject;
    };
    capability.promise = new C(executor);
    if (typeof capability.resolve !== 'function' || typeof capability.reject !== 'function') {
        throw new TypeError('Promise resolve or reject function is not callable');
    }
    return capability;
}

function requireConstructorObject(C, method) {
    if (C === null || (typeof C !== 'object' && typeof C !== 'function')) {
        throw new TypeError('Promise.' + method + ' called on non-object');
    }
}

/* PromiseResolve(C, x) */
function promiseResolve(C, x) {
    if (x != null && x[SELF] === x && x.constructor === C) {
        return x;
    }
    if (C === Promise) {
        var promise = (0, makePromise)(0);
        (0, resolvePromise)(promise, x);
        return promise;
    }
    var capability = (0, newPromiseCapability)(C);
    var resolve = capability.resolve;
    resolve(x);
    return capability.promise;
}

/* A subclass's construction comes through Reflect.construct(Promise, args,
 * Subclass) (fcworker-build's class lowering), which Duktape runs as a
 * call on a new object of Subclass.prototype, without new.target: such an
 * object, not yet a promise, is accepted too. */
function Promise(executor) {
    if (new.target === void 0 && (!(this instanceof Promise) || this[SELF] !== void 0)) {
        throw new TypeError("Promise constructor cannot be invoked without 'new'");
    }
    if (typeof executor !== 'function') {
        throw new TypeError('Promise resolver ' + typeof executor + ' is not a function');
    }
    (0, initPromise)(this);
    (0, callWithResolvingFunctions)(this, executor, void 0);
}

makePromise = native.recordMaker(Promise.prototype, [STATE, RESULT, REACTIONS, HANDLED], SELF);

function promiseThen(onFulfilled, onRejected) {
    if (this == null || this[SELF] !== this) {
        throw new TypeError('Promise.prototype.then called on incompatible receiver');
    }
    var derived = (0, makePromise)(0);
    (0, performThen)(this, onFulfilled, onRejected, derived, void 0);
    return derived;
}

function promiseCatch(onRejected) {
    return this.then(void 0, onRejected);
}

function makeThenFinally(onFinally) {
    return function (value) {
        var result = onFinally();
        return (0, promiseResolve)(Promise, result).then(function () {
            return value;
        });
    };
}

function makeCatchFinally(onFinally) {
    return function (reason) {
        var result = onFinally();
        return (0, promiseResolve)(Promise, result).then(function () {
            throw reason;
        });
    };
}

function promiseFinally(onFinally) {
    if (this === null || (typeof this !== 'object' && typeof this !== 'function')) {
        throw new TypeError('Promise.prototype.finally called on non-object');
    }
    if (typeof onFinally !== 'function') {
        return this.then(onFinally, onFinally);
    }
    return this.then((0, makeThenFinally)(onFinally), (0, makeCatchFinally)(onFinally));
}

function resolve(x) {
    if (this === null || (typeof this !== 'object' && typeof this !== 'function')) {
        (0, requireConstructorObject)(this, 'resolve');
    }
    return (0, promiseResolve)(this, x);
}

/* A new %Promise% rejected with r (Promise.reject on %Promise%, and the
 * specs' "a promise rejected with"). */
function rejectedPromise(r) {
    var promise = (0, makePromise)(0);
    (0, rejectPromise)(promise, r);
    return promise;
}

function reject(r) {
    (0, requireConstructorObject)(this, 'reject');
    if (this === Promise) {
        return (0, rejectedPromise)(r);
    }
    var capability = (0, newPromiseCapability)(this);
    var rejectFn = capability.reject;
    rejectFn(r);
    return capability.promise;
}

/* Shared by the combinators: the spec's steps around Perform*: capability,
 * GetPromiseResolve, iteration (closing the iterator when a step throws)
 * and IfAbruptRejectPromise. `step(state, value)` handles one element and
 * `finish(state)` runs once the iterator is done. */
function combine(C, iterable, step, finish) {
    var capability = (0, newPromiseCapability)(C);
    try {
        var promiseResolveFn = C.resolve;
        if (typeof promiseResolveFn !== 'function') {
            throw new TypeError('Promise resolve is not a function');
        }
        var state = new CombinatorState(C, capability, promiseResolveFn);
        native.iterate(iterable, step, state);
        finish(state);
    } catch (e) {
        var rejectFn = capability.reject;
        rejectFn(e);
    }
    return capability.promise;
}

function CombinatorState(C, capability, promiseResolveFn) {
    this.C = C;
    this.capability = capability;
    this.promiseResolve = promiseResolveFn;
    this.list = [];
    this.remaining = 1;
    this.index = 0;
}

function nextPromiseOf(state, value) {
    return state.promiseResolve.call(state.C, value);
}

/* Settles the capability with the list once every element has reported. */
function finishList(state) {
    state.remaining -= 1;
    if (state.remaining === 0) {
        var resolveFn = state.capability.resolve;
        return resolveFn(state.list);
    }
    return void 0;
}

function finishAny(state) {
    state.remaining -= 1;
    if (state.remaining === 0) {
        var error = new AggregateError(state.list, 'All promises were rejected');
        var rejectFn = state.capability.reject;
        return rejectFn(error);
    }
    return void 0;
}

/* Promise.all / allSettled / any element functions. */
function makeElementFunction(state, index, alreadyCalled, kind) {
    return function (x) {
        if (alreadyCalled.value) {
            return void 0;
        }
        alreadyCalled.value = true;
        if (kind === 'fulfilled') {
            state.list[index] = { status: 'fulfilled', value: x };
        } else if (kind === 'rejected') {
            state.list[index] = { status: 'rejected', reason: x };
        } else {
            state.list[index] = x;
        }
        return kind === 'any' ? (0, finishAny)(state) : (0, finishList)(state);
    };
}

function allStep(state, value) {
    var index = state.index;
    state.list.push(void 0);
    var nextPromise = (0, nextPromiseOf)(state, value);
    var onFulfilled = (0, makeElementFunction)(state, index, { value: false }, 'all');
    state.remaining += 1;
    nextPromise.then(onFulfilled, state.capability.reject);
    state.index = index + 1;
}

function allSettledStep(state, value) {
    var index = state.index;
    state.list.push(void 0);
    var nextPromise = (0, nextPromiseOf)(state, value);
    var alreadyCalled = { value: false };
    var onFulfilled = (0, makeElementFunction)(state, index, alreadyCalled, 'fulfilled');
    var onRejected = (0, makeElementFunction)(state, index, alreadyCalled, 'rejected');
    state.remaining += 1;
    nextPromise.then(onFulfilled, onRejected);
    state.index = index + 1;
}

function anyStep(state, value) {
    var index = state.index;
    state.list.push(void 0);
    var nextPromise = (0, nextPromiseOf)(state, value);
    var onRejected = (0, makeElementFunction)(state, index, { value: false }, 'any');
    state.remaining += 1;
    nextPromise.then(state.capability.resolve, onRejected);
    state.index = index + 1;
}

function raceStep(state, value) {
    (0, nextPromiseOf)(state, value).then(state.capability.resolve, state.capability.reject);
}

function finishNothing() {
    return void 0;
}

function all(iterable) {
    return (0, combine)(this, iterable, allStep, finishList);
}

function allSettled(iterable) {
    return (0, combine)(this, iterable, allSettledStep, finishList);
}

function any(iterable) {
    return (0, combine)(this, iterable, anyStep, finishAny);
}

function race(iterable) {
    return (0, combine)(this, iterable, raceStep, finishNothing);
}

function AggregateError(errors, message, options) {
    var proto = new.target !== void 0 && new.target.prototype !== null &&
        typeof new.target.prototype === 'object' ? new.target.prototype : AggregateError.prototype;
    var error = new Error(message);
    Object.setPrototypeOf(error, proto);
    if (options !== null && typeof options === 'object' && 'cause' in options) {
        (0, defineHidden)(error, 'cause', options.cause);
    }
    (0, defineHidden)(error, 'errors', native.iterableToList(errors));
    return error;
}

/* Object.defineProperty(target, key, { value, writable: true,
 * enumerable: false, configurable: true }), without the descriptor object
 * (native.defineData's attrs: 1 writable, 2 enumerable, 4 configurable) */
function defineHidden(target, key, value) {
    native.defineData(target, key, value, 5);
}

function setFunctionProps(fn, name, length) {
    native.defineData(fn, 'name', name, 4);
    native.defineData(fn, 'length', length, 4);
}

function defineMethods(target, methods) {
    Object.keys(methods).forEach(function (name) {
        (0, defineHidden)(target, name, methods[name]);
    });
}

(0, setFunctionProps)(promiseThen, 'then', 2);
(0, setFunctionProps)(promiseCatch, 'catch', 1);
(0, setFunctionProps)(promiseFinally, 'finally', 1);
(0, setFunctionProps)(AggregateError, 'AggregateError', 2);

(0, defineMethods)(Promise.prototype, {
    constructor: Promise, then: promiseThen, 'catch': promiseCatch, 'finally': promiseFinally
});
Object.defineProperty(Promise.prototype, Symbol.toStringTag, {
    value: 'Promise', writable: false, enumerable: false, configurable: true
});
(0, defineMethods)(Promise, {
    all: all, allSettled: allSettled, any: any, race: race, reject: reject, resolve: resolve
});
Object.defineProperty(Promise, 'prototype', { writable: false });

Object.setPrototypeOf(AggregateError, Error);
AggregateError.prototype = Object.create(Error.prototype);
(0, defineMethods)(AggregateError.prototype, {
    constructor: AggregateError, name: 'AggregateError', message: ''
});
Object.defineProperty(AggregateError, 'prototype', { writable: false });

/* Async functions as fcworker-build lowers them: SWC turns the body into a
 * generator-like object (`next(value)`/`throw(reason)` returning
 * `{ value, done }`, an `await` yielding the awaited value) and wraps it
 * with its `_async_to_generator` helper, which the build swaps for
 * native.asyncFunction when the runtime has it. Each call gets a %Promise%
 * and a run record, the target of every `await`'s reaction (so an await
 * costs one reaction, without the helper's executor, resolving functions,
 * closures and a derived promise per step). The run is a plain record
 * { generator, promise, argument } (a literal: no constructor call, and no [SELF],
 * which tells it from a %Promise% target). As the spec's Await, the
 * awaited value goes through PromiseResolve(%Promise%) and
 * PerformPromiseThen without looking up `then` on it; the jobs are those of
 * the helper, so the order of reactions is unchanged. */
/* The next/throw methods of js/15-build-helpers.js's lowered generators
 * and the function behind them: an async function's steps call that
 * directly (one call less per step) when the generator has them. */
var loweredNext, loweredThrow, loweredResume;
/* and those of its coroutines: their next, and the function behind it */
var coNext, coResume, coStarter;
var Thread = global.Duktape.Thread;
var threadResume = Thread.resume;

native.setCoroutines = function (next, resume, starter) {
    coNext = next;
    coResume = resume;
    coStarter = starter;
    core.setCoroutines(makeCoRun, starter);
};

native.setLoweredGenerator = function (next, thrw, resume) {
    loweredNext = next;
    loweredThrow = thrw;
    loweredResume = resume;
};

function resumeAsync(run, fulfilled, value) {
    var result, done;
    if (fulfilled === void 0) {
        /* the job of an await whose value was fulfilled already (the C
         * core's awaitValue queues this function with the run alone):
         * the value waits in the run's argument */
        value = run.argument;
        run.argument = void 0;
        fulfilled = true;
    }
    try {
        var generator = run.generator;
        var info, method;
        if (generator === null) {
            /* the run is its own coroutine (native.coAsync, which starts
             * it): coResume's steps for a suspended run here, one call
             * less per step; the other cases (a run resumed while it
             * runs) are coResume's */
            if (run.status === 1 /* SUSPENDED */) {
                run.status = 3 /* RUNNING */;
                result = (0, threadResume)(run.thread, value, !fulfilled);
                if (run.status === 3) {
                    run.status = 1;
                }
            } else {
                result = (0, coResume)(run, fulfilled ? 0 /* NEXT */ : 1 /* THROW */, value);
            }
            done = run.status === 2 /* COMPLETED */;
        } else if ((method = generator.next) === coNext) {
            result = (0, coResume)(generator, fulfilled ? 0 /* NEXT */ : 1 /* THROW */, value);
            done = generator.status === 2 /* COMPLETED */;
        } else if (fulfilled) {
            info = method === loweredNext ? (0, loweredResume)(generator, [0 /* NEXT */, value]) :
                method.call(generator, value);
        } else {
            method = generator['throw'];
            info = method === loweredThrow ? (0, loweredResume)(generator, [1 /* THROW */, value]) :
                method.call(generator, value);
        }
        if (info !== void 0) {
            result = info.value;
            done = info.done;
        }
    } catch (e) {
        if (generator === null) {
            (0, coReject)(run, e); /* its thread is kept for the next run */
        } else {
            (0, rejectPromise)(run.promise, e);
        }
        return;
    }
    if (done) {
        if (generator === null) {
            (0, coResolve)(run, result);
        } else {
            (0, resolvePromise)(run.promise, result);
        }
        return;
    }
    /* Await: PromiseResolve(%Promise%, result), then PerformPromiseThen
     * with the run as the target; a settled value queues the run itself
     * (the C core's awaitValue) */
    (0, awaitValue)(run, result);
}

/* The job of an await whose promise was rejected already (a fulfilled
 * one's job is resumeAsync itself). */
function asyncRejectedJob(run) {
    var value = run.argument;
    run.argument = void 0;
    (0, resumeAsync)(run, false, value);
}

native.asyncFunction = function asyncFunction(fn) {
    return function () {
        "use duk notail";
        var promise = (0, makePromise)(0);
        var generator;
        try {
            generator = fn.apply(this, arguments);
        } catch (e) {
            (0, rejectPromise)(promise, e);
            return promise;
        }
        (0, resumeAsync)({ generator: generator, promise: promise, argument: void 0 }, true, void 0);
        return promise;
    };
};

/* An async function's body on a coroutine (fcworker-build's default
 * `_fcw_co_async(thisArg, args, body)`): one record is both the run and
 * the coroutine's state (coResume's fields: thisArg, args, body, status,
 * thread), its generator null. It is never seen by the function's caller,
 * so it needs no prototype; native.recordMaker allocates it at its size.
 * The C core's coRun makes it with its promise and its thread (starting at
 * coStarter) in one call; this maker gives setCoroutines the shape only. */
var makeCoRun = native.recordMaker(null,
    ['generator', 'promise', 'argument', 'thisArg', 'args', 'body', 'status', 'thread']);
var coRun = core.coRun;

native.coAsync = function coAsync(thisArg, args, body) {
    "use duk notail";
    var run = (0, coRun)(thisArg, args, body), result;
    /* resumeAsync's steps for a run that starts (one call less per async
     * call): coStarter gets the run; a throw rejects the promise; a run
     * that returned settles it, one that awaits goes on as resumeAsync's */
    run.status = 3 /* RUNNING */;
    try {
        result = (0, threadResume)(run.thread, run, false);
    } catch (e) {
        (0, coReject)(run, e);
        return run.promise;
    }
    if (run.status === 3) {
        run.status = 1 /* SUSPENDED */;
    }
    if (run.status === 2 /* COMPLETED */) {
        (0, coResolve)(run, result);
    } else {
        (0, awaitValue)(run, result);
    }
    return run.promise;
};

/* An async function whose body has no `await` of its own
 * (fcworker-build's `_fcw_co_now(thisArg, args, body)`): the body runs to
 * its end at the call, as it would on a coroutine that never yields, so it
 * runs without one; its result or exception settles the promise as
 * resumeAsync's would. */
var reflectApply = Reflect.apply;
var NO_ARGUMENTS = Object.freeze([]);
native.coNow = function coNow(thisArg, args, body) {
    "use duk notail";
    var promise = (0, makePromise)(0);
    var result;
    try {
        result = (0, reflectApply)(body, thisArg, args === void 0 ? NO_ARGUMENTS : args);
    } catch (e) {
        (0, rejectPromise)(promise, e);
        return promise;
    }
    (0, resolvePromise)(promise, result);
    return promise;
};

/* Starts a lowered async function's generator: native.asyncRun for a body
 * whose generator is already made (__fcw_helpers.asyncGen). */
native.asyncStart = function asyncStart(generator) {
    var promise = (0, makePromise)(0);
    (0, resumeAsync)({ generator: generator, promise: promise, argument: void 0 }, true, void 0);
    return promise;
};

/* native.asyncFunction(fn)() without the function in between: what
 * fcworker-build makes of the lowered `_async_to_generator(function ()
 * {...})()` that every call of an async function runs. */
native.asyncRun = function asyncRun(fn) {
    var promise = (0, makePromise)(0);
    var generator;
    try {
        generator = fn();
    } catch (e) {
        (0, rejectPromise)(promise, e);
        return promise;
    }
    (0, resumeAsync)({ generator: generator, promise: promise, argument: void 0 }, true, void 0);
    return promise;
};

/* A new %Promise% settled with fn(a, b): resolved with its result or
 * rejected with its exception, as `new Promise(function (resolve) {
 * resolve(fn(a, b)); })` would be, without the executor and resolving
 * closures (for the runtime's promise-returning methods). */
native.promiseCall = function promiseCall(fn, a, b) {
    var promise = (0, makePromise)(0);
    var value;
    try {
        value = fn(a, b);
    } catch (e) {
        (0, rejectPromise)(promise, e);
        return promise;
    }
    (0, resolvePromise)(promise, value);
    return promise;
};

native.isPromise = isPromise;

/* For the runtime's own algorithms (the streams' "a new promise",
 * "resolve/reject p with x", "a promise resolved with x", "set
 * p.[[PromiseIsHandled]] to true"): a %Promise% and its steps without
 * resolving functions, an executor or a derived promise. The settling
 * steps are those of the first call of the promise's resolving functions:
 * the caller settles each promise once (the streams keep the state). */
native.newPromise = function newPromise() {
    return (0, makePromise)(0);
};
native.resolvePromise = resolvePromise;
native.rejectPromise = rejectPromise;
/* PerformPromiseThen(promise, onFulfilled, onRejected, target): target a
 * %Promise% that the reaction settles, as a capability's would be */
native.performThen = performThen;
native.promiseResolve = function (x) {
    return (0, promiseResolve)(Promise, x);
};
native.promiseReject = rejectedPromise;
native.markHandled = function (promise) {
    if ((0, isPromise)(promise)) {
        promise[HANDLED] = true;
    } else {
        promise.then(void 0, noop);
    }
};

function noop() {
}

/* For the dispatcher: when x is a %Promise% that Promise.resolve(x) would
 * return as it is and whose `then` is the built-in one, registers the
 * handlers as x.then(onFulfilled, onRejected) would, without the promise
 * that then() returns (the caller does not use it, and its handlers do not
 * throw; if one does, the exception is reported as uncaught in a
 * microtask). Returns false, registering nothing, for any other x. */
native.whenSettled = function whenSettled(x, onFulfilled, onRejected) {
    if (x === null || typeof x !== 'object' || x[SELF] !== x || x.constructor !== Promise ||
        x.then !== promiseThen) {
        return false;
    }
    (0, performThen)(x, onFulfilled, onRejected, void 0, void 0);
    return true;
};

native.reportUnhandledRejections = function () {
    var candidates = unhandledCandidates.slice();
    unhandledCandidates.length = 0;
    for (var i = 0; i < candidates.length; i++) {
        if (!candidates[i][HANDLED]) {
            candidates[i][HANDLED] = true;
            if (native.reportUnhandledRejection) {
                native.reportUnhandledRejection(candidates[i], candidates[i][RESULT]);
            } else {
                native.reportError(candidates[i][RESULT], 'Uncaught (in promise)');
            }
        }
    }
};

native.defineGlobal('Promise', Promise);
native.defineGlobal('AggregateError', AggregateError);
