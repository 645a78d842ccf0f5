/* SPDX-License-Identifier: MIT */
/*
 * The native half of HTMLRewriter (js/48-htmlrewriter.js is the other
 * half): lib/html_tokenizer.c behind an opaque object. Script code decodes
 * the body to strings (a streaming TextDecoder, so that a character split
 * between chunks arrives whole) and hands each to htmlFeed, which returns
 * the tokens it completed as arrays:
 *   [0, text]                              text (a text node may come in pieces)
 *   [1, raw, name, [n1, v1, ...], selfClosing]   start tag
 *   [2, raw, name]                         end tag
 *   [3, raw, data]                         comment
 *   [4, raw, name, publicId, systemId]     DOCTYPE (null where absent)
 *   [5, raw]                               bytes that make no token
 * The tokenizer sees Duktape's internal string bytes: only ASCII has meaning
 * to it and it cuts only before `<` or at the end of a string, so every
 * piece is pushed back as a whole string. A tag, comment or DOCTYPE longer
 * than the limit given at creation is a TypeError.
 */
#include "config.h"

#include <stdlib.h>

#include "engine.h"
#include "html_tokenizer.h"

#define HTML_TOKENIZER DUK_HIDDEN_SYMBOL("fcwHtmlTokenizer")

struct html_emit {
    duk_context *ctx;
    duk_idx_t arr_idx;
    duk_uarridx_t n;
};

static int html_push_token(void *data, const struct fcw_html_token *t)
{
    struct html_emit *e = data;
    duk_context *ctx = e->ctx;
    size_t i;

    duk_push_array(ctx);
    duk_push_uint(ctx, (duk_uint_t)t->type);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_lstring(ctx, t->raw, t->raw_len);
    duk_put_prop_index(ctx, -2, 1);
    switch (t->type) {
    case FCW_HTML_START_TAG:
    case FCW_HTML_END_TAG:
        duk_push_lstring(ctx, t->name, t->name_len);
        duk_put_prop_index(ctx, -2, 2);
        if (t->type == FCW_HTML_END_TAG) {
            break;
        }
        duk_push_array(ctx);
        for (i = 0; i < t->nattrs; i++) {
            duk_push_lstring(ctx, t->attrs[i].name, t->attrs[i].name_len);
            duk_put_prop_index(ctx, -2, (duk_uarridx_t)(2 * i));
            duk_push_lstring(ctx, t->attrs[i].value, t->attrs[i].value_len);
            duk_put_prop_index(ctx, -2, (duk_uarridx_t)(2 * i + 1));
        }
        duk_put_prop_index(ctx, -2, 3);
        duk_push_boolean(ctx, t->self_closing);
        duk_put_prop_index(ctx, -2, 4);
        break;
    case FCW_HTML_COMMENT:
        duk_push_lstring(ctx, t->data, t->data_len);
        duk_put_prop_index(ctx, -2, 2);
        break;
    case FCW_HTML_DOCTYPE:
        if (t->has_name) {
            duk_push_lstring(ctx, t->name, t->name_len);
        } else {
            duk_push_null(ctx);
        }
        duk_put_prop_index(ctx, -2, 2);
        if (t->has_public_id) {
            duk_push_lstring(ctx, t->public_id, t->public_id_len);
        } else {
            duk_push_null(ctx);
        }
        duk_put_prop_index(ctx, -2, 3);
        if (t->has_system_id) {
            duk_push_lstring(ctx, t->system_id, t->system_id_len);
        } else {
            duk_push_null(ctx);
        }
        duk_put_prop_index(ctx, -2, 4);
        break;
    default: break;
    }
    duk_put_prop_index(ctx, e->arr_idx, e->n++);
    return 0;
}

static struct fcw_html_tokenizer *html_get(duk_context *ctx, duk_idx_t idx)
{
    struct fcw_html_tokenizer *tz;

    duk_require_object(ctx, idx);
    duk_get_prop_literal(ctx, idx, HTML_TOKENIZER);
    tz = duk_get_pointer(ctx, -1);
    duk_pop(ctx);
    return tz;
}

static void html_release(duk_context *ctx, duk_idx_t idx)
{
    struct fcw_html_tokenizer *tz = html_get(ctx, idx);

    if (tz != NULL) {
        fcw_html_tokenizer_free(tz);
        duk_push_pointer(ctx, NULL);
        duk_put_prop_literal(ctx, idx, HTML_TOKENIZER);
    }
}

static duk_ret_t html_finalize(duk_context *ctx)
{
    html_release(ctx, 0);
    return 0;
}

/* htmlTokenizer(maxToken) -> an opaque tokenizer object */
static duk_ret_t html_create(duk_context *ctx)
{
    duk_double_t max = duk_require_number(ctx, 0);
    struct fcw_html_tokenizer *tz;

    if (!(max >= 0 && max < 1e15)) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "invalid token size limit");
    }
    tz = fcw_html_tokenizer_new((size_t)max, html_push_token, NULL);
    if (tz == NULL) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    }
    duk_push_object(ctx);
    duk_push_pointer(ctx, tz);
    duk_put_prop_literal(ctx, -2, HTML_TOKENIZER);
    duk_push_c_function(ctx, html_finalize, 1);
    duk_set_finalizer(ctx, -2);
    return 1;
}

/* htmlFeed(tokenizer, string | null) -> [tokens]; null ends the document */
static duk_ret_t html_feed(duk_context *ctx)
{
    struct fcw_html_tokenizer *tz = html_get(ctx, 0);
    struct html_emit e;
    const char *s = NULL;
    duk_size_t len = 0;
    int rc;

    if (tz == NULL) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "HTMLRewriter: the document has ended");
    }
    if (!duk_is_null_or_undefined(ctx, 1)) {
        s = duk_require_lstring(ctx, 1, &len);
    }
    duk_push_array(ctx);
    e.ctx = ctx;
    e.arr_idx = duk_get_top_index(ctx);
    e.n = 0;
    /* the callback's data is the array being filled, for this call */
    fcw_html_tokenizer_set_callback_data(tz, &e);
    rc = s != NULL ? fcw_html_tokenizer_feed(tz, s, len) : fcw_html_tokenizer_end(tz);
    fcw_html_tokenizer_set_callback_data(tz, NULL);
    if (rc < 0) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "HTMLRewriter: %s", fcw_html_tokenizer_error(tz));
    }
    if (s == NULL) {
        html_release(ctx, 0);
    }
    return 1;
}

void fcw_api_htmlrewriter_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry funcs[] = {
        {"htmlTokenizer", html_create, 1}, {"htmlFeed", html_feed, 2}, {NULL, NULL, 0}};

    duk_put_function_list(ctx, native_idx, funcs);
}
