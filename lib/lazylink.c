/* SPDX-License-Identifier: MIT */
/*
 * libcurl, libcrypto, SQLite and hiredis, loaded when a script first needs
 * them. Linked the usual way, libcurl and libcrypto pull in some thirty
 * libraries (libcurl's TLS, LDAP, Kerberos, SSH and RTMP back ends among
 * them) that the dynamic linker maps and relocates at start-up, and
 * GnuTLS's constructor fills heap pages: 1.3 MB of every child's resident
 * memory (5.0 -> 3.7 MB for a hello-world child), although most scripts
 * never call fetch() or crypto.subtle. SQLite (KV, D1, the Cache API) and
 * hiredis cost a CGI process 0.3-0.4 ms of its start whether it uses a
 * binding or not, most of it SQLite's symbol relocations. The price falls
 * on the children that do use them: they relocate the libraries themselves
 * instead of sharing the master's copy (a child making one fetch() per
 * request: +1.5 MB PSS, +3.9 MB RSS). So fcworker is linked against none of
 * them, and the functions it calls are defined here: each one opens its
 * library with dlopen() on first use, looks itself up once and calls
 * through. The declarations come from the libraries' own headers, so a
 * signature that drifts does not compile; a function called elsewhere in
 * fcworker but missing here does not link (add it below). A library that
 * cannot be loaded (removed after the build) is a broken installation: it
 * is said on standard error, fetch(), opening a database and connecting to
 * Redis fail, and any other call into a library that is missing aborts the
 * process rather than answer without it.
 */
#include "config.h"

/* the plain declaration of curl_easy_setopt, not the type-checking macro */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <sqlite3.h>
#include <hiredis/hiredis.h>

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct lazylink_lib {
    const char *soname;
    void *handle;
};

static struct lazylink_lib libcurl = {FCW_LIBCURL_SONAME, NULL};
static struct lazylink_lib libcrypto = {FCW_LIBCRYPTO_SONAME, NULL};
static struct lazylink_lib libsqlite3 = {FCW_LIBSQLITE3_SONAME, NULL};
static struct lazylink_lib libhiredis = {FCW_LIBHIREDIS_SONAME, NULL};

static int lazylink_open(struct lazylink_lib *lib)
{
    if (lib->handle == NULL) {
        lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
        if (lib->handle == NULL) {
            fprintf(stderr, "fcworker: failed to load %s: %s\n", lib->soname, dlerror());
            return -1;
        }
    }
    return 0;
}

static void *lazylink_sym(struct lazylink_lib *lib, const char *name)
{
    if (lazylink_open(lib) < 0) {
        abort();
    }
    void *fn = dlsym(lib->handle, name);
    if (fn == NULL) {
        fprintf(stderr, "fcworker: %s has no %s\n", lib->soname, name);
        abort();
    }
    return fn;
}

/* Defines `name` with the header's signature: resolved on the first call,
 * then called through the saved pointer. */
