/* SPDX-License-Identifier: MIT */
/*
 * Cron triggers of a pool: `triggers.crons = 0 0 * * MON, 30 * * * *`
 * (expressions separated by a comma followed by a space, or by ';').
 *
 * The master checks the expressions every pass of its loop; when one is
 * due it forks a short-lived trigger process, which sends the event to the
 * pool as a FastCGI request over the pool's own socket: one child takes it
 * like any request (same limits, same logs), recognises it by the
 * FCW_SCHEDULED_* parameters and a random token the master drew before
 * forking anything (so no front server can forge one), and runs the
 * script's scheduled handler instead of fetch. The trigger process logs the
 * outcome and exits; the master reaps it like any unknown pid.
 *
 * `fcworker --scheduled POOL -c FILE [--cron EXPR]` runs one event by hand
 * in the calling process (as the pool's user when started as root) and
 * exits 0 when the handler succeeded.
 */
#include "config.h"

#include "triggers.h"

#include "bindings.h"
#include "children.h"
#include "log.h"
#include "request.h"
#include "signals.h"
#include "users.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static char token[33];

int triggers_init_main(void)
{
    unsigned char raw[16];
    if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw)) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to draw the trigger token: getrandom()");
        return -1;
    }
    for (size_t i = 0; i < sizeof(raw); i++) {
        snprintf(token + 2 * i, 3, "%02x", raw[i]);
    }
    return 0;
}

void triggers_mark_request(struct request *r, char **params)
{
    const char *cron = request_param(params, "FCW_SCHEDULED_CRON");
    const char *given = request_param(params, "FCW_SCHEDULED_TOKEN");
    const char *when = request_param(params, "FCW_SCHEDULED_TIME");
    if (cron == NULL) {
        return;
    }
    if (token[0] == '\0' || given == NULL || strcmp(given, token) != 0 || when == NULL) {
        fcw_log(FCW_LOG_WARNING,
                "request %lu \"%s\": FCW_SCHEDULED_CRON without the master's token: served as a "
                "plain request",
                r->req.id, r->log_context);
        return;
    }
    r->req.scheduled_cron = cron;
    r->req.scheduled_time = strtod(when, NULL);
    snprintf(r->log_context, sizeof(r->log_context), "scheduled %.200s", cron);
}

/* ---- the FastCGI request of a trigger */

static size_t put_pair(unsigned char *buf, size_t at, size_t cap, const char *name, const char *value)
{
    size_t nl = strlen(name), vl = strlen(value);
    if (nl > 127 || vl > 127 || at + 2 + nl + vl > cap) {
        return at;
    }
    buf[at++] = (unsigned char)nl;
    buf[at++] = (unsigned char)vl;
    memcpy(buf + at, name, nl);
    memcpy(buf + at + nl, value, vl);
    return at + nl + vl;
}

static size_t put_record(unsigned char *buf, size_t at, int type, const unsigned char *content, size_t len)
{
    unsigned char head[8] = {1, (unsigned char)type, 0, 1, (unsigned char)(len >> 8), (unsigned char)len, 0, 0};
    memcpy(buf + at, head, 8);
    if (len > 0) {
        memcpy(buf + at + 8, content, len);
    }
    return at + 8 + len;
}

/* Sends the event to the socket address of listen_fd; the status of the
 * answer (0: no answer) and whether it asked for no retry. */
