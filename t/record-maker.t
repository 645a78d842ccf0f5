#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# native.recordMaker, which makes the runtime's promises, reaction and
# coroutine records and stream records: t/js/record-maker.js with the
# private native object exposed (under t/jsrun-san in the suite).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $n = FcwTest::run_native_js('record-maker.js');
ok($n >= 23, "record-maker.js ran its assertions ($n)");
done_testing();
