/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of lib/loop.c: timer order, cancellation (including stale ids),
 * fd readiness through a pipe, and that an idle wait blocks until the next
 * deadline instead of spinning.
 */
#include "config.h"

#include "loop.h"
#include "tap.h"

#include <string.h>
#include <unistd.h>

static char order[32];
static int norder;

static void record(struct fcw_loop *loop, uint64_t id, void *data)
{
    (void)loop;
    (void)id;
    order[norder++] = *(const char *)data;
}

static int counted;

static void count(struct fcw_loop *loop, uint64_t id, void *data)
{
    (void)loop;
    (void)id;
    (void)data;
    counted++;
}

static void read_pipe(struct fcw_loop *loop, int fd, int events, void *data)
{
    char c;
    if ((events & FCW_LOOP_READ) && read(fd, &c, 1) == 1) {
        order[norder++] = c;
    }
    fcw_loop_del_fd(loop, fd);
    (void)data;
}

int main(void)
{
    struct fcw_loop *loop = fcw_loop_new(NULL);
    static const char a = 'a', b = 'b', c = 'c', d = 'd';

    fcw_loop_add_timer(loop, 30, record, (void *)&c);
    fcw_loop_add_timer(loop, 10, record, (void *)&a);
    fcw_loop_add_timer(loop, 10, record, (void *)&b);
    uint64_t cancelled = fcw_loop_add_timer(loop, 20, record, (void *)&d);
    ok(fcw_loop_del_timer(loop, cancelled) == 0, "a pending timer can be cancelled");
    ok(fcw_loop_del_timer(loop, cancelled) == -1, "cancelling it twice fails");
    ok(fcw_loop_timer_count(loop) == 3, "three timers pending");
    double start = fcw_loop_now();
    int passes = 0;
    while (fcw_loop_run_once(loop, -1) >= 0) {
        passes++;
    }
    double took = fcw_loop_now() - start;
    order[norder] = '\0';
    ok(strcmp(order, "abc") == 0, "timers fire by deadline, ties in creation order (got %s)", order);
    ok(took >= 29, "the last timer waited for its deadline (%.1f ms)", took);
    ok(passes <= 4, "the loop blocked instead of spinning (%d passes)", passes);
    ok(fcw_loop_run_once(loop, -1) == -1, "an empty loop says so");

    uint64_t stale = fcw_loop_add_timer(loop, 0, record, (void *)&a);
    fcw_loop_run_once(loop, -1);
    uint64_t fresh = fcw_loop_add_timer(loop, 0, record, (void *)&b);
    ok(fcw_loop_del_timer(loop, stale) == -1, "a fired timer's id does not cancel the timer reusing its slot");
    ok(fcw_loop_del_timer(loop, fresh) == 0, "the new timer is cancelled by its own id");

    int fds[2];
    norder = 0;
    ok(pipe(fds) == 0, "pipe");
    fcw_loop_set_fd(loop, fds[0], FCW_LOOP_READ, read_pipe, NULL);
    fcw_loop_add_timer(loop, 50, record, (void *)&d);
    ok(write(fds[1], "x", 1) == 1, "write to pipe");
    fcw_loop_run_once(loop, -1);
    ok(norder == 1 && order[0] == 'x', "a readable fd wakes the loop before the timer");
    ok(fcw_loop_fd_count(loop) == 0, "the callback removed its fd");
    fcw_loop_clear_timers(loop);
    ok(fcw_loop_timer_count(loop) == 0, "clear_timers empties the heap");

    for (int i = 0; i < 1000; i++) {
        uint64_t id = fcw_loop_add_timer(loop, (double)((i * 7919) % 1000) / 1000.0, count, NULL);
        if (i % 10 == 0) {
            fcw_loop_del_timer(loop, id);
        }
    }
    while (fcw_loop_run_once(loop, -1) >= 0) {
    }
    ok(counted == 900, "1000 timers, 100 cancelled: 900 fire (%d)", counted);
    close(fds[0]);
    close(fds[1]);
    fcw_loop_free(loop);
    return done_testing();
}
