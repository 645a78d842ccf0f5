/* SPDX-License-Identifier: MIT */
/*
 * Reading fcworker.ini. Each directive is a row of a table: its name, a
 * typed setter and where the value goes. A setter returns NULL or an error
 * message; the inih handler prefixes "file:line: key:". Unknown keys and
 * sections are errors. A second pass checks what only makes sense whole
 * (a pool needs listen and script or root; spare-server counts fit
 * max_children) and fills in defaults that depend on other values.
 */
#include "config.h"

#include "conf.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <glob.h>
#include <sys/stat.h>

#include "bindings.h"
#include "conf_table.h"
#include "wrangler.h"
#include "log.h"

typedef const char *(*conf_set_cb)(const char *value, void *field);

static const char *set_string(const char *value, void *field)
{
    char **p = field;
    char *copy = strdup(value);
    if (copy == NULL) {
        return "out of memory";
    }
    free(*p);
    *p = copy;
    return NULL;
}

/* A header name for client_ip_header: "" (none) or letters, digits and '-'. */
static const char *set_header_name(const char *value, void *field)
{
    if (strlen(value) > 63 || value[strspn(value, "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")]) {
        return "expected a header name of letters, digits and '-' (at most 63), or nothing";
    }
    return set_string(value, field);
}

/* log_format: text or json */
static const char *set_log_format(const char *value, void *field)
{
    int *json = field;
    if (strcmp(value, "text") != 0 && strcmp(value, "json") != 0) {
        return "expected text or json";
    }
    *json = strcmp(value, "json") == 0;
    return NULL;
}

static const char *parse_number(const char *value, unsigned long long *out, char **end)
{
    errno = 0;
    if (!isdigit((unsigned char)value[0])) {
        return "expected a non-negative number";
    }
    *out = strtoull(value, end, 10);
    if (errno == ERANGE) {
        return "number out of range";
    }
    return NULL;
}

static const char *set_uint(const char *value, void *field)
{
    unsigned long long n;
    char *end;
    const char *e = parse_number(value, &n, &end);
    if (e != NULL) {
        return e;
    }
    if (*end != '\0') {
        return "expected a whole number";
    }
    if (n > UINT_MAX) {
        return "number out of range";
    }
    *(unsigned *)field = (unsigned)n;
    return NULL;
}

static const char *set_int(const char *value, void *field)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (end == value || *end != '\0' || errno == ERANGE || n < INT_MIN || n > INT_MAX) {
        return "expected a whole number";
    }
    *(int *)field = (int)n;
    return NULL;
}

/* "16m", "512k", "1g", "1024" → bytes */
static const char *set_size(const char *value, void *field)
{
    unsigned long long n;
    char *end;
    const char *e = parse_number(value, &n, &end);
    if (e != NULL) {
        return e;
    }
    unsigned shift = 0;
    switch (tolower((unsigned char)*end)) {
    case '\0': break;
    case 'k':
        shift = 10;
        end++;
        break;
    case 'm':
        shift = 20;
        end++;
        break;
    case 'g':
        shift = 30;
        end++;
        break;
    default: return "expected a size such as 512k, 16m or 1g";
    }
    if (*end != '\0' && !(tolower((unsigned char)*end) == 'b' && end[1] == '\0')) {
        return "expected a size such as 512k, 16m or 1g";
    }
    if (n > (SIZE_MAX >> shift)) {
        return "size out of range";
    }
    *(size_t *)field = (size_t)(n << shift);
    return NULL;
}

/* memory_mb: a number of megabytes */
static const char *set_megabytes(const char *value, void *field)
{
    unsigned n;
    const char *e = set_uint(value, &n);
    if (e != NULL) {
        return e;
    }
    *(size_t *)field = (size_t)n << 20;
    return NULL;
}

/* "30s", "500ms", "2m", "1h", or a plain number of seconds (as PHP-FPM) →
 * milliseconds; for keys ending in _ms a plain number is milliseconds. */
