#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker behind every front server: Apache (mod_proxy_fcgi; mod_cgid for
# CGI mode and mod_fcgid for fcworker on an inherited socket), nginx, lighttpd (mod_fastcgi) and Caddy (fastcgi
# transport), each the real Debian server on a free loopback port, with the
# configs of contrib/<server>/frontends.*.in. The same HTTP checks run
# through each: the worker script pool under /app/ and the root-mode pool
# for *.sjs beside static files. A server that cannot start fails its
# checks. A table of server x check closes the output (as diagnostics when
# something failed, so that prove shows it).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Frontends;
use Test::More;
use JSON::PP;
use Digest::SHA qw(sha256_hex);
use Time::HiRes qw(time);

my %BIN = (apache => '/usr/sbin/apache2', nginx => '/usr/sbin/nginx', lighttpd => '/usr/sbin/lighttpd',
    caddy => '/usr/bin/caddy');
my @servers = $ENV{FCW_FRONTENDS} ? split(/[ ,]+/, $ENV{FCW_FRONTENDS}) : Frontends::server_names();

my $BIG = substr(join('', map { chr(($_ * 7 + 3) % 251) } 0 .. 250) x (5 * 1024 * 1024 / 251 + 1), 0, 5 * 1024 * 1024);
my $BIG_SHA = sha256_hex($BIG);
my $MEDIUM = substr($BIG, 0, 1024 * 1024 + 17);
my $MEDIUM_SHA = sha256_hex($MEDIUM);
my $APP_JS = FcwTest::read_file(FcwTest::top() . '/contrib/examples/root/app.js');

sub json_of { my $j = eval { decode_json($_[0]{body}) }; return ref $j eq 'HASH' ? $j : {} }

