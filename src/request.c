/* SPDX-License-Identifier: MIT */
/*
 * Request and response marshalling for both FastCGI and CGI. The URL is
 * built from REQUEST_SCHEME / HTTPS, HTTP_HOST (or SERVER_NAME and
 * SERVER_PORT) and REQUEST_URI (or SCRIPT_NAME + PATH_INFO + QUERY_STRING
 * when a server does not send it); headers from HTTP_*, CONTENT_TYPE and
 * CONTENT_LENGTH, names lower-cased with '_' turned into '-'. The client's
 * address, REMOTE_ADDR, becomes one more header (cf-connecting-ip unless
 * configured otherwise), which replaces any of that name the client sent;
 * SERVER_PROTOCOL, SSL_PROTOCOL and SSL_CIPHER are handed on for
 * request.cf.
 *
 * request_build runs once per request: one pass over the parameters picks
 * out the variables it reads and sizes the headers, a second fills one
 * allocation with the header pointers, the URL and the header names. The
 * values (and the method, paths, script file) point into the parameters,
 * which outlive the request: child.c frees it before fcgi_finish releases
 * the FastCGI parameters, and cgi.c's are environ, which fcworker never
 * changes.
 */
#include "config.h"

#include "request.h"

#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *request_param(char **params, const char *name)
{
    size_t len = strlen(name);
    for (char **p = params; p && *p; p++) {
        /* the first byte alone rules out most names (no call) */
        if ((*p)[0] == name[0] && strncmp(*p, name, len) == 0 && (*p)[len] == '=') {
            return *p + len + 1;
        }
    }
    return NULL;
}

/* The parameters request_build reads; of each name the first wins, as with
 * request_param. */
enum {
    P_REQUEST_SCHEME,
    P_HTTPS,
    P_HTTP_HOST,
    P_SERVER_NAME,
    P_SERVER_PORT,
    P_REQUEST_URI,
    P_SCRIPT_NAME,
    P_PATH_INFO,
    P_QUERY_STRING,
    P_CONTENT_TYPE,
    P_CONTENT_LENGTH,
    P_REQUEST_METHOD,
    P_SCRIPT_FILENAME,
    P_DOCUMENT_ROOT,
    P_REMOTE_ADDR,
    P_SERVER_PROTOCOL,
    P_SSL_PROTOCOL,
    P_SSL_CIPHER,
    P_COUNT
};

#define NAME_IS(lit) (memcmp(name, lit, sizeof(lit) - 1) == 0)

/* Which of them the name of len bytes is, or -1: the length decides first,
 * so that most parameters cost a switch and at most a few compares. */
static int known_param(const char *name, size_t len)
{
    switch (len) {
    case 5: return NAME_IS("HTTPS") ? P_HTTPS : -1;
    case 9: return NAME_IS("HTTP_HOST") ? P_HTTP_HOST : NAME_IS("PATH_INFO") ? P_PATH_INFO : -1;
    case 10: return NAME_IS("SSL_CIPHER") ? P_SSL_CIPHER : -1;
    case 11:
        return NAME_IS("SERVER_NAME")   ? P_SERVER_NAME
               : NAME_IS("SERVER_PORT") ? P_SERVER_PORT
               : NAME_IS("REQUEST_URI") ? P_REQUEST_URI
               : NAME_IS("SCRIPT_NAME") ? P_SCRIPT_NAME
               : NAME_IS("REMOTE_ADDR") ? P_REMOTE_ADDR
                                        : -1;
    case 12:
        return NAME_IS("QUERY_STRING")   ? P_QUERY_STRING
               : NAME_IS("CONTENT_TYPE") ? P_CONTENT_TYPE
               : NAME_IS("SSL_PROTOCOL") ? P_SSL_PROTOCOL
                                         : -1;
    case 13: return NAME_IS("DOCUMENT_ROOT") ? P_DOCUMENT_ROOT : -1;
    case 14:
        return NAME_IS("REQUEST_SCHEME")   ? P_REQUEST_SCHEME
               : NAME_IS("CONTENT_LENGTH") ? P_CONTENT_LENGTH
               : NAME_IS("REQUEST_METHOD") ? P_REQUEST_METHOD
                                           : -1;
    case 15:
        return NAME_IS("SCRIPT_FILENAME") ? P_SCRIPT_FILENAME : NAME_IS("SERVER_PROTOCOL") ? P_SERVER_PROTOCOL : -1;
    default: return -1;
    }
}

