# SPDX-License-Identifier: MIT
package Frontends;
# Helpers for the front-server tests (t/frontends.t, t/spawn-fcgi.t): a free
# loopback port, a test prefix that the servers' unprivileged workers can
# read, config templates filled from contrib/ (@NAME@ placeholders), the
# real servers (Apache, nginx, lighttpd, Caddy) started under that prefix and
# stopped by PID, the worker script the checks talk to, and a small HTTP/1.1
# client that records when each piece of a response arrives.
use strict;
use warnings;
use FcwTest;
use File::Copy qw(copy);
use File::Path qw(make_path);
use IO::Socket::INET;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

$SIG{PIPE} = 'IGNORE';

# A temporary directory whose contents an unprivileged server worker
# (www-data, nobody) can reach when the test runs as root.
sub prefix {
    my $dir = FcwTest::tmpdir();
    chmod 0755, $dir;
    return $dir;
}

sub fill_template {
    my ($in, $out, %vars) = @_;
    my $text = FcwTest::read_file($in);
    die "empty template $in" unless length $text;
    $text =~ s/\@([A-Z_]+)\@/exists $vars{$1} ? $vars{$1} : die "$in: no value for \@$1\@"/ge;
    return FcwTest::write_file($out, $text);
}

# The test document root: contrib/examples/root plus what the checks need:
# secret.sjs outside the root and a symlink to it (403), a symlink with the
# .sjs name to the browser script app.js (403 by limit_extensions on the
# real path), and the scripts for Apache's mod_cgi and mod_fcgid, whose
# interpreter line names a copy of fcworker in the prefix (Apache runs them
# as its own user, who may not reach the build tree, e.g. under /root).
sub make_docroot {
    my ($prefix) = @_;
    make_path("$prefix/bin");
    my $interp = "$prefix/bin/fcworker";
    copy(FcwTest::fcworker(), $interp) or die "copy fcworker: $!";
    chmod 0755, $interp;
    my $src = FcwTest::top() . '/contrib/examples/root';
    my $root = "$prefix/docroot";
    make_path($root, "$prefix/outside", "$prefix/cgi-bin");
    opendir my $dh, $src or die "$src: $!";
    for my $f (grep { !/^\./ } readdir $dh) { copy("$src/$f", "$root/$f") or die "copy $f: $!" }
    closedir $dh;
    FcwTest::write_file("$prefix/outside/secret.sjs",
        "export default { fetch: function () { return new Response('secret'); } };\n");
    symlink("$prefix/outside/secret.sjs", "$root/escape.sjs") or die "symlink: $!";
    symlink('app.js', "$root/alias.sjs") or die "symlink: $!";
    my $cgi = FcwTest::write_file("$prefix/cgi-bin/hello.cgi", '#!' . $interp . "\n"
        . "export default { fetch: function (request) {\n"
        . "    return Response.json({ mode: 'cgi', method: request.method, url: request.url },\n"
        . "        { headers: { 'x-fcw-mode': 'cgi' } });\n"
        . "} };\n");
    chmod 0755, $cgi;
    make_path("$prefix/fcgid-bin");
    my $fcgid = FcwTest::write_file("$prefix/fcgid-bin/hello.fcgi", '#!' . $interp . "\n"
        . "var served = 0;\n"
        . "function sse() {\n"
        . "    var enc = new TextEncoder(), n = 0;\n"
        . "    return new ReadableStream({ start: function (c) {\n"
        . "        (function tick() {\n"
        . "            n++;\n"
        . "            c.enqueue(enc.encode('id: ' + n + '\\ndata: ' + n + '\\n\\n'));\n"
        . "            if (n === 3) { c.close(); } else { setTimeout(tick, 150); }\n"
        . "        })();\n"
        . "    } });\n"
        . "}\n"
        . "export default { fetch: function (request) {\n"
        . "    served++;\n"
        . "    if (/\\/sse\$/.test(new URL(request.url).pathname)) {\n"
        . "        return new Response(sse(), { headers: { 'content-type': 'text/event-stream' } });\n"
        . "    }\n"
        . "    return Response.json({ mode: 'fcgid', served: served, url: request.url });\n"
        . "} };\n");
    chmod 0755, $fcgid;
    return $root;
}

