/* SPDX-License-Identifier: MIT */
/*
 * Character sets of the regular-expression engine: sorted lists of
 * code-point ranges with union, complement, intersection and difference
 * (the v flag's class algebra), the class escapes \d \s \w, \p{...}
 * syntax, and the parser of classes without the v flag (ClassRanges, with
 * Annex B's ranges that have a class escape at one end). Under the i flag
 * a class is widened by re_cset_case_close (regexp_unicode.c) to every
 * character whose canonical form is that of a member, so that matching
 * never canonicalizes at run time.
 */
#include "regexp_int.h"

#include <stdlib.h>
#include <string.h>

void re_cset_init(struct re_cset *s)
{
    s->r = NULL;
    s->n = s->cap = 0;
    s->oom = 0;
}

void re_cset_free(struct re_cset *s)
{
    free(s->r);
    re_cset_init(s);
}

static int cset_reserve(struct re_cset *s, int n)
{
    uint32_t *r;
    int cap;

    if (n <= s->cap)
        return 0;
    cap = s->cap ? s->cap * 2 : 8;
    while (cap < n)
        cap *= 2;
    r = realloc(s->r, (size_t)cap * 2 * sizeof(*r));
    if (!r) {
        s->oom = 1;
        return -1;
    }
    s->r = r;
    s->cap = cap;
    return 0;
}

