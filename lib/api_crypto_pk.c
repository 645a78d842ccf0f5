/* SPDX-License-Identifier: MIT */
/*
 * The public-key half of Web Crypto's native side (js/51-crypto-pk.js calls
 * it): RSA (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP), ECDSA and ECDH on P-256,
 * P-384 and P-521, Ed25519 and X25519, on OpenSSL 3's EVP_PKEY. A key's
 * material is its DER encoding kept in the CryptoKey's hidden material slot
 * (SubjectPublicKeyInfo for a public key, PKCS #8 for a private one, which
 * is also what every import is normalised to), decoded again for each
 * operation; which of the two it is comes from the type recorded in the
 * key's hidden state. Kinds are "RSA", "EC", "Ed25519" and "X25519"; curves
 * are WebCrypto's names. Imports return null for data that is not a valid
 * key of the kind asked for (the caller's DataError); decryption,
 * derivation from a point that gives no secret, and signing with parameters
 * the key cannot take return null (an OperationError); verification answers
 * false for any signature that does not verify, including malformed ones.
 * Everything else that fails in OpenSSL throws a plain Error.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "api_crypto.h"

#define PK_EXPONENT_MAX 8

static const struct {
    const char *webcrypto, *openssl;
    size_t bytes;
} pk_curves[] = {
    {"P-256", "prime256v1", 32},
    {"P-384", "secp384r1", 48},
    {"P-521", "secp521r1", 66},
};

static int pk_curve_index(const char *name, int openssl)
{
    size_t i;

    for (i = 0; i < sizeof(pk_curves) / sizeof(pk_curves[0]); i++) {
        if (strcmp(name, openssl ? pk_curves[i].openssl : pk_curves[i].webcrypto) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static int pk_require_curve(duk_context *ctx, duk_idx_t idx)
{
    const char *name = duk_require_string(ctx, idx);
    int i = pk_curve_index(name, 0);

    if (i < 0) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "unknown curve '%s'", name);
    }
    return i;
}

/* The OpenSSL key type of a kind; throws for an unknown kind. */
static int pk_kind_type(duk_context *ctx, duk_idx_t idx)
{
    const char *kind = duk_require_string(ctx, idx);

    if (strcmp(kind, "RSA") == 0) {
        return EVP_PKEY_RSA;
    }
    if (strcmp(kind, "EC") == 0) {
        return EVP_PKEY_EC;
    }
    if (strcmp(kind, "Ed25519") == 0) {
        return EVP_PKEY_ED25519;
    }
    if (strcmp(kind, "X25519") == 0) {
        return EVP_PKEY_X25519;
    }
    (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "unknown key kind '%s'", kind);
    return -1;
}

/* The index of the curve of an EC key, or -1 for a curve WebCrypto lacks. */
static int pk_key_curve(EVP_PKEY *pkey)
{
    char name[64];

    if (EVP_PKEY_get_group_name(pkey, name, sizeof(name), NULL) != 1) {
        return -1;
    }
    return pk_curve_index(name, 1);
}

/* Whether the CryptoKey at idx was made a private key. */
static int pk_is_private(duk_context *ctx, duk_idx_t idx)
{
    int private_key;

    duk_get_prop_literal(ctx, idx, FCW_CRYPTO_KEY_STATE);
    if (!duk_is_object(ctx, -1)) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a CryptoKey");
    }
    duk_get_prop_literal(ctx, -1, "type");
    private_key = strcmp(duk_safe_to_string(ctx, -1), "private") == 0;
    duk_pop_2(ctx);
    return private_key;
}

static EVP_PKEY *pk_decode_public(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    EVP_PKEY *pkey = len <= LONG_MAX ? d2i_PUBKEY(NULL, &p, (long)len) : NULL;

    if (pkey != NULL && p != der + len) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    return pkey;
}

static EVP_PKEY *pk_decode_private(const unsigned char *der, size_t len)
{
    const unsigned char *p = der;
    PKCS8_PRIV_KEY_INFO *info = len <= LONG_MAX ? d2i_PKCS8_PRIV_KEY_INFO(NULL, &p, (long)len) : NULL;
    EVP_PKEY *pkey = NULL;

    if (info != NULL && p == der + len) {
        pkey = EVP_PKCS82PKEY(info);
    }
    PKCS8_PRIV_KEY_INFO_free(info);
    return pkey;
}

