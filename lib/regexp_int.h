/* SPDX-License-Identifier: MIT */
/*
 * Internals of the regular-expression engine shared by its files:
 * character sets (sorted, merged code-point ranges), the parse tree the
 * parser builds and the compiler walks, the program's opcodes, and the
 * Unicode helpers (case canonicalization, properties) on libunistring.
 * regexp_parse.c parses (regexp_class.c and, under v, regexp_classv.c
 * parse classes), regexp_compile.c emits the program,
 * regexp_exec.c runs it, regexp_class.c does set algebra and the
 * class escapes, regexp_unicode.c knows the Unicode names and case.
 */
#ifndef FCW_REGEXP_INT_H
#define FCW_REGEXP_INT_H

#include "regexp.h"

#include <stdint.h>

#define RE_MAX_CP 0x10FFFF
#define RE_INF 0x7FFFFFFF /* an unbounded quantifier's maximum */
#define RE_MAX_DEPTH 200  /* nesting of groups and classes */
#define RE_MAX_GROUPS 65535
#define RE_MAX_NODES (1 << 22)

/* A set of code points: n sorted, disjoint, non-adjacent [lo, hi] pairs. */
struct re_cset {
    uint32_t *r; /* r[2i] = lo, r[2i+1] = hi */
    int n, cap;
    int oom;
};

void re_cset_init(struct re_cset *s);
void re_cset_free(struct re_cset *s);
void re_cset_add(struct re_cset *s, uint32_t lo, uint32_t hi);
void re_cset_add_set(struct re_cset *s, const struct re_cset *t);
/* Adds the code points pts[0..n) (sorted in place). */
void re_cset_add_points(struct re_cset *s, uint32_t *pts, int n);
void re_cset_invert(struct re_cset *s, uint32_t max);
void re_cset_intersect(struct re_cset *s, const struct re_cset *t);
void re_cset_subtract(struct re_cset *s, const struct re_cset *t);
int re_cset_has(const struct re_cset *s, uint32_t c);
int re_cset_copy(struct re_cset *dst, const struct re_cset *src);
/* Adds every character whose canonical form equals that of a member. */
void re_cset_case_close(struct re_cset *s, int unicode);
/* \d \s \w and their complements (c one of dDsSwW). */
void re_cset_class_escape(struct re_cset *s, int c, int unicode, int icase);

/* Unicode (regexp_unicode.c) */
/* Canonicalize(ch) of the spec: simple case folding when unicode, else the
 * single-unit toUppercase that does not map non-ASCII to ASCII. */
uint32_t re_canon(uint32_t c, int unicode);
/* The characters other than k whose canonical form is k (up to max). */
int re_canon_inverse(uint32_t k, int unicode, uint32_t *out, int max);
/* Fills s with \p{name} / \p{name=value}; returns 0, -1 when unknown,
 * -2 when out of memory. */
int re_unicode_property(struct re_cset *s, const char *name, const char *value);
int re_is_id_start(uint32_t c);
int re_is_id_continue(uint32_t c);

/* Parse tree */
enum re_node_type {
    N_EMPTY,
    N_CHAR, /* val: code point */
    N_SET,  /* val: index into sets; inv: complemented */
    N_DOT,
    N_SEQ,     /* kids in order */
    N_ALT,     /* kids are alternatives */
    N_GROUP,   /* val: capture index, one kid */
    N_NCGROUP, /* (?: ) one kid */
    N_REPEAT,  /* min, max, greedy, one kid; cap_from..cap_to groups inside */
    N_BOL,
    N_EOL,
    N_WORDB,
    N_NWORDB,
    N_LOOK,     /* val: 0 ahead, 1 behind; inv: negative; one kid */
    N_BACKREF,  /* val: group number */
    N_NAMEDREF, /* val: index into the names of references */
    N_STRSET    /* v-mode class with strings: val: set, kid: ALT of strings */
};

