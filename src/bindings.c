/* SPDX-License-Identifier: MIT */
/*
 * Storage bindings of a pool, in its [pool:NAME] section:
 *
 *   kv.NAME = sqlite:/var/lib/fcworker/kv   a KV namespace in the SQLite
 *                                           file DIR/NAMESPACE.sqlite3
 *   kv.NAME = /var/lib/fcworker/kv          the same (a path means SQLite)
 *   kv.NAME = redis://host[:port][/db]      a KV namespace on Redis/Valkey,
 *   kv.NAME = unix:/run/redis.sock[?db=N]   under the keys "fcw:kv:NAMESPACE:"
 *   kv.NAME.namespace = ID                  the namespace (default: NAME);
 *                                           pools naming the same place and
 *                                           namespace share the data
 *   kv.NAME.timeout = 5s                    SQLite busy timeout, Redis
 *                                           connect/command timeout
 *   d1.NAME = /var/lib/fcworker/app.sqlite3 a D1 database (a SQLite file)
 *   d1.NAME.timeout = 5s
 *   d1.NAME.migrations = /srv/app/migrations  the folder of NNNN_name.sql
 *                                        files `fcworker --d1-migrations`
 *                                        applies (see migrations.c)
 *   d1.NAME.migrations_table = d1_migrations  where applied ones are noted
 *   service.NAME = POOL                  env.NAME.fetch(request) as a FastCGI
 *                                        request to another pool of this file
 *   service.NAME = fcgi://host:port      ... to a pool on another host
 *   service.NAME = fcgi:/run/app.sock    ... over a unix socket
 *   service.NAME = http://host:port/     ... or plain HTTP through fetch()
 *   json.NAME = {"a": [1, 2]}            env.NAME is the parsed JSON value
 *   assets.directory = /srv/app/public   static assets, served ahead of
 *                                        the worker (GET and HEAD)
 *   assets.binding = ASSETS              also env.ASSETS.fetch(request)
 *   assets.html_handling = auto-trailing-slash | force-trailing-slash |
 *                          drop-trailing-slash | none
 *   assets.not_found_handling = none | single-page-application | 404-page
 *
 * NAME is what the script sees: env.NAME (module syntax) or the global NAME
 * (service-worker syntax). Relative paths are taken from the configuration
 * file's folder. The master makes missing folders (for the pool's user
 * when it runs as root); -t and startup check them as the pool's user.
 */
#include "config.h"

#include "bindings.h"

#include "cfgtree.h"
#include "conf.h"
#include "users.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BINDING_DEFAULT_TIMEOUT_MS 5000

int bindings_is_key(const char *key)
{
    return strncmp(key, "kv.", 3) == 0 || strncmp(key, "d1.", 3) == 0 || strncmp(key, "assets.", 7) == 0 ||
           strncmp(key, "service.", 8) == 0 || strncmp(key, "json.", 5) == 0;
}

static int valid_identifier(const char *s, size_t len)
{
    if (len == 0 || isdigit((unsigned char)s[0])) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '$') {
            return 0;
        }
    }
    return 1;
}

static struct conf_binding *find_or_add(struct conf_pool *p, enum fcw_binding_type type, const char *name, size_t len,
                                        int line)
{
    for (size_t i = 0; i < p->nbindings; i++) {
        struct conf_binding *b = &p->conf_bindings[i];
        if (type == FCW_BINDING_ASSETS || b->type == FCW_BINDING_ASSETS) {
            if (type == b->type) {
                return b;
            }
            continue;
        }
        if (strlen(b->name) == len && strncmp(b->name, name, len) == 0) {
            return b->type == type ? b : NULL;
        }
    }
    struct conf_binding *bs = realloc(p->conf_bindings, (p->nbindings + 1) * sizeof(*bs));
    if (bs == NULL) {
        return NULL;
    }
    p->conf_bindings = bs;
    struct conf_binding *b = &bs[p->nbindings];
    memset(b, 0, sizeof(*b));
    if ((b->name = strndup(name, len)) == NULL) {
        return NULL;
    }
    b->type = type;
    b->line = line;
    b->timeout_ms = BINDING_DEFAULT_TIMEOUT_MS;
    p->nbindings++;
    return b;
}

