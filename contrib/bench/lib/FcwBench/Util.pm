# SPDX-License-Identifier: MIT
# Helpers of contrib/bench/run: starting and stopping processes by PID,
# a small HTTP client for probes and set-up requests, running wrk and
# reading its figures, and memory figures from /proc. Every process
# started with spawn() is stopped by stop_all() (run calls it at exit).
package FcwBench::Util;
use strict;
use warnings;
use Exporter qw(import);
use IO::Select;
use IO::Socket::INET;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);
use File::Basename ();
use lib File::Basename::dirname(__FILE__) . '/../../../../t/lib';
use FcwTest ();

our @EXPORT = qw(spawn stop_process stop_all is_running wait_until http_request http_status free_port
    read_file write_file run_wrk parse_wrk rollup children_of wait_idle mean median load_average cpus first_line
    progress);

our $STARTUP_TIMEOUT = 60;    # a pool of 32 loading a large bundle on 2 CPUs takes a while
my @running;    # every process started here and not stopped yet

sub progress { print STDERR "bench: @_\n" }

# fork+exec of @cmd with stdin from /dev/null and stdout, stderr appended
# to $log; %env is added to the child's environment.
sub spawn {
    my ($log, $env, @cmd) = @_;
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        setpgrp(0, 0);    # its own process group: stop_process ends whatever it leaves behind
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', $log;
        open STDERR, '>>', $log;
        $ENV{$_} = $env->{$_} for keys %{ $env || {} };
        exec(@cmd) or POSIX::_exit(127);
    }
    push @running, $pid;
    return $pid;
}

sub is_running {
    my ($pid) = @_;
    return scalar grep { $_ == $pid } @running;
}

# TERM by PID, wait for it; KILL after 10 s. Then TERM to its process
# group, for children it may have left (a pool's parent that got the
# signal before it could hand it on).
sub stop_process {
    my ($pid) = @_;
    return unless $pid && is_running($pid);
    @running = grep { $_ != $pid } @running;
    kill 'TERM', $pid;
    my $deadline = time + 10;
    my $done;
    while (time < $deadline) {
        last if $done = waitpid($pid, WNOHANG) != 0;
        sleep 0.02;
    }
    if (!$done) {
        kill 'KILL', $pid;
        waitpid($pid, 0);
    }
    kill 'TERM', -$pid;
}

sub stop_all {
    my @all = reverse @running;    # a copy: stop_process changes @running
    stop_process($_) for @all;
}

# Polls $ready in a tight loop until it is true, the process $pid exits,
# or the startup timeout passes.
sub wait_until {
    my ($ready, $pid) = @_;
    my $deadline = time + $STARTUP_TIMEOUT;
    while (time < $deadline) {
        return 1 if $ready->();
        if ($pid && waitpid($pid, WNOHANG) == $pid) {
            @running = grep { $_ != $pid } @running;
            return 0;
        }
        sleep 0.0005;
    }
    return 0;
}

# One request over a fresh connection (Connection: close). In list context
# the status (0 when none) and the body; in scalar context the status.
sub http_request {
    my ($port, $method, $path, $body, $type) = @_;
    my $sock = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 5) or return 0;
    my $req = "$method $path HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nConnection: close\r\n";
    $req .= 'Content-Type: ' . ($type || 'application/json') . "\r\nContent-Length: " . length($body) . "\r\n"
        if defined $body;
    syswrite($sock, $req . "\r\n" . (defined $body ? $body : '')) or return 0;
    my ($response, $deadline) = ('', time + 10);
    my $select = IO::Select->new($sock);
    while (time < $deadline && $select->can_read($deadline - time)) {
        my $n = sysread($sock, my $buf, 65536);
        last unless $n;
        $response .= $buf;
    }
    close $sock;
    my $status = $response =~ m{^HTTP/\d\.\d (\d{3})} ? $1 : 0;
    my $sep = index($response, "\r\n\r\n");
    my $content = $sep >= 0 ? substr($response, $sep + 4) : '';
    return wantarray ? ($status, $content, $response) : $status;
}

sub http_status { scalar http_request(@_) }

# A port nothing listens on now and that this run has not handed out yet:
# the ports are all chosen before nginx and the backends bind them, and the
# kernel may give the same free port twice (with the ~130 ports of a full
# run, about two runs in three had two rows on one port: one of them then
# never came up, as the proxy, workerd or Node rows did now and then).
# The tests' free_port does that (t/lib/FcwTest.pm, as contrib/bench/profile
# uses it too).
sub free_port { return FcwTest::free_port() }

