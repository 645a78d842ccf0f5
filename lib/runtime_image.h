/* SPDX-License-Identifier: MIT */
/*
 * The runtime image: the runtime's JavaScript files (js/) compiled at build
 * time into Duktape bytecode by lib/runtime_image_gen.c and embedded in the
 * binary (lib/runtime_image_data.c), so that a new heap loads the runtime
 * rather than compiling its ~400 KB of source. Internal to lib/ (and the
 * generator and tests).
 *
 * The image, all integers 32-bit big-endian:
 *
 *   "FCWRTIM1"  stamp-length stamp  file-count
 *   per file:   name-length name  source-length  dump-length dump
 *
 * where stamp names the Duktape build it was made with (FCW_RUNTIME_STAMP
 * below: Duktape's version and a checksum of its configured source), each
 * dump is what duk_dump_function() wrote for the function
 * `function (global, native, undefined, __fcw_probe) { <the file> ... }`
 * (FCW_RUNTIME_PARAMS, FCW_MODULE_END), and the files come in the
 * runtime's evaluation order.
 */
#ifndef FCW_RUNTIME_IMAGE_H
#define FCW_RUNTIME_IMAGE_H

#include <stddef.h>

#include "duk_stamp.h"
#include "duktape.h"

#define FCW_RUNTIME_IMAGE_MAGIC "FCWRTIM1"
#define FCW_RUNTIME_IMAGE_MAGIC_LEN 8

/* The Duktape build an image must come from: duk_stamp.h's checksum covers
 * duk_config.h (our configuration of it) and duktape.c; "templates 2":
 * constructor templates are dumped marked (fcw_duk_prepare_dump), which an
 * older loader would not undo. */
#define FCW_RUNTIME_STAMP_STR2(x) #x
#define FCW_RUNTIME_STAMP_STR(x) FCW_RUNTIME_STAMP_STR2(x)
#define FCW_RUNTIME_STAMP                                                                                              \
    "Duktape " FCW_RUNTIME_STAMP_STR(DUK_VERSION) " " DUK_GIT_DESCRIBE ", source " FCW_DUK_SOURCE_SUM ", templates 2"

/* The embedded image (generated into lib/runtime_image_data.c). */
extern const unsigned char fcw_runtime_image_data[];
extern const size_t fcw_runtime_image_size;

/* Replaces the image later engines load from (a test's altered copy; the
 * data must stay valid while in use); NULL goes back to the embedded one.
 * The next engine checks it again. */
void fcw_runtime_image_use(const unsigned char *data, size_t size);

/* Whether the image matches this build and the runtime's files (by name
 * and length, in order): 0 if so. Checked once per image; returns -1 with
 * the reason in why otherwise. *first is set to 1 on the first call after
 * the image was set, so that a mismatch is logged once per process. */
int fcw_runtime_image_check(char *why, size_t whylen, int *first);

/* Pushes the function of runtime file i from a checked image, its inner
 * functions as the compiler makes them (fcw_duk_trim_loaded_function);
 * throws, as duk_load_function does, if it cannot: call it in a protected
 * call. */
void fcw_runtime_image_push(duk_context *ctx, size_t i);

#endif
