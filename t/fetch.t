#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Outgoing fetch() against real local servers: nginx serving static files,
# status codes, redirects and headers, plus a small HTTP server forked from
# here that echoes requests and answers slowly on demand. Runs
# t/js/fetch.js in t/jsrun once per group of limits (FCW_FETCH_GROUP) and
# reports each assertion as one TAP line.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use IO::Socket::INET;
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
chmod 0755, $dir; # nginx's worker runs as an unprivileged user
my @started;

# ---- static files
mkdir "$dir/www" or die;
mkdir "$dir/tmp" or die;
FcwTest::write_file("$dir/www/small.txt", "hello fetch\n");
FcwTest::write_file("$dir/www/data.json", '{"name":"fcworker","list":[1,2,3]}');
FcwTest::write_file("$dir/www/big.txt", join('', map { sprintf("line %07d: the quick brown fox jumps over the lazy dog\n", $_) } 1 .. 87382));
FcwTest::write_file("$dir/www/text.txt", ("compressible text " x 2000) . "\n");

# ---- the echo server: GET /delay?ms=N answers after N ms, /drip sends
# ---- five chunks 150 ms apart, anything else echoes the request as JSON.
my $echo_port = FcwTest::free_port();
sub echo_serve {
    my ($conn) = @_;
    my $head = '';
    while ($head !~ /\r\n\r\n/) {
        my $n = sysread($conn, $head, 4096, length $head);
        return unless $n;
    }
    my ($top, $body) = split /\r\n\r\n/, $head, 2;
    my ($line, @lines) = split /\r\n/, $top;
    my ($method, $target) = split / /, $line;
    my %headers;
    for (@lines) {
        my ($k, $v) = split /:\s*/, $_, 2;
        push @{ $headers{lc $k} }, $v;
    }
    my $len = $headers{'content-length'} ? $headers{'content-length'}[0] : 0;
    while (length $body < $len) {
        my $n = sysread($conn, $body, $len - length $body, length $body);
        last unless $n;
    }
    if ($target =~ m{^/delay\?ms=(\d+)}) {
        sleep $1 / 1000;
        print $conn "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\nlate!\n";
        return;
    }
    if ($target =~ m{^/drip}) {
        $conn->autoflush(1);
        print $conn "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        for my $i (1 .. 5) {
            my $chunk = "drip $i\n";
            printf $conn "%x\r\n%s\r\n", length $chunk, $chunk;
            sleep 0.15;
        }
        print $conn "0\r\n\r\n";
        return;
    }
    my %flat = map { $_ => join(', ', @{ $headers{$_} }) } keys %headers;
    my $json = JSON::PP->new->canonical->ascii->encode({
        method => $method, path => $target, headers => \%flat,
        length => length $body, hex => unpack('H*', $body),
    });
    print $conn "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " . length($json)
        . "\r\nX-Echo: yes\r\nConnection: close\r\n\r\n$json";
}

push @started, FcwTest::start_socket_server($echo_port, \&echo_serve);

# ---- nginx
my $port = FcwTest::free_port();
my $echo = "http://127.0.0.1:$echo_port";
FcwTest::write_file("$dir/nginx.conf", <<"EOF");
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $dir/tmp;
    default_type application/octet-stream;
    types { text/plain txt; application/json json; }
    server {
        listen 127.0.0.1:$port;
        root $dir/www;
        location = /status/204 { return 204; }
        location = /status/404 { return 404 "not here\\n"; }
        location = /status/503 { return 503 "busy\\n"; }
        location = /r301 { return 301 /small.txt; }
        location = /r302 { return 302 /small.txt; }
        location = /r303 { return 303 /small.txt; }
        location = /r307 { return 307 /small.txt; }
        location = /chain { return 302 /r301; }
        location = /loop { return 302 /loop; }
        location = /r302-echo { return 302 $echo/after-302; }
        location = /r303-echo { return 303 $echo/after-303; }
        location = /r307-echo { return 307 $echo/after-307; }
        location = /r308-echo { return 308 $echo/after-308; }
        location = /cookies {
            add_header Set-Cookie "a=1; Path=/";
            add_header Set-Cookie "b=2; Path=/";
            add_header X-Custom "custom value";
            add_header X-Latin "caf\xe9";
            return 200 "cookies\\n";
        }
        location /gz/ {
            alias $dir/www/;
            gzip on;
            gzip_types text/plain;
            gzip_min_length 1;
        }
        location /slow/ {
            alias $dir/www/;
            limit_rate 64k;
        }
    }
}
EOF
my $nginx_pid = fork();
die "fork: $!" unless defined $nginx_pid;
if ($nginx_pid == 0) {
    open STDERR, '>>', "$dir/nginx-stderr.log";
    exec('nginx', '-p', $dir, '-e', "$dir/nginx-error.log", '-c', "$dir/nginx.conf") or POSIX::_exit(127);
}
push @started, $nginx_pid;

