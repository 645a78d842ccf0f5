/* SPDX-License-Identifier: MIT */
/*
 * KV namespaces on SQLite: one database file per namespace, opened by every
 * process that uses it (children of one pool, or of several pools naming
 * the same file), in WAL mode so that readers never wait for the writer,
 * with busy_timeout so that concurrent writers wait for each other instead
 * of failing. One table keyed by the key's bytes (so list() runs in byte
 * order through the primary key); expired rows are skipped by every read
 * and deleted when the namespace is opened and every 64 writes after.
 */
#include "config.h"

#include "kv.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KV_PURGE_EVERY 64

enum kv_stmt { ST_GET, ST_PUT, ST_DEL, ST_LIST, ST_LIST_BOUNDED, ST_PURGE, ST_COUNT };

static const char *const kv_sql[ST_COUNT] = {
    "SELECT value, metadata, expiration FROM kv WHERE key = ?1 AND (expiration IS NULL OR expiration > ?2)",
    "INSERT OR REPLACE INTO kv (key, value, metadata, expiration) VALUES (?1, ?2, ?3, ?4)",
    "DELETE FROM kv WHERE key = ?1",
    "SELECT key, metadata, expiration FROM kv WHERE key >= ?1 AND key > ?2"
    " AND (expiration IS NULL OR expiration > ?3) ORDER BY key LIMIT ?4",
    "SELECT key, metadata, expiration FROM kv WHERE key >= ?1 AND key > ?2 AND key < ?5"
    " AND (expiration IS NULL OR expiration > ?3) ORDER BY key LIMIT ?4",
    "DELETE FROM kv WHERE expiration IS NOT NULL AND expiration <= ?1",
};

struct fcw_kv {
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT];
    unsigned writes;
};

static int kv_fail(struct fcw_kv *kv, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s", what, kv && kv->db ? sqlite3_errmsg(kv->db) : "out of memory");
    return -1;
}

static void kv_sqlite_close(struct fcw_kv *kv)
{
    if (kv == NULL) {
        return;
    }
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(kv->stmt[i]);
    }
    sqlite3_close_v2(kv->db);
    free(kv);
}

static int kv_purge(struct fcw_kv *kv, char *err, size_t errlen)
{
    sqlite3_stmt *st = kv->stmt[ST_PURGE];
    sqlite3_bind_int64(st, 1, (sqlite3_int64)fcw_kv_now());
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : kv_fail(kv, "failed to purge expired keys", err, errlen);
}

static struct fcw_kv *kv_sqlite_open(const struct fcw_binding *b, char *err, size_t errlen)
{
    struct fcw_kv *kv = calloc(1, sizeof(*kv));
    if (kv == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (sqlite3_open_v2(b->path, &kv->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        char what[512];
        snprintf(what, sizeof(what), "cannot open %s", b->path);
        kv_fail(kv, what, err, errlen);
        kv_sqlite_close(kv);
        return NULL;
    }
    sqlite3_busy_timeout(kv->db, (int)(b->timeout_ms ? b->timeout_ms : 5000));
    static const char schema[] =
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL;"
        "CREATE TABLE IF NOT EXISTS kv (key BLOB PRIMARY KEY, value BLOB NOT NULL, metadata TEXT,"
        " expiration INTEGER) WITHOUT ROWID;"
        "CREATE INDEX IF NOT EXISTS kv_expiration ON kv (expiration) WHERE expiration IS NOT NULL;";
    char *msg = NULL;
    if (sqlite3_exec(kv->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errlen, "cannot set up %s: %s", b->path, msg ? msg : "error");
        sqlite3_free(msg);
        kv_sqlite_close(kv);
        return NULL;
    }
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(kv->db, kv_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &kv->stmt[i], NULL) != SQLITE_OK) {
            kv_fail(kv, "failed to prepare a statement", err, errlen);
            kv_sqlite_close(kv);
            return NULL;
        }
    }
    if (kv_purge(kv, err, errlen) < 0) {
        kv_sqlite_close(kv);
        return NULL;
    }
    return kv;
}

static char *dup_column_text(sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL) {
        return NULL;
    }
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? strdup((const char *)t) : NULL;
}

static int kv_sqlite_get(struct fcw_kv *kv, const char *key, size_t keylen, struct fcw_kv_value *out, char *err,
                         size_t errlen)
{
    sqlite3_stmt *st = kv->stmt[ST_GET];
    memset(out, 0, sizeof(*out));
    sqlite3_bind_blob(st, 1, key, (int)keylen, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)fcw_kv_now());
    int rc = sqlite3_step(st);
    int found = 0;
    if (rc == SQLITE_ROW) {
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        const void *data = sqlite3_column_blob(st, 0);
        out->data = malloc(len ? len : 1);
        if (out->data != NULL) {
            if (len) {
                memcpy(out->data, data, len);
            }
            out->len = len;
            out->metadata = dup_column_text(st, 1);
            out->expiration = (double)sqlite3_column_int64(st, 2);
            found = 1;
        } else {
            snprintf(err, errlen, "out of memory");
            found = -1;
        }
    } else if (rc != SQLITE_DONE) {
        found = kv_fail(kv, "failed to read", err, errlen);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return found;
}

