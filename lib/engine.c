/* SPDX-License-Identifier: MIT */
/*
 * The engine: one Duktape heap, the `native` object its modules fill in
 * (through the table it is made with: it names no module), and the limits
 * that bound what a request may use. Loading JavaScript into it is
 * lib/script.c's; a request's response is lib/respond.c's, which the
 * engine only points to while the request runs. Heap
 * memory goes through a counting allocator (limits.memory_bytes); CPU and
 * wall time are checked by Duktape's exec-timeout hook, which keeps
 * answering "stop" until the outermost protected call has returned, so a
 * script cannot catch its way past a limit. Every entry into JavaScript is a
 * protected call that drains the microtask queue before it returns. The
 * collection policy (fcw_engine_collect_if_grown) is here too. Uses only
 * leaves of lib/ (the loop, the allocator, the CPU timer).
 */
#include "config.h"

#include "engine.h"

#include "cputimer.h"
#include "duk_hooks.h"
#include "profile.h"
#include "alloc.h"
#include "text.h"

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
/* Appends in place (engine_alloc): the smallest buffer that may be one,
 * and the room an append in place leaves under the memory limit for the
 * rest of its `+` (the new string's header, the string table's growth),
 * which must not fail while the old string has lost its NUL. */
#define ENGINE_APPEND_MIN 1024
#define ENGINE_APPEND_MARGIN ((size_t)1 << 20)

struct fcw_engine {
    duk_context *ctx;
    void *native;                  /* the `native` object (kept in the heap stash) */
    void *slots[FCW_ENGINE_SLOTS]; /* fcw_engine_slot */
    struct fcw_loop *loop;
    struct fcw_limits limits;
    fcw_log_cb log;
    void *log_data;
    void (*abandon)(void *data);
    void *abandon_data;
    const struct fcw_module *const *modules;
    size_t nmodules; /* those whose init ran */
    void *response;  /* the response in flight (lib/respond.c), or NULL */
    void (*abandon_response)(void *response);

    size_t mem_used;
    size_t mem_after_gc; /* heap size after the last collection we ran */
    unsigned oom_failures;
    int exhausted;

    int limits_armed;
    int in_request;
    int request_dirty; /* the request left timers, transfers or jobs behind */
    double wall_deadline;
    unsigned cpu_ms;        /* the CPU limit armed, 0: none */
    double cpu_deadline;    /* by the CPU clock, when the alarm has no timer (0: read off the timer) */
    double cpu_check_after; /* wall clock before which the CPU limit cannot be reached */
    enum engine_interrupt interrupt;
    char log_context[256];
    unsigned long request_id;

    uint64_t rng[2];
    pid_t rng_pid; /* the process the seed was drawn in */
};

