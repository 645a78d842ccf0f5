// SPDX-License-Identifier: MIT
/*
 * The WHATWG Streams Standard (https://streams.spec.whatwg.org/), first of
 * its files: what all stream classes share. Promises with their resolving
 * functions (Deferred, the read request behind reader.read()), the
 * brand checks and WebIDL helpers, the queue-with-sizes, and the queuing
 * strategies (CountQueuingStrategy, ByteLengthQueuingStrategy).
 *
 * The stream files, in load order: this one; 21-streams-writable.js
 * (WritableStream); 22-streams-readable.js (ReadableStream, default
 * readers and controller, tee); 23-streams-pipe-iterate.js (pipeTo,
 * pipeThrough, async iteration, ReadableStream.from);
 * 24-streams-transform.js (TransformStream); 25-byte-streams.js (byte
 * streams). Each file's internals that a later one uses are properties of
 * `native.streamInternals`, which this file creates; a later file copies
 * the ones it calls into file-level variables of the same names.
 *
 * The algorithms follow the spec's abstract operations step by step and keep
 * their names (in camelCase) so each can be checked against the text. Every
 * public object keeps one internal record under the SLOT symbol; the record
 * points back at the public object through `.obj` (which is also the brand
 * check). Queues are arrays with a moving head index, so enqueue and dequeue
 * are O(1); promise reactions that run per chunk are closures created once
 * per stream, never per chunk. Promises are %Promise%s (native.newPromise
 * and friends, js/10-promise.js), whatever the global Promise is now.
 */
var SLOT = Symbol('fcw.stream');
var PENDING = 0, FULFILLED = 1, REJECTED = 2;
/* `a instanceof B` without the operator's call of B[Symbol.hasInstance]
 * where that is the ordinary one (lib/api_fastpath.c): for the brand checks
 * every stream operation makes */
var instanceOf = native.instanceOf;

if (!Symbol.asyncIterator) {
    Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('Symbol.asyncIterator') });
}

/* ---- promises ---- */

var newPromise = native.newPromise, settleResolve = native.resolvePromise, settleReject = native.rejectPromise;

/* A promise with its settling steps and a settled state, for the spec's "a
 * new promise" that is later resolved or rejected by an algorithm. The
 * promise is a %Promise% settled by the runtime's own steps (no resolving
 * functions or executor per promise); the state makes each settle once. */
function Deferred() {
    this.promise = (0, newPromise)();
    this.state = PENDING;
}

Deferred.prototype.resolveFn = function (value) {
    (0, settleResolve)(this.promise, value);
};

Deferred.prototype.rejectFn = function (reason) {
    (0, settleReject)(this.promise, reason);
};

function resolveDeferred(d, value) {
    if (d.state === PENDING) {
        d.state = FULFILLED;
        d.resolveFn(value);
    }
}

function rejectDeferred(d, reason) {
    if (d.state === PENDING) {
        d.state = REJECTED;
        d.rejectFn(reason);
    }
}

function noop() {
}

function returnUndefined() {
    return void 0;
}

/* Sets promise.[[PromiseIsHandled]] to true. */
var markHandled = native.markHandled;

function rejectHandled(d, reason) {
    (0, rejectDeferred)(d, reason);
    (0, markHandled)(d.promise);
}

function resolvedDeferred(value) {
    var d = new Deferred();
    (0, resolveDeferred)(d, value);
    return d;
}

function rejectedDeferred(reason) {
    var d = new Deferred();
    (0, rejectHandled)(d, reason);
    return d;
}

/* "A promise resolved with" value, "a promise rejected with" reason. */
var promiseResolve = native.promiseResolve, promiseReject = native.promiseReject;

/* Calls an optional user method as `method.call(thisArg, a, b)` and turns
 * the outcome into a promise (a throw becomes a rejection). */
function promiseCall(method, thisArg, a, b) {
    if (method === void 0) {
        return (0, promiseResolve)(void 0);
    }
    try {
        return (0, promiseResolve)(method.call(thisArg, a, b));
    } catch (e) {
        return (0, promiseReject)(e);
    }
}

