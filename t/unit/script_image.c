/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of script images (lib/script_image.c, fcw_engine_compile_image
 * and fcw_engine_load_image in lib/script.c): a script loaded from its image
 * behaves as the one compiled from its text, as a module or as global code,
 * with the same file:line in stack traces and in its top-level errors;
 * compiling an image runs none of the script; a compile error is reported
 * with its line; and an image that does not match (another Duktape build's
 * stamp, another text, cut short, damaged, not an image) is refused with its
 * reason in a warning and the text is compiled instead.
 */
#include "config.h"

#include "engine.h"
#include "runtime_image.h"
#include "script_image.h"
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
        exit(1);
    }
    return e;
}

/* Evaluates code in the engine's global scope; its result as a string into
 * out (an error's stack if it threw), newlines as spaces. */
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

/* A module: top-level names private, a probe published for the test, an
 * error thrown on line 6 from an inner function (called in tail position,
 * so line 8 is not in the stack either way). */
static const char module_src[] = "#!/usr/bin/env fcworker\n"
                                 "var count = 0;\n"
                                 "globalThis.loads = (globalThis.loads || 0) + 1;\n"
                                 "function inner(n) {\n"
                                 "    count += n;\n"
                                 "    throw new RangeError('boom ' + count);\n"
                                 "}\n"
                                 "globalThis.probe = function (n) { return inner(n); };\n"
                                 "export default { fetch: function () { return new Response('ok'); } };\n";

/* Global code: its declarations become globals. */
static const char global_src[] = "var greeting = 'hi';\n"
                                 "function shout(s) { return s.toUpperCase() + '!'; }\n"
                                 "addEventListener('fetch', function (ev) { ev.respondWith(new Response('x')); });\n"
                                 "function fail() {\n"
                                 "    null.x;\n"
                                 "}\n";

static void same_behaviour(void)
{
    char err[1024] = "", a[2048], b[2048];
    unsigned char *image = NULL;
    size_t image_len = 0;
    struct fcw_engine *src = new_engine(), *img = new_engine(), *maker = new_engine();

    ok(fcw_engine_compile_image(maker, "/srv/app.js", module_src, strlen(module_src), &image, &image_len, err,
                                sizeof(err)) == 0,
       "a module compiles into an image (%s)", err);
    eval(maker, "typeof globalThis.loads", a, sizeof(a));
    ok(strcmp(a, "undefined") == 0, "compiling the image ran none of the script (%s)", a);

    ok(fcw_engine_load_source(src, "/srv/app.js", module_src, strlen(module_src), err, sizeof(err)) == 0,
       "the module loads from its text (%s)", err);
    warnings = 0;
    ok(fcw_engine_load_image(img, "/srv/app.js", module_src, strlen(module_src), image, image_len, err, sizeof(err)) ==
           0,
       "and from its image (%s)", err);
    ok(warnings == 0, "with no warning (%s)", warnings ? last_warning : "");

    eval(src, "try { probe(2) } catch (e) { e.name + ': ' + e.message + ' ' + e.stack }", a, sizeof(a));
    eval(img, "try { probe(2) } catch (e) { e.name + ': ' + e.message + ' ' + e.stack }", b, sizeof(b));
    ok(strstr(b, "RangeError: boom 2") != NULL, "the loaded module's functions run (%s)", b);
    ok(strstr(b, "at inner (/srv/app.js:6:1)") != NULL, "its stack names the file and lines of the source (%s)", b);
    ok(strcmp(a, b) == 0, "the same stack as compiled from the text (%s | %s)", a, b);
    eval(img, "typeof count + ' ' + typeof inner + ' ' + loads", b, sizeof(b));
    ok(strcmp(b, "undefined undefined 1") == 0, "its top-level names stay private, run once (%s)", b);
    free(image);
    fcw_engine_free(src);
    fcw_engine_free(img);

    /* global code */
    ok(fcw_engine_compile_image(maker, "g.js", global_src, strlen(global_src), &image, &image_len, err, sizeof(err)) ==
           0,
       "global code compiles into an image (%s)", err);
    src = new_engine();
    img = new_engine();
    ok(fcw_engine_load_source(src, "g.js", global_src, strlen(global_src), err, sizeof(err)) == 0 &&
           fcw_engine_load_image(img, "g.js", global_src, strlen(global_src), image, image_len, err, sizeof(err)) == 0,
       "and loads both ways (%s)", err);
    eval(img, "shout(greeting)", b, sizeof(b));
    ok(strcmp(b, "HI!") == 0, "its declarations are globals (%s)", b);
    eval(src, "try { fail() } catch (e) { e.stack }", a, sizeof(a));
    eval(img, "try { fail() } catch (e) { e.stack }", b, sizeof(b));
    ok(strstr(b, "g.js:5") != NULL && strcmp(a, b) == 0, "the same stack both ways (%s | %s)", a, b);
    free(image);
    fcw_engine_free(src);
    fcw_engine_free(img);

    /* an error of the top-level code */
    static const char throws[] = "var a = 1;\nthrow new TypeError('at load');\nexport default {};\n";
    char err2[1024] = "";
    ok(fcw_engine_compile_image(maker, "t.js", throws, strlen(throws), &image, &image_len, err, sizeof(err)) == 0,
       "a script that throws at load compiles (%s)", err);
    src = new_engine();
    img = new_engine();
    ok(fcw_engine_load_source(src, "t.js", throws, strlen(throws), err, sizeof(err)) < 0 &&
           fcw_engine_load_image(img, "t.js", throws, strlen(throws), image, image_len, err2, sizeof(err2)) < 0,
       "it fails to load both ways");
    ok(strcmp(err, err2) == 0 && strstr(err2, "t.js:2: TypeError: at load") != NULL,
       "with the same file:line (%s | %s)", err, err2);
    free(image);
    fcw_engine_free(src);
    fcw_engine_free(img);

    /* a syntax error */
    static const char bad[] = "var a = 1;\n\nvar = ;\n";
    image = NULL;
    ok(fcw_engine_compile_image(maker, "bad.js", bad, strlen(bad), &image, &image_len, err, sizeof(err)) < 0 &&
           image == NULL,
       "a syntax error makes no image");
    ok(strstr(err, "bad.js:3: SyntaxError") != NULL, "and is reported with its line (%s)", err);
    static const char named[] = "export { x };\n";
    ok(fcw_engine_compile_image(maker, "n.js", named, strlen(named), &image, &image_len, err, sizeof(err)) < 0 &&
           strstr(err, "only 'export default'") != NULL,
       "an unsupported export is refused as when loading (%s)", err);
    fcw_engine_free(maker);
}