#define LAZYLINK_FN(lib, name)                                                                                         \
    static __typeof__(name) *fn;                                                                                       \
    if (fn == NULL) {                                                                                                  \
        fn = (__typeof__(name) *)lazylink_sym(&(lib), #name);                                                          \
    }
#define LAZYLINK(lib, ret, name, params, args)                                                                         \
    ret name params                                                                                                    \
    {                                                                                                                  \
        LAZYLINK_FN(lib, name)                                                                                         \
        return fn args;                                                                                                \
    }
#define LAZYLINK_VOID(lib, name, params, args)                                                                         \
    void name params                                                                                                   \
    {                                                                                                                  \
        LAZYLINK_FN(lib, name)                                                                                         \
        fn args;                                                                                                       \
    }

/* ---- libcurl ---- */

/* fetch() sets libcurl up through this call before any other: a libcurl
 * that cannot be loaded fails fetch(), not the process. */
CURLcode curl_global_init(long flags)
{
    if (lazylink_open(&libcurl) < 0) {
        return CURLE_FAILED_INIT;
    }
    LAZYLINK_FN(libcurl, curl_global_init)
    return fn(flags);
}

LAZYLINK(libcurl, curl_version_info_data *, curl_version_info, (CURLversion v), (v))
LAZYLINK(libcurl, CURL *, curl_easy_init, (void), ())
LAZYLINK_VOID(libcurl, curl_easy_cleanup, (CURL * c), (c))
LAZYLINK(libcurl, CURLcode, curl_easy_pause, (CURL * c, int bitmask), (c, bitmask))
LAZYLINK(libcurl, const char *, curl_easy_strerror, (CURLcode code), (code))
LAZYLINK(libcurl, CURLM *, curl_multi_init, (void), ())
LAZYLINK(libcurl, CURLMcode, curl_multi_cleanup, (CURLM * m), (m))
LAZYLINK(libcurl, CURLMcode, curl_multi_add_handle, (CURLM * m, CURL *c), (m, c))
LAZYLINK(libcurl, CURLMcode, curl_multi_remove_handle, (CURLM * m, CURL *c), (m, c))
LAZYLINK(libcurl, CURLMsg *, curl_multi_info_read, (CURLM * m, int *left), (m, left))
LAZYLINK(libcurl, CURLMcode, curl_multi_socket_action, (CURLM * m, curl_socket_t s, int mask, int *running),
         (m, s, mask, running))
LAZYLINK(libcurl, struct curl_slist *, curl_slist_append, (struct curl_slist * list, const char *s), (list, s))
LAZYLINK_VOID(libcurl, curl_slist_free_all, (struct curl_slist * list), (list))

/* The variadic ones take exactly one argument after the option, whose type
 * the option's number range tells (as libcurl itself reads it); multi
 * options use the same ranges. */
#define LAZYLINK_CALL_OPTION(rc, fn, handle, option, ap)                                                               \
    do {                                                                                                               \
        if ((option) < CURLOPTTYPE_OBJECTPOINT) {                                                                      \
            (rc) = (fn)((handle), (option), va_arg((ap), long));                                                       \
        } else if ((option) < CURLOPTTYPE_FUNCTIONPOINT) {                                                             \
            (rc) = (fn)((handle), (option), va_arg((ap), void *));                                                     \
        } else if ((option) < CURLOPTTYPE_OFF_T) {                                                                     \
            (rc) = (fn)((handle), (option), va_arg((ap), void (*)(void)));                                             \
        } else if ((option) < CURLOPTTYPE_BLOB) {                                                                      \
            (rc) = (fn)((handle), (option), va_arg((ap), curl_off_t));                                                 \
        } else {                                                                                                       \
            (rc) = (fn)((handle), (option), va_arg((ap), void *));                                                     \
        }                                                                                                              \
    } while (0)

CURLcode curl_easy_setopt(CURL *c, CURLoption option, ...)
{
    LAZYLINK_FN(libcurl, curl_easy_setopt)
    va_list ap;
    CURLcode rc;
    va_start(ap, option);
    LAZYLINK_CALL_OPTION(rc, fn, c, option, ap);
    va_end(ap);
    return rc;
}

CURLMcode curl_multi_setopt(CURLM *m, CURLMoption option, ...)
{
    LAZYLINK_FN(libcurl, curl_multi_setopt)
    va_list ap;
    CURLMcode rc;
    va_start(ap, option);
    LAZYLINK_CALL_OPTION(rc, fn, m, option, ap);
    va_end(ap);
    return rc;
}

/* every CURLINFO_* value is read through a pointer */
CURLcode curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
    LAZYLINK_FN(libcurl, curl_easy_getinfo)
    va_list ap;
    va_start(ap, info);
    void *out = va_arg(ap, void *);
    va_end(ap);
    return fn(c, info, out);
}

/* ---- SQLite (KV, D1, the Cache API, D1 migrations) ---- */

/* Every database is opened through this call before any other is made on
 * it: an SQLite that cannot be loaded fails the open (no handle, as when
 * out of memory), and the calls made on that failure's way out need no
 * library. */
