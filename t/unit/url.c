/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of lib/url.c through its public header: parsing with and
 * without a base, component offsets, CESU-8 input from Duktape, setters,
 * origin and the form-urlencoded helpers; and the UTF-8/CESU-8 code point
 * helpers of lib/text.c they are built on. Prints TAP.
 */
#include "tap.h"
#include "text.h"
#include "url.h"

#include <string.h>

static int part_is(const struct fcw_url *u, enum fcw_url_part part, const char *want)
{
    size_t len;
    const char *s = fcw_url_get(u, part, &len);

    if (len == strlen(want) && memcmp(s, want, len) == 0)
        return 1;
    printf("# got '%.*s', want '%s'\n", (int)len, s, want);
    return 0;
}

static int parse_str(const char *input, const struct fcw_url *base, struct fcw_url *out)
{
    return fcw_url_parse(input, strlen(input), base, out);
}

static void test_components(void)
{
    struct fcw_url u;

    ok(parse_str(" HTTPS://u:p@EX.com:8443/a/../b?q#f ", NULL, &u) == 0, "absolute URL parses");
    ok(part_is(&u, FCW_URL_HREF, "https://u:p@ex.com:8443/b?q#f"), "href is serialized");
    ok(part_is(&u, FCW_URL_PROTOCOL, "https:") && part_is(&u, FCW_URL_USERNAME, "u") &&
           part_is(&u, FCW_URL_PASSWORD, "p"),
       "scheme and credentials");
    ok(part_is(&u, FCW_URL_HOST, "ex.com:8443") && part_is(&u, FCW_URL_HOSTNAME, "ex.com") &&
           part_is(&u, FCW_URL_PORT, "8443") && u.port == 8443,
       "host and port");
    ok(part_is(&u, FCW_URL_PATHNAME, "/b") && part_is(&u, FCW_URL_SEARCH, "?q") && part_is(&u, FCW_URL_HASH, "#f"),
       "path, query, fragment");
    fcw_url_free(&u);
}

static void test_base_and_failure(void)
{
    struct fcw_url base, u;

    ok(parse_str("file:///C:/dir/file", NULL, &base) == 0, "file base parses");
    ok(parse_str("..\\..\\x", &base, &u) == 0 && part_is(&u, FCW_URL_HREF, "file:///C:/x"),
       "relative path never pops the drive letter");
    fcw_url_free(&u);
    ok(parse_str("http://[::1", NULL, &u) == -1, "unterminated IPv6 fails");
    ok(parse_str("no scheme", NULL, &u) == -1, "relative without base fails");
    fcw_url_free(&base);
}

static void test_hosts(void)
{
    struct fcw_url u;

    ok(parse_str("http://[0:0:1:0:0:0:0:1]:80/", NULL, &u) == 0 && part_is(&u, FCW_URL_HOST, "[0:0:1::1]"),
       "IPv6 compresses the longest zero run, default port dropped");
    fcw_url_free(&u);
    ok(parse_str("http://0x0A.010.0.1/", NULL, &u) == 0 && part_is(&u, FCW_URL_HOSTNAME, "10.8.0.1"),
       "IPv4 hex and octal parts");
    fcw_url_free(&u);
    ok(parse_str("http://\xe2\x98\x83.net/", NULL, &u) == 0 && part_is(&u, FCW_URL_HOSTNAME, "xn--n3h.net"),
       "IDNA maps a symbol (UTS #46, not IDNA2008)");
    fcw_url_free(&u);
}

static void test_cesu8(void)
{
    struct fcw_url u;
    /* U+1F600 as a CESU-8 surrogate pair, then a lone high surrogate. */
    const char input[] = "http://h/\xed\xa0\xbd\xed\xb8\x80\xed\xa0\x80";

    ok(fcw_url_parse(input, sizeof input - 1, NULL, &u) == 0 && part_is(&u, FCW_URL_PATHNAME, "/%F0%9F%98%80%EF%BF%BD"),
       "surrogate pair combined, lone surrogate becomes U+FFFD");
    fcw_url_free(&u);
}

