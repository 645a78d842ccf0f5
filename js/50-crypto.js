// SPDX-License-Identifier: MIT
/*
 * Web Crypto as Workers users know it: the global `crypto` (a Crypto with
 * getRandomValues, randomUUID, subtle and Cloudflare's DigestStream),
 * SubtleCrypto and CryptoKey. Algorithms here: SHA-1/256/384/512 (and MD5,
 * as Workers allow) digests; HMAC; AES-GCM, AES-CBC, AES-CTR and AES-KW;
 * PBKDF2 and HKDF; key wrapping with any of them. js/51-crypto-pk.js adds
 * the public-key algorithms through `native.crypto`. This file follows
 * the W3C Web Cryptography API's algorithm normalization and error order;
 * the bytes are handled by lib/api_crypto.c (OpenSSL, getrandom()), which
 * also keeps every key's material and internal state under hidden symbols
 * that script code cannot reach. Every SubtleCrypto method returns a
 * Promise (the global one, looked up at call time) and reports errors by
 * rejecting it, never by throwing.
 */
var CONSTRUCTING = {};
var RANDOM_MAX_BYTES = 65536;
var PBKDF2_MAX_ITERATIONS = 100000;
var KEY_USAGES = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
var KEY_FORMATS = ['raw', 'spki', 'pkcs8', 'jwk'];
var INTEGER_ARRAYS = {
    '[object Int8Array]': true, '[object Uint8Array]': true, '[object Uint8ClampedArray]': true,
    '[object Int16Array]': true, '[object Uint16Array]': true,
    '[object Int32Array]': true, '[object Uint32Array]': true,
    '[object BigInt64Array]': true, '[object BigUint64Array]': true
};
var HASHES = {
    'SHA-1': { blockBits: 512, bytes: 20, jwk: 'HS1' },
    'SHA-256': { blockBits: 512, bytes: 32, jwk: 'HS256' },
    'SHA-384': { blockBits: 1024, bytes: 48, jwk: 'HS384' },
    'SHA-512': { blockBits: 1024, bytes: 64, jwk: 'HS512' }
};
var AES_GCM_TAG_BITS = [32, 64, 96, 104, 112, 120, 128];
var B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
var toString = Object.prototype.toString;

/* ---- errors and conversions ---- */

function domError(name, message) {
    var Ctor = global.DOMException;
    if (typeof Ctor === 'function') {
        return new Ctor(message, name);
    }
    var e = new Error(message);
    e.name = name;
    return e;
}

function checkRandomLength(byteLength) {
    if (byteLength > RANDOM_MAX_BYTES) {
        throw domError('QuotaExceededError', 'getRandomValues: ' + byteLength +
            ' bytes requested, at most ' + RANDOM_MAX_BYTES + ' allowed');
    }
}

function requireBytes(value, what) {
    if (!native.isBufferSource(value)) {
        throw new TypeError(what + ' is not an ArrayBuffer or ArrayBufferView');
    }
    return native.toU8(value);
}

function requireMember(dict, member, algorithmName) {
    var value = dict[member];
    if (value === void 0) {
        throw new TypeError(algorithmName + ": required member '" + member + "' is missing");
    }
    return value;
}

/* WebIDL unsigned long / octet: ToNumber, truncated, modulo 2^bits. */
function toUnsigned(value, bits) {
    var n = Number(value);
    if (!isFinite(n)) {
        return 0;
    }
    n = (n < 0 ? -Math.floor(-n) : Math.floor(n)) % Math.pow(2, bits);
    return n < 0 ? n + Math.pow(2, bits) : n;
}

function toUsages(usages) {
    if (usages === null || typeof usages !== 'object' || typeof usages.length !== 'number') {
        throw new TypeError('keyUsages is not a sequence');
    }
    var seen = {}, i;
    for (i = 0; i < usages.length; i++) {
        var usage = String(usages[i]);
        if (KEY_USAGES.indexOf(usage) < 0) {
            throw new TypeError("'" + usage + "' is not a valid KeyUsage");
        }
        seen[usage] = true;
    }
    return KEY_USAGES.filter(function (u) { return seen[u] === true; });
}

function checkUsages(usages, allowed) {
    for (var i = 0; i < usages.length; i++) {
        if (allowed.indexOf(usages[i]) < 0) {
            throw domError('SyntaxError', "usage '" + usages[i] + "' is not valid for this key");
        }
    }
}

function toFormat(format) {
    format = String(format);
    if (KEY_FORMATS.indexOf(format) < 0) {
        throw new TypeError("'" + format + "' is not a valid KeyFormat");
    }
    return format;
}

