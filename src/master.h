/* SPDX-License-Identifier: MIT */
/*
 * The master: opens the pools' sockets, forks and supervises their children
 * (pm = static, dynamic or ondemand), respawns the dead, enforces
 * request_terminate_timeout from outside, and turns signals into state
 * changes: SIGTERM/SIGQUIT/SIGINT graceful stop, SIGHUP/SIGUSR2 graceful
 * reload, SIGUSR1 reopen logs.
 */
#ifndef FCW_MASTER_H
#define FCW_MASTER_H

#include "conf.h"

/* Loads every pool's worker in a throw-away child (as the pool's user) and
 * reports the first failure as "file:line: message". Returns 0 or -1. */
int master_check(const struct conf *conf, char *err, size_t errlen);

int master_run(const char *conf_path, int daemonize, int allow_root);

#endif