/* The EVP_PKEY of the CryptoKey at idx; free it with EVP_PKEY_free. */
static EVP_PKEY *pk_load(duk_context *ctx, duk_idx_t idx, int *private_key)
{
    size_t len;
    const unsigned char *der = fcw_crypto_key_material(ctx, idx, &len);
    int is_private = pk_is_private(ctx, idx);
    EVP_PKEY *pkey = is_private ? pk_decode_private(der, len) : pk_decode_public(der, len);

    if (pkey == NULL) {
        (void)fcw_crypto_openssl_error(ctx, "d2i_PUBKEY");
    }
    if (private_key != NULL) {
        *private_key = is_private;
    }
    return pkey;
}

/* Pushes the DER of pkey's public key (SubjectPublicKeyInfo) or private
 * key (PKCS #8) as a plain buffer; returns 0, or -1 with nothing pushed. */
static int pk_push_der(duk_context *ctx, EVP_PKEY *pkey, int private_key)
{
    unsigned char *der = NULL;
    int len;

    if (private_key) {
        PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(pkey);
        len = info != NULL ? i2d_PKCS8_PRIV_KEY_INFO(info, &der) : -1;
        PKCS8_PRIV_KEY_INFO_free(info);
    } else {
        len = i2d_PUBKEY(pkey, &der);
    }
    if (len <= 0) {
        ERR_clear_error();
        return -1;
    }
    memcpy(duk_push_fixed_buffer(ctx, (size_t)len), der, (size_t)len);
    OPENSSL_cleanse(der, (size_t)len);
    OPENSSL_free(der);
    return 0;
}

/* Stores pkey as the material of the CryptoKey at key_idx with the state
 * at state_idx. */
static void pk_store(duk_context *ctx, duk_idx_t key_idx, duk_idx_t state_idx, EVP_PKEY *pkey, int private_key)
{
    if (pk_push_der(ctx, pkey, private_key) < 0) {
        EVP_PKEY_free(pkey);
        (void)fcw_crypto_openssl_error(ctx, "i2d_PUBKEY");
    }
    duk_put_prop_literal(ctx, key_idx, FCW_CRYPTO_KEY_MATERIAL);
    fcw_crypto_key_put_state(ctx, key_idx, state_idx);
}

/* Pushes a BIGNUM parameter of pkey as an ArrayBuffer, big-endian, padded
 * to pad bytes (0: no padding); returns 0 or -1 with nothing pushed. */
static int pk_push_bn(duk_context *ctx, EVP_PKEY *pkey, const char *param, size_t pad)
{
    BIGNUM *bn = NULL;
    size_t len;
    int ok;

    if (EVP_PKEY_get_bn_param(pkey, param, &bn) != 1) {
        ERR_clear_error();
        return -1;
    }
    len = pad > 0 ? pad : (size_t)BN_num_bytes(bn);
    ok = BN_bn2binpad(bn, fcw_crypto_push_array_buffer(ctx, len), (int)len) == (int)len;
    BN_clear_free(bn);
    if (!ok) {
        duk_pop(ctx);
        return -1;
    }
    return 0;
}

/* Pushes a description of an imported or generated key: { modulusLength,
 * publicExponent } for RSA, { namedCurve } for EC, {} for the others. */
static void pk_push_info(duk_context *ctx, EVP_PKEY *pkey)
{
    duk_push_object(ctx);
    if (EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA) {
        duk_push_int(ctx, EVP_PKEY_get_bits(pkey));
        duk_put_prop_literal(ctx, -2, "modulusLength");
        if (pk_push_bn(ctx, pkey, OSSL_PKEY_PARAM_RSA_E, 0) == 0) {
            duk_put_prop_literal(ctx, -2, "publicExponent");
        }
    } else if (EVP_PKEY_get_base_id(pkey) == EVP_PKEY_EC) {
        int curve = pk_key_curve(pkey);
        duk_push_string(ctx, curve >= 0 ? pk_curves[curve].webcrypto : "");
        duk_put_prop_literal(ctx, -2, "namedCurve");
    }
}

/* Whether pkey is of the kind (and for EC the curve) asked for. */
static int pk_matches(EVP_PKEY *pkey, int type, int curve)
{
    if (EVP_PKEY_get_base_id(pkey) != type) {
        return 0;
    }
    return type != EVP_PKEY_EC || pk_key_curve(pkey) == curve;
}

/* cryptoPkGenerate(kind, bitsOrCurve, publicExponent, publicKey,
 * publicState, privateKey, privateState) -> info of the new key pair */
