/* SPDX-License-Identifier: MIT */
/*
 * C fast paths for the built-ins that the runtime writes in JavaScript
 * (js/11-collections.js, 12-builtins.js, 16-bigint.js, 16-regexp.js) and that real apps
 * call in their inner loops: Array.prototype.includes, indexOf and
 * lastIndexOf (wrapped in JavaScript for BigInt equality), Array.prototype.at,
 * the array iterator (what every lowered for-of over an array calls per
 * element) and Map's get and has and Set's has. A JavaScript-to-JavaScript
 * call costs Duktape several hundred instructions before the callee's first
 * opcode, and each of these went through three or four of them (the BigInt
 * wrapper, ToObject, ToLength, the entry lookup).
 *
 * Each fast path takes only the cases it can answer exactly as the
 * JavaScript would, and hands every other one to that JavaScript, the "slow"
 * function the runtime gives when it makes the fast one (kept as a hidden
 * property of the C function). So semantics stay in one place: the
 * JavaScript, which the test suites run both ways.
 *
 * Also here: the guards of the built-ins that see a Proxy's own properties
 * (Object.getOwnPropertyDescriptor, defineProperty, hasOwnProperty,
 * propertyIsEnumerable, Object.keys), which call Duktape's own for anything
 * but a Proxy and js/17-proxy.js's traps for one; and Reflect.has and
 * Reflect.deleteProperty that take a symbol key.
 *
 * The JavaScript and the C side share their internal slots as Duktape
 * hidden symbols ("\xFF" + name, made in JavaScript by
 * native.hiddenSymbol): never visible to scripts, and readable here without
 * a lookup of the key.
 */
#include "config.h"

#include "api_regexp.h"
#include "duk_hooks.h"
#include "engine.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define SLOW_KEY DUK_HIDDEN_SYMBOL("fcwSlow")
#define ORIGINAL_KEY DUK_HIDDEN_SYMBOL("fcwOriginal")
#define MAKER_KEY DUK_HIDDEN_SYMBOL("fcwMaker")
#define SYMBOLS_KEY DUK_HIDDEN_SYMBOL("fcwSymbols")
#define SYMBOL_MATCH_KEY DUK_HIDDEN_SYMBOL("fcwSymbolMatch")
#define PROXY_HOOKS_KEY DUK_HIDDEN_SYMBOL("fcwProxyOwnHooks")

/* Array iterator slots (js/12-builtins.js). */
#define ARRAY_ITERATED DUK_HIDDEN_SYMBOL("arrayIterated")
#define ARRAY_NEXT_INDEX DUK_HIDDEN_SYMBOL("arrayNextIndex")
#define ARRAY_KIND DUK_HIDDEN_SYMBOL("arrayKind")
/* Map and Set slots (js/11-collections.js). */
#define MAP_STORE DUK_HIDDEN_SYMBOL("mapStore")
#define SET_STORE DUK_HIDDEN_SYMBOL("setStore")
#define OBJECT_ID DUK_HIDDEN_SYMBOL("objectId")
#define WEAKMAP_DATA DUK_HIDDEN_SYMBOL("weakMapData")
#define WEAKSET_DATA DUK_HIDDEN_SYMBOL("weakSetData")

enum { KIND_KEYS = 0, KIND_VALUES = 1, KIND_ENTRIES = 2 };
enum { SEARCH_INCLUDES = 0, SEARCH_INDEX_OF = 1, SEARCH_LAST_INDEX_OF = 2 };
enum {
    LOOKUP_MAP_GET = 0,
    LOOKUP_MAP_HAS = 1,
    LOOKUP_SET_HAS = 2,
    LOOKUP_WEAKMAP_GET = 3,
    LOOKUP_WEAKMAP_HAS = 4,
    LOOKUP_WEAKSET_HAS = 5
};

/* Calls the JavaScript behind the running fast path with the same this and
 * arguments (the first nargs slots of the stack), and returns its result. */
static duk_ret_t call_slow(duk_context *ctx, duk_idx_t nargs)
{
    duk_set_top(ctx, nargs);
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, SLOW_KEY);
    duk_remove(ctx, -2);
    duk_push_this(ctx);
    for (duk_idx_t i = 0; i < nargs; i++) {
        duk_dup(ctx, i);
    }
    duk_call_method(ctx, nargs);
    return 1;
}

/* Makes the C function fn (with magic) that answers what it can and calls
 * slow for the rest; extra (if not undefined) is kept as its "original". */
static duk_ret_t make_fast(duk_context *ctx, duk_c_function fn, duk_idx_t nargs, int magic, duk_idx_t slow_idx,
                           duk_idx_t extra_idx)
{
    if (!duk_is_function(ctx, slow_idx)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fast path: the slow function is not a function");
    }
    duk_push_c_function(ctx, fn, nargs);
    duk_set_magic(ctx, -1, magic);
    duk_dup(ctx, slow_idx);
    duk_put_prop_literal(ctx, -2, SLOW_KEY);
    if (extra_idx >= 0 && !duk_is_undefined(ctx, extra_idx)) {
        duk_dup(ctx, extra_idx);
        duk_put_prop_literal(ctx, -2, ORIGINAL_KEY);
    }
    return 1;
}

/* ---- includes, indexOf, lastIndexOf ---- */

/* For a primitive search element (a BigInt is an object here) on an array,
 * the BigInt-aware JavaScript wrapper calls Duktape's own indexOf or
 * lastIndexOf (and includes is indexOf's answer but for NaN and undefined,
 * which it finds where indexOf does not, and for holes): call it directly. */
static duk_ret_t fast_search(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    int kind = duk_get_current_magic(ctx);
    if (nargs < 1 || duk_is_object(ctx, 0) || duk_is_symbol(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    if (kind == SEARCH_INCLUDES &&
        (duk_is_undefined(ctx, 0) || (duk_is_number(ctx, 0) && isnan(duk_get_number(ctx, 0))))) {
        return call_slow(ctx, nargs);
    }
    duk_push_this(ctx);
    int array = duk_is_array(ctx, -1);
    if (array && kind != SEARCH_LAST_INDEX_OF && (nargs < 2 || duk_is_undefined(ctx, 1) || duk_is_number(ctx, 1))) {
        /* a plain array's elements compared in place, where Duktape's
         * indexOf reads each through a property lookup */
        double found =
            fcw_duk_array_search(ctx, -1, 0, nargs >= 2 && duk_is_number(ctx, 1) ? duk_get_number(ctx, 1) : 0);
        if (found != -2) {
            if (kind == SEARCH_INCLUDES) {
                duk_push_boolean(ctx, found >= 0);
            } else {
                duk_push_number(ctx, found);
            }
            return 1;
        }
    }
    duk_pop(ctx);
    if (kind == SEARCH_INCLUDES && !array) {
        return call_slow(ctx, nargs);
    }
    /* the wrapper passes fromIndex (undefined when absent), but to
     * lastIndexOf only when given: there absent and undefined differ */
    duk_idx_t pass = kind == SEARCH_LAST_INDEX_OF && nargs < 2 ? 1 : 2;
    duk_set_top(ctx, 2);
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, ORIGINAL_KEY);
    duk_push_this(ctx);
    duk_dup(ctx, 0);
    if (pass == 2) {
        duk_dup(ctx, 1);
    }
    duk_call_method(ctx, pass);
    if (kind == SEARCH_INCLUDES) {
        duk_push_boolean(ctx, duk_get_number(ctx, -1) >= 0);
    }
    return 1;
}

static duk_ret_t native_fast_search(duk_context *ctx)
{
    int kind = duk_require_int(ctx, 0);
    if (kind < SEARCH_INCLUDES || kind > SEARCH_LAST_INDEX_OF) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "fastSearch: unknown kind %d", kind);
    }
    return make_fast(ctx, fast_search, DUK_VARARGS, kind, 1, 2);
}

/* ---- Array.prototype.at ---- */

/* ToIntegerOrInfinity of a number. */
static double integer_or_infinity(double n)
{
    if (isnan(n) || n == 0) {
        return 0;
    }
    return isinf(n) ? n : trunc(n);
}

/* The index of `at(rel)` (rel a number) in a length of len: rel made an
 * integer, from the end when negative; -1 when outside. */
static double relative_index(double rel, double len)
{
    double k = integer_or_infinity(rel);
    if (k < 0) {
        k += len;
    }
    return k < 0 || k >= len ? -1 : k;
}

static duk_ret_t fast_at(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    duk_push_this(ctx);
    /* an array and a number index: no conversion can be observed */
    if (!duk_is_array(ctx, -1) || (nargs >= 1 && !duk_is_number(ctx, 0))) {
        return call_slow(ctx, nargs);
    }
    duk_get_prop_literal(ctx, -1, "length");
    if (!duk_is_number(ctx, -1)) {
        return call_slow(ctx, nargs);
    }
    double len = duk_get_number(ctx, -1);
    duk_pop(ctx);
    double k = relative_index(nargs >= 1 ? duk_get_number(ctx, 0) : 0, len);
    if (k < 0) {
        return 0;
    }
    duk_get_prop_index(ctx, -1, (duk_uarridx_t)k);
    return 1;
}

static duk_ret_t native_fast_at(duk_context *ctx)
{
    return make_fast(ctx, fast_at, DUK_VARARGS, 0, 0, -1);
}

/* ---- the array iterator ---- */

/* Pushes { value: <the value at val_idx>, done: done }, as iterResult. */
static void push_iter_result(duk_context *ctx, duk_idx_t val_idx, int done)
{
    val_idx = duk_normalize_index(ctx, val_idx);
    duk_push_object(ctx);
    duk_dup(ctx, val_idx);
    duk_put_prop_literal(ctx, -2, "value");
    duk_push_boolean(ctx, done);
    duk_put_prop_literal(ctx, -2, "done");
}

/* %ArrayIteratorPrototype%.next: for an array, or an array-like whose length
 * is already an index; anything else (and every error) goes to the
 * JavaScript. The iterator's slots are written as the internal slots they
 * stand for: a frozen iterator steps too. */
