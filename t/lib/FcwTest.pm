# SPDX-License-Identifier: MIT
package FcwTest;
# Helpers for fcworker's tests: where things are, a temporary directory,
# starting a pool (the real fcworker master) on a unix socket and stopping it
# by PID, and a FastCGI client that speaks the protocol over that socket.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Temp qw(tempdir);
use IO::Socket::UNIX;
use IO::Socket::INET;
use IPC::Open3 ();
use Symbol ();
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

$SIG{PIPE} = 'IGNORE';
my $TOP = abs_path(dirname(__FILE__) . '/../..');

sub top { $TOP }
sub build_dir { $ENV{FCW_BUILD} || $TOP }
sub build_path { build_dir() . '/' . $_[0] }
sub fcworker { $ENV{FCW_BIN} || build_path('src/fcworker') }
# The WHATWG test vectors are checked in under t/data/wpt (with their
# licence); FCW_CONFORMANCE wins.
sub conformance_dir { $ENV{FCW_CONFORMANCE} || "$TOP/t/data/wpt" }
# As root, pools without `user =` are refused unless fcworker runs with -R:
# the tests' pools run as root on purpose (t/isolation.t tests `user`).
sub root_flag { $> == 0 ? ('-R') : () }
sub tmpdir { tempdir('fcw-test-XXXXXX', TMPDIR => 1, CLEANUP => 1) }

# Runs a command in a folder; returns (exit status, output: stdout and
# stderr together, through a file in $dir).
sub run_in {
    my ($dir, $cwd, @cmd) = @_;
    my $log = "$dir/cmd.log";
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        chdir $cwd or POSIX::_exit(126);
        open STDOUT, '>', $log;
        open STDERR, '>&', \*STDOUT;
        exec(@cmd) or POSIX::_exit(127);
    }
    waitpid($pid, 0);
    return ($?, read_file($log));
}

# The build tool and the JavaScript runner the tests take (FCW_JSRUN: the
# sanitizer build when ./test.sh runs them).
sub build_tool { return "$TOP/contrib/fcworker-build/fcworker-build" }
sub jsrun { return $ENV{FCW_JSRUN} || build_path('t/jsrun') }

# run_in from the top of the tree: the command's exit code (not the wait
# status) and its output.
sub run_exit {
    my ($dir, @cmd) = @_;
    my ($status, $out) = run_in($dir, $TOP, @cmd);
    return ($status >> 8, $out);
}

# The check of a t/build-*.t whose cases file prints the same in Node and,
# bundled by fcworker-build, in fcworker: runs $cases (a path) in Node,
# then builds it (default, then --portable) into $dir and runs each bundle
# in fcworker, each expected to print exactly what Node printed (6 tests
# and 1). Returns Node's output and the bundles' texts ({ default =>,
# portable => }, a bundle that did not build missing).
sub bundles_print_as_node {
    my ($dir, $cases) = @_;
    my $tool = build_tool();
    my ($node_rc, $node) = run_exit($dir, 'node', $cases);
    Test::More::is($node_rc, 0, 'the cases run in Node') or Test::More::diag($node);
    my %text;
    for my $kind ('default', 'portable') {
        my @flags = $kind eq 'portable' ? ('--portable') : ();
        my $name = $kind eq 'portable' ? 'the --portable bundle' : 'the bundle';
        my $out = "$dir/cases-$kind.js";
        my ($rc, $log) = run_exit($dir, $tool, @flags, $cases, '-o', $out);
        Test::More::is($rc, 0, join(' ', 'fcworker-build', @flags, 'builds the cases')) or Test::More::diag($log);
        next if $rc != 0;
        my ($fcw_rc, $fcw) = run_exit($dir, jsrun(), $out);
        Test::More::is($fcw_rc, 0, "$name runs in fcworker") or Test::More::diag($fcw);
        Test::More::is($fcw, $node, "fcworker on $name prints what Node prints on the source");
        $text{$kind} = read_file($out);
    }
    return ($node, \%text);
}

