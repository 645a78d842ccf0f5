// SPDX-License-Identifier: MIT
/*
 * TextEncoderStream and TextDecoderStream (Encoding Standard, section 7):
 * TransformStreams that encode strings to UTF-8 bytes and decode bytes to
 * strings. Encoding keeps a pending high surrogate between chunks so a pair
 * split across writes becomes one code point; decoding relies on the global
 * TextDecoder's `stream: true` mode for sequences split across chunks. The
 * global TextEncoder/TextDecoder are looked up when a stream is constructed.
 */
var SLOT = Symbol('fcw.encodingStream');
var REPLACEMENT_BYTES = [0xef, 0xbf, 0xbd];

function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}

function requireNew(self, Ctor, name) {
    if (!(self instanceof Ctor) || Object.prototype.hasOwnProperty.call(self, SLOT)) {
        throw new TypeError("Failed to construct '" + name + "': Please use the 'new' operator");
    }
}

function recordOf(self, Ctor, name) {
    var r = self !== null && typeof self === 'object' && Object.prototype.hasOwnProperty.call(self, SLOT) ? self[SLOT] : void 0;
    if (r === void 0 || !(self instanceof Ctor)) {
        throw new TypeError('Illegal invocation: not a ' + name);
    }
    return r;
}

function getter(proto, name, fn) {
    native.defineAccessor(proto, name, fn, void 0, 6); /* enumerable, configurable */
}

function toStringTag(proto, name) {
    Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
}

/* "encode and enqueue a chunk": joins a pending high surrogate with the
 * chunk's leading low surrogate and holds back a trailing high surrogate. */
function encodeChunk(state, chunk, controller) {
    var input = String(chunk), bytes;
    if (state.pendingHighSurrogate !== null) {
        input = state.pendingHighSurrogate + input;
        state.pendingHighSurrogate = null;
    }
    if (input.length > 0 && isHighSurrogate(input.charCodeAt(input.length - 1))) {
        state.pendingHighSurrogate = input.charAt(input.length - 1);
        input = input.slice(0, -1);
    }
    if (input.length === 0) {
        return;
    }
    bytes = state.encoder.encode(input);
    if (bytes.length > 0) {
        controller.enqueue(bytes);
    }
}

/* "encode and flush": a lone high surrogate left over becomes U+FFFD. */
function encodeFlush(state, controller) {
    if (state.pendingHighSurrogate !== null) {
        state.pendingHighSurrogate = null;
        controller.enqueue(new Uint8Array(REPLACEMENT_BYTES));
    }
}

function TextEncoderStream() {
    requireNew(this, TextEncoderStream, 'TextEncoderStream');
    var state = { encoder: new global.TextEncoder(), pendingHighSurrogate: null, transform: void 0 };
    state.transform = new global.TransformStream({
        transform: function (chunk, controller) {
            encodeChunk(state, chunk, controller);
        },
        flush: function (controller) {
            encodeFlush(state, controller);
        }
    });
    this[SLOT] = state;
}

getter(TextEncoderStream.prototype, 'encoding', function () {
    recordOf(this, TextEncoderStream, 'TextEncoderStream');
    return 'utf-8';
});
getter(TextEncoderStream.prototype, 'readable', function () {
    return recordOf(this, TextEncoderStream, 'TextEncoderStream').transform.readable;
});
getter(TextEncoderStream.prototype, 'writable', function () {
    return recordOf(this, TextEncoderStream, 'TextEncoderStream').transform.writable;
});
toStringTag(TextEncoderStream.prototype, 'TextEncoderStream');

var STREAM_OPTIONS = { stream: true };

/* "decode and enqueue a chunk". */
function decodeChunk(decoder, chunk, controller) {
    var text;
    if (!native.isBufferSource(chunk)) {
        throw new TypeError('TextDecoderStream: chunk is not an ArrayBuffer or ArrayBufferView');
    }
    text = decoder.decode(native.toU8(chunk), STREAM_OPTIONS);
    if (text.length > 0) {
        controller.enqueue(text);
    }
}

/* "flush and enqueue": the decoder's end-of-stream output, if any. */
function decodeFlush(decoder, controller) {
    var text = decoder.decode();
    if (text.length > 0) {
        controller.enqueue(text);
    }
}

function TextDecoderStream(label, options) {
    requireNew(this, TextDecoderStream, 'TextDecoderStream');
    var decoder = new global.TextDecoder(label === void 0 ? 'utf-8' : label, options);
    var state = {
        decoder: decoder,
        transform: new global.TransformStream({
            transform: function (chunk, controller) {
                decodeChunk(decoder, chunk, controller);
            },
            flush: function (controller) {
                decodeFlush(decoder, controller);
            }
        })
    };
    this[SLOT] = state;
}

function decoderAttribute(name) {
    return function () {
        return recordOf(this, TextDecoderStream, 'TextDecoderStream').decoder[name];
    };
}

getter(TextDecoderStream.prototype, 'encoding', decoderAttribute('encoding'));
getter(TextDecoderStream.prototype, 'fatal', decoderAttribute('fatal'));
getter(TextDecoderStream.prototype, 'ignoreBOM', decoderAttribute('ignoreBOM'));
getter(TextDecoderStream.prototype, 'readable', function () {
    return recordOf(this, TextDecoderStream, 'TextDecoderStream').transform.readable;
});
getter(TextDecoderStream.prototype, 'writable', function () {
    return recordOf(this, TextDecoderStream, 'TextDecoderStream').transform.writable;
});
toStringTag(TextDecoderStream.prototype, 'TextDecoderStream');

native.defineGlobal('TextEncoderStream', TextEncoderStream);
native.defineGlobal('TextDecoderStream', TextDecoderStream);
