/* SPDX-License-Identifier: MIT */
/*
 * The parser of the regular-expression engine: a pattern in UTF-16 becomes
 * a tree of re_node (ES2024 22.2.1), with the Annex B grammar (B.1.2) when
 * neither u nor v is set (identity escapes, \c quirks, legacy octal, a
 * literal { ] }, \k as k without named groups, quantified lookaheads) and
 * the strict grammar under u and v. Nesting deeper than RE_MAX_DEPTH is a
 * SyntaxError, so the recursion here and in the compiler stays bounded.
 * Classes are parsed in regexp_class.c (regexp_classv.c under v).
 */
#include "regexp_int.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IS_LEAD(c) ((c) >= 0xD800 && (c) <= 0xDBFF)
#define IS_TRAIL(c) ((c) >= 0xDC00 && (c) <= 0xDFFF)
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

int re_fail(struct re_parser *ps, const char *msg)
{
    if (!ps->failed && ps->errlen)
        snprintf(ps->err, ps->errlen, "Invalid regular expression: %s", msg);
    ps->failed = 1;
    return -1;
}

int re_new_node(struct re_parser *ps, int type)
{
    struct re_node *n;

    if (ps->nnodes == ps->capnodes) {
        int cap = ps->capnodes ? ps->capnodes * 2 : 64;
        if (cap > RE_MAX_NODES)
            return re_fail(ps, "regular expression too large");
        n = realloc(ps->nodes, (size_t)cap * sizeof(*n));
        if (!n)
            return re_fail(ps, "out of memory");
        ps->nodes = n;
        ps->capnodes = cap;
    }
    n = &ps->nodes[ps->nnodes];
    memset(n, 0, sizeof(*n));
    n->type = (uint8_t)type;
    n->kid = n->last = n->next = -1;
    n->greedy = 1;
    return ps->nnodes++;
}

void re_add_kid(struct re_parser *ps, int parent, int kid)
{
    struct re_node *p = &ps->nodes[parent];

    if (p->last < 0)
        p->kid = kid;
    else
        ps->nodes[p->last].next = kid;
    p->last = kid;
}

int re_new_set(struct re_parser *ps)
{
    if (ps->nsets == ps->capsets) {
        int cap = ps->capsets ? ps->capsets * 2 : 8;
        struct re_cset *s = realloc(ps->sets, (size_t)cap * sizeof(*s));
        if (!s)
            return re_fail(ps, "out of memory");
        ps->sets = s;
        ps->capsets = cap;
    }
    re_cset_init(&ps->sets[ps->nsets]);
    return ps->nsets++;
}

static int peek(struct re_parser *ps, size_t off)
{
    return ps->pos + off < ps->len ? ps->p[ps->pos + off] : -1;
}

/* Reads one pattern character: a code point under u/v, else a code unit. */
int re_next_cp(struct re_parser *ps, uint32_t *c)
{
    uint32_t u;

    if (ps->pos >= ps->len)
        return -1;
    u = ps->p[ps->pos++];
    if (ps->unicode && IS_LEAD(u) && ps->pos < ps->len && IS_TRAIL(ps->p[ps->pos]))
        u = 0x10000 + ((u - 0xD800) << 10) + (ps->p[ps->pos++] - 0xDC00);
    *c = u;
    return 0;
}

static int hex_n(struct re_parser *ps, int n, uint32_t *out)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < n; i++) {
        int h = fcw_hex_value((uint32_t)peek(ps, (size_t)i));
        if (h < 0)
            return -1;
        v = v * 16 + (uint32_t)h;
    }
    ps->pos += (size_t)n;
    *out = v;
    return 0;
}

/* After "\u": XXXX (a pair of escapes joined when unicode), or {X...}
 * when unicode. Returns -1 (position unchanged) when there is none. */
static int unicode_escape(struct re_parser *ps, int unicode, uint32_t *out)
{
    size_t save = ps->pos;
    uint32_t v, lo;

    if (unicode && peek(ps, 0) == '{') {
        int n = 0;
        ps->pos++;
        v = 0;
        while (fcw_hex_value((uint32_t)peek(ps, 0)) >= 0) {
            v = v * 16 + (uint32_t)fcw_hex_value((uint32_t)peek(ps, 0));
            if (v > RE_MAX_CP)
                break;
            ps->pos++;
            n++;
        }
        if (n == 0 || v > RE_MAX_CP || peek(ps, 0) != '}') {
            ps->pos = save;
            return -1;
        }
        ps->pos++;
        *out = v;
        return 0;
    }
    if (hex_n(ps, 4, &v) < 0)
        return -1;
    if (unicode && IS_LEAD(v) && peek(ps, 0) == '\\' && peek(ps, 1) == 'u') {
        size_t mid = ps->pos;
        ps->pos += 2;
        if (hex_n(ps, 4, &lo) == 0 && IS_TRAIL(lo))
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        else
            ps->pos = mid;
    }
    *out = v;
    return 0;
}

