#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Forked children never share random state: each of the 4 children of a
# pool draws its own Math.random() sequence, crypto.getRandomValues() bytes
# and crypto.randomUUID() values, both when it loads the script and on its
# first request, and so does a child forked to replace a killed one. Four
# requests held open together are served by four different children; each
# logs a marker, and the log line carries the child's pid.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use JSON::PP;
use Time::HiRes qw(sleep time);

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/random.js", <<'JS');
// Returns what this child drew when it loaded the script and on its first
// request, and what it draws now; logs the load-time bytes as its marker.
function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
        s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return s;
}

function draw() {
    return {
        math: [Math.random(), Math.random(), Math.random(), Math.random()].join(','),
        bytes: hex(crypto.getRandomValues(new Uint8Array(16))),
        uuid: crypto.randomUUID()
    };
}

var atLoad = draw();
var first = null;

export default {
    fetch: function () {
        if (first === null) {
            first = draw();
        }
        console.warn('random-marker ' + atLoad.bytes);
        var now = draw();
        return new Promise(function (resolve) {
            setTimeout(function () { resolve(Response.json({ atLoad: atLoad, first: first, now: now })); }, 500);
        });
    }
};
JS

my $pool = FcwTest::start_pool(script => $script, children => 4);
ok(!defined $pool->{exited}, 'the pool starts') or BAIL_OUT($pool->log);

# $n requests at once, each in its own process: [{start, end, json}]
sub at_once {
    my ($n) = @_;
    my @pids;
    for my $i (1 .. $n) {
        my $pid = fork();
        die "fork: $!" unless defined $pid;
        if ($pid == 0) {
            my $start = time;
            my $r = $pool->request(uri => "/draw/$i", timeout => 10);
            FcwTest::write_file("$dir/answer-$i", encode_json({ start => $start, end => time, body => $r->{body} }));
            POSIX::_exit(0);
        }
        push @pids, $pid;
    }
    waitpid($_, 0) for @pids;
    return map { my $a = decode_json(FcwTest::read_file("$dir/answer-$_")); $a->{json} = eval { decode_json($a->{body}) } || {}; $a } 1 .. $n;
}

sub distinct { my %s = map { $_ => 1 } @_; return scalar keys %s }

# marker (load-time bytes) => pid, from the log
sub marker_pids {
    my ($log, %pid) = ($pool->log);
    $pid{$2} = $1 while $log =~ /pid (\d+): .*random-marker ([0-9a-f]{32})/g;
    return \%pid;
}

# ---- the pool of 4
my @answers = at_once(4);
my ($last_start) = sort { $b <=> $a } map { $_->{start} } @answers;
my ($first_end) = sort { $a <=> $b } map { $_->{end} } @answers;
ok($last_start < $first_end, 'the 4 requests were all open at once, so 4 different children served them');
my $pids = marker_pids();
my @served_by = map { $pids->{ $_->{json}{atLoad}{bytes} // '' } // 0 } @answers;
is(distinct(@served_by), 4, 'the log names 4 different pids for the 4 markers');
is_deeply([ sort { $a <=> $b } @served_by ], [ $pool->children ], 'the pool\'s 4 children');
for my $when (qw(atLoad first now)) {
    for my $what (qw(math bytes uuid)) {
        my @values = map { $_->{json}{$when}{$what} // '' } @answers;
        is(distinct(grep { length } @values), 4, "$when: 4 children, 4 different $what values");
    }
}
note "child $served_by[$_]: Math.random() first drew $answers[$_]{json}{first}{math}" for 0 .. 3;

# ---- a child forked to replace a killed one
my @before = $pool->children;
kill 'KILL', $before[0];
my @after;
my $deadline = time + 5;
while (time < $deadline) {
    @after = $pool->children;
    last if @after == 4 && !grep { $_ == $before[0] } @after;
    sleep 0.05;
}
my %old = map { $_ => 1 } @before;
my ($new) = grep { !$old{$_} } @after;
ok($new, 'a new child replaced the killed one');
my @again = at_once(4);
$pids = marker_pids();
my ($fresh) = grep { ($pids->{ $_->{json}{atLoad}{bytes} // '' } // 0) == ($new // -1) } @again;
ok($fresh, 'the new child served one of 4 requests held open together');
$fresh ||= { json => {} };
for my $when (qw(atLoad first)) {
    for my $what (qw(math bytes uuid)) {
        my $mine = $fresh->{json}{$when}{$what} // '';
        my @others = map { $_->{json}{$when}{$what} // '' } @answers, grep { $_ != $fresh } @again;
        ok(length $mine && !grep({ $_ eq $mine } @others),
            "the new child's $when $what differs from every other child's, the killed one's included");
    }
}
my %seen = map { ($_->{json}{atLoad}{bytes} // '') => $_->{json}{first}{math} } @answers;
my @kept = grep { $_ != $fresh && exists $seen{ $_->{json}{atLoad}{bytes} // '' } } @again;
is(scalar @kept, 3, 'the 3 other children served the other 3');
is(scalar(grep { $seen{ $_->{json}{atLoad}{bytes} } eq $_->{json}{first}{math} } @kept), 3,
    'and still report the first values they drew before');

$pool->stop;
done_testing();
