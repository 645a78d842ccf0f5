/* SPDX-License-Identifier: MIT */
/*
 * The FastCGI loop of a child. It drops privileges to the pool's user,
 * loads the worker, then accepts connections on the shared listen socket
 * itself (with a receive timeout and listen.allowed_clients) and reads
 * each request from them with the project's own responder side of the
 * protocol (fcgi.c: params bounded by limits.params_max, records written
 * straight from the response's buffers). The request body is read to the
 * end of FCGI_STDIN before the request ends (kept-alive connections break
 * otherwise). A stop request (SIGTERM/SIGQUIT from the master) interrupts
 * an idle wait and lets a busy child finish its request first.
 */
#include "config.h"

#include "child.h"

#include <errno.h>
#include <malloc.h>
#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "clock.h"
#include "fcgi.h"
#include "log.h"
#include "request.h"
#include "signals.h"
#include "triggers.h"
#include "users.h"
#include "worker.h"

/* How long a new connection may wait while this child holds an idle kept
 * connection before the child gives the kept one up (see the loop). */
#define CHILD_KEPT_GRACE_MS 200
/* How long a child asked to stop waits for the next request on an idle
 * kept connection before it gives the connection up (under load the front
 * server reuses its most recently used connection within milliseconds). */
#define CHILD_STOP_LINGER_MS 1000

static int conn_read(void *s, char *buf, int n)
{
    return fcgi_read(s, buf, n);
}

static int conn_write(void *s, const char *buf, int n)
{
    return fcgi_write(s, buf, (size_t)n);
}

