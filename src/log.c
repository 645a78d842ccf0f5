/* SPDX-License-Identifier: MIT */
/*
 * The error log. A line is written with one write() so that lines from the
 * master and its children, all appending to the same file, never mix. Every
 * line names its context as nginx's log->handler does, without the caller
 * typing it: the pool and pid in a child, and the request in flight
 * (fcw_log_set_request). A message is logged whole, up to LOG_LINE_MAX:
 * newlines and control characters are escaped (\n, \xNN), so that one
 * event stays one line. log_format = json writes each line as one JSON
 * object instead.
 */
#include "config.h"

#include "log.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* the longest line written; a longer message is cut with a note */
#define LOG_LINE_MAX (1024 * 1024)

static int log_fd = 2;
static int log_level = FCW_LOG_NOTICE;
static int console_level = FCW_LOG_DEBUG;
static int log_json;
static char log_path[4096];
static char log_pool[128];
/* the request in flight: its number and "METHOD URI" */
static unsigned long log_request_id;
static char log_request[256];

static const char *const level_names[] = {"ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"};
static const char *const level_keys[] = {"error", "warning", "notice", "info", "debug"};

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

void fcw_log_set_console(int level)
{
    console_level = level;
}

void fcw_log_set_json(int json)
{
    log_json = json;
}

int fcw_log_json(void)
{
    return log_json;
}

void fcw_log_set_request(unsigned long id, const char *context)
{
    log_request_id = context ? id : 0;
    fcw_copy_string(log_request, sizeof(log_request), context);
}

/* A line being built: on the stack while it fits, then on the heap. */
struct line {
    char *p;
    size_t len, cap;
    int full; /* LOG_LINE_MAX reached, or out of memory */
    char stack[4096];
};

static void put(struct line *l, const char *s, size_t n)
{
    if (l->full) {
        return;
    }
    if (l->len + n + 2 > l->cap) {
        size_t cap = l->cap * 2 > l->len + n + 2 ? l->cap * 2 : l->len + n + 2;
        if (cap > LOG_LINE_MAX) {
            cap = LOG_LINE_MAX;
        }
        char *p = l->p == l->stack ? malloc(cap) : realloc(l->p, cap);
        if (p != NULL && l->p == l->stack) {
            memcpy(p, l->stack, l->len);
        }
        if (p == NULL || l->len + n + 2 > cap) {
            /* keep what fits, and say that the rest was left out */
            if (p != NULL) {
                l->p = p;
                l->cap = cap;
            }
            l->full = 1;
            return;
        }
        l->p = p;
        l->cap = cap;
    }
    memcpy(l->p + l->len, s, n);
    l->len += n;
}

#define PUT_LIT(l, lit) put(l, lit, sizeof(lit) - 1)

static void putf(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(struct line *l, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > 0) {
        put(l, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    }
}

/* s, escaped: in text, newlines and other control characters as \n, \r,
 * \xNN (tabs kept), so that one event stays one line and keeps all of its
 * lines; in JSON, as a JSON string's content. */
static void put_escaped(struct line *l, const char *s, int json)
{
    const char *run = s;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && !(json && (c == '"' || c == '\\')) && c != 0x7f) {
            continue;
        }
        put(l, run, (size_t)(s - run));
        if (c == '\0') {
            return;
        }
        run = s + 1;
        if (c == '\n' || c == '\r' || (json && c == '\t')) {
            put(l, c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t", 2);
        } else if (c == '\t') {
            put(l, "\t", 1);
        } else if (json && (c == '"' || c == '\\')) {
            putf(l, "\\%c", c);
        } else {
            putf(l, json ? "\\u%04x" : "\\x%02x", c);
        }
    }
}

/* "METHOD URI" of the request in flight, split (the URI may be empty). */
static void request_parts(const char **method, size_t *method_len, const char **uri)
{
    const char *sp = strchr(log_request, ' ');
    *method = log_request;
    *method_len = sp ? (size_t)(sp - log_request) : strlen(log_request);
    *uri = sp ? sp + 1 : "";
}

