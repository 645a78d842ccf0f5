#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# contrib/bench's figures and targets: wrk's output read back, medians,
# ratios taken per round (median and min-max; met only when the median
# is), the streaming table read back, and both scripts compile. The
# benchmark itself is run by hand (contrib/bench/README.md).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../contrib/bench/lib";
use Test::More;
use FcwBench::Util;
use FcwBench::Report;

for my $script (qw(run streaming)) {
    my $out = `'$^X' -I'$FindBin::Bin/../contrib/bench/lib' -c '$FindBin::Bin/../contrib/bench/$script' 2>&1`;
    like($out, qr/syntax OK/, "contrib/bench/$script compiles");
}

my $wrk = <<'EOF2';
Running 4s test @ http://127.0.0.1:4000/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms  400.00us   9.00ms   80.00%
  Latency Distribution
     50%  850.00us
     75%    2.50ms
     90%    3.00ms
     99%    1.20s
  60000 requests in 4.00s, 8.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 5
  Non-2xx or 3xx responses: 3
Requests/sec:  15000.50
Transfer/sec:      2.00MB
EOF2
my $r = parse_wrk($wrk);
is($r->{rps}, '15000.50', 'req/s');
is($r->{p50}, 0.85, 'p50 in us becomes ms');
is($r->{p99}, 1200, 'p99 in s becomes ms');
is($r->{requests}, 60000, 'requests');
is($r->{non2xx}, 3, 'non-2xx');
is($r->{errors}, 7, 'socket errors summed');
is(parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n"), undef, 'no figures: undef');

is(median(3, 1, 2), 2, 'median of an odd count');
is(median(4, 1, 3, 2), 2.5, 'median of an even count');
is(median(), undef, 'median of nothing');

my $f = { rps => 200, p99 => 5, rss => 4096, rounds => [{ rps => 100, p99 => 5 }, { rps => 300, p99 => 4 }, { rps => 200, p99 => 6 }] };
my $o = { rps => 100, p99 => 5, rss => 10240, rounds => [{ rps => 100, p99 => 10 }, { rps => 100, p99 => 2 }, { rps => 0.00, p99 => 3 }] };
my $c = FcwBench::Report::ratio('x', $f, $o, 'rps', 1.5, 'ge');
is($c->[1], 'met', 'ratio met on the median of the rounds with a usable figure');
like($c->[2], qr/^2\.00x, 1\.00-3\.00 over 2 rounds/, 'the median and the min-max; a round where the other made 0 req/s is left out');
is(FcwBench::Report::ratio('x', $f, $o, 'rps', 2.5, 'ge')->[1], 'MISS', 'below the factor: MISS');
$c = FcwBench::Report::ratio('x', $f, $o, 'p99', 1, 'le');
is($c->[1], 'MISS', 'p99 at most 1x: the median of 0.5, 2, 2 is 2');
like($c->[2], qr/^2\.00x, 0\.50-2\.00 over 3 rounds; 5\.00 ms vs 5\.00 ms/, 'p99 figures in ms');
is(FcwBench::Report::ratio('x', $f, $o, 'rps', 0, 'info')->[1], 'info', 'no target: info');
is(FcwBench::Report::ratio('x', $f, undef, 'rps', 1, 'ge')->[1], 'n/a', 'a missing row: n/a');
$c = FcwBench::Report::ratio('x', { %$f, name => 'fcworker: json by id', non2xx => 12 }, $o, 'rps', 1.5, 'ge');
is($c->[1], 'n/a', 'a row that answered non-2xx is not compared');
like($c->[2], qr/fcworker: json by id: 12 non-2xx/, 'the row and its count are named');
is(FcwBench::Report::at_most('x', $f, $o, 'rss', 0.5)->[1], 'met', 'RSS 4 MiB <= 1/2 of 10 MiB');
is(FcwBench::Report::at_most('x', $o, $f, 'rss', 0.5)->[1], 'MISS', 'RSS 10 MiB > 1/2 of 4 MiB');

my $streaming = FcwBench::Report::parse_streaming(<<'EOF2');
streaming row                    path                       MiB       s    MiB/s  RSS before    RSS peak check
upstream nginx directly          /big.bin                1024.0    1.07    955.2           -           - ok
proxy.js (pass-through)          /proxy/big.bin          1024.0    1.00   1000.0    13.8 MiB    14.0 MiB ok
stream-transform.js (JS path)    /transform/text.txt      100.0    1.70     58.8    13.8 MiB    16.1 MiB FAILED: status 502, 0 of 104857600 bytes
multipart.js (formData)          /multipart/               16.0    0.10    200.0     5.0 MiB    69.2 MiB ok (MiB/s of the parse in the worker; 0.29 s end to end)
EOF2
is_deeply([sort keys %$streaming], ['multipart.js (formData)', 'proxy.js (pass-through)', 'stream-transform.js (JS path)'],
    'the fcworker rows of the streaming table');
is($streaming->{'proxy.js (pass-through)'}{mibps}, '1000.0', 'MiB/s');
is($streaming->{'proxy.js (pass-through)'}{rss_peak}, '14.0', 'RSS peak');
ok(!$streaming->{'stream-transform.js (JS path)'}{ok}, 'a failed check');
ok($streaming->{'multipart.js (formData)'}{ok}, 'a check with a remark is ok');
# the table as contrib/bench/streaming prints it now, with its CPU columns
my $with_cpu = FcwBench::Report::parse_streaming(<<'EOF2');
streaming row                    path                       MiB       s    MiB/s   CPU s MiB/CPU-s nginx CPU  RSS before    RSS peak check
upstream nginx directly          /big.bin                1024.0    0.45   2291.0       -         -         -           -           - ok
proxy.js (pass-through)          /proxy/big.bin          1024.0    2.75    372.9    1.37       747      1.81    13.7 MiB    13.9 MiB ok
stream-transform.js (JS path)    /transform/text.txt      100.0    0.69    144.9    0.68       147      0.23    13.7 MiB    15.9 MiB ok
multipart.js (formData)          /multipart/               16.0    0.01   1330.5    0.03       532      0.04     5.1 MiB    53.4 MiB ok (MiB/s of the parse in the worker; 0.07 s end to end)
EOF2
is_deeply([sort keys %$with_cpu], ['multipart.js (formData)', 'proxy.js (pass-through)', 'stream-transform.js (JS path)'],
    'the rows of a table with CPU columns');
is($with_cpu->{'proxy.js (pass-through)'}{mibps}, '372.9', 'MiB/s before the CPU columns');
is($with_cpu->{'proxy.js (pass-through)'}{rss_before}, '13.7', 'RSS before after them');
is($with_cpu->{'stream-transform.js (JS path)'}{rss_peak}, '15.9', 'RSS peak after them');
ok($with_cpu->{'multipart.js (formData)'}{ok}, 'the check after them');
# and with the min-max column of the repeated runs
my $with_spread = FcwBench::Report::parse_streaming(<<'EOF2');
streaming row                    path                       MiB       s    MiB/s     min-max   CPU s MiB/CPU-s nginx CPU  RSS before    RSS peak check
upstream nginx directly          /big.bin                1024.0    0.54   1884.4   1787-2003       -         -         -           -           - ok
proxy.js (pass-through)          /proxy/big.bin          1024.0    1.25    816.5     681-818    0.97      1056      0.63    13.3 MiB    13.8 MiB ok
stream-transform.js (JS path)    /transform/text.txt      100.0    0.73    136.6     136-150    0.73       137      0.16    13.5 MiB    15.4 MiB ok
multipart.js (formData)          /multipart/               16.0    0.01   1097.1   1033-1177    0.04       399      0.04     4.6 MiB    52.7 MiB ok (MiB/s of the parse in the worker; 0.08 s end to end)
EOF2
is_deeply([sort keys %$with_spread], ['multipart.js (formData)', 'proxy.js (pass-through)', 'stream-transform.js (JS path)'],
    'the rows of a table with a min-max column');
is($with_spread->{'proxy.js (pass-through)'}{mibps}, '816.5', 'the median MiB/s before the min-max');
is($with_spread->{'proxy.js (pass-through)'}{rss_before}, '13.3', 'RSS before after it');
is($with_spread->{'multipart.js (formData)'}{rss_peak}, '52.7', 'RSS peak after it');
is($with_spread->{'proxy.js (pass-through)'}{min}, '681', 'the lowest MiB/s of the runs');
is($with_spread->{'proxy.js (pass-through)'}{max}, '818', 'the highest');
my %spread_checks = map { $_->[0] => $_ } FcwBench::Report::streaming_checks({ rows => $with_spread });
is_deeply($spread_checks{'pass-through >= 1 GB/s'}, ['pass-through >= 1 GB/s', 'MISS', '856 MB/s, 714-858 over the runs'],
    'the median decides, the spread is printed beside it');
my %checks = map { $_->[0] => $_ } FcwBench::Report::streaming_checks({ rows => $streaming });
is($checks{'pass-through >= 1 GB/s'}[1], 'met', '1000 MiB/s is 1049 MB/s');
is($checks{'pass-through RSS flat (peak <= before + 1 MiB)'}[1], 'met', 'RSS flat');
is($checks{'TransformStream path >= 150 MB/s'}[1], 'n/a', 'a failed row gives n/a');
is($checks{'16 MB multipart form parsed >= 200 MB/s'}[1], 'met', '200 MiB/s is 210 MB/s');

my %cgi = map { $_->[0] => $_ } FcwBench::Report::cgi_checks({
    fcworker => { median => 9, min => 8, max => 12, runs => 3 },
    'php-cgi' => { median => 20, min => 19, max => 25, runs => 3 },
    pairs => [2.5, 1.5, 2.1],
});
is($cgi{'CGI hello <= 10 ms (median)'}[1], 'met', 'CGI median 9 ms');
is($cgi{'CGI hello 2x faster than php-cgi (median of paired runs)'}[1], 'met', 'median of the pair ratios 2.1');

done_testing();
