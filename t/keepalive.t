#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# FastCGI connection reuse (FCGI_KEEP_CONN, nginx fastcgi_keep_conn): several
# requests on one connection are answered in turn, the request body is read
# to its end each time, and the child goes back to accepting new connections
# once the front server closes the kept one — or, when a new connection
# waits while the kept one is idle, gives the kept one up and takes the new
# one (a front server keeping more idle connections than the pool has
# children must not stall the pool).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use IO::Socket::UNIX;

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/k.js", "var n = 0;\nexport default { fetch: function (r) {"
    . " return r.text().then(function (b) { n++; return new Response(n + ':' + b.length); }); } };\n");
my $pool = FcwTest::start_pool(script => $script, children => 1);
my $conn = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $pool->{sock}) or die "connect: $!";
my @answers;
for my $i (1 .. 3) {
    my $r = FcwTest::fcgi_request($conn, keep_conn => 1, method => 'POST', uri => "/k$i", body => 'x' x (1000 * $i), timeout => 5);
    push @answers, $r->{body};
    ok(!$r->{incomplete}, "request $i on the kept connection is answered");
}
like($answers[0], qr/^\d+:1000$/, 'first body read');
my ($n1) = $answers[0] =~ /^(\d+)/;
is($answers[1], ($n1 + 1) . ':2000', 'second request, same child, whole body');
is($answers[2], ($n1 + 2) . ':3000', 'third request');
# a request whose body the worker never reads: the rest of FCGI_STDIN is drained
my $script2 = FcwTest::write_file("$dir/k2.js", "export default { fetch: function (r) { return new Response('ignored the body'); } };\n");
my $pool2 = FcwTest::start_pool(script => $script2, children => 1);
my $c2 = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $pool2->{sock}) or die;
my $a = FcwTest::fcgi_request($c2, keep_conn => 1, method => 'POST', uri => '/a', body => 'y' x 200000, timeout => 5);
my $b = FcwTest::fcgi_request($c2, keep_conn => 1, method => 'GET', uri => '/b', timeout => 5);
is($a->{body}, 'ignored the body', 'unread body: answered');
is($b->{body}, 'ignored the body', 'and the next request on the connection is in step');
$conn->close;
$c2->close;
is($pool->request(uri => '/new')->{status}, 200, 'after the front server closes the kept connection, a new one is accepted');

# Two children, each left holding an idle kept connection: a third
# connection must still be answered (before, it waited in the backlog for as
# long as the front server kept the two idle).
my $pool3 = FcwTest::start_pool(script => $script2, children => 2);
my @idle;
for my $i (1 .. 2) {
    my $c = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $pool3->{sock}) or die "connect: $!";
    my $r = FcwTest::fcgi_request($c, keep_conn => 1, method => 'GET', uri => "/idle$i", timeout => 10);
    ok(!$r->{incomplete}, "kept connection $i answered");
    push @idle, $c;
}
for my $i (1 .. 3) {
    my $c = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $pool3->{sock}) or die "connect: $!";
    my $r = FcwTest::fcgi_request($c, keep_conn => 1, method => 'GET', uri => "/new$i", timeout => 20);
    ok(!$r->{incomplete}, "new connection $i is answered while older kept connections sit idle");
    push @idle, $c;
}
$_->close for @idle;
is($pool3->request(uri => '/after')->{status}, 200, 'the pool serves plain requests afterwards');
done_testing();
