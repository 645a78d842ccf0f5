// SPDX-License-Identifier: MIT
/*
 * Web Crypto: crypto.getRandomValues and randomUUID (WebCrypto section 10),
 * SubtleCrypto against published known-answer vectors (FIPS 180-4 "abc"
 * digests, RFC 2202 HMAC-SHA-1, RFC 4231 HMAC-SHA-256/512, the GCM
 * specification's test cases as used by NIST, RFC 6070 PBKDF2, RFC 5869
 * HKDF, SP 800-38A AES-CBC/CTR, RFC 3394 AES-KW, RFC 8032 Ed25519, RFC
 * 7748 X25519), RSA, ECDSA and ECDH round trips, key wrapping, key
 * import/export rules and the DOMException names the spec gives for each
 * error, plus Cloudflare's timingSafeEqual and DigestStream. Interop with
 * another implementation is t/crypto-interop.t's.
 */
var subtle = crypto.subtle;

function hex(buffer) {
    var u8 = new Uint8Array(buffer), out = '';
    for (var i = 0; i < u8.length; i++) {
        out += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
    }
    return out;
}

function fromHex(text) {
    var u8 = new Uint8Array(text.length / 2);
    for (var i = 0; i < u8.length; i++) {
        u8[i] = parseInt(text.substr(i * 2, 2), 16);
    }
    return u8;
}

function ascii(text) {
    var u8 = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
        u8[i] = text.charCodeAt(i);
    }
    return u8;
}

function copyOf(u8) {
    var copy = new Uint8Array(u8.length);
    copy.set(u8);
    return copy;
}

function repeated(byte, count) {
    var u8 = new Uint8Array(count);
    for (var i = 0; i < count; i++) {
        u8[i] = byte;
    }
    return u8;
}

/* Expects promise to reject with an error whose name is `name`. */
function rejectsWith(t, promise, name, msg) {
    return promise.then(function () {
        t.ok(false, msg + ': expected ' + name + ', but it resolved');
    }, function (e) {
        t.equal(e && e.name, name, msg);
    });
}

function hmacKey(keyBytes, hash, usages) {
    return subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: hash }, true, usages || ['sign', 'verify']);
}

function aesKey(hexKey, usages) {
    return subtle.importKey('raw', fromHex(hexKey), 'AES-GCM', true, usages || ['encrypt', 'decrypt']);
}

/* ---- getRandomValues / randomUUID ---- */

test('getRandomValues fills in place and returns the same array', function (t) {
    var a = new Uint8Array(64);
    var r = crypto.getRandomValues(a);
    t.equal(r, a, 'returns its argument');
    t.equal(a.length, 64, 'length preserved');
    var nonZero = 0;
    for (var i = 0; i < a.length; i++) {
        nonZero += a[i] !== 0 ? 1 : 0;
    }
    t.ok(nonZero > 32, '64 random bytes are mostly non-zero (' + nonZero + ')');
});

test('getRandomValues: two calls differ', function (t) {
    var a = crypto.getRandomValues(new Uint32Array(8));
    var b = crypto.getRandomValues(new Uint32Array(8));
    t.notEqual(hex(a.buffer), hex(b.buffer), 'two 256-bit draws differ');
});

test('getRandomValues accepts every integer view and fills only the view', function (t) {
    var buffer = new ArrayBuffer(16);
    var view = new Int16Array(buffer, 4, 2);
    crypto.getRandomValues(view);
    var whole = new Uint8Array(buffer);
    t.equal(hex(whole.subarray(0, 4)) + hex(whole.subarray(8)), '000000000000000000000000',
        'bytes outside the view untouched');
    t.equal(crypto.getRandomValues(new Int32Array(3)).length, 3, 'Int32Array');
    t.equal(crypto.getRandomValues(new Uint8ClampedArray(5)).length, 5, 'Uint8ClampedArray');
    t.equal(crypto.getRandomValues(new Uint8Array(65536)).byteLength, 65536, '65536 bytes allowed');
});

test('getRandomValues rejects non-integer arrays and oversized requests', function (t) {
    function nameOf(fn) {
        try {
            fn();
        } catch (e) {
            return e.name;
        }
        return 'no exception';
    }
    t.equal(nameOf(function () { crypto.getRandomValues(new Float64Array(2)); }), 'TypeMismatchError', 'Float64Array');
    t.equal(nameOf(function () { crypto.getRandomValues(new Float32Array(2)); }), 'TypeMismatchError', 'Float32Array');
    t.equal(nameOf(function () { crypto.getRandomValues(new DataView(new ArrayBuffer(4))); }), 'TypeMismatchError', 'DataView');
    t.throws(function () { crypto.getRandomValues(new ArrayBuffer(4)); }, TypeError, 'ArrayBuffer is a TypeError');
    t.throws(function () { crypto.getRandomValues([1, 2, 3]); }, TypeError, 'Array is a TypeError');
    t.equal(nameOf(function () { crypto.getRandomValues(new Uint8Array(65537)); }), 'QuotaExceededError', '65537 bytes');
    t.equal(nameOf(function () { crypto.getRandomValues(new Uint32Array(16385)); }), 'QuotaExceededError', '16385 words');
});

test('randomUUID is a lowercase version 4 UUID', function (t) {
    var a = crypto.randomUUID(), b = crypto.randomUUID();
    t.ok(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a), a);
    t.notEqual(a, b, 'two UUIDs differ');
});

/* ---- digest ---- */

test('digest: FIPS 180 "abc" vectors', function (t) {
    var abc = ascii('abc');
    return Promise.all([
        subtle.digest('SHA-1', abc),
        subtle.digest('SHA-256', abc),
        subtle.digest({ name: 'SHA-384' }, abc),
        subtle.digest('sha-512', abc)
    ]).then(function (d) {
        t.equal(hex(d[0]), 'a9993e364706816aba3e25717850c26c9cd0d89d', 'SHA-1');
        t.equal(hex(d[1]), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'SHA-256');
        t.equal(hex(d[2]), 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163' +
            '1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7', 'SHA-384 (dictionary form)');
        t.equal(hex(d[3]), 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
            '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f', 'SHA-512 (name is case-insensitive)');
        t.ok(d[1] instanceof ArrayBuffer, 'result is an ArrayBuffer');
    });
});

test('digest: empty input, two-block input and every BufferSource kind', function (t) {
    var msg = ascii('xxabcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopqxx');
    var inner = new Uint8Array(msg.buffer, 2, msg.length - 4);
    var want = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';
    return Promise.all([
        subtle.digest('SHA-256', new ArrayBuffer(0)),
        subtle.digest('SHA-256', inner),
        subtle.digest('SHA-256', new DataView(msg.buffer, 2, msg.length - 4)),
        subtle.digest('SHA-256', copyOf(inner).buffer)
    ]).then(function (d) {
        t.equal(hex(d[0]), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'empty');
        t.equal(hex(d[1]), want, 'Uint8Array with an offset');
        t.equal(hex(d[2]), want, 'DataView');
        t.equal(hex(d[3]), want, 'ArrayBuffer');
    });
});

