// SPDX-License-Identifier: MIT
/*
 * Cookie header parsing and Set-Cookie serialization (RFC 6265 subset).
 */
export function parseCookies(header) {
  const cookies = new Map();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, decodeURIComponent(value));
  }
  return cookies;
}

export function serializeCookie(name, value, { path = '/', maxAge, httpOnly = true, sameSite = 'Lax' } = {}) {
  const attributes = [`${name}=${encodeURIComponent(value)}`, `Path=${path}`];
  if (maxAge !== undefined) attributes.push(`Max-Age=${maxAge}`);
  if (httpOnly) attributes.push('HttpOnly');
  if (sameSite) attributes.push(`SameSite=${sameSite}`);
  return attributes.join('; ');
}