int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs)
{
    if (lazylink_open(&libsqlite3) < 0) {
        *db = NULL;
        return SQLITE_CANTOPEN;
    }
    LAZYLINK_FN(libsqlite3, sqlite3_open_v2)
    return fn(filename, db, flags, vfs);
}

const char *sqlite3_errmsg(sqlite3 *db)
{
    if (lazylink_open(&libsqlite3) < 0) {
        return "SQLite could not be loaded";
    }
    LAZYLINK_FN(libsqlite3, sqlite3_errmsg)
    return fn(db);
}

int sqlite3_close_v2(sqlite3 *db)
{
    if (db == NULL) {
        return SQLITE_OK;
    }
    LAZYLINK_FN(libsqlite3, sqlite3_close_v2)
    return fn(db);
}

LAZYLINK(libsqlite3, int, sqlite3_bind_blob, (sqlite3_stmt * stmt, int a1, const void *a2, int n, void (*a4)(void *)),
         (stmt, a1, a2, n, a4))
LAZYLINK(libsqlite3, int, sqlite3_bind_blob64,
         (sqlite3_stmt * stmt, int a1, const void *a2, sqlite3_uint64 a3, void (*a4)(void *)), (stmt, a1, a2, a3, a4))
LAZYLINK(libsqlite3, int, sqlite3_bind_double, (sqlite3_stmt * stmt, int a1, double a2), (stmt, a1, a2))
LAZYLINK(libsqlite3, int, sqlite3_bind_int, (sqlite3_stmt * stmt, int a1, int a2), (stmt, a1, a2))
LAZYLINK(libsqlite3, int, sqlite3_bind_int64, (sqlite3_stmt * stmt, int a1, sqlite3_int64 a2), (stmt, a1, a2))
LAZYLINK(libsqlite3, int, sqlite3_bind_null, (sqlite3_stmt * stmt, int a1), (stmt, a1))
LAZYLINK(libsqlite3, int, sqlite3_bind_parameter_count, (sqlite3_stmt * stmt), (stmt))
LAZYLINK(libsqlite3, int, sqlite3_bind_text, (sqlite3_stmt * stmt, int a1, const char *a2, int a3, void (*a4)(void *)),
         (stmt, a1, a2, a3, a4))
LAZYLINK(libsqlite3, int, sqlite3_bind_text64,
         (sqlite3_stmt * stmt, int a1, const char *a2, sqlite3_uint64 a3, void (*a4)(void *), unsigned char encoding),
         (stmt, a1, a2, a3, a4, encoding))
LAZYLINK(libsqlite3, int, sqlite3_busy_timeout, (sqlite3 * db, int ms), (db, ms))
LAZYLINK(libsqlite3, int, sqlite3_changes, (sqlite3 * db), (db))
LAZYLINK(libsqlite3, int, sqlite3_clear_bindings, (sqlite3_stmt * stmt), (stmt))
LAZYLINK(libsqlite3, const void *, sqlite3_column_blob, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, int, sqlite3_column_bytes, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, int, sqlite3_column_count, (sqlite3_stmt * pStmt), (pStmt))
LAZYLINK(libsqlite3, double, sqlite3_column_double, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, int, sqlite3_column_int, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, const char *, sqlite3_column_name, (sqlite3_stmt * stmt, int N), (stmt, N))
LAZYLINK(libsqlite3, const unsigned char *, sqlite3_column_text, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, int, sqlite3_column_type, (sqlite3_stmt * stmt, int iCol), (stmt, iCol))
LAZYLINK(libsqlite3, int, sqlite3_errcode, (sqlite3 * db), (db))
LAZYLINK(libsqlite3, const char *, sqlite3_errstr, (int a0), (a0))
LAZYLINK(libsqlite3, int, sqlite3_exec,
         (sqlite3 * db, const char *sql, int (*callback)(void *, int, char **, char **), void *a3, char **errmsg),
         (db, sql, callback, a3, errmsg))
