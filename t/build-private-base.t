#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# fcworker-build checks a private member of `this` once per function and
# key (contrib/fcworker-build/lib/private-base.js): the later checks of a
# call read a local variable the first set, and in a constructor a check
# after the statement that defines the field is `this` itself.
# t/build-private-base/cases.js (fields, a getter with ??=, private methods
# and statics, branches, a loop, arrow functions inside, a check that threw
# first, non-instances, an object inheriting from an instance, a half-made
# object that has one field and not the next, initializers reading earlier
# fields and their own, subclasses, awaits in between; arrows checking `this` through
# SWC's `var _this = this`, and such an alias of another object) run in Node prints
# exactly what its bundle prints in fcworker, in the default build and in
# the --portable one, which keeps every check. Needs node and the tool's
# node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my ($node, $text) = FcwTest::bundles_print_as_node(FcwTest::tmpdir(), FcwTest::top() . '/t/build-private-base/cases.js');
like($node, qr/^its missing field checked twice: TypeError$/m, 'Node throws for the field a half-made object lacks');
like($node, qr/^an async method on a non-instance: TypeError$/m, 'Node got to the end');
my $cached = sub { my $n = () = ($_[0] // '') =~ /\(_fcwPB\d+ \|\| \(_fcwPB\d+ = /g; return $n };
is($cached->($text->{portable}), 0, 'the --portable bundle checks every time');
cmp_ok($cached->($text->{default}), '>=', 20, 'checks after a first one read its variable');
like($text->{default} // '', qr/\bthis\[_step\] = step;/, "a constructor's check after the field's definition is this");
like($text->{default} // '', qr/\(_fcwPB\d+ \|\| \(_fcwPB\d+ = \(0, _class_private_field_loose_base\)\(_this\d*, /,
    "an arrow's checks of SWC's alias of this read its variable after the first");
unlike($text->{default} // '', qr/\{\s*var _fcwPB\d+[^\n]*\n\s*"use (?:strict|duk notail)"/,
    'no variable comes before a directive');

done_testing();
