/*
 * CompressionStream and DecompressionStream (WHATWG Compression Standard):
 * TransformStreams that compress bytes to, or decompress them from, "gzip",
 * "deflate" (zlib) or "deflate-raw". The work is zlib's, through
 * lib/api_compression.c: each chunk written is run through the stream as it
 * arrives and what comes out is enqueued in pieces of at most 64 KiB, so a
 * long body passes through in bounded memory with the readable side's
 * backpressure holding the writer. Chunks must be BufferSources (a
 * TypeError otherwise, as for corrupt input, data after the end and input
 * that ends early); an unknown format is a TypeError when constructing.
 */
var SLOT = Symbol('fcw.compressionStream');
var FORMATS = ['deflate', 'deflate-raw', 'gzip'];
var EMPTY = new Uint8Array(0);

function requireNew(self, Ctor, name) {
    if (!(self instanceof Ctor) || Object.prototype.hasOwnProperty.call(self, SLOT)) {
        throw new TypeError("Failed to construct '" + name + "': Please use the 'new' operator");
    }
}

function recordOf(self, Ctor, name) {
    var r = self !== null && typeof self === 'object' && Object.prototype.hasOwnProperty.call(self, SLOT) ?
        self[SLOT] : undefined;
    if (r === undefined || !(self instanceof Ctor)) {
        throw new TypeError('Illegal invocation: not a ' + name);
    }
    return r;
}

function enqueueAll(pieces, controller) {
    for (var i = 0; i < pieces.length; i++) {
        controller.enqueue(new Uint8Array(pieces[i]));
    }
}

/* The TransformStream of either class; `compress` picks the direction. */
function zlibTransform(name, format, compress) {
    format = String(format);
    if (FORMATS.indexOf(format) < 0) {
        throw new TypeError("Failed to construct '" + name + "': '" + format +
            "' is not a valid CompressionFormat ('deflate', 'deflate-raw' or 'gzip')");
    }
    var stream = native.zlibCreate(format, compress);
    return new global.TransformStream({
        transform: function (chunk, controller) {
            if (!native.isBufferSource(chunk)) {
                throw new TypeError(name + ': chunk is not an ArrayBuffer or ArrayBufferView');
            }
            enqueueAll(native.zlibPush(stream, native.toU8(chunk), false), controller);
        },
        flush: function (controller) {
            enqueueAll(native.zlibPush(stream, EMPTY, true), controller);
        }
    });
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
    this[SLOT] = zlibTransform('CompressionStream', format, true);
}

function DecompressionStream(format) {
    requireNew(this, DecompressionStream, 'DecompressionStream');
    if (arguments.length < 1) {
        throw new TypeError("Failed to construct 'DecompressionStream': 1 argument required, but only 0 present.");
    }
    this[SLOT] = zlibTransform('DecompressionStream', format, false);
}

defineStreamClass(CompressionStream, 'CompressionStream');
defineStreamClass(DecompressionStream, 'DecompressionStream');