static int is_syntax_char(uint32_t c)
{
    return c < 128 && strchr("^$\\.*+?()[]{}|/", (int)c) != NULL && c != 0;
}

/* A CharacterEscape after the backslash (ps->pos at the letter). In a
 * class (in_class) \b, \- and the Annex B \c forms are handled too. */
int re_parse_escape_char(struct re_parser *ps, int in_class, uint32_t *out)
{
    int c = peek(ps, 0);
    uint32_t v;

    if (c < 0)
        return re_fail(ps, "\\ at end of pattern");
    switch (c) {
    case 'f': *out = 0xC; break;
    case 'n': *out = 0xA; break;
    case 'r': *out = 0xD; break;
    case 't': *out = 0x9; break;
    case 'v': *out = 0xB; break;
    case 'c': {
        int l = peek(ps, 1);
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z') ||
            (in_class && !ps->unicode && (IS_DIGIT(l) || l == '_'))) {
            *out = (uint32_t)l % 32;
            ps->pos += 2;
            return 0;
        }
        if (ps->unicode)
            return re_fail(ps, "invalid unicode escape");
        *out = '\\'; /* the backslash stands for itself; c is read next */
        return 0;
    }
    case '0':
        if (!IS_DIGIT(peek(ps, 1))) {
            *out = 0;
            break;
        }
        if (ps->unicode)
            return re_fail(ps, "invalid decimal escape");
        /* fall through */
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
        if (ps->unicode)
            return re_fail(ps, in_class ? "invalid class escape" : "invalid escape");
        /* legacy octal: up to three digits, at most \377 */
        v = (uint32_t)(c - '0');
        ps->pos++;
        if (peek(ps, 0) >= '0' && peek(ps, 0) <= '7') {
            v = v * 8 + (uint32_t)(peek(ps, 0) - '0');
            ps->pos++;
            if (c <= '3' && peek(ps, 0) >= '0' && peek(ps, 0) <= '7') {
                v = v * 8 + (uint32_t)(peek(ps, 0) - '0');
                ps->pos++;
            }
        }
        *out = v;
        return 0;
    case 'x':
        ps->pos++;
        if (hex_n(ps, 2, &v) == 0) {
            *out = v;
            return 0;
        }
        if (ps->unicode)
            return re_fail(ps, "invalid escape");
        *out = 'x';
        return 0;
    case 'u':
        ps->pos++;
        if (unicode_escape(ps, ps->unicode, &v) == 0) {
            *out = v;
            return 0;
        }
        if (ps->unicode)
            return re_fail(ps, "invalid Unicode escape");
        *out = 'u';
        return 0;
    default:
        if (in_class && c == 'b') {
            *out = 8;
            break;
        }
        if (ps->unicode) {
            if (is_syntax_char((uint32_t)c) || (in_class && c == '-')) {
                *out = (uint32_t)c;
                break;
            }
            return re_fail(ps, "invalid escape");
        }
        if (c == 'k' && ps->has_named)
            return re_fail(ps, "invalid escape");
        /* identity escape of one code unit */
        *out = (uint32_t)c;
        break;
    }
    ps->pos++;
    return 0;
}

/* RegExpIdentifierName up to '>' (ps->pos after '<'), as UTF-8 in a new
 * string; NULL after a SyntaxError. */
static char *parse_group_name(struct re_parser *ps)
{
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int first = 1;

    for (;;) {
        uint32_t c;
        int ch = peek(ps, 0);
        if (ch < 0)
            goto bad;
        if (ch == '>') {
            ps->pos++;
            break;
        }
        if (ch == '\\') {
            ps->pos++;
            if (peek(ps, 0) != 'u')
                goto bad;
            ps->pos++;
            if (unicode_escape(ps, 1, &c) < 0)
                goto bad;
        } else {
            c = (uint32_t)ch;
            ps->pos++;
            if (IS_LEAD(c) && IS_TRAIL(peek(ps, 0)))
                c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)ps->p[ps->pos++] - 0xDC00);
        }
        if (first ? !re_is_id_start(c) : !re_is_id_continue(c))
            goto bad;
        first = 0;
        if (n + 5 > cap) {
            char *b;
            cap = cap ? cap * 2 : 16;
            b = realloc(buf, cap);
            if (!b) {
                free(buf);
                re_fail(ps, "out of memory");
                return NULL;
            }
            buf = b;
        }
        n += fcw_utf8_put(c, (unsigned char *)buf + n);
    }
    if (first)
        goto bad;
    buf[n] = 0;
    return buf;
