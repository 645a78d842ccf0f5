/*
 * The FastCGI loop of a child. It drops privileges to the pool's user,
 * loads the worker, then accepts connections on the shared listen socket
 * itself (with a receive timeout and listen.allowed_clients) and lets
 * FCGX_Accept_r read the request from them. The request body is read to the end of FCGI_STDIN before
 * FCGX_Finish_r (kept-alive connections break otherwise). A stop request
 * (SIGTERM/SIGQUIT from the master) interrupts an idle accept and lets a
 * busy child finish its request first.
 */
#include "config.h"

#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "log.h"
#include "request.h"
#include "signals.h"
#include "triggers.h"
#include "users.h"
#include "worker.h"

/* How long a new connection may wait while this child holds an idle kept
 * connection before the child gives the kept one up (see the loop). */
#define CHILD_KEPT_GRACE_MS 200
/* How long a child asked to stop goes on answering on a kept connection. */
#define CHILD_STOP_LINGER_MS 5000

/* What has arrived, at least one byte: FCGX_GetStr alone would block
 * until n bytes came, so a client trickling its body would never let the
 * caller look at its deadline. */
static int fcgx_read(void *s, char *buf, int n)
{
    FCGX_Stream *stream = s;
    int avail = (int) (stream->stop - stream->rdNext);
    if (n > 1) {
        n = avail > 0 ? (avail < n ? avail : n) : 1;
    }
    int got = FCGX_GetStr(buf, n, s);
    if (got == 0 && FCGX_GetError(s) != 0) {
        return -1;
    }
    return got;
}

static int fcgx_write(void *s, const char *buf, int n)
{
    return FCGX_PutStr(buf, n, s) == n ? 0 : -1;
}

static int fcgx_flush(void *s)
{
    return FCGX_FFlush(s) < 0 ? -1 : 0;
}

/* Cuts the response (its body failed after the head was sent), so that the
 * front server cuts the client's transfer (no last chunk, or fewer bytes
 * than Content-Length) instead of completing it. FastCGI has no record for
 * that, and a connection closed without FCGI_END_REQUEST is not enough:
 * nginx takes it for a normal end when it does not buffer the response. So
 * what is buffered goes out, then a record header of protocol version 0,
 * which front servers refuse as an upstream error, and the connection is
 * shut down (nginx, Apache and lighttpd then cut the client's transfer;
 * Caddy 2.6 logs it and completes the response anyway). */
static int fcgx_abort(void *data)
{
    static const unsigned char invalid_record[8] = { 0, FCGI_STDOUT, 0, 1, 0, 0, 0, 0 };
    FCGX_Request *fr = data;
    int rc = FCGX_FFlush(fr->out) < 0 ? -1 : 0;
    fr->keepConnection = 0;
    if (fr->ipcFd < 0) {
        return -1;
    }
    if (rc == 0 && write(fr->ipcFd, invalid_record, sizeof(invalid_record)) != (ssize_t) sizeof(invalid_record)) {
        rc = -1;
    }
    if (shutdown(fr->ipcFd, SHUT_RDWR) < 0) {
        rc = -1;
    }
    return rc;
}

/* The engine gave up on a request (see fcw_engine_config.abandon): a 503
 * was written; end the FastCGI request and let the master replace us. */
static void abandon_request(void *data)
{
    FCGX_Finish_r(data);
    fcw_log(FCW_LOG_WARNING, "exiting to be replaced");
    _exit(0);
}

/* listen.allowed_clients: a comma- or space-separated list of addresses. */
static int client_allowed(const char *list, const struct sockaddr_storage *sa)
{
    char addr[INET6_ADDRSTRLEN];
    if (list == NULL || (sa->ss_family != AF_INET && sa->ss_family != AF_INET6)) {
        return 1;
    }
    const void *raw = sa->ss_family == AF_INET ? (const void *) &((const struct sockaddr_in *) sa)->sin_addr
                                               : (const void *) &((const struct sockaddr_in6 *) sa)->sin6_addr;
    if (inet_ntop(sa->ss_family, raw, addr, sizeof(addr)) == NULL) {
        return 0;
    }
    size_t alen = strlen(addr);
    for (const char *p = list; *p;) {
        p += strspn(p, ", \t");
        size_t n = strcspn(p, ", \t");
        if (n == alen && strncmp(p, addr, n) == 0) {
            return 1;
        }
        p += n;
    }
    return 0;
}

