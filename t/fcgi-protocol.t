#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The child's side of the FastCGI protocol (src/fcgi.c), spoken to by a raw
# client on the pool's socket: params over limits.params_max refused with
# 431 (and logged with the size) while the child stays small and serving,
# many small params, management records (FCGI_GET_VALUES, an unknown type),
# other roles refused with FCGI_UNKNOWN_ROLE, a second request id on one
# connection refused with FCGI_CANT_MPX_CONN, FCGI_ABORT_REQUEST before and
# during the body, FCGI_KEEP_CONN honoured both ways, a large response in
# records of more than 8 KiB, and a client that goes away mid-response.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use IO::Socket::UNIX;
use JSON::PP;
use POSIX qw(EAGAIN EWOULDBLOCK);
use Time::HiRes qw(sleep time);

use constant { BEGIN_REQUEST => 1, ABORT_REQUEST => 2, END_REQUEST => 3, PARAMS => 4, FCGI_STDIN => 5,
    FCGI_STDOUT => 6, GET_VALUES => 9, GET_VALUES_RESULT => 10, UNKNOWN_TYPE => 11, RESPONDER => 1,
    AUTHORIZER => 2, FILTER => 3, KEEP_CONN => 1 };
use constant { REQUEST_COMPLETE => 0, CANT_MPX_CONN => 1, UNKNOWN_ROLE => 3 };

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/proto.js", <<'JS');
export default {
    fetch: function (request) {
        var url = new URL(request.url);
        if (url.pathname === '/echo') {
            var n = 0, big = 0;
            request.headers.forEach(function (v, k) {
                n++;
                if (v.length > big) big = v.length;
            });
            return request.text().then(function (body) {
                return Response.json({ headers: n, longest: big, body: body.length });
            });
        }
        if (url.pathname === '/big') {
            var size = +url.searchParams.get('n');
            var chunk = new Uint8Array(size);
            for (var i = 0; i < size; i++) chunk[i] = 97 + i % 26;
            return new Response(chunk);
        }
        if (url.pathname === '/stream') {
            var left = +url.searchParams.get('chunks');
            var piece = new Uint8Array(65536);
            return new Response(new ReadableStream({
                pull: function (c) {
                    if (left-- > 0) c.enqueue(piece); else c.close();
                }
            }));
        }
        return new Response('ok');
    }
};
JS

my $pool = FcwTest::start_pool(script => $script, children => 2, pool => "request_read_timeout = 2s\n");
ok(!defined $pool->{exited}, 'the pool starts') or BAIL_OUT($pool->log);
my @kids = $pool->children;
is(scalar @kids, 2, 'two children');

sub record { FcwTest::record(@_) }
sub begin_request { my ($id, $role, $flags) = @_; return record(BEGIN_REQUEST, $id, pack('nCx5', $role, $flags || 0)) }
sub params_stream { my (%p) = @_; return join '', map { FcwTest::encode_pair($_, $p{$_}) } sort keys %p }

sub std_params {
    my (%extra) = @_;
    return (REQUEST_METHOD => 'GET', REQUEST_URI => '/', SCRIPT_NAME => '/', QUERY_STRING => '', SERVER_NAME => 'localhost',
        SERVER_PORT => '80', HTTP_HOST => 'localhost', REQUEST_SCHEME => 'http', %extra);
}

sub params_records {
    my ($id, $stream) = @_;
    my $out = '';
    $out .= record(PARAMS, $id, substr($stream, 0, 65535, '')) while length $stream;
    return $out . record(PARAMS, $id, '');
}

# A whole request with id $id: BEGIN_REQUEST, params, the body, the end of FCGI_STDIN.
sub request_bytes {
    my ($id, $flags, $body, %p) = @_;
    my $out = begin_request($id, RESPONDER, $flags) . params_records($id, params_stream(std_params(%p)));
    $out .= record(FCGI_STDIN, $id, substr($body, 0, 65535, '')) while defined $body && length $body;
    return $out . record(FCGI_STDIN, $id, '');
}

sub connect_pool { IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $pool->{sock}) or die "connect: $!" }

