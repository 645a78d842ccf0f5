#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build writes free `undefined` as `(void 0)` in the lowered code
# (contrib/fcworker-build/lib/void-undefined.js): each case of the pass, and
# two modules built and run in Node and in fcworker with the same output.
# The runtime's own files (js/*.js) write `void 0` themselves.
# Needs node and the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $top = FcwTest::top();
my $tool = FcwTest::build_tool();
my $jsrun = FcwTest::jsrun();
my $dir = FcwTest::tmpdir();

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

sub run { return FcwTest::run_exit($dir, @_) }

# The pass alone: input => expected output ('' for left as it is).
my @cases = (
    ['var a = undefined; f(undefined, x === undefined);', 'var a = (void 0) ; f((void 0) , x === (void 0) );'],
    ['o.undefined; ({undefined: 1}); o[undefined];', 'o.undefined; ({undefined: 1}); o[(void 0) ];'],
    ['typeof undefined; undefined.x;', 'typeof (void 0) ; (void 0) .x;'],
    ['function f(undefined) { return undefined; } f(undefined);', ''],
    ['var undefined; undefined;', ''],
    ['try {} catch (undefined) {} undefined;', ''],
    ['undefined = 1; undefined;', ''],
    ['undefined++; undefined;', ''],
    ['for (undefined in o); undefined;', ''],
    ['var o = {undefined}; undefined;', ''],
    ['with (o) { undefined; }', ''],
    ['eval("1"); undefined;', ''],
    ['undefined: for (;;) { break undefined; }', ''],
);
my $script = "const {voidUndefined} = require(process.argv[1]);\n"
    . "const cases = JSON.parse(process.argv[2]);\n"
    . "for (const c of cases) console.log(JSON.stringify(voidUndefined(c).code));\n";
my $json = '[' . join(',', map { my $s = $_->[0]; $s =~ s/(["\\])/\\$1/g; "\"$s\"" } @cases) . ']';
my ($rc, $out) = run('node', '-e', $script, "$top/contrib/fcworker-build/lib/void-undefined.js", $json);
is($rc, 0, 'the pass runs in node') or diag($out);
my @got = split /\n/, $out;
for my $i (0 .. $#cases) {
    my ($in, $want) = @{ $cases[$i] };
    $want = $in if $want eq '';
    (my $g = $got[$i] // '') =~ s/^"|"$//g;
    $g =~ s/\\"/"/g;
    is($g, $want, "pass: $in");
    is(length($g), length($in), "same length: $in");
}

# Built modules: same output in Node (on the original) and in fcworker.
for my $case (qw(cases shadowed)) {
    my $src = "$top/t/build-void-undefined/$case.mjs";
    ($rc, $out) = run($tool, $src, '-o', "$dir/$case.js");
    is($rc, 0, "$case: builds") or diag($out);
    my $bundle = FcwTest::read_file("$dir/$case.js");
    $bundle =~ s/^export default .*$//m;
    FcwTest::write_file("$dir/$case.run.js", $bundle);
    my ($jrc, $jout) = run($jsrun, "$dir/$case.run.js");
    my ($nrc, $nout) = run('node', '--input-type=module', '-e',
        "globalThis.print = (...a) => console.log(a.join(' '));\nawait import('file://$src');");
    is($nrc, 0, "$case: runs in node") or diag($nout);
    is($jout, $nout, "$case: the same output in fcworker and node");
    if ($case eq 'cases') {
        my $free = () = $bundle =~ /(?<![.\w])undefined(?![\w:])/g;
        my $quoted = () = $bundle =~ /["']undefined["']/g;
        cmp_ok($free - $quoted, '<=', 2, "$case: at most the two property names left (found " . ($free - $quoted) . ")");
        like($bundle, qr/\(void 0\) /, "$case: references written as (void 0)");
    } else {
        like($bundle, qr/function f\(undefined\)\s*\{\s*return undefined;/, "$case: a binding keeps the file as written");
    }
}

# The runtime's own files follow the same rule by hand (HACKING.md): each is
# compiled as the body of `function (global, native, undefined)`, so every
# use of `undefined` in it would be a scope lookup.
FcwTest::write_file("$dir/runtime-undefined.js", <<'JS');
const acorn = require(process.argv[2] + '/acorn');
const walk = require(process.argv[2] + '/acorn-walk');
const fs = require('fs');
const head = '(function (global, native, undefined) {\n';
for (const file of process.argv.slice(3)) {
  const code = head + fs.readFileSync(file, 'utf8') + '\n})';
  const lines = [];
  walk.fullAncestor(acorn.parse(code, { ecmaVersion: 2015, locations: true }), (node, ancestors) => {
    const parent = ancestors[ancestors.length - 2];
    if (node.type !== 'Identifier' || node.name !== 'undefined' || node.start < head.length ||
        (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
        (parent.type === 'Property' && parent.key === node && !parent.computed)) {
      return;
    }
    lines.push(node.loc.start.line - 1);
  });
  if (lines.length) {
    console.log(`${file}: undefined on line ${lines.join(', ')}: write void 0`);
  }
}
JS
my @runtime = glob("$top/js/*.js");
cmp_ok(scalar @runtime, '>', 30, 'the runtime has its files');
my ($r_rc, $r_out) = run('node', "$dir/runtime-undefined.js", "$top/contrib/fcworker-build/node_modules", @runtime);
is($r_rc, 0, 'the runtime files parse') or diag($r_out);
is($r_out, '', 'no runtime file names `undefined`');

done_testing();
