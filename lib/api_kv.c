/* SPDX-License-Identifier: MIT */
/*
 * The natives behind KV namespaces (js/70-kv.js). A namespace is a slot of
 * a per-process table, registered by native.kvOpen(binding) when env is
 * built and opened on first use in the process that uses it (never across
 * fork(): a slot opened by another process is opened again). The calls
 * are synchronous; js/70-kv.js checks arguments and limits and wraps the
 * results in promises. Keys and metadata arrive as strings, values as
 * bytes; a failure throws Error("KV <OP> failed: <why>").
 */
#include "config.h"

#include "engine.h"
#include "kv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct kv_slot {
    struct fcw_binding binding; /* strings owned by the slot */
    const struct fcw_kv_ops *ops;
    struct fcw_kv *kv;
    pid_t pid;
};

static struct kv_slot *slots;
static size_t nslots;

static char *dup_prop(duk_context *ctx, duk_idx_t obj, const char *name)
{
    duk_get_prop_string(ctx, obj, name);
    char *s = duk_is_string(ctx, -1) ? strdup(duk_get_string(ctx, -1)) : NULL;
    duk_pop(ctx);
    return s;
}

/* native.kvOpen({backend, path, url, prefix, timeout}) -> slot */
static duk_ret_t native_kv_open(duk_context *ctx)
{
    duk_require_object(ctx, 0);
    struct fcw_binding b = {.type = FCW_BINDING_KV, .backend = FCW_KV_SQLITE};
    duk_get_prop_literal(ctx, 0, "backend");
    b.backend = strcmp(duk_to_string(ctx, -1), "redis") == 0 ? FCW_KV_REDIS : FCW_KV_SQLITE;
    duk_pop(ctx);
    duk_get_prop_literal(ctx, 0, "timeout");
    b.timeout_ms = duk_to_uint32(ctx, -1);
    duk_pop(ctx);
    b.path = dup_prop(ctx, 0, "path");
    b.url = dup_prop(ctx, 0, "url");
    b.prefix = dup_prop(ctx, 0, "prefix");
    b.name = dup_prop(ctx, 0, "name");
    for (size_t i = 0; i < nslots; i++) {
        const struct fcw_binding *o = &slots[i].binding;
        if (o->backend == b.backend && strcmp(o->path ? o->path : "", b.path ? b.path : "") == 0 &&
            strcmp(o->url ? o->url : "", b.url ? b.url : "") == 0 &&
            strcmp(o->prefix ? o->prefix : "", b.prefix ? b.prefix : "") == 0) {
            free((char *)b.path);
            free((char *)b.url);
            free((char *)b.prefix);
            free((char *)b.name);
            duk_push_uint(ctx, (duk_uint_t)i);
            return 1;
        }
    }
    struct kv_slot *s = realloc(slots, (nslots + 1) * sizeof(*slots));
    if (s == NULL) {
        return duk_error(ctx, DUK_ERR_ERROR, "out of memory");
    }
    slots = s;
    memset(&slots[nslots], 0, sizeof(slots[nslots]));
    slots[nslots].binding = b;
    slots[nslots].ops = b.backend == FCW_KV_REDIS ? &fcw_kv_redis_ops : &fcw_kv_sqlite_ops;
    duk_push_uint(ctx, (duk_uint_t)nslots++);
    return 1;
}

static duk_ret_t kv_fail(duk_context *ctx, const char *op, const char *err)
{
    return duk_error(ctx, DUK_ERR_ERROR, "KV %s failed: %s", op, err);
}

static struct kv_slot *slot_of(duk_context *ctx, const char *op, char *err, size_t errlen)
{
    duk_uint_t i = duk_require_uint(ctx, 0);
    if (i >= nslots) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a KV namespace");
    }
    struct kv_slot *s = &slots[i];
    if (s->kv != NULL && s->pid != getpid()) {
        /* opened before fork(): leave the parent's handle alone */
        s->kv = NULL;
    }
    if (s->kv == NULL) {
        s->kv = s->ops->open(&s->binding, err, errlen);
        if (s->kv == NULL) {
            (void)kv_fail(ctx, op, err);
        }
        s->pid = getpid();
    }
    return s;
}

