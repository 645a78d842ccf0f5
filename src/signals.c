/* SPDX-License-Identifier: MIT */
/*
 * Signal handling for the master (self-pipe) and the children (a flag).
 */
#include "config.h"

#include "signals.h"

#include "clock.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/epoll.h>
#include <string.h>
#include <unistd.h>

/* how often a child that finds work at once looks for pending signals */
#define SIGNALS_PENDING_CHECK_MS 5

static int pipe_fds[2] = {-1, -1};
static volatile sig_atomic_t child_stop;
static volatile sig_atomic_t child_reopen;

static const int master_signals[] = {SIGTERM, SIGQUIT, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGCHLD};
/* What a child handles (stop, reopen); blocked except while it waits. */
static const int child_signals[] = {SIGTERM, SIGQUIT, SIGINT, SIGUSR1};

static void on_master_signal(int sig)
{
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    ssize_t w = write(pipe_fds[1], &b, 1);
    (void)w;
    errno = saved;
}

static void on_child_signal(int sig)
{
    if (sig == SIGUSR1) {
        child_reopen = 1;
    } else {
        child_stop = 1;
    }
}

int signals_init_main(void)
{
    if (pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) < 0) {
        return -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_master_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (size_t i = 0; i < sizeof(master_signals) / sizeof(master_signals[0]); i++) {
        sigaction(master_signals[i], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    return pipe_fds[0];
}

int signals_next(void)
{
    unsigned char b;
    return read(pipe_fds[0], &b, 1) == 1 ? b : 0;
}

void signals_block(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, old);
}

void signals_restore(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void signals_init_child(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_DFL;
    for (size_t i = 0; i < sizeof(master_signals) / sizeof(master_signals[0]); i++) {
        sigaction(master_signals[i], &sa, NULL);
    }
    /* SA_RESTART keeps the reads and writes of a request going; the child
     * waits for connections in ppoll()/epoll_pwait(), which a signal always
     * interrupts */
    sa.sa_handler = on_child_signal;
    sa.sa_flags = SA_RESTART;
    for (size_t i = 0; i < sizeof(child_signals) / sizeof(child_signals[0]); i++) {
        sigaction(child_signals[i], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    if (pipe_fds[0] >= 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        pipe_fds[0] = pipe_fds[1] = -1;
    }
    /* Stop and reopen requests stay blocked except while the child waits
     * for a connection (signals_child_wait): they are acted on between
     * requests, never in the middle of a request's reads and writes. */
    sigset_t mask;
    sigemptyset(&mask);
    for (size_t i = 0; i < sizeof(child_signals) / sizeof(child_signals[0]); i++) {
        sigaddset(&mask, child_signals[i]);
    }
    sigprocmask(SIG_SETMASK, &mask, NULL);
}

/* Lets in the child's signals that are pending. */
static void child_deliver(void)
{
    /* at most every SIGNALS_PENDING_CHECK_MS: a syscall per request
     * otherwise, for signals that come a few times a day */
    static double checked;
    double now = clock_now_ms();
    if (now - checked < SIGNALS_PENDING_CHECK_MS) {
        return;
    }
    checked = now;
    sigset_t pending;
    int any = 0;
    if (sigpending(&pending) == 0) {
        for (size_t i = 0; i < sizeof(child_signals) / sizeof(child_signals[0]); i++) {
            any |= sigismember(&pending, child_signals[i]) == 1;
        }
    }
    if (any) {
        sigset_t none, blocked;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, &blocked);
        sigprocmask(SIG_SETMASK, &blocked, NULL);
    }
}

int signals_child_wait(int epfd, int prefer, int timeout_ms)
{
    sigset_t none;
    sigemptyset(&none);
    struct epoll_event ev[2];
    int ready = -1;
    /* A child with no kept connection that finds nothing to accept gives
     * its CPU away once before it sleeps: the front server and its clients
     * then run at once, and the next connection is often there when the
     * child comes back, or goes to a child already waiting. Going straight
     * to sleep made every connection a wake-up: behind nginx without
     * connection reuse, on two cores, a pool of 4 answered a hello at
     * 34,000-38,000 requests a second where a pool of 1 (never idle under
     * load) answered 48,000; with the yield every pool size answers
     * 48,000-51,000, the JSON API 32,000 -> 46,000, and the real apps
     * move by their noise. A kept connection brings its next request to
     * this child alone: there the yield gained 0-12% on a hello or the
     * JSON API, nothing on the real apps, and raised the small requests'
     * p99 from 1.4-1.55 to 1.8-1.9 ms, so such a child sleeps at once. */
    int n = 0;
    if (prefer < 0 && (n = epoll_pwait(epfd, ev, 2, 0, &none)) == 0) {
        (void)sched_yield();
    }
    if (n == 0) {
        n = epoll_pwait(epfd, ev, 2, timeout_ms, &none);
        if (n == 0) {
            return -2;
        }
    }
    for (int i = 0; i < n; i++) {
        if (ev[i].events & (EPOLLIN | EPOLLHUP | EPOLLRDHUP | EPOLLERR)) {
            if (ready < 0 || ev[i].data.fd == prefer) {
                ready = ev[i].data.fd;
            }
        }
    }
    if (ready >= 0) {
        /* a signal that came with the connection is delivered only when
         * the wait fails with EINTR (under steady load it never does): if
         * one is pending, let it in now, before the accept */
        child_deliver();
    }
    return ready;
}

int signals_child_input(int epfd)
{
    struct epoll_event ev[2];
    return epoll_wait(epfd, ev, 2, 0) > 0;
}

int signals_child_stopping(void)
{
    return child_stop;
}

int signals_child_reopen(void)
{
    int r = child_reopen;
    child_reopen = 0;
    return r;
}
