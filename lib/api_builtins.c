/* SPDX-License-Identifier: MIT */
/*
 * Native parts of the ECMAScript built-ins that Duktape lacks (the JS side
 * is js/12-, 14- and 16-): native.normalize(string, form) for
 * String.prototype.normalize, through libunistring's uninorm;
 * native.symbolDescription(symbol) for Symbol.prototype.description, read
 * from Duktape's internal symbol bytes (which tell Symbol() from
 * Symbol('')); native.timeZoneName(ms) for the "(...)" part of
 * Date.prototype.toString, from the C library's local time rules;
 * native.hiddenSymbol(name) for the Proxy registry of js/17-proxy.js and
 * native.reflectConstruct, its Reflect.construct, and
 * native.nonConstructor(f) for built-in methods written in JavaScript
 * (native.nonConstructorMethods(obj) for all of an object's at once);
 * native.sortWith(list, comparefn), the TimSort (as V8's) behind Array and
 * TypedArray sort with a comparator; native.jsonPlain(value, proto), which
 * lets JSON.stringify skip its BigInt check on plain data, and
 * native.jsonRawInsert(text, raws, gap), which puts JSON.rawJSON's texts
 * into its result;
 * native.objectFromPairs(list, collection), Object.fromEntries' loop;
 * native.stringPadStart/stringPadEnd, String.prototype.padStart/padEnd;
 * native.version and
 * native.hardwareConcurrency() for navigator (js/48-messaging.js).
 *
 * Duktape keeps strings as CESU-8 (a character beyond U+FFFF is two 3-byte
 * surrogates), so normalize decodes to UTF-32 itself, joining surrogate
 * pairs and leaving a lone surrogate as it is (it never composes with a
 * neighbour: it has no decomposition and combining class 0, so the text on
 * either side is normalized apart), and encodes the result back to CESU-8.
 */
#include "config.h"

#include "duk_hooks.h"
#include "engine.h"
#include "text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uninorm.h>
#include <unistd.h>

/* Decodes one code unit or code point of CESU-8 or UTF-8 at s[*i]. */
static uint32_t decode_unit(const unsigned char *s, size_t len, size_t *i)
{
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    if ((c & 0xe0) == 0xc0 && *i + 1 < len) {
        uint32_t cp = ((uint32_t)(c & 0x1f) << 6) | (s[*i + 1] & 0x3f);
        *i += 2;
        return cp;
    }
    if ((c & 0xf0) == 0xe0 && *i + 2 < len) {
        uint32_t cp = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[*i + 1] & 0x3f) << 6) | (s[*i + 2] & 0x3f);
        *i += 3;
        return cp;
    }
    if ((c & 0xf8) == 0xf0 && *i + 3 < len) {
        uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[*i + 1] & 0x3f) << 12) |
                      ((uint32_t)(s[*i + 2] & 0x3f) << 6) | (s[*i + 3] & 0x3f);
        *i += 4;
        return cp;
    }
    (*i)++;
    return 0xfffd;
}

/* The string as code points, surrogate pairs joined; *n gets the count. */
static uint32_t *decode_string(const unsigned char *s, size_t len, size_t *n)
{
    uint32_t *out = malloc((len + 1) * sizeof(*out));
    size_t count = 0;
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < len;) {
        uint32_t cp = decode_unit(s, len, &i);
        if (cp >= 0xd800 && cp < 0xdc00 && i < len) {
            size_t j = i;
            uint32_t low = decode_unit(s, len, &j);
            if (low >= 0xdc00 && low < 0xe000) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                i = j;
            }
        }
        out[count++] = cp;
    }
    *n = count;
    return out;
}

/* Appends code points to a CESU-8 buffer with room for 6 bytes each. */
static size_t encode_cesu8(unsigned char *p, const uint32_t *cps, size_t n)
{
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        at += fcw_cesu8_put(cps[i], p + at);
    }
    return at;
}

static int is_surrogate(uint32_t cp)
{
    return cp >= 0xd800 && cp < 0xe000;
}

/* Normalizes cps[0..n) into a new CESU-8 buffer; NULL when out of memory. */
static unsigned char *normalize_cps(uninorm_t form, const uint32_t *cps, size_t n, size_t *outlen)
{
    size_t cap = n * 6 + 6, len = 0;
    unsigned char *out = malloc(cap);
    if (out == NULL) {
        return NULL;
    }
    for (size_t start = 0; start < n;) {
        if (is_surrogate(cps[start])) {
            len += encode_cesu8(out + len, cps + start, 1);
            start++;
            continue;
        }
        size_t end = start;
        while (end < n && !is_surrogate(cps[end])) {
            end++;
        }
        size_t rn = 0;
        uint32_t *r = u32_normalize(form, cps + start, end - start, NULL, &rn);
        if (r == NULL) {
            free(out);
            return NULL;
        }
        if (len + rn * 6 + (n - end) * 6 > cap) {
            cap = len + rn * 6 + (n - end) * 6 + 6;
            unsigned char *grown = realloc(out, cap);
            if (grown == NULL) {
                free(r);
                free(out);
                return NULL;
            }
            out = grown;
        }
        len += encode_cesu8(out + len, r, rn);
        free(r);
        start = end;
    }
    *outlen = len;
    return out;
}

/* native.normalize(string, form): form is "NFC", "NFD", "NFKC" or "NFKD"
 * (checked by the caller; anything else is a RangeError here too). */
static duk_ret_t native_normalize(duk_context *ctx)
{
    duk_size_t len;
    const unsigned char *s = (const unsigned char *)duk_require_lstring(ctx, 0, &len);
    const char *name = duk_require_string(ctx, 1);
    uninorm_t form;
    if (strcmp(name, "NFC") == 0) {
        form = UNINORM_NFC;
    } else if (strcmp(name, "NFD") == 0) {
        form = UNINORM_NFD;
    } else if (strcmp(name, "NFKC") == 0) {
        form = UNINORM_NFKC;
    } else if (strcmp(name, "NFKD") == 0) {
        form = UNINORM_NFKD;
    } else {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    }
    size_t i = 0;
    while (i < len && s[i] < 0x80) {
        i++;
    }
    if (i == len) { /* ASCII is the same in every form */
        duk_dup(ctx, 0);
        return 1;
    }
    size_t n = 0, outlen = 0;
    uint32_t *cps = decode_string(s, len, &n);
    unsigned char *out = cps != NULL ? normalize_cps(form, cps, n, &outlen) : NULL;
    free(cps);
    if (out == NULL) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "String.prototype.normalize: out of memory");
    }
    duk_push_lstring(ctx, (const char *)out, outlen);
    free(out);
    return 1;
}

/* native.symbolDescription(symbol): the description, or undefined for
 * Symbol(). Duktape stores a symbol as 0x80 (registered) or 0x81 (unique),
 * the description, 0xff and a unique suffix; Symbol() has an empty
 * description and one more 0xff at the end. */
static duk_ret_t native_symbol_description(duk_context *ctx)
{
    if (!duk_is_symbol(ctx, 0)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Symbol.prototype.description requires that 'this' be a Symbol");
    }
    duk_size_t len;
    const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, 0, &len);
    if (len >= 3 && s[0] == 0x81 && s[1] == 0xff && s[len - 1] == 0xff) {
        return 0;
    }
    const unsigned char *end = len > 1 ? memchr(s + 1, 0xff, len - 1) : NULL;
    duk_push_lstring(ctx, (const char *)s + 1, end != NULL ? (size_t)(end - s - 1) : (len > 0 ? len - 1 : 0));
    return 1;
}

/* native.timeZoneName(ms): the local time zone's name at that time, as
 * Date.prototype.toString shows it in parentheses. */
static duk_ret_t native_time_zone_name(duk_context *ctx)
{
    double ms = duk_require_number(ctx, 0);
    time_t t = (time_t)(ms / 1000.0);
    struct tm tm;
    if (ms != ms || localtime_r(&t, &tm) == NULL || tm.tm_zone == NULL) {
        duk_push_literal(ctx, "Coordinated Universal Time");
    } else if (strcmp(tm.tm_zone, "UTC") == 0 || strcmp(tm.tm_zone, "UCT") == 0) {
        duk_push_literal(ctx, "Coordinated Universal Time");
    } else if (strcmp(tm.tm_zone, "GMT") == 0) {
        duk_push_literal(ctx, "Greenwich Mean Time");
    } else {
        duk_push_string(ctx, tm.tm_zone);
    }
    return 1;
}