static const char *set_text(char **field, const char *value)
{
    char *copy = strdup(value);
    if (copy == NULL) {
        return "out of memory";
    }
    free(*field);
    *field = copy;
    return NULL;
}

/* "500ms", "5s", or a number of milliseconds */
static const char *set_timeout(unsigned *field, const char *value)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)value[0])) {
        return "expected a duration such as 500ms or 5s";
    }
    unsigned long long n = strtoull(value, &end, 10);
    unsigned long long mult = strcmp(end, "s") == 0 ? 1000 : (*end == '\0' || strcmp(end, "ms") == 0) ? 1 : 0;
    if (mult == 0) {
        return "expected a duration such as 500ms or 5s";
    }
    if (errno == ERANGE || n * mult > INT_MAX || n == 0) {
        return "expected a duration between 1ms and 24 days";
    }
    *field = (unsigned)(n * mult);
    return NULL;
}

static const char *set_choice(char **field, const char *value, const char *const *choices, const char *what)
{
    for (size_t i = 0; choices[i] != NULL; i++) {
        if (strcmp(value, choices[i]) == 0) {
            return set_text(field, value);
        }
    }
    return what;
}

static const char *assets_set(struct conf_pool *p, const char *key, const char *value, int line)
{
    static const char *const html[] = {"auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none",
                                       NULL};
    static const char *const not_found[] = {"none", "single-page-application", "404-page", NULL};
    struct conf_binding *b = find_or_add(p, FCW_BINDING_ASSETS, "", 0, line);
    if (b == NULL) {
        return "out of memory";
    }
    if (strcmp(key, "directory") == 0) {
        if (value[0] == '\0') {
            return "expected the folder of the static assets";
        }
        b->line = line;
        return set_text(&b->location, value);
    }
    if (strcmp(key, "binding") == 0) {
        if (!valid_identifier(value, strlen(value))) {
            return "the binding's name must be a JavaScript identifier (letters, digits, _ and $)";
        }
        return set_text(&b->name, value);
    }
    if (strcmp(key, "html_handling") == 0) {
        return set_choice(&b->html_handling, value, html,
                          "expected auto-trailing-slash, force-trailing-slash, drop-trailing-slash or none");
    }
    if (strcmp(key, "not_found_handling") == 0) {
        return set_choice(&b->not_found_handling, value, not_found,
                          "expected none, single-page-application or 404-page");
    }
    return "unknown key: expected assets.directory, assets.binding, assets.html_handling or "
           "assets.not_found_handling";
}

