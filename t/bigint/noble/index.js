// SPDX-License-Identifier: MIT
// @noble/hashes and @noble/curves: their 64-bit helpers and field and point
// classes get BigInts through parameters and fields (fromBig(n) does
// `n & U32_MASK64`, a field's add(a, b) `mod(a + b, this.ORDER)`), which the
// lowering must see. SHA-512/384, SHA-3, keccak, SHAKE, BLAKE2b, HMAC,
// ed25519, secp256k1 and P-256 keys, signatures and checks; @noble/ed25519.
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256, keccak_256, shake256 } from '@noble/hashes/sha3.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { p256 } from '@noble/curves/nist.js';
import * as ed from '@noble/ed25519';

const out = [];
const say = (...a) => out.push(a.join(' '));

const hashes = { sha384, sha512, sha3_256, keccak_256, blake2b, shake256: (m) => shake256(m, { dkLen: 40 }),
    hmac512: (m) => hmac(sha512, utf8ToBytes('key'), m) };
for (const [name, f] of Object.entries(hashes)) {
    for (const s of ['', 'abc', 'x'.repeat(200)]) {
        say(name, s.length, bytesToHex(f(utf8ToBytes(s))));
    }
}

const key = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const msg = utf8ToBytes('fcworker');
const pub = ed25519.getPublicKey(key);
const sig = ed25519.sign(msg, key);
say('ed25519', bytesToHex(pub), bytesToHex(sig), ed25519.verify(sig, msg, pub), ed25519.verify(sig, utf8ToBytes('other'), pub));

const digest = sha256(msg);
for (const [name, curve] of [['secp256k1', secp256k1], ['p256', p256]]) {
    const k = hexToBytes('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
    const p = curve.getPublicKey(k);
    const s = curve.sign(digest, k, { prehash: false });
    say(name, bytesToHex(p), bytesToHex(s), curve.verify(s, digest, p, { prehash: false }),
        curve.verify(s, sha256(utf8ToBytes('other')), p, { prehash: false }));
}

ed.hashes.sha512 = sha512;
const edPub = ed.getPublicKey(key);
const edSig = ed.sign(msg, key);
say('@noble/ed25519', bytesToHex(edPub) === bytesToHex(pub), bytesToHex(edSig) === bytesToHex(sig), ed.verify(edSig, msg, edPub));

(typeof print === 'function' ? print : console.log)(out.join('\n'));
