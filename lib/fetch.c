/* SPDX-License-Identifier: MIT */
/*
 * Outgoing fetch() over libcurl, driven by the engine's event loop: one
 * CURLM multi handle per engine, fed with curl_multi_socket_action from the
 * loop's fd and timer callbacks (CURLMOPT_SOCKETFUNCTION and
 * CURLMOPT_TIMERFUNCTION register curl's wishes with the loop). One transfer
 * is one HTTP exchange, its easy handle and response head in
 * lib/transfer.c; redirects, Request/Response objects and the promise
 * live in js/60-fetch.js, which knows a transfer by its numeric id.
 *
 * Into JavaScript (each through fcw_engine_call_native):
 *   native.fetchHead(id, {status, statusText, headers: flat lowercase list})
 *   native.fetchChunk(id, Uint8Array)
 *   native.fetchDone(id, null | "fetch failed: ...")
 * From JavaScript: fetchStart, fetchDemand, fetchAbort, fetchClear,
 * fetchCounters (see the natives at the end of this file).
 *
 * Backpressure: JavaScript grants credit (limits.response_queue minus the
 * chunks its stream queue holds) each time the body stream is pulled; every
 * chunk delivered uses one, and with none left the write callback answers
 * CURL_WRITEFUNC_PAUSE. New credit unpauses the transfer from a zero-delay
 * loop timer, never from inside JavaScript or inside libcurl. A body nobody
 * reads stays paused before its first chunk, which is what lets
 * fcw_fetch_pass_through() hand it to the client untouched.
 *
 * libcurl forbids multi calls from its own callbacks, and those callbacks
 * run JavaScript: while a socket action runs (in_curl), starting and
 * aborting transfers is deferred to right after it.
 */
#include "config.h"

#include "engine.h"
#include "fetch.h"
#include "transfer.h"

#include <curl/curl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FETCH_DEFAULT_QUEUE 16

struct fetch_stats {
    double pauses;
    double resumes;
    double chunks;
};

struct fetch_state {
    struct fcw_engine *engine;
    CURLM *multi;
    struct transfer *transfers;
    uint64_t curl_timer;
    uint64_t kick_timer;
    int in_curl;
    unsigned subrequests;
    struct fetch_stats stats;
};

/* ---- state ---- */

static struct fetch_state *state_of(duk_context *ctx)
{
    return fcw_engine_slot(fcw_engine_of(ctx), FCW_ENGINE_SLOT_FETCH);
}

static unsigned queue_limit(const struct fetch_state *f)
{
    unsigned n = fcw_engine_limits(f->engine)->response_queue;
    return n ? n : FETCH_DEFAULT_QUEUE;
}

static struct transfer *find_transfer(struct fetch_state *f, double id)
{
    for (struct transfer *t = f->transfers; t != NULL; t = t->next) {
        if (t->id == id) {
            return t;
        }
    }
    return NULL;
}

static void free_transfer(struct transfer *t)
{
    struct fetch_state *f = t->f;
    if (t->added) {
        curl_multi_remove_handle(f->multi, t->easy);
    }
    fcw_transfer_release(t);
    if (t->prev != NULL) {
        t->prev->next = t->next;
    } else {
        f->transfers = t->next;
    }
    if (t->next != NULL) {
        t->next->prev = t->prev;
    }
    free(t);
}

/* ---- calls into JavaScript ---- */

struct chunk_args {
    const char *data;
    size_t len;
};

static duk_ret_t push_chunk_safe(duk_context *ctx, void *udata)
{
    struct chunk_args *c = udata;
    void *p = duk_push_buffer_raw(ctx, c->len, DUK_BUF_FLAG_NOZERO); /* filled at once */
    memcpy(p, c->data, c->len);
    duk_push_buffer_object(ctx, -1, 0, c->len, DUK_BUFOBJ_UINT8ARRAY);
    duk_remove(ctx, -2);
    return 1;
}

