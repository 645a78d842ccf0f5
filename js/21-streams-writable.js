// SPDX-License-Identifier: MIT
/*
 * WritableStream of the Streams Standard: the stream, its default writer
 * and its default controller (js/20-streams-queue.js describes the stream
 * files and what they share). Loaded on first use, with
 * js/23-streams-pipe-iterate.js (lib/runtime_lazy.c): native.isWritableStream
 * is js/22-streams-readable.js's.
 */
var S = native.streamInternals;
var SLOT = S.SLOT, PENDING = S.PENDING, Deferred = S.Deferred, resolveDeferred = S.resolveDeferred,
    rejectDeferred = S.rejectDeferred, rejectHandled = S.rejectHandled,
    resolvedDeferred = S.resolvedDeferred, rejectedDeferred = S.rejectedDeferred,
    promiseResolve = S.promiseResolve, promiseReject = S.promiseReject,
    promiseCall = S.promiseCall, runAlgorithm = S.runAlgorithm, typeError = S.typeError,
    recordOf = S.recordOf, brand = S.brand, illegalConstructor = S.illegalConstructor,
    requireNew = S.requireNew, getter = S.getter, methods = S.methods, toStringTag = S.toStringTag,
    optionalMethod = S.optionalMethod, dictionary = S.dictionary, Fifo = S.Fifo,
    resetQueue = S.resetQueue, enqueueValueWithSize = S.enqueueValueWithSize,
    dequeueValue = S.dequeueValue, queuingStrategy = S.queuingStrategy,
    extractHighWaterMark = S.extractHighWaterMark, extractSizeAlgorithm = S.extractSizeAlgorithm;

/* ==== WritableStream ==== */

var closeSentinel = {};

function WSRecord(obj) {
    this.obj = obj;
    this.state = 'writable';
    this.storedError = void 0;
    this.writer = void 0;
    this.controller = void 0;
    this.inFlightWriteRequest = void 0;
    this.closeRequest = void 0;
    this.inFlightCloseRequest = void 0;
    this.pendingAbortRequest = void 0;
    this.writeRequests = new Fifo();
    this.backpressure = false;
}

function WriterRecord(obj) {
    this.obj = obj;
    this.stream = void 0;
    this.ready = void 0;
    this.closed = void 0;
}

function WCRecord(obj) {
    this.obj = obj;
    this.stream = void 0;
    this.queue = void 0;
    this.queueSizes = void 0;
    this.queueTotalSize = 0;
    this.started = false;
    this.strategySizeAlgorithm = void 0;
    this.strategyHWM = 1;
    this.writeAlgorithm = void 0;
    this.closeAlgorithm = void 0;
    this.abortAlgorithm = void 0;
    this.abortController = void 0;
    this.onWriteFulfilled = void 0;
    this.onWriteRejected = void 0;
}

