/* SPDX-License-Identifier: MIT */
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

#endif
