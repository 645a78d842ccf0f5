/*
 * cookie (2.x): parse the Cookie header (parseCookie) and write Set-Cookie
 * headers (stringifySetCookie) with Expires, Max-Age, Path, Domain,
 * SameSite, Secure, HttpOnly, Priority and Partitioned; several Set-Cookie
 * headers in one response; percent-encoding of special characters;
 * parseSetCookie and stringifyCookie; a visit counter kept in a cookie; a
 * bad cookie name refused with a TypeError.
 */
import { parseCookie, parseSetCookie, stringifyCookie, stringifySetCookie } from 'cookie';

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const cookies = parseCookie(request.headers.get('cookie') ?? '');
    if (url.pathname === '/set') {
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append(
        'set-cookie',
        stringifySetCookie({
          name: 'session',
          value: 'abc 123;=',
          expires: new Date(Date.UTC(2030, 0, 15, 8, 30, 0)),
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'strict',
        }),
      );
      headers.append(
        'set-cookie',
        stringifySetCookie({ name: 'theme', value: 'dark', maxAge: 3600, domain: 'example.com', sameSite: 'lax', priority: 'high' }),
      );
      headers.append(
        'set-cookie',
        stringifySetCookie({ name: 'embed', value: '1', partitioned: true, secure: true, path: '/', sameSite: 'none' }),
      );
      return new Response('cookies set\n', { headers });
    }
    if (url.pathname === '/get') {
      return Response.json(cookies);
    }
    if (url.pathname === '/roundtrip') {
      const parsed = parseSetCookie('id=a%3Db; Max-Age=60; Path=/x; Expires=Wed, 21 Oct 2015 07:28:00 GMT; HttpOnly; SameSite=Lax');
      return Response.json({
        name: parsed.name,
        value: parsed.value,
        maxAge: parsed.maxAge,
        path: parsed.path,
        expires: parsed.expires?.toISOString() ?? null,
        httpOnly: parsed.httpOnly ?? false,
        sameSite: parsed.sameSite ?? null,
        header: stringifyCookie({ a: '1', b: 'two words' }),
      });
    }
    if (url.pathname === '/count') {
      const n = Number(cookies.count ?? 0) + 1;
      return new Response(`visit ${n}\n`, {
        headers: { 'set-cookie': stringifySetCookie({ name: 'count', value: String(n), path: '/', maxAge: 86400 }) },
      });
    }
    if (url.pathname === '/clear') {
      return new Response(null, {
        status: 204,
        headers: { 'set-cookie': stringifySetCookie({ name: 'session', value: '', expires: new Date(0), path: '/' }) },
      });
    }
    if (url.pathname === '/bad') {
      try {
        stringifySetCookie({ name: 'bad name;', value: 'x' });
        return new Response('accepted');
      } catch (e) {
        return Response.json({ error: e.name, message: e.message }, { status: 400 });
      }
    }
    return new Response('not found', { status: 404 });
  },
};