static const char *set_duration(const char *value, void *field, unsigned plain_unit)
{
    unsigned long long n;
    char *end;
    const char *e = parse_number(value, &n, &end);
    if (e != NULL) {
        return e;
    }
    unsigned long long mult;
    if (*end == '\0') {
        mult = plain_unit;
    } else if (strcmp(end, "ms") == 0) {
        mult = 1;
    } else if (strcmp(end, "s") == 0) {
        mult = 1000;
    } else if (strcmp(end, "m") == 0) {
        mult = 60000;
    } else if (strcmp(end, "h") == 0) {
        mult = 3600000;
    } else {
        return "expected a duration such as 500ms, 30s or 2m";
    }
    if (n * mult > UINT_MAX) {
        return "duration out of range";
    }
    *(unsigned *)field = (unsigned)(n * mult);
    return NULL;
}

static const char *set_seconds(const char *value, void *field)
{
    return set_duration(value, field, 1000);
}

static const char *set_ms(const char *value, void *field)
{
    return set_duration(value, field, 1);
}

static const char *set_mode(const char *value, void *field)
{
    char *end;
    errno = 0;
    unsigned long m = strtoul(value, &end, 8);
    if (end == value || *end != '\0' || m > 07777) {
        return "expected an octal mode such as 0660";
    }
    *(unsigned *)field = (unsigned)m;
    return NULL;
}

static const char *set_bool(const char *value, void *field)
{
    static const char *const yes[] = {"yes", "on", "true", "1"};
    static const char *const no[] = {"no", "off", "false", "0"};
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(value, yes[i]) == 0 || strcasecmp(value, no[i]) == 0) {
            *(int *)field = strcasecmp(value, yes[i]) == 0;
            return NULL;
        }
    }
    return "expected yes or no";
}

static const char *set_pm(const char *value, void *field)
{
    static const char *const names[] = {"static", "dynamic", "ondemand"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(value, names[i]) == 0) {
            *(enum conf_pm *)field = (enum conf_pm)i;
            return NULL;
        }
    }
    return "expected static, dynamic or ondemand";
}

static const char *set_build(const char *value, void *field)
{
    if (strcmp(value, "auto") == 0 || strcmp(value, "off") == 0) {
        *(enum conf_build *)field = value[0] == 'a' ? BUILD_AUTO : BUILD_OFF;
        return NULL;
    }
    return "expected auto or off";
}

static const char *set_level(const char *value, void *field)
{
    int level = fcw_log_level_parse(value);
    if (level < 0) {
        return "expected error, warning, notice, info or debug";
    }
    *(int *)field = level;
    return NULL;
}

#define G(name, kind, field)                                                                                           \
    {                                                                                                                  \
        name, kind, offsetof(struct conf_global, field)                                                                \
    }
#define P(name, kind, field)                                                                                           \
    {                                                                                                                  \
        name, kind, offsetof(struct conf_pool, field)                                                                  \
    }

const struct conf_directive conf_global_directives[] = {
    G("error_log", CK_STRING, error_log),
    G("log_format", CK_LOG_FORMAT, log_json),
    G("log_level", CK_LEVEL, log_level),
    G("pid", CK_STRING, pid_file),
    G("process_control_timeout", CK_SECONDS, process_control_timeout_ms),
    {NULL, CK_STRING, 0}};

const struct conf_directive conf_pool_directives[] = {
    P("listen", CK_STRING, listen),
    P("listen.owner", CK_STRING, listen_owner),
    P("listen.group", CK_STRING, listen_group),
    P("listen.mode", CK_MODE, listen_mode),
    P("listen.backlog", CK_INT, listen_backlog),
    P("listen.allowed_clients", CK_STRING, listen_allowed_clients),
    P("user", CK_STRING, user),
    P("group", CK_STRING, group),
    P("script", CK_STRING, script),
    P("build", CK_BUILD, build),
    P("build.cache_dir", CK_STRING, build_cache_dir),
    P("root", CK_STRING, root),
    P("security.limit_extensions", CK_STRING, limit_extensions),
    P("pm", CK_PM, pm),
    P("pm.max_children", CK_UINT, max_children),
    P("pm.start_servers", CK_UINT, start_servers),
    P("pm.min_spare_servers", CK_UINT, min_spare_servers),
    P("pm.max_spare_servers", CK_UINT, max_spare_servers),
    P("pm.process_idle_timeout", CK_SECONDS, process_idle_timeout_ms),
    P("pm.idle_release", CK_SECONDS, idle_release_ms),
    P("pm.max_requests", CK_UINT, max_requests),
    P("pm.status_path", CK_STRING, status_path),
    P("ping.path", CK_STRING, ping_path),
    P("ping.response", CK_STRING, ping_response),
    P("request_terminate_timeout", CK_SECONDS, request_terminate_timeout_ms),
    P("request_read_timeout", CK_SECONDS, request_read_timeout_ms),
    P("request_slowlog_timeout", CK_SECONDS, request_slowlog_timeout_ms),
    P("access.log", CK_STRING, access_log),
    P("client_ip_header", CK_HEADER, client_ip_header),
    P("console", CK_LEVEL, console_level),
    P("limits.cpu_ms", CK_MS, limits.cpu_ms),
    P("limits.wall_ms", CK_MS, limits.wall_ms),
    P("limits.memory_mb", CK_MEGABYTES, limits.memory_bytes),
    P("limits.body_max", CK_SIZE, limits.body_max),
    P("limits.params_max", CK_SIZE, params_max),
    P("limits.subrequests", CK_UINT, limits.subrequests),
    P("limits.response_queue", CK_UINT, limits.response_queue),
    P("fetch.connect_timeout", CK_SECONDS, limits.fetch_connect_timeout_ms),
    P("fetch.timeout", CK_SECONDS, limits.fetch_timeout_ms),
    P("fetch.deny_private", CK_BOOL, limits.fetch_deny_private),
    P("fetch.allow", CK_STRING, limits.fetch_allow),
    P("cache.path", CK_STRING, cache_path),
    P("cache.max_size", CK_SIZE, cache_max_size),
    {NULL, CK_STRING, 0}};

