/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the response writer (lib/response.c) over a fake output
 * that records every call: the head (its default reason, HEAD requests),
 * body writes (refused before the head and after the end, flushed when
 * streaming), the end, error pages, flushing once while waitUntil work
 * goes on, the cut of a failed body, and a client that goes away (the
 * first failing call ends all output).
 */
#include "config.h"

#include "response.h"
#include "tap.h"

#include <string.h>

struct fake {
    char log[4096]; /* "head 200 OK 1 stream;write 5;flush;..." */
    size_t len;
    int fail_at; /* the call (1-based) that fails, 0: none */
    int calls;
    int no_abort; /* the output has no abort */
    char body[256];
    size_t body_len;
};

static void note(struct fake *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(struct fake *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(f->log + f->len, sizeof(f->log) - f->len, fmt, ap);
    va_end(ap);
    if (n > 0 && f->len + (size_t)n < sizeof(f->log) - 1) {
        f->len += (size_t)n;
        f->log[f->len++] = ';';
        f->log[f->len] = '\0';
    }
}

static int result(struct fake *f)
{
    return ++f->calls == f->fail_at ? -1 : 0;
}

static int fake_head(void *data, int status, const char *reason, const char *const *headers, size_t nheaders,
                     int streaming)
{
    struct fake *f = data;
    note(f, "head %d %s %zu%s", status, reason, nheaders, streaming ? " stream" : "");
    (void)headers;
    return result(f);
}

static int fake_write(void *data, const void *buf, size_t len)
{
    struct fake *f = data;
    note(f, "write %zu", len);
    if (f->body_len + len < sizeof(f->body)) {
        memcpy(f->body + f->body_len, buf, len);
        f->body_len += len;
    }
    return result(f);
}

static int fake_flush(void *data)
{
    struct fake *f = data;
    note(f, "flush");
    return result(f);
}

static int fake_abort(void *data)
{
    struct fake *f = data;
    note(f, "abort");
    return result(f);
}

static void setup(struct fake *f, struct fcw_output *out, struct fcw_response *r, int head_only)
{
    memset(f, 0, sizeof(*f));
    out->head = fake_head;
    out->write = fake_write;
    out->flush = fake_flush;
    out->abort = fake_abort;
    out->data = f;
    fcw_response_init(r, out, head_only);
}

static const char *const plain[] = {"content-type", "text/plain"};

int main(void)
{
    struct fake f;
    struct fcw_output out;
    struct fcw_response r;

    /* head, body, end */
    setup(&f, &out, &r, 0);
    ok(fcw_response_write(&r, "x", 1) < 0 && f.calls == 0, "no body before the head");
    ok(fcw_response_head(&r, 200, "", plain, 1, 0) == 0, "head sent");
    ok(fcw_response_write(&r, "hello", 5) == 0 && fcw_response_write(&r, "", 0) == 0, "body written");
    fcw_response_end(&r, 0);
    ok(fcw_response_write(&r, "late", 4) < 0, "no body after the end");
    ok(strcmp(f.log, "head 200 OK 1;write 5;") == 0, "head with the status's reason, one write, no flush: %s", f.log);
    ok(r.ended && !r.cut && !r.client_gone && f.body_len == 5 && memcmp(f.body, "hello", 5) == 0,
       "ended, not cut, the bytes as given");
    ok(fcw_response_cut(&r) == 0 && strstr(f.log, "abort") == NULL, "a complete response is not cut");

    /* a reason of the script's own; a status without one */
    setup(&f, &out, &r, 0);
    fcw_response_head(&r, 299, NULL, NULL, 0, 0);
    ok(strcmp(f.log, "head 299  0;") == 0, "an unknown status has an empty reason: %s", f.log);
    setup(&f, &out, &r, 0);
    fcw_response_head(&r, 404, "Gone Fishing", NULL, 0, 0);
    ok(strcmp(f.log, "head 404 Gone Fishing 0;") == 0, "the script's reason is kept: %s", f.log);

    /* streaming: each write is flushed */
    setup(&f, &out, &r, 0);
    fcw_response_head(&r, 200, "OK", plain, 1, 1);
    fcw_response_write(&r, "ab", 2);
    fcw_response_write(&r, "cde", 3);
    fcw_response_end(&r, 0);
    ok(strcmp(f.log, "head 200 OK 1 stream;write 2;flush;write 3;flush;") == 0, "streamed chunks are flushed: %s",
       f.log);

    /* HEAD: the head says what it would, the body is never written */
    setup(&f, &out, &r, 1);
    fcw_response_head(&r, 200, "OK", plain, 1, 1);
    ok(fcw_response_write(&r, "body", 4) == 0, "a HEAD response's body write succeeds");
    fcw_response_end(&r, 0);
    ok(strcmp(f.log, "head 200 OK 1;") == 0, "a HEAD response writes no body and does not stream: %s", f.log);

    /* waitUntil work after a complete response: flushed once */
    setup(&f, &out, &r, 0);
    fcw_response_flush(&r);
    ok(f.calls == 0, "nothing is flushed before the end");
    fcw_response_head(&r, 204, NULL, NULL, 0, 0);
    fcw_response_end(&r, 0);
    fcw_response_flush(&r);
    fcw_response_flush(&r);
    ok(strcmp(f.log, "head 204 No Content 0;flush;") == 0, "a complete response is flushed once: %s", f.log);

    /* an error page when nothing was sent */
    setup(&f, &out, &r, 0);
    fcw_response_error(&r, 503, NULL);
    ok(r.head_sent && r.ended && strcmp(f.log, "head 503 Service Unavailable 1;write 20;flush;") == 0,
       "an error page: %s", f.log);
    ok(f.body_len > 0 && memcmp(f.body, "Service Unavailable\n", f.body_len) == 0, "its text is the reason");
    setup(&f, &out, &r, 0);
    fcw_response_error(&r, 500, "Internal Server Error: the worker did not respond");
    ok(memcmp(f.body, "Internal Server Error: the worker did not respond\n", f.body_len) == 0,
       "an error page with a text of its own");

    /* after the head, an error only ends the response */
    setup(&f, &out, &r, 0);
    fcw_response_head(&r, 200, "OK", NULL, 0, 1);
    fcw_response_error(&r, 500, NULL);
    ok(r.ended && strcmp(f.log, "head 200 OK 0 stream;") == 0, "no second head: %s", f.log);

    /* a body that fails after the head is cut, once */
    setup(&f, &out, &r, 0);
    fcw_response_head(&r, 200, "OK", NULL, 0, 1);
    fcw_response_write(&r, "part", 4);
    fcw_response_end(&r, 1);
    ok(r.ended && r.cut == 1 && r.flushed, "a failed body is marked to be cut (and needs no flush)");
    fcw_response_flush(&r);
    ok(fcw_response_cut(&r) == 1 && r.cut == 2, "it is cut");
    ok(fcw_response_cut(&r) == 0, "only once");
    ok(strcmp(f.log, "head 200 OK 0 stream;write 4;flush;abort;") == 0, "through the output's abort: %s", f.log);
    fcw_response_end(&r, 0);
    ok(r.cut == 2, "a later end changes nothing");

    /* an output that cannot cut */
    setup(&f, &out, &r, 0);
    out.abort = NULL;
    fcw_response_head(&r, 200, "OK", NULL, 0, 0);
    fcw_response_end(&r, 1);
    ok(fcw_response_cut(&r) == 0 && r.cut == 2, "without abort the response just ends");

    /* the client goes away at the second write */
    setup(&f, &out, &r, 0);
    f.fail_at = 3;
    fcw_response_head(&r, 200, "OK", NULL, 0, 0);
    ok(fcw_response_write(&r, "one", 3) == 0, "the first write succeeds");
    ok(fcw_response_write(&r, "two", 3) < 0 && r.client_gone, "a failed write: the client is gone");
    ok(fcw_response_write(&r, "three", 5) < 0, "later writes fail");
    fcw_response_end(&r, 1);
    fcw_response_flush(&r);
    ok(fcw_response_cut(&r) == 0, "a response to a client that is gone is not cut");
    fcw_response_error(&r, 500, NULL);
    ok(f.calls == 3 && strcmp(f.log, "head 200 OK 0;write 3;write 3;") == 0,
       "nothing reaches the output after the failure: %s", f.log);

    /* gone at the head */
    setup(&f, &out, &r, 0);
    f.fail_at = 1;
    ok(fcw_response_head(&r, 200, "OK", NULL, 0, 1) < 0 && r.client_gone && r.head_sent,
       "a failed head: the client is gone, the head counts as sent");
    ok(fcw_response_write(&r, "x", 1) < 0 && f.calls == 1, "no body is written");
    fcw_response_error(&r, 503, NULL);
    ok(f.calls == 1 && r.ended, "no error page either");

    /* gone at a streaming flush */
    setup(&f, &out, &r, 0);
    f.fail_at = 3;
    fcw_response_head(&r, 200, "OK", NULL, 0, 1);
    ok(fcw_response_write(&r, "x", 1) < 0 && r.client_gone, "a failed flush: the client is gone");

    /* gone while the error page is written */
    setup(&f, &out, &r, 0);
    f.fail_at = 2;
    fcw_response_error(&r, 503, NULL);
    ok(r.client_gone && r.ended, "a failed error page: the client is gone");

    /* gone at the flush after the end */
    setup(&f, &out, &r, 0);
    f.fail_at = 2;
    fcw_response_head(&r, 200, "OK", NULL, 0, 0);
    fcw_response_end(&r, 0);
    fcw_response_flush(&r);
    ok(r.client_gone, "a failed flush after the end: the client is gone");

    /* fcw_output_error alone, and the reasons */
    setup(&f, &out, &r, 0);
    ok(fcw_output_error(&out, 413, NULL) == 0 && strcmp(f.log, "head 413 Content Too Large 1;write 18;flush;") == 0,
       "fcw_output_error: head, text, flush: %s", f.log);
    ok(strcmp(fcw_status_reason(200), "OK") == 0 && strcmp(fcw_status_reason(308), "Permanent Redirect") == 0 &&
           strcmp(fcw_status_reason(999), "") == 0,
       "status reasons");
    return done_testing();
}
