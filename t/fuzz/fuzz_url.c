/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for lib/url.c. The input is up to three NUL-separated
 * fields: URL, or BASE NUL URL, or BASE NUL URL NUL SETTER-VALUE. Each URL
 * that parses must be a consistent record (offsets in order and in range,
 * an ASCII href) whose href parses again to the same href, as the URL
 * Standard's serializer guarantees; the setter value is then given to
 * every setter in turn, with the same checks after each. The whole input
 * also goes through the scalar-UTF-8 conversion (the output must be
 * well-formed UTF-8) and the form-urlencoded parser and byte serializer
 * (the output must only hold the serializer's characters). A broken
 * invariant aborts, which libFuzzer reports as a crash.
 */
#include "url.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_url_fail(const char *what, const char *href, size_t len)
{
    fprintf(stderr, "fuzz_url: %s: '%.*s'\n", what, (int)len, href ? href : "");
    abort();
}

static int fuzz_url_in_order(uint32_t a, uint32_t b, uint32_t limit)
{
    return a <= b && b <= limit;
}

static void fuzz_url_check_record(const struct fcw_url *u)
{
    const char *href = u->href;
    uint32_t n = u->href_len;
    if (href == NULL || strlen(href) != n) {
        fuzz_url_fail("href length disagrees with href_len", href, n);
    }
    for (uint32_t i = 0; i < n; i++) {
        if ((unsigned char)href[i] < 0x20 || (unsigned char)href[i] > 0x7e) {
            fuzz_url_fail("href is not printable ASCII", href, n);
        }
    }
    if (u->scheme_end == 0 || u->scheme_end >= n || href[u->scheme_end] != ':') {
        fuzz_url_fail("scheme offset", href, n);
    }
    if (!fuzz_url_in_order(u->username_start, u->username_end, n) ||
        !fuzz_url_in_order(u->password_start, u->password_end, n) ||
        !fuzz_url_in_order(u->host_start, u->host_end, n) || !fuzz_url_in_order(u->path_start, u->path_end, n)) {
        fuzz_url_fail("component range", href, n);
    }
    if (u->query_start != FCW_URL_OMITTED &&
        (u->query_start >= n || href[u->query_start] != '?' || u->query_start < u->path_end)) {
        fuzz_url_fail("query offset", href, n);
    }
    if (u->fragment_start != FCW_URL_OMITTED &&
        (u->fragment_start >= n || href[u->fragment_start] != '#' || u->fragment_start < u->path_end)) {
        fuzz_url_fail("fragment offset", href, n);
    }
    if (u->port < -1 || u->port > 65535) {
        fuzz_url_fail("port out of range", href, n);
    }
    for (int part = FCW_URL_HREF; part <= FCW_URL_HASH; part++) {
        size_t len = 0;
        const char *s = fcw_url_get(u, (enum fcw_url_part)part, &len);
        if (s == NULL || len > n) {
            fuzz_url_fail("getter result", href, n);
        }
    }
    size_t size = 2 * (size_t)n + 8;
    char *origin = malloc(size);
    if (origin != NULL) {
        size_t len = fcw_url_origin(u, origin, size);
        if (len >= size) {
            fuzz_url_fail("origin does not fit its documented buffer", href, n);
        }
        free(origin);
    }
}

/* The URL Standard's serializer output parses back to the same URL. */
static void fuzz_url_check_reparse(const struct fcw_url *u)
{
    struct fcw_url again;
    if (fcw_url_parse(u->href, u->href_len, NULL, &again) < 0) {
        fuzz_url_fail("href does not parse again", u->href, u->href_len);
    }
    if (again.href_len != u->href_len || memcmp(again.href, u->href, u->href_len) != 0) {
        fprintf(stderr, "fuzz_url: reparsed as '%s'\n", again.href);
        fuzz_url_fail("href is not a fixed point of parse+serialize", u->href, u->href_len);
    }
    fcw_url_free(&again);
}

static void fuzz_url_check(const struct fcw_url *u)
{
    fuzz_url_check_record(u);
    fuzz_url_check_reparse(u);
}

static void fuzz_url_setters(struct fcw_url *u, const char *value, size_t len)
{
    for (int part = FCW_URL_HREF; part <= FCW_URL_HASH; part++) {
        fcw_url_set(u, (enum fcw_url_part)part, value, len);
        fuzz_url_check(u);
    }
}

/* Well-formed UTF-8 without surrogates (RFC 3629). */
static int fuzz_url_valid_utf8(const unsigned char *s, size_t len)
{
    static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 4;
        if (extra == 4 || extra > len - i - 1) {
            return 0;
        }
        uint32_t cp = extra == 0 ? c : c & (0x3fu >> extra);
        for (size_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + k] & 0x3fu);
        }
        if (cp < min[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 0;
        }
        i += extra + 1;
    }
    return 1;
}

