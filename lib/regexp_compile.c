/* SPDX-License-Identifier: MIT */
/*
 * The compiler of the regular-expression engine: walks the parse tree
 * and emits the program regexp_exec.c runs, forwards, or backwards inside
 * a lookbehind (terms in reverse order, captures closed before they are
 * opened, characters read before the position). Quantified single
 * characters become one OP_SPAN (or OP_SPAN_LAZY) that consumes without a
 * backtrack entry per character; other quantifiers become counted loops
 * with the spec's empty check and capture reset. Under i every character
 * and class is widened to its case closure here. Also fcw_re_compile and
 * the accessors of the public header.
 */
#include "regexp_int.h"

#include <stdlib.h>
#include <string.h>

struct comp {
    struct re_parser *ps;
    struct fcw_re *re;
    int capcls;
    int oom;
};

static int emit(struct comp *cc, uint32_t w)
{
    struct fcw_re *re = cc->re;

    if (re->ncode % 256 == 0) {
        uint32_t *c = realloc(re->code, ((size_t)re->ncode + 256) * sizeof(*c));
        if (!c) {
            cc->oom = 1;
            return -1;
        }
        re->code = c;
    }
    re->code[re->ncode++] = w;
    return re->ncode - 1;
}

static void patch(struct comp *cc, int at, int value)
{
    if (at >= 0 && !cc->oom)
        cc->re->code[at] = (uint32_t)value;
}

/* Adds a compiled class for s (widened to its case closure under i). */
static int add_cls(struct comp *cc, struct re_cset *s)
{
    struct fcw_re *re = cc->re;
    struct re_cls *k;
    int i;

    if (cc->ps->icase)
        re_cset_case_close(s, cc->ps->unicode);
    if (s->oom) {
        cc->oom = 1;
        return -1;
    }
    if (re->ncls == cc->capcls) {
        int cap = cc->capcls ? cc->capcls * 2 : 4;
        k = realloc(re->cls, (size_t)cap * sizeof(*k));
        if (!k) {
            cc->oom = 1;
            return -1;
        }
        re->cls = k;
        cc->capcls = cap;
    }
    k = &re->cls[re->ncls];
    memset(k, 0, sizeof(*k));
    k->r = malloc((size_t)(s->n ? s->n : 1) * 2 * sizeof(uint32_t));
    if (!k->r) {
        cc->oom = 1;
        return -1;
    }
    if (s->n)
        memcpy(k->r, s->r, (size_t)s->n * 2 * sizeof(uint32_t));
    k->n = s->n;
    for (i = 0; i < s->n && s->r[2 * i] < 128; i++) {
        uint32_t c, hi = s->r[2 * i + 1] < 127 ? s->r[2 * i + 1] : 127;
        for (c = s->r[2 * i]; c <= hi; c++)
            k->ascii[c >> 5] |= 1u << (c & 31);
    }
    return re->ncls++;
}

static uint32_t set_size(const struct re_cset *s)
{
    uint32_t n = 0;
    int i;

    for (i = 0; i < s->n; i++)
        n += s->r[2 * i + 1] - s->r[2 * i] + 1;
    return n;
}

static void emit_char(struct comp *cc, uint32_t c, unsigned back)
{
    struct re_cset s;
    uint32_t n;

    if (!cc->ps->icase) {
        emit(cc, OP_CHAR | back);
        emit(cc, c);
        return;
    }
    re_cset_init(&s);
    re_cset_add(&s, c, c);
    re_cset_case_close(&s, cc->ps->unicode);
    n = set_size(&s);
    if (n == 1) {
        emit(cc, OP_CHAR | back);
        emit(cc, c);
    } else if (n == 2) {
        emit(cc, OP_CHAR2 | back);
        emit(cc, s.r[0]);
        emit(cc, s.n == 1 ? s.r[1] : s.r[2]);
    } else {
        int k = add_cls(cc, &s);
        emit(cc, OP_SET | back);
        emit(cc, (uint32_t)k);
    }
    re_cset_free(&s);
}