static duk_ret_t pk_generate(duk_context *ctx)
{
    static const char *const names[] = {"RSA", "EC", "ED25519", "X25519"};
    int type = pk_kind_type(ctx, 0);
    const char *name = names[type == EVP_PKEY_RSA ? 0 : type == EVP_PKEY_EC ? 1 : type == EVP_PKEY_ED25519 ? 2 : 3];
    EVP_PKEY_CTX *kctx;
    EVP_PKEY *pkey = NULL;
    BIGNUM *e = NULL;
    int ok, curve = -1;
    duk_uint_t bits = 0;

    if (type == EVP_PKEY_RSA) {
        size_t e_len;
        const unsigned char *e_bytes = fcw_crypto_bytes(ctx, 2, &e_len);
        bits = duk_require_uint(ctx, 1);
        if (bits < 512 || bits > 16384 || e_len == 0 || e_len > PK_EXPONENT_MAX) {
            return duk_error(ctx, DUK_ERR_RANGE_ERROR, "RSA parameters out of range");
        }
        e = BN_bin2bn(e_bytes, (int)e_len, NULL);
    } else if (type == EVP_PKEY_EC) {
        curve = pk_require_curve(ctx, 1);
    }
    kctx = EVP_PKEY_CTX_new_from_name(NULL, name, NULL);
    ok = kctx != NULL && EVP_PKEY_keygen_init(kctx) == 1;
    if (ok && type == EVP_PKEY_RSA) {
        ok = e != NULL && EVP_PKEY_CTX_set_rsa_keygen_bits(kctx, (int)bits) == 1 &&
             EVP_PKEY_CTX_set1_rsa_keygen_pubexp(kctx, e) == 1;
    } else if (ok && type == EVP_PKEY_EC) {
        ok = EVP_PKEY_CTX_set_group_name(kctx, pk_curves[curve].openssl) == 1;
    }
    ok = ok && EVP_PKEY_generate(kctx, &pkey) == 1;
    EVP_PKEY_CTX_free(kctx);
    BN_free(e);
    if (!ok) {
        EVP_PKEY_free(pkey);
        return fcw_crypto_openssl_error(ctx, "EVP_PKEY_generate");
    }
    pk_store(ctx, 3, 4, pkey, 0);
    pk_store(ctx, 5, 6, pkey, 1);
    pk_push_info(ctx, pkey);
    EVP_PKEY_free(pkey);
    return 1;
}

/* A public key from its raw form: an EC point (uncompressed or compressed)
 * on a curve, or the 32 bytes of an Ed25519 or X25519 key. */
static EVP_PKEY *pk_from_raw_public(int type, int curve, const unsigned char *data, size_t len)
{
    OSSL_PARAM params[3];
    EVP_PKEY_CTX *fctx;
    EVP_PKEY *pkey = NULL;

    if (type == EVP_PKEY_ED25519 || type == EVP_PKEY_X25519) {
        return len == 32 ? EVP_PKEY_new_raw_public_key(type, NULL, data, len) : NULL;
    }
    if (type != EVP_PKEY_EC || len == 0) {
        return NULL;
    }
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)pk_curves[curve].openssl, 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, (void *)data, len);
    params[2] = OSSL_PARAM_construct_end();
    fctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    if (fctx == NULL || EVP_PKEY_fromdata_init(fctx) != 1 ||
        EVP_PKEY_fromdata(fctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        pkey = NULL;
    }
    EVP_PKEY_CTX_free(fctx);
    return pkey;
}

/* cryptoPkImport(key, state, kind, format, bytes, curve) -> info, or null
 * when bytes are not a key of that kind. format: "spki", "pkcs8", "raw". */
static duk_ret_t pk_import(duk_context *ctx)
{
    int type = pk_kind_type(ctx, 2);
    const char *format = duk_require_string(ctx, 3);
    size_t len;
    const unsigned char *data = fcw_crypto_bytes(ctx, 4, &len);
    int curve = type == EVP_PKEY_EC ? pk_require_curve(ctx, 5) : -1;
    int private_key = strcmp(format, "pkcs8") == 0;
    EVP_PKEY *pkey;

    if (private_key) {
        pkey = pk_decode_private(data, len);
    } else if (strcmp(format, "spki") == 0) {
        pkey = pk_decode_public(data, len);
    } else if (strcmp(format, "raw") == 0) {
        pkey = pk_from_raw_public(type, curve, data, len);
    } else {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "unknown key format '%s'", format);
    }
    if (pkey == NULL || !pk_matches(pkey, type, curve)) {
        ERR_clear_error();
        EVP_PKEY_free(pkey);
        duk_push_null(ctx);
        return 1;
    }
    pk_store(ctx, 0, 1, pkey, private_key);
    pk_push_info(ctx, pkey);
    EVP_PKEY_free(pkey);
    return 1;
}

