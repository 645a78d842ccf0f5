/* SPDX-License-Identifier: MIT */
/*
 * The storage behind KV namespaces: one small interface, two backends.
 * SQLite (kv_sqlite.c) keeps one database file per namespace; Redis
 * (kv_redis.c) keeps a namespace under a key prefix on a server shared
 * through one connection per process. Calls are synchronous and bounded
 * (SQLite's busy_timeout, Redis's socket timeout). Expiration times are
 * seconds since the epoch, 0 for none. Errors are written to err (without
 * a "KV" prefix); every call returns 0 or -1, get 1 when the key exists.
 */
#ifndef FCW_KV_H
#define FCW_KV_H

#include "fcw.h"

#include <stddef.h>

struct fcw_kv;

struct fcw_kv_value {
    unsigned char *data; /* malloc'ed */
    size_t len;
    char *metadata; /* JSON text, malloc'ed, or NULL */
    double expiration;
};

struct fcw_kv_key {
    char *name; /* malloc'ed, NUL-terminated */
    size_t len;
    char *metadata; /* JSON text or NULL */
    double expiration;
};

struct fcw_kv_list {
    struct fcw_kv_key *keys;
    size_t nkeys;
    char *cursor; /* where the next page starts; NULL when the list is complete */
};

struct fcw_kv_ops {
    struct fcw_kv *(*open)(const struct fcw_binding *binding, char *err, size_t errlen);
    int (*get)(struct fcw_kv *kv, const char *key, size_t keylen, struct fcw_kv_value *out, char *err, size_t errlen);
    int (*put)(struct fcw_kv *kv, const char *key, size_t keylen, const void *value, size_t len, const char *metadata,
               double expiration, char *err, size_t errlen);
    int (*del)(struct fcw_kv *kv, const char *key, size_t keylen, char *err, size_t errlen);
    /* Keys starting with prefix in byte order, after cursor (NULL: from the
     * start), at most limit of them. */
    int (*list)(struct fcw_kv *kv, const char *prefix, size_t prefixlen, unsigned limit, const char *cursor,
                struct fcw_kv_list *out, char *err, size_t errlen);
    void (*close)(struct fcw_kv *kv);
};

extern const struct fcw_kv_ops fcw_kv_sqlite_ops;
extern const struct fcw_kv_ops fcw_kv_redis_ops;

void fcw_kv_value_free(struct fcw_kv_value *v);
void fcw_kv_list_free(struct fcw_kv_list *l);

/* Cursors are the last key of a page, hex-encoded: opaque to scripts, and
 * a bad one is reported rather than misread. fcw_kv_cursor_decode returns
 * the key (malloc'ed, its length in *len) or NULL. */
char *fcw_kv_cursor_encode(const char *key, size_t len);
char *fcw_kv_cursor_decode(const char *cursor, size_t *len);

/* Seconds since the epoch, now. */
double fcw_kv_now(void);

#endif
