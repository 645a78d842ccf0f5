/* SPDX-License-Identifier: MIT */
/*
 * The URL Standard's host parser: IPv4 (with the legacy number forms),
 * IPv6 (with embedded IPv4) and their serializers, opaque hosts, and
 * domains through domain to ASCII. Domain to ASCII uses libidn2; see
 * domain_to_ascii() for where it differs from UTS #46 as the spec uses it.
 */
#include "url_internal.h"

#include <idn2.h>

/* ---- IPv4 and IPv6 ---- */

/* Parses an IPv4 number; returns -1 on failure, else the value capped at
 * 2^32 (anything larger is treated as too big by the caller). */
static int64_t ipv4_number(const char *s, size_t len)
{
    unsigned radix = 10;
    uint64_t v = 0;
    size_t k;

    if (len == 0)
        return -1;
    if (len >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
        s += 2;
        len -= 2;
        radix = 16;
    } else if (len >= 2 && s[0] == '0') {
        s++;
        len--;
        radix = 8;
    }
    for (k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        unsigned d;
        if (radix == 16 && is_hex(c))
            d = (unsigned)fcw_hex_value(c);
        else if (is_digit(c) && (unsigned)(c - '0') < radix)
            d = c - '0';
        else
            return -1;
        v = v * radix + d;
        if (v > 0x100000000ull)
            v = 0x100000000ull;
    }
    return (int64_t)v;
}

static int ends_in_number(const char *s, size_t len)
{
    size_t start, k;

    if (len > 0 && s[len - 1] == '.')
        len--;
    start = len;
    while (start > 0 && s[start - 1] != '.')
        start--;
    if (start == len)
        return 0;
    for (k = start; k < len && is_digit((unsigned char)s[k]); k++)
        ;
    if (k == len)
        return 1;
    return ipv4_number(s + start, len - start) >= 0;
}

/* The IPv4 parser: 1 and *addr on success, -1 on failure. */
static int ipv4_parse(const char *s, size_t len, uint32_t *addr)
{
    int64_t parts[4];
    size_t count = 0, start = 0, k;
    uint64_t v;

    if (len > 0 && s[len - 1] == '.')
        len--;
    for (k = 0; k <= len; k++) {
        if (k < len && s[k] != '.')
            continue;
        if (count == 4)
            return -1;
        parts[count] = ipv4_number(s + start, k - start);
        if (parts[count] < 0)
            return -1;
        count++;
        start = k + 1;
    }
    for (k = 0; k + 1 < count; k++)
        if (parts[k] > 255)
            return -1;
    if ((uint64_t)parts[count - 1] >= (1ull << (8 * (5 - count))))
        return -1;
    v = (uint64_t)parts[count - 1];
    for (k = 0; k + 1 < count; k++)
        v += (uint64_t)parts[k] << (8 * (3 - k));
    *addr = (uint32_t)v;
    return 0;
}

static void ipv4_serialize(uint32_t addr, struct sbuf *out)
{
    char tmp[16];
    int k, n = 0;

    for (k = 3; k >= 0; k--) {
        unsigned part = (addr >> (8 * k)) & 255;
        if (part >= 100)
            tmp[n++] = (char)('0' + part / 100);
        if (part >= 10)
            tmp[n++] = (char)('0' + part / 10 % 10);
        tmp[n++] = (char)('0' + part % 10);
        if (k)
            tmp[n++] = '.';
    }
    sbuf_add(out, tmp, (size_t)n);
}

