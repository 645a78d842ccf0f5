/* SPDX-License-Identifier: MIT */
/*
 * A minimal TAP emitter for the C unit tests: ok(cond, fmt, ...) prints one
 * numbered line; done_testing() prints the plan and returns the exit code.
 */
#ifndef FCW_TAP_H
#define FCW_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 2, 3))) static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (!cond) {
        tap_failed++;
    }
    return cond;
}

static int done_testing(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif
