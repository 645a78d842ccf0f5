#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build checks a private member of `this` once per function and
# key (contrib/fcworker-build/lib/private-base.js): the later checks of a
# call read a local variable the first set. t/build-private-base/cases.js
# (fields, a getter with ??=, private methods and statics, branches, a
# loop, arrow functions inside, a check that threw first, non-instances,
# an object inheriting from an instance, a half-made object that has one
# field and not the next, subclasses, awaits in between) run in Node prints
# exactly what its bundle prints in fcworker, in the default build and in
# the --portable one, which keeps every check. Needs node and the tool's
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
my $cases = "$top/t/build-private-base/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^its missing field checked twice: TypeError$/m, 'Node throws for the field a half-made object lacks');
like($node, qr/^an async method on a non-instance: TypeError$/m, 'Node got to the end');

for my $build ([], ['--portable']) {
    my $name = @$build ? 'the --portable bundle' : 'the bundle';
    my ($rc, $out) = run($tool, @$build, $cases, '-o', "$dir/cases.js");
    is($rc, 0, "fcworker-build @$build builds the cases") or diag($out);
    my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
    is($fcw_rc, 0, "$name runs in fcworker") or diag($fcw);
    is($fcw, $node, "fcworker on $name prints what Node prints on the source");
    my $text = FcwTest::read_file("$dir/cases.js");
    my $cached = () = $text =~ /\(_fcwPB\d+ \|\| \(_fcwPB\d+ = /g;
    if (@$build) {
        is($cached, 0, "$name checks every time");
        next;
    }
    cmp_ok($cached, '>=', 20, "checks after a first one read its variable ($cached)");
    unlike($text, qr/\{\s*var _fcwPB\d+[^\n]*\n\s*"use (?:strict|duk notail)"/,
        'no variable comes before a directive');
}

done_testing();
