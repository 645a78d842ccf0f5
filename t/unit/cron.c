/* SPDX-License-Identifier: MIT */
/*
 * Cron expressions: what parses and what is refused with which message, and
 * the next firing time for lists, ranges, steps, names, both day fields and
 * expressions that never fire.
 */
#include "config.h"

#include "cron.h"
#include "tap.h"

#include <string.h>
#include <time.h>

/* "YYYY-MM-DD HH:MM" in UTC */
static time_t at(const char *s)
{
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    strptime(s, "%Y-%m-%d %H:%M", &tm);
    return timegm(&tm);
}

static const char *fmt(time_t t)
{
    static char buf[32];
    struct tm tm;
    if (t == (time_t)-1) {
        return "never";
    }
    gmtime_r(&t, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M %a", &tm);
    return buf;
}

static void next_is(const char *expr, const char *from, const char *want)
{
    struct cron c;
    char err[256] = "";
    if (cron_parse(&c, expr, err, sizeof(err)) < 0) {
        ok(0, "%s parses: %s", expr, err);
        return;
    }
    const char *got = fmt(cron_next(&c, at(from)));
    ok(strcmp(got, want) == 0, "\"%s\" after %s: %s (got %s)", expr, from, want, got);
}

static void refused(const char *expr, const char *why)
{
    struct cron c;
    char err[256] = "";
    int rc = cron_parse(&c, expr, err, sizeof(err));
    ok(rc < 0 && strstr(err, why) != NULL, "\"%s\" is refused: %s (%s)", expr, why, err);
}

int main(void)
{
    next_is("*/5 * * * *", "2026-12-04 21:41", "2026-12-04 21:45 Fri");
    next_is("*/5 * * * *", "2026-12-04 21:45", "2026-12-04 21:50 Fri");
    next_is("* * * * *", "2026-12-31 23:59", "2027-01-01 00:00 Fri");
    next_is("0 0 * * MON", "2026-12-04 21:41", "2026-12-07 00:00 Mon");
    next_is("0 0 * * mon-fri", "2026-12-05 10:00", "2026-12-07 00:00 Mon");
    next_is("30 9 * * 7", "2026-12-04 00:00", "2026-12-06 09:30 Sun");
    next_is("30 9 * * 0", "2026-12-04 00:00", "2026-12-06 09:30 Sun");
    next_is("0,30 8-10 * * *", "2026-12-04 10:30", "2026-12-05 08:00 Sat");
    next_is("0,30 8-10 * * *", "2026-12-04 08:10", "2026-12-04 08:30 Fri");
    next_is("15 14 1 * *", "2026-12-04 00:00", "2027-01-01 14:15 Fri");
    next_is("0 0 29 2 *", "2026-03-01 00:00", "2028-02-29 00:00 Tue");
    next_is("0 0 1 JAN,jul *", "2026-02-01 00:00", "2026-07-01 00:00 Wed");
    next_is("5/20 * * * *", "2026-12-04 21:41", "2026-12-04 21:45 Fri");
    next_is("5/20 * * * *", "2026-12-04 21:46", "2026-12-04 22:05 Fri");
    next_is("10-50/20 * * * *", "2026-12-04 21:31", "2026-12-04 21:50 Fri");
    /* both day fields restricted: either matches */
    next_is("0 12 13 * FRI", "2026-12-04 13:00", "2026-12-11 12:00 Fri");
    next_is("0 12 13 * FRI", "2026-12-11 13:00", "2026-12-13 12:00 Sun");
    /* one of them "*": the other decides */
    next_is("0 12 * * FRI", "2026-12-11 13:00", "2026-12-18 12:00 Fri");
    next_is("@daily", "2026-12-04 21:41", "2026-12-05 00:00 Sat");
    next_is("@hourly", "2026-12-04 21:41", "2026-12-04 22:00 Fri");
    next_is("@weekly", "2026-12-04 21:41", "2026-12-06 00:00 Sun");
    next_is("0 0 30 2 *", "2026-12-04 21:41", "never");
    next_is("  1   2 3 4 5  ", "2026-01-01 00:00", "2026-04-03 02:01 Fri");

    refused("", "expected five fields");
    refused("* * * *", "expected five fields");
    refused("* * * * * *", "expected five fields");
    refused("60 * * * *", "bad minute \"60\"");
    refused("* 24 * * *", "bad hour");
    refused("* * 0 * *", "bad day of month");
    refused("* * * 13 *", "bad month");
    refused("* * * * 8", "bad day of week");
    refused("* * * FOO *", "JAN-DEC");
    refused("* * * * MONDAY", "SUN-SAT");
    refused("*/0 * * * *", "bad minute");
    refused("5-1 * * * *", "bad minute");
    refused("1, * * * *", "bad minute");
    refused("1,,2 * * * *", "bad minute");
    refused("1,2, * * * *", "bad minute");
    refused("*/ * * * *", "bad minute");
    refused("@sometimes", "unknown cron macro");
    refused("0 0 * * MON,", "bad day of week");
    return done_testing();
}
