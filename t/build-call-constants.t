#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build writes a call of a name of the bundle's top level (or a
# global) `(0, f)(...)` (contrib/fcworker-build/lib/call-constants.js), so
# that fcworker's loader can read f as a constant where a CSVAR would have
# kept its look-up. t/build-call-constants/cases.mjs (this, arguments and
# their order, a binding reassigned, a global, names shadowed by a local
# function, a parameter and a catch binding, a direct eval, recursion, an
# async function, an undeclared name) run in Node prints exactly what its
# bundle prints in fcworker, in the default build and in the --portable one;
# the default bundle has the calls so written, but the shadowed ones and
# eval's. Needs node and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my ($node, $text) = FcwTest::bundles_print_as_node(FcwTest::tmpdir(), FcwTest::top() . '/t/build-call-constants/cases.mjs');
like($node, qr/^eval: seen by a direct eval$/m, 'Node reads a local through a direct eval');
like($node, qr/^an undeclared name: ReferenceError$/m, 'Node got to the end');

my $bundle = $text->{default} // '';
like($bundle, qr/\(0, whoIsThis\)\(\)/, 'a top-level function is called as (0, f)(...)');
like($bundle, qr/\(0, swapped\)\(\)/, 'so is one held by a reassigned binding');
like($bundle, qr/\(0, parseInt\)\(/, 'and a global');
like($bundle, qr/return add\d*\(1, 2\);/, 'a local function of the same name is called as it was');
like($bundle, qr/return add\d*\(3\);/, 'so is a parameter');
like($bundle, qr/[^)]add\d*\(4\)/, 'and a catch binding');
like($bundle, qr/return eval\("local"\);/, 'eval stays a direct eval');
like($bundle, qr/_fcw_co_async\(/, 'the bundle has calls of the coroutine helpers');
unlike($bundle, qr/\(0, _fcw_co_(?:async|now)/, "which keep their form (later passes find them by it)");
like($bundle, qr/\(0, _fcw_yield\)\(/, 'but await, whose _fcw_yield no pass looks for');

unlike($text->{portable} // '', qr/\(0, whoIsThis\)/, 'the --portable bundle leaves its calls as they were');

done_testing();