/* The embedded IPv4 part of an IPv6 address, at in[*p]. */
static int ipv6_parse_v4(const uint32_t *in, size_t n, size_t *p, uint16_t *addr, int *piece)
{
    int numbers_seen = 0;

    if (*piece > 6)
        return -1;
    while (*p < n) {
        int v4 = -1;
        if (numbers_seen > 0) {
            if (in[*p] == '.' && numbers_seen < 4)
                (*p)++;
            else
                return -1;
        }
        if (*p >= n || !is_digit(in[*p]))
            return -1;
        while (*p < n && is_digit(in[*p])) {
            int d = (int)(in[*p] - '0');
            if (v4 < 0)
                v4 = d;
            else if (v4 == 0)
                return -1;
            else
                v4 = v4 * 10 + d;
            if (v4 > 255)
                return -1;
            (*p)++;
        }
        addr[*piece] = (uint16_t)(addr[*piece] * 0x100 + v4);
        numbers_seen++;
        if (numbers_seen == 2 || numbers_seen == 4)
            (*piece)++;
    }
    return numbers_seen == 4 ? 0 : -1;
}

static int ipv6_parse(const uint32_t *in, size_t n, uint16_t *addr)
{
    int piece = 0, compress = -1;
    size_t p = 0;

    memset(addr, 0, 8 * sizeof *addr);
    if (n > 0 && in[0] == ':') {
        if (n < 2 || in[1] != ':')
            return -1;
        p = 2;
        compress = ++piece;
    }
    while (p < n) {
        unsigned value = 0, length = 0;
        if (piece == 8)
            return -1;
        if (in[p] == ':') {
            if (compress >= 0)
                return -1;
            p++;
            compress = ++piece;
            continue;
        }
        while (length < 4 && p < n && is_hex(in[p])) {
            value = value * 16 + (unsigned)fcw_hex_value(in[p]);
            p++;
            length++;
        }
        if (p < n && in[p] == '.') {
            if (length == 0)
                return -1;
            p -= length;
            if (ipv6_parse_v4(in, n, &p, addr, &piece) < 0)
                return -1;
            break;
        } else if (p < n && in[p] == ':') {
            p++;
            if (p >= n)
                return -1;
        } else if (p < n) {
            return -1;
        }
        addr[piece++] = (uint16_t)value;
    }
    if (compress >= 0) {
        int swaps = piece - compress;
        piece = 7;
        while (piece != 0 && swaps > 0) {
            uint16_t t = addr[piece];
            addr[piece] = addr[compress + swaps - 1];
            addr[compress + swaps - 1] = t;
            piece--;
            swaps--;
        }
    } else if (piece != 8) {
        return -1;
    }
    return 0;
}

static int ipv6_compress_index(const uint16_t *addr)
{
    int best = -1, best_len = 1, k = 0;

    while (k < 8) {
        int start = k;
        while (k < 8 && addr[k] == 0)
            k++;
        if (k - start > best_len) {
            best = start;
            best_len = k - start;
        }
        if (k == start)
            k++;
    }
    return best;
}

static void ipv6_serialize(const uint16_t *addr, struct sbuf *out)
{
    int compress = ipv6_compress_index(addr), ignore0 = 0, k;
    char tmp[8];

    sbuf_addc(out, '[');
    for (k = 0; k < 8; k++) {
        int shift, n = 0, started = 0;
        if (ignore0 && addr[k] == 0)
            continue;
        ignore0 = 0;
        if (compress == k) {
            sbuf_add(out, k == 0 ? "::" : ":", k == 0 ? 2 : 1);
            ignore0 = 1;
            continue;
        }
        for (shift = 12; shift >= 0; shift -= 4) {
            unsigned d = (addr[k] >> shift) & 15;
            if (d || started || shift == 0) {
                tmp[n++] = "0123456789abcdef"[d];
                started = 1;
            }
        }
        sbuf_add(out, tmp, (size_t)n);
        if (k != 7)
            sbuf_addc(out, ':');
    }
    sbuf_addc(out, ']');
}

/* ---- hosts ---- */

static int forbidden_host_cp(uint32_t c)
{
    switch (c) {
    case 0:
    case '\t':
    case '\n':
    case '\r':
    case ' ':
    case '#':
    case '/':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '^':
    case '|': return 1;
    }
    return 0;
}

static int forbidden_domain_cp(uint32_t c)
{
    return forbidden_host_cp(c) || c <= 0x1F || c == '%' || c == 0x7F;
}

