/* SPDX-License-Identifier: MIT */
/*
 * A FastCGI client on the engine's event loop, for service bindings
 * (js/74-services.js): env.NAME.fetch(request) becomes one FastCGI request
 * over a unix or TCP socket to a pool (this master's or another host's),
 * with no HTTP in between. The request's method, URL and headers become
 * CGI parameters (HTTP_*, CONTENT_TYPE, CONTENT_LENGTH, REQUEST_URI, ...),
 * its body FCGI_STDIN records; the answer's FCGI_STDOUT is a CGI response
 * ("Status:" and header lines, a blank line, the body).
 *
 * Everything is non-blocking through lib/loop.h. The response reaches
 * JavaScript through the hooks of js/60-fetch.js (fetchHead, fetchChunk,
 * fetchDone, keyed by the same transfer ids), so its body is the same
 * demand-driven ReadableStream as a fetch() body: after each chunk the
 * socket is not read again until the stream pulls (fcgiDemand).
 *
 *   native.fcgiStart(id, target, {method, path, query, host, hostname, port,
 *                    https}, flatHeaders, body|null)
 *       target: "unix:/path" or "tcp:host:port"
 *   native.fcgiDemand(id, queued), native.fcgiAbort(id), native.fcgiClear()
 */
#include "config.h"

#include "engine.h"
#include "fetch.h"

#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define FCGI_MAX_HEAD (64 * 1024)
#define FCGI_READ_SIZE 65536

struct fcgi_conn {
    double id;
    int fd;
    struct fcw_engine *engine;
    unsigned char *out; /* the whole request, as records */
    size_t out_len, out_off;
    unsigned char *in; /* records read and not yet taken apart */
    size_t in_len;
    char *head; /* the CGI head, until its blank line */
    size_t head_len;
    int head_done;
    int paused; /* a chunk went out; wait for demand */
    int connected;
    struct fcgi_conn *next;
};

static struct fcgi_conn *conns;

static struct fcgi_conn *find(double id)
{
    for (struct fcgi_conn *c = conns; c != NULL; c = c->next) {
        if (c->id == id) {
            return c;
        }
    }
    return NULL;
}

static void conn_free(struct fcgi_conn *c)
{
    struct fcgi_conn **pp = &conns;
    while (*pp != NULL && *pp != c) {
        pp = &(*pp)->next;
    }
    if (*pp == c) {
        *pp = c->next;
    }
    if (c->fd >= 0) {
        fcw_loop_del_fd(fcw_engine_loop(c->engine), c->fd);
        close(c->fd);
    }
    free(c->out);
    free(c->in);
    free(c->head);
    free(c);
}

/* ---- the request, as records */

struct buf {
    unsigned char *p;
    size_t len, cap;
    int failed;
};

static void buf_put(struct buf *b, const void *data, size_t n)
{
    if (b->failed) {
        return;
    }
    if (b->len + n > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 4096) + n;
        unsigned char *p = realloc(b->p, cap);
        if (p == NULL) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
}

static void put_length(struct buf *b, size_t n)
{
    unsigned char l[4] = {(unsigned char)((n >> 24) | 0x80), (unsigned char)(n >> 16), (unsigned char)(n >> 8),
                          (unsigned char)n};
    if (n < 128) {
        l[0] = (unsigned char)n;
        buf_put(b, l, 1);
    } else {
        buf_put(b, l, 4);
    }
}

static void put_pair(struct buf *b, const char *name, size_t nlen, const char *value, size_t vlen)
{
    put_length(b, nlen);
    put_length(b, vlen);
    buf_put(b, name, nlen);
    buf_put(b, value, vlen);
}

static void put_param(struct buf *b, const char *name, const char *value)
{
    put_pair(b, name, strlen(name), value, strlen(value));
}

/* data as records of type (at most 65535 bytes each), then an empty one
 * when end is set */