static duk_ret_t push_head_safe(duk_context *ctx, void *udata)
{
    struct transfer *t = udata;
    int drop_encoding = fcw_transfer_decoded(t);
    duk_push_object(ctx);
    duk_push_int(ctx, t->status);
    duk_put_prop_literal(ctx, -2, "status");
    fcw_engine_push_isomorphic(ctx, t->reason ? t->reason : "");
    duk_put_prop_literal(ctx, -2, "statusText");
    duk_push_array(ctx);
    duk_uarridx_t n = 0;
    for (size_t off = 0; off < t->head.len;) {
        const char *name = t->head.buf + off;
        const char *value = name + strlen(name) + 1;
        off = (size_t)(value - t->head.buf) + strlen(value) + 1;
        if (drop_encoding && (strcmp(name, "content-encoding") == 0 || strcmp(name, "content-length") == 0)) {
            continue;
        }
        duk_push_string(ctx, name);
        duk_put_prop_index(ctx, -2, n++);
        fcw_engine_push_isomorphic(ctx, value);
        duk_put_prop_index(ctx, -2, n++);
    }
    duk_put_prop_literal(ctx, -2, "headers");
    return 1;
}

static duk_ret_t push_message_safe(duk_context *ctx, void *udata)
{
    const char *message = udata;
    if (message == NULL) {
        duk_push_null(ctx);
    } else {
        duk_push_string(ctx, message);
    }
    return 1;
}

/* native[name](id, value built by push); -1 when that failed or threw. */
static int call_js(struct fetch_state *f, const char *name, double id, duk_safe_call_function push, void *data)
{
    duk_context *ctx = fcw_engine_ctx(f->engine);
    duk_push_number(ctx, id);
    if (duk_safe_call(ctx, push, data, 0, 1) != DUK_EXEC_SUCCESS) {
        fcw_engine_log(f->engine, FCW_LOG_ERROR, "fetch: %s: %s", name, duk_safe_to_string(ctx, -1));
        duk_pop_2(ctx);
        return -1;
    }
    return fcw_engine_call_native(f->engine, name, 2, "uncaught exception in a fetch() callback");
}

/* ---- the transfer's hooks ---- */

static void deliver_head(struct transfer *t)
{
    t->head_sent = 1;
    if (call_js(t->f, "fetchHead", t->id, push_head_safe, t) < 0) {
        t->aborted = 1;
    }
}

/* Body bytes: to the sink when passed through, else to JavaScript while
 * it has credit; without credit the transfer pauses. */
static size_t deliver_body(struct transfer *t, char *ptr, size_t n)
{
    struct fetch_state *f = t->f;
    if (t->pass_through) {
        if (t->sink.write(t->sink.data, ptr, n) < 0) {
            t->client_gone = 1;
            return 0;
        }
        return n;
    }
    if (t->credit == 0) {
        t->paused = 1;
        f->stats.pauses++;
        return CURL_WRITEFUNC_PAUSE;
    }
    t->credit--;
    t->delivered++;
    f->stats.chunks++;
    struct chunk_args c = {ptr, n};
    if (call_js(f, "fetchChunk", t->id, push_chunk_safe, &c) < 0) {
        t->aborted = 1;
    }
    return t->aborted ? 0 : n;
}

static const struct transfer_hooks hooks = {deliver_head, deliver_body};

/* ---- driving the multi handle from the loop ---- */

static void settle(struct fetch_state *f);

static void on_socket_event(struct fcw_loop *loop, int fd, int events, void *data)
{
    struct fetch_state *f = data;
    int running = 0, mask = 0;
    (void)loop;
    mask |= events & FCW_LOOP_READ ? CURL_CSELECT_IN : 0;
    mask |= events & FCW_LOOP_WRITE ? CURL_CSELECT_OUT : 0;
    mask |= events & FCW_LOOP_ERROR ? CURL_CSELECT_ERR : 0;
    f->in_curl++;
    curl_multi_socket_action(f->multi, fd, mask, &running);
    f->in_curl--;
    settle(f);
}

static int on_curl_socket(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp)
{
    struct fetch_state *f = userp;
    struct fcw_loop *loop = fcw_engine_loop(f->engine);
    (void)easy;
    (void)socketp;
    if (what == CURL_POLL_REMOVE) {
        fcw_loop_del_fd(loop, s);
        return 0;
    }
    int mask = (what & CURL_POLL_IN ? FCW_LOOP_READ : 0) | (what & CURL_POLL_OUT ? FCW_LOOP_WRITE : 0);
    return fcw_loop_set_fd(loop, s, mask, on_socket_event, f) < 0 ? -1 : 0;
}