/* The bytes of member name of the object at idx, or NULL when it has none. */
static const unsigned char *pk_member(duk_context *ctx, duk_idx_t idx, const char *name, size_t *len)
{
    duk_size_t size = 0;
    const unsigned char *data = NULL;

    duk_get_prop_string(ctx, idx, name);
    if (duk_is_buffer_data(ctx, -1)) {
        data = duk_get_buffer_data(ctx, -1, &size);
        if (data == NULL) {
            data = (const unsigned char *)"";
        }
    }
    duk_pop(ctx);
    *len = size;
    return data;
}

/* Pushes member name of the object at idx as a BIGNUM parameter; returns
 * 0, or -1 when it is missing (it is then not pushed). */
static int pk_bld_bn(duk_context *ctx, OSSL_PARAM_BLD *bld, duk_idx_t idx, const char *name, const char *param,
                     BIGNUM **bns, int *n)
{
    size_t len;
    const unsigned char *data = pk_member(ctx, idx, name, &len);

    if (data == NULL || len == 0 || len > INT32_MAX) {
        return -1;
    }
    bns[*n] = BN_bin2bn(data, (int)len, NULL);
    if (bns[*n] == NULL || OSSL_PARAM_BLD_push_BN(bld, param, bns[*n]) != 1) {
        BN_free(bns[*n]);
        return -1;
    }
    (*n)++;
    return 0;
}

