#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Service bindings: pool "front" calls pool "back" of the same master
# through env.BACK.fetch() as a FastCGI request over back's unix socket
# (method, URL, headers and body arrive as sent; status, headers and a
# streamed body come back; redirects are returned, not followed), the same
# through fcgi:/path and fcgi://host:port (a second master on loopback TCP),
# plain HTTP through fetch() to a server forked here, a service that is not
# there (a TypeError), and bad service.* lines fail -t.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
my $fcworker = FcwTest::fcworker();
my @root = FcwTest::root_flag();

my $back = FcwTest::write_file("$dir/back.js", <<'EOF2');
export default {
    fetch: function (request) {
        var url = new URL(request.url);
        if (url.pathname === '/redirect') {
            return Response.redirect('https://example.com/elsewhere', 302);
        }
        if (url.pathname === '/stream') {
            var n = 0;
            var enc = new TextEncoder();
            return new Response(new ReadableStream({
                pull: function (c) {
                    return new Promise(function (resolve) { setTimeout(resolve, 5); }).then(function () {
                        c.enqueue(enc.encode('chunk' + n + ';'));
                        if (++n === 50) { c.close(); }
                    });
                }
            }), { headers: { 'content-type': 'text/plain' } });
        }
        if (url.pathname === '/big') {
            return new Response('x'.repeat(300000));
        }
        return request.text().then(function (body) {
            return new Response(JSON.stringify({
                method: request.method, url: request.url, body: body,
                test: request.headers.get('x-test'), type: request.headers.get('content-type'),
                host: request.headers.get('host')
            }), { status: 201, statusText: 'Made', headers: { 'x-back': 'yes', 'set-cookie': 'a=1' } });
        });
    }
};
EOF2
my $front = FcwTest::write_file("$dir/front.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        if (url.pathname === '/many') {
            var calls = [];
            for (var i = 0; i < 6; i++) {
                calls.push(env.BACK.fetch('https://back.internal/echo').then(function (r) { return r.status; },
                    function (e) { return e.message; }));
            }
            return Promise.all(calls).then(function (list) { return new Response(list.join('|')); });
        }
        var which = url.searchParams.get('via') || 'BACK';
        var svc = env[which];
        var target = 'https://back.internal' + url.pathname.replace(/^\/call/, '');
        return svc.fetch(target + '?q=1', {
            method: request.method, body: request.method === 'POST' ? request.body : undefined,
            headers: { 'x-test': 'hello', 'content-type': 'text/plain' }
        }).then(function (r) {
            var h = new Headers(r.headers);
            h.set('x-status', r.status + ' ' + r.statusText);
            return new Response(r.body, { status: 200, headers: h });
        }, function (e) {
            return new Response(e.name + ': ' + e.message, { status: 502 });
        });
    }
};
EOF2

# a second master on loopback TCP: the "other host"
my $port = FcwTest::free_port();
my $remote = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => $back, name => 'remote');
my $tcp_ini = FcwTest::write_file("$dir/tcp.ini", "[global]\nerror_log = $dir/tcp.log\npid = $dir/tcp.pid\n"
    . "[pool:tcp]\nlisten = 127.0.0.1:$port\nscript = $back\npm = static\npm.max_children = 1\n");
my $tcp_pid = fork();
if ($tcp_pid == 0) {
    open STDERR, '>>', "$dir/tcp.out";
    exec($fcworker, @root, '-c', $tcp_ini) or POSIX::_exit(127);
}
FcwTest::wait_port($port);

# plain HTTP: a small server answering with what it got
my $hport = FcwTest::free_port();
my $hpid = FcwTest::start_socket_server($hport, sub {
    my ($c) = @_;
    my $req = '';
    while (<$c>) { $req .= $_; last if /^\r?\n$/ }
    my ($line) = split /\r?\n/, $req;
    return unless defined $line;
    my $body = "http saw: $line";
    print $c "HTTP/1.1 200 OK\r\nContent-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
});
FcwTest::wait_port($hport);

my $d = FcwTest::tmpdir();
my $ini = "[global]\nerror_log = $d/error.log\npid = $d/fcworker.pid\n"
    . "[pool:front]\nlisten = $d/front.sock\nscript = $front\npm = static\npm.max_children = 2\n"
    . "limits.subrequests = 5\nfetch.allow = 127.0.0.1:$hport\n"
    . "service.BACK = back\nservice.UNIX = fcgi:$d/back.sock\nservice.TCP = fcgi://127.0.0.1:$port\n"
    . "service.HTTP = http://127.0.0.1:$hport/base/\nservice.GONE = fcgi:$d/nothing.sock\n"
    . "[pool:back]\nlisten = $d/back.sock\nscript = $back\npm = static\npm.max_children = 2\n";
