#!/bin/sh
# SPDX-License-Identifier: MIT
# Derives fcworker's duk_config.h from the one Duktape ships (argument 1),
# writing it to standard output. Switched on: the interrupt counter with the
# exec-timeout check (wired to the engine's deadline), fastint, the JSON
# stringify fast path, a per-process random source for Math.random, a date
# parser for HTTP dates, the local time zone offset of a time value from the
# C library's time zone database for every year (Duktape's maps years
# outside 1971-2037 to one of them), and our fatal handler. Switched off, as V8 has
# them: String.fromCharCode keeping 32 bits of a code unit (it takes the
# low 16; base64 encoders rely on the wrap, e.g. svix's) and JSON.stringify
# escaping U+2028 and U+2029 (signatures over JSON text saw other bytes).
# External string data (lib/duk_hooks.c, fcw_duk_extstr_check): a long
# string made from a buffer that dies with it (a concatenation's) keeps
# the buffer's bytes instead of a copy of them. DUK_MEMCPY skips a copy of
# bytes onto themselves: an append in place (fcw_duk_append_plan) gets the
# old string's bytes where its buffer's go. An object's property table
# grows by (size + 24) / 4 entries instead of (size + 16) / 8: objects
# filled one property at a time (constructors, `this.x = ...`) were
# reallocated every second property (0, 2, 4, 6, 8, 11, ...; now 0, 6, 13,
# ...): 2.5-3.3% fewer instructions per request of the Hono apps, 3% more
# heap (contrib/bench/profile); and it gets a hash part from 12 entries
# instead of 8 (a scan of up to 11 keys costs what a hash lookup does:
# -0.5% instructions, and less heap). The literal cache (duk_push_literal:
# C code's property names, the runtime's hidden keys) has 2048 entries
# instead of 256: an entry is chosen by the low bits of the literal's
# address, so two hot literals that share them evict each other at every
# use and the string is interned again each time; which ones collide moves
# with every build (one build's collision cost hono/jsx 94,000 instructions
# per page, +0.2%). 32 KB per heap instead of 4.
# Fails if the shipped file no longer has the lines it rewrites.
set -e
in=$1
[ -r "$in" ] || { echo "duk-config.sh: cannot read $in" >&2; exit 1; }
for opt in INTERRUPT_COUNTER EXEC_TIMEOUT_CHECK FASTINT JSON_STRINGIFY_FASTPATH \
           GET_RANDOM_DOUBLE DATE_PARSE_STRING DATE_GET_LOCAL_TZOFFSET FATAL_HANDLER \
           HSTRING_EXTDATA EXTSTR_INTERN_CHECK EXTSTR_FREE; do
    grep -q "^#undef DUK_USE_$opt\$" "$in" || {
        echo "duk-config.sh: $in has no '#undef DUK_USE_$opt' line" >&2; exit 1; }
done
grep -q '^#define DUK_MEMCPY       memcpy$' "$in" || {
    echo "duk-config.sh: $in has no '#define DUK_MEMCPY       memcpy' line" >&2; exit 1; }
for line in 'HOBJECT_ENTRY_MINGROW_ADD 16' 'HOBJECT_ENTRY_MINGROW_DIVISOR 8' 'HOBJECT_HASH_PROP_LIMIT 8' 'LITCACHE_SIZE 256'; do
    grep -q "^#define DUK_USE_$line\$" "$in" || {
        echo "duk-config.sh: $in has no '#define DUK_USE_$line' line" >&2; exit 1; }
done
for opt in NONSTD_STRING_FROMCHARCODE_32BIT NONSTD_JSON_ESC_U2028_U2029; do
    grep -q "^#define DUK_USE_$opt\$" "$in" || {
        echo "duk-config.sh: $in has no '#define DUK_USE_$opt' line" >&2; exit 1; }
