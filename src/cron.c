/* SPDX-License-Identifier: MIT */
/*
 * Cron expressions for triggers.crons: the standard five fields (minute,
 * hour, day of month, month, day of week) in UTC, each a list of "*", a
 * value or a range, with an optional "/step"; months and days of the week
 * may be named (JAN-DEC, SUN-SAT, case-insensitive), Sunday is 0 or 7.
 * When both day fields are restricted a day matches either (as in every
 * cron); "@yearly", "@annually", "@monthly", "@weekly", "@daily",
 * "@midnight" and "@hourly" stand for their usual expansions.
 * cron_next() finds the first matching minute after a time, skipping whole
 * days and hours that cannot match, and gives up after five years (a
 * "30 FEB" expression never fires). cron_conf_set() reads a pool's
 * triggers.crons list (expressions separated by a comma followed by a
 * space, or by ';'); src/triggers.c fires them.
 */
#include "config.h"

#include "cron.h"

#include "conf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CRON_MAX_LIST 32

struct cron_field {
    const char *what;
    int min, max;
    const char *const *names; /* names[i] is value min + i */
};

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                          "aug", "sep", "oct", "nov", "dec", NULL};
static const char *const day_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL};

static const struct cron_field fields[5] = {
    {"minute", 0, 59, NULL},          {"hour", 0, 23, NULL},
    {"day of month", 1, 31, NULL},    {"month", 1, 12, month_names},
    {"day of week", 0, 7, day_names},
};

/* A value of the field at *s: a number or a three-letter name. */
static int parse_value(const struct cron_field *f, const char **s, int *out)
{
    const char *p = *s;
    if (isdigit((unsigned char)*p)) {
        long v = 0;
        while (isdigit((unsigned char)*p) && v < 1000) {
            v = v * 10 + (*p++ - '0');
        }
        if (v < f->min || v > f->max) {
            return -1;
        }
        *out = (int)v;
        *s = p;
        return 0;
    }
    for (int i = 0; f->names && f->names[i]; i++) {
        if (strncasecmp(p, f->names[i], 3) == 0 && !isalpha((unsigned char)p[3])) {
            *out = f->min + i;
            *s = p + 3;
            return 0;
        }
    }
    return -1;
}

/* One field (its text is [s, end)) into the bit set bits. */
static int parse_field(const struct cron_field *f, const char *s, const char *end, uint64_t *bits, int *star, char *err,
                       size_t errlen)
{
    *bits = 0;
    *star = 0;
    while (s < end) {
        int lo = f->min, hi = f->max, step = 1;
        const char *item = s;
        if (*s == '*') {
            s++;
            *star = 1;
        } else if (parse_value(f, &s, &lo) < 0) {
            goto bad;
        } else if (*s == '-') {
            s++;
            if (parse_value(f, &s, &hi) < 0 || hi < lo) {
                goto bad;
            }
        } else {
            hi = lo;
        }
        if (*s == '/') {
            s++;
            if (!isdigit((unsigned char)*s)) {
                goto bad;
            }
            step = 0;
            while (isdigit((unsigned char)*s) && step < 1000) {
                step = step * 10 + (*s++ - '0');
            }
            if (step == 0 || step > f->max) {
                goto bad;
            }
            if (hi == lo && item[0] != '*') {
                hi = f->max; /* "5/15": from 5 to the end, as Vixie cron */
            }
            *star = 0;
        }
        for (int v = lo; v <= hi; v += step) {
            *bits |= (uint64_t)1 << v;
        }
        if (s < end && *s != ',') {
            goto bad;
        }
        if (s < end && s + 1 == end) {
            goto bad; /* a trailing comma */
        }
        if (s < end) {
            s++;
        }
        continue;
    bad:
        snprintf(err, errlen, "bad %s \"%.*s\" (expected *, a value from %d to %d%s, a range A-B or a step */N)",
                 f->what, (int)(end - item), item, f->min, f->max,
                 f->names == month_names ? " or JAN-DEC"
                 : f->names == day_names ? " or SUN-SAT"
                                         : "");
        return -1;
    }
    return 0;
}

