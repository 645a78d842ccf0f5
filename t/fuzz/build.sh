#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets t/fuzz/fuzz_*.c with clang and
# -fsanitize=fuzzer,address,undefined, straight from the sources: libfcw's
# lib/*.c (those the build put into lib/libfcw.a), the src/*.c a target needs, and the generated lib/js_sources.c and
# lib/duk/duktape.c (Duktape without sanitizers, with coverage counters)
# taken from a configured build directory.
#   t/fuzz/build.sh BUILD_DIR [OUT_DIR]
# BUILD_DIR holds config.h and the generated sources (run `make` there
# first); OUT_DIR (default BUILD_DIR/t/fuzz-out) receives the binaries and an
# obj/ folder of objects that are reused while newer than their inputs.
# CC (default clang), FUZZ_CFLAGS (extra flags) and JOBS (parallel
# compilers, default: the number of CPUs) may be set.
# Flag variables are word lists on purpose; dash and bash both know -nt.
# shellcheck disable=SC2086,SC3013
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: build.sh BUILD_DIR [OUT_DIR]}" && pwd)
out=${2:-$build/t/fuzz-out}
cc=${CC:-clang}
mkdir -p "$out/obj"
out=$(cd "$out" && pwd)

for f in "$build/config.h" "$build/lib/duk/duktape.c" "$build/lib/duk/duk_config.h" "$build/lib/js_sources.c" \
    "$build/lib/libfcw.a"; do
    [ -f "$f" ] || { echo "build.sh: $f is missing: configure and make in $build first" >&2; exit 1; }
done
command -v "$cc" >/dev/null 2>&1 || { echo "build.sh: $cc not found (install clang)" >&2; exit 1; }

pkg_flags() {
    pkg-config "$@" 2>/dev/null || true
}

includes="-I$build -I$build/lib/duk -I$top/lib -I$top/src -D_GNU_SOURCE $(pkg_flags --cflags libcurl libidn2 libcrypto zlib inih sqlite3 hiredis)"
san="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
# type errors the project build (gcc -Werror) would refuse are errors here too
cflags="-g -O1 -fno-omit-frame-pointer -Werror=incompatible-pointer-types -Werror=int-conversion -Werror=implicit-function-declaration $san ${FUZZ_CFLAGS:-}"
libs="$(pkg_flags --libs libcurl libidn2 libcrypto zlib sqlite3 hiredis) -lcurl -lidn2 -lcrypto -lz -lunistring -lsqlite3 -lhiredis -lm"
headers=$(ls "$top"/lib/*.h "$top"/src/*.h "$top"/t/fuzz/*.h "$build/config.h" "$build/lib/duk/duk_config.h")

# up_to_date OBJ INPUT...: true when OBJ exists and is newer than every input
up_to_date() {
    obj=$1
    shift
    [ -f "$obj" ] || return 1
    for input in "$@"; do
        [ "$input" -nt "$obj" ] && return 1
    done
    return 0
}

# Background jobs, at most $jobs at a time; wait_all fails the build if any did.
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
running=
failed=0
spawn() {
    "$@" &
    running="$running $!"
    set -- $running
    while [ $# -ge "$jobs" ]; do
        wait "$1" || failed=1
        shift
    done
    running="$*"
}

wait_all() {
    for pid in $running; do
        wait "$pid" || failed=1
    done
    running=
    [ $failed -eq 0 ] || { echo "build.sh: compilation failed" >&2; exit 1; }
}

# compile SRC OBJ FLAGS...: compiles when OBJ is older than SRC or one of
# $deps (the project's headers unless set otherwise)
compile() {
    src=$1 obj=$2
    shift 2
    up_to_date "$obj" "$src" ${deps:-$headers} && return 0
    echo "  CC $(basename "$src")"
    # shellcheck disable=SC2016
    spawn sh -c '"$@" && mv "$0.tmp" "$0"' "$obj" "$cc" "$@" -c "$src" -o "$obj.tmp"
}

# Third-party and generated code: no sanitizers, like the normal build.
# Duktape gets libFuzzer's edge counters only, so that inputs taking new
# paths through the interpreter (regular expressions, string and buffer
# built-ins) count as progress for the JavaScript targets; comparison
# tracing would cost those targets two thirds of their speed.
# (lib/duk_hooks.c is Duktape's source plus the hooks fcworker adds.)
deps="$build/lib/duk/duk_config.h $build/lib/duk/duktape.h $build/lib/duk/duktape.c"
compile "$top/lib/duk_hooks.c" "$out/obj/duktape.o" -O2 -g -fno-strict-aliasing -w \
    -fsanitize=fuzzer-no-link -fno-sanitize-coverage=trace-cmp $includes
deps="$top/lib/js_sources.h"
compile "$build/lib/js_sources.c" "$out/obj/js_sources.o" -O1 -w $includes
deps=

# libfcw's sources: those whose objects the build put into lib/libfcw.a
lib_sources=
for member in $(ar t "$build/lib/libfcw.a"); do
    name=${member#libfcw_a-}
    name=${name%.o}
    # generated sources (lib/encoding_tables.c) are in the build folder
    if [ "$name" != "$member" ] && [ "$name" != js_sources ]; then
        if [ -f "$top/lib/$name.c" ]; then
            lib_sources="$lib_sources $top/lib/$name.c"
        elif [ -f "$build/lib/$name.c" ]; then
            lib_sources="$lib_sources $build/lib/$name.c"
        fi
    fi
done
[ -n "$lib_sources" ] || { echo "build.sh: no libfcw sources found in $build/lib/libfcw.a" >&2; exit 1; }
lib_objs=
for src in $lib_sources; do
    obj="$out/obj/lib_$(basename "$src" .c).o"
    compile "$src" "$obj" $cflags $includes
    lib_objs="$lib_objs $obj"
done
for src in request clock conf log bindings users cron cfgtree wrangler fcgi; do
    compile "$top/src/$src.c" "$out/obj/src_$src.o" $cflags $includes
done
for src in "$top"/t/fuzz/fuzz_*.c; do
    compile "$src" "$out/obj/$(basename "$src" .c).o" $cflags $includes
done
wait_all

common="$lib_objs $out/obj/js_sources.o $out/obj/duktape.o"
for src in "$top"/t/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    case $name in
        fuzz_request) extra="$out/obj/src_request.o $out/obj/src_clock.o" extra_libs='' ;;
        fuzz_fcgi) extra="$out/obj/src_fcgi.o $out/obj/src_log.o $out/obj/src_clock.o" extra_libs='' ;;
        fuzz_conf) extra="$out/obj/src_conf.o $out/obj/src_log.o $out/obj/src_bindings.o $out/obj/src_users.o $out/obj/src_cron.o $out/obj/src_cfgtree.o $out/obj/src_wrangler.o"
            extra_libs="$(pkg_flags --libs inih) -linih" ;;
        *) extra='' extra_libs='' ;;
    esac
    if up_to_date "$out/$name" "$out/obj/$name.o" $common $extra; then
        continue
    fi
    echo "  LD $name"
    spawn "$cc" $cflags "$out/obj/$name.o" $extra $common $libs $extra_libs -o "$out/$name"
done
wait_all
echo "fuzz targets in $out"
