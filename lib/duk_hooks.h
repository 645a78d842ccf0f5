/* SPDX-License-Identifier: MIT */
/*
 * What fcworker asks of Duktape beyond its public API (lib/duk_hooks.c).
 */
#ifndef FCW_DUK_HOOKS_H
#define FCW_DUK_HOOKS_H

#include "duktape.h"

/* Makes the running thread check its interrupt (the exec-timeout hook) at
 * the next bytecode instruction instead of up to 256K instructions later.
 * Only writes two integers: safe from a signal handler on the same thread. */
void fcw_duk_request_interrupt(duk_context *ctx);

/* Long strings made from a buffer that dies with them (concatenations)
 * keep the buffer's block instead of a copy of its bytes, in the heaps
 * whose allocator is alloc_func; share(block) gives a block of that
 * allocator a second owner (1), whose free then only drops one (or 0 when
 * it cannot). Large blocks must have a byte to spare after their size.
 * Until this is called, every string is copied (Duktape's own way). */
void fcw_duk_extstr_setup(duk_alloc_function alloc_func, int (*share)(void *block));
/* For an allocation of size bytes asked for by the engine's allocator
 * (the one given to fcw_duk_extstr_setup): when it is the buffer of an
 * append whose old string dies with it (`s += t`, `a[i] += t`; see
 * duk_hooks.c), sets *room to a larger size to allocate instead, and
 * returns the block that holds the old string's bytes (at its start, after
 * a fixed buffer's header), which may be given for the buffer when it has
 * size bytes and no other owner; else NULL and *room 0. */
void *fcw_duk_append_plan(duk_context *ctx, size_t size, size_t *room);
/* Whether the value at idx is a string that kept a buffer's block (for
 * the tests). */
int fcw_duk_is_external_string(duk_context *ctx, duk_idx_t idx);

/* With a key (a string, not an array index, or a symbol) on the stack
 * top: when [[Get]] of it on the object at obj_idx takes no code (it finds
 * a data property, or nothing, through ordinary objects only: no accessor,
 * Proxy, array, string object, arguments or buffer on the way), replaces
 * the key by the value, as duk_get_prop would, and returns 1; else leaves
 * the stack as it is and returns 0. A few lookups, no allocation. */
int fcw_duk_get_data(duk_context *ctx, duk_idx_t obj_idx);
/* duk_get_prop through fcw_duk_get_data when it can. */
void fcw_duk_get_prop_fast(duk_context *ctx, duk_idx_t obj_idx);
/* ... of a literal key */
#define fcw_duk_get_prop_literal_fast(ctx, obj_idx, lit) \
    (duk_push_literal((ctx), lit), fcw_duk_get_prop_fast((ctx), (obj_idx) < 0 ? (obj_idx) - 1 : (obj_idx)))

/* Reads with the key given by its heap pointer (an interned string or a
 * symbol the caller keeps alive, e.g. with fcw_duk_hold), no push of a
 * literal: fcw_duk_data_is answers 1 only when [[Get]] finds, as data,
 * the object expected (a heap pointer), 0 otherwise (also where it would
 * take code or meet an exotic object); fcw_duk_own_data_number answers 1
 * with *out when the object's own data property key holds a number, 0
 * otherwise. */
int fcw_duk_data_is(duk_context *ctx, duk_idx_t obj_idx, void *key, void *expected);
int fcw_duk_own_data_number(duk_context *ctx, duk_idx_t obj_idx, void *key, double *out);

/* Takes items i and i + 1 of the array at arr_idx (a queue of pairs):
 * pushes them and leaves undefined in their place, in the array part;
 * returns 1, or 0 with nothing pushed when the array is shorter than
 * i + 2, or -1 with nothing pushed when the array has no array part
 * covering them (the caller then reads and writes them as properties). */
int fcw_duk_take_pair(duk_context *ctx, duk_idx_t arr_idx, duk_uarridx_t i);

