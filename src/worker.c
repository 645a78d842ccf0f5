/* SPDX-License-Identifier: MIT */
/*
 * The worker of a pool inside one child: for `script = FILE`, one engine
 * with that script loaded; for `root = DIR`, an engine per script named by
 * SCRIPT_FILENAME, confined to the root by its real path and to
 * security.limit_extensions, loaded on first use, reloaded when the file's
 * mtime changes, each in its own heap so that no script sees another's
 * globals. worker_serve() answers one request: the ping path, the body
 * limit (413), then the engine.
 */
#include "config.h"

#include "worker.h"

#include "alloc.h"
#include "build.h"
#include "clock.h"
#include "log.h"
#include "request.h"
#include "status.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define WORKER_MAX_SCRIPTS 32

struct worker_script {
    char *path;
    struct timespec mtime;
    struct fcw_engine *engine;
    unsigned long last_used;
};

struct worker {
    const struct conf_pool *pool;
    struct fcw_engine_config cfg;
    struct fcw_engine *engine; /* script mode */
    char root[PATH_MAX];       /* root mode: the root's real path */
    struct worker_script scripts[WORKER_MAX_SCRIPTS];
    unsigned long uses;
    int exhausted;
    FILE *access_log;
    int last_status; /* of the last response, for fcworker --scheduled */
    /* the caller's abandon callback, and where the request in flight is
     * counted (worker_abandon counts it before the process goes) */
    void (*abandon)(void *data);
    void *abandon_data;
    struct scoreboard *sb;
    struct scoreboard_slot *slot;
    int release_owed; /* the idle work collected, then put its release off */
};

static void engine_config(const struct conf_pool *pool, struct fcw_engine_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->limits = pool->limits;
    cfg->vars = (const char *const *)pool->vars;
    cfg->nvars = pool->nvars;
    cfg->bindings = pool->bindings;
    cfg->nbindings = pool->nbindings;
    cfg->cache_path = pool->cache_path;
    cfg->cache_max_size = pool->cache_max_size;
    cfg->log = fcw_log_engine;
}

/* An engine with the runtime loaded, made by the master before it forks
 * (worker_preload): each process takes it once instead of compiling the
 * runtime again. */
static struct fcw_engine *preloaded;

int worker_preload(char *err, size_t errlen)
{
    struct fcw_engine_config cfg = {.log = fcw_log_engine};
    if (preloaded == NULL) {
        preloaded = fcw_engine_new(&cfg, err, errlen);
    }
    return preloaded ? 0 : -1;
}

/* text: the script as the master checked it, or NULL to read path; image:
 * the bytecode the master kept of that text, or NULL. */
static struct fcw_engine *load_engine(struct worker *w, const char *path, const char *text, size_t len,
                                      const unsigned char *image, size_t image_len, char *err, size_t errlen)
{
    struct fcw_engine *e = preloaded;
    if (e != NULL) {
        preloaded = NULL;
        fcw_engine_configure(e, &w->cfg);
    } else if ((e = fcw_engine_new(&w->cfg, err, errlen)) == NULL) {
        return NULL;
    }
    if ((text ? fcw_engine_load_image(e, path, text, len, image, image_len, err, errlen)
              : fcw_engine_load(e, path, err, errlen)) < 0) {
        fcw_engine_free(e);
        return NULL;
    }
    return e;
}

static void count_request(struct worker *w, struct scoreboard *sb, struct scoreboard_slot *slot,
                          const struct response *res, const struct fcw_request_stats *stats);

/* The engine gave up on the request for memory and the process is about to
 * be replaced: the request is counted as limited first. */
static void worker_abandon(void *data)
{
    struct worker *w = data;
    struct response res = {.status = 503};
    struct fcw_request_stats stats = {FCW_LIMIT_MEMORY, 0};
    count_request(w, w->sb, w->slot, &res, &stats);
    w->abandon(w->abandon_data);
}

