/*
 * The WHATWG URL Standard's basic URL parser, host parser and serializer.
 *
 * Parsing works on the input as an array of Unicode scalar values and builds
 * a URL record (one growable buffer per component, with inline storage so
 * short URLs need no allocation); the record is then serialized into one
 * malloc'd href with component offsets (struct fcw_url). The setters turn
 * the href back into a record, run the state machine with a state override
 * and serialize again. Each state of the spec's state machine is one small
 * function below, named after it. Domain to ASCII uses libidn2; see
 * domain_to_ascii() for where it differs from UTS #46 as the spec uses it.
 */
#include "url.h"

#include <idn2.h>
#include <stdlib.h>
#include <string.h>

#define CP_EOF 0xFFFFFFFFu
#define INPUT_INLINE 256

/* A growable byte string; inline storage first. */
struct sbuf {
    char *p;
    size_t len, cap;
    int oom;
    char inl[48];
};

struct record {
    struct sbuf scheme, username, password, host, path, query, fragment;
    int32_t port;
    unsigned char has_host, has_query, has_fragment, opaque_path, special;
};

enum state {
    S_SCHEME_START,
    S_SCHEME,
    S_NO_SCHEME,
    S_SPECIAL_RELATIVE_OR_AUTHORITY,
    S_PATH_OR_AUTHORITY,
    S_RELATIVE,
    S_RELATIVE_SLASH,
    S_SPECIAL_AUTHORITY_SLASHES,
    S_SPECIAL_AUTHORITY_IGNORE_SLASHES,
    S_AUTHORITY,
    S_HOST,
    S_HOSTNAME,
    S_PORT,
    S_FILE,
    S_FILE_SLASH,
    S_FILE_HOST,
    S_PATH_START,
    S_PATH,
    S_OPAQUE_PATH,
    S_QUERY,
    S_FRAGMENT,
    S_NONE
};

enum step { STEP_CONTINUE = 0, STEP_RETURN = 1, STEP_FAILURE = -1 };

struct parser {
    const uint32_t *in;
    long n, i;
    struct record *url;
    const struct fcw_url *base;
    enum state state, override;
    long buf_start;
    size_t seg_start;
    unsigned char at_sign_seen, inside_brackets, password_token_seen, seg_open;
};

enum pe_set { PE_C0, PE_FRAGMENT, PE_QUERY, PE_SPECIAL_QUERY, PE_PATH, PE_USERINFO, PE_COMPONENT, PE_FORM };

/* ---- byte strings ---- */

static void sbuf_init(struct sbuf *b)
{
    b->p = b->inl;
    b->len = 0;
    b->cap = sizeof b->inl;
    b->oom = 0;
}

static void sbuf_release(struct sbuf *b)
{
    if (b->p != b->inl)
        free(b->p);
    sbuf_init(b);
}

