/* SPDX-License-Identifier: MIT */
/*
 * The native half of URL and URLSearchParams (js/30-url.js): thin Duktape
 * bindings over lib/url.c.
 *
 * A URL object carries its parsed record in two hidden-symbol properties,
 * whose keys JavaScript gets as native.urlHrefKey and native.urlOffsetsKey:
 * the href (always ASCII) and an Int32Array of component offsets into it,
 * [scheme_end, username_start, username_end, password_start, password_end,
 * host_start, host_end, port, path_start, path_end, query_start,
 * fragment_start, flags] (-1 for an absent port/query/fragment; flags bit 0
 * = has host, bit 1 = opaque path). JavaScript reads components by slicing;
 * only parsing, setters, origin and form-urlencoding come here.
 *
 *   native.urlParse(target, input, base)   -> true, or false if invalid
 *   native.urlSet(target, part, value)     -> true, or false if the href setter failed
 *   native.urlOrigin(target)               -> string
 *   native.urlToUSVString(value)           -> string, lone surrogates as U+FFFD
 *   native.urlFormParse(string)            -> [name, value, name, value, ...]
 *   native.urlFormSerialize(flatPairs)     -> string
 */
#include "config.h"

#include "engine.h"
#include "url.h"

#include <duktape.h>
#include <stdlib.h>
#include <string.h>

#define HREF_KEY DUK_HIDDEN_SYMBOL("fcwUrlHref")
#define OFFSETS_KEY DUK_HIDDEN_SYMBOL("fcwUrlOffsets")

enum {
    OFF_SCHEME_END,
    OFF_USERNAME_START,
    OFF_USERNAME_END,
    OFF_PASSWORD_START,
    OFF_PASSWORD_END,
    OFF_HOST_START,
    OFF_HOST_END,
    OFF_PORT,
    OFF_PATH_START,
    OFF_PATH_END,
    OFF_QUERY_START,
    OFF_FRAGMENT_START,
    OFF_FLAGS,
    OFF_COUNT
};

static int32_t offset_out(uint32_t v)
{
    return v == FCW_URL_OMITTED ? -1 : (int32_t)v;
}

static uint32_t offset_in(int32_t v)
{
    return v < 0 ? FCW_URL_OMITTED : (uint32_t)v;
}

static void fill_offsets(int32_t *o, const struct fcw_url *u)
{
    o[OFF_SCHEME_END] = offset_out(u->scheme_end);
    o[OFF_USERNAME_START] = offset_out(u->username_start);
    o[OFF_USERNAME_END] = offset_out(u->username_end);
    o[OFF_PASSWORD_START] = offset_out(u->password_start);
    o[OFF_PASSWORD_END] = offset_out(u->password_end);
    o[OFF_HOST_START] = offset_out(u->host_start);
    o[OFF_HOST_END] = offset_out(u->host_end);
    o[OFF_PORT] = u->port;
    o[OFF_PATH_START] = offset_out(u->path_start);
    o[OFF_PATH_END] = offset_out(u->path_end);
    o[OFF_QUERY_START] = offset_out(u->query_start);
    o[OFF_FRAGMENT_START] = offset_out(u->fragment_start);
    o[OFF_FLAGS] = u->has_host | (u->opaque_path << 1);
}

/* The offsets array of target, or NULL (no record). */
static int32_t *get_offsets(duk_context *ctx, duk_idx_t target)
{
    duk_size_t size = 0;
    int32_t *o;

    duk_get_prop_string(ctx, target, OFFSETS_KEY);
    o = duk_get_buffer_data(ctx, -1, &size);
    duk_pop(ctx);
    return size == OFF_COUNT * sizeof(int32_t) ? o : NULL;
}

/* Stores u as target's record, reusing its offsets array if it has one. */
static void store_record(duk_context *ctx, duk_idx_t target, const struct fcw_url *u)
{
    int32_t *o = get_offsets(ctx, target);

    duk_push_lstring(ctx, u->href, u->href_len);
    duk_put_prop_string(ctx, target, HREF_KEY);
    if (!o) {
        o = duk_push_fixed_buffer(ctx, OFF_COUNT * sizeof(int32_t));
        duk_push_buffer_object(ctx, -1, 0, OFF_COUNT * sizeof(int32_t), DUK_BUFOBJ_INT32ARRAY);
        duk_put_prop_string(ctx, target, OFFSETS_KEY);
        duk_pop(ctx);
    }
    fill_offsets(o, u);
}

/* Rebuilds target's struct fcw_url with a malloc'd href copy (the setters
 * replace it). Throws a TypeError when target is not a URL. */