struct worker *worker_new(const struct conf_pool *pool, void (*abandon)(void *data), void *data, char *err,
                          size_t errlen)
{
    struct worker *w = calloc(1, sizeof(*w));
    if (w == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->pool = pool;
    fcw_log_set_console(pool->console_level);
    if (pool->client_ip_header != NULL) {
        /* conf.c checked the name */
        request_set_client_ip_header(pool->client_ip_header);
    }
    engine_config(pool, &w->cfg);
    w->abandon = abandon;
    w->abandon_data = data;
    w->cfg.abandon = worker_abandon;
    w->cfg.abandon_data = w;
    char built[PATH_MAX];
    if (pool->script_text == NULL && fcw_build_wanted(pool) &&
        fcw_build_script(pool, built, sizeof(built), err, errlen) < 0) {
        free(w);
        return NULL;
    }
    if (pool->script_text != NULL) {
        w->engine = load_engine(w, pool->script_loaded, pool->script_text, pool->script_len, pool->script_image,
                                pool->script_image_len, err, errlen);
        if (w->engine == NULL) {
            free(w);
            return NULL;
        }
    } else if (pool->script != NULL) {
        w->engine = load_engine(w, fcw_build_wanted(pool) ? built : pool->script, NULL, 0, NULL, 0, err, errlen);
        if (w->engine == NULL) {
            free(w);
            return NULL;
        }
    } else if (realpath(pool->root, w->root) == NULL) {
        snprintf(err, errlen, "root %s: %s", pool->root, strerror(errno));
        free(w);
        return NULL;
    }
    if (pool->access_log != NULL) {
        /* a pool's child writes to the descriptor the master opened */
        int fd = pool->access_log_fd >= 0 ? dup(pool->access_log_fd) : -1;
        w->access_log = fd >= 0 ? fdopen(fd, "a") : fopen(pool->access_log, "ae");
        if (w->access_log == NULL) {
            fcw_log(FCW_LOG_WARNING | FCW_LOG_ERRNO, "failed to open the access log %s: fopen()", pool->access_log);
        }
    }
    return w;
}

int worker_compile_image(const struct conf_pool *pool, unsigned char **image, size_t *image_len, char *err,
                         size_t errlen)
{
    char built[PATH_MAX];
    const char *path = pool->script_loaded;
    const char *text = pool->script_text;
    size_t len = pool->script_len;
    char *read = NULL;
    if (text == NULL) {
        /* a built script: the master reads the build's output after the
         * check (a cache hit now); the image names the text it was made
         * from, so a different file would only be compiled from its source */
        if (pool->script == NULL || !fcw_build_wanted(pool) ||
            fcw_build_script(pool, built, sizeof(built), err, errlen) < 0) {
            if (pool->script == NULL) {
                snprintf(err, errlen, "not a script pool");
            }
            return -1;
        }
        if ((read = fcw_read_file(built, &len, err, errlen)) == NULL) {
            return -1;
        }
        path = built;
        text = read;
    }
    struct fcw_engine_config cfg;
    engine_config(pool, &cfg);
    struct fcw_engine *e = preloaded;
    if (e != NULL) {
        preloaded = NULL;
        fcw_engine_configure(e, &cfg);
    } else if ((e = fcw_engine_new(&cfg, err, errlen)) == NULL) {
        free(read);
        return -1;
    }
    int rc = fcw_engine_compile_image(e, path, text, len, image, image_len, err, errlen);
    fcw_engine_free(e);
    free(read);
    return rc;
}

void worker_profile_flush(struct worker *w)
{
    struct fcw_engine *e = w->engine;
    for (int i = 0; e == NULL && i < WORKER_MAX_SCRIPTS; i++) {
        e = w->scripts[i].engine;
    }
    if (e != NULL) {
        fcw_engine_profile_flush(e);
    }
}

void worker_free(struct worker *w)
{
    if (w == NULL) {
        return;
    }
    fcw_engine_free(w->engine);
    for (int i = 0; i < WORKER_MAX_SCRIPTS; i++) {
        fcw_engine_free(w->scripts[i].engine);
        free(w->scripts[i].path);
    }
    if (w->access_log) {
        fclose(w->access_log);
    }
    free(w);
}

int worker_exhausted(const struct worker *w)
{
    return w->exhausted;
}

static int extension_allowed(const char *list, const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash && dot < slash)) {
        return 0;
    }
    size_t elen = strlen(dot);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == ',') {
            p++;
        }
        size_t n = strcspn(p, " ,");
        if (n == elen && strncmp(p, dot, n) == 0) {
            return 1;
        }
        p += n;
    }
    return 0;
}