static int conn_flush(void *s)
{
    return fcgi_flush(s);
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
static int conn_cut(void *data)
{
    return fcgi_cut(data);
}

/* The engine gave up on a request (see fcw_engine_config.abandon): a 503
 * was written; end the FastCGI request and let the master replace us. */
static void abandon_request(void *data)
{
    fcgi_finish(data, 0);
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
    const void *raw = sa->ss_family == AF_INET ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
                                               : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
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

/* Accepts the next connection and hands it to conn, with a receive
 * timeout, so that a front server stalling mid-record does not hold the
 * child forever. Returns 0, or -1 when there was none (another child took it) or
 * it was refused. */
static int accept_connection(const struct conf_pool *pool, int listen_fd, struct fcgi_conn *conn)
{
    struct sockaddr_storage sa;
    socklen_t len = sizeof(sa);
    int fd = accept4(listen_fd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC);
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
    fcgi_conn_attach(conn, fd, (unsigned)pool->request_read_timeout_ms);
    return 0;
}

/* worker_idle's question after its collection: is a connection, or a
 * kept connection's next request, waiting (data: the epoll set)? */
static int input_waiting(void *data)
{
    return signals_child_input(*(const int *)data);
}

/* The master's copies of every pool's script, its text and its bytecode
 * image (for a bundle of npm packages, 1-3 MB each), are in every child's
 * address space after the fork, and count in its RSS, though the child
 * needs them only to load its worker. Once it has, they are freed, and
 * their pages unmapped from the child (malloc_trim; the master keeps its
 * own). */
static void drop_master_copies(struct conf *conf)
{
    size_t dropped = 0;
    for (struct conf_pool *p = conf ? conf->pools : NULL; p != NULL; p = p->next) {
        dropped += p->script_len + p->script_image_len;
        free(p->script_text);
        p->script_text = NULL;
        p->script_len = 0;
        free(p->script_image);
        p->script_image = NULL;
        p->script_image_len = 0;
    }
    if (dropped > 0) {
        (void)malloc_trim(0);
    }
}

void child_main(struct conf *conf, struct conf_pool *pool, int listen_fd, struct scoreboard *sb,
                struct scoreboard_slot *slot)
{
    char err[1024];
    (void)conf;
    signals_init_child();
    fcw_log_set_pool(pool->name);
    if (users_switch(pool->user, pool->group, err, sizeof(err)) < 0) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        _exit(CHILD_EXIT_LOAD_FAILED);
    }
    struct fcgi_config fcfg = {pool->params_max, pool->max_children};
    struct fcgi_conn *conn = fcgi_conn_new(&fcfg);
    if (conn == NULL) {
        fcw_log(FCW_LOG_ERROR, "failed to set up the FastCGI connection: out of memory");
        _exit(1);
    }
    struct worker *w = worker_new(pool, abandon_request, conn, err, sizeof(err));
    if (w == NULL) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        _exit(CHILD_EXIT_LOAD_FAILED);
    }
    drop_master_copies(conf);
    /* the pages the master and the script's loading took are not growth
     * for pm.idle_release to give back */
    fcw_alloc_grown_reset();
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
    struct epoll_event ev = {.events = EPOLLIN | EPOLLEXCLUSIVE, .data.fd = listen_fd};
    if (epfd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &ev) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to set up waiting for connections: epoll");
        _exit(1);
    }
    unsigned long served = 0;
    double stop_seen = 0;
    /* the kept connection is in the epoll set (it leaves it by its close) */
    int kept_watched = 0;
    /* requests served since the child last gave memory back */
    int idle_dirty = 0;
    for (;;) {
        /* Asked to stop: a kept connection may already carry the front
         * server's next request, or be about to (closing it then would
         * fail that request, and nginx does not retry a POST): its next
         * request is served and ends the connection (see fcgi_finish); one
         * idle for the whole linger is given up with fcgi_conn_retire. */
        int stopping = signals_child_stopping();
        int kept = fcgi_conn_fd(conn);
        if (stopping) {
            if (kept < 0) {
                break;
            }
            if (stop_seen == 0) {
                stop_seen = clock_now_ms();
            }
            struct pollfd kp = {.fd = kept, .events = POLLIN};
            double left = CHILD_STOP_LINGER_MS - (clock_now_ms() - stop_seen);
            if ((left <= 0 ||
                 (fcgi_conn_pending(conn) == 0 && (poll(&kp, 1, (int)left + 1) <= 0 || !(kp.revents & POLLIN)))) &&
                fcgi_conn_retire(conn) == 0) {
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
         * where signals reach the child, and let the accept fail with
         * EAGAIN when another child took the connection. A connection the
         * front server keeps open (FCGI_KEEP_CONN) carries our next request:
         * wait on it too, as PHP-FPM does, but not on it alone — when a new
         * connection waits in the backlog while ours is idle, give ours up
         * and take the new one, so that no request waits behind an idle
         * kept connection (a front server keeping more connections than
         * the pool has children would otherwise stall the pool). */
        if (kept < 0) {
            kept_watched = 0;
        } else if (!kept_watched) {
            struct epoll_event kev = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = kept};
            if (epoll_ctl(epfd, EPOLL_CTL_ADD, kept, &kev) < 0 && errno != EEXIST) {
                fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to wait on a kept connection: epoll_ctl()");
                fcgi_conn_close(conn);
                kept = -1;
            } else {
                kept_watched = 1;
            }
        }
        /* bytes of the next request already read are not seen by epoll */
        /* A child idle for pm.idle_release after requests collects its
         * heaps and gives free memory back to the system, once: a busy
         * pool's children are never idle that long, and one that serves
         * now and then gets its memory back after each burst. */
        int idle_ms = idle_dirty && pool->idle_release_ms > 0 ? (int)pool->idle_release_ms : -1;
        int ready =
            stopping || (kept >= 0 && fcgi_conn_pending(conn) > 0) ? kept : signals_child_wait(epfd, kept, idle_ms);
        if (ready == -2) {
            idle_dirty = 0;
            double t0 = clock_now_ms();
            int collected;
            size_t given;
            int done = worker_idle(w, slot, input_waiting, &epfd, &collected, &given);
            if (done > 0) {
                scoreboard_count_event(&sb->idle_releases);
                scoreboard_add(&sb->idle_released_bytes, given);
                fcw_log(FCW_LOG_DEBUG, "idle for %u ms: %sgave back %zu KiB of free memory (%.1f ms)",
                        pool->idle_release_ms, collected ? "collected, " : "", given / 1024, clock_now_ms() - t0);
            } else if (done < 0) {
                /* a request came during the collection: the release
                 * waits for the next idle spell */
                idle_dirty = 1;
                fcw_log(FCW_LOG_DEBUG, "idle for %u ms: collected (%.1f ms); a request came, the release waits",
                        pool->idle_release_ms, clock_now_ms() - t0);
            }
            continue;
        }
        if (ready < 0) {
            continue;
        }
        if (kept >= 0 && ready != kept) {
            /* Closing a kept connection races with the front server sending
             * on it (nginx retries a GET that meets a closed cached
             * connection, not a POST): give it up only when the new
             * connection still waits after a grace period, in which the
             * kept one may bring its next request (then served first). */
            struct pollfd kp = {.fd = kept, .events = POLLIN};
            struct pollfd lp = {.fd = listen_fd, .events = POLLIN};
            if (poll(&kp, 1, CHILD_KEPT_GRACE_MS) > 0) {
                ready = kept;
            } else if (poll(&lp, 1, 0) > 0) {
                fcw_log(FCW_LOG_DEBUG, "gave up an idle kept connection: a new connection was waiting");
                epoll_ctl(epfd, EPOLL_CTL_DEL, kept, NULL);
                kept_watched = 0;
                if (fcgi_conn_retire(conn)) {
                    ready = kept; /* its last request came meanwhile: served first */
                } else {
                    kept = -1;
                }
            } else {
                continue; /* another child took it */
            }
        }
        /* Ready, even if a stop came with it: the connection is answered
         * before the loop ends. EPOLLEXCLUSIVE woke this child alone, so a
         * child leaving it in the backlog would strand it there while the
         * others sleep (a reload's old children would lose requests). */
        /* the request's records are read with blocking reads: count that
         * time as the request's, so that a front server stalling mid-record
         * meets request_terminate_timeout */
        slot->state = SLOT_READING;
        slot->request_started = clock_now_ms();
        /* until its parameters are read, the request has no name: a kill
         * for request_terminate_timeout must not name the previous one */
        static const char being_read[] = "(a request being read)";
        _Static_assert(sizeof(being_read) <= sizeof(slot->request), "the slot holds the placeholder");
        memcpy(slot->request, being_read, sizeof(being_read));
        scoreboard_raise_max(&sb->max_active, scoreboard_active(sb));
        if (kept >= 0 && ready == kept) {
            /* a kept connection that goes on is read below; one that ends
             * leaves the epoll set by its close */
        } else if (accept_connection(pool, listen_fd, conn) < 0) {
            slot->state = SLOT_IDLE;
            slot->request_started = 0;
            continue;
        } else {
            kept_watched = 0; /* a new connection, even on a reused number */
        }
        if (fcgi_accept(conn) < 0) {
            /* the connection held no request (closed, timed out, broke the
             * protocol) or it was refused and answered: it is closed */
            slot->state = SLOT_IDLE;
            slot->request_started = 0;
            continue;
        }
        scoreboard_count_event(&sb->accepted);
        char **params = fcgi_params(conn);
        struct request r;
        struct request_stream in = {conn_read, NULL, NULL, conn, NULL, NULL};
        struct request_stream out = {NULL, conn_write, conn_flush, conn, conn_cut, conn};
        int keep = 1;
        if (request_build(&r, params) < 0) {
            fcw_log(FCW_LOG_ERROR, "failed to build the request: out of memory");
            keep = 0;
        } else {
            triggers_mark_request(&r, params);
            size_t rl = strnlen(r.log_context, sizeof(slot->request) - 1);
            memcpy(slot->request, r.log_context, rl);
            slot->request[rl] = '\0';
            if (worker_serve(w, &r, params, &in, &out, sb, slot) < 0) {
                keep = 0;
            } else {
                /* drain FCGI_STDIN so that a kept-alive connection stays in step */
                char sink[4096];
                while (fcgi_read(conn, sink, sizeof(sink)) > 0) {
                }
            }
        }
        request_free(&r);
        slot->state = SLOT_FINISHING;
        served++;
        idle_dirty = 1;
        /* the last request of this child: its kept connection is closed
         * with the end of the request (see fcgi_finish), not later while
         * idle, when the front server may be sending the next request */
        int last_max = pool->max_requests && served >= pool->max_requests;
        int last_mem = worker_exhausted(w);
        /* a new connection waiting in the backlog: give the kept one up
         * now, with the end of this request, rather than later while idle */
        struct pollfd lp = {.fd = listen_fd, .events = POLLIN};
        int waiting = keep && fcgi_keep_conn(conn) && poll(&lp, 1, 0) > 0;
        if (waiting) {
            fcw_log(FCW_LOG_DEBUG, "gave up a kept connection with its request: a new connection was waiting");
        }
        fcgi_finish(conn, keep && !last_max && !last_mem && !waiting && !signals_child_stopping());
        slot->requests++;
        if (last_max) {
            fcw_log(FCW_LOG_INFO, "served pm.max_requests (%u): exiting to be replaced", pool->max_requests);
            break;
        }
        if (last_mem) {
            fcw_log(FCW_LOG_WARNING, "memory limit reached: exiting to be replaced");
            break;
        }
    }
    worker_free(w);
    fcgi_conn_free(conn);
    _exit(0);
}
