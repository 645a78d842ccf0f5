/* SPDX-License-Identifier: MIT */
/*
 * Reading a whole file into memory: the worker script and its source map
 * (lib/script.c), the script the master keeps for its children
 * (src/master.c), test files (t/jsrun). A leaf: it uses nothing else of
 * libfcw.
 */
#include "config.h"

#include "fcw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *fcw_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (nb == NULL) {
                free(buf);
            }
            buf = nb;
        }
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (buf == NULL || failed) {
        snprintf(err, errlen, "%s: cannot read: %s", path, failed ? strerror(saved) : "out of memory");
        free(buf);
        return NULL;
    }
    /* n < cap here: the loop grows the buffer whenever it fills up */
    buf[n] = '\0';
    *len = n;
    return buf;
}

int fcw_write_all(int fd, const void *data, size_t len)
{
    const unsigned char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}