/* ---- native.sortWith(list, comparefn): a stable sort of an Array or
 * typed array in place with a comparator, for Array.prototype.sort and
 * toSorted with the user's (and typed arrays' numeric order). It is V8's
 * Array sort: the TimSort of CPython's listsort.txt (natural runs, runs
 * shorter than minrun extended by binary
 * insertion, merges that gallop), asking the comparator the same questions
 * in the same order, so that a comparator that is no consistent order
 * (one that always answers -1, or a boolean `a > b`) leaves the list as
 * in Node, not only a consistent one. The comparator is called as
 * comparefn(x, y) with this undefined, its result converted ToNumber and
 * only ever tested `< 0` (NaN as 0). The values are held on the value
 * stack (the list's slots, as many for merging and one for a pivot) and
 * moved with duk_copy. Returns false, having done nothing, when the value
 * stack cannot hold twice the list (the caller then sorts in JavaScript).
 * The comparator runs as JavaScript, so the engine's limits still stop a
 * long sort. ---- */

#define SORT_MIN_GALLOP 7
#define SORT_MAX_RUNS 85

struct sorter {
    duk_context *ctx;
    duk_idx_t fn;
    duk_idx_t work;  /* the list's values */
    duk_idx_t temp;  /* merge space */
    duk_idx_t pivot; /* one slot */
    duk_idx_t min_gallop;
    int runs;
    duk_idx_t run_base[SORT_MAX_RUNS];
    duk_idx_t run_len[SORT_MAX_RUNS];
};

/* Whether comparefn(value at x, value at y) < 0. */
static int sort_less(const struct sorter *s, duk_idx_t x, duk_idx_t y)
{
    duk_context *ctx = s->ctx;
    duk_dup(ctx, s->fn);
    duk_push_undefined(ctx);
    duk_dup(ctx, x);
    duk_dup(ctx, y);
    duk_call_method(ctx, 2);
    double v = duk_to_number(ctx, -1);
    duk_pop(ctx);
    return v < 0;
}

/* Moves n slots from src to dst (absolute indices; ranges may overlap). */
static void sort_copy(duk_context *ctx, duk_idx_t src, duk_idx_t dst, duk_idx_t n)
{
    if (src < dst) {
        for (duk_idx_t i = n - 1; i >= 0; i--) {
            duk_copy(ctx, src + i, dst + i);
        }
    } else {
        for (duk_idx_t i = 0; i < n; i++) {
            duk_copy(ctx, src + i, dst + i);
        }
    }
}

/* Sorts work[low, high) by binary insertion, work[low, start) being
 * sorted already. */
static void sort_binary_insertion(struct sorter *s, duk_idx_t low, duk_idx_t start, duk_idx_t high)
{
    duk_context *ctx = s->ctx;
    duk_idx_t w = s->work;
    if (start == low) {
        start++;
    }
    for (; start < high; start++) {
        duk_idx_t left = low, right = start;
        duk_copy(ctx, w + start, s->pivot);
        while (left < right) {
            duk_idx_t mid = left + ((right - left) >> 1);
            if (sort_less(s, s->pivot, w + mid)) {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        for (duk_idx_t p = start; p > left; p--) {
            duk_copy(ctx, w + p - 1, w + p);
        }
        duk_copy(ctx, s->pivot, w + left);
    }
}

/* The length of the run at work[low, high): the longest ascending
 * sequence (each not less than the one before) or strictly descending
 * one, which is reversed. */
static duk_idx_t sort_count_run(struct sorter *s, duk_idx_t low, duk_idx_t high)
{
    duk_idx_t w = s->work;
    if (low + 1 == high) {
        return 1;
    }
    duk_idx_t len = 2;
    int descending = sort_less(s, w + low + 1, w + low);
    for (duk_idx_t i = low + 2; i < high; i++) {
        int less = sort_less(s, w + i, w + i - 1);
        if (descending ? !less : less) {
            break;
        }
        len++;
    }
    if (descending) {
        for (duk_idx_t i = low, j = low + len - 1; i < j; i++, j--) {
            duk_swap(s->ctx, w + i, w + j);
        }
    }
    return len;
}

/* Where key belongs in the sorted slots [at, at + len): the offset k with
 * a[k - 1] < key <= a[k], searched from hint outwards. */
static duk_idx_t sort_gallop_left(struct sorter *s, duk_idx_t key, duk_idx_t at, duk_idx_t len, duk_idx_t hint)
{
    duk_idx_t last = 0, ofs = 1, max;
    if (sort_less(s, at + hint, key)) {
        max = len - hint;
        while (ofs < max && sort_less(s, at + hint + ofs, key)) {
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = max;
            }
        }
        if (ofs > max) {
            ofs = max;
        }
        last += hint;
        ofs += hint;
    } else {
        max = hint + 1;
        while (ofs < max && !sort_less(s, at + hint - ofs, key)) {
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = max;
            }
        }
        if (ofs > max) {
            ofs = max;
        }
        duk_idx_t tmp = last;
        last = hint - ofs;
        ofs = hint - tmp;
    }
    last++;
    while (last < ofs) {
        duk_idx_t m = last + ((ofs - last) >> 1);
        if (sort_less(s, at + m, key)) {
            last = m + 1;
        } else {
            ofs = m;
        }
    }
    return ofs;
}

/* As sort_gallop_left, but after the values equal to key: the offset k
 * with a[k - 1] <= key < a[k]. */
static duk_idx_t sort_gallop_right(struct sorter *s, duk_idx_t key, duk_idx_t at, duk_idx_t len, duk_idx_t hint)
{
    duk_idx_t last = 0, ofs = 1, max;
    if (sort_less(s, key, at + hint)) {
        max = hint + 1;
        while (ofs < max && sort_less(s, key, at + hint - ofs)) {
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = max;
            }
        }
        if (ofs > max) {
            ofs = max;
        }
        duk_idx_t tmp = last;
        last = hint - ofs;
        ofs = hint - tmp;
    } else {
        max = len - hint;
        while (ofs < max && !sort_less(s, key, at + hint + ofs)) {
            last = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = max;
            }
        }
        if (ofs > max) {
            ofs = max;
        }
        last += hint;
        ofs += hint;
    }
    last++;
    while (last < ofs) {
        duk_idx_t m = last + ((ofs - last) >> 1);
        if (sort_less(s, key, at + m)) {
            ofs = m;
        } else {
            last = m + 1;
        }
    }
    return ofs;
}

/* Merges the runs work[base_a, +len_a) and work[base_b, +len_b) (adjacent,
 * len_a <= len_b) from the front, run a moved to the merge space. */
static void sort_merge_low(struct sorter *s, duk_idx_t base_a, duk_idx_t len_a, duk_idx_t base_b, duk_idx_t len_b)
{
    duk_context *ctx = s->ctx;
    duk_idx_t w = s->work, t = s->temp;
    duk_idx_t dest = base_a, ca = 0, cb = base_b;

    sort_copy(ctx, w + base_a, t, len_a);
    duk_copy(ctx, w + cb++, w + dest++);
    if (--len_b == 0) {
        goto succeed;
    }
    if (len_a == 1) {
        goto copy_b;
    }
    for (;;) {
        duk_idx_t wins_a = 0, wins_b = 0;
        for (;;) {
            if (sort_less(s, w + cb, t + ca)) {
                duk_copy(ctx, w + cb++, w + dest++);
                wins_b++;
                wins_a = 0;
                if (--len_b == 0) {
                    goto succeed;
                }
                if (wins_b >= s->min_gallop) {
                    break;
                }
            } else {
                duk_copy(ctx, t + ca++, w + dest++);
                wins_a++;
                wins_b = 0;
                if (--len_a == 1) {
                    goto copy_b;
                }
                if (wins_a >= s->min_gallop) {
                    break;
                }
            }
        }
        s->min_gallop++;
        int first = 1;
        while (wins_a >= SORT_MIN_GALLOP || wins_b >= SORT_MIN_GALLOP || first) {
            first = 0;
            s->min_gallop = s->min_gallop > 1 ? s->min_gallop - 1 : 1;
            wins_a = sort_gallop_right(s, w + cb, t + ca, len_a, 0);
            if (wins_a > 0) {
                sort_copy(ctx, t + ca, w + dest, wins_a);
                dest += wins_a;
                ca += wins_a;
                len_a -= wins_a;
                if (len_a == 1) {
                    goto copy_b;
                }
                if (len_a == 0) { /* only with an inconsistent comparator */
                    goto succeed;
                }
            }
            duk_copy(ctx, w + cb++, w + dest++);
            if (--len_b == 0) {
                goto succeed;
            }
            wins_b = sort_gallop_left(s, t + ca, w + cb, len_b, 0);
            if (wins_b > 0) {
                sort_copy(ctx, w + cb, w + dest, wins_b);
                dest += wins_b;
                cb += wins_b;
                len_b -= wins_b;
                if (len_b == 0) {
                    goto succeed;
                }
            }
            duk_copy(ctx, t + ca++, w + dest++);
            if (--len_a == 1) {
                goto copy_b;
            }
        }
        s->min_gallop++;
    }
succeed:
    if (len_a > 0) {
        sort_copy(ctx, t + ca, w + dest, len_a);
    }
    return;
copy_b:
    /* the last of run a belongs at the end */
    sort_copy(ctx, w + cb, w + dest, len_b);
    duk_copy(ctx, t + ca, w + dest + len_b);
}

