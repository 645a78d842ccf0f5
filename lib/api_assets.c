/* SPDX-License-Identifier: MIT */
/*
 * The file system half of static assets (js/73-assets.js): looking a file
 * up under the assets folder and reading it a piece at a time. Every path
 * arrives decoded from the URL ("/a/b.html") and is refused when it holds a
 * NUL byte, a backslash or a ".." segment; the file it names is then
 * resolved with realpath() and must still lie inside the folder's own real
 * path, so a symbolic link pointing out of the folder is as absent as a
 * file that does not exist.
 *
 *   native.assetsStat(root, path) -> {size, mtime, etag} | null
 *       (only regular files; mtime in milliseconds)
 *   native.assetsRead(root, path, offset, length) -> Uint8Array
 *       (throws a TypeError when the file went away or changed kind)
 */
#include "config.h"

#include "engine.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ASSETS_READ_MAX (1024 * 1024)

/* True when path, as it came from the URL, may name a file of the folder. */
static int path_acceptable(const char *path, size_t len)
{
    if (len == 0 || path[0] != '/' || strlen(path) != len || strchr(path, '\\') != NULL) {
        return 0;
    }
    for (const char *seg = path; seg != NULL && *seg != '\0';) {
        seg++;
        const char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if ((n == 2 && seg[0] == '.' && seg[1] == '.') || (n == 1 && seg[0] == '.')) {
            return 0;
        }
        seg = end;
    }
    return 1;
}

/* The real path of root + path in out when it is a regular file inside
 * root's real path; -1 otherwise. */
static int resolve(const char *root, const char *path, size_t len, char *out, struct stat *st)
{
    char full[PATH_MAX], real_root[PATH_MAX];
    if (!path_acceptable(path, len) || realpath(root, real_root) == NULL ||
        snprintf(full, sizeof(full), "%s%s", root, path) >= (int)sizeof(full) || realpath(full, out) == NULL) {
        return -1;
    }
    size_t rlen = strlen(real_root);
    if (strcmp(real_root, "/") != 0 && (strncmp(out, real_root, rlen) != 0 || out[rlen] != '/')) {
        return -1;
    }
    if (stat(out, st) < 0 || !S_ISREG(st->st_mode)) {
        return -1;
    }
    return 0;
}

static duk_ret_t native_assets_stat(duk_context *ctx)
{
    const char *root = duk_require_string(ctx, 0);
    duk_size_t len;
    const char *path = duk_require_lstring(ctx, 1, &len);
    char real[PATH_MAX];
    struct stat st;
    if (resolve(root, path, len, real, &st) < 0) {
        duk_push_null(ctx);
        return 1;
    }
    duk_push_object(ctx);
    duk_push_number(ctx, (double)st.st_size);
    duk_put_prop_literal(ctx, -2, "size");
    duk_push_number(ctx, (double)st.st_mtim.tv_sec * 1000.0 + (double)(st.st_mtim.tv_nsec / 1000000));
    duk_put_prop_literal(ctx, -2, "mtime");
    char etag[96];
    snprintf(etag, sizeof(etag), "\"%llx-%llx-%lx-%llx\"", (unsigned long long)st.st_ino,
             (unsigned long long)st.st_size, (long)st.st_mtim.tv_sec, (unsigned long long)st.st_mtim.tv_nsec);
    duk_push_string(ctx, etag);
    duk_put_prop_literal(ctx, -2, "etag");
    return 1;
}

static duk_ret_t native_assets_read(duk_context *ctx)
{
    const char *root = duk_require_string(ctx, 0);
    duk_size_t len;
    const char *path = duk_require_lstring(ctx, 1, &len);
    double offset = duk_require_number(ctx, 2);
    double length = duk_require_number(ctx, 3);
    char real[PATH_MAX];
    struct stat st;
    if (!(offset >= 0) || !(length >= 0) || length > ASSETS_READ_MAX) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "assets: bad read range");
    }
    if (resolve(root, path, len, real, &st) < 0) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "assets: %s is gone", path);
    }
    int fd = open(real, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "assets: failed to open %s: %s", path, strerror(errno));
    }
    size_t want = (size_t)length;
    char *buf = duk_push_fixed_buffer(ctx, want);
    size_t got = 0;
    while (got < want) {
        ssize_t n = pread(fd, buf + got, want - got, (off_t)offset + (off_t)got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            int saved = errno;
            close(fd);
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "assets: failed to read %s: %s", path,
                             n < 0 ? strerror(saved) : "the file shrank");
        }
        got += (size_t)n;
    }
    close(fd);
    duk_push_buffer_object(ctx, -1, 0, want, DUK_BUFOBJ_UINT8ARRAY);
    return 1;
}

void fcw_api_assets_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry fns[] = {
        {"assetsStat", native_assets_stat, 2},
        {"assetsRead", native_assets_read, 4},
        {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
}
