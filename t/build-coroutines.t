#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Generators and async functions on fcworker's coroutines: fcworker-build's
# default output (contrib/fcworker-build/lib/coroutines.js) runs their bodies
# as plain functions on Duktape threads of the runtime (js/15-build-helpers.js).
# t/build-coroutines/cases.js (the generator protocol: next/throw/return
# through try/catch/finally, yield*, the ways code iterates, a comma
# expression as the operand of yield and await; async functions,
# their order of reactions, awaits of settled values by bodies in step and
# with jobs between them, a recursion 2000 deep, async generators) run as it
# is in Node prints exactly what its bundle prints in fcworker; the bundle
# keeps every line where it was; a worker's generators and async handler
# answer in a pool and in CGI mode, with and without the bytecode cache.
# Needs node and the tool's node_modules.
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

my ($rc, $out) = run($tool, "$top/t/build-coroutines/cases.js", '-o', "$dir/cases.js", '--sourcemap');
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");
unlike($bundle, qr/function\s*\*|_ts_generator\(this,/, 'no generator function or state machine is left');
my $gens = () = $bundle =~ /return _fcw_co_gen\(this, arguments, function \([\w\$, ]*\) \{ "use duk notail";/g;
cmp_ok($gens, '>=', 15, "generator functions run their bodies on coroutines ($gens)");
my $asyncs = () = $bundle =~ /_fcw_co_async\((?:[^,\n]+, [^,\n]+|[^,\n]+, \[[^\]\n]*\]), (?:function\(\) \{ "use duk notail";|_fcw_hoisted_\d+_\w+)/g;
cmp_ok($asyncs, '>=', 10, "async functions too ($asyncs)");
my $moved = () = $bundle =~ /^function _fcw_hoisted_\d+_\w+\([\w\$, ]*\) \{ "use duk notail";/mg;
cmp_ok($moved, '>=', 10, "most of their bodies moved out of them, taking what they use as parameters ($moved)");
my @nows = $bundle =~ /function (now\w+)\([^)]*\) \{ "use duk notail";\n\s*(?:var [^\n]*\n\s*)*return _fcw_co_now\(/g;
is_deeply([sort @nows], [sort qw(nowValue nowThrows nowPromise nowThenable nowThis nowNested)],
    'those without an await of their own run their bodies without one') or diag("@nows");
like($bundle, qr/function _fcw_hoisted_\d+_inner\d*\(y\) \{ "use duk notail";\n\s*return _fcw_co_async\(/,
    'but an async function inside one, with an await, has its coroutine');
my $catches = () = $bundle =~ /catch \(\w+\) \{ _fcw_co_catch\(\w+\);/g;
cmp_ok($catches, '>=', 5, "a generator's catch blocks let its return() through ($catches)");

# the map still takes each line of the bundle to the line it came from
my ($map_rc, $map, $lines) = FcwTest::mapped_lines($dir, "$dir/cases.js.map", "$dir/cases.js",
    "$top/t/build-coroutines/cases.js", ['const x = yield a;', 'x = (0, _fcw_yield)(a)'],
    ["log.push('BAD after try');", 'log.push("BAD after try")'], ['s += await i;', 's += (0, _fcw_yield)(i)'],
    ['const r = yield* inner();', 'r = (0, _fcw_yield_star)((0, inner)())']);
is($map_rc, 0, 'the map reads') or diag($map);
is($_->[1], $_->[2], "the map takes `$_->[0]` to its line") for @$lines;

my ($node_rc, $node) = run('node', "$top/t/build-coroutines/cases.js");
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^recursion 2000 deep: 2000$/m, 'Node got to the async part');
like($node, qr/^await in a generator's consumer: /m, 'Node got to the end');
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the source');

# a worker: in a pool, and in CGI mode with and without the cache
FcwTest::write_file("$dir/worker.js", <<'JS');
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const take = (n, it) => { const r = []; for (const v of it) { if (r.length >= n) break; r.push(v); } return r; };
const later = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 1));
async function sum(list) { let s = 0; for (const v of list) s += await later(v); return s; }
export default {
  async fetch(request) {
    const n = Number(new URL(request.url).searchParams.get('n') || '5');
    const f = take(n, fib());
    try { await (async () => { await later(); throw new Error('inner'); })(); } catch (e) { f.push(e.message); }
    return new Response(`${f.join(',')} sum=${await sum(f.filter((x) => typeof x === 'number'))}\n`);
  },
};
JS
($rc, $out) = run($tool, "$dir/worker.js", '-o', "$dir/worker.out.js");
is($rc, 0, 'fcworker-build builds the worker') or diag($out);
my $want = "0,1,1,2,3,5,8,inner sum=20\n";

my $pool = FcwTest::start_pool(script => "$dir/worker.out.js", children => 1);
for my $i (1 .. 3) {
    my $res = $pool->request(uri => '/?n=7');
    is($res->{body}, $want, "in a pool: a child answers (request $i)");
}
$pool->stop;

sub run_cgi {
    my (undef, $body, $err) = FcwTest::run_cgi("$dir/worker.out.js", REQUEST_URI => '/?n=7', QUERY_STRING => 'n=7', @_);
    return ($body, $err);
}
my ($body, $err) = run_cgi();
is($body, $want, 'CGI') or diag($err);
($body, $err) = run_cgi(FCW_CGI_CACHE => "$dir/cache");
is($body, $want, 'CGI, compiled and cached') or diag($err);
($body, $err) = run_cgi(FCW_CGI_CACHE => "$dir/cache");
is($body, $want, 'CGI, loaded from the cache') or diag($err);

done_testing();