# Reads records until END_REQUEST of request $o{id} (any, if not given),
# EOF or the timeout. Returns { records => [[type, id, content]...],
# stdout, end => 'end'|'eof'|'timeout', status, body, reads }.
sub read_records {
    my ($c, %o) = @_;
    my %res = (records => [], stdout => '', end => 'timeout', reads => 0);
    my $buf = '';
    my $deadline = time + ($o{timeout} || 5);
    while (time < $deadline) {
        my $rin = '';
        vec($rin, fileno($c), 1) = 1;
        next unless select(my $rout = $rin, undef, undef, $deadline - time);
        my $n = sysread($c, $buf, 1 << 20, length $buf);
        next if !defined $n && ($! == EAGAIN || $! == EWOULDBLOCK);
        if (!$n) { $res{end} = 'eof'; last }
        $res{reads}++;
        while (length $buf >= 8) {
            my ($ver, $type, $id, $clen, $plen) = unpack('CCnnC', $buf);
            last if length $buf < 8 + $clen + $plen;
            my $content = substr($buf, 8, $clen);
            substr($buf, 0, 8 + $clen + $plen, '');
            push @{ $res{records} }, [$type, $id, $content];
            $res{stdout} .= $content if $type == FCGI_STDOUT;
            if ($type == END_REQUEST && (!defined $o{id} || $o{id} == $id)) {
                $res{end} = 'end';
                return parsed(\%res);
            }
        }
    }
    return parsed(\%res);
}

sub parsed {
    my ($res) = @_;
    my $p = FcwTest::parse_response($res->{stdout}, '', []);
    return { %$res, status => $p->{status}, body => $p->{body}, headers => $p->{headers} };
}

sub raw {
    my ($bytes, %o) = @_;
    my $c = $o{conn} || connect_pool();
    syswrite($c, $bytes) if length $bytes;
    return read_records($c, %o);
}

sub end_requests { my ($r) = @_; return map { [ $_->[1], unpack('NC', $_->[2]) ] } grep { $_->[0] == END_REQUEST } @{ $r->{records} } }

# The connection is closed by the child: EOF within a second.
sub closed_by_child {
    my ($c) = @_;
    my $rin = '';
    vec($rin, fileno($c), 1) = 1;
    return 0 unless select(my $rout = $rin, undef, undef, 2);
    my $n = sysread($c, my $buf, 1);
    return defined $n && $n == 0;
}

sub still_fine {
    my ($what) = @_;
    my $r = raw(request_bytes(1, 0, ''));
    is("$r->{status} $r->{body}", '200 ok', "$what: the pool answers a normal request next");
    is_deeply([ $pool->children ], \@kids, "$what: no child died") or diag grep { /exited|Assertion/ } split /^/, $pool->log;
}

sub rss_kb { my ($pid) = @_; my $s = FcwTest::read_file("/proc/$pid/status"); return $s =~ /VmRSS:\s+(\d+)/ ? $1 : 0 }

subtest 'params over limits.params_max (64k by default): 431, logged, the child stays small' => sub {
    my $r = raw(request_bytes(1, 0, '', REQUEST_URI => '/echo', HTTP_X_BIG => 'v' x 60_000));
    my $j = eval { decode_json($r->{body}) } || {};
    is($r->{status}, 200, 'a 60,000-byte header (params under 64k): served');
    is($j->{longest}, 60_000, 'whole');

    $r = raw(request_bytes(1, 0, '', REQUEST_URI => '/echo', HTTP_X_BIG => 'v' x 70_000));
    is($r->{status}, 431, 'a 70,000-byte header: 431');
    is($r->{end}, 'end', 'with FCGI_END_REQUEST');
    like($pool->log, qr/\[pool test\].*refused a request: its FastCGI params are over limits\.params_max \(65536 bytes\): \d+ bytes or more/,
        'logged with the pool, the limit and the size');

    # a 300 MB value: the child reads little more than the limit, answers
    # and closes; the client's writes fail once it has
    my @rss_before = map { rss_kb($_) } @kids;
    my $c = connect_pool();
    $c->blocking(0);
    my $head = begin_request(1, RESPONDER) . record(PARAMS, 1, pack('CN', 5, 300_000_000 | 0x80000000) . 'HTTP_' . ('x' x 65_000));
    my $sent = syswrite($c, $head) // 0;
    my $piece = record(PARAMS, 1, 'x' x 65_000);
    my $t0 = time;
    my $answer = '';
    while (time < $t0 + 10) {
        my $w = syswrite($c, $piece);
        $sent += $w if $w;
        last if !defined $w && $! != EAGAIN && $! != EWOULDBLOCK;
        my $n = sysread($c, $answer, 65536, length $answer);
        last if defined $n && $n == 0;
        sleep 0.001 if !defined $w;
    }
    $c->blocking(1);
    $r = read_records($c, timeout => 3);
    my $all = $answer . $r->{stdout};
    my $status = $all =~ /Status: (\d+)/ ? $1 : 0;
    $status = $1 if !$status && $answer =~ /Status: (\d+)/;
    note sprintf('300 MB param: the client could send %.1f MB before the child closed (%.1f s)', $sent / 1e6, time - $t0);
    cmp_ok($sent, '<', 100e6, 'the child stopped reading long before 300 MB');
    like($answer . join('', map { $_->[2] } @{ $r->{records} }), qr/Status: 431/, 'and answered 431');
    like($pool->log, qr/limits\.params_max \(65536 bytes\): 30000\d{4} bytes or more/, 'the log names the 300 MB the param claims');
    my @rss_after = map { rss_kb($_) } @kids;
    for my $i (0 .. $#kids) {
        cmp_ok($rss_after[$i] - $rss_before[$i], '<', 8 * 1024, "child $i grew by less than 8 MB ($rss_before[$i] -> $rss_after[$i] kB)");
    }
    still_fine('after the refused params');
};

