#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Hostile input on the pool's own socket: malformed and oversized FastCGI
# records (wrong version, unknown types, huge name/value lengths, truncated
# and stalled records, other roles or no BEGIN_REQUEST at all, params split
# at odd places, 10,000 params), a 100 MB body over limits.body_max,
# invalid UTF-8 in headers and the URL, header injection through a
# Response's headers, and path traversal in root mode. After each, the pool
# answers a normal request and no child has died.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use File::Path qw(make_path);
use IO::Socket::UNIX;
use JSON::PP;
use POSIX qw(EAGAIN EWOULDBLOCK);
use Time::HiRes qw(sleep time);

use constant { BEGIN_REQUEST => 1, END_REQUEST => 3, PARAMS => 4, FCGI_STDIN => 5, FCGI_STDOUT => 6, GET_VALUES => 9,
    GET_VALUES_RESULT => 10, UNKNOWN_TYPE => 11, RESPONDER => 1, AUTHORIZER => 2, FILTER => 3 };

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/bad.js", <<'JS');
// Answers what the checks look at: header counts, body sizes, the code
// units of a header, and responses whose headers try to inject lines.
var INJECTIONS = {
    crlf: 'a\r\nset-cookie: pwned=1',
    lf: 'a\nset-cookie: pwned=1',
    cr: 'a\rset-cookie: pwned=1',
    nul: 'a\u0000set-cookie: pwned=1'
};

function codes(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
        out.push(s.charCodeAt(i));
    }
    return out;
}

function inject(how, where) {
    var bad = INJECTIONS[how], r;
    if (where === 'name') {
        return new Response('x', { headers: [['x-evil\r\nset-cookie', 'pwned=1']] });
    }
    if (where === 'set') {
        r = new Response('x');
        r.headers.set('x-evil', bad);
        return r;
    }
    if (where === 'catch') {
        try {
            r = new Response('x', { headers: { 'x-evil': bad } });
        } catch (e) {
            return new Response('caught ' + e.name);
        }
        return new Response('no exception');
    }
    return new Response('x', { headers: { 'x-evil': bad } });
}

export default {
    fetch: function (request) {
        var url = new URL(request.url), path = url.pathname;
        if (path === '/echo') {
            var n = 0;
            request.headers.forEach(function () { n++; });
            return Response.json({ headers: n, big: (request.headers.get('x-big') || '').length,
                tail: (request.headers.get('x-big') || '').slice(-3) });
        }
        if (path === '/body') {
            return request.arrayBuffer().then(function (b) { return new Response(String(b.byteLength)); });
        }
        if (path.indexOf('/utf8/') === 0) {
            return Response.json({ header: codes(request.headers.get('x-bad') || ''), url: request.url, path: path });
        }
        if (path === '/types') {
            var value = request.headers.get('x-bad'), out = { type: typeof value };
            try {
                out.length = ('' + value).length;
            } catch (e) {
                out.error = e.name;
            }
            return Response.json(out);
        }
        if (path === '/inject') {
            return inject(url.searchParams.get('how'), url.searchParams.get('where'));
        }
        if (path === '/trim') {
            return new Response('x', { headers: { 'x-trim': ' \t value \r\n' } });
        }
        return new Response('ok');
    }
};
JS

my $pool = FcwTest::start_pool(script => $script, children => 2, pool => "limits.body_max = 1m\nrequest_read_timeout = 1s\n"
    # the 10,000 params and the 100,000-byte value below are over the default 64k
    . "limits.params_max = 1m\n");
ok(!defined $pool->{exited}, 'the pool starts') or BAIL_OUT($pool->log);
my @kids = $pool->children;
is(scalar @kids, 2, 'two children');

# ---- a raw FastCGI client that never blocks for longer than its timeout

sub record { FcwTest::record(@_) }
sub begin_request { my ($id, $role, $flags) = @_; return record(BEGIN_REQUEST, $id, pack('nCx5', $role, $flags || 0)) }

sub params_stream {
    my (%p) = @_;
    return join '', map { FcwTest::encode_pair($_, $p{$_}) } sort keys %p;
}

