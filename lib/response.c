/* SPDX-License-Identifier: MIT */
/*
 * The response writer: one response in flight (struct fcw_response, owned
 * by the request that lib/respond.c runs), written to the caller's
 * fcw_output: the head, body bytes (flushed at once when streaming), the
 * end, an error page, the cut of a body that failed after its head. Once
 * an output call fails the client is gone, and nothing more is written.
 * Knows nothing of the engine; plain-text error pages (fcw_output_error)
 * are here too, for src/ before an engine exists.
 */
#include "config.h"

#include "response.h"

#include <stdio.h>
#include <string.h>

const char *fcw_status_reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

int fcw_output_error(const struct fcw_output *out, int status, const char *text)
{
    static const char *const headers[] = {"content-type", "text/plain; charset=utf-8"};
    char body[256];
    int n = snprintf(body, sizeof(body), "%s\n", text ? text : fcw_status_reason(status));
    if (n < 0 || (size_t)n >= sizeof(body)) {
        n = (int)sizeof(body) - 1;
    }
    if (out->head(out->data, status, fcw_status_reason(status), headers, 1, 0) < 0 ||
        out->write(out->data, body, (size_t)n) < 0) {
        return -1;
    }
    return out->flush(out->data);
}

void fcw_response_init(struct fcw_response *r, const struct fcw_output *out, int head_only)
{
    memset(r, 0, sizeof(*r));
    r->out = out;
    r->head_only = head_only;
}

static int gone(struct fcw_response *r)
{
    r->client_gone = 1;
    return -1;
}

int fcw_response_head(struct fcw_response *r, int status, const char *reason, const char *const *headers,
                      size_t nheaders, int streaming)
{
    r->head_sent = 1;
    r->streaming = streaming && !r->head_only;
    if (r->client_gone) {
        return -1;
    }
    if (r->out->head(r->out->data, status, reason != NULL && reason[0] ? reason : fcw_status_reason(status), headers,
                     nheaders, r->streaming) < 0) {
        return gone(r);
    }
    return 0;
}

int fcw_response_write(struct fcw_response *r, const void *buf, size_t len)
{
    if (!r->head_sent || r->ended || r->client_gone) {
        return -1;
    }
    if (!r->head_only && len > 0 &&
        (r->out->write(r->out->data, buf, len) < 0 || (r->streaming && r->out->flush(r->out->data) < 0))) {
        return gone(r);
    }
    return 0;
}

void fcw_response_end(struct fcw_response *r, int failed)
{
    if (r->ended) {
        return;
    }
    r->ended = 1;
    /* no flush here: the caller flushes when fcw_engine_handle returns
     * (FastCGI then sends the last bytes and the end of the request in
     * one write), or fcw_response_flush does when waitUntil work remains;
     * a failed body is cut (fcw_response_cut) */
    r->flushed = failed;
    r->cut = failed;
}

void fcw_response_error(struct fcw_response *r, int status, const char *text)
{
    if (!r->head_sent) {
        r->head_sent = 1;
        if (!r->client_gone && fcw_output_error(r->out, status, text) < 0) {
            gone(r);
        }
    }
    r->ended = 1;
}

void fcw_response_flush(struct fcw_response *r)
{
    if (r->ended && !r->flushed && !r->client_gone) {
        r->flushed = 1;
        if (r->out->flush(r->out->data) < 0) {
            gone(r);
        }
    }
}

int fcw_response_cut(struct fcw_response *r)
{
    if (r->cut != 1) {
        return 0;
    }
    r->cut = 2;
    if (r->client_gone || r->out->abort == NULL) {
        return 0;
    }
    if (r->out->abort(r->out->data) < 0) {
        gone(r);
    }
    return 1;
}
