/* SPDX-License-Identifier: MIT */
/*
 * `fcworker --d1-migrations POOL -c FILE [--database NAME]`: applies the
 * pending migrations of a pool's D1 databases, as `wrangler d1 migrations
 * apply` does. A database's migrations are the files ending in .sql in its
 * d1.NAME.migrations folder (from a Wrangler file: DIR/migrations, or the
 * database's migrations_dir), taken in the order of their names; the ones
 * applied are noted by name in the table d1.NAME.migrations_table
 * (d1_migrations: id, name, applied_at, as Wrangler makes it), so each
 * runs once. Each migration runs in its own transaction together with its
 * note: one that fails leaves the database as it was before it, and stops
 * the run with its error (exit status 1). Runs as the pool's user when
 * started as root, like the children, so the files stay theirs.
 */
#include "config.h"

#include "migrations.h"

#include "../lib/d1.h"
#include "bindings.h"
#include "conf.h"
#include "log.h"
#include "users.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MIGRATION_MAX_SIZE (16 * 1024 * 1024)

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .sql files of dir, sorted; -1 when it cannot be read (none: 0). */
static int list_migrations(const char *dir, char ***names, size_t *n)
{
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (d == NULL) {
        return errno == ENOENT ? 0 : -1;
    }
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 4 || strcmp(e->d_name + len - 4, ".sql") != 0 || e->d_name[0] == '.') {
            continue;
        }
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(*names, cap * sizeof(char *));
            if (grown == NULL) {
                break;
            }
            *names = grown;
        }
        if (((*names)[*n] = strdup(e->d_name)) == NULL) {
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (*n > 0) {
        qsort(*names, *n, sizeof(char *), by_name);
    }
    return 0;
}

static char *read_text(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    char *text = malloc(MIGRATION_MAX_SIZE + 1);
    size_t n = text ? fread(text, 1, MIGRATION_MAX_SIZE + 1, f) : 0;
    fclose(f);
    if (text == NULL || n > MIGRATION_MAX_SIZE || memchr(text, '\0', n) != NULL) {
        snprintf(err, errlen, "%s: %s", path, text ? "larger than 16 MB or not text" : "out of memory");
        free(text);
        return NULL;
    }
    text[n] = '\0';
    return text;
}

/* 1 when name is noted in table, 0 when not, -1 on an error. */
static int applied(sqlite3 *db, const char *table, const char *name)
{
    char sql[256];
    sqlite3_stmt *st;
    snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\" WHERE name = ?1", table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        return -1;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Runs one migration and its note in a transaction. */
static int apply_one(sqlite3 *db, const char *table, const char *file, const char *name, char *err, size_t errlen)
{
    char *sql = read_text(file, err, errlen);
    if (sql == NULL) {
        return -1;
    }
    char *msg = NULL;
    char note[256];
    sqlite3_stmt *st = NULL;
    snprintf(note, sizeof(note), "INSERT INTO \"%s\" (name) VALUES (?1)", table);
    int ok = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) == SQLITE_OK &&
             sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK &&
             sqlite3_prepare_v2(db, note, -1, &st, NULL) == SQLITE_OK &&
             sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    free(sql);
    if (ok && sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) == SQLITE_OK) {
        return 0;
    }
    snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    if (!sqlite3_get_autocommit(db)) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    return -1;
}

/* The pending migrations of one database; the number applied, or -1. */
static int migrate_database(const struct conf_pool *p, const struct conf_binding *b)
{
    char err[6000];
    const char *table = b->migrations_table ? b->migrations_table : "d1_migrations";
    char **names;
    size_t n;
    if (list_migrations(b->migrations, &names, &n) < 0) {
        fcw_log(FCW_LOG_ERROR, "d1.%s: cannot read the migrations folder %s: %s", b->name, b->migrations,
                strerror(errno));
        return -1;
    }
    int done = 0;
    sqlite3 *db = fcw_d1_open(b->path, b->timeout_ms, err, sizeof(err));
    if (db == NULL) {
        fcw_log(FCW_LOG_ERROR, "d1.%s: %s", b->name, err);
        done = -1;
    } else {
        char sql[512];
        char *msg = NULL;
        snprintf(sql, sizeof(sql),
                 "CREATE TABLE IF NOT EXISTS \"%s\" (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, "
                 "applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)",
                 table);
        if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
            fcw_log(FCW_LOG_ERROR, "d1.%s: cannot make the table %s: %s", b->name, table, msg);
            done = -1;
        }
        sqlite3_free(msg);
    }
    for (size_t i = 0; i < n && done >= 0; i++) {
        int seen = applied(db, table, names[i]);
        if (seen == 1) {
            continue;
        }
        char file[4400];
        snprintf(file, sizeof(file), "%s/%s", b->migrations, names[i]);
        if (seen < 0 || apply_one(db, table, file, names[i], err, sizeof(err)) < 0) {
            fcw_log(FCW_LOG_ERROR, "d1.%s: migration %s failed: %s", b->name, names[i],
                    seen < 0 ? sqlite3_errmsg(db) : err);
            done = -1;
            break;
        }
        fcw_log(FCW_LOG_NOTICE, "d1.%s: applied %s", b->name, names[i]);
        done++;
    }
    if (done >= 0) {
        fcw_log(FCW_LOG_NOTICE, "d1.%s (%s): %d migration%s applied, %zu in %s", b->name, p->name, done,
                done == 1 ? "" : "s", n, b->migrations);
    }
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    sqlite3_close_v2(db);
    return done;
}

int migrations_apply(const char *conf_path, const char *pool_name, const char *database, int allow_root)
{
    char err[1024];
    struct conf *conf = conf_load(conf_path, err, sizeof(err));
    if (conf == NULL) {
        fprintf(stderr, "fcworker: %s\n", err);
        return 1;
    }
    struct conf_pool *p = conf->pools;
    while (p != NULL && strcmp(p->name, pool_name) != 0) {
        p = p->next;
    }
    if (p == NULL) {
        fprintf(stderr, "fcworker: --d1-migrations: no pool named %s in %s\n", pool_name, conf_path);
        conf_free(conf);
        return 2;
    }
    fcw_log_open("stderr", FCW_LOG_NOTICE);
    fcw_log_set_pool(p->name);
    if (geteuid() == 0 && p->user == NULL && !allow_root) {
        fcw_log(FCW_LOG_ERROR, "refusing to run pool %s as root: give it a user (or pass -R)", p->name);
        conf_free(conf);
        return 1;
    }
    if (bindings_prepare(p, err, sizeof(err)) < 0 || users_switch(p->user, p->group, err, sizeof(err)) < 0) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        conf_free(conf);
        return 1;
    }
    int rc = 0, found = 0;
    for (size_t i = 0; i < p->nbindings; i++) {
        const struct conf_binding *b = &p->conf_bindings[i];
        if (b->type != FCW_BINDING_D1 || (database != NULL && strcmp(b->name, database) != 0)) {
            continue;
        }
        found++;
        if (b->migrations == NULL) {
            if (database != NULL) {
                fcw_log(FCW_LOG_ERROR, "d1.%s has no migrations folder: set d1.%s.migrations", b->name, b->name);
                rc = 1;
            }
            continue;
        }
        if (migrate_database(p, b) < 0) {
            rc = 1;
        }
    }
    if (found == 0) {
        fcw_log(FCW_LOG_ERROR, database ? "the pool has no D1 database %s" : "the pool has no D1 database%s",
                database ? database : "");
        rc = 1;
    }
    conf_free(conf);
    return rc;
}