/* Merges the runs (len_a >= len_b) from the back, run b moved to the
 * merge space. */
static void sort_merge_high(struct sorter *s, duk_idx_t base_a, duk_idx_t len_a, duk_idx_t base_b, duk_idx_t len_b)
{
    duk_context *ctx = s->ctx;
    duk_idx_t w = s->work, t = s->temp;
    duk_idx_t dest = base_b + len_b - 1, ct = len_b - 1, ca = base_a + len_a - 1;

    sort_copy(ctx, w + base_b, t, len_b);
    duk_copy(ctx, w + ca--, w + dest--);
    if (--len_a == 0) {
        goto succeed;
    }
    if (len_b == 1) {
        goto copy_a;
    }
    for (;;) {
        duk_idx_t wins_a = 0, wins_b = 0;
        for (;;) {
            if (sort_less(s, t + ct, w + ca)) {
                duk_copy(ctx, w + ca--, w + dest--);
                wins_a++;
                wins_b = 0;
                if (--len_a == 0) {
                    goto succeed;
                }
                if (wins_a >= s->min_gallop) {
                    break;
                }
            } else {
                duk_copy(ctx, t + ct--, w + dest--);
                wins_b++;
                wins_a = 0;
                if (--len_b == 1) {
                    goto copy_a;
                }
                if (wins_b >= s->min_gallop) {
                    break;
                }
            }
        }
        s->min_gallop++;
        int first = 1;
        while (wins_a >= SORT_MIN_GALLOP || wins_b >= SORT_MIN_GALLOP || first) {
            first = 0;
            s->min_gallop = s->min_gallop > 1 ? s->min_gallop - 1 : 1;
            duk_idx_t k = sort_gallop_right(s, t + ct, w + base_a, len_a, len_a - 1);
            wins_a = len_a - k;
            if (wins_a > 0) {
                dest -= wins_a;
                ca -= wins_a;
                sort_copy(ctx, w + ca + 1, w + dest + 1, wins_a);
                len_a -= wins_a;
                if (len_a == 0) {
                    goto succeed;
                }
            }
            duk_copy(ctx, t + ct--, w + dest--);
            if (--len_b == 1) {
                goto copy_a;
            }
            k = sort_gallop_left(s, w + ca, t, len_b, len_b - 1);
            wins_b = len_b - k;
            if (wins_b > 0) {
                dest -= wins_b;
                ct -= wins_b;
                sort_copy(ctx, t + ct + 1, w + dest + 1, wins_b);
                len_b -= wins_b;
                if (len_b == 1) {
                    goto copy_a;
                }
                if (len_b == 0) { /* only with an inconsistent comparator */
                    goto succeed;
                }
            }
            duk_copy(ctx, w + ca--, w + dest--);
            if (--len_a == 0) {
                goto succeed;
            }
        }
        s->min_gallop++;
    }
succeed:
    if (len_b > 0) {
        sort_copy(ctx, t, w + dest - (len_b - 1), len_b);
    }
    return;
copy_a:
    /* the first of run b belongs at the front */
    dest -= len_a;
    ca -= len_a;
    sort_copy(ctx, w + ca + 1, w + dest + 1, len_a);
    duk_copy(ctx, t + ct, w + dest);
}

/* Merges the pending runs i and i + 1. */
static void sort_merge_at(struct sorter *s, int i)
{
    duk_idx_t w = s->work;
    duk_idx_t base_a = s->run_base[i], len_a = s->run_len[i];
    duk_idx_t base_b = s->run_base[i + 1], len_b = s->run_len[i + 1];

    s->run_len[i] = len_a + len_b;
    if (i == s->runs - 3) {
        s->run_base[i + 1] = s->run_base[i + 2];
        s->run_len[i + 1] = s->run_len[i + 2];
    }
    s->runs--;
    /* what of a precedes b's first, and of b follows a's last, stays */
    duk_idx_t k = sort_gallop_right(s, w + base_b, w + base_a, len_a, 0);
    base_a += k;
    len_a -= k;
    if (len_a == 0) {
        return;
    }
    len_b = sort_gallop_left(s, w + base_a + len_a - 1, w + base_b, len_b, len_b - 1);
    if (len_b == 0) {
        return;
    }
    if (len_a <= len_b) {
        sort_merge_low(s, base_a, len_a, base_b, len_b);
    } else {
        sort_merge_high(s, base_a, len_a, base_b, len_b);
    }
}

/* Whether run n - 2 is longer than runs n - 1 and n together. */
static int sort_invariant(const struct sorter *s, int n)
{
    return n < 2 || s->run_len[n - 2] > s->run_len[n - 1] + s->run_len[n];
}

static void sort_merge_collapse(struct sorter *s)
{
    while (s->runs > 1) {
        int n = s->runs - 2;
        if (!sort_invariant(s, n + 1) || !sort_invariant(s, n)) {
            if (s->run_len[n - 1] < s->run_len[n + 1]) {
                n--;
            }
            sort_merge_at(s, n);
        } else if (s->run_len[n] <= s->run_len[n + 1]) {
            sort_merge_at(s, n);
        } else {
            break;
        }
    }
}

static void sort_merge_force_collapse(struct sorter *s)
{
    while (s->runs > 1) {
        int n = s->runs - 2;
        if (n > 0 && s->run_len[n - 1] < s->run_len[n + 1]) {
            n--;
        }
        sort_merge_at(s, n);
    }
}

static duk_ret_t native_sort_with(duk_context *ctx)
{
    duk_require_function(ctx, 1);
    duk_idx_t n = (duk_idx_t)duk_get_length(ctx, 0);
    if (n < 0 || n > 0x3fffffff || !duk_check_stack(ctx, 2 * n + 8)) {
        duk_push_false(ctx);
        return 1;
    }
    struct sorter s;
    s.ctx = ctx;
    s.fn = 1;
    s.min_gallop = SORT_MIN_GALLOP;
    s.runs = 0;
    duk_idx_t a = duk_get_top(ctx);
    for (duk_idx_t i = 0; i < n; i++) {
        duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    }
    s.work = a;
    s.temp = a + n;
    s.pivot = a + 2 * n;
    for (duk_idx_t i = 0; i <= n; i++) { /* n merge slots and the pivot */
        duk_push_undefined(ctx);
    }
    if (n >= 2) {
        duk_idx_t minrun = n, r = 0;
        while (minrun >= 64) {
            r |= minrun & 1;
            minrun >>= 1;
        }
        minrun += r;
        for (duk_idx_t low = 0, remaining = n; remaining != 0;) {
            duk_idx_t len = sort_count_run(&s, low, low + remaining);
            if (len < minrun) {
                duk_idx_t forced = minrun < remaining ? minrun : remaining;
                sort_binary_insertion(&s, low, low + len, low + forced);
                len = forced;
            }
            s.run_base[s.runs] = low;
            s.run_len[s.runs] = len;
            s.runs++;
            sort_merge_collapse(&s);
            low += len;
            remaining -= len;
        }
        sort_merge_force_collapse(&s);
    }
    for (duk_idx_t i = 0; i < n; i++) {
        duk_dup(ctx, a + i);
        duk_put_prop_index(ctx, 0, (duk_uarridx_t)i);
    }
    duk_set_top(ctx, a);
    duk_push_true(ctx);
    return 1;
}

