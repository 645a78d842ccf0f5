/*
 * Byte searches for the runtime's parsers: native.indexOfBytes(hay, needle,
 * from) finds needle (bytes) in hay from an offset with memmem, where a
 * JavaScript loop over a Uint8Array costs a few hundred instructions a byte
 * (multipart/form-data bodies of several megabytes are searched for their
 * boundary this way). native.detachArrayBuffer(buffer) detaches an
 * ArrayBuffer and its views (lib/duk_hooks.c) for structured transfer and
 * ArrayBuffer.prototype.transfer; native.arrayBufferState(x) is the brand
 * check and the [[ArrayBufferData]]-is-null test of js/14-newer-methods.js.
 */
#include "config.h"

#include "duk_hooks.h"
#include "engine.h"

#include <string.h>

/* native.indexOfBytes(hay, needle, from): the offset of the first needle
 * at or after from, or -1. */
static duk_ret_t native_index_of_bytes(duk_context *ctx)
{
    duk_size_t hay_len = 0, needle_len = 0;
    const unsigned char *hay = duk_require_buffer_data(ctx, 0, &hay_len);
    const unsigned char *needle = duk_require_buffer_data(ctx, 1, &needle_len);
    double from = duk_to_number(ctx, 2);
    if (from != from || from < 0) {
        from = 0;
    }
    if (from > (double) hay_len || needle_len > hay_len - (duk_size_t) from) {
        duk_push_int(ctx, -1);
        return 1;
    }
    size_t start = (size_t) from;
    const unsigned char *found = needle_len == 0 ? hay + start : memmem(hay + start, hay_len - start, needle, needle_len);
    duk_push_number(ctx, found ? (double) (found - hay) : -1.0);
    return 1;
}

/* native.detachArrayBuffer(buffer): TypeError unless buffer is an ArrayBuffer. */
static duk_ret_t native_detach_array_buffer(duk_context *ctx)
{
    if (fcw_duk_detach_arraybuffer(ctx, 0) < 0)
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not an ArrayBuffer");
    return 0;
}

/* native.arrayBufferState(x): -1 when x is not an ArrayBuffer, 1 when it
 * was detached, 0 otherwise. */
static duk_ret_t native_array_buffer_state(duk_context *ctx)
{
    duk_push_int(ctx, fcw_duk_arraybuffer_state(ctx, 0));
    return 1;
}

void fcw_api_bytes_init(duk_context *ctx, duk_idx_t native_idx)
{
    duk_push_c_function(ctx, native_detach_array_buffer, 1);
    duk_put_prop_literal(ctx, native_idx, "detachArrayBuffer");
    duk_push_c_function(ctx, native_array_buffer_state, 1);
    duk_put_prop_literal(ctx, native_idx, "arrayBufferState");
    duk_push_c_function(ctx, native_index_of_bytes, 3);
    duk_put_prop_literal(ctx, native_idx, "indexOfBytes");
}
