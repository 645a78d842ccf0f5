/* SPDX-License-Identifier: MIT */
/*
 * Listen sockets, owned by fcworker (not FCGX_OpenSocket, which exits on a
 * bind failure and cannot do IPv6 or socket ownership): unix sockets with
 * owner, group and mode; IPv4 and IPv6 host:port with a backlog; and the
 * listen socket a FastCGI spawner left on fd 0.
 */
#ifndef FCW_LISTEN_H
#define FCW_LISTEN_H

#include "conf.h"

/* Checks what can be checked of the pool's listen settings without opening
 * the socket (for -t and reloads): the address parses and resolves, a unix
 * socket's directory exists, listen.owner/listen.group exist,
 * listen.allowed_clients are addresses. Returns 0, or -1 with err set. */
int listen_check(const struct conf_pool *pool, char *err, size_t errlen);

/* Opens the pool's listen socket; logs and returns -1 on failure. */
int listen_open(const struct conf_pool *pool);

/* Closes fd and removes a unix socket file. */
void listen_close(int fd, const char *address);

/* The connections waiting in the listen socket's accept queue (TCP_INFO
 * for TCP, sock_diag for unix sockets); 0, or -1 when it cannot tell. */
int listen_queue_length(int fd, unsigned *len);

/* True when fd is a listening stream socket (spawn-fcgi style start). */
int listen_is_socket(int fd);

#endif