static duk_ret_t fast_array_iterator_next(duk_context *ctx)
{
    duk_push_this(ctx); /* 0 */
    if (!duk_is_object(ctx, 0)) {
        return call_slow(ctx, 0);
    }
    duk_get_prop_literal(ctx, 0, ARRAY_KIND); /* 1 */
    if (!duk_is_number(ctx, 1)) {
        return call_slow(ctx, 0);
    }
    int kind = duk_get_int(ctx, 1);
    duk_get_prop_literal(ctx, 0, ARRAY_ITERATED); /* 2 */
    if (duk_is_undefined(ctx, 2)) {
        push_iter_result(ctx, 2, 1);
        return 1;
    }
    duk_get_prop_literal(ctx, 0, ARRAY_NEXT_INDEX); /* 3 */
    duk_get_prop_literal(ctx, 2, "length");         /* 4 */
    if (!duk_is_number(ctx, 3) || !duk_is_number(ctx, 4)) {
        return call_slow(ctx, 0);
    }
    double index = duk_get_number(ctx, 3);
    double len = duk_get_number(ctx, 4);
    if (!(len >= 0 && len <= 4294967295.0 && len == floor(len))) {
        return call_slow(ctx, 0);
    }
    if (index >= len) {
        duk_push_undefined(ctx);
        duk_push_literal(ctx, ARRAY_ITERATED);
        fcw_duk_put_slot(ctx, 0);
        duk_push_undefined(ctx);
        push_iter_result(ctx, -1, 1);
        return 1;
    }
    duk_push_number(ctx, index + 1);
    duk_push_literal(ctx, ARRAY_NEXT_INDEX);
    fcw_duk_put_slot(ctx, 0);
    if (kind == KIND_VALUES) {
        duk_get_prop_index(ctx, 2, (duk_uarridx_t)index);
    } else if (kind == KIND_KEYS) {
        duk_push_number(ctx, index);
    } else {
        duk_push_array(ctx);
        duk_push_number(ctx, index);
        duk_put_prop_index(ctx, -2, 0);
        duk_get_prop_index(ctx, 2, (duk_uarridx_t)index);
        duk_put_prop_index(ctx, -2, 1);
    }
    push_iter_result(ctx, -1, 0);
    return 1;
}

static duk_ret_t native_fast_array_iterator_next(duk_context *ctx)
{
    return make_fast(ctx, fast_array_iterator_next, 0, 0, 0, -1);
}

/* Array.prototype.keys, values and entries (magic: the kind): the iterator
 * over ToObject(this), made by the record maker kept with the function
 * (its iterated object, next index and kind, and the slot of the result
 * object a lowered for-of's steps reuse: lib/duk_hooks.c). */
static duk_ret_t fast_array_iterator(duk_context *ctx)
{
    duk_push_this(ctx); /* 0 */
    if (duk_is_null_or_undefined(ctx, 0)) {
        return call_slow(ctx, 0);
    }
    duk_to_object(ctx, 0);
    duk_push_int(ctx, 0);                          /* 1 */
    duk_push_int(ctx, duk_get_current_magic(ctx)); /* 2 */
    duk_push_current_function(ctx);                /* 3 */
    duk_get_prop_literal(ctx, 3, MAKER_KEY);       /* 4: the maker */
    fcw_duk_record_push(ctx, 4, 0, 3);
    return 1;
}

/* native.fastArrayIterator(kind, slow, maker): maker makes the iterator of
 * (iterated, nextIndex, kind). */
static duk_ret_t native_fast_array_iterator(duk_context *ctx)
{
    int kind = duk_require_int(ctx, 0);
    duk_require_function(ctx, 2);
    if (kind < KIND_KEYS || kind > KIND_ENTRIES) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "fastArrayIterator: unknown kind %d", kind);
    }
    make_fast(ctx, fast_array_iterator, 0, kind, 1, -1);
    duk_dup(ctx, 2);
    duk_put_prop_literal(ctx, -2, MAKER_KEY);
    return 1;
}

/* A method's common start: at least one argument, and `this` an object:
 * the stack is then [argument, this]; 0 when not (the JavaScript's case). */
static int one_argument_object_this(duk_context *ctx, duk_idx_t nargs)
{
    if (nargs < 1) {
        return 0;
    }
    duk_set_top(ctx, 1);
    duk_push_this(ctx);
    return duk_is_object(ctx, 1);
}

/* native.objectPointerKey(object) -> a string unique to the object while
 * it lives ('p' and its address): the Map and Set index key of an object
 * that cannot take a property of its own to carry an id (frozen, sealed).
 * A collection holds its keys strongly, so the address is not reused
 * while the entry exists. */
static duk_ret_t native_object_pointer_key(duk_context *ctx)
{
    void *p = duk_require_heapptr(ctx, 0);
    duk_push_sprintf(ctx, "p%p", p);
    return 1;
}

/* ---- Map.prototype.get and has, Set.prototype.has ---- */

/* The store's index key of a string or number key (primitiveHash of
 * js/11-collections.js), or 0 when the key is of another type. */
static int push_primitive_hash(duk_context *ctx, duk_idx_t key_idx)
{
    if (duk_is_string(ctx, key_idx) && !duk_is_symbol(ctx, key_idx)) {
        duk_push_literal(ctx, "s");
    } else if (duk_is_number(ctx, key_idx)) {
        duk_push_literal(ctx, "n");
    } else {
        return 0;
    }
    duk_dup(ctx, key_idx);
    duk_concat(ctx, 2); /* String(number): NaN is "NaN" and -0 is "0", as SameValueZero wants */
    return 1;
}

/* Pops the list on top (an array the JavaScript keeps) and tells whether it
 * was empty. */
static int pop_empty_list(duk_context *ctx)
{
    duk_get_prop_literal(ctx, -1, "length");
    int empty = duk_is_number(ctx, -1) && duk_get_number(ctx, -1) == 0;
    duk_pop_2(ctx);
    return empty;
}

/* A miss for an object key is final only when no key of the store is kept
 * unhashed (the JavaScript scans those): returns 1 then, else 0. */
static int no_unhashed(duk_context *ctx, duk_idx_t store_idx)
{
    duk_get_prop_literal(ctx, store_idx, "unhashed");
    return pop_empty_list(ctx);
}

/* Finds key (at 0) in the store at store_idx; pushes its position or
 * undefined. Returns 0 when the JavaScript must decide (objects without an
 * id of their own, BigInts, booleans, symbols...). */
static int find_entry(duk_context *ctx, duk_idx_t store_idx)
{
    if (duk_is_object(ctx, 0)) {
        if (fcw_duk_is_plain_unextensible(ctx, 0)) {
            return 0; /* keyed by its identity (objectPointerKey): the JavaScript's */
        }
        if (!duk_get_prop_literal(ctx, 0, OBJECT_ID)) {
            duk_pop(ctx);
            return 0; /* perhaps a BigInt, or unhashed */
        }
        duk_get_prop_literal(ctx, store_idx, "index");
        duk_swap_top(ctx, -2);
        duk_get_prop(ctx, -2); /* [index pos] */
        duk_remove(ctx, -2);
        if (duk_is_undefined(ctx, -1)) {
            return no_unhashed(ctx, store_idx);
        }
        /* an inherited id is another object's: the key must match */
        duk_get_prop_literal(ctx, store_idx, "keys");
        duk_dup(ctx, -2);
        duk_get_prop(ctx, -2);
        int same = duk_strict_equals(ctx, -1, 0);
        duk_pop_2(ctx);
        if (!same) {
            duk_pop(ctx);
            duk_push_undefined(ctx);
            return no_unhashed(ctx, store_idx);
        }
        return 1;
    }
    duk_get_prop_literal(ctx, store_idx, "index");
    if (!push_primitive_hash(ctx, 0)) {
        duk_pop(ctx);
        return 0;
    }
    duk_get_prop(ctx, -2);
    duk_remove(ctx, -2);
    return 1;
}

static duk_ret_t fast_lookup(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    int kind = duk_get_current_magic(ctx);
    if (!one_argument_object_this(ctx, nargs)) {
        return call_slow(ctx, nargs);
    }
    /* a string key of a Map or Set: its store read in place */
    if (kind <= LOOKUP_SET_HAS &&
        fcw_duk_store_lookup(ctx, 1, 0, kind == LOOKUP_SET_HAS ? SET_STORE : MAP_STORE, kind == LOOKUP_MAP_GET) > 0) {
        return 1;
    }
    /* a key of a WeakMap or WeakSet: the cell it carries read in place */
    if (kind >= LOOKUP_WEAKMAP_GET) {
        return fcw_duk_weak_lookup(ctx, 1, 0, kind == LOOKUP_WEAKSET_HAS ? WEAKSET_DATA : WEAKMAP_DATA,
                                   kind == LOOKUP_WEAKMAP_GET) > 0
                   ? 1
                   : call_slow(ctx, nargs);
    }
    /* (literals: Duktape caches their interned strings) */
    if (kind <= LOOKUP_MAP_HAS) {
        duk_get_prop_literal(ctx, 1, MAP_STORE);
    } else {
        duk_get_prop_literal(ctx, 1, SET_STORE);
    }
    if (!duk_is_object(ctx, 2)) {
        return call_slow(ctx, nargs);
    }
    duk_get_prop_literal(ctx, 2, "owner");
    int owned = duk_strict_equals(ctx, -1, 1);
    duk_pop(ctx);
    if (!owned || !find_entry(ctx, 2)) {
        return call_slow(ctx, nargs);
    }
    if (kind != LOOKUP_MAP_GET) {
        duk_push_boolean(ctx, !duk_is_undefined(ctx, -1));
        return 1;
    }
    if (duk_is_undefined(ctx, -1)) {
        return 1;
    }
    duk_get_prop_literal(ctx, 2, "values");
    duk_swap_top(ctx, -2);
    duk_get_prop(ctx, -2);
    return 1;
}

/* ---- SWC's _class_call_check ---- */

/* classCallCheck(instance, Constructor): nothing when instance has
 * Constructor.prototype in its chain (what `new` made; a class's static
 * [Symbol.hasInstance] is not asked, as `new` of a class asks nothing);
 * the runtime's JavaScript for the rest, which throws. */
static duk_ret_t fast_class_call_check(duk_context *ctx)
{
    if (duk_get_top(ctx) == 2 && fcw_duk_made_by(ctx, 0, 1)) {
        return 0;
    }
    return call_slow(ctx, duk_get_top(ctx));
}

/* native.fastClassCallCheck(slow) */
static duk_ret_t native_fast_class_call_check(duk_context *ctx)
{
    return make_fast(ctx, fast_class_call_check, DUK_VARARGS, 0, 0, -1);
}