static int kv_sqlite_put(struct fcw_kv *kv, const char *key, size_t keylen, const void *value, size_t len,
                         const char *metadata, double expiration, char *err, size_t errlen)
{
    sqlite3_stmt *st = kv->stmt[ST_PUT];
    sqlite3_bind_blob(st, 1, key, (int)keylen, SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, len ? value : "", (int)len, SQLITE_STATIC);
    if (metadata) {
        sqlite3_bind_text(st, 3, metadata, -1, SQLITE_STATIC);
    } else {
        sqlite3_bind_null(st, 3);
    }
    if (expiration > 0) {
        sqlite3_bind_int64(st, 4, (sqlite3_int64)expiration);
    } else {
        sqlite3_bind_null(st, 4);
    }
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) {
        return kv_fail(kv, "failed to write", err, errlen);
    }
    if (++kv->writes % KV_PURGE_EVERY == 0) {
        return kv_purge(kv, err, errlen);
    }
    return 0;
}

static int kv_sqlite_del(struct fcw_kv *kv, const char *key, size_t keylen, char *err, size_t errlen)
{
    sqlite3_stmt *st = kv->stmt[ST_DEL];
    sqlite3_bind_blob(st, 1, key, (int)keylen, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : kv_fail(kv, "failed to delete", err, errlen);
}

/* The smallest byte string above every string starting with prefix: the
 * prefix without its trailing 0xFF bytes, last byte plus one. 0 when there
 * is none (the prefix is empty or all 0xFF). */
static size_t prefix_upper_bound(const char *prefix, size_t len, char *out)
{
    while (len > 0 && (unsigned char)prefix[len - 1] == 0xFF) {
        len--;
    }
    if (len == 0) {
        return 0;
    }
    memcpy(out, prefix, len);
    out[len - 1] = (char)((unsigned char)out[len - 1] + 1);
    return len;
}

static int kv_sqlite_list(struct fcw_kv *kv, const char *prefix, size_t prefixlen, unsigned limit, const char *cursor,
                          struct fcw_kv_list *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof(*out));
    size_t afterlen = 0;
    char *after = NULL;
    if (cursor != NULL && (after = fcw_kv_cursor_decode(cursor, &afterlen)) == NULL) {
        snprintf(err, errlen, "invalid cursor");
        return -1;
    }
    char *upper = malloc(prefixlen ? prefixlen : 1);
    out->keys = calloc((size_t)limit + 1, sizeof(*out->keys));
    if (upper == NULL || out->keys == NULL) {
        free(after);
        free(upper);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t upperlen = prefix_upper_bound(prefix, prefixlen, upper);
    sqlite3_stmt *st = kv->stmt[upperlen ? ST_LIST_BOUNDED : ST_LIST];
    sqlite3_bind_blob(st, 1, prefixlen ? prefix : "", (int)prefixlen, SQLITE_STATIC);
    /* no cursor: an empty blob, below every key (keys are never empty) */
    sqlite3_bind_blob(st, 2, after ? after : "", (int)afterlen, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)fcw_kv_now());
    sqlite3_bind_int64(st, 4, (sqlite3_int64)limit + 1);
    if (upperlen) {
        sqlite3_bind_blob(st, 5, upper, (int)upperlen, SQLITE_STATIC);
    }
    int rc;
    int failed = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct fcw_kv_key *k = &out->keys[out->nkeys];
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        const void *name = sqlite3_column_blob(st, 0);
        if ((k->name = malloc(len + 1)) == NULL) {
            failed = 1;
            break;
        }
        memcpy(k->name, name, len);
        k->name[len] = '\0';
        k->len = len;
        k->metadata = dup_column_text(st, 1);
        k->expiration = (double)sqlite3_column_int64(st, 2);
        out->nkeys++;
    }
    if (rc != SQLITE_DONE && !failed) {
        kv_fail(kv, "failed to list", err, errlen);
        failed = 1;
    } else if (failed) {
        snprintf(err, errlen, "out of memory");
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    free(after);
    free(upper);
    if (!failed && out->nkeys > limit) {
        out->nkeys--;
        free(out->keys[limit].name);
        free(out->keys[limit].metadata);
        struct fcw_kv_key *last = &out->keys[limit - 1];
        if ((out->cursor = fcw_kv_cursor_encode(last->name, last->len)) == NULL) {
            snprintf(err, errlen, "out of memory");
            failed = 1;
        }
    }
    if (failed) {
        fcw_kv_list_free(out);
        return -1;
    }
    return 0;
}

const struct fcw_kv_ops fcw_kv_sqlite_ops = {
    kv_sqlite_open, kv_sqlite_get, kv_sqlite_put, kv_sqlite_del, kv_sqlite_list, kv_sqlite_close,
};