static void on_curl_timeout(struct fcw_loop *loop, uint64_t id, void *data)
{
    struct fetch_state *f = data;
    int running = 0;
    (void)loop;
    (void)id;
    f->curl_timer = 0;
    f->in_curl++;
    curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT, 0, &running);
    f->in_curl--;
    settle(f);
}

static int on_curl_timer(CURLM *multi, long timeout_ms, void *userp)
{
    struct fetch_state *f = userp;
    struct fcw_loop *loop = fcw_engine_loop(f->engine);
    (void)multi;
    if (f->curl_timer != 0) {
        fcw_loop_del_timer(loop, f->curl_timer);
        f->curl_timer = 0;
    }
    if (timeout_ms >= 0) {
        f->curl_timer = fcw_loop_add_timer(loop, (double)timeout_ms, on_curl_timeout, f);
        if (f->curl_timer == 0) {
            return -1;
        }
    }
    return 0;
}

static void on_kick(struct fcw_loop *loop, uint64_t id, void *data);

static void schedule_kick(struct fetch_state *f)
{
    if (f->kick_timer == 0) {
        f->kick_timer = fcw_loop_add_timer(fcw_engine_loop(f->engine), 0, on_kick, f);
    }
}

/* Unpauses transfers that got credit (curl_easy_pause may deliver the data
 * it held before it returns, into JavaScript). */
static void on_kick(struct fcw_loop *loop, uint64_t id, void *data)
{
    struct fetch_state *f = data;
    (void)loop;
    (void)id;
    f->kick_timer = 0;
    for (int again = 1; again;) {
        again = 0;
        for (struct transfer *t = f->transfers; t != NULL; t = t->next) {
            if (t->resume_wanted && !t->aborted && t->added) {
                t->resume_wanted = 0;
                t->paused = 0;
                f->stats.resumes++;
                f->in_curl++;
                curl_easy_pause(t->easy, CURLPAUSE_CONT);
                f->in_curl--;
                again = 1;
                break;
            }
        }
    }
    settle(f);
}

static void transfer_done(struct fetch_state *f, struct transfer *t, CURLcode rc)
{
    char message[CURL_ERROR_SIZE + 128];
    double id = t->id;
    int aborted = t->aborted, failed = rc != CURLE_OK || !t->head_sent;
    if (t->pass_through) {
        t->sink.end(t->sink.data, failed || t->client_gone);
    }
    if (failed) {
        if (rc == CURLE_OK) {
            snprintf(message, sizeof(message), "fetch failed: the server sent no response");
        } else {
            fcw_transfer_fail_message(t, rc, message, sizeof(message));
        }
    }
    free_transfer(t);
    if (!aborted) {
        call_js(f, "fetchDone", id, push_message_safe, failed ? message : NULL);
    }
}

/* After curl ran: add and remove what JavaScript asked for meanwhile, and
 * finish completed transfers. */
static void settle(struct fetch_state *f)
{
    if (f->in_curl > 0) {
        return;
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (struct transfer *t = f->transfers, *next; t != NULL; t = next) {
            next = t->next;
            if (t->aborted) {
                free_transfer(t);
            } else if (t->add_wanted) {
                t->add_wanted = 0;
                t->added = curl_multi_add_handle(f->multi, t->easy) == CURLM_OK;
            }
        }
        CURLMsg *msg;
        int left = 0;
        while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
            if (msg->msg == CURLMSG_DONE) {
                char *t = NULL;
                curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
                transfer_done(f, (struct transfer *)t, msg->data.result);
                changed = 1;
                break;
            }
        }
    }
}