/* Root mode: limits.memory_mb is the child's budget for all its scripts'
 * heaps together (each heap is also bounded by it). Frees the least
 * recently used heaps other than keep until the rest fit. */
static void root_trim(struct worker *w, const struct worker_script *keep)
{
    size_t budget = w->pool->limits.memory_bytes;
    if (budget == 0) {
        return;
    }
    for (;;) {
        size_t total = 0;
        struct worker_script *lru = NULL;
        for (int i = 0; i < WORKER_MAX_SCRIPTS; i++) {
            struct worker_script *s = &w->scripts[i];
            if (s->engine == NULL) {
                continue;
            }
            total += fcw_engine_memory(s->engine);
            if (s != keep && (lru == NULL || s->last_used < lru->last_used)) {
                lru = s;
            }
        }
        if (total <= budget || lru == NULL) {
            return;
        }
        fcw_log(FCW_LOG_INFO, "freeing the heap of %s (%zu KB): the child's heaps are over limits.memory_mb", lru->path,
                fcw_engine_memory(lru->engine) >> 10);
        fcw_engine_free(lru->engine);
        lru->engine = NULL;
        free(lru->path);
        lru->path = NULL;
    }
}

/* The engine for a root-mode request, or NULL with *status set (403, 404,
 * 500) and the reason logged. */
static struct fcw_engine *root_engine(struct worker *w, const struct request *r, int *status)
{
    char want[PATH_MAX], real[PATH_MAX], err[1024];
    const char *name = r->script_filename;
    if (name == NULL || name[0] == '\0') {
        snprintf(want, sizeof(want), "%s%s", w->root, r->path);
        want[strcspn(want, "?")] = '\0';
        name = want;
    }
    if (realpath(name, real) == NULL) {
        *status = 404;
        fcw_log(FCW_LOG_NOTICE, "script %s not found", name);
        return NULL;
    }
    size_t rlen = strlen(w->root);
    if (strncmp(real, w->root, rlen) != 0 || (real[rlen] != '/' && w->root[rlen - 1] != '/')) {
        *status = 403;
        fcw_log(FCW_LOG_WARNING, "script %s is outside root %s", real, w->root);
        return NULL;
    }
    if (!extension_allowed(w->pool->limit_extensions, real)) {
        *status = 403;
        fcw_log(FCW_LOG_WARNING, "%s: extension not in security.limit_extensions (%s)", real,
                w->pool->limit_extensions);
        return NULL;
    }
    struct stat st;
    if (stat(real, &st) < 0 || !S_ISREG(st.st_mode)) {
        *status = 404;
        return NULL;
    }
    struct worker_script *slot = NULL, *lru = &w->scripts[0];
    for (int i = 0; i < WORKER_MAX_SCRIPTS; i++) {
        struct worker_script *s = &w->scripts[i];
        if (s->path && strcmp(s->path, real) == 0) {
            slot = s;
            break;
        }
        if (s->path == NULL || s->last_used < lru->last_used) {
            lru = s;
        }
    }
    if (slot && (slot->mtime.tv_sec != st.st_mtim.tv_sec || slot->mtime.tv_nsec != st.st_mtim.tv_nsec)) {
        fcw_log(FCW_LOG_INFO, "%s changed: reloading", real);
        fcw_engine_free(slot->engine);
        slot->engine = NULL;
    }
    if (slot == NULL) {
        slot = lru;
        fcw_engine_free(slot->engine);
        free(slot->path);
        slot->engine = NULL;
        slot->path = strdup(real);
        if (slot->path == NULL) {
            *status = 500;
            return NULL;
        }
    }
    if (slot->engine == NULL) {
        slot->engine = load_engine(w, real, NULL, 0, NULL, 0, err, sizeof(err));
        slot->mtime = st.st_mtim;
        if (slot->engine == NULL) {
            fcw_log(FCW_LOG_ERROR, "%s", err);
            free(slot->path);
            slot->path = NULL;
            *status = 500;
            return NULL;
        }
    }
    slot->last_used = ++w->uses;
    root_trim(w, slot);
    return slot->engine;
}

/* s as the content of a JSON string. */
static void json_string(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            fprintf(f, "\\%c", c);
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(f, "\\u%04x", c);
        } else {
            fputc(c, f);
        }
    }
}