END {
    for my $pid (@started) {
        kill 'TERM', $pid;
        waitpid($pid, 0);
    }
}

# an upstream that cannot start is a failure, not a skip
unless (FcwTest::wait_port($port) && FcwTest::wait_port($echo_port)) {
    print "1..1\nnot ok 1 - the local upstream servers started\n# "
        . FcwTest::read_file("$dir/nginx-error.log") . "\n";
    exit 1;
}

# ---- the JS tests, one run per group of limits
my %common = (
    FCW_FETCH_UPSTREAM => "http://127.0.0.1:$port",
    FCW_FETCH_ECHO => $echo,
    FCW_FETCH_BIG => "$dir/www/big.txt",
    FCW_TEST_NATIVE => 1,
);
my @groups = (
    [ main => { FCW_TEST_RESPONSE_QUEUE => 4 } ],
    [ limits => { FCW_TEST_SUBREQUESTS => 3, FCW_TEST_FETCH_TIMEOUT_MS => 700 } ],
    [ private => { FCW_TEST_FETCH_DENY_PRIVATE => 1 } ],
    [ allow => { FCW_TEST_FETCH_DENY_PRIVATE => 1, FCW_TEST_FETCH_ALLOW => 'example.invalid, 10.0.0.0/8, localhost:1, 127.0.0.1' } ],
    [ allow_name => { FCW_TEST_FETCH_DENY_PRIVATE => 1, FCW_TEST_FETCH_ALLOW => 'localhost' } ],
);
my $n = 0;
for my $g (@groups) {
    my ($name, $vars) = @$g;
    local %ENV = (%ENV, %common, %$vars, FCW_FETCH_GROUP => $name);
    FcwTest::print_js_result(FcwTest::run_js_file("$top/t/js/fetch.js"), $name, \$n);
}

# ---- the fetch examples and per-request limits, through a real pool
sub tap {
    my ($ok, $name, $diag, $todo) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - pool: $name" . ($todo ? " # TODO $todo" : '') . "\n");
    print "# $diag\n" if !$ok && defined $diag;
}

