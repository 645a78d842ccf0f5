/* SPDX-License-Identifier: MIT */
/*
 * The program's one clock: monotonic milliseconds, for deadlines, timeouts
 * and durations in the master and the children (wall-clock times for logs
 * and the status page come from time()/gettimeofday() where they are shown).
 */
#ifndef FCW_CLOCK_H
#define FCW_CLOCK_H

double clock_now_ms(void);

#endif
