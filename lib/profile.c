/* SPDX-License-Identifier: MIT */
/*
 * The JavaScript sampling profiler (FCW_PROFILE=PREFIX). While a request
 * runs, a POSIX timer on the process's CPU clock raises SIGPROF every
 * millisecond of CPU time; the handler asks Duktape for an interrupt at its next
 * bytecode (as the CPU-time limit does), and the engine's interrupt check
 * calls fcw_profile_sample, which counts the call stack of the running
 * JavaScript: up to 8 frames, each "function (file:line)". Native functions
 * show their name alone. Time spent in C below a JavaScript function (a
 * native, the allocator, collection) is counted for the frame that is
 * current when the interrupt comes, at its next bytecode.
 *
 * The counts go to PREFIX.PID when the engine is freed (a child that stops
 * or is replaced, a CGI request's end), each stack passed through the
 * engine's source maps (native.mapStack) on the way: a header, then one
 * line per distinct stack, "SAMPLES<TAB>innermost <- caller <- ...", the
 * most frequent first. Between requests the timer keeps running but nothing is
 * sampled. Distinct stacks beyond MAX_STACKS are counted as "(other)".
 */
#include "config.h"

#include "profile.h"

#include "duk_hooks.h"
#include "fcw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAMES 8
#define MAX_STACKS 65536
#define INTERVAL_US 1000

volatile sig_atomic_t fcw_profile_pending;

struct entry {
    char *stack;
    unsigned long count;
};

static int state;       /* 0 unknown, 1 on, -1 off */
static pid_t timer_pid; /* interval timers are not inherited by fork() */
static const char *prefix;
static duk_context *volatile target;
static struct entry *table;
static size_t table_size, table_used;
static unsigned long total, other;

static void on_sigprof(int sig)
{
    (void)sig;
    duk_context *ctx = target;
    if (ctx != NULL) {
        fcw_profile_pending = 1;
        fcw_duk_request_interrupt(ctx);
    }
}

static int enabled(void)
{
    if (state == 0) {
        prefix = getenv("FCW_PROFILE");
        state = prefix != NULL && prefix[0] != '\0' ? 1 : -1;
    }
    if (state > 0 && timer_pid != getpid()) {
        /* a POSIX timer on the process's CPU clock, not inherited by fork;
         * Linux checks CPU timers at its clock tick, so samples come every
         * tick (4 ms at HZ=250) when that is longer than the interval */
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_sigprof;
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        struct sigevent sev;
        memset(&sev, 0, sizeof(sev));
        sev.sigev_notify = SIGEV_SIGNAL;
        sev.sigev_signo = SIGPROF;
        timer_t timer;
        struct itimerspec it = {{0, INTERVAL_US * 1000L}, {0, INTERVAL_US * 1000L}};
        if (sigaction(SIGPROF, &sa, NULL) < 0 || timer_create(CLOCK_PROCESS_CPUTIME_ID, &sev, &timer) < 0 ||
            timer_settime(timer, 0, &it, NULL) < 0) {
            state = -1;
            return -1;
        }
        sigset_t unblock;
        sigemptyset(&unblock);
        sigaddset(&unblock, SIGPROF);
        sigprocmask(SIG_UNBLOCK, &unblock, NULL);
        timer_pid = getpid();
    }
    return state > 0;
}

int fcw_profile_begin(duk_context *ctx)
{
    if (state < 0) {
        return 0;
    }
    int on = enabled();
    if (on > 0) {
        target = ctx;
    }
    return on < 0 ? -1 : 0;
}

void fcw_profile_end(void)
{
    target = NULL;
    fcw_profile_pending = 0;
}

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    for (; *s; s++) {
        h = h * 33 + (unsigned char)*s;
    }
    return h;
}

