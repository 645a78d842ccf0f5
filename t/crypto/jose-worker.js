// SPDX-License-Identifier: MIT
// A worker on the jose library (built by fcworker-build in t/crypto-jose.t):
// GET /sign/ALG signs a JWT with a key pair the worker generated (RS256,
// ES256, EdDSA), verifies it itself and answers the token with the public
// JWK; POST /verify/ALG verifies a token made elsewhere against the JWK sent
// with it and answers what it found. GET /hono/ALG does what /sign/ALG does
// with Hono's JWT helpers (hono/jwt) on a key pair from crypto.subtle.
import { SignJWT, jwtVerify, generateKeyPair, exportJWK, importJWK } from 'jose';
import { sign as honoSign, verify as honoVerify } from 'hono/jwt';

const ALGORITHMS = { RS256: {}, ES256: {}, EdDSA: { crv: 'Ed25519' } };
const pairs = {};
const SUBTLE_ALGORITHMS = {
    RS256: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    ES256: { name: 'ECDSA', namedCurve: 'P-256' },
    EdDSA: { name: 'Ed25519' },
};

async function honoToken(alg) {
    const pair = await crypto.subtle.generateKey(SUBTLE_ALGORITHMS[alg], true, ['sign', 'verify']);
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const now = Math.floor(Date.now() / 1000);
    const token = await honoSign({ sub: 'hono', iss: 'urn:fcworker', iat: now, exp: now + 3600 }, privateJwk, alg);
    const payload = await honoVerify(token, jwk, alg);
    return { token, jwk, selfVerified: payload.sub === 'hono' };
}

async function keyPair(alg) {
    if (!pairs[alg]) {
        pairs[alg] = await generateKeyPair(alg, { extractable: true, ...ALGORITHMS[alg] });
    }
    return pairs[alg];
}

function json(value, status = 200) {
    return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

export default {
    async fetch(request) {
        const [, action, alg] = new URL(request.url).pathname.split('/');
        if (!Object.prototype.hasOwnProperty.call(ALGORITHMS, alg)) {
            return json({ error: `unknown algorithm ${alg}` }, 404);
        }
        if (action === 'sign' && request.method === 'GET') {
            const { publicKey, privateKey } = await keyPair(alg);
            const token = await new SignJWT({ sub: 'fcworker', scope: ['read', 'write'] })
                .setProtectedHeader({ alg, typ: 'JWT' })
                .setIssuedAt()
                .setIssuer('urn:fcworker')
                .setExpirationTime('2h')
                .sign(privateKey);
            const { payload } = await jwtVerify(token, publicKey, { issuer: 'urn:fcworker', algorithms: [alg] });
            return json({ token, jwk: await exportJWK(publicKey), selfVerified: payload.sub === 'fcworker' });
        }
        if (action === 'hono' && request.method === 'GET') {
            return json(await honoToken(alg));
        }
        if (action === 'verify' && request.method === 'POST') {
            const { token, jwk } = await request.json();
            try {
                const key = await importJWK(jwk, alg);
                const { payload, protectedHeader } = await jwtVerify(token, key, {
                    issuer: 'urn:node', algorithms: [alg],
                });
                return json({ valid: true, sub: payload.sub, alg: protectedHeader.alg });
            } catch (e) {
                return json({ valid: false, code: e.code || e.name, message: String(e.message) }, 401);
            }
        }
        return json({ error: 'not found' }, 404);
    },
};
