/* SPDX-License-Identifier: MIT */
/*
 * The responder side of FastCGI (see fcgi.h), written for the child in
 * place of libfcgi, which reads every parameter inside FCGX_Accept_r with
 * no bound (300 MB of params grew a child to 322 MB and aborted it) and
 * writes through an 8 KiB buffer (a passed-through body left in 8 KiB
 * records, one copy and one write each).
 *
 * Input goes through one buffer large enough for a whole record (header,
 * 65,535 bytes of content, 255 of padding). Records that are not the
 * request's FCGI_STDIN are read whole and handled in next_record; FCGI_STDIN
 * content is handed to fcgi_read as it arrives. The FCGI_PARAMS stream is
 * collected up to params_max bytes, then turned into one allocation of
 * "NAME=value" strings and their pointers.
 *
 * Output: writes smaller than the staging buffer are copied there (the
 * response head comes as many small writes); a larger write goes out at
 * once as records of at most 65,535 bytes pointing into the caller's
 * buffer, after the staged bytes, in one writev.
 */
#include "config.h"

#include "fcgi.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

#include "clock.h"
#include "log.h"

/* record types and the rest of the protocol's numbers (FastCGI 1.0) */
enum {
    T_BEGIN_REQUEST = 1,
    T_ABORT_REQUEST = 2,
    T_END_REQUEST = 3,
    T_PARAMS = 4,
    T_STDIN = 5,
    T_STDOUT = 6,
    T_STDERR = 7,
    T_DATA = 8,
    T_GET_VALUES = 9,
    T_GET_VALUES_RESULT = 10,
    T_UNKNOWN_TYPE = 11
};
enum { ROLE_RESPONDER = 1 };
enum { FLAG_KEEP_CONN = 1 };
enum { ST_REQUEST_COMPLETE = 0, ST_CANT_MPX_CONN = 1, ST_UNKNOWN_ROLE = 3 };

#define HEADER_LEN 8
#define MAX_CONTENT 65535
#define IN_CAP (HEADER_LEN + MAX_CONTENT + 255)
/* writes up to this size are staged; the response head fits */
#define OUT_CAP 8192
/* records per writev (3 iovecs each: header, payload, padding) */
#define BATCH_RECORDS 16
/* how long a refused connection is read (and discarded) before it is
 * closed, so that the answer is not lost to a reset */
#define REFUSE_LINGER_MS 1000

enum phase { P_IDLE, P_PARAMS, P_STDIN, P_DONE };

struct fcgi_conn {
    struct fcgi_config cfg;
    int fd;
    unsigned read_timeout_ms; /* to set on fd before its first read that would block (0: none) */
    unsigned char *in;
    size_t in_off, in_len;
    size_t skip;       /* padding of the current FCGI_STDIN record still to skip */
    size_t stdin_left; /* content of the current FCGI_STDIN record still unread */
    enum phase phase;
    unsigned id;  /* the active request, 0 when none */
    int keep;     /* FCGI_KEEP_CONN */
    int broken;   /* a write failed or the response was cut: nothing more goes out */
    int aborted;  /* FCGI_ABORT_REQUEST came */
    int retiring; /* fcgi_conn_retire: the request being read is the last */
    unsigned char *params;
    size_t params_len, params_cap;
    char **envp;
    unsigned char out[OUT_CAP];
    size_t out_len;
};

static const unsigned char zeros[HEADER_LEN];

struct fcgi_conn *fcgi_conn_new(const struct fcgi_config *cfg)
{
    struct fcgi_conn *c = calloc(1, sizeof(*c));
    if (c == NULL || (c->in = malloc(IN_CAP)) == NULL) {
        free(c);
        return NULL;
    }
    c->cfg = *cfg;
    c->fd = -1;
    return c;
}

static void request_reset(struct fcgi_conn *c)
{
    free(c->params);
    free(c->envp);
    c->params = NULL;
    c->envp = NULL;
    c->params_len = c->params_cap = 0;
    c->phase = P_IDLE;
    c->id = 0;
    c->keep = 0;
    c->aborted = 0;
    c->stdin_left = 0;
    c->out_len = 0;
}

void fcgi_conn_close(struct fcgi_conn *c)
{
    if (c->fd >= 0) {
        close(c->fd);
    }
    c->fd = -1;
    c->in_off = c->in_len = 0;
    c->skip = 0;
    c->broken = 0;
    c->retiring = 0;
    request_reset(c);
}

