/* SPDX-License-Identifier: MIT */
/*
 * One request through the engine (fcw_engine_handle): the request goes to
 * JavaScript as native.dispatch(method, url, headers, body), headers
 * joined into one string "name\0value\0..." (see push_request); the
 * response comes back through the natives respond (a whole response whose
 * body is not a stream) or respondHead / respondChunk / respondEnd,
 * respondError / respondAbort, respondPassThrough (a fetch() body handed
 * to the response untouched, through a sink), and is written by the
 * response writer (lib/response.c) to the caller's fcw_output. The
 * response belongs to the request: it lives in fcw_engine_handle, and the
 * engine points to it while the request runs. headersRecord validates a
 * plain-object HeadersInit for js/43-headers.js.
 * The event loop runs until the response is complete and waitUntil work has
 * settled, bounded by the wall limit. Errors become responses: an exception
 * 500, a limit 503, a script that never answers 500; the engine survives.
 */
#include "config.h"

#include "duk_hooks.h"
#include "engine.h"
#include "fetch.h"
#include "response.h"
#include "text.h"
#include "url.h"

#include <stdio.h>
#include <string.h>

/* The response of the request in flight (NULL outside a request). */
static struct fcw_response *response_of(duk_context *ctx, struct fcw_engine **engine)
{
    struct fcw_engine *e = fcw_engine_of(ctx);
    if (engine != NULL) {
        *engine = e;
    }
    return fcw_engine_response(e);
}

/* Memory ran out for good (lib/engine.c, registered per request): a 503
 * if nothing was sent yet, and the response ends. */
static void abandon(void *response)
{
    fcw_response_error(response, 503, NULL);
}

/* The sink a fetch() body passed through writes to: the response of the
 * request in flight, if any (a transfer outliving its request writes
 * nowhere). */
static int sink_write(void *data, const void *buf, size_t len)
{
    struct fcw_response *r = fcw_engine_response(data);
    return r != NULL ? fcw_response_write(r, buf, len) : -1;
}

static void sink_end(void *data, int failed)
{
    struct fcw_response *r = fcw_engine_response(data);
    if (r != NULL) {
        fcw_response_end(r, failed);
    }
}

/* respondHead(status, statusText, flatHeaders, streaming): sends the head
 * of the response in flight, which it returns (or throws). */
static struct fcw_response *send_head(duk_context *ctx)
{
    struct fcw_engine *e;
    struct fcw_response *r = response_of(ctx, &e);
    if (fcw_engine_out_of_memory(e)) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory (limits.memory_mb)");
    }
    /* a limit stopped the request inside C (a regular expression, a D1
     * query) and the script caught the error: the answer is the limit's
     * 503 */
    if (fcw_engine_interrupted(e) != ENGINE_RUNNING) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "the request was stopped by a limit");
    }
    int status = duk_require_int(ctx, 0);
    const char *reason = duk_require_string(ctx, 1);
    duk_size_t n = duk_get_length(ctx, 2);
    int streaming = duk_to_boolean(ctx, 3);
    if (r == NULL || r->head_sent) {
        (void)duk_error(ctx, DUK_ERR_ERROR, "the response head was already sent");
    }
    const char **headers = duk_push_fixed_buffer(ctx, (n + 1) * sizeof(char *));
    for (duk_size_t i = 0; i < n; i++) {
        /* the array at index 2 keeps each string alive */
        duk_get_prop_index(ctx, 2, (duk_uarridx_t)i);
        headers[i] = duk_require_string(ctx, -1);
        duk_pop(ctx);
    }
    fcw_response_head(r, status, reason, headers, n / 2, streaming);
    return r;
}

static duk_ret_t native_respond_head(duk_context *ctx)
{
    send_head(ctx);
    return 0;
}

/* respond(status, statusText, flatHeaders, body): the head and a body that
 * is null, a string (written as UTF-8) or a Uint8Array, and the end. */