/* Whether a method call on a primitive number (string), of the key (a
 * string literal, looked up through Duktape's literal cache), would call
 * the native function fn (with that magic) as data: the own property key
 * of %Number.prototype% (%String.prototype%) is a plain native function
 * of fn. For Number.prototype.toString, fn NULL stands for the
 * runtime's own (it replaced Duktape's). */
enum fcw_duk_proto { FCW_DUK_NUMBER_PROTOTYPE, FCW_DUK_STRING_PROTOTYPE };
int fcw_duk_proto_method_is(duk_context *ctx, enum fcw_duk_proto proto, const char *key, duk_c_function fn, int magic);

/* `Array.prototype.map.call(new Uint8Array(v), cb).join("")` for v at idx
 * (an ArrayBuffer or a Uint8Array, not empty), as fcworker-build writes a
 * digest's hex (contrib/fcworker-build/lib/hex-byte.js): 1 with v's bytes
 * when the global Array and Uint8Array, Array.prototype's map and join,
 * map's call (Function.prototype's) are Duktape's own, as data properties
 * where the expression reads them (the callback's methods are the
 * caller's to check); 0 otherwise. */
int fcw_duk_hex_join_bytes(duk_context *ctx, duk_idx_t idx, const unsigned char **data, size_t *len);

/* Values C keeps alive without a property write: fcw_duk_push_held pushes
 * a fresh array of n slots (undefined) to be kept reachable by the caller
 * (in the heap stash); fcw_duk_hold stores the value at idx in slot i of
 * that array (holder, its heap pointer) in place, as a write into its
 * array part, and fcw_duk_push_held_value pushes slot i. */
void fcw_duk_push_held(duk_context *ctx, duk_uarridx_t n);
void fcw_duk_hold(duk_context *ctx, void *holder, duk_uarridx_t i, duk_idx_t idx);
void fcw_duk_push_held_value(duk_context *ctx, void *holder, duk_uarridx_t i);

/* The heap's user data (duk_create_heap's udata): the same for every
 * thread of the heap, read without a property lookup. */
void *fcw_duk_heap_udata(duk_context *ctx);

/* Detaches the ArrayBuffer at idx (structured transfer, transfer()): it
 * and every view over its bytes are left with byteLength 0 over an empty
 * buffer (one per heap, which marks them detached), and the bytes are
 * freed. The views are found by walking the heap's objects, once per
 * call. Returns 0, or -1 if the value is not an ArrayBuffer. */
int fcw_duk_detach_arraybuffer(duk_context *ctx, duk_idx_t idx);

/* native.privateBase(receiver, key), the brand check of a private class
 * member that fcworker-build lowered to a property under a unique key:
 * returns receiver if it is an object with key as an OWN property (neither
 * inherited nor through a proxy), else throws a TypeError. The C form of
 * `Object.prototype.hasOwnProperty.call(receiver, key)` and a throw. */
duk_ret_t fcw_duk_private_base(duk_context *ctx);

/* -1 if the value at idx is not an ArrayBuffer, 1 if it was detached by
 * fcw_duk_detach_arraybuffer, 0 otherwise. */
int fcw_duk_arraybuffer_state(duk_context *ctx, duk_idx_t idx);

/* Makes the function at idx no constructor, as built-in methods are:
 * `new` on it throws a TypeError and its `prototype` property is removed.
 * Anything else is left alone. */
void fcw_duk_make_non_constructor(duk_context *ctx, duk_idx_t idx);

/* The same for the methods and accessors of the object at idx, as
 * js/19-non-constructors.js needs it: each getter and setter, and each
 * function-valued own data property except `constructor`, `prototype`,
 * the object's own [[Get]] of "constructor", those under a key starting
 * with an ASCII capital (classes hung on a namespace) and those under
 * hidden symbols. Anything but an object is left alone. */
void fcw_duk_make_methods_non_constructors(duk_context *ctx, duk_idx_t idx);