static int send_event(int listen_fd, const char *cron, double when, unsigned timeout_ms, int *no_retry, char *err,
                      size_t errlen)
{
    struct sockaddr_storage sa;
    socklen_t salen = sizeof(sa);
    if (getsockname(listen_fd, (struct sockaddr *)&sa, &salen) < 0) {
        snprintf(err, errlen, "failed to find the pool's address: getsockname(): %s", strerror(errno));
        return 0;
    }
    int fd = socket(sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sa, salen) < 0) {
        snprintf(err, errlen, "failed to reach the pool: connect(): %s", strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return 0;
    }
    char when_text[32], uri[300];
    snprintf(when_text, sizeof(when_text), "%.0f", when);
    snprintf(uri, sizeof(uri), "/__scheduled");
    unsigned char params[2048], out[2400];
    size_t np = 0;
    const char *const pairs[][2] = {
        {"GATEWAY_INTERFACE", "CGI/1.1"},
        {"SERVER_PROTOCOL", "HTTP/1.1"},
        {"REQUEST_METHOD", "GET"},
        {"REQUEST_URI", uri},
        {"SCRIPT_NAME", uri},
        {"QUERY_STRING", ""},
        {"SERVER_NAME", "localhost"},
        {"SERVER_PORT", "80"},
        {"REQUEST_SCHEME", "http"},
        {"REMOTE_ADDR", "127.0.0.1"},
        {"HTTP_HOST", "localhost"},
        {"FCW_SCHEDULED_CRON", cron},
        {"FCW_SCHEDULED_TIME", when_text},
        {"FCW_SCHEDULED_TOKEN", token},
    };
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        np = put_pair(params, np, sizeof(params), pairs[i][0], pairs[i][1]);
    }
    static const unsigned char begin[8] = {0, 1, 0, 0, 0, 0, 0, 0};
    size_t n = put_record(out, 0, 1, begin, 8);
    n = put_record(out, n, 4, params, np);
    n = put_record(out, n, 4, NULL, 0);
    n = put_record(out, n, 5, NULL, 0);
    if (fcw_write_all(fd, out, n) < 0) {
        snprintf(err, errlen, "failed to send the event: write(): %s", strerror(errno));
        close(fd);
        return 0;
    }
    /* read records until FCGI_END_REQUEST; keep the start of stdout */
    unsigned char buf[8 + 65535 + 255];
    char head[4096];
    size_t have = 0, hlen = 0;
    int status = 0, ended = 0;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (!ended) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long spent = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        if (spent >= (long)timeout_ms || poll(&pfd, 1, (int)(timeout_ms - (unsigned)spent)) == 0) {
            snprintf(err, errlen, "no answer from the pool within %u ms", timeout_ms);
            break;
        }
        ssize_t got = read(fd, buf + have, sizeof(buf) - have);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            snprintf(err, errlen, "the pool closed the connection before the end of the event");
            break;
        }
        have += (size_t)got;
        while (have >= 8) {
            size_t clen = ((size_t)buf[4] << 8) | buf[5], rlen = 8 + clen + buf[6];
            if (have < rlen) {
                break;
            }
            if (buf[1] == 6 && hlen < sizeof(head) - 1) {
                size_t take = clen < sizeof(head) - 1 - hlen ? clen : sizeof(head) - 1 - hlen;
                memcpy(head + hlen, buf + 8, take);
                hlen += take;
            } else if (buf[1] == 3) {
                ended = 1;
            }
            memmove(buf, buf + rlen, have - rlen);
            have -= rlen;
        }
    }
    close(fd);
    head[hlen] = '\0';
    if (!ended) {
        return 0;
    }
    const char *st = strstr(head, "Status: ");
    status = st ? atoi(st + 8) : 200;
    *no_retry = strstr(head, "x-fcw-no-retry: 1") != NULL || strstr(head, "X-Fcw-No-Retry: 1") != NULL;
    return status;
}

/* In the forked trigger process: one event, logged, then exit. */
static void trigger_process(struct pool_rt *pool, size_t i, time_t due)
{
    char err[512] = "";
    signals_init_child();
    fcw_log_set_pool(pool->cfg->name);
    unsigned timeout = pool->cfg->limits.wall_ms ? pool->cfg->limits.wall_ms + 30000 : 15 * 60 * 1000;
    int no_retry = 0;
    int status = send_event(pool->fd, pool->cfg->crons[i], (double)due * 1000.0, timeout, &no_retry, err, sizeof(err));
    if (status == 200) {
        fcw_log(FCW_LOG_INFO, "scheduled \"%s\": done", pool->cfg->crons[i]);
        _exit(0);
    }
    if (status == 0) {
        fcw_log(FCW_LOG_WARNING, "scheduled \"%s\": %s", pool->cfg->crons[i], err);
    } else {
        fcw_log(FCW_LOG_WARNING, "scheduled \"%s\": failed (status %d%s)", pool->cfg->crons[i], status,
                no_retry ? ", noRetry()" : "");
    }
    _exit(1);
}

