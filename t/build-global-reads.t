#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build writes each read of a global built-in in a module's
# functions as `((_fcwT = _fcwG.X) !== void 0 ? _fcwT : X)`
# (contrib/fcworker-build/lib/global-reads.js): one property read of the
# global object instead of a walk through every scope. t/build-global-
# reads/cases.mjs (reads in nested functions, new, instanceof, calls, a
# global replaced, deleted, holding undefined, an accessor, names a
# parameter, a variable, a catch clause or the module binds, writes,
# typeof, a digest's hex; esbuild renames most names that would shadow a
# global, so those cases check the output) run in Node prints exactly what its bundle prints
# in fcworker, in the default build and in the --portable one, which keeps
# the names. A script that is no module keeps them too. Needs node and the
# tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my $dir = FcwTest::tmpdir();
my ($node, $text) = FcwTest::bundles_print_as_node($dir, FcwTest::top() . '/t/build-global-reads/cases.mjs');
like($node, qr/^a global deleted: a read throws: ReferenceError$/m, 'Node throws for a deleted global');
like($node, qr/^a digest's hex: 01ab$/m, 'Node got to the end');
my $reads = sub { my $n = () = ($_[0] // '') =~ /\(_fcwT = _fcwG\.\w+\) !== void 0 \? _fcwT : \w+\)/g; return $n };
cmp_ok($reads->($text->{default}), '>=', 20, 'the default bundle reads the built-ins through the global object');
like($text->{default} // '', qr/^\s*typeof Promise,$/m, 'typeof operands stay names');
like($text->{default} // '', qr/Date = 5;/, 'writes stay names');
is($reads->($text->{portable}), 0, 'the --portable bundle keeps the names');

# A script without a default export keeps them (its names are its wrapper's).
FcwTest::write_file("$dir/script.js", "addEventListener('fetch', (e) => e.respondWith(new Response(String(Array.isArray([])))));\n");
my ($rc, $log) = FcwTest::run_exit($dir, FcwTest::build_tool(), "$dir/script.js", '-o', "$dir/script.out.js");
is($rc, 0, 'fcworker-build builds a script') or diag($log);
is($reads->(FcwTest::read_file("$dir/script.out.js")), 0, 'a script that is no module keeps the names');

done_testing();