done
sed \
  -e 's|^#define DUK_USE_NONSTD_STRING_FROMCHARCODE_32BIT$|#undef DUK_USE_NONSTD_STRING_FROMCHARCODE_32BIT|' \
  -e 's|^#define DUK_USE_NONSTD_JSON_ESC_U2028_U2029$|#undef DUK_USE_NONSTD_JSON_ESC_U2028_U2029|' \
  -e 's|^#undef DUK_USE_INTERRUPT_COUNTER$|#define DUK_USE_INTERRUPT_COUNTER|' \
  -e 's|^#undef DUK_USE_EXEC_TIMEOUT_CHECK$|extern int fcw_engine_timeout_check(void *udata);\n#define DUK_USE_EXEC_TIMEOUT_CHECK(udata) fcw_engine_timeout_check((udata))|' \
  -e 's|^#undef DUK_USE_FASTINT$|#define DUK_USE_FASTINT|' \
  -e 's|^#undef DUK_USE_JSON_STRINGIFY_FASTPATH$|#define DUK_USE_JSON_STRINGIFY_FASTPATH|' \
  -e 's|^#undef DUK_USE_GET_RANDOM_DOUBLE$|extern double fcw_engine_random_double(void *udata);\n#define DUK_USE_GET_RANDOM_DOUBLE(udata) fcw_engine_random_double((udata))|' \
  -e 's|^#undef DUK_USE_DATE_PARSE_STRING$|extern int fcw_date_parse_string(void *ctx, const char *str);\n#define DUK_USE_DATE_PARSE_STRING(ctx,str) fcw_date_parse_string((void *) (ctx), (str))|' \
  -e 's|^#undef DUK_USE_DATE_GET_LOCAL_TZOFFSET$|extern int fcw_date_local_tzoffset(double d);\n#define DUK_USE_DATE_GET_LOCAL_TZOFFSET(d) fcw_date_local_tzoffset((d))|' \
  -e 's|^#undef DUK_USE_HSTRING_EXTDATA$|#define DUK_USE_HSTRING_EXTDATA|' \
  -e 's|^#undef DUK_USE_EXTSTR_INTERN_CHECK$|extern const void *fcw_duk_extstr_check(void *udata_ref, void *ptr, unsigned long len);\n#define DUK_USE_EXTSTR_INTERN_CHECK(udata,ptr,len) fcw_duk_extstr_check((void *) \&(udata), (ptr), (unsigned long) (len))|' \
  -e 's|^#undef DUK_USE_EXTSTR_FREE$|extern void fcw_duk_extstr_free(void *udata_ref, const void *ptr);\n#define DUK_USE_EXTSTR_FREE(udata,ptr) fcw_duk_extstr_free((void *) \&(udata), (ptr))|' \
  -e 's|^#define DUK_MEMCPY       memcpy$|#define DUK_MEMCPY(dst,src,len) ((const void *) (dst) == (const void *) (src) ? (void *) (dst) : memcpy((dst), (src), (len)))|' \
  -e 's|^#define DUK_USE_HOBJECT_ENTRY_MINGROW_ADD 16$|#define DUK_USE_HOBJECT_ENTRY_MINGROW_ADD 24|' \
  -e 's|^#define DUK_USE_HOBJECT_ENTRY_MINGROW_DIVISOR 8$|#define DUK_USE_HOBJECT_ENTRY_MINGROW_DIVISOR 4|' \
  -e 's|^#define DUK_USE_HOBJECT_HASH_PROP_LIMIT 8$|#define DUK_USE_HOBJECT_HASH_PROP_LIMIT 12|' \
  -e 's|^#define DUK_USE_LITCACHE_SIZE 256$|#define DUK_USE_LITCACHE_SIZE 2048|' \
  -e 's|^#undef DUK_USE_FATAL_HANDLER$|extern void fcw_engine_fatal(void *udata, const char *msg);\n#define DUK_USE_FATAL_HANDLER(udata,msg) fcw_engine_fatal((udata), (msg))|' \
  "$in"
