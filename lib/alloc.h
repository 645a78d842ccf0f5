/* SPDX-License-Identifier: MIT */
/*
 * The allocator behind the Duktape heaps: small blocks from per-size free
 * lists, large ones from malloc, each block knowing its own size (see
 * alloc.c). One per process; single-threaded like the rest of a child.
 */
#ifndef FCW_ALLOC_H
#define FCW_ALLOC_H

#include <stddef.h>

/* A block of at least size bytes, 8-byte aligned, or NULL. */
void *fcw_alloc(size_t size);
/* As realloc(3): NULL and size 0 free; on failure p is left as it was. */
void *fcw_alloc_realloc(void *p, size_t size);
/* Frees p, or drops one of its owners when it has more (fcw_alloc_share).
 * Returns the bytes released: its size, or 0 when it still has an owner. */
size_t fcw_alloc_free(void *p);
/* Gives the large block p one more owner (up to four): it is released at
 * the last owner's fcw_alloc_free. 1, or 0 when it cannot (a small block,
 * four owners already). A large block has one byte to spare after its
 * fcw_alloc_size bytes. */
int fcw_alloc_share(void *p);
/* For a process that serves one request: blocks come from now on from an
 * arena of size bytes (rounded up to 2 MB) of transparent huge pages where
 * the kernel has them, then from malloc when it is used up; large blocks
 * freed in it are not reused. 0, or -1 if there is none (already made, a
 * failed mmap, built with AddressSanitizer): malloc as before. */
int fcw_alloc_arena(size_t size);
/* Gives free memory back to the kernel: malloc's (malloc_trim), and every
 * whole page of the small blocks' slabs that holds only free blocks. A
 * stretch of free space holding such a page leaves the free lists and is
 * carved from again before any new slab; its pages come back, cleared, as
 * they are written. For a process that has been idle (its engines
 * collected first). Returns the bytes of the pages given back (counting
 * again those of stretches given back before and not used since). */
size_t fcw_alloc_release(void);
/* The bytes of pages the small blocks took since the last release (new
 * slabs, and stretches given back then carved again). */
size_t fcw_alloc_grown(void);
/* Counts fcw_alloc_grown from now (a child, from what it inherited). */
void fcw_alloc_grown_reset(void);
/* The count of a block's owners beyond the first (fcw_alloc_share): the
 * top two bits of the size word in front of it. */
#define FCW_ALLOC_OWNER ((size_t)1 << (sizeof(size_t) * 8 - 2))
#define FCW_ALLOC_SHARED ((size_t)3 * FCW_ALLOC_OWNER)

/* The bytes a block holds (what the engine counts against its limit): the
 * size word in front of every block. Inline: the engine asks on every
 * allocation and free. */
static inline size_t fcw_alloc_size(const void *p)
{
    return ((const size_t *)p)[-1] & ~FCW_ALLOC_SHARED;
}

/* Whether the block p has more than one owner (fcw_alloc_share). */
static inline int fcw_alloc_shared(const void *p)
{
    return (((const size_t *)p)[-1] & FCW_ALLOC_SHARED) != 0;
}

#endif
