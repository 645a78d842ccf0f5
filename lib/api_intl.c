/* SPDX-License-Identifier: MIT */
/*
 * Native part of Intl.DateTimeFormat (js/19-intl-date.js): time zones from
 * the system's tz database. native.intlZone(name) gives the IANA name a
 * time zone option resolves to (matched without regard to case against
 * /usr/share/zoneinfo, "UTC" for UTC, Etc/UTC, GMT and their aliases) or
 * undefined when there is no such zone; native.intlZoneFields(name, ms)
 * gives the wall-clock fields at that instant in that zone as [year, month
 * (0-11), day, hour, minute, second, weekday (0 = Sunday), offset in
 * minutes east of UTC, abbreviation], computed by localtime_r() with TZ
 * set to the zone for the call (the process's TZ is restored afterwards);
 * native.intlDefaultZone() names the process's own zone (TZ, else the
 * target of /etc/localtime, else "UTC").
 */
#include "config.h"

#include "engine.h"

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define ZONEINFO "/usr/share/zoneinfo"

static int is_utc_alias(const char *name)
{
    static const char *const aliases[] = {
        "utc",  "etc/utc",  "gmt",  "etc/gmt",   "etc/uct",   "uct",   "etc/universal", "universal",     "etc/zulu",
        "zulu", "etc/gmt0", "gmt0", "etc/gmt+0", "etc/gmt-0", "gmt+0", "gmt-0",         "etc/greenwich", "greenwich"};
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcasecmp(name, aliases[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Whether a name may be looked up as a file under ZONEINFO. */
static int zone_name_ok(const char *name, size_t len)
{
    if (len == 0 || len > 200 || name[0] == '/' || strstr(name, "..") != NULL) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!isalnum(c) && c != '/' && c != '_' && c != '-' && c != '+') {
            return 0;
        }
    }
    return 1;
}

/* Resolves each component of name case-insensitively under ZONEINFO into
 * out (the on-disk spelling); 0 when a regular tz file was found. */
static int zone_lookup(const char *name, char *out, size_t outlen)
{
    char path[PATH_MAX];
    size_t n = 0;
    out[0] = '\0';
    const char *p = name;
    while (*p != '\0') {
        const char *slash = strchr(p, '/');
        size_t clen = slash != NULL ? (size_t)(slash - p) : strlen(p);
        snprintf(path, sizeof path, "%s/%s", ZONEINFO, out);
        DIR *dir = opendir(path);
        if (dir == NULL) {
            return -1;
        }
        struct dirent *de;
        int found = 0;
        while ((de = readdir(dir)) != NULL) {
            if (strlen(de->d_name) == clen && strncasecmp(de->d_name, p, clen) == 0) {
                n += (size_t)snprintf(out + n, outlen - n, "%s%s", n > 0 ? "/" : "", de->d_name);
                found = 1;
                break;
            }
        }
        closedir(dir);
        if (!found || n >= outlen) {
            return -1;
        }
        p += clen;
        if (*p == '/') {
            p++;
        }
    }
    snprintf(path, sizeof path, "%s/%s", ZONEINFO, out);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || strncmp(out, "posix/", 6) == 0 ||
        strncmp(out, "right/", 6) == 0) {
        return -1;
    }
    return 0;
}

static duk_ret_t native_intl_zone(duk_context *ctx)
{
    duk_size_t len;
    const char *name = duk_require_lstring(ctx, 0, &len);
    char out[256];
    if (is_utc_alias(name)) {
        duk_push_literal(ctx, "UTC");
    } else if (zone_name_ok(name, len) && zone_lookup(name, out, sizeof out) == 0) {
        duk_push_string(ctx, out);
    } else {
        duk_push_undefined(ctx);
    }
    return 1;
}

static duk_ret_t native_intl_zone_fields(duk_context *ctx)
{
    duk_size_t len;
    const char *name = duk_require_lstring(ctx, 0, &len);
    double ms = duk_require_number(ctx, 1);
    if (!zone_name_ok(name, len) || ms != ms) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "Invalid time zone specified: %s", name);
    }
    double secs = ms / 1000.0;
    time_t t = (time_t)(secs < 0 && secs != (double)(time_t)secs ? secs - 1 : secs);
    const char *old = getenv("TZ");
    char *saved = old != NULL ? strdup(old) : NULL;
    char zone[300];
    snprintf(zone, sizeof zone, ":%s", name);
    setenv("TZ", zone, 1);
    tzset();
    struct tm tm;
    int ok = localtime_r(&t, &tm) != NULL;
    char abbr[16];
    snprintf(abbr, sizeof abbr, "%s", ok && tm.tm_zone != NULL ? tm.tm_zone : "");
    if (saved != NULL) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    tzset();
    if (!ok) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "Invalid time value");
    }
    duk_push_array(ctx);
    double fields[8] = {
        (double)tm.tm_year + 1900.0, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday,
        (double)(tm.tm_gmtoff / 60)};
    for (duk_uarridx_t i = 0; i < 8; i++) {
        duk_push_number(ctx, fields[i]);
        duk_put_prop_index(ctx, -2, i);
    }
    duk_push_string(ctx, abbr);
    duk_put_prop_index(ctx, -2, 8);
    return 1;
}

static duk_ret_t native_intl_default_zone(duk_context *ctx)
{
    const char *tz = getenv("TZ");
    char link[PATH_MAX];
    const char *name = NULL;
    if (tz != NULL && *tz != '\0') {
        name = tz[0] == ':' ? tz + 1 : tz;
        if (strncmp(name, ZONEINFO "/", sizeof ZONEINFO) == 0) {
            name += sizeof ZONEINFO;
        }
    } else {
        ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
        if (n > 0) {
            link[n] = '\0';
            const char *z = strstr(link, "zoneinfo/");
            name = z != NULL ? z + 9 : NULL;
        }
    }
    char out[256];
    if (name == NULL || is_utc_alias(name)) {
        duk_push_literal(ctx, "UTC");
    } else if (zone_name_ok(name, strlen(name)) && zone_lookup(name, out, sizeof out) == 0) {
        duk_push_string(ctx, out);
    } else {
        duk_push_literal(ctx, "UTC");
    }
    return 1;
}

void fcw_api_intl_init(duk_context *ctx, duk_idx_t native_idx)
{
    duk_push_c_function(ctx, native_intl_zone, 1);
    duk_put_prop_literal(ctx, native_idx, "intlZone");
    duk_push_c_function(ctx, native_intl_zone_fields, 2);
    duk_put_prop_literal(ctx, native_idx, "intlZoneFields");
    duk_push_c_function(ctx, native_intl_default_zone, 0);
    duk_put_prop_literal(ctx, native_idx, "intlDefaultZone");
}
