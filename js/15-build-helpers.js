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

Object.defineProperty(generatorNext, 'name', { value: 'next' });
Object.defineProperty(generatorThrow, 'name', { value: 'throw' });
Object.defineProperty(generatorReturn, 'name', { value: 'return' });
Object.defineProperty(LoweredGenerator.prototype, 'next', { value: generatorNext, writable: true, configurable: true });
Object.defineProperty(LoweredGenerator.prototype, 'throw', { value: generatorThrow, writable: true, configurable: true });
Object.defineProperty(LoweredGenerator.prototype, 'return', { value: generatorReturn, writable: true, configurable: true });

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
Object.defineProperty(helpers, 'privateBase', { value: native.privateBase, enumerable: true });
Object.defineProperty(helpers, 'generator', { value: generator, enumerable: true });
Object.defineProperty(helpers, 'defineField', { value: native.defineField, enumerable: true });
Object.defineProperty(helpers, 'privateField', { value: native.privateField, enumerable: true });
/* SWC's spread and destructuring helpers: C fast paths for arrays and plain
 * objects over the bundle's own helper, which does the rest
 * (lib/api_fastpath.c) */
Object.defineProperty(helpers, 'slicedToArray', {
    value: function (inlined) { return native.fastSpreadHelper(0, inlined); }, enumerable: true
});
Object.defineProperty(helpers, 'toConsumableArray', {
    value: function (inlined) { return native.fastSpreadHelper(1, inlined); }, enumerable: true
});
Object.defineProperty(helpers, 'objectSpread', {
    value: function (inlined) {
        return native.fastSpreadHelper(2, inlined, Object.keys, Object.getOwnPropertySymbols);
    },
    enumerable: true
});
Object.freeze(helpers);
native.defineGlobal('__fcw_helpers', helpers);
