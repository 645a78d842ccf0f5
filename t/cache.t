#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The Cache API's shared store: t/js/cache.js against a store file with a
# small size bound, then a pool of four children naming one cache.path:
# an entry put by one child is matched by another (the first held busy),
# Vary and expiry hold across children, eviction keeps the file within
# cache.max_size, and bad cache.* lines fail -t.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use POSIX qw(:sys_wait_h);
use Test::More;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();

# ---- the JS API against a store file
{
    local $ENV{FCW_TEST_CACHE} = "$dir/unit.sqlite3";
    local $ENV{FCW_TEST_CACHE_MAX} = 256 * 1024;
    my $result = FcwTest::run_js_file("$top/t/js/cache.js");
    my $failed = grep { $_->[0] eq 'test' && !$_->[1] } @{ $result->{events} };
    my $count = grep { $_->[0] eq 'test' } @{ $result->{events} };
    for my $e (@{ $result->{events} }) {
        diag "failed: $e->[2]" if $e->[0] eq 'test' && !$e->[1];
    }
    ok($result->{complete} && !$failed && $count > 60, "t/js/cache.js on a store file: $count assertions pass ($result->{detail})");
}

# ---- through a pool of four children
my $script = FcwTest::write_file("$dir/cache.js", <<'EOF2');
var me = String(Math.random()).slice(2, 12);
export default {
    fetch: function (request) {
        var url = new URL(request.url);
        var q = url.searchParams;
        var key = 'https://cache.test/' + q.get('k');
        var cache = caches.default;
        var keyRequest = new Request(key, { headers: { 'accept-language': q.get('lang') || 'en' } });
        switch (url.pathname) {
        case '/put':
            var headers = { 'x-from': me };
            if (q.get('cc')) {
                headers['cache-control'] = q.get('cc');
            }
            if (q.get('vary')) {
                headers.vary = q.get('vary');
            }
            var body = q.get('size') ? new Uint8Array(Number(q.get('size'))) : 'value of ' + q.get('k');
            return cache.put(keyRequest, new Response(body, { headers: headers })).then(function () {
                var wait = Number(q.get('hold') || 0);
                return new Promise(function (resolve) { setTimeout(resolve, wait); });
            }).then(function () {
                return new Response(me);
            });
        case '/match':
            return cache.match(keyRequest).then(function (r) {
                if (r === undefined) {
                    return new Response('miss ' + me, { status: 404 });
                }
                return r.text().then(function (text) {
                    return new Response(text, { headers: { 'x-from': r.headers.get('x-from'), 'x-me': me,
                        'x-status': r.headers.get('cf-cache-status') } });
                });
            });
        }
        return new Response('not found', { status: 404 });
    }
};
EOF2
my $store = "$dir/shared.sqlite3";
my $pool = FcwTest::start_pool(script => $script, children => 4,
                               pool => "cache.path = $store\ncache.max_size = 256k\n");

# one child puts and then stays busy; another answers the match meanwhile
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    my $r = $pool->request(uri => '/put?k=a&hold=1500');
    POSIX::_exit(($r->{status} // 0) == 200 ? 0 : 1);
}
my $m;
for (1 .. 50) {
    select undef, undef, undef, 0.05;
    $m = $pool->request(uri => '/match?k=a');
    last if $m->{status} == 200;
}
waitpid($pid, 0);
is($? >> 8, 0, 'the put was answered');
is($m->{status}, 200, 'another child matches what one child put') or diag $pool->log;
is($m->{body}, 'value of a', 'with its body');
is($m->{headers}{'x-status'}[0], 'HIT', 'cf-cache-status: HIT');
isnt($m->{headers}{'x-from'}[0], $m->{headers}{'x-me'}[0], 'stored by one child, matched by another');
ok(-f $store, 'the store is the file cache.path names');

# Vary across children
$pool->request(uri => '/put?k=v&vary=Accept-Language&lang=fr');
is($pool->request(uri => '/match?k=v&lang=fr')->{status}, 200, 'Vary: the same header value matches');
is($pool->request(uri => '/match?k=v&lang=de')->{status}, 404, 'Vary: another value does not');

# expiry
$pool->request(uri => '/put?k=e&cc=max-age%3D1');
is($pool->request(uri => '/match?k=e')->{status}, 200, 'fresh entry found');
sleep 2;
is($pool->request(uri => '/match?k=e')->{status}, 404, 'gone after max-age');
$pool->request(uri => '/put?k=n&cc=no-store');
is($pool->request(uri => '/match?k=n')->{status}, 404, 'no-store is not stored');

# eviction by size: 40 entries of 16 KiB through all children into 256 KiB
for my $i (1 .. 40) {
    $pool->request(uri => "/put?k=big$i&size=16384");
}
is($pool->request(uri => '/match?k=big40')->{status}, 200, 'the newest entry is there');
is($pool->request(uri => '/match?k=big1')->{status}, 404, 'the oldest was evicted');
my $found = grep { $pool->request(uri => "/match?k=big$_")->{status} == 200 } 1 .. 40;
ok($found >= 8 && $found <= 16, "the store holds what fits in cache.max_size ($found of 40 entries)");
unlike($pool->log, qr/Cache \w+ failed|locked/i, 'no store errors in the log');
$pool->stop;

# ---- configuration
sub test_conf {
    my ($lines) = @_;
    my $ini = "$dir/t.ini";
    FcwTest::write_file($ini, "[pool:t]\nlisten = $dir/t.sock\nscript = $script\n$lines");
    my $out = `'${\ FcwTest::fcworker()}' ${\ join(' ', FcwTest::root_flag())} -t -c '$ini' 2>&1`;
    return ($? >> 8, $out);
}
my ($rc, $out) = test_conf("cache.path = $dir/c.sqlite3\ncache.max_size = 16m\n");
is($rc, 0, '-t accepts cache.path and cache.max_size') or diag $out;
($rc, $out) = test_conf("cache.max_size = lots\n");
isnt($rc, 0, '-t refuses a bad cache.max_size');
like($out, qr/t\.ini:4: cache\.max_size: expected a non-negative number/, 'with file:line and the reason') or diag $out;
($rc, $out) = test_conf("cache.max_size = 1k\n");
isnt($rc, 0, '-t refuses a cache.max_size below 64k');
like($out, qr/cache\.max_size must be at least 64k/, 'and says so');

done_testing;
