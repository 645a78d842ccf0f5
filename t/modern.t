#!/usr/bin/env perl
# Modern JavaScript through the real pool: every worker of t/modern/ (ES
# modules, TypeScript, async/await, an npm package) is built to ES5 with
# contrib/fcworker-build and served by a one-child pool with the bindings of
# its worker.json; its cases.json runs in order, one TAP line per case. Then
# the `build = auto` pool option (the master builds the entry itself, caches
# the output, and `fcworker -t` reports build errors as file:line:column of
# the source), and source maps (an exception in a built TypeScript worker is
# logged at its line in the .ts file). Node.js and npm are required: without
# them the test fails.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Encode qw(encode_utf8);
use IO::Socket::INET;
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

my $top = FcwTest::top();
my $tool_dir = "$top/contrib/fcworker-build";
my $tool = "$tool_dir/fcworker-build";
my $dir = FcwTest::tmpdir();
chmod 0755, $dir; # nginx's worker runs as an unprivileged user
my $json = JSON::PP->new->utf8->canonical->allow_nonref;
my $n = 0;
my @started;

END {
    for my $pid (@started) {
        kill 'TERM', $pid;
        waitpid($pid, 0);
    }
    print "1..$n\n" if $n;
}

sub tap {
    my ($ok, $name, @diag) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - $name\n");
    if (!$ok) {
        print "# $_\n" for map { split /\n/ } grep { defined } @diag;
    }
    return $ok;
}

# Runs a command with its output in a file; returns (exit status, output).
sub run_logged {
    my ($cwd, @cmd) = @_;
    my $log = "$dir/cmd.log";
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        chdir $cwd or POSIX::_exit(126);
        open STDOUT, '>', $log;
        open STDERR, '>&', \*STDOUT;
        exec(@cmd) or POSIX::_exit(127);
    }
    waitpid($pid, 0);
    return ($?, FcwTest::read_file($log));
}

sub free_port {
    my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Listen => 1, ReuseAddr => 1)
        or die "cannot bind: $!";
    my $port = $s->sockport;
    close $s;
    return $port;
}

sub wait_port {
    my ($port) = @_;
    my $deadline = time + 10;
    while (time < $deadline) {
        my $c = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port");
        if ($c) { close $c; return 1 }
        sleep 0.05;
    }
    return 0;
}

# nginx serving FOLDER as text/plain (404 for anything missing); returns
# its base URL, or undef when it did not start.
sub start_upstream {
    my ($name, $folder) = @_;
    my $port = free_port();
    my $prefix = "$dir/nginx-$name";
    mkdir $prefix;
    mkdir "$prefix/tmp";
    FcwTest::write_file("$prefix/nginx.conf", <<"EOF");
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp;
    types { }
    default_type "text/plain; charset=utf-8";
    server {
        listen 127.0.0.1:$port;
        root $folder;
    }
}
EOF
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDERR, '>>', "$prefix/stderr.log";
        exec('nginx', '-p', $prefix, '-e', "$prefix/error.log", '-c', "$prefix/nginx.conf") or POSIX::_exit(127);
    }
    push @started, $pid;
    return wait_port($port) ? "http://127.0.0.1:$port" : undef;
}

# ---- Node.js, npm and the build tool
my ($node_rc, $node_out) = run_logged($top, 'node', '--version');
my ($npm_rc, $npm_out) = run_logged($top, 'npm', '--version');
unless (tap($node_rc == 0 && $npm_rc == 0, 'node and npm are installed', $node_out, $npm_out)) {
    exit 1;
}
if (!-d "$tool_dir/node_modules") {
    my ($rc, $out) = run_logged($tool_dir, 'npm', 'ci', '--no-audit', '--no-fund', '--loglevel=error');
    tap($rc == 0, 'npm ci in contrib/fcworker-build', $out) or exit 1;
}

# ---- one request of a case; returns the response and its duration in ms
sub run_case {
    my ($pool, $case, $responses) = @_;
    my %headers = %{ $case->{headers} || {} };
    if (defined $case->{useCookieFrom}) {
        my $from = $responses->[ $case->{useCookieFrom} ] || { headers => {} };
        my @pairs = map { (split /;/, $_, 2)[0] } @{ $from->{headers}{'set-cookie'} || [] };
        $headers{cookie} = join '; ', @pairs;
    }
    my $start = time;
    my $res = $pool->request(method => $case->{method}, uri => $case->{path}, headers => \%headers,
        body => defined $case->{body} ? encode_utf8($case->{body}) : undef);
    return ($res, (time - $start) * 1000);
}

