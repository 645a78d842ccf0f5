#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Every t/js/*.js again (as t/js.t), in the runtime of a process for one
# request (CGI: FCW_TEST_SINGLE_REQUEST, t/lib/jsrun.c), whose files of
# lib/runtime_lazy.c load on first use: the same assertions hold whether a
# group was loaded at start or by its globals and methods when first used.
# (t/test262.t runs the same way with FCW_TEST_SINGLE_REQUEST=1 set.)
use strict;
use warnings;
use FindBin;

$ENV{FCW_TEST_SINGLE_REQUEST} = 1;
my $js_t = "$FindBin::Bin/js.t";
do $js_t or die "$js_t: " . ($@ || $! || 'failed');
