#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# BigInt's C side refuses forged values: t/js/bigint-forged.js with the
# private native object exposed (under t/jsrun-san in the suite), which
# names the hidden key scripts cannot.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $top = FcwTest::top();
my $n = 0;
{
    local $ENV{FCW_TEST_NATIVE} = 1;
    FcwTest::print_js_result(FcwTest::run_js_file("$top/t/js/bigint-forged.js"), 'bigint-forged.js', \$n);
}
Test::More->builder->current_test($n);
ok($n >= 7, "bigint-forged.js ran its assertions ($n)");
done_testing();
