/* SPDX-License-Identifier: MIT */
/*
 * What the parts of libfcw share about an engine: its Duktape context, its
 * loop, logging with the request context, and running JavaScript inside a
 * protected call that drains the microtask queue afterwards, under the
 * request's limits. Internal to lib/ (and the tests of lib/).
 */
#ifndef FCW_ENGINE_H
#define FCW_ENGINE_H

#include "duktape.h"
#include "fcw.h"
#include "loop.h"

#include <stdarg.h>

enum engine_interrupt { ENGINE_RUNNING = 0, ENGINE_CPU_LIMIT, ENGINE_WALL_LIMIT, ENGINE_MEMORY_LIMIT };

/* The engine of a context (the heap's user data: no lookup). */
struct fcw_engine *fcw_engine_of(duk_context *ctx);
duk_context *fcw_engine_ctx(struct fcw_engine *engine);
/* Pointers the modules keep per engine and read on every request, where a
 * lookup in the heap stash would cost some 270 machine instructions. */
enum fcw_engine_slot { FCW_ENGINE_SLOT_FETCH, FCW_ENGINE_SLOT_REGEXP, FCW_ENGINE_SLOTS };
void fcw_engine_set_slot(struct fcw_engine *engine, enum fcw_engine_slot slot, void *p);
void *fcw_engine_slot(const struct fcw_engine *engine, enum fcw_engine_slot slot);
struct fcw_loop *fcw_engine_loop(struct fcw_engine *engine);
const struct fcw_limits *fcw_engine_limits(const struct fcw_engine *engine);

