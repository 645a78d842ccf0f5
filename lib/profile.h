/* SPDX-License-Identifier: MIT */
/*
 * The JavaScript sampling profiler, for developers: with FCW_PROFILE=PREFIX
 * in its environment, each process that runs requests counts the call
 * stacks of its JavaScript once per millisecond of CPU time and writes them
 * to PREFIX.PID when its engine is freed (see profile.c).
 */
#ifndef FCW_PROFILE_H
#define FCW_PROFILE_H

#include <signal.h>

#include <stddef.h>

#include "duktape.h"

/* Set by the profiler's signal: the engine's next interrupt takes a sample
 * (fcw_profile_sample). */
extern volatile sig_atomic_t fcw_profile_pending;

/* A request of the engine ctx starts / ends: only then are samples taken.
 * fcw_profile_begin returns -1 (errno set) when FCW_PROFILE is set but the
 * timer cannot be started (profiling is then off), else 0. */
int fcw_profile_begin(duk_context *ctx);
void fcw_profile_end(void);

/* Counts the running JavaScript's call stack (from the interrupt). */
void fcw_profile_sample(duk_context *ctx);

/* Writes PREFIX.PID with what was counted, if anything was: 0, or -1
 * (errno set) with the file's name in path. map, when not NULL, may give
 * each stack's text as it is to be written (malloc'ed; NULL: as it is). */
int fcw_profile_write(char *path, size_t pathlen, char *(*map)(void *data, const char *stack), void *data);

#endif