static void put_stream(struct buf *b, int type, const unsigned char *data, size_t len, int end)
{
    while (len > 0 || end) {
        size_t n = len > 65535 ? 65535 : len;
        unsigned char head[8] = {1, (unsigned char)type, 0, 1, (unsigned char)(n >> 8), (unsigned char)n, 0, 0};
        buf_put(b, head, 8);
        if (n > 0) {
            buf_put(b, data, n);
        }
        data += n;
        len -= n;
        if (n == 0) {
            break;
        }
    }
}

/* The CGI parameters of the request described at index pidx ({method,
 * path, query, host, hostname, port, https}) with the headers at hidx. */
static int build_params(duk_context *ctx, struct buf *params, duk_idx_t pidx, duk_idx_t hidx, size_t body_len)
{
    static const char *const fields[] = {"method", "path", "query", "host", "hostname", "port"};
    const char *v[6];
    for (int i = 0; i < 6; i++) {
        duk_get_prop_string(ctx, pidx, fields[i]);
        v[i] = duk_to_string(ctx, -1);
        duk_pop(ctx); /* the record keeps the string alive */
    }
    duk_get_prop_literal(ctx, pidx, "https");
    int https = duk_to_boolean(ctx, -1);
    duk_pop(ctx);
    char uri[8192], len[32];
    if (snprintf(uri, sizeof(uri), "%s%s%s", v[1], v[2][0] ? "?" : "", v[2]) >= (int)sizeof(uri)) {
        return -1;
    }
    snprintf(len, sizeof(len), "%zu", body_len);
    put_param(params, "GATEWAY_INTERFACE", "CGI/1.1");
    put_param(params, "SERVER_PROTOCOL", "HTTP/1.1");
    put_param(params, "REQUEST_METHOD", v[0]);
    put_param(params, "REQUEST_URI", uri);
    put_param(params, "SCRIPT_NAME", v[1]);
    put_param(params, "DOCUMENT_URI", v[1]);
    put_param(params, "QUERY_STRING", v[2]);
    put_param(params, "SERVER_NAME", v[4]);
    put_param(params, "SERVER_PORT", v[5]);
    put_param(params, "REQUEST_SCHEME", https ? "https" : "http");
    put_param(params, "REMOTE_ADDR", "127.0.0.1");
    put_param(params, "CONTENT_LENGTH", len);
    if (https) {
        put_param(params, "HTTPS", "on");
    }
    int have_host = 0;
    duk_size_t n = duk_get_length(ctx, hidx);
    for (duk_size_t i = 0; i + 1 < n; i += 2) {
        duk_get_prop_index(ctx, hidx, (duk_uarridx_t)i);
        duk_get_prop_index(ctx, hidx, (duk_uarridx_t)i + 1);
        const char *name = duk_safe_to_string(ctx, -2);
        duk_size_t vlen;
        const char *value = duk_safe_to_lstring(ctx, -1, &vlen);
        char pname[300];
        size_t k = 0;
        if (strcasecmp(name, "content-type") != 0 && strcasecmp(name, "content-length") != 0) {
            memcpy(pname, "HTTP_", 5);
            k = 5;
        }
        for (const char *s = name; *s != '\0' && k < sizeof(pname) - 1; s++) {
            pname[k++] = *s == '-' ? '_' : (char)toupper((unsigned char)*s);
        }
        pname[k] = '\0';
        have_host |= strcmp(pname, "HTTP_HOST") == 0;
        if (strcmp(pname, "CONTENT_LENGTH") != 0) {
            put_pair(params, pname, k, value, vlen);
        }
        duk_pop_2(ctx);
    }
    if (!have_host) {
        put_param(params, "HTTP_HOST", v[3]);
    }
    return params->failed ? -1 : 0;
}

/* ---- talking to JavaScript */