static duk_ret_t native_respond(duk_context *ctx)
{
    duk_set_top(ctx, 4);
    duk_push_false(ctx);
    duk_insert(ctx, 3);
    struct fcw_response *r = send_head(ctx);
    if (!duk_is_null(ctx, 4) && !r->client_gone && !r->head_only) {
        duk_size_t len = 0;
        const char *body;
        if (duk_is_string(ctx, 4)) {
            body = duk_get_lstring(ctx, 4, &len);
            /* Duktape keeps surrogates (pairs and lone ones) as separate
             * 3-byte sequences starting with 0xED: make those UTF-8 */
            if (memchr(body, 0xED, len) != NULL) {
                char *scalar = duk_push_fixed_buffer(ctx, len);
                len = fcw_text_to_scalar_utf8(body, len, scalar);
                body = scalar;
            }
        } else {
            body = duk_require_buffer_data(ctx, 4, &len);
        }
        if (len > 0) {
            fcw_response_write(r, body, len);
        }
    }
    fcw_response_end(r, 0);
    return 0;
}

/* respondChunk(u8) -> false once the client is gone */
static duk_ret_t native_respond_chunk(duk_context *ctx)
{
    struct fcw_engine *e;
    struct fcw_response *r = response_of(ctx, &e);
    duk_size_t len = 0;
    const void *buf = duk_require_buffer_data(ctx, 0, &len);
    if (r == NULL || !r->head_sent || r->ended) {
        return duk_error(ctx, DUK_ERR_ERROR, "no response is open for a body chunk");
    }
    if (!r->client_gone) {
        fcw_response_write(r, buf, len);
    }
    fcw_engine_collect_if_grown(e);
    duk_push_boolean(ctx, !r->client_gone);
    return 1;
}

static duk_ret_t native_respond_end(duk_context *ctx)
{
    struct fcw_response *r = response_of(ctx, NULL);
    if (r != NULL && r->head_sent) {
        fcw_response_end(r, 0);
    }
    return 0;
}

/* respondError(status): a plain error page if no head was sent yet, else
 * the stream is cut where it is. */
static duk_ret_t native_respond_error(duk_context *ctx)
{
    int status = duk_require_int(ctx, 0);
    struct fcw_engine *e;
    struct fcw_response *r = response_of(ctx, &e);
    if (r == NULL || r->ended || fcw_engine_out_of_memory(e) || fcw_engine_interrupted(e) != ENGINE_RUNNING) {
        return 0;
    }
    fcw_response_error(r, status, NULL);
    return 0;
}

static duk_ret_t native_respond_abort(duk_context *ctx)
{
    struct fcw_response *r = response_of(ctx, NULL);
    if (r != NULL) {
        fcw_response_end(r, 1);
    }
    return 0;
}

/* respondPassThrough(transferId) -> true when the fetch() body now flows
 * from libcurl to the client without entering JavaScript */
static duk_ret_t native_respond_pass_through(duk_context *ctx)
{
    double id = duk_require_number(ctx, 0);
    struct fcw_engine *e;
    struct fcw_response *r = response_of(ctx, &e);
    struct fcw_body_sink sink = {sink_write, sink_end, e};
    int ok = r != NULL && r->head_sent && !r->ended && fcw_fetch_pass_through(e, id, &sink) == 0;
    duk_push_boolean(ctx, ok);
    return 1;
}

static duk_ret_t native_wait_until_count(duk_context *ctx)
{
    struct fcw_engine *e;
    struct fcw_response *r = response_of(ctx, &e);
    int n = duk_require_int(ctx, 0);
    if (r != NULL) {
        r->wait_until = n;
    }
    fcw_engine_mark_dirty(e);
    return 0;
}

/* The Fetch standard's header name (a token) and value (no NUL, CR or LF,
 * no code point above U+00FF once leading and trailing HTTP whitespace is
 * stripped) checks for headersRecord, on Duktape's UTF-8 bytes. */
static int is_http_whitespace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Pushes the lowercased header name at idx, or throws. */
static void push_header_name(duk_context *ctx, duk_idx_t idx)
{
    duk_size_t len = 0;
    const char *name = duk_get_lstring(ctx, idx, &len);
    int upper = 0;
    for (duk_size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!fcw_is_token_char(c)) {
            (void)duk_type_error(ctx, "Failed to execute 'append' on 'Headers': Invalid name");
        }
        upper |= c >= 'A' && c <= 'Z';
    }
    if (len == 0) {
        (void)duk_type_error(ctx, "Failed to execute 'append' on 'Headers': Invalid name");
    }
    if (!upper) {
        duk_dup(ctx, idx);
        return;
    }
    char *lower = duk_push_fixed_buffer(ctx, len);
    for (duk_size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    duk_buffer_to_string(ctx, -1);
}