test('digest: MD5, as Workers allow (RFC 1321 "abc")', function (t) {
    return subtle.digest('MD5', ascii('abc')).then(function (d) {
        t.equal(hex(d), '900150983cd24fb0d6963f7d28e17f72', 'MD5');
    });
});

test('digest: errors reject, never throw', function (t) {
    var p = subtle.digest('SHA-0', ascii('x'));
    t.ok(p && typeof p.then === 'function', 'unknown algorithm still returns a promise');
    return Promise.all([
        rejectsWith(t, p, 'NotSupportedError', 'unknown hash'),
        rejectsWith(t, subtle.digest({}, ascii('x')), 'TypeError', 'algorithm without name'),
        rejectsWith(t, subtle.digest('SHA-256', 'abc'), 'TypeError', 'string data'),
        rejectsWith(t, subtle.digest('HMAC', ascii('x')), 'NotSupportedError', 'HMAC is not a digest')
    ]);
});

test('digest: the name is read once, data errors, and the result comes in a later job', function (t) {
    var reads = 0;
    var algorithm = {};
    Object.defineProperty(algorithm, 'name', { get: function () { reads++; return 'sHa-1'; } });
    var order = [];
    var p = subtle.digest(algorithm, ascii('abc')).then(function (d) {
        order.push('digest');
        t.equal(hex(d), 'a9993e364706816aba3e25717850c26c9cd0d89d', 'a getter name, any case');
    });
    order.push('sync');
    t.equal(reads, 1, "the algorithm's name is read once");
    return Promise.all([
        p,
        rejectsWith(t, subtle.digest({ name: 'SHA-256' }, null), 'TypeError', 'null data'),
        rejectsWith(t, subtle.digest('SHA-256', [1, 2]), 'TypeError', 'array data'),
        rejectsWith(t, subtle.digest({ name: 'SHA-9' }, 42), 'NotSupportedError', 'the algorithm is checked first'),
        rejectsWith(t, subtle.digest(new String('SHA-1'), ascii('abc')), 'TypeError', 'a String object has no name')
    ]).then(function () {
        t.equal(order.join(','), 'sync,digest', 'resolved in a later job');
    });
});

/* ---- HMAC ---- */

function hmacCase(t, keyBytes, data, hash, want, label) {
    return hmacKey(keyBytes, hash).then(function (key) {
        return subtle.sign('HMAC', key, data);
    }).then(function (mac) {
        t.equal(hex(mac), want, label);
    });
}

test('HMAC-SHA-1: RFC 2202 test cases 1-3', function (t) {
    return Promise.all([
        hmacCase(t, repeated(0x0b, 20), ascii('Hi There'), 'SHA-1',
            'b617318655057264e28bc0b6fb378c8ef146be00', 'case 1'),
        hmacCase(t, ascii('Jefe'), ascii('what do ya want for nothing?'), 'SHA-1',
            'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79', 'case 2'),
        hmacCase(t, repeated(0xaa, 20), repeated(0xdd, 50), 'SHA-1',
            '125d7342b9ac11cd91a39af48aa17b4f63f175d3', 'case 3')
    ]);
});

test('HMAC-SHA-256/512: RFC 4231 test cases 1, 2, 3 and 6', function (t) {
    var big = ascii('Test Using Larger Than Block-Size Key - Hash Key First');
    return Promise.all([
        hmacCase(t, repeated(0x0b, 20), ascii('Hi There'), 'SHA-256',
            'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7', '256 case 1'),
        hmacCase(t, ascii('Jefe'), ascii('what do ya want for nothing?'), { name: 'SHA-256' },
            '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', '256 case 2'),
        hmacCase(t, repeated(0xaa, 20), repeated(0xdd, 50), 'SHA-256',
            '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe', '256 case 3'),
        hmacCase(t, repeated(0xaa, 131), big, 'SHA-256',
            '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54', '256 case 6'),
        hmacCase(t, repeated(0x0b, 20), ascii('Hi There'), 'SHA-512',
            '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
            'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854', '512 case 1'),
        hmacCase(t, ascii('Jefe'), ascii('what do ya want for nothing?'), 'SHA-512',
            '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554' +
            '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737', '512 case 2'),
        hmacCase(t, repeated(0xaa, 131), big, 'SHA-512',
            '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352' +
            '6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598', '512 case 6')
    ]);
});

test('HMAC verify: right MAC, tampered MAC, wrong length', function (t) {
    var data = ascii('Hi There');
    var mac = fromHex('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    return hmacKey(repeated(0x0b, 20), 'SHA-256').then(function (key) {
        var bad = copyOf(mac);
        bad[31] ^= 1;
        return Promise.all([
            subtle.verify('HMAC', key, mac, data),
            subtle.verify('HMAC', key, bad, data),
            subtle.verify({ name: 'HMAC' }, key, mac.subarray(0, 16), data)
        ]);
    }).then(function (r) {
        t.equal(r[0], true, 'RFC 4231 MAC verifies');
        t.equal(r[1], false, 'one flipped bit fails');
        t.equal(r[2], false, 'truncated MAC fails');
    });
});

test('HMAC key: CryptoKey attributes, hidden material', function (t) {
    return subtle.importKey('raw', repeated(1, 20), { name: 'hmac', hash: 'sha-256' }, false, ['verify', 'sign', 'sign'])
        .then(function (key) {
            t.ok(key instanceof CryptoKey, 'a CryptoKey');
            t.equal(key.type, 'secret', 'type');
            t.equal(key.extractable, false, 'extractable');
            t.deepEqual(key.algorithm, { name: 'HMAC', hash: { name: 'SHA-256' }, length: 160 },
                'algorithm: canonical names, length in bits of the key data');
            t.equal(key.usages.length, 2, 'usages without duplicates');
            t.ok(key.usages.indexOf('sign') >= 0 && key.usages.indexOf('verify') >= 0, 'usages');
            t.equal(Object.getOwnPropertyNames(key).length + Object.getOwnPropertySymbols(key).length, 0,
                'no own properties or symbols');
            t.equal(Object.prototype.toString.call(key), '[object CryptoKey]', 'class string');
            t.ok(subtle instanceof SubtleCrypto && crypto instanceof Crypto, 'interface objects are exposed');
            key.algorithm.name = 'AES-GCM';
            return subtle.sign('HMAC', key, ascii('x'));
        }).then(function (mac) {
            t.equal(mac.byteLength, 32, 'mutating key.algorithm does not change the key');
            t.throws(function () { return new CryptoKey(); }, TypeError, 'CryptoKey is not constructible');
        });
});