static duk_ret_t push_head_safe(duk_context *ctx, void *udata)
{
    struct fcgi_conn *c = udata;
    int status = 200;
    const char *reason = "";
    char reason_buf[128] = "";
    duk_push_object(ctx);
    duk_idx_t obj = duk_get_top_index(ctx);
    duk_push_array(ctx);
    duk_uarridx_t k = 0;
    char *line = c->head;
    while (line < c->head + c->head_len) {
        char *eol = strchr(line, '\n');
        if (eol == NULL) {
            break;
        }
        *eol = '\0';
        if (eol > line && eol[-1] == '\r') {
            eol[-1] = '\0';
        }
        char *colon = strchr(line, ':');
        if (colon != NULL && colon != line) {
            *colon = '\0';
            char *value = colon + 1;
            value += strspn(value, " \t");
            size_t vlen = strlen(value);
            while (vlen > 0 && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t')) {
                value[--vlen] = '\0';
            }
            for (char *s = line; *s; s++) {
                *s = (char)tolower((unsigned char)*s);
            }
            if (strcmp(line, "status") == 0) {
                status = atoi(value);
                const char *sp = strchr(value, ' ');
                snprintf(reason_buf, sizeof(reason_buf), "%s", sp ? sp + 1 : "");
                reason = reason_buf;
            } else {
                fcw_engine_push_isomorphic(ctx, line);
                duk_put_prop_index(ctx, -2, k++);
                fcw_engine_push_isomorphic(ctx, value);
                duk_put_prop_index(ctx, -2, k++);
            }
        }
        line = eol + 1;
    }
    duk_put_prop_literal(ctx, obj, "headers");
    if (status < 200 || status > 599) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "the service answered status %d", status);
    }
    duk_push_int(ctx, status);
    duk_put_prop_literal(ctx, obj, "status");
    duk_push_string(ctx, reason);
    duk_put_prop_literal(ctx, obj, "statusText");
    return 1;
}

/* native.fetchDone(id, message) and forget the connection */
static void done(struct fcgi_conn *c, const char *message)
{
    struct fcw_engine *e = c->engine;
    duk_context *ctx = fcw_engine_ctx(e);
    double id = c->id;
    conn_free(c);
    duk_push_number(ctx, id);
    if (message) {
        duk_push_string(ctx, message);
    } else {
        duk_push_null(ctx);
    }
    fcw_engine_call_native(e, "fetchDone", 2, "uncaught exception in a service binding callback");
}

/* Takes the records read apart; returns -1 when c is gone. */
static int take_records(struct fcgi_conn *c)
{
    duk_context *ctx = fcw_engine_ctx(c->engine);
    unsigned char *body = NULL;
    size_t body_len = 0;
    size_t off = 0;
    int ended = 0;
    while (c->in_len - off >= 8) {
        unsigned char *r = c->in + off;
        size_t clen = ((size_t)r[4] << 8) | r[5], rlen = 8 + clen + r[6];
        if (c->in_len - off < rlen) {
            break;
        }
        off += rlen;
        if (r[1] == 3) {
            ended = 1;
            break;
        }
        if (r[1] != 6 || clen == 0) {
            continue; /* FCGI_STDERR and the empty end of FCGI_STDOUT */
        }
        unsigned char *data = r + 8;
        if (!c->head_done) {
            if (c->head_len + clen > FCGI_MAX_HEAD) {
                free(body);
                done(c, "fetch failed: the service's response head is larger than 64 KB");
                return -1;
            }
            char *h = realloc(c->head, c->head_len + clen + 1);
            if (h == NULL) {
                free(body);
                done(c, "fetch failed: out of memory");
                return -1;
            }
            c->head = h;
            memcpy(h + c->head_len, data, clen);
            c->head_len += clen;
            h[c->head_len] = '\0';
            char *end = strstr(h, "\r\n\r\n");
            size_t skip = 4;
            char *lf = strstr(h, "\n\n");
            if (lf != NULL && (end == NULL || lf < end)) {
                end = lf;
                skip = 2;
            }
            if (end == NULL) {
                continue;
            }
            c->head_done = 1;
            size_t rest = c->head_len - (size_t)(end + skip - h);
            data = (unsigned char *)end + skip;
            clen = rest;
            end[skip / 2] = '\0'; /* the head ends with its last line's end */
            c->head_len = (size_t)(end + skip / 2 - h);
        }
        if (clen > 0) {
            unsigned char *nb = realloc(body, body_len + clen);
            if (nb == NULL) {
                free(body);
                done(c, "fetch failed: out of memory");
                return -1;
            }
            body = nb;
            memcpy(body + body_len, data, clen);
            body_len += clen;
        }
    }
    memmove(c->in, c->in + off, c->in_len - off);
    c->in_len -= off;
    double id = c->id;
    if (c->head_done && c->head != NULL) {
        duk_push_number(ctx, id);
        if (duk_safe_call(ctx, push_head_safe, c, 0, 1) != DUK_EXEC_SUCCESS) {
            char msg[256];
            snprintf(msg, sizeof(msg), "fetch failed: %s", duk_safe_to_string(ctx, -1));
            duk_pop_2(ctx);
            free(body);
            done(c, msg);
            return -1;
        }
        free(c->head);
        c->head = NULL;
        fcw_engine_call_native(c->engine, "fetchHead", 2, "uncaught exception in a service binding callback");
        if ((c = find(id)) == NULL) {
            free(body);
            return -1;
        }
    }
    if (body_len > 0) {
        duk_push_number(ctx, id);
        void *p = duk_push_fixed_buffer(ctx, body_len);
        memcpy(p, body, body_len);
        duk_push_buffer_object(ctx, -1, 0, body_len, DUK_BUFOBJ_UINT8ARRAY);
        duk_remove(ctx, -2);
        c->paused = 1;
        fcw_engine_call_native(c->engine, "fetchChunk", 2, "uncaught exception in a service binding callback");
        if ((c = find(id)) == NULL) {
            free(body);
            return -1;
        }
    }
    free(body);
    if (ended) {
        done(c, c->head_done ? NULL : "fetch failed: the service ended without a response head");
        return -1;
    }
    return 0;
}

