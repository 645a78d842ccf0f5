// SPDX-License-Identifier: MIT
/*
 * ReadableStream of the Streams Standard: the stream, its default reader,
 * its default controller and the default tee (js/20-streams-queue.js
 * describes the stream files and what they share). Byte streams are
 * js/25-byte-streams.js, which fills in native.byteStreams: this file
 * calls it for `type: 'bytes'`, getReader({ mode: 'byob' }) and tee().
 * pipeTo, pipeThrough, the async iterator and ReadableStream.from are
 * js/23-streams-pipe-iterate.js, called through native.streamInternals;
 * it and WritableStream (js/21-streams-writable.js) are loaded on first
 * use (lib/runtime_lazy.c): by the WritableStream globals, a TransformStream,
 * values() or @@asyncIterator, or ReadableStream.from. Until then no
 * WritableStream exists, so pipeTo and pipeThrough refuse what they are
 * given as this file's checks would.
 *
 * Internal entry points on `native` (for the C side and other js/ files):
 *   native.isReadableStream(x)                 -> boolean
 *   native.readableStreamFromSource(src, qs)   -> new ReadableStream(src, qs)
 *   native.readableStreamIsDisturbed(stream)   -> boolean (Body.bodyUsed)
 *   native.readableStreamIsLocked(stream)      -> boolean
 *   native.readableStreamCancel(stream, why)   -> Promise (ignores the lock)
 *   native.readableStreamTeeForClone(stream)   -> [branch1, branch2] with
 *                                                 cloned chunks (Body clone)
 */
var S = native.streamInternals;
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper) */
var SLOT = S.SLOT, Deferred = S.Deferred, resolveDeferred = S.resolveDeferred, noop = S.noop,
    returnUndefined = S.returnUndefined, markHandled = S.markHandled,
    rejectHandled = S.rejectHandled, resolvedDeferred = S.resolvedDeferred,
    rejectedDeferred = S.rejectedDeferred, promiseResolve = S.promiseResolve,
    promiseReject = S.promiseReject, promiseCall = S.promiseCall, runAlgorithm = S.runAlgorithm,
    typeError = S.typeError, isObject = S.isObject, recordOf = S.recordOf, brand = S.brand,
    illegalConstructor = S.illegalConstructor, requireNew = S.requireNew, getter = S.getter,
    methods = S.methods, toStringTag = S.toStringTag, optionalMethod = S.optionalMethod,
    dictionary = S.dictionary, Fifo = S.Fifo, settleRequests = S.settleRequests, resetQueue = S.resetQueue,
    enqueueValueWithSize = S.enqueueValueWithSize, dequeueValue = S.dequeueValue,
    queuingStrategy = S.queuingStrategy, extractHighWaterMark = S.extractHighWaterMark,
    sizeOne = S.sizeOne, extractSizeAlgorithm = S.extractSizeAlgorithm,
    PromiseReadRequest = S.PromiseReadRequest;

/* The record of a WritableStream x, or undefined (none exists before
 * js/21-streams-writable.js is loaded). */
function writableRecordOf(x) {
    return S.WSRecord === void 0 ? void 0 : (0, recordOf)(x, S.WSRecord);
}

/* js/21-streams-writable.js and js/23-streams-pipe-iterate.js, loaded. */
function pipeIterate() {
    if (S.createAsyncIterator === void 0) {
        native.loadLazy('WritableStream');
    }
    return S;
}

/* ==== ReadableStream ==== */

/* The record of a ReadableStream, made by newRSRecord with its fields in one
 * go (native.recordMaker); RSRecord itself is its kind (prototype, brand
 * check). */
function RSRecord() {
}

var makeRSRecord = native.recordMaker(RSRecord.prototype,
    ['obj', 'state', 'reader', 'storedError', 'disturbed', 'controller']);

function newRSRecord(obj) {
    return (0, makeRSRecord)(obj, 'readable', void 0, void 0, false, void 0);
}

/* The record of a ReadableStreamDefaultReader, made by newReaderRecord
 * with its fields in one go (native.recordMaker); ReaderRecord itself is
 * its kind (prototype, brand check). */
function ReaderRecord() {
}

var makeReaderRecord = native.recordMaker(ReaderRecord.prototype,
    ['obj', 'stream', 'closed', 'readRequests']);

function newReaderRecord(obj) {
    return (0, makeReaderRecord)(obj, void 0, void 0, new Fifo());
}

