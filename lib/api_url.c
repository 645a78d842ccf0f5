/*
 * The native half of URL and URLSearchParams (js/30-url.js): thin Duktape
 * bindings over lib/url.c.
 *
 * A parsed URL crosses into JavaScript as a "record array": [href,
 * scheme_end, username_start, username_end, password_start, password_end,
 * host_start, host_end, port, path_start, path_end, query_start,
 * fragment_start, flags], offsets being indexes into the (always ASCII)
 * href, -1 for an absent port/query/fragment, flags bit 0 = has host, bit 1
 * = opaque path. JavaScript reads components by slicing; only parsing,
 * setters, origin and form-urlencoding come here.
 *
 *   native.urlParse(input, base)            -> record array | null
 *   native.urlSet(record, part, value)      -> record array | null (href failure)
 *   native.urlOrigin(record)                -> string
 *   native.urlFormParse(string)             -> [name, value, name, value, ...]
 *   native.urlFormSerialize(flatPairs)      -> string
 */
#include "config.h"

#include "engine.h"
#include "url.h"

#include <duktape.h>
#include <stdlib.h>
#include <string.h>

enum { REC_HREF, REC_SCHEME_END, REC_USERNAME_START, REC_USERNAME_END, REC_PASSWORD_START,
       REC_PASSWORD_END, REC_HOST_START, REC_HOST_END, REC_PORT, REC_PATH_START, REC_PATH_END,
       REC_QUERY_START, REC_FRAGMENT_START, REC_FLAGS, REC_SIZE };

static void push_offset(duk_context *ctx, duk_idx_t arr, duk_uarridx_t at, uint32_t v)
{
    duk_push_number(ctx, v == FCW_URL_OMITTED ? -1.0 : (double)v);
    duk_put_prop_index(ctx, arr, at);
}

static void push_record(duk_context *ctx, const struct fcw_url *u)
{
    duk_idx_t arr = duk_push_array(ctx);

    duk_push_lstring(ctx, u->href, u->href_len);
    duk_put_prop_index(ctx, arr, REC_HREF);
    push_offset(ctx, arr, REC_SCHEME_END, u->scheme_end);
    push_offset(ctx, arr, REC_USERNAME_START, u->username_start);
    push_offset(ctx, arr, REC_USERNAME_END, u->username_end);
    push_offset(ctx, arr, REC_PASSWORD_START, u->password_start);
    push_offset(ctx, arr, REC_PASSWORD_END, u->password_end);
    push_offset(ctx, arr, REC_HOST_START, u->host_start);
    push_offset(ctx, arr, REC_HOST_END, u->host_end);
    duk_push_int(ctx, u->port);
    duk_put_prop_index(ctx, arr, REC_PORT);
    push_offset(ctx, arr, REC_PATH_START, u->path_start);
    push_offset(ctx, arr, REC_PATH_END, u->path_end);
    push_offset(ctx, arr, REC_QUERY_START, u->query_start);
    push_offset(ctx, arr, REC_FRAGMENT_START, u->fragment_start);
    duk_push_int(ctx, u->has_host | (u->opaque_path << 1));
    duk_put_prop_index(ctx, arr, REC_FLAGS);
}

static uint32_t read_offset(duk_context *ctx, duk_idx_t arr, duk_uarridx_t at)
{
    double v;

    duk_get_prop_index(ctx, arr, at);
    v = duk_get_number(ctx, -1);
    duk_pop(ctx);
    return v < 0 ? FCW_URL_OMITTED : (uint32_t)v;
}

/* Rebuilds a struct fcw_url from a record array, with a malloc'd href
 * copy (the setters replace it). Throws on a malformed record. */
static void read_record(duk_context *ctx, duk_idx_t arr, struct fcw_url *u)
{
    duk_size_t len;
    const char *href;
    int flags;

    arr = duk_require_normalize_index(ctx, arr);
    duk_get_prop_index(ctx, arr, REC_HREF);
    href = duk_require_lstring(ctx, -1, &len);
    u->href = malloc(len + 1);
    if (!u->href)
        (void) duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    memcpy(u->href, href, len + 1);
    u->href_len = (uint32_t)len;
    duk_pop(ctx);
    u->scheme_end = read_offset(ctx, arr, REC_SCHEME_END);
    u->username_start = read_offset(ctx, arr, REC_USERNAME_START);
    u->username_end = read_offset(ctx, arr, REC_USERNAME_END);
    u->password_start = read_offset(ctx, arr, REC_PASSWORD_START);
    u->password_end = read_offset(ctx, arr, REC_PASSWORD_END);
    u->host_start = read_offset(ctx, arr, REC_HOST_START);
    u->host_end = read_offset(ctx, arr, REC_HOST_END);
    u->path_start = read_offset(ctx, arr, REC_PATH_START);
    u->path_end = read_offset(ctx, arr, REC_PATH_END);
    u->query_start = read_offset(ctx, arr, REC_QUERY_START);
    u->fragment_start = read_offset(ctx, arr, REC_FRAGMENT_START);
    duk_get_prop_index(ctx, arr, REC_PORT);
    u->port = (int32_t)duk_get_int(ctx, -1);
    duk_get_prop_index(ctx, arr, REC_FLAGS);
    flags = duk_get_int(ctx, -1);
    duk_pop_2(ctx);
    u->has_host = flags & 1;
    u->opaque_path = (flags >> 1) & 1;
}

static duk_ret_t url_parse(duk_context *ctx)
{
    struct fcw_url base, url;
    duk_size_t len, base_len;
    const char *input = duk_require_lstring(ctx, 0, &len);
    const char *base_input;
    int rc;

    if (duk_is_null_or_undefined(ctx, 1)) {
        rc = fcw_url_parse(input, len, NULL, &url);
    } else {
        base_input = duk_require_lstring(ctx, 1, &base_len);
        if (fcw_url_parse(base_input, base_len, NULL, &base) < 0) {
            duk_push_null(ctx);
            return 1;
        }
        rc = fcw_url_parse(input, len, &base, &url);
        fcw_url_free(&base);
    }
    if (rc < 0) {
        duk_push_null(ctx);
        return 1;
    }
    push_record(ctx, &url);
    fcw_url_free(&url);
    return 1;
}

static duk_ret_t url_set(duk_context *ctx)
{
    struct fcw_url url;
    int part = duk_require_int(ctx, 1);
    duk_size_t len;
    const char *value = duk_require_lstring(ctx, 2, &len);
    int rc;

    if (part < FCW_URL_HREF || part > FCW_URL_HASH)
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "bad URL part %d", part);
    read_record(ctx, 0, &url);
    rc = fcw_url_set(&url, (enum fcw_url_part)part, value, len);
    if (rc < 0 && part != FCW_URL_HREF) {
        fcw_url_free(&url);
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    }
    if (rc < 0)
        duk_push_null(ctx);
    else
        push_record(ctx, &url);
    fcw_url_free(&url);
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
        len = fcw_url_to_scalar_utf8(input, len, scalar);
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
    static const duk_function_list_entry funcs[] = {
        { "urlParse", url_parse, 2 },
        { "urlSet", url_set, 3 },
        { "urlOrigin", url_origin, 1 },
        { "urlFormParse", url_form_parse, 1 },
        { "urlFormSerialize", url_form_serialize, 1 },
        { NULL, NULL, 0 }
    };

    native_idx = duk_normalize_index(ctx, native_idx);
    duk_put_function_list(ctx, native_idx, funcs);
}
