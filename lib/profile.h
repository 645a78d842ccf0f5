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

#include "duktape.h"

struct fcw_engine;

/* Set by the profiler's signal: the engine's next interrupt takes a sample
 * (fcw_profile_sample). */
extern volatile sig_atomic_t fcw_profile_pending;

/* A request of the engine starts / ends: only then are samples taken. */
void fcw_profile_begin(struct fcw_engine *engine, duk_context *ctx);
void fcw_profile_end(void);

/* Counts the running JavaScript's call stack (from the interrupt). */
void fcw_profile_sample(duk_context *ctx);

/* Writes PREFIX.PID with what was counted, if anything was (a failure is
 * logged through engine, or on stderr when it is NULL). */
void fcw_profile_write(struct fcw_engine *engine);

#endif
