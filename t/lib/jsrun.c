/* SPDX-License-Identifier: MIT */
/*
 * Runs JavaScript test files inside the real runtime: creates an engine,
 * adds the test-only globals print(), readFile(), env, collectGarbage(),
 * ownSlotCount(), createsArguments(), varmapNames(), runsStrict(),
 * currentThread(), readsByName() and lazyPending(),
 * evaluates each file given on the command line as a global program
 * (t/lib/harness.js first, then the test), and runs the event loop until
 * nothing is left.
 * Exits 1 if a file fails to load or the loop does not settle in time.
 * With --fork-each, each file runs alone in a child forked from the one
 * loaded runtime (the test262 runner's mode: thousands of files, each in a
 * fresh heap, without paying for the runtime's start each time); after each
 * child the parent prints "#-- FILE exit N" (N is 128 + the signal when the
 * child was killed, e.g. by its 30 s alarm). With FCW_TEST_SINGLE_REQUEST
 * set, the runtime is a CGI process's (lib/runtime_lazy.c).
 */
#include "config.h"

#include "duk_hooks.h"
#include "engine.h"
#include "runtime_lazy.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void log_to_stderr(void *data, int level, const char *msg)
{
    static const char *const names[] = {"ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"};
    (void)data;
    fprintf(stderr, "# [%s] %s\n", names[level & 0xff], msg);
}

static duk_ret_t js_print(duk_context *ctx)
{
    duk_size_t len;
    const char *s = duk_safe_to_lstring(ctx, 0, &len);
    char *utf8 = duk_push_fixed_buffer(ctx, len * 3 + 1); /* CESU-8 surrogate pairs as UTF-8 */
    utf8[fcw_text_to_scalar_utf8(s, len, utf8)] = '\0';
    fputs(utf8, stdout);
    fputc('\n', stdout);
    fflush(stdout);
    return 0;
}

static duk_ret_t js_read_file(duk_context *ctx)
{
    const char *path = duk_require_string(ctx, 0);
    char err[512];
    size_t len = 0;
    char *text = fcw_read_file(path, &len, err, sizeof(err));
    if (text == NULL) {
        return duk_error(ctx, DUK_ERR_ERROR, "%s", err);
    }
    duk_push_lstring(ctx, text, len);
    free(text);
    return 1;
}

static struct fcw_engine *the_engine;

/* collectGarbage(): a full collection as the engine makes one between
 * requests (with the sweep of dead WeakMaps' entries) */
static duk_ret_t js_collect_garbage(duk_context *ctx)
{
    (void)ctx;
    fcw_engine_collect(the_engine);
    return 0;
}

/* ownSlotCount(object): its own properties, hidden ones included */
static duk_ret_t js_own_slot_count(duk_context *ctx)
{
    duk_push_uint(ctx, fcw_duk_own_slot_count(ctx, 0));
    return 1;
}

/* A test of a compiled function's flag: 1 or 0 as a boolean, -1 (no
 * compiled function) as undefined. */
static duk_ret_t push_flag(duk_context *ctx, int r)
{
    if (r < 0)
        return 0;
    duk_push_boolean(ctx, r);
    return 1;
}

/* createsArguments(fn): whether each call of fn makes an arguments object
 * (undefined for what is no compiled function) */
static duk_ret_t js_creates_arguments(duk_context *ctx)
{
    return push_flag(ctx, fcw_duk_creates_arguments(ctx, 0));
}

/* varmapNames(fn): the names in fn's variable map, the ones functions
 * nested in it can look up (undefined when it has none) */
static duk_ret_t js_varmap_names(duk_context *ctx)
{
    return fcw_duk_push_varmap_names(ctx, 0) ? 1 : 0;
}

/* runsStrict(fn): whether Duktape runs fn as strict code (undefined for
 * what is no compiled function) */
static duk_ret_t js_runs_strict(duk_context *ctx)
{
    return push_flag(ctx, fcw_duk_is_strict(ctx, 0));
}

/* readsByName(fn): the names fn reads by name (its GETVARs, and CSVARs for
 * calls), in order (undefined for what is no compiled function) */
