#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The library parts of contrib/fcworker-build (the source pre-pass framework,
# the regexp literal pre-pass, the ES5 lowering, lowerScript for test
# runners, map composition): runs its test/lib.js, which prints TAP. Skipped
# when the tool's npm packages are not installed.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $tool = FcwTest::top() . '/contrib/fcworker-build';
if (!-d "$tool/node_modules") {
    print "1..0 # SKIP fcworker-build's npm packages are not installed (npm ci in $tool)\n";
    exit 0;
}
exec('node', "$tool/test/lib.js") or die "cannot run node: $!\n";
