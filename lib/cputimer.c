/* SPDX-License-Identifier: MIT */
/*
 * The CPU-time alarm (see cputimer.h): a POSIX timer on the process's CPU
 * clock that raises SIGXCPU once. A forked child does not inherit the
 * timer: an atfork handler forgets it there, so that arming it (twice per
 * request) costs no getpid() to find out whether it is still ours.
 */
#include "config.h"

#include "cputimer.h"

#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

volatile sig_atomic_t fcw_cputimer_expired;

static timer_t timer;
static int timer_made;   /* this process has the timer */
static int atfork_added; /* forget_timer is registered */
static void (*expire_cb)(void *data);
static void *expire_data;

static void on_sigxcpu(int sig)
{
    (void)sig;
    fcw_cputimer_expired = 1;
    if (expire_cb != NULL) {
        expire_cb(expire_data);
    }
}

static void forget_timer(void)
{
    timer_made = 0;
}

static int cputimer_create(void)
{
    if (timer_made) {
        return 0;
    }
    if (!atfork_added) {
        if (pthread_atfork(NULL, NULL, forget_timer) != 0) {
            return -1;
        }
        atfork_added = 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigxcpu;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    struct sigevent sev;
    memset(&sev, 0, sizeof(sev));
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGXCPU;
    if (sigaction(SIGXCPU, &sa, NULL) < 0 || timer_create(CLOCK_PROCESS_CPUTIME_ID, &sev, &timer) < 0) {
        return -1;
    }
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGXCPU);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    timer_made = 1;
    return 0;
}

int fcw_cputimer_arm(unsigned ms, void (*on_expire)(void *data), void *data)
{
    fcw_cputimer_expired = 0;
    if (cputimer_create() < 0) {
        return -1;
    }
    expire_cb = on_expire;
    expire_data = data;
    struct itimerspec its;
    memset(&its, 0, sizeof(its));
    its.it_value.tv_sec = (time_t)(ms / 1000);
    its.it_value.tv_nsec = (long)(ms % 1000) * 1000000L;
    if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0) {
        its.it_value.tv_nsec = 1;
    }
    return timer_settime(timer, 0, &its, NULL);
}

void fcw_cputimer_disarm(void)
{
    if (timer_made) {
        struct itimerspec off;
        memset(&off, 0, sizeof(off));
        timer_settime(timer, 0, &off, NULL);
    }
    expire_cb = NULL;
    expire_data = NULL;
    fcw_cputimer_expired = 0;
}
