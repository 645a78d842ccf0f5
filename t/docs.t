#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The configuration reference has one source, docs/config.txt: README.md's
# tables and the man pages fcworker.ini(5) and fcworker(8) are generated
# from it (docs/gen-docs.pl) and must be up to date; it documents every key
# the program accepts and no other; the man pages render without warnings.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();

my $out = `cd '$top' && perl docs/gen-docs.pl --check 2>&1`;
is($? >> 8, 0, 'README.md and docs/*.{5,8} are generated from docs/config.txt (perl docs/gen-docs.pl)') or diag $out;

# the keys documented
my %documented;
for (split /\n/, FcwTest::read_file("$top/docs/config.txt")) {
    next if /^\s*(?:#|\[|$)/;
    my ($keys) = split / \| /;
    $documented{$_} = 1 for $keys =~ /`([^`]+)`/g;
}

# the keys the program accepts: the directive tables and the keys read by
# name in src/conf.c and src/cron.c, and the binding families as fcworker
# -tt writes them back (their names made NAME again)
my %accepted;
my $conf_c = FcwTest::read_file("$top/src/conf.c");
$accepted{$_} = 1 for $conf_c =~ /^\s*[GP]\("([^"]+)"/mg;
$accepted{$_} = 1 for $conf_c =~ /strcmp\(name, "([a-z_.]+)"\) == 0/g;
$accepted{$_} = 1 for FcwTest::read_file("$top/src/cron.c") =~ /strcmp\(key, "([a-z_.]+)"\) == 0/g;
ok(keys(%accepted) > 40, scalar(keys %accepted) . ' keys found in src/conf.c and src/cron.c');
mkdir "$dir/public" or die;
my $script = FcwTest::write_file("$dir/w.js", "export default { fetch: function () { return new Response('x'); } };\n");
my $ini = FcwTest::write_file("$dir/all.ini", <<"EOF2");
[pool:a]
listen = $dir/a.sock
script = w.js
kv.NAME = $dir/kv
kv.NAME.namespace = ns
kv.NAME.timeout = 1s
d1.NAME2 = $dir/d1.sqlite3
d1.NAME2.timeout = 1s
service.NAME3 = b
json.NAME4 = 1
assets.directory = public
assets.binding = NAME5
[pool:b]
listen = $dir/b.sock
script = w.js
EOF2
my $tt = `'${\FcwTest::fcworker()}' @{[FcwTest::root_flag()]} -tt -c '$ini' 2>&1`;
is($? >> 8, 0, '-tt of a file with every kind of binding') or diag $tt;
for ($tt =~ /^;?([a-z][\w.]*) =/mg) {
    (my $k = $_) =~ s/\.NAME\d?(?=\.|$)/.NAME/;
    $accepted{$k} = 1;
}
ok($accepted{'kv.NAME.namespace'} && $accepted{'assets.not_found_handling'}, 'the binding keys are among them');
my @undocumented = grep { !$documented{$_} } sort keys %accepted;
my @unknown = grep { !$accepted{$_} } sort keys %documented;
is("@undocumented", '', 'every key the program accepts is in docs/config.txt');
is("@unknown", '', 'every key in docs/config.txt is accepted by the program');

# the man pages
for my $page ('fcworker.8', 'fcworker.ini.5') {
    my $err = `LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 '$top/docs/$page' 2>&1`;
    is($err, '', "$page: groff -ww warns of nothing");
    SKIP: {
        skip 'man is not installed', 2 unless system('command -v man >/dev/null 2>&1') == 0;
        my $text = `LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l '$top/docs/$page' 2>$dir/man.err`;
        is(FcwTest::read_file("$dir/man.err"), '', "man -l $page: no warnings");
        like($text, $page =~ /ini/ ? qr/POOL KEYS.*pm\.max_children/s : qr/SIGNALS.*SIGUSR1/s, 'renders its sections');
    }
}

done_testing();
