/* SPDX-License-Identifier: MIT */
/*
 * The event loop: poll() over the watched descriptors with a timeout that
 * ends at the earliest timer deadline. Timers live in a binary min-heap of
 * slot indices; a timer id carries its slot and a generation, so a stale id
 * (a timer that already fired) never cancels a newer timer in the same slot.
 */
#include "config.h"

#include "loop.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct loop_timer {
    double deadline;
    uint64_t seq; /* ties broken by creation order, as HTML timers require */
    uint32_t generation;
    int heap_pos; /* -1 when the slot is free */
    fcw_loop_timer_cb cb;
    void *data;
};

struct loop_fd {
    int fd;
    int mask;
    fcw_loop_fd_cb cb;
    void *data;
};

struct fcw_loop {
    void *owner;
    struct loop_timer *timers;
    int ntimers_alloc;
    int *heap;
    int heap_len;
    int *free_slots;
    int nfree;
    uint64_t seq;

    struct loop_fd *fds;
    int nfds;
    int nfds_alloc;
    struct pollfd *pfds;
};

double fcw_loop_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

struct fcw_loop *fcw_loop_new(void *owner)
{
    struct fcw_loop *loop = calloc(1, sizeof(struct fcw_loop));
    if (loop != NULL) {
        loop->owner = owner;
    }
    return loop;
}

void *fcw_loop_owner(const struct fcw_loop *loop)
{
    return loop->owner;
}

void fcw_loop_free(struct fcw_loop *loop)
{
    if (loop == NULL) {
        return;
    }
    free(loop->timers);
    free(loop->heap);
    free(loop->free_slots);
    free(loop->fds);
    free(loop->pfds);
    free(loop);
}

static int timer_before(const struct fcw_loop *loop, int a, int b)
{
    const struct loop_timer *ta = &loop->timers[a], *tb = &loop->timers[b];
    return ta->deadline < tb->deadline || (ta->deadline == tb->deadline && ta->seq < tb->seq);
}

static void heap_set(struct fcw_loop *loop, int pos, int slot)
{
    loop->heap[pos] = slot;
    loop->timers[slot].heap_pos = pos;
}

static void heap_up(struct fcw_loop *loop, int pos)
{
    int slot = loop->heap[pos];
    while (pos > 0) {
        int parent = (pos - 1) / 2;
        if (!timer_before(loop, slot, loop->heap[parent])) {
            break;
        }
        heap_set(loop, pos, loop->heap[parent]);
        pos = parent;
    }
    heap_set(loop, pos, slot);
}

static void heap_down(struct fcw_loop *loop, int pos)
{
    int slot = loop->heap[pos];
    for (;;) {
        int child = 2 * pos + 1;
        if (child >= loop->heap_len) {
            break;
        }
        if (child + 1 < loop->heap_len && timer_before(loop, loop->heap[child + 1], loop->heap[child])) {
            child++;
        }
        if (!timer_before(loop, loop->heap[child], slot)) {
            break;
        }
        heap_set(loop, pos, loop->heap[child]);
        pos = child;
    }
    heap_set(loop, pos, slot);
}

static void heap_remove(struct fcw_loop *loop, int pos)
{
    int slot = loop->heap[pos];
    loop->heap_len--;
    if (pos != loop->heap_len) {
        heap_set(loop, pos, loop->heap[loop->heap_len]);
        heap_down(loop, pos);
        heap_up(loop, loop->timers[loop->heap[pos]].heap_pos);
    }
    loop->timers[slot].heap_pos = -1;
    loop->timers[slot].generation = (loop->timers[slot].generation + 1) & 0xFFFFF;
    if (loop->timers[slot].generation == 0) {
        loop->timers[slot].generation = 1;
    }
    loop->free_slots[loop->nfree++] = slot;
}

static int timers_grow(struct fcw_loop *loop)
{
    int n = loop->ntimers_alloc ? loop->ntimers_alloc * 2 : 16;
    struct loop_timer *t = realloc(loop->timers, (size_t)n * sizeof(*t));
    if (t == NULL) {
        return -1;
    }
    loop->timers = t;
    int *h = realloc(loop->heap, (size_t)n * sizeof(int));
    if (h == NULL) {
        return -1;
    }
    loop->heap = h;
    int *f = realloc(loop->free_slots, (size_t)n * sizeof(int));
    if (f == NULL) {
        return -1;
    }
    loop->free_slots = f;
    for (int i = n - 1; i >= loop->ntimers_alloc; i--) {
        t[i].heap_pos = -1;
        t[i].generation = 1;
        f[loop->nfree++] = i;
    }
    loop->ntimers_alloc = n;
    return 0;
}

uint64_t fcw_loop_add_timer(struct fcw_loop *loop, double ms, fcw_loop_timer_cb cb, void *data)
{
    if (loop->nfree == 0 && timers_grow(loop) < 0) {
        return 0;
    }
    if (!(ms >= 0)) {
        ms = 0;
    }
    int slot = loop->free_slots[--loop->nfree];
    struct loop_timer *t = &loop->timers[slot];
    t->deadline = fcw_loop_now() + ms;
    t->seq = ++loop->seq;
    t->cb = cb;
    t->data = data;
    loop->heap[loop->heap_len] = slot;
    t->heap_pos = loop->heap_len++;
    heap_up(loop, t->heap_pos);
    return ((uint64_t)t->generation << 32) | (uint32_t)slot;
}

