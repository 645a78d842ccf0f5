/* SPDX-License-Identifier: MIT */
/*
 * What the files of the URL parser share and the public header does not
 * show: the URL record the state machine fills (one growable byte string
 * per component), the parser's states (a setter starts the machine in one),
 * the percent-encode sets, and each file's entry points. The layers, each
 * calling only those below it: url_form.c (percent-encoding, form
 * encoding), url_host.c (host parser), url_parser.c (schemes, the state
 * machine), url.c (record serialization, setters, getters, origin).
 */
#ifndef FCW_URL_INTERNAL_H
#define FCW_URL_INTERNAL_H

#include "text.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>

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

enum pe_set { PE_C0, PE_FRAGMENT, PE_QUERY, PE_SPECIAL_QUERY, PE_PATH, PE_USERINFO, PE_COMPONENT, PE_FORM };

/* ---- byte strings ---- */

static inline void sbuf_init(struct sbuf *b)
{
    b->p = b->inl;
    b->len = 0;
    b->cap = sizeof b->inl;
    b->oom = 0;
}

static inline void sbuf_release(struct sbuf *b)
{
    if (b->p != b->inl)
        free(b->p);
    sbuf_init(b);
}

static inline int sbuf_reserve(struct sbuf *b, size_t extra)
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

static inline void sbuf_add(struct sbuf *b, const char *s, size_t len)
{
    if (sbuf_reserve(b, len) == 0) {
        memcpy(b->p + b->len, s, len);
        b->len += len;
    }
}

static inline void sbuf_addc(struct sbuf *b, char c)
{
    if (sbuf_reserve(b, 1) == 0)
        b->p[b->len++] = c;
}

static inline void sbuf_set(struct sbuf *b, const char *s, size_t len)
{
    b->len = 0;
    sbuf_add(b, s, len);
}

static inline int sbuf_eq(const struct sbuf *b, const char *s)
{
    size_t len = strlen(s);
    return b->len == len && memcmp(b->p, s, len) == 0;
}

/* ---- code points ---- */

static inline int is_alpha(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static inline int is_hex(uint32_t c)
{
    return fcw_hex_value(c) >= 0;
}

/* Where a URL's query ends: at its fragment or the end of the href. */
static inline uint32_t url_query_end(const struct fcw_url *u)
{
    return u->fragment_start != FCW_URL_OMITTED ? u->fragment_start : u->href_len;
}

/* ---- url_form.c: percent-encoding ---- */

int fcw_url_pe_in_set(enum pe_set set, uint32_t c);
/* Appends c, percent-encoded as UTF-8 when it is in set. */
void fcw_url_pe_add(struct sbuf *b, uint32_t c, enum pe_set set);
/* Percent-decodes s into out (which holds len bytes); returns the length. */
size_t fcw_url_percent_decode(const char *s, size_t len, char *out);

/* ---- url_host.c: the host parser ---- */

/* Parses the code points of a host (special: the URL's scheme is special)
 * into its serialization; -1 on failure. */
int fcw_url_host_parse(const uint32_t *in, size_t n, int special, struct sbuf *out);

/* ---- url_parser.c: schemes and the basic URL parser ---- */

int fcw_url_is_special(const char *s, size_t len);
void fcw_url_record_set_scheme(struct record *url, const char *s, size_t len);
int fcw_url_record_has_credentials(const struct record *url);

/* Runs the state machine over input (UTF-8 or CESU-8) on record r, from
 * the start or, for a setter, from state override. 0 when it ran to the
 * end, -1 on a validation failure (r keeps what the run changed before
 * it), -2 when out of memory before the run. */
int fcw_url_run_parser(const char *input, size_t len, const struct fcw_url *base, struct record *r,
                       enum state override);

#endif
