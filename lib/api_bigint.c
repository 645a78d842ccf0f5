/* SPDX-License-Identifier: MIT */
/*
 * The native half of BigInt (js/16-bigint.js): the signed operations of
 * ECMAScript's BigInt type over the magnitudes of lib/bigint.c.
 *
 * JavaScript keeps a BigInt's value in one of two forms, and every function
 * here accepts both and answers in the canonical one:
 *   - a number, when the value is a safe integer (|v| <= 2^53 - 1), so that
 *     small values need no buffer and JavaScript can add them itself;
 *   - otherwise a plain buffer of 32-bit words: the sign (0 or 1), then the
 *     magnitude's limbs, least significant first, without high zero limbs.
 * Results are capped at FCW_BIGINT_MAX_BITS, 262,144 bits or about 79,000
 * decimal digits (RangeError beyond): the algorithms are quadratic and run
 * without checking the request's deadline, and at that size the slowest,
 * toString(), took 0.44 s on a loaded two-core machine. Scratch space is
 * Duktape buffers, so it counts against the heap limit.
 *
 *   native.bigintOp(op, a, b)            -> value; op is one of OP_* below
 *                                           (division by zero, a negative
 *                                           exponent and too large results
 *                                           throw RangeError)
 *   native.bigintCompare(a, b)           -> -1, 0 or 1
 *   native.bigintAsN(bits, v, signed)    -> BigInt.asIntN / asUintN (bits a
 *                                           non-negative integer number)
 *   native.bigintToString(v, radix)      -> string
 *   native.bigintParse(digits, radix, negative) -> value, or undefined when a
 *                                           character is not a digit
 *   native.bigintToNumber(v)             -> the nearest number
 *   native.bigintFromNumber(n)           -> value of the integral number n
 *   native.bigintTo64(v)                 -> [low, high] words of v mod 2^64
 *   native.bigintFrom64(low, high, signed) -> value
 */
#include "config.h"

#include "bigint.h"
#include "engine.h"

#include <duktape.h>
#include <math.h>
#include <string.h>

#define FCW_BIGINT_MAX_BITS (1u << 18)
#define MAX_LIMBS (FCW_BIGINT_MAX_BITS / 32)
#define SAFE_MAX 9007199254740991.0

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_EXP, OP_AND, OP_OR, OP_XOR, OP_SHL, OP_SAR };

/* A signed value read from the stack; d points into a buffer on the stack
 * or into small. */
struct val {
    int neg;
    size_t n;
    const uint32_t *d;
    uint32_t small[2];
};

static void read_val(duk_context *ctx, duk_idx_t idx, struct val *v)
{
    if (duk_is_number(ctx, idx)) {
        double x = duk_get_number(ctx, idx);
        if (!(fabs(x) <= SAFE_MAX) || x != floor(x)) {
            (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a BigInt value");
        }
        uint64_t m = (uint64_t)fabs(x);
        v->neg = x < 0;
        v->small[0] = (uint32_t)m;
        v->small[1] = (uint32_t)(m >> 32);
        v->d = v->small;
        v->n = fcw_bigint_norm(v->small, 2);
        return;
    }
    duk_size_t size;
    const uint32_t *w = duk_get_buffer_data(ctx, idx, &size);
    if (w == NULL || size < 4 || size % 4 != 0 || (uintptr_t)w % sizeof(uint32_t) != 0) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a BigInt value");
    }
    v->neg = w[0] != 0;
    v->d = w + 1;
    v->n = fcw_bigint_norm(w + 1, size / 4 - 1);
}

static void require_limbs(duk_context *ctx, uint64_t limbs)
{
    if (limbs > MAX_LIMBS + 2) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Maximum BigInt size exceeded");
    }
}

/* Scratch limbs on the stack (zeroed). */
static uint32_t *push_limbs(duk_context *ctx, size_t n)
{
    return duk_push_fixed_buffer(ctx, (n ? n : 1) * sizeof(uint32_t));
}

/* Pushes the canonical form of the value (neg, d[0 .. n)). */
static void push_val(duk_context *ctx, int neg, const uint32_t *d, size_t n)
{
    n = fcw_bigint_norm(d, n);
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : (n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]));
        if (m <= (uint64_t)SAFE_MAX) {
            duk_push_number(ctx, m == 0 ? 0.0 : (neg ? -(double)m : (double)m));
            return;
        }
    }
    if (fcw_bigint_bitlen(d, n) > FCW_BIGINT_MAX_BITS) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Maximum BigInt size exceeded");
    }
    uint32_t *w = duk_push_fixed_buffer(ctx, (n + 1) * sizeof(uint32_t));
    w[0] = neg ? 1 : 0;
    memcpy(w + 1, d, n * sizeof(uint32_t));
}

