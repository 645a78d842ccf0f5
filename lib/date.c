/* SPDX-License-Identifier: MIT */
/*
 * Date.parse() and new Date(string) as V8 (and so Cloudflare Workers and
 * Node) read strings: the ES5 date-time string format first, then V8's
 * legacy parser for what is left. lib/duk_hooks.c calls
 * fcw_date_parse_string for both instead of Duktape's own parser (whose
 * ISO reading is looser than the spec's and takes "+0100" for 100 hours);
 * the same function is Duktape's DUK_USE_DATE_PARSE_STRING fallback.
 *
 * ES5 ("2024-01-15", "2024-01-15T10:00:00.123+01:00", "+002024-01-15"): a
 * date alone is UTC, a date and time without offset local time; the offset
 * may also be "+0100". Anything that does not fit, from the first token
 * that does not, goes to the legacy rules (the rules are V8's, read from
 * its src/date/dateparser; the code is ours):
 *   - a number followed by ':' is an hour or minute ("10:00", "10::"); a
 *     number after a minute is the seconds, after "ss." the milliseconds;
 *   - AM/PM after a time makes a 12-hour clock hour of it (0-12);
 *   - any other number is a date component (at most three): M/D/Y
 *     ("1/15/2024", "01-15-2024"), Y/M/D when the first cannot be a day
 *     ("2024/01/15"), with a month name D and Y in either order ("15
 *     January 2024", "Jan 15, 2024", "2024 Jan 15"); a missing year is 2001
 *     and a missing day 1, as V8 has them; a year of one or two digits is
 *     2000-2049 (0-49) or 1950-1999 (50-99), and so is one of three;
 *   - a word is a month when its first three letters are a month's, a
 *     zone (UT, UTC, GMT, Z, EST, EDT, CST, CDT, MST, MDT, PST, PDT), AM,
 *     PM, or else garbage: allowed only before the first number (weekday
 *     names, "foo 1/15/2024"), never glued to it;
 *   - '+' or '-' after a time or after UTC/GMT starts an offset: "+hhmm",
 *     "+hh:mm", "+h" or "+hh";
 *   - a number is read to nine significant digits (leading zeros apart);
 *   - parenthesised text is skipped; other punctuation separates;
 *   - no zone means local time.
 * One difference from V8, for the spec's round trip of toString and
 * toUTCString (§21.4.3.2), which V8 breaks: a year written with four or
 * more digits ("0099") is that year, and a '-' before a four-digit year
 * after a month name ("Tue Jan 01 -0001") makes it negative.
 */
#include "config.h"

#include "duk_hooks.h"
#include "duktape.h"

#include <stdint.h>
#include <math.h>
#include <time.h>

int fcw_date_parse_string(void *ctx, const char *str);
int fcw_date_local_tzoffset(double d);

#define NONE INT32_MAX
#define MAX_DIGITS 9

enum token_kind { T_END, T_INVALID, T_UNKNOWN, T_SPACE, T_NUMBER, T_SYMBOL, T_WORD };
enum keyword { K_NONE, K_MONTH, K_ZONE, K_TIME_SEPARATOR, K_AM_PM };

struct token {
    enum token_kind kind;
    enum keyword keyword; /* T_WORD */
    int value;            /* number, symbol character, keyword value */
    int length;           /* characters */
};

struct scanner {
    const unsigned char *p;
    struct token next;
};

static int between(int x, int lo, int hi)
{
    return x >= lo && x <= hi;
}

/* The code point at p (UTF-8 or CESU-8, as Duktape keeps strings) and its
 * length in bytes; 0 at the end (a NUL ends the string, as in V8). */
