#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Runs the test262 subset in t/test262 (RegExp, the String regexp methods,
# regexp literals, BigInt, Array.prototype.sort, Reflect, Proxy, Date (its
# constructor, Date.UTC, the setters, setYear, the strings),
# Number.prototype.toFixed/toExponential/toPrecision/toString,
# and the ES2023-2025 library: Object.groupBy, Map.groupBy, the Set methods,
# Array.fromAsync, Iterator, String.prototype.isWellFormed/toWellFormed; and
# of ES2025 Math.f16round and DataView's getFloat16/setFloat16; of ES2026
# Uint8Array's base64 and hex methods, Promise.try, Error.isError, Math.sumPrecise,
# DisposableStack, AsyncDisposableStack and SuppressedError; JSON, with
# JSON.rawJSON, JSON.isRawJSON and the reviver's source text)
# inside the runtime: t/test262/prepare.js lowers each test with its harness
# as fcworker-build lowers worker scripts, then t/jsrun --fork-each runs every
# lowered test in its own heap. One TAP line per test; the tests listed in
# t/test262/known-failures.txt are TODO (FCW_TEST262_UPDATE=1 rewrites that
# list from this run). Prints the pass rate of each area.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use JSON::PP;

my $top = FcwTest::top();
my $jsrun = FcwTest::build_path('t/jsrun');
my $tool = "$top/contrib/fcworker-build";
my @areas = @ARGV ? @ARGV : qw(built-ins/RegExp built-ins/String language/literals/regexp
    built-ins/BigInt built-ins/Array built-ins/Reflect built-ins/Proxy built-ins/Date
    built-ins/Object built-ins/Map built-ins/Set built-ins/Iterator built-ins/Number
    annexB/built-ins/Date built-ins/Uint8Array built-ins/Promise built-ins/Error
    built-ins/DisposableStack built-ins/AsyncDisposableStack built-ins/SuppressedError built-ins/Math
    built-ins/DataView built-ins/JSON);

if (!-d "$tool/node_modules") {
    print "1..0 # SKIP fcworker-build's npm packages are not installed (npm ci in $tool)\n";
    exit 0;
}

my $tmp = FcwTest::tmpdir();
my @manifest;
{
    open(my $fh, '-|', 'node', "$top/t/test262/prepare.js", "$tmp/lowered", @areas)
        or die "cannot run prepare.js: $!";
    while (my $line = <$fh>) {
        push @manifest, decode_json($line);
    }
    close($fh) or die "prepare.js failed (exit " . ($? >> 8) . ")\n";
}

# Run the lowered files in two jsrun processes, each forking a child per test.
my @files = map { $_->{file} } grep { $_->{file} } @manifest;
my %output;
{
    my @pids;
    my @parts = ([], []);
    push @{ $parts[$_ % 2] }, $files[$_] for 0 .. $#files;
    for my $i (0, 1) {
        next unless @{ $parts[$i] };
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
        next unless -f "$tmp/run$i.out";
        open(my $fh, '<', "$tmp/run$i.out") or die;
        my @lines;
        while (my $line = <$fh>) {
            if ($line =~ /^#-- (\S+) exit (\d+)$/) {
                $output{$1} = { exit => $2, text => join('', @lines) };
                @lines = ();
            } else {
                push @lines, $line;
            }
        }
    }
}

# Why a test failed, or undef when it passed.
sub verdict {
    my ($t) = @_;
    my $neg = $t->{negative};
    if (!$t->{file}) {
        return undef if $neg && $neg->{type} && $t->{lowerError} =~ /\b$neg->{type}\b|SyntaxError|Invalid|Unexpected/
            && ($neg->{phase} // '') ne 'runtime';
        return "did not lower: $t->{lowerError}";
    }
    my $r = $output{ $t->{file} } or return 'no result from jsrun';
    my $text = $r->{text};
    return "killed (exit $r->{exit})" if $r->{exit} >= 128;
    my ($error) = $text =~ /^not ok - load [^\n]*\n# ([^\n]*)/m;
    if ($neg) {
        return "expected $neg->{type}, no error" unless defined $error;
        return undef if $error =~ /\b\Q$neg->{type}\E\b/;
        return "expected $neg->{type}, got: $error";
    }
    return $error if defined $error;
    return "exit $r->{exit}: " . (split /\n/, $text)[0] if $r->{exit} != 0;
    if ($t->{async}) {
        return undef if $text =~ /^Test262:AsyncTestComplete$/m;
        my ($why) = $text =~ /^(Test262:AsyncTestFailure:.*)$/m;
        return $why // 'async test did not call $DONE';
    }
    return undef;
}

# Features the runtime does not claim (t/test262/unclaimed-features.txt):
# their tests run and are reported, but the "claimed" rate leaves them out.
my %unclaimed;
if (open(my $fh, '<', "$top/t/test262/unclaimed-features.txt")) {
    while (<$fh>) {
        $unclaimed{$1} = 1 if /^([^#\s]\S*)/;
    }
}

my %known;
my $known_file = "$top/t/test262/known-failures.txt";
if (open(my $fh, '<', $known_file)) {
    while (<$fh>) {
        $known{$1} = 1 if /^([^#\s]\S*)/;
    }
}

my (%area_total, %area_pass, %claimed_total, %claimed_pass, @failed);
my $n = 0;
for my $t (@manifest) {
    my ($area) = $t->{id} =~ m{^([^/]+/[^/]+)};
    if ($t->{skip}) {
        $n++;
        print "ok $n - $t->{id} # SKIP $t->{skip}\n";
        next;
    }
    my $why = verdict($t);
    my $claimed = !grep { $unclaimed{$_} } @{ $t->{features} || [] };
    $area_total{$area}++;
    $claimed_total{$area}++ if $claimed;
    $n++;
    if (!defined $why) {
        $area_pass{$area}++;
        $claimed_pass{$area}++ if $claimed;
        print "ok $n - $t->{id}" . ($known{ $t->{id} } ? " # TODO known failure" : '') . "\n";
    } else {
        push @failed, $t->{id};
        $why =~ s/\s+/ /g;
        print "not ok $n - $t->{id}" . ($known{ $t->{id} } ? " # TODO known failure" : '') . "\n";
        print "# $why\n" unless $known{ $t->{id} };
    }
}
print "1..$n\n";

my ($all, $pass, $call, $cpass) = (0, 0, 0, 0);
for my $area (sort keys %area_total) {
    my $p = $area_pass{$area} // 0;
    my ($ct, $cp) = ($claimed_total{$area} // 0, $claimed_pass{$area} // 0);
    printf "# test262 %-22s %4d/%4d passed (%.1f%%); of the claimed features %4d/%4d (%.1f%%)\n", $area, $p,
        $area_total{$area}, 100 * $p / $area_total{$area}, $cp, $ct, $ct ? 100 * $cp / $ct : 0;
    $all += $area_total{$area};
    $pass += $p;
    $call += $ct;
    $cpass += $cp;
}
printf "# test262 %-22s %4d/%4d passed (%.1f%%); of the claimed features %4d/%4d (%.1f%%)\n", 'all', $pass, $all,
    $all ? 100 * $pass / $all : 0, $cpass, $call, $call ? 100 * $cpass / $call : 0;

if ($ENV{FCW_TEST262_UPDATE}) {
    open(my $fh, '>', $known_file) or die "cannot write $known_file: $!";
    print $fh "# test262 tests that fail today (t/test262.t marks them TODO).\n";
    print $fh "# Regenerate: FCW_TEST262_UPDATE=1 prove t/test262.t\n";
    print $fh "$_\n" for sort @failed;
    close($fh);
}
