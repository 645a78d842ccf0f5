#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Float16Array (ES2025; js/18-float16-array.js) from lowered source:
# t/build-float16-array/cases.ts (a class extending it, the species, for-of,
# spread, destructuring, Array.from, conversions to and from other typed
# arrays, its bytes, JSON) built both ways prints expected.txt (from the
# specification: Node 20 has no Float16Array). t/js/float16-array.js tests
# the rest. Needs node and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my $top = FcwTest::top();
my $tool = FcwTest::build_tool();
my $dir = FcwTest::tmpdir();
my $expected = FcwTest::read_file("$top/t/build-float16-array/expected.txt");
for my $kind ('default', 'portable') {
    my @flags = $kind eq 'portable' ? ('--portable') : ();
    my ($rc, $out) = FcwTest::run_exit($dir, $tool, @flags, "$top/t/build-float16-array/cases.ts", '-o', "$dir/$kind.js");
    is($rc, 0, "the cases build ($kind)") or diag($out);
    my ($run_rc, $got) = FcwTest::run_exit($dir, FcwTest::jsrun(), "$dir/$kind.js");
    is($run_rc, 0, "they run ($kind)") or diag($got);
    is($got, $expected, "and print what the specification says ($kind)");
}
done_testing();
