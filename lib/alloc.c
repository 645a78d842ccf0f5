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
 * stays there, as it did with malloc's own caches) until an idle process
 * gives it back (fcw_alloc_release, pm.idle_release): each stretch of
 * free blocks side by side that holds a whole page leaves the lists as a
 * run, its whole pages are given back with MADV_DONTNEED, and runs are
 * carved from (the last found first) before any new slab.
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
#include <unistd.h>

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

/* Runs of free space whose whole pages went back to the kernel
 * (fcw_alloc_release): carved from before any new slab. */
struct run {
    char *start, *end;
};
static struct run *runs;
static size_t nruns;
/* bytes of the slabs made and the runs taken since the last release */
static size_t fresh;

/* The rest of the region being carved, too small for the next block,
 * goes on the free list of the largest class it holds. */
static void keep_rest(void)
{
    if (slab_next != NULL && (size_t)(slab_end - slab_next) >= HEADER + POOL_GRAIN) {
        size_t usable = ((size_t)(slab_end - slab_next) - HEADER) / POOL_GRAIN * POOL_GRAIN;
        struct free_block *b = (struct free_block *)(slab_next + HEADER);
        *(size_t *)slab_next = usable;
        b->next = free_lists[usable / POOL_GRAIN];
        free_lists[usable / POOL_GRAIN] = b;
    }
    slab_next = slab_end = NULL;
}

static void *carve(size_t usable)
{
    size_t need = HEADER + usable;
    if (slab_next == NULL || (size_t)(slab_end - slab_next) < need) {
        /* the rest of the region (under HEADER + POOL_MAX bytes) becomes
         * a free block; a run released earlier comes first, then a slab */
        keep_rest();
        while (nruns > 0 && slab_next == NULL) {
            /* (a run holds a whole page: it always has room) */
            nruns--;
            if ((size_t)(runs[nruns].end - runs[nruns].start) >= need) {
                slab_next = runs[nruns].start;
                slab_end = runs[nruns].end;
                fresh += (size_t)(slab_end - slab_next);
            }
        }
    }
    if (slab_next == NULL) {
        char *slab = arena_take(POOL_SLAB);
        if (slab == NULL) {
            slab = malloc(POOL_SLAB);
        }
        if (slab == NULL) {
            return NULL;
        }
        *(void **)slab = slabs;
        slabs = slab;
        fresh += POOL_SLAB;
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

/* ---- giving free pages back (fcw_alloc_release) ---- */

#define GRANULES (POOL_SLAB / POOL_GRAIN) /* of a slab, one bit each */
#define WORDS (GRANULES / 64)

static int slab_order(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (char *const *)a, y = (uintptr_t) * (char *const *)b;
    return x < y ? -1 : x > y;
}

/* The slab of sorted[0..n) that holds p, or -1. */
static long slab_of(char *const *sorted, size_t n, const char *p)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p < sorted[mid]) {
            hi = mid;
        } else if (p >= sorted[mid] + POOL_SLAB) {
            lo = mid + 1;
        } else {
            return (long)mid;
        }
    }
    return -1;
}

/* Marks [p, end) free in the bitmap of its slab. */
static void mark_free(uint64_t *bits, char *const *sorted, size_t n, const char *p, const char *end)
{
    long s = slab_of(sorted, n, p);
    if (s < 0 || end > sorted[s] + POOL_SLAB) {
        return;
    }
    uint64_t *w = bits + (size_t)s * WORDS;
    for (size_t g = (size_t)(p - sorted[s]) / POOL_GRAIN, e = (size_t)(end - sorted[s]) / POOL_GRAIN; g < e;) {
        size_t k = e - g < 64 - g % 64 ? e - g : 64 - g % 64; /* bits in this word */
        w[g / 64] |= (k == 64 ? ~(uint64_t)0 : (((uint64_t)1 << k) - 1)) << (g % 64);
        g += k;
    }
}

/* The first granule from g on (up to GRANULES) whose bit is `set`. */
static size_t next_bit(const uint64_t *w, size_t g, int set)
{
    while (g < GRANULES) {
        uint64_t word = (set ? w[g / 64] : ~w[g / 64]) >> (g % 64);
        if (word != 0) {
            return g + (size_t)__builtin_ctzll(word);
        }
        g = (g / 64 + 1) * 64;
    }
    return GRANULES;
}

/* Whether p lies in one of runs[0..n), which are in address order. */
static int in_runs(const struct run *r, size_t n, const char *p)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p < r[mid].start) {
            hi = mid;
        } else if (p >= r[mid].end) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}

size_t fcw_alloc_grown(void)
{
    return fresh;
}

