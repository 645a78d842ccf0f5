/*
 * The engine: one Duktape heap with the runtime loaded, the worker script
 * evaluated in it, and the limits that bound what a request may use. Heap
 * memory goes through a counting allocator (limits.memory_bytes); CPU and
 * wall time are checked by Duktape's exec-timeout hook, which keeps
 * answering "stop" until the outermost protected call has returned, so a
 * script cannot catch its way past a limit. Every entry into JavaScript is a
 * protected call that drains the microtask queue before it returns.
 */
#include "config.h"

#include "engine.h"

#include "cputimer.h"
#include "duk_hooks.h"
#include "js_sources.h"
#include "alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

/* Failed allocation attempts (Duktape retries each one after a GC, up to
 * ten times) past which a request has run out of memory for good, and past
 * which a script that keeps catching the failures is given up on: the
 * exec-timeout hook only runs every 256K instructions, while each failed
 * allocation costs ten garbage collections. */
#define ENGINE_OOM_FAILURES 11
#define ENGINE_OOM_HOPELESS (4 * ENGINE_OOM_FAILURES)

struct fcw_engine {
    duk_context *ctx;
    struct fcw_loop *loop;
    struct fcw_limits limits;
    fcw_log_cb log;
    void *log_data;
    void (*abandon)(void *data);
    void *abandon_data;

    size_t mem_used;
    size_t mem_after_gc; /* heap size after the last collection we ran */
    unsigned oom_failures;
    int exhausted;

    int limits_armed;
    int in_request;
    int request_dirty; /* the request left timers, transfers or jobs behind */
    double wall_deadline;
    double cpu_deadline;
    double cpu_check_after; /* wall clock before which the CPU limit cannot be reached */
    enum engine_interrupt interrupt;
    char log_context[256];
    unsigned long request_id;

    uint64_t rng[2];
    pid_t rng_pid; /* the process the seed was drawn in */
};

static const char *const level_names[] = { "error", "warning", "notice", "info", "debug" };

const char *fcw_version(void)
{
    return PACKAGE_VERSION;
}

/* ---- allocation ---- */

static void give_up(struct fcw_engine *e);

static void *alloc_failed(struct fcw_engine *e)
{
    e->oom_failures++;
    if (e->oom_failures >= ENGINE_OOM_HOPELESS && e->in_request && e->abandon != NULL) {
        give_up(e);
    }
    return NULL;
}

static void *engine_alloc(void *udata, duk_size_t size)
{
    struct fcw_engine *e = udata;
    if (fcw_cputimer_expired && e->limits_armed) {
        /* past the CPU limit inside a native call that keeps allocating */
        fcw_duk_request_interrupt(e->ctx);
    }
    if (e->limits.memory_bytes && e->mem_used + size > e->limits.memory_bytes) {
        return alloc_failed(e);
    }
    void *p = fcw_alloc(size);
    if (p == NULL) {
        return alloc_failed(e);
    }
    e->mem_used += fcw_alloc_size(p);
    return p;
}

static void *engine_realloc(void *udata, void *ptr, duk_size_t size)
{
    struct fcw_engine *e = udata;
    size_t old = ptr ? fcw_alloc_size(ptr) : 0;
    if (size == 0) {
        fcw_alloc_free(ptr);
        e->mem_used -= old;
        return NULL;
    }
    if (e->limits.memory_bytes && size > old && e->mem_used + (size - old) > e->limits.memory_bytes) {
        return alloc_failed(e);
    }
    void *p = fcw_alloc_realloc(ptr, size);
    if (p == NULL) {
        return alloc_failed(e);
    }
    e->mem_used = e->mem_used - old + fcw_alloc_size(p);
    return p;
}

static void engine_free(void *udata, void *ptr)
{
    struct fcw_engine *e = udata;
    if (ptr != NULL) {
        e->mem_used -= fcw_alloc_size(ptr);
        fcw_alloc_free(ptr);
    }
}

size_t fcw_engine_memory(const struct fcw_engine *engine)
{
    return engine->mem_used;
}

int fcw_engine_exhausted(const struct fcw_engine *engine)
{
    return engine->exhausted;
}

int fcw_engine_out_of_memory(struct fcw_engine *engine)
{
    if (engine->oom_failures >= ENGINE_OOM_FAILURES && engine->limits_armed) {
        engine->interrupt = ENGINE_MEMORY_LIMIT;
        engine->exhausted = 1;
        return 1;
    }
    return 0;
}

/* The script keeps allocating after the limit and catching the failures:
 * answer 503 now and let the caller replace the process. Never returns. */
