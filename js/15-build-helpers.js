// SPDX-License-Identifier: MIT
/*
 * Faster stand-ins for helpers that fcworker-build's lowering (SWC) inlines
 * into every bundle. The bundle's wrapper assigns them over the inlined
 * helpers when the global `__fcw_helpers` is an object (so the same bundle
 * still runs, on the inlined ones, where it is not). Each stand-in keeps
 * its helper's contract, which is all the lowered code relies on:
 *
 *   asyncToGenerator(fn) -> function   `_async_to_generator`: fn returns a
 *       generator-like object (next/throw -> { value, done }); the function
 *       returned calls fn with its this and arguments and drives the object,
 *       awaiting each value yielded, and returns a %Promise% of the result
 *       (10-promise.js, native.asyncFunction).
 *   asyncRun(fn) -> promise   `_async_to_generator(fn)()`, which the
 *       lowering writes for every call of an async function, without the
 *       function in between (contrib/fcworker-build/lib/async-run.js).
 *   asyncGen(body) -> promise   `asyncRun(function () { return
 *       generator(this, body); })` where that function held only the
 *       body's variables, which fcworker-build moved out (the same file).
 *   generator(thisArg, body) -> generator   `_ts_generator`: the object
 *       behind a lowered generator function or async function body; see
 *       below.
 *   privateBase(receiver, key) -> receiver   `_class_private_field_loose_base`:
 *       the brand check of a private member kept as a property under a
 *       unique key; a TypeError unless receiver has key as an own property
 *       (C: lib/duk_hooks.c).
 *   defineField(obj, key, value) -> obj   `_define_property`: a public
 *       class field (C: lib/api_builtins.c).
 *   defineFields(obj, kinds, key1, value1, ...) -> obj   the fields of a
 *       constructor in one call, each public ("f" in kinds) or private
 *       ("p"), as fcworker-build's lib/define-fields.js joins them (C:
 *       lib/api_builtins.c).
 *   privateField(obj, key, value) -> obj   a private class field, which
 *       SWC defines with Object.defineProperty(obj, key, { writable: true,
 *       value: value }) and fcworker-build with a call of this
 *       (contrib/fcworker-build/lib/private-fields.js; C:
 *       lib/api_builtins.c).
 */
'use strict';

/* ---- generators ----
 *
 * The lowering turns a generator's body into a function of a state record
 * `s` that runs from the case `s.label` up to its next suspension and
 * returns an instruction [code, value]:
 *   NEXT (0), THROW (1)  (only passed in) resume with value as the result of the
 *                suspension (s.sent() returns it, or throws it for THROW);
 *   RETURN (2)   complete with value (through any enclosing finally);
 *   BREAK (3)    jump to the label value;
 *   YIELD (4)    suspend, giving value to the caller;
 *   DELEGATE (5) yield* value: hand every resumption to that iterator until
 *                it is done, its result then being the suspension's result;
 *   CAUGHT (6)   (passed in) an exception thrown by the body;
 *   END_FINALLY (7)  a finally block ended: carry on with the completion it
 *                interrupted.
 * `s.trys` is the stack of the try statements the body is in, each
 * [tryLabel, catchLabel, finallyLabel, endLabel] (catchLabel or
 * finallyLabel missing when the statement has none); `s.ops` keeps the
 * completions waiting for a finally block. The generator object takes its
 * methods from a prototype; the state record is a literal (as SWC's own
 * helper makes it) whose `sent` is one shared function, which also tells a
 * real state record from another object: one object each per call, no
 * closures and no constructor call for the state. */

var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */
function stateSent() {
    var op = this.received;
    if (op[0] === 1 /* THROW */) {
        throw op[1];
    }
    return op[1];
}
Object.defineProperty(stateSent, 'name', { value: 'sent' });

function LoweredGenerator(thisArg, body, state) {
    this.thisArg = thisArg;
    this.body = body;
    this.state = state;
    this.status = 0 /* NOT_STARTED */;
    this.running = false;
    this.delegate = void 0;
}

LoweredGenerator.prototype = Object.create(native.IteratorPrototype);