/* native.fastLookup(kind, slow) */
static duk_ret_t native_fast_lookup(duk_context *ctx)
{
    int kind = duk_require_int(ctx, 0);
    if (kind < LOOKUP_MAP_GET || kind > LOOKUP_WEAKSET_HAS) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "fastLookup: unknown kind %d", kind);
    }
    return make_fast(ctx, fast_lookup, DUK_VARARGS, kind, 1, -1);
}

/* ---- Array.from ---- */

/* The config array of native.fastArrayFrom (see there). */
enum {
    AF_ARRAY,
    AF_ITERATOR_KEY,
    AF_ARRAY_VALUES,
    AF_ARRAY_ITERATOR_PROTO,
    AF_ARRAY_ITERATOR_NEXT,
    AF_FROM_WITH,
    AF_ITERATOR_SELF,
    AF_COLLECTION_REST,
    AF_COUNT
};

/* Whether the method at method_idx is the built-in Array.prototype.values
 * and array iterators still step as built (their next the runtime's,
 * no return): a for-of over an array then sees its elements, read by
 * index up to its current length, and nothing else. */
static int pristine_array_iteration(duk_context *ctx, duk_idx_t config_idx, duk_idx_t method_idx)
{
    duk_get_prop_index(ctx, config_idx, AF_ARRAY_VALUES);
    int same = duk_strict_equals(ctx, -1, method_idx);
    duk_pop(ctx);
    if (!same) {
        return 0;
    }
    duk_get_prop_index(ctx, config_idx, AF_ARRAY_ITERATOR_PROTO);
    duk_get_prop_literal(ctx, -1, "next");
    duk_get_prop_index(ctx, config_idx, AF_ARRAY_ITERATOR_NEXT);
    same = duk_strict_equals(ctx, -1, -2);
    duk_pop_2(ctx);
    if (same) {
        duk_get_prop_literal(ctx, -1, "return");
        same = duk_is_undefined(ctx, -1);
        duk_pop(ctx);
    }
    duk_pop(ctx);
    return same;
}

/* Array.from(items) called on Array itself, without a mapping function: an
 * array iterated as built is copied here, element by element (a hole reads
 * as undefined, as the iterator reads it; each element defined, not put,
 * so that an accessor of Array.prototype is not called), and a Map or Set
 * iterator gives what it has left (native.collectionIteratorRest); anything else goes on, with its
 * @@iterator method already read (once, as the spec reads it), to the
 * JavaScript's arrayFromWith (Map and Set, strings, other iterables,
 * array-likes). Other receivers and a mapping function: the JavaScript
 * from the start. */
static duk_ret_t fast_array_from(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs < 1 || (nargs >= 2 && !duk_is_undefined(ctx, 1)) || duk_is_null_or_undefined(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 1);
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, ORIGINAL_KEY); /* 2: the config */
    duk_remove(ctx, 1);                          /* 1: the config (checked when made) */
    duk_push_this(ctx);
    duk_get_prop_index(ctx, 1, AF_ARRAY);
    int on_array = duk_strict_equals(ctx, -1, -2);
    duk_pop_2(ctx);
    if (!on_array) {
        return call_slow(ctx, nargs);
    }
    duk_get_prop_index(ctx, 1, AF_ITERATOR_KEY);
    duk_get_prop(ctx, 0); /* 2: items[@@iterator] */
    if (duk_is_array(ctx, 0) && !fcw_duk_is_proxy(ctx, 0) && pristine_array_iteration(ctx, 1, 2)) {
        duk_push_array(ctx); /* 3 */
        duk_uarridx_t i;
        for (i = 0; i < (duk_uarridx_t)duk_get_length(ctx, 0); i++) {
            duk_push_uint(ctx, i);
            duk_get_prop_index(ctx, 0, i);
            /* CreateDataPropertyOrThrow: an inherited setter is not asked */
            duk_def_prop(ctx, 3,
                         DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                             DUK_DEFPROP_SET_CONFIGURABLE);
        }
        return 1;
    }
    /* a Map or Set iterator (its @@iterator returns it) */
    duk_get_prop_index(ctx, 1, AF_ITERATOR_SELF);
    int self = duk_strict_equals(ctx, -1, 2);
    duk_pop(ctx);
    if (self) {
        duk_get_prop_index(ctx, 1, AF_COLLECTION_REST);
        duk_dup(ctx, 0);
        duk_call(ctx, 1);
        if (!duk_is_undefined(ctx, -1)) {
            return 1;
        }
        duk_pop(ctx);
    }
    duk_get_prop_index(ctx, 1, AF_FROM_WITH);
    duk_push_undefined(ctx);
    duk_get_prop_index(ctx, 1, AF_ARRAY);
    duk_push_true(ctx);
    duk_dup(ctx, 0);
    duk_dup(ctx, 2);
    duk_push_undefined(ctx);
    duk_push_undefined(ctx);
    duk_call_method(ctx, 6); /* arrayFromWith(Array, true, items, method, undefined, undefined) */
    return 1;
}

/* native.fastArrayFrom(slow, [Array, Symbol.iterator, Array.prototype.values,
 * %ArrayIteratorPrototype%, its next, arrayFromWith, %IteratorPrototype%'s
 * @@iterator, native.collectionIteratorRest]) */
static duk_ret_t native_fast_array_from(duk_context *ctx)
{
    if (!duk_is_array(ctx, 1) || duk_get_length(ctx, 1) != AF_COUNT) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fastArrayFrom: the slow function and its config");
    }
    return make_fast(ctx, fast_array_from, DUK_VARARGS, 0, 0, 1);
}

/* ---- Array.from of a Map or Set iterator ---- */

/* The config array of native.fastCollectionRest (see there). */
enum {
    CR_MAP_ITERATOR,
    CR_MAP_ITERATOR_NEXT,
    CR_MAP_ITERATOR_KIND,
    CR_SET_ITERATOR,
    CR_SET_ITERATOR_NEXT,
    CR_SET_ITERATOR_KIND,
    CR_ITERATED,
    CR_NEXT_INDEX,
    CR_EMPTY,
    CR_COUNT
};
enum { CR_KIND_KEYS, CR_KIND_VALUES, CR_KIND_ENTRIES };

/* Pushes config[i]. */
static void push_config(duk_context *ctx, duk_idx_t config_idx, duk_uarridx_t i)
{
    duk_get_prop_index(ctx, config_idx, i);
}

/* Whether the object at 0 is an iterator of the kind whose constructor and
 * next are config[ctor] and config[ctor + 1], with that next; pushes its
 * kind (config[ctor + 2]) when it is. */
static int collection_iterator_kind(duk_context *ctx, duk_idx_t config_idx, duk_uarridx_t ctor)
{
    push_config(ctx, config_idx, ctor);
    int is = fcw_duk_instanceof_plain(ctx, 0, -1); /* (without the guard's call when it can) */
    if (is < 0) {
        is = duk_instanceof(ctx, 0, -1);
    }
    duk_pop(ctx);
    if (!is) {
        return 0;
    }
    duk_get_prop_literal(ctx, 0, "next");
    push_config(ctx, config_idx, ctor + 1);
    is = duk_strict_equals(ctx, -1, -2);
    duk_pop_2(ctx);
    if (!is) {
        return 0;
    }
    push_config(ctx, config_idx, ctor + 2);
    duk_get_prop(ctx, 0);
    if (!duk_is_number(ctx, -1)) {
        duk_pop(ctx);
        return 0;
    }
    return 1;
}

/* collectionIteratorRest(iterator) of js/11-collections.js: what a Map or
 * Set iterator whose next is the built-in one has left, as an array of
 * what next() would give one by one, the iterator then done; undefined for
 * another object. Its store's arrays are read in place here; a store that
 * was replaced since the iterator was made (cleared or compacted: the
 * JavaScript follows its successors) and anything unexpected go to the
 * JavaScript. */
static duk_ret_t fast_collection_rest(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs < 1 || !duk_is_object(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 1);
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, ORIGINAL_KEY);
    duk_remove(ctx, 1); /* 1: the config */
    int is_set = 0;
    if (!collection_iterator_kind(ctx, 1, CR_MAP_ITERATOR)) {
        if (!collection_iterator_kind(ctx, 1, CR_SET_ITERATOR)) {
            return call_slow(ctx, nargs);
        }
        is_set = 1;
    }
    int kind = duk_get_int(ctx, 2);
    push_config(ctx, 1, CR_ITERATED);
    duk_get_prop(ctx, 0); /* 3: the store */
    if (duk_is_undefined(ctx, 3)) {
        duk_push_array(ctx);
        return 1;
    }
    if (!duk_is_object(ctx, 3)) {
        return call_slow(ctx, nargs);
    }
    duk_get_prop_literal(ctx, 3, "successor");
    int replaced = !duk_is_undefined(ctx, -1);
    duk_pop(ctx);
    push_config(ctx, 1, CR_NEXT_INDEX);
    duk_get_prop(ctx, 0);                   /* 4: the next index */
    duk_get_prop_literal(ctx, 3, "keys");   /* 5 */
    duk_get_prop_literal(ctx, 3, "values"); /* 6 */
    push_config(ctx, 1, CR_EMPTY);          /* 7 */
    if (replaced || !duk_is_number(ctx, 4) || !duk_is_array(ctx, 5) || !duk_is_array(ctx, 6)) {
        return call_slow(ctx, nargs);
    }
    duk_double_t start = duk_get_number(ctx, 4);
    duk_uarridx_t len = (duk_uarridx_t)duk_get_length(ctx, 5);
    duk_uarridx_t pos = start <= 0 ? 0 : start >= (duk_double_t)len ? len : (duk_uarridx_t)start;
    duk_uarridx_t n = 0;
    duk_push_array(ctx); /* 8: the result */
    for (; pos < len; pos++) {
        duk_get_prop_index(ctx, 5, pos); /* the key */
        if (duk_strict_equals(ctx, -1, 7)) {
            duk_pop(ctx);
            continue;
        }
        if (kind == CR_KIND_ENTRIES) {
            duk_push_array(ctx);
            duk_swap_top(ctx, -2);
            duk_put_prop_index(ctx, -2, 0);
            if (is_set) {
                duk_get_prop_index(ctx, -1, 0);
            } else {
                duk_get_prop_index(ctx, 6, pos);
            }
            duk_put_prop_index(ctx, -2, 1);
        } else if (kind == CR_KIND_VALUES && !is_set) {
            duk_pop(ctx);
            duk_get_prop_index(ctx, 6, pos);
        }
        duk_put_prop_index(ctx, 8, n++);
    }
    duk_push_uint(ctx, len);
    push_config(ctx, 1, CR_NEXT_INDEX);
    duk_swap_top(ctx, -2);
    duk_put_prop(ctx, 0);
    push_config(ctx, 1, CR_ITERATED);
    duk_push_undefined(ctx);
    duk_put_prop(ctx, 0);
    duk_set_top(ctx, 9);
    return 1;
}

