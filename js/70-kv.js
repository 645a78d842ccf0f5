// SPDX-License-Identifier: MIT
/*
 * Workers KV namespaces (KVNamespace): get, getWithMetadata, put, delete
 * and list over the natives of lib/api_kv.c (SQLite or Redis), with the
 * limits and error messages Workers document: keys up to 512 bytes of
 * UTF-8, values up to 25 MiB, metadata up to 1024 bytes of JSON,
 * expirationTtl and expiration at least 60 seconds ahead, list() limits of
 * 1 to 1000 keys. Every failure rejects the returned promise: bad
 * arguments with a TypeError or Workers' "KV <OP> failed: <status> ..."
 * Error, storage failures with Error("KV <OP> failed: <why>").
 *
 * Hooks: native.makeKV(binding) -> KVNamespace (js/72-bindings.js).
 */
var KV_SLOT = Symbol('KVNamespace');
var KEY_MAX = 512;
var VALUE_MAX = 25 * 1024 * 1024;
var METADATA_MAX = 1024;
var TTL_MIN = 60;
var LIST_MAX = 1000;
var GET_TYPES = { text: true, json: true, arrayBuffer: true, stream: true };

function KVNamespace() {
    throw new TypeError('Illegal constructor');
}

function slotOf(kv) {
    if (kv === null || typeof kv !== 'object' || kv[KV_SLOT] === void 0) {
        throw new TypeError('Illegal invocation');
    }
    return kv[KV_SLOT];
}

function kvError(op, status, message) {
    return new Error('KV ' + op + ' failed: ' + status + ' ' + message);
}

/* The key as a string, checked; throws as Workers do. */
function checkKey(op, key) {
    if (key === void 0) {
        throw new TypeError('Key name cannot be empty.');
    }
    key = String(key);
    if (key === '') {
        throw new TypeError('Key name cannot be empty.');
    }
    if (key === '.' || key === '..') {
        throw new TypeError('"' + key + '" is not allowed as a key name.');
    }
    var length = native.utf8Encode(key).length;
    if (length > KEY_MAX) {
        throw kvError(op, 414, 'UTF-8 encoded length of ' + length + ' exceeds key length limit of ' +
                      KEY_MAX + '.');
    }
    return key;
}

function getOptions(options) {
    var type = 'text', cacheTtl;
    if (typeof options === 'string') {
        type = options;
    } else if (options !== void 0 && options !== null) {
        if (typeof options !== 'object') {
            throw new TypeError('Failed to execute \'get\' on \'KVNamespace\': options must be a string or an object.');
        }
        if (options.type !== void 0) {
            type = String(options.type);
        }
        cacheTtl = options.cacheTtl;
    }
    if (!GET_TYPES[type]) {
        throw new TypeError('Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".');
    }
    if (cacheTtl !== void 0 && !(Number(cacheTtl) >= TTL_MIN)) {
        throw kvError('GET', 400, 'Invalid cache_ttl of ' + cacheTtl + '. Cache TTL must be at least ' +
                      TTL_MIN + '.');
    }
    return type;
}

function convert(bytes, type) {
    switch (type) {
    case 'arrayBuffer':
        return bytes;
    case 'stream':
        return native.streamFromBytes(new Uint8Array(bytes));
    case 'json':
        return JSON.parse(native.utf8Decode(new Uint8Array(bytes)));
    default:
        return native.utf8Decode(new Uint8Array(bytes));
    }
}

function read(kv, key, options, withMetadata) {
    var Promise = global.Promise;
    var slot = slotOf(kv);
    key = checkKey('GET', key);
    var type = getOptions(options);
    try {
        var found = native.kvGet(slot, key);
        var value = found ? convert(found[0], type) : null;
        if (!withMetadata) {
            return Promise.resolve(value);
        }
        var metadata = found && found[1] !== null ? JSON.parse(found[1]) : null;
        var result = { value: value, metadata: metadata };
        return Promise.resolve(result);
    } catch (e) {
        return Promise.reject(e);
    }
}

function getImpl(kv, key, options) {
    return read(kv, key, options, false);
}

function getWithMetadataImpl(kv, key, options) {
    return read(kv, key, options, true);
}

function toInteger(x) {
    var n = Number(x);
    return n === n ? Math.floor(n) : n;
}

/* Seconds since the epoch at which the key expires, 0 for never. */
function expirationOf(options) {
    var now = Math.floor(Date.now() / 1000);
    if (options.expiration !== void 0 && options.expiration !== null) {
        var at = toInteger(options.expiration);
        if (!(at === at) || at <= 0) {
            throw kvError('PUT', 400, 'Invalid expiration of ' + options.expiration +
                          '. Please specify integer greater than 0.');
        }
        if (at < now + TTL_MIN) {
            throw kvError('PUT', 400, 'Invalid expiration of ' + options.expiration +
                          '. Expiration times must be at least ' + TTL_MIN + ' seconds in the future.');
        }
        return at;
    }
    if (options.expirationTtl !== void 0 && options.expirationTtl !== null) {
        var ttl = toInteger(options.expirationTtl);
        if (!(ttl === ttl) || ttl <= 0) {
            throw kvError('PUT', 400, 'Invalid expiration_ttl of ' + options.expirationTtl +
                          '. Please specify integer greater than 0.');
        }
        if (ttl < TTL_MIN) {
            throw kvError('PUT', 400, 'Invalid expiration_ttl of ' + options.expirationTtl +
                          '. Expiration TTL must be at least ' + TTL_MIN + '.');
        }
        return now + ttl;
    }
    return 0;
}

