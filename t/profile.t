#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The JavaScript sampling profiler (FCW_PROFILE=PREFIX, lib/profile.c): a
# CGI request and a pool's child each write PREFIX.PID, whose stacks name
# the function that burns the CPU time (inside an async function, so on a
# coroutine) with its file and line, the most frequent first, the counts
# adding up to the header's total; a built script's lines are mapped to its
# sources through its source map; without FCW_PROFILE nothing is written; a
# prefix that cannot be written costs a warning, not the response.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/busy.js", <<'JS');
function busyLoop(n) {
    var s = 0;
    for (var i = 0; i < n; i++) {
        s += i % 7;
    }
    return s;
}
function spin(ms) {
    var until = Date.now() + ms, s = 0;
    while (Date.now() < until) {
        s += busyLoop(20000);
    }
    return s;
}
var __fcw_default = {
    fetch: function (request) {
        return Promise.resolve(null).then(function () {
            return new Response(String(spin(150) > 0));
        });
    }
};
export default __fcw_default;
JS

sub profiles { my ($prefix) = @_; return sort glob("$prefix.*") }

sub check_profile {
    my ($file, $label) = @_;
    my $text = FcwTest::read_file($file);
    my ($total) = $text =~ /\A# fcworker JavaScript profile of process \d+: (\d+) samples/;
    ok(defined $total && $total > 0, "$label: a header with the number of samples") or diag($text);
    my @lines = grep { !/^#/ } split /\n/, $text;
    my $sum = 0;
    $sum += (split /\t/)[0] for @lines;
    is($sum, $total, "$label: the stacks' counts add up to it");
    my @counts = map { (split /\t/)[0] } @lines;
    is_deeply(\@counts, [sort { $b <=> $a } @counts], "$label: the most frequent stack first");
    like($lines[0] // '', qr/^\d+\tbusyLoop \(\S*busy\.js:[2-5]\) <- spin \(\S*busy\.js:1[0-3]\)/,
        "$label: the hot function on top, with its file, line and caller");
}

# CGI: one request, one process
{
    my ($rc, $body, $err) = FcwTest::run_cgi($script, FCW_PROFILE => "$dir/cgi");
    is("$rc $body", '0 true', 'CGI: the request is answered') or diag($err);
    my @files = profiles("$dir/cgi");
    is(scalar @files, 1, 'CGI: one profile file, PREFIX.PID');
    check_profile($files[0], 'CGI') if @files;
}

# a pool: the child writes its file when it stops
{
    local $ENV{FCW_PROFILE} = "$dir/pool";
    my $pool = FcwTest::start_pool(script => $script, children => 1);
    for my $i (1 .. 2) {
        is($pool->request(uri => '/')->{body}, 'true', "pool: request $i answered");
    }
    $pool->stop;
    my @files = profiles("$dir/pool");
    is(scalar @files, 1, "pool: the child's profile, written when it stopped");
    check_profile($files[0], 'pool') if @files;
}

# off: nothing written (run_cgi passes only the variables it is given)
{
    my @before = sort glob("$dir/*");
    my ($rc, $body) = FcwTest::run_cgi($script);
    is($body, 'true', 'without FCW_PROFILE: answered');
    is_deeply([sort glob("$dir/*")], \@before, 'and no profile written');
}

# a prefix that cannot be written: a warning, the response unharmed
{
    my ($rc, $body, $err) = FcwTest::run_cgi($script, FCW_PROFILE => "$dir/no/such/folder/p");
    is("$rc $body", '0 true', 'an unwritable prefix: the request is answered');
    like($err, qr{FCW_PROFILE: cannot write \Q$dir\E/no/such/folder/p\.\d+: No such file or directory},
        'with a warning naming the file');
}

# a built script with its source map: the stacks name the TypeScript lines
SKIP: {
    skip 'node is not installed', 2 if system('node --version >/dev/null 2>&1') != 0;
    my $top = FcwTest::top();
    my $ts = FcwTest::write_file("$dir/index.ts", <<'TS');
function busyLoop(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += i % 7;
  return s;
}
async function later(ms: number): Promise<number> {
  await null;
  const until = Date.now() + ms;
  let s = 0;
  while (Date.now() < until) s += busyLoop(20000);
  return s;
}
export default { async fetch(): Promise<Response> { return new Response(String((await later(150)) > 0)); } };
TS
    my ($status, $out) = FcwTest::run_in($dir, $top, "$top/contrib/fcworker-build/fcworker-build", $ts,
        '-o', "$dir/built.js", '--sourcemap');
    is($status, 0, 'fcworker-build builds a TypeScript worker with its map') or diag($out);
    my ($rc, $body, $err) = FcwTest::run_cgi("$dir/built.js", FCW_PROFILE => "$dir/ts");
    my ($file) = profiles("$dir/ts");
    my $text = $file ? FcwTest::read_file($file) : '';
    my ($first) = grep { !/^#/ } split /\n/, $text;
    # (an async function's body: anonymous, or named after its function
    # when fcworker-build moved it out, lib/hoist-closures.js)
    like($first // '', qr/^\d+\tbusyLoop \(\S*index\.ts:3\) <- (?:\(anonymous\)|_fcw_hoisted_\d+_later) \(\S*index\.ts:1[01]\)/,
        'the profile names the lines of the TypeScript source') or diag($text, $err);
}

done_testing();
