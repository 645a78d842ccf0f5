/*
 * A child of a pool: loads the worker, then accepts FastCGI requests one at
 * a time on the pool's socket until it is asked to stop, reaches
 * pm.max_requests, or its engine runs out of memory.
 */
#ifndef FCW_CHILD_H
#define FCW_CHILD_H

#include "conf.h"
#include "scoreboard.h"

/* Exit status of a child whose worker script failed to load. */
#define CHILD_EXIT_LOAD_FAILED 78

void child_main(struct conf *conf, struct conf_pool *pool, int listen_fd, struct scoreboard *sb,
                struct scoreboard_slot *slot) __attribute__((noreturn));

/* Engine settings for a pool (shared with CGI mode and -t). */
void child_engine_config(const struct conf_pool *pool, struct fcw_engine_config *cfg);

/* Serves one parsed request with the pool's worker: ping and status paths,
 * body limits, the engine. Used by FastCGI children and CGI mode. */
struct request;
struct request_stream;
struct worker;
/* abandon: see fcw_engine_config.abandon (NULL in a throw-away check). */
struct worker *worker_new(const struct conf_pool *pool, void (*abandon)(void *data), void *data, char *err,
                          size_t errlen);
void worker_free(struct worker *w);
/* Loads the runtime once, before the pool's processes are forked. */
int worker_preload(char *err, size_t errlen);
int worker_exhausted(const struct worker *w);
/* Returns -1 when the request body was abandoned (too large, unreadable):
 * the caller must not read the rest of it, and drops the connection. */
int worker_serve(struct worker *w, struct request *r, char **params, const struct request_stream *in,
                 const struct request_stream *out, struct scoreboard *sb, struct scoreboard_slot *slot);

#endif
