/* SPDX-License-Identifier: MIT */
/*
 * libfcw's public interface: a JavaScript engine that runs one worker
 * script and answers requests with it. The program (src/) drives it: it
 * builds an fcw_request from what the front server sent, and receives the
 * response through fcw_output callbacks. Nothing here knows of FastCGI,
 * processes or configuration files.
 */
#ifndef FCW_H
#define FCW_H

#include <stddef.h>

enum fcw_log_level { FCW_LOG_ERROR = 0, FCW_LOG_WARNING, FCW_LOG_NOTICE, FCW_LOG_INFO, FCW_LOG_DEBUG };

/* A log line's level, with FCW_LOG_CONSOLE or'ed in for a line the script
 * wrote with console.*; msg may hold newlines. */
#define FCW_LOG_CONSOLE 0x200
typedef void (*fcw_log_cb)(void *data, int level, const char *msg);

struct fcw_limits {
    unsigned cpu_ms;                   /* CPU time per request (0: none) */
    unsigned wall_ms;                  /* wall time per request, waitUntil included (0: none) */
    size_t memory_bytes;               /* heap size of the engine (0: none) */
    size_t body_max;                   /* request body bytes */
    unsigned subrequests;              /* fetch() calls per request */
    unsigned response_queue;           /* chunks queued between producer and consumer */
    unsigned fetch_connect_timeout_ms; /* outgoing fetch(): connect timeout (0: libcurl's) */
    unsigned fetch_timeout_ms;         /* outgoing fetch(): whole transfer (0: none) */
    int fetch_deny_private;            /* refuse fetch() to loopback/private addresses */
    char *fetch_allow;                 /* ... except these (lib/fetch_guard.h; NULL: none) */
};

/* Checks a fetch.allow list (host[:port], address[:port], CIDR, comma- or
 * space-separated); 0, or -1 with a message naming the bad entry. */
int fcw_fetch_guard_check(const char *allow, char *err, size_t errlen);

/* A binding: a KV namespace, a D1 database, the static assets, a service
 * or a JSON variable, published in env
 * (and as a global) under name. Opened in the process that first uses it. */
enum fcw_binding_type {
    FCW_BINDING_KV,
    FCW_BINDING_D1,
    FCW_BINDING_ASSETS,
    FCW_BINDING_SERVICE,
    FCW_BINDING_JSON /* a variable with a JSON value, in url */
};
enum fcw_kv_backend { FCW_KV_SQLITE, FCW_KV_REDIS };

struct fcw_binding {
    enum fcw_binding_type type;
    const char *name;            /* the JavaScript name */
    enum fcw_kv_backend backend; /* KV only */
    const char *path;            /* SQLite: the database file */
    const char *url;             /* Redis: redis://host[:port][/db] or unix:/path[?db=N];
                                  * service: unix:/path, tcp:host:port or an http(s) URL */
    const char *prefix;          /* Redis: the namespace's key prefix ("NAME:") */
    unsigned timeout_ms;         /* SQLite busy_timeout; Redis connect and command timeout */
    /* static assets: path is the folder; name may be NULL (no env binding,
     * the assets are only served ahead of the worker) */
    const char *html_handling;      /* auto-trailing-slash, force-..., drop-..., none */
    const char *not_found_handling; /* single-page-application, 404-page, none */
};

struct fcw_engine_config {
    struct fcw_limits limits;
    const char *const *vars;            /* env bindings: name, value, name, value, ... */
    size_t nvars;                       /* number of pairs */
    const struct fcw_binding *bindings; /* KV and D1 bindings */
    size_t nbindings;
    const char *cache_path; /* the Cache API's SQLite store; NULL: private, in memory */
    size_t cache_max_size;  /* its size bound in bytes (0: 64 MiB) */
    fcw_log_cb log;
    void *log_data;
    /* Called, never to return, when a request cannot be ended from inside
     * the engine (a script that keeps allocating past limits.memory_mb and
     * catching the failures): a 503 was written; finish the request and
     * exit. NULL: the engine keeps failing allocations. */
    void (*abandon)(void *data);
    void *abandon_data;
};

struct fcw_request {
    const char *method;
    const char *url;            /* absolute URL */
    const char *const *headers; /* name, value pairs; names in lower case */
    size_t nheaders;            /* number of pairs */
    const void *body;
    size_t body_len;
    const char *log_context; /* e.g. "GET /path", used in log lines */
    unsigned long id;        /* the request's number in this process, for log lines */
    /* request.cf's facts from the front server, NULL when not given */
    const char *http_protocol; /* SERVER_PROTOCOL: "HTTP/1.1" */
    const char *tls_version;   /* SSL_PROTOCOL: "TLSv1.3" */
    const char *tls_cipher;    /* SSL_CIPHER */
    /* A cron trigger instead of a request: the handler is scheduled(), not
     * fetch(); the response says how it went (200 ok, 500 it threw) */
    const char *scheduled_cron; /* NULL for a request */
    double scheduled_time;      /* ms since the epoch */
};

/* Where a response goes. Each returns 0, or -1 when the client is gone. */
struct fcw_output {
    int (*head)(void *data, int status, const char *reason, const char *const *headers, size_t nheaders, int streaming);
    int (*write)(void *data, const void *buf, size_t len);
    int (*flush)(void *data);
    /* Ends a response whose body failed after the head was sent, so that
     * the client sees a cut transfer rather than a complete one; NULL when
     * the output cannot (the response then just ends). */
    int (*abort)(void *data);
    void *data;
};