function base64urlEncode(u8) {
    var out = '', i, n;
    for (i = 0; i < u8.length; i += 3) {
        n = (u8[i] << 16) | ((u8[i + 1] || 0) << 8) | (u8[i + 2] || 0);
        out += B64URL.charAt(n >> 18) + B64URL.charAt((n >> 12) & 63);
        if (i + 1 < u8.length) {
            out += B64URL.charAt((n >> 6) & 63);
        }
        if (i + 2 < u8.length) {
            out += B64URL.charAt(n & 63);
        }
    }
    return out;
}

function base64urlDecode(text) {
    if (typeof text !== 'string' || text.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(text)) {
        throw domError('DataError', 'JWK member is not base64url');
    }
    var out = new Uint8Array(Math.floor(text.length * 3 / 4));
    var bits = 0, nbits = 0, j = 0;
    for (var i = 0; i < text.length; i++) {
        bits = (bits << 6) | B64URL.indexOf(text.charAt(i));
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            out[j++] = (bits >> nbits) & 255;
        }
    }
    return out;
}

/* ---- algorithm normalization (WebCrypto section 18.4) ---- */

function hashParam(dict, name) {
    return normalize('hash', requireMember(dict, 'hash', name));
}

function hmacParams(dict, name) {
    var params = { name: name, hash: hashParam(dict, name) };
    if (dict.length !== void 0) {
        params.length = toUnsigned(dict.length, 32);
    }
    return params;
}

function aesLengthParams(dict, name) {
    return { name: name, length: toUnsigned(requireMember(dict, 'length', name), 16) };
}

function aesCbcParams(dict, name) {
    return { name: name, iv: requireBytes(requireMember(dict, 'iv', name), 'iv') };
}

function aesCtrParams(dict, name) {
    return {
        name: name,
        counter: requireBytes(requireMember(dict, 'counter', name), 'counter'),
        length: toUnsigned(requireMember(dict, 'length', name), 8)
    };
}

function aesGcmParams(dict, name) {
    var params = { name: name, iv: requireBytes(requireMember(dict, 'iv', name), 'iv'), tagLength: 128 };
    if (dict.additionalData !== void 0) {
        params.additionalData = requireBytes(dict.additionalData, 'additionalData');
    }
    if (dict.tagLength !== void 0) {
        params.tagLength = toUnsigned(dict.tagLength, 8);
    }
    return params;
}

function pbkdf2Params(dict, name) {
    return {
        name: name,
        salt: requireBytes(requireMember(dict, 'salt', name), 'salt'),
        iterations: toUnsigned(requireMember(dict, 'iterations', name), 32),
        hash: hashParam(dict, name)
    };
}

function hkdfParams(dict, name) {
    return {
        name: name,
        hash: hashParam(dict, name),
        salt: requireBytes(requireMember(dict, 'salt', name), 'salt'),
        info: requireBytes(requireMember(dict, 'info', name), 'info')
    };
}

function nameOnly(dict, name) {
    return { name: name };
}

var REGISTRY = {
    digest: { 'SHA-1': nameOnly, 'SHA-256': nameOnly, 'SHA-384': nameOnly, 'SHA-512': nameOnly, 'MD5': nameOnly },
    hash: { 'SHA-1': nameOnly, 'SHA-256': nameOnly, 'SHA-384': nameOnly, 'SHA-512': nameOnly },
    importKey: {
        'HMAC': hmacParams, 'AES-GCM': nameOnly, 'AES-CBC': nameOnly, 'AES-CTR': nameOnly, 'AES-KW': nameOnly,
        'PBKDF2': nameOnly, 'HKDF': nameOnly
    },
    exportKey: { 'HMAC': nameOnly, 'AES-GCM': nameOnly, 'AES-CBC': nameOnly, 'AES-CTR': nameOnly, 'AES-KW': nameOnly },
    generateKey: {
        'HMAC': hmacParams, 'AES-GCM': aesLengthParams, 'AES-CBC': aesLengthParams, 'AES-CTR': aesLengthParams,
        'AES-KW': aesLengthParams
    },
    sign: { 'HMAC': nameOnly },
    verify: { 'HMAC': nameOnly },
    encrypt: { 'AES-GCM': aesGcmParams, 'AES-CBC': aesCbcParams, 'AES-CTR': aesCtrParams },
    decrypt: { 'AES-GCM': aesGcmParams, 'AES-CBC': aesCbcParams, 'AES-CTR': aesCtrParams },
    wrapKey: { 'AES-KW': nameOnly },
    unwrapKey: { 'AES-KW': nameOnly },
    deriveBits: { 'PBKDF2': pbkdf2Params, 'HKDF': hkdfParams },
    'get key length': {
        'HMAC': hmacParams, 'AES-GCM': aesLengthParams, 'AES-CBC': aesLengthParams, 'AES-CTR': aesLengthParams,
        'AES-KW': aesLengthParams, 'PBKDF2': nameOnly, 'HKDF': nameOnly
    }
};

