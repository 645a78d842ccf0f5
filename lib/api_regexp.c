/* SPDX-License-Identifier: MIT */
/*
 * The native half of RegExp (js/16-regexp.js) on fcworker's own engine
 * (lib/regexp.h): RegExp objects, RegExp.prototype.exec and test, the
 * flag and source accessors, and what lib/api_regexp_ops.c's loops share.
 *
 * A RegExp object is one Duktape creates (so that it has the RegExp class,
 * for Object.prototype.toString), with its pattern and flags in hidden
 * properties and the id of its compiled program. Programs live in a
 * per-heap cache keyed by (pattern, flags), bounded and least-recently-used,
 * so that a literal evaluated on every request compiles once; an object
 * whose program was dropped compiles it again. Regexp literals that Duktape
 * compiled itself are adopted on first use: their source and flags are read
 * from Duktape's internal properties.
 *
 * Inputs reach the engine as UTF-16 through lib/api_regexp_input.c.
 *
 * Matching asks fcw_engine_timeout_check every few thousand steps, so the
 * request's CPU and wall limits stop a catastrophic pattern: the match
 * throws, and the engine, now interrupted, ends the request with a 503.
 */
#include "config.h"

#include "api_regexp.h"
#include "duk_hooks.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RE_CACHE_UNITS (256 * 1024) /* pattern units the cache keeps beyond the newest */

#define SOURCE_KEY DUK_HIDDEN_SYMBOL("fcwReSource")
#define FLAGS_KEY DUK_HIDDEN_SYMBOL("fcwReFlags")
#define PROGRAM_KEY DUK_HIDDEN_SYMBOL("fcwReProgram")
/* Duktape's own properties of a RegExp it created */
#define DUK_SOURCE_KEY                                                                                                 \
    "\x82"                                                                                                             \
    "Source"
#define DUK_BYTECODE_KEY                                                                                               \
    "\x82"                                                                                                             \
    "Bytecode"

enum getter_magic { MAGIC_SOURCE = 100, MAGIC_FLAGS = 101 };

struct re_state *fcw_re_state(duk_context *ctx)
{
    return fcw_engine_slot(fcw_engine_of(ctx), FCW_ENGINE_SLOT_REGEXP);
}

/* ---- the program cache ---- */

static uint32_t hash_units(const uint16_t *s, size_t len, unsigned flags)
{
    uint32_t h = 2166136261u ^ flags;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ s[i]) * 16777619u;
    }
    return h;
}

static void slot_clear(struct re_state *st, struct re_slot *s)
{
    if (s->id != 0) {
        st->cached_units -= s->len;
    }
    fcw_re_free(s->re);
    free(s->source);
    s->re = NULL;
    s->source = NULL;
    s->id = 0;
}

/* The cached program for (pattern, flags), compiled if needed; NULL with
 * the SyntaxError message in err. Not pinned. */
