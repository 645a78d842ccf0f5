/* SPDX-License-Identifier: MIT */
/*
 * The worker of a pool: its engine with the script loaded, and serving one
 * parsed request with it (ping and status paths, body limits, the access
 * log). Used by FastCGI children, CGI mode and the master's checks.
 */
#ifndef FCW_WORKER_H
#define FCW_WORKER_H

#include <stddef.h>

#include "conf.h"
#include "scoreboard.h"

struct request;
struct request_stream;
struct worker;

/* abandon: see fcw_engine_config.abandon (NULL in a throw-away check). */
struct worker *worker_new(const struct conf_pool *pool, void (*abandon)(void *data), void *data, char *err,
                          size_t errlen);
/* The bytecode image of a script pool's script (see conf_pool.script_image):
 * its kept text, or the build's output, compiled without running it, in an
 * engine of its own. */
int worker_compile_image(const struct conf_pool *pool, unsigned char **image, size_t *image_len, char *err,
                         size_t errlen);
/* Writes the JavaScript profile now (FCW_PROFILE; CGI mode, which does not
 * free its worker), mapped through the worker's engine. */
void worker_profile_flush(struct worker *w);
void worker_free(struct worker *w);
/* Loads the runtime once, before the pool's processes are forked. */
int worker_preload(char *err, size_t errlen);
int worker_exhausted(const struct worker *w);
/* The status of the last response worker_serve sent. */
int worker_last_status(const struct worker *w);
/* For a child idle for pm.idle_release after requests: collects the heaps
 * that grew by 256 KB or more (fcw_engine_collect_idle; *collected), and
 * gives free memory back to the system (fcw_alloc_release: *given bytes of
 * pages) when they were collected or the allocator took 1 MB of pages since
 * it last did; the slot's heap figure follows. 0 when there was nothing to
 * do, 1 when it was done, -1 when waiting(data) said after the collection
 * that a request is there: the release is then owed to the next call. */
int worker_idle(struct worker *w, struct scoreboard_slot *slot, int (*waiting)(void *data), void *data, int *collected,
                size_t *given);
/* Returns -1 when the request body was abandoned (too large, unreadable):
 * the caller must not read the rest of it, and drops the connection. */
int worker_serve(struct worker *w, struct request *r, char **params, const struct request_stream *in,
                 const struct request_stream *out, struct scoreboard *sb, struct scoreboard_slot *slot);

#endif
