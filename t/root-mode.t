#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Root mode (`root = DIR`) through the FastCGI client, the way a front
# server drives it: SCRIPT_FILENAME names the script; missing scripts are
# 404; anything whose real path leaves the root (`..`, a symlink) or whose
# extension is not in security.limit_extensions is 403, also when a NUL byte
# tries to cut the name short; every script has its own globals; a script is
# compiled again when its mtime changes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use File::Path qw(make_path);
use JSON::PP;

my $dir = FcwTest::tmpdir();
my $root = "$dir/www";
make_path("$root/sub", "$dir/outside");

sub worker {
    my ($body) = @_;
    return "export default { fetch: function (request) { $body } };\n";
}

FcwTest::write_file("$root/hello.sjs", worker("return new Response('hello from ' + new URL(request.url).pathname);"));
FcwTest::write_file("$root/sub/deep.sjs", worker("return new Response('deep');"));
FcwTest::write_file("$dir/outside/secret.sjs", worker("return new Response('SECRET');"));
FcwTest::write_file("$root/browser.js", "document.title = 'SECRET';\n");
FcwTest::write_file("$root/notes.txt", worker("return new Response('SECRET');"));
symlink("$dir/outside/secret.sjs", "$root/link.sjs") or die "symlink: $!";
symlink("$dir/outside", "$root/outdir") or die "symlink: $!";
symlink('browser.js', "$root/browser.sjs") or die "symlink: $!";
# globals: each script counts its own requests in a global of the same name
for my $n (qw(one two)) {
    FcwTest::write_file("$root/$n.sjs", "var seenBefore = typeof counter;\nvar counter = 0;\n"
        . worker("counter++; globalThis.lastScript = '$n';"
            . " return Response.json({ script: '$n', counter: counter, seenBefore: seenBefore });"));
}

my $pool = FcwTest::start_pool(dir => $dir, children => 1, pool => "root = $root\n");
ok(!defined $pool->{exited}, 'the root-mode pool starts') or diag($pool->log);

sub get {
    my ($uri, $file, %o) = @_;
    return $pool->request(uri => $uri, params => { SCRIPT_FILENAME => $file, %{ $o{params} || {} } });
}

my $r = get('/hello.sjs', "$root/hello.sjs");
is($r->{status}, 200, 'a script in the root runs');
is($r->{body}, 'hello from /hello.sjs', 'with the request URL');
$r = get('/sub/deep.sjs/more/path', "$root/sub/deep.sjs", params => { PATH_INFO => '/more/path' });
is($r->{body}, 'deep', 'a script in a subdirectory, chosen by SCRIPT_FILENAME with PATH_INFO after it');
$r = $pool->request(uri => '/hello.sjs');
is($r->{body}, 'hello from /hello.sjs', 'without SCRIPT_FILENAME the path under the root names the script');

$r = get('/missing.sjs', "$root/missing.sjs");
is($r->{status}, 404, 'a missing script: 404');
$r = get('/sub', "$root/sub");
isnt($r->{status}, 200, 'a directory is not run');

$r = get('/x.sjs', "$root/../outside/secret.sjs");
is($r->{status}, 403, '.. out of the root: 403');
unlike($r->{body}, qr/SECRET/, '.. out of the root: the script did not run');
$r = $pool->request(uri => '/../outside/secret.sjs');
is($r->{status}, 403, '.. in the request path (no SCRIPT_FILENAME): 403');
unlike($r->{body}, qr/SECRET/, '.. in the request path: the script did not run');
$r = get('/link.sjs', "$root/link.sjs");
is($r->{status}, 403, 'a symlink to a script outside the root: 403');
unlike($r->{body}, qr/SECRET/, 'a symlink out: the script did not run');
$r = get('/outdir/secret.sjs', "$root/outdir/secret.sjs");
is($r->{status}, 403, 'a symlinked directory outside the root: 403');
$r = get('/x.sjs', "${root}-sibling/x.sjs");
isnt($r->{status}, 200, 'a sibling directory sharing the root as a name prefix is not the root');

$r = get('/browser.js', "$root/browser.js");
is($r->{status}, 403, 'a .js file (not in security.limit_extensions): 403');
unlike($r->{body}, qr/SECRET/, 'the browser script was not run');
$r = get('/browser.sjs', "$root/browser.sjs");
is($r->{status}, 403, 'an .sjs symlink to a .js file: 403 (the extension of the real path counts)');
$r = get('/notes.txt', "$root/notes.txt");
is($r->{status}, 403, 'a .txt file: 403');

