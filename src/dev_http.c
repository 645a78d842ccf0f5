/* SPDX-License-Identifier: MIT */
/*
 * The dev loop's HTTP front (fcworker dev): one HTTP/1.1 connection served
 * by translating each request into a FastCGI request to the dev pool's
 * socket, the way nginx would. The request line and headers are read
 * whole (64 KiB at most), the body by Content-Length or chunked; the
 * headers become HTTP_* parameters. The answer's CGI head (Status: and
 * headers) becomes the status line; a body without Content-Length is sent
 * chunked, one chunk per FastCGI record as it arrives, so streams reach
 * the client as they are written. Connections are kept alive between
 * requests unless the client asks otherwise. Each request is printed as a
 * log line: method, target, status, bytes and time.
 */
#include "config.h"

#include "dev.h"

#include "clock.h"
#include "fcw.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define HEAD_MAX 65536
#define BODY_MAX (64u << 20)
#define IDLE_MS 30000

/* A growing byte buffer. */
struct bytes {
    char *p;
    size_t len, cap;
};

static int bytes_put(struct bytes *b, const void *data, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n) {
            cap *= 2;
        }
        char *p = realloc(b->p, cap);
        if (p == NULL) {
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
    return 0;
}

/* The client's connection: what was read but not used yet. */
struct conn {
    int fd;
    char buf[HEAD_MAX];
    size_t len;
};

/* Reads more into c->buf; 0 at the end, -1 on an error or after IDLE_MS. */
static ssize_t conn_fill(struct conn *c)
{
    if (c->len == sizeof(c->buf)) {
        return -1;
    }
    struct pollfd p = {c->fd, POLLIN, 0};
    if (poll(&p, 1, IDLE_MS) <= 0) {
        return -1;
    }
    ssize_t n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);
    if (n > 0) {
        c->len += (size_t)n;
    }
    return n;
}

static void conn_consume(struct conn *c, size_t n)
{
    memmove(c->buf, c->buf + n, c->len - n);
    c->len -= n;
}

/* Reads exactly n body bytes into out. */
static int conn_read_n(struct conn *c, struct bytes *out, size_t n)
{
    while (n > 0) {
        if (c->len == 0 && conn_fill(c) <= 0) {
            return -1;
        }
        size_t take = c->len < n ? c->len : n;
        if (bytes_put(out, c->buf, take) < 0) {
            return -1;
        }
        conn_consume(c, take);
        n -= take;
    }
    return 0;
}

/* One line ending in LF (CR dropped) into line; -1 when none comes. */
static int conn_line(struct conn *c, char *line, size_t cap)
{
    for (;;) {
        char *nl = memchr(c->buf, '\n', c->len);
        if (nl != NULL) {
            size_t n = (size_t)(nl - c->buf);
            size_t keep = n > 0 && c->buf[n - 1] == '\r' ? n - 1 : n;
            if (keep >= cap) {
                return -1;
            }
            memcpy(line, c->buf, keep);
            line[keep] = '\0';
            conn_consume(c, n + 1);
            return 0;
        }
        if (conn_fill(c) <= 0) {
            return -1;
        }
    }
}

/* A chunked request body, decoded (trailers skipped). */
static int read_chunked(struct conn *c, struct bytes *out)
{
    char line[1024];
    for (;;) {
        if (conn_line(c, line, sizeof(line)) < 0) {
            return -1;
        }
        char *end;
        errno = 0;
        unsigned long long n = strtoull(line, &end, 16);
        if (end == line || errno != 0 || out->len + n > BODY_MAX) {
            return -1;
        }
        if (n == 0) {
            do {
                if (conn_line(c, line, sizeof(line)) < 0) {
                    return -1;
                }
            } while (line[0] != '\0');
            return 0;
        }
        if (conn_read_n(c, out, (size_t)n) < 0 || conn_line(c, line, sizeof(line)) < 0 || line[0] != '\0') {
            return -1;
        }
    }
}

/* ---- FastCGI */

static int fcgi_record(struct bytes *b, int type, const void *content, size_t n)
{
    unsigned char h[8] = {1, (unsigned char)type, 0, 1, (unsigned char)(n >> 8), (unsigned char)n, 0, 0};
    return bytes_put(b, h, 8) < 0 || (n > 0 && bytes_put(b, content, n) < 0) ? -1 : 0;
}

