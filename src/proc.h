/* SPDX-License-Identifier: MIT */
/*
 * Running a piece of work in a forked process and capturing what it says:
 * the master's script checks (a throw-away child loads each pool's worker)
 * and the build step (fcworker-build) both fork, read the child's output
 * through a pipe with a deadline, and wait for it.
 */
#ifndef FCW_PROC_H
#define FCW_PROC_H

#include <stddef.h>

/* Runs fn(arg, fd) in a forked child (fn must end the child with _exit;
 * what it writes to fd is captured; it leads its own process group if it
 * calls setpgid). Reads that output into output (NUL-terminated, cut to
 * fit) until the child closes it or timeout_ms passes (0: no limit), then
 * waits for the child. Returns 0 with its wait status in *status, or -1
 * with output saying why (what names the work in that message). */
int proc_capture(void (*fn)(void *arg, int fd), void *arg, const char *what, unsigned timeout_ms, char *output,
                 size_t outlen, int *status);

#endif
