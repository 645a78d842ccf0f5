/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for src/request.c: FastCGI/CGI parameters to a request.
 * The input is "NAME=value" lines (separated by '\n') up to an optional NUL
 * byte; after the NUL come the body's repeat count (one byte), its size
 * limit in 4 KiB units (one byte; 255: none) and the body bytes, which a
 * memory stream hands out repeat times in irregular chunk sizes. Checked
 * after request_build: the method is never empty, every header comes from
 * a parameter (HTTP_NAME or CONTENT_*, name lower-cased with '_' as '-',
 * same value) other than HTTP_PROXY (httpoxy), and the URL is
 * scheme://host followed by REQUEST_URI when it starts with '/', else by
 * SCRIPT_NAME + PATH_INFO + ('?' QUERY_STRING) (or '/'), as request.c's
 * header promises. After request_read_body: 0 with every byte in order, or
 * -2 exactly when the body exceeds the limit.
 */
#include "config.h"

#include "request.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_request_stream {
    const uint8_t *body;
    size_t len;
    size_t repeat;
    size_t pos; /* over len * repeat bytes */
    unsigned reads;
};

static void fuzz_request_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_request: %s: '%s'\n", what, detail ? detail : "(null)");
    abort();
}

static int fuzz_request_read(void *s, char *buf, int n)
{
    struct fuzz_request_stream *st = s;
    size_t total = st->len * st->repeat;
    static const size_t steps[] = {1, 4096, 7, 16384, 333, 65536};
    size_t want = steps[st->reads++ % (sizeof(steps) / sizeof(steps[0]))];
    size_t left = total - st->pos;
    size_t count = want < (size_t)n ? want : (size_t)n;
    if (count > left) {
        count = left;
    }
    for (size_t i = 0; i < count; i++) {
        buf[i] = (char)st->body[(st->pos + i) % st->len];
    }
    st->pos += count;
    return (int)count;
}

/* "NAME=value" lines up to end, each copied NUL-terminated. */
static char **fuzz_request_params(const char *in, size_t len)
{
    size_t lines = 1;
    for (size_t i = 0; i < len; i++) {
        lines += in[i] == '\n';
    }
    char **params = calloc(lines + 1, sizeof(char *));
    if (params == NULL) {
        return NULL;
    }
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || in[i] == '\n') {
            params[n] = strndup(in + start, i - start);
            if (params[n] == NULL) {
                break;
            }
            n++;
            start = i + 1;
        }
    }
    return params;
}

static void fuzz_request_free_params(char **params)
{
    for (char **p = params; *p; p++) {
        free(*p);
    }
    free(params);
}

/* param "NAME=value" gives header (name, value) when NAME without HTTP_,
 * lower-cased with '_' as '-', is name. HTTP_PROXY gives nothing. */
static int fuzz_request_param_gives(const char *param, const char *name, const char *value)
{
    const char *eq = strchr(param, '=');
    if (eq == NULL || strcmp(eq + 1, value) != 0 || strncmp(param, "HTTP_PROXY=", 11) == 0) {
        return 0;
    }
    const char *p = strncmp(param, "HTTP_", 5) == 0 ? param + 5 : param;
    size_t len = strlen(name);
    if ((size_t)(eq - p) != len) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        char c = p[i] == '_' ? '-' : p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] + 32) : p[i];
        if (c != name[i]) {
            return 0;
        }
    }
    return 1;
}

/* Every header comes from a parameter, never from HTTP_PROXY (httpoxy). */
static void fuzz_request_check_headers(const struct request *r, char **params)
{
    for (size_t i = 0; i < r->req.nheaders; i++) {
        const char *name = r->req.headers[2 * i], *value = r->req.headers[2 * i + 1];
        if (name[0] == '\0' || value == NULL) {
            fuzz_request_fail("empty or valueless header", name);
        }
        for (const char *c = name; *c; c++) {
            if ((*c >= 'A' && *c <= 'Z') || *c == '_') {
                fuzz_request_fail("header name not lower case with '-'", name);
            }
        }
        /* the client's address comes as cf-connecting-ip, from REMOTE_ADDR */
        if (strcmp(name, "cf-connecting-ip") == 0) {
            const char *addr = request_param(params, "REMOTE_ADDR");
            if (addr == NULL || strcmp(addr, value) != 0) {
                fuzz_request_fail("cf-connecting-ip is not REMOTE_ADDR", value);
            }
            continue;
        }
        char **p = params;
        while (*p && !fuzz_request_param_gives(*p, name, value)) {
            p++;
        }
        if (*p == NULL) {
            fuzz_request_fail("a header that no parameter gave", name);
        }
    }
}

