/* SPDX-License-Identifier: MIT */
/*
 * What the native halves of Web Crypto share (lib/api_crypto.c for random
 * numbers, digests and secret keys, lib/api_crypto_pk.c for RSA, elliptic
 * curves and EdDSA): reading buffer arguments, returning ArrayBuffers, the
 * digest table, and the hidden slots of a CryptoKey that hold its material
 * and its internal state. Internal to lib/.
 */
#ifndef FCW_API_CRYPTO_H
#define FCW_API_CRYPTO_H

#include "duktape.h"

#include <openssl/evp.h>

#include <stddef.h>

#define FCW_CRYPTO_KEY_MATERIAL DUK_HIDDEN_SYMBOL("fcwCryptoKeyMaterial")
#define FCW_CRYPTO_KEY_STATE DUK_HIDDEN_SYMBOL("fcwCryptoKeyState")

/* Pushes a new ArrayBuffer of len bytes and returns its data to fill. */
unsigned char *fcw_crypto_push_array_buffer(duk_context *ctx, size_t len);
/* The bytes of a buffer argument; never NULL, even when empty. */
const unsigned char *fcw_crypto_bytes(duk_context *ctx, duk_idx_t idx, size_t *len);
/* The digest named by the string at idx ("SHA-256", ...); throws a
 * TypeError for any other name. */
const EVP_MD *fcw_crypto_md(duk_context *ctx, duk_idx_t idx);
/* The key material stored on the CryptoKey at idx; throws a TypeError when
 * it has none. */
const unsigned char *fcw_crypto_key_material(duk_context *ctx, duk_idx_t idx, size_t *len);
/* Stores a copy of data as the material of the CryptoKey at key_idx. */
void fcw_crypto_key_put_material(duk_context *ctx, duk_idx_t key_idx, const void *data, size_t len);
/* Stores the object at state_idx as the state of the CryptoKey at key_idx. */
void fcw_crypto_key_put_state(duk_context *ctx, duk_idx_t key_idx, duk_idx_t state_idx);
/* Throws a plain Error naming the OpenSSL call that failed (and clears
 * OpenSSL's error queue). */
duk_ret_t fcw_crypto_openssl_error(duk_context *ctx, const char *call);

void fcw_api_crypto_pk_init(duk_context *ctx, duk_idx_t native_idx);

#endif
