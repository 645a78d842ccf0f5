#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Runs the web-platform-tests files in t/wpt/tests (encoding, compression,
# urlpattern, WebCryptoAPI, streams, html/webappapis/structured-clone)
# inside the runtime: t/wpt/prepare.js joins each *.any.js file with its
# META scripts and fcworker's testharness.js (t/wpt/harness) and lowers it
# as fcworker-build lowers worker scripts, then t/jsrun --fork-each runs
# every file in its own heap. One TAP line per subtest ("FILE: NAME"); the
# subtests listed in t/wpt/known-failures.txt are TODO, so a regression
# fails and a fix shows as an unexpected pass (FCW_WPT_UPDATE=1 rewrites
# that list from this run). A file that does not lower or load, or reports
# nothing, is one failing line "FILE: (file)". Prints the subtests passed
# per directory.
#   FCW_WPT_JSRUN=/other/build/t/jsrun  run against another build's runtime
#   prove t/wpt.t :: encoding streams  only some folders
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use JSON::PP;

my $top = FcwTest::top();
my $jsrun = $ENV{FCW_WPT_JSRUN} || FcwTest::build_path('t/jsrun');
my $tool = "$top/contrib/fcworker-build";
my @dirs = @ARGV ? @ARGV : qw(encoding compression urlpattern WebCryptoAPI streams html/webappapis/structured-clone);

if (!-d "$tool/node_modules") {
    print "1..0 # SKIP fcworker-build's npm packages are not installed (npm ci in $tool)\n";
    exit 0;
}

my $tmp = FcwTest::tmpdir();
my @manifest;
{
    open(my $fh, '-|', 'node', "$top/t/wpt/prepare.js", "$tmp/lowered", @dirs) or die "cannot run prepare.js: $!";
    while (my $line = <$fh>) {
        push @manifest, decode_json($line);
    }
    close($fh) or die "prepare.js failed (exit " . ($? >> 8) . ")\n";
}

# two jsrun processes, each forking a child per file
my @files = map { $_->{file} } grep { $_->{file} } @manifest;
my %output;
{
    my (@pids, @parts);
    push @{ $parts[$_ % 2] }, $files[$_] for 0 .. $#files;
    for my $i (0, 1) {
        next unless $parts[$i];
        my $pid = fork() // die "fork: $!";
        if ($pid == 0) {
            open(STDOUT, '>', "$tmp/run$i.out") or die;
            open(STDERR, '>&', \*STDOUT) or die;
            exec($jsrun, '--fork-each', @{ $parts[$i] }) or die "exec $jsrun: $!";
        }
        push @pids, $pid;
    }
    waitpid($_, 0) for @pids;
    for my $i (0, 1) {
        open(my $fh, '<', "$tmp/run$i.out") or next;
        my @lines;
        while (my $line = <$fh>) {
            if ($line =~ /^#-- (\S+) exit (\d+)$/) {
                $output{$1} = { exit => $2, lines => [@lines] };
                @lines = ();
            } else {
                push @lines, $line;
            }
        }
    }
}

my %known;
my $known_file = "$top/t/wpt/known-failures.txt";
if (open(my $fh, '<', $known_file)) {
    while (my $line = <$fh>) {
        chomp $line;
        $known{$line} = 1 if $line =~ /\S/ && $line !~ /^#/;
    }
}

# The subtests of one file: [name, status, message], or one (file) entry
# telling why the file gave no results.
sub results {
    my ($t) = @_;
    return ([ '(file)', 'FAIL', "did not lower: $t->{lowerError}" ]) unless $t->{file};
    my $r = $output{ $t->{file} } or return ([ '(file)', 'FAIL', 'no result from jsrun' ]);
    my (@subtests, $done, @errors);
    for my $line (@{ $r->{lines} }) {
        if ($line =~ /^WPT (PASS|FAIL|TIMEOUT|NOTRUN) ("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*")$/) {
            my ($status, $name, $msg) = ($1, JSON::PP->new->allow_nonref->decode($2),
                JSON::PP->new->allow_nonref->decode($3));
            $name =~ s/\s+/ /g;
            push @subtests, [ $name, $status, $msg ];
        } elsif ($line =~ /^WPT-DONE/) {
            $done = 1;
        } elsif ($line =~ /^(?:not ok - load|WPT-HARNESS-ERROR)/) {
            push @errors, $line;
        } elsif (@errors && $line =~ /^# /) {
            push @errors, $line;
        }
    }
    my $why = $r->{exit} >= 128 ? "killed (exit $r->{exit})" : @errors ? join(' ', @errors)
        : !$done ? 'no WPT-DONE (exit ' . $r->{exit} . ')' : undef;
    if (defined $why) {
        $why =~ s/\s+/ /g;
        push @subtests, [ '(file)', 'FAIL', $why ];
    }
    return @subtests;
}

my (%dir_total, %dir_pass, @failed);
my $n = 0;
for my $t (@manifest) {
    my ($dir) = grep { index($t->{id}, "$_/") == 0 } @dirs;
    my %seen;
    for my $s (results($t)) {
        my ($name, $status, $msg) = @$s;
        # repeated names (WPT allows them) are told apart by a counter
        my $key = "$t->{id}: $name";
        $key .= ' #' . $seen{$key} if $seen{$key}++;
        my $ok = $status eq 'PASS';
        $n++;
        if ($name ne '(file)') {
            $dir_total{$dir}++;
            $dir_pass{$dir}++ if $ok;
        }
        push @failed, $key unless $ok;
        my $todo = $known{$key} ? ' # TODO known failure' : '';
        (my $label = $key) =~ s/#/\\#/g;
        print(($ok ? 'ok' : 'not ok') . " $n - $label$todo\n");
        if (!$ok && !$todo) {
            $msg =~ s/\s+/ /g;
            print "# $status: " . substr($msg, 0, 500) . "\n";
        }
    }
}
print "1..$n\n";

my ($all, $pass) = (0, 0);
print "# WPT subtests passed (t/wpt.t, " . ($ENV{FCW_WPT_JSRUN} ? $jsrun : 'this build') . ")\n";
for my $dir (@dirs) {
    my ($p, $t) = ($dir_pass{$dir} // 0, $dir_total{$dir} // 0);
    printf "#   %-34s %5d/%-5d %5.1f%%\n", $dir, $p, $t, $t ? 100 * $p / $t : 0;
    $all += $t;
    $pass += $p;
}
printf "#   %-34s %5d/%-5d %5.1f%%\n", 'all', $pass, $all, $all ? 100 * $pass / $all : 0;

if ($ENV{FCW_WPT_UPDATE}) {
    open(my $fh, '>', $known_file) or die "cannot write $known_file: $!";
    print $fh "# WPT subtests that fail today (t/wpt.t marks them TODO), as \"FILE: SUBTEST\".\n";
    print $fh "# Regenerate: FCW_WPT_UPDATE=1 prove t/wpt.t\n";
    print $fh "$_\n" for sort @failed;
    close($fh);
}
