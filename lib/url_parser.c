/* SPDX-License-Identifier: MIT */
/*
 * The URL Standard's basic URL parser: the state machine over the input's
 * code points, filling a URL record (url_internal.h). Each state is one
 * small function named after the spec's; fcw_url_run_parser() decodes the
 * input (UTF-8 or CESU-8 from Duktape, tabs and newlines removed) and runs
 * the machine from the start or from a setter's state override. Also the
 * special schemes and their default ports. Hosts are parsed by url_host.c,
 * the record is serialized by url.c.
 */
#include "url_internal.h"

#define CP_EOF 0xFFFFFFFFu
#define INPUT_INLINE 256

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

/* ---- schemes ---- */

/* A special scheme's default port (0 for file), -1 for other schemes. */
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

int fcw_url_is_special(const char *s, size_t len)
{
    return special_port(s, len) >= 0;
}

void fcw_url_record_set_scheme(struct record *url, const char *s, size_t len)
{
    sbuf_set(&url->scheme, s, len);
    url->special = (unsigned char)fcw_url_is_special(s, len);
}

static int record_is_file(const struct record *url)
{
    return sbuf_eq(&url->scheme, "file");
}

int fcw_url_record_has_credentials(const struct record *url)
{
    return url->username.len > 0 || url->password.len > 0;
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
        copy_base_part(&p->url->query, b, b->query_start + 1, url_query_end(b));
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
        if (url->special != fcw_url_is_special(buf, len))
            return STEP_RETURN;
        if ((fcw_url_record_has_credentials(url) || url->port >= 0) && len == 4 && memcmp(buf, "file", 4) == 0)
            return STEP_RETURN;
        if (record_is_file(url) && url->has_host && url->host.len == 0)
            return STEP_RETURN;
    }
    fcw_url_record_set_scheme(url, buf, len);
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
        fcw_url_record_set_scheme(url, b->href, b->scheme_end);
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

    fcw_url_record_set_scheme(url, b->href, b->scheme_end);
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
        fcw_url_pe_add(p->password_token_seen ? &url->password : &url->username, p->in[k], PE_USERINFO);
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

    if (fcw_url_host_parse(p->in + p->buf_start, (size_t)(p->i - p->buf_start), url->special, &url->host) < 0)
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
        if (p->override != S_NONE && p->i == p->buf_start && (fcw_url_record_has_credentials(url) || url->port >= 0))
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

    fcw_url_record_set_scheme(url, "file", 4);
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

    while (j < p->n && !fcw_url_pe_in_set(set, p->in[j]) && p->in[j] != stop1 && p->in[j] != stop2)
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
        fcw_url_pe_add(&p->url->path, c, PE_PATH);
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
        fcw_url_pe_add(&p->url->path, c, PE_C0);
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
        fcw_url_pe_add(&p->url->query, c, set);
        add_run(p, &p->url->query, set, '#', '#');
    }
    return STEP_CONTINUE;
}

static enum step st_fragment(struct parser *p, uint32_t c)
{
    if (c != CP_EOF) {
        fcw_url_pe_add(&p->url->fragment, c, PE_FRAGMENT);
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
        uint32_t c = s[i] < 0x80 ? s[i++] : fcw_utf8_get(s, end, &i, 1);
        if (c != '\t' && c != '\n' && c != '\r')
            out[n++] = c;
    }
    *cps = out;
    return n;
}

int fcw_url_run_parser(const char *input, size_t len, const struct fcw_url *base, struct record *r, enum state override)
{
    uint32_t stack[INPUT_INLINE], *cps = NULL;
    struct parser p;
    int rc;

    memset(&p, 0, sizeof p);
    p.n = decode_input(input, len, override == S_NONE, stack, &cps);
    if (p.n < 0)
        return -2;
    p.in = cps;
    p.url = r;
    p.base = base;
    p.override = override;
    p.state = override == S_NONE ? S_SCHEME_START : override;
    rc = run_parser(&p);
    if (cps != stack)
        free(cps);
    return rc;
}