/* An RSA or EC key from its JWK members (as bytes on the object at idx). */
static EVP_PKEY *pk_from_members(duk_context *ctx, duk_idx_t idx, int type, int curve, int private_key)
{
    static const char *const rsa_members[][2] = {
        {"n", OSSL_PKEY_PARAM_RSA_N},          {"e", OSSL_PKEY_PARAM_RSA_E},
        {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
        {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
    };
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *fctx = NULL;
    EVP_PKEY *pkey = NULL;
    BIGNUM *bns[8];
    unsigned char point[1 + 2 * 66];
    int n = 0, i, ok = bld != NULL;

    if (ok && type == EVP_PKEY_RSA) {
        int want = private_key ? 8 : 2;
        for (i = 0; ok && i < want; i++) {
            /* n, e and d are required; the CRT members all or none */
            ok = pk_bld_bn(ctx, bld, idx, rsa_members[i][0], rsa_members[i][1], bns, &n) == 0 || (i >= 3 && n == 3);
        }
    } else if (ok) {
        size_t x_len, y_len, field = pk_curves[curve].bytes;
        const unsigned char *x = pk_member(ctx, idx, "x", &x_len);
        const unsigned char *y = pk_member(ctx, idx, "y", &y_len);
        ok = x != NULL && y != NULL && x_len == field && y_len == field;
        if (ok) {
            point[0] = 4;
            memcpy(point + 1, x, field);
            memcpy(point + 1 + field, y, field);
            ok = OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, pk_curves[curve].openssl, 0) == 1 &&
                 OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point, 1 + 2 * field) == 1;
        }
        if (ok && private_key) {
            size_t d_len;
            ok = pk_member(ctx, idx, "d", &d_len) != NULL && d_len == field &&
                 pk_bld_bn(ctx, bld, idx, "d", OSSL_PKEY_PARAM_PRIV_KEY, bns, &n) == 0;
        }
    }
    if (ok) {
        params = OSSL_PARAM_BLD_to_param(bld);
        fctx = EVP_PKEY_CTX_new_from_name(NULL, type == EVP_PKEY_RSA ? "RSA" : "EC", NULL);
        ok = params != NULL && fctx != NULL && EVP_PKEY_fromdata_init(fctx) == 1 &&
             EVP_PKEY_fromdata(fctx, &pkey, private_key ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) == 1;
    }
    EVP_PKEY_CTX_free(fctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    for (i = 0; i < n; i++) {
        BN_clear_free(bns[i]);
    }
    if (ok && private_key && type == EVP_PKEY_EC) {
        /* d must belong to the public point */
        EVP_PKEY_CTX *cctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
        ok = cctx != NULL && EVP_PKEY_pairwise_check(cctx) == 1;
        EVP_PKEY_CTX_free(cctx);
    }
    if (!ok) {
        EVP_PKEY_free(pkey);
        return NULL;
    }
    return pkey;
}

/* An Ed25519 or X25519 key from its JWK members x (and d). */
static EVP_PKEY *pk_from_okp_members(duk_context *ctx, duk_idx_t idx, int type, int private_key)
{
    size_t x_len, d_len;
    const unsigned char *x = pk_member(ctx, idx, "x", &x_len);
    const unsigned char *d = pk_member(ctx, idx, "d", &d_len);
    unsigned char derived[32];
    size_t derived_len = sizeof(derived);
    EVP_PKEY *pkey;

    if (x == NULL || x_len != 32) {
        return NULL;
    }
    if (!private_key) {
        return EVP_PKEY_new_raw_public_key(type, NULL, x, x_len);
    }
    if (d == NULL || d_len != 32) {
        return NULL;
    }
    pkey = EVP_PKEY_new_raw_private_key(type, NULL, d, d_len);
    if (pkey != NULL && (EVP_PKEY_get_raw_public_key(pkey, derived, &derived_len) != 1 || derived_len != 32 ||
                         CRYPTO_memcmp(derived, x, 32) != 0)) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    return pkey;
}

/* cryptoPkImportJwk(key, state, kind, curve, private, members) -> info, or
 * null when the members do not make a key. members holds the decoded
 * base64url members (n, e, d, p, q, dp, dq, qi; x, y, d) as buffers. */
static duk_ret_t pk_import_jwk(duk_context *ctx)
{
    int type = pk_kind_type(ctx, 2);
    int curve = type == EVP_PKEY_EC ? pk_require_curve(ctx, 3) : -1;
    int private_key = duk_require_boolean(ctx, 4);
    EVP_PKEY *pkey;

    duk_require_object(ctx, 5);
    if (type == EVP_PKEY_RSA || type == EVP_PKEY_EC) {
        pkey = pk_from_members(ctx, 5, type, curve, private_key);
    } else {
        pkey = pk_from_okp_members(ctx, 5, type, private_key);
    }
    if (pkey == NULL) {
        ERR_clear_error();
        duk_push_null(ctx);
        return 1;
    }
    pk_store(ctx, 0, 1, pkey, private_key);
    pk_push_info(ctx, pkey);
    EVP_PKEY_free(pkey);
    return 1;
}

/* cryptoPkExport(key, format) -> ArrayBuffer; format "spki" or "raw" of a
 * public key, "pkcs8" of a private key (the caller checks which). */
static duk_ret_t pk_export(duk_context *ctx)
{
    const char *format = duk_require_string(ctx, 1);
    size_t len;
    const unsigned char *der = fcw_crypto_key_material(ctx, 0, &len);
    EVP_PKEY *pkey;
    int ok;

    if (strcmp(format, "spki") == 0 || strcmp(format, "pkcs8") == 0) {
        memcpy(fcw_crypto_push_array_buffer(ctx, len), der, len);
        return 1;
    }
    pkey = pk_load(ctx, 0, NULL);
    if (EVP_PKEY_get_base_id(pkey) == EVP_PKEY_EC) {
        size_t size = 0;
        unsigned char *out;
        ok = EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, NULL, 0, &size) == 1;
        out = fcw_crypto_push_array_buffer(ctx, ok ? size : 0);
        ok = ok && EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, out, size, &size) == 1;
    } else {
        size_t size = 32;
        ok = EVP_PKEY_get_raw_public_key(pkey, fcw_crypto_push_array_buffer(ctx, 32), &size) == 1 && size == 32;
    }
    EVP_PKEY_free(pkey);
    if (!ok) {
        return fcw_crypto_openssl_error(ctx, "EVP_PKEY_get_octet_string_param");
    }
    return 1;
}

static int pk_push_raw(duk_context *ctx, EVP_PKEY *pkey, int private_key)
{
    unsigned char *out = fcw_crypto_push_array_buffer(ctx, 32);
    size_t size = 32;
    int ok =
        private_key ? EVP_PKEY_get_raw_private_key(pkey, out, &size) : EVP_PKEY_get_raw_public_key(pkey, out, &size);

    if (ok != 1 || size != 32) {
        duk_pop(ctx);
        return -1;
    }
    return 0;
}

/* cryptoPkExportJwk(key) -> an object of the key's JWK members as
 * ArrayBuffers (the caller encodes them in base64url). */
