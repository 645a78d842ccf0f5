#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Function and class names kept through the bundling, as wrangler keeps
# them (esbuild's keepNames, and contrib/fcworker-build's lib/keep-names.js
# dropping the calls that name a function what it is named anyway):
# t/build-keep-names/cases.mjs imports two modules whose names collide (an
# Error subclass naming itself after its constructor, functions, arrows, a
# default export) and loads one with import() (a class that refers to
# itself, an anonymous default class); Node on the sources prints exactly
# what the bundle prints in fcworker, and the bundle calls the helper only
# where a name would change, and never in a function that is called again
# (the closure the bundler renames keeps the bundle's name). Needs node and
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
my $cases = "$top/t/build-keep-names/cases.mjs";

sub run { return FcwTest::run_exit($dir, @_) }

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^ValidationError ValidationError ValidationError ValidationError ValidationError: z ValidationError$/m,
    'Node names both classes ValidationError');
like($node, qr/^Lazy Lazy default lazyFunction$/m, 'and those of the lazy module as written');

my ($rc, $out) = run($tool, $cases, '-o', "$dir/cases.js");
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the sources');

my $bundle = FcwTest::read_file("$dir/cases.js");
# (a call of a top-level name is written `(0, __name)(...)`: lib/call-constants.js)
my @calls = $bundle =~ /\b__name\)?\((\w+|function\b[\s\S]*?\}), "([\w ]+)"\)/g;
my %named;
while (my ($target, $name) = splice(@calls, 0, 2)) {
    $named{$name}++;
    next if $target =~ /^function/;
    isnt($target, $name, "no call names $target $name");
}
ok($named{$_}, "a call names the renamed $_") for qw(ValidationError describe arrow default Lazy);
ok(!$named{$_}, "no call names $_, which keeps its name") for qw(local method fn lazyFunction);
ok($named{'quoted key'}, 'a call names the function under a quoted key, which the lowering does not');
unlike($bundle, qr/__name\([^)]*"shadow"\)/, 'the renamed closure is left to the bundle\'s name');

($rc, $out) = run($tool, '--portable', $cases, '-o', "$dir/portable.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
my ($port_rc, $port) = run('node', "$dir/portable.js");
is($port_rc, 0, 'the portable bundle runs in Node') or diag($port);
is($port, $node, 'and prints what the sources print');

done_testing();
