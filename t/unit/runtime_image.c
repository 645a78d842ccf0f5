/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of lib/runtime_image.c: the embedded image matches this build
 * and the engine loads the runtime from it; the runtime it gives behaves as
 * the compiled one (functions with the same own properties, stack traces
 * with the runtime's file names and lines, about the same heap); and an
 * image that does not match (another Duktape build's stamp, other runtime
 * files, cut short, with bytes after its end, not an image at all) is
 * refused with its reason, logged once, and the engine compiles the sources.
 * Also the files a one-request process loads on first use (runtime_lazy.c):
 * the same globals, working the same, and the built-in methods of Intl, the
 * BigInt arrays and the ES2023-2025 library (the same functions before and
 * after their files are loaded, loading them when called).
 */
#include "config.h"

#include "engine.h"
#include "runtime_image.h"
#include "runtime_lazy.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static int warnings;
static char last_warning[1024];

static void capture_log(void *data, int level, const char *msg)
{
    (void)data;
    if (level <= FCW_LOG_WARNING) {
        warnings++;
        snprintf(last_warning, sizeof(last_warning), "%s", msg);
    }
}

static struct fcw_engine *new_engine(void)
{
    struct fcw_engine_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.log = capture_log;
    char err[1024] = "";
    struct fcw_engine *e = fcw_engine_new(&cfg, err, sizeof(err));
    if (e == NULL) {
        printf("# fcw_engine_new: %s\n", err);
    }
    return e;
}

/* Evaluates code in the engine's global scope; its result as a string into
 * out (an error's stack if it threw). */
static void eval(struct fcw_engine *e, const char *code, char *out, size_t outlen)
{
    duk_context *ctx = fcw_engine_ctx(e);
    if (duk_peval_string(ctx, code) != 0 && duk_is_error(ctx, -1)) {
        duk_get_prop_string(ctx, -1, "stack");
        duk_remove(ctx, -2);
    }
    snprintf(out, outlen, "%s", duk_safe_to_string(ctx, -1));
    duk_pop(ctx);
    for (char *p = out; *p; p++) {
        if (*p == '\n') {
            *p = ' ';
        }
    }
}

/* What a runtime's functions look like from a script. */
static const char *const probe =
    "(function () {"
    "  function own(f) { return Object.getOwnPropertyNames(f).sort().join(',') + ':' + f.length + ':' + f.name; }"
    "  function method(o, k) {"
    "    var d = Object.getOwnPropertyDescriptor(o, k), f = d.value, r;"
    "    try { new f(); r = 'constructed'; } catch (e) { r = e.name; }"
    "    return [own(f), d.writable, d.enumerable, d.configurable, String(f), r].join(':');"
    "  }"
    "  var intl = [method(Number.prototype, 'toLocaleString'), method(String.prototype, 'localeCompare'),"
    "              method(Date.prototype, 'toLocaleString'), method(Date.prototype, 'toLocaleDateString'),"
    "              method(Date.prototype, 'toLocaleTimeString'), method(DataView.prototype, 'getBigInt64'),"
    "              method(DataView.prototype, 'setBigUint64'), Object.getOwnPropertyNames(DataView.prototype).join()];"
    "  var ip = Object.getPrototypeOf(Object.getPrototypeOf([].values()));"
    "  var keys = Reflect.ownKeys(ip).map(String).join();"
    "  var c = Object.getOwnPropertyDescriptor(ip, 'constructor');"
    "  intl.push(method(Object, 'groupBy'), method(Set.prototype, 'union'), method(ip, 'reduce'), method(ip, "
    "'toArray'),"
    "            method(Array, 'fromAsync'), method(String.prototype, 'toWellFormed'), keys,"
    "            own(c.get), own(c.set), own(Object.getOwnPropertyDescriptor(ip, Symbol.toStringTag).get),"
    "            Object.prototype.toString.call(ip), [1, 2, 3].values().map(function (x) { return x * 2; "
    "}).toArray().join(),"
    "            Object.keys(Object.groupBy([1, 2, 3], function (x) { return x % 2 ? 'odd' : 'even'; })).join(),"
    "            c.get.call(ip) === Iterator, own(Iterator), own(Iterator.from));"
    "  var f = Number.prototype.toLocaleString;"
    "  intl.push((1234.5).toLocaleString('de-DE'), new Date(0).toLocaleString('en-US', { timeZone: 'UTC' }),"
    "            'a'.localeCompare('B'), f === Number.prototype.toLocaleString, own(Intl.NumberFormat),"
    "            own(Intl.DateTimeFormat.prototype.formatToParts), own(Intl.ListFormat),"
    "            String(new DataView(new ArrayBuffer(8)).getBigInt64(0)), own(BigUint64Array),"
    "            method(Object.getPrototypeOf(BigInt64Array.prototype), 'at'));"
    "  var h = new Headers({ a: '1' });"
    "  var out = [intl.join(' ; '), typeof URLPattern, h.get('a'), own(Headers), own(Headers.prototype.append),"
    "             own(Response.json), own(new URLPattern({ pathname: '/x/:id' }).exec), typeof Duktape];"
    "  var p = Promise.resolve(1);"
    "  out.push(own(p.then), own(setTimeout), own(crypto.subtle.digest), own(CryptoKey), own(HTMLRewriter));"
    "  out.push(own(CompressionStream), own(DecompressionStream), own(TextEncoderStream),"
    "           own(Object.getOwnPropertyDescriptor(TextDecoderStream.prototype, 'readable').get),"
    "           own(CacheStorage), own(Cache.prototype.match), typeof caches.open,"
    "           own(TransformStream), own(TransformStreamDefaultController));"
    "  return out.join(' | ');"
    "})()";

int main(void)
{
    char why[512], first_out[8192], out[8192], globals[8192], lazy_globals[8192];
    int first;

    ok(fcw_runtime_image_check(why, sizeof(why), &first) == 0, "the embedded image matches this build");
    ok(first == 1, "checked on the first call");
    ok(fcw_runtime_image_check(why, sizeof(why), &first) == 0 && first == 0, "and only once");

    struct fcw_engine *e = new_engine();
    ok(e != NULL && warnings == 0, "an engine loads the runtime from the image without a warning (%s)",
       warnings ? last_warning : "none");
    if (e == NULL) {
        return done_testing();
    }
    size_t image_heap = fcw_engine_memory(e);
    eval(e, "Object.getOwnPropertyNames(globalThis).sort().join()", globals, sizeof(globals));
    eval(e, probe, first_out, sizeof(first_out));
    ok(strstr(first_out, " | function | 1 | ") != NULL, "the runtime works: %s", first_out);
    /* the probe used every group: a pool's runtime leaves them all to
     * their first use */
    duk_gc(fcw_engine_ctx(e), 0);
    size_t full_heap = fcw_engine_memory(e);
    ok(image_heap + 300000 < full_heap, "a pool's runtime starts without its lazy groups (%zu bytes, %zu once used)",
       image_heap, full_heap);
    eval(e, "try { new Headers([['only-a-name']]); 'no error' } catch (err) { err.stack }", out, sizeof(out));
    ok(strstr(out, "TypeError") != NULL && strstr(out, "(js/43-headers.js:") != NULL,
       "errors thrown in the runtime name its file and line: %.120s", out);
    fcw_engine_free(e);

    /* the same runtime, compiled from its sources: an image of another build */
    unsigned char *copy = malloc(fcw_runtime_image_size + 16);
    memcpy(copy, fcw_runtime_image_data, fcw_runtime_image_size);
    size_t stamp_at = FCW_RUNTIME_IMAGE_MAGIC_LEN + 4;
    copy[stamp_at + 3] ^= 0x20; /* "Duktape" -> "DukTape" */
    fcw_runtime_image_use(copy, fcw_runtime_image_size);
    warnings = 0;
    e = new_engine();
    ok(e != NULL, "with another build's image the engine still starts");
    ok(warnings == 1 && strstr(last_warning, "runtime image not used (made by another Duktape build") != NULL &&
           strstr(last_warning, "compiling the runtime's sources") != NULL,
       "saying why, once: %s", last_warning);
    if (e != NULL) {
        size_t compiled_heap = fcw_engine_memory(e);
        eval(e, probe, out, sizeof(out));
        ok(strcmp(out, first_out) == 0, "its runtime's functions look the same as those from the image: %s", out);
        ok(image_heap < compiled_heap + compiled_heap / 20 && compiled_heap < image_heap + image_heap / 20,
           "and its heap is about as large (image %zu, compiled %zu bytes)", image_heap, compiled_heap);
        fcw_engine_free(e);
    }
    e = new_engine();
    ok(e != NULL && warnings == 1, "the next engine compiles too, without a second warning");
    fcw_engine_free(e);

    /* other ways an image can fail to match */
    struct {
        const char *what, *reason;
        size_t size;
        size_t flip; /* byte to alter (0: none) */
    } bad[] = {
        {"another runtime's files", "made from other runtime files (file 0 is not js/", fcw_runtime_image_size, 0},
        {"an image cut short", "truncated image", fcw_runtime_image_size - 100, 0},
        {"bytes after the last file", "bytes after the image's last file", fcw_runtime_image_size + 16, 0},
        {"not an image", "not a runtime image", fcw_runtime_image_size, 1},
    };
    size_t stamp_len = strlen(FCW_RUNTIME_STAMP);
    size_t first_name = stamp_at + stamp_len + 4 + 4; /* past the stamp and the file count, the name's length */
    bad[0].flip = first_name + 3;                     /* "js/00-core.js" -> "js/10-core.js" */
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        memcpy(copy, fcw_runtime_image_data, fcw_runtime_image_size);
        memset(copy + fcw_runtime_image_size, 0, 16);
        if (bad[i].flip) {
            copy[bad[i].flip] ^= 1;
        }
        fcw_runtime_image_use(copy, bad[i].size);
        ok(fcw_runtime_image_check(why, sizeof(why), &first) == -1 && strstr(why, bad[i].reason) != NULL,
           "%s is refused: %s", bad[i].what, why);
    }
    warnings = 0;
    e = new_engine();
    ok(e != NULL && warnings == 0, "an engine then compiles the sources (the refusal was found by the check above: "
                                   "not reported again)");
    if (e != NULL) {
        eval(e, probe, out, sizeof(out));
        ok(strcmp(out, first_out) == 0, "and works");
        fcw_engine_free(e);
    }

    fcw_runtime_image_use(NULL, 0);
    warnings = 0;
    e = new_engine();
    ok(e != NULL && warnings == 0, "back to the embedded image");
    fcw_engine_free(e);

    /* a process for one request loads Web Crypto, URLPattern,
     * HTMLRewriter, the encoding and compression streams, the Cache API,
     * the ES2023-2025 library, the BigInt arrays and Intl on first use
     * (lib/runtime_lazy.c), as a pool's children do */
    fcw_engine_single_request();
    e = new_engine();
    ok(e != NULL, "an engine for one request");
    if (e != NULL) {
        duk_gc(fcw_engine_ctx(e), 0); /* it skipped the start-up collection */
        size_t lazy_heap = fcw_engine_memory(e);
        ok(lazy_heap < image_heap + image_heap / 20 && image_heap < lazy_heap + lazy_heap / 20 &&
               lazy_heap < full_heap * 8 / 10,
           "starts with a pool's heap (%zu bytes, a pool's %zu, %zu with everything)", lazy_heap, image_heap,
           full_heap);
        eval(e, "Object.getOwnPropertyNames(globalThis).sort().join()", lazy_globals, sizeof(lazy_globals));
        ok(strcmp(lazy_globals, globals) == 0, "has the same globals");
        eval(e, probe, out, sizeof(out));
        ok(strcmp(out, first_out) == 0, "which work the same once used: %s", out);
        eval(e,
             "var d = Object.getOwnPropertyDescriptor(globalThis, 'crypto');"
             "[typeof d.value, d.writable, d.enumerable, d.configurable].join()",
             out, sizeof(out));
        ok(strcmp(out, "object,true,false,true") == 0, "and are data properties like the others after: %s", out);
        fcw_engine_free(e);
    }
    /* Intl's built-in methods load it on their first call */
    e = new_engine();
    if (e != NULL) {
        int before = fcw_runtime_lazy_pending(fcw_engine_ctx(e), "Intl");
        eval(e, "(1).toLocaleString()", out, sizeof(out));
        int after = fcw_runtime_lazy_pending(fcw_engine_ctx(e), "Intl");
        ok(before && strcmp(out, "1") == 0 && !after,
           "Intl is loaded by the first call of one of its methods: pending %d, %s, pending %d", before, out, after);
        fcw_engine_free(e);
    }
    e = new_engine();
    if (e != NULL) {
        eval(e,
             "delete globalThis.Intl; Object.defineProperty(globalThis, 'CryptoKey', { value: 5 });"
             "delete globalThis.SubtleCrypto;"
             "[new Date(0).toLocaleDateString('en', { timeZone: 'UTC' }), typeof Intl, typeof crypto.subtle,"
             " typeof SubtleCrypto, CryptoKey].join()",
             out, sizeof(out));
        ok(strcmp(out, "1/1/1970,undefined,object,undefined,5") == 0,
           "a lazy global deleted or redefined before its group was loaded stays so: %s", out);
        fcw_engine_free(e);
    }
    e = new_engine();
    if (e != NULL) {
        eval(e, "URLPattern = 1; crypto = 2; [URLPattern, crypto, typeof CryptoKey, typeof HTMLRewriter].join()", out,
             sizeof(out));
        ok(strcmp(out, "1,2,function,function") == 0, "a script may replace them before their first use: %s", out);
        fcw_engine_free(e);
    }
    free(copy);
    return done_testing();
}