subtest 'many small params' => sub {
    my %many = map { (sprintf('HTTP_X_P%04d', $_) => "v$_") } 1 .. 3000;
    my $r = raw(request_bytes(1, 0, '', REQUEST_URI => '/echo', %many));
    my $j = eval { decode_json($r->{body}) } || {};
    is($r->{status}, 200, '3,000 params within 64k: served');
    is($j->{headers}, 3001, 'the worker sees the 3,000 headers and Host');

    # "NAME=value" strings cannot carry a name with '=' or NUL in it: such
    # a pair would read as another parameter (here REQUEST_URI)
    $r = raw(begin_request(1, RESPONDER) . params_records(1, FcwTest::encode_pair('REQUEST_URI=/evil', 'x')
        . FcwTest::encode_pair("HTTP_X\0Y", 'z') . FcwTest::encode_pair('', 'empty')
        . params_stream(std_params(REQUEST_URI => '/echo'))) . record(FCGI_STDIN, 1, ''));
    $j = eval { decode_json($r->{body}) } || {};
    is($r->{status}, 200, 'params whose names hold = or NUL, or are empty: the request is served');
    is($j->{headers}, 1, 'without them (the route is still /echo, no x-header)');
};

subtest 'management records' => sub {
    my $q = join '', map { FcwTest::encode_pair($_, '') } qw(FCGI_MAX_CONNS FCGI_MAX_REQS FCGI_MPXS_CONNS FCGI_UNHEARD_OF);
    my $c = connect_pool();
    my $r = raw(record(GET_VALUES, 0, $q) . request_bytes(1, 0, ''), conn => $c);
    my ($res) = grep { $_->[0] == GET_VALUES_RESULT } @{ $r->{records} };
    ok($res, 'FCGI_GET_VALUES: answered with FCGI_GET_VALUES_RESULT');
    my %v;
    my $content = $res ? $res->[2] : '';
    while (length $content >= 2) {
        my ($nl, $vl) = unpack('CC', $content);
        $v{ substr($content, 2, $nl) } = substr($content, 2 + $nl, $vl);
        substr($content, 0, 2 + $nl + $vl, '');
    }
    is_deeply(\%v, { FCGI_MAX_CONNS => 2, FCGI_MAX_REQS => 2, FCGI_MPXS_CONNS => 0 },
        'FCGI_MAX_CONNS and FCGI_MAX_REQS are the pool size, FCGI_MPXS_CONNS 0, unknown names left out');
    is($r->{status}, 200, 'the request after it on the connection is served');

    $r = raw(record(42, 0, 'x' x 8) . request_bytes(1, 0, ''));
    my ($unknown) = grep { $_->[0] == UNKNOWN_TYPE } @{ $r->{records} };
    ok($unknown && ord($unknown->[2]) == 42, 'an unknown management record: FCGI_UNKNOWN_TYPE naming its type');
    is($r->{status}, 200, 'and the request after it is served');
    still_fine('management records');
};

subtest 'roles other than responder: FCGI_UNKNOWN_ROLE' => sub {
    for my $role ([AUTHORIZER, 'authorizer'], [FILTER, 'filter'], [99, 'role 99']) {
        my $c = connect_pool();
        my $r = raw(begin_request(1, $role->[0], KEEP_CONN) . params_records(1, params_stream(std_params())) . record(FCGI_STDIN, 1, ''),
            conn => $c);
        my @ends = end_requests($r);
        is_deeply(\@ends, [[1, 0, UNKNOWN_ROLE]], "$role->[1]: FCGI_END_REQUEST with FCGI_UNKNOWN_ROLE");
        is($r->{stdout}, '', "$role->[1]: no output");
        # FCGI_KEEP_CONN: the connection stays for the next request
        my $next = raw(request_bytes(2, 0, ''), conn => $c, id => 2);
        is("$next->{status} $next->{body}", '200 ok', "$role->[1]: the next request on the kept connection is served");
    }
    like($pool->log, qr/refused a FastCGI request of role 2: only the responder role is served/, 'logged');
    still_fine('other roles');
};