/* native.hiddenSymbol(name): a Duktape hidden symbol, a key that user code
 * cannot name or enumerate and that a Proxy applies to its target without
 * calling a trap (js/17-proxy.js keeps its registry of proxies under one). */
static duk_ret_t native_hidden_symbol(duk_context *ctx)
{
    duk_size_t len;
    const char *name = duk_require_lstring(ctx, 0, &len);
    char *key = duk_push_fixed_buffer(ctx, len + 1);
    key[0] = (char)0xff;
    memcpy(key + 1, name, len);
    duk_push_lstring(ctx, key, len + 1);
    return 1;
}

/* Pushes the elements of the array-like at idx (CreateListFromArrayLike);
 * returns their count. */
static duk_idx_t push_list_from_array_like(duk_context *ctx, duk_idx_t idx)
{
    double len;
    duk_idx_t n, i;

    duk_get_prop_literal(ctx, idx, "length");
    len = duk_to_number(ctx, -1);
    duk_pop(ctx);
    if (len != len || len < 0)
        len = 0;
    if (len > 100000)
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Reflect.construct: too many arguments");
    n = (duk_idx_t)len;
    duk_require_stack(ctx, n);
    for (i = 0; i < n; i++)
        duk_get_prop_index(ctx, idx, (duk_uarridx_t)i);
    return n;
}

/* The [[Construct]] of the ECMAScript function at fn on the object at obj:
 * calls it as a method of obj with the elements of the array-like at
 * args; pushes its result when that is an object, else obj. Returns 1. */
static duk_ret_t construct_on(duk_context *ctx, duk_idx_t fn, duk_idx_t obj, duk_idx_t args)
{
    duk_dup(ctx, fn);
    duk_dup(ctx, obj);
    duk_call_method(ctx, push_list_from_array_like(ctx, args));
    if (!duk_is_object(ctx, -1))
        duk_dup(ctx, obj);
    return 1;
}

/* Reflect.construct(target, argumentsList[, newTarget]) (§28.1.2), which
 * Duktape's own refuses with a newTarget; fcworker-build's class lowering
 * constructs the parent through it when it works, so that `class X extends
 * Uint8Array` gets a real Uint8Array. An ECMAScript function runs as its
 * [[Construct]] does, on a new object whose prototype is
 * newTarget.prototype (Object.prototype when that is no object); any other
 * constructor (a built-in, a bound function, a proxy) creates its object
 * itself, which then takes newTarget.prototype. In C: the lowering calls it
 * for every construction of a derived class. */
/* native.proxyOwnHooks' object (lib/api_fastpath.c), on native */
#define PROXY_HOOKS_KEY DUK_HIDDEN_SYMBOL("fcwProxyOwnHooks")

static duk_ret_t native_reflect_construct(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx), n;
    int has_new_target = nargs >= 3 && !duk_strict_equals(ctx, 0, 2);

    duk_set_top(ctx, 3);
    if (!duk_is_constructable(ctx, 0))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Reflect.construct: target is not a constructor");
    if (has_new_target && !duk_is_constructable(ctx, 2))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Reflect.construct: newTarget is not a constructor");
    if (!duk_is_object(ctx, 1))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Reflect.construct: argumentsList is not an object");
    if (!has_new_target) {
        duk_dup(ctx, 0);
        n = push_list_from_array_like(ctx, 1);
        duk_new(ctx, n);
        return 1;
    }
    if (fcw_duk_is_proxy(ctx, 0)) {
        /* a Proxy's [[Construct]] with this newTarget: the construct
         * hook of js/17-proxy.js (Duktape's would give its trap the
         * proxy) */
        fcw_engine_push_native(ctx);
        duk_get_prop_literal(ctx, -1, PROXY_HOOKS_KEY);
        if (duk_is_object(ctx, -1) && duk_get_prop_literal(ctx, -1, "construct") && duk_is_function(ctx, -1)) {
            duk_dup(ctx, 0);
            duk_dup(ctx, 1);
            duk_dup(ctx, 2);
            duk_call(ctx, 3);
            return 1;
        }
        duk_set_top(ctx, 3);
    }
    duk_get_prop_literal(ctx, 2, "prototype"); /* 3: the prototype */
    if (duk_is_ecmascript_function(ctx, 0) && !duk_is_bound_function(ctx, 0)) {
        duk_push_object(ctx); /* 4: the object */
        if (duk_is_object(ctx, 3)) {
            duk_dup(ctx, 3);
            duk_set_prototype(ctx, 4);
        }
        return construct_on(ctx, 0, 4, 1);
    }
    duk_dup(ctx, 0);
    n = push_list_from_array_like(ctx, 1);
    duk_new(ctx, n);
    if (duk_is_object(ctx, 3)) {
        duk_dup(ctx, 3);
        duk_set_prototype(ctx, -2);
    }
    return 1;
}

/* __fcw_helpers.callSuper(_this, derived, args): SWC's _call_super, the
 * super(...args) of a lowered derived class constructor:
 *
 *     parent = Object.getPrototypeOf(derived);
 *     result = Reflect.construct(parent, args || [],
 *                                Object.getPrototypeOf(_this).constructor);
 *     return result is an object ? result : _this (a ReferenceError when
 *         _this is undefined);
 *
 * in C, with the built-in Reflect.construct. When the parent is an
 * ECMAScript function, Reflect.construct calls it on a new object of
 * newTarget.prototype; when that is _this's own prototype (the derived
 * class constructed with new), the parent runs on _this itself: the same
 * object but for its identity, which nothing has seen yet (a lowered
 * constructor only checks `this instanceof derived` before super()), and
 * one allocation and two calls fewer for every construction of a derived
 * class (the JSX renderer's nodes among them). */
static duk_ret_t native_call_super(duk_context *ctx)
{
    duk_set_top(ctx, 3);
    if (!duk_is_object(ctx, 1))
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "super: the derived class is not an object");
    duk_get_prototype(ctx, 1); /* 3: the parent */
    duk_dup(ctx, 2);
    if (!duk_to_boolean(ctx, -1)) { /* args || [] */
        duk_push_array(ctx);
        duk_replace(ctx, 2);
    }
    duk_pop(ctx);
    duk_dup(ctx, 0);
    duk_to_object(ctx, -1); /* throws for undefined and null, as getPrototypeOf does */
    duk_get_prototype(ctx, -1);
    duk_remove(ctx, -2);
    duk_get_prop_literal(ctx, -1, "constructor"); /* 5: newTarget */
    duk_remove(ctx, -2);                          /* 4: newTarget */
    if (duk_is_ecmascript_function(ctx, 3) && !duk_is_bound_function(ctx, 3) && duk_is_object(ctx, 0) &&
        duk_is_constructable(ctx, 4)) {
        duk_get_prop_literal(ctx, 4, "prototype"); /* 5 */
        duk_get_prototype(ctx, 0);                 /* 6 */
        if (duk_is_object(ctx, 5) && duk_strict_equals(ctx, 5, 6) && duk_is_object(ctx, 2)) {
            duk_set_top(ctx, 5);
            return construct_on(ctx, 3, 0, 2);
        }
        duk_set_top(ctx, 5);
    }
    duk_push_c_function(ctx, native_reflect_construct, DUK_VARARGS);
    duk_dup(ctx, 3);
    duk_dup(ctx, 2);
    duk_dup(ctx, 4);
    duk_call(ctx, 3);
    if (duk_is_object(ctx, -1))
        return 1;
    if (duk_is_undefined(ctx, 0))
        return duk_error(ctx, DUK_ERR_REFERENCE_ERROR, "this hasn't been initialised - super() hasn't been called");
    duk_dup(ctx, 0);
    return 1;
}

/* native.nonConstructor(f): makes f, a built-in method written in
 * JavaScript, no constructor (`new f()` throws a TypeError); returns f. */
static duk_ret_t native_non_constructor(duk_context *ctx)
{
    duk_require_function(ctx, 0);
    fcw_duk_make_non_constructor(ctx, 0);
    duk_set_top(ctx, 1);
    return 1;
}

/* native.nonConstructorMethods(obj): the same for every method and
 * accessor of obj (fcw_duk_make_methods_non_constructors). */