static struct re_slot *cache_get(struct re_state *st, const uint16_t *src, size_t len, unsigned flags, char *err,
                                 size_t errlen)
{
    uint32_t h = hash_units(src, len, flags);
    struct re_slot *victim = NULL;
    for (int i = 0; i < RE_CACHE_SLOTS; i++) {
        struct re_slot *s = &st->slots[i];
        if (s->id != 0 && s->hash == h && s->flags == flags && s->len == len &&
            memcmp(s->source, src, len * sizeof(uint16_t)) == 0) {
            s->used = ++st->clock;
            return s;
        }
        if (s->pins == 0 && (victim == NULL || (victim->id != 0 && (s->id == 0 || s->used < victim->used)))) {
            victim = s;
        }
    }
    if (victim == NULL) {
        snprintf(err, errlen, "too many regular expressions in use at once");
        return NULL;
    }
    struct fcw_re *re = fcw_re_compile(src, len, flags, err, errlen);
    if (re == NULL) {
        return NULL;
    }
    uint16_t *copy = malloc((len + 1) * sizeof(uint16_t));
    if (copy == NULL) {
        fcw_re_free(re);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    memcpy(copy, src, len * sizeof(uint16_t));
    slot_clear(st, victim);
    /* long patterns: keep the total bounded, least recently used first */
    while (st->cached_units + len > RE_CACHE_UNITS) {
        struct re_slot *old = NULL;
        for (int i = 0; i < RE_CACHE_SLOTS; i++) {
            struct re_slot *c = &st->slots[i];
            if (c->id != 0 && c->pins == 0 && (old == NULL || c->used < old->used)) {
                old = c;
            }
        }
        if (old == NULL) {
            break;
        }
        slot_clear(st, old);
    }
    st->cached_units += len;
    victim->re = re;
    victim->source = copy;
    victim->len = len;
    victim->flags = flags;
    victim->hash = h;
    victim->used = ++st->clock;
    victim->ncap = fcw_re_capture_count(re);
    victim->named = 0;
    for (int g = 1; g < victim->ncap; g++) {
        victim->named |= fcw_re_group_name(re, g) != NULL;
    }
    victim->id = (double)(victim - st->slots) + RE_CACHE_SLOTS * ++st->serial;
    return victim;
}

void fcw_re_unpin(struct re_slot *slot)
{
    if (slot != NULL && slot->pins > 0) {
        slot->pins--;
    }
}

/* 1: a RegExp object (adopting one Duktape compiled), 0: not one. */
static int is_regexp(duk_context *ctx, duk_idx_t idx);

/* Compiles the string at pidx with flags into a pinned slot, or throws the
 * SyntaxError. */
static struct re_slot *compile_or_throw(duk_context *ctx, struct re_state *st, duk_idx_t pidx, unsigned flags)
{
    size_t len = 0;
    uint16_t *src = fcw_re_units_of(ctx, pidx, &len);
    char err[256];
    struct re_slot *s = cache_get(st, src, len, flags, err, sizeof(err));
    free(src);
    if (s == NULL) {
        static const char prefix[] = "Invalid regular expression: ";
        const char *why = strncmp(err, prefix, sizeof(prefix) - 1) == 0 ? err + sizeof(prefix) - 1 : err;
        char letters[9];
        size_t n = 0;
        for (int bit = 0; bit < 8; bit++) {
            if (flags & (1u << bit)) {
                letters[n++] = "dgimsuvy"[bit];
            }
        }
        letters[n] = '\0';
        (void)duk_error(ctx, DUK_ERR_SYNTAX_ERROR, "%s/%s/%s: %s", prefix, duk_get_string(ctx, pidx), letters, why);
    }
    s->pins++;
    return s;
}

static void put_hidden(duk_context *ctx, duk_idx_t obj, const char *key)
{
    fcw_duk_put_hidden(ctx, obj, key);
}

/* The program of idx, known to be a RegExp object. */
static struct re_slot *program_of(duk_context *ctx, struct re_state *st, duk_idx_t idx)
{
    double id = 0;
    (void)fcw_duk_own_data_number(ctx, idx, st->keys.program, &id);
    if (id > 0) {
        struct re_slot *s = &st->slots[(size_t)fmod(id, RE_CACHE_SLOTS)];
        if (s->id == id) {
            s->used = ++st->clock;
            s->pins++;
            return s;
        }
    }
    duk_get_prop_literal(ctx, idx, FLAGS_KEY);
    unsigned flags = (unsigned)duk_get_uint(ctx, -1);
    duk_get_prop_literal(ctx, idx, SOURCE_KEY);
    struct re_slot *s = compile_or_throw(ctx, st, -1, flags);
    duk_pop_2(ctx);
    duk_push_number(ctx, s->id);
    put_hidden(ctx, idx, PROGRAM_KEY);
    return s;
}

struct re_slot *fcw_re_program(duk_context *ctx, struct re_state *st, duk_idx_t idx)
{
    idx = duk_normalize_index(ctx, idx);
    if (!is_regexp(ctx, idx)) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a RegExp object");
    }
    return program_of(ctx, st, idx);
}

struct re_slot *fcw_re_program_with_flags(duk_context *ctx, struct re_state *st, duk_idx_t idx, unsigned flags)
{
    idx = duk_normalize_index(ctx, idx);
    if (!is_regexp(ctx, idx)) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a RegExp object");
    }
    duk_get_prop_literal(ctx, idx, SOURCE_KEY);
    struct re_slot *s = compile_or_throw(ctx, st, -1, flags);
    duk_pop(ctx);
    return s;
}

/* ---- RegExp objects ---- */

/* Whether obj, which has key (FLAGS_KEY or DUK_BYTECODE_KEY) on its chain,
 * has it as its own: it does unless its prototype has it too (an object
 * inheriting from a RegExp), which takes the slow descriptor check. */
static int has_own(duk_context *ctx, duk_idx_t obj, int flags_key)
{
    duk_get_prototype(ctx, obj);
    int inherited = duk_is_object(ctx, -1) && (flags_key ? duk_has_prop_literal(ctx, -1, FLAGS_KEY)
                                                         : duk_has_prop_literal(ctx, -1, DUK_BYTECODE_KEY));
    duk_pop(ctx);
    if (!inherited) {
        return 1;
    }
    duk_push_string(ctx, flags_key ? FLAGS_KEY : DUK_BYTECODE_KEY);
    duk_get_prop_desc(ctx, obj, 0);
    int own = duk_is_object(ctx, -1);
    duk_pop(ctx);
    return own;
}

/* Takes over a RegExp Duktape compiled (a literal): its escaped source and
 * the g/i/m flags from the first byte of its bytecode. */
