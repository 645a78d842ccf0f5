#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The step of a lowered for-of (contrib/fcworker-build/lib/for-of.js): the
# default build calls each loop's `_iterator.next()` through the runtime's
# __fcw_helpers.iterStep (lib/duk_hooks.c), which steps the runtime's array
# iterator over an array in place; and where the body reads the step's
# value first, the loop reads an array's elements by index when
# __fcw_helpers.iterFast says the array iterator would do just that. t/build-for-of/cases.js (arrays with
# holes, getters, growing and shrinking; break, continue, return and throw;
# other iterables, closed on break; a next or Symbol.iterator replaced; a
# frozen iterator; what is not iterable; a `return` on the iterators'
# prototypes, a next replaced while a loop runs, arrays of other
# prototypes, labels, closures, setters, generators and awaits in the body)
# run in Node prints exactly what its bundle prints in fcworker, again with
# the index form taken away, and with the step too (the bundle's own
# `it.next()`); a loop over `arguments` (which Duktape's
# arguments objects cannot give an iterator for) takes the array iterator;
# the --portable build is left alone; the bundle keeps every line where it
# was. Needs node and the tool's node_modules.
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
my $cases = "$top/t/build-for-of/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, $cases, '-o', "$dir/cases.js", '--sourcemap');
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");
my ($line) = $bundle =~ /^"use strict";\n(.*)\n/m;
like($line // '', qr/\bvar _fcwS = typeof __fcw_helpers === "object" .*__fcw_helpers\.iterStep \|\| function \(it\) \{ return it\.next\(\); \};/,
    "the bundle's first line declares the step");
like($bundle, qr/_iterator\d* = \[\]\.values\.call\(arguments\) +,/, 'a loop over arguments takes the array iterator');
like($bundle, qr/_iterator\d* = \[\]\.values\.call\(_arguments\d*\) +,/, 'so does one over an arrow function\'s');
like($line // '', qr/\bvar _fcwF = typeof __fcw_helpers === "object" .*__fcw_helpers\.iterFast \|\| function \(\) \{\};/,
    'and the test of the index form');