sub std_params {
    my (%extra) = @_;
    return (REQUEST_METHOD => 'GET', REQUEST_URI => '/', SCRIPT_NAME => '/', QUERY_STRING => '', SERVER_NAME => 'localhost',
        SERVER_PORT => '80', HTTP_HOST => 'localhost', REQUEST_SCHEME => 'http', %extra);
}

# PARAMS records of at most $size bytes each, then the empty one
sub params_records {
    my ($stream, $size) = @_;
    my $out = '';
    $out .= record(PARAMS, 1, substr($stream, 0, $size || 65535, '')) while length $stream;
    return $out . record(PARAMS, 1, '');
}

sub connect_pool {
    my $c = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $pool->{sock}) or die "connect: $!";
    return $c;
}

# Sends $bytes, then reads records until END_REQUEST, EOF or the timeout.
# Returns { records => [[type, id, content]...], stdout, end => 'end'|'eof'|'timeout' }.
sub raw {
    my ($bytes, %o) = @_;
    my $c = $o{conn} || connect_pool();
    syswrite($c, $bytes) if length $bytes;
    shutdown($c, 1) if $o{close_write};
    return read_records($c, $o{timeout} || 3);
}

sub read_records {
    my ($c, $timeout) = @_;
    my %res = (records => [], stdout => '', end => 'timeout');
    my $buf = '';
    my $deadline = time + $timeout;
    while (time < $deadline) {
        my $rin = '';
        vec($rin, fileno($c), 1) = 1;
        next unless select(my $rout = $rin, undef, undef, $deadline - time);
        my $n = sysread($c, $buf, 65536, length $buf);
        next if !defined $n && ($! == EAGAIN || $! == EWOULDBLOCK);
        if (!$n) { $res{end} = 'eof'; last }
        while (length $buf >= 8) {
            my ($ver, $type, $id, $clen, $plen) = unpack('CCnnC', $buf);
            last if length $buf < 8 + $clen + $plen;
            my $content = substr($buf, 8, $clen);
            substr($buf, 0, 8 + $clen + $plen, '');
            push @{ $res{records} }, [$type, $id, $content];
            $res{stdout} .= $content if $type == FCGI_STDOUT;
            if ($type == END_REQUEST) { $res{end} = 'end'; return response(\%res) }
        }
    }
    return response(\%res);
}

sub response {
    my ($res) = @_;
    my $parsed = FcwTest::parse_response($res->{stdout}, '', []);
    return { %$res, status => $parsed->{status}, headers => $parsed->{headers}, body => $parsed->{body} };
}

sub normal_request { return raw(begin_request(1, RESPONDER) . params_records(params_stream(std_params())) . record(FCGI_STDIN, 1, '')) }

# The pool answers a normal request; no child died.
sub still_fine {
    my ($what) = @_;
    my $r = normal_request();
    is($r->{status} . ' ' . $r->{body}, '200 ok', "$what: the pool answers a normal request next");
}

sub same_children {
    my ($what, $todo) = @_;
    {
        local $TODO = $todo;
        is_deeply([ $pool->children ], \@kids, "$what: no child died")
            or diag grep { /exited|Assertion/ } split /^/, $pool->log;
    }
    # after a death, go on with the replacement
    my $end = time + 12;
    sleep 0.05 while $pool->children < 2 && time < $end;
    @kids = $pool->children;
}

# ---- malformed records

