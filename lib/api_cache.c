/* SPDX-License-Identifier: MIT */
/*
 * The natives behind the Cache API (js/73-cache.js) over the store of
 * lib/cache.c. The store a process uses is set by fcw_cache_configure()
 * (the pool's cache.path and cache.max_size; without a path each process
 * keeps a private store in memory) and opened on first use in the process
 * that uses it, never across fork(). The calls are synchronous; the JS side
 * checks the requests and responses, works out expiry and Vary, and
 * wraps the results in promises. Failures throw Error("Cache <op> failed:
 * <why>").
 *
 *   cacheLookup(name, url) -> undefined | [id, status, headers, vary, chunks]
 *   cacheRead(id, seq) -> Uint8Array | undefined
 *   cacheBegin(name, url, status, headers, vary, expires) -> id
 *   cacheWrite(id, seq, bytes), cacheCommit(id), cacheAbort(id)
 *   cacheDelete(name, url) -> boolean
 */
#include "config.h"

#include "cache.h"
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CACHE_DEFAULT_MAX ((size_t)64 << 20)

static char *store_path;
static size_t store_max = CACHE_DEFAULT_MAX;
static struct fcw_cache *store;
static pid_t store_pid;

void fcw_cache_configure(const char *path, size_t max_size)
{
    const char *want = path != NULL && *path != '\0' ? path : ":memory:";
    size_t max = max_size ? max_size : CACHE_DEFAULT_MAX;
    if (store_path != NULL && strcmp(store_path, want) == 0 && store_max == max) {
        return;
    }
    if (store != NULL && store_pid == getpid()) {
        fcw_cache_close(store);
    }
    store = NULL;
    free(store_path);
    store_path = strdup(want);
    store_max = max;
}

static duk_ret_t cache_fail(duk_context *ctx, const char *op, const char *err)
{
    return duk_error(ctx, DUK_ERR_ERROR, "Cache %s failed: %s", op, err);
}

static struct fcw_cache *store_of(duk_context *ctx, const char *op)
{
    char err[512];
    if (store != NULL && store_pid != getpid()) {
        store = NULL; /* opened before fork(): leave the parent's handle alone */
    }
    if (store == NULL) {
        store = fcw_cache_open(store_path != NULL ? store_path : ":memory:", store_max, err, sizeof(err));
        if (store == NULL) {
            (void)cache_fail(ctx, op, err);
        }
        store_pid = getpid();
    }
    return store;
}

static int64_t require_id(duk_context *ctx, duk_idx_t idx)
{
    double d = duk_require_number(ctx, idx);
    if (!(d >= 1 && d <= 9007199254740991.0)) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a cache entry");
    }
    return (int64_t)d;
}

static duk_ret_t push_entry(duk_context *ctx, void *udata)
{
    const struct fcw_cache_entry *e = udata;
    duk_push_array(ctx);
    duk_push_number(ctx, (double)e->id);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_int(ctx, e->status);
    duk_put_prop_index(ctx, -2, 1);
    duk_push_string(ctx, e->headers);
    duk_put_prop_index(ctx, -2, 2);
    duk_push_string(ctx, e->vary);
    duk_put_prop_index(ctx, -2, 3);
    duk_push_number(ctx, (double)e->chunks);
    duk_put_prop_index(ctx, -2, 4);
    return 1;
}

static duk_ret_t native_cache_lookup(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    const char *url = duk_require_string(ctx, 1);
    struct fcw_cache *c = store_of(ctx, "match");
    char err[512];
    struct fcw_cache_entry e;
    int found = fcw_cache_lookup(c, name, url, &e, err, sizeof(err));
    if (found < 0) {
        return cache_fail(ctx, "match", err);
    }
    if (found == 0) {
        return 0;
    }
    /* the entry's strings are freed whether or not pushing throws */
    duk_int_t rc = duk_safe_call(ctx, push_entry, &e, 0, 1);
    fcw_cache_entry_free(&e);
    if (rc != DUK_EXEC_SUCCESS) {
        return duk_throw(ctx);
    }
    return 1;
}

