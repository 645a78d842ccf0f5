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
# calls. Needs node and the tool's node_modules.
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
is($calls->($text->{default}), 4, 'the four such expressions are calls of the helper (a comma expression is not)');
like($text->{default} // '', qr/padStart\(3, "0"\)/, 'other arguments keep their calls');

done_testing();
