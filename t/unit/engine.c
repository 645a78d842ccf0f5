/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the engine (lib/engine.c) alone, with a module table of
 * the test's own instead of the runtime: modules are set up, configured
 * and freed through the table in order; heap memory is counted; past the
 * memory budget allocations fail, inside a request the request is
 * interrupted and the engine exhausted, and a script that keeps going
 * reaches the response's hook and then the abandon callback (in a child
 * process: it never returns); the CPU and wall deadlines stop a script
 * that loops and catches; request state is reset at the end of a request
 * only when it left some behind; a long string made by concatenation
 * keeps its buffer's block (lib/duk_hooks.c), which is counted once and
 * released with the string.
 */
#include "config.h"

#include "duk_hooks.h"
#include "engine.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MEMORY_LIMIT ((size_t)8 << 20)

static char order[256];
static int resets, pings;
static char last_log[512];

static void record(const char *what)
{
    size_t n = strlen(order);
    snprintf(order + n, sizeof(order) - n, "%s%s", n ? " " : "", what);
}

static duk_ret_t native_reset(duk_context *ctx)
{
    (void)ctx;
    resets++;
    return 0;
}

static duk_ret_t native_ping(duk_context *ctx)
{
    (void)ctx;
    pings++;
    return 0;
}

static void first_init(duk_context *ctx, duk_idx_t native_idx)
{
    record("init:first");
    native_idx = duk_normalize_index(ctx, native_idx);
    duk_push_c_function(ctx, native_reset, 0);
    duk_put_prop_literal(ctx, native_idx, "resetRequest");
    duk_push_c_function(ctx, native_ping, 0);
    duk_put_prop_literal(ctx, native_idx, "ping");
    /* a loop that catches whatever stops it: only a limit that keeps
     * answering "stop" ends it */
    duk_eval_string(ctx, "(function () { var n = 0; for (;;) { try { for (;;) { n++; } } catch (e) { n = 0; } } })");
    duk_put_prop_literal(ctx, native_idx, "spin");
}

static void first_configure(struct fcw_engine *engine, const struct fcw_engine_config *config)
{
    (void)engine;
    (void)config;
    record("configure:first");
}

static void first_cleanup(struct fcw_engine *engine)
{
    (void)engine;
    record("cleanup:first");
}

static void second_init(duk_context *ctx, duk_idx_t native_idx)
{
    (void)ctx;
    (void)native_idx;
    record("init:second");
}

static void second_cleanup(struct fcw_engine *engine)
{
    (void)engine;
    record("cleanup:second");
}

static const struct fcw_module first = {"first", first_init, first_configure, first_cleanup};
static const struct fcw_module second = {"second", second_init, NULL, second_cleanup};
static const struct fcw_module *const modules[] = {&first, &second};

static void test_log(void *data, int level, const char *msg)
{
    (void)data;
    (void)level;
    snprintf(last_log, sizeof(last_log), "%s", msg);
}

static struct fcw_engine_config config_with(unsigned cpu_ms, unsigned wall_ms, void (*abandon)(void *))
{
    struct fcw_engine_config c;
    memset(&c, 0, sizeof(c));
    c.limits.cpu_ms = cpu_ms;
    c.limits.wall_ms = wall_ms;
    c.limits.memory_bytes = MEMORY_LIMIT;
    c.log = test_log;
    c.abandon = abandon;
    return c;
}

static struct fcw_engine *make(const struct fcw_engine_config *c)
{
    char err[256] = "";
    struct fcw_engine *e = fcw_engine_create(c, modules, 2, err, sizeof(err));
    if (e != NULL) {
        fcw_engine_configure(e, c);
    } else {
        printf("# %s\n", err);
    }
    return e;
}

/* Allocations over the budget until n have failed (each is retried by
 * Duktape after collections, every retry one more failure). */
static int fail_allocations(struct fcw_engine *e, int n)
{
    int failed = 0;
    for (int i = 0; i < n; i++) {
        void *p = duk_alloc(fcw_engine_ctx(e), MEMORY_LIMIT);
        if (p != NULL) {
            duk_free(fcw_engine_ctx(e), p);
        } else {
            failed++;
        }
    }
    return failed;
}

/* The response side's hook and the process's abandon callback, in the
 * child of the give-up test. */
static int response_abandoned;

static void abandon_response(void *response)
{
    response_abandoned = *(int *)response == 7;
}

static void abandon_process(void *data)
{
    (void)data;
    _exit(response_abandoned && strstr(last_log, "replacing the process") != NULL ? 42 : 43);
}

