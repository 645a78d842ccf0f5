/* SPDX-License-Identifier: MIT */
/*
 * Strings as the regular-expression engine reads them. Duktape keeps
 * strings as CESU-8 (each UTF-16 code unit of a surrogate pair on its own,
 * lone surrogates as themselves); the engine wants UTF-16 code units. An
 * input is converted once, and the last converted input stays cached (its
 * string held, RE_HELD_INPUT, so that its address keeps naming it) so
 * that `while (re.exec(s))` over a long string stays linear. A non-ASCII
 * input also keeps the byte offset of each unit, so that substrings of a
 * match are cut from the string's own bytes. A 4-byte UTF-8 sequence, which
 * Duktape counts as one character, becomes U+FFFD so that indices keep
 * agreeing with Duktape's.
 *
 * The cached buffers are in use from fcw_re_view to fcw_re_view_release; a
 * conversion asked for meanwhile (only from a finalizer run by an
 * allocation) gets buffers of its own. An allocation failure while a view
 * is held leaves the cache marked in use, so later calls convert on their
 * own: slower, still right (and the request has hit its memory limit).
 */
#include "config.h"

#include "api_regexp.h"
#include "duk_hooks.h"

#include <stdlib.h>
#include <string.h>

#define RE_INPUT_KEEP (64 * 1024) /* units of buffer kept however short the next input is */

/* Converts a string's bytes (clen Duktape characters) to units, and the
 * byte offset of each unit into offs when offs is not NULL. */
static void decode(const unsigned char *b, size_t blen, size_t clen, uint16_t *units, uint32_t *offs)
{
    size_t i = 0, n = 0;
    while (i < blen && n < clen) {
        unsigned c = b[i];
        size_t start = i++, want = 0;
        uint32_t cp = 0xFFFD;
        if (c < 0x80) {
            cp = c;
        } else if (c >= 0xC0 && c < 0xE0) {
            want = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c < 0xF0) {
            want = 2;
            cp = c & 0x0F;
        }
        size_t got = 0;
        while (i < blen && (b[i] & 0xC0) == 0x80) {
            cp = (cp << 6) | (b[i] & 0x3F);
            i++;
            got++;
        }
        if (c >= 0x80 && (want == 0 || got != want)) {
            cp = 0xFFFD;
        }
        if (offs) {
            offs[n] = (uint32_t)start;
        }
        units[n++] = (uint16_t)cp;
    }
    while (n < clen) { /* not reached for Duktape's strings */
        if (offs) {
            offs[n] = (uint32_t)blen;
        }
        units[n++] = 0xFFFD;
    }
    if (offs) {
        offs[clen] = (uint32_t)blen;
    }
}

uint16_t *fcw_re_units_of(duk_context *ctx, duk_idx_t idx, size_t *len)
{
    duk_size_t blen = 0;
    const unsigned char *b = (const unsigned char *)duk_require_lstring(ctx, idx, &blen);
    size_t clen = duk_get_length(ctx, idx);
    uint16_t *u = malloc((clen + 1) * sizeof(uint16_t));
    if (u == NULL) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    }
    decode(b, blen, clen, u, NULL);
    *len = clen;
    return u;
}

void fcw_re_input_free(duk_context *ctx, struct re_input *in)
{
    duk_free_raw(ctx, in->units);
    duk_free_raw(ctx, in->offs);
    in->units = NULL;
    in->offs = NULL;
    in->str = NULL;
    in->cap = 0;
}

/* Fills units/offs for the string at idx into buffers of cap units (grown
 * or shrunk as needed). Throws a RangeError when memory runs out. */
static void convert_into(duk_context *ctx, duk_idx_t idx, uint16_t **units, uint32_t **offs, size_t *cap,
                         struct re_view *v)
{
    duk_size_t blen = 0;
    const unsigned char *b = (const unsigned char *)duk_get_lstring(ctx, idx, &blen);
    size_t clen = duk_get_length(ctx, idx);
    int ascii = clen == blen;
    if (clen + 1 > *cap || (*cap > RE_INPUT_KEEP && *cap > 4 * (clen + 1))) {
        size_t want = clen + 1;
        uint16_t *nu = duk_realloc_raw(ctx, *units, want * sizeof(uint16_t));
        if (nu == NULL) {
            (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory converting a string for a regular expression");
        }
        *units = nu;
        duk_free_raw(ctx, *offs);
        *offs = NULL;
        *cap = want;
    }
    if (!ascii && *offs == NULL) {
        *offs = duk_alloc_raw(ctx, *cap * sizeof(uint32_t));
        if (*offs == NULL) {
            (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory converting a string for a regular expression");
        }
    }
    if (ascii) {
        for (size_t i = 0; i < clen; i++) {
            (*units)[i] = b[i];
        }
    } else {
        decode(b, blen, clen, *units, *offs);
    }
    v->units = *units;
    v->offs = ascii ? NULL : *offs;
    v->len = clen;
    v->bytes = b;
    v->blen = blen;
}

void fcw_re_view(duk_context *ctx, struct re_state *st, duk_idx_t idx, struct re_view *v)
{
    idx = duk_normalize_index(ctx, idx);
    void *h = duk_get_heapptr(ctx, idx);
    struct re_input *in = &st->input;
    v->str = h;
    v->idx = idx;
    if (in->busy == 0 && h == in->str) {
        v->units = in->units;
        v->offs = in->ascii ? NULL : in->offs;
        v->len = in->len;
        v->bytes = in->bytes;
        v->blen = in->blen;
        v->temporary = 0;
        in->busy++;
        return;
    }
    if (in->busy == 0) {
        in->str = NULL;
        convert_into(ctx, idx, &in->units, &in->offs, &in->cap, v);
        in->len = v->len;
        in->ascii = v->offs == NULL;
        in->bytes = v->bytes;
        in->blen = v->blen;
        in->str = h;
        fcw_duk_hold(ctx, st->held, RE_HELD_INPUT, idx);
        v->temporary = 0;
        in->busy++;
        return;
    }
    /* a match already holds the cached input (only from a finalizer) */
    uint16_t *units = NULL;
    uint32_t *offs = NULL;
    size_t cap = 0;
    convert_into(ctx, idx, &units, &offs, &cap, v);
    if (v->offs == NULL) {
        duk_free_raw(ctx, offs);
    }
    v->temporary = 1;
}

void fcw_re_view_release(duk_context *ctx, struct re_state *st, struct re_view *v)
{
    struct re_input *in = &st->input;
    if (v->temporary) {
        duk_free_raw(ctx, (void *)v->units);
        duk_free_raw(ctx, (void *)v->offs);
        v->temporary = 0;
    } else if (in->busy > 0) {
        in->busy--;
    }
    v->units = NULL;
}

void fcw_re_push_range(duk_context *ctx, const struct re_view *v, size_t start, size_t end)
{
    size_t a = fcw_re_byte(v, start), b = fcw_re_byte(v, end);
    duk_push_lstring(ctx, (const char *)v->bytes + a, b - a);
}

size_t fcw_re_advance(const struct re_view *v, size_t index, int unicode)
{
    if (!unicode || index + 1 >= v->len) {
        return index + 1;
    }
    uint16_t a = v->units[index], b = v->units[index + 1];
    return a >= 0xD800 && a <= 0xDBFF && b >= 0xDC00 && b <= 0xDFFF ? index + 2 : index + 1;
}
