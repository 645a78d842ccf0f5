// SPDX-License-Identifier: MIT
/*
 * Readable byte streams of the WHATWG Streams Standard: the
 * ReadableByteStreamController (enqueue, close, error, desiredSize,
 * byobRequest, autoAllocateChunkSize), ReadableStreamBYOBReader
 * (read(view, { min }), releaseLock, cancel), ReadableStreamBYOBRequest
 * (view, respond, respondWithNewView) and ReadableByteStreamTee.
 *
 * The abstract operations follow the spec step by step under their own
 * names. They build on js/22-streams-readable.js through native.streamInternals and
 * fill in native.byteStreams, which that file calls for `type: 'bytes'`,
 * getReader({ mode: 'byob' }) and tee(). A BYOB reader's record has
 * `byob: true` and its read-into requests in `readIntoRequests`. Bodies'
 * streams over bytes known in advance are byteStreams.fromBytes (their
 * bytes wait in the controller's knownBytes until read), with
 * byteStreams.readKnownBytes for a default reader's first read and
 * byteStreams.takeKnownBytes for Body's shortcuts.
 *
 * Duktape cannot detach an ArrayBuffer, so the spec's TransferArrayBuffer
 * keeps the buffer: a view given to read(view) or enqueue() shares its
 * buffer with the view the reader receives, instead of being detached.
 */
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */
var S = native.streamInternals;
var SLOT = S.SLOT;
var typeError = S.typeError;
var MAX_SAFE = 9007199254740991;

/* WebIDL [EnforceRange] unsigned long long. */
function enforceRange(value, what) {
    var x = Number(value);
    if (x !== x || x === Infinity || x === -Infinity) {
        throw (0, typeError)(what + ' is not a finite number');
    }
    x = x < 0 ? Math.ceil(x) : Math.floor(x);
    if (x < 0 || x > MAX_SAFE) {
        throw (0, typeError)(what + ' is outside the range of unsigned long long');
    }
    return x + 0;
}

function isView(x) {
    return ArrayBuffer.isView(x);
}

function elementSizeOf(view) {
    return (0, instanceOf)(view, DataView) ? 1 : (view.BYTES_PER_ELEMENT || 1);
}

function viewConstructorOf(view) {
    return (0, instanceOf)(view, DataView) ? DataView : view.constructor;
}

/* TransferArrayBuffer: the same buffer (see the top of the file). */
function transferArrayBuffer(buffer) {
    return buffer;
}

function copyBytes(dest, destOffset, src, srcOffset, n) {
    new Uint8Array(dest, destOffset, n).set(new Uint8Array(src, srcOffset, n));
}

/* ==== controller ==== */

/* The record of a ReadableByteStreamController, made by
 * newByteControllerRecord with its fields in one go (native.recordMaker:
 * the property table at its size at once, not grown field by field);
 * ByteControllerRecord itself is its kind (prototype, brand check). */
function ByteControllerRecord() {
}

var makeByteControllerRecord = native.recordMaker(ByteControllerRecord.prototype, [
    'obj', 'bytes', 'stream', 'autoAllocateChunkSize', 'byobRequest', 'cancelAlgorithm', 'pullAlgorithm',
    'closeRequested', 'pullAgain', 'pulling', 'started', 'pendingPullIntos', 'queue', 'queueTotalSize',
    'strategyHWM', 'onPullFulfilled', 'onPullRejected', 'knownBytes', 'source', 'sourcePull', 'sourceCancel', 'sourceCollect'
]);

function newByteControllerRecord(obj) {
    return (0, makeByteControllerRecord)(obj, true, void 0, void 0, null, void 0, void 0,
        false, false, false, false, [], new S.Fifo(), 0,
        0, void 0, void 0, null, void 0, null, null, null);
}

function PullIntoDescriptor(buffer, byteOffset, byteLength, minimumFill, elementSize, viewConstructor, readerType) {
    this.buffer = buffer;
    this.bufferByteLength = buffer.byteLength;
    this.byteOffset = byteOffset;
    this.byteLength = byteLength;
    this.bytesFilled = 0;
    this.minimumFill = minimumFill;
    this.elementSize = elementSize;
    this.viewConstructor = viewConstructor;
    this.readerType = readerType;
}

function resetQueue(c) {
    c.queue = new S.Fifo();
    c.queueTotalSize = 0;
}

/* ReadableByteStreamControllerGetDesiredSize: the default controller's steps. */
var getDesiredSize = S.readableStreamDefaultControllerGetDesiredSize;

function hasBYOBReader(rs) {
    return rs.reader !== void 0 && rs.reader.byob === true;
}

function getNumReadIntoRequests(rs) {
    return rs.reader.readIntoRequests.size();
}

function shouldCallPull(c) {
    var rs = c.stream;
    if (rs.state !== 'readable' || c.closeRequested || !c.started) {
        return false;
    }
    if (S.readableStreamHasDefaultReader(rs) && S.readableStreamGetNumReadRequests(rs) > 0) {
        return true;
    }
    if ((0, hasBYOBReader)(rs) && (0, getNumReadIntoRequests)(rs) > 0) {
        return true;
    }
    return (0, getDesiredSize)(c) > 0;
}

function callPullIfNeeded(c) {
    if ((0, shouldCallPull)(c)) {
        S.readableStreamControllerCallPull(c);
    }
}

function clearAlgorithms(c) {
    c.pullAlgorithm = void 0;
    c.cancelAlgorithm = void 0;
}

