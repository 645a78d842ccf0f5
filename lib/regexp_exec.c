/* SPDX-License-Identifier: MIT */
/*
 * The matcher of the regular-expression engine: a backtracking machine
 * over the program of regexp_compile.c. Its backtrack stack is an undo
 * log (choice points, and the old values of captures and loop registers
 * to restore when backtracking through them), kept in a small array on
 * the C stack that moves to the heap when it grows, up to a bound
 * (FCW_RE_NOMEM beyond). Nothing recurses: lookarounds push a marker and
 * are cut back to it when their body ends. Every 4096 steps the caller's
 * callback may stop the match (FCW_RE_INTERRUPTED). Under u/v the input
 * is read by code points (a surrogate pair is one character, a lone
 * surrogate is itself), otherwise by code units.
 */
#include "regexp_int.h"

#include <stdlib.h>
#include <string.h>

#define IS_LEAD(c) ((c) >= 0xD800 && (c) <= 0xDBFF)
#define IS_TRAIL(c) ((c) >= 0xDC00 && (c) <= 0xDFFF)
#define STEPS 4096
#define LOCAL_BT 256
#define LOCAL_REGS 32
#define MAX_BT (1 << 21) /* entries: 32 MB */

enum { BT_CHOICE, BT_CAP, BT_REG, BT_LOOK, BT_SPAN, BT_SPAN_BACK, BT_LAZY };

struct bt {
    int32_t kind, a, b, c;
};

struct vm {
    const struct fcw_re *re;
    const uint16_t *in;
    int len;
    int unicode, icase;
    int *caps;
    int *regs;
    struct bt *bt;
    int sp, cap;
    int heap;
    int steps; /* until the next callback; a span of n characters costs n / 8 */
    fcw_re_interrupt_cb cb;
    void *opaque;
};

static int push(struct vm *m, int kind, int a, int b, int c)
{
    struct bt *e;

    if (m->sp == m->cap) {
        int cap = m->cap * 2;
        struct bt *n;
        if (cap > MAX_BT)
            return -1;
        if (m->heap) {
            n = realloc(m->bt, (size_t)cap * sizeof(*n));
        } else {
            n = malloc((size_t)cap * sizeof(*n));
            if (n)
                memcpy(n, m->bt, (size_t)m->sp * sizeof(*n));
        }
        if (!n)
            return -1;
        m->bt = n;
        m->cap = cap;
        m->heap = 1;
    }
    e = &m->bt[m->sp++];
    e->kind = kind;
    e->a = a;
    e->b = b;
    e->c = c;
    return 0;
}

/* Reads the character after (forward) or before (back) pos; returns its
 * width in code units, 0 at the end of the input. */
static inline int read_fwd(const struct vm *m, int pos, uint32_t *c)
{
    uint32_t u;

    if (pos >= m->len)
        return 0;
    u = m->in[pos];
    if (m->unicode && IS_LEAD(u) && pos + 1 < m->len && IS_TRAIL(m->in[pos + 1])) {
        *c = 0x10000 + ((u - 0xD800) << 10) + (m->in[pos + 1] - 0xDC00u);
        return 2;
    }
    *c = u;
    return 1;
}

static inline int read_back(const struct vm *m, int pos, uint32_t *c)
{
    uint32_t u;

    if (pos <= 0)
        return 0;
    u = m->in[pos - 1];
    if (m->unicode && IS_TRAIL(u) && pos >= 2 && IS_LEAD(m->in[pos - 2])) {
        *c = 0x10000 + ((m->in[pos - 2] - 0xD800u) << 10) + (u - 0xDC00);
        return 2;
    }
    *c = u;
    return 1;
}

