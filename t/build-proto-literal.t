#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build's lowering of `{ __proto__: value }` object literals
# (contrib/fcworker-build/lib/proto-literal.js): its Node test, which checks
# which literals are rewritten and that the rewritten code builds the same
# objects as the original. The runtime side (__fcw_withProto, proxies as
# prototypes) is tested by t/js/proxy.js, and a real package built with it by
# t/modern.t (t/modern/itty-router). Node.js and npm are required.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;

my $tool_dir = FcwTest::top() . '/contrib/fcworker-build';
if (!-d "$tool_dir/node_modules") {
    system("cd '$tool_dir' && npm ci --no-audit --no-fund --loglevel=error >&2") == 0
        or do { print "1..1\nnot ok 1 - npm ci in contrib/fcworker-build\n"; exit 1; };
}
exec('node', "$tool_dir/test/proto-literal.js") or do { print "1..1\nnot ok 1 - node is installed\n"; exit 1; };
