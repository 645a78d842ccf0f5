// SPDX-License-Identifier: MIT
// Node's half of t/crypto-interop.t. `node interop-node.js make DIR` writes
// DIR/node.json: keys node generated (SPKI, PKCS #8 and JWK), signatures
// (RS256, PS256, ES256/384/512 in IEEE P1363 form, EdDSA), an RSA-OAEP
// ciphertext with a label, and ECDH/X25519 peers with their shared secrets.
// `node interop-node.js check DIR` reads DIR/fcw.json, what fcworker made
// (its exported keys, signatures, a ciphertext to node's key, its half of
// the key agreements), and prints one TAP line per check, unnumbered.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const [mode, dir] = process.argv.slice(2);
const b64 = (buf) => Buffer.from(buf).toString('base64');
const unb64 = (text) => Buffer.from(text, 'base64');
const message = Buffer.from('interop message \u00e9\u00e8 ' + crypto.randomBytes(8).toString('hex'));

// name, key generation, node's sign/verify options
const SIGNERS = {
    RS256: { gen: ['rsa', { modulusLength: 2048 }], hash: 'sha256', opts: {} },
    PS256: { gen: ['rsa', { modulusLength: 2048 }], hash: 'sha256',
             opts: { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } },
    ES256: { gen: ['ec', { namedCurve: 'P-256' }], hash: 'sha256', opts: { dsaEncoding: 'ieee-p1363' } },
    ES384: { gen: ['ec', { namedCurve: 'P-384' }], hash: 'sha384', opts: { dsaEncoding: 'ieee-p1363' } },
    ES512: { gen: ['ec', { namedCurve: 'P-521' }], hash: 'sha512', opts: { dsaEncoding: 'ieee-p1363' } },
    EdDSA: { gen: ['ed25519', {}], hash: null, opts: {} },
};

function exportPair(pair) {
    return {
        spki: b64(pair.publicKey.export({ type: 'spki', format: 'der' })),
        pkcs8: b64(pair.privateKey.export({ type: 'pkcs8', format: 'der' })),
        jwk: pair.publicKey.export({ format: 'jwk' }),
        privateJwk: pair.privateKey.export({ format: 'jwk' }),
    };
}

function make() {
    const out = { message: b64(message), signers: {}, agreements: {} };
    for (const [name, s] of Object.entries(SIGNERS)) {
        const pair = crypto.generateKeyPairSync(...s.gen);
        const sig = crypto.sign(s.hash, message, { key: pair.privateKey, ...s.opts });
        out.signers[name] = { ...exportPair(pair), signature: b64(sig) };
        if (name === 'ES256') {
            // the raw (uncompressed point) form WebCrypto imports
            const jwk = out.signers[name].jwk;
            out.signers[name].raw = b64(Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'),
                                                       Buffer.from(jwk.y, 'base64url')]));
        }
    }
    const oaep = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const label = Buffer.from('label');
    out.oaep = {
        ...exportPair(oaep),
        label: b64(label),
        ciphertext: b64(crypto.publicEncrypt({ key: oaep.publicKey, oaepHash: 'sha256', oaepLabel: label,
                                               padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, message)),
    };
    for (const [name, gen] of [['ECDH', ['ec', { namedCurve: 'P-256' }]], ['X25519', ['x25519', {}]]]) {
        const a = crypto.generateKeyPairSync(...gen);
        const b = crypto.generateKeyPairSync(...gen);
        out.agreements[name] = {
            a: exportPair(a), b: exportPair(b),
            secret: b64(crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey })),
        };
    }
    fs.writeFileSync(path.join(dir, 'node.json'), JSON.stringify(out));
    fs.writeFileSync(path.join(dir, 'node-private.json'), JSON.stringify({
        oaep: out.oaep.pkcs8,
        agreements: Object.fromEntries(Object.entries(out.agreements).map(([k, v]) => [k, v.a.pkcs8])),
    }));
}

function ok(pass, name) {
    console.log((pass ? 'ok' : 'not ok') + ' - node: ' + name);
}

function attempt(name, fn) {
    try {
        ok(fn(), name);
    } catch (e) {
        ok(false, name + ': ' + e.message);
    }
}

function check() {
    const fcw = JSON.parse(fs.readFileSync(path.join(dir, 'fcw.json'), 'utf8'));
    const mine = JSON.parse(fs.readFileSync(path.join(dir, 'node.json'), 'utf8'));
    const priv = JSON.parse(fs.readFileSync(path.join(dir, 'node-private.json'), 'utf8'));
    const msg = unb64(fcw.message);
    for (const [name, s] of Object.entries(SIGNERS)) {
        const f = fcw.signers[name];
        if (!f) {
            ok(false, name + ' missing from fcworker output');
            continue;
        }
        const fromSpki = crypto.createPublicKey({ key: unb64(f.spki), format: 'der', type: 'spki' });
        const fromJwk = crypto.createPublicKey({ key: f.jwk, format: 'jwk' });
        const fromPkcs8 = crypto.createPrivateKey({ key: unb64(f.pkcs8), format: 'der', type: 'pkcs8' });
        attempt(name + ' signature verifies with the exported SPKI',
            () => crypto.verify(s.hash, msg, { key: fromSpki, ...s.opts }, unb64(f.signature)));
        attempt(name + ' signature verifies with the exported JWK',
            () => crypto.verify(s.hash, msg, { key: fromJwk, ...s.opts }, unb64(f.signature)));
        attempt(name + ' exported PKCS #8 signs what the SPKI verifies', () => {
            const sig = crypto.sign(s.hash, msg, { key: fromPkcs8, ...s.opts });
            return crypto.verify(s.hash, msg, { key: fromSpki, ...s.opts }, sig);
        });
        attempt(name + ' exported private JWK is the PKCS #8 key', () => {
            const k = crypto.createPrivateKey({ key: f.privateJwk, format: 'jwk' });
            return k.export({ type: 'pkcs8', format: 'der' }).equals(fromPkcs8.export({ type: 'pkcs8', format: 'der' }));
        });
        attempt(name + ' signature is not accepted for another message',
            () => !crypto.verify(s.hash, Buffer.concat([msg, Buffer.from('!')]), { key: fromSpki, ...s.opts },
                                 unb64(f.signature)));
    }
    attempt('RSA-OAEP ciphertext from fcworker decrypts', () => {
        const key = crypto.createPrivateKey({ key: unb64(priv.oaep), format: 'der', type: 'pkcs8' });
        const plain = crypto.privateDecrypt({ key, oaepHash: 'sha256', oaepLabel: unb64(fcw.oaep.label),
                                              padding: crypto.constants.RSA_PKCS1_OAEP_PADDING },
                                            unb64(fcw.oaep.ciphertext));
        return plain.equals(msg);
    });
    for (const name of ['ECDH', 'X25519']) {
        attempt(name + ' shared secret matches fcworker\'s', () => {
            const a = crypto.createPrivateKey({ key: unb64(priv.agreements[name]), format: 'der', type: 'pkcs8' });
            const peer = crypto.createPublicKey({ key: unb64(fcw.agreements[name].spki), format: 'der', type: 'spki' });
            return crypto.diffieHellman({ privateKey: a, publicKey: peer }).equals(unb64(fcw.agreements[name].secret));
        });
    }
    ok(mine.message !== undefined, 'node.json was read back');
}

if (mode === 'make') {
    make();
} else if (mode === 'check') {
    check();
} else {
    console.error('usage: interop-node.js make|check DIR');
    process.exit(2);
}
