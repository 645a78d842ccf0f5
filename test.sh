#!/bin/sh
# Installs what is missing, builds fcworker, builds the C tests again with
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs the whole suite
# with prove (the sanitized test programs run the unit and JS tests).
set -eu
cd "$(dirname "$0")"
top=$(pwd)
. ./contrib/deps.sh
deps_install build test
build_tree
make -j"$(nproc)" check-programs

san=$top/_build-san
mkdir -p "$san"
if [ ! -f "$san/Makefile" ]; then
    (cd "$san" && "$top/configure" --enable-sanitizers --enable-werror >/dev/null)
fi
make -C "$san" -j"$(nproc)" check-programs

if [ -f contrib/fcworker-build/package-lock.json ] && [ ! -d contrib/fcworker-build/node_modules ]; then
    (cd contrib/fcworker-build && npm ci --no-audit --no-fund --loglevel=error)
fi

export FCW_BUILD="$top"
export FCW_UNIT_BUILD="$san"
export FCW_JSRUN="$san/t/jsrun"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec prove -r -j2 t/
