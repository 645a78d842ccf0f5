/* SPDX-License-Identifier: MIT */
/*
 * The CPU-time alarm (see cputimer.h): a POSIX timer on the process's CPU
 * clock that raises SIGXCPU once. A forked child does not inherit the
 * timer: an atfork handler forgets it there, so that arming it costs no
 * getpid() to find out whether it is still ours.
 *
 * Setting the kernel's timer is a system call, and so is stopping it, and
 * so is reading the CPU clock to know where a request starts: three per
 * request, which cost a child answering hello about 3 us of its 45 (CPU
 * time per request, over 10,000 requests). So the timer is set for the
 * limit and a window of FCW_CPUTIMER_WINDOW_MS more, and a setting is kept
 * for the next requests while it is younger than the window in wall time:
 * the process cannot have used more CPU time than wall time since (its one
 * thread runs the scripts; the resolver threads of libcurl use next to
 * none), so the timer still has at least the limit to run, and at most the
 * limit and the window. Disarming leaves such a young setting in place (it
 * cannot fire before the process has used a whole limit of CPU time more;
 * a signal that comes while nothing is armed is ignored) and stops an
 * older one. What a request has used is read off the timer when asked
 * (fcw_cputimer_used_ms): the time the setting has run, less the wall time
 * between the setting and the arming.
 */
#include "config.h"

#include "cputimer.h"

#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

volatile sig_atomic_t fcw_cputimer_expired;

static timer_t timer;
static int timer_made;              /* this process has the timer */
static int atfork_added;            /* forget_timer is registered */
static volatile sig_atomic_t armed; /* a request is under the alarm */
static void (*expire_cb)(void *data);
static void *expire_data;
/* the kernel timer's setting: when (wall-clock ms), for which limit; and
 * when the alarm was last armed */
static double set_at = -1; /* < 0: not set */
static unsigned set_for;
static double armed_at;

static void on_sigxcpu(int sig)
{
    (void)sig;
    if (!armed) {
        return; /* a setting kept between requests */
    }
    fcw_cputimer_expired = 1;
    if (expire_cb != NULL) {
        expire_cb(expire_data);
    }
}

static void forget_timer(void)
{
    timer_made = 0;
    set_at = -1;
}

static double wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
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
    armed = 0;
    fcw_cputimer_expired = 0;
    if (cputimer_create() < 0) {
        return -1;
    }
    expire_cb = on_expire;
    expire_data = data;
    double now = wall_ms();
    if (set_at < 0 || set_for != ms || now - set_at > FCW_CPUTIMER_WINDOW_MS) {
        unsigned long long total = (unsigned long long)ms + FCW_CPUTIMER_WINDOW_MS;
        struct itimerspec its;
        memset(&its, 0, sizeof(its));
        its.it_value.tv_sec = (time_t)(total / 1000);
        its.it_value.tv_nsec = (long)(total % 1000) * 1000000L;
        if (timer_settime(timer, 0, &its, NULL) < 0) {
            set_at = -1;
            return -1;
        }
        set_at = now;
        set_for = ms;
    }
    armed_at = now;
    armed = 1;
    return 0;
}

int fcw_cputimer_used_ms(double *used)
{
    struct itimerspec its;
    if (!armed || set_at < 0 || timer_gettime(timer, &its) < 0) {
        return -1;
    }
    /* 0 once expired (the kernel then disarms it): the whole setting ran */
    double left = (double)its.it_value.tv_sec * 1000.0 + (double)its.it_value.tv_nsec / 1e6;
    double ran = (double)(set_for + FCW_CPUTIMER_WINDOW_MS) - left - (armed_at - set_at);
    *used = ran > 0 ? ran : 0;
    return 0;
}

void fcw_cputimer_disarm(void)
{
    armed = 0;
    if (timer_made && set_at >= 0 && wall_ms() - set_at > FCW_CPUTIMER_WINDOW_MS) {
        struct itimerspec off;
        memset(&off, 0, sizeof(off));
        timer_settime(timer, 0, &off, NULL);
        set_at = -1;
    }
    expire_cb = NULL;
    expire_data = NULL;
    fcw_cputimer_expired = 0;
}