static const conf_set_cb setters[] = {
    [CK_STRING] = set_string,
    [CK_UINT] = set_uint,
    [CK_INT] = set_int,
    [CK_SIZE] = set_size,
    [CK_MEGABYTES] = set_megabytes,
    [CK_SECONDS] = set_seconds,
    [CK_MS] = set_ms,
    [CK_MODE] = set_mode,
    [CK_BOOL] = set_bool,
    [CK_PM] = set_pm,
    [CK_BUILD] = set_build,
    [CK_LEVEL] = set_level,
    [CK_HEADER] = set_header_name,
    [CK_LOG_FORMAT] = set_log_format,
};

#define CONF_MAX_INCLUDE_DEPTH 16

/* A section header (key NULL) or a key read from a file, kept to report
 * a second one with the place of the first. */
struct conf_seen {
    char *section;
    char *key;
    const char *file;
    int line;
};

struct parse_state {
    struct conf *conf;
    const char *file; /* the file being read (kept in conf->files) */
    int line;
    int line_too_long;
    int section_line;
    FILE *f;
    char *err;
    size_t errlen;
    int failed;
    int wrangler;                              /* applying a Wrangler file's keys, which may override */
    char *reading[CONF_MAX_INCLUDE_DEPTH + 1]; /* real paths of the files being read, outermost first */
    int depth;
    struct conf_seen *seen;
    size_t nseen;
};

static void pool_defaults(struct conf_pool *p)
{
    p->listen_mode = 0660;
    p->listen_backlog = 511;
    p->pm = PM_STATIC;
    p->max_children = 5;
    p->process_idle_timeout_ms = 10000;
    p->idle_release_ms = 1000;
    p->max_requests = 0;
    p->request_read_timeout_ms = 10000;
    p->limits.cpu_ms = 1000;
    p->limits.wall_ms = 30000;
    p->limits.memory_bytes = (size_t)128 << 20;
    p->cache_max_size = (size_t)64 << 20;
    p->access_log_fd = -1;
    p->console_level = FCW_LOG_DEBUG;
    /* like workerd's default outbound: public addresses only */
    p->limits.fetch_deny_private = 1;
    p->limits.body_max = (size_t)16 << 20;
    p->params_max = (size_t)64 << 10;
    p->limits.subrequests = 50;
    p->limits.response_queue = 16;
    p->limits.fetch_connect_timeout_ms = 10000;
}

static struct conf_pool *find_pool(struct conf *c, const char *name, size_t len)
{
    for (struct conf_pool *p = c->pools; p; p = p->next) {
        if (strlen(p->name) == len && strncmp(p->name, name, len) == 0) {
            return p;
        }
    }
    return NULL;
}

static struct conf_pool *add_pool(struct parse_state *st, const char *name, size_t len)
{
    struct conf_pool *p = calloc(1, sizeof(*p));
    if (p == NULL || (p->name = strndup(name, len)) == NULL) {
        free(p);
        return NULL;
    }
    pool_defaults(p);
    p->file = st->file;
    p->line = st->section_line;
    struct conf_pool **tail = &st->conf->pools;
    while (*tail) {
        tail = &(*tail)->next;
    }
    *tail = p;
    st->conf->npools++;
    return p;
}