static duk_ret_t native_non_constructor_methods(duk_context *ctx)
{
    fcw_duk_make_methods_non_constructors(ctx, 0);
    return 0;
}

/* native.hardwareConcurrency(): the online processors, for navigator. */
/* Intl.Collator's comparison (js/18-intl.js collationKeys and
 * collatorCompare) of two strings of ASCII only, where the JavaScript
 * spent tens of microseconds per call building three lists per string
 * (a sort by localeCompare of 5,000 strings took 1.4 s): the same weights,
 * computed here. Primary: punctuation and space 10 + their place in
 * PUNCTUATION (or nothing when ignorePunctuation), digits 100 + their value
 * (with numeric, a run as 100, 100 + its length without leading zeros, then
 * its digits), letters 1000 + their place in the alphabet; control
 * characters none. ASCII has no accents: secondary weights are all 0.
 * Tertiary: 1 for a capital. */
#define COLLATE_PUNCTUATION " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
#define COLLATE_MAX 256

/* Weights of s into p (primary) and t (tertiary); their count, or -1 when
 * s is not ASCII or has more than COLLATE_MAX bytes. */
static int collate_ascii_weights(const char *str, duk_size_t len, int numeric, int ignore_punct, int *p,
                                 unsigned char *t)
{
    const unsigned char *s = (const unsigned char *)str;
    int n = 0;
    if (len > COLLATE_MAX) {
        return -1;
    }
    for (duk_size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        const char *q;
        if (c >= 0x80) {
            return -1;
        }
        if (c < 0x20 || c == 0x7f) {
            continue;
        }
        if (c >= '0' && c <= '9') {
            if (!numeric) {
                p[n] = 100 + (c - '0');
                t[n++] = 0;
                continue;
            }
            duk_size_t j = i, k = i;
            while (j < len && s[j] >= '0' && s[j] <= '9') {
                j++;
            }
            while (k + 1 < j && s[k] == '0') {
                k++;
            }
            p[n] = 100;
            t[n++] = 0;
            p[n] = 100 + (int)(j - k);
            t[n++] = 0;
            for (; k < j; k++) {
                p[n] = 100 + (s[k] - '0');
                t[n++] = 0;
            }
            i = j - 1;
            continue;
        }
        if ((q = strchr(COLLATE_PUNCTUATION, c)) != NULL) {
            if (!ignore_punct) {
                p[n] = 10 + (int)(q - COLLATE_PUNCTUATION);
                t[n++] = 0;
            }
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            p[n] = 1000 + (c - 'A');
            t[n++] = 1;
        } else if (c >= 'a' && c <= 'z') {
            p[n] = 1000 + (c - 'a');
            t[n++] = 0;
        } else {
            p[n] = 50 + c;
            t[n++] = 0;
        }
    }
    return n;
}

/* native.collateAscii(x, y, numeric, ignorePunctuation, sensitivity,
 * upperFirst) -> -1, 0 or 1, or undefined when a string is not ASCII (or
 * is long): the JavaScript then compares. */
static duk_ret_t native_collate_ascii(duk_context *ctx)
{
    int pa[3 * COLLATE_MAX], pb[3 * COLLATE_MAX];
    unsigned char ta[3 * COLLATE_MAX], tb[3 * COLLATE_MAX];
    duk_size_t la, lb;
    const char *a = duk_require_lstring(ctx, 0, &la), *b = duk_require_lstring(ctx, 1, &lb);
    int numeric = duk_to_boolean(ctx, 2), ignore = duk_to_boolean(ctx, 3), upper = duk_to_boolean(ctx, 5);
    const char *sensitivity = duk_require_string(ctx, 4);
    int na = collate_ascii_weights(a, la, numeric, ignore, pa, ta);
    int nb = na < 0 ? -1 : collate_ascii_weights(b, lb, numeric, ignore, pb, tb);
    int r = 0, i;
    if (na < 0 || nb < 0) {
        return 0;
    }
    for (i = 0; i < na && i < nb && r == 0; i++) {
        r = pa[i] == pb[i] ? 0 : pa[i] < pb[i] ? -1 : 1;
    }
    if (r == 0 && na != nb) {
        r = na < nb ? -1 : 1;
    }
    /* equal primaries: the secondaries are as many zeros on both sides */
    if (r == 0 && (strcmp(sensitivity, "case") == 0 || strcmp(sensitivity, "variant") == 0)) {
        for (i = 0; i < na && r == 0; i++) {
            r = ta[i] == tb[i] ? 0 : ta[i] < tb[i] ? -1 : 1;
        }
        if (upper) {
            r = -r;
        }
    }
    duk_push_int(ctx, r);
    return 1;
}

static duk_ret_t native_hardware_concurrency(duk_context *ctx)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    duk_push_int(ctx, n > 0 ? (duk_int_t)n : 1);
    return 1;
}

/* A public class field as the lowering defines it (SWC's _define_property):
 * on an ordinary extensible object without that own key, defined in place
 * (fcw_duk_define_new_field); else a plain store unless obj already has the
 * key, own or inherited (a setter must not run), then
 * Object.defineProperty with a writable, enumerable, configurable value.
 * Throws as those do (a non-object, a non-extensible or frozen obj). */
static void define_field(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t key_idx, duk_idx_t value_idx)
{
    if (!duk_is_object(ctx, obj_idx)) {
        (void)duk_type_error(ctx, "cannot define field %s on a non-object", duk_safe_to_string(ctx, key_idx));
    }
    if (fcw_duk_define_new_field(ctx, obj_idx, key_idx, value_idx)) {
        return;
    }
    duk_dup(ctx, key_idx);
    int inherited = duk_has_prop(ctx, obj_idx);
    duk_dup(ctx, key_idx);
    duk_dup(ctx, value_idx);
    if (inherited) {
        duk_def_prop(ctx, obj_idx,
                     DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                         DUK_DEFPROP_SET_CONFIGURABLE);
    } else {
        duk_put_prop(ctx, obj_idx);
    }
}

/* A private class field as the lowering defines it
 * (privateFieldsAsProperties: Object.defineProperty(obj, key, { writable:
 * true, value: value })), the same definition without the descriptor
 * object. Throws as that does. */
static void define_private_field(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t key_idx, duk_idx_t value_idx)
{
    if (duk_is_lightfunc(ctx, obj_idx) || duk_is_buffer(ctx, obj_idx)) {
        duk_to_object(ctx, obj_idx); /* as Object.defineProperty promotes them */
    } else if (!duk_is_object(ctx, obj_idx)) {
        (void)duk_type_error(ctx, "cannot define private field %s on a non-object", duk_safe_to_string(ctx, key_idx));
    }
    duk_dup(ctx, key_idx);
    duk_dup(ctx, value_idx);
    duk_def_prop(ctx, obj_idx, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE);
}

/* native.defineField(obj, key, value) -> obj: define_field. */
static duk_ret_t native_define_field(duk_context *ctx)
{
    define_field(ctx, 0, 1, 2);
    duk_set_top(ctx, 1);
    return 1;
}

/* native.privateField(obj, key, value) -> obj: define_private_field. */
static duk_ret_t native_private_field(duk_context *ctx)
{
    define_private_field(ctx, 0, 1, 2);
    duk_set_top(ctx, 1);
    return 1;
}

/* native.defineFields(obj, kinds, key1, value1, key2, value2, ...) -> obj:
 * the fields of a constructor in one call (contrib/fcworker-build's
 * lib/define-fields.js), in order, each as defineField ("f" in kinds) or
 * privateField ("p") defines it. */
static duk_ret_t native_define_fields(duk_context *ctx)
{
    duk_idx_t top = duk_get_top(ctx);
    duk_size_t nkinds = 0;
    const char *kinds = duk_require_lstring(ctx, 1, &nkinds);
    if (top < 2 || (top - 2) % 2 != 0 || (duk_size_t)(top - 2) / 2 != nkinds) {
        return duk_range_error(ctx, "defineFields: %lu kinds for %ld arguments", (unsigned long)nkinds, (long)top - 2);
    }
    for (duk_idx_t i = 2; i < top; i += 2) {
        char kind = kinds[(i - 2) / 2];
        if (kind == 'p') {
            define_private_field(ctx, 0, i, i + 1);
        } else if (kind == 'f') {
            define_field(ctx, 0, i, i + 1);
        } else {
            return duk_range_error(ctx, "defineFields: unknown kind '%c'", kind);
        }
        duk_set_top(ctx, top);
    }
    duk_set_top(ctx, 1);
    return 1;
}

