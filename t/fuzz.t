#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (t/fuzz/build.sh, clang with ASan and UBSan)
# into BUILD/t/fuzz-out and runs each for a bounded time, starting from its seed
# corpus t/fuzz/corpus/TARGET plus the known crash inputs in
# t/fuzz/crashes/TARGET (which fail until their bug is fixed). One TAP line
# per target: ok when it ran without a crash, with the number of executions.
# FCW_FUZZ_SECONDS (default 20) is the whole budget, split evenly across the
# targets; FCW_FUZZ_RUNS caps the executions of each. Missing clang or
# libFuzzer is a failure, not a skip.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use Time::HiRes qw(time);

my $started = time;
my $top = FcwTest::top();
my $build = FcwTest::build_dir();
my $out = "$build/t/fuzz-out";
my $budget = $ENV{FCW_FUZZ_SECONDS} || 20;
my $max_runs = $ENV{FCW_FUZZ_RUNS} || 100_000_000;
# Targets that run JavaScript keep one engine for the whole process, whose
# heap LeakSanitizer would rescan after every input (t/valgrind.t checks
# the engine for leaks instead).
my %persistent_heap = (fuzz_multipart => 1, fuzz_headers => 1);

my @targets = map { m{([^/]+)\.c$} ? $1 : () } sort glob("$top/t/fuzz/fuzz_*.c");
my $n = 0;

sub tap {
    my ($ok, $name, @comments) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - $name\n");
    print "# $_\n" for map { split /\n/ } @comments;
}

my $log = `sh '$top/t/fuzz/build.sh' '$build' '$out' 2>&1`;
my $built = $? == 0;
tap($built, 'fuzz targets build with clang -fsanitize=fuzzer,address,undefined',
    $built ? () : ("build.sh failed (needs clang and libFuzzer: apt-get install clang libclang-rt-14-dev):", $log));

my $work = tempdir('fcw-fuzz-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $seconds = int($budget / (@targets || 1)) || 1;
make_path("$out/artifacts");
for my $target (@targets) {
    if (!$built || !-x "$out/$target") {
        tap(0, "$target: not built");
        next;
    }
    my $corpus = "$work/$target";
    make_path($corpus);
    my @dirs = grep { -d } ("$top/t/fuzz/corpus/$target", "$top/t/fuzz/crashes/$target");
    my @flags = ("-max_total_time=$seconds", "-runs=$max_runs", '-rss_limit_mb=2048', '-timeout=10',
        '-max_len=4096', '-print_final_stats=1', "-artifact_prefix=$out/artifacts/$target-");
    push @flags, '-detect_leaks=0' if $persistent_heap{$target};
    local $ENV{ASAN_OPTIONS} = 'quarantine_size_mb=64:' . ($ENV{ASAN_OPTIONS} || '');
    local $ENV{UBSAN_OPTIONS} = 'print_stacktrace=1:' . ($ENV{UBSAN_OPTIONS} || '');
    my $t0 = time;
    my $output = `'$out/$target' @flags '$corpus' @{[ map { "'$_'" } @dirs ]} 2>&1`;
    my $rc = $? >> 8;
    my ($execs) = $output =~ /stat::number_of_executed_units:\s*(\d+)/;
    my ($cov) = $output =~ /#\d+\s+DONE\s+cov: (\d+)/;
    my $summary = sprintf('%d executions in %.1f s%s', $execs // 0, time - $t0, defined $cov ? ", coverage $cov" : '');
    if ($rc == 0 && defined $execs) {
        tap(1, "$target: no crash ($summary)");
    } else {
        my @lines = split /\n/, $output;
        my @keep = grep { /ERROR|SUMMARY|invariant|fuzz_\w+:|fuzz:|Test unit written|^\s+#\d+ .* in (?!fuzzer::|__|main|_start)/ } @lines;
        tap(0, "$target: exit $rc ($summary)", @keep[0 .. ($#keep < 40 ? $#keep : 40)]);
    }
}
printf "# fuzzing took %.1f s in all (FCW_FUZZ_SECONDS=%s)\n", time - $started, $budget;
print "1..$n\n";