static int fail(struct parse_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct parse_state *st, const char *fmt, ...)
{
    if (!st->failed) {
        int n = snprintf(st->err, st->errlen, "%s:%d: ", st->file, st->line);
        va_list ap;
        va_start(ap, fmt);
        if (n >= 0 && (size_t)n < st->errlen) {
            vsnprintf(st->err + n, st->errlen - (size_t)n, fmt, ap);
        }
        va_end(ap);
        st->failed = 1;
    }
    return 0;
}

static int apply(struct parse_state *st, const struct conf_directive *table, void *base, const char *section,
                 const char *name, const char *value)
{
    for (const struct conf_directive *d = table; d->name; d++) {
        if (strcmp(d->name, name) == 0) {
            const char *e = setters[d->kind](value, (char *)base + d->offset);
            return e ? fail(st, "%s: %s (got \"%s\")", name, e, value) : 1;
        }
    }
    return fail(st, "unknown key \"%s\" in [%s]", name, section);
}

static int add_var(struct conf_pool *p, const char *name, const char *value)
{
    char **v = realloc(p->vars, (p->nvars + 1) * 2 * sizeof(char *));
    if (v == NULL) {
        return -1;
    }
    p->vars = v;
    v[2 * p->nvars] = strdup(name);
    v[2 * p->nvars + 1] = strdup(value);
    p->nvars++;
    return v[2 * p->nvars - 2] && v[2 * p->nvars - 1] ? 0 : -1;
}

static int on_entry(void *user, const char *section, const char *name, const char *value);

struct wrangler_target {
    struct parse_state *st;
    struct conf_pool *p;
    const char *section;
};

/* A key of the pool's Wrangler file, applied as if written at its line. */
static int wrangler_key(void *data, int vars, const char *key, const char *value)
{
    struct wrangler_target *t = data;
    if (vars) {
        if (add_var(t->p, key, value) < 0) {
            fail(t->st, "out of memory");
        }
    } else {
        on_entry(t->st, t->section, key, value);
    }
    return t->st->failed ? -1 : 0;
}

static int read_wrangler(struct parse_state *st, struct conf_pool *p, const char *section, const char *value)
{
    char path[4096], why[1200];
    const char *slash = strrchr(st->file, '/');
    if (value[0] == '/' || slash == NULL) {
        snprintf(path, sizeof(path), "%s", value);
    } else {
        snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - st->file), st->file, value);
    }
    struct wrangler_target t = {st, p, section};
    if (value[0] == '\0') {
        return fail(st, "wrangler: expected the path of a wrangler.toml, wrangler.json or wrangler.jsonc");
    }
    char data[4096];
    if (p->wrangler_data != NULL) {
        if (p->wrangler_data[0] == '/' || slash == NULL) {
            snprintf(data, sizeof(data), "%s", p->wrangler_data);
        } else {
            snprintf(data, sizeof(data), "%.*s/%s", (int)(slash - st->file), st->file, p->wrangler_data);
        }
    }
    p->wrangler_read = 1;
    st->wrangler = 1;
    int rc = wrangler_apply(path, p->wrangler_data ? data : NULL, wrangler_key, &t, why, sizeof(why));
    st->wrangler = 0;
    if (rc < 0 && !st->failed) {
        return fail(st, "wrangler: %s", why);
    }
    if (st->failed) {
        size_t n = strlen(st->err);
        snprintf(st->err + n, st->errlen - n, " (from %s)", path);
        return 0;
    }
    return 1;
}

static int add_seen(struct parse_state *st, const char *section, const char *key)
{
    struct conf_seen *v = realloc(st->seen, (st->nseen + 1) * sizeof(*v));
    if (v == NULL) {
        return fail(st, "out of memory");
    }
    st->seen = v;
    v += st->nseen;
    v->section = strdup(section);
    v->key = key ? strdup(key) : NULL;
    v->file = st->file;
    v->line = st->line;
    if (v->section == NULL || (key && v->key == NULL)) {
        free(v->section);
        free(v->key);
        return fail(st, "out of memory");
    }
    st->nseen++;
    return 1;
}