struct re_node {
    uint8_t type, inv, greedy;
    int val;
    int min, max;
    int cap_from, cap_to; /* groups first..last inside a repeat (last < first when none) */
    int kid;              /* first child, -1 */
    int last;             /* last child, -1 */
    int next;             /* next sibling, -1 */
};

/* Opcodes of the program (uint32_t words: opcode then operands). A
 * matching opcode ORed with OPF_BACK reads the input backwards. */
enum re_op {
    OP_CHAR = 1, /* c */
    OP_CHAR2,    /* a b */
    OP_SET,      /* set */
    OP_NSET,     /* set: not in it */
    OP_DOT,      /* any but line terminators */
    OP_ANY,      /* any character */
    OP_BACKREF,  /* group */
    OP_BOL,
    OP_BOL_M,
    OP_EOL,
    OP_EOL_M,
    OP_WORDB,
    OP_NWORDB,
    OP_JMP,   /* target */
    OP_SPLIT, /* target: go on, on failure resume at target */
    OP_SAVE,  /* slot */
    OP_RESET, /* first_slot last_slot */
    OP_LOOK,  /* kind target: body follows, continuation at target */
    OP_LOOK_END,
    OP_LOOP_INIT,  /* reg */
    OP_LOOP,       /* reg min max exit */
    OP_LOOP_LAZY,  /* reg min max exit */
    OP_LOOP_ENTER, /* reg first_slot last_slot */
    OP_LOOP_NEXT,  /* reg min loop */
    OP_SPAN,       /* min max: followed by one single-character instruction */
    OP_SPAN_LAZY,  /* min max: likewise, fewest first */
    OP_MATCH
};
#define OPF_BACK 0x100
#define LOOK_BEHIND 1
#define LOOK_NEG 2

/* A compiled character set: an ASCII bitmap and the ranges above. */
struct re_cls {
    uint32_t ascii[4];
    uint32_t *r;
    int n;
};

struct fcw_re {
    unsigned flags;
    int ncap;
    int nregs;
    uint32_t *code;
    int ncode;
    struct re_cls *cls;
    int ncls;
    char **names; /* ncap entries, NULL when unnamed */
    /* start-of-match hints */
    int anchored;     /* begins with ^ (not multiline) */
    int first_kind;   /* 0 none, 1 a code unit, 2 a set of BMP units */
    uint32_t first_c; /* the unit when first_kind == 1 */
    int first_cls;    /* cls index when first_kind == 2 */
};

/* Parser state, shared by regexp_parse.c and regexp_compile.c */
struct re_parser {
    const uint16_t *p;
    size_t len, pos;
    unsigned flags;
    int unicode; /* u or v */
    int vmode;
    int icase;
    int ngroups_total; /* from the prescan */
    int has_named;     /* from the prescan */
    int ncap;          /* groups seen so far, group 0 included */
    int depth;
    struct re_node *nodes;
    int nnodes, capnodes;
    struct re_cset *sets;
    int nsets, capsets;
    char **names; /* by group */
    int capnames;
    char **refnames; /* \k<name> references, resolved after parsing */
    int nrefnames, caprefnames;
    char *err;
    size_t errlen;
    int failed;
};

int re_parse(struct re_parser *ps, int *root);
int re_fail(struct re_parser *ps, const char *msg);
int re_new_node(struct re_parser *ps, int type);
void re_add_kid(struct re_parser *ps, int parent, int kid);
int re_new_set(struct re_parser *ps);
int re_parse_class(struct re_parser *ps);
int re_parse_class_v(struct re_parser *ps, int n);
int re_parse_property_v(struct re_parser *ps);
int re_parse_property(struct re_parser *ps, struct re_cset *s, int negate);
int re_parse_escape_char(struct re_parser *ps, int in_class, uint32_t *out);
int re_next_cp(struct re_parser *ps, uint32_t *c);
int re_compile_tree(struct re_parser *ps, int root, struct fcw_re *re);

#endif