static int fcgi_param(struct bytes *b, const char *name, size_t nlen, const char *value, size_t vlen)
{
    unsigned char len[8];
    size_t k = 0;
    size_t lens[2] = {nlen, vlen};
    for (int i = 0; i < 2; i++) {
        if (lens[i] < 128) {
            len[k++] = (unsigned char)lens[i];
        } else {
            len[k++] = (unsigned char)((lens[i] >> 24) | 0x80);
            len[k++] = (unsigned char)(lens[i] >> 16);
            len[k++] = (unsigned char)(lens[i] >> 8);
            len[k++] = (unsigned char)lens[i];
        }
    }
    return bytes_put(b, len, k) < 0 || bytes_put(b, name, nlen) < 0 || bytes_put(b, value, vlen) < 0 ? -1 : 0;
}

static int fcgi_param_s(struct bytes *b, const char *name, const char *value)
{
    return fcgi_param(b, name, strlen(name), value, strlen(value));
}

/* Splits data into records of type (at most 65535 bytes each). */
static int fcgi_stream(struct bytes *out, int type, const char *data, size_t n)
{
    do {
        size_t take = n > 65535 ? 65535 : n;
        if (fcgi_record(out, type, data, take) < 0) {
            return -1;
        }
        data += take;
        n -= take;
    } while (n > 0);
    return 0;
}

/* ---- one request */

struct req {
    char method[32];
    char target[8192];
    char version[16];
    struct bytes params; /* the HTTP_* and CGI parameters, encoded */
    struct bytes body;
    int keep_alive;
    int chunked_in;
    long long content_length; /* -1: none */
};

static void req_free(struct req *r)
{
    free(r->params.p);
    free(r->body.p);
}

static int send_simple(int fd, int status, const char *reason, const char *text)
{
    char head[256];
    int n = snprintf(head, sizeof(head),
                     "HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %zu\r\n"
                     "connection: close\r\n\r\n",
                     status, reason, strlen(text));
    return fcw_write_all(fd, head, (size_t)n) < 0 || fcw_write_all(fd, text, strlen(text)) < 0 ? -1 : 0;
}

/* Reads the request head; 1 for a request, 0 when the client closed
 * between requests, -1 on a bad one (answered 400). */
static int read_request(struct conn *c, struct req *r, const struct dev_front *front)
{
    char line[HEAD_MAX];
    memset(r, 0, sizeof(*r));
    r->content_length = -1;
    do {
        if (c->len == 0) {
            ssize_t n = conn_fill(c);
            if (n <= 0) {
                return 0;
            }
        }
        if (conn_line(c, line, sizeof(line)) < 0) {
            send_simple(c->fd, 400, "Bad Request", "bad request line\n");
            return -1;
        }
    } while (line[0] == '\0'); /* empty lines before a request are allowed */
    if (sscanf(line, "%31s %8191s %15s", r->method, r->target, r->version) != 3 ||
        strncmp(r->version, "HTTP/1.", 7) != 0 || (r->target[0] != '/' && strcmp(r->target, "*") != 0)) {
        send_simple(c->fd, 400, "Bad Request", "bad request line\n");
        return -1;
    }
    r->keep_alive = strcmp(r->version, "HTTP/1.1") == 0;
    for (;;) {
        if (conn_line(c, line, sizeof(line)) < 0) {
            send_simple(c->fd, 431, "Request Header Fields Too Large", "bad or too large header\n");
            return -1;
        }
        if (line[0] == '\0') {
            break;
        }
        char *colon = strchr(line, ':');
        if (colon == NULL || colon == line) {
            send_simple(c->fd, 400, "Bad Request", "bad header line\n");
            return -1;
        }
        *colon = '\0';
        char *value = colon + 1;
        value += strspn(value, " \t");
        size_t vlen = strlen(value);
        while (vlen > 0 && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t')) {
            value[--vlen] = '\0';
        }
        if (strcasecmp(line, "content-length") == 0) {
            char *end;
            r->content_length = strtoll(value, &end, 10);
            if (*end != '\0' || r->content_length < 0 || r->content_length > BODY_MAX) {
                send_simple(c->fd, 400, "Bad Request", "bad content-length\n");
                return -1;
            }
            fcgi_param_s(&r->params, "CONTENT_LENGTH", value);
            continue;
        }
        if (strcasecmp(line, "content-type") == 0) {
            fcgi_param_s(&r->params, "CONTENT_TYPE", value);
            continue;
        }
        if (strcasecmp(line, "transfer-encoding") == 0) {
            r->chunked_in = strcasecmp(value, "chunked") == 0;
            continue;
        }
        if (strcasecmp(line, "connection") == 0) {
            if (strcasecmp(value, "close") == 0) {
                r->keep_alive = 0;
            } else if (strcasecmp(value, "keep-alive") == 0) {
                r->keep_alive = 1;
            }
        }
        char name[512] = "HTTP_";
        size_t n = strlen(line);
        if (n + 6 > sizeof(name) || strcasecmp(line, "proxy") == 0) {
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)line[i];
            name[5 + i] = ch == '-' ? '_' : (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
        }
        fcgi_param(&r->params, name, 5 + n, value, vlen);
    }
    int ok = r->chunked_in           ? read_chunked(c, &r->body)
             : r->content_length > 0 ? conn_read_n(c, &r->body, (size_t)r->content_length)
                                     : 0;
    if (ok < 0) {
        send_simple(c->fd, 400, "Bad Request", "incomplete body\n");
        return -1;
    }
    if (r->chunked_in) {
        char len[32];
        snprintf(len, sizeof(len), "%zu", r->body.len);
        fcgi_param_s(&r->params, "CONTENT_LENGTH", len);
    }
    char *q = strchr(r->target, '?');
    char port[16];
    snprintf(port, sizeof(port), "%d", front->port);
    fcgi_param_s(&r->params, "REQUEST_METHOD", r->method);
    fcgi_param_s(&r->params, "REQUEST_URI", r->target);
    fcgi_param(&r->params, "SCRIPT_NAME", 11, r->target, q ? (size_t)(q - r->target) : strlen(r->target));
    fcgi_param_s(&r->params, "QUERY_STRING", q ? q + 1 : "");
    fcgi_param_s(&r->params, "SERVER_PROTOCOL", r->version);
    fcgi_param_s(&r->params, "SERVER_NAME", "127.0.0.1");
    fcgi_param_s(&r->params, "SERVER_PORT", port);
    fcgi_param_s(&r->params, "REQUEST_SCHEME", "http");
    fcgi_param_s(&r->params, "GATEWAY_INTERFACE", "CGI/1.1");
    fcgi_param_s(&r->params, "REMOTE_ADDR", front->client_addr);
    return 1;
}

