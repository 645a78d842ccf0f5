#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Hono's compress() middleware on CompressionStream: t/compression/hono-app.js,
# on the hono package pinned in t/compression/package-lock.json, is built
# with contrib/fcworker-build and served by a one-child pool. Responses are
# gzip- or deflate-encoded as Accept-Encoding asks (and decode here to the
# original bytes), plain without it, left alone under the size threshold and
# for incompressible types; a streamed 2 MB body is compressed as it goes;
# a gzip request body decompresses through DecompressionStream, and a
# corrupt one is a 400. Node.js and npm are required.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Digest::SHA qw(sha256_hex);
use IO::Compress::Gzip qw(gzip $GzipError);
use IO::Uncompress::Gunzip qw(gunzip $GunzipError);
use IO::Uncompress::Inflate qw(inflate $InflateError);
use JSON::PP;
use POSIX qw(:sys_wait_h);

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $n = 0;
my $line = "fcworker compresses this line for the hono test\n";

sub tap {
    my ($ok, $name, @diag) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - $name\n");
    print "# $_\n" for map { split /\n/ } grep { defined && !$ok } @diag;
    return $ok;
}

END { print "1..$n\n" if $n }

my ($node_rc, $node_out) = FcwTest::run_in($dir, $top, 'node', '--version');
tap($node_rc == 0, 'node is installed', $node_out) or exit 1;
my ($tool_dir, $tool_rc, $tool_out) = FcwTest::npm_ready($dir, "$top/contrib/fcworker-build", 'fcworker-build');
tap($tool_rc == 0, 'npm ci in contrib/fcworker-build', $tool_out) or exit 1;
my ($app, $app_rc, $app_out) = FcwTest::npm_ready($dir, "$top/t/compression", 'compression');
tap($app_rc == 0, 'npm ci in t/compression (hono)', $app_out) or exit 1;

my $out = "$dir/worker.js";
my ($build_rc, $build_out) = FcwTest::run_in($dir, $app, "$tool_dir/fcworker-build", 'hono-app.js', '-o', $out);
tap($build_rc == 0 && -s $out, 'fcworker-build hono-app.js', $build_out) or exit 1;

mkdir "$dir/pool" or die "mkdir: $!";
my $pool = FcwTest::start_pool(dir => "$dir/pool", script => $out, children => 1);
tap(!defined $pool->{exited}, 'the pool starts', $pool->log) or exit 1;

sub header {
    my ($res, $name) = @_;
    return join ', ', @{ $res->{headers}{$name} || [] };
}

sub get {
    my ($uri, $accept) = @_;
    return $pool->request(method => 'GET', uri => $uri,
        headers => defined $accept ? { 'accept-encoding' => $accept } : {});
}

my $text = $line x 960;
my $stream_text = substr($line x 341, 0, 16384) x 128;
for my $case ([ '/text', $text ], [ '/stream', $stream_text ]) {
    my ($uri, $want) = @$case;
    my $res = get($uri, 'gzip, deflate, br');
    my $plain;
    my $ok = gunzip(\$res->{body} => \$plain);
    tap($res->{status} == 200 && header($res, 'content-encoding') eq 'gzip', "$uri: gzip for 'gzip, deflate, br'",
        "status $res->{status}, content-encoding " . header($res, 'content-encoding'));
    tap($ok && defined $plain && $plain eq $want, "$uri: the gzip body decodes to the original "
        . length($want) . ' bytes', $ok ? 'decoded ' . length($plain // '') . ' bytes' : $GunzipError);
    tap(length($res->{body}) < length($want) / 4, "$uri: compressed to " . length($res->{body}) . ' bytes');
    tap(scalar(header($res, 'vary') =~ /accept-encoding/i), "$uri: Vary: Accept-Encoding");

    $res = get($uri, 'deflate');
    $plain = undef;
    $ok = inflate(\$res->{body} => \$plain);
    tap(header($res, 'content-encoding') eq 'deflate' && $ok && ($plain // '') eq $want,
        "$uri: deflate for 'deflate', decodes to the original", $ok ? header($res, 'content-encoding') : $InflateError);

    $res = get($uri);
    tap($res->{status} == 200 && header($res, 'content-encoding') eq '' && $res->{body} eq $want,
        "$uri: no Accept-Encoding, the plain body");
}

my $res = get('/small', 'gzip');
tap($res->{body} eq 'tiny' && header($res, 'content-encoding') eq '', '/small: under the threshold, not compressed');
$res = get('/image', 'gzip');
tap(length($res->{body}) == 4096 && header($res, 'content-encoding') eq '', '/image: image/png is left alone');

my $payload = join('', map { "request body line $_\n" } 1 .. 20000);
my $gz;
gzip(\$payload => \$gz) or die $GzipError;
$res = $pool->request(method => 'POST', uri => '/gunzip', body => $gz,
    headers => { 'content-type' => 'application/gzip' });
my $answer = eval { decode_json($res->{body}) } || {};
tap($res->{status} == 200 && ($answer->{length} // -1) == length($payload)
        && ($answer->{sha256} // '') eq sha256_hex($payload),
    'POST /gunzip: a gzip request body decompresses to its ' . length($payload) . ' bytes', $res->{body});
substr($gz, 200, 4) = 'XXXX';
$res = $pool->request(method => 'POST', uri => '/gunzip', body => $gz,
    headers => { 'content-type' => 'application/gzip' });
$answer = eval { decode_json($res->{body}) } || {};
tap($res->{status} == 400 && ($answer->{error} // '') eq 'TypeError', 'POST /gunzip: a corrupt body is a TypeError',
    $res->{body});

my $errors = join "\n", grep { /\[error\]/ } split /\n/, $pool->log;
tap($errors eq '', 'no errors in the log', $errors);
$pool->stop;
