#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build writes a lowered loop body (SWC's `_loop` function, made
# for a loop whose body makes closures over its own variables) back into
# its loop when those closures are made only on a conditional path, each
# given the values of its iteration where it is made
# (contrib/fcworker-build/lib/inline-loops.js). t/build-inline-loops/cases.js
# (zod's checks and array parser: closures made on one path and read after
# the loop; break, continue and a return from the body; a variable without
# a value at each iteration; continue and break in a switch and a nested
# loop; labelled loops; do-while and while; a closure in a catch block;
# and, left as SWC wrote them, a variable assigned after its closure is
# made, a closure made at every iteration, awaits) run in Node prints
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

my ($node, $text) = FcwTest::bundles_print_as_node(FcwTest::tmpdir(), FcwTest::top() . '/t/build-inline-loops/cases.js');
like($node, qr/^closures made on one path, read after the loop: defer\@0 defer\@2 defer\@4 issues=5 aborted=false$/m,
    'Node keeps each closure its iteration\'s values');
like($node, qr/^awaits in the loop: 2,3$/m, 'Node got to the end');
my $loops = sub { my $n = () = ($_[0] // '') =~ /\b_loop\d* = function\b/g; return $n };
cmp_ok($loops->($text->{portable}), '>=', 14, 'the --portable bundle keeps the loop bodies as functions');
cmp_ok($loops->($text->{default}), '<=', 4, 'the default bundle writes the others back into their loops');
like($text->{default} // '', qr/\(function \([\w, ]+\) \{ "use duk notail"; return function/,
    'a closure of the body is given its values where it is made');
like($text->{default} // '', qr/\b_fcwLoop\d+: (?:for|do|while)\b/, 'a loop gets a label for a break in a switch');

done_testing();