/* Controller record shared by the default and the byte controller; `bytes`
 * selects the byte controller's steps. */
function RCRecord(obj, bytes) {
    this.obj = obj;
    this.bytes = bytes;
    this.stream = void 0;
    this.queue = void 0;
    this.queueSizes = void 0;
    this.queueTotalSize = 0;
    this.started = false;
    this.closeRequested = false;
    this.pullAgain = false;
    this.pulling = false;
    this.strategySizeAlgorithm = void 0;
    this.strategyHWM = 0;
    this.pullAlgorithm = void 0;
    this.cancelAlgorithm = void 0;
    this.onPullFulfilled = void 0;
    this.onPullRejected = void 0;
    this.knownBytes = null;
}

function isReadableStreamLocked(rs) {
    return rs.reader !== void 0;
}

function newReadableStreamObject(obj) {
    if (obj === void 0) {
        obj = Object.create(ReadableStream.prototype);
    }
    obj[SLOT] = (0, newRSRecord)(obj);
    return obj[SLOT];
}

/* CreateReadableStream: a stream with a default controller driven by
 * internal algorithms (start returns a value or promise, pull and cancel
 * return promises). */
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm) {
    var rs = (0, newReadableStreamObject)();
    var c = new RCRecord(Object.create(ReadableStreamDefaultController.prototype), false);
    c.obj[SLOT] = c;
    (0, setUpReadableStreamDefaultController)(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm,
        hwm === void 0 ? 1 : hwm, sizeAlgorithm || sizeOne);
    return rs;
}

function readableStreamAddReadRequest(rs, readRequest) {
    rs.reader.readRequests.push(readRequest);
}

function readableStreamGetNumReadRequests(rs) {
    return rs.reader.readRequests.size();
}

function readableStreamHasDefaultReader(rs) {
    return rs.reader !== void 0 && !rs.reader.byob;
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
        return (0, promiseResolve)(void 0);
    }
    if (rs.state === 'errored') {
        return (0, promiseReject)(rs.storedError);
    }
    (0, readableStreamClose)(rs);
    if (rs.reader !== void 0 && rs.reader.byob) {
        byteStreams.closeReadIntoRequests(rs.reader);
    }
    return rs.controller.cancelSteps(reason).then(returnUndefined);
}

function readableStreamClose(rs) {
    var reader = rs.reader, closed;
    rs.state = 'closed';
    if (reader === void 0) {
        return;
    }
    closed = reader.closed;
    if (closed === void 0) {
        reader.closed = CLOSED_FULFILLED;
    } else if (closed !== CLOSED_FULFILLED) {
        (0, resolveDeferred)(closed, void 0);
    }
    if (reader.byob) {
        return;
    }
    (0, settleRequests)(reader.readRequests, true, void 0);
}

function readableStreamError(rs, e) {
    var reader = rs.reader;
    rs.state = 'errored';
    rs.storedError = e;
    if (reader === void 0) {
        return;
    }
    (0, rejectHandled)((0, readerClosed)(reader), e);
    if (reader.byob) {
        byteStreams.errorReadIntoRequests(reader, e);
    } else {
        (0, readableStreamDefaultReaderErrorReadRequests)(reader, e);
    }
}

/* ---- readers ---- */

/* A reader's closed promise is made when it is asked for (the closed
 * getter, a tee, a pipe, a rejection): reader.closed is undefined while it
 * would be pending, CLOSED_FULFILLED once it would be fulfilled (the
 * stream closed), else its Deferred. Most readers are read to the end and
 * dropped without anyone asking. */
var CLOSED_FULFILLED = {};

function readerClosed(reader) {
    var closed = reader.closed;
    if (closed === void 0) {
        closed = reader.closed = new Deferred();
    } else if (closed === CLOSED_FULFILLED) {
        closed = reader.closed = (0, resolvedDeferred)(void 0);
    }
    return closed;
}

function readableStreamReaderGenericInitialize(reader, rs) {
    reader.stream = rs;
    rs.reader = reader;
    if (rs.state === 'readable') {
        reader.closed = void 0;
    } else if (rs.state === 'closed') {
        reader.closed = (0, resolvedDeferred)(void 0);
    } else {
        reader.closed = (0, rejectedDeferred)(rs.storedError);
    }
}

function readableStreamReaderGenericCancel(reader, reason) {
    return (0, readableStreamCancel)(reader.stream, reason);
}