static int grow(void)
{
    size_t size = table_size ? table_size * 2 : 1024;
    struct entry *t = calloc(size, sizeof(*t));
    if (t == NULL) {
        return -1;
    }
    for (size_t i = 0; i < table_size; i++) {
        if (table[i].stack != NULL) {
            size_t j = hash(table[i].stack) & (size - 1);
            while (t[j].stack != NULL) {
                j = (j + 1) & (size - 1);
            }
            t[j] = table[i];
        }
    }
    free(table);
    table = t;
    table_size = size;
    return 0;
}

static void count(const char *stack)
{
    total++;
    if ((table_used + 1) * 2 > table_size && (table_used >= MAX_STACKS || grow() < 0)) {
        other++;
        return;
    }
    size_t i = hash(stack) & (table_size - 1);
    while (table[i].stack != NULL) {
        if (strcmp(table[i].stack, stack) == 0) {
            table[i].count++;
            return;
        }
        i = (i + 1) & (table_size - 1);
    }
    table[i].stack = strdup(stack);
    if (table[i].stack == NULL) {
        other++;
        return;
    }
    table[i].count = 1;
    table_used++;
}

void fcw_profile_sample(duk_context *ctx)
{
    struct fcw_duk_frame frames[MAX_FRAMES];
    char stack[2048];
    size_t len = 0;

    fcw_profile_pending = 0;
    if (target == NULL) {
        return;
    }
    int n = fcw_duk_stack_frames(ctx, frames, MAX_FRAMES);
    stack[0] = '\0';
    for (int i = 0; i < n && len < sizeof(stack); i++) {
        const char *name = frames[i].name[0] != '\0' ? frames[i].name : "(anonymous)";
        int w;
        if (frames[i].file[0] != '\0') {
            w = snprintf(stack + len, sizeof(stack) - len, "%s%s (%s:%ld)", i > 0 ? " <- " : "", name, frames[i].file,
                         frames[i].line);
        } else {
            w = snprintf(stack + len, sizeof(stack) - len, "%s%s", i > 0 ? " <- " : "", name);
        }
        if (w < 0) {
            break;
        }
        len += (size_t)w;
    }
    if (len >= sizeof(stack)) {
        len = sizeof(stack) - 1;
        stack[len] = '\0';
    }
    count(n > 0 ? stack : "(no JavaScript running)");
}

static int by_count(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    if (x->count != y->count) {
        return x->count < y->count ? 1 : -1;
    }
    return strcmp(x->stack, y->stack);
}

int fcw_profile_write(char *path, size_t pathlen, char *(*map)(void *data, const char *stack), void *data)
{
    if (state <= 0 || total == 0 || timer_pid != getpid()) {
        return 0;
    }
    struct entry *list = calloc(table_used ? table_used : 1, sizeof(*list));
    if (list == NULL) {
        snprintf(path, pathlen, "%s.%ld", prefix, (long)getpid());
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < table_size; i++) {
        if (table[i].stack != NULL) {
            list[n++] = table[i];
        }
    }
    qsort(list, n, sizeof(*list), by_count);
    snprintf(path, pathlen, "%s.%ld", prefix, (long)getpid());
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        free(list);
        return -1;
    }
    fprintf(f,
            "# fcworker JavaScript profile of process %ld: %lu samples, taken every %d us of the process's CPU "
            "time in requests (or every clock tick of the kernel, when longer)\n",
            (long)getpid(), total, INTERVAL_US);
    fprintf(f, "# samples\tstack (innermost first)\n");
    for (size_t i = 0; i < n; i++) {
        char *mapped = map != NULL ? map(data, list[i].stack) : NULL;
        fprintf(f, "%lu\t%s\n", list[i].count, mapped != NULL ? mapped : list[i].stack);
        free(mapped);
    }
    if (other > 0) {
        fprintf(f, "%lu\t(other)\n", other);
    }
    int rc = fclose(f) == 0 ? 0 : -1;
    free(list);
    total = other = 0;
    for (size_t i = 0; i < table_size; i++) {
        free(table[i].stack);
        table[i].stack = NULL;
    }
    table_used = 0;
    return rc;
}