/* Makes the function templates inside a function loaded with
 * duk_load_function() what the compiler would have made of them: the
 * loader gives every template a .prototype object, a length, an empty name
 * and an empty variable map, which every closure made from it would then
 * carry (some 13% more heap for the runtime). The function at idx itself
 * is left as it is. A template that fcw_duk_prepare_dump marked is made a
 * constructor again. */
void fcw_duk_trim_loaded_function(duk_context *ctx, duk_idx_t idx);

/* From now on fcw_duk_trim_loaded_function leaves the templates' property
 * tables at their size (the deleted properties' slots unused) instead of
 * compacting each: in a process that serves one request and exits, the
 * memory is not worth the copy (5,000 templates, 5% of a CGI start). */
void fcw_duk_skip_compaction(void);

/* Before duk_dump_function() of the compiled function at idx: each
 * function template nested in it that is a constructor is dumped as none,
 * with a mark fcw_duk_trim_loaded_function reads, so that the loader
 * makes no .prototype object for it (which the trim would only delete;
 * its closures get their own): some 1,500 objects at each load of the
 * runtime. Only fcw_duk_trim_loaded_function may follow the load of such
 * a dump (the mark is SPECIAL_CALL, which a closure would copy). The
 * function at idx itself is left as it is. */
void fcw_duk_prepare_dump(duk_context *ctx, duk_idx_t idx);

/* Applies the marks fcworker-build leaves on functions that are no
 * constructors in the source (arrow functions, methods, accessors, async
 * functions and generators): the directive "use duk notail" first in the
 * body. Each function template inside the compiled function at idx that
 * has it is made what the source meant: its closures are no constructors
 * (no `prototype`, `new` throws a TypeError) and do not bind their own
 * name around the body, and tail calls are allowed again.
 * fcw_duk_trim_loaded_function does the same for a loaded function. */
void fcw_duk_apply_marks(duk_context *ctx, duk_idx_t idx);
/* fcw_duk_apply_marks for one of the runtime's files (js/): also makes
 * each function template nested in it whose name starts with a lower-case
 * letter, `_` or `$` no constructor (the runtime's convention: its
 * constructors are capitalized), so that its closures get no prototype. */
void fcw_duk_apply_runtime_marks(duk_context *ctx, duk_idx_t idx);
/* fcw_duk_apply_marks for a worker script's function: also runs as
 * non-strict code each strict function nested in it whose own code cannot
 * tell strict from non-strict (it reads no `this`, assigns and deletes no
 * property or variable by name, has no arguments object and no direct
 * eval), so that its closures do without the `caller` and `arguments`
 * accessors that throw. */
void fcw_duk_apply_script_marks(duk_context *ctx, duk_idx_t idx);

/* Holds off mark-and-sweep (hold 1) until released (hold 0), e.g. while
 * the runtime loads: the heap grows from nothing and Duktape's voluntary
 * collections would otherwise run over it again and again. Reference
 * counting still frees what it can. Nests. The last release starts the
 * count to the next voluntary collection afresh. */
void fcw_duk_gc_hold(duk_context *ctx, int hold);

/* 1 when JSON.stringify(value at idx) without a replacer function can
 * only meet plain data: no object on the way has a toJSON (own or
 * inherited), an accessor among its enumerable properties, a hole, a
 * boxed primitive, a buffer, a proxy, or the object at bigproto_idx in its
 * prototype chain (a BigInt of js/16-bigint.js); no cycle and at most 64
 * levels. Then nothing can run user code or produce a BigInt, and the
 * engine's encoder may serialize the value without a checking replacer.
 * 0 otherwise (the caller takes the checked path), and for a raw JSON
 * object (an own FCW_JSON_RAW_KEY) on the way. Reads only. */
int fcw_duk_json_plain(duk_context *ctx, duk_idx_t idx, duk_idx_t bigproto_idx);