static void give_up(struct fcw_engine *e)
{
    e->interrupt = ENGINE_MEMORY_LIMIT;
    e->exhausted = 1;
    fcw_engine_log(e, FCW_LOG_WARNING,
                   "request ended by limits.memory_mb (%zu MB): the script kept allocating past the limit; "
                   "replacing the process",
                   e->limits.memory_bytes >> 20);
    fcw_http_abandon();
    e->abandon(e->abandon_data);
    abort();
}

/* ---- hooks named in the generated duk_config.h ---- */

static double cpu_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

int fcw_engine_timeout_check(void *udata)
{
    struct fcw_engine *e = udata;
    if (e == NULL) {
        return 0;
    }
    if (e->interrupt != ENGINE_RUNNING) {
        return 1;
    }
    if (!e->limits_armed) {
        return 0;
    }
    if (fcw_engine_out_of_memory(e)) {
        return 1;
    }
    if (fcw_cputimer_expired && e->cpu_deadline > 0) {
        e->interrupt = ENGINE_CPU_LIMIT;
        return 1;
    }
    /* Duktape checks on every entry from C: a thread uses no more CPU time
     * than wall time, so read the (syscall) CPU clock only once as much
     * wall time as the CPU limit has passed since the limits were armed */
    double now = fcw_loop_now();
    if (e->cpu_deadline > 0 && now >= e->cpu_check_after && cpu_now_ms() > e->cpu_deadline) {
        e->interrupt = ENGINE_CPU_LIMIT;
        return 1;
    }
    if (e->wall_deadline > 0 && now > e->wall_deadline) {
        e->interrupt = ENGINE_WALL_LIMIT;
        return 1;
    }
    return 0;
}

/* xorshift128+, seeded per engine from the kernel: forked children never
 * share a Math.random() sequence. */
static void seed_random(struct fcw_engine *e);

double fcw_engine_random_double(void *udata)
{
    struct fcw_engine *e = udata;
    if (e->rng_pid != getpid()) {
        seed_random(e); /* an engine inherited through fork() */
    }
    uint64_t s1 = e->rng[0];
    const uint64_t s0 = e->rng[1];
    e->rng[0] = s0;
    s1 ^= s1 << 23;
    e->rng[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
    return (double) ((e->rng[1] + s0) >> 11) / 9007199254740992.0;
}

void fcw_engine_fatal(void *udata, const char *msg)
{
    struct fcw_engine *e = udata;
    if (e != NULL && e->log != NULL) {
        e->log(e->log_data, FCW_LOG_ERROR, msg ? msg : "fatal engine error");
    } else {
        fprintf(stderr, "fcworker: fatal engine error: %s\n", msg ? msg : "?");
    }
    abort();
}

static void seed_random(struct fcw_engine *e)
{
    ssize_t got = -1;
#ifdef HAVE_GETRANDOM
    got = getrandom(e->rng, sizeof(e->rng), 0);
#endif
    if (got != (ssize_t) sizeof(e->rng)) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        e->rng[0] = (uint64_t) ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t) getpid();
        e->rng[1] = (uint64_t) ts.tv_sec * 0xBF58476D1CE4E5B9ull ^ (uint64_t) (uintptr_t) e;
    }
    if (e->rng[0] == 0 && e->rng[1] == 0) {
        e->rng[1] = 1;
    }
    e->rng_pid = getpid();
}

/* ---- accessors and logging ---- */

struct fcw_engine *fcw_engine_of(duk_context *ctx)
{
    duk_push_heap_stash(ctx);
    duk_get_prop_literal(ctx, -1, "engine");
    struct fcw_engine *e = duk_get_pointer(ctx, -1);
    duk_pop_2(ctx);
    return e;
}

duk_context *fcw_engine_ctx(struct fcw_engine *engine)
{
    return engine->ctx;
}

struct fcw_loop *fcw_engine_loop(struct fcw_engine *engine)
{
    return engine->loop;
}

const struct fcw_limits *fcw_engine_limits(const struct fcw_engine *engine)
{
    return &engine->limits;
}

enum engine_interrupt fcw_engine_interrupted(const struct fcw_engine *engine)
{
    return engine->interrupt;
}

double fcw_engine_wall_deadline(const struct fcw_engine *engine)
{
    return engine->wall_deadline;
}

int fcw_engine_past_deadline(struct fcw_engine *engine)
{
    if (engine->interrupt == ENGINE_RUNNING && engine->limits_armed && engine->cpu_deadline > 0 &&
        fcw_cputimer_expired) {
        engine->interrupt = ENGINE_CPU_LIMIT;
    }
    if (engine->interrupt == ENGINE_RUNNING && engine->wall_deadline > 0 &&
        fcw_loop_now() >= engine->wall_deadline) {
        engine->interrupt = ENGINE_WALL_LIMIT;
    }
    return engine->interrupt != ENGINE_RUNNING;
}