function invalidateBYOBRequest(c) {
    if (c.byobRequest === null) {
        return;
    }
    c.byobRequest.controller = void 0;
    c.byobRequest.view = null;
    c.byobRequest = null;
}

function clearPendingPullIntos(c) {
    (0, invalidateBYOBRequest)(c);
    c.pendingPullIntos = [];
}

function controllerError(c, e) {
    var rs = c.stream;
    if (rs.state !== 'readable') {
        return;
    }
    (0, clearPendingPullIntos)(c);
    (0, resetQueue)(c);
    (0, clearAlgorithms)(c);
    S.readableStreamError(rs, e);
}

function controllerClose(c) {
    var rs = c.stream, first, e;
    if (c.closeRequested || rs.state !== 'readable') {
        return;
    }
    if (c.queueTotalSize > 0) {
        c.closeRequested = true;
        return;
    }
    if (c.pendingPullIntos.length > 0) {
        first = c.pendingPullIntos[0];
        if (first.bytesFilled % first.elementSize !== 0) {
            e = (0, typeError)('Insufficient bytes to fill elements in the given buffer');
            (0, controllerError)(c, e);
            throw e;
        }
    }
    (0, clearAlgorithms)(c);
    S.readableStreamClose(rs);
}

function handleQueueDrain(c) {
    if (c.queueTotalSize === 0 && c.closeRequested) {
        (0, clearAlgorithms)(c);
        S.readableStreamClose(c.stream);
    } else {
        (0, callPullIfNeeded)(c);
    }
}

function enqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
    c.queue.push({ buffer: buffer, byteOffset: byteOffset, byteLength: byteLength });
    c.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
    var clone = new ArrayBuffer(byteLength);
    (0, copyBytes)(clone, 0, buffer, byteOffset, byteLength);
    (0, enqueueChunkToQueue)(c, clone, 0, byteLength);
}

function shiftPendingPullInto(c) {
    return c.pendingPullIntos.shift();
}

function enqueueDetachedPullIntoToQueue(c, pd) {
    if (pd.bytesFilled > 0) {
        (0, enqueueClonedChunkToQueue)(c, pd.buffer, pd.byteOffset, pd.bytesFilled);
    }
    (0, shiftPendingPullInto)(c);
}

function fillReadRequestFromQueue(c, readRequest) {
    var entry = c.queue.shift();
    c.queueTotalSize -= entry.byteLength;
    (0, handleQueueDrain)(c);
    readRequest.chunkSteps(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function processReadRequestsUsingQueue(c) {
    var reader = c.stream.reader;
    while (reader.readRequests.size() > 0) {
        if (c.queueTotalSize === 0) {
            return;
        }
        (0, fillReadRequestFromQueue)(c, reader.readRequests.shift());
    }
}

function fillHeadPullIntoDescriptor(c, size, pd) {
    pd.bytesFilled += size;
}

function fillPullIntoDescriptorFromQueue(c, pd) {
    var maxBytesToCopy = Math.min(c.queueTotalSize, pd.byteLength - pd.bytesFilled);
    var maxBytesFilled = pd.bytesFilled + maxBytesToCopy;
    var totalBytesToCopyRemaining = maxBytesToCopy, ready = false;
    var remainderBytes = maxBytesFilled % pd.elementSize;
    var maxAlignedBytes = maxBytesFilled - remainderBytes;
    var head, bytesToCopy;
    if (maxAlignedBytes >= pd.minimumFill) {
        totalBytesToCopyRemaining = maxAlignedBytes - pd.bytesFilled;
        ready = true;
    }
    while (totalBytesToCopyRemaining > 0) {
        head = c.queue.peek();
        bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
        (0, copyBytes)(pd.buffer, pd.byteOffset + pd.bytesFilled, head.buffer, head.byteOffset, bytesToCopy);
        if (head.byteLength === bytesToCopy) {
            c.queue.shift();
        } else {
            head.byteOffset += bytesToCopy;
            head.byteLength -= bytesToCopy;
        }
        c.queueTotalSize -= bytesToCopy;
        (0, fillHeadPullIntoDescriptor)(c, bytesToCopy, pd);
        totalBytesToCopyRemaining -= bytesToCopy;
    }
    return ready;
}

function processPullIntoDescriptorsUsingQueue(c) {
    var filled = [], pd;
    while (c.pendingPullIntos.length > 0) {
        if (c.queueTotalSize === 0) {
            break;
        }
        pd = c.pendingPullIntos[0];
        if ((0, fillPullIntoDescriptorFromQueue)(c, pd)) {
            (0, shiftPendingPullInto)(c);
            filled.push(pd);
        }
    }
    return filled;
}

function convertPullIntoDescriptor(pd) {
    var buffer = (0, transferArrayBuffer)(pd.buffer);
    return new pd.viewConstructor(buffer, pd.byteOffset, pd.bytesFilled / pd.elementSize);
}

function fulfillReadIntoRequest(rs, chunk, done) {
    var request = rs.reader.readIntoRequests.shift();
    if (done) {
        request.closeSteps(chunk);
    } else {
        request.chunkSteps(chunk);
    }
}

function commitPullIntoDescriptor(rs, pd) {
    var done = rs.state === 'closed';
    var filledView = (0, convertPullIntoDescriptor)(pd);
    if (pd.readerType === 'default') {
        S.readableStreamFulfillReadRequest(rs, filledView, done);
    } else {
        (0, fulfillReadIntoRequest)(rs, filledView, done);
    }
}

function commitAll(rs, list) {
    for (var i = 0; i < list.length; i++) {
        (0, commitPullIntoDescriptor)(rs, list[i]);
    }
}

function controllerEnqueue(c, chunk) {
    var rs = c.stream, buffer, byteOffset, byteLength, first;
    if (c.closeRequested || rs.state !== 'readable') {
        return;
    }
    buffer = (0, transferArrayBuffer)(chunk.buffer);
    byteOffset = chunk.byteOffset;
    byteLength = chunk.byteLength;
    if (c.pendingPullIntos.length > 0) {
        first = c.pendingPullIntos[0];
        (0, invalidateBYOBRequest)(c);
        first.buffer = (0, transferArrayBuffer)(first.buffer);
        if (first.readerType === 'none') {
            (0, enqueueDetachedPullIntoToQueue)(c, first);
        }
    }
    if (S.readableStreamHasDefaultReader(rs)) {
        (0, processReadRequestsUsingQueue)(c);
        if (S.readableStreamGetNumReadRequests(rs) === 0) {
            (0, enqueueChunkToQueue)(c, buffer, byteOffset, byteLength);
        } else {
            if (c.pendingPullIntos.length > 0) {
                (0, shiftPendingPullInto)(c);
            }
            S.readableStreamFulfillReadRequest(rs, new Uint8Array(buffer, byteOffset, byteLength), false);
        }
    } else if ((0, hasBYOBReader)(rs)) {
        (0, enqueueChunkToQueue)(c, buffer, byteOffset, byteLength);
        (0, commitAll)(rs, (0, processPullIntoDescriptorsUsingQueue)(c));
    } else {
        (0, enqueueChunkToQueue)(c, buffer, byteOffset, byteLength);
    }
    (0, callPullIfNeeded)(c);
}

function getBYOBRequest(c) {
    var first, request;
    if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
        first = c.pendingPullIntos[0];
        request = Object.create(ReadableStreamBYOBRequest.prototype);
        request[SLOT] = new BYOBRequestRecord(request, c,
            new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled));
        c.byobRequest = request[SLOT];
    }
    return c.byobRequest === null ? null : c.byobRequest.obj;
}