/* Where an instruction that leaves the straight path (RETURN, BREAK,
 * CAUGHT) goes, given the innermost try statement: 1 when the body runs on
 * (the label is set), 0 to look at the next enclosing try statement, -1
 * when the generator completes. */
function unwind(state, op) {
    var trys = state.trys;
    var entry = trys.length > 0 ? trys[trys.length - 1] : void 0;
    var code = op[0];
    if (entry === void 0) {
        if (code === 3 /* BREAK */) {
            state.label = op[1];
            return 1;
        }
        return -1;
    }
    if (code === 3 /* BREAK */ && op[1] > entry[0] && op[1] < entry[3]) {
        state.label = op[1];
        return 1;
    }
    if (code === 6 /* CAUGHT */ && state.label < entry[1]) {
        /* thrown inside the try block: on to the catch block */
        state.label = entry[1];
        state.received = op;
        return 1;
    }
    if (state.label < entry[2]) {
        /* on to the finally block, the completion kept for its end */
        state.label = entry[2];
        state.ops.push(op);
        return 1;
    }
    if (entry[2]) {
        /* leaving from inside the finally block: the completion it
         * interrupted is replaced */
        state.ops.pop();
    }
    trys.pop();
    return 0;
}

/* One call of next/throw/return: runs the body until it yields or
 * completes. (Hot: every await of a lowered async function comes here, so
 * the codes are written as numbers, file-level names being scope lookups
 * for Duktape, and only the calls out are inside try.) */
function resumeGenerator(gen, op) {
    var state = gen !== null && typeof gen === 'object' ? gen.state : void 0;
    if (state === null || typeof state !== 'object' || state.sent !== stateSent) {
        throw new TypeError('next method called on incompatible receiver');
    }
    if (gen.running) {
        throw new TypeError('Generator is already executing.');
    }
    if (gen.status === 0 /* NOT_STARTED */) {
        gen.status = op[0] === 0 /* NEXT */ ? 1 /* SUSPENDED */ : 2 /* COMPLETED */;
    }
    while (gen.status !== 2 /* COMPLETED */) {
        var inner = gen.delegate;
        if (inner !== void 0) {
            gen.running = true;
            try {
                var method, done = void 0;
                if (op[0] === 2 /* RETURN */) {
                    method = inner['return'];
                } else if (op[0] === 1 /* THROW */) {
                    method = inner['throw'];
                    if (!method) {
                        /* no throw(): close the inner iterator, then the
                         * exception goes to the body */
                        var close = inner['return'];
                        if (close) {
                            close.call(inner);
                        }
                    }
                } else {
                    method = inner.next;
                }
                if (method) {
                    done = method.call(inner, op[1]);
                    if (!done.done) {
                        gen.running = false;
                        return done;
                    }
                }
                gen.delegate = void 0;
                if (done) {
                    op = [op[0] === 2 /* RETURN */ ? 2 : 0 /* NEXT */, done.value];
                }
            } catch (e) {
                op = [6 /* CAUGHT */, e];
                gen.delegate = void 0;
            }
            gen.running = false;
        }
        var code = op[0];
        if (code === 4 /* YIELD */) {
            state.label++;
            return { value: op[1], done: false };
        }
        if (code === 5 /* DELEGATE */) {
            state.label++;
            gen.delegate = op[1];
            op = [0 /* NEXT */, void 0];
            continue;
        }
        if (code === 7 /* END_FINALLY */) {
            op = state.ops.pop();
            state.trys.pop();
            continue;
        }
        if (code === 0 /* NEXT */ || code === 1 /* THROW */) {
            state.received = op;
        } else if (code === 2 /* RETURN */ && state.trys.length === 0) {
            /* unwind's answer, without the call: nothing to run on */
            gen.status = 2 /* COMPLETED */;
            break;
        } else {
            var where = unwind(state, op);
            if (where === 0) {
                continue;
            }
            if (where < 0) {
                gen.status = 2 /* COMPLETED */;
                continue;
            }
        }
        gen.running = true;
        try {
            op = gen.body.call(gen.thisArg, state);
        } catch (e) {
            op = [6 /* CAUGHT */, e];
            gen.delegate = void 0;
        }
        gen.running = false;
    }
    if (op[0] === 1 /* THROW */ || op[0] === 6 /* CAUGHT */) {
        throw op[1];
    }
    return { value: op[0] === 0 /* NEXT */ ? void 0 : op[1], done: true };
}

