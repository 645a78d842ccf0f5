#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The configuration loader: a good file passes `fcworker -t`; each kind of
# bad line stops it with "file:line: message" and exit status 1.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

my $dir = FcwTest::tmpdir();
my $script = FcwTest::write_file("$dir/w.js", "export default { fetch: function () { return new Response('x'); } };\n");
my $good = "[global]\nerror_log = stderr\nlog_level = notice\n\n[pool:a]\nlisten = $dir/a.sock\nscript = $script\n"
    . "pm = dynamic\npm.max_children = 4\npm.min_spare_servers = 1\npm.max_spare_servers = 3\n"
    . "limits.body_max = 2m\nlimits.cpu_ms = 50\nrequest_terminate_timeout = 30s\n"
    . "\n[pool:a.vars]\nGREETING = hi\n";

sub check {
    my ($text, @flags) = @_;
    @flags = FcwTest::root_flag() unless @flags;
    my $file = FcwTest::write_file("$dir/test.ini", $text);
    my $out = `'${\FcwTest::fcworker()}' @flags -t -c '$file' 2>&1`;
    return ($? >> 8, $out);
}

my ($rc, $out) = check($good);
is($rc, 0, 'a good file passes -t') or diag $out;
like($out, qr/test is successful/, '-t says so');

my @bad = (
    [ "[global]\nlog_level = loud\n[pool:a]\nlisten = $dir/a.sock\nscript = $script\n", 2, qr/log_level: expected error, warning/ ],
    [ "[global]\n[pool:a]\nlisten = $dir/a.sock\nscript = $script\npm.max_chidlren = 4\n", 5, qr/unknown key "pm.max_chidlren" in \[pool:a\]/ ],
    [ "[global]\n[pool:a]\nlisten = $dir/a.sock\nscript = $script\npm = sometimes\n", 5, qr/pm: expected static, dynamic or ondemand/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nlimits.body_max = 12q\n", 4, qr/limits.body_max: expected a size/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\npm.max_children = -3\n", 4, qr/pm.max_children: expected a non-negative number/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nrequest_terminate_timeout = 5 minutes\n", 4, qr/expected a duration/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nlisten.mode = 999\n", 4, qr/expected an octal mode/ ],
    [ "[global]\n\n[server]\nlisten = x\n", 4, qr/unknown section \[server\]/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nthis line has no equals sign\n", 3, qr/syntax error/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\n[pool:a.env]\nX = 1\n", 5, qr/unknown section \[pool:a.env\]/ ],
);
for my $case (@bad) {
    my ($text, $line, $re) = @$case;
    ($rc, $out) = check($text);
    is($rc, 1, "exit 1 for: " . ($re =~ s/\(\?\^:|\)$//gr));
    like($out, qr/^\Q$dir\E\/test\.ini:$line: /m, "names file:line $line") or diag $out;
    like($out, $re, 'says what is wrong') or diag $out;
}

my @whole = (
    [ "[pool:a]\nscript = $script\n", qr/test\.ini:1: \[pool:a\]: no listen address/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\n", qr/set exactly one of script = FILE or root = DIR/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nroot = $dir\n", qr/set exactly one of script/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\npm = dynamic\npm.max_children = 2\npm.max_spare_servers = 5\n",
      qr/pm.max_spare_servers \(5\) is above pm.max_children \(2\)/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\n[pool:b]\nlisten = $dir/a.sock\nscript = $script\n",
      qr/test\.ini:4: \[pool:b\]: listen .* is already used by pool a/ ],
    [ "[global]\nerror_log = stderr\n", qr/no \[pool:NAME\] section/ ],
);
for my $case (@whole) {
    ($rc, $out) = check($case->[0]);
    is($rc, 1, 'whole-file check fails');
    like($out, $case->[1], 'with the reason') or diag $out;
}

# the worker script itself is checked: a syntax error names the script's line
my $broken = FcwTest::write_file("$dir/broken.js", "var a = 1;\n\nfunction (\n");
($rc, $out) = check("[pool:a]\nlisten = $dir/a.sock\nscript = $broken\n");
is($rc, 1, 'a script with a syntax error fails -t');
like($out, qr/\Q$broken\E:3: SyntaxError/, 'naming the script and line') or diag $out;

my $throws = FcwTest::write_file("$dir/throws.js", "var x = 1;\nnull.boom;\n");
($rc, $out) = check("[pool:a]\nlisten = $dir/a.sock\nscript = $throws\n");
is($rc, 1, 'a script that throws at the top level fails -t');
like($out, qr/\Q$throws\E:2: TypeError/, 'naming its line') or diag $out;

my $nohandler = FcwTest::write_file("$dir/nohandler.js", "var x = 1;\n");
($rc, $out) = check("[pool:a]\nlisten = $dir/a.sock\nscript = $nohandler\n");
is($rc, 1, 'a script without a fetch handler fails -t');
like($out, qr/no fetch handler/, 'saying so');

my $named = FcwTest::write_file("$dir/named.js", "var x = 1;\nexport const y = 2;\n");
($rc, $out) = check("[pool:a]\nlisten = $dir/a.sock\nscript = $named\n");
like($out, qr/named\.js:2: only 'export default' is supported/, 'a named export is refused with its line');

($rc, $out) = check("[pool:a]\nlisten = $dir/a.sock\nscript = $dir/missing.js\n");
is($rc, 1, 'a missing script fails -t');
like($out, qr/missing\.js: cannot open/, 'saying it cannot be opened');

# what can only fail at run time is checked by -t too
my $pool_a = "[pool:a]\nlisten = $dir/a.sock\nscript = $script\n";
my @runtime = (
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nuser = no-such-user-fcw\n", qr/\[pool:a\]: user no-such-user-fcw does not exist/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nuser = nobody\ngroup = no-such-group-fcw\n", qr/group no-such-group-fcw does not exist/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nlisten.owner = no-such-user-fcw\n", qr/user no-such-user-fcw does not exist/ ],
    [ "[pool:a]\nlisten = $dir/a.sock\nscript = $script\nlisten.group = no-such-group-fcw\n", qr/group no-such-group-fcw does not exist/ ],
    [ "[pool:a]\nlisten = $dir/no-such-dir/a.sock\nscript = $script\n", qr/the directory \S+no-such-dir does not exist/ ],
    [ "[pool:a]\nlisten = 127.0.0.1:99999\nscript = $script\n", qr/the port must be a number from 1 to 65535/ ],
    [ "[pool:a]\nlisten = 127.0.0.1:9x\nscript = $script\n", qr/the port must be a number/ ],
    [ "[pool:a]\nlisten = 127.0.0.1:9000\nlisten.allowed_clients = 127.0.0.1, 1.2.3.4.5\nscript = $script\n",
      qr/listen.allowed_clients: 1\.2\.3\.4\.5 is not an IP address/ ],
    [ "[global]\nerror_log = $dir/no-such-dir/error.log\n$pool_a", qr/error_log \S+: cannot create it in/ ],
    [ "${pool_a}fetch.allow = 10.0.0.0/8, api.internal:8080, 10.0.0.0/99\n", qr/fetch.allow: "10.0.0.0\/99" is not a host\[:port\]/ ],
    [ "${pool_a}access.log = $dir/no-such-dir/access.log\n", qr/\[pool:a\]: access.log \S+: cannot create it in/ ],
);
for my $case (@runtime) {
    ($rc, $out) = check($case->[0]);
    is($rc, 1, '-t fails for what would fail at run time');
    like($out, $case->[1], 'and names it') or diag $out;
}
SKIP: {
    skip 'the checks of root and of the pool user need root', 4 unless $> == 0;
    ($rc, $out) = check($pool_a, '');
    is($rc, 1, 'as root, a pool without user = is refused');
    like($out, qr/\[pool:a\]: its children would run as root: set user = NAME \(or start fcworker with -R/, 'saying how to allow it');
    # a script only root can read passes as root, but not as the pool's user
    my $private = FcwTest::write_file("$dir/private.js", "export default { fetch: function () { return new Response('x'); } };\n");
    chmod 0600, $private;
    chmod 0755, $dir;
    ($rc, $out) = check("[pool:a]\nlisten = $dir/a.sock\nscript = $private\nuser = nobody\n");
    is($rc, 1, 'a script the pool user cannot read fails -t (checked as that user)');
    like($out, qr/private\.js: cannot open/, 'saying it cannot be opened') or diag $out;
}

# the example configuration of the repository (etc/, installed under
# sysconfdir), with its system paths moved into the test's folder
{
    my $top = FcwTest::top();
    my $ex = "$dir/example";
    mkdir $_ or die "$_: $!" for $ex, "$ex/pool.d", "$ex/run", "$ex/log", "$ex/examples";
    # the example script copied where the pool's user can read it (a clone
    # under /root cannot be read by www-data)
    FcwTest::write_file("$ex/examples/hello.js", FcwTest::read_file("$top/contrib/examples/hello.js"));
    chmod 0755, $dir, $ex, "$ex/examples";
    chmod 0644, "$ex/examples/hello.js";
    for my $f ('fcworker.ini', 'pool.d/www.ini') {
        my $text = FcwTest::read_file("$top/etc/$f");
        unlike($text, qr{/tmp/|/work/|\.\./}, "etc/$f names no test or source-tree path");
        $text =~ s{= /usr/share/fcworker/examples/}{= $ex/examples/}g;
        $text =~ s{= /run/(fcworker/)?}{= $ex/run/}g;
        $text =~ s{= /var/log/fcworker/}{= $ex/log/}g;
        $text =~ s{^(user|group|listen\.owner|listen\.group) = .*$}{}mg unless $> == 0;
        FcwTest::write_file("$ex/$f", $text);
    }
    my $out2 = `'${\FcwTest::fcworker()}' @{[FcwTest::root_flag()]} -t -c '$ex/fcworker.ini' 2>&1`;
    is($? >> 8, 0, 'the example configuration passes -t') or diag $out2;
    like($out2, qr/\(1 pool\)/, 'its pool comes from pool.d/www.ini');
}

done_testing();