/* Runs a per-chunk algorithm (pull, write) and schedules onFulfilled or
 * onRejected as the spec's "upon fulfillment/rejection" would. Such
 * algorithms may return a plain value (fulfilled), a promise or thenable, or
 * throw (rejected); a plain value costs one job instead of two promises. */
function runAlgorithm(algorithm, arg, onFulfilled, onRejected) {
    var result;
    try {
        result = algorithm(arg);
    } catch (e) {
        native.enqueueJob(onRejected, e);
        return;
    }
    if ((0, isObject)(result)) {
        (0, promiseResolve)(result).then(onFulfilled, onRejected);
    } else {
        native.enqueueJob(onFulfilled, result);
    }
}

/* The read request behind reader.read() of both reader classes (a read
 * request or a read-into request): settles a promise. */
function PromiseReadRequest() {
    this.promise = (0, newPromise)();
}

/* Each request takes one of its three steps, once. */
PromiseReadRequest.prototype.resolveFn = Deferred.prototype.resolveFn;
PromiseReadRequest.prototype.rejectFn = Deferred.prototype.rejectFn;

PromiseReadRequest.prototype.chunkSteps = function (chunk) {
    this.resolveFn({ value: chunk, done: false });
};

/* A BYOB reader's read-into request closes with a chunk (an empty view of
 * its buffer); a default reader's read request with none. */
PromiseReadRequest.prototype.closeSteps = function (chunk) {
    this.resolveFn({ value: chunk, done: true });
};

PromiseReadRequest.prototype.errorSteps = function (e) {
    this.rejectFn(e);
};

/* ---- small helpers ---- */

function typeError(message) {
    return new TypeError(message);
}

function isObject(x) {
    return x !== null && (typeof x === 'object' || typeof x === 'function');
}

/* The SLOT of a byte stream over known bytes that nothing has looked
 * into yet (js/25-byte-streams.js's fromBytes: a body's .body): the
 * stream object and its bytes; taken 1 when takeKnownBytes took them (the
 * stream locked), 2 when it also consumed them (disturbed and closed).
 * The stream's own record and controller are made when first wanted
 * (S.materializeLazy, through recordOf): a body re-wrapped (`new
 * Response(res.body, res)`) and sent, or cloned, never needs them. */
function LazyBytesRecord(obj, bytes) {
    this.obj = obj;
    this.bytes = bytes;
    this.taken = 0;
}

/* x's own record (of any kind: a stream's, a lazy one, ...), or
 * undefined; recordOf without the kind's check and without making a lazy
 * record's stream (for the helpers that answer either). */
function slotOf(x) {
    var r = x !== null && typeof x === 'object' ? x[SLOT] : void 0;
    return r !== void 0 && r.obj === x ? r : void 0;
}

function recordOf(x, Kind) {
    if (x !== null && (typeof x === 'object' || typeof x === 'function')) {
        var r = x[SLOT];
        if ((0, instanceOf)(r, Kind) && r.obj === x) {
            return r;
        }
        if ((0, instanceOf)(r, LazyBytesRecord) && r.obj === x) {
            r = S.materializeLazy(r);
            if ((0, instanceOf)(r, Kind)) {
                return r;
            }
        }
    }
    return void 0;
}

function brand(x, Kind, what) {
    var r = (0, recordOf)(x, Kind);
    if (r === void 0) {
        throw (0, typeError)('Illegal invocation: not a ' + what);
    }
    return r;
}

function illegalConstructor() {
    throw (0, typeError)('Illegal constructor');
}

function requireNew(self, Ctor, name) {
    if (!(self instanceof Ctor) || (0, recordOf)(self, Object) !== void 0) {
        throw (0, typeError)("Failed to construct '" + name + "': Please use the 'new' operator");
    }
}

/* (native.defineData and defineAccessor: Object.defineProperty without
 * the descriptor object; attrs 1 writable, 2 enumerable, 4 configurable) */
function getter(proto, name, fn) {
    native.defineAccessor(proto, name, fn, void 0, 6);
}

function methods(proto, table) {
    var name;
    for (name in table) {
        if (Object.prototype.hasOwnProperty.call(table, name)) {
            native.defineData(proto, name, table[name], 7);
        }
    }
}

