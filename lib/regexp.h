/* SPDX-License-Identifier: MIT */
/*
 * ECMAScript regular expressions (ES2024 syntax and semantics), fcworker's
 * own engine: a pattern in UTF-16 is compiled to a program for a
 * backtracking machine that keeps its backtrack stack on the heap (no C
 * recursion), and matching asks a callback every few thousand steps whether
 * to stop, so that the request's CPU limit ends a catastrophic pattern.
 * A leaf of lib/: it knows nothing of Duktape; api_regexp.c binds it to
 * JavaScript. Unicode properties and case mapping come from libunistring.
 */
#ifndef FCW_REGEXP_H
#define FCW_REGEXP_H

#include <stddef.h>
#include <stdint.h>

/* Flags, as in RegExp.prototype.flags. */
#define FCW_RE_HAS_INDICES 0x01  /* d */
#define FCW_RE_GLOBAL 0x02       /* g */
#define FCW_RE_IGNORE_CASE 0x04  /* i */
#define FCW_RE_MULTILINE 0x08    /* m */
#define FCW_RE_DOT_ALL 0x10      /* s */
#define FCW_RE_UNICODE 0x20      /* u */
#define FCW_RE_UNICODE_SETS 0x40 /* v */
#define FCW_RE_STICKY 0x80       /* y */

/* exec results */
#define FCW_RE_NOMATCH 0
#define FCW_RE_MATCH 1
#define FCW_RE_INTERRUPTED (-1) /* the callback asked to stop */
#define FCW_RE_NOMEM (-2)       /* the backtrack stack outgrew its bound */

struct fcw_re;

/* Parses a flags string ("dgimsuvy" in any order, each at most once, not
 * both u and v) into *flags; returns 0, or -1 when it is not valid. */
int fcw_re_parse_flags(const uint16_t *s, size_t len, unsigned *flags);

/* Compiles pattern (UTF-16 code units, as a JavaScript string holds them).
 * Returns the program, or NULL with a SyntaxError message (UTF-8) in err. */
struct fcw_re *fcw_re_compile(const uint16_t *pattern, size_t len, unsigned flags, char *err, size_t errlen);
void fcw_re_free(struct fcw_re *re);

unsigned fcw_re_flags(const struct fcw_re *re);
/* Capture groups including group 0. */
int fcw_re_capture_count(const struct fcw_re *re);
/* The name of a group (UTF-8, NUL-terminated), or NULL when it has none. */
const char *fcw_re_group_name(const struct fcw_re *re, int group);

/* Called about every 4096 steps of matching; nonzero stops the match with
 * FCW_RE_INTERRUPTED. */
typedef int (*fcw_re_interrupt_cb)(void *opaque);

/* Runs the program on input[0..len) from index start: only there when the
 * program was compiled sticky, else at start and each later position (the
 * caller applies lastIndex and global). On FCW_RE_MATCH, captures holds
 * 2 * fcw_re_capture_count() indices (start, end) into input, -1 for a group
 * that did not take part. Under u/v a start inside a surrogate pair means
 * that pair (the match may then begin at start - 1). */
int fcw_re_exec(const struct fcw_re *re, const uint16_t *input, size_t len, size_t start, int *captures,
                fcw_re_interrupt_cb cb, void *opaque);

/* Optional, in the master before forking: builds the case-folding tables
 * the i flag uses (otherwise built at the first such compile in each
 * process), so that the children share them. */
void fcw_re_init_main(void);

#endif