/* Accepts the next connection ourselves (libfcgi would accept it without a
 * receive timeout, and a front server stalling mid-record would hold the
 * child forever) and hands it to libfcgi. Returns 0, or -1 when there was
 * none (another child took it) or it was refused. */
static int accept_connection(const struct conf_pool *pool, int listen_fd, FCGX_Request *fr)
{
    struct sockaddr_storage sa;
    socklen_t len = sizeof(sa);
    int fd = accept4(listen_fd, (struct sockaddr *) &sa, &len, SOCK_CLOEXEC);
    if (fd < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED) {
            fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to accept a connection: accept4()");
            usleep(10000);
        }
        return -1;
    }
    if (!client_allowed(pool->listen_allowed_clients, &sa)) {
        fcw_log(FCW_LOG_WARNING, "refused a connection from an address not in listen.allowed_clients");
        close(fd);
        return -1;
    }
    if (pool->request_read_timeout_ms) {
        struct timeval tv = { (time_t) (pool->request_read_timeout_ms / 1000),
                              (suseconds_t) (pool->request_read_timeout_ms % 1000) * 1000 };
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    }
    /* FCGX_Accept_r starts by finishing the previous request, closing the
     * connection unless it is kept: mark it kept so it reads from ours */
    fr->ipcFd = fd;
    fr->keepConnection = 1;
    return 0;
}