# A folder with an npm package's node_modules installed (npm ci): $from
# itself, or a copy of it in $dir/$name when the tree is read-only.
# Returns (folder, exit status of npm ci, its output).
sub npm_ready {
    my ($dir, $from, $name) = @_;
    my $folder = $from;
    if (!-w $from) {
        $folder = "$dir/$name";
        my ($rc, $out) = run_in($dir, $TOP, 'cp', '-R', $from, $folder);
        die "cp -R $from: $out" if $rc != 0;
    }
    return ($folder, 0, '') if -d "$folder/node_modules";
    return ($folder, run_in($dir, $folder, 'npm', 'ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'));
}

# Runs one JS test file inside the runtime (t/jsrun, or $FCW_JSRUN, with the
# harness) and returns its output in order: events are ['test', ok, name]
# or ['comment', text]; complete is false unless the file ran to its end
# with its plan met.
sub run_js_file {
    my ($file) = @_;
    my $jsrun = $ENV{FCW_JSRUN} || build_path('t/jsrun');
    my @out = `'$jsrun' '$TOP/t/lib/harness.js' '$file' 2>&1`;
    my $rc = $? >> 8;
    my (@events, $plan);
    my $seen = 0;
    for my $line (@out) {
        chomp $line;
        if ($line =~ /^(not ok|ok) \d+ - (.*)$/) {
            push @events, [ 'test', $1 eq 'ok', $2 ];
            $seen++;
        } elsif ($line =~ /^1\.\.(\d+)$/) {
            $plan = $1;
        } else {
            $line =~ s/^#\s?//;
            push @events, [ 'comment', $line ];
        }
    }
    return { events => \@events, complete => defined $plan && $plan == $seen && $rc == 0,
             detail => "exit $rc, plan " . ($plan // 'missing') . ", $seen seen" };
}

# Prints what run_js_file returned as TAP lines numbered from $$n, each named
# after label.
sub print_js_result {
    my ($result, $label, $n) = @_;
    for my $e (@{ $result->{events} }) {
        if ($e->[0] eq 'test') {
            $$n++;
            print(($e->[1] ? 'ok' : 'not ok') . " $$n - $label: $e->[2]\n");
        } else {
            print "# $label: $e->[1]\n";
        }
    }
    if (!$result->{complete}) {
        $$n++;
        print "not ok $$n - $label: ran to its end ($result->{detail})\n";
    }
}

# Runs t/js/NAME with the runtime's private native object exposed
# (FCW_TEST_NATIVE), prints its assertions as this test's, brings
# Test::More's count up to them and returns how many there were.
sub run_native_js {
    my ($name) = @_;
    my $n = 0;
    {
        local $ENV{FCW_TEST_NATIVE} = 1;
        print_js_result(run_js_file("$TOP/t/js/$name"), $name, \$n);
    }
    Test::More->builder->current_test($n);
    return $n;
}

# Forks a small HTTP server on 127.0.0.1:$port that runs serve($conn) in a
# process of its own for each connection (a real server on real sockets, for
# upstreams nginx cannot play). Returns its pid; TERM stops it and its
# connections.
sub start_socket_server {
    my ($port, $serve) = @_;
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    return $pid if $pid;
    my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port, Listen => 32, ReuseAddr => 1)
        or POSIX::_exit(1);
    my %kids;
    $SIG{TERM} = sub { kill 'KILL', keys %kids; POSIX::_exit(0) };
    $SIG{CHLD} = sub { while ((my $k = waitpid(-1, WNOHANG)) > 0) { delete $kids{$k} } };
    while (1) {
        my $conn = $server->accept or next;
        my $kid = fork();
        if (defined $kid && $kid == 0) {
            $SIG{TERM} = 'DEFAULT';
            close $server;
            $serve->($conn);
            close $conn;
            POSIX::_exit(0);
        }
        $kids{$kid} = 1 if $kid;
        close $conn;
    }
}

# Writes all of $data to $sock; false when the peer is gone.
sub write_all {
    my ($sock, $data) = @_;
    while (length $data) {
        my $n = syswrite($sock, $data);
        return 0 unless $n;
        substr($data, 0, $n, '');
    }
    return 1;
}

# A TCP port on 127.0.0.1 that nothing listens on now.
# A free port this process has not handed out before: the kernel may give
# the same free port twice to binds that are closed at once (one pair in a
# few thousand), and a test binds its ports only after choosing them all.
my %handed_out;

sub free_port {
    for (1 .. 1000) {
        my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Listen => 1, ReuseAddr => 1)
            or die "no free port: $!";
        my $port = $s->sockport;
        close $s;
        return $port unless $handed_out{$port}++;
    }
    die "no free port that was not handed out already\n";
}