static duk_ret_t js_reads_by_name(duk_context *ctx)
{
    return fcw_duk_push_getvar_names(ctx, 0) ? 1 : 0;
}

/* currentThread(): the Duktape thread running the caller (an async
 * function's coroutine, inside its body) */
static duk_ret_t js_current_thread(duk_context *ctx)
{
    duk_push_current_thread(ctx);
    return 1;
}

/* lazyPending(name): whether the global of that name is still the accessor
 * of its runtime group, not yet loaded (lib/runtime_lazy.c) */
static duk_ret_t js_lazy_pending(duk_context *ctx)
{
    return push_flag(ctx, fcw_runtime_lazy_pending(ctx, duk_require_string(ctx, 0)));
}

static const struct {
    const char *name;
    duk_c_function fn;
    duk_idx_t nargs;
} test_globals[] = {
    {"print", js_print, 1},
    {"readFile", js_read_file, 1},
    {"collectGarbage", js_collect_garbage, 0},
    {"ownSlotCount", js_own_slot_count, 1},
    {"createsArguments", js_creates_arguments, 1},
    {"varmapNames", js_varmap_names, 1},
    {"runsStrict", js_runs_strict, 1},
    {"currentThread", js_current_thread, 0},
    {"readsByName", js_reads_by_name, 1},
    {"lazyPending", js_lazy_pending, 1},
};

static void add_globals(duk_context *ctx)
{
    duk_push_global_object(ctx);
    for (size_t i = 0; i < sizeof(test_globals) / sizeof(test_globals[0]); i++) {
        duk_push_c_function(ctx, test_globals[i].fn, test_globals[i].nargs);
        duk_put_prop_string(ctx, -2, test_globals[i].name);
    }
    duk_push_object(ctx);
    for (char **e = environ; *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq != NULL) {
            duk_push_string(ctx, eq + 1);
            duk_put_prop_lstring(ctx, -2, *e, (duk_size_t)(eq - *e));
        }
    }
    duk_put_prop_literal(ctx, -2, "env");
    duk_pop(ctx);
}

/* ---- for t/fetch.t: limits from FCW_TEST_* variables, and the runtime's
 * private `native` object as a global when FCW_TEST_NATIVE is set ---- */
static unsigned env_uint(const char *name, unsigned fallback)
{
    const char *v = getenv(name);
    return v != NULL && *v != '\0' ? (unsigned)strtoul(v, NULL, 10) : fallback;
}

static void test_limits(struct fcw_limits *lim)
{
    lim->subrequests = env_uint("FCW_TEST_SUBREQUESTS", lim->subrequests);
    lim->response_queue = env_uint("FCW_TEST_RESPONSE_QUEUE", lim->response_queue);
    lim->fetch_timeout_ms = env_uint("FCW_TEST_FETCH_TIMEOUT_MS", lim->fetch_timeout_ms);
    lim->fetch_connect_timeout_ms = env_uint("FCW_TEST_FETCH_CONNECT_TIMEOUT_MS", lim->fetch_connect_timeout_ms);
    lim->fetch_deny_private = (int)env_uint("FCW_TEST_FETCH_DENY_PRIVATE", (unsigned)lim->fetch_deny_private);
    lim->fetch_allow = getenv("FCW_TEST_FETCH_ALLOW");
}

/* FCW_TEST_BINDINGS="kv:NAME:sqlite:FILE;kv:NAME:redis:URL;d1:NAME:FILE":
 * KV namespaces and D1 databases in env and as globals. */
#define TEST_MAX_BINDINGS 8
static struct fcw_binding test_binding_list[TEST_MAX_BINDINGS];
static char test_binding_text[4096];