static inline int cls_has(const struct re_cls *k, uint32_t c)
{
    int lo, hi;

    if (c < 128)
        return (k->ascii[c >> 5] >> (c & 31)) & 1;
    lo = 0;
    hi = k->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < k->r[2 * mid])
            hi = mid - 1;
        else if (c > k->r[2 * mid + 1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static inline int is_line_term(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* Matches the single-character instruction at code against the input at
 * pos; returns the width consumed (0: no match). */
static inline int match_one(const struct vm *m, const uint32_t *code, int pos, unsigned back)
{
    uint32_t c;
    int w = back ? read_back(m, pos, &c) : read_fwd(m, pos, &c);

    if (!w)
        return 0;
    switch (code[0] & 0xFF) {
    case OP_CHAR: return c == code[1] ? w : 0;
    case OP_CHAR2: return c == code[1] || c == code[2] ? w : 0;
    case OP_SET: return cls_has(&m->re->cls[code[1]], c) ? w : 0;
    case OP_NSET: return cls_has(&m->re->cls[code[1]], c) ? 0 : w;
    case OP_DOT: return is_line_term(c) ? 0 : w;
    default: /* OP_ANY */ return w;
    }
}

static int op_len(uint32_t op)
{
    switch (op & 0xFF) {
    case OP_CHAR2: return 3;
    case OP_DOT:
    case OP_ANY: return 1;
    default: return 2;
    }
}

static inline int is_word(const struct vm *m, int pos)
{
    uint32_t c;

    if (pos < 0 || pos >= m->len)
        return 0;
    c = m->in[pos];
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return m->unicode && m->icase && (c == 0x17F || c == 0x212A);
}

/* Compares the text of group g with the input at pos (before it when
 * back); returns the new position or -1. */
static int backref(const struct vm *m, int g, int pos, unsigned back)
{
    int s = m->caps[2 * g], e = m->caps[2 * g + 1], n, i, j;

    if (s < 0 || e < 0)
        return pos;
    n = e - s;
    if (back ? pos < n : pos + n > m->len)
        return -1;
    i = back ? pos - n : pos;
    if (!m->icase)
        return memcmp(m->in + s, m->in + i, (size_t)n * 2) == 0 ? (back ? i : pos + n) : -1;
    for (j = 0; j < n;) {
        uint32_t a = 0, b = 0;
        int wa, wb;
        if (m->unicode) {
            /* reads within the two ranges */
            struct vm sub = *m;
            sub.len = s + n;
            wa = read_fwd(&sub, s + j, &a);
            sub.len = i + n;
            wb = read_fwd(&sub, i + j, &b);
        } else {
            a = m->in[s + j];
            b = m->in[i + j];
            wa = wb = 1;
        }
        if (wa != wb || (a != b && re_canon(a, m->unicode) != re_canon(b, m->unicode)))
            return -1;
        j += wa;
    }
    return back ? i : pos + n;
}

/* Where a span of code units that gave back to cur may resume: the next
 * consuming instruction after the span (past group ends) tells which
 * positions down to min cannot match. */
static int give_back(const struct vm *m, int next, int cur, int min)
{
    const uint32_t *code = m->re->code;

    while (code[next] == OP_SAVE)
        next += 2;
    switch (code[next]) {
    case OP_CHAR:
        while (cur > min && m->in[cur] != code[next + 1])
            cur--;
        break;
    case OP_SET:
        while (cur > min && !cls_has(&m->re->cls[code[next + 1]], m->in[cur]))
            cur--;
        break;
    default: break;
    }
    return cur;
}

/* Whether the continuation at next may match at pos (code units
 * forwards): false when its first consuming instruction, past group ends,
 * is a literal or a class the unit at pos is not. */
static inline int may_continue(const struct vm *m, int next, int pos)
{
    const uint32_t *code = m->re->code;

    while (code[next] == OP_SAVE)
        next += 2;
    if (code[next] == OP_CHAR)
        return pos < m->len && m->in[pos] == code[next + 1];
    if (code[next] == OP_SET)
        return pos < m->len && cls_has(&m->re->cls[code[next + 1]], m->in[pos]);
    return 1;
}

#define PUSH(k_, a_, b_, c_)                                                                                           \
    do {                                                                                                               \
        if (m->sp < m->cap) {                                                                                          \
            struct bt *e_ = &m->bt[m->sp++];                                                                           \
            e_->kind = (k_);                                                                                           \
            e_->a = (a_);                                                                                              \
            e_->b = (b_);                                                                                              \
            e_->c = (c_);                                                                                              \
        } else if (push(m, k_, a_, b_, c_) < 0) {                                                                      \
            return FCW_RE_NOMEM;                                                                                       \
        }                                                                                                              \
    } while (0)
#define SET_CAP(slot, v)                                                                                               \
    do {                                                                                                               \
        if (m->sp)                                                                                                     \
            PUSH(BT_CAP, (int)(slot), m->caps[slot], 0);                                                               \
        m->caps[slot] = (v);                                                                                           \
    } while (0)
#define SET_REG(r, v)                                                                                                  \
    do {                                                                                                               \
        if (m->sp)                                                                                                     \
            PUSH(BT_REG, (int)(r), m->regs[r], 0);                                                                     \
        m->regs[r] = (v);                                                                                              \
    } while (0)

/* Runs the program from pos; FCW_RE_MATCH with caps filled, or
 * FCW_RE_NOMATCH, FCW_RE_INTERRUPTED, FCW_RE_NOMEM. */
static int run(struct vm *m, int pos)
{
    const uint32_t *code = m->re->code;
    int pc = 0;

    m->sp = 0;
    for (;;) {
        uint32_t op = code[pc];
        unsigned back = op & OPF_BACK;
        int w;

        if (--m->steps <= 0) {
            m->steps = STEPS;
            if (m->cb && m->cb(m->opaque))
                return FCW_RE_INTERRUPTED;
        }
        switch (op & 0xFF) {
        case OP_CHAR:
        case OP_CHAR2:
        case OP_SET:
        case OP_NSET:
        case OP_DOT:
        case OP_ANY:
            w = match_one(m, code + pc, pos, back);
            if (!w)
                goto fail;
            pos += back ? -w : w;
            pc += op_len(op);
            continue;
        case OP_BACKREF:
            w = backref(m, (int)code[pc + 1], pos, back);
            if (w < 0)
                goto fail;
            pos = w;
            pc += 2;
            continue;
        case OP_BOL:
            if (pos != 0)
                goto fail;
            pc++;
            continue;
        case OP_BOL_M:
            if (pos != 0 && !is_line_term(m->in[pos - 1]))
                goto fail;
            pc++;
            continue;
        case OP_EOL:
            if (pos != m->len)
                goto fail;
            pc++;
            continue;
        case OP_EOL_M:
            if (pos != m->len && !is_line_term(m->in[pos]))
                goto fail;
            pc++;
            continue;
        case OP_WORDB:
        case OP_NWORDB:
            if ((is_word(m, pos - 1) != is_word(m, pos)) != ((op & 0xFF) == OP_WORDB))
                goto fail;
            pc++;
            continue;
        case OP_JMP: pc = (int)code[pc + 1]; continue;
        case OP_SPLIT:
            PUSH(BT_CHOICE, (int)code[pc + 1], pos, 0);
            pc += 2;
            continue;
        case OP_SAVE:
            SET_CAP(code[pc + 1], pos);
            pc += 2;
            continue;
        case OP_LOOK:
            PUSH(BT_LOOK, (int)code[pc + 2], pos, (int)code[pc + 1]);
            pc += 3;
            continue;
        case OP_LOOK_END: {
            int i = m->sp - 1, j, kind;
            while (m->bt[i].kind != BT_LOOK)
                i--;
            kind = m->bt[i].c;
            if (kind & LOOK_NEG) {
                /* the body matched: the negative lookaround fails */
                while (m->sp > i + 1) {
                    struct bt *e = &m->bt[--m->sp];
                    if (e->kind == BT_CAP)
                        m->caps[e->a] = e->b;
                    else if (e->kind == BT_REG)
                        m->regs[e->a] = e->b;
                }
                m->sp--;
                goto fail;
            }
            /* keep the undo entries of the body, drop its choices */
            pos = m->bt[i].b;
            pc = m->bt[i].a;
            for (j = i + 1; j < m->sp; j++)
                if (m->bt[j].kind == BT_CAP || m->bt[j].kind == BT_REG)
                    m->bt[i++] = m->bt[j];
            m->sp = i;
            continue;
        }
        case OP_LOOP_INIT:
            SET_REG(2 * code[pc + 1], 0);
            pc += 2;
            continue;
        case OP_LOOP:
        case OP_LOOP_LAZY: {
            int r = (int)code[pc + 1], cnt = m->regs[2 * r];
            int min = (int)code[pc + 2], max = (int)code[pc + 3], exit_pc = (int)code[pc + 4];
            if (cnt >= max) {
                pc = exit_pc;
            } else if (cnt < min) {
                pc += 5;
            } else if ((op & 0xFF) == OP_LOOP) {
                PUSH(BT_CHOICE, exit_pc, pos, 0);
                pc += 5;
            } else {
                PUSH(BT_CHOICE, pc + 5, pos, 0);
                pc = exit_pc;
            }
            continue;
        }
        case OP_LOOP_ENTER: {
            int r = (int)code[pc + 1], s;
            SET_REG(2 * r + 1, pos);
            for (s = (int)code[pc + 2]; s <= (int)code[pc + 3]; s++)
                if (m->caps[s] >= 0)
                    SET_CAP(s, -1);
            pc += 4;
            continue;
        }
        case OP_LOOP_NEXT: {
            int r = (int)code[pc + 1], cnt = m->regs[2 * r];
            if (cnt >= (int)code[pc + 2] && pos == m->regs[2 * r + 1])
                goto fail; /* an optional iteration matched empty */
            SET_REG(2 * r, cnt + 1);
            pc = (int)code[pc + 3];
            continue;
        }
        case OP_SPAN: {
            int min = (int)code[pc + 1], max = (int)code[pc + 2], cnt = 0;
            int minpos = min == 0 ? pos : -1, next = pc + 3 + op_len(code[pc + 3]);
            if (!back && !m->unicode) {
                /* code units forwards: one tight loop per kind */
                int lim = m->len - pos < max ? m->len : pos + max, p = pos;
                const uint16_t *in = m->in;
                uint32_t c1 = code[pc + 4];
                switch (code[pc + 3] & 0xFF) {
                case OP_CHAR:
                    while (p < lim && in[p] == c1)
                        p++;
                    break;
                case OP_CHAR2:
                    while (p < lim && (in[p] == c1 || in[p] == code[pc + 5]))
                        p++;
                    break;
                case OP_SET:
                    while (p < lim && cls_has(&m->re->cls[c1], in[p]))
                        p++;
                    break;
                case OP_NSET:
                    while (p < lim && !cls_has(&m->re->cls[c1], in[p]))
                        p++;
                    break;
                case OP_DOT:
                    while (p < lim && !is_line_term(in[p]))
                        p++;
                    break;
                default: p = lim; break;
                }
                cnt = p - pos;
                m->steps -= cnt >> 3;
                if (cnt < min)
                    goto fail;
                /* giving back never helps when the end of input must follow */
                if (cnt > min && code[next] != OP_EOL)
                    PUSH(BT_SPAN, next, pos + min, p);
                pos = p;
                pc = next;
                continue;
            }
            while (cnt < max) {
                w = match_one(m, code + pc + 3, pos, back);
                if (!w)
                    break;
                pos += back ? -w : w;
                if (++cnt == min)
                    minpos = pos;
            }
            m->steps -= cnt >> 3;
            if (cnt < min)
                goto fail;
            if (cnt > min)
                PUSH(back ? BT_SPAN_BACK : BT_SPAN, next, minpos, pos);
            pc = next;
            continue;
        }
        case OP_SPAN_LAZY: {
            int min = (int)code[pc + 1], max = (int)code[pc + 2], cnt;
            for (cnt = 0; cnt < min; cnt++) {
                w = match_one(m, code + pc + 3, pos, back);
                if (!w)
                    goto fail;
                pos += back ? -w : w;
            }
            if (max > min)
                PUSH(BT_LAZY, pc, pos, min);
            pc += 3 + op_len(code[pc + 3]);
            continue;
        }
        case OP_MATCH: m->caps[1] = pos; return FCW_RE_MATCH;
        default: return FCW_RE_NOMATCH;
        }
    fail:
        for (;;) {
            struct bt *e;
            if (m->sp == 0)
                return FCW_RE_NOMATCH;
            e = &m->bt[m->sp - 1];
            switch (e->kind) {
            case BT_CHOICE:
                pc = e->a;
                pos = e->b;
                m->sp--;
                goto resume;
            case BT_CAP:
                m->caps[e->a] = e->b;
                m->sp--;
                continue;
            case BT_REG:
                m->regs[e->a] = e->b;
                m->sp--;
                continue;
            case BT_LOOK:
                m->sp--;
                if (e->c & LOOK_NEG) {
                    /* the body failed: the negative lookaround holds */
                    pc = e->a;
                    pos = e->b;
                    goto resume;
                }
                continue;
            case BT_SPAN: {
                /* give back one character (code units: as many as cannot
                 * be followed by the literal that comes next) */
                int cur = e->c;
                if (m->unicode && cur - 2 >= e->b && IS_TRAIL(m->in[cur - 1]) && IS_LEAD(m->in[cur - 2])) {
                    cur -= 2;
                } else {
                    cur -= 1;
                    if (!m->unicode) {
                        int from = cur;
                        cur = give_back(m, e->a, cur, e->b);
                        m->steps -= (from - cur) >> 3;
                    }
                }
                pc = e->a;
                pos = cur;
                if (cur == e->b)
                    m->sp--;
                else
                    e->c = cur;
                goto resume;
            }
            case BT_LAZY: {
                /* one more character, then the continuation again */
                int at = e->a, max = (int)code[at + 2], next = at + 3 + op_len(code[at + 3]);
                unsigned bk = code[at] & OPF_BACK;
                int fast = !bk && !m->unicode;
                pos = e->b;
                for (;;) {
                    w = match_one(m, code + at + 3, pos, bk);
                    if (!w)
                        break;
                    pos += bk ? -w : w;
                    e->c++;
                    m->steps--;
                    if (e->c >= max || !fast || may_continue(m, next, pos))
                        break;
                }
                if (!w) {
                    m->sp--;
                    continue;
                }
                e->b = pos;
                if (e->c >= max)
                    m->sp--;
                pc = next;
                goto resume;
            }
            default: { /* BT_SPAN_BACK */
                int cur = e->c;
                if (m->unicode && cur + 2 <= e->b && IS_LEAD(m->in[cur]) && IS_TRAIL(m->in[cur + 1]))
                    cur += 2;
                else
                    cur += 1;
                pc = e->a;
                pos = cur;
                if (cur == e->b)
                    m->sp--;
                else
                    e->c = cur;
                goto resume;
            }
            }
        }
    resume:;
    }
}

int fcw_re_exec(const struct fcw_re *re, const uint16_t *input, size_t len, size_t start, int *captures,
                fcw_re_interrupt_cb cb, void *opaque)
{
    struct bt local_bt[LOCAL_BT];
    int local_regs[LOCAL_REGS];
    struct vm m;
    int pos, ncap2 = 2 * re->ncap, i, rc = FCW_RE_NOMATCH;
    int sticky = (re->flags & FCW_RE_STICKY) != 0;

    if (len > (size_t)INT32_MAX / 2)
        return FCW_RE_NOMEM;
    if (start > len)
        return FCW_RE_NOMATCH;
    memset(&m, 0, sizeof(m));
    m.re = re;
    m.in = input;
    m.len = (int)len;
    m.unicode = (re->flags & (FCW_RE_UNICODE | FCW_RE_UNICODE_SETS)) != 0;
    m.icase = (re->flags & FCW_RE_IGNORE_CASE) != 0;
    m.caps = captures;
    m.bt = local_bt;
    m.cap = LOCAL_BT;
    m.steps = STEPS;
    m.cb = cb;
    m.opaque = opaque;
    if (re->nregs * 2 <= LOCAL_REGS) {
        m.regs = local_regs;
    } else {
        m.regs = malloc((size_t)re->nregs * 2 * sizeof(int));
        if (!m.regs)
            return FCW_RE_NOMEM;
    }
    pos = (int)start;
    /* under u a start inside a surrogate pair means the pair */
    if (m.unicode && pos > 0 && pos < m.len && IS_TRAIL(input[pos]) && IS_LEAD(input[pos - 1]))
        pos--;
    if (re->anchored && pos > 0)
        goto done;
    for (;;) {
        if (!sticky && re->first_kind) {
            if (re->first_kind == 1) {
                while (pos < m.len && input[pos] != re->first_c)
                    pos++;
            } else {
                const struct re_cls *k = &re->cls[re->first_cls];
                while (pos < m.len && !cls_has(k, input[pos]))
                    pos++;
            }
            if (pos >= m.len)
                break;
            if (m.unicode && pos > 0 && IS_TRAIL(input[pos]) && IS_LEAD(input[pos - 1])) {
                pos++;
                continue;
            }
        }
        for (i = 0; i < ncap2; i++)
            captures[i] = -1;
        captures[0] = pos;
        rc = run(&m, pos);
        if (rc != FCW_RE_NOMATCH || sticky || re->anchored || pos >= m.len)
            break;
        if (m.unicode && IS_LEAD(input[pos]) && pos + 1 < m.len && IS_TRAIL(input[pos + 1]))
            pos += 2;
        else
            pos++;
    }
done:
    if (m.heap)
        free(m.bt);
    if (m.regs != local_regs)
        free(m.regs);
    return rc;
}