static int ascii_needs_idna(const char *s, size_t len)
{
    size_t k;

    for (k = 0; k < len; k++) {
        if ((unsigned char)s[k] >= 0x80)
            return 1;
        if ((k == 0 || s[k - 1] == '.') && k + 4 <= len && (s[k] | 0x20) == 'x' && (s[k + 1] | 0x20) == 'n' &&
            s[k + 2] == '-' && s[k + 3] == '-')
            return 1;
    }
    return 0;
}

/* Whether s holds a UTS #46 deviation character (ß, ς, ZWNJ, ZWJ), the only
 * ones transitional and non-transitional processing treat differently. */
static int has_deviation(const char *s, size_t len)
{
    size_t k;

    for (k = 0; k + 1 < len; k++) {
        unsigned char a = (unsigned char)s[k], b = (unsigned char)s[k + 1];
        if ((a == 0xC3 && b == 0x9F) || (a == 0xCF && b == 0x82))
            return 1;
        if (a == 0xE2 && b == 0x80 && k + 2 < len && (s[k + 2] == (char)0x8C || s[k + 2] == (char)0x8D))
            return 1;
    }
    return 0;
}

/* One libidn2 call on a NUL-terminated domain; IDN2_OK or its error. */
static int idn2_ascii(const char *domain, size_t len, struct sbuf *out)
{
    int flags = has_deviation(domain, len) ? IDN2_NONTRANSITIONAL : IDN2_TRANSITIONAL;
    char *result = NULL;
    int rc = idn2_lookup_u8((const uint8_t *)domain, (uint8_t **)&result, flags);

    if (rc == IDN2_OK) {
        sbuf_add(out, result, strlen(result));
        idn2_free(result);
    }
    return rc;
}

static size_t label_end(const char *s, size_t start, size_t len)
{
    while (start < len && s[start] != '.')
        start++;
    return start;
}

/* Label by label, so that ASCII labels skip libidn2's hyphen checks. */
static int labelwise_to_ascii(char *domain, size_t len, struct sbuf *out)
{
    size_t start = 0, end;
    int rc = IDN2_OK;

    for (;;) {
        end = label_end(domain, start, len);
        if (!ascii_needs_idna(domain + start, end - start)) {
            for (; start < end; start++)
                sbuf_addc(out, (domain[start] >= 'A' && domain[start] <= 'Z') ? (char)(domain[start] | 0x20)
                                                                              : domain[start]);
        } else {
            char saved = domain[end];
            domain[end] = 0;
            rc = idn2_ascii(domain + start, end - start, out);
            domain[end] = saved;
            if (rc != IDN2_OK)
                return rc;
        }
        if (end >= len)
            return rc;
        sbuf_addc(out, '.');
        start = end + 1;
    }
}

/*
 * UTS #46 ToASCII with the URL Standard's parameters. ASCII input without
 * "xn--" labels is just lowercased (the spec's own shortcut). The rest goes
 * to libidn2, whose non-transitional mode also applies IDNA2008's stricter
 * rules (it rejects symbols such as U+2603), so transitional mode is used
 * unless a deviation character is present, where the two modes agree.
 * libidn2 always applies CheckHyphens; when it fails on hyphens the domain
 * is retried label by label, ASCII labels bypassing it, so only non-ASCII
 * labels with "--" at 3-4 or a leading/trailing hyphen still fail. Other
 * deviations: libidn2 enforces VerifyDnsLength (labels over 63 octets) and
 * its Unicode tables may be older than the spec's.
 */
static int domain_to_ascii(const char *domain, size_t len, struct sbuf *out)
{
    char *tmp;
    size_t k;
    int rc;

    if (!ascii_needs_idna(domain, len)) {
        if (sbuf_reserve(out, len) < 0)
            return -1;
        for (k = 0; k < len; k++) {
            char c = domain[k];
            out->p[out->len++] = (c >= 'A' && c <= 'Z') ? (char)(c | 0x20) : c;
        }
        return len ? 0 : -1;
    }
    tmp = malloc(len + 1);
    if (!tmp)
        return -1;
    memcpy(tmp, domain, len);
    tmp[len] = 0;
    rc = idn2_ascii(tmp, len, out);
    if (rc == IDN2_2HYPHEN || rc == IDN2_HYPHEN_STARTEND) {
        out->len = 0;
        rc = labelwise_to_ascii(tmp, len, out);
    }
    free(tmp);
    return rc == IDN2_OK && out->len ? 0 : -1;
}