void triggers_tick(struct master *m)
{
    if (m->stopping) {
        return;
    }
    time_t now = time(NULL);
    for (size_t k = 0; k < m->npools; k++) {
        struct pool_rt *pool = &m->pools[k];
        struct conf_pool *p = pool->cfg;
        for (size_t i = 0; i < p->ncrons; i++) {
            if (p->cron_due[i] == 0) {
                p->cron_due[i] = cron_next(&p->cron_specs[i], now);
                continue;
            }
            if (p->cron_due[i] == (time_t)-1 || now < p->cron_due[i]) {
                continue;
            }
            time_t due = p->cron_due[i];
            p->cron_due[i] = cron_next(&p->cron_specs[i], now);
            fcw_log(FCW_LOG_INFO, "[pool %s] scheduled \"%s\": due", p->name, p->crons[i]);
            pid_t pid = fork();
            if (pid < 0) {
                fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to start a trigger: fork()", p->name);
            } else if (pid == 0) {
                trigger_process(pool, i, due);
            }
        }
    }
}

/* ---- fcworker --scheduled */

static void abandon_by_hand(void *data)
{
    (void)data;
    _exit(1);
}

static int empty_read(void *s, char *buf, int n)
{
    (void)s;
    (void)buf;
    (void)n;
    return 0;
}

static int discard_write(void *s, const char *buf, int n)
{
    (void)s;
    (void)buf;
    return n;
}

static int discard_flush(void *s)
{
    (void)s;
    return 0;
}

int triggers_run_by_hand(const char *conf_path, const char *pool_name, const char *cron, int allow_root)
{
    char err[1024];
    struct cron spec;
    struct conf *conf = conf_load(conf_path, err, sizeof(err));
    if (conf == NULL) {
        fprintf(stderr, "fcworker: %s\n", err);
        return 1;
    }
    struct conf_pool *p = conf->pools;
    while (p != NULL && strcmp(p->name, pool_name) != 0) {
        p = p->next;
    }
    if (p == NULL) {
        fprintf(stderr, "fcworker: --scheduled: no pool named %s in %s\n", pool_name, conf_path);
        conf_free(conf);
        return 2;
    }
    if (cron == NULL) {
        cron = p->ncrons > 0 ? p->crons[0] : "* * * * *";
    } else if (cron_parse(&spec, cron, err, sizeof(err)) < 0) {
        fprintf(stderr, "fcworker: --cron: %s\n", err);
        conf_free(conf);
        return 2;
    }
    fcw_log_open("stderr", FCW_LOG_INFO);
    fcw_log_set_pool(p->name);
    if (geteuid() == 0 && p->user == NULL && !allow_root) {
        fcw_log(FCW_LOG_ERROR, "refusing to run pool %s as root: give it a user (or pass -R)", p->name);
        conf_free(conf);
        return 1;
    }
    struct worker *w = NULL;
    if (bindings_prepare(p, err, sizeof(err)) < 0 || users_switch(p->user, p->group, err, sizeof(err)) < 0 ||
        (w = worker_new(p, abandon_by_hand, NULL, err, sizeof(err))) == NULL) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        conf_free(conf);
        return 1;
    }
    char *params[] = {"REQUEST_METHOD=GET",  "REQUEST_URI=/__scheduled", "SCRIPT_NAME=/__scheduled",
                      "HTTP_HOST=localhost", "REQUEST_SCHEME=http",      "SERVER_NAME=localhost",
                      "SERVER_PORT=80",      "REMOTE_ADDR=127.0.0.1",    NULL};
    struct request r;
    struct request_stream in = {empty_read, NULL, NULL, NULL, NULL, NULL};
    struct request_stream out = {NULL, discard_write, discard_flush, NULL, NULL, NULL};
    int rc = 1;
    if (request_build(&r, params) == 0) {
        r.req.scheduled_cron = cron;
        r.req.scheduled_time = (double)time(NULL) * 1000.0;
        snprintf(r.log_context, sizeof(r.log_context), "scheduled %.200s", cron);
        int status = worker_serve(w, &r, params, &in, &out, NULL, NULL) < 0 ? 0 : worker_last_status(w);
        rc = status == 200 ? 0 : 1;
        fcw_log(status == 200 ? FCW_LOG_INFO : FCW_LOG_WARNING, "scheduled \"%s\": %s (status %d)", cron,
                status == 200 ? "done" : "failed", status);
    }
    request_free(&r);
    worker_free(w);
    conf_free(conf);
    return rc;
}
