#!/bin/sh
# SPDX-License-Identifier: MIT
# Quick check of fcworker-build against the corpus in t/modern/: builds every
# worker (installing the tool's and the corpus' npm packages with `npm ci`
# when missing), checks that each output parses as ES5 with acorn apart from
# its final `export default NAME;`, that a second build gives the same bytes,
# that the source map is a v3 map pointing back into the worker's sources,
# and runs each worker's cases.json in Node (test/run-cases.js) on its
# --portable build (the default one needs fcworker's runtime). It also
# checks that build errors are reported as file:line:column of the original
# source. Ends with "N passed, N failed"; exit status 1 if anything failed.

set -u
tool_dir=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$tool_dir/../../t/modern}
corpus=$(cd "$corpus" && pwd)
build="$tool_dir/fcworker-build"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; }

ensure_packages() {
    if [ -f "$1/package-lock.json" ] && [ ! -d "$1/node_modules" ]; then
        (cd "$1" && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 ||
            { cat "$work/npm.log"; echo "npm ci failed in $1"; exit 1; }
    fi
}

entry_of() {
    node -e 'console.log(require(process.argv[1]).entry)' "$1/worker.json"
}

# Parses the output as ES5, without its last line if that is the
# `export default NAME;` statement the fcworker loader rewrites.
check_es5() {
    node -e '
const fs = require("fs");
const acorn = require(process.argv[1] + "/node_modules/acorn");
const code = fs.readFileSync(process.argv[2], "utf8")
    .replace(/\nexport default [A-Za-z_$][\w$]*;\n(\/\/# sourceMappingURL=.*\n)?$/, "\n");
if (/\bexport\b\s+default/.test(code.slice(-200))) throw new Error("unexpected export statement");
acorn.parse(code, { ecmaVersion: 5, sourceType: "script" });
' "$tool_dir" "$1"
}

# The map must be v3, name sources that exist (relative to the map's own
# directory), and map some generated position into the entry file.
check_map() {
    node -e '
const fs = require("fs");
const path = require("path");
const { SourceMap } = require("module");
const [out, entry] = process.argv.slice(1);
const map = JSON.parse(fs.readFileSync(out + ".map", "utf8"));
if (map.version !== 3) throw new Error("not a v3 map");
const code = fs.readFileSync(out, "utf8");
if (!code.endsWith("//# sourceMappingURL=" + path.basename(out) + ".map\n")) throw new Error("no sourceMappingURL");
const sources = map.sources.map((s) => path.resolve(path.dirname(out), s));
const missing = sources.filter((s) => !fs.existsSync(s));
if (missing.length) throw new Error("sources not found: " + missing.join(", "));
const sm = new SourceMap(map);
const lines = code.split("\n");
let hit = false;
for (let i = 0; i < lines.length && !hit; i++) {
    const e = sm.findEntry(i, Math.max(0, lines[i].search(/\S/)));
    hit = e && e.originalSource && path.resolve(path.dirname(out), e.originalSource) === entry;
}
if (!hit) throw new Error("no position maps into " + entry);
' "$1" "$2"
}

check_worker() {
    dir=$1
    name=$(basename "$dir")
    entry=$(entry_of "$dir")
    out="$work/$name/worker.js"
    ensure_packages "$dir"
    if ! "$build" "$dir/$entry" -o "$out" --sourcemap; then
        fail "$name: build"
        return
    fi
    pass "$name: build ($(wc -c <"$out") bytes)"
    if check_es5 "$out"; then pass "$name: output parses as ES5"; else fail "$name: output parses as ES5"; fi
    cp "$out" "$work/$name.first.js"
    "$build" "$dir/$entry" -o "$out" --sourcemap
    if cmp -s "$out" "$work/$name.first.js"; then pass "$name: deterministic"; else fail "$name: deterministic"; fi
    if check_map "$out" "$dir/$entry"; then pass "$name: source map"; else fail "$name: source map"; fi
    # Node runs the --portable build: the default one needs fcworker's
    # runtime (its generators and async functions are its coroutines)
    if ! "$build" "$dir/$entry" -o "$work/$name/portable.js" --portable; then
        fail "$name: --portable build"
        return
    fi
    if node "$tool_dir/test/run-cases.js" "$dir" "$work/$name/portable.js" >"$work/$name.cases" 2>&1; then
        pass "$name: cases ($(tail -n 1 "$work/$name.cases"))"
    else
        sed 's/^/    /' "$work/$name.cases"
        fail "$name: cases"
    fi
}

# expect_error NAME FILE EXPECTED: the build must fail with status 1 and print
# EXPECTED (a file:line:column: prefix) on stderr.
expect_error() {
    "$build" "$2" -o "$work/err.js" 2>"$work/err.txt"
    status=$?
    if [ "$status" -eq 1 ] && grep -qF "$3" "$work/err.txt"; then
        pass "error report: $1"
    else
        sed 's/^/    /' "$work/err.txt"
        fail "error report: $1 (status $status, expected \"$3\")"
    fi
}

check_errors() {
    mkdir -p "$work/err"
    cd "$work/err" || exit 1
    printf 'export default {\n  fetch() {\n    return new Response(1 +);\n  },\n};\n' >syntax.js
    printf 'import { helper } from "./nowhere.js";\nexport default { fetch: helper };\n' >unresolved.js
    printf 'import "./syntax.js";\n' >indirect.js
    printf 'const ok: number = 1;\nconst bad = <number>;\nexport default ok;\n' >typed.ts
    expect_error "syntax error" syntax.js "syntax.js:3:28: "
    expect_error "unresolved import" unresolved.js "unresolved.js:1:24: Could not resolve"
    expect_error "error in an imported module" indirect.js "syntax.js:3:28: "
    expect_error "TypeScript syntax error" typed.ts "typed.ts:2:"
    cd - >/dev/null || exit 1
}

# Regular-expression literals that Duktape's parser rejects become
# `new RegExp(source, flags)` calls (for the runtime's own engine); the others
# and existing `new RegExp` calls stay as they are. A block comment with a
# line starting with "export" does not end up as such a line.
check_regexps() {
    mkdir -p "$work/re"
    cat >"$work/re/re.js" <<'EOF'
/*!
 export is the first word of this line
*/
const lb = /(?<=a)b/, dot = /a.b/s, st = /a/y, named = /(?<x>a)\k<x>/, prop = /\p{L}/u;
const ind = /a/d, set = /[\p{L}--[a-z]]/v, plain = /a+b/gi, made = new RegExp("(?<=a)b", "u");
export default { fetch: () => new Response([lb, dot, st, named, prop, ind, set, plain, made].join()) };
EOF
    if ! "$build" "$work/re/re.js" -o "$work/re/out.js"; then
        fail "regexp literals: build"
        return
    fi
    if node -e '
const code = require("fs").readFileSync(process.argv[1], "utf8");
const want = [
    String.raw`var lb = new RegExp("(?<=a)b")`,
    String.raw`dot = new RegExp("a.b", "s")`,
    String.raw`st = new RegExp("a", "y")`,
    String.raw`named = new RegExp("(?<x>a)\\k<x>")`,
    String.raw`prop = new RegExp("\\p{L}", "u")`,
    String.raw`var ind = new RegExp("a", "d")`,
    String.raw`set = new RegExp("[\\p{L}--[a-z]]", "v")`,
    String.raw`plain = /a+b/gi`,
    String.raw`made = new RegExp("(?<=a)b", "u")`
];
const missing = want.filter((w) => !code.includes(w));
if (missing.length) throw new Error("missing: " + missing.join(" | ") + "\n" + code);
if (/^[ \t]*export[ \t{*]/m.test(code.replace(/\nexport default __fcw_default;\n$/, "\n"))) throw new Error("export line left");
' "$work/re/out.js"; then
        pass "regexp literals: rewritten for the runtime's engine"
    else
        fail "regexp literals: rewritten for the runtime's engine"
    fi
    if check_es5 "$work/re/out.js"; then pass "regexp literals: output parses as ES5"; else fail "regexp literals: output parses as ES5"; fi
}

# A CommonJS entry (module.exports = { fetch }) ends as esbuild writes it,
# `export default require_entry();`: its value is the default export.
check_commonjs_entry() {
    mkdir -p "$work/cjs"
    printf 'const msg = require("./msg.js");\nmodule.exports = { fetch: () => msg + "!" };\n' >"$work/cjs/entry.js"
    printf 'module.exports = "from cjs";\n' >"$work/cjs/msg.js"
    if ! "$build" "$work/cjs/entry.js" -o "$work/cjs/out.js"; then
        fail "CommonJS entry: build"
        return
    fi
    if check_es5 "$work/cjs/out.js" && node -e '
const code = require("fs").readFileSync(process.argv[1], "utf8")
    .replace(/\nexport default ([\w$]+);\n$/, "\nthis.mod = $1;\n");
const ctx = {};
require("vm").runInNewContext(code, ctx);
if (ctx.mod.fetch() !== "from cjs!") throw new Error("fetch() gave " + ctx.mod.fetch());
' "$work/cjs/out.js"; then
        pass "CommonJS entry: its module.exports is the default export"
    else
        fail "CommonJS entry: its module.exports is the default export"
    fi
}

ensure_packages "$tool_dir"
for dir in "$corpus"/*/; do
    [ -f "$dir/worker.json" ] && check_worker "${dir%/}"
done
check_errors
check_regexps
check_commonjs_entry
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