static int opaque_host_parse(const uint32_t *in, size_t n, struct sbuf *out)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (forbidden_host_cp(in[k]))
            return -1;
    for (k = 0; k < n; k++)
        fcw_url_pe_add(out, in[k], PE_C0);
    return 0;
}

/* The host parser's "domain": percent-decoded, then UTF-8 decoded with
 * replacement, as UTF-8 into out. Plain ASCII input is copied as it is. */
static int host_domain_utf8(const uint32_t *in, size_t n, struct sbuf *out)
{
    struct sbuf raw;
    size_t k, len;

    for (k = 0; k < n && in[k] < 0x80 && in[k] != '%'; k++)
        ;
    if (k == n) {
        if (sbuf_reserve(out, n) < 0)
            return -1;
        for (k = 0; k < n; k++)
            out->p[out->len++] = (char)in[k];
        return 0;
    }
    sbuf_init(&raw);
    for (k = 0; k < n; k++) {
        char u[4];
        sbuf_add(&raw, u, fcw_utf8_put(in[k], (unsigned char *)u));
    }
    len = raw.oom ? 0 : fcw_url_percent_decode(raw.p, raw.len, raw.p);
    for (k = 0; k < len;) {
        char u[4];
        sbuf_add(out, u, fcw_utf8_put(fcw_utf8_get((unsigned char *)raw.p, len, &k, 0), (unsigned char *)u));
    }
    k = raw.oom;
    sbuf_release(&raw);
    return k || out->oom ? -1 : 0;
}

/* Domain host: decode, ToASCII, forbidden code points, then IPv4 check. */
static int domain_host_parse(const uint32_t *in, size_t n, struct sbuf *out)
{
    struct sbuf domain, ascii;
    size_t k;
    int rc = -1;
    uint32_t addr;

    sbuf_init(&domain);
    sbuf_init(&ascii);
    if (host_domain_utf8(in, n, &domain) < 0 || domain_to_ascii(domain.p, domain.len, &ascii) < 0 || ascii.oom)
        goto done;
    for (k = 0; k < ascii.len; k++)
        if (forbidden_domain_cp((unsigned char)ascii.p[k]))
            goto done;
    if (ends_in_number(ascii.p, ascii.len)) {
        if (ipv4_parse(ascii.p, ascii.len, &addr) < 0)
            goto done;
        ipv4_serialize(addr, out);
    } else {
        sbuf_add(out, ascii.p, ascii.len);
    }
    rc = 0;
done:
    sbuf_release(&domain);
    sbuf_release(&ascii);
    return rc;
}

static int host_parse_into(const uint32_t *in, size_t n, int special, struct sbuf *out)
{
    uint16_t addr[8];

    if (n > 0 && in[0] == '[') {
        if (in[n - 1] != ']' || n < 2 || ipv6_parse(in + 1, n - 2, addr) < 0)
            return -1;
        ipv6_serialize(addr, out);
        return 0;
    }
    if (!special)
        return opaque_host_parse(in, n, out);
    return domain_host_parse(in, n, out);
}

/* The host parser: on success the serialized host replaces out's content,
 * on failure out is left as it was. */
int fcw_url_host_parse(const uint32_t *in, size_t n, int special, struct sbuf *out)
{
    struct sbuf host;
    int rc;

    sbuf_init(&host);
    rc = host_parse_into(in, n, special, &host);
    if (rc == 0 && !host.oom)
        sbuf_set(out, host.p, host.len);
    sbuf_release(&host);
    return rc;
}
