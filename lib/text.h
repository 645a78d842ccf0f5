/* SPDX-License-Identifier: MIT */
/*
 * Text helpers shared by the library: hex digits, UTF-8 and CESU-8 (Duktape's internal
 * string form, where a code point above U+FFFF is two three-byte surrogates)
 * encoding and decoding of single code points, and the conversion of a
 * Duktape string to well-formed UTF-8. A leaf: it depends on nothing else
 * in lib/ and on no engine.
 */
#ifndef FCW_TEXT_H
#define FCW_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The value of an ASCII hex digit (either case), -1 for anything else. */
int fcw_hex_value(uint32_t c);

/* Writes cp as UTF-8 (1 to 4 bytes) to out; returns the byte count. */
size_t fcw_utf8_put(uint32_t cp, unsigned char *out);

/* Writes cp as CESU-8 (1 to 3 bytes below U+10000, else a surrogate pair
 * of 6 bytes) to out; returns the byte count. A lone surrogate is written
 * as it is. */
size_t fcw_cesu8_put(uint32_t cp, unsigned char *out);

/*
 * Decodes one code point at s[*i] and advances *i. Invalid bytes become
 * U+FFFD per maximal subpart, as the Encoding Standard's UTF-8 decoder
 * does. With cesu set, surrogates encoded as three bytes are accepted
 * (Duktape's internal form): a high/low pair is combined, a lone one
 * becomes U+FFFD.
 */
uint32_t fcw_utf8_get(const unsigned char *s, size_t len, size_t *i, int cesu);

/* Scalar-value UTF-8 for possibly CESU-8 or invalid input: surrogate pairs
 * combined, lone surrogates and bad bytes replaced by U+FFFD. out must hold
 * len * 3 bytes (a single bad byte grows into three). Returns the length. */
size_t fcw_text_to_scalar_utf8(const char *in, size_t len, char *out);

/* The isomorphic encoding of s (one code point per byte, as UTF-8: bytes
 * above 0x7F take two) into out (NULL: only counted); returns the bytes. */
size_t fcw_isomorphic_encode(char *out, const char *s);

/* An HTTP token character (RFC 9110 tchar), for header names and methods. */
int fcw_is_token_char(unsigned char c);

/* Copies src (NULL: "") into dst of size bytes (size > 0), cut to fit and
 * terminated: what snprintf(dst, size, "%s", src) does, without parsing a
 * format (for copies made on every request). */
void fcw_copy_string(char *dst, size_t size, const char *src);

#endif