test('HMAC: raw and JWK export round trip', function (t) {
    var jwk = { kty: 'oct', k: 'AQIDBAUGBwgJCgsMDQ4PEBESExQ', alg: 'HS512', ext: true };
    return subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-512' }, true, ['sign']).then(function (key) {
        t.equal(key.algorithm.length, 160, 'length from the decoded k');
        return Promise.all([subtle.exportKey('raw', key), subtle.exportKey('jwk', key)]);
    }).then(function (r) {
        t.equal(hex(r[0]), '0102030405060708090a0b0c0d0e0f1011121314', 'raw export');
        t.equal(r[1].kty, 'oct', 'jwk kty');
        t.equal(r[1].k, jwk.k, 'jwk k is base64url without padding');
        t.equal(r[1].alg, 'HS512', 'jwk alg');
        t.deepEqual(r[1].key_ops, ['sign'], 'jwk key_ops');
        t.equal(r[1].ext, true, 'jwk ext');
    });
});

test('HMAC generateKey: default length is the hash block size', function (t) {
    return subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign', 'verify']).then(function (key) {
        t.equal(key.algorithm.length, 1024, 'SHA-512 block size');
        return subtle.exportKey('raw', key);
    }).then(function (raw) {
        t.equal(raw.byteLength, 128, '128 random bytes');
    });
});

test('HMAC import and use errors', function (t) {
    var k = repeated(7, 32);
    var hmac = { name: 'HMAC', hash: 'SHA-256' };
    return hmacKey(k, 'SHA-256', ['verify']).then(function (verifyOnly) {
        return Promise.all([
            rejectsWith(t, subtle.importKey('raw', k, hmac, true, ['encrypt']), 'SyntaxError', 'encrypt usage'),
            rejectsWith(t, subtle.importKey('raw', k, hmac, true, []), 'SyntaxError', 'empty usages'),
            rejectsWith(t, subtle.importKey('raw', k, hmac, true, ['sing']), 'TypeError', 'not a KeyUsage'),
            rejectsWith(t, subtle.importKey('raw', new Uint8Array(0), hmac, true, ['sign']), 'DataError', 'empty key'),
            rejectsWith(t, subtle.importKey('raw', k, { name: 'HMAC' }, true, ['sign']), 'TypeError', 'no hash'),
            rejectsWith(t, subtle.importKey('raw', k, { name: 'HMAC', hash: 'SHA-255' }, true, ['sign']),
                'NotSupportedError', 'unknown hash'),
            rejectsWith(t, subtle.importKey('raw', k, { name: 'HMAC', hash: 'SHA-256', length: 257 }, true, ['sign']),
                'DataError', 'length longer than the data'),
            rejectsWith(t, subtle.importKey('spki', k, hmac, true, ['sign']), 'NotSupportedError', 'spki'),
            rejectsWith(t, subtle.importKey('pem', k, hmac, true, ['sign']), 'TypeError', 'not a KeyFormat'),
            rejectsWith(t, subtle.importKey('jwk', { kty: 'RSA', k: 'AQID' }, hmac, true, ['sign']), 'DataError', 'kty'),
            rejectsWith(t, subtle.importKey('jwk', { kty: 'oct', k: 'AQID', alg: 'HS1' }, hmac, true, ['sign']),
                'DataError', 'alg does not match the hash'),
            rejectsWith(t, subtle.importKey('jwk', { kty: 'oct', k: 'AQID', ext: false }, hmac, true, ['sign']),
                'DataError', 'ext false but extractable'),
            rejectsWith(t, subtle.sign('HMAC', verifyOnly, ascii('x')), 'InvalidAccessError', 'sign without sign usage'),
            rejectsWith(t, subtle.sign('HMAC', {}, ascii('x')), 'TypeError', 'not a CryptoKey'),
            rejectsWith(t, subtle.sign('RSASSA-PKCS1-v1_5', verifyOnly, ascii('x')), 'InvalidAccessError', 'RSA algorithm on an HMAC key'),
            rejectsWith(t, subtle.importKey('raw', k, { name: 'HMAC', hash: 'MD5' }, true, ['sign']),
                'NotSupportedError', 'MD5 is not a registered HMAC hash'),
            subtle.importKey('raw', k, hmac, false, ['sign']).then(function (key) {
                return rejectsWith(t, subtle.exportKey('raw', key), 'InvalidAccessError', 'export non-extractable');
            })
        ]);
    });
});

/* ---- AES-GCM (test cases of McGrew & Viega, "The Galois/Counter Mode") ---- */

var GCM_KEY = 'feffe9928665731c6d6a8f9467308308';
var GCM_IV = 'cafebabefacedbaddecaf888';
var GCM_PLAIN = 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
    '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255';
var GCM_CIPHER = '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e' +
    '21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985';

test('AES-GCM encrypt: GCM test cases 2, 3, 4 and 14', function (t) {
    var aad = fromHex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    return Promise.all([aesKey('00000000000000000000000000000000'), aesKey(GCM_KEY),
        aesKey('0000000000000000000000000000000000000000000000000000000000000000')]).then(function (keys) {
        return Promise.all([
            subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, keys[0], new Uint8Array(16)),
            subtle.encrypt({ name: 'AES-GCM', iv: fromHex(GCM_IV) }, keys[1], fromHex(GCM_PLAIN)),
            subtle.encrypt({ name: 'aes-gcm', iv: fromHex(GCM_IV), additionalData: aad }, keys[1],
                fromHex(GCM_PLAIN).subarray(0, 60)),
            subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, keys[2], new Uint8Array(16))
        ]);
    }).then(function (c) {
        t.equal(hex(c[0]), '0388dace60b6a392f328c2b971b2fe78' + 'ab6e47d42cec13bdf53a67b21257bddf', 'case 2');
        t.equal(hex(c[1]), GCM_CIPHER + '4d5c2af327cd64a62cf35abd2ba6fab4', 'case 3');
        t.equal(hex(c[2]), GCM_CIPHER.substr(0, 120) + '5bc94fbc3221a5db94fae95ae7121a47', 'case 4 (with AAD)');
        t.equal(hex(c[3]), 'cea7403d4d606b6e074ec5d3baf39d18' + 'd0d1c8a799996bf0265b98b5d48ab919', 'case 14 (256-bit)');
    });
});

test('AES-GCM decrypt, tag length and authentication failures', function (t) {
    var iv = fromHex(GCM_IV);
    return aesKey(GCM_KEY).then(function (key) {
        var sealed = fromHex(GCM_CIPHER + '4d5c2af327cd64a62cf35abd2ba6fab4');
        var tampered = copyOf(sealed);
        tampered[3] ^= 0x80;
        return Promise.all([
            subtle.decrypt({ name: 'AES-GCM', iv: iv }, key, sealed).then(function (plain) {
                t.equal(hex(plain), GCM_PLAIN, 'case 3 decrypts');
            }),
            subtle.encrypt({ name: 'AES-GCM', iv: iv, tagLength: 96 }, key, ascii('hello')).then(function (c) {
                t.equal(c.byteLength, 5 + 12, '96-bit tag appended');
                return subtle.decrypt({ name: 'AES-GCM', iv: iv, tagLength: 96 }, key, c);
            }).then(function (plain) {
                t.equal(hex(plain), hex(ascii('hello')), 'round trip with a 96-bit tag');
            }),
            rejectsWith(t, subtle.decrypt({ name: 'AES-GCM', iv: iv }, key, tampered), 'OperationError', 'tampered'),
            rejectsWith(t, subtle.decrypt({ name: 'AES-GCM', iv: iv }, key, new Uint8Array(8)), 'OperationError',
                'shorter than the tag'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-GCM', iv: iv, tagLength: 100 }, key, ascii('x')),
                'OperationError', 'tagLength 100'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-GCM' }, key, ascii('x')), 'TypeError', 'iv missing'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(0) }, key, ascii('x')),
                'OperationError', 'empty iv'),
            rejectsWith(t, subtle.sign('HMAC', key, ascii('x')), 'InvalidAccessError', 'AES key used for HMAC')
        ]);
    });
});

