/* SPDX-License-Identifier: MIT */
/*
 * Arbitrary-precision integer magnitudes for the BigInt runtime, in plain C.
 *
 * A magnitude is an array of 32-bit limbs, least significant first, and its
 * length; a normalized one has no high zero limbs (zero has length 0). Every
 * function writes into arrays the caller provides, sized as documented, and
 * returns the normalized length of its result, so the caller decides where
 * memory comes from (lib/api_bigint.c uses Duktape buffers, which count
 * against the heap limit). Signs, two's complement and the ECMAScript
 * semantics of the operators live in lib/api_bigint.c.
 */
#ifndef FCW_BIGINT_H
#define FCW_BIGINT_H

#include <stddef.h>
#include <stdint.h>

/* Length of a[0 .. n) without its high zero limbs. */
size_t fcw_bigint_norm(const uint32_t *a, size_t n);

/* -1, 0 or 1 as the magnitude a is below, equal to or above b. */
int fcw_bigint_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* Number of significant bits of a. */
uint64_t fcw_bigint_bitlen(const uint32_t *a, size_t an);

/* r = a + b; r has max(an, bn) + 1 limbs (it may be a or b). */
size_t fcw_bigint_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* r = a - b for a >= b; r has an limbs (it may be a or b). */
size_t fcw_bigint_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* r = a * b; r has an + bn limbs and is neither a nor b. */
size_t fcw_bigint_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* q = a / b, r = a % b (b not zero). q has an - bn + 1 limbs (when an >= bn)
 * and r has an + 1 limbs, scratch bn limbs; q may be NULL. *qn gets the
 * quotient's length. Returns the remainder's length. */
size_t fcw_bigint_divmod(uint32_t *q, size_t *qn, uint32_t *r, uint32_t *scratch, const uint32_t *a, size_t an,
                         const uint32_t *b, size_t bn);

/* Divides a in place by the single limb d; returns the remainder. */
uint32_t fcw_bigint_div_small(uint32_t *a, size_t an, uint32_t d);

/* a = a * m + c in place; a needs room for one more limb: returns the new length. */
size_t fcw_bigint_mul_add_small(uint32_t *a, size_t an, uint32_t m, uint32_t c);

/* r = a << bits; r has an + bits / 32 + 1 limbs. */
size_t fcw_bigint_shl(uint32_t *r, const uint32_t *a, size_t an, uint64_t bits);

/* r = a >> bits (magnitude, truncating); r has an limbs (it may be a). */
size_t fcw_bigint_shr(uint32_t *r, const uint32_t *a, size_t an, uint64_t bits);

/* True if any of the low `bits` bits of a is set. */
int fcw_bigint_low_bits_set(const uint32_t *a, size_t an, uint64_t bits);

/* The double nearest to a (ties to even); infinity when too large. */
double fcw_bigint_to_double(const uint32_t *a, size_t an);

/* The magnitude of the integral double |d| into r (which has room for
 * fcw_bigint_double_limbs(d) limbs); returns its length. */
size_t fcw_bigint_from_double(uint32_t *r, double d);
size_t fcw_bigint_double_limbs(double d);

/* Digits of a in radix 2..36 (lowercase), written backwards ending at
 * out[cap - 1]; a is consumed (left zero). Returns the number of digits;
 * cap must be at least fcw_bigint_digits_max(an, radix). */
size_t fcw_bigint_to_digits(uint32_t *a, size_t an, unsigned radix, char *out, size_t cap);
size_t fcw_bigint_digits_max(size_t an, unsigned radix);

/* Parses the digits s[0 .. len) in radix 2..36 into r, which has
 * fcw_bigint_parse_limbs(len, radix) limbs. Returns the length, or
 * (size_t)-1 if a character is not a digit of the radix. */
size_t fcw_bigint_parse(uint32_t *r, const char *s, size_t len, unsigned radix);
size_t fcw_bigint_parse_limbs(size_t len, unsigned radix);

#endif
