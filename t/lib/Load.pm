# SPDX-License-Identifier: MIT
package Load;
# A load generator for the fault tests: N client processes, each sending
# HTTP/1.1 GET requests to 127.0.0.1:PORT one after another over a
# kept-alive connection (reconnecting when the server closes it) for T
# seconds or R requests. Every request is recorded: when it was sent, when
# its answer was complete, the status (0: no answer) and a label of the body
# (or "error:WHY"), so that a test can count sent / answered / failed by
# status and check each answer against what it expected at that moment.
#
#   my $run = Load::start(port => $port, clients => 32, seconds => 20,
#                         path => '/app/load');      # or sub { my ($client, $n) = @_; ... }
#   ... faults while it runs ...
#   my $res = $run->wait;   # sent, answered, failed, status{}, errors{}, labels{}, records[]
#   diag Load::summary($res);
use strict;
use FcwTest;
use warnings;
use File::Temp qw(tempdir);
use IO::Socket::INET;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

$SIG{PIPE} = 'IGNORE';

# Options: port, clients (default 1), seconds and/or requests (per client),
# path (a string, or a sub($client, $n) returning one), label (a
# sub($status, $body) returning a short string; default: the body's first
# 60 characters), timeout (per request, default 30 s), ok (statuses that
# count as answered well; default [200]), method and body (default GET with
# none; a body is sent with its Content-Length).
sub start {
    my (%o) = @_;
    die 'Load::start: a port is needed' unless $o{port};
    die 'Load::start: seconds or requests is needed' unless $o{seconds} || $o{requests};
    $o{clients} ||= 1;
    $o{timeout} ||= 30;
    my $dir = tempdir('fcw-load-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $started = time;
    my @pids;
    for my $client (1 .. $o{clients}) {
        my $pid = fork();
        die "fork: $!" unless defined $pid;
        if ($pid == 0) {
            client_main(\%o, $client, "$dir/client-$client.log", $started);
            POSIX::_exit(0);
        }
        push @pids, $pid;
    }
    return bless { pids => \@pids, dir => $dir, opts => \%o, started => $started }, 'Load::Run';
}

sub run { return start(@_)->wait }

sub default_label {
    my ($status, $body) = @_;
    my $label = substr($body, 0, 60);
    $label =~ s/([^\x21-\x7e])/sprintf('%%%02X', ord $1)/ge;
    return length $label ? $label : '-';
}

sub client_main {
    my ($o, $client, $logfile, $started) = @_;
    open my $log, '>', $logfile or POSIX::_exit(1);
    my $deadline = $o->{seconds} ? $started + $o->{seconds} : undef;
    my $label = $o->{label} || \&default_label;
    my ($conn, $buf) = (undef, '');
    for (my $n = 0; ; $n++) {
        last if $o->{requests} && $n >= $o->{requests};
        last if $deadline && time >= $deadline;
        my $path = ref $o->{path} ? $o->{path}->($client, $n) : ($o->{path} || '/');
        my $sent = time;
        my ($status, $what, $close) = (0, '', 1);
        if (!$conn) {
            $conn = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$o->{port}", Timeout => 5);
            $buf = '';
        }
        if (!$conn) {
            $what = 'error:connect';
        } elsif (!FcwTest::write_all($conn, ($o->{method} || 'GET') . " $path HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                . (defined $o->{body} ? 'Content-Length: ' . length($o->{body}) . "\r\n\r\n$o->{body}" : "\r\n"))) {
            $what = 'error:write';
        } else {
            my ($body, $err);
            ($status, $body, $close, $err) = read_response($conn, \$buf, $sent + $o->{timeout});
            $what = $err ? "error:$err" : $label->($status, $body);
        }
        printf $log "%.6f %.6f %d %d %s %s\n", $sent, time, $status, $client, $what, $path;
        if ($close && $conn) {
            close $conn;
            $conn = undef;
        }
    }
    close $log;
}

# Reads one response from $conn into $$buf (which may hold the start of
# the next one afterwards). Returns (status, body, close, error).
sub read_response {
    my ($conn, $buf, $deadline) = @_;
    my ($status, $head_len, %h, $body);
    while (1) {
        if (!defined $status && (my $sep = index($$buf, "\r\n\r\n")) >= 0) {
            my ($line, @lines) = split /\r\n/, substr($$buf, 0, $sep);
            ($status) = $line =~ m{^HTTP/\d\.\d (\d{3})} or return (0, '', 1, 'bad-status-line');
            for (@lines) {
                my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
                $h{lc $k} = $v;
            }
            $head_len = $sep + 4;
        }
        if (defined $status) {
            my ($done, $len) = body_of($$buf, $head_len, \%h);
            if ($done) {
                $body = $done->[0];
                substr($$buf, 0, $len, '');
                my $close = ($h{connection} // '') =~ /close/i || !defined $h{'content-length'}
                    && ($h{'transfer-encoding'} // '') !~ /chunked/i;
                return ($status, $body, $close, undef);
            }
        }
        my $left = $deadline - time;
        return ($status // 0, '', 1, 'timeout') if $left <= 0;
        my $rin = '';
        vec($rin, fileno($conn), 1) = 1;
        next unless select(my $rout = $rin, undef, undef, $left);
        my $n = sysread($conn, $$buf, 65536, length $$buf);
        if (!$n) {
            # the end of a response that has neither a length nor chunks
            if (defined $status && !defined $h{'content-length'} && ($h{'transfer-encoding'} // '') !~ /chunked/i) {
                return ($status, substr($$buf, $head_len), 1, undef);
            }
            return ($status // 0, '', 1, defined $n ? 'eof' : 'reset');
        }
    }
}

# ([body], bytes consumed) when the whole body is in the buffer, else ().
sub body_of {
    my ($buf, $start, $h) = @_;
    if (defined $h->{'content-length'}) {
        my $len = $h->{'content-length'};
        return length($buf) >= $start + $len ? ([substr($buf, $start, $len)], $start + $len) : ();
    }
    return () unless ($h->{'transfer-encoding'} // '') =~ /chunked/i;
    my ($pos, $body) = ($start, '');
    while (1) {
        my $eol = index($buf, "\r\n", $pos);
        return () if $eol < 0;
        my ($size) = substr($buf, $pos, $eol - $pos) =~ /^([0-9a-fA-F]+)/;
        return () unless defined $size;
        $size = hex $size;
        if ($size == 0) {
            my $end = index($buf, "\r\n\r\n", $eol);
            return () if $end < 0;
            return ([$body], $end + 4);
        }
        return () if length($buf) < $eol + 2 + $size + 2;
        $body .= substr($buf, $eol + 2, $size);
        $pos = $eol + 2 + $size + 2;
    }
}

# One line: sent, answered, failed, then counts by status, error and label.
sub summary {
    my ($res) = @_;
    my $by = sub { my ($h) = @_; join(' ', map { "$_=$h->{$_}" } sort keys %$h) || 'none' };
    my @ms = sort { $a <=> $b } map { ($_->{done} - $_->{sent}) * 1000 } @{ $res->{records} || [] };
    my $pct = sub { @ms ? $ms[int($_[0] * $#ms)] : 0 };
    return sprintf('sent %d, answered %d, failed %d in %.1f s (%.0f/s); p50 %.1f ms, p99 %.1f ms, max %.0f ms; '
        . 'status: %s; errors: %s',
        $res->{sent}, $res->{answered}, $res->{failed}, $res->{seconds}, $res->{seconds} ? $res->{sent} / $res->{seconds} : 0,
        $pct->(0.5), $pct->(0.99), @ms ? $ms[-1] : 0, $by->($res->{status}), $by->($res->{errors}));
}

package Load::Run;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(time);

sub running { my ($self) = @_; return grep { waitpid($_, WNOHANG) == 0 } @{ $self->{pids} } }

# Waits for every client and counts. A request is answered when a whole
# response came back, and failed when it was not answered or its status is
# not one of the ok ones.
sub wait {
    my ($self) = @_;
    waitpid($_, 0) for @{ $self->{pids} };
    my %ok = map { $_ => 1 } @{ $self->{opts}{ok} || [200] };
    my %res = (sent => 0, answered => 0, failed => 0, status => {}, errors => {}, labels => {}, records => [],
        seconds => time - $self->{started});
    for my $client (1 .. @{ $self->{pids} }) {
        open my $fh, '<', "$self->{dir}/client-$client.log" or next;
        while (my $line = <$fh>) {
            chomp $line;
            my ($sent, $done, $status, $c, $what, $path) = split / /, $line, 6;
            my $rec = { sent => $sent, done => $done, status => $status, client => $c, label => $what, path => $path };
            push @{ $res{records} }, $rec;
            $res{sent}++;
            if ($what =~ /^error:(.*)/) {
                $res{errors}{$1}++;
                $res{failed}++;
                next;
            }
            $res{answered}++;
            $res{status}{$status}++;
            $res{labels}{$what}++;
            $res{failed}++ unless $ok{$status};
        }
        close $fh;
    }
    @{ $res{records} } = sort { $a->{sent} <=> $b->{sent} } @{ $res{records} };
    return \%res;
}

1;
