/* SPDX-License-Identifier: MIT */
/*
 * The native half of Web Crypto (js/50-crypto.js is the other half): kernel
 * randomness through getrandom(), and OpenSSL's libcrypto for digests, HMAC,
 * AES-GCM, AES-CBC, AES-CTR, AES-KW, PBKDF2 and HKDF (public-key algorithms are
 * in lib/api_crypto_pk.c). Key material never becomes a JS property: it is
 * copied into a fixed buffer under a hidden symbol of the CryptoKey object
 * (unreachable from script code), and the operations below read it from
 * there. Algorithm checks, parameter validation and WebCrypto error names are
 * the JavaScript side's job; these functions take canonical names and bytes
 * (Uint8Array or any buffer), throw a TypeError for misuse and a plain Error
 * when OpenSSL fails, and return results as fresh ArrayBuffers.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "api_crypto.h"
#include "engine.h"

#define CRYPTO_RANDOM_MAX 65536
#define CRYPTO_DIGEST_CTX DUK_HIDDEN_SYMBOL("fcwCryptoDigestCtx")

static const unsigned char crypto_empty[1];

/* Fills buf with len bytes from the kernel's CSPRNG, retrying on EINTR
 * and on short reads. */
static int crypto_random(void *buf, size_t len)
{
    unsigned char *p = buf;

    while (len > 0) {
        ssize_t n = getrandom(p, len, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Pushes a new ArrayBuffer of len bytes and returns its data to fill. */
unsigned char *fcw_crypto_push_array_buffer(duk_context *ctx, size_t len)
{
    unsigned char *data = duk_push_fixed_buffer(ctx, len);

    duk_push_buffer_object(ctx, -1, 0, len, DUK_BUFOBJ_ARRAYBUFFER);
    duk_remove(ctx, -2);
    return data;
}

/* The bytes of a buffer argument; never NULL, so OpenSSL calls can take
 * it even when it is empty. */
const unsigned char *fcw_crypto_bytes(duk_context *ctx, duk_idx_t idx, size_t *len)
{
    duk_size_t size = 0;
    const unsigned char *data = duk_require_buffer_data(ctx, idx, &size);

    *len = size;
    return data != NULL ? data : crypto_empty;
}

const EVP_MD *fcw_crypto_md(duk_context *ctx, duk_idx_t idx)
{
    static const struct {
        const char *name;
        const EVP_MD *(*md)(void);
    } digests[] = {
        {"SHA-1", EVP_sha1},     {"SHA-256", EVP_sha256}, {"SHA-384", EVP_sha384},
        {"SHA-512", EVP_sha512}, {"MD5", EVP_md5},
    };
    const char *name = duk_require_string(ctx, idx);
    size_t i;

    for (i = 0; i < sizeof(digests) / sizeof(digests[0]); i++) {
        if (strcmp(name, digests[i].name) == 0) {
            return digests[i].md();
        }
    }
    (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "unknown digest '%s'", name);
    return NULL;
}

/* The key material stored on the CryptoKey at idx. */
const unsigned char *fcw_crypto_key_material(duk_context *ctx, duk_idx_t idx, size_t *len)
{
    duk_size_t size = 0;
    const unsigned char *data;

    duk_require_object(ctx, idx);
    duk_get_prop_literal(ctx, idx, FCW_CRYPTO_KEY_MATERIAL);
    data = duk_get_buffer_data(ctx, -1, &size);
    if (!duk_is_buffer_data(ctx, -1)) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a CryptoKey with key material");
    }
    duk_pop(ctx);
    *len = size;
    return data != NULL ? data : crypto_empty;
}

duk_ret_t fcw_crypto_openssl_error(duk_context *ctx, const char *call)
{
    ERR_clear_error();
    return duk_error(ctx, DUK_ERR_ERROR, "failed to run %s()", call);
}

/* cryptoRandomFill(view): fills an integer typed array (or any buffer) in
 * place; at most 65536 bytes. */
static duk_ret_t crypto_random_fill(duk_context *ctx)
{
    duk_size_t size = 0;
    void *data = duk_require_buffer_data(ctx, 0, &size);

    if (size > CRYPTO_RANDOM_MAX) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "at most %d random bytes per call", CRYPTO_RANDOM_MAX);
    }
    if (size > 0 && crypto_random(data, size) < 0) {
        return fcw_crypto_openssl_error(ctx, "getrandom");
    }
    return 0;
}