/* native.jsonPlain(value, bigintPrototype): true when JSON.stringify may
 * serialize value without the replacer that rejects BigInts (see
 * fcw_duk_json_plain): js/16-bigint.js checks each value with it once a
 * BigInt or raw JSON object exists, instead of calling a replacer for
 * every value. */
static duk_ret_t native_json_plain(duk_context *ctx)
{
    duk_push_boolean(ctx, fcw_duk_json_plain(ctx, 0, 1));
    return 1;
}

/* One pass of native.jsonRawInsert over text (len bytes): counts the
 * bytes of the result, and writes them to out unless it is NULL. A
 * placeholder is '"\u0000' digits '"' not followed by ':' (see
 * fcw_duk_json_raw_value: no other string the encoder wrote holds a
 * U+0000; a key's text, which may, ends in '":'); a newline's run of
 * spaces is the encoder's indentation of a gap of glen spaces (inside
 * strings a newline is "\n", and a raw JSON text neither starts with a
 * space nor holds a newline). */
static size_t json_raw_pass(duk_context *ctx, const char *text, size_t len, const char *gap, size_t gap_bytes,
                            size_t glen, char *out)
{
    size_t i = 0, n = 0;

    while (i < len) {
        char c = text[i];
        if (c == '"' && len - i > 8 && memcmp(text + i + 1, "\\u0000", 6) == 0 && text[i + 7] >= '0' &&
            text[i + 7] <= '9') {
            size_t j = i + 7;
            duk_uarridx_t index = 0;
            while (j < len && text[j] >= '0' && text[j] <= '9')
                index = index * 10 + (duk_uarridx_t)(text[j++] - '0');
            if (j < len && text[j] == '"' && (j + 1 == len || text[j + 1] != ':')) {
                duk_size_t rlen;
                const char *raw;
                duk_get_prop_index(ctx, 1, index);
                raw = duk_require_lstring(ctx, -1, &rlen);
                if (out != NULL)
                    memcpy(out + n, raw, rlen);
                n += rlen;
                duk_pop(ctx);
                i = j + 1;
                continue;
            }
        } else if (c == '\n' && glen > 0) {
            size_t m = 0;
            while (i + 1 + m < len && text[i + 1 + m] == ' ')
                m++;
            if (out != NULL) {
                out[n] = '\n';
                for (size_t r = 0; r < m / glen; r++)
                    memcpy(out + n + 1 + r * gap_bytes, gap, gap_bytes);
            }
            n += 1 + (m / glen) * gap_bytes;
            i += 1 + m;
            continue;
        }
        if (out != NULL)
            out[n] = c;
        n++;
        i++;
    }
    return n;
}

/* native.jsonRawInsert(text, raws, gap): the text JSON.stringify made
 * with a gap of as many spaces as gap has characters and the replacer of
 * fcw_duk_json_raw_value, with each placeholder replaced by its text in
 * raws and the indentation made of gap. Spaces stand in for the gap
 * because a gap may hold anything, a '"' too. */
static duk_ret_t native_json_raw_insert(duk_context *ctx)
{
    duk_size_t len, gap_bytes, glen;
    const char *text = duk_require_lstring(ctx, 0, &len);
    const char *gap = duk_require_lstring(ctx, 2, &gap_bytes);
    size_t n;
    char *out;

    duk_require_object(ctx, 1);
    glen = duk_get_length(ctx, 2);
    if (strspn(gap, " ") == gap_bytes)
        glen = 0; /* the indentation is the gap already */
    if (glen == 0 && duk_get_length(ctx, 1) == 0) {
        duk_dup(ctx, 0);
        return 1;
    }
    n = json_raw_pass(ctx, text, len, gap, gap_bytes, glen, NULL);
    out = duk_push_fixed_buffer(ctx, n);
    json_raw_pass(ctx, text, len, gap, gap_bytes, glen, out);
    duk_buffer_to_string(ctx, -1);
    return 1;
}

/* native.objectFromPairs(list, collection): Object.fromEntries' loop
 * (§20.1.2.7, AddEntriesFromIterable with CreateDataPropertyOrThrow) over
 * what an iterator as built would give: list[0], list[1]... up to list's
 * length, read again at each step as the array iterator reads it (an
 * array, a typed array or an arguments object whose iteration js/12 found
 * pristine), each entry's "0" and "1" read, the key made a property key
 * (a Symbol as it is, an object through its toString) and defined on a
 * new object (no setter asked, "__proto__" an own property). collection
 * (a Map's entries, taken at once by native.collectionRest): undefined,
 * having run no code, when a key is an object, whose conversion could
 * change the Map while the spec still iterates it. */
static duk_ret_t native_object_from_pairs(duk_context *ctx)
{
    int collection = duk_to_boolean(ctx, 1);
    duk_set_top(ctx, 1);
    if (collection) {
        duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, 0);
        for (duk_uarridx_t i = 0; i < n; i++) {
            duk_get_prop_index(ctx, 0, i);
            int plain = duk_is_array(ctx, -1) && !fcw_duk_is_proxy(ctx, -1);
            if (plain) {
                duk_get_prop_index(ctx, -1, 0);
                plain = !duk_is_object(ctx, -1) || duk_is_symbol(ctx, -1);
                duk_pop(ctx);
            }
            duk_pop(ctx);
            if (!plain) {
                return 0;
            }
        }
    }
    duk_push_object(ctx); /* 1: the target */
    for (duk_uarridx_t i = 0;; i++) {
        duk_get_prop_literal(ctx, 0, "length");
        double len = duk_to_number(ctx, -1); /* ToLength for a typed array or arguments object */
        duk_pop(ctx);
        if (!(i < len)) {
            break;
        }
        duk_get_prop_index(ctx, 0, i); /* 2: the entry */
        if (!duk_is_object(ctx, 2)) {
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Iterator value %s is not an entry object",
                             duk_is_symbol(ctx, 2) ? "Symbol()" : duk_safe_to_string(ctx, 2));
        }
        duk_get_prop_index(ctx, 2, 0); /* 3: the key */
        duk_get_prop_index(ctx, 2, 1); /* 4: the value */
        if (!duk_is_symbol(ctx, 3)) {
            if (duk_is_object(ctx, 3)) {
                duk_to_primitive(ctx, 3, DUK_HINT_STRING);
            }
            if (!duk_is_symbol(ctx, 3)) {
                duk_to_string(ctx, 3);
            }
        }
        duk_def_prop(ctx, 1,
                     DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                         DUK_DEFPROP_SET_CONFIGURABLE);
        duk_pop(ctx); /* the entry */
    }
    return 1;
}

/* String.prototype.padStart / padEnd (§22.1.3.16-17, StringPad), magic 1
 * for padStart: ToString(this), ToLength(maxLength), then, only when there
 * is something to fill, ToString(fillString) (" " when undefined). Duktape
 * keeps strings as CESU-8 where every UTF-16 unit is whole bytes, so the
 * fill is whole copies of the filler's bytes and the bytes of its first
 * (length % its length) units. Lowered code calls these per element (a hex
 * digest's bytes); in JavaScript each call cost half a dozen calls. */