static void adopt(duk_context *ctx, duk_idx_t idx)
{
    duk_get_prop_literal(ctx, idx, DUK_BYTECODE_KEY);
    duk_size_t n = 0;
    const unsigned char *bc = (const unsigned char *)duk_get_lstring(ctx, -1, &n);
    unsigned dflags = n > 0 ? bc[0] : 0, flags = 0;
    duk_pop(ctx);
    flags |= (dflags & 1) ? FCW_RE_GLOBAL : 0;
    flags |= (dflags & 2) ? FCW_RE_IGNORE_CASE : 0;
    flags |= (dflags & 4) ? FCW_RE_MULTILINE : 0;
    duk_get_prop_literal(ctx, idx, DUK_SOURCE_KEY);
    if (!duk_is_string(ctx, -1)) {
        duk_pop(ctx);
        duk_push_literal(ctx, "");
    }
    put_hidden(ctx, idx, SOURCE_KEY);
    duk_push_uint(ctx, flags);
    put_hidden(ctx, idx, FLAGS_KEY);
}

static int is_regexp(duk_context *ctx, duk_idx_t idx)
{
    if (!duk_is_object(ctx, idx)) {
        return 0;
    }
    /* the common case, a RegExp made or adopted: its own flags found by
     * one lookup */
    idx = duk_normalize_index(ctx, idx);
    double flags;
    if (fcw_duk_own_data_number(ctx, idx, fcw_re_state(ctx)->keys.flags, &flags)) {
        return 1;
    }
    if (duk_has_prop_literal(ctx, idx, FLAGS_KEY) && has_own(ctx, idx, 1)) {
        return 1;
    }
    if (duk_has_prop_literal(ctx, idx, DUK_BYTECODE_KEY) && has_own(ctx, idx, 0)) {
        adopt(ctx, idx);
        return 1;
    }
    return 0;
}

static unsigned parse_flags_or_throw(duk_context *ctx, duk_idx_t fidx)
{
    size_t len = 0;
    uint16_t *f = fcw_re_units_of(ctx, fidx, &len);
    unsigned flags = 0;
    int bad = fcw_re_parse_flags(f, len, &flags) < 0;
    free(f);
    if (bad) {
        (void)duk_error(ctx, DUK_ERR_SYNTAX_ERROR, "Invalid regular expression flags '%s'", duk_get_string(ctx, fidx));
    }
    return flags;
}

/* Sets the pattern (string at pidx), flags and program of the RegExp at obj. */
static void initialize(duk_context *ctx, struct re_state *st, duk_idx_t obj, duk_idx_t pidx, duk_idx_t fidx)
{
    unsigned flags = parse_flags_or_throw(ctx, fidx);
    struct re_slot *s = compile_or_throw(ctx, st, pidx, flags);
    double id = s->id;
    fcw_re_unpin(s);
    duk_dup(ctx, pidx);
    put_hidden(ctx, obj, SOURCE_KEY);
    duk_push_uint(ctx, flags);
    put_hidden(ctx, obj, FLAGS_KEY);
    duk_push_number(ctx, id);
    put_hidden(ctx, obj, PROGRAM_KEY);
}

/* native.regexpCreate(pattern, flags, proto): a new RegExp (both strings
 * already coerced), inheriting from proto. */
static duk_ret_t native_create(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_require_string(ctx, 0);
    duk_require_string(ctx, 1);
    duk_push_heapptr(ctx, st->native_ctor);
    duk_new(ctx, 0);
    initialize(ctx, st, 3, 0, 1);
    if (duk_is_object(ctx, 2) && duk_get_heapptr(ctx, 2) != st->proto) {
        duk_dup(ctx, 2);
        duk_set_prototype(ctx, 3);
    }
    return 1;
}

/* native.regexpInitialize(regexp, pattern, flags): Annex B compile(). */
static duk_ret_t native_initialize(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    if (!is_regexp(ctx, 0)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp.prototype.compile called on an object that is not a RegExp");
    }
    duk_require_string(ctx, 1);
    duk_require_string(ctx, 2);
    initialize(ctx, st, 0, 1, 2);
    duk_dup(ctx, 0);
    return 1;
}

/* native.isRegExpObject(value): has [[RegExpMatcher]]. */
static duk_ret_t native_is_regexp(duk_context *ctx)
{
    duk_push_boolean(ctx, is_regexp(ctx, 0));
    return 1;
}

/* native.regexpSource(regexp): [[OriginalSource]]; native.regexpFlags(regexp):
 * [[OriginalFlags]] as a number (undefined when not a RegExp). */
static duk_ret_t native_source(duk_context *ctx)
{
    if (!is_regexp(ctx, 0)) {
        return 0;
    }
    duk_get_prop_literal(ctx, 0, SOURCE_KEY);
    return 1;
}

static duk_ret_t native_flags(duk_context *ctx)
{
    if (!is_regexp(ctx, 0)) {
        return 0;
    }
    duk_get_prop_literal(ctx, 0, FLAGS_KEY);
    return 1;
}

