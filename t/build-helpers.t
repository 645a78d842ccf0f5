#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The runtime's stand-ins for fcworker-build's helpers (js/15-build-helpers.js:
# generators, async functions, private brand checks, class fields): the
# lowered bundle of t/build-helpers/cases.js (built with --portable:
# generators and async functions as state machines) installs them in its
# first line, and must print exactly the same in fcworker as on SWC's own
# helpers, both in Node and in fcworker with __fcw_helpers removed; the
# default build (generators and async functions on fcworker's coroutines,
# lib/coroutines.js) must print the same in fcworker, and fail in Node with
# a message that says why. Needs node and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $top = FcwTest::top();
my $tool = FcwTest::build_tool();
my $jsrun = FcwTest::jsrun();
my $dir = FcwTest::tmpdir();

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, '--portable', "$top/t/build-helpers/cases.js", '-o', "$dir/cases.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");
my ($line) = $bundle =~ /^"use strict";\n(.*)\n/m;
for my $helper (qw(_async_to_generator _ts_generator _define_property _class_private_field_loose_base
    _sliced_to_array _to_consumable_array _object_spread _call_super)) {
    like($line // '', qr/\b\Q$helper\E = __fcw_helpers\./, "the bundle's first line installs the runtime's $helper");
}

like($line // '', qr/\bvar _fcw_private_field = .*__fcw_helpers\.privateField \|\| function/,
    "the bundle's first line declares the private field helper, with a fallback");
my $fields = () = $bundle =~ /_fcw_private_field +\(/g;
cmp_ok($fields, '>=', 6, "the private fields' definitions call it ($fields)");
like($line // '', qr/\bvar _fcw_async_run = .*__fcw_helpers\.asyncRun \|\| function \(fn\) \{ return _async_to_generator\(fn\)\(\); \};/,
    "the bundle's first line declares the async run helper, with a fallback");
my $runs = () = $bundle =~ /_fcw_async_run +\(function\(\) \{|return _fcw_async_gen\( +function\(_state\)/g;
cmp_ok($runs, '>=', 5, "the async functions' calls of _async_to_generator(...)() use it or _fcw_async_gen ($runs)");
like($line // '', qr/\bvar _fcw_async_gen = .*__fcw_helpers\.asyncGen \|\| function \(body\)/,
    "the bundle's first line declares the async start helper, with a fallback");
like($bundle, qr/function a1\(\) \{ "use duk notail";\n\s*\{ +\n\s*return _fcw_async_gen\( +function\(_state\) \{ "use duk notail";\n/,
    'an async function with no variables of its own starts its body with _fcw_async_gen, in a block');
like($bundle, qr/\{ +\n\s*var [\w\$, ]+;\n\s*return _fcw_async_gen\( +function\(_state\)/,
    "one with variables keeps them in the block, as the function's own");
unlike($bundle, qr/_async_to_generator\(function\(\) \{[^\n]*\n(?:(?!\n\s*\}\)).*\n)*?\s*\}\)\(\);/,
    'no such call is left as SWC wrote it');
unlike($bundle =~ s/\A(?:.*\n){3}//r, qr/Object\.defineProperty\([^\n]*\{\n\s*writable: true,\n\s*value: /,
    'no private field definition is left as SWC wrote it');

my ($node_rc, $node) = run('node', "$dir/cases.js");
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^async trace:/m, 'Node got to the async part');
like($node, qr/^field on frozen/m, 'Node got to the end');

# jsrun: the harness first (print), then the bundle as a global program
FcwTest::write_file("$dir/without.js", "delete globalThis.__fcw_helpers;\n");
FcwTest::write_file("$dir/check.js", "print('helpers: ' + typeof __fcw_helpers);\n");
my ($with_rc, $with) = run($jsrun, "$dir/check.js", "$dir/cases.js");
is($with_rc, 0, 'the cases run in fcworker') or diag($with);
like($with, qr/^helpers: object\n/, 'with the runtime helpers');
$with =~ s/^helpers: object\n//;
is($with, $node, 'fcworker on the runtime helpers prints what Node prints on SWC\'s');

my ($without_rc, $without) = run($jsrun, "$dir/without.js", "$dir/check.js", "$dir/cases.js");
is($without_rc, 0, 'the cases run in fcworker without the runtime helpers') or diag($without);
like($without, qr/^helpers: undefined\n/, 'without them');
$without =~ s/^helpers: undefined\n//;
is($without, $node, 'fcworker on SWC\'s helpers prints the same');

# the default build: coroutines
($rc, $out) = run($tool, "$top/t/build-helpers/cases.js", '-o', "$dir/co.js");
is($rc, 0, 'fcworker-build builds the cases for coroutines') or diag($out);
my $co = FcwTest::read_file("$dir/co.js");
unlike($co, qr/\b_ts_generator\(this,|function\s*\*/, 'no state machine and no generator is left');
# (the body inline, or moved out with the names it takes: lib/hoist-closures.js)
my $co_runs = () = $co =~ /\breturn _fcw_co_async\((?:void 0|this|_this\d*), (?:void 0|arguments|\[[\w\$, ]*\]), (?:function\(\) \{ "use duk notail";\n|_fcw_hoisted_\d+_\w+)/g;
cmp_ok($co_runs, '>=', 5, "the async functions run their bodies on coroutines ($co_runs)");
my ($co_rc, $co_out) = run($jsrun, "$dir/co.js");
is($co_rc, 0, 'the coroutine build runs in fcworker') or diag($co_out);
# yield* of an iterator without throw(): SWC's helper hands the exception
# to the generator; the spec (and V8's own generators) close the iterator
# and throw a TypeError, as the coroutines do
(my $co_expected = $node) =~ s/^(delegate without throw\(\): .*?"caught )T"/$1TypeError: The iterator does not provide a 'throw' method."/m;
isnt($co_expected, $node, 'the delegate line is there to differ');
is($co_out, $co_expected, 'and prints what Node prints (but for that line)');
my ($co_node_rc, $co_node) = run('node', "$dir/co.js");
isnt($co_node_rc, 0, 'the coroutine build fails in Node');
like($co_node, qr/built by fcworker-build for fcworker: it needs fcworker's runtime/, 'saying why');

# the helpers' own contracts, on values the lowering never passes
FcwTest::write_file("$dir/contract.js", <<'JS');
var h = __fcw_helpers, r = [];
function t(f) { try { r.push(String(f())); } catch (e) { r.push(e.name); } }
var o = { k: 1 };
t(function () { return h.privateBase(o, 'k') === o; });
t(function () { return h.privateBase(Object.create(o), 'k'); });
t(function () { return h.privateBase(undefined, 'k'); });
t(function () { return h.privateBase('str', 'length'); });
t(function () { var x = {}; return h.defineField(x, 'a', 2) === x && x.a; });
t(function () { return h.defineField(5, 'a', 2); });
t(function () { var x = Object.freeze({}); return h.defineField(x, 'a', 2); });
t(function () { var p = { set a(v) { throw new Error('setter ran'); } };
                var x = Object.create(p); h.defineField(x, 'a', 3);
                return Object.getOwnPropertyDescriptor(x, 'a').enumerable && x.a; });
t(function () { var g = h.generator(null, function () { return [2, 'v']; }); return g.next().value; });
t(function () { var g = h.generator(null, function () { return [2]; }); return g.next.call({}); });
t(function () { return Object.isFrozen(h); });
print(r.join(' '));
JS
my ($c_rc, $contract) = run($jsrun, "$dir/contract.js");
is($c_rc, 0, 'contract checks run') or diag($contract);
is($contract, "true TypeError TypeError TypeError 2 TypeError TypeError 3 v TypeError true\n",
    'privateBase, defineField and generator on odd values');

done_testing();