static const struct conf_seen *find_seen(const struct parse_state *st, const char *section, const char *key)
{
    for (size_t i = 0; i < st->nseen; i++) {
        const struct conf_seen *v = &st->seen[i];
        if (strcmp(v->section, section) == 0 && (key ? v->key && strcmp(v->key, key) == 0 : v->key == NULL)) {
            return v;
        }
    }
    return NULL;
}

/* A key written in a file may be written once per section (a Wrangler
 * file's keys are not counted: later lines override them). */
static int note_key(struct parse_state *st, const char *section, const char *name)
{
    if (st->wrangler) {
        return 1;
    }
    const struct conf_seen *v = find_seen(st, section, name);
    if (v != NULL) {
        return fail(st, "\"%s\" is set twice in [%s]: first at %s:%d", name, section, v->file, v->line);
    }
    return add_seen(st, section, name);
}

static int include(struct parse_state *st, const char *pattern);

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
    struct parse_state *st = user;
    if (st->failed) {
        return 0;
    }
    if (st->line_too_long) {
        return fail(st, "line too long");
    }
    if (strcmp(name, "include") == 0 && (section[0] == '\0' || strcmp(section, "global") == 0)) {
        return include(st, value);
    }
    if (section[0] == '\0') {
        return fail(st, "\"%s\" is outside a section: expected [global] or [pool:NAME] above it", name);
    }
    if (!note_key(st, section, name)) {
        return 0;
    }
    if (strcmp(section, "global") == 0) {
        return apply(st, conf_global_directives, &st->conf->global, section, name, value);
    }
    if (strncmp(section, "pool:", 5) == 0 && section[5] != '\0') {
        const char *pname = section + 5;
        const char *dot = strchr(pname, '.');
        size_t len = dot ? (size_t)(dot - pname) : strlen(pname);
        if (dot && strcmp(dot, ".vars") != 0) {
            return fail(st, "unknown section [%s]: expected [pool:NAME] or [pool:NAME.vars]", section);
        }
        struct conf_pool *p = find_pool(st->conf, pname, len);
        if (p == NULL && (p = add_pool(st, pname, len)) == NULL) {
            return fail(st, "out of memory");
        }
        if (dot) {
            return add_var(p, name, value) < 0 ? fail(st, "out of memory") : 1;
        }
        if (!p->declared && !st->wrangler) {
            /* made by its .vars section: the pool is where [pool:NAME] is */
            p->declared = 1;
            p->file = st->file;
            p->line = st->section_line;
        }
        if (strcmp(name, "wrangler") == 0) {
            return read_wrangler(st, p, section, value);
        }
        if (strcmp(name, "wrangler.data") == 0) {
            if (p->wrangler_read) {
                return fail(st, "wrangler.data must come before the wrangler line it applies to");
            }
            if (value[0] == '\0') {
                return fail(st, "wrangler.data: expected a folder");
            }
            free(p->wrangler_data);
            return (p->wrangler_data = strdup(value)) ? 1 : fail(st, "out of memory");
        }
        if (cron_conf_is_key(name)) {
            const char *e = cron_conf_set(p, value, st->line);
            return e ? fail(st, "%s: %s (got \"%s\")", name, e, value) : 1;
        }
        if (bindings_is_key(name)) {
            const char *e = bindings_set(p, name, value, st->line);
            return e ? fail(st, "%s: %s (got \"%s\")", name, e, value) : 1;
        }
        return apply(st, conf_pool_directives, p, section, name, value);
    }
    return fail(st, "unknown section [%s]: expected [global] or [pool:NAME]", section);
}

/* A [section] line: a section may appear once in the whole configuration. */
static int note_section(struct parse_state *st, const char *line)
{
    st->section_line = st->line;
    const char *end = strchr(line, ']');
    if (end == NULL) {
        return 1; /* inih reports it */
    }
    char name[256];
    snprintf(name, sizeof(name), "%.*s", (int)(end - line - 1), line + 1);
    const struct conf_seen *v = find_seen(st, name, NULL);
    if (v != NULL) {
        return fail(st, "[%s] is defined twice: first at %s:%d", name, v->file, v->line);
    }
    return add_seen(st, name, NULL);
}

/* Reads one whole line for inih, so that line numbers stay right. Leading
 * blanks are dropped: an indented key is a key (inih would take it for
 * the continuation of the value above, which fcworker does not have). */
