/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of lib/api_crypto.c, lib/api_crypto_pk.c and
 * lib/api_compression.c on a bare heap, below the JavaScript layer:
 * the natives' results against FIPS 180 / RFC 4231 / GCM vectors, that key
 * material is copied and never visible as a property, the 65536-byte limit
 * on random fills, UUID version and variant bits, and that incremental
 * digests are freed by their finalizer (run under the sanitizers, a missing
 * free is a leak report); public keys (generate, sign, verify, import
 * refusals, X25519 agreement) and the zlib streams of CompressionStream
 * (round trip, errors, abandoned streams freed by their finalizer).
 */
#include "config.h"

#include "api_crypto.h"
#include "engine.h"
#include "tap.h"

#include <string.h>

/* Evaluates a JavaScript expression with `native` in scope and reports
 * whether it was true. */
static void check(duk_context *ctx, const char *expr, const char *what)
{
    int rc = duk_peval_string(ctx, expr);
    ok(rc == 0 && duk_get_boolean(ctx, -1), "%s%s%s", what, rc == 0 ? "" : ": ",
       rc == 0 ? "" : duk_safe_to_string(ctx, -1));
    duk_pop(ctx);
}

static void setup(duk_context *ctx)
{
    duk_push_global_object(ctx);
    duk_push_object(ctx);
    fcw_api_crypto_init(ctx, -1);
    fcw_api_crypto_pk_init(ctx, -1);
    fcw_api_compression_init(ctx, -1);
    duk_put_prop_string(ctx, -2, "native");
    duk_pop(ctx);
    duk_peval_string_noresult(
        ctx, "function hex(b) { var u = new Uint8Array(b), s = '';"
             "  for (var i = 0; i < u.length; i++) s += (u[i] < 16 ? '0' : '') + u[i].toString(16); return s; }"
             "function bytes(s) { var u = new Uint8Array(s.length);"
             "  for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i); return u; }"
             "function throwsName(f) { try { f(); } catch (e) { return e.name; } return 'none'; }");
}

static void test_digests(duk_context *ctx)
{
    check(ctx,
          "hex(native.cryptoDigest('SHA-256', bytes('abc'))) === "
          "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'",
          "SHA-256 of \"abc\" (FIPS 180)");
    check(ctx, "native.cryptoDigest('SHA-1', bytes('')) instanceof ArrayBuffer", "digest returns an ArrayBuffer");
    check(ctx, "throwsName(function () { native.cryptoDigest('SHA-3', bytes('')); }) === 'TypeError'",
          "unknown digest name is a TypeError");
    check(ctx,
          "var d = native.cryptoDigestCreate('SHA-256'); native.cryptoDigestUpdate(d, bytes('a'));"
          "native.cryptoDigestUpdate(d, bytes('bc')); hex(native.cryptoDigestFinish(d)) === "
          "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'",
          "incremental SHA-256 of \"a\" + \"bc\"");
    check(ctx, "throwsName(function () { native.cryptoDigestFinish(d); }) === 'TypeError'",
          "a finished digest cannot be finished again");
    check(ctx, "for (var i = 0; i < 1000; i++) native.cryptoDigestCreate('SHA-512'); true",
          "1000 abandoned digests (freed by finalizers)");
    duk_gc(ctx, 0);
}

