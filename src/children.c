/* SPDX-License-Identifier: MIT */
/*
 * Forking, stopping and reaping the children of the pools (see children.h).
 * A child that exits soon after its start is spawned again after a delay
 * that doubles each time (up to 10 s): a broken script never becomes a
 * crash loop.
 */
#include "config.h"

#include "children.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "clock.h"
#include "log.h"
#include "signals.h"

#define CHILDREN_MAX_BACKOFF_MS 10000

unsigned children_count(const struct master *m, const struct pool_rt *pool, int include_stopping)
{
    unsigned n = 0;
    for (struct child *c = m->children; c; c = c->next) {
        n += c->pool == pool && (include_stopping || !c->stopping);
    }
    return n;
}

int children_spawn(struct master *m, struct pool_rt *pool)
{
    struct scoreboard_slot *slot = scoreboard_claim(pool->sb);
    if (slot == NULL) {
        return -1;
    }
    struct child *c = calloc(1, sizeof(*c));
    if (c == NULL) {
        scoreboard_release(slot);
        return -1;
    }
    sigset_t old;
    signals_block(&old);
    pid_t pid = fork();
    if (pid == 0) {
        for (size_t i = 0; i < m->npools; i++) {
            if (&m->pools[i] != pool) {
                close(m->pools[i].fd);
                if (m->pools[i].cfg->access_log_fd >= 0) {
                    close(m->pools[i].cfg->access_log_fd);
                }
            }
        }
        slot->pid = getpid();
        child_main(m->conf, pool->cfg, pool->fd, pool->sb, slot);
    }
    signals_restore(&old);
    if (pid < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to fork a child: fork()", pool->cfg->name);
        scoreboard_release(slot);
        free(c);
        return -1;
    }
    slot->pid = pid;
    c->pid = pid;
    c->pool = pool;
    c->sb = pool->sb;
    c->slot = slot;
    c->started = clock_now_ms();
    c->next = m->children;
    m->children = c;
    fcw_log(FCW_LOG_DEBUG, "[pool %s] child %ld started", pool->cfg->name, (long)pid);
    return 0;
}

void children_stop(struct child *c, double timeout_ms)
{
    if (!c->stopping) {
        c->stopping = 1;
        c->kill_at = clock_now_ms() + timeout_ms;
        kill(c->pid, SIGQUIT);
    }
}

static int scoreboard_in_use(const struct master *m, const struct scoreboard *sb)
{
    for (struct child *c = m->children; c; c = c->next) {
        if (c->sb == sb) {
            return 1;
        }
    }
    return 0;
}

void children_free_retired(struct master *m)
{
    size_t k = 0;
    for (size_t i = 0; i < m->nretired; i++) {
        if (scoreboard_in_use(m, m->retired[i])) {
            m->retired[k++] = m->retired[i];
        } else {
            scoreboard_free(m->retired[i]);
        }
    }
    m->nretired = k;
}

void children_reap(struct master *m)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        struct child **pp = &m->children, *c;
        while ((c = *pp) != NULL && c->pid != pid) {
            pp = &c->next;
        }
        if (c == NULL) {
            continue;
        }
        *pp = c->next;
        /* a child that got as far as accepting died of a request, not of
         * its script: no backoff for that */
        int was_ready = c->slot->state != SLOT_STARTING;
        scoreboard_release(c->slot);
        struct pool_rt *pool = c->pool;
        const char *name = pool ? pool->cfg->name : "(old)";
        double lived = clock_now_ms() - c->started;
        if (WIFSIGNALED(status)) {
            fcw_log(c->stopping ? FCW_LOG_NOTICE : FCW_LOG_WARNING, "[pool %s] child %ld exited on signal %d (%s)",
                    name, (long)pid, WTERMSIG(status), strsignal(WTERMSIG(status)));
        } else if (WEXITSTATUS(status) != 0) {
            fcw_log(FCW_LOG_WARNING, "[pool %s] child %ld exited with code %d after %.0f ms", name, (long)pid,
                    WEXITSTATUS(status), lived);
        } else {
            fcw_log(FCW_LOG_DEBUG, "[pool %s] child %ld exited", name, (long)pid);
        }
        if (pool && !c->stopping) {
            int failed = (WIFEXITED(status) && WEXITSTATUS(status) != 0) || WIFSIGNALED(status);
            if (failed && !was_ready && lived < 1000 && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
                pool->backoff_ms = pool->backoff_ms ? pool->backoff_ms * 2 : 100;
                if (pool->backoff_ms > CHILDREN_MAX_BACKOFF_MS) {
                    pool->backoff_ms = CHILDREN_MAX_BACKOFF_MS;
                }
                pool->next_spawn = clock_now_ms() + pool->backoff_ms;
                fcw_log(FCW_LOG_WARNING, "[pool %s] child died %.0f ms after its start: next one in %u ms", name, lived,
                        pool->backoff_ms);
            } else if (!failed || lived >= 1000) {
                pool->backoff_ms = 0;
            }
        }
        free(c);
    }
    children_free_retired(m);
}
