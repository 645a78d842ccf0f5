# SPDX-License-Identifier: MIT
# The output of contrib/bench/run: the table of rows, the scaling tables,
# the CGI row, the figures read back from contrib/bench/streaming, and a
# met/MISS line per target. A ratio between two rows is taken per round
# (the rows of a group are measured in interleaved rounds) and a target is
# met when the median over the rounds is; the min-max is printed beside it.
package FcwBench::Report;
use strict;
use warnings;
use Exporter qw(import);
use FcwBench::Util;

our @EXPORT = qw(print_table print_scaling print_cgi parse_streaming print_targets);

sub fmt { defined $_[1] ? sprintf($_[0], $_[1]) : '-' }
sub mib { defined $_[0] ? sprintf('%.1f', $_[0] / 1024) : '-' }
sub max { $_[0] > $_[1] ? $_[0] : $_[1] }

sub reuse_of {
    my ($r) = @_;
    return 'http' if $r->{kind} =~ /^(?:workerd|node)$/ && $r->{via} eq 'nginx';
    return '-' unless defined $r->{reuse};
    return $r->{reuse} ? 'yes' : 'no';
}

# Columns padded to the widest cell; a row with 3 cells is an n/a line.
sub print_columns {
    my ($head, $lines) = @_;
    my @width = map { length } @$head;
    for my $l (@$lines) {
        next if @$l == 3 && @$head > 3;
        $width[$_] = max($width[$_], length $l->[$_]) for 0 .. $#$l;
    }
    my $fmt = join(' | ', map { $_ == 0 ? "%-$width[$_]s" : "%$width[$_]s" } 0 .. $#$head) . "\n";
    printf $fmt, @$head;
    print join('-+-', map { '-' x $_ } @width), "\n";
    for my $l (@$lines) {
        if (@$l == 3 && @$head > 3) {
            printf "%-$width[0]s | %$width[1]s | %s\n", @$l;
        } else {
            printf $fmt, @$l;
        }
    }
}

sub print_table {
    my ($rows) = @_;
    my @head = ('row', 'reuse', 'req/s', 'min-max', 'p50 ms', 'p99 ms', 'RSS/worker MiB', 'PSS/worker MiB',
        'pool PSS MiB', 'start ms', 'non-2xx', 'errors');
    my @lines;
    for my $r (@$rows) {
        if ($r->{na}) {
            push @lines, [$r->{name}, reuse_of($r), "n/a: $r->{na}"];
            next;
        }
        my $spread = @{ $r->{rounds} } > 1 ? sprintf('%.0f-%.0f', $r->{rps_min}, $r->{rps_max}) : '-';
        push @lines, [$r->{name}, reuse_of($r), fmt('%.0f', $r->{rps}), $spread, fmt('%.2f', $r->{p50}),
            fmt('%.2f', $r->{p99}), mib($r->{rss}), mib($r->{pss}), mib($r->{pool_pss}), fmt('%.1f', $r->{start_ms}),
            $r->{non2xx}, $r->{errors}];
    }
    print_columns(\@head, \@lines);
}

# req/s per child for pools of 1, 2, 4, 8 (the pool of 4 is the main row
# without reuse), and the memory of the pools of 32.
sub print_scaling {
    my ($rows, $pool) = @_;
    my @scaling = grep { $_->{kind} eq 'fcworker' && !$_->{reuse} && !$_->{na}
        && ($_->{group} eq 'scaling' || $_->{pool} == $pool && $_->{app} =~ /^(?:hello|hono api GET)$/) } @$rows;
    if (@scaling) {
        print "\nscaling (fcworker, no reuse; the pool of $pool is the row above):\n";
        my @lines = map { [$_->{app}, $_->{pool}, fmt('%.0f', $_->{rps}), fmt('%.0f', $_->{rps} / $_->{pool}),
            fmt('%.2f', $_->{p99}), mib($_->{pool_pss})] }
            sort { $a->{app} cmp $b->{app} || $a->{pool} <=> $b->{pool} } @scaling;
        print_columns(['app', 'children', 'req/s', 'req/s per child', 'p99 ms', 'pool PSS MiB'], \@lines);
    }
    my @big = grep { $_->{group} eq 'pool of 32' } @$rows;
    if (@big) {
        print "\npools of 32 after load (one round):\n";
        my @lines = map { $_->{na} ? [$_->{name}, '-', "n/a: $_->{na}"]
            : [$_->{name}, $_->{workers} || '-', mib($_->{pool_pss}), mib($_->{pss}), mib($_->{rss}), fmt('%.0f', $_->{rps})] } @big;
        print_columns(['row', 'children', 'pool PSS MiB', 'PSS/child MiB', 'RSS/child MiB', 'req/s'], \@lines);
    }
}

sub print_cgi {
    my ($cgi) = @_;
    print "\nCGI (one process per request, not through nginx): wall time of a hello request, ms\n";
    my @lines;
    for my $who ('fcworker', 'php-cgi') {
        my $r = $cgi->{$who};
        push @lines, $r->{na} || !$r->{runs} ? [$who, '-', 'n/a: ' . ($r->{na} || 'no runs')]
            : [$who, $r->{runs}, sprintf('%.1f', $r->{median}), sprintf('%.1f-%.1f', $r->{min}, $r->{max})];
    }
    print_columns(['program', 'runs', 'median ms', 'min-max ms'], \@lines);
}

# The rows of contrib/bench/streaming's table, by name: MiB/s, RSS before
# and peak (MiB), and whether the check passed.
sub parse_streaming {
    my ($out) = @_;
    my %rows;
    for my $line (split /\n/, $out) {
        # name, path, MiB, s, MiB/s, then any min-max and CPU columns, RSS
        # before and peak, check
        my @f = $line =~ /^(\S.*?\))\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s+([\d.]+)-([\d.]+))?(?:\s+(?:[\d.]+|-))*?\s+(?:([\d.]+) MiB|-)\s+(?:([\d.]+) MiB|-)\s+(.*)$/
            or next;
        $rows{ $f[0] } = { path => $f[1], mib => $f[2], seconds => $f[3], mibps => $f[4], min => $f[5], max => $f[6],
            rss_before => $f[7], rss_peak => $f[8], ok => $f[9] =~ /^ok/ ? 1 : 0 };
    }
    return \%rows;
}

