/* SPDX-License-Identifier: MIT */
/*
 * The Cache API's store on SQLite (see cache.h). One file per store, in WAL
 * mode with a busy timeout like the KV namespaces, so that every child of a
 * pool (and every pool naming the file) reads and writes the same entries.
 * Bodies live in a chunk table keyed by (entry, sequence number) and are
 * written and read one chunk per call, never whole. Entries left
 * incomplete for ten minutes (their writer died or gave up) are removed
 * when a process opens the store and at every commit. Sizes count body bytes plus headers; eviction removes
 * least-recently-used complete entries while the total is above max_size.
 */
#include "config.h"

#include "cache.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CACHE_BUSY_MS 5000
#define CACHE_STALE_MS (10.0 * 60 * 1000) /* an entry unfinished this long is abandoned */

enum cache_stmt {
    ST_LOOKUP,
    ST_TOUCH,
    ST_BEGIN,
    ST_CHUNK,
    ST_GROW,
    ST_READ,
    ST_SHOW,
    ST_DROP_OLD_CHUNKS,
    ST_DROP_OLD,
    ST_DROP_CHUNKS,
    ST_DROP,
    ST_TOTAL,
    ST_OLDEST,
    ST_KEY_CHUNKS,
    ST_KEY_DROP,
    ST_COUNT
};

static const char *const cache_sql[ST_COUNT] = {
    "SELECT id, status, headers, vary, expires, chunks FROM entry WHERE name = ?1 AND url = ?2 AND complete = 1"
    " ORDER BY id DESC LIMIT 1",
    "UPDATE entry SET used = ?2 WHERE id = ?1",
    "INSERT INTO entry (name, url, status, headers, vary, expires, size, chunks, used, complete)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, length(?4) + length(?5), 0, ?7, 0)",
    "INSERT INTO chunk (entry, seq, data) VALUES (?1, ?2, ?3)",
    "UPDATE entry SET size = size + ?2, chunks = max(chunks, ?3 + 1) WHERE id = ?1",
    "SELECT data FROM chunk WHERE entry = ?1 AND seq = ?2",
    "UPDATE entry SET complete = 1, used = ?2 WHERE id = ?1 AND complete = 0",
    "DELETE FROM chunk WHERE entry IN (SELECT id FROM entry WHERE name = (SELECT name FROM entry WHERE id = ?1)"
    " AND url = (SELECT url FROM entry WHERE id = ?1) AND complete = 1 AND id <> ?1)",
    "DELETE FROM entry WHERE name = (SELECT name FROM entry WHERE id = ?1)"
    " AND url = (SELECT url FROM entry WHERE id = ?1) AND complete = 1 AND id <> ?1",
    "DELETE FROM chunk WHERE entry = ?1",
    "DELETE FROM entry WHERE id = ?1",
    "SELECT coalesce(sum(size), 0) FROM entry",
    "SELECT id FROM entry WHERE complete = 1 ORDER BY used, id LIMIT 1",
    "DELETE FROM chunk WHERE entry IN (SELECT id FROM entry WHERE name = ?1 AND url = ?2 AND complete = 1)",
    "DELETE FROM entry WHERE name = ?1 AND url = ?2 AND complete = 1",
};

struct fcw_cache {
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT];
    size_t max_size;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

static int cache_fail(struct fcw_cache *c, const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s", what, c && c->db ? sqlite3_errmsg(c->db) : "out of memory");
    return -1;
}

/* Runs a statement without results (after its parameters were bound). */
static int run(struct fcw_cache *c, enum cache_stmt i, const char *what, char *err, size_t errlen)
{
    int rc = sqlite3_step(c->stmt[i]);
    sqlite3_reset(c->stmt[i]);
    sqlite3_clear_bindings(c->stmt[i]);
    return rc == SQLITE_DONE ? 0 : cache_fail(c, what, err, errlen);
}