/* The brand of JSON.rawJSON's objects (js/16-bigint.js), the hidden
 * symbol native.hiddenSymbol('rawJSON'): an own data property holding the
 * object's text. */
#define FCW_JSON_RAW_KEY "\xff" "rawJSON"

/* JSON.rawJSON's part of JSON.stringify (js/16-bigint.js), for its
 * replacer once a raw JSON object exists: native.jsonRawValue(value,
 * raws) -> what the engine's encoder is given for value. A raw JSON
 * object (not a proxy, with an own FCW_JSON_RAW_KEY) and a string holding a U+0000 (as its encoded
 * text) are placeholders, strings of "\0" and the index at which their
 * text is appended to the array raws; a String object is first converted
 * with ToString, as the encoder would; anything else is itself. No
 * string the encoder is given then holds a U+0000 but a placeholder,
 * which native.jsonRawInsert finds in the text. native.jsonGap(space) ->
 * the gap string that JSON.stringify makes of space (a Number or String
 * object converted once). */
duk_ret_t fcw_duk_json_raw_value(duk_context *ctx);
duk_ret_t fcw_duk_json_gap(duk_context *ctx);
/* native.jsonParseRevive(revive): JSON.parse (the built-in function
 * object) calls revive(text, reviver) when reviver is a function, and
 * Duktape's parser in place otherwise. */
duk_ret_t fcw_duk_json_parse_revive(duk_context *ctx);

/* Whether the object at obj_idx has an own enumerable property named by the
 * string at key_idx (propertyIsEnumerable without a call), or -1 when the
 * object is a Proxy (whose traps the caller must run). */
int fcw_duk_own_enumerable(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t key_idx);

/* obj[key] = value, with [.., value, key] on top (both popped), obj at
 * obj_idx: an own data property is written in place, as an
 * internal slot (even when not writable, e.g. frozen); anything else as a
 * property write would. */
void fcw_duk_put_slot(duk_context *ctx, duk_idx_t obj_idx);

/* obj[key] = the value on top (popped), obj at obj_idx, key a hidden
 * symbol's C string: an own writable, configurable, non-enumerable data
 * property, defined as Duktape defines its internal ones (no extensibility
 * or descriptor checks; an existing one is overwritten). */
void fcw_duk_put_hidden(duk_context *ctx, duk_idx_t obj_idx, const char *key);

/* Object.entries (entries 1) or Object.values (0) of the object at idx
 * when it is an ordinary object (no Proxy, no exotic or virtual property,
 * no array part) whose enumerable string-keyed properties are all data
 * properties and none is an array index: pushes the array and returns 1,
 * with the values read in place (nothing can run). Otherwise pushes
 * nothing and returns 0. With entries FCW_DUK_ENTRIES_FLAT, the array is
 * [key, value, key, value, ...]. */
#define FCW_DUK_ENTRIES_FLAT 2
int fcw_duk_plain_entries(duk_context *ctx, duk_idx_t idx, int entries);

/* Map.prototype.get (want_value 1) or has, Set.prototype.has, for the
 * string at key_idx on the store of js/11-collections.js that the object
 * at this_idx keeps under the hidden key store_key (a C string), read in
 * place: pushes the answer and returns 1, or returns -1 (nothing pushed)
 * when the JavaScript must answer (another key type, not such an object,
 * a store in another state). */
int fcw_duk_store_lookup(duk_context *ctx, duk_idx_t this_idx, duk_idx_t key_idx, const char *store_key, int want_value);

/* After the module function at fn_idx (a runtime file's, a worker
 * module's) has returned, the reads of its top-level bindings that no code
 * of it writes become reads of constants (see lib/duk_hooks.c); env_idx
 * holds its environment, which it returned from fcw_duk_module_probe.
 * Returns how many instructions changed, or -1 when the module is left as
 * it is. */
long fcw_duk_bind_constants(duk_context *ctx, duk_idx_t fn_idx, duk_idx_t env_idx);