# A NUL byte must not shorten the name to a file the checks never saw: the
# extension and the root are checked on what is actually opened.
$r = get('/notes.txt', "$root/notes.txt\0.sjs");
ok($r->{status} == 403 || $r->{status} == 404, "NUL: notes.txt\\0.sjs is refused (status $r->{status})");
unlike($r->{body}, qr/SECRET/, 'NUL: notes.txt did not run');
$r = get('/x.sjs', "$dir/outside/secret.sjs\0$root/hello.sjs");
ok($r->{status} == 403 || $r->{status} == 404, "NUL: an outside path before the NUL is refused (status $r->{status})");
unlike($r->{body}, qr/SECRET/, 'NUL: the outside script did not run');
$r = $pool->request(uri => "/notes.txt\0.sjs");
ok($r->{status} == 403 || $r->{status} == 404, "NUL in the request path is refused (status $r->{status})");

# Per-script globals: both scripts declare `counter` and check that nothing
# defined it before them; each keeps counting its own requests.
my @seq = map { [$_, get("/$_.sjs", "$root/$_.sjs")] } qw(one two one two one);
my %last;
for my $step (@seq) {
    my ($name, $res) = @$step;
    my $j = eval { JSON::PP::decode_json($res->{body}) } || {};
    is($j->{script}, $name, "$name.sjs answers for itself");
    is($j->{seenBefore}, 'undefined', "$name.sjs: no global counter from another script");
    $last{$name} = $j->{counter};
}
is($last{one}, 3, 'one.sjs counted its 3 requests (its heap is kept between requests)');
is($last{two}, 2, 'two.sjs counted its 2 requests, not one.sjs\'s');

# Recompiled on an mtime change; state starts over.
FcwTest::write_file("$root/version.sjs", "var n = 0;\n" . worker("n++; return new Response('v1 ' + n);"));
utime(time - 100, time - 100, "$root/version.sjs");
is(get('/version.sjs', "$root/version.sjs")->{body}, 'v1 1', 'version.sjs: the first version');
is(get('/version.sjs', "$root/version.sjs")->{body}, 'v1 2', 'version.sjs: kept compiled between requests');
FcwTest::write_file("$root/version.sjs", "var n = 0;\n" . worker("n++; return new Response('v2 ' + n);"));
is(get('/version.sjs', "$root/version.sjs")->{body}, 'v2 1', 'version.sjs: a new mtime loads the new code, fresh state');
FcwTest::write_file("$root/version.sjs", "syntax error here(\n");
is(get('/version.sjs', "$root/version.sjs")->{status}, 500, 'version.sjs: a broken edit answers 500');
FcwTest::write_file("$root/version.sjs", worker("return new Response('v3');"));
utime(time + 5, time + 5, "$root/version.sjs");
is(get('/version.sjs', "$root/version.sjs")->{body}, 'v3', 'version.sjs: fixed again, it runs');

$pool->stop;
like($pool->log, qr/outside root/, 'refusals are logged');

# limits.memory_mb is the child's budget for all its scripts' heaps: with
# six scripts each holding ~6 MB and a 16 MB budget, the least recently used
# heaps are freed (before, a child kept all of them, one heap per script).
subtest 'the child frees least recently used heaps to stay within limits.memory_mb' => sub {
    my $mroot = "$dir/mem";
    make_path($mroot);
    for my $n (1 .. 6) {
        FcwTest::write_file("$mroot/m$n.sjs", "var hoard = [];\nfor (var i = 0; i < 6; i++) { hoard.push(new Uint8Array(1 << 20)); }\n"
            . worker("return new Response('m$n holds ' + hoard.length + ' MB');"));
    }
    my $mp = FcwTest::start_pool(dir => FcwTest::tmpdir(), children => 1, log_level => 'info',
        pool => "root = $mroot\nlimits.memory_mb = 16\n");
    for my $round (1 .. 2) {
        for my $n (1 .. 6) {
            my $r = $mp->request(uri => "/m$n.sjs", params => { SCRIPT_FILENAME => "$mroot/m$n.sjs" });
            is($r->{body}, "m$n holds 6 MB", "round $round: script m$n answers");
        }
    }
    my @freed = $mp->log =~ /freeing the heap of \S+m\d\.sjs \(\d+ KB\): the child's heaps are over limits.memory_mb/g;
    cmp_ok(scalar @freed, '>=', 8, 'least recently used heaps were freed (' . scalar(@freed) . ' times)');
    my ($kid) = $mp->children;
    my ($rss) = FcwTest::read_file("/proc/$kid/status") =~ /VmRSS:\s+(\d+) kB/;
    cmp_ok($rss, '<', 40 * 1024, "the child's RSS stays bounded ($rss kB; six heaps would hold 36 MB of data)");
    $mp->stop;
};

done_testing();
