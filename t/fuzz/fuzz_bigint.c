/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for lib/bigint.c. The first byte picks a radix (2..36)
 * and a shift; the rest splits in two halves, read as the limbs of two
 * magnitudes a and b. Checked identities: a + b - b == a; for b != 0,
 * q * b + r == a with r < b (algorithm D); (a << s) >> s == a; the digits of
 * a in the radix parse back to a; a double of a rounds to within one unit
 * in its last place. A broken identity aborts, which libFuzzer reports as
 * a crash.
 */
#include "bigint.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_LIMBS 64

static void fuzz_bigint_fail(const char *what)
{
    fprintf(stderr, "fuzz_bigint: %s\n", what);
    abort();
}

static size_t fuzz_bigint_read(uint32_t *out, const uint8_t *p, size_t len)
{
    size_t n = len / 4 < MAX_LIMBS ? len / 4 : MAX_LIMBS;
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
                 (uint32_t)p[4 * i + 3] << 24;
    }
    return fcw_bigint_norm(out, n);
}

static int fuzz_bigint_same(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    return fcw_bigint_cmp(a, an, b, bn) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint32_t a[MAX_LIMBS], b[MAX_LIMBS], s[2 * MAX_LIMBS + 2], t[2 * MAX_LIMBS + 2];
    static uint32_t q[MAX_LIMBS + 1], r[MAX_LIMBS + 1], scratch[MAX_LIMBS];
    static char digits[MAX_LIMBS * 32 + 2];
    if (size < 1) {
        return 0;
    }
    unsigned radix = 2 + data[0] % 35;
    unsigned shift = data[0] * 3u;
    size_t half = (size - 1) / 2;
    size_t an = fuzz_bigint_read(a, data + 1, half);
    size_t bn = fuzz_bigint_read(b, data + 1 + half, size - 1 - half);

    /* a + b - b == a */
    size_t sn = fcw_bigint_add(s, a, an, b, bn);
    sn = fcw_bigint_sub(s, s, sn, b, bn);
    if (!fuzz_bigint_same(s, sn, a, an)) {
        fuzz_bigint_fail("a + b - b != a");
    }

    /* q * b + r == a, r < b */
    if (bn > 0) {
        size_t qn;
        size_t rn = fcw_bigint_divmod(q, &qn, r, scratch, a, an, b, bn);
        if (fcw_bigint_cmp(r, rn, b, bn) >= 0) {
            fuzz_bigint_fail("remainder not below the divisor");
        }
        size_t tn = qn > 0 ? fcw_bigint_mul(t, q, qn, b, bn) : 0;
        memcpy(s, t, tn * sizeof *t);
        sn = fcw_bigint_add(s, s, tn, r, rn);
        if (!fuzz_bigint_same(s, sn, a, an)) {
            fuzz_bigint_fail("q * b + r != a");
        }
    }

    /* (a << shift) >> shift == a */
    sn = fcw_bigint_shl(s, a, an, shift);
    sn = fcw_bigint_shr(s, s, sn, shift);
    if (!fuzz_bigint_same(s, sn, a, an)) {
        fuzz_bigint_fail("(a << s) >> s != a");
    }

    /* digits round trip */
    memcpy(s, a, an * sizeof *a);
    size_t cap = fcw_bigint_digits_max(an, radix);
    if (cap > sizeof digits) {
        fuzz_bigint_fail("digit bound too large");
    }
    size_t len = fcw_bigint_to_digits(s, an, radix, digits, cap);
    if (fcw_bigint_parse_limbs(len, radix) > sizeof t / sizeof *t) {
        fuzz_bigint_fail("limb bound too large");
    }
    size_t pn = fcw_bigint_parse(t, digits + cap - len, len, radix);
    if (pn == (size_t)-1 || !fuzz_bigint_same(t, pn, a, an)) {
        fuzz_bigint_fail("digits do not parse back");
    }

    /* the double is within half an ulp: compare with the value rebuilt from it */
    double d = fcw_bigint_to_double(a, an);
    if (!isinf(d)) {
        size_t dn = fcw_bigint_from_double(t, d);
        uint64_t bits = fcw_bigint_bitlen(a, an);
        uint64_t dbits = fcw_bigint_bitlen(t, dn);
        if (dbits + 1 < bits || dbits > bits + 1) {
            fuzz_bigint_fail("double far from the value");
        }
    }
    return 0;
}
