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

int fcw_duk_detach_arraybuffer(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, idx);
    duk_hbufobj *bufobj;
    duk_hbuffer *empty, *old;

    if (obj == NULL || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_ARRAYBUFFER)
        return -1;
    bufobj = (duk_hbufobj *) obj;
    (void) duk_push_fixed_buffer(ctx, 0);
    empty = duk_known_hbuffer(thr, -1);
    old = bufobj->buf;
    bufobj->buf = empty;
    DUK_HBUFFER_INCREF(thr, empty);
    bufobj->offset = 0;
    bufobj->length = 0;
    duk_pop(ctx);
    if (old != NULL)
        DUK_HBUFFER_DECREF_NORZ(thr, old);
    return 0;
}

duk_ret_t fcw_duk_private_base(duk_context *ctx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, 0);
    duk_hstring *key;
    duk_propdesc desc;

    if (obj != NULL) {
        key = duk_to_property_key_hstring(thr, 1);
        if (duk_hobject_get_own_propdesc(thr, obj, key, &desc, 0)) {
            duk_set_top(thr, 1);
            return 1;
        }
    }
    return duk_error(ctx, DUK_ERR_TYPE_ERROR, "attempted to use private field on non-instance");
}
