#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Default and rest parameters without an arguments object
# (contrib/fcworker-build/lib/hidden-params.js, and apply_formals_mark of
# lib/duk_hooks.c): a function whose lowered parameters read `arguments`
# gets them as formals `_fcwD$K` of its own, and the loader keeps its
# `length` and drops its arguments object. t/build-hidden-params/cases.js
# (defaults before and after others, only defaults, arrows, class
# constructors and methods, derived classes, rest arrays read at indexes,
# used whole, written, called as methods or passed on, copied where it
# may not run, `arguments` read
# besides, nested closures, accessors, destructured defaults, async
# functions and generators, bound, called, applied and spread calls, a
# default that throws, the parameters' scope) run in Node prints exactly
# what its bundle prints in fcworker; the functions edited make no
# arguments object, those that need one still do; lines stay where they
# were. t/build-hidden-params/worker.js (direct eval included) answers the
# same in a pool and in CGI mode, from its source and from the bytecode
# cache. --portable builds and files naming `_fcwD$` are left alone.
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
my $cases = "$top/t/build-hidden-params/cases.js";

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, $cases, '-o', "$dir/cases.js", '--sourcemap');
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");

like($bundle, qr/^function aborted\(x, _fcwD\$1\) \{\n\s*var startIndex = _fcwD\$1 !== void 0 \? _fcwD\$1 : 0;$/m,
    'a default parameter becomes a formal of its own');
like($bundle, qr/var b = _fcwD\$1 !== void 0 \? _fcwD\$1 : a \+ 1, c2? = _fcwD\$2;/, 'so does one after it');
like($bundle, qr/^function none\(_fcwD\$0, _fcwD\$1\) \{$/m, 'and those of a function with no other');
like($bundle, qr/^function fetchLike\(request, _fcwD\$1, _fcwD\$2\) \{\n\s+\n/m,
    'a rest array read at indexes becomes formals, its loop blanked');
like($bundle, qr/^\s+request,\n\s+_fcwD\$2,\n\s+_fcwD\$1\n/m, 'its reads read them');
for my $name (qw(restLen restCall restWrite restPassed)) {
    like($bundle, qr/function \Q$name\E\([^)]*\) \{\n\s*for\(var _len\d* = arguments\.length/, "$name keeps its loop");
}
like($bundle, qr/function restLater\(a\) \{\n\s*if \(a\) \{\n\s*for\(var _len\d* = arguments\.length/, 'so does a copy that may not run');
like($bundle, qr/function usesArgs\(a\) \{\n\s*var b = arguments\.length > 1 &&/, 'a function reading arguments itself keeps it');
my $ends = () = $bundle =~ /; return; arguments; \}/g;
cmp_ok($ends, '>=', 15, "edited functions end in the unreachable arguments ($ends)");

# lines stay: the map takes a line of an edited function to its line
my ($map_rc, $map, $lines) = FcwTest::mapped_lines($dir, "$dir/cases.js.map", "$dir/cases.js", $cases,
    'return a + b();', 'this.m = match.length;', 'return first() + ');
is($map_rc, 0, 'the map reads') or diag($map);
is($_->[1], $_->[2], "the map takes `$_->[0]` to its line") for @$lines;

my ($node_rc, $node) = run('node', $cases);
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^end$/m, 'Node got to the end');
FcwTest::write_file("$dir/probe.js", <<'JS');
var f = globalThis.hiddenParamsCases;
print(Object.keys(f).map(function (k) { return k + ' ' + createsArguments(f[k]); }).join('\n'));
JS
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js", "$dir/probe.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
my ($printed, $probe) = split /(?<=^end\n)/m, $fcw, 2;
is($printed, $node, 'fcworker on the bundle prints what Node prints on the source');
my %creates = map { split / / } split /\n/, $probe // '';
my @needs = qw(restLen restCall restWrite restPassed restLater usesArgs);
my @edited = grep { my $n = $_; !grep { $_ eq $n } @needs } sort keys %creates;
cmp_ok(scalar @edited, '>=', 15, 'the probe sees the functions') or diag($probe);
is_deeply([grep { $creates{$_} ne 'false' } @edited], [], 'the edited functions make no arguments object');
is_deeply([map { $creates{$_} } @needs], [('true') x @needs], 'those that need one still do');

# a worker, in a pool and in CGI mode (its source, then the cached bytecode)
my $want = join '', map { "$_\n" }
    'aborted 1 1 3', 'dispatch 1 object|e| object|e|c', 'Req 1 / 2', 'withEval 1 2 8', 'fetch 1 2';
($rc, $out) = run($tool, "$top/t/build-hidden-params/worker.js", '-o', "$dir/worker.js");
is($rc, 0, 'fcworker-build builds the worker') or diag($out);
my $worker = FcwTest::read_file("$dir/worker.js");
like($worker, qr/function withEval\(a\) \{\n\s*var b = arguments\.length > 1 &&/, 'a function with eval is left alone');
like($worker, qr/function dispatch\(request, _fcwD\$1, _fcwD\$2\)/, 'the others are edited');
my $pool = FcwTest::start_pool(script => "$dir/worker.js");
my $r = $pool->request(uri => '/');
is($r->{status}, 200, 'the pool answers');
is($r->{body}, $want, 'with the lengths and results of the source');
$pool->stop;
my $cache = "$dir/cgi-cache";
for my $round ('from its source', 'from the cache') {
    my ($crc, $body, $err) = FcwTest::run_cgi("$dir/worker.js", FCW_CGI_CACHE => $cache);
    is($crc, 0, "CGI mode runs the worker $round") or diag($err);
    is($body, $want, 'and answers the same');
}

($rc, $out) = run($tool, '--portable', $cases, '-o', "$dir/portable.js");
is($rc, 0, 'fcworker-build --portable builds the cases') or diag($out);
unlike(FcwTest::read_file("$dir/portable.js"), qr/_fcwD\$/, 'a portable bundle keeps its arguments objects');

FcwTest::write_file("$dir/named.js", "const _fcwD\$1 = 'own';\nfunction f(a, b = _fcwD\$1) { return a + b; }\nprint(f.length + ' ' + f('x'));\n");
($rc, $out) = run($tool, "$dir/named.js", '-o', "$dir/named.out.js");
is($rc, 0, 'a file naming _fcwD$1 builds') or diag($out);
like(FcwTest::read_file("$dir/named.out.js"), qr/arguments\.length > 1/, 'and is left alone');
($rc, $out) = run($jsrun, "$dir/named.out.js");
is($out, "1 xown\n", 'and runs');

done_testing();