function readableStreamReaderGenericRelease(reader) {
    var rs = reader.stream;
    var releasedError = (0, typeError)('Reader was released');
    if (rs.state === 'readable') {
        (0, rejectHandled)((0, readerClosed)(reader), releasedError);
    } else {
        reader.closed = (0, rejectedDeferred)(releasedError);
    }
    rs.controller.releaseSteps();
    rs.reader = void 0;
    reader.stream = void 0;
}

/* reader is a new ReaderRecord, whose read requests are already empty. */
function setUpReadableStreamDefaultReader(reader, rs) {
    if ((0, isReadableStreamLocked)(rs)) {
        throw (0, typeError)('ReadableStream is locked');
    }
    (0, readableStreamReaderGenericInitialize)(reader, rs);
}

function acquireReadableStreamDefaultReader(rs) {
    var obj = Object.create(ReadableStreamDefaultReader.prototype);
    var reader = (0, newReaderRecord)(obj);
    (0, setUpReadableStreamDefaultReader)(reader, rs);
    obj[SLOT] = reader;
    return reader;
}

function readableStreamDefaultReaderRead(reader, readRequest) {
    var rs = reader.stream, c;
    rs.disturbed = true;
    if (rs.state === 'closed') {
        readRequest.closeSteps();
    } else if (rs.state === 'errored') {
        readRequest.errorSteps(rs.storedError);
    } else {
        c = rs.controller;
        if (c.knownBytes !== null) {
            byteStreams.readKnownBytes(c, readRequest);
        } else {
            c.pullSteps(readRequest);
        }
    }
}

function readableStreamDefaultReaderErrorReadRequests(reader, e) {
    (0, settleRequests)(reader.readRequests, false, e);
}

function readableStreamDefaultReaderRelease(reader) {
    (0, readableStreamReaderGenericRelease)(reader);
    (0, readableStreamDefaultReaderErrorReadRequests)(reader, (0, typeError)('Reader was released'));
}

function ReadableStreamDefaultReader(stream) {
    (0, requireNew)(this, ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');
    var rs = (0, brand)(stream, RSRecord, 'ReadableStream');
    var reader = (0, newReaderRecord)(this);
    (0, setUpReadableStreamDefaultReader)(reader, rs);
    this[SLOT] = reader;
}

/* The members both reader classes have alike, for readers whose records
 * are Record: the closed getter and cancel(). */
function readerClosedGetter(Record) {
    return function () {
        var reader = (0, recordOf)(this, Record);
        if (reader === void 0) {
            return (0, promiseReject)((0, typeError)('Illegal invocation'));
        }
        return (0, readerClosed)(reader).promise;
    };
}

function readerCancelMethod(Record) {
    return function cancel(reason) {
        var reader = (0, recordOf)(this, Record);
        if (reader === void 0) {
            return (0, promiseReject)((0, typeError)('Illegal invocation'));
        }
        if (reader.stream === void 0) {
            return (0, promiseReject)((0, typeError)('Cannot cancel a released reader'));
        }
        return (0, readableStreamReaderGenericCancel)(reader, reason);
    };
}

(0, getter)(ReadableStreamDefaultReader.prototype, 'closed', (0, readerClosedGetter)(ReaderRecord));

(0, methods)(ReadableStreamDefaultReader.prototype, {
    read: function read() {
        var reader = (0, recordOf)(this, ReaderRecord), readRequest, rs, c, result;
        if (reader === void 0) {
            return (0, promiseReject)((0, typeError)('Illegal invocation'));
        }
        rs = reader.stream;
        if (rs === void 0) {
            return (0, promiseReject)((0, typeError)('Cannot read from a released reader'));
        }
        /* a read that settles at once, without a read request: of a
         * closed stream, and the first of a stream over known bytes (a
         * body's .body); its promise resolved with the result as the read
         * request's steps would */
        if (rs.state === 'closed') {
            rs.disturbed = true;
            return (0, promiseResolve)({ value: void 0, done: true });
        }
        if (rs.state === 'readable' && (c = rs.controller).knownBytes !== null &&
            (result = byteStreams.readKnownBytesResult(c)) !== null) {
            rs.disturbed = true;
            return (0, promiseResolve)(result);
        }
        readRequest = new PromiseReadRequest();
        (0, readableStreamDefaultReaderRead)(reader, readRequest);
        return readRequest.promise;
    },
    releaseLock: function releaseLock() {
        var reader = (0, brand)(this, ReaderRecord, 'ReadableStreamDefaultReader');
        if (reader.stream !== void 0) {
            (0, readableStreamDefaultReaderRelease)(reader);
        }
    },
    cancel: (0, readerCancelMethod)(ReaderRecord)
});
(0, toStringTag)(ReadableStreamDefaultReader.prototype, 'ReadableStreamDefaultReader');

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
    if (!(0, readableStreamDefaultControllerCanCloseOrEnqueue)(c) || !c.started) {
        return false;
    }
    if ((0, isReadableStreamLocked)(rs) && (0, readableStreamGetNumReadRequests)(rs) > 0) {
        return true;
    }
    return (0, readableStreamDefaultControllerGetDesiredSize)(c) > 0;
}