# The worker behind /app/ on every server: each route is one check.
#   /app/echo        method, url, query, headers, body length and SHA-256
#   /app/cookies     two Set-Cookie headers
#   /app/status/N    status N (201 with a body, 204 without, 301 with
#                    Location, 404, 500 by an uncaught exception)
#   /app/sse         5 server-sent events, 150 ms apart
#   /app/cut         a streamed body that fails after its first chunk
our $WORKER = <<'JS';
// fcworker behind a front server: the worker that t/frontends.t talks to.
function hex(buf) {
    var u = new Uint8Array(buf), s = '';
    for (var i = 0; i < u.length; i++) {
        s += (u[i] < 16 ? '0' : '') + u[i].toString(16);
    }
    return s;
}

function echo(request, url) {
    return request.arrayBuffer().then(function (body) {
        return crypto.subtle.digest('SHA-256', body).then(function (digest) {
            var headers = {};
            request.headers.forEach(function (v, k) { headers[k] = v; });
            return Response.json({
                method: request.method, url: request.url, path: url.pathname,
                query: Object.fromEntries(url.searchParams), headers: headers,
                length: body.byteLength, sha256: hex(digest)
            });
        });
    });
}

function cookies() {
    var h = new Headers({ 'content-type': 'text/plain' });
    h.append('Set-Cookie', 'first=1; Path=/');
    h.append('Set-Cookie', 'second=2; Path=/; HttpOnly');
    return new Response('two cookies\n', { headers: h });
}

function status(code) {
    if (code === 500) {
        throw new Error('the 500 check throws on purpose');
    }
    if (code === 204) {
        return new Response(null, { status: 204 });
    }
    if (code === 301) {
        return new Response(null, { status: 301, headers: { location: '/app/echo?moved=1' } });
    }
    return new Response('status ' + code + '\n', { status: code });
}

function sse() {
    var enc = new TextEncoder(), n = 0;
    var stream = new ReadableStream({
        start: function (controller) {
            function tick() {
                n++;
                controller.enqueue(enc.encode('id: ' + n + '\ndata: {"n":' + n + ',"t":' + Date.now() + '}\n\n'));
                if (n === 5) {
                    controller.close();
                } else {
                    setTimeout(tick, 150);
                }
            }
            tick();
        }
    });
    return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
}

function cut() {
    var sent = false;
    return new Response(new ReadableStream({
        pull: function (controller) {
            if (!sent) {
                sent = true;
                controller.enqueue(new TextEncoder().encode('first chunk\n'));
                return;
            }
            return new Promise(function (resolve) { setTimeout(resolve, 50); }).then(function () {
                throw new Error('the body failed (t/frontends.t checks the cut)');
            });
        }
    }), { headers: { 'content-type': 'text/plain' } });
}

export default {
    fetch: function (request) {
        var url = new URL(request.url);
        var path = url.pathname.replace(/^\/app/, '');
        var m = /^\/status\/(\d+)$/.exec(path);
        if (m) {
            return status(Number(m[1]));
        }
        if (path === '/cookies') {
            return cookies();
        }
        if (path === '/sse') {
            return sse();
        }
        if (path === '/cut') {
            return cut();
        }
        if (path === '/echo') {
            return echo(request, url);
        }
        return new Response('no route ' + path + '\n', { status: 404 });
    }
};
JS

# Starts the two pools every server talks to: "app" (the worker above) and
# "root" (root mode on the docroot). Sockets are world-writable so that
# the servers' unprivileged workers can connect.
sub start_pools {
    my ($prefix, $docroot) = @_;
    my $script = FcwTest::write_file("$prefix/worker.js", $WORKER);
    my %pools;
    for my $name (qw(app root)) {
        my $dir = "$prefix/pool-$name";
        make_path($dir);
        chmod 0755, $dir;
        $pools{$name} = FcwTest::start_pool(dir => $dir, name => $name, children => 2,
            ($name eq 'app' ? (script => $script) : ()),
            pool => ($name eq 'root' ? "root = $docroot\n" : '') . "listen.mode = 0666\n");
    }
    return \%pools;
}

# ---- servers ----

sub run_as_root { $> == 0 }

