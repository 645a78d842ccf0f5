#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the C unit tests of lib/ (t/unit/*, built by `make check`, with the
# sanitizers when the build was configured with --enable-sanitizers) and
# merges their TAP into one stream.
top=$(cd "$(dirname "$0")/.." && pwd)
build=${FCW_BUILD:-$top}
n=0
for src in "$top"/t/unit/*.c; do
    name=$(basename "$src" .c)
    bin="$build/t/unit/$name"
    out=$(FCW_TOP="$top" "$bin" 2>&1)
    rc=$?
    seen=0
    while IFS= read -r line; do
        case $line in
            "ok "*|"not ok "*)
                n=$((n + 1)); seen=$((seen + 1))
                status=${line%% [0-9]*}
                rest=${line#* - }
                printf '%s\n' "$status $n - unit/$name: $rest" ;;
            1..*) ;;
            *) printf '%s\n' "# unit/$name: $line" ;;
        esac
    done <<EOF2
$out
EOF2
    if [ $rc -ne 0 ] || [ $seen -eq 0 ]; then
        n=$((n + 1)); echo "not ok $n - unit/$name exited $rc"
    fi
done
echo "1..$n"