void re_cset_add(struct re_cset *s, uint32_t lo, uint32_t hi)
{
    int i, j, k;

    if (lo > hi)
        return;
    /* fast path: appending in order */
    if (s->n == 0 || lo > s->r[2 * s->n - 1] + 1) {
        if (cset_reserve(s, s->n + 1) < 0)
            return;
        s->r[2 * s->n] = lo;
        s->r[2 * s->n + 1] = hi;
        s->n++;
        return;
    }
    /* first range that ends at or after lo - 1 (binary search) */
    i = 0;
    j = s->n;
    while (i < j) {
        int mid = (i + j) / 2;
        if (s->r[2 * mid + 1] + 1 < lo)
            i = mid + 1;
        else
            j = mid;
    }
    /* ranges i..j-1 touch [lo, hi] */
    for (j = i; j < s->n && s->r[2 * j] <= hi + 1 && hi != UINT32_MAX; j++)
        ;
    if (j == i) {
        if (cset_reserve(s, s->n + 1) < 0)
            return;
        memmove(s->r + 2 * i + 2, s->r + 2 * i, (size_t)(s->n - i) * 2 * sizeof(uint32_t));
        s->r[2 * i] = lo;
        s->r[2 * i + 1] = hi;
        s->n++;
        return;
    }
    if (s->r[2 * i] < lo)
        lo = s->r[2 * i];
    if (s->r[2 * (j - 1) + 1] > hi)
        hi = s->r[2 * (j - 1) + 1];
    s->r[2 * i] = lo;
    s->r[2 * i + 1] = hi;
    k = j - i - 1;
    if (k > 0) {
        memmove(s->r + 2 * (i + 1), s->r + 2 * j, (size_t)(s->n - j) * 2 * sizeof(uint32_t));
        s->n -= k;
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Appends [lo, hi] to a set built in order (lo not below the last lo). */
static void append(struct re_cset *s, uint32_t lo, uint32_t hi)
{
    if (s->n && lo <= s->r[2 * s->n - 1] + 1) {
        if (hi > s->r[2 * s->n - 1])
            s->r[2 * s->n - 1] = hi;
        return;
    }
    if (cset_reserve(s, s->n + 1) < 0)
        return;
    s->r[2 * s->n] = lo;
    s->r[2 * s->n + 1] = hi;
    s->n++;
}

void re_cset_add_points(struct re_cset *s, uint32_t *pts, int n)
{
    struct re_cset out;
    int i = 0, j = 0;

    if (n == 0)
        return;
    qsort(pts, (size_t)n, sizeof(*pts), cmp_u32);
    re_cset_init(&out);
    while (i < s->n || j < n) {
        if (j == n || (i < s->n && s->r[2 * i] <= pts[j])) {
            append(&out, s->r[2 * i], s->r[2 * i + 1]);
            i++;
        } else {
            append(&out, pts[j], pts[j]);
            j++;
        }
    }
    out.oom |= s->oom;
    free(s->r);
    *s = out;
}

void re_cset_add_set(struct re_cset *s, const struct re_cset *t)
{
    int i;

    for (i = 0; i < t->n; i++)
        re_cset_add(s, t->r[2 * i], t->r[2 * i + 1]);
    if (t->oom)
        s->oom = 1;
}

int re_cset_copy(struct re_cset *dst, const struct re_cset *src)
{
    re_cset_init(dst);
    if (cset_reserve(dst, src->n) < 0)
        return -1;
    if (src->n)
        memcpy(dst->r, src->r, (size_t)src->n * 2 * sizeof(uint32_t));
    dst->n = src->n;
    dst->oom = src->oom;
    return 0;
}

void re_cset_invert(struct re_cset *s, uint32_t max)
{
    struct re_cset t;
    uint32_t next = 0;
    int i;

    re_cset_init(&t);
    for (i = 0; i < s->n; i++) {
        if (s->r[2 * i] > next)
            re_cset_add(&t, next, s->r[2 * i] - 1);
        next = s->r[2 * i + 1] + 1;
    }
    if (next <= max)
        re_cset_add(&t, next, max);
    t.oom |= s->oom;
    free(s->r);
    *s = t;
}

void re_cset_intersect(struct re_cset *s, const struct re_cset *t)
{
    struct re_cset out;
    int i = 0, j = 0;

    re_cset_init(&out);
    while (i < s->n && j < t->n) {
        uint32_t lo = s->r[2 * i] > t->r[2 * j] ? s->r[2 * i] : t->r[2 * j];
        uint32_t hi = s->r[2 * i + 1] < t->r[2 * j + 1] ? s->r[2 * i + 1] : t->r[2 * j + 1];
        if (lo <= hi)
            re_cset_add(&out, lo, hi);
        if (s->r[2 * i + 1] < t->r[2 * j + 1])
            i++;
        else
            j++;
    }
    out.oom |= s->oom | t->oom;
    free(s->r);
    *s = out;
}

void re_cset_subtract(struct re_cset *s, const struct re_cset *t)
{
    struct re_cset inv;

    if (re_cset_copy(&inv, t) < 0) {
        s->oom = 1;
        return;
    }
    re_cset_invert(&inv, RE_MAX_CP);
    re_cset_intersect(s, &inv);
    re_cset_free(&inv);
}

int re_cset_has(const struct re_cset *s, uint32_t c)
{
    int lo = 0, hi = s->n - 1;

    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < s->r[2 * mid])
            hi = mid - 1;
        else if (c > s->r[2 * mid + 1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static void add_word(struct re_cset *s, int unicode, int icase)
{
    re_cset_add(s, '0', '9');
    re_cset_add(s, 'A', 'Z');
    re_cset_add(s, '_', '_');
    re_cset_add(s, 'a', 'z');
    if (unicode && icase) {
        /* long s and Kelvin sign fold to s and k (WordCharacters) */
        re_cset_add(s, 0x17F, 0x17F);
        re_cset_add(s, 0x212A, 0x212A);
    }
}

static void add_space(struct re_cset *s)
{
    static const uint32_t sp[] = {0x9,    0xD,    0x20,   0x20,   0xA0,   0xA0,   0x1680, 0x1680, 0x2000, 0x200A,
                                  0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF};
    size_t i;

    for (i = 0; i < sizeof(sp) / sizeof(sp[0]); i += 2)
        re_cset_add(s, sp[i], sp[i + 1]);
}

void re_cset_class_escape(struct re_cset *s, int c, int unicode, int icase)
{
    struct re_cset t;
    uint32_t max = unicode ? RE_MAX_CP : 0xFFFF;

    re_cset_init(&t);
    switch (c) {
    case 'd':
    case 'D': re_cset_add(&t, '0', '9'); break;
    case 's':
    case 'S': add_space(&t); break;
    default: add_word(&t, unicode, icase); break;
    }
    if (c == 'D' || c == 'S' || c == 'W')
        re_cset_invert(&t, max);
    re_cset_add_set(s, &t);
    re_cset_free(&t);
}

/* \p{...} or \P{...} after the letter: fills s (complemented for \P). */
int re_parse_property(struct re_parser *ps, struct re_cset *s, int negate)
{
    char name[64], value[64];
    char *out = name;
    size_t n = 0;
    int has_value = 0, r;

    if (ps->pos >= ps->len || ps->p[ps->pos] != '{')
        return re_fail(ps, "invalid property name");
    ps->pos++;
    for (;;) {
        uint16_t c;
        if (ps->pos >= ps->len)
            return re_fail(ps, "invalid property name");
        c = ps->p[ps->pos++];
        if (c == '}')
            break;
        if (c == '=' && !has_value) {
            out[n] = 0;
            if (n == 0)
                return re_fail(ps, "invalid property name");
            has_value = 1;
            out = value;
            n = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') ||
            n + 1 >= sizeof(name))
            return re_fail(ps, "invalid property name");
        out[n++] = (char)c;
    }
    out[n] = 0;
    if (n == 0)
        return re_fail(ps, "invalid property name");
    r = re_unicode_property(s, name, has_value ? value : NULL);
    if (r == -2)
        return re_fail(ps, "out of memory");
    if (r < 0)
        return re_fail(ps, "invalid property name");
    if (negate)
        re_cset_invert(s, RE_MAX_CP);
    return 0;
}

/* One ClassAtom: 0 with a character in *c, 1 with a set added to s. */
static int class_atom(struct re_parser *ps, struct re_cset *s, uint32_t *c)
{
    uint16_t e;

    if (ps->p[ps->pos] != '\\') {
        re_next_cp(ps, c);
        return 0;
    }
    ps->pos++;
    if (ps->pos >= ps->len)
        return re_fail(ps, "\\ at end of pattern");
    e = ps->p[ps->pos];
    if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
        ps->pos++;
        re_cset_class_escape(s, e, ps->unicode, ps->icase);
        return 1;
    }
    if ((e == 'p' || e == 'P') && ps->unicode) {
        struct re_cset t;
        ps->pos++;
        re_cset_init(&t);
        if (re_parse_property(ps, &t, e == 'P') < 0) {
            re_cset_free(&t);
            return -1;
        }
        re_cset_add_set(s, &t);
        re_cset_free(&t);
        return 1;
    }
    return re_parse_escape_char(ps, 1, c) < 0 ? -1 : 0;
}

/* '[' at ps->pos (no v flag): ClassRanges, with Annex B's ranges that
 * have a class escape at one end when neither u nor v is set. */
static int parse_class_ranges(struct re_parser *ps, struct re_cset *s)
{
    for (;;) {
        uint32_t a, b;
        int ka, kb;
        if (ps->pos >= ps->len)
            return re_fail(ps, "unterminated character class");
        if (ps->p[ps->pos] == ']') {
            ps->pos++;
            return 0;
        }
        ka = class_atom(ps, s, &a);
        if (ka < 0)
            return -1;
        if (ps->pos + 1 < ps->len && ps->p[ps->pos] == '-' && ps->p[ps->pos + 1] != ']') {
            ps->pos++;
            kb = class_atom(ps, s, &b);
            if (kb < 0)
                return -1;
            if (ka || kb) {
                if (ps->unicode)
                    return re_fail(ps, "invalid character class");
                if (!ka)
                    re_cset_add(s, a, a);
                if (!kb)
                    re_cset_add(s, b, b);
                re_cset_add(s, '-', '-');
                continue;
            }
            if (a > b)
                return re_fail(ps, "range out of order in character class");
            re_cset_add(s, a, b);
        } else if (!ka) {
            re_cset_add(s, a, a);
        }
    }
}

int re_parse_class(struct re_parser *ps)
{
    int n, si, inv = 0;

    ps->pos++;
    if (ps->pos < ps->len && ps->p[ps->pos] == '^') {
        inv = 1;
        ps->pos++;
    }
    n = re_new_node(ps, N_SET);
    if (n < 0 || (si = re_new_set(ps)) < 0)
        return -1;
    ps->nodes[n].val = si;
    ps->nodes[n].inv = (uint8_t)inv;
    if (ps->vmode)
        return re_parse_class_v(ps, n) < 0 ? -1 : n;
    if (parse_class_ranges(ps, &ps->sets[si]) < 0)
        return -1;
    if (ps->sets[si].oom)
        return re_fail(ps, "out of memory");
    return n;
}