subtest 'a second request id on one connection: FCGI_CANT_MPX_CONN' => sub {
    my $c = connect_pool();
    my $bytes = begin_request(1, RESPONDER) . begin_request(2, RESPONDER)
        . params_records(2, params_stream(std_params(REQUEST_URI => '/two'))) . record(FCGI_STDIN, 2, '')
        . params_records(1, params_stream(std_params(REQUEST_METHOD => 'POST', REQUEST_URI => '/echo', CONTENT_LENGTH => 3))) . record(FCGI_STDIN, 1, 'abc') . record(FCGI_STDIN, 1, '');
    my $r = raw($bytes, conn => $c, id => 1);
    my @ends = end_requests($r);
    is_deeply(\@ends, [[2, 0, CANT_MPX_CONN], [1, 0, REQUEST_COMPLETE]], 'request 2 refused with FCGI_CANT_MPX_CONN, request 1 completed');
    ok(!(grep { $_->[0] == FCGI_STDOUT && $_->[1] == 2 } @{ $r->{records} }), 'nothing written for request 2');
    my $j = eval { decode_json($r->{body}) } || {};
    is($j->{body}, 3, 'request 1 got its body, not request 2\'s records');
    ok(closed_by_child($c), 'no FCGI_KEEP_CONN: the child closes the connection after the request');
    still_fine('multiplexing refused');
};

subtest 'FCGI_ABORT_REQUEST' => sub {
    my $c = connect_pool();
    my $r = raw(begin_request(1, RESPONDER, KEEP_CONN) . record(PARAMS, 1, FcwTest::encode_pair('REQUEST_METHOD', 'GET'))
        . record(ABORT_REQUEST, 1, ''), conn => $c);
    is_deeply([ end_requests($r) ], [[1, 1, REQUEST_COMPLETE]], 'aborted while its params came: FCGI_END_REQUEST');
    is($r->{stdout}, '', 'nothing ran');
    my $next = raw(request_bytes(2, KEEP_CONN, ''), conn => $c, id => 2);
    is("$next->{status} $next->{body}", '200 ok', 'the kept connection serves the next request');

    $c = connect_pool();
    $r = raw(begin_request(1, RESPONDER) . params_records(1, params_stream(std_params(REQUEST_METHOD => 'POST',
        REQUEST_URI => '/echo', CONTENT_LENGTH => 100))) . record(FCGI_STDIN, 1, 'x' x 10) . record(ABORT_REQUEST, 1, ''),
        conn => $c);
    my @ends = end_requests($r);
    is(scalar @ends, 1, 'aborted while its body came: FCGI_END_REQUEST');
    unlike($r->{stdout}, qr/"body"/, 'the worker did not run with a part of the body');
    like($pool->log, qr/the front server aborted the request \(FCGI_ABORT_REQUEST\)/, 'logged');
    still_fine('aborted requests');
};

subtest 'FCGI_KEEP_CONN honoured, large responses in large records' => sub {
    my $c = connect_pool();
    for my $i (1 .. 3) {
        my $r = raw(request_bytes($i, KEEP_CONN, 'b' x 1000, REQUEST_METHOD => 'POST', REQUEST_URI => '/echo'), conn => $c, id => $i);
        my $j = eval { decode_json($r->{body}) } || {};
        is("$r->{status} $j->{body}", '200 1000', "request $i on one kept connection");
    }
    my $r = raw(request_bytes(4, 0, '', REQUEST_URI => '/big?n=1000000'), conn => $c, id => 4);
    is(length $r->{body}, 1_000_000, 'a 1 MB body arrives whole');
    is(substr($r->{body}, 999_990), join('', map { chr(97 + $_ % 26) } 999_990 .. 999_999), 'up to its last bytes');
    my ($largest) = sort { $b <=> $a } map { length $_->[2] } grep { $_->[0] == FCGI_STDOUT } @{ $r->{records} };
    cmp_ok($largest, '>', 32768, "in FCGI_STDOUT records larger than 8 KiB (largest $largest bytes)");
    my ($last_out) = grep { $r->{records}[$_][0] == FCGI_STDOUT && $r->{records}[$_][2] eq '' } 0 .. $#{ $r->{records} };
    is($r->{records}[-1][0], END_REQUEST, 'FCGI_END_REQUEST ends it');
    ok(defined $last_out && $last_out == $#{ $r->{records} } - 1, 'after the empty FCGI_STDOUT record');
    ok(closed_by_child($c), 'the request without FCGI_KEEP_CONN: the child closes the connection');
};

subtest 'a client that goes away mid-response' => sub {
    my $c = connect_pool();
    syswrite($c, request_bytes(1, 0, '', REQUEST_URI => '/stream?chunks=2000'));
    my $got = 0;
    while ($got < 200_000) {
        my $n = sysread($c, my $buf, 65536);
        last unless $n;
        $got += $n;
    }
    close $c;
    sleep 0.3;
    still_fine('a client gone mid-response (EPIPE)');
};

$pool->stop;
unlike($pool->log, qr/AddressSanitizer|runtime error/, 'no sanitizer report');
done_testing();
