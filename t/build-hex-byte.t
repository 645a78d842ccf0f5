#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build writes each `x.toString(16).padStart(2, "0")` as
# `_fcwHex(x)` (contrib/fcworker-build/lib/hex-byte.js), a native that
# gives a byte's two digits in C while the two methods are the runtime's
# and makes the two calls otherwise. t/build-hex-byte/cases.js (every byte,
# digests through map and Array.from, -0, larger, negative and fractional
# numbers, NaN, strings, booleans, Number objects, objects with their own
# toString, undefined, null, a BigInt, the order of evaluation, line
# breaks, other arguments, and each method replaced, deleted, made a getter
# and put back) run in Node prints exactly what its bundle prints in
# fcworker, in the default build and in the --portable one, which keeps the
# calls. So does a digest's hex as Hono's etag writes it,
# `Array.prototype.map.call(new Uint8Array(v), (x) => x.toString(16)
# .padStart(2, "0")).join("")`, which becomes `_fcwHexJ(v, _fcwHexJ0)`
# (the native hexJoin, lib/api_builtins.c) where v is a variable and Array
# and Uint8Array the global ones: ArrayBuffers, views, subarrays, empty
# ones, other typed arrays, arrays, numbers, strings, objects, bytes
# written after, and map, map's call, join, Function.prototype.call, the
# global Uint8Array and Array, toString and padStart each replaced and
# put back. A module's own top-level names count as variables, not as
# globals. Needs node and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my ($node, $text) = FcwTest::bundles_print_as_node(FcwTest::tmpdir(), FcwTest::top() . '/t/build-hex-byte/cases.js');
like($node, qr/^padStart a getter: from a getter$/m, 'Node calls a replaced padStart');
like($node, qr/^and back: ff$/m, 'Node got to the end');
my $calls = sub { my $n = () = ($_[0] // '') =~ /\(0, _fcwHex\)\(/g; return $n };
is($calls->($text->{portable}), 0, 'the --portable bundle keeps the two calls');
is($calls->($text->{default}), 7, 'the seven such expressions outside a digest are calls of the helper (a comma expression is not)');
like($text->{default} // '', qr/padStart\(3, "0"\)/, 'other arguments keep their calls');
my $joins = sub { my $n = () = ($_[0] // '') =~ /\(0, _fcwHexJ\)\(\w+, _fcwHexJ0\)/g; return $n };
is($joins->($text->{default}), 3, "the three digests of a variable are calls of hexJoin (not of a property, another separator or callback, a local Uint8Array)");
is($joins->($text->{portable}), 0, 'the --portable bundle keeps the digests');

# A module: its top-level variable is one, a top-level Uint8Array is not
# the global one.
my $dir = FcwTest::tmpdir();
my %module = (
    'top.mjs' => [1, "const digest = new Uint8Array([1, 2]);\n"],
    'own.mjs' => [0, "const digest = new Uint8Array([1, 2]);\nconst Uint8Array = globalThis.Uint8Array;\n"],
);
for my $name (sort keys %module) {
    my ($want, $head) = @{ $module{$name} };
    FcwTest::write_file("$dir/$name", $head .
        "export default { fetch() { return new Response(Array.prototype.map.call(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('')); } };\n");
    my ($rc, $log) = FcwTest::run_exit($dir, FcwTest::build_tool(), "$dir/$name", '-o', "$dir/$name.js");
    is($rc, 0, "fcworker-build builds $name") or diag($log);
    is($joins->(FcwTest::read_file("$dir/$name.js")), $want, $want ? 'a module\'s top-level variable is a variable' : 'a module\'s own Uint8Array is not the global one');
}

done_testing();