/* digest's algorithms by their registered spelling (null prototype: a
 * lookup is one property read). */
var DIGEST_NAMES = Object.create(null);
Object.keys(REGISTRY.digest).forEach(function (name) {
    DIGEST_NAMES[name] = name;
});

/* The registered spelling of every algorithm name, by its ASCII upper case
 * (names match case-insensitively). */
var REGISTERED_NAMES = {};
Object.keys(REGISTRY).forEach(function (op) {
    Object.keys(REGISTRY[op]).forEach(function (name) {
        REGISTERED_NAMES[name.toUpperCase()] = name;
    });
});

function asciiUpperCase(text) {
    for (var i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) > 0x7F) {
            return text.replace(/[a-z]+/g, function (letters) { return letters.toUpperCase(); });
        }
    }
    return text.toUpperCase(); /* the same for ASCII, without a regexp (the registry is built at start) */
}

/* Resolves an AlgorithmIdentifier for an operation ("hash" stands for the
 * hash member of other algorithms' parameters) to a dictionary holding the
 * registered name and the converted members. */
function normalize(op, algorithm) {
    var dict = algorithm;
    if (dict === null || (typeof dict !== 'object' && typeof dict !== 'function')) {
        dict = { name: String(algorithm) };
    }
    var name = asciiUpperCase(String(requireMember(dict, 'name', 'Algorithm')));
    var registered = REGISTERED_NAMES.hasOwnProperty(name) ? REGISTERED_NAMES[name] : void 0;
    var table = REGISTRY[op];
    if (registered !== void 0 && table.hasOwnProperty(registered)) {
        return table[registered](dict, registered);
    }
    throw domError('NotSupportedError', "algorithm '" + dict.name + "' is not supported for " + op);
}

/* Adds algorithm `name` to the registry of operation `op` with the
 * function that converts its parameters. */
function register(op, name, convert) {
    REGISTRY[op][name] = convert;
    REGISTERED_NAMES[asciiUpperCase(name)] = name;
}

/* ---- CryptoKey ---- */

function keyState(key) {
    var state = native.cryptoKeyState(key);
    if (state === void 0) {
        throw new TypeError('not a CryptoKey');
    }
    return state;
}

function exposedAlgorithm(algorithm) {
    var copy = { name: algorithm.name };
    if (algorithm.modulusLength !== void 0) {
        copy.modulusLength = algorithm.modulusLength;
        copy.publicExponent = new Uint8Array(algorithm.publicExponent);
    }
    if (algorithm.hash) {
        copy.hash = { name: algorithm.hash.name };
    }
    if (algorithm.length !== void 0) {
        copy.length = algorithm.length;
    }
    if (algorithm.namedCurve !== void 0) {
        copy.namedCurve = algorithm.namedCurve;
    }
    return copy;
}

function newKeyState(algorithm, extractable, usages, type) {
    return {
        type: type || 'secret',
        extractable: !!extractable,
        algorithm: algorithm,
        usages: usages,
        algorithmCached: exposedAlgorithm(algorithm),
        usagesCached: usages.slice()
    };
}

function importedKey(bytes, algorithm, extractable, usages) {
    var key = new CryptoKey(CONSTRUCTING);
    native.cryptoKeyInit(key, bytes, newKeyState(algorithm, extractable, usages));
    return key;
}

function generatedKey(byteLength, algorithm, extractable, usages) {
    var key = new CryptoKey(CONSTRUCTING);
    native.cryptoKeyGenerate(key, byteLength, newKeyState(algorithm, extractable, usages));
    return key;
}

function CryptoKey(token) {
    if (token !== CONSTRUCTING) {
        throw new TypeError('Illegal constructor');
    }
}

function defineGetters(proto, getters) {
    Object.keys(getters).forEach(function (name) {
        Object.defineProperty(proto, name, { get: getters[name], enumerable: true, configurable: true });
    });
}

defineGetters(CryptoKey.prototype, {
    type: function () { return keyState(this).type; },
    extractable: function () { return keyState(this).extractable; },
    algorithm: function () { return keyState(this).algorithmCached; },
    usages: function () { return keyState(this).usagesCached; }
});

/* ---- JWK helpers (RFC 7517, 7518) ---- */

function requireJwkObject(keyData) {
    if (keyData === null || typeof keyData !== 'object' || native.isBufferSource(keyData)) {
        throw new TypeError('keyData is not a JsonWebKey');
    }
    return keyData;
}

