/* SPDX-License-Identifier: MIT */
/*
 * What the parts of the RegExp binding share (lib/api_regexp.c: the
 * per-heap program cache, RegExp objects, exec and the accessors;
 * lib/api_regexp_input.c: the UTF-16 view of inputs; lib/api_regexp_ops.c:
 * the native loops behind replace, match and split; lib/api_regexp_statics.c:
 * RegExp.$1 and the other legacy statics). Internal to them, but
 * for the search index that lib/api_fastpath.c's String.prototype.search
 * asks for.
 */
#ifndef FCW_API_REGEXP_H
#define FCW_API_REGEXP_H

#include "engine.h"
#include "regexp.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* One compiled program of the cache. */
struct re_slot {
    struct fcw_re *re;
    uint16_t *source;
    size_t len;
    unsigned flags;
    uint32_t hash;
    uint64_t used; /* the cache clock when last used (LRU) */
    double id;     /* nonzero while it holds a program; unique per compilation */
    unsigned pins; /* in use by a call that may run JavaScript */
    int ncap;
    int named; /* some group has a name */
};

/* A string as UTF-16 code units, with the byte offset of each unit in the
 * string's internal (CESU-8) bytes when it is not ASCII. */
struct re_view {
    const uint16_t *units;
    const uint32_t *offs; /* NULL: ASCII, unit i is byte i */
    size_t len;
    const unsigned char *bytes;
    size_t blen;
    int temporary; /* owned by this view (the cached one was in use) */
    void *str;     /* the string (its heap pointer) */
    duk_idx_t idx; /* where the string is on the value stack */
};

/* The cached UTF-16 view of the last input (lib/api_regexp_input.c). */
struct re_input {
    void *str; /* the cached string (held: RE_HELD_INPUT), NULL when none */
    const unsigned char *bytes;
    size_t blen, len, cap;
    uint16_t *units;
    uint32_t *offs; /* buffer of byte offsets (kept across inputs) */
    int ascii;      /* the cached string is ASCII: offs is not used */
    int busy;       /* views of it held */
};

#define RE_CACHE_SLOTS 64

/* The legacy static properties of RegExp (RegExp.$1-$9, input, lastMatch,
 * lastParen, leftContext, rightContext; lib/api_regexp_statics.c) read the
 * last successful match of the built-in matching: what fcw_re_record keeps
 * of it, the strings being cut only when a property is read. */
#define RE_LAST_GROUPS 9
struct re_last {
    void *str;                          /* the input (held: RE_HELD_LAST_INPUT); NULL: no match yet */
    int ncap;                           /* the program's groups, the whole match included */
    int caps[2 * (RE_LAST_GROUPS + 1)]; /* the match and groups 1-9 (the first ncap): UTF-16 offsets, -1 for a
                                         * group that did not take part */
    int paren[2];                       /* the last group (lastParen), -1 when there is none or it did not take part */
    int input_set; /* RegExp.input was assigned since the match: it is the stash's "regexpLegacyInput" */
};

/* The String methods whose fast paths (lib/api_fastpath.c) take a RegExp
 * whose method under the symbol and exec are the built-in ones. */
enum re_method { RE_METHOD_SEARCH, RE_METHOD_MATCH, RE_METHOD_REPLACE, RE_METHODS };

/* What the binding keeps alive for its pointers, in one array held in the
 * heap stash (fcw_duk_held), written in place: the strings a match reads,
 * the property keys it looks up by pointer, and the noted methods. */
enum re_held {
    RE_HELD_INPUT,                      /* the converted input (struct re_input's str) */
    RE_HELD_LAST_INPUT,                 /* the last match's input (struct re_last's str), "" before one */
    RE_HELD_KEYS,                       /* the keys of struct re_keys, in its order */
    RE_HELD_METHODS = RE_HELD_KEYS + 4, /* symbol, method, exec of each re_method */
    RE_HELD_COUNT = RE_HELD_METHODS + 3 * RE_METHODS
};
struct re_keys {
    void *last_index, *exec, *program, *flags; /* "lastIndex", "exec", the hidden program and flags keys */
};

/* The binding's state in a heap: the program cache and the cached input
 * (its layout shared so that lib/api_regexp_input.c reaches the input). */