sub read_file {
    my ($path) = @_;
    open my $fh, '<', $path or return '';
    local $/;
    my $text = <$fh>;
    return defined $text ? $text : '';
}

sub write_file {
    my ($path, $text) = @_;
    open my $fh, '>', $path or die "$path: $!";
    print $fh $text;
    close $fh or die "$path: $!";
    return $path;
}

# wrk's output for one run (2 threads, $connections connections).
sub run_wrk {
    my ($url, $connections, $seconds, @extra) = @_;
    open my $fh, '-|', 'wrk', '-t2', "-c$connections", "-d${seconds}s", @extra, $url or die "wrk: $!";
    local $/;
    my $out = <$fh>;
    close $fh;
    return defined $out ? $out : '';
}

# The figures of one wrk run: rps, p50, p99 (ms), requests, non2xx, errors;
# undef when wrk printed none.
sub parse_wrk {
    my ($out) = @_;
    my %r;
    ($r{rps}) = $out =~ /^Requests\/sec:\s+([\d.]+)/m;
    return undef unless defined $r{rps};
    my ($p50) = $out =~ /^\s+50%\s+(\S+)/m;
    my ($p99) = $out =~ /^\s+99%\s+(\S+)/m;
    $r{p50} = to_ms($p50);
    $r{p99} = to_ms($p99);
    ($r{requests}) = $out =~ /^\s+(\d+) requests in/m;
    my ($non2xx) = $out =~ /Non-2xx or 3xx responses:\s+(\d+)/;
    $r{non2xx} = $non2xx || 0;
    my @errors = $out =~ /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/;
    $r{errors} = 0;
    $r{errors} += $_ for @errors;
    return \%r;
}

sub to_ms {
    my ($v) = @_;
    return undef unless defined $v && $v =~ /^([\d.]+)(us|ms|s|m)$/;
    my %scale = (us => 0.001, ms => 1, s => 1000, m => 60000);
    return $1 * $scale{$2};
}

# Rss and Pss (KiB) of a process.
sub rollup {
    my ($pid) = @_;
    my $text = read_file("/proc/$pid/smaps_rollup");
    my ($rss) = $text =~ /^Rss:\s+(\d+) kB/m;
    my ($pss) = $text =~ /^Pss:\s+(\d+) kB/m;
    return ($rss, $pss);
}

sub children_of {
    my ($parent) = @_;
    my @kids;
    opendir my $dh, '/proc' or return;
    for my $pid (grep { /^\d+$/ } readdir $dh) {
        my $stat = read_file("/proc/$pid/stat");
        next unless $stat =~ /\)/;    # gone meanwhile
        my $rest = substr($stat, rindex($stat, ')') + 2);
        my (undef, $ppid) = split / /, $rest;
        push @kids, $pid if defined $ppid && $ppid == $parent;
    }
    closedir $dh;
    return sort { $a <=> $b } @kids;
}

# CPU time (clock ticks) of a process and its children.
sub tree_ticks {
    my ($pid) = @_;
    my $ticks = 0;
    for my $p ($pid, children_of($pid)) {
        my $stat = read_file("/proc/$p/stat");
        next unless $stat =~ /\)/;
        my @f = split / /, substr($stat, rindex($stat, ')') + 2);
        $ticks += $f[11] + $f[12];    # utime, stime
    }
    return $ticks;
}

# Waits until a backend and its children have used at most one clock tick
# of CPU in a quarter of a second: a pool's children have loaded their
# scripts. 0 when still busy after $timeout seconds.
sub wait_idle {
    my ($pid, $timeout) = @_;
    my $deadline = time + $timeout;
    my $last = tree_ticks($pid);
    while (time < $deadline) {
        sleep 0.25;
        my $now = tree_ticks($pid);
        return 1 if $now - $last <= 1;
        $last = $now;
    }
    return 0;
}

sub mean {
    my $sum = 0;
    $sum += $_ for @_;
    return @_ ? $sum / @_ : undef;
}

sub median {
    my @v = sort { $a <=> $b } grep { defined } @_;
    return undef unless @v;
    return @v % 2 ? $v[$#v / 2] : ($v[@v / 2 - 1] + $v[@v / 2]) / 2;
}

sub load_average { (split / /, read_file('/proc/loadavg'))[0] || '?' }
sub cpus { scalar(() = read_file('/proc/cpuinfo') =~ /^processor\s*:/mg) }
sub first_line { (split /\n/, $_[0] // '')[0] // '' }

1;
