#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Functions that are no constructors in the source keep that after the ES5
# lowering: fcworker-build marks arrow functions, methods, accessors and
# async functions with the directive "use duk notail"
# (contrib/fcworker-build/lib/non-constructors.js) and fcworker makes their
# closures non-constructors without a `prototype` (fcw_duk_apply_marks,
# lib/duk_hooks.c). t/build-marks/cases.js, run as it is in Node, prints
# exactly what its bundle prints in fcworker (generators and async functions
# on fcworker's coroutines, and with --portable as state machines); the
# --portable bundle still runs in Node;
# and a worker's marks hold in a pool (its script compiled once, loaded by
# the child) and in CGI mode with and without the bytecode cache. Needs
# node and the tool's node_modules.
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

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, "$top/t/build-marks/cases.js", '-o', "$dir/cases.js");
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");
my $marks = () = $bundle =~ /"use duk notail";/g;
cmp_ok($marks, '>=', 40, "the bundle has its marks ($marks)");
like($bundle, qr/var arrow = function arrow\(a, b\) \{\n\s*"use duk notail";\n\s*return a \+ b;\n\};/,
    'an arrow function with an expression body gets a block with the mark');
like($bundle, qr/_fcw_co_async\([^,]+, [^,]+, function\(\) \{ "use duk notail";\n/,
    'the body of an async function (its coroutine) is marked');
like($bundle, qr/function generator\(\) \{ return _fcw_co_gen\(this, arguments, function \(\) \{ "use duk notail";\n/,
    "so is a generator's body, but not the generator function (it has a prototype property)");
like($bundle, qr/function asyncDecl\(x\) \{ "use duk notail";\n/, 'and the lowered async function');
like($bundle, qr/var asyncSelf = function again\(n\) \{\n/,
    'but not a named async function expression that calls itself by its name');
like($bundle, qr/function F\(\) \{\n/, 'nor a function declaration');
like($bundle, qr/var _loop\d* = function\([^)]*\) \{ "use duk notail";\n/,
    "the function of SWC's block scoping for a loop whose bindings a closure captures (only ever called)");

# with --portable: the state machines' functions
($rc, $out) = run($tool, '--portable', "$top/t/build-marks/cases.js", '-o', "$dir/portable.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
my $portable = FcwTest::read_file("$dir/portable.js");
like($portable, qr/_async_to_generator\(function\(\) \{ "use duk notail";\n/,
    'the function given to _async_to_generator is marked at the end of its first line');
like($portable, qr/_ts_generator\(this, function\(_state\) \{ "use duk notail";\n/, 'so is the body given to _ts_generator');
like($portable, qr/function asyncDecl\(x\) \{ "use duk notail";\n/, 'and the lowered async function');
like($portable, qr/var asyncSelf = function again\(n\) \{\n/,
    'but not a named async function expression that calls itself by its name');
like($portable, qr/function generator\(\) \{\n/, 'nor a generator function (it has a prototype property)');

my ($node_rc, $node) = run('node', "$top/t/build-marks/cases.js");
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^arrow: TypeError, prototype false/m, 'Node: an arrow function is no constructor');
like($node, qr/^end$/m, 'Node got to the end');

my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the source');

my ($p_rc, $p_fcw) = run($jsrun, "$dir/portable.js");
is($p_rc, 0, 'the --portable bundle runs in fcworker') or diag($p_fcw);
is($p_fcw, $node, 'and prints the same');
my ($bundle_rc, $in_node) = run('node', "$dir/portable.js");
is($bundle_rc, 0, 'the --portable bundle runs in Node too (the marks are only directives)') or diag($in_node);
like($in_node, qr/^end$/m, 'to its end');

# a worker: in a pool, and in CGI mode with and without the cache
FcwTest::write_file("$dir/worker.js", <<'JS');
const kind = (f) => {
  try {
    new f();
    return 'constructor';
  } catch (e) {
    return e.constructor.name;
  }
};
class Counter {
  n = 0;
  bump = () => ++this.n;
  get value() { return this.n; }
}
export default {
  async fetch(request) {
    const c = new Counter();
    c.bump();
    const answer = async () => 1;
    const parts = [kind(() => 1), kind(c.bump), kind(answer), kind(this.fetch), kind(Counter), 'prototype' in c.bump,
      c.value, await answer()];
    return new Response(parts.join(' '));
  }
};
JS
($rc, $out) = run($tool, "$dir/worker.js", '-o', "$dir/worker.out.js");
is($rc, 0, 'fcworker-build builds the worker') or diag($out);
my $want = 'TypeError TypeError TypeError TypeError constructor false 1 1';

my $pool = FcwTest::start_pool(script => "$dir/worker.out.js", children => 1);
is($pool->request(uri => '/')->{body}, $want, 'in a pool: the marks hold in a child that loaded the compiled script');
$pool->stop;

sub run_cgi { my (undef, $body, $err) = FcwTest::run_cgi("$dir/worker.out.js", @_); return ($body, $err) }
my ($body, $err) = run_cgi(FCW_CGI_CACHE => "$dir/cache");
is($body, $want, 'CGI, compiled and cached') or diag($err);
($body, $err) = run_cgi(FCW_CGI_CACHE => "$dir/cache");
is($body, $want, 'CGI, loaded from the cache') or diag($err);

done_testing();
