// SPDX-License-Identifier: MIT
// Node's side of t/crypto-jose.t, on the same pinned jose:
//   node jose-node.mjs sign ALG          -> {"token":..., "jwk":...} (issuer urn:node)
//   node jose-node.mjs verify ALG JSON   -> "valid SUB" or "invalid CODE"
// where JSON is what the worker's /sign/ALG answered.
import { SignJWT, jwtVerify, generateKeyPair, exportJWK, importJWK } from 'jose';

const [mode, alg, input] = process.argv.slice(2);
if (mode === 'sign') {
    const { publicKey, privateKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
    const token = await new SignJWT({ sub: 'node' })
        .setProtectedHeader({ alg })
        .setIssuedAt()
        .setIssuer('urn:node')
        .setExpirationTime('2h')
        .sign(privateKey);
    console.log(JSON.stringify({ token, jwk: await exportJWK(publicKey) }));
} else if (mode === 'verify') {
    const { token, jwk } = JSON.parse(input);
    try {
        const { payload } = await jwtVerify(token, await importJWK(jwk, alg), { issuer: 'urn:fcworker', algorithms: [alg] });
        console.log(`valid ${payload.sub}`);
    } catch (e) {
        console.log(`invalid ${e.code || e.name}`);
    }
} else {
    console.error('usage: jose-node.mjs sign|verify ALG [JSON]');
    process.exit(2);
}
