// SPDX-License-Identifier: MIT
/*
 * Explicit resource management (ES2026) beyond the symbols
 * (12-builtins.js): SuppressedError, DisposableStack and
 * AsyncDisposableStack (Iterator.prototype[Symbol.dispose] is
 * 14-newer-methods.js's: in a CGI process this file loads on first use of
 * one of its globals, lib/runtime_lazy.c). fcworker-build lowers `using`
 * and `await using` (esbuild's helpers take SuppressedError when there is
 * one); these are the library objects such code also calls. A stack's
 * state and its resources, newest last, are in hidden slots; disposing
 * walks them newest first, as DisposeResources does, a throw from one
 * resource becoming the `error` of a SuppressedError over the one before.
 */
'use strict';

var spec = native.spec;
var requireCallable = spec.requireCallable;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var hiddenSymbol = native.hiddenSymbol;
var STATE = hiddenSymbol('disposableState'); /* 0 pending, 1 disposed */
var RESOURCES = hiddenSymbol('disposableResources');
var dispose = Symbol.dispose;
var asyncDispose = Symbol.asyncDispose;
var hasOwn = Object.prototype.hasOwnProperty;
var NativePromise = Promise;
var promiseResolve = Promise.resolve;
var promiseThen = Promise.prototype.then;

/* ---- SuppressedError ---- */

function SuppressedError(error, suppressed, message) {
    /* OrdinaryCreateFromConstructor with [[ErrorData]]: Error's own
     * construction, with the prototype of new.target; Duktape's
     * Reflect.construct gives no new.target but an object of its
     * prototype as this, whose prototype is taken */
    var proto = new.target !== void 0 ? new.target.prototype :
        this !== void 0 && this !== null && typeof this === 'object' && this !== global ? Object.getPrototypeOf(this) :
        SuppressedError.prototype;
    var text;
    if (message !== void 0) {
        if (typeof message === 'symbol') {
            throw new TypeError('Cannot convert a Symbol value to a string');
        }
        text = String(message);
    }
    var O = Reflect.construct(Error, [], SuppressedError);
    if (proto !== null && typeof proto === 'object' && proto !== SuppressedError.prototype) {
        Object.setPrototypeOf(O, proto);
    }
    if (text !== void 0) {
        Object.defineProperty(O, 'message', { value: text, writable: true, enumerable: false, configurable: true });
        var stack = O.stack;
        if (typeof stack === 'string' && text !== '') {
            /* the stack's first line, made before the message was */
            O.stack = stack.replace(/^[^\n]*/, function (line) { return line + ': ' + text; });
        }
    }
    Object.defineProperty(O, 'error', { value: error, writable: true, enumerable: false, configurable: true });
    Object.defineProperty(O, 'suppressed', { value: suppressed, writable: true, enumerable: false, configurable: true });
    return O;
}
Object.setPrototypeOf(SuppressedError, Error);
SuppressedError.prototype = Object.create(Error.prototype);
defineHidden(SuppressedError.prototype, 'constructor', SuppressedError);
defineHidden(SuppressedError.prototype, 'message', '');
defineHidden(SuppressedError.prototype, 'name', 'SuppressedError');
Object.defineProperty(SuppressedError, 'prototype', { writable: false, enumerable: false, configurable: false });
setNameAndLength(SuppressedError, 'SuppressedError', 3);

/* a SuppressedError of the disposal: no message of its own */
function suppressedError(error, suppressed) {
    return new SuppressedError(error, suppressed);
}

/* ---- the stacks' common steps ---- */

/* RequireInternalSlot: x a DisposableStack (isAsync: an
 * AsyncDisposableStack) */
function requireStack(x, method, isAsync) {
    if (x === null || typeof x !== 'object' || !hasOwn.call(x, STATE) || x[ASYNC] !== isAsync) {
        throw new TypeError(method + ' called on an incompatible receiver');
    }
}

function requirePending(x, what) {
    if (x[STATE] !== 0) {
        throw new ReferenceError('Cannot call ' + what + ' on an already-disposed ' +
            (x[ASYNC] ? 'AsyncDisposableStack' : 'DisposableStack'));
    }
}

