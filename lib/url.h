/* SPDX-License-Identifier: MIT */
/*
 * The WHATWG URL Standard's URL record, parser and setters, in plain C.
 *
 * A parsed URL is kept as its serialization (href, always ASCII) plus the
 * offsets of each component inside it, so every getter is a substring and a
 * URL costs one allocation. fcw_url_parse() runs the basic URL parser (with
 * an optional base URL); fcw_url_set() runs it again with the state override
 * that the URL API's setters use. Input is UTF-8; CESU-8 surrogate pairs are
 * combined and lone surrogates or invalid bytes become U+FFFD, so strings
 * coming from Duktape can be passed as they are. Domains go through libidn2
 * for UTS #46 ToASCII. The application/x-www-form-urlencoded helpers used by
 * URLSearchParams live here too.
 */
#ifndef FCW_URL_H
#define FCW_URL_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* An offset that is absent (no query, no fragment). */
#define FCW_URL_OMITTED UINT32_MAX

enum fcw_url_part {
    FCW_URL_HREF,
    FCW_URL_PROTOCOL,
    FCW_URL_USERNAME,
    FCW_URL_PASSWORD,
    FCW_URL_HOST,
    FCW_URL_HOSTNAME,
    FCW_URL_PORT,
    FCW_URL_PATHNAME,
    FCW_URL_SEARCH,
    FCW_URL_HASH
};

/*
 * href[0 .. scheme_end) is the scheme, href[scheme_end] is ':'.
 * username/password/host/path are [start, end) ranges; an absent password
 * has password_start == password_end. port is -1 when null. query_start
 * and fragment_start point at '?' and '#' or are FCW_URL_OMITTED.
 */
struct fcw_url {
    char *href;
    uint32_t href_len;
    uint32_t scheme_end;
    uint32_t username_start, username_end;
    uint32_t password_start, password_end;
    uint32_t host_start, host_end;
    uint32_t path_start, path_end;
    uint32_t query_start;
    uint32_t fragment_start;
    int32_t port;
    unsigned char has_host;
    unsigned char opaque_path;
};

int fcw_url_parse(const char *input, size_t len, const struct fcw_url *base, struct fcw_url *out);
int fcw_url_set(struct fcw_url *url, enum fcw_url_part part, const char *value, size_t len);
void fcw_url_free(struct fcw_url *url);

/* A component as the URL API's getter returns it (no allocation). */
const char *fcw_url_get(const struct fcw_url *url, enum fcw_url_part part, size_t *len);

/* The ASCII serialization of the URL's origin ("null" for opaque origins),
 * written to buf (at least 2 * href_len + 8 bytes is always enough). */
size_t fcw_url_origin(const struct fcw_url *url, char *buf, size_t size);

/* Callback for each name/value pair of a form-urlencoded string. The strings
 * are percent-decoded UTF-8 with '+' as space (not NUL-terminated). */
typedef int (*fcw_url_pair_cb)(void *data, const char *name, size_t name_len, const char *value, size_t value_len);
int fcw_url_form_parse(const char *input, size_t len, fcw_url_pair_cb cb, void *data);

/* Form-urlencodes one name or value (byte serializer) onto out, which must
 * hold 9 * len bytes. Returns the bytes written. */
size_t fcw_url_form_encode(const char *in, size_t len, char *out);

#endif