# What is wrong with a response, as a list of messages (empty: it passed).
sub check_case {
    my ($expect, $res, $ms) = @_;
    my @bad;
    push @bad, 'the response is incomplete' if $res->{incomplete};
    if (defined $expect->{status} && $res->{status} != $expect->{status}) {
        push @bad, "status $res->{status}, expected $expect->{status}";
    }
    for my $h (sort keys %{ $expect->{headers} || {} }) {
        my $want = encode_utf8($expect->{headers}{$h});
        my @got = @{ $res->{headers}{$h} || [] };
        next if grep { $_ eq $want } @got, join(', ', @got);
        push @bad, "header $h: got '" . join(', ', @got) . "', expected '$want'";
    }
    if (defined $expect->{body} && $res->{body} ne encode_utf8($expect->{body})) {
        push @bad, "body '$res->{body}', expected '" . encode_utf8($expect->{body}) . "'";
    }
    if (defined $expect->{bodyContains}) {
        my $parts = ref $expect->{bodyContains} ? $expect->{bodyContains} : [ $expect->{bodyContains} ];
        for my $part (map { encode_utf8($_) } @$parts) {
            push @bad, "body lacks '$part'" if index($res->{body}, $part) < 0;
        }
    }
    if (exists $expect->{json}) {
        my $got = eval { $json->encode($json->decode($res->{body})) };
        my $want = $json->encode($expect->{json});
        push @bad, 'body ' . ($got // "'$res->{body}' (not JSON)") . ", expected $want" if ($got // '') ne $want;
    }
    if (defined $expect->{minMs} && $ms < $expect->{minMs}) {
        push @bad, sprintf('took %.0f ms, expected at least %d', $ms, $expect->{minMs});
    }
    return @bad;
}

sub describe_case {
    my ($i, $case) = @_;
    return "$case->{method} $case->{path}" . (defined $case->{body} ? ' (with a body)' : '')
        . (defined $case->{useCookieFrom} ? " (cookie from case $case->{useCookieFrom})" : '');
}

# ---- every app of the corpus
my %summary;
for my $app_dir (sort glob "$top/t/modern/*/") {
    $app_dir =~ s{/$}{};
    my ($app) = $app_dir =~ m{([^/]+)$};
    my $worker = $json->decode(FcwTest::read_file("$app_dir/worker.json"));
    my $cases = $json->decode(FcwTest::read_file("$app_dir/cases.json"));
    $summary{$app} = [ 0, scalar @$cases ];
    if ($worker->{npm}) {
        my ($rc, $out) = run_logged($app_dir, 'npm', 'ci', '--prefer-offline', '--no-audit', '--no-fund',
            '--loglevel=error');
        tap($rc == 0, "$app: npm ci", $out) or next;
    }
    my $out = "$dir/build/$app/worker.js";
    my ($rc, $log) = run_logged($app_dir, $tool, $worker->{entry}, '-o', $out, '--sourcemap');
    tap($rc == 0 && -s $out && -s "$out.map", "$app: fcworker-build $worker->{entry} --sourcemap", $log) or next;

    my %vars = %{ $worker->{env} || {} };
    if (grep { /\{upstream\}/ } values %vars) {
        my $up = start_upstream($app, "$app_dir/upstream");
        tap(defined $up, "$app: nginx serves upstream/") or next;
        s/\{upstream\}/$up/g for values %vars;
    }
    my $pool = FcwTest::start_pool(dir => "$dir/build/$app", script => $out, children => 1,
        vars => (%vars ? \%vars : undef));
    tap(!defined $pool->{exited}, "$app: the pool starts", $pool->log) or next;
    my @responses;
    for my $i (0 .. $#$cases) {
        my ($res, $ms) = run_case($pool, $cases->[$i], \@responses);
        push @responses, $res;
        my @bad = check_case($cases->[$i]{expect} || {}, $res, $ms);
        $summary{$app}[0]++ unless @bad;
        tap(!@bad, "$app: case $i: " . describe_case($i, $cases->[$i]), @bad);
    }
    my $errors = join "\n", grep { /\[error\]|uncaught|Error/ } split /\n/, $pool->log;
    print "# $app: the log has errors:\n" . join('', map { "#   $_\n" } split /\n/, $errors) if $errors ne '';
    $pool->stop;
}
print "# cases passing: " . join(', ', map { "$_ $summary{$_}[0]/$summary{$_}[1]" } sort keys %summary) . "\n";
