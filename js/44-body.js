// SPDX-License-Identifier: MIT
/*
 * The Fetch standard's Body mixin shared by Request and Response, body
 * extraction ("extract a body" from a BodyInit), and XHR's FormData with the
 * multipart/form-data serialiser and the multipart and urlencoded parsers
 * behind formData(). A body is kept as its source (a string or a Uint8Array)
 * until someone asks for .body; text()/arrayBuffer()/json() on such a body
 * never create a stream. Stream bodies use global.ReadableStream at call time.
 * For other runtime files:
 *   native.BODY, native.HEADERS      symbols under which Request and Response
 *                                    keep their body state and Headers;
 *   native.extractBody(init)         -> {src, stream, used, type} or null,
 *                                    itself the body state kept under
 *                                    native.BODY;
 *   native.bodyUsed(state);
 *   native.mixinBody(proto, headersOf) (headersOf(object) -> its Headers);
 *   native.headersFromState(object, state) -> its Headers, made from
 *                                    state.list on first use;
 *   native.bodyBytesOrStream(obj)    -> null | Uint8Array | ReadableStream,
 *                                    marks the body used (for the C side);
 *   native.cloneBody(state)          -> state for a clone (tees streams;
 *                                    shares the bytes of a stream over
 *                                    known bytes nobody has read);
 *   native.bodyUnusable(state).
 */
var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */
var BODY = native.BODY = Symbol('Body');
var HEADERS = native.HEADERS = Symbol('Headers');

/* The Headers of a Request or Response that keeps its header list in its
 * state record (state.list: a flat array, or the C side's
 * "name\0value\0..." string, see native.makeRequest) until it is first
 * asked for: made now and kept under HEADERS. */
native.headersFromState = function (object, state) {
    var list = state.list;
    if (typeof list === 'string') {
        list = list === '' ? [] : list.split('\0');
    }
    state.list = null;
    return (object[HEADERS] = native.headersFromList(list));
};
var ENTRIES = Symbol('FormData.entries');
var LONE_SURROGATE_TEST = /[\ud800-\udfff]/;

function usvString(value) {
    var s = String(value);
    return LONE_SURROGATE_TEST.test(s) ? native.utf8Decode(native.utf8Encode(s)) : s;
}

function isStreamDisturbed(stream) {
    return typeof native.readableStreamIsDisturbed === 'function' ? native.readableStreamIsDisturbed(stream) : false;
}

function makeState(src, stream) {
    return { src: src, stream: stream, used: false };
}

native.bodyUsed = function (state) {
    return !!state && (state.used || (state.stream !== null && (0, isStreamDisturbed)(state.stream)));
};

native.bodyUnusable = function (state) {
    return native.bodyUsed(state) || (!!state && state.stream !== null && native.readableStreamIsLocked(state.stream));
};

/* An extracted body's state { src, stream, used, type }, made at its size
 * (native.recordMaker); the Response constructor makes a string body's
 * with it directly. */
var makeBodyState = native.makeBodyState = native.recordMaker(Object.prototype, ['src', 'stream', 'used', 'type']);
var TEXT_TYPE = 'text/plain;charset=UTF-8';

/* Fetch "extract a body". A non-object, non-buffer init is a string. */
var readableStreamUsability = native.readableStreamUsability; /* js/22-streams-readable.js */

