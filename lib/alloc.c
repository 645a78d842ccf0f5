/* SPDX-License-Identifier: MIT */
/*
 * A size-class allocator for the Duktape heaps. A request makes and drops a
 * few dozen small objects (object headers, property tables, strings); with
 * glibc's malloc and free those cost about a tenth of a simple request's
 * instructions (callgrind). Here blocks of up to POOL_MAX bytes come from
 * per-size free lists, carved from 64 KiB slabs and returned to the lists,
 * never to malloc; larger ones go to malloc. Every block has an 8-byte
 * header holding its size, so free and realloc need no lookup and the
 * engine counts exact bytes against limits.memory_mb. Memory kept on the
 * lists is reused by the next request (a process's heap peaks early and
 * stays there, as it did with malloc's own caches).
 *
 * A process that serves one request (CGI) can have its blocks carved from
 * an arena instead (fcw_alloc_arena): one mapping, 2 MB aligned and marked
 * for transparent huge pages, so that the ~2.4 MB a CGI hello's heap takes
 * costs the kernel two page faults instead of ~600 (each a trap, a page
 * cleared and charged: a sixth of a CGI hello's wall time). Small blocks
 * still return to their free lists; a large block freed there is not
 * reused (a realloc copies it), which a process for one request can
 * afford; once the arena is used up, blocks come from malloc again.
 * (Valgrind's memcheck sees the arena as one mapping; the blocks of
 * engines that use malloc, t/jsrun's, are where it checks them.)
 *
 * Large blocks: glibc's malloc serves a block of 128 KiB or more with a
 * mapping of its own, unmapped at free, and gives the top of its heap back
 * to the kernel once 128 KiB of it are free (it raises both limits to the
 * size of a mapped block freed, but a block larger than the last one is
 * mapped again). A string built by appending (`html += part`, hono/jsx's
 * buffer[0] += ...) is copied into a new block at every append, each a
 * little larger than the one freed before it, so past 64–128 KiB every
 * append had the kernel map and clear fresh pages: a 213 KB page of 16,000
 * appends took 189,000 page faults and 430 ms (4 ms in Node), 31 ms with
 * the limits below, which keep blocks of up to 4 MiB in the heap and up to
 * 8 MiB of it free at its top (larger blocks are still mapped, and so
 * returned at free). Set once, before the first large block.
 *
 * Built with AddressSanitizer, every block goes to malloc, so ASan still
 * checks each one.
 *
 * Shared blocks: a large block can be given more owners
 * (fcw_alloc_share: a long string that keeps the bytes of the buffer it
 * was made from, and a buffer appending to a string that dies with the
 * append, lib/duk_hooks.c). The count of the owners beyond the first is
 * in the top two bits of its size word; each free but the last drops
 * one, the last releases the block. Every large block has a byte to spare
 * after its size, for the NUL that string data ends with.
 */
#include "config.h"

#include "alloc.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define POOL_GRAIN 8
#if defined(__SANITIZE_ADDRESS__)
#define POOL_MAX 0
#else
#define POOL_MAX 256
#endif
#define POOL_CLASSES (POOL_MAX / POOL_GRAIN + 1)
#define POOL_SLAB (64 * 1024)
#define HEADER sizeof(size_t)
/* Sizes served from the lists (none under AddressSanitizer). */
#define IS_SMALL(size) (POOL_MAX > 0 && (size) <= POOL_MAX)

struct free_block {
    struct free_block *next;
};

static struct free_block *free_lists[POOL_CLASSES];
static char *slab_next, *slab_end;
/* Every slab, chained through its first word (kept so that leak checkers
 * see the slabs as reachable). */
static void *slabs;
/* The arena (fcw_alloc_arena): [arena_base, arena_end), used up to
 * arena_next. */
static char *arena_base, *arena_next, *arena_end;

#define ARENA_ALIGN ((size_t)2 << 20)
/* malloc's limits for large blocks (see above) */
#define LARGE_MMAP_THRESHOLD (4 << 20)
#define LARGE_TRIM_THRESHOLD (8 << 20)

