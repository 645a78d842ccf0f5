/* SPDX-License-Identifier: MIT */
/*
 * `wrangler = /srv/app/wrangler.toml` in a pool: the project's Wrangler
 * file (wrangler.toml, wrangler.json or wrangler.jsonc, by extension) read
 * into the pool's own keys, as if they were written in its section at that
 * line (keys written after it override them):
 *
 *   main                    script = DIR/main, build = auto (fcworker-build)
 *   [vars]                  [pool:NAME.vars] for strings; json.NAME = VALUE
 *                           for other values (env.NAME is the parsed value)
 *   kv_namespaces           kv.BINDING = sqlite:DATA/kv,
 *                           kv.BINDING.namespace = id (or BINDING when
 *                           the id is empty)
 *   d1_databases            d1.BINDING = DATA/d1/DATABASE_NAME.sqlite3,
 *                           d1.BINDING.migrations = DIR/migrations_dir
 *                           (default "migrations"),
 *                           d1.BINDING.migrations_table = migrations_table
 *   services                service.BINDING = SERVICE (a pool of this file)
 *   [assets]                assets.directory/binding/html_handling/
 *                           not_found_handling
 *   [triggers] crons        triggers.crons
 *
 * DIR is the Wrangler file's folder; DATA is the pool's wrangler.data
 * folder (given by the host), else DIR/.fcworker. name, compatibility_date,
 * compatibility_flags and the deployment keys (routes, account_id, ...) are
 * accepted and have no effect here; any other key is warned about, not
 * fatal. A syntax error, or a known key of the wrong type, stops startup
 * with the file and line.
 */
#include "config.h"

#include "wrangler.h"

#include "cfgtree.h"
#include "log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WRANGLER_MAX_SIZE (1024 * 1024)

struct wctx {
    const char *file;
    char dir[4096];
    char data_dir[4096];
    wrangler_emit_cb emit;
    void *data;
    char *err;
    size_t errlen;
};

static int bad(struct wctx *w, const struct cfg_node *n, const char *fmt, const char *what)
{
    int k = snprintf(w->err, w->errlen, "%s: line %d: ", w->file, n ? n->line : 1);
    if (k >= 0 && (size_t)k < w->errlen) {
        snprintf(w->err + k, w->errlen - (size_t)k, fmt, what);
    }
    return -1;
}

static int emit(struct wctx *w, int vars, const char *key, const char *value)
{
    return w->emit(w->data, vars, key, value) < 0 ? -1 : 0;
}

static void absolute(struct wctx *w, const char *path, char *out, size_t outlen)
{
    if (path[0] == '/') {
        snprintf(out, outlen, "%s", path);
    } else {
        snprintf(out, outlen, "%s/%s", w->dir, path);
    }
}

/* the string member key of table t (NULL when absent; -1 on a wrong type) */
static int member(struct wctx *w, const struct cfg_node *t, const char *key, const char **out, int required,
                  const char *where)
{
    const struct cfg_node *n = cfg_get(t, key);
    *out = NULL;
    if (n == NULL) {
        if (required) {
            char what[128];
            snprintf(what, sizeof(what), "%s needs \"%s\"", where, key);
            return bad(w, t, "%s", what);
        }
        return 0;
    }
    if (n->type != CFG_STRING) {
        char what[128];
        snprintf(what, sizeof(what), "%s: \"%s\" must be a string", where, key);
        return bad(w, n, "%s", what);
    }
    *out = n->str;
    return 0;
}

static int each_entry(struct wctx *w, const struct cfg_node *list, const char *what,
                      int (*fn)(struct wctx *w, const struct cfg_node *entry))
{
    if (list->type != CFG_ARRAY) {
        return bad(w, list, "%s must be an array of tables", what);
    }
    for (const struct cfg_node *e = list->child; e; e = e->next) {
        if (e->type != CFG_TABLE) {
            return bad(w, e, "%s must be an array of tables", what);
        }
        if (fn(w, e) < 0) {
            return -1;
        }
    }
    return 0;
}

static int kv_entry(struct wctx *w, const struct cfg_node *e)
{
    const char *binding, *id;
    char key[300], value[4200];
    if (member(w, e, "binding", &binding, 1, "kv_namespaces") < 0 || member(w, e, "id", &id, 0, "kv_namespaces") < 0) {
        return -1;
    }
    snprintf(key, sizeof(key), "kv.%s", binding);
    snprintf(value, sizeof(value), "sqlite:%s/kv", w->data_dir);
    if (emit(w, 0, key, value) < 0) {
        return -1;
    }
    snprintf(key, sizeof(key), "kv.%s.namespace", binding);
    /* a project made for `wrangler dev` may leave the id empty */
    return id && id[0] != '\0' ? emit(w, 0, key, id) : 0;
}