function jwkSecretBytes(jwk, usages, extractable, jwkAlg, jwkUse) {
    if (jwk.kty !== 'oct') {
        throw domError('DataError', "JWK 'kty' must be 'oct'");
    }
    if (typeof jwk.k !== 'string') {
        throw domError('DataError', "JWK 'k' is missing");
    }
    var bytes = base64urlDecode(jwk.k);
    if (jwk.alg !== void 0 && jwk.alg !== jwkAlg(bytes)) {
        throw domError('DataError', "JWK 'alg' does not match the algorithm");
    }
    if (usages.length > 0 && jwk.use !== void 0 && jwk.use !== jwkUse) {
        throw domError('DataError', "JWK 'use' does not match the usages");
    }
    if (jwk.key_ops !== void 0) {
        var ops = jwk.key_ops;
        if (!Array.isArray(ops) || ops.some(function (op, i) { return ops.indexOf(op) !== i; }) ||
                usages.some(function (u) { return ops.indexOf(u) < 0; })) {
            throw domError('DataError', "JWK 'key_ops' does not allow the usages");
        }
    }
    if (jwk.ext === false && extractable) {
        throw domError('DataError', 'JWK is not extractable');
    }
    return bytes;
}

function jwkExport(key, state, alg) {
    return {
        kty: 'oct',
        k: base64urlEncode(new Uint8Array(native.cryptoKeyExport(key))),
        alg: alg,
        key_ops: state.usages.slice(),
        ext: state.extractable
    };
}

/* ---- algorithms ---- */

var HMAC_USAGES = ['sign', 'verify'];
var AES_USAGES = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
var KDF_USAGES = ['deriveKey', 'deriveBits'];

function hmacKeyLength(params, dataBits) {
    if (params.length === void 0) {
        return dataBits;
    }
    if (params.length === 0 || params.length > dataBits || params.length <= dataBits - 8) {
        throw domError('DataError', 'HMAC length does not match the key data');
    }
    return params.length;
}

function hmacMac(key, state, data) {
    return native.cryptoHmac(state.algorithm.hash.name, key, data);
}

var HMAC = {
    importKey: function (format, keyData, params, extractable, usages) {
        checkUsages(usages, HMAC_USAGES);
        var hash = params.hash.name, bytes;
        if (format === 'raw') {
            bytes = keyData;
        } else if (format === 'jwk') {
            bytes = jwkSecretBytes(keyData, usages, extractable, function () {
                return HASHES[hash].jwk;
            }, 'sig');
        } else {
            throw domError('NotSupportedError', "HMAC keys cannot be imported as '" + format + "'");
        }
        if (bytes.length === 0) {
            throw domError('DataError', 'HMAC key data is empty');
        }
        var length = hmacKeyLength(params, bytes.length * 8);
        return importedKey(bytes, { name: 'HMAC', hash: { name: hash }, length: length }, extractable, usages);
    },
    exportKey: function (format, key, state) {
        if (format === 'raw') {
            return native.cryptoKeyExport(key);
        }
        if (format === 'jwk') {
            return jwkExport(key, state, HASHES[state.algorithm.hash.name].jwk);
        }
        throw domError('NotSupportedError', "HMAC keys cannot be exported as '" + format + "'");
    },
    generateKey: function (params, extractable, usages) {
        checkUsages(usages, HMAC_USAGES);
        var length = HMAC.getKeyLength(params);
        return generatedKey(Math.ceil(length / 8),
            { name: 'HMAC', hash: { name: params.hash.name }, length: length }, extractable, usages);
    },
    getKeyLength: function (params) {
        if (params.length === void 0) {
            return HASHES[params.hash.name].blockBits;
        }
        if (params.length === 0) {
            throw domError('OperationError', 'HMAC key length must not be zero');
        }
        return params.length;
    },
    sign: function (params, key, state, data) {
        return hmacMac(key, state, data);
    },
    verify: function (params, key, state, signature, data) {
        return native.cryptoEqual(new Uint8Array(hmacMac(key, state, data)), signature);
    }
};

function aesLength(bits, errorName) {
    if (bits !== 128 && bits !== 192 && bits !== 256) {
        throw domError(errorName, 'AES key length must be 128, 192 or 256 bits');
    }
    return bits;
}

function aesGcmTagBytes(params) {
    if (AES_GCM_TAG_BITS.indexOf(params.tagLength) < 0) {
        throw domError('OperationError', 'AES-GCM tagLength ' + params.tagLength + ' is not allowed');
    }
    return params.tagLength / 8;
}

function aesGcmCheckIv(params) {
    if (params.iv.length === 0) {
        throw domError('OperationError', 'AES-GCM iv must not be empty');
    }
}

function aesCbcCheckIv(params) {
    if (params.iv.length !== 16) {
        throw domError('OperationError', 'AES-CBC iv must be 16 bytes');
    }
}