static duk_ret_t pk_export_jwk(duk_context *ctx)
{
    static const char *const rsa_members[][2] = {
        {"n", OSSL_PKEY_PARAM_RSA_N},          {"e", OSSL_PKEY_PARAM_RSA_E},
        {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
        {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
    };
    int private_key, ok = 1, i;
    EVP_PKEY *pkey = pk_load(ctx, 0, &private_key);
    int type = EVP_PKEY_get_base_id(pkey);

    duk_push_object(ctx);
    if (type == EVP_PKEY_RSA) {
        for (i = 0; ok && i < (private_key ? 8 : 2); i++) {
            ok = pk_push_bn(ctx, pkey, rsa_members[i][1], 0) == 0;
            if (ok) {
                duk_put_prop_string(ctx, -2, rsa_members[i][0]);
            }
        }
    } else if (type == EVP_PKEY_EC) {
        int curve = pk_key_curve(pkey);
        size_t field = curve >= 0 ? pk_curves[curve].bytes : 0;
        ok = curve >= 0 && pk_push_bn(ctx, pkey, OSSL_PKEY_PARAM_EC_PUB_X, field) == 0;
        if (ok) {
            duk_put_prop_literal(ctx, -2, "x");
            ok = pk_push_bn(ctx, pkey, OSSL_PKEY_PARAM_EC_PUB_Y, field) == 0;
        }
        if (ok) {
            duk_put_prop_literal(ctx, -2, "y");
            ok = !private_key || pk_push_bn(ctx, pkey, OSSL_PKEY_PARAM_PRIV_KEY, field) == 0;
        }
        if (ok && private_key) {
            duk_put_prop_literal(ctx, -2, "d");
        }
    } else {
        ok = pk_push_raw(ctx, pkey, 0) == 0;
        if (ok) {
            duk_put_prop_literal(ctx, -2, "x");
            ok = !private_key || pk_push_raw(ctx, pkey, 1) == 0;
        }
        if (ok && private_key) {
            duk_put_prop_literal(ctx, -2, "d");
        }
    }
    EVP_PKEY_free(pkey);
    if (!ok) {
        return fcw_crypto_openssl_error(ctx, "EVP_PKEY_get_bn_param");
    }
    return 1;
}

/* The field size in bytes of the curve of an EC key (for P1363 signatures). */
static size_t pk_ec_field(duk_context *ctx, EVP_PKEY *pkey)
{
    int curve = pk_key_curve(pkey);

    if (curve < 0) {
        EVP_PKEY_free(pkey);
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "unsupported curve");
    }
    return pk_curves[curve].bytes;
}

/* Starts a signature or verification with the scheme ("pkcs1", "pss",
 * "ecdsa", "eddsa") and, for PSS, the salt length. */
static int pk_sign_init(EVP_MD_CTX *mctx, EVP_PKEY *pkey, const EVP_MD *md, const char *scheme, int salt_len, int sign)
{
    EVP_PKEY_CTX *pctx = NULL;
    int ok = sign ? EVP_DigestSignInit(mctx, &pctx, md, NULL, pkey) : EVP_DigestVerifyInit(mctx, &pctx, md, NULL, pkey);

    if (ok == 1 && strcmp(scheme, "pss") == 0) {
        OSSL_PARAM params[3];
        params[0] =
            OSSL_PARAM_construct_utf8_string(OSSL_SIGNATURE_PARAM_PAD_MODE, (char *)OSSL_PKEY_RSA_PAD_MODE_PSS, 0);
        params[1] = OSSL_PARAM_construct_int(OSSL_SIGNATURE_PARAM_PSS_SALTLEN, &salt_len);
        params[2] = OSSL_PARAM_construct_end();
        ok = EVP_PKEY_CTX_set_params(pctx, params);
    }
    return ok == 1 ? 0 : -1;
}

/* The key's EVP_PKEY and the digest for a signature scheme; eddsa takes no
 * digest (the hash argument is ignored). */
static const EVP_MD *pk_scheme_md(duk_context *ctx, const char *scheme, duk_idx_t hash_idx)
{
    return strcmp(scheme, "eddsa") == 0 ? NULL : fcw_crypto_md(ctx, hash_idx);
}

/* Converts a DER ECDSA signature to r||s of field bytes each. */
static int pk_ecdsa_der_to_p1363(const unsigned char *der, size_t der_len, unsigned char *out, size_t field)
{
    const unsigned char *p = der;
    ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &p, (long)der_len);
    int ok = sig != NULL && BN_bn2binpad(ECDSA_SIG_get0_r(sig), out, (int)field) == (int)field &&
             BN_bn2binpad(ECDSA_SIG_get0_s(sig), out + field, (int)field) == (int)field;

    ECDSA_SIG_free(sig);
    return ok ? 0 : -1;
}