/* cryptoRandomUUID(): a version 4 UUID in lowercase (RFC 4122 4.4). */
static duk_ret_t crypto_random_uuid(duk_context *ctx)
{
    unsigned char b[16];
    char text[37];

    if (crypto_random(b, sizeof(b)) < 0) {
        return fcw_crypto_openssl_error(ctx, "getrandom");
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(text, sizeof(text), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
             b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    duk_push_string(ctx, text);
    return 1;
}

/* cryptoDigest(name, data) -> ArrayBuffer, or undefined when data is not
 * a BufferSource (ArrayBuffer, a view, a plain buffer): the caller throws
 * its TypeError. */
static duk_ret_t crypto_digest(duk_context *ctx)
{
    const EVP_MD *md = fcw_crypto_md(ctx, 0);
    size_t len;
    const unsigned char *data;
    unsigned char *out;

    if (!duk_is_buffer_data(ctx, 1)) {
        return 0;
    }
    data = fcw_crypto_bytes(ctx, 1, &len);
    out = fcw_crypto_push_array_buffer(ctx, (size_t)EVP_MD_get_size(md));

    if (EVP_Digest(data, len, out, NULL, md, NULL) != 1) {
        return fcw_crypto_openssl_error(ctx, "EVP_Digest");
    }
    return 1;
}

static EVP_MD_CTX *crypto_digest_ctx(duk_context *ctx, duk_idx_t idx)
{
    EVP_MD_CTX *md_ctx;

    duk_require_object(ctx, idx);
    duk_get_prop_literal(ctx, idx, CRYPTO_DIGEST_CTX);
    md_ctx = duk_get_pointer(ctx, -1);
    duk_pop(ctx);
    return md_ctx;
}

static void crypto_digest_release(duk_context *ctx, duk_idx_t idx)
{
    EVP_MD_CTX_free(crypto_digest_ctx(ctx, idx));
    duk_push_pointer(ctx, NULL);
    duk_put_prop_literal(ctx, idx, CRYPTO_DIGEST_CTX);
}

static duk_ret_t crypto_digest_finalize(duk_context *ctx)
{
    crypto_digest_release(ctx, 0);
    return 0;
}

/* cryptoDigestCreate(name) -> an opaque object holding an incremental
 * digest; its finalizer frees the OpenSSL context. */
static duk_ret_t crypto_digest_create(duk_context *ctx)
{
    const EVP_MD *md = fcw_crypto_md(ctx, 0);
    EVP_MD_CTX *md_ctx = EVP_MD_CTX_new();

    if (md_ctx == NULL || EVP_DigestInit_ex(md_ctx, md, NULL) != 1) {
        EVP_MD_CTX_free(md_ctx);
        return fcw_crypto_openssl_error(ctx, "EVP_DigestInit_ex");
    }
    duk_push_object(ctx);
    duk_push_pointer(ctx, md_ctx);
    duk_put_prop_literal(ctx, -2, CRYPTO_DIGEST_CTX);
    duk_push_c_function(ctx, crypto_digest_finalize, 1);
    duk_set_finalizer(ctx, -2);
    return 1;
}

static EVP_MD_CTX *crypto_digest_require_ctx(duk_context *ctx, duk_idx_t idx)
{
    EVP_MD_CTX *md_ctx = crypto_digest_ctx(ctx, idx);

    if (md_ctx == NULL) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "digest already finished");
    }
    return md_ctx;
}

/* cryptoDigestUpdate(digest, bytes) */
static duk_ret_t crypto_digest_update(duk_context *ctx)
{
    EVP_MD_CTX *md_ctx = crypto_digest_require_ctx(ctx, 0);
    size_t len;
    const unsigned char *data = fcw_crypto_bytes(ctx, 1, &len);

    if (EVP_DigestUpdate(md_ctx, data, len) != 1) {
        return fcw_crypto_openssl_error(ctx, "EVP_DigestUpdate");
    }
    return 0;
}