int fcw_loop_del_timer(struct fcw_loop *loop, uint64_t id)
{
    uint32_t slot = (uint32_t)id;
    if (slot >= (uint32_t)loop->ntimers_alloc) {
        return -1;
    }
    struct loop_timer *t = &loop->timers[slot];
    if (t->heap_pos < 0 || t->generation != (uint32_t)(id >> 32)) {
        return -1;
    }
    heap_remove(loop, t->heap_pos);
    return 0;
}

void fcw_loop_clear_timers(struct fcw_loop *loop)
{
    while (loop->heap_len > 0) {
        heap_remove(loop, loop->heap_len - 1);
    }
}

int fcw_loop_timer_count(const struct fcw_loop *loop)
{
    return loop->heap_len;
}

int fcw_loop_fd_count(const struct fcw_loop *loop)
{
    return loop->nfds;
}

static int fd_index(const struct fcw_loop *loop, int fd)
{
    for (int i = 0; i < loop->nfds; i++) {
        if (loop->fds[i].fd == fd) {
            return i;
        }
    }
    return -1;
}

int fcw_loop_set_fd(struct fcw_loop *loop, int fd, int mask, fcw_loop_fd_cb cb, void *data)
{
    if (mask == 0) {
        return fcw_loop_del_fd(loop, fd);
    }
    int i = fd_index(loop, fd);
    if (i < 0) {
        if (loop->nfds == loop->nfds_alloc) {
            int n = loop->nfds_alloc ? loop->nfds_alloc * 2 : 8;
            struct loop_fd *f = realloc(loop->fds, (size_t)n * sizeof(*f));
            if (f == NULL) {
                return -1;
            }
            loop->fds = f;
            struct pollfd *p = realloc(loop->pfds, (size_t)n * sizeof(*p));
            if (p == NULL) {
                return -1;
            }
            loop->pfds = p;
            loop->nfds_alloc = n;
        }
        i = loop->nfds++;
    }
    loop->fds[i] = (struct loop_fd){fd, mask, cb, data};
    return 0;
}

int fcw_loop_del_fd(struct fcw_loop *loop, int fd)
{
    int i = fd_index(loop, fd);
    if (i < 0) {
        return -1;
    }
    loop->fds[i] = loop->fds[--loop->nfds];
    return 0;
}

static int run_due_timers(struct fcw_loop *loop)
{
    int ran = 0;
    double now = fcw_loop_now();
    /* Only timers due at the start of this pass run in it, so a callback that
     * adds a 0 ms timer cannot keep the loop from polling. */
    uint64_t seq_bound = loop->seq;
    while (loop->heap_len > 0) {
        int slot = loop->heap[0];
        struct loop_timer *t = &loop->timers[slot];
        if (t->deadline > now || t->seq > seq_bound) {
            break;
        }
        uint64_t id = ((uint64_t)t->generation << 32) | (uint32_t)slot;
        fcw_loop_timer_cb cb = t->cb;
        void *data = t->data;
        heap_remove(loop, 0);
        cb(loop, id, data);
        ran++;
    }
    return ran;
}

int fcw_loop_run_once(struct fcw_loop *loop, int max_wait_ms)
{
    if (loop->nfds == 0 && loop->heap_len == 0) {
        return -1;
    }
    int timeout = max_wait_ms;
    if (loop->heap_len > 0) {
        double wait = loop->timers[loop->heap[0]].deadline - fcw_loop_now();
        int t = wait <= 0 ? 0 : (int)ceil(wait);
        if (timeout < 0 || t < timeout) {
            timeout = t;
        }
    }
    int n = loop->nfds;
    for (int i = 0; i < n; i++) {
        loop->pfds[i].fd = loop->fds[i].fd;
        loop->pfds[i].events = (short)(((loop->fds[i].mask & FCW_LOOP_READ) ? POLLIN : 0) |
                                       ((loop->fds[i].mask & FCW_LOOP_WRITE) ? POLLOUT : 0));
        loop->pfds[i].revents = 0;
    }
    int rc = poll(loop->pfds, (nfds_t)n, timeout);
    if (rc < 0 && errno != EINTR) {
        return -1;
    }
    int ran = 0;
    for (int i = 0; rc > 0 && i < n; i++) {
        short re = loop->pfds[i].revents;
        if (re == 0) {
            continue;
        }
        int fd = loop->pfds[i].fd;
        int k = fd_index(loop, fd); /* an earlier callback may have removed it */
        if (k < 0) {
            continue;
        }
        int ev = ((re & POLLIN) ? FCW_LOOP_READ : 0) | ((re & POLLOUT) ? FCW_LOOP_WRITE : 0) |
                 ((re & (POLLERR | POLLHUP | POLLNVAL)) ? FCW_LOOP_ERROR : 0);
        loop->fds[k].cb(loop, fd, ev, loop->fds[k].data);
        ran++;
    }
    ran += run_due_timers(loop);
    return ran;
}
