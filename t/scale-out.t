#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Scaling out: two masters on loopback TCP ports stand for two hosts, both
# with a KV namespace on one Redis (redis-server on a unix socket here) and
# each with its own D1 file; one nginx balances them round-robin in an
# upstream block. A value written through nginx is read through each
# master directly and through nginx again; both masters served requests;
# the D1 counters stay per host (what the README's "Scaling out" says).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Frontends;
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

my $redis_server = (grep { -x "$_/redis-server" } split /:/, $ENV{PATH})[0];
plan skip_all => 'redis-server not installed (contrib/deps.sh test)' unless $redis_server;
plan skip_all => 'nginx not installed' unless -x '/usr/sbin/nginx';

my $dir = FcwTest::tmpdir();
chmod 0755, $dir;
my $fcworker = FcwTest::fcworker();
my @root = FcwTest::root_flag();
my @pids;
END { kill 'TERM', @pids if @pids; waitpid($_, 0) for @pids }

sub spawn {
    my ($log, @cmd) = @_;
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDOUT, '>>', $log;
        open STDERR, '>>', $log;
        exec(@cmd) or POSIX::_exit(127);
    }
    push @pids, $pid;
    return $pid;
}

my $sock = "$dir/redis.sock";
FcwTest::write_file("$dir/redis.conf", "port 0\nunixsocket $sock\nunixsocketperm 777\ndir $dir\nsave \"\"\n"
    . "appendonly no\ndaemonize no\nloglevel warning\nlogfile $dir/redis.log\n");
spawn("$dir/redis.out", "$redis_server/redis-server", "$dir/redis.conf");
my $deadline = time + 10;
sleep 0.02 until -S $sock || time > $deadline;
ok(-S $sock, 'redis-server is up');

my $script = FcwTest::write_file("$dir/app.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        var q = url.searchParams;
        if (url.pathname === '/put') {
            return env.SHARED.put(q.get('k'), q.get('v')).then(function () { return new Response('ok'); });
        }
        if (url.pathname === '/get') {
            return env.SHARED.get(q.get('k')).then(function (v) { return new Response(String(v)); });
        }
        if (url.pathname === '/count') {
            return env.DB.batch([
                env.DB.prepare('CREATE TABLE IF NOT EXISTS hits (n INTEGER)'),
                env.DB.prepare('INSERT INTO hits VALUES (1)')
            ]).then(function () {
                return env.DB.prepare('SELECT count(*) AS n FROM hits').first('n');
            }).then(function (n) { return new Response(env.HOST + ' ' + n); });
        }
        return new Response(env.HOST);
    }
};
EOF2

my @ports;
for my $host (qw(one two)) {
    my $port = FcwTest::free_port();
    push @ports, $port;
    mkdir "$dir/$host";
    FcwTest::write_file("$dir/$host/fcworker.ini", "[global]\nerror_log = $dir/$host/error.log\npid = $dir/$host/pid\n"
        . "[pool:app]\nlisten = 127.0.0.1:$port\nscript = $script\npm = static\npm.max_children = 2\n"
        . "kv.SHARED = unix:$sock\nd1.DB = $dir/$host/app.sqlite3\n[pool:app.vars]\nHOST = $host\n");
    spawn("$dir/$host/stdout.log", $fcworker, @root, '-c', "$dir/$host/fcworker.ini");
    ok(FcwTest::wait_port($port), "master $host listens on 127.0.0.1:$port");
}

my $nport = FcwTest::free_port();
mkdir "$dir/nginx";
FcwTest::write_file("$dir/nginx/nginx.conf", <<"EOF2");
worker_processes 1;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/body;
    fastcgi_temp_path $dir/nginx/fastcgi;
    proxy_temp_path $dir/nginx/proxy;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    upstream fcworker {
        server 127.0.0.1:$ports[0];
        server 127.0.0.1:$ports[1];
    }
    server {
        listen 127.0.0.1:$nport;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_pass fcworker;
        }
    }
}
EOF2
spawn("$dir/nginx/stdout.log", '/usr/sbin/nginx', '-p', "$dir/nginx/", '-c', "$dir/nginx/nginx.conf");
ok(FcwTest::wait_port($nport), 'nginx listens') or diag FcwTest::read_file("$dir/nginx/error.log");

sub via_nginx { Frontends::http($nport, path => $_[0])->{body} }
sub via_host { FcwTest::fcgi_request("127.0.0.1:$ports[$_[0]]", uri => $_[1])->{body} }

my %seen;
$seen{ via_nginx('/') }++ for 1 .. 6;
is_deeply([ sort keys %seen ], [qw(one two)], 'nginx balances over both hosts');
is(via_nginx('/put?k=greeting&v=hello'), 'ok', 'a write through nginx');
is(via_host(0, '/get?k=greeting'), 'hello', 'read on host one');
is(via_host(1, '/get?k=greeting'), 'hello', 'read on host two');
is(via_host(1, '/put?k=other&v=from-two'), 'ok', 'a write on host two');
is(via_host(0, '/get?k=other'), 'from-two', 'read on host one');
my %got;
$got{ via_nginx('/get?k=other') }++ for 1 .. 4;
is_deeply([ keys %got ], ['from-two'], 'every read through nginx sees it');
is(via_host(0, '/count'), 'one 1', 'D1 on host one');
is(via_host(0, '/count'), 'one 2', 'D1 on host one again');
is(via_host(1, '/count'), 'two 1', 'D1 stays per host: host two counts alone');

done_testing;