static char *read_line(char *str, int num, void *stream)
{
    struct parse_state *st = stream;
    if (st->failed || fgets(str, num, st->f) == NULL) {
        return NULL;
    }
    st->line++;
    st->line_too_long = 0;
    size_t n = strlen(str);
    if (n == (size_t)num - 1 && str[n - 1] != '\n') {
        int c;
        while ((c = fgetc(st->f)) != EOF && c != '\n') {
        }
        st->line_too_long = 1;
    }
    size_t lead = strspn(str, " \t");
    if (lead > 0) {
        memmove(str, str + lead, n - lead + 1);
    }
    if (str[0] == '[' && !note_section(st, str)) {
        return NULL;
    }
    return str;
}

static char *keep_file(struct conf *c, const char *path)
{
    char **files = realloc(c->files, (c->nfiles + 1) * sizeof(*files));
    if (files == NULL) {
        return NULL;
    }
    c->files = files;
    if ((files[c->nfiles] = strdup(path)) == NULL) {
        return NULL;
    }
    return files[c->nfiles++];
}

static int top_error(struct parse_state *st, const char *path, const char *why)
{
    snprintf(st->err, st->errlen, "%s: %s", path, why);
    st->failed = 1;
    return 0;
}

/* Reads path (the main file, or one an include names) with inih. */
static int read_file(struct parse_state *st, const char *path)
{
    FILE *f = fopen(path, "r");
    struct stat sb;
    if (f == NULL || fstat(fileno(f), &sb) < 0 || !S_ISREG(sb.st_mode)) {
        char why[300];
        snprintf(why, sizeof(why), "cannot open: %s", f == NULL ? strerror(errno) : "not a file");
        if (f != NULL) {
            fclose(f);
        }
        return st->depth == 0 ? top_error(st, path, why) : fail(st, "include: %s: %s", path, why);
    }
    char *real = realpath(path, NULL);
    const char *kept = keep_file(st->conf, path);
    if (real == NULL || kept == NULL) {
        free(real);
        fclose(f);
        return st->depth == 0 ? top_error(st, path, "out of memory") : fail(st, "include: %s: out of memory", path);
    }
    for (int i = 0; i < st->depth; i++) {
        if (strcmp(st->reading[i], real) == 0) {
            free(real);
            fclose(f);
            return fail(st, "include loop: %s is already being read", path);
        }
    }
    if (st->depth == CONF_MAX_INCLUDE_DEPTH) {
        free(real);
        fclose(f);
        return fail(st, "include: %s: includes nested more than %d deep", path, CONF_MAX_INCLUDE_DEPTH);
    }
    struct parse_state saved = *st;
    st->file = kept;
    st->f = f;
    st->line = 0;
    st->line_too_long = 0;
    st->section_line = 0;
    st->reading[st->depth++] = real;
    int rc = ini_parse_stream(read_line, st, on_entry, st);
    if (!st->failed && rc > 0) {
        st->line = rc;
        fail(st, "syntax error: expected [section] or key = value");
    }
    if (!st->failed && (rc < 0 || ferror(f))) {
        top_error(st, path, "cannot read");
    }
    st->depth--;
    free(real);
    fclose(f);
    st->file = saved.file;
    st->f = saved.f;
    st->line = saved.line;
    st->line_too_long = saved.line_too_long;
    st->section_line = saved.section_line;
    return !st->failed;
}

static char glob_error_path[PATH_MAX];
static int glob_error_errno;

static int glob_error(const char *path, int e)
{
    if (e == ENOENT || e == ENOTDIR) {
        return 0; /* nothing matches there */
    }
    snprintf(glob_error_path, sizeof(glob_error_path), "%s", path);
    glob_error_errno = e;
    return 1;
}

/* include = PATTERN: the files it matches, in sorted order, read as if
 * written here (a relative pattern is taken from this file's folder). A
 * pattern matching nothing is fine; a plain path must exist. */