# Waits (10 s at most) until something accepts on 127.0.0.1:port.
sub wait_port {
    my ($port, $secs) = @_;
    my $deadline = time + ($secs || 10);
    while (time < $deadline) {
        my $c = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port");
        if ($c) { close $c; return 1 }
        sleep 0.05;
    }
    return 0;
}

sub write_file {
    my ($path, $text) = @_;
    open my $fh, '>', $path or die "cannot write $path: $!";
    print $fh $text;
    close $fh;
    return $path;
}

sub read_file {
    my ($path) = @_;
    open my $fh, '<', $path or return '';
    local $/;
    my $s = <$fh>;
    close $fh;
    return $s;
}

# Runs fcworker as a CGI program on $script with a GET of / (%env adds to
# or overrides the CGI variables) and returns its exit status, its output
# without the CGI head, and its standard error.
sub run_cgi {
    my ($script, %env) = @_;
    local %ENV = (PATH => $ENV{PATH}, REQUEST_METHOD => 'GET', SERVER_NAME => 'x', REQUEST_URI => '/', %env);
    my $err = Symbol::gensym();
    my $pid = IPC::Open3::open3(my $in, my $out, $err, fcworker(), $script);
    close $in;
    local $/;
    my $o = <$out> // '';
    my $e = <$err> // '';
    waitpid($pid, 0);
    return ($? >> 8, $o =~ s/\A.*?\r\n\r\n//sr, $e);
}

# Starts `fcworker -c INI` with one pool serving $opts{script} on a unix
# socket; extra pool lines in $opts{pool}, vars in $opts{vars}.
sub start_pool {
    my (%o) = @_;
    my $dir = $o{dir} || tmpdir();
    my $sock = "$dir/pool.sock";
    my $log = "$dir/error.log";
    my $ini = "[global]\nerror_log = $log\nlog_level = " . ($o{log_level} || 'notice') . "\n"
        . "pid = $dir/fcworker.pid\n" . ($o{global} || '')
        . "\n[pool:" . ($o{name} || 'test') . "]\nlisten = $sock\n"
        # the tests' upstreams are on loopback, which fetch() refuses by default
        . ($o{fetch_default} ? '' : "fetch.allow = 127.0.0.1, ::1, localhost\n")
        . (defined $o{script} ? "script = $o{script}\n" : '')
        . "pm = " . ($o{pm} || 'static') . "\npm.max_children = " . ($o{children} || 2) . "\n"
        . ($o{pool} || '');
    if ($o{vars}) {
        $ini .= "\n[pool:" . ($o{name} || 'test') . ".vars]\n";
        $ini .= "$_ = $o{vars}{$_}\n" for sort keys %{ $o{vars} };
    }
    write_file("$dir/fcworker.ini", $ini);
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDOUT, '>>', "$dir/stdout.log";
        open STDERR, '>>', "$dir/stdout.log";
        exec(fcworker(), root_flag(), '-c', "$dir/fcworker.ini") or POSIX::_exit(127);
    }
    my $self = bless { pid => $pid, dir => $dir, sock => $sock, log => $log, ini => "$dir/fcworker.ini" }, __PACKAGE__ . '::Pool';
    my $deadline = time + 30;
    while (time < $deadline) {
        last if -S $sock && $self->request(uri => '/__fcw_ready_probe')->{status};
        if (waitpid($pid, WNOHANG) == $pid) {
            $self->{exited} = $?;
            last;
        }
        sleep 0.02;
    }
    return $self;
}

sub encode_pair {
    my ($k, $v) = @_;
    my $len = sub { my $l = length $_[0]; $l < 128 ? pack('C', $l) : pack('N', $l | 0x80000000) };
    return $len->($k) . $len->($v) . $k . $v;
}

sub record {
    my ($type, $id, $content) = @_;
    my $pad = (8 - length($content) % 8) % 8;
    return pack('CCnnCC', 1, $type, $id, length $content, $pad, 0) . $content . ("\0" x $pad);
}

