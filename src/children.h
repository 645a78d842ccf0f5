/* SPDX-License-Identifier: MIT */
/*
 * The master's pools and children: the state the master keeps (each pool's
 * listen socket, scoreboard and spawn backoff; each child's pid, slot and
 * stop deadline) and the operations on children — fork one into a pool's
 * slot, ask one to stop, reap the dead (with the crash-loop backoff), free
 * the scoreboards of pools a reload replaced once no child uses them.
 * The policy of how many children a pool wants lives in pm.c; the loop,
 * reloads and signals in master.c.
 */
#ifndef FCW_CHILDREN_H
#define FCW_CHILDREN_H

#include <stddef.h>
#include <sys/types.h>

#include "conf.h"
#include "scoreboard.h"

struct pool_rt {
    struct conf_pool *cfg;
    int fd;
    struct scoreboard *sb;
    double next_spawn;
    unsigned backoff_ms;
    int want_spawn; /* ondemand: a connection is waiting */
    int passed;     /* the listen socket came from systemd (not ours to unlink) */
};

struct child {
    pid_t pid;
    struct pool_rt *pool; /* NULL once the pool was replaced by a reload */
    struct scoreboard *sb;
    struct scoreboard_slot *slot;
    double started;
    int stopping;
    double kill_at;
    struct child *next;
};

struct master {
    struct conf *conf;
    const char *conf_path;
    struct pool_rt *pools;
    size_t npools;
    struct child *children;
    struct scoreboard **retired; /* scoreboards of replaced pools, freed when unused */
    size_t nretired;
    int stopping;
    double stop_deadline;
    int allow_root; /* -R */
    int ready_sent; /* READY=1 told to systemd (again after a reload) */
    char last_status[256];
};

/* Children of pool (not counting those asked to stop, unless
 * include_stopping). */
unsigned children_count(const struct master *m, const struct pool_rt *pool, int include_stopping);
/* Forks a child into a free slot of the pool; 0, or -1 (logged). */
int children_spawn(struct master *m, struct pool_rt *pool);
/* Asks a child to finish its request and exit (SIGQUIT); it is killed
 * after timeout_ms. */
void children_stop(struct child *c, double timeout_ms);
/* Collects every child that exited, with the spawn backoff of its pool. */
void children_reap(struct master *m);
void children_free_retired(struct master *m);

#endif