struct re_state {
    struct fcw_engine *engine;
    struct re_slot slots[RE_CACHE_SLOTS];
    size_t cached_units; /* total pattern length of the cached programs */
    uint64_t clock;
    double serial;
    struct re_input input;
    void *proto;           /* %RegExp.prototype% */
    void *native_ctor;     /* Duktape's RegExp constructor, to create objects of the RegExp class */
    void *builtin_exec;    /* RegExp.prototype.exec as first installed */
    void *array_proto;     /* %Array.prototype% */
    void *flag_names[8];   /* "hasIndices", "global", ... interned once (held in the stash) */
    void *flag_getters[8]; /* their getters as first made (held in the stash) */
    void *flags_name;      /* "flags" (held in the stash with flag_names) */
    void *flags_getter;    /* the flags getter as first made (held in the stash) */
    struct re_last last;   /* RegExp's legacy statics */
    void *held;            /* the array of enum re_held (in the stash) */
    struct re_keys keys;
    struct {
        void *symbol, *method, *exec; /* NULL until noted */
    } methods[RE_METHODS];
};

/* native.fastStringSearch and the others: notes the symbol (at
 * symbol_idx), the built-in method under it and the built-in exec their
 * fast path checks a RegExp for (held). */
void fcw_re_note_method(duk_context *ctx, enum re_method kind, duk_idx_t symbol_idx, duk_idx_t method_idx,
                        duk_idx_t exec_idx);
/* Whether the object at ridx reads, as data (no code run: an accessor or
 * a Proxy is the JavaScript's, which reads them in the spec's order), the
 * method noted for kind under its symbol and the noted exec. */
int fcw_re_untouched(duk_context *ctx, duk_idx_t ridx, enum re_method kind);
/* Whether the object at ridx has an own data lastIndex of +0. */
int fcw_re_last_index_zero(duk_context *ctx, duk_idx_t ridx);

/* RegExpBuiltinExec's match index (or -1) of the RegExp object at ridx on
 * the string at sidx, without the match array (lastIndex read and, for g
 * and y, written as exec does): pushes it and returns 1; returns 0 with
 * nothing pushed when ridx is no RegExp object or sidx no string. For
 * String.prototype.search's fast path (lib/api_fastpath.c). */
int fcw_re_search_index(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx);

/* Whether the object at ridx is a RegExp whose `flags` and every flag
 * (global, unicode, ...) read through the getters %RegExp.prototype% (its
 * prototype) was given, none shadowed by an own property: then reading
 * them runs no script and they are its own flags, given in *flags
 * (FCW_RE_*). For String.prototype.match's fast path. */
int fcw_re_plain_flags(duk_context *ctx, duk_idx_t ridx, unsigned *flags);

/* RegExpBuiltinExec(R at ridx, S at sidx): pushes the match array or null
 * and returns 1; returns 0 with nothing pushed when ridx is no RegExp
 * object or sidx no string. */
int fcw_re_exec_array(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx);

/* RegExp.prototype[@@match]'s loop for a global R (at ridx) whose exec is
 * the built-in one, on the string at sidx (lastIndex set to 0 before and
 * after): pushes the array of matches or null and returns 1; returns 0
 * with nothing pushed when R's program does not have the flags given
 * (global, and unicode for u or v). api_regexp_ops.c. */
int fcw_re_match_all(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx, int unicode);

/* native.regexpReplace(R, S, replaceValue, global, unicode), the whole
 * value stack its arguments: RegExp.prototype[@@replace]'s matches and
 * replacements for R whose exec is the built-in one (lastIndex set to 0
 * first when global); returns 1 with the result pushed, or 0 with nothing
 * pushed when R's program does not have the flags given. api_regexp_ops.c. */
duk_ret_t fcw_re_replace(duk_context *ctx);

/* The state of the heap ctx belongs to. */
struct re_state *fcw_re_state(duk_context *ctx);

/* The program of the RegExp at idx (compiled again if the cache dropped it),
 * pinned: unpin it with fcw_re_unpin. Throws a TypeError when idx is not a
 * RegExp object. */
struct re_slot *fcw_re_program(duk_context *ctx, struct re_state *st, duk_idx_t idx);
/* A program for (the source of the RegExp at idx, flags), pinned. */
struct re_slot *fcw_re_program_with_flags(duk_context *ctx, struct re_state *st, duk_idx_t idx, unsigned flags);
void fcw_re_unpin(struct re_slot *slot);

