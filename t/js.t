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
$ENV{TZ} = 'UTC';    # t/js/dates.js checks local-time strings
my @files = @ARGV ? @ARGV : sort glob("$top/t/js/*.js");
my $n = 0;
for my $file (@files) {
    (my $short = $file) =~ s{.*/}{};
    FcwTest::print_js_result(FcwTest::run_js_file($file), $short, \$n);
}
print "1..$n\n";
