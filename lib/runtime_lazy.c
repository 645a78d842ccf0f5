/* SPDX-License-Identifier: MIT */
/*
 * Runtime files loaded on first use: Web Crypto, URLPattern and
 * HTMLRewriter are a fifth of the runtime's start-up, TransformStream, the
 * encoding and compression streams and the Cache API another 5% (WebSocket
 * a little more), Intl 7%, the BigInt arrays 4% and the ES2023-2025
 * library (14-es2025.js) 5% (a CGI hello: 45.1M -> 41.9M -> 40.4M -> 38.3M
 * instructions), and most scripts use none of them. Every process leaves
 * them to its script's first use: a CGI process, and each child of a pool,
 * which so holds only the parts its script uses (the runtime's heap at
 * start: 2,364 KB when every file ran, 1,346 with the groups below; a
 * hono/jsx child's heap 2,440 KiB after 200 requests, 5.6 MiB RSS in a
 * pool of one, against 7.0 MiB when every file ran). Groups whose files
 * define no global are reached through a key (the bindings' files, source
 * maps). A group's files may load another group's through its globals (the
 * encoding streams are TransformStreams, a TransformStream has a
 * WritableStream).
 * Their globals start as accessors on the global object; the first read or
 * write of any of them runs the files of its group (in the runtime's order;
 * each file publishes its globals with native.defineGlobal, which replaces
 * the accessors with the usual data properties), then reads or writes the
 * real property. native.loadLazy(global) runs the group of that global
 * from the runtime's JavaScript. The built-in methods of a group
 * (Number's and Date's toLocaleString, localeCompare..., DataView's
 * getBigInt64..., Object.groupBy, the Set methods, the iterator
 * helpers...) are functions of a file that is always loaded
 * (js/19-intl-methods.js, js/17-bigint-dataview.js,
 * js/14-es2025-methods.js) which load the group on their first call: the
 * last two through native.forwarder, a C function that passes its this and
 * arguments on without an `arguments` object (a JavaScript stand-in doing
 * so took ~6,000 instructions a call, a forwarder under 700).
 * A global that the script deleted or redefined before its group was
 * loaded so stays (native.defineGlobal leaves it). A group's files depend
 * only on files loaded before them and on each other, and nothing else uses
 * what they define (lib/ and the other js/ files reach them only through
 * these globals, native.loadLazy or the forwarders).
 */
#include "config.h"

#include "runtime_lazy.h"

#include "duk_hooks.h"

#include <string.h>

/* The groups: files, in load order, and the globals they define. A group
 * that provides built-in methods (Intl's toLocaleString and localeCompare,
 * DataView's BigInt methods, the ES2023-2025 library's Object.groupBy, Set
 * and iterator methods) has them as functions of an always-loaded file
 * that load it and call theirs at every call: Intl's five call a function
 * of the this value first (~1,200 instructions a call), the others are
 * forwarders (under 700). The others are reached only through their
 * globals, which become the usual data properties when their group is
 * loaded. So a pool's child pays for a group only when it uses it (each
 * then loads its own copy: a collection makes every page of the heap the
 * child's own anyway). */
#define GROUP_FILES 3