test('AES-GCM keys: import, export, generate', function (t) {
    return Promise.all([
        rejectsWith(t, subtle.importKey('raw', new Uint8Array(17), 'AES-GCM', true, ['encrypt']), 'DataError', '136-bit key'),
        rejectsWith(t, subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', true, ['sign']), 'SyntaxError', 'sign usage'),
        rejectsWith(t, subtle.generateKey({ name: 'AES-GCM', length: 64 }, true, ['encrypt']), 'OperationError', '64 bits'),
        subtle.importKey('jwk', { kty: 'oct', k: 'AAAAAAAAAAAAAAAAAAAAAA', alg: 'A128GCM' }, { name: 'AES-GCM' }, true,
            ['decrypt']).then(function (key) {
            t.deepEqual(key.algorithm, { name: 'AES-GCM', length: 128 }, 'JWK import');
        }),
        subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']).then(function (key) {
            return subtle.exportKey('jwk', key);
        }).then(function (jwk) {
            t.equal(jwk.alg, 'A256GCM', 'generated key exports as A256GCM');
            t.equal(jwk.k.length, 43, '32 bytes of base64url');
        })
    ]);
});

/* ---- PBKDF2 (RFC 6070) and HKDF (RFC 5869) ---- */

function pbkdf2(password, params, length) {
    return subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']).then(function (key) {
        return subtle.deriveBits(params, key, length);
    });
}

test('PBKDF2-HMAC-SHA-1: RFC 6070 vectors', function (t) {
    var salt = ascii('salt');
    return Promise.all([
        pbkdf2(ascii('password'), { name: 'PBKDF2', salt: salt, iterations: 1, hash: 'SHA-1' }, 160),
        pbkdf2(ascii('password'), { name: 'PBKDF2', salt: salt, iterations: 2, hash: 'SHA-1' }, 160),
        pbkdf2(ascii('password'), { name: 'PBKDF2', salt: salt, iterations: 4096, hash: 'SHA-1' }, 160),
        pbkdf2(ascii('passwordPASSWORDpassword'), { name: 'PBKDF2', hash: 'SHA-1', iterations: 4096,
            salt: ascii('saltSALTsaltSALTsaltSALTsaltSALTsalt') }, 200)
    ]).then(function (r) {
        t.equal(hex(r[0]), '0c60c80f961f0e71f3a9b524af6012062fe037a6', 'c=1');
        t.equal(hex(r[1]), 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957', 'c=2');
        t.equal(hex(r[2]), '4b007901b765489abead49d926f721d065a429c1', 'c=4096');
        t.equal(hex(r[3]), '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038', 'c=4096, 25 bytes');
    });
});

test('PBKDF2 errors and deriveKey', function (t) {
    var params = { name: 'PBKDF2', salt: ascii('salt'), iterations: 1, hash: 'SHA-1' };
    return Promise.all([
        rejectsWith(t, subtle.importKey('raw', ascii('pw'), 'PBKDF2', true, ['deriveBits']), 'SyntaxError', 'extractable'),
        rejectsWith(t, subtle.importKey('jwk', { kty: 'oct', k: 'AQ' }, 'PBKDF2', false, ['deriveBits']),
            'NotSupportedError', 'jwk format'),
        rejectsWith(t, pbkdf2(ascii('pw'), params, 12), 'OperationError', 'length not a multiple of 8'),
        rejectsWith(t, pbkdf2(ascii('pw'), { name: 'PBKDF2', salt: ascii('s'), iterations: 0, hash: 'SHA-1' }, 128),
            'OperationError', 'zero iterations'),
        subtle.importKey('raw', ascii('password'), 'PBKDF2', false, ['deriveKey']).then(function (base) {
            return Promise.all([
                rejectsWith(t, subtle.exportKey('raw', base), 'NotSupportedError', 'PBKDF2 keys cannot be exported'),
                rejectsWith(t, subtle.deriveBits(params, base, 160), 'InvalidAccessError', 'no deriveBits usage'),
                subtle.deriveKey(params, base, { name: 'HMAC', hash: 'SHA-1', length: 160 }, true, ['sign'])
                    .then(function (key) {
                        t.deepEqual(key.algorithm, { name: 'HMAC', hash: { name: 'SHA-1' }, length: 160 }, 'derived HMAC key');
                        return subtle.exportKey('raw', key);
                    }).then(function (raw) {
                        t.equal(hex(raw), '0c60c80f961f0e71f3a9b524af6012062fe037a6', 'derived key bytes are RFC 6070 c=1');
                    })
            ]);
        })
    ]);
});

test('HKDF-SHA-256: RFC 5869 test case 1', function (t) {
    return subtle.importKey('raw', repeated(0x0b, 22), 'HKDF', false, ['deriveBits']).then(function (key) {
        return subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: fromHex('000102030405060708090a0b0c'),
            info: fromHex('f0f1f2f3f4f5f6f7f8f9') }, key, 42 * 8);
    }).then(function (okm) {
        t.equal(hex(okm), '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865', 'OKM');
    });
});

/* ---- AES-CBC, AES-CTR, AES-KW ---- */

function b64url(hexText) {
    var u8 = fromHex(hexText), bin = '';
    for (var i = 0; i < u8.length; i++) {
        bin += String.fromCharCode(u8[i]);
    }
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

var SP800_38A_KEY = '2b7e151628aed2a6abf7158809cf4f3c';
var SP800_38A_PLAIN = '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51';

test('AES-CBC: SP 800-38A F.2.1 with PKCS#7 padding, padding errors', function (t) {
    var iv = fromHex('000102030405060708090a0b0c0d0e0f'), key;
    return subtle.importKey('raw', fromHex(SP800_38A_KEY), 'AES-CBC', true, ['encrypt', 'decrypt']).then(function (k) {
        key = k;
        return subtle.encrypt({ name: 'AES-CBC', iv: iv }, key, fromHex(SP800_38A_PLAIN));
    }).then(function (c) {
        t.equal(hex(c).slice(0, 64), '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2', 'blocks 1-2');
        t.equal(c.byteLength, 48, 'a whole block of padding');
        return subtle.decrypt({ name: 'AES-CBC', iv: iv }, key, c);
    }).then(function (p) {
        t.equal(hex(p), SP800_38A_PLAIN, 'decrypts');
        return subtle.encrypt({ name: 'AES-CBC', iv: iv }, key, new Uint8Array(0));
    }).then(function (c) {
        t.equal(c.byteLength, 16, 'empty plaintext is one block of padding');
        return Promise.all([
            rejectsWith(t, subtle.decrypt({ name: 'AES-CBC', iv: iv }, key, fromHex(SP800_38A_PLAIN)),
                'OperationError', 'bad padding'),
            rejectsWith(t, subtle.decrypt({ name: 'AES-CBC', iv: iv }, key, new Uint8Array(15)),
                'OperationError', 'not whole blocks'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(12) }, key, new Uint8Array(1)),
                'OperationError', '12-byte iv'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-CBC' }, key, new Uint8Array(1)), 'TypeError', 'iv missing'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, new Uint8Array(1)),
                'InvalidAccessError', 'AES-GCM with an AES-CBC key')
        ]);
    });
});