void fcw_alloc_grown_reset(void)
{
    fresh = 0;
}

size_t fcw_alloc_release(void)
{
    (void)malloc_trim(0);
    size_t n = 0, nfree = 0, free_cap = 0, nfound = 0, found_cap = 0, released = 0;
    for (void *s = slabs; s != NULL; s = *(void **)s) {
        n++;
    }
    long page = sysconf(_SC_PAGESIZE);
    if (n == 0 || page <= 0 || page % POOL_GRAIN != 0) {
        return 0;
    }
    char **sorted = malloc(n * sizeof(*sorted));
    uint64_t *bits = calloc(n * WORDS, sizeof(*bits));
    struct free_block **blocks = NULL;
    struct run *found = NULL;
    if (sorted == NULL || bits == NULL) {
        goto out;
    }
    n = 0;
    for (void *s = slabs; s != NULL; s = *(void **)s) {
        sorted[n++] = s;
    }
    qsort(sorted, n, sizeof(*sorted), slab_order);
    /* free: the blocks on the lists (each read once: the walk is a cache
     * miss a block), the runs not yet carved and the rest of the region
     * being carved */
    for (size_t c = 0; c < POOL_CLASSES; c++) {
        for (struct free_block *b = free_lists[c]; b != NULL; b = b->next) {
            if (nfree == free_cap) {
                size_t cap = free_cap ? free_cap * 2 : 4096;
                struct free_block **more = realloc(blocks, cap * sizeof(*blocks));
                if (more == NULL) {
                    goto out; /* nothing changed yet */
                }
                blocks = more;
                free_cap = cap;
            }
            blocks[nfree++] = b;
            mark_free(bits, sorted, n, (char *)b - HEADER, (char *)b + c * POOL_GRAIN);
        }
    }
    for (size_t i = 0; i < nruns; i++) {
        mark_free(bits, sorted, n, runs[i].start, runs[i].end);
    }
    if (slab_next != NULL) {
        mark_free(bits, sorted, n, slab_next, slab_end);
    }
    /* every stretch of free space that holds a whole page becomes a run */
    for (size_t s = 0; s < n; s++) {
        const uint64_t *w = bits + s * WORDS;
        for (size_t g = next_bit(w, 0, 1); g < GRANULES;) {
            size_t e = next_bit(w, g, 0);
            char *start = sorted[s] + g * POOL_GRAIN, *end = sorted[s] + e * POOL_GRAIN;
            if (((uintptr_t)end & ~((uintptr_t)page - 1)) >
                (((uintptr_t)start + (uintptr_t)page - 1) & ~((uintptr_t)page - 1))) {
                if (nfound == found_cap) {
                    size_t cap = found_cap ? found_cap * 2 : 64;
                    struct run *more = realloc(found, cap * sizeof(*found));
                    if (more == NULL) {
                        goto out; /* nothing changed yet */
                    }
                    found = more;
                    found_cap = cap;
                }
                found[nfound++] = (struct run){start, end};
            }
            g = next_bit(w, e, 1);
        }
    }
    /* the lists again, without the blocks in runs (a block whose first
     * byte is in a run lies in it whole: a run is a whole stretch of free
     * space), in their order */
    for (size_t c = 0; c < POOL_CLASSES; c++) {
        free_lists[c] = NULL;
    }
    for (size_t i = nfree; i-- > 0;) {
        struct free_block *b = blocks[i];
        if (!in_runs(found, nfound, (char *)b - HEADER)) {
            size_t c = *header_of(b) / POOL_GRAIN;
            /* written only where it changes: a page a child shares with
             * the master (the runtime's heap before the child's first
             * collection) stays shared */
            if (b->next != free_lists[c]) {
                b->next = free_lists[c];
            }
            free_lists[c] = b;
        }
    }
    /* the region being carved is in a run, or stays as it is */
    if (slab_next != NULL && in_runs(found, nfound, slab_next)) {
        slab_next = slab_end = NULL;
    }
    /* and the runs' whole pages go back */
    for (size_t i = 0; i < nfound; i++) {
        char *p0 = (char *)(((uintptr_t)found[i].start + (uintptr_t)page - 1) & ~((uintptr_t)page - 1));
        char *p1 = (char *)((uintptr_t)found[i].end & ~((uintptr_t)page - 1));
        if (madvise(p0, (size_t)(p1 - p0), MADV_DONTNEED) == 0) {
            released += (size_t)(p1 - p0);
        }
    }
    free(runs);
    runs = found;
    nruns = nfound;
    found = NULL;
    fresh = 0;
out:
    free(found);
    free(blocks);
    free(sorted);
    free(bits);
    return released;
}
