#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# RegExp's legacy static properties (RegExp.$1-$9, input, lastMatch, ...:
# lib/api_regexp_statics.c): t/regexp-statics/cases.js, built with
# contrib/fcworker-build, prints t/regexp-statics/expected.txt in fcworker,
# and Node prints the same on the source. Needs node and the tool's
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
my $cases = "$top/t/regexp-statics/cases.js";
my $expected = FcwTest::read_file("$top/t/regexp-statics/expected.txt");

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, $cases, '-o', "$dir/cases.js");
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $expected, 'the bundle prints what expected.txt says');
my ($node_rc, $node) = run('node', $cases);
is($node, $expected, 'Node prints the same on the source');

done_testing();
