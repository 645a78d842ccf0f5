#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# import.meta: fcworker-build makes it an empty object per module (esbuild's
# 'import-meta' feature off), which is what a bundled module sees in workerd
# (import.meta.url undefined). valtio, zustand and jotai test
# `import.meta.env ? import.meta.env.MODE : void 0`; the build used to fail
# (an internal error when the bundle also had a generator). A package in a
# temporary node_modules reads import.meta.env from a generator; the project
# reads import.meta.url; the bundle builds, warns about the project's use
# only, and runs in fcworker. Needs node and the tool's node_modules.
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

my $pkg = "$dir/app/node_modules/metaenv";
mkdir "$dir/app";
mkdir "$dir/app/node_modules";
mkdir $pkg;
FcwTest::write_file("$pkg/package.json", <<'JSON');
{ "name": "metaenv", "version": "1.0.0", "type": "module", "module": "index.js" }
JSON
FcwTest::write_file("$pkg/index.js", <<'JS');
export function* modes() {
  yield typeof import.meta;
  yield (import.meta.env ? import.meta.env.MODE : void 0) !== 'production' ? 'dev checks' : 'production';
}
JS
FcwTest::write_file("$dir/app/index.js", <<'JS');
import { modes } from 'metaenv';
const meta = import.meta;
print([...modes(), typeof meta.url, meta === import.meta].join(' '));
JS

my ($rc, $out) = run($tool, "$dir/app/index.js", '-o', "$dir/out.js");
is($rc, 0, 'a bundle that reads import.meta builds') or diag($out);
like($out, qr/app\/index\.js:2:14: warning: "import\.meta" is not available/, 'the project\'s own use is reported');
unlike($out, qr/node_modules/, 'a package\'s is not');
($rc, $out) = run($jsrun, "$dir/out.js");
is($rc, 0, 'and runs in fcworker') or diag($out);
is($out, "object dev checks undefined true\n", 'import.meta is an object without env or url, one per module');

done_testing();
