/* SPDX-License-Identifier: MIT */
/*
 * fcworker dev: the development loop (dev.c) and its HTTP/1.1 front
 * (dev_http.c), which relays each request to the dev pool's FastCGI
 * socket.
 */
#ifndef FCW_DEV_H
#define FCW_DEV_H

#include <limits.h>

struct dev_front {
    int port;
    char socket[PATH_MAX]; /* the pool's unix socket */
    char client_addr[64];  /* REMOTE_ADDR */
};

/* fcworker dev ARGS (argv[0] is "dev"); the exit status. */
int dev_main(int argc, char **argv);

/* Serves one client connection until it closes (or asks to). */
void dev_serve_connection(int fd, const struct dev_front *front);

/* The reason phrase of a status ("" for one without). */
const char *dev_reason(int status);

#endif
