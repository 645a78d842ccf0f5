// SPDX-License-Identifier: MIT
/*
 * The public-key algorithms of Web Crypto, added to the registry of
 * js/50-crypto.js (through `native.crypto`): RSASSA-PKCS1-v1_5, RSA-PSS and
 * RSA-OAEP; ECDSA and ECDH on P-256, P-384 and P-521; Ed25519 and X25519.
 * Keys are imported and exported as SPKI, PKCS #8, JWK and (public EC and
 * curve keys) raw bytes, generated as CryptoKeyPairs whose public key is
 * always extractable. ECDSA signatures are IEEE P1363 (r || s), as WebCrypto
 * has them. The key material itself lives in lib/api_crypto_pk.c's hidden
 * slot of each CryptoKey; this file checks parameters, usages and JWK
 * members and names the errors as the W3C specification does.
 */
var C = native.crypto;
var domError = C.domError;
var CURVES = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
var RSA_JWK = {
    'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
    'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
    'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' }
};
var RSA_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
var RSA_MODULUS_MIN = 1024;
var RSA_MODULUS_MAX = 8192;

/* ---- parameters ---- */

function rsaHashedImportParams(dict, name) {
    return { name: name, hash: C.hashParam(dict, name) };
}

function rsaHashedKeyGenParams(dict, name) {
    var exponent = C.requireMember(dict, 'publicExponent', name);
    if (Object.prototype.toString.call(exponent) !== '[object Uint8Array]') {
        throw new TypeError(name + ': publicExponent is not a Uint8Array');
    }
    return {
        name: name,
        modulusLength: C.toUnsigned(C.requireMember(dict, 'modulusLength', name), 32),
        publicExponent: new Uint8Array(exponent),
        hash: C.hashParam(dict, name)
    };
}

function ecKeyParams(dict, name) {
    return { name: name, namedCurve: String(C.requireMember(dict, 'namedCurve', name)) };
}

function ecdsaParams(dict, name) {
    return { name: name, hash: C.hashParam(dict, name) };
}

function rsaPssParams(dict, name) {
    return { name: name, saltLength: C.toUnsigned(C.requireMember(dict, 'saltLength', name), 32) };
}

function rsaOaepParams(dict, name) {
    var params = { name: name };
    if (dict.label !== void 0) {
        params.label = C.requireBytes(dict.label, 'label');
    }
    return params;
}

function keyDeriveParams(dict, name) {
    var publicKey = C.requireMember(dict, 'public', name);
    if (!(publicKey instanceof C.CryptoKey)) {
        throw new TypeError(name + ": 'public' is not a CryptoKey");
    }
    return { name: name, 'public': publicKey };
}

function register(op, table) {
    Object.keys(table).forEach(function (name) {
        C.register(op, name, table[name]);
    });
}

var nameOnly = C.nameOnly;
register('importKey', {
    'RSASSA-PKCS1-v1_5': rsaHashedImportParams, 'RSA-PSS': rsaHashedImportParams,
    'RSA-OAEP': rsaHashedImportParams, 'ECDSA': ecKeyParams, 'ECDH': ecKeyParams,
    'Ed25519': nameOnly, 'X25519': nameOnly
});
register('exportKey', {
    'RSASSA-PKCS1-v1_5': nameOnly, 'RSA-PSS': nameOnly, 'RSA-OAEP': nameOnly,
    'ECDSA': nameOnly, 'ECDH': nameOnly, 'Ed25519': nameOnly, 'X25519': nameOnly
});
register('generateKey', {
    'RSASSA-PKCS1-v1_5': rsaHashedKeyGenParams, 'RSA-PSS': rsaHashedKeyGenParams,
    'RSA-OAEP': rsaHashedKeyGenParams, 'ECDSA': ecKeyParams, 'ECDH': ecKeyParams,
    'Ed25519': nameOnly, 'X25519': nameOnly
});
var SIGNATURE_PARAMS = {
    'RSASSA-PKCS1-v1_5': nameOnly, 'RSA-PSS': rsaPssParams, 'ECDSA': ecdsaParams, 'Ed25519': nameOnly
};
register('sign', SIGNATURE_PARAMS);
register('verify', SIGNATURE_PARAMS);
register('encrypt', { 'RSA-OAEP': rsaOaepParams });
register('decrypt', { 'RSA-OAEP': rsaOaepParams });
register('deriveBits', { 'ECDH': keyDeriveParams, 'X25519': keyDeriveParams });

/* ---- keys ---- */

function newKey(algorithm, extractable, usages, type) {
    var key = new C.CryptoKey(C.CONSTRUCTING);
    return { key: key, state: C.newKeyState(algorithm, extractable, usages, type) };
}