function readableStreamDefaultControllerCallPullIfNeeded(c) {
    if ((0, readableStreamDefaultControllerShouldCallPull)(c)) {
        (0, readableStreamControllerCallPull)(c);
    }
}

/* The steps of CallPullIfNeeded after ShouldCallPull, the same for the
 * default and the byte controller: one pull at a time, and one more when
 * asked for while it runs. */
function readableStreamControllerCallPull(c) {
    if (c.pulling) {
        c.pullAgain = true;
        return;
    }
    c.pulling = true;
    (0, runAlgorithm)(c.pullAlgorithm, c, c.onPullFulfilled, c.onPullRejected);
}

function readableStreamDefaultControllerClearAlgorithms(c) {
    c.pullAlgorithm = void 0;
    c.cancelAlgorithm = void 0;
    c.strategySizeAlgorithm = void 0;
}

function readableStreamDefaultControllerClose(c) {
    if (!(0, readableStreamDefaultControllerCanCloseOrEnqueue)(c)) {
        return;
    }
    c.closeRequested = true;
    if (c.queue.size() === 0) {
        (0, readableStreamDefaultControllerClearAlgorithms)(c);
        (0, readableStreamClose)(c.stream);
    }
}

function readableStreamDefaultControllerEnqueue(c, chunk) {
    var rs = c.stream, size;
    if (!(0, readableStreamDefaultControllerCanCloseOrEnqueue)(c)) {
        return;
    }
    if ((0, isReadableStreamLocked)(rs) && (0, readableStreamGetNumReadRequests)(rs) > 0) {
        (0, readableStreamFulfillReadRequest)(rs, chunk, false);
    } else {
        try {
            size = c.strategySizeAlgorithm(chunk);
            (0, enqueueValueWithSize)(c, chunk, size);
        } catch (e) {
            (0, readableStreamDefaultControllerError)(c, e);
            throw e;
        }
    }
    (0, readableStreamDefaultControllerCallPullIfNeeded)(c);
}

function readableStreamDefaultControllerError(c, e) {
    if (c.stream.state !== 'readable') {
        return;
    }
    (0, resetQueue)(c);
    (0, readableStreamDefaultControllerClearAlgorithms)(c);
    (0, readableStreamError)(c.stream, e);
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
    (0, promiseResolve)(startResult).then(function () {
        c.started = true;
        callPullIfNeeded(c);
    }, function (r) {
        error(c, r);
    });
}

function setUpReadableStreamDefaultController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm) {
    c.stream = rs;
    (0, resetQueue)(c);
    c.started = c.closeRequested = c.pullAgain = c.pulling = false;
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = hwm;
    c.pullAlgorithm = pullAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    rs.controller = c;
    (0, installPullReactions)(c, readableStreamDefaultControllerCallPullIfNeeded, readableStreamDefaultControllerError);
    (0, startController)(c, startAlgorithm, readableStreamDefaultControllerCallPullIfNeeded, readableStreamDefaultControllerError);
}

/* The start/pull/cancel algorithms of a user-supplied underlying source. */
function sourceAlgorithms(source, dict, controllerObj, context) {
    var start = (0, optionalMethod)(dict, 'start', context);
    var pull = (0, optionalMethod)(dict, 'pull', context);
    var cancel = (0, optionalMethod)(dict, 'cancel', context);
    return {
        start: function () {
            return start === void 0 ? void 0 : start.call(source, controllerObj);
        },
        pull: function () {
            return pull === void 0 ? void 0 : pull.call(source, controllerObj);
        },
        cancel: function (reason) {
            return (0, promiseCall)(cancel, source, reason);
        }
    };
}

