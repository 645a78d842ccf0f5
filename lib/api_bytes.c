/* SPDX-License-Identifier: MIT */
/*
 * Byte searches for the runtime's parsers: native.indexOfBytes(hay, needle,
 * from) finds needle (bytes) in hay from an offset with memmem, where a
 * JavaScript loop over a Uint8Array costs a few hundred instructions a byte
 * (multipart/form-data bodies of several megabytes are searched for their
 * boundary this way). native.detachArrayBuffer(buffer) detaches an
 * ArrayBuffer and its views (lib/duk_hooks.c) for structured transfer and
 * ArrayBuffer.prototype.transfer; native.arrayBufferState(x) is the brand
 * check and the [[ArrayBufferData]]-is-null test of js/14-newer-methods.js.
 *
 * UTF-8 fast paths for text that needs no conversion. Duktape keeps a
 * string as CESU-8: code points up to U+FFFF exactly as UTF-8, surrogates
 * (and so everything above U+FFFF) as three-byte sequences of their own.
 * Bytes that are well-formed UTF-8 made of one- to three-byte sequences
 * without surrogates ("plain" here) are therefore both a valid string and
 * its UTF-8 encoding, and pass between strings and bytes with one copy:
 *   native.utf8DecodePlain(bytes, skipBom) -> string, or undefined when
 *       the bytes are not plain (the caller then runs the full decoder)
 *   native.utf8EncodePlain(string) -> Uint8Array, or undefined likewise
 * String.prototype.toUpperCase and toLowerCase are replaced by functions
 * that convert ASCII strings in one pass (Duktape's own goes through its
 * Unicode tables character by character) and hand anything else to the
 * originals.
 */
#include "config.h"

#include "duk_hooks.h"
#include "engine.h"

#include <stdint.h>
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
    if (from > (double)hay_len || needle_len > hay_len - (duk_size_t)from) {
        duk_push_int(ctx, -1);
        return 1;
    }
    size_t start = (size_t)from;
    const unsigned char *found =
        needle_len == 0 ? hay + start : memmem(hay + start, hay_len - start, needle, needle_len);
    duk_push_number(ctx, found ? (double)(found - hay) : -1.0);
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

/* Length of the plain prefix of p[0..n): well-formed UTF-8 of one- to
 * three-byte sequences, no surrogates; stops before the first byte that is
 * not (n when all are). */
static size_t plain_utf8_prefix(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* eight ASCII bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & UINT64_C(0x8080808080808080)) {
                break;
            }
            i += 8;
        }
        if (i >= n) {
            break;
        }
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) {
                break;
            }
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
                (c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0)) {
                break;
            }
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

/* native.utf8DecodePlain(bytes, skipBom) */
static duk_ret_t native_utf8_decode_plain(duk_context *ctx)
{
    duk_size_t n = 0;
    const unsigned char *p = duk_require_buffer_data(ctx, 0, &n);
    if (duk_to_boolean(ctx, 1) && n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        p += 3;
        n -= 3;
    }
    if (plain_utf8_prefix(p, n) != n) {
        return 0;
    }
    duk_push_lstring(ctx, (const char *)p, n);
    return 1;
}

/* native.utf8EncodePlain(string) */
static duk_ret_t native_utf8_encode_plain(duk_context *ctx)
{
    duk_size_t n = 0;
    const char *s = duk_require_lstring(ctx, 0, &n);
    if (plain_utf8_prefix((const unsigned char *)s, n) != n) {
        return 0;
    }
    void *buf = duk_push_buffer_raw(ctx, n, DUK_BUF_FLAG_NOZERO);
    if (n > 0) {
        memcpy(buf, s, n);
    }
    duk_push_buffer_object(ctx, -1, 0, n, DUK_BUFOBJ_UINT8ARRAY);
    return 1;
}

