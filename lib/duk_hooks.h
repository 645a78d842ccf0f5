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

/* Detaches the ArrayBuffer at idx (structured transfer): it is left with
 * byteLength 0 over an empty buffer, its old bytes freed when no view
 * references them any more. Views made before keep the bytes they see.
 * Returns 0, or -1 if the value is not an ArrayBuffer. */
int fcw_duk_detach_arraybuffer(duk_context *ctx, duk_idx_t idx);

/* native.privateBase(receiver, key), the brand check of a private class
 * member that fcworker-build lowered to a property under a unique key:
 * returns receiver if it is an object with key as an OWN property (neither
 * inherited nor through a proxy), else throws a TypeError. The C form of
 * `Object.prototype.hasOwnProperty.call(receiver, key)` and a throw. */
duk_ret_t fcw_duk_private_base(duk_context *ctx);

#endif