const char *bindings_set(struct conf_pool *p, const char *key, const char *value, int line)
{
    if (key[0] == 'a') {
        return assets_set(p, key + 7, value, line);
    }
    if (key[0] == 'j') {
        const char *jname = key + 5;
        char why[256];
        if (!valid_identifier(jname, strlen(jname))) {
            return "the variable's name must be a JavaScript identifier (letters, digits, _ and $)";
        }
        size_t wlen = strlen(value) + 8;
        char *wrapped = malloc(wlen);
        if (wrapped == NULL) {
            return "out of memory";
        }
        snprintf(wrapped, wlen, "{\"v\":%s}", value);
        struct cfg_node *parsed = cfg_parse_json(wrapped, why, sizeof(why));
        free(wrapped);
        if (parsed == NULL) {
            return "expected a JSON value";
        }
        cfg_free(parsed);
        struct conf_binding *jb = find_or_add(p, FCW_BINDING_JSON, jname, strlen(jname), line);
        if (jb == NULL) {
            return "a binding of another kind has this name (or out of memory)";
        }
        jb->line = line;
        return set_text(&jb->location, value);
    }
    if (key[0] == 's') {
        const char *sname = key + 8;
        if (!valid_identifier(sname, strlen(sname))) {
            return "the binding's name must be a JavaScript identifier (letters, digits, _ and $)";
        }
        struct conf_binding *sb = find_or_add(p, FCW_BINDING_SERVICE, sname, strlen(sname), line);
        if (sb == NULL) {
            return "a binding of another kind has this name (or out of memory)";
        }
        if (value[0] == '\0') {
            return "expected a pool's name, fcgi://host:port, fcgi:/path/to.sock or an http(s) URL";
        }
        sb->line = line;
        return set_text(&sb->location, value);
    }
    enum fcw_binding_type type = key[0] == 'k' ? FCW_BINDING_KV : FCW_BINDING_D1;
    const char *name = key + 3;
    const char *dot = strchr(name, '.');
    size_t len = dot ? (size_t)(dot - name) : strlen(name);
    if (!valid_identifier(name, len)) {
        return "the binding's name must be a JavaScript identifier (letters, digits, _ and $)";
    }
    struct conf_binding *b = find_or_add(p, type, name, len, line);
    if (b == NULL) {
        return "a KV namespace and a D1 database cannot have the same name (or out of memory)";
    }
    if (dot == NULL) {
        if (value[0] == '\0') {
            return type == FCW_BINDING_KV ? "expected sqlite:DIR, redis://host:port/db or unix:/path"
                                          : "expected the path of a SQLite file";
        }
        b->line = line;
        return set_text(&b->location, value);
    }
    if (strcmp(dot, ".timeout") == 0) {
        return set_timeout(&b->timeout_ms, value);
    }
    if (type == FCW_BINDING_D1 && strcmp(dot, ".migrations") == 0) {
        return value[0] == '\0' ? "expected a folder of .sql files" : set_text(&b->migrations, value);
    }
    if (type == FCW_BINDING_D1 && strcmp(dot, ".migrations_table") == 0) {
        if (value[0] == '\0' || isdigit((unsigned char)value[0]) ||
            strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != strlen(value)) {
            return "expected a table name of letters, digits and '_'";
        }
        return set_text(&b->migrations_table, value);
    }
    if (type == FCW_BINDING_KV && strcmp(dot, ".namespace") == 0) {
        if (value[0] == '\0' || value[0] == '.' ||
            strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                          "0123456789_.-") != strlen(value)) {
            return "expected a namespace of letters, digits, '_', '-' and '.' (not first)";
        }
        return set_text(&b->namespace, value);
    }
    return type == FCW_BINDING_KV ? "unknown key: expected kv.NAME, kv.NAME.namespace or kv.NAME.timeout"
                                  : "unknown key: expected d1.NAME, d1.NAME.timeout, d1.NAME.migrations or "
                                    "d1.NAME.migrations_table";
}

/* path, made absolute from the folder of the file (the pool's) */
static char *absolute(const char *file, const char *path)
{
    if (path[0] == '/') {
        return strdup(path);
    }
    const char *slash = strrchr(file, '/');
    size_t dlen = slash ? (size_t)(slash - file) : 1;
    size_t len = dlen + 1 + strlen(path) + 1;
    char *full = malloc(len);
    if (full != NULL) {
        snprintf(full, len, "%.*s/%s", (int)dlen, slash ? file : ".", path);
    }
    return full;
}

static const char *family(const struct conf_binding *b)
{
    static const char *const names[] = {"kv", "d1", "assets", "service", "json"};
    return names[b->type];
}

/* service.NAME: the target for lib/fcgi_client.c ("unix:/path",
 * "tcp:host:port") or the http(s) base URL, in b->path. */
