/* SPDX-License-Identifier: MIT */
/*
 * The process manager's policy (see pm.h).
 */
#include "config.h"

#include "pm.h"

#include <signal.h>

#include "clock.h"
#include "log.h"

static unsigned target_size(const struct master *m, struct pool_rt *pool)
{
    const struct conf_pool *cfg = pool->cfg;
    unsigned total = children_count(m, pool, 0);
    switch (cfg->pm) {
    case PM_STATIC: return cfg->max_children;
    case PM_DYNAMIC: {
        unsigned idle = scoreboard_count(pool->sb, SLOT_IDLE) + scoreboard_count(pool->sb, SLOT_STARTING);
        if (total == 0) {
            return cfg->start_servers;
        }
        if (idle < cfg->min_spare_servers) {
            return total + (cfg->min_spare_servers - idle);
        }
        return total;
    }
    case PM_ONDEMAND: return pool->want_spawn ? total + 1 : total;
    }
    return total;
}

void pm_maintain(struct master *m, struct pool_rt *pool)
{
    const struct conf_pool *cfg = pool->cfg;
    double now = clock_now_ms();
    unsigned total = children_count(m, pool, 0);
    unsigned want = target_size(m, pool);
    if (want > cfg->max_children) {
        /* as PHP-FPM: counted and logged when a dynamic or ondemand pool
         * wants more children than it may have, once until it drops below */
        if (cfg->pm != PM_STATIC && total >= cfg->max_children && !pool->sb->reached_warned) {
            scoreboard_count_event(&pool->sb->max_children_reached);
            pool->sb->reached_warned = 1;
            fcw_log(FCW_LOG_WARNING, "[pool %s] server reached pm.max_children setting (%u), consider raising it",
                    cfg->name, cfg->max_children);
        }
        want = cfg->max_children;
    } else if (total < cfg->max_children) {
        pool->sb->reached_warned = 0;
    }
    pool->want_spawn = 0;
    if (now >= pool->next_spawn) {
        for (unsigned i = total; i < want; i++) {
            if (children_spawn(m, pool) < 0) {
                break;
            }
        }
    }
    if (cfg->pm == PM_DYNAMIC) {
        unsigned idle = scoreboard_count(pool->sb, SLOT_IDLE);
        for (struct child *c = m->children; c && idle > cfg->max_spare_servers; c = c->next) {
            if (c->pool == pool && !c->stopping && c->slot->state == SLOT_IDLE) {
                children_stop(c, m->conf->global.process_control_timeout_ms);
                idle--;
            }
        }
    } else if (cfg->pm == PM_ONDEMAND) {
        for (struct child *c = m->children; c; c = c->next) {
            if (c->pool == pool && !c->stopping && c->slot->state == SLOT_IDLE &&
                now - c->slot->idle_since > cfg->process_idle_timeout_ms) {
                children_stop(c, m->conf->global.process_control_timeout_ms);
            }
        }
    }
}

/* request_terminate_timeout, from outside: what the engine could not
 * interrupt (a catastrophic regex, a long native call) ends here. */
void pm_enforce_timeouts(struct master *m)
{
    double now = clock_now_ms();
    for (struct child *c = m->children; c; c = c->next) {
        unsigned limit = c->pool ? c->pool->cfg->request_terminate_timeout_ms : 0;
        unsigned slow = c->pool ? c->pool->cfg->request_slowlog_timeout_ms : 0;
        double started = c->slot->request_started;
        if (slow && started > 0 && now - started > slow && c->slot->slow_logged != started) {
            c->slot->slow_logged = started;
            scoreboard_count_event(&c->sb->slow_requests);
            fcw_log(FCW_LOG_WARNING,
                    "[pool %s] child %ld: request \"%s\" is slow: running for %.0f ms "
                    "(request_slowlog_timeout %u ms)",
                    c->pool->cfg->name, (long)c->pid, c->slot->request, now - started, slow);
        }
        if (limit && started > 0 && now - started > limit && !c->slot->terminating) {
            c->slot->terminating = 1;
            fcw_log(FCW_LOG_WARNING,
                    "[pool %s] child %ld: request \"%s\" ran %.0f ms, over "
                    "request_terminate_timeout (%u ms): killing it",
                    c->pool->cfg->name, (long)c->pid, c->slot->request, now - started, limit);
            kill(c->pid, SIGKILL);
        }
        if (c->stopping && now > c->kill_at) {
            fcw_log(FCW_LOG_WARNING, "child %ld did not stop in time: killing it", (long)c->pid);
            kill(c->pid, SIGKILL);
            c->kill_at = now + 1e9;
        }
    }
}
