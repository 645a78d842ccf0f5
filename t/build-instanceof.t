#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build writes each `a instanceof B` as `_fcwIO(a, B)`
# (contrib/fcworker-build/lib/instance-of.js), a native that answers the
# ordinary case in C and leaves the rest to the operator.
# t/build-instanceof/cases.js (subclasses, primitives, a static and an
# inherited Symbol.hasInstance, bound, non-callable and prototype-less
# right sides, the order operands are evaluated in, nesting, proxies as
# values, on the chain and as constructors, a getPrototypeOf trap) run in
# Node prints exactly what its bundle prints in fcworker, in the default
# build and in the --portable one, which keeps the operator. Needs node and
# the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my ($node, $text) = FcwTest::bundles_print_as_node(FcwTest::tmpdir(), FcwTest::top() . '/t/build-instanceof/cases.js');
like($node, qr/^static Symbol.hasInstance: true,false$/m, 'Node asks a static Symbol.hasInstance');
like($node, qr/^in an async function: true$/m, 'Node got to the end');
my $operators = sub { return scalar grep { /\binstanceof\b/ && !/\bvar _fcwIO = / } split /\n/, $_[0] // '' };
my $portable = $operators->($text->{portable});
cmp_ok($portable, '>', 30, "the --portable bundle keeps the operator ($portable)");
is($operators->($text->{default}), 0, "the bundle has no instanceof operator but in the helper's declaration");
my $calls = () = ($text->{default} // '') =~ /\(0, _fcwIO\)\(/g;
cmp_ok($calls, '>', 30, "each is a call of the helper ($calls)");

done_testing();
