/*
 * The WHATWG Streams Standard (https://streams.spec.whatwg.org/):
 * ReadableStream (the default controller, default readers, tee, pipeTo,
 * pipeThrough, async iteration, ReadableStream.from; byte streams are
 * js/23-byte-streams.js),
 * WritableStream, TransformStream and the two queuing strategies.
 *
 * The algorithms follow the spec's abstract operations step by step and keep
 * their names (in camelCase) so each can be checked against the text. Every
 * public object keeps one internal record under the SLOT symbol; the record
 * points back at the public object through `.obj` (which is also the brand
 * check). Queues are arrays with a moving head index, so enqueue and dequeue
 * are O(1); promise reactions that run per chunk are closures created once
 * per stream, never per chunk. Promises come from `global.Promise`, looked up
 * at call time.
 *
 * Internal entry points on `native` (for the C side and other js/ files):
 *   native.isReadableStream(x)                 -> boolean
 *   native.readableStreamFromSource(src, qs)   -> new ReadableStream(src, qs)
 *   native.readableStreamIsDisturbed(stream)   -> boolean (Body.bodyUsed)
 *   native.readableStreamIsLocked(stream)      -> boolean
 *   native.readableStreamCancel(stream, why)   -> Promise (ignores the lock)
 *   native.readableStreamTeeForClone(stream)   -> [branch1, branch2] with
 *                                                 cloned chunks (Body clone)
 *   native.isWritableStream(x)                 -> boolean
 */
var SLOT = Symbol('fcw.stream');
var PENDING = 0, FULFILLED = 1, REJECTED = 2;

if (!Symbol.asyncIterator) {
    Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('Symbol.asyncIterator') });
}

/* ---- promises ---- */

var capturedResolve, capturedReject;

function captureResolvers(resolve, reject) {
    capturedResolve = resolve;
    capturedReject = reject;
}

/* A promise with its resolving functions and a settled state, for the
 * spec's "a new promise" that is later resolved or rejected by an algorithm. */
function Deferred() {
    this.promise = new global.Promise(captureResolvers);
    this.resolveFn = capturedResolve;
    this.rejectFn = capturedReject;
    this.state = PENDING;
}

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
    return undefined;
}

function markHandled(promise) {
    promise.then(undefined, noop);
}

function rejectHandled(d, reason) {
    rejectDeferred(d, reason);
    markHandled(d.promise);
}

function resolvedDeferred(value) {
    var d = new Deferred();
    resolveDeferred(d, value);
    return d;
}

function rejectedDeferred(reason) {
    var d = new Deferred();
    rejectHandled(d, reason);
    return d;
}

function promiseResolve(value) {
    return global.Promise.resolve(value);
}

function promiseReject(reason) {
    return global.Promise.reject(reason);
}

/* Calls an optional user method as `method.call(thisArg, a, b)` and turns
 * the outcome into a promise (a throw becomes a rejection). */
function promiseCall(method, thisArg, a, b) {
    if (method === undefined) {
        return promiseResolve(undefined);
    }
    try {
        return promiseResolve(method.call(thisArg, a, b));
    } catch (e) {
        return promiseReject(e);
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
    if (isObject(result)) {
        promiseResolve(result).then(onFulfilled, onRejected);
    } else {
        native.enqueueJob(onFulfilled, result);
    }
}

/* ---- small helpers ---- */

function typeError(message) {
    return new TypeError(message);
}

function isObject(x) {
    return x !== null && (typeof x === 'object' || typeof x === 'function');
}

function recordOf(x, Kind) {
    if (isObject(x)) {
        var r = x[SLOT];
        if (r instanceof Kind && r.obj === x) {
            return r;
        }
    }
    return undefined;
}

function brand(x, Kind, what) {
    var r = recordOf(x, Kind);
    if (r === undefined) {
        throw typeError('Illegal invocation: not a ' + what);
    }
    return r;
}

function illegalConstructor() {
    throw typeError('Illegal constructor');
}

function requireNew(self, Ctor, name) {
    if (!(self instanceof Ctor) || recordOf(self, Object) !== undefined) {
        throw typeError("Failed to construct '" + name + "': Please use the 'new' operator");
    }
}

function getter(proto, name, fn) {
    Object.defineProperty(proto, name, { get: fn, enumerable: true, configurable: true });
}

function methods(proto, table) {
    var name;
    for (name in table) {
        if (Object.prototype.hasOwnProperty.call(table, name)) {
            Object.defineProperty(proto, name, {
                value: table[name], writable: true, enumerable: true, configurable: true
            });
        }
    }
}

function toStringTag(proto, name) {
    Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
}

/* Reads an optional callable member of a dictionary argument. */
function optionalMethod(dict, name, context) {
    var value = dict[name];
    if (value !== undefined && typeof value !== 'function') {
        throw typeError(context + ': member ' + name + ' is not a function');
    }
    return value;
}

function dictionary(x, context) {
    if (x === undefined || x === null) {
        return {};
    }
    if (!isObject(x)) {
        throw typeError(context + ': argument is not an object');
    }
    return x;
}

/* ---- queue with sizes (QueueWithSizes) and plain FIFO ---- */

function Fifo() {
    this.items = [];
    this.head = 0;
}

Fifo.prototype.push = function (value) {
    this.items.push(value);
};

Fifo.prototype.shift = function () {
    var items = this.items, value = items[this.head];
    items[this.head] = undefined;
    this.head += 1;
    if (this.head === items.length) {
        this.items = [];
        this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > items.length) {
        this.items = items.slice(this.head);
        this.head = 0;
    }
    return value;
};

Fifo.prototype.peek = function () {
    return this.items[this.head];
};

Fifo.prototype.size = function () {
    return this.items.length - this.head;
};

/* Drains the FIFO, returning its items as an array in order. */
Fifo.prototype.takeAll = function () {
    var all = this.head === 0 ? this.items : this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return all;
};

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
    var dict = dictionary(strategy, context);
    var hwm = dict.highWaterMark, size = dict.size;
    if (size !== undefined && typeof size !== 'function') {
        throw typeError(context + ': queuing strategy size is not a function');
    }
    return { highWaterMark: hwm === undefined ? undefined : Number(hwm), size: size };
}

