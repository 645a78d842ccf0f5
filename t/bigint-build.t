#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# BigInt through the build tool: the lowering pass's own checks
# (t/bigint/lowering-check.cjs, run by Node), then every worker of t/bigint/
# (plain modules, zod 4 and @noble's hashes and curves from npm) is built with contrib/fcworker-build,
# run in the runtime (t/jsrun) and in Node, and must print the same lines.
# Node.js and npm are required: without them the test fails.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use POSIX ();

my $top = FcwTest::top();
my $tool_dir = "$top/contrib/fcworker-build";
my $jsrun = $ENV{FCW_JSRUN} || FcwTest::build_path('t/jsrun');
my $dir = FcwTest::tmpdir();
my $n = 0;

END { print "1..$n\n" if $n; }

sub tap {
    my ($ok, $name, @diag) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - $name\n");
    if (!$ok) {
        print "# $_\n" for map { split /\n/ } grep { defined } @diag;
    }
    return $ok;
}

# Runs a command in a folder with its output in a file; returns (status, output).
sub run_logged { return FcwTest::run_in($dir, @_) }

# A copy of a folder when it is read-only (as in `make distcheck`).
sub writable_folder {
    my ($from, $name) = @_;
    return $from if -w $from;
    my ($rc, $out) = run_logged($top, 'cp', '-R', $from, "$dir/$name");
    die "cp -R $from: $out" if $rc != 0;
    return "$dir/$name";
}

sub npm_ci {
    my ($folder, $name) = @_;
    return 1 if -d "$folder/node_modules";
    my ($rc, $out) = run_logged($folder, 'npm', 'ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error');
    return tap($rc == 0, "npm ci in $name", $out);
}

my ($node_rc, $node_out) = run_logged($top, 'node', '--version');
tap($node_rc == 0, 'node is installed', $node_out) or exit 1;
$tool_dir = writable_folder($tool_dir, 'fcworker-build') unless -d "$tool_dir/node_modules";
npm_ci($tool_dir, 'contrib/fcworker-build') or exit 1;

# ---- the lowering pass alone
my ($rc, $out) = run_logged($top, 'node', "$top/t/bigint/lowering-check.cjs", $tool_dir);
my $checks = 0;
for my $line (split /\n/, $out) {
    if ($line =~ /^(not ok|ok) - (.*)$/) {
        $checks++;
        tap($1 eq 'ok', "lowering: $2");
    } elsif ($line =~ /^# /) {
        print "$line\n";
    }
}
tap($rc == 0 && $checks > 0, 'lowering checks ran', $out);

# ---- built workers against Node
sub compare_lines {
    my ($name, $expected, $got) = @_;
    my @e = split /\n/, $expected;
    my @g = split /\n/, $got;
    my @diag;
    for my $i (0 .. ($#e > $#g ? $#e : $#g)) {
        my ($x, $y) = ($e[$i] // '(missing)', $g[$i] // '(missing)');
        push @diag, "line " . ($i + 1) . ":\n  node:     $x\n  fcworker: $y" if $x ne $y;
        last if @diag >= 8;
    }
    return tap(!@diag && @e > 0, "$name: same output as Node (" . scalar(@e) . " lines)", @diag);
}

my @cases = map { [ $_, "$top/t/bigint", $_ ] } map { m{([^/]+)$} } sort glob "$top/t/bigint/*.js";
for my $package (qw(zod noble)) {
    push @cases, [ "$package/index.js", writable_folder("$top/t/bigint/$package", $package), 'index.js' ];
}
for my $case (@cases) {
    my ($name, $folder, $entry) = @$case;
    if ($name =~ m{^(\w+)/}) {
        npm_ci($folder, "t/bigint/$1") or next;
    }
    (my $base = $name) =~ s{[/.]}{-}g;
    my $built = "$dir/$base.out.js";
    my ($brc, $blog) = run_logged($folder, "$tool_dir/fcworker-build", $entry, '-o', $built);
    tap($brc == 0 && -s $built, "$name: fcworker-build", $blog) or next;
    my @lines = split /\n/, FcwTest::read_file($built);
    my @direct = grep { /\b__fcw_bigint\./ } @lines[2 .. $#lines];
    tap(!@direct, "$name: BigInt operations read the module's alias of __fcw_bigint (lib/bigint-ops.js)",
        join("\n", @direct[0 .. ($#direct < 2 ? $#direct : 2)]));
    my ($nrc, $expected) = run_logged($folder, 'node', $entry);
    tap($nrc == 0, "$name: runs in Node", $expected) or next;
    my ($jrc, $got) = run_logged($folder, $jsrun, $built);
    tap($jrc == 0, "$name: runs in fcworker", $got) or next;
    compare_lines($name, $expected, $got);
}
