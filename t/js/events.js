// SPDX-License-Identifier: MIT
/* DOM standard: Event, EventTarget, AbortController/AbortSignal; WebIDL DOMException. */
test('DOMException: name, message, code', function (t) {
    var e = new DOMException('gone', 'AbortError');
    t.equal(e.name, 'AbortError', 'name');
    t.equal(e.message, 'gone', 'message');
    t.equal(e.code, 20, 'legacy code of AbortError');
    t.ok(e instanceof Error, 'DOMException.prototype inherits from Error.prototype');
    var d = new DOMException();
    t.equal(d.name, 'Error', 'name defaults to Error');
    t.equal(d.message, '', 'message defaults to the empty string');
    t.equal(d.code, 0, 'names without a legacy code have code 0');
    t.equal(DOMException.ABORT_ERR, 20, 'ABORT_ERR constant');
    t.equal(new DOMException('x', 'TimeoutError').code, 23, 'TIMEOUT_ERR');
    t.equal(DOMException.URL_MISMATCH_ERR, 21, 'URL_MISMATCH_ERR constant (WebIDL spelling)');
    t.equal(DOMException.VALIDATION_ERR, 16, 'the codes no name maps to are constants too');
    t.equal(e.INDEX_SIZE_ERR, 1, 'on instances too, through the prototype');
    var desc = Object.getOwnPropertyDescriptor(DOMException, 'DATA_CLONE_ERR');
    t.ok(desc.enumerable && !desc.writable && !desc.configurable, 'enumerable, read-only constants');
});

test('Event: constructor and flags', function (t) {
    var e = new Event('ping');
    t.equal(e.type, 'ping', 'type');
    t.equal(e.bubbles, false, 'bubbles defaults to false');
    t.equal(e.cancelable, false, 'cancelable defaults to false');
    t.equal(e.defaultPrevented, false, 'not canceled');
    t.equal(e.isTrusted, false, 'script events are untrusted');
    t.equal(typeof e.timeStamp, 'number', 'timeStamp is a number');
    e.preventDefault();
    t.equal(e.defaultPrevented, false, 'preventDefault has no effect on a non-cancelable event');
    var c = new Event('ping', { cancelable: true, bubbles: true });
    t.equal(c.bubbles, true, 'bubbles from init');
    c.preventDefault();
    t.equal(c.defaultPrevented, true, 'preventDefault cancels a cancelable event');
    t.throws(function () { new Event(); }, TypeError, 'type is required');
});

test('EventTarget: dispatch sets target/currentTarget and returns !canceled', function (t) {
    var target = new EventTarget(), seen = [];
    target.addEventListener('x', function (e) {
        seen.push(e.target === target, e.currentTarget === target, e.eventPhase, this === target);
        e.preventDefault();
    });
    var e = new Event('x', { cancelable: true });
    t.equal(target.dispatchEvent(e), false, 'canceled event: dispatchEvent returns false');
    t.deepEqual(seen, [true, true, 2, true], 'target, currentTarget, AT_TARGET phase, this inside the listener');
    t.equal(e.currentTarget, null, 'currentTarget is null after dispatch');
    t.equal(e.target, target, 'target stays set after dispatch');
    t.equal(e.eventPhase, 0, 'eventPhase is NONE after dispatch');
    t.equal(target.dispatchEvent(new Event('y')), true, 'no listener: returns true');
});

test('EventTarget: listener options and registration rules', function (t) {
    var target = new EventTarget(), calls = 0;
    function listener() { calls++; }
    target.addEventListener('a', listener);
    target.addEventListener('a', listener);
    target.dispatchEvent(new Event('a'));
    t.equal(calls, 1, 'the same (type, callback, capture) is registered once');
    target.addEventListener('a', listener, true);
    target.dispatchEvent(new Event('a'));
    t.equal(calls, 3, 'capture makes a distinct registration');
    target.removeEventListener('a', listener, { capture: true });
    target.dispatchEvent(new Event('a'));
    t.equal(calls, 4, 'removeEventListener matches capture');
    target.removeEventListener('a', listener);
    target.dispatchEvent(new Event('a'));
    t.equal(calls, 4, 'removed');

    var once = 0;
    target.addEventListener('b', function () { once++; }, { once: true });
    target.dispatchEvent(new Event('b'));
    target.dispatchEvent(new Event('b'));
    t.equal(once, 1, 'once listener is removed after its first call');

    var handled = null;
    target.addEventListener('c', { handleEvent: function (e) { handled = e.type; } });
    target.dispatchEvent(new Event('c'));
    t.equal(handled, 'c', 'an object listener gets handleEvent called');

    var passive = new Event('d', { cancelable: true });
    target.addEventListener('d', function (e) { e.preventDefault(); }, { passive: true });
    t.equal(target.dispatchEvent(passive), true, 'preventDefault is ignored in a passive listener');
});

test('EventTarget: stopImmediatePropagation and listener exceptions', function (t) {
    var target = new EventTarget(), order = [];
    target.addEventListener('x', function (e) { order.push(1); e.stopImmediatePropagation(); });
    target.addEventListener('x', function () { order.push(2); });
    target.dispatchEvent(new Event('x'));
    t.deepEqual(order, [1], 'later listeners do not run');
    order = [];
    target.addEventListener('y', function () { order.push(1); throw new Error('listener failure (expected in this test)'); });
    target.addEventListener('y', function () { order.push(2); });
    target.dispatchEvent(new Event('y'));
    t.deepEqual(order, [1, 2], 'an exception is reported, not propagated, and dispatch goes on');
    var e = new Event('z'), inner = null;
    target.addEventListener('z', function () {
        try {
            target.dispatchEvent(e);
        } catch (err) {
            inner = err;
        }
    });
    target.dispatchEvent(e);
    t.ok(inner instanceof DOMException && inner.name === 'InvalidStateError', 're-dispatching an event being dispatched throws InvalidStateError');
});