int fcgi_conn_retire(struct fcgi_conn *c)
{
    if (c->fd < 0) {
        return 0;
    }
    /* From the shutdown on, the front server's writes fail (EPIPE on a
     * unix socket) instead of going into a connection about to be reset;
     * what it wrote before is still here to be read and served. */
    shutdown(c->fd, SHUT_RD);
    char b;
    if (c->in_len - c->in_off == 0 && recv(c->fd, &b, 1, MSG_PEEK | MSG_DONTWAIT) <= 0) {
        fcgi_conn_close(c);
        return 0;
    }
    c->retiring = 1;
    return 1;
}

void fcgi_conn_free(struct fcgi_conn *c)
{
    if (c != NULL) {
        fcgi_conn_close(c);
        free(c->in);
        free(c);
    }
}

void fcgi_conn_attach(struct fcgi_conn *c, int fd, unsigned read_timeout_ms)
{
    fcgi_conn_close(c);
    c->fd = fd;
    c->read_timeout_ms = read_timeout_ms;
}

int fcgi_conn_fd(const struct fcgi_conn *c)
{
    return c->fd;
}

size_t fcgi_conn_pending(const struct fcgi_conn *c)
{
    return c->in_len - c->in_off;
}

int fcgi_keep_conn(const struct fcgi_conn *c)
{
    return c->keep;
}

char **fcgi_params(struct fcgi_conn *c)
{
    return c->envp;
}

/* ---- output */

/* Writes every byte of iov (advancing it); -1 when the peer is gone. */
static int write_iov(struct fcgi_conn *c, struct iovec *iov, int n)
{
    while (n > 0) {
        ssize_t w = writev(c->fd, iov, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            c->broken = 1;
            return -1;
        }
        size_t done = (size_t)w;
        while (n > 0 && done >= iov->iov_len) {
            done -= iov->iov_len;
            iov++;
            n--;
        }
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + done;
            iov->iov_len -= done;
        }
    }
    return 0;
}

static void put_header(unsigned char *h, int type, unsigned id, size_t len, size_t pad)
{
    h[0] = 1;
    h[1] = (unsigned char)type;
    h[2] = (unsigned char)(id >> 8);
    h[3] = (unsigned char)id;
    h[4] = (unsigned char)(len >> 8);
    h[5] = (unsigned char)len;
    h[6] = (unsigned char)pad;
    h[7] = 0;
}

/* Records gathered for one writev. */
struct batch {
    struct fcgi_conn *c;
    struct iovec iov[3 * BATCH_RECORDS + 1];
    unsigned char head[BATCH_RECORDS][HEADER_LEN];
    int niov, nrec, failed;
};

static void batch_flush(struct batch *b)
{
    if (b->niov > 0 && !b->failed && write_iov(b->c, b->iov, b->niov) < 0) {
        b->failed = 1;
    }
    b->niov = b->nrec = 0;
}

/* One record of len (at most MAX_CONTENT) bytes at data, padded to 8. */
static void batch_record(struct batch *b, int type, unsigned id, const void *data, size_t len)
{
    if (b->nrec == BATCH_RECORDS) {
        batch_flush(b);
    }
    size_t pad = (HEADER_LEN - len % HEADER_LEN) % HEADER_LEN;
    unsigned char *h = b->head[b->nrec++];
    put_header(h, type, id, len, pad);
    b->iov[b->niov++] = (struct iovec){h, HEADER_LEN};
    if (len > 0) {
        b->iov[b->niov++] = (struct iovec){(void *)data, len};
    }
    if (pad > 0) {
        b->iov[b->niov++] = (struct iovec){(void *)zeros, pad};
    }
}

/* The staged output, then len bytes at data, as FCGI_STDOUT records. */
static void batch_stdout(struct batch *b, const unsigned char *data, size_t len)
{
    struct fcgi_conn *c = b->c;
    if (c->out_len > 0) {
        batch_record(b, T_STDOUT, c->id, c->out, c->out_len);
    }
    while (len > 0) {
        size_t n = len > MAX_CONTENT ? MAX_CONTENT : len;
        batch_record(b, T_STDOUT, c->id, data, n);
        data += n;
        len -= n;
    }
}

/* One record whose content is written at once (management answers and
 * refusals): -1 when the peer is gone. */
static int send_record(struct fcgi_conn *c, int type, unsigned id, const void *data, size_t len)
{
    struct batch b = {.c = c};
    batch_record(&b, type, id, data, len);
    batch_flush(&b);
    return b.failed ? -1 : 0;
}