/* The flag accessors, in the order of RegExp.prototype.flags. */
static const struct {
    const char *name;
    unsigned flag;
    char letter;
} flag_props[] = {
    {"hasIndices", FCW_RE_HAS_INDICES, 'd'},   {"global", FCW_RE_GLOBAL, 'g'},  {"ignoreCase", FCW_RE_IGNORE_CASE, 'i'},
    {"multiline", FCW_RE_MULTILINE, 'm'},      {"dotAll", FCW_RE_DOT_ALL, 's'}, {"unicode", FCW_RE_UNICODE, 'u'},
    {"unicodeSets", FCW_RE_UNICODE_SETS, 'v'}, {"sticky", FCW_RE_STICKY, 'y'},
};
#define N_FLAG_PROPS (sizeof(flag_props) / sizeof(flag_props[0]))

/* native.regexpSetup(prototype, DuktapeRegExp, exec): the intrinsics. */
static duk_ret_t native_setup(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_push_heap_stash(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_literal(ctx, -2, "regexpPrototype");
    duk_dup(ctx, 1);
    duk_put_prop_literal(ctx, -2, "regexpNativeConstructor");
    duk_dup(ctx, 2);
    duk_put_prop_literal(ctx, -2, "regexpExec");
    st->proto = duk_require_heapptr(ctx, 0);
    st->native_ctor = duk_require_heapptr(ctx, 1);
    st->builtin_exec = duk_require_heapptr(ctx, 2);
    duk_get_global_literal(ctx, "Array");
    duk_get_prop_literal(ctx, -1, "prototype");
    st->array_proto = duk_require_heapptr(ctx, -1);
    duk_put_prop_literal(ctx, 3, "regexpArrayPrototype");
    duk_push_array(ctx);
    for (size_t i = 0; i < N_FLAG_PROPS; i++) {
        duk_push_string(ctx, flag_props[i].name);
        st->flag_names[i] = duk_get_heapptr(ctx, -1);
        duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
    }
    duk_push_literal(ctx, "flags");
    st->flags_name = duk_get_heapptr(ctx, -1);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)N_FLAG_PROPS);
    duk_put_prop_literal(ctx, 3, "regexpFlagNames");
    return 0;
}

void fcw_re_note_method(duk_context *ctx, enum re_method kind, duk_idx_t symbol_idx, duk_idx_t method_idx,
                        duk_idx_t exec_idx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_idx_t idx[3] = {duk_require_normalize_index(ctx, symbol_idx), duk_require_normalize_index(ctx, method_idx),
                        duk_require_normalize_index(ctx, exec_idx)};
    for (int i = 0; i < 3; i++) {
        fcw_duk_hold(ctx, st->held, (duk_uarridx_t)(RE_HELD_METHODS + 3 * kind + i), idx[i]);
    }
    st->methods[kind].symbol = duk_require_heapptr(ctx, idx[0]);
    st->methods[kind].method = duk_require_heapptr(ctx, idx[1]);
    st->methods[kind].exec = duk_require_heapptr(ctx, idx[2]);
}

int fcw_re_untouched(duk_context *ctx, duk_idx_t ridx, enum re_method kind)
{
    struct re_state *st = fcw_re_state(ctx);
    return st->methods[kind].symbol != NULL &&
           fcw_duk_data_is(ctx, ridx, st->methods[kind].symbol, st->methods[kind].method) &&
           fcw_duk_data_is(ctx, ridx, st->keys.exec, st->methods[kind].exec);
}

int fcw_re_last_index_zero(duk_context *ctx, duk_idx_t ridx)
{
    double n;
    return fcw_duk_own_data_number(ctx, ridx, fcw_re_state(ctx)->keys.last_index, &n) && n == 0 && !signbit(n);
}

/* ---- matching ---- */

static int interrupt_cb(void *opaque)
{
    return fcw_engine_timeout_check(opaque);
}

int fcw_re_run(duk_context *ctx, struct re_state *st, struct re_slot *slot, struct re_view *v, size_t start, int *caps)
{
    int rc = fcw_re_exec(slot->re, v->units, v->len, start, caps, interrupt_cb, st->engine);
    if (rc >= 0) {
        return rc;
    }
    fcw_re_unpin(slot);
    fcw_re_view_release(ctx, st, v);
    if (rc == FCW_RE_INTERRUPTED) {
        enum engine_interrupt why = fcw_engine_interrupted(st->engine);
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "regular expression stopped: the request reached its %s limit",
                         why == ENGINE_MEMORY_LIMIT ? "memory"
                         : why == ENGINE_WALL_LIMIT ? "wall time"
                                                    : "CPU time");
    }
    return duk_error(ctx, DUK_ERR_RANGE_ERROR, "regular expression too complex");
}

void fcw_re_record_input(duk_context *ctx, struct re_state *st, const struct re_view *v)
{
    fcw_duk_hold(ctx, st->held, RE_HELD_LAST_INPUT, v->idx);
    st->last.str = v->str;
}

