#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build bundles for esbuild's `browser` platform, as Wrangler does,
# so a package's `browser` map of files applies (qs 6 depends on it: its
# object-inspect maps a Node-only file that requires "util" to false): a
# package in a temporary node_modules maps one file to false and another to
# its browser twin; the bundle builds and runs in fcworker with the browser
# file, and a file the map leaves out is an empty module. Needs node and the
# tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my $tool = FcwTest::build_tool();
my $jsrun = FcwTest::jsrun();
my $dir = FcwTest::tmpdir();

sub run { return FcwTest::run_exit($dir, @_) }

my $pkg = "$dir/app/node_modules/mapped";
mkdir "$dir/app";
mkdir "$dir/app/node_modules";
mkdir $pkg;
FcwTest::write_file("$pkg/package.json", <<'JSON');
{ "name": "mapped", "version": "1.0.0", "main": "index.js",
  "browser": { "./node-only.js": false, "./impl.js": "./impl-browser.js" } }
JSON
FcwTest::write_file("$pkg/index.js", <<'JS');
var inspect = require('./node-only.js');
var impl = require('./impl.js');
module.exports = function () { return impl.name + ' / ' + (typeof inspect) + ' ' + Object.keys(inspect).length; };
JS
FcwTest::write_file("$pkg/node-only.js", "module.exports = require('util').inspect;\n");
FcwTest::write_file("$pkg/impl.js", "exports.name = 'node impl';\n");
FcwTest::write_file("$pkg/impl-browser.js", "exports.name = 'browser impl';\n");
FcwTest::write_file("$dir/app/index.js", "import mapped from 'mapped';\nprint(mapped());\n");

my ($rc, $out) = run($tool, "$dir/app/index.js", '-o', "$dir/out.js");
is($rc, 0, 'a package whose browser map leaves a Node-only file out builds') or diag($out);
($rc, $out) = run($jsrun, "$dir/out.js");
is($rc, 0, 'and runs in fcworker') or diag($out);
is($out, "browser impl / object 0\n", 'with the browser file, and the file mapped to false as an empty module');

done_testing();