/* The native a module function calls last (FCW_MODULE_END, as its
 * __fcw_probe): returns the variable environment of the function that
 * called it, made now if Duktape had not made it yet (nothing when the
 * caller has none of its own). */
duk_ret_t fcw_duk_module_probe(duk_context *ctx);

/* The parameters of the function a runtime file or a worker module is the
 * body of (lib/script.c, lib/runtime_image_gen.c), and what ends that body,
 * on a line of its own after the module's last: it returns its environment
 * for fcw_duk_bind_constants when its last parameter is
 * fcw_duk_module_probe (a one-request process passes false: the pass
 * would cost it more than it saves). The runtime's third parameter, given
 * undefined, is named undefined: the files' `undefined`s then resolve in
 * their own scope instead of walking the scope chain to the global
 * object. */
#define FCW_RUNTIME_PARAMS "global, native, undefined, __fcw_probe"
#define FCW_MODULE_PARAMS "__fcw_exports, __fcw_probe"
#define FCW_MODULE_END "\n;return __fcw_probe ? __fcw_probe() : void 0;\n}"

/* WeakMap.prototype.get (want_value 1) or has, WeakSet.prototype.has, for
 * the object at key_idx, on the data record of js/11-collections.js that
 * the collection at this_idx keeps under the hidden key data_key: the cell
 * the key carries under the record's symbol, read in place (a primitive
 * other than a symbol is no key). Pushes the answer and returns 1, or
 * returns -1 (nothing pushed) when the JavaScript must answer (a proxy, a
 * symbol, a key that is not extensible, keys held strongly, a record or
 * cell in another state). */
int fcw_duk_weak_lookup(duk_context *ctx, duk_idx_t this_idx, duk_idx_t key_idx, const char *data_key, int want_value);

/* Whether reading each keys[i] (interned strings, as heap pointers) of the
 * object at obj_idx calls getters[i] and nothing else: the object is no
 * Proxy, has none of the keys as its own, and its prototype is proto,
 * which has each as an own accessor whose getter is getters[i]. Reads
 * only; n keys. */
int fcw_duk_inherits_getters(duk_context *ctx, duk_idx_t obj_idx, void *proto, void *const *keys,
                             void *const *getters, int n);

/* Array.prototype.indexOf of the primitive at val_idx (not a BigInt
 * object) in the plain Array at arr_idx from the number from (not yet made
 * an integer), its elements read in place from the array part with strict
 * equality: the index, or -1; -2 when this cannot answer (not such an
 * array, the search element an object or buffer, a hole met: the
 * prototype chain would be asked). Runs no JavaScript. */
double fcw_duk_array_search(duk_context *ctx, duk_idx_t arr_idx, duk_idx_t val_idx, double from);
/* Whether the value at idx is a Proxy object. */
int fcw_duk_is_proxy(duk_context *ctx, duk_idx_t idx);
/* Whether the value at idx is an object, not a proxy, that is not
 * extensible (frozen, sealed, preventExtensions): one that cannot take an
 * own property. */
int fcw_duk_is_plain_unextensible(duk_context *ctx, duk_idx_t idx);

/* Whether the value at idx is an object with a Proxy object in its
 * internal prototype chain, itself included (where Duktape's own
 * isPrototypeOf and instanceof would not run a getPrototypeOf trap). */
int fcw_duk_chain_has_proxy(duk_context *ctx, duk_idx_t idx);

/* The ownKeys invariant of a Proxy (ECMA-262 §10.5.11), where it is cheap
 * to check: returns 1 when the trap's result at keys_idx is an Array (not
 * a Proxy) of distinct strings and symbols and the target at target_idx
 * is an extensible ordinary object, Array or ECMAScript function each of
 * whose non-configurable own keys is in that list. Returns 0 otherwise,
 * also when it cannot tell (the caller then checks the long way). */
int fcw_duk_own_keys_plainly_valid(duk_context *ctx, duk_idx_t target_idx, duk_idx_t keys_idx);