/* What a parameter gives the header list. */
enum header_kind {
    H_NONE,
    H_HTTP,                /* HTTP_NAME */
    H_HTTP_CONTENT_TYPE,   /* kept unless CONTENT_TYPE is given */
    H_HTTP_CONTENT_LENGTH, /* kept unless CONTENT_LENGTH is given */
    H_CONTENT_TYPE,        /* kept when the first CONTENT_TYPE is not empty */
    H_CONTENT_LENGTH       /* kept when the first CONTENT_LENGTH is digits */
};

static enum header_kind header_kind(const char *name, size_t len)
{
    if (name[0] != 'H' && name[0] != 'C') {
        return H_NONE;
    }
    if (len > 5 && memcmp(name, "HTTP_", 5) == 0) {
        /* HTTP_PROXY would let a client set a proxy for CGI code (httpoxy) */
        return len == 10 && NAME_IS("HTTP_PROXY")            ? H_NONE
               : len == 17 && NAME_IS("HTTP_CONTENT_TYPE")   ? H_HTTP_CONTENT_TYPE
               : len == 19 && NAME_IS("HTTP_CONTENT_LENGTH") ? H_HTTP_CONTENT_LENGTH
                                                             : H_HTTP;
    }
    return len == 12 && NAME_IS("CONTENT_TYPE")     ? H_CONTENT_TYPE
           : len == 14 && NAME_IS("CONTENT_LENGTH") ? H_CONTENT_LENGTH
                                                    : H_NONE;
}

#undef NAME_IS

/* The header REMOTE_ADDR becomes (lower case), and the same as the
 * parameter a client's header of that name arrives as ("CF_CONNECTING_IP");
 * "" for none. */
/* A header name's character as it stands in its CGI parameter's name:
 * upper case, '-' as '_'. */
static unsigned char param_char(unsigned char c)
{
    return c == '-' ? '_' : c >= 'a' && c <= 'z' ? (unsigned char)(c - ('a' - 'A')) : c;
}

static char client_ip_header[64] = "cf-connecting-ip";
static char client_ip_param[64 + 5] = "HTTP_CF_CONNECTING_IP";
static size_t client_ip_param_len = 21;

int request_set_client_ip_header(const char *name)
{
    size_t len = name ? strlen(name) : 0;
    if (len >= sizeof(client_ip_header)) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!(c == '-' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
            return -1;
        }
    }
    memcpy(client_ip_param, "HTTP_", 5);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        client_ip_header[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        client_ip_param[5 + i] = (char)param_char(c);
    }
    client_ip_header[len] = '\0';
    client_ip_param[5 + len] = '\0';
    client_ip_param_len = len ? 5 + len : 0;
    return 0;
}

/* Whether the parameter of len bytes is the client's own header of the name
 * REMOTE_ADDR is given as, which that replaces: compared as the header
 * name it becomes (case and '-' against '_' aside), so that no spelling of
 * the parameter can pass a header of that name through. */
static int is_client_ip_param(const char *name, size_t len)
{
    if (len != client_ip_param_len) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (param_char((unsigned char)name[i]) != (unsigned char)client_ip_param[i]) {
            return 0;
        }
    }
    return 1;
}

static int all_digits(const char *s)
{
    return s[0] != '\0' && s[strspn(s, "0123456789")] == '\0';
}

/* Copies what of s fits in cap bytes, cut where snprintf would cut it;
 * returns the count copied. */
static size_t copy_cut(char *dst, size_t cap, const char *s)
{
    size_t n = strnlen(s, cap);
    memcpy(dst, s, n);
    return n;
}

/* The URL's parts, measured before the allocation that holds it. */
struct url_parts {
    const char *scheme, *host, *uri, *script, *path_info, *query;
    const char *port; /* NULL: no ":PORT" */
    size_t scheme_len, host_len, port_len, uri_len, script_len, path_info_len, query_len;
    size_t len;   /* without the NUL */
    int bad_host; /* HTTP_HOST is not a host[:port] */
};

/* The host written when HTTP_HOST is missing, "SERVER_NAME[:PORT]", is cut
 * at this many bytes. */
#define HOST_MAX 511

/* A Host header that can stand in a URL as it is: a reg-name or IPv4
 * address (unreserved characters, sub-delimiters other than those a URL
 * parser would take as a separator, and bytes of UTF-8 names), or a
 * bracketed IPv6 address, then an optional ":port" of digits. Anything else
 * ("evil.com#", "a/b", "x@y", spaces) would reshape the request's URL. */
