#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# A JWT library end to end: t/crypto/jose-worker.js, on the jose package
# pinned in t/crypto/package-lock.json, is built with contrib/fcworker-build
# and served by a one-child pool. For RS256, ES256 and EdDSA the worker signs
# a token with a key pair it generated and verifies it itself; node's jose
# (t/crypto/jose-node.mjs) verifies that token against the JWK the worker
# exported; node signs a token that the worker verifies; a token with a
# changed signature or payload is refused. Hono's JWT helpers (hono/jwt,
# also pinned there) sign with keys from crypto.subtle, and node's jose
# verifies their tokens. Node.js and npm are required.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use JSON::PP;
use POSIX qw(:sys_wait_h);

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $json = JSON::PP->new->utf8->canonical;
my $n = 0;

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
my ($app, $app_rc, $app_out) = FcwTest::npm_ready($dir, "$top/t/crypto", 'crypto');
tap($app_rc == 0, 'npm ci in t/crypto (jose, hono)', $app_out) or exit 1;

my $out = "$dir/worker.js";
my ($build_rc, $build_out) = FcwTest::run_in($dir, $app, "$tool_dir/fcworker-build", 'jose-worker.js', '-o', $out);
tap($build_rc == 0 && -s $out, 'fcworker-build jose-worker.js', $build_out) or exit 1;

mkdir "$dir/pool" or die "mkdir: $!";
my $pool = FcwTest::start_pool(dir => "$dir/pool", script => $out, children => 1);
tap(!defined $pool->{exited}, 'the pool starts', $pool->log) or exit 1;

sub node_jose {
    my @args = @_;
    my ($rc, $text) = FcwTest::run_in($dir, $app, 'node', 'jose-node.mjs', @args);
    chomp $text;
    return ($rc, $text);
}

# Changes one character in the middle of part $part (0 header, 1 payload,
# 2 signature) of a compact JWT.
sub tamper {
    my ($token, $part) = @_;
    my @parts = split /\./, $token, -1;
    my $i = int(length($parts[$part]) / 2);
    my $c = substr($parts[$part], $i, 1);
    substr($parts[$part], $i, 1) = $c eq 'A' ? 'B' : 'A';
    return join '.', @parts;
}

for my $alg (qw(RS256 ES256 EdDSA)) {
    my $res = $pool->request(method => 'GET', uri => "/sign/$alg");
    my $signed = eval { $json->decode($res->{body}) };
    tap($res->{status} == 200 && $signed && $signed->{selfVerified}, "$alg: the worker signs a token and verifies it",
        "status $res->{status}: $res->{body}", $pool->log) or next;
    my ($rc, $verdict) = node_jose('verify', $alg, $json->encode($signed));
    tap($rc == 0 && $verdict eq 'valid fcworker', "$alg: node's jose verifies the worker's token with its JWK", $verdict);
    ($rc, $verdict) = node_jose('verify', $alg, $json->encode({ %$signed, token => tamper($signed->{token}, 2) }));
    tap(scalar($verdict =~ /^invalid /), "$alg: node refuses the token with a changed signature", $verdict);

    $res = $pool->request(method => 'GET', uri => "/hono/$alg");
    my $hono = eval { $json->decode($res->{body}) };
    tap($res->{status} == 200 && $hono && $hono->{selfVerified}, "$alg: hono/jwt signs and verifies in the worker",
        "status $res->{status}: $res->{body}");
    ($rc, $verdict) = node_jose('verify', $alg, $json->encode($hono || {}));
    tap($rc == 0 && $verdict eq 'valid hono', "$alg: node's jose verifies hono/jwt's token", $verdict);

    my ($sign_rc, $node_text) = node_jose('sign', $alg);
    my $from_node = eval { $json->decode($node_text) };
    tap($sign_rc == 0 && $from_node, "$alg: node signs a token", $node_text) or next;
    for my $case ([ 'node\'s token', $from_node->{token}, 200, JSON::PP::true ],
                  [ 'a changed signature', tamper($from_node->{token}, 2), 401, JSON::PP::false ],
                  [ 'a changed payload', tamper($from_node->{token}, 1), 401, JSON::PP::false ]) {
        my ($what, $token, $status, $valid) = @$case;
        my $body = $json->encode({ token => $token, jwk => $from_node->{jwk} });
        $res = $pool->request(method => 'POST', uri => "/verify/$alg", body => $body,
            headers => { 'content-type' => 'application/json' });
        my $answer = eval { $json->decode($res->{body}) } || {};
        tap($res->{status} == $status && ($answer->{valid} ? 1 : 0) == ($valid ? 1 : 0)
                && (!$valid || ($answer->{sub} // '') eq 'node'),
            "$alg: the worker " . ($valid ? 'accepts' : 'refuses') . " $what", "status $res->{status}: $res->{body}");
    }
}
my $errors = join "\n", grep { /\[error\]/ } split /\n/, $pool->log;
tap($errors eq '', 'no errors in the log', $errors);
$pool->stop;
