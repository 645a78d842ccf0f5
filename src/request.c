/*
 * Request and response marshalling for both FastCGI and CGI. The URL is
 * built from REQUEST_SCHEME / HTTPS, HTTP_HOST (or SERVER_NAME and
 * SERVER_PORT) and REQUEST_URI (or SCRIPT_NAME + PATH_INFO + QUERY_STRING
 * when a server does not send it); headers from HTTP_*, CONTENT_TYPE and
 * CONTENT_LENGTH, names lower-cased with '_' turned into '-'.
 */
#include "config.h"

#include "request.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *request_param(char **params, const char *name)
{
    size_t len = strlen(name);
    for (char **p = params; p && *p; p++) {
        if (strncmp(*p, name, len) == 0 && (*p)[len] == '=') {
            return *p + len + 1;
        }
    }
    return NULL;
}

static char *header_name(const char *param, size_t len)
{
    char *name = malloc(len + 1);
    if (name == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < len; i++) {
        name[i] = param[i] == '_' ? '-' : (char) tolower((unsigned char) param[i]);
    }
    name[len] = '\0';
    return name;
}

static int add_header(struct request *r, char *name, const char *value)
{
    char **h = realloc(r->headers, (r->nheaders + 1) * 2 * sizeof(char *));
    if (h == NULL || name == NULL) {
        free(name);
        if (h) {
            r->headers = h;
        }
        return -1;
    }
    r->headers = h;
    h[2 * r->nheaders] = name;
    h[2 * r->nheaders + 1] = strdup(value);
    r->nheaders++;
    return h[2 * r->nheaders - 1] ? 0 : -1;
}

static int build_url(struct request *r, char **params)
{
    const char *scheme = request_param(params, "REQUEST_SCHEME");
    const char *https = request_param(params, "HTTPS");
    if (scheme == NULL || (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)) {
        scheme = https && https[0] && strcasecmp(https, "off") != 0 ? "https" : "http";
    }
    const char *host = request_param(params, "HTTP_HOST");
    const char *server = request_param(params, "SERVER_NAME");
    const char *port = request_param(params, "SERVER_PORT");
    char hostbuf[512];
    if (host == NULL || host[0] == '\0') {
        int default_port = port == NULL || (strcmp(scheme, "http") == 0 && strcmp(port, "80") == 0) ||
                           (strcmp(scheme, "https") == 0 && strcmp(port, "443") == 0);
        snprintf(hostbuf, sizeof(hostbuf), "%s%s%s", server && server[0] ? server : "localhost",
                 default_port ? "" : ":", default_port ? "" : port);
        host = hostbuf;
    }
    const char *uri = request_param(params, "REQUEST_URI");
    const char *script = request_param(params, "SCRIPT_NAME");
    const char *path_info = request_param(params, "PATH_INFO");
    const char *query = request_param(params, "QUERY_STRING");
    /* REQUEST_URI is the path when it is one ("OPTIONS *" is not) */
    int use_uri = uri != NULL && uri[0] == '/';
    size_t need = strlen(scheme) + strlen(host) + 16 +
                  (use_uri ? strlen(uri)
                           : (script ? strlen(script) : 0) + (path_info ? strlen(path_info) : 0) +
                                 (query ? strlen(query) : 0));
    r->url = malloc(need);
    if (r->url == NULL) {
        return -1;
    }
    if (use_uri) {
        snprintf(r->url, need, "%s://%s%s", scheme, host, uri);
    } else {
        snprintf(r->url, need, "%s://%s%s%s%s%s", scheme, host, script ? script : "",
                 path_info ? path_info : "", query && query[0] ? "?" : "", query && query[0] ? query : "");
        if (r->url[strlen(scheme) + 3 + strlen(host)] == '\0') {
            strcat(r->url, "/");
        }
    }
    r->path = uri ? uri : script ? script : "/";
    return 0;
}

static int all_digits(const char *s)
{
    return s[0] != '\0' && strspn(s, "0123456789") == strlen(s);
}

