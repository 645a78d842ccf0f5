/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for src/conf.c (the INI loader on inih): each input is
 * written to one temporary file, made once per process, and loaded with
 * conf_load. A refused file must come with a terminated "file...: message"
 * in the error buffer; an accepted one must hold what conf.h promises after
 * validation: at least one pool, each with a listen address, exactly one of
 * script and root, pm.max_children >= 1, dynamic spare counts in order, and
 * no two pools on the same listen address.
 */
#include "config.h"

#include "conf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_conf_path[] = "/tmp/fcw-fuzz-conf-XXXXXX";
static int fuzz_conf_fd = -1;

static void fuzz_conf_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_conf: %s: %s\n", what, detail ? detail : "");
    abort();
}

static void fuzz_conf_cleanup(void)
{
    unlink(fuzz_conf_path);
}

static int fuzz_conf_write(const uint8_t *data, size_t size)
{
    if (fuzz_conf_fd < 0) {
        fuzz_conf_fd = mkstemp(fuzz_conf_path);
        if (fuzz_conf_fd < 0) {
            perror("fuzz_conf: mkstemp");
            abort();
        }
        atexit(fuzz_conf_cleanup);
    }
    if (ftruncate(fuzz_conf_fd, 0) < 0 || pwrite(fuzz_conf_fd, data, size, 0) != (ssize_t)size) {
        perror("fuzz_conf: write");
        abort();
    }
    return 0;
}

static void fuzz_conf_check_pool(const struct conf *c, const struct conf_pool *p)
{
    if (p->name == NULL || p->listen == NULL) {
        fuzz_conf_fail("pool without name or listen", p->name);
    }
    if ((p->script == NULL) == (p->root == NULL)) {
        fuzz_conf_fail("pool needs exactly one of script and root", p->name);
    }
    if (p->max_children < 1) {
        fuzz_conf_fail("pm.max_children below 1", p->name);
    }
    if (p->pm == PM_DYNAMIC && (p->min_spare_servers > p->max_spare_servers || p->max_spare_servers > p->max_children ||
                                p->start_servers < p->min_spare_servers || p->start_servers > p->max_spare_servers)) {
        fuzz_conf_fail("dynamic spare counts out of order", p->name);
    }
    for (const struct conf_pool *q = c->pools; q != p; q = q->next) {
        if (strcmp(q->listen, p->listen) == 0) {
            fuzz_conf_fail("two pools on one listen address", p->listen);
        }
    }
    for (size_t i = 0; i < 2 * p->nvars; i++) {
        if (p->vars[i] == NULL) {
            fuzz_conf_fail("missing var name or value", p->name);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    fuzz_conf_write(data, size);
    memset(err, 'x', sizeof(err));
    struct conf *c = conf_load(fuzz_conf_path, err, sizeof(err));
    if (c == NULL) {
        if (memchr(err, '\0', sizeof(err)) == NULL || strncmp(err, fuzz_conf_path, strlen(fuzz_conf_path)) != 0) {
            fuzz_conf_fail("refused without a terminated 'file...: message'", NULL);
        }
        return 0;
    }
    size_t n = 0;
    for (const struct conf_pool *p = c->pools; p; p = p->next) {
        fuzz_conf_check_pool(c, p);
        n++;
    }
    if (n == 0 || n != c->npools) {
        fuzz_conf_fail("pool count", NULL);
    }
    conf_free(c);
    return 0;
}