/* native.fastCollectionRest(slow, [MapIterator, its next, the Map kind key,
 * SetIterator, its next, the Set kind key, the store key, the next index
 * key, the empty slot marker]) */
static duk_ret_t native_fast_collection_rest(duk_context *ctx)
{
    if (!duk_is_array(ctx, 1) || duk_get_length(ctx, 1) != CR_COUNT) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fastCollectionRest: the slow function and its config");
    }
    return make_fast(ctx, fast_collection_rest, DUK_VARARGS, 0, 0, 1);
}

/* ---- Headers.prototype.get and has ---- */

enum { HEADERS_GET = 0, HEADERS_HAS = 1 };

/* Whether c may be in a header name (the Fetch standard's token). */
static int header_token_char(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        return 1;
    }
    return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Pushes the lowercased name of a valid header name string at name_idx (of
 * up to 64 bytes: longer ones are the JavaScript's), or returns 0. */
static int push_header_key(duk_context *ctx, duk_idx_t name_idx)
{
    char lower[64];
    duk_size_t len, i;
    const char *s;
    int changed = 0;
    if (!duk_is_string(ctx, name_idx) || duk_is_symbol(ctx, name_idx)) {
        return 0;
    }
    s = duk_get_lstring(ctx, name_idx, &len);
    if (len == 0 || len > sizeof lower) {
        return 0;
    }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!header_token_char(c)) {
            return 0;
        }
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + ('a' - 'A'));
            changed = 1;
        }
        lower[i] = (char)c;
    }
    if (changed) {
        duk_push_lstring(ctx, lower, len);
    } else {
        duk_dup(ctx, name_idx);
    }
    return 1;
}

/* Headers get(name) and has(name) (magic): a valid name string of a
 * Headers object looked up in its list (js/43-headers.js's this[LIST].items,
 * [lowercased name, value, ...]) here, the values of a name combined with
 * ", "; an invalid name, another receiver or anything unexpected goes to
 * the JavaScript (which throws as the standard says). */
static duk_ret_t fast_headers_lookup(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    int has = duk_get_current_magic(ctx) == HEADERS_HAS;
    if (!one_argument_object_this(ctx, nargs)) {
        return call_slow(ctx, nargs);
    }
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, ORIGINAL_KEY); /* the list's key */
    duk_remove(ctx, -2);
    duk_get_prop(ctx, 1); /* 2: the list */
    if (!duk_is_object(ctx, 2) || !push_header_key(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    duk_get_prop_literal(ctx, 2, "items"); /* 4 */
    if (!duk_is_array(ctx, 4)) {
        return call_slow(ctx, nargs);
    }
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, 4);
    int found = 0;
    for (duk_uarridx_t i = 0; i < n; i += 2) {
        duk_get_prop_index(ctx, 4, i);
        int same = duk_strict_equals(ctx, -1, 3);
        duk_pop(ctx);
        if (!same) {
            continue;
        }
        if (has) {
            duk_push_true(ctx);
            return 1;
        }
        duk_get_prop_index(ctx, 4, i + 1);
        if (found) {
            duk_push_literal(ctx, ", ");
            duk_swap_top(ctx, -2);
            duk_concat(ctx, 3);
        }
        found = 1;
    }
    if (has) {
        duk_push_false(ctx);
    } else if (!found) {
        duk_push_null(ctx);
    }
    return 1;
}

/* native.fastHeadersLookup(has, slow, listKey) */
static duk_ret_t native_fast_headers_lookup(duk_context *ctx)
{
    if (!duk_is_symbol(ctx, 2)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fastHeadersLookup: the list's symbol");
    }
    return make_fast(ctx, fast_headers_lookup, DUK_VARARGS, duk_to_boolean(ctx, 0) ? HEADERS_HAS : HEADERS_GET, 1, 2);
}

/* ---- Object.entries and Object.values ---- */

/* EnumerableOwnProperties(O, value or key+value) (magic 1: entries): an
 * ordinary object of data properties read at once in C
 * (fcw_duk_plain_entries); otherwise over the keys Object.keys gives, each
 * still own and enumerable when its turn comes (a getter may delete or
 * hide the next ones). A Proxy goes to the JavaScript, which runs its
 * traps. */
static duk_ret_t fast_entries(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    int entries = duk_get_current_magic(ctx);
    if (nargs < 1 || duk_is_null_or_undefined(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 1);
    duk_to_object(ctx, 0);
    if (fcw_duk_is_proxy(ctx, 0)) {
        return call_slow(ctx, 1);
    }
    if (fcw_duk_plain_entries(ctx, 0, entries)) {
        return 1;
    }
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, ORIGINAL_KEY); /* Object.keys */
    duk_remove(ctx, -2);
    duk_dup(ctx, 0);
    duk_call(ctx, 1);    /* 1: keys */
    duk_push_array(ctx); /* 2: result */
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, 1);
    duk_uarridx_t out = 0;
    for (duk_uarridx_t i = 0; i < n; i++) {
        duk_get_prop_index(ctx, 1, i); /* 3: key */
        if (fcw_duk_own_enumerable(ctx, 0, 3) != 1) {
            duk_pop(ctx);
            continue;
        }
        if (entries) {
            duk_push_array(ctx);
            duk_dup(ctx, 3);
            duk_put_prop_index(ctx, -2, 0);
            duk_dup(ctx, 3);
            duk_get_prop(ctx, 0);
            duk_put_prop_index(ctx, -2, 1);
        } else {
            duk_dup(ctx, 3);
            duk_get_prop(ctx, 0);
        }
        duk_put_prop_index(ctx, 2, out++);
        duk_pop(ctx);
    }
    return 1;
}

/* native.fastEntries(entries, slow, objectKeys) */
static duk_ret_t native_fast_entries(duk_context *ctx)
{
    duk_require_function(ctx, 2);
    return make_fast(ctx, fast_entries, DUK_VARARGS, duk_to_boolean(ctx, 0), 1, 2);
}

/* ---- the String methods that take a RegExp ---- */

/* native.fastStringSearch, fastStringMatch, fastStringReplace (slow, symbol,
 * builtinMethod, builtinExec): the fast function fn (with magic) of a String
 * method that takes a RegExp; the symbol, method and exec its RegExp is
 * checked for (fcw_re_untouched) are noted for kind. */
static duk_ret_t make_regexp_fast(duk_context *ctx, duk_c_function fn, int magic, enum re_method kind)
{
    for (duk_idx_t i = 2; i <= 3; i++) {
        duk_require_function(ctx, i);
    }
    if (!duk_is_symbol(ctx, 1)) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "fast path: the method's key is not a symbol");
    }
    fcw_re_note_method(ctx, kind, 1, 2, 3);
    return make_fast(ctx, fn, DUK_VARARGS, magic, 0, 2);
}

/* ---- String.prototype.search ---- */

/* For a string searched with a RegExp whose @@search and exec are the
 * built-in ones and whose lastIndex is +0, RegExp.prototype[@@search] comes
 * down to the match index, lastIndex put back to +0 (for g and y): do that
 * here rather than through String.prototype.search, @@search and the
 * argument checks in JavaScript. */
