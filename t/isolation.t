#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Privilege separation, as root: a pool with `user = nobody` and
# `group = nogroup` runs its children as that user and group (real,
# effective, saved and filesystem ids, from /proc/PID/status) while the
# master stays root; the unix socket gets listen.owner, listen.group and
# listen.mode; `listen.allowed_clients = 127.0.0.1` on a TCP pool serves
# loopback and turns away a client from another address. fcworker has no
# chroot: the key is refused at startup rather than ignored.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use IO::Socket::INET;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

plan skip_all => 'needs root to switch users (CI runs as root)' unless $> == 0;
my ($nobody_uid) = (getpwnam('nobody'))[2];
my $nogroup_gid = getgrnam('nogroup');
my ($www_uid, $www_gid) = (getpwnam('www-data'))[2, 3];
plan skip_all => 'needs the users nobody and www-data and the group nogroup'
    unless defined $nobody_uid && defined $nogroup_gid && defined $www_uid;

my $dir = FcwTest::tmpdir();
chmod 0755, $dir; # the children, as nobody, read the script from here
my $script = FcwTest::write_file("$dir/who.js",
    "export default { fetch: function () { return new Response('served'); } };\n");
chmod 0644, $script;

# Uid/Gid lines of /proc/PID/status: [real, effective, saved, filesystem]
sub ids {
    my ($pid, $which) = @_;
    my ($line) = FcwTest::read_file("/proc/$pid/status") =~ /^$which:\s+(.*)$/m;
    return [ split ' ', $line // '' ];
}

subtest 'user, group and the unix socket' => sub {
    my $pool = FcwTest::start_pool(dir => $dir, script => $script, children => 4,
        pool => "user = nobody\ngroup = nogroup\nlisten.owner = www-data\nlisten.group = www-data\nlisten.mode = 0640\n");
    ok(!defined $pool->{exited}, 'the pool starts') or return diag $pool->log;
    is($pool->request(uri => '/')->{body}, 'served', 'it serves');
    my @kids = $pool->children;
    is(scalar @kids, 4, '4 children');
    # a child forked last may still be between fork() and setuid() when
    # the first one answers (a busy machine): wait, bounded, until every
    # child has switched; one that stays root then fails below
    my $deadline = time + 20;
    sleep 0.05 while time < $deadline && grep { (ids($_, 'Uid')->[3] // 0) != $nobody_uid } @kids;
    for my $pid (@kids) {
        is_deeply(ids($pid, 'Uid'), [ ($nobody_uid) x 4 ], "child $pid runs as nobody (real, effective, saved, fs uid)");
        is_deeply(ids($pid, 'Gid'), [ ($nogroup_gid) x 4 ], "child $pid runs as group nogroup");
        my ($groups) = FcwTest::read_file("/proc/$pid/status") =~ /^Groups:[ \t]*(.*)$/m;
        ok(!grep({ $_ == 0 } split ' ', $groups // ''), "child $pid kept no supplementary group of root ($groups)");
    }
    is_deeply(ids($pool->pid, 'Uid'), [0, 0, 0, 0], 'the master stays root');
    my @st = stat $pool->{sock};
    is($st[4], $www_uid, 'the socket belongs to listen.owner (www-data)');
    is($st[5], $www_gid, 'and to listen.group (www-data)');
    is(sprintf('%04o', $st[2] & 07777), '0640', 'with listen.mode 0640');
    $pool->stop;
};

# A pool on 127.0.0.1:PORT; FcwTest::start_pool only makes unix sockets.
sub start_tcp_pool {
    my ($port, $extra) = @_;
    my $pdir = FcwTest::tmpdir();
    FcwTest::write_file("$pdir/fcworker.ini", "[global]\nerror_log = $pdir/error.log\n\n[pool:tcp]\n"
        . "listen = 127.0.0.1:$port\nscript = $script\npm = static\npm.max_children = 2\n$extra");
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDOUT, '>>', "$pdir/stdout.log";
        open STDERR, '>>', "$pdir/stdout.log";
        exec(FcwTest::fcworker(), FcwTest::root_flag(), '-c', "$pdir/fcworker.ini") or POSIX::_exit(127);
    }
    my $pool = bless { pid => $pid, dir => $pdir, sock => "127.0.0.1:$port", log => "$pdir/error.log" }, 'FcwTest::Pool';
    my $deadline = time + 10;
    until (time > $deadline || IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port")) {
        if (waitpid($pid, WNOHANG) == $pid) { $pool->{exited} = $?; last }
        sleep 0.05;
    }
    sleep 0.3; # the children load the script
    return $pool;
}

# One request from $from (a loopback address) to the pool; alarm-bounded,
# since libfcgi's client check closes turned-away connections silently.
sub request_from {
    my ($pool, $from) = @_;
    my $conn = IO::Socket::INET->new(PeerAddr => $pool->{sock}, LocalAddr => $from, Timeout => 5)
        or return { status => 0, error => "connect: $!" };
    my $r = eval {
        local $SIG{ALRM} = sub { die "timeout\n" };
        alarm 5;
        my $res = FcwTest::fcgi_request($conn, uri => '/', timeout => 5);
        alarm 0;
        $res;
    };
    return $r || { status => 0, error => $@ };
}

subtest 'listen.allowed_clients on a TCP pool' => sub {
    my $port = do { my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Listen => 1); my $p = $s->sockport; close $s; $p };
    my $pool = start_tcp_pool($port, "listen.allowed_clients = 127.0.0.1\n");
    ok(!defined $pool->{exited}, 'the TCP pool starts') or return diag $pool->log;
    my @kids = $pool->children;
    my $r = request_from($pool, '127.0.0.1');
    is($r->{status} . ' ' . $r->{body}, '200 served', 'a client on 127.0.0.1 is served');
    $r = request_from($pool, '127.0.0.2');
    isnt($r->{body}, 'served', 'a client from 127.0.0.2 is turned away' . ($r->{error} ? " ($r->{error})" : ''));
    $r = request_from($pool, '127.0.0.1');
    is($r->{body}, 'served', 'and 127.0.0.1 is still served after it');
    is_deeply([ $pool->children ], \@kids, 'no child died');
    $pool->stop;
};

subtest 'chroot' => sub {
    my $pool = FcwTest::start_pool(script => $script, children => 1, pool => "chroot = $dir\n");
    ok($pool->wait_exit(5), 'a pool asking for chroot does not start: fcworker has no chroot');
    like($pool->log, qr/unknown key "chroot"/, 'the key is refused by name, not ignored');
};

done_testing();
