/* SPDX-License-Identifier: MIT */
/*
 * The scoreboard: one shared-memory table per pool, one slot per child,
 * written by the child (its state, its current request and when it began)
 * and read by the master (spare-server counts, request_terminate_timeout)
 * and by the status page.
 */
#ifndef FCW_SCOREBOARD_H
#define FCW_SCOREBOARD_H

#include <stdint.h>
#include <sys/types.h>

enum slot_state { SLOT_FREE = 0, SLOT_STARTING, SLOT_IDLE, SLOT_READING, SLOT_RUNNING, SLOT_FINISHING };

struct scoreboard_slot {
    volatile pid_t pid;
    volatile int state;
    volatile uint64_t requests;
    volatile double started_at;      /* wall clock, seconds */
    volatile double request_started; /* monotonic ms, 0 when idle */
    volatile double last_duration_ms;
    volatile double idle_since;   /* monotonic ms */
    volatile uint64_t heap_bytes; /* the child's JavaScript heaps after its last request or idle work */
    volatile int terminating;
    volatile double slow_logged; /* request_started of the request logged as slow */
    char request[160];
};

struct scoreboard {
    unsigned nslots;
    volatile uint64_t accepted;
    volatile uint64_t slow_requests;
    volatile uint64_t max_children_reached;
    volatile uint64_t listen_queue;     /* connections waiting, sampled by the master */
    volatile uint64_t max_listen_queue; /* the most seen waiting */
    volatile uint64_t max_active;       /* the most children seen serving at once */
    /* requests answered, by outcome: [0] 1xx, [1] 2xx ... [4] 5xx, [5] ended
     * by a limit (whatever the status), and what they met and sent */
    volatile uint64_t outcomes[6];
    volatile uint64_t limit_hits[3]; /* cpu, wall, memory */
    volatile uint64_t subrequests;
    volatile uint64_t bytes_sent; /* response body bytes */
    /* idle children's pm.idle_release work, and the bytes of pages given back */
    volatile uint64_t idle_releases;
    volatile uint64_t idle_released_bytes;
    int reached_warned; /* master: max children reached was logged */
    double start_time;
    struct scoreboard_slot slots[];
};

struct scoreboard *scoreboard_new(unsigned nslots);
void scoreboard_free(struct scoreboard *sb);
struct scoreboard_slot *scoreboard_claim(struct scoreboard *sb);
struct scoreboard_slot *scoreboard_find(struct scoreboard *sb, pid_t pid);
void scoreboard_release(struct scoreboard_slot *slot);
unsigned scoreboard_count(const struct scoreboard *sb, int state);
unsigned scoreboard_total(const struct scoreboard *sb);
const char *scoreboard_state_name(int state);

/* Raises a pool-wide maximum to value (atomically: every child may). */
static inline void scoreboard_raise_max(volatile uint64_t *max, uint64_t value)
{
    uint64_t seen = __atomic_load_n(max, __ATOMIC_RELAXED);
    while (value > seen && !__atomic_compare_exchange_n(max, &seen, value, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
}

/* Children serving a request (reading it, running it or finishing it). */
unsigned scoreboard_active(const struct scoreboard *sb);

/* Counts one event in a pool-wide counter (accepted, slow_requests,
 * max_children_reached): every child and the master add to the same
 * shared memory, so the increment is atomic. */
static inline void scoreboard_count_event(volatile uint64_t *counter)
{
    __atomic_fetch_add(counter, 1, __ATOMIC_RELAXED);
}

/* Adds n to a pool-wide counter, atomically. */
static inline void scoreboard_add(volatile uint64_t *counter, uint64_t n)
{
    __atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
}

#endif