static int ensure_multi(struct fetch_state *f)
{
    static int global_ready;
    if (f->multi != NULL) {
        return 0;
    }
    if (!global_ready) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            return -1;
        }
        global_ready = 1;
    }
    f->multi = curl_multi_init();
    if (f->multi == NULL) {
        return -1;
    }
    curl_multi_setopt(f->multi, CURLMOPT_SOCKETFUNCTION, on_curl_socket);
    curl_multi_setopt(f->multi, CURLMOPT_SOCKETDATA, f);
    curl_multi_setopt(f->multi, CURLMOPT_TIMERFUNCTION, on_curl_timer);
    curl_multi_setopt(f->multi, CURLMOPT_TIMERDATA, f);
    return 0;
}

static struct transfer *new_transfer(struct fetch_state *f, double id)
{
    struct transfer *t = calloc(1, sizeof(*t));
    if (t == NULL) {
        return NULL;
    }
    t->f = f;
    t->hooks = &hooks;
    t->id = id;
    t->next = f->transfers;
    if (f->transfers != NULL) {
        f->transfers->prev = t;
    }
    f->transfers = t;
    return t;
}

/* ---- natives ---- */

int fcw_fetch_count_subrequest(struct fcw_engine *engine)
{
    duk_context *ctx = fcw_engine_ctx(engine);
    struct fetch_state *f = state_of(ctx);
    unsigned limit = fcw_engine_limits(engine)->subrequests;
    if (f == NULL || (limit && f->subrequests >= limit)) {
        return -1;
    }
    f->subrequests++;
    return 0;
}

/* fetchStart(id, method, url, flatHeaders, bodyU8OrNull) */
static duk_ret_t native_fetch_start(duk_context *ctx)
{
    struct fetch_state *f = state_of(ctx);
    double id = duk_require_number(ctx, 0);
    const char *method = duk_require_string(ctx, 1);
    const char *url = duk_require_string(ctx, 2);
    unsigned limit = fcw_engine_limits(f->engine)->subrequests;
    fcw_engine_mark_dirty(f->engine);
    if (!duk_is_array(ctx, 3) || !(duk_is_null_or_undefined(ctx, 4) || duk_is_buffer_data(ctx, 4))) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fetchStart: headers must be an array, the body bytes or null");
    }
    if (limit && f->subrequests >= limit) {
        return duk_error(ctx, DUK_ERR_ERROR,
                         "fetch(): too many subrequests: this request already made %u "
                         "(limits.subrequests = %u)",
                         f->subrequests, limit);
    }
    if (ensure_multi(f) < 0) {
        /* libcurl could not be loaded (lib/lazylink.c said why on stderr)
         * or set up */
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fetch failed: libcurl could not be loaded or set up");
    }
    struct transfer *t = new_transfer(f, id);
    if (t == NULL || fcw_transfer_setup(t, ctx, 3, 4, method, url, fcw_engine_limits(f->engine)) < 0) {
        if (t != NULL) {
            free_transfer(t);
        }
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fetch failed: cannot set up the transfer (out of memory)");
    }
    f->subrequests++;
    if (f->in_curl > 0) {
        t->add_wanted = 1;
        schedule_kick(f);
    } else if (curl_multi_add_handle(f->multi, t->easy) == CURLM_OK) {
        t->added = 1;
    } else {
        free_transfer(t);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fetch failed: cannot start the transfer");
    }
    return 0;
}

/* fetchDemand(id, chunksQueued): the body stream was pulled. */
static duk_ret_t native_fetch_demand(duk_context *ctx)
{
    struct fetch_state *f = state_of(ctx);
    struct transfer *t = find_transfer(f, duk_require_number(ctx, 0));
    double queued = duk_require_number(ctx, 1);
    unsigned limit = queue_limit(f);
    if (t == NULL || t->aborted) {
        return 0;
    }
    t->credit = queued >= limit ? 0 : limit - (unsigned)queued;
    if (t->paused && t->credit > 0 && !t->resume_wanted) {
        t->resume_wanted = 1;
        schedule_kick(f);
    }
    return 0;
}

static void abort_transfer(struct fetch_state *f, struct transfer *t)
{
    t->aborted = 1;
    if (f->in_curl == 0) {
        free_transfer(t);
    }
}