static size_t test_bindings(void)
{
    const char *v = getenv("FCW_TEST_BINDINGS");
    size_t n = 0;
    if (v == NULL) {
        return 0;
    }
    snprintf(test_binding_text, sizeof(test_binding_text), "%s", v);
    char *save = NULL;
    for (char *entry = strtok_r(test_binding_text, ";", &save); entry && n < TEST_MAX_BINDINGS;
         entry = strtok_r(NULL, ";", &save)) {
        struct fcw_binding *b = &test_binding_list[n];
        char *name = strchr(entry, ':');
        char *rest = name ? strchr(name + 1, ':') : NULL;
        if (rest == NULL) {
            continue;
        }
        *name++ = '\0';
        *rest++ = '\0';
        b->name = name;
        b->timeout_ms = 5000;
        if (strcmp(entry, "d1") == 0) {
            b->type = FCW_BINDING_D1;
            b->path = rest;
        } else if (strncmp(rest, "redis:", 6) == 0) {
            b->type = FCW_BINDING_KV;
            b->backend = FCW_KV_REDIS;
            b->url = rest + 6;
            b->prefix = "fcw:test:";
        } else if (strncmp(rest, "sqlite:", 7) == 0) {
            b->type = FCW_BINDING_KV;
            b->backend = FCW_KV_SQLITE;
            b->path = rest + 7;
        } else {
            continue;
        }
        n++;
    }
    return n;
}

static void expose_native(struct fcw_engine *e)
{
    duk_context *ctx = fcw_engine_ctx(e);
    if (getenv("FCW_TEST_NATIVE") != NULL) {
        duk_push_global_object(ctx);
        fcw_engine_push_native(ctx);
        duk_put_prop_literal(ctx, -2, "native");
        duk_pop(ctx);
    }
}

/* One file in a child of the loaded runtime; returns its exit status. */
static int run_forked(struct fcw_engine *e, const char *path)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("jsrun: fork");
        return 1;
    }
    if (pid == 0) {
        char err[1024];
        alarm(30);
        if (fcw_engine_eval_file(e, path, err, sizeof(err)) < 0) {
            printf("not ok - load %s\n# %s\n", path, err);
            fflush(stdout);
            _exit(1);
        }
        int rc = fcw_engine_run_loop(e, 20000);
        if (rc < 0) {
            printf("not ok - the event loop did not settle within its limits\n");
        }
        fflush(stdout);
        _exit(rc < 0 ? 1 : 0);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            perror("jsrun: waitpid");
            return 1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
    char err[1024];
    struct fcw_engine_config cfg = {0};
    cfg.log = log_to_stderr;
    /* bounds for a runaway test: 60 s of CPU, 1 GB of heap */
    cfg.limits.cpu_ms = 60000;
    cfg.limits.memory_bytes = (size_t)1 << 30;
    test_limits(&cfg.limits);
    cfg.bindings = test_binding_list;
    cfg.nbindings = test_bindings();
    /* FCW_TEST_CACHE=FILE, FCW_TEST_CACHE_MAX=BYTES: the Cache API's store */
    cfg.cache_path = getenv("FCW_TEST_CACHE");
    cfg.cache_max_size = (size_t)env_uint("FCW_TEST_CACHE_MAX", 0);
    if (argc < 2) {
        fprintf(stderr, "usage: jsrun FILE.js...\n");
        return 2;
    }
    /* FCW_TEST_SINGLE_REQUEST: the runtime of a process for one request
     * (CGI), whose files of lib/runtime_lazy.c load on first use */
    if (getenv("FCW_TEST_SINGLE_REQUEST") != NULL) {
        fcw_engine_single_request();
    }
    struct fcw_engine *e = fcw_engine_new(&cfg, err, sizeof(err));
    if (e == NULL) {
        fprintf(stderr, "jsrun: %s\n", err);
        return 1;
    }
    the_engine = e;
    add_globals(fcw_engine_ctx(e));
    expose_native(e);
    if (strcmp(argv[1], "--fork-each") == 0) {
        for (int i = 2; i < argc; i++) {
            int rc = run_forked(e, argv[i]);
            printf("#-- %s exit %d\n", argv[i], rc);
            fflush(stdout);
        }
        fcw_engine_free(e);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        if (fcw_engine_eval_file(e, argv[i], err, sizeof(err)) < 0) {
            printf("not ok - load %s\n# %s\n", argv[i], err);
            fcw_engine_free(e);
            return 1;
        }
    }
    int rc = fcw_engine_run_loop(e, 120000);
    if (rc < 0) {
        printf("not ok - the event loop did not settle within its limits (120 s, 60 s CPU, 1 GB)\n");
    }
    fcw_engine_free(e);
    return rc < 0 ? 1 : 0;
}
