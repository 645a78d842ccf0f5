// SPDX-License-Identifier: MIT
/*
 * Promise and AggregateError (ECMAScript 2022 §27.2, §20.5.7): job ordering,
 * thenable adoption, combinators, property shapes, the host rejection
 * tracker, and an async function lowered the way regenerator lowers it.
 */

/* Resolves after n further microtask ticks. */
function ticks(n) {
    var p = Promise.resolve();
    for (var i = 0; i < n; i++) {
        p = p.then();
    }
    return p;
}

function logger(log, label) {
    return function () {
        log.push(label);
    };
}

test('Promise: property shapes (§27.2.3, §27.2.4, §27.2.5)', function (t) {
    t.equal(typeof Promise, 'function');
    t.equal(Promise.length, 1, 'Promise.length is 1');
    t.equal(Promise.prototype.then.length, 2, 'then.length is 2');
    t.equal(Promise.prototype['catch'].length, 1, 'catch.length is 1');
    t.equal(Promise.prototype['finally'].length, 1, 'finally.length is 1');
    t.equal(Promise.all.length, 1, 'Promise.all.length is 1');
    t.equal(Promise.prototype['catch'].name, 'catch', 'catch.name');
    var desc = Object.getOwnPropertyDescriptor(Promise.prototype, 'then');
    t.ok(!desc.enumerable && desc.writable && desc.configurable, 'then is non-enumerable, writable, configurable');
    t.ok(!Object.getOwnPropertyDescriptor(Promise, 'resolve').enumerable, 'Promise.resolve is non-enumerable');
    t.equal(Object.prototype.toString.call(Promise.resolve()), '[object Promise]', '@@toStringTag is "Promise"');
    var tag = Object.getOwnPropertyDescriptor(Promise.prototype, Symbol.toStringTag);
    t.ok(!tag.writable && !tag.enumerable && tag.configurable, '@@toStringTag attributes');
    t.equal(Promise.prototype.constructor, Promise, 'prototype.constructor');
    t.ok(!Object.getOwnPropertyDescriptor(Promise, 'prototype').writable, 'Promise.prototype is not writable');
    t.equal(Object.keys(new Promise(function () {})).length, 0, 'no enumerable own string keys on instances');
});

test('Promise: constructor checks (§27.2.3.1)', function (t) {
    t.throws(function () {
        Promise(function () {});
    }, TypeError, 'calling without new throws TypeError');
    t.throws(function () {
        return new Promise(1);
    }, TypeError, 'non-callable executor throws TypeError');
    var sync = false;
    var p = new Promise(function (resolve, reject) {
        sync = true;
        t.equal(typeof resolve, 'function', 'executor gets resolve');
        t.equal(resolve.length, 1, 'resolve function length is 1');
        t.equal(reject.length, 1, 'reject function length is 1');
    });
    t.ok(sync, 'executor runs synchronously');
    t.ok(p instanceof Promise, 'instance of Promise');
    t.throws(function () {
        Promise.prototype.then.call({}, function () {});
    }, TypeError, 'then on a non-promise throws TypeError');
    t.throws(function () {
        Promise.prototype.then.call(Object.create(Promise.prototype));
    }, TypeError, 'then on an object inheriting from a promise prototype throws');
    t.throws(function () {
        Promise.prototype.then.call(Object.create(Promise.resolve(1)));
    }, TypeError, 'then on an object inheriting from a promise throws');
});

test('Promise: executor exceptions and first-settlement-wins (§27.2.1.3)', function (t) {
    var err = new Error('boom');
    var p1 = new Promise(function () {
        throw err;
    });
    var p2 = new Promise(function (resolve) {
        resolve('first');
        throw err;
    });
    var p3 = new Promise(function (resolve, reject) {
        resolve('a');
        resolve('b');
        reject('c');
    });
    var p4 = new Promise(function (resolve, reject) {
        reject('x');
        resolve('y');
    });
    return Promise.all([
        p1.then(null, function (e) { t.equal(e, err, 'executor throw rejects with the exception'); }),
        p2.then(function (v) { t.equal(v, 'first', 'throw after resolve is ignored'); }),
        p3.then(function (v) { t.equal(v, 'a', 'second resolve and later reject are ignored'); }),
        p4.then(null, function (r) { t.equal(r, 'x', 'resolve after reject is ignored'); })
    ]);
});