static void op_add(duk_context *ctx, const struct val *a, const struct val *b, int bneg)
{
    uint32_t *r = push_limbs(ctx, (a->n > b->n ? a->n : b->n) + 1);
    size_t n;
    if (a->neg == bneg) {
        n = fcw_bigint_add(r, a->d, a->n, b->d, b->n);
        push_val(ctx, a->neg, r, n);
    } else if (fcw_bigint_cmp(a->d, a->n, b->d, b->n) >= 0) {
        n = fcw_bigint_sub(r, a->d, a->n, b->d, b->n);
        push_val(ctx, a->neg, r, n);
    } else {
        n = fcw_bigint_sub(r, b->d, b->n, a->d, a->n);
        push_val(ctx, bneg, r, n);
    }
}

static void op_mul(duk_context *ctx, const struct val *a, const struct val *b)
{
    require_limbs(ctx, (uint64_t)a->n + b->n);
    uint32_t *r = push_limbs(ctx, a->n + b->n);
    size_t n = fcw_bigint_mul(r, a->d, a->n, b->d, b->n);
    push_val(ctx, a->neg != b->neg, r, n);
}

static void op_divmod(duk_context *ctx, const struct val *a, const struct val *b, int want_quotient)
{
    if (b->n == 0) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Division by zero");
    }
    if (fcw_bigint_cmp(a->d, a->n, b->d, b->n) < 0) {
        if (want_quotient) {
            duk_push_number(ctx, 0);
        } else {
            push_val(ctx, a->neg, a->d, a->n);
        }
        return;
    }
    uint32_t *q = push_limbs(ctx, a->n - b->n + 1);
    uint32_t *r = push_limbs(ctx, a->n + 1);
    uint32_t *scratch = push_limbs(ctx, b->n);
    size_t qn;
    size_t rn = fcw_bigint_divmod(q, &qn, r, scratch, a->d, a->n, b->d, b->n);
    if (want_quotient) {
        push_val(ctx, a->neg != b->neg, q, qn);
    } else {
        push_val(ctx, a->neg, r, rn);
    }
}

static void op_exp(duk_context *ctx, const struct val *a, const struct val *b)
{
    if (b->neg && b->n > 0) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Exponent must be non-negative");
    }
    if (b->n == 0) {
        duk_push_number(ctx, 1);
        return;
    }
    if (a->n == 0 || (a->n == 1 && a->d[0] == 1)) {
        /* 0 ** e, 1 ** e, (-1) ** e */
        push_val(ctx, a->neg && (b->d[0] & 1), a->d, a->n);
        return;
    }
    uint64_t abits = fcw_bigint_bitlen(a->d, a->n);
    if (b->n > 1 || (uint64_t)b->d[0] * (abits - 1) > FCW_BIGINT_MAX_BITS) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Maximum BigInt size exceeded");
    }
    uint32_t e = b->d[0];
    size_t cap = (size_t)(abits * e / 32) + 4;
    uint32_t *res = push_limbs(ctx, cap);
    uint32_t *base = push_limbs(ctx, cap);
    uint32_t *tmp = push_limbs(ctx, cap);
    size_t rn = 1, bn = a->n;
    res[0] = 1;
    memcpy(base, a->d, a->n * sizeof(uint32_t));
    while (e != 0) {
        if (e & 1) {
            size_t n = fcw_bigint_mul(tmp, res, rn, base, bn);
            uint32_t *t = res;
            res = tmp;
            tmp = t;
            rn = n;
        }
        e >>= 1;
        if (e != 0) {
            size_t n = fcw_bigint_mul(tmp, base, bn, base, bn);
            uint32_t *t = base;
            base = tmp;
            tmp = t;
            bn = n;
        }
    }
    push_val(ctx, a->neg && (b->d[0] & 1), res, rn);
}