static int host_valid(const char *h, size_t len)
{
    size_t i = 0;
    if (len > 0 && h[0] == '[') {
        while (++i < len && h[i] != ']') {
            unsigned char c = (unsigned char)h[i];
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))) {
                return 0;
            }
        }
        if (i >= len || i < 3) {
            return 0;
        }
        i++;
    } else {
        for (; i < len && h[i] != ':'; i++) {
            unsigned char c = (unsigned char)h[i];
            if (!(c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                  strchr("-._~!$&'()*+,;=", c) != NULL) ||
                c == '\0') {
                return 0;
            }
        }
        if (i == 0) {
            return 0;
        }
    }
    if (i == len) {
        return 1;
    }
    if (h[i] != ':' || len - i - 1 > 5) {
        return 0;
    }
    for (i++; i < len; i++) {
        if (h[i] < '0' || h[i] > '9') {
            return 0;
        }
    }
    return 1;
}

static void url_measure(struct url_parts *u, const char *const *v)
{
    /* "" rather than NULL for the parts left out: memcpy of 0 bytes from
     * NULL is undefined */
    *u = (struct url_parts){.uri = "", .script = "", .path_info = "", .query = ""};
    const char *scheme = v[P_REQUEST_SCHEME];
    if (scheme == NULL || (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)) {
        const char *https = v[P_HTTPS];
        scheme = https && https[0] && strcasecmp(https, "off") != 0 ? "https" : "http";
    }
    u->scheme = scheme;
    u->scheme_len = scheme[4] == 's' ? 5 : 4;
    u->host = v[P_HTTP_HOST];
    if (u->host != NULL && u->host[0] != '\0') {
        u->host_len = strlen(u->host);
        u->bad_host = !host_valid(u->host, u->host_len);
    } else {
        const char *server = v[P_SERVER_NAME];
        const char *port = v[P_SERVER_PORT];
        u->host = server && server[0] ? server : "localhost";
        u->host_len = strnlen(u->host, HOST_MAX);
        /* the port is left out when it is the scheme's own */
        if (port != NULL && strcmp(port, u->scheme_len == 5 ? "443" : "80") != 0 && u->host_len < HOST_MAX) {
            u->port = port;
            u->port_len = strnlen(port, HOST_MAX - u->host_len - 1);
        }
    }
    const char *uri = v[P_REQUEST_URI];
    /* REQUEST_URI is the path when it is one ("OPTIONS *" is not) */
    if (uri != NULL && uri[0] == '/') {
        u->uri = uri;
        u->uri_len = strlen(uri);
    } else {
        if (v[P_SCRIPT_NAME] != NULL) {
            u->script = v[P_SCRIPT_NAME];
            u->script_len = strlen(u->script);
        }
        if (v[P_PATH_INFO] != NULL) {
            u->path_info = v[P_PATH_INFO];
            u->path_info_len = strlen(u->path_info);
        }
        if (v[P_QUERY_STRING] != NULL) {
            u->query = v[P_QUERY_STRING];
            u->query_len = strlen(u->query);
        }
        /* nothing at all after the host: the path is "/" */
        if (u->script_len + u->path_info_len + u->query_len == 0) {
            u->uri = "/";
            u->uri_len = 1;
        }
    }
    u->len = u->scheme_len + 3 + u->host_len + (u->port ? 1 + u->port_len : 0) + u->uri_len + u->script_len +
             u->path_info_len + (u->query_len ? 1 + u->query_len : 0);
}

static void url_write(char *d, const struct url_parts *u)
{
    memcpy(d, u->scheme, u->scheme_len);
    d += u->scheme_len;
    memcpy(d, "://", 3);
    d += 3;
    memcpy(d, u->host, u->host_len);
    d += u->host_len;
    if (u->port) {
        *d++ = ':';
        memcpy(d, u->port, u->port_len);
        d += u->port_len;
    }
    memcpy(d, u->uri, u->uri_len);
    d += u->uri_len;
    memcpy(d, u->script, u->script_len);
    d += u->script_len;
    memcpy(d, u->path_info, u->path_info_len);
    d += u->path_info_len;
    if (u->query_len) {
        *d++ = '?';
        memcpy(d, u->query, u->query_len);
        d += u->query_len;
    }
    *d = '\0';
}

/* "NAME_WITH_UNDERSCORES" as "name-with-underscores", NUL-terminated; ASCII
 * only, as tolower() in the C locale the process runs in. */
static char *put_header_name(char *dst, const char *name, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        /* arithmetic rather than tolower(): no call, no locale table */
        unsigned char c = (unsigned char)name[i];
        c = (unsigned char)(c + ((unsigned)(c - 'A') < 26u ? 'a' - 'A' : 0));
        dst[i] = (char)(c == '_' ? '-' : c);
    }
    dst[len] = '\0';
    return dst + len + 1;
}