static int d1_entry(struct wctx *w, const struct cfg_node *e)
{
    const char *binding, *name, *id, *migrations, *table;
    char key[300], value[4400];
    if (member(w, e, "binding", &binding, 1, "d1_databases") < 0 ||
        member(w, e, "database_name", &name, 0, "d1_databases") < 0 ||
        member(w, e, "database_id", &id, 0, "d1_databases") < 0 ||
        member(w, e, "migrations_dir", &migrations, 0, "d1_databases") < 0 ||
        member(w, e, "migrations_table", &table, 0, "d1_databases") < 0) {
        return -1;
    }
    const char *file = name ? name : id ? id : binding;
    if (strchr(file, '/') != NULL || strcmp(file, "..") == 0 || strcmp(file, ".") == 0) {
        return bad(w, e, "d1_databases: the database name \"%s\" cannot be a file name", file);
    }
    snprintf(key, sizeof(key), "d1.%s", binding);
    snprintf(value, sizeof(value), "%s/d1/%s.sqlite3", w->data_dir, file);
    if (emit(w, 0, key, value) < 0) {
        return -1;
    }
    snprintf(key, sizeof(key), "d1.%s.migrations", binding);
    absolute(w, migrations ? migrations : "migrations", value, sizeof(value));
    if (emit(w, 0, key, value) < 0) {
        return -1;
    }
    snprintf(key, sizeof(key), "d1.%s.migrations_table", binding);
    return table ? emit(w, 0, key, table) : 0;
}

static int service_entry(struct wctx *w, const struct cfg_node *e)
{
    const char *binding, *service;
    char key[300];
    if (member(w, e, "binding", &binding, 1, "services") < 0 || member(w, e, "service", &service, 1, "services") < 0) {
        return -1;
    }
    snprintf(key, sizeof(key), "service.%s", binding);
    return emit(w, 0, key, service);
}