function pullInto(c, view, min, readIntoRequest) {
    var rs = c.stream, elementSize = (0, elementSizeOf)(view), ctor = (0, viewConstructorOf)(view);
    var pd = new PullIntoDescriptor((0, transferArrayBuffer)(view.buffer), view.byteOffset, view.byteLength,
        min * elementSize, elementSize, ctor, 'byob');
    var e;
    if (c.pendingPullIntos.length > 0) {
        c.pendingPullIntos.push(pd);
        rs.reader.readIntoRequests.push(readIntoRequest);
        return;
    }
    if (rs.state === 'closed') {
        readIntoRequest.closeSteps(new ctor(pd.buffer, pd.byteOffset, 0));
        return;
    }
    if (c.queueTotalSize > 0) {
        if ((0, fillPullIntoDescriptorFromQueue)(c, pd)) {
            var filledView = (0, convertPullIntoDescriptor)(pd);
            (0, handleQueueDrain)(c);
            readIntoRequest.chunkSteps(filledView);
            return;
        }
        if (c.closeRequested) {
            e = (0, typeError)('Insufficient bytes to fill elements in the given buffer');
            (0, controllerError)(c, e);
            readIntoRequest.errorSteps(e);
            return;
        }
    }
    c.pendingPullIntos.push(pd);
    rs.reader.readIntoRequests.push(readIntoRequest);
    (0, callPullIfNeeded)(c);
}

function respondInClosedState(c, first) {
    var rs = c.stream, filled = [];
    if (first.readerType === 'none') {
        (0, shiftPendingPullInto)(c);
    }
    if ((0, hasBYOBReader)(rs)) {
        while (filled.length < (0, getNumReadIntoRequests)(rs)) {
            filled.push((0, shiftPendingPullInto)(c));
        }
        (0, commitAll)(rs, filled);
    }
}

function respondInReadableState(c, bytesWritten, pd) {
    var remainderSize, filled;
    (0, fillHeadPullIntoDescriptor)(c, bytesWritten, pd);
    if (pd.readerType === 'none') {
        (0, enqueueDetachedPullIntoToQueue)(c, pd);
        (0, commitAll)(c.stream, (0, processPullIntoDescriptorsUsingQueue)(c));
        return;
    }
    if (pd.bytesFilled < pd.minimumFill) {
        return;
    }
    (0, shiftPendingPullInto)(c);
    remainderSize = pd.bytesFilled % pd.elementSize;
    if (remainderSize > 0) {
        (0, enqueueClonedChunkToQueue)(c, pd.buffer, pd.byteOffset + pd.bytesFilled - remainderSize, remainderSize);
    }
    pd.bytesFilled -= remainderSize;
    filled = (0, processPullIntoDescriptorsUsingQueue)(c);
    (0, commitPullIntoDescriptor)(c.stream, pd);
    (0, commitAll)(c.stream, filled);
}

function respondInternal(c, bytesWritten) {
    var first = c.pendingPullIntos[0];
    (0, invalidateBYOBRequest)(c);
    if (c.stream.state === 'closed') {
        (0, respondInClosedState)(c, first);
    } else {
        (0, respondInReadableState)(c, bytesWritten, first);
    }
    (0, callPullIfNeeded)(c);
}