function isWritableStreamLocked(ws) {
    return ws.writer !== void 0;
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
        return promiseResolve(void 0);
    }
    if (ws.controller.abortController !== void 0) {
        ws.controller.abortController.abort(reason);
    }
    state = ws.state;
    if (state === 'closed' || state === 'errored') {
        return promiseResolve(void 0);
    }
    if (ws.pendingAbortRequest !== void 0) {
        return ws.pendingAbortRequest.deferred.promise;
    }
    wasAlreadyErroring = state === 'erroring';
    if (wasAlreadyErroring) {
        reason = void 0;
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
    if (writer !== void 0 && ws.backpressure && ws.state === 'writable') {
        resolveDeferred(writer.ready, void 0);
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
    if (ws.writer !== void 0) {
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
    if (abortRequest === void 0) {
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
        return;
    }
    ws.pendingAbortRequest = void 0;
    if (abortRequest.wasAlreadyErroring) {
        rejectDeferred(abortRequest.deferred, storedError);
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
        return;
    }
    writableStreamDefaultControllerAbortSteps(ws.controller, abortRequest.reason).then(function () {
        resolveDeferred(abortRequest.deferred, void 0);
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
    }, function (reason) {
        rejectDeferred(abortRequest.deferred, reason);
        writableStreamRejectCloseAndClosedPromiseIfNeeded(ws);
    });
}

function writableStreamFinishInFlightWrite(ws) {
    resolveDeferred(ws.inFlightWriteRequest, void 0);
    ws.inFlightWriteRequest = void 0;
}

function writableStreamFinishInFlightWriteWithError(ws, error) {
    rejectDeferred(ws.inFlightWriteRequest, error);
    ws.inFlightWriteRequest = void 0;
    writableStreamDealWithRejection(ws, error);
}

function writableStreamFinishInFlightClose(ws) {
    resolveDeferred(ws.inFlightCloseRequest, void 0);
    ws.inFlightCloseRequest = void 0;
    if (ws.state === 'erroring') {
        ws.storedError = void 0;
        if (ws.pendingAbortRequest !== void 0) {
            resolveDeferred(ws.pendingAbortRequest.deferred, void 0);
            ws.pendingAbortRequest = void 0;
        }
    }
    ws.state = 'closed';
    if (ws.writer !== void 0) {
        resolveDeferred(ws.writer.closed, void 0);
    }
}

function writableStreamFinishInFlightCloseWithError(ws, error) {
    rejectDeferred(ws.inFlightCloseRequest, error);
    ws.inFlightCloseRequest = void 0;
    if (ws.pendingAbortRequest !== void 0) {
        rejectDeferred(ws.pendingAbortRequest.deferred, error);
        ws.pendingAbortRequest = void 0;
    }
    writableStreamDealWithRejection(ws, error);
}

function writableStreamCloseQueuedOrInFlight(ws) {
    return ws.closeRequest !== void 0 || ws.inFlightCloseRequest !== void 0;
}

function writableStreamHasOperationMarkedInFlight(ws) {
    return ws.inFlightWriteRequest !== void 0 || ws.inFlightCloseRequest !== void 0;
}

function writableStreamMarkCloseRequestInFlight(ws) {
    ws.inFlightCloseRequest = ws.closeRequest;
    ws.closeRequest = void 0;
}

function writableStreamMarkFirstWriteRequestInFlight(ws) {
    ws.inFlightWriteRequest = ws.writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(ws) {
    if (ws.closeRequest !== void 0) {
        rejectDeferred(ws.closeRequest, ws.storedError);
        ws.closeRequest = void 0;
    }
    if (ws.writer !== void 0) {
        rejectHandled(ws.writer.closed, ws.storedError);
    }
}

function writableStreamUpdateBackpressure(ws, backpressure) {
    var writer = ws.writer;
    if (writer !== void 0 && backpressure !== ws.backpressure) {
        if (backpressure) {
            writer.ready = new Deferred();
        } else {
            resolveDeferred(writer.ready, void 0);
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
            writer.ready = resolvedDeferred(void 0);
        }
        writer.closed = new Deferred();
    } else if (state === 'erroring') {
        writer.ready = rejectedDeferred(ws.storedError);
        writer.closed = new Deferred();
    } else if (state === 'closed') {
        writer.ready = resolvedDeferred(void 0);
        writer.closed = resolvedDeferred(void 0);
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
        return promiseResolve(void 0);
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
    ws.writer = void 0;
    writer.stream = void 0;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
    var request = new Deferred();
    var refusal = writableStreamDefaultWriterWriteWith(writer, chunk, request);
    return refusal === void 0 ? request.promise : promiseReject(refusal.error);
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
    return void 0;
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
        if (writer === void 0) {
            return promiseReject(typeError('Illegal invocation'));
        }
        return writer[field].promise;
    };
}

getter(WritableStreamDefaultWriter.prototype, 'closed', writerPromiseGetter('closed'));
getter(WritableStreamDefaultWriter.prototype, 'desiredSize', function () {
    var writer = brand(this, WriterRecord, 'WritableStreamDefaultWriter');
    if (writer.stream === void 0) {
        throw typeError('Writer was released');
    }
    return writableStreamDefaultWriterGetDesiredSize(writer);
});
getter(WritableStreamDefaultWriter.prototype, 'ready', writerPromiseGetter('ready'));

/* Brand-checks a writer for a promise-returning method: the record, or a
 * rejected promise. */
function lockedWriter(self) {
    var writer = recordOf(self, WriterRecord);
    if (writer === void 0) {
        return promiseReject(typeError('Illegal invocation'));
    }
    if (writer.stream === void 0) {
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
        if (writer.stream !== void 0) {
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
    c.abortController = typeof global.AbortController === 'function' ? new global.AbortController() : void 0;
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
            return start === void 0 ? void 0 : start.call(sink, controllerObj);
        },
        write: function (chunk) {
            return write === void 0 ? void 0 : write.call(sink, chunk, controllerObj);
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
    c.writeAlgorithm = void 0;
    c.closeAlgorithm = void 0;
    c.abortAlgorithm = void 0;
    c.strategySizeAlgorithm = void 0;
}

function writableStreamDefaultControllerClose(c) {
    enqueueValueWithSize(c, closeSentinel, 0);
    writableStreamDefaultControllerAdvanceQueueIfNeeded(c);
}

function writableStreamDefaultControllerGetChunkSize(c, chunk) {
    if (c.strategySizeAlgorithm === void 0) {
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
    if (!c.started || ws.inFlightWriteRequest !== void 0) {
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
    return c.abortController === void 0 ? void 0 : c.abortController.signal;
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
    sink = underlyingSink === void 0 ? null : underlyingSink;
    dict = dictionary(sink, "Failed to construct 'WritableStream'");
    if (dict.type !== void 0) {
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
        if (ws === void 0) {
            return promiseReject(typeError('Illegal invocation'));
        }
        if (isWritableStreamLocked(ws)) {
            return promiseReject(typeError('Cannot abort a locked WritableStream'));
        }
        return writableStreamAbort(ws, reason);
    },
    close: function close() {
        var ws = recordOf(this, WSRecord);
        if (ws === void 0) {
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

/* ---- publish ---- */

native.defineGlobal('WritableStream', WritableStream);
native.defineGlobal('WritableStreamDefaultWriter', WritableStreamDefaultWriter);
native.defineGlobal('WritableStreamDefaultController', WritableStreamDefaultController);

/* ---- shared with the stream files after this one ---- */

S.WSRecord = WSRecord;
S.isWritableStreamLocked = isWritableStreamLocked;
S.createWritableStream = createWritableStream;
S.writableStreamAbort = writableStreamAbort;
S.writableStreamCloseQueuedOrInFlight = writableStreamCloseQueuedOrInFlight;
S.acquireWritableStreamDefaultWriter = acquireWritableStreamDefaultWriter;
S.writableStreamDefaultWriterCloseWithErrorPropagation = writableStreamDefaultWriterCloseWithErrorPropagation;
S.writableStreamDefaultWriterRelease = writableStreamDefaultWriterRelease;
S.writableStreamDefaultWriterWriteWith = writableStreamDefaultWriterWriteWith;
S.writableStreamDefaultControllerErrorIfNeeded = writableStreamDefaultControllerErrorIfNeeded;