static void read_record(duk_context *ctx, duk_idx_t target, struct fcw_url *u)
{
    int32_t *o = get_offsets(ctx, target);
    duk_size_t len;
    const char *href;

    duk_get_prop_string(ctx, target, HREF_KEY);
    href = duk_get_lstring(ctx, -1, &len);
    if (!o || !href)
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "Illegal invocation: not a URL");
    u->href = malloc(len + 1);
    if (!u->href)
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    memcpy(u->href, href, len + 1);
    duk_pop(ctx);
    u->href_len = (uint32_t)len;
    u->scheme_end = offset_in(o[OFF_SCHEME_END]);
    u->username_start = offset_in(o[OFF_USERNAME_START]);
    u->username_end = offset_in(o[OFF_USERNAME_END]);
    u->password_start = offset_in(o[OFF_PASSWORD_START]);
    u->password_end = offset_in(o[OFF_PASSWORD_END]);
    u->host_start = offset_in(o[OFF_HOST_START]);
    u->host_end = offset_in(o[OFF_HOST_END]);
    u->port = o[OFF_PORT];
    u->path_start = offset_in(o[OFF_PATH_START]);
    u->path_end = offset_in(o[OFF_PATH_END]);
    u->query_start = offset_in(o[OFF_QUERY_START]);
    u->fragment_start = offset_in(o[OFF_FRAGMENT_START]);
    u->has_host = o[OFF_FLAGS] & 1;
    u->opaque_path = (o[OFF_FLAGS] >> 1) & 1;
}

static duk_ret_t url_parse(duk_context *ctx)
{
    struct fcw_url base, url;
    duk_size_t len, base_len;
    const char *input, *base_input;
    int rc;

    duk_require_object(ctx, 0);
    input = duk_to_lstring(ctx, 1, &len);
    if (duk_is_undefined(ctx, 2)) {
        rc = fcw_url_parse(input, len, NULL, &url);
    } else {
        base_input = duk_to_lstring(ctx, 2, &base_len);
        if (fcw_url_parse(base_input, base_len, NULL, &base) < 0) {
            duk_push_false(ctx);
            return 1;
        }
        rc = fcw_url_parse(input, len, &base, &url);
        fcw_url_free(&base);
    }
    if (rc == 0) {
        store_record(ctx, 0, &url);
        fcw_url_free(&url);
    }
    duk_push_boolean(ctx, rc == 0);
    return 1;
}

/* urlHref(input) -> the href of the absolute URL input, null when it is not
 * one, false when it has a username or a password (Request's URL, parsed
 * without a URL object). */
static duk_ret_t url_href(duk_context *ctx)
{
    struct fcw_url url;
    duk_size_t len;
    const char *input = duk_to_lstring(ctx, 0, &len);
    if (fcw_url_parse(input, len, NULL, &url) < 0) {
        duk_push_null(ctx);
        return 1;
    }
    if (url.username_end > url.username_start || url.password_end > url.password_start) {
        duk_push_false(ctx);
    } else {
        duk_push_lstring(ctx, url.href, url.href_len);
    }
    fcw_url_free(&url);
    return 1;
}

static duk_ret_t url_set(duk_context *ctx)
{
    struct fcw_url url;
    int part = duk_require_int(ctx, 1);
    duk_size_t len;
    const char *value = duk_to_lstring(ctx, 2, &len);
    int rc;

    if (part < FCW_URL_HREF || part > FCW_URL_HASH)
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "bad URL part %d", part);
    read_record(ctx, 0, &url);
    rc = fcw_url_set(&url, (enum fcw_url_part)part, value, len);
    if (rc == 0)
        store_record(ctx, 0, &url);
    fcw_url_free(&url);
    if (rc < 0 && part != FCW_URL_HREF)
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    duk_push_boolean(ctx, rc == 0);
    return 1;
}

static duk_ret_t url_origin(duk_context *ctx)
{
    struct fcw_url url;
    char small[256], *buf = small;
    size_t n;

    read_record(ctx, 0, &url);
    n = fcw_url_origin(&url, small, sizeof small);
    if (n >= sizeof small) {
        buf = malloc(n + 1);
        if (buf)
            fcw_url_origin(&url, buf, n + 1);
    }
    fcw_url_free(&url);
    if (!buf)
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    duk_push_lstring(ctx, buf, n);
    if (buf != small)
        free(buf);
    return 1;
}

/* Pushes UTF-8 as a JavaScript string: characters outside the BMP become
 * surrogate pairs in Duktape's CESU-8 form so .length counts UTF-16 units. */
static void push_utf8(duk_context *ctx, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char *out;
    size_t i, o = 0;

    for (i = 0; i < len && u[i] < 0xF0; i++)
        ;
    if (i == len) {
        duk_push_lstring(ctx, s, len);
        return;
    }
    out = duk_push_fixed_buffer(ctx, len * 2);
    for (i = 0; i < len;) {
        if (u[i] >= 0xF0 && i + 3 < len) {
            uint32_t c = ((uint32_t)(u[i] & 7) << 18) | ((uint32_t)(u[i + 1] & 63) << 12) |
                         ((uint32_t)(u[i + 2] & 63) << 6) | (u[i + 3] & 63);
            uint32_t hi = 0xD800 + ((c - 0x10000) >> 10), lo = 0xDC00 + ((c - 0x10000) & 0x3FF);
            out[o++] = 0xED;
            out[o++] = (unsigned char)(0x80 | ((hi >> 6) & 63));
            out[o++] = (unsigned char)(0x80 | (hi & 63));
            out[o++] = 0xED;
            out[o++] = (unsigned char)(0x80 | ((lo >> 6) & 63));
            out[o++] = (unsigned char)(0x80 | (lo & 63));
            i += 4;
        } else {
            out[o++] = u[i++];
        }
    }
    duk_push_lstring(ctx, (const char *)out, o);
    duk_remove(ctx, -2);
}