function controllerRespond(c, bytesWritten) {
    var first = c.pendingPullIntos[0];
    if (c.stream.state === 'closed') {
        if (bytesWritten !== 0) {
            throw (0, typeError)('bytesWritten must be 0 when calling respond() on a closed stream');
        }
    } else {
        if (bytesWritten === 0) {
            throw (0, typeError)('bytesWritten must be greater than 0 when calling respond() on a readable stream');
        }
        if (first.bytesFilled + bytesWritten > first.byteLength) {
            throw new RangeError('bytesWritten out of range');
        }
    }
    first.buffer = (0, transferArrayBuffer)(first.buffer);
    (0, respondInternal)(c, bytesWritten);
}

function controllerRespondWithNewView(c, view) {
    var first = c.pendingPullIntos[0], byteLength = view.byteLength;
    if (c.stream.state === 'closed') {
        if (byteLength !== 0) {
            throw (0, typeError)("The view's length must be 0 when calling respondWithNewView() on a closed stream");
        }
    } else if (byteLength === 0) {
        throw (0, typeError)("The view's length must be greater than 0 when calling respondWithNewView() on a readable stream");
    }
    if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
        throw new RangeError('The region specified by view does not match byobRequest');
    }
    if (first.bufferByteLength !== view.buffer.byteLength) {
        throw new RangeError('The buffer of view has different capacity than byobRequest');
    }
    if (first.bytesFilled + byteLength > first.byteLength) {
        throw new RangeError('The region specified by view is larger than byobRequest');
    }
    first.buffer = (0, transferArrayBuffer)(view.buffer);
    (0, respondInternal)(c, byteLength);
}

ByteControllerRecord.prototype.cancelSteps = function (reason) {
    var result;
    (0, clearPendingPullIntos)(this);
    (0, resetQueue)(this);
    result = this.cancelAlgorithm(reason);
    (0, clearAlgorithms)(this);
    return result;
};

ByteControllerRecord.prototype.pullSteps = function (readRequest) {
    var rs = this.stream, buffer, size = this.autoAllocateChunkSize;
    if (this.queueTotalSize > 0) {
        (0, fillReadRequestFromQueue)(this, readRequest);
        return;
    }
    if (size !== void 0) {
        try {
            buffer = new ArrayBuffer(size);
        } catch (e) {
            readRequest.errorSteps(e);
            return;
        }
        this.pendingPullIntos.push(new PullIntoDescriptor(buffer, 0, size, 1, 1, Uint8Array, 'default'));
    }
    S.readableStreamAddReadRequest(rs, readRequest);
    (0, callPullIfNeeded)(this);
};

ByteControllerRecord.prototype.releaseSteps = function () {
    var first;
    if (this.pendingPullIntos.length > 0) {
        first = this.pendingPullIntos[0];
        first.readerType = 'none';
        this.pendingPullIntos = [first];
    }
};

function setUpController(rs, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, autoAllocateChunkSize) {
    c.stream = rs;
    c.pullAgain = c.pulling = false;
    c.byobRequest = null;
    (0, resetQueue)(c);
    c.closeRequested = c.started = false;
    c.strategyHWM = hwm;
    c.pullAlgorithm = pullAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    c.autoAllocateChunkSize = autoAllocateChunkSize;
    c.pendingPullIntos = [];
    rs.controller = c;
    S.installPullReactions(c, callPullIfNeeded, controllerError);
    S.startController(c, startAlgorithm, callPullIfNeeded, controllerError);
}

function newController() {
    var c = (0, newByteControllerRecord)(Object.create(ReadableByteStreamController.prototype));
    c.obj[SLOT] = c;
    return c;
}

/* For fetch() bodies, whose backpressure counts chunks: the chunks queued
 * in a byte stream controller (0 once it is closed or errored). */
native.byteStreams.queuedChunks = function (controllerObj) {
    var c = S.recordOf(controllerObj, ByteControllerRecord);
    return c === void 0 || c.stream.state !== 'readable' ? 0 : c.queue.size();
};

/* What a byte source does at its end: close(), then answer a BYOB read
 * still waiting with respond(0), which settles it as done. */
native.byteStreams.closeSource = function (controllerObj) {
    var request;
    controllerObj.close();
    request = controllerObj.byobRequest;
    if (request !== null) {
        request.respond(0);
    }
};

native.byteStreams.setUpFromSource = function (rs, source, dict, hwm) {
    var c = (0, newController)(), algorithms, autoAllocateChunkSize = dict.autoAllocateChunkSize;
    if (autoAllocateChunkSize !== void 0) {
        autoAllocateChunkSize = (0, enforceRange)(autoAllocateChunkSize, 'autoAllocateChunkSize');
        if (autoAllocateChunkSize === 0) {
            throw (0, typeError)('autoAllocateChunkSize must be greater than 0');
        }
    }
    algorithms = S.sourceAlgorithms(source, dict, c.obj, 'ReadableStream');
    (0, setUpController)(rs, c, algorithms.start, algorithms.pull, algorithms.cancel, hwm, autoAllocateChunkSize);
};

/* A byte stream over bytes known when it is made (a body made from a
 * string or bytes, Blob.stream()): the controller keeps them, shared and
 * never written, in knownBytes until they are wanted. The first read, the
 * first pull (a BYOB read, a tee, a pipe) enqueues a copy and closes, as a
 * source that had enqueued them at start would (the Fetch standard
 * enqueues a body's bytes "in parallel"), without a pull's promises and
 * reactions; cancel() drops them. */
function enqueueKnownBytes(c) {
    var bytes = c.knownBytes, request;
    c.knownBytes = null;
    if (bytes.length > 0) {
        (0, controllerEnqueue)(c, new Uint8Array(bytes));
    }
    (0, controllerClose)(c);
    request = (0, getBYOBRequest)(c);
    if (request !== null) {
        request.respond(0);
    }
}

