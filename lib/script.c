/* SPDX-License-Identifier: MIT */
/*
 * Loading JavaScript into an engine: the runtime's files (js/, embedded
 * in lib/js_sources.c, and compiled in lib/runtime_image_data.c) into a new
 * heap, and the worker script, rewritten for loading (a leading "#!" line,
 * `export default`) and evaluated as a module or as global code under the
 * request limits, with the source map beside it registered so that stack
 * traces name the original sources; for a one-request process, through the
 * bytecode cache of lib/script_cache.c.
 * Every file is wrapped in a function expression, compiled and called by
 * one helper (wrap_compile_call; wrap_compile alone for a module compiled
 * ahead, compile_and_dump).
 */
#include "config.h"

#include "engine.h"

#include "alloc.h"

#include "duk_hooks.h"
#include "js_sources.h"
#include "runtime_image.h"
#include "runtime_lazy.h"
#include "script_cache.h"
#include "script_image.h"

#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A process that serves one request (CGI): no collection of start-up
 * garbage (lib/modules.c), every runtime file of lib/runtime_lazy.c
 * loaded on first use (a pool: those reached only through their globals),
 * no constant reads of module bindings (call_module),
 * and the heap in an arena of huge pages (lib/alloc.c: 4 MB holds a CGI
 * hello's 2.4 MB and a fair part of what its request adds). */
static int single_request;

/* Pushes the function "(function (params) {" text FCW_MODULE_END ")" (name
 * in errors and stack traces): compiled and evaluated, which only creates
 * it. Throws on a compile error. script: a worker script's
 * (fcw_duk_apply_script_marks), else one of the runtime's files. */
static void wrap_compile(duk_context *ctx, const char *params, const char *text, size_t len, const char *name,
                         int script)
{
    duk_push_sprintf(ctx, "(function (%s) {", params);
    duk_push_lstring(ctx, text, len);
    duk_push_literal(ctx, FCW_MODULE_END ")");
    duk_concat(ctx, 3);
    duk_push_string(ctx, name);
    duk_compile(ctx, DUK_COMPILE_EVAL);
    if (script) {
        fcw_duk_apply_script_marks(ctx, -1);
    } else {
        fcw_duk_apply_runtime_marks(ctx, -1);
    }
    duk_call(ctx, 0);
}

/* Pushes a worker script compiled as global code (not run). Throws on a
 * compile error. */
static void compile_global(duk_context *ctx, const char *text, size_t len, const char *path)
{
    duk_push_lstring(ctx, text, len);
    duk_push_string(ctx, path);
    duk_compile(ctx, 0);
    fcw_duk_apply_script_marks(ctx, -1);
}

/* Calls the module function below the nargs values on top of the stack
 * with them and its last argument, __fcw_probe (FCW_MODULE_END), replacing
 * all with its result (its environment, or undefined), after which its
 * bindings that stay as they are are read as constants
 * (fcw_duk_bind_constants), but in a one-request process, where the pass
 * would cost more than it saves. Throws on an exception. */
static void call_module(duk_context *ctx, duk_idx_t nargs)
{
    duk_idx_t fn = duk_get_top(ctx) - nargs - 1;
    if (single_request) {
        duk_push_false(ctx);
    } else {
        duk_push_c_function(ctx, fcw_duk_module_probe, 0);
    }
    duk_dup(ctx, fn);
    duk_insert(ctx, fn + 1);
    duk_call(ctx, nargs + 1); /* [ fn env ] */
    if (!single_request) {
        (void)fcw_duk_bind_constants(ctx, -2, -1);
    }
    duk_remove(ctx, -2);
}

/* wrap_compile, then call_module. Throws on a compile error or an
 * exception. */
static void wrap_compile_call(duk_context *ctx, const char *params, const char *text, size_t len, const char *name,
                              duk_idx_t nargs, int script)
{
    wrap_compile(ctx, params, text, len, name, script);
    duk_insert(ctx, -(nargs + 1));
    call_module(ctx, nargs);
}

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
            line = (long)duk_get_int_default(ctx, -1, 0);
            duk_pop(ctx);
        }
        duk_get_prop_literal(ctx, -1, "name");
        duk_get_prop_literal(ctx, -2, "message");
        snprintf(err, errlen, "%s:%ld: %s: %s", file, line, duk_safe_to_string(ctx, -2), duk_safe_to_string(ctx, -1));
        duk_pop_2(ctx);
        return;
    }
    msg = duk_safe_to_string(ctx, -1);
    snprintf(err, errlen, "%s: uncaught: %s", file, msg);
}

/* Rewrites a worker script for loading, keeping every line where it was: a
 * leading "#!" line becomes a comment, and a statement starting a line with
 * "export default" assigns the module's default export (*is_module is then
 * set). Any other export form is refused with its line. Returns a new
 * buffer (its length in *outlen) or NULL with err set. */
static char *rewrite_exports(const char *path, const char *src, size_t len, size_t *outlen, int *is_module, char *err,
                             size_t errlen)
{
    static const char replacement[] = "__fcw_exports.default=";
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
    const unsigned char *dump; /* checked bytecode of the same function, or NULL */
    size_t dump_len;
};

/* [ ] -> [ function ]: the script's function from its checked bytecode. */
static void push_dump(duk_context *ctx, const struct script_source *s)
{
    duk_push_external_buffer(ctx);
    duk_config_buffer(ctx, -1, (void *)(uintptr_t)s->dump, s->dump_len);
    duk_load_function(ctx);
    fcw_duk_trim_loaded_function(ctx, -1);
}

/* A script with `export default` runs as a module: (function
 * (__fcw_exports, __fcw_probe) {...}) called with a fresh exports object,
 * then handed to native.setExports, so its top-level names stay private
 * (the parameter's name is one no module declares: `export default`
 * becomes an assignment to it); call_module then reads its unchanging
 * bindings as constants. Any other script (a classic service worker, a test) runs as global code: its
 * top-level `var` and function declarations become properties of the
 * global object, as in a browser's worker. */
static duk_ret_t eval_script(duk_context *ctx, void *udata)
{
    struct script_source *s = udata;
    if (s->as_module) {
        duk_push_object(ctx);
        if (s->dump) {
            push_dump(ctx, s);
            duk_dup(ctx, -2);
            call_module(ctx, 1);
        } else {
            duk_dup_top(ctx);
            wrap_compile_call(ctx, FCW_MODULE_PARAMS, s->text, s->len, s->path, 1, 1);
        }
        duk_pop(ctx);
        fcw_engine_push_native(ctx);
        duk_get_prop_literal(ctx, -1, "setExports");
        duk_dup(ctx, -3);
        duk_call(ctx, 1);
        duk_pop_2(ctx);
    } else {
        if (s->dump) {
            push_dump(ctx, s);
        } else {
            compile_global(ctx, s->text, s->len, s->path);
        }
        duk_call(ctx, 0);
    }
    duk_pop(ctx);
    fcw_engine_push_native(ctx);
    duk_get_prop_literal(ctx, -1, "drainJobs");
    duk_call(ctx, 0);
    duk_pop_2(ctx);
    return 0;
}

/* Evaluates a script's text (path names it in errors and stacks), or the
 * function of its checked image (dump, as_module taken from the image)
 * when dump is not NULL. */
static int eval_text(struct fcw_engine *e, const char *path, const char *raw, size_t len, int as_module,
                     const unsigned char *dump, size_t dump_len, char *err, size_t errlen)
{
    size_t tlen = 0;
    int is_module = 0;
    char *text = dump ? NULL : rewrite_exports(path, raw, len, &tlen, &is_module, err, errlen);
    if (text == NULL && dump == NULL) {
        return -1;
    }
    struct script_source s = {path, text, tlen, dump ? as_module : as_module && is_module, dump, dump_len};
    /* Top-level code runs under the request limits, so that a script that
     * loops at load time is refused instead of hanging the pool. */
    const struct fcw_limits *lim = fcw_engine_limits(e);
    fcw_engine_arm_limits(e, lim->cpu_ms ? lim->cpu_ms * 10 : 0, lim->wall_ms);
    duk_context *ctx = fcw_engine_ctx(e);
    duk_int_t rc = duk_safe_call(ctx, eval_script, &s, 0, 1);
    enum engine_interrupt why = fcw_engine_interrupted(e);
    fcw_engine_disarm_limits(e);
    free(text);
    if (rc != DUK_EXEC_SUCCESS) {
        if (why != ENGINE_RUNNING) {
            snprintf(err, errlen, "%s: top-level code exceeded the %s limit", path,
                     why == ENGINE_MEMORY_LIMIT ? "memory"
                     : why == ENGINE_CPU_LIMIT  ? "CPU"
                                                : "wall time");
        } else {
            error_text(ctx, path, err, errlen);
        }
        duk_pop(ctx);
        return -1;
    }
    duk_pop(ctx);
    return 0;
}

