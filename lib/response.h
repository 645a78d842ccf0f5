/* SPDX-License-Identifier: MIT */
/*
 * The response writer (lib/response.c): one response in flight, written to
 * the caller's fcw_output, with what has happened to it so far (head sent,
 * ended, cut, client gone). It knows nothing of the engine or of
 * JavaScript: lib/respond.c drives it from the respond natives, and a
 * fetch() body passed through writes to it. Internal to lib/ (and its
 * unit test).
 */
#ifndef FCW_RESPONSE_H
#define FCW_RESPONSE_H

#include "fcw.h"

#include <stddef.h>

struct fcw_response {
    const struct fcw_output *out;
    int head_only; /* a HEAD request: the body is never written */
    int head_sent;
    int streaming; /* the head said the body streams: flush each write */
    int ended;
    int flushed;
    int cut; /* 1: to be cut (fcw_response_cut), 2: done */
    int client_gone;
    int wait_until; /* waitUntil promises still pending */
};

/* A response about to be written to out (NULL fields: nothing sent yet). */
void fcw_response_init(struct fcw_response *r, const struct fcw_output *out, int head_only);

/* The reason phrase of a status ("" for one without). */
const char *fcw_status_reason(int status);

/* Sends the head (reason NULL or "": the status's own); the head counts as
 * sent even when the client is gone. Returns 0, or -1 when the client is
 * gone (now or before). */
int fcw_response_head(struct fcw_response *r, int status, const char *reason, const char *const *headers,
                      size_t nheaders, int streaming);

/* Writes body bytes (nothing for a HEAD request), flushed at once when
 * streaming. Returns 0, or -1 when the response is not open for its body
 * (no head yet, ended) or the client is gone. */
int fcw_response_write(struct fcw_response *r, const void *buf, size_t len);

/* Ends the body; failed: it was cut short, and will be cut (cut = 1). No
 * flush: the caller of fcw_engine_handle flushes. */
void fcw_response_end(struct fcw_response *r, int failed);

/* A plain error page with status if no head was sent yet; the response is
 * ended either way. */
void fcw_response_error(struct fcw_response *r, int status, const char *text);

/* Sends what was written so far (once, for a response that is complete
 * while waitUntil work goes on). */
void fcw_response_flush(struct fcw_response *r);

/* Cuts a response marked to be cut (cut == 1) through the output's abort,
 * so that the client does not take it for complete; returns 1 when it did
 * (or tried to), 0 when there was nothing to cut or no way to. */
int fcw_response_cut(struct fcw_response *r);

#endif