sub rows_by {
    my ($rows) = @_;
    my %by;
    for my $r (grep { !$_->{na} } @$rows) {
        $by{ join '|', $r->{kind} . ($r->{variant} ? "-$r->{variant}" : ''), $r->{app}, $r->{via}, $r->{reuse} || 0,
            $r->{pool} } = $r;
    }
    return \%by;
}

sub print_targets {
    my ($rows, $streaming, $cgi, $pool) = @_;
    my $by = rows_by($rows);
    my $get = sub { my ($kind, $app, $reuse, $via) = @_; $by->{ join '|', $kind, $app, $via || 'nginx', $reuse || 0, $pool } };
    my @checks;
    my %planned = map { $_->{app} => 1 } @$rows;
    for my $reuse (0, 1) {
        my $tag = $reuse ? 'reuse' : 'no reuse';
        push @checks, ratio("hello ($tag): fcworker req/s >= 1.3 x PHP-FPM", $get->('fcworker', 'hello', $reuse),
            $get->('php', 'hello', $reuse), 'rps', 1.3, 'ge') if $planned{hello};
        for my $app (grep { $planned{$_} } 'json list', 'json by id') {
            push @checks, ratio("$app ($tag): fcworker req/s >= 1.2 x PHP-FPM", $get->('fcworker', $app, $reuse),
                $get->('php', $app, $reuse), 'rps', 1.2, 'ge');
        }
    }
    my %real = map { $_->{app} => 1 } grep { $_->{kind} eq 'fcworker' && $_->{bundle} && $_->{pool} == $pool } @$rows;
    for my $app (sort keys %real) {
        for my $reuse (0, 1) {
            my $tag = $reuse ? 'reuse' : 'no reuse';
            my $f = $get->('fcworker', $app, $reuse);
            my ($php, $workerd, $node) = ($get->('php', $app, $reuse), $get->('workerd', $app), $get->('node', $app));
            if (grep { $_->{kind} eq 'php' && $_->{app} eq $app } @$rows) {
                push @checks, ratio("$app ($tag): fcworker req/s >= 1.2 x PHP-FPM", $f, $php, 'rps', 1.2, 'ge'),
                    ratio("$app ($tag): fcworker p99 <= PHP-FPM", $f, $php, 'p99', 1, 'le'),
                    at_most("$app ($tag): fcworker RSS/child <= 1/2 PHP-FPM", $f, $php, 'rss', 0.5);
            }
            if (grep { $_->{kind} eq 'workerd' && $_->{app} eq $app } @$rows) {
                push @checks, ratio("$app ($tag): fcworker req/s >= 1.0 x workerd", $f, $workerd, 'rps', 1, 'ge'),
                    ratio("$app ($tag): fcworker p99 <= workerd", $f, $workerd, 'p99', 1, 'le');
            }
            push @checks, ratio("$app ($tag): fcworker req/s against Node (no target)", $f, $node, 'rps', 0, 'info')
                if $node;
            my $native = $get->('workerd-native', $app);
            push @checks, ratio("$app ($tag): fcworker req/s against workerd on the ES2022 bundle (no target)", $f,
                $native, 'rps', 0, 'info') if $native;
        }
    }
    push @checks, streaming_checks($streaming) if $streaming;
    push @checks, cgi_checks($cgi) if $cgi;
    for my $r (grep { $_->{kind} eq 'fcworker' && defined $_->{start_ms} && $_->{pool} == $pool && !$_->{bundle} } @$rows) {
        push @checks, [sprintf('%s (%s): pool of %d started, first request answered <= 100 ms', $r->{name},
            $r->{reuse} ? 'reuse' : 'no reuse', $pool), $r->{start_ms} <= 100 ? 'met' : 'MISS', sprintf('%.1f ms', $r->{start_ms})];
    }
    print "\ntargets (a ratio is the median over the rounds, min-max beside it):\n";
    printf "  %-4s %s  (%s)\n", $_->[1], $_->[0], $_->[2] for @checks;
    my %n;
    $n{ $_->[1] }++ for @checks;
    printf "  %d met, %d MISS, %d n/a\n", $n{met} || 0, $n{MISS} || 0, $n{'n/a'} || 0;
}

