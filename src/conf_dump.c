/* SPDX-License-Identifier: MIT */
/*
 * fcworker -tt: the effective configuration, written back as INI. Every
 * directive of the tables in conf.c is written for every pool, with its
 * value after defaults and derived values were filled in (durations in
 * their largest exact unit, sizes likewise, relative paths made absolute);
 * a key that is unset is written as a comment. Bindings, cron triggers and
 * the [pool:NAME.vars] section follow, a Wrangler file's keys written out
 * as plain keys. Reading the output gives the same configuration, which is
 * also what t/conf-layout.t checks.
 */
#include "config.h"

#include "conf.h"
#include "conf_table.h"
#include "log.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether inih reads value back as written: no blanks around it, no line
 * break, no " ;" (an inline comment). Only a Wrangler file's values can
 * break these rules. */
static int writable(const char *value)
{
    size_t n = strlen(value);
    if (n > 0 && (strchr(" \t", value[0]) != NULL || strchr(" \t", value[n - 1]) != NULL)) {
        return 0;
    }
    return strpbrk(value, "\r\n") == NULL && strstr(value, " ;") == NULL && strstr(value, "\t;") == NULL;
}

static void put(FILE *out, const char *key, const char *value)
{
    if (key[0] == '\0' || strpbrk(key, "=:;#[] \t\r\n") != NULL) {
        fprintf(out, "; a key that cannot be written in INI syntax (from a Wrangler file)\n");
    } else if (value == NULL) {
        fprintf(out, ";%s =\n", key);
    } else if (!writable(value)) {
        fprintf(out, "; %s: its value cannot be written in INI syntax (blanks around it, a line break or \" ;\")\n",
                key);
    } else {
        fprintf(out, "%s = %s\n", key, value);
    }
}

/* A path the way it is read back from anywhere: relative ones from here. */
static void put_path(FILE *out, const char *key, const char *path)
{
    char cwd[PATH_MAX], buf[2 * PATH_MAX];
    if (path == NULL || path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL) {
        put(out, key, path);
        return;
    }
    snprintf(buf, sizeof(buf), "%s/%s", cwd, path);
    put(out, key, buf);
}

static void put_duration(FILE *out, const char *key, unsigned ms)
{
    static const struct {
        unsigned ms;
        const char *unit;
    } units[] = {{3600000, "h"}, {60000, "m"}, {1000, "s"}};
    char buf[32];
    snprintf(buf, sizeof(buf), ms ? "%ums" : "%u", ms);
    for (size_t i = 0; ms > 0 && i < sizeof(units) / sizeof(units[0]); i++) {
        if (ms % units[i].ms == 0) {
            snprintf(buf, sizeof(buf), "%u%s", ms / units[i].ms, units[i].unit);
            break;
        }
    }
    put(out, key, buf);
}

static void put_size(FILE *out, const char *key, size_t n)
{
    static const char units[] = "gmk";
    char buf[48];
    snprintf(buf, sizeof(buf), "%zu", n);
    for (int i = 0; n > 0 && i < 3; i++) {
        unsigned shift = (unsigned)(30 - 10 * i);
        if (n % ((size_t)1 << shift) == 0) {
            snprintf(buf, sizeof(buf), "%zu%c", n >> shift, units[i]);
            break;
        }
    }
    put(out, key, buf);
}

static const char *level_name(int level)
{
    static const char *const names[] = {"error", "warning", "notice", "info", "debug"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (fcw_log_level_parse(names[i]) == level) {
            return names[i];
        }
    }
    return NULL;
}

static int is_path_key(const char *key)
{
    return strcmp(key, "script") == 0 || strcmp(key, "root") == 0 || strcmp(key, "build.cache_dir") == 0 ||
           strcmp(key, "cache.path") == 0;
}

static void put_directive(FILE *out, const struct conf_directive *d, const void *base)
{
    const char *field = (const char *)base + d->offset;
    char buf[64];
    const char *s = buf;
    switch (d->kind) {
    case CK_STRING:
        if (is_path_key(d->name)) {
            put_path(out, d->name, *(char *const *)(const void *)field);
        } else {
            put(out, d->name, *(char *const *)(const void *)field);
        }
        return;
    case CK_UINT: snprintf(buf, sizeof(buf), "%u", *(const unsigned *)(const void *)field); break;
    case CK_INT: snprintf(buf, sizeof(buf), "%d", *(const int *)(const void *)field); break;
    case CK_SIZE: put_size(out, d->name, *(const size_t *)(const void *)field); return;
    case CK_MEGABYTES: snprintf(buf, sizeof(buf), "%zu", *(const size_t *)(const void *)field >> 20); break;
    case CK_SECONDS: put_duration(out, d->name, *(const unsigned *)(const void *)field); return;
    case CK_MS: snprintf(buf, sizeof(buf), "%u", *(const unsigned *)(const void *)field); break;
    case CK_MODE: snprintf(buf, sizeof(buf), "%04o", *(const unsigned *)(const void *)field); break;
    case CK_BOOL: s = *(const int *)(const void *)field ? "yes" : "no"; break;
    case CK_PM: {
        static const char *const pm[] = {"static", "dynamic", "ondemand"};
        s = pm[*(const enum conf_pm *)(const void *)field];
        break;
    }
    case CK_BUILD: {
        enum conf_build b = *(const enum conf_build *)(const void *)field;
        if (b == BUILD_BY_EXTENSION) {
            fprintf(out, ";%s =   (unset: .ts, .tsx, .mts and .mjs scripts are built)\n", d->name);
            return;
        }
        s = b == BUILD_AUTO ? "auto" : "off";
        break;
    }
    case CK_LEVEL: s = level_name(*(const int *)(const void *)field); break;
    case CK_HEADER: {
        const char *h = *(char *const *)(const void *)field;
        s = h ? h : "cf-connecting-ip";
        break;
    }
    case CK_LOG_FORMAT: s = *(const int *)(const void *)field ? "json" : "text"; break;
    }
    put(out, d->name, s);
}

