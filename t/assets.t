#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Static assets: t/assets/modes.js checks every html_handling and
# not_found_handling mode, conditional requests, ranges and paths that try
# to leave the folder against a folder laid out here; then a pool serves
# the folder ahead of its worker (GET and HEAD; other paths and methods
# reach the worker), env.ASSETS.fetch() answers from the worker, and bad
# assets.* lines fail -t with their file:line.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $pub = "$dir/public";
mkdir $pub or die;
mkdir "$pub/blog" or die;
FcwTest::write_file("$pub/index.html", "home\n");
FcwTest::write_file("$pub/about.html", "about\n");
FcwTest::write_file("$pub/blog/index.html", "blog\n");
FcwTest::write_file("$pub/blog/404.html", "blog not found\n");
FcwTest::write_file("$pub/404.html", "not found\n");
FcwTest::write_file("$pub/style.css", "body{}\n");
FcwTest::write_file("$pub/big.bin", ('0' x 100000) . ('9' x 100000));
FcwTest::write_file("$dir/secret.txt", "secret\n");
symlink('../secret.txt', "$pub/link-out") or die;
symlink('style.css', "$pub/link-in") or die;

{
    local $ENV{FCW_TEST_NATIVE} = 1;
    local $ENV{ASSETS_ROOT} = $pub;
    local $ENV{TZ} = 'Asia/Kolkata'; # HTTP dates are GMT whatever the local zone (east of it, read locally they would be early)
    my $result = FcwTest::run_js_file("$top/t/assets/modes.js");
    my @failed = grep { $_->[0] eq 'test' && !$_->[1] } @{ $result->{events} };
    my $count = grep { $_->[0] eq 'test' } @{ $result->{events} };
    diag "failed: $_->[2]" for @failed;
    ok($result->{complete} && !@failed && $count > 90, "t/assets/modes.js: $count assertions pass ($result->{detail})");
}

my $script = FcwTest::write_file("$dir/worker.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        if (url.pathname.indexOf('/via/') === 0) {
            return env.ASSETS.fetch(new Request(url.origin + url.pathname.slice(4), request));
        }
        return new Response('worker ' + request.method + ' ' + url.pathname + ' ' + (typeof ASSETS));
    }
};
EOF2
my $pool = FcwTest::start_pool(script => $script,
    pool => "assets.directory = $pub\nassets.binding = ASSETS\n");
my $r = $pool->request(uri => '/');
is($r->{status}, 200, 'GET / is the index') or diag $pool->log;
is($r->{body}, "home\n", 'its body');
is($r->{headers}{'content-type'}[0], 'text/html; charset=utf-8', 'its type');
$r = $pool->request(uri => '/about.html');
is($r->{status}, 307, '/about.html redirects');
is($r->{headers}{location}[0], '/about', 'to /about');
is($pool->request(uri => '/about')->{body}, "about\n", '/about serves about.html');
is($pool->request(uri => '/api/x')->{body}, 'worker GET /api/x object', 'no file: the worker answers');
is($pool->request(uri => '/style.css', method => 'POST', body => 'x')->{body}, 'worker POST /style.css object',
   'POST reaches the worker');
is($pool->request(uri => '/via/style.css')->{body}, "body{}\n", 'env.ASSETS.fetch() from the worker');
is($pool->request(uri => '/via/nope')->{status}, 404, 'env.ASSETS.fetch(): 404 for no file');
is($pool->request(uri => '/%2e%2e/secret.txt')->{body}, 'worker GET /secret.txt object',
   'an encoded .. is resolved by the URL parser, inside the folder');
is($pool->request(uri => '/%2e%2e%2fsecret.txt')->{body}, 'worker GET /%2e%2e%2fsecret.txt object',
   'an encoded ../ is no file');
is($pool->request(uri => '/link-out')->{body}, 'worker GET /link-out object', 'a link out of the folder is no file');
$r = $pool->request(uri => '/big.bin');
is(length $r->{body}, 200000, 'a large file, streamed');
$r = $pool->request(uri => '/big.bin', headers => { Range => 'bytes=99998-100001' });
is($r->{status}, 206, 'a range through the pool');
is($r->{body}, '0099', 'its bytes');
my $etag = $pool->request(uri => '/style.css')->{headers}{etag}[0];
$r = $pool->request(uri => '/style.css', headers => { 'If-None-Match' => $etag });
is($r->{status}, 304, '304 through the pool');
is($r->{body}, '', 'with no body');
$r = $pool->request(uri => '/style.css', method => 'HEAD');
is($r->{status}, 200, 'HEAD');
is($r->{body}, '', 'HEAD has no body');
$pool->stop;

# not_found_handling: with a worker, paths naming no file still reach it;
# env.ASSETS.fetch() answers them with the nearest 404.html
my $nf = FcwTest::start_pool(script => $script,
    pool => "assets.directory = $pub\nassets.binding = STATIC\nassets.not_found_handling = 404-page\n");
$r = $nf->request(uri => '/blog/gone');
is($r->{body}, "worker GET /blog/gone undefined", 'the worker answers a path naming no file') or diag $nf->log;
$script = FcwTest::write_file("$dir/worker2.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        return env.STATIC.fetch(new Request(url.origin + url.pathname.slice(4), request));
    }
};
EOF2
$nf->stop;
$nf = FcwTest::start_pool(script => $script,
    pool => "assets.directory = $pub\nassets.binding = STATIC\nassets.not_found_handling = 404-page\n");
$r = $nf->request(uri => '/via/blog/gone');
is($r->{status}, 404, '404-page: status 404') or diag $nf->log;
is($r->{body}, "blog not found\n", 'the nearest 404.html');
$nf->stop;

# bad lines
my @bad = (
    [ "assets.directory = $dir/none", qr/fcworker\.ini:\d+: \[pool:test\]: assets\.directory: .*is not a folder/ ],
    [ "assets.directory = $pub\nassets.html_handling = sometimes", qr/fcworker\.ini:\d+: .*expected auto-trailing-slash/ ],
    [ "assets.directory = $pub\nassets.not_found_handling = x", qr/expected none, single-page-application or 404-page/ ],
    [ "assets.directory = $pub\nassets.binding = 1x", qr/JavaScript identifier/ ],
    [ "assets.binding = ASSETS", qr/assets\.\* keys without assets\.directory/ ],
    [ "assets.directory = $pub\nassets.colour = red", qr/unknown key: expected assets\.directory/ ],
    [ "assets.directory = $pub\nassets.binding = CACHE\nkv.CACHE = $dir/kv", qr/already the name of a variable or binding/ ],
);
for my $case (@bad) {
    my $d = FcwTest::tmpdir();
    FcwTest::write_file("$d/fcworker.ini", "[pool:test]\nlisten = $d/s.sock\nscript = $script\n$case->[0]\n");
    my $out = `'${\ FcwTest::fcworker()}' ${\ join ' ', FcwTest::root_flag()} -t -c '$d/fcworker.ini' 2>&1`;
    my $rc = $? >> 8;
    ok($rc != 0 && $out =~ $case->[1], "-t refuses: " . (split /\n/, $case->[0])[-1]) or diag $out;
}

done_testing;