native.extractBody = function (init) {
    if (init === null || init === void 0) {
        return null;
    }
    if (typeof init === 'string') {
        return (0, makeBodyState)(init, null, false, TEXT_TYPE);
    }
    /* a stream first: the usual body of a proxied response */
    var usability = (0, readableStreamUsability)(init);
    if (usability === 1) {
        return (0, makeBodyState)(null, init, false, null);
    }
    if (usability === 0) {
        throw new TypeError('The body is a ReadableStream that is locked or disturbed.');
    }
    if (native.isBufferSource(init)) {
        return (0, makeBodyState)(new Uint8Array(native.toU8(init)), null, false, null);
    }
    if (native.isBlob(init)) {
        return (0, makeBodyState)(native.blobBytes(init), null, false, init.type || null);
    }
    if (init instanceof FormData) {
        return (0, multipartSerialize)(init[ENTRIES]);
    }
    var URLSearchParams = global.URLSearchParams, ReadableStream = global.ReadableStream;
    if (typeof URLSearchParams === 'function' && init instanceof URLSearchParams) {
        return (0, makeBodyState)(init.toString(), null, false, 'application/x-www-form-urlencoded;charset=UTF-8');
    }
    if (typeof ReadableStream === 'function' && init instanceof ReadableStream) {
        if (init.locked || (0, isStreamDisturbed)(init)) {
            throw new TypeError('The body is a ReadableStream that is locked or disturbed.');
        }
        return (0, makeBodyState)(null, init, false, null);
    }
    return (0, makeBodyState)((0, usvString)(init), null, false, TEXT_TYPE);
};

native.cloneBody = function (state) {
    if (!state) {
        return null;
    }
    if (state.stream) {
        /* a stream over known bytes nobody has read: locked as the tee
         * would lock it, and both bodies hold the bytes again, to make
         * their streams (the tee's branches) when asked */
        var known = native.byteStreams.takeKnownBytes(state.stream, false);
        if (known !== null) {
            state.stream = null;
            state.src = known;
            return (0, makeState)(known, null);
        }
        var branches = native.readableStreamTeeForClone(state.stream);
        state.stream = branches[0];
        return (0, makeState)(null, branches[1]);
    }
    return (0, makeState)(state.src, null);
};

function srcBytes(src) {
    return typeof src === 'string' ? native.utf8Encode(src) : src;
}

function srcText(src) {
    if (typeof src === 'string') {
        return LONE_SURROGATE_TEST.test(src) ? native.utf8Decode(native.utf8Encode(src)) : src;
    }
    return native.utf8Decode(src);
}

/* The .body of a body consumed before it was asked for: disturbed and, like
 * the stream a consuming read would have locked, locked (getReader() throws). */
function usedStream() {
    var stream = new global.ReadableStream({ start: function (controller) { controller.close(); } });
    stream.getReader().read();
    return stream;
}

function bodyStream(state) {
    if (!state.stream) {
        state.stream = state.used ? (0, usedStream)() : native.streamFromBytes((0, srcBytes)(state.src));
        state.src = null;
    }
    return state.stream;
}

native.bodyBytesOrStream = function (object) {
    var state = object[BODY];
    if (!state) {
        return null;
    }
    if (native.bodyUnusable(state)) {
        throw new TypeError('Body has already been used.');
    }
    state.used = true;
    if (state.stream) {
        return state.stream;
    }
    var bytes = (0, srcBytes)(state.src);
    state.src = null;
    return bytes;
};

function readAll(stream) {
    var reader = stream.getReader(), chunks = [], total = 0;
    return new global.Promise(function (resolve, reject) {
        function step(result) {
            if (result.done) {
                resolve(native.concatBytes(chunks, total));
                return;
            }
            var chunk = result.value;
            if (!(0, instanceOf)(chunk, Uint8Array)) {
                var error = new TypeError('Body stream chunks must be Uint8Array.');
                reader.cancel(error);
                reject(error);
                return;
            }
            chunks.push(chunk);
            total += chunk.length;
            reader.read().then(step, reject);
        }
        reader.read().then(step, reject);
    });
}

/* Fetch "consume body": convertBytes(bytes) or, for a string source that
 * never became a stream, convertText(string) when given. */