/* When the value at idx is a bound function, pushes its target function
 * and returns 1; otherwise pushes nothing and returns 0. */
int fcw_duk_push_bound_target(duk_context *ctx, duk_idx_t idx);

/* Duktape's own implementations of the built-ins that see a Proxy's own
 * properties (lib/api_fastpath.c guards them): each is a native function
 * to call in place, from a native function that has the same arguments on
 * its stack (their count as given) and the same magic (0 for Object's,
 * 1 for Reflect's). */
enum fcw_duk_own_builtin {
    FCW_DUK_GET_OWN_PROPERTY_DESCRIPTOR, /* 2 arguments, magic 0 or 1 */
    FCW_DUK_DEFINE_PROPERTY,             /* 3 arguments, magic 0 or 1 */
    FCW_DUK_HAS_OWN_PROPERTY,            /* 1 argument and this */
    FCW_DUK_PROPERTY_IS_ENUMERABLE,      /* 1 argument and this */
    FCW_DUK_OBJECT_KEYS,                 /* 1 argument, magic 0 */
    /* the built-ins that see a prototype or extensibility */
    FCW_DUK_GET_PROTOTYPE,      /* __proto__'s getter (magic 0, this), Object's (1) and Reflect's (2) */
    FCW_DUK_SET_PROTOTYPE,      /* __proto__'s setter (magic 0, this and 1 argument), Object's (1), Reflect's (2) */
    FCW_DUK_IS_EXTENSIBLE,      /* 1 argument, magic 0 or 1 */
    FCW_DUK_PREVENT_EXTENSIONS, /* 1 argument, magic 0 or 1 */
    FCW_DUK_SEAL_FREEZE,        /* 1 argument, magic 0 (seal) or 1 (freeze) */
    FCW_DUK_IS_SEALED_FROZEN,   /* 1 argument, magic 0 (isSealed) or 1 (isFrozen) */
    FCW_DUK_IS_PROTOTYPE_OF,    /* 1 argument and this */
    FCW_DUK_HAS_INSTANCE,       /* Function.prototype[Symbol.hasInstance]: 1 argument and this */
    FCW_DUK_OBJECT_CREATE       /* Object.create: 2 arguments */
};
duk_c_function fcw_duk_own_builtin(enum fcw_duk_own_builtin which);

/* Reflect.has (magic 0) and Reflect.deleteProperty (magic 1), 2 arguments,
 * as Duktape's but for a symbol key, which Duktape's refuse. */
duk_ret_t fcw_duk_reflect_has_delete(duk_context *ctx);

/* One frame of the running JavaScript (fcw_duk_stack_frames): the strings
 * are Duktape's, valid until the engine runs again. */
struct fcw_duk_frame {
    const char *name;
    const char *file;
    long line;
};

/* The call stack of the running Duktape thread, innermost first, up to max
 * frames; returns how many were filled. For the sampling profiler. */
int fcw_duk_stack_frames(duk_context *ctx, struct fcw_duk_frame *frames, int max);

/* A date string's fields as lib/date.c reads them: the year, month
 * (0-11), day (1-31), hour (0-24), minute, second, millisecond, and the
 * offset from UTC in minutes east when the string gives one (has_offset);
 * local time otherwise. */
struct fcw_date_fields {
    int year, month, day, hour, minute, second, millisecond;
    int has_offset;
    long offset_minutes;
};

/* Reads a date string as V8 does (lib/date.c): 1 and *out, or 0 when it is
 * no date. */
int fcw_date_parse_fields(const char *str, struct fcw_date_fields *out);

/* The time value of the fields (NaN out of range): local time as
 * new Date(y, m, d, ...) makes it, or UTC less the offset. */
double fcw_duk_date_time_value(const struct fcw_date_fields *f);

/* Makes the Date constructor and Date.parse of the heap read strings with
 * fcw_date_parse_string (lib/date.c), and `new Date(date)` copy the time
 * value of a Date argument (ES2015 §21.4.2.1 step 4.b) where Duktape's
 * constructor converted it to a string and lost the milliseconds. The
 * functions stay the same objects; only what they run changes. */