function generatorNext(value) {
    return resumeGenerator(this, [0 /* NEXT */, value]);
}

function generatorThrow(reason) {
    return resumeGenerator(this, [1 /* THROW */, reason]);
}

function generatorReturn(value) {
    return resumeGenerator(this, [2 /* RETURN */, value]);
}

var provide = native.spec.provide;

provide(LoweredGenerator.prototype,
    [['next', generatorNext, 1], ['throw', generatorThrow, 1], ['return', generatorReturn, 1]]);

native.setLoweredGenerator(generatorNext, generatorThrow, resumeGenerator);

function generator(thisArg, body) {
    return new LoweredGenerator(thisArg, body, {
        label: 0, trys: [], ops: [], received: void 0, sent: stateSent
    });
}

var helpers = {};
Object.defineProperty(helpers, 'asyncToGenerator', { value: native.asyncFunction, enumerable: true });
Object.defineProperty(helpers, 'asyncRun', { value: native.asyncRun, enumerable: true });
Object.defineProperty(helpers, 'asyncGen', {
    value: function asyncGen(body) {
        "use duk notail";
        return native.asyncStart(generator(void 0, body));
    },
    enumerable: true
});
/* SWC's _class_call_check(instance, Constructor) tests `instance instanceof
 * Constructor`, which asks a static [Symbol.hasInstance] of the class: the
 * messages of LangChain answer from fields the constructor has not set
 * yet, so `new SystemMessage(...)` threw "Cannot call a class as a
 * function". An object that has the class's prototype in its chain (what
 * `new` made) passes too. */
var isPrototypeOf = Object.prototype.isPrototypeOf;
function classCallCheck(instance, Constructor) {
    "use duk notail";
    if (!(instance instanceof Constructor) && !(instance !== null && typeof instance === 'object' &&
        isPrototypeOf.call(Constructor.prototype, instance))) {
        throw new TypeError('Cannot call a class as a function');
    }
}
/* (what `new` made answered in C: lib/api_fastpath.c) */
Object.defineProperty(helpers, 'classCallCheck', { value: native.fastClassCallCheck(classCallCheck), enumerable: true });
Object.defineProperty(helpers, 'privateBase', { value: native.privateBase, enumerable: true });
Object.defineProperty(helpers, 'iterStep', { value: native.forOfStep, enumerable: true });
Object.defineProperty(helpers, 'iterFast', { value: native.forOfFast, enumerable: true });
Object.defineProperty(helpers, 'callSuper', { value: native.callSuper, enumerable: true });
Object.defineProperty(helpers, 'generator', { value: generator, enumerable: true });
Object.defineProperty(helpers, 'defineField', { value: native.defineField, enumerable: true });
Object.defineProperty(helpers, 'privateField', { value: native.privateField, enumerable: true });
Object.defineProperty(helpers, 'defineFields', { value: native.defineFields, enumerable: true });
/* SWC's spread and destructuring helpers: C fast paths for arrays and plain
 * objects over the bundle's own helper, which does the rest
 * (lib/api_fastpath.c) */
Object.defineProperty(helpers, 'slicedToArray', {
    value: function (inlined) { return native.fastSpreadHelper(0, inlined); }, enumerable: true
});
Object.defineProperty(helpers, 'toConsumableArray', {
    value: function (inlined) { return native.fastSpreadHelper(1, inlined); }, enumerable: true
});
/* SWC's _async_generator, the class of the lowering's async generator
 * objects: its prototype (their %AsyncGeneratorPrototype%) gets
 * %AsyncIteratorPrototype% as its [[Prototype]], as the spec's has, for
 * its [Symbol.asyncDispose] (`await using` over an async generator) */