static int check_service(const struct conf *c, struct conf_pool *p, struct conf_binding *b, char *err, size_t errlen)
{
    const char *loc = b->location;
    const char *addr = NULL;
    char buf[1024];
    if (strncmp(loc, "http://", 7) == 0 || strncmp(loc, "https://", 8) == 0) {
        snprintf(buf, sizeof(buf), "%s", loc);
    } else if (strncmp(loc, "fcgi://", 7) == 0) {
        if (strchr(loc + 7, ':') == NULL || loc[7] == ':' || strchr(loc + 7, '/') != NULL) {
            snprintf(err, errlen, "%s:%d: [pool:%s]: service.%s: expected fcgi://host:port (got \"%s\")", p->file,
                     b->line, p->name, b->name, loc);
            return -1;
        }
        snprintf(buf, sizeof(buf), "tcp:%s", loc + 7);
    } else if (strncmp(loc, "fcgi:", 5) == 0 || strncmp(loc, "unix:", 5) == 0) {
        if (loc[5] != '/') {
            snprintf(err, errlen, "%s:%d: [pool:%s]: service.%s: expected fcgi:/path/to.sock (got \"%s\")", p->file,
                     b->line, p->name, b->name, loc);
            return -1;
        }
        snprintf(buf, sizeof(buf), "unix:%s", loc + 5);
    } else {
        for (const struct conf_pool *q = c->pools; q != NULL; q = q->next) {
            if (strcmp(q->name, loc) == 0) {
                addr = q->listen;
            }
        }
        if (addr == NULL || strcmp(loc, p->name) == 0) {
            snprintf(err, errlen,
                     "%s:%d: [pool:%s]: service.%s: %s \"%s\" (expected another pool's name, fcgi://host:port, "
                     "fcgi:/path/to.sock or an http(s) URL)",
                     p->file, b->line, p->name, b->name, addr ? "a pool cannot bind itself:" : "no pool named", loc);
            return -1;
        }
        if (addr[0] == '/') {
            snprintf(buf, sizeof(buf), "unix:%s", addr);
        } else if (strchr(addr, ':') != NULL) {
            snprintf(buf, sizeof(buf), "tcp:%s", addr);
        } else {
            snprintf(buf, sizeof(buf), "tcp:127.0.0.1:%s", addr);
        }
    }
    if ((b->path = strdup(buf)) == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* The assets.* keys: a folder that exists, a binding name unused by vars
 * and the other bindings. */
static int check_assets(const struct conf *c, struct conf_pool *p, struct conf_binding *b, struct fcw_binding *f,
                        char *err, size_t errlen)
{
    struct stat st;
    if (b->location == NULL) {
        snprintf(err, errlen, "%s:%d: [pool:%s]: assets.* keys without assets.directory", p->file, b->line, p->name);
        return -1;
    }
    if ((b->path = absolute(p->file, b->location)) == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    errno = 0;
    if (stat(b->path, &st) < 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s:%d: [pool:%s]: assets.directory: %s is not a folder%s%s", p->file, b->line, p->name,
                 b->path, errno ? ": " : "", errno ? strerror(errno) : "");
        return -1;
    }
    for (size_t i = 0; b->name[0] != '\0' && i < p->nvars + p->nbindings; i++) {
        const char *other = i < p->nvars ? p->vars[2 * i] : p->conf_bindings[i - p->nvars].name;
        if (other != b->name && strcmp(other, b->name) == 0) {
            snprintf(err, errlen, "%s:%d: [pool:%s]: assets.binding: %s is already the name of a variable or binding",
                     p->file, b->line, p->name, b->name);
            return -1;
        }
    }
    f->type = FCW_BINDING_ASSETS;
    f->name = b->name[0] != '\0' ? b->name : NULL;
    f->path = b->path;
    f->html_handling = b->html_handling;
    f->not_found_handling = b->not_found_handling;
    return 0;
}

int bindings_check(const struct conf *c, struct conf_pool *p, char *err, size_t errlen)
{
#define BINDING_ERR(b, ...)                                                                                            \
    do {                                                                                                               \
        int n_ = snprintf(err, errlen, "%s:%d: [pool:%s]: %s.%s: ", p->file, (b)->line, p->name, family(b),            \
                          (b)->type == FCW_BINDING_ASSETS ? "directory" : (b)->name);                                  \
        if (n_ >= 0 && (size_t)n_ < errlen) {                                                                          \
            snprintf(err + n_, errlen - (size_t)n_, __VA_ARGS__);                                                      \
        }                                                                                                              \
        return -1;                                                                                                     \
    } while (0)
    if (p->nbindings == 0) {
        return 0;
    }
    if ((p->bindings = calloc(p->nbindings, sizeof(*p->bindings))) == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < p->nbindings; i++) {
        struct conf_binding *b = &p->conf_bindings[i];
        struct fcw_binding *f = &p->bindings[i];
        if (b->type == FCW_BINDING_ASSETS) {
            if (check_assets(c, p, b, f, err, errlen) < 0) {
                return -1;
            }
            continue;
        }
        if (b->type == FCW_BINDING_JSON) {
            for (size_t v = 0; v < p->nvars; v++) {
                if (strcmp(p->vars[2 * v], b->name) == 0) {
                    BINDING_ERR(b, "the name is already a variable of [pool:%s.vars]", p->name);
                }
            }
            f->type = FCW_BINDING_JSON;
            f->name = b->name;
            f->url = b->location;
            continue;
        }
        if (b->type == FCW_BINDING_SERVICE) {
            for (size_t v = 0; v < p->nvars; v++) {
                if (strcmp(p->vars[2 * v], b->name) == 0) {
                    BINDING_ERR(b, "the name is already a variable of [pool:%s.vars]", p->name);
                }
            }
            if (check_service(c, p, b, err, errlen) < 0) {
                return -1;
            }
            f->type = FCW_BINDING_SERVICE;
            f->name = b->name;
            f->url = b->path;
            continue;
        }
        if (b->location == NULL) {
            BINDING_ERR(b, "no location: set %s.%s = %s", b->type == FCW_BINDING_KV ? "kv" : "d1", b->name,
                        b->type == FCW_BINDING_KV ? "sqlite:DIR or redis://host:port/db" : "FILE");
        }
        for (size_t v = 0; v < p->nvars; v++) {
            if (strcmp(p->vars[2 * v], b->name) == 0) {
                BINDING_ERR(b, "the name is already a variable of [pool:%s.vars]", p->name);
            }
        }
        f->type = b->type;
        f->name = b->name;
        f->timeout_ms = b->timeout_ms;
        const char *ns = b->namespace ? b->namespace : b->name;
        if (b->type == FCW_BINDING_D1) {
            if ((b->path = absolute(p->file, b->location)) == NULL) {
                BINDING_ERR(b, "out of memory");
            }
            if (b->migrations != NULL && b->migrations[0] != '/') {
                char *full = absolute(p->file, b->migrations);
                if (full == NULL) {
                    BINDING_ERR(b, "out of memory");
                }
                free(b->migrations);
                b->migrations = full;
            }
            f->path = b->path;
            continue;
        }
        const char *loc = b->location;
        if (strncmp(loc, "redis://", 8) == 0 || strncmp(loc, "unix:", 5) == 0) {
            const char *rest = loc[0] == 'r' ? loc + 8 : loc + 5;
            int bad = loc[0] == 'r' ? rest[0] == '\0' || rest[0] == '/' : rest[0] != '/';
            if (bad) {
                BINDING_ERR(b, "expected redis://host[:port][/db] or unix:/path/to.sock (got \"%s\")", loc);
            }
            size_t plen = strlen("fcw:kv:") + strlen(ns) + 2;
            if ((b->prefix = malloc(plen)) == NULL) {
                BINDING_ERR(b, "out of memory");
            }
            snprintf(b->prefix, plen, "fcw:kv:%s:", ns);
            f->backend = FCW_KV_REDIS;
            f->url = loc;
            f->prefix = b->prefix;
            continue;
        }
        if (strncmp(loc, "sqlite:", 7) == 0) {
            loc += 7;
        } else if (strstr(loc, "://") != NULL) {
            BINDING_ERR(b, "unknown backend (got \"%s\"): expected sqlite:DIR, redis://host:port/db or unix:/path",
                        b->location);
        }
        if (loc[0] == '\0') {
            BINDING_ERR(b, "sqlite: needs a folder");
        }
        char *dir = absolute(p->file, loc);
        size_t len = dir ? strlen(dir) + 1 + strlen(ns) + sizeof(".sqlite3") : 0;
        if (dir == NULL || (b->path = malloc(len)) == NULL) {
            free(dir);
            BINDING_ERR(b, "out of memory");
        }
        snprintf(b->path, len, "%s/%s.sqlite3", dir, ns);
        free(dir);
        f->backend = FCW_KV_SQLITE;
        f->path = b->path;
    }
    return 0;
#undef BINDING_ERR
}

/* The folder of path, in out. */
static void dir_of(const char *path, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s", path);
    char *slash = strrchr(out, '/');
    if (slash == out) {
        slash[1] = '\0';
    } else if (slash != NULL) {
        *slash = '\0';
    } else {
        snprintf(out, outlen, ".");
    }
}

/* mkdir -p, giving the folders made to uid:gid when uid is not -1 */
static int make_dirs(const char *dir, uid_t uid, gid_t gid, char *err, size_t errlen)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof(buf), "%s", dir) >= (int)sizeof(buf)) {
        snprintf(err, errlen, "%.300s: path too long", dir);
        return -1;
    }
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0') {
            continue;
        }
        char saved = *p;
        *p = '\0';
        if (mkdir(buf, 0750) == 0) {
            if (uid != (uid_t)-1 && chown(buf, uid, gid) < 0) {
                snprintf(err, errlen, "failed to give %.300s to the pool's user: chown(): %s", buf, strerror(errno));
                return -1;
            }
        } else if (errno != EEXIST) {
            snprintf(err, errlen, "failed to create the folder %.300s: mkdir(): %s", buf, strerror(errno));
            return -1;
        }
        *p = saved;
        if (saved == '\0') {
            break;
        }
    }
    struct stat st;
    if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%.300s is not a folder", dir);
        return -1;
    }
    return 0;
}

