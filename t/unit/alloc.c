/* SPDX-License-Identifier: MIT */
/*
 * lib/alloc.c, the Duktape heap's allocator: sizes, reuse of freed blocks,
 * realloc within a class, across classes and to and from the large blocks
 * that go to malloc, with the contents kept; the arena of a one-request
 * process (fcw_alloc_arena). Built without the sanitizers
 * (under AddressSanitizer the allocator hands everything to malloc), so that the
 * free lists themselves are what is tested.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "tap.h"

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (unsigned char)(seed + i * 7);
    }
}

static int same(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != (unsigned char)(seed + i * 7)) {
            return 0;
        }
    }
    return 1;
}

/* Private_Dirty of the whole process, KiB, or -1. */
static long private_dirty_kib(void)
{
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    long kib = -1;
    while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, "Private_Dirty:", 14) == 0) {
            kib = atol(line + 14);
        }
    }
    if (f != NULL) {
        fclose(f);
    }
    return kib;
}

static int page_order(const void *a, const void *b)
{
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    /* sizes: rounded up to 8 for small blocks, exact for large ones */
    void *a = fcw_alloc(1), *b = fcw_alloc(24), *c = fcw_alloc(1000);
    ok(a && b && c, "blocks of 1, 24 and 1000 bytes");
    ok(fcw_alloc_size(a) == 8 && fcw_alloc_size(b) == 24 && fcw_alloc_size(c) == 1000,
       "sizes 8, 24, 1000 (got %zu, %zu, %zu)", fcw_alloc_size(a), fcw_alloc_size(b), fcw_alloc_size(c));
    ok(((uintptr_t)a % 8) == 0 && ((uintptr_t)b % 8) == 0 && ((uintptr_t)c % 8) == 0, "8-byte aligned");
    void *z = fcw_alloc(0);
    ok(z != NULL && fcw_alloc_size(z) >= 1, "a zero-byte request gets a block");
    fcw_alloc_free(z);

    /* a freed small block is the next one of its class */
    fcw_alloc_free(b);
    void *b2 = fcw_alloc(20);
    ok(b2 == b, "a freed 24-byte block is reused for 20 bytes");
    void *other = fcw_alloc(40);
    ok(other != b2, "another class does not get it");

    /* many live blocks do not overlap */
    enum { N = 5000 };
    static unsigned char *blocks[N];
    static size_t sizes[N];
    int all = 1;
    for (int i = 0; i < N; i++) {
        sizes[i] = (size_t)(i * 37 % 300) + 1;
        blocks[i] = fcw_alloc(sizes[i]);
        if (blocks[i] == NULL) {
            all = 0;
            break;
        }
        fill(blocks[i], sizes[i], (unsigned)i);
    }
    int intact = all;
    for (int i = 0; intact && i < N; i++) {
        intact = same(blocks[i], sizes[i], (unsigned)i);
    }
    ok(intact, "%d blocks of 1..300 bytes hold what was written to each", N);

    /* realloc keeps the contents: same class, bigger class, large, back */
    unsigned char *r = fcw_alloc(10);
    fill(r, 10, 3);
    unsigned char *r2 = fcw_alloc_realloc(r, 16);
    ok(r2 == r && same(r2, 10, 3), "realloc within the class stays in place");
    unsigned char *r3 = fcw_alloc_realloc(r2, 100);
    ok(r3 != NULL && fcw_alloc_size(r3) == 104 && same(r3, 10, 3), "realloc to a bigger class keeps the bytes");
    fill(r3, 100, 5);
    unsigned char *r4 = fcw_alloc_realloc(r3, 5000);
    ok(r4 != NULL && fcw_alloc_size(r4) == 5000 && same(r4, 100, 5), "realloc to a large block keeps the bytes");
    fill(r4, 5000, 9);
    unsigned char *r5 = fcw_alloc_realloc(r4, 9000);
    ok(r5 != NULL && fcw_alloc_size(r5) == 9000 && same(r5, 5000, 9), "large to larger keeps the bytes");
    unsigned char *r6 = fcw_alloc_realloc(r5, 50);
    ok(r6 != NULL && fcw_alloc_size(r6) == 56 && same(r6, 50, 9), "large back to small keeps the first bytes");
    ok(fcw_alloc_realloc(r6, 0) == NULL, "realloc to 0 frees");
    unsigned char *r7 = fcw_alloc_realloc(NULL, 30);
    ok(r7 != NULL && fcw_alloc_size(r7) == 32, "realloc of NULL allocates");
    fcw_alloc_free(r7);
    fcw_alloc_free(NULL);
    ok(1, "free(NULL) is a no-op");

    /* freed blocks go back on their class's list: after freeing them all,
     * 64 blocks of 200 bytes are all earlier blocks of that class */
    for (int i = 0; i < N; i++) {
        fcw_alloc_free(blocks[i]);
    }
    void *seen[64];
    int reused = 1;
    for (int j = 0; j < 64; j++) {
        seen[j] = fcw_alloc(200);
        int found = 0;
        for (int i = 0; i < N && !found; i++) {
            found = seen[j] == blocks[i] && sizes[i] > 192 && sizes[i] <= 200;
        }
        reused &= found;
    }
    ok(reused, "freed 200-byte-class blocks come back for 200-byte requests");
    for (int i = 0; i < 64; i++) {
        fcw_alloc_free(seen[i]);
    }
    fcw_alloc_free(a);
    fcw_alloc_free(b2);
    fcw_alloc_free(c);
    fcw_alloc_free(other);

    /* a string built by appending: each block a little larger than the one
     * freed before it, written whole. From the heap, its pages are reused;
     * mapped one by one (malloc's own limits, 128 KiB), every block faulted
     * in its ~64 pages afresh: ~25,000 faults here */
    struct rusage ru0, ru1;
    getrusage(RUSAGE_SELF, &ru0);
    unsigned char *grown = NULL;
    int kept = 1;
    for (int i = 0; i < 400; i++) {
        size_t n = 200000 + (size_t)i * 1000;
        unsigned char *next = fcw_alloc(n);
        kept &= next != NULL;
        if (next == NULL) {
            break;
        }
        fill(next, n, (unsigned)i);
        kept &= same(next, n, (unsigned)i);
        fcw_alloc_free(grown);
        grown = next;
    }
    fcw_alloc_free(grown);
    getrusage(RUSAGE_SELF, &ru1);
    long faults = ru1.ru_minflt - ru0.ru_minflt;
    ok(kept, "400 growing blocks of 200-600 KB, each written and read whole");
    ok(faults < 2000, "they cost the kernel few page faults (%ld): the heap's pages are reused", faults);

    /* the arena of a one-request process: blocks from it until it is used
     * up, large ones not reused, realloc copying them out, then malloc */
    /* a large block with more owners (a string keeping a buffer's bytes;
     * a buffer appending to that string, and the new string) */
    unsigned char *sh = fcw_alloc(4000);
    fill(sh, 4000, 5);
    sh[4000] = 0; /* the byte every large block has to spare */
    ok(fcw_alloc_share(sh) == 1 && fcw_alloc_shared(sh) && fcw_alloc_size(sh) == 4000,
       "a large block takes a second owner; its size is unchanged");
    ok(fcw_alloc_share(sh) == 1 && fcw_alloc_share(sh) == 1 && fcw_alloc_size(sh) == 4000, "a third and a fourth");
    ok(fcw_alloc_share(sh) == 0, "but not a fifth");
    ok(fcw_alloc_free(sh) == 0 && fcw_alloc_free(sh) == 0 && fcw_alloc_shared(sh) && same(sh, 4000, 5),
       "two frees release nothing and leave the bytes");
    ok(fcw_alloc_free(sh) == 0 && !fcw_alloc_shared(sh) && same(sh, 4000, 5) && fcw_alloc_size(sh) == 4000,
       "nor does the third, after which it has one owner");
    unsigned char *sh2 = fcw_alloc(4000);
    ok(sh2 != sh, "the block is not handed out again while an owner has it");
    ok(fcw_alloc_free(sh) == 4000, "the last free releases it (its size)");
    fcw_alloc_free(sh2);
    void *small = fcw_alloc(100);
    ok(fcw_alloc_share(small) == 0 && !fcw_alloc_shared(small) && fcw_alloc_free(small) == 104,
       "a small block takes no second owner");
    unsigned char *sr = fcw_alloc(3000);
    fill(sr, 3000, 6);
    fcw_alloc_share(sr);
    unsigned char *sr2 = fcw_alloc_realloc(sr, 6000);
    ok(sr2 != NULL && sr2 != sr && same(sr2, 3000, 6) && !fcw_alloc_shared(sr2) && !fcw_alloc_shared(sr) &&
           same(sr, 3000, 6),
       "realloc of a shared block gives a copy of its own and leaves the other owner the block");
    ok(fcw_alloc_free(sr) == 3000 && fcw_alloc_free(sr2) == 6000, "both are then released once each");

    unsigned char *before = fcw_alloc(5000);
    ok(fcw_alloc_arena(1) == 0, "an arena (1 byte asked: 2 MB made)");
    ok(fcw_alloc_arena(1 << 20) == -1, "only one");
    unsigned char *l1 = fcw_alloc(100000), *l2 = fcw_alloc(3000);
    ok(l1 != NULL && l2 != NULL && l2 > l1 && l2 - l1 >= 100000 && l2 - l1 < 100000 + 32,
       "large blocks are carved from it one after another");
    ok(((uintptr_t)l1 % 8) == 0 && ((uintptr_t)l2 % 8) == 0 && fcw_alloc_size(l1) == 100000, "8-byte aligned, sized");
    fill(l1, 100000, 11);
    unsigned char *l3 = fcw_alloc_realloc(l1, 200000);
    ok(l3 != NULL && l3 != l1 && fcw_alloc_size(l3) == 200000 && same(l3, 100000, 11),
       "realloc of an arena block copies it");
    fcw_alloc_free(l2);
    unsigned char *l4 = fcw_alloc(3000);
    ok(l4 != NULL && l4 != l2, "a freed large arena block is not reused");
    fill(before, 5000, 13);
    unsigned char *b5 = fcw_alloc_realloc(before, 6000);
    ok(b5 != NULL && same(b5, 5000, 13), "a malloc'd block made before the arena still reallocs");
    fcw_alloc_free(b5);
    unsigned char *s1 = NULL;
    for (int i = 0; i < 1000; i++) { /* past the free list and the slab begun before */
        s1 = fcw_alloc(256);
    }
    ok(s1 != NULL && s1 > l4 && s1 < l4 + (2 << 20), "small blocks' slabs come from it too");
    fcw_alloc_free(s1);
    ok(fcw_alloc(256) == s1, "and freed small blocks are reused as before");
    int filled = 1;
    unsigned char *big = NULL;
    for (int i = 0; i < 40 && filled; i++) {
        big = fcw_alloc(100000);
        filled = big != NULL;
        if (filled) {
            fill(big, 100000, (unsigned)i);
            filled = same(big, 100000, (unsigned)i);
        }
    }
    ok(filled, "past its end (4 MB asked of a 2 MB arena), blocks come from malloc");
    unsigned char *moved = fcw_alloc_realloc(big, 300000);
    ok(moved != NULL && same(moved, 100000, 39), "which realloc as before");
    fcw_alloc_free(moved);

    /* giving free pages back: 40,000 blocks of 8..256 bytes (over 5 MB of
     * slabs), every 200th kept (one in 27 KB); after the release the kept
     * ones hold their bytes, the pages of the freed stretches are out of
     * memory, and the next blocks come from those stretches (or the free
     * lists), hardly any from a new slab */
    enum { R = 40000 };
    static unsigned char *rel[R];
    static size_t rsz[R];
    for (int i = 0; i < R; i++) {
        rsz[i] = (size_t)(i * 53 % 256) + 1;
        rel[i] = fcw_alloc(rsz[i]);
        fill(rel[i], rsz[i], (unsigned)i);
    }
    for (int i = 0; i < R; i++) {
        if (i % 200 != 0) {
            fcw_alloc_free(rel[i]);
        }
    }
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t given = fcw_alloc_release();
    ok(given >= (size_t)4 << 20, "the release gave back %zu bytes of pages (over 4 MB)", given);
    int kept_ok = 1;
    for (int i = 0; i < R; i += 200) {
        kept_ok &= same(rel[i], rsz[i], (unsigned)i);
    }
    ok(kept_ok, "the %d blocks kept hold what was written to them", R / 200);
    /* the pages the blocks were on (those of the earlier test too, whose
     * freed blocks are on the lists) */
    static uintptr_t pg[R + N];
    size_t npg = 0, resident = 0, probed = 0;
    int probe_ok = 1;
    for (int i = 0; i < R; i++) {
        pg[npg++] = (uintptr_t)rel[i] / page;
        if (i % 200 != 0) {
            unsigned char v;
            probe_ok &= mincore((void *)((uintptr_t)rel[i] / page * page), 1, &v) == 0;
            resident += v & 1;
            probed++;
        }
    }
    for (int i = 0; i < N; i++) {
        pg[npg++] = (uintptr_t)blocks[i] / page;
    }
    qsort(pg, npg, sizeof(pg[0]), page_order);
    ok(probe_ok && resident * 3 < probed, "under a third of the freed blocks lie on resident pages (%zu of %zu)",
       resident, probed);
    /* again: the same blocks, from the stretches given back (inside the
     * old slabs: mapped pages, so none of them a new slab's) */
    static unsigned char *again[R];
    int inside = 0, written = 1;
    for (int i = 0; i < R; i++) {
        if (i % 200 == 0) {
            continue;
        }
        again[i] = fcw_alloc(rsz[i]);
        uintptr_t want = (uintptr_t)again[i] / page;
        inside += bsearch(&want, pg, npg, sizeof(pg[0]), page_order) != NULL;
        fill(again[i], rsz[i], (unsigned)i + 1);
    }
    for (int i = 0; i < R; i++) {
        written &= same(i % 200 == 0 ? rel[i] : again[i], rsz[i], (unsigned)i + (i % 200 != 0));
    }
    ok(inside >= R - R / 200 - R / 100, "the blocks made again lie on the pages of earlier ones (%d of %d)", inside,
       R - R / 200);
    ok(written, "and each holds its own bytes, as do the kept ones (no block given twice)");
    for (int i = 0; i < R; i++) {
        fcw_alloc_free(i % 200 == 0 ? rel[i] : again[i]);
    }
    ok(fcw_alloc_release() >= (size_t)4 << 20 && fcw_alloc_release() >= (size_t)4 << 20,
       "all freed: a release gives the pages back again, and another finds the same");
    void *after = fcw_alloc(64);
    fill(after, 64, 77);
    ok(after != NULL && same(after, 64, 77), "a block after it is usable");
    fcw_alloc_free(after);

    /* a release in a forked process writes no page it shares with its
     * parent unless it changes it: 40,000 blocks with every other one
     * freed (no whole page of them free, so every link of theirs is kept),
     * and the child's private pages grow by the release's own
     * arrays (~200 KB), not by the ~3 MB of pages the free lists run
     * through */
    static unsigned char *alt[R];
    for (int i = 0; i < R; i++) {
        alt[i] = fcw_alloc(64);
        fill(alt[i], 64, (unsigned)i);
    }
    for (int i = 0; i < R; i += 2) {
        fcw_alloc_free(alt[i]);
    }
    int fds[2];
    long grew = -1;
    if (pipe(fds) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            long dirty0 = private_dirty_kib();
            (void)fcw_alloc_release();
            long dirty1 = private_dirty_kib();
            long report = dirty0 < 0 || dirty1 < 0 ? -2 : dirty1 - dirty0;
            (void)!write(fds[1], &report, sizeof(report));
            _exit(0);
        }
        close(fds[1]);
        if (pid > 0 && read(fds[0], &grew, sizeof(grew)) != (ssize_t)sizeof(grew)) {
            grew = -1;
        }
        close(fds[0]);
        if (pid > 0) {
            waitpid(pid, NULL, 0);
        }
    }
    ok(grew >= 0 && grew < 1024, "a release in a forked child dirties %ld KiB of its pages (under 1 MB)", grew);
    int alt_ok = 1;
    for (int i = 1; i < R; i += 2) {
        alt_ok &= same(alt[i], 64, (unsigned)i);
    }
    ok(alt_ok, "and the parent's blocks are as they were");
    return done_testing();
}