test('AES-CTR: SP 800-38A F.5.1, counter wrap in the low bits, length limits', function (t) {
    var counter = fromHex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), key;
    var wrapAt = fromHex('000102030405060708090a0b0c0d0eff'), wrapped = fromHex('000102030405060708090a0b0c0d0e00');
    return subtle.importKey('raw', fromHex(SP800_38A_KEY), 'AES-CTR', false, ['encrypt', 'decrypt']).then(function (k) {
        key = k;
        return Promise.all([
            subtle.encrypt({ name: 'AES-CTR', counter: counter, length: 128 }, key, fromHex(SP800_38A_PLAIN)),
            subtle.encrypt({ name: 'AES-CTR', counter: counter, length: 64 }, key, fromHex(SP800_38A_PLAIN)),
            subtle.encrypt({ name: 'AES-CTR', counter: wrapAt, length: 8 }, key, new Uint8Array(32)),
            subtle.encrypt({ name: 'AES-CTR', counter: wrapped, length: 8 }, key, new Uint8Array(16)),
            subtle.encrypt({ name: 'AES-CTR', counter: wrapAt, length: 128 }, key, new Uint8Array(32))
        ]);
    }).then(function (r) {
        t.equal(hex(r[0]), '874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff', 'F.5.1');
        t.equal(hex(r[1]), hex(r[0]), 'length 64: no wrap, same output');
        t.equal(hex(r[2]).slice(32), hex(r[3]), 'length 8: the counter byte wraps to 00 without carrying');
        t.notEqual(hex(r[4]).slice(32), hex(r[3]), 'length 128: it carries');
        return subtle.decrypt({ name: 'AES-CTR', counter: counter, length: 128 }, key, r[0]);
    }).then(function (p) {
        t.equal(hex(p), SP800_38A_PLAIN, 'decrypts');
        return Promise.all([
            subtle.encrypt({ name: 'AES-CTR', counter: counter, length: 1 }, key, new Uint8Array(32)).then(function (c) {
                t.equal(c.byteLength, 32, 'length 1 allows two blocks');
            }),
            rejectsWith(t, subtle.encrypt({ name: 'AES-CTR', counter: counter, length: 1 }, key, new Uint8Array(33)),
                'OperationError', 'length 1: three blocks'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-CTR', counter: counter, length: 0 }, key, new Uint8Array(1)),
                'OperationError', 'length 0'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-CTR', counter: counter, length: 129 }, key, new Uint8Array(1)),
                'OperationError', 'length 129'),
            rejectsWith(t, subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(8), length: 64 }, key,
                new Uint8Array(1)), 'OperationError', '8-byte counter'),
            rejectsWith(t, subtle.exportKey('raw', key), 'InvalidAccessError', 'not extractable')
        ]);
    });
});

test('AES-KW: RFC 3394 4.1 through wrapKey/unwrapKey; integrity and usage errors', function (t) {
    var kek, key;
    return Promise.all([
        subtle.importKey('raw', fromHex('000102030405060708090a0b0c0d0e0f'), 'AES-KW', false, ['wrapKey', 'unwrapKey']),
        subtle.importKey('raw', fromHex('00112233445566778899aabbccddeeff'), 'AES-GCM', true, ['encrypt'])
    ]).then(function (keys) {
        kek = keys[0];
        key = keys[1];
        t.equal(kek.algorithm.length, 128, 'KEK length');
        return subtle.wrapKey('raw', key, kek, 'AES-KW');
    }).then(function (w) {
        t.equal(hex(w), '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5', 'wrapped key');
        var bad = new Uint8Array(new Uint8Array(w));
        bad[3] ^= 1;
        return Promise.all([
            subtle.unwrapKey('raw', w, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']).then(function (k) {
                t.equal(k.algorithm.name, 'AES-GCM', 'unwraps to an AES-GCM key');
                return subtle.exportKey('raw', k);
            }).then(function (raw) {
                t.equal(hex(raw), '00112233445566778899aabbccddeeff', 'the same bytes');
            }),
            rejectsWith(t, subtle.unwrapKey('raw', bad, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']),
                'OperationError', 'a changed byte fails the integrity check'),
            rejectsWith(t, subtle.encrypt('AES-KW', kek, new Uint8Array(16)), 'NotSupportedError', 'AES-KW has no encrypt'),
            rejectsWith(t, subtle.importKey('raw', new Uint8Array(16), 'AES-KW', false, ['encrypt']),
                'SyntaxError', 'encrypt usage on an AES-KW key'),
            rejectsWith(t, subtle.wrapKey('jwk', key, kek, 'AES-KW'), 'OperationError',
                'a JWK whose JSON is not a multiple of 8 bytes')
        ]);
    });
});