void fcw_re_input_free(duk_context *ctx, struct re_input *in);
/* A malloc'd copy of the string at idx as UTF-16 (patterns, flags). */
uint16_t *fcw_re_units_of(duk_context *ctx, duk_idx_t idx, size_t *len);

/* The string at idx as UTF-16; release it with fcw_re_view_release. */
void fcw_re_view(duk_context *ctx, struct re_state *st, duk_idx_t idx, struct re_view *v);
void fcw_re_view_release(duk_context *ctx, struct re_state *st, struct re_view *v);

/* Byte offset of unit i (i <= len). */
static inline size_t fcw_re_byte(const struct re_view *v, size_t i)
{
    return v->offs ? v->offs[i] : i;
}

/* Runs slot's program on v from start; on a match fills caps (2 * ncap).
 * Returns 1 or 0; throws on an interrupted or too complex match (after
 * unpinning slot and releasing v). */
int fcw_re_run(duk_context *ctx, struct re_state *st, struct re_slot *slot, struct re_view *v, size_t start, int *caps);

/* Records a successful match (caps of slot's program on v, whose string is
 * still at v->idx) as the last one, for RegExp.$1 and the other legacy
 * static properties. Every match the specification makes with
 * RegExpBuiltinExec must be recorded (exec, test, and the native loops of
 * replace, match, split and search); a match it would not have made (such
 * as split's beyond the end of the string) must not. */
void fcw_re_record_input(duk_context *ctx, struct re_state *st, const struct re_view *v); /* api_regexp.c */
static inline void fcw_re_record(duk_context *ctx, struct re_state *st, const struct re_slot *slot,
                                 const struct re_view *v, const int *caps)
{
    struct re_last *last = &st->last;
    int ncap = slot->ncap;
    if (last->str != v->str) {
        fcw_re_record_input(ctx, st, v);
    }
    last->input_set = 0;
    last->ncap = ncap;
    /* all of them, whatever ncap (the buffers of fcw_re_caps are at least
     * that long; the getters read the first ncap pairs): a fixed-size copy */
    memcpy(last->caps, caps, sizeof(last->caps));
    last->paren[0] = ncap > 1 ? caps[2 * ncap - 2] : -1;
    last->paren[1] = ncap > 1 ? caps[2 * ncap - 1] : -1;
}

/* Pushes v's units [start, end) as a string. */
void fcw_re_push_range(duk_context *ctx, const struct re_view *v, size_t start, size_t end);

/* Pushes the groups object of a match (lib/api_regexp.c): captures from the
 * array at values, or, when v is not NULL, as substrings of v's input. */
void fcw_re_push_groups(duk_context *ctx, const struct re_slot *slot, const int *caps, duk_idx_t values,
                        const struct re_view *v);

/* Arrays of results are filled before they get Array.prototype, so that
 * an index setter there is not called (CreateDataProperty). */
duk_idx_t fcw_re_push_array(duk_context *ctx);
void fcw_re_finish_array(duk_context *ctx, struct re_state *st, duk_idx_t arr);

/* Pushes a group name (UTF-8, from the engine) as Duktape keeps strings
 * (a character beyond U+FFFF as its surrogate pair). */
void fcw_re_push_group_name(duk_context *ctx, const char *name);

/* AdvanceStringIndex. */
size_t fcw_re_advance(const struct re_view *v, size_t index, int unicode);

/* ToLength(Get(obj, "lastIndex")), which may run JavaScript. */
double fcw_re_get_last_index(duk_context *ctx, duk_idx_t obj);
void fcw_re_set_last_index(duk_context *ctx, duk_idx_t obj, double value);

/* Capture buffers: a fixed array for the usual few groups, else allocated
 * (never shorter than RE_CAPS_INLINE ints: fcw_re_record reads that many). */
#define RE_CAPS_INLINE 64
int *fcw_re_caps(duk_context *ctx, int *inline_caps, int ncap);
void fcw_re_caps_free(duk_context *ctx, int *inline_caps, int *caps);

_Static_assert(RE_CAPS_INLINE >= 2 * (RE_LAST_GROUPS + 1), "fcw_re_record copies 2 * (RE_LAST_GROUPS + 1) ints");

void fcw_api_regexp_ops_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_regexp_statics_init(duk_context *ctx, duk_idx_t native_idx);
void fcw_api_regexp_statics_configure(struct fcw_engine *engine, const struct fcw_engine_config *config);

#endif