static int fuzz_request_ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && memcmp(s + a - b, tail, b) == 0;
}

static void fuzz_request_check_url(const struct request *r, char **params)
{
    const char *url = r->req.url;
    if (url == NULL || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)) {
        fuzz_request_fail("URL scheme", url);
    }
    const char *uri = request_param(params, "REQUEST_URI");
    if (uri != NULL && uri[0] == '/') {
        if (!fuzz_request_ends_with(url, uri)) {
            fuzz_request_fail("URL does not end with REQUEST_URI", url);
        }
        return;
    }
    const char *script = request_param(params, "SCRIPT_NAME");
    const char *path_info = request_param(params, "PATH_INFO");
    const char *query = request_param(params, "QUERY_STRING");
    size_t len = (script ? strlen(script) : 0) + (path_info ? strlen(path_info) : 0) + (query ? strlen(query) : 0) + 3;
    char *tail = malloc(len);
    if (tail == NULL) {
        return;
    }
    snprintf(tail, len, "%s%s%s%s", script ? script : "", path_info ? path_info : "", query && query[0] ? "?" : "",
             query && query[0] ? query : "");
    if (tail[0] == '\0') {
        strcpy(tail, "/");
    }
    if (!fuzz_request_ends_with(url, tail)) {
        fuzz_request_fail("URL does not end with SCRIPT_NAME + PATH_INFO + ?QUERY_STRING", url);
    }
    free(tail);
}

static void fuzz_request_check(const struct request *r, char **params)
{
    if (r->req.method == NULL || r->req.method[0] == '\0') {
        fuzz_request_fail("empty method", r->req.method);
    }
    if (memchr(r->log_context, '\0', sizeof(r->log_context)) == NULL) {
        fuzz_request_fail("log context not terminated", NULL);
    }
    fuzz_request_check_headers(r, params);
    fuzz_request_check_url(r, params);
}

static void fuzz_request_body(struct request *r, const uint8_t *tail, size_t len)
{
    if (len < 2) {
        return;
    }
    struct fuzz_request_stream st = {tail + 2, len - 2, len > 2 ? tail[0] : 0, 0, 0};
    size_t limit = tail[1] == 255 ? SIZE_MAX : (size_t)tail[1] * 4096;
    struct request_stream in = {fuzz_request_read, NULL, NULL, &st, NULL, NULL};
    size_t total = st.len * st.repeat;
    int rc = request_read_body(r, &in, limit, 0);
    if (total > limit) {
        if (rc != -2 || r->body_len > limit) {
            fuzz_request_fail("a body over the limit was not refused", NULL);
        }
        return;
    }
    if (rc != 0 || r->req.body_len != total) {
        fuzz_request_fail("the body was not read whole", NULL);
    }
    for (size_t i = 0; i < total; i++) {
        if ((uint8_t)r->body[i] != st.body[i % st.len]) {
            fuzz_request_fail("body bytes differ", NULL);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, '\0', size);
    size_t params_len = nul ? (size_t)(nul - data) : size;
    char **params = fuzz_request_params((const char *)data, params_len);
    if (params == NULL) {
        return 0;
    }
    struct request r;
    if (request_build(&r, params) == 0) {
        fuzz_request_check(&r, params);
        if (nul != NULL) {
            fuzz_request_body(&r, nul + 1, size - params_len - 1);
        }
    }
    request_free(&r);
    fuzz_request_free_params(params);
    return 0;
}
