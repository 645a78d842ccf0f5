/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the regular-expression engine (lib/regexp.h). The
 * input is FLAGS NUL PATTERN NUL SUBJECT (bytes taken as code units, so
 * lone surrogates come through \u escapes in the pattern only). Every
 * pattern is compiled with the flags; a compiled one runs on the subject
 * from four start positions (0, 1, the middle, the end), with an interrupt
 * callback that stops a match at its second call. Invariants: a SyntaxError has a
 * message, a match has group 0 within the subject (starting at or after
 * the start, exactly there when sticky) and every group either undefined
 * or ordered and in range. A broken invariant aborts.
 */
#include "regexp.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_regexp_stop(void *opaque)
{
    int *calls = opaque;
    return ++*calls > 1;
}

static void fuzz_regexp_fail(const char *what)
{
    fprintf(stderr, "fuzz_regexp: %s\n", what);
    abort();
}

static size_t fuzz_regexp_field(const uint8_t **data, size_t *size, uint16_t *out, size_t max)
{
    size_t n = 0;

    while (*size && **data && n < max) {
        out[n++] = **data;
        (*data)++;
        (*size)--;
    }
    if (*size) {
        (*data)++;
        (*size)--;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint16_t flags16[16], pattern[2048], subject[512];
    size_t nf = fuzz_regexp_field(&data, &size, flags16, 16);
    size_t np = fuzz_regexp_field(&data, &size, pattern, 2048);
    size_t ns = fuzz_regexp_field(&data, &size, subject, 512);
    unsigned flags;
    char err[256];
    struct fcw_re *re;
    int caps[2 * 64], ncap, g;

    if (fcw_re_parse_flags(flags16, nf, &flags) < 0)
        flags = 0;
    re = fcw_re_compile(pattern, np, flags, err, sizeof(err));
    if (!re) {
        if (!err[0])
            fuzz_regexp_fail("SyntaxError without a message");
        return 0;
    }
    ncap = fcw_re_capture_count(re);
    if (ncap < 1)
        fuzz_regexp_fail("no group 0");
    if (ncap <= 64) {
        size_t starts[4] = {0, ns ? 1 : 0, ns / 2, ns};
        for (int k = 0; k < 4; k++) {
            size_t start = starts[k];
            int calls = 0;
            int rc = fcw_re_exec(re, subject, ns, start, caps, fuzz_regexp_stop, &calls);
            if (rc != FCW_RE_MATCH)
                continue;
            if (caps[0] < 0 || caps[0] > caps[1] || (size_t)caps[1] > ns)
                fuzz_regexp_fail("group 0 out of range");
            if ((flags & FCW_RE_STICKY) ? (size_t)caps[0] != start && (size_t)caps[0] + 1 != start
                                        : (size_t)caps[0] + 1 < start)
                fuzz_regexp_fail("match before the start");
            for (g = 1; g < ncap; g++) {
                if (caps[2 * g] == -1 && caps[2 * g + 1] == -1)
                    continue;
                if (caps[2 * g] < 0 || caps[2 * g] > caps[2 * g + 1] || (size_t)caps[2 * g + 1] > ns)
                    fuzz_regexp_fail("group out of range");
            }
        }
    }
    for (g = 0; g < ncap; g++)
        (void)fcw_re_group_name(re, g);
    fcw_re_free(re);
    return 0;
}