static int eval_path(struct fcw_engine *e, const char *path, int as_module, char *err, size_t errlen)
{
    size_t len = 0;
    char *raw = fcw_read_file(path, &len, err, errlen);
    if (raw == NULL) {
        return -1;
    }
    int rc = eval_text(e, path, raw, len, as_module, NULL, 0, err, errlen);
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
    for (const char *p = text; (size_t)(p - text) < len;) {
        const char *nl = memchr(p, '\n', len - (size_t)(p - text));
        size_t linelen = nl ? (size_t)(nl - p) : len - (size_t)(p - text);
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
    fcw_engine_push_native(ctx);
    /* js/15-sourcemap.js is loaded for the first map (lib/runtime_lazy.c) */
    duk_get_prop_literal(ctx, -1, "loadLazy");
    duk_push_literal(ctx, ".sourcemap");
    duk_call(ctx, 1);
    duk_pop(ctx);
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
    int dlen = slash ? (int)(slash - path) + 1 : 0;
    if (!found || snprintf(map_path, sizeof(map_path), "%.*s%s", dlen, path, name) >= (int)sizeof(map_path)) {
        return;
    }
    char *map = fcw_read_file(map_path, &len, err, sizeof(err));
    if (map == NULL) {
        return;
    }
    struct source_map m = {path, map, len};
    duk_context *ctx = fcw_engine_ctx(e);
    if (duk_safe_call(ctx, register_source_map_safe, &m, 0, 1) != DUK_EXEC_SUCCESS) {
        fcw_engine_log(e, FCW_LOG_WARNING, "%s: source map ignored: %s", map_path, duk_safe_to_string(ctx, -1));
    }
    duk_pop(ctx);
    free(map);
}

/* Runs the script from its text, or from dump (flags from its image). */
static int load_script(struct fcw_engine *engine, const char *path, const char *text, size_t len,
                       const unsigned char *dump, size_t dump_len, unsigned flags, char *err, size_t errlen)
{
    int as_module = dump ? (flags & FCW_SCRIPT_IMAGE_MODULE) != 0 : 1;
    if (eval_text(engine, path, text, len, as_module, dump, dump_len, err, errlen) < 0) {
        return -1;
    }
    duk_context *ctx = fcw_engine_ctx(engine);
    fcw_engine_push_native(ctx);
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

int fcw_engine_load_source(struct fcw_engine *engine, const char *path, const char *text, size_t len, char *err,
                           size_t errlen)
{
    return load_script(engine, path, text, len, NULL, 0, 0, err, errlen);
}

/* ---- script images (lib/script_image.h) ---- */

struct compile_args {
    const char *path;
    const char *text;
    size_t len;
    int as_module;
};

/* [ ] -> [ bytecode ]: compiles the function eval_script would run, without
 * running any of the script: a module's wrapper is a function expression,
 * which evaluating only creates. */
static duk_ret_t compile_and_dump(duk_context *ctx, void *udata)
{
    struct compile_args *a = udata;
    if (a->as_module) {
        wrap_compile(ctx, FCW_MODULE_PARAMS, a->text, a->len, a->path, 1);
    } else {
        compile_global(ctx, a->text, a->len, a->path);
    }
    fcw_duk_prepare_dump(ctx, -1);
    duk_dump_function(ctx);
    return 1;
}

int fcw_engine_compile_image(struct fcw_engine *engine, const char *path, const char *text, size_t len,
                             unsigned char **image, size_t *image_len, char *err, size_t errlen)
{
    size_t tlen = 0;
    int is_module = 0;
    char *rewritten = rewrite_exports(path, text, len, &tlen, &is_module, err, errlen);
    if (rewritten == NULL) {
        return -1;
    }
    struct compile_args a = {path, rewritten, tlen, is_module};
    duk_context *ctx = fcw_engine_ctx(engine);
    if (duk_safe_call(ctx, compile_and_dump, &a, 0, 1) != DUK_EXEC_SUCCESS) {
        error_text(ctx, path, err, errlen);
        duk_pop(ctx);
        free(rewritten);
        return -1;
    }
    free(rewritten);
    duk_size_t dump_len = 0;
    const void *dump = duk_get_buffer_data(ctx, -1, &dump_len);
    *image = fcw_script_image_pack(text, len, is_module ? FCW_SCRIPT_IMAGE_MODULE : 0, dump, dump_len, image_len);
    duk_pop(ctx);
    if (*image == NULL) {
        snprintf(err, errlen, "%s: out of memory for its bytecode image", path);
        return -1;
    }
    return 0;
}

int fcw_engine_load_image(struct fcw_engine *engine, const char *path, const char *text, size_t len,
                          const unsigned char *image, size_t image_len, char *err, size_t errlen)
{
    char why[300];
    const unsigned char *dump = NULL;
    size_t dump_len = 0;
    unsigned flags = 0;
    if (image == NULL) {
        return load_script(engine, path, text, len, NULL, 0, 0, err, errlen);
    }
    if (fcw_script_image_check(image, image_len, text, len, &flags, &dump, &dump_len, why, sizeof(why)) < 0) {
        fcw_engine_log(engine, FCW_LOG_WARNING, "%s: bytecode image not used (%s): compiling the source", path, why);
        return load_script(engine, path, text, len, NULL, 0, 0, err, errlen);
    }
    return load_script(engine, path, text, len, dump, dump_len, flags, err, errlen);
}

/* ---- the bytecode cache of a one-request process (lib/script_cache.h) ---- */

static int cache_dirfd = -1;

int fcw_engine_script_cache(const char *dir)
{
    if (cache_dirfd >= 0) {
        close(cache_dirfd);
    }
    cache_dirfd = fcw_script_cache_open(dir);
    return cache_dirfd >= 0 ? 0 : -1;
}

/* The build a cached image must come from: this fcworker (the functions
 * compile_and_dump makes) with this Duktape (the bytecode). */
#define CACHE_STAMP "fcworker " PACKAGE_VERSION ", " FCW_RUNTIME_STAMP

/* Runs the script from the cache's image when it holds one for this text,
 * else compiles it into an image, caches that and runs it. A script that
 * does not compile goes the usual way, for the usual error. */
static int load_cached(struct fcw_engine *engine, const char *path, const char *text, size_t len, char *err,
                       size_t errlen)
{
    struct stat st;
    size_t image_len = 0, dump_len = 0;
    unsigned flags = 0;
    const unsigned char *dump = NULL;
    char why[300];
    if (stat(path, &st) < 0) {
        return load_script(engine, path, text, len, NULL, 0, 0, err, errlen);
    }
    unsigned char *image = fcw_script_cache_read(cache_dirfd, path, &st, CACHE_STAMP, &image_len);
    if (image == NULL ||
        fcw_script_image_check(image, image_len, text, len, &flags, &dump, &dump_len, why, sizeof(why)) < 0) {
        free(image);
        image = NULL;
        if (fcw_engine_compile_image(engine, path, text, len, &image, &image_len, err, errlen) < 0 ||
            fcw_script_image_check(image, image_len, text, len, &flags, &dump, &dump_len, why, sizeof(why)) < 0) {
            free(image);
            return load_script(engine, path, text, len, NULL, 0, 0, err, errlen);
        }
        (void)fcw_script_cache_write(cache_dirfd, path, &st, CACHE_STAMP, image, image_len);
    }
    int rc = load_script(engine, path, text, len, dump, dump_len, flags, err, errlen);
    free(image);
    return rc;
}

int fcw_engine_load(struct fcw_engine *engine, const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *text = fcw_read_file(path, &len, err, errlen);
    if (text == NULL) {
        return -1;
    }
    int rc = cache_dirfd >= 0 ? load_cached(engine, path, text, len, err, errlen)
                              : fcw_engine_load_source(engine, path, text, len, err, errlen);
    free(text);
    return rc;
}

int fcw_engine_eval_file(struct fcw_engine *engine, const char *path, char *err, size_t errlen)
{
    return eval_path(engine, path, 1, err, errlen);
}

/* ---- the runtime ---- */

struct runtime_file {
    const char *name;
    const char *text;
    size_t len;
    size_t index;
    int from_image;
};

/* Runs one runtime file as f(global, native, undefined) (FCW_RUNTIME_PARAMS,
 * call_module adds the last): loaded from the build-time image when it
 * matches this build (lib/runtime_image.c), else compiled from its source.
 * The parameter named undefined is given undefined: the files' many
 * `undefined`s then resolve in their own scope instead of walking the
 * scope chain to the global object (about 645 instructions each in
 * Duktape). */
static duk_ret_t eval_runtime_file(duk_context *ctx, void *udata)
{
    struct runtime_file *src = udata;
    if (src->from_image) {
        fcw_runtime_image_push(ctx, src->index);
        duk_push_global_object(ctx);
        fcw_engine_push_native(ctx);
        duk_push_undefined(ctx);
        call_module(ctx, 3);
        return 0;
    }
    duk_push_global_object(ctx);
    fcw_engine_push_native(ctx);
    duk_push_undefined(ctx);
    wrap_compile_call(ctx, FCW_RUNTIME_PARAMS, src->text, src->len, src->name, 3, 0);
    return 0;
}

/* (single_request: see fcw_engine_single_request, above wrap_compile) */

#define SINGLE_REQUEST_ARENA ((size_t)4 << 20)

void fcw_engine_single_request(void)
{
    if (!single_request) {
        (void)fcw_alloc_arena(SINGLE_REQUEST_ARENA);
    }
    single_request = 1;
    fcw_duk_skip_compaction();
}

int fcw_script_single_request(void)
{
    return single_request;
}

/* 1 when the runtime can be loaded from its build-time image; else 0, and
 * the first time a warning saying why the sources are compiled instead. */
static int runtime_from_image(struct fcw_engine *e)
{
    char why[300];
    int first;
    if (fcw_runtime_image_check(why, sizeof(why), &first) == 0) {
        return 1;
    }
    if (first) {
        fcw_engine_log(e, FCW_LOG_WARNING, "runtime image not used (%s): compiling the runtime's sources", why);
    }
    return 0;
}

/* A runtime file loaded on first use (lib/runtime_lazy.c), inside whatever
 * protected call touched its globals. */
static void run_lazy_file(duk_context *ctx, const char *name)
{
    char why[8];
    int first;
    for (size_t i = 0; i < fcw_js_nsources; i++) {
        if (strcmp(fcw_js_sources[i].name, name) == 0) {
            struct runtime_file src = {name, fcw_js_sources[i].text, fcw_js_sources[i].len, i,
                                       fcw_runtime_image_check(why, sizeof(why), &first) == 0};
            eval_runtime_file(ctx, &src);
            duk_pop(ctx);
            return;
        }
    }
}

int fcw_script_load_runtime(struct fcw_engine *e, char *err, size_t errlen)
{
    duk_context *ctx = fcw_engine_ctx(e);
    /* no mark-and-sweep while the heap grows from nothing: the caller
     * collects once at the end */
    int from_image = runtime_from_image(e);
    fcw_engine_push_native(ctx);
    fcw_runtime_lazy_prepare(ctx, -1, run_lazy_file);
    duk_pop(ctx);
    fcw_duk_gc_hold(ctx, 1);
    for (size_t i = 0; i < fcw_js_nsources; i++) {
        if (fcw_runtime_lazy_file(fcw_js_sources[i].name)) {
            continue;
        }
        struct runtime_file src = {fcw_js_sources[i].name, fcw_js_sources[i].text, fcw_js_sources[i].len, i,
                                   from_image};
        if (duk_safe_call(ctx, eval_runtime_file, &src, 0, 1) != DUK_EXEC_SUCCESS) {
            error_text(ctx, src.name, err, errlen);
            duk_pop(ctx);
            fcw_duk_gc_hold(ctx, 0);
            return -1;
        }
        duk_pop(ctx);
    }
    fcw_duk_gc_hold(ctx, 0);
    fcw_engine_push_native(ctx);
    fcw_runtime_lazy_install(ctx, -1);
    duk_pop(ctx);
    /* Engine internals are not for scripts: Duktape.fin would let one
     * tenant's finalizer run inside another's request in root mode, and
     * Duktape.act/gc/compact reach below the runtime. The runtime files
     * took what they use before this point. */
    duk_push_global_object(ctx);
    duk_del_prop_literal(ctx, -1, "Duktape");
    duk_pop(ctx);
    return 0;
}