static int send_end_request(struct fcgi_conn *c, unsigned id, uint32_t app_status, int protocol_status)
{
    unsigned char body[8] = {(unsigned char)(app_status >> 24),
                             (unsigned char)(app_status >> 16),
                             (unsigned char)(app_status >> 8),
                             (unsigned char)app_status,
                             (unsigned char)protocol_status,
                             0,
                             0,
                             0};
    return send_record(c, T_END_REQUEST, id, body, sizeof(body));
}

int fcgi_write(struct fcgi_conn *c, const char *buf, size_t n)
{
    if (c->broken || c->aborted || c->fd < 0) {
        return -1;
    }
    if (c->out_len + n <= OUT_CAP) {
        memcpy(c->out + c->out_len, buf, n);
        c->out_len += n;
        return 0;
    }
    struct batch b = {.c = c};
    batch_stdout(&b, (const unsigned char *)buf, n);
    batch_flush(&b);
    c->out_len = 0;
    return b.failed ? -1 : 0;
}

int fcgi_flush(struct fcgi_conn *c)
{
    if (c->broken || c->aborted || c->fd < 0) {
        return -1;
    }
    if (c->out_len == 0) {
        return 0;
    }
    struct batch b = {.c = c};
    batch_stdout(&b, NULL, 0);
    batch_flush(&b);
    c->out_len = 0;
    return b.failed ? -1 : 0;
}

int fcgi_cut(struct fcgi_conn *c)
{
    /* a record header of protocol version 0: front servers take it for an
     * upstream error and cut the client's transfer */
    static const unsigned char invalid_record[HEADER_LEN] = {0, T_STDOUT, 0, 1, 0, 0, 0, 0};
    int rc = fcgi_flush(c);
    if (c->fd < 0) {
        return -1;
    }
    if (rc == 0 && !c->broken &&
        write(c->fd, invalid_record, sizeof(invalid_record)) != (ssize_t)sizeof(invalid_record)) {
        rc = -1;
    }
    if (shutdown(c->fd, SHUT_RDWR) < 0) {
        rc = -1;
    }
    c->broken = 1;
    return rc;
}

void fcgi_finish(struct fcgi_conn *c, int keep)
{
    int kept = keep && c->keep && !c->retiring && !c->broken && !c->aborted && c->phase == P_DONE;
    if (c->fd >= 0 && c->id != 0 && !c->broken) {
        unsigned char end[8] = {0, 0, 0, c->aborted ? 1 : 0, ST_REQUEST_COMPLETE, 0, 0, 0};
        struct batch b = {.c = c};
        if (!c->aborted) {
            batch_stdout(&b, NULL, 0);
            batch_record(&b, T_STDOUT, c->id, NULL, 0);
        }
        batch_record(&b, T_END_REQUEST, c->id, end, sizeof(end));
        if (!kept && c->keep) {
            /* The front server asked to keep the connection and we are
             * about to close it: if it took the connection for its next
             * request before seeing the close, that request would fail
             * (nginx retries a GET, not a POST). Bytes after
             * FCGI_END_REQUEST in the same read make nginx close the
             * connection instead of keeping it, so they go out in the same
             * write: a record header of protocol version 0, which no front
             * server takes for a record. */
            b.iov[b.niov++] = (struct iovec){(void *)zeros, HEADER_LEN};
        }
        batch_flush(&b);
    }
    request_reset(c);
    if (!kept) {
        fcgi_conn_close(c);
    }
}

/* ---- input */

/* Until at least need bytes are buffered; -1 at the end of the
 * connection, on an error or a timeout. */
static int fill(struct fcgi_conn *c, size_t need)
{
    while (c->in_len - c->in_off < need) {
        if (c->in_off == c->in_len) {
            c->in_off = c->in_len = 0;
        } else if (c->in_off + need > IN_CAP) {
            memmove(c->in, c->in + c->in_off, c->in_len - c->in_off);
            c->in_len -= c->in_off;
            c->in_off = 0;
        }
        ssize_t n;
        if (c->read_timeout_ms) {
            /* the receive timeout is set on the connection only when a read
             * would wait: a front server's request has mostly arrived by the
             * time it is accepted, and the setsockopt was one system call in
             * six of a request on a connection of its own */
            n = recv(c->fd, c->in + c->in_len, IN_CAP - c->in_len, MSG_DONTWAIT);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                struct timeval tv = {(time_t)(c->read_timeout_ms / 1000),
                                     (suseconds_t)(c->read_timeout_ms % 1000) * 1000};
                setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
                c->read_timeout_ms = 0;
                continue;
            }
        } else {
            n = read(c->fd, c->in + c->in_len, IN_CAP - c->in_len);
        }
        if (n > 0) {
            c->in_len += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return -1;
        }
    }
    return 0;
}