/* Pushes the [ArrayBuffer, metadata, expiration] of a value found. */
static duk_ret_t push_value(duk_context *ctx, void *udata)
{
    const struct fcw_kv_value *v = udata;
    duk_push_array(ctx);
    void *buf = duk_push_fixed_buffer(ctx, v->len);
    if (v->len) {
        memcpy(buf, v->data, v->len);
    }
    duk_push_buffer_object(ctx, -1, 0, v->len, DUK_BUFOBJ_ARRAYBUFFER);
    duk_remove(ctx, -2);
    duk_put_prop_index(ctx, -2, 0);
    if (v->metadata) {
        duk_push_string(ctx, v->metadata);
    } else {
        duk_push_null(ctx);
    }
    duk_put_prop_index(ctx, -2, 1);
    duk_push_number(ctx, v->expiration);
    duk_put_prop_index(ctx, -2, 2);
    return 1;
}

/* kvGet(slot, key) -> undefined | [ArrayBuffer, metadata JSON | null, expiration] */
static duk_ret_t native_kv_get(duk_context *ctx)
{
    char err[512];
    struct kv_slot *s = slot_of(ctx, "GET", err, sizeof(err));
    duk_size_t keylen;
    const char *key = duk_require_lstring(ctx, 1, &keylen);
    struct fcw_kv_value v;
    int found = s->ops->get(s->kv, key, keylen, &v, err, sizeof(err));
    if (found < 0) {
        return kv_fail(ctx, "GET", err);
    }
    if (found == 0) {
        return 0;
    }
    /* in a safe call, so that the value is freed when the heap is full */
    int rc = duk_safe_call(ctx, push_value, &v, 0, 1);
    fcw_kv_value_free(&v);
    if (rc != DUK_EXEC_SUCCESS) {
        return duk_throw(ctx);
    }
    return 1;
}

/* kvPut(slot, key, bytes, metadata JSON | null, expiration | 0) */
static duk_ret_t native_kv_put(duk_context *ctx)
{
    char err[512];
    struct kv_slot *s = slot_of(ctx, "PUT", err, sizeof(err));
    duk_size_t keylen, len;
    const char *key = duk_require_lstring(ctx, 1, &keylen);
    const void *value = duk_require_buffer_data(ctx, 2, &len);
    const char *metadata = duk_is_null_or_undefined(ctx, 3) ? NULL : duk_require_string(ctx, 3);
    double expiration = duk_get_number_default(ctx, 4, 0);
    if (s->ops->put(s->kv, key, keylen, value, len, metadata, expiration, err, sizeof(err)) < 0) {
        return kv_fail(ctx, "PUT", err);
    }
    return 0;
}

static duk_ret_t native_kv_delete(duk_context *ctx)
{
    char err[512];
    struct kv_slot *s = slot_of(ctx, "DELETE", err, sizeof(err));
    duk_size_t keylen;
    const char *key = duk_require_lstring(ctx, 1, &keylen);
    if (s->ops->del(s->kv, key, keylen, err, sizeof(err)) < 0) {
        return kv_fail(ctx, "DELETE", err);
    }
    return 0;
}

/* Pushes [names[], metadata[], expirations[], cursor | null] of a page. */
static duk_ret_t push_list(duk_context *ctx, void *udata)
{
    const struct fcw_kv_list *l = udata;
    duk_push_array(ctx);
    duk_idx_t names = duk_push_array(ctx);
    duk_idx_t metas = duk_push_array(ctx);
    duk_idx_t exps = duk_push_array(ctx);
    for (size_t i = 0; i < l->nkeys; i++) {
        duk_push_lstring(ctx, l->keys[i].name, l->keys[i].len);
        duk_put_prop_index(ctx, names, (duk_uarridx_t)i);
        if (l->keys[i].metadata) {
            duk_push_string(ctx, l->keys[i].metadata);
        } else {
            duk_push_null(ctx);
        }
        duk_put_prop_index(ctx, metas, (duk_uarridx_t)i);
        duk_push_number(ctx, l->keys[i].expiration);
        duk_put_prop_index(ctx, exps, (duk_uarridx_t)i);
    }
    duk_put_prop_index(ctx, -4, 2);
    duk_put_prop_index(ctx, -3, 1);
    duk_put_prop_index(ctx, -2, 0);
    if (l->cursor) {
        duk_push_string(ctx, l->cursor);
    } else {
        duk_push_null(ctx);
    }
    duk_put_prop_index(ctx, -2, 3);
    return 1;
}

