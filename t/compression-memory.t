#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# CompressionStream/DecompressionStream stream in bounded memory: 200 MB
# (FCW_COMPRESSION_MB) go through gzip and back in t/jsrun while the
# resident size stays flat (t/compression/memory.js). Uses the plain
# t/jsrun, not the sanitized runner of the suite (whose shadow memory and
# quarantine would measure AddressSanitizer, not fcworker).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $n = 0;
local $ENV{FCW_JSRUN} = FcwTest::build_path('t/jsrun');
FcwTest::print_js_result(FcwTest::run_js_file(FcwTest::top() . '/t/compression/memory.js'), 'compression-memory', \$n);
print "1..$n\n";