/* A name or value length of the pairs at p (end at e): 1 byte below 128,
 * else 4 with the top bit set. -1 when it does not fit. */
static long long pair_length(const unsigned char **p, const unsigned char *e)
{
    if (*p >= e) {
        return -1;
    }
    if (**p < 0x80) {
        return *(*p)++;
    }
    if (e - *p < 4) {
        return -1;
    }
    long long n =
        ((long long)((*p)[0] & 0x7f) << 24) | ((long long)(*p)[1] << 16) | ((long long)(*p)[2] << 8) | (*p)[3];
    *p += 4;
    return n;
}

/* A name that "NAME=value" can carry: not empty, no '=' or NUL (which
 * would make it read as another parameter, or cut it short). */
static int name_ok(const unsigned char *name, size_t len)
{
    return len > 0 && memchr(name, '=', len) == NULL && memchr(name, '\0', len) == NULL;
}

/* The parameters as "NAME=value" strings and FCGI_ROLE=RESPONDER (as libfcgi
 * gave them), in one allocation, leaving out pairs whose name could not be
 * told apart; -1 when the pairs do not add up. One pass: the allocation is
 * sized for the most pairs the stream can hold (each takes at least its
 * two length bytes, which its '=' and NUL then need no more than). */
static int params_parse(struct fcgi_conn *c)
{
    static const char role[] = "FCGI_ROLE=RESPONDER";
    static const unsigned char none[1];
    if (c->params == NULL) {
        c->params_len = 0;
    }
    const unsigned char *start = c->params ? c->params : none, *e = start + c->params_len;
    size_t most = c->params_len / 2;
    char **envp = malloc((most + 2) * sizeof(char *) + sizeof(role) + c->params_len);
    if (envp == NULL) {
        return -1;
    }
    char *s = (char *)(envp + most + 2);
    size_t k = 0;
    envp[k++] = memcpy(s, role, sizeof(role));
    s += sizeof(role);
    for (const unsigned char *p = start; p < e;) {
        long long nl = pair_length(&p, e), vl = pair_length(&p, e);
        if (nl < 0 || vl < 0 || nl + vl > e - p) {
            free(envp);
            return -1;
        }
        if (name_ok(p, (size_t)nl)) {
            envp[k++] = s;
            memcpy(s, p, (size_t)nl);
            s[nl] = '=';
            memcpy(s + nl + 1, p + nl, (size_t)vl);
            s[nl + 1 + vl] = '\0';
            s += nl + vl + 2;
        }
        p += nl + vl;
    }
    envp[k] = NULL;
    c->envp = envp;
    return 0;
}

/* The size the params stream of the refused request claims at least: what
 * came, or the end of the pair it was in. */
static size_t params_claimed(const struct fcgi_conn *c)
{
    const unsigned char *e = c->params + c->params_len, *p = c->params;
    size_t claimed = c->params_len;
    while (p < e) {
        long long nl = pair_length(&p, e), vl = pair_length(&p, e);
        if (nl < 0 || vl < 0) {
            break;
        }
        if (nl + vl > e - p) {
            size_t end = (size_t)(p - c->params) + (size_t)nl + (size_t)vl;
            return end > claimed ? end : claimed;
        }
        p += nl + vl;
    }
    return claimed;
}

/* Answers a request refused for its params with 431, then reads what the
 * front server still sends for a while (closing with unread input would
 * reset the connection and could lose the answer) and closes. */
static void refuse_params(struct fcgi_conn *c, size_t claimed)
{
    static const char answer[] = "Status: 431 Request Header Fields Too Large\r\n"
                                 "Content-Type: text/plain\r\n\r\n"
                                 "request header fields too large\n";
    fcw_log(FCW_LOG_WARNING,
            "refused a request: its FastCGI params are over limits.params_max (%zu bytes): %zu bytes or more",
            c->cfg.params_max, claimed);
    static const unsigned char end_request[8] = {0, 0, 0, 0, ST_REQUEST_COMPLETE, 0, 0, 0};
    struct batch b = {.c = c};
    batch_record(&b, T_STDOUT, c->id, answer, sizeof(answer) - 1);
    batch_record(&b, T_STDOUT, c->id, NULL, 0);
    batch_record(&b, T_END_REQUEST, c->id, end_request, sizeof(end_request));
    batch_flush(&b);
    if (!b.failed && shutdown(c->fd, SHUT_WR) == 0) {
        double end = clock_now_ms() + REFUSE_LINGER_MS;
        double now;
        while ((now = clock_now_ms()) < end) {
            struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
            if (poll(&pfd, 1, (int)(end - now) + 1) <= 0 || read(c->fd, c->in, IN_CAP) <= 0) {
                break;
            }
        }
    }
    fcgi_conn_close(c);
}

