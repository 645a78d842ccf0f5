/*
 * Web Crypto: crypto.getRandomValues and randomUUID (WebCrypto section 10),
 * SubtleCrypto against published known-answer vectors (FIPS 180-4 "abc"
 * digests, RFC 2202 HMAC-SHA-1, RFC 4231 HMAC-SHA-256/512, the GCM
 * specification's test cases as used by NIST, RFC 6070 PBKDF2, RFC 5869
 * HKDF), key import/export rules and the DOMException names the spec gives
 * for each error, plus Cloudflare's timingSafeEqual and DigestStream.
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