double fcw_re_get_last_index(duk_context *ctx, duk_idx_t obj)
{
    struct re_state *st = fcw_re_state(ctx);
    double n;
    if (fcw_duk_own_data_number(ctx, obj, st->keys.last_index, &n)) {
        return !(n > 0) ? 0 : floor(n) > 9007199254740991.0 ? 9007199254740991.0 : floor(n);
    }
    fcw_duk_get_prop_literal_fast(ctx, obj, "lastIndex");
    n = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : duk_to_number(ctx, -1);
    duk_pop(ctx);
    if (!(n > 0)) {
        return 0;
    }
    n = floor(n);
    return n > 9007199254740991.0 ? 9007199254740991.0 : n;
}

void fcw_re_set_last_index(duk_context *ctx, duk_idx_t obj, double value)
{
    obj = duk_normalize_index(ctx, obj);
    duk_push_number(ctx, value);
    duk_put_prop_literal(ctx, obj, "lastIndex");
}

int *fcw_re_caps(duk_context *ctx, int *inline_caps, int ncap)
{
    if (2 * ncap <= RE_CAPS_INLINE) {
        return inline_caps;
    }
    return duk_push_fixed_buffer(ctx, (size_t)ncap * 2 * sizeof(int));
}

duk_idx_t fcw_re_push_array(duk_context *ctx)
{
    return duk_push_bare_array(ctx);
}

void fcw_re_finish_array(duk_context *ctx, struct re_state *st, duk_idx_t arr)
{
    duk_push_heapptr(ctx, st->array_proto);
    duk_set_prototype(ctx, arr);
}

void fcw_re_push_group_name(duk_context *ctx, const char *name)
{
    size_t n = strlen(name), o = 0, wide = 0;
    const unsigned char *u = (const unsigned char *)name;
    for (size_t i = 0; i < n; i++) {
        wide |= u[i] >= 0xF0;
    }
    if (!wide) {
        duk_push_lstring(ctx, name, n);
        return;
    }
    unsigned char *out = duk_push_fixed_buffer(ctx, n * 2);
    for (size_t i = 0; i < n;) {
        if (u[i] >= 0xF0 && i + 3 < n) {
            uint32_t cp = ((uint32_t)(u[i] & 0x07) << 18) | ((uint32_t)(u[i + 1] & 0x3F) << 12) |
                          ((uint32_t)(u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F);
            o += fcw_cesu8_put(cp, out + o);
            i += 4;
        } else {
            out[o++] = u[i++];
        }
    }
    duk_push_lstring(ctx, (const char *)out, o);
    duk_remove(ctx, -2);
}

/* CreateDataProperty(obj, key, value on top): defined, not set, so that a
 * setter on Array.prototype is not called. */
#define define_value(ctx, obj, key)                                                                                    \
    do {                                                                                                               \
        duk_push_literal((ctx), key);                                                                                  \
        duk_insert((ctx), -2);                                                                                         \
        duk_def_prop((ctx), (obj), DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WEC);                                      \
    } while (0)

/* The groups object of a match: each named group's capture, the one that
 * took part when several groups share a name. A capture is the element of
 * the array at values (the match's strings, or its indices), or, with a
 * view instead (values < 0), the substring of the input. */
void fcw_re_push_groups(duk_context *ctx, const struct re_slot *slot, const int *caps, duk_idx_t values,
                        const struct re_view *v)
{
    duk_push_bare_object(ctx);
    for (int i = 1; i < slot->ncap; i++) {
        const char *name = fcw_re_group_name(slot->re, i);
        if (name == NULL) {
            continue;
        }
        fcw_re_push_group_name(ctx, name);
        if (caps[2 * i] < 0) {
            duk_dup_top(ctx);
            if (duk_has_prop(ctx, -3)) {
                duk_pop(ctx); /* a group of that name took part */
                continue;
            }
        }
        if (v == NULL) {
            duk_get_prop_index(ctx, values, (duk_uarridx_t)i);
        } else if (caps[2 * i] < 0) {
            duk_push_undefined(ctx);
        } else {
            fcw_re_push_range(ctx, v, (size_t)caps[2 * i], (size_t)caps[2 * i + 1]);
        }
        duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WEC);
    }
}