my %SERVERS = (
    apache => {
        template => 'contrib/apache/frontends.conf.in',
        conf => 'apache.conf',
        # as root, Apache's children must switch to an unprivileged user
        vars => sub { (USER => run_as_root() ? "User www-data\nGroup www-data" : '') },
        # apache2 daemonizes; its PidFile names the parent to stop
        start => sub {
            my ($p, $conf) = @_;
            make_path("$p/apache-run", "$p/apache-lock", "$p/apache-log");
            local $ENV{APACHE_RUN_DIR} = "$p/apache-run";
            local $ENV{APACHE_LOCK_DIR} = "$p/apache-lock";
            local $ENV{APACHE_LOG_DIR} = "$p/apache-log";
            local $ENV{APACHE_PID_FILE} = "$p/apache.pid";
            local $ENV{APACHE_RUN_USER} = 'www-data';
            local $ENV{APACHE_RUN_GROUP} = 'www-data';
            system('/usr/sbin/apache2', '-f', $conf, '-k', 'start') == 0 or return undef;
            return pid_from_file("$p/apache.pid");
        },
        log => 'apache-error.log',
    },
    nginx => {
        template => 'contrib/nginx/frontends.conf.in',
        conf => 'nginx.conf',
        start => sub { my ($p, $conf) = @_; spawn($p, '/usr/sbin/nginx', '-p', "$p/", '-c', $conf) },
        log => 'nginx-error.log',
    },
    lighttpd => {
        template => 'contrib/lighttpd/frontends.conf.in',
        conf => 'lighttpd.conf',
        start => sub { my ($p, $conf) = @_; spawn($p, '/usr/sbin/lighttpd', '-D', '-f', $conf) },
        log => 'lighttpd-error.log',
    },
    caddy => {
        template => 'contrib/caddy/frontends.Caddyfile.in',
        conf => 'Caddyfile',
        start => sub {
            my ($p, $conf) = @_;
            make_path("$p/caddy-home", "$p/caddy-config", "$p/caddy-data");
            local $ENV{HOME} = "$p/caddy-home";
            local $ENV{XDG_CONFIG_HOME} = "$p/caddy-config";
            local $ENV{XDG_DATA_HOME} = "$p/caddy-data";
            return spawn($p, '/usr/bin/caddy', 'run', '--config', $conf, '--adapter', 'caddyfile');
        },
        log => 'caddy.log',
    },
);

sub server_names { qw(apache nginx lighttpd caddy) }

sub pid_from_file {
    my ($file) = @_;
    my $deadline = time + 10;
    while (time < $deadline) {
        my $pid = FcwTest::read_file($file);
        return $1 if $pid =~ /^(\d+)/;
        sleep 0.05;
    }
    return undef;
}

# running: exists and is not a zombie waiting for init to reap it
sub running {
    my ($pid) = @_;
    return kill(0, $pid) && FcwTest::read_file("/proc/$pid/stat") !~ /^\d+ \(.*\) Z/;
}

sub spawn {
    my ($p, @cmd) = @_;
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDIN, '<', '/dev/null';
        open STDOUT, '>>', "$p/server.log";
        open STDERR, '>>', "$p/server.log";
        exec(@cmd) or POSIX::_exit(127);
    }
    return $pid;
}

# Starts server NAME on a free port with everything under $prefix. Returns
# an object (port, pid, stop, log) or dies with the reason and the log.
sub start_server {
    my ($name, $prefix, %vars) = @_;
    my $s = $SERVERS{$name} or die "unknown server $name";
    my $port = FcwTest::free_port();
    my $conf = "$prefix/$s->{conf}";
    fill_template(FcwTest::top() . "/$s->{template}", $conf, PREFIX => $prefix, PORT => $port,
        ($s->{vars} ? $s->{vars}->($prefix) : ()), %vars);
    my $pid = $s->{start}->($prefix, $conf);
    my $self = bless { name => $name, port => $port, pid => $pid, prefix => $prefix,
        log => "$prefix/$s->{log}", spawned => $name ne 'apache' }, 'Frontends::Server';
    die "$name did not start:\n" . $self->log unless $pid;
    my $deadline = time + 15;
    while (time < $deadline) {
        if (IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port")) {
            return $self;
        }
        if ($self->{spawned} && waitpid($pid, WNOHANG) == $pid) {
            $self->{stopped} = 1;
            die "$name exited at startup (status $?):\n" . $self->log;
        }
        sleep 0.05;
    }
    $self->stop;
    die "$name did not listen on 127.0.0.1:$port:\n" . $self->log;
}