/* Loads module_src from a damaged image: refused with why, the text used. */
static void refused(const unsigned char *image, size_t len, const char *text, const char *why, const char *what)
{
    char err[1024] = "", out[256];
    struct fcw_engine *e = new_engine();
    warnings = 0;
    last_warning[0] = '\0';
    int rc = fcw_engine_load_image(e, "/srv/app.js", text, strlen(text), image, len, err, sizeof(err));
    ok(rc == 0, "%s: the script still loads (%s)", what, err);
    ok(warnings == 1 && strstr(last_warning, "bytecode image not used") != NULL && strstr(last_warning, why) != NULL,
       "%s: refused with a warning saying why (%s)", what, last_warning);
    eval(e, "try { probe(1) } catch (e) { e.message + ' ' + loads }", out, sizeof(out));
    ok(strcmp(out, "boom 1 1") == 0, "%s: compiled from the text instead (%s)", what, out);
    fcw_engine_free(e);
}

static void mismatches(void)
{
    char err[1024] = "";
    unsigned char *image = NULL;
    size_t len = 0;
    struct fcw_engine *maker = new_engine();
    if (fcw_engine_compile_image(maker, "/srv/app.js", module_src, strlen(module_src), &image, &len, err, sizeof(err)) <
        0) {
        ok(0, "compile: %s", err);
        fcw_engine_free(maker);
        return;
    }
    fcw_engine_free(maker);
    unsigned char *copy = malloc(len + 1);

    memcpy(copy, image, len);
    copy[FCW_SCRIPT_IMAGE_MAGIC_LEN + 4 + 3] ^= 1; /* inside the stamp */
    refused(copy, len, module_src, "another Duktape build", "another build's stamp");

    char other[sizeof(module_src)];
    memcpy(other, module_src, sizeof(module_src));
    other[strlen("#!/usr/bin/env fcworke")] = 's'; /* same length, the first line */
    refused(image, len, other, "another text of the script", "another text");

    refused(image, len - 10, module_src, "damaged script image", "cut short");
    memcpy(copy, image, len);
    copy[len] = 0;
    refused(copy, len + 1, module_src, "damaged script image", "a byte after its end");
    memcpy(copy, image, len);
    size_t dump_at = len;
    unsigned flags;
    const unsigned char *dump;
    size_t dump_len;
    char why[300];
    if (fcw_script_image_check(image, len, module_src, strlen(module_src), &flags, &dump, &dump_len, why,
                               sizeof(why)) == 0) {
        dump_at = (size_t)(dump - image);
    }
    ok(dump_at < len && (flags & FCW_SCRIPT_IMAGE_MODULE), "the image checks, as a module");
    if (dump_at < len) {
        copy[dump_at] = 0;
        refused(copy, len, module_src, "bytecode is damaged", "a dump without Duktape's marker");
    }
    refused((const unsigned char *)"FCWRTIM1xxxx", 12, module_src, "not a script image", "a runtime image");
    refused((const unsigned char *)"", 0, module_src, "not a script image", "empty");
    free(copy);
    free(image);
}

int main(void)
{
    same_behaviour();
    mismatches();
    return done_testing();
}