RCRecord.prototype.cancelSteps = function (reason) {
    var result;
    (0, resetQueue)(this);
    result = this.cancelAlgorithm(reason);
    (0, readableStreamDefaultControllerClearAlgorithms)(this);
    return result;
};

RCRecord.prototype.pullSteps = function (readRequest) {
    var rs = this.stream, chunk;
    if (this.queue.size() > 0) {
        chunk = (0, dequeueValue)(this);
        if (this.closeRequested && this.queue.size() === 0) {
            (0, readableStreamDefaultControllerClearAlgorithms)(this);
            (0, readableStreamClose)(rs);
        } else {
            (0, readableStreamDefaultControllerCallPullIfNeeded)(this);
        }
        readRequest.chunkSteps(chunk);
    } else {
        (0, readableStreamAddReadRequest)(rs, readRequest);
        (0, readableStreamDefaultControllerCallPullIfNeeded)(this);
    }
};

RCRecord.prototype.releaseSteps = noop;

function ReadableStreamDefaultController() {
    (0, illegalConstructor)();
}

function defaultControllerOf(self) {
    var c = (0, brand)(self, RCRecord, 'ReadableStreamDefaultController');
    if (c.bytes) {
        throw (0, typeError)('Illegal invocation: not a ReadableStreamDefaultController');
    }
    return c;
}

(0, getter)(ReadableStreamDefaultController.prototype, 'desiredSize', function () {
    return (0, readableStreamDefaultControllerGetDesiredSize)((0, defaultControllerOf)(this));
});

(0, methods)(ReadableStreamDefaultController.prototype, {
    close: function close() {
        var c = (0, defaultControllerOf)(this);
        if (!(0, readableStreamDefaultControllerCanCloseOrEnqueue)(c)) {
            throw (0, typeError)('The stream is not in a state that permits close');
        }
        (0, readableStreamDefaultControllerClose)(c);
    },
    enqueue: function enqueue(chunk) {
        var c = (0, defaultControllerOf)(this);
        if (!(0, readableStreamDefaultControllerCanCloseOrEnqueue)(c)) {
            throw (0, typeError)('The stream is not in a state that permits enqueue');
        }
        (0, readableStreamDefaultControllerEnqueue)(c, chunk);
    },
    error: function error(e) {
        (0, readableStreamDefaultControllerError)((0, defaultControllerOf)(this), e);
    }
});
(0, toStringTag)(ReadableStreamDefaultController.prototype, 'ReadableStreamDefaultController');

/* Readable byte streams (the byte controller, BYOB readers and requests,
 * the byte-stream tee) are js/25-byte-streams.js, which fills in
 * native.byteStreams through the internals this file shares as
 * native.streamInternals. It is loaded on first use (lib/runtime_lazy.c):
 * until then each of its functions here is a forwarder (native.forwarder)
 * that loads it and calls its own, which has taken the forwarder's place. */
var byteStreams = native.byteStreams = {};
var byteStreamsLoaders = {};
function loadedByteStreams(name) {
    native.loadLazy('ReadableByteStreamController');
    return byteStreams[name] !== byteStreamsLoaders[name] ? byteStreams[name] : void 0;
}
['acquireBYOBReader', 'closeReadIntoRequests', 'closeSource', 'collectAll', 'controllerOf',
    'errorReadIntoRequests', 'fromBytes', 'fromSource', 'queuedChunks', 'readKnownBytes',
    'readKnownBytesResult', 'setUpFromSource', 'takeKnownBytes', 'tee'].forEach(function (name) {
    byteStreams[name] = byteStreamsLoaders[name] = native.forwarder(name, 0, name, loadedByteStreams);
});

/* ---- ReadableStream ---- */

function ReadableStream(underlyingSource, strategy) {
    (0, requireNew)(this, ReadableStream, 'ReadableStream');
    var rs, source, dict, type, hwm, c, sizeAlgorithm, algorithms;
    strategy = (0, queuingStrategy)(strategy, "Failed to construct 'ReadableStream'");
    source = underlyingSource === void 0 ? null : underlyingSource;
    dict = (0, dictionary)(source, "Failed to construct 'ReadableStream'");
    type = dict.type;
    this[SLOT] = rs = (0, newRSRecord)(this);
    if (type !== void 0 && String(type) !== 'bytes') {
        throw (0, typeError)("Failed to construct 'ReadableStream': invalid type '" + String(type) + "'");
    }
    if (type !== void 0) {
        if (strategy.size !== void 0) {
            throw new RangeError('The strategy for a byte stream cannot have a size function');
        }
        byteStreams.setUpFromSource(rs, source, dict, (0, extractHighWaterMark)(strategy, 0));
        return;
    }
    sizeAlgorithm = (0, extractSizeAlgorithm)(strategy);
    hwm = (0, extractHighWaterMark)(strategy, 1);
    c = new RCRecord(Object.create(ReadableStreamDefaultController.prototype), false);
    c.obj[SLOT] = c;
    algorithms = (0, sourceAlgorithms)(source, dict, c.obj, 'ReadableStream');
    (0, setUpReadableStreamDefaultController)(rs, c, algorithms.start, algorithms.pull, algorithms.cancel, hwm, sizeAlgorithm);
}