static duk_ret_t native_string_pad(duk_context *ctx)
{
    int at_start = duk_get_current_magic(ctx);
    duk_size_t slen, flen, sbytes, fbytes, pbytes, total;
    const char *sp, *fp, *pp;
    double max, fill_len, copies;
    char *out;

    duk_set_top(ctx, 2);
    duk_push_this(ctx); /* 2: S */
    if (duk_is_null_or_undefined(ctx, 2)) {
        return duk_type_error(ctx, "String.prototype.%s called on null or undefined", at_start ? "padStart" : "padEnd");
    }
    duk_to_string(ctx, 2);
    slen = duk_get_length(ctx, 2);
    max = duk_to_number(ctx, 0);
    if (!(max > (double)slen)) {
        return 1; /* NaN, negative, or no longer than S */
    }
    max = floor(max);
    if (max <= (double)slen) {
        return 1;
    }
    if (duk_is_undefined(ctx, 1)) {
        duk_push_literal(ctx, " ");
    } else {
        duk_dup(ctx, 1);
        duk_to_string(ctx, -1);
    } /* 3: the filler */
    flen = duk_get_length(ctx, 3);
    if (flen == 0) {
        duk_pop(ctx);
        return 1;
    }
    fill_len = max - (double)slen;
    copies = floor(fill_len / (double)flen);
    (void)duk_get_lstring(ctx, 2, &sbytes);
    (void)duk_get_lstring(ctx, 3, &fbytes);
    if (copies * (double)fbytes + (double)fbytes + (double)sbytes > 2147483647.0) {
        return duk_range_error(ctx, "Invalid string length");
    }
    duk_dup(ctx, 3);
    duk_substring(ctx, 4, 0, (duk_size_t)(fill_len - copies * (double)flen)); /* 4: the partial copy */
    pp = duk_get_lstring(ctx, 4, &pbytes);
    total = (duk_size_t)copies * fbytes + pbytes + sbytes;
    out = duk_push_fixed_buffer(ctx, total); /* 5 */
    sp = duk_get_lstring(ctx, 2, NULL);
    fp = duk_get_lstring(ctx, 3, NULL);
    pp = duk_get_lstring(ctx, 4, NULL);
    {
        char *w = out + (at_start ? 0 : sbytes);
        for (duk_size_t i = 0; i < (duk_size_t)copies; i++) {
            memcpy(w, fp, fbytes);
            w += fbytes;
        }
        memcpy(w, pp, pbytes);
        memcpy(at_start ? w + pbytes : out, sp, sbytes);
    }
    duk_buffer_to_string(ctx, 5);
    return 1;
}

static const char HEX_DIGITS[] = "0123456789abcdef";

/* __fcw_helpers.hexByte(x): `x.toString(16).padStart(2, "0")`, the hex
 * digits of a byte as code turns digests and random bytes into text,
 * which fcworker-build writes so (contrib/fcworker-build/lib/hex-byte.js):
 * two native calls and two method look-ups per byte. For an integer 0-255
 * (-0 included) while %Number.prototype%'s own toString and
 * %String.prototype%'s own padStart are the runtime's, the two digits;
 * for anything else the same two calls, looked up on the value as the
 * expression would. */
static duk_ret_t native_hex_byte(duk_context *ctx)
{
    duk_set_top(ctx, 1);
    if (duk_is_number(ctx, 0)) {
        double x = duk_get_number(ctx, 0);
        if (x >= 0 && x <= 255 && x == floor(x) &&
            fcw_duk_proto_method_is(ctx, FCW_DUK_NUMBER_PROTOTYPE, "toString", NULL, 0) &&
            fcw_duk_proto_method_is(ctx, FCW_DUK_STRING_PROTOTYPE, "padStart", native_string_pad, 1)) {
            unsigned b = (unsigned)x;
            char two[2] = {HEX_DIGITS[b >> 4], HEX_DIGITS[b & 15]};
            duk_push_lstring(ctx, two, 2);
            return 1;
        }
    }
    duk_get_prop_literal(ctx, 0, "toString");
    duk_dup(ctx, 0);
    duk_push_int(ctx, 16);
    duk_call_method(ctx, 1); /* 1: the digits */
    duk_get_prop_literal(ctx, 1, "padStart");
    duk_dup(ctx, 1);
    duk_push_int(ctx, 2);
    duk_push_literal(ctx, "0");
    duk_call_method(ctx, 2);
    return 1;
}

/* __fcw_helpers.hexJoin(v, fallback): `Array.prototype.map.call(new
 * Uint8Array(v), (x) => x.toString(16).padStart(2, "0")).join("")`, a
 * digest as hex the way Hono's etag writes it, which fcworker-build turns
 * into this call with a function of the same expression as the fallback
 * (contrib/fcworker-build/lib/hex-byte.js): a call of the callback and a
 * hexByte per byte otherwise. For an ArrayBuffer or Uint8Array that is
 * not empty while every built-in the expression reads is the runtime's
 * (fcw_duk_hex_join_bytes, and the callback's two methods as hexByte
 * checks them), the digits in C; for anything else, fallback(v). */
static int hex_join_ready(duk_context *ctx, const unsigned char **bytes, size_t *n)
{
    return fcw_duk_hex_join_bytes(ctx, 0, bytes, n) &&
           fcw_duk_proto_method_is(ctx, FCW_DUK_NUMBER_PROTOTYPE, "toString", NULL, 0) &&
           fcw_duk_proto_method_is(ctx, FCW_DUK_STRING_PROTOTYPE, "padStart", native_string_pad, 1);
}

static duk_ret_t native_hex_join(duk_context *ctx)
{
    const unsigned char *bytes;
    size_t n, i;
    char *out;

    duk_set_top(ctx, 2);
    if (hex_join_ready(ctx, &bytes, &n)) {
        size_t want = n;
        out = duk_push_fixed_buffer(ctx, 2 * n);
        /* (checked again: the allocation may have run a finalizer) */
        if (hex_join_ready(ctx, &bytes, &n) && n == want) {
            for (i = 0; i < n; i++) {
                out[2 * i] = HEX_DIGITS[bytes[i] >> 4];
                out[2 * i + 1] = HEX_DIGITS[bytes[i] & 15];
            }
            duk_buffer_to_string(ctx, -1);
            return 1;
        }
        duk_pop(ctx);
    }
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_call(ctx, 1);
    return 1;
}

/* sumExact(numbers): the exact sum of an array of finite numbers (none of
 * them -0), rounded once to the nearest double, ties to even, ±Infinity
 * past the largest (Math.sumPrecise's last step, ES2026). Each number is
 * m × 2^(e - 1074) with m < 2^53 and 0 ≤ e ≤ 2045; the sum is kept as a
 * two's-complement integer in units of 2^-1074, with room for 2^53 terms. */
#define SUM_LIMBS 70 /* 2,240 bits: 2,098 for a double's range, 53 for the count, a sign */

static void sum_add(uint32_t *acc, uint64_t m, int shift, int negative)
{
    uint32_t part[SUM_LIMBS];
    int limb = shift / 32;
    unsigned __int128 v = (unsigned __int128)m << (shift % 32); /* below 2^85: three limbs */
    uint64_t carry;

    memset(part, 0, sizeof part);
    part[limb] = (uint32_t)v;
    part[limb + 1] = (uint32_t)(v >> 32);
    part[limb + 2] = (uint32_t)(v >> 64);
    if (negative) { /* its two's complement */
        carry = 1;
        for (int i = 0; i < SUM_LIMBS; i++) {
            uint64_t w = (uint64_t)(uint32_t)~part[i] + carry;
            part[i] = (uint32_t)w;
            carry = w >> 32;
        }
    }
    carry = 0;
    for (int i = 0; i < SUM_LIMBS; i++) {
        uint64_t w = (uint64_t)acc[i] + part[i] + carry;
        acc[i] = (uint32_t)w;
        carry = w >> 32;
    }
}

static int sum_bit(const uint32_t *acc, int b)
{
    return (acc[b / 32] >> (b % 32)) & 1;
}

/* whether any of the bits below bit b is set */
static int sum_any_below(const uint32_t *acc, int b)
{
    if (b <= 0)
        return 0;
    if (b % 32 != 0 && (acc[b / 32] & ((1u << (b % 32)) - 1)) != 0)
        return 1;
    for (int i = b / 32 - 1; i >= 0; i--) {
        if (acc[i] != 0)
            return 1;
    }
    return 0;
}

static double sum_to_double(uint32_t *acc)
{
    int negative = (acc[SUM_LIMBS - 1] >> 31) != 0, top = -1, low;
    uint64_t m = 0;

    if (negative) { /* its magnitude */
        uint64_t carry = 1;
        for (int i = 0; i < SUM_LIMBS; i++) {
            uint64_t w = (uint64_t)(uint32_t)~acc[i] + carry;
            acc[i] = (uint32_t)w;
            carry = w >> 32;
        }
    }
    for (int i = SUM_LIMBS - 1; i >= 0 && top < 0; i--) {
        if (acc[i] != 0)
            top = i * 32 + 31 - __builtin_clz(acc[i]);
    }
    if (top < 0)
        return 0.0;
    /* the 53 bits from the top one down (fewer: exact), rounded half to
     * even on the bits below them */
    low = top > 52 ? top - 52 : 0;
    for (int b = top; b >= low; b--)
        m = m << 1 | (uint64_t)sum_bit(acc, b);
    if (low > 0 && sum_bit(acc, low - 1) && (sum_any_below(acc, low - 1) || (m & 1))) {
        m++;
        if (m == (uint64_t)1 << 53) {
            m >>= 1;
            low++;
        }
    }
    double d = ldexp((double)m, low - 1074); /* +Infinity past the largest double */
    return negative ? -d : d;
}