struct chunk {
    const unsigned char *data;
    size_t len;
};

static duk_ret_t push_chunk(duk_context *ctx, void *udata)
{
    const struct chunk *chunk = udata;
    void *buf = duk_push_fixed_buffer(ctx, chunk->len);
    if (chunk->len) {
        memcpy(buf, chunk->data, chunk->len);
    }
    duk_push_buffer_object(ctx, -1, 0, chunk->len, DUK_BUFOBJ_UINT8ARRAY);
    duk_remove(ctx, -2);
    return 1;
}

static duk_ret_t native_cache_read(duk_context *ctx)
{
    int64_t id = require_id(ctx, 0);
    double seq = duk_require_number(ctx, 1);
    struct fcw_cache *c = store_of(ctx, "match");
    char err[512];
    unsigned char *data;
    size_t len;
    int found = fcw_cache_read(c, id, (int64_t)seq, &data, &len, err, sizeof(err));
    if (found < 0) {
        return cache_fail(ctx, "match", err);
    }
    if (found == 0) {
        return 0;
    }
    struct chunk chunk = {data, len};
    duk_int_t rc = duk_safe_call(ctx, push_chunk, &chunk, 0, 1);
    free(data);
    if (rc != DUK_EXEC_SUCCESS) {
        return duk_throw(ctx);
    }
    return 1;
}

static duk_ret_t native_cache_begin(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    const char *url = duk_require_string(ctx, 1);
    int status = duk_require_int(ctx, 2);
    const char *headers = duk_require_string(ctx, 3);
    const char *vary = duk_require_string(ctx, 4);
    double expires = duk_is_number(ctx, 5) ? duk_get_number(ctx, 5) : -1;
    struct fcw_cache *c = store_of(ctx, "put");
    char err[512];
    int64_t id;
    if (fcw_cache_begin(c, name, url, status, headers, vary, expires, &id, err, sizeof(err)) < 0) {
        return cache_fail(ctx, "put", err);
    }
    duk_push_number(ctx, (double)id);
    return 1;
}

static duk_ret_t native_cache_write(duk_context *ctx)
{
    int64_t id = require_id(ctx, 0);
    double seq = duk_require_number(ctx, 1);
    duk_size_t len;
    const void *data = duk_require_buffer_data(ctx, 2, &len);
    struct fcw_cache *c = store_of(ctx, "put");
    char err[512];
    if (fcw_cache_write(c, id, (int64_t)seq, data, len, err, sizeof(err)) < 0) {
        return cache_fail(ctx, "put", err);
    }
    return 0;
}

static duk_ret_t native_cache_commit(duk_context *ctx)
{
    int64_t id = require_id(ctx, 0);
    struct fcw_cache *c = store_of(ctx, "put");
    char err[512];
    if (fcw_cache_commit(c, id, err, sizeof(err)) < 0) {
        return cache_fail(ctx, "put", err);
    }
    return 0;
}

static duk_ret_t native_cache_abort(duk_context *ctx)
{
    int64_t id = require_id(ctx, 0);
    struct fcw_cache *c = store_of(ctx, "put");
    char err[512];
    if (fcw_cache_abort(c, id, err, sizeof(err)) < 0) {
        return cache_fail(ctx, "put", err);
    }
    return 0;
}

static duk_ret_t native_cache_delete(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    const char *url = duk_require_string(ctx, 1);
    struct fcw_cache *c = store_of(ctx, "delete");
    char err[512];
    int rc = fcw_cache_delete(c, name, url, err, sizeof(err));
    if (rc < 0) {
        return cache_fail(ctx, "delete", err);
    }
    duk_push_boolean(ctx, rc);
    return 1;
}

void fcw_api_cache_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry fns[] = {
        {"cacheLookup", native_cache_lookup, 2}, {"cacheRead", native_cache_read, 2},
        {"cacheBegin", native_cache_begin, 6},   {"cacheWrite", native_cache_write, 3},
        {"cacheCommit", native_cache_commit, 1}, {"cacheAbort", native_cache_abort, 1},
        {"cacheDelete", native_cache_delete, 2}, {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
}