LAZYLINK(libsqlite3, int, sqlite3_extended_result_codes, (sqlite3 * db, int onoff), (db, onoff))
LAZYLINK(libsqlite3, int, sqlite3_finalize, (sqlite3_stmt * pStmt), (pStmt))
LAZYLINK_VOID(libsqlite3, sqlite3_free, (void *a0), (a0))
LAZYLINK(libsqlite3, int, sqlite3_get_autocommit, (sqlite3 * db), (db))
LAZYLINK(libsqlite3, sqlite3_int64, sqlite3_last_insert_rowid, (sqlite3 * db), (db))
LAZYLINK(libsqlite3, sqlite3_stmt *, sqlite3_next_stmt, (sqlite3 * pDb, sqlite3_stmt *pStmt), (pDb, pStmt))
LAZYLINK(libsqlite3, int, sqlite3_prepare_v2,
         (sqlite3 * db, const char *zSql, int nByte, sqlite3_stmt **ppStmt, const char **pzTail),
         (db, zSql, nByte, ppStmt, pzTail))
LAZYLINK(libsqlite3, int, sqlite3_prepare_v3,
         (sqlite3 * db, const char *zSql, int nByte, unsigned int prepFlags, sqlite3_stmt **ppStmt,
          const char **pzTail),
         (db, zSql, nByte, prepFlags, ppStmt, pzTail))
LAZYLINK_VOID(libsqlite3, sqlite3_progress_handler, (sqlite3 * db, int a1, int (*a2)(void *), void *a3),
              (db, a1, a2, a3))
LAZYLINK(libsqlite3, int, sqlite3_reset, (sqlite3_stmt * pStmt), (pStmt))
LAZYLINK(libsqlite3, unsigned char *, sqlite3_serialize,
         (sqlite3 * db, const char *zSchema, sqlite3_int64 *piSize, unsigned int mFlags), (db, zSchema, piSize, mFlags))
LAZYLINK(libsqlite3, int, sqlite3_set_authorizer,
         (sqlite3 * db, int (*xAuth)(void *, int, const char *, const char *, const char *, const char *),
          void *pUserData),
         (db, xAuth, pUserData))
LAZYLINK(libsqlite3, int, sqlite3_step, (sqlite3_stmt * stmt), (stmt))
LAZYLINK(libsqlite3, int, sqlite3_stmt_readonly, (sqlite3_stmt * pStmt), (pStmt))
LAZYLINK(libsqlite3, int, sqlite3_stmt_status, (sqlite3_stmt * stmt, int op, int resetFlg), (stmt, op, resetFlg))
LAZYLINK(libsqlite3, sqlite3_int64, sqlite3_total_changes64, (sqlite3 * db), (db))

/* ---- hiredis (KV on Redis) ---- */

/* Connecting comes first: a hiredis that cannot be loaded fails it (no
 * context, as when out of memory). */
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv)
{
    if (lazylink_open(&libhiredis) < 0) {
        return NULL;
    }
    LAZYLINK_FN(libhiredis, redisConnectWithTimeout)
    return fn(ip, port, tv);
}

redisContext *redisConnectUnixWithTimeout(const char *path, const struct timeval tv)
{
    if (lazylink_open(&libhiredis) < 0) {
        return NULL;
    }
    LAZYLINK_FN(libhiredis, redisConnectUnixWithTimeout)
    return fn(path, tv);
}

LAZYLINK_VOID(libhiredis, freeReplyObject, (void *reply), (reply))
LAZYLINK(libhiredis, int, redisAppendCommandArgv,
         (redisContext * c, int argc, const char **argv, const size_t *argvlen), (c, argc, argv, argvlen))
LAZYLINK(libhiredis, void *, redisCommandArgv, (redisContext * c, int argc, const char **argv, const size_t *argvlen),
         (c, argc, argv, argvlen))
LAZYLINK_VOID(libhiredis, redisFree, (redisContext * c), (c))
LAZYLINK(libhiredis, int, redisGetReply, (redisContext * c, void **reply), (c, reply))
LAZYLINK(libhiredis, int, redisSetTimeout, (redisContext * c, const struct timeval tv), (c, tv))

/* ---- libcrypto ---- */

