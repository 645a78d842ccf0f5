#!/usr/bin/env perl
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
done_testing();
