#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Runs every t/js/*.js inside the real runtime (t/jsrun with the harness) and
# reports each assertion as one TAP line named after its file.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $top = FcwTest::top();
$ENV{FCW_CONFORMANCE} ||= FcwTest::conformance_dir();
my @files = @ARGV ? @ARGV : sort glob("$top/t/js/*.js");
my $n = 0;
for my $file (@files) {
    (my $short = $file) =~ s{.*/}{};
    # t/js/dates.js checks local-time strings in UTC; a file whose header
    # says "run with TZ=ZONE by t/js.t" runs in that zone
    local $ENV{TZ} = 'UTC';
    if (open my $fh, '<', $file) {
        local $/;
        my $head = substr(<$fh> // '', 0, 1000);
        $ENV{TZ} = $1 if $head =~ /run with\s+TZ=(\S+?)\s+by t\/js\.t/;
    }
    FcwTest::print_js_result(FcwTest::run_js_file($file), $short, \$n);
}
print "1..$n\n";
