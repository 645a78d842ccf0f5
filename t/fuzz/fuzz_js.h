/* SPDX-License-Identifier: MIT */
/*
 * Shared by the fuzz targets that drive the JavaScript runtime: one engine
 * per process, made on the first input, and a harness written in JS. The
 * harness source is an expression evaluating to a factory
 * `function (fail) { return { run: function (bytes) {...}, check: ... }; }`;
 * fail(message) is a C function that prints the message and aborts, so a
 * broken invariant inside JS is a crash to libFuzzer. Each input is handed
 * to run() as a Uint8Array through fcw_engine_call_native (which drains the
 * microtask queue afterwards), then check() verifies that everything run()
 * started has settled. A JS exception escaping run() or check() aborts too.
 */
#ifndef FCW_FUZZ_JS_H
#define FCW_FUZZ_JS_H

#include "config.h"

#include "engine.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fuzz_js_log(void *data, int level, const char *msg)
{
    (void) data;
    if (level <= FCW_LOG_WARNING) {
        fprintf(stderr, "fuzz: engine log: %s\n", msg);
    }
}

static duk_ret_t fuzz_js_fail(duk_context *ctx)
{
    fprintf(stderr, "fuzz: invariant broken: %s\n", duk_safe_to_string(ctx, 0));
    abort();
    return 0;
}

static void fuzz_js_abort(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: %s: %s\n", what, detail ? detail : "");
    abort();
}

/* Builds the engine and installs the harness as native.fuzzRun/fuzzCheck. */
static struct fcw_engine *fuzz_js_engine(const char *harness)
{
    static struct fcw_engine *engine;
    if (engine != NULL) {
        return engine;
    }
    char err[1024];
    struct fcw_engine_config cfg = { 0 };
    cfg.log = fuzz_js_log;
    engine = fcw_engine_new(&cfg, err, sizeof(err));
    if (engine == NULL) {
        fuzz_js_abort("cannot create the engine", err);
    }
    duk_context *ctx = fcw_engine_ctx(engine);
    if (duk_peval_string(ctx, harness) != 0) {
        fuzz_js_abort("the harness does not compile", duk_safe_to_string(ctx, -1));
    }
    duk_push_c_function(ctx, fuzz_js_fail, 1);
    if (duk_pcall(ctx, 1) != 0 || !duk_is_object(ctx, -1)) {
        fuzz_js_abort("the harness factory failed", duk_safe_to_string(ctx, -1));
    }
    fcw_engine_push_native(ctx);
    duk_get_prop_literal(ctx, -2, "run");
    duk_put_prop_literal(ctx, -2, "fuzzRun");
    duk_get_prop_literal(ctx, -2, "check");
    duk_put_prop_literal(ctx, -2, "fuzzCheck");
    duk_pop_2(ctx);
    return engine;
}

/* Runs the harness on one input. */
static void fuzz_js_run(const char *harness, const uint8_t *data, size_t size)
{
    struct fcw_engine *engine = fuzz_js_engine(harness);
    duk_context *ctx = fcw_engine_ctx(engine);
    void *buf = duk_push_fixed_buffer(ctx, size);
    if (size > 0) {
        memcpy(buf, data, size);
    }
    duk_push_buffer_object(ctx, -1, 0, size, DUK_BUFOBJ_UINT8ARRAY);
    duk_remove(ctx, -2);
    if (fcw_engine_call_native(engine, "fuzzRun", 1, "fuzz run") < 0) {
        fuzz_js_abort("the harness threw", "see the engine log above");
    }
    if (fcw_engine_call_native(engine, "fuzzCheck", 0, "fuzz check") < 0) {
        fuzz_js_abort("the harness check threw", "see the engine log above");
    }
}

#endif