bad:
    free(buf);
    re_fail(ps, "invalid capture group name");
    return NULL;
}

/* Decimal digits with saturation at RE_INF. */
static int parse_int(struct re_parser *ps, int *out)
{
    long long v = 0;
    int any = 0;

    while (IS_DIGIT(peek(ps, 0))) {
        v = v * 10 + (peek(ps, 0) - '0');
        if (v > RE_INF)
            v = RE_INF;
        ps->pos++;
        any = 1;
    }
    *out = (int)v;
    return any ? 0 : -1;
}

/* {n}, {n,} or {n,m} at ps->pos; 0 with min/max, -1 (position unchanged)
 * when it is not one. */
static int braced_quantifier(struct re_parser *ps, int *min, int *max)
{
    size_t save = ps->pos;

    ps->pos++;
    if (parse_int(ps, min) < 0)
        goto no;
    *max = *min;
    if (peek(ps, 0) == ',') {
        ps->pos++;
        if (parse_int(ps, max) < 0)
            *max = RE_INF;
    }
    if (peek(ps, 0) != '}')
        goto no;
    ps->pos++;
    return 0;
no:
    ps->pos = save;
    return -1;
}

static int parse_disjunction(struct re_parser *ps);

static int set_node(struct re_parser *ps, int esc)
{
    int n = re_new_node(ps, N_SET), s;

    if (n < 0 || (s = re_new_set(ps)) < 0)
        return -1;
    ps->nodes[n].val = s;
    re_cset_class_escape(&ps->sets[s], esc, ps->unicode, ps->icase);
    return n;
}

static int char_node(struct re_parser *ps, uint32_t c)
{
    int n = re_new_node(ps, N_CHAR);

    if (n >= 0)
        ps->nodes[n].val = (int)c;
    return n;
}

/* After '\' outside a class (not \b \B). */
static int parse_atom_escape(struct re_parser *ps)
{
    int c = peek(ps, 0), n;
    uint32_t v;

    if (c < 0)
        return re_fail(ps, "\\ at end of pattern");
    if (strchr("dDsSwW", c) && c) {
        ps->pos++;
        return set_node(ps, c);
    }
    if (c == 'p' && ps->vmode) {
        ps->pos--;
        return re_parse_property_v(ps);
    }
    if ((c == 'p' || c == 'P') && ps->unicode) {
        int s;
        ps->pos++;
        n = re_new_node(ps, N_SET);
        if (n < 0 || (s = re_new_set(ps)) < 0)
            return -1;
        ps->nodes[n].val = s;
        /* under v, \P is the complement of the folded set: matched as
         * "not in the closure" */
        if (re_parse_property(ps, &ps->sets[s], c == 'P' && !ps->vmode) < 0)
            return -1;
        ps->nodes[n].inv = (uint8_t)(c == 'P' && ps->vmode);
        return n;
    }
    if (c == 'k' && (ps->unicode || ps->has_named)) {
        char *name, **r;
        ps->pos++;
        if (peek(ps, 0) != '<')
            return re_fail(ps, "invalid named reference");
        ps->pos++;
        name = parse_group_name(ps);
        if (!name)
            return -1;
        if (ps->nrefnames == ps->caprefnames) {
            int cap = ps->caprefnames ? ps->caprefnames * 2 : 4;
            r = realloc(ps->refnames, (size_t)cap * sizeof(*r));
            if (!r) {
                free(name);
                return re_fail(ps, "out of memory");
            }
            ps->refnames = r;
            ps->caprefnames = cap;
        }
        ps->refnames[ps->nrefnames] = name;
        n = re_new_node(ps, N_NAMEDREF);
        if (n < 0)
            return -1;
        ps->nodes[n].val = ps->nrefnames++;
        return n;
    }
    if (c >= '1' && c <= '9') {
        size_t save = ps->pos;
        int num;
        parse_int(ps, &num);
        if (num < ps->ngroups_total) {
            n = re_new_node(ps, N_BACKREF);
            if (n >= 0)
                ps->nodes[n].val = num;
            return n;
        }
        if (ps->unicode)
            return re_fail(ps, "invalid escape");
        ps->pos = save;
        if (c >= '8') {
            ps->pos++;
            return char_node(ps, (uint32_t)c);
        }
    }
    if (re_parse_escape_char(ps, 0, &v) < 0)
        return -1;
    return char_node(ps, v);
}

