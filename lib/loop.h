/* SPDX-License-Identifier: MIT */
/*
 * The event loop of one child: file descriptors watched with poll(), timers
 * on a min-heap ordered by a monotonic deadline. One pass waits once (until
 * the next fd event or timer deadline, never a fixed sleep step), then runs
 * what is ready. Microtasks are not the loop's business: the engine drains
 * them after every callback the loop makes.
 */
#ifndef FCW_LOOP_H
#define FCW_LOOP_H

#include <stdint.h>

#define FCW_LOOP_READ 1
#define FCW_LOOP_WRITE 2
#define FCW_LOOP_ERROR 4

struct fcw_loop;

typedef void (*fcw_loop_fd_cb)(struct fcw_loop *loop, int fd, int events, void *data);
typedef void (*fcw_loop_timer_cb)(struct fcw_loop *loop, uint64_t id, void *data);

/* owner: whatever the callbacks need to find (the engine); see fcw_loop_owner. */
struct fcw_loop *fcw_loop_new(void *owner);
void fcw_loop_free(struct fcw_loop *loop);
void *fcw_loop_owner(const struct fcw_loop *loop);

/* Watches fd for mask (FCW_LOOP_READ|FCW_LOOP_WRITE); replaces an earlier
 * watch of the same fd. A mask of 0 removes it. */
int fcw_loop_set_fd(struct fcw_loop *loop, int fd, int mask, fcw_loop_fd_cb cb, void *data);
int fcw_loop_del_fd(struct fcw_loop *loop, int fd);

/* Calls cb once after ms milliseconds; returns an id (never 0). */
uint64_t fcw_loop_add_timer(struct fcw_loop *loop, double ms, fcw_loop_timer_cb cb, void *data);
int fcw_loop_del_timer(struct fcw_loop *loop, uint64_t id);
void fcw_loop_clear_timers(struct fcw_loop *loop);

/* Waits at most max_wait_ms (-1: no bound) for the next event and runs all
 * that are ready. Returns the number of callbacks run, 0 when the wait bound
 * passed, or -1 when nothing is watched and no timer is set. */
int fcw_loop_run_once(struct fcw_loop *loop, int max_wait_ms);

int fcw_loop_timer_count(const struct fcw_loop *loop);
int fcw_loop_fd_count(const struct fcw_loop *loop);

/* Milliseconds on the monotonic clock. */
double fcw_loop_now(void);

#endif
