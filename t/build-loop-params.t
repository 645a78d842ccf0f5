#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build gives a lowered loop body (SWC's `_loop` function, made
# for a loop whose body makes closures over its own variables) the
# variables of the function around it that it reads as parameters, where
# the value passed is the one it would read
# (contrib/fcworker-build/lib/loop-params.js). t/build-loop-params/cases.js
# (a parameter and a variable set in the body, a variable declared after
# the loop and read by its closures later, a parameter assigned after the
# loop, a variable the function assigns between iterations read by
# closures and by the body itself, break, continue, return, nested loops,
# awaits, a variable a closure of the body writes) run in Node prints
# exactly what its bundle prints in fcworker, in the default build and in
# the --portable one, which keeps the loops as SWC wrote them. Needs node
# and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my ($node, $text) = FcwTest::bundles_print_as_node(FcwTest::tmpdir(), FcwTest::top() . '/t/build-loop-params/cases.js');
like($node, qr/^a variable declared after the loop, read by its closures later: 11,12$/m, 'Node reads the later value');
like($node, qr/^awaits in the loop: 6,7$/m, 'Node got to the end');
my $passed = sub { my $n = () = ($_[0] // '') =~ /_loop\d*\(_step\d*, /g; return $n };
cmp_ok($passed->($text->{default}), '>=', 5, 'the default bundle passes the variables to its loop bodies');
is($passed->($text->{portable}), 0, 'the --portable bundle keeps the loops as SWC wrote them');
like($text->{default} // '', qr/_loop\d* = function\(\)/, 'a loop body whose variable a closure reads after the loop keeps none');

done_testing();
