#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# A pool's script is compiled once per (re)load by the check child and its
# bytecode image loaded by every child (lib/script_image.h): the children
# answer as before, with no fallback to the source; an error thrown in the
# script names its file and line; a reload with a changed script serves the
# new one from a new image; a broken script refused on reload keeps the old
# image, which children forked afterwards still load.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
sub version {
    my ($v) = @_;
    return "var hits = 0;\n"
        . "function fail() {\n"
        . "    throw new Error('failed in $v');\n"
        . "}\n"
        . "export default { fetch: function (request) {\n"
        . "    if (new URL(request.url).pathname === '/fail') { fail(); }\n"
        . "    hits++;\n"
        . "    return new Response('$v ' + hits);\n"
        . "} };\n";
}

sub wait_children {
    my ($pool, $n, $not) = @_;
    my $deadline = time + 10;
    my @now;
    while (time < $deadline) {
        @now = $pool->children;
        last if @now == $n && !grep { my $c = $_; grep { $_ == $c } @$not } @now;
        sleep 0.05;
    }
    return @now;
}

my $file = FcwTest::write_file("$dir/app.js", version('v1'));
my $pool = FcwTest::start_pool(dir => $dir, script => $file, children => 3);
ok($pool->alive, 'the pool started');
like($pool->log, qr/\[pool test\] script compiled once: \d+ bytes of bytecode/, 'the master kept the image');
my %seen;
for (1 .. 12) {
    my $r = $pool->request(uri => '/');
    $seen{ $r->{status} . ' ' . ($r->{body} =~ /^(v\d) \d+$/ ? $1 : $r->{body}) }++;
}
is_deeply(\%seen, { '200 v1' => 12 }, 'every child answers from the loaded script, its state per child');
my $r = $pool->request(uri => '/fail');
is($r->{status}, 500, 'an exception is a 500');
like($pool->log, qr/Error: failed in v1.*app\.js:3/s, 'its stack names the script file and line');
unlike($pool->log, qr/bytecode image not used|compiled by every child/, 'no child fell back to the source');

FcwTest::write_file($file, version('v2'));
my @old = $pool->children;
$pool->signal('HUP');
my @new = wait_children($pool, 3, \@old);
is(scalar @new, 3, 'the children were replaced on reload');
is($pool->request(uri => '/')->{body}, 'v2 1', 'the changed script is served');
my @images = $pool->log =~ /script compiled once/g;
is(scalar @images, 2, 'from a new image');

FcwTest::write_file($file, "var = ;\n" . version('v3'));
$pool->signal('HUP');
my $deadline = time + 10;
sleep 0.05 while time < $deadline && $pool->log !~ /reload refused/;
like($pool->log, qr/reload refused.*app\.js:1: SyntaxError/, 'a broken script is refused on reload');
# children forked after the refused reload load the kept image
kill 'KILL', $pool->children;
@new = wait_children($pool, 3, \@new);
is(scalar @new, 3, 'killed children are replaced');
my $ok = 0;
$ok += ($pool->request(uri => '/')->{body} =~ /^v2 \d+$/ ? 1 : 0) for 1 .. 6;
is($ok, 6, 'and serve the old script');
unlike($pool->log, qr/bytecode image not used|compiled by every child/, 'still from its image');
unlike($pool->log, qr/child \d+ died \d+ ms after its start/, 'no child failed to load');
$pool->stop;
# constructors in the image: dumped without their loader-made prototype
# objects (fcw_duk_prepare_dump), made constructors again at the load, so
# their closures still get theirs; the same answer from the image (a pool),
# from the source (CGI) and from the CGI cache
my $ctor = FcwTest::write_file("$dir/ctor.js", <<'JS');
function outer() {
    function Point(x) { this.x = x; }
    var method = function () { "use duk notail"; return 1; };
    var tried;
    try { new method(); tried = 'constructed'; } catch (e) { tried = e.name; }
    return [typeof Point.prototype, Point.prototype.constructor === Point, new Point(3).x, new Point(4) instanceof Point,
        Object.getOwnPropertyNames(Point.prototype).join(), 'prototype' in method, tried, outer.prototype !== void 0];
}
function Top() {}
var desc = Object.getOwnPropertyDescriptor(Top, 'prototype');
export default { fetch: function () {
    return new Response(JSON.stringify(outer().concat([typeof Top.prototype, new Top() instanceof Top, desc.writable,
        desc.enumerable, desc.configurable, outer() !== outer() && outer()[0]])));
} };
JS
my $want = '["object",true,3,true,"constructor",false,"TypeError",true,"object",true,true,false,false,"object"]';
$pool->stop;
$pool = FcwTest::start_pool(script => $ctor, children => 1);
is($pool->request(uri => '/')->{body}, $want, 'constructors and non-constructors loaded from the image');
unlike($pool->log, qr/bytecode image not used|compiled by every child/, 'from the image');
$pool->stop;
my (undef, $cgi_body, $cgi_err) = FcwTest::run_cgi($ctor);
is($cgi_body, $want, 'the same compiled from the source (CGI)') or diag($cgi_err);
for my $pass ('compiled and cached', 'loaded from the cache') {
    (undef, $cgi_body, $cgi_err) = FcwTest::run_cgi($ctor, FCW_CGI_CACHE => "$dir/cache");
    is($cgi_body, $want, "CGI, $pass") or diag($cgi_err);
}

done_testing();
