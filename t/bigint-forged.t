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

my $n = FcwTest::run_native_js('bigint-forged.js');
ok($n >= 7, "bigint-forged.js ran its assertions ($n)");
done_testing();