static const struct {
    const char *files[GROUP_FILES];
    const char *globals[5];
} groups[] = {
    {{"js/14-es2025.js"}, {"Iterator"}},
    /* explicit resource management's stacks: 2% of a CGI hello */
    {{"js/14-explicit-resource.js"}, {"DisposableStack", "AsyncDisposableStack", "SuppressedError"}},
    {{"js/17-bigint-arrays.js"}, {"BigInt64Array", "BigUint64Array"}},
    {{"js/18-float16-array.js"}, {"Float16Array"}},
    {{"js/18-intl.js", "js/19-intl-date.js", "js/19-intl-more.js"}, {"Intl"}},
    {{"js/32-urlpattern.js", "js/33-urlpattern-class.js"}, {"URLPattern"}},
    /* WritableStream, with pipeTo, pipeThrough, the async iterator and
     * ReadableStream.from (js/22-streams-readable.js loads it for those) */
    {{"js/21-streams-writable.js", "js/23-streams-pipe-iterate.js"},
     {"WritableStream", "WritableStreamDefaultWriter", "WritableStreamDefaultController"}},
    {{"js/24-streams-transform.js"}, {"TransformStream", "TransformStreamDefaultController"}},
    /* readable byte streams, also loaded by native.byteStreams' functions
     * (bodies' streams are byte streams: js/22-streams-readable.js) */
    {{"js/25-byte-streams.js"},
     {"ReadableByteStreamController", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest"}},
    {{"js/26-encoding-streams.js"}, {"TextEncoderStream", "TextDecoderStream"}},
    {{"js/27-compression-streams.js"}, {"CompressionStream", "DecompressionStream"}},
    {{"js/48-htmlrewriter.js"}, {"HTMLRewriter"}},
    {{"js/48-websocket.js"}, {"WebSocket", "CloseEvent"}},
    {{"js/50-crypto.js", "js/51-crypto-pk.js"}, {"crypto", "Crypto", "SubtleCrypto", "CryptoKey"}},
    {{"js/73-cache.js"}, {"Cache", "CacheStorage", "caches"}},
    /* its clock is js/41-events.js's (Event.timeStamp, console.time) */
    {{"js/49-performance.js"},
     {"performance", "Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure"}},
    /* node:async_hooks: 1% (with the stacks, a CGI hello 30.17M -> 29.30M) */
    {{"js/76-async-hooks.js"}, {"__fcw_node_async_hooks"}},
    /* the bindings' classes, 100 KB of heap: loaded by
     * js/72-bindings.js for a pool that has such a binding, through a key
     * (a name starting with '.': no global) */
    {{"js/70-kv.js"}, {".kv"}},
    {{"js/71-d1.js"}, {".d1"}},
    {{"js/73-assets.js"}, {".assets"}},
    /* source maps: loaded for a script's first (lib/script.c; until then
     * native.mapStack is undefined, and stacks stay as they are) */
    {{"js/15-sourcemap.js"}, {".sourcemap"}},
};
#define LAZY_GROUPS (sizeof(groups) / sizeof(groups[0]))
/* A name of the table that is a key for native.loadLazy alone. */
#define IS_KEY(name) ((name)[0] == '.')
#define GROUP_GLOBALS (sizeof(groups[0].globals) / sizeof(groups[0].globals[0]))

static fcw_runtime_lazy_run_cb run_file;

int fcw_runtime_lazy_file(const char *name)
{
    for (size_t g = 0; g < LAZY_GROUPS; g++) {
        for (size_t f = 0; f < GROUP_FILES; f++) {
            if (groups[g].files[f] != NULL && strcmp(groups[g].files[f], name) == 0) {
                return 1;
            }
        }
    }
    return 0;
}

/* Whether group g was loaded (or is being loaded). */
static int group_loaded(duk_context *ctx, size_t g)
{
    duk_push_heap_stash(ctx);
    duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("lazyLoaded"));
    int loaded = duk_get_prop_index(ctx, -1, (duk_uarridx_t)g) && duk_to_boolean(ctx, -1);
    duk_pop_3(ctx);
    return loaded;
}

/* Runs group g's files once (marked first: a file that throws is not run
 * again). [ ] -> [ ] */
static void load_group(duk_context *ctx, size_t g)
{
    if (group_loaded(ctx, g)) {
        return;
    }
    duk_push_heap_stash(ctx);
    duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("lazyLoaded"));
    duk_push_true(ctx);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)g);
    duk_pop_2(ctx);
    for (size_t f = 0; f < GROUP_FILES && groups[g].files[f] != NULL; f++) {
        run_file(ctx, groups[g].files[f]);
    }
}

/* The accessors' getter and setter; magic: group * GROUP_GLOBALS + the
 * global's index in it. After the load, a global that the files did not
 * define (one that threw half-way) reads as undefined. */
static duk_ret_t lazy_get(duk_context *ctx)
{
    int magic = duk_get_current_magic(ctx);
    size_t g = (size_t)magic / GROUP_GLOBALS;
    const char *name = groups[g].globals[(size_t)magic % GROUP_GLOBALS];
    load_group(ctx, g);
    duk_push_global_object(ctx);
    duk_push_string(ctx, name);
    duk_get_prop_desc(ctx, -2, 0);
    if (duk_is_object(ctx, -1) && duk_has_prop_literal(ctx, -1, "value")) {
        duk_get_prop_literal(ctx, -1, "value");
        return 1;
    }
    return 0; /* still this accessor, or gone */
}

static duk_ret_t lazy_set(duk_context *ctx)
{
    int magic = duk_get_current_magic(ctx);
    size_t g = (size_t)magic / GROUP_GLOBALS;
    const char *name = groups[g].globals[(size_t)magic % GROUP_GLOBALS];
    load_group(ctx, g);
    duk_push_global_object(ctx);
    duk_push_string(ctx, name);
    duk_dup(ctx, 0);
    duk_def_prop(ctx, -3,
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_FORCE);
    return 0;
}

/* The group of a lazy global, or -1. */
static int group_of(const char *name)
{
    for (size_t g = 0; g < LAZY_GROUPS; g++) {
        for (size_t i = 0; i < GROUP_GLOBALS && groups[g].globals[i] != NULL; i++) {
            if (strcmp(groups[g].globals[i], name) == 0) {
                return (int)g;
            }
        }
    }
    return -1;
}

/* native.loadLazy(global): loads that global's group (the global itself is
 * not read: a script may have deleted or replaced it). */
