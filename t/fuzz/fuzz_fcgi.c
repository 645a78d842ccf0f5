/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for src/fcgi.c, the child's side of FastCGI. The input
 * is what a front server sends on one connection (at most 64 KiB, written
 * whole into a socket pair whose writing end is then shut down); the child's
 * side runs on the other end as child.c drives it: accept a request, check
 * its parameters, read FCGI_STDIN to its end, write a response whose size
 * comes from the input, finish with the connection kept, and again until no
 * request is left. The connection is non-blocking, so that answers the
 * test does not read fail as a gone peer would instead of blocking.
 * Checked: every parameter is "NAME=value" and the first is the role; the
 * params stream never exceeds its limit (1 KiB here, so that refusals are
 * reached); the body read is no longer than the FCGI_STDIN bytes of the
 * input.
 */
#include "config.h"

#include "fcgi.h"
#include "log.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_fcgi_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_fcgi: %s: '%s'\n", what, detail ? detail : "(null)");
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int quiet;
    static char response[200000];
    if (!quiet) {
        fcw_log_open("/dev/null", FCW_LOG_ERROR);
        memset(response, 'r', sizeof(response));
        quiet = 1;
    }
    if (size > 65536) {
        return 0;
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
        return 0;
    }
    int buf = 1 << 20;
    setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &buf, sizeof(buf));
    setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &buf, sizeof(buf));
    if (write(sv[1], data, size) != (ssize_t)size) {
        close(sv[0]);
        close(sv[1]);
        return 0;
    }
    shutdown(sv[1], SHUT_WR);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    struct fcgi_config cfg = {1024, 4};
    struct fcgi_conn *c = fcgi_conn_new(&cfg);
    if (c == NULL) {
        close(sv[0]);
        close(sv[1]);
        return 0;
    }
    fcgi_conn_attach(c, sv[0], 0);
    for (int requests = 0; requests < 64 && fcgi_accept(c) == 0; requests++) {
        char **params = fcgi_params(c);
        size_t bytes = 0;
        if (params == NULL || params[0] == NULL || strcmp(params[0], "FCGI_ROLE=RESPONDER") != 0) {
            fuzz_fcgi_fail("the first parameter is not the role", params ? params[0] : NULL);
        }
        for (char **p = params + 1; *p; p++) {
            if (strchr(*p, '=') == NULL) {
                fuzz_fcgi_fail("a parameter without '='", *p);
            }
            bytes += strlen(*p);
        }
        if (bytes > cfg.params_max) {
            fuzz_fcgi_fail("params over the limit were accepted", params[1]);
        }
        char chunk[333];
        size_t body = 0;
        int n;
        while ((n = fcgi_read(c, chunk, sizeof(chunk))) > 0) {
            body += (size_t)n;
        }
        if (body > size) {
            fuzz_fcgi_fail("more body than input", NULL);
        }
        size_t out = size > 0 ? (size_t)data[size - 1] * 700 : 0;
        if (fcgi_write(c, "Status: 200\r\n\r\n", 15) == 0 && fcgi_write(c, response, out) == 0) {
            fcgi_flush(c);
        }
        fcgi_finish(c, 1);
        if (fcgi_conn_fd(c) < 0) {
            break;
        }
    }
    fcgi_conn_free(c);
    close(sv[1]);
    return 0;
}