/* Pushes the match array of RegExpBuiltinExec. */
static void push_match(duk_context *ctx, struct re_state *st, struct re_slot *slot, const struct re_view *v,
                       const int *caps, duk_idx_t input)
{
    int ncap = slot->ncap, named = slot->named;
    duk_idx_t arr = fcw_re_push_array(ctx);
    for (int i = 0; i < ncap; i++) {
        if (caps[2 * i] < 0) {
            duk_push_undefined(ctx);
        } else {
            fcw_re_push_range(ctx, v, (size_t)caps[2 * i], (size_t)caps[2 * i + 1]);
        }
        duk_put_prop_index(ctx, arr, (duk_uarridx_t)i);
    }
    duk_push_int(ctx, caps[0]);
    define_value(ctx, arr, "index");
    duk_dup(ctx, input);
    define_value(ctx, arr, "input");
    if (named) {
        fcw_re_push_groups(ctx, slot, caps, arr, NULL);
    } else {
        duk_push_undefined(ctx);
    }
    define_value(ctx, arr, "groups");
    if (slot->flags & FCW_RE_HAS_INDICES) {
        duk_idx_t indices = fcw_re_push_array(ctx);
        for (int i = 0; i < ncap; i++) {
            if (caps[2 * i] < 0) {
                duk_push_undefined(ctx);
            } else {
                duk_idx_t pair = fcw_re_push_array(ctx);
                duk_push_int(ctx, caps[2 * i]);
                duk_put_prop_index(ctx, pair, 0);
                duk_push_int(ctx, caps[2 * i + 1]);
                duk_put_prop_index(ctx, pair, 1);
                fcw_re_finish_array(ctx, st, pair);
            }
            duk_put_prop_index(ctx, indices, (duk_uarridx_t)i);
        }
        if (named) {
            fcw_re_push_groups(ctx, slot, caps, indices, NULL);
        } else {
            duk_push_undefined(ctx);
        }
        define_value(ctx, indices, "groups");
        fcw_re_finish_array(ctx, st, indices);
        define_value(ctx, arr, "indices");
    }
    fcw_re_finish_array(ctx, st, arr);
}

/* What builtin_exec pushes. */
enum exec_result { EXEC_BOOLEAN, EXEC_ARRAY, EXEC_INDEX };

/* RegExpBuiltinExec(R at ridx, a RegExp object, S at sidx): pushes the
 * match array (or null), for test a boolean, for search the index of the
 * match (or -1). */
static void builtin_exec(duk_context *ctx, struct re_state *st, duk_idx_t ridx, duk_idx_t sidx, enum exec_result want)
{
    double li = fcw_re_get_last_index(ctx, ridx);
    struct re_slot *slot = program_of(ctx, st, ridx);
    int inline_caps[RE_CAPS_INLINE];
    int *caps = fcw_re_caps(ctx, inline_caps, slot->ncap);
    int gy = (slot->flags & (FCW_RE_GLOBAL | FCW_RE_STICKY)) != 0;
    if (!gy) {
        li = 0;
    }
    struct re_view v;
    fcw_re_view(ctx, st, sidx, &v);
    int m = li <= (double)v.len && fcw_re_run(ctx, st, slot, &v, (size_t)li, caps);
    if (m) {
        fcw_re_record(ctx, st, slot, &v, caps);
    }
    if (want == EXEC_ARRAY) {
        if (m) {
            push_match(ctx, st, slot, &v, caps, sidx);
        } else {
            duk_push_null(ctx);
        }
    } else if (want == EXEC_INDEX) {
        duk_push_int(ctx, m ? caps[0] : -1);
    } else {
        duk_push_boolean(ctx, m);
    }
    fcw_re_view_release(ctx, st, &v);
    fcw_re_unpin(slot);
    if (gy) {
        fcw_re_set_last_index(ctx, ridx, m ? (double)caps[1] : 0);
    }
}

/* RegExp.prototype.exec(string) */
static duk_ret_t re_exec(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_push_this(ctx);
    if (!is_regexp(ctx, 1)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp.prototype.exec called on an object that is not a RegExp");
    }
    duk_to_string(ctx, 0);
    builtin_exec(ctx, st, 1, 0, EXEC_ARRAY);
    return 1;
}

/* native.regexpSearchIndex(R, S): RegExpBuiltinExec's match index (or
 * -1) without the match array, for RegExp.prototype[Symbol.search] when
 * R's exec is the built-in one (lastIndex is read and, for g and y,
 * written as by exec). */
static duk_ret_t re_search_index(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    if (!is_regexp(ctx, 0)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp exec called on an object that is not a RegExp");
    }
    duk_to_string(ctx, 1);
    builtin_exec(ctx, st, 0, 1, EXEC_INDEX);
    return 1;
}

/* builtin_exec(R at ridx, S at sidx) when R is a RegExp object and S a
 * string: 1 with its result pushed, else 0 with nothing pushed. */
static int exec_if_regexp(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx, enum exec_result want)
{
    struct re_state *st = fcw_re_state(ctx);
    ridx = duk_require_normalize_index(ctx, ridx);
    sidx = duk_require_normalize_index(ctx, sidx);
    if (!is_regexp(ctx, ridx) || !duk_is_string(ctx, sidx)) {
        return 0;
    }
    builtin_exec(ctx, st, ridx, sidx, want);
    return 1;
}

int fcw_re_exec_array(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx)
{
    return exec_if_regexp(ctx, ridx, sidx, EXEC_ARRAY);
}

