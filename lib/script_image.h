/* SPDX-License-Identifier: MIT */
/*
 * The script image: a pool's worker script compiled once, by the master's
 * check child, into Duktape bytecode that every child of the pool loads
 * instead of compiling the source again (lib/script.c). Internal to lib/
 * (and tests).
 *
 * The image, all integers 32-bit big-endian:
 *
 *   "FCWSCRI1"  stamp-length stamp  source-length source-hash(64-bit)
 *   flags  dump-length dump
 *
 * where stamp is the Duktape build's (FCW_RUNTIME_STAMP), source-length
 * and source-hash (FNV-1a) name the script text it was compiled from, flags
 * bit 0 says the script runs as a module (`export default`), and dump is
 * what duk_dump_function() wrote for the function the engine would have
 * compiled from that text. Duktape's loader trusts its input, so an image
 * is loaded only after fcw_script_image_check() accepted it for the text
 * in hand.
 */
#ifndef FCW_SCRIPT_IMAGE_H
#define FCW_SCRIPT_IMAGE_H

#include <stddef.h>

#define FCW_SCRIPT_IMAGE_MAGIC "FCWSCRI1"
#define FCW_SCRIPT_IMAGE_MAGIC_LEN 8
#define FCW_SCRIPT_IMAGE_MODULE 1u

/* A new image (malloc'd, its length in *outlen) for a dump compiled from
 * text; NULL when out of memory or too large for the format. */
unsigned char *fcw_script_image_pack(const char *text, size_t len, unsigned flags, const void *dump, size_t dump_len,
                                     size_t *outlen);

/* 0 when image was made by this Duktape build from exactly this text, with
 * *flags and the dump (pointing into image) set; else -1 with why. */
int fcw_script_image_check(const unsigned char *image, size_t image_len, const char *text, size_t len, unsigned *flags,
                           const unsigned char **dump, size_t *dump_len, char *why, size_t whylen);

#endif
