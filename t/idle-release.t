#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# pm.idle_release: a child idle that long after requests collects its heap
# and gives free memory back to the system, once per idle spell. Two pools
# do the same work, one with the release and one without (pm.idle_release =
# 0): the first child's resident memory falls by megabytes, the second's
# does not; the first child then serves on, correctly, from the pages it
# gave back, and releases again after its next requests. A bad duration is
# a configuration error naming the line.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
# Each request makes ~30,000 pairs of objects that point at each other: only
# a full collection frees them, and the heap peaks at several megabytes
# above what stays alive.
my $script = FcwTest::write_file("$dir/w.js", <<'EOF');
var served = 0;
var kept = [];
export default {
    fetch: function (request) {
        var n = Number(new URL(request.url).searchParams.get('n') || 30000);
        var sum = 0;
        for (var i = 0; i < n; i++) {
            var a = { i: i, s: 'item ' + i };
            var b = { a: a };
            a.b = b;
            sum += b.a.i;
            if (i % 1000 === 0) kept.push(a.s);
        }
        served++;
        return new Response(served + ' ' + sum + ' ' + kept.length);
    }
};
EOF

sub rss_kib {
    my ($pid) = @_;
    open my $fh, '<', "/proc/$pid/status" or return undef;
    while (<$fh>) {
        return $1 if /^VmRSS:\s+(\d+) kB/;
    }
    return undef;
}

sub releases {
    my ($pool) = @_;
    my @l = $pool->log =~ /idle for \d+ ms: (?:collected, )?gave back \d+ KiB of free memory/g;
    return scalar @l;
}

# n requests of 30,000 pairs; each answer checked: the count goes up by
# one, the sum is right, and the strings kept are all there
my $sum = 30000 * 29999 / 2;
sub load {
    my ($pool, $n) = @_;
    my ($good, $last) = (0, undef);
    for (1 .. $n) {
        my $r = $pool->request(uri => '/');
        my ($served, $s, $kept) = $r->{body} =~ /^(\d+) (\d+) (\d+)$/ or next;
        $good++ if $r->{status} == 200 && $s == $sum && $kept == 30 * $served && (!defined $last || $served == $last + 1);
        $last = $served;
    }
    return $good;
}

sub wait_for {
    my ($cond, $secs) = @_;
    my $end = time + $secs;
    until ($cond->()) {
        return 0 if time > $end;
        sleep 0.05;
    }
    return 1;
}

my $on = FcwTest::start_pool(script => $script, children => 1, log_level => 'debug', dir => FcwTest::tmpdir(),
    pool => "pm.idle_release = 1s\npm.status_path = /status\n");
my $off = FcwTest::start_pool(script => $script, children => 1, log_level => 'debug', dir => FcwTest::tmpdir(),
    pool => "pm.idle_release = 0\n");
my ($kid_on) = $on->children;
my ($kid_off) = $off->children;
ok($kid_on && $kid_off, 'two pools of one child each');

# (a release may already have come after the pools' ready probes)
my $before = releases($on);
is(load($on, 8), 8, 'the releasing pool answers 8 requests correctly');
is(load($off, 8), 8, 'and so does the other');
ok(wait_for(sub { releases($on) > $before }, 20), 'the idle child logs that it gave memory back') or diag $on->log;
sleep 1;    # as long again for the other pool, and time for a second release that must not come
is(releases($on), $before + 1, 'once for one idle spell');
is(releases($off), 0, 'with pm.idle_release = 0 there is none');
my ($on_kib, $off_kib) = (rss_kib($kid_on), rss_kib($kid_off));
ok(defined $on_kib && defined $off_kib && $on_kib + 4096 < $off_kib,
    "the idle child holds 4 MB less than the other ($on_kib KiB against $off_kib KiB)");
my ($given) = ($on->log =~ /gave back (\d+) KiB/g)[-1];
cmp_ok($given, '>=', 4096, 'and says it gave back more than 4 MB');
my $metrics = $on->request(uri => '/status?openmetrics')->{body};
my ($count) = $metrics =~ /^fcworker_idle_releases_total\{pool="test"\} (\d+)$/m;
my ($bytes) = $metrics =~ /^fcworker_idle_released_bytes_total\{pool="test"\} (\d+)$/m;
is($count, $before + 1, 'the status page counts the releases') or diag $metrics;
cmp_ok($bytes // 0, '>=', $given * 1024, 'and the bytes given back');

is(load($on, 8), 8, 'after the release the child serves on, every answer right');
ok(wait_for(sub { releases($on) > $before + 1 }, 20), 'and gives memory back after those requests too') or diag $on->log;
is(load($on, 2), 2, 'and serves on');
my $status = $on->request(uri => '/x')->{status};
is($status, 200, 'the same child, still');
is(join(',', $on->children), $kid_on, 'never replaced');

$on->stop;
$off->stop;

# a bad duration names the line
my $bad = FcwTest::write_file("$dir/bad.ini", "[pool:a]\nlisten = $dir/a.sock\nscript = $script\npm.idle_release = soon\n");
my $out = `'${\FcwTest::fcworker()}' @{[FcwTest::root_flag()]} -t -c '$bad' 2>&1`;
is($? >> 8, 1, 'pm.idle_release = soon fails the check');
like($out, qr/bad\.ini:4: pm\.idle_release: expected a non-negative number/, 'naming the file, the line and the key') or diag $out;

done_testing();
