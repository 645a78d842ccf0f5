/* SPDX-License-Identifier: MIT */
/*
 * Scoreboard storage: an anonymous shared mapping created by the master
 * before it forks, so every child of the pool sees the same table.
 */
#include "config.h"

#include "scoreboard.h"

#include <string.h>
#include <sys/mman.h>
#include <time.h>

static size_t scoreboard_size(unsigned nslots)
{
    return sizeof(struct scoreboard) + (size_t)nslots * sizeof(struct scoreboard_slot);
}

struct scoreboard *scoreboard_new(unsigned nslots)
{
    struct scoreboard *sb =
        mmap(NULL, scoreboard_size(nslots), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sb == MAP_FAILED) {
        return NULL;
    }
    memset(sb, 0, scoreboard_size(nslots));
    sb->nslots = nslots;
    sb->start_time = (double)time(NULL);
    return sb;
}

void scoreboard_free(struct scoreboard *sb)
{
    if (sb != NULL) {
        munmap(sb, scoreboard_size(sb->nslots));
    }
}

struct scoreboard_slot *scoreboard_claim(struct scoreboard *sb)
{
    for (unsigned i = 0; i < sb->nslots; i++) {
        if (sb->slots[i].state == SLOT_FREE) {
            struct scoreboard_slot *s = &sb->slots[i];
            memset(s, 0, sizeof(*s));
            s->state = SLOT_STARTING;
            s->started_at = (double)time(NULL);
            return s;
        }
    }
    return NULL;
}

struct scoreboard_slot *scoreboard_find(struct scoreboard *sb, pid_t pid)
{
    for (unsigned i = 0; i < sb->nslots; i++) {
        if (sb->slots[i].state != SLOT_FREE && sb->slots[i].pid == pid) {
            return &sb->slots[i];
        }
    }
    return NULL;
}

void scoreboard_release(struct scoreboard_slot *slot)
{
    slot->state = SLOT_FREE;
    slot->pid = 0;
}

unsigned scoreboard_count(const struct scoreboard *sb, int state)
{
    unsigned n = 0;
    for (unsigned i = 0; i < sb->nslots; i++) {
        n += sb->slots[i].state == state;
    }
    return n;
}

unsigned scoreboard_total(const struct scoreboard *sb)
{
    return sb->nslots - scoreboard_count(sb, SLOT_FREE);
}

const char *scoreboard_state_name(int state)
{
    static const char *const names[] = {"Free", "Starting", "Idle", "Reading headers", "Running", "Finishing"};
    return state >= 0 && state <= SLOT_FINISHING ? names[state] : "Unknown";
}

unsigned scoreboard_active(const struct scoreboard *sb)
{
    return scoreboard_count(sb, SLOT_READING) + scoreboard_count(sb, SLOT_RUNNING) +
           scoreboard_count(sb, SLOT_FINISHING);
}