static int quantifiable_error(struct re_parser *ps)
{
    int c = peek(ps, 0), a, b;

    if (c == '*' || c == '+' || c == '?')
        return 1;
    if (c == '{')
        return ps->unicode || braced_quantifier(ps, &a, &b) == 0;
    return 0;
}

/* '(' at ps->pos: a group or a lookaround. *quant tells whether a
 * quantifier may follow. */
static int parse_group(struct re_parser *ps, int *quant)
{
    int n, body, type = N_GROUP, look = -1, neg = 0, idx = 0;
    char *name = NULL;

    ps->pos++;
    if (++ps->depth > RE_MAX_DEPTH)
        return re_fail(ps, "regular expression too deeply nested");
    *quant = 1;
    if (peek(ps, 0) == '?') {
        int c = peek(ps, 1);
        if (c == ':') {
            type = N_NCGROUP;
            ps->pos += 2;
        } else if (c == '=' || c == '!') {
            type = N_LOOK;
            look = 0;
            neg = c == '!';
            ps->pos += 2;
            *quant = !ps->unicode;
        } else if (c == '<' && (peek(ps, 2) == '=' || peek(ps, 2) == '!')) {
            type = N_LOOK;
            look = 1;
            neg = peek(ps, 2) == '!';
            ps->pos += 3;
            *quant = 0;
        } else if (c == '<') {
            int i;
            ps->pos += 2;
            name = parse_group_name(ps);
            if (!name)
                return -1;
            for (i = 1; i < ps->ncap; i++)
                if (ps->names[i] && strcmp(ps->names[i], name) == 0) {
                    free(name);
                    return re_fail(ps, "duplicate capture group name");
                }
        } else {
            return re_fail(ps, "invalid group");
        }
    }
    if (type == N_GROUP) {
        if (ps->ncap >= RE_MAX_GROUPS) {
            free(name);
            return re_fail(ps, "too many capture groups");
        }
        idx = ps->ncap++;
        if (idx >= ps->capnames) {
            int cap = ps->capnames ? ps->capnames * 2 : 16, i;
            char **nm;
            while (cap <= idx)
                cap *= 2;
            nm = realloc(ps->names, (size_t)cap * sizeof(*nm));
            if (!nm) {
                free(name);
                return re_fail(ps, "out of memory");
            }
            for (i = ps->capnames; i < cap; i++)
                nm[i] = NULL;
            ps->names = nm;
            ps->capnames = cap;
        }
        ps->names[idx] = name;
    }
    body = parse_disjunction(ps);
    if (body < 0)
        return -1;
    if (peek(ps, 0) != ')')
        return re_fail(ps, "unterminated group");
    ps->pos++;
    ps->depth--;
    n = re_new_node(ps, type);
    if (n < 0)
        return -1;
    ps->nodes[n].val = type == N_LOOK ? look : idx;
    ps->nodes[n].inv = (uint8_t)neg;
    re_add_kid(ps, n, body);
    return n;
}