static void on_io(struct fcw_loop *loop, int fd, int events, void *data);

static void watch(struct fcgi_conn *c)
{
    int mask = c->out_off < c->out_len ? FCW_LOOP_WRITE : c->paused ? 0 : FCW_LOOP_READ;
    fcw_loop_set_fd(fcw_engine_loop(c->engine), c->fd, mask, on_io, c);
}

static void on_io(struct fcw_loop *loop, int fd, int events, void *data)
{
    struct fcgi_conn *c = data;
    (void)loop;
    (void)fd;
    if (!c->connected) {
        int soerr = 0;
        socklen_t sl = sizeof(soerr);
        if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0 || soerr != 0) {
            char msg[256];
            snprintf(msg, sizeof(msg), "fetch failed: cannot reach the service: %s", strerror(soerr ? soerr : errno));
            done(c, msg);
            return;
        }
        c->connected = 1;
    }
    if (c->out_off < c->out_len && (events & (FCW_LOOP_WRITE | FCW_LOOP_ERROR))) {
        ssize_t n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            char msg[256];
            snprintf(msg, sizeof(msg), "fetch failed: sending to the service: %s", strerror(errno));
            done(c, msg);
            return;
        }
        c->out_off += n > 0 ? (size_t)n : 0;
        watch(c);
        return;
    }
    if (events & (FCW_LOOP_READ | FCW_LOOP_ERROR)) {
        unsigned char *in = realloc(c->in, c->in_len + FCGI_READ_SIZE);
        if (in == NULL) {
            done(c, "fetch failed: out of memory");
            return;
        }
        c->in = in;
        ssize_t n = recv(c->fd, c->in + c->in_len, FCGI_READ_SIZE, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            return;
        }
        if (n <= 0) {
            done(c, "fetch failed: the service closed the connection before the end of its response");
            return;
        }
        c->in_len += (size_t)n;
        if (take_records(c) == 0) {
            watch(c);
        }
    }
}

