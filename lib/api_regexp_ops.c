/* SPDX-License-Identifier: MIT */
/*
 * Native loops behind RegExp.prototype[Symbol.replace], [Symbol.match] and
 * [Symbol.split] (js/16-regexp.js), for the common case where the regexp's
 * exec is the built-in one: then nothing the loop does is observable from
 * JavaScript except lastIndex, which these functions leave as the spec's
 * algorithms do. The JavaScript side takes the general path (RegExpExec
 * per match) whenever exec was replaced or the flags string disagrees with
 * the regexp's own flags; these functions return undefined in that last
 * case, before doing anything.
 *
 *   native.regexpReplace(rx, S, replacement, global, fullUnicode) -> string
 *     (replacement: a string, or a function called for each match)
 *   native.regexpMatchAll(rx, S, fullUnicode)       -> [matched...] or null (global match)
 *   native.regexpSplit(rx, S, flags, limit)         -> array
 */
#include "config.h"

#include "api_regexp.h"

#include <string.h>

struct out {
    duk_context *ctx;
    duk_idx_t idx;
    unsigned char *p;
    size_t len, cap;
};

static void out_init(duk_context *ctx, struct out *o)
{
    o->ctx = ctx;
    o->p = duk_push_dynamic_buffer(ctx, 0);
    o->idx = duk_get_top_index(ctx);
    o->len = o->cap = 0;
}

static void out_add(struct out *o, const void *b, size_t n)
{
    if (n == 0) {
        return;
    }
    if (o->len + n > o->cap) {
        size_t cap = o->cap * 2;
        if (cap < o->len + n) {
            cap = o->len + n;
        }
        if (cap < 64) {
            cap = 64;
        }
        o->p = duk_resize_buffer(o->ctx, o->idx, cap);
        o->cap = cap;
    }
    memcpy(o->p + o->len, b, n);
    o->len += n;
}

static void out_range(struct out *o, const struct re_view *v, size_t start, size_t end)
{
    size_t a = fcw_re_byte(v, start), b = fcw_re_byte(v, end);
    out_add(o, v->bytes + a, b - a);
}

