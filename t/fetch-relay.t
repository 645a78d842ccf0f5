#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# A worker that relays requests to an upstream, end to end with real
# servers (an upstream nginx, fcworker, a front nginx, curl): the incoming
# request's redirect mode is "manual", so fetch(new Request(upstream,
# request)) hands a 302 to the client instead of following it; the upstream
# gets the Host of its own URL, never the client's; a POST with
# Content-Length: 0 has an empty body stream, not null; and a response body
# that fails after the head was sent is cut, so that the client sees a
# broken transfer (curl exit 18) rather than a complete one, as is one that
# a limit stops, and the pool goes on serving.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Frontends;
use Test::More;
use Time::HiRes qw(sleep);

my $prefix = Frontends::prefix();
my @servers;

END {
    $_->stop for @servers;
}

mkdir "$prefix/$_" or die "$_: $!" for qw(tmp www);

sub start_nginx {
    my ($name, $conf) = @_;
    FcwTest::write_file("$prefix/$name.conf", $conf);
    my $pid = Frontends::spawn($prefix, '/usr/sbin/nginx', '-p', "$prefix/", '-e', "$prefix/$name-error.log",
        '-c', "$prefix/$name.conf");
    my $server = bless { name => $name, pid => $pid, prefix => $prefix, log => "$prefix/$name-error.log",
        spawned => 1 }, 'Frontends::Server';
    push @servers, $server;
    return $server;
}

my $up_port = FcwTest::free_port();
my $upstream = start_nginx(upstream => <<"EOF");
daemon off;
master_process off;
pid $prefix/upstream.pid;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp;
    server {
        listen 127.0.0.1:$up_port;
        location = /redirect { return 302 http://127.0.0.1:$up_port/target; }
        location = /target { return 200 "target reached\\n"; }
        location = /host { return 200 "host=\$http_host te=\$http_transfer_encoding conn=\$http_connection\\n"; }
    }
}
EOF
my $up = "http://127.0.0.1:$up_port";

my $script = FcwTest::write_file("$prefix/relay.js", <<'EOF');
function readAll(stream) {
    if (stream === null) {
        return Promise.resolve('null');
    }
    var reader = stream.getReader(), n = 0;
    function step(r) {
        if (r.done) {
            return 'stream:' + n;
        }
        n += r.value.length;
        return reader.read().then(step);
    }
    return reader.read().then(step);
}

export default {
    fetch: function (request, env) {
        var path = new URL(request.url).pathname;
        if (path === '/relay-redirect') {
            return fetch(new Request(env.UPSTREAM + '/redirect', request));
        }
        if (path === '/follow-redirect') {
            return fetch(env.UPSTREAM + '/redirect');
        }
        if (path === '/redirect-mode') {
            return new Response(request.redirect + ' ' + new Request(request).redirect + ' ' +
                new Request('http://example.com/').redirect);
        }
        if (path === '/host') {
            return fetch(new Request(env.UPSTREAM + '/host', request));
        }
        if (path === '/host-init') {
            return fetch(env.UPSTREAM + '/host', { headers: { host: 'other.example', connection: 'close' } });
        }
        if (path === '/body') {
            return readAll(request.body).then(function (text) { return new Response(text); });
        }
        if (path === '/cut') {
            var sent = false;
            return new Response(new ReadableStream({
                pull: function (controller) {
                    if (!sent) {
                        sent = true;
                        controller.enqueue(new TextEncoder().encode('first chunk\n'));
                        return;
                    }
                    return new Promise(function (resolve) { setTimeout(resolve, 20); }).then(function () {
                        controller.error(new Error('the upstream broke'));
                    });
                }
            }), { headers: { 'content-type': 'text/plain' } });
        }
        if (path === '/cut-length') {
            var once = false;
            return new Response(new ReadableStream({
                pull: function (controller) {
                    if (once) {
                        return new Promise(function (resolve) { setTimeout(resolve, 20); }).then(function () {
                            throw new TypeError('source failed');
                        });
                    }
                    once = true;
                    controller.enqueue(new Uint8Array(100));
                }
            }), { headers: { 'content-length': '1000' } });
        }
        if (path === '/cut-at-once') {
            return new Response(new ReadableStream({
                pull: function () {
                    throw new TypeError('failed before the first chunk');
                }
            }));
        }
        if (path === '/stall') {
            return new Response(new ReadableStream({
                start: function (controller) {
                    controller.enqueue(new TextEncoder().encode('then nothing\n'));
                }
            }));
        }
        if (path === '/whole') {
            return new Response(new ReadableStream({
                start: function (controller) {
                    controller.enqueue(new TextEncoder().encode('whole body\n'));
                    controller.close();
                }
            }));
        }
        return new Response('ok\n');
    }
};
EOF

mkdir "$prefix/pool" or die "pool: $!";
chmod 0755, "$prefix/pool";
my $pool = FcwTest::start_pool(dir => "$prefix/pool", name => 'relay', children => 1, script => $script,
    log_level => 'info', vars => { UPSTREAM => $up }, pool => "listen.mode = 0666\nlimits.wall_ms = 1500\n");