test('Promise: reactions are jobs, FIFO with queueMicrotask (§27.2.5.4.1, HostEnqueuePromiseJob)', function (t) {
    var log = [];
    Promise.resolve().then(logger(log, 'a'));
    queueMicrotask(logger(log, 'b'));
    Promise.resolve().then(logger(log, 'c'));
    log.push('sync');
    return ticks(3).then(function () {
        t.deepEqual(log, ['sync', 'a', 'b', 'c'], 'then callbacks never run synchronously and keep queue order');
    });
});

test('Promise: reactions of one promise run in registration order (§27.2.1.8)', function (t) {
    var log = [];
    var resolve;
    var p = new Promise(function (r) {
        resolve = r;
    });
    p.then(logger(log, 1));
    p.then(logger(log, 2));
    p['catch'](logger(log, 'never'));
    p.then(logger(log, 3));
    resolve('v');
    t.deepEqual(log, [], 'nothing runs during resolve');
    return ticks(2).then(function () {
        t.deepEqual(log, [1, 2, 3], 'registration order');
    });
});

test('Promise: adopting a native promise takes two extra ticks (NewPromiseResolveThenableJob)', function (t) {
    var log = [];
    var outer = new Promise(function (resolve) {
        resolve(Promise.resolve());
    });
    outer.then(logger(log, 'outer'));
    Promise.resolve().then(logger(log, 'a')).then(logger(log, 'b')).then(logger(log, 'c'));
    return ticks(6).then(function () {
        t.deepEqual(log, ['a', 'b', 'outer', 'c'], 'outer settles after two extra ticks');
    });
});

test('Promise: returning a promise from a handler also costs two ticks', function (t) {
    var log = [];
    Promise.resolve().then(function () {
        return Promise.resolve();
    }).then(logger(log, 'returned'));
    Promise.resolve().then(logger(log, 1)).then(logger(log, 2)).then(logger(log, 3)).then(logger(log, 4));
    return ticks(8).then(function () {
        t.deepEqual(log, [1, 2, 3, 'returned', 4], 'handler result adoption order');
    });
});

test('Promise: thenables (§27.2.1.3.2 steps 8-16)', function (t) {
    var log = [];
    var getterCalls = 0;
    var thenable = {};
    Object.defineProperty(thenable, 'then', {
        get: function () {
            getterCalls += 1;
            return function (resolve) {
                log.push('then called');
                t.equal(this, thenable, 'then is called with the thenable as this');
                resolve(42);
                resolve(43);
            };
        }
    });
    var p = Promise.resolve(thenable);
    t.equal(getterCalls, 1, 'then is read once, synchronously');
    t.deepEqual(log, [], 'then is called in a later job');
    var throwing = { then: function (resolve) {
        resolve('ok');
        throw new Error('ignored');
    } };
    var badGetter = {};
    Object.defineProperty(badGetter, 'then', { get: function () { throw new RangeError('getter'); } });
    return Promise.all([
        p.then(function (v) { t.equal(v, 42, 'the thenable\'s first resolution wins'); }),
        Promise.resolve(throwing).then(function (v) { t.equal(v, 'ok', 'a throw after resolving is ignored'); }),
        t.rejects(Promise.resolve(badGetter), RangeError, 'a throwing then getter rejects'),
        Promise.resolve({ then: 5 }).then(function (v) { t.equal(v.then, 5, 'non-callable then fulfills with the object'); })
    ]);
});

test('Promise: resolving a promise with itself rejects with TypeError (§27.2.1.3.2 step 7)', function (t) {
    var resolveSelf;
    var p = new Promise(function (resolve) {
        resolveSelf = resolve;
    });
    resolveSelf(p);
    return t.rejects(p, TypeError, 'self resolution');
});

test('Promise: then pass-through and handler results (§27.2.2.1)', function (t) {
    var err = new Error('e');
    return Promise.all([
        Promise.resolve(1).then(null, 5).then(function (v) { t.equal(v, 1, 'non-callable onFulfilled passes the value'); }),
        Promise.reject(err).then(5).then(null, function (e) { t.equal(e, err, 'non-callable onRejected passes the reason'); }),
        Promise.reject(err)['catch'](function (e) { return 'recovered'; }).then(function (v) {
            t.equal(v, 'recovered', 'catch handler result fulfills');
        }),
        Promise.resolve(1).then(function () { throw err; }).then(null, function (e) {
            t.equal(e, err, 'handler exception rejects the derived promise');
        }),
        Promise.resolve().then(function () {
            'use strict';
            t.equal(this, undefined, 'handlers are called with undefined this');
        })
    ]);
});