static duk_ret_t fast_string_search(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs < 1 || !duk_is_object(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 1);
    duk_push_this(ctx); /* 1 */
    if (!duk_is_string(ctx, 1) || duk_is_symbol(ctx, 1)) {
        return call_slow(ctx, nargs);
    }
    if (!fcw_re_untouched(ctx, 0, RE_METHOD_SEARCH) || !fcw_re_last_index_zero(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    if (!fcw_re_search_index(ctx, 0, 1)) { /* 2: the index */
        return call_slow(ctx, nargs);
    }
    if (!fcw_re_last_index_zero(ctx, 0)) {
        duk_push_int(ctx, 0);
        duk_put_prop_literal(ctx, 0, "lastIndex");
    }
    return 1;
}

/* ---- String.prototype.match ---- */

/* For a string matched against a RegExp whose @@match and exec are the
 * built-in ones and whose flags read through the original getters (a
 * router matching a path, a parser its tokens), RegExp.prototype[@@match]
 * comes down to the built-in exec's array (not global) or the C loop of
 * every match (global, lastIndex set to +0 first, as @@match does): do that
 * here rather than through String.prototype.match, @@match, the flags
 * getter and RegExpExec in JavaScript (a match 21,200 instructions, 9,700
 * here). */
static duk_ret_t fast_string_match(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    unsigned flags;
    if (nargs < 1 || !duk_is_object(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 1);
    duk_push_this(ctx); /* 1 */
    if (!duk_is_string(ctx, 1) || duk_is_symbol(ctx, 1)) {
        return call_slow(ctx, nargs);
    }
    if (!fcw_re_untouched(ctx, 0, RE_METHOD_MATCH) || !fcw_re_plain_flags(ctx, 0, &flags)) {
        return call_slow(ctx, nargs);
    }
    if (!(flags & FCW_RE_GLOBAL)) {
        return fcw_re_exec_array(ctx, 0, 1) ? 1 : call_slow(ctx, nargs);
    }
    duk_push_int(ctx, 0);
    duk_put_prop_literal(ctx, 0, "lastIndex"); /* (a TypeError when it is read-only, as in @@match) */
    if (!fcw_re_match_all(ctx, 0, 1, (flags & (FCW_RE_UNICODE | FCW_RE_UNICODE_SETS)) != 0)) {
        return call_slow(ctx, nargs);
    }
    return 1;
}

/* ---- String.prototype.replace ---- */

/* For a string, a RegExp as match's fast path takes it (its @@replace the
 * built-in one) and a replacement that is a string or a function,
 * RegExp.prototype[@@replace] comes down to its C loop (native.regexpReplace,
 * lastIndex set to +0 first when global): call it here rather than through
 * String.prototype.replace, @@replace and the flags in JavaScript. Any
 * other replacement is converted to a string by the JavaScript, which may
 * run a script's toString. */
static duk_ret_t fast_string_replace(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    unsigned flags;
    if (nargs < 2 || !duk_is_object(ctx, 0) ||
        !((duk_is_string(ctx, 1) && !duk_is_symbol(ctx, 1)) || duk_is_function(ctx, 1))) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 2);
    duk_push_this(ctx); /* 2 */
    if (!duk_is_string(ctx, 2) || duk_is_symbol(ctx, 2)) {
        return call_slow(ctx, nargs);
    }
    if (!fcw_re_untouched(ctx, 0, RE_METHOD_REPLACE) || !fcw_re_plain_flags(ctx, 0, &flags)) {
        return call_slow(ctx, nargs);
    }
    if (duk_get_current_magic(ctx) == 1) {
        /* replaceAll: IsRegExp(R) first (R[@@match], read without running
         * code here), and a RegExp without g is the JavaScript's TypeError */
        duk_push_current_function(ctx); /* 3 */
        fcw_duk_get_prop_literal_fast(ctx, 3, SYMBOL_MATCH_KEY);
        if (!fcw_duk_get_data(ctx, 0)) {
            return call_slow(ctx, nargs);
        }
        if ((duk_is_undefined(ctx, -1) || duk_to_boolean(ctx, -1)) && !(flags & FCW_RE_GLOBAL)) {
            return call_slow(ctx, nargs);
        }
        duk_pop(ctx);
    }
    int global = (flags & FCW_RE_GLOBAL) != 0;
    if (global) {
        duk_push_int(ctx, 0);
        duk_put_prop_literal(ctx, 0, "lastIndex"); /* (a TypeError when it is read-only, as in @@replace) */
    }
    duk_set_top(ctx, 3);
    duk_swap(ctx, 1, 2); /* R, S, replaceValue */
    duk_push_boolean(ctx, global);
    duk_push_boolean(ctx, (flags & (FCW_RE_UNICODE | FCW_RE_UNICODE_SETS)) != 0);
    if (!fcw_re_replace(ctx)) {
        /* (the program's flags are the object's: not reached) */
        duk_set_top(ctx, 3);
        duk_swap(ctx, 1, 2);
        return call_slow(ctx, nargs);
    }
    return 1;
}

/* native.fastStringReplace(slow, symbolReplace, builtinReplace, builtinExec) */
static duk_ret_t native_fast_string_replace(duk_context *ctx)
{
    return make_regexp_fast(ctx, fast_string_replace, 0, RE_METHOD_REPLACE);
}

/* ---- String.prototype.replaceAll, split and at ---- */

/* Whether the string at idx is a string (not a symbol) of ASCII bytes
 * only; its bytes and length in *p and *len. An ASCII needle found in
 * Duktape's internal encoding of a string is found at a character
 * boundary, where its UTF-16 search finds it: no byte of a longer
 * sequence is ASCII. */
static int ascii_string(duk_context *ctx, duk_idx_t idx, const unsigned char **p, duk_size_t *len)
{
    if (!duk_is_string(ctx, idx) || duk_is_symbol(ctx, idx)) {
        return 0;
    }
    *p = (const unsigned char *)duk_get_lstring(ctx, idx, len);
    for (duk_size_t i = 0; i < *len; i++) {
        if ((*p)[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

/* replaceAll(search, replacement) of a string with a non-empty ASCII
 * search string and a string replacement without "$" (no substitution
 * patterns): every occurrence, left to right and not overlapping, is the
 * replacement, as the JavaScript's loop of indexOf would make it (escaping
 * functions chain such calls: &, <, >, quotes). Anything else is the
 * JavaScript's. */
static duk_ret_t fast_string_replace_all(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    const unsigned char *needle, *text, *with;
    duk_size_t nlen, tlen, wlen;
    if (nargs >= 2 && duk_is_object(ctx, 0)) {
        return fast_string_replace(ctx); /* (magic 1: as replaceAll) */
    }
    if (nargs < 2 || !ascii_string(ctx, 0, &needle, &nlen) || nlen == 0 || !duk_is_string(ctx, 1) ||
        duk_is_symbol(ctx, 1)) {
        return call_slow(ctx, nargs);
    }
    with = (const unsigned char *)duk_get_lstring(ctx, 1, &wlen);
    if (memchr(with, '$', wlen) != NULL) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 2);
    duk_push_this(ctx); /* 2 */
    if (!duk_is_string(ctx, 2) || duk_is_symbol(ctx, 2)) {
        return call_slow(ctx, nargs);
    }
    text = (const unsigned char *)duk_get_lstring(ctx, 2, &tlen);
    const unsigned char *hit = tlen >= nlen ? memmem(text, tlen, needle, nlen) : NULL;
    if (hit == NULL) {
        return 1; /* the string itself */
    }
    duk_size_t count = 0;
    for (const unsigned char *q = hit; q != NULL;
         q = (duk_size_t)(text + tlen - (q + nlen)) >= nlen
                 ? memmem(q + nlen, (duk_size_t)(text + tlen - (q + nlen)), needle, nlen)
                 : NULL) {
        count++;
    }
    duk_size_t outlen = tlen - count * nlen + count * wlen;
    unsigned char *out = duk_push_fixed_buffer(ctx, outlen); /* 3 */
    /* (the three strings are held on the stack: their bytes do not move) */
    duk_size_t o = 0, from = 0;
    for (const unsigned char *q = hit; q != NULL;) {
        duk_size_t at = (duk_size_t)(q - text);
        memcpy(out + o, text + from, at - from);
        o += at - from;
        memcpy(out + o, with, wlen);
        o += wlen;
        from = at + nlen;
        q = tlen - from >= nlen ? memmem(text + from, tlen - from, needle, nlen) : NULL;
    }
    memcpy(out + o, text + from, tlen - from);
    duk_buffer_to_string(ctx, 3);
    return 1;
}

/* native.fastStringReplaceAll(slow, symbolReplace, builtinReplace,
 * builtinExec, symbolMatch): a RegExp goes as in replace's fast path */
static duk_ret_t native_fast_string_replace_all(duk_context *ctx)
{
    make_regexp_fast(ctx, fast_string_replace_all, 1, RE_METHOD_REPLACE);
    duk_dup(ctx, 4);
    duk_put_prop_literal(ctx, -2, SYMBOL_MATCH_KEY);
    return 1;
}

/* split(separator) of a string by a string, without a limit: Duktape's own
 * split (the "original"), which the JavaScript calls for such a separator,
 * without the JavaScript around it. */
static duk_ret_t fast_string_split(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs < 1 || nargs > 2 || !duk_is_string(ctx, 0) || duk_is_symbol(ctx, 0) ||
        (nargs == 2 && !duk_is_undefined(ctx, 1))) {
        return call_slow(ctx, nargs);
    }
    duk_set_top(ctx, 1);
    duk_push_this(ctx); /* 1 */
    if (!duk_is_string(ctx, 1) || duk_is_symbol(ctx, 1)) {
        return call_slow(ctx, nargs);
    }
    duk_push_current_function(ctx);
    fcw_duk_get_prop_literal_fast(ctx, -1, ORIGINAL_KEY); /* Duktape's split */
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_push_uint(ctx, 4294967295u);
    duk_call_method(ctx, 2);
    return 1;
}

/* native.fastStringSplit(slow, nativeSplit) */
static duk_ret_t native_fast_string_split(duk_context *ctx)
{
    duk_require_function(ctx, 1);
    return make_fast(ctx, fast_string_split, DUK_VARARGS, 0, 0, 1);
}

/* at(index) of a string with a number index: the code unit there as a
 * string (charAt's), undefined out of range; a negative index from the end. */
static duk_ret_t fast_string_at(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs > 1 || (nargs == 1 && !duk_is_number(ctx, 0))) {
        return call_slow(ctx, nargs);
    }
    double rel = nargs == 1 ? duk_get_number(ctx, 0) : 0;
    duk_set_top(ctx, 1);
    duk_push_this(ctx); /* 1 */
    if (!duk_is_string(ctx, 1) || duk_is_symbol(ctx, 1)) {
        return call_slow(ctx, nargs);
    }
    double k = relative_index(rel, (double)duk_get_length(ctx, 1));
    if (k < 0) {
        return 0;
    }
    duk_substring(ctx, 1, (duk_size_t)k, (duk_size_t)k + 1);
    return 1;
}

/* native.fastStringAt(slow) */
static duk_ret_t native_fast_string_at(duk_context *ctx)
{
    return make_fast(ctx, fast_string_at, DUK_VARARGS, 0, 0, -1);
}

/* concat(...) of a string with arguments that are strings or numbers (a
 * template literal lowered: "<".concat(tag), "/items/".concat(id, "?")):
 * the result interned from one copy of the bytes. Duktape's concat puts
 * them in a buffer object first and interns that (about 1,200
 * instructions of a short one). A number converts without side effects,
 * and a string's bytes join as its concat joins them. Anything else, and
 * a result longer than CONCAT_MAX bytes, goes to Duktape's concat. */
#define CONCAT_MAX 512

static duk_ret_t fast_string_concat(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx), i;
    char out[CONCAT_MAX];
    duk_size_t total, len;
    const char *p;

    duk_push_this(ctx); /* nargs */
    if (!duk_is_string(ctx, nargs) || duk_is_symbol(ctx, nargs)) {
        return call_slow(ctx, nargs);
    }
    for (i = 0; i < nargs; i++) {
        if (duk_is_number(ctx, i)) {
            continue;
        }
        if (!duk_is_string(ctx, i) || duk_is_symbol(ctx, i)) {
            return call_slow(ctx, nargs);
        }
    }
    p = duk_get_lstring(ctx, nargs, &total);
    if (total > CONCAT_MAX) {
        return call_slow(ctx, nargs);
    }
    memcpy(out, p, total);
    for (i = 0; i < nargs; i++) {
        p = duk_to_lstring(ctx, i, &len); /* a number: its ToString */
        if (len > CONCAT_MAX - total) {
            return call_slow(ctx, nargs);
        }
        memcpy(out + total, p, len);
        total += len;
    }
    duk_push_lstring(ctx, out, total);
    return 1;
}

/* native.fastStringConcat(slow): slow is Duktape's concat */
static duk_ret_t native_fast_string_concat(duk_context *ctx)
{
    return make_fast(ctx, fast_string_concat, DUK_VARARGS, 0, 0, -1);
}

/* native.fastStringMatch(slow, symbolMatch, builtinMatch, builtinExec) */
static duk_ret_t native_fast_string_match(duk_context *ctx)
{
    return make_regexp_fast(ctx, fast_string_match, 0, RE_METHOD_MATCH);
}

/* native.fastStringSearch(slow, symbolSearch, builtinSearch, builtinExec) */
static duk_ret_t native_fast_string_search(duk_context *ctx)
{
    return make_regexp_fast(ctx, fast_string_search, 0, RE_METHOD_SEARCH);
}

/* ---- SWC's spread and destructuring helpers ---- */

/* _sliced_to_array(arr, i), the helper of array destructuring: an array
 * (not a Proxy) is its own answer; anything else goes to the bundle's own
 * helper, given when the fast one is made. */
static duk_ret_t fast_sliced_to_array(duk_context *ctx)
{
    if (duk_is_array(ctx, 0) && !fcw_duk_is_proxy(ctx, 0)) {
        duk_dup(ctx, 0);
        return 1;
    }
    return call_slow(ctx, 2);
}

/* _to_consumable_array(arr), the helper of spread into arrays and calls:
 * a copy of an array (holes read as undefined). */
static duk_ret_t fast_to_consumable_array(duk_context *ctx)
{
    if (!duk_is_array(ctx, 0) || fcw_duk_is_proxy(ctx, 0)) {
        return call_slow(ctx, 1);
    }
    duk_uarridx_t len = (duk_uarridx_t)duk_get_length(ctx, 0);
    duk_push_array(ctx);
    for (duk_uarridx_t i = 0; i < len; i++) {
        duk_get_prop_index(ctx, 0, i);
        duk_put_prop_index(ctx, -2, i);
    }
    return 1;
}

/* Pushes, as an array, the keys _object_spread copies from the value at
 * idx: Object.keys, then the own symbols that are enumerable. */
static void push_spread_keys(duk_context *ctx, duk_idx_t idx, duk_idx_t func_idx)
{
    duk_get_prop_literal(ctx, func_idx, ORIGINAL_KEY); /* Object.keys */
    duk_dup(ctx, idx);
    duk_call(ctx, 1);
    duk_get_prop_literal(ctx, func_idx, SYMBOLS_KEY); /* Object.getOwnPropertySymbols */
    duk_dup(ctx, idx);
    duk_call(ctx, 1);
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, -1);
    if (n > 0) {
        duk_uarridx_t out = (duk_uarridx_t)duk_get_length(ctx, -2);
        duk_dup(ctx, idx);
        duk_to_object(ctx, -1); /* [keys symbols object] */
        for (duk_uarridx_t i = 0; i < n; i++) {
            duk_get_prop_index(ctx, -2, i);
            if (fcw_duk_own_enumerable(ctx, -2, -1) == 1) {
                duk_put_prop_index(ctx, -4, out++);
            } else {
                duk_pop(ctx);
            }
        }
        duk_pop(ctx);
    }
    duk_pop(ctx);
}

/* _object_spread(target, ...sources), the helper of object spread: for
 * each source that is not null or undefined, its keys (as above), then for
 * each key target gets source[key] as SWC's _define_property puts it (an
 * own data property, defined when the key is already in target, else
 * assigned). A Proxy source or a target that is no object goes to the
 * bundle's own helper. */
static duk_ret_t fast_object_spread(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs < 1 || !duk_is_object(ctx, 0) || fcw_duk_is_proxy(ctx, 0)) {
        return call_slow(ctx, nargs);
    }
    for (duk_idx_t i = 1; i < nargs; i++) {
        if (fcw_duk_is_proxy(ctx, i)) {
            return call_slow(ctx, nargs);
        }
    }
    duk_push_current_function(ctx);
    duk_idx_t func_idx = duk_get_top_index(ctx);
    for (duk_idx_t i = 1; i < nargs; i++) {
        if (duk_is_null_or_undefined(ctx, i)) {
            continue;
        }
        push_spread_keys(ctx, i, func_idx);
        duk_idx_t keys_idx = duk_get_top_index(ctx);
        duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, keys_idx);
        for (duk_uarridx_t k = 0; k < n; k++) {
            duk_get_prop_index(ctx, keys_idx, k); /* key */
            duk_dup_top(ctx);
            duk_get_prop(ctx, i); /* [key value] */
            duk_dup(ctx, -2);
            if (duk_has_prop(ctx, 0)) {
                duk_def_prop(ctx, 0,
                             DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                                 DUK_DEFPROP_SET_CONFIGURABLE);
            } else {
                duk_put_prop(ctx, 0);
            }
        }
        duk_pop(ctx);
    }
    duk_dup(ctx, 0);
    return 1;
}

