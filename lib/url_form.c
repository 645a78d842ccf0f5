/* SPDX-License-Identifier: MIT */
/*
 * Percent-encoding (the URL Standard's percent-encode sets, one bit each in
 * a table of the ASCII code points) and the application/x-www-form-urlencoded
 * parser and byte serializer behind URLSearchParams. The bottom layer of
 * the URL files: it calls nothing else of them.
 */
#include "url_internal.h"

/* ---- percent-encoding ---- */

/* Bit n set: the ASCII code point is in percent-encode set n (enum pe_set). */
static const unsigned char pe_table[128] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0x80, 0xFE, 0xFC, 0xC0, 0xC0,
    0xC0, 0x88, 0x80, 0x80, 0x00, 0xC0, 0xC0, 0x00, 0x00, 0xE0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0xE0, 0xE0, 0xFE, 0xE0, 0xFE, 0xF0, 0xE0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xE0, 0xE0, 0xE0, 0xE0,
    0x00, 0xF2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0xE0, 0xF0, 0x80, 0xFF,
};

int fcw_url_pe_in_set(enum pe_set set, uint32_t c)
{
    return c > 0x7E || ((pe_table[c] >> set) & 1);
}

static const char hex_digits[] = "0123456789ABCDEF";

void fcw_url_pe_add(struct sbuf *b, uint32_t c, enum pe_set set)
{
    char u[4];
    size_t n, k;

    if (c < 0x80 && !fcw_url_pe_in_set(set, c)) {
        sbuf_addc(b, (char)c);
        return;
    }
    n = fcw_utf8_put(c, (unsigned char *)u);
    if (sbuf_reserve(b, n * 3) < 0)
        return;
    for (k = 0; k < n; k++) {
        unsigned char byte = (unsigned char)u[k];
        b->p[b->len++] = '%';
        b->p[b->len++] = hex_digits[byte >> 4];
        b->p[b->len++] = hex_digits[byte & 15];
    }
}

/* Percent-decodes s into out (which holds len bytes); returns the length. */
size_t fcw_url_percent_decode(const char *s, size_t len, char *out)
{
    size_t i, o = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == '%' && i + 2 < len && is_hex((unsigned char)s[i + 1]) && is_hex((unsigned char)s[i + 2])) {
            out[o++] = (char)(fcw_hex_value((unsigned char)s[i + 1]) * 16 + fcw_hex_value((unsigned char)s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    return o;
}

/* ---- application/x-www-form-urlencoded ---- */

/* UTF-8 decodes s with replacement (Encoding Standard), re-encoding into out. */
static size_t utf8_sanitize(const char *s, size_t len, char *out)
{
    size_t i = 0, o = 0;

    while (i < len)
        o += fcw_utf8_put(fcw_utf8_get((const unsigned char *)s, len, &i, 0), (unsigned char *)(out + o));
    return o;
}

/* One name[=value] sequence: '+' to space, percent-decode, UTF-8 decode.
 * scratch holds 5 * len bytes: decoded bytes, the '+'-replaced copy, and
 * the sanitized output (up to three times the decoded length). */
static int form_emit(const char *s, size_t len, fcw_url_pair_cb cb, void *data, char *scratch)
{
    const char *eq = memchr(s, '=', len);
    size_t name_len = eq ? (size_t)(eq - s) : len, k, dn, dv, on, ov;
    char *plus = scratch + len, *out = scratch + 2 * len;

    for (k = 0; k < len; k++)
        plus[k] = s[k] == '+' ? ' ' : s[k];
    dn = fcw_url_percent_decode(plus, name_len, scratch);
    dv = eq ? fcw_url_percent_decode(plus + name_len + 1, len - name_len - 1, scratch + dn) : 0;
    on = utf8_sanitize(scratch, dn, out);
    ov = utf8_sanitize(scratch + dn, dv, out + on);
    return cb(data, out, on, out + on, ov);
}

int fcw_url_form_parse(const char *input, size_t len, fcw_url_pair_cb cb, void *data)
{
    size_t start = 0, k, longest = 0;
    char *scratch;
    int rc = 0;

    for (k = 0; k <= len; k++) {
        if (k == len || input[k] == '&') {
            if (k - start > longest)
                longest = k - start;
            start = k + 1;
        }
    }
    scratch = malloc(longest * 5 + 1);
    if (!scratch)
        return -1;
    start = 0;
    for (k = 0; k <= len && rc == 0; k++) {
        if (k < len && input[k] != '&')
            continue;
        if (k > start)
            rc = form_emit(input + start, k - start, cb, data, scratch);
        start = k + 1;
    }
    free(scratch);
    return rc;
}

size_t fcw_url_form_encode(const char *in, size_t len, char *out)
{
    size_t i = 0, o = 0;

    while (i < len) {
        uint32_t c = fcw_utf8_get((const unsigned char *)in, len, &i, 1);
        char u[4];
        size_t n, k;
        if (c == ' ') {
            out[o++] = '+';
            continue;
        }
        if (c < 0x80 && !fcw_url_pe_in_set(PE_FORM, c)) {
            out[o++] = (char)c;
            continue;
        }
        n = fcw_utf8_put(c, (unsigned char *)u);
        for (k = 0; k < n; k++) {
            unsigned char byte = (unsigned char)u[k];
            out[o++] = '%';
            out[o++] = hex_digits[byte >> 4];
            out[o++] = hex_digits[byte & 15];
        }
    }
    return o;
}