int fcw_re_plain_flags(duk_context *ctx, duk_idx_t ridx, unsigned *flags)
{
    struct re_state *st = fcw_re_state(ctx);
    ridx = duk_require_normalize_index(ctx, ridx);
    if (st->proto == NULL || st->flags_getter == NULL || st->flags_name == NULL ||
        !fcw_duk_inherits_getters(ctx, ridx, st->proto, &st->flags_name, &st->flags_getter, 1) ||
        !fcw_duk_inherits_getters(ctx, ridx, st->proto, st->flag_names, st->flag_getters, (int)N_FLAG_PROPS) ||
        !is_regexp(ctx, ridx)) {
        return 0;
    }
    duk_get_prop_literal(ctx, ridx, FLAGS_KEY);
    *flags = (unsigned)duk_get_uint(ctx, -1);
    duk_pop(ctx);
    return 1;
}

int fcw_re_search_index(duk_context *ctx, duk_idx_t ridx, duk_idx_t sidx)
{
    return exec_if_regexp(ctx, ridx, sidx, EXEC_INDEX);
}

/* RegExp.prototype.test(string): RegExpExec without the array when exec is
 * the built-in one. */
static duk_ret_t re_test(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    duk_push_this(ctx);
    if (!duk_is_object(ctx, 1)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp.prototype.test called on a value that is not an object");
    }
    duk_to_string(ctx, 0);
    fcw_duk_get_prop_literal_fast(ctx, 1, "exec");
    if (duk_get_heapptr(ctx, 2) != st->builtin_exec && duk_is_callable(ctx, 2)) {
        duk_dup(ctx, 1);
        duk_dup(ctx, 0);
        duk_call_method(ctx, 1);
        if (!duk_is_null(ctx, -1) && !duk_is_object(ctx, -1)) {
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "exec must return an object or null");
        }
        duk_push_boolean(ctx, !duk_is_null(ctx, -1));
        return 1;
    }
    if (!is_regexp(ctx, 1)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp.prototype.test called on an object that is not a RegExp");
    }
    builtin_exec(ctx, st, 1, 0, EXEC_BOOLEAN);
    return 1;
}

/* ---- accessors ---- */

/* EscapeRegExpPattern: "/" outside a class and line terminators escaped,
 * "(?:)" for the empty pattern. Pushes the result. */
static void push_escaped_source(duk_context *ctx, duk_idx_t src)
{
    duk_size_t n = 0;
    const char *s = duk_get_lstring(ctx, src, &n);
    if (n == 0) {
        duk_push_literal(ctx, "(?:)");
        return;
    }
    char *out = duk_push_dynamic_buffer(ctx, n * 6);
    size_t o = 0;
    int in_class = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            out[o++] = '\\';
            if (d == '\n' || d == '\r') {
                out[o++] = d == '\n' ? 'n' : 'r';
                i++;
                continue;
            }
            i++;
            c = d;
            if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
                memcpy(out + o, (unsigned char)s[i + 2] == 0xA8 ? "u2028" : "u2029", 5);
                o += 5;
                i += 2;
                continue;
            }
            out[o++] = (char)c;
            continue;
        }
        if (c == '[') {
            in_class = 1;
        } else if (c == ']') {
            in_class = 0;
        }
        if (c == '/' && !in_class) {
            out[o++] = '\\';
            out[o++] = '/';
        } else if (c == '\n') {
            memcpy(out + o, "\\n", 2);
            o += 2;
        } else if (c == '\r') {
            memcpy(out + o, "\\r", 2);
            o += 2;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            memcpy(out + o, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
            o += 6;
            i += 2;
        } else {
            out[o++] = (char)c;
        }
    }
    duk_resize_buffer(ctx, -1, o);
    duk_buffer_to_string(ctx, -1);
}

/* get RegExp.prototype.global and the other flags (magic: the index in
 * flag_props), .source (MAGIC_SOURCE) and .flags (MAGIC_FLAGS). */
static duk_ret_t re_getter(duk_context *ctx)
{
    struct re_state *st = fcw_re_state(ctx);
    int magic = duk_get_current_magic(ctx);
    duk_push_this(ctx);
    if (!duk_is_object(ctx, 0)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp.prototype getter called on a value that is not an object");
    }
    if (magic == MAGIC_FLAGS) {
        char buf[N_FLAG_PROPS + 1];
        size_t n = 0;
        /* a RegExp that reads each flag through its original getter on
         * %RegExp.prototype%: those getters' answers, from its flags */
        if (st->proto != NULL &&
            fcw_duk_inherits_getters(ctx, 0, st->proto, st->flag_names, st->flag_getters, (int)N_FLAG_PROPS) &&
            is_regexp(ctx, 0)) {
            duk_get_prop_literal(ctx, 0, FLAGS_KEY);
            unsigned flags = (unsigned)duk_get_uint(ctx, -1);
            for (size_t i = 0; i < N_FLAG_PROPS; i++) {
                if (flags & flag_props[i].flag) {
                    buf[n++] = flag_props[i].letter;
                }
            }
            duk_push_lstring(ctx, buf, n);
            return 1;
        }
        for (size_t i = 0; i < N_FLAG_PROPS; i++) {
            duk_push_heapptr(ctx, st->flag_names[i]);
            duk_get_prop(ctx, 0);
            if (duk_to_boolean(ctx, -1)) {
                buf[n++] = flag_props[i].letter;
            }
            duk_pop(ctx);
        }
        duk_push_lstring(ctx, buf, n);
        return 1;
    }
    if (!is_regexp(ctx, 0)) {
        if (duk_get_heapptr(ctx, 0) == st->proto) {
            if (magic == MAGIC_SOURCE) {
                duk_push_literal(ctx, "(?:)");
                return 1;
            }
            return 0;
        }
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "RegExp.prototype getter called on an object that is not a RegExp");
    }
    if (magic == MAGIC_SOURCE) {
        duk_get_prop_literal(ctx, 0, SOURCE_KEY);
        push_escaped_source(ctx, -1);
        return 1;
    }
    duk_get_prop_literal(ctx, 0, FLAGS_KEY);
    duk_push_boolean(ctx, (duk_get_uint(ctx, -1) & flag_props[magic].flag) != 0);
    return 1;
}

