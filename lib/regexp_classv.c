/* SPDX-License-Identifier: MIT */
/*
 * Classes under the v flag (ES2024 22.2.1 ClassSetExpression): nested
 * classes, union, intersection (&&) and subtraction (--) that do not mix
 * at one level, ranges, class escapes and \p{...}, and \q{...|...} string
 * alternatives. A class without strings becomes one N_SET; one with
 * strings becomes an alternation that tries the longest strings first,
 * then the single characters, then the empty string. Under i every
 * operand is widened to its case closure before the set operations, which
 * keeps the results closed (the spec's simple case folding of operands).
 */
#include "regexp_int.h"

#include <stdlib.h>
#include <string.h>

struct vstr {
    uint32_t *c;
    int n;
};

/* A class value: single characters and strings (not of length one). */
struct vset {
    struct re_cset set;
    struct vstr *s;
    int ns, caps;
};

static void vset_init(struct vset *v)
{
    re_cset_init(&v->set);
    v->s = NULL;
    v->ns = v->caps = 0;
}

static void vset_free(struct vset *v)
{
    int i;

    re_cset_free(&v->set);
    for (i = 0; i < v->ns; i++)
        free(v->s[i].c);
    free(v->s);
    vset_init(v);
}

static int vstr_eq(const struct vstr *a, const struct vstr *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->c, b->c, (size_t)a->n * sizeof(uint32_t)) == 0);
}

static int vset_find(const struct vset *v, const struct vstr *s)
{
    int i;

    for (i = 0; i < v->ns; i++)
        if (vstr_eq(&v->s[i], s))
            return i;
    return -1;
}

/* Adds a copy of s (a single character goes to the set). */
static int vset_add_str(struct vset *v, const uint32_t *c, int n)
{
    struct vstr *s;

    if (n == 1) {
        re_cset_add(&v->set, c[0], c[0]);
        return v->set.oom ? -1 : 0;
    }
    {
        struct vstr probe = {(uint32_t *)c, n};
        if (vset_find(v, &probe) >= 0)
            return 0;
    }
    if (v->ns == v->caps) {
        int cap = v->caps ? v->caps * 2 : 4;
        s = realloc(v->s, (size_t)cap * sizeof(*s));
        if (!s)
            return -1;
        v->s = s;
        v->caps = cap;
    }
    s = &v->s[v->ns];
    s->c = malloc((size_t)(n ? n : 1) * sizeof(uint32_t));
    if (!s->c)
        return -1;
    if (n)
        memcpy(s->c, c, (size_t)n * sizeof(uint32_t));
    s->n = n;
    v->ns++;
    return 0;
}

static int vset_union(struct vset *a, const struct vset *b)
{
    int i;

    re_cset_add_set(&a->set, &b->set);
    for (i = 0; i < b->ns; i++)
        if (vset_add_str(a, b->s[i].c, b->s[i].n) < 0)
            return -1;
    return a->set.oom ? -1 : 0;
}

/* Keeps the strings of a that are (keep) or are not (!keep) in b. */
static void vset_filter(struct vset *a, const struct vset *b, int keep)
{
    int i, j = 0;

    for (i = 0; i < a->ns; i++) {
        if ((vset_find(b, &a->s[i]) >= 0) == keep)
            a->s[j++] = a->s[i];
        else
            free(a->s[i].c);
    }
    a->ns = j;
}

static int peekv(struct re_parser *ps, size_t off)
{
    return ps->pos + off < ps->len ? ps->p[ps->pos + off] : -1;
}

static int is_double_punct(struct re_parser *ps)
{
    int c = peekv(ps, 0);

    return c >= 0 && c < 128 && c == peekv(ps, 1) && c && strchr("&!#$%*+,.:;<=>?@^`~", c);
}

/* A ClassSetCharacter into *c. */
static int set_char(struct re_parser *ps, uint32_t *c)
{
    int ch = peekv(ps, 0);

    if (ch < 0)
        return re_fail(ps, "unterminated character class");
    if (ch == '\\') {
        int e = peekv(ps, 1);
        if (e >= 0 && e < 128 && e && strchr("&-!#%,:;<=>@`~", e)) {
            ps->pos += 2;
            *c = (uint32_t)e;
            return 0;
        }
        ps->pos++;
        return re_parse_escape_char(ps, 1, c);
    }
    if (ch < 128 && ch && strchr("()[]{}/-|", ch))
        return re_fail(ps, "invalid set operation in character class");
    if (is_double_punct(ps))
        return re_fail(ps, "invalid set operation in character class");
    return re_next_cp(ps, c);
}

static int parse_contents(struct re_parser *ps, struct vset *out);

/* \p{Emoji_Keycap_Sequence} at ps->pos: its strings into v. Returns 1
 * when it was that (position after it), 0 when not. The other properties
 * of strings (RGI_Emoji...) need emoji data libunistring does not have:
 * they stay unknown names. */