static void test_give_up(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct fcw_engine_config c = config_with(0, 0, abandon_process);
        struct fcw_engine *e = make(&c);
        int response = 7;
        if (e == NULL) {
            _exit(2);
        }
        fcw_engine_begin_request(e, 1, "GET /hoard");
        fcw_engine_attach_response(e, &response, abandon_response);
        fail_allocations(e, 20);
        _exit(3); /* never reached when the engine gives up */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 42,
       "a request that keeps allocating past the budget: the response's hook, then the abandon callback "
       "(status %d)",
       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(void)
{
    struct fcw_engine_config c = config_with(0, 0, NULL);
    struct fcw_engine *e = make(&c);
    if (!ok(e != NULL, "an engine made with a module table")) {
        return done_testing();
    }
    ok(strcmp(order, "init:first init:second configure:first") == 0, "modules set up and configured in order: %s",
       order);
    duk_context *ctx = fcw_engine_ctx(e);

    /* counting */
    size_t before = fcw_engine_memory(e);
    void *p = duk_alloc(ctx, 100000);
    ok(p != NULL && fcw_engine_memory(e) >= before + 100000, "an allocation is counted");
    duk_free(ctx, p);
    ok(fcw_engine_memory(e) == before, "and its free");

    /* over the budget outside a request: failures, nothing more */
    ok(fail_allocations(e, 5) == 5, "allocations past limits.memory_mb fail");
    ok(!fcw_engine_exhausted(e) && !fcw_engine_out_of_memory(e) && fcw_engine_interrupted(e) == ENGINE_RUNNING,
       "outside a request the engine goes on");

    /* a clean request resets nothing; a dirty one does */
    resets = 0;
    fcw_engine_begin_request(e, 1, "GET /");
    ok(fcw_engine_call_native(e, "ping", 0, "ping") == 0 && pings == 1, "a protected call runs");
    fcw_engine_end_request(e);
    ok(resets == 0, "a request that left nothing behind is not reset");
    fcw_engine_begin_request(e, 2, "GET /");
    fcw_engine_mark_dirty(e);
    fcw_engine_end_request(e);
    ok(resets == 1, "a request that left state behind is reset at its end");

    /* the attached response */
    int response = 0;
    fcw_engine_begin_request(e, 3, "GET /");
    ok(fcw_engine_response(e) == NULL, "no response until one is attached");
    fcw_engine_attach_response(e, &response, abandon_response);
    ok(fcw_engine_response(e) == &response, "the engine points to the request's response");
    fcw_engine_attach_response(e, NULL, NULL);
    fcw_engine_end_request(e);

    /* over the budget inside a request, without an abandon callback */
    resets = 0;
    fcw_engine_begin_request(e, 4, "GET /hoard");
    fail_allocations(e, 2);
    ok(fcw_engine_out_of_memory(e) && fcw_engine_interrupted(e) == ENGINE_MEMORY_LIMIT,
       "inside a request, failures past the budget interrupt it");
    ok(fcw_engine_exhausted(e), "and the engine is exhausted (the process is to be replaced)");
    pings = 0;
    ok(fcw_engine_call_native(e, "ping", 0, "ping") < 0 && pings == 0, "an interrupted request runs no more code");
    fcw_engine_end_request(e);
    ok(resets == 1 && fcw_engine_interrupted(e) == ENGINE_RUNNING, "its end resets the request state");
    fcw_engine_free(e);
    ok(strcmp(order, "init:first init:second configure:first cleanup:second cleanup:first") == 0,
       "modules freed in reverse order: %s", order);

    test_give_up();

    /* the CPU deadline */
    c = config_with(100, 0, NULL);
    e = make(&c);
    fcw_engine_begin_request(e, 5, "GET /spin");
    ok(fcw_engine_call_native(e, "spin", 0, "spin") < 0 && fcw_engine_interrupted(e) == ENGINE_CPU_LIMIT,
       "a loop that catches is stopped by limits.cpu_ms");
    ok(fcw_engine_past_deadline(e), "the request is past its deadline");
    fcw_engine_end_request(e);
    pings = 0;
    fcw_engine_begin_request(e, 6, "GET /");
    ok(fcw_engine_call_native(e, "ping", 0, "ping") == 0 && pings == 1, "the next request runs");
    fcw_engine_end_request(e);
    fcw_engine_free(e);

    /* the wall deadline */
    c = config_with(0, 100, NULL);
    e = make(&c);
    fcw_engine_begin_request(e, 7, "GET /spin");
    ok(fcw_engine_wall_deadline(e) > 0, "a request has a wall deadline");
    ok(fcw_engine_call_native(e, "spin", 0, "spin") < 0 && fcw_engine_interrupted(e) == ENGINE_WALL_LIMIT,
       "a loop that catches is stopped by limits.wall_ms");
    fcw_engine_end_request(e);
    ok(fcw_engine_wall_deadline(e) == 0 && fcw_engine_interrupted(e) == ENGINE_RUNNING,
       "the deadline is gone with the request");

    /* top-level code has limits too (armed by hand, as script loading does) */
    fcw_engine_arm_limits(e, 0, 50);
    ok(duk_peval_string(fcw_engine_ctx(e), "for (;;) { try { for (;;) {} } catch (e) {} }") != 0 &&
           fcw_engine_interrupted(e) == ENGINE_WALL_LIMIT,
       "limits armed outside a request stop a loop");
    duk_pop(fcw_engine_ctx(e));
    fcw_engine_disarm_limits(e);
    ok(duk_peval_string(fcw_engine_ctx(e), "1 + 1") == 0 && duk_get_int(fcw_engine_ctx(e), -1) == 2,
       "and once disarmed code runs again");
    duk_pop(fcw_engine_ctx(e));

    /* long strings that keep a concatenation's buffer */
    ctx = fcw_engine_ctx(e);
    duk_gc(ctx, 0);
    duk_gc(ctx, 0);
    size_t m0 = fcw_engine_memory(e);
    ok(duk_peval_string(ctx, "var big = ''; for (var i = 0; i < 3000; i++) big += 'part ' + i + ';'; big") == 0 &&
           fcw_duk_is_external_string(ctx, -1),
       "a long string built by appends keeps its last buffer");
    duk_size_t blen = 0;
    const char *bytes = duk_get_lstring(ctx, -1, &blen);
    ok(blen == 28890 && bytes[blen] == '\0' && memcmp(bytes, "part 0;part 1;", 14) == 0 &&
           memcmp(bytes + blen - 10, "part 2999;", 10) == 0,
       "with the bytes appended, NUL-terminated (%lu bytes)", (unsigned long)blen);
    duk_pop(ctx);
    size_t held = fcw_engine_memory(e);
    ok(held > m0 + 28890 && held < m0 + 2 * 28890, "it is counted once (%lu bytes held)", (unsigned long)(held - m0));
    ok(duk_peval_string(ctx, "var copy = big.slice(0, 2000); copy") == 0 && !fcw_duk_is_external_string(ctx, -1),
       "a slice of it is a string of its own");
    duk_pop(ctx);
    ok(duk_peval_string(ctx, "'a'.repeat(100) + 'b'") == 0 && !fcw_duk_is_external_string(ctx, -1),
       "a short concatenation is copied as before");
    duk_pop(ctx);
    /* appends in place: a local appended to, the old string dying (a text
     * of its own: the same text would be the same string as big) */
    duk_gc(ctx, 0);
    size_t before_local = fcw_engine_memory(e);
    ok(duk_peval_string(ctx, "var local = (function () { var s = ''; for (var i = 0; i < 3000; i++) {"
                             " var p = 'item ' + i + ';'; s += p; } return s; })(); local") == 0 &&
           fcw_duk_is_external_string(ctx, -1),
       "a local built by appends is a long string too");
    bytes = duk_get_lstring(ctx, -1, &blen);
    static char parts[28891];
    size_t plen = 0;
    for (int i = 0; i < 3000; i++) {
        plen += (size_t)snprintf(parts + plen, sizeof(parts) - plen, "item %d;", i);
    }
    ok(blen == 28890 && plen == blen && bytes[blen] == '\0' && memcmp(bytes, parts, blen) == 0,
       "with the bytes appended in place, NUL-terminated");
    duk_pop(ctx);
    duk_gc(ctx, 0);
    size_t held2 = fcw_engine_memory(e);
    ok(held2 > before_local + 28890 && held2 < before_local + 28890 * 3 / 2 + 4096,
       "counted once, with the room it was given (%lu bytes)", (unsigned long)(held2 - before_local));
    ok(duk_peval_string(ctx, "big = copy = local = undefined; 0") == 0, "the strings dropped");
    duk_pop(ctx);
    duk_gc(ctx, 0);
    duk_gc(ctx, 0);
    size_t m1 = fcw_engine_memory(e);
    ok(m1 + 4096 > m0 && m1 < m0 + 4096, "their blocks are released and uncounted (%ld bytes from before)",
       (long)m1 - (long)m0);
    fcw_engine_free(e);
    return done_testing();
}
