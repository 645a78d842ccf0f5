#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# What a pool's child keeps of the master's memory. The master reads every
# pool's script (and keeps its bytecode image) for the children it forks;
# once a child has loaded its worker, it frees its copies of those (its
# own pool's and the others'), so they no longer count in its resident
# memory. And the runtime's groups that a script reaches only through
# their globals (Web Crypto, URLPattern, HTMLRewriter, the streams that are
# not ReadableStream or WritableStream, ...) are loaded in a child on
# first use, not at start: the heap grows at that use (the status page),
# and their globals' descriptors are those of data properties throughout.
# Loaded after the script has run, they still work when it replaced
# Promise, Array.prototype.map and Function.prototype.bind first.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
my $big_mb = 6;
# a script of 6 MB: a comment the size of a large bundle, and a handler
my $comment = join('', map { '// ' . ('x' x 76) . "\n" } 1 .. ($big_mb * 1024 * 1024 / 80));
my $big = FcwTest::write_file("$dir/big.js", $comment . <<'EOF');
export default { fetch() { return new Response('big ok'); } };
EOF
my $small = FcwTest::write_file("$dir/small.js", <<'EOF');
export default {
    fetch(request) {
        var path = new URL(request.url).pathname;
        if (path === '/use') {
            var id = crypto.randomUUID();
            var m = new URLPattern({ pathname: '/books/:id' }).exec('https://example.com/books/42');
            return new Response(id.length + ' ' + m.pathname.groups.id + ' ' + (1234.5).toLocaleString() + ' ' +
                Iterator.from([1, 2, 3]).map(function (x) { return x * 2; }).toArray().join());
        }
        if (path === '/descriptor') {
            var d = Object.getOwnPropertyDescriptor(globalThis, 'HTMLRewriter');
            return new Response([typeof d.value, d.get, d.writable, d.enumerable, d.configurable].join());
        }
        return new Response('plain');
    }
};
EOF

# a script that replaces built-ins at load, as polyfills do, before it
# first uses the groups that a child loads then
my $patched = FcwTest::write_file("$dir/patched.js", <<'EOF');
var NativePromise = Promise;
globalThis.Promise = function Promise() { throw new Error('the replaced Promise'); };
Array.prototype.map = function () { throw new Error('the replaced map'); };
Function.prototype.bind = function () { throw new Error('the replaced bind'); };
export default {
    fetch() {
        var out = [crypto.randomUUID().length,
            new URLPattern({ pathname: '/a/:id' }).exec('https://example.com/a/5').pathname.groups.id,
            (1234.5).toLocaleString(), typeof new TransformStream().readable, typeof new HTMLRewriter().on,
            typeof new CompressionStream('gzip').writable];
        return NativePromise.resolve(crypto.subtle.digest('SHA-256', new TextEncoder().encode('x')))
            .then(function (d) { out.push(d.byteLength); return new Response(out.join(' ')); });
    }
};
EOF

my $pool = FcwTest::start_pool(dir => $dir, script => $small, children => 1,
    pool => "pm.status_path = /status\n"
        . "\n[pool:big]\nlisten = $dir/big.sock\nscript = $big\npm = static\npm.max_children = 1\n");
my $end = time + 30;
sleep 0.05 until -S "$dir/big.sock" || time > $end;

# the child's heap after its last request (the status page)
sub heap {
    my $m = $pool->request(uri => '/status?openmetrics')->{body};
    return $m =~ /^fcworker_process_heap_bytes\{[^}]*\} (\d+)/m ? $1 : 0;
}
my $r = $pool->request(uri => '/');
is($r->{body}, 'plain', 'the small pool answers');
my $h0 = heap();
$pool->request(uri => '/') for 1 .. 3;
my $h1 = heap();
$r = $pool->request(uri => '/use');
is($r->{body}, '36 42 1,234.5 2,4,6', 'crypto, URLPattern, Intl and the iterator helpers work');
my $h2 = heap();
$r = $pool->request(uri => '/use');
my $h3 = heap();
cmp_ok($h2 - $h1, '>', 100_000,
    "the first use of crypto and URLPattern loads their groups (the heap grows by @{[$h2 - $h1]} bytes)");
cmp_ok($h1 - $h0, '<', ($h2 - $h1) / 2, "requests that use neither do not (@{[$h1 - $h0]} bytes for three)");
cmp_ok($h3 - $h2, '<', ($h2 - $h1) / 2, "nor does their next use (@{[$h3 - $h2]} bytes)");
$r = $pool->request(uri => '/descriptor');
is($r->{body}, 'function,,true,false,true', 'a group not yet loaded: its global reads as a data property');

my $big_r = FcwTest::fcgi_request("$dir/big.sock", uri => '/');
is($big_r->{body}, 'big ok', 'the pool of the 6 MB script answers');

sub rss_kib {
    my ($pid) = @_;
    open my $fh, '<', "/proc/$pid/status" or return 0;
    while (<$fh>) {
        return $1 if /^VmRSS:\s+(\d+) kB/;
    }
    return 0;
}

# the children, told apart by the socket each pool's child serves: the
# small pool's is the older one (its pool comes first)
my @kids = $pool->children;
is(scalar @kids, 2, 'one child per pool');
my $master = rss_kib($pool->pid);
cmp_ok($master, '>', $big_mb * 1024, "the master holds the big script's text ($master KiB resident)");
for my $kid (@kids) {
    my $rss = rss_kib($kid);
    cmp_ok($rss, '<', $master - ($big_mb - 2) * 1024,
        "child $kid does not hold the master's copy of it ($rss KiB resident, the master $master KiB)");
}
$big_r = FcwTest::fcgi_request("$dir/big.sock", uri => '/') for 1 .. 5;
is($big_r->{body}, 'big ok', 'and serves on without it');

$pool->stop;
unlike($pool->log, qr/ERROR|WARNING/, 'nothing went wrong in the log');

my $patched_pool = FcwTest::start_pool(script => $patched, children => 1);
$r = $patched_pool->request(uri => '/');
is($r->{body}, '36 5 1,234.5 object function object 32',
    'groups first used after the script replaced Promise, map and bind work as before') or diag $patched_pool->log;
$patched_pool->stop;

done_testing();
