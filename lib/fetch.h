/* SPDX-License-Identifier: MIT */
/*
 * Outgoing fetch() over libcurl (lib/fetch.c, with js/60-fetch.js): what
 * the response side and service bindings need of it. The engine-facing declarations
 * (fcw_api_fetch_init, fcw_fetch_free) are in engine.h.
 */
#ifndef FCW_FETCH_H
#define FCW_FETCH_H

#include <stddef.h>

struct fcw_engine;

/* Where a body passed through goes (the response being sent, for
 * lib/respond.c): write returns 0, or -1 once the receiver is gone; end
 * ends the body (failed: it was cut short). */
struct fcw_body_sink {
    int (*write)(void *data, const void *buf, size_t len);
    void (*end)(void *data, int failed);
    void *data;
};

/* Hands the body of a fetch() response whose stream JavaScript never read
 * (native.fetchTransferOf(stream) gave transfer_id) straight to sink: each
 * chunk goes to sink->write, the end of the body to sink->end (the sink is
 * copied). Returns 0, or -1 when the transfer is gone or part of its body
 * already went to JavaScript. */
int fcw_fetch_pass_through(struct fcw_engine *engine, double transfer_id, const struct fcw_body_sink *sink);

/* Counts one subrequest that is not a libcurl transfer (a service
 * binding's FastCGI request) against limits.subrequests, shared with
 * fetch(): 0, or -1 when the limit was reached (nothing counted). */
int fcw_fetch_count_subrequest(struct fcw_engine *engine);

/* The subrequests the request in flight has made so far. */
unsigned fcw_fetch_subrequests(struct fcw_engine *engine);

#endif
