/*
 * Outgoing fetch() over libcurl (lib/fetch.c, with js/60-fetch.js): what
 * the response writer needs of it. The engine-facing declarations
 * (fcw_api_fetch_init, fcw_fetch_free) are in engine.h.
 */
#ifndef FCW_FETCH_H
#define FCW_FETCH_H

struct fcw_engine;

/* Hands the body of a fetch() response whose stream JavaScript never read
 * (native.fetchTransferOf(stream) gave transfer_id) straight to the
 * response being sent: each chunk goes to fcw_http_write(), the end of the
 * body to fcw_http_end(failed). Returns 0, or -1 when the transfer is gone
 * or part of its body already went to JavaScript. */
int fcw_fetch_pass_through(struct fcw_engine *engine, double transfer_id);

/* Counts one subrequest that is not a libcurl transfer (a service
 * binding's FastCGI request) against limits.subrequests, shared with
 * fetch(): 0, or -1 when the limit was reached (nothing counted). */
int fcw_fetch_count_subrequest(struct fcw_engine *engine);

#endif