static void put_time(struct line *l, int iso)
{
    struct timeval tv;
    struct tm tm;
    gettimeofday(&tv, NULL);
    localtime_r(&tv.tv_sec, &tm);
    char zone[8];
    strftime(zone, sizeof(zone), "%z", &tm);
    if (iso) {
        putf(l, "%04d-%02d-%02dT%02d:%02d:%02d.%03ld%.3s:%s", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec, (long)tv.tv_usec / 1000, zone, zone + 3);
    } else {
        putf(l, "%04d-%02d-%02d %02d:%02d:%02d.%03ld", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec, (long)tv.tv_usec / 1000);
    }
}

/* The line's end: a note if something was left out, the newline, one
 * write(). */
static void line_write(int fd, struct line *l, size_t full_len)
{
    if (l->full) {
        static const char note[] = " [cut at the log line limit]";
        size_t keep = l->cap > sizeof(note) + 8 ? l->cap - sizeof(note) - 8 : 0;
        if (l->len > keep) {
            l->len = keep;
        }
        /* not in the middle of an escape: an odd run of backslashes among
         * the last few bytes starts one */
        size_t end = l->len, run = 0;
        for (size_t i = end; i > 0 && end - i < 6; i--) {
            if (l->p[i - 1] == '\\') {
                run = 1;
                while (i - run > 0 && l->p[i - 1 - run] == '\\') {
                    run++;
                }
                if (run % 2 == 1) {
                    l->len = i - 1;
                }
                break;
            }
        }
        l->full = 0;
        put(l, note, sizeof(note) - 1);
        if (full_len > 0) {
            put(l, "\"}", 2);
        }
    }
    l->p[l->len++] = '\n';
    ssize_t w = write(fd, l->p, l->len);
    (void)w;
    if (l->p != l->stack) {
        free(l->p);
    }
}

static void log_write(int level, int err, const char *msg)
{
    struct line l;
    l.p = l.stack;
    l.len = 0;
    l.cap = sizeof(l.stack);
    l.full = 0;
    int console = level & FCW_LOG_CONSOLE;
    level &= 0xff;
    const char *method, *uri;
    size_t method_len;
    request_parts(&method, &method_len, &uri);
    if (log_json) {
        PUT_LIT(&l, "{\"time\":\"");
        put_time(&l, 1);
        putf(&l, "\",\"level\":\"%s\"", level_keys[level]);
        if (log_pool[0] != '\0') {
            PUT_LIT(&l, ",\"pool\":\"");
            put_escaped(&l, log_pool, 1);
            putf(&l, "\",\"pid\":%ld", (long)getpid());
        }
        if (log_request_id != 0) {
            putf(&l, ",\"request_id\":%lu,\"method\":\"%.*s\",\"uri\":\"", log_request_id, (int)method_len, method);
            put_escaped(&l, uri, 1);
            PUT_LIT(&l, "\"");
        }
        if (console) {
            PUT_LIT(&l, ",\"source\":\"console\"");
        }
        PUT_LIT(&l, ",\"message\":\"");
        put_escaped(&l, msg, 1);
        if (err) {
            putf(&l, ": %s (%d)", strerror(err), err);
        }
        PUT_LIT(&l, "\"}");
        line_write(log_fd, &l, 1);
        return;
    }
    PUT_LIT(&l, "[");
    put_time(&l, 0);
    putf(&l, "] %s: ", level_names[level]);
    if (log_pool[0] != '\0') {
        putf(&l, "[pool %s] pid %ld: ", log_pool, (long)getpid());
    }
    if (log_request_id != 0) {
        putf(&l, "request %lu \"", log_request_id);
        put_escaped(&l, log_request, 0);
        PUT_LIT(&l, "\": ");
    }
    if (console) {
        PUT_LIT(&l, "console: ");
    }
    put_escaped(&l, msg, 0);
    if (err) {
        putf(&l, ": %s (%d)", strerror(err), err);
    }
    line_write(log_fd, &l, 0);
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
    (void)data;
    int limit = (level & FCW_LOG_CONSOLE) ? console_level : log_level;
    if ((level & 0xff) <= limit) {
        log_write(level, 0, msg);
    }
}