test('wrapKey/unwrapKey: JWK with AES-GCM, PKCS #8 with RSA-OAEP, errors', function (t) {
    var gcm, hmac, pair;
    var iv = new Uint8Array(12);
    return Promise.all([
        subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']),
        subtle.importKey('raw', ascii('key bytes'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']),
        subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
            hash: 'SHA-256' }, true, ['wrapKey', 'unwrapKey'])
    ]).then(function (r) {
        gcm = r[0];
        hmac = r[1];
        pair = r[2];
        t.deepEqual(pair.publicKey.usages, ['wrapKey'], 'public key: wrapKey');
        t.deepEqual(pair.privateKey.usages, ['unwrapKey'], 'private key: unwrapKey');
        return subtle.wrapKey('jwk', hmac, gcm, { name: 'AES-GCM', iv: iv });
    }).then(function (w) {
        return subtle.unwrapKey('jwk', w, gcm, { name: 'AES-GCM', iv: iv }, { name: 'HMAC', hash: 'SHA-256' },
            false, ['sign']);
    }).then(function (k) {
        t.equal(k.extractable, false, 'unwrapped as asked');
        return Promise.all([subtle.sign('HMAC', k, ascii('m')), subtle.sign('HMAC', hmac, ascii('m'))]);
    }).then(function (macs) {
        t.equal(hex(macs[0]), hex(macs[1]), 'the unwrapped HMAC key signs like the original');
        return subtle.wrapKey('raw', hmac, pair.publicKey, { name: 'RSA-OAEP' });
    }).then(function (w) {
        t.equal(w.byteLength, 128, 'RSA-OAEP wrapped');
        return subtle.unwrapKey('raw', w, pair.privateKey, { name: 'RSA-OAEP' }, { name: 'HMAC', hash: 'SHA-256' },
            true, ['sign']);
    }).then(function (k) {
        return subtle.exportKey('raw', k);
    }).then(function (raw) {
        t.equal(hex(raw), hex(ascii('key bytes')), 'RSA-OAEP round trip');
        return subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    }).then(function (ec) {
        return subtle.wrapKey('pkcs8', ec.privateKey, gcm, { name: 'AES-GCM', iv: iv }).then(function (w) {
            return subtle.unwrapKey('pkcs8', w, gcm, { name: 'AES-GCM', iv: iv },
                { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
        }).then(function (k) {
            t.equal(k.type, 'private', 'a PKCS #8 ECDSA key unwraps');
            return Promise.all([
                rejectsWith(t, subtle.wrapKey('raw', hmac, hmac, 'HMAC'), 'NotSupportedError', 'HMAC cannot wrap'),
                rejectsWith(t, subtle.wrapKey('raw', gcm, pair.publicKey, { name: 'RSA-OAEP' }),
                    'InvalidAccessError', 'wrapping a key that is not extractable'),
                rejectsWith(t, subtle.unwrapKey('jwk', new Uint8Array(32), gcm, { name: 'AES-GCM', iv: iv },
                    'AES-GCM', true, ['encrypt']), 'OperationError', 'garbage does not authenticate'),
                rejectsWith(t, subtle.wrapKey('raw', hmac, ec.publicKey, { name: 'RSA-OAEP' }),
                    'InvalidAccessError', 'an ECDSA key cannot wrap with RSA-OAEP')
            ]);
        });
    });
});

/* ---- public-key algorithms ---- */

var RSA_GEN = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256' };

test('RSA: generateKey gives a CryptoKeyPair with the algorithm exposed', function (t) {
    return subtle.generateKey(RSA_GEN, false, ['sign', 'verify']).then(function (pair) {
        t.ok(pair.publicKey instanceof CryptoKey && pair.privateKey instanceof CryptoKey, 'two CryptoKeys');
        t.equal(pair.publicKey.type, 'public');
        t.equal(pair.privateKey.type, 'private');
        t.equal(pair.publicKey.extractable, true, 'the public key is extractable');
        t.equal(pair.privateKey.extractable, false, 'the private key as asked');
        t.deepEqual(pair.publicKey.usages, ['verify']);
        t.deepEqual(pair.privateKey.usages, ['sign']);
        var alg = pair.privateKey.algorithm;
        t.equal(alg.name, 'RSASSA-PKCS1-v1_5');
        t.equal(alg.modulusLength, 1024);
        t.equal(alg.hash.name, 'SHA-256');
        t.ok(alg.publicExponent instanceof Uint8Array && hex(alg.publicExponent) === '010001', 'publicExponent');
        t.equal(Object.getOwnPropertyNames(pair.privateKey).length, 0, 'no own properties (material is hidden)');
        t.equal(JSON.stringify(pair.privateKey), '{}', 'nothing in JSON');
        return Promise.all([
            rejectsWith(t, subtle.exportKey('pkcs8', pair.privateKey), 'InvalidAccessError', 'not extractable'),
            rejectsWith(t, subtle.exportKey('spki', pair.privateKey), 'InvalidAccessError', 'spki of a private key'),
            rejectsWith(t, subtle.exportKey('pkcs8', pair.publicKey), 'InvalidAccessError', 'pkcs8 of a public key'),
            rejectsWith(t, subtle.exportKey('raw', pair.publicKey), 'NotSupportedError', 'raw RSA'),
            rejectsWith(t, subtle.sign('RSASSA-PKCS1-v1_5', pair.publicKey, ascii('x')), 'InvalidAccessError',
                'sign with the public key'),
            rejectsWith(t, subtle.sign('RSA-PSS', pair.privateKey, ascii('x')), 'TypeError', 'RSA-PSS needs saltLength'),
            rejectsWith(t, subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pair.privateKey, ascii('x')),
                'InvalidAccessError', 'RSA-PSS with a PKCS1 key')
        ]);
    });
});

test('RSA generateKey and import errors', function (t) {
    function gen(changes, usages) {
        var alg = {}, k;
        for (k in RSA_GEN) {
            alg[k] = RSA_GEN[k];
        }
        for (k in changes) {
            alg[k] = changes[k];
        }
        return subtle.generateKey(alg, true, usages || ['sign', 'verify']);
    }
    var rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return Promise.all([
        rejectsWith(t, gen({ modulusLength: 512 }), 'OperationError', 'modulusLength 512'),
        rejectsWith(t, gen({ modulusLength: 1028 }), 'OperationError', 'modulusLength not a multiple of 8'),
        rejectsWith(t, gen({ publicExponent: new Uint8Array([1, 0, 0]) }), 'OperationError', 'even exponent'),
        rejectsWith(t, gen({ publicExponent: new Uint8Array([1]) }), 'OperationError', 'exponent 1'),
        rejectsWith(t, gen({ publicExponent: [1, 0, 1] }), 'TypeError', 'exponent not a Uint8Array'),
        rejectsWith(t, gen({ hash: undefined }), 'TypeError', 'hash missing'),
        rejectsWith(t, gen({}, ['encrypt']), 'SyntaxError', 'encrypt usage'),
        rejectsWith(t, gen({}, ['verify']), 'SyntaxError', 'no usage for the private key'),
        rejectsWith(t, subtle.importKey('spki', new Uint8Array(40), rsa, true, ['verify']), 'DataError', 'garbage SPKI'),
        rejectsWith(t, subtle.importKey('pkcs8', new Uint8Array(40), rsa, true, ['sign']), 'DataError', 'garbage PKCS8'),
        rejectsWith(t, subtle.importKey('raw', new Uint8Array(40), rsa, true, ['verify']), 'NotSupportedError', 'raw RSA'),
        rejectsWith(t, subtle.importKey('jwk', { kty: 'RSA', n: 'AQAB' }, rsa, true, ['verify']), 'DataError',
            'JWK without e'),
        rejectsWith(t, subtle.importKey('jwk', { kty: 'EC', n: 'AQAB', e: 'AQAB' }, rsa, true, ['verify']),
            'DataError', 'JWK kty EC'),
        gen({}).then(function (pair) {
            return subtle.exportKey('jwk', pair.privateKey).then(function (jwk) {
                t.equal(jwk.alg, 'RS256', 'JWK alg');
                t.deepEqual(jwk.key_ops, ['sign'], 'JWK key_ops');
                var noCrt = { kty: 'RSA', n: jwk.n, e: jwk.e, d: jwk.d, p: jwk.p };
                var wrongAlg = { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS384' };
                return Promise.all([
                    rejectsWith(t, subtle.importKey('jwk', noCrt, rsa, true, ['sign']), 'DataError',
                        'some CRT members but not all'),
                    rejectsWith(t, subtle.importKey('jwk', wrongAlg, rsa, true, ['verify']), 'DataError',
                        'alg RS384 for SHA-256'),
                    rejectsWith(t, subtle.importKey('jwk', jwk, rsa, true, ['verify']), 'SyntaxError',
                        'a private JWK with the verify usage'),
                    rejectsWith(t, subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, d: jwk.d }, rsa, true,
                        ['sign']), 'DataError', 'a private JWK without the CRT members'),
                    subtle.importKey('jwk', jwk, rsa, true, ['sign']).then(function (k) {
                        return subtle.sign('RSASSA-PKCS1-v1_5', k, ascii('m'));
                    }).then(function (sig) {
                        return subtle.verify('RSASSA-PKCS1-v1_5', pair.publicKey, sig, ascii('m'));
                    }).then(function (ok) {
                        t.equal(ok, true, 'the private JWK signs what the public key verifies');
                    })
                ]);
            });
        })
    ]);
});

