#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The configuration's layout: include = PATTERN (sorted, relative to the
# including file, loops refused, unreadable files named), sections and keys
# written twice (both places named), and fcworker -tt, whose output is the
# effective configuration in INI syntax that reads back to itself.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $dir = FcwTest::tmpdir();
my $fcw = FcwTest::fcworker();
my @root = FcwTest::root_flag();
my $script = FcwTest::write_file("$dir/w.js", "export default { fetch: function () { return new Response('x'); } };\n");
mkdir "$dir/$_" or die for qw(pool.d other public kv);

sub run {
    my ($args) = @_;
    my $out = `'$fcw' @root $args 2>$dir/stderr`;
    return ($? >> 8, $out, FcwTest::read_file("$dir/stderr"));
}

sub pool {
    my ($name, $extra) = @_;
    return "[pool:$name]\nlisten = $dir/$name.sock\nscript = ../w.js\n" . ($extra // '');
}

# --- include
my $main = FcwTest::write_file("$dir/main.ini",
    "[global]\nlog_level = info\ninclude = pool.d/*.ini\ninclude = nothing.d/*.ini\n");
FcwTest::write_file("$dir/pool.d/b.ini", pool('b'));
FcwTest::write_file("$dir/pool.d/a.ini", pool('a', "  pm.max_children = 3\n"));
FcwTest::write_file("$dir/pool.d/a.ini.disabled", pool('c'));
my ($rc, $out, $err) = run("-tt -c '$main'");
is($rc, 0, 'a file including pool.d/*.ini passes -t') or diag $err;
like($err, qr/\(2 pools\)/, 'both pools, not the .disabled file');
my @pools = $out =~ /^\[pool:(\w+)\]$/mg;
is_deeply(\@pools, [ 'a', 'b' ], 'read in sorted order');
like($out, qr{^script = \Q$dir\E/pool\.d/\.\./w\.js$}m, "a pool's relative script is taken from its own file's folder");
like($out, qr/^\[pool:a\]\n(?:.*\n)*?pm\.max_children = 3$/m, 'an indented key is a key');

FcwTest::write_file("$dir/pool.d/c.ini", "include = ../main.ini\n");
($rc, $out, $err) = run("-t -c '$main'");
is($rc, 1, 'an include loop is refused');
like($err, qr{^\Q$dir\E/pool\.d/c\.ini:1: include loop: \Q$dir\E/pool\.d/\.\./main\.ini is already being read}m, 'naming both files') or diag $err;

FcwTest::write_file("$dir/pool.d/c.ini", "include = c.ini\n");
($rc, $out, $err) = run("-t -c '$main'");
like($err, qr{c\.ini:1: include loop}, 'a file including itself too');
unlink "$dir/pool.d/c.ini";

symlink("$dir/no-such.ini", "$dir/pool.d/c.ini") or die;
($rc, $out, $err) = run("-t -c '$main'");
is($rc, 1, 'an included file that cannot be opened is an error');
like($err, qr{^\Q$dir\E/main\.ini:3: include: \Q$dir\E/pool\.d/c\.ini: cannot open: No such file}m, 'naming it') or diag $err;
unlink "$dir/pool.d/c.ini";
mkdir "$dir/pool.d/d.ini" or die;
($rc, $out, $err) = run("-t -c '$main'");
like($err, qr{include: \Q$dir\E/pool\.d/d\.ini: cannot open: not a file}, 'a folder matching the pattern is named too') or diag $err;
rmdir "$dir/pool.d/d.ini";
SKIP: {
    skip 'root reads any file', 2 if $> == 0;
    FcwTest::write_file("$dir/pool.d/c.ini", pool('c'));
    chmod 0, "$dir/pool.d/c.ini";
    ($rc, $out, $err) = run("-t -c '$main'");
    is($rc, 1, 'an unreadable included file is an error');
    like($err, qr{include: \Q$dir\E/pool\.d/c\.ini: cannot open: Permission denied}, 'naming it');
    unlink "$dir/pool.d/c.ini";
}
my $plain = FcwTest::write_file("$dir/plain.ini", "include = other/missing.ini\n" . pool('a'));
($rc, $out, $err) = run("-t -c '$plain'");
like($err, qr{plain\.ini:1: include: \Q$dir\E/other/missing\.ini: cannot open: No such file}, 'a plain path that does not exist is an error');
my $inpool = FcwTest::write_file("$dir/inpool.ini", pool('a', "include = pool.d/*.ini\n"));
($rc, $out, $err) = run("-t -c '$inpool'");
like($err, qr{inpool\.ini:4: unknown key "include" in \[pool:a\]}, 'include belongs to [global] or the top of a file');
my $outside = FcwTest::write_file("$dir/outside.ini", "listen = 9000\n" . pool('a'));
($rc, $out, $err) = run("-t -c '$outside'");
like($err, qr{outside\.ini:1: "listen" is outside a section}, 'a key above every section says so');

# --- written twice
FcwTest::write_file("$dir/pool.d/c.ini", pool('a'));
($rc, $out, $err) = run("-t -c '$main'");
is($rc, 1, 'a pool defined in two files is refused');
like($err, qr{^\Q$dir\E/pool\.d/c\.ini:1: \[pool:a\] is defined twice: first at \Q$dir\E/pool\.d/a\.ini:1$}m, 'naming both places') or diag $err;
unlink "$dir/pool.d/c.ini";
my $twice = FcwTest::write_file("$dir/twice.ini", "[global]\n" . pool('a', "pm.max_children = 2\n\npm.max_children = 4\n"));
($rc, $out, $err) = run("-t -c '$twice'");
like($err, qr{^\Q$dir\E/twice\.ini:7: "pm\.max_children" is set twice in \[pool:a\]: first at \Q$dir\E/twice\.ini:5$}m, 'a key set twice names both lines') or diag $err;
$twice = FcwTest::write_file("$dir/twice.ini", pool('a') . "[pool:a.vars]\nX = 1\nX = 2\n");
($rc, $out, $err) = run("-t -c '$twice'");
like($err, qr{twice\.ini:6: "X" is set twice in \[pool:a\.vars\]: first at \S+twice\.ini:5}, 'so is a variable');
$twice = FcwTest::write_file("$dir/twice.ini", "[global]\n[pool:a]\nlisten=$dir/a.sock\nscript=w.js\n[global]\nlog_level = debug\n");
($rc, $out, $err) = run("-t -c '$twice'");
like($err, qr{twice\.ini:5: \[global\] is defined twice: first at \S+twice\.ini:1}, 'and [global]');

# --- -tt: every key, reading back to the same configuration
FcwTest::write_file("$dir/wrangler.toml", "[vars]\nFROM_WRANGLER = \"w\"\nOVERRIDDEN = \"old\"\n");
my $rich = FcwTest::write_file("$dir/rich.ini", <<"EOF2");
[global]
error_log = $dir/error.log
process_control_timeout = 90s

[pool:app]
listen = 127.0.0.1:9123
script = w.js
wrangler = wrangler.toml
pm = dynamic
pm.max_children = 8
pm.max_spare_servers = 5
limits.cpu_ms = 250
limits.body_max = 1536k
limits.memory_mb = 64
fetch.timeout = 90
fetch.allow = 127.0.0.1:6379, api.internal
request_slowlog_timeout = 1500ms
kv.CACHE = kv
kv.CACHE.timeout = 2s
kv.REMOTE = redis://127.0.0.1:6379/2
kv.REMOTE.namespace = other
d1.DB = kv/app.sqlite3
service.AUTH = auth
json.LIMITS = {"max": [1, 2]}
assets.directory = public
assets.binding = ASSETS
assets.not_found_handling = 404-page
triggers.crons = */5 * * * *, 0 0 * * MON
build = off

[pool:app.vars]
GREETING = hello world
OVERRIDDEN = new

[pool:auth]
listen = $dir/auth.sock
root = other
pm = ondemand
EOF2
($rc, my $first, $err) = run("-tt -c '$rich'");
is($rc, 0, '-tt passes on a file using every kind of key') or diag $err;
my $copy = FcwTest::write_file("$dir/other/copy.ini", $first);
($rc, my $second, $err) = run("-tt -c '$copy'");
is($rc, 0, 'its output passes -t in another folder') or diag $err;
s/^;.*effective configuration.*\n//m for $first, $second;
is($second, $first, 'and reads back to the same configuration');
my %expect = (
    'process_control_timeout' => '90s', 'pm.start_servers' => '3', 'pm.min_spare_servers' => '1',
    'limits.body_max' => '1536k', 'limits.memory_mb' => '64', 'fetch.timeout' => '90s',
    'request_slowlog_timeout' => '1500ms', 'request_terminate_timeout' => '35s', 'listen.mode' => '0660',
    'kv.CACHE' => "sqlite:$dir/kv", 'kv.CACHE.namespace' => 'CACHE', 'kv.CACHE.timeout' => '2000ms',
    'kv.REMOTE.namespace' => 'other', 'd1.DB' => "$dir/kv/app.sqlite3", 'assets.directory' => "$dir/public",
    'assets.html_handling' => 'auto-trailing-slash', 'triggers.crons' => '*/5 * * * *, 0 0 * * MON',
    'json.LIMITS' => '{"max": [1, 2]}', 'build' => 'off', 'security.limit_extensions' => '.sjs',
    'ping.response' => 'pong', 'fetch.deny_private' => 'yes', 'log_level' => 'notice',
);
for my $k (sort keys %expect) {
    like($first, qr/^\Q$k\E = \Q$expect{$k}\E$/m, "$k = $expect{$k}");
}
like($first, qr/^;pid =$/m, 'an unset key is a comment');
like($first, qr/^\[pool:app\.vars\]\n(?:.+\n)*FROM_WRANGLER = w$/m, "the Wrangler file's variables are written out");
like($first, qr/^OVERRIDDEN = new$/m, 'the overriding value');
unlike($first, qr/OVERRIDDEN = old|^wrangler =/m, 'not the overridden one, nor the wrangler key');
like($first, qr/^\[pool:auth\]\n(?:.+\n)*root = \Q$dir\E\/other$/m, 'a root pool');
my @keys = $first =~ /^;?([a-z][\w.]*) =/mg;
my %count;
$count{$_}++ for @keys;
is($count{'listen.backlog'}, 2, 'every directive is written for every pool');
is(scalar(grep { !/^(?:kv|d1|json|service|assets)\./ && $count{$_} != 2 && $_ !~ /^(?:error_log|log_format|log_level|pid|process_control_timeout)$/ } keys %count), 0, 'pool keys appear once per pool');

done_testing();
