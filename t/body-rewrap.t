#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# A response whose body is another response's untouched .body (the re-wrap
# Hono's c.header() does after the handler) goes out whole and byte for
# byte: t/js/body-rewrap.js with the private native object exposed, then a
# pool answering re-wrapped, read, teed and streamed bodies.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $n = FcwTest::run_native_js('body-rewrap.js');

my $dir = FcwTest::tmpdir();
my $big = 'x' x 100000;
FcwTest::write_file("$dir/worker.js", <<'EOF_JS');
var BIG = new Array(100001).join('x');
addEventListener('fetch', function (event) {
    var path = new URL(event.request.url).pathname;
    var res = new Response(path === '/big' ? BIG : '{"ok":true}', { headers: { 'content-type': 'application/json' } });
    if (path === '/plain') {
        event.respondWith(res);
    } else if (path === '/rewrap' || path === '/big') {
        var again = new Response(res.body, res);
        again.headers.append('Vary', 'Origin');
        event.respondWith(new Response(again.body, again));
    } else if (path === '/tee') {
        var branches = res.body.tee();
        event.respondWith(new Response(branches[0], res));
    } else if (path === '/blob') {
        event.respondWith(new Response(new Blob(['blob ', 'parts']).stream()));
    } else if (path === '/script') {
        event.respondWith(new Response(new ReadableStream({
            start: function (c) { c.enqueue(new TextEncoder().encode('from ')); c.enqueue(new TextEncoder().encode('script')); c.close(); }
        })));
    } else {
        event.respondWith(new Response('no', { status: 404 }));
    }
});
EOF_JS
my $pool = FcwTest::start_pool(dir => $dir, script => "$dir/worker.js", children => 1);
my %want = ('/plain' => '{"ok":true}', '/rewrap' => '{"ok":true}', '/big' => $big, '/tee' => '{"ok":true}',
    '/blob' => 'blob parts', '/script' => 'from script');
for my $path (sort keys %want) {
    for my $round (1, 2) {
        my $res = $pool->request(uri => $path);
        is($res->{status}, 200, "$path ($round): 200");
        ok($res->{body} eq $want{$path}, "$path ($round): the body, " . length($want{$path}) . ' bytes')
            or diag(substr($res->{body}, 0, 200));
    }
}
my $res = $pool->request(uri => '/rewrap');
is_deeply($res->{headers}{'content-type'}, ['application/json'], 'the re-wrapped headers');
is_deeply($res->{headers}{vary}, ['Origin'], 'and the one added');
$pool->stop;
unlike($pool->log, qr/ERROR/, 'no errors logged');
done_testing();