static duk_ret_t native_sum_exact(duk_context *ctx)
{
    uint32_t acc[SUM_LIMBS];
    duk_size_t n = duk_get_length(ctx, 0);

    memset(acc, 0, sizeof acc);
    for (duk_size_t i = 0; i < n; i++) {
        double x;
        int e;
        duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
        x = duk_get_number(ctx, -1);
        duk_pop(ctx);
        if (x == 0 || !isfinite(x))
            continue;
        /* x = f × 2^e with 0.5 ≤ |f| < 1: m = |f| × 2^53, unit 2^(e - 53) */
        double f = frexp(fabs(x), &e);
        uint64_t m = (uint64_t)ldexp(f, 53);
        int shift = e - 53 + 1074;
        if (shift < 0) { /* a subnormal: its low bits are zero */
            m >>= -shift;
            shift = 0;
        }
        sum_add(acc, m, shift, x < 0);
    }
    duk_push_number(ctx, sum_to_double(acc));
    return 1;
}

/* binary16 (ES2025's Float16: Math.f16round, DataView's getFloat16 and
 * setFloat16): the bits of the half nearest to x, ties to even, and the
 * number of such bits. */
static unsigned half_bits(double x)
{
    unsigned sign = signbit(x) ? 0x8000u : 0;
    double a = fabs(x), q;
    int e;

    if (isnan(x))
        return 0x7e00u;
    if (a >= 65520.0) /* past the largest half (65504) by half an ulp or more */
        return sign | 0x7c00u;
    if (a < 0x1p-14) /* a subnormal half, in units of 2^-24 (1024: the smallest normal) */
        return sign | (unsigned)nearbyint(a * 0x1p24);
    (void)frexp(a, &e);              /* a = f * 2^e, 0.5 <= f < 1: the half's exponent is e - 1 */
    q = nearbyint(ldexp(a, 11 - e)); /* 1024..2048 */
    if (q == 2048.0) {
        q = 1024.0;
        e++;
    }
    return sign | (unsigned)(e - 1 + 15) << 10 | ((unsigned)q - 1024u);
}

static double half_value(unsigned bits)
{
    unsigned exp = (bits >> 10) & 0x1f, frac = bits & 0x3ff;
    double v = exp == 0 ? ldexp(frac, -24) : exp == 31 ? (frac ? NAN : INFINITY) : ldexp(frac + 1024, (int)exp - 25);
    return (bits & 0x8000u) ? -v : v;
}

/* f16bits(number) and f16value(bits) (magic 1); f16round(number) (magic 2) */
static duk_ret_t native_f16(duk_context *ctx)
{
    int magic = duk_get_current_magic(ctx);
    if (magic == 1)
        duk_push_number(ctx, half_value((unsigned)duk_to_uint32(ctx, 0) & 0xffffu));
    else if (magic == 2)
        duk_push_number(ctx, half_value(half_bits(duk_get_number(ctx, 0))));
    else
        duk_push_uint(ctx, half_bits(duk_get_number(ctx, 0)));
    return 1;
}

void fcw_api_builtins_init(duk_context *ctx, duk_idx_t native_idx)
{
    fcw_duk_date_install(ctx);
    fcw_duk_array_install(ctx);
    fcw_duk_number_install(ctx);
    fcw_duk_dataview_install(ctx);
    duk_push_string(ctx, PACKAGE_VERSION);
    duk_put_prop_literal(ctx, native_idx, "version");
    duk_push_c_function(ctx, native_collate_ascii, 6);
    duk_put_prop_literal(ctx, native_idx, "collateAscii");
    duk_push_c_function(ctx, native_hardware_concurrency, 0);
    duk_put_prop_literal(ctx, native_idx, "hardwareConcurrency");
    duk_push_c_function(ctx, native_sort_with, 2);
    duk_put_prop_literal(ctx, native_idx, "sortWith");
    duk_push_c_function(ctx, native_reflect_construct, DUK_VARARGS);
    duk_put_prop_literal(ctx, native_idx, "reflectConstruct");
    duk_push_c_function(ctx, native_call_super, 3);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "callSuper");
    duk_push_c_function(ctx, native_non_constructor, 1);
    duk_put_prop_literal(ctx, native_idx, "nonConstructor");
    duk_push_c_function(ctx, native_non_constructor_methods, 1);
    duk_put_prop_literal(ctx, native_idx, "nonConstructorMethods");
    duk_push_c_function(ctx, native_hidden_symbol, 1);
    duk_put_prop_literal(ctx, native_idx, "hiddenSymbol");
    duk_push_c_function(ctx, native_normalize, 2);
    duk_put_prop_literal(ctx, native_idx, "normalize");
    duk_push_c_function(ctx, native_symbol_description, 1);
    duk_put_prop_literal(ctx, native_idx, "symbolDescription");
    duk_push_c_function(ctx, native_time_zone_name, 1);
    duk_put_prop_literal(ctx, native_idx, "timeZoneName");
    /* the natives of lib/duk_hooks.c, none a constructor */
    static const struct {
        const char *name;
        duk_c_function fn;
        duk_idx_t nargs;
    } hooks[] = {
        {"promiseCore", fcw_duk_promise_core, 8},          {"recordMaker", fcw_duk_record_maker, 3},
        {"iterStep", fcw_duk_iter_step_maker, 3},          {"reflectGetSet", fcw_duk_reflect_maker, 3},
        {"typedArrayName", fcw_duk_typed_array_name, 1},   {"iterFast", fcw_duk_iter_fast_maker, 5},
        {"weakRegister", fcw_duk_weak_register, 1},        {"errorData", fcw_duk_error_data, 1},
        {"jsonRawValue", fcw_duk_json_raw_value, 2},       {"jsonGap", fcw_duk_json_gap, 1},
        {"jsonParseRevive", fcw_duk_json_parse_revive, 1},
    };
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++) {
        duk_push_c_function(ctx, hooks[i].fn, hooks[i].nargs);
        fcw_duk_make_non_constructor(ctx, -1);
        duk_put_prop_string(ctx, native_idx, hooks[i].name);
    }
    duk_push_c_function(ctx, fcw_duk_private_base, 2);
    duk_put_prop_literal(ctx, native_idx, "privateBase");
    duk_push_c_function(ctx, native_define_field, 3);
    duk_put_prop_literal(ctx, native_idx, "defineField");
    duk_push_c_function(ctx, native_private_field, 3);
    duk_put_prop_literal(ctx, native_idx, "privateField");
    duk_push_c_function(ctx, native_define_fields, DUK_VARARGS);
    duk_put_prop_literal(ctx, native_idx, "defineFields");
    duk_push_c_function(ctx, native_object_from_pairs, 2);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "objectFromPairs");
    duk_push_c_function(ctx, native_json_plain, 2);
    duk_put_prop_literal(ctx, native_idx, "jsonPlain");
    duk_push_c_function(ctx, native_json_raw_insert, 3);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "jsonRawInsert");
    for (int magic = 0; magic < 3; magic++) {
        static const char *const names[] = {"f16bits", "f16value", "f16round"};
        duk_push_c_function(ctx, native_f16, 1);
        duk_set_magic(ctx, -1, magic);
        fcw_duk_make_non_constructor(ctx, -1);
        duk_put_prop_string(ctx, native_idx, names[magic]);
    }
    duk_push_c_function(ctx, native_sum_exact, 1);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "sumExact");
    duk_push_c_function(ctx, native_hex_byte, 1);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "hexByte");
    duk_push_c_function(ctx, native_hex_join, 2);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "hexJoin");
    duk_push_c_function(ctx, native_string_pad, 2);
    duk_set_magic(ctx, -1, 1);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "stringPadStart");
    duk_push_c_function(ctx, native_string_pad, 2);
    duk_set_magic(ctx, -1, 0);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_literal(ctx, native_idx, "stringPadEnd");
}