/* native.regexpGetters: { global: fn, ..., source: fn, flags: fn } (held
 * in the stash too: .flags compares the flag getters with these) */
static void push_getters(duk_context *ctx, struct re_state *st)
{
    duk_push_object(ctx);
    for (size_t i = 0; i < N_FLAG_PROPS; i++) {
        duk_push_c_function(ctx, re_getter, 0);
        duk_set_magic(ctx, -1, (duk_int_t)i);
        st->flag_getters[i] = duk_get_heapptr(ctx, -1);
        duk_put_prop_string(ctx, -2, flag_props[i].name);
    }
    duk_push_c_function(ctx, re_getter, 0);
    duk_set_magic(ctx, -1, MAGIC_SOURCE);
    duk_put_prop_literal(ctx, -2, "source");
    duk_push_c_function(ctx, re_getter, 0);
    duk_set_magic(ctx, -1, MAGIC_FLAGS);
    st->flags_getter = duk_get_heapptr(ctx, -1);
    duk_put_prop_literal(ctx, -2, "flags");
}

/* ---- setup ---- */

void fcw_api_regexp_init(duk_context *ctx, duk_idx_t native_idx)
{
    struct re_state *st = calloc(1, sizeof(*st));
    if (st == NULL) {
        (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    }
    st->engine = fcw_engine_of(ctx);
    fcw_engine_set_slot(st->engine, FCW_ENGINE_SLOT_REGEXP, st);
    duk_push_heap_stash(ctx);
    fcw_duk_push_held(ctx, RE_HELD_COUNT);
    st->held = duk_get_heapptr(ctx, -1);
    duk_put_prop_literal(ctx, -2, "regexpHeld");
    duk_pop(ctx);
    static const char *const keys[] = {"lastIndex", "exec", PROGRAM_KEY, FLAGS_KEY};
    void **key_ptrs[] = {&st->keys.last_index, &st->keys.exec, &st->keys.program, &st->keys.flags};
    _Static_assert(sizeof(keys) / sizeof(keys[0]) == RE_HELD_METHODS - RE_HELD_KEYS, "enum re_held's keys");
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        duk_push_string(ctx, keys[i]);
        *key_ptrs[i] = duk_get_heapptr(ctx, -1);
        fcw_duk_hold(ctx, st->held, (duk_uarridx_t)(RE_HELD_KEYS + i), -1);
        duk_pop(ctx);
    }

    static const duk_function_list_entry fns[] = {
        {"regexpCreate", native_create, 3},
        {"regexpInitialize", native_initialize, 3},
        {"isRegExpObject", native_is_regexp, 1},
        {"regexpSource", native_source, 1},
        {"regexpFlags", native_flags, 1},
        {"regexpSetup", native_setup, 3},
        {"regexpExec", re_exec, 1},
        {"regexpTest", re_test, 1},
        {"regexpSearchIndex", re_search_index, 2},
        {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
    push_getters(ctx, st);
    duk_push_heap_stash(ctx);
    duk_dup(ctx, -2);
    duk_put_prop_literal(ctx, -2, "regexpGetters");
    duk_pop(ctx);
    duk_put_prop_literal(ctx, native_idx, "regexpGetters");
}

void fcw_api_regexp_free(struct fcw_engine *engine)
{
    duk_context *ctx = fcw_engine_ctx(engine);
    struct re_state *st = fcw_engine_slot(engine, FCW_ENGINE_SLOT_REGEXP);
    if (ctx == NULL || st == NULL) {
        return;
    }
    fcw_engine_set_slot(engine, FCW_ENGINE_SLOT_REGEXP, NULL);
    for (int i = 0; i < RE_CACHE_SLOTS; i++) {
        slot_clear(st, &st->slots[i]);
    }
    fcw_re_input_free(ctx, &st->input);
    free(st);
}
