/*
 * Duktape, compiled from the source duktape-dev installs (copied to
 * lib/duk/duktape.c at build time), in one unit with the few calls
 * fcworker needs that Duktape's public API does not have. Built like
 * Duktape itself, without our warning flags.
 */
#include "duktape.c"

#include "duk_hooks.h"

void fcw_duk_request_interrupt(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hthread *cur = thr != NULL && thr->heap != NULL ? thr->heap->curr_thread : NULL;
    if (cur != NULL) {
        /* as Duktape's debugger forces an interrupt: keep the instruction
         * count consistent, then trigger at the next instruction */
        cur->interrupt_init -= cur->interrupt_counter;
        cur->interrupt_counter = 0;
    }
}