/* The node itself, or what a non-capturing group around it holds. */
static int unwrap(const struct re_parser *ps, int ni)
{
    while (ps->nodes[ni].type == N_NCGROUP)
        ni = ps->nodes[ni].kid;
    return ni;
}

static int is_single(const struct re_node *n)
{
    return n->type == N_CHAR || n->type == N_SET || n->type == N_DOT;
}

/* An alternation of single characters and classes, such as (?:a|b|[0-9]),
 * matches one character whichever alternative matches it: it becomes one
 * class, so that a quantifier over it is a span. */
static int merge_alternatives(struct comp *cc)
{
    struct re_parser *ps = cc->ps;
    uint32_t max = ps->unicode ? RE_MAX_CP : 0xFFFF;
    int i, changed, rounds;

    for (rounds = 0; rounds < 8; rounds++) {
        changed = 0;
        for (i = 0; i < ps->nnodes; i++) {
            struct re_node *n = &ps->nodes[i];
            int k, si;
            if (n->type != N_ALT)
                continue;
            for (k = n->kid; k >= 0; k = ps->nodes[k].next) {
                const struct re_node *seq = &ps->nodes[k];
                int one;
                if (seq->type != N_SEQ || seq->kid < 0 || seq->kid != seq->last)
                    break;
                one = unwrap(ps, seq->kid);
                if (ps->nodes[one].type != N_CHAR && ps->nodes[one].type != N_SET)
                    break;
            }
            if (k >= 0)
                continue;
            si = re_new_set(ps);
            if (si < 0)
                return -1;
            n = &ps->nodes[i];
            for (k = n->kid; k >= 0; k = ps->nodes[k].next) {
                const struct re_node *one = &ps->nodes[unwrap(ps, ps->nodes[k].kid)];
                if (one->type == N_CHAR) {
                    re_cset_add(&ps->sets[si], (uint32_t)one->val, (uint32_t)one->val);
                } else if (one->inv) {
                    struct re_cset t;
                    if (re_cset_copy(&t, &ps->sets[one->val]) < 0)
                        return re_fail(ps, "out of memory");
                    if (ps->icase)
                        re_cset_case_close(&t, ps->unicode);
                    re_cset_invert(&t, max);
                    re_cset_add_set(&ps->sets[si], &t);
                    re_cset_free(&t);
                } else {
                    re_cset_add_set(&ps->sets[si], &ps->sets[one->val]);
                }
            }
            if (ps->sets[si].oom)
                return re_fail(ps, "out of memory");
            n->type = N_SET;
            n->val = si;
            n->inv = 0;
            n->kid = n->last = -1;
            changed = 1;
        }
        if (!changed)
            break;
    }
    return 0;
}