var ASYNC = hiddenSymbol('disposableAsync');

function initStack(O, isAsync) {
    Object.defineProperty(O, STATE, { value: 0, writable: true });
    Object.defineProperty(O, RESOURCES, { value: [], writable: true });
    Object.defineProperty(O, ASYNC, { value: isAsync });
    return O;
}

/* GetDisposeMethod for a value to use: its @@dispose (async: its
 * @@asyncDispose, else its @@dispose, whose result is then not awaited) */
function disposeMethod(value, isAsync) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        throw new TypeError('the value to use is not an object');
    }
    var method;
    if (isAsync) {
        method = value[asyncDispose];
        if (method === void 0 || method === null) {
            var syncMethod = value[dispose];
            if (syncMethod !== void 0 && syncMethod !== null) {
                requireCallable(syncMethod, 'its Symbol.dispose method');
                return function () {
                    try {
                        syncMethod.call(this);
                    } catch (e) {
                        return NativePromise.reject(e);
                    }
                    return NativePromise.resolve();
                };
            }
            method = void 0;
        }
    } else {
        method = value[dispose];
        if (method === null) {
            method = void 0;
        }
    }
    if (method === void 0) {
        throw new TypeError('the value to use has no ' + (isAsync ? 'Symbol.asyncDispose or ' : '') +
            'Symbol.dispose method');
    }
    requireCallable(method, 'its dispose method');
    return method;
}

/* use(value): value's dispose method runs at the disposal */
function stackUse(O, value, isAsync) {
    if (value === null || value === void 0) {
        if (isAsync) {
            O[RESOURCES].push({ value: void 0, method: void 0 });
        }
        return value;
    }
    O[RESOURCES].push({ value: value, method: disposeMethod(value, isAsync) });
    return value;
}

/* move(): a new stack of the constructor's own kind takes the resources */
function stackMove(O, Ctor) {
    var moved = initStack(Object.create(Ctor.prototype), O[ASYNC]);
    moved[RESOURCES] = O[RESOURCES];
    O[RESOURCES] = [];
    O[STATE] = 1;
    return moved;
}

/* adopt, defer, move and use of the stacks of Ctor (named name; isAsync:
 * AsyncDisposableStack's): the same steps for both kinds, on a stack of
 * that kind. */
function stackMethods(name, isAsync, Ctor) {
    var callback = isAsync ? 'onDisposeAsync' : 'onDispose';
    var pending = function (O, method) {
        requireStack(O, name + '.prototype.' + method, isAsync);
        requirePending(O, method);
    };
    return {
        adopt: function adopt(value, onDispose) {
            pending(this, 'adopt');
            requireCallable(onDispose, callback);
            /* (a DisposableStack's disposal ignores what it returns) */
            this[RESOURCES].push({ value: void 0, method: function () { return onDispose.call(void 0, value); } });
            return value;
        },
        defer: function defer(onDispose) {
            pending(this, 'defer');
            requireCallable(onDispose, callback);
            this[RESOURCES].push({ value: void 0, method: onDispose });
            return void 0;
        },
        move: function move() {
            pending(this, 'move');
            return stackMove(this, Ctor);
        },
        use: function use(value) {
            pending(this, 'use');
            return stackUse(this, value, isAsync);
        }
    };
}

/* ---- DisposableStack ---- */

/* The prototype of a stack under construction: new.target's, or (Duktape's
 * Reflect.construct, which gives no new.target: a subclass's construction
 * as fcworker-build lowers it) that of this, the object made for it */
function stackPrototype(self, newTarget, Ctor) {
    var proto;
    if (newTarget !== void 0) {
        proto = newTarget.prototype;
    } else if (self !== void 0 && self !== null && typeof self === 'object' && self !== global &&
            !hasOwn.call(self, STATE)) {
        proto = Object.getPrototypeOf(self);
    } else {
        throw new TypeError("Constructor " + Ctor.name + " requires 'new'");
    }
    return proto !== null && typeof proto === 'object' ? proto : Ctor.prototype;
}

function DisposableStack() {
    return initStack(Object.create(stackPrototype(this, new.target, DisposableStack)), false);
}