static duk_ret_t lazy_load(duk_context *ctx)
{
    int g = group_of(duk_require_string(ctx, 0));
    if (g < 0) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "no lazy runtime group defines %s", duk_get_string(ctx, 0));
    }
    load_group(ctx, (size_t)g);
    return 0;
}

/* Whether global[name] (the global object at global_idx) is still the
 * accessor of its lazy group. */
static int still_lazy(duk_context *ctx, duk_idx_t global_idx, const char *name)
{
    int ours = 0;
    global_idx = duk_normalize_index(ctx, global_idx);
    duk_push_string(ctx, name);
    duk_get_prop_desc(ctx, global_idx, 0);
    if (duk_is_object(ctx, -1)) {
        duk_get_prop_literal(ctx, -1, "get");
        ours = duk_get_c_function(ctx, -1) == lazy_get;
        duk_pop(ctx);
    }
    duk_pop(ctx);
    return ours;
}

/* Whether the global of that name is still its group's accessor. */
static int global_pending(duk_context *ctx, const char *name)
{
    duk_push_global_object(ctx);
    int pending = still_lazy(ctx, -1, name);
    duk_pop(ctx);
    return pending;
}

int fcw_runtime_lazy_pending(duk_context *ctx, const char *name)
{
    if (IS_KEY(name)) {
        int g = group_of(name);
        return g >= 0 && !group_loaded(ctx, (size_t)g);
    }
    return global_pending(ctx, name);
}

/* Object.getOwnPropertyDescriptor and Reflect.getOwnPropertyDescriptor
 * (magic 0), Object.getOwnPropertyDescriptors (magic 1): the built-ins,
 * but asked about the global object they first load the group of the lazy
 * global asked for (every group whose globals are still accessors, for
 * the descriptors), so that the answer is the data property the global
 * would have been had its group been loaded at start. */
static duk_ret_t lazy_descriptor(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    duk_push_global_object(ctx);
    if (nargs > 0 && duk_get_heapptr(ctx, 0) == duk_get_heapptr(ctx, -1)) {
        duk_idx_t global_idx = duk_get_top_index(ctx);
        if (duk_get_current_magic(ctx) == 1) {
            for (size_t g = 0; g < LAZY_GROUPS; g++) {
                for (size_t i = 0; i < GROUP_GLOBALS && groups[g].globals[i] != NULL; i++) {
                    if (!IS_KEY(groups[g].globals[i]) && still_lazy(ctx, global_idx, groups[g].globals[i])) {
                        load_group(ctx, g);
                        break;
                    }
                }
            }
        } else if (nargs > 1 && duk_is_string(ctx, 1)) {
            const char *name = duk_get_string(ctx, 1);
            int g = group_of(name);
            if (g >= 0 && still_lazy(ctx, global_idx, name)) {
                load_group(ctx, (size_t)g);
            }
        }
    }
    duk_pop(ctx);
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("builtin"));
    duk_remove(ctx, -2);
    duk_insert(ctx, 0);
    duk_call(ctx, nargs);
    return 1;
}

/* The function on top gets its own name and length (a built-in's). */
static void name_and_length(duk_context *ctx, const char *name, duk_int_t length)
{
    duk_push_literal(ctx, "name");
    duk_push_string(ctx, name);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
    duk_push_literal(ctx, "length");
    duk_push_int(ctx, length);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
}

/* Puts lazy_descriptor (magic) in place of holder[name], a built-in of
 * that length. The object holding it is on top. */
static void wrap_descriptor(duk_context *ctx, const char *name, duk_int_t length, int magic)
{
    duk_push_c_function(ctx, lazy_descriptor, DUK_VARARGS);
    duk_set_magic(ctx, -1, magic);
    duk_get_prop_string(ctx, -2, name);
    duk_put_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("builtin"));
    name_and_length(ctx, name, length);
    fcw_duk_make_non_constructor(ctx, -1);
    duk_put_prop_string(ctx, -2, name);
}

/* A built-in method of a group loaded on first use (native.forwarder): it
 * calls the group's own function, which resolve(key) gives on the first
 * call (loading the group), with its this and arguments as they are. In
 * C, so that it needs no `arguments` object (a function written in
 * JavaScript passing them on took ~6,000 instructions a call, this ~700),
 * and it is a built-in function as the spec has it: no constructor,
 * inheriting from Function.prototype, its source [native code]. */