FcwTest::write_file("$d/fcworker.ini", $ini);
my $mpid = fork();
if ($mpid == 0) {
    open STDERR, '>>', "$d/stdout.log";
    exec($fcworker, @root, '-c', "$d/fcworker.ini") or POSIX::_exit(127);
}
my $deadline = time + 20;
sleep 0.05 until (-S "$d/front.sock" && -S "$d/back.sock") || time > $deadline;
sleep 0.3;
my $sock = "$d/front.sock";
sub call { FcwTest::fcgi_request($sock, @_) }

for my $via (qw(BACK UNIX TCP)) {
    my $r = call(uri => "/call/echo?via=$via", method => 'POST', body => "payload $via");
    is($r->{status}, 200, "$via: answered") or diag FcwTest::read_file("$d/error.log");
    is($r->{headers}{'x-status'}[0], '201 Made', "$via: the service's status and status text");
    is($r->{headers}{'x-back'}[0], 'yes', "$via: its headers");
    my $j = eval { JSON::PP::decode_json($r->{body}) } || {};
    is($j->{method}, 'POST', "$via: the method");
    is($j->{url}, 'https://back.internal/echo?q=1', "$via: the URL as sent");
    is($j->{body}, "payload $via", "$via: the body");
    is($j->{test}, 'hello', "$via: a header");
    is($j->{type}, 'text/plain', "$via: Content-Type");
    is($j->{host}, 'back.internal', "$via: Host from the URL");
}
my $r = call(uri => '/call/stream');
is($r->{body}, join('', map { "chunk$_;" } 0 .. 49), 'a streamed body arrives whole');
ok(@{ $r->{chunks} } > 5, 'and in pieces (' . scalar(@{ $r->{chunks} }) . ' records)');
$r = call(uri => '/call/big?via=TCP');
is(length $r->{body}, 300000, 'a 300 KB body over TCP');
$r = call(uri => '/call/redirect');
is($r->{headers}{'x-status'}[0], '302 Found', 'a redirect is returned, not followed');
is($r->{headers}{location}[0], 'https://example.com/elsewhere', 'with its Location');
$r = call(uri => '/call/x?via=HTTP');
is($r->{body}, 'http saw: GET /base/x?q=1 HTTP/1.1', 'service.NAME = http://...: fetch() to the base');
$r = call(uri => '/call/x?via=GONE');
is($r->{status}, 502, 'a service that is not there');
like($r->{body}, qr/^TypeError: fetch failed: cannot reach the service/, 'rejects with a TypeError');
$r = call(uri => '/many');
like($r->{body}, qr/^201\|201\|201\|201\|201\|fetch\(\): too many subrequests: .*limits\.subrequests = 5/,
     'service calls count against limits.subrequests');
unlike(FcwTest::read_file("$d/error.log"), qr/ERROR|exited on signal/, 'no errors in the log');

kill 'TERM', $mpid, $tcp_pid, $hpid;
waitpid($_, 0) for $mpid, $tcp_pid, $hpid;
$remote->stop;

# bad lines
for my $case ([ "service.X = nope", qr/service\.X: no pool named "nope"/ ],
              [ "service.X = t", qr/a pool cannot bind itself/ ],
              [ "service.X = fcgi://hostonly", qr/expected fcgi:\/\/host:port/ ],
              [ "service.X = fcgi:relative.sock", qr/expected fcgi:\/path\/to\.sock/ ],
              [ "service.1X = t", qr/JavaScript identifier/ ],
              [ "kv.X = $dir/kv\nservice.X = fcgi:/x.sock", qr/another kind has this name/ ]) {
    my $t = FcwTest::tmpdir();
    FcwTest::write_file("$t/f.ini", "[pool:t]\nlisten = $t/s.sock\nscript = $back\n$case->[0]\n");
    my $o = `'$fcworker' @root -t -c '$t/f.ini' 2>&1`;
    ok($? != 0 && $o =~ $case->[1], "-t refuses: $case->[0]") or diag $o;
}

done_testing;