int request_build(struct request *r, char **params)
{
    memset(r, 0, sizeof(*r));
    /* the variables read, and an upper bound of the headers and of their
     * names' bytes (some HTTP_CONTENT_* and CONTENT_* drop out below) */
    const char *v[P_COUNT] = {NULL};
    size_t max_headers = 0, names_size = 0;
    for (char **p = params; p && *p; p++) {
        const char *eq = strchr(*p, '=');
        if (eq == NULL) {
            continue;
        }
        size_t len = (size_t)(eq - *p);
        int k = known_param(*p, len);
        if (k >= 0 && v[k] == NULL) {
            v[k] = eq + 1;
        }
        enum header_kind h = header_kind(*p, len);
        if (h != H_NONE) {
            max_headers++;
            names_size += (h == H_CONTENT_TYPE || h == H_CONTENT_LENGTH ? len : len - 5) + 1;
        }
    }
    /* nginx and Caddy send HTTP_CONTENT_TYPE/LENGTH beside CONTENT_TYPE/LENGTH:
     * the CGI variables win (RFC 3875 4.1.18); Caddy sends CONTENT_LENGTH=-1
     * for a chunked body, which is no length at all */
    const char *ctype = v[P_CONTENT_TYPE];
    const char *clen = v[P_CONTENT_LENGTH];
    int have_ctype = ctype && ctype[0];
    int have_clen = clen && all_digits(clen);
    const char *remote = v[P_REMOTE_ADDR];
    int add_client_ip = client_ip_param_len > 0 && remote != NULL && remote[0] != '\0';
    max_headers += (size_t)add_client_ip;
    const char *method = v[P_REQUEST_METHOD];
    r->req.method = method && method[0] ? method : "GET";

    /* one allocation: the name/value pointers, the URL, the names */
    struct url_parts u;
    url_measure(&u, v);
    size_t pointers = 2 * max_headers * sizeof(char *);
    r->headers = malloc(pointers + u.len + 1 + names_size);
    if (r->headers == NULL) {
        return -1;
    }
    r->url = (char *)r->headers + pointers;
    url_write(r->url, &u);
    r->bad_host = u.bad_host;
    char *names = r->url + u.len + 1;
    for (char **p = params; max_headers > 0 && p && *p; p++) {
        /* only HTTP_* and CONTENT_* give headers: skip strchr for others */
        if ((*p)[0] != 'H' && (*p)[0] != 'C') {
            continue;
        }
        char *eq = strchr(*p, '=');
        if (eq == NULL) {
            continue;
        }
        size_t len = (size_t)(eq - *p);
        enum header_kind h = header_kind(*p, len);
        int kept = h == H_HTTP || (h == H_HTTP_CONTENT_TYPE && !have_ctype) ||
                   (h == H_HTTP_CONTENT_LENGTH && !have_clen) || (h == H_CONTENT_TYPE && have_ctype) ||
                   (h == H_CONTENT_LENGTH && have_clen);
        /* the client's own header of that name is never believed, also
         * when no REMOTE_ADDR replaces it */
        if (!kept || (client_ip_param_len > 0 && h == H_HTTP && is_client_ip_param(*p, len))) {
            continue;
        }
        int cgi = h == H_CONTENT_TYPE || h == H_CONTENT_LENGTH;
        const char *name = cgi ? *p : *p + 5;
        len = cgi ? len : len - 5;
        r->headers[2 * r->nheaders] = names;
        r->headers[2 * r->nheaders + 1] = eq + 1;
        names = put_header_name(names, name, len);
        r->nheaders++;
    }
    if (add_client_ip) {
        r->headers[2 * r->nheaders] = client_ip_header;
        r->headers[2 * r->nheaders + 1] = (char *)remote;
        r->nheaders++;
    }
    r->req.http_protocol = v[P_SERVER_PROTOCOL];
    r->req.tls_version = v[P_SSL_PROTOCOL];
    r->req.tls_cipher = v[P_SSL_CIPHER];
    r->req.url = r->url;
    r->req.headers = (const char *const *)r->headers;
    r->req.nheaders = r->nheaders;
    r->path = v[P_REQUEST_URI] ? v[P_REQUEST_URI] : v[P_SCRIPT_NAME] ? v[P_SCRIPT_NAME] : "/";
    r->script_filename = v[P_SCRIPT_FILENAME];
    /* Apache's mod_proxy_fcgi (ProxyFCGIBackendType FPM) sends
     * "proxy:fcgi://HOST/path": the path starts after the host */
    if (r->script_filename && strncmp(r->script_filename, "proxy:fcgi://", 13) == 0) {
        const char *slash = strchr(r->script_filename + 13, '/');
        r->script_filename = slash ? slash : "";
    }
    r->document_root = v[P_DOCUMENT_ROOT];
    static unsigned long serial;
    r->req.id = ++serial;
    /* "METHOD PATH", cut to the buffer */
    size_t cap = sizeof(r->log_context) - 1;
    size_t n = copy_cut(r->log_context, cap, r->req.method);
    if (n < cap) {
        r->log_context[n++] = ' ';
        n += copy_cut(r->log_context + n, cap - n, r->path);
    }
    r->log_context[n] = '\0';
    r->req.log_context = r->log_context;
    return 0;
}

