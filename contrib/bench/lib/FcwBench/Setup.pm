# SPDX-License-Identifier: MIT
# What contrib/bench/run needs before the rows: Debian packages (installed
# with apt-get when it runs as root), the bare libfcgi responder, workerd
# from npm (the version pinned in contrib/bench/workerd) and the real-app
# bundles: contrib/bench/apps' npm packages installed into a cache
# directory, every app built with contrib/fcworker-build (the bundle
# fcworker runs, and with --portable the one workerd runs) and with esbuild
# for Node, and a Redis server
# on a Unix socket for the KV rows. Each function that can fail for one
# peer returns undef and the reason, so that its rows show n/a.
package FcwBench::Setup;
use strict;
use warnings;
use Digest::SHA qw(sha256_hex);
use Exporter qw(import);
use File::Copy qw(copy);
use File::Path qw(make_path);
use POSIX ();
use FcwBench::Util;

our @EXPORT = qw(install_packages build_bare_responder install_workerd build_apps start_redis cache_dir);

our @APPS = qw(api jsx proxy bindings basic);

sub cache_dir {
    return $ENV{BENCH_CACHE} || (($ENV{XDG_CACHE_HOME} || ($ENV{HOME} || '/tmp') . '/.cache') . '/fcworker-bench');
}

# @$packages: [Debian package, a file that shows it is installed].
sub install_packages {
    my ($packages) = @_;
    my @missing = map { $_->[0] } grep { !-e $_->[1] } @$packages;
    return unless @missing;
    if ($> != 0) {
        die "contrib/bench/run needs these Debian packages: @missing\n"
            . "run it as root (it installs them), or: sudo apt-get install --no-install-recommends @missing\n";
    }
    progress("installing @missing");
    local $ENV{DEBIAN_FRONTEND} = 'noninteractive';
    # the php-fpm, nginx and redis packages must not start system services
    my $policy = '/usr/sbin/policy-rc.d';
    my $added = !-e $policy && write_file($policy, "#!/bin/sh\nexit 101\n") && chmod(0755, $policy);
    my $ok = system('apt-get', 'update', '-qq') == 0
        && system('apt-get', 'install', '-y', '-qq', '--no-install-recommends', @missing) == 0;
    unlink $policy if $added;
    $ok or die "apt-get install @missing failed\n";
}

sub build_bare_responder {
    my ($bench, $prefix) = @_;
    my $out = "$prefix/bare-responder";
    system('cc', '-O2', '-Wall', '-Wextra', '-o', $out, "$bench/bare-responder.c", '-lfcgi') == 0
        or die "cannot build contrib/bench/bare-responder.c\n";
    return $out;
}

sub have_npm { system('sh', '-c', 'command -v npm >/dev/null && command -v node >/dev/null') == 0 }

# npm packages of $src (package.json, package-lock.json, .npmrc) installed
# once into a cache directory named after the lock file's hash.
sub npm_install_cached {
    my ($src, $name) = @_;
    my $lock = read_file("$src/package-lock.json");
    my $dir = cache_dir() . "/$name-" . substr(sha256_hex($lock), 0, 16);
    return ($dir, undef) if -e "$dir/.installed";
    have_npm() or return (undef, 'node or npm is not installed');
    eval { make_path($dir); 1 } or return (undef, "cannot create $dir");
    for my $file (qw(package.json package-lock.json .npmrc)) {
        copy("$src/$file", "$dir/$file") or return (undef, "cannot copy $file into $dir: $!");
    }
    progress("installing $name from npm into $dir");
    # Not `npm ci`: npm 11 leaves other platforms' optional packages out of
    # the lock file and then calls it out of sync.
    system("cd '$dir' && npm install --ignore-scripts --no-audit --no-fund >npm.log 2>&1") == 0
        or return (undef, "npm install failed (see $dir/npm.log)");
    write_file("$dir/.installed", '');
    return ($dir, undef);
}

# workerd's binary, or undef and why it cannot run here.
sub install_workerd {
    my ($bench) = @_;
    my %arch = (x86_64 => 'linux-64', aarch64 => 'linux-arm64');
    my $machine = (POSIX::uname())[4];
    my $platform = $arch{$machine} or return (undef, "workerd ships no binary for $machine");
    my ($dir, $why) = npm_install_cached("$bench/workerd", 'workerd');
    return (undef, $why) unless $dir;
    # The platform package already holds the binary: its install script is not needed.
    my $bin = "$dir/node_modules/\@cloudflare/workerd-$platform/bin/workerd";
    -x $bin or return (undef, "the npm package has no binary at $bin");
    my $version = `'$bin' --version 2>&1`;
    return (undef, "workerd does not run here: " . first_line($version)) if $? != 0;
    progress('using ' . first_line($version));
    return ($bin, undef);
}

