/* SPDX-License-Identifier: MIT */
/*
 * A pool's storage bindings in fcworker.ini: KV namespaces and D1
 * databases (see bindings.c for the keys), parsed into the fcw_binding
 * records libfcw takes, and the folders they need, made by the master.
 */
#ifndef FCW_BINDINGS_H
#define FCW_BINDINGS_H

#include <stddef.h>

struct conf;
struct conf_pool;

/* True for keys of the binding families (kv.*, d1.*). */
int bindings_is_key(const char *key);

/* Applies one kv.* or d1.* key of a pool at line; NULL or an error. */
const char *bindings_set(struct conf_pool *p, const char *key, const char *value, int line);

/* Second pass: each binding is complete, its name is a JavaScript
 * identifier unused by the pool's vars and other bindings; relative paths
 * are taken from the configuration file's folder. "file:line: ..." errors. */
int bindings_check(const struct conf *c, struct conf_pool *p, char *err, size_t errlen);

/* Makes the folders of the pool's SQLite files (owned by the pool's user
 * when run as root). */
int bindings_prepare(const struct conf_pool *p, char *err, size_t errlen);

/* As the pool's user: its SQLite files and folders are writable. */
int bindings_check_access(const struct conf_pool *p, char *err, size_t errlen);

void bindings_free(struct conf_pool *p);

#endif