sub show {
    my ($r) = @_;
    return "status $r->{status}" . ($r->{error} ? " ($r->{error})" : '') . ', body: '
        . substr($r->{body} // '', 0, 200);
}

# Server-sent events from $path: $n events produced 150 ms apart must reach
# the client one by one (the last arrives at least 150 ms x (n-1) x 0.75
# after the first), not all at the end.
sub sse_check {
    my ($port, $path, $n) = @_;
    my $r = Frontends::http($port, path => $path, headers => ['Accept' => 'text/event-stream']);
    my $type = $r->{headers}{'content-type'}[0] // '';
    # the time each event's data line arrived, from the recorded reads
    my ($seen, @at) = ('');
    for my $read (@{ $r->{arrivals} }) {
        $seen .= $read->[1];
        my $count = () = $seen =~ /^data: /mg;
        push @at, $read->[0] while @at < $count;
    }
    my $spread = @at == $n ? $at[-1] - $at[0] : 0;
    my @ids = $r->{body} =~ /^id: (\d+)$/mg;
    my $why = show($r) . sprintf(' type %s, %d events, first after %.0f ms, last %.0f ms after the first', $type,
        scalar @at, @at ? ($at[0] - $r->{started}) * 1000 : -1, $spread * 1000);
    return ($r->{status} == 200 && $type =~ m{^text/event-stream} && "@ids" eq join(' ', 1 .. $n) && @at == $n
        && $spread >= 0.15 * ($n - 1) * 0.75 && $at[0] - $r->{started} < $spread, $why);
}

# Each check: [name, servers it applies to (undef: all), sub(port) -> (ok, why)]
my @CHECKS = (
    ['GET+query+headers', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/echo?a=1&b=two%20words',
            headers => ['X-Fcw-Test' => 'yes', 'Accept-Language' => 'de']);
        my $j = json_of($r);
        my $ok = $r->{status} == 200 && ($j->{method} // '') eq 'GET' && ($j->{path} // '') eq '/app/echo'
            && ($j->{url} // '') =~ m{^http://127\.0\.0\.1(:\d+)?/app/echo\?a=1&b=two%20words$}
            && ($j->{query}{a} // '') eq '1' && ($j->{query}{b} // '') eq 'two words'
            && ($j->{headers}{'x-fcw-test'} // '') eq 'yes' && ($j->{headers}{'accept-language'} // '') eq 'de';
        return ($ok, show($r));
    }],
    ['POST 5 MB', undef, sub {
        my $r = Frontends::http($_[0], method => 'POST', path => '/app/echo', body => $BIG,
            headers => ['Content-Type' => 'application/octet-stream']);
        my $j = json_of($r);
        return ($r->{status} == 200 && ($j->{length} // -1) == length($BIG) && ($j->{sha256} // '') eq $BIG_SHA
            && ($j->{headers}{'content-type'} // '') eq 'application/octet-stream', show($r));
    }],
    ['POST chunked', undef, sub {
        my $r = Frontends::http($_[0], method => 'POST', path => '/app/echo', body => $MEDIUM, chunked => 1);
        my $j = json_of($r);
        my $cl = $j->{headers} ? $j->{headers}{'content-length'} // 'none' : '?';
        # the worker sees no Content-Length or the true one, never a made-up one
        return ($r->{status} == 200 && ($j->{length} // -1) == length($MEDIUM) && ($j->{sha256} // '') eq $MEDIUM_SHA
            && ($cl eq 'none' || $cl eq length $MEDIUM), show($r) . " content-length: $cl",
            "a chunked upload reaches the worker with content-length: $cl");
    }],
    ['Set-Cookie x2', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/cookies');
        my @c = @{ $r->{headers}{'set-cookie'} || [] };
        return ($r->{status} == 200 && @c == 2 && $c[0] eq 'first=1; Path=/' && $c[1] eq 'second=2; Path=/; HttpOnly',
            show($r) . ' cookies: ' . join(' | ', @c));
    }],
    ['200', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/status/200');
        return ($r->{status} == 200 && $r->{body} eq "status 200\n", show($r));
    }],
    ['201', undef, sub {
        my $r = Frontends::http($_[0], method => 'POST', path => '/app/status/201', body => 'x');
        return ($r->{status} == 201 && $r->{body} eq "status 201\n", show($r));
    }],
    ['204', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/status/204');
        return ($r->{status} == 204 && $r->{body} eq '', show($r));
    }],
    ['301+Location', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/status/301');
        my $loc = $r->{headers}{location}[0] // '';
        return ($r->{status} == 301 && $loc =~ m{^(?:http://127\.0\.0\.1:\d+)?/app/echo\?moved=1$}, show($r) . " Location: $loc");
    }],
    ['404', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/status/404');
        return ($r->{status} == 404 && $r->{body} eq "status 404\n", show($r));
    }],
    ['500 (exception)', undef, sub {
        my $r = Frontends::http($_[0], path => '/app/status/500');
        return ($r->{status} == 500, show($r));
    }],
    ['HEAD', undef, sub {
        my $r = Frontends::http($_[0], method => 'HEAD', path => '/app/status/200');
        return ($r->{status} == 200 && $r->{body} eq '', show($r));
    }],
    ['SSE streamed', undef, sub { sse_check($_[0], '/app/sse', 5) }],
    # Caddy 2.6 logs "aborting with incomplete response" for the same
    # stream, then ends the client's response as if it were complete.
    ['body cut', [qw(apache nginx lighttpd)], sub {
        # a body that fails after the head: the client must not get a
        # complete response (curl: 18 partial file, 52 empty reply, 56
        # receive failure)
        my $out = `curl -sS --max-time 10 http://127.0.0.1:$_[0]/app/cut 2>&1`;
        my $rc = $? >> 8;
        return ($rc == 18 || $rc == 52 || $rc == 56, "curl exit $rc: $out");
    }],
    ['root: index.sjs', undef, sub {
        my $r = Frontends::http($_[0], path => '/?from=test');
        return ($r->{status} == 200 && $r->{body} =~ m{<code>/(?:index\.sjs)?\?from=test</code>}
            && ($r->{headers}{'content-type'}[0] // '') =~ m{^text/html}, show($r));
    }],
    ['root: PATH_INFO', undef, sub {
        my $r = Frontends::http($_[0], path => '/api.sjs/items/1');
        my $j = json_of($r);
        return ($r->{status} == 200 && ($j->{script} // '') eq 'api.sjs' && ($j->{item} // '') eq 'pear', show($r));
    }],
    ['root: POST chunked', undef, sub {
        my $r = Frontends::http($_[0], method => 'POST', path => '/api.sjs/echo', body => $MEDIUM, chunked => 1);
        my $j = json_of($r);
        return ($r->{status} == 200 && ($j->{length} // -1) == length($MEDIUM), show($r));
    }],
    ['root: 404', undef, sub {
        my $r = Frontends::http($_[0], path => '/missing.sjs');
        return ($r->{status} == 404, show($r));
    }],
    ['root: 403 symlink', undef, sub {
        my $r = Frontends::http($_[0], path => '/escape.sjs');
        return ($r->{status} == 403 && $r->{body} !~ /secret/, show($r));
    }],
    ['root: 403 ext', undef, sub {
        my $r = Frontends::http($_[0], path => '/alias.sjs');
        return ($r->{status} == 403 && $r->{body} !~ /getElementById/, show($r));
    }],
    ['static app.js', undef, sub {
        my $r = Frontends::http($_[0], path => '/app.js');
        my $type = $r->{headers}{'content-type'}[0] // '';
        return ($r->{status} == 200 && $r->{body} eq $APP_JS && $type =~ m{javascript}, show($r) . " type $type");
    }],
    ['CGI mode', ['apache'], sub {
        my $r = Frontends::http($_[0], path => '/cgi-bin/hello.cgi?x=1');
        my $j = json_of($r);
        return ($r->{status} == 200 && ($j->{mode} // '') eq 'cgi' && ($j->{url} // '') =~ m{/cgi-bin/hello\.cgi\?x=1$}
            && ($r->{headers}{'x-fcw-mode'}[0] // '') eq 'cgi', show($r));
    }],
    ['mod_fcgid', ['apache'], sub {
        my @r = map { Frontends::http($_[0], path => "/fcgid/hello.fcgi?n=$_") } 1 .. 2;
        my @j = map { json_of($_) } @r;
        # the second request finds the first one's count: one kept process
        return ($r[1]{status} == 200 && ($j[1]{mode} // '') eq 'fcgid' && ($j[0]{served} // 0) == 1
            && ($j[1]{served} // 0) == 2 && ($j[1]{url} // '') =~ m{/fcgid/hello\.fcgi\?n=2$},
            join(' / ', map { show($_) } @r));
    }],
    ['mod_fcgid SSE', ['apache'], sub { sse_check($_[0], '/fcgid/hello.fcgi/sse', 3) }],
);

my (%result, @remarks);
my $started = time;
my $prefix = Frontends::prefix();
my $docroot = Frontends::make_docroot($prefix);
my $pools = Frontends::start_pools($prefix, $docroot);
for my $name (qw(app root)) {
    ok(!defined $pools->{$name}{exited}, "pool $name started") or diag($pools->{$name}->log);
}

for my $server (@servers) {
    my $dir = "$prefix/$server";
    mkdir $dir;
    chmod 0755, $dir;
    my $srv = eval {
        die "$BIN{$server} is not installed (apt-get install $server)\n" unless -x $BIN{$server};
        Frontends::start_server($server, $dir, DOCROOT => $docroot, APP_SOCKET => $pools->{app}{sock},
            ROOT_SOCKET => $pools->{root}{sock}, CGI_BIN => "$prefix/cgi-bin",
            FCGID_BIN => "$prefix/fcgid-bin");
    };
    ok($srv, "$server started") or diag($@);
    for my $c (@CHECKS) {
        my ($check, $only, $run) = @$c;
        next if $only && !grep { $_ eq $server } @$only;
        my ($ok, $why, $remark) = $srv ? $run->($srv->port) : (0, 'server not running');
        $result{$server}{$check} = $ok ? 'ok' : 'FAIL';
        push @remarks, "$server: $remark" if defined $remark;
        ok($ok, "$server: $check") or diag("$server: $check: $why");
    }
    if ($srv) {
        $srv->stop;
        my $log = $srv->log;
        note("$server log:\n$log") if length $log;
    }
}
$_->stop for values %$pools;

my @names = map { $_->[0] } @CHECKS;
my $w = 2 + (sort { $b <=> $a } map { length } @names)[0];
my $failed = grep { $_ eq 'FAIL' } map { values %$_ } values %result;
my $say = $failed || !Test::More->builder->is_passing ? \&diag : \&note;
$say->(sprintf("%-${w}s", 'check') . join('', map { sprintf '%-10s', $_ } @servers));
for my $check (@names) {
    $say->(sprintf("%-${w}s", $check) . join('', map { sprintf '%-10s', $result{$_}{$check} // '-' } @servers));
}
$say->($_) for @remarks;
$say->(sprintf('%d servers in %.1f s', scalar @servers, time - $started));

done_testing();
