#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Memcheck over the non-sanitized build (FCW_BUILD, else the source tree):
# t/jsrun running each t/js/*.js (the runtime's JS with its native parts),
# and src/fcworker answering one CGI request with a body. Each run must end
# with no memory errors (invalid reads or writes, bad frees, uninitialised
# values) and no definitely lost bytes (valgrind --error-exitcode). Files
# run two at a time; FCW_VALGRIND_FILES="a.js b.js" picks some.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use IPC::Open3;
use POSIX qw(:sys_wait_h);
use Symbol qw(gensym);
use Time::HiRes qw(time);

# Measured: every t/js file takes 3-13 s under memcheck (about 110 s one
# after another, under 60 s two at a time on two cores), so all of them run.
my $started = time;
my $top = FcwTest::top();
my $jsrun = FcwTest::build_path('t/jsrun');
my $fcworker = FcwTest::build_path('src/fcworker');
my $dir = FcwTest::tmpdir();
$ENV{FCW_CONFORMANCE} ||= FcwTest::conformance_dir();
my @vg = qw(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --error-exitcode=99 --track-origins=no);
my $n = 0;

sub tap {
    my ($ok, $name, @comments) = @_;
    $n++;
    print(($ok ? 'ok' : 'not ok') . " $n - $name\n");
    print "# $_\n" for map { split /\n/ } @comments;
}

my $have_valgrind = system('valgrind --version >/dev/null 2>&1') == 0;
tap($have_valgrind, 'valgrind is installed (apt-get install valgrind)');
# memcheck cannot run AddressSanitizer binaries
my $plain = -x $jsrun && -x $fcworker && !grep { FcwTest::read_file($_) =~ /__asan_init/ } $jsrun, $fcworker;
tap($plain, "the build is there and not sanitized ($jsrun, $fcworker)");
if (!$have_valgrind || !$plain) {
    print "1..$n\n";
    exit 0;
}

my $which = $ENV{FCW_VALGRIND_FILES} || '';
my @files = $which eq '' || $which eq 'all' ? map { m{([^/]+)$} } sort glob("$top/t/js/*.js") : split(' ', $which);
print "# files under valgrind: @files\n";

# The verdict from one valgrind log: memory errors and definite leaks.
sub verdict {
    my ($rc, $log) = @_;
    my $text = FcwTest::read_file($log);
    my ($errors) = $text =~ /ERROR SUMMARY: (\d+) errors/;
    my ($lost) = $text =~ /definitely lost: ([\d,]+) bytes/;
    $lost = defined $lost ? $lost =~ tr/,//dr : 0;
    my @invalid = $text =~ /^==\d+== (Invalid (?:read|write|free)[^\n]*)/mg;
    my $ok = $rc != 99 && defined $errors && $errors == 0 && $lost == 0;
    my @why = $ok ? () : ("valgrind exit $rc, " . ($errors // '?') . " errors, $lost bytes definitely lost",
        (@invalid ? @invalid[0 .. ($#invalid < 5 ? $#invalid : 5)] : ()),
        grep { defined && /^==\d+==\s+(at|by) / } (split /\n/, $text)[0 .. 400]);
    return ($ok, $errors // '?', $lost, @why[0 .. ($#why < 30 ? $#why : 30)]);
}

sub spawn_jsrun {
    my ($file) = @_;
    my $log = "$dir/$file.vg";
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        open STDOUT, '>', "$dir/$file.out";
        open STDERR, '>&', \*STDOUT;
        exec(@vg, "--log-file=$log", $jsrun, "$top/t/lib/harness.js", "$top/t/js/$file") or POSIX::_exit(127);
    }
    return { pid => $pid, file => $file, log => $log, t0 => time };
}

sub report_jsrun {
    my ($job, $status) = @_;
    my $rc = $status >> 8;
    my ($ok, $errors, $lost, @why) = verdict($rc, $job->{log});
    my $out = FcwTest::read_file("$dir/$job->{file}.out");
    my $failed = () = $out =~ /^not ok /mg;
    tap($ok, sprintf('valgrind jsrun %s: %s errors, %s bytes definitely lost (%.0f s)', $job->{file}, $errors,
        $lost, time - $job->{t0}), @why, $failed ? "($failed JS assertions failed under valgrind; t/js.t judges those)" : ());
}

# two valgrind processes at a time, reported in file order
my (@queue, %running, %done) = (@files);
my $next_report = 0;
while (@queue || %running) {
    while (@queue && keys %running < 2) {
        my $job = spawn_jsrun(shift @queue);
        $running{ $job->{pid} } = $job;
    }
    my $pid = waitpid(-1, 0);
    last if $pid <= 0;
    my $job = delete $running{$pid} or next;
    $done{ $job->{file} } = [ $job, $? ];
    while ($next_report < @files && $done{ $files[$next_report] }) {
        report_jsrun(@{ $done{ $files[$next_report] } });
        $next_report++;
    }
}

# One CGI request through the whole program: environment, stdin body,
# engine, response on stdout.
my $script = FcwTest::write_file("$dir/cgi.js", <<'EOF2');
export default {
    fetch: function (request) {
        return request.text().then(function (body) {
            var url = new URL(request.url);
            return new Response(JSON.stringify({ body: body, path: url.pathname, q: url.searchParams.get('q'),
                type: request.headers.get('content-type') }), { status: 201, headers: { 'x-mode': 'cgi' } });
        });
    }
};
EOF2
my $t0 = time;
my $log = "$dir/cgi.vg";
my %env = (PATH => $ENV{PATH}, GATEWAY_INTERFACE => 'CGI/1.1', REQUEST_METHOD => 'POST', SERVER_NAME => 'cgi.example',
    SERVER_PORT => '80', REQUEST_URI => '/p/a?q=1', CONTENT_LENGTH => 11, CONTENT_TYPE => 'text/plain',
    HTTP_X_TEST => 'yes');
my $out;
{
    local %ENV = %env;
    my $err = gensym;
    my $pid = open3(my $in, my $stdout, $err, @vg, "--log-file=$log", $fcworker, $script);
    print $in 'hello world';
    close $in;
    local $/;
    $out = <$stdout> // '';
    my $ignored = <$err>;
    waitpid($pid, 0);
}
my ($ok, $errors, $lost, @why) = verdict($? >> 8, $log);
my $answered = $out =~ /\AStatus: 201 / && $out =~ /"body":"hello world","path":"\/p\/a","q":"1"/;
tap($ok && $answered, sprintf('valgrind fcworker in CGI mode, one POST: %s errors, %s bytes definitely lost (%.0f s)',
    $errors, $lost, time - $t0), @why, $answered ? () : ("unexpected response: $out"));
printf "# valgrind took %.0f s in all\n", time - $started;
print "1..$n\n";