/* kvList(slot, prefix, limit, cursor | null) ->
 * [names[], metadata JSON | null [], expirations[], cursor | null] */
static duk_ret_t native_kv_list(duk_context *ctx)
{
    char err[512];
    struct kv_slot *s = slot_of(ctx, "LIST", err, sizeof(err));
    duk_size_t prefixlen;
    const char *prefix = duk_require_lstring(ctx, 1, &prefixlen);
    duk_uint_t limit = duk_require_uint(ctx, 2);
    const char *cursor = duk_is_null_or_undefined(ctx, 3) ? NULL : duk_require_string(ctx, 3);
    if (limit < 1 || limit > 1000) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "limit out of range");
    }
    struct fcw_kv_list l;
    if (s->ops->list(s->kv, prefix, prefixlen, limit, cursor, &l, err, sizeof(err)) < 0) {
        return kv_fail(ctx, "LIST", err);
    }
    int rc = duk_safe_call(ctx, push_list, &l, 0, 1);
    fcw_kv_list_free(&l);
    if (rc != DUK_EXEC_SUCCESS) {
        return duk_throw(ctx);
    }
    return 1;
}

/* native.installBindings(native.env, [{type, name, backend, path, url,
 * prefix, timeout}, ...]) (js/72-bindings.js) */
static duk_ret_t install_bindings(duk_context *ctx, void *udata)
{
    const struct fcw_engine_config *config = udata;
    duk_push_heap_stash(ctx);
    duk_get_prop_literal(ctx, -1, "native");
    duk_get_prop_literal(ctx, -1, "installBindings");
    duk_get_prop_literal(ctx, -2, "env");
    duk_push_array(ctx);
    for (size_t i = 0; i < config->nbindings; i++) {
        const struct fcw_binding *b = &config->bindings[i];
        duk_push_object(ctx);
        static const char *const types[] = {"kv", "d1", "assets", "service", "json"};
        duk_push_string(ctx, types[b->type]);
        duk_put_prop_literal(ctx, -2, "type");
        if (b->name != NULL) {
            duk_push_string(ctx, b->name);
            duk_put_prop_literal(ctx, -2, "name");
        }
        duk_push_string(ctx, b->backend == FCW_KV_REDIS ? "redis" : "sqlite");
        duk_put_prop_literal(ctx, -2, "backend");
        const char *const strings[][2] = {{"path", b->path},
                                          {"url", b->url},
                                          {"prefix", b->prefix},
                                          {"htmlHandling", b->html_handling},
                                          {"notFoundHandling", b->not_found_handling}};
        for (size_t j = 0; j < sizeof(strings) / sizeof(strings[0]); j++) {
            if (strings[j][1] != NULL) {
                duk_push_string(ctx, strings[j][1]);
                duk_put_prop_string(ctx, -2, strings[j][0]);
            }
        }
        duk_push_uint(ctx, b->timeout_ms);
        duk_put_prop_literal(ctx, -2, "timeout");
        duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
    }
    duk_call(ctx, 2);
    return 1;
}

void fcw_bindings_install(struct fcw_engine *e, const struct fcw_engine_config *config)
{
    duk_context *ctx = fcw_engine_ctx(e);
    if (config->nbindings == 0) {
        return;
    }
    if (duk_safe_call(ctx, install_bindings, (void *)config, 0, 1) != DUK_EXEC_SUCCESS) {
        fcw_engine_log(e, FCW_LOG_ERROR, "failed to set up the bindings: %s", duk_safe_to_string(ctx, -1));
    }
    duk_pop(ctx);
}

void fcw_api_kv_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry fns[] = {
        {"kvOpen", native_kv_open, 1},     {"kvGet", native_kv_get, 2},   {"kvPut", native_kv_put, 5},
        {"kvDelete", native_kv_delete, 2}, {"kvList", native_kv_list, 4}, {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
}