static int exec(struct fcw_cache *c, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(c->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", sql, msg ? msg : "error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Removes entries whose writer went away without committing or aborting
 * them (the process died, or its request ended while put() was running). */
static int purge_stale(struct fcw_cache *c, char *err, size_t errlen)
{
    char sql[256];
    double before = now_ms() - CACHE_STALE_MS;
    snprintf(sql, sizeof(sql),
             "DELETE FROM chunk WHERE entry IN (SELECT id FROM entry WHERE complete = 0 AND used < %.0f);"
             "DELETE FROM entry WHERE complete = 0 AND used < %.0f;",
             before, before);
    return exec(c, sql, err, errlen);
}

void fcw_cache_close(struct fcw_cache *c)
{
    if (c == NULL) {
        return;
    }
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(c->stmt[i]);
    }
    sqlite3_close_v2(c->db);
    free(c);
}

struct fcw_cache *fcw_cache_open(const char *path, size_t max_size, char *err, size_t errlen)
{
    struct fcw_cache *c = calloc(1, sizeof(*c));
    if (c == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->max_size = max_size;
    if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        char what[512];
        snprintf(what, sizeof(what), "cannot open %s", path);
        cache_fail(c, what, err, errlen);
        fcw_cache_close(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
    static const char schema[] =
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL;"
        "CREATE TABLE IF NOT EXISTS entry (id INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL,"
        " status INTEGER NOT NULL, headers TEXT NOT NULL, vary TEXT NOT NULL, expires REAL,"
        " size INTEGER NOT NULL, chunks INTEGER NOT NULL, used REAL NOT NULL, complete INTEGER NOT NULL);"
        "CREATE INDEX IF NOT EXISTS entry_key ON entry (name, url);"
        "CREATE INDEX IF NOT EXISTS entry_used ON entry (used);"
        "CREATE TABLE IF NOT EXISTS chunk (entry INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,"
        " PRIMARY KEY (entry, seq)) WITHOUT ROWID;";
    if (exec(c, schema, err, errlen) < 0) {
        fcw_cache_close(c);
        return NULL;
    }
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(c->db, cache_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &c->stmt[i], NULL) != SQLITE_OK) {
            cache_fail(c, "failed to prepare a statement", err, errlen);
            fcw_cache_close(c);
            return NULL;
        }
    }
    if (purge_stale(c, err, errlen) < 0) {
        fcw_cache_close(c);
        return NULL;
    }
    return c;
}

static int drop(struct fcw_cache *c, int64_t id, char *err, size_t errlen)
{
    sqlite3_bind_int64(c->stmt[ST_DROP_CHUNKS], 1, id);
    sqlite3_bind_int64(c->stmt[ST_DROP], 1, id);
    if (run(c, ST_DROP_CHUNKS, "failed to remove a body", err, errlen) < 0 ||
        run(c, ST_DROP, "failed to remove an entry", err, errlen) < 0) {
        return -1;
    }
    return 0;
}

static char *column_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return strdup(t != NULL ? (const char *)t : "");
}

int fcw_cache_lookup(struct fcw_cache *c, const char *name, const char *url, struct fcw_cache_entry *out, char *err,
                     size_t errlen)
{
    sqlite3_stmt *st = c->stmt[ST_LOOKUP];
    memset(out, 0, sizeof(*out));
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, url, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int expired = 0;
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        out->status = sqlite3_column_int(st, 1);
        out->headers = column_text(st, 2);
        out->vary = column_text(st, 3);
        expired = sqlite3_column_type(st, 4) != SQLITE_NULL && sqlite3_column_double(st, 4) <= now_ms();
        out->chunks = sqlite3_column_int64(st, 5);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW) {
        return rc == SQLITE_DONE ? 0 : cache_fail(c, "failed to look up an entry", err, errlen);
    }
    if (out->headers == NULL || out->vary == NULL) {
        fcw_cache_entry_free(out);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (expired) {
        int64_t id = out->id;
        fcw_cache_entry_free(out);
        return drop(c, id, err, errlen) < 0 ? -1 : 0;
    }
    sqlite3_bind_int64(c->stmt[ST_TOUCH], 1, out->id);
    sqlite3_bind_double(c->stmt[ST_TOUCH], 2, now_ms());
    if (run(c, ST_TOUCH, "failed to mark an entry used", err, errlen) < 0) {
        fcw_cache_entry_free(out);
        return -1;
    }
    return 1;
}

void fcw_cache_entry_free(struct fcw_cache_entry *e)
{
    free(e->headers);
    free(e->vary);
    memset(e, 0, sizeof(*e));
}

int fcw_cache_read(struct fcw_cache *c, int64_t id, int64_t seq, unsigned char **data, size_t *len, char *err,
                   size_t errlen)
{
    sqlite3_stmt *st = c->stmt[ST_READ];
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, seq);
    int rc = sqlite3_step(st);
    int found = 0;
    *data = NULL;
    *len = 0;
    if (rc == SQLITE_ROW) {
        *len = (size_t)sqlite3_column_bytes(st, 0);
        *data = malloc(*len ? *len : 1);
        if (*data != NULL && *len) {
            memcpy(*data, sqlite3_column_blob(st, 0), *len);
        }
        found = 1;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return cache_fail(c, "failed to read a body", err, errlen);
    }
    if (found && *data == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return found;
}