# One FastCGI request over a fresh connection. Returns a hash: status,
# headers (lower-cased names => [values]), body, raw, stderr.
sub fcgi_request {
    my ($sock, %r) = @_;
    my $conn = ref $sock ? $sock
        : $sock =~ m{^/} ? IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => $sock)
        : IO::Socket::INET->new(PeerAddr => $sock);
    return { status => 0, headers => {}, body => '', raw => '', chunks => [], error => "connect $sock: $!" }
        unless $conn;
    $conn->syswrite(fcgi_request_bytes(%r)) if !$r{slow_write};
    return fcgi_response($conn, %r);
}

# The records of fcgi_request's request (id 1): FCGI_BEGIN_REQUEST, the
# params, the body as FCGI_STDIN and its end (unless no_stdin_end).
sub fcgi_request_bytes {
    my (%r) = @_;
    my $method = $r{method} || 'GET';
    my $uri = $r{uri} || '/';
    my ($path, $query) = split /\?/, $uri, 2;
    my $body = defined $r{body} ? $r{body} : '';
    my %p = (
        GATEWAY_INTERFACE => 'CGI/1.1', SERVER_PROTOCOL => 'HTTP/1.1', REQUEST_METHOD => $method,
        REQUEST_URI => $uri, SCRIPT_NAME => $path, DOCUMENT_URI => $path, QUERY_STRING => $query // '',
        SERVER_NAME => 'localhost', SERVER_PORT => '80', SERVER_ADDR => '127.0.0.1', REMOTE_ADDR => '127.0.0.1',
        REMOTE_PORT => '40000', HTTP_HOST => 'localhost', REQUEST_SCHEME => 'http',
    );
    $p{CONTENT_LENGTH} = length $body if length $body || $method eq 'POST' || $method eq 'PUT';
    for my $h (keys %{ $r{headers} || {} }) {
        my $name = uc $h;
        $name =~ s/-/_/g;
        if ($name eq 'CONTENT_TYPE' || $name eq 'CONTENT_LENGTH') { $p{$name} = $r{headers}{$h} }
        else { $p{"HTTP_$name"} = $r{headers}{$h} }
    }
    %p = (%p, %{ $r{params} || {} });
    delete $p{$_} for grep { !defined $p{$_} } keys %p;
    my $out = record(1, 1, pack('nCx5', 1, $r{keep_conn} ? 1 : 0));
    my $params = join '', map { encode_pair($_, $p{$_}) } sort keys %p;
    while (length $params) { $out .= record(4, 1, substr($params, 0, 65535, '')) }
    $out .= record(4, 1, '');
    my $b = $body;
    while (length $b) { $out .= record(5, 1, substr($b, 0, 65535, '')) }
    $out .= record(5, 1, '') unless $r{no_stdin_end};
    return $out;
}

# Reads the answer to a request sent on $conn, up to its
# FCGI_END_REQUEST (or the timeout: then `incomplete`), as fcgi_request
# returns it; closes $conn unless keep_conn.
sub fcgi_response {
    my ($conn, %r) = @_;
    my ($stdout, $stderr, $buf) = ('', '', '');
    my @chunks;
    my $deadline = time + ($r{timeout} || 30);
    while (time < $deadline) {
        my $n = $conn->sysread($buf, 65536, length $buf);
        last if !$n;
        while (length $buf >= 8) {
            my ($ver, $type, $id, $clen, $plen) = unpack('CCnnC', $buf);
            last if length $buf < 8 + $clen + $plen;
            my $content = substr($buf, 8, $clen);
            substr($buf, 0, 8 + $clen + $plen, '');
            if ($type == 6) { $stdout .= $content; push @chunks, [time, $content] if length $content }
            elsif ($type == 7) { $stderr .= $content }
            elsif ($type == 3) {
                $conn->close unless $r{keep_conn};
                return parse_response($stdout, $stderr, \@chunks);
            }
        }
    }
    $conn->close unless $r{keep_conn};
    my $res = parse_response($stdout, $stderr, \@chunks);
    $res->{incomplete} = 1;
    return $res;
}