int fcw_alloc_arena(size_t size)
{
#if defined(__SANITIZE_ADDRESS__)
    (void)size;
    return -1;
#else
    if (arena_base != NULL || size == 0 || size > SIZE_MAX / 2) {
        return -1;
    }
    size = (size + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
    char *m = mmap(NULL, size + ARENA_ALIGN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        return -1;
    }
    char *base = (char *)(((uintptr_t)m + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1));
#if defined(MADV_HUGEPAGE)
    (void)madvise(base, size, MADV_HUGEPAGE); /* a hint: without it, 4 KiB pages */
#endif
    arena_base = arena_next = base;
    arena_end = base + size;
    return 0;
#endif
}

/* n bytes (a multiple of 16) from the arena, or NULL when it has no room. */
static void *arena_take(size_t n)
{
    if (arena_next == NULL || (size_t)(arena_end - arena_next) < n) {
        return NULL;
    }
    void *p = arena_next;
    arena_next += n;
    return p;
}

static int in_arena(const void *p)
{
    return (const char *)p >= arena_base && (const char *)p < arena_end;
}

/* A block of HEADER + size bytes and the spare byte for a large
 * allocation. */
static size_t *large_block(size_t size)
{
    static int malloc_tuned;
    if (!malloc_tuned) {
        malloc_tuned = 1;
        (void)mallopt(M_MMAP_THRESHOLD, LARGE_MMAP_THRESHOLD);
        (void)mallopt(M_TRIM_THRESHOLD, LARGE_TRIM_THRESHOLD);
    }
    size_t *block = arena_take((HEADER + size + 1 + 15) & ~(size_t)15);
    return block != NULL ? block : malloc(HEADER + size + 1);
}

static size_t *header_of(const void *p)
{
    return (size_t *)((uintptr_t)p - HEADER);
}

/* The usable size of the class that holds size bytes (size <= POOL_MAX). */
static size_t class_size(size_t size)
{
    return size == 0 ? POOL_GRAIN : (size + POOL_GRAIN - 1) / POOL_GRAIN * POOL_GRAIN;
}

static void *carve(size_t usable)
{
    size_t need = HEADER + usable;
    if (slab_next == NULL || (size_t)(slab_end - slab_next) < need) {
        /* the rest of the old slab is left unused: at most POOL_MAX bytes */
        char *slab = arena_take(POOL_SLAB);
        if (slab == NULL) {
            slab = malloc(POOL_SLAB);
        }
        if (slab == NULL) {
            return NULL;
        }
        *(void **)slab = slabs;
        slabs = slab;
        slab_next = slab + 16;
        slab_end = slab + POOL_SLAB;
    }
    char *block = slab_next;
    slab_next += need;
    *(size_t *)block = usable;
    return block + HEADER;
}

void *fcw_alloc(size_t size)
{
    if (IS_SMALL(size)) {
        size_t usable = class_size(size);
        struct free_block *b = free_lists[usable / POOL_GRAIN];
        if (b != NULL) {
            free_lists[usable / POOL_GRAIN] = b->next;
            return b;
        }
        return carve(usable);
    }
    if (size >= FCW_ALLOC_OWNER - HEADER - 16) {
        return NULL;
    }
    size_t *block = large_block(size);
    if (block == NULL) {
        return NULL;
    }
    *block = size;
    return (char *)block + HEADER;
}

size_t fcw_alloc_free(void *p)
{
    if (p == NULL) {
        return 0;
    }
    size_t size = *header_of(p);
    if (size & FCW_ALLOC_SHARED) {
        *header_of(p) = size - FCW_ALLOC_OWNER; /* another owner frees it */
        return 0;
    }
    if (IS_SMALL(size)) {
        struct free_block *b = p;
        b->next = free_lists[size / POOL_GRAIN];
        free_lists[size / POOL_GRAIN] = b;
        return size;
    }
    if (!in_arena(p)) {
        free(header_of(p));
    }
    return size;
}

int fcw_alloc_share(void *p)
{
    size_t size = *header_of(p);
    if (IS_SMALL(size & ~FCW_ALLOC_SHARED) || (size & FCW_ALLOC_SHARED) == FCW_ALLOC_SHARED) {
        return 0;
    }
    *header_of(p) = size + FCW_ALLOC_OWNER;
    return 1;
}

void *fcw_alloc_realloc(void *p, size_t size)
{
    if (p == NULL) {
        return fcw_alloc(size);
    }
    if (size == 0) {
        fcw_alloc_free(p);
        return NULL;
    }
    size_t old = *header_of(p);
    if (old & FCW_ALLOC_SHARED) {
        /* (no owner resizes a shared block; were one to, it gets a block
         * of its own and the other keeps this one) */
        old &= ~FCW_ALLOC_SHARED;
    } else if (IS_SMALL(size) && IS_SMALL(old) && class_size(size) == old) {
        return p;
    } else if (!IS_SMALL(size) && !IS_SMALL(old) && !in_arena(p)) {
        if (size >= FCW_ALLOC_OWNER - HEADER - 16) {
            return NULL;
        }
        size_t *block = realloc(header_of(p), HEADER + size + 1);
        if (block == NULL) {
            return NULL;
        }
        *block = size;
        return (char *)block + HEADER;
    }
    void *q = fcw_alloc(size);
    if (q == NULL) {
        return NULL;
    }
    memcpy(q, p, old < size ? old : size);
    fcw_alloc_free(p);
    return q;
}