/* fetchAbort(id) */
static duk_ret_t native_fetch_abort(duk_context *ctx)
{
    struct fetch_state *f = state_of(ctx);
    struct transfer *t = find_transfer(f, duk_require_number(ctx, 0));
    if (t != NULL && !t->pass_through) {
        abort_transfer(f, t);
    }
    return 0;
}

unsigned fcw_fetch_subrequests(struct fcw_engine *engine)
{
    struct fetch_state *f = state_of(fcw_engine_ctx(engine));
    return f ? f->subrequests : 0;
}

/* fetchClear(): the request ended; abort everything, reset the count. */
static duk_ret_t native_fetch_clear(duk_context *ctx)
{
    struct fetch_state *f = state_of(ctx);
    for (struct transfer *t = f->transfers, *next; t != NULL; t = next) {
        next = t->next;
        abort_transfer(f, t);
    }
    f->subrequests = 0;
    /* The request's end may have cleared the loop's timers already: a
     * stale id is ignored. */
    fcw_loop_del_timer(fcw_engine_loop(f->engine), f->kick_timer);
    f->kick_timer = 0;
    return 0;
}

/* fetchCounters() -> {transfers, subrequests, queueLimit, chunks, pauses, resumes} */
static duk_ret_t native_fetch_counters(duk_context *ctx)
{
    struct fetch_state *f = state_of(ctx);
    double live = 0;
    for (struct transfer *t = f->transfers; t != NULL; t = t->next) {
        live += !t->aborted;
    }
    duk_push_object(ctx);
    duk_push_number(ctx, live);
    duk_put_prop_literal(ctx, -2, "transfers");
    duk_push_number(ctx, f->subrequests);
    duk_put_prop_literal(ctx, -2, "subrequests");
    duk_push_number(ctx, queue_limit(f));
    duk_put_prop_literal(ctx, -2, "queueLimit");
    duk_push_number(ctx, f->stats.chunks);
    duk_put_prop_literal(ctx, -2, "chunks");
    duk_push_number(ctx, f->stats.pauses);
    duk_put_prop_literal(ctx, -2, "pauses");
    duk_push_number(ctx, f->stats.resumes);
    duk_put_prop_literal(ctx, -2, "resumes");
    return 1;
}

int fcw_fetch_pass_through(struct fcw_engine *engine, double transfer_id, const struct fcw_body_sink *sink)
{
    struct fetch_state *f = state_of(fcw_engine_ctx(engine));
    struct transfer *t = f ? find_transfer(f, transfer_id) : NULL;
    if (t == NULL || t->aborted || t->delivered > 0 || !t->head_sent) {
        return -1;
    }
    t->pass_through = 1;
    t->sink = *sink;
    if (t->paused) {
        t->resume_wanted = 1;
        schedule_kick(f);
    }
    return 0;
}

void fcw_api_fetch_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry natives[] = {
        {"fetchStart", native_fetch_start, 5},       {"fetchDemand", native_fetch_demand, 2},
        {"fetchAbort", native_fetch_abort, 1},       {"fetchClear", native_fetch_clear, 0},
        {"fetchCounters", native_fetch_counters, 0}, {NULL, NULL, 0}};
    struct fetch_state *f = calloc(1, sizeof(*f));
    if (f == NULL) {
        return;
    }
    f->engine = fcw_engine_of(ctx);
    fcw_engine_set_slot(f->engine, FCW_ENGINE_SLOT_FETCH, f);
    duk_put_function_list(ctx, native_idx, natives);
}

void fcw_fetch_free(struct fcw_engine *engine)
{
    struct fetch_state *f = fcw_engine_slot(engine, FCW_ENGINE_SLOT_FETCH);
    if (f == NULL) {
        return;
    }
    while (f->transfers != NULL) {
        free_transfer(f->transfers);
    }
    if (f->multi != NULL) {
        curl_multi_cleanup(f->multi);
    }
    if (f->curl_timer != 0) {
        fcw_loop_del_timer(fcw_engine_loop(engine), f->curl_timer);
    }
    if (f->kick_timer != 0) {
        fcw_loop_del_timer(fcw_engine_loop(engine), f->kick_timer);
    }
    fcw_engine_set_slot(engine, FCW_ENGINE_SLOT_FETCH, NULL);
    free(f);
}
