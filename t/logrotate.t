#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# contrib/logrotate/fcworker, run by Debian's logrotate against a running
# master: the logs are renamed, the postrotate script's SIGUSR1 makes the
# master reopen the error log and the access log, and the replaced
# children write to the new files (nothing more goes to the rotated ones).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $logrotate = (grep { -x } map { "$_/logrotate" } split(/:/, $ENV{PATH} // ''), '/usr/sbin')[0];
plan skip_all => 'logrotate is not installed (Debian package logrotate)' unless $logrotate;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/worker.js", <<'EOF2');
export default {
    fetch: function (request) {
        var path = new URL(request.url).pathname;
        console.error('worker saw ' + path);
        return new Response('pid ' + 0);
    }
};
EOF2
my $pool = FcwTest::start_pool(dir => $dir, script => $script, children => 2, pool => "access.log = $dir/access.log\n");
my $r = $pool->request(uri => '/before');
is($r->{status}, 200, 'the pool answers') or diag $pool->log;
my @before = sort $pool->children;

# the shipped file, its paths moved into the test's folder
my $conf = FcwTest::read_file("$top/contrib/logrotate/fcworker");
like($conf, qr{^/var/log/fcworker/\*\.log \{$}m, 'contrib/logrotate/fcworker rotates /var/log/fcworker/*.log');
like($conf, qr{postrotate.*kill -USR1 .*/run/fcworker\.pid.*endscript}s, 'with a postrotate SIGUSR1 to the master');
$conf =~ s{^/var/log/fcworker/\*\.log \{$}{$dir/error.log $dir/access.log \{}m;
$conf =~ s{/run/fcworker\.pid}{$dir/fcworker.pid}g;
my $lr = FcwTest::write_file("$dir/logrotate.conf", $conf);
chmod 0644, $lr;
my $out = `'$logrotate' -f -s '$dir/logrotate.state' '$lr' 2>&1`;
is($? >> 8, 0, 'logrotate -f succeeds') or diag $out;
ok(-s "$dir/error.log.1" && -s "$dir/access.log.1", 'the logs were renamed to .1 (delaycompress)');

# the master reopens at once; its children are replaced gracefully
my $deadline = time + 10;
my @after;
while (time < $deadline) {
    @after = sort $pool->children;
    last if @after == @before && !grep { my $a = $_; grep { $_ == $a } @before } @after;
    select(undef, undef, undef, 0.05);
}
ok(@after && !grep({ my $a = $_; grep { $_ == $a } @before } @after), "the children were replaced (@before -> @after)");
ok(-e "$dir/error.log", 'the master made a new error log');
for my $i (1 .. 4) {
    $r = $pool->request(uri => "/after$i");
}
is($r->{status}, 200, 'the pool still answers');
my ($new_err, $old_err) = map { FcwTest::read_file($_) } "$dir/error.log", "$dir/error.log.1";
my ($new_acc, $old_acc) = map { FcwTest::read_file($_) } "$dir/access.log", "$dir/access.log.1";
like($old_err, qr{worker saw /before}, 'the rotated error log has what came before');
like($new_err, qr{worker saw /after1}, 'the children write their errors to the new error log');
unlike($old_err, qr{/after}, 'and nothing more to the old one');
like($old_acc, qr{/before}, 'the rotated access log has the first request');
like($new_acc, qr{/after1}, 'requests after the rotation go to the new access log');
unlike($old_acc, qr{/after}, 'none to the old one');
like($new_err, qr/logs reopened/, 'the master logged the reopening in the new file') or diag $new_err;

# a second rotation compresses the first (delaycompress)
$out = `'$logrotate' -f -s '$dir/logrotate.state' '$lr' 2>&1`;
is($? >> 8, 0, 'a second logrotate -f succeeds') or diag $out;
ok(-e "$dir/error.log.2.gz" && -e "$dir/error.log.1", 'the older log is compressed, the newer one kept plain');
$pool->stop;
done_testing();