test('RSA-PSS and RSA-OAEP: round trips, salt, label, errors', function (t) {
    var pss = { name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    var oaep = { name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' };
    return Promise.all([subtle.generateKey(pss, true, ['sign', 'verify']),
                        subtle.generateKey(oaep, true, ['encrypt', 'decrypt'])]).then(function (r) {
        var p = r[0], o = r[1];
        return Promise.all([
            subtle.sign({ name: 'RSA-PSS', saltLength: 20 }, p.privateKey, ascii('m')).then(function (sig) {
                return Promise.all([
                    subtle.verify({ name: 'RSA-PSS', saltLength: 20 }, p.publicKey, sig, ascii('m')),
                    subtle.verify({ name: 'RSA-PSS', saltLength: 21 }, p.publicKey, sig, ascii('m')),
                    subtle.verify({ name: 'RSA-PSS', saltLength: 20 }, p.publicKey, sig, ascii('n'))
                ]);
            }).then(function (v) {
                t.deepEqual(v, [true, false, false], 'PSS: right salt verifies, other salt or message does not');
            }),
            rejectsWith(t, subtle.sign({ name: 'RSA-PSS', saltLength: 200 }, p.privateKey, ascii('m')),
                'OperationError', 'PSS salt longer than the key allows'),
            subtle.encrypt({ name: 'RSA-OAEP', label: ascii('L') }, o.publicKey, ascii('secret')).then(function (c) {
                t.equal(c.byteLength, 128, 'OAEP ciphertext is the modulus size');
                return Promise.all([
                    subtle.decrypt({ name: 'RSA-OAEP', label: ascii('L') }, o.privateKey, c),
                    rejectsWith(t, subtle.decrypt({ name: 'RSA-OAEP' }, o.privateKey, c), 'OperationError',
                        'OAEP without the label'),
                    rejectsWith(t, subtle.decrypt({ name: 'RSA-OAEP', label: ascii('L') }, o.publicKey, c),
                        'InvalidAccessError', 'decrypt with the public key')
                ]);
            }).then(function (results) {
                t.equal(hex(results[0]), hex(ascii('secret')), 'OAEP round trip');
            }),
            rejectsWith(t, subtle.encrypt({ name: 'RSA-OAEP' }, o.publicKey, new Uint8Array(100)), 'OperationError',
                'OAEP message too long for the key'),
            subtle.exportKey('jwk', o.publicKey).then(function (jwk) {
                t.equal(jwk.alg, 'RSA-OAEP', 'JWK alg for SHA-1');
                t.equal(jwk.e, 'AQAB', 'JWK e');
            })
        ]);
    });
});

test('ECDSA: P1363 signatures, wrong lengths, curves and JWK checks', function (t) {
    return subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign', 'verify']).then(function (pair) {
        t.equal(pair.publicKey.algorithm.namedCurve, 'P-521', 'namedCurve');
        return subtle.sign({ name: 'ECDSA', hash: 'SHA-512' }, pair.privateKey, ascii('m')).then(function (sig) {
            t.equal(sig.byteLength, 132, 'P-521 signature is 2 x 66 bytes');
            var longer = new Uint8Array(133);
            longer.set(new Uint8Array(sig));
            return Promise.all([
                subtle.verify({ name: 'ECDSA', hash: 'SHA-512' }, pair.publicKey, sig, ascii('m')),
                subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pair.publicKey, sig, ascii('m')),
                subtle.verify({ name: 'ECDSA', hash: 'SHA-512' }, pair.publicKey, longer, ascii('m')),
                subtle.verify({ name: 'ECDSA', hash: 'SHA-512' }, pair.publicKey, new Uint8Array(0), ascii('m')),
                subtle.verify({ name: 'ECDSA', hash: 'SHA-512' }, pair.publicKey, new Uint8Array(132), ascii('m'))
            ]);
        }).then(function (v) {
            t.deepEqual(v, [true, false, false, false, false], 'verifies; other hash, lengths, zeros do not');
            return subtle.exportKey('jwk', pair.publicKey);
        }).then(function (jwk) {
            t.equal(jwk.alg, 'ES512', 'JWK alg');
            var ecdsa = { name: 'ECDSA', namedCurve: 'P-521' };
            var offCurve = { kty: 'EC', crv: 'P-521', x: jwk.x, y: jwk.x };
            return Promise.all([
                rejectsWith(t, subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']),
                    'DataError', 'crv P-521 imported as P-256'),
                rejectsWith(t, subtle.importKey('jwk', offCurve, ecdsa, true, ['verify']), 'DataError',
                    'a point off the curve'),
                rejectsWith(t, subtle.importKey('raw', new Uint8Array(133), ecdsa, true, ['verify']), 'DataError',
                    'raw zeros'),
                rejectsWith(t, subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-192' }, true, ['sign']),
                    'NotSupportedError', 'P-192'),
                rejectsWith(t, subtle.generateKey({ name: 'ECDSA' }, true, ['sign']), 'TypeError', 'no namedCurve'),
                rejectsWith(t, subtle.sign('ECDSA', pair.privateKey, ascii('m')), 'TypeError', 'ECDSA needs a hash'),
                subtle.exportKey('spki', pair.publicKey).then(function (spki) {
                    return rejectsWith(t, subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
                        true, ['verify']), 'DataError', 'an EC SPKI imported as RSA');
                }),
                subtle.exportKey('spki', pair.publicKey).then(function (spki) {
                    return rejectsWith(t, subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-384' },
                        true, ['verify']), 'DataError', 'a P-521 SPKI imported as P-384');
                })
            ]);
        });
    });
});

