/* SPDX-License-Identifier: MIT */
/*
 * The runtime's JavaScript (the files in js/), embedded at build time by
 * lib/js-embed.sh into js_sources.c, in evaluation order.
 */
#ifndef FCW_JS_SOURCES_H
#define FCW_JS_SOURCES_H

#include <stddef.h>

struct fcw_js_source {
    const char *name;
    const char *text;
    size_t len;
};

extern const struct fcw_js_source fcw_js_sources[];
extern const size_t fcw_js_nsources;

#endif
