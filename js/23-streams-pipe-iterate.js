// SPDX-License-Identifier: MIT
/*
 * ReadableStream's connections to other things, from the Streams Standard:
 * ReadableStreamPipeTo (behind pipeTo and pipeThrough, with abort signals),
 * the async iterator (values(), Symbol.asyncIterator) and
 * ReadableStream.from (js/20-streams-queue.js describes the stream files
 * and what they share).
 */
var S = native.streamInternals;
var SLOT = S.SLOT, PENDING = S.PENDING, Deferred = S.Deferred, resolveDeferred = S.resolveDeferred,
    rejectDeferred = S.rejectDeferred, noop = S.noop, promiseResolve = S.promiseResolve,
    promiseReject = S.promiseReject, typeError = S.typeError, isObject = S.isObject,
    recordOf = S.recordOf, methods = S.methods, toStringTag = S.toStringTag,
    dictionary = S.dictionary, PromiseReadRequest = S.PromiseReadRequest,
    writableStreamAbort = S.writableStreamAbort,
    writableStreamCloseQueuedOrInFlight = S.writableStreamCloseQueuedOrInFlight,
    acquireWritableStreamDefaultWriter = S.acquireWritableStreamDefaultWriter,
    writableStreamDefaultWriterCloseWithErrorPropagation = S.writableStreamDefaultWriterCloseWithErrorPropagation,
    writableStreamDefaultWriterRelease = S.writableStreamDefaultWriterRelease,
    writableStreamDefaultWriterWriteWith = S.writableStreamDefaultWriterWriteWith,
    createReadableStream = S.createReadableStream, readableStreamCancel = S.readableStreamCancel,
    readableStreamReaderGenericCancel = S.readableStreamReaderGenericCancel,
    acquireReadableStreamDefaultReader = S.acquireReadableStreamDefaultReader,
    readableStreamDefaultReaderRead = S.readableStreamDefaultReaderRead,
    readableStreamDefaultReaderRelease = S.readableStreamDefaultReaderRelease,
    readableStreamDefaultControllerClose = S.readableStreamDefaultControllerClose,
    readableStreamDefaultControllerEnqueue = S.readableStreamDefaultControllerEnqueue,
    ReadableStream = S.ReadableStream;

/* ---- pipeTo ---- */

function pipeOptions(options) {
    var o = dictionary(options, "Failed to execute 'pipeTo'");
    var result = {
        preventAbort: !!o.preventAbort,
        preventCancel: !!o.preventCancel,
        preventClose: !!o.preventClose,
        signal: o.signal
    };
    if (result.signal !== void 0 && !isAbortSignal(result.signal)) {
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
    this.lastWrite = void 0;
    this.onWritesFinished = void 0;
    this.result = new Deferred();
    this.abortListener = void 0;
    this.removeAbortAlgorithm = void 0;
    this.loop = void 0;
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
    if (writableStreamDefaultWriterWriteWith(this.writer, chunk, request) === void 0) {
        this.lastWrite = request;
    }
    native.enqueueJob(pipeNextJob, this);
};

Pipe.prototype.writeSettled = function (request) {
    var then = this.onWritesFinished;
    if (request === this.lastWrite && then !== void 0) {
        this.onWritesFinished = void 0;
        native.enqueueJob(then, void 0);
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
    if (this.lastWrite === void 0 || this.lastWrite.state !== PENDING) {
        native.enqueueJob(then, void 0);
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
    if (this.removeAbortAlgorithm !== void 0) {
        this.removeAbortAlgorithm();
    } else if (this.abortListener !== void 0) {
        this.signal.removeEventListener('abort', this.abortListener);
    }
    if (isError) {
        rejectDeferred(this.result, error);
    } else {
        resolveDeferred(this.result, void 0);
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
            actions.push(self.dest.state === 'writable' ? writableStreamAbort(self.dest, error) : promiseResolve(void 0));
        }
        if (!self.preventCancel) {
            actions.push(self.source.state === 'readable' ? readableStreamCancel(self.source, error) : promiseResolve(void 0));
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
    if (pipe.signal !== void 0) {
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
    S.readerClosed(pipe.reader).promise.then(function () {
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

/* %AsyncIteratorPrototype% (js/12-builtins.js): [Symbol.asyncIterator]
 * and [Symbol.asyncDispose] */
var asyncIteratorPrototype = native.AsyncIteratorPrototype;

function IteratorRecord(obj, reader, preventCancel) {
    this.obj = obj;
    this.reader = reader;
    this.preventCancel = preventCancel;
    this.ongoing = void 0;
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
        it.ongoing = void 0;
        if (result.done) {
            it.finished = true;
        }
        return result;
    };
    it.afterNextFailed = function (e) {
        it.ongoing = void 0;
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
IteratorReadRequest.prototype.resolveFn = PromiseReadRequest.prototype.resolveFn;
IteratorReadRequest.prototype.rejectFn = PromiseReadRequest.prototype.rejectFn;

IteratorReadRequest.prototype.closeSteps = function () {
    readableStreamDefaultReaderRelease(this.it.reader);
    this.resolveFn(iterResult(void 0, true));
};

IteratorReadRequest.prototype.errorSteps = function (e) {
    readableStreamDefaultReaderRelease(this.it.reader);
    this.rejectFn(e);
};

function iteratorNextSteps(it) {
    var readRequest;
    if (it.finished) {
        return promiseResolve(iterResult(void 0, true));
    }
    if (it.reader.stream === void 0) {
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
    if (reader.stream === void 0) {
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
        if (it === void 0) {
            return promiseReject(typeError('Illegal invocation'));
        }
        it.ongoing = it.ongoing === void 0 ? it.nextSteps() : it.ongoing.then(it.nextSteps, it.nextSteps);
        return it.ongoing;
    },
    'return': function (value) {
        var it = recordOf(this, IteratorRecord);
        if (it === void 0) {
            return promiseReject(typeError('Illegal invocation'));
        }
        function returnSteps() {
            return iteratorReturnSteps(it, value);
        }
        it.ongoing = it.ongoing === void 0 ? returnSteps() : it.ongoing.then(returnSteps, returnSteps);
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
                return { value: void 0, done: true };
            }
            i += 1;
            return { value: list[i - 1], done: false };
        }
    };
}

/* GetIterator(obj, async): returns { iterator, next, sync }. */
function getIterator(obj) {
    var method, iterator, sync = false;
    if (obj === null || obj === void 0) {
        throw typeError('ReadableStream.from: argument is not iterable');
    }
    method = obj[Symbol.asyncIterator];
    if (method === void 0 || method === null) {
        sync = true;
        method = obj[Symbol.iterator];
    }
    if (method === void 0 || method === null) {
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
            return void 0;
        }
        if (record.sync) {
            return promiseResolve(iterResultObj.value).then(enqueueValue);
        }
        enqueueValue(iterResultObj.value);
        return void 0;
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
            if (returnMethod === void 0 || returnMethod === null) {
                return promiseResolve(void 0);
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
            return void 0;
        });
    }

    rs = createReadableStream(noop, pullAlgorithm, cancelAlgorithm, 0);
    return rs;
}

/* ReadableStream.from, which js/22-streams-readable.js's forwarder calls */
S.readableStreamFrom = function from(asyncIterable) {
    return readableStreamFromIterable(asyncIterable).obj;
};

/* ---- publish ---- */

/* ---- shared with the stream files after this one ---- */

S.pipeOptions = pipeOptions;
S.readableStreamPipeTo = readableStreamPipeTo;
S.createAsyncIterator = createAsyncIterator;
