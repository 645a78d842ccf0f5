#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Real Workers apps on popular npm packages (t/apps/: hono, zod, itty-router,
# jose, marked, yaml, mustache, cookie, nanoid, uuid, chanfana, ...) built
# with contrib/fcworker-build and served through ONE nginx in front of one
# small pool per app. nginx picks the pool by the Host header (APP.test), so
# every app sees http://APP.test/... as its URL, as in t/apps/node-run.mjs,
# which produced the expectations by running the same sources in Node.
# Each case of t/apps/APP/cases.json is one TAP line "APP: case N: METHOD
# PATH" sent by a real HTTP client; a failure names what differed, and an
# app that does not build or start fails all its cases with the first error.
# Builds are cached by a hash of their inputs (the app's files, the lock
# file, the build tool and its modules) in $FCW_APPS_CACHE or a private
# folder under the temporary directory, so only changed apps are rebuilt.
# An app with a "wrangler" file in its worker.json is served as a Workers
# developer deploys it: its pool section names only that file and the data
# folder the host gives (wrangler.data), fcworker builds its main, and its
# D1 migrations are applied first with `fcworker --d1-migrations`.
# Cases listed in t/apps/todo.txt are TODO: expected to fail for the reason
# given there.
# Node.js, npm and nginx are required: without them the test fails.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Frontends;
use Digest::SHA;
use Encode qw(encode_utf8);
use File::Find;
use File::Spec;
use IO::Uncompress::Gunzip qw(gunzip $GunzipError);
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(time);

my $started = time;
my $top = FcwTest::top();
my $apps_dir = "$top/t/apps";
my $tool_dir = "$top/contrib/fcworker-build";
my $dir = Frontends::prefix();
my $json = JSON::PP->new->utf8->canonical->allow_nonref;
my $n = 0;
my $failed = 0;

END { print "1..$n\n" if $n }

sub tap {
    my ($ok, $name, $todo, @diag) = @_;
    $n++;
    $failed++ unless $ok || defined $todo;
    print(($ok ? 'ok' : 'not ok') . " $n - $name" . (defined $todo ? " # TODO $todo" : '') . "\n");
    if (!$ok) {
        print "# $_\n" for map { split /\n/ } grep { defined } @diag;
    }
    return $ok;
}

# Runs a command in $cwd with its output in $log; returns (status, output).
sub run_logged {
    my ($cwd, $log, @cmd) = @_;
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        chdir $cwd or POSIX::_exit(126);
        open STDIN, '<', '/dev/null';
        open STDOUT, '>', $log;
        open STDERR, '>&', \*STDOUT;
        exec(@cmd) or POSIX::_exit(127);
    }
    waitpid($pid, 0);
    return ($?, FcwTest::read_file($log));
}

# A folder npm can install into: itself, or a copy when it is read-only.
sub writable_folder {
    my ($from, $name) = @_;
    return $from if -w $from;
    my ($rc, $out) = run_logged($top, "$dir/cp.log", 'cp', '-R', $from, "$dir/$name");
    die "cp -R $from: $out" if $rc != 0;
    return "$dir/$name";
}

# ---- node, npm, nginx and the packages
my ($node_rc, $node_out) = run_logged($top, "$dir/node.log", 'node', '--version');
my ($npm_rc, $npm_out) = run_logged($top, "$dir/npm.log", 'npm', '--version');
tap($node_rc == 0 && $npm_rc == 0, 'node and npm are installed', undef, $node_out, $npm_out) or exit 1;
tap(-x '/usr/sbin/nginx', 'nginx is installed', undef, 'apt-get install nginx') or exit 1;
for my $folder ([ \$tool_dir, 'contrib/fcworker-build', 'fcworker-build' ], [ \$apps_dir, 't/apps', 'apps' ]) {
    my ($ref, $label, $copy) = @$folder;
    if (-d "$$ref/node_modules") {
        # installed before package.json gained a package (npm ci is not run
        # here on an existing node_modules: it may be another tree's)
        my $pkg = FcwTest::read_file("$$ref/package.json");
        my ($deps) = $pkg =~ /"dependencies"\s*:\s*\{([^}]*)\}/;
        my @missing = grep { !-e "$$ref/node_modules/$_/package.json" } ($deps // '') =~ /"([^"]+)"\s*:/g;
        tap(!@missing, "$label/node_modules has the packages of package.json", undef,
            "missing: @missing; run `npm ci` in $label") or exit 1 if @missing;
        next;
    }
    $$ref = writable_folder($$ref, $copy);
    my ($rc, $out) = run_logged($$ref, "$dir/npm-ci.log", 'npm', 'ci', '--no-audit', '--no-fund', '--loglevel=error');
    tap($rc == 0, "npm ci in $label", undef, $out) or exit 1;
}
my $tool = "$tool_dir/fcworker-build";