void fcw_engine_log(struct fcw_engine *engine, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Pushes bytes from the network (request or response headers, a method) as
 * a JavaScript string, one code point per byte (the Fetch standard's
 * isomorphic decode): bytes above 0x7F must not reach Duktape as raw UTF-8
 * (a leading 0x80-0x82 or 0xFF byte would even make a Duktape symbol). */
void fcw_engine_push_isomorphic(duk_context *ctx, const char *s);

/* Pushes the runtime's private `native` object onto ctx's stack (the
 * engine's own context or a coroutine's thread of its heap). */
void fcw_engine_push_native(duk_context *ctx);

/* Calls native[name](args...) with nargs values taken from the top of the
 * stack, in a protected call that then drains the microtask queue and
 * reports unhandled rejections. Pops the arguments. Returns 0, or -1 when
 * the call threw (logged, as `what`) or a limit interrupted it. */
int fcw_engine_call_native(struct fcw_engine *engine, const char *name, duk_idx_t nargs, const char *what);

/* True (and the request interrupted) once an allocation failed for good
 * under the request's memory limit. */
int fcw_engine_out_of_memory(struct fcw_engine *engine);

/* Runs a full garbage collection when the heap grew enough since the last
 * one (see engine.c). */
void fcw_engine_collect_if_grown(struct fcw_engine *engine);

/* Why JavaScript was interrupted, if it was. */
enum engine_interrupt fcw_engine_interrupted(const struct fcw_engine *engine);

/* Marks the current request as leaving state behind (a timer, a transfer,
 * waitUntil work) that resetRequest must clear at its end. */
void fcw_engine_mark_dirty(struct fcw_engine *engine);

/* Request bookkeeping (lib/respond.c): the limits armed from begin to end. */
void fcw_engine_begin_request(struct fcw_engine *engine, unsigned long id, const char *log_context);
void fcw_engine_end_request(struct fcw_engine *engine);
double fcw_engine_wall_deadline(const struct fcw_engine *engine);
int fcw_engine_past_deadline(struct fcw_engine *engine);

/* The response of the request in flight, which the engine only points to:
 * the response side attaches it (and the hook that answers 503 when memory
 * runs out for good) for the time of a request, and detaches it (NULL)
 * before the request ends. fcw_engine_response is NULL outside a request. */
void fcw_engine_attach_response(struct fcw_engine *engine, void *response, void (*abandon)(void *response));
void *fcw_engine_response(const struct fcw_engine *engine);

/* Arms the request limits with these CPU and wall times (0: none) outside a
 * request (loading a script), and disarms them. */
void fcw_engine_arm_limits(struct fcw_engine *engine, unsigned cpu_ms, unsigned wall_ms);
void fcw_engine_disarm_limits(struct fcw_engine *engine);

/* A full garbage collection; the collection policy starts again from what
 * is alive after it. */
void fcw_engine_collect(struct fcw_engine *engine);

/* The collection policy counts from the heap as it is now, garbage
 * included, without collecting (a process for one request leaves its
 * start-up garbage to its end). */
void fcw_engine_collect_baseline(struct fcw_engine *engine);

/* Evaluates a file as a global program, or as a module when it has an
 * `export default` line, as a worker script is (tests; lib/script.c); then
 * fcw_engine_run_loop runs the loop until nothing is left or wall_ms
 * passed. */
int fcw_engine_eval_file(struct fcw_engine *engine, const char *path, char *err, size_t errlen);
int fcw_engine_run_loop(struct fcw_engine *engine, unsigned wall_ms);

/* ---- modules ----
 * A native module: the natives it puts on `native` when a heap is made,
 * what it takes from the configuration, what it frees with the engine. An
 * engine is made with a table of them (lib/modules.c) and calls each
 * through it, so the engine names no module. */
struct fcw_module {
    const char *name;
    void (*init)(duk_context *ctx, duk_idx_t native_idx);
    /* at fcw_engine_configure (NULL: nothing to configure) */
    void (*configure)(struct fcw_engine *engine, const struct fcw_engine_config *config);
    /* at fcw_engine_free, in the table's reverse order, before the heap
     * is destroyed (NULL: nothing to free) */
    void (*cleanup)(struct fcw_engine *engine);
};

/* A heap with the `native` object made by the modules' init, in table
 * order (lib/engine.c); the runtime JavaScript is not loaded yet. */
struct fcw_engine *fcw_engine_create(const struct fcw_engine_config *config, const struct fcw_module *const *modules,
                                     size_t nmodules, char *err, size_t errlen);

/* Evaluates the runtime's files (js/, embedded) in a heap made by
 * fcw_engine_create (lib/script.c). */
int fcw_script_load_runtime(struct fcw_engine *engine, char *err, size_t errlen);
/* Whether fcw_engine_single_request() was called (lib/script.c). */
int fcw_script_single_request(void);

/* The modules' entry points, which lib/modules.c puts in the table. */
void fcw_api_timers_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_bytes_init(duk_context *ctx, duk_idx_t native_idx);
/* The response natives (lib/respond.c). */
void fcw_api_respond_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_url_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_bigint_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_crypto_init(duk_context *ctx, duk_idx_t native_idx);
/* RegExp on lib/regexp.h (lib/api_regexp.c): its natives, and freeing its
 * program cache with the engine. */
void fcw_api_regexp_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_regexp_free(struct fcw_engine *engine);
void fcw_api_builtins_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_fastpath_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_intl_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_compression_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_kv_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_d1_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_assets_init(duk_context *ctx, duk_idx_t native_idx);
/* The FastCGI client of service bindings (lib/fcgi_client.c). */
void fcw_api_fcgi_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_htmlrewriter_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_cache_init(duk_context *ctx, duk_idx_t native_idx);
/* Where the Cache API keeps its entries (lib/api_cache.c). */
void fcw_cache_configure(const char *path, size_t max_size);
void fcw_api_encoding_init(duk_context *ctx, duk_idx_t native_idx);
/* Puts the KV and D1 bindings of config on env and the global object
 * (lib/api_kv.c). */
void fcw_bindings_install(struct fcw_engine *engine, const struct fcw_engine_config *config);

/* Outgoing fetch() (lib/fetch.c): its natives, and freeing its transfers
 * and multi handle with the engine. */
void fcw_api_fetch_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_fetch_free(struct fcw_engine *engine);

#endif