int request_build(struct request *r, char **params)
{
    memset(r, 0, sizeof(*r));
    /* nginx and Caddy send HTTP_CONTENT_TYPE/LENGTH beside CONTENT_TYPE/LENGTH:
     * the CGI variables win (RFC 3875 4.1.18); Caddy sends CONTENT_LENGTH=-1
     * for a chunked body, which is no length at all */
    const char *ctype = request_param(params, "CONTENT_TYPE");
    const char *clen = request_param(params, "CONTENT_LENGTH");
    int have_ctype = ctype && ctype[0];
    int have_clen = clen && all_digits(clen);
    const char *method = request_param(params, "REQUEST_METHOD");
    r->req.method = method && method[0] ? method : "GET";
    if (build_url(r, params) < 0) {
        return -1;
    }
    for (char **p = params; p && *p; p++) {
        const char *eq = strchr(*p, '=');
        if (eq == NULL) {
            continue;
        }
        if (strncmp(*p, "HTTP_", 5) == 0 && eq - *p > 5) {
            /* HTTP_PROXY would let a client set a proxy for CGI code (httpoxy) */
            if (strncmp(*p, "HTTP_PROXY=", 11) == 0 ||
                (have_ctype && strncmp(*p, "HTTP_CONTENT_TYPE=", 18) == 0) ||
                (have_clen && strncmp(*p, "HTTP_CONTENT_LENGTH=", 20) == 0)) {
                continue;
            }
            if (add_header(r, header_name(*p + 5, (size_t) (eq - *p - 5)), eq + 1) < 0) {
                return -1;
            }
        } else if ((have_ctype && strncmp(*p, "CONTENT_TYPE=", 13) == 0) ||
                   (have_clen && strncmp(*p, "CONTENT_LENGTH=", 15) == 0)) {
            if (add_header(r, header_name(*p, (size_t) (eq - *p)), eq + 1) < 0) {
                return -1;
            }
        }
    }
    r->req.url = r->url;
    r->req.headers = (const char *const *) r->headers;
    r->req.nheaders = r->nheaders;
    r->script_filename = request_param(params, "SCRIPT_FILENAME");
    /* Apache's mod_proxy_fcgi (ProxyFCGIBackendType FPM) sends
     * "proxy:fcgi://HOST/path": the path starts after the host */
    if (r->script_filename && strncmp(r->script_filename, "proxy:fcgi://", 13) == 0) {
        const char *slash = strchr(r->script_filename + 13, '/');
        r->script_filename = slash ? slash : "";
    }
    r->document_root = request_param(params, "DOCUMENT_ROOT");
    static unsigned long serial;
    r->req.id = ++serial;
    snprintf(r->log_context, sizeof(r->log_context), "%s %s", r->req.method, r->path);
    r->req.log_context = r->log_context;
    return 0;
}

void request_free(struct request *r)
{
    for (size_t i = 0; i < 2 * r->nheaders; i++) {
        free(r->headers[i]);
    }
    free(r->headers);
    free(r->url);
    free(r->body);
    memset(r, 0, sizeof(*r));
}

int request_read_body(struct request *r, const struct request_stream *in, size_t body_max)
{
    size_t cap = 0;
    char chunk[16384];
    for (;;) {
        int n = in->read(in->s, chunk, sizeof(chunk));
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            break;
        }
        if (r->body_len + (size_t) n > body_max) {
            return -2;
        }
        if (r->body_len + (size_t) n > cap) {
            cap = cap ? cap * 2 : 65536;
            while (cap < r->body_len + (size_t) n) {
                cap *= 2;
            }
            char *nb = realloc(r->body, cap);
            if (nb == NULL) {
                return -1;
            }
            r->body = nb;
        }
        memcpy(r->body + r->body_len, chunk, (size_t) n);
        r->body_len += (size_t) n;
    }
    r->req.body = r->body;
    r->req.body_len = r->body_len;
    return 0;
}

/* ---- response ---- */

static int put(struct response *res, const char *s, size_t n)
{
    return res->out->write(res->out->s, s, (int) n) < 0 ? -1 : 0;
}

static int putline(struct response *res, const char *a, const char *b, const char *c)
{
    char buf[8192];
    int n = snprintf(buf, sizeof(buf), "%s%s%s\r\n", a, b, c);
    if (n < 0 || (size_t) n >= sizeof(buf)) {
        /* a header longer than the buffer goes out in pieces */
        return put(res, a, strlen(a)) < 0 || put(res, b, strlen(b)) < 0 || put(res, c, strlen(c)) < 0 ||
                       put(res, "\r\n", 2) < 0
                   ? -1
                   : 0;
    }
    return put(res, buf, (size_t) n);
}

static int out_head(void *data, int status, const char *reason, const char *const *headers, size_t n,
                    int streaming)
{
    struct response *res = data;
    char st[64];
    snprintf(st, sizeof(st), "%d%s", status, reason && reason[0] ? " " : "");
    res->status = status;
    if (putline(res, "Status: ", st, reason ? reason : "") < 0) {
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
        int n = len > (1u << 30) ? 1 << 30 : (int) len;
        if (res->out->write(res->out->s, p, n) < 0) {
            return -1;
        }
        res->bytes += (size_t) n;
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

static int out_flush(void *data)
{
    struct response *res = data;
    return res->out->flush(res->out->s);
}

void response_init(struct response *res, const struct request_stream *out)
{
    res->out = out;
    res->status = 0;
    res->bytes = 0;
    res->ops.head = out_head;
    res->ops.write = out_write;
    res->ops.flush = out_flush;
    res->ops.data = res;
}
