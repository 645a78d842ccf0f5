#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# console.log of an Error (js/47-console.js): its stack, then, as Node's
# inspection shows them (workerd's console uses it), its own enumerable
# properties and, when it has one from the constructor, its [cause]
# (drizzle's DrizzleQueryError keeps SQLite's message there), in the
# console's one-line braces; an error nested in an object, a cause that
# is the error itself, an error without either as before.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/errors.js", <<'EOF2');
console.log(new Error('outer', { cause: new TypeError('inner') }));
var f = new Error('with code'); f.code = 'E_X'; f.status = 404;
console.log('got', f);
var g = new Error('self'); g.cause = g;
console.log(g);
console.log({ err: new RangeError('nested', { cause: 'a string' }) });
console.log(new Error('plain'));
EOF2
my ($rc, $out) = FcwTest::run_exit($dir, FcwTest::jsrun(), $script);
is($rc, 0, 'the script runs') or diag($out);
$out =~ s/\n    at [^\n]*?(?= [{}]|\n|$)//g; # the frames
my @lines = grep { length } split /\n/, $out;
is_deeply(\@lines, [
    "# [INFO] Error: outer { [cause]: TypeError: inner }",
    "# [INFO] got Error: with code { code: 'E_X', status: 404 }",
    "# [INFO] Error: self { cause: [Circular] }",
    "# [INFO] { err: RangeError: nested { [cause]: 'a string' } }",
    "# [INFO] Error: plain",
], 'properties and causes after the stack') or diag($out);

done_testing();