/* Its controller starts at once (there is nothing to wait for). Its pull
 * (called with the controller record), called at most once (it closes the
 * stream), runs synchronously and cannot fail but by erroring the stream
 * itself (a BYOB view the bytes do not fill), so the pull reactions do
 * nothing; its cancel (a method of the record) drops the bytes: no
 * closures per stream. */
function pullKnownBytes(c) {
    if (c.knownBytes !== null) {
        (0, enqueueKnownBytes)(c);
    }
}

function cancelKnownBytes() {
    this.knownBytes = null;
    return S.promiseResolve(void 0);
}

function noPullReaction() {
}

/* The controller of a new stream over a source of the runtime's own
 * (fromBytes, fromSource): started at once, with pull and cancel that
 * need no promise reactions. */
function newRuntimeSourceController(pull, cancel, streamObj) {
    /* newController's record, made with these fields at once (a body's
     * .body makes one per response: every call and write counts) */
    var rs = S.newReadableStreamObject(streamObj), obj = Object.create(ReadableByteStreamController.prototype);
    var c = (0, makeByteControllerRecord)(obj, true, rs, void 0, null, cancel, pull,
        false, false, false, true, [], new S.Fifo(), 0,
        0, noPullReaction, noPullReaction, null, void 0, null, null, null);
    obj[SLOT] = c;
    rs.controller = c;
    return c;
}

/* The stream object alone, its SLOT a lazy record (js/20-streams-queue.js)
 * until something looks into it: then materializeLazy makes what this
 * made at once before, in the state takeKnownBytes left it in. */
var LazyBytesRecord = S.LazyBytesRecord;

native.byteStreams.fromBytes = function (bytes) {
    var obj = Object.create(S.ReadableStream.prototype);
    obj[SLOT] = new LazyBytesRecord(obj, bytes);
    return obj;
};

S.materializeLazy = function (lazy) {
    var c = (0, newRuntimeSourceController)(pullKnownBytes, cancelKnownBytes, lazy.obj), rs = c.stream;
    c.knownBytes = lazy.bytes;
    lazy.bytes = null;
    if (lazy.taken !== 0) {
        /* takeKnownBytes's steps, as it would have taken them */
        c.knownBytes = null;
        S.acquireReadableStreamDefaultReader(rs);
        if (lazy.taken === 2) {
            rs.disturbed = true;
            (0, controllerClose)(c);
        }
    }
    return rs;
};

/* The first steps of readKnownBytes when no BYOB read left a pull-into
 * behind: the stream closes, and the read's result is a copy of the
 * bytes, or done for none ({ value, done }, for reader.read() to resolve
 * its promise with, without a read request); else null, nothing done. */
var readKnownBytesResult = native.byteStreams.readKnownBytesResult = function (c) {
    var bytes = c.knownBytes;
    if (c.pendingPullIntos.length !== 0) {
        return null;
    }
    c.knownBytes = null;
    (0, clearAlgorithms)(c);
    S.readableStreamClose(c.stream);
    return bytes.length > 0 ? { value: new Uint8Array(bytes), done: false } : { value: void 0, done: true };
};

/* A default reader's read of a stream still holding its known bytes:
 * what enqueueing them, closing and the controller's pull steps would do
 * (the stream closes, then the read gets a copy, or done for no bytes),
 * without the queue when no BYOB read left a pull-into behind. */
native.byteStreams.readKnownBytes = function (c, readRequest) {
    var rs = c.stream, result = (0, readKnownBytesResult)(c);
    if (result !== null) {
        if (result.done) {
            readRequest.closeSteps();
        } else {
            readRequest.chunkSteps(result.value);
        }
        return;
    }
    (0, enqueueKnownBytes)(c);
    if (rs.state === 'readable') {
        c.pullSteps(readRequest);
    } else if (rs.state === 'closed') {
        readRequest.closeSteps();
    } else {
        readRequest.errorSteps(rs.storedError);
    }
};

/* The known bytes of a stream made by fromBytes that was never read,
 * pulled, locked or cancelled, else null. The stream is then locked, as a
 * reader would lock it, and the bytes are the caller's (shared: copy them
 * before handing them out). With consume, it is also disturbed and closed,
 * as after a reader had read it to its end (Body's text()/arrayBuffer()). */
native.byteStreams.takeKnownBytes = function (stream, consume) {
    var slot = S.slotOf(stream);
    if ((0, instanceOf)(slot, LazyBytesRecord)) {
        /* its steps below on the stream that would have been made */
        if (slot.taken !== 0) {
            return null;
        }
        slot.taken = consume ? 2 : 1;
        return slot.bytes;
    }
    var rs = S.recordOf(stream, S.RSRecord), c, bytes;
    if (rs === void 0 || rs.reader !== void 0 || rs.disturbed || rs.state !== 'readable') {
        return null;
    }
    c = rs.controller;
    bytes = c.knownBytes;
    if (bytes === null || bytes === void 0) {
        return null;
    }
    c.knownBytes = null;
    S.acquireReadableStreamDefaultReader(rs);
    if (consume) {
        rs.disturbed = true;
        (0, controllerClose)(c);
    }
    return bytes;
};