function extractHighWaterMark(strategy, defaultHWM) {
    var hwm = strategy.highWaterMark;
    if (hwm === undefined) {
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
    if (size === undefined) {
        return sizeOne;
    }
    return function (chunk) {
        return size.call(undefined, chunk);
    };
}

function StrategyRecord(obj, hwm) {
    this.obj = obj;
    this.highWaterMark = hwm;
}

function strategyInit(self, Ctor, name, init) {
    requireNew(self, Ctor, name);
    if (!isObject(init) || init.highWaterMark === undefined) {
        throw typeError("Failed to construct '" + name + "': required member highWaterMark is undefined");
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

function CountQueuingStrategy(init) {
    strategyInit(this, CountQueuingStrategy, 'CountQueuingStrategy', init);
}

function ByteLengthQueuingStrategy(init) {
    strategyInit(this, ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy', init);
}

getter(CountQueuingStrategy.prototype, 'highWaterMark', function () {
    return brand(this, StrategyRecord, 'CountQueuingStrategy').highWaterMark;
});
getter(CountQueuingStrategy.prototype, 'size', function () {
    brand(this, StrategyRecord, 'CountQueuingStrategy');
    return countSize;
});
getter(ByteLengthQueuingStrategy.prototype, 'highWaterMark', function () {
    return brand(this, StrategyRecord, 'ByteLengthQueuingStrategy').highWaterMark;
});
getter(ByteLengthQueuingStrategy.prototype, 'size', function () {
    brand(this, StrategyRecord, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
});
toStringTag(CountQueuingStrategy.prototype, 'CountQueuingStrategy');
toStringTag(ByteLengthQueuingStrategy.prototype, 'ByteLengthQueuingStrategy');

/* ==== ReadableStream ==== */

function RSRecord(obj) {
    this.obj = obj;
    this.state = 'readable';
    this.reader = undefined;
    this.storedError = undefined;
    this.disturbed = false;
    this.controller = undefined;
}

function ReaderRecord(obj) {
    this.obj = obj;
    this.stream = undefined;
    this.closed = undefined;
    this.readRequests = new Fifo();
}

/* Controller record shared by the default and the byte controller; `bytes`
 * selects the byte controller's steps. */
function RCRecord(obj, bytes) {
    this.obj = obj;
    this.bytes = bytes;
    this.stream = undefined;
    this.queue = undefined;
    this.queueSizes = undefined;
    this.queueTotalSize = 0;
    this.started = false;
    this.closeRequested = false;
    this.pullAgain = false;
    this.pulling = false;
    this.strategySizeAlgorithm = undefined;
    this.strategyHWM = 0;
    this.pullAlgorithm = undefined;
    this.cancelAlgorithm = undefined;
    this.onPullFulfilled = undefined;
    this.onPullRejected = undefined;
}

function isReadableStreamLocked(rs) {
    return rs.reader !== undefined;
}

function newReadableStreamObject() {
    var obj = Object.create(ReadableStream.prototype);
    obj[SLOT] = new RSRecord(obj);
    return obj[SLOT];
}

/* CreateReadableStream: a stream with a default controller driven by
 * internal algorithms (start returns a value or promise, pull and cancel
 * return promises). */
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm) {
    var rs = newReadableStreamObject();
    var c = new RCRecord(Object.create(ReadableStreamDefaultController.prototype), false);
    c.obj[SLOT] = c;
    setUpReadableStreamDefaultController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm,
        hwm === undefined ? 1 : hwm, sizeAlgorithm || sizeOne);
    return rs;
}

function readableStreamAddReadRequest(rs, readRequest) {
    rs.reader.readRequests.push(readRequest);
}

function readableStreamGetNumReadRequests(rs) {
    return rs.reader.readRequests.size();
}

function readableStreamHasDefaultReader(rs) {
    return rs.reader !== undefined && !rs.reader.byob;
}

function readableStreamFulfillReadRequest(rs, chunk, done) {
    var readRequest = rs.reader.readRequests.shift();
    if (done) {
        readRequest.closeSteps();
    } else {
        readRequest.chunkSteps(chunk);
    }
}

function readableStreamCancel(rs, reason) {
    rs.disturbed = true;
    if (rs.state === 'closed') {
        return promiseResolve(undefined);
    }
    if (rs.state === 'errored') {
        return promiseReject(rs.storedError);
    }
    readableStreamClose(rs);
    if (rs.reader !== undefined && rs.reader.byob) {
        byteStreams.closeReadIntoRequests(rs.reader);
    }
    return rs.controller.cancelSteps(reason).then(returnUndefined);
}

function readableStreamClose(rs) {
    var reader = rs.reader, requests, i;
    rs.state = 'closed';
    if (reader === undefined) {
        return;
    }
    resolveDeferred(reader.closed, undefined);
    if (reader.byob) {
        return;
    }
    requests = reader.readRequests.takeAll();
    for (i = 0; i < requests.length; i++) {
        requests[i].closeSteps();
    }
}

function readableStreamError(rs, e) {
    var reader = rs.reader;
    rs.state = 'errored';
    rs.storedError = e;
    if (reader === undefined) {
        return;
    }
    rejectHandled(reader.closed, e);
    if (reader.byob) {
        byteStreams.errorReadIntoRequests(reader, e);
    } else {
        readableStreamDefaultReaderErrorReadRequests(reader, e);
    }
}

/* ---- readers ---- */

/* The read request behind reader.read(): settles a promise. */
function PromiseReadRequest() {
    this.promise = new global.Promise(captureResolvers);
    this.resolveFn = capturedResolve;
    this.rejectFn = capturedReject;
}

PromiseReadRequest.prototype.chunkSteps = function (chunk) {
    this.resolveFn({ value: chunk, done: false });
};

PromiseReadRequest.prototype.closeSteps = function () {
    this.resolveFn({ value: undefined, done: true });
};

PromiseReadRequest.prototype.errorSteps = function (e) {
    this.rejectFn(e);
};

function readableStreamReaderGenericInitialize(reader, rs) {
    reader.stream = rs;
    rs.reader = reader;
    if (rs.state === 'readable') {
        reader.closed = new Deferred();
    } else if (rs.state === 'closed') {
        reader.closed = resolvedDeferred(undefined);
    } else {
        reader.closed = rejectedDeferred(rs.storedError);
    }
}

function readableStreamReaderGenericCancel(reader, reason) {
    return readableStreamCancel(reader.stream, reason);
}

function readableStreamReaderGenericRelease(reader) {
    var rs = reader.stream;
    var releasedError = typeError('Reader was released');
    if (rs.state === 'readable') {
        rejectHandled(reader.closed, releasedError);
    } else {
        reader.closed = rejectedDeferred(releasedError);
    }
    rs.controller.releaseSteps();
    rs.reader = undefined;
    reader.stream = undefined;
}

function setUpReadableStreamDefaultReader(reader, rs) {
    if (isReadableStreamLocked(rs)) {
        throw typeError('ReadableStream is locked');
    }
    readableStreamReaderGenericInitialize(reader, rs);
    reader.readRequests = new Fifo();
}

function acquireReadableStreamDefaultReader(rs) {
    var obj = Object.create(ReadableStreamDefaultReader.prototype);
    var reader = new ReaderRecord(obj);
    setUpReadableStreamDefaultReader(reader, rs);
    obj[SLOT] = reader;
    return reader;
}

function readableStreamDefaultReaderRead(reader, readRequest) {
    var rs = reader.stream;
    rs.disturbed = true;
    if (rs.state === 'closed') {
        readRequest.closeSteps();
    } else if (rs.state === 'errored') {
        readRequest.errorSteps(rs.storedError);
    } else {
        rs.controller.pullSteps(readRequest);
    }
}

function readableStreamDefaultReaderErrorReadRequests(reader, e) {
    var requests = reader.readRequests.takeAll(), i;
    for (i = 0; i < requests.length; i++) {
        requests[i].errorSteps(e);
    }
}

function readableStreamDefaultReaderRelease(reader) {
    readableStreamReaderGenericRelease(reader);
    readableStreamDefaultReaderErrorReadRequests(reader, typeError('Reader was released'));
}

function ReadableStreamDefaultReader(stream) {
    requireNew(this, ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');
    var rs = brand(stream, RSRecord, 'ReadableStream');
    var reader = new ReaderRecord(this);
    setUpReadableStreamDefaultReader(reader, rs);
    this[SLOT] = reader;
}

getter(ReadableStreamDefaultReader.prototype, 'closed', function () {
    var reader = recordOf(this, ReaderRecord);
    if (reader === undefined) {
        return promiseReject(typeError('Illegal invocation'));
    }
    return reader.closed.promise;
});

methods(ReadableStreamDefaultReader.prototype, {
    read: function read() {
        var reader = recordOf(this, ReaderRecord), readRequest;
        if (reader === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (reader.stream === undefined) {
            return promiseReject(typeError('Cannot read from a released reader'));
        }
        readRequest = new PromiseReadRequest();
        readableStreamDefaultReaderRead(reader, readRequest);
        return readRequest.promise;
    },
    releaseLock: function releaseLock() {
        var reader = brand(this, ReaderRecord, 'ReadableStreamDefaultReader');
        if (reader.stream !== undefined) {
            readableStreamDefaultReaderRelease(reader);
        }
    },
    cancel: function cancel(reason) {
        var reader = recordOf(this, ReaderRecord);
        if (reader === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (reader.stream === undefined) {
            return promiseReject(typeError('Cannot cancel a released reader'));
        }
        return readableStreamReaderGenericCancel(reader, reason);
    }
});
toStringTag(ReadableStreamDefaultReader.prototype, 'ReadableStreamDefaultReader');

/* ---- default controller ---- */

function readableStreamDefaultControllerCanCloseOrEnqueue(c) {
    return !c.closeRequested && c.stream.state === 'readable';
}

function readableStreamDefaultControllerGetDesiredSize(c) {
    var state = c.stream.state;
    if (state === 'errored') {
        return null;
    }
    if (state === 'closed') {
        return 0;
    }
    return c.strategyHWM - c.queueTotalSize;
}

function readableStreamDefaultControllerShouldCallPull(c) {
    var rs = c.stream;
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(c) || !c.started) {
        return false;
    }
    if (isReadableStreamLocked(rs) && readableStreamGetNumReadRequests(rs) > 0) {
        return true;
    }
    return readableStreamDefaultControllerGetDesiredSize(c) > 0;
}

function readableStreamDefaultControllerCallPullIfNeeded(c) {
    if (!readableStreamDefaultControllerShouldCallPull(c)) {
        return;
    }
    if (c.pulling) {
        c.pullAgain = true;
        return;
    }
    c.pulling = true;
    runAlgorithm(c.pullAlgorithm, undefined, c.onPullFulfilled, c.onPullRejected);
}

function readableStreamDefaultControllerClearAlgorithms(c) {
    c.pullAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
}

function readableStreamDefaultControllerClose(c) {
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(c)) {
        return;
    }
    c.closeRequested = true;
    if (c.queue.size() === 0) {
        readableStreamDefaultControllerClearAlgorithms(c);
        readableStreamClose(c.stream);
    }
}

function readableStreamDefaultControllerEnqueue(c, chunk) {
    var rs = c.stream, size;
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(c)) {
        return;
    }
    if (isReadableStreamLocked(rs) && readableStreamGetNumReadRequests(rs) > 0) {
        readableStreamFulfillReadRequest(rs, chunk, false);
    } else {
        try {
            size = c.strategySizeAlgorithm(chunk);
            enqueueValueWithSize(c, chunk, size);
        } catch (e) {
            readableStreamDefaultControllerError(c, e);
            throw e;
        }
    }
    readableStreamDefaultControllerCallPullIfNeeded(c);
}

function readableStreamDefaultControllerError(c, e) {
    if (c.stream.state !== 'readable') {
        return;
    }
    resetQueue(c);
    readableStreamDefaultControllerClearAlgorithms(c);
    readableStreamError(c.stream, e);
}

/* Pull promise reactions and the start reaction, created once per controller. */
function installPullReactions(c, callPullIfNeeded, error) {
    c.onPullFulfilled = function () {
        c.pulling = false;
        if (c.pullAgain) {
            c.pullAgain = false;
            callPullIfNeeded(c);
        }
    };
    c.onPullRejected = function (e) {
        error(c, e);
    };
}

function startController(c, startAlgorithm, callPullIfNeeded, error) {
    var startResult = startAlgorithm();
    promiseResolve(startResult).then(function () {
        c.started = true;
        callPullIfNeeded(c);
    }, function (r) {
        error(c, r);
    });
}

function setUpReadableStreamDefaultController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm) {
    c.stream = rs;
    resetQueue(c);
    c.started = c.closeRequested = c.pullAgain = c.pulling = false;
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = hwm;
    c.pullAlgorithm = pullAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    rs.controller = c;
    installPullReactions(c, readableStreamDefaultControllerCallPullIfNeeded, readableStreamDefaultControllerError);
    startController(c, startAlgorithm, readableStreamDefaultControllerCallPullIfNeeded, readableStreamDefaultControllerError);
}

/* The start/pull/cancel algorithms of a user-supplied underlying source. */
function sourceAlgorithms(source, dict, controllerObj, context) {
    var start = optionalMethod(dict, 'start', context);
    var pull = optionalMethod(dict, 'pull', context);
    var cancel = optionalMethod(dict, 'cancel', context);
    return {
        start: function () {
            return start === undefined ? undefined : start.call(source, controllerObj);
        },
        pull: function () {
            return pull === undefined ? undefined : pull.call(source, controllerObj);
        },
        cancel: function (reason) {
            return promiseCall(cancel, source, reason);
        }
    };
}

RCRecord.prototype.cancelSteps = function (reason) {
    var result;
    resetQueue(this);
    result = this.cancelAlgorithm(reason);
    readableStreamDefaultControllerClearAlgorithms(this);
    return result;
};

RCRecord.prototype.pullSteps = function (readRequest) {
    var rs = this.stream, chunk;
    if (this.queue.size() > 0) {
        chunk = dequeueValue(this);
        if (this.closeRequested && this.queue.size() === 0) {
            readableStreamDefaultControllerClearAlgorithms(this);
            readableStreamClose(rs);
        } else {
            readableStreamDefaultControllerCallPullIfNeeded(this);
        }
        readRequest.chunkSteps(chunk);
    } else {
        readableStreamAddReadRequest(rs, readRequest);
        readableStreamDefaultControllerCallPullIfNeeded(this);
    }
};

RCRecord.prototype.releaseSteps = noop;

function ReadableStreamDefaultController() {
    illegalConstructor();
}

function defaultControllerOf(self) {
    var c = brand(self, RCRecord, 'ReadableStreamDefaultController');
    if (c.bytes) {
        throw typeError('Illegal invocation: not a ReadableStreamDefaultController');
    }
    return c;
}

getter(ReadableStreamDefaultController.prototype, 'desiredSize', function () {
    return readableStreamDefaultControllerGetDesiredSize(defaultControllerOf(this));
});

methods(ReadableStreamDefaultController.prototype, {
    close: function close() {
        var c = defaultControllerOf(this);
        if (!readableStreamDefaultControllerCanCloseOrEnqueue(c)) {
            throw typeError('The stream is not in a state that permits close');
        }
        readableStreamDefaultControllerClose(c);
    },
    enqueue: function enqueue(chunk) {
        var c = defaultControllerOf(this);
        if (!readableStreamDefaultControllerCanCloseOrEnqueue(c)) {
            throw typeError('The stream is not in a state that permits enqueue');
        }
        readableStreamDefaultControllerEnqueue(c, chunk);
    },
    error: function error(e) {
        readableStreamDefaultControllerError(defaultControllerOf(this), e);
    }
});
toStringTag(ReadableStreamDefaultController.prototype, 'ReadableStreamDefaultController');

/* Readable byte streams (the byte controller, BYOB readers and requests,
 * the byte-stream tee) are js/23-byte-streams.js, which fills in
 * native.byteStreams through the internals this file shares as
 * native.streamInternals. */
var byteStreams = native.byteStreams = {};

/* ---- ReadableStream ---- */

function ReadableStream(underlyingSource, strategy) {
    requireNew(this, ReadableStream, 'ReadableStream');
    var rs, source, dict, type, hwm, c, sizeAlgorithm, algorithms;
    strategy = queuingStrategy(strategy, "Failed to construct 'ReadableStream'");
    source = underlyingSource === undefined ? null : underlyingSource;
    dict = dictionary(source, "Failed to construct 'ReadableStream'");
    type = dict.type;
    this[SLOT] = rs = new RSRecord(this);
    if (type !== undefined && String(type) !== 'bytes') {
        throw typeError("Failed to construct 'ReadableStream': invalid type '" + String(type) + "'");
    }
    if (type !== undefined) {
        if (strategy.size !== undefined) {
            throw new RangeError('The strategy for a byte stream cannot have a size function');
        }
        byteStreams.setUpFromSource(rs, source, dict, extractHighWaterMark(strategy, 0));
        return;
    }
    sizeAlgorithm = extractSizeAlgorithm(strategy);
    hwm = extractHighWaterMark(strategy, 1);
    c = new RCRecord(Object.create(ReadableStreamDefaultController.prototype), false);
    c.obj[SLOT] = c;
    algorithms = sourceAlgorithms(source, dict, c.obj, 'ReadableStream');
    setUpReadableStreamDefaultController(rs, c, algorithms.start, algorithms.pull, algorithms.cancel, hwm, sizeAlgorithm);
}

function streamOf(self) {
    return brand(self, RSRecord, 'ReadableStream');
}

getter(ReadableStream.prototype, 'locked', function () {
    return isReadableStreamLocked(streamOf(this));
});

methods(ReadableStream.prototype, {
    cancel: function cancel(reason) {
        var rs = recordOf(this, RSRecord);
        if (rs === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (isReadableStreamLocked(rs)) {
            return promiseReject(typeError('Cannot cancel a locked ReadableStream'));
        }
        return readableStreamCancel(rs, reason);
    },
    getReader: function getReader(options) {
        var rs = streamOf(this), mode;
        options = dictionary(options, "Failed to execute 'getReader'");
        mode = options.mode;
        if (mode === undefined) {
            return acquireReadableStreamDefaultReader(rs).obj;
        }
        if (String(mode) !== 'byob') {
            throw typeError("Failed to execute 'getReader': invalid mode '" + String(mode) + "'");
        }
        return byteStreams.acquireBYOBReader(rs).obj;
    },
    pipeThrough: function pipeThrough(transform, options) {
        var rs = streamOf(this), writable, readable, pipe;
        if (!isObject(transform)) {
            throw typeError("Failed to execute 'pipeThrough': transform is not an object");
        }
        readable = recordOf(transform.readable, RSRecord);
        if (readable === undefined) {
            throw typeError("Failed to execute 'pipeThrough': transform.readable is not a ReadableStream");
        }
        writable = recordOf(transform.writable, WSRecord);
        if (writable === undefined) {
            throw typeError("Failed to execute 'pipeThrough': transform.writable is not a WritableStream");
        }
        options = pipeOptions(options);
        if (isReadableStreamLocked(rs)) {
            throw typeError('Cannot pipe a locked ReadableStream');
        }
        if (isWritableStreamLocked(writable)) {
            throw typeError('Cannot pipe to a locked WritableStream');
        }
        pipe = readableStreamPipeTo(rs, writable, options);
        markHandled(pipe);
        return readable.obj;
    },
    pipeTo: function pipeTo(destination, options) {
        var rs = recordOf(this, RSRecord), ws = recordOf(destination, WSRecord);
        if (rs === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (ws === undefined) {
            return promiseReject(typeError("Failed to execute 'pipeTo': destination is not a WritableStream"));
        }
        try {
            options = pipeOptions(options);
        } catch (e) {
            return promiseReject(e);
        }
        if (isReadableStreamLocked(rs)) {
            return promiseReject(typeError('Cannot pipe a locked ReadableStream'));
        }
        if (isWritableStreamLocked(ws)) {
            return promiseReject(typeError('Cannot pipe to a locked WritableStream'));
        }
        return readableStreamPipeTo(rs, ws, options);
    },
    tee: function tee() {
        var rs = streamOf(this);
        var branches = rs.controller.bytes ? byteStreams.tee(rs) : readableStreamDefaultTee(rs, false);
        return [branches[0].obj, branches[1].obj];
    },
    values: function values(options) {
        var rs = streamOf(this);
        options = dictionary(options, "Failed to execute 'values'");
        return createAsyncIterator(rs, !!options.preventCancel);
    }
});
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
    value: ReadableStream.prototype.values, writable: true, configurable: true
});
toStringTag(ReadableStream.prototype, 'ReadableStream');

/* ---- tee ---- */

/* ReadableStreamDefaultTee. With cloneForBranch2 (the Fetch standard's
 * clone of a body) the second branch gets a structured clone of each chunk,
 * so that changing one branch's chunk does not change the other's. */
function readableStreamDefaultTee(rs, cloneForBranch2) {
    var reader = acquireReadableStreamDefaultReader(rs);
    var reading = false, readAgain = false;
    var canceled1 = false, canceled2 = false;
    var reason1, reason2, branch1, branch2;
    var cancelPromise = new Deferred();

    function chunkInMicrotask(chunk) {
        var chunk2 = chunk;
        readAgain = false;
        if (cloneForBranch2) {
            try {
                chunk2 = native.structuredClone(chunk);
            } catch (e) {
                readableStreamDefaultControllerError(branch1.controller, e);
                readableStreamDefaultControllerError(branch2.controller, e);
                resolveDeferred(cancelPromise, readableStreamCancel(rs, e));
                return;
            }
        }
        if (!canceled1) {
            readableStreamDefaultControllerEnqueue(branch1.controller, chunk);
        }
        if (!canceled2) {
            readableStreamDefaultControllerEnqueue(branch2.controller, chunk2);
        }
        reading = false;
        if (readAgain) {
            pullAlgorithm();
        }
    }

    var readRequest = {
        chunkSteps: function (chunk) {
            native.enqueueJob(chunkInMicrotask, chunk);
        },
        closeSteps: function () {
            reading = false;
            if (!canceled1) {
                readableStreamDefaultControllerClose(branch1.controller);
            }
            if (!canceled2) {
                readableStreamDefaultControllerClose(branch2.controller);
            }
            if (!canceled1 || !canceled2) {
                resolveDeferred(cancelPromise, undefined);
            }
        },
        errorSteps: function () {
            reading = false;
        }
    };

    function pullAlgorithm() {
        if (reading) {
            readAgain = true;
            return undefined;
        }
        reading = true;
        readableStreamDefaultReaderRead(reader, readRequest);
        return undefined;
    }

    function cancelBoth() {
        resolveDeferred(cancelPromise, readableStreamCancel(rs, [reason1, reason2]));
    }

    function cancel1Algorithm(reason) {
        canceled1 = true;
        reason1 = reason;
        if (canceled2) {
            cancelBoth();
        }
        return cancelPromise.promise;
    }

    function cancel2Algorithm(reason) {
        canceled2 = true;
        reason2 = reason;
        if (canceled1) {
            cancelBoth();
        }
        return cancelPromise.promise;
    }

    branch1 = createReadableStream(noop, pullAlgorithm, cancel1Algorithm);
    branch2 = createReadableStream(noop, pullAlgorithm, cancel2Algorithm);
    reader.closed.promise.then(noop, function (r) {
        readableStreamDefaultControllerError(branch1.controller, r);
        readableStreamDefaultControllerError(branch2.controller, r);
        if (!canceled1 || !canceled2) {
            resolveDeferred(cancelPromise, undefined);
        }
    });
    return [branch1, branch2];
}

/* ---- pipeTo ---- */

function pipeOptions(options) {
    var o = dictionary(options, "Failed to execute 'pipeTo'");
    var result = {
        preventAbort: !!o.preventAbort,
        preventCancel: !!o.preventCancel,
        preventClose: !!o.preventClose,
        signal: o.signal
    };
    if (result.signal !== undefined && !isAbortSignal(result.signal)) {
        throw typeError("Failed to execute 'pipeTo': signal is not an AbortSignal");
    }
    return result;
}

function isAbortSignal(x) {
    if (typeof global.AbortSignal === 'function') {
        return x instanceof global.AbortSignal;
    }
    return isObject(x) && typeof x.addEventListener === 'function' && 'aborted' in x;
}

/* ReadableStreamPipeTo. One Pipe object serves as the loop state and as the
 * (single outstanding) read request. */
function Pipe(source, dest, options) {
    this.source = source;
    this.dest = dest;
    this.preventClose = options.preventClose;
    this.preventAbort = options.preventAbort;
    this.preventCancel = options.preventCancel;
    this.signal = options.signal;
    this.reader = acquireReadableStreamDefaultReader(source);
    this.writer = acquireWritableStreamDefaultWriter(dest);
    this.shuttingDown = false;
    this.lastWrite = undefined;
    this.onWritesFinished = undefined;
    this.result = new Deferred();
    this.abortListener = undefined;
    this.removeAbortAlgorithm = undefined;
    this.loop = undefined;
}

/* The next read is started from a job, not from inside the chunk steps, so
 * a long run of queued chunks does not nest calls. */
function pipeNextJob(pipe) {
    pipe.next();
}

/* A pipe's write request: no promise, just a note to the pipe when the
 * write settles (its outcome reaches the pipe through the streams' states). */
function PipeWriteRequest(pipe) {
    this.pipe = pipe;
    this.state = PENDING;
}

PipeWriteRequest.prototype.resolveFn = function () {
    this.pipe.writeSettled(this);
};

PipeWriteRequest.prototype.rejectFn = PipeWriteRequest.prototype.resolveFn;

Pipe.prototype.chunkSteps = function (chunk) {
    var request = new PipeWriteRequest(this);
    if (writableStreamDefaultWriterWriteWith(this.writer, chunk, request) === undefined) {
        this.lastWrite = request;
    }
    native.enqueueJob(pipeNextJob, this);
};

Pipe.prototype.writeSettled = function (request) {
    var then = this.onWritesFinished;
    if (request === this.lastWrite && then !== undefined) {
        this.onWritesFinished = undefined;
        native.enqueueJob(then, undefined);
    }
};

Pipe.prototype.closeSteps = noop;
Pipe.prototype.errorSteps = noop;

/* Reads the next chunk once the destination wants one. */
Pipe.prototype.next = function () {
    var dest = this.dest;
    if (this.shuttingDown) {
        return;
    }
    if (dest.state === 'writable' && !dest.backpressure) {
        if (this.source.state === 'readable') {
            readableStreamDefaultReaderRead(this.reader, this);
        }
        return;
    }
    this.writer.ready.promise.then(this.loop, noop);
};

/* Calls `then` (from a job) once every chunk read so far has been written. */
Pipe.prototype.waitForWritesToFinish = function (then) {
    if (this.lastWrite === undefined || this.lastWrite.state !== PENDING) {
        native.enqueueJob(then, undefined);
    } else {
        this.onWritesFinished = then;
    }
};

Pipe.prototype.shutdownWithAction = function (action, originalIsError, originalError) {
    var self = this, dest = this.dest;
    if (this.shuttingDown) {
        return;
    }
    this.shuttingDown = true;
    function doTheRest() {
        var p;
        try {
            p = action();
        } catch (e) {
            p = promiseReject(e);
        }
        p.then(function () {
            self.finalize(originalIsError, originalError);
        }, function (newError) {
            self.finalize(true, newError);
        });
    }
    if (dest.state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
        this.waitForWritesToFinish(doTheRest);
    } else {
        doTheRest();
    }
};

Pipe.prototype.shutdown = function (isError, error) {
    var self = this, dest = this.dest;
    if (this.shuttingDown) {
        return;
    }
    this.shuttingDown = true;
    if (dest.state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
        this.waitForWritesToFinish(function () {
            self.finalize(isError, error);
        });
    } else {
        this.finalize(isError, error);
    }
};

Pipe.prototype.finalize = function (isError, error) {
    writableStreamDefaultWriterRelease(this.writer);
    readableStreamDefaultReaderRelease(this.reader);
    if (this.removeAbortAlgorithm !== undefined) {
        this.removeAbortAlgorithm();
    } else if (this.abortListener !== undefined) {
        this.signal.removeEventListener('abort', this.abortListener);
    }
    if (isError) {
        rejectDeferred(this.result, error);
    } else {
        resolveDeferred(this.result, undefined);
    }
};

Pipe.prototype.onSourceErrored = function () {
    var self = this, error = this.source.storedError;
    if (!this.preventAbort) {
        this.shutdownWithAction(function () {
            return writableStreamAbort(self.dest, error);
        }, true, error);
    } else {
        this.shutdown(true, error);
    }
};

Pipe.prototype.onDestErrored = function () {
    var self = this, error = this.dest.storedError;
    if (!this.preventCancel) {
        this.shutdownWithAction(function () {
            return readableStreamCancel(self.source, error);
        }, true, error);
    } else {
        this.shutdown(true, error);
    }
};

Pipe.prototype.onSourceClosed = function () {
    var self = this;
    if (!this.preventClose) {
        this.shutdownWithAction(function () {
            return writableStreamDefaultWriterCloseWithErrorPropagation(self.writer);
        });
    } else {
        this.shutdown();
    }
};

Pipe.prototype.onDestClosed = function () {
    var self = this, destClosed = typeError('The destination stream is closed or closing');
    if (!this.preventCancel) {
        this.shutdownWithAction(function () {
            return readableStreamCancel(self.source, destClosed);
        }, true, destClosed);
    } else {
        this.shutdown(true, destClosed);
    }
};

Pipe.prototype.onAbort = function () {
    var self = this, error = this.signal.reason;
    this.shutdownWithAction(function () {
        var actions = [];
        if (!self.preventAbort) {
            actions.push(self.dest.state === 'writable' ? writableStreamAbort(self.dest, error) : promiseResolve(undefined));
        }
        if (!self.preventCancel) {
            actions.push(self.source.state === 'readable' ? readableStreamCancel(self.source, error) : promiseResolve(undefined));
        }
        return global.Promise.all(actions);
    }, true, error);
};

/* Checks the four propagation conditions for states already reached. */
Pipe.prototype.checkStates = function () {
    var source = this.source, dest = this.dest;
    if (source.state === 'errored') {
        this.onSourceErrored();
    } else if (dest.state === 'errored') {
        this.onDestErrored();
    } else if (source.state === 'closed') {
        this.onSourceClosed();
    } else if (writableStreamCloseQueuedOrInFlight(dest) || dest.state === 'closed') {
        this.onDestClosed();
    }
};

function readableStreamPipeTo(source, dest, options) {
    var pipe = new Pipe(source, dest, options);
    source.disturbed = true;
    pipe.loop = function () {
        pipe.next();
    };
    if (pipe.signal !== undefined) {
        if (pipe.signal.aborted) {
            pipe.onAbort();
            return pipe.result.promise;
        }
        pipe.abortListener = function () {
            pipe.onAbort();
        };
        if (typeof native.addAbortAlgorithm === 'function') {
            pipe.removeAbortAlgorithm = native.addAbortAlgorithm(pipe.signal, pipe.abortListener);
        } else {
            pipe.signal.addEventListener('abort', pipe.abortListener);
        }
    }
    pipe.reader.closed.promise.then(function () {
        pipe.onSourceClosed();
    }, function () {
        pipe.onSourceErrored();
    });
    pipe.writer.closed.promise.then(noop, function () {
        pipe.onDestErrored();
    });
    pipe.checkStates();
    pipe.next();
    return pipe.result.promise;
}

/* ---- async iteration ---- */

var asyncIteratorPrototype = {};
asyncIteratorPrototype[Symbol.asyncIterator] = function () {
    return this;
};

function IteratorRecord(obj, reader, preventCancel) {
    this.obj = obj;
    this.reader = reader;
    this.preventCancel = preventCancel;
    this.ongoing = undefined;
    this.finished = false;
}

function iterResult(value, done) {
    return { value: value, done: done };
}

function createAsyncIterator(rs, preventCancel) {
    var reader = acquireReadableStreamDefaultReader(rs);
    var obj = Object.create(readableStreamAsyncIteratorPrototype);
    var it = new IteratorRecord(obj, reader, preventCancel);
    obj[SLOT] = it;
    it.nextSteps = function () {
        return iteratorNextSteps(it);
    };
    it.afterNext = function (result) {
        it.ongoing = undefined;
        if (result.done) {
            it.finished = true;
        }
        return result;
    };
    it.afterNextFailed = function (e) {
        it.ongoing = undefined;
        it.finished = true;
        throw e;
    };
    return obj;
}

/* The read request of an iterator's next(): releases the reader at the end. */
function IteratorReadRequest(it) {
    PromiseReadRequest.call(this);
    this.it = it;
}

IteratorReadRequest.prototype.chunkSteps = PromiseReadRequest.prototype.chunkSteps;

IteratorReadRequest.prototype.closeSteps = function () {
    readableStreamDefaultReaderRelease(this.it.reader);
    this.resolveFn(iterResult(undefined, true));
};

IteratorReadRequest.prototype.errorSteps = function (e) {
    readableStreamDefaultReaderRelease(this.it.reader);
    this.rejectFn(e);
};

function iteratorNextSteps(it) {
    var readRequest;
    if (it.finished) {
        return promiseResolve(iterResult(undefined, true));
    }
    if (it.reader.stream === undefined) {
        return promiseReject(typeError('Cannot iterate a stream using a released reader'));
    }
    readRequest = new IteratorReadRequest(it);
    readableStreamDefaultReaderRead(it.reader, readRequest);
    return readRequest.promise.then(it.afterNext, it.afterNextFailed);
}

function iteratorReturnSteps(it, value) {
    var reader = it.reader, result;
    if (it.finished) {
        return promiseResolve(iterResult(value, true));
    }
    it.finished = true;
    if (reader.stream === undefined) {
        return promiseResolve(iterResult(value, true));
    }
    if (!it.preventCancel) {
        result = readableStreamReaderGenericCancel(reader, value);
        readableStreamDefaultReaderRelease(reader);
        return result.then(function () {
            return iterResult(value, true);
        });
    }
    readableStreamDefaultReaderRelease(reader);
    return promiseResolve(iterResult(value, true));
}

var readableStreamAsyncIteratorPrototype = Object.create(asyncIteratorPrototype);
methods(readableStreamAsyncIteratorPrototype, {
    next: function next() {
        var it = recordOf(this, IteratorRecord);
        if (it === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        it.ongoing = it.ongoing === undefined ? it.nextSteps() : it.ongoing.then(it.nextSteps, it.nextSteps);
        return it.ongoing;
    },
    'return': function (value) {
        var it = recordOf(this, IteratorRecord);
        if (it === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        function returnSteps() {
            return iteratorReturnSteps(it, value);
        }
        it.ongoing = it.ongoing === undefined ? returnSteps() : it.ongoing.then(returnSteps, returnSteps);
        return it.ongoing;
    }
});
toStringTag(readableStreamAsyncIteratorPrototype, 'ReadableStream AsyncIterator');

/* ---- ReadableStream.from ---- */

/* An iterator over an array or string when the engine provides no
 * Symbol.iterator method for them. */
function indexIterator(list) {
    var i = 0;
    return {
        next: function () {
            if (i >= list.length) {
                return { value: undefined, done: true };
            }
            i += 1;
            return { value: list[i - 1], done: false };
        }
    };
}

/* GetIterator(obj, async): returns { iterator, next, sync }. */
function getIterator(obj) {
    var method, iterator, sync = false;
    if (obj === null || obj === undefined) {
        throw typeError('ReadableStream.from: argument is not iterable');
    }
    method = obj[Symbol.asyncIterator];
    if (method === undefined || method === null) {
        sync = true;
        method = obj[Symbol.iterator];
    }
    if (method === undefined || method === null) {
        if (Array.isArray(obj) || typeof obj === 'string') {
            iterator = indexIterator(typeof obj === 'string' ? codePoints(obj) : obj);
            return { iterator: iterator, next: iterator.next, sync: true };
        }
        throw typeError('ReadableStream.from: argument is not iterable');
    }
    if (typeof method !== 'function') {
        throw typeError('ReadableStream.from: @@iterator is not a function');
    }
    iterator = method.call(obj);
    if (!isObject(iterator)) {
        throw typeError('ReadableStream.from: the iterator is not an object');
    }
    return { iterator: iterator, next: iterator.next, sync: sync };
}

function codePoints(s) {
    var out = [], i, c;
    for (i = 0; i < s.length; i++) {
        c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
                s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
            out.push(s.charAt(i) + s.charAt(i + 1));
            i += 1;
        } else {
            out.push(s.charAt(i));
        }
    }
    return out;
}

function readableStreamFromIterable(asyncIterable) {
    var record = getIterator(asyncIterable);
    var rs;

    function onResult(iterResultObj) {
        if (!isObject(iterResultObj)) {
            throw typeError('ReadableStream.from: iterator result is not an object');
        }
        if (iterResultObj.done) {
            readableStreamDefaultControllerClose(rs.controller);
            return undefined;
        }
        if (record.sync) {
            return promiseResolve(iterResultObj.value).then(enqueueValue);
        }
        enqueueValue(iterResultObj.value);
        return undefined;
    }

    function enqueueValue(value) {
        readableStreamDefaultControllerEnqueue(rs.controller, value);
    }

    function pullAlgorithm() {
        var nextResult;
        try {
            nextResult = record.next.call(record.iterator);
        } catch (e) {
            return promiseReject(e);
        }
        return promiseResolve(nextResult).then(onResult);
    }

    function cancelAlgorithm(reason) {
        var iterator = record.iterator, returnMethod, returnResult;
        try {
            returnMethod = iterator['return'];
            if (returnMethod === undefined || returnMethod === null) {
                return promiseResolve(undefined);
            }
            if (typeof returnMethod !== 'function') {
                throw typeError('ReadableStream.from: iterator.return is not a function');
            }
            returnResult = returnMethod.call(iterator, reason);
        } catch (e) {
            return promiseReject(e);
        }
        return promiseResolve(returnResult).then(function (r) {
            if (!isObject(r)) {
                throw typeError('ReadableStream.from: iterator.return() result is not an object');
            }
            return undefined;
        });
    }

    rs = createReadableStream(noop, pullAlgorithm, cancelAlgorithm, 0);
    return rs;
}

Object.defineProperty(ReadableStream, 'from', {
    value: function from(asyncIterable) {
        return readableStreamFromIterable(asyncIterable).obj;
    },
    writable: true, enumerable: true, configurable: true
});

/* ==== WritableStream ==== */

var closeSentinel = {};

function WSRecord(obj) {
    this.obj = obj;
    this.state = 'writable';
    this.storedError = undefined;
    this.writer = undefined;
    this.controller = undefined;
    this.inFlightWriteRequest = undefined;
    this.closeRequest = undefined;
    this.inFlightCloseRequest = undefined;
    this.pendingAbortRequest = undefined;
    this.writeRequests = new Fifo();
    this.backpressure = false;
}

function WriterRecord(obj) {
    this.obj = obj;
    this.stream = undefined;
    this.ready = undefined;
    this.closed = undefined;
}

function WCRecord(obj) {
    this.obj = obj;
    this.stream = undefined;
    this.queue = undefined;
    this.queueSizes = undefined;
    this.queueTotalSize = 0;
    this.started = false;
    this.strategySizeAlgorithm = undefined;
    this.strategyHWM = 1;
    this.writeAlgorithm = undefined;
    this.closeAlgorithm = undefined;
    this.abortAlgorithm = undefined;
    this.abortController = undefined;
    this.onWriteFulfilled = undefined;
    this.onWriteRejected = undefined;
}

function isWritableStreamLocked(ws) {
    return ws.writer !== undefined;
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm) {
    var obj = Object.create(WritableStream.prototype);
    var ws = new WSRecord(obj);
    var c = new WCRecord(Object.create(WritableStreamDefaultController.prototype));
    obj[SLOT] = ws;
    c.obj[SLOT] = c;
    setUpWritableStreamDefaultController(ws, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm);
    return ws;
}

function writableStreamAbort(ws, reason) {
    var state, wasAlreadyErroring, d;
    if (ws.state === 'closed' || ws.state === 'errored') {
        return promiseResolve(undefined);
    }
    if (ws.controller.abortController !== undefined) {
        ws.controller.abortController.abort(reason);
    }
    state = ws.state;
    if (state === 'closed' || state === 'errored') {
        return promiseResolve(undefined);
    }
    if (ws.pendingAbortRequest !== undefined) {
        return ws.pendingAbortRequest.deferred.promise;
    }
    wasAlreadyErroring = state === 'erroring';
    if (wasAlreadyErroring) {
        reason = undefined;
    }
    d = new Deferred();
    ws.pendingAbortRequest = { deferred: d, reason: reason, wasAlreadyErroring: wasAlreadyErroring };
    if (!wasAlreadyErroring) {
        writableStreamStartErroring(ws, reason);
    }
    return d.promise;
}

function writableStreamClose(ws) {
    var d, writer = ws.writer;
    if (ws.state === 'closed' || ws.state === 'errored') {
        return promiseReject(typeError('The stream is closed or errored'));
    }
    d = new Deferred();
    ws.closeRequest = d;
    if (writer !== undefined && ws.backpressure && ws.state === 'writable') {
        resolveDeferred(writer.ready, undefined);
    }
    writableStreamDefaultControllerClose(ws.controller);
    return d.promise;
}

function writableStreamDealWithRejection(ws, error) {
    if (ws.state === 'writable') {
        writableStreamStartErroring(ws, error);
        return;
    }
    writableStreamFinishErroring(ws);
}

function writableStreamStartErroring(ws, reason) {
    var c = ws.controller;
    ws.state = 'erroring';
    ws.storedError = reason;
    if (ws.writer !== undefined) {
        writableStreamDefaultWriterEnsureReadyPromiseRejected(ws.writer, reason);
    }
    if (!writableStreamHasOperationMarkedInFlight(ws) && c.started) {
        writableStreamFinishErroring(ws);
    }
}

function writableStreamFinishErroring(ws) {
    var storedError, requests, i, abortRequest;
    ws.state = 'errored';
    resetQueue(ws.controller);
    storedError = ws.storedError;
    requests = ws.writeRequests.takeAll();
    for (i = 0; i < requests.length; i++) {
        rejectDeferred(requests[i], storedError);
    }
    abortRequest = ws.pendingAbortRequest;
    if (abortRequest === undefined) {
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
        return;
    }
    ws.pendingAbortRequest = undefined;
    if (abortRequest.wasAlreadyErroring) {
        rejectDeferred(abortRequest.deferred, storedError);
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
        return;
    }
    writableStreamDefaultControllerAbortSteps(ws.controller, abortRequest.reason).then(function () {
        resolveDeferred(abortRequest.deferred, undefined);
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
    }, function (reason) {
        rejectDeferred(abortRequest.deferred, reason);
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
    });
}

function writableStreamFinishInFlightWrite(ws) {
    resolveDeferred(ws.inFlightWriteRequest, undefined);
    ws.inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(ws, error) {
    rejectDeferred(ws.inFlightWriteRequest, error);
    ws.inFlightWriteRequest = undefined;
    writableStreamDealWithRejection(ws, error);
}

function writableStreamFinishInFlightClose(ws) {
    resolveDeferred(ws.inFlightCloseRequest, undefined);
    ws.inFlightCloseRequest = undefined;
    if (ws.state === 'erroring') {
        ws.storedError = undefined;
        if (ws.pendingAbortRequest !== undefined) {
            resolveDeferred(ws.pendingAbortRequest.deferred, undefined);
            ws.pendingAbortRequest = undefined;
        }
    }
    ws.state = 'closed';
    if (ws.writer !== undefined) {
        resolveDeferred(ws.writer.closed, undefined);
    }
}

function writableStreamFinishInFlightCloseWithError(ws, error) {
    rejectDeferred(ws.inFlightCloseRequest, error);
    ws.inFlightCloseRequest = undefined;
    if (ws.pendingAbortRequest !== undefined) {
        rejectDeferred(ws.pendingAbortRequest.deferred, error);
        ws.pendingAbortRequest = undefined;
    }
    writableStreamDealWithRejection(ws, error);
}

function writableStreamCloseQueuedOrInFlight(ws) {
    return ws.closeRequest !== undefined || ws.inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(ws) {
    return ws.inFlightWriteRequest !== undefined || ws.inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(ws) {
    ws.inFlightCloseRequest = ws.closeRequest;
    ws.closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(ws) {
    ws.inFlightWriteRequest = ws.writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(ws) {
    if (ws.closeRequest !== undefined) {
        rejectDeferred(ws.closeRequest, ws.storedError);
        ws.closeRequest = undefined;
    }
    if (ws.writer !== undefined) {
        rejectHandled(ws.writer.closed, ws.storedError);
    }
}

function writableStreamUpdateBackpressure(ws, backpressure) {
    var writer = ws.writer;
    if (writer !== undefined && backpressure !== ws.backpressure) {
        if (backpressure) {
            writer.ready = new Deferred();
        } else {
            resolveDeferred(writer.ready, undefined);
        }
    }
    ws.backpressure = backpressure;
}

/* ---- writer ---- */

function setUpWritableStreamDefaultWriter(writer, ws) {
    var state = ws.state;
    if (isWritableStreamLocked(ws)) {
        throw typeError('WritableStream is locked');
    }
    writer.stream = ws;
    ws.writer = writer;
    if (state === 'writable') {
        if (!writableStreamCloseQueuedOrInFlight(ws) && ws.backpressure) {
            writer.ready = new Deferred();
        } else {
            writer.ready = resolvedDeferred(undefined);
        }
        writer.closed = new Deferred();
    } else if (state === 'erroring') {
        writer.ready = rejectedDeferred(ws.storedError);
        writer.closed = new Deferred();
    } else if (state === 'closed') {
        writer.ready = resolvedDeferred(undefined);
        writer.closed = resolvedDeferred(undefined);
    } else {
        writer.ready = rejectedDeferred(ws.storedError);
        writer.closed = rejectedDeferred(ws.storedError);
    }
}

function acquireWritableStreamDefaultWriter(ws) {
    var obj = Object.create(WritableStreamDefaultWriter.prototype);
    var writer = new WriterRecord(obj);
    setUpWritableStreamDefaultWriter(writer, ws);
    obj[SLOT] = writer;
    return writer;
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
    var ws = writer.stream, state = ws.state;
    if (writableStreamCloseQueuedOrInFlight(ws) || state === 'closed') {
        return promiseResolve(undefined);
    }
    if (state === 'errored') {
        return promiseReject(ws.storedError);
    }
    return writableStreamClose(ws);
}

function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
    if (writer.closed.state === PENDING) {
        rejectHandled(writer.closed, error);
    } else {
        writer.closed = rejectedDeferred(error);
    }
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
    if (writer.ready.state === PENDING) {
        rejectHandled(writer.ready, error);
    } else {
        writer.ready = rejectedDeferred(error);
    }
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
    var state = writer.stream.state;
    if (state === 'errored' || state === 'erroring') {
        return null;
    }
    if (state === 'closed') {
        return 0;
    }
    return writableStreamDefaultControllerGetDesiredSize(writer.stream.controller);
}

function writableStreamDefaultWriterRelease(writer) {
    var ws = writer.stream, releasedError = typeError('Writer was released');
    writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
    writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
    ws.writer = undefined;
    writer.stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
    var request = new Deferred();
    var refusal = writableStreamDefaultWriterWriteWith(writer, chunk, request);
    return refusal === undefined ? request.promise : promiseReject(refusal.error);
}

/* WritableStreamDefaultWriterWrite with the write request (a Deferred or
 * anything with state/resolveFn/rejectFn) supplied by the caller. Returns
 * undefined when the write is queued, or { error } when it is refused. */
function writableStreamDefaultWriterWriteWith(writer, chunk, request) {
    var ws = writer.stream, c = ws.controller, chunkSize, state;
    chunkSize = writableStreamDefaultControllerGetChunkSize(c, chunk);
    if (ws !== writer.stream) {
        return { error: typeError('Writer was released') };
    }
    state = ws.state;
    if (state === 'errored') {
        return { error: ws.storedError };
    }
    if (writableStreamCloseQueuedOrInFlight(ws) || state === 'closed') {
        return { error: typeError('The stream is closing or closed') };
    }
    if (state === 'erroring') {
        return { error: ws.storedError };
    }
    ws.writeRequests.push(request);
    writableStreamDefaultControllerWrite(c, chunk, chunkSize);
    return undefined;
}

function WritableStreamDefaultWriter(stream) {
    requireNew(this, WritableStreamDefaultWriter, 'WritableStreamDefaultWriter');
    var ws = brand(stream, WSRecord, 'WritableStream');
    var writer = new WriterRecord(this);
    setUpWritableStreamDefaultWriter(writer, ws);
    this[SLOT] = writer;
}

function writerPromiseGetter(field) {
    return function () {
        var writer = recordOf(this, WriterRecord);
        if (writer === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        return writer[field].promise;
    };
}

getter(WritableStreamDefaultWriter.prototype, 'closed', writerPromiseGetter('closed'));
getter(WritableStreamDefaultWriter.prototype, 'desiredSize', function () {
    var writer = brand(this, WriterRecord, 'WritableStreamDefaultWriter');
    if (writer.stream === undefined) {
        throw typeError('Writer was released');
    }
    return writableStreamDefaultWriterGetDesiredSize(writer);
});
getter(WritableStreamDefaultWriter.prototype, 'ready', writerPromiseGetter('ready'));

/* Brand-checks a writer for a promise-returning method: the record, or a
 * rejected promise. */
function lockedWriter(self) {
    var writer = recordOf(self, WriterRecord);
    if (writer === undefined) {
        return promiseReject(typeError('Illegal invocation'));
    }
    if (writer.stream === undefined) {
        return promiseReject(typeError('Writer was released'));
    }
    return writer;
}

methods(WritableStreamDefaultWriter.prototype, {
    abort: function abort(reason) {
        var writer = lockedWriter(this);
        return writer instanceof WriterRecord ? writableStreamAbort(writer.stream, reason) : writer;
    },
    close: function close() {
        var writer = lockedWriter(this);
        if (!(writer instanceof WriterRecord)) {
            return writer;
        }
        if (writableStreamCloseQueuedOrInFlight(writer.stream)) {
            return promiseReject(typeError('The stream is already closing'));
        }
        return writableStreamClose(writer.stream);
    },
    releaseLock: function releaseLock() {
        var writer = brand(this, WriterRecord, 'WritableStreamDefaultWriter');
        if (writer.stream !== undefined) {
            writableStreamDefaultWriterRelease(writer);
        }
    },
    write: function write(chunk) {
        var writer = lockedWriter(this);
        return writer instanceof WriterRecord ? writableStreamDefaultWriterWrite(writer, chunk) : writer;
    }
});
toStringTag(WritableStreamDefaultWriter.prototype, 'WritableStreamDefaultWriter');

/* ---- writable controller ---- */

function writableStreamDefaultControllerAbortSteps(c, reason) {
    var result = c.abortAlgorithm(reason);
    writableStreamDefaultControllerClearAlgorithms(c);
    return result;
}

function setUpWritableStreamDefaultController(ws, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm) {
    c.stream = ws;
    ws.controller = c;
    resetQueue(c);
    c.abortController = typeof global.AbortController === 'function' ? new global.AbortController() : undefined;
    c.started = false;
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = hwm;
    c.writeAlgorithm = writeAlgorithm;
    c.closeAlgorithm = closeAlgorithm;
    c.abortAlgorithm = abortAlgorithm;
    c.onWriteFulfilled = function () {
        writableStreamOnWriteFulfilled(c);
    };
    c.onWriteRejected = function (reason) {
        if (ws.state === 'writable') {
            writableStreamDefaultControllerClearAlgorithms(c);
        }
        writableStreamFinishInFlightWriteWithError(ws, reason);
    };
    writableStreamUpdateBackpressure(ws, writableStreamDefaultControllerGetBackpressure(c));
    promiseResolve(startAlgorithm()).then(function () {
        c.started = true;
        writableStreamDefaultControllerAdvanceQueueIfNeeded(c);
    }, function (r) {
        c.started = true;
        writableStreamDealWithRejection(ws, r);
    });
}

function sinkAlgorithms(sink, dict, controllerObj) {
    var start = optionalMethod(dict, 'start', 'WritableStream');
    var write = optionalMethod(dict, 'write', 'WritableStream');
    var close = optionalMethod(dict, 'close', 'WritableStream');
    var abort = optionalMethod(dict, 'abort', 'WritableStream');
    return {
        start: function () {
            return start === undefined ? undefined : start.call(sink, controllerObj);
        },
        write: function (chunk) {
            return write === undefined ? undefined : write.call(sink, chunk, controllerObj);
        },
        close: function () {
            return promiseCall(close, sink);
        },
        abort: function (reason) {
            return promiseCall(abort, sink, reason);
        }
    };
}

function writableStreamDefaultControllerClearAlgorithms(c) {
    c.writeAlgorithm = undefined;
    c.closeAlgorithm = undefined;
    c.abortAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(c) {
    enqueueValueWithSize(c, closeSentinel, 0);
    writableStreamDefaultControllerAdvanceQueueIfNeeded(c);
}

function writableStreamDefaultControllerGetChunkSize(c, chunk) {
    if (c.strategySizeAlgorithm === undefined) {
        return 1;
    }
    try {
        return c.strategySizeAlgorithm(chunk);
    } catch (e) {
        writableStreamDefaultControllerErrorIfNeeded(c, e);
        return 1;
    }
}

function writableStreamDefaultControllerGetDesiredSize(c) {
    return c.strategyHWM - c.queueTotalSize;
}

function writableStreamDefaultControllerGetBackpressure(c) {
    return writableStreamDefaultControllerGetDesiredSize(c) <= 0;
}

function writableStreamDefaultControllerWrite(c, chunk, chunkSize) {
    var ws = c.stream;
    try {
        enqueueValueWithSize(c, chunk, chunkSize);
    } catch (e) {
        writableStreamDefaultControllerErrorIfNeeded(c, e);
        return;
    }
    if (!writableStreamCloseQueuedOrInFlight(ws) && ws.state === 'writable') {
        writableStreamUpdateBackpressure(ws, writableStreamDefaultControllerGetBackpressure(c));
    }
    writableStreamDefaultControllerAdvanceQueueIfNeeded(c);
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(c) {
    var ws = c.stream, value;
    if (!c.started || ws.inFlightWriteRequest !== undefined) {
        return;
    }
    if (ws.state === 'erroring') {
        writableStreamFinishErroring(ws);
        return;
    }
    if (c.queue.size() === 0) {
        return;
    }
    value = c.queue.peek();
    if (value === closeSentinel) {
        writableStreamDefaultControllerProcessClose(c);
    } else {
        writableStreamDefaultControllerProcessWrite(c, value);
    }
}

function writableStreamDefaultControllerErrorIfNeeded(c, e) {
    if (c.stream.state === 'writable') {
        writableStreamDefaultControllerError(c, e);
    }
}

function writableStreamDefaultControllerProcessClose(c) {
    var ws = c.stream, sinkClosePromise;
    writableStreamMarkCloseRequestInFlight(ws);
    dequeueValue(c);
    sinkClosePromise = c.closeAlgorithm();
    writableStreamDefaultControllerClearAlgorithms(c);
    sinkClosePromise.then(function () {
        writableStreamFinishInFlightClose(ws);
    }, function (reason) {
        writableStreamFinishInFlightCloseWithError(ws, reason);
    });
}

function writableStreamDefaultControllerProcessWrite(c, chunk) {
    writableStreamMarkFirstWriteRequestInFlight(c.stream);
    runAlgorithm(c.writeAlgorithm, chunk, c.onWriteFulfilled, c.onWriteRejected);
}

function writableStreamOnWriteFulfilled(c) {
    var ws = c.stream;
    writableStreamFinishInFlightWrite(ws);
    dequeueValue(c);
    if (!writableStreamCloseQueuedOrInFlight(ws) && ws.state === 'writable') {
        writableStreamUpdateBackpressure(ws, writableStreamDefaultControllerGetBackpressure(c));
    }
    writableStreamDefaultControllerAdvanceQueueIfNeeded(c);
}

function writableStreamDefaultControllerError(c, error) {
    writableStreamDefaultControllerClearAlgorithms(c);
    writableStreamStartErroring(c.stream, error);
}

function WritableStreamDefaultController() {
    illegalConstructor();
}

getter(WritableStreamDefaultController.prototype, 'signal', function () {
    var c = brand(this, WCRecord, 'WritableStreamDefaultController');
    return c.abortController === undefined ? undefined : c.abortController.signal;
});

methods(WritableStreamDefaultController.prototype, {
    error: function error(e) {
        var c = brand(this, WCRecord, 'WritableStreamDefaultController');
        if (c.stream.state === 'writable') {
            writableStreamDefaultControllerError(c, e);
        }
    }
});
toStringTag(WritableStreamDefaultController.prototype, 'WritableStreamDefaultController');

/* ---- WritableStream ---- */

function WritableStream(underlyingSink, strategy) {
    requireNew(this, WritableStream, 'WritableStream');
    var sink, dict, sizeAlgorithm, hwm, ws, c, algorithms;
    strategy = queuingStrategy(strategy, "Failed to construct 'WritableStream'");
    sink = underlyingSink === undefined ? null : underlyingSink;
    dict = dictionary(sink, "Failed to construct 'WritableStream'");
    if (dict.type !== undefined) {
        throw new RangeError("Failed to construct 'WritableStream': invalid type");
    }
    this[SLOT] = ws = new WSRecord(this);
    sizeAlgorithm = extractSizeAlgorithm(strategy);
    hwm = extractHighWaterMark(strategy, 1);
    c = new WCRecord(Object.create(WritableStreamDefaultController.prototype));
    c.obj[SLOT] = c;
    algorithms = sinkAlgorithms(sink, dict, c.obj);
    setUpWritableStreamDefaultController(ws, c, algorithms.start, algorithms.write, algorithms.close, algorithms.abort, hwm, sizeAlgorithm);
}

function writableOf(self) {
    return brand(self, WSRecord, 'WritableStream');
}

getter(WritableStream.prototype, 'locked', function () {
    return isWritableStreamLocked(writableOf(this));
});

methods(WritableStream.prototype, {
    abort: function abort(reason) {
        var ws = recordOf(this, WSRecord);
        if (ws === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (isWritableStreamLocked(ws)) {
            return promiseReject(typeError('Cannot abort a locked WritableStream'));
        }
        return writableStreamAbort(ws, reason);
    },
    close: function close() {
        var ws = recordOf(this, WSRecord);
        if (ws === undefined) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (isWritableStreamLocked(ws)) {
            return promiseReject(typeError('Cannot close a locked WritableStream'));
        }
        if (writableStreamCloseQueuedOrInFlight(ws)) {
            return promiseReject(typeError('The stream is already closing'));
        }
        return writableStreamClose(ws);
    },
    getWriter: function getWriter() {
        return acquireWritableStreamDefaultWriter(writableOf(this)).obj;
    }
});
toStringTag(WritableStream.prototype, 'WritableStream');

/* ==== TransformStream ==== */

function TSRecord(obj) {
    this.obj = obj;
    this.readable = undefined;
    this.writable = undefined;
    this.backpressure = undefined;
    this.backpressureChange = undefined;
    this.controller = undefined;
    this.pendingChunk = undefined;
}

function TCRecord(obj) {
    this.obj = obj;
    this.stream = undefined;
    this.transformAlgorithm = undefined;
    this.flushAlgorithm = undefined;
    this.cancelAlgorithm = undefined;
    this.finish = undefined;
    this.onTransformRejected = undefined;
}

function initializeTransformStream(ts, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
    function startAlgorithm() {
        return startPromise;
    }
    ts.writable = createWritableStream(startAlgorithm, function (chunk) {
        return transformStreamDefaultSinkWriteAlgorithm(ts, chunk);
    }, function () {
        return transformStreamDefaultSinkCloseAlgorithm(ts);
    }, function (reason) {
        return transformStreamDefaultSinkAbortAlgorithm(ts, reason);
    }, writableHWM, writableSize);
    ts.readable = createReadableStream(startAlgorithm, function () {
        return transformStreamDefaultSourcePullAlgorithm(ts);
    }, function (reason) {
        return transformStreamDefaultSourceCancelAlgorithm(ts, reason);
    }, readableHWM, readableSize);
    ts.backpressure = undefined;
    ts.backpressureChange = undefined;
    transformStreamSetBackpressure(ts, true);
    ts.controller = undefined;
    ts.afterBackpressure = function () {
        var chunk = ts.pendingChunk;
        ts.pendingChunk = undefined;
        if (ts.writable.state === 'erroring') {
            throw ts.writable.storedError;
        }
        return transformStreamDefaultControllerPerformTransform(ts.controller, chunk);
    };
}

function transformStreamError(ts, e) {
    readableStreamDefaultControllerError(ts.readable.controller, e);
    transformStreamErrorWritableAndUnblockWrite(ts, e);
}

function transformStreamErrorWritableAndUnblockWrite(ts, e) {
    transformStreamDefaultControllerClearAlgorithms(ts.controller);
    writableStreamDefaultControllerErrorIfNeeded(ts.writable.controller, e);
    transformStreamUnblockWrite(ts);
}

function transformStreamUnblockWrite(ts) {
    if (ts.backpressure) {
        transformStreamSetBackpressure(ts, false);
    }
}

function transformStreamSetBackpressure(ts, backpressure) {
    if (ts.backpressureChange !== undefined) {
        resolveDeferred(ts.backpressureChange, undefined);
    }
    ts.backpressureChange = new Deferred();
    ts.backpressure = backpressure;
}

function setUpTransformStreamDefaultController(ts, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
    c.stream = ts;
    ts.controller = c;
    c.transformAlgorithm = transformAlgorithm;
    c.flushAlgorithm = flushAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    c.onTransformRejected = function (r) {
        transformStreamError(ts, r);
        throw r;
    };
}

function transformerAlgorithms(transformer, dict, c) {
    var transform = optionalMethod(dict, 'transform', 'TransformStream');
    var flush = optionalMethod(dict, 'flush', 'TransformStream');
    var cancel = optionalMethod(dict, 'cancel', 'TransformStream');
    var transformAlgorithm;
    if (transform === undefined) {
        transformAlgorithm = function (chunk) {
            transformStreamDefaultControllerEnqueue(c, chunk);
        };
    } else {
        transformAlgorithm = function (chunk) {
            return transform.call(transformer, chunk, c.obj);
        };
    }
    return {
        transform: transformAlgorithm,
        flush: function () {
            return promiseCall(flush, transformer, c.obj);
        },
        cancel: function (reason) {
            return promiseCall(cancel, transformer, reason);
        }
    };
}

function transformStreamDefaultControllerClearAlgorithms(c) {
    c.transformAlgorithm = undefined;
    c.flushAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
}

function transformStreamDefaultControllerEnqueue(c, chunk) {
    var ts = c.stream, rc = ts.readable.controller, backpressure;
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(rc)) {
        throw typeError('The readable side is not in a state that permits enqueue');
    }
    try {
        readableStreamDefaultControllerEnqueue(rc, chunk);
    } catch (e) {
        transformStreamErrorWritableAndUnblockWrite(ts, e);
        throw ts.readable.storedError;
    }
    backpressure = !readableStreamDefaultControllerShouldCallPull(rc);
    if (backpressure !== ts.backpressure) {
        transformStreamSetBackpressure(ts, true);
    }
}

/* TransformStreamDefaultControllerPerformTransform, returning the
 * transform's plain result or a promise, or throwing (see runAlgorithm). */
function transformStreamDefaultControllerPerformTransform(c, chunk) {
    var result;
    try {
        result = c.transformAlgorithm(chunk);
    } catch (e) {
        transformStreamError(c.stream, e);
        throw e;
    }
    if (isObject(result)) {
        return promiseResolve(result).then(undefined, c.onTransformRejected);
    }
    return result;
}

function transformStreamDefaultControllerTerminate(c) {
    var ts = c.stream;
    readableStreamDefaultControllerClose(ts.readable.controller);
    transformStreamErrorWritableAndUnblockWrite(ts, typeError('TransformStream terminated'));
}

function transformStreamDefaultSinkWriteAlgorithm(ts, chunk) {
    if (ts.backpressure) {
        ts.pendingChunk = chunk;
        return ts.backpressureChange.promise.then(ts.afterBackpressure);
    }
    return transformStreamDefaultControllerPerformTransform(ts.controller, chunk);
}

/* The shared tail of the sink abort, sink close and source cancel
 * algorithms: runs `p`'s outcome into the controller's finish promise. */
function transformStreamFinish(c, p, onFulfilled, onRejected) {
    var finish = c.finish;
    p.then(function () {
        var failure = onFulfilled();
        if (failure !== undefined) {
            rejectDeferred(finish, failure.error);
        } else {
            resolveDeferred(finish, undefined);
        }
    }, function (r) {
        onRejected(r);
        rejectDeferred(finish, r);
    });
    return finish.promise;
}

function transformStreamDefaultSinkAbortAlgorithm(ts, reason) {
    var c = ts.controller, readable = ts.readable, cancelPromise;
    if (c.finish !== undefined) {
        return c.finish.promise;
    }
    c.finish = new Deferred();
    cancelPromise = c.cancelAlgorithm(reason);
    transformStreamDefaultControllerClearAlgorithms(c);
    return transformStreamFinish(c, cancelPromise, function () {
        if (readable.state === 'errored') {
            return { error: readable.storedError };
        }
        readableStreamDefaultControllerError(readable.controller, reason);
        return undefined;
    }, function (r) {
        readableStreamDefaultControllerError(readable.controller, r);
    });
}

function transformStreamDefaultSinkCloseAlgorithm(ts) {
    var c = ts.controller, readable = ts.readable, flushPromise;
    if (c.finish !== undefined) {
        return c.finish.promise;
    }
    c.finish = new Deferred();
    flushPromise = c.flushAlgorithm();
    transformStreamDefaultControllerClearAlgorithms(c);
    return transformStreamFinish(c, flushPromise, function () {
        if (readable.state === 'errored') {
            return { error: readable.storedError };
        }
        readableStreamDefaultControllerClose(readable.controller);
        return undefined;
    }, function (r) {
        readableStreamDefaultControllerError(readable.controller, r);
    });
}

function transformStreamDefaultSourcePullAlgorithm(ts) {
    transformStreamSetBackpressure(ts, false);
    return ts.backpressureChange.promise;
}

function transformStreamDefaultSourceCancelAlgorithm(ts, reason) {
    var c = ts.controller, writable = ts.writable, cancelPromise;
    if (c.finish !== undefined) {
        return c.finish.promise;
    }
    c.finish = new Deferred();
    cancelPromise = c.cancelAlgorithm(reason);
    transformStreamDefaultControllerClearAlgorithms(c);
    return transformStreamFinish(c, cancelPromise, function () {
        if (writable.state === 'errored') {
            return { error: writable.storedError };
        }
        writableStreamDefaultControllerErrorIfNeeded(writable.controller, reason);
        transformStreamUnblockWrite(ts);
        return undefined;
    }, function (r) {
        writableStreamDefaultControllerErrorIfNeeded(writable.controller, r);
        transformStreamUnblockWrite(ts);
    });
}

function TransformStreamDefaultController() {
    illegalConstructor();
}

function transformControllerOf(self) {
    return brand(self, TCRecord, 'TransformStreamDefaultController');
}

getter(TransformStreamDefaultController.prototype, 'desiredSize', function () {
    return readableStreamDefaultControllerGetDesiredSize(transformControllerOf(this).stream.readable.controller);
});

methods(TransformStreamDefaultController.prototype, {
    enqueue: function enqueue(chunk) {
        transformStreamDefaultControllerEnqueue(transformControllerOf(this), chunk);
    },
    error: function error(reason) {
        transformStreamError(transformControllerOf(this).stream, reason);
    },
    terminate: function terminate() {
        transformStreamDefaultControllerTerminate(transformControllerOf(this));
    }
});
toStringTag(TransformStreamDefaultController.prototype, 'TransformStreamDefaultController');

function TransformStream(transformer, writableStrategy, readableStrategy) {
    requireNew(this, TransformStream, 'TransformStream');
    var dict, ts, c, algorithms, startPromise, start;
    var context = "Failed to construct 'TransformStream'";
    writableStrategy = queuingStrategy(writableStrategy, context);
    readableStrategy = queuingStrategy(readableStrategy, context);
    dict = dictionary(transformer === undefined ? null : transformer, context);
    if (dict.readableType !== undefined) {
        throw new RangeError(context + ': invalid readableType');
    }
    if (dict.writableType !== undefined) {
        throw new RangeError(context + ': invalid writableType');
    }
    start = optionalMethod(dict, 'start', 'TransformStream');
    var readableHWM = extractHighWaterMark(readableStrategy, 0);
    var readableSize = extractSizeAlgorithm(readableStrategy);
    var writableHWM = extractHighWaterMark(writableStrategy, 1);
    var writableSize = extractSizeAlgorithm(writableStrategy);
    this[SLOT] = ts = new TSRecord(this);
    startPromise = new Deferred();
    initializeTransformStream(ts, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
    c = new TCRecord(Object.create(TransformStreamDefaultController.prototype));
    c.obj[SLOT] = c;
    algorithms = transformerAlgorithms(transformer, dict, c);
    setUpTransformStreamDefaultController(ts, c, algorithms.transform, algorithms.flush, algorithms.cancel);
    resolveDeferred(startPromise, start === undefined ? undefined : start.call(transformer, c.obj));
}

getter(TransformStream.prototype, 'readable', function () {
    return brand(this, TSRecord, 'TransformStream').readable.obj;
});
getter(TransformStream.prototype, 'writable', function () {
    return brand(this, TSRecord, 'TransformStream').writable.obj;
});
toStringTag(TransformStream.prototype, 'TransformStream');

/* ---- publish ---- */

native.defineGlobal('ReadableStream', ReadableStream);
native.defineGlobal('ReadableStreamDefaultReader', ReadableStreamDefaultReader);
native.defineGlobal('ReadableStreamDefaultController', ReadableStreamDefaultController);
native.defineGlobal('WritableStream', WritableStream);
native.defineGlobal('WritableStreamDefaultWriter', WritableStreamDefaultWriter);
native.defineGlobal('WritableStreamDefaultController', WritableStreamDefaultController);
native.defineGlobal('TransformStream', TransformStream);
native.defineGlobal('TransformStreamDefaultController', TransformStreamDefaultController);
native.defineGlobal('CountQueuingStrategy', CountQueuingStrategy);
native.defineGlobal('ByteLengthQueuingStrategy', ByteLengthQueuingStrategy);

native.isReadableStream = function (x) {
    return recordOf(x, RSRecord) !== undefined;
};

native.isWritableStream = function (x) {
    return recordOf(x, WSRecord) !== undefined;
};

native.readableStreamFromSource = function (source, strategy) {
    return new ReadableStream(source, strategy);
};

native.readableStreamIsDisturbed = function (stream) {
    return streamOf(stream).disturbed;
};

native.readableStreamIsLocked = function (stream) {
    return isReadableStreamLocked(streamOf(stream));
};

native.readableStreamCancel = function (stream, reason) {
    return readableStreamCancel(streamOf(stream), reason);
};

/* Tee for Request/Response clone(): independent chunks in the branches. */
native.readableStreamTeeForClone = function (stream) {
    var rs = streamOf(stream);
    var branches = rs.controller.bytes ? byteStreams.tee(rs) : readableStreamDefaultTee(rs, true);
    return [branches[0].obj, branches[1].obj];
};

/* What js/23-byte-streams.js builds on. */
native.streamInternals = {
    SLOT: SLOT,
    Deferred: Deferred,
    Fifo: Fifo,
    RSRecord: RSRecord,
    PromiseReadRequest: PromiseReadRequest,
    acquireReadableStreamDefaultReader: acquireReadableStreamDefaultReader,
    brand: brand,
    dictionary: dictionary,
    getter: getter,
    illegalConstructor: illegalConstructor,
    installPullReactions: installPullReactions,
    isReadableStreamLocked: isReadableStreamLocked,
    markHandled: markHandled,
    methods: methods,
    newReadableStreamObject: newReadableStreamObject,
    noop: noop,
    promiseReject: promiseReject,
    promiseResolve: promiseResolve,
    readableStreamAddReadRequest: readableStreamAddReadRequest,
    readableStreamCancel: readableStreamCancel,
    readableStreamClose: readableStreamClose,
    readableStreamDefaultReaderRead: readableStreamDefaultReaderRead,
    readableStreamDefaultReaderRelease: readableStreamDefaultReaderRelease,
    readableStreamError: readableStreamError,
    readableStreamFulfillReadRequest: readableStreamFulfillReadRequest,
    readableStreamGetNumReadRequests: readableStreamGetNumReadRequests,
    readableStreamHasDefaultReader: readableStreamHasDefaultReader,
    readableStreamReaderGenericCancel: readableStreamReaderGenericCancel,
    readableStreamReaderGenericInitialize: readableStreamReaderGenericInitialize,
    readableStreamReaderGenericRelease: readableStreamReaderGenericRelease,
    recordOf: recordOf,
    requireNew: requireNew,
    resolveDeferred: resolveDeferred,
    rejectDeferred: rejectDeferred,
    runAlgorithm: runAlgorithm,
    sourceAlgorithms: sourceAlgorithms,
    startController: startController,
    toStringTag: toStringTag,
    typeError: typeError
};
