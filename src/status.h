/* SPDX-License-Identifier: MIT */
/*
 * The status page (pm.status_path), in PHP-FPM's format so that existing
 * monitoring reads it: plain text by default, ?json, and ?full for one
 * block per process.
 */
#ifndef FCW_STATUS_H
#define FCW_STATUS_H

#include "conf.h"
#include "fcw.h"
#include "scoreboard.h"

struct request;
void status_serve(const struct conf_pool *pool, struct scoreboard *sb, const struct request *r,
                  const struct fcw_output *out);

#endif
