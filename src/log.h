/*
 * The error log: one line per event, "[time] LEVEL: [pool NAME] [pid N]
 * message", to stderr or a file (reopened on SIGUSR1). fcw_log checks the
 * level before formatting; FCW_LOG_ERRNO appends ": strerror (errno)".
 */
#ifndef FCW_LOG_H
#define FCW_LOG_H

#include "fcw.h"

#define FCW_LOG_ERRNO 0x100

int fcw_log_open(const char *path, int level);
int fcw_log_reopen(void);
void fcw_log_set_pool(const char *pool);
int fcw_log_level_parse(const char *name);
int fcw_log_enabled(int level);
void fcw_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The fcw_log_cb handed to the engine. */
void fcw_log_engine(void *data, int level, const char *msg);

#endif
