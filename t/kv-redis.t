#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# KV namespaces on Redis: Debian's redis-server started here on a unix
# socket under a temporary folder (no TCP port, no persistence) and stopped
# by PID. t/js/kv.js against it; then a pool under load while Redis is
# stopped and started again: requests during the outage fail with a clear
# error, later ones succeed on a new connection; Redis's own expiry and the
# index's cleanup.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

my $redis_server = (grep { -x "$_/redis-server" } split /:/, $ENV{PATH})[0];
plan skip_all => 'redis-server not installed (contrib/deps.sh test)' unless $redis_server;
$redis_server .= '/redis-server';

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $sock = "$dir/redis.sock";
FcwTest::write_file("$dir/redis.conf", <<"EOF2");
port 0
unixsocket $sock
unixsocketperm 700
dir $dir
save ""
appendonly no
daemonize no
loglevel warning
logfile $dir/redis.log
EOF2

my $redis_pid;
sub start_redis {
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDOUT, '>>', "$dir/redis.out";
        open STDERR, '>>', "$dir/redis.out";
        exec($redis_server, "$dir/redis.conf") or POSIX::_exit(127);
    }
    my $deadline = time + 10;
    sleep 0.02 until -S $sock || time > $deadline;
    $redis_pid = $pid;
    return -S $sock;
}
sub stop_redis {
    return unless $redis_pid;
    kill 'TERM', $redis_pid;
    waitpid($redis_pid, 0);
    $redis_pid = undef;
    unlink $sock;
}
END { stop_redis() }

sub redis_cli {
    my @args = @_;
    my $out = `redis-cli -s '$sock' @args 2>&1`;
    chomp $out;
    return $out;
}

ok(start_redis(), 'redis-server started on a unix socket') or BAIL_OUT('no redis: ' . FcwTest::read_file("$dir/redis.out"));

# ---- the JS API against the Redis backend
{
    local $ENV{FCW_TEST_BINDINGS} = "kv:KV:redis:unix:$sock";
    my $result = FcwTest::run_js_file("$top/t/js/kv.js");
    my $failed = grep { $_->[0] eq 'test' && !$_->[1] } @{ $result->{events} };
    my $count = grep { $_->[0] eq 'test' } @{ $result->{events} };
    for my $e (@{ $result->{events} }) {
        diag $e->[1] if $e->[0] eq 'comment';
        diag "failed: $e->[2]" if $e->[0] eq 'test' && !$e->[1];
    }
    ok($result->{complete} && !$failed && $count > 40, "t/js/kv.js on Redis: $count assertions pass ($result->{detail})");
}
my $ttl = redis_cli('TTL', "'fcw:test:k:exp-ttl'");
ok($ttl =~ /^\d+$/ && $ttl > 0 && $ttl <= 60, "expirationTtl is a Redis expiry (TTL $ttl)");

# ---- a pool, and Redis restarted under load
my $script = FcwTest::write_file("$dir/kv.js", <<'EOF2');
function fail(e) {
    return new Response(String(e && e.message), { status: 503 });
}
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        var q = url.searchParams;
        switch (url.pathname) {
        case '/put':
            var opts = q.get('ttl') ? { expirationTtl: Number(q.get('ttl')) } : undefined;
            return env.CACHE.put(q.get('k'), q.get('v'), opts).then(function () { return new Response('ok'); }, fail);
        case '/get':
            return env.CACHE.get(q.get('k')).then(function (v) {
                return v === null ? new Response('missing', { status: 404 }) : new Response(v);
            }, fail);
        case '/list':
            return env.CACHE.list({ prefix: q.get('prefix') || '' }).then(function (r) {
                return new Response(r.keys.map(function (k) { return k.name; }).join(','));
            }, fail);
        }
        return new Response('not found', { status: 404 });
    }
};
EOF2
my $pool = FcwTest::start_pool(script => $script, children => 2, pool => "kv.CACHE = unix:$sock\nkv.CACHE.timeout = 2s\n");
is($pool->request(uri => '/put?k=a&v=1')->{body}, 'ok', 'put through the pool');
is($pool->request(uri => '/get?k=a')->{body}, '1', 'get through the pool');
is(redis_cli('HGET', "'fcw:kv:CACHE:k:a'", 'v'), '1', 'stored under fcw:kv:NAMESPACE:');