/* Converts r||s to a DER ECDSA signature (OPENSSL_free it); returns its
 * length, or -1. */
static int pk_ecdsa_p1363_to_der(const unsigned char *rs, size_t field, unsigned char **der)
{
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(rs, (int)field, NULL);
    BIGNUM *s = BN_bin2bn(rs + field, (int)field, NULL);
    int len = -1;

    if (sig != NULL && r != NULL && s != NULL && ECDSA_SIG_set0(sig, r, s) == 1) {
        r = s = NULL;
        len = i2d_ECDSA_SIG(sig, der);
    }
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return len;
}

/* cryptoPkSign(key, scheme, hash, saltLength, bytes) -> ArrayBuffer, or
 * null when OpenSSL cannot sign with these parameters */
static duk_ret_t pk_sign(duk_context *ctx)
{
    const char *scheme = duk_require_string(ctx, 1);
    const EVP_MD *md = pk_scheme_md(ctx, scheme, 2);
    int salt_len = duk_require_int(ctx, 3);
    size_t len, sig_len = 0;
    const unsigned char *data = fcw_crypto_bytes(ctx, 4, &len);
    EVP_PKEY *pkey = pk_load(ctx, 0, NULL);
    EVP_MD_CTX *mctx = EVP_MD_CTX_new();
    unsigned char *sig = NULL;
    int ok;

    ok = mctx != NULL && pk_sign_init(mctx, pkey, md, scheme, salt_len, 1) == 0 &&
         EVP_DigestSign(mctx, NULL, &sig_len, data, len) == 1;
    if (ok) {
        sig = duk_push_fixed_buffer(ctx, sig_len);
        ok = EVP_DigestSign(mctx, sig, &sig_len, data, len) == 1;
    }
    EVP_MD_CTX_free(mctx);
    if (!ok) {
        /* parameters the key cannot take (a PSS salt too long for it) */
        EVP_PKEY_free(pkey);
        ERR_clear_error();
        duk_push_null(ctx);
        return 1;
    }
    if (strcmp(scheme, "ecdsa") == 0) {
        size_t field = pk_ec_field(ctx, pkey);
        ok = pk_ecdsa_der_to_p1363(sig, sig_len, fcw_crypto_push_array_buffer(ctx, 2 * field), field) == 0;
    } else {
        duk_push_buffer_object(ctx, -1, 0, sig_len, DUK_BUFOBJ_ARRAYBUFFER);
    }
    EVP_PKEY_free(pkey);
    if (!ok) {
        return fcw_crypto_openssl_error(ctx, "d2i_ECDSA_SIG");
    }
    return 1;
}

/* cryptoPkVerify(key, scheme, hash, saltLength, signature, bytes) -> boolean */
static duk_ret_t pk_verify(duk_context *ctx)
{
    const char *scheme = duk_require_string(ctx, 1);
    const EVP_MD *md = pk_scheme_md(ctx, scheme, 2);
    int salt_len = duk_require_int(ctx, 3);
    size_t sig_len, len;
    const unsigned char *sig = fcw_crypto_bytes(ctx, 4, &sig_len);
    const unsigned char *data = fcw_crypto_bytes(ctx, 5, &len);
    EVP_PKEY *pkey = pk_load(ctx, 0, NULL);
    EVP_MD_CTX *mctx;
    unsigned char *der = NULL;
    int ok = 1;

    if (strcmp(scheme, "ecdsa") == 0) {
        size_t field = pk_ec_field(ctx, pkey);
        int der_len = sig_len == 2 * field ? pk_ecdsa_p1363_to_der(sig, field, &der) : -1;
        ok = der_len > 0;
        sig = der;
        sig_len = ok ? (size_t)der_len : 0;
    }
    mctx = ok ? EVP_MD_CTX_new() : NULL;
    ok = mctx != NULL && pk_sign_init(mctx, pkey, md, scheme, salt_len, 0) == 0 &&
         EVP_DigestVerify(mctx, sig, sig_len, data, len) == 1;
    EVP_MD_CTX_free(mctx);
    OPENSSL_free(der);
    EVP_PKEY_free(pkey);
    ERR_clear_error();
    duk_push_boolean(ctx, ok);
    return 1;
}

/* cryptoRsaOaep(encrypt, key, hash, label, bytes) -> ArrayBuffer, or null
 * when decryption fails (or the message is too long to encrypt). */