static void out_capture(struct out *o, const struct re_view *v, const int *caps, int i)
{
    if (caps[2 * i] >= 0) {
        out_range(o, v, (size_t)caps[2 * i], (size_t)caps[2 * i + 1]);
    }
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* GetSubstitution (ES2024 22.1.3.19.1) with the template t (bytes of a
 * string: '$', digits, '<' and '>' are ASCII, so scanning bytes is safe). */
static void substitute(struct out *o, const struct re_view *v, const unsigned char *t, size_t tlen,
                       const struct re_slot *slot, const int *caps, int named)
{
    size_t position = (size_t)caps[0], end = (size_t)caps[1];
    int m = slot->ncap - 1;
    size_t i = 0;
    while (i < tlen) {
        const unsigned char *dollar = memchr(t + i, '$', tlen - i);
        if (dollar == NULL) {
            out_add(o, t + i, tlen - i);
            return;
        }
        size_t d = (size_t)(dollar - t);
        out_add(o, t + i, d - i);
        if (d + 1 >= tlen) {
            out_add(o, "$", 1);
            return;
        }
        unsigned char c = t[d + 1];
        if (c == '$') {
            out_add(o, "$", 1);
            i = d + 2;
        } else if (c == '&') {
            out_range(o, v, position, end);
            i = d + 2;
        } else if (c == '`') {
            out_range(o, v, 0, position);
            i = d + 2;
        } else if (c == '\'') {
            out_range(o, v, end < v->len ? end : v->len, v->len);
            i = d + 2;
        } else if (is_digit(c)) {
            int digits = d + 2 < tlen && is_digit(t[d + 2]) ? 2 : 1;
            int index = digits == 2 ? (c - '0') * 10 + (t[d + 2] - '0') : c - '0';
            if (index > m && digits == 2) {
                digits = 1;
                index = c - '0';
            }
            if (index >= 1 && index <= m) {
                out_capture(o, v, caps, index);
            } else {
                out_add(o, t + d, (size_t)digits + 1);
            }
            i = d + 1 + (size_t)digits;
        } else if (c == '<') {
            const unsigned char *gt = named ? memchr(t + d, '>', tlen - d) : NULL;
            if (gt == NULL) {
                out_add(o, "$<", 2);
                i = d + 2;
                continue;
            }
            size_t nlen = (size_t)(gt - (t + d + 2));
            int found = 0;
            for (int g = 1; g <= m && !found; g++) {
                const char *name = fcw_re_group_name(slot->re, g);
                if (name == NULL || caps[2 * g] < 0) {
                    continue;
                }
                duk_size_t len = 0;
                fcw_re_push_group_name(o->ctx, name);
                const char *js = duk_get_lstring(o->ctx, -1, &len);
                found = len == nlen && memcmp(js, t + d + 2, nlen) == 0;
                duk_pop(o->ctx);
                if (found) {
                    out_capture(o, v, caps, g);
                }
            }
            i = (size_t)(gt - t) + 1;
        } else {
            out_add(o, "$", 1);
            i = d + 1;
        }
    }
}

/* Whether the flags string's g and u/v (as the caller read them) agree with
 * the program's own. */
static int flags_agree(const struct re_slot *slot, int global, int unicode)
{
    return global == ((slot->flags & FCW_RE_GLOBAL) != 0) &&
           unicode == ((slot->flags & (FCW_RE_UNICODE | FCW_RE_UNICODE_SETS)) != 0);
}

static duk_ret_t to_string_safe(duk_context *ctx, void *udata)
{
    (void)udata;
    duk_to_string(ctx, -1);
    return 1;
}

/* The replacer function's part of @@replace: the matches (ncap * 2 ints
 * each in found[0..n)) were all collected first, as the spec does, and the
 * function is called for each; a throw releases the view and the program
 * before it goes on. */
static void replace_with_function(duk_context *ctx, struct re_state *st, struct re_slot *slot, struct re_view *v,
                                  const int *found, size_t n, struct out *o)
{
    size_t next = 0, per = (size_t)slot->ncap * 2;
    for (size_t k = 0; k < n; k++) {
        const int *caps = found + k * per;
        duk_idx_t nargs = slot->ncap + 2;
        duk_dup(ctx, 2);
        duk_push_undefined(ctx);
        for (int i = 0; i < slot->ncap; i++) {
            if (caps[2 * i] < 0) {
                duk_push_undefined(ctx);
            } else {
                fcw_re_push_range(ctx, v, (size_t)caps[2 * i], (size_t)caps[2 * i + 1]);
            }
        }
        duk_push_int(ctx, caps[0]);
        duk_dup(ctx, 1);
        if (slot->named) {
            fcw_re_push_groups(ctx, slot, caps, -1, v);
            nargs++;
        }
        if (duk_pcall_method(ctx, nargs) != DUK_EXEC_SUCCESS ||
            ((!duk_is_string(ctx, -1) || duk_is_symbol(ctx, -1)) &&
             duk_safe_call(ctx, to_string_safe, NULL, 1, 1) != DUK_EXEC_SUCCESS)) {
            fcw_re_view_release(ctx, st, v);
            fcw_re_unpin(slot);
            (void)duk_throw(ctx);
        }
        if ((size_t)caps[0] >= next) {
            duk_size_t rlen = 0;
            const char *r = duk_get_lstring(ctx, -1, &rlen);
            out_range(o, v, next, (size_t)caps[0]);
            out_add(o, r, rlen);
            next = (size_t)caps[1];
        }
        duk_pop(ctx);
    }
    if (n > 0) {
        out_range(o, v, next, v->len);
    }
}

duk_ret_t fcw_re_replace(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_require_string(ctx, 1);
    int functional = duk_is_function(ctx, 2);
    if (!functional) {
        duk_require_string(ctx, 2);
    }
    int global = duk_to_boolean(ctx, 3), unicode = duk_to_boolean(ctx, 4);
    duk_set_top(ctx, 5);
    double li = 0;
    if (global) {
        fcw_re_set_last_index(ctx, 0, 0);
    } else {
        li = fcw_re_get_last_index(ctx, 0);
    }
    struct re_slot *slot = fcw_re_program(ctx, st, 0);
    if (!flags_agree(slot, global, unicode)) {
        fcw_re_unpin(slot);
        return 0;
    }
    int gy = (slot->flags & (FCW_RE_GLOBAL | FCW_RE_STICKY)) != 0;
    int named = slot->named;
    int inline_caps[RE_CAPS_INLINE];
    int *caps = fcw_re_caps(ctx, inline_caps, slot->ncap);
    duk_size_t tlen = 0;
    const unsigned char *t = functional ? NULL : (const unsigned char *)duk_get_lstring(ctx, 2, &tlen);
    struct out o, found; /* the result; for a function, the matches first */
    out_init(ctx, &o);
    if (functional) {
        out_init(ctx, &found);
    }
    struct re_view v;
    fcw_re_view(ctx, st, 1, &v);
    size_t next = 0, n = 0;
    int matched = 0;
    if (!gy) {
        li = 0;
    }
    for (;;) {
        if (li > (double)v.len || !fcw_re_run(ctx, st, slot, &v, (size_t)li, caps)) {
            li = 0;
            break;
        }
        matched = 1;
        fcw_re_record(ctx, st, slot, &v, caps);
        if (gy) {
            li = caps[1];
        }
        if (functional) {
            out_add(&found, caps, (size_t)slot->ncap * 2 * sizeof(int));
            n++;
        } else if ((size_t)caps[0] >= next) { /* a match may begin before a lastIndex inside a pair */
            out_range(&o, &v, next, (size_t)caps[0]);
            substitute(&o, &v, t, tlen, slot, caps, named);
            next = (size_t)caps[1];
        }
        if (!global) {
            break;
        }
        if (caps[0] == caps[1]) {
            li = (double)fcw_re_advance(&v, (size_t)li, unicode);
        }
    }
    if (matched && !functional) {
        out_range(&o, &v, next, v.len);
    }
    fcw_re_view_release(ctx, st, &v);
    fcw_re_unpin(slot);
    if (gy) {
        fcw_re_set_last_index(ctx, 0, li); /* runs no JavaScript: slot stays */
    }
    if (matched && functional) {
        slot->pins++;
        fcw_re_view(ctx, st, 1, &v);
        replace_with_function(ctx, st, slot, &v, (const int *)found.p, n, &o);
        fcw_re_view_release(ctx, st, &v);
        fcw_re_unpin(slot);
    }
    if (!matched) {
        duk_dup(ctx, 1);
    } else {
        duk_push_lstring(ctx, (const char *)o.p, o.len);
    }
    return 1;
}

int fcw_re_match_all(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx, int unicode)
{
    struct re_state *st = fcw_re_state(ctx);
    ridx = duk_require_normalize_index(ctx, ridx);
    sidx = duk_require_normalize_index(ctx, sidx);
    duk_require_string(ctx, sidx);
    struct re_slot *slot = fcw_re_program(ctx, st, ridx);
    fcw_re_unpin(slot);
    if (!flags_agree(slot, 1, unicode)) {
        return 0;
    }
    fcw_re_set_last_index(ctx, ridx, 0); /* runs no JavaScript: slot stays */
    slot->pins++;
    int inline_caps[RE_CAPS_INLINE];
    int *caps = fcw_re_caps(ctx, inline_caps, slot->ncap);
    duk_idx_t arr = fcw_re_push_array(ctx);
    struct re_view v;
    fcw_re_view(ctx, st, sidx, &v);
    size_t li = 0;
    duk_uarridx_t n = 0;
    while (li <= v.len && fcw_re_run(ctx, st, slot, &v, li, caps)) {
        fcw_re_record(ctx, st, slot, &v, caps);
        fcw_re_push_range(ctx, &v, (size_t)caps[0], (size_t)caps[1]);
        duk_put_prop_index(ctx, arr, n++);
        li = (size_t)caps[1];
        if (caps[0] == caps[1]) {
            li = fcw_re_advance(&v, li, unicode);
        }
    }
    fcw_re_view_release(ctx, st, &v);
    fcw_re_unpin(slot);
    fcw_re_set_last_index(ctx, ridx, 0);
    fcw_re_finish_array(ctx, st, arr);
    if (n == 0) {
        duk_push_null(ctx);
    }
    return 1;
}

static duk_ret_t native_match_all(duk_context *ctx)
{
    int unicode = duk_to_boolean(ctx, 2);
    duk_set_top(ctx, 2);
    return fcw_re_match_all(ctx, 0, 1, unicode) ? 1 : 0;
}

/* The splitter of @@split searched without the sticky flag: the leftmost
 * match from q is the first q' >= q where a sticky match succeeds. */
static duk_ret_t native_split(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_require_string(ctx, 1);
    duk_size_t flen = 0;
    const char *fs = duk_require_lstring(ctx, 2, &flen);
    duk_set_top(ctx, 4);
    unsigned flags = 0;
    uint16_t f16[16];
    if (flen > 16) {
        return duk_error(ctx, DUK_ERR_SYNTAX_ERROR, "Invalid regular expression flags '%s'", fs);
    }
    for (size_t i = 0; i < flen; i++) {
        f16[i] = (unsigned char)fs[i];
    }
    if (fcw_re_parse_flags(f16, flen, &flags) < 0) {
        return duk_error(ctx, DUK_ERR_SYNTAX_ERROR, "Invalid regular expression flags '%s'", fs);
    }
    int unicode = (flags & (FCW_RE_UNICODE | FCW_RE_UNICODE_SETS)) != 0;
    duk_uint32_t lim = duk_to_uint32(ctx, 3);
    struct re_slot *slot =
        fcw_re_program_with_flags(ctx, st, 0, flags & ~(unsigned)(FCW_RE_STICKY | FCW_RE_GLOBAL | FCW_RE_HAS_INDICES));
    int inline_caps[RE_CAPS_INLINE];
    int *caps = fcw_re_caps(ctx, inline_caps, slot->ncap);
    duk_idx_t arr = fcw_re_push_array(ctx);
    if (lim == 0) {
        fcw_re_unpin(slot);
        fcw_re_finish_array(ctx, st, arr);
        return 1;
    }
    struct re_view v;
    fcw_re_view(ctx, st, 1, &v);
    size_t size = v.len, p = 0, q = 0;
    duk_uarridx_t n = 0;
    if (size == 0) {
        int m = fcw_re_run(ctx, st, slot, &v, 0, caps) && caps[0] == 0;
        if (m) {
            fcw_re_record(ctx, st, slot, &v, caps);
        }
        fcw_re_view_release(ctx, st, &v);
        fcw_re_unpin(slot);
        if (!m) {
            duk_dup(ctx, 1);
            duk_put_prop_index(ctx, arr, 0);
        }
        fcw_re_finish_array(ctx, st, arr);
        return 1;
    }
    while (q < size) {
        if (!fcw_re_run(ctx, st, slot, &v, q, caps) || (size_t)caps[0] >= size) {
            break; /* (the splitter's sticky matches stop before the end) */
        }
        fcw_re_record(ctx, st, slot, &v, caps);
        if ((size_t)caps[0] > q) {
            q = (size_t)caps[0];
        }
        size_t e = (size_t)caps[1] < size ? (size_t)caps[1] : size;
        if (e == p) {
            q = fcw_re_advance(&v, q, unicode);
            continue;
        }
        fcw_re_push_range(ctx, &v, p, q);
        duk_put_prop_index(ctx, arr, n++);
        if (n == lim) {
            goto done;
        }
        p = e;
        for (int i = 1; i < slot->ncap; i++) {
            if (caps[2 * i] < 0) {
                duk_push_undefined(ctx);
            } else {
                fcw_re_push_range(ctx, &v, (size_t)caps[2 * i], (size_t)caps[2 * i + 1]);
            }
            duk_put_prop_index(ctx, arr, n++);
            if (n == lim) {
                goto done;
            }
        }
        q = p;
    }
    fcw_re_push_range(ctx, &v, p, size);
    duk_put_prop_index(ctx, arr, n);
done:
    fcw_re_view_release(ctx, st, &v);
    fcw_re_unpin(slot);
    fcw_re_finish_array(ctx, st, arr);
    return 1;
}

void fcw_api_regexp_ops_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry fns[] = {
        {"regexpReplace", fcw_re_replace, 5},
        {"regexpMatchAll", native_match_all, 3},
        {"regexpSplit", native_split, 4},
        {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
}