static void gen(struct comp *cc, int ni, unsigned back)
{
    struct re_parser *ps = cc->ps;
    struct re_node *n = &ps->nodes[ni];
    int k, at, loop, exit_at, reg;

    switch (n->type) {
    case N_EMPTY: break;
    case N_CHAR: emit_char(cc, (uint32_t)n->val, back); break;
    case N_SET:
        k = add_cls(cc, &ps->sets[n->val]);
        emit(cc, (n->inv ? OP_NSET : OP_SET) | back);
        emit(cc, (uint32_t)k);
        break;
    case N_DOT: emit(cc, ((ps->flags & FCW_RE_DOT_ALL) ? OP_ANY : OP_DOT) | back); break;
    case N_SEQ:
        if (!back) {
            for (k = n->kid; k >= 0; k = ps->nodes[k].next)
                gen(cc, k, back);
        } else {
            /* the children backwards: collect them first */
            int cnt = 0, i, *v;
            for (k = n->kid; k >= 0; k = ps->nodes[k].next)
                cnt++;
            v = malloc((size_t)(cnt ? cnt : 1) * sizeof(*v));
            if (!v) {
                cc->oom = 1;
                return;
            }
            for (i = 0, k = n->kid; k >= 0; k = ps->nodes[k].next)
                v[i++] = k;
            for (i = cnt - 1; i >= 0; i--)
                gen(cc, v[i], back);
            free(v);
        }
        break;
    case N_ALT: {
        /* SPLIT next; alt; JMP end; next: ... the last alt falls through.
         * The JMPs are chained through their operands and patched. */
        int chain = -1;
        for (k = n->kid; k >= 0; k = ps->nodes[k].next) {
            int split = -1;
            if (ps->nodes[k].next >= 0) {
                emit(cc, OP_SPLIT);
                split = emit(cc, 0);
            }
            gen(cc, k, back);
            if (ps->nodes[k].next >= 0) {
                emit(cc, OP_JMP);
                at = emit(cc, (uint32_t)chain);
                chain = at;
                patch(cc, split, cc->re->ncode);
            }
        }
        while (chain >= 0 && !cc->oom) {
            int prev = (int)cc->re->code[chain];
            patch(cc, chain, cc->re->ncode);
            chain = prev;
        }
        break;
    }
    case N_GROUP:
        emit(cc, OP_SAVE);
        emit(cc, (uint32_t)(2 * n->val + (back ? 1 : 0)));
        gen(cc, n->kid, back);
        emit(cc, OP_SAVE);
        emit(cc, (uint32_t)(2 * n->val + (back ? 0 : 1)));
        break;
    case N_NCGROUP: gen(cc, n->kid, back); break;
    case N_BOL: emit(cc, (ps->flags & FCW_RE_MULTILINE) ? OP_BOL_M : OP_BOL); break;
    case N_EOL: emit(cc, (ps->flags & FCW_RE_MULTILINE) ? OP_EOL_M : OP_EOL); break;
    case N_WORDB: emit(cc, OP_WORDB); break;
    case N_NWORDB: emit(cc, OP_NWORDB); break;
    case N_BACKREF:
        emit(cc, OP_BACKREF | back);
        emit(cc, (uint32_t)n->val);
        break;
    case N_LOOK:
        emit(cc, OP_LOOK);
        emit(cc, (uint32_t)((n->val ? LOOK_BEHIND : 0) | (n->inv ? LOOK_NEG : 0)));
        at = emit(cc, 0);
        gen(cc, n->kid, n->val ? OPF_BACK : 0);
        emit(cc, OP_LOOK_END);
        patch(cc, at, cc->re->ncode);
        break;
    case N_REPEAT: {
        struct re_node *kid = &ps->nodes[unwrap(ps, n->kid)];
        if (n->max == 0)
            break;
        if (n->min == 1 && n->max == 1) {
            gen(cc, n->kid, back);
            break;
        }
        if (is_single(kid)) {
            emit(cc, (n->greedy ? OP_SPAN : OP_SPAN_LAZY) | back);
            emit(cc, (uint32_t)n->min);
            emit(cc, (uint32_t)n->max);
            gen(cc, unwrap(ps, n->kid), back);
            break;
        }
        reg = cc->re->nregs++;
        emit(cc, OP_LOOP_INIT);
        emit(cc, (uint32_t)reg);
        loop = emit(cc, n->greedy ? OP_LOOP : OP_LOOP_LAZY);
        emit(cc, (uint32_t)reg);
        emit(cc, (uint32_t)n->min);
        emit(cc, (uint32_t)n->max);
        exit_at = emit(cc, 0);
        emit(cc, OP_LOOP_ENTER);
        emit(cc, (uint32_t)reg);
        if (n->cap_to >= n->cap_from) {
            emit(cc, (uint32_t)(2 * n->cap_from));
            emit(cc, (uint32_t)(2 * n->cap_to + 1));
        } else {
            emit(cc, 1);
            emit(cc, 0);
        }
        gen(cc, n->kid, back);
        emit(cc, OP_LOOP_NEXT);
        emit(cc, (uint32_t)reg);
        emit(cc, (uint32_t)n->min);
        emit(cc, (uint32_t)loop);
        patch(cc, exit_at, cc->re->ncode);
        break;
    }
    default: break;
    }
}