/* Two's complement of v in n limbs (n above v's length). */
static void to_twos(uint32_t *t, size_t n, const struct val *v)
{
    memcpy(t, v->d, v->n * sizeof(uint32_t));
    memset(t + v->n, 0, (n - v->n) * sizeof(uint32_t));
    if (v->neg && v->n > 0) {
        uint64_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (uint32_t)~t[i];
            t[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
}

static void push_twos(duk_context *ctx, uint32_t *t, size_t n)
{
    int neg = (t[n - 1] >> 31) != 0;
    if (neg) {
        uint64_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (uint32_t)~t[i];
            t[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    push_val(ctx, neg, t, n);
}

static void op_bitwise(duk_context *ctx, int op, const struct val *a, const struct val *b)
{
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    uint32_t *x = push_limbs(ctx, n);
    uint32_t *y = push_limbs(ctx, n);
    to_twos(x, n, a);
    to_twos(y, n, b);
    for (size_t i = 0; i < n; i++) {
        x[i] = op == OP_AND ? (x[i] & y[i]) : op == OP_OR ? (x[i] | y[i]) : (x[i] ^ y[i]);
    }
    push_twos(ctx, x, n);
}

/* a << bits (left) or a >> bits (arithmetic, rounding toward -infinity). */
static void shift(duk_context *ctx, const struct val *a, uint64_t bits, int left)
{
    if (a->n == 0) {
        duk_push_number(ctx, 0);
        return;
    }
    if (left) {
        require_limbs(ctx, a->n + bits / 32 + 1);
        uint32_t *r = push_limbs(ctx, a->n + bits / 32 + 1);
        push_val(ctx, a->neg, r, fcw_bigint_shl(r, a->d, a->n, bits));
        return;
    }
    uint32_t *r = push_limbs(ctx, a->n + 1);
    size_t n = fcw_bigint_shr(r, a->d, a->n, bits);
    if (a->neg && fcw_bigint_low_bits_set(a->d, a->n, bits)) {
        /* floor: -(|a| >> bits) - 1 when bits were shifted out */
        static const uint32_t one = 1;
        n = fcw_bigint_add(r, r, n, &one, 1);
    }
    push_val(ctx, a->neg, r, n);
}

static void op_shift(duk_context *ctx, const struct val *a, const struct val *b, int left)
{
    if (b->neg) {
        left = !left;
    }
    if (b->n > 2 || (b->n == 2 && b->d[1] > 0xFFFFu)) {
        /* at least 2^48 bits: nothing survives a right shift */
        if (left && a->n > 0) {
            (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "Maximum BigInt size exceeded");
        }
        duk_push_number(ctx, a->neg && a->n > 0 ? -1 : 0);
        return;
    }
    uint64_t bits = b->n == 0 ? 0 : (b->n == 1 ? b->d[0] : ((uint64_t)b->d[1] << 32 | b->d[0]));
    shift(ctx, a, bits, left);
}

static duk_ret_t bigint_op(duk_context *ctx)
{
    int op = duk_require_int(ctx, 0);
    struct val a, b;
    read_val(ctx, 1, &a);
    read_val(ctx, 2, &b);
    switch (op) {
    case OP_ADD: op_add(ctx, &a, &b, b.neg); break;
    case OP_SUB: op_add(ctx, &a, &b, !b.neg && b.n > 0); break;
    case OP_MUL: op_mul(ctx, &a, &b); break;
    case OP_DIV: op_divmod(ctx, &a, &b, 1); break;
    case OP_MOD: op_divmod(ctx, &a, &b, 0); break;
    case OP_EXP: op_exp(ctx, &a, &b); break;
    case OP_AND:
    case OP_OR:
    case OP_XOR: op_bitwise(ctx, op, &a, &b); break;
    case OP_SHL: op_shift(ctx, &a, &b, 1); break;
    case OP_SAR: op_shift(ctx, &a, &b, 0); break;
    default: return duk_error(ctx, DUK_ERR_TYPE_ERROR, "unknown BigInt operation");
    }
    return 1;
}

static duk_ret_t bigint_compare(duk_context *ctx)
{
    struct val a, b;
    read_val(ctx, 0, &a);
    read_val(ctx, 1, &b);
    int c;
    if (a.n == 0 && b.n == 0) {
        c = 0;
    } else if (a.neg != b.neg) {
        c = a.neg ? -1 : 1;
    } else {
        c = fcw_bigint_cmp(a.d, a.n, b.d, b.n);
        if (a.neg) {
            c = -c;
        }
    }
    duk_push_int(ctx, c);
    return 1;
}

static duk_ret_t bigint_as_n(duk_context *ctx)
{
    double dbits = duk_require_number(ctx, 0);
    int is_signed = duk_to_boolean(ctx, 2);
    struct val v;
    read_val(ctx, 1, &v);
    if (dbits == 0 || v.n == 0) {
        duk_push_number(ctx, 0);
        return 1;
    }
    double len = (double)fcw_bigint_bitlen(v.d, v.n);
    /* values that already fit: 0 <= v < 2^len, -2^len < v < 2^len */
    if ((!v.neg && dbits >= len + is_signed) || (v.neg && is_signed && dbits > len)) {
        push_val(ctx, v.neg, v.d, v.n);
        return 1;
    }
    require_limbs(ctx, (uint64_t)(dbits / 32) + 1);
    uint64_t bits = (uint64_t)dbits;
    size_t whole = (size_t)(bits / 32);
    unsigned rest = (unsigned)(bits % 32);
    size_t n = whole + 1;
    size_t m = n > v.n + 1 ? n : v.n + 1;
    uint32_t *t = push_limbs(ctx, m);
    /* v mod 2^bits: the low bits of its two's complement */
    to_twos(t, m, &v);
    t[whole] &= ((uint32_t)1 << rest) - 1;
    memset(t + n, 0, (m - n) * sizeof(uint32_t));
    size_t tn = fcw_bigint_norm(t, n);
    if (is_signed && ((t[(bits - 1) / 32] >> ((bits - 1) % 32)) & 1)) {
        /* t - 2^bits, that is -(2^bits - t) */
        uint32_t *p = push_limbs(ctx, n);
        p[whole] = (uint32_t)1 << rest;
        uint32_t *r = push_limbs(ctx, n);
        push_val(ctx, 1, r, fcw_bigint_sub(r, p, n, t, tn));
        return 1;
    }
    push_val(ctx, 0, t, tn);
    return 1;
}

static duk_ret_t bigint_to_string(duk_context *ctx)
{
    struct val v;
    read_val(ctx, 0, &v);
    unsigned radix = (unsigned)duk_require_uint(ctx, 1);
    if (radix < 2 || radix > 36) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "toString() radix must be between 2 and 36");
    }
    uint32_t *copy = push_limbs(ctx, v.n);
    memcpy(copy, v.d, v.n * sizeof(uint32_t));
    size_t cap = fcw_bigint_digits_max(v.n, radix) + 1;
    char *out = duk_push_fixed_buffer(ctx, cap);
    size_t len = fcw_bigint_to_digits(copy, v.n, radix, out, cap);
    if (v.neg && v.n > 0) {
        out[cap - len - 1] = '-';
        len++;
    }
    duk_push_lstring(ctx, out + cap - len, len);
    return 1;
}

static duk_ret_t bigint_parse(duk_context *ctx)
{
    duk_size_t len;
    const char *s = duk_require_lstring(ctx, 0, &len);
    unsigned radix = (unsigned)duk_require_uint(ctx, 1);
    int neg = duk_to_boolean(ctx, 2);
    if (radix < 2 || radix > 36 || len == 0) {
        return 0;
    }
    size_t limbs = fcw_bigint_parse_limbs(len, radix);
    require_limbs(ctx, limbs > 2 ? limbs - 2 : 0);
    uint32_t *r = push_limbs(ctx, limbs);
    size_t n = fcw_bigint_parse(r, s, len, radix);
    if (n == (size_t)-1) {
        return 0;
    }
    push_val(ctx, neg, r, n);
    return 1;
}

static duk_ret_t bigint_to_number(duk_context *ctx)
{
    struct val v;
    read_val(ctx, 0, &v);
    double d = fcw_bigint_to_double(v.d, v.n);
    duk_push_number(ctx, v.neg ? -d : d);
    return 1;
}

static duk_ret_t bigint_from_number(duk_context *ctx)
{
    double d = duk_require_number(ctx, 0);
    if (!isfinite(d) || d != floor(d)) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR,
                         "The number %s cannot be converted to a BigInt because it is not an integer",
                         duk_safe_to_string(ctx, 0));
    }
    if (fabs(d) <= SAFE_MAX) {
        duk_push_number(ctx, d == 0 ? 0.0 : d);
        return 1;
    }
    uint32_t *r = push_limbs(ctx, fcw_bigint_double_limbs(d));
    size_t n = fcw_bigint_from_double(r, d);
    push_val(ctx, d < 0, r, n);
    return 1;
}