/* Replaces the value at idx with its normalised string, or throws. */
static void normalize_header_value(duk_context *ctx, duk_idx_t idx)
{
    duk_size_t len = 0;
    const char *v = duk_to_lstring(ctx, idx, &len);
    duk_size_t start = 0, end = len;
    while (start < end && is_http_whitespace((unsigned char)v[start])) {
        start++;
    }
    while (end > start && is_http_whitespace((unsigned char)v[end - 1])) {
        end--;
    }
    for (duk_size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)v[i];
        /* 0xC4 and above start code points from U+0100 on */
        if (c == 0 || c == '\r' || c == '\n' || c >= 0xC4) {
            (void)duk_type_error(ctx, "Failed to execute 'append' on 'Headers': Invalid value");
        }
    }
    if (start != 0 || end != len) {
        duk_push_lstring(ctx, v + start, end - start);
        duk_replace(ctx, idx);
    }
}

/* headersRecord(init) -> [lowercased name, value, ...] from the own
 * enumerable string-keyed properties of init when it is a plain object
 * (its prototype is Object.prototype or null, not an array, no
 * Symbol.iterator), else undefined: the caller then takes the general path
 * for sequences and other iterables. Throws the TypeError of Headers for an
 * invalid name or value. */
static duk_ret_t native_headers_record(duk_context *ctx)
{
    if (!duk_is_object(ctx, 0) || duk_is_array(ctx, 0) || duk_is_function(ctx, 0) || duk_is_buffer_data(ctx, 0)) {
        return 0;
    }
    duk_get_prototype(ctx, 0);
    if (!duk_is_undefined(ctx, -1)) {
        duk_get_prototype(ctx, -1);
        int plain = duk_is_undefined(ctx, -1);
        duk_pop(ctx);
        if (!plain) {
            return 0;
        }
    }
    duk_pop(ctx);
    if (duk_has_prop_literal(ctx, 0, DUK_WELLKNOWN_SYMBOL("Symbol.iterator"))) {
        return 0;
    }
    /* an object of data properties: its keys and values at once, checked
     * and normalised in place */
    if (fcw_duk_plain_entries(ctx, 0, FCW_DUK_ENTRIES_FLAT)) {
        duk_idx_t flat = duk_get_top_index(ctx);
        duk_uarridx_t len = (duk_uarridx_t)duk_get_length(ctx, flat);
        for (duk_uarridx_t i = 0; i < len; i += 2) {
            duk_get_prop_index(ctx, flat, i);
            push_header_name(ctx, flat + 1);
            duk_put_prop_index(ctx, flat, i);
            duk_pop(ctx);
            duk_get_prop_index(ctx, flat, i + 1);
            normalize_header_value(ctx, flat + 1);
            duk_put_prop_index(ctx, flat, i + 1);
        }
        return 1;
    }
    duk_idx_t out = duk_push_array(ctx);
    duk_uarridx_t n = 0;
    duk_enum(ctx, 0, DUK_ENUM_OWN_PROPERTIES_ONLY);
    while (duk_next(ctx, -1, 1)) {
        duk_idx_t value = duk_get_top_index(ctx), key = value - 1;
        push_header_name(ctx, key);
        duk_put_prop_index(ctx, out, n++);
        normalize_header_value(ctx, value);
        duk_put_prop_index(ctx, out, n++);
        duk_pop(ctx);
    }
    duk_pop(ctx);
    return 1;
}

void fcw_api_respond_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry natives[] = {{"respond", native_respond, 4},
                                                      {"headersRecord", native_headers_record, 1},
                                                      {"respondHead", native_respond_head, 4},
                                                      {"respondChunk", native_respond_chunk, 1},
                                                      {"respondEnd", native_respond_end, 0},
                                                      {"respondError", native_respond_error, 1},
                                                      {"respondAbort", native_respond_abort, 0},
                                                      {"respondPassThrough", native_respond_pass_through, 1},
                                                      {"waitUntilCount", native_wait_until_count, 1},
                                                      {NULL, NULL, 0}};
    duk_put_function_list(ctx, native_idx, natives);
}