/* The literal character or anchor every match starts with, if any. */
static void start_hints(struct comp *cc, int ni)
{
    struct re_parser *ps = cc->ps;

    while (ni >= 0) {
        struct re_node *n = &ps->nodes[ni];
        switch (n->type) {
        case N_SEQ: ni = n->kid; break;
        case N_GROUP:
        case N_NCGROUP: ni = n->kid; break;
        case N_REPEAT:
            if (n->min < 1)
                return;
            ni = n->kid;
            break;
        case N_BOL:
            if (!(ps->flags & FCW_RE_MULTILINE))
                cc->re->anchored = 1;
            return;
        case N_CHAR: {
            uint32_t c = (uint32_t)n->val;
            if (ps->icase) {
                struct re_cset s;
                uint32_t sz;
                re_cset_init(&s);
                re_cset_add(&s, c, c);
                re_cset_case_close(&s, ps->unicode);
                sz = set_size(&s);
                re_cset_free(&s);
                if (sz != 1)
                    return;
            }
            cc->re->first_kind = 1;
            cc->re->first_c = c > 0xFFFF ? 0xD800 + ((c - 0x10000) >> 10) : c;
            return;
        }
        default: return;
        }
    }
}

/* Adds the code units of the set (a lead surrogate for each astral
 * character). */
static void add_units(struct re_cset *out, const struct re_cset *s)
{
    int i;

    for (i = 0; i < s->n; i++) {
        uint32_t lo = s->r[2 * i], hi = s->r[2 * i + 1];
        if (lo <= 0xFFFF)
            re_cset_add(out, lo, hi > 0xFFFF ? 0xFFFF : hi);
        if (hi > 0xFFFF) {
            if (lo < 0x10000)
                lo = 0x10000;
            re_cset_add(out, 0xD800 + ((lo - 0x10000) >> 10), 0xD800 + ((hi - 0x10000) >> 10));
        }
    }
}

/* Adds to out the code units a match of node ni can start with. Returns 1
 * when the node may match without consuming anything (what follows it
 * counts too), 0 when it always consumes, -1 when any unit may start it. */
static int first_units(struct comp *cc, int ni, struct re_cset *out)
{
    struct re_parser *ps = cc->ps;
    struct re_node *n = &ps->nodes[ni];
    int k, r, nullable;

    switch (n->type) {
    case N_EMPTY:
    case N_BOL:
    case N_EOL:
    case N_WORDB:
    case N_NWORDB:
    case N_LOOK: return 1;
    case N_CHAR: {
        struct re_cset s;
        re_cset_init(&s);
        re_cset_add(&s, (uint32_t)n->val, (uint32_t)n->val);
        if (ps->icase)
            re_cset_case_close(&s, ps->unicode);
        add_units(out, &s);
        re_cset_free(&s);
        return 0;
    }
    case N_SET:
        if (n->inv)
            return -1;
        add_units(out, &ps->sets[n->val]); /* closed by add_cls under i */
        return 0;
    case N_SEQ:
        for (k = n->kid; k >= 0; k = ps->nodes[k].next) {
            r = first_units(cc, k, out);
            if (r <= 0)
                return r;
        }
        return 1;
    case N_ALT:
        nullable = 0;
        for (k = n->kid; k >= 0; k = ps->nodes[k].next) {
            r = first_units(cc, k, out);
            if (r < 0)
                return r;
            nullable |= r;
        }
        return nullable;
    case N_GROUP:
    case N_NCGROUP: return first_units(cc, n->kid, out);
    case N_REPEAT:
        if (n->max == 0)
            return 1;
        r = first_units(cc, n->kid, out);
        return r < 0 ? r : n->min == 0 ? 1 : r;
    default: /* N_DOT, N_BACKREF */ return -1;
    }
}

