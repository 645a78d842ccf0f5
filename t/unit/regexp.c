/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the regular-expression engine (lib/regexp.h): a table of
 * cases (pattern, flags, input, start, and the expected captures, no
 * match, or a SyntaxError), then the interrupt callback, the backtrack
 * bound and patterns that must finish quickly. Inputs and expected
 * captures are UTF-8 with \uXXXX for lone surrogates; patterns are UTF-8
 * turned into UTF-16 as they are. Prints TAP.
 */
#include "tap.h"
#include "regexp.h"

#include <stdlib.h>
#include <string.h>

#define U "\x7f" /* an undefined capture */
#define NOMATCH ((const char *)1)
#define SYNTAX ((const char *)2)

struct rcase {
    const char *pattern, *flags, *input;
    int start;
    const char *want[8]; /* captures (U: undefined), or NOMATCH / SYNTAX first */
};

/* UTF-8 (with \uXXXX escapes when esc) to UTF-16. */
static size_t to16(const char *s, uint16_t *out, size_t max, int esc)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;

    while (*p && n + 2 < max) {
        uint32_t c;
        if (esc && p[0] == '\\' && p[1] == 'u') {
            char hex[5];
            memcpy(hex, p + 2, 4);
            hex[4] = 0;
            c = (uint32_t)strtoul(hex, NULL, 16);
            p += 6;
        } else if (*p < 0x80) {
            c = *p++;
        } else if (*p < 0xE0) {
            c = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if (*p < 0xF0) {
            c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        } else {
            c = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 |
                (p[3] & 0x3F);
            p += 4;
        }
        if (c >= 0x10000) {
            out[n++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
            out[n++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            out[n++] = (uint16_t)c;
        }
    }
    return n;
}

/* A printable copy of s for a TAP line (four rotating buffers). */
static const char *show(const char *s)
{
    static char bufs[4][160];
    static int k;
    char *b = bufs[k++ & 3];
    size_t n = 0;

    for (; *s && n + 5 < sizeof(bufs[0]); s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f)
            n += (size_t)snprintf(b + n, 5, "\\x%02x", c);
        else
            b[n++] = (char)c;
    }
    b[n] = 0;
    return b;
}

static struct fcw_re *compile(const char *pattern, const char *flags, char *err, size_t errlen)
{
    uint16_t p[1024], f[16];
    size_t pn = to16(pattern, p, 1024, 0), fn = to16(flags, f, 16, 0);
    unsigned fl;

    if (fcw_re_parse_flags(f, fn, &fl) < 0) {
        snprintf(err, errlen, "bad flags");
        return NULL;
    }
    return fcw_re_compile(p, pn, fl, err, errlen);
}

static const struct rcase cases[] = {
    /* basics */
    {"abc", "", "xxabcx", 0, {"abc"}},
    {"abc", "", "ab", 0, {NOMATCH}},
    {"", "", "abc", 0, {""}},
    {"a|b|c", "", "xc", 0, {"c"}},
    {"(a)(b)?", "", "ac", 0, {"a", "a", U}},
    {"(a)|(b)", "", "b", 0, {"b", U, "b"}},
    {"a.c", "", "a\nc abc", 0, {"abc"}},
    {"a.c", "s", "a\nc", 0, {"a\nc"}},
    {"^abc$", "", "abc", 0, {"abc"}},
    {"^b", "", "a\nb", 0, {NOMATCH}},
    {"^b", "m", "a\nb", 0, {"b"}},
    {"a$", "m", "a\nb", 0, {"a"}},
    {"a", "i", "xA", 0, {"A"}},
    {"[a-c]+", "i", "xAbC", 0, {"AbC"}},
    {"abc", "y", "xabc", 0, {NOMATCH}},
    {"abc", "y", "xabc", 1, {"abc"}},
    {"b", "g", "abcb", 2, {"b"}},
    /* quantifiers */
    {"a*", "", "aaa", 0, {"aaa"}},
    {"a*?", "", "aaa", 0, {""}},
    {"a+?", "", "aaa", 0, {"a"}},
    {"a{2}", "", "aaa", 0, {"aa"}},
    {"a{2,}", "", "aaaa", 0, {"aaaa"}},
    {"a{1,2}", "", "aaaa", 0, {"aa"}},
    {"a{1,2}?", "", "aaaa", 0, {"a"}},
    {"(a|ab)(c|bcd)(d*)", "", "abcd", 0, {"abcd", "a", "bcd", ""}},
    {"(?:ab)*c", "", "ababc", 0, {"ababc"}},
    {"(ab)*?c", "", "ababc", 0, {"ababc", "ab"}},
    {"(z)((a+)?(b+)?(c))*", "", "zaacbbbcac", 0, {"zaacbbbcac", "z", "ac", "a", U, "c"}},
    {"(a*)*", "", "b", 0, {"", U}},
    {"(a*)+", "", "b", 0, {"", ""}},
    {"(a*)?", "", "b", 0, {"", U}},
    {"(?:a|b)*?c", "", "abac", 0, {"abac"}},
    {"^(?:x?)+", "", "y", 0, {""}},
    {"^(?:[ \t]*(?:\n|$))+", "", "\n", 0, {"\n"}},
    {"(?:a?)*?b", "", "ab", 0, {"ab"}},
    {"(a)|b", "", "b", 0, {"b", U}},
    {"x{0}", "", "x", 0, {""}},
    {"(x){0}y", "", "xy", 0, {"y", U}},
    {".*b", "", "aaabaab", 0, {"aaabaab"}},
    {".*?b", "", "aaabaab", 0, {"aaab"}},
    {"[^a]+", "", "aabbcaa", 0, {"bbc"}},
    /* fast paths: merged alternations, spans, give-back guards, start scans */
    {"(?:a|b|[0-9])+c", "", "xab1abd ba9c", 0, {"ba9c"}},
    {"(?:a|\\d)+", "", "x1a2", 0, {"1a2"}},
    {"(?:a|[^a])+?$", "", "ab", 0, {"ab"}},
    {"(?:A|b)+", "i", "xaBAbc", 0, {"aBAb"}},
    {"(?:😀|a)+", "u", "x😀a😀", 0, {"😀a😀"}},
    {"(\\w+)\\s(\\w+)$", "", "one two three", 0, {"two three", "two", "three"}},
    {"a*$", "", "baaa", 0, {"aaa"}},
    {"(a*)$", "", "aab", 0, {"", ""}},
    {"x*y", "", "xxxxz xy", 0, {"xy"}},
    {"\\d+(?=px)", "", "10em 20px", 0, {"20"}},
    {"[bc]x|dy", "", "abx", 0, {"bx"}},
    {"(?:b|c)x|\\by", "", "a y", 0, {"y"}},
    {"a?b", "", "xxb", 0, {"b"}},
    {"\\uD83D", "u", "😀\\uD83D", 0, {"\\uD83D"}},
    {"[😀x]", "u", "a😀", 0, {"😀"}},
    {".+", "", "ab\ncd", 3, {"cd"}},
    {"[^x]*", "", "abxcd", 0, {"ab"}},
    {"[\\s\\S]*", "", "a\nb", 0, {"a\nb"}},
    {"b*?c", "", "abbbc", 0, {"bbbc"}},
    {"^x", "", "ax", 0, {NOMATCH}},
    {"^x", "", "x", 1, {NOMATCH}},
    {"(?<=x)^", "m", "x\n", 0, {NOMATCH}},
    /* Annex B syntax */
    {"a{", "", "a{", 0, {"a{"}},
    {"a{1", "", "a{1", 0, {"a{1"}},
    {"a{,5}", "", "a{,5}", 0, {"a{,5}"}},
    {"}", "", "}", 0, {"}"}},
    {"]", "", "]", 0, {"]"}},
    {"{1}", "", "", 0, {SYNTAX}},
    {"\\c", "", "\\c", 0, {"\\c"}},
    {"\\cJ", "", "\n", 0, {"\n"}},
    {"\\c1", "", "\\c1", 0, {"\\c1"}},
    {"[\\c1]", "", "\x11", 0, {"\x11"}},
    {"[\\c_]", "", "\x1f", 0, {"\x1f"}},
    {"[\\c]", "", "c", 0, {"c"}},
    {"[\\c]", "", "\\", 0, {"\\"}},
    {"\\1(a)", "", "a", 0, {"a", "a"}},
    {"\\2(a)", "", "\\u0002a", 0, {"\\u0002a", "a"}},
    {"\\8", "", "8", 0, {"8"}},
    {"\\08", "", "\\u00008", 0, {"\\u00008"}},
    {"\\101", "", "A", 0, {"A"}},
    {"\\377", "", "\xc3\xbf", 0, {"\xc3\xbf"}},
    {"\\400", "", " 0", 0, {" 0"}},
    {"\\k", "", "k", 0, {"k"}},
    {"\\k<a>", "", "k<a>", 0, {"k<a>"}},
    {"\\k<a>(?<a>x)", "", "x", 0, {"x", "x"}},
    {"\\k<b>(?<a>x)", "", "x", 0, {SYNTAX}},
    {"\\p{L}", "", "p{L}", 0, {"p{L}"}},
    {"\\q", "", "q", 0, {"q"}},
    {"\\x4", "", "x4", 0, {"x4"}},
    {"\\u12", "", "u12", 0, {"u12"}},
    {"[\\d-z]+", "", "1-z", 0, {"1-z"}},
    {"[a-\\d]+", "", "a-1", 0, {"a-1"}},
    {"[z-a]", "", "", 0, {SYNTAX}},
    {"(?=a)*a", "", "a", 0, {"a"}},
    {"(?<=a)*", "", "", 0, {SYNTAX}},
    {"a**", "", "", 0, {SYNTAX}},
    {"*a", "", "", 0, {SYNTAX}},
    {"+", "", "", 0, {SYNTAX}},
    {"a{2,1}", "", "", 0, {SYNTAX}},
    {"^*", "", "", 0, {SYNTAX}},
    {"\\b+", "", "", 0, {SYNTAX}},
    {"(", "", "", 0, {SYNTAX}},
    {")", "", "", 0, {SYNTAX}},
    {"[a", "", "", 0, {SYNTAX}},
    {"a\\", "", "", 0, {SYNTAX}},
    {"(?x)", "", "", 0, {SYNTAX}},
    {"(?<a>x)(?<a>y)", "", "", 0, {SYNTAX}},
    {"(?<1a>x)", "", "", 0, {SYNTAX}},
    /* u-mode strictness */
    {"\\-", "u", "", 0, {SYNTAX}},
    {"[\\-]", "u", "-", 0, {"-"}},
    {"\\q", "u", "", 0, {SYNTAX}},
    {"\\c", "u", "", 0, {SYNTAX}},
    {"\\1", "u", "", 0, {SYNTAX}},
    {"\\00", "u", "", 0, {SYNTAX}},
    {"\\k", "u", "", 0, {SYNTAX}},
    {"{", "u", "", 0, {SYNTAX}},
    {"}", "u", "", 0, {SYNTAX}},
    {"]", "u", "", 0, {SYNTAX}},
    {"a{1", "u", "", 0, {SYNTAX}},
    {"(?=a)*", "u", "", 0, {SYNTAX}},
    {"[\\d-z]", "u", "", 0, {SYNTAX}},
    {"\\u{110000}", "u", "", 0, {SYNTAX}},
    {"\\x4", "u", "", 0, {SYNTAX}},
    {"\\p{Foo}", "u", "", 0, {SYNTAX}},
    {"\\p{L", "u", "", 0, {SYNTAX}},
    {"\\p{Script=Foo}", "u", "", 0, {SYNTAX}},
    {"\\/", "u", "/", 0, {"/"}},
    {"\\u{1F600}", "u", "😀", 0, {"😀"}},
    {"\\uD83D\\uDE00", "u", "😀", 0, {"😀"}},
    /* unicode matching */
    {".", "u", "😀", 0, {"😀"}},
    {".", "", "😀", 0, {"\\uD83D"}},
    {"^.$", "u", "😀", 0, {"😀"}},
    {"^.$", "", "😀", 0, {NOMATCH}},
    {"\\uDE00", "u", "😀", 0, {NOMATCH}},
    {"\\uDE00", "", "😀", 0, {"\\uDE00"}},
    {"\\uD83D", "u", "\\uD83Dx", 0, {"\\uD83D"}},
    {"[😀-😂]", "u", "😁", 0, {"😁"}},
    {"😀+", "u", "😀😀", 0, {"😀😀"}},
    {"a", "u", "😀a", 1, {"a"}},
    {"(?<=😀)a", "u", "😀a", 0, {"a"}},
    /* backreferences */
    {"(a)\\1", "", "aa", 0, {"aa", "a"}},
    {"(a)\\1", "i", "aA", 0, {"aA", "a"}},
    {"(a)?\\1b", "", "b", 0, {"b", U}},
    {"(?<q>['\"]).*?\\k<q>", "", "x'a\"b'", 0, {"'a\"b'", "'"}},
    {"(?<n>a)\\k<n>", "u", "aa", 0, {"aa", "a"}},
    {"(a)|\\1b", "", "b", 0, {"b", U}},
    {"(?:(a)|b)\\1", "", "b", 0, {"b", U}},
    {"(?<$𐒤>a)", "", "a", 0, {"a", "a"}},
    {"(?<\\u0061b>x)\\k<ab>", "", "xx", 0, {"xx", "x"}},
    {"(?<a\\u{62}>x)\\k<ab>", "", "xx", 0, {"xx", "x"}},
    /* lookaround */
    {"a(?=b)", "", "acab", 0, {"a"}},
    {"a(?!b)", "", "abac", 0, {"a"}},
    {"(?=(a+))a*b\\1", "", "baaabac", 0, {"aba", "a"}},
    {"(?=(a+))", "", "baaabac", 0, {"", "aaa"}},
    {"(.*?)a(?!(a+)b\\2c)\\2(.*)", "", "baaabaac", 0, {"baaabaac", "ba", U, "abaac"}},
    {"(?<=\\$)\\d+(\\.\\d*)?", "", "cost $10.53", 0, {"10.53", ".53"}},
    {"(?<!\\$)\\d+", "", "$10 20", 0, {"0"}},
    {"(?<=(\\d+)(\\d+))$", "", "1053", 0, {"", "1", "053"}},
    {"(?<=\\1(a))b", "", "aab", 0, {"b", "a"}},
    {"(?<=(?<a>\\w){3})f", "", "abcdef", 0, {"f", "c"}},
    {"(?<=a(?=b)b)c", "", "abc", 0, {"c"}},
    {"(?<!abc)x", "", "abcx zx", 0, {"x"}},
    {"(?<=^|,)b", "", "a,b", 0, {"b"}},
    {"(?<=([abc])+)d", "", "abcd", 0, {"d", "a"}},
    {"(?!(a))\\1b", "", "b", 0, {"b", U}},
    {"(?=(a))?a", "", "a", 0, {"a", U}},
    /* classes and escapes */
    {"\\d+", "", "ab123c", 0, {"123"}},
    {"\\D+", "", "12ab3", 0, {"ab"}},
    {"\\s+", "", "a \t\n\\u00a0\\ufeffb", 0, {" \t\n\\u00a0\\ufeff"}},
    {"\\S+", "", "  ab ", 0, {"ab"}},
    {"\\w+", "", "+a_1+", 0, {"a_1"}},
    {"\\W", "", "a_1+", 0, {"+"}},
    {"\\bfoo\\b", "", "afoo foo", 0, {"foo"}},
    {"\\Boo", "", "oo foo", 0, {"oo"}},
    {"[\\b]", "", "\b", 0, {"\b"}},
    {"[^]", "", "\n", 0, {"\n"}},
    {"[]", "", "a", 0, {NOMATCH}},
    {"[-a]+", "", "a-", 0, {"a-"}},
    {"[a-]+", "", "a-", 0, {"a-"}},
    {"[\\]]", "", "]", 0, {"]"}},
    {"\\t\\n\\v\\f\\r", "", "\t\n\v\f\r", 0, {"\t\n\v\f\r"}},
    {"\\x41\\u0042", "", "AB", 0, {"AB"}},
    {"\\0", "", "\\u0000", 0, {"\\u0000"}},
    /* case folding */
    {"\\u212a", "i", "k", 0, {NOMATCH}},
    {"\\u212a", "iu", "k", 0, {"k"}},
    {"\\u017f", "i", "s", 0, {NOMATCH}},
    {"\\u017f", "iu", "S", 0, {"S"}},
    {"ß", "i", "SS", 0, {NOMATCH}},
    {"ς", "i", "Σ", 0, {"Σ"}},
    {"σ", "iu", "ς", 0, {"ς"}},
    {"[a-z]", "i", "K", 0, {"K"}},
    {"[a-z]", "i", "\\u212a", 0, {NOMATCH}},
    {"[a-z]", "iu", "\\u212a", 0, {"\\u212a"}},
    {"\\w", "iu", "\\u017f", 0, {"\\u017f"}},
    {"\\W", "iu", "\\u017f", 0, {NOMATCH}},
    {"\\W", "i", "\\u017f", 0, {"\\u017f"}},
    {"\\bs", "iu", "\\u017fs", 1, {NOMATCH}},
    {"\\bs", "iu", "\\u017f", 0, {"\\u017f"}},
    {"[^a]", "i", "A", 0, {NOMATCH}},
    {"Ǆ", "i", "ǆ", 0, {"ǆ"}},
    {"𐐀", "iu", "𐐨", 0, {"𐐨"}},
    {"İ", "iu", "i", 0, {NOMATCH}},
    /* Unicode properties */
    {"\\p{L}+", "u", "1aé2", 0, {"aé"}},
    {"\\p{Letter}", "u", "1b", 0, {"b"}},
    {"\\p{Lu}", "u", "aB", 0, {"B"}},
    {"\\p{gc=Lu}", "u", "aB", 0, {"B"}},
    {"\\p{General_Category=Uppercase_Letter}", "u", "aB", 0, {"B"}},
    {"\\P{L}", "u", "ab1", 0, {"1"}},
    {"\\p{Script=Greek}", "u", "aα", 0, {"α"}},
    {"\\p{sc=Grek}", "u", "aα", 0, {"α"}},
    {"\\p{scx=Cyrl}", "u", "aж", 0, {"ж"}},
    {"\\p{Alphabetic}", "u", "1é", 0, {"é"}},
    {"\\p{White_Space}", "u", "a\xe3\x80\x80", 0, {"\xe3\x80\x80"}},
    {"\\p{ASCII}+", "u", "éab", 0, {"ab"}},
    {"\\p{Any}", "u", "😀", 0, {"😀"}},
    {"\\p{Emoji}", "u", "a😀", 0, {"😀"}},
    {"\\p{ID_Start}", "u", "1a", 0, {"a"}},
    {"\\p{AHex}+", "u", "xfF9g", 0, {"fF9"}},
    {"[\\p{Nd}a]+", "u", "-a1١-", 0, {"a1١"}},
    {"[^\\p{L}]", "u", "a1", 0, {"1"}},
    {"\\p{Lu}", "iu", "a", 0, {"a"}},
    {"\\p{lu}", "u", "", 0, {SYNTAX}},
    {"\\p{L=Lu}", "u", "", 0, {SYNTAX}},
    {"\\p{Assigned}", "u", "\\uFFFFx", 0, {"x"}},
    {"\\p{Noncharacter_Code_Point}", "u", "a\xf4\x8f\xbf\xbf", 0, {"\xf4\x8f\xbf\xbf"}},
    {"\\p{Noncharacter_Code_Point}", "u", "\xf1\x80\x80\x80", 0, {NOMATCH}},
    {"\\p{Co}", "u", "a\xf3\xb0\x80\x80", 0, {"\xf3\xb0\x80\x80"}},
    {"\\p{Cn}", "u", "a\xf1\x80\x80\x80", 0, {"\xf1\x80\x80\x80"}},
    {"\\p{Script=Han}+", "u", "a\xe6\xbc\xa2\xe5\xad\x97", 0, {"\xe6\xbc\xa2\xe5\xad\x97"}},
    {"\\p{sc=Zyyy}", "u", "a1", 0, {"1"}},
    {"\\p{Script=Zzzz}", "u", "a\\uFFFF", 0, {"\\uFFFF"}},
    {"\\p{RGI_Emoji}", "u", "", 0, {SYNTAX}},
    {"\\p{Bidi_M}+", "u", "a()", 0, {"()"}},
    {"\\p{CWKCF}", "u", "a\xc3\x9f", 0, {"\xc3\x9f"}},
    {"\\p{Changes_When_NFKC_Casefolded}", "u", "a\\u00adA", 0, {"\\u00ad"}},
    {"\\p{Script=Kawi}", "u", "a", 0, {NOMATCH}},
    {"\\p{sc=Hrkt}", "u", "", 0, {SYNTAX}},
    {"\\p{Emoji_Keycap_Sequence}", "u", "", 0, {SYNTAX}},
    {"\\p{Emoji_Keycap_Sequence}", "v", "x1\xef\xb8\x8f\xe2\x83\xa3", 0, {"1\xef\xb8\x8f\xe2\x83\xa3"}},
    {"[\\p{Emoji_Keycap_Sequence}a]+", "v", "a#\xef\xb8\x8f\xe2\x83\xa3", 0, {"a#\xef\xb8\x8f\xe2\x83\xa3"}},
    {"\\P{Emoji_Keycap_Sequence}", "v", "", 0, {SYNTAX}},
    {"(?<\\uD835\\uDC9C>.)\\k<\xf0\x9d\x92\x9c>", "", "aa", 0, {"aa", "a"}},
    {"(?<\xf0\x9d\x92\x9c>.)", "u", "a", 0, {"a", "a"}},
    {"(?<a\xe2\x80\x8c>.)", "", "a", 0, {"a", "a"}},
    {"(?<\\u{1F600}>.)", "", "", 0, {SYNTAX}},
    /* v flag: class set expressions */
    {"[\\p{L}--[a-z]]", "v", "aB", 0, {"B"}},
    {"[[a-z]&&[aeiou]]+", "v", "xaei", 0, {"aei"}},
    {"[\\q{abc|d}x]", "v", "abc", 0, {"abc"}},
    {"[\\q{abc|d}x]+", "v", "xdabcx", 0, {"xdabcx"}},
    {"[\\q{}]", "v", "a", 0, {""}},
    {"[\\q{ab|}c]", "v", "x", 0, {""}},
    {"[^\\q{ab}]", "v", "", 0, {SYNTAX}},
    {"[^\\q{a}]", "v", "ba", 0, {"b"}},
    {"[a-z&&b]", "v", "", 0, {SYNTAX}},
    {"[a&&&b]", "v", "", 0, {SYNTAX}},
    {"[a--b&&c]", "v", "", 0, {SYNTAX}},
    {"[ab--b]", "v", "", 0, {SYNTAX}},
    {"[(]", "v", "", 0, {SYNTAX}},
    {"[a|b]", "v", "", 0, {SYNTAX}},
    {"[a&&]", "v", "", 0, {SYNTAX}},
    {"[!!]", "v", "", 0, {SYNTAX}},
    {"[\\&\\!]+", "v", "&!", 0, {"&!"}},
    {"[[^a]&&[a-c]]", "v", "abc", 0, {"b"}},
    {"[\\d--3]+", "v", "1234", 0, {"12"}},
    {"[a-c]", "vi", "B", 0, {"B"}},
    {"[^[^a]]", "vi", "A", 0, {"A"}},
    {"[\\q{AB}]", "vi", "ab", 0, {"ab"}},
    {"[\\w--\\d]+", "v", "1ab2", 0, {"ab"}},
    {"[[a-c][x-z]]+", "v", "-azb-", 0, {"azb"}},
    {"[\\p{ASCII}--\\p{L}]", "v", "a1", 0, {"1"}},
    {"\\p{L}", "v", "1é", 0, {"é"}},
    {"[]", "v", "a", 0, {NOMATCH}},
    {"[^]", "v", "a", 0, {"a"}},
    {"\\P{Lu}", "iv", "a", 0, {NOMATCH}},
    {"[\\P{Lu}]", "iv", "A1", 0, {"1"}},
    {"\\P{Lu}", "iu", "A", 0, {"A"}},
    {"[\\w--a]{2}", "iv", "\\u017fa", 0, {NOMATCH}},
};

static void check_case(const struct rcase *c)
{
    char err[256];
    struct fcw_re *re = compile(c->pattern, c->flags, err, sizeof(err));
    uint16_t in[512], want[512];
    size_t n = to16(c->input, in, 512, 1);
    int caps[64], rc, i, good = 1, ncap;

    if (c->want[0] == SYNTAX) {
        ok(re == NULL && err[0], "/%s/%s is a SyntaxError (%s)", show(c->pattern), c->flags, re ? "compiled" : err);
        fcw_re_free(re);
        return;
    }
    if (!re) {
        ok(0, "/%s/%s compiles: %s", show(c->pattern), c->flags, err);
        return;
    }
    rc = fcw_re_exec(re, in, n, (size_t)c->start, caps, NULL, NULL);
    if (c->want[0] == NOMATCH) {
        ok(rc == FCW_RE_NOMATCH, "/%s/%s does not match '%s' (rc %d)", show(c->pattern), c->flags, show(c->input), rc);
        fcw_re_free(re);
        return;
    }
    ncap = fcw_re_capture_count(re);
    if (rc != FCW_RE_MATCH) {
        ok(0, "/%s/%s matches '%s' (rc %d)", show(c->pattern), c->flags, show(c->input), rc);
        fcw_re_free(re);
        return;
    }
    for (i = 0; i < ncap; i++) {
        const char *w = i < 8 ? c->want[i] : NULL;
        if (!w) {
            good = 0;
            printf("# group %d: no expectation\n", i);
            break;
        }
        if (strcmp(w, U) == 0) {
            if (caps[2 * i] != -1) {
                good = 0;
                printf("# group %d: want undefined, got %d..%d\n", i, caps[2 * i], caps[2 * i + 1]);
            }
            continue;
        }
        n = to16(w, want, 512, 1);
        if (caps[2 * i] < 0 || (size_t)(caps[2 * i + 1] - caps[2 * i]) != n ||
            memcmp(in + caps[2 * i], want, n * 2) != 0) {
            good = 0;
            printf("# group %d: want '%s', got %d..%d\n", i, show(w), caps[2 * i], caps[2 * i + 1]);
        }
    }
    if (i < 8 && i == ncap && c->want[i]) {
        good = 0;
        printf("# %d groups, more expected\n", ncap);
    }
    ok(good, "/%s/%s on '%s' from %d", show(c->pattern), c->flags, show(c->input), c->start);
    fcw_re_free(re);
}

struct counter {
    long calls, stop_after;
};

static int count_cb(void *opaque)
{
    struct counter *k = opaque;
    return ++k->calls >= k->stop_after;
}

static void test_interrupt(void)
{
    char err[128];
    struct fcw_re *re = compile("(a+)+$", "", err, sizeof(err));
    uint16_t in[64];
    size_t n = to16("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", in, 64, 0);
    int caps[4], rc;
    struct counter k = {0, 3};

    rc = fcw_re_exec(re, in, n, 0, caps, count_cb, &k);
    ok(rc == FCW_RE_INTERRUPTED && k.calls == 3, "catastrophic pattern is interrupted by the callback (%d, %ld calls)",
       rc, k.calls);
    k.calls = 0;
    k.stop_after = 1000000;
    n = to16("aaaaaaaaaaaaaab", in, 64, 0);
    rc = fcw_re_exec(re, in, n, 0, caps, count_cb, &k);
    ok(rc == FCW_RE_NOMATCH && k.calls > 0, "a callback that never stops is called and the match ends (%ld calls)",
       k.calls);
    fcw_re_free(re);
}

static void test_limits(void)
{
    char err[128], *deep = malloc(20001);
    struct fcw_re *re;
    uint16_t *in;
    int caps[4], rc, i;
    size_t n = 2000000;

    for (i = 0; i < 10000; i++) {
        deep[i] = '(';
        deep[10000 + i] = ')';
    }
    deep[20000] = 0;
    re = compile(deep, "", err, sizeof(err));
    ok(re == NULL && strstr(err, "nested"), "deep nesting is a SyntaxError: %s", err);
    memset(deep, '[', 20000);
    re = compile(deep, "", err, sizeof(err));
    ok(re == NULL, "many [ is a SyntaxError: %s", err);
    free(deep);

    /* one backtrack entry per iteration of a group: past the bound */
    re = compile("(a|b)*c", "", err, sizeof(err));
    in = malloc(n * sizeof(*in));
    for (i = 0; i < (int)n; i++)
        in[i] = 'a';
    rc = fcw_re_exec(re, in, n, 0, caps, NULL, NULL);
    ok(rc == FCW_RE_NOMEM, "backtrack stack bound gives FCW_RE_NOMEM (%d)", rc);
    fcw_re_free(re);
    /* a span needs no entry per character */
    re = compile("a*c", "", err, sizeof(err));
    in[n - 1] = 'c';
    rc = fcw_re_exec(re, in, n, 0, caps, NULL, NULL);
    ok(rc == FCW_RE_MATCH && caps[1] == (int)n, "a long span matches (%d)", rc);
    fcw_re_free(re);
    free(in);
}

/* More loops than the registers kept on the C stack, and a backtrack
 * stack that outgrows its first array: the heap paths. */
static void test_growth(void)
{
    char err[128], pat[256] = "";
    struct fcw_re *re;
    uint16_t in[2048];
    int caps[2 * 32], rc, i;
    size_t n;

    for (i = 0; i < 20; i++)
        strcat(pat, "(a)*?");
    strcat(pat, "b");
    re = compile(pat, "", err, sizeof(err));
    n = to16("aaab", in, 2048, 0);
    rc = re ? fcw_re_exec(re, in, n, 0, caps, NULL, NULL) : -9;
    ok(rc == FCW_RE_MATCH && caps[0] == 0 && caps[1] == 4 && caps[40] == 2 && caps[2] == -1,
       "20 counted loops (registers on the heap): %d %d..%d", rc, caps[0], caps[1]);
    fcw_re_free(re);
    re = compile("(a|b)*c", "", err, sizeof(err));
    for (i = 0; i < 2000; i++)
        in[i] = i % 2 ? 'a' : 'b';
    in[2000] = 'c';
    rc = fcw_re_exec(re, in, 2001, 0, caps, NULL, NULL);
    ok(rc == FCW_RE_MATCH && caps[1] == 2001 && caps[2] == 1999, "a backtrack stack grown on the heap (%d)", rc);
    rc = fcw_re_exec(re, in, 2000, 0, caps, NULL, NULL);
    ok(rc == FCW_RE_NOMATCH, "and a failure that unwinds it (%d)", rc);
    fcw_re_free(re);
}

static void test_api(void)
{
    char err[128];
    uint16_t f[16];
    unsigned fl;
    struct fcw_re *re = compile("(?<year>\\d{4})-(\\d\\d)", "gi", err, sizeof(err));

    ok(re && fcw_re_capture_count(re) == 3, "capture count includes group 0");
    ok(re && strcmp(fcw_re_group_name(re, 1), "year") == 0 && fcw_re_group_name(re, 2) == NULL &&
           fcw_re_group_name(re, 0) == NULL,
       "group names");
    ok(re && fcw_re_flags(re) == (FCW_RE_GLOBAL | FCW_RE_IGNORE_CASE), "flags kept");
    fcw_re_free(re);
    ok(fcw_re_parse_flags(f, to16("dgimsuy", f, 16, 0), &fl) == 0 && fl == 0xBF, "all flags parse");
    ok(fcw_re_parse_flags(f, to16("gg", f, 8, 0), &fl) < 0, "repeated flag rejected");
    ok(fcw_re_parse_flags(f, to16("uv", f, 8, 0), &fl) < 0, "u with v rejected");
    ok(fcw_re_parse_flags(f, to16("x", f, 8, 0), &fl) < 0, "unknown flag rejected");
}

int main(void)
{
    size_t i;

    fcw_re_init_main();
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_case(&cases[i]);
    test_interrupt();
    test_limits();
    test_growth();
    test_api();
    return done_testing();
}