static void fuzz_url_check_scalar(const char *in, size_t len)
{
    char *out = malloc(len * 3 + 1);
    if (out == NULL) {
        return;
    }
    size_t n = fcw_text_to_scalar_utf8(in, len, out);
    if (n > len * 3 || !fuzz_url_valid_utf8((const unsigned char *)out, n)) {
        fuzz_url_fail("scalar UTF-8 conversion produced malformed UTF-8", in, len);
    }
    free(out);
}

static int fuzz_url_upper_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

static int fuzz_url_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The urlencoded byte serializer's output alphabet: alphanumerics, *-._,
 * '+' for space and %XX with upper-case hex. */
static int fuzz_url_form_encoded(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%') {
            if (i + 2 >= len || !fuzz_url_upper_hex(s[i + 1]) || !fuzz_url_upper_hex(s[i + 2])) {
                return 0;
            }
            i += 2;
        } else if (!fuzz_url_alnum(c) && c != '*' && c != '-' && c != '.' && c != '_' && c != '+') {
            return 0;
        }
    }
    return 1;
}

static void fuzz_url_check_encode(const char *s, size_t len)
{
    char *out = malloc(9 * len + 1);
    if (out == NULL) {
        return;
    }
    size_t n = fcw_url_form_encode(s, len, out);
    if (n > 9 * len || !fuzz_url_form_encoded(out, n)) {
        fuzz_url_fail("form serializer output", out, n);
    }
    free(out);
}

static int fuzz_url_form_pair(void *data, const char *name, size_t name_len, const char *value, size_t value_len)
{
    /* percent-decoding shrinks; UTF-8 decoding turns a bad byte into U+FFFD */
    const size_t *limit = data;
    if (name_len > 3 * *limit || value_len > 3 * *limit) {
        fuzz_url_fail("form pair longer than its input can decode to", name, name_len);
    }
    fuzz_url_check_encode(name, name_len);
    fuzz_url_check_encode(value, value_len);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *field[3] = {in, NULL, NULL};
    size_t len[3] = {size, 0, 0};
    int nfields = 1;
    for (size_t i = 0; i < size && nfields < 3; i++) {
        if (in[i] == '\0') {
            len[nfields - 1] = (size_t)(in + i - field[nfields - 1]);
            field[nfields] = in + i + 1;
            len[nfields] = size - i - 1;
            nfields++;
        }
    }
    struct fcw_url base, url;
    if (fcw_url_parse(field[0], len[0], NULL, &base) == 0) {
        fuzz_url_check(&base);
        if (nfields >= 2 && fcw_url_parse(field[1], len[1], &base, &url) == 0) {
            fuzz_url_check(&url);
            if (nfields == 3) {
                fuzz_url_setters(&url, field[2], len[2]);
            }
            fcw_url_free(&url);
        }
        fcw_url_free(&base);
    }
    fuzz_url_check_scalar(in, size);
    size_t limit = size;
    fcw_url_form_parse(in, size, fuzz_url_form_pair, &limit);
    return 0;
}
