/* SPDX-License-Identifier: MIT */
/*
 * The responder side of the FastCGI protocol, as a child speaks it on one
 * connection at a time: records are read with a buffer of one record's
 * size, the FCGI_PARAMS stream is bounded (limits.params_max), management
 * records are answered where they come, a second request id on the
 * connection is refused (FCGI_CANT_MPX_CONN), other roles are refused
 * (FCGI_UNKNOWN_ROLE), FCGI_ABORT_REQUEST ends the request, and
 * FCGI_STDOUT records of up to 65,535 bytes are written straight from the
 * caller's buffer (writev of header, payload and padding), with only small
 * writes staged. The end of a request (the last output, the empty
 * FCGI_STDOUT record and FCGI_END_REQUEST) goes out in one write.
 *
 * Reads block (the child sets SO_RCVTIMEO on the connection, so a front
 * server stalling mid-record ends the read); writes block until done or
 * the peer is gone (EPIPE: every later write fails at once).
 */
#ifndef FCW_FCGI_H
#define FCW_FCGI_H

#include <stddef.h>

struct fcgi_conn;

struct fcgi_config {
    size_t params_max;  /* bytes of the FCGI_PARAMS stream of one request */
    unsigned max_conns; /* FCGI_MAX_CONNS and FCGI_MAX_REQS in FCGI_GET_VALUES_RESULT */
};

/* What fcgi_accept returns besides 0. */
enum {
    FCGI_NO_REQUEST = -1, /* the connection closed, timed out or broke the protocol: it is closed */
    FCGI_REFUSED = -2     /* the request was refused (params over the limit): answered, connection closed */
};

struct fcgi_conn *fcgi_conn_new(const struct fcgi_config *cfg);
void fcgi_conn_free(struct fcgi_conn *c);
/* Takes an accepted connection (the previous one must be closed), whose
 * reads that wait time out after read_timeout_ms (0: never; SO_RCVTIMEO,
 * set when a read would first wait). */
void fcgi_conn_attach(struct fcgi_conn *c, int fd, unsigned read_timeout_ms);
/* The connection's fd, -1 when there is none. */
int fcgi_conn_fd(const struct fcgi_conn *c);
/* Bytes already read from the connection and not yet taken apart: the
 * next request may be there, so waiting on the fd would miss it. */
size_t fcgi_conn_pending(const struct fcgi_conn *c);
void fcgi_conn_close(struct fcgi_conn *c);
/* Closes an idle kept connection, unless the front server sent a request
 * on it at the last instant: then returns 1, and that request, served as
 * usual, is the connection's last. Closing an idle connection races with
 * the front server taking it for its next request (nginx retries a GET
 * that fails so, not a POST): the reading side is shut first, so that on a
 * unix socket a request written before is still served and one written
 * after fails at once. Where it can, the child ends a kept connection
 * with a request instead (fcgi_finish). */
int fcgi_conn_retire(struct fcgi_conn *c);

/* Reads records until a request's parameters are complete (answering
 * management records and refusing what is not served on the way).
 * Returns 0, FCGI_NO_REQUEST or FCGI_REFUSED. */
int fcgi_accept(struct fcgi_conn *c);
/* The request's parameters as "NAME=value" strings, NULL-terminated, valid
 * until fcgi_finish. */
char **fcgi_params(struct fcgi_conn *c);

/* FCGI_STDIN: up to n bytes, at least one (blocking); 0 at its end, -1 on
 * an error, a timeout or FCGI_ABORT_REQUEST. */
int fcgi_read(struct fcgi_conn *c, char *buf, int n);
/* FCGI_STDOUT: 0, or -1 when the peer is gone (or aborted the request). */
int fcgi_write(struct fcgi_conn *c, const char *buf, size_t n);
int fcgi_flush(struct fcgi_conn *c);
/* Cuts the response so that the front server cuts the client's transfer
 * (see child.c); the connection is shut down. */
int fcgi_cut(struct fcgi_conn *c);
/* Ends the request (the rest of the output, FCGI_END_REQUEST) and closes
 * the connection unless keep is set, the front server asked to keep it
 * and FCGI_STDIN was read to its end. */
void fcgi_finish(struct fcgi_conn *c, int keep);
/* True when the front server asked to keep the connection (FCGI_KEEP_CONN). */
int fcgi_keep_conn(const struct fcgi_conn *c);

#endif