my $r;
# load: two clients putting and reading back for the whole run
my $load_seconds = 4;
my @clients;
for my $c (1 .. 2) {
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open my $out, '>', "$dir/client$c.log" or POSIX::_exit(1);
        my $end = time + $load_seconds;
        my $i = 0;
        while (time < $end) {
            $i++;
            my $r = $pool->request(uri => "/put?k=c$c-$i&v=$i");
            my $g = ($r->{status} // 0) == 200 ? $pool->request(uri => "/get?k=c$c-$i") : undef;
            my $body = $r->{body} // '';
            $body =~ s/\s+/ /g;
            printf $out "%.3f %d %s %s\n", time, $r->{status} // 0, ($g && $g->{body} eq "$i") ? 'read' : '-', $body;
            sleep 0.01;
        }
        close $out;
        POSIX::_exit(0);
    }
    push @clients, $pid;
}
sleep 1;
# Redis may take a while to shut down on a loaded machine (it served puts
# for more than 0.1 s after SIGTERM once): the outage starts when it is
# gone, and answers between the signal and then count nowhere
my $stop_sent = time;
stop_redis();
my $outage_start = time;
sleep 1;
my $outage_end = time;
ok(start_redis(), 'redis-server started again');
my $restarted = time;
waitpid($_, 0) for @clients;

my (%before, %during, %after, @during_errors, $bad_status);
for my $c (1 .. 2) {
    for my $line (split /\n/, FcwTest::read_file("$dir/client$c.log")) {
        my ($t, $status, $read, $body) = split / /, $line, 4;
        $body //= '';
        if ($t < $stop_sent) {
            $before{$status}++;
        } elsif ($t > $restarted + 0.2) {
            $after{$status}++;
            $after{read}++ if $read eq 'read';
        } elsif ($t > $outage_start + 0.1 && $t < $outage_end) {
            $during{$status}++;
            push @during_errors, $body if $status == 503;
        }
        $bad_status++ if $status != 200 && $status != 503;
    }
}
ok($before{200} && !$before{503}, "before the outage every put succeeds ($before{200} ok)");
ok($during{503} && !$during{200}, 'during the outage puts fail (' . ($during{503} // 0) . ' answered 503)');
# the first call after Redis went away may meet the old connection (a
# broken pipe or a reset) before the reconnection fails
like($during_errors[0] // '', qr/^KV PUT failed: .*(unix:|redis).*(refused|No such file|connect|lost|Broken pipe|reset|closed)/i,
     'with a clear error') or diag explain \%during;
diag "outage error: $during_errors[0]" if @during_errors;
ok($after{200} && !$after{503} && $after{read} == $after{200},
   'after the restart puts and reads succeed again (' . ($after{200} // 0) . ' ok)');
ok(!$bad_status, 'no request failed otherwise (no 500, no lost answer)');
unlike($pool->log, qr/exited on signal/, 'no child crashed');

# expiry by Redis; the index forgets expired names
is($pool->request(uri => '/put?k=short&v=x&ttl=60')->{body}, 'ok', 'put with a TTL');
redis_cli('PEXPIRE', "'fcw:kv:CACHE:k:short'", 1);
sleep 0.1;
is($pool->request(uri => '/get?k=short')->{status}, 404, 'gone once Redis expired it');
is($pool->request(uri => '/list?prefix=sh')->{body}, '', 'not listed');
is(redis_cli('ZSCORE', "'fcw:kv:CACHE:i'", 'short'), '', 'and dropped from the index');

$pool->stop;

# a server that stops answering: calls end at the binding's timeout
my $slow = FcwTest::start_pool(script => $script, children => 1, pool => "kv.CACHE = unix:$sock\nkv.CACHE.timeout = 500ms\n");
is($slow->request(uri => '/put?k=s&v=1')->{body}, 'ok', 'connected');
kill 'STOP', $redis_pid;
my $t0 = time;
$r = $slow->request(uri => '/get?k=s');
my $took = time - $t0;
kill 'CONT', $redis_pid;
is($r->{status}, 503, 'a frozen server fails the call');
like($r->{body}, qr/^KV GET failed: unix:\Q$sock\E: no answer within 500 ms$/, 'saying it timed out');
ok($took < 5, sprintf('after the timeout, not the wall limit (%.1f s)', $took));
is($slow->request(uri => '/get?k=s')->{body}, '1', 'the next call reconnects');
$slow->stop;

# credentials: AUTH with a user of Redis's ACL; messages never show them
is(redis_cli('ACL', 'SETUSER', 'fcw', 'on', "'>s3cret'", "'~fcw:*'", "'+\@all'"), 'OK', 'an ACL user');
my $authed = FcwTest::start_pool(script => $script, children => 1,
                                 pool => "kv.CACHE = unix:$sock?user=fcw&password=s3cret\n");
is($authed->request(uri => '/put?k=auth&v=yes')->{body}, 'ok', 'AUTH user password: put');
is($authed->request(uri => '/get?k=auth')->{body}, 'yes', 'and get');
$authed->stop;
my $wrong = FcwTest::start_pool(script => $script, children => 1,
                                pool => "kv.CACHE = unix:$sock?user=fcw&password=wrong-one\n");
$r = $wrong->request(uri => '/put?k=auth&v=no');
is($r->{status}, 503, 'a wrong password fails the call');
like($r->{body}, qr/^KV PUT failed: unix:\Q$sock\E: AUTH: WRONGPASS/, 'saying so');
unlike($r->{body}, qr/wrong-one/, 'without the password');
$wrong->stop;

stop_redis();
done_testing;