static const char *const level_names[] = {"error", "warning", "notice", "info", "debug"};

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
    if (size >= ENGINE_APPEND_MIN && e->ctx != NULL) {
        /* an append whose old string dies with it (`s += t`, lib/duk_hooks.c):
         * its block, when it has room (counted already), else one with room */
        size_t room;
        void *block = fcw_duk_append_plan(e->ctx, size, &room);
        if (block != NULL && !fcw_alloc_shared(block) && fcw_alloc_size(block) >= size &&
            (!e->limits.memory_bytes || e->mem_used + ENGINE_APPEND_MARGIN <= e->limits.memory_bytes) &&
            fcw_alloc_share(block)) {
            return block;
        }
        if (room > size && (!e->limits.memory_bytes || e->mem_used + room <= e->limits.memory_bytes)) {
            size = room;
        }
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
    /* (a shared block, which no owner resizes, stays counted until its
     * other owner frees it) */
    size_t old = ptr && !fcw_alloc_shared(ptr) ? fcw_alloc_size(ptr) : 0;
    if (size == 0) {
        e->mem_used -= fcw_alloc_free(ptr);
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
    e->mem_used -= fcw_alloc_free(ptr);
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

/* native.mapStack(text) (js/15-sourcemap.js, loaded with the first source
 * map: until then the text stays) on the text on the stack. */
static duk_ret_t map_stack_safe(duk_context *ctx, void *udata)
{
    (void)udata;
    fcw_engine_push_native(ctx);
    duk_get_prop_literal(ctx, -1, "mapStack");
    duk_remove(ctx, -2);
    if (!duk_is_function(ctx, -1)) {
        duk_pop(ctx);
        return 1;
    }
    duk_swap(ctx, -1, -2);
    duk_call(ctx, 1);
    return 1;
}

/* A profile's stack with the lines of built scripts mapped to their
 * sources, or NULL (nothing to map, or the engine cannot run now). */
static char *profile_map(void *data, const char *stack)
{
    struct fcw_engine *e = data;
    if (e->ctx == NULL || e->interrupt != ENGINE_RUNNING) {
        return NULL;
    }
    duk_push_string(e->ctx, stack);
    char *out = NULL;
    if (duk_safe_call(e->ctx, map_stack_safe, NULL, 1, 1) == DUK_EXEC_SUCCESS && duk_is_string(e->ctx, -1) &&
        strcmp(duk_get_string(e->ctx, -1), stack) != 0) {
        out = strdup(duk_get_string(e->ctx, -1));
    }
    duk_pop(e->ctx);
    return out;
}

/* FCW_PROFILE's file of this process (lib/profile.c), a failure logged;
 * with map, the lines of built scripts mapped to their sources. */
static void profile_write(struct fcw_engine *e, int map)
{
    char path[4096];
    if (fcw_profile_write(path, sizeof(path), map ? profile_map : NULL, e) < 0) {
        fcw_engine_log(e, FCW_LOG_WARNING, "FCW_PROFILE: cannot write %s: %s", path, strerror(errno));
    }
}

void fcw_engine_profile_flush(struct fcw_engine *engine)
{
    profile_write(engine, 1);
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
    if (e->response != NULL && e->abandon_response != NULL) {
        e->abandon_response(e->response);
    }
    profile_write(e, 0); /* no JavaScript now: out of memory */
    e->abandon(e->abandon_data);
    abort();
}

/* ---- hooks named in the generated duk_config.h ---- */

static double cpu_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int fcw_engine_timeout_check(void *udata)
{
    struct fcw_engine *e = udata;
    if (e == NULL) {
        return 0;
    }
    if (fcw_profile_pending) {
        fcw_profile_sample(e->ctx);
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
    if (fcw_cputimer_expired && e->cpu_ms > 0) {
        e->interrupt = ENGINE_CPU_LIMIT;
        return 1;
    }
    /* Duktape checks on every entry from C: a thread uses no more CPU time
     * than wall time, so read the CPU time used (a system call) only once
     * as much wall time as the CPU limit has passed since the limits were
     * armed; off the alarm's timer (lib/cputimer.c), or the CPU clock when
     * there is none */
    double now = fcw_loop_now();
    if (e->cpu_ms > 0 && now >= e->cpu_check_after) {
        double used;
        if (e->cpu_deadline > 0 ? cpu_now_ms() > e->cpu_deadline
                                : fcw_cputimer_used_ms(&used) == 0 && used >= (double)e->cpu_ms) {
            e->interrupt = ENGINE_CPU_LIMIT;
            return 1;
        }
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
    return (double)((e->rng[1] + s0) >> 11) / 9007199254740992.0;
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
    if (got != (ssize_t)sizeof(e->rng)) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        e->rng[0] = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)getpid();
        e->rng[1] = (uint64_t)ts.tv_sec * 0xBF58476D1CE4E5B9ull ^ (uint64_t)(uintptr_t)e;
    }
    if (e->rng[0] == 0 && e->rng[1] == 0) {
        e->rng[1] = 1;
    }
    e->rng_pid = getpid();
}

/* ---- accessors and logging ---- */

struct fcw_engine *fcw_engine_of(duk_context *ctx)
{
    return fcw_duk_heap_udata(ctx);
}

void fcw_engine_set_slot(struct fcw_engine *engine, enum fcw_engine_slot slot, void *p)
{
    engine->slots[slot] = p;
}

void *fcw_engine_slot(const struct fcw_engine *engine, enum fcw_engine_slot slot)
{
    return engine->slots[slot];
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
    if (engine->interrupt == ENGINE_RUNNING && engine->limits_armed && engine->cpu_ms > 0 && fcw_cputimer_expired) {
        engine->interrupt = ENGINE_CPU_LIMIT;
    }
    if (engine->interrupt == ENGINE_RUNNING && engine->wall_deadline > 0 && fcw_loop_now() >= engine->wall_deadline) {
        engine->interrupt = ENGINE_WALL_LIMIT;
    }
    return engine->interrupt != ENGINE_RUNNING;
}

void fcw_engine_log(struct fcw_engine *engine, int level, const char *fmt, ...)
{
    if (engine->log == NULL) {
        return;
    }
    /* whole: a message longer than the buffer is formatted again into one
     * of its size */
    char buf[2048], *msg = buf;
    int off = 0;
    if (engine->log_context[0] != '\0') {
        off = snprintf(buf, sizeof(buf), "request %lu \"%s\": ", engine->request_id, engine->log_context);
        if (off < 0 || (size_t)off >= sizeof(buf)) {
            off = 0;
        }
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + off, sizeof(buf) - (size_t)off, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)(off + n) >= sizeof(buf) && (msg = malloc((size_t)(off + n) + 1)) != NULL) {
        memcpy(msg, buf, (size_t)off);
        va_start(ap, fmt);
        vsnprintf(msg + off, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    engine->log(engine->log_data, level, msg ? msg : buf);
    if (msg != buf) {
        free(msg);
    }
}

static duk_ret_t native_log(duk_context *ctx)
{
    const char *level = duk_require_string(ctx, 0);
    duk_size_t len;
    const char *msg = duk_safe_to_lstring(ctx, 1, &len);
    if (memchr(msg, 0xED, len) != NULL) {
        /* Duktape keeps a character above U+FFFF as a CESU-8 surrogate
         * pair: the log gets UTF-8 */
        char *utf8 = duk_push_fixed_buffer(ctx, len * 3 + 1);
        utf8[fcw_text_to_scalar_utf8(msg, len, utf8)] = '\0';
        msg = utf8;
    }
    int lv = FCW_LOG_INFO;
    for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
        if (strcmp(level, level_names[i]) == 0) {
            lv = (int)i;
        }
    }
    /* native.log(level, msg, true): a line of the script's console */
    fcw_engine_log(fcw_engine_of(ctx), lv | (duk_to_boolean(ctx, 2) ? FCW_LOG_CONSOLE : 0), "%s", msg);
    return 0;
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

/* ---- protected calls ---- */

void fcw_engine_push_native(duk_context *ctx)
{
    duk_push_heapptr(ctx, fcw_engine_of(ctx)->native);
}

struct native_call {
    const char *name;
    duk_idx_t nargs;
};

/* Calls native[fn]() when the array native[queue] holds anything: most
 * calls queue no job and reject nothing. native is on top of the stack. */
/* native.drainJobs(): runs the queued jobs (pairs of a function and its
 * argument in native.jobQueue, js/00-core.js), those queued meanwhile
 * included, until none is left, then empties the queue. An exception in a
 * job goes to native.reportUncaught(e, what) and the others run; a limit
 * that ended the request (an interrupt) stops the loop. In C, a job costs
 * about a third of what the JavaScript loop's reads and writes of its
 * file-level names did. */
static duk_ret_t native_drain_jobs(duk_context *ctx)
{
    struct fcw_engine *e = fcw_engine_of(ctx);
    duk_uarridx_t head;

    fcw_engine_push_native(ctx);              /* 0 */
    duk_get_prop_literal(ctx, 0, "jobQueue"); /* 1 */
    if (!duk_is_array(ctx, 1)) {
        return 0;
    }
    for (head = 0;; head += 2) {
        int taken = fcw_duk_take_pair(ctx, 1, head); /* in place, as the slower writes below */
        if (taken == 0) {
            break;
        }
        if (taken < 0) {
            if (head + 1 >= (duk_uarridx_t)duk_get_length(ctx, 1)) {
                break;
            }
            duk_get_prop_index(ctx, 1, head);
            duk_get_prop_index(ctx, 1, head + 1);
            duk_push_undefined(ctx);
            duk_put_prop_index(ctx, 1, head);
            duk_push_undefined(ctx);
            duk_put_prop_index(ctx, 1, head + 1);
        }
        if (duk_pcall(ctx, 1) != DUK_EXEC_SUCCESS) {
            if (e->interrupt != ENGINE_RUNNING) {
                return duk_throw(ctx);
            }
            duk_get_prop_literal(ctx, 0, "reportUncaught");
            duk_swap_top(ctx, -2);
            duk_push_literal(ctx, "uncaught exception in microtask");
            (void)duk_pcall(ctx, 2);
        }
        duk_pop(ctx);
    }
    duk_set_length(ctx, 1, 0);
    return 0;
}

/* native[fn]() when the array native[queue] (on top of the stack) holds
 * anything; the names as literals, looked up through Duktape's literal
 * cache rather than interned on every call */
#define CALL_IF_NOT_EMPTY(ctx, queue, fn)                                                                              \
    do {                                                                                                               \
        duk_get_prop_literal((ctx), -1, queue);                                                                        \
        int pending_ = duk_get_length((ctx), -1) > 0;                                                                  \
        duk_pop(ctx);                                                                                                  \
        if (pending_) {                                                                                                \
            duk_get_prop_literal((ctx), -1, fn);                                                                       \
            duk_call((ctx), 0);                                                                                        \
            duk_pop(ctx);                                                                                              \
        }                                                                                                              \
    } while (0)

static duk_ret_t call_native_safe(duk_context *ctx, void *udata)
{
    struct native_call *c = udata;
    fcw_engine_push_native(ctx);
    duk_get_prop_string(ctx, -1, c->name);
    duk_insert(ctx, -(c->nargs + 2));
    duk_pop(ctx);
    duk_call(ctx, c->nargs);
    duk_pop(ctx);
    fcw_engine_push_native(ctx);
    CALL_IF_NOT_EMPTY(ctx, "jobQueue", "drainJobs");
    CALL_IF_NOT_EMPTY(ctx, "unhandledRejections", "reportUnhandledRejections");
    duk_pop(ctx);
    return 0;
}

/* Logs the value at idx as native.errorText renders it (the stack, mapped
 * to original sources when the script has a source map). */
static void log_js_error(struct fcw_engine *e, duk_idx_t idx, const char *what)
{
    duk_context *ctx = e->ctx;
    idx = duk_normalize_index(ctx, idx);
    fcw_engine_push_native(ctx);
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
#define ENGINE_GC_STEP_MIN ((size_t)1 << 20)
#define ENGINE_GC_STEP_MAX ((size_t)8 << 20)

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
        fcw_engine_collect(e);
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
    struct native_call c = {name, nargs};
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

struct fcw_engine *fcw_engine_create(const struct fcw_engine_config *config, const struct fcw_module *const *modules,
                                     size_t nmodules, char *err, size_t errlen)
{
    struct fcw_engine *e = calloc(1, sizeof(*e));
    if (e == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    seed_random(e);
    e->modules = modules;
    e->loop = fcw_loop_new(e);
    fcw_duk_extstr_setup(engine_alloc, fcw_alloc_share);
    e->ctx = duk_create_heap(engine_alloc, engine_realloc, engine_free, e, fcw_engine_fatal);
    if (e->loop == NULL || e->ctx == NULL) {
        snprintf(err, errlen, "failed to create the JavaScript heap");
        fcw_engine_free(e);
        return NULL;
    }
    e->log = config->log;
    e->log_data = config->log_data;
    duk_context *ctx = e->ctx;
    duk_push_heap_stash(ctx);
    duk_push_object(ctx);
    duk_idx_t native_idx = duk_get_top_index(ctx);
    duk_push_c_function(ctx, native_log, 3);
    duk_put_prop_literal(ctx, native_idx, "log");
    duk_push_c_function(ctx, native_drain_jobs, 0);
    duk_put_prop_literal(ctx, native_idx, "drainJobs");
    /* a module's cleanup may run (fcw_engine_free) once its init has */
    for (size_t i = 0; i < nmodules; i++) {
        modules[i]->init(ctx, native_idx);
        e->nmodules = i + 1;
    }
    e->native = duk_get_heapptr(ctx, native_idx); /* the stash keeps it */
    duk_put_prop_literal(ctx, -2, "native");
    duk_pop(ctx);
    return e;
}

void fcw_engine_collect(struct fcw_engine *e)
{
    duk_gc(e->ctx, 0);
    fcw_duk_weak_sweep(e->ctx);
    e->mem_after_gc = e->mem_used;
}

int fcw_engine_collect_idle(struct fcw_engine *e)
{
    if (e->mem_used < e->mem_after_gc + ENGINE_GC_STEP_MIN / 4) {
        return 0;
    }
    fcw_engine_collect(e);
    return 1;
}

void fcw_engine_collect_baseline(struct fcw_engine *e)
{
    e->mem_after_gc = e->mem_used;
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
    fcw_engine_push_native(ctx);
    duk_push_object(ctx);
    for (size_t i = 0; i < config->nvars; i++) {
        duk_push_string(ctx, config->vars[2 * i + 1]);
        duk_put_prop_string(ctx, -2, config->vars[2 * i]);
    }
    duk_put_prop_literal(ctx, -2, "env");
    duk_pop(ctx);
    for (size_t i = 0; i < e->nmodules; i++) {
        if (e->modules[i]->configure != NULL) {
            e->modules[i]->configure(e, config);
        }
    }
}

void fcw_engine_free(struct fcw_engine *engine)
{
    if (engine == NULL) {
        return;
    }
    profile_write(engine, 1);
    for (size_t i = engine->nmodules; i-- > 0;) {
        if (engine->modules[i]->cleanup != NULL) {
            engine->modules[i]->cleanup(engine);
        }
    }
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

void fcw_engine_arm_limits(struct fcw_engine *e, unsigned cpu_ms, unsigned wall_ms)
{
    e->interrupt = ENGINE_RUNNING;
    e->oom_failures = 0;
    double now = fcw_loop_now();
    e->cpu_ms = cpu_ms;
    e->cpu_deadline = 0;
    e->cpu_check_after = now + cpu_ms;
    e->wall_deadline = wall_ms ? now + wall_ms : 0;
    e->limits_armed = 1;
    if (cpu_ms && fcw_cputimer_arm(cpu_ms, cpu_alarm, e) < 0) {
        e->cpu_deadline = cpu_now_ms() + cpu_ms; /* no timer: the clock */
    }
}

void fcw_engine_disarm_limits(struct fcw_engine *e)
{
    if (e->cpu_ms > 0) {
        fcw_cputimer_disarm();
    }
    e->limits_armed = 0;
    e->interrupt = ENGINE_RUNNING;
    e->cpu_ms = 0;
    e->cpu_deadline = e->wall_deadline = 0;
}

void fcw_engine_begin_request(struct fcw_engine *engine, unsigned long id, const char *log_context)
{
    engine->request_id = id;
    fcw_copy_string(engine->log_context, sizeof(engine->log_context), log_context);
    fcw_engine_arm_limits(engine, engine->limits.cpu_ms, engine->limits.wall_ms);
    engine->in_request = 1;
    if (fcw_profile_begin(engine->ctx) < 0) {
        fcw_engine_log(engine, FCW_LOG_WARNING, "FCW_PROFILE: cannot start the profiling timer: %s", strerror(errno));
    }
}

void fcw_engine_attach_response(struct fcw_engine *engine, void *response, void (*abandon)(void *response))
{
    engine->response = response;
    engine->abandon_response = abandon;
}

void *fcw_engine_response(const struct fcw_engine *engine)
{
    return engine->response;
}

void fcw_engine_mark_dirty(struct fcw_engine *engine)
{
    engine->request_dirty = 1;
}

void fcw_engine_end_request(struct fcw_engine *engine)
{
    int dirty = engine->request_dirty || engine->interrupt != ENGINE_RUNNING;
    fcw_profile_end();
    fcw_engine_disarm_limits(engine);
    engine->in_request = 0;
    engine->request_dirty = 0;
    fcw_loop_clear_timers(engine->loop);
    /* most requests start no timer or transfer: skip the call into JS */
    if (dirty) {
        fcw_engine_call_native(engine, "resetRequest", 0, "resetting request state");
    }
    engine->log_context[0] = '\0';
}

int fcw_engine_run_loop(struct fcw_engine *engine, unsigned wall_ms)
{
    fcw_engine_arm_limits(engine, engine->limits.cpu_ms, wall_ms);
    int rc = 0;
    while (rc >= 0 && engine->interrupt == ENGINE_RUNNING) {
        double left = engine->wall_deadline - fcw_loop_now();
        if (left <= 0) {
            break;
        }
        rc = fcw_loop_run_once(engine->loop, (int)left + 1);
    }
    int ok = rc < 0 && engine->interrupt == ENGINE_RUNNING;
    fcw_engine_disarm_limits(engine);
    return ok ? 0 : -1;
}
