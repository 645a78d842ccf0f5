#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# SWC's _class_call_check tests `this instanceof Class` at the start of a
# lowered constructor, which asks the class's static [Symbol.hasInstance]:
# LangChain's message classes answer from a field the constructor has not
# set yet, so `new SystemMessage(...)` threw "Cannot call a class as a
# function" (ChatPromptTemplate.fromMessages failed). fcworker-build
# installs the runtime's __fcw_helpers.classCallCheck instead
# (js/15-build-helpers.js), which also passes an object that has the
# class's prototype in its chain (answered in C, without asking a static
# [Symbol.hasInstance], as `new` of a class asks nothing). The cases, run as they are in Node, print
# what their bundle prints in fcworker. Needs node and the tool's
# node_modules.
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

FcwTest::write_file("$dir/cases.mjs", <<'JS');
const out = [];
const show = (name, f) => { try { out.push(`${name}: ${JSON.stringify(f())}`); } catch (e) { out.push(`${name}: ${e.constructor.name}`); } };
class Message {
  static isInstance(obj) { return typeof obj === 'object' && obj !== null && 'content' in obj; }
  static [Symbol.hasInstance](obj) { return this.isInstance(obj); }
  constructor(content) { this.content = content; }
}
class SystemMessage extends Message {
  static isInstance(obj) { return super.isInstance(obj) && obj.type === 'system'; }
  constructor(content) { super(content); this.type = 'system'; }
}
class Never { static [Symbol.hasInstance]() { return false; } constructor() { this.made = true; } }
show('base', () => new Message('a').content);
show('derived', () => { const m = new SystemMessage('b'); return [m.content, m.type, m instanceof SystemMessage, m instanceof Message]; });
show('duck typed', () => [({ content: 1, type: 'system' }) instanceof SystemMessage, ({}) instanceof Message]);
show('hasInstance says no', () => [new Never().made, new Never() instanceof Never]);
show('called without new', () => Message('x'));
show('plain class called', () => { class P { constructor() { this.x = 1; } } return P(); });
show('subclass of a plain class', () => { class A { constructor() { this.a = 1; } } class B extends A { constructor() { super(); this.b = 2; } } return [new B().a, new B().b]; });
show('new asks no hasInstance', () => {
  let asked = 0;
  class Counted { static [Symbol.hasInstance](obj) { asked++; return true; } constructor() { this.ok = 1; } }
  class Sub extends Counted { constructor() { super(); this.sub = 1; } }
  const made = [new Counted().ok, new Sub().sub];
  return [made, asked, ({}) instanceof Counted, asked];
});
(typeof print === 'function' ? print : console.log)(out.join('\n'));
JS

my ($node_rc, $node) = run('node', "$dir/cases.mjs");
is($node_rc, 0, 'the cases run in Node') or diag($node);
like($node, qr/^derived: \["b","system",true,true\]$/m, 'Node makes the messages');
my ($rc, $out) = run($tool, "$dir/cases.mjs", '-o', "$dir/cases.js");
is($rc, 0, 'fcworker-build builds them') or diag($out);
like(FcwTest::read_file("$dir/cases.js"), qr/^.*_class_call_check = __fcw_helpers\.classCallCheck;/m,
    "the bundle's first line installs the runtime's _class_call_check");
my ($fcw_rc, $fcw) = run($jsrun, "$dir/cases.js");
is($fcw_rc, 0, 'the bundle runs in fcworker') or diag($fcw);
is($fcw, $node, 'fcworker on the bundle prints what Node prints on the source');

done_testing();
