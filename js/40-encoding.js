/*
 * The Encoding standard's TextEncoder and TextDecoder, and HTML's atob/btoa.
 * Duktape's built-in UTF-8 coder is conformant (maximal-subpart replacement,
 * fatal, ignoreBOM, streaming) and fast, so UTF-8 work is delegated to it;
 * this file adds the label table, encodeInto, and decoders written in JS for
 * UTF-16LE, UTF-16BE and windows-1252 (which the standard also uses for the
 * latin1/ascii/iso-8859-1 labels). atob implements forgiving-base64 decode.
 * Shared helpers for the other Web API files: native.utf8Encode(string) and
 * native.utf8Decode(bytes) (BOM stripped, errors replaced).
 */
var NativeTextEncoder = global.TextEncoder;
var NativeTextDecoder = global.TextDecoder;
var nativeEncoder = new NativeTextEncoder();
var nativeDecoder = new NativeTextDecoder();
var DECODER = Symbol('TextDecoder');

var LABELS = {
    'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'],
    'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'],
    'utf-16be': ['unicodefffe', 'utf-16be'],
    'windows-1252': ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
        'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1',
        'us-ascii', 'windows-1252', 'x-cp1252']
};
var encodingByLabel = {};
Object.keys(LABELS).forEach(function (encoding) {
    LABELS[encoding].forEach(function (label) {
        encodingByLabel[label] = encoding;
    });
});

/* Windows-1252 bytes 0x80..0x9F; the rest map to the same code point. */
var WINDOWS_1252_HIGH = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
];

/* The standard strips ASCII whitespace (tab, LF, FF, CR, space) around labels. */
function getEncoding(label) {
    var key = String(label).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
    return encodingByLabel.hasOwnProperty(key) ? encodingByLabel[key] : null;
}

function toBytes(input) {
    if (input === undefined) {
        return new Uint8Array(0);
    }
    if (!native.isBufferSource(input)) {
        throw new TypeError("Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type 'ArrayBuffer' or 'ArrayBufferView'.");
    }
    return native.toU8(input);
}

native.utf8Encode = function (string) {
    return nativeEncoder.encode(string);
};

native.utf8Decode = function (bytes) {
    return nativeDecoder.decode(bytes);
};

function TextEncoder() {
    if (!(this instanceof TextEncoder)) {
        throw new TypeError("Failed to construct 'TextEncoder': Please use the 'new' operator.");
    }
}

Object.defineProperty(TextEncoder.prototype, 'encoding', {
    get: function () { return 'utf-8'; }, enumerable: true, configurable: true
});