/* Object.assign(target, ...sources) (20.1.2.1): for each source that is
 * not null or undefined, its enumerable own string keys in
 * [[OwnPropertyKeys]] order (Duktape's enumeration), then its enumerable
 * own symbols, each value read (getters run) and set on the target
 * ([[Set]]: setters and a Proxy target's trap run). A Proxy source goes
 * to the JavaScript version (js/14-newer-methods.js), which asks its
 * traps; so does a call without a target, for its TypeError. */
static duk_ret_t fast_object_assign(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    if (nargs < 1) {
        return call_slow(ctx, nargs);
    }
    for (duk_idx_t i = 1; i < nargs; i++) {
        if (fcw_duk_is_proxy(ctx, i)) {
            return call_slow(ctx, nargs);
        }
    }
    duk_to_object(ctx, 0);
    for (duk_idx_t i = 1; i < nargs; i++) {
        if (duk_is_null_or_undefined(ctx, i)) {
            continue;
        }
        duk_to_object(ctx, i);
        duk_enum(ctx, i, DUK_ENUM_OWN_PROPERTIES_ONLY);
        while (duk_next(ctx, -1, 1)) {
            duk_put_prop(ctx, 0);
        }
        duk_pop(ctx);
        duk_enum(ctx, i, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_EXCLUDE_STRINGS);
        while (duk_next(ctx, -1, 1)) {
            duk_put_prop(ctx, 0);
        }
        duk_pop(ctx);
    }
    duk_set_top(ctx, 1);
    return 1;
}

/* native.fastObjectAssign(slow): Object.assign in C, slow for proxies. */
static duk_ret_t native_fast_object_assign(duk_context *ctx)
{
    return make_fast(ctx, fast_object_assign, DUK_VARARGS, 0, 0, -1);
}

/* native.fastSpreadHelper(kind, inlined[, objectKeys, getOwnPropertySymbols]):
 * kind 0 _sliced_to_array, 1 _to_consumable_array, 2 _object_spread. */
static duk_ret_t native_fast_spread_helper(duk_context *ctx)
{
    int kind = duk_require_int(ctx, 0);
    switch (kind) {
    case 0: return make_fast(ctx, fast_sliced_to_array, 2, 0, 1, -1);
    case 1: return make_fast(ctx, fast_to_consumable_array, 1, 0, 1, -1);
    case 2:
        duk_require_function(ctx, 2);
        duk_require_function(ctx, 3);
        make_fast(ctx, fast_object_spread, DUK_VARARGS, 0, 1, 2);
        duk_dup(ctx, 3);
        duk_put_prop_literal(ctx, -2, SYMBOLS_KEY);
        return 1;
    default: return duk_error(ctx, DUK_ERR_RANGE_ERROR, "fastSpreadHelper: unknown kind %d", kind);
    }
}

/* ---- the own properties, prototype and extensibility of a Proxy ---- */

/* Duktape has no getOwnPropertyDescriptor, defineProperty, getPrototypeOf,
 * setPrototypeOf, isExtensible or preventExtensions trap. For every Proxy
 * its Object.getOwnPropertyDescriptor answers undefined, hasOwnProperty
 * and propertyIsEnumerable false, Object.defineProperty defines the
 * property on the proxy object itself (where no lookup finds it),
 * Object.keys filters the ownKeys trap's keys by the target's own
 * properties, the prototype and extensibility built-ins (freeze, seal and
 * their tests too) see the proxy object itself, and isPrototypeOf and
 * instanceof see the target's prototype chain. So these built-ins are
 * replaced, before the runtime's JavaScript runs (and can keep a
 * reference), by guards that call Duktape's own in place for anything but
 * a Proxy, and for a Proxy the JavaScript js/17-proxy.js registers with
 * native.proxyOwnHooks, which runs the traps. isPrototypeOf and
 * instanceof (Function.prototype[Symbol.hasInstance], which Duktape's
 * instanceof calls) take the hook when the object's internal prototype
 * chain has a Proxy in it. */
enum guard_check {
    CHECK_ARG,      /* the first argument is a Proxy */
    CHECK_THIS,     /* this is a Proxy */
    CHECK_ARG_CHAIN /* the first argument's prototype chain has a Proxy */
};
enum guard_slot {
    SLOT_METHOD,      /* holder[name], writable and configurable */
    SLOT_GETTER,      /* the getter of holder[name] */
    SLOT_SETTER,      /* its setter */
    SLOT_HAS_INSTANCE /* holder[Symbol.hasInstance], neither writable nor configurable */
};
struct own_guard {
    const char *holder; /* "Object", "Reflect", "Object.prototype", "Function.prototype" */
    const char *name;   /* the property, or the function's name */
    const char *hook;   /* the hook's name in native.proxyOwnHooks' object */
    enum fcw_duk_own_builtin which;
    int magic;
    duk_idx_t nargs;
    enum guard_check check;
    enum guard_slot slot;
    duk_c_function fn;
};