static duk_ret_t bigint_to_64(duk_context *ctx)
{
    struct val v;
    read_val(ctx, 0, &v);
    uint32_t t[3];
    struct val low = {v.neg, v.n < 2 ? v.n : 2, v.d, {0, 0}};
    to_twos(t, 3, &low);
    duk_push_array(ctx);
    duk_push_uint(ctx, t[0]);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_uint(ctx, t[1]);
    duk_put_prop_index(ctx, -2, 1);
    return 1;
}

static duk_ret_t bigint_from_64(duk_context *ctx)
{
    uint32_t t[2] = {(uint32_t)duk_require_uint(ctx, 0), (uint32_t)duk_require_uint(ctx, 1)};
    if (duk_to_boolean(ctx, 2) && (t[1] >> 31) != 0) {
        push_twos(ctx, t, 2);
    } else {
        push_val(ctx, 0, t, 2);
    }
    return 1;
}

void fcw_api_bigint_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry funcs[] = {{"bigintOp", bigint_op, 3},
                                                    {"bigintCompare", bigint_compare, 2},
                                                    {"bigintAsN", bigint_as_n, 3},
                                                    {"bigintToString", bigint_to_string, 2},
                                                    {"bigintParse", bigint_parse, 3},
                                                    {"bigintToNumber", bigint_to_number, 1},
                                                    {"bigintFromNumber", bigint_from_number, 1},
                                                    {"bigintTo64", bigint_to_64, 1},
                                                    {"bigintFrom64", bigint_from_64, 3},
                                                    {NULL, NULL, 0}};

    duk_put_function_list(ctx, duk_normalize_index(ctx, native_idx), funcs);
}
