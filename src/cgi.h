/* SPDX-License-Identifier: MIT */
/*
 * CGI mode: one request from the environment and stdin, answered on stdout
 * as a CGI/1.1 program ("Status:" header first). Used when fcworker runs as
 * a script interpreter (#!/usr/bin/fcworker) or without a FastCGI socket.
 */
#ifndef FCW_CGI_H
#define FCW_CGI_H

int cgi_main(const char *script);

/* FastCGI on a listen socket inherited on fd 0 (spawn-fcgi, mod_fcgid,
 * lighttpd bin-path), one process serving script (or, with script NULL,
 * the .sjs file each request names, under $FCW_ROOT, which must be set). */
int cgi_fastcgi_on_stdin(const char *script);

#endif
