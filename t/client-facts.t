#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# What the front server knows of the client reaches the worker:
# REMOTE_ADDR as the cf-connecting-ip header (or the header client_ip_header
# names, or none), replacing one the client sent; request.cf.httpProtocol
# from SERVER_PROTOCOL, tlsVersion and tlsCipher from SSL_PROTOCOL and
# SSL_CIPHER. Then the same behind nginx serving TLS with a self-signed
# certificate made here, with contrib/nginx/fcworker.conf's parameters.
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
FcwTest::write_file("$dir/facts.js", <<'JS');
export default {
    fetch(request) {
        var cf = request.cf, copy = new Request(request);
        return Response.json({
            ip: request.headers.get('cf-connecting-ip'),
            real: request.headers.get('x-real-ip'),
            cf: cf,
            keys: Object.keys(cf).sort(),
            copied: copy.cf
        });
    }
};
JS

sub facts {
    my ($pool, %r) = @_;
    my $res = $pool->request(%r);
    my $j = eval { decode_json($res->{body}) };
    diag("status $res->{status}: $res->{body}") unless $j;
    return $j || {};
}

{
    my $pool = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => "$dir/facts.js");
    my $f = facts($pool, params => { REMOTE_ADDR => '203.0.113.7' });
    is($f->{ip}, '203.0.113.7', 'cf-connecting-ip is REMOTE_ADDR');
    is_deeply($f->{cf}, { httpProtocol => 'HTTP/1.1' }, 'request.cf: httpProtocol, no TLS facts over plain HTTP');
    is_deeply($f->{copied}, { httpProtocol => 'HTTP/1.1' }, 'new Request(request) keeps cf');

    $f = facts($pool, params => { REMOTE_ADDR => '198.51.100.2' }, headers => { 'CF-Connecting-IP' => '6.6.6.6' });
    is($f->{ip}, '198.51.100.2', "the client's own cf-connecting-ip is replaced, not believed");

    $f = facts($pool, params => { REMOTE_ADDR => undef });
    is($f->{ip}, undef, 'no REMOTE_ADDR: no header');

    $f = facts($pool, params => { SERVER_PROTOCOL => 'HTTP/2.0', HTTPS => 'on', SSL_PROTOCOL => 'TLSv1.3',
        SSL_CIPHER => 'TLS_AES_256_GCM_SHA384' });
    is_deeply($f->{cf}, { httpProtocol => 'HTTP/2.0', tlsVersion => 'TLSv1.3', tlsCipher => 'TLS_AES_256_GCM_SHA384' },
        'request.cf: tlsVersion and tlsCipher from SSL_PROTOCOL and SSL_CIPHER');
    $f = facts($pool, params => { SERVER_PROTOCOL => undef });
    is_deeply($f->{keys}, [], 'nothing given: request.cf is empty');
    $pool->stop;
}

{
    my $pool = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => "$dir/facts.js",
        pool => "client_ip_header = X-Real-IP\n");
    my $f = facts($pool, params => { REMOTE_ADDR => '192.0.2.9' }, headers => { 'X-Real-IP' => '6.6.6.6',
        'CF-Connecting-IP' => '7.7.7.7' });
    is($f->{real}, '192.0.2.9', 'client_ip_header names the header (any case), which replaces the client\'s');
    is($f->{ip}, '7.7.7.7', 'cf-connecting-ip is then an ordinary header');
    $pool->stop;
}

{
    my $pool = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => "$dir/facts.js", pool => "client_ip_header =\n");
    my $f = facts($pool, params => { REMOTE_ADDR => '192.0.2.9' }, headers => { 'CF-Connecting-IP' => '7.7.7.7' });
    is($f->{ip}, '7.7.7.7', 'client_ip_header empty: no header from REMOTE_ADDR, the client\'s passes');
    $pool->stop;
}