# Builds every app of contrib/bench/apps into $prefix/apps/dist, with the
# build tool in $tool (default contrib/fcworker-build). Returns
# { APP => { fcworker => path, workerd => path, workerd_native => path,
# node => path, *_na => why } }
# and, when nothing could be built, undef and the reason.
sub build_apps {
    my ($top, $prefix, $tool) = @_;
    my $src = "$top/contrib/bench/apps";
    $tool ||= "$top/contrib/fcworker-build";
    my ($modules, $why) = npm_install_cached($src, 'apps');
    return (undef, $why) unless $modules;
    if (!-d "$tool/node_modules") {
        $> == 0 or return (undef, "contrib/fcworker-build has no node_modules (run npm ci there)");
        progress('npm ci in contrib/fcworker-build');
        system("cd '$tool' && npm ci --no-audit --no-fund >/dev/null 2>&1") == 0
            or return (undef, 'npm ci in contrib/fcworker-build failed');
    }
    my $dir = "$prefix/apps";
    make_path("$dir/src", "$dir/dist");
    symlink("$modules/node_modules", "$dir/node_modules") or return (undef, "symlink node_modules: $!");
    for my $f (qw(tsconfig.json node-server.mjs workerd-prelude.js), map { "src/$_" } dir_files("$src/src")) {
        copy("$src/$f", "$dir/$f") or return (undef, "copy $f: $!");
    }
    my $prelude = read_file("$dir/workerd-prelude.js");
    my %apps;
    for my $app (@APPS) {
        my ($entry) = grep { -e } map { "$dir/src/$app.$_" } qw(ts tsx);
        my $out = "$dir/dist/$app.js";
        my $log = "$dir/dist/$app.log";
        my %b;
        # workerd gets the same source lowered the same way but for
        # generators and async functions, which stay state machines
        # (--portable): fcworker's default build puts them on its own
        # coroutines, which workerd has not.
        my $portable = "$dir/dist/$app.portable.js";
        if (system("'$tool/fcworker-build' '$entry' -o '$out' >'$log' 2>&1") == 0
            && system("'$tool/fcworker-build' --portable '$entry' -o '$portable' >>'$log' 2>&1") == 0) {
            $b{fcworker} = $out;
            my $code = read_file($portable);
            my %hooks = map { $_ => 1 } $code =~ /\b(__fcw_\w+)/g;
            # __fcw_helpers is used only where it exists (else SWC's own helpers run)
            delete @hooks{qw(__fcw_default __fcw_bigint __fcw_helpers)};
            if (%hooks) {
                $b{workerd_na} = 'the bundle needs fcworker runtime hooks: ' . join(', ', sort keys %hooks);
            } else {
                $b{workerd} = write_file("$dir/dist/$app.workerd.js",
                    ($code =~ /__fcw_bigint/ ? $prelude : '') . $code);
            }
        } else {
            $b{fcworker_na} = $b{workerd_na} = "fcworker-build failed: see $log";
        }
        # workerd on the unlowered code, as `wrangler deploy` would ship it (BENCH_WORKERD_NATIVE)
        my $native = "$dir/dist/$app.native.js";
        if (system("'$tool/node_modules/.bin/esbuild' '$entry' --bundle --format=esm --platform=neutral "
                . "--target=es2022 --conditions=workerd,worker,browser --main-fields=browser,module,main "
                . "--log-level=warning '--outfile=$native' >>'$log' 2>&1") == 0) {
            $b{workerd_native} = $native;
        } else {
            $b{workerd_native_na} = "esbuild failed: see $log";
        }
        my $node = "$dir/dist/$app.node.mjs";
        if (system("'$tool/node_modules/.bin/esbuild' '$entry' --bundle --format=esm --platform=node "
                . "--target=node20 --log-level=warning '--outfile=$node' >>'$log' 2>&1") == 0) {
            $b{node} = $node;
        } else {
            $b{node_na} = "esbuild failed: see $log";
        }
        $apps{$app} = \%b;
    }
    return (\%apps, undef);
}

sub dir_files {
    my ($d) = @_;
    opendir my $dh, $d or return;
    my @f = grep { -f "$d/$_" } readdir $dh;
    closedir $dh;
    return sort @f;
}

# redis-server on a Unix socket under $dir, nothing saved to disk. Returns
# (pid, socket) or (undef, why).
sub start_redis {
    my ($dir) = @_;
    my $bin = '/usr/bin/redis-server';
    -x $bin or return (undef, 'redis-server is not installed');
    make_path($dir);
    my $sock = "$dir/redis.sock";
    my $pid = spawn("$dir/redis.log", undef, $bin, '--port', '0', '--unixsocket', $sock, '--unixsocketperm', '777',
        '--save', '', '--appendonly', 'no', '--dir', $dir, '--daemonize', 'no');
    return ($pid, $sock) if wait_until(sub { -S $sock }, $pid);
    stop_process($pid);
    return (undef, "redis-server did not start (see $dir/redis.log)");
}

1;
