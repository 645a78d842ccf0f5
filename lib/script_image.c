/* SPDX-License-Identifier: MIT */
/*
 * Packing and checking script images (see script_image.h). The check is
 * what stands between bytes received from another process and Duktape's
 * loader, which does not validate bytecode: the image must carry this
 * build's stamp, name the very text the engine was given (length and
 * hash), be well formed (no length past its end, nothing after it) and
 * hold a dump starting with Duktape's marker byte.
 */
#include "config.h"

#include "script_image.h"

#include "runtime_image.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char *text, size_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 1099511628211ull;
    }
    return h;
}

static unsigned char *put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
    return p + 4;
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

unsigned char *fcw_script_image_pack(const char *text, size_t len, unsigned flags, const void *dump, size_t dump_len,
                                     size_t *outlen)
{
    size_t stamp_len = strlen(FCW_RUNTIME_STAMP);
    if (len > UINT32_MAX || dump_len > UINT32_MAX) {
        return NULL;
    }
    size_t n = FCW_SCRIPT_IMAGE_MAGIC_LEN + 4 + stamp_len + 4 + 8 + 4 + 4 + dump_len;
    unsigned char *out = malloc(n), *p = out;
    if (out == NULL) {
        return NULL;
    }
    uint64_t h = fnv1a(text, len);
    memcpy(p, FCW_SCRIPT_IMAGE_MAGIC, FCW_SCRIPT_IMAGE_MAGIC_LEN);
    p += FCW_SCRIPT_IMAGE_MAGIC_LEN;
    p = put_u32(p, (uint32_t)stamp_len);
    memcpy(p, FCW_RUNTIME_STAMP, stamp_len);
    p += stamp_len;
    p = put_u32(p, (uint32_t)len);
    p = put_u32(p, (uint32_t)(h >> 32));
    p = put_u32(p, (uint32_t)h);
    p = put_u32(p, flags);
    p = put_u32(p, (uint32_t)dump_len);
    memcpy(p, dump, dump_len);
    *outlen = n;
    return out;
}

int fcw_script_image_check(const unsigned char *image, size_t image_len, const char *text, size_t len, unsigned *flags,
                           const unsigned char **dump, size_t *dump_len, char *why, size_t whylen)
{
    const unsigned char *p = image, *end = image + image_len;
    if (image_len < FCW_SCRIPT_IMAGE_MAGIC_LEN + 4 ||
        memcmp(p, FCW_SCRIPT_IMAGE_MAGIC, FCW_SCRIPT_IMAGE_MAGIC_LEN) != 0) {
        snprintf(why, whylen, "not a script image (%zu bytes)", image_len);
        return -1;
    }
    p += FCW_SCRIPT_IMAGE_MAGIC_LEN;
    uint32_t stamp_len = get_u32(p);
    p += 4;
    if ((size_t)(end - p) < (size_t)stamp_len + 4 + 8 + 4 + 4) {
        snprintf(why, whylen, "truncated script image (%zu bytes)", image_len);
        return -1;
    }
    if (stamp_len != strlen(FCW_RUNTIME_STAMP) || memcmp(p, FCW_RUNTIME_STAMP, stamp_len) != 0) {
        int shown = (int)(stamp_len < 100 ? stamp_len : 100);
        snprintf(why, whylen, "made by another Duktape build (%.*s; this one is %s)", shown, (const char *)p,
                 FCW_RUNTIME_STAMP);
        return -1;
    }
    p += stamp_len;
    uint32_t source_len = get_u32(p);
    uint64_t h = (uint64_t)get_u32(p + 4) << 32 | get_u32(p + 8);
    *flags = get_u32(p + 12);
    uint32_t n = get_u32(p + 16);
    p += 20;
    if (source_len != len || h != fnv1a(text, len)) {
        snprintf(why, whylen, "made from another text of the script (%lu bytes, not %zu)", (unsigned long)source_len,
                 len);
        return -1;
    }
    if ((size_t)(end - p) != n) {
        snprintf(why, whylen, "damaged script image (%zu bytes of bytecode, %lu expected)", (size_t)(end - p),
                 (unsigned long)n);
        return -1;
    }
    if (n < 1 || p[0] != 0xbf) {
        snprintf(why, whylen, "the script image's bytecode is damaged");
        return -1;
    }
    *dump = p;
    *dump_len = n;
    return 0;
}
