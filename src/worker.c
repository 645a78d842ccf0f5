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
};

static void engine_config(const struct conf_pool *pool, struct fcw_engine_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->limits = pool->limits;
    cfg->vars = (const char *const *) pool->vars;
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
    struct fcw_engine_config cfg = { .log = fcw_log_engine };
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

struct worker *worker_new(const struct conf_pool *pool, void (*abandon)(void *data), void *data, char *err,
                          size_t errlen)
{
    struct worker *w = calloc(1, sizeof(*w));
    if (w == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->pool = pool;
    engine_config(pool, &w->cfg);
    w->cfg.abandon = abandon;
    w->cfg.abandon_data = data;
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
        fcw_log(FCW_LOG_INFO, "freeing the heap of %s (%zu KB): the child's heaps are over limits.memory_mb",
                lru->path, fcw_engine_memory(lru->engine) >> 10);
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
        fcw_log(FCW_LOG_NOTICE, "request %lu \"%s\": script %s not found", r->req.id, r->log_context, name);
        return NULL;
    }
    size_t rlen = strlen(w->root);
    if (strncmp(real, w->root, rlen) != 0 || (real[rlen] != '/' && w->root[rlen - 1] != '/')) {
        *status = 403;
        fcw_log(FCW_LOG_WARNING, "request %lu \"%s\": script %s is outside root %s", r->req.id, r->log_context, real, w->root);
        return NULL;
    }
    if (!extension_allowed(w->pool->limit_extensions, real)) {
        *status = 403;
        fcw_log(FCW_LOG_WARNING, "request %lu \"%s\": %s: extension not in security.limit_extensions (%s)",
                r->req.id, r->log_context, real, w->pool->limit_extensions);
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
            fcw_log(FCW_LOG_ERROR, "request %lu \"%s\": %s", r->req.id, r->log_context, err);
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

static void access_log(struct worker *w, char **params, const struct request *r, const struct response *res,
                       double ms)
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
    fprintf(w->access_log, "%s - [%s] \"%s\" %d %zu %.1fms\n", addr ? addr : "-", when, r->log_context,
            res->status, res->bytes, ms);
    fflush(w->access_log);
}

int worker_last_status(const struct worker *w)
{
    return w->last_status;
}

int worker_serve(struct worker *w, struct request *r, char **params, const struct request_stream *in,
                 const struct request_stream *out, struct scoreboard *sb, struct scoreboard_slot *slot)
{
    struct response res;
    double start = clock_now_ms();
    response_init(&res, out);
    const struct conf_pool *pool = w->pool;

    if (pool->ping_path && strcmp(r->path, pool->ping_path) == 0) {
        static const char *const headers[] = { "content-type", "text/plain", "cache-control",
                                               "no-store, no-cache, must-revalidate" };
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
        fcw_log(FCW_LOG_WARNING, "request %lu \"%s\": refused: the Host header is not a valid host[:port]",
                r->req.id, r->log_context);
        fcw_output_error(&res.ops, 400, NULL);
        access_log(w, params, r, &res, clock_now_ms() - start);
        return -1;
    }
    int rc = request_read_body(r, in, pool->limits.body_max, pool->request_read_timeout_ms);
    if (rc == -3) {
        fcw_log(FCW_LOG_WARNING, "request %lu \"%s\": the body took longer than request_read_timeout (%u ms)",
                r->req.id, r->log_context, pool->request_read_timeout_ms);
        fcw_output_error(&res.ops, 408, NULL);
        access_log(w, params, r, &res, clock_now_ms() - start);
        return -1;
    }
    if (rc == -2) {
        fcw_log(FCW_LOG_WARNING, "request %lu \"%s\": body larger than limits.body_max (%zu bytes)", r->req.id, r->log_context,
                pool->limits.body_max);
        fcw_output_error(&res.ops, 413, NULL);
        access_log(w, params, r, &res, clock_now_ms() - start);
        return -1;
    }
    if (rc < 0) {
        fcw_log(FCW_LOG_WARNING, "request %lu \"%s\": failed to read the request body", r->req.id, r->log_context);
        fcw_output_error(&res.ops, 400, NULL);
        return -1;
    }
    if (slot) {
        slot->state = SLOT_RUNNING;
    }
    int status = 0;
    struct fcw_engine *e = w->engine ? w->engine : root_engine(w, r, &status);
    if (e == NULL) {
        fcw_output_error(&res.ops, status, NULL);
    } else {
        fcw_engine_handle(e, &r->req, &res.ops);
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
    access_log(w, params, r, &res, ms);
    return 0;
}
