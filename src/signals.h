/* SPDX-License-Identifier: MIT */
/*
 * Signals. The master turns each signal into one byte on a self-pipe that
 * its loop reads; a child only notes that it was asked to stop (its wait
 * for a connection in ppoll()/epoll_pwait() returns, a busy child finishes
 * its request first) or to reopen its log.
 */
#ifndef FCW_SIGNALS_H
#define FCW_SIGNALS_H

#include <signal.h>

/* Returns the read end of the self-pipe, or -1. */
int signals_init_main(void);
/* The next signal number waiting on the self-pipe, or 0. */
int signals_next(void);

void signals_block(sigset_t *old);
void signals_restore(const sigset_t *old);

void signals_init_child(void);
int signals_child_stopping(void);
/* Waits, with the child's signals unblocked, for the epoll set epfd to
 * report input; returns the fd that has it (prefer when it is one of
 * several), -1 when a signal came first, or -2 when timeout_ms (-1: no
 * limit) passed first. */
int signals_child_wait(int epfd, int prefer, int timeout_ms);
/* Whether the epoll set epfd reports input now (without waiting). */
int signals_child_input(int epfd);
/* True once after SIGUSR1 asked to reopen the logs. */
int signals_child_reopen(void);

#endif
