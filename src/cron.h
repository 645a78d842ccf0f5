/* SPDX-License-Identifier: MIT */
/*
 * Cron expressions (triggers.crons, fcworker --scheduled --cron): parsing
 * the five standard fields and finding the next minute they match, in UTC.
 */
#ifndef FCW_CRON_H
#define FCW_CRON_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct cron {
    uint64_t minutes; /* bit n: minute n */
    uint32_t hours;
    uint32_t mdays;  /* bits 1-31 */
    uint16_t months; /* bits 1-12 */
    uint8_t wdays;   /* bits 0-6, Sunday 0 */
    int mday_star, wday_star;
};

/* Returns 0, or -1 with the reason in err. */
int cron_parse(struct cron *c, const char *expr, char *err, size_t errlen);

/* The first matching minute strictly after `after`; -1 when none comes
 * within five years. */
time_t cron_next(const struct cron *c, time_t after);

struct conf_pool;

/* The triggers.crons key of a pool: true for its name; the list parsed
 * into the pool (an error string or NULL); freeing it. */
int cron_conf_is_key(const char *key);
const char *cron_conf_set(struct conf_pool *p, const char *value, int line);
void cron_conf_free(struct conf_pool *p);

#endif
