/* SPDX-License-Identifier: MIT */
/*
 * One libcurl transfer of fetch(): the easy handle set up from the request
 * JavaScript made (method, headers as curl header lines, body, timeouts,
 * HTTP/2, content decoding, the address guard of lib/fetch_guard.c on
 * every connection), and the response head parsed from curl's header
 * lines (status line, fields, obs-fold, interim 1xx heads skipped) into a
 * flat "name\0value\0" list. The head, once complete, and the body go to
 * the hooks of the transfer's owner (lib/fetch.c); this file never runs
 * JavaScript.
 */
#include "config.h"

#include "transfer.h"

#include "engine.h"
#include "fetch_guard.h"
#include "text.h"
#include "url.h"

#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define TRANSFER_BUFFER_SIZE (128L * 1024)

int fcw_transfer_decoded(const struct transfer *t)
{
    if (!t->decoding) {
        return 0;
    }
    for (size_t off = 0; off < t->head.len;) {
        const char *name = t->head.buf + off;
        const char *value = name + strlen(name) + 1;
        if (strcmp(name, "content-encoding") == 0 && strcasecmp(value, "identity") != 0) {
            return 1;
        }
        off = (size_t)(value - t->head.buf) + strlen(value) + 1;
    }
    return 0;
}

/* ---- the response head, and libcurl's callbacks ---- */

static int header_add(struct header_list *h, const char *s, size_t n)
{
    if (h->len + n + 1 > h->cap) {
        size_t cap = (h->cap ? h->cap * 2 : 512) + n;
        char *p = realloc(h->buf, cap);
        if (p == NULL) {
            return -1;
        }
        h->buf = p;
        h->cap = cap;
    }
    memcpy(h->buf + h->len, s, n);
    h->buf[h->len + n] = '\0';
    h->len += n + 1;
    return 0;
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) {
        (*n)--;
    }
}

static int parse_status_line(struct transfer *t, const char *line, size_t n)
{
    const char *sp = memchr(line, ' ', n);
    if (sp == NULL) {
        return -1;
    }
    const char *code = sp + 1;
    size_t rest = n - (size_t)(code - line);
    if (rest < 3 || !isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1]) ||
        !isdigit((unsigned char)code[2])) {
        return -1;
    }
    t->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    const char *reason = code + 3;
    size_t rlen = rest - 3;
    trim(&reason, &rlen);
    free(t->reason);
    t->reason = strndup(reason, rlen);
    t->head.len = 0;
    return t->reason == NULL ? -1 : 0;
}

/* Appends to the last value instead of starting a new string. */
static int header_extend(struct header_list *h, const char *s, size_t n)
{
    h->len--;
    return header_add(h, s, n);
}

/* obs-fold: a line starting with whitespace continues the last value. */
static int header_continue(struct transfer *t, const char *line, size_t n)
{
    if (t->head.len == 0) {
        return 0;
    }
    trim(&line, &n);
    return header_extend(&t->head, " ", 1) < 0 || header_extend(&t->head, line, n) < 0 ? -1 : 0;
}

static int header_field(struct transfer *t, const char *line, size_t n)
{
    const char *colon = memchr(line, ':', n);
    if (colon == NULL || colon == line) {
        return 0;
    }
    size_t nlen = (size_t)(colon - line);
    char name[256];
    if (nlen >= sizeof(name)) {
        return 0;
    }
    for (size_t i = 0; i < nlen; i++) {
        if (!fcw_is_token_char((unsigned char)line[i])) {
            return 0;
        }
        name[i] = (char)tolower((unsigned char)line[i]);
    }
    const char *value = colon + 1;
    size_t vlen = n - nlen - 1;
    trim(&value, &vlen);
    if (memchr(value, '\0', vlen) != NULL) {
        return 0;
    }
    return header_add(&t->head, name, nlen) < 0 || header_add(&t->head, value, vlen) < 0 ? -1 : 0;
}

static size_t on_header(char *buffer, size_t size, size_t nitems, void *userdata)
{
    struct transfer *t = userdata;
    size_t total = size * nitems, n = total;
    if (t->aborted) {
        return 0;
    }
    if (t->head_sent) {
        return total; /* trailers */
    }
    while (n > 0 && (buffer[n - 1] == '\n' || buffer[n - 1] == '\r')) {
        n--;
    }
    int rc = 0;
    if (n >= 5 && memcmp(buffer, "HTTP/", 5) == 0) {
        rc = parse_status_line(t, buffer, n);
    } else if (n == 0) {
        if (t->status >= 200) {
            t->head_sent = 1;
            t->hooks->head(t);
        } else {
            t->status = 0; /* an interim 1xx response */
        }
    } else if (buffer[0] == ' ' || buffer[0] == '\t') {
        rc = header_continue(t, buffer, n);
    } else {
        rc = header_field(t, buffer, n);
    }
    return rc < 0 || t->aborted ? 0 : total;
}