function aesCtrCheck(params, data) {
    if (params.counter.length !== 16) {
        throw domError('OperationError', 'AES-CTR counter must be 16 bytes');
    }
    if (params.length === 0 || params.length > 128) {
        throw domError('OperationError', 'AES-CTR length must be between 1 and 128');
    }
    if (params.length < 32 && Math.ceil(data.length / 16) > Math.pow(2, params.length)) {
        throw domError('OperationError', 'AES-CTR message is longer than the counter allows');
    }
}

function aesCtr(params, key, state, data) {
    aesCtrCheck(params, data);
    return native.cryptoAesCtr(key, params.counter, params.length, data);
}

function aesUnwrapped(result, name) {
    if (result === null) {
        throw domError('OperationError', name + ' decryption failed');
    }
    return result;
}

/* The AES algorithms share key handling; `mode` is the JWK 'alg' suffix
 * and `usages` the usages their keys may have. */
function aesAlgorithm(name, mode, usages, operations) {
    var algorithm = {
        importKey: function (format, keyData, params, extractable, keyUsages) {
            checkUsages(keyUsages, usages);
            var bytes;
            if (format === 'raw') {
                bytes = keyData;
            } else if (format === 'jwk') {
                bytes = jwkSecretBytes(keyData, keyUsages, extractable, function (b) {
                    return 'A' + (b.length * 8) + mode;
                }, 'enc');
            } else {
                throw domError('NotSupportedError', "AES keys cannot be imported as '" + format + "'");
            }
            var length = aesLength(bytes.length * 8, 'DataError');
            return importedKey(bytes, { name: name, length: length }, extractable, keyUsages);
        },
        exportKey: function (format, key, state) {
            if (format === 'raw') {
                return native.cryptoKeyExport(key);
            }
            if (format === 'jwk') {
                return jwkExport(key, state, 'A' + state.algorithm.length + mode);
            }
            throw domError('NotSupportedError', "AES keys cannot be exported as '" + format + "'");
        },
        generateKey: function (params, extractable, keyUsages) {
            checkUsages(keyUsages, usages);
            var length = aesLength(params.length, 'OperationError');
            return generatedKey(length / 8, { name: name, length: length }, extractable, keyUsages);
        },
        getKeyLength: function (params) {
            return aesLength(params.length, 'OperationError');
        }
    };
    Object.keys(operations).forEach(function (op) {
        algorithm[op] = operations[op];
    });
    return algorithm;
}

var AES_GCM = aesAlgorithm('AES-GCM', 'GCM', AES_USAGES, {
    encrypt: function (params, key, state, data) {
        aesGcmCheckIv(params);
        return native.cryptoAesGcm(true, key, params.iv, params.additionalData || new Uint8Array(0),
            data, aesGcmTagBytes(params));
    },
    decrypt: function (params, key, state, data) {
        var tagBytes = aesGcmTagBytes(params);
        aesGcmCheckIv(params);
        if (data.length < tagBytes) {
            throw domError('OperationError', 'AES-GCM ciphertext is shorter than its tag');
        }
        return aesUnwrapped(native.cryptoAesGcm(false, key, params.iv,
            params.additionalData || new Uint8Array(0), data, tagBytes), 'AES-GCM');
    }
});

var AES_CBC = aesAlgorithm('AES-CBC', 'CBC', AES_USAGES, {
    encrypt: function (params, key, state, data) {
        aesCbcCheckIv(params);
        return native.cryptoAesCbc(true, key, params.iv, data);
    },
    decrypt: function (params, key, state, data) {
        aesCbcCheckIv(params);
        if (data.length === 0 || data.length % 16 !== 0) {
            throw domError('OperationError', 'AES-CBC ciphertext is not a whole number of blocks');
        }
        return aesUnwrapped(native.cryptoAesCbc(false, key, params.iv, data), 'AES-CBC');
    }
});

var AES_CTR = aesAlgorithm('AES-CTR', 'CTR', AES_USAGES, { encrypt: aesCtr, decrypt: aesCtr });

var AES_KW = aesAlgorithm('AES-KW', 'KW', ['wrapKey', 'unwrapKey'], {
    wrapKey: function (params, key, state, data) {
        if (data.length < 16 || data.length % 8 !== 0) {
            throw domError('OperationError', 'AES-KW wraps whole 8-byte blocks, at least two');
        }
        return native.cryptoAesKw(true, key, data);
    },
    unwrapKey: function (params, key, state, data) {
        if (data.length < 24 || data.length % 8 !== 0) {
            throw domError('OperationError', 'AES-KW wrapped data is not a whole number of 8-byte blocks');
        }
        return aesUnwrapped(native.cryptoAesKw(false, key, data), 'AES-KW');
    }
});

