#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Cron triggers: fcworker --scheduled runs a pool's scheduled handler by
# hand (module and service-worker syntax, controller.cron and
# scheduledTime, ctx.waitUntil, exit codes, a thrown error, noRetry(), bad
# --cron); the master fires "* * * * *" at the next minute through one
# child of the pool (the event's KV write is read back through the pool);
# a client sending the FCW_SCHEDULED_* parameters without the master's
# token gets the fetch handler; bad triggers.crons lines fail -t. The
# expressions themselves are tested in t/unit/cron.c.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
my $fcworker = FcwTest::fcworker();
my @root = FcwTest::root_flag();

my $module = FcwTest::write_file("$dir/module.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        return env.KV.get('last').then(function (v) { return new Response(String(v)); });
    },
    scheduled: function (controller, env, ctx) {
        console.log('cron=' + controller.cron + ' type=' + typeof controller.scheduledTime);
        if (controller.cron === '0 0 1 1 *') {
            controller.noRetry();
            throw new Error('boom');
        }
        if (controller.cron === '0 0 2 1 *') {
            return Promise.reject(new Error('rejected'));
        }
        ctx.waitUntil(env.KV.put('last', controller.cron + '@' + (controller.scheduledTime % 60000)));
    }
};
EOF2
my $sw = FcwTest::write_file("$dir/sw.js", <<'EOF2');
addEventListener('scheduled', function (event) {
    console.log('event ' + event.type + ' ' + event.cron + ' ' + (event instanceof Object));
    event.waitUntil(KV.put('sw', event.cron));
});
EOF2
my $only = FcwTest::write_file("$dir/only.js", "export default { scheduled: function () {} };\n");
my $ini = FcwTest::write_file("$dir/by-hand.ini", <<"EOF2");
[pool:app]
listen = $dir/app.sock
script = $module
kv.KV = $dir/kv
triggers.crons = 0 0 * * MON, */5 * * * *
[pool:sw]
listen = $dir/sw.sock
script = $sw
kv.KV = $dir/kv
[pool:only]
listen = $dir/only.sock
script = $only
[pool:none]
listen = $dir/none.sock
script = $dir/sw-none.js
EOF2
FcwTest::write_file("$dir/sw-none.js", "addEventListener('fetch', function (e) { e.respondWith(new Response('x')); });\n");

sub by_hand {
    my (@args) = @_;
    my $quoted = join ' ', map { "'$_'" } @args;
    my $out = `'$fcworker' @root -c '$ini' $quoted 2>&1`;
    return ($? >> 8, $out);
}

my ($rc, $out) = by_hand('--scheduled', 'app');
is($rc, 0, '--scheduled: exit 0') or diag $out;
like($out, qr/cron=0 0 \* \* MON type=number/, 'the first expression by default; scheduledTime is a number');
like($out, qr/scheduled "0 0 \* \* MON": done \(status 200\)/, 'logged like a request');
($rc, $out) = by_hand('--scheduled', 'app', '--cron', '*/5 * * * *');
is($rc, 0, '--cron picks the expression');
like($out, qr/cron=\*\/5 \* \* \* \*/, 'controller.cron');
($rc, $out) = by_hand('--scheduled', 'app', '--cron', '0 0 1 1 *');
is($rc, 1, 'a handler that throws: exit 1');
like($out, qr/uncaught exception in scheduled handler: Error: boom/, 'the error is logged');
like($out, qr/failed \(status 500\)/, 'the failure is logged');
($rc, $out) = by_hand('--scheduled', 'app', '--cron', '0 0 2 1 *');
is($rc, 1, 'a handler whose promise rejects: exit 1');
like($out, qr/scheduled handler rejected: Error: rejected/, 'the rejection is logged');
($rc, $out) = by_hand('--scheduled', 'sw');
is($rc, 0, 'service-worker syntax: exit 0') or diag $out;
like($out, qr/event scheduled \* \* \* \* \* true/, "the 'scheduled' event, with the default expression");
($rc, $out) = by_hand('--scheduled', 'only');
is($rc, 0, 'a worker with a scheduled handler alone loads and runs') or diag $out;
($rc, $out) = by_hand('--scheduled', 'none');
is($rc, 1, 'no scheduled handler: exit 1');
like($out, qr/the worker has no scheduled handler/, 'and why');
($rc, $out) = by_hand('--scheduled', 'app', '--cron', '0 0 1 1');
is($rc, 2, 'a bad --cron: exit 2');
like($out, qr/--cron: .*expected five fields/, 'and why');
($rc, $out) = by_hand('--scheduled', 'nope');
like($out, qr/no pool named nope/, 'an unknown pool');

# the master fires "* * * * *" at the next minute
my $pool = FcwTest::start_pool(script => $module, children => 2, log_level => 'info',
    pool => "kv.KV = $dir/kv2\ntriggers.crons = * * * * *\n");
is($pool->request(uri => '/')->{body}, 'null', 'nothing ran yet') or diag $pool->log;
my $forged = $pool->request(uri => '/', params => { FCW_SCHEDULED_CRON => '* * * * *', FCW_SCHEDULED_TIME => '0',
                                                    FCW_SCHEDULED_TOKEN => '0' x 32 });
is($forged->{body}, 'null', 'a forged scheduled request is served by fetch');
like($pool->log, qr/without the master's token/, 'and logged');
my $deadline = time + 75;
my $body = 'null';
while (time < $deadline) {
    $body = $pool->request(uri => '/')->{body};
    last if $body ne 'null';
    sleep 0.5;
}
like($body, qr/^\* \* \* \* \*\@0$/, 'the master fired the trigger at a whole minute') or diag $pool->log;
sleep 0.5;
like($pool->log, qr/request \d+ "scheduled \* \* \* \* \*"/, 'a child ran it like a request');
like($pool->log, qr/\[pool test\] pid \d+: scheduled "\* \* \* \* \*": done/, 'the master logged its outcome');
$pool->stop;

{
    my $d = FcwTest::tmpdir();
    FcwTest::write_file("$d/f.ini", "[pool:t]\nlisten = $d/s.sock\nroot = $d\ntriggers.crons = * * * * *\n");
    my $o = `'$fcworker' @root -t -c '$d/f.ini' 2>&1`;
    like($o, qr/triggers\.crons needs script = FILE/, '-t refuses triggers in a root-mode pool');
}
for my $case ([ '61 * * * *', qr/triggers\.crons: bad minute "61"/ ],
              [ '* * * * *, * *', qr/expected five fields/ ],
              [ '0 0 * * FUNDAY', qr/bad day of week/ ]) {
    my $d = FcwTest::tmpdir();
    FcwTest::write_file("$d/f.ini", "[pool:t]\nlisten = $d/s.sock\nscript = $module\ntriggers.crons = $case->[0]\n");
    my $o = `'$fcworker' @root -t -c '$d/f.ini' 2>&1`;
    ok($? != 0 && $o =~ /f\.ini:4: / && $o =~ $case->[1], "-t refuses triggers.crons = $case->[0]") or diag $o;
}

done_testing;