static duk_ret_t pk_rsa_oaep(duk_context *ctx)
{
    int encrypt = duk_require_boolean(ctx, 0);
    const EVP_MD *md = fcw_crypto_md(ctx, 2);
    size_t label_len, len, out_len = 0;
    const unsigned char *label = fcw_crypto_bytes(ctx, 3, &label_len);
    const unsigned char *data = fcw_crypto_bytes(ctx, 4, &len);
    EVP_PKEY *pkey = pk_load(ctx, 1, NULL);
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    OSSL_PARAM params[5];
    unsigned char *out = NULL;
    int ok;

    params[0] =
        OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_PAD_MODE, (char *)OSSL_PKEY_RSA_PAD_MODE_OAEP, 0);
    params[1] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_OAEP_DIGEST, (char *)EVP_MD_get0_name(md), 0);
    params[2] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_MGF1_DIGEST, (char *)EVP_MD_get0_name(md), 0);
    params[3] = OSSL_PARAM_construct_octet_string(OSSL_ASYM_CIPHER_PARAM_OAEP_LABEL, (void *)label, label_len);
    params[4] = OSSL_PARAM_construct_end();
    ok = pctx != NULL && (encrypt ? EVP_PKEY_encrypt_init(pctx) : EVP_PKEY_decrypt_init(pctx)) == 1 &&
         EVP_PKEY_CTX_set_params(pctx, params) == 1 &&
         (encrypt ? EVP_PKEY_encrypt(pctx, NULL, &out_len, data, len)
                  : EVP_PKEY_decrypt(pctx, NULL, &out_len, data, len)) == 1;
    if (ok) {
        out = duk_push_fixed_buffer(ctx, out_len);
        ok = (encrypt ? EVP_PKEY_encrypt(pctx, out, &out_len, data, len)
                      : EVP_PKEY_decrypt(pctx, out, &out_len, data, len)) == 1;
    }
    EVP_PKEY_CTX_free(pctx);
    EVP_PKEY_free(pkey);
    ERR_clear_error();
    if (!ok) {
        if (out != NULL) {
            OPENSSL_cleanse(out, out_len);
        }
        duk_push_null(ctx);
        return 1;
    }
    duk_push_buffer_object(ctx, -1, 0, out_len, DUK_BUFOBJ_ARRAYBUFFER);
    return 1;
}

/* cryptoPkDerive(privateKey, publicKey) -> ArrayBuffer of the ECDH or
 * X25519 shared secret, or null when there is none (a mismatched curve, or
 * an X25519 point of small order). */
static duk_ret_t pk_derive(duk_context *ctx)
{
    EVP_PKEY *priv = pk_load(ctx, 0, NULL);
    EVP_PKEY *pub = pk_load(ctx, 1, NULL);
    EVP_PKEY_CTX *dctx = EVP_PKEY_CTX_new_from_pkey(NULL, priv, NULL);
    size_t len = 0;
    unsigned char *out = NULL;
    int ok;

    ok = dctx != NULL && EVP_PKEY_derive_init(dctx) == 1 && EVP_PKEY_derive_set_peer(dctx, pub) == 1 &&
         EVP_PKEY_derive(dctx, NULL, &len) == 1;
    if (ok) {
        out = duk_push_fixed_buffer(ctx, len);
        ok = EVP_PKEY_derive(dctx, out, &len) == 1;
    }
    EVP_PKEY_CTX_free(dctx);
    EVP_PKEY_free(priv);
    EVP_PKEY_free(pub);
    ERR_clear_error();
    if (!ok) {
        duk_push_null(ctx);
        return 1;
    }
    duk_push_buffer_object(ctx, -1, 0, len, DUK_BUFOBJ_ARRAYBUFFER);
    return 1;
}

void fcw_api_crypto_pk_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry functions[] = {
        {"cryptoPkGenerate", pk_generate, 7},    {"cryptoPkImport", pk_import, 6},
        {"cryptoPkImportJwk", pk_import_jwk, 6}, {"cryptoPkExport", pk_export, 2},
        {"cryptoPkExportJwk", pk_export_jwk, 1}, {"cryptoPkSign", pk_sign, 5},
        {"cryptoPkVerify", pk_verify, 6},        {"cryptoRsaOaep", pk_rsa_oaep, 5},
        {"cryptoPkDerive", pk_derive, 2},        {NULL, NULL, 0}};

    native_idx = duk_normalize_index(ctx, native_idx);
    duk_put_function_list(ctx, native_idx, functions);
}