function kdfImportKey(name) {
    return function (format, keyData, params, extractable, usages) {
        if (format !== 'raw') {
            throw domError('NotSupportedError', name + " keys cannot be imported as '" + format + "'");
        }
        checkUsages(usages, KDF_USAGES);
        if (extractable) {
            throw domError('SyntaxError', name + ' keys cannot be extractable');
        }
        return importedKey(keyData, { name: name }, false, usages);
    };
}

function kdfByteLength(length) {
    if (length === null || length % 8 !== 0) {
        throw domError('OperationError', 'length must be a multiple of 8');
    }
    return length / 8;
}

var PBKDF2 = {
    importKey: kdfImportKey('PBKDF2'),
    getKeyLength: function () {
        return null;
    },
    deriveBits: function (params, key, state, length) {
        var byteLength = kdfByteLength(length);
        if (params.iterations === 0) {
            throw domError('OperationError', 'PBKDF2 iterations must not be zero');
        }
        if (params.iterations > PBKDF2_MAX_ITERATIONS) {
            throw domError('NotSupportedError', 'PBKDF2 iteration counts above ' +
                PBKDF2_MAX_ITERATIONS + ' are not supported');
        }
        return native.cryptoPbkdf2(params.hash.name, key, params.salt, params.iterations, byteLength);
    }
};

var HKDF = {
    importKey: kdfImportKey('HKDF'),
    getKeyLength: PBKDF2.getKeyLength,
    deriveBits: function (params, key, state, length) {
        var byteLength = kdfByteLength(length);
        var hash = HASHES[params.hash.name];
        if (!hash || byteLength > 255 * hash.bytes) {
            throw domError('OperationError', 'HKDF cannot derive ' + length + ' bits with this hash');
        }
        return native.cryptoHkdf(params.hash.name, key, params.salt, params.info, byteLength);
    }
};

var ALGORITHMS = {
    'HMAC': HMAC, 'AES-GCM': AES_GCM, 'AES-CBC': AES_CBC, 'AES-CTR': AES_CTR, 'AES-KW': AES_KW,
    'PBKDF2': PBKDF2, 'HKDF': HKDF
};

/* ---- SubtleCrypto ---- */

/* Runs work() when the promise is created; its result or exception
 * settles the promise. */
function promised(work) {
    var PromiseCtor = global.Promise;
    return new PromiseCtor(function (resolve) {
        resolve(work());
    });
}

/* digest's work, run by native.promiseCall (no closures: digests are hot,
 * e.g. ETags). An algorithm named by its registered spelling, as a string
 * or a dictionary's `name` string, skips the general normalization; the
 * C side takes any BufferSource as it is (no view made) and returns
 * undefined for anything else. */
function digestNow(algorithm, data) {
    var name = typeof algorithm === 'string' ? algorithm :
        algorithm !== null && typeof algorithm === 'object' ? algorithm.name : void 0;
    if (typeof name !== 'string' || DIGEST_NAMES[name] !== name) {
        name = normalize('digest', typeof algorithm === 'object' && algorithm !== null ? { name: name } : algorithm).name;
    }
    var hash = native.cryptoDigest(name, data);
    if (hash === void 0) {
        throw new TypeError('data is not an ArrayBuffer or ArrayBufferView');
    }
    return hash;
}

/* The key checks every operation on an existing key makes: its algorithm
 * is the requested one and its usages include the operation. */
function usableKey(key, params, usage) {
    var state = keyState(key);
    if (state.algorithm.name !== params.name) {
        throw domError('InvalidAccessError', "key is for '" + state.algorithm.name + "', not '" + params.name + "'");
    }
    if (state.usages.indexOf(usage) < 0) {
        throw domError('InvalidAccessError', "key usages do not include '" + usage + "'");
    }
    return state;
}

/* A new secret or private key must have a usage (a public key may have
 * none); for a CryptoKeyPair the private key is checked. */
function requireUsagesForSecret(result) {
    var state = keyState(result instanceof CryptoKey ? result : result.privateKey);
    if (state.type !== 'public' && state.usages.length === 0) {
        throw domError('SyntaxError', 'keyUsages must not be empty');
    }
    return result;
}

/* Normalizes a wrapping algorithm: its own wrapKey/unwrapKey operation
 * when it has one (AES-KW), otherwise its encrypt/decrypt. */
function normalizeWrap(op, fallback, algorithm) {
    try {
        return { params: normalize(op, algorithm), op: op };
    } catch (e) {
        if (e === null || typeof e !== 'object' || e.name !== 'NotSupportedError') {
            throw e;
        }
    }
    return { params: normalize(fallback, algorithm), op: fallback };
}