static void test_keys(duk_context *ctx)
{
    check(ctx,
          "var raw = new Uint8Array(20); for (var i = 0; i < 20; i++) raw[i] = 0x0b;"
          "var key = {}, state = { type: 'secret' }; native.cryptoKeyInit(key, raw, state); raw[0] = 0;"
          "hex(native.cryptoHmac('SHA-256', key, bytes('Hi There'))) === "
          "'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'",
          "HMAC-SHA-256 RFC 4231 case 1, key material copied at init");
    check(ctx,
          "Object.getOwnPropertyNames(key).length === 0 && Object.getOwnPropertySymbols(key).length === 0"
          " && JSON.stringify(key) === '{}'",
          "key material and state are not visible properties");
    check(ctx,
          "native.cryptoKeyState(key) === state && native.cryptoKeyState({}) === undefined"
          " && native.cryptoKeyState(5) === undefined",
          "state is found only on keys");
    check(ctx, "throwsName(function () { native.cryptoKeyExport({}); }) === 'TypeError'",
          "exporting a non-key is a TypeError");
    check(ctx, "var g = {}; native.cryptoKeyGenerate(g, 32, {}); native.cryptoKeyExport(g).byteLength === 32",
          "generated key has the requested length");
    check(ctx,
          "native.cryptoEqual(bytes('abc'), bytes('abc')) && !native.cryptoEqual(bytes('abc'), bytes('abd'))"
          " && !native.cryptoEqual(bytes('ab'), bytes('abc'))",
          "constant-time comparison");
}

static void test_aes_gcm(duk_context *ctx)
{
    check(ctx,
          "var aes = {}; native.cryptoKeyInit(aes, new Uint8Array(16), {});"
          "var sealed = native.cryptoAesGcm(true, aes, new Uint8Array(12), new Uint8Array(0), new Uint8Array(16), 16);"
          "hex(sealed) === '0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf'",
          "AES-128-GCM test case 2");
    check(ctx,
          "var c = new Uint8Array(32); c.set(new Uint8Array(sealed)); c[31] ^= 1;"
          "native.cryptoAesGcm(false, aes, new Uint8Array(12), new Uint8Array(0), c, 16) === null",
          "a wrong tag gives null");
    check(ctx,
          "hex(native.cryptoAesGcm(false, aes, new Uint8Array(12), new Uint8Array(0), new Uint8Array(sealed), 16))"
          " === '00000000000000000000000000000000'",
          "decrypts test case 2");
}

static void test_public_keys(duk_context *ctx)
{
    check(ctx,
          "var pub = {}, priv = {}, pubState = { type: 'public' }, privState = { type: 'private' };"
          "var info = native.cryptoPkGenerate('EC', 'P-256', new Uint8Array(0), pub, pubState, priv, privState);"
          "info.namedCurve === 'P-256' && native.cryptoKeyState(priv) === privState",
          "an EC key pair is generated with its state");
    check(ctx, "Object.getOwnPropertyNames(priv).length === 0 && Object.getOwnPropertySymbols(priv).length === 0",
          "private key material is not a visible property");
    check(ctx,
          "var sig = native.cryptoPkSign(priv, 'ecdsa', 'SHA-256', 0, bytes('m'));"
          "sig.byteLength === 64 && native.cryptoPkVerify(pub, 'ecdsa', 'SHA-256', 0, sig, bytes('m'))"
          " && !native.cryptoPkVerify(pub, 'ecdsa', 'SHA-256', 0, sig, bytes('n'))"
          " && !native.cryptoPkVerify(pub, 'ecdsa', 'SHA-256', 0, new Uint8Array(63), bytes('m'))",
          "ECDSA P-256: a 64-byte r||s signature verifies, others do not");
    check(ctx,
          "new Uint8Array(native.cryptoPkExport(pub, 'raw'))[0] === 4"
          " && native.cryptoPkExport(pub, 'raw').byteLength === 65",
          "raw export is an uncompressed point");
    check(ctx,
          "var k2 = {}; native.cryptoPkImport(k2, { type: 'public' }, 'EC', 'spki', "
          "native.cryptoPkExport(pub, 'spki'), 'P-384') === null",
          "a P-256 SPKI does not import as P-384");
    check(ctx, "native.cryptoPkImport({}, { type: 'private' }, 'RSA', 'pkcs8', new Uint8Array(8), '') === null",
          "garbage PKCS #8 is refused");
    check(ctx,
          "throwsName(function () { native.cryptoPkImport({}, {}, 'DSA', 'spki', new Uint8Array(8), ''); })"
          " === 'TypeError'",
          "an unknown key kind is a TypeError");
    check(ctx,
          "var a = {}, ap = {}, b = {}, bp = {};"
          "native.cryptoPkGenerate('X25519', '', new Uint8Array(0), a, { type: 'public' }, ap, { type: 'private' });"
          "native.cryptoPkGenerate('X25519', '', new Uint8Array(0), b, { type: 'public' }, bp, { type: 'private' });"
          "hex(native.cryptoPkDerive(ap, b)) === hex(native.cryptoPkDerive(bp, a))",
          "X25519: both sides derive the same secret");
}