static int include(struct parse_state *st, const char *pattern)
{
    char path[PATH_MAX];
    const char *slash = strrchr(st->file, '/');
    int n;
    if (pattern[0] == '\0') {
        return fail(st, "include: expected a file or a pattern such as pool.d/*.ini");
    }
    if (pattern[0] == '/' || slash == NULL) {
        n = snprintf(path, sizeof(path), "%s", pattern);
    } else {
        n = snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - st->file), st->file, pattern);
    }
    if (n < 0 || (size_t)n >= sizeof(path)) {
        return fail(st, "include: path too long");
    }
    if (strpbrk(pattern, "*?[") == NULL) {
        return read_file(st, path);
    }
    glob_t g;
    glob_error_errno = 0;
    int rc = glob(path, 0, glob_error, &g);
    if (rc == GLOB_NOMATCH) {
        globfree(&g);
        return 1;
    }
    if (rc != 0) {
        char why[PATH_MAX + 100];
        snprintf(why, sizeof(why), "%s: %s", glob_error_errno ? glob_error_path : path,
                 glob_error_errno ? strerror(glob_error_errno) : "cannot be read");
        globfree(&g);
        return fail(st, "include: %s", why);
    }
    for (size_t i = 0; i < g.gl_pathc && read_file(st, g.gl_pathv[i]); i++) {
    }
    globfree(&g);
    return !st->failed;
}

/* A relative script or root is taken from the configuration file's folder. */
static int resolve_path(const struct conf_pool *p, char **path)
{
    if (*path == NULL || (*path)[0] == '/') {
        return 0;
    }
    const char *slash = strrchr(p->file, '/');
    if (slash == NULL) {
        return 0;
    }
    size_t dlen = (size_t)(slash - p->file);
    size_t len = dlen + 1 + strlen(*path) + 1;
    char *full = malloc(len);
    if (full == NULL) {
        return -1;
    }
    snprintf(full, len, "%.*s/%s", (int)dlen, p->file, *path);
    free(*path);
    *path = full;
    return 0;
}

static int check_pool(struct conf *c, struct conf_pool *p, char *err, size_t errlen)
{
#define POOL_ERR(...)                                                                                                  \
    do {                                                                                                               \
        int n_ = snprintf(err, errlen, "%s:%d: [pool:%s]: ", p->file, p->line, p->name);                               \
        if (n_ >= 0 && (size_t)n_ < errlen) {                                                                          \
            snprintf(err + n_, errlen - (size_t)n_, __VA_ARGS__);                                                      \
        }                                                                                                              \
        return -1;                                                                                                     \
    } while (0)
    if (p->listen == NULL) {
        POOL_ERR("no listen address (listen = /path/to.sock or 127.0.0.1:9000)");
    }
    if ((p->script == NULL) == (p->root == NULL)) {
        POOL_ERR("set exactly one of script = FILE or root = DIR");
    }
    if (p->build == BUILD_AUTO && p->script == NULL) {
        POOL_ERR("build = auto needs script = FILE");
    }
    if (p->ncrons > 0 && p->script == NULL) {
        POOL_ERR("triggers.crons needs script = FILE (a root = DIR pool has no one script to call)");
    }
    if (p->max_children == 0) {
        POOL_ERR("pm.max_children must be at least 1");
    }
    if (resolve_path(p, &p->script) < 0 || resolve_path(p, &p->root) < 0 || resolve_path(p, &p->build_cache_dir) < 0 ||
        resolve_path(p, &p->cache_path) < 0) {
        POOL_ERR("out of memory");
    }
    if (p->cache_max_size < ((size_t)64 << 10)) {
        POOL_ERR("cache.max_size must be at least 64k");
    }
    if (p->params_max < 1024) {
        POOL_ERR("limits.params_max must be at least 1k");
    }
    if (p->pm == PM_DYNAMIC) {
        if (p->min_spare_servers == 0) {
            p->min_spare_servers = 1;
        }
        if (p->max_spare_servers == 0) {
            p->max_spare_servers = p->max_children;
        }
        if (p->start_servers == 0) {
            p->start_servers = p->min_spare_servers + (p->max_spare_servers - p->min_spare_servers) / 2;
        }
        if (p->min_spare_servers > p->max_spare_servers) {
            POOL_ERR("pm.min_spare_servers (%u) is above pm.max_spare_servers (%u)", p->min_spare_servers,
                     p->max_spare_servers);
        }
        if (p->max_spare_servers > p->max_children) {
            POOL_ERR("pm.max_spare_servers (%u) is above pm.max_children (%u)", p->max_spare_servers, p->max_children);
        }
        if (p->start_servers < p->min_spare_servers || p->start_servers > p->max_spare_servers) {
            POOL_ERR("pm.start_servers (%u) must lie between pm.min_spare_servers and pm.max_spare_servers",
                     p->start_servers);
        }
    }
    if (p->limit_extensions == NULL && (p->limit_extensions = strdup(".sjs")) == NULL) {
        POOL_ERR("out of memory");
    }
    if (p->request_terminate_timeout_ms == 0 && p->limits.wall_ms > 0) {
        p->request_terminate_timeout_ms = p->limits.wall_ms + 5000;
    }
    if (p->ping_response == NULL && (p->ping_response = strdup("pong")) == NULL) {
        POOL_ERR("out of memory");
    }
    char why[400];
    if (fcw_fetch_guard_check(p->limits.fetch_allow, why, sizeof(why)) < 0) {
        POOL_ERR("fetch.allow: %s", why);
    }
    for (struct conf_pool *q = c->pools; q != p; q = q->next) {
        if (strcmp(q->listen, p->listen) == 0) {
            POOL_ERR("listen %s is already used by pool %s", p->listen, q->name);
        }
    }
    return bindings_check(c, p, err, errlen);
#undef POOL_ERR
}

