/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 and CESU-8 code points: the one encoder and decoder the URL parser,
 * TextDecoder, String.prototype.normalize, the RegExp engine's group names
 * and the request body path share, and hex digits for the URL and RegExp
 * parsers. A leaf of the library (see text.h).
 */
#include <string.h>

#include "text.h"

int fcw_hex_value(uint32_t c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (int)((c | 0x20) - 'a' + 10);
    }
    return -1;
}

size_t fcw_utf8_put(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t fcw_cesu8_put(uint32_t cp, unsigned char *out)
{
    size_t n;

    if (cp < 0x10000) {
        return fcw_utf8_put(cp, out);
    }
    n = fcw_utf8_put(0xD800 + ((cp - 0x10000) >> 10), out);
    return n + fcw_utf8_put(0xDC00 + ((cp - 0x10000) & 0x3FF), out + n);
}

uint32_t fcw_utf8_get(const unsigned char *s, size_t len, size_t *i, int cesu)
{
    unsigned char b = s[*i];
    uint32_t c;
    unsigned need, k;
    unsigned char lo = 0x80, hi = 0xBF;

    (*i)++;
    if (b < 0x80) {
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0) {
            lo = 0xA0;
        } else if (b == 0xED && !cesu) {
            hi = 0x9F;
        }
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0) {
            lo = 0x90;
        } else if (b == 0xF4) {
            hi = 0x8F;
        }
    } else {
        return 0xFFFD;
    }
    for (k = 0; k < need; k++) {
        if (*i >= len || s[*i] < lo || s[*i] > hi) {
            return 0xFFFD;
        }
        c = (c << 6) | (s[*i] & 0x3F);
        (*i)++;
        lo = 0x80;
        hi = 0xBF;
    }
    if (c >= 0xD800 && c <= 0xDBFF && *i + 2 < len && s[*i] == 0xED && s[*i + 1] >= 0xB0 && s[*i + 1] <= 0xBF &&
        (s[*i + 2] & 0xC0) == 0x80) {
        uint32_t low = 0xD000 | ((uint32_t)(s[*i + 1] & 0x3F) << 6) | (s[*i + 2] & 0x3F);
        *i += 3;
        return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        return 0xFFFD;
    }
    return c;
}

size_t fcw_text_to_scalar_utf8(const char *in, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)in;
    unsigned char *o = (unsigned char *)out;
    size_t i = 0, n = 0;

    while (i < len) {
        n += fcw_utf8_put(fcw_utf8_get(s, len, &i, 1), o + n);
    }
    return n;
}

size_t fcw_isomorphic_encode(char *out, const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80) {
            if (out) {
                out[n] = (char)*p;
            }
            n++;
        } else {
            if (out) {
                out[n] = (char)(0xC0 | (*p >> 6));
                out[n + 1] = (char)(0x80 | (*p & 0x3F));
            }
            n += 2;
        }
    }
    return n;
}

int fcw_is_token_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

void fcw_copy_string(char *dst, size_t size, const char *src)
{
    size_t n = src != NULL ? strnlen(src, size - 1) : 0;
    if (n > 0) {
        memcpy(dst, src, n);
    }
    dst[n] = '\0';
}
