/* SPDX-License-Identifier: MIT */
/*
 * D1 databases on SQLite: opening a database file as every process of
 * every pool naming it shares it (WAL mode, busy_timeout so that writers
 * wait for each other), and the database-wide facts D1 reports (size,
 * a dump of the file). Statements are run by lib/api_d1.c.
 */
#ifndef FCW_D1_H
#define FCW_D1_H

#include <sqlite3.h>
#include <stddef.h>

/* Opens (creating) path. NULL with err set on failure. */
sqlite3 *fcw_d1_open(const char *path, unsigned timeout_ms, char *err, size_t errlen);

/* The database's size in bytes (pages in use times the page size). */
double fcw_d1_size(sqlite3 *db);

/* The whole database as one SQLite file image (sqlite3_free it). */
unsigned char *fcw_d1_dump(sqlite3 *db, size_t *len);

/* "SQLITE_CONSTRAINT" and friends, for error messages. */
const char *fcw_d1_code_name(int code);

#endif
