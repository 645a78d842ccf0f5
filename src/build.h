/* SPDX-License-Identifier: MIT */
/*
 * `build = auto`: a pool whose script is a source entry (TypeScript, an ES
 * module, or any file with build = auto) is turned into one ES5 script by
 * fcworker-build before it is loaded. Outputs are cached by a content hash
 * of the entry's project sources, so only the first load after a change
 * (normally the master's check before a start or a reload) runs the tool.
 */
#ifndef FCW_BUILD_H
#define FCW_BUILD_H

#include "conf.h"

#include <stddef.h>

/* Whether the pool's script must be built before it is loaded. */
int fcw_build_wanted(const struct conf_pool *pool);

/* Builds the pool's script (or finds it in the cache) and writes the path
 * of the ES5 output to out. On error returns -1 with err holding the tool's
 * own message (file:line:column of the source) or the reason. */
int fcw_build_script(const struct conf_pool *pool, char *out, size_t outlen, char *err, size_t errlen);

#endif