/* A byte stream (high-water mark 0) over a source of the runtime's (a
 * fetch() body): pull(source), cancel(source, reason) and collect(source)
 * are plain functions of the source's own record, called as an underlying
 * source's methods would be, so the stream makes no closures, promises or
 * reactions of its own. Its controller starts at once; pull must neither
 * throw nor return anything (its reaction is taken at once: a pull called
 * again while one runs cannot happen); cancel's result is that of an
 * underlying source's cancel. collect, or null: see collectAll. */
native.byteStreams.fromSource = function (source, pull, cancel, collect) {
    var c = (0, newRuntimeSourceController)(pullFromSource, cancelFromSource);
    c.source = source;
    c.sourcePull = pull;
    c.sourceCancel = cancel;
    c.sourceCollect = collect;
    return c.stream.obj;
};

/* The controller object of a stream made by fromSource. */
native.byteStreams.controllerOf = function (stream) {
    return S.recordOf(stream, S.RSRecord).controller.obj;
};

function pullFromSource(c) {
    c.sourcePull(c.source);
    c.pulling = false;
}

function cancelFromSource(reason) {
    return S.promiseCall(this.sourceCancel, void 0, this.source, reason);
}

/* Body's text()/arrayBuffer()/json() of a stream with a collect that
 * was never read, pulled, locked or cancelled and has nothing queued: the
 * stream is locked and disturbed, as a reader reading it to its end would
 * leave it (and closed by its source at the end), and the promise of the
 * collector is the caller's; else null. No read request, pull or chunk
 * goes through the stream. */
native.byteStreams.collectAll = function (stream) {
    var rs = S.recordOf(stream, S.RSRecord), c;
    if (rs === void 0 || rs.reader !== void 0 || rs.disturbed || rs.state !== 'readable') {
        return null;
    }
    c = rs.controller;
    if (!c.sourceCollect || c.closeRequested || c.queue.size() > 0 || c.pendingPullIntos.length > 0) {
        return null;
    }
    S.acquireReadableStreamDefaultReader(rs);
    rs.disturbed = true;
    return c.sourceCollect(c.source);
};

/* CreateReadableByteStream */
function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
    var rs = S.newReadableStreamObject();
    (0, setUpController)(rs, (0, newController)(), startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, void 0);
    return rs;
}

function ReadableByteStreamController() {
    S.illegalConstructor();
}

function byteControllerOf(self) {
    return S.brand(self, ByteControllerRecord, 'ReadableByteStreamController');
}

S.getter(ReadableByteStreamController.prototype, 'byobRequest', function () {
    return (0, getBYOBRequest)((0, byteControllerOf)(this));
});
S.getter(ReadableByteStreamController.prototype, 'desiredSize', function () {
    return (0, getDesiredSize)((0, byteControllerOf)(this));
});

S.methods(ReadableByteStreamController.prototype, {
    close: function close() {
        var c = (0, byteControllerOf)(this);
        if (c.closeRequested) {
            throw (0, typeError)('The stream has already been closed');
        }
        if (c.stream.state !== 'readable') {
            throw (0, typeError)('The stream is not in a state that permits close');
        }
        (0, controllerClose)(c);
    },
    enqueue: function enqueue(chunk) {
        var c = (0, byteControllerOf)(this);
        if (!(0, isView)(chunk)) {
            throw (0, typeError)("Failed to execute 'enqueue' on 'ReadableByteStreamController': chunk is not an ArrayBufferView");
        }
        if (chunk.byteLength === 0) {
            throw (0, typeError)('chunk must have non-zero byteLength');
        }
        if (chunk.buffer.byteLength === 0) {
            throw (0, typeError)("chunk's buffer must have non-zero byteLength");
        }
        if (c.closeRequested) {
            throw (0, typeError)('The stream has already been closed');
        }
        if (c.stream.state !== 'readable') {
            throw (0, typeError)('The stream is not in a state that permits enqueue');
        }
        (0, controllerEnqueue)(c, chunk);
    },
    error: function error(e) {
        (0, controllerError)((0, byteControllerOf)(this), e);
    }
});
S.toStringTag(ReadableByteStreamController.prototype, 'ReadableByteStreamController');

/* ==== ReadableStreamBYOBRequest ==== */

function BYOBRequestRecord(obj, controller, view) {
    this.obj = obj;
    this.controller = controller;
    this.view = view;
}

function ReadableStreamBYOBRequest() {
    S.illegalConstructor();
}

function requestOf(self) {
    return S.brand(self, BYOBRequestRecord, 'ReadableStreamBYOBRequest');
}

S.getter(ReadableStreamBYOBRequest.prototype, 'view', function () {
    return (0, requestOf)(this).view;
});

S.methods(ReadableStreamBYOBRequest.prototype, {
    respond: function respond(bytesWritten) {
        var r = (0, requestOf)(this);
        bytesWritten = (0, enforceRange)(bytesWritten, 'bytesWritten');
        if (r.controller === void 0) {
            throw (0, typeError)('This BYOB request has been invalidated');
        }
        (0, controllerRespond)(r.controller, bytesWritten);
    },
    respondWithNewView: function respondWithNewView(view) {
        var r = (0, requestOf)(this);
        if (!(0, isView)(view)) {
            throw (0, typeError)("Failed to execute 'respondWithNewView': view is not an ArrayBufferView");
        }
        if (r.controller === void 0) {
            throw (0, typeError)('This BYOB request has been invalidated');
        }
        (0, controllerRespondWithNewView)(r.controller, view);
    }
});
S.toStringTag(ReadableStreamBYOBRequest.prototype, 'ReadableStreamBYOBRequest');

/* ==== ReadableStreamBYOBReader ==== */

