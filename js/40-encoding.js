// SPDX-License-Identifier: MIT
/*
 * The Encoding standard's TextEncoder and TextDecoder, and HTML's atob/btoa.
 * Duktape's built-in UTF-8 coder is conformant (maximal-subpart replacement,
 * fatal, ignoreBOM, streaming) and fast, so UTF-8 work is delegated to it;
 * this file adds encodeInto, and decoders written in JS for UTF-16LE,
 * UTF-16BE and windows-1252 (which the standard also uses for the
 * latin1/ascii/iso-8859-1 labels). Every other encoding of the standard
 * (single-byte, gb18030/GBK, Big5, EUC-JP, ISO-2022-JP, Shift_JIS, EUC-KR,
 * x-user-defined) is decoded in C (lib/api_encoding.c, which also holds the
 * label table). atob implements forgiving-base64 decode.
 * Shared helpers for the other Web API files: native.utf8Encode(string) and
 * native.utf8Decode(bytes) (BOM stripped, errors replaced).
 */
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */
var NativeTextEncoder = global.TextEncoder;
var NativeTextDecoder = global.TextDecoder;
var nativeEncoder = new NativeTextEncoder();
var nativeDecoder = new NativeTextDecoder();
var DECODER = Symbol('TextDecoder');

/* Windows-1252 bytes 0x80..0x9F; the rest map to the same code point. */
var WINDOWS_1252_HIGH = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
];

/* The standard's "get an encoding" (whitespace trimmed, ASCII case folded),
 * from the label table generated out of its encodings.json. */
function getEncoding(label) {
    return native.encodingForLabel(String(label));
}

function toBytes(input) {
    if (input === void 0) {
        return new Uint8Array(0);
    }
    if (!native.isBufferSource(input)) {
        throw new TypeError("Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type 'ArrayBuffer' or 'ArrayBufferView'.");
    }
    return native.toU8(input);
}

/* Text that is plain UTF-8 (lib/api_bytes.c) is copied as it is; the rest
 * goes through Duktape's coders. */
var utf8EncodePlain = native.utf8EncodePlain;
var utf8DecodePlain = native.utf8DecodePlain;

native.utf8Encode = function (string) {
    var bytes = (0, utf8EncodePlain)(string);
    return bytes !== void 0 ? bytes : nativeEncoder.encode(string);
};

native.utf8Decode = function (bytes) {
    var s = (0, utf8DecodePlain)(bytes, true);
    return s !== void 0 ? s : nativeDecoder.decode(bytes);
};

function TextEncoder() {
    if (new.target === void 0 && !(this instanceof TextEncoder)) {
        throw new TypeError("Failed to construct 'TextEncoder': Please use the 'new' operator.");
    }
}

Object.defineProperty(TextEncoder.prototype, 'encoding', {
    get: function () { return 'utf-8'; }, enumerable: true, configurable: true
});

TextEncoder.prototype.encode = function encode(input) {
    var s = input === void 0 ? '' : String(input);
    var bytes = (0, utf8EncodePlain)(s);
    return bytes !== void 0 ? bytes : nativeEncoder.encode(s);
};

/* Number of UTF-8 bytes of the code point starting at unit i of s, and the
 * number of UTF-16 units it spans, packed as bytes * 4 + units. */
function utf8Width(s, i) {
    var c = s.charCodeAt(i);
    if (c < 0x80) {
        return 5;
    }
    if (c < 0x800) {
        return 9;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
            return 18;
        }
    }
    return 13;
}

function writeCodePoint(dest, pos, cp) {
    if (cp < 0x80) {
        dest[pos] = cp;
    } else if (cp < 0x800) {
        dest[pos] = 0xC0 | (cp >> 6);
        dest[pos + 1] = 0x80 | (cp & 0x3F);
    } else if (cp < 0x10000) {
        dest[pos] = 0xE0 | (cp >> 12);
        dest[pos + 1] = 0x80 | ((cp >> 6) & 0x3F);
        dest[pos + 2] = 0x80 | (cp & 0x3F);
    } else {
        dest[pos] = 0xF0 | (cp >> 18);
        dest[pos + 1] = 0x80 | ((cp >> 12) & 0x3F);
        dest[pos + 2] = 0x80 | ((cp >> 6) & 0x3F);
        dest[pos + 3] = 0x80 | (cp & 0x3F);
    }
}