/* What next_record found. */
enum event { EV_HANDLED, EV_PARAMS_DONE, EV_STDIN, EV_STDIN_END, EV_ABORT, EV_ENDED, EV_TOO_LARGE, EV_ERROR };

static enum event get_values(struct fcgi_conn *c, const unsigned char *p, size_t len)
{
    unsigned char out[256];
    size_t n = 0;
    const unsigned char *e = p + len;
    while (p < e) {
        long long nl = pair_length(&p, e), vl = pair_length(&p, e);
        if (nl < 0 || vl < 0 || nl + vl > e - p) {
            break;
        }
        char value[16];
        const char *name = (const char *)p;
        if (nl == 14 && memcmp(name, "FCGI_MAX_CONNS", 14) == 0) {
            snprintf(value, sizeof(value), "%u", c->cfg.max_conns);
        } else if (nl == 13 && memcmp(name, "FCGI_MAX_REQS", 13) == 0) {
            snprintf(value, sizeof(value), "%u", c->cfg.max_conns);
        } else if (nl == 15 && memcmp(name, "FCGI_MPXS_CONNS", 15) == 0) {
            snprintf(value, sizeof(value), "0");
        } else {
            p += nl + vl;
            continue;
        }
        size_t vn = strlen(value);
        if (n + 2 + (size_t)nl + vn <= sizeof(out)) {
            out[n++] = (unsigned char)nl;
            out[n++] = (unsigned char)vn;
            memcpy(out + n, name, (size_t)nl);
            memcpy(out + n + nl, value, vn);
            n += (size_t)nl + vn;
        }
        p += nl + vl;
    }
    return send_record(c, T_GET_VALUES_RESULT, 0, out, n) < 0 ? EV_ERROR : EV_HANDLED;
}

/* Reads the next record. FCGI_STDIN content of the active request is left
 * to fcgi_read (EV_STDIN, stdin_left set); every other record is read whole
 * and handled here. */