function BYOBReaderRecord(obj) {
    this.obj = obj;
    this.byob = true;
    this.stream = void 0;
    this.closed = void 0;
    this.readIntoRequests = new S.Fifo();
}

function setUpBYOBReader(reader, rs) {
    if (S.isReadableStreamLocked(rs)) {
        throw (0, typeError)('ReadableStream is locked');
    }
    if (!rs.controller.bytes) {
        throw (0, typeError)('Cannot construct a ReadableStreamBYOBReader for a stream that is not a byte stream');
    }
    S.readableStreamReaderGenericInitialize(reader, rs);
    reader.readIntoRequests = new S.Fifo();
}

function acquireBYOBReader(rs) {
    var obj = Object.create(ReadableStreamBYOBReader.prototype);
    var reader = new BYOBReaderRecord(obj);
    (0, setUpBYOBReader)(reader, rs);
    obj[SLOT] = reader;
    return reader;
}

native.byteStreams.acquireBYOBReader = acquireBYOBReader;

function errorReadIntoRequests(reader, e) {
    S.settleRequests(reader.readIntoRequests, false, e);
}

native.byteStreams.errorReadIntoRequests = errorReadIntoRequests;

/* ReadableStreamCancel's step for a BYOB reader. */
native.byteStreams.closeReadIntoRequests = function (reader) {
    S.settleRequests(reader.readIntoRequests, true, void 0);
};

function byobReaderRead(reader, view, min, readIntoRequest) {
    var rs = reader.stream;
    rs.disturbed = true;
    if (rs.state === 'errored') {
        readIntoRequest.errorSteps(rs.storedError);
    } else {
        (0, pullInto)(rs.controller, view, min, readIntoRequest);
    }
}

function byobReaderRelease(reader) {
    S.readableStreamReaderGenericRelease(reader);
    (0, errorReadIntoRequests)(reader, (0, typeError)('Reader was released'));
}