/* Pushes the request URL with bytes above 0x7F and controls percent-encoded,
 * as a browser would have sent them; the URL parser does the rest. */
static void push_url(duk_context *ctx, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t len = strlen(s), odd = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        odd += c >= 0x80 || c <= 0x20 || c == 0x7F;
    }
    if (odd == 0) {
        duk_push_lstring(ctx, s, len);
        return;
    }
    char *out = duk_push_fixed_buffer(ctx, len + 2 * odd);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c <= 0x20 || c == 0x7F) {
            out[n++] = '%';
            out[n++] = hex[c >> 4];
            out[n++] = hex[c & 15];
        } else {
            out[n++] = (char)c;
        }
    }
    duk_buffer_to_string(ctx, -1);
}

/* Whether the request says it has a body, even an empty one (a POST with
 * Content-Length: 0 has a body stream that ends at once, not none). */
static int has_body_header(const struct fcw_request *req)
{
    for (size_t i = 0; i < req->nheaders; i++) {
        const char *name = req->headers[2 * i];
        if (strcmp(name, "content-length") == 0 || strcmp(name, "transfer-encoding") == 0) {
            return 1;
        }
    }
    return 0;
}

static void push_request(duk_context *ctx, const struct fcw_request *req)
{
    fcw_engine_push_isomorphic(ctx, req->method);
    push_url(ctx, req->url);
    /* The header list as one string, "name\0value\0name\0value": one
     * string for the engine to make instead of an array of them, split in
     * JavaScript only if the script reads the headers. Parameters are C
     * strings, so none holds a NUL; bytes above 0x7F are Latin-1 (isomorphic
     * decoding), two bytes each in Duktape's UTF-8. */
    size_t total = 0;
    for (size_t i = 0; i < 2 * req->nheaders; i++) {
        total += fcw_isomorphic_encode(NULL, req->headers[i]) + 1;
    }
    char *joined = duk_push_fixed_buffer(ctx, total ? total - 1 : 0);
    size_t n = 0;
    for (size_t i = 0; i < 2 * req->nheaders; i++) {
        if (i > 0) {
            joined[n++] = '\0';
        }
        n += fcw_isomorphic_encode(joined + n, req->headers[i]);
    }
    duk_buffer_to_string(ctx, -1);
    if (req->body_len > 0 || has_body_header(req)) {
        void *p = duk_push_fixed_buffer(ctx, req->body_len);
        memcpy(p, req->body, req->body_len);
        duk_push_buffer_object(ctx, -1, 0, req->body_len, DUK_BUFOBJ_UINT8ARRAY);
        duk_remove(ctx, -2);
    } else {
        duk_push_null(ctx);
    }
    /* request.cf's facts, undefined where the front server gave none */
    const char *facts[] = {req->http_protocol, req->tls_version, req->tls_cipher};
    for (size_t i = 0; i < 3; i++) {
        if (facts[i] != NULL) {
            fcw_engine_push_isomorphic(ctx, facts[i]);
        } else {
            duk_push_undefined(ctx);
        }
    }
}

/* The last request's facts for fcw_engine_last_stats. */
static struct fcw_request_stats last_stats;

void fcw_engine_last_stats(struct fcw_request_stats *stats)
{
    *stats = last_stats;
}

static const char *limit_name(enum engine_interrupt why)
{
    switch (why) {
    case ENGINE_CPU_LIMIT: return "limits.cpu_ms";
    case ENGINE_WALL_LIMIT: return "limits.wall_ms";
    case ENGINE_MEMORY_LIMIT: return "limits.memory_mb";
    default: return "?";
    }
}

/* A response marked to be cut (its body did not end normally after its
 * head was sent: the stream errored, a limit stopped it, nothing was left
 * to finish it) is cut, so that the client does not take it for
 * complete. */
static void cut_response(struct fcw_engine *e, struct fcw_response *st)
{
    if (st->cut == 1 && !st->client_gone && st->out->abort != NULL) {
        fcw_engine_log(e, FCW_LOG_NOTICE, "the response body did not end normally after its head: transfer cut");
    }
    fcw_response_cut(st);
}

/* Runs the loop until the response is complete and waitUntil work is done,
 * or nothing is left that could complete it, or a limit stops it. */
