#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# HTMLRewriter streams in bounded memory: 100 MB (FCW_HTMLREWRITER_MB) of
# HTML go through transform() in t/jsrun while the resident size stays flat
# (t/htmlrewriter/memory.js). Uses the plain t/jsrun, not the sanitized
# runner of the suite (whose shadow memory and quarantine would measure
# AddressSanitizer, not fcworker).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $n = 0;
local $ENV{FCW_JSRUN} = FcwTest::build_path('t/jsrun');
FcwTest::print_js_result(FcwTest::run_js_file(FcwTest::top() . '/t/htmlrewriter/memory.js'), 'htmlrewriter-memory', \$n);
print "1..$n\n";
