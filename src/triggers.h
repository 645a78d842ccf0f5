/* SPDX-License-Identifier: MIT */
/*
 * Cron triggers (see triggers.c; the triggers.crons key is read by
 * cron.c): the master's check for due events, the child's recognition of the master's
 * scheduled requests, and fcworker --scheduled.
 */
#ifndef FCW_TRIGGERS_H
#define FCW_TRIGGERS_H

#include "conf.h"

struct master;
struct request;

/* Draws the token that marks the master's scheduled requests; before any
 * fork. 0 or -1 (logged). */
int triggers_init_main(void);
/* Starts a trigger process for every expression that came due. */
void triggers_tick(struct master *m);
/* In a child: makes r a scheduled event when its parameters carry one with
 * the master's token. */
void triggers_mark_request(struct request *r, char **params);

/* fcworker --scheduled POOL -c FILE [--cron EXPR]: the exit code. */
int triggers_run_by_hand(const char *conf_path, const char *pool_name, const char *cron, int allow_root);

#endif