subtest 'wrong version, unknown types, no BEGIN_REQUEST' => sub {
    my $normal = params_records(params_stream(std_params())) . record(FCGI_STDIN, 1, '');
    my $r = raw(pack('CCnnCC', 2, BEGIN_REQUEST, 1, 8, 0, 0) . pack('nCx5', RESPONDER, 0) . $normal);
    isnt($r->{status}, 200, "version 2: not served (connection $r->{end})");
    still_fine('version 2');

    $r = raw(record(42, 0, 'x' x 8) . begin_request(1, RESPONDER) . $normal);
    my ($unknown) = grep { $_->[0] == UNKNOWN_TYPE } @{ $r->{records} };
    ok($unknown && ord($unknown->[2]) == 42, 'an unknown management record type: FCGI_UNKNOWN_TYPE naming it');
    note "the request after it on the same connection: status $r->{status}, connection $r->{end}";
    still_fine('an unknown management record');

    $r = raw(record(GET_VALUES, 0, FcwTest::encode_pair('FCGI_MPXS_CONNS', '')) . begin_request(1, RESPONDER) . $normal);
    ok((grep { $_->[0] == GET_VALUES_RESULT } @{ $r->{records} }), 'FCGI_GET_VALUES: answered with FCGI_GET_VALUES_RESULT');

    $r = raw(begin_request(1, RESPONDER) . record(42, 1, 'abc') . $normal);
    isnt($r->{status}, 200, "an unknown record type inside a request: the request is not served ($r->{status})");
    still_fine('unknown type in a request');

    $r = raw($normal);
    isnt($r->{status}, 200, "PARAMS and STDIN without BEGIN_REQUEST: nothing is served (connection $r->{end})");
    still_fine('no BEGIN_REQUEST');

    $r = raw(begin_request(1, 99) . $normal);
    isnt($r->{status}, 200, "role 99: not served (connection $r->{end})");
    still_fine('role 99');

    for my $role ([AUTHORIZER, 'AUTHORIZER'], [FILTER, 'FILTER']) {
        $r = raw(begin_request(1, $role->[0]) . $normal);
        ok($r->{body} ne 'ok', "a BEGIN_REQUEST for the $role->[1] role does not run the worker as a responder"
            . " (got $r->{status} '$r->{body}')");
    }
    same_children('malformed records');
};

subtest 'huge lengths, truncated records, a connection closed mid-params' => sub {
    my $r = raw(begin_request(1, RESPONDER) . record(PARAMS, 1, pack('NN', 0xffffffff, 0xffffffff) . 'abcdefgh') . record(PARAMS, 1, ''));
    isnt($r->{status}, 200, "name and value lengths of 2^31-1: not served (connection $r->{end})");
    same_children('lengths of 2^31-1');
    still_fine('lengths of 2^31-1');

    # 16 + (2^31 - 16) + 2 overflows the int that libfcgi sizes its buffer with
    $r = raw(begin_request(1, RESPONDER) . record(PARAMS, 1, pack('NN', 0x80000010, 0xfffffff0) . 'abcdefgh'), close_write => 1);
    isnt($r->{status}, 200, "name + value lengths over 2^31: not served (connection $r->{end})");
    same_children('name + value lengths over 2^31');
    still_fine('name + value lengths over 2^31');

    $r = raw(begin_request(1, RESPONDER) . record(PARAMS, 1, pack('CN', 4, 100_000_000 | 0x80000000) . 'name' . 'only a little'),
        close_write => 1);
    isnt($r->{status}, 200, "a 100 MB value length, a few bytes of it, the connection closed: not served ($r->{end})");
    same_children('a 100 MB value length');

    for my $cut ([3, 'a record header cut after 3 bytes'], [20, 'a BEGIN_REQUEST body cut short'],
                 [40, 'a PARAMS record cut short']) {
        my $bytes = substr(begin_request(1, RESPONDER) . params_records(params_stream(std_params())), 0, $cut->[0]);
        my $c = connect_pool();
        syswrite($c, $bytes);
        shutdown($c, 1);
        $r = read_records($c, 3);
        ok($r->{end} ne 'timeout' && $r->{body} ne 'ok',
            "$cut->[1], then the connection closed: the worker does not run, the child lets go ($r->{end}, $r->{status})");
    }
    same_children('truncated records');
    still_fine('truncated records');

    # a front server that stalls mid-record holds a child only for a while
    my @stalled = map { my $c = connect_pool(); syswrite($c, substr(begin_request(1, RESPONDER), 0, 5)); $c } 1 .. 2;
    my $t0 = time;
    $r = raw(begin_request(1, RESPONDER) . params_records(params_stream(std_params())) . record(FCGI_STDIN, 1, ''), timeout => 4);
    is($r->{status}, 200, sprintf('with every child holding a stalled connection, a request is still answered '
        . 'once request_read_timeout (1 s) drops them (%s after %.1f s)', $r->{end}, time - $t0));
    close $_ for @stalled;
    same_children('stalled records');
    still_fine('after the stalled connections closed');
};

