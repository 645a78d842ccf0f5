#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The Debian package: debian/ built from a copy of this tree with
# `dpkg-buildpackage -us -uc -b` (offline), its control fields and files checked,
# unpacked into a scratch root with dpkg -x, and `fcworker -t` run there
# against the installed example configuration, at the paths it names
# (/etc/fcworker, /usr/share/fcworker, /run/fcworker, /var/log/fcworker),
# seen through overlay mounts in a private mount namespace when the test
# runs as root; otherwise a copy of the configuration rewritten to the
# scratch root is tested.
#
# The copy is kept in the build folder (.debian-build, outside t/ so that `prove -r t/` does not find the copy's tests): the first run is a
# clean build, Duktape included (two to five minutes on two busy cores);
# later runs copy what changed and build with `dpkg-buildpackage -nc`, which
# leaves the previous objects in place for make. FCW_DEB_CLEAN=1 (or
# `make clean`) makes the next build a clean one.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use Time::HiRes qw(time);

my $top = FcwTest::top();
for my $tool ('dpkg-buildpackage', 'dh', 'dpkg-checkbuilddeps') {
    plan skip_all => "$tool is missing (Debian packages dpkg-dev and debhelper; contrib/deps.sh installs them)"
        unless system("command -v $tool >/dev/null 2>&1") == 0;
}
plan skip_all => 'needs a git checkout (the package is built from the files git knows)' unless -e "$top/.git";
my $deps = `cd '$top' && dpkg-checkbuilddeps 2>&1`;
plan skip_all => "build dependencies missing: $deps" if $?;

my $dir = FcwTest::tmpdir();
my $keep = FcwTest::build_path('.debian-build');
my $src = "$keep/fcworker";
my $clean = $ENV{FCW_DEB_CLEAN} || !-e "$keep/built";
my @tracked = split /\0/, `cd '$top' && git ls-files -co --exclude-standard -z`;
# the package is configured without dependency tracking (dh passes
# --disable-dependency-tracking): a changed header, or build file, means a
# clean build, or objects built against the old one would be kept
for my $f (grep { /\.h$|^configure\.ac$|^Makefile\.am$|^lib\/duk-config\.sh$/ } @tracked) {
    my @a = stat("$top/$f");
    my @b = stat("$src/$f");
    if (!@b || (@a && $a[9] > $b[9])) {
        $clean = 1;
        last;
    }
}
system('rm', '-rf', $keep) if $clean;
system('mkdir', '-p', $src) == 0 or die "mkdir $src";
# dh skips the whole build sequence while its stamp is there
unlink "$keep/built", "$src/debian/debhelper-build-stamp", glob("$keep/*.deb");

# the files git knows, copied when newer; those gone from the tree removed
my @list = @tracked;
my %now = map { $_ => 1 } @list;
my $old = -e "$keep/files" ? FcwTest::read_file("$keep/files") : '';
unlink map { "$src/$_" } grep { !$now{$_} } split /\n/, $old;
open(my $cp, '|-', "cd '$top' && xargs -0 cp -a -u --parents -t '$src'") or die "cp: $!";
print $cp join("\0", @list);
close($cp) or die 'copy failed';
FcwTest::write_file("$keep/files", join("\n", @list) . "\n");

my $t0 = time;
my $nc = $clean ? '' : '-nc';
my $log = `cd '$src' && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b $nc 2>&1`;
my $rc = $? >> 8;
is($rc, 0, "dpkg-buildpackage -us -uc -b $nc builds the package") or diag substr($log, -4000);
diag sprintf('package build (%s): %.0f s', $clean ? 'clean' : 'reusing the last one\'s objects', time - $t0);
FcwTest::write_file("$keep/built", '') if $rc == 0;
my ($deb) = glob("$keep/fcworker_*.deb");
my ($build_deb) = glob("$keep/fcworker-build_*_all.deb");
ok($deb && $build_deb, 'fcworker and fcworker-build packages') or BAIL_OUT('no package built');

my %f = map { $_ => scalar `dpkg-deb -f '$deb' $_` } qw(Depends Built-Using Recommends);
chomp %f;
like($f{Depends}, qr/(?:^|, )libcurl4(?:,|$)/, 'Depends: libcurl4 (loaded with dlopen)');
like($f{Depends}, qr/(?:^|, )libssl3(?:,|$)/, 'Depends: libssl3 (likewise)');
like($f{Depends}, qr/libc6 .*libinih1/, "the linked libraries come from the shared-library scan ($f{Depends})");
unlike($f{Depends}, qr/libfcgi/, 'no libfcgi: the child speaks FastCGI itself');
like($f{'Built-Using'}, qr/^duktape \(= [^)]+\)$/, "Built-Using: $f{'Built-Using'}");
like($f{Recommends}, qr/logrotate/, 'Recommends: logrotate');