function streamOf(self) {
    return (0, brand)(self, RSRecord, 'ReadableStream');
}

(0, getter)(ReadableStream.prototype, 'locked', function () {
    return (0, isReadableStreamLocked)((0, streamOf)(this));
});

(0, methods)(ReadableStream.prototype, {
    cancel: function cancel(reason) {
        var rs = (0, recordOf)(this, RSRecord);
        if (rs === void 0) {
            return (0, promiseReject)((0, typeError)('Illegal invocation'));
        }
        if ((0, isReadableStreamLocked)(rs)) {
            return (0, promiseReject)((0, typeError)('Cannot cancel a locked ReadableStream'));
        }
        return (0, readableStreamCancel)(rs, reason);
    },
    getReader: function getReader(options) {
        var rs = (0, streamOf)(this), mode;
        if (options === void 0) {
            return (0, acquireReadableStreamDefaultReader)(rs).obj;
        }
        options = (0, dictionary)(options, "Failed to execute 'getReader'");
        mode = options.mode;
        if (mode === void 0) {
            return (0, acquireReadableStreamDefaultReader)(rs).obj;
        }
        if (String(mode) !== 'byob') {
            throw (0, typeError)("Failed to execute 'getReader': invalid mode '" + String(mode) + "'");
        }
        return byteStreams.acquireBYOBReader(rs).obj;
    },
    pipeThrough: function pipeThrough(transform, options) {
        var rs = (0, streamOf)(this), writable, readable, pipe;
        if (!(0, isObject)(transform)) {
            throw (0, typeError)("Failed to execute 'pipeThrough': transform is not an object");
        }
        readable = (0, recordOf)(transform.readable, RSRecord);
        if (readable === void 0) {
            throw (0, typeError)("Failed to execute 'pipeThrough': transform.readable is not a ReadableStream");
        }
        writable = (0, writableRecordOf)(transform.writable);
        if (writable === void 0) {
            throw (0, typeError)("Failed to execute 'pipeThrough': transform.writable is not a WritableStream");
        }
        options = S.pipeOptions(options);
        if ((0, isReadableStreamLocked)(rs)) {
            throw (0, typeError)('Cannot pipe a locked ReadableStream');
        }
        if (S.isWritableStreamLocked(writable)) {
            throw (0, typeError)('Cannot pipe to a locked WritableStream');
        }
        pipe = S.readableStreamPipeTo(rs, writable, options);
        (0, markHandled)(pipe);
        return readable.obj;
    },
    pipeTo: function pipeTo(destination, options) {
        var rs = (0, recordOf)(this, RSRecord), ws = (0, writableRecordOf)(destination);
        if (rs === void 0) {
            return (0, promiseReject)((0, typeError)('Illegal invocation'));
        }
        if (ws === void 0) {
            return (0, promiseReject)((0, typeError)(
                "Failed to execute 'pipeTo': destination is not a WritableStream"));
        }
        try {
            options = S.pipeOptions(options);
        } catch (e) {
            return (0, promiseReject)(e);
        }
        if ((0, isReadableStreamLocked)(rs)) {
            return (0, promiseReject)((0, typeError)('Cannot pipe a locked ReadableStream'));
        }
        if (S.isWritableStreamLocked(ws)) {
            return (0, promiseReject)((0, typeError)('Cannot pipe to a locked WritableStream'));
        }
        return S.readableStreamPipeTo(rs, ws, options);
    },
    tee: function tee() {
        var rs = (0, streamOf)(this);
        var branches = rs.controller.bytes ? byteStreams.tee(rs) : (0, readableStreamDefaultTee)(rs, false);
        return [branches[0].obj, branches[1].obj];
    },
    values: function values(options) {
        var rs = (0, streamOf)(this);
        options = (0, dictionary)(options, "Failed to execute 'values'");
        return (0, pipeIterate)().createAsyncIterator(rs, !!options.preventCancel);
    }
});
Object.defineProperty(ReadableStream, 'from', {
    value: native.forwarder('from', 1, 'readableStreamFrom', function (key) {
        return (0, pipeIterate)()[key];
    }),
    writable: true, enumerable: true, configurable: true
});
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
    value: ReadableStream.prototype.values, writable: true, configurable: true
});
(0, toStringTag)(ReadableStream.prototype, 'ReadableStream');