static void test_setters(void)
{
    struct fcw_url u;

    parse_str("http://h/p?x#y", NULL, &u);
    ok(fcw_url_set(&u, FCW_URL_HOST, "example.com:65536", 17) == 0 &&
           part_is(&u, FCW_URL_HREF, "http://example.com/p?x#y"),
       "host setter keeps the host when the port is out of range");
    ok(fcw_url_set(&u, FCW_URL_SEARCH, "", 0) == 0 && part_is(&u, FCW_URL_HREF, "http://example.com/p#y"),
       "empty search removes the query");
    ok(fcw_url_set(&u, FCW_URL_HREF, "bad", 3) == -1 && part_is(&u, FCW_URL_HOSTNAME, "example.com"),
       "invalid href fails and keeps the URL");
    fcw_url_free(&u);
}

static void test_origin(void)
{
    struct fcw_url u;
    char buf[64];
    size_t n;

    parse_str("blob:https://a.b:443/x", NULL, &u);
    n = fcw_url_origin(&u, buf, sizeof buf);
    ok(n == 11 && strcmp(buf, "https://a.b") == 0, "blob origin is the inner URL's");
    fcw_url_free(&u);
}

static int collect(void *data, const char *name, size_t name_len, const char *value, size_t value_len)
{
    char *out = data;

    strncat(out, name, name_len);
    strcat(out, "|");
    strncat(out, value, value_len);
    strcat(out, ";");
    return 0;
}

static void test_form(void)
{
    char pairs[128] = "", enc[64];
    const char *input = "a+b=%41%zz&&=x&c";
    size_t n;

    fcw_url_form_parse(input, strlen(input), collect, pairs);
    ok(strcmp(pairs, "a b|A%zz;|x;c|;") == 0, "form parse: +, escapes, empty pairs");
    n = fcw_url_form_encode("a b*~\xc3\xa9", 7, enc);
    ok(n == 13 && memcmp(enc, "a+b*%7E%C3%A9", 13) == 0, "form encode: space, unreserved, ~, UTF-8");
}

static void test_text(void)
{
    unsigned char b[8];
    size_t n, i;
    char out[16];
    static const unsigned char pair[] = {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80};
    static const unsigned char lone[] = {'a', 0xED, 0xA0, 0xBD, 'b'};
    static const unsigned char bad[] = {0xE2, 0x82};

    n = fcw_utf8_put(0x1F600, b);
    ok(n == 4 && memcmp(b, "\xF0\x9F\x98\x80", 4) == 0, "utf8 put: four bytes above U+FFFF");
    n = fcw_cesu8_put(0x1F600, b);
    ok(n == 6 && memcmp(b, pair, 6) == 0, "cesu8 put: a surrogate pair of three bytes each");
    n = fcw_cesu8_put(0x20AC, b);
    ok(n == 3 && memcmp(b, "\xE2\x82\xAC", 3) == 0, "cesu8 put: BMP as UTF-8");
    i = 0;
    ok(fcw_utf8_get(pair, sizeof pair, &i, 1) == 0x1F600 && i == 6, "utf8 get (cesu): pair combined");
    i = 0;
    ok(fcw_utf8_get(pair, sizeof pair, &i, 0) == 0xFFFD && i == 1, "utf8 get: a surrogate is invalid UTF-8");
    i = 0;
    ok(fcw_utf8_get(bad, sizeof bad, &i, 0) == 0xFFFD && i == 2, "utf8 get: truncated sequence is one U+FFFD");
    ok(fcw_hex_value('7') == 7 && fcw_hex_value('b') == 11 && fcw_hex_value('F') == 15,
       "hex value of digits, both cases");
    ok(fcw_hex_value('g') == -1 && fcw_hex_value('/') == -1 && fcw_hex_value(0xFFFFFFFFu) == -1 &&
           fcw_hex_value(0x0661) == -1,
       "hex value: -1 for anything else");
    n = fcw_text_to_scalar_utf8((const char *)lone, sizeof lone, out);
    ok(n == 5 && memcmp(out,
                        "a\xEF\xBF\xBD"
                        "b",
                        5) == 0,
       "to scalar UTF-8: lone surrogate replaced");
}

int main(void)
{
    test_components();
    test_base_and_failure();
    test_hosts();
    test_cesu8();
    test_setters();
    test_origin();
    test_form();
    test_text();
    return done_testing();
}