enum fcw_outcome {
    FCW_DONE = 0,   /* the script answered */
    FCW_FAILED,     /* the script threw or never answered: 500 sent */
    FCW_LIMITED,    /* a limit ended the request: 503 sent (or stream cut) */
    FCW_CUT,        /* the body failed after the head: the response was cut */
    FCW_CLIENT_GONE /* the client went away mid-response */
};

struct fcw_engine;

struct fcw_engine *fcw_engine_new(const struct fcw_engine_config *config, char *err, size_t errlen);
/* Says the process serves one request and ends (CGI): engines made after
 * this skip the collection of start-up garbage, which ends with the
 * process. */
void fcw_engine_single_request(void);
void fcw_engine_free(struct fcw_engine *engine);

/* Sets the limits, log, abandon callback and env bindings of an engine made
 * earlier, e.g. one created with the runtime loaded before fork() and
 * handed to a child (its random seed is redrawn in the new process). */
void fcw_engine_configure(struct fcw_engine *engine, const struct fcw_engine_config *config);

/* Compiles the worker script at path and runs its top level. On failure
 * writes "path:line: message" to err and returns -1. */
int fcw_engine_load(struct fcw_engine *engine, const char *path, char *err, size_t errlen);
/* From now on, fcw_engine_load keeps each script's bytecode in the folder
 * dir (made mode 0700 when missing) and loads it from there while the
 * script's text is the same, instead of compiling it (a process that
 * serves one request: CGI). 0, or -1 when dir cannot be used (a symbolic
 * link, not owned by this user, writable by others): scripts are then
 * compiled as before. A damaged or unwritable cache is never an error. */
int fcw_engine_script_cache(const char *dir);
/* The same from a script's text already read (path names it in errors and
 * stack traces, and a source map beside it is still read from disk). */
int fcw_engine_load_source(struct fcw_engine *engine, const char *path, const char *text, size_t len, char *err,
                           size_t errlen);
/* Compiles a script's text (without running any of it) into a bytecode
 * image (malloc'd, its length in *image_len) that fcw_engine_load_image
 * loads in another engine of this build instead of compiling the text
 * again. On a compile error writes "path:line: message" to err, -1. */
int fcw_engine_compile_image(struct fcw_engine *engine, const char *path, const char *text, size_t len,
                             unsigned char **image, size_t *image_len, char *err, size_t errlen);
/* fcw_engine_load_source from the image made of exactly this text; an image
 * that does not match this build or this text (or NULL) is logged as a
 * warning and the text compiled instead. Errors of the script's top-level
 * code and stack traces name the same file:line either way. */
int fcw_engine_load_image(struct fcw_engine *engine, const char *path, const char *text, size_t len,
                          const unsigned char *image, size_t image_len, char *err, size_t errlen);

/* Runs one request to its end (response written, waitUntil work settled or
 * the wall limit reached). The last bytes of the response may still sit in
 * the output's buffer: the caller flushes (or ends the request) afterwards. */
enum fcw_outcome fcw_engine_handle(struct fcw_engine *engine, const struct fcw_request *req,
                                   const struct fcw_output *out);

/* True when the engine should not serve more requests (its memory limit was
 * hit): the caller finishes the request and replaces the process. */
int fcw_engine_exhausted(const struct fcw_engine *engine);

/* Bytes the engine's heap holds now. */
size_t fcw_engine_memory(const struct fcw_engine *engine);
/* For a process gone idle: a full collection if the heap grew by 256 KB
 * or more since the last one. 1 if it collected. */
int fcw_engine_collect_idle(struct fcw_engine *engine);

/* What the last fcw_engine_handle in this process met, for metrics: the
 * limit that ended it (none, cpu, wall, memory) and its fetch() and service
 * subrequests. */
enum fcw_limit_hit { FCW_LIMIT_NONE = 0, FCW_LIMIT_CPU, FCW_LIMIT_WALL, FCW_LIMIT_MEMORY };
struct fcw_request_stats {
    enum fcw_limit_hit limit;
    unsigned subrequests;
};
void fcw_engine_last_stats(struct fcw_request_stats *stats);

/* Writes a plain-text error response (used before an engine exists, and for
 * 413 and friends). */
int fcw_output_error(const struct fcw_output *out, int status, const char *text);

/* Reads the whole file at path into a new buffer (free() it), with a NUL
 * after its len bytes; NULL with "path: cannot open: reason" (or read) in
 * err. */
char *fcw_read_file(const char *path, size_t *len, char *err, size_t errlen);

/* Writes all len bytes of data to fd, again after EINTR; 0, or -1 when a
 * write fails or writes nothing (errno set by write). */
int fcw_write_all(int fd, const void *data, size_t len);

const char *fcw_version(void);

/* Writes how engines of this build get their runtime (for `fcworker -V`):
 * Duktape's version and build stamp, and whether the runtime loads from
 * its build-time bytecode image (and its size) or, and why, is compiled
 * from its sources at each start. */
void fcw_runtime_image_describe(char *out, size_t outlen);

/* With FCW_PROFILE=PREFIX set, writes the JavaScript profile this process
 * has counted to PREFIX.PID now, its built scripts' lines mapped to their
 * sources through engine's source maps (lib/profile.c; freeing an engine
 * does it too). A failure is logged. */
void fcw_engine_profile_flush(struct fcw_engine *engine);

#endif
