/* SPDX-License-Identifier: MIT */
/*
 * A small tree of configuration values and the two readers that make one:
 * TOML (the subset wrangler.toml files use: tables, dotted keys, arrays of
 * tables, basic and literal strings, multi-line strings, integers, floats,
 * booleans, bare dates, arrays, inline tables) and JSON, with comments and
 * trailing commas allowed for wrangler.jsonc. See cfgtree.c.
 */
#ifndef FCW_CFGTREE_H
#define FCW_CFGTREE_H

#include <stddef.h>

enum cfg_type { CFG_TABLE, CFG_ARRAY, CFG_STRING, CFG_NUMBER, CFG_BOOL, CFG_NULL };

struct cfg_node {
    enum cfg_type type;
    char *key;  /* in a table; NULL in an array */
    char *str;  /* CFG_STRING */
    double num; /* CFG_NUMBER; CFG_BOOL: 0 or 1 */
    int line;
    int defined;                   /* a table made by a [header] or a key (not only implied by a dotted name) */
    struct cfg_node *child, *last; /* tables and arrays, in order */
    struct cfg_node *next;
    struct cfg_node *made_next; /* the reader's list of every node it made */
};

/* NULL with "line N: message" in err on a syntax error. */
struct cfg_node *cfg_parse_toml(const char *text, char *err, size_t errlen);
struct cfg_node *cfg_parse_json(const char *text, char *err, size_t errlen);
void cfg_free(struct cfg_node *n);

/* The member key of a table, or NULL. */
struct cfg_node *cfg_get(const struct cfg_node *table, const char *key);
/* The value as JSON text (malloc'd). */
char *cfg_to_json(const struct cfg_node *n);
const char *cfg_type_name(enum cfg_type t);

#endif
