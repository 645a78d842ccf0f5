/* SPDX-License-Identifier: MIT */
/*
 * Loading the runtime from its build-time image (see runtime_image.h). The
 * image is used only when it matches this build exactly: made with the
 * same Duktape build (the stamp), for the same runtime files (names and
 * lengths, in order), and well formed (every length within the image, every
 * dump starting with Duktape's marker byte). Anything else and the engine
 * compiles the runtime's sources as before. Duktape's loader trusts its
 * input (bad bytecode is not detected, it crashes later), so nothing but an
 * image that passed these checks is ever handed to it. The checked layout
 * is kept for the life of the process: every heap made after (root mode
 * makes one per script) loads from it without checking again.
 */
#include "config.h"

#include "runtime_image.h"

#include "duk_hooks.h"
#include "fcw.h"
#include "js_sources.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct {
    const unsigned char *data; /* NULL: the embedded image */
    size_t size;
    int state; /* 0: not checked yet, 1: usable, -1: not usable */
    char why[256];
    const unsigned char **dump; /* per runtime file */
    size_t *dump_len;
} image;

void fcw_runtime_image_use(const unsigned char *data, size_t size)
{
    image.data = data;
    image.size = size;
    image.state = 0;
}

/* A cursor over the image that fails, once, at the first read past its end. */
struct reader {
    const unsigned char *p, *end;
    int bad;
};

static uint32_t read_u32(struct reader *r)
{
    if (r->bad || r->end - r->p < 4) {
        r->bad = 1;
        return 0;
    }
    uint32_t v = (uint32_t)r->p[0] << 24 | (uint32_t)r->p[1] << 16 | (uint32_t)r->p[2] << 8 | r->p[3];
    r->p += 4;
    return v;
}

static const unsigned char *read_bytes(struct reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *at = r->p;
    r->p += n;
    return at;
}

__attribute__((format(printf, 1, 2))) static int mismatch(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(image.why, sizeof(image.why), fmt, ap);
    va_end(ap);
    return -1;
}

static int check(const unsigned char *data, size_t size)
{
    struct reader r = {data, data + size, 0};
    const unsigned char *magic = read_bytes(&r, FCW_RUNTIME_IMAGE_MAGIC_LEN);
    if (magic == NULL || memcmp(magic, FCW_RUNTIME_IMAGE_MAGIC, FCW_RUNTIME_IMAGE_MAGIC_LEN) != 0) {
        return mismatch("not a runtime image (%zu bytes)", size);
    }
    uint32_t stamp_len = read_u32(&r);
    const unsigned char *stamp = read_bytes(&r, stamp_len);
    if (stamp == NULL) {
        return mismatch("truncated image (%zu bytes)", size);
    }
    if (stamp_len != strlen(FCW_RUNTIME_STAMP) || memcmp(stamp, FCW_RUNTIME_STAMP, stamp_len) != 0) {
        int shown = (int)(stamp_len < 100 ? stamp_len : 100);
        return mismatch("made by another Duktape build (%.*s; this one is %s)", shown, (const char *)stamp,
                        FCW_RUNTIME_STAMP);
    }
    uint32_t nfiles = read_u32(&r);
    if (!r.bad && nfiles != fcw_js_nsources) {
        return mismatch("made for %lu runtime files, not %zu", (unsigned long)nfiles, fcw_js_nsources);
    }
    for (size_t i = 0; i < fcw_js_nsources && !r.bad; i++) {
        const struct fcw_js_source *src = &fcw_js_sources[i];
        uint32_t name_len = read_u32(&r);
        const unsigned char *name = read_bytes(&r, name_len);
        uint32_t source_len = read_u32(&r);
        uint32_t dump_len = read_u32(&r);
        const unsigned char *dump = read_bytes(&r, dump_len);
        if (r.bad) {
            break;
        }
        if (name_len != strlen(src->name) || memcmp(name, src->name, name_len) != 0 || source_len != src->len) {
            return mismatch("made from other runtime files (file %zu is not %s as built)", i, src->name);
        }
        if (dump_len < 1 || dump[0] != 0xbf) {
            return mismatch("the bytecode of %s is damaged", src->name);
        }
        image.dump[i] = dump;
        image.dump_len[i] = dump_len;
    }
    if (r.bad) {
        return mismatch("truncated image (%zu bytes)", size);
    }
    if (r.p != r.end) {
        return mismatch("%zu bytes after the image's last file", (size_t)(r.end - r.p));
    }
    return 0;
}

int fcw_runtime_image_check(char *why, size_t whylen, int *first)
{
    *first = image.state == 0;
    if (image.state == 0) {
        if (image.dump == NULL) {
            image.dump = calloc(fcw_js_nsources ? fcw_js_nsources : 1, sizeof(*image.dump));
            image.dump_len = calloc(fcw_js_nsources ? fcw_js_nsources : 1, sizeof(*image.dump_len));
        }
        if (image.dump == NULL || image.dump_len == NULL) {
            snprintf(image.why, sizeof(image.why), "out of memory");
            image.state = -1;
        } else if (image.data != NULL) {
            image.state = check(image.data, image.size) == 0 ? 1 : -1;
        } else {
            image.state = check(fcw_runtime_image_data, fcw_runtime_image_size) == 0 ? 1 : -1;
        }
    }
    if (image.state < 0) {
        snprintf(why, whylen, "%s", image.why);
        return -1;
    }
    return 0;
}

void fcw_runtime_image_describe(char *out, size_t outlen)
{
    char why[300];
    int first;
    if (fcw_runtime_image_check(why, sizeof(why), &first) == 0) {
        snprintf(out, outlen, "Duktape %ld.%ld.%ld (%s)\nruntime: bytecode image, %zu files, %zu bytes",
                 (long)DUK_VERSION / 10000, (long)DUK_VERSION / 100 % 100, (long)DUK_VERSION % 100, FCW_RUNTIME_STAMP,
                 fcw_js_nsources, image.data ? image.size : fcw_runtime_image_size);
    } else {
        snprintf(out, outlen, "Duktape %ld.%ld.%ld (%s)\nruntime: compiled from its sources at each start (%s)",
                 (long)DUK_VERSION / 10000, (long)DUK_VERSION / 100 % 100, (long)DUK_VERSION % 100, FCW_RUNTIME_STAMP,
                 why);
    }
}

void fcw_runtime_image_push(duk_context *ctx, size_t i)
{
    if (image.state != 1 || i >= fcw_js_nsources) {
        (void)duk_error(ctx, DUK_ERR_ERROR, "runtime image: no checked image for file %lu", (unsigned long)i);
        return;
    }
    /* an external buffer: the loader reads the image in place */
    duk_push_external_buffer(ctx);
    duk_config_buffer(ctx, -1, (void *)(uintptr_t)image.dump[i], image.dump_len[i]);
    duk_load_function(ctx);
    fcw_duk_trim_loaded_function(ctx, -1);
}
