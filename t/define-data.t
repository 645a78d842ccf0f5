#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# native.defineData and native.defineAccessor, through which the runtime
# defines its properties at load: t/js/define-data.js with the private
# native object exposed (under t/jsrun-san in the suite).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $n = FcwTest::run_native_js('define-data.js');
ok($n >= 30, "define-data.js ran its assertions ($n)");
done_testing();