function disposableStackDispose() {
    requireStack(this, 'DisposableStack.prototype.dispose', false);
    if (this[STATE] === 1) {
        return void 0;
    }
    this[STATE] = 1;
    var resources = this[RESOURCES];
    this[RESOURCES] = [];
    var thrown = false, error;
    for (var i = resources.length - 1; i >= 0; i--) {
        var r = resources[i];
        try {
            r.method.call(r.value);
        } catch (e) {
            error = thrown ? suppressedError(e, error) : e;
            thrown = true;
        }
    }
    if (thrown) {
        throw error;
    }
    return void 0;
}

/* ---- AsyncDisposableStack ---- */

function AsyncDisposableStack() {
    return initStack(Object.create(stackPrototype(this, new.target, AsyncDisposableStack)), true);
}

/* Await(value) then next(), through %Promise%: next(true, value) when it
 * fulfils, next(false, reason) when it rejects */
function awaitThen(value, next) {
    var p;
    try {
        p = promiseResolve.call(NativePromise, value);
    } catch (e) {
        next(false, e);
        return;
    }
    promiseThen.call(p, function (v) { next(true, v); }, function (e) { next(false, e); });
}

function asyncDisposableStackDisposeAsync() {
    var O = this;
    return new NativePromise(function (resolve, reject) {
        requireStack(O, 'AsyncDisposableStack.prototype.disposeAsync', true);
        if (O[STATE] === 1) {
            resolve(void 0);
            return;
        }
        O[STATE] = 1;
        var resources = O[RESOURCES];
        O[RESOURCES] = [];
        var thrown = false, error, needsAwait = false, hasAwaited = false;
        var fail = function (e) {
            error = thrown ? suppressedError(e, error) : e;
            thrown = true;
        };
        var finish = function () {
            if (thrown) {
                reject(error);
            } else {
                resolve(void 0);
            }
        };
        var step = function (i) {
            for (; i >= 0; i--) {
                var r = resources[i];
                if (r.method === void 0) {
                    needsAwait = true; /* `await using x = null` or use(null): one Await at the end */
                    continue;
                }
                var result;
                try {
                    result = r.method.call(r.value);
                } catch (e) {
                    fail(e);
                    continue;
                }
                hasAwaited = true;
                awaitThen(result, function (ok, v) {
                    if (!ok) {
                        fail(v);
                    }
                    step(i - 1);
                });
                return;
            }
            if (needsAwait && !hasAwaited) {
                awaitThen(void 0, finish);
                return;
            }
            finish();
        };
        step(resources.length - 1);
    });
}

function defineStack(Ctor, name, isAsync, disposeName, disposeFn, disposeKey) {
    setNameAndLength(Ctor, name, 0);
    var proto = Ctor.prototype;
    var methods = stackMethods(name, isAsync, Ctor);
    Object.keys(methods).forEach(function (key) {
        setNameAndLength(methods[key], key, methods[key].length);
        defineHidden(proto, key, methods[key]);
    });
    setNameAndLength(disposeFn, disposeName, 0);
    defineHidden(proto, disposeName, disposeFn);
    defineHidden(proto, disposeKey, disposeFn);
    var disposed = function () {
        requireStack(this, 'get ' + name + '.prototype.disposed', isAsync);
        return this[STATE] === 1;
    };
    setNameAndLength(disposed, 'get disposed', 0);
    Object.defineProperty(proto, 'disposed', { get: disposed, enumerable: false, configurable: true });
    Object.defineProperty(proto, Symbol.toStringTag, { value: name, writable: false, enumerable: false,
        configurable: true });
    Object.defineProperty(Ctor, 'prototype', { writable: false, enumerable: false, configurable: false });
    native.defineGlobal(name, Ctor);
}

defineStack(DisposableStack, 'DisposableStack', false, 'dispose', disposableStackDispose, dispose);
defineStack(AsyncDisposableStack, 'AsyncDisposableStack', true, 'disposeAsync', asyncDisposableStackDisposeAsync,
    asyncDispose);
native.defineGlobal('SuppressedError', SuppressedError);