test('Promise: catch and finally use Invoke(this, "then") (§27.2.5.1, §27.2.5.3)', function (t) {
    var calls = [];
    var fake = { then: function (a, b) {
        calls.push([a, typeof b]);
        return 'result';
    } };
    t.equal(Promise.prototype['catch'].call(fake, logger([], 'x')), 'result', 'catch returns then\'s result');
    t.deepEqual(calls[0], [undefined, 'function'], 'catch passes undefined and onRejected');
    Promise.prototype['finally'].call(fake, 3);
    t.deepEqual(calls[1], [3, 'number'], 'finally passes non-callable onFinally through');
    Promise.prototype['finally'].call(fake, function () {});
    t.equal(typeof calls[2][0], 'function', 'finally wraps a callable onFinally');
    t.throws(function () {
        Promise.prototype['finally'].call(1, function () {});
    }, TypeError, 'finally on a non-object throws');
});

test('Promise.prototype.finally: values and overrides (§27.2.5.3)', function (t) {
    var err = new Error('orig');
    var override = new Error('override');
    var args;
    return Promise.all([
        Promise.resolve(7)['finally'](function () {
            args = arguments.length;
            return 99;
        }).then(function (v) {
            t.equal(args, 0, 'onFinally gets no arguments');
            t.equal(v, 7, 'fulfilment value passes through, onFinally result ignored');
        }),
        Promise.reject(err)['finally'](function () {}).then(null, function (e) {
            t.equal(e, err, 'rejection reason passes through');
        }),
        Promise.resolve(1)['finally'](function () { throw override; }).then(null, function (e) {
            t.equal(e, override, 'a throwing onFinally overrides');
        }),
        Promise.reject(err)['finally'](function () { return Promise.reject(override); }).then(null, function (e) {
            t.equal(e, override, 'a rejected promise from onFinally overrides');
        })
    ]);
});

test('Promise.resolve / Promise.reject (§27.2.4.7, §27.2.4.6)', function (t) {
    var p = Promise.resolve(1);
    t.equal(Promise.resolve(p), p, 'Promise.resolve returns a promise whose constructor is this');
    var other = new Promise(function () {});
    Object.defineProperty(other, 'constructor', { value: Object });
    t.notEqual(Promise.resolve(other), other, 'a promise with another constructor is wrapped');
    t.throws(function () {
        Promise.resolve.call(1, 2);
    }, TypeError, 'Promise.resolve on a non-object throws');
    t.throws(function () {
        Promise.reject.call({}, 2);
    }, TypeError, 'Promise.reject on a non-constructor throws');
    var executorCalls = 0;
    function Custom(executor) {
        executorCalls += 1;
        return new Promise(executor);
    }
    var custom = Promise.resolve.call(Custom, 5);
    t.equal(executorCalls, 1, 'Promise.resolve uses NewPromiseCapability(this)');
    return Promise.all([
        custom.then(function (v) { t.equal(v, 5, 'custom capability resolved'); }),
        Promise.reject(p).then(null, function (r) { t.equal(r, p, 'Promise.reject does not unwrap'); })
    ]);
});

test('Promise.all (§27.2.4.1)', function (t) {
    var resolveLate;
    var late = new Promise(function (r) {
        resolveLate = r;
    });
    var all = Promise.all([late, 2, Promise.resolve(3), { then: function (r) { r(4); } }]);
    resolveLate(1);
    var err = new Error('first');
    return Promise.all([
        all.then(function (v) { t.deepEqual(v, [1, 2, 3, 4], 'values in input order, non-promises wrapped'); }),
        Promise.all([]).then(function (v) { t.deepEqual(v, [], 'empty iterable resolves to []'); }),
        Promise.all([Promise.reject(err), Promise.reject(new Error('second'))]).then(null, function (e) {
            t.equal(e, err, 'rejects with the first rejection');
        }),
        t.rejects(Promise.all(5), TypeError, 'a non-iterable rejects (not throws)'),
        Promise.all('ab').then(function (v) { t.deepEqual(v, ['a', 'b'], 'strings are iterable'); }),
        Promise.all(new Set([1, 2])).then(function (v) { t.deepEqual(v, [1, 2], 'Sets are iterable'); })
    ]);
});