/* cryptoDigestFinish(digest) -> ArrayBuffer; the digest cannot be used
 * afterwards. */
static duk_ret_t crypto_digest_finish(duk_context *ctx)
{
    EVP_MD_CTX *md_ctx = crypto_digest_require_ctx(ctx, 0);
    int size = EVP_MD_CTX_get_size(md_ctx);
    unsigned char *out = fcw_crypto_push_array_buffer(ctx, (size_t)size);
    int ok = EVP_DigestFinal_ex(md_ctx, out, NULL);

    crypto_digest_release(ctx, 0);
    if (ok != 1) {
        return fcw_crypto_openssl_error(ctx, "EVP_DigestFinal_ex");
    }
    return 1;
}

void fcw_crypto_key_put_material(duk_context *ctx, duk_idx_t key_idx, const void *data, size_t len)
{
    void *copy = duk_push_fixed_buffer(ctx, len);

    if (len > 0) {
        memcpy(copy, data, len);
    }
    duk_put_prop_literal(ctx, key_idx, FCW_CRYPTO_KEY_MATERIAL);
}

void fcw_crypto_key_put_state(duk_context *ctx, duk_idx_t key_idx, duk_idx_t state_idx)
{
    duk_require_object(ctx, state_idx);
    duk_dup(ctx, state_idx);
    duk_put_prop_literal(ctx, key_idx, FCW_CRYPTO_KEY_STATE);
}

/* cryptoKeyInit(key, bytes, state): stores a copy of the key material and
 * the internal state object on a new CryptoKey. */
static duk_ret_t crypto_key_init(duk_context *ctx)
{
    size_t len;
    const unsigned char *data = fcw_crypto_bytes(ctx, 1, &len);

    duk_require_object(ctx, 0);
    fcw_crypto_key_put_state(ctx, 0, 2);
    fcw_crypto_key_put_material(ctx, 0, data, len);
    return 0;
}

/* cryptoKeyGenerate(key, byteLength, state): like cryptoKeyInit with
 * fresh random material that never passes through script code. */
static duk_ret_t crypto_key_generate(duk_context *ctx)
{
    duk_uint_t len = duk_require_uint(ctx, 1);
    void *data;

    duk_require_object(ctx, 0);
    fcw_crypto_key_put_state(ctx, 0, 2);
    data = duk_push_fixed_buffer(ctx, len);
    if (len > 0 && crypto_random(data, len) < 0) {
        return fcw_crypto_openssl_error(ctx, "getrandom");
    }
    duk_put_prop_literal(ctx, 0, FCW_CRYPTO_KEY_MATERIAL);
    return 0;
}

/* cryptoKeyState(value) -> the internal state of a CryptoKey, or
 * undefined for anything else. */
static duk_ret_t crypto_key_state(duk_context *ctx)
{
    if (!duk_is_object(ctx, 0)) {
        return 0;
    }
    duk_get_prop_literal(ctx, 0, FCW_CRYPTO_KEY_STATE);
    return 1;
}

/* cryptoKeyExport(key) -> ArrayBuffer copy of the key material */
static duk_ret_t crypto_key_export(duk_context *ctx)
{
    size_t len;
    const unsigned char *data = fcw_crypto_key_material(ctx, 0, &len);
    unsigned char *out = fcw_crypto_push_array_buffer(ctx, len);

    if (len > 0) {
        memcpy(out, data, len);
    }
    return 1;
}

/* cryptoHmac(hashName, key, bytes) -> ArrayBuffer */
static duk_ret_t crypto_hmac(duk_context *ctx)
{
    const EVP_MD *md = fcw_crypto_md(ctx, 0);
    size_t key_len, len;
    const unsigned char *key = fcw_crypto_key_material(ctx, 1, &key_len);
    const unsigned char *data = fcw_crypto_bytes(ctx, 2, &len);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;

    if (key_len > (size_t)INT32_MAX || HMAC(md, key, (int)key_len, data, len, mac, &mac_len) == NULL) {
        return fcw_crypto_openssl_error(ctx, "HMAC");
    }
    memcpy(fcw_crypto_push_array_buffer(ctx, mac_len), mac, mac_len);
    return 1;
}