void request_free(struct request *r)
{
    /* the URL and the header names share the headers' allocation; the
     * values are the parameters' own */
    free(r->headers);
    free(r->body);
    memset(r, 0, sizeof(*r));
}

int request_read_body(struct request *r, const struct request_stream *in, size_t body_max, unsigned timeout_ms)
{
    size_t cap = 0;
    char chunk[16384];
    double deadline = timeout_ms ? clock_now_ms() + timeout_ms : 0;
    for (;;) {
        if (deadline > 0 && clock_now_ms() > deadline) {
            return -3;
        }
        int n = in->read(in->s, chunk, sizeof(chunk));
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            break;
        }
        if (r->body_len + (size_t)n > body_max) {
            return -2;
        }
        if (r->body_len + (size_t)n > cap) {
            cap = cap ? cap * 2 : 65536;
            while (cap < r->body_len + (size_t)n) {
                cap *= 2;
            }
            char *nb = realloc(r->body, cap);
            if (nb == NULL) {
                return -1;
            }
            r->body = nb;
        }
        memcpy(r->body + r->body_len, chunk, (size_t)n);
        r->body_len += (size_t)n;
    }
    r->req.body = r->body;
    r->req.body_len = r->body_len;
    return 0;
}

/* ---- response ---- */

static int put(struct response *res, const char *s, size_t n)
{
    return res->out->write(res->out->s, s, (int)n) < 0 ? -1 : 0;
}

static int putline(struct response *res, const char *a, const char *b, const char *c)
{
    char buf[8192];
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc + 2 > sizeof(buf)) {
        /* a header longer than the buffer goes out in pieces */
        return put(res, a, la) < 0 || put(res, b, lb) < 0 || put(res, c, lc) < 0 || put(res, "\r\n", 2) < 0 ? -1 : 0;
    }
    memcpy(buf, a, la);
    memcpy(buf + la, b, lb);
    memcpy(buf + la + lb, c, lc);
    memcpy(buf + la + lb + lc, "\r\n", 2);
    return put(res, buf, la + lb + lc + 2);
}

static int out_head(void *data, int status, const char *reason, const char *const *headers, size_t n, int streaming)
{
    struct response *res = data;
    /* "Status: N" and a space when a reason follows */
    char st[16], *p = st + sizeof(st);
    unsigned code = status < 0 ? 0u : (unsigned)status;
    *--p = '\0';
    if (reason && reason[0]) {
        *--p = ' ';
    }
    do {
        *--p = (char)('0' + code % 10);
        code /= 10;
    } while (code > 0);
    res->status = status;
    if (putline(res, "Status: ", p, reason ? reason : "") < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (putline(res, headers[2 * i], ": ", headers[2 * i + 1]) < 0) {
            return -1;
        }
    }
    if (streaming && putline(res, "X-Accel-Buffering: no", "", "") < 0) {
        return -1;
    }
    return put(res, "\r\n", 2);
}

static int out_write(void *data, const void *buf, size_t len)
{
    struct response *res = data;
    const char *p = buf;
    while (len > 0) {
        int n = len > (1u << 30) ? 1 << 30 : (int)len;
        if (res->out->write(res->out->s, p, n) < 0) {
            return -1;
        }
        res->bytes += (size_t)n;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int out_flush(void *data)
{
    struct response *res = data;
    return res->out->flush(res->out->s);
}

static int out_abort(void *data)
{
    struct response *res = data;
    return res->out->abort(res->out->abort_data);
}

void response_init(struct response *res, const struct request_stream *out)
{
    res->out = out;
    res->status = 0;
    res->bytes = 0;
    res->ops.head = out_head;
    res->ops.write = out_write;
    res->ops.flush = out_flush;
    res->ops.abort = out->abort != NULL ? out_abort : NULL;
    res->ops.data = res;
}