{
    my $d = FcwTest::tmpdir();
    FcwTest::write_file("$d/bad.ini", "[pool:x]\nlisten = $d/s.sock\nscript = $dir/facts.js\nclient_ip_header = x ip\n");
    my $out = `@{[FcwTest::fcworker()]} @{[FcwTest::root_flag()]} -t -c $d/bad.ini 2>&1`;
    isnt($? >> 8, 0, 'a client_ip_header that is no header name is refused');
    like($out, qr/bad\.ini:4:.*header name/, '... with file:line and why') or diag($out);
}

# nginx with TLS in front
SKIP: {
    skip 'nginx or openssl missing', 6 unless -x '/usr/sbin/nginx' && -x '/usr/bin/openssl' && -x '/usr/bin/curl';
    my $d = FcwTest::tmpdir();
    system("/usr/bin/openssl req -x509 -newkey rsa:2048 -nodes -keyout $d/key.pem -out $d/cert.pem -days 1 "
        . "-subj /CN=localhost >/dev/null 2>&1") == 0
        or skip 'openssl cannot make a certificate', 6;
    # a socket nginx's unprivileged workers can reach
    my $pd = FcwTest::tmpdir();
    chmod 0755, $pd;
    my $pool = FcwTest::start_pool(dir => $pd, script => "$dir/facts.js", pool => "listen.mode = 0666\n");
    my $port = FcwTest::free_port();
    mkdir "$d/tmp";
    FcwTest::write_file("$d/nginx.conf", <<"CONF");
worker_processes 1;
daemon off;
pid $d/nginx.pid;
error_log $d/nginx-error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $d/tmp/body;
    fastcgi_temp_path $d/tmp/fastcgi;
    proxy_temp_path $d/tmp/proxy;
    uwsgi_temp_path $d/tmp/uwsgi;
    scgi_temp_path $d/tmp/scgi;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $d/cert.pem;
        ssl_certificate_key $d/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_param REQUEST_SCHEME \$scheme;
            fastcgi_param HTTPS \$https if_not_empty;
            fastcgi_param SSL_PROTOCOL \$ssl_protocol if_not_empty;
            fastcgi_param SSL_CIPHER \$ssl_cipher if_not_empty;
            fastcgi_pass unix:$pool->{sock};
        }
    }
}
CONF
    my $nginx = fork();
    die "fork: $!" unless defined $nginx;
    if ($nginx == 0) {
        open STDERR, '>>', "$d/nginx-stderr.log";
        exec('/usr/sbin/nginx', '-p', "$d/", '-c', "$d/nginx.conf") or POSIX::_exit(127);
    }
    FcwTest::wait_port($port);
    my $body = `/usr/bin/curl -sk --max-time 10 --tlsv1.2 --tls-max 1.2 https://127.0.0.1:$port/hello`;
    my $f = eval { decode_json($body) } || {};
    diag("curl: $body\n" . FcwTest::read_file("$d/nginx-error.log") . FcwTest::read_file("$d/nginx-stderr.log")) unless $f->{ip};
    is($f->{ip}, '127.0.0.1', 'behind nginx: cf-connecting-ip is the client address');
    is($f->{cf}{httpProtocol}, 'HTTP/1.1', 'behind nginx: cf.httpProtocol');
    like($f->{cf}{tlsVersion} // '', qr/^TLSv1\.2$/, "behind nginx: cf.tlsVersion ($f->{cf}{tlsVersion})");
    like($f->{cf}{tlsCipher} // '', qr/^ECDHE-[A-Z0-9-]+$/, "behind nginx: cf.tlsCipher ($f->{cf}{tlsCipher})");
    $body = `/usr/bin/curl -sk --max-time 10 --tlsv1.3 https://127.0.0.1:$port/hello`;
    $f = eval { decode_json($body) } || {};
    is($f->{cf}{tlsVersion}, 'TLSv1.3', 'behind nginx: TLS 1.3 when the client asks for it');
    like($f->{cf}{tlsCipher} // '', qr/^TLS_/, 'behind nginx: a TLS 1.3 cipher suite');
    kill 'QUIT', $nginx;
    waitpid($nginx, 0);
    $pool->stop;
}

done_testing();