var setPrototypeOf = Object.setPrototypeOf;
Object.defineProperty(helpers, 'asyncGenerator', {
    value: function (inlined) {
        if (typeof inlined === 'function' && typeof inlined.prototype === 'object' && inlined.prototype !== null) {
            setPrototypeOf(inlined.prototype, native.AsyncIteratorPrototype);
        }
        return inlined;
    },
    enumerable: true
});
Object.defineProperty(helpers, 'objectSpread', {
    value: function (inlined) {
        return native.fastSpreadHelper(2, inlined, Object.keys, Object.getOwnPropertySymbols);
    },
    enumerable: true
});

/* ---- coroutines ----
 *
 * What contrib/fcworker-build/lib/coroutines.js makes of generators and
 * async functions: the body is an ordinary function run on a Duktape
 * thread, and each `yield` (an async function's `await`) suspends that
 * thread. A generator's methods resume it; an async function's steps are
 * resumed by js/10-promise.js (resumeAsync). status: 0 not started, 1
 * suspended, 2 completed, 3 running. Duktape resumes a thread only from
 * ECMAScript code, and a thread yields only when no native call is on its
 * own call stack between its first function and the yield: both hold here
 * (the body is called through Reflect.apply, which Duktape handles without a
 * native frame; the yield helpers are ECMAScript). */
var Thread = global.Duktape.Thread;
var threadResume = Thread.resume;
var threadYield = Thread.yield;
/* taken now: an app that replaces Function.prototype.apply with a function
 * of its own must not come between a coroutine and its body */
var reflectApply = Reflect.apply;
var NO_ARGUMENTS = Object.freeze([]);

/* What a generator's return() throws at its suspended yield: the finally
 * blocks run, the catch blocks let it through (coCatch), and the
 * generator completes with its value. */
function ReturnSignal(value) {
    this.value = value;
}

function coStarter(gen) {
    var result;
    try {
        result = (0, reflectApply)(gen.body, gen.thisArg, gen.args === void 0 ? NO_ARGUMENTS : gen.args);
    } catch (e) {
        gen.status = 2 /* COMPLETED */;
        if ((0, instanceOf)(e, ReturnSignal)) {
            return e.value;
        }
        throw e;
    }
    gen.status = 2 /* COMPLETED */;
    return result;
}

function CoGenerator(thisArg, args, body) {
    this.thisArg = thisArg;
    this.args = args;
    this.body = body;
    this.status = 0 /* NOT_STARTED */;
    this.thread = void 0;
}

CoGenerator.prototype = Object.create(native.IteratorPrototype);

/* Resumes gen with code 0 (next), 1 (throw) or 2 (return) and value: the
 * value it yields next, or its result when gen.status is then 2. */
function coResume(gen, code, value) {
    var status = gen.status;
    if (status === 0 /* NOT_STARTED */) {
        if (code !== 0) {
            gen.status = 2;
            if (code === 1) {
                throw value;
            }
            return value;
        }
        gen.thread = new Thread(coStarter);
        value = gen; /* coStarter's argument */
    } else if (status !== 1 /* SUSPENDED */) {
        if (status === 3) {
            throw new TypeError('Generator is already executing.');
        }
        if (code === 1) {
            throw value;
        }
        return code === 2 ? value : void 0;
    }
    gen.status = 3 /* RUNNING */;
    var out = code === 0 ? threadResume(gen.thread, value, false) :
        threadResume(gen.thread, code === 1 ? value : new ReturnSignal(value), true);
    if (gen.status === 3) {
        gen.status = 1;
    }
    return out;
}

function coGenerator(self) {
    if (!(0, instanceOf)(self, CoGenerator) || typeof self.status !== 'number') {
        throw new TypeError('next method called on incompatible receiver');
    }
    return self;
}

function coNext(value) {
    var gen = coGenerator(this);
    var out = coResume(gen, 0, value);
    return { value: out, done: gen.status === 2 };
}

function coThrow(reason) {
    var gen = coGenerator(this);
    var out = coResume(gen, 1, reason);
    return { value: out, done: gen.status === 2 };
}

function coReturn(value) {
    var gen = coGenerator(this);
    var out = coResume(gen, 2, value);
    return { value: out, done: gen.status === 2 };
}

provide(CoGenerator.prototype, [['next', coNext, 1], ['throw', coThrow, 1], ['return', coReturn, 1]]);
Object.defineProperty(CoGenerator.prototype, Symbol.toStringTag, { value: 'Generator', configurable: true });

