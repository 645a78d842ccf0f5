/* SPDX-License-Identifier: MIT */
/*
 * From CGI/FastCGI parameters to an fcw_request, and from fcw_output calls
 * to CGI response bytes ("Status:" line, headers, body). Both FastCGI
 * (the child's connection, fcgi.c) and CGI (stdin/stdout) use these through a small stream
 * interface.
 */
#ifndef FCW_REQUEST_H
#define FCW_REQUEST_H

#include "fcw.h"

#include <stddef.h>

struct request_stream {
    /* read up to n bytes; 0 at the end, -1 on error */
    int (*read)(void *s, char *buf, int n);
    /* write n bytes; -1 when the peer is gone */
    int (*write)(void *s, const char *buf, int n);
    int (*flush)(void *s);
    void *s;
    /* cuts the response (see fcw_output.abort); NULL if it cannot be */
    int (*abort)(void *data);
    void *abort_data;
};

struct request {
    struct fcw_request req;
    /* One allocation, owned through headers, holds the name/value pointer
     * pairs, then url and the lower-cased names. The values, like the
     * method, path, script_filename and document_root, point into the
     * parameters, which must outlive the request. */
    char *url;
    char **headers;
    size_t nheaders;
    char *body;
    size_t body_len;
    char log_context[256];
    const char *script_filename;
    const char *document_root;
    const char *path;
    int bad_host; /* HTTP_HOST is not a valid host[:port]: answered 400 */
};

/* Builds the request from "NAME=value" parameters, which must stay valid and
 * unchanged until request_free: FastCGI's until fcgi_finish, CGI's environ
 * for the whole run. Returns 0 or -1 (out of memory); request_free follows
 * either way. */
int request_build(struct request *r, char **params);
void request_free(struct request *r);

/* The header the client's address (REMOTE_ADDR) is given to the worker as,
 * for every request_build after it: letters, digits and '-', at most 63;
 * NULL or "" for none. The default is "cf-connecting-ip". Returns 0, or -1
 * for a name that cannot be a header (nothing changes). */
int request_set_client_ip_header(const char *name);
const char *request_param(char **params, const char *name);

/* Reads the body to the end of the stream. Returns 0, -1 on a read error,
 * -2 when it exceeds body_max (reading stops there), or -3 when the whole
 * body took longer than timeout_ms (0: no limit). */
int request_read_body(struct request *r, const struct request_stream *in, size_t body_max, unsigned timeout_ms);

/* Response writing: status and bytes are recorded for the access log. */
struct response {
    const struct request_stream *out;
    int status;
    size_t bytes;
    struct fcw_output ops;
};

void response_init(struct response *res, const struct request_stream *out);

#endif