test('Promise.all: calls this.resolve and closes the iterator on abrupt steps (§27.2.4.1.2)', function (t) {
    var returned = 0;
    var iterable = {};
    iterable[Symbol.iterator] = function () {
        return {
            next: function () { return { value: 1, done: false }; },
            'return': function () { returned += 1; return {}; }
        };
    };
    var resolveCalls = 0;
    function C(executor) {
        return new Promise(executor);
    }
    C.resolve = function () {
        resolveCalls += 1;
        throw new SyntaxError('from resolve');
    };
    var p = Promise.all.call(C, iterable);
    t.equal(resolveCalls, 1, 'C.resolve is called for the element');
    t.equal(returned, 1, 'iterator.return is called when the step throws');
    C.resolve = 5;
    var p2 = Promise.all.call(C, [1]);
    return Promise.all([
        t.rejects(p, SyntaxError, 'the exception rejects the result'),
        t.rejects(p2, TypeError, 'a non-callable C.resolve rejects with TypeError')
    ]);
});

test('Promise.allSettled (§27.2.4.2)', function (t) {
    var err = new Error('no');
    return Promise.allSettled([Promise.resolve(1), Promise.reject(err), 3]).then(function (v) {
        t.deepEqual(v, [
            { status: 'fulfilled', value: 1 },
            { status: 'rejected', reason: err },
            { status: 'fulfilled', value: 3 }
        ], 'settlement records in order');
    });
});

test('Promise.race (§27.2.4.5)', function (t) {
    var never = new Promise(function () {});
    var err = new Error('fast');
    return Promise.all([
        Promise.race([never, Promise.resolve('win'), Promise.reject(err)]).then(function (v) {
            t.equal(v, 'win', 'first settled in job order wins');
        }),
        Promise.race([never, Promise.reject(err)]).then(null, function (e) {
            t.equal(e, err, 'a rejection can win');
        })
    ]);
});

test('Promise.any and AggregateError (§27.2.4.3, §20.5.7)', function (t) {
    var e1 = new Error('1');
    var e2 = new Error('2');
    return Promise.all([
        Promise.any([Promise.reject(e1), Promise.resolve('ok'), 3]).then(function (v) {
            t.equal(v, 'ok', 'first fulfilment wins');
        }),
        Promise.any([Promise.reject(e1), Promise.reject(e2)]).then(null, function (e) {
            t.ok(e instanceof AggregateError, 'all rejected gives an AggregateError');
            t.ok(e instanceof Error, 'AggregateError is an Error');
            t.deepEqual(e.errors, [e1, e2], 'errors in input order');
            t.ok(!Object.getOwnPropertyDescriptor(e, 'errors').enumerable, 'errors is non-enumerable');
        }),
        Promise.any([]).then(null, function (e) {
            t.ok(e instanceof AggregateError, 'an empty iterable rejects with AggregateError');
            t.deepEqual(e.errors, [], 'with no errors');
        })
    ]);
});

test('AggregateError constructor (§20.5.7.1)', function (t) {
    var e = new AggregateError(new Set(['a', 'b']), 'msg', { cause: 'why' });
    t.deepEqual(e.errors, ['a', 'b'], 'errors from any iterable');
    t.equal(e.message, 'msg', 'message');
    t.equal(e.cause, 'why', 'cause from options');
    t.equal(e.name, 'AggregateError', 'name');
    t.equal(AggregateError.length, 2, 'length is 2');
    t.ok(AggregateError([]) instanceof AggregateError, 'callable without new');
    t.ok(Object.getOwnPropertyNames(new AggregateError([])).indexOf('message') < 0, 'no own message when undefined');
    t.equal(Object.getPrototypeOf(AggregateError), Error, '[[Prototype]] is %Error%');
    t.throws(function () {
        return new AggregateError(5);
    }, TypeError, 'non-iterable errors throw');
});