static int string_property(struct re_parser *ps, struct vset *v)
{
    static const char name[] = "\\p{Emoji_Keycap_Sequence}";
    static const char keys[] = "#*0123456789";
    size_t i, n = sizeof(name) - 1;

    if (ps->pos + n > ps->len)
        return 0;
    for (i = 0; i < n; i++)
        if (ps->p[ps->pos + i] != (unsigned char)name[i])
            return 0;
    ps->pos += n;
    for (i = 0; keys[i]; i++) {
        uint32_t seq[3];
        seq[0] = (unsigned char)keys[i];
        seq[1] = 0xFE0F;
        seq[2] = 0x20E3;
        if (vset_add_str(v, seq, 3) < 0) {
            re_fail(ps, "out of memory");
            return 1;
        }
    }
    return 1;
}

/* \q{...} after "\q": its strings into v. */
static int string_disjunction(struct re_parser *ps, struct vset *v)
{
    uint32_t *buf = NULL, c;
    int n = 0, cap = 0;

    if (peekv(ps, 0) != '{')
        return re_fail(ps, "invalid escape");
    ps->pos++;
    for (;;) {
        int ch = peekv(ps, 0);
        if (ch < 0) {
            free(buf);
            return re_fail(ps, "unterminated character class");
        }
        if (ch == '|' || ch == '}') {
            ps->pos++;
            if (vset_add_str(v, buf, n) < 0) {
                free(buf);
                return re_fail(ps, "out of memory");
            }
            n = 0;
            if (ch == '}')
                break;
            continue;
        }
        if (set_char(ps, &c) < 0) {
            free(buf);
            return -1;
        }
        if (n == cap) {
            uint32_t *b;
            cap = cap ? cap * 2 : 8;
            b = realloc(buf, (size_t)cap * sizeof(*b));
            if (!b) {
                free(buf);
                return re_fail(ps, "out of memory");
            }
            buf = b;
        }
        buf[n++] = c;
    }
    free(buf);
    return 0;
}

/* One ClassSetOperand, or a ClassSetRange when allow_range, into v;
 * returns 1 for a range, 0 for an operand, -1 after a SyntaxError. */
static int operand(struct re_parser *ps, struct vset *v, int allow_range)
{
    int ch = peekv(ps, 0);
    uint32_t a, b;
    int range = 0;

    vset_init(v);
    if (ch == '[') {
        int inv = 0;
        ps->pos++;
        if (peekv(ps, 0) == '^') {
            inv = 1;
            ps->pos++;
        }
        if (++ps->depth > RE_MAX_DEPTH)
            return re_fail(ps, "regular expression too deeply nested");
        if (parse_contents(ps, v) < 0)
            return -1;
        ps->depth--;
        if (inv) {
            if (v->ns)
                return re_fail(ps, "negated character class may contain strings");
            re_cset_invert(&v->set, RE_MAX_CP);
        }
        return 0;
    }
    if (ch == '\\') {
        int e = peekv(ps, 1);
        if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
            ps->pos += 2;
            re_cset_class_escape(&v->set, e, 1, ps->icase);
            goto close;
        }
        if (e == 'p' && string_property(ps, v)) {
            if (ps->failed)
                return -1;
            goto close;
        }
        if (e == 'p' || e == 'P') {
            /* the complement of the folded set (CharacterComplement) */
            ps->pos += 2;
            if (re_parse_property(ps, &v->set, 0) < 0)
                return -1;
            if (ps->icase)
                re_cset_case_close(&v->set, 1);
            if (e == 'P')
                re_cset_invert(&v->set, RE_MAX_CP);
            return v->set.oom ? re_fail(ps, "out of memory") : 0;
        }
        if (e == 'q') {
            ps->pos += 2;
            if (string_disjunction(ps, v) < 0)
                return -1;
            goto close;
        }
    }
    if (set_char(ps, &a) < 0)
        return -1;
    b = a;
    if (allow_range && peekv(ps, 0) == '-' && peekv(ps, 1) != '-') {
        ps->pos++;
        if (set_char(ps, &b) < 0)
            return -1;
        if (a > b)
            return re_fail(ps, "range out of order in character class");
        range = 1;
    }
    re_cset_add(&v->set, a, b);
close:
    if (ps->icase)
        re_cset_case_close(&v->set, 1);
    return v->set.oom ? re_fail(ps, "out of memory") : range;
}