void fcw_engine_log(struct fcw_engine *engine, int level, const char *fmt, ...)
{
    if (engine->log == NULL) {
        return;
    }
    char msg[2048];
    int off = 0;
    if (engine->log_context[0] != '\0') {
        off = snprintf(msg, sizeof(msg), "request %lu \"%s\": ", engine->request_id, engine->log_context);
        if (off < 0 || (size_t) off >= sizeof(msg)) {
            off = 0;
        }
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + off, sizeof(msg) - (size_t) off, fmt, ap);
    va_end(ap);
    engine->log(engine->log_data, level, msg);
}

static duk_ret_t native_log(duk_context *ctx)
{
    const char *level = duk_require_string(ctx, 0);
    const char *msg = duk_safe_to_string(ctx, 1);
    int lv = FCW_LOG_INFO;
    for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
        if (strcmp(level, level_names[i]) == 0) {
            lv = (int) i;
        }
    }
    fcw_engine_log(fcw_engine_of(ctx), lv, "%s", msg);
    return 0;
}

size_t fcw_isomorphic_encode(char *out, const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        if (*p < 0x80) {
            if (out) {
                out[n] = (char) *p;
            }
            n++;
        } else {
            if (out) {
                out[n] = (char) (0xC0 | (*p >> 6));
                out[n + 1] = (char) (0x80 | (*p & 0x3F));
            }
            n += 2;
        }
    }
    return n;
}

void fcw_engine_push_isomorphic(duk_context *ctx, const char *s)
{
    size_t len = strlen(s), n = fcw_isomorphic_encode(NULL, s);
    if (n == len) {
        duk_push_lstring(ctx, s, len);
        return;
    }
    fcw_isomorphic_encode(duk_push_fixed_buffer(ctx, n), s);
    duk_buffer_to_string(ctx, -1);
}

int fcw_is_token_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* ---- protected calls ---- */

void fcw_engine_push_native(struct fcw_engine *engine)
{
    duk_push_heap_stash(engine->ctx);
    duk_get_prop_literal(engine->ctx, -1, "native");
    duk_remove(engine->ctx, -2);
}

struct native_call {
    const char *name;
    duk_idx_t nargs;
};

/* Calls native[fn]() when the array native[queue] holds anything: most
 * calls queue no job and reject nothing. native is on top of the stack. */
static void call_if_not_empty(duk_context *ctx, const char *queue, const char *fn)
{
    duk_get_prop_string(ctx, -1, queue);
    int pending = duk_get_length(ctx, -1) > 0;
    duk_pop(ctx);
    if (pending) {
        duk_get_prop_string(ctx, -1, fn);
        duk_call(ctx, 0);
        duk_pop(ctx);
    }
}

static duk_ret_t call_native_safe(duk_context *ctx, void *udata)
{
    struct native_call *c = udata;
    struct fcw_engine *e = fcw_engine_of(ctx);
    fcw_engine_push_native(e);
    duk_get_prop_string(ctx, -1, c->name);
    duk_insert(ctx, -(c->nargs + 2));
    duk_pop(ctx);
    duk_call(ctx, c->nargs);
    duk_pop(ctx);
    fcw_engine_push_native(e);
    call_if_not_empty(ctx, "jobQueue", "drainJobs");
    call_if_not_empty(ctx, "unhandledRejections", "reportUnhandledRejections");
    duk_pop(ctx);
    return 0;
}

/* Logs the value at idx as native.errorText renders it (the stack, mapped
 * to original sources when the script has a source map). */
static void log_js_error(struct fcw_engine *e, duk_idx_t idx, const char *what)
{
    duk_context *ctx = e->ctx;
    idx = duk_normalize_index(ctx, idx);
    fcw_engine_push_native(e);
    duk_get_prop_literal(ctx, -1, "errorText");
    duk_dup(ctx, idx);
    if (duk_pcall(ctx, 1) != DUK_EXEC_SUCCESS) {
        duk_pop(ctx);
        duk_dup(ctx, idx);
    }
    fcw_engine_log(e, FCW_LOG_ERROR, "%s: %s", what, duk_safe_to_string(ctx, -1));
    duk_pop_2(ctx);
}

