/* SPDX-License-Identifier: MIT */
/*
 * Magnitude arithmetic for BigInt (see bigint.h): schoolbook addition,
 * subtraction and multiplication on 32-bit limbs with 64-bit intermediates,
 * Knuth's algorithm D for division, shifts, radix conversion by repeated
 * division by the largest power of the radix that fits a limb, and exact
 * conversions from and to doubles (round to nearest, ties to even).
 *
 * In C rather than in the runtime's JavaScript: Duktape spends hundreds of
 * instructions on each operation of interpreted code, about the cost of a
 * whole limb step here, so the limb loops of JWT and crypto sizes (2048-bit
 * modular exponentiation: 0.4 s with these loops on a loaded machine) would
 * be one to two orders of magnitude slower written in JavaScript. Values of
 * up to 53 bits never come here (js/16-bigint.js handles them as numbers).
 */
#include "bigint.h"

#include <math.h>
#include <string.h>

size_t fcw_bigint_norm(const uint32_t *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

int fcw_bigint_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    while (an-- > 0) {
        if (a[an] != b[an]) {
            return a[an] < b[an] ? -1 : 1;
        }
    }
    return 0;
}

static unsigned bits_of(uint32_t x)
{
    unsigned n = 0;
    while (x != 0) {
        n++;
        x >>= 1;
    }
    return n;
}

uint64_t fcw_bigint_bitlen(const uint32_t *a, size_t an)
{
    if (an == 0) {
        return 0;
    }
    return (uint64_t)(an - 1) * 32 + bits_of(a[an - 1]);
}

size_t fcw_bigint_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    if (an < bn) {
        const uint32_t *t = a;
        size_t tn = an;
        a = b;
        an = bn;
        b = t;
        bn = tn;
    }
    uint64_t carry = 0;
    size_t i;
    for (i = 0; i < an; i++) {
        carry += (uint64_t)a[i] + (i < bn ? b[i] : 0);
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[an] = (uint32_t)carry;
    return fcw_bigint_norm(r, an + 1);
}

size_t fcw_bigint_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    int64_t borrow = 0;
    for (size_t i = 0; i < an; i++) {
        int64_t d = (int64_t)a[i] - (i < bn ? b[i] : 0) - borrow;
        borrow = d < 0;
        r[i] = (uint32_t)(d + (borrow ? ((int64_t)1 << 32) : 0));
    }
    return fcw_bigint_norm(r, an);
}

size_t fcw_bigint_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    memset(r, 0, (an + bn) * sizeof *r);
    for (size_t i = 0; i < an; i++) {
        uint64_t carry = 0;
        uint64_t ai = a[i];
        if (ai == 0) {
            continue;
        }
        for (size_t j = 0; j < bn; j++) {
            carry += ai * b[j] + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + bn] = (uint32_t)carry;
    }
    return fcw_bigint_norm(r, an + bn);
}

uint32_t fcw_bigint_div_small(uint32_t *a, size_t an, uint32_t d)
{
    uint64_t rem = 0;
    while (an-- > 0) {
        uint64_t cur = (rem << 32) | a[an];
        a[an] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

size_t fcw_bigint_mul_add_small(uint32_t *a, size_t an, uint32_t m, uint32_t c)
{
    uint64_t carry = c;
    for (size_t i = 0; i < an; i++) {
        carry += (uint64_t)a[i] * m;
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
    if (carry != 0) {
        a[an++] = (uint32_t)carry;
    }
    return an;
}

size_t fcw_bigint_shl(uint32_t *r, const uint32_t *a, size_t an, uint64_t bits)
{
    size_t limbs = (size_t)(bits / 32);
    unsigned s = (unsigned)(bits % 32);
    if (an == 0) {
        return 0;
    }
    r[an + limbs] = 0;
    for (size_t i = an; i-- > 0;) {
        uint64_t v = (uint64_t)a[i] << s;
        r[i + limbs + 1] |= (uint32_t)(v >> 32);
        r[i + limbs] = (uint32_t)v;
    }
    memset(r, 0, limbs * sizeof *r);
    return fcw_bigint_norm(r, an + limbs + 1);
}

size_t fcw_bigint_shr(uint32_t *r, const uint32_t *a, size_t an, uint64_t bits)
{
    if (bits >= (uint64_t)an * 32) {
        return 0;
    }
    size_t limbs = (size_t)(bits / 32);
    unsigned s = (unsigned)(bits % 32);
    size_t n = an - limbs;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = a[i + limbs];
        if (i + limbs + 1 < an) {
            v |= (uint64_t)a[i + limbs + 1] << 32;
        }
        r[i] = (uint32_t)(v >> s);
    }
    return fcw_bigint_norm(r, n);
}

int fcw_bigint_low_bits_set(const uint32_t *a, size_t an, uint64_t bits)
{
    size_t limbs = (size_t)(bits / 32);
    for (size_t i = 0; i < limbs && i < an; i++) {
        if (a[i] != 0) {
            return 1;
        }
    }
    if (limbs < an && bits % 32 != 0) {
        return (a[limbs] & (((uint32_t)1 << (bits % 32)) - 1)) != 0;
    }
    return 0;
}

/* Knuth, TAOCP vol. 2, 4.3.1, algorithm D, base 2^32. */
size_t fcw_bigint_divmod(uint32_t *q, size_t *qn, uint32_t *r, uint32_t *scratch, const uint32_t *a, size_t an,
                         const uint32_t *b, size_t bn)
{
    if (fcw_bigint_cmp(a, an, b, bn) < 0) {
        memcpy(r, a, an * sizeof *r);
        *qn = 0;
        return an;
    }
    if (bn == 1) {
        memcpy(r, a, an * sizeof *r);
        uint32_t rem = fcw_bigint_div_small(r, an, b[0]);
        if (q != NULL) {
            memcpy(q, r, an * sizeof *q);
        }
        *qn = fcw_bigint_norm(r, an);
        r[0] = rem;
        return rem != 0;
    }
    /* D1: normalize so that the divisor's top limb has its high bit set */
    unsigned s = 32 - bits_of(b[bn - 1]);
    uint32_t *v = scratch;
    uint32_t *u = r;
    for (size_t i = bn; i-- > 0;) {
        v[i] = (b[i] << s) | (s && i > 0 ? b[i - 1] >> (32 - s) : 0);
    }
    u[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (size_t i = an; i-- > 0;) {
        u[i] = (a[i] << s) | (s && i > 0 ? a[i - 1] >> (32 - s) : 0);
    }
    uint64_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        /* D3: estimate the quotient limb */
        uint64_t num = ((uint64_t)u[j + bn] << 32) | u[j + bn - 1];
        uint64_t qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xFFFFFFFFu || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFFFFFFu) {
                break;
            }
        }
        /* D4: multiply and subtract */
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < bn; i++) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t = (int64_t)u[i + j] - borrow - (int64_t)(uint32_t)p;
            u[i + j] = (uint32_t)t;
            borrow = t < 0;
        }
        int64_t t = (int64_t)u[j + bn] - borrow - (int64_t)carry;
        u[j + bn] = (uint32_t)t;
        /* D5, D6: add back when the estimate was one too large */
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                c += (uint64_t)u[i + j] + v[i];
                u[i + j] = (uint32_t)c;
                c >>= 32;
            }
            u[j + bn] += (uint32_t)c;
        }
        if (q != NULL) {
            q[j] = (uint32_t)qhat;
        }
    }
    *qn = q != NULL ? fcw_bigint_norm(q, an - bn + 1) : 0;
    /* D8: unnormalize the remainder */
    for (size_t i = 0; i < bn; i++) {
        r[i] = (u[i] >> s) | (s && i + 1 <= bn ? (uint32_t)((uint64_t)u[i + 1] << (32 - s)) : 0);
    }
    return fcw_bigint_norm(r, bn);
}

