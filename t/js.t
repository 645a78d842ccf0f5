#!/usr/bin/env perl
# Runs every t/js/*.js inside the real runtime (t/jsrun with the harness) and
# reports each assertion as one TAP line named after its file.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $jsrun = $ENV{FCW_JSRUN} || FcwTest::build_path('t/jsrun');
my $top = FcwTest::top();
$ENV{FCW_CONFORMANCE} ||= FcwTest::conformance_dir();
my @files = @ARGV ? @ARGV : sort glob("$top/t/js/*.js");
my $n = 0;
for my $file (@files) {
    (my $short = $file) =~ s{.*/}{};
    my @out = `'$jsrun' '$top/t/lib/harness.js' '$file' 2>&1`;
    my $rc = $? >> 8;
    my ($plan, $seen) = (undef, 0);
    for my $line (@out) {
        chomp $line;
        if ($line =~ /^(not ok|ok) \d+ - (.*)$/) {
            $n++;
            $seen++;
            print "$1 $n - $short: $2\n";
        } elsif ($line =~ /^1\.\.(\d+)$/) {
            $plan = $1;
        } else {
            $line =~ s/^#\s?//;
            print "# $short: $line\n";
        }
    }
    if (!defined $plan || $plan != $seen || $rc != 0) {
        $n++;
        print "not ok $n - $short: ran to its end (exit $rc, plan " . ($plan // 'missing') . ", $seen seen)\n";
    }
}
print "1..$n\n";