TextEncoder.prototype.encode = function encode(input) {
    return nativeEncoder.encode(input === undefined ? '' : String(input));
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
    if (!(destination instanceof Uint8Array)) {
        throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
    }
    var s = String(source), read = 0, written = 0, room = destination.length;
    while (read < s.length) {
        var width = utf8Width(s, read), bytes = width >> 2, units = width & 3;
        if (written + bytes > room) {
            break;
        }
        var cp = s.charCodeAt(read);
        if (units === 2) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s.charCodeAt(read + 1) - 0xDC00);
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        writeCodePoint(destination, written, cp);
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

JsDecoder.prototype.decodeWindows1252 = function (bytes, out) {
    for (var i = 0; i < bytes.length; i++) {
        var b = bytes[i];
        out.push(b >= 0x80 && b <= 0x9F ? WINDOWS_1252_HIGH[b - 0x80] : b);
    }
};

function unitsToString(units) {
    var parts = [];
    for (var i = 0; i < units.length; i += 8192) {
        parts.push(String.fromCharCode.apply(null, units.slice(i, i + 8192)));
    }
    return parts.join('');
}

JsDecoder.prototype.decode = function (bytes, stream, ignoreBOM) {
    var out = [];
    if (this.encoding === 'windows-1252') {
        this.decodeWindows1252(bytes, out);
    } else {
        this.decodeUtf16(bytes, stream, out);
    }
    if (!ignoreBOM && !this.bomSeen && out.length) {
        this.bomSeen = true;
        if (out[0] === 0xFEFF) {
            out.shift();
        }
    }
    if (!stream) {
        this.reset();
    }
    return unitsToString(out);
};

function TextDecoder(label, options) {
    if (!(this instanceof TextDecoder)) {
        throw new TypeError("Failed to construct 'TextDecoder': Please use the 'new' operator.");
    }
    var encoding = label === undefined ? 'utf-8' : getEncoding(label);
    if (encoding === null) {
        throw new RangeError("Failed to construct 'TextDecoder': The encoding label provided ('" + label + "') is invalid.");
    }
    var fatal = !!(options && options.fatal), ignoreBOM = !!(options && options.ignoreBOM);
    this[DECODER] = {
        encoding: encoding,
        fatal: fatal,
        ignoreBOM: ignoreBOM,
        impl: encoding === 'utf-8' ?
            new NativeTextDecoder('utf-8', { fatal: fatal, ignoreBOM: ignoreBOM }) :
            new JsDecoder(encoding, fatal)
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
decoderGetter('encoding');
decoderGetter('fatal');
decoderGetter('ignoreBOM');

/* Duktape's decoder keeps its partial state after a fatal error; the
 * standard starts the next decode() afresh, so replace it. */
function decodeUtf8Fatal(state, bytes, stream) {
    try {
        return state.impl.decode(bytes, { stream: stream });
    } catch (e) {
        state.impl = new NativeTextDecoder('utf-8', { fatal: true, ignoreBOM: state.ignoreBOM });
        throw new TypeError("Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.");
    }
}

TextDecoder.prototype.decode = function decode(input, options) {
    var state = this && this[DECODER];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    var bytes = toBytes(input), stream = !!(options && options.stream);
    if (state.encoding === 'utf-8') {
        return state.fatal ? decodeUtf8Fatal(state, bytes, stream) :
            (stream ? state.impl.decode(bytes, { stream: true }) : state.impl.decode(bytes));
    }
    return state.impl.decode(bytes, stream, state.ignoreBOM);
};

/* forgiving-base64 (HTML): alphabet index of each code unit, -1 if none. */
var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var base64Index = [];
for (var code = 0; code < 128; code++) {
    base64Index.push(BASE64.indexOf(String.fromCharCode(code)));
}

function invalidCharacter(message) {
    return new native.DOMException(message, 'InvalidCharacterError');
}

function btoa(data) {
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'btoa': 1 argument required, but only 0 present.");
    }
    var s = String(data), out = [], i;
    if (/[^\x00-\xff]/.test(s)) {
        throw invalidCharacter("Failed to execute 'btoa': The string to be encoded contains characters outside of the Latin1 range.");
    }
    for (i = 0; i + 2 < s.length; i += 3) {
        var n = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8) | s.charCodeAt(i + 2);
        out.push(BASE64.charAt(n >> 18) + BASE64.charAt((n >> 12) & 63) + BASE64.charAt((n >> 6) & 63) + BASE64.charAt(n & 63));
    }
    if (s.length - i === 1) {
        var one = s.charCodeAt(i);
        out.push(BASE64.charAt(one >> 2) + BASE64.charAt((one & 3) << 4) + '==');
    } else if (s.length - i === 2) {
        var two = (s.charCodeAt(i) << 8) | s.charCodeAt(i + 1);
        out.push(BASE64.charAt(two >> 10) + BASE64.charAt((two >> 4) & 63) + BASE64.charAt((two & 15) << 2) + '=');
    }
    return out.join('');
}

function atob(data) {
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'atob': 1 argument required, but only 0 present.");
    }
    var s = String(data).replace(/[\t\n\f\r ]+/g, '');
    if (s.length % 4 === 0) {
        s = s.replace(/==?$/, '');
    }
    if (s.length % 4 === 1 || /[^A-Za-z0-9+\/]/.test(s)) {
        throw invalidCharacter("Failed to execute 'atob': The string to be decoded is not correctly encoded.");
    }
    var out = [], buffer = 0, bits = 0;
    for (var i = 0; i < s.length; i++) {
        buffer = (buffer << 6) | base64Index[s.charCodeAt(i)];
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push((buffer >> bits) & 0xFF);
        }
    }
    return unitsToString(out);
}

native.defineGlobal('TextEncoder', TextEncoder);
native.defineGlobal('TextDecoder', TextDecoder);
native.defineGlobal('atob', atob);
native.defineGlobal('btoa', btoa);
