#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The names of class expressions without one of their own
# (contrib/fcworker-build's lib/class-names.js): t/build-class-names/cases.js
# (anonymous classes as arguments, mixins and array elements; classes named
# by a declaration, an assignment, a property, a default value or a class
# field that have static fields or blocks or private members, which SWC
# builds as `_class`; static `name` methods, getters and fields) run in
# Node prints exactly what its bundle prints in fcworker, and so does the
# --portable bundle in Node. Needs node and the tool's node_modules.
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
my $cases = "$top/t/build-class-names/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^mixin: \[\]$/m, 'Node names an anonymous class ""');
like($node, qr/^the field read: \[T\]$/m, 'and a static field reads the name of the declaration');

my ($rc, $out) = run($tool, $cases, '-o', "$dir/cases.js");
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the source');
my $bundle = FcwTest::read_file("$dir/cases.js");
unlike($bundle, qr/defineProperty\(\w+, "name", \{\s*value: "Plain"/, 'a class SWC names itself is left alone');

($rc, $out) = run($tool, '--portable', $cases, '-o', "$dir/portable.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
my ($port_rc, $port) = run('node', "$dir/portable.js");
is($port_rc, 0, 'the portable bundle runs in Node') or diag($port);
is($port, $node, 'and prints what the source prints');

done_testing();
