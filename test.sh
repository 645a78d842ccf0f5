#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what is missing, builds fcworker and its tests (the C tests and
# the JS test runner with AddressSanitizer and UndefinedBehaviorSanitizer),
# and runs the whole suite with prove.
set -eu
cd "$(dirname "$0")"
top=$(pwd)
. ./contrib/deps.sh
deps_install build test
build_tree
make check-style
make -j"$(nproc)" check-programs

if [ -f contrib/fcworker-build/package-lock.json ] && [ ! -d contrib/fcworker-build/node_modules ]; then
    (cd contrib/fcworker-build && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -f t/apps/package-lock.json ] && [ ! -d t/apps/node_modules ]; then
    (cd t/apps && npm ci --no-audit --no-fund --loglevel=error)
fi

export FCW_BUILD="$top"
export FCW_JSRUN="$top/t/jsrun-san"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec prove -r -j2 t/
