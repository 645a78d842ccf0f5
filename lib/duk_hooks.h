/*
 * What fcworker asks of Duktape beyond its public API (lib/duk_hooks.c).
 */
#ifndef FCW_DUK_HOOKS_H
#define FCW_DUK_HOOKS_H

#include "duktape.h"

/* Makes the running thread check its interrupt (the exec-timeout hook) at
 * the next bytecode instruction instead of up to 256K instructions later.
 * Only writes two integers: safe from a signal handler on the same thread. */
void fcw_duk_request_interrupt(duk_context *ctx);

#endif
