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

/* The empty buffer every detached buffer object points to, one per heap
 * (kept in the heap stash): it tells a detached ArrayBuffer from one of
 * length 0. */
static duk_hbuffer *detached_buffer(duk_hthread *thr)
{
    duk_context *ctx = (duk_context *) thr;
    duk_hbuffer *h;

    duk_push_heap_stash(ctx);
    if (!duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("fcwDetachedBuffer"))) {
        duk_pop(ctx);
        (void) duk_push_fixed_buffer(ctx, 0);
        duk_dup_top(ctx);
        duk_put_prop_literal(ctx, -3, DUK_HIDDEN_SYMBOL("fcwDetachedBuffer"));
    }
    h = duk_known_hbuffer(thr, -1);
    duk_pop_2(ctx);
    return h;
}

int fcw_duk_detach_arraybuffer(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_heap *heap = thr->heap;
    duk_hobject *obj = duk_get_hobject(thr, idx);
    duk_hbuffer *empty, *old;
    duk_heaphdr *h;

    if (obj == NULL || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_ARRAYBUFFER)
        return -1;
    empty = detached_buffer(thr);
    old = ((duk_hbufobj *) obj)->buf;
    if (old == empty)
        return 0;
    if (old == NULL) {
        ((duk_hbufobj *) obj)->buf = empty;
        DUK_HBUFFER_INCREF(thr, empty);
        ((duk_hbufobj *) obj)->offset = 0;
        ((duk_hbufobj *) obj)->length = 0;
        return 0;
    }
    /* every buffer object over the same bytes (the ArrayBuffer, its
     * views, another ArrayBuffer made over them by C) is found on the
     * heap's list of objects; the extra reference keeps old (itself on
     * that list) alive while the list is walked */
    DUK_HBUFFER_INCREF(thr, old);
    for (h = heap->heap_allocated; h != NULL; h = DUK_HEAPHDR_GET_NEXT(heap, h)) {
        duk_hbufobj *bufobj;
        if (DUK_HEAPHDR_GET_TYPE(h) != DUK_HTYPE_OBJECT || !DUK_HOBJECT_IS_BUFOBJ((duk_hobject *) h))
            continue;
        bufobj = (duk_hbufobj *) h;
        if (bufobj->buf != old)
            continue;
        bufobj->buf = empty;
        DUK_HBUFFER_INCREF(thr, empty);
        bufobj->offset = 0;
        bufobj->length = 0;
        DUK_HBUFFER_DECREF_NORZ(thr, old);
    }
    DUK_HBUFFER_DECREF_NORZ(thr, old);
    return 0;
}

int fcw_duk_arraybuffer_state(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, idx);

    if (obj == NULL || DUK_HOBJECT_GET_CLASS_NUMBER(obj) != DUK_HOBJECT_CLASS_ARRAYBUFFER)
        return -1;
    return ((duk_hbufobj *) obj)->buf == detached_buffer(thr) ? 1 : 0;
}

void fcw_duk_make_non_constructor(duk_context *ctx, duk_idx_t idx)
{
    duk_hthread *thr = (duk_hthread *) ctx;
    duk_hobject *obj = duk_get_hobject(thr, idx);
    if (obj != NULL && DUK_HOBJECT_IS_CALLABLE(obj)) {
        DUK_HOBJECT_CLEAR_CONSTRUCTABLE(obj);
        (void) duk_hobject_delprop_raw(thr, obj, DUK_HTHREAD_STRING_PROTOTYPE(thr), DUK_DELPROP_FLAG_FORCE);
    }
}