test('Ed25519: RFC 8032 test 1 from a JWK; raw public keys', function (t) {
    var d = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
    var x = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
    var sig = 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
    var jwk = { kty: 'OKP', crv: 'Ed25519', d: b64url(d), x: b64url(x) };
    return Promise.all([subtle.importKey('jwk', jwk, 'Ed25519', true, ['sign']),
                        subtle.importKey('raw', fromHex(x), { name: 'ed25519' }, false, ['verify'])]).then(function (k) {
        t.equal(k[1].extractable, true, 'a public key is extractable');
        t.equal(k[1].algorithm.name, 'Ed25519', 'names match case-insensitively, the registered one is kept');
        return Promise.all([subtle.sign('Ed25519', k[0], new Uint8Array(0)),
            subtle.verify('Ed25519', k[1], fromHex(sig), new Uint8Array(0)),
            subtle.verify('Ed25519', k[1], fromHex(sig), new Uint8Array(1)),
            subtle.exportKey('raw', k[1]), subtle.exportKey('jwk', k[0])]);
    }).then(function (r) {
        t.equal(hex(r[0]), sig, 'deterministic signature');
        t.equal(r[1], true, 'verifies');
        t.equal(r[2], false, 'not for another message');
        t.equal(hex(r[3]), x, 'raw export');
        t.equal(r[4].d, jwk.d, 'JWK d');
        t.equal(r[4].alg, 'EdDSA', 'JWK alg');
        var mismatched = { kty: 'OKP', crv: 'Ed25519', d: jwk.d, x: b64url(sig.slice(0, 64)) };
        return Promise.all([
            rejectsWith(t, subtle.importKey('jwk', mismatched, 'Ed25519', true, ['sign']), 'DataError',
                'x is not the public key of d'),
            rejectsWith(t, subtle.importKey('jwk', { kty: 'OKP', crv: 'X25519', x: jwk.x }, 'Ed25519', true, ['verify']),
                'DataError', 'crv X25519'),
            rejectsWith(t, subtle.importKey('raw', new Uint8Array(31), 'Ed25519', true, ['verify']), 'DataError',
                '31-byte raw key'),
            rejectsWith(t, subtle.importKey('raw', fromHex(x), 'Ed25519', true, ['sign']), 'SyntaxError',
                'sign usage on a public key')
        ]);
    });
});

test('X25519: RFC 7748 6.1; small-order points; deriveKey', function (t) {
    var alicePriv = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a';
    var alicePub = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
    var bobPub = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
    var shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    return Promise.all([
        subtle.importKey('jwk', { kty: 'OKP', crv: 'X25519', d: b64url(alicePriv), x: b64url(alicePub) }, 'X25519',
            false, ['deriveBits', 'deriveKey']),
        subtle.importKey('raw', fromHex(bobPub), 'X25519', true, []),
        subtle.importKey('raw', new Uint8Array(32), 'X25519', true, [])
    ]).then(function (k) {
        return Promise.all([
            subtle.deriveBits({ name: 'X25519', 'public': k[1] }, k[0], 256),
            subtle.deriveBits({ name: 'X25519', 'public': k[1] }, k[0], 12),
            rejectsWith(t, subtle.deriveBits({ name: 'X25519', 'public': k[2] }, k[0], 256), 'OperationError',
                'the all-zero point'),
            rejectsWith(t, subtle.deriveBits({ name: 'X25519', 'public': k[1] }, k[0], 264), 'OperationError',
                'more bits than the secret'),
            rejectsWith(t, subtle.deriveBits({ name: 'X25519', 'public': k[0] }, k[0], 256), 'InvalidAccessError',
                'a private key as public'),
            rejectsWith(t, subtle.deriveBits({ name: 'X25519', 'public': 'key' }, k[0], 256), 'TypeError',
                'public is not a CryptoKey'),
            subtle.deriveKey({ name: 'X25519', 'public': k[1] }, k[0], { name: 'HMAC', hash: 'SHA-256', length: 256 },
                true, ['sign']).then(function (key) {
                return subtle.exportKey('raw', key);
            })
        ]);
    }).then(function (r) {
        t.equal(hex(r[0]), shared, 'shared secret');
        t.equal(hex(r[1]), '4a50', '12 bits: the rest of the last byte is zero');
        t.equal(hex(r[6]), shared, 'deriveKey: an HMAC key of the secret');
    });
});

test('ECDH: both sides agree; curve mismatch; deriveKey to AES-GCM', function (t) {
    var alg = { name: 'ECDH', namedCurve: 'P-384' };
    return Promise.all([subtle.generateKey(alg, true, ['deriveBits', 'deriveKey']),
                        subtle.generateKey(alg, true, ['deriveBits']),
                        subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']),
                        subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign'])]).then(function (p) {
        t.deepEqual(p[0].publicKey.usages, [], 'ECDH public keys have no usages');
        return Promise.all([
            subtle.deriveBits({ name: 'ECDH', 'public': p[1].publicKey }, p[0].privateKey, null),
            subtle.deriveBits({ name: 'ECDH', 'public': p[0].publicKey }, p[1].privateKey, 384),
            rejectsWith(t, subtle.deriveBits({ name: 'ECDH', 'public': p[2].publicKey }, p[0].privateKey, 256),
                'InvalidAccessError', 'a P-256 public key for a P-384 private key'),
            rejectsWith(t, subtle.deriveBits({ name: 'ECDH', 'public': p[3].publicKey }, p[0].privateKey, 256),
                'InvalidAccessError', 'an ECDSA public key'),
            rejectsWith(t, subtle.deriveKey({ name: 'ECDH', 'public': p[0].publicKey }, p[1].privateKey,
                { name: 'AES-GCM', length: 256 }, true, ['encrypt']), 'InvalidAccessError',
                'deriveKey with a key that only has deriveBits'),
            subtle.deriveKey({ name: 'ECDH', 'public': p[1].publicKey }, p[0].privateKey,
                { name: 'AES-GCM', length: 256 }, true, ['encrypt']).then(function (k) {
                return subtle.exportKey('raw', k);
            }),
            rejectsWith(t, subtle.importKey('spki', new Uint8Array(10), alg, true, ['deriveBits']), 'SyntaxError',
                'deriveBits usage on an ECDH public key')
        ]);
    }).then(function (r) {
        t.equal(r[0].byteLength, 48, 'the whole P-384 secret');
        t.equal(hex(r[0]), hex(r[1]), 'both sides agree');
        t.equal(hex(r[5]), hex(r[0]).slice(0, 64), 'deriveKey: the first 256 bits as an AES key');
    });
});

/* ---- Cloudflare extensions ---- */

test('timingSafeEqual', function (t) {
    t.equal(subtle.timingSafeEqual(ascii('abc'), ascii('abc').buffer), true, 'equal bytes');
    t.equal(subtle.timingSafeEqual(ascii('abc'), ascii('abd')), false, 'different bytes');
    t.throws(function () { subtle.timingSafeEqual(ascii('ab'), ascii('abc')); }, TypeError, 'different lengths');
});

test('DigestStream hashes what is written', function (t) {
    if (typeof WritableStream !== 'function') {
        t.comment('skipped: no WritableStream in this runtime');
        return undefined;
    }
    var stream = new crypto.DigestStream('SHA-256');
    t.ok(stream instanceof WritableStream, 'is a WritableStream');
    var writer = stream.getWriter();
    writer.write(ascii('a'));
    writer.write(ascii('bc').buffer);
    writer.close();
    return stream.digest.then(function (d) {
        t.equal(hex(d), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'SHA-256 of "abc"');
    });
});