static void access_log(struct worker *w, char **params, const struct request *r, const struct response *res, double ms)
{
    if (w->access_log == NULL) {
        return;
    }
    char when[64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(when, sizeof(when), "%d/%b/%Y:%H:%M:%S %z", &tm);
    const char *addr = request_param(params, "REMOTE_ADDR");
    if (fcw_log_json()) {
        /* log_format = json: one object per request; the method and URI
         * as the request's log context holds them */
        const char *ctx = r->log_context, *sp = strchr(ctx, ' ');
        char iso[64];
        strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S%z", &tm);
        fprintf(w->access_log, "{\"time\":\"%s\",\"pool\":\"", iso);
        json_string(w->access_log, w->pool->name);
        fprintf(w->access_log, "\",\"pid\":%ld,\"request_id\":%lu,\"remote_addr\":\"", (long)getpid(), r->req.id);
        json_string(w->access_log, addr ? addr : "");
        fprintf(w->access_log, "\",\"method\":\"%.*s\",\"uri\":\"", sp ? (int)(sp - ctx) : 0, ctx);
        json_string(w->access_log, sp ? sp + 1 : ctx);
        fprintf(w->access_log, "\",\"status\":%d,\"bytes\":%zu,\"duration_ms\":%.1f}\n", res->status, res->bytes, ms);
    } else {
        fprintf(w->access_log, "%s - [%s] \"%s\" %d %zu %.1fms\n", addr ? addr : "-", when, r->log_context, res->status,
                res->bytes, ms);
    }
    fflush(w->access_log);
}

int worker_last_status(const struct worker *w)
{
    return w->last_status;
}

/* The bytes of the worker's JavaScript heaps. */
static size_t heap_bytes(const struct worker *w)
{
    size_t heap = w->engine ? fcw_engine_memory(w->engine) : 0;
    for (int i = 0; i < WORKER_MAX_SCRIPTS; i++) {
        heap += w->scripts[i].engine ? fcw_engine_memory(w->scripts[i].engine) : 0;
    }
    return heap;
}

/* Idle work is done when a heap grew by 256 KB (fcw_engine_collect_idle)
 * or the allocator took this much since it was last done: an API child (a
 * 6 MB heap, ~18 KB of garbage a request) spends 10-45 ms on it, about
 * half collecting, half walking the free lists, so a child serving a
 * request now and then does it every dozen requests or so, not after
 * each. */
#define WORKER_IDLE_MIN ((size_t)1 << 20)

int worker_idle(struct worker *w, struct scoreboard_slot *slot, int (*waiting)(void *data), void *data, int *collected,
                size_t *given)
{
    *collected = w->engine ? fcw_engine_collect_idle(w->engine) : 0;
    for (int i = 0; i < WORKER_MAX_SCRIPTS; i++) {
        if (w->scripts[i].engine) {
            *collected |= fcw_engine_collect_idle(w->scripts[i].engine);
        }
    }
    *given = 0;
    if (!*collected && !w->release_owed && fcw_alloc_grown() < WORKER_IDLE_MIN) {
        return 0;
    }
    if (slot != NULL) {
        slot->heap_bytes = heap_bytes(w);
    }
    /* the collection took a few milliseconds (up to 25 for a 6 MB heap): a
     * request that came meanwhile goes before the release, which waits for
     * the next idle spell */
    if (waiting != NULL && waiting(data)) {
        w->release_owed = 1;
        return -1;
    }
    w->release_owed = 0;
    *given = fcw_alloc_release();
    return 1;
}

/* Counts a request answered on the pool's scoreboard: its outcome (the
 * status's class, or "limited"), the limit it met, its subrequests and
 * body bytes; and the child's heap after it. */
static void count_request(struct worker *w, struct scoreboard *sb, struct scoreboard_slot *slot,
                          const struct response *res, const struct fcw_request_stats *stats)
{
    if (sb == NULL) {
        return;
    }
    int limited = stats != NULL && stats->limit != FCW_LIMIT_NONE;
    int cls = res->status >= 100 && res->status < 600 ? res->status / 100 - 1 : 4;
    scoreboard_count_event(&sb->outcomes[limited ? 5 : cls]);
    if (limited) {
        scoreboard_count_event(&sb->limit_hits[stats->limit - FCW_LIMIT_CPU]);
    }
    if (stats != NULL && stats->subrequests > 0) {
        scoreboard_add(&sb->subrequests, stats->subrequests);
    }
    scoreboard_add(&sb->bytes_sent, res->bytes);
    if (slot != NULL) {
        slot->heap_bytes = heap_bytes(w);
    }
}

static int serve(struct worker *w, struct request *r, char **params, const struct request_stream *in,
                 const struct request_stream *out, struct scoreboard *sb, struct scoreboard_slot *slot)
{
    struct response res;
    double start = clock_now_ms();
    response_init(&res, out);
    const struct conf_pool *pool = w->pool;
    w->sb = sb;
    w->slot = slot;
    /* every log line from here names the request (the engine's too: its
     * own prefix is left out) */
    fcw_log_set_request(r->req.id, r->log_context);
    r->req.log_context = NULL;

    if (pool->ping_path && strcmp(r->path, pool->ping_path) == 0) {
        static const char *const headers[] = {"content-type", "text/plain", "cache-control",
                                              "no-store, no-cache, must-revalidate"};
        if (res.ops.head(res.ops.data, 200, "OK", headers, 2, 0) == 0) {
            res.ops.write(res.ops.data, pool->ping_response, strlen(pool->ping_response));
            res.ops.flush(res.ops.data);
        }
        return 0;
    }
    if (pool->status_path && strncmp(r->path, pool->status_path, strlen(pool->status_path)) == 0 &&
        (r->path[strlen(pool->status_path)] == '\0' || r->path[strlen(pool->status_path)] == '?')) {
        if (sb != NULL) {
            status_serve(pool, sb, r, &res.ops);
            return 0;
        }
    }

    if (r->bad_host) {
        fcw_log(FCW_LOG_WARNING, "refused: the Host header is not a valid host[:port]");
        fcw_output_error(&res.ops, 400, NULL);
        count_request(w, sb, slot, &res, NULL);
        access_log(w, params, r, &res, clock_now_ms() - start);
        return -1;
    }
    int rc = request_read_body(r, in, pool->limits.body_max, pool->request_read_timeout_ms);
    if (rc == -3) {
        fcw_log(FCW_LOG_WARNING, "the body took longer than request_read_timeout (%u ms)",
                pool->request_read_timeout_ms);
        fcw_output_error(&res.ops, 408, NULL);
        count_request(w, sb, slot, &res, NULL);
        access_log(w, params, r, &res, clock_now_ms() - start);
        return -1;
    }
    if (rc == -2) {
        fcw_log(FCW_LOG_WARNING, "body larger than limits.body_max (%zu bytes)", pool->limits.body_max);
        fcw_output_error(&res.ops, 413, NULL);
        count_request(w, sb, slot, &res, NULL);
        access_log(w, params, r, &res, clock_now_ms() - start);
        return -1;
    }
    if (rc < 0) {
        fcw_log(FCW_LOG_WARNING, "failed to read the request body");
        fcw_output_error(&res.ops, 400, NULL);
        return -1;
    }
    if (slot) {
        slot->state = SLOT_RUNNING;
    }
    int status = 0;
    struct fcw_request_stats stats = {FCW_LIMIT_NONE, 0};
    struct fcw_engine *e = w->engine ? w->engine : root_engine(w, r, &status);
    if (e == NULL) {
        fcw_output_error(&res.ops, status, NULL);
    } else {
        fcw_engine_handle(e, &r->req, &res.ops);
        fcw_engine_last_stats(&stats);
        if (fcw_engine_exhausted(e)) {
            w->exhausted = 1;
        } else if (w->engine == NULL) {
            root_trim(w, NULL);
        }
    }
    double ms = clock_now_ms() - start;
    if (slot) {
        slot->last_duration_ms = ms;
    }
    w->last_status = res.status;
    count_request(w, sb, slot, &res, &stats);
    access_log(w, params, r, &res, ms);
    return 0;
}

int worker_serve(struct worker *w, struct request *r, char **params, const struct request_stream *in,
                 const struct request_stream *out, struct scoreboard *sb, struct scoreboard_slot *slot)
{
    int rc = serve(w, r, params, in, out, sb, slot);
    fcw_log_set_request(0, NULL);
    return rc;
}
