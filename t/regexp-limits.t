#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# A catastrophic regular expression (exponential backtracking) is stopped by
# limits.cpu_ms like any other CPU loop: the request gets a 503, the child
# used about limits.cpu_ms of CPU time for it (read from /proc, not the
# clock, so a loaded machine does not fail the test), the log names the
# limit, and the same child answers the next request. Catching the error
# does not save the request. A pattern that outgrows the engine's
# backtrack stack is a RangeError the script can catch.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use POSIX ();

my $cpu_ms = 200;
my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/regexp.js", <<'EOF');
var evil = new Array(31).join('a') + 'b';
export default {
    fetch: function (request) {
        var path = new URL(request.url).pathname;
        if (path === '/test') {
            return new Response(String(/(a+)+$/.test(evil)));
        }
        if (path === '/unicode') {
            return new Response(String(new RegExp('(?<x>a+)+$', 'u').exec(evil)));
        }
        if (path === '/replace') {
            return new Response(evil.replace(/(a+)+$/g, 'x'));
        }
        if (path === '/split') {
            return new Response(String(evil.split(/(a+)+$/)));
        }
        if (path === '/catch') {
            try {
                /(a+)+$/.test(evil);
            } catch (e) {
                return new Response('caught ' + e.name);
            }
            return new Response('finished');
        }
        if (path === '/deep') {
            var long = 'a';
            while (long.length < 3000000) {
                long += long;
            }
            try {
                return new Response(String(/^(?:a|ab)*c/.test(long)));
            } catch (e) {
                return new Response(e.name + ': ' + e.message);
            }
        }
        return new Response(String(/^(a+)+$/.test('aaaa')));
    }
};
EOF

my $pool = FcwTest::start_pool(script => $script, children => 1,
    pool => "limits.cpu_ms = $cpu_ms\nlimits.wall_ms = 20000\nrequest_terminate_timeout = 60s\n");
my @kids = $pool->children;
is(scalar @kids, 1, 'one child');
is($pool->request(uri => '/')->{body}, 'true', 'a harmless regexp');

my $tick = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;

# CPU time (ms) the process has used, from /proc/PID/stat (utime + stime).
sub cpu_of {
    my ($pid) = @_;
    my $stat = FcwTest::read_file("/proc/$pid/stat");
    $stat =~ s/^.*\)\s+//s;
    my @f = split /\s+/, $stat;
    return ($f[11] + $f[12]) * 1000 / $tick;
}

for my $path (qw(/test /unicode /replace /split /catch)) {
    my $before = cpu_of($kids[0]);
    my $r = $pool->request(uri => $path, timeout => 30);
    my $used = cpu_of($kids[0]) - $before;
    is($r->{status}, 503, "$path: a catastrophic regexp → 503");
    cmp_ok($used, '<', 1.5 * $cpu_ms + 60, sprintf("$path: within about limits.cpu_ms of CPU time (%.0f ms)", $used));
    is($pool->request(uri => '/')->{body}, 'true', "$path: the same child answers the next request");
}
like($pool->log, qr{request \d+ "GET /test": request ended by limits.cpu_ms \($cpu_ms ms\)}, 'logged with the limit');
is_deeply([ $pool->children ], \@kids, 'no child was replaced');

my $r = $pool->request(uri => '/deep', timeout => 30);
is($r->{status}, 200, 'a backtrack stack over its bound is not a limit');
like($r->{body}, qr/^RangeError: regular expression too complex$/, "caught as a RangeError ($r->{body})");
is_deeply([ $pool->children ], \@kids, 'still the same child');

$pool->stop;
done_testing();
