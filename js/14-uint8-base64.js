// SPDX-License-Identifier: MIT
/*
 * Uint8Array's base64 and hex methods (ES2026, as V8 has them):
 * Uint8Array.fromBase64, Uint8Array.fromHex and the prototype's
 * toBase64, toHex, setFromBase64 and setFromHex. The options, the checks of
 * this and of the arguments (in the specification's order: an option's
 * getter may detach the buffer) and the results are here; the algorithms
 * on the bytes (ToBase64, FromBase64 with its alphabet, last-chunk handling
 * and maximum length, FromHex) are C (lib/api_encoding.c).
 */
'use strict';

var spec = native.spec;
var provide = spec.provide;
var typedArrayName = native.typedArrayName;
var base64Encode = native.base64Encode;
var hexEncode = native.hexEncode;
var base64Decode = native.base64Decode;
var hexDecode = native.hexDecode;

/* ValidateUint8Array */
function requireUint8Array(x, method) {
    if ((0, typedArrayName)(x) !== 'Uint8Array') {
        throw new TypeError('Uint8Array.prototype.' + method + ' called on an object that is not a Uint8Array');
    }
}

/* what GetUint8ArrayBytes and setFrom* refuse: a view of a detached buffer
 * (native.viewDetached, 14-newer-methods.js) */
var viewDetached = native.viewDetached;
function requireAttached(x, method) {
    if ((0, viewDetached)(x)) {
        throw new TypeError('Uint8Array.prototype.' + method + ': the ArrayBuffer is detached');
    }
}

function requireString(x, method) {
    if (typeof x !== 'string') {
        throw new TypeError(method + ': the input must be a string');
    }
}

/* GetOptionsObject */
function optionsObject(options, method) {
    if (options === void 0) {
        return null;
    }
    if (options === null || (typeof options !== 'object' && typeof options !== 'function')) {
        throw new TypeError(method + ': options must be an object');
    }
    return options;
}

/* whether the options ask for base64url */
function urlAlphabet(opts, method) {
    var alphabet = opts === null ? void 0 : opts.alphabet;
    if (alphabet === void 0 || alphabet === 'base64') {
        return false;
    }
    if (alphabet === 'base64url') {
        return true;
    }
    throw new TypeError(method + ': alphabet must be "base64" or "base64url"');
}

/* lastChunkHandling: 0 loose, 1 strict, 2 stop-before-partial */
function lastChunk(opts, method) {
    var handling = opts === null ? void 0 : opts.lastChunkHandling;
    if (handling === void 0 || handling === 'loose') {
        return 0;
    }
    if (handling === 'strict') {
        return 1;
    }
    if (handling === 'stop-before-partial') {
        return 2;
    }
    throw new TypeError(method + ': lastChunkHandling must be "loose", "strict" or "stop-before-partial"');
}

function decodeError(method, what) {
    return new SyntaxError(method + ': the input is not valid ' + what);
}

function toBase64(options) {
    requireUint8Array(this, 'toBase64');
    var opts = optionsObject(options, 'toBase64');
    var url = urlAlphabet(opts, 'toBase64');
    var omitPadding = opts === null ? false : !!opts.omitPadding;
    requireAttached(this, 'toBase64');
    return (0, base64Encode)(this, url, omitPadding);
}

function toHex() {
    requireUint8Array(this, 'toHex');
    requireAttached(this, 'toHex');
    return (0, hexEncode)(this);
}

function fromBase64(string, options) {
    requireString(string, 'Uint8Array.fromBase64');
    var opts = optionsObject(options, 'Uint8Array.fromBase64');
    var url = urlAlphabet(opts, 'Uint8Array.fromBase64');
    var last = lastChunk(opts, 'Uint8Array.fromBase64');
    var result = (0, base64Decode)(string, url, last, void 0);
    if (result[2]) {
        throw decodeError('Uint8Array.fromBase64', url ? 'base64url' : 'base64');
    }
    return result[3];
}

function fromHex(string) {
    requireString(string, 'Uint8Array.fromHex');
    if (string.length % 2 !== 0) {
        throw decodeError('Uint8Array.fromHex', 'hex (an odd number of digits)');
    }
    var result = (0, hexDecode)(string, void 0);
    if (result[2]) {
        throw decodeError('Uint8Array.fromHex', 'hex');
    }
    return result[3];
}

function setFromBase64(string, options) {
    requireUint8Array(this, 'setFromBase64');
    requireString(string, 'Uint8Array.prototype.setFromBase64');
    var opts = optionsObject(options, 'Uint8Array.prototype.setFromBase64');
    var url = urlAlphabet(opts, 'Uint8Array.prototype.setFromBase64');
    var last = lastChunk(opts, 'Uint8Array.prototype.setFromBase64');
    requireAttached(this, 'setFromBase64');
    /* the bytes decoded before an error are written too */
    var result = (0, base64Decode)(string, url, last, this);
    if (result[2]) {
        throw decodeError('Uint8Array.prototype.setFromBase64', url ? 'base64url' : 'base64');
    }
    return { read: result[0], written: result[1] };
}

function setFromHex(string) {
    requireUint8Array(this, 'setFromHex');
    requireString(string, 'Uint8Array.prototype.setFromHex');
    requireAttached(this, 'setFromHex');
    if (string.length % 2 !== 0) {
        throw decodeError('Uint8Array.prototype.setFromHex', 'hex (an odd number of digits)');
    }
    var result = (0, hexDecode)(string, this);
    if (result[2]) {
        throw decodeError('Uint8Array.prototype.setFromHex', 'hex');
    }
    return { read: result[0], written: result[1] };
}

provide(Uint8Array, [['fromBase64', fromBase64, 1], ['fromHex', fromHex, 1]]);
provide(Uint8Array.prototype, [['toBase64', toBase64, 0], ['toHex', toHex, 0],
    ['setFromBase64', setFromBase64, 1], ['setFromHex', setFromHex, 1]]);
