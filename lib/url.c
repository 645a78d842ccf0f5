/* SPDX-License-Identifier: MIT */
/*
 * The WHATWG URL Standard's URL record as the library keeps it: parsing
 * runs the state machine (url_parser.c) on a record (one growable buffer
 * per component, with inline storage so short URLs need no allocation);
 * the record is then serialized into one malloc'd href with component
 * offsets (struct fcw_url). The setters turn the href back into a record,
 * run the state machine with a state override and serialize again. The
 * getters are substrings of the href; the origin is serialized here too.
 */
#include "url_internal.h"

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
    return url->scheme.oom || url->username.oom || url->password.oom || url->host.oom || url->path.oom ||
           url->query.oom || url->fragment.oom;
}

static void record_from_url(struct record *r, const struct fcw_url *u)
{
    const char *h = u->href;

    record_init(r);
    fcw_url_record_set_scheme(r, h, u->scheme_end);
    sbuf_set(&r->username, h + u->username_start, u->username_end - u->username_start);
    sbuf_set(&r->password, h + u->password_start, u->password_end - u->password_start);
    sbuf_set(&r->host, h + u->host_start, u->host_end - u->host_start);
    sbuf_set(&r->path, h + u->path_start, u->path_end - u->path_start);
    r->has_host = u->has_host;
    r->opaque_path = u->opaque_path;
    r->port = u->port;
    r->has_query = u->query_start != FCW_URL_OMITTED;
    if (r->has_query)
        sbuf_set(&r->query, h + u->query_start + 1, url_query_end(u) - u->query_start - 1);
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
    if (fcw_url_record_has_credentials(r)) {
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
static int parse_into(const char *input, size_t len, const struct fcw_url *base, struct record *r, enum state override,
                      struct fcw_url *out)
{
    int rc = fcw_url_run_parser(input, len, base, r, override);

    if (rc == -2)
        return -1;
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
    return !u->has_host || u->host_start == u->host_end || (u->scheme_end == 4 && memcmp(u->href, "file", 4) == 0);
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
        fcw_url_pe_add(to, fcw_utf8_get((const unsigned char *)value, len, &i, 1), PE_USERINFO);
}

/* Applies a setter that needs no state machine run; 1 if it was one. */
static int set_direct(struct record *r, enum fcw_url_part part, const char *value, size_t len)
{
    switch (part) {
    case FCW_URL_USERNAME: set_userinfo(&r->username, value, len); return 1;
    case FCW_URL_PASSWORD: set_userinfo(&r->password, value, len); return 1;
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
    default: return 0;
    }
}

/* The state override a setter uses, or S_NONE when the setter does nothing
 * for this URL. Prepares the record as the setter's steps say. */
static enum state setter_state(struct record *r, const struct fcw_url *u, enum fcw_url_part part, const char **value,
                               size_t *len)
{
    switch (part) {
    case FCW_URL_PROTOCOL: return S_SCHEME_START;
    case FCW_URL_HOST: return u->opaque_path ? S_NONE : S_HOST;
    case FCW_URL_HOSTNAME: return u->opaque_path ? S_NONE : S_HOSTNAME;
    case FCW_URL_PORT: return S_PORT;
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
    default: return S_NONE;
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
    if ((part == FCW_URL_USERNAME || part == FCW_URL_PASSWORD || part == FCW_URL_PORT) && cannot_have_credentials(url))
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
    uint32_t query_end = url_query_end(u);

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
    return fcw_url_is_special(s, len) && !(len == 4 && memcmp(s, "file", 4) == 0);
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
