#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Streamed responses end to end, with real servers only: an upstream nginx
# serving generated files from a temporary directory, a front nginx in front
# of fcworker pools (one child each) configured as contrib/nginx recommends
# (buffered by default, unbuffered for responses that carry fcworker's
# "X-Accel-Buffering: no"), and an HTTP client here that reads the body as
# it arrives, at full speed or throttled, computing an MD5 as it goes.
#
# What it shows: server-sent events reach the client one by one; a 200 MB
# proxied body (pass-through) and a 20 MB upper-cased one (JavaScript
# TransformStream) arrive byte for byte while the child's RSS stays flat; a
# stream made in JavaScript is not bounded by limits.memory_mb when only one
# chunk of it is alive at a time; a slow reader pauses the upstream instead
# of filling memory; a client that goes away frees the child at once and
# cancels the upstream transfer; a chunk larger than a FastCGI record is
# split into several records.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Frontends;
use Digest::MD5;
use IO::Socket::INET;
use Socket qw(SOL_SOCKET SO_RCVBUF);
use Test::More;
use Time::HiRes qw(sleep time);

my $MB = 1024 * 1024;
my $top = FcwTest::top();
my $ex = "$top/contrib/examples";
my $prefix = Frontends::prefix();
my @servers;

END {
    $_->stop for @servers;
}

# ---- generated files

# 200 MB of incompressible bytes: one random megabyte, each copy stamped
# with its index so that a lost, repeated or reordered block changes the
# MD5. Returns the file's MD5.
sub make_binary_file {
    my ($path, $megabytes) = @_;
    open my $rnd, '<:raw', '/dev/urandom' or die "/dev/urandom: $!";
    read($rnd, my $block, $MB) == $MB or die "short read from /dev/urandom";
    close $rnd;
    my $md5 = Digest::MD5->new;
    open my $fh, '>:raw', $path or die "$path: $!";
    for my $i (1 .. $megabytes) {
        substr($block, 0, 16, sprintf('%015d:', $i));
        print $fh $block;
        $md5->add($block);
    }
    close $fh or die "$path: $!";
    return $md5->hexdigest;
}

# Lower-case UTF-8 text with two-byte characters (é) at shifting offsets,
# so that libcurl's chunks split some of them: the transform must decode
# across chunk boundaries. Returns the MD5 of the upper-cased text.
sub make_text_file {
    my ($path, $megabytes) = @_;
    my $upper = Digest::MD5->new;
    my $size = 0;
    open my $fh, '>:raw', $path or die "$path: $!";
    for (my $i = 0; $size < $megabytes * $MB; $i++) {
        my $line = sprintf("line %07d caf\xc3\xa9 %s na\xc3\xafve\n", $i, ('abcdefghijklmnopqrstuvwxyz0123456789' x 3)
            . substr('xyz' x 10, 0, $i % 29));
        print $fh $line;
        $size += length $line;
        (my $up = $line) =~ tr/a-z/A-Z/;
        $up =~ s/\xc3\xa9/\xc3\x89/g;
        $up =~ s/\xc3\xaf/\xc3\x8f/g;
        $upper->add($up);
    }
    close $fh or die "$path: $!";
    return ($upper->hexdigest, $size);
}

mkdir "$prefix/$_" or die "$_: $!" for qw(www tmp);
my $big_md5 = make_binary_file("$prefix/www/big.bin", 200);
my ($text_upper_md5, $text_size) = make_text_file("$prefix/www/text.txt", 20);
FcwTest::write_file("$prefix/www/small.txt", "small and quick\n");

# ---- servers

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

# The upstream runs as one process (master_process off) so that
# /proc/PID/io of the PID we started counts every byte it sends. Its access
# log records the bytes sent per request when the request ends.
my $up_port = FcwTest::free_port();
my $upstream = start_nginx(upstream => <<"EOF");
daemon off;
master_process off;
pid $prefix/upstream.pid;
events { worker_connections 64; }
http {
    log_format bytes '\$request_uri \$status \$bytes_sent';
    access_log $prefix/upstream-access.log bytes;
    client_body_temp_path $prefix/tmp;
    default_type application/octet-stream;
    types { text/plain txt; }
    server {
        listen 127.0.0.1:$up_port;
        location /proxy/ { alias $prefix/www/; }
        location /transform/ { alias $prefix/www/; }
    }
}
EOF
my $up = "http://127.0.0.1:$up_port";

