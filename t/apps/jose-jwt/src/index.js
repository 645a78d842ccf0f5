/*
 * jose: HS256 JWTs signed with SignJWT and checked with jwtVerify (issuer,
 * audience, expiry), decodeProtectedHeader / decodeJwt, a compact JWS, and
 * RS256 with a freshly generated RSA key pair exported as JWK.
 */
import * as jose from 'jose';

const ISSUER = 'urn:fcworker:issuer';
const AUDIENCE = 'urn:fcworker:audience';

function secretKey(env) {
  return new TextEncoder().encode(env.JWT_SECRET);
}

async function sign(env, claims, expiresIn = '2h') {
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(expiresIn)
    .sign(secretKey(env));
}

async function verify(env, token) {
  try {
    const { payload, protectedHeader } = await jose.jwtVerify(token, secretKey(env), {
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    return Response.json({ valid: true, alg: protectedHeader.alg, sub: payload.sub, scope: payload.scope });
  } catch (e) {
    return Response.json({ valid: false, code: e.code }, { status: 401 });
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/token': {
        const token = await sign(env, { sub: url.searchParams.get('sub') ?? 'anonymous', scope: 'read' });
        return Response.json({ token, header: jose.decodeProtectedHeader(token), claims: jose.decodeJwt(token) });
      }
      case '/verify':
        return verify(env, (await request.text()).trim());
      case '/roundtrip': {
        const token = await sign(env, { sub: 'round', scope: 'write' });
        return verify(env, token);
      }
      case '/expired': {
        const token = await sign(env, { sub: 'late' }, Math.floor(Date.now() / 1000) - 60);
        return verify(env, token);
      }
      case '/tampered': {
        const token = await sign(env, { sub: 'mallory' });
        const [h, , s] = token.split('.');
        const forged = jose.base64url.encode(JSON.stringify({ sub: 'admin', iss: ISSUER, aud: AUDIENCE }));
        return verify(env, `${h}.${forged}.${s}`);
      }
      case '/jws': {
        const jws = await new jose.CompactSign(new TextEncoder().encode('payload bytes'))
          .setProtectedHeader({ alg: 'HS256' })
          .sign(secretKey(env));
        const { payload } = await jose.compactVerify(jws, secretKey(env));
        return Response.json({ jws, payload: new TextDecoder().decode(payload) });
      }
      case '/rs256': {
        const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
        const token = await new jose.SignJWT({ sub: 'rsa' })
          .setProtectedHeader({ alg: 'RS256' })
          .setIssuedAt()
          .sign(privateKey);
        const jwk = await jose.exportJWK(publicKey);
        const { payload } = await jose.jwtVerify(token, await jose.importJWK(jwk, 'RS256'));
        return Response.json({ sub: payload.sub, kty: jwk.kty, e: jwk.e, parts: token.split('.').length });
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