#define GUARDS(X)                                                                                                      \
    X(GOPD, "Object", "getOwnPropertyDescriptor", "getOwnPropertyDescriptor", GET_OWN_PROPERTY_DESCRIPTOR, 0, 2, ARG,  \
      METHOD)                                                                                                          \
    X(REFLECT_GOPD, "Reflect", "getOwnPropertyDescriptor", "reflectGetOwnPropertyDescriptor",                          \
      GET_OWN_PROPERTY_DESCRIPTOR, 1, 2, ARG, METHOD)                                                                  \
    X(DEFINE, "Object", "defineProperty", "defineProperty", DEFINE_PROPERTY, 0, 3, ARG, METHOD)                        \
    X(REFLECT_DEFINE, "Reflect", "defineProperty", "reflectDefineProperty", DEFINE_PROPERTY, 1, 3, ARG, METHOD)        \
    X(HAS_OWN, "Object.prototype", "hasOwnProperty", "hasOwnProperty", HAS_OWN_PROPERTY, 0, 1, THIS, METHOD)           \
    X(IS_ENUMERABLE, "Object.prototype", "propertyIsEnumerable", "propertyIsEnumerable", PROPERTY_IS_ENUMERABLE, 0, 1, \
      THIS, METHOD)                                                                                                    \
    X(KEYS, "Object", "keys", "keys", OBJECT_KEYS, 0, 1, ARG, METHOD)                                                  \
    X(PROTO_GET, "Object.prototype", "__proto__", "protoGetter", GET_PROTOTYPE, 0, 0, THIS, GETTER)                    \
    X(GET_PROTO, "Object", "getPrototypeOf", "getPrototypeOf", GET_PROTOTYPE, 1, 1, ARG, METHOD)                       \
    X(REFLECT_GET_PROTO, "Reflect", "getPrototypeOf", "getPrototypeOf", GET_PROTOTYPE, 2, 1, ARG, METHOD)              \
    X(PROTO_SET, "Object.prototype", "__proto__", "protoSetter", SET_PROTOTYPE, 0, 1, THIS, SETTER)                    \
    X(SET_PROTO, "Object", "setPrototypeOf", "setPrototypeOf", SET_PROTOTYPE, 1, 2, ARG, METHOD)                       \
    X(REFLECT_SET_PROTO, "Reflect", "setPrototypeOf", "reflectSetPrototypeOf", SET_PROTOTYPE, 2, 2, ARG, METHOD)       \
    X(IS_EXTENSIBLE, "Object", "isExtensible", "isExtensible", IS_EXTENSIBLE, 0, 1, ARG, METHOD)                       \
    X(REFLECT_IS_EXTENSIBLE, "Reflect", "isExtensible", "isExtensible", IS_EXTENSIBLE, 1, 1, ARG, METHOD)              \
    X(PREVENT, "Object", "preventExtensions", "preventExtensions", PREVENT_EXTENSIONS, 0, 1, ARG, METHOD)              \
    X(REFLECT_PREVENT, "Reflect", "preventExtensions", "reflectPreventExtensions", PREVENT_EXTENSIONS, 1, 1, ARG,      \
      METHOD)                                                                                                          \
    X(SEAL, "Object", "seal", "seal", SEAL_FREEZE, 0, 1, ARG, METHOD)                                                  \
    X(FREEZE, "Object", "freeze", "freeze", SEAL_FREEZE, 1, 1, ARG, METHOD)                                            \
    X(IS_SEALED, "Object", "isSealed", "isSealed", IS_SEALED_FROZEN, 0, 1, ARG, METHOD)                                \
    X(IS_FROZEN, "Object", "isFrozen", "isFrozen", IS_SEALED_FROZEN, 1, 1, ARG, METHOD)                                \
    X(IS_PROTOTYPE_OF, "Object.prototype", "isPrototypeOf", "isPrototypeOf", IS_PROTOTYPE_OF, 0, 1, ARG_CHAIN, METHOD) \
    X(HAS_INSTANCE, "Function.prototype", "[Symbol.hasInstance]", "hasInstance", HAS_INSTANCE, 0, 1, ARG_CHAIN,        \
      HAS_INSTANCE)

#define GUARD_ENUM(id, holder, name, hook, which, magic, nargs, check, slot) GUARD_##id,
enum { GUARDS(GUARD_ENUM) GUARD_COUNT };
#undef GUARD_ENUM

static duk_ret_t own_guard_call(duk_context *ctx, int index);

