#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Modern JavaScript through the real pool: every worker of t/modern/ (ES
# modules, TypeScript, async/await, an npm package) is built to ES5 with
# contrib/fcworker-build and served by a one-child pool with the bindings of
# its worker.json; its cases.json runs in order, one TAP line per case. Then
# the `build = auto` pool option (the master builds the entry itself, caches
# the output, and `fcworker -t` reports build errors as file:line:column of
# the source), and source maps (an exception in a built TypeScript worker is
# logged at its line in the .ts file). Node.js and npm are required: without
# them the test fails.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Encode qw(encode_utf8);
use IO::Socket::INET;
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

my $top = FcwTest::top();
my $tool_dir = "$top/contrib/fcworker-build";
my $tool = "$tool_dir/fcworker-build";
my $dir = FcwTest::tmpdir();
chmod 0755, $dir; # nginx's worker runs as an unprivileged user
my $json = JSON::PP->new->utf8->canonical->allow_nonref;
my $n = 0;
my @started;

END {
    for my $pid (@started) {
        kill 'TERM', $pid;
        waitpid($pid, 0);
    }
    print "1..$n\n" if $n;
}

sub tap {
    my ($ok, $name, @diag) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - $name\n");
    if (!$ok) {
        print "# $_\n" for map { split /\n/ } grep { defined } @diag;
    }
    return $ok;
}

# Runs a command with its output in a file; returns (exit status, output).
sub run_logged { return FcwTest::run_in($dir, @_) }

# nginx serving a copy of FOLDER as text/plain (404 for anything missing);
# returns its base URL, or undef when it did not start. The copy lives in
# the test's folder, which nginx's unprivileged workers can read even when
# the checkout is somewhere they cannot (such as /root).
sub start_upstream {
    my ($name, $source) = @_;
    my $port = FcwTest::free_port();
    my $prefix = "$dir/nginx-$name";
    mkdir $prefix;
    mkdir "$prefix/tmp";
    my $folder = "$prefix/root";
    system('cp', '-R', $source, $folder) == 0 or die "cp -R $source: $?";
    system('chmod', '-R', 'a+rX', $folder);
    FcwTest::write_file("$prefix/nginx.conf", <<"EOF");
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp;
    types { }
    default_type "text/plain; charset=utf-8";
    server {
        listen 127.0.0.1:$port;
        root $folder;
    }
}
EOF
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDERR, '>>', "$prefix/stderr.log";
        exec('nginx', '-p', $prefix, '-e', "$prefix/error.log", '-c', "$prefix/nginx.conf") or POSIX::_exit(127);
    }
    push @started, $pid;
    return FcwTest::wait_port($port) ? "http://127.0.0.1:$port" : undef;
}

# ---- Node.js, npm and the build tool
my ($node_rc, $node_out) = run_logged($top, 'node', '--version');
my ($npm_rc, $npm_out) = run_logged($top, 'npm', '--version');
unless (tap($node_rc == 0 && $npm_rc == 0, 'node and npm are installed', $node_out, $npm_out)) {
    exit 1;
}
# A folder npm can install into: itself, or a copy when it is read-only
# (as in `make distcheck`).
sub writable_folder {
    my ($from, $name) = @_;
    return $from if -w $from;
    my ($rc, $out) = run_logged($top, 'cp', '-R', $from, "$dir/$name");
    die "cp -R $from: $out" if $rc != 0;
    return "$dir/$name";
}

if (!-d "$tool_dir/node_modules") {
    $tool_dir = writable_folder($tool_dir, 'fcworker-build');
    $tool = "$tool_dir/fcworker-build";
    my ($rc, $out) = run_logged($tool_dir, 'npm', 'ci', '--no-audit', '--no-fund', '--loglevel=error');
    tap($rc == 0, 'npm ci in contrib/fcworker-build', $out) or exit 1;
}

# ---- one request of a case; returns the response and its duration in ms
sub run_case {
    my ($pool, $case, $responses) = @_;
    my %headers = %{ $case->{headers} || {} };
    if (defined $case->{useCookieFrom}) {
        my $from = $responses->[ $case->{useCookieFrom} ] || { headers => {} };
        my @pairs = map { (split /;/, $_, 2)[0] } @{ $from->{headers}{'set-cookie'} || [] };
        $headers{cookie} = join '; ', @pairs;
    }
    my $start = time;
    my $res = $pool->request(method => $case->{method}, uri => $case->{path}, headers => \%headers,
        body => defined $case->{body} ? encode_utf8($case->{body}) : undef);
    return ($res, (time - $start) * 1000);
}