/* Copies a CESU-8 string with each lone surrogate replaced by U+FFFD
 * (pairs kept as they are); returns the output length. */
static size_t replace_lone_surrogates(const unsigned char *s, size_t len, unsigned char *out)
{
    size_t i = 0, o = 0;

    while (i < len) {
        int surrogate = s[i] == 0xED && i + 2 < len && s[i + 1] >= 0xA0;
        if (surrogate && s[i + 1] < 0xB0 && i + 5 < len && s[i + 3] == 0xED && s[i + 4] >= 0xB0) {
            memcpy(out + o, s + i, 6);
            o += 6;
            i += 6;
        } else if (surrogate) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += 3;
        } else {
            out[o++] = s[i++];
        }
    }
    return o;
}

static duk_ret_t url_to_usv_string(duk_context *ctx)
{
    duk_size_t len;
    const unsigned char *s = (const unsigned char *)duk_to_lstring(ctx, 0, &len);
    unsigned char *out;

    if (!memchr(s, 0xED, len))
        return 1;
    out = duk_push_fixed_buffer(ctx, len);
    duk_push_lstring(ctx, (const char *)out, replace_lone_surrogates(s, len, out));
    return 1;
}

struct form_sink {
    duk_context *ctx;
    duk_idx_t arr;
    duk_uarridx_t n;
};

static int form_pair(void *data, const char *name, size_t name_len, const char *value, size_t value_len)
{
    struct form_sink *sink = data;

    push_utf8(sink->ctx, name, name_len);
    duk_put_prop_index(sink->ctx, sink->arr, sink->n++);
    push_utf8(sink->ctx, value, value_len);
    duk_put_prop_index(sink->ctx, sink->arr, sink->n++);
    return 0;
}

static duk_ret_t url_form_parse(duk_context *ctx)
{
    duk_size_t len;
    const char *input = duk_require_lstring(ctx, 0, &len);
    struct form_sink sink;
    char *scalar;

    /* Surrogates (CESU-8, lead byte 0xED) must become scalar values first. */
    if (memchr(input, 0xED, len)) {
        scalar = duk_push_fixed_buffer(ctx, len * 3);
        len = fcw_text_to_scalar_utf8(input, len, scalar);
        input = scalar;
    }
    sink.ctx = ctx;
    sink.arr = duk_push_array(ctx);
    sink.n = 0;
    if (fcw_url_form_parse(input, len, form_pair, &sink) < 0)
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    return 1;
}

/* Appends one encoded name or value to the dynamic buffer at buf_idx. */
static void form_append(duk_context *ctx, duk_idx_t buf_idx, size_t *used, const char *s, size_t len)
{
    size_t need = *used + len * 9 + 1;
    char *buf;

    if (duk_get_buffer_data(ctx, buf_idx, NULL) == NULL || need > duk_get_length(ctx, buf_idx))
        duk_resize_buffer(ctx, buf_idx, need * 2);
    buf = duk_get_buffer_data(ctx, buf_idx, NULL);
    *used += fcw_url_form_encode(s, len, buf + *used);
}

static duk_ret_t url_form_serialize(duk_context *ctx)
{
    duk_size_t n, k, len;
    duk_idx_t buf_idx;
    size_t used = 0;
    const char *s;
    char *buf;

    duk_require_object(ctx, 0);
    n = duk_get_length(ctx, 0);
    duk_push_dynamic_buffer(ctx, 64);
    buf_idx = duk_get_top_index(ctx);
    for (k = 0; k < n; k++) {
        duk_get_prop_index(ctx, 0, (duk_uarridx_t)k);
        s = duk_to_lstring(ctx, -1, &len);
        form_append(ctx, buf_idx, &used, s, len);
        duk_pop(ctx);
        buf = duk_get_buffer_data(ctx, buf_idx, NULL);
        buf[used++] = (k % 2 == 0) ? '=' : '&';
    }
    buf = duk_get_buffer_data(ctx, buf_idx, NULL);
    duk_push_lstring(ctx, buf, used ? used - 1 : 0);
    return 1;
}

void fcw_api_url_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry funcs[] = {{"urlParse", url_parse, 3},
                                                    {"urlHref", url_href, 1},
                                                    {"urlSet", url_set, 3},
                                                    {"urlToUSVString", url_to_usv_string, 1},
                                                    {"urlOrigin", url_origin, 1},
                                                    {"urlFormParse", url_form_parse, 1},
                                                    {"urlFormSerialize", url_form_serialize, 1},
                                                    {NULL, NULL, 0}};

    native_idx = duk_normalize_index(ctx, native_idx);
    duk_put_function_list(ctx, native_idx, funcs);
    duk_push_string(ctx, HREF_KEY);
    duk_put_prop_string(ctx, native_idx, "urlHrefKey");
    duk_push_string(ctx, OFFSETS_KEY);
    duk_put_prop_string(ctx, native_idx, "urlOffsetsKey");
}