static size_t on_write(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    struct transfer *t = userdata;
    if (t->aborted || !t->head_sent) {
        return 0;
    }
    return t->hooks->body(t, ptr, size * nmemb);
}

/* fetch.deny_private and fetch.allow (lib/fetch_guard.c): checked on the
 * address about to be connected, after resolution, so a name that resolves
 * (or rebinds) to a private address is refused like the address itself. */
static curl_socket_t on_open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *address)
{
    struct transfer *t = clientp;
    const char *allow = t->allow;
    if (purpose == CURLSOCKTYPE_IPCXN && !t->host_allowed && fcw_fetch_guard_is_private(&address->addr) &&
        !fcw_fetch_guard_allows_address(allow, &address->addr)) {
        const void *raw = address->family == AF_INET6
                              ? (const void *)&((struct sockaddr_in6 *)&address->addr)->sin6_addr
                              : (const void *)&((struct sockaddr_in *)&address->addr)->sin_addr;
        if (inet_ntop(address->family, raw, t->denied, sizeof(t->denied)) == NULL) {
            strcpy(t->denied, "?");
        }
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

/* ---- setting up the easy handle ---- */

static int has_header(duk_context *ctx, duk_idx_t flat, const char *name)
{
    duk_size_t n = duk_get_length(ctx, flat);
    int found = 0;
    for (duk_size_t i = 0; i < n && !found; i += 2) {
        duk_get_prop_index(ctx, flat, (duk_uarridx_t)i);
        found = strcasecmp(duk_to_string(ctx, -1), name) == 0;
        duk_pop(ctx);
    }
    return found;
}

/* "Name: value" with the value's characters as bytes: the Headers class
 * only holds byte strings (U+0000 to U+00FF), which Duktape keeps as
 * UTF-8. "Name;" is curl's way of sending an empty value. */
static char *header_line(const char *name, const char *value)
{
    size_t nlen = strlen(name), vlen = strlen(value);
    char *line = malloc(nlen + vlen + 3), *o;
    if (line == NULL) {
        return NULL;
    }
    memcpy(line, name, nlen);
    o = line + nlen;
    if (vlen == 0) {
        strcpy(o, ";");
        return line;
    }
    *o++ = ':';
    *o++ = ' ';
    for (const unsigned char *v = (const unsigned char *)value; *v != '\0'; v++) {
        if ((v[0] == 0xC2 || v[0] == 0xC3) && (v[1] & 0xC0) == 0x80) {
            *o++ = (char)(((v[0] & 0x03) << 6) | (v[1] & 0x3F));
            v++;
        } else {
            *o++ = (char)*v;
        }
    }
    *o = '\0';
    return line;
}

static struct curl_slist *slist_add(struct curl_slist *list, const char *line)
{
    struct curl_slist *more = line != NULL ? curl_slist_append(list, line) : NULL;
    if (more == NULL) {
        curl_slist_free_all(list);
    }
    return more;
}

/* Headers that never go out as given: the Host is the one of the URL
 * (libcurl writes it; a request copied from the incoming one carries the
 * client's), the length is the body's, and hop-by-hop headers (RFC 9110
 * 7.6.1) belong to the incoming connection. */
static int dropped_header(const char *name)
{
    static const char *const names[] = {"host",       "content-length", "transfer-encoding",
                                        "connection", "keep-alive",     "proxy-connection",
                                        "te",         "trailer",        "upgrade"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcasecmp(name, names[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static struct curl_slist *header_slist(duk_context *ctx, duk_idx_t flat, int has_body, int *custom_encoding)
{
    struct curl_slist *list = NULL;
    duk_size_t n = duk_get_length(ctx, flat);
    *custom_encoding = 0;
    for (duk_size_t i = 0; i + 1 < n; i += 2) {
        duk_get_prop_index(ctx, flat, (duk_uarridx_t)i);
        duk_get_prop_index(ctx, flat, (duk_uarridx_t)i + 1);
        const char *name = duk_to_string(ctx, -2);
        const char *value = duk_to_string(ctx, -1);
        *custom_encoding |= strcasecmp(name, "accept-encoding") == 0;
        if (!dropped_header(name)) {
            char *line = header_line(name, value);
            list = slist_add(list, line);
            free(line);
            if (list == NULL) {
                duk_pop_2(ctx);
                return NULL;
            }
        }
        duk_pop_2(ctx);
    }
    /* No "Expect: 100-continue" round trip; no urlencoded type of curl's
     * own for a body without one. */
    list = slist_add(list, "Expect:");
    if (list != NULL && has_body && !has_header(ctx, flat, "content-type")) {
        list = slist_add(list, "Content-Type:");
    }
    return list;
}

/* Whether the request carries a body: Fetch sends a null body of a POST or
 * PUT as Content-Length: 0. */
static int sends_body(const struct transfer *t, const char *method)
{
    return strcmp(method, "HEAD") != 0 &&
           (t->body != NULL || strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0);
}

static void set_method(struct transfer *t, const char *method)
{
    CURL *easy = t->easy;
    if (strcmp(method, "HEAD") == 0) {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
        return;
    }
    if (!sends_body(t, method) && strcmp(method, "GET") == 0) {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        return;
    }
    if (sends_body(t, method)) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t->body_len ? (char *)t->body : "");
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)t->body_len);
    }
    if (strcmp(method, "POST") != 0) {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method);
    }
}

static void set_limits(struct transfer *t, const struct fcw_limits *lim)
{
    CURL *easy = t->easy;
    if (lim->fetch_connect_timeout_ms) {
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, (long)lim->fetch_connect_timeout_ms);
    }
    if (lim->fetch_timeout_ms) {
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, (long)lim->fetch_timeout_ms);
    }
    if (lim->fetch_deny_private) {
        t->allow = lim->fetch_allow;
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, t);
    }
}

