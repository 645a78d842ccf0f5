/* SPDX-License-Identifier: MIT */
/*
 * Applying the pending migrations of a pool's D1 databases, as `wrangler d1
 * migrations apply` does; see migrations.c.
 */
#ifndef FCW_MIGRATIONS_H
#define FCW_MIGRATIONS_H

/* fcworker --d1-migrations POOL -c FILE [--database NAME]: every D1
 * database of the pool with a migrations folder, or only NAME. The exit
 * status: 0 when all applied (or none was pending), 1 on an error, 2 for
 * a wrong pool name. */
int migrations_apply(const char *conf_path, const char *pool_name, const char *database, int allow_root);

#endif
