#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The ES2023-2025 library (js/14-es2025.js: Array.fromAsync, the iterator
# helpers, the Set methods, Object.groupBy) and Error.captureStackTrace
# (js/14-errors.js) used from modern source as fcworker-build lowers it:
# t/build-es2025/cases.js (an async generator of the lowering fed to
# Array.fromAsync, helpers over a generator, a class extending Error that
# calls Error.captureStackTrace, one extending DOMException that
# Error.isError tells an error), built by default (coroutines) and with
# --portable (state machines), prints t/build-es2025/expected.txt in
# fcworker; so does Node on the source when it has these functions (22 and
# later). Needs node and the tool's node_modules.
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
my $cases = "$top/t/build-es2025/cases.js";
my $expected = FcwTest::read_file("$top/t/build-es2025/expected.txt");

sub run { return FcwTest::run_exit($dir, @_) }

for my $build ([default => ()], [portable => '--portable']) {
    my ($name, @options) = @$build;
    my ($rc, $out) = run($tool, @options, $cases, '-o', "$dir/$name.js");
    is($rc, 0, "fcworker-build builds the cases ($name)") or diag($out);
    my ($fcw_rc, $fcw) = run($jsrun, "$dir/$name.js");
    is($fcw_rc, 0, "the $name bundle runs in fcworker") or diag($fcw);
    is($fcw, $expected, "the $name bundle prints what expected.txt says");
}

SKIP: {
    my ($probe_rc) = run('node', '-e', 'process.exit(typeof Array.fromAsync === "function" && typeof Iterator === "function" && typeof new Set().union === "function" ? 0 : 1)');
    skip 'this Node lacks Array.fromAsync, Iterator or the Set methods', 1 if $probe_rc != 0;
    my ($node_rc, $node) = run('node', $cases);
    is($node, $expected, 'Node prints the same on the source');
}

done_testing();