/* ---- tee ---- */

/* What both tees (this one and ReadableByteStreamTee) keep about canceling:
 * which branches are canceled and why, and the promise either branch's
 * cancel returns. Once both are canceled, the source is canceled with both
 * reasons; the tee resolves the promise itself when the source closes or
 * errors first. */
function TeeState(rs) {
    var self = this;
    this.canceled1 = false;
    this.canceled2 = false;
    this.reason1 = void 0;
    this.reason2 = void 0;
    this.cancelPromise = new Deferred();
    this.cancel1Algorithm = function (reason) {
        self.canceled1 = true;
        self.reason1 = reason;
        return self.cancelIfBoth(rs);
    };
    this.cancel2Algorithm = function (reason) {
        self.canceled2 = true;
        self.reason2 = reason;
        return self.cancelIfBoth(rs);
    };
}

TeeState.prototype.cancelIfBoth = function (rs) {
    if (this.canceled1 && this.canceled2) {
        (0, resolveDeferred)(this.cancelPromise, (0, readableStreamCancel)(rs, [this.reason1, this.reason2]));
    }
    return this.cancelPromise.promise;
};

/* ReadableStreamDefaultTee. With cloneForBranch2 (the Fetch standard's
 * clone of a body) the second branch gets a structured clone of each chunk,
 * so that changing one branch's chunk does not change the other's. */
function readableStreamDefaultTee(rs, cloneForBranch2) {
    var reader = (0, acquireReadableStreamDefaultReader)(rs);
    var reading = false, readAgain = false;
    var tee = new TeeState(rs), branch1, branch2;

    function chunkInMicrotask(chunk) {
        var chunk2 = chunk;
        readAgain = false;
        if (cloneForBranch2) {
            try {
                chunk2 = native.structuredClone(chunk);
            } catch (e) {
                (0, readableStreamDefaultControllerError)(branch1.controller, e);
                (0, readableStreamDefaultControllerError)(branch2.controller, e);
                (0, resolveDeferred)(tee.cancelPromise, (0, readableStreamCancel)(rs, e));
                return;
            }
        }
        if (!tee.canceled1) {
            (0, readableStreamDefaultControllerEnqueue)(branch1.controller, chunk);
        }
        if (!tee.canceled2) {
            (0, readableStreamDefaultControllerEnqueue)(branch2.controller, chunk2);
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
            if (!tee.canceled1) {
                (0, readableStreamDefaultControllerClose)(branch1.controller);
            }
            if (!tee.canceled2) {
                (0, readableStreamDefaultControllerClose)(branch2.controller);
            }
            if (!tee.canceled1 || !tee.canceled2) {
                (0, resolveDeferred)(tee.cancelPromise, void 0);
            }
        },
        errorSteps: function () {
            reading = false;
        }
    };

    function pullAlgorithm() {
        if (reading) {
            readAgain = true;
            return void 0;
        }
        reading = true;
        (0, readableStreamDefaultReaderRead)(reader, readRequest);
        return void 0;
    }

    branch1 = (0, createReadableStream)(noop, pullAlgorithm, tee.cancel1Algorithm);
    branch2 = (0, createReadableStream)(noop, pullAlgorithm, tee.cancel2Algorithm);
    (0, readerClosed)(reader).promise.then(noop, function (r) {
        (0, readableStreamDefaultControllerError)(branch1.controller, r);
        (0, readableStreamDefaultControllerError)(branch2.controller, r);
        if (!tee.canceled1 || !tee.canceled2) {
            (0, resolveDeferred)(tee.cancelPromise, void 0);
        }
    });
    return [branch1, branch2];
}

/* ---- publish ---- */

native.defineGlobal('ReadableStream', ReadableStream);
native.defineGlobal('ReadableStreamDefaultReader', ReadableStreamDefaultReader);
native.defineGlobal('ReadableStreamDefaultController', ReadableStreamDefaultController);

