/*
 * The error log. A line is written with one write() so that lines from the
 * master and its children, all appending to the same file, never mix.
 */
#include "config.h"

#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int log_fd = 2;
static int log_level = FCW_LOG_NOTICE;
static char log_path[4096];
static char log_pool[128];

static const char *const level_names[] = { "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG" };
static const char *const level_keys[] = { "error", "warning", "notice", "info", "debug" };

int fcw_log_level_parse(const char *name)
{
    for (int i = 0; i < 5; i++) {
        if (strcmp(name, level_keys[i]) == 0) {
            return i;
        }
    }
    return -1;
}

int fcw_log_enabled(int level)
{
    return (level & 0xff) <= log_level;
}

static int open_path(void)
{
    if (log_path[0] == '\0' || strcmp(log_path, "stderr") == 0) {
        return 2;
    }
    return open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
}

int fcw_log_open(const char *path, int level)
{
    snprintf(log_path, sizeof(log_path), "%s", path ? path : "stderr");
    log_level = level;
    int fd = open_path();
    if (fd < 0) {
        return -1;
    }
    if (log_fd > 2) {
        close(log_fd);
    }
    log_fd = fd;
    return 0;
}

int fcw_log_reopen(void)
{
    int fd = open_path();
    if (fd < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to reopen the error log %s: open()", log_path);
        return -1;
    }
    if (fd != log_fd) {
        if (log_fd > 2) {
            close(log_fd);
        }
        log_fd = fd;
    }
    return 0;
}

void fcw_log_set_pool(const char *pool)
{
    snprintf(log_pool, sizeof(log_pool), "%s", pool ? pool : "");
}

static void log_write(int level, int err, const char *msg)
{
    char line[4096];
    struct timeval tv;
    struct tm tm;
    gettimeofday(&tv, NULL);
    localtime_r(&tv.tv_sec, &tm);
    int n = snprintf(line, sizeof(line), "[%04d-%02d-%02d %02d:%02d:%02d.%03ld] %s: ", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (long) tv.tv_usec / 1000,
                     level_names[level]);
    if (log_pool[0] != '\0') {
        n += snprintf(line + n, sizeof(line) - (size_t) n, "[pool %s] pid %ld: ", log_pool, (long) getpid());
    }
    if ((size_t) n < sizeof(line)) {
        n += snprintf(line + n, sizeof(line) - (size_t) n, "%s", msg);
    }
    if (err && (size_t) n < sizeof(line)) {
        n += snprintf(line + n, sizeof(line) - (size_t) n, ": %s (%d)", strerror(err), err);
    }
    if ((size_t) n >= sizeof(line) - 1) {
        n = (int) sizeof(line) - 2;
    }
    /* one line per event: newlines inside the message become "\n" marks */
    for (int i = 0; i < n; i++) {
        if (line[i] == '\n' || line[i] == '\r') {
            line[i] = ' ';
        }
    }
    line[n++] = '\n';
    ssize_t w = write(log_fd, line, (size_t) n);
    (void) w;
}

void fcw_log(int level, const char *fmt, ...)
{
    int err = (level & FCW_LOG_ERRNO) ? errno : 0;
    level &= 0xff;
    if (level > log_level) {
        return;
    }
    char msg[3072];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    log_write(level, err, msg);
}

void fcw_log_engine(void *data, int level, const char *msg)
{
    (void) data;
    if (level <= log_level) {
        log_write(level, 0, msg);
    }
}