static int pool_connect(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof(sa.sun_path)) {
        return -1;
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* The answer coming back: the CGI head until it is complete, then body. */
struct answer {
    struct bytes head;
    int head_done;
    int status;
    int chunked; /* no content-length: sent chunked */
    int no_body; /* HEAD, 204, 304 */
    size_t bytes;
};

/* Turns the CGI head into the HTTP head and sends it. */
static int send_head(int fd, struct answer *a, const struct req *r, char *cgi, size_t len)
{
    struct bytes out = {NULL, 0, 0};
    struct bytes hdrs = {NULL, 0, 0};
    int status = 200, have_length = 0;
    char *line = cgi, *end = cgi + len;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        char *stop = nl ? nl : end;
        size_t n = (size_t)(stop - line);
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        line[n] = '\0';
        if (n > 0) {
            if (strncasecmp(line, "Status:", 7) == 0) {
                status = atoi(line + 7 + strspn(line + 7, " "));
            } else {
                if (strncasecmp(line, "content-length:", 15) == 0) {
                    have_length = 1;
                }
                if (strncasecmp(line, "transfer-encoding:", 18) != 0 && strncasecmp(line, "connection:", 11) != 0) {
                    bytes_put(&hdrs, line, n);
                    bytes_put(&hdrs, "\r\n", 2);
                }
            }
        }
        line = stop + 1;
    }
    a->status = status < 100 || status > 999 ? 502 : status;
    a->no_body = strcmp(r->method, "HEAD") == 0 || status == 204 || status == 304 || status < 200;
    a->chunked = !have_length && !a->no_body;
    char first[128];
    int k = snprintf(first, sizeof(first), "HTTP/1.1 %d %s\r\n", a->status, dev_reason(a->status));
    bytes_put(&out, first, (size_t)k);
    if (hdrs.len) {
        bytes_put(&out, hdrs.p, hdrs.len);
    }
    if (a->chunked) {
        bytes_put(&out, "transfer-encoding: chunked\r\n", 28);
    }
    if (!r->keep_alive) {
        bytes_put(&out, "connection: close\r\n", 19);
    }
    int rc = bytes_put(&out, "\r\n", 2) < 0 ? -1 : fcw_write_all(fd, out.p, out.len);
    free(out.p);
    free(hdrs.p);
    return rc;
}

static int send_body(int fd, struct answer *a, const char *data, size_t n)
{
    if (n == 0 || a->no_body) {
        return 0;
    }
    a->bytes += n;
    if (!a->chunked) {
        return fcw_write_all(fd, data, n);
    }
    char size[24];
    int k = snprintf(size, sizeof(size), "%zx\r\n", n);
    return fcw_write_all(fd, size, (size_t)k) < 0 || fcw_write_all(fd, data, n) < 0 || fcw_write_all(fd, "\r\n", 2) < 0
               ? -1
               : 0;
}