function exportKeyNow(format, key) {
    var state = keyState(key);
    if (!REGISTRY.exportKey.hasOwnProperty(state.algorithm.name)) {
        throw domError('NotSupportedError', state.algorithm.name + ' keys cannot be exported');
    }
    if (!state.extractable) {
        throw domError('InvalidAccessError', 'key is not extractable');
    }
    return ALGORITHMS[state.algorithm.name].exportKey(format, key, state);
}

function importKeyNow(format, data, params, extractable, usages) {
    return requireUsagesForSecret(ALGORITHMS[params.name].importKey(format, data, params, !!extractable, usages));
}

function importKeyData(format, keyData) {
    return format === 'jwk' ? requireJwkObject(keyData) : requireBytes(keyData, 'keyData');
}

function cipherOperation(usage) {
    return function (algorithm, key, data) {
        return promised(function () {
            var params = normalize(usage, algorithm);
            var bytes = requireBytes(data, 'data');
            var state = usableKey(key, params, usage);
            return ALGORITHMS[params.name][usage](params, key, state, bytes);
        });
    };
}

function SubtleCrypto(token) {
    if (token !== CONSTRUCTING) {
        throw new TypeError('Illegal constructor');
    }
}

SubtleCrypto.prototype = {
    constructor: SubtleCrypto,
    encrypt: cipherOperation('encrypt'),
    decrypt: cipherOperation('decrypt'),
    sign: cipherOperation('sign'),
    verify: function verify(algorithm, key, signature, data) {
        return promised(function () {
            var params = normalize('verify', algorithm);
            var sig = requireBytes(signature, 'signature');
            var bytes = requireBytes(data, 'data');
            var state = usableKey(key, params, 'verify');
            return ALGORITHMS[params.name].verify(params, key, state, sig, bytes);
        });
    },
    digest: function digest(algorithm, data) {
        return native.promiseCall(digestNow, algorithm, data);
    },
    generateKey: function generateKey(algorithm, extractable, keyUsages) {
        return promised(function () {
            var usages = toUsages(keyUsages);
            var params = normalize('generateKey', algorithm);
            return requireUsagesForSecret(ALGORITHMS[params.name].generateKey(params, !!extractable, usages));
        });
    },
    importKey: function importKey(format, keyData, algorithm, extractable, keyUsages) {
        return promised(function () {
            format = toFormat(format);
            var data = importKeyData(format, keyData);
            var usages = toUsages(keyUsages);
            var params = normalize('importKey', algorithm);
            return importKeyNow(format, data, params, extractable, usages);
        });
    },
    exportKey: function exportKey(format, key) {
        return promised(function () {
            format = toFormat(format);
            return exportKeyNow(format, key);
        });
    },
    deriveBits: function deriveBits(algorithm, baseKey, length) {
        return promised(function () {
            var params = normalize('deriveBits', algorithm);
            var bits = length === void 0 || length === null ? null : toUnsigned(length, 32);
            var state = usableKey(baseKey, params, 'deriveBits');
            return ALGORITHMS[params.name].deriveBits(params, baseKey, state, bits);
        });
    },
    deriveKey: function deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
        return promised(function () {
            var usages = toUsages(keyUsages);
            var params = normalize('deriveBits', algorithm);
            var importParams = normalize('importKey', derivedKeyType);
            var lengthParams = normalize('get key length', derivedKeyType);
            var state = usableKey(baseKey, params, 'deriveKey');
            var length = ALGORITHMS[lengthParams.name].getKeyLength(lengthParams);
            var secret = ALGORITHMS[params.name].deriveBits(params, baseKey, state, length);
            return importKeyNow('raw', new Uint8Array(secret), importParams, extractable, usages);
        });
    },
    wrapKey: function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
        return promised(function () {
            format = toFormat(format);
            var wrap = normalizeWrap('wrapKey', 'encrypt', wrapAlgorithm);
            var state = usableKey(wrappingKey, wrap.params, 'wrapKey');
            var exported = exportKeyNow(format, key);
            var bytes = format === 'jwk' ? new global.TextEncoder().encode(JSON.stringify(exported))
                : new Uint8Array(exported);
            return ALGORITHMS[wrap.params.name][wrap.op](wrap.params, wrappingKey, state, bytes);
        });
    },
    unwrapKey: function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm,
        extractable, keyUsages) {
        return promised(function () {
            format = toFormat(format);
            var wrapped = requireBytes(wrappedKey, 'wrappedKey');
            var usages = toUsages(keyUsages);
            var unwrap = normalizeWrap('unwrapKey', 'decrypt', unwrapAlgorithm);
            var params = normalize('importKey', unwrappedKeyAlgorithm);
            var state = usableKey(unwrappingKey, unwrap.params, 'unwrapKey');
            var bytes = new Uint8Array(ALGORITHMS[unwrap.params.name][unwrap.op](unwrap.params, unwrappingKey,
                state, wrapped));
            var data = bytes;
            if (format === 'jwk') {
                try {
                    data = JSON.parse(new global.TextDecoder('utf-8', { fatal: true }).decode(bytes));
                } catch (e) {
                    throw domError('DataError', 'unwrapped key is not JSON');
                }
                data = importKeyData(format, data);
            }
            return importKeyNow(format, data, params, extractable, usages);
        });
    },
    /* Cloudflare's extension: a synchronous constant-time comparison. */
    timingSafeEqual: function timingSafeEqual(a, b) {
        var x = requireBytes(a, 'a'), y = requireBytes(b, 'b');
        if (x.length !== y.length) {
            throw new TypeError('timingSafeEqual: inputs must have the same byte length');
        }
        return native.cryptoEqual(x, y);
    }
};