int re_compile_tree(struct re_parser *ps, int root, struct fcw_re *re)
{
    struct comp cc;
    struct re_cset first;

    memset(&cc, 0, sizeof(cc));
    cc.ps = ps;
    cc.re = re;
    if (merge_alternatives(&cc) < 0)
        return -1;
    gen(&cc, root, 0);
    emit(&cc, OP_MATCH);
    if (cc.oom)
        return re_fail(ps, "out of memory");
    start_hints(&cc, root);
    if (!re->first_kind && !re->anchored) {
        re_cset_init(&first);
        if (first_units(&cc, root, &first) == 0 && first.n > 0) {
            if (first.n == 1 && first.r[0] == first.r[1]) {
                re->first_kind = 1;
                re->first_c = first.r[0];
            } else {
                int saved = ps->icase, k;
                ps->icase = 0; /* already closed */
                k = add_cls(&cc, &first);
                ps->icase = saved;
                if (k >= 0) {
                    re->first_kind = 2;
                    re->first_cls = k;
                }
            }
        }
        re_cset_free(&first);
        if (cc.oom)
            return re_fail(ps, "out of memory");
    }
    return 0;
}

int fcw_re_parse_flags(const uint16_t *s, size_t len, unsigned *flags)
{
    static const char letters[] = "dgimsuvy";
    unsigned f = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        const char *p = s[i] < 128 && s[i] ? strchr(letters, s[i]) : NULL;
        unsigned bit;
        if (!p)
            return -1;
        bit = 1u << (p - letters);
        if (f & bit)
            return -1;
        f |= bit;
    }
    if ((f & FCW_RE_UNICODE) && (f & FCW_RE_UNICODE_SETS))
        return -1;
    *flags = f;
    return 0;
}

void fcw_re_free(struct fcw_re *re)
{
    int i;

    if (!re)
        return;
    free(re->code);
    for (i = 0; i < re->ncls; i++)
        free(re->cls[i].r);
    free(re->cls);
    if (re->names)
        for (i = 0; i < re->ncap; i++)
            free(re->names[i]);
    free(re->names);
    free(re);
}

struct fcw_re *fcw_re_compile(const uint16_t *pattern, size_t len, unsigned flags, char *err, size_t errlen)
{
    struct re_parser ps;
    struct fcw_re *re;
    int root, i, rc = -1;

    memset(&ps, 0, sizeof(ps));
    ps.p = pattern;
    ps.len = len;
    ps.flags = flags;
    ps.unicode = (flags & (FCW_RE_UNICODE | FCW_RE_UNICODE_SETS)) != 0;
    ps.vmode = (flags & FCW_RE_UNICODE_SETS) != 0;
    ps.icase = (flags & FCW_RE_IGNORE_CASE) != 0;
    ps.err = err;
    ps.errlen = errlen;
    if (err && errlen)
        err[0] = 0;
    re = calloc(1, sizeof(*re));
    if (!re) {
        re_fail(&ps, "out of memory");
        return NULL;
    }
    re->flags = flags;
    if (re_parse(&ps, &root) == 0 && re_compile_tree(&ps, root, re) == 0)
        rc = 0;
    re->ncap = ps.ncap;
    if (rc == 0) {
        re->names = calloc((size_t)ps.ncap, sizeof(*re->names));
        if (!re->names) {
            re_fail(&ps, "out of memory");
            rc = -1;
        }
    }
    for (i = 1; i < ps.ncap && i < ps.capnames; i++) {
        if (rc == 0)
            re->names[i] = ps.names[i];
        else
            free(ps.names[i]);
    }
    free(ps.names);
    for (i = 0; i < ps.nrefnames; i++)
        free(ps.refnames[i]);
    free(ps.refnames);
    for (i = 0; i < ps.nsets; i++)
        re_cset_free(&ps.sets[i]);
    free(ps.sets);
    free(ps.nodes);
    if (rc < 0) {
        fcw_re_free(re);
        return NULL;
    }
    return re;
}

unsigned fcw_re_flags(const struct fcw_re *re)
{
    return re->flags;
}

int fcw_re_capture_count(const struct fcw_re *re)
{
    return re->ncap;
}

const char *fcw_re_group_name(const struct fcw_re *re, int group)
{
    if (group <= 0 || group >= re->ncap)
        return NULL;
    return re->names[group];
}