/* Duktape's voluntary collection counts allocations, not bytes, and comes
 * about once per 50 allocations per live object (a million for the runtime
 * alone): in between, cyclic garbage (every closure with its prototype,
 * promise chains, dead stream chunks held by settled promises) piles up,
 * and the pages it filled stay resident once it is freed. So between
 * macrotasks, and for each response chunk (a stream produced and consumed
 * in microtasks alone never reaches the end of a macrotask), a heap that
 * grew by as much as was alive after our last collection (at least 1 MB,
 * at most 8 MB or a quarter of the limit) is collected. A collection costs
 * time in proportion to what is alive (~0.4 ms for the runtime's 1.2 MB),
 * so its cost per byte allocated stays bounded whatever the heap's size.
 * With a fixed 8 MB step, a child making one fetch() per request kept
 * 10 MB of heap; with this, 3 MB. */
#define ENGINE_GC_STEP_MIN ((size_t) 1 << 20)
#define ENGINE_GC_STEP_MAX ((size_t) 8 << 20)

void fcw_engine_collect_if_grown(struct fcw_engine *e)
{
    size_t step = e->mem_after_gc;
    if (step < ENGINE_GC_STEP_MIN) {
        step = ENGINE_GC_STEP_MIN;
    } else if (step > ENGINE_GC_STEP_MAX) {
        step = ENGINE_GC_STEP_MAX;
    }
    if (e->limits.memory_bytes && e->limits.memory_bytes / 4 < step) {
        step = e->limits.memory_bytes / 4;
    }
    if (e->mem_used > e->mem_after_gc + step) {
        duk_gc(e->ctx, 0);
        e->mem_after_gc = e->mem_used;
    } else if (e->mem_used < e->mem_after_gc) {
        e->mem_after_gc = e->mem_used;
    }
}

int fcw_engine_call_native(struct fcw_engine *engine, const char *name, duk_idx_t nargs, const char *what)
{
    duk_context *ctx = engine->ctx;
    if (engine->interrupt != ENGINE_RUNNING) {
        duk_pop_n(ctx, nargs);
        return -1;
    }
    struct native_call c = { name, nargs };
    duk_int_t rc = duk_safe_call(ctx, call_native_safe, &c, nargs, 1);
    fcw_engine_out_of_memory(engine);
    fcw_engine_collect_if_grown(engine);
    int ret = 0;
    if (rc != DUK_EXEC_SUCCESS) {
        if (engine->interrupt == ENGINE_RUNNING) {
            log_js_error(engine, -1, what);
        }
        ret = -1;
    }
    duk_pop(ctx);
    return engine->interrupt != ENGINE_RUNNING ? -1 : ret;
}

/* ---- heap setup ---- */

struct eval_source {
    const char *name;
    const char *text;
    size_t len;
};

/* Compiles and runs one runtime file: (function (global, native) {...}). */
static duk_ret_t eval_runtime_file(duk_context *ctx, void *udata)
{
    struct eval_source *src = udata;
    duk_push_literal(ctx, "(function (global, native) {");
    duk_push_lstring(ctx, src->text, src->len);
    duk_push_literal(ctx, "\n})");
    duk_concat(ctx, 3);
    duk_push_string(ctx, src->name);
    duk_compile(ctx, DUK_COMPILE_EVAL);
    duk_call(ctx, 0);
    duk_push_global_object(ctx);
    duk_push_heap_stash(ctx);
    duk_get_prop_literal(ctx, -1, "native");
    duk_remove(ctx, -2);
    duk_call(ctx, 2);
    return 0;
}

static void error_text(duk_context *ctx, const char *file, char *err, size_t errlen);

static int load_runtime(struct fcw_engine *e, char *err, size_t errlen)
{
    duk_context *ctx = e->ctx;
    duk_push_heap_stash(ctx);
    duk_push_pointer(ctx, e);
    duk_put_prop_literal(ctx, -2, "engine");
    duk_push_object(ctx);
    duk_idx_t native_idx = duk_get_top_index(ctx);
    duk_push_c_function(ctx, native_log, 2);
    duk_put_prop_literal(ctx, native_idx, "log");
    fcw_api_timers_init(ctx, native_idx);
    fcw_api_bytes_init(ctx, native_idx);
    fcw_http_init(ctx, native_idx);
    fcw_api_url_init(ctx, native_idx);
    fcw_api_crypto_init(ctx, native_idx);
    fcw_api_regexp_init(ctx, native_idx);
    fcw_api_builtins_init(ctx, native_idx);
    fcw_api_intl_init(ctx, native_idx);
    fcw_api_bigint_init(ctx, native_idx);
    fcw_api_compression_init(ctx, native_idx);
    fcw_api_fetch_init(ctx, native_idx);
    fcw_api_kv_init(ctx, native_idx);
    fcw_api_d1_init(ctx, native_idx);
    fcw_api_assets_init(ctx, native_idx);
    fcw_api_fcgi_init(ctx, native_idx);
    fcw_api_htmlrewriter_init(ctx, native_idx);
    fcw_api_cache_init(ctx, native_idx);
    fcw_api_encoding_init(ctx, native_idx);
    duk_put_prop_literal(ctx, -2, "native");
    duk_pop(ctx);

    for (size_t i = 0; i < fcw_js_nsources; i++) {
        struct eval_source src = { fcw_js_sources[i].name, fcw_js_sources[i].text, fcw_js_sources[i].len };
        if (duk_safe_call(ctx, eval_runtime_file, &src, 0, 1) != DUK_EXEC_SUCCESS) {
            error_text(ctx, src.name, err, errlen);
            duk_pop(ctx);
            return -1;
        }
        duk_pop(ctx);
    }
    /* Engine internals are not for scripts: Duktape.fin would let one
     * tenant's finalizer run inside another's request in root mode, and
     * Duktape.act/gc/compact reach below the runtime. The runtime files
     * took what they use before this point. */
    duk_push_global_object(ctx);
    duk_del_prop_literal(ctx, -1, "Duktape");
    duk_pop(ctx);
    return 0;
}