function ReadableStreamBYOBReader(stream) {
    S.requireNew(this, ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');
    var rs = S.brand(stream, S.RSRecord, 'ReadableStream');
    var reader = new BYOBReaderRecord(this);
    (0, setUpBYOBReader)(reader, rs);
    this[SLOT] = reader;
}

S.getter(ReadableStreamBYOBReader.prototype, 'closed', S.readerClosedGetter(BYOBReaderRecord));

/* The checks of read(view, options) before anything is read. */
function readArguments(reader, view, options) {
    var min;
    if (reader === void 0) {
        return (0, typeError)('Illegal invocation');
    }
    if (!(0, isView)(view)) {
        return (0, typeError)("Failed to execute 'read' on 'ReadableStreamBYOBReader': view is not an ArrayBufferView");
    }
    if (view.byteLength === 0) {
        return (0, typeError)('view must have non-zero byteLength');
    }
    if (view.buffer.byteLength === 0) {
        return (0, typeError)("view's buffer must have non-zero byteLength");
    }
    try {
        options = S.dictionary(options, "Failed to execute 'read' on 'ReadableStreamBYOBReader'");
        min = options.min === void 0 ? 1 : (0, enforceRange)(options.min, 'min');
    } catch (e) {
        return e;
    }
    if (min === 0) {
        return (0, typeError)('options.min must be greater than 0');
    }
    if ((0, instanceOf)(view, DataView) ? min > view.byteLength : min > view.length) {
        return new RangeError('options.min must be less than or equal to the length of view');
    }
    if (reader.stream === void 0) {
        return (0, typeError)('Cannot read from a released reader');
    }
    return min;
}

S.methods(ReadableStreamBYOBReader.prototype, {
    read: function read(view, options) {
        var reader = S.recordOf(this, BYOBReaderRecord);
        var min = (0, readArguments)(reader, view, options), request;
        if (typeof min !== 'number') {
            return S.promiseReject(min);
        }
        request = new S.PromiseReadRequest();
        (0, byobReaderRead)(reader, view, min, request);
        return request.promise;
    },
    releaseLock: function releaseLock() {
        var reader = S.brand(this, BYOBReaderRecord, 'ReadableStreamBYOBReader');
        if (reader.stream !== void 0) {
            (0, byobReaderRelease)(reader);
        }
    },
    cancel: S.readerCancelMethod(BYOBReaderRecord)
});
S.toStringTag(ReadableStreamBYOBReader.prototype, 'ReadableStreamBYOBReader');

/* ==== ReadableByteStreamTee ==== */

function cloneAsUint8Array(view) {
    var buffer = new ArrayBuffer(view.byteLength);
    (0, copyBytes)(buffer, 0, view.buffer, view.byteOffset, view.byteLength);
    return new Uint8Array(buffer);
}

native.byteStreams.tee = function (rs) {
    var reader = S.acquireReadableStreamDefaultReader(rs);
    var reading = false, readAgainForBranch1 = false, readAgainForBranch2 = false;
    var tee = new S.TeeState(rs), branch1, branch2;

    function forwardReaderError(thisReader) {
        S.markHandled(S.readerClosed(thisReader).promise.then(void 0, function (r) {
            if (thisReader !== reader) {
                return;
            }
            (0, controllerError)(branch1.controller, r);
            (0, controllerError)(branch2.controller, r);
            if (!tee.canceled1 || !tee.canceled2) {
                S.resolveDeferred(tee.cancelPromise, void 0);
            }
        }));
    }

    function cloneFailed(e) {
        (0, controllerError)(branch1.controller, e);
        (0, controllerError)(branch2.controller, e);
        S.resolveDeferred(tee.cancelPromise, S.readableStreamCancel(rs, e));
    }

    function pullAgainIfAsked() {
        reading = false;
        if (readAgainForBranch1) {
            pull1Algorithm();
        } else if (readAgainForBranch2) {
            pull2Algorithm();
        }
    }

    function defaultChunk(chunk) {
        var chunk1 = chunk, chunk2 = chunk;
        readAgainForBranch1 = readAgainForBranch2 = false;
        if (!tee.canceled1 && !tee.canceled2) {
            try {
                chunk2 = (0, cloneAsUint8Array)(chunk);
            } catch (e) {
                cloneFailed(e);
                return;
            }
        }
        if (!tee.canceled1) {
            (0, controllerEnqueue)(branch1.controller, chunk1);
        }
        if (!tee.canceled2) {
            (0, controllerEnqueue)(branch2.controller, chunk2);
        }
        pullAgainIfAsked();
    }

    var readRequest = {
        chunkSteps: function (chunk) {
            native.enqueueJob(defaultChunk, chunk);
        },
        closeSteps: function () {
            reading = false;
            if (!tee.canceled1) {
                (0, controllerClose)(branch1.controller);
            }
            if (!tee.canceled2) {
                (0, controllerClose)(branch2.controller);
            }
            if (branch1.controller.pendingPullIntos.length > 0) {
                (0, controllerRespond)(branch1.controller, 0);
            }
            if (branch2.controller.pendingPullIntos.length > 0) {
                (0, controllerRespond)(branch2.controller, 0);
            }
            if (!tee.canceled1 || !tee.canceled2) {
                S.resolveDeferred(tee.cancelPromise, void 0);
            }
        },
        errorSteps: function () {
            reading = false;
        }
    };

    function pullWithDefaultReader() {
        if (reader.byob) {
            (0, byobReaderRelease)(reader);
            reader = S.acquireReadableStreamDefaultReader(rs);
            forwardReaderError(reader);
        }
        S.readableStreamDefaultReaderRead(reader, readRequest);
    }

    function BranchReadIntoRequest(forBranch2) {
        this.forBranch2 = forBranch2;
    }

    BranchReadIntoRequest.prototype.branches = function () {
        return this.forBranch2 ? [branch2, branch1, tee.canceled2, tee.canceled1]
            : [branch1, branch2, tee.canceled1, tee.canceled2];
    };

    BranchReadIntoRequest.prototype.chunkSteps = function (chunk) {
        var self = this;
        native.enqueueJob(function () {
            var b = self.branches(), cloned;
            readAgainForBranch1 = readAgainForBranch2 = false;
            if (!b[3]) {
                try {
                    cloned = (0, cloneAsUint8Array)(chunk);
                } catch (e) {
                    cloneFailed(e);
                    return;
                }
                if (!b[2]) {
                    (0, controllerRespondWithNewView)(b[0].controller, chunk);
                }
                (0, controllerEnqueue)(b[1].controller, cloned);
            } else if (!b[2]) {
                (0, controllerRespondWithNewView)(b[0].controller, chunk);
            }
            pullAgainIfAsked();
        }, void 0);
    };

    BranchReadIntoRequest.prototype.closeSteps = function (chunk) {
        var b = this.branches();
        reading = false;
        if (!b[2]) {
            (0, controllerClose)(b[0].controller);
        }
        if (!b[3]) {
            (0, controllerClose)(b[1].controller);
        }
        if (chunk !== void 0) {
            if (!b[2]) {
                (0, controllerRespondWithNewView)(b[0].controller, chunk);
            }
            if (!b[3] && b[1].controller.pendingPullIntos.length > 0) {
                (0, controllerRespond)(b[1].controller, 0);
            }
        }
        if (!b[2] || !b[3]) {
            S.resolveDeferred(tee.cancelPromise, void 0);
        }
    };

    BranchReadIntoRequest.prototype.errorSteps = function () {
        reading = false;
    };

    function pullWithBYOBReader(view, forBranch2) {
        if (!reader.byob) {
            S.readableStreamDefaultReaderRelease(reader);
            reader = (0, acquireBYOBReader)(rs);
            forwardReaderError(reader);
        }
        (0, byobReaderRead)(reader, view, 1, new BranchReadIntoRequest(forBranch2));
    }

    function pullBranch(forBranch2) {
        var branch = forBranch2 ? branch2 : branch1, request;
        if (reading) {
            if (forBranch2) {
                readAgainForBranch2 = true;
            } else {
                readAgainForBranch1 = true;
            }
            return void 0;
        }
        reading = true;
        request = (0, getBYOBRequest)(branch.controller);
        if (request === null) {
            pullWithDefaultReader();
        } else {
            pullWithBYOBReader(request[SLOT].view, forBranch2);
        }
        return void 0;
    }

    function pull1Algorithm() {
        return pullBranch(false);
    }

    function pull2Algorithm() {
        return pullBranch(true);
    }

    branch1 = (0, createReadableByteStream)(S.noop, pull1Algorithm, tee.cancel1Algorithm);
    branch2 = (0, createReadableByteStream)(S.noop, pull2Algorithm, tee.cancel2Algorithm);
    forwardReaderError(reader);
    return [branch1, branch2];
};

native.defineGlobal('ReadableByteStreamController', ReadableByteStreamController);
native.defineGlobal('ReadableStreamBYOBReader', ReadableStreamBYOBReader);
native.defineGlobal('ReadableStreamBYOBRequest', ReadableStreamBYOBRequest);