int bindings_prepare(const struct conf_pool *p, char *err, size_t errlen)
{
    uid_t uid = (uid_t)-1;
    gid_t gid = (gid_t)-1;
    char why[512];
    if (geteuid() == 0 && p->user != NULL &&
        (users_find_user(p->user, &uid, &gid, why, sizeof(why)) < 0 ||
         (p->group && users_find_group(p->group, &gid, why, sizeof(why)) < 0))) {
        snprintf(err, errlen, "%s:%d: [pool:%s]: %s", p->file, p->line, p->name, why);
        return -1;
    }
    for (size_t i = 0; i < p->nbindings; i++) {
        const struct fcw_binding *b = &p->bindings[i];
        if (b->path == NULL || b->type == FCW_BINDING_ASSETS || b->type == FCW_BINDING_SERVICE) {
            continue;
        }
        char dir[PATH_MAX];
        dir_of(b->path, dir, sizeof(dir));
        if (make_dirs(dir, uid, gid, why, sizeof(why)) < 0) {
            snprintf(err, errlen, "%s:%d: [pool:%s]: %s.%s: %s", p->file, p->conf_bindings[i].line, p->name,
                     b->type == FCW_BINDING_KV ? "kv" : "d1", b->name, why);
            return -1;
        }
    }
    return 0;
}