int cron_parse(struct cron *c, const char *expr, char *err, size_t errlen)
{
    static const char *const macros[][2] = {
        {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"}, {"@weekly", "0 0 * * 0"},
        {"@daily", "0 0 * * *"},  {"@midnight", "0 0 * * *"}, {"@hourly", "0 * * * *"},
    };
    while (isspace((unsigned char)*expr)) {
        expr++;
    }
    if (expr[0] == '@') {
        for (size_t i = 0; i < sizeof(macros) / sizeof(macros[0]); i++) {
            size_t n = strlen(macros[i][0]);
            if (strncasecmp(expr, macros[i][0], n) == 0 && expr[n + strspn(expr + n, " \t")] == '\0') {
                return cron_parse(c, macros[i][1], err, errlen);
            }
        }
        snprintf(err, errlen, "unknown cron macro \"%s\"", expr);
        return -1;
    }
    uint64_t bits[5];
    int stars[5];
    const char *s = expr;
    for (int i = 0; i < 5; i++) {
        while (isspace((unsigned char)*s)) {
            s++;
        }
        const char *end = s;
        while (*end != '\0' && !isspace((unsigned char)*end)) {
            end++;
        }
        if (end == s) {
            snprintf(err, errlen, "\"%s\": expected five fields (minute hour day-of-month month day-of-week)", expr);
            return -1;
        }
        if (parse_field(&fields[i], s, end, &bits[i], &stars[i], err, errlen) < 0) {
            return -1;
        }
        s = end;
    }
    while (isspace((unsigned char)*s)) {
        s++;
    }
    if (*s != '\0') {
        snprintf(err, errlen, "\"%s\": expected five fields (minute hour day-of-month month day-of-week)", expr);
        return -1;
    }
    c->minutes = bits[0];
    c->hours = (uint32_t)bits[1];
    c->mdays = (uint32_t)bits[2];
    c->months = (uint16_t)bits[3];
    c->wdays = (uint8_t)((bits[4] | (bits[4] >> 7)) & 0x7f); /* 7 is Sunday */
    c->mday_star = stars[2];
    c->wday_star = stars[4];
    return 0;
}

static int day_matches(const struct cron *c, const struct tm *tm)
{
    int mday = (c->mdays >> tm->tm_mday) & 1;
    int wday = (c->wdays >> tm->tm_wday) & 1;
    if (c->mday_star || c->wday_star) {
        return mday && wday;
    }
    return mday || wday;
}

time_t cron_next(const struct cron *c, time_t after)
{
    time_t t = after - after % 60 + 60;
    time_t limit = after + (time_t)5 * 366 * 86400;
    struct tm tm;
    while (t <= limit) {
        gmtime_r(&t, &tm);
        if (!((c->months >> (tm.tm_mon + 1)) & 1) || !day_matches(c, &tm)) {
            t += 86400 - (tm.tm_hour * 3600 + tm.tm_min * 60);
            continue;
        }
        if (!((c->hours >> tm.tm_hour) & 1)) {
            t += 3600 - tm.tm_min * 60;
            continue;
        }
        if (!((c->minutes >> tm.tm_min) & 1)) {
            t += 60;
            continue;
        }
        return t;
    }
    return (time_t)-1;
}

/* ---- triggers.crons of a pool */

int cron_conf_is_key(const char *key)
{
    return strcmp(key, "triggers.crons") == 0;
}

const char *cron_conf_set(struct conf_pool *p, const char *value, int line)
{
    static char why[300];
    cron_conf_free(p);
    p->crons_line = line;
    char *copy = strdup(value);
    if (copy == NULL) {
        return "out of memory";
    }
    char *items[CRON_MAX_LIST];
    size_t n = 0;
    char *s = copy;
    for (;;) {
        char *sep = s;
        while (*sep != '\0' && *sep != ';' && !(*sep == ',' && (sep[1] == ' ' || sep[1] == '\t'))) {
            sep++;
        }
        char end = *sep;
        *sep = '\0';
        s += strspn(s, " \t");
        if (*s != '\0') {
            if (n == CRON_MAX_LIST) {
                free(copy);
                return "at most 32 cron expressions";
            }
            items[n++] = s;
        }
        if (end == '\0') {
            break;
        }
        s = sep + 1;
    }
    p->crons = calloc(n ? n : 1, sizeof(*p->crons));
    p->cron_specs = calloc(n ? n : 1, sizeof(*p->cron_specs));
    p->cron_due = calloc(n ? n : 1, sizeof(*p->cron_due));
    if (p->crons == NULL || p->cron_specs == NULL || p->cron_due == NULL) {
        free(copy);
        return "out of memory";
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(items[i]);
        while (len > 0 && (items[i][len - 1] == ' ' || items[i][len - 1] == '\t')) {
            items[i][--len] = '\0';
        }
        if (cron_parse(&p->cron_specs[i], items[i], why, sizeof(why)) < 0 || (p->crons[i] = strdup(items[i])) == NULL) {
            free(copy);
            p->ncrons = i;
            return why;
        }
        p->ncrons = i + 1;
    }
    free(copy);
    return NULL;
}

void cron_conf_free(struct conf_pool *p)
{
    for (size_t i = 0; i < p->ncrons; i++) {
        free(p->crons[i]);
    }
    free(p->crons);
    free(p->cron_specs);
    free(p->cron_due);
    p->crons = NULL;
    p->cron_specs = NULL;
    p->cron_due = NULL;
    p->ncrons = 0;
}