test('Promise: subclass instances made the way Babel\'s _wrapNativeSuper does', function (t) {
    function MyPromise(executor) {
        var instance = new (Function.prototype.bind.apply(Promise, [null, executor]))();
        Object.setPrototypeOf(instance, MyPromise.prototype);
        return instance;
    }
    MyPromise.prototype = Object.create(Promise.prototype, { constructor: { value: MyPromise } });
    Object.setPrototypeOf(MyPromise, Promise);
    var p = new MyPromise(function (r) {
        r(3);
    });
    t.ok(p instanceof MyPromise && p instanceof Promise, 'instance of both');
    t.equal(MyPromise.resolve(p), p, 'MyPromise.resolve returns its own instance');
    return p.then(function (v) {
        t.equal(v, 3, 'then works on the subclass instance');
    });
});

test('Promise: async function lowered in the regenerator style', function (t) {
    /* Minimal generator runtime in the shape regenerator's wrap() produces:
     * a state machine over a context with next/sent/prev/abrupt/catch. */
    function wrap(innerFn, tryLocs) {
        var context = { next: 0, prev: 0, sent: undefined, rval: undefined, done: false, thrown: undefined };
        context.abrupt = function (type, arg) {
            context.rval = arg;
            context.done = true;
            return undefined;
        };
        context['catch'] = function () {
            var e = context.thrown;
            context.thrown = undefined;
            return e;
        };
        context.stop = function () {
            context.done = true;
            return context.rval;
        };
        function run() {
            var value = innerFn(context);
            return context.done ? { value: context.rval, done: true } : { value: value, done: false };
        }
        var gen = {
            next: function (v) {
                context.sent = v;
                return run();
            },
            'throw': function (e) {
                for (var i = 0; i < tryLocs.length; i++) {
                    if (context.prev >= tryLocs[i][0] && context.prev < tryLocs[i][1]) {
                        context.thrown = e;
                        context.next = tryLocs[i][1];
                        return run();
                    }
                }
                context.done = true;
                throw e;
            }
        };
        gen[Symbol.iterator] = function () { return this; };
        gen[Symbol.toStringTag] = 'Generator';
        return gen;
    }
    function asyncToGenerator(makeGen) {
        return function () {
            var gen = makeGen.apply(this, arguments);
            return new Promise(function (resolve, reject) {
                function step(method, arg) {
                    var info;
                    try {
                        info = gen[method](arg);
                    } catch (e) {
                        reject(e);
                        return;
                    }
                    if (info.done) {
                        resolve(info.value);
                    } else {
                        Promise.resolve(info.value).then(onNext, onThrow);
                    }
                }
                function onNext(v) { step('next', v); }
                function onThrow(e) { step('throw', e); }
                onNext(undefined);
            });
        };
    }
    var log = [];
    /* async function f(x) {
     *   log.push('start'); var a = await x;
     *   try { await Promise.reject('bad'); } catch (e) { a += e; }
     *   log.push('end'); return a + '!';
     * } */
    var f = asyncToGenerator(function (x) {
        var a;
        return wrap(function (context) {
            for (;;) {
                switch (context.prev = context.next) {
                case 0:
                    log.push('start');
                    context.next = 2;
                    return x;
                case 2:
                    a = context.sent;
                    context.prev = 3;
                    context.next = 6;
                    return Promise.reject('bad');
                case 6:
                    context.next = 11;
                    break;
                case 8:
                    context.prev = 8;
                    a += context['catch'](3);
                    context.next = 11;
                    break;
                case 11:
                    log.push('end');
                    return context.abrupt('return', a + '!');
                }
            }
        }, [[3, 8]]);
    });
    var result = f('v:');
    log.push('after call');
    queueMicrotask(logger(log, 'microtask'));
    t.ok(result instanceof Promise, 'the async function returns a Promise');
    t.deepEqual(log, ['start', 'after call'], 'the body runs synchronously up to the first await');
    return result.then(function (v) {
        t.equal(v, 'v:bad!', 'awaited values and caught rejection flow through');
        t.deepEqual(log, ['start', 'after call', 'microtask', 'end'], 'await resumes in a later job');
        t.equal(typeof Symbol.asyncIterator, 'symbol', 'Symbol.asyncIterator exists for async generators');
    });
});