my $steps = () = $bundle =~ /\(_step\d* = (?:\(0, )?_fcwS\)?\(_iterator\d*\)\)\.done/g;
cmp_ok($steps, '>=', 12, "the loops step through it ($steps)");
unlike($bundle, qr/\(_step\d* = _iterator\d*\.next\(\)\)\.done/, 'no loop calls next itself');
# the index form: the loop keeps the iterable, asks the runtime whether it
# may index it, and reads the element where the body read the step's value
my $indexed = () = $bundle =~ /for\(var (_fcwA_iterator\d*) = .*?, (_fcwI_iterator\d*) = \((_iterator\d*) = \(0, _fcwF\)\(\1\)\) \? 0 : -1, \3 = \2 \? \1\[Symbol\.iterator\]\(\) : \3, (_step\d*); \2 < 0 \? !\((_iteratorNormalCompletion\d*) = \(\4 = \(0, _fcwS\)\(\3\)\)\.done\) && \(\4 = \4\.value, true\) : !\(\5 = \2 >= \1\.length\) && \(\4 = \1\[\2\+\+\], true\);/g;
cmp_ok($indexed, '>=', 20, "loops take the index form ($indexed)");
# (the function, given the variables it reads as parameters by
# lib/loop-params.js, is then often moved out by lib/hoist-closures.js)
like($bundle, qr/(?:var _loop\d* = function|function _fcw_hoisted_\d+__loop\d*)\([\w, ]*\) \{(?: "use duk notail";)?\n\s*var y = _step\d* {6};/,
    "a body in a function reads the element (closures of let)");
like($bundle, qr/^\s*o\.p = _step\d* {6};$/m, 'an assignment target reads it');

# the edit keeps lines and columns: the map takes a loop's body to its line
my ($map_rc, $map, $lines) = FcwTest::mapped_lines($dir, "$dir/cases.js.map", "$dir/cases.js", $cases,
    'reads++;', 'if (a.length < 5) a.push(x * 10)');
is($map_rc, 0, 'the map reads') or diag($map);
is($_->[1], $_->[2], "the map takes `$_->[0]` to its line") for @$lines;

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^a long loop: 49995000$/m, 'Node got to the end');
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the source');

# without the index form: every loop steps its iterator
my $stepped = $bundle;
$stepped =~ s/__fcw_helpers\.iterFast \|\| function \(\)/null || function ()/ or die;
FcwTest::write_file("$dir/stepped.js", $stepped);
($fcw_rc, $fcw) = run($jsrun, "$dir/stepped.js");
is($fcw_rc, 0, 'the bundle runs without the index form') or diag($fcw);
# a step looks `next` up each time, as SWC's own step does (the
# specification takes it once, when the loop starts; so does the index form)
my $late_next = qr/^next replaced while the loop runs is not called/;
is_deeply([grep { !/$late_next/ } split /\n/, $fcw], [grep { !/$late_next/ } split /\n/, $node],
    'and prints what Node prints (but for a next replaced while a loop runs)');

# without the runtime's step and test: the bundle's own fallbacks
my $plain = $stepped;
$plain =~ s/__fcw_helpers\.iterStep \|\| function \(it\)/null || function (it)/ or die;
FcwTest::write_file("$dir/plain.js", $plain);
($fcw_rc, $fcw) = run($jsrun, "$dir/plain.js");
is($fcw_rc, 0, 'the bundle runs without the runtime step') or diag($fcw);
my @node = split /\n/, $node;
my @plain = split /\n/, $fcw;
# SWC's own step reads `done` of whatever next returned: no TypeError there
is_deeply([grep { !/^a next that returns no object|$late_next/ } @plain], [grep { !/^a next that returns no object|$late_next/ } @node],
    'and prints the same but for the one check the runtime step adds');
like($fcw, qr/^a next that returns no object: undefined$/m, '(SWC\'s step does not check the result)');

($rc, $out) = run($tool, '--portable', $cases, '-o', "$dir/portable.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
my $portable = FcwTest::read_file("$dir/portable.js");
unlike($portable, qr/_fcwS/, 'a portable bundle has no runtime step');
my $portable_loops = () = $portable =~ /\(_step\d* = _iterator\d*\.next\(\)\)\.done/g;
cmp_ok($portable_loops, '>=', 12, "its loops call next ($portable_loops)");

# a file that names the helper is left alone
FcwTest::write_file("$dir/named.js", "const _fcwS = 1;\nconst a = [1, 2];\nfor (const x of a) print(x + _fcwS);\n");
($rc, $out) = run($tool, "$dir/named.js", '-o', "$dir/named.out.js");
is($rc, 0, 'a file naming _fcwS builds') or diag($out);
my $named = FcwTest::read_file("$dir/named.out.js");
like($named, qr/\(_step = _iterator\.next\(\)\)\.done/, 'and keeps its next calls');
($rc, $out) = run($jsrun, "$dir/named.out.js");
is($out, "2\n3\n", 'and runs');

# a variable of the source named like the lowering's `_arguments`, holding a
# Map: left alone
FcwTest::write_file("$dir/args.js", <<'JS');
const _arguments = new Map([['k', 'v']]);
for (const e of _arguments) print(e.join('='));
function f() { const g = () => { for (const y of arguments) print('arg ' + y); }; g(); }
f(1);
JS
($rc, $out) = run($tool, "$dir/args.js", '-o', "$dir/args.out.js");
is($rc, 0, 'a file with its own _arguments builds') or diag($out);
unlike(FcwTest::read_file("$dir/args.out.js"), qr/\[\]\.values\.call\(_arguments\)/, 'its _arguments is not taken for arguments');
($rc, $out) = run($jsrun, "$dir/args.out.js");
like($out, qr/^k=v$/m, 'and its Map is iterated as a Map');

done_testing();
