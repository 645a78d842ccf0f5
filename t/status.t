#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# pm.status_path and ping.path, in PHP-FPM's formats: the plain-text page,
# ?json with the same fields, ?full with one block per process, and the ping
# answer; the worker never sees these paths.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use JSON::PP;
use POSIX ();

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/w.js", "export default { fetch: function (r) {\n"
    . "  if (new URL(r.url).pathname === '/slow') { return new Promise(function (res) { setTimeout(function () {"
    . " res(new Response('slow')); }, 1500); }); }\n"
    . "  return new Response('worker'); } };\n");
my $pool = FcwTest::start_pool(script => $script, name => 'www', children => 3,
    pool => "pm.status_path = /status\nping.path = /ping\nping.response = pong\nrequest_slowlog_timeout = 1s\n");
$pool->request(uri => '/') for 1 .. 5;

my $r = $pool->request(uri => '/ping');
is($r->{body}, 'pong', 'ping.path answers ping.response');
is($r->{headers}{'content-type'}[0], 'text/plain', 'as text/plain');

# wait until every child has loaded its script and is idle (a loaded
# machine starts them slowly)
for (1 .. 100) {
    $r = $pool->request(uri => '/status');
    last if $r->{body} =~ /^idle processes:\s+2$/m;
    select(undef, undef, undef, 0.05);
}
is($r->{status}, 200, 'the status page answers');
like($r->{body}, qr/^pool:\s+www$/m, 'pool');
like($r->{body}, qr/^process manager:\s+static$/m, 'process manager');
like($r->{body}, qr/^start time:\s+\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}$/m, 'start time in the access-log format');
my ($accepted) = $r->{body} =~ /^accepted conn:\s+(\d+)$/m;
cmp_ok($accepted // 0, '>=', 6, 'accepted conn counts the requests so far');
like($r->{body}, qr/^total processes:\s+3$/m, 'total processes');
like($r->{body}, qr/^active processes:\s+1$/m, 'the one serving this request is active');
like($r->{body}, qr/^idle processes:\s+2$/m, 'the others idle');
like($r->{body}, qr/^max children reached:\s+0$/m, 'max children reached');
like($r->{body}, qr/^slow requests:\s+0$/m, 'slow requests');

$r = $pool->request(uri => '/status?json');
is($r->{headers}{'content-type'}[0], 'application/json', '?json is JSON');
my $j = eval { decode_json($r->{body}) } || {};
is($j->{pool}, 'www', 'json: pool');
is($j->{'total processes'}, 3, 'json: total processes');
ok(exists $j->{'listen queue'} && exists $j->{'start since'}, 'json: the PHP-FPM field names');
like($j->{'start time'}, qr/^\d+$/, 'json: start time is an integer (seconds since the epoch)');
ok(!ref $j->{'start time'} && $j->{'start time'} > 1_600_000_000, 'json: a plausible one');

$r = $pool->request(uri => '/status?json&full');
$j = eval { decode_json($r->{body}) } || {};
is(ref $j->{processes}, 'ARRAY', '?full adds processes');
is(scalar @{ $j->{processes} || [] }, 3, 'one per child');
my @pids = sort { $a <=> $b } map { $_->{pid} } @{ $j->{processes} || [] };
is_deeply(\@pids, [ $pool->children ], 'with the children\'s pids');
my ($busy) = grep { $_->{state} eq 'Running' || $_->{state} eq 'Reading headers' } @{ $j->{processes} || [] };
ok($busy, 'the child answering is shown busy');
my $total = 0;
$total += $_->{requests} for @{ $j->{processes} || [] };
cmp_ok($total, '>=', 6, 'per-process request counts add up');

$r = $pool->request(uri => '/status?full');
my $blocks = () = $r->{body} =~ /^\*{24}$/mg;
is($blocks, 3, 'text ?full has a block per process');
like($r->{body}, qr/^request URI:\s+\/status\?full$/m, 'with the request each one serves');
is($pool->request(uri => '/other')->{body}, 'worker', 'other paths reach the worker');

is($pool->request(uri => '/slow')->{body}, 'slow', 'a request over request_slowlog_timeout still finishes');
like($pool->log, qr{request "GET /slow" is slow: running for \d+ ms \(request_slowlog_timeout 1000 ms\)}, 'it is logged as slow');
like($pool->request(uri => '/status')->{body}, qr/^slow requests:\s+1$/m, 'and counted on the status page');

# measured, not constants: the listen queue (connections waiting while every
# child is busy), the most children seen busy at once, and pm.max_children
# reached (logged as PHP-FPM does)
subtest 'listen queue, max active processes and max children reached are measured' => sub {
    my $d2 = FcwTest::tmpdir();
    my $busy = FcwTest::write_file("$d2/b.js", "export default { fetch: function (r) {\n"
        . "  if (new URL(r.url).pathname === '/hold') { return new Promise(function (res) { setTimeout(function () {"
        . " res(new Response('held')); }, 2500); }); }\n  return new Response('ok'); } };\n");
    my $p2 = FcwTest::start_pool(script => $busy, name => 'q', pm => 'dynamic', children => 2,
        pool => "pm.start_servers = 1\npm.min_spare_servers = 1\npm.max_spare_servers = 1\npm.status_path = /status\n");
    my @held;
    for my $i (1 .. 4) {
        my $pid = fork() // die;
        if ($pid == 0) { $p2->request(uri => '/hold', timeout => 20); POSIX::_exit(0) }
        push @held, $pid;
    }
    # two children hold a request each, two connections wait in the queue
    for (1 .. 60) {
        select(undef, undef, undef, 0.1);
        last if FcwTest::read_file($p2->{log}) =~ /server reached pm.max_children setting \(2\), consider raising it/;
    }
    like($p2->log, qr/\[pool q\] server reached pm.max_children setting \(2\), consider raising it/, 'the warning is logged');
    waitpid($_, 0) for @held;
    my $st = $p2->request(uri => '/status?json');
    my $sj = eval { decode_json($st->{body}) } || {};
    cmp_ok($sj->{'max listen queue'} // 0, '>=', 1, "max listen queue saw the waiting connections ($sj->{'max listen queue'})");
    is($sj->{'max active processes'}, 2, 'max active processes is the most seen busy at once');
    cmp_ok($sj->{'max children reached'} // 0, '>=', 1, 'max children reached is counted');
    $p2->stop;
};
done_testing();