test('EventTarget: signal option removes the listener on abort', function (t) {
    var target = new EventTarget(), controller = new AbortController(), calls = 0;
    target.addEventListener('x', function () { calls++; }, { signal: controller.signal });
    target.dispatchEvent(new Event('x'));
    controller.abort();
    target.dispatchEvent(new Event('x'));
    t.equal(calls, 1, 'no calls after abort');
    target.addEventListener('x', function () { calls++; }, { signal: AbortSignal.abort() });
    target.dispatchEvent(new Event('x'));
    t.equal(calls, 1, 'an already aborted signal prevents registration');
});

test('AbortController: abort() and the abort event', function (t) {
    var controller = new AbortController(), signal = controller.signal, events = 0, handler = 0;
    t.equal(signal.aborted, false, 'not aborted initially');
    t.equal(signal.reason, undefined, 'reason undefined initially');
    t.equal(controller.signal, signal, 'signal is the same object each time');
    signal.addEventListener('abort', function (e) { events++; t.equal(e.type, 'abort', 'event type'); });
    signal.onabort = function () { handler++; };
    controller.abort();
    controller.abort();
    t.equal(signal.aborted, true, 'aborted');
    t.equal(events, 1, 'abort event fired once');
    t.equal(handler, 1, 'onabort called once');
    t.ok(signal.reason instanceof DOMException, 'default reason is a DOMException');
    t.equal(signal.reason.name, 'AbortError', 'default reason is an AbortError');
    t.throws(function () { signal.throwIfAborted(); }, DOMException, 'throwIfAborted throws the reason');
    var custom = new AbortController();
    custom.abort('why');
    t.equal(custom.signal.reason, 'why', 'abort(reason) keeps the reason');
    t.throws(function () { new AbortSignal(); }, TypeError, 'AbortSignal has no public constructor');
    new AbortController().signal.throwIfAborted();
    t.ok(true, 'throwIfAborted does nothing on a signal that is not aborted');
});

test('AbortSignal.abort and AbortSignal.any', function (t) {
    var s = AbortSignal.abort();
    t.equal(s.aborted, true, 'AbortSignal.abort() is aborted');
    t.equal(s.reason.name, 'AbortError', 'with an AbortError');
    t.equal(AbortSignal.abort(42).reason, 42, 'with the given reason');
    var a = new AbortController(), b = new AbortController();
    var any = AbortSignal.any([a.signal, b.signal]), fired = 0;
    any.addEventListener('abort', function () { fired++; });
    t.equal(any.aborted, false, 'not aborted while no source is');
    b.abort('b');
    t.equal(any.aborted, true, 'aborted when a source aborts');
    t.equal(any.reason, 'b', 'with the source reason');
    t.equal(fired, 1, 'fires abort');
    a.abort('a');
    t.equal(any.reason, 'b', 'later sources do not change the reason');
    t.equal(AbortSignal.any([a.signal]).reason, 'a', 'an already aborted source aborts the result at once');
    t.equal(AbortSignal.any([]).aborted, false, 'no sources: never aborted');
    var root = new AbortController(), nested = AbortSignal.any([AbortSignal.any([root.signal])]);
    root.abort('r');
    t.equal(nested.reason, 'r', 'dependent signals follow the original sources');
});

test('AbortSignal.timeout aborts with a TimeoutError', function (t) {
    var signal = AbortSignal.timeout(5);
    t.equal(signal.aborted, false, 'not aborted before the timeout');
    return new Promise(function (resolve) {
        signal.onabort = function () {
            t.ok(signal.reason instanceof DOMException, 'reason is a DOMException');
            t.equal(signal.reason.name, 'TimeoutError', 'reason is a TimeoutError');
            resolve();
        };
    });
});

test('the global scope is a WorkerGlobalScope and an EventTarget, as in workerd', function (t) {
    t.equal(typeof WorkerGlobalScope, 'function', 'WorkerGlobalScope is a global');
    t.ok(self instanceof WorkerGlobalScope && globalThis instanceof WorkerGlobalScope,
        'self instanceof WorkerGlobalScope (how Prism and others tell a worker)');
    t.ok(globalThis instanceof EventTarget, 'and an EventTarget');
    var proto = Object.getPrototypeOf(globalThis);
    t.equal(proto.constructor.name, 'ServiceWorkerGlobalScope', 'its class is ServiceWorkerGlobalScope');
    t.equal(Object.getPrototypeOf(proto), WorkerGlobalScope.prototype, 'which extends WorkerGlobalScope');
    t.equal(typeof globalThis.ServiceWorkerGlobalScope, 'undefined', 'which is no global');
    t.throws(function () { return new WorkerGlobalScope(); }, TypeError, 'Illegal constructor');
    t.equal(typeof hasOwnProperty, 'function', 'Object.prototype is still on the chain');
    t.ok(Object.prototype.hasOwnProperty.call(globalThis, 'addEventListener'), 'the global addEventListener is its own');
});
