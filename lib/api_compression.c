/*
 * The native half of CompressionStream and DecompressionStream
 * (js/22-compression-streams.js is the other half), on zlib: "gzip" (RFC
 * 1952), "deflate" (the zlib format, RFC 1950) and "deflate-raw" (RFC 1951).
 * A stream's z_stream lives in C memory owned by an opaque object (freed by
 * its finalizer, or as soon as the stream ends); script code only passes
 * that object back. Each call takes one chunk and returns what zlib made of
 * it as an array of ArrayBuffers of at most COMPRESSION_OUT_MAX bytes, so a
 * chunk that inflates a thousandfold still arrives as bounded pieces the
 * readable side queues one by one. Corrupt input, data after the end of a
 * compressed stream and a stream that ends too early are TypeErrors, as the
 * Compression Standard says.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "engine.h"

#define COMPRESSION_STREAM DUK_HIDDEN_SYMBOL("fcwZStream")
#define COMPRESSION_OUT_MAX 65536

struct compression_stream {
    z_stream z;
    int deflating;
    int ended;    /* inflate saw the end of the compressed data */
};

static struct compression_stream *compression_get(duk_context *ctx, duk_idx_t idx)
{
    struct compression_stream *s;

    duk_require_object(ctx, idx);
    duk_get_prop_literal(ctx, idx, COMPRESSION_STREAM);
    s = duk_get_pointer(ctx, -1);
    duk_pop(ctx);
    return s;
}

static void compression_release(duk_context *ctx, duk_idx_t idx)
{
    struct compression_stream *s = compression_get(ctx, idx);

    if (s != NULL) {
        if (s->deflating) {
            deflateEnd(&s->z);
        } else {
            inflateEnd(&s->z);
        }
        free(s);
        duk_push_pointer(ctx, NULL);
        duk_put_prop_literal(ctx, idx, COMPRESSION_STREAM);
    }
}

static duk_ret_t compression_finalize(duk_context *ctx)
{
    compression_release(ctx, 0);
    return 0;
}

/* zlibCreate(format, compress) -> an opaque stream object; format is
 * "gzip", "deflate" or "deflate-raw" (the caller has checked it). */
static duk_ret_t compression_create(duk_context *ctx)
{
    const char *format = duk_require_string(ctx, 0);
    int deflating = duk_require_boolean(ctx, 1);
    struct compression_stream *s;
    int bits, rc;

    if (strcmp(format, "gzip") == 0) {
        bits = 15 + 16;
    } else if (strcmp(format, "deflate") == 0) {
        bits = 15;
    } else if (strcmp(format, "deflate-raw") == 0) {
        bits = -15;
    } else {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "unknown compression format '%s'", format);
    }
    s = calloc(1, sizeof(*s));
    if (s == NULL) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    }
    s->deflating = deflating;
    rc = deflating ? deflateInit2(&s->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY)
                   : inflateInit2(&s->z, bits);
    if (rc != Z_OK) {
        free(s);
        return duk_error(ctx, DUK_ERR_ERROR, "failed to start zlib: %s", deflating ? "deflateInit2" : "inflateInit2");
    }
    duk_push_object(ctx);
    duk_push_pointer(ctx, s);
    duk_put_prop_literal(ctx, -2, COMPRESSION_STREAM);
    duk_push_c_function(ctx, compression_finalize, 1);
    duk_set_finalizer(ctx, -2);
    return 1;
}

/* Appends the first len bytes of out to the array at arr_idx as an
 * ArrayBuffer. */
static void compression_emit(duk_context *ctx, duk_idx_t arr_idx, const unsigned char *out, size_t len)
{
    unsigned char *data;

    if (len == 0) {
        return;
    }
    data = duk_push_fixed_buffer(ctx, len);
    memcpy(data, out, len);
    duk_push_buffer_object(ctx, -1, 0, len, DUK_BUFOBJ_ARRAYBUFFER);
    duk_remove(ctx, -2);
    duk_put_prop_index(ctx, arr_idx, (duk_uarridx_t) duk_get_length(ctx, arr_idx));
}

/* zlibPush(stream, bytes, finish) -> [ArrayBuffer...]: runs one chunk (and
 * with finish, the end of the input) through the stream. */
static duk_ret_t compression_push(duk_context *ctx)
{
    struct compression_stream *s = compression_get(ctx, 0);
    duk_size_t len = 0;
    unsigned char *in = duk_require_buffer_data(ctx, 1, &len);
    int finish = duk_require_boolean(ctx, 2);
    unsigned char *out;
    duk_idx_t arr_idx;
    const char *error = NULL;
    int rc;

    if (s == NULL) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "the compression stream has ended");
    }
    if (len > UINT_MAX) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "chunk too large");
    }
    if (!s->deflating && s->ended && len > 0) {
        compression_release(ctx, 0);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "data after the end of the compressed stream");
    }
    out = duk_push_fixed_buffer(ctx, COMPRESSION_OUT_MAX);
    arr_idx = duk_push_array(ctx);
    s->z.next_in = len > 0 ? in : NULL;
    s->z.avail_in = (uInt) len;
    for (;;) {
        s->z.next_out = out;
        s->z.avail_out = COMPRESSION_OUT_MAX;
        if (s->deflating) {
            rc = deflate(&s->z, finish ? Z_FINISH : Z_NO_FLUSH);
        } else if (s->ended) {
            rc = Z_STREAM_END;
        } else {
            rc = inflate(&s->z, Z_NO_FLUSH);
        }
        compression_emit(ctx, arr_idx, out, COMPRESSION_OUT_MAX - s->z.avail_out);
        if (rc == Z_STREAM_END) {
            if (s->deflating) {
                break;
            }
            s->ended = 1;
            if (s->z.avail_in > 0) {
                error = "data after the end of the compressed stream";
            }
            break;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && s->z.avail_out > 0 && s->z.avail_in == 0)) {
            /* no progress possible without more input */
            if (finish && !s->deflating) {
                error = "the compressed stream ends early";
            }
            break;
        }
        if (rc != Z_OK) {
            error = s->z.msg != NULL ? s->z.msg : "corrupt compressed data";
            break;
        }
    }
    s->z.next_in = NULL;
    s->z.avail_in = 0;
    if (error != NULL) {
        duk_push_string(ctx, error);
        compression_release(ctx, 0);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "%s", duk_get_string(ctx, -1));
    }
    if (finish) {
        compression_release(ctx, 0);
    }
    return 1;
}

void fcw_api_compression_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry functions[] = {
        { "zlibCreate", compression_create, 2 },
        { "zlibPush", compression_push, 3 },
        { NULL, NULL, 0 }
    };

    native_idx = duk_normalize_index(ctx, native_idx);
    duk_put_function_list(ctx, native_idx, functions);
}