/* String.prototype.toUpperCase / toLowerCase (magic 1 / 0): ASCII strings
 * here, everything else (other strings, a this to coerce or reject) by the
 * original, kept in the function's hidden "orig" property. */
static duk_ret_t native_ascii_case(duk_context *ctx)
{
    if (duk_is_constructor_call(ctx)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a constructor");
    }
    int upper = duk_get_current_magic(ctx);
    unsigned char from = upper ? 'a' : 'A';
    duk_push_this(ctx);
    duk_size_t n = 0;
    const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, -1, &n);
    if (s != NULL) {
        /* one pass: convert, and note non-ASCII bytes and changes */
        unsigned char *out = duk_push_buffer_raw(ctx, n, DUK_BUF_FLAG_NOZERO);
        unsigned high = 0, changed = 0;
        size_t i = 0;
        /* eight bytes at a time: with every byte below 0x80, adding
         * 0x80 - from (and 0x80 - from - 26) sets a byte's top bit when it
         * is at least from (past the last letter) without carries */
        uint64_t ones = UINT64_C(0x0101010101010101), tops = ones * 0x80, high8 = 0, changed8 = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t letters = (w + ones * (uint64_t)(0x80 - from)) & ~(w + ones * (uint64_t)(0x80 - from - 26)) & tops;
            high8 |= w;
            w ^= letters >> 2;
            changed8 |= letters;
            memcpy(out + i, &w, 8);
        }
        high = (high8 & tops) ? 0x80 : 0;
        changed = changed8 != 0;
        for (; i < n; i++) {
            unsigned c = s[i];
            unsigned flip = (unsigned)((unsigned char)(c - from) < 26) << 5;
            high |= c;
            changed |= flip;
            out[i] = (unsigned char)(c ^ flip);
        }
        if (!(high & 0x80)) {
            if (!changed) {
                duk_pop(ctx); /* nothing to change: the same string */
                return 1;
            }
            duk_buffer_to_string(ctx, -1);
            return 1;
        }
    }
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("orig"));
    duk_push_this(ctx);
    duk_call_method(ctx, 0);
    return 1;
}

static void replace_case_method(duk_context *ctx, duk_idx_t proto_idx, const char *name, int upper)
{
    duk_push_c_function(ctx, native_ascii_case, 0);
    duk_set_magic(ctx, -1, upper);
    duk_get_prop_string(ctx, proto_idx, name);
    duk_put_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("orig"));
    duk_push_string(ctx, "name");
    duk_push_string(ctx, name);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE);
    duk_push_literal(ctx, "length");
    duk_push_int(ctx, 0);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE);
    duk_push_string(ctx, name);
    duk_insert(ctx, -2);
    duk_def_prop(ctx, proto_idx,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_CLEAR_ENUMERABLE);
}

void fcw_api_bytes_init(duk_context *ctx, duk_idx_t native_idx)
{
    duk_push_c_function(ctx, native_utf8_decode_plain, 2);
    duk_put_prop_literal(ctx, native_idx, "utf8DecodePlain");
    duk_push_c_function(ctx, native_utf8_encode_plain, 1);
    duk_put_prop_literal(ctx, native_idx, "utf8EncodePlain");
    duk_get_global_literal(ctx, "String");
    duk_get_prop_literal(ctx, -1, "prototype");
    replace_case_method(ctx, duk_get_top_index(ctx), "toUpperCase", 1);
    replace_case_method(ctx, duk_get_top_index(ctx), "toLowerCase", 0);
    duk_pop_2(ctx);

    duk_push_c_function(ctx, native_detach_array_buffer, 1);
    duk_put_prop_literal(ctx, native_idx, "detachArrayBuffer");
    duk_push_c_function(ctx, native_array_buffer_state, 1);
    duk_put_prop_literal(ctx, native_idx, "arrayBufferState");
    duk_push_c_function(ctx, native_index_of_bytes, 3);
    duk_put_prop_literal(ctx, native_idx, "indexOfBytes");
}