# fcworker's figure against another row's, per round: 'ge' (at least
# $factor times), 'le' (at most), 'info' (no target).
sub ratio {
    my ($what, $f, $o, $key, $factor, $how) = @_;
    return [$what, 'n/a', 'a row is missing'] unless $f && $o;
    # a row that answered errors did other work than its peer's
    my @bad = grep { ($_->{non2xx} || 0) > 0 } $f, $o;
    return [$what, 'n/a', join('; ', map { "$_->{name}: $_->{non2xx} non-2xx answers" } @bad)] if @bad;
    my @x;
    for my $i (0 .. $#{ $f->{rounds} }) {
        my ($mine, $theirs) = ($f->{rounds}[$i], $o->{rounds}[$i]);
        push @x, $mine->{$key} / $theirs->{$key}
            if $mine && $theirs && defined $mine->{$key} && defined $theirs->{$key} && $theirs->{$key} > 0;
    }
    return [$what, 'n/a', 'no round has both figures'] unless @x;
    my @s = sort { $a <=> $b } @x;
    my $m = median(@x);
    my $status = $how eq 'info' ? 'info' : ($how eq 'ge' ? $m >= $factor : $m <= $factor) ? 'met' : 'MISS';
    my $unit = $key eq 'p99' ? '%.2f ms' : '%.0f';
    return [$what, $status, sprintf("%.2fx, %.2f-%.2f over %d round%s; $unit vs $unit", $m, $s[0], $s[-1], scalar @x,
        @x == 1 ? '' : 's', $f->{$key}, $o->{$key})];
}