void child_main(struct conf *conf, struct conf_pool *pool, int listen_fd, struct scoreboard *sb,
                struct scoreboard_slot *slot)
{
    char err[1024];
    (void) conf;
    signals_init_child();
    fcw_log_set_pool(pool->name);
    if (users_switch(pool->user, pool->group, err, sizeof(err)) < 0) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        _exit(CHILD_EXIT_LOAD_FAILED);
    }
    FCGX_Request fr;
    struct worker *w = worker_new(pool, abandon_request, &fr, err, sizeof(err));
    if (w == NULL) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        _exit(CHILD_EXIT_LOAD_FAILED);
    }
    if (FCGX_Init() != 0) {
        fcw_log(FCW_LOG_ERROR, "failed to initialise libfcgi: FCGX_Init()");
        _exit(1);
    }
    int flags = fcntl(listen_fd, F_GETFL);
    if (flags < 0 || fcntl(listen_fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to make the listen socket non-blocking: fcntl()");
        _exit(1);
    }
    /* Idle children wait on the listen socket through an epoll set with
     * EPOLLEXCLUSIVE, so that a new connection wakes one of them, not the
     * whole pool (poll() would wake every idle child, and all but one would
     * find nothing to accept). */
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE, .data.fd = listen_fd };
    if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &ev) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to set up waiting for connections: epoll");
        _exit(1);
    }
    FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
    unsigned long served = 0;
    double stop_seen = 0;
    for (;;) {
        /* Asked to stop: a kept connection may already carry the front
         * server's next request (closing it then would fail that request,
         * and a POST is not retried): serve what comes within the grace
         * period, then close it. */
        int stopping = signals_child_stopping();
        if (stopping) {
            struct pollfd kp = { .fd = fr.ipcFd, .events = POLLIN };
            if (stop_seen == 0) {
                stop_seen = clock_now_ms();
            }
            /* a front server reusing the connection without pause would
             * keep the child forever: it gets CHILD_STOP_LINGER_MS */
            if (fr.ipcFd < 0 || clock_now_ms() - stop_seen > CHILD_STOP_LINGER_MS ||
                poll(&kp, 1, CHILD_KEPT_GRACE_MS) <= 0 || !(kp.revents & POLLIN)) {
                break;
            }
        }
        if (slot->state != SLOT_IDLE) {
            slot->idle_since = clock_now_ms();
        }
        slot->state = SLOT_IDLE;
        slot->request_started = 0;
        if (signals_child_reopen()) {
            fcw_log_reopen();
        }
        /* The listen socket is non-blocking: wait here, the one place
         * where signals reach the child, and let FCGX_Accept_r fail with
         * EAGAIN when another child took the connection. A connection the
         * front server keeps open (FCGI_KEEP_CONN) carries our next request:
         * wait on it too, as PHP-FPM does, but not on it alone — when a new
         * connection waits in the backlog while ours is idle, give ours up
         * and take the new one, so that no request waits behind an idle
         * kept connection (a front server keeping more connections than
         * the pool has children would otherwise stall the pool). */
        int kept = fr.ipcFd;
        if (kept >= 0) {
            struct epoll_event kev = { .events = EPOLLIN | EPOLLRDHUP, .data.fd = kept };
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, kept, &kev) < 0 && errno != EEXIST) {
                fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to wait on a kept connection: epoll_ctl()");
                close(kept);
                fr.ipcFd = kept = -1;
            }
        }
        int ready = stopping ? kept : signals_child_wait(epfd, kept);
        if (ready < 0) {
            continue;
        }
        if (kept >= 0 && ready != kept) {
            /* Closing a kept connection races with the front server sending
             * on it (nginx retries a GET that meets a closed cached
             * connection, not a POST): give it up only when the new
             * connection still waits after a grace period, in which the
             * kept one may bring its next request (then served first). */
            struct pollfd kp = { .fd = kept, .events = POLLIN };
            struct pollfd lp = { .fd = listen_fd, .events = POLLIN };
            if (poll(&kp, 1, CHILD_KEPT_GRACE_MS) > 0) {
                ready = kept;
            } else if (poll(&lp, 1, 0) > 0) {
                fcw_log(FCW_LOG_DEBUG, "gave up an idle kept connection: a new connection was waiting");
                epoll_ctl(epfd, EPOLL_CTL_DEL, kept, NULL);
                close(kept);
                fr.ipcFd = -1;
            } else {
                continue; /* another child took it */
            }
        }
        /* Ready, even if a stop came with it: the connection is answered
         * before the loop ends. EPOLLEXCLUSIVE woke this child alone, so a
         * child leaving it in the backlog would strand it there while the
         * others sleep (a reload's old children would lose requests). */
        /* libfcgi reads the request's records with blocking reads inside
         * FCGX_Accept_r: count that time as the request's, so that a front
         * server stalling mid-record meets request_terminate_timeout */
        slot->state = SLOT_READING;
        slot->request_started = clock_now_ms();
        /* until its parameters are read, the request has no name: a kill
         * for request_terminate_timeout must not name the previous one */
        snprintf(slot->request, sizeof(slot->request), "(a request being read)");
        scoreboard_raise_max(&sb->max_active, scoreboard_active(sb));
        if ((fr.ipcFd < 0 && accept_connection(pool, listen_fd, &fr) < 0) || FCGX_Accept_r(&fr) < 0) {
            /* FCGX_Accept_r fails (EAGAIN on the non-blocking listen socket)
             * when the connection held no request: it was closed or timed out */
            slot->state = SLOT_IDLE;
            slot->request_started = 0;
            continue;
        }
        scoreboard_count_event(&sb->accepted);
        const char *role = FCGX_GetParam("FCGI_ROLE", fr.envp);
        if (role != NULL && strcmp(role, "RESPONDER") != 0) {
            /* an authorizer's 200 would mean "allowed": refuse plainly */
            fcw_log(FCW_LOG_WARNING, "refused a FastCGI %s request: only the RESPONDER role is served", role);
            FCGX_PutS("Status: 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nunsupported FastCGI role\n",
                      fr.out);
            fr.keepConnection = 0;
            FCGX_Finish_r(&fr);
            continue;
        }
        struct request r;
        struct request_stream in = { fcgx_read, NULL, NULL, fr.in, NULL, NULL };
        struct request_stream out = { NULL, fcgx_write, fcgx_flush, fr.out, fcgx_abort, &fr };
        if (request_build(&r, fr.envp) < 0) {
            fcw_log(FCW_LOG_ERROR, "failed to build the request: out of memory");
        } else {
            triggers_mark_request(&r, fr.envp);
            size_t rl = strnlen(r.log_context, sizeof(slot->request) - 1);
            memcpy(slot->request, r.log_context, rl);
            slot->request[rl] = '\0';
            if (worker_serve(w, &r, fr.envp, &in, &out, sb, slot) < 0) {
                fr.keepConnection = 0;
            } else {
                /* drain FCGI_STDIN so that a kept-alive connection stays in step */
                char sink[4096];
                while (FCGX_GetStr(sink, sizeof(sink), fr.in) > 0) {
                }
            }
        }
        request_free(&r);
        slot->state = SLOT_FINISHING;
        FCGX_Finish_r(&fr);
        slot->requests++;
        served++;
        if (pool->max_requests && served >= pool->max_requests) {
            fcw_log(FCW_LOG_INFO, "served pm.max_requests (%u): exiting to be replaced", pool->max_requests);
            break;
        }
        if (worker_exhausted(w)) {
            fcw_log(FCW_LOG_WARNING, "memory limit reached: exiting to be replaced");
            break;
        }
    }
    worker_free(w);
    _exit(0);
}