function consume(object, convertBytes, convertText) {
    var state = object[BODY];
    if (state && native.bodyUnusable(state)) {
        return native.promiseReject(new TypeError('Body has already been used. It can only be used once.'));
    }
    if (!state) {
        return native.promiseCall(convertBytes, new Uint8Array(0));
    }
    if (state.stream) {
        /* a stream over known bytes nobody has read: locked, read to its
         * end and closed at once, as readAll would leave it */
        var known = native.byteStreams.takeKnownBytes(state.stream, true);
        if (known !== null) {
            state.used = true;
            return native.promiseCall(convertBytes, known);
        }
        var collected = native.byteStreams.collectAll(state.stream);
        if (collected !== null) {
            state.used = true;
            return collected.then(convertBytes);
        }
        var reading = (0, readAll)(state.stream);
        state.used = true;
        return reading.then(convertBytes);
    }
    var src = state.src;
    state.used = true;
    state.src = null;
    if (convertText && typeof src === 'string') {
        return native.promiseCall(convertText, src);
    }
    return native.promiseCall(convertSrcBytes, convertBytes, src);
}

function convertSrcBytes(convertBytes, src) {
    return convertBytes((0, srcBytes)(src));
}

function bytesCopy(bytes) {
    return new Uint8Array(bytes);
}

function contentTypeOf(object, headersOf) {
    return headersOf(object).get('content-type');
}

/* Just enough of MIME Sniffing's "parse a MIME type" for essence and params. */
function parseMimeType(value) {
    if (value === null) {
        return null;
    }
    var semicolon = value.indexOf(';');
    var essence = (semicolon === -1 ? value : value.slice(0, semicolon)).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '').toLowerCase();
    var params = {}, re = /;[\t\n\r ]*([^=;]+)=("(?:[^"\\]|\\.)*"?|[^;]*)/g, match;
    re.lastIndex = semicolon === -1 ? value.length : semicolon;
    while ((match = re.exec(value)) !== null) {
        var name = match[1].toLowerCase(), v = match[2];
        if (v.charAt(0) === '"') {
            v = v.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1');
        } else {
            v = v.replace(/[\t\n\r ]+$/, '');
        }
        if (!params.hasOwnProperty(name)) {
            params[name] = v;
        }
    }
    return { essence: essence, params: params };
}

function decodeText(bytes) {
    return native.utf8Decode(bytes);
}

native.mixinBody = function (proto, headersOf) {
    Object.defineProperties(proto, {
        body: {
            get: function () {
                var state = this[BODY];
                return state ? (0, bodyStream)(state) : null;
            },
            enumerable: true, configurable: true
        },
        bodyUsed: {
            get: function () { return native.bodyUsed(this[BODY]); },
            enumerable: true, configurable: true
        }
    });
    proto.arrayBuffer = function arrayBuffer() {
        return (0, consume)(this, function (bytes) { return (0, bytesCopy)(bytes).buffer; });
    };
    proto.bytes = function bytes() {
        return (0, consume)(this, bytesCopy);
    };
    proto.text = function text() {
        return (0, consume)(this, decodeText, srcText);
    };
    proto.json = function json() {
        return (0, consume)(this, function (bytes) { return JSON.parse((0, decodeText)(bytes)); },
            function (s) { return JSON.parse((0, srcText)(s)); });
    };
    proto.blob = function blob() {
        var type = (0, contentTypeOf)(this, headersOf) || '';
        return (0, consume)(this, function (bytes) { return native.makeBlob((0, bytesCopy)(bytes), type); });
    };
    proto.formData = function formData() {
        var mime = (0, parseMimeType)((0, contentTypeOf)(this, headersOf));
        return (0, consume)(this, function (bytes) { return (0, parseFormBody)(mime, bytes); }, function (s) {
            return mime && mime.essence === 'application/x-www-form-urlencoded' ?
                (0, parseUrlencoded)((0, srcText)(s)) : (0, parseFormBody)(mime, (0, srcBytes)(s));
        });
    };
};

function parseFormBody(mime, bytes) {
    if (mime && mime.essence === 'multipart/form-data' && mime.params.boundary) {
        return (0, multipartParse)(bytes, mime.params.boundary);
    }
    if (mime && mime.essence === 'application/x-www-form-urlencoded') {
        return (0, parseUrlencoded)(native.utf8Decode(bytes));
    }
    throw new TypeError('Could not parse content as FormData.');
}

