/*
 * Date.parse() for the formats HTTP and JavaScript print, which Duktape's
 * ISO 8601 parser does not read: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37
 * GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT"), asctime ("Sun Nov  6
 * 08:49:37 1994") and Date.prototype.toString's "Sun Nov 06 1994 08:49:37
 * GMT+0100". Wired in through DUK_USE_DATE_PARSE_STRING.
 */
#include "config.h"

#include "duktape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int fcw_date_parse_string(void *ctx, const char *str);

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec" };

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
    return (double) (era * 146097 + doe - 719468);
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
    if (!isdigit((unsigned char) *c->p)) {
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
    while (isalpha((unsigned char) *c->p)) {
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

/* "GMT", "UTC", "Z", "GMT+0100", "+01:00" → offset in minutes east. */
static int read_zone(struct cursor *c, long *offset)
{
    while (*c->p == ' ') {
        c->p++;
    }
    *offset = 0;
    if (strncasecmp(c->p, "GMT", 3) == 0 || strncasecmp(c->p, "UTC", 3) == 0) {
        c->p += 3;
    } else if (*c->p == 'Z') {
        c->p++;
    }
    if (*c->p == '+' || *c->p == '-') {
        int sign = *c->p == '-' ? -1 : 1;
        c->p++;
        long hh = 0, mm = 0;
        if (!isdigit((unsigned char) c->p[0]) || !isdigit((unsigned char) c->p[1])) {
            return -1;
        }
        hh = (c->p[0] - '0') * 10 + (c->p[1] - '0');
        c->p += 2;
        if (*c->p == ':') {
            c->p++;
        }
        if (isdigit((unsigned char) c->p[0]) && isdigit((unsigned char) c->p[1])) {
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

int fcw_date_parse_string(void *ctx, const char *str)
{
    struct cursor c = { str };
    char word[16];
    long day, year, h, mi, s, offset;
    int month;

    if (read_word(&c, word, sizeof(word)) < 0) { /* weekday */
        return 0;
    }
    skip_space(&c);
    if (isdigit((unsigned char) *c.p)) {
        /* IMF-fixdate / RFC 850: day month year time zone */
        if (read_number(&c, &day) < 0 || read_word(&c, word, sizeof(word)) < 0 ||
            (month = month_of(word)) < 0 || read_number(&c, &year) < 0) {
            return 0;
        }
        if (year < 100) {
            year += year < 70 ? 2000 : 1900;
        }
        if (read_time(&c, &h, &mi, &s) < 0 || read_zone(&c, &offset) < 0) {
            return 0;
        }
    } else {
        /* asctime / toString: month day (time year | year time zone) */
        if (read_word(&c, word, sizeof(word)) < 0 || (month = month_of(word)) < 0 ||
            read_number(&c, &day) < 0) {
            return 0;
        }
        struct cursor probe = c;
        long first;
        if (read_number(&probe, &first) < 0) {
            return 0;
        }
        if (*probe.p == ':') {
            if (read_time(&c, &h, &mi, &s) < 0 || read_number(&c, &year) < 0 || read_zone(&c, &offset) < 0) {
                return 0;
            }
        } else {
            c = probe;
            year = first;
            if (read_time(&c, &h, &mi, &s) < 0 || read_zone(&c, &offset) < 0) {
                return 0;
            }
        }
    }
    if (day < 1 || day > 31) {
        return 0;
    }
    double ms = (days_from_civil(year, month, (int) day) * 86400.0 + (double) (h * 3600 + mi * 60 + s) -
                 (double) offset * 60.0) * 1000.0;
    duk_push_number((duk_context *) ctx, ms);
    return 1;
}
