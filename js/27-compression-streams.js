// SPDX-License-Identifier: MIT
/*
 * CompressionStream and DecompressionStream (WHATWG Compression Standard):
 * TransformStreams that compress bytes to, or decompress them from, "gzip",
 * "deflate" (zlib) or "deflate-raw". The work is zlib's, through
 * lib/api_compression.c: each chunk written is run through the stream as it
 * arrives and what comes out is enqueued in pieces of at most 64 KiB, a few
 * at a time and no faster than the reader takes them, so a long body, or a
 * small one that inflates a thousandfold, passes through in bounded memory
 * with the reader's pace holding the writer. Chunks must be BufferSources (a
 * TypeError otherwise, as for corrupt input, data after the end and input
 * that ends early, which the reader gets after the output that precedes
 * them); an unknown format is a TypeError when constructing.
 */
var SLOT = Symbol('fcw.compressionStream');
var FORMATS = ['deflate', 'deflate-raw', 'gzip'];
var EMPTY = new Uint8Array(0);
var PIECES_PER_STEP = 4;

function requireNew(self, Ctor, name) {
    if (!(self instanceof Ctor) || Object.prototype.hasOwnProperty.call(self, SLOT)) {
        throw new TypeError("Failed to construct '" + name + "': Please use the 'new' operator");
    }
}

function recordOf(self, Ctor, name) {
    var r = self !== null && typeof self === 'object' && Object.prototype.hasOwnProperty.call(self, SLOT) ?
        self[SLOT] : void 0;
    if (r === void 0 || !(self instanceof Ctor)) {
        throw new TypeError('Illegal invocation: not a ' + name);
    }
    return r;
}

/* The readable and writable sides of either class, joined as a
 * TransformStream joins them (an error on one side errors the other,
 * cancelling the readable side errors the writable one, closing the
 * writable side ends the compressed stream and closes the readable one),
 * but with zlib's output made only as fast as it is read: each step makes
 * at most PIECES_PER_STEP pieces and the next waits until the reader pulls.
 * `compress` picks the direction. */
function zlibPair(name, format, compress) {
    format = String(format);
    if (FORMATS.indexOf(format) < 0) {
        throw new TypeError("Failed to construct '" + name + "': '" + format +
            "' is not a valid CompressionFormat ('deflate', 'deflate-raw' or 'gzip')");
    }
    var stream = native.zlibCreate(format, compress);
    var reading = null, wakeReader = null, failure = null, failed = false, input = EMPTY, finishing = false;
    var lateError = null;

    function errorReadable(reason) {
        try {
            reading.error(reason);
        } catch (ignored) {
            /* the readable side is already closed or errored */
        }
    }

    /* Ends the stream with reason; with `afterQueued`, the readable side
     * errors only once the reader has taken the chunks already queued (the
     * output that came before a decompression error). */
    function fail(reason, afterQueued) {
        if (!failed) {
            failed = true;
            failure = reason;
            native.zlibEnd(stream);
            if (afterQueued && reading.desiredSize < 0) {
                lateError = reason;
            } else {
                errorReadable(reason);
            }
        }
        wake();
        return reason;
    }

    function wake() {
        var resolve = wakeReader;
        if (resolve !== null) {
            wakeReader = null;
            resolve();
        }
    }

    function waitForReader(resolve) {
        wakeReader = resolve;
    }

    /* Runs `input` (and with `finishing`, the end) through zlib, a step
     * at a time. Made once per stream, as are all the closures here: a
     * closure per chunk would hold the chunk in a reference cycle until
     * the next mark-and-sweep. */
    function step() {
        if (failed) {
            throw failure;
        }
        do {
            var pieces;
            try {
                pieces = native.zlibPush(stream, input, finishing, PIECES_PER_STEP);
            } catch (e) {
                input = EMPTY;
                throw fail(e);
            }
            input = EMPTY;
            for (var i = 0; i < pieces.length; i++) {
                reading.enqueue(new Uint8Array(pieces[i]));
            }
            if (pieces.error !== void 0) {
                throw fail(pieces.error, true);
            }
            if (!native.zlibMore(stream)) {
                return void 0;
            }
        } while (reading.desiredSize > 0);
        return new global.Promise(waitForReader).then(step);
    }

    function run(bytes, finish) {
        input = bytes;
        finishing = finish;
        return step();
    }

    function closed() {
        reading.close();
    }

    var readable = new global.ReadableStream({
        start: function (controller) {
            reading = controller;
        },
        pull: function () {
            if (lateError !== null) {
                errorReadable(lateError);
                lateError = null;
            }
            wake();
        },
        cancel: function (reason) {
            fail(reason);
        }
    }, { highWaterMark: 0 });
    var writable = new global.WritableStream({
        write: function (chunk) {
            if (failed) {
                throw failure;
            }
            if (!native.isBufferSource(chunk)) {
                throw fail(new TypeError(name + ': chunk is not an ArrayBuffer or ArrayBufferView'));
            }
            return run(native.toU8(chunk), false);
        },
        close: function () {
            return global.Promise.resolve(run(EMPTY, true)).then(closed);
        },
        abort: function (reason) {
            fail(reason);
        }
    });
    return { readable: readable, writable: writable };
}

function defineStreamClass(Ctor, name) {
    Object.defineProperty(Ctor.prototype, 'readable', {
        get: function () { return recordOf(this, Ctor, name).readable; }, enumerable: true, configurable: true
    });
    Object.defineProperty(Ctor.prototype, 'writable', {
        get: function () { return recordOf(this, Ctor, name).writable; }, enumerable: true, configurable: true
    });
    Object.defineProperty(Ctor.prototype, Symbol.toStringTag, { value: name, configurable: true });
    native.defineGlobal(name, Ctor);
}

function CompressionStream(format) {
    requireNew(this, CompressionStream, 'CompressionStream');
    if (arguments.length < 1) {
        throw new TypeError("Failed to construct 'CompressionStream': 1 argument required, but only 0 present.");
    }
    this[SLOT] = zlibPair('CompressionStream', format, true);
}

function DecompressionStream(format) {
    requireNew(this, DecompressionStream, 'DecompressionStream');
    if (arguments.length < 1) {
        throw new TypeError("Failed to construct 'DecompressionStream': 1 argument required, but only 0 present.");
    }
    this[SLOT] = zlibPair('DecompressionStream', format, false);
}

defineStreamClass(CompressionStream, 'CompressionStream');
defineStreamClass(DecompressionStream, 'DecompressionStream');