/* ClassContents up to and including ']'. */
static int parse_contents(struct re_parser *ps, struct vset *out)
{
    struct vset x;
    int op = 0; /* 0 union, '&' intersection, '-' subtraction */
    int first_range;

    vset_init(out);
    if (peekv(ps, 0) == ']') {
        ps->pos++;
        return 0;
    }
    first_range = operand(ps, out, 1);
    if (first_range < 0)
        return -1;
    for (;;) {
        int ch = peekv(ps, 0), this_op;
        if (ch < 0)
            return re_fail(ps, "unterminated character class");
        if (ch == ']') {
            ps->pos++;
            return 0;
        }
        this_op = (ch == '&' && peekv(ps, 1) == '&') ? '&' : (ch == '-' && peekv(ps, 1) == '-') ? '-' : 0;
        if (this_op && first_range)
            return re_fail(ps, "invalid set operation in character class");
        if (this_op) {
            if (op != 0 && op != this_op)
                return re_fail(ps, "invalid set operation in character class");
            ps->pos += 2;
            if (this_op == '&' && peekv(ps, 0) == '&')
                return re_fail(ps, "invalid set operation in character class");
            if (operand(ps, &x, 0) < 0) {
                vset_free(&x);
                return -1;
            }
            if (this_op == '&') {
                re_cset_intersect(&out->set, &x.set);
                vset_filter(out, &x, 1);
            } else {
                re_cset_subtract(&out->set, &x.set);
                vset_filter(out, &x, 0);
            }
            vset_free(&x);
            op = this_op;
            continue;
        }
        if (op > 0)
            return re_fail(ps, "invalid set operation in character class");
        op = -1; /* a union from now on */
        if (operand(ps, &x, 1) < 0) {
            vset_free(&x);
            return -1;
        }
        if (vset_union(out, &x) < 0) {
            vset_free(&x);
            return re_fail(ps, "out of memory");
        }
        vset_free(&x);
    }
}

static int cmp_len_desc(const void *a, const void *b)
{
    const struct vstr *x = a, *y = b;
    return y->n - x->n;
}

static int build_node(struct re_parser *ps, int n, struct vset *vp);

/* n is the N_SET node re_parse_class made, ps->pos after '[' and '^'. */
int re_parse_class_v(struct re_parser *ps, int n)
{
    struct vset v;

    if (++ps->depth > RE_MAX_DEPTH)
        return re_fail(ps, "regular expression too deeply nested");
    if (parse_contents(ps, &v) < 0) {
        vset_free(&v);
        return -1;
    }
    ps->depth--;
    return build_node(ps, n, &v);
}

/* \p{...} outside a class under v (ps->pos at the backslash): a property
 * of strings is matched like a class holding it. */
int re_parse_property_v(struct re_parser *ps)
{
    struct vset v;
    int n = re_new_node(ps, N_SET), si;

    if (n < 0 || (si = re_new_set(ps)) < 0)
        return -1;
    ps->nodes[n].val = si;
    if (operand(ps, &v, 0) < 0) {
        vset_free(&v);
        return -1;
    }
    return build_node(ps, n, &v) < 0 ? -1 : n;
}

/* Fills node n (an N_SET) from the class value, which it frees. */
static int build_node(struct re_parser *ps, int n, struct vset *vp)
{
    struct vset v = *vp;
    int si = ps->nodes[n].val, alt, i, j;

    if (ps->nodes[n].inv && v.ns) {
        vset_free(&v);
        return re_fail(ps, "negated character class may contain strings");
    }
    re_cset_add_set(&ps->sets[si], &v.set);
    if (!v.ns) {
        vset_free(&v);
        return 0;
    }
    /* strings: (?:longest|...|[chars]|) */
    qsort(v.s, (size_t)v.ns, sizeof(*v.s), cmp_len_desc);
    alt = re_new_node(ps, N_ALT);
    if (alt < 0)
        goto fail;
    for (i = 0; i < v.ns && v.s[i].n > 0; i++) {
        int seq = re_new_node(ps, N_SEQ);
        if (seq < 0)
            goto fail;
        for (j = 0; j < v.s[i].n; j++) {
            int c = re_new_node(ps, N_CHAR);
            if (c < 0)
                goto fail;
            ps->nodes[c].val = (int)v.s[i].c[j];
            re_add_kid(ps, seq, c);
        }
        re_add_kid(ps, alt, seq);
    }
    if (v.set.n) {
        int seq = re_new_node(ps, N_SEQ), set = re_new_node(ps, N_SET);
        if (seq < 0 || set < 0)
            goto fail;
        ps->nodes[set].val = si;
        re_add_kid(ps, seq, set);
        re_add_kid(ps, alt, seq);
    }
    if (i < v.ns) {
        int seq = re_new_node(ps, N_SEQ);
        if (seq < 0)
            goto fail;
        re_add_kid(ps, alt, seq);
    }
    /* the class node becomes a non-capturing group around the alternation */
    ps->nodes[n].type = N_NCGROUP;
    ps->nodes[n].kid = ps->nodes[n].last = alt;
    vset_free(&v);
    return 0;
fail:
    vset_free(&v);
    return -1;
}