# A stream made in JavaScript: ?mb= megabytes of 16 KB chunks, only one of
# them alive at a time.
my $generate = FcwTest::write_file("$prefix/generate.js", <<'EOF');
export default {
    fetch: function (request) {
        var left = (Number(new URL(request.url).searchParams.get('mb')) || 0) * 64;
        return new Response(new ReadableStream({
            pull: function (controller) {
                if (left-- <= 0) {
                    controller.close();
                    return;
                }
                controller.enqueue(new Uint8Array(16384));
            }
        }));
    }
};
EOF

# The JavaScript path costs about 25 ms of CPU per MB (the default
# limits.cpu_ms = 1000 ends an upper-casing stream near 40 MB): these
# limits only keep a stuck test from hanging. The generating pool gets
# little memory: what it streams must not need more than one chunk.
my $limits = "limits.cpu_ms = 60000\nlimits.wall_ms = 60000\n";
my %pools;
for my $p ([proxy => "$ex/proxy.js"], [transform => "$ex/stream-transform.js"], [sse => "$ex/sse.js"],
    [generate => $generate, "limits.memory_mb = 16\n"]) {
    my ($name, $script, $more) = @$p;
    my $dir = "$prefix/pool-$name";
    mkdir $dir or die "$dir: $!";
    chmod 0755, $dir;
    $pools{$name} = FcwTest::start_pool(dir => $dir, name => $name, children => 1, script => $script,
        log_level => 'info', vars => { UPSTREAM => $up },
        pool => "listen.mode = 0666\n" . $limits . ($more // ''));
}

# The front server as contrib/nginx/fcworker.conf has it: FastCGI
# keep-alive, buffering left on (fcworker's X-Accel-Buffering: no turns it
# off for streamed responses).
my $front_port = FcwTest::free_port();
my $upstreams = join '', map { <<"EOF" } sort keys %pools;
    upstream pool_$_ { server unix:$pools{$_}{sock}; keepalive 2; }
EOF
my $routes = join '', map { <<"EOF" } sort keys %pools;
        location /$_/ {
            include /etc/nginx/fastcgi_params;
            fastcgi_keep_conn on;
            fastcgi_request_buffering off;
            fastcgi_pass pool_$_;
        }
EOF
my $front = start_nginx(front => <<"EOF");
daemon off;
worker_processes 1;
pid $prefix/front.pid;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp/body;
    fastcgi_temp_path $prefix/tmp/fastcgi;
$upstreams
    server {
        listen 127.0.0.1:$front_port;
$routes
    }
}
EOF

unless (FcwTest::wait_port($up_port) && FcwTest::wait_port($front_port) && !grep { !-S $_->{sock} } values %pools) {
    plan skip_all => 'the servers did not start: ' . $upstream->log . $front->log
        . join('', map { $_->log } values %pools);
}

# ---- measuring

sub proc_status {
    my ($pid, $field) = @_;
    my ($kb) = FcwTest::read_file("/proc/$pid/status") =~ /^$field:\s+(\d+) kB/m;
    return defined $kb ? $kb * 1024 : undef;
}

# Resets the child's peak RSS (VmHWM) to its current RSS; root or the
# same user may write /proc/PID/clear_refs.
sub reset_peak {
    my ($pid) = @_;
    open my $fh, '>', "/proc/$pid/clear_refs" or return 0;
    my $ok = print $fh "5\n";
    return close($fh) && $ok;
}

# Runs $run->($tick) while watching the child's memory: $tick samples its
# RSS (call it often); the peak is VmHWM after a reset, or the highest
# sample where the reset is not allowed. Returns ($run's result, RSS
# before, peak RSS).
sub watch_rss {
    my ($child, $run) = @_;
    my $before = proc_status($child, 'VmRSS');
    my $reset = reset_peak($child);
    my $sampled = $before;
    my $r = $run->(sub {
        my $rss = proc_status($child, 'VmRSS') // 0;
        $sampled = $rss if $rss > $sampled;
    });
    my $peak = $reset ? proc_status($child, 'VmHWM') // 0 : 0;
    $peak = $sampled if $sampled > $peak;
    return ($r, $before, $peak);
}

# Bytes the upstream nginx process has written so far (to sockets and its
# log), from /proc/PID/io.
sub upstream_written {
    my ($wchar) = FcwTest::read_file("/proc/$upstream->{pid}/io") =~ /^wchar:\s+(\d+)/m;
    return $wchar;
}

# Lines of the upstream's access log for $path: [bytes sent] in order.
sub upstream_log {
    my ($path) = @_;
    return [ FcwTest::read_file("$prefix/upstream-access.log") =~ /^\Q$path\E \d+ (\d+)$/mg ];
}

# The bytes the upstream sent for the next request of $path after the
# $seen logged ones; waits up to $secs for its line (written when the
# upstream's request ends).
sub upstream_sent {
    my ($path, $seen, $secs) = @_;
    my $deadline = time + $secs;
    while (1) {
        my $sent = upstream_log($path);
        return $sent->[$seen] if @$sent > $seen || time > $deadline;
        sleep 0.05;
    }
}

sub only_child {
    my ($pool) = @_;
    my @kids = $pool->children;
    return @kids == 1 ? $kids[0] : undef;
}

sub mb { sprintf '%.1f MB', $_[0] / $MB }

# ---- the HTTP client

# Incremental decoding of a chunked body: feeds $data, returns the body
# bytes it completes; $st->{done} once the last chunk was seen.
sub dechunk {
    my ($st, $data) = @_;
    $st->{buf} .= $data;
    my $out = '';
    while (!$st->{done}) {
        if ($st->{left}) {
            my $n = $st->{left} < length $st->{buf} ? $st->{left} : length $st->{buf};
            last if $n == 0;
            $out .= substr($st->{buf}, 0, $n, '');
            $st->{left} -= $n;
            next;
        }
        $st->{buf} =~ s/^\r\n// if $st->{after_data};
        last unless $st->{buf} =~ s/^([0-9a-fA-F]+)[^\r\n]*\r\n//;
        $st->{left} = hex $1;
        $st->{after_data} = 1;
        $st->{done} = 1 if $st->{left} == 0;
    }
    return $out;
}

# GET $path from the front server and read the body as it comes. %o:
#   rate      bytes per second to read at (default: as fast as possible)
#   rcvbuf    the client socket's receive buffer (pins it: no autotuning)
#   stop_at   close the connection after this many body bytes
#   seconds   close the connection after this long
#   tick      called with (body bytes so far) about every 50 ms
# Returns status, headers, length, md5, arrivals ([time, bytes]), started,
# complete (the whole body was read), elapsed.
sub stream_get {
    my ($path, %o) = @_;
    my $sock = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$front_port", Timeout => 10)
        or return { status => 0, error => "connect: $!" };
    setsockopt($sock, SOL_SOCKET, SO_RCVBUF, $o{rcvbuf}) if $o{rcvbuf};
    my $started = time;
    FcwTest::write_all($sock, "GET $path HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    my %r = (status => 0, headers => {}, length => 0, arrivals => [], started => $started, complete => 0);
    my ($head, $md5, $chunked, $want) = ('', Digest::MD5->new, undef, undef);
    my $last_tick = 0;
    my $read_size = $o{rate} ? 16384 : 262144;
    while (1) {
        last if $o{seconds} && time - $started >= $o{seconds};
        if ($o{tick} && time - $last_tick >= 0.05) {
            $o{tick}->($r{length});
            $last_tick = time;
        }
        my $rin = '';
        vec($rin, fileno($sock), 1) = 1;
        next unless select(my $rout = $rin, undef, undef, 0.05);
        my $n = sysread($sock, my $buf, $read_size);
        last unless $n;
        push @{ $r{arrivals} }, [time, $n];
        if (!defined $chunked) {
            $head .= $buf;
            my $sep = index($head, "\r\n\r\n");
            next if $sep < 0;
            my ($line, @lines) = split /\r\n/, substr($head, 0, $sep);
            ($r{status}) = $line =~ m{^HTTP/\S+ (\d+)};
            for (@lines) {
                my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
                push @{ $r{headers}{lc $k} }, $v;
            }
            $chunked = ($r{headers}{'transfer-encoding'}[0] // '') =~ /chunked/i ? { buf => '' } : 0;
            $want = $r{headers}{'content-length'}[0];
            $buf = substr($head, $sep + 4);
        }
        my $body = $chunked ? dechunk($chunked, $buf) : $buf;
        $md5->add($body);
        $r{length} += length $body;
        if (($chunked && $chunked->{done}) || (!$chunked && defined $want && $r{length} >= $want)) {
            $r{complete} = 1;
            last;
        }
        last if $o{stop_at} && $r{length} >= $o{stop_at};
        if ($o{rate}) {
            my $ahead = $r{length} / $o{rate} - (time - $started);
            sleep $ahead if $ahead > 0;
        }
    }
    close $sock;
    $r{elapsed} = time - $started;
    $r{md5} = $md5->hexdigest;
    return \%r;
}

# Fetches a small file through $pool's route: warms the child up (libcurl,
# the first fetch) and checks it answers; returns the seconds it took.
sub warm_up {
    my ($name) = @_;
    my $t = time;
    my $r = stream_get("/$name/small.txt");
    return $r->{status} == 200 ? time - $t : undef;
}

# ---- server-sent events

{
    my $r = Frontends::http($front_port, path => '/sse/events?n=10', timeout => 10);
    my @events = $r->{body} =~ /^event: tick$/mg;
    is(scalar @events, 10, 'sse: ten events through nginx');
    is($r->{headers}{'content-type'}[0], 'text/event-stream', 'sse: content-type text/event-stream');
    ok(!exists $r->{headers}{'x-accel-buffering'}, 'sse: nginx consumed X-Accel-Buffering');
    my @with_data = grep { $_->[1] =~ /event: tick/ } @{ $r->{arrivals} };
    my $first = @with_data ? $with_data[0][0] - $r->{started} : 99;
    my $last = @with_data ? $with_data[-1][0] - $r->{started} : 0;
    note sprintf('sse: %d reads with events, first after %.0f ms, last after %.0f ms',
        scalar @with_data, $first * 1000, $last * 1000);
    ok($first < 0.3, 'sse: the first event arrives before the last one is produced (< 300 ms)')
        or diag sprintf('first after %.0f ms', $first * 1000);
    ok($last >= 0.9, 'sse: the last event arrives a second later (>= 900 ms)')
        or diag sprintf('last after %.0f ms', $last * 1000);
    cmp_ok(scalar @with_data, '>=', 5, 'sse: the events come in separate reads (>= 5)');
}

# ---- a 200 MB body passed through

{
    my $pool = $pools{proxy};
    ok(defined warm_up('proxy'), 'proxy: a small file');
    my $child = only_child($pool);
    my ($r, $before, $peak) = watch_rss($child, sub { stream_get('/proxy/big.bin', tick => $_[0]) });
    is($r->{status}, 200, 'proxy 200 MB: status 200');
    is($r->{length}, 200 * $MB, 'proxy 200 MB: every byte arrived');
    is($r->{md5}, $big_md5, 'proxy 200 MB: byte for byte (MD5)');
    note sprintf('proxy 200 MB: %.2f s, %.0f MB/s; child RSS %s before, peak %s (+%s)', $r->{elapsed},
        $r->{length} / $MB / ($r->{elapsed} || 1), mb($before), mb($peak), mb($peak - $before));
    cmp_ok($peak - $before, '<', 8 * $MB, 'proxy 200 MB: the child\'s RSS grows by less than 8 MB');
    is(only_child($pool), $child, 'proxy 200 MB: the same child served it');
}

# ---- 20 MB upper-cased in JavaScript

{
    my $pool = $pools{transform};
    ok(defined warm_up('transform'), 'transform: a small file');
    my $child = only_child($pool);
    my ($r, $before, $peak) = watch_rss($child, sub { stream_get('/transform/text.txt', tick => $_[0]) });
    is($r->{status}, 200, 'transform 20 MB: status 200');
    is($r->{headers}{'transfer-encoding'}[0], 'chunked', 'transform 20 MB: chunked (no Content-Length)');
    is($r->{length}, $text_size, 'transform 20 MB: every byte arrived');
    is($r->{md5}, $text_upper_md5, 'transform 20 MB: upper-cased byte for byte (MD5)');
    note sprintf('transform 20 MB: %.2f s, %.1f MB/s; child RSS %s before, peak %s (+%s)', $r->{elapsed},
        $r->{length} / $MB / ($r->{elapsed} || 1), mb($before), mb($peak), mb($peak - $before));
    cmp_ok($peak - $before, '<', 16 * $MB, 'transform 20 MB: the child\'s RSS grows by less than 16 MB');
}

# ---- 300 MB made in JavaScript under limits.memory_mb = 16

{
    my $pool = $pools{generate};
    ok(defined warm_up('generate'), 'generate: a first request');
    my $child = only_child($pool);
    my ($r, $before, $peak) = watch_rss($child, sub { stream_get('/generate/?mb=300', tick => $_[0]) });
    note sprintf('generate 300 MB: %s in %.2f s; child RSS %s before, peak %s', mb($r->{length}), $r->{elapsed},
        mb($before), mb($peak));
    ok($r->{complete} && $r->{length} == 300 * $MB, 'generate 300 MB: the whole stream arrives')
        or diag 'got ' . mb($r->{length});
    unlike($pool->log, qr/request ended by limits\.memory_mb/, 'generate 300 MB: not ended by limits.memory_mb');
}

# ---- a slow reader
#
# The client reads at 64 KiB/s with a 64 KiB receive buffer for 4 s. What
# the upstream sent is measured twice: live, as the write count (wchar) of
# the upstream nginx process in /proc/PID/io, which includes every byte it
# wrote to a socket; and at the end, as $bytes_sent in its access log. Once
# the kernel buffers between the upstream and libcurl, and between fcworker
# and nginx, are full, the upstream can only send what the client read:
# between the second and the fourth second wchar grows by about 128 KiB. A
# buffering proxy would have taken the whole 200 MB by then. The bound on
# what is in flight is the kernel's: libcurl's socket may autotune its
# receive buffer up to net.ipv4.tcp_rmem's maximum (32 MB on Debian 12),
# the upstream's send buffer up to tcp_wmem's (4 MB); 8 to 9 MB were seen.

{
    my $pool = $pools{proxy};
    my $child = only_child($pool);
    my $logged = @{ upstream_log('/proxy/big.bin') };
    my %wchar = (start => upstream_written());
    my $t0 = time;
    my ($r, $before, $peak) = watch_rss($child, sub {
        my ($sample_rss) = @_;
        return stream_get('/proxy/big.bin', rate => 65536, rcvbuf => 65536, seconds => 4, tick => sub {
            $sample_rss->();
            $wchar{at2} //= upstream_written() if time - $t0 >= 2;
        });
    });
    $wchar{at4} = upstream_written();
    $wchar{at2} //= $wchar{at4};
    my $sent = upstream_sent('/proxy/big.bin', $logged, 5);
    note sprintf('slow reader: read %s in %.1f s; the upstream wrote %s in the first 2 s and %s in the next 2 s '
        . '(wchar), %s in all (access log); child RSS %s before, peak %s', mb($r->{length}), $r->{elapsed},
        mb($wchar{at2} - $wchar{start}), mb($wchar{at4} - $wchar{at2}), mb($sent // 0), mb($before), mb($peak));
    ok(!$r->{complete} && $r->{length} < 2 * $MB, 'slow reader: the client read slowly (64 KiB/s)')
        or diag 'read ' . mb($r->{length});
    cmp_ok($wchar{at4} - $wchar{start}, '<', 64 * $MB, 'slow reader: the upstream wrote a bounded amount (wchar)');
    cmp_ok($wchar{at4} - $wchar{at2}, '<', 2 * $MB,
        'slow reader: then the upstream is paused (< 2 MB in the last 2 s, while the client reads 128 KiB)');
    ok(defined $sent && $sent < 64 * $MB, 'slow reader: the upstream sent a bounded part of the 200 MB')
        or diag 'access log: ' . ($sent // 'no line');
    cmp_ok($peak - $before, '<', 8 * $MB, 'slow reader: the child\'s RSS stays flat (< 8 MB growth)');
    is(only_child($pool), $child, 'slow reader: the same child');
}

# ---- the client goes away after 10 MB

{
    my $pool = $pools{proxy};
    my $child = only_child($pool);
    my $logged = @{ upstream_log('/proxy/big.bin') };
    my $r = stream_get('/proxy/big.bin', stop_at => 10 * $MB);
    my $closed = time;
    ok($r->{status} == 200 && $r->{length} >= 10 * $MB && !$r->{complete}, 'abort: the client read 10 MB and closed');
    my $next = stream_get('/proxy/small.txt');
    my $answered = time - $closed;
    note sprintf('abort: the next request was answered %.0f ms after the close', $answered * 1000);
    ok($next->{status} == 200 && $next->{md5} eq Digest::MD5::md5_hex("small and quick\n"),
        'abort: the next request is answered');
    cmp_ok($answered, '<', 1, 'abort: ... within 1 s');
    is(only_child($pool), $child, 'abort: by the same single child');
    my $sent = upstream_sent('/proxy/big.bin', $logged, 5);
    note 'abort: the upstream sent ' . mb($sent // 0) . ' of 200 MB';
    ok(defined $sent && $sent < 100 * $MB, 'abort: the upstream transfer was cancelled (a short transfer in its log)')
        or diag 'access log: ' . ($sent // 'no line');
    like($pool->log, qr/client went away/, 'abort: the child logged the client going away');
}

# ---- a 200 KB chunk over raw FastCGI

{
    my $script = FcwTest::write_file("$prefix/one-chunk.js", <<'EOF');
// Answers with one 200 KB chunk: byte i is (i * 7 + (i >> 16)) & 255.
export default {
    fetch: function () {
        var bytes = new Uint8Array(200 * 1024);
        for (var i = 0; i < bytes.length; i++) {
            bytes[i] = (i * 7 + (i >> 16)) & 255;
        }
        return new Response(new ReadableStream({
            start: function (controller) {
                controller.enqueue(bytes);
                controller.close();
            }
        }));
    }
};
EOF
    mkdir "$prefix/pool-chunk" or die "pool-chunk: $!";
    my $pool = FcwTest::start_pool(dir => "$prefix/pool-chunk", script => $script, children => 1);
    my $r = $pool->request(uri => '/');
    my $expected = join '', map { chr(($_ * 7 + ($_ >> 16)) & 255) } 0 .. 200 * 1024 - 1;
    my @records = map { length $_->[1] } @{ $r->{chunks} };
    my ($largest) = sort { $b <=> $a } @records;
    note sprintf('one 200 KB chunk: %d STDOUT records, the largest %d bytes', scalar @records, $largest // 0);
    is($r->{status}, 200, 'FastCGI 200 KB chunk: status 200');
    cmp_ok(scalar @records, '>=', 4, 'FastCGI 200 KB chunk: several STDOUT records');
    ok(!grep({ $_ > 65535 } @records), 'FastCGI 200 KB chunk: every record <= 65535 bytes');
    ok($r->{body} eq $expected, 'FastCGI 200 KB chunk: byte for byte')
        or diag 'got ' . length($r->{body}) . ' bytes';
    $pool->stop;
}

done_testing();