sub parse_response {
    my ($raw, $stderr, $chunks) = @_;
    my %res = (raw => $raw, stderr => $stderr, headers => {}, chunks => $chunks, status => 0, body => '');
    my $sep = index($raw, "\r\n\r\n");
    return \%res if $sep < 0;
    my $head = substr($raw, 0, $sep);
    $res{body} = substr($raw, $sep + 4);
    $res{status} = 200;
    for my $line (split /\r\n/, $head) {
        my ($k, $v) = split /:\s*/, $line, 2;
        next unless defined $v;
        if (lc $k eq 'status') { ($res{status}) = $v =~ /^(\d+)/ }
        else { push @{ $res{headers}{lc $k} }, $v }
    }
    return \%res;
}

# Where a bundle's source map takes lines of the bundle (node's SourceMap):
# each probe is [text in the source, text in the bundle] (or one text for
# both); the first bundle line holding the bundle's text is looked up at
# that text's column. Returns node's exit status, its output, and for each
# probe [source text, line the map gives, line of the source holding the
# text] (1-based; undef where not found).
sub mapped_lines {
    my ($dir, $map_file, $bundle_file, $source_file, @probes) = @_;
    my @pairs = map { ref $_ ? $_ : [$_, $_] } @probes;
    my ($rc, $out) = run_exit($dir, 'node', '-e', <<'JS', $map_file, $bundle_file, map { $_->[1] } @pairs);
const fs = require('fs');
const { SourceMap } = require('module');
const map = new SourceMap(JSON.parse(fs.readFileSync(process.argv[1], 'utf8')));
const code = fs.readFileSync(process.argv[2], 'utf8').split('\n');
for (const probe of process.argv.slice(3)) {
  const line = code.findIndex((l) => l.includes(probe));
  const e = line < 0 ? null : map.findEntry(line, code[line].indexOf(probe));
  console.log(e && e.originalLine !== undefined ? e.originalLine + 1 : '-');
}
JS
    my @got = split /\n/, $out;
    my @source = split /\n/, read_file($source_file);
    my @lines;
    for my $i (0 .. $#pairs) {
        my $src = $pairs[$i][0];
        my ($want) = grep { index($source[$_ - 1], $src) >= 0 } 1 .. @source;
        push @lines, [$src, defined $got[$i] && $got[$i] =~ /^\d+$/ ? $got[$i] : undef, $want];
    }
    return ($rc, $out, \@lines);
}


package FcwTest::Pool;
use POSIX qw(:sys_wait_h);
use Time::HiRes qw(sleep time);

sub request { my ($self, %r) = @_; return FcwTest::fcgi_request($self->{sock}, %r) }
sub log { FcwTest::read_file($_[0]{log}) . FcwTest::read_file("$_[0]{dir}/stdout.log") }
sub pid { $_[0]{pid} }
sub signal { my ($self, $sig) = @_; kill $sig, $self->{pid} }

# Children of the master, from /proc.
sub children {
    my ($self) = @_;
    my @kids = ();
    for my $stat (glob '/proc/[0-9]*/stat') {
        open my $fh, '<', $stat or next;
        my $s = <$fh>;
        close $fh;
        next unless defined $s && $s =~ /^(\d+) \(.*\) \S (\d+)/;
        push @kids, $1 if $2 == $self->{pid};
    }
    my @sorted = sort { $a <=> $b } @kids;
    return wantarray ? @sorted : scalar @sorted;
}

sub alive { my ($self) = @_; return waitpid($self->{pid}, WNOHANG) == 0 }

sub wait_exit {
    my ($self, $secs) = @_;
    if (defined $self->{exited}) { $self->{status} = $self->{exited}; $self->{stopped} = 1; return 1 }
    my $deadline = time + ($secs || 10);
    while (time < $deadline) {
        my $r = waitpid($self->{pid}, WNOHANG);
        if ($r == $self->{pid}) { $self->{status} = $?; $self->{stopped} = 1; return 1 }
        return 1 if $r < 0;
        sleep 0.02;
    }
    return 0;
}

sub stop {
    my ($self) = @_;
    return if $self->{stopped};
    kill 'TERM', $self->{pid};
    $self->wait_exit(10) or do { kill 'KILL', $self->{pid}; waitpid($self->{pid}, 0) };
    $self->{stopped} = 1;
}

sub DESTROY { my ($self) = @_; $self->stop if $self->{pid} && !$self->{stopped} }


1;