# ---- the apps, their cases and the TODO list
my @apps = sort map { m{([^/]+)/worker\.json$} } glob "$apps_dir/*/worker.json";
@apps = grep { my $a = $_; grep { $_ eq $a } split /[ ,]+/, $ENV{FCW_APPS} } @apps if $ENV{FCW_APPS};
my (%meta, %cases, %todo);
for my $app (@apps) {
    $meta{$app} = $json->decode(FcwTest::read_file("$apps_dir/$app/worker.json"));
    $cases{$app} = $json->decode(FcwTest::read_file("$apps_dir/$app/cases.json"));
}
# todo.txt: "APP[:CASE,CASE...] reason" per line; # starts a comment
for my $line (split /\n/, FcwTest::read_file("$apps_dir/todo.txt")) {
    next if $line =~ /^\s*(#|$)/;
    my ($what, $why) = $line =~ /^(\S+)\s+(.*)$/ or next;
    my ($app, $list) = split /:/, $what, 2;
    my @which = defined $list ? split(/,/, $list) : (0 .. $#{ $cases{$app} || [] });
    $todo{$app}{$_} = $why for @which;
}

# ---- the expectations still hold in Node (they were produced there)
{
    local $ENV{FCW_TOOL_DIR} = $tool_dir;
    my ($rc, $out) = run_logged($apps_dir, "$dir/node-run.log", 'node', "$apps_dir/node-run.mjs", @apps);
    my ($tally) = $out =~ /^(\d+ passed, \d+ failed)$/m;
    tap($rc == 0, 'node-run.mjs: the cases pass in Node (' . ($tally // 'no tally') . ')', undef,
        grep { /^(not ok|#)/ } split /\n/, $out);
}

# ---- builds, cached by the hash of their inputs, two at a time
sub cache_folder {
    my $cache = $ENV{FCW_APPS_CACHE} // File::Spec->tmpdir() . "/fcworker-apps-cache-$>";
    mkdir $cache, 0700;
    my @st = lstat $cache;
    # only a real folder of ours that nobody else can write to
    return (@st && -d _ && !-l $cache && $st[4] == $> && !($st[2] & 022)) ? $cache : undef;
}

sub inputs_hash {
    my ($app) = @_;
    my $sha = Digest::SHA->new(256);
    my @files;
    find({ no_chdir => 1, wanted => sub {
        if (-d $_ && m{/node_modules$}) { $File::Find::prune = 1; return }
        push @files, $_ if -f $_ && !m{/cases\.json$};
    } }, "$apps_dir/$app");
    push @files, "$apps_dir/package-lock.json", $tool, "$tool_dir/package-lock.json";
    # the tool's own modules, when it has some
    find({ no_chdir => 1, wanted => sub { push @files, $_ if -f $_ && /\.js$/ } }, "$tool_dir/lib") if -d "$tool_dir/lib";
    for my $f (sort @files) {
        # names relative to their folder: copies of the tree share the cache
        (my $name = $f) =~ s{^\Q$apps_dir\E/|^\Q$tool_dir\E/}{};
        $sha->add("$name\0");
        $sha->addfile($f);
    }
    return $sha->hexdigest;
}

my $cache = cache_folder() // do { mkdir "$dir/cache"; "$dir/cache" };
my (%out, %build_error);
{
    my @queue;
    for my $app (grep { !$meta{$_}{wrangler} } @apps) {
        my $base = "$cache/$app-" . substr(inputs_hash($app), 0, 24);
        $out{$app} = "$base.js";
        next if -s "$base.js" || -e "$base.err";
        push @queue, [ $app, $base ];
    }
    my $jobs = $ENV{FCW_APPS_JOBS} || 2;
    my %running;
    while (@queue || %running) {
        while (@queue && keys %running < $jobs) {
            my ($app, $base) = @{ shift @queue };
            my $pid = fork();
            die "fork: $!" unless defined $pid;
            if ($pid == 0) {
                my $tmp = "$base.$$.tmp.js";
                my ($rc, $log) = run_logged("$apps_dir/$app", "$base.$$.log", $tool, $meta{$app}{entry}, '-o', $tmp);
                # a build error is as deterministic as the output: cache both
                # (but not a crash of the tool)
                if ($rc == 0) {
                    rename $tmp, "$base.js";
                } elsif ($log !~ /internal error/) {
                    rename "$base.$$.log", "$base.err";
                } else {
                    FcwTest::write_file("$dir/build-$app.err", $log);
                }
                unlink $tmp, "$base.$$.log";
                POSIX::_exit(0);
            }
            $running{$pid} = $app;
        }
        my $pid = waitpid(-1, 0);
        delete $running{$pid};
    }
    # entries in use are touched; those unused for 30 days are removed
    utime undef, undef, grep { -e } map { ($out{$_}, $out{$_} =~ s/\.js$/.err/r) } grep { $out{$_} } @apps;
    if (opendir my $dh, $cache) {
        unlink grep { -M $_ > 30 } map { "$cache/$_" } grep { /-[0-9a-f]{24}\.(?:js|err)$/ } readdir $dh;
    }
    for my $app (grep { !$meta{$_}{wrangler} } @apps) {
        next if -s $out{$app};
        (my $err = $out{$app}) =~ s/\.js$/.err/;
        $build_error{$app} = FcwTest::read_file($err) || FcwTest::read_file("$dir/build-$app.err")
            || 'no output and no error';
    }
}
printf "# builds ready after %.1f s (cache %s)\n", time - $started, $cache;

# ---- one pool per built app, then one nginx in front of them
my (%pool, %pool_error);
for my $app (@apps) {
    next if $build_error{$app};
    my $pdir = "$dir/pool-$app";
    mkdir $pdir;
    chmod 0755, $pdir;
    my $p;
    if (my $wrangler = $meta{$app}{wrangler}) {
        # the project as deployed: its Wrangler file, and where its data goes
        local $ENV{FCW_BUILD_TOOL} = $tool;
        mkdir "$pdir/data";
        $p = FcwTest::start_pool(dir => $pdir, name => $app, script => undef, children => 1,
            pool => "listen.mode = 0666\nwrangler.data = $pdir/data\nwrangler = $apps_dir/$app/$wrangler\n");
        if (!defined $p->{exited} && FcwTest::read_file("$apps_dir/$app/$wrangler") =~ /d1_databases/) {
            my ($rc, $out) = run_logged($pdir, "$pdir/migrations.log", FcwTest::fcworker(), FcwTest::root_flag(),
                '-c', $p->{ini}, '--d1-migrations', $app);
            tap(scalar($rc == 0 && $out =~ /migrations? applied/), "$app: fcworker --d1-migrations applies its migrations",
                undef, $out);
        }
    } else {
        $p = FcwTest::start_pool(dir => $pdir, name => $app, script => $out{$app}, children => 1,
            pool => "listen.mode = 0666\n", vars => $meta{$app}{env});
    }
    if (defined $p->{exited}) {
        $pool_error{$app} = $p->log || "exited with status $p->{exited}";
    } else {
        $pool{$app} = $p;
    }
}

my $port = FcwTest::free_port();
my $nginx_dir = "$dir/nginx";
mkdir $nginx_dir;
chmod 0755, $nginx_dir;
my $servers = join '', map { <<"EOF" } sort keys %pool;
    server {
        listen 127.0.0.1:$port;
        server_name $_.test;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_buffering off;
            fastcgi_pass unix:$pool{$_}{sock};
        }
    }
EOF
FcwTest::write_file("$nginx_dir/nginx.conf", <<"EOF");
worker_processes 1;
daemon off;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $nginx_dir/client_body;
    fastcgi_temp_path $nginx_dir/fastcgi;
    proxy_temp_path $nginx_dir/proxy;
    uwsgi_temp_path $nginx_dir/uwsgi;
    scgi_temp_path $nginx_dir/scgi;
    server {
        listen 127.0.0.1:$port default_server;
        return 421;
    }
$servers}
EOF
my $nginx = Frontends::spawn($nginx_dir, '/usr/sbin/nginx', '-p', "$nginx_dir/", '-c', "$nginx_dir/nginx.conf");
END { if ($nginx) { kill 'TERM', $nginx; waitpid($nginx, 0) } }
tap(FcwTest::wait_port($port), 'nginx starts in front of ' . scalar(keys %pool) . ' pools', undef,
    FcwTest::read_file("$nginx_dir/error.log"), FcwTest::read_file("$nginx_dir/server.log")) or exit 1;

# ---- the cases
sub headers_of {
    my ($res, $name) = @_;
    return @{ $res->{headers}{$name} || [] };
}

# What is wrong with a response, as a list of messages (empty: it passed).
sub check_case {
    my ($expect, $res) = @_;
    my @bad;
    return ("no response: $res->{error}") if $res->{error};
    my $body = $res->{body};
    if ($expect->{gunzip} && grep { lc $_ eq 'gzip' } headers_of($res, 'content-encoding')) {
        my $plain;
        gunzip(\$body => \$plain) or return ("gunzip: $GunzipError");
        $body = $plain;
    }
    push @bad, "status $res->{status}, expected $expect->{status}"
        if defined $expect->{status} && $res->{status} != $expect->{status};
    for my $h (sort keys %{ $expect->{headers} || {} }) {
        my $want = encode_utf8($expect->{headers}{$h});
        my @got = headers_of($res, $h);
        next if grep { $_ eq $want } @got, join(', ', @got);
        push @bad, "header $h: got '" . join(', ', @got) . "', expected '$want'";
    }
    for my $h (sort keys %{ $expect->{headerMatch} || {} }) {
        my $got = join ', ', headers_of($res, $h);
        push @bad, "header $h: got '$got', expected to match /$expect->{headerMatch}{$h}/"
            unless $got =~ /$expect->{headerMatch}{$h}/;
    }
    for my $h (@{ $expect->{absentHeaders} || [] }) {
        push @bad, "header $h should be absent, got '" . join(', ', headers_of($res, $h)) . "'" if headers_of($res, $h);
    }
    push @bad, "body '$body', expected '" . encode_utf8($expect->{body}) . "'"
        if defined $expect->{body} && $body ne encode_utf8($expect->{body});
    if (defined $expect->{bodyMatch}) {
        my $re = $expect->{bodyMatch};
        push @bad, "body '$body' does not match /$re/" unless Encode::decode_utf8($body) =~ /$re/;
    }
    for my $part (@{ ref $expect->{bodyContains} ? $expect->{bodyContains} : [ $expect->{bodyContains} // () ] }) {
        push @bad, 'body lacks \'' . encode_utf8($part) . "': '$body'" if index($body, encode_utf8($part)) < 0;
    }
    if (exists $expect->{json}) {
        my $got = eval { $json->encode($json->decode($body)) };
        my $want = $json->encode($expect->{json});
        push @bad, 'body ' . ($got // "'$body' (not JSON)") . ", expected $want" if ($got // '') ne $want;
    }
    return map { length > 2000 ? substr($_, 0, 2000) . '...' : $_ } @bad;
}

# {{NAME}} anywhere in a case: what an earlier case's "capture" took (the
# first group of its regular expression on that response's body).
sub substitute {
    my ($case, $captured) = @_;
    my $text = $json->encode($case);
    $text =~ s/\{\{(\w+)\}\}/exists $captured->{$1} ? substr($json->encode($captured->{$1}), 1, -1) : "{{$1}}"/ge;
    return $json->decode($text);
}

# The first line of a log that tells why an app failed.
sub first_error {
    my ($log) = @_;
    my @lines = grep { !/^\[BABEL\] Note/ } split /\n/, $log;
    my ($line) = grep { /error|exception|uncaught|fcworker:/i } @lines;
    return $line // $lines[0] // '';
}

my %summary;
for my $app (@apps) {
    my $cases = $cases{$app};
    my $why = $build_error{$app} ? 'build failed: ' . first_error($build_error{$app})
        : $pool_error{$app} ? 'pool did not start: ' . first_error($pool_error{$app}) : undef;
    my @responses;
    my %captured;
    $summary{$app} = [ 0, scalar @$cases, $why ];
    for my $i (0 .. $#$cases) {
        my $c = substitute($cases->[$i], \%captured);
        my $name = "$app: case $i: $c->{method} $c->{path}" . (defined $c->{body} ? ' (with a body)' : '');
        my $todo = $todo{$app}{$i};
        if (defined $why) {
            push @responses, { status => 0, headers => {}, body => '' };
            tap(0, $name, $todo, $why);
            next;
        }
        my @headers = map { ($_ => $c->{headers}{$_}) } sort keys %{ $c->{headers} || {} };
        if (defined $c->{useCookieFrom}) {
            my $from = $responses[ $c->{useCookieFrom} ] || { headers => {} };
            my @pairs = map { (split /;/, $_, 2)[0] } headers_of($from, 'set-cookie');
            push @headers, Cookie => join('; ', @pairs);
        }
        my $res = Frontends::http($port, method => $c->{method}, path => $c->{path}, host => "$app.test",
            headers => \@headers, body => defined $c->{body} ? encode_utf8($c->{body}) : undef);
        push @responses, $res;
        for my $name (sort keys %{ $c->{capture} || {} }) {
            my $re = $c->{capture}{$name};
            $captured{$name} = $1 if !$res->{error} && Encode::decode_utf8($res->{body}) =~ /$re/;
        }
        my @bad = check_case($c->{expect} || {}, $res);
        $summary{$app}[0]++ unless @bad;
        tap(!@bad, $name, $todo, @bad);
    }
    if ($pool{$app}) {
        my $errors = join "\n", grep { /ERROR|WARNING|uncaught/ } split /\n/, $pool{$app}->log;
        print "# $app: the pool's log has errors:\n" . join('', map { "#   $_\n" } split /\n/, $errors) if $errors ne '';
    }
}
$_->stop for values %pool;

print "# apps: cases passing\n";
for my $app (@apps) {
    my ($ok, $all, $why) = @{ $summary{$app} };
    printf "#   %-16s %2d/%-2d%s\n", $app, $ok, $all, defined $why ? "  $why" : '';
}
printf "# %d apps in %.1f s\n", scalar @apps, time - $started;