/* a new property: { value: name, configurable: true } */
function toStringTag(proto, name) {
    native.defineData(proto, Symbol.toStringTag, name, 4);
}

/* Reads an optional callable member of a dictionary argument. */
function optionalMethod(dict, name, context) {
    var value = dict[name];
    if (value !== void 0 && typeof value !== 'function') {
        throw (0, typeError)(context + ': member ' + name + ' is not a function');
    }
    return value;
}

function dictionary(x, context) {
    if (x === void 0 || x === null) {
        return {};
    }
    if (!(0, isObject)(x)) {
        throw (0, typeError)(context + ': argument is not an object');
    }
    return x;
}

/* ---- queue with sizes (QueueWithSizes) and plain FIFO ---- */

function Fifo() {
    /* (its array made by the first push: most queues of a body's stream
     * and reader stay empty) */
    this.items = null;
    this.head = 0;
}

var NO_ITEMS = Object.freeze([]);

Fifo.prototype.push = function (value) {
    var items = this.items;
    if (items === null) {
        this.items = [value];
    } else {
        items.push(value);
    }
};

Fifo.prototype.shift = function () {
    var items = this.items, value;
    if (items === null) {
        return void 0;
    }
    value = items[this.head];
    items[this.head] = void 0;
    this.head += 1;
    if (this.head === items.length) {
        this.items = null;
        this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > items.length) {
        this.items = items.slice(this.head);
        this.head = 0;
    }
    return value;
};

Fifo.prototype.peek = function () {
    return this.items === null ? void 0 : this.items[this.head];
};

Fifo.prototype.size = function () {
    return this.items === null ? 0 : this.items.length - this.head;
};

/* Drains the FIFO, returning its items as an array in order (not to be
 * written: an empty FIFO gives a shared empty array). */
Fifo.prototype.takeAll = function () {
    var items = this.items;
    if (items === null) {
        return NO_ITEMS;
    }
    var all = this.head === 0 ? items : items.slice(this.head);
    this.items = null;
    this.head = 0;
    return all;
};

/* Empties a FIFO of read (or read-into) requests, then runs the close
 * steps of each (closing: arg is the chunk) or its error steps (arg is the
 * error). */
function settleRequests(fifo, closing, arg) {
    var requests = fifo.takeAll(), i;
    for (i = 0; i < requests.length; i++) {
        if (closing) {
            requests[i].closeSteps(arg);
        } else {
            requests[i].errorSteps(arg);
        }
    }
}

function resetQueue(c) {
    c.queue = new Fifo();
    c.queueSizes = new Fifo();
    c.queueTotalSize = 0;
}

function enqueueValueWithSize(c, value, size) {
    if (typeof size !== 'number' || size !== size || size < 0 || size === Infinity) {
        throw new RangeError('The return value of a queuing strategy size function must be a finite, non-NaN, non-negative number');
    }
    c.queue.push(value);
    c.queueSizes.push(size);
    c.queueTotalSize += size;
}

function dequeueValue(c) {
    c.queueTotalSize -= c.queueSizes.shift();
    if (c.queueTotalSize < 0) {
        c.queueTotalSize = 0;
    }
    return c.queue.shift();
}

/* ---- queuing strategies ---- */

/* Converts a QueuingStrategy dictionary as WebIDL does: highWaterMark to a
 * number, size checked to be callable. */
function queuingStrategy(strategy, context) {
    var dict = (0, dictionary)(strategy, context);
    var hwm = dict.highWaterMark, size = dict.size;
    if (size !== void 0 && typeof size !== 'function') {
        throw (0, typeError)(context + ': queuing strategy size is not a function');
    }
    return { highWaterMark: hwm === void 0 ? void 0 : Number(hwm), size: size };
}

function extractHighWaterMark(strategy, defaultHWM) {
    var hwm = strategy.highWaterMark;
    if (hwm === void 0) {
        return defaultHWM;
    }
    if (hwm !== hwm || hwm < 0) {
        throw new RangeError('Invalid highWaterMark');
    }
    return hwm;
}

function sizeOne() {
    return 1;
}