function parseUrlencoded(text) {
    var form = new FormData();
    new global.URLSearchParams(text).forEach(function (value, name) {
        form[ENTRIES].push([name, value]);
    });
    return form;
}

/* multipart/form-data parsing (RFC 7578) over bytes. */
function bytesOf(ascii) {
    var out = new Uint8Array(ascii.length);
    for (var i = 0; i < ascii.length; i++) {
        out[i] = ascii.charCodeAt(i);
    }
    return out;
}

/* The first needle at or after from in hay (bytes), or -1: memmem in C. */
var indexOfBytes = native.indexOfBytes;

function multipartError() {
    return new TypeError('Could not parse content as FormData: malformed multipart/form-data body.');
}

function parsePartHeaders(text) {
    var headers = {}, lines = text.split('\r\n');
    for (var i = 0; i < lines.length; i++) {
        var colon = lines[i].indexOf(':');
        if (colon <= 0) {
            throw (0, multipartError)();
        }
        headers[lines[i].slice(0, colon).replace(/[\t ]+$/, '').toLowerCase()] =
            lines[i].slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
    }
    return headers;
}

function addPart(form, headers, content) {
    var disposition = (0, parseMimeType)(headers['content-disposition'] || null);
    if (!disposition || disposition.essence !== 'form-data' || !disposition.params.hasOwnProperty('name')) {
        throw (0, multipartError)();
    }
    var name = disposition.params.name;
    if (disposition.params.hasOwnProperty('filename')) {
        var type = headers.hasOwnProperty('content-type') ? headers['content-type'] : 'text/plain';
        form[ENTRIES].push([name, native.makeFile(new Uint8Array(content), disposition.params.filename, type)]);
    } else {
        form[ENTRIES].push([name, native.utf8Decode(content)]);
    }
}

function multipartParse(bytes, boundary) {
    var form = new FormData(), delimiter = (0, bytesOf)('\r\n--' + boundary), headerEnd = (0, bytesOf)('\r\n\r\n');
    var pos;
    if ((0, indexOfBytes)(bytes, delimiter.subarray(2), 0) === 0) {
        pos = delimiter.length - 2;
    } else {
        pos = (0, indexOfBytes)(bytes, delimiter, 0);
        if (pos === -1) {
            throw (0, multipartError)();
        }
        pos += delimiter.length;
    }
    for (;;) {
        if (bytes[pos] === 0x2D && bytes[pos + 1] === 0x2D) {
            return form;
        }
        while (bytes[pos] === 0x20 || bytes[pos] === 0x09) {
            pos++;
        }
        if (bytes[pos] !== 0x0D || bytes[pos + 1] !== 0x0A) {
            throw (0, multipartError)();
        }
        pos += 2;
        var end = (0, indexOfBytes)(bytes, headerEnd, pos);
        if (end === -1) {
            throw (0, multipartError)();
        }
        var headers = (0, parsePartHeaders)(native.utf8Decode(bytes.subarray(pos, end)));
        var next = (0, indexOfBytes)(bytes, delimiter, end + 4);
        if (next === -1) {
            throw (0, multipartError)();
        }
        (0, addPart)(form, headers, bytes.subarray(end + 4, next));
        pos = next + delimiter.length;
    }
}

/* HTML's multipart/form-data encoding algorithm. */
function normalizeNewlines(s) {
    return s.replace(/\r\n|\r|\n/g, '\r\n');
}