struct fcw_engine *fcw_engine_new(const struct fcw_engine_config *config, char *err, size_t errlen)
{
    struct fcw_engine *e = calloc(1, sizeof(*e));
    if (e == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    seed_random(e);
    e->loop = fcw_loop_new(e);
    e->ctx = duk_create_heap(engine_alloc, engine_realloc, engine_free, e, fcw_engine_fatal);
    if (e->loop == NULL || e->ctx == NULL) {
        snprintf(err, errlen, "failed to create the JavaScript heap");
        fcw_engine_free(e);
        return NULL;
    }
    e->log = config->log;
    e->log_data = config->log_data;
    if (load_runtime(e, err, errlen) < 0) {
        fcw_engine_free(e);
        return NULL;
    }
    /* Compiling the runtime leaves cyclic garbage behind (each file's
     * wrapper function and its bytecode, ~200 KB): collect it here, before
     * the master forks children off a preloaded engine, rather than in each
     * child. The collection policy starts from what is alive. (Not
     * DUK_GC_COMPACT: it saved nothing measurable and made each request
     * ~2% slower.) */
    duk_gc(e->ctx, 0);
    e->mem_after_gc = e->mem_used;
    fcw_engine_configure(e, config);
    return e;
}

void fcw_engine_configure(struct fcw_engine *e, const struct fcw_engine_config *config)
{
    e->limits = config->limits;
    e->log = config->log;
    e->log_data = config->log_data;
    e->abandon = config->abandon;
    e->abandon_data = config->abandon_data;
    /* env: the pool's bindings, as strings */
    duk_context *ctx = e->ctx;
    fcw_engine_push_native(e);
    duk_push_object(ctx);
    for (size_t i = 0; i < config->nvars; i++) {
        duk_push_string(ctx, config->vars[2 * i + 1]);
        duk_put_prop_string(ctx, -2, config->vars[2 * i]);
    }
    duk_put_prop_literal(ctx, -2, "env");
    duk_pop(ctx);
    fcw_bindings_install(e, config);
    fcw_cache_configure(config->cache_path, config->cache_max_size);
}

void fcw_engine_free(struct fcw_engine *engine)
{
    if (engine == NULL) {
        return;
    }
    fcw_fetch_free(engine);
    fcw_api_regexp_free(engine);
    if (engine->ctx != NULL) {
        duk_destroy_heap(engine->ctx);
    }
    fcw_loop_free(engine->loop);
    free(engine);
}

/* ---- limits around a request ---- */

/* SIGXCPU from the CPU-time alarm (signal context): the script stops at its
 * next instruction. */
static void cpu_alarm(void *data)
{
    struct fcw_engine *e = data;
    fcw_duk_request_interrupt(e->ctx);
}

static void arm_limits(struct fcw_engine *e, unsigned cpu_ms, unsigned wall_ms)
{
    e->interrupt = ENGINE_RUNNING;
    e->oom_failures = 0;
    double now = fcw_loop_now();
    e->cpu_deadline = cpu_ms ? cpu_now_ms() + cpu_ms : 0;
    e->cpu_check_after = now + cpu_ms;
    e->wall_deadline = wall_ms ? now + wall_ms : 0;
    e->limits_armed = 1;
    if (cpu_ms) {
        fcw_cputimer_arm(cpu_ms, cpu_alarm, e);
    }
}

static void disarm_limits(struct fcw_engine *e)
{
    if (e->cpu_deadline > 0) {
        fcw_cputimer_disarm();
    }
    e->limits_armed = 0;
    e->interrupt = ENGINE_RUNNING;
    e->cpu_deadline = e->wall_deadline = 0;
}

void fcw_engine_begin_request(struct fcw_engine *engine, unsigned long id, const char *log_context)
{
    engine->request_id = id;
    snprintf(engine->log_context, sizeof(engine->log_context), "%s", log_context ? log_context : "");
    arm_limits(engine, engine->limits.cpu_ms, engine->limits.wall_ms);
    engine->in_request = 1;
}

void fcw_engine_mark_dirty(struct fcw_engine *engine)
{
    engine->request_dirty = 1;
}

void fcw_engine_end_request(struct fcw_engine *engine)
{
    int dirty = engine->request_dirty || engine->interrupt != ENGINE_RUNNING;
    disarm_limits(engine);
    engine->in_request = 0;
    engine->request_dirty = 0;
    fcw_loop_clear_timers(engine->loop);
    /* most requests start no timer or transfer: skip the call into JS */
    if (dirty) {
        fcw_engine_call_native(engine, "resetRequest", 0, "resetting request state");
    }
    engine->log_context[0] = '\0';
}

/* ---- loading scripts ---- */

/* "file:line: message" from the error on top of the stack: the line of the
 * innermost stack frame in `file`, else the error's own lineNumber. */
static void error_text(duk_context *ctx, const char *file, char *err, size_t errlen)
{
    long line = 0;
    const char *msg;
    if (duk_is_error(ctx, -1)) {
        duk_get_prop_literal(ctx, -1, "stack");
        const char *stack = duk_get_string(ctx, -1);
        size_t flen = strlen(file);
        for (const char *p = stack; p && (p = strstr(p, file)) != NULL; p += flen) {
            if (p[flen] == ':') {
                line = strtol(p + flen + 1, NULL, 10);
                break;
            }
        }
        duk_pop(ctx);
        if (line == 0) {
            duk_get_prop_literal(ctx, -1, "lineNumber");
            line = (long) duk_get_int_default(ctx, -1, 0);
            duk_pop(ctx);
        }
        duk_get_prop_literal(ctx, -1, "name");
        duk_get_prop_literal(ctx, -2, "message");
        snprintf(err, errlen, "%s:%ld: %s: %s", file, line, duk_safe_to_string(ctx, -2),
                 duk_safe_to_string(ctx, -1));
        duk_pop_2(ctx);
        return;
    }
    msg = duk_safe_to_string(ctx, -1);
    snprintf(err, errlen, "%s: uncaught: %s", file, msg);
}

static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (buf == NULL || failed) {
        snprintf(err, errlen, "%s: cannot read: %s", path, failed ? strerror(errno) : "out of memory");
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Rewrites a worker script for loading, keeping every line where it was: a
 * leading "#!" line becomes a comment, and a statement starting a line with
 * "export default" assigns the module's default export (*is_module is then
 * set). Any other export form is refused with its line. Returns a new
 * buffer (its length in *outlen) or NULL with err set. */
static char *rewrite_exports(const char *path, const char *src, size_t len, size_t *outlen, int *is_module,
                             char *err, size_t errlen)
{
    static const char replacement[] = "exports.default=";
    size_t cap = len + 64, n = 0;
    char *out = malloc(cap);
    long line = 1;
    size_t i = 0;
    if (out == NULL) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    if (len >= 2 && src[0] == '#' && src[1] == '!') {
        out[n++] = '/';
        out[n++] = '/';
        i = 2;
    }
    for (; i < len; i++) {
        if (i == 0 || src[i - 1] == '\n') {
            size_t j = i;
            while (j < len && (src[j] == ' ' || src[j] == '\t')) {
                j++;
            }
            if (len - j >= 7 && memcmp(src + j, "export", 6) == 0 &&
                (src[j + 6] == ' ' || src[j + 6] == '\t' || src[j + 6] == '{' || src[j + 6] == '*')) {
                size_t k = j + 6;
                while (k < len && (src[k] == ' ' || src[k] == '\t')) {
                    k++;
                }
                if (len - k < 7 || memcmp(src + k, "default", 7) != 0) {
                    snprintf(err, errlen,
                             "%s:%ld: only 'export default' is supported in a script; "
                             "bundle ES modules with fcworker-build",
                             path, line);
                    free(out);
                    return NULL;
                }
                if (n + (j - i) + sizeof(replacement) + 1 > cap) {
                    cap = cap * 2 + sizeof(replacement);
                    char *nb = realloc(out, cap);
                    if (nb == NULL) {
                        free(out);
                        snprintf(err, errlen, "%s: out of memory", path);
                        return NULL;
                    }
                    out = nb;
                }
                memcpy(out + n, src + i, j - i);
                n += j - i;
                *is_module = 1;
                memcpy(out + n, replacement, sizeof(replacement) - 1);
                n += sizeof(replacement) - 1;
                i = k + 7;
                if (i >= len) {
                    break;
                }
            }
        }
        if (src[i] == '\n') {
            line++;
        }
        if (n + 1 > cap) {
            cap *= 2;
            char *nb = realloc(out, cap);
            if (nb == NULL) {
                free(out);
                snprintf(err, errlen, "%s: out of memory", path);
                return NULL;
            }
            out = nb;
        }
        out[n++] = src[i];
    }
    *outlen = n;
    return out;
}

struct script_source {
    const char *path;
    const char *text;
    size_t len;
    int as_module;
};

/* A script with `export default` runs as a module: (function (exports)
 * {...}) called with a fresh exports object, then handed to
 * native.setExports, so its top-level names stay private. Any other
 * script (a classic service worker, a test) runs as global code: its
 * top-level `var` and function declarations become properties of the
 * global object, as in a browser's worker. */
static duk_ret_t eval_script(duk_context *ctx, void *udata)
{
    struct script_source *s = udata;
    struct fcw_engine *e = fcw_engine_of(ctx);
    if (s->as_module) {
        duk_push_literal(ctx, "(function (exports) {");
        duk_push_lstring(ctx, s->text, s->len);
        duk_push_literal(ctx, "\n})");
        duk_concat(ctx, 3);
        duk_push_string(ctx, s->path);
        duk_compile(ctx, DUK_COMPILE_EVAL);
        duk_call(ctx, 0);
        duk_push_object(ctx);
        duk_dup_top(ctx);
        duk_insert(ctx, -3);
        duk_call(ctx, 1);
        duk_pop(ctx);
        fcw_engine_push_native(e);
        duk_get_prop_literal(ctx, -1, "setExports");
        duk_dup(ctx, -3);
        duk_call(ctx, 1);
        duk_pop_2(ctx);
    } else {
        duk_push_lstring(ctx, s->text, s->len);
        duk_push_string(ctx, s->path);
        duk_compile(ctx, 0);
        duk_call(ctx, 0);
    }
    duk_pop(ctx);
    fcw_engine_push_native(e);
    duk_get_prop_literal(ctx, -1, "drainJobs");
    duk_call(ctx, 0);
    duk_pop_2(ctx);
    return 0;
}

/* Evaluates a script's text (path names it in errors and stacks). */
static int eval_text(struct fcw_engine *e, const char *path, const char *raw, size_t len, int as_module, char *err,
                     size_t errlen)
{
    size_t tlen = 0;
    int is_module = 0;
    char *text = rewrite_exports(path, raw, len, &tlen, &is_module, err, errlen);
    if (text == NULL) {
        return -1;
    }
    struct script_source s = { path, text, tlen, as_module && is_module };
    /* Top-level code runs under the request limits, so that a script that
     * loops at load time is refused instead of hanging the pool. */
    arm_limits(e, e->limits.cpu_ms ? e->limits.cpu_ms * 10 : 0, e->limits.wall_ms);
    duk_int_t rc = duk_safe_call(e->ctx, eval_script, &s, 0, 1);
    enum engine_interrupt why = e->interrupt;
    disarm_limits(e);
    free(text);
    if (rc != DUK_EXEC_SUCCESS) {
        if (why != ENGINE_RUNNING) {
            snprintf(err, errlen, "%s: top-level code exceeded the %s limit", path,
                     why == ENGINE_MEMORY_LIMIT ? "memory" : why == ENGINE_CPU_LIMIT ? "CPU" : "wall time");
        } else {
            error_text(e->ctx, path, err, errlen);
        }
        duk_pop(e->ctx);
        return -1;
    }
    duk_pop(e->ctx);
    return 0;
}

static int eval_path(struct fcw_engine *e, const char *path, int as_module, char *err, size_t errlen)
{
    size_t len = 0;
    char *raw = read_file(path, &len, err, errlen);
    if (raw == NULL) {
        return -1;
    }
    int rc = eval_text(e, path, raw, len, as_module, err, errlen);
    free(raw);
    return rc;
}

/* ---- source maps: a script ending with "//# sourceMappingURL=FILE" whose
 * FILE lies beside it has the map registered with the runtime
 * (native.registerSourceMap in js/15-sourcemap.js), which rewrites stack
 * traces in the log to the original sources. A missing map is ignored; a
 * bad one is logged as a warning. ---- */

struct source_map {
    const char *script;
    const char *text;
    size_t len;
};

/* The FILE of the last "//# sourceMappingURL=FILE" line of text when it
 * names a file in the same folder, copied to name; 0 when there is none. */
static int source_map_name(const char *text, size_t len, char *name, size_t namelen)
{
    static const char tag[] = "//# sourceMappingURL=";
    const char *found = NULL;
    for (const char *p = text; (size_t) (p - text) < len;) {
        const char *nl = memchr(p, '\n', len - (size_t) (p - text));
        size_t linelen = nl ? (size_t) (nl - p) : len - (size_t) (p - text);
        if (linelen > sizeof(tag) - 1 && memcmp(p, tag, sizeof(tag) - 1) == 0) {
            found = p;
        }
        p += linelen + 1;
    }
    if (found == NULL) {
        return 0;
    }
    found += sizeof(tag) - 1;
    size_t n = 0;
    while (found + n < text + len && strchr("\r\n \t/", found[n]) == NULL && found[n] != '\0') {
        n++;
    }
    if (n == 0 || n >= namelen || (found + n < text + len && found[n] == '/')) {
        return 0;
    }
    memcpy(name, found, n);
    name[n] = '\0';
    return 1;
}

static duk_ret_t register_source_map_safe(duk_context *ctx, void *udata)
{
    struct source_map *m = udata;
    fcw_engine_push_native(fcw_engine_of(ctx));
    duk_get_prop_literal(ctx, -1, "registerSourceMap");
    duk_push_string(ctx, m->script);
    duk_push_lstring(ctx, m->text, m->len);
    duk_call(ctx, 2);
    duk_pop_2(ctx);
    return 0;
}

static void register_source_map(struct fcw_engine *e, const char *path, const char *script, size_t script_len)
{
    char err[256], name[256], map_path[4096];
    size_t len = 0;
    int found = source_map_name(script, script_len, name, sizeof(name));
    const char *slash = strrchr(path, '/');
    int dlen = slash ? (int) (slash - path) + 1 : 0;
    if (!found || snprintf(map_path, sizeof(map_path), "%.*s%s", dlen, path, name) >= (int) sizeof(map_path)) {
        return;
    }
    char *map = read_file(map_path, &len, err, sizeof(err));
    if (map == NULL) {
        return;
    }
    struct source_map m = { path, map, len };
    if (duk_safe_call(e->ctx, register_source_map_safe, &m, 0, 1) != DUK_EXEC_SUCCESS) {
        fcw_engine_log(e, FCW_LOG_WARNING, "%s: source map ignored: %s", map_path, duk_safe_to_string(e->ctx, -1));
    }
    duk_pop(e->ctx);
    free(map);
}

int fcw_engine_load_source(struct fcw_engine *engine, const char *path, const char *text, size_t len, char *err,
                           size_t errlen)
{
    if (eval_text(engine, path, text, len, 1, err, errlen) < 0) {
        return -1;
    }
    duk_context *ctx = engine->ctx;
    fcw_engine_push_native(engine);
    duk_get_prop_literal(ctx, -1, "hasHandler");
    duk_call(ctx, 0);
    int ok = duk_to_boolean(ctx, -1);
    duk_pop_2(ctx);
    if (!ok) {
        snprintf(err, errlen,
                 "%s: no fetch handler: use 'export default { fetch(request, env, ctx) { ... } }' "
                 "or addEventListener('fetch', ...) (or a scheduled handler, or static assets)",
                 path);
        return -1;
    }
    register_source_map(engine, path, text, len);
    return 0;
}

int fcw_engine_load(struct fcw_engine *engine, const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *text = read_file(path, &len, err, errlen);
    if (text == NULL) {
        return -1;
    }
    int rc = fcw_engine_load_source(engine, path, text, len, err, errlen);
    free(text);
    return rc;
}

int fcw_engine_eval_file(struct fcw_engine *engine, const char *path, char *err, size_t errlen)
{
    return eval_path(engine, path, 0, err, errlen);
}

int fcw_engine_run_loop(struct fcw_engine *engine, unsigned wall_ms)
{
    arm_limits(engine, engine->limits.cpu_ms, wall_ms);
    int rc = 0;
    while (rc >= 0 && engine->interrupt == ENGINE_RUNNING) {
        double left = engine->wall_deadline - fcw_loop_now();
        if (left <= 0) {
            break;
        }
        rc = fcw_loop_run_once(engine->loop, (int) left + 1);
    }
    int ok = rc < 0 && engine->interrupt == ENGINE_RUNNING;
    disarm_limits(engine);
    return ok ? 0 : -1;
}
