/* SPDX-License-Identifier: MIT */
/*
 * The native half of CompressionStream and DecompressionStream
 * (js/27-compression-streams.js is the other half), on zlib: "gzip" (RFC
 * 1952), "deflate" (the zlib format, RFC 1950) and "deflate-raw" (RFC 1951).
 * A stream's z_stream lives in C memory owned by an opaque object (freed by
 * its finalizer, or as soon as the stream ends); script code only passes
 * that object back. Each call takes one chunk and returns what zlib made of
 * it as an array of ArrayBuffers of at most COMPRESSION_OUT_MAX bytes, up to
 * a number of pieces the caller gives: a chunk that inflates a
 * thousandfold is then made in steps, the rest of its input kept here until
 * the reader has taken the output so far. Corrupt input, data after the end of a
 * compressed stream and a stream that ends too early are TypeErrors, as the
 * Compression Standard says, reported after the output that precedes them.
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
    int finishing;          /* the input has ended: deflate with Z_FINISH */
    int ended;              /* inflate saw the end of the compressed data */
    int more;               /* output is left to make from the input given so far */
    unsigned char *pending; /* input zlib has not taken yet, copied */
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
        free(s->pending);
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
    duk_put_prop_index(ctx, arr_idx, (duk_uarridx_t)duk_get_length(ctx, arr_idx));
}

/* Runs zlib once over the stream's input into out; returns the zlib code. */
static int compression_step(struct compression_stream *s, unsigned char *out)
{
    s->z.next_out = out;
    s->z.avail_out = COMPRESSION_OUT_MAX;
    if (s->deflating) {
        return deflate(&s->z, s->finishing ? Z_FINISH : Z_NO_FLUSH);
    }
    return s->ended ? Z_STREAM_END : inflate(&s->z, Z_NO_FLUSH);
}

/* Keeps the input zlib has not taken (which points into a script buffer)
 * in a copy of its own for the next call; returns 0 or -1. */
static int compression_keep_input(struct compression_stream *s)
{
    unsigned char *copy;

    if (s->z.avail_in == 0 || s->z.next_in == s->pending) {
        return 0;
    }
    copy = malloc(s->z.avail_in);
    if (copy == NULL) {
        return -1;
    }
    memcpy(copy, s->z.next_in, s->z.avail_in);
    free(s->pending);
    s->pending = copy;
    s->z.next_in = copy;
    return 0;
}

/* zlibPush(stream, bytes, finish, maxPieces) -> [ArrayBuffer...]: runs a
 * chunk (empty: the input left from the last call; finish: and the end of
 * the input) through the stream, making at most maxPieces pieces of
 * output. zlibMore(stream) then tells whether there is output left to
 * make, which the next call (with an empty chunk) makes. An error throws
 * a TypeError, unless output came before it in the same call: the array
 * then has the output and the TypeError as its `error` property, and the
 * stream has ended. */
static duk_ret_t compression_push(duk_context *ctx)
{
    struct compression_stream *s = compression_get(ctx, 0);
    duk_size_t len = 0;
    unsigned char *in = duk_require_buffer_data(ctx, 1, &len);
    int finish = duk_require_boolean(ctx, 2);
    duk_uint_t max_pieces = duk_require_uint(ctx, 3);
    unsigned char *out;
    duk_idx_t arr_idx;
    const char *error = NULL;
    duk_uint_t pieces = 0;
    int rc;

    if (s == NULL) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "the compression stream has ended");
    }
    if (len > UINT_MAX || max_pieces == 0 || (len > 0 && (s->more || s->finishing))) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "zlibPush: bad arguments");
    }
    if (!s->deflating && s->ended && len > 0) {
        compression_release(ctx, 0);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "data after the end of the compressed stream");
    }
    if (len > 0) {
        s->z.next_in = in;
        s->z.avail_in = (uInt)len;
    }
    s->finishing = s->finishing || finish;
    out = duk_push_fixed_buffer(ctx, COMPRESSION_OUT_MAX);
    arr_idx = duk_push_array(ctx);
    s->more = 0;
    for (;;) {
        if (pieces == max_pieces) {
            s->more = 1;
            break;
        }
        rc = compression_step(s, out);
        if (s->z.avail_out < COMPRESSION_OUT_MAX) {
            compression_emit(ctx, arr_idx, out, COMPRESSION_OUT_MAX - s->z.avail_out);
            pieces++;
        }
        if (rc == Z_STREAM_END) {
            if (!s->deflating) {
                s->ended = 1;
                if (s->z.avail_in > 0) {
                    error = "data after the end of the compressed stream";
                }
            }
            break;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && s->z.avail_out > 0 && s->z.avail_in == 0 && !s->finishing)) {
            /* no progress possible without more input */
            if (s->finishing && !s->deflating) {
                error = "the compressed stream ends early";
            }
            break;
        }
        if (rc != Z_OK) {
            error = s->z.msg != NULL ? s->z.msg : "corrupt compressed data";
            break;
        }
    }
    if (error == NULL && s->more && compression_keep_input(s) < 0) {
        error = "out of memory";
    }
    if (error != NULL && pieces > 0) {
        /* the output made before the error is delivered first */
        (void)duk_push_error_object(ctx, DUK_ERR_TYPE_ERROR, "%s", error);
        duk_put_prop_literal(ctx, arr_idx, "error");
        compression_release(ctx, 0);
        return 1;
    }
    if (error != NULL) {
        duk_push_string(ctx, error);
        compression_release(ctx, 0);
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "%s", duk_get_string(ctx, -1));
    }
    if (!s->more) {
        free(s->pending);
        s->pending = NULL;
        s->z.next_in = NULL;
        s->z.avail_in = 0;
        if (s->finishing) {
            compression_release(ctx, 0);
        }
    }
    return 1;
}

/* zlibMore(stream) -> whether the last zlibPush left output to make */
static duk_ret_t compression_more(duk_context *ctx)
{
    struct compression_stream *s = compression_get(ctx, 0);

    duk_push_boolean(ctx, s != NULL && s->more);
    return 1;
}

/* zlibEnd(stream): frees the stream now (a cancelled or aborted one). */
static duk_ret_t compression_end(duk_context *ctx)
{
    compression_release(ctx, 0);
    return 0;
}

void fcw_api_compression_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry functions[] = {{"zlibCreate", compression_create, 2},
                                                        {"zlibPush", compression_push, 4},
                                                        {"zlibMore", compression_more, 1},
                                                        {"zlibEnd", compression_end, 1},
                                                        {NULL, NULL, 0}};

    native_idx = duk_normalize_index(ctx, native_idx);
    duk_put_function_list(ctx, native_idx, functions);
}