/* cryptoEqual(a, b) -> whether two buffers of equal length hold the same
 * bytes, in time independent of where they differ. */
static duk_ret_t crypto_equal(duk_context *ctx)
{
    size_t a_len, b_len;
    const unsigned char *a = fcw_crypto_bytes(ctx, 0, &a_len);
    const unsigned char *b = fcw_crypto_bytes(ctx, 1, &b_len);

    duk_push_boolean(ctx, a_len == b_len && CRYPTO_memcmp(a, b, a_len) == 0);
    return 1;
}

static const EVP_CIPHER *crypto_aes_gcm_cipher(duk_context *ctx, size_t key_len)
{
    switch (key_len) {
    case 16: return EVP_aes_128_gcm();
    case 24: return EVP_aes_192_gcm();
    case 32: return EVP_aes_256_gcm();
    default: (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "AES key of %d bytes", (int)key_len); return NULL;
    }
}

struct crypto_gcm_args {
    const unsigned char *key, *iv, *aad, *data;
    size_t key_len, iv_len, aad_len, data_len, tag_len;
    int encrypt;
};

/* Runs AES-GCM over args into out (ciphertext then tag when encrypting;
 * data is ciphertext then tag when decrypting). Returns 0, or -1 when
 * OpenSSL fails or, decrypting, the tag does not authenticate. */
static int crypto_aes_gcm_run(const EVP_CIPHER *cipher, const struct crypto_gcm_args *a, unsigned char *out)
{
    size_t body_len = a->encrypt ? a->data_len : a->data_len - a->tag_len;
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, ok;

    ok = c != NULL && EVP_CipherInit_ex(c, cipher, NULL, NULL, NULL, a->encrypt) == 1 &&
         EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, (int)a->iv_len, NULL) == 1 &&
         EVP_CipherInit_ex(c, NULL, NULL, a->key, a->iv, a->encrypt) == 1 &&
         (a->aad_len == 0 || EVP_CipherUpdate(c, NULL, &n, a->aad, (int)a->aad_len) == 1) &&
         (body_len == 0 || EVP_CipherUpdate(c, out, &n, a->data, (int)body_len) == 1) &&
         (a->encrypt ||
          EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, (int)a->tag_len, (void *)(a->data + body_len)) == 1) &&
         EVP_CipherFinal_ex(c, out + body_len, &n) == 1 &&
         (!a->encrypt || EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, (int)a->tag_len, out + body_len) == 1);
    EVP_CIPHER_CTX_free(c);
    return ok ? 0 : -1;
}

/* cryptoAesGcm(encrypt, key, iv, additionalData, bytes, tagBytes) ->
 * ArrayBuffer, or null when decryption fails to authenticate. */
static duk_ret_t crypto_aes_gcm(duk_context *ctx)
{
    struct crypto_gcm_args a;
    const EVP_CIPHER *cipher;
    size_t out_len;
    unsigned char *out;

    a.encrypt = duk_require_boolean(ctx, 0);
    a.key = fcw_crypto_key_material(ctx, 1, &a.key_len);
    a.iv = fcw_crypto_bytes(ctx, 2, &a.iv_len);
    a.aad = fcw_crypto_bytes(ctx, 3, &a.aad_len);
    a.data = fcw_crypto_bytes(ctx, 4, &a.data_len);
    a.tag_len = duk_require_uint(ctx, 5);
    cipher = crypto_aes_gcm_cipher(ctx, a.key_len);
    if (a.tag_len < 4 || a.tag_len > 16 || a.iv_len == 0 || a.iv_len > INT32_MAX || a.aad_len > INT32_MAX ||
        a.data_len > INT32_MAX - 16 || (!a.encrypt && a.data_len < a.tag_len)) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "AES-GCM argument out of range");
    }
    out_len = a.encrypt ? a.data_len + a.tag_len : a.data_len - a.tag_len;
    out = duk_push_fixed_buffer(ctx, out_len + 16);
    if (crypto_aes_gcm_run(cipher, &a, out) < 0) {
        if (!a.encrypt) {
            OPENSSL_cleanse(out, out_len);
            duk_push_null(ctx);
            return 1;
        }
        return fcw_crypto_openssl_error(ctx, "EVP_CipherFinal_ex");
    }
    duk_push_buffer_object(ctx, -1, 0, out_len, DUK_BUFOBJ_ARRAYBUFFER);
    return 1;
}