function metadataOf(options) {
    if (options.metadata === void 0) {
        return null;
    }
    var json = JSON.stringify(options.metadata);
    if (json === void 0) {
        throw new TypeError('KV PUT failed: metadata must be serializable to JSON.');
    }
    var length = native.utf8Encode(json).length;
    if (length > METADATA_MAX) {
        throw kvError('PUT', 413, 'Metadata length of ' + length + ' exceeds limit of ' + METADATA_MAX + '.');
    }
    return json;
}

function valueTooLarge(length) {
    return kvError('PUT', 413, 'Value length of ' + length + ' exceeds limit of ' + VALUE_MAX + '.');
}

/* A stream's bytes, read to the end (at most VALUE_MAX of them). */
function readStream(stream) {
    var Promise = global.Promise;
    var reader = stream.getReader(), chunks = [], total = 0;
    return new Promise(function (resolve, reject) {
        function step(result) {
            if (result.done) {
                resolve(native.concatBytes(chunks, total));
                return;
            }
            var chunk = result.value;
            if (!native.isBufferSource(chunk)) {
                var error = new TypeError('KV PUT failed: stream chunks must be ArrayBuffer or ArrayBufferView.');
                reader.cancel(error);
                reject(error);
                return;
            }
            chunk = native.toU8(chunk);
            total += chunk.length;
            if (total > VALUE_MAX) {
                var tooLarge = valueTooLarge(total);
                reader.cancel(tooLarge);
                reject(tooLarge);
                return;
            }
            chunks.push(chunk);
            reader.read().then(step, reject);
        }
        reader.read().then(step, reject);
    });
}

function putImpl(kv, key, value, options) {
    var Promise = global.Promise;
    var slot = slotOf(kv);
    key = checkKey('PUT', key);
    if (options === void 0 || options === null) {
        options = {};
    } else if (typeof options !== 'object') {
        throw new TypeError('Failed to execute \'put\' on \'KVNamespace\': options must be an object.');
    }
    var expiration = expirationOf(options);
    var metadata = metadataOf(options);
    var bytes;
    if (typeof value === 'string') {
        bytes = native.utf8Encode(value);
    } else if (native.isBufferSource(value)) {
        bytes = native.toU8(value);
    } else if (native.isReadableStream(value)) {
        return readStream(value).then(function (all) {
            native.kvPut(slot, key, all, metadata, expiration);
        });
    } else {
        throw new TypeError('KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.');
    }
    if (bytes.length > VALUE_MAX) {
        return Promise.reject(valueTooLarge(bytes.length));
    }
    try {
        native.kvPut(slot, key, bytes, metadata, expiration);
        return Promise.resolve(void 0);
    } catch (e) {
        return Promise.reject(e);
    }
}

function deleteImpl(kv, key) {
    var Promise = global.Promise;
    var slot = slotOf(kv);
    key = checkKey('DELETE', key);
    try {
        native.kvDelete(slot, key);
        return Promise.resolve(void 0);
    } catch (e) {
        return Promise.reject(e);
    }
}

function listImpl(kv, options) {
    var Promise = global.Promise;
    var slot = slotOf(kv);
    var prefix = '', limit = LIST_MAX, cursor = null;
    if (options !== void 0 && options !== null) {
        if (typeof options !== 'object') {
            throw new TypeError('Failed to execute \'list\' on \'KVNamespace\': options must be an object.');
        }
        if (options.prefix !== void 0 && options.prefix !== null) {
            prefix = String(options.prefix);
        }
        if (options.limit !== void 0 && options.limit !== null) {
            limit = toInteger(options.limit);
            if (!(limit === limit) || limit < 1) {
                throw kvError('GET', 400, 'Invalid key_count_limit of ' + options.limit +
                              '. Please specify an integer greater than 0.');
            }
            if (limit > LIST_MAX) {
                throw kvError('GET', 400, 'Invalid key_count_limit of ' + options.limit +
                              '. Please specify an integer less than ' + LIST_MAX + '.');
            }
        }
        if (options.cursor !== void 0 && options.cursor !== null && options.cursor !== '') {
            cursor = String(options.cursor);
            if (!/^(?:[0-9a-f]{2})+$/.test(cursor)) {
                throw kvError('GET', 400, 'Invalid cursor.');
            }
        }
    }
    try {
        var page = native.kvList(slot, prefix, limit, cursor);
        var names = page[0], metadata = page[1], expirations = page[2], keys = [];
        for (var i = 0; i < names.length; i++) {
            var k = { name: names[i] };
            if (expirations[i] > 0) {
                k.expiration = expirations[i];
            }
            if (metadata[i] !== null) {
                k.metadata = JSON.parse(metadata[i]);
            }
            keys.push(k);
        }
        var result = { keys: keys, list_complete: page[3] === null };
        if (page[3] !== null) {
            result.cursor = page[3];
        }
        result.cacheStatus = null;
        return Promise.resolve(result);
    } catch (e) {
        return Promise.reject(e);
    }
}

/* As in Workers, every failure, bad arguments included, rejects. */
function method(impl) {
    return function (a, b, c) {
        try {
            return impl(this, a, b, c);
        } catch (e) {
            return global.Promise.reject(e);
        }
    };
}

KVNamespace.prototype.get = method(getImpl);
KVNamespace.prototype.getWithMetadata = method(getWithMetadataImpl);
KVNamespace.prototype.put = method(putImpl);
KVNamespace.prototype['delete'] = method(deleteImpl);
KVNamespace.prototype.list = method(listImpl);

native.makeKV = function (binding) {
    var kv = Object.create(KVNamespace.prototype);
    Object.defineProperty(kv, KV_SLOT, { value: native.kvOpen(binding) });
    return kv;
};
