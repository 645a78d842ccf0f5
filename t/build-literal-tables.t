#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Literal tables past Duktape's 65,535 constants of a function
# (contrib/fcworker-build/lib/literal-tables.js): a module whose top level
# holds a vocabulary of 70,000 distinct strings (as gpt-tokenizer's does)
# and a table of 70,000 numbers is built, loads in fcworker ("RangeError:
# const limit" without the pass) and prints what Node prints on the
# source. Needs node and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my $tool = FcwTest::build_tool();
my $jsrun = FcwTest::jsrun();
my $dir = FcwTest::tmpdir();

my $words = join(",\n  ", map { $_ % 3 ? "\"w$_\"" : "[$_, \"b$_\"]" } 0 .. 69_999);
my $numbers = join(', ', map { $_ * 7 + 0.25 } 0 .. 69_999);
FcwTest::write_file("$dir/tables.mjs", <<"EOF2");
const vocabulary = [
  $words
];
const weights = [$numbers];
const index = new Map(vocabulary.map((w, i) => [Array.isArray(w) ? w[1] : w, i]));
const sum = weights.reduce((a, b) => a + b, 0);
const say = typeof print === 'function' ? print : console.log;
say([vocabulary.length, index.get('w69998'), JSON.stringify(vocabulary[69999]), weights.length, sum].join(' '));
EOF2
my ($rc, $out) = FcwTest::run_exit($dir, $tool, "$dir/tables.mjs", '-o', "$dir/tables.js");
is($rc, 0, 'the tables build') or diag($out);
my ($node_rc, $node) = FcwTest::run_exit($dir, 'node', "$dir/tables.mjs");
is($node_rc, 0, 'and run in Node') or diag($node);
my ($fcw_rc, $fcw) = FcwTest::run_exit($dir, $jsrun, "$dir/tables.js");
is($fcw_rc, 0, 'the bundle loads in fcworker') or diag($fcw);
is($fcw, $node, 'and prints what Node prints');

done_testing();
