// SPDX-License-Identifier: MIT
/*
 * TransformStream of the Streams Standard: the stream, its default
 * controller, and the writable and readable sides it sets up
 * (js/20-streams-queue.js describes the stream files and what they share).
 */
var S = native.streamInternals;
native.loadLazy('WritableStream'); /* (a TransformStream is a WritableStream's other side; a no-op once loaded) */
var SLOT = S.SLOT, Deferred = S.Deferred, resolveDeferred = S.resolveDeferred,
    rejectDeferred = S.rejectDeferred, promiseResolve = S.promiseResolve,
    promiseCall = S.promiseCall, typeError = S.typeError, isObject = S.isObject, brand = S.brand,
    illegalConstructor = S.illegalConstructor, requireNew = S.requireNew, getter = S.getter,
    methods = S.methods, toStringTag = S.toStringTag, optionalMethod = S.optionalMethod,
    dictionary = S.dictionary, queuingStrategy = S.queuingStrategy,
    extractHighWaterMark = S.extractHighWaterMark, extractSizeAlgorithm = S.extractSizeAlgorithm,
    createWritableStream = S.createWritableStream,
    writableStreamDefaultControllerErrorIfNeeded = S.writableStreamDefaultControllerErrorIfNeeded,
    createReadableStream = S.createReadableStream,
    readableStreamDefaultControllerCanCloseOrEnqueue = S.readableStreamDefaultControllerCanCloseOrEnqueue,
    readableStreamDefaultControllerGetDesiredSize = S.readableStreamDefaultControllerGetDesiredSize,
    readableStreamDefaultControllerShouldCallPull = S.readableStreamDefaultControllerShouldCallPull,
    readableStreamDefaultControllerClose = S.readableStreamDefaultControllerClose,
    readableStreamDefaultControllerEnqueue = S.readableStreamDefaultControllerEnqueue,
    readableStreamDefaultControllerError = S.readableStreamDefaultControllerError;

/* ==== TransformStream ==== */

function TSRecord(obj) {
    this.obj = obj;
    this.readable = void 0;
    this.writable = void 0;
    this.backpressure = void 0;
    this.backpressureChange = void 0;
    this.controller = void 0;
    this.pendingChunk = void 0;
}

function TCRecord(obj) {
    this.obj = obj;
    this.stream = void 0;
    this.transformAlgorithm = void 0;
    this.flushAlgorithm = void 0;
    this.cancelAlgorithm = void 0;
    this.finish = void 0;
    this.onTransformRejected = void 0;
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
    ts.backpressure = void 0;
    ts.backpressureChange = void 0;
    transformStreamSetBackpressure(ts, true);
    ts.controller = void 0;
    ts.afterBackpressure = function () {
        var chunk = ts.pendingChunk;
        ts.pendingChunk = void 0;
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
    if (ts.backpressureChange !== void 0) {
        resolveDeferred(ts.backpressureChange, void 0);
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
    if (transform === void 0) {
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
    c.transformAlgorithm = void 0;
    c.flushAlgorithm = void 0;
    c.cancelAlgorithm = void 0;
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
        return promiseResolve(result).then(void 0, c.onTransformRejected);
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
        if (failure !== void 0) {
            rejectDeferred(finish, failure.error);
        } else {
            resolveDeferred(finish, void 0);
        }
    }, function (r) {
        onRejected(r);
        rejectDeferred(finish, r);
    });
    return finish.promise;
}

function transformStreamDefaultSinkAbortAlgorithm(ts, reason) {
    var c = ts.controller, readable = ts.readable, cancelPromise;
    if (c.finish !== void 0) {
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
        return void 0;
    }, function (r) {
        readableStreamDefaultControllerError(readable.controller, r);
    });
}

function transformStreamDefaultSinkCloseAlgorithm(ts) {
    var c = ts.controller, readable = ts.readable, flushPromise;
    if (c.finish !== void 0) {
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
        return void 0;
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
    if (c.finish !== void 0) {
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
        return void 0;
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
    dict = dictionary(transformer === void 0 ? null : transformer, context);
    if (dict.readableType !== void 0) {
        throw new RangeError(context + ': invalid readableType');
    }
    if (dict.writableType !== void 0) {
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
    resolveDeferred(startPromise, start === void 0 ? void 0 : start.call(transformer, c.obj));
}

getter(TransformStream.prototype, 'readable', function () {
    return brand(this, TSRecord, 'TransformStream').readable.obj;
});
getter(TransformStream.prototype, 'writable', function () {
    return brand(this, TSRecord, 'TransformStream').writable.obj;
});
toStringTag(TransformStream.prototype, 'TransformStream');

/* ---- publish ---- */

native.defineGlobal('TransformStream', TransformStream);
native.defineGlobal('TransformStreamDefaultController', TransformStreamDefaultController);
