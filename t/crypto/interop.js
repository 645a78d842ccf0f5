// SPDX-License-Identifier: MIT
/*
 * fcworker's half of t/crypto-interop.t, run by t/jsrun with the harness:
 * imports what node made (DIR/node.json, DIR from FCW_INTEROP_DIR) and
 * checks that its signatures verify, its RSA-OAEP ciphertext decrypts, its
 * key agreements give node's secrets and its keys export back to the same
 * bytes; then makes keys, signatures, a ciphertext and key agreements of
 * its own and prints them on one "INTEROP {json}" line for node to check.
 */
var subtle = crypto.subtle;
var dir = env.FCW_INTEROP_DIR;
var nodeOut = JSON.parse(readFile(dir + '/node.json'));
var message = unb64(nodeOut.message);
var produced = { message: nodeOut.message, signers: {}, agreements: {} };

var SIGNERS = {
    RS256: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' },
             gen: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048,
                    publicExponent: new Uint8Array([1, 0, 1]) } },
    PS256: { key: { name: 'RSA-PSS', hash: 'SHA-256' }, sign: { name: 'RSA-PSS', saltLength: 32 },
             gen: { name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) } },
    ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
    ES384: { key: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } },
    ES512: { key: { name: 'ECDSA', namedCurve: 'P-521' }, sign: { name: 'ECDSA', hash: 'SHA-512' } },
    EdDSA: { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } }
};

function unb64(text) {
    var bin = atob(text), u8 = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
        u8[i] = bin.charCodeAt(i);
    }
    return u8;
}

function b64(buffer) {
    var u8 = new Uint8Array(buffer), bin = '';
    for (var i = 0; i < u8.length; i++) {
        bin += String.fromCharCode(u8[i]);
    }
    return btoa(bin);
}

function same(a, b) {
    a = new Uint8Array(a);
    b = new Uint8Array(b);
    if (a.length !== b.length) {
        return false;
    }
    for (var i = 0; i < a.length; i++) {
        if (a[i] !== b[i]) {
            return false;
        }
    }
    return true;
}

Object.keys(SIGNERS).forEach(function (name) {
    var s = SIGNERS[name], n = nodeOut.signers[name];
    test(name + ': node signature verifies (SPKI, JWK' + (n.raw ? ', raw' : '') + ')', function (t) {
        var imports = [
            subtle.importKey('spki', unb64(n.spki), s.key, true, ['verify']),
            subtle.importKey('jwk', n.jwk, s.key, true, ['verify'])
        ];
        if (n.raw) {
            imports.push(subtle.importKey('raw', unb64(n.raw), s.key, true, ['verify']));
        }
        return Promise.all(imports).then(function (keys) {
            return Promise.all(keys.map(function (key) {
                return subtle.verify(s.sign, key, unb64(n.signature), message);
            })).then(function (results) {
                results.forEach(function (r, i) { t.ok(r === true, 'import ' + i + ' verifies'); });
                var bad = unb64(n.signature);
                bad[bad.length >> 1] ^= 1;
                return subtle.verify(s.sign, keys[0], bad, message);
            }).then(function (r) {
                t.equal(r, false, 'a flipped bit does not verify');
                return subtle.exportKey('spki', keys[1]);
            }).then(function (spki) {
                t.ok(same(spki, unb64(n.spki)), 'a JWK import exports as node\'s SPKI');
                return subtle.exportKey('jwk', keys[0]);
            }).then(function (jwk) {
                t.equal(jwk.kty, n.jwk.kty, 'kty');
                ['n', 'e', 'x', 'y', 'crv'].forEach(function (m) {
                    t.equal(jwk[m], n.jwk[m], 'JWK member ' + m);
                });
            });
        });
    });
    test(name + ': node private keys import (PKCS #8, JWK) and sign', function (t) {
        return Promise.all([
            subtle.importKey('pkcs8', unb64(n.pkcs8), s.key, true, ['sign']),
            subtle.importKey('jwk', n.privateJwk, s.key, true, ['sign']),
            subtle.importKey('spki', unb64(n.spki), s.key, true, ['verify'])
        ]).then(function (keys) {
            return Promise.all([subtle.sign(s.sign, keys[0], message), subtle.sign(s.sign, keys[1], message),
                                subtle.exportKey('jwk', keys[0])]).then(function (r) {
                t.ok(r[2].d === n.privateJwk.d, 'PKCS #8 import exports node\'s private JWK d');
                return Promise.all([subtle.verify(s.sign, keys[2], r[0], message),
                                    subtle.verify(s.sign, keys[2], r[1], message)]);
            }).then(function (v) {
                t.ok(v[0] && v[1], 'signatures by both imports verify');
            });
        });
    });
    test(name + ': fcworker keys and signature for node', function (t) {
        var gen = s.gen || s.key, pair;
        return subtle.generateKey(gen, true, ['sign', 'verify']).then(function (p) {
            pair = p;
            t.equal(pair.publicKey.extractable, true, 'public key is extractable');
            return Promise.all([subtle.sign(s.sign, pair.privateKey, message),
                subtle.exportKey('spki', pair.publicKey), subtle.exportKey('pkcs8', pair.privateKey),
                subtle.exportKey('jwk', pair.publicKey), subtle.exportKey('jwk', pair.privateKey)]);
        }).then(function (r) {
            if (name.charAt(0) === 'E' && name !== 'EdDSA') {
                t.equal(r[0].byteLength, { ES256: 64, ES384: 96, ES512: 132 }[name], 'P1363 signature length');
            }
            produced.signers[name] = { signature: b64(r[0]), spki: b64(r[1]), pkcs8: b64(r[2]), jwk: r[3],
                                       privateJwk: r[4] };
            t.equal(r[3].d, undefined, 'public JWK has no d');
        });
    });
});

