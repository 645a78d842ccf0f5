/* SPDX-License-Identifier: MIT */
/*
 * The process manager's policy (pm = static, dynamic, ondemand), as
 * PHP-FPM's process control: how many children each pool wants, spawning up
 * to that and retiring spare or long-idle ones; and the limits the master
 * enforces from outside — request_slowlog_timeout and
 * request_terminate_timeout, and killing children that do not stop in time.
 */
#ifndef FCW_PM_H
#define FCW_PM_H

#include "children.h"

/* Spawns up to the pool's target; retires spare idle children. */
void pm_maintain(struct master *m, struct pool_rt *pool);
/* Logs slow requests and kills children over their time limits. */
void pm_enforce_timeouts(struct master *m);

#endif