/* ---- DigestStream (Cloudflare): a WritableStream whose `digest` promise
 * resolves to the hash of everything written once it closes. ---- */

function DigestStream(algorithm) {
    var WritableStreamCtor = global.WritableStream;
    if (typeof WritableStreamCtor !== 'function') {
        throw new TypeError('DigestStream needs WritableStream');
    }
    var params = normalize('digest', algorithm);
    var digest = native.cryptoDigestCreate(params.name);
    var settle = {};
    var PromiseCtor = global.Promise;
    var result = new PromiseCtor(function (resolve, reject) {
        settle.resolve = resolve;
        settle.reject = reject;
    });
    var stream = new WritableStreamCtor({
        write: function (chunk) {
            try {
                native.cryptoDigestUpdate(digest, requireBytes(chunk, 'chunk'));
            } catch (e) {
                settle.reject(e);
                throw e;
            }
        },
        close: function () {
            settle.resolve(native.cryptoDigestFinish(digest));
        },
        abort: function (reason) {
            settle.reject(reason);
        }
    });
    if (Object.getPrototypeOf(DigestStream.prototype) !== WritableStreamCtor.prototype) {
        Object.setPrototypeOf(DigestStream.prototype, WritableStreamCtor.prototype);
    }
    Object.setPrototypeOf(stream, DigestStream.prototype);
    Object.defineProperty(stream, 'digest', { value: result, enumerable: true });
    return stream;
}

/* ---- Crypto ---- */

function Crypto(token) {
    if (token !== CONSTRUCTING) {
        throw new TypeError('Illegal constructor');
    }
}

var subtle = new SubtleCrypto(CONSTRUCTING);

Crypto.prototype = {
    constructor: Crypto,
    getRandomValues: function getRandomValues(array) {
        var words = native.bigIntArrayWords(array);
        if (words !== void 0) {
            checkRandomLength(words.byteLength);
            native.cryptoRandomFill(words);
            return array;
        }
        if (!ArrayBuffer.isView(array)) {
            throw new TypeError("getRandomValues: parameter 1 is not of type 'ArrayBufferView'");
        }
        if (!INTEGER_ARRAYS[toString.call(array)]) {
            throw domError('TypeMismatchError', 'getRandomValues: not an integer-type array');
        }
        checkRandomLength(array.byteLength);
        native.cryptoRandomFill(array);
        return array;
    },
    randomUUID: function randomUUID() {
        return native.cryptoRandomUUID();
    },
    DigestStream: DigestStream
};
Object.defineProperty(Crypto.prototype, 'subtle', {
    get: function () { return subtle; }, enumerable: true, configurable: true
});

[Crypto, SubtleCrypto, CryptoKey].forEach(function (Interface) {
    Object.defineProperty(Interface.prototype, Symbol.toStringTag, {
        value: Interface.name, configurable: true
    });
});

/* What js/51-crypto-pk.js builds its algorithms from. */
native.crypto = {
    CONSTRUCTING: CONSTRUCTING,
    CryptoKey: CryptoKey,
    register: register,
    ALGORITHMS: ALGORITHMS,
    HASHES: HASHES,
    domError: domError,
    requireBytes: requireBytes,
    requireMember: requireMember,
    toUnsigned: toUnsigned,
    checkUsages: checkUsages,
    keyState: keyState,
    newKeyState: newKeyState,
    exposedAlgorithm: exposedAlgorithm,
    hashParam: hashParam,
    nameOnly: nameOnly,
    normalize: normalize,
    base64urlEncode: base64urlEncode,
    base64urlDecode: base64urlDecode
};

native.defineGlobal('Crypto', Crypto);
native.defineGlobal('SubtleCrypto', SubtleCrypto);
native.defineGlobal('CryptoKey', CryptoKey);
native.defineGlobal('crypto', new Crypto(CONSTRUCTING));