/* A Term; returns its node, or -2 at the end of an alternative. */
static int parse_term(struct re_parser *ps)
{
    int c = peek(ps, 0), n, quant = 1, cap0 = ps->ncap, min, max;

    switch (c) {
    case -1:
    case '|':
    case ')': return -2;
    case '^':
        ps->pos++;
        n = re_new_node(ps, N_BOL);
        quant = 0;
        break;
    case '$':
        ps->pos++;
        n = re_new_node(ps, N_EOL);
        quant = 0;
        break;
    case '(': n = parse_group(ps, &quant); break;
    case '.':
        ps->pos++;
        n = re_new_node(ps, N_DOT);
        break;
    case '[': n = re_parse_class(ps); break;
    case '*':
    case '+':
    case '?': return re_fail(ps, "nothing to repeat");
    case '{':
        if (ps->unicode || braced_quantifier(ps, &min, &max) == 0)
            return re_fail(ps, ps->unicode ? "lone quantifier brackets" : "nothing to repeat");
        ps->pos++;
        n = char_node(ps, '{');
        break;
    case '}':
    case ']':
        if (ps->unicode)
            return re_fail(ps, "lone quantifier brackets");
        ps->pos++;
        n = char_node(ps, (uint32_t)c);
        break;
    case '\\':
        ps->pos++;
        if (peek(ps, 0) == 'b' || peek(ps, 0) == 'B') {
            n = re_new_node(ps, peek(ps, 0) == 'b' ? N_WORDB : N_NWORDB);
            ps->pos++;
            quant = 0;
            break;
        }
        n = parse_atom_escape(ps);
        break;
    default: {
        uint32_t cp;
        re_next_cp(ps, &cp);
        n = char_node(ps, cp);
        break;
    }
    }
    if (n < 0)
        return -1;
    c = peek(ps, 0);
    if (!quant) {
        if (quantifiable_error(ps))
            return re_fail(ps, "nothing to repeat");
        return n;
    }
    if (c == '*' || c == '+' || c == '?') {
        min = c == '+';
        max = c == '?' ? 1 : RE_INF;
        ps->pos++;
    } else if (c == '{') {
        if (braced_quantifier(ps, &min, &max) < 0) {
            if (ps->unicode)
                return re_fail(ps, "incomplete quantifier");
            return n;
        }
        if (min > max)
            return re_fail(ps, "numbers out of order in {} quantifier");
    } else {
        return n;
    }
    {
        int r = re_new_node(ps, N_REPEAT);
        if (r < 0)
            return -1;
        ps->nodes[r].min = min;
        ps->nodes[r].max = max;
        if (peek(ps, 0) == '?') {
            ps->nodes[r].greedy = 0;
            ps->pos++;
        }
        ps->nodes[r].cap_from = cap0;
        ps->nodes[r].cap_to = ps->ncap - 1;
        re_add_kid(ps, r, n);
        return r;
    }
}

static int parse_alternative(struct re_parser *ps)
{
    int seq = re_new_node(ps, N_SEQ);

    if (seq < 0)
        return -1;
    for (;;) {
        int t = parse_term(ps);
        if (t == -2)
            return seq;
        if (t < 0)
            return -1;
        re_add_kid(ps, seq, t);
    }
}

static int parse_disjunction(struct re_parser *ps)
{
    int first = parse_alternative(ps), alt;

    if (first < 0)
        return -1;
    if (peek(ps, 0) != '|')
        return first;
    alt = re_new_node(ps, N_ALT);
    if (alt < 0)
        return -1;
    re_add_kid(ps, alt, first);
    while (peek(ps, 0) == '|') {
        int a;
        ps->pos++;
        a = parse_alternative(ps);
        if (a < 0)
            return -1;
        re_add_kid(ps, alt, a);
    }
    return alt;
}

/* Counts the capturing groups and tells whether one is named, before
 * parsing (a backreference may come before its group). */
static void prescan(struct re_parser *ps)
{
    size_t i;
    int cls = 0;

    ps->ngroups_total = 1;
    for (i = 0; i < ps->len; i++) {
        uint16_t c = ps->p[i];
        if (c == '\\') {
            i++;
        } else if (c == '[') {
            cls = ps->vmode ? cls + 1 : 1;
        } else if (c == ']') {
            if (cls)
                cls--;
        } else if (c == '(' && !cls) {
            if (i + 1 < ps->len && ps->p[i + 1] == '?') {
                if (i + 3 < ps->len && ps->p[i + 2] == '<' && ps->p[i + 3] != '=' && ps->p[i + 3] != '!') {
                    ps->ngroups_total++;
                    ps->has_named = 1;
                }
            } else {
                ps->ngroups_total++;
            }
        }
    }
}

int re_parse(struct re_parser *ps, int *root)
{
    int r, i, j;

    prescan(ps);
    ps->ncap = 1;
    r = parse_disjunction(ps);
    if (r < 0)
        return -1;
    if (ps->pos < ps->len)
        return re_fail(ps, ps->p[ps->pos] == ')' ? "unmatched ')'" : "unexpected character");
    for (i = 0; i < ps->nnodes; i++) {
        struct re_node *n = &ps->nodes[i];
        if (n->type != N_NAMEDREF)
            continue;
        for (j = 1; j < ps->ncap; j++)
            if (ps->names[j] && strcmp(ps->names[j], ps->refnames[n->val]) == 0)
                break;
        if (j == ps->ncap)
            return re_fail(ps, "invalid named capture referenced");
        n->type = N_BACKREF;
        n->val = j;
    }
    *root = r;
    return 0;
}