static duk_ret_t forwarder_call(duk_context *ctx)
{
    duk_idx_t nargs = duk_get_top(ctx);
    duk_push_current_function(ctx);
    if (!duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("fwdTarget"))) {
        duk_pop(ctx);
        duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("fwdResolve"));
        duk_get_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("fwdKey"));
        duk_call(ctx, 1);
        if (!duk_is_function(ctx, -1)) {
            duk_get_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("fwdKey"));
            return duk_error(ctx, DUK_ERR_TYPE_ERROR, "the runtime has no %s", duk_safe_to_string(ctx, -1));
        }
        duk_dup_top(ctx);
        duk_put_prop_literal(ctx, -3, DUK_HIDDEN_SYMBOL("fwdTarget"));
    }
    duk_remove(ctx, -2);
    duk_insert(ctx, 0);
    duk_push_this(ctx);
    duk_insert(ctx, 1);
    duk_call_method(ctx, nargs);
    return 1;
}

/* native.forwarder(name, length, key, resolve): a forwarder_call of that
 * name and length. */
static duk_ret_t lazy_forwarder(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    duk_int_t length = duk_require_int(ctx, 1);
    duk_require_string(ctx, 2);
    duk_require_function(ctx, 3);
    duk_push_c_function(ctx, forwarder_call, DUK_VARARGS);
    name_and_length(ctx, name, length);
    duk_dup(ctx, 2);
    duk_put_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("fwdKey"));
    duk_dup(ctx, 3);
    duk_put_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("fwdResolve"));
    fcw_duk_make_non_constructor(ctx, -1);
    return 1;
}

/* native.loadedGlobal(name): global[name], but undefined while that global
 * is still the accessor of a group not loaded (no instance of what it
 * defines exists yet), without loading it (js/47-structured-clone.js asks
 * it of the classes it refuses to clone). */
static duk_ret_t lazy_loaded_global(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    if (group_of(name) >= 0 && global_pending(ctx, name)) {
        return 0;
    }
    duk_get_global_string(ctx, name);
    return 1;
}

/* native.defineGlobal(name, value) once the lazy globals are installed: a
 * lazy global that is no longer its accessor was deleted or redefined by
 * the script before its group was loaded (through another group's global
 * or native.loadLazy), and stays as the script left it; anything else is
 * defined by the runtime's own defineGlobal (js/00-core.js), kept on this
 * function. */
static duk_ret_t lazy_define_global(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    if (group_of(name) >= 0 && !global_pending(ctx, name)) {
        return 0;
    }
    duk_push_current_function(ctx);
    duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("defineGlobal"));
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_call(ctx, 2);
    return 0;
}

void fcw_runtime_lazy_prepare(duk_context *ctx, duk_idx_t native_idx, fcw_runtime_lazy_run_cb run)
{
    native_idx = duk_normalize_index(ctx, native_idx);
    run_file = run;
    duk_push_heap_stash(ctx);
    duk_push_array(ctx);
    duk_put_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("lazyLoaded"));
    duk_pop(ctx);
    duk_push_c_function(ctx, lazy_load, 1);
    duk_put_prop_literal(ctx, native_idx, "loadLazy");
    duk_push_c_function(ctx, lazy_forwarder, 4);
    duk_put_prop_literal(ctx, native_idx, "forwarder");
    duk_push_c_function(ctx, lazy_loaded_global, 1);
    duk_put_prop_literal(ctx, native_idx, "loadedGlobal");
}

void fcw_runtime_lazy_install(duk_context *ctx, duk_idx_t native_idx)
{
    native_idx = duk_normalize_index(ctx, native_idx);
    duk_push_c_function(ctx, lazy_define_global, 2);
    duk_get_prop_literal(ctx, native_idx, "defineGlobal");
    duk_put_prop_literal(ctx, -2, DUK_HIDDEN_SYMBOL("defineGlobal"));
    duk_put_prop_literal(ctx, native_idx, "defineGlobal");
    duk_push_global_object(ctx);
    duk_get_prop_literal(ctx, -1, "Object");
    wrap_descriptor(ctx, "getOwnPropertyDescriptor", 2, 0);
    wrap_descriptor(ctx, "getOwnPropertyDescriptors", 1, 1);
    duk_pop(ctx);
    duk_get_prop_literal(ctx, -1, "Reflect");
    wrap_descriptor(ctx, "getOwnPropertyDescriptor", 2, 0);
    duk_pop(ctx);
    for (size_t g = 0; g < LAZY_GROUPS; g++) {
        for (size_t i = 0; i < GROUP_GLOBALS && groups[g].globals[i] != NULL; i++) {
            if (IS_KEY(groups[g].globals[i])) {
                continue;
            }
            int magic = (int)(g * GROUP_GLOBALS + i);
            duk_push_string(ctx, groups[g].globals[i]);
            duk_push_c_function(ctx, lazy_get, 0);
            duk_set_magic(ctx, -1, magic);
            duk_push_c_function(ctx, lazy_set, 1);
            duk_set_magic(ctx, -1, magic);
            duk_def_prop(ctx, -4,
                         DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                             DUK_DEFPROP_CLEAR_ENUMERABLE);
        }
    }
    duk_pop(ctx);
}