test('Promise: unhandled rejections are reported once (HostPromiseRejectionTracker)', function (t) {
    if (typeof native !== 'object' || typeof native.reportUnhandledRejections !== 'function') {
        t.comment('skipped: the runtime\'s native object is not visible to this test');
        return undefined;
    }
    var reported = [];
    var originalReport = native.reportError;
    native.reportUnhandledRejections();
    native.reportError = function (e, what) {
        reported.push([e, what]);
    };
    var handledLater = Promise.reject('handled-late');
    Promise.reject('lost');
    handledLater['catch'](function () {});
    Promise.resolve().then(function () {
        throw 'thrown';
    });
    return ticks(3).then(function () {
        native.reportUnhandledRejections();
        native.reportUnhandledRejections();
        native.reportError = originalReport;
        t.deepEqual(reported, [['lost', 'Uncaught (in promise)'], ['thrown', 'Uncaught (in promise)']],
            'only unhandled rejections, each once, with the Uncaught (in promise) label');
        t.ok(native.isPromise(handledLater) && !native.isPromise({ then: function () {} }), 'native.isPromise');
    });
});

test('Promise: a frozen or sealed promise still settles and takes reactions', function (t) {
    var resolveA, rejectB;
    var a = Object.freeze(new Promise(function (resolve) { resolveA = resolve; }));
    var b = Object.seal(new Promise(function (resolve, reject) { rejectB = reject; }));
    var c = Object.freeze(Promise.resolve('c'));
    var got = [];
    a.then(function (v) { got.push('a:' + v); });
    b['catch'](function (e) { got.push('b:' + e); });
    resolveA('one');
    rejectB('two');
    return Promise.all([a, c, b['catch'](function () {})]).then(function (list) {
        t.deepEqual(list.slice(0, 2), ['one', 'c'], 'values');
        t.deepEqual(got, ['a:one', 'b:two'], 'reactions ran in order');
    });
});

test('Promise: slots, thenables and resolution through the core', function (t) {
    var order = [];
    var thenable = { then: function (resolve) { order.push('then called'); resolve('from thenable'); } };
    var getterThrows = {};
    Object.defineProperty(getterThrows, 'then', { get: function () { throw new RangeError('no then'); } });
    var self;
    self = new Promise(function (resolve) { Promise.resolve().then(function () { resolve(self); }); });
    var p1 = Promise.resolve(thenable);
    order.push('sync');
    var p2 = new Promise(function (resolve) { resolve(getterThrows); });
    var p3 = Promise.resolve(Promise.resolve(3));
    var p4 = new Promise(function (resolve) { resolve(function () {}); });
    return Promise.all([
        p1,
        p2.then(null, function (e) { return e instanceof RangeError && e.message; }),
        p3,
        self.then(null, function (e) { return e instanceof TypeError; }),
        p4.then(function (f) { return typeof f; })
    ]).then(function (r) {
        t.deepEqual(r, ['from thenable', 'no then', 3, true, 'function'], 'outcomes');
        t.deepEqual(order, ['sync', 'then called'], 'a thenable is called in a job');
    });
});

test('Promise: a subclass constructs through Reflect.construct; calls without new still throw', function (t) {
    function Sub(executor) {
        return Reflect.construct(Promise, [executor], Sub);
    }
    Sub.prototype = Object.create(Promise.prototype, { constructor: { value: Sub, writable: true, configurable: true } });
    Object.setPrototypeOf(Sub, Promise);
    var s = new Sub(function (resolve) { resolve(5); });
    t.ok(s instanceof Sub && s instanceof Promise, 'an instance of both');
    var r = Sub.resolve(6);
    t.ok(r instanceof Sub, 'Sub.resolve makes a Sub');
    t.throws(function () { Promise(function () {}); }, TypeError, 'Promise() without new');
    t.throws(function () { Promise.call({}, function () {}); }, TypeError, 'on an object that is no promise');
    t.throws(function () { Promise.call(Promise.resolve(1), function () {}); }, TypeError, 'on a promise already made');
    t.throws(function () { Promise.call(Object.create(s), function () {}); }, TypeError, 'on an object inheriting from a promise');
    return Promise.all([s, r]).then(function (v) {
        t.deepEqual(v, [5, 6], 'they settle');
    });
});