subtest 'a body that trickles in meets request_read_timeout for the whole body' => sub {
    # one byte every 300 ms: each read succeeds, so only a deadline on the
    # whole body ends it (before, it held the child as long as it went on)
    my $c = connect_pool();
    syswrite($c, begin_request(1, RESPONDER)
        . params_records(params_stream(std_params(REQUEST_METHOD => 'POST', REQUEST_URI => '/slow-body', CONTENT_LENGTH => 100))));
    my $t0 = time;
    my $r;
    for my $i (1 .. 20) {
        syswrite($c, record(FCGI_STDIN, 1, 'x'));
        my $rin = '';
        vec($rin, fileno($c), 1) = 1;
        if (select(my $rout = $rin, undef, undef, 0.3)) {
            $r = read_records($c, 3);
            last;
        }
    }
    $r //= read_records($c, 3);
    is($r->{status}, 408, sprintf('answered 408 (after %.1f s, request_read_timeout = 1 s)', time - $t0));
    like($pool->log, qr{request \d+ "POST /slow-body": the body took longer than request_read_timeout \(1000 ms\)},
        'logged with that request');
    still_fine('after the slow body');
};

subtest 'params split anywhere, a param over 64 KiB, 10,000 params' => sub {
    my $stream = params_stream(std_params(REQUEST_URI => '/echo', HTTP_X_BIG => ('b' x 99_997) . 'end'));
    my $r = raw(begin_request(1, RESPONDER) . params_records($stream, 7) . record(FCGI_STDIN, 1, ''));
    my $j = eval { decode_json($r->{body}) } || {};
    is($r->{status}, 200, 'params cut into 7-byte records, through the length prefixes: served');
    is($j->{big}, 100_000, 'a 100,000-byte header value split over records arrives whole');
    is($j->{tail}, 'end', 'up to its last bytes');

    my %many = map { (sprintf('HTTP_X_P%05d', $_) => "value $_") } 1 .. 10_000;
    my $t0 = time;
    $r = raw(begin_request(1, RESPONDER) . params_records(params_stream(std_params(REQUEST_URI => '/echo', %many))) . record(FCGI_STDIN, 1, ''), timeout => 20);
    $j = eval { decode_json($r->{body}) } || {};
    note sprintf('10,000 params: status %d after %.0f ms', $r->{status}, (time - $t0) * 1000);
    is($r->{status}, 200, 'a request with 10,000 params is answered');
    is($j->{headers}, 10_001, 'the worker sees the 10,000 headers and Host');

    my $c = connect_pool();
    my $whole = params_records(params_stream(std_params()));
    syswrite($c, begin_request(1, RESPONDER) . substr($whole, 0, length($whole) - 30));
    close $c;
    sleep 0.1;
    same_children('params');
    still_fine('a connection closed mid-params');
};

# ---- a 100 MB body over limits.body_max (1 MB)

subtest 'a 100 MB body: 413 without reading past the limit' => sub {
    my $total = 100 * 1024 * 1024;
    my $c = connect_pool();
    syswrite($c, begin_request(1, RESPONDER) . params_records(params_stream(std_params(REQUEST_METHOD => 'POST',
        REQUEST_URI => '/body', CONTENT_LENGTH => $total, CONTENT_TYPE => 'application/octet-stream'))));
    $c->blocking(0);
    my $record = record(FCGI_STDIN, 1, 'z' x 65528);
    my ($sent, $pending, $buf, $write_error) = (0, '', '', '');
    my $t0 = time;
    my $res;
    while (time < $t0 + 30 && !$res) {
        my ($rin, $win) = ('', '');
        vec($rin, fileno($c), 1) = 1;
        vec($win, fileno($c), 1) = 1 if !$write_error && $sent < $total;
        select(my $rout = $rin, my $wout = $win, undef, 1) or next;
        if (vec($rout, fileno($c), 1)) {
            my $n = sysread($c, $buf, 65536, length $buf);
            if (defined $n && $n == 0 || !defined $n && $! != EAGAIN) {
                last;
            }
            $res = 1 if index($buf, pack('CC', 1, END_REQUEST)) >= 0;
        }
        if ($win ne '' && vec($wout, fileno($c), 1)) {
            $pending = $record if $pending eq '';
            my $n = syswrite($c, $pending);
            if (defined $n) {
                substr($pending, 0, $n, '');
                $sent += $n;
            } elsif ($! != EAGAIN) {
                $write_error = "$!";
            }
        }
    }
    my $took = time - $t0;
    my $end = time + 2;
    while (!$res && time < $end) {
        my $rin = '';
        vec($rin, fileno($c), 1) = 1;
        select(my $rout = $rin, undef, undef, 0.2) or next;
        my $n = sysread($c, $buf, 65536, length $buf);
        last if defined $n && $n == 0 || !defined $n && $! != EAGAIN;
    }
    my %res = %{ FcwTest::parse_response(join('', map { $_->[0] == FCGI_STDOUT ? $_->[2] : '' } read_buffer($buf)), '', []) };
    note sprintf('100 MB body: status %d; the client wrote %.1f MB in %.2f s before %s', $res{status}, $sent / 1048576,
        $took, $write_error || 'the answer came');
    is($res{status}, 413, 'a body over limits.body_max: 413');
    cmp_ok($sent, '<', 4 * 1024 * 1024, 'the client could write little more than the 1 MB limit (socket buffers)');
    cmp_ok($took, '<', 10, 'and the request ended long before 100 MB could go through');
    like($pool->log, qr/body larger than limits\.body_max \(1048576 bytes\)/, 'logged');
    same_children('a 100 MB body');
    still_fine('a 100 MB body');
};

