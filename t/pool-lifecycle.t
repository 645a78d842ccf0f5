#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The process manager: a killed child is respawned and the next request is
# answered; SIGTERM lets an in-flight request finish; SIGHUP reloads the
# script with no failed request; pm.max_requests recycles children; a
# script that stops loading after a reload is refused and the old children
# keep serving; SIGUSR1 reopens the log.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
sub script {
    my ($name, $body) = @_;
    return FcwTest::write_file("$dir/$name", $body);
}
my $v1 = "export default { fetch: function () { return new Response('v1'); } };\n";
my $v2 = "export default { fetch: function () { return new Response('v2'); } };\n";
my $slow = "export default { fetch: function () { return new Promise(function (r) {"
    . " setTimeout(function () { r(new Response('slow done')); }, 600); }); } };\n";

subtest 'a child killed with SIGKILL is respawned' => sub {
    my $pool = FcwTest::start_pool(script => script('a.js', $v1), children => 2);
    # the pool answers once one child is up; the second may still be
    # forking on a busy machine
    my @kids = $pool->children;
    my $up = time + 10;
    while (@kids < 2 && time < $up) {
        sleep 0.02;
        @kids = $pool->children;
    }
    is(scalar @kids, 2, 'two children');
    kill 'KILL', $kids[0];
    my $deadline = time + 3;
    my @now;
    while (time < $deadline) {
        @now = $pool->children;
        last if @now == 2 && !grep { $_ == $kids[0] } @now;
        sleep 0.02;
    }
    is(scalar @now, 2, 'back to two children');
    ok(!grep({ $_ == $kids[0] } @now), 'the killed one was replaced');
    my $ok = 0;
    $ok += $pool->request(uri => '/')->{body} eq 'v1' for 1 .. 10;
    is($ok, 10, 'the next requests are answered');
    like($pool->log, qr/child $kids[0] exited on signal 9/, 'the death is logged');
};

subtest 'SIGTERM with a request in flight finishes it' => sub {
    my $pool = FcwTest::start_pool(script => script('slow.js', $slow), children => 1);
    pipe(my $rd, my $wr) or die;
    my $pid = fork();
    if ($pid == 0) {
        close $rd;
        my $r = $pool->request(uri => '/');
        print $wr "$r->{status} $r->{body}\n";
        close $wr;
        POSIX::_exit(0);
    }
    close $wr;
    sleep 0.2;
    $pool->signal('TERM');
    my $answer = <$rd>;
    waitpid($pid, 0);
    is($answer, "200 slow done\n", 'the in-flight request got its whole answer');
    ok($pool->wait_exit(5), 'the master exited');
    is($pool->{status}, 0, 'with status 0');
    ok(!-e $pool->{sock}, 'and removed its socket');
};