TextEncoder.prototype.encodeInto = function encodeInto(source, destination) {
    if (!(0, instanceOf)(destination, Uint8Array)) {
        throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
    }
    var s = String(source), read = 0, written = 0, room = destination.length;
    while (read < s.length) {
        var width = (0, utf8Width)(s, read), bytes = width >> 2, units = width & 3;
        if (written + bytes > room) {
            break;
        }
        var cp = s.charCodeAt(read);
        if (units === 2) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s.charCodeAt(read + 1) - 0xDC00);
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        (0, writeCodePoint)(destination, written, cp);
        read += units;
        written += bytes;
    }
    return { read: read, written: written };
};

/* A decoder for UTF-16 or windows-1252 with the streaming state the standard
 * keeps between decode() calls: a pending lead byte and lead surrogate. */
function JsDecoder(encoding, fatal) {
    this.encoding = encoding;
    this.fatal = fatal;
    this.reset();
}

JsDecoder.prototype.reset = function () {
    this.leadByte = -1;
    this.leadSurrogate = -1;
    this.bomSeen = false;
};

JsDecoder.prototype.error = function (out) {
    if (this.fatal) {
        this.reset();
        throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.");
    }
    out.push(0xFFFD);
};

JsDecoder.prototype.unit = function (unit, out) {
    if (this.leadSurrogate !== -1) {
        var lead = this.leadSurrogate;
        this.leadSurrogate = -1;
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            out.push(lead, unit);
            return;
        }
        this.error(out);
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        this.leadSurrogate = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
        this.error(out);
    } else {
        out.push(unit);
    }
};

JsDecoder.prototype.decodeUtf16 = function (bytes, stream, out) {
    var bigEndian = this.encoding === 'utf-16be';
    for (var i = 0; i < bytes.length; i++) {
        if (this.leadByte === -1) {
            this.leadByte = bytes[i];
            continue;
        }
        var unit = bigEndian ? (this.leadByte << 8) | bytes[i] : (bytes[i] << 8) | this.leadByte;
        this.leadByte = -1;
        this.unit(unit, out);
    }
    if (!stream && (this.leadByte !== -1 || this.leadSurrogate !== -1)) {
        this.leadByte = this.leadSurrogate = -1;
        this.error(out);
    }
};

function unitsToString(units) {
    var parts = [];
    for (var i = 0; i < units.length; i += 8192) {
        parts.push(String.fromCharCode.apply(null, units.slice ? units.slice(i, i + 8192) : units.subarray(i, i + 8192)));
    }
    return parts.join('');
}

function windows1252Char(c) {
    return String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/* Bytes map to the same code points except 0x80..0x9F. */
function decodeWindows1252(bytes) {
    return (0, unitsToString)(bytes).replace(/[\x80-\x9f]/g, windows1252Char);
}

/* Whole little-endian code units with no pending state and no surrogates
 * decode straight from a Uint16Array view (x86 and ARM are little-endian). */
JsDecoder.prototype.fastUtf16le = function (bytes) {
    if (this.encoding !== 'utf-16le' || this.leadByte !== -1 || this.leadSurrogate !== -1 ||
            bytes.length % 2 !== 0 || bytes.byteOffset % 2 !== 0) {
        return null;
    }
    var text = (0, unitsToString)(new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2));
    return /[\ud800-\udfff]/.test(text) ? null : text;
};

JsDecoder.prototype.decodeToString = function (bytes, stream) {
    if (this.encoding === 'windows-1252') {
        return (0, decodeWindows1252)(bytes);
    }
    var fast = this.fastUtf16le(bytes);
    if (fast !== null) {
        return fast;
    }
    var out = [];
    this.decodeUtf16(bytes, stream, out);
    return (0, unitsToString)(out);
};

JsDecoder.prototype.decode = function (bytes, stream, ignoreBOM) {
    var text = this.decodeToString(bytes, stream);
    if (!ignoreBOM && !this.bomSeen && text.length) {
        this.bomSeen = true;
        if (text.charCodeAt(0) === 0xFEFF) {
            text = text.slice(1);
        }
    }
    if (!stream) {
        this.reset();
    }
    return text;
};

/* A decoder of lib/api_encoding.c; its state buffer carries a partial
 * sequence between streaming decode() calls. None of these encodings has
 * a BOM to strip. */
function NativeLegacyDecoder(encoding, fatal) {
    this.state = native.decoderNew(encoding, fatal);
}

NativeLegacyDecoder.prototype.decode = function (bytes, stream) {
    return native.decoderDecode(this.state, bytes, !stream);
};

function newDecoder(encoding, fatal, ignoreBOM) {
    if (encoding === 'utf-8') {
        return new NativeTextDecoder('utf-8', { fatal: fatal, ignoreBOM: ignoreBOM });
    }
    if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'windows-1252') {
        return new JsDecoder(encoding, fatal);
    }
    return new NativeLegacyDecoder(encoding, fatal);
}

