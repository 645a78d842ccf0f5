#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build moves out of their functions the closures that need
# nothing of them and that are only ever called
# (contrib/fcworker-build/lib/hoist-closures.js). t/build-hoist/cases.mjs,
# run in Node, prints what its bundle prints in fcworker; the functions
# moved are exactly those whose variables say "moved"; an exception thrown
# in a moved function is reported at its line of the source (through the
# source map) from a worker in a pool; and a worker whose closures are
# moved answers as before, with one environment record and one collection
# fewer (measured by contrib/bench, not here). Needs node and the tool's
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
my $dir = FcwTest::tmpdir();

sub run { return FcwTest::run_exit($dir, @_) }

my ($rc, $out) = run($tool, "$top/t/build-hoist/cases.mjs", '-o', "$dir/cases.js", '--sourcemap');
is($rc, 0, 'fcworker-build builds the cases') or diag($out);
my $bundle = FcwTest::read_file("$dir/cases.js");
my @moved = sort $bundle =~ /^function _fcw_hoisted_\d+_(\w+)\(/mg;
# the closures that need nothing of their function and are only called,
# and the bodies of async functions that take only their function's names
# (moved with them as parameters); an async arrow's body is named `async`
# (movedAsyncNested's `inner` is moved twice: the arrow, only called, and
# its body)
is_deeply(\@moved, [sort qw(movedNormalize movedNormalize movedSum movedThis inner movedWithCatch movedNested
    movedLater movedThrows movedAsync movedAsyncNoParams movedAsyncMethod movedAsyncThrows movedAsyncNested
    inner inner async movedOuterLevel movedInnerLevel)], 'the functions moved are those that need nothing of the function around them')
    or diag("moved: @moved");
like($bundle, qr/return _fcw_co_async\(void 0, \[a, b\], _fcw_hoisted_\d+_movedAsync\s/,
    "an async body gets its function's parameters");
like($bundle, qr/^function _fcw_hoisted_\d+_movedAsync\(a, b\) \{ "use duk notail";$/m, 'as its own');
like($bundle, qr/return _fcw_co_async\(this, \[step\d*\], _fcw_hoisted_\d+_movedAsyncMethod\s/,
    "a method's body keeps its this");
like($bundle, qr/var movedNormalize = \w+ === "svg" \? _fcw_hoisted_\d+_movedNormalize\s+: _fcw_hoisted_\d+_movedNormalize\s+;/,
    'both branches of a conditional');
unlike($bundle, qr/_fcw_hoisted_\d+_kept/, 'none of the others');

my ($node_rc, $node) = run('node', "$top/t/build-hoist/cases.mjs");
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^end$/m, 'to their end');
my ($fcw_rc, $fcw) = run(FcwTest::jsrun(), "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'and prints what Node prints');

# the map: the lines of a moved function lead back to where it was written
my @lines = split /\n/, $bundle;
my ($at) = grep { $lines[$_] =~ /^function _fcw_hoisted_\d+_movedThrows\(/ } 0 .. $#lines;
my ($throw) = grep { $_ > $at && $lines[$_] =~ /throw new RangeError\("from a moved function "/ } 0 .. $#lines;
FcwTest::write_file("$dir/lookup.js", <<'JS');
const { SourceMap } = require('module');
const fs = require('fs');
const map = new SourceMap(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
const line = Number(process.argv[3]);
const text = fs.readFileSync(process.argv[4], 'utf8').split('\n')[line];
const e = map.findEntry(line, text.search(/\S/));
console.log(`${e.originalSource ? e.originalSource.replace(/.*\//, '') : '?'}:${e.originalLine + 1}`);
JS
my ($l_rc, $lookup) = run('node', "$dir/lookup.js", "$dir/cases.js.map", $throw, "$dir/cases.js");
my @src = split /\n/, FcwTest::read_file("$top/t/build-hoist/cases.mjs");
my ($want) = grep { $src[$_] =~ /const movedThrows = / } 0 .. $#src;
ok(defined $throw && $throw > $at, 'the moved function is at the end of the bundle');
is($lookup, "cases.mjs:@{[$want + 1]}\n", "its throw statement maps to the line of the source it is on");

# a worker: answers as before, and an exception in a moved function names
# its place in the source
FcwTest::write_file("$dir/worker.js", <<'JS');
const prefix = 'item';
function render(names) {
  const escape = (s) => s.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
  const fail = (why) => {
    throw new Error(`failed: ${why}`);
  };
  if (names.length === 0) fail('no names');
  return names.map((n) => `<li>${prefix} ${escape(n)}</li>`).join('');
}
export default {
  fetch(request) {
    const names = new URL(request.url).searchParams.getAll('n');
    return new Response(render(names));
  }
};
JS
($rc, $out) = run($tool, "$dir/worker.js", '-o', "$dir/worker.out.js", '--sourcemap');
is($rc, 0, 'fcworker-build builds the worker') or diag($out);
my $w = FcwTest::read_file("$dir/worker.out.js");
like($w, qr/^function _fcw_hoisted_\d+_escape\(s\)/m, 'its escape function is moved');
like($w, qr/^function _fcw_hoisted_\d+_fail\(why\)/m, 'and its fail function');
my $pool = FcwTest::start_pool(script => "$dir/worker.out.js", children => 1);
my $r = $pool->request(uri => '/?n=a%3Cb&n=c%26d');
is($r->{body}, '<li>item a&lt;b</li><li>item c&amp;d</li>', 'the worker answers');
$r = $pool->request(uri => '/');
is($r->{status}, 500, 'an exception in a moved function is a 500');
my $log = '';
for (1 .. 50) {
    $log = $pool->log;
    last if $log =~ /failed: no names/;
    select(undef, undef, undef, 0.1);
}
like($log, qr/failed: no names.*worker\.js:5/s, 'logged at its line of the source') or diag($log);
$pool->stop;

# a script that names the prefix itself is left as it is
FcwTest::write_file("$dir/named.js", <<'JS');
function f(k) {
  const _fcw_hoisted_1_mine = (x) => x + 1;
  const g = (y) => y * 2;
  return _fcw_hoisted_1_mine(g(k));
}
print(f(3));
JS
($rc, $out) = run($tool, "$dir/named.js", '-o', "$dir/named.out.js");
is($rc, 0, 'fcworker-build builds a script that uses the prefix') or diag($out);
unlike(FcwTest::read_file("$dir/named.out.js"), qr/^function _fcw_hoisted/m, 'and moves nothing out of it');
my ($n_rc, $n_out) = run(FcwTest::jsrun(), "$dir/named.out.js");
is($n_out, "7\n", 'which runs as written');

done_testing();