/* A socket connecting to target; -1 with errno. */
static int open_target(const char *target, int *in_progress)
{
    int fd;
    *in_progress = 0;
    if (strncmp(target, "unix:", 5) == 0) {
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        if (strlen(target + 5) >= sizeof(sa.sun_path)) {
            errno = ENAMETOOLONG;
            return -1;
        }
        strcpy(sa.sun_path, target + 5);
        if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) < 0) {
            return -1;
        }
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 && errno != EINPROGRESS && errno != EAGAIN) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        *in_progress = 1;
        return fd;
    }
    if (strncmp(target, "tcp:", 4) != 0) {
        errno = EINVAL;
        return -1;
    }
    char host[256];
    const char *colon = strrchr(target + 4, ':');
    if (colon == NULL || (size_t)(colon - target - 4) >= sizeof(host)) {
        errno = EINVAL;
        return -1;
    }
    snprintf(host, sizeof(host), "%.*s", (int)(colon - target - 4), target + 4);
    if (host[0] == '[') {
        memmove(host, host + 1, strlen(host));
        host[strcspn(host, "]")] = '\0';
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
    if (getaddrinfo(host, colon + 1, &hints, &res) != 0 || res == NULL) {
        errno = EHOSTUNREACH;
        return -1;
    }
    fd = socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) < 0 && errno != EINPROGRESS) {
        int saved = errno;
        close(fd);
        fd = -1;
        errno = saved;
    }
    freeaddrinfo(res);
    *in_progress = 1;
    return fd;
}

static duk_ret_t native_fcgi_start(duk_context *ctx)
{
    struct fcw_engine *e = fcw_engine_of(ctx);
    double id = duk_require_number(ctx, 0);
    const char *target = duk_require_string(ctx, 1);
    duk_require_object(ctx, 2);
    duk_require_object(ctx, 3);
    duk_size_t body_len = 0;
    const unsigned char *body = duk_is_null_or_undefined(ctx, 4) ? NULL : duk_require_buffer_data(ctx, 4, &body_len);
    fcw_engine_mark_dirty(e);
    if (fcw_fetch_count_subrequest(e) < 0) {
        return duk_error(ctx, DUK_ERR_ERROR,
                         "fetch(): too many subrequests: this request reached "
                         "limits.subrequests = %u (service bindings count too)",
                         fcw_engine_limits(e)->subrequests);
    }

    struct buf params = {0}, out = {0};
    if (build_params(ctx, &params, 2, 3, body_len) < 0) {
        free(params.p);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fetch failed: cannot make a FastCGI request of this URL");
    }
    static const unsigned char begin[8] = {1, 1, 0, 1, 0, 8, 0, 0}, role[8] = {0, 1, 0, 0, 0, 0, 0, 0};
    buf_put(&out, begin, 8);
    buf_put(&out, role, 8);
    put_stream(&out, 4, params.p, params.len, 1);
    put_stream(&out, 5, body, body_len, 1);
    free(params.p);
    struct fcgi_conn *c = calloc(1, sizeof(*c));
    if (out.failed || c == NULL) {
        free(out.p);
        free(c);
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "fetch failed: out of memory");
    }
    int in_progress;
    c->fd = open_target(target, &in_progress);
    if (c->fd < 0) {
        int saved = errno;
        free(out.p);
        free(c);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fetch failed: cannot reach the service at %s: %s", target,
                         strerror(saved));
    }
    c->id = id;
    c->engine = e;
    c->out = out.p;
    c->out_len = out.len;
    c->next = conns;
    conns = c;
    watch(c);
    return 0;
}

static duk_ret_t native_fcgi_demand(duk_context *ctx)
{
    struct fcgi_conn *c = find(duk_require_number(ctx, 0));
    if (c != NULL && c->paused && duk_require_number(ctx, 1) < 1) {
        c->paused = 0;
        watch(c);
    }
    return 0;
}

static duk_ret_t native_fcgi_abort(duk_context *ctx)
{
    struct fcgi_conn *c = find(duk_require_number(ctx, 0));
    if (c != NULL) {
        conn_free(c);
    }
    return 0;
}

static duk_ret_t native_fcgi_clear(duk_context *ctx)
{
    (void)ctx;
    while (conns != NULL) {
        conn_free(conns);
    }
    return 0;
}

void fcw_api_fcgi_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry fns[] = {
        {"fcgiStart", native_fcgi_start, 5},
        {"fcgiDemand", native_fcgi_demand, 2},
        {"fcgiAbort", native_fcgi_abort, 1},
        {"fcgiClear", native_fcgi_clear, 0},
        {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
}