function extractSizeAlgorithm(strategy) {
    var size = strategy.size;
    if (size === void 0) {
        return sizeOne;
    }
    return function (chunk) {
        return size.call(void 0, chunk);
    };
}

function StrategyRecord(obj, hwm) {
    this.obj = obj;
    this.highWaterMark = hwm;
}

function strategyInit(self, Ctor, name, init) {
    (0, requireNew)(self, Ctor, name);
    if (!(0, isObject)(init) || init.highWaterMark === void 0) {
        throw (0, typeError)("Failed to construct '" + name + "': required member highWaterMark is undefined");
    }
    self[SLOT] = new StrategyRecord(self, Number(init.highWaterMark));
}

function countSize() {
    return 1;
}
Object.defineProperty(countSize, 'name', { value: 'size' });

function byteLengthSize(chunk) {
    return chunk.byteLength;
}
Object.defineProperty(byteLengthSize, 'name', { value: 'size' });
/* the strategies' size functions are built-in functions, not constructors */
native.nonConstructor(countSize);
native.nonConstructor(byteLengthSize);

function CountQueuingStrategy(init) {
    (0, strategyInit)(this, CountQueuingStrategy, 'CountQueuingStrategy', init);
}

function ByteLengthQueuingStrategy(init) {
    (0, strategyInit)(this, ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy', init);
}

(0, getter)(CountQueuingStrategy.prototype, 'highWaterMark', function () {
    return (0, brand)(this, StrategyRecord, 'CountQueuingStrategy').highWaterMark;
});
(0, getter)(CountQueuingStrategy.prototype, 'size', function () {
    (0, brand)(this, StrategyRecord, 'CountQueuingStrategy');
    return countSize;
});
(0, getter)(ByteLengthQueuingStrategy.prototype, 'highWaterMark', function () {
    return (0, brand)(this, StrategyRecord, 'ByteLengthQueuingStrategy').highWaterMark;
});
(0, getter)(ByteLengthQueuingStrategy.prototype, 'size', function () {
    (0, brand)(this, StrategyRecord, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
});
(0, toStringTag)(CountQueuingStrategy.prototype, 'CountQueuingStrategy');
(0, toStringTag)(ByteLengthQueuingStrategy.prototype, 'ByteLengthQueuingStrategy');

/* ---- publish ---- */

native.defineGlobal('CountQueuingStrategy', CountQueuingStrategy);
native.defineGlobal('ByteLengthQueuingStrategy', ByteLengthQueuingStrategy);

/* ---- shared with the later stream files ---- */

var S = native.streamInternals = {};
S.SLOT = SLOT;
S.LazyBytesRecord = LazyBytesRecord;
S.slotOf = slotOf;
S.materializeLazy = null; /* js/25-byte-streams.js */
S.PENDING = PENDING;
S.Deferred = Deferred;
S.resolveDeferred = resolveDeferred;
S.rejectDeferred = rejectDeferred;
S.noop = noop;
S.returnUndefined = returnUndefined;
S.markHandled = markHandled;
S.rejectHandled = rejectHandled;
S.resolvedDeferred = resolvedDeferred;
S.rejectedDeferred = rejectedDeferred;
S.promiseResolve = promiseResolve;
S.promiseReject = promiseReject;
S.promiseCall = promiseCall;
S.runAlgorithm = runAlgorithm;
S.typeError = typeError;
S.isObject = isObject;
S.recordOf = recordOf;
S.brand = brand;
S.illegalConstructor = illegalConstructor;
S.requireNew = requireNew;
S.getter = getter;
S.methods = methods;
S.toStringTag = toStringTag;
S.optionalMethod = optionalMethod;
S.dictionary = dictionary;
S.Fifo = Fifo;
S.settleRequests = settleRequests;
S.resetQueue = resetQueue;
S.enqueueValueWithSize = enqueueValueWithSize;
S.dequeueValue = dequeueValue;
S.queuingStrategy = queuingStrategy;
S.extractHighWaterMark = extractHighWaterMark;
S.sizeOne = sizeOne;
S.extractSizeAlgorithm = extractSizeAlgorithm;
S.PromiseReadRequest = PromiseReadRequest;