/* The AES cipher of a mode ("CBC", "CTR", "WRAP") for a key of key_len
 * bytes, fetched from the default provider; free it with EVP_CIPHER_free. */
static EVP_CIPHER *crypto_aes_fetch(duk_context *ctx, const char *mode, size_t key_len)
{
    char name[32];
    EVP_CIPHER *cipher;

    if (key_len != 16 && key_len != 24 && key_len != 32) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "AES key of %d bytes", (int)key_len);
    }
    snprintf(name, sizeof(name), "AES-%d-%s", (int)key_len * 8, mode);
    cipher = EVP_CIPHER_fetch(NULL, name, NULL);
    if (cipher == NULL) {
        (void)fcw_crypto_openssl_error(ctx, "EVP_CIPHER_fetch");
    }
    return cipher;
}

/* Runs cipher over in (in_len bytes) into out; padding is PKCS#7 for CBC
 * and none for the others. Returns the bytes written, or -1. */
static int crypto_cipher_run(const EVP_CIPHER *cipher, const unsigned char *key, const unsigned char *iv, int encrypt,
                             const unsigned char *in, size_t in_len, unsigned char *out)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int n = 0, m = 0, ok;

    if (c == NULL) {
        return -1;
    }
    EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    ok = EVP_CipherInit_ex(c, cipher, NULL, key, iv, encrypt) == 1 &&
         (in_len == 0 || EVP_CipherUpdate(c, out, &n, in, (int)in_len) == 1) && EVP_CipherFinal_ex(c, out + n, &m) == 1;
    EVP_CIPHER_CTX_free(c);
    if (!ok) {
        ERR_clear_error();
        return -1;
    }
    return n + m;
}

/* cryptoAesCbc(encrypt, key, iv, bytes) -> ArrayBuffer, or null when the
 * padding of a decrypted message is wrong. */
static duk_ret_t crypto_aes_cbc(duk_context *ctx)
{
    int encrypt = duk_require_boolean(ctx, 0);
    size_t key_len, iv_len, len;
    const unsigned char *key = fcw_crypto_key_material(ctx, 1, &key_len);
    const unsigned char *iv = fcw_crypto_bytes(ctx, 2, &iv_len);
    const unsigned char *data = fcw_crypto_bytes(ctx, 3, &len);
    EVP_CIPHER *cipher;
    unsigned char *out;
    int n;

    if (iv_len != 16 || len > INT32_MAX - 32) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "AES-CBC argument out of range");
    }
    cipher = crypto_aes_fetch(ctx, "CBC", key_len);
    out = duk_push_fixed_buffer(ctx, len + 16);
    n = crypto_cipher_run(cipher, key, iv, encrypt, data, len, out);
    EVP_CIPHER_free(cipher);
    if (n < 0) {
        if (!encrypt) {
            OPENSSL_cleanse(out, len + 16);
            duk_push_null(ctx);
            return 1;
        }
        return fcw_crypto_openssl_error(ctx, "EVP_CipherFinal_ex");
    }
    duk_push_buffer_object(ctx, -1, 0, (duk_size_t)n, DUK_BUFOBJ_ARRAYBUFFER);
    return 1;
}

/* How many blocks the rightmost `bits` bits of a counter block can count
 * before they wrap (2^bits - value), capped at 2^32 (more than any message
 * of at most 2^31 bytes needs). */
static unsigned long long crypto_ctr_blocks_left(const unsigned char block[16], unsigned int bits)
{
    unsigned long long value = 0, cap = 1ULL << 32;
    unsigned int i;

    if (bits > 32) {
        /* only when every counter bit above the lowest 32 is set can the
         * lowest 32 wrap the whole counter within the cap */
        for (i = 32; i < bits; i++) {
            if (!(block[15 - i / 8] & (1u << (i % 8)))) {
                return cap;
            }
        }
        bits = 32;
    }
    for (i = 12; i < 16; i++) {
        value = (value << 8) | block[i];
    }
    value &= (1ULL << bits) - 1;
    return (1ULL << bits) - value;
}