my $front_port = FcwTest::free_port();
my $front = start_nginx(front => <<"EOF");
daemon off;
worker_processes 1;
pid $prefix/front.pid;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp/body;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    upstream relay { server unix:$pool->{sock}; keepalive 2; }
    server {
        listen 127.0.0.1:$front_port;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_keep_conn on;
            fastcgi_pass relay;
        }
    }
}
EOF

unless (FcwTest::wait_port($up_port) && FcwTest::wait_port($front_port) && -S $pool->{sock}) {
    plan skip_all => 'the servers did not start: ' . $upstream->log . $front->log . $pool->log;
}

# ---- redirect mode

my $r = $pool->request(uri => '/relay-redirect');
is($r->{status}, 302, 'fetch(new Request(upstream, request)) relays the 302');
is(($r->{headers}{location} || [''])->[0], "$up/target", 'with its Location');
$r = $pool->request(uri => '/follow-redirect');
is("$r->{status} $r->{body}", "200 target reached\n", 'a Request made in the worker still follows redirects');
is($pool->request(uri => '/redirect-mode')->{body}, 'manual manual follow',
    'the incoming request is "manual", a copy too, a new Request "follow"');

# ---- Host and hop-by-hop headers

$r = $pool->request(uri => '/host', headers => { host => 'client.example', connection => 'keep-alive' });
is($r->{body}, "host=127.0.0.1:$up_port te= conn=\n", "the upstream gets its own Host, not the client's, and no Connection");
$r = $pool->request(uri => '/host-init');
is($r->{body}, "host=127.0.0.1:$up_port te= conn=\n", 'a Host or Connection header given to fetch() is not sent either');

# ---- request bodies

is($pool->request(uri => '/body', method => 'POST', body => '')->{body}, 'stream:0',
    'POST with Content-Length: 0 has an empty body stream');
is($pool->request(uri => '/body', method => 'POST', body => 'abc')->{body}, 'stream:3', 'POST with a body');
is($pool->request(uri => '/body', method => 'POST', params => { CONTENT_LENGTH => undef })->{body}, 'null',
    'POST without Content-Length has no body');
is($pool->request(uri => '/body')->{body}, 'null', 'GET has no body');

# ---- a body that fails after the head

$r = $pool->request(uri => '/cut');
is($r->{status}, 200, 'cut: the head went out');
is($r->{body}, "first chunk\n", 'cut: the first chunk went out');
ok($r->{incomplete}, 'cut: no FCGI_END_REQUEST, the connection was closed');
like($pool->log, qr/response body stream failed.*the upstream broke/s, 'cut: the error is logged');
like($pool->log, qr/transfer cut/, 'cut: and the cut');
$r = $pool->request(uri => '/whole');
ok(!$r->{incomplete} && $r->{body} eq "whole body\n", 'a stream that ends normally is complete');

sub curl {
    my ($path) = @_;
    unlink "$prefix/curl.out";
    my $out = `curl -sS --max-time 20 -o $prefix/curl.out http://127.0.0.1:$front_port$path 2>&1`;
    return ($? >> 8, $out, FcwTest::read_file("$prefix/curl.out"));
}

my ($rc, $err, $body) = curl('/whole');
is("$rc $body", "0 whole body\n", 'through nginx: a complete stream, curl exit 0');
($rc, $err, $body) = curl('/cut');
is($rc, 18, 'through nginx: a chunked body cut after the head, curl exit 18 (partial file)');
like($err, qr/transfer closed|end of response/i, 'curl reports the transfer as cut') or diag $err;
is($body, "first chunk\n", 'the client got what was sent before the error');
($rc, $err, $body) = curl('/cut-length');
is($rc, 18, 'through nginx: a Content-Length body cut short, curl exit 18');
is(length $body, 100, 'after the 100 bytes that were sent');
($rc, $err, $body) = curl('/cut-at-once');
ok($rc == 18 || $rc == 52, 'through nginx: a body that fails before its first chunk is cut too (curl exit 18 or 52)')
    or diag "curl exit $rc: $err";
($rc, $err, $body) = curl('/stall');
# (when the cut follows the head at once, nginx reads both together and
# closes before writing the head: curl's "empty reply", 52)
ok($rc == 18 || $rc == 52, 'a stream that never finishes is cut too (curl exit 18 or 52)') or diag "curl exit $rc: $err";
like($pool->log, qr/"GET \/stall": the response body stream never finished/, 'and that is logged');
($rc, $err, $body) = curl('/whole');
is("$rc $body", "0 whole body\n", 'the pool serves the next request through the same front');
like($front->log, qr/upstream sent unsupported FastCGI protocol version: 0/,
    'nginx logged the refused record that marks the cut');
ok(kill(0, $pool->pid), 'the pool is still running');

$pool->stop;
done_testing();