native.isReadableStream = function (x) {
    return (0, recordOf)(x, RSRecord) !== void 0;
};

native.isWritableStream = function (x) {
    return (0, writableRecordOf)(x) !== void 0;
};

native.readableStreamFromSource = function (source, strategy) {
    return new ReadableStream(source, strategy);
};

/* (a lazy record answers without its stream's record being made) */
var slotOf = S.slotOf, LazyBytesRecord = S.LazyBytesRecord;

native.readableStreamIsDisturbed = function (stream) {
    var r = (0, slotOf)(stream);
    return (0, instanceOf)(r, RSRecord) ? r.disturbed :
        (0, instanceOf)(r, LazyBytesRecord) ? r.taken === 2 : (0, streamOf)(stream).disturbed;
};

/* For Body's extractBody: 1 for a ReadableStream neither locked nor
 * disturbed, 0 for one that is, -1 for anything else (one call instead of
 * an instanceof, the locked getter and readableStreamIsDisturbed). */
native.readableStreamUsability = function (x) {
    var r = (0, slotOf)(x);
    if ((0, instanceOf)(r, RSRecord)) {
        return r.reader !== void 0 || r.disturbed ? 0 : 1;
    }
    return (0, instanceOf)(r, LazyBytesRecord) ? (r.taken === 0 ? 1 : 0) : -1;
};

native.readableStreamIsLocked = function (stream) {
    var r = (0, slotOf)(stream);
    return (0, instanceOf)(r, RSRecord) ? r.reader !== void 0 :
        (0, instanceOf)(r, LazyBytesRecord) ? r.taken !== 0 : (0, isReadableStreamLocked)((0, streamOf)(stream));
};

native.readableStreamCancel = function (stream, reason) {
    return (0, readableStreamCancel)((0, streamOf)(stream), reason);
};

/* Tee for Request/Response clone(): independent chunks in the branches. */
native.readableStreamTeeForClone = function (stream) {
    var rs = (0, streamOf)(stream);
    var branches = rs.controller.bytes ? byteStreams.tee(rs) : (0, readableStreamDefaultTee)(rs, true);
    return [branches[0].obj, branches[1].obj];
};

/* ---- shared with the stream files after this one ---- */

S.RSRecord = RSRecord;
S.isReadableStreamLocked = isReadableStreamLocked;
S.newReadableStreamObject = newReadableStreamObject;
S.createReadableStream = createReadableStream;
S.readableStreamAddReadRequest = readableStreamAddReadRequest;
S.readableStreamGetNumReadRequests = readableStreamGetNumReadRequests;
S.readableStreamHasDefaultReader = readableStreamHasDefaultReader;
S.readableStreamFulfillReadRequest = readableStreamFulfillReadRequest;
S.readableStreamCancel = readableStreamCancel;
S.readableStreamClose = readableStreamClose;
S.readableStreamError = readableStreamError;
S.readableStreamReaderGenericInitialize = readableStreamReaderGenericInitialize;
S.readableStreamReaderGenericCancel = readableStreamReaderGenericCancel;
S.readableStreamReaderGenericRelease = readableStreamReaderGenericRelease;
S.acquireReadableStreamDefaultReader = acquireReadableStreamDefaultReader;
S.readableStreamDefaultReaderRead = readableStreamDefaultReaderRead;
S.readableStreamDefaultReaderRelease = readableStreamDefaultReaderRelease;
S.readableStreamDefaultControllerCanCloseOrEnqueue = readableStreamDefaultControllerCanCloseOrEnqueue;
S.readableStreamDefaultControllerGetDesiredSize = readableStreamDefaultControllerGetDesiredSize;
S.readableStreamControllerCallPull = readableStreamControllerCallPull;
S.readerClosedGetter = readerClosedGetter;
S.readerClosed = readerClosed;
S.readerCancelMethod = readerCancelMethod;
S.TeeState = TeeState;
S.readableStreamDefaultControllerShouldCallPull = readableStreamDefaultControllerShouldCallPull;
S.readableStreamDefaultControllerClose = readableStreamDefaultControllerClose;
S.readableStreamDefaultControllerEnqueue = readableStreamDefaultControllerEnqueue;
S.readableStreamDefaultControllerError = readableStreamDefaultControllerError;
S.installPullReactions = installPullReactions;
S.startController = startController;
S.sourceAlgorithms = sourceAlgorithms;
S.ReadableStream = ReadableStream;