/* cryptoAesCtr(key, counter, lengthBits, bytes) -> ArrayBuffer. Only the
 * rightmost lengthBits bits of the 16-byte counter block count up, and
 * wrap around to zero without carrying into the rest (WebCrypto's AES-CTR);
 * OpenSSL counts over the whole block, so a message that crosses the wrap
 * is run in two parts. The caller checks that the message is not longer
 * than 2^lengthBits blocks. */
static duk_ret_t crypto_aes_ctr(duk_context *ctx)
{
    size_t key_len, counter_len, len, first_len = 0;
    const unsigned char *key = fcw_crypto_key_material(ctx, 0, &key_len);
    const unsigned char *counter = fcw_crypto_bytes(ctx, 1, &counter_len);
    duk_uint_t bits = duk_require_uint(ctx, 2);
    const unsigned char *data = fcw_crypto_bytes(ctx, 3, &len);
    unsigned char block[16];
    EVP_CIPHER *cipher;
    unsigned char *out;
    int i, ok;

    if (counter_len != 16 || bits == 0 || bits > 128 || len > INT32_MAX) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "AES-CTR argument out of range");
    }
    cipher = crypto_aes_fetch(ctx, "CTR", key_len);
    out = fcw_crypto_push_array_buffer(ctx, len);
    memcpy(block, counter, 16);
    if (crypto_ctr_blocks_left(block, bits) < (len + 15) / 16) {
        first_len = (size_t)crypto_ctr_blocks_left(block, bits) * 16;
    }
    ok = crypto_cipher_run(cipher, key, block, 1, data, first_len > 0 ? first_len : len, out) >= 0;
    if (ok && first_len > 0) {
        /* the counter bits start again from zero */
        for (i = 15; i >= 0 && bits > 0; i--) {
            unsigned int take = bits >= 8 ? 8 : bits;
            block[i] = (unsigned char)(block[i] & ~((1u << take) - 1u));
            bits -= take;
        }
        ok = crypto_cipher_run(cipher, key, block, 1, data + first_len, len - first_len, out + first_len) >= 0;
    }
    EVP_CIPHER_free(cipher);
    if (!ok) {
        return fcw_crypto_openssl_error(ctx, "EVP_CipherUpdate");
    }
    return 1;
}

/* cryptoAesKw(wrap, key, bytes) -> ArrayBuffer (RFC 3394), or null when
 * an unwrapped key fails its integrity check. */
static duk_ret_t crypto_aes_kw(duk_context *ctx)
{
    int wrap = duk_require_boolean(ctx, 0);
    size_t key_len, len;
    const unsigned char *key = fcw_crypto_key_material(ctx, 1, &key_len);
    const unsigned char *data = fcw_crypto_bytes(ctx, 2, &len);
    EVP_CIPHER *cipher;
    unsigned char *out;
    int n;

    if (len % 8 != 0 || len < (wrap ? 16u : 24u) || len > INT32_MAX - 16) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "AES-KW data length out of range");
    }
    cipher = crypto_aes_fetch(ctx, "WRAP", key_len);
    out = duk_push_fixed_buffer(ctx, len + 16);
    n = crypto_cipher_run(cipher, key, NULL, wrap, data, len, out);
    EVP_CIPHER_free(cipher);
    if (n < 0) {
        if (!wrap) {
            OPENSSL_cleanse(out, len + 16);
            duk_push_null(ctx);
            return 1;
        }
        return fcw_crypto_openssl_error(ctx, "EVP_CipherUpdate");
    }
    duk_push_buffer_object(ctx, -1, 0, (duk_size_t)n, DUK_BUFOBJ_ARRAYBUFFER);
    return 1;
}

