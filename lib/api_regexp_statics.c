/* SPDX-License-Identifier: MIT */
/*
 * The legacy static properties of RegExp, as V8 has them (the TC39
 * proposal "Legacy RegExp features in JavaScript" describes them):
 * RegExp.input and $_, lastMatch and $&, lastParen and $+, leftContext and
 * $`, rightContext and $', $1 to $9. They read the last successful match of
 * the built-in matching (RegExp.prototype.exec and test, and the native
 * loops of replace, match, matchAll, split and search: fcw_re_record, called
 * where each of them matches). A record is the input string's heap pointer
 * (the string held in the heap stash while it is the last input, written
 * only when the input changes) and the offsets of the match, of groups 1-9
 * and of the last group: the strings are cut only when a property is read.
 *
 * As in V8: every property is an accessor of RegExp, not enumerable,
 * configurable, whose getter does not look at its receiver; input and $_
 * have a setter that stores ToString(value) until the next match (which
 * sets input to its own string), the others a setter that does nothing. A
 * group that did not take part, or beyond the program's groups, reads as
 * ''; before any match every property reads ''. What V8 does not do and the
 * proposal asks (no update by a subclass instance's match, a TypeError for
 * another receiver) is not done either.
 *
 *   native.regexpStatics(RegExp): defines the properties on RegExp.
 */
#include "config.h"

#include "api_regexp.h"
#include "duk_hooks.h"

#define LEGACY_INPUT_KEY "regexpLegacyInput"

enum static_kind { STATIC_INPUT, STATIC_LAST_MATCH, STATIC_LAST_PAREN, STATIC_LEFT, STATIC_RIGHT, STATIC_GROUP };

/* In V8's order, with their getters' and setters' names (magic: the kind,
 * and for $n the group: STATIC_GROUP + n - 1). */
static const struct {
    const char *name, *get_name, *set_name;
    int magic;
} statics[] = {
    {"input", "get input", "set input", STATIC_INPUT},
    {"$_", "get $_", "set $_", STATIC_INPUT},
    {"lastMatch", "get lastMatch", "set lastMatch", STATIC_LAST_MATCH},
    {"$&", "get $&", "set $&", STATIC_LAST_MATCH},
    {"lastParen", "get lastParen", "set lastParen", STATIC_LAST_PAREN},
    {"$+", "get $+", "set $+", STATIC_LAST_PAREN},
    {"leftContext", "get leftContext", "set leftContext", STATIC_LEFT},
    {"$`", "get $`", "set $`", STATIC_LEFT},
    {"rightContext", "get rightContext", "set rightContext", STATIC_RIGHT},
    {"$'", "get $'", "set $'", STATIC_RIGHT},
    {"$1", "get $1", "set $1", STATIC_GROUP},
    {"$2", "get $2", "set $2", STATIC_GROUP + 1},
    {"$3", "get $3", "set $3", STATIC_GROUP + 2},
    {"$4", "get $4", "set $4", STATIC_GROUP + 3},
    {"$5", "get $5", "set $5", STATIC_GROUP + 4},
    {"$6", "get $6", "set $6", STATIC_GROUP + 5},
    {"$7", "get $7", "set $7", STATIC_GROUP + 6},
    {"$8", "get $8", "set $8", STATIC_GROUP + 7},
    {"$9", "get $9", "set $9", STATIC_GROUP + 8},
};
#define N_STATICS (sizeof(statics) / sizeof(statics[0]))

/* get RegExp.input, RegExp.$1, ... (magic: the kind) */
static duk_ret_t statics_get(duk_context *ctx)
{
    const struct re_last *last = &fcw_re_state(ctx)->last;
    int kind = duk_get_current_magic(ctx);
    if (kind == STATIC_INPUT && last->input_set) {
        duk_push_heap_stash(ctx);
        duk_get_prop_literal(ctx, -1, LEGACY_INPUT_KEY);
        return 1;
    }
    if (last->str == NULL) {
        duk_push_literal(ctx, "");
        return 1;
    }
    fcw_duk_push_held_value(ctx, fcw_re_state(ctx)->held, RE_HELD_LAST_INPUT);
    int start = -1, end = -1;
    switch (kind) {
    case STATIC_INPUT: return 1;
    case STATIC_LAST_MATCH:
        start = last->caps[0];
        end = last->caps[1];
        break;
    case STATIC_LAST_PAREN:
        start = last->paren[0];
        end = last->paren[1];
        break;
    case STATIC_LEFT:
        start = 0;
        end = last->caps[0];
        break;
    case STATIC_RIGHT:
        start = last->caps[1];
        end = (int)duk_get_length(ctx, -1);
        break;
    default: {
        int group = kind - STATIC_GROUP + 1;
        if (group < last->ncap) {
            start = last->caps[2 * group];
            end = last->caps[2 * group + 1];
        }
    }
    }
    if (start < 0 || end < start) {
        duk_push_literal(ctx, "");
        return 1;
    }
    /* a Duktape string's character offsets are its UTF-16 offsets (a
     * 4-byte sequence, one character, is one unit U+FFFD to the engine) */
    duk_substring(ctx, -1, (duk_size_t)start, (duk_size_t)end);
    return 1;
}

/* set RegExp.input and $_ */
static duk_ret_t statics_set_input(duk_context *ctx)
{
    struct re_last *last = &fcw_re_state(ctx)->last;
    duk_to_string(ctx, 0);
    duk_push_heap_stash(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_literal(ctx, -2, LEGACY_INPUT_KEY);
    last->input_set = 1;
    return 0;
}

/* set RegExp.lastMatch and the others: ignored, as in V8 */
static duk_ret_t statics_set_nothing(duk_context *ctx)
{
    (void)ctx;
    return 0;
}

/* Gives the function on top its name. */
static void set_name(duk_context *ctx, const char *name)
{
    duk_push_literal(ctx, "name");
    duk_push_string(ctx, name);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE);
}

static duk_ret_t native_regexp_statics(duk_context *ctx)
{
    duk_require_function(ctx, 0);
    for (size_t i = 0; i < N_STATICS; i++) {
        duk_push_string(ctx, statics[i].name);
        duk_push_c_function(ctx, statics_get, 0);
        duk_set_magic(ctx, -1, statics[i].magic);
        set_name(ctx, statics[i].get_name);
        duk_push_c_function(ctx, statics[i].magic == STATIC_INPUT ? statics_set_input : statics_set_nothing, 1);
        set_name(ctx, statics[i].set_name);
        duk_def_prop(ctx, 0,
                     DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_CLEAR_ENUMERABLE |
                         DUK_DEFPROP_SET_CONFIGURABLE);
    }
    return 0;
}

void fcw_api_regexp_statics_init(duk_context *ctx, duk_idx_t native_idx)
{
    duk_push_literal(ctx, "");
    fcw_duk_hold(ctx, fcw_re_state(ctx)->held, RE_HELD_LAST_INPUT, -1);
    duk_pop(ctx);
    duk_push_c_function(ctx, native_regexp_statics, 1);
    duk_put_prop_literal(ctx, native_idx, "regexpStatics");
}

/* Before the worker's script: the matches of the runtime's own start-up
 * are not its last match. */
void fcw_api_regexp_statics_configure(struct fcw_engine *engine, const struct fcw_engine_config *config)
{
    (void)config;
    struct re_state *st = fcw_engine_slot(engine, FCW_ENGINE_SLOT_REGEXP);
    if (st != NULL) {
        st->last.str = NULL;
        st->last.input_set = 0;
    }
}