native.setCoroutines(coNext, coResume, coStarter);

/* yield* iterable, inside a generator's body (its thread): every
 * resumption goes to the inner iterator until it is done, whose value is
 * the result (ECMAScript 2022, 15.5.5, YieldExpression: yield*). */
function coYieldStar(iterable) {
    var method = iterable === null || iterable === void 0 ? void 0 : iterable[Symbol.iterator];
    if (typeof method !== 'function') {
        throw new TypeError(String(iterable) + ' is not iterable');
    }
    var iterator = method.call(iterable);
    if (iterator === null || typeof iterator !== 'object' && typeof iterator !== 'function') {
        throw new TypeError('Result of the Symbol.iterator method is not an object');
    }
    var next = iterator.next;
    var code = 0;
    var received = void 0;
    for (;;) {
        var result;
        if (code === 0) {
            result = next.call(iterator, received);
        } else if (code === 1) {
            var thrower = iterator['throw'];
            if (thrower === void 0 || thrower === null) {
                var closer = iterator['return'];
                if (closer !== void 0 && closer !== null) {
                    closer.call(iterator);
                }
                throw new TypeError('The iterator does not provide a \'throw\' method.');
            }
            result = thrower.call(iterator, received);
        } else {
            var returner = iterator['return'];
            if (returner === void 0 || returner === null) {
                throw new ReturnSignal(received);
            }
            result = returner.call(iterator, received);
        }
        if (result === null || typeof result !== 'object' && typeof result !== 'function') {
            throw new TypeError('Iterator result ' + String(result) + ' is not an object');
        }
        if (result.done) {
            if (code === 2) {
                throw new ReturnSignal(result.value);
            }
            return result.value;
        }
        try {
            received = threadYield(result.value);
            code = 0;
        } catch (e) {
            if ((0, instanceOf)(e, ReturnSignal)) {
                code = 2;
                received = e.value;
            } else {
                code = 1;
                received = e;
            }
        }
    }
}

/* The first statement of each catch block of a generator's body. */
function coCatch(e) {
    if ((0, instanceOf)(e, ReturnSignal)) {
        throw e;
    }
}

Object.defineProperty(helpers, 'coGen', {
    value: function coGen(thisArg, args, body) {
        "use duk notail";
        return new CoGenerator(thisArg, args, body);
    },
    enumerable: true
});
Object.defineProperty(helpers, 'coAsync', { value: native.coAsync, enumerable: true });
Object.defineProperty(helpers, 'coNow', { value: native.coNow, enumerable: true });
Object.defineProperty(helpers, 'coYield', { value: threadYield, enumerable: true });
Object.defineProperty(helpers, 'coYieldStar', { value: coYieldStar, enumerable: true });
Object.defineProperty(helpers, 'coCatch', { value: coCatch, enumerable: true });
/* what a lowered for-in enumerates: its object, or a proxy's keys as its
 * traps give them (lib/api_fastpath.c, js/17-proxy.js) */
Object.defineProperty(helpers, 'forIn', { value: native.forInTarget, enumerable: true });
/* `a instanceof B`, as fcworker-build writes it (lib/instance-of.js):
 * C answers without the call of Function.prototype[Symbol.hasInstance] */
native.nonConstructor(native.instanceOf);
Object.defineProperty(helpers, 'instanceOf', { value: native.instanceOf, enumerable: true });
/* `x.toString(16).padStart(2, "0")`, as fcworker-build writes it
 * (lib/hex-byte.js): a byte's two digits in C (lib/api_builtins.c) */
Object.defineProperty(helpers, 'hexByte', { value: native.hexByte, enumerable: true });
/* `Array.prototype.map.call(new Uint8Array(v), (x) =>
 * x.toString(16).padStart(2, "0")).join("")`, as fcworker-build writes it
 * (lib/hex-byte.js): the hex of bytes in C (lib/api_builtins.c) */
Object.defineProperty(helpers, 'hexJoin', { value: native.hexJoin, enumerable: true });
Object.freeze(helpers);
native.defineGlobal('__fcw_helpers', helpers);
