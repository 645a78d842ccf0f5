// SPDX-License-Identifier: MIT
/*
 * HMAC-SHA-256 signing of cookie values with WebCrypto: `value.signature`,
 * the signature in unpadded base64url. Keys are imported once per secret.
 */
const encoder = new TextEncoder();
const keys = new Map();

function hmacKey(secret) {
  if (!keys.has(secret)) {
    const usages = ['sign', 'verify'];
    keys.set(secret, crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, usages));
  }
  return keys.get(secret);
}

export const toBase64Url = (buffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const fromBase64Url = (text) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export async function signValue(value, secret) {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(value));
  return `${value}.${toBase64Url(signature)}`;
}

/* Returns the value if the signature is valid, otherwise null. */
export async function verifyValue(signed, secret) {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  let signature;
  try {
    signature = fromBase64Url(signed.slice(dot + 1));
  } catch {
    return null;
  }
  const valid = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, encoder.encode(value));
  return valid ? value : null;
}
