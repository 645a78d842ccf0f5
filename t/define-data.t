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

my $top = FcwTest::top();
my $n = 0;
{
    local $ENV{FCW_TEST_NATIVE} = 1;
    FcwTest::print_js_result(FcwTest::run_js_file("$top/t/js/define-data.js"), 'define-data.js', \$n);
}
Test::More->builder->current_test($n);
ok($n >= 30, "define-data.js ran its assertions ($n)");
done_testing();
