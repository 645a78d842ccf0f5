#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Explicit resource management (ES2026; js/14-explicit-resource.js):
# t/build-explicit-resource/cases.ts (`using` and `await using` as
# fcworker-build lowers them, two disposals that throw over a body that
# threw, an AsyncDisposableStack moved and disposed, adopt, defer, use
# after dispose, a subclass, an iterator's return() through
# Iterator.prototype[Symbol.dispose], `await using` over an async
# generator and over a stream's async iterator through
# %AsyncIteratorPrototype%[Symbol.asyncDispose], SuppressedError) built both ways
# prints expected.txt (from the specification: Node 20 has none of these).
# test262's DisposableStack, AsyncDisposableStack and SuppressedError tests
# run in t/test262.t. Needs node and the tool's node_modules.
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
my $expected = FcwTest::read_file("$top/t/build-explicit-resource/expected.txt");
for my $kind ('default', 'portable') {
    my @flags = $kind eq 'portable' ? ('--portable') : ();
    my ($rc, $out) = FcwTest::run_exit($dir, $tool, @flags, "$top/t/build-explicit-resource/cases.ts", '-o', "$dir/$kind.js");
    is($rc, 0, "the cases build ($kind)") or diag($out);
    my ($run_rc, $got) = FcwTest::run_exit($dir, FcwTest::jsrun(), "$dir/$kind.js");
    is($run_rc, 0, "they run ($kind)") or diag($got);
    is($got, $expected, "and print what the specification says ($kind)");
}
done_testing();
