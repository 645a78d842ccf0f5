#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# systemd integration, spoken to as systemd would: the sd_notify protocol on
# a datagram socket named by NOTIFY_SOCKET (READY=1 once the pool answers,
# STATUS= with the children's counts, RELOADING=1 then READY=1 around a
# SIGHUP, STOPPING=1 on SIGTERM), and socket activation (a listening socket
# passed as fd 3 with LISTEN_FDS/LISTEN_PID/LISTEN_FDNAMES is taken by the
# pool of that name and left in place at exit).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use IO::Socket::UNIX;
use POSIX qw(dup2 WNOHANG);
use Socket qw(SOCK_DGRAM SOCK_STREAM);
use Time::HiRes qw(time sleep);

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/w.js", "export default { fetch: function () { return new Response('activated'); } };\n");
my $notify_path = "$dir/notify.sock";
my $notify = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $notify_path) or die "notify socket: $!";
my $listen_path = "$dir/www.sock";
my $listener = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $listen_path, Listen => 16) or die "listen: $!";

FcwTest::write_file("$dir/fcworker.ini", "[global]\nerror_log = $dir/error.log\n\n"
    . "[pool:www]\nlisten = $listen_path\nscript = $script\npm = static\npm.max_children = 2\n");

my $pid = fork() // die "fork: $!";
if ($pid == 0) {
    open STDOUT, '>>', "$dir/stdout.log";
    open STDERR, '>>', "$dir/stdout.log";
    dup2(fileno($listener), 3) or POSIX::_exit(126);
    $ENV{NOTIFY_SOCKET} = $notify_path;
    $ENV{LISTEN_FDS} = 1;
    $ENV{LISTEN_PID} = $$;
    $ENV{LISTEN_FDNAMES} = 'www';
    exec(FcwTest::fcworker(), FcwTest::root_flag(), '-c', "$dir/fcworker.ini") or POSIX::_exit(127);
}
close $listener;

# Collects notifications until one matches $re or $secs pass.
my @seen;
sub wait_for {
    my ($re, $secs) = @_;
    my $deadline = time + $secs;
    while (time < $deadline) {
        my $rin = '';
        vec($rin, fileno($notify), 1) = 1;
        next unless select(my $rout = $rin, undef, undef, $deadline - time);
        my $msg;
        next unless defined $notify->recv($msg, 4096);
        push @seen, $msg;
        return $msg if $msg =~ $re;
    }
    return undef;
}

my $ready = wait_for(qr/^READY=1$/m, 30);
ok($ready, 'READY=1 once the pool answers') or diag(join(' | ', @seen), FcwTest::read_file("$dir/error.log"));
like($ready // '', qr/^STATUS=1 pool, 2 children \(\d+ idle, \d+ active\), \d+ requests$/m, 'with a STATUS= line');

my $r = FcwTest::fcgi_request($listen_path, uri => '/');
is($r->{body}, 'activated', 'the pool serves on the socket systemd passed');
like(FcwTest::read_file("$dir/error.log"), qr/\[pool www\] using the listen socket passed by systemd/, 'and says so');

kill 'HUP', $pid;
ok(wait_for(qr/^RELOADING=1$/m, 20), 'RELOADING=1 on SIGHUP');
ok(wait_for(qr/^READY=1$/m, 30), 'then READY=1 when the new children answer');
is(FcwTest::fcgi_request($listen_path, uri => '/')->{body}, 'activated', 'still serving after the reload');

kill 'TERM', $pid;
ok(wait_for(qr/^STOPPING=1$/m, 20), 'STOPPING=1 on SIGTERM');
my $deadline = time + 20;
sleep 0.05 while time < $deadline && waitpid($pid, WNOHANG) == 0;
ok(-S $listen_path, 'the socket systemd owns is not removed at exit');

# without NOTIFY_SOCKET and LISTEN_FDS nothing changes
my $plain = FcwTest::start_pool(script => $script, children => 1);
is($plain->request(uri => '/')->{body}, 'activated', 'a pool started without systemd opens its own socket');
$plain->stop;
done_testing();