function escapeMultipartName(s) {
    return (0, normalizeNewlines)(s).replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

function randomBoundary() {
    var s = '----formdata-fcworker-';
    for (var i = 0; i < 4; i++) {
        s += Math.floor(Math.random() * 0x100000000).toString(16);
    }
    return s;
}

function multipartSerialize(entries) {
    var boundary = (0, randomBoundary)(), chunks = [], text = '';
    for (var i = 0; i < entries.length; i++) {
        var name = entries[i][0], value = entries[i][1];
        text += '--' + boundary + '\r\nContent-Disposition: form-data; name="' + (0, escapeMultipartName)(name) + '"';
        if (typeof value === 'string') {
            text += '\r\n\r\n' + (0, normalizeNewlines)(value) + '\r\n';
            continue;
        }
        text += '; filename="' + (0, escapeMultipartName)(value.name) + '"\r\nContent-Type: ' +
            (value.type || 'application/octet-stream') + '\r\n\r\n';
        chunks.push(native.utf8Encode(text), native.blobBytes(value));
        text = '\r\n';
    }
    chunks.push(native.utf8Encode(text + '--' + boundary + '--\r\n'));
    return (0, makeBodyState)(chunks.length === 1 ? chunks[0] : native.concatBytes(chunks), null, false,
        'multipart/form-data; boundary=' + boundary);
}

function FormData(form) {
    if (new.target === void 0 && !(this instanceof FormData)) {
        throw new TypeError("Failed to construct 'FormData': Please use the 'new' operator.");
    }
    if (form !== void 0) {
        throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    }
    this[ENTRIES] = [];
}

function entriesOf(form) {
    var entries = form && form[ENTRIES];
    if (!entries) {
        throw new TypeError('Illegal invocation');
    }
    return entries;
}

/* XHR "create an entry". */
function createEntry(name, value, filename, argc, method) {
    if (argc < 2) {
        throw new TypeError("Failed to execute '" + method + "' on 'FormData': 2 arguments required, but only " + argc + ' present.');
    }
    if (!native.isBlob(value)) {
        if (argc > 2) {
            throw new TypeError("Failed to execute '" + method + "' on 'FormData': parameter 2 is not of type 'Blob'.");
        }
        return [(0, usvString)(name), (0, usvString)(value)];
    }
    if (!native.isFile(value) || filename !== void 0) {
        var options = { type: value.type };
        if (native.isFile(value)) {
            options.lastModified = value.lastModified;
        }
        var fileName = filename !== void 0 ? (0, usvString)(filename) : (native.isFile(value) ? value.name : 'blob');
        value = new global.File([value], fileName, options);
    }
    return [(0, usvString)(name), value];
}

FormData.prototype.append = function append(name, value, filename) {
    (0, entriesOf)(this).push((0, createEntry)(name, value, filename, arguments.length, 'append'));
};

FormData.prototype['delete'] = function (name) {
    var entries = (0, entriesOf)(this), key = (0, usvString)(name);
    for (var i = entries.length - 1; i >= 0; i--) {
        if (entries[i][0] === key) {
            entries.splice(i, 1);
        }
    }
};

FormData.prototype.get = function get(name) {
    var entries = (0, entriesOf)(this), key = (0, usvString)(name);
    for (var i = 0; i < entries.length; i++) {
        if (entries[i][0] === key) {
            return entries[i][1];
        }
    }
    return null;
};

FormData.prototype.getAll = function getAll(name) {
    var entries = (0, entriesOf)(this), key = (0, usvString)(name), out = [];
    for (var i = 0; i < entries.length; i++) {
        if (entries[i][0] === key) {
            out.push(entries[i][1]);
        }
    }
    return out;
};

FormData.prototype.has = function has(name) {
    return this.get(name) !== null;
};

FormData.prototype.set = function set(name, value, filename) {
    var entries = (0, entriesOf)(this), entry = (0, createEntry)(name, value, filename, arguments.length, 'set');
    var first = -1;
    for (var i = entries.length - 1; i >= 0; i--) {
        if (entries[i][0] === entry[0]) {
            if (first !== -1) {
                entries.splice(first, 1);
            }
            first = i;
        }
    }
    if (first === -1) {
        entries.push(entry);
    } else {
        entries[first] = entry;
    }
};

/* entries, keys, values, forEach and @@iterator (js/29-pair-iterable.js). */
native.definePairIterable(FormData.prototype, 'FormData', entriesOf, false);
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });

native.defineGlobal('FormData', FormData);
