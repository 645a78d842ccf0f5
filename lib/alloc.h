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
/* The bytes a block holds (what the engine counts against its limit): the
 * size word in front of every block. Inline: the engine asks on every
 * allocation and free. */
static inline size_t fcw_alloc_size(const void *p)
{
    return ((const size_t *)p)[-1];
}

#endif