/* STDOUT content: the head first (until an empty line), then the body. */
static int on_stdout(int fd, struct answer *a, const struct req *r, const char *data, size_t n)
{
    if (a->head_done) {
        return send_body(fd, a, data, n);
    }
    if (bytes_put(&a->head, data, n) < 0) {
        return -1;
    }
    char *p = a->head.p;
    size_t len = a->head.len;
    for (size_t i = 0; i < len; i++) {
        size_t sep = 0;
        if (p[i] == '\n' && i + 1 < len && p[i + 1] == '\n') {
            sep = 2;
        } else if (p[i] == '\n' && i + 2 < len && p[i + 1] == '\r' && p[i + 2] == '\n') {
            sep = 3;
        }
        if (sep) {
            a->head_done = 1;
            if (send_head(fd, a, r, p, i + 1) < 0) {
                return -1;
            }
            return send_body(fd, a, p + i + sep, len - i - sep);
        }
    }
    return len > HEAD_MAX ? -1 : 0;
}

/* Sends r to the pool and relays its answer; returns 0, or -1 when the
 * connection cannot go on. */
static int relay(int cfd, struct req *r, const struct dev_front *front, struct answer *a)
{
    int pfd = pool_connect(front->socket);
    if (pfd < 0) {
        a->status = 502;
        return send_simple(cfd, 502, "Bad Gateway",
                           "fcworker dev: the worker is not running (see the build error above)\n") < 0
                   ? -1
                   : 1;
    }
    struct bytes out = {NULL, 0, 0};
    static const unsigned char begin[8] = {0, 1, 0, 0, 0, 0, 0, 0}; /* role responder, no keep-conn */
    int rc = fcgi_record(&out, 1, begin, 8);
    rc |= fcgi_stream(&out, 4, r->params.p ? r->params.p : "", r->params.len);
    rc |= fcgi_record(&out, 4, NULL, 0);
    if (r->body.len > 0) {
        rc |= fcgi_stream(&out, 5, r->body.p, r->body.len);
    }
    rc |= fcgi_record(&out, 5, NULL, 0);
    if (rc < 0 || fcw_write_all(pfd, out.p, out.len) < 0) {
        free(out.p);
        close(pfd);
        a->status = 502;
        return send_simple(cfd, 502, "Bad Gateway", "fcworker dev: cannot reach the worker\n") < 0 ? -1 : 1;
    }
    free(out.p);
    struct bytes in = {NULL, 0, 0};
    char buf[65536];
    int ended = 0, failed = 0;
    while (!ended && !failed) {
        ssize_t n = read(pfd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (bytes_put(&in, buf, (size_t)n) < 0) {
            failed = 1;
            break;
        }
        size_t at = 0;
        while (in.len - at >= 8) {
            const unsigned char *h = (const unsigned char *)in.p + at;
            size_t clen = (size_t)h[4] << 8 | h[5], plen = h[6];
            if (in.len - at < 8 + clen + plen) {
                break;
            }
            if (h[1] == 6 && on_stdout(cfd, a, r, (const char *)h + 8, clen) < 0) {
                failed = 1;
            } else if (h[1] == 7 && clen > 0) {
                /* the worker's stderr: shown in the terminal */
                fprintf(stderr, "%.*s", (int)clen, (const char *)h + 8);
            } else if (h[1] == 3) {
                ended = 1;
            }
            at += 8 + clen + plen;
            if (ended || failed) {
                break;
            }
        }
        memmove(in.p, in.p + at, in.len - at);
        in.len -= at;
    }
    free(in.p);
    close(pfd);
    if (!a->head_done) {
        a->status = 502;
        return failed ? -1 : send_simple(cfd, 502, "Bad Gateway", "fcworker dev: the worker sent no answer\n");
    }
    if (!ended || failed) {
        return -1; /* cut: the client sees the connection close */
    }
    if (a->chunked && !a->no_body && fcw_write_all(cfd, "0\r\n\r\n", 5) < 0) {
        return -1;
    }
    return 0;
}

void dev_serve_connection(int fd, const struct dev_front *front)
{
    struct conn *c = malloc(sizeof(*c));
    if (c == NULL) {
        return;
    }
    c->fd = fd;
    c->len = 0;
    for (;;) {
        struct req r;
        int got = read_request(c, &r, front);
        if (got <= 0) {
            req_free(&r);
            break;
        }
        double start = clock_now_ms();
        struct answer a = {{NULL, 0, 0}, 0, 0, 0, 0, 0};
        int rc = relay(fd, &r, front, &a);
        printf("%s %s %d %zu %.1fms\n", r.method, r.target, a.status, a.bytes, clock_now_ms() - start);
        fflush(stdout);
        free(a.head.p);
        int again = rc == 0 && r.keep_alive;
        req_free(&r);
        if (!again) {
            break;
        }
    }
    free(c);
}
