#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The own properties of a Proxy: Duktape has no getOwnPropertyDescriptor or
# defineProperty trap, so lib/api_fastpath.c guards the built-ins that see
# own properties and js/17-proxy.js runs the traps (or, without them, the
# operation on the target). t/build-proxy/cases.js (zod 4's transparent
# proxy, keys that exist only through the traps, a get trap over real
# properties, no traps, a proxy of a proxy, what a trap may answer, the
# defineProperty trap, ordinary objects, Proxy.revocable, array indexes as
# the string keys traps get, JSON.stringify, for-in (also over a comma
# expression, as React's createElement writes it), the getPrototypeOf,
# setPrototypeOf, isExtensible and preventExtensions traps through every
# built-in that asks (instanceof, isPrototypeOf, __proto__, freeze, seal
# and their tests), construct's newTarget, the invariants between a trap's
# answer and its target, and the same from an async function) run in Node prints exactly what its bundle prints in
# fcworker,
# in the default build and in the --portable one (but for for-in over a
# proxy, which only the default build takes through the runtime's helper). Needs node and the tool's
# node_modules.
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
my $cases = "$top/t/build-proxy/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^virtual entries: \[\["B_KEY","got:B_KEY"\],\["A_KEY","got:A_KEY"\]\]$/m, 'Node sees the keys the traps give');
like($node, qr/^async define: false$/m, 'Node got to the end');

for my $build ([], ['--portable']) {
    my $name = @$build ? 'the --portable bundle' : 'the bundle';
    my ($rc, $out) = run($tool, @$build, $cases, '-o', "$dir/cases.js");
    is($rc, 0, "fcworker-build @$build builds the cases") or diag($out);
    my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
    is($fcw_rc, 0, "$name runs in fcworker") or diag($fcw);
    if (@$build) {
        # a portable bundle's for-in is Duktape's, over a proxy's target
        my @want = grep { !/^for-in (?!plain)/ } split /\n/, $node;
        is_deeply([grep { !/^for-in (?!plain)/ } split /\n/, $fcw], \@want,
            "fcworker on $name prints what Node prints on the source, but for-in over proxies");
        next;
    }
    is($fcw, $node, "fcworker on $name prints what Node prints on the source");
    like(FcwTest::read_file("$dir/cases.js"), qr/\bfor\s*\(\s*var \w+ in \(0, _fcwK\)\(/, 'its for-in loops take their object through _fcwK');
}

done_testing();
