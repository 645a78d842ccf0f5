/* SPDX-License-Identifier: MIT */
/*
 * A CPU-time alarm for the request's CPU limit. Duktape checks its deadline
 * only every 256K bytecodes, which a loop of heavy native calls (a huge
 * join, a long sort) stretches to many seconds; this timer fires on the
 * process's CPU clock instead, sets fcw_cputimer_expired and calls back
 * (in signal context: the callback may only set flags) so that the engine
 * interrupts the script at its next instruction or allocation. A leaf:
 * it knows nothing of the engine. One timer per process (created anew
 * after a fork, which does not inherit it).
 */
#ifndef FCW_CPUTIMER_H
#define FCW_CPUTIMER_H

#include <signal.h>

extern volatile sig_atomic_t fcw_cputimer_expired;

/* The alarm fires after the limit of CPU time and at most this much more. */
#define FCW_CPUTIMER_WINDOW_MS 2

/* Arms the alarm to fire after ms of CPU time from now, or at most
 * FCW_CPUTIMER_WINDOW_MS more (re-arming replaces it); returns 0, or -1
 * when the system has no such timer (the limit is then checked by the
 * engine's own clock reads alone). */
int fcw_cputimer_arm(unsigned ms, void (*on_expire)(void *data), void *data);
void fcw_cputimer_disarm(void);

/* The CPU time used since the alarm was armed, at least (short by at most
 * FCW_CPUTIMER_WINDOW_MS and the kernel's accounting of it, a clock tick):
 * one system call. -1 when not armed. */
int fcw_cputimer_used_ms(double *used);

#endif