/* cryptoPbkdf2(hashName, key, salt, iterations, byteLength) -> ArrayBuffer */
static duk_ret_t crypto_pbkdf2(duk_context *ctx)
{
    const EVP_MD *md = fcw_crypto_md(ctx, 0);
    size_t pass_len, salt_len;
    const unsigned char *pass = fcw_crypto_key_material(ctx, 1, &pass_len);
    const unsigned char *salt = fcw_crypto_bytes(ctx, 2, &salt_len);
    duk_uint_t iterations = duk_require_uint(ctx, 3);
    duk_uint_t len = duk_require_uint(ctx, 4);
    unsigned char *out = fcw_crypto_push_array_buffer(ctx, len);

    if (len == 0) {
        return 1;
    }
    if (iterations == 0 || iterations > INT32_MAX || pass_len > INT32_MAX || salt_len > INT32_MAX || len > INT32_MAX ||
        PKCS5_PBKDF2_HMAC((const char *)pass, (int)pass_len, salt, (int)salt_len, (int)iterations, md, (int)len, out) !=
            1) {
        return fcw_crypto_openssl_error(ctx, "PKCS5_PBKDF2_HMAC");
    }
    return 1;
}

/* cryptoHkdf(hashName, key, salt, info, byteLength) -> ArrayBuffer */
static duk_ret_t crypto_hkdf(duk_context *ctx)
{
    const EVP_MD *md = fcw_crypto_md(ctx, 0);
    size_t ikm_len, salt_len, info_len;
    const unsigned char *ikm = fcw_crypto_key_material(ctx, 1, &ikm_len);
    const unsigned char *salt = fcw_crypto_bytes(ctx, 2, &salt_len);
    const unsigned char *info = fcw_crypto_bytes(ctx, 3, &info_len);
    duk_uint_t len = duk_require_uint(ctx, 4);
    unsigned char *out = fcw_crypto_push_array_buffer(ctx, len);
    EVP_KDF *kdf;
    EVP_KDF_CTX *kctx;
    OSSL_PARAM params[5];
    int ok;

    if (len == 0) {
        return 1;
    }
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, (void *)ikm, ikm_len);
    params[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *)salt, salt_len);
    params[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, (void *)info, info_len);
    params[4] = OSSL_PARAM_construct_end();
    kdf = EVP_KDF_fetch(NULL, OSSL_KDF_NAME_HKDF, NULL);
    kctx = kdf != NULL ? EVP_KDF_CTX_new(kdf) : NULL;
    ok = kctx != NULL && EVP_KDF_derive(kctx, out, len, params) == 1;
    EVP_KDF_CTX_free(kctx);
    EVP_KDF_free(kdf);
    if (!ok) {
        return fcw_crypto_openssl_error(ctx, "EVP_KDF_derive");
    }
    return 1;
}

void fcw_api_crypto_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry functions[] = {{"cryptoRandomFill", crypto_random_fill, 1},
                                                        {"cryptoRandomUUID", crypto_random_uuid, 0},
                                                        {"cryptoDigest", crypto_digest, 2},
                                                        {"cryptoDigestCreate", crypto_digest_create, 1},
                                                        {"cryptoDigestUpdate", crypto_digest_update, 2},
                                                        {"cryptoDigestFinish", crypto_digest_finish, 1},
                                                        {"cryptoKeyInit", crypto_key_init, 3},
                                                        {"cryptoKeyGenerate", crypto_key_generate, 3},
                                                        {"cryptoKeyState", crypto_key_state, 1},
                                                        {"cryptoKeyExport", crypto_key_export, 1},
                                                        {"cryptoHmac", crypto_hmac, 3},
                                                        {"cryptoEqual", crypto_equal, 2},
                                                        {"cryptoAesGcm", crypto_aes_gcm, 6},
                                                        {"cryptoAesCbc", crypto_aes_cbc, 4},
                                                        {"cryptoAesCtr", crypto_aes_ctr, 4},
                                                        {"cryptoAesKw", crypto_aes_kw, 3},
                                                        {"cryptoPbkdf2", crypto_pbkdf2, 5},
                                                        {"cryptoHkdf", crypto_hkdf, 5},
                                                        {NULL, NULL, 0}};

    native_idx = duk_normalize_index(ctx, native_idx);
    duk_put_function_list(ctx, native_idx, functions);
}