static uint32_t peek_char(const unsigned char *p, int *len)
{
    unsigned char c = p[0];
    *len = 1;
    if (c < 0x80) {
        return c;
    }
    if ((c & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80) {
        *len = 2;
        return ((uint32_t)(c & 0x1f) << 6) | (p[1] & 0x3f);
    }
    if ((c & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
        *len = 3;
        return ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }
    if ((c & 0xf8) == 0xf0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80) {
        *len = 4;
        return 0x10000; /* beyond the BMP: a letter-like character */
    }
    return 0xfffd;
}

/* ECMAScript's WhiteSpace and LineTerminator. */
static int is_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
           c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static const char keywords[][3] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                   "oct", "nov", "dec", "am",  "pm",  "ut",  "utc", "z",   "gmt",
                                   "cdt", "cst", "edt", "est", "mdt", "mst", "pdt", "pst", "t"};
static const signed char zone_hours[] = {0, 0, 0, 0, -5, -6, -4, -5, -6, -7, -7, -8};

/* The keyword of a word whose first three characters (lowercased, zero
 * padded) are prefix and which is len characters long: longer words
 * match only month names. */
static void lookup_keyword(const uint32_t prefix[3], int len, struct token *t)
{
    size_t n = sizeof(keywords) / sizeof(keywords[0]);
    t->keyword = K_NONE;
    t->value = 0;
    for (size_t i = 0; i < n; i++) {
        int j = 0;
        while (j < 3 && prefix[j] == (uint32_t)(unsigned char)keywords[i][j]) {
            j++;
        }
        if (j < 3 || (len > 3 && i >= 12)) {
            continue;
        }
        if (i < 12) {
            t->keyword = K_MONTH;
            t->value = (int)i + 1;
        } else if (i < 14) {
            t->keyword = K_AM_PM;
            t->value = i == 12 ? 0 : 12;
        } else if (i < 26) {
            t->keyword = K_ZONE;
            t->value = zone_hours[i - 14];
        } else {
            t->keyword = K_TIME_SEPARATOR;
        }
        return;
    }
}

static struct token scan(struct scanner *s)
{
    struct token t = {T_UNKNOWN, K_NONE, 0, 1};
    const unsigned char *p = s->p;
    int len;
    uint32_t c = peek_char(p, &len);

    if (c == 0) {
        t.kind = T_END;
        t.length = 0;
    } else if (c >= '0' && c <= '9') {
        int n = 0, digits = 0, significant = 0;
        while (*p == '0') { /* leading zeros are not among the nine digits read */
            digits++;
            p++;
        }
        while (*p >= '0' && *p <= '9') {
            if (significant++ < MAX_DIGITS) {
                n = n * 10 + (*p - '0');
            }
            digits++;
            p++;
        }
        t.kind = T_NUMBER;
        t.value = n;
        t.length = digits;
    } else if (c == ':' || c == '-' || c == '+' || c == '.' || c == ')') {
        t.kind = T_SYMBOL;
        t.value = (int)c;
        p++;
    } else if (is_space(c)) {
        t.kind = T_SPACE;
        p += len;
    } else if (c >= 'A') {
        /* a word: a run of characters from 'A' up, spaces excepted */
        uint32_t prefix[3] = {0, 0, 0};
        int n = 0;
        while (c >= 'A' && !is_space(c)) {
            if (n < 3) {
                prefix[n] = c | 0x20;
            }
            n++;
            p += len;
            c = peek_char(p, &len);
        }
        t.kind = T_WORD;
        t.length = n;
        lookup_keyword(prefix, n, &t);
    } else if (c == '(') {
        int depth = 0;
        do {
            if (*p == ')') {
                depth--;
            } else if (*p == '(') {
                depth++;
            }
            p++;
        } while (depth > 0 && *p != '\0');
    } else {
        p += len;
    }
    s->p = p;
    return t;
}

static struct token next_token(struct scanner *s)
{
    struct token t = s->next;
    s->next = scan(s);
    return t;
}

static int is_symbol(const struct token *t, int c)
{
    return t->kind == T_SYMBOL && t->value == c;
}

static int is_sign(const struct token *t)
{
    return is_symbol(t, '+') || is_symbol(t, '-');
}

static int is_number_of(const struct token *t, int length)
{
    return t->kind == T_NUMBER && t->length == length;
}

static int is_keyword_z(const struct token *t)
{
    return t->kind == T_WORD && t->keyword == K_ZONE && t->length == 1;
}

static int skip_symbol(struct scanner *s, int c)
{
    if (is_symbol(&s->next, c)) {
        s->next = scan(s);
        return 1;
    }
    return 0;
}

/* The first three significant digits of a fraction as milliseconds. */
static int read_milliseconds(const struct token *t)
{
    int n = t->value, len = t->length;
    if (len == 1) {
        return n * 100;
    }
    if (len == 2) {
        return n * 10;
    }
    if (len > MAX_DIGITS) {
        len = MAX_DIGITS;
    }
    while (len > 3) {
        n /= 10;
        len--;
    }
    return n;
}

struct day_parts {
    int comp[3], digits[3], n;
    int named_month;
    int iso;
};

struct time_parts {
    int comp[4], n;
    int hour_offset;
};

struct zone_parts {
    int sign, hour, minute;
};

static int day_add(struct day_parts *d, int value, int digits)
{
    if (d->n >= 3) {
        return 0;
    }
    d->comp[d->n] = value;
    d->digits[d->n] = digits;
    d->n++;
    return 1;
}

static int time_add(struct time_parts *t, int value)
{
    if (t->n >= 4) {
        return 0;
    }
    t->comp[t->n++] = value;
    return 1;
}

static int time_add_final(struct time_parts *t, int value)
{
    if (!time_add(t, value)) {
        return 0;
    }
    while (t->n < 4) {
        t->comp[t->n++] = 0;
    }
    return 1;
}

static int time_expecting(const struct time_parts *t, int n)
{
    return (t->n == 1 && between(n, 0, 59)) || (t->n == 2 && between(n, 0, 59)) || (t->n == 3 && between(n, 0, 999));
}

static void zone_set(struct zone_parts *z, int hours)
{
    z->sign = hours < 0 ? -1 : 1;
    z->hour = hours * z->sign;
    z->minute = 0;
}

static int zone_expecting(const struct zone_parts *z, int n)
{
    return z->hour != NONE && z->minute == NONE && between(n, 0, 59);
}

static int zone_is_utc(const struct zone_parts *z)
{
    return z->hour == 0 && z->minute == 0;
}

/* The ES5 date-time string format, as far as the input follows it.
 * Returns the token the legacy rules go on with: T_END when the whole
 * string was read, T_INVALID when it cannot be a date. */
static struct token parse_es5(struct scanner *s, struct day_parts *day, struct time_parts *time,
                              struct zone_parts *zone)
{
    struct token end = {T_END, K_NONE, 0, 0}, invalid = {T_INVALID, K_NONE, 0, 0};

    if (is_sign(&s->next)) {
        struct token sign = next_token(s);
        if (!is_number_of(&s->next, 6)) {
            return sign;
        }
        int year = next_token(s).value;
        if (sign.value == '-' && year == 0) {
            return sign;
        }
        day_add(day, sign.value == '-' ? -year : year, 6);
    } else if (is_number_of(&s->next, 4)) {
        struct token y = next_token(s);
        day_add(day, y.value, 4);
    } else {
        return next_token(s);
    }
    if (skip_symbol(s, '-')) {
        if (!is_number_of(&s->next, 2) || !between(s->next.value, 1, 12)) {
            return next_token(s);
        }
        day_add(day, next_token(s).value, 2);
        if (skip_symbol(s, '-')) {
            if (!is_number_of(&s->next, 2) || !between(s->next.value, 1, 31)) {
                return next_token(s);
            }
            day_add(day, next_token(s).value, 2);
        }
    }
    if (!(s->next.kind == T_WORD && s->next.keyword == K_TIME_SEPARATOR)) {
        if (s->next.kind != T_END) {
            return next_token(s);
        }
    } else {
        next_token(s);
        if (!is_number_of(&s->next, 2) || !between(s->next.value, 0, 24)) {
            return invalid;
        }
        int hour_is_24 = s->next.value == 24;
        time_add(time, next_token(s).value);
        if (!skip_symbol(s, ':') || !is_number_of(&s->next, 2) || !between(s->next.value, 0, 59) ||
            (hour_is_24 && s->next.value > 0)) {
            return invalid;
        }
        time_add(time, next_token(s).value);
        if (skip_symbol(s, ':')) {
            if (!is_number_of(&s->next, 2) || !between(s->next.value, 0, 59) || (hour_is_24 && s->next.value > 0)) {
                return invalid;
            }
            time_add(time, next_token(s).value);
            if (skip_symbol(s, '.')) {
                if (s->next.kind != T_NUMBER || (hour_is_24 && s->next.value > 0)) {
                    return invalid;
                }
                struct token ms = next_token(s);
                time_add(time, read_milliseconds(&ms));
            }
        }
        if (is_keyword_z(&s->next)) {
            next_token(s);
            zone_set(zone, 0);
        } else if (is_sign(&s->next)) {
            zone->sign = next_token(s).value == '+' ? 1 : -1;
            if (is_number_of(&s->next, 4)) { /* +hhmm */
                int hhmm = next_token(s).value;
                if (!between(hhmm / 100, 0, 23) || !between(hhmm % 100, 0, 59)) {
                    return invalid;
                }
                zone->hour = hhmm / 100;
                zone->minute = hhmm % 100;
            } else {
                if (!is_number_of(&s->next, 2) || !between(s->next.value, 0, 23)) {
                    return invalid;
                }
                zone->hour = next_token(s).value;
                if (!skip_symbol(s, ':') || !is_number_of(&s->next, 2) || !between(s->next.value, 0, 59)) {
                    return invalid;
                }
                zone->minute = next_token(s).value;
            }
        }
        if (s->next.kind != T_END) {
            return invalid;
        }
    }
    /* a date alone is UTC, a date and time local time */
    if (zone->hour == NONE && time->n == 0) {
        zone_set(zone, 0);
    }
    day->iso = 1;
    return end;
}

static int write_day(struct day_parts *d, struct fcw_date_fields *out)
{
    int year = 0, month, day, year_digits = 0;

    if (d->n < 1) {
        return 0;
    }
    while (d->n < 3) { /* a missing month or day is 1, a missing year 1 (2001) */
        d->comp[d->n] = 1;
        d->digits[d->n] = 1;
        d->n++;
    }
    if (d->named_month == NONE) {
        if (d->iso || !between(d->comp[0], 1, 31)) { /* Y M D */
            year = d->comp[0];
            year_digits = d->digits[0];
            month = d->comp[1];
            day = d->comp[2];
        } else { /* M D Y */
            month = d->comp[0];
            day = d->comp[1];
            year = d->comp[2];
            year_digits = d->digits[2];
        }
    } else {
        month = d->named_month;
        if (!between(d->comp[0], 1, 31)) { /* Y then D */
            year = d->comp[0];
            year_digits = d->digits[0];
            day = d->comp[1];
        } else { /* D then Y */
            day = d->comp[0];
            year = d->comp[1];
            year_digits = d->digits[1];
        }
    }
    if (!d->iso && year_digits < 4) {
        if (between(year, 0, 49)) {
            year += 2000;
        } else if (between(year, 50, 99)) {
            year += 1900;
        }
    }
    if (!between(month, 1, 12) || !between(day, 1, 31)) {
        return 0;
    }
    out->year = year;
    out->month = month - 1;
    out->day = day;
    return 1;
}

static int write_time(struct time_parts *t, struct fcw_date_fields *out)
{
    while (t->n < 4) {
        t->comp[t->n++] = 0;
    }
    int hour = t->comp[0], minute = t->comp[1], second = t->comp[2], ms = t->comp[3];
    if (t->hour_offset != NONE) {
        if (!between(hour, 0, 12)) {
            return 0;
        }
        hour = hour % 12 + t->hour_offset;
    }
    if (!between(hour, 0, 23) || !between(minute, 0, 59) || !between(second, 0, 59) || !between(ms, 0, 999)) {
        if (hour != 24 || minute != 0 || second != 0 || ms != 0) { /* 24:00 is the day's end */
            return 0;
        }
    }
    out->hour = hour;
    out->minute = minute;
    out->second = second;
    out->millisecond = ms;
    return 1;
}

static void write_zone(struct zone_parts *z, struct fcw_date_fields *out)
{
    out->has_offset = z->sign != NONE;
    if (out->has_offset) {
        long minutes = (long)(z->hour == NONE ? 0 : z->hour) * 60 + (z->minute == NONE ? 0 : z->minute);
        out->offset_minutes = z->sign < 0 ? -minutes : minutes;
    } else {
        out->offset_minutes = 0;
    }
}

int fcw_date_parse_fields(const char *str, struct fcw_date_fields *out)
{
    struct scanner s;
    struct day_parts day = {{0, 0, 0}, {0, 0, 0}, 0, NONE, 0};
    struct time_parts time = {{0, 0, 0, 0}, 0, NONE};
    struct zone_parts zone = {NONE, NONE, NONE};

    s.p = (const unsigned char *)str;
    s.next = scan(&s);

    struct token token = parse_es5(&s, &day, &time, &zone);
    if (token.kind == T_INVALID) {
        return 0;
    }
    int has_read_number = day.n > 0;
    for (; token.kind != T_END; token = next_token(&s)) {
        if (token.kind == T_NUMBER) {
            int n = token.value;
            has_read_number = 1;
            if (skip_symbol(&s, ':')) {
                if (skip_symbol(&s, ':')) { /* "10::" */
                    if (time.n != 0) {
                        return 0;
                    }
                    time_add(&time, n);
                    time_add(&time, 0);
                } else {
                    if (!time_add(&time, n)) {
                        return 0;
                    }
                    if (is_symbol(&s.next, '.')) {
                        next_token(&s);
                    }
                }
            } else if (skip_symbol(&s, '.') && time_expecting(&time, n)) {
                time_add(&time, n);
                if (s.next.kind != T_NUMBER) {
                    return 0;
                }
                struct token ms = next_token(&s);
                time_add_final(&time, read_milliseconds(&ms));
            } else if (zone_expecting(&zone, n)) {
                zone.minute = n;
            } else if (time_expecting(&time, n)) {
                time_add_final(&time, n);
                /* a time ends at a space, the end, Z or an offset */
                if (s.next.kind != T_END && s.next.kind != T_SPACE && !is_keyword_z(&s.next) && !is_sign(&s.next)) {
                    return 0;
                }
            } else {
                if (!day_add(&day, n, token.length)) {
                    return 0;
                }
                skip_symbol(&s, '-');
            }
        } else if (token.kind == T_WORD) {
            if (token.keyword == K_AM_PM && time.n != 0) {
                time.hour_offset = token.value;
            } else if (token.keyword == K_MONTH) {
                day.named_month = token.value;
                skip_symbol(&s, '-');
            } else if (token.keyword == K_ZONE && has_read_number) {
                zone_set(&zone, token.value);
            } else if (has_read_number || s.next.kind == T_NUMBER) {
                /* garbage only before the first number, and apart from it */
                return 0;
            }
        } else if (is_sign(&token) && (zone_is_utc(&zone) || time.n != 0)) {
            /* an offset: after UTC or GMT, or after a time */
            int n = 0, length = 0;
            zone.sign = token.value == '-' ? -1 : 1;
            if (s.next.kind == T_NUMBER) {
                struct token number = next_token(&s);
                n = number.value;
                length = number.length;
            }
            has_read_number = 1;
            if (is_symbol(&s.next, ':')) {
                zone.hour = n;
                zone.minute = NONE;
            } else if (length == 1 || length == 2) {
                zone.hour = n;
                zone.minute = 0;
            } else if (length == 3 || length == 4) {
                zone.hour = n / 100;
                zone.minute = n % 100;
            } else {
                return 0;
            }
        } else if (is_symbol(&token, '-') && time.n == 0 && day.named_month != NONE && day.n == 1 &&
                   is_number_of(&s.next, 4)) {
            /* ours: "Jan 01 -0001", the negative year toString prints */
            struct token year = next_token(&s);
            day_add(&day, -year.value, year.length);
        } else if ((is_sign(&token) || is_symbol(&token, ')')) && has_read_number) {
            return 0;
        }
    }
    if (!write_day(&day, out) || !write_time(&time, out)) {
        return 0;
    }
    write_zone(&zone, out);
    return 1;
}

/* Duktape's contract: push the time value and return 1, or push nothing
 * and return 0. */
int fcw_date_parse_string(void *ctx, const char *str)
{
    struct fcw_date_fields f;
    if (!fcw_date_parse_fields(str, &f)) {
        return 0;
    }
    duk_push_number((duk_context *)ctx, fcw_duk_date_time_value(&f));
    return 1;
}

/* Duktape's DUK_USE_DATE_GET_LOCAL_TZOFFSET: the offset of local time from
 * UTC, in seconds, at time value d (milliseconds), as the C library's time
 * zone database (TZ) has it for that moment, the historical offsets and
 * the local mean time before a zone's first rule included, as V8 has them
 * from ICU (Duktape's own provider maps a year outside 1971-2037 to one
 * within, with that year's rules). 0 for NaN, the infinities and a time
 * the C library cannot convert. */
int fcw_date_local_tzoffset(double d)
{
    struct tm tm;
    time_t t;

    if (!(d >= -8.65e15 && d <= 8.65e15)) { /* NaN too; the range with a day of leeway */
        return 0;
    }
    t = (time_t)floor(d / 1000.0);
    if (localtime_r(&t, &tm) == NULL) {
        return 0;
    }
    return (int)tm.tm_gmtoff;
}
