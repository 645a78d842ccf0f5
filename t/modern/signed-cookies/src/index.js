// SPDX-License-Identifier: MIT
/*
 * Signed-cookie sessions: /login?user=NAME sets `session=NAME.HMAC`, and
 * later requests are trusted only if the HMAC verifies with env.COOKIE_SECRET.
 *   GET /             greets the signed-in user or a stranger
 *   GET /login?user=  sets the signed cookie
 *   GET /me           200 with the user, 401 without a valid cookie
 *   GET /logout       expires the cookie
 */
import { parseCookies, serializeCookie } from './cookies.js';
import { signValue, verifyValue } from './hmac.js';

const COOKIE = 'session';
const USER_NAME = /^[a-z0-9_-]{1,32}$/;

const json = (data, status = 200, headers = {}) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', ...headers } });

async function currentUser(request, secret) {
  const cookie = parseCookies(request.headers.get('cookie')).get(COOKIE);
  if (cookie === undefined) return { error: 'not signed in' };
  const user = await verifyValue(cookie, secret);
  return user === null ? { error: 'bad signature' } : { user };
}

const routes = {
  '/': async (request, { secret }) => {
    const { user = 'stranger' } = await currentUser(request, secret);
    return new Response(`hello, ${user}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  },
  '/login': async (request, { secret, url }) => {
    const user = url.searchParams.get('user') ?? '';
    if (!USER_NAME.test(user)) return json({ error: 'user must match [a-z0-9_-]{1,32}' }, 400);
    const cookie = serializeCookie(COOKIE, await signValue(user, secret), { maxAge: 3600 });
    return json({ user }, 200, { 'set-cookie': cookie });
  },
  '/me': async (request, { secret }) => {
    const { user, error } = await currentUser(request, secret);
    return error ? json({ error }, 401) : json({ user });
  },
  '/logout': () => json({ user: null }, 200, { 'set-cookie': serializeCookie(COOKIE, '', { maxAge: 0 }) }),
};

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const handler = routes[url.pathname];
    if (!handler) return json({ error: 'not found' }, 404);
    return handler(request, { secret: env.COOKIE_SECRET ?? 'development secret', url });
  },
};