# ---- HTTP client ----

# One request over a fresh connection (Connection: close). %r: method,
# path, host (the Host header; 127.0.0.1:PORT by default), headers (array
# ref of name => value pairs), body, chunked (send the
# body with Transfer-Encoding: chunked, in pieces). Returns status, reason,
# headers (lower-cased name => [values]), body (de-chunked), arrivals
# ([time, bytes] per read), started.
sub http {
    my ($port, %r) = @_;
    my $sock = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 10)
        or return { status => 0, error => "connect: $!" };
    my $method = $r{method} || 'GET';
    my $body = $r{body};
    my $head = "$method $r{path} HTTP/1.1\r\nHost: " . ($r{host} // "127.0.0.1:$port") . "\r\nConnection: close\r\n";
    my @h = @{ $r{headers} || [] };
    while (my ($k, $v) = splice @h, 0, 2) { $head .= "$k: $v\r\n" }
    if (defined $body && $r{chunked}) {
        $head .= "Transfer-Encoding: chunked\r\n";
    } elsif (defined $body) {
        $head .= 'Content-Length: ' . length($body) . "\r\n";
    }
    my $started = time;
    FcwTest::write_all($sock, "$head\r\n") or return { status => 0, error => "write: $!" };
    if (defined $body && $r{chunked}) {
        my $rest = $body;
        while (length $rest) {
            my $piece = substr($rest, 0, 100_000, '');
            FcwTest::write_all($sock, sprintf("%x\r\n", length $piece) . $piece . "\r\n") or last;
        }
        FcwTest::write_all($sock, "0\r\n\r\n");
    } elsif (defined $body) {
        FcwTest::write_all($sock, $body);
    }
    my ($raw, @arrivals) = ('');
    my $deadline = time + ($r{timeout} || 20);
    while (time < $deadline) {
        my $rin = '';
        vec($rin, fileno($sock), 1) = 1;
        next unless select(my $rout = $rin, undef, undef, 0.5);
        my $n = sysread($sock, my $buf, 65536);
        last unless $n;
        push @arrivals, [time, $buf];
        $raw .= $buf;
    }
    close $sock;
    return parse_http($raw, $method, \@arrivals, $started);
}

sub parse_http {
    my ($raw, $method, $arrivals, $started) = @_;
    my %res = (status => 0, headers => {}, body => '', raw_length => length $raw, arrivals => $arrivals,
        started => $started);
    my $sep = index($raw, "\r\n\r\n");
    return \%res if $sep < 0;
    my ($status_line, @lines) = split /\r\n/, substr($raw, 0, $sep);
    @res{qw(status reason)} = $status_line =~ m{^HTTP/\d\.\d (\d+) ?(.*)$};
    for (@lines) {
        my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
        push @{ $res{headers}{lc $k} }, $v;
    }
    my $body = substr($raw, $sep + 4);
    my $te = join ',', @{ $res{headers}{'transfer-encoding'} || [] };
    if ($te =~ /chunked/i && $method ne 'HEAD') {
        my $out = '';
        while ($body =~ s/^([0-9a-fA-F]+)[^\r\n]*\r\n//) {
            my $len = hex $1;
            last if $len == 0;
            $out .= substr($body, 0, $len, '');
            $body =~ s/^\r\n//;
        }
        $body = $out;
    }
    $res{body} = $body;
    return \%res;
}

package Frontends::Server;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

sub port { $_[0]{port} }
sub log { FcwTest::read_file($_[0]{log}) . ($_[0]{log} =~ /server\.log$/ ? '' : FcwTest::read_file("$_[0]{prefix}/server.log")) }

# TERM by PID, then wait for it (our child) or for the PID to vanish
# (apache2 daemonized); KILL after 10 s.
sub stop {
    my ($self) = @_;
    return if $self->{stopped} || !$self->{pid};
    $self->{stopped} = 1;
    kill 'TERM', $self->{pid};
    my $deadline = time + 10;
    while (time < $deadline) {
        if ($self->{spawned}) {
            return if waitpid($self->{pid}, WNOHANG) != 0;
        } else {
            return unless Frontends::running($self->{pid});
        }
        sleep 0.05;
    }
    kill 'KILL', $self->{pid};
    waitpid($self->{pid}, 0) if $self->{spawned};
}

sub DESTROY { $_[0]->stop }

1;
