// SPDX-License-Identifier: MIT
/*
 * The File API's Blob and File. A Blob holds its bytes as one immutable
 * Uint8Array (parts are concatenated once, at construction); slice() shares
 * them. For other runtime files: native.blobBytes(blob) returns those bytes
 * without copying (callers must not modify them), native.makeBlob(bytes,
 * type) and native.makeFile(bytes, name, type) wrap bytes without copying,
 * native.isBlob(x), native.isFile(x),
 * native.concatBytes(chunks[, total]), native.streamFromBytes(bytes) (a
 * ReadableStream yielding a copy of bytes) and native.takeStreamBytes(stream)
 * (the bytes of such a stream nobody has read).
 */
var BLOB = Symbol('Blob');
var FILE = Symbol('File');

native.concatBytes = function (chunks, total) {
    if (chunks.length === 1) {
        return chunks[0];
    }
    if (total === void 0) {
        total = 0;
        for (var j = 0; j < chunks.length; j++) {
            total += chunks[j].length;
        }
    }
    var out = new Uint8Array(total), offset = 0;
    for (var i = 0; i < chunks.length; i++) {
        out.set(chunks[i], offset);
        offset += chunks[i].length;
    }
    return out;
};

/* A type that is not all printable ASCII becomes ''; otherwise lowercased. */
function normalizeType(type) {
    var s = String(type);
    return /[^\x20-\x7e]/.test(s) ? '' : s.toLowerCase();
}

function partBytes(part, nativeEndings) {
    if (native.isBufferSource(part)) {
        return native.toU8(part);
    }
    if (part instanceof Blob) {
        return part[BLOB].bytes;
    }
    var s = String(part);
    if (nativeEndings) {
        s = s.replace(/\r\n?/g, '\n');
    }
    return native.utf8Encode(s);
}

function bytesFromParts(parts, endings) {
    if (parts === void 0) {
        return new Uint8Array(0);
    }
    if (typeof parts !== 'object' || parts === null || typeof parts.length !== 'number') {
        throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
    }
    var chunks = [], total = 0;
    for (var i = 0; i < parts.length; i++) {
        var bytes = partBytes(parts[i], endings === 'native');
        chunks.push(bytes);
        total += bytes.length;
    }
    if (chunks.length === 1 && native.isBufferSource(parts[0])) {
        return new Uint8Array(chunks[0]);
    }
    return chunks.length === 0 ? new Uint8Array(0) : native.concatBytes(chunks, total);
}

function checkEndings(options) {
    var endings = options && options.endings !== void 0 ? String(options.endings) : 'transparent';
    if (endings !== 'transparent' && endings !== 'native') {
        throw new TypeError("Failed to construct 'Blob': The provided value '" + endings + "' is not a valid enum value of type EndingType.");
    }
    return endings;
}

function initBlob(blob, bytes, type) {
    blob[BLOB] = { bytes: bytes, type: type };
}

function Blob(blobParts, options) {
    if (new.target === void 0 && !(this instanceof Blob)) {
        throw new TypeError("Failed to construct 'Blob': Please use the 'new' operator.");
    }
    var endings = checkEndings(options);
    var type = options && options.type !== void 0 ? normalizeType(options.type) : '';
    initBlob(this, bytesFromParts(blobParts, endings), type);
}

function blobState(blob) {
    var state = blob && blob[BLOB];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

native.isBlob = function (x) {
    return !!(x && typeof x === 'object' && x[BLOB]);
};

native.blobBytes = function (blob) {
    return blobState(blob).bytes;
};

native.makeBlob = function (bytes, type) {
    var blob = Object.create(Blob.prototype);
    initBlob(blob, bytes, normalizeType(type));
    return blob;
};

Object.defineProperties(Blob.prototype, {
    size: { get: function () { return blobState(this).bytes.length; }, enumerable: true, configurable: true },
    type: { get: function () { return blobState(this).type; }, enumerable: true, configurable: true }
});

function relativeIndex(value, size, fallback) {
    if (value === void 0) {
        return fallback;
    }
    var n = Number(value);
    n = isNaN(n) ? 0 : (n < 0 ? Math.ceil(n) : Math.floor(n));
    return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

Blob.prototype.slice = function slice(start, end, contentType) {
    var state = blobState(this), size = state.bytes.length;
    var from = relativeIndex(start, size, 0), to = relativeIndex(end, size, size);
    var type = contentType === void 0 ? '' : normalizeType(contentType);
    return native.makeBlob(state.bytes.subarray(from, Math.max(from, to)), type);
};

function promiseOf(fn, blob) {
    return new global.Promise(function (resolve) {
        resolve(fn(blobState(blob).bytes));
    });
}

Blob.prototype.text = function text() {
    return promiseOf(native.utf8Decode, this);
};

Blob.prototype.arrayBuffer = function arrayBuffer() {
    return promiseOf(function (bytes) { return new Uint8Array(bytes).buffer; }, this);
};

Blob.prototype.bytes = function bytes() {
    return promiseOf(function (data) { return new Uint8Array(data); }, this);
};

/* A byte stream of bytes known now (js/25-byte-streams.js keeps them
 * until the first read, which gets a copy). */
native.streamFromBytes = function (bytes) {
    return native.byteStreams.fromBytes(bytes);
};

/* The bytes of a stream made by streamFromBytes that was never read,
 * pulled, locked or cancelled (a body re-wrapped: `new Response(res.body,
 * res)`), else null. The stream is then locked, as a reader sending it
 * would, and its bytes are the caller's: the response goes out in one
 * piece instead of through the stream. */
native.takeStreamBytes = function (stream) {
    return native.byteStreams.takeKnownBytes(stream, false);
};

Blob.prototype.stream = function stream() {
    return native.streamFromBytes(blobState(this).bytes);
};

function File(fileBits, fileName, options) {
    if (new.target === void 0 && !(this instanceof File)) {
        throw new TypeError("Failed to construct 'File': Please use the 'new' operator.");
    }
    if (arguments.length < 2) {
        throw new TypeError("Failed to construct 'File': 2 arguments required, but only " + arguments.length + ' present.');
    }
    Blob.call(this, fileBits, options);
    var lastModified = options && options.lastModified !== void 0 ? Number(options.lastModified) : Date.now();
    this[FILE] = { name: String(fileName), lastModified: isFinite(lastModified) ? Math.floor(lastModified) : 0 };
}
File.prototype = Object.create(Blob.prototype, {
    constructor: { value: File, writable: true, configurable: true }
});

function fileState(file) {
    var state = file && file[FILE];
    if (!state) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

Object.defineProperties(File.prototype, {
    name: { get: function () { return fileState(this).name; }, enumerable: true, configurable: true },
    lastModified: { get: function () { return fileState(this).lastModified; }, enumerable: true, configurable: true },
    webkitRelativePath: { get: function () { fileState(this); return ''; }, enumerable: true, configurable: true }
});

/* A File over bytes, not copied (the caller gives up the bytes), as
 * new File([bytes], name, { type: type }) makes it. */
native.makeFile = function (bytes, name, type) {
    var file = Object.create(File.prototype);
    initBlob(file, bytes, normalizeType(type));
    file[FILE] = { name: String(name), lastModified: Date.now() };
    return file;
};

native.isFile = function (x) {
    return !!(x && typeof x === 'object' && x[FILE]);
};

if (typeof Symbol.toStringTag === 'symbol') {
    Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
    Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });
}

native.defineGlobal('Blob', Blob);
native.defineGlobal('File', File);