static struct conf *conf_new(const char *file)
{
    struct conf *c = calloc(1, sizeof(*c));
    if (c == NULL || (c->file = strdup(file)) == NULL) {
        free(c);
        return NULL;
    }
    c->global.log_level = FCW_LOG_NOTICE;
    c->global.process_control_timeout_ms = 10000;
    return c;
}

struct conf *conf_load(const char *file, char *err, size_t errlen)
{
    struct conf *c = conf_new(file);
    if (c == NULL) {
        snprintf(err, errlen, "%s: out of memory", file);
        return NULL;
    }
    struct parse_state st = {.conf = c, .file = c->file, .err = err, .errlen = errlen};
    read_file(&st, file);
    for (size_t i = 0; i < st.nseen; i++) {
        free(st.seen[i].section);
        free(st.seen[i].key);
    }
    free(st.seen);
    if (!st.failed && c->npools == 0) {
        snprintf(err, errlen, "%s: no [pool:NAME] section", file);
        st.failed = 1;
    }
    for (struct conf_pool *p = c->pools; !st.failed && p; p = p->next) {
        if (check_pool(c, p, err, errlen) < 0) {
            st.failed = 1;
        }
    }
    if (st.failed) {
        conf_free(c);
        return NULL;
    }
    return c;
}

struct conf *conf_for_script(const char *script, char *err, size_t errlen)
{
    struct conf *c = conf_new(script);
    struct conf_pool *p = c ? calloc(1, sizeof(*p)) : NULL;
    if (p == NULL || (p->name = strdup("cgi")) == NULL || (p->script = strdup(script)) == NULL) {
        snprintf(err, errlen, "out of memory");
        if (p) {
            free(p->name);
            free(p);
        }
        conf_free(c);
        return NULL;
    }
    pool_defaults(p);
    p->file = c->file;
    c->pools = p;
    c->npools = 1;
    return c;
}

void conf_free(struct conf *c)
{
    if (c == NULL) {
        return;
    }
    struct conf_pool *p = c->pools;
    while (p) {
        struct conf_pool *next = p->next;
        if (p->access_log_fd >= 0) {
            close(p->access_log_fd);
        }
        char **strings[] = {&p->name,
                            &p->listen,
                            &p->listen_owner,
                            &p->listen_group,
                            &p->listen_allowed_clients,
                            &p->user,
                            &p->group,
                            &p->script,
                            &p->root,
                            &p->limit_extensions,
                            &p->access_log,
                            &p->status_path,
                            &p->ping_path,
                            &p->ping_response,
                            &p->build_cache_dir,
                            &p->limits.fetch_allow,
                            &p->script_text,
                            &p->script_loaded,
                            &p->cache_path,
                            &p->wrangler_data,
                            &p->client_ip_header};
        for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
            free(*strings[i]);
        }
        free(p->script_image);
        for (size_t i = 0; i < 2 * p->nvars; i++) {
            free(p->vars[i]);
        }
        free(p->vars);
        bindings_free(p);
        cron_conf_free(p);
        free(p);
        p = next;
    }
    free(c->global.error_log);
    free(c->global.pid_file);
    for (size_t i = 0; i < c->nfiles; i++) {
        free(c->files[i]);
    }
    free(c->files);
    free(c->file);
    free(c);
}