int fcw_cache_begin(struct fcw_cache *c, const char *name, const char *url, int status, const char *headers,
                    const char *vary, double expires, int64_t *id, char *err, size_t errlen)
{
    sqlite3_stmt *st = c->stmt[ST_BEGIN];
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, url, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, status);
    sqlite3_bind_text(st, 4, headers, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, vary, -1, SQLITE_STATIC);
    if (expires >= 0) {
        sqlite3_bind_double(st, 6, expires);
    } else {
        sqlite3_bind_null(st, 6);
    }
    sqlite3_bind_double(st, 7, now_ms());
    if (run(c, ST_BEGIN, "failed to add an entry", err, errlen) < 0) {
        return -1;
    }
    *id = sqlite3_last_insert_rowid(c->db);
    return 0;
}

int fcw_cache_write(struct fcw_cache *c, int64_t id, int64_t seq, const void *data, size_t len, char *err,
                    size_t errlen)
{
    sqlite3_stmt *st = c->stmt[ST_CHUNK];
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, seq);
    sqlite3_bind_blob(st, 3, len ? data : "", (int)len, SQLITE_STATIC);
    if (run(c, ST_CHUNK, "failed to store a body", err, errlen) < 0) {
        return -1;
    }
    sqlite3_bind_int64(c->stmt[ST_GROW], 1, id);
    sqlite3_bind_int64(c->stmt[ST_GROW], 2, (sqlite3_int64)len);
    sqlite3_bind_int64(c->stmt[ST_GROW], 3, seq);
    return run(c, ST_GROW, "failed to store a body", err, errlen);
}

/* Removes least recently used entries while the store is over its size. */
static int evict(struct fcw_cache *c, char *err, size_t errlen)
{
    for (;;) {
        sqlite3_stmt *st = c->stmt[ST_TOTAL];
        int rc = sqlite3_step(st);
        sqlite3_int64 total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (rc != SQLITE_ROW) {
            return cache_fail(c, "failed to size the store", err, errlen);
        }
        if ((size_t)total <= c->max_size) {
            return 0;
        }
        st = c->stmt[ST_OLDEST];
        rc = sqlite3_step(st);
        int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_reset(st);
        if (rc == SQLITE_DONE) {
            return 0; /* only entries being written are left */
        }
        if (rc != SQLITE_ROW) {
            return cache_fail(c, "failed to find an entry to evict", err, errlen);
        }
        if (drop(c, id, err, errlen) < 0) {
            return -1;
        }
    }
}

int fcw_cache_commit(struct fcw_cache *c, int64_t id, char *err, size_t errlen)
{
    if (exec(c, "BEGIN IMMEDIATE", err, errlen) < 0) {
        return -1;
    }
    sqlite3_bind_int64(c->stmt[ST_DROP_OLD_CHUNKS], 1, id);
    sqlite3_bind_int64(c->stmt[ST_DROP_OLD], 1, id);
    sqlite3_bind_int64(c->stmt[ST_SHOW], 1, id);
    sqlite3_bind_double(c->stmt[ST_SHOW], 2, now_ms());
    if (purge_stale(c, err, errlen) < 0 || run(c, ST_DROP_OLD_CHUNKS, "failed to replace an entry", err, errlen) < 0 ||
        run(c, ST_DROP_OLD, "failed to replace an entry", err, errlen) < 0 ||
        run(c, ST_SHOW, "failed to store an entry", err, errlen) < 0 || evict(c, err, errlen) < 0) {
        char ignored[64];
        exec(c, "ROLLBACK", ignored, sizeof(ignored));
        return -1;
    }
    return exec(c, "COMMIT", err, errlen);
}

int fcw_cache_abort(struct fcw_cache *c, int64_t id, char *err, size_t errlen)
{
    return drop(c, id, err, errlen);
}

int fcw_cache_delete(struct fcw_cache *c, const char *name, const char *url, char *err, size_t errlen)
{
    sqlite3_bind_text(c->stmt[ST_KEY_CHUNKS], 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->stmt[ST_KEY_CHUNKS], 2, url, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->stmt[ST_KEY_DROP], 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->stmt[ST_KEY_DROP], 2, url, -1, SQLITE_STATIC);
    if (run(c, ST_KEY_CHUNKS, "failed to delete an entry", err, errlen) < 0) {
        return -1;
    }
    int rc = sqlite3_step(c->stmt[ST_KEY_DROP]);
    int changed = sqlite3_changes(c->db);
    sqlite3_reset(c->stmt[ST_KEY_DROP]);
    sqlite3_clear_bindings(c->stmt[ST_KEY_DROP]);
    if (rc != SQLITE_DONE) {
        return cache_fail(c, "failed to delete an entry", err, errlen);
    }
    return changed > 0;
}
