#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker started by spawn-fcgi (contrib/README-spawn-fcgi.md): spawn-fcgi
# binds the socket, forks `fcworker [SCRIPT]` with it on fd 0 and exits,
# leaving the PIDs in its -P file. Both forms are checked over FastCGI: one
# worker script (-F 2: two processes share the socket) and root mode from
# $FCW_ROOT; each process is stopped by its PID.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $SPAWN = '/usr/bin/spawn-fcgi';
plan skip_all => "$SPAWN is not installed (apt-get install spawn-fcgi)" unless -x $SPAWN;

my $dir = FcwTest::tmpdir();
my $ex = FcwTest::top() . '/contrib/examples';

sub pids_of {
    my ($file, $want) = @_;
    my $deadline = time + 5;
    my @pids;
    while (time < $deadline) {
        @pids = FcwTest::read_file($file) =~ /(\d+)/g;
        last if @pids >= $want;
        sleep 0.05;
    }
    return @pids;
}

# running: exists and is not a zombie waiting for init to reap it
sub running {
    my ($pid) = @_;
    return kill(0, $pid) && FcwTest::read_file("/proc/$pid/stat") !~ /^\d+ \(.*\) Z/;
}

sub stop_pids {
    my @pids = @_;
    kill 'TERM', @pids;
    my $deadline = time + 10;
    while (time < $deadline && grep { running($_) } @pids) { sleep 0.05 }
    my @left = grep { running($_) } @pids;
    kill 'KILL', @left if @left;
    return !@left;
}

# spawn-fcgi itself exits once its children run; the children are not ours
sub spawn_fcgi {
    my (%o) = @_;
    local $ENV{FCW_ROOT} = $o{root} if $o{root};
    my $out = `$SPAWN -s $o{sock} -P $o{pidfile} -F $o{children} -- @{[FcwTest::fcworker()]} @{[ $o{script} // '' ]} 2>&1`;
    return ($? == 0, $out);
}

{
    my ($ok, $out) = spawn_fcgi(sock => "$dir/hello.sock", pidfile => "$dir/hello.pid", children => 2,
        script => "$ex/hello.js");
    ok($ok, 'spawn-fcgi starts fcworker hello.js') or diag($out);
    my @pids = pids_of("$dir/hello.pid", 2);
    is(scalar @pids, 2, 'two processes in the PID file (-F 2)') or diag($out);
    my @bodies = map { FcwTest::fcgi_request("$dir/hello.sock", uri => '/')->{body} } 1 .. 4;
    is_deeply(\@bodies, [("Hello from fcworker!\n") x 4], 'four requests answered over the spawned socket');
    my $r = FcwTest::fcgi_request("$dir/hello.sock", method => 'POST', uri => '/x', body => 'y' x 100_000);
    is($r->{status}, 200, 'a request with a 100 KB body');
    ok(stop_pids(@pids), 'SIGTERM to each PID stops it');
}

{
    my $root = "$ex/root";
    my ($ok, $out) = spawn_fcgi(sock => "$dir/root.sock", pidfile => "$dir/root.pid", children => 1, root => $root);
    ok($ok, 'spawn-fcgi starts fcworker in root mode (FCW_ROOT, no script)') or diag($out);
    my @pids = pids_of("$dir/root.pid", 1);
    is(scalar @pids, 1, 'one process in the PID file');
    my $r = FcwTest::fcgi_request("$dir/root.sock", uri => '/api.sjs/items/2',
        params => { SCRIPT_FILENAME => "$root/api.sjs", PATH_INFO => '/items/2' });
    is($r->{status}, 200, 'root mode: api.sjs runs');
    like($r->{body}, qr/"item":"plum"/, 'root mode: with its PATH_INFO route');
    $r = FcwTest::fcgi_request("$dir/root.sock", uri => '/app.js', params => { SCRIPT_FILENAME => "$root/app.js" });
    is($r->{status}, 403, 'root mode: a .js file is refused (default security.limit_extensions .sjs)');
    ok(stop_pids(@pids), 'SIGTERM to the PID stops it');
}

done_testing();