subtest 'SIGHUP reloads the script with no failed request' => sub {
    my $file = script('r.js', $v1);
    my $pool = FcwTest::start_pool(script => $file, children => 2);
    my ($sent, $failed, %seen) = (0, 0);
    my $reloads = 0;
    my $end = time + 4;
    my $next_reload = time + 0.3;
    while (time < $end) {
        if (time > $next_reload && $reloads < 4) {
            FcwTest::write_file($file, $reloads % 2 ? $v1 : $v2);
            $pool->signal('HUP');
            $reloads++;
            $next_reload = time + 0.6;
        }
        my $r = $pool->request(uri => '/', timeout => 5);
        $sent++;
        if ($r->{status} == 200 && ($r->{body} eq 'v1' || $r->{body} eq 'v2')) { $seen{$r->{body}}++ }
        else { $failed++; diag "failed: status $r->{status} body '$r->{body}'" }
    }
    diag "reload loop: $sent requests, $failed failed, $reloads reloads";
    is($failed, 0, 'no request failed');
    ok($seen{v1} && $seen{v2}, 'answers came from both scripts');
    FcwTest::write_file($file, $v2);
    $pool->signal('HUP');
    sleep 0.5;
    is($pool->request(uri => '/')->{body}, 'v2', 'after the last reload the new script answers');
    FcwTest::write_file($file, "export default { fetch: function ( { } };\n");
    $pool->signal('HUP');
    sleep 0.5;
    like($pool->log, qr/reload refused.*r\.js:1: SyntaxError/, 'a broken script is refused on reload, with file:line');
    is($pool->request(uri => '/')->{body}, 'v2', 'and the old children keep serving');
    # a child replaced after the refused reload (a crash, max_requests, the
    # memory limit) starts from the script the master checked, not from the
    # broken file now on disk (before, the pool died child by child)
    my @before = $pool->children;
    kill 'KILL', @before;
    my $deadline = time + 10;
    my @after;
    while (time < $deadline) {
        @after = grep { my $k = $_; !grep { $_ == $k } @before } $pool->children;
        last if @after == 2;
        sleep 0.05;
    }
    is(scalar @after, 2, 'both children killed after the refused reload are replaced');
    my $ok = 0;
    $ok += ($pool->request(uri => '/')->{body} // '') eq 'v2' for 1 .. 6;
    is($ok, 6, 'and the new children serve the checked script, not the broken file');
    unlike($pool->log, qr/child \d+ died \d+ ms after its start/, 'no child failed to load');
};

subtest 'pm.max_requests recycles children' => sub {
    my $pool = FcwTest::start_pool(script => script('m.js', $v1), children => 1, pool => "pm.max_requests = 3\n");
    my @before = $pool->children;
    my $ok = 0;
    $ok += $pool->request(uri => '/')->{body} eq 'v1' for 1 .. 7;
    is($ok, 7, 'all answered');
    sleep 0.2;
    my @after = $pool->children;
    is(scalar @after, 1, 'still one child');
    isnt($after[0], $before[0], 'a new one');
};

subtest 'SIGUSR1 reopens the error log and the access log' => sub {
    my $dir = FcwTest::tmpdir();
    my $access = "$dir/access.log";
    # as root the children run as nobody, who cannot write in this folder:
    # the master opens the access log for them
    my $user = $> == 0 ? "user = nobody\n" : '';
    chmod 0755, $dir;
    my $script = FcwTest::write_file("$dir/l.js", $v1);
    chmod 0644, $script;
    my $pool = FcwTest::start_pool(dir => $dir, script => $script, children => 1, pool => "access.log = $access\n$user");
    is($pool->request(uri => '/before')->{body}, 'v1', 'answers');
    like(FcwTest::read_file($access), qr{"GET /before" 200}, 'the request is in the access log');
    rename $pool->{log}, "$pool->{log}.1";
    rename $access, "$access.1";
    my @before = $pool->children;
    $pool->signal('USR1');
    my $deadline = time + 5;
    my @after;
    while (time < $deadline) {
        @after = $pool->children;
        last if @after == 1 && $after[0] != $before[0];
        sleep 0.05;
    }
    isnt($after[0] // 0, $before[0], 'the children are replaced (gracefully) to write to the new files');
    is($pool->request(uri => '/after')->{body}, 'v1', 'and answer');
    ok(-s $pool->{log}, 'a new error log file was opened and written');
    like(FcwTest::read_file($access), qr{"GET /after" 200}, 'the new access log has the next request');
    unlike(FcwTest::read_file("$access.1"), qr{/after}, 'the rotated one does not');
};

subtest 'a script that fails to load stops startup' => sub {
    my $pool = FcwTest::start_pool(script => script('bad.js', "var x = ;\n"), children => 1);
    ok($pool->wait_exit(5), 'the master exits');
    is($pool->{status} >> 8, 1, 'with status 1');
    like($pool->log, qr/bad\.js:1: SyntaxError/, 'naming file:line');
};

subtest 'dynamic and ondemand pools' => sub {
    my $pool = FcwTest::start_pool(script => script('d.js', $v1), pm => 'dynamic', children => 4,
        pool => "pm.start_servers = 2\npm.min_spare_servers = 1\npm.max_spare_servers = 2\n");
    is(scalar(() = $pool->children), 2, 'dynamic: pm.start_servers children at start');
    is($pool->request(uri => '/')->{body}, 'v1', 'dynamic: answers');
    $pool->stop;
    my $od = FcwTest::start_pool(script => script('o.js', $v1), pm => 'ondemand', children => 2,
        pool => "pm.process_idle_timeout = 1s\n");
    is($od->request(uri => '/')->{body}, 'v1', 'ondemand: the first request is answered by a child forked for it');
    ok(scalar(() = $od->children) >= 1, 'ondemand: a child exists after a request');
    my $deadline = time + 5;
    sleep 0.1 while time < $deadline && $od->children;
    is(scalar(() = $od->children), 0, 'ondemand: idle children exit after pm.process_idle_timeout');
    is($od->request(uri => '/')->{body}, 'v1', 'ondemand: and a new one comes for the next request');
};

done_testing();