double fcw_bigint_to_double(const uint32_t *a, size_t an)
{
    uint64_t len = fcw_bigint_bitlen(a, an);
    if (len <= 64) {
        uint64_t m = 0;
        for (size_t i = an; i-- > 0;) {
            m = (m << 32) | a[i];
        }
        return (double)m;
    }
    if (len > 1100) {
        return INFINITY;
    }
    /* the top 64 bits, with every lower bit folded into the lowest one: the
     * conversion then rounds to 53 bits exactly as the whole value would */
    uint64_t shift = len - 64;
    uint64_t m = 0;
    for (int k = 63; k >= 0; k--) {
        uint64_t bit = shift + (uint64_t)k;
        m = (m << 1) | ((a[bit / 32] >> (bit % 32)) & 1);
    }
    if (fcw_bigint_low_bits_set(a, an, shift)) {
        m |= 1;
    }
    return ldexp((double)m, (int)shift);
}

size_t fcw_bigint_double_limbs(double d)
{
    int e;
    frexp(fabs(d), &e);
    return e <= 0 ? 1 : (size_t)e / 32 + 2;
}

size_t fcw_bigint_from_double(uint32_t *r, double d)
{
    int e;
    double f = frexp(fabs(d), &e);
    if (f == 0 || e <= 0) {
        return 0;
    }
    uint64_t m = (uint64_t)ldexp(f, 53);
    uint32_t mm[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    size_t n = fcw_bigint_norm(mm, 2);
    if (e >= 53) {
        return fcw_bigint_shl(r, mm, n, (uint64_t)(e - 53));
    }
    return fcw_bigint_shr(r, mm, n, (uint64_t)(53 - e));
}

/* The largest power radix^k below 2^32, and k. */
static uint32_t chunk_of(unsigned radix, unsigned *k)
{
    uint64_t p = radix;
    *k = 1;
    while (p * radix <= 0xFFFFFFFFu) {
        p *= radix;
        (*k)++;
    }
    return (uint32_t)p;
}

size_t fcw_bigint_digits_max(size_t an, unsigned radix)
{
    unsigned per = bits_of(radix) - 1; /* bits per digit, at least */
    return (size_t)an * 32 / (per ? per : 1) + 2;
}

size_t fcw_bigint_to_digits(uint32_t *a, size_t an, unsigned radix, char *out, size_t cap)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    unsigned k;
    uint32_t chunk = chunk_of(radix, &k);
    size_t pos = cap;
    an = fcw_bigint_norm(a, an);
    if (an == 0) {
        out[--pos] = '0';
        return 1;
    }
    while (an > 0) {
        uint32_t rem = fcw_bigint_div_small(a, an, chunk);
        an = fcw_bigint_norm(a, an);
        for (unsigned i = 0; i < k && (an > 0 || rem != 0); i++) {
            out[--pos] = digits[rem % radix];
            rem /= radix;
        }
    }
    return cap - pos;
}

size_t fcw_bigint_parse_limbs(size_t len, unsigned radix)
{
    return len * bits_of(radix) / 32 + 2;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

size_t fcw_bigint_parse(uint32_t *r, const char *s, size_t len, unsigned radix)
{
    unsigned k;
    chunk_of(radix, &k);
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t value = 0, scale = 1;
        for (unsigned j = 0; j < k && i < len; j++, i++) {
            int dv = digit_value(s[i]);
            if (dv >= (int)radix) {
                return (size_t)-1;
            }
            value = value * radix + (uint32_t)dv;
            scale *= radix;
        }
        n = fcw_bigint_mul_add_small(r, n, scale, value);
    }
    return fcw_bigint_norm(r, n);
}