static int apply_vars(struct wctx *w, const struct cfg_node *vars)
{
    if (vars->type != CFG_TABLE) {
        return bad(w, vars, "%s must be a table", "vars");
    }
    for (const struct cfg_node *v = vars->child; v; v = v->next) {
        if (v->type == CFG_STRING) {
            if (emit(w, 1, v->key, v->str) < 0) {
                return -1;
            }
            continue;
        }
        char *json = cfg_to_json(v);
        char key[300];
        snprintf(key, sizeof(key), "json.%s", v->key);
        int rc = json ? emit(w, 0, key, json) : bad(w, v, "%s", "out of memory");
        free(json);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int apply_assets(struct wctx *w, const struct cfg_node *a)
{
    static const char *const keys[] = {"directory", "binding", "html_handling", "not_found_handling"};
    if (a->type != CFG_TABLE) {
        return bad(w, a, "%s must be a table", "assets");
    }
    for (const struct cfg_node *n = a->child; n; n = n->next) {
        size_t i = 0;
        while (i < 4 && strcmp(n->key, keys[i]) != 0) {
            i++;
        }
        if (i == 4) {
            fcw_log(FCW_LOG_WARNING, "%s: line %d: assets.%s is not supported: ignored", w->file, n->line, n->key);
            continue;
        }
        if (n->type != CFG_STRING) {
            return bad(w, n, "assets.%s must be a string", n->key);
        }
        char key[64], path[4400];
        snprintf(key, sizeof(key), "assets.%s", keys[i]);
        if (i == 0) {
            absolute(w, n->str, path, sizeof(path));
        }
        if (emit(w, 0, key, i == 0 ? path : n->str) < 0) {
            return -1;
        }
    }
    return 0;
}

static int apply_triggers(struct wctx *w, const struct cfg_node *t)
{
    const struct cfg_node *crons = cfg_get(t, "crons");
    if (t->type != CFG_TABLE || crons == NULL || crons->type != CFG_ARRAY) {
        return bad(w, t, "%s", "triggers needs crons = [\"...\", ...]");
    }
    char list[4096] = "";
    size_t len = 0;
    for (const struct cfg_node *c = crons->child; c; c = c->next) {
        if (c->type != CFG_STRING || strchr(c->str, ';') != NULL) {
            return bad(w, c, "%s", "triggers.crons: each must be a cron expression in a string");
        }
        int n = snprintf(list + len, sizeof(list) - len, "%s%s", len ? "; " : "", c->str);
        if (n < 0 || (size_t)n >= sizeof(list) - len) {
            return bad(w, c, "%s", "triggers.crons: too long");
        }
        len += (size_t)n;
    }
    return len ? emit(w, 0, "triggers.crons", list) : 0;
}

static int apply(struct wctx *w, const struct cfg_node *root)
{
    static const char *const ignored[] = {"name",
                                          "compatibility_date",
                                          "compatibility_flags",
                                          "account_id",
                                          "workers_dev",
                                          "route",
                                          "routes",
                                          "preview_urls",
                                          "$schema",
                                          "keep_vars",
                                          "minify",
                                          "upload_source_maps",
                                          "observability",
                                          "placement",
                                          "send_metrics",
                                          "logpush",
                                          "dev",
                                          NULL};
    for (const struct cfg_node *n = root->child; n; n = n->next) {
        const char *k = n->key;
        int rc = 0;
        if (strcmp(k, "main") == 0) {
            char path[4400];
            if (n->type != CFG_STRING) {
                return bad(w, n, "%s must be a string", "main");
            }
            absolute(w, n->str, path, sizeof(path));
            rc = emit(w, 0, "script", path) < 0 || emit(w, 0, "build", "auto") < 0 ? -1 : 0;
        } else if (strcmp(k, "vars") == 0) {
            rc = apply_vars(w, n);
        } else if (strcmp(k, "kv_namespaces") == 0) {
            rc = each_entry(w, n, "kv_namespaces", kv_entry);
        } else if (strcmp(k, "d1_databases") == 0) {
            rc = each_entry(w, n, "d1_databases", d1_entry);
        } else if (strcmp(k, "services") == 0) {
            rc = each_entry(w, n, "services", service_entry);
        } else if (strcmp(k, "assets") == 0) {
            rc = apply_assets(w, n);
        } else if (strcmp(k, "triggers") == 0) {
            rc = apply_triggers(w, n);
        } else {
            size_t i = 0;
            while (ignored[i] && strcmp(ignored[i], k) != 0) {
                i++;
            }
            if (ignored[i] == NULL) {
                fcw_log(FCW_LOG_WARNING, "%s: line %d: unknown key \"%s\": ignored", w->file, n->line, k);
            }
        }
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

int wrangler_apply(const char *path, const char *data_dir, wrangler_emit_cb cb, void *data, char *err, size_t errlen)
{
    struct wctx w = {.file = path, .emit = cb, .data = data, .err = err, .errlen = errlen};
    const char *slash = strrchr(path, '/');
    snprintf(w.dir, sizeof(w.dir), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path) {
        snprintf(w.dir, sizeof(w.dir), "/");
    }
    if (data_dir != NULL) {
        snprintf(w.data_dir, sizeof(w.data_dir), "%s", data_dir);
    } else {
        size_t dlen = strcmp(w.dir, "/") == 0 ? 0 : strlen(w.dir);
        snprintf(w.data_dir, sizeof(w.data_dir), "%.*s/.fcworker", (int)(dlen < 4000 ? dlen : 4000), w.dir);
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    char *text = malloc(WRANGLER_MAX_SIZE + 1);
    size_t n = text ? fread(text, 1, WRANGLER_MAX_SIZE + 1, f) : 0;
    fclose(f);
    if (text == NULL || n > WRANGLER_MAX_SIZE || memchr(text, '\0', n) != NULL) {
        free(text);
        snprintf(err, errlen, "%s: %s", path, text ? "larger than 1 MB or not text" : "out of memory");
        return -1;
    }
    text[n] = '\0';
    size_t plen = strlen(path);
    int json =
        (plen > 5 && strcmp(path + plen - 5, ".json") == 0) || (plen > 6 && strcmp(path + plen - 6, ".jsonc") == 0);
    char why[512];
    struct cfg_node *root = json ? cfg_parse_json(text, why, sizeof(why)) : cfg_parse_toml(text, why, sizeof(why));
    free(text);
    if (root == NULL) {
        snprintf(err, errlen, "%s: %s", path, why);
        return -1;
    }
    int rc = apply(&w, root);
    cfg_free(root);
    return rc;
}