/* fetch.allow names the host of url (by name, with or without its port). */
static int url_host_allowed(const char *allow, const char *url)
{
    struct fcw_url u;
    if (allow == NULL || fcw_url_parse(url, strlen(url), NULL, &u) < 0) {
        return 0;
    }
    size_t len;
    const char *host = fcw_url_get(&u, FCW_URL_HOSTNAME, &len);
    if (len >= 2 && host[0] == '[') {
        host++;
        len -= 2;
    }
    int port = u.port >= 0 ? u.port : u.scheme_end == 5 ? 443 : 80;
    int allowed = fcw_fetch_guard_allows_host(allow, host, len, port);
    fcw_url_free(&u);
    return allowed;
}

int fcw_transfer_setup(struct transfer *t, duk_context *ctx, duk_idx_t headers_idx, duk_idx_t body_idx,
                       const char *method, const char *url, const struct fcw_limits *lim)
{
    if (!duk_is_null_or_undefined(ctx, body_idx)) {
        duk_size_t len = 0;
        const void *data = duk_get_buffer_data(ctx, body_idx, &len);
        t->body = malloc(len ? len : 1);
        if (t->body == NULL) {
            return -1;
        }
        memcpy(t->body, data, len);
        t->body_len = len;
    }
    CURL *easy = t->easy = curl_easy_init();
    if (easy == NULL) {
        return -1;
    }
    int custom_encoding = 0;
    t->headers = header_slist(ctx, headers_idx, sends_body(t, method), &custom_encoding);
    if (t->headers == NULL) {
        return -1;
    }
    curl_easy_setopt(easy, CURLOPT_URL, url);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, t);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, t);
    /* Body chunks of up to 128 KiB rather than libcurl's 16 KiB: an eighth
     * of the per-chunk work (stream reads, FastCGI writes) per byte, and at
     * most limits.response_queue of them are held at once. */
    curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, TRANSFER_BUFFER_SIZE);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_HTTP2) {
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    }
    /* Without an Accept-Encoding of the script's, ask for every encoding
     * this libcurl decodes and let it decode: the body JavaScript sees is
     * the identity body. With one, the bytes are passed on as they came. */
    if (!custom_encoding) {
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        t->decoding = 1;
    }
    set_method(t, method);
    set_limits(t, lim);
    t->host_allowed = url_host_allowed(lim->fetch_allow, url);
    return 0;
}

void fcw_transfer_release(struct transfer *t)
{
    if (t->easy != NULL) {
        curl_easy_cleanup(t->easy);
        t->easy = NULL;
    }
    curl_slist_free_all(t->headers);
    t->headers = NULL;
    free(t->body);
    t->body = NULL;
    free(t->reason);
    t->reason = NULL;
    free(t->head.buf);
    t->head.buf = NULL;
}

void fcw_transfer_fail_message(const struct transfer *t, CURLcode rc, char *out, size_t outlen)
{
    if (t->denied[0] != '\0') {
        snprintf(out, outlen,
                 "fetch failed: refusing to connect to %s, a private or loopback address "
                 "(fetch.deny_private; name it in fetch.allow to allow it)",
                 t->denied);
    } else {
        snprintf(out, outlen, "fetch failed: %s", t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
    }
}
