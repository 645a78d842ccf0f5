/* SPDX-License-Identifier: MIT */
/*
 * The store behind the Cache API (js/73-cache.js, natives in
 * lib/api_cache.c): one SQLite file shared by every process that names it,
 * holding entries (cache name, URL, status, headers, the request headers
 * the response varies on, expiry, size, last use) and their bodies in
 * chunks. An entry is written while invisible and shown by commit, which
 * replaces the older entry of the same key and then evicts the least
 * recently used entries until the store fits its size. Every call returns
 * 0 (1 for "found") or -1 with a message in err.
 */
#ifndef FCW_CACHE_H
#define FCW_CACHE_H

#include <stddef.h>
#include <stdint.h>

struct fcw_cache;

struct fcw_cache_entry {
    int64_t id;
    int status;
    char *headers; /* JSON text, malloc'ed */
    char *vary;    /* JSON text, malloc'ed */
    int64_t chunks;
};

struct fcw_cache *fcw_cache_open(const char *path, size_t max_size, char *err, size_t errlen);
void fcw_cache_close(struct fcw_cache *c);

/* The live entry of (name, url), marking it used now; an expired one is
 * removed and not found. Returns 1 and fills out, or 0. */
int fcw_cache_lookup(struct fcw_cache *c, const char *name, const char *url, struct fcw_cache_entry *out, char *err,
                     size_t errlen);
void fcw_cache_entry_free(struct fcw_cache_entry *e);

/* Chunk seq of an entry's body: 1 with *data (malloc'ed) and *len, 0 when
 * it is gone (the entry was replaced or evicted meanwhile). */
int fcw_cache_read(struct fcw_cache *c, int64_t id, int64_t seq, unsigned char **data, size_t *len, char *err,
                   size_t errlen);

/* A new invisible entry (expires: ms since the epoch, or a negative
 * number for none); its id in *id. */
int fcw_cache_begin(struct fcw_cache *c, const char *name, const char *url, int status, const char *headers,
                    const char *vary, double expires, int64_t *id, char *err, size_t errlen);
int fcw_cache_write(struct fcw_cache *c, int64_t id, int64_t seq, const void *data, size_t len, char *err,
                    size_t errlen);
int fcw_cache_commit(struct fcw_cache *c, int64_t id, char *err, size_t errlen);
int fcw_cache_abort(struct fcw_cache *c, int64_t id, char *err, size_t errlen);

/* Removes the entry of (name, url); 1 when there was one. */
int fcw_cache_delete(struct fcw_cache *c, const char *name, const char *url, char *err, size_t errlen);

#endif