/* kv.NAME = sqlite:DIR: DIR as read back from anywhere */
static void put_kv_location(FILE *out, const char *key, const struct conf_pool *p, const char *loc)
{
    if (strncmp(loc, "redis://", 8) == 0 || strncmp(loc, "unix:", 5) == 0) {
        put(out, key, loc);
        return;
    }
    const char *dir = strncmp(loc, "sqlite:", 7) == 0 ? loc + 7 : loc;
    char joined[PATH_MAX], cwd[PATH_MAX], buf[2 * PATH_MAX + 16];
    const char *slash = strrchr(p->file, '/');
    if (dir[0] != '/' && slash != NULL) {
        snprintf(joined, sizeof(joined), "%.*s/%s", (int)(slash - p->file), p->file, dir);
        dir = joined;
    }
    if (dir[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL) {
        snprintf(buf, sizeof(buf), "sqlite:%s/%s", cwd, dir);
    } else {
        snprintf(buf, sizeof(buf), "sqlite:%s", dir);
    }
    put(out, key, buf);
}

static void put_bindings(FILE *out, const struct conf_pool *p)
{
    char key[300], buf[64];
    for (size_t i = 0; i < p->nbindings; i++) {
        const struct conf_binding *b = &p->conf_bindings[i];
        switch (b->type) {
        case FCW_BINDING_KV:
        case FCW_BINDING_D1: {
            const char *fam = b->type == FCW_BINDING_KV ? "kv" : "d1";
            snprintf(key, sizeof(key), "%s.%s", fam, b->name);
            if (b->type == FCW_BINDING_KV) {
                put_kv_location(out, key, p, b->location);
                snprintf(key, sizeof(key), "kv.%s.namespace", b->name);
                put(out, key, b->namespace ? b->namespace : b->name);
            } else {
                put_path(out, key, b->path);
            }
            snprintf(key, sizeof(key), "%s.%s.timeout", fam, b->name);
            snprintf(buf, sizeof(buf), "%ums", b->timeout_ms);
            put(out, key, buf);
            break;
        }
        case FCW_BINDING_SERVICE:
        case FCW_BINDING_JSON:
            snprintf(key, sizeof(key), "%s.%s", b->type == FCW_BINDING_SERVICE ? "service" : "json", b->name);
            put(out, key, b->location);
            break;
        case FCW_BINDING_ASSETS:
            put_path(out, "assets.directory", b->path);
            put(out, "assets.binding", b->name[0] != '\0' ? b->name : NULL);
            put(out, "assets.html_handling", b->html_handling ? b->html_handling : "auto-trailing-slash");
            put(out, "assets.not_found_handling", b->not_found_handling ? b->not_found_handling : "none");
            break;
        }
    }
}

static void put_crons(FILE *out, const struct conf_pool *p)
{
    if (p->ncrons == 0) {
        put(out, "triggers.crons", NULL);
        return;
    }
    fprintf(out, "triggers.crons = ");
    for (size_t i = 0; i < p->ncrons; i++) {
        fprintf(out, "%s%s", i ? ", " : "", p->crons[i]);
    }
    fprintf(out, "\n");
}

int conf_print(FILE *out, const struct conf *c)
{
    fprintf(out,
            "; the effective configuration of %s (fcworker -tt): every key with its value,\n"
            "; defaults included; a key written as a comment is unset\n\n[global]\n",
            c->file);
    for (const struct conf_directive *d = conf_global_directives; d->name; d++) {
        put_directive(out, d, &c->global);
    }
    for (const struct conf_pool *p = c->pools; p; p = p->next) {
        fprintf(out, "\n[pool:%s]\n", p->name);
        for (const struct conf_directive *d = conf_pool_directives; d->name; d++) {
            put_directive(out, d, p);
        }
        put_crons(out, p);
        put_bindings(out, p);
        if (p->nvars == 0) {
            continue;
        }
        fprintf(out, "\n[pool:%s.vars]\n", p->name);
        for (size_t i = 0; i < p->nvars; i++) {
            int later = 0; /* a Wrangler file's variable that the file overrides */
            for (size_t j = i + 1; j < p->nvars && !later; j++) {
                later = strcmp(p->vars[2 * i], p->vars[2 * j]) == 0;
            }
            if (!later) {
                put(out, p->vars[2 * i], p->vars[2 * i + 1]);
            }
        }
    }
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