test('RSA-OAEP: node ciphertext decrypts; fcworker encrypts to node\'s key', function (t) {
    var alg = { name: 'RSA-OAEP', hash: 'SHA-256' }, o = nodeOut.oaep, label = unb64(o.label);
    return Promise.all([subtle.importKey('pkcs8', unb64(o.pkcs8), alg, false, ['decrypt']),
                        subtle.importKey('spki', unb64(o.spki), alg, true, ['encrypt'])]).then(function (keys) {
        return subtle.decrypt({ name: 'RSA-OAEP', label: label }, keys[0], unb64(o.ciphertext)).then(function (plain) {
            t.ok(same(plain, message), 'decrypts to the message');
            return subtle.decrypt({ name: 'RSA-OAEP', label: new Uint8Array(1) }, keys[0], unb64(o.ciphertext))
                .then(function () { t.ok(false, 'a wrong label decrypts'); },
                      function (e) { t.equal(e.name, 'OperationError', 'a wrong label is an OperationError'); });
        }).then(function () {
            return subtle.encrypt({ name: 'RSA-OAEP', label: label }, keys[1], message);
        }).then(function (c) {
            t.equal(c.byteLength, 256, 'ciphertext length');
            produced.oaep = { ciphertext: b64(c), label: o.label };
        });
    });
});

['ECDH', 'X25519'].forEach(function (name) {
    var alg = name === 'ECDH' ? { name: 'ECDH', namedCurve: 'P-256' } : { name: 'X25519' };
    test(name + ': node\'s shared secret; fcworker\'s half for node', function (t) {
        var a = nodeOut.agreements[name];
        return Promise.all([subtle.importKey('pkcs8', unb64(a.b.pkcs8), alg, false, ['deriveBits']),
                            subtle.importKey('spki', unb64(a.a.spki), alg, true, []),
                            subtle.importKey('jwk', a.a.jwk, alg, true, [])]).then(function (keys) {
            return Promise.all([subtle.deriveBits({ name: name, 'public': keys[1] }, keys[0], 256),
                                subtle.deriveBits({ name: name, 'public': keys[2] }, keys[0], null)]);
        }).then(function (bits) {
            t.ok(same(bits[0], unb64(a.secret)), 'deriveBits gives node\'s secret');
            t.ok(same(bits[1], unb64(a.secret)), 'deriveBits(null) gives the whole secret');
            return Promise.all([subtle.generateKey(alg, true, ['deriveBits']),
                                subtle.importKey('spki', unb64(a.a.spki), alg, true, [])]);
        }).then(function (r) {
            return Promise.all([subtle.deriveBits({ name: name, 'public': r[1] }, r[0].privateKey, 256),
                                subtle.exportKey('spki', r[0].publicKey)]);
        }).then(function (r) {
            produced.agreements[name] = { secret: b64(r[0]), spki: b64(r[1]) };
            t.equal(r[0].byteLength, 32, 'secret length');
        });
    });
});

test('output for node', function (t) {
    print('INTEROP ' + JSON.stringify(produced));
    t.ok(true, 'printed');
});