static enum event next_record(struct fcgi_conn *c)
{
    if (c->skip > 0) {
        if (fill(c, c->skip) < 0) {
            return EV_ERROR;
        }
        c->in_off += c->skip;
        c->skip = 0;
    }
    if (fill(c, HEADER_LEN) < 0) {
        return EV_ERROR;
    }
    const unsigned char *h = c->in + c->in_off;
    int type = h[1];
    unsigned id = (unsigned)h[2] << 8 | h[3];
    size_t len = (size_t)h[4] << 8 | h[5], pad = h[6];
    if (h[0] != 1) {
        fcw_log(FCW_LOG_WARNING, "closed a FastCGI connection: a record of protocol version %d", h[0]);
        return EV_ERROR;
    }
    if (type == T_STDIN && id == c->id && id != 0 && c->phase == P_STDIN) {
        c->in_off += HEADER_LEN;
        c->skip = pad;
        if (len == 0) {
            c->phase = P_DONE;
            return EV_STDIN_END;
        }
        c->stdin_left = len;
        return EV_STDIN;
    }
    if (fill(c, HEADER_LEN + len + pad) < 0) {
        return EV_ERROR;
    }
    const unsigned char *p = c->in + c->in_off + HEADER_LEN;
    c->in_off += HEADER_LEN + len + pad;
    if (id == 0) {
        if (type == T_GET_VALUES) {
            return get_values(c, p, len);
        }
        unsigned char body[8] = {(unsigned char)type, 0, 0, 0, 0, 0, 0, 0};
        return send_record(c, T_UNKNOWN_TYPE, 0, body, sizeof(body)) < 0 ? EV_ERROR : EV_HANDLED;
    }
    if (type == T_BEGIN_REQUEST) {
        if (len < 8) {
            fcw_log(FCW_LOG_WARNING, "closed a FastCGI connection: a short FCGI_BEGIN_REQUEST record");
            return EV_ERROR;
        }
        if (c->id != 0) {
            /* one request at a time on a connection */
            if (id == c->id) {
                fcw_log(FCW_LOG_WARNING, "closed a FastCGI connection: a second FCGI_BEGIN_REQUEST for request %u", id);
                return EV_ERROR;
            }
            return send_end_request(c, id, 0, ST_CANT_MPX_CONN) < 0 ? EV_ERROR : EV_HANDLED;
        }
        unsigned role = (unsigned)p[0] << 8 | p[1];
        int keep = p[2] & FLAG_KEEP_CONN;
        if (role != ROLE_RESPONDER) {
            /* an authorizer's 200 would mean "allowed": refuse plainly */
            fcw_log(FCW_LOG_WARNING, "refused a FastCGI request of role %u: only the responder role is served", role);
            if (send_end_request(c, id, 0, ST_UNKNOWN_ROLE) < 0) {
                return EV_ERROR;
            }
            return keep ? EV_HANDLED : EV_ENDED;
        }
        c->id = id;
        c->keep = keep;
        c->phase = P_PARAMS;
        return EV_HANDLED;
    }
    if (id != c->id) {
        return EV_HANDLED; /* a record of no active request (one refused, one ended) */
    }
    if (type == T_ABORT_REQUEST) {
        return EV_ABORT;
    }
    if (type == T_PARAMS && c->phase == P_PARAMS) {
        if (len == 0) {
            if (params_parse(c) < 0) {
                fcw_log(FCW_LOG_WARNING, "closed a FastCGI connection: malformed FCGI_PARAMS");
                return EV_ERROR;
            }
            c->phase = P_STDIN;
            return EV_PARAMS_DONE;
        }
        /* the buffer grows to at most params_max and one record */
        if (c->params_len + len > c->params_cap) {
            size_t cap = c->params_cap ? c->params_cap * 2 : 4096;
            while (cap < c->params_len + len) {
                cap *= 2;
            }
            unsigned char *np = realloc(c->params, cap);
            if (np == NULL) {
                fcw_log(FCW_LOG_ERROR, "failed to read FastCGI params: out of memory");
                return EV_ERROR;
            }
            c->params = np;
            c->params_cap = cap;
        }
        memcpy(c->params + c->params_len, p, len);
        c->params_len += len;
        if (c->params_len > c->cfg.params_max) {
            refuse_params(c, params_claimed(c));
            return EV_TOO_LARGE;
        }
        return EV_HANDLED;
    }
    if (type == T_DATA) {
        return EV_HANDLED; /* a filter's stream: not ours */
    }
    fcw_log(FCW_LOG_WARNING, "closed a FastCGI connection: an unexpected record of type %d in request %u", type, id);
    return EV_ERROR;
}

int fcgi_accept(struct fcgi_conn *c)
{
    if (c->fd < 0) {
        return FCGI_NO_REQUEST;
    }
    request_reset(c);
    for (;;) {
        switch (next_record(c)) {
        case EV_PARAMS_DONE: return 0;
        case EV_TOO_LARGE: return FCGI_REFUSED;
        case EV_ABORT:
            /* aborted before it began: nothing ran */
            if (send_end_request(c, c->id, 1, ST_REQUEST_COMPLETE) < 0 || !c->keep) {
                fcgi_conn_close(c);
                return FCGI_NO_REQUEST;
            }
            request_reset(c);
            break;
        case EV_HANDLED: break;
        default: fcgi_conn_close(c); return FCGI_NO_REQUEST;
        }
    }
}

int fcgi_read(struct fcgi_conn *c, char *buf, int n)
{
    while (c->stdin_left == 0) {
        if (c->phase != P_STDIN || c->aborted) {
            return c->phase == P_DONE ? 0 : -1;
        }
        switch (next_record(c)) {
        case EV_STDIN:
        case EV_HANDLED: break;
        case EV_STDIN_END: return 0;
        case EV_ABORT:
            fcw_log(FCW_LOG_NOTICE, "the front server aborted the request (FCGI_ABORT_REQUEST)");
            c->aborted = 1;
            return -1;
        default: return -1; /* the connection is closed at the end of the request */
        }
    }
    if (n <= 0) {
        return 0;
    }
    if (fill(c, 1) < 0) {
        return -1;
    }
    size_t avail = c->in_len - c->in_off;
    size_t take = (size_t)n;
    if (take > avail) {
        take = avail;
    }
    if (take > c->stdin_left) {
        take = c->stdin_left;
    }
    memcpy(buf, c->in + c->in_off, take);
    c->in_off += take;
    c->stdin_left -= take;
    return (int)take;
}