my $ex = "$top/contrib/examples";
my $up = "http://127.0.0.1:$port";
my $big = FcwTest::read_file("$dir/www/big.txt");
{
    my $pool = FcwTest::start_pool(script => "$ex/proxy.js", children => 1, vars => { UPSTREAM => $up });
    my $r = $pool->request(uri => '/small.txt');
    tap($r->{status} == 200 && $r->{body} eq "hello fetch\n", 'proxy.js: a small file', "status $r->{status}");
    tap(($r->{headers}{'content-type'}[0] // '') eq 'text/plain', 'proxy.js: the upstream content-type');
    $r = $pool->request(uri => '/big.txt');
    tap($r->{body} eq $big, 'proxy.js: the 5 MB file, byte for byte', 'got ' . length($r->{body}) . ' bytes');
    $r = $pool->request(uri => '/status/404');
    tap($r->{status} == 404 && $r->{body} eq "not here\n", 'proxy.js: an upstream 404');
    $r = $pool->request(uri => '/r302');
    tap(scalar($r->{status} == 302 && ($r->{headers}{location}[0] // '') =~ m{/small\.txt$}), 'proxy.js: redirects are passed on');
    $pool->stop;
}
{
    # the shipped default, as workerd's: public addresses only; a pool names
    # the local services it calls in fetch.allow
    my $pool = FcwTest::start_pool(script => "$ex/proxy.js", children => 1, vars => { UPSTREAM => $up },
        fetch_default => 1);
    my $r = $pool->request(uri => '/small.txt');
    tap($r->{status} == 500 || $r->{status} == 502, 'by default a pool may not fetch() a loopback address',
        "status $r->{status}");
    tap(scalar($pool->log =~ /refusing to connect to 127\.0\.0\.1, a private or loopback address \(fetch\.deny_private; name it in fetch\.allow/),
        'the log says why and what to do', $pool->log);
    $pool->stop;
    my $allowed = FcwTest::start_pool(script => "$ex/proxy.js", children => 1, vars => { UPSTREAM => $up },
        fetch_default => 1, pool => "fetch.allow = 127.0.0.0/8\n");
    $r = $allowed->request(uri => '/small.txt');
    tap($r->{status} == 200 && $r->{body} eq "hello fetch\n", 'with fetch.allow = 127.0.0.0/8 it may', "status $r->{status}");
    $allowed->stop;
}
{
    my $pool = FcwTest::start_pool(script => "$ex/stream-transform.js", children => 1, vars => { UPSTREAM => $up });
    my $r = $pool->request(uri => '/small.txt');
    tap($r->{body} eq "HELLO FETCH\n", 'stream-transform.js: upper-cased', "got '$r->{body}'");
    $r = $pool->request(uri => '/big.txt');
    tap($r->{body} eq uc($big), 'stream-transform.js: the 5 MB file upper-cased', 'got ' . length($r->{body}) . ' bytes');
    $pool->stop;
}
{
    my $pool = FcwTest::start_pool(script => "$ex/sse.js", children => 1);
    my $r = $pool->request(uri => '/events?n=4');
    my @events = $r->{body} =~ /^event: tick$/mg;
    tap(scalar(@events) == 4, 'sse.js: ?n=4 sends four events', "body: $r->{body}");
    tap(($r->{headers}{'content-type'}[0] // '') eq 'text/event-stream', 'sse.js: content-type text/event-stream');
    my @chunks = @{ $r->{chunks} };
    tap(@chunks >= 4 && $chunks[-1][0] - $chunks[0][0] >= 0.25, 'sse.js: events arrive one by one, 100 ms apart',
        scalar(@chunks) . ' chunks');
    $pool->stop;
}
{
    my $script = FcwTest::write_file("$dir/count.js", <<'EOF');
export default {
    fetch: function (request, env) {
        var fetched = 0;
        function get() {
            return fetch(env.UPSTREAM + '/small.txt').then(function (r) { fetched++; return r.text(); });
        }
        return get().then(get).then(get).then(function () {
            return new Response('all ' + fetched + '\n');
        }, function (e) {
            return new Response(fetched + ' then ' + e.message + '\n');
        });
    }
};
EOF
    my $pool = FcwTest::start_pool(script => $script, children => 1, vars => { UPSTREAM => $up },
        pool => "limits.subrequests = 2\n");
    # Per-request counting needs the dispatcher's resetRequest to call
    # native.fetchReset(); until it does, these are expected to fail.
    my $todo = FcwTest::read_file("$top/js/90-dispatch.js") =~ /native\.fetchReset\(\)/ ? undef
        : 'js/90-dispatch.js resetRequest does not call native.fetchReset() yet';
    my $first = $pool->request(uri => '/');
    tap(scalar($first->{body} =~ /^2 then .*limits\.subrequests/), 'limits.subrequests: the third fetch of a request is refused',
        "got '$first->{body}'", $todo);
    my $second = $pool->request(uri => '/');
    tap(scalar($second->{body} =~ /^2 then /), 'limits.subrequests: counted per request (the next request may fetch again)',
        "got '$second->{body}'", $todo);
    $pool->stop;
}
print "1..$n\n";