# fcworker's figure is at most $factor times the other's (one reading).
sub at_most {
    my ($what, $f, $o, $key, $factor) = @_;
    return [$what, 'n/a', 'a figure is missing'] unless $f && $o && defined $f->{$key} && ($o->{$key} || 0) > 0;
    my $x = $f->{$key} / $o->{$key};
    return [$what, $x <= $factor ? 'met' : 'MISS',
        sprintf('%.1f MiB vs %.1f MiB: %.2fx', $f->{$key} / 1024, $o->{$key} / 1024, $x)];
}

sub streaming_checks {
    my ($s) = @_;
    my $rows = $s->{rows};
    my $mbps = sub { $_[0]{mibps} * 1.048576 };    # MiB/s to MB/s
    # the median run's MB/s, and the lowest and highest where there were runs
    my $rate = sub {
        my ($r) = @_;
        return sprintf('%.0f MB/s', $mbps->($r)) unless defined $r->{min};
        return sprintf('%.0f MB/s, %.0f-%.0f over the runs', $mbps->($r), $r->{min} * 1.048576, $r->{max} * 1.048576);
    };
    my @c;
    my $p = $rows->{'proxy.js (pass-through)'};
    push @c, $p && $p->{ok}
        ? [sprintf('pass-through >= 1 GB/s'), $mbps->($p) >= 1000 ? 'met' : 'MISS', $rate->($p)]
        : ['pass-through >= 1 GB/s', 'n/a', 'no streaming figure'];
    push @c, $p && $p->{ok} && defined $p->{rss_peak}
        ? ['pass-through RSS flat (peak <= before + 1 MiB)', $p->{rss_peak} <= $p->{rss_before} + 1 ? 'met' : 'MISS',
            "$p->{rss_before} MiB before, $p->{rss_peak} MiB peak"]
        : ['pass-through RSS flat', 'n/a', 'no streaming figure'];
    my $t = $rows->{'stream-transform.js (JS path)'};
    push @c, $t && $t->{ok} ? ['TransformStream path >= 150 MB/s', $mbps->($t) >= 150 ? 'met' : 'MISS', $rate->($t)]
        : ['TransformStream path >= 150 MB/s', 'n/a', 'no streaming figure'];
    my $m = $rows->{'multipart.js (formData)'};
    push @c, $m && $m->{ok} ? ['16 MB multipart form parsed >= 200 MB/s', $mbps->($m) >= 200 ? 'met' : 'MISS',
            $rate->($m)]
        : ['16 MB multipart form parsed >= 200 MB/s', 'n/a', 'no streaming figure'];
    return @c;
}

sub cgi_checks {
    my ($cgi) = @_;
    my ($f, $p) = ($cgi->{fcworker}, $cgi->{'php-cgi'});
    my @c;
    push @c, $f->{runs} ? ['CGI hello <= 10 ms (median)', $f->{median} <= 10 ? 'met' : 'MISS',
            sprintf('%.1f ms, %.1f-%.1f over %d runs', $f->{median}, $f->{min}, $f->{max}, $f->{runs})]
        : ['CGI hello <= 10 ms', 'n/a', $f->{na} || 'no runs'];
    my @x = sort { $a <=> $b } @{ $cgi->{pairs} || [] };
    push @c, @x ? ['CGI hello 2x faster than php-cgi (median of paired runs)', median(@x) >= 2 ? 'met' : 'MISS',
            sprintf('%.2fx, %.2f-%.2f over %d pairs; %.1f ms vs %.1f ms', median(@x), $x[0], $x[-1], scalar @x,
                $f->{median}, $p->{median})]
        : ['CGI hello 2x faster than php-cgi', 'n/a', $p->{na} || $f->{na} || 'no pairs'];
    return @c;
}

1;