my %files = map { s{^\./}{/}r => 1 } map { (split ' ', $_)[5] } split /\n/, `dpkg-deb -c '$deb'`;
for my $want ('/usr/bin/fcworker', '/etc/fcworker/fcworker.ini', '/etc/fcworker/pool.d/www.ini',
              '/usr/share/fcworker/examples/hello.js', '/lib/systemd/system/fcworker.service',
              '/lib/systemd/system/fcworker-www.socket', '/etc/logrotate.d/fcworker',
              '/usr/share/man/man8/fcworker.8.gz', '/usr/share/man/man5/fcworker.ini.5.gz', '/var/log/fcworker/') {
    ok($files{$want}, "the package holds $want");
}
ok(!grep(m{fcworker-build|node_modules}, keys %files), 'fcworker-build is in its own package');
my $conffiles = `dpkg-deb -I '$deb' conffiles`;
like($conffiles, qr{^/etc/fcworker/fcworker\.ini$}m, 'the configuration is a conffile');
like($conffiles, qr{^/etc/fcworker/pool\.d/www\.ini$}m, 'and so is the example pool');
my $postinst = `dpkg-deb -I '$deb' postinst`;
like($postinst, qr/fcworker\.service/, 'postinst enables the service');
my %bfiles = map { s{^\./}{/}r => 1 } map { (split ' ', $_)[5] } split /\n/, `dpkg-deb -c '$build_deb'`;
ok($bfiles{'/usr/bin/fcworker-build'} && $bfiles{'/usr/share/fcworker/fcworker-build/package-lock.json'},
   'fcworker-build holds the tool and its package-lock.json');
like(scalar `dpkg-deb -f '$build_deb' Depends`, qr/nodejs/, 'fcworker-build depends on nodejs');

# installed into a scratch root
my $root = "$dir/root";
system('dpkg', '-x', $deb, $root) == 0 or die 'dpkg -x failed';
my $unit = FcwTest::read_file("$root/lib/systemd/system/fcworker.service");
my ($exec) = $unit =~ /^ExecStart=(\S+)/m;
ok(-x "$root$exec", "the service's ExecStart=$exec is in the package");
my $man = `LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l '$root/usr/share/man/man5/fcworker.ini.5.gz' 2>&1`;
like($man, qr/POOL KEYS/, 'the installed fcworker.ini(5) renders');

my $ns_ok = $> == 0 && system("unshare -m true 2>/dev/null") == 0;
SKIP: {
    skip 'overlay mounts need root and unshare', 3 unless $ns_ok;
    my $sh = join(' && ',
        "mount -t overlay fcw -o lowerdir=$root/etc:/etc /etc",
        "mount -t overlay fcw -o lowerdir=$root/usr/share:/usr/share /usr/share",
        "mount -t overlay fcw -o lowerdir=$root/usr/bin:/usr/bin /usr/bin",
        'mount -t tmpfs fcw /run', 'mkdir /run/fcworker',
        'mount -t tmpfs fcw /var/log', 'mkdir /var/log/fcworker',
        'command -v fcworker', '/usr/bin/fcworker -tt -c /etc/fcworker/fcworker.ini');
    my $out = `unshare -m sh -c '$sh' 2>&1`;
    my $rc2 = $? >> 8;
    if ($out =~ /mount: .*(?:permission denied|unknown filesystem|not permitted)/i) {
        skip "overlay mounts are not allowed here: $out", 3;
    }
    is($rc2, 0, 'fcworker -t passes against the installed example configuration, at its real paths') or diag $out;
    like($out, qr{^listen = /run/fcworker/www\.sock$}m, 'its pool listens on /run/fcworker/www.sock');
    like($out, qr{^script = /usr/share/fcworker/examples/hello\.js$}m, 'and runs the installed example');
}
SKIP: {
    skip 'tested at the real paths', 1 if $ns_ok;
    my $cfg = "$dir/etc";
    mkdir $_ for $cfg, "$cfg/pool.d", "$dir/run", "$dir/log";
    for my $f ('fcworker.ini', 'pool.d/www.ini') {
        my $text = FcwTest::read_file("$root/etc/fcworker/$f");
        $text =~ s{= /usr/share/}{= $root/usr/share/}g;
        $text =~ s{= /run/(fcworker/)?}{= $dir/run/}g;
        $text =~ s{= /var/log/fcworker/}{= $dir/log/}g;
        $text =~ s{^(user|group|listen\.owner|listen\.group) = .*$}{}mg;
        FcwTest::write_file("$cfg/$f", $text);
    }
    my $out = `'$root/usr/bin/fcworker' -t -c '$cfg/fcworker.ini' 2>&1`;
    is($? >> 8, 0, 'fcworker -t passes against the installed example configuration (paths moved into the scratch root)') or diag $out;
}

done_testing();