int bindings_check_access(const struct conf_pool *p, char *err, size_t errlen)
{
    for (size_t i = 0; i < p->nbindings; i++) {
        const struct fcw_binding *b = &p->bindings[i];
        if (b->type == FCW_BINDING_ASSETS) {
            if (access(b->path, R_OK | X_OK) < 0) {
                snprintf(err, errlen, "[pool %s] assets.directory: %s is not readable by the pool's user: %s", p->name,
                         b->path, strerror(errno));
                return -1;
            }
            continue;
        }
        if (b->path == NULL) {
            continue;
        }
        char dir[PATH_MAX];
        dir_of(b->path, dir, sizeof(dir));
        const char *what = NULL;
        if (access(dir, W_OK | X_OK) < 0) {
            what = dir;
        } else if (access(b->path, F_OK) == 0 && access(b->path, R_OK | W_OK) < 0) {
            what = b->path;
        }
        if (what != NULL) {
            snprintf(err, errlen, "[pool %s] %s.%s: %s is not writable by the pool's user: %s", p->name,
                     b->type == FCW_BINDING_KV ? "kv" : "d1", b->name, what, strerror(errno));
            return -1;
        }
    }
    return 0;
}

void bindings_free(struct conf_pool *p)
{
    for (size_t i = 0; i < p->nbindings; i++) {
        struct conf_binding *b = &p->conf_bindings[i];
        free(b->name);
        free(b->location);
        free(b->namespace);
        free(b->path);
        free(b->prefix);
        free(b->html_handling);
        free(b->not_found_handling);
        free(b->migrations);
        free(b->migrations_table);
    }
    free(p->conf_bindings);
    free(p->bindings);
    p->conf_bindings = NULL;
    p->bindings = NULL;
    p->nbindings = 0;
}