static int sbuf_reserve(struct sbuf *b, size_t extra)
{
    size_t cap = b->cap;
    char *p;

    if (b->oom)
        return -1;
    if (b->len + extra <= cap)
        return 0;
    while (cap < b->len + extra)
        cap *= 2;
    p = malloc(cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    memcpy(p, b->p, b->len);
    if (b->p != b->inl)
        free(b->p);
    b->p = p;
    b->cap = cap;
    return 0;
}

static void sbuf_add(struct sbuf *b, const char *s, size_t len)
{
    if (sbuf_reserve(b, len) == 0) {
        memcpy(b->p + b->len, s, len);
        b->len += len;
    }
}

static void sbuf_addc(struct sbuf *b, char c)
{
    if (sbuf_reserve(b, 1) == 0)
        b->p[b->len++] = c;
}

static void sbuf_set(struct sbuf *b, const char *s, size_t len)
{
    b->len = 0;
    sbuf_add(b, s, len);
}

static int sbuf_eq(const struct sbuf *b, const char *s)
{
    size_t len = strlen(s);
    return b->len == len && memcmp(b->p, s, len) == 0;
}

/* ---- code points ---- */

static int is_alpha(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int is_hex(uint32_t c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static int hex_value(uint32_t c)
{
    return is_digit(c) ? (int)(c - '0') : (int)((c | 0x20) - 'a' + 10);
}

static size_t utf8_encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/*
 * Decodes one code point at s[*i]. With cesu set, surrogates encoded as
 * three bytes are accepted (Duktape's internal form) and a high/low pair is
 * combined; a lone one becomes U+FFFD. Invalid bytes become U+FFFD per
 * maximal subpart, as the Encoding Standard's UTF-8 decoder does.
 */
static uint32_t utf8_decode(const unsigned char *s, size_t len, size_t *i, int cesu)
{
    unsigned char b = s[*i];
    uint32_t c;
    unsigned need, k;
    unsigned char lo = 0x80, hi = 0xBF;

    (*i)++;
    if (b < 0x80)
        return b;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED && !cesu)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else {
        return 0xFFFD;
    }
    for (k = 0; k < need; k++) {
        if (*i >= len || s[*i] < lo || s[*i] > hi)
            return 0xFFFD;
        c = (c << 6) | (s[*i] & 0x3F);
        (*i)++;
        lo = 0x80;
        hi = 0xBF;
    }
    if (c >= 0xD800 && c <= 0xDBFF && *i + 2 < len && s[*i] == 0xED && s[*i + 1] >= 0xB0 &&
        s[*i + 1] <= 0xBF && (s[*i + 2] & 0xC0) == 0x80) {
        uint32_t low = 0xD000 | ((uint32_t)(s[*i + 1] & 0x3F) << 6) | (s[*i + 2] & 0x3F);
        *i += 3;
        return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
    if (c >= 0xD800 && c <= 0xDFFF)
        return 0xFFFD;
    return c;
}

size_t fcw_url_to_scalar_utf8(const char *in, size_t len, char *out)
{
    size_t i = 0, o = 0;

    while (i < len)
        o += utf8_encode(utf8_decode((const unsigned char *)in, len, &i, 1), out + o);
    return o;
}

/* ---- percent-encoding ---- */

/* Bit n set: the ASCII code point is in percent-encode set n (enum pe_set). */
static const unsigned char pe_table[128] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFE, 0x80, 0xFE, 0xFC, 0xC0, 0xC0, 0xC0, 0x88,
    0x80, 0x80, 0x00, 0xC0, 0xC0, 0x00, 0x00, 0xE0,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0xE0, 0xE0, 0xFE, 0xE0, 0xFE, 0xF0,
    0xE0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0xE0, 0xE0, 0xE0, 0xE0, 0x00,
    0xF2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0xF0, 0xE0, 0xF0, 0x80, 0xFF,
};

static int pe_in_set(enum pe_set set, uint32_t c)
{
    return c > 0x7E || ((pe_table[c] >> set) & 1);
}

static const char hex_digits[] = "0123456789ABCDEF";

static void pe_add(struct sbuf *b, uint32_t c, enum pe_set set)
{
    char u[4];
    size_t n, k;

    if (c < 0x80 && !pe_in_set(set, c)) {
        sbuf_addc(b, (char)c);
        return;
    }
    n = utf8_encode(c, u);
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
static size_t percent_decode(const char *s, size_t len, char *out)
{
    size_t i, o = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == '%' && i + 2 < len && is_hex((unsigned char)s[i + 1]) &&
            is_hex((unsigned char)s[i + 2])) {
            out[o++] = (char)(hex_value((unsigned char)s[i + 1]) * 16 + hex_value((unsigned char)s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    return o;
}

/* ---- schemes ---- */

static int special_port(const char *s, size_t len)
{
    if (len == 4 && memcmp(s, "http", 4) == 0)
        return 80;
    if (len == 5 && memcmp(s, "https", 5) == 0)
        return 443;
    if (len == 2 && memcmp(s, "ws", 2) == 0)
        return 80;
    if (len == 3 && memcmp(s, "wss", 3) == 0)
        return 443;
    if (len == 3 && memcmp(s, "ftp", 3) == 0)
        return 21;
    if (len == 4 && memcmp(s, "file", 4) == 0)
        return 0;
    return -1;
}

static int is_special(const char *s, size_t len)
{
    return special_port(s, len) >= 0;
}

static void record_set_scheme(struct record *url, const char *s, size_t len)
{
    sbuf_set(&url->scheme, s, len);
    url->special = (unsigned char)is_special(s, len);
}

static int record_is_file(const struct record *url)
{
    return sbuf_eq(&url->scheme, "file");
}

static int record_has_credentials(const struct record *url)
{
    return url->username.len > 0 || url->password.len > 0;
}

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
            d = (unsigned)hex_value(c);
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
            value = value * 16 + (unsigned)hex_value(in[p]);
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
    case 0: case '\t': case '\n': case '\r': case ' ': case '#': case '/': case ':':
    case '<': case '>': case '?': case '@': case '[': case '\\': case ']': case '^': case '|':
        return 1;
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
        if ((k == 0 || s[k - 1] == '.') && k + 4 <= len && (s[k] | 0x20) == 'x' &&
            (s[k + 1] | 0x20) == 'n' && s[k + 2] == '-' && s[k + 3] == '-')
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
                sbuf_addc(out, (domain[start] >= 'A' && domain[start] <= 'Z') ? (char)(domain[start] | 0x20) : domain[start]);
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
        pe_add(out, in[k], PE_C0);
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
        sbuf_add(&raw, u, utf8_encode(in[k], u));
    }
    len = raw.oom ? 0 : percent_decode(raw.p, raw.len, raw.p);
    for (k = 0; k < len;) {
        char u[4];
        sbuf_add(out, u, utf8_encode(utf8_decode((unsigned char *)raw.p, len, &k, 0), u));
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
static int host_parse(const uint32_t *in, size_t n, int special, struct sbuf *out)
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

/* ---- paths ---- */

static int is_drive_letter(const char *s, size_t len, int normalized)
{
    return len == 2 && is_alpha((unsigned char)s[0]) && (s[1] == ':' || (!normalized && s[1] == '|'));
}

static int starts_with_drive_letter(const uint32_t *in, long n)
{
    if (n < 2 || !is_alpha(in[0]) || (in[1] != ':' && in[1] != '|'))
        return 0;
    return n == 2 || in[2] == '/' || in[2] == '\\' || in[2] == '?' || in[2] == '#';
}

/* path is serialized ("/a/b"); the first segment is a normalized drive letter. */
static int path_starts_with_drive(const char *path, size_t len)
{
    return len >= 3 && path[0] == '/' && is_drive_letter(path + 1, 2, 1) && (len == 3 || path[3] == '/');
}

static void shorten_path(struct record *url)
{
    struct sbuf *path = &url->path;

    if (record_is_file(url) && path->len == 3 && path_starts_with_drive(path->p, path->len))
        return;
    while (path->len > 0 && path->p[path->len - 1] != '/')
        path->len--;
    if (path->len > 0)
        path->len--;
}

static int seg_is(const char *s, size_t len, int dots)
{
    size_t k = 0;
    int seen = 0;

    while (k < len) {
        if (s[k] == '.')
            k++;
        else if (k + 3 <= len && s[k] == '%' && s[k + 1] == '2' && (s[k + 2] | 0x20) == 'e')
            k += 3;
        else
            return 0;
        seen++;
    }
    return seen == dots;
}

/* ---- the states ---- */

static uint32_t cp_at(const struct parser *p, long i)
{
    return (i >= 0 && i < p->n) ? p->in[i] : CP_EOF;
}

static int is_slash(const struct parser *p, uint32_t c)
{
    return c == '/' || (p->url->special && c == '\\');
}

static void start_buffer(struct parser *p)
{
    p->buf_start = p->i + 1;
}

static void copy_base_part(struct sbuf *to, const struct fcw_url *b, uint32_t start, uint32_t end)
{
    sbuf_set(to, b->href + start, end - start);
}

static uint32_t base_query_end(const struct fcw_url *b)
{
    return b->fragment_start != FCW_URL_OMITTED ? b->fragment_start : b->href_len;
}

static void copy_base_authority(struct parser *p)
{
    const struct fcw_url *b = p->base;
    struct record *url = p->url;

    copy_base_part(&url->username, b, b->username_start, b->username_end);
    copy_base_part(&url->password, b, b->password_start, b->password_end);
    copy_base_part(&url->host, b, b->host_start, b->host_end);
    url->has_host = b->has_host;
    url->port = b->port;
}

static void copy_base_query(struct parser *p)
{
    const struct fcw_url *b = p->base;

    p->url->has_query = b->query_start != FCW_URL_OMITTED;
    if (p->url->has_query)
        copy_base_part(&p->url->query, b, b->query_start + 1, base_query_end(b));
    else
        p->url->query.len = 0;
}

static int base_is_file(const struct fcw_url *b)
{
    return b && b->scheme_end == 4 && memcmp(b->href, "file", 4) == 0;
}

static void begin_query(struct parser *p)
{
    p->url->has_query = 1;
    p->url->query.len = 0;
    p->state = S_QUERY;
}

static void begin_fragment(struct parser *p)
{
    p->url->has_fragment = 1;
    p->url->fragment.len = 0;
    p->state = S_FRAGMENT;
}

static enum step st_scheme_start(struct parser *p, uint32_t c)
{
    if (c != CP_EOF && is_alpha(c)) {
        p->buf_start = p->i;
        p->state = S_SCHEME;
    } else if (p->override == S_NONE) {
        p->state = S_NO_SCHEME;
        p->i--;
    } else {
        return STEP_FAILURE;
    }
    return STEP_CONTINUE;
}

static enum step scheme_apply(struct parser *p, const char *buf, size_t len)
{
    struct record *url = p->url;

    if (p->override != S_NONE) {
        if (url->special != is_special(buf, len))
            return STEP_RETURN;
        if ((record_has_credentials(url) || url->port >= 0) && len == 4 && memcmp(buf, "file", 4) == 0)
            return STEP_RETURN;
        if (record_is_file(url) && url->has_host && url->host.len == 0)
            return STEP_RETURN;
    }
    record_set_scheme(url, buf, len);
    if (p->override != S_NONE) {
        if (url->port == special_port(buf, len))
            url->port = -1;
        return STEP_RETURN;
    }
    return STEP_CONTINUE;
}

static enum step st_scheme_colon(struct parser *p)
{
    char buf[64], *heap = NULL, *s = buf;
    size_t len = (size_t)(p->i - p->buf_start), k;
    enum step r;
    struct record *url = p->url;

    if (len > sizeof buf && !(s = heap = malloc(len)))
        return STEP_FAILURE;
    for (k = 0; k < len; k++)
        s[k] = (char)(p->in[p->buf_start + (long)k] | 0x20);
    r = scheme_apply(p, s, len);
    free(heap);
    if (r != STEP_CONTINUE)
        return r;
    if (record_is_file(url)) {
        p->state = S_FILE;
    } else if (url->special && p->base && p->base->scheme_end == url->scheme.len &&
               memcmp(p->base->href, url->scheme.p, url->scheme.len) == 0) {
        p->state = S_SPECIAL_RELATIVE_OR_AUTHORITY;
    } else if (url->special) {
        p->state = S_SPECIAL_AUTHORITY_SLASHES;
    } else if (cp_at(p, p->i + 1) == '/') {
        p->state = S_PATH_OR_AUTHORITY;
        p->i++;
    } else {
        url->opaque_path = 1;
        url->path.len = 0;
        p->state = S_OPAQUE_PATH;
    }
    return STEP_CONTINUE;
}

static enum step st_scheme(struct parser *p, uint32_t c)
{
    if (c != CP_EOF && (is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'))
        return STEP_CONTINUE;
    if (c == ':')
        return st_scheme_colon(p);
    if (p->override != S_NONE)
        return STEP_FAILURE;
    p->state = S_NO_SCHEME;
    p->i = -1;
    return STEP_CONTINUE;
}

static enum step st_no_scheme(struct parser *p, uint32_t c)
{
    const struct fcw_url *b = p->base;
    struct record *url = p->url;

    if (!b || (b->opaque_path && c != '#'))
        return STEP_FAILURE;
    if (b->opaque_path) {
        record_set_scheme(url, b->href, b->scheme_end);
        copy_base_part(&url->path, b, b->path_start, b->path_end);
        url->opaque_path = 1;
        copy_base_query(p);
        begin_fragment(p);
    } else {
        p->state = base_is_file(b) ? S_FILE : S_RELATIVE;
        p->i--;
    }
    return STEP_CONTINUE;
}

static enum step st_special_relative_or_authority(struct parser *p, uint32_t c)
{
    if (c == '/' && cp_at(p, p->i + 1) == '/') {
        p->state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES;
        p->i++;
    } else {
        p->state = S_RELATIVE;
        p->i--;
    }
    return STEP_CONTINUE;
}

static enum step st_path_or_authority(struct parser *p, uint32_t c)
{
    if (c == '/') {
        p->state = S_AUTHORITY;
        start_buffer(p);
    } else {
        p->state = S_PATH;
        p->i--;
    }
    return STEP_CONTINUE;
}

static enum step st_relative(struct parser *p, uint32_t c)
{
    const struct fcw_url *b = p->base;
    struct record *url = p->url;

    record_set_scheme(url, b->href, b->scheme_end);
    if (is_slash(p, c)) {
        p->state = S_RELATIVE_SLASH;
        return STEP_CONTINUE;
    }
    copy_base_authority(p);
    copy_base_part(&url->path, b, b->path_start, b->path_end);
    copy_base_query(p);
    if (c == '?') {
        begin_query(p);
    } else if (c == '#') {
        begin_fragment(p);
    } else if (c != CP_EOF) {
        url->has_query = 0;
        shorten_path(url);
        p->state = S_PATH;
        p->i--;
    }
    return STEP_CONTINUE;
}

static enum step st_relative_slash(struct parser *p, uint32_t c)
{
    if (is_slash(p, c)) {
        if (p->url->special) {
            p->state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else {
            p->state = S_AUTHORITY;
            start_buffer(p);
        }
        return STEP_CONTINUE;
    }
    copy_base_authority(p);
    p->state = S_PATH;
    p->i--;
    return STEP_CONTINUE;
}

static enum step st_special_authority_slashes(struct parser *p, uint32_t c)
{
    p->state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES;
    if (c == '/' && cp_at(p, p->i + 1) == '/')
        p->i++;
    else
        p->i--;
    return STEP_CONTINUE;
}

static enum step st_special_authority_ignore_slashes(struct parser *p, uint32_t c)
{
    if (c != '/' && c != '\\') {
        p->state = S_AUTHORITY;
        p->i--;
        p->buf_start = p->i + 1;
    }
    return STEP_CONTINUE;
}

static void authority_take_userinfo(struct parser *p)
{
    struct record *url = p->url;
    long k;

    if (p->at_sign_seen)
        sbuf_add(p->password_token_seen ? &url->password : &url->username, "%40", 3);
    p->at_sign_seen = 1;
    for (k = p->buf_start; k < p->i; k++) {
        if (p->in[k] == ':' && !p->password_token_seen) {
            p->password_token_seen = 1;
            continue;
        }
        pe_add(p->password_token_seen ? &url->password : &url->username, p->in[k], PE_USERINFO);
    }
    start_buffer(p);
}

static enum step st_authority(struct parser *p, uint32_t c)
{
    if (c == '@') {
        authority_take_userinfo(p);
    } else if (c == CP_EOF || c == '/' || c == '?' || c == '#' || (p->url->special && c == '\\')) {
        if (p->at_sign_seen && p->i == p->buf_start)
            return STEP_FAILURE;
        p->i = p->buf_start - 1;
        p->state = S_HOST;
    }
    return STEP_CONTINUE;
}

/* Host-parses the buffer, which ends before the current code point. */
static enum step set_host_from_buffer(struct parser *p)
{
    struct record *url = p->url;

    if (host_parse(p->in + p->buf_start, (size_t)(p->i - p->buf_start), url->special, &url->host) < 0)
        return STEP_FAILURE;
    url->has_host = 1;
    return STEP_CONTINUE;
}

static enum step st_host(struct parser *p, uint32_t c)
{
    struct record *url = p->url;

    if (p->override != S_NONE && record_is_file(url)) {
        p->i--;
        p->state = S_FILE_HOST;
        return STEP_CONTINUE;
    }
    if (c == ':' && !p->inside_brackets) {
        if (p->i == p->buf_start)
            return STEP_FAILURE;
        if (p->override == S_HOSTNAME)
            return STEP_RETURN;
        if (set_host_from_buffer(p) != STEP_CONTINUE)
            return STEP_FAILURE;
        p->state = S_PORT;
        start_buffer(p);
    } else if (c == CP_EOF || c == '/' || c == '?' || c == '#' || (url->special && c == '\\')) {
        if (url->special && p->i == p->buf_start)
            return STEP_FAILURE;
        if (p->override != S_NONE && p->i == p->buf_start && (record_has_credentials(url) || url->port >= 0))
            return STEP_RETURN;
        if (set_host_from_buffer(p) != STEP_CONTINUE)
            return STEP_FAILURE;
        p->state = S_PATH_START;
        p->i--;
        if (p->override != S_NONE)
            return STEP_RETURN;
    } else if (c == '[') {
        p->inside_brackets = 1;
    } else if (c == ']') {
        p->inside_brackets = 0;
    }
    return STEP_CONTINUE;
}

static enum step st_port(struct parser *p, uint32_t c)
{
    struct record *url = p->url;

    if (c != CP_EOF && is_digit(c))
        return STEP_CONTINUE;
    if (c == CP_EOF || c == '/' || c == '?' || c == '#' || (url->special && c == '\\') || p->override != S_NONE) {
        if (p->i != p->buf_start) {
            long k, port = 0;
            for (k = p->buf_start; k < p->i; k++) {
                port = port * 10 + (long)(p->in[k] - '0');
                if (port > 65535)
                    return STEP_FAILURE;
            }
            url->port = port == special_port(url->scheme.p, url->scheme.len) ? -1 : (int32_t)port;
            start_buffer(p);
        }
        if (p->override != S_NONE)
            return STEP_RETURN;
        p->state = S_PATH_START;
        p->i--;
        return STEP_CONTINUE;
    }
    return STEP_FAILURE;
}

static enum step st_file(struct parser *p, uint32_t c)
{
    const struct fcw_url *b = p->base;
    struct record *url = p->url;

    record_set_scheme(url, "file", 4);
    url->host.len = 0;
    url->has_host = 1;
    if (c == '/' || c == '\\') {
        p->state = S_FILE_SLASH;
        return STEP_CONTINUE;
    }
    if (!base_is_file(b)) {
        p->state = S_PATH;
        p->i--;
        return STEP_CONTINUE;
    }
    copy_base_part(&url->host, b, b->host_start, b->host_end);
    url->has_host = b->has_host;
    copy_base_part(&url->path, b, b->path_start, b->path_end);
    copy_base_query(p);
    if (c == '?') {
        begin_query(p);
    } else if (c == '#') {
        begin_fragment(p);
    } else if (c != CP_EOF) {
        url->has_query = 0;
        if (!starts_with_drive_letter(p->in + p->i, p->n - p->i))
            shorten_path(url);
        else
            url->path.len = 0;
        p->state = S_PATH;
        p->i--;
    }
    return STEP_CONTINUE;
}

static enum step st_file_slash(struct parser *p, uint32_t c)
{
    const struct fcw_url *b = p->base;
    struct record *url = p->url;

    if (c == '/' || c == '\\') {
        p->state = S_FILE_HOST;
        start_buffer(p);
        return STEP_CONTINUE;
    }
    if (base_is_file(b)) {
        copy_base_part(&url->host, b, b->host_start, b->host_end);
        url->has_host = b->has_host;
        if (!starts_with_drive_letter(p->in + p->i, p->n - p->i) &&
            path_starts_with_drive(b->href + b->path_start, b->path_end - b->path_start))
            sbuf_add(&url->path, b->href + b->path_start, 3);
    }
    p->state = S_PATH;
    p->i--;
    return STEP_CONTINUE;
}

static void path_open_segment(struct parser *p)
{
    p->seg_start = p->url->path.len;
    sbuf_addc(&p->url->path, '/');
    p->seg_open = 1;
}

static enum step st_file_host(struct parser *p, uint32_t c)
{
    struct record *url = p->url;
    long len = p->i - p->buf_start;

    if (!(c == CP_EOF || c == '/' || c == '\\' || c == '?' || c == '#'))
        return STEP_CONTINUE;
    if (p->override == S_NONE && len == 2 && starts_with_drive_letter(p->in + p->buf_start, 2)) {
        p->i--;
        path_open_segment(p);
        sbuf_addc(&url->path, (char)p->in[p->buf_start]);
        sbuf_addc(&url->path, (char)p->in[p->buf_start + 1]);
        p->state = S_PATH;
        return STEP_CONTINUE;
    }
    if (len == 0) {
        url->host.len = 0;
        url->has_host = 1;
    } else {
        if (set_host_from_buffer(p) != STEP_CONTINUE)
            return STEP_FAILURE;
        if (sbuf_eq(&url->host, "localhost"))
            url->host.len = 0;
    }
    if (p->override != S_NONE)
        return STEP_RETURN;
    p->state = S_PATH_START;
    p->i--;
    return STEP_CONTINUE;
}

static enum step st_path_start(struct parser *p, uint32_t c)
{
    struct record *url = p->url;

    if (url->special) {
        p->state = S_PATH;
        if (c != '/' && c != '\\')
            p->i--;
    } else if (p->override == S_NONE && c == '?') {
        begin_query(p);
    } else if (p->override == S_NONE && c == '#') {
        begin_fragment(p);
    } else if (c != CP_EOF) {
        p->state = S_PATH;
        if (c != '/')
            p->i--;
    } else if (p->override != S_NONE && !url->has_host) {
        sbuf_addc(&url->path, '/');
    }
    return STEP_CONTINUE;
}

/* Ends the current segment (the spec's buffer) at terminator c. */
static void path_close_segment(struct parser *p, uint32_t c)
{
    struct record *url = p->url;
    struct sbuf *path = &url->path;
    const char *seg = path->p + p->seg_start + 1;
    size_t seg_len = path->len - p->seg_start - 1;
    int slash = is_slash(p, c);

    if (seg_is(seg, seg_len, 2)) {
        path->len = p->seg_start;
        shorten_path(url);
        if (!slash)
            sbuf_addc(path, '/');
    } else if (seg_is(seg, seg_len, 1)) {
        path->len = p->seg_start;
        if (!slash)
            sbuf_addc(path, '/');
    } else if (record_is_file(url) && p->seg_start == 0 && is_drive_letter(seg, seg_len, 0)) {
        path->p[p->seg_start + 2] = ':';
    }
    p->seg_open = 0;
}

/* Appends the code points after the current one that need no encoding and
 * are not stop1/stop2, as one run, and moves the pointer past them. */
static void add_run(struct parser *p, struct sbuf *to, enum pe_set set, uint32_t stop1, uint32_t stop2)
{
    long j = p->i + 1, k;

    while (j < p->n && !pe_in_set(set, p->in[j]) && p->in[j] != stop1 && p->in[j] != stop2)
        j++;
    if (j == p->i + 1 || sbuf_reserve(to, (size_t)(j - p->i - 1)) < 0)
        return;
    for (k = p->i + 1; k < j; k++)
        to->p[to->len++] = (char)p->in[k];
    p->i = j - 1;
}

static enum step st_path(struct parser *p, uint32_t c)
{
    if (!p->seg_open)
        path_open_segment(p);
    if (c == CP_EOF || is_slash(p, c) || (p->override == S_NONE && (c == '?' || c == '#'))) {
        path_close_segment(p, c);
        if (c == '?')
            begin_query(p);
        else if (c == '#')
            begin_fragment(p);
    } else {
        pe_add(&p->url->path, c, PE_PATH);
        add_run(p, &p->url->path, PE_PATH, '/', '\\');
    }
    return STEP_CONTINUE;
}

static enum step st_opaque_path(struct parser *p, uint32_t c)
{
    if (c == '?')
        begin_query(p);
    else if (c == '#')
        begin_fragment(p);
    else if (c != CP_EOF) {
        pe_add(&p->url->path, c, PE_C0);
        add_run(p, &p->url->path, PE_C0, '?', '#');
    }
    return STEP_CONTINUE;
}

static enum step st_query(struct parser *p, uint32_t c)
{
    if (p->override == S_NONE && c == '#')
        begin_fragment(p);
    else if (c != CP_EOF) {
        enum pe_set set = p->url->special ? PE_SPECIAL_QUERY : PE_QUERY;
        pe_add(&p->url->query, c, set);
        add_run(p, &p->url->query, set, '#', '#');
    }
    return STEP_CONTINUE;
}

static enum step st_fragment(struct parser *p, uint32_t c)
{
    if (c != CP_EOF) {
        pe_add(&p->url->fragment, c, PE_FRAGMENT);
        add_run(p, &p->url->fragment, PE_FRAGMENT, CP_EOF, CP_EOF);
    }
    return STEP_CONTINUE;
}

static enum step run_state(struct parser *p, uint32_t c)
{
    switch (p->state) {
    case S_SCHEME_START: return st_scheme_start(p, c);
    case S_SCHEME: return st_scheme(p, c);
    case S_NO_SCHEME: return st_no_scheme(p, c);
    case S_SPECIAL_RELATIVE_OR_AUTHORITY: return st_special_relative_or_authority(p, c);
    case S_PATH_OR_AUTHORITY: return st_path_or_authority(p, c);
    case S_RELATIVE: return st_relative(p, c);
    case S_RELATIVE_SLASH: return st_relative_slash(p, c);
    case S_SPECIAL_AUTHORITY_SLASHES: return st_special_authority_slashes(p, c);
    case S_SPECIAL_AUTHORITY_IGNORE_SLASHES: return st_special_authority_ignore_slashes(p, c);
    case S_AUTHORITY: return st_authority(p, c);
    case S_HOST:
    case S_HOSTNAME: return st_host(p, c);
    case S_PORT: return st_port(p, c);
    case S_FILE: return st_file(p, c);
    case S_FILE_SLASH: return st_file_slash(p, c);
    case S_FILE_HOST: return st_file_host(p, c);
    case S_PATH_START: return st_path_start(p, c);
    case S_PATH: return st_path(p, c);
    case S_OPAQUE_PATH: return st_opaque_path(p, c);
    case S_QUERY: return st_query(p, c);
    case S_FRAGMENT: return st_fragment(p, c);
    case S_NONE: break;
    }
    return STEP_FAILURE;
}

static int run_parser(struct parser *p)
{
    enum step r;

    p->i = 0;
    p->buf_start = 0;
    for (;;) {
        r = run_state(p, cp_at(p, p->i));
        if (r == STEP_FAILURE)
            return -1;
        if (r == STEP_RETURN || p->i >= p->n)
            return 0;
        p->i++;
    }
}

/* ---- input ---- */

static int is_c0_or_space(uint32_t c)
{
    return c <= 0x20;
}

/* Decodes UTF-8/CESU-8 input into scalar values, removing tabs and
 * newlines, and leading/trailing C0 controls and spaces when trim is set.
 * Returns the count; *cps is stack (if it fits) or malloc'd. */
static long decode_input(const char *input, size_t len, int trim, uint32_t *stack, uint32_t **cps)
{
    const unsigned char *s = (const unsigned char *)input;
    size_t i = 0, start = 0, end = len;
    long n = 0;
    uint32_t *out = stack;

    if (trim) {
        while (start < end && is_c0_or_space(s[start]))
            start++;
        while (end > start && is_c0_or_space(s[end - 1]))
            end--;
    }
    if (end - start > INPUT_INLINE && !(out = malloc((end - start) * sizeof *out)))
        return -1;
    for (i = start; i < end;) {
        uint32_t c = s[i] < 0x80 ? s[i++] : utf8_decode(s, end, &i, 1);
        if (c != '\t' && c != '\n' && c != '\r')
            out[n++] = c;
    }
    *cps = out;
    return n;
}

/* ---- records ---- */

static void record_init(struct record *url)
{
    sbuf_init(&url->scheme);
    sbuf_init(&url->username);
    sbuf_init(&url->password);
    sbuf_init(&url->host);
    sbuf_init(&url->path);
    sbuf_init(&url->query);
    sbuf_init(&url->fragment);
    url->port = -1;
    url->has_host = url->has_query = url->has_fragment = url->opaque_path = url->special = 0;
}

static void record_release(struct record *url)
{
    sbuf_release(&url->scheme);
    sbuf_release(&url->username);
    sbuf_release(&url->password);
    sbuf_release(&url->host);
    sbuf_release(&url->path);
    sbuf_release(&url->query);
    sbuf_release(&url->fragment);
}

static int record_oom(const struct record *url)
{
    return url->scheme.oom || url->username.oom || url->password.oom || url->host.oom ||
           url->path.oom || url->query.oom || url->fragment.oom;
}

static void record_from_url(struct record *r, const struct fcw_url *u)
{
    const char *h = u->href;

    record_init(r);
    record_set_scheme(r, h, u->scheme_end);
    sbuf_set(&r->username, h + u->username_start, u->username_end - u->username_start);
    sbuf_set(&r->password, h + u->password_start, u->password_end - u->password_start);
    sbuf_set(&r->host, h + u->host_start, u->host_end - u->host_start);
    sbuf_set(&r->path, h + u->path_start, u->path_end - u->path_start);
    r->has_host = u->has_host;
    r->opaque_path = u->opaque_path;
    r->port = u->port;
    r->has_query = u->query_start != FCW_URL_OMITTED;
    if (r->has_query)
        sbuf_set(&r->query, h + u->query_start + 1, base_query_end(u) - u->query_start - 1);
    r->has_fragment = u->fragment_start != FCW_URL_OMITTED;
    if (r->has_fragment)
        sbuf_set(&r->fragment, h + u->fragment_start + 1, u->href_len - u->fragment_start - 1);
}

static size_t port_digits(int32_t port, char *out)
{
    char tmp[8];
    size_t n = 0, k;

    do {
        tmp[n++] = (char)('0' + port % 10);
        port /= 10;
    } while (port);
    for (k = 0; k < n; k++)
        out[k] = tmp[n - 1 - k];
    return n;
}

static void put(char *href, uint32_t *at, const char *s, size_t len)
{
    memcpy(href + *at, s, len);
    *at += (uint32_t)len;
}

static void serialize_authority(const struct record *r, struct fcw_url *u, uint32_t *at)
{
    char digits[8];

    put(u->href, at, "//", 2);
    u->username_start = *at;
    if (record_has_credentials(r)) {
        put(u->href, at, r->username.p, r->username.len);
        u->username_end = *at;
        if (r->password.len) {
            put(u->href, at, ":", 1);
            u->password_start = *at;
            put(u->href, at, r->password.p, r->password.len);
        } else {
            u->password_start = *at;
        }
        u->password_end = *at;
        put(u->href, at, "@", 1);
    } else {
        u->username_end = u->password_start = u->password_end = *at;
    }
    u->host_start = *at;
    put(u->href, at, r->host.p, r->host.len);
    u->host_end = *at;
    if (r->port >= 0) {
        put(u->href, at, ":", 1);
        put(u->href, at, digits, port_digits(r->port, digits));
    }
}

/* The URL serializer, into one allocation. */
static int record_serialize(const struct record *r, struct fcw_url *u)
{
    size_t len = r->scheme.len + 1 + r->path.len + 2 + 8;
    int dot_prefix = !r->has_host && !r->opaque_path && r->path.len > 1 && r->path.p[0] == '/' && r->path.p[1] == '/';
    uint32_t at = 0;

    if (record_oom(r))
        return -1;
    if (r->has_host)
        len += 2 + r->username.len + r->password.len + 2 + r->host.len;
    len += (r->has_query ? 1 + r->query.len : 0) + (r->has_fragment ? 1 + r->fragment.len : 0);
    if (len >= UINT32_MAX || !(u->href = malloc(len + 1)))
        return -1;
    put(u->href, &at, r->scheme.p, r->scheme.len);
    u->scheme_end = at;
    put(u->href, &at, ":", 1);
    u->has_host = r->has_host;
    u->opaque_path = r->opaque_path;
    u->port = r->port;
    if (r->has_host) {
        serialize_authority(r, u, &at);
    } else {
        u->username_start = u->username_end = u->password_start = u->password_end = at;
        u->host_start = u->host_end = at;
        if (dot_prefix)
            put(u->href, &at, "/.", 2);
    }
    u->path_start = at;
    put(u->href, &at, r->path.p, r->path.len);
    u->path_end = at;
    u->query_start = u->fragment_start = FCW_URL_OMITTED;
    if (r->has_query) {
        u->query_start = at;
        put(u->href, &at, "?", 1);
        put(u->href, &at, r->query.p, r->query.len);
    }
    if (r->has_fragment) {
        u->fragment_start = at;
        put(u->href, &at, "#", 1);
        put(u->href, &at, r->fragment.p, r->fragment.len);
    }
    u->href[at] = 0;
    u->href_len = at;
    return 0;
}

/* Runs the state machine over input on record r and serializes into out.
 * A setter (override given) keeps what the run changed before a failure,
 * as the spec's in-place modification does; a plain parse fails. */
static int parse_into(const char *input, size_t len, const struct fcw_url *base, struct record *r,
                      enum state override, struct fcw_url *out)
{
    uint32_t stack[INPUT_INLINE], *cps = NULL;
    struct parser p;
    int rc;

    memset(&p, 0, sizeof p);
    p.n = decode_input(input, len, override == S_NONE, stack, &cps);
    if (p.n < 0)
        return -1;
    p.in = cps;
    p.url = r;
    p.base = base;
    p.override = override;
    p.state = override == S_NONE ? S_SCHEME_START : override;
    rc = run_parser(&p);
    if (cps != stack)
        free(cps);
    if (rc == 0 || override != S_NONE)
        rc = record_serialize(r, out);
    return rc;
}

int fcw_url_parse(const char *input, size_t len, const struct fcw_url *base, struct fcw_url *out)
{
    struct record r;
    int rc;

    record_init(&r);
    rc = parse_into(input, len, base, &r, S_NONE, out);
    record_release(&r);
    return rc;
}

void fcw_url_free(struct fcw_url *url)
{
    free(url->href);
    url->href = NULL;
}

/* ---- setters ---- */

static int cannot_have_credentials(const struct fcw_url *u)
{
    return !u->has_host || u->host_start == u->host_end ||
           (u->scheme_end == 4 && memcmp(u->href, "file", 4) == 0);
}

/* The URL Standard's "potentially strip trailing spaces from an opaque path". */
static void strip_opaque_trailing_spaces(struct record *r)
{
    if (!r->opaque_path || r->has_fragment || r->has_query)
        return;
    while (r->path.len > 0 && r->path.p[r->path.len - 1] == ' ')
        r->path.len--;
}

static void set_userinfo(struct sbuf *to, const char *value, size_t len)
{
    size_t i = 0;

    to->len = 0;
    while (i < len)
        pe_add(to, utf8_decode((const unsigned char *)value, len, &i, 1), PE_USERINFO);
}

/* Applies a setter that needs no state machine run; 1 if it was one. */
static int set_direct(struct record *r, enum fcw_url_part part, const char *value, size_t len)
{
    switch (part) {
    case FCW_URL_USERNAME:
        set_userinfo(&r->username, value, len);
        return 1;
    case FCW_URL_PASSWORD:
        set_userinfo(&r->password, value, len);
        return 1;
    case FCW_URL_PORT:
        if (len != 0)
            return 0;
        r->port = -1;
        return 1;
    case FCW_URL_SEARCH:
    case FCW_URL_HASH:
        if (len != 0)
            return 0;
        if (part == FCW_URL_SEARCH)
            r->has_query = 0;
        else
            r->has_fragment = 0;
        strip_opaque_trailing_spaces(r);
        return 1;
    default:
        return 0;
    }
}

/* The state override a setter uses, or S_NONE when the setter does nothing
 * for this URL. Prepares the record as the setter's steps say. */
static enum state setter_state(struct record *r, const struct fcw_url *u, enum fcw_url_part part,
                               const char **value, size_t *len)
{
    switch (part) {
    case FCW_URL_PROTOCOL:
        return S_SCHEME_START;
    case FCW_URL_HOST:
        return u->opaque_path ? S_NONE : S_HOST;
    case FCW_URL_HOSTNAME:
        return u->opaque_path ? S_NONE : S_HOSTNAME;
    case FCW_URL_PORT:
        return S_PORT;
    case FCW_URL_PATHNAME:
        if (u->opaque_path)
            return S_NONE;
        r->path.len = 0;
        return S_PATH_START;
    case FCW_URL_SEARCH:
        if (*len && **value == '?') {
            (*value)++;
            (*len)--;
        }
        r->has_query = 1;
        r->query.len = 0;
        return S_QUERY;
    case FCW_URL_HASH:
        if (*len && **value == '#') {
            (*value)++;
            (*len)--;
        }
        r->has_fragment = 1;
        r->fragment.len = 0;
        return S_FRAGMENT;
    default:
        return S_NONE;
    }
}

static int set_href(struct fcw_url *url, const char *value, size_t len)
{
    struct fcw_url out;

    if (fcw_url_parse(value, len, NULL, &out) < 0)
        return -1;
    fcw_url_free(url);
    *url = out;
    return 0;
}

static int set_protocol_input(const char *value, size_t len, char **input)
{
    *input = malloc(len + 1);
    if (!*input)
        return -1;
    memcpy(*input, value, len);
    (*input)[len] = ':';
    return 0;
}

int fcw_url_set(struct fcw_url *url, enum fcw_url_part part, const char *value, size_t len)
{
    struct record r;
    struct fcw_url out;
    enum state state;
    char *protocol_input = NULL;
    int rc = 0;

    if (part == FCW_URL_HREF)
        return set_href(url, value, len);
    if ((part == FCW_URL_USERNAME || part == FCW_URL_PASSWORD || part == FCW_URL_PORT) &&
        cannot_have_credentials(url))
        return 0;
    record_from_url(&r, url);
    if (set_direct(&r, part, value, len)) {
        rc = record_serialize(&r, &out);
    } else if ((state = setter_state(&r, url, part, &value, &len)) == S_NONE) {
        rc = 1;
    } else if (part == FCW_URL_PROTOCOL) {
        rc = set_protocol_input(value, len, &protocol_input);
        if (rc == 0)
            rc = parse_into(protocol_input, len + 1, NULL, &r, state, &out);
        free(protocol_input);
    } else {
        rc = parse_into(value, len, NULL, &r, state, &out);
    }
    record_release(&r);
    if (rc == 0) {
        fcw_url_free(url);
        *url = out;
    }
    return rc < 0 ? -1 : 0;
}

/* ---- getters and origin ---- */

static const char *slice(const struct fcw_url *u, uint32_t start, uint32_t end, size_t *len)
{
    *len = end - start;
    return u->href + start;
}

const char *fcw_url_get(const struct fcw_url *u, enum fcw_url_part part, size_t *len)
{
    uint32_t query_end = base_query_end(u);

    switch (part) {
    case FCW_URL_HREF: return slice(u, 0, u->href_len, len);
    case FCW_URL_PROTOCOL: return slice(u, 0, u->scheme_end + 1, len);
    case FCW_URL_USERNAME: return slice(u, u->username_start, u->username_end, len);
    case FCW_URL_PASSWORD: return slice(u, u->password_start, u->password_end, len);
    case FCW_URL_HOST: return slice(u, u->host_start, u->has_host ? u->path_start : u->host_start, len);
    case FCW_URL_HOSTNAME: return slice(u, u->host_start, u->host_end, len);
    case FCW_URL_PORT: return slice(u, u->port >= 0 ? u->host_end + 1 : u->path_start, u->path_start, len);
    case FCW_URL_PATHNAME: return slice(u, u->path_start, u->path_end, len);
    case FCW_URL_SEARCH:
        if (u->query_start == FCW_URL_OMITTED || query_end - u->query_start == 1)
            return slice(u, 0, 0, len);
        return slice(u, u->query_start, query_end, len);
    case FCW_URL_HASH:
        if (u->fragment_start == FCW_URL_OMITTED || u->href_len - u->fragment_start == 1)
            return slice(u, 0, 0, len);
        return slice(u, u->fragment_start, u->href_len, len);
    }
    *len = 0;
    return u->href;
}

static size_t copy_out(char *buf, size_t size, const char *s, size_t len)
{
    if (len < size) {
        memcpy(buf, s, len);
        buf[len] = 0;
    }
    return len;
}

static int is_tuple_origin_scheme(const char *s, size_t len)
{
    return is_special(s, len) && !(len == 4 && memcmp(s, "file", 4) == 0);
}

size_t fcw_url_origin(const struct fcw_url *u, char *buf, size_t size)
{
    size_t n, host_len;
    const char *host;

    if (u->scheme_end == 4 && memcmp(u->href, "blob", 4) == 0) {
        struct fcw_url inner;
        if (fcw_url_parse(u->href + u->path_start, u->path_end - u->path_start, NULL, &inner) < 0)
            return copy_out(buf, size, "null", 4);
        if ((inner.scheme_end == 4 && memcmp(inner.href, "http", 4) == 0) ||
            (inner.scheme_end == 5 && memcmp(inner.href, "https", 5) == 0))
            n = fcw_url_origin(&inner, buf, size);
        else
            n = copy_out(buf, size, "null", 4);
        fcw_url_free(&inner);
        return n;
    }
    if (!is_tuple_origin_scheme(u->href, u->scheme_end))
        return copy_out(buf, size, "null", 4);
    host = fcw_url_get(u, FCW_URL_HOST, &host_len);
    n = u->scheme_end + 3 + host_len;
    if (n < size) {
        memcpy(buf, u->href, u->scheme_end);
        memcpy(buf + u->scheme_end, "://", 3);
        memcpy(buf + u->scheme_end + 3, host, host_len);
        buf[n] = 0;
    }
    return n;
}

/* ---- application/x-www-form-urlencoded ---- */

/* UTF-8 decodes s with replacement (Encoding Standard), re-encoding into out. */
static size_t utf8_sanitize(const char *s, size_t len, char *out)
{
    size_t i = 0, o = 0;

    while (i < len)
        o += utf8_encode(utf8_decode((const unsigned char *)s, len, &i, 0), out + o);
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
    dn = percent_decode(plus, name_len, scratch);
    dv = eq ? percent_decode(plus + name_len + 1, len - name_len - 1, scratch + dn) : 0;
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
        uint32_t c = utf8_decode((const unsigned char *)in, len, &i, 1);
        char u[4];
        size_t n, k;
        if (c == ' ') {
            out[o++] = '+';
            continue;
        }
        if (c < 0x80 && !pe_in_set(PE_FORM, c)) {
            out[o++] = (char)c;
            continue;
        }
        n = utf8_encode(c, u);
        for (k = 0; k < n; k++) {
            unsigned char byte = (unsigned char)u[k];
            out[o++] = '%';
            out[o++] = hex_digits[byte >> 4];
            out[o++] = hex_digits[byte & 15];
        }
    }
    return o;
}
