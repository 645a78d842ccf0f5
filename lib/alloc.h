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
void fcw_alloc_free(void *p);
/* For a process that serves one request: blocks come from now on from an
 * arena of size bytes (rounded up to 2 MB) of transparent huge pages where
 * the kernel has them, then from malloc when it is used up; large blocks
 * freed in it are not reused. 0, or -1 if there is none (already made, a
 * failed mmap, built with AddressSanitizer): malloc as before. */
int fcw_alloc_arena(size_t size);
/* The bytes a block holds (what the engine counts against its limit): the
 * size word in front of every block. Inline: the engine asks on every
 * allocation and free. */
static inline size_t fcw_alloc_size(const void *p)
{
    return ((const size_t *)p)[-1];
}

#endif
