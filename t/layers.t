#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# lib/'s layering, read from the objects the build made: for each source
# file of libfcw (LIBFCW_SOURCES and the generated ones in Makefile.am),
# `nm` of its object gives the fcw_* symbols it defines and the ones it
# uses; a use of a symbol another file defines is an edge from the user to
# the definer. The file graph must have no cycle (a cycle is printed, file
# by file, with a symbol for each edge), and the event loop, the allocator
# and the other leaf modules must use nothing of lib/ at all.
# Duktape (lib/duk_hooks.c, in libduktape.a) is the third-party engine below
# the library: the hooks its configuration names are callbacks, not edges.
# The rules are the ones docs/ARCHITECTURE.md draws.
# FCW_LAYERS_GRAPH=1 prints the whole graph as comments.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $top = FcwTest::top();
my $build = FcwTest::build_dir();

# The leaves: files that must not call into any other file of lib/. The
# allocator is lib/pool.c or, under its newer name, lib/alloc.c; lib/text.c
# (the text helpers) is checked when it exists.
my @leaves = qw(loop pool alloc text cputimer profile file response kv fetch_guard html_tokenizer html_token lazylink);
# A leaf may be one module in several files: those may use each other
# (the HTML tokenizer's state machine and its token builders).
my %unit = (html_tokenizer => 'html', html_token => 'html');

# The engine (heap, limits, protected calls) uses only leaves: it reaches
# the modules through their table and the response through a hook.
my @engine_files = qw(engine);

# ---- the object files of libfcw, from Makefile.am ----

sub sources_of {
    my ($var, $am) = @_;
    return () unless $am =~ /^\Q$var\E\s*=((?:[^\n]*\\\n)*[^\n]*)$/m;
    my $list = $1;
    $list =~ s/\\\n/ /g;
    return grep { m{^lib/.*\.c$} } split ' ', $list;
}

open my $fh, '<', "$top/Makefile.am" or die "Makefile.am: $!";
my $am = do { local $/; <$fh> };
close $fh;
my @sources = (sources_of('LIBFCW_SOURCES', $am), sources_of('nodist_lib_libfcw_a_SOURCES', $am));
ok(@sources > 10, 'Makefile.am lists the sources of libfcw (' . scalar(@sources) . ')');

my $nm = $ENV{NM} || 'nm';
plan skip_all => "no nm" if system("$nm --version >/dev/null 2>&1") != 0;

my (%defines, %uses, %owner);
for my $src (@sources) {
    (my $file = $src) =~ s{^lib/(.*)\.c$}{$1};
    my $obj = "$build/lib/libfcw_a-$file.o";
    if (!-f $obj) {
        fail("$obj exists (build first)");
        next;
    }
    my @lines = `$nm -P '$obj'`;
    if ($? != 0) {
        fail("nm $obj");
        next;
    }
    $defines{$file} = {};
    $uses{$file} = {};
    for (@lines) {
        my ($sym, $type) = split ' ';
        next unless defined $type && $sym =~ /^fcw_/;
        if ($type eq 'U') {
            $uses{$file}{$sym} = 1;
        } elsif ($type =~ /^[TDBRVWC]$/) {
            $defines{$file}{$sym} = 1;
            if (defined $owner{$sym} && $owner{$sym} ne $file) {
                fail("$sym is defined in both $owner{$sym}.c and $file.c");
            }
            $owner{$sym} = $file;
        }
    }
}

# ---- the file graph: user -> definer, with one symbol naming each edge ----

my %edges;
for my $file (sort keys %uses) {
    for my $sym (sort keys %{ $uses{$file} }) {
        my $to = $owner{$sym};
        next unless defined $to && $to ne $file;
        $edges{$file}{$to} //= $sym;
    }
}

if ($ENV{FCW_LAYERS_GRAPH}) {
    for my $file (sort keys %uses) {
        diag("$file -> " . join(', ', map { "$_ ($edges{$file}{$_})" } sort keys %{ $edges{$file} || {} }));
    }
}

# ---- cycles: Tarjan's strongly connected components, then one cycle of
# each component found by a walk that stays inside it ----

my ($index, @stack, %on_stack, %idx, %low, @components) = (0);

sub strongconnect {
    my ($v) = @_;
    $idx{$v} = $low{$v} = $index++;
    push @stack, $v;
    $on_stack{$v} = 1;
    for my $w (sort keys %{ $edges{$v} || {} }) {
        if (!defined $idx{$w}) {
            strongconnect($w);
            $low{$v} = $low{$w} if $low{$w} < $low{$v};
        } elsif ($on_stack{$w}) {
            $low{$v} = $idx{$w} if $idx{$w} < $low{$v};
        }
    }
    if ($low{$v} == $idx{$v}) {
        my @c;
        my $w;
        do {
            $w = pop @stack;
            delete $on_stack{$w};
            push @c, $w;
        } while ($w ne $v);
        push @components, [sort @c] if @c > 1;
    }
}

for my $v (sort keys %uses) {
    strongconnect($v) unless defined $idx{$v};
}

# A shortest cycle through the component's first file (breadth-first search
# back to it, inside the component).
sub cycle_in {
    my ($comp) = @_;
    my %in = map { $_ => 1 } @$comp;
    my $start = $comp->[0];
    my %prev = ();
    my @queue = ($start);
    my %seen = ($start => 1);
    while (@queue) {
        my $v = shift @queue;
        for my $w (sort keys %{ $edges{$v} || {} }) {
            next unless $in{$w};
            if ($w eq $start) {
                my @path = ($v);
                unshift @path, $prev{ $path[0] } while defined $prev{ $path[0] };
                return (@path, $start);
            }
            next if $seen{$w}++;
            $prev{$w} = $v;
            push @queue, $w;
        }
    }
    return ();
}

my @cycles;
for my $comp (@components) {
    my @c = cycle_in($comp);
    my @hops;
    for my $i (0 .. $#c - 1) {
        push @hops, "$c[$i].c -($edges{$c[$i]}{$c[$i + 1]})-> ";
    }
    push @cycles, join('', @hops) . "$c[-1].c   [component: " . join(' ', map {"$_.c"} @$comp) . ']';
}
ok(!@cycles, 'no two files of lib/ depend on each other in a circle');
diag("cycle: $_") for @cycles;

# ---- leaves ----

my $allocator = 0;
for my $leaf (@leaves) {
    next unless exists $uses{$leaf};
    $allocator ||= $leaf eq 'pool' || $leaf eq 'alloc';
    my @out = grep { !($unit{$leaf} && ($unit{$_} // '') eq $unit{$leaf}) } sort keys %{ $edges{$leaf} || {} };
    ok(!@out, "lib/$leaf.c is a leaf (uses nothing of lib/)")
        or diag("lib/$leaf.c uses " . join(', ', map { "$_.c ($edges{$leaf}{$_})" } @out));
}
my %is_leaf = map { $_ => 1 } @leaves;
for my $file (@engine_files) {
    next unless exists $uses{$file};
    my @above = grep { !$is_leaf{$_} } sort keys %{ $edges{$file} || {} };
    ok(!@above, "lib/$file.c uses only leaves")
        or diag("lib/$file.c uses " . join(', ', map { "$_.c ($edges{$file}{$_})" } @above));
}
ok(exists $uses{loop}, 'the event loop (lib/loop.c) is among the objects');
ok($allocator, 'the allocator (lib/pool.c or lib/alloc.c) is among the objects');

done_testing();