function TextDecoder(label, options) {
    if (new.target === void 0 && !(this instanceof TextDecoder)) {
        throw new TypeError("Failed to construct 'TextDecoder': Please use the 'new' operator.");
    }
    var encoding = label === void 0 ? 'utf-8' : (0, getEncoding)(label);
    if (encoding === null || encoding === 'replacement') {
        throw new RangeError("Failed to construct 'TextDecoder': The encoding label provided ('" + label + "') is invalid.");
    }
    var fatal = !!(options && options.fatal), ignoreBOM = !!(options && options.ignoreBOM);
    this[DECODER] = {
        encoding: encoding,
        fatal: fatal,
        ignoreBOM: ignoreBOM,
        impl: (0, newDecoder)(encoding, fatal, ignoreBOM),
        /* UTF-8 only: whether the decoder is at the start of a stream, and
         * whether it is past the start with no partial sequence pending
         * (then plain input decodes to itself, see decodeUtf8) */
        fresh: true,
        primed: false
    };
}

function decoderGetter(name) {
    Object.defineProperty(TextDecoder.prototype, name, {
        get: function () {
            if (!this || !this[DECODER]) {
                throw new TypeError('Illegal invocation');
            }
            return this[DECODER][name];
        },
        enumerable: true, configurable: true
    });
}
(0, decoderGetter)('encoding');
(0, decoderGetter)('fatal');
(0, decoderGetter)('ignoreBOM');

/* Duktape's decoder keeps its partial state after a fatal error; the
 * standard starts the next decode() afresh, so replace it. */
function decodeUtf8Fatal(state, bytes, stream) {
    try {
        return state.impl.decode(bytes, { stream: stream });
    } catch (e) {
        state.impl = new NativeTextDecoder('utf-8', { fatal: true, ignoreBOM: state.ignoreBOM });
        state.fresh = true;
        state.primed = false;
        throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.");
    }
}

/* UTF-8: plain input (lib/api_bytes.c) is its own decoding when nothing is
 * pending: a whole stream decoded at once from the start (less a BOM unless
 * ignoreBOM), or a chunk after Duktape's decoder has taken one that ended
 * in an ASCII byte (which ends any partial sequence and is past the BOM).
 * Everything else goes to Duktape's decoder, which keeps the stream's
 * state. */
function decodeUtf8(state, bytes, stream) {
    var s;
    if (state.primed || (state.fresh && !stream)) {
        s = (0, utf8DecodePlain)(bytes, state.fresh && !state.ignoreBOM);
        if (s !== void 0) {
            if (!stream && state.primed) {
                state.impl.decode();
                state.primed = false;
                state.fresh = true;
            }
            return s;
        }
    }
    if (state.fatal) {
        s = (0, decodeUtf8Fatal)(state, bytes, stream);
    } else {
        s = stream ? state.impl.decode(bytes, { stream: true }) : state.impl.decode(bytes);
    }
    if (!stream) {
        state.fresh = true;
        state.primed = false;
    } else if (bytes.length > 0) {
        state.fresh = false;
        state.primed = bytes[bytes.length - 1] < 0x80;
    }
    return s;
}

TextDecoder.prototype.decode = function decode(input, options) {
    var state = this && this[DECODER];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    var bytes = (0, toBytes)(input), stream = !!(options && options.stream);
    if (state.encoding === 'utf-8') {
        return (0, decodeUtf8)(state, bytes, stream);
    }
    return state.impl.decode(bytes, stream, state.ignoreBOM);
};

/* atob() and btoa() (HTML's forgiving-base64) are C functions
 * (lib/api_encoding.c), named and of length 1 as WebIDL makes them; an
 * invalid input throws this DOMException. */
native.invalidCharacter = function (message) {
    throw new native.DOMException(message, 'InvalidCharacterError');
};
/* C functions: named, of length 1 and, as built-in functions, no
 * constructors (native.defineData's attrs: 4 configurable) */
[[native.atob, 'atob'], [native.btoa, 'btoa']].forEach(function (pair) {
    native.defineData(pair[0], 'name', pair[1], 4);
    native.defineData(pair[0], 'length', 1, 4);
    native.nonConstructor(pair[0]);
});

native.defineGlobal('TextEncoder', TextEncoder);
native.defineGlobal('TextDecoder', TextDecoder);
native.defineGlobal('atob', native.atob);
native.defineGlobal('btoa', native.btoa);
