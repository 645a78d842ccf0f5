/* SPDX-License-Identifier: MIT */
/*
 * The files of the bytecode cache (script_cache.h): the folder, checked
 * once and then used through its descriptor only, so that nothing is
 * followed through a symbolic link nor left to a race on the path; each
 * file read with O_NOFOLLOW and used only when it is a regular file of
 * this user whose build stamp and checksum match, and written under a
 * temporary name then renamed, so that a reader never sees half a file.
 * Duktape's loader trusts its input: the checksum keeps a damaged file
 * from reaching it (lib/script.c then checks the image against the text).
 * Pure C: nothing of Duktape or the engine.
 */
#include "config.h"

#include "script_cache.h"

#include "fcw.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Larger than any image a script of the 64 MB fcworker reads could make. */
#define CACHE_FILE_MAX ((size_t)1 << 30)

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define FNV_BASIS 0xcbf29ce484222325ULL

int fcw_script_cache_open(const char *dir)
{
    struct stat st;
    if (dir == NULL || dir[0] == '\0') {
        return -1;
    }
    if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
        return -1;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* The file's name: from the script's path, device and inode. */
static void file_name(const char *path, const struct stat *st, char *name, size_t namelen)
{
    uint64_t dev = (uint64_t)st->st_dev, ino = (uint64_t)st->st_ino;
    uint64_t h = fnv1a(FNV_BASIS, path, strlen(path) + 1);
    h = fnv1a(h, &dev, sizeof(dev));
    h = fnv1a(h, &ino, sizeof(ino));
    snprintf(name, namelen, "%016" PRIx64 ".fcwc", h);
}

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static size_t header_len(const char *stamp)
{
    return FCW_SCRIPT_CACHE_MAGIC_LEN + 4 + strlen(stamp) + 8 + 4;
}

unsigned char *fcw_script_cache_read(int dirfd, const char *path, const struct stat *st, const char *stamp, size_t *len)
{
    char name[64];
    struct stat fst;
    file_name(path, st, name, sizeof(name));
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return NULL;
    }
    size_t hlen = header_len(stamp);
    unsigned char *buf = NULL;
    if (fstat(fd, &fst) < 0 || !S_ISREG(fst.st_mode) || fst.st_uid != geteuid() || fst.st_size < (off_t)hlen ||
        (uint64_t)fst.st_size > CACHE_FILE_MAX || (buf = malloc((size_t)fst.st_size)) == NULL) {
        close(fd);
        return NULL;
    }
    size_t size = (size_t)fst.st_size, got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    size_t slen = strlen(stamp);
    const unsigned char *p = buf;
    if (got != size || memcmp(p, FCW_SCRIPT_CACHE_MAGIC, FCW_SCRIPT_CACHE_MAGIC_LEN) != 0 ||
        get_u32(p + FCW_SCRIPT_CACHE_MAGIC_LEN) != slen ||
        memcmp(p + FCW_SCRIPT_CACHE_MAGIC_LEN + 4, stamp, slen) != 0) {
        free(buf);
        return NULL;
    }
    p += FCW_SCRIPT_CACHE_MAGIC_LEN + 4 + slen;
    uint64_t sum = (uint64_t)get_u32(p) << 32 | get_u32(p + 4);
    size_t ilen = get_u32(p + 8);
    p += 12;
    if (ilen != size - hlen || fnv1a(FNV_BASIS, p, ilen) != sum) {
        free(buf);
        return NULL;
    }
    memmove(buf, p, ilen);
    *len = ilen;
    return buf;
}

int fcw_script_cache_write(int dirfd, const char *path, const struct stat *st, const char *stamp,
                           const unsigned char *image, size_t len)
{
    char name[64], tmp[96];
    size_t slen = strlen(stamp);
    if (len > UINT32_MAX || slen > UINT32_MAX || len > CACHE_FILE_MAX) {
        return -1;
    }
    size_t hlen = header_len(stamp);
    unsigned char *head = malloc(hlen);
    if (head == NULL) {
        return -1;
    }
    uint64_t sum = fnv1a(FNV_BASIS, image, len);
    memcpy(head, FCW_SCRIPT_CACHE_MAGIC, FCW_SCRIPT_CACHE_MAGIC_LEN);
    put_u32(head + FCW_SCRIPT_CACHE_MAGIC_LEN, (uint32_t)slen);
    memcpy(head + FCW_SCRIPT_CACHE_MAGIC_LEN + 4, stamp, slen);
    put_u32(head + hlen - 12, (uint32_t)(sum >> 32));
    put_u32(head + hlen - 8, (uint32_t)sum);
    put_u32(head + hlen - 4, (uint32_t)len);
    file_name(path, st, name, sizeof(name));
    int fd = -1;
    for (unsigned i = 0; fd < 0 && i < 8; i++) {
        snprintf(tmp, sizeof(tmp), ".%s.%ld.%u", name, (long)getpid(), i);
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        free(head);
        return -1;
    }
    int rc = fcw_write_all(fd, head, hlen) == 0 && fcw_write_all(fd, image, len) == 0 ? 0 : -1;
    free(head);
    if (close(fd) < 0) {
        rc = -1;
    }
    if (rc == 0 && renameat(dirfd, tmp, dirfd, name) < 0) {
        rc = -1;
    }
    if (rc < 0) {
        unlinkat(dirfd, tmp, 0);
    }
    return rc;
}