/* Completes a key's algorithm from what the native side found in its data
 * (modulus length, public exponent, curve). */
function finishKey(made, info) {
    var algorithm = made.state.algorithm;
    if (info.modulusLength !== void 0) {
        algorithm.modulusLength = info.modulusLength;
        algorithm.publicExponent = new Uint8Array(info.publicExponent);
    }
    made.state.algorithmCached = C.exposedAlgorithm(algorithm);
    return made.key;
}

function intersect(usages, allowed) {
    return usages.filter(function (u) { return allowed.indexOf(u) >= 0; });
}

function checkCurve(namedCurve) {
    if (!CURVES.hasOwnProperty(namedCurve)) {
        throw domError('NotSupportedError', "curve '" + namedCurve + "' is not supported");
    }
}

function jwkMembers(jwk, names, required) {
    var members = {};
    names.forEach(function (name) {
        if (jwk[name] !== void 0) {
            members[name] = C.base64urlDecode(jwk[name]);
        } else if (required.indexOf(name) >= 0) {
            throw domError('DataError', "JWK member '" + name + "' is missing");
        }
    });
    return members;
}

function jwkCommonChecks(jwk, kty, usages, extractable, use) {
    if (jwk.kty !== kty) {
        throw domError('DataError', "JWK 'kty' must be '" + kty + "'");
    }
    if (usages.length > 0 && jwk.use !== void 0 && jwk.use !== use) {
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
}

/* A public-key algorithm: `kind` its native key kind, `pub` and `priv` the
 * usages of its public and private keys, `jwk` how its keys read and write
 * JWKs and `ops` its operations. */
function pkAlgorithm(name, kind, pub, priv, jwk, ops) {
    var algorithm = {
        importKey: function (format, keyData, params, extractable, usages) {
            var isPrivate, made, info;
            if (kind === 'EC') {
                checkCurve(params.namedCurve);
            }
            if (format === 'jwk') {
                isPrivate = keyData.d !== void 0;
            } else if (format === 'pkcs8') {
                isPrivate = true;
            } else if (format === 'spki' || (format === 'raw' && kind !== 'RSA')) {
                isPrivate = false;
            } else {
                throw domError('NotSupportedError', name + " keys cannot be imported as '" + format + "'");
            }
            C.checkUsages(usages, isPrivate ? priv : pub);
            made = newKey(jwk.algorithm(params), isPrivate ? extractable : true, usages,
                isPrivate ? 'private' : 'public');
            if (format === 'jwk') {
                jwkCommonChecks(keyData, jwk.kty, usages, extractable, jwk.use);
                jwk.check(keyData, params);
                info = native.cryptoPkImportJwk(made.key, made.state, kind, params.namedCurve || '', isPrivate,
                    jwkMembers(keyData, jwk.members(isPrivate), jwk.required(isPrivate)));
            } else {
                info = native.cryptoPkImport(made.key, made.state, kind, format, keyData, params.namedCurve || '');
            }
            if (info === null) {
                throw domError('DataError', 'key data is not a valid ' + name + ' ' +
                    (isPrivate ? 'private' : 'public') + ' key');
            }
            if (kind === 'RSA' && info.modulusLength < 512) {
                throw domError('DataError', 'RSA modulus is too short');
            }
            return finishKey(made, info);
        },
        exportKey: function (format, key, state) {
            var isPrivate = state.type === 'private';
            if (format === 'jwk') {
                var out = { kty: jwk.kty }, members = native.cryptoPkExportJwk(key);
                jwk.describe(out, state.algorithm);
                Object.keys(members).forEach(function (m) {
                    out[m] = C.base64urlEncode(new Uint8Array(members[m]));
                });
                out.key_ops = state.usages.slice();
                out.ext = state.extractable;
                return out;
            }
            if (format === 'pkcs8' ? !isPrivate : isPrivate) {
                throw domError('InvalidAccessError', 'a ' + state.type + " key cannot be exported as '" + format + "'");
            }
            if (format === 'raw' && kind === 'RSA') {
                throw domError('NotSupportedError', "RSA keys cannot be exported as 'raw'");
            }
            return native.cryptoPkExport(key, format);
        },
        generateKey: function (params, extractable, usages) {
            var size = '', exponent;
            C.checkUsages(usages, pub.concat(priv));
            if (kind === 'RSA') {
                if (params.modulusLength < RSA_MODULUS_MIN || params.modulusLength > RSA_MODULUS_MAX ||
                        params.modulusLength % 8 !== 0) {
                    throw domError('OperationError', 'RSA modulusLength must be a multiple of 8 from ' +
                        RSA_MODULUS_MIN + ' to ' + RSA_MODULUS_MAX);
                }
                exponent = params.publicExponent;
                var start = 0;
                while (start < exponent.length && exponent[start] === 0) {
                    start++;
                }
                if (exponent.length - start === 0 || exponent.length - start > 8 ||
                        (exponent[exponent.length - 1] & 1) === 0 ||
                        (exponent.length - start === 1 && exponent[start] < 3)) {
                    throw domError('OperationError', 'RSA publicExponent must be odd and at least 3');
                }
                size = params.modulusLength;
                exponent = exponent.subarray(start);
            } else if (kind === 'EC') {
                checkCurve(params.namedCurve);
                size = params.namedCurve;
            }
            var algorithm = jwk.algorithm(params);
            var publicKey = newKey(algorithm, true, intersect(usages, pub), 'public');
            var privateKey = newKey(jwk.algorithm(params), extractable, intersect(usages, priv), 'private');
            var info = native.cryptoPkGenerate(kind, size, exponent || new Uint8Array(0),
                publicKey.key, publicKey.state, privateKey.key, privateKey.state);
            return { publicKey: finishKey(publicKey, info), privateKey: finishKey(privateKey, info) };
        }
    };
    Object.keys(ops).forEach(function (op) {
        algorithm[op] = ops[op];
    });
    return algorithm;
}

function signed(signature) {
    if (signature === null) {
        throw domError('OperationError', 'the signature could not be made with these parameters');
    }
    return signature;
}

function requireType(state, type) {
    if (state.type !== type) {
        throw domError('InvalidAccessError', 'the operation needs a ' + type + ' key');
    }
}

/* ---- RSA ---- */

function rsaJwk(name, use) {
    return {
        kty: 'RSA',
        use: use,
        algorithm: function (params) {
            return { name: name, hash: { name: params.hash.name } };
        },
        members: function (isPrivate) {
            return isPrivate ? RSA_MEMBERS : ['n', 'e'];
        },
        required: function (isPrivate) {
            /* OpenSSL keeps (and PKCS #8 encodes) private keys with their
             * CRT members, so a JWK without them is refused */
            return isPrivate ? RSA_MEMBERS : ['n', 'e'];
        },
        check: function (jwk, params) {
            if (jwk.alg !== void 0 && jwk.alg !== RSA_JWK[name][params.hash.name]) {
                throw domError('DataError', "JWK 'alg' does not match the algorithm");
            }
            if (jwk.oth !== void 0) {
                throw domError('NotSupportedError', 'RSA keys of more than two primes are not supported');
            }
            if (jwk.d !== void 0) {
                var crt = ['p', 'q', 'dp', 'dq', 'qi'].filter(function (m) { return jwk[m] !== void 0; });
                if (crt.length !== 0 && crt.length !== 5) {
                    throw domError('DataError', 'JWK has some of the RSA CRT members but not all');
                }
            }
        },
        describe: function (out, algorithm) {
            out.alg = RSA_JWK[name][algorithm.hash.name];
        }
    };
}

function rsaSigner(name, scheme) {
    function salt(params) {
        return scheme === 'pss' ? params.saltLength : 0;
    }
    return pkAlgorithm(name, 'RSA', ['verify'], ['sign'], rsaJwk(name, 'sig'), {
        sign: function (params, key, state, data) {
            requireType(state, 'private');
            return signed(native.cryptoPkSign(key, scheme, state.algorithm.hash.name, salt(params), data));
        },
        verify: function (params, key, state, signature, data) {
            requireType(state, 'public');
            return native.cryptoPkVerify(key, scheme, state.algorithm.hash.name, salt(params), signature, data);
        }
    });
}

function rsaOaep(encrypt) {
    return function (params, key, state, data) {
        requireType(state, encrypt ? 'public' : 'private');
        var result = native.cryptoRsaOaep(encrypt, key, state.algorithm.hash.name, params.label || new Uint8Array(0),
            data);
        if (result === null) {
            throw domError('OperationError', 'RSA-OAEP ' + (encrypt ? 'encryption' : 'decryption') + ' failed');
        }
        return result;
    };
}

var RSA_OAEP = pkAlgorithm('RSA-OAEP', 'RSA', ['encrypt', 'wrapKey'], ['decrypt', 'unwrapKey'],
    rsaJwk('RSA-OAEP', 'enc'), { encrypt: rsaOaep(true), decrypt: rsaOaep(false) });

/* ---- elliptic curves ---- */

function ecJwk(name, use) {
    return {
        kty: 'EC',
        use: use,
        algorithm: function (params) {
            return { name: name, namedCurve: params.namedCurve };
        },
        members: function (isPrivate) {
            return isPrivate ? ['x', 'y', 'd'] : ['x', 'y'];
        },
        required: function (isPrivate) {
            return this.members(isPrivate);
        },
        check: function (jwk, params) {
            if (jwk.crv !== params.namedCurve) {
                throw domError('DataError', "JWK 'crv' does not match the namedCurve");
            }
            if (name === 'ECDSA' && jwk.alg !== void 0 && jwk.alg !== CURVES[params.namedCurve]) {
                throw domError('DataError', "JWK 'alg' does not match the curve");
            }
        },
        describe: function (out, algorithm) {
            out.crv = algorithm.namedCurve;
            if (name === 'ECDSA') {
                out.alg = CURVES[algorithm.namedCurve];
            }
        }
    };
}

function okpJwk(name, use, alg) {
    return {
        kty: 'OKP',
        use: use,
        algorithm: function () {
            return { name: name };
        },
        members: function (isPrivate) {
            return isPrivate ? ['x', 'd'] : ['x'];
        },
        required: function (isPrivate) {
            return this.members(isPrivate);
        },
        check: function (jwk) {
            if (jwk.crv !== name) {
                throw domError('DataError', "JWK 'crv' must be '" + name + "'");
            }
            if (alg !== void 0 && jwk.alg !== void 0 && jwk.alg !== alg && jwk.alg !== name) {
                throw domError('DataError', "JWK 'alg' does not match the algorithm");
            }
        },
        describe: function (out) {
            out.crv = name;
            if (alg !== void 0) {
                out.alg = alg;
            }
        }
    };
}

var ECDSA = pkAlgorithm('ECDSA', 'EC', ['verify'], ['sign'], ecJwk('ECDSA', 'sig'), {
    sign: function (params, key, state, data) {
        requireType(state, 'private');
        return native.cryptoPkSign(key, 'ecdsa', params.hash.name, 0, data);
    },
    verify: function (params, key, state, signature, data) {
        requireType(state, 'public');
        return native.cryptoPkVerify(key, 'ecdsa', params.hash.name, 0, signature, data);
    }
});

var ED25519 = pkAlgorithm('Ed25519', 'Ed25519', ['verify'], ['sign'], okpJwk('Ed25519', 'sig', 'EdDSA'), {
    sign: function (params, key, state, data) {
        requireType(state, 'private');
        return native.cryptoPkSign(key, 'eddsa', '', 0, data);
    },
    verify: function (params, key, state, signature, data) {
        requireType(state, 'public');
        return native.cryptoPkVerify(key, 'eddsa', '', 0, signature, data);
    }
});

/* ECDH and X25519 deriveBits: the shared secret, cut to `length` bits
 * (all of it when length is null). */
function deriveShared(params, key, state, length) {
    var peer = C.keyState(params['public']);
    requireType(state, 'private');
    if (peer.type !== 'public') {
        throw domError('InvalidAccessError', "'public' is not a public key");
    }
    if (peer.algorithm.name !== state.algorithm.name || peer.algorithm.namedCurve !== state.algorithm.namedCurve) {
        throw domError('InvalidAccessError', "'public' is a key of another algorithm or curve");
    }
    var secret = native.cryptoPkDerive(key, params['public']);
    if (secret === null) {
        throw domError('OperationError', 'no shared secret can be derived from these keys');
    }
    if (length === null) {
        return secret;
    }
    if (length > secret.byteLength * 8) {
        throw domError('OperationError', 'length is longer than the shared secret');
    }
    var out = new Uint8Array(secret.slice(0, Math.ceil(length / 8)));
    if (length % 8 !== 0) {
        out[out.length - 1] &= (0xff << (8 - length % 8)) & 0xff;
    }
    return out.buffer;
}

var ECDH = pkAlgorithm('ECDH', 'EC', [], ['deriveKey', 'deriveBits'], ecJwk('ECDH', 'enc'),
    { deriveBits: deriveShared });
var X25519 = pkAlgorithm('X25519', 'X25519', [], ['deriveKey', 'deriveBits'], okpJwk('X25519', 'enc'),
    { deriveBits: deriveShared });

C.ALGORITHMS['RSASSA-PKCS1-v1_5'] = rsaSigner('RSASSA-PKCS1-v1_5', 'pkcs1');
C.ALGORITHMS['RSA-PSS'] = rsaSigner('RSA-PSS', 'pss');
C.ALGORITHMS['RSA-OAEP'] = RSA_OAEP;
C.ALGORITHMS['ECDSA'] = ECDSA;
C.ALGORITHMS['ECDH'] = ECDH;
C.ALGORITHMS['Ed25519'] = ED25519;
C.ALGORITHMS['X25519'] = X25519;
