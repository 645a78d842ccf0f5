#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker dev: a project in a temporary folder is built and served on
# 127.0.0.1:PORT by the built-in HTTP/1.1 front; a change to the source is
# rebuilt and served; a syntax error is reported with file:line while the
# old version keeps serving; a script error shows a source-mapped stack;
# request bodies reach the worker, streamed answers come back chunked;
# each request is logged; SIGTERM stops the master too. Needs the build
# tool's node_modules (t/modern.t installs them).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use IO::Socket::INET;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

my $top = FcwTest::top();
my $tool = "$top/contrib/fcworker-build/fcworker-build";
plan skip_all => 'fcworker-build has no node_modules (npm ci in contrib/fcworker-build)'
    unless -d "$top/contrib/fcworker-build/node_modules";
plan skip_all => 'curl missing' unless -x '/usr/bin/curl';

my $dir = FcwTest::tmpdir();
mkdir "$dir/app";
mkdir "$dir/app/src";
sub worker {
    my ($version) = @_;
    return <<"JS";
const VERSION: string = '$version';
export default {
    async fetch(request: Request): Promise<Response> {
        const url = new URL(request.url);
        if (url.pathname === '/echo') {
            return new Response(request.method + ' ' + (await request.text()));
        }
        if (url.pathname === '/stream') {
            const enc = new TextEncoder();
            let i = 0;
            return new Response(new ReadableStream({
                pull(controller) {
                    if (i === 3) { controller.close(); return; }
                    controller.enqueue(enc.encode('part' + (i++) + ';'));
                }
            }));
        }
        if (url.pathname === '/throw') {
            throw new Error('thrown from the worker');
        }
        console.log('served', url.pathname);
        return new Response(VERSION);
    }
};
JS
}
FcwTest::write_file("$dir/app/src/index.ts", worker('v1'));

my $port = FcwTest::free_port();
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    $ENV{FCW_BUILD_TOOL} = $tool;
    $ENV{TMPDIR} = $dir;
    open STDOUT, '>', "$dir/dev.out";
    open STDERR, '>', "$dir/dev.err";
    exec(FcwTest::fcworker(), 'dev', "$dir/app", '--port', $port) or POSIX::_exit(127);
}

sub get {
    my ($path, @args) = @_;
    my $quoted = join ' ', map { "'$_'" } @args;
    my $out = `/usr/bin/curl -s -i --max-time 10 $quoted http://127.0.0.1:$port$path`;
    my ($head, $body) = split /\r\n\r\n/, $out, 2;
    my ($status) = ($head // '') =~ m{^HTTP/1\.1 (\d+)};
    return { status => $status // 0, head => $head // '', body => $body // '' };
}

sub wait_for {
    my ($what, $secs) = @_;
    my $deadline = time + $secs;
    while (time < $deadline) {
        my $r = $what->();
        return $r if $r;
        sleep 0.2;
    }
    return undef;
}

my $r = wait_for(sub { my $x = get('/'); $x->{body} eq 'v1' ? $x : undef }, 60);
ok($r, 'the project is built and served on 127.0.0.1') or diag(FcwTest::read_file("$dir/dev.err"));
like($r ? $r->{head} : '', qr/^transfer-encoding: chunked\r?$/mi, 'a body without a length comes chunked');

$r = get('/echo', '-X', 'POST', '--data-binary', 'hello body');
is($r->{body}, 'POST hello body', 'a request body reaches the worker');
$r = get('/echo', '-X', 'PUT', '-H', 'Transfer-Encoding: chunked', '--data-binary', 'chunked body');
is($r->{body}, 'PUT chunked body', 'a chunked request body too');
$r = get('/stream');
is($r->{body}, 'part0;part1;part2;', 'a streamed answer arrives whole');
$r = get('/', '-I');
is($r->{status}, 200, 'HEAD answered');

# keep-alive: two requests on one connection
my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 10);
print $s "GET / HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
my $raw = '';
while (sysread($s, my $buf, 65536)) { $raw .= $buf }
my @answers = $raw =~ m{^HTTP/1\.1 200}mg;
is(scalar @answers, 2, 'two requests on one kept-alive connection');
like($raw, qr/POST ok/, 'the second one answered');

$r = get('/throw');
is($r->{status}, 500, 'a script error answers 500');
my $err = wait_for(sub { my $e = FcwTest::read_file("$dir/dev.err"); $e =~ /thrown from the worker/ ? $e : undef }, 10) // '';
like($err, qr{thrown from the worker.*src/index\.ts:19:1\b}s, 'the error is shown with a source-mapped stack (index.ts:line)')
    or diag($err);

FcwTest::write_file("$dir/app/src/index.ts", worker('v2'));
$r = wait_for(sub { my $x = get('/'); $x->{body} eq 'v2' ? $x : undef }, 60);
ok($r, 'a change is rebuilt and served');

FcwTest::write_file("$dir/app/src/index.ts", "export default {\n  fetch( { return 1 }\n};\n");
$err = wait_for(sub { my $e = FcwTest::read_file("$dir/dev.err"); $e =~ /reload refused/ ? $e : undef }, 60) // '';
like($err, qr{reload refused.*src/index\.ts:2:\d+}, 'a syntax error is reported with file:line') or diag($err);
is(get('/')->{body}, 'v2', 'the old version still serves');

FcwTest::write_file("$dir/app/src/index.ts", worker('v3'));
ok(wait_for(sub { get('/')->{body} eq 'v3' }, 60), 'fixed: the new version serves');

my $out = FcwTest::read_file("$dir/dev.out");
like($out, qr{^GET / 200 2 }m, 'the request log: method, path, status, bytes');
like($out, qr{^POST /echo 200 }m, '... for every request');
like(FcwTest::read_file("$dir/dev.err"), qr/console: served \//, 'console output in the terminal');

kill 'TERM', $pid;
my $gone = wait_for(sub { waitpid($pid, WNOHANG) == $pid }, 15);
ok($gone, 'SIGTERM stops fcworker dev');
ok(!wait_for(sub { -S $_ ? 1 : undef for glob("$dir/fcworker-dev-*/dev.sock"); undef }, 1),
    'its master is gone with its folder');
done_testing();