# What is wrong with a response, as a list of messages (empty: it passed).
sub check_case {
    my ($expect, $res, $ms) = @_;
    my @bad;
    push @bad, 'the response is incomplete' if $res->{incomplete};
    if (defined $expect->{status} && $res->{status} != $expect->{status}) {
        push @bad, "status $res->{status}, expected $expect->{status}";
    }
    for my $h (sort keys %{ $expect->{headers} || {} }) {
        my $want = encode_utf8($expect->{headers}{$h});
        my @got = @{ $res->{headers}{$h} || [] };
        next if grep { $_ eq $want } @got, join(', ', @got);
        push @bad, "header $h: got '" . join(', ', @got) . "', expected '$want'";
    }
    if (defined $expect->{body} && $res->{body} ne encode_utf8($expect->{body})) {
        push @bad, "body '$res->{body}', expected '" . encode_utf8($expect->{body}) . "'";
    }
    if (defined $expect->{bodyContains}) {
        my $parts = ref $expect->{bodyContains} ? $expect->{bodyContains} : [ $expect->{bodyContains} ];
        for my $part (map { encode_utf8($_) } @$parts) {
            push @bad, "body lacks '$part'" if index($res->{body}, $part) < 0;
        }
    }
    if (exists $expect->{json}) {
        my $got = eval { $json->encode($json->decode($res->{body})) };
        my $want = $json->encode($expect->{json});
        push @bad, 'body ' . ($got // "'$res->{body}' (not JSON)") . ", expected $want" if ($got // '') ne $want;
    }
    if (defined $expect->{minMs} && $ms < $expect->{minMs}) {
        push @bad, sprintf('took %.0f ms, expected at least %d', $ms, $expect->{minMs});
    }
    return @bad;
}

sub describe_case {
    my ($i, $case) = @_;
    return "$case->{method} $case->{path}" . (defined $case->{body} ? ' (with a body)' : '')
        . (defined $case->{useCookieFrom} ? " (cookie from case $case->{useCookieFrom})" : '');
}

# ---- every app of the corpus
my %summary;
for my $app_dir (sort glob "$top/t/modern/*/") {
    $app_dir =~ s{/$}{};
    my ($app) = $app_dir =~ m{([^/]+)$};
    my $worker = $json->decode(FcwTest::read_file("$app_dir/worker.json"));
    my $cases = $json->decode(FcwTest::read_file("$app_dir/cases.json"));
    $summary{$app} = [ 0, scalar @$cases ];
    if ($worker->{npm}) {
        $app_dir = writable_folder($app_dir, "app-$app");
        my ($rc, $out) = run_logged($app_dir, 'npm', 'ci', '--prefer-offline', '--no-audit', '--no-fund',
            '--loglevel=error');
        tap($rc == 0, "$app: npm ci", $out) or next;
    }
    my $out = "$dir/build/$app/worker.js";
    my ($rc, $log) = run_logged($app_dir, $tool, $worker->{entry}, '-o', $out, '--sourcemap');
    tap($rc == 0 && -s $out && -s "$out.map", "$app: fcworker-build $worker->{entry} --sourcemap", $log) or next;

    my %vars = %{ $worker->{env} || {} };
    if (grep { /\{upstream\}/ } values %vars) {
        my $up = start_upstream($app, "$app_dir/upstream");
        tap(defined $up, "$app: nginx serves upstream/") or next;
        s/\{upstream\}/$up/g for values %vars;
    }
    my $pool = FcwTest::start_pool(dir => "$dir/build/$app", script => $out, children => 1,
        vars => (%vars ? \%vars : undef));
    tap(!defined $pool->{exited}, "$app: the pool starts", $pool->log) or next;
    my @responses;
    for my $i (0 .. $#$cases) {
        my ($res, $ms) = run_case($pool, $cases->[$i], \@responses);
        push @responses, $res;
        my @bad = check_case($cases->[$i]{expect} || {}, $res, $ms);
        $summary{$app}[0]++ unless @bad;
        tap(!@bad, "$app: case $i: " . describe_case($i, $cases->[$i]), @bad);
    }
    my $errors = join "\n", grep { /\[error\]|uncaught|Error/ } split /\n/, $pool->log;
    print "# $app: the log has errors:\n" . join('', map { "#   $_\n" } split /\n/, $errors) if $errors ne '';
    $pool->stop;
}
print "# cases passing: " . join(', ', map { "$_ $summary{$_}[0]/$summary{$_}[1]" } sort keys %summary) . "\n";

# ---- the source-map decoder's unit test, with the runtime's native object
{
    local $ENV{FCW_TEST_NATIVE} = 1;
    my $result = FcwTest::run_js_file("$top/t/js/sourcemap.js");
    for my $e (@{ $result->{events} }) {
        if ($e->[0] eq 'test') {
            tap($e->[1], "sourcemap.js: $e->[2]");
        } else {
            print "# sourcemap.js: $e->[1]\n";
        }
    }
    tap($result->{complete} && grep({ $_->[0] eq 'test' } @{ $result->{events} }) > 0, 'sourcemap.js: ran to its end');
}

# ---- build = auto: the pool builds its TypeScript entry itself

sub copy_tree {
    my ($from, $to) = @_;
    my ($rc, $out) = run_logged($top, 'cp', '-R', $from, $to);
    die "cp $from $to: $out" if $rc != 0;
}

sub wait_ready {
    my ($pool, $secs) = @_;
    my $deadline = time + $secs;
    while (time < $deadline) {
        return 1 if -S $pool->{sock} && eval { $pool->request(uri => '/__fcw_ready_probe'); 1 };
        return 0 unless $pool->alive;
        sleep 0.1;
    }
    return 0;
}

sub wait_log {
    my ($pool, $re, $secs) = @_;
    my $deadline = time + $secs;
    while (time < $deadline) {
        return 1 if $pool->log =~ $re;
        sleep 0.1;
    }
    return 0;
}

my $auto = "$dir/auto";
mkdir $auto;
# the tool, through a wrapper that counts its runs
FcwTest::write_file("$auto/tool", "#!/bin/sh\necho run >> '$auto/tool-runs'\nexec '$tool' \"\$@\"\n");
chmod 0755, "$auto/tool";
$ENV{FCW_BUILD_TOOL} = "$auto/tool";
sub tool_runs { return scalar(() = FcwTest::read_file("$auto/tool-runs") =~ /^run$/mg) }
copy_tree("$top/t/modern/router", "$auto/router");
my $cache = "$auto/cache";
my $auto_pool = "build = auto\nbuild.cache_dir = $cache\n";
{
    my $pool = FcwTest::start_pool(dir => $auto, script => "$auto/router/src/index.ts", children => 1,
        log_level => 'info', pool => $auto_pool, vars => { GREETING => 'Howdy' });
    tap(wait_ready($pool, 120), 'build = auto: the pool builds src/index.ts and starts', $pool->log);
    my @built = glob "$cache/*/index.js";
    tap(@built == 1 && -s "$built[0].map", 'build = auto: the output and its map are in build.cache_dir',
        "found: @built");
    tap(scalar($pool->log =~ /built \S*index\.ts into \Q$cache\E/), 'build = auto: the build is logged', $pool->log);
    tap(scalar($pool->log =~ /script compiled once: \d+ bytes/ && $pool->log !~ /bytecode image not used/),
        'build = auto: the built script is compiled once, the child loads its image', $pool->log);
    tap(tool_runs() == 1, 'build = auto: the tool ran once (the child found the output in the cache)',
        'runs: ' . tool_runs());
    my $cases = $json->decode(FcwTest::read_file("$top/t/modern/router/cases.json"));
    my (@bad, @responses);
    for my $i (0 .. $#$cases) {
        my ($res, $ms) = run_case($pool, $cases->[$i], \@responses);
        push @responses, $res;
        push @bad, map { "case $i: $_" } check_case($cases->[$i]{expect} || {}, $res, $ms);
    }
    tap(!@bad, 'build = auto: the router cases pass on the built output', @bad);

    my $index = FcwTest::read_file("$auto/router/src/index.ts");
    $index =~ s/router ok/router rebuilt/ or die 'the router corpus changed';
    FcwTest::write_file("$auto/router/src/index.ts", $index);
    $pool->signal('HUP');
    wait_log($pool, qr/reloaded/, 120);
    my $deadline = time + 20;
    my $r;
    do { $r = $pool->request(uri => '/'); sleep 0.1 } while ($r->{body} ne "router rebuilt\n" && time < $deadline);
    tap($r->{body} eq "router rebuilt\n", 'build = auto: a reload rebuilds a changed source', "got '$r->{body}'",
        $pool->log);
    tap(scalar(() = glob "$cache/*/index.js") == 2, 'build = auto: the new output has its own hash folder');
    tap(tool_runs() == 2, 'build = auto: the reload ran the tool once', 'runs: ' . tool_runs());
    $pool->stop;

    my ($rc, $out) = run_logged($auto, FcwTest::fcworker(), FcwTest::root_flag(), '-t', '-c', $pool->{ini});
    tap(scalar($rc == 0 && $out =~ /test is successful/), 'build = auto: fcworker -t passes', $out);
    tap(tool_runs() == 2, 'build = auto: an unchanged project is not built again', 'runs: ' . tool_runs());
}

# ---- build errors stop the pool with the source's file:line:column
{
    mkdir "$auto/broken";
    mkdir "$auto/broken/src";
    FcwTest::write_file("$auto/broken/src/index.ts", <<'EOF_TS');
const greeting: string = 'hi';

export default {
  fetch(request: Request): Response {
    return new Response(greeting +);
  },
};
EOF_TS
    my $ini = "$auto/broken.ini";
    FcwTest::write_file($ini, "[global]\nerror_log = $auto/broken.log\n[pool:broken]\nlisten = $auto/broken.sock\n"
        . "script = $auto/broken/src/index.ts\n$auto_pool");
    my ($rc, $out) = run_logged($auto, FcwTest::fcworker(), FcwTest::root_flag(), '-t', '-c', $ini);
    tap(scalar($rc != 0 && $out =~ m{\Q$auto\E/broken/src/index\.ts:5:\d+: }),
        'build error: fcworker -t names index.ts:5:COLUMN', $out);
    my $pool = FcwTest::start_pool(dir => "$auto/broken", script => "$auto/broken/src/index.ts", pool => $auto_pool,
        children => 1);
    tap(scalar($pool->wait_exit(120) && $pool->{status} != 0 && $pool->log =~ m{broken/src/index\.ts:5:\d+}),
        'build error: the pool does not start and logs index.ts:5', $pool->log);

    chmod 0777, $cache;
    ($rc, $out) = run_logged($auto, FcwTest::fcworker(), FcwTest::root_flag(), '-t', '-c', "$auto/fcworker.ini");
    tap(scalar($rc != 0 && $out =~ /no usable build cache/), 'build cache: a folder others can write to is not used', $out);
    chmod 0755, $cache;
}

# ---- source maps: an exception in a built TypeScript worker is logged at
# ---- its line in the .ts file
{
    mkdir "$auto/throws";
    mkdir "$auto/throws/src";
    FcwTest::write_file("$auto/throws/src/index.ts", <<'EOF_TS');
// A worker whose handler throws, for the source-mapped log.
interface Env { MODE?: string }

function explode(where: string): never {
  throw new Error(`boom in ${where}`);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/sync') {
      explode('sync');
    }
    await Promise.resolve();
    if (url.pathname === '/async') {
      throw new TypeError('async failure');
    }
    return new Response('fine\n');
  },
};
EOF_TS
    my $pool = FcwTest::start_pool(dir => "$auto/throws", script => "$auto/throws/src/index.ts", pool => $auto_pool,
        children => 1);
    tap(wait_ready($pool, 120), 'source maps: the throwing worker starts', $pool->log);
    my $r = $pool->request(uri => '/sync');
    tap($r->{status} == 500, 'source maps: the exception gives a 500', "status $r->{status}");
    wait_log($pool, qr/boom in sync/, 5);
    my $log = $pool->log;
    my ($line) = grep { /boom in sync/ } split /\n/, $log;
    $line //= '';
    tap(scalar($line =~ m{at explode \(\Q$auto\E/throws/src/index\.ts:5:1\)}), 'source maps: the throwing frame is index.ts:5',
        $line);
    # (the async body's frame: anonymous, or named after its function once moved out of it)
    tap(scalar($line =~ m{ at (?:_fcw_hoisted_\d+_\w+ \()?\Q$auto\E/throws/src/index\.ts:12:1\b}),
        'source maps: its caller is index.ts:12', $line);
    $r = $pool->request(uri => '/async');
    wait_log($pool, qr/async failure/, 5);
    ($line) = grep { /async failure/ } split /\n/, $pool->log;
    $line //= '';
    tap(scalar($line =~ m{ at (?:_fcw_hoisted_\d+_\w+ \()?\Q$auto\E/throws/src/index\.ts:16:1\b}),
        'source maps: a throw after await in the lowered async function is index.ts:16', $line);
    $pool->stop;
}
