#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Class fields joined into one call per run (contrib/fcworker-build's
# lib/define-fields.js, the runtime's native.defineFields in
# lib/api_builtins.c): t/build-define-fields/cases.js (public and private
# fields of every kind of value, a setter and getter on the prototype that
# fields must not call, values that read earlier fields, computed keys and
# static fields, a frozen base, a base returning a Proxy whose trap logs
# the definitions' order, a non-writable property redefined; `#x in o`,
# which contrib/fcworker-build/lib/private-in.js mends) run in Node
# prints exactly what its bundle prints in fcworker, with the runtime's
# helper and with the bundle's own fallback; runs are joined only where
# the values cannot observe anything; lines stay where they were;
# --portable builds and files naming the helper are left alone. Needs node
# and the tool's node_modules.
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
my $cases = "$top/t/build-define-fields/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, $cases, '-o', "$dir/cases.js", '--sourcemap');
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");
my ($line) = $bundle =~ /^"use strict";\n(.*)\n/m;
like($line // '', qr/\bvar _fcwDF = typeof __fcw_helpers === "object" .*__fcw_helpers\.defineFields \|\| function \(obj, kinds\)/,
    "the bundle's first line declares the helper");
like($bundle, qr/^\s*\(0, _fcwDF\)\(this, "fffff", "tag", void 0,\n\s*"props", void 0,\n\s*"key", void 0,\n\s*"children", void 0,\n\s*"isEscaped", true\);$/m,
    'a run of public fields is one call, each on its line');
like($bundle, qr/_fcwDF\)\(this, "ffffffffff", "a", 1,/, 'values of every pure kind join');
like($bundle, qr/_fcwDF\)\(this, "pfppf", _x, /, 'private fields join too');
# (a call of a top-level name is written `(0, f)(...)`: lib/call-constants.js)
like($bundle, qr/_define_property\)\(this, "a", \+\+counter\);\n\s*\(0, _define_property\)\(this, "b", this\.a \+ 1\);/,
    'values that do something stay statements of their own');
like($bundle, qr/_define_property\)\(this, _name1, 1\);/, 'a computed key stays');
like($bundle, qr/return _fcw_private_in\(_x, o\);/, '`#x in o` asks the helper');
like($bundle, qr/return _x\d*\.has\(1\);/, "a Set named like a key keeps its has");
unlike($bundle, qr/_fcwDF\(_class\b|_fcwDF\(Computed/, 'static fields stay');

my ($map_rc, $map, $lines) = FcwTest::mapped_lines($dir, "$dir/cases.js.map", "$dir/cases.js", $cases,
    'this.tag = tag;', ["out('many', total);", 'out)("many", total);']);
is($map_rc, 0, 'the map reads') or diag($map);
is($_->[1], $_->[2], "the map takes `$_->[0]` to its line") for @$lines;

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^end$/m, 'Node got to the end');
like($node, qr/^proxy one=1,two=two,three=undefined$/m, 'Node logs the trap in order');
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the source');

my $own = $bundle;
$own =~ s/__fcw_helpers\.defineFields \|\| function \(obj, kinds\)/null || function (obj, kinds)/ or die;
FcwTest::write_file("$dir/own.js", $own);
($fcw_rc, $fcw) = run($jsrun, "$dir/own.js");
is($fcw_rc, 0, 'the bundle runs with its own helper') or diag($fcw);
is($fcw, $node, 'and prints the same');

($rc, $out) = run($tool, '--portable', $cases, '-o', "$dir/portable.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
my $portable = FcwTest::read_file("$dir/portable.js");
unlike($portable, qr/_fcwDF/, 'a portable bundle keeps its statements');
like($portable, qr/return _fcw_private_in\(_x, o\);/, 'and has `#x in o` mended too');
my ($port_rc, $port) = run('node', "$dir/portable.js");
is($port_rc, 0, 'it runs in Node') or diag($port);
is($port, $node, 'and prints what the source prints');

# fcworker's BigInts are objects: `#x in` one still throws
FcwTest::write_file("$dir/bigint.js", "class P { #x = 1; static has(o) { return #x in o; } }\n" .
    "try { print('no error: ' + P.has(10n)); } catch (e) { print(e instanceof TypeError ? 'TypeError: ' + e.message : 'other'); }\n");
($rc, $out) = run($tool, "$dir/bigint.js", '-o', "$dir/bigint.out.js");
is($rc, 0, 'a brand check of a BigInt builds') or diag($out);
($rc, $out) = run($jsrun, "$dir/bigint.out.js");
is($out, "TypeError: Cannot use 'in' operator to search for a private member in bigint\n", 'and throws a TypeError');

FcwTest::write_file("$dir/named.js", "const _fcwDF = 'own';\nclass A { x = 1; y = _fcwDF; z = 3; }\nprint(JSON.stringify(new A()));\n");
($rc, $out) = run($tool, "$dir/named.js", '-o', "$dir/named.out.js");
is($rc, 0, 'a file naming _fcwDF builds') or diag($out);
like(FcwTest::read_file("$dir/named.out.js"), qr/_define_property\)\(this, "x", 1\);/, 'and is left alone');
($rc, $out) = run($jsrun, "$dir/named.out.js");
is($out, qq({"x":1,"y":"own","z":3}\n), 'and runs');

done_testing();
