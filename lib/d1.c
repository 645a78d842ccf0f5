/* SPDX-License-Identifier: MIT */
/*
 * Opening D1 databases and the database-wide facts D1 reports: see d1.h.
 */
#include "config.h"

#include "d1.h"

#include <stdio.h>

sqlite3 *fcw_d1_open(const char *path, unsigned timeout_ms, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close_v2(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, (int)(timeout_ms ? timeout_ms : 5000));
    sqlite3_extended_result_codes(db, 0);
    char *msg = NULL;
    if (sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errlen, "cannot set up %s: %s", path, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        sqlite3_close_v2(db);
        return NULL;
    }
    return db;
}

static double pragma_number(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    double n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) {
            n = (double)sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
    }
    return n;
}

double fcw_d1_size(sqlite3 *db)
{
    return pragma_number(db, "PRAGMA page_count") * pragma_number(db, "PRAGMA page_size");
}

unsigned char *fcw_d1_dump(sqlite3 *db, size_t *len)
{
    sqlite3_int64 size = 0;
    unsigned char *image = sqlite3_serialize(db, "main", &size, 0);
    *len = image ? (size_t)size : 0;
    return image;
}

const char *fcw_d1_code_name(int code)
{
    static const struct {
        int code;
        const char *name;
    } names[] = {
        {SQLITE_ERROR, "SQLITE_ERROR"},         {SQLITE_INTERNAL, "SQLITE_INTERNAL"},
        {SQLITE_PERM, "SQLITE_PERM"},           {SQLITE_ABORT, "SQLITE_ABORT"},
        {SQLITE_BUSY, "SQLITE_BUSY"},           {SQLITE_LOCKED, "SQLITE_LOCKED"},
        {SQLITE_NOMEM, "SQLITE_NOMEM"},         {SQLITE_READONLY, "SQLITE_READONLY"},
        {SQLITE_INTERRUPT, "SQLITE_INTERRUPT"}, {SQLITE_IOERR, "SQLITE_IOERR"},
        {SQLITE_CORRUPT, "SQLITE_CORRUPT"},     {SQLITE_FULL, "SQLITE_FULL"},
        {SQLITE_CANTOPEN, "SQLITE_CANTOPEN"},   {SQLITE_SCHEMA, "SQLITE_SCHEMA"},
        {SQLITE_TOOBIG, "SQLITE_TOOBIG"},       {SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT"},
        {SQLITE_MISMATCH, "SQLITE_MISMATCH"},   {SQLITE_RANGE, "SQLITE_RANGE"},
        {SQLITE_AUTH, "SQLITE_AUTH"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (names[i].code == (code & 0xFF)) {
            return names[i].name;
        }
    }
    return "SQLITE_ERROR";
}