/* Each guard is its own native function: the magic is Duktape's. */
#define GUARD_FN(id, holder, name, hook, which, magic, nargs, check, slot)                                             \
    static duk_ret_t guard_##id(duk_context *ctx)                                                                      \
    {                                                                                                                  \
        return own_guard_call(ctx, GUARD_##id);                                                                        \
    }
GUARDS(GUARD_FN)
#undef GUARD_FN

#define GUARD_ENTRY(id, holder, name, hook, which, magic, nargs, check, slot)                                          \
    [GUARD_##id] = {holder, name, hook, FCW_DUK_##which, magic, nargs, CHECK_##check, SLOT_##slot, guard_##id},
static const struct own_guard own_guards[] = {GUARDS(GUARD_ENTRY)};
#undef GUARD_ENTRY

/* Whether js/17-proxy.js has made a proxy in this process
 * (native.noteProxies): until then no prototype chain has one, and
 * instanceof and isPrototypeOf need not look. */
static int proxies_made;

/* Duktape's Object.create (native.fastObjectCreate). */
static duk_c_function object_create_builtin;

/* Duktape's built-in of each guard (fcw_duk_own_builtin(g->which)), set
 * when the guards are installed. */
static duk_c_function builtins[GUARD_COUNT];

/* Pushes the hook named `name` of native.proxyOwnHooks' object and
 * returns 1, or pushes something else and returns 0 when there is no such
 * function (before js/17-proxy.js registered them). Pushes three values
 * either way: native, the hooks, the hook. */
static int push_proxy_hook(duk_context *ctx, const char *name)
{
    fcw_engine_push_native(ctx);
    duk_get_prop_literal(ctx, -1, PROXY_HOOKS_KEY);
    if (duk_is_object(ctx, -1)) {
        duk_get_prop_string(ctx, -1, name);
    } else {
        duk_push_undefined(ctx);
    }
    return duk_is_function(ctx, -1);
}

/* For a Proxy with its hook registered: the hook's answer. Otherwise
 * Duktape's built-in, called in place (same arguments, same magic). */
static duk_ret_t own_guard_call(duk_context *ctx, int index)
{
    const struct own_guard *g = &own_guards[index];
    int proxy;
    switch (g->check) {
    case CHECK_THIS:
        duk_push_this(ctx);
        proxy = fcw_duk_is_proxy(ctx, -1);
        duk_pop(ctx);
        break;
    case CHECK_ARG_CHAIN: proxy = proxies_made && fcw_duk_chain_has_proxy(ctx, 0); break;
    case CHECK_ARG:
    default: proxy = fcw_duk_is_proxy(ctx, 0); break;
    }
    if (proxy) {
        if (g->slot == SLOT_HAS_INSTANCE) {
            /* a bound function's is its target's (OrdinaryHasInstance, 2) */
            duk_push_this(ctx);
            if (fcw_duk_push_bound_target(ctx, -1)) {
                duk_push_boolean(ctx, duk_instanceof(ctx, 0, -1));
                return 1;
            }
            duk_pop(ctx);
        }
        if (push_proxy_hook(ctx, g->hook)) {
            duk_push_this(ctx);
            for (duk_idx_t i = 0; i < g->nargs; i++) {
                duk_dup(ctx, i);
            }
            duk_call_method(ctx, g->nargs);
            return 1;
        }
        duk_set_top(ctx, g->nargs);
    }
    return builtins[index](ctx);
}

/* Pushes the object a guard is installed on: a global or a global's
 * prototype. */
static void push_guard_holder(duk_context *ctx, const char *holder)
{
    const char *dot = strchr(holder, '.');
    if (dot != NULL) {
        duk_push_lstring(ctx, holder, (duk_size_t)(dot - holder));
        duk_get_global_string(ctx, duk_get_string(ctx, -1));
        duk_remove(ctx, -2);
        duk_get_prop_string(ctx, -1, dot + 1);
        duk_remove(ctx, -2);
    } else {
        duk_get_global_string(ctx, holder);
    }
}

/* Pushes a native function fn(nargs) with magic, named and with length as
 * a built-in is. */
static void push_builtin_function(duk_context *ctx, duk_c_function fn, duk_idx_t nargs, int magic, const char *name)
{
    duk_push_c_function(ctx, fn, nargs);
    duk_set_magic(ctx, -1, magic);
    duk_push_literal(ctx, "name");
    duk_push_string(ctx, name);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
    duk_push_literal(ctx, "length");
    duk_push_int(ctx, nargs);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
}

/* Installs fn as holder's built-in method name, as a built-in is. */
static void install_builtin(duk_context *ctx, const char *holder, const char *name, duk_c_function fn, duk_idx_t nargs,
                            int magic)
{
    push_guard_holder(ctx, holder);
    duk_push_string(ctx, name);
    push_builtin_function(ctx, fn, nargs, magic, name);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE);
    duk_pop(ctx);
}

static void install_own_guards(duk_context *ctx)
{
    install_builtin(ctx, "Reflect", "has", fcw_duk_reflect_has_delete, 2, 0);
    install_builtin(ctx, "Reflect", "deleteProperty", fcw_duk_reflect_has_delete, 2, 1);
    for (size_t i = 0; i < sizeof(own_guards) / sizeof(own_guards[0]); i++) {
        const struct own_guard *g = &own_guards[i];
        builtins[i] = fcw_duk_own_builtin(g->which);
        switch (g->slot) {
        case SLOT_GETTER:
        case SLOT_SETTER: {
            /* Object.prototype.__proto__'s accessor: the other half stays */
            int getter = g->slot == SLOT_GETTER;
            char fname[64];
            snprintf(fname, sizeof(fname), "%s %s", getter ? "get" : "set", g->name);
            push_guard_holder(ctx, g->holder);
            duk_push_string(ctx, g->name);
            push_builtin_function(ctx, g->fn, g->nargs, g->magic, fname);
            duk_def_prop(ctx, -3,
                         (getter ? DUK_DEFPROP_HAVE_GETTER : DUK_DEFPROP_HAVE_SETTER) | DUK_DEFPROP_CLEAR_ENUMERABLE |
                             DUK_DEFPROP_SET_CONFIGURABLE);
            duk_pop(ctx);
            break;
        }
        case SLOT_HAS_INSTANCE:
            push_guard_holder(ctx, g->holder);
            duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.hasInstance"));
            push_builtin_function(ctx, g->fn, g->nargs, g->magic, g->name);
            duk_def_prop(ctx, -3,
                         DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                             DUK_DEFPROP_CLEAR_CONFIGURABLE | DUK_DEFPROP_FORCE);
            duk_pop(ctx);
            break;
        case SLOT_METHOD:
        default: install_builtin(ctx, g->holder, g->name, g->fn, g->nargs, g->magic); break;
        }
    }
}

/* native.forInTarget(o), __fcw_helpers.forIn: what a lowered for-in
 * enumerates (contrib/fcworker-build/lib/for-in.js): o itself, or for a
 * Proxy, whose keys Duktape's for-in takes from its target, an object with
 * the keys its traps give (the forIn hook of js/17-proxy.js). */
static duk_ret_t native_for_in_target(duk_context *ctx)
{
    duk_set_top(ctx, 1);
    if (!fcw_duk_is_proxy(ctx, 0)) {
        return 1;
    }
    int hook = push_proxy_hook(ctx, "forIn");
    duk_dup(ctx, 0);
    if (hook) {
        duk_call(ctx, 1);
    }
    return 1;
}

/* native.ownKeysPlainlyValid(target, keys): whether an ownKeys trap's
 * result keys plainly keeps the invariant with target
 * (fcw_duk_own_keys_plainly_valid): false also when the JavaScript must
 * check the long way. */
static duk_ret_t native_own_keys_plainly_valid(duk_context *ctx)
{
    duk_push_boolean(ctx, fcw_duk_own_keys_plainly_valid(ctx, 0, 1));
    return 1;
}

/* Object.create(proto, properties): until a proxy has been made, no
 * prototype chain has one and js/17-proxy.js's objectCreate would only
 * call Duktape's: call that here, in place (its two arguments exactly, as
 * Duktape calls it), without the JavaScript in between. */
static duk_ret_t fast_object_create(duk_context *ctx)
{
    if (proxies_made) {
        return call_slow(ctx, duk_get_top(ctx));
    }
    duk_set_top(ctx, 2);
    return object_create_builtin(ctx);
}

/* __fcw_helpers.instanceOf(value, C): `value instanceof C`, which
 * fcworker-build writes so (lib/instance-of.js): its answer without a call
 * of Function.prototype[Symbol.hasInstance] where that is Duktape's
 * ordinary one (fcw_duk_instanceof_plain), else the operator itself. */
static duk_ret_t native_instance_of(duk_context *ctx)
{
    int r = fcw_duk_instanceof_plain(ctx, 0, 1);
    duk_push_boolean(ctx, r >= 0 ? (duk_bool_t)r : duk_instanceof(ctx, 0, 1));
    return 1;
}

/* native.readsGetters(obj, proto, keys, getters): fcw_duk_reads_getters. */
static duk_ret_t native_reads_getters(duk_context *ctx)
{
    duk_push_boolean(ctx, fcw_duk_reads_getters(ctx, 0, 1, 2, 3));
    return 1;
}

/* native.fastObjectCreate(slow) */
static duk_ret_t native_fast_object_create(duk_context *ctx)
{
    if (object_create_builtin == NULL) {
        object_create_builtin = fcw_duk_own_builtin(FCW_DUK_OBJECT_CREATE);
    }
    return make_fast(ctx, fast_object_create, DUK_VARARGS, 0, 0, -1);
}

/* native.noteProxies(): js/17-proxy.js made its first proxy. */
static duk_ret_t native_note_proxies(duk_context *ctx)
{
    (void)ctx;
    proxies_made = 1;
    return 0;
}

/* native.isProxy(value) */
static duk_ret_t native_is_proxy(duk_context *ctx)
{
    duk_push_boolean(ctx, fcw_duk_is_proxy(ctx, 0));
    return 1;
}

/* native.proxyOwnHooks(hooks): registers the JavaScript the guards call
 * for a Proxy (hooks.getOwnPropertyDescriptor, and so on, by the names of
 * own_guards); returns an object with Duktape's own built-ins under the
 * same names, for a Proxy that the hooks do not know. */
static duk_ret_t native_proxy_own_hooks(duk_context *ctx)
{
    duk_require_object(ctx, 0);
    fcw_engine_push_native(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_literal(ctx, -2, PROXY_HOOKS_KEY);
    duk_pop(ctx);
    duk_push_object(ctx);
    for (size_t i = 0; i < sizeof(own_guards) / sizeof(own_guards[0]); i++) {
        const struct own_guard *g = &own_guards[i];
        if (g->slot != SLOT_METHOD || duk_has_prop_string(ctx, -1, g->hook)) {
            continue; /* Object's, where Reflect's shares its name */
        }
        push_builtin_function(ctx, fcw_duk_own_builtin(g->which), g->nargs, g->magic, g->name);
        duk_put_prop_string(ctx, -2, g->hook);
    }
    return 1;
}

/* native.defineData(target, key, value, attrs) and
 * native.defineAccessor(target, key, get, set, attrs): what
 * Object.defineProperty(target, key, descriptor) does with the descriptor
 * { value, writable, enumerable, configurable }, or { get, set,
 * enumerable, configurable } without the get or set that is undefined
 * (attrs: DEFINE_WRITABLE | DEFINE_ENUMERABLE | DEFINE_CONFIGURABLE), but
 * without making the descriptor object and reading its six fields back
 * (up to 4,500 instructions of a definition; the runtime makes a thousand
 * at each start). Returns undefined. Anything but an object that is no
 * Proxy gets the descriptor object and Object.defineProperty's steps (the
 * Proxy's trap, the TypeError for a primitive). */
#define DEFINE_WRITABLE 1u
#define DEFINE_ENUMERABLE 2u
#define DEFINE_CONFIGURABLE 4u

static duk_ret_t define_with(duk_context *ctx, int accessor)
{
    duk_idx_t attrs_idx = accessor ? 4 : 3;
    duk_uint_t attrs = duk_require_uint(ctx, attrs_idx);
    duk_uint_t flags = (attrs & DEFINE_ENUMERABLE ? DUK_DEFPROP_SET_ENUMERABLE : DUK_DEFPROP_CLEAR_ENUMERABLE) |
                       (attrs & DEFINE_CONFIGURABLE ? DUK_DEFPROP_SET_CONFIGURABLE : DUK_DEFPROP_CLEAR_CONFIGURABLE);
    duk_set_top(ctx, attrs_idx);
    if (duk_is_object(ctx, 0) && !fcw_duk_is_proxy(ctx, 0)) {
        duk_dup(ctx, 1);
        if (!accessor) {
            duk_dup(ctx, 2);
            flags |= DUK_DEFPROP_HAVE_VALUE |
                     (attrs & DEFINE_WRITABLE ? DUK_DEFPROP_SET_WRITABLE : DUK_DEFPROP_CLEAR_WRITABLE);
        } else {
            if (!duk_is_undefined(ctx, 2)) {
                duk_dup(ctx, 2);
                flags |= DUK_DEFPROP_HAVE_GETTER;
            }
            if (!duk_is_undefined(ctx, 3)) {
                duk_dup(ctx, 3);
                flags |= DUK_DEFPROP_HAVE_SETTER;
            }
        }
        duk_def_prop(ctx, 0, flags);
        return 0;
    }
    duk_push_object(ctx); /* the descriptor, at attrs_idx */
    if (!accessor) {
        duk_dup(ctx, 2);
        duk_put_prop_literal(ctx, -2, "value");
        duk_push_boolean(ctx, (attrs & DEFINE_WRITABLE) != 0);
        duk_put_prop_literal(ctx, -2, "writable");
    } else {
        if (!duk_is_undefined(ctx, 2)) {
            duk_dup(ctx, 2);
            duk_put_prop_literal(ctx, -2, "get");
        }
        if (!duk_is_undefined(ctx, 3)) {
            duk_dup(ctx, 3);
            duk_put_prop_literal(ctx, -2, "set");
        }
    }
    duk_push_boolean(ctx, (attrs & DEFINE_ENUMERABLE) != 0);
    duk_put_prop_literal(ctx, -2, "enumerable");
    duk_push_boolean(ctx, (attrs & DEFINE_CONFIGURABLE) != 0);
    duk_put_prop_literal(ctx, -2, "configurable");
    duk_replace(ctx, 2);
    duk_set_top(ctx, 3); /* [ target key descriptor ] */
    own_guard_call(ctx, GUARD_DEFINE);
    return 0;
}

static duk_ret_t native_define_data(duk_context *ctx)
{
    return define_with(ctx, 0);
}

static duk_ret_t native_define_accessor(duk_context *ctx)
{
    return define_with(ctx, 1);
}

void fcw_api_fastpath_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry natives[] = {
        {"fastSearch", native_fast_search, 3},
        {"fastAt", native_fast_at, 1},
        {"fastArrayIteratorNext", native_fast_array_iterator_next, 1},
        {"fastArrayIterator", native_fast_array_iterator, 3},
        {"fastLookup", native_fast_lookup, 2},
        {"fastClassCallCheck", native_fast_class_call_check, 1},
        {"objectPointerKey", native_object_pointer_key, 1},
        {"fastEntries", native_fast_entries, 3},
        {"fastArrayFrom", native_fast_array_from, 2},
        {"fastCollectionRest", native_fast_collection_rest, 2},
        {"fastHeadersLookup", native_fast_headers_lookup, 3},
        {"fastStringSearch", native_fast_string_search, 4},
        {"fastStringMatch", native_fast_string_match, 4},
        {"fastStringReplaceAll", native_fast_string_replace_all, 5},
        {"fastStringSplit", native_fast_string_split, 2},
        {"fastStringAt", native_fast_string_at, 1},
        {"fastStringConcat", native_fast_string_concat, 1},
        {"fastStringReplace", native_fast_string_replace, 4},
        {"fastSpreadHelper", native_fast_spread_helper, 4},
        {"fastObjectAssign", native_fast_object_assign, 1},
        {"proxyOwnHooks", native_proxy_own_hooks, 1},
        {"isProxy", native_is_proxy, 1},
        {"noteProxies", native_note_proxies, 0},
        {"fastObjectCreate", native_fast_object_create, 1},
        {"instanceOf", native_instance_of, 2},
        {"readsGetters", native_reads_getters, 4},
        {"ownKeysPlainlyValid", native_own_keys_plainly_valid, 2},
        {"forInTarget", native_for_in_target, 1},
        {"defineData", native_define_data, 4},
        {"defineAccessor", native_define_accessor, 5},
        {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, natives);
    install_own_guards(ctx);
}
