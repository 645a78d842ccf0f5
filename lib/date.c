/* SPDX-License-Identifier: MIT */
/*
 * Date.parse() for the formats HTTP and JavaScript print, which Duktape's
 * ISO 8601 parser does not read: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37
 * GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT"), asctime ("Sun Nov  6
 * 08:49:37 1994") and Date.prototype.toString's "Sun Nov 06 1994 08:49:37
 * GMT+0100 (Central European Standard Time)", with toDateString's "Sun Nov
 * 06 1994" (local midnight) and a toString without zone (local time) too;
 * years may be negative there ("-0001"). Wired in through
 * DUK_USE_DATE_PARSE_STRING.
 */
#include "config.h"

#include "duktape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int fcw_date_parse_string(void *ctx, const char *str);

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *s)
{
    for (int i = 0; i < 12; i++) {
        if (strncasecmp(s, months[i], 3) == 0) {
            return i;
        }
    }
    return -1;
}

/* Days from 1970-01-01 to y-m-d (m 0-based), proleptic Gregorian. */
static double days_from_civil(long y, int m, int d)
{
    y -= m < 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    int mp = (m + 10) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

struct cursor {
    const char *p;
};

static void skip_space(struct cursor *c)
{
    while (*c->p == ' ' || *c->p == ',' || *c->p == '-') {
        c->p++;
    }
}

static int read_number(struct cursor *c, long *out)
{
    skip_space(c);
    if (!isdigit((unsigned char)*c->p)) {
        return -1;
    }
    char *end;
    *out = strtol(c->p, &end, 10);
    c->p = end;
    return 0;
}

static int read_word(struct cursor *c, char *buf, size_t len)
{
    skip_space(c);
    size_t n = 0;
    while (isalpha((unsigned char)*c->p)) {
        if (n + 1 < len) {
            buf[n++] = *c->p;
        }
        c->p++;
    }
    buf[n] = '\0';
    return n > 0 ? 0 : -1;
}

static int read_time(struct cursor *c, long *h, long *mi, long *s)
{
    if (read_number(c, h) < 0 || *c->p != ':') {
        return -1;
    }
    c->p++;
    if (read_number(c, mi) < 0) {
        return -1;
    }
    *s = 0;
    if (*c->p == ':') {
        c->p++;
        if (read_number(c, s) < 0) {
            return -1;
        }
    }
    return (*h <= 24 && *mi < 60 && *s < 61) ? 0 : -1;
}

/* "GMT", "UTC", "Z", "GMT+0100", "+01:00" → offset in minutes east;
 * *has_zone tells whether there was one at all. */
static int read_zone(struct cursor *c, long *offset, int *has_zone)
{
    while (*c->p == ' ') {
        c->p++;
    }
    *offset = 0;
    *has_zone = 1;
    if (strncasecmp(c->p, "GMT", 3) == 0 || strncasecmp(c->p, "UTC", 3) == 0) {
        c->p += 3;
    } else if (*c->p == 'Z') {
        c->p++;
    } else if (*c->p != '+' && *c->p != '-') {
        *has_zone = 0;
    }
    if (*c->p == '+' || *c->p == '-') {
        int sign = *c->p == '-' ? -1 : 1;
        c->p++;
        long hh = 0, mm = 0;
        if (!isdigit((unsigned char)c->p[0]) || !isdigit((unsigned char)c->p[1])) {
            return -1;
        }
        hh = (c->p[0] - '0') * 10 + (c->p[1] - '0');
        c->p += 2;
        if (*c->p == ':') {
            c->p++;
        }
        if (isdigit((unsigned char)c->p[0]) && isdigit((unsigned char)c->p[1])) {
            mm = (c->p[0] - '0') * 10 + (c->p[1] - '0');
            c->p += 2;
        }
        *offset = sign * (hh * 60 + mm);
    }
    while (*c->p == ' ') {
        c->p++;
    }
    if (*c->p == '(') { /* "(Central European Standard Time)" */
        const char *close = strchr(c->p, ')');
        c->p = close ? close + 1 : c->p + strlen(c->p);
    }
    while (*c->p == ' ') {
        c->p++;
    }
    return *c->p == '\0' ? 0 : -1;
}

/* The local time zone's offset (minutes east) for a local time given as
 * milliseconds since the epoch as if it were UTC. */
static long local_offset(double local_ms)
{
    time_t guess = (time_t)(local_ms / 1000.0);
    struct tm tm;
    long offset = 0;
    for (int i = 0; i < 2; i++) {
        time_t t = guess - (time_t)offset;
        if (localtime_r(&t, &tm) == NULL) {
            return 0;
        }
        offset = tm.tm_gmtoff;
    }
    return offset / 60;
}

/* A year that may be negative: "-0001" (toString of years before 1). */
static int read_year(struct cursor *c, long *year)
{
    while (*c->p == ' ') {
        c->p++;
    }
    int negative = *c->p == '-';
    if (negative) {
        c->p++;
    }
    if (!isdigit((unsigned char)*c->p)) {
        return -1;
    }
    char *end;
    *year = strtol(c->p, &end, 10);
    c->p = end;
    if (negative) {
        *year = -*year;
    }
    return 0;
}

static int at_end(struct cursor *c)
{
    while (*c->p == ' ') {
        c->p++;
    }
    return *c->p == '\0';
}

int fcw_date_parse_string(void *ctx, const char *str)
{
    struct cursor c = {str};
    char word[16];
    long day, year, h = 0, mi = 0, s = 0, offset = 0;
    int month, has_zone = 1;

    if (read_word(&c, word, sizeof(word)) < 0) { /* weekday */
        return 0;
    }
    skip_space(&c);
    if (isdigit((unsigned char)*c.p)) {
        /* IMF-fixdate / RFC 850: day month year time zone (GMT) */
        if (read_number(&c, &day) < 0 || read_word(&c, word, sizeof(word)) < 0 || (month = month_of(word)) < 0) {
            return 0;
        }
        /* "-94" of RFC 850 is a two-digit year, " -0001" a negative one */
        int signed_year = *c.p == ' ';
        const char *digits = c.p;
        if ((signed_year ? read_year(&c, &year) : read_number(&c, &year)) < 0) {
            return 0;
        }
        if (c.p - digits <= 3 && year >= 0 && year < 100) {
            year += year < 70 ? 2000 : 1900;
        }
        if (read_time(&c, &h, &mi, &s) < 0 || read_zone(&c, &offset, &has_zone) < 0) {
            return 0;
        }
        has_zone = 1;
    } else {
        /* asctime: month day time year (GMT); toString: month day year
         * [time [zone]]; toDateString: month day year */
        if (read_word(&c, word, sizeof(word)) < 0 || (month = month_of(word)) < 0 || read_number(&c, &day) < 0) {
            return 0;
        }
        struct cursor probe = c;
        long first;
        if (read_number(&probe, &first) < 0 || *probe.p != ':') {
            if (read_year(&c, &year) < 0) {
                return 0;
            }
            if (at_end(&c)) {
                has_zone = 0;
            } else if (read_time(&c, &h, &mi, &s) < 0 || read_zone(&c, &offset, &has_zone) < 0) {
                return 0;
            }
        } else {
            if (read_time(&c, &h, &mi, &s) < 0 || read_year(&c, &year) < 0 || read_zone(&c, &offset, &has_zone) < 0) {
                return 0;
            }
            has_zone = 1;
        }
    }
    if (day < 1 || day > 31 || year < -271821 || year > 275760) {
        return 0;
    }
    double ms = (days_from_civil(year, month, (int)day) * 86400.0 + (double)(h * 3600 + mi * 60 + s)) * 1000.0;
    if (!has_zone) {
        offset = local_offset(ms);
    }
    duk_push_number((duk_context *)ctx, ms - (double)offset * 60000.0);
    return 1;
}
