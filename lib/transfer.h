/* SPDX-License-Identifier: MIT */
/*
 * One libcurl transfer of fetch() (lib/transfer.c): the easy handle set up
 * from a request (method, headers, body, timeouts, the address guard), and
 * the response head parsed from curl's header lines. What happens to the
 * head and the body is the owner's (lib/fetch.c: JavaScript, credit,
 * pass-through), reached through the hooks it gives each transfer.
 * Internal to those two files.
 */
#ifndef FCW_TRANSFER_H
#define FCW_TRANSFER_H

#include "duktape.h"
#include "fcw.h"
#include "fetch.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <stddef.h>

struct fetch_state;
struct transfer;

struct transfer_hooks {
    /* the final head arrived (status, reason, head are set; head_sent) */
    void (*head)(struct transfer *t);
    /* body bytes after the head: returns n, 0 to fail the transfer or
     * CURL_WRITEFUNC_PAUSE */
    size_t (*body)(struct transfer *t, char *ptr, size_t n);
};

struct header_list {
    char *buf; /* "name\0value\0" repeated */
    size_t len, cap;
};

/* One HTTP exchange. The fields from added on belong to lib/fetch.c. */
struct transfer {
    struct fetch_state *f; /* the owner (lib/fetch.c) */
    const struct transfer_hooks *hooks;
    struct transfer *next, *prev;
    double id;
    CURL *easy;
    struct curl_slist *headers;
    unsigned char *body;
    size_t body_len;
    char errbuf[CURL_ERROR_SIZE];
    char denied[INET6_ADDRSTRLEN];
    int host_allowed;  /* fetch.allow names the URL's host */
    const char *allow; /* fetch.allow, when fetch.deny_private is on */

    int status;
    char *reason;
    struct header_list head;
    int head_sent;
    int decoding;

    int added;
    int add_wanted;
    int aborted;
    int paused;
    int resume_wanted;
    int pass_through;
    struct fcw_body_sink sink; /* where a body passed through goes */
    int client_gone;
    unsigned credit;
    unsigned delivered;
};

/* Sets up the easy handle of t for method and url with the flat header
 * list at headers_idx and the body bytes (or null) at body_idx, under
 * lim. Returns 0, or -1 (out of memory; fcw_transfer_release frees what
 * was made). */
int fcw_transfer_setup(struct transfer *t, duk_context *ctx, duk_idx_t headers_idx, duk_idx_t body_idx,
                       const char *method, const char *url, const struct fcw_limits *lim);

/* Frees what fcw_transfer_setup and the head made (t itself, and its place
 * in the multi handle, are the owner's). */
void fcw_transfer_release(struct transfer *t);

/* Whether curl decoded the body: then its Content-Encoding and
 * Content-Length describe bytes JavaScript never sees. */
int fcw_transfer_decoded(const struct transfer *t);

/* "fetch failed: ..." for a transfer that ended with rc. */
void fcw_transfer_fail_message(const struct transfer *t, CURLcode rc, char *out, size_t outlen);

#endif
