/* SPDX-License-Identifier: MIT */
/*
 * A pool's Wrangler file (wrangler.toml, wrangler.json, wrangler.jsonc)
 * turned into the pool's configuration keys; see wrangler.c.
 */
#ifndef FCW_WRANGLER_H
#define FCW_WRANGLER_H

#include <stddef.h>

/* Called per key: vars set for a [pool:NAME.vars] variable. 0, or -1 to
 * stop (the callback reported the error). */
typedef int (*wrangler_emit_cb)(void *data, int vars, const char *key, const char *value);

/* Reads path and emits its keys; the KV namespaces and D1 databases go in
 * data_dir (NULL: .fcworker beside the file). 0, or -1 with "file: line N:
 * message" in err (or err left to the callback when it stopped). */
int wrangler_apply(const char *path, const char *data_dir, wrangler_emit_cb cb, void *data, char *err, size_t errlen);

#endif