static void run_request_loop(struct fcw_engine *e, struct fcw_response *st)
{
    struct fcw_loop *loop = fcw_engine_loop(e);
    while (!fcw_engine_past_deadline(e)) {
        /* at once, even if waitUntil work goes on */
        cut_response(e, st);
        if ((st->ended || st->client_gone) && st->wait_until == 0) {
            return;
        }
        /* the response is complete but waitUntil work goes on: send it */
        fcw_response_flush(st);
        double deadline = fcw_engine_wall_deadline(e);
        int wait = -1;
        if (deadline > 0) {
            double left = deadline - fcw_loop_now();
            wait = left <= 0 ? 0 : (int)left + 1;
        }
        if (fcw_loop_run_once(loop, wait) < 0) {
            if (st->ended && st->wait_until > 0) {
                fcw_engine_log(e, FCW_LOG_WARNING, "%d waitUntil promise(s) never settled", st->wait_until);
            }
            return;
        }
    }
}

enum fcw_outcome fcw_engine_handle(struct fcw_engine *e, const struct fcw_request *req, const struct fcw_output *out)
{
    struct fcw_response response, *st = &response;
    duk_context *ctx = fcw_engine_ctx(e);
    fcw_response_init(st, out, strcmp(req->method, "HEAD") == 0);
    fcw_engine_begin_request(e, req->id, req->log_context);
    fcw_engine_attach_response(e, st, abandon);

    if (req->scheduled_cron != NULL) {
        duk_push_string(ctx, req->scheduled_cron);
        duk_push_number(ctx, req->scheduled_time);
        fcw_engine_call_native(e, "dispatchScheduled", 2, "uncaught exception in scheduled dispatch");
    } else {
        push_request(ctx, req);
        fcw_engine_call_native(e, "dispatch", 7, "uncaught exception in fetch dispatch");
    }
    run_request_loop(e, st);

    enum fcw_outcome outcome = FCW_DONE;
    enum engine_interrupt why = fcw_engine_interrupted(e);
    if (why != ENGINE_RUNNING) {
        const struct fcw_limits *lim = fcw_engine_limits(e);
        unsigned value = why == ENGINE_CPU_LIMIT    ? lim->cpu_ms
                         : why == ENGINE_WALL_LIMIT ? lim->wall_ms
                                                    : (unsigned)(lim->memory_bytes >> 20);
        fcw_engine_log(e, FCW_LOG_WARNING, "request ended by %s (%u%s)%s", limit_name(why), value,
                       why == ENGINE_MEMORY_LIMIT ? " MB" : " ms", st->ended ? " while finishing waitUntil work" : "");
        outcome = FCW_LIMITED;
        if (!st->head_sent && !st->client_gone) {
            st->head_sent = 1;
            fcw_output_error(out, 503, NULL);
        } else if (!st->ended && st->cut == 0) {
            st->cut = 1;
        }
    } else if (!st->head_sent) {
        fcw_engine_log(e, FCW_LOG_ERROR, "the script did not respond: nothing left to wait for");
        outcome = FCW_FAILED;
        if (!st->client_gone) {
            fcw_output_error(out, 500, "Internal Server Error: the worker did not respond");
        }
    } else if (!st->ended && !st->client_gone) {
        fcw_engine_log(e, FCW_LOG_ERROR, "the response body stream never finished");
        outcome = FCW_FAILED;
        st->cut = 1;
    } else if (st->cut != 0) {
        outcome = FCW_CUT;
    }
    cut_response(e, st);
    if (st->client_gone) {
        fcw_engine_log(e, FCW_LOG_NOTICE, "the client went away before the response was complete");
        outcome = FCW_CLIENT_GONE;
    }
    last_stats.limit = why == ENGINE_CPU_LIMIT      ? FCW_LIMIT_CPU
                       : why == ENGINE_WALL_LIMIT   ? FCW_LIMIT_WALL
                       : why == ENGINE_MEMORY_LIMIT ? FCW_LIMIT_MEMORY
                                                    : FCW_LIMIT_NONE;
    last_stats.subrequests = fcw_fetch_subrequests(e);
    fcw_engine_attach_response(e, NULL, NULL);
    fcw_engine_end_request(e);
    return outcome;
}