sub read_buffer {
    my ($buf) = @_;
    my @records;
    while (length $buf >= 8) {
        my ($ver, $type, $id, $clen, $plen) = unpack('CCnnC', $buf);
        last if length $buf < 8 + $clen + $plen;
        push @records, [$type, $id, substr($buf, 8, $clen)];
        substr($buf, 0, 8 + $clen + $plen, '');
    }
    return @records;
}

# ---- invalid UTF-8

subtest 'invalid UTF-8 in a header and in the URL' => sub {
    my $r = $pool->request(uri => "/utf8/\xff\xc3(", headers => { 'X-Bad' => "\xff\xfe\xc3(" });
    my $j = eval { decode_json($r->{body}) } || {};
    is($r->{status}, 200, 'the worker runs');
    my $got = join ',', @{ $j->{header} || [] };
    my $path = $j->{path} // '';
    ok((grep { $path eq $_ } '/utf8/%FF%C3(', '/utf8/%C3%BF%C3%83(', '/utf8/%EF%BF%BD%EF%BF%BD('),
        "the path has the bytes percent-encoded, as bytes, Latin-1 or U+FFFD ($path)");
    # a header value is a byte sequence: as bytes (isomorphic decode) or,
    # decoded as UTF-8, with U+FFFD for each invalid sequence
    ok($got eq '255,254,195,40' || $got eq '65533,65533,65533,40',
        "the header's code units are its bytes or U+FFFD for the invalid ones (got [$got])");
    unlike($j->{url} // '', qr/[^\x21-\x7e]/, 'request.url is ASCII, as the URL standard serializes it');
    # Duktape keeps symbols as strings whose first byte is 0x80, 0x81, 0x82
    # or 0xFF: a header from the network must never become one
    for my $lead (0x80, 0x81, 0x82, 0xff) {
        my $r = $pool->request(uri => '/types', headers => { 'X-Bad' => chr($lead) . 'abc' });
        my $j = eval { decode_json($r->{body}) } || {};
        is($j->{type} // '', 'string', sprintf('a header value starting with byte 0x%02X is a string to the worker', $lead))
            or diag $r->{body};
    }
    my $r2 = $pool->request(uri => '/types', params => { "HTTP_\xffX" => 'v' });
    is($r2->{status}, 200, 'a header name starting with byte 0xFF does not fail the request');
    same_children('invalid UTF-8');
};

# ---- header injection through a Response's headers

subtest 'CR, LF and NUL in response headers: TypeError, nothing injected' => sub {
    for my $how (qw(crlf lf cr nul)) {
        for my $where ('init', 'set') {
            my $r = $pool->request(uri => "/inject?how=$how&where=$where");
            is($r->{status}, 500, "$how in a header value ($where): the TypeError ends the request with 500");
            unlike($r->{raw}, qr/pwned/, "$how ($where): nothing of the value reaches the response");
        }
        my $r = $pool->request(uri => "/inject?how=$how&where=catch");
        is($r->{status} . ' ' . $r->{body}, '200 caught TypeError', "$how: a worker that catches the TypeError answers normally");
    }
    my $r = $pool->request(uri => '/inject?where=name');
    is($r->{status}, 500, 'CR LF in a header name: TypeError, 500');
    unlike($r->{raw}, qr/pwned/, 'nothing injected');
    like($pool->log, qr/TypeError: Failed to construct 'Headers': Invalid value|TypeError.*Invalid value/, 'the TypeError is logged');
    $r = $pool->request(uri => '/trim');
    is_deeply($r->{headers}{'x-trim'}, ['value'], 'leading and trailing whitespace, CR and LF are trimmed, as the Fetch standard normalizes values');
    same_children('header injection');
};

# ---- path traversal in root mode

subtest 'path traversal in root mode: 403 or 404, never the outside file' => sub {
    my $root = "$dir/www";
    make_path("$root/sub", "$dir/outside");
    FcwTest::write_file("$root/hello.sjs", "export default { fetch: function () { return new Response('hello'); } };\n");
    FcwTest::write_file("$dir/outside/secret.sjs", "export default { fetch: function () { return new Response('SECRET'); } };\n");
    symlink("$dir/outside/secret.sjs", "$root/link.sjs") or die "symlink: $!";
    symlink("$dir/outside", "$root/outdir") or die "symlink: $!";
    my $rp = FcwTest::start_pool(dir => FcwTest::tmpdir(), children => 1, pool => "root = $root\n");
    my @cases = (
        ['../ in SCRIPT_FILENAME', '/x.sjs', "$root/../outside/secret.sjs", [403]],
        ['../ after a subdirectory', '/x.sjs', "$root/sub/../../outside/secret.sjs", [403]],
        ['a symlink out of the root', '/link.sjs', "$root/link.sjs", [403]],
        ['a symlinked directory out of the root', '/outdir/secret.sjs', "$root/outdir/secret.sjs", [403]],
        ['a NUL byte before ../', '/hello.sjs', "$root/hello.sjs\0/../../outside/secret.sjs", [200, 403, 404]],
        ['a NUL byte after the outside name', '/x.sjs', "$root/../outside/secret.sjs\0.sjs", [403, 404]],
        ['percent-encoded .. in SCRIPT_FILENAME', '/x.sjs', "$root/%2e%2e/outside/secret.sjs", [403, 404]],
        ['percent-encoded .. in the URI', '/%2e%2e/outside/secret.sjs', undef, [403, 404]],
        ['percent-encoded / in the URI', '/..%2foutside%2fsecret.sjs', undef, [403, 404]],
        ['../ in the URI', '/../outside/secret.sjs', undef, [403, 404]],
        ['an absolute SCRIPT_FILENAME outside', '/x.sjs', "$dir/outside/secret.sjs", [403]],
    );
    for my $c (@cases) {
        my ($what, $uri, $file, $ok) = @$c;
        my $r = $rp->request(uri => $uri, params => { SCRIPT_FILENAME => $file });
        ok((grep { $r->{status} == $_ } @$ok), "$what: $r->{status}");
        unlike($r->{body}, qr/SECRET/, "$what: the outside script does not run");
    }
    is($rp->request(uri => '/hello.sjs', params => { SCRIPT_FILENAME => "$root/hello.sjs" })->{body}, 'hello', 'the inside script runs');
    $rp->stop;
};

subtest 'a Host header that is not host[:port] is refused, not turned into the URL' => sub {
    for my $host ('evil.com#', 'evil.com/x', 'user@evil.com', 'a b', 'h:99x') {
        my $r = $pool->request(uri => '/public?name=z', params => { HTTP_HOST => $host });
        is($r->{status}, 400, "Host '$host': 400");
    }
    like($pool->log, qr/refused: the Host header is not a valid host\[:port\]/, 'and the log says why');
    for my $host ('example.org:8080', '[::1]:9000', "b\xc3\xbccher.example") {
        is($pool->request(uri => '/', params => { HTTP_HOST => $host })->{status}, 200, "Host '$host': served");
    }
};

$pool->stop;
done_testing();