static void test_compression(duk_context *ctx)
{
    check(ctx,
          "var z = native.zlibCreate('gzip', true), out = native.zlibPush(z, bytes('hello hello hello'), true, 8);"
          "var u = native.zlibCreate('gzip', false), back = native.zlibPush(u, new Uint8Array(out[0]), true, 8);"
          "out.length === 1 && new Uint8Array(out[0])[0] === 0x1f && back.length === 1"
          " && hex(back[0]) === hex(bytes('hello hello hello'))",
          "gzip round trip");
    check(ctx, "throwsName(function () { native.zlibPush(z, bytes('x'), false, 8); }) === 'TypeError'",
          "a finished stream takes no more input");
    check(ctx,
          "var bad = native.zlibCreate('deflate', false);"
          "throwsName(function () { native.zlibPush(bad, bytes('not zlib'), false, 8); }) === 'TypeError'",
          "corrupt input is a TypeError");
    check(ctx, "throwsName(function () { native.zlibCreate('br', true); }) === 'TypeError'",
          "an unknown format is a TypeError");
    check(ctx,
          "for (var i = 0; i < 200; i++) native.zlibPush(native.zlibCreate('deflate-raw', i % 2 === 0),"
          " new Uint8Array(0), false, 8); true",
          "200 abandoned streams (freed by finalizers)");
    check(ctx,
          "var zeros = native.zlibPush(native.zlibCreate('deflate', true), new Uint8Array(1 << 20), true, 8);"
          "var inf = native.zlibCreate('deflate', false), got = 0, calls = 0, step = native.zlibPush(inf,"
          " new Uint8Array(zeros[0]), true, 2);"
          "for (;;) { calls++; step.forEach(function (b) { got += b.byteLength; });"
          " if (!native.zlibMore(inf)) break; step = native.zlibPush(inf, new Uint8Array(0), true, 2); }"
          "zeros.length === 1 && got === 1 << 20 && calls === 8 && !native.zlibMore(inf)",
          "1 MiB of zeros inflates in steps of at most two 64 KiB pieces");
    duk_gc(ctx, 0);
}

static void test_random(duk_context *ctx)
{
    check(ctx, "throwsName(function () { native.cryptoRandomFill(new Uint8Array(65537)); }) === 'RangeError'",
          "more than 65536 random bytes is a RangeError");
    check(ctx,
          "var r = new Uint8Array(65536), nonZero = 0; native.cryptoRandomFill(r);"
          "for (var i = 0; i < r.length; i++) nonZero += r[i] ? 1 : 0; nonZero > 64000",
          "65536 random bytes, about 1/256 of them zero");
    check(ctx,
          "var good = true; for (var i = 0; i < 200; i++) { var u = native.cryptoRandomUUID();"
          " good = good && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u); } good",
          "200 UUIDs carry version 4 and the RFC 4122 variant");
}

int main(void)
{
    duk_context *ctx = duk_create_heap_default();

    if (!ok(ctx != NULL, "heap created")) {
        return done_testing();
    }
    setup(ctx);
    test_digests(ctx);
    test_keys(ctx);
    test_aes_gcm(ctx);
    test_public_keys(ctx);
    test_compression(ctx);
    test_random(ctx);
    ok(duk_get_top(ctx) == 0, "value stack balanced");
    duk_destroy_heap(ctx);
    return done_testing();
}