LAZYLINK(libcrypto, int, CRYPTO_memcmp, (const void *a, const void *b, size_t len), (a, b, len))
LAZYLINK_VOID(libcrypto, OPENSSL_cleanse, (void *ptr, size_t len), (ptr, len))
LAZYLINK(libcrypto, const EVP_MD *, EVP_md5, (void), ())
LAZYLINK(libcrypto, const EVP_MD *, EVP_sha1, (void), ())
LAZYLINK(libcrypto, const EVP_MD *, EVP_sha256, (void), ())
LAZYLINK(libcrypto, const EVP_MD *, EVP_sha384, (void), ())
LAZYLINK(libcrypto, const EVP_MD *, EVP_sha512, (void), ())
LAZYLINK(libcrypto, const char *, EVP_MD_get0_name, (const EVP_MD *md), (md))
LAZYLINK(libcrypto, int, EVP_MD_get_size, (const EVP_MD *md), (md))
LAZYLINK(libcrypto, EVP_MD_CTX *, EVP_MD_CTX_new, (void), ())
LAZYLINK_VOID(libcrypto, EVP_MD_CTX_free, (EVP_MD_CTX * ctx), (ctx))
LAZYLINK(libcrypto, const EVP_MD *, EVP_MD_CTX_get0_md, (const EVP_MD_CTX *ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_Digest,
         (const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type, ENGINE *impl),
         (data, count, md, size, type, impl))
LAZYLINK(libcrypto, int, EVP_DigestInit_ex, (EVP_MD_CTX * ctx, const EVP_MD *type, ENGINE *impl), (ctx, type, impl))
LAZYLINK(libcrypto, int, EVP_DigestUpdate, (EVP_MD_CTX * ctx, const void *d, size_t cnt), (ctx, d, cnt))
LAZYLINK(libcrypto, int, EVP_DigestFinal_ex, (EVP_MD_CTX * ctx, unsigned char *md, unsigned int *s), (ctx, md, s))
LAZYLINK(libcrypto, unsigned char *, HMAC,
         (const EVP_MD *md, const void *key, int key_len, const unsigned char *data, size_t data_len,
          unsigned char *out, unsigned int *out_len),
         (md, key, key_len, data, data_len, out, out_len))
LAZYLINK(libcrypto, int, PKCS5_PBKDF2_HMAC,
         (const char *pass, int passlen, const unsigned char *salt, int saltlen, int iter, const EVP_MD *digest,
          int keylen, unsigned char *out),
         (pass, passlen, salt, saltlen, iter, digest, keylen, out))
LAZYLINK(libcrypto, const EVP_CIPHER *, EVP_aes_128_gcm, (void), ())
LAZYLINK(libcrypto, const EVP_CIPHER *, EVP_aes_192_gcm, (void), ())
LAZYLINK(libcrypto, const EVP_CIPHER *, EVP_aes_256_gcm, (void), ())
LAZYLINK(libcrypto, EVP_CIPHER_CTX *, EVP_CIPHER_CTX_new, (void), ())
LAZYLINK_VOID(libcrypto, EVP_CIPHER_CTX_free, (EVP_CIPHER_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_CIPHER_CTX_ctrl, (EVP_CIPHER_CTX * ctx, int type, int arg, void *ptr),
         (ctx, type, arg, ptr))
LAZYLINK(libcrypto, int, EVP_CipherInit_ex,
         (EVP_CIPHER_CTX * ctx, const EVP_CIPHER *cipher, ENGINE *impl, const unsigned char *key,
          const unsigned char *iv, int enc),
         (ctx, cipher, impl, key, iv, enc))
LAZYLINK(libcrypto, int, EVP_CipherUpdate,
         (EVP_CIPHER_CTX * ctx, unsigned char *out, int *outl, const unsigned char *in, int inl),
         (ctx, out, outl, in, inl))
LAZYLINK(libcrypto, int, EVP_CipherFinal_ex, (EVP_CIPHER_CTX * ctx, unsigned char *outm, int *outl), (ctx, outm, outl))
LAZYLINK(libcrypto, EVP_KDF *, EVP_KDF_fetch, (OSSL_LIB_CTX * libctx, const char *algorithm, const char *properties),
         (libctx, algorithm, properties))
LAZYLINK_VOID(libcrypto, EVP_KDF_free, (EVP_KDF * kdf), (kdf))
LAZYLINK(libcrypto, EVP_KDF_CTX *, EVP_KDF_CTX_new, (EVP_KDF * kdf), (kdf))
LAZYLINK_VOID(libcrypto, EVP_KDF_CTX_free, (EVP_KDF_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_KDF_derive,
         (EVP_KDF_CTX * ctx, unsigned char *key, size_t keylen, const OSSL_PARAM params[]), (ctx, key, keylen, params))
LAZYLINK(libcrypto, OSSL_PARAM, OSSL_PARAM_construct_utf8_string, (const char *key, char *buf, size_t bsize),
         (key, buf, bsize))
LAZYLINK(libcrypto, OSSL_PARAM, OSSL_PARAM_construct_octet_string, (const char *key, void *buf, size_t bsize),
         (key, buf, bsize))
LAZYLINK(libcrypto, OSSL_PARAM, OSSL_PARAM_construct_end, (void), ())
LAZYLINK_VOID(libcrypto, ERR_clear_error, (void), ())
LAZYLINK_VOID(libcrypto, CRYPTO_free, (void *ptr, const char *file, int line), (ptr, file, line))
LAZYLINK(libcrypto, EVP_CIPHER *, EVP_CIPHER_fetch, (OSSL_LIB_CTX * ctx, const char *algorithm, const char *properties),
         (ctx, algorithm, properties))
LAZYLINK_VOID(libcrypto, EVP_CIPHER_free, (EVP_CIPHER * cipher), (cipher))
LAZYLINK_VOID(libcrypto, EVP_CIPHER_CTX_set_flags, (EVP_CIPHER_CTX * ctx, int flags), (ctx, flags))
LAZYLINK(libcrypto, OSSL_PARAM, OSSL_PARAM_construct_int, (const char *key, int *buf), (key, buf))

/* public keys (lib/api_crypto_pk.c) */
LAZYLINK(libcrypto, BIGNUM *, BN_bin2bn, (const unsigned char *s, int len, BIGNUM *ret), (s, len, ret))
LAZYLINK(libcrypto, int, BN_bn2binpad, (const BIGNUM *a, unsigned char *to, int tolen), (a, to, tolen))
LAZYLINK(libcrypto, int, BN_num_bits, (const BIGNUM *a), (a))
LAZYLINK_VOID(libcrypto, BN_free, (BIGNUM * a), (a))
LAZYLINK_VOID(libcrypto, BN_clear_free, (BIGNUM * a), (a))
LAZYLINK(libcrypto, EVP_PKEY *, d2i_PUBKEY, (EVP_PKEY * *a, const unsigned char **pp, long length), (a, pp, length))
LAZYLINK(libcrypto, int, i2d_PUBKEY, (const EVP_PKEY *a, unsigned char **pp), (a, pp))
LAZYLINK(libcrypto, PKCS8_PRIV_KEY_INFO *, d2i_PKCS8_PRIV_KEY_INFO,
         (PKCS8_PRIV_KEY_INFO * *a, const unsigned char **in, long len), (a, in, len))
LAZYLINK(libcrypto, int, i2d_PKCS8_PRIV_KEY_INFO, (const PKCS8_PRIV_KEY_INFO *a, unsigned char **out), (a, out))
LAZYLINK_VOID(libcrypto, PKCS8_PRIV_KEY_INFO_free, (PKCS8_PRIV_KEY_INFO * a), (a))
LAZYLINK(libcrypto, EVP_PKEY *, EVP_PKCS82PKEY, (const PKCS8_PRIV_KEY_INFO *p8), (p8))
LAZYLINK(libcrypto, PKCS8_PRIV_KEY_INFO *, EVP_PKEY2PKCS8, (const EVP_PKEY *pkey), (pkey))
LAZYLINK_VOID(libcrypto, EVP_PKEY_free, (EVP_PKEY * pkey), (pkey))
LAZYLINK(libcrypto, int, EVP_PKEY_get_base_id, (const EVP_PKEY *pkey), (pkey))
LAZYLINK(libcrypto, int, EVP_PKEY_get_bits, (const EVP_PKEY *pkey), (pkey))
LAZYLINK(libcrypto, int, EVP_PKEY_get_group_name, (const EVP_PKEY *pkey, char *name, size_t name_sz, size_t *gname_len),
         (pkey, name, name_sz, gname_len))
LAZYLINK(libcrypto, int, EVP_PKEY_get_bn_param, (const EVP_PKEY *pkey, const char *key_name, BIGNUM **bn),
         (pkey, key_name, bn))
LAZYLINK(libcrypto, int, EVP_PKEY_get_octet_string_param,
         (const EVP_PKEY *pkey, const char *key_name, unsigned char *buf, size_t max_buf_sz, size_t *out_sz),
         (pkey, key_name, buf, max_buf_sz, out_sz))
LAZYLINK(libcrypto, int, EVP_PKEY_get_raw_public_key, (const EVP_PKEY *pkey, unsigned char *pub, size_t *len),
         (pkey, pub, len))
LAZYLINK(libcrypto, int, EVP_PKEY_get_raw_private_key, (const EVP_PKEY *pkey, unsigned char *priv, size_t *len),
         (pkey, priv, len))
LAZYLINK(libcrypto, EVP_PKEY *, EVP_PKEY_new_raw_public_key,
         (int type, ENGINE *e, const unsigned char *pub, size_t len), (type, e, pub, len))
LAZYLINK(libcrypto, EVP_PKEY *, EVP_PKEY_new_raw_private_key,
         (int type, ENGINE *e, const unsigned char *priv, size_t len), (type, e, priv, len))
LAZYLINK(libcrypto, EVP_PKEY_CTX *, EVP_PKEY_CTX_new_from_name,
         (OSSL_LIB_CTX * libctx, const char *name, const char *propquery), (libctx, name, propquery))
LAZYLINK(libcrypto, EVP_PKEY_CTX *, EVP_PKEY_CTX_new_from_pkey,
         (OSSL_LIB_CTX * libctx, EVP_PKEY *pkey, const char *propquery), (libctx, pkey, propquery))
LAZYLINK_VOID(libcrypto, EVP_PKEY_CTX_free, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_PKEY_CTX_set_params, (EVP_PKEY_CTX * ctx, const OSSL_PARAM *params), (ctx, params))
LAZYLINK(libcrypto, int, EVP_PKEY_keygen_init, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_PKEY_CTX_set_rsa_keygen_bits, (EVP_PKEY_CTX * ctx, int bits), (ctx, bits))
LAZYLINK(libcrypto, int, EVP_PKEY_CTX_set1_rsa_keygen_pubexp, (EVP_PKEY_CTX * ctx, BIGNUM *pubexp), (ctx, pubexp))
LAZYLINK(libcrypto, int, EVP_PKEY_CTX_set_group_name, (EVP_PKEY_CTX * ctx, const char *name), (ctx, name))
LAZYLINK(libcrypto, int, EVP_PKEY_generate, (EVP_PKEY_CTX * ctx, EVP_PKEY **ppkey), (ctx, ppkey))
LAZYLINK(libcrypto, int, EVP_PKEY_fromdata_init, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_PKEY_fromdata, (EVP_PKEY_CTX * ctx, EVP_PKEY **ppkey, int selection, OSSL_PARAM param[]),
         (ctx, ppkey, selection, param))
LAZYLINK(libcrypto, int, EVP_PKEY_pairwise_check, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, OSSL_PARAM_BLD *, OSSL_PARAM_BLD_new, (void), ())
LAZYLINK_VOID(libcrypto, OSSL_PARAM_BLD_free, (OSSL_PARAM_BLD * bld), (bld))
LAZYLINK(libcrypto, int, OSSL_PARAM_BLD_push_BN, (OSSL_PARAM_BLD * bld, const char *key, const BIGNUM *bn),
         (bld, key, bn))
LAZYLINK(libcrypto, int, OSSL_PARAM_BLD_push_utf8_string,
         (OSSL_PARAM_BLD * bld, const char *key, const char *buf, size_t bsize), (bld, key, buf, bsize))
LAZYLINK(libcrypto, int, OSSL_PARAM_BLD_push_octet_string,
         (OSSL_PARAM_BLD * bld, const char *key, const void *buf, size_t bsize), (bld, key, buf, bsize))
LAZYLINK(libcrypto, OSSL_PARAM *, OSSL_PARAM_BLD_to_param, (OSSL_PARAM_BLD * bld), (bld))
LAZYLINK_VOID(libcrypto, OSSL_PARAM_free, (OSSL_PARAM * p), (p))
LAZYLINK(libcrypto, int, EVP_DigestSignInit,
         (EVP_MD_CTX * ctx, EVP_PKEY_CTX **pctx, const EVP_MD *type, ENGINE *e, EVP_PKEY *pkey),
         (ctx, pctx, type, e, pkey))
LAZYLINK(libcrypto, int, EVP_DigestVerifyInit,
         (EVP_MD_CTX * ctx, EVP_PKEY_CTX **pctx, const EVP_MD *type, ENGINE *e, EVP_PKEY *pkey),
         (ctx, pctx, type, e, pkey))
LAZYLINK(libcrypto, int, EVP_DigestSign,
         (EVP_MD_CTX * ctx, unsigned char *sigret, size_t *siglen, const unsigned char *tbs, size_t tbslen),
         (ctx, sigret, siglen, tbs, tbslen))
LAZYLINK(libcrypto, int, EVP_DigestVerify,
         (EVP_MD_CTX * ctx, const unsigned char *sigret, size_t siglen, const unsigned char *tbs, size_t tbslen),
         (ctx, sigret, siglen, tbs, tbslen))
LAZYLINK(libcrypto, ECDSA_SIG *, ECDSA_SIG_new, (void), ())
LAZYLINK_VOID(libcrypto, ECDSA_SIG_free, (ECDSA_SIG * sig), (sig))
LAZYLINK(libcrypto, const BIGNUM *, ECDSA_SIG_get0_r, (const ECDSA_SIG *sig), (sig))
LAZYLINK(libcrypto, const BIGNUM *, ECDSA_SIG_get0_s, (const ECDSA_SIG *sig), (sig))
LAZYLINK(libcrypto, int, ECDSA_SIG_set0, (ECDSA_SIG * sig, BIGNUM *r, BIGNUM *s), (sig, r, s))
LAZYLINK(libcrypto, ECDSA_SIG *, d2i_ECDSA_SIG, (ECDSA_SIG * *a, const unsigned char **in, long len), (a, in, len))
LAZYLINK(libcrypto, int, i2d_ECDSA_SIG, (const ECDSA_SIG *a, unsigned char **out), (a, out))
LAZYLINK(libcrypto, int, EVP_PKEY_encrypt_init, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_PKEY_decrypt_init, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_PKEY_encrypt,
         (EVP_PKEY_CTX * ctx, unsigned char *out, size_t *outlen, const unsigned char *in, size_t inlen),
         (ctx, out, outlen, in, inlen))
LAZYLINK(libcrypto, int, EVP_PKEY_decrypt,
         (EVP_PKEY_CTX * ctx, unsigned char *out, size_t *outlen, const unsigned char *in, size_t inlen),
         (ctx, out, outlen, in, inlen))
LAZYLINK(libcrypto, int, EVP_PKEY_derive_init, (EVP_PKEY_CTX * ctx), (ctx))
LAZYLINK(libcrypto, int, EVP_PKEY_derive_set_peer, (EVP_PKEY_CTX * ctx, EVP_PKEY *peer), (ctx, peer))
LAZYLINK(libcrypto, int, EVP_PKEY_derive, (EVP_PKEY_CTX * ctx, unsigned char *key, size_t *keylen), (ctx, key, keylen))
