/* SPDX-License-Identifier: MIT */
/*
 * The error log: one line per event, "[time] LEVEL: [pool NAME] pid N:
 * request ID "METHOD URI": message" (or a JSON object), to stderr or a file (reopened on SIGUSR1). fcw_log checks the
 * level before formatting; FCW_LOG_ERRNO appends ": strerror (errno)".
 */
#ifndef FCW_LOG_H
#define FCW_LOG_H

#include "fcw.h"

#define FCW_LOG_ERRNO 0x100

int fcw_log_open(const char *path, int level);
int fcw_log_reopen(void);
void fcw_log_set_pool(const char *pool);
/* The level up to which the script's console lines are written (the
 * pool's console key; debug by default), apart from log_level. */
void fcw_log_set_console(int level);
/* log_format = json: each line one JSON object (time, level, pool, pid,
 * request_id, method, uri, message). */
void fcw_log_set_json(int json);
int fcw_log_json(void);
/* The request in flight, named by every line until it is cleared with
 * (0, NULL): its number and "METHOD URI". */
void fcw_log_set_request(unsigned long id, const char *context);
int fcw_log_level_parse(const char *name);
int fcw_log_enabled(int level);
void fcw_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The fcw_log_cb handed to the engine. */
void fcw_log_engine(void *data, int level, const char *msg);

#endif
