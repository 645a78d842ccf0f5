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

my $top = FcwTest::top();
my $tool = FcwTest::build_tool();
my $jsrun = FcwTest::jsrun();
my $dir = FcwTest::tmpdir();
my $cases = "$top/t/build-instanceof/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^static Symbol.hasInstance: true,false$/m, 'Node asks a static Symbol.hasInstance');
like($node, qr/^in an async function: true$/m, 'Node got to the end');

for my $build ([], ['--portable']) {
    my $name = @$build ? 'the --portable bundle' : 'the bundle';
    my ($rc, $out) = run($tool, @$build, $cases, '-o', "$dir/cases.js");
    is($rc, 0, "fcworker-build @$build builds the cases") or diag($out);
    my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
    is($fcw_rc, 0, "$name runs in fcworker") or diag($fcw);
    is($fcw, $node, "fcworker on $name prints what Node prints on the source");
    my @lines = split /\n/, FcwTest::read_file("$dir/cases.js");
    my $operators = grep { /\binstanceof\b/ && !/\bvar _fcwIO = / } @lines;
    if (@$build) {
        cmp_ok($operators, '>', 30, "$name keeps the operator ($operators)");
        next;
    }
    is($operators, 0, "$name has no instanceof operator but in the helper's declaration");
    my $calls = () = join("\n", @lines) =~ /\(0, _fcwIO\)\(/g;
    cmp_ok($calls, '>', 30, "each is a call of the helper ($calls)");
}

done_testing();