void fcw_duk_date_install(duk_context *ctx);

/* Makes Number.prototype.toFixed, toExponential and toPrecision take 0 to
 * 100 digits (1 to 100) and give the exact value's digits rounded half up
 * (ES2018, as V8), from the C library's exact decimal expansion, and
 * toString(radix) write V8's digits for a radix other than 10. */
void fcw_duk_number_install(duk_context *ctx);

/* DataView.prototype's getters and setters with V8's RangeError for a field
 * outside the view (Duktape's own do the rest). */
void fcw_duk_dataview_install(duk_context *ctx);

#endif

/* native.recordMaker(proto, keys, selfKey) -> make: make(v0, v1, ...) returns
 * a new object whose prototype is proto (null: none) with the own data
 * properties keys[i] = vi (undefined when not given), writable, enumerable
 * and configurable, in that order, and selfKey (a string or symbol, or
 * undefined for none) naming the object itself first; its property table is
 * allocated at its final size at once. The literal `{ k0: v0, ... }` or a
 * constructor's assignments grow the table step by step and look each key
 * up first. Keys must be distinct strings or symbols that are no array
 * index; at most 32. */
duk_ret_t fcw_duk_record_maker(duk_context *ctx);

/* Pushes what the record maker at maker_idx (one without a self key) makes
 * of the nvalues values from index first on, without calling it. */
void fcw_duk_record_push(duk_context *ctx, duk_idx_t maker_idx, duk_idx_t first, duk_idx_t nvalues);

/* native.promiseCore([SELF, STATE, RESULT, REACTIONS, HANDLED], jobQueue,
 * unhandledCandidates, resolveThenableJob, resumeAsync) -> { fulfill,
 * reject, resolve, performThen, reactionJob }: js/10-promise.js's
 * FulfillPromise, RejectPromise (with the rejection tracker), the resolve
 * function's steps (a thenable is adopted by a resolveThenableJob of
 * { promise, thenable, then }), PerformPromiseThen with its reaction
 * records and the reaction job (which resumes an async function's run
 * record through resumeAsync), in C: the promise's slots and the reaction
 * records are read and written in place. */
duk_ret_t fcw_duk_promise_core(duk_context *ctx);

/* native.iterStep(proto, next, [iteratedKey, nextIndexKey, kindKey,
 * resultKey]) -> step: step(iterator) is `iterator.next()` as a lowered
 * for-of calls it, with the step of an array iterator (of prototype proto,
 * %ArrayIteratorPrototype%, whose next is still `next`) over an array
 * taken in place and its result object reused (see lib/duk_hooks.c). */
duk_ret_t fcw_duk_iter_step_maker(duk_context *ctx);
/* A class field's definition (CreateDataPropertyOrThrow) where nothing can
 * be observed: on an ordinary extensible object without an own property
 * of that key (a string or symbol; not an index of an object with an array
 * part), defines the value at value_idx as a writable, enumerable,
 * configurable data property in place and returns 1; returns 0 (nothing
 * done) for anything else. */
int fcw_duk_define_new_field(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t key_idx, duk_idx_t value_idx);
/* native.weakRegister(proto): the prototype of js/11-collections.js's
 * WeakMap and WeakSet data records. fcw_duk_weak_sweep, called after a full
 * collection, deletes the entries that keys still hold for collections no
 * longer alive (see lib/duk_hooks.c). */
duk_ret_t fcw_duk_weak_register(duk_context *ctx);
void fcw_duk_weak_sweep(duk_context *ctx);
/* The number of the object's own properties in its entry part, hidden
 * symbols included (for tests). */
duk_uint32_t fcw_duk_own_slot_count(duk_context *ctx, duk_idx_t idx);
/* Whether the function at idx gets an arguments object at each call (for
 * tests): 1, 0, or -1 when it is no compiled function. */
int fcw_duk_creates_arguments(duk_context *ctx, duk_idx_t idx);
/* Pushes the names the compiled function at idx reads by name (its
 * GETVARs and the CSVARs of its calls, in order), or returns 0 (nothing
 * pushed) for what is not a compiled function. For tests (t/jsrun). */
duk_bool_t fcw_duk_push_getvar_names(duk_context *ctx, duk_idx_t idx);

/* Whether the compiled function at idx runs as strict code in Duktape's
 * eyes (for tests): 1, 0, or -1 when it is no compiled function. */
int fcw_duk_is_strict(duk_context *ctx, duk_idx_t idx);
/* Pushes the names in the variable map of the compiled function at idx
 * (the variables that functions nested in it can look up by name) as an
 * array, and returns 1; 0 (nothing pushed) when it has none or is no
 * compiled function (for tests). */
duk_bool_t fcw_duk_push_varmap_names(duk_context *ctx, duk_idx_t idx);
/* Whether the object at obj_idx has the own data property `prototype` of
 * the object at ctor_idx in its prototype chain, walked in place: what
 * `new` of that constructor makes. 0 (no answer) where a Proxy is the
 * object, the constructor or on the chain (its getPrototypeOf trap would
 * run), and where `prototype` is no object or an accessor. */
int fcw_duk_made_by(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t ctor_idx);
/* Whether reading each key of the array at keys_idx (strings, no
 * indexes) on the object at obj_idx would call the getter at the same
 * index of the array at getters_idx: the object is ordinary (no Proxy, no
 * exotic behaviour), its prototype is the object at proto_idx, it has no
 * own property of the key, and the prototype's own property of the key
 * is an accessor with that getter. Nothing is read through a getter or
 * trap. */
int fcw_duk_reads_getters(duk_context *ctx, duk_idx_t obj_idx, duk_idx_t proto_idx, duk_idx_t keys_idx,
                          duk_idx_t getters_idx);
/* `value instanceof ctor` when it needs no call (1 or 0), or -1 (see there). */
int fcw_duk_instanceof_plain(duk_context *ctx, duk_idx_t value_idx, duk_idx_t ctor_idx);
/* native.iterFast(Array.prototype, values, proto, next, Symbol.iterator)
 * -> fast: fast(value) is an object of prototype proto when a lowered
 * for-of over value may read its elements by index (an Array of
 * Array.prototype whose [Symbol.iterator] is still `values` and whose
 * iterators' next is still `next`), else undefined (see lib/duk_hooks.c). */
duk_ret_t fcw_duk_iter_fast_maker(duk_context *ctx);
/* native.reflectGetSet(ordinaryGet, ordinarySet, duktapeReflectSet) ->
 * [Reflect.get, Reflect.set]: C, with OrdinaryGet walked in place and no
 * arguments object; proxies and other receivers of a set go to the given
 * JavaScript (see lib/duk_hooks.c). */
duk_ret_t fcw_duk_reflect_maker(duk_context *ctx);
/* native.typedArrayName(x) -> the name of x's typed array type (its
 * class), 'Uint8Array' for a plain buffer, else undefined. */
duk_ret_t fcw_duk_typed_array_name(duk_context *ctx);
/* errorData(value): whether value has [[ErrorData]] (Error.isError): an
 * object of Duktape's Error class, or one with an own
 * FCW_DOM_EXCEPTION_KEY, native.hiddenSymbol('domException'), which the
 * DOMException constructor (js/41-events.js) sets; never a proxy. */
#define FCW_DOM_EXCEPTION_KEY "\xff" "domException"
duk_ret_t fcw_duk_error_data(duk_context *ctx);
/* Array.prototype.shift, unshift and splice move a dense array's elements
 * with one memmove (see lib/duk_hooks.c); the built-ins keep their
 * identity. */
void fcw_duk_array_install(duk_context *ctx);
