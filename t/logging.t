#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Logs people can read: console.log/info/warn/error/debug reach the error
# log at the default levels, filtered by the pool's console key; a value of
# many lines is logged whole on one line (newlines escaped), a long one
# uncut; every line of a child names its pool, pid and request once,
# without the caller typing it; log_format = json gives one JSON object
# per line, in the error log and the access log.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use JSON::PP;

my $dir = FcwTest::tmpdir();
FcwTest::write_file("$dir/log.js", <<'JS');
export default {
    fetch(request) {
        var path = new URL(request.url).pathname;
        if (path === '/levels') {
            console.log('via-log');
            console.info('via-info');
            console.warn('via-warn');
            console.error('via-error');
            console.debug('via-debug');
            return new Response('ok');
        }
        if (path === '/lines') {
            console.log('first line\nsecond line\r\nthird\ttabbed', { a: 1, b: [1, 2] });
            return new Response('ok');
        }
        if (path === '/long') {
            var s = '';
            for (var i = 0; i < 2000; i++) s += 'x' + (i % 10) + '-';
            console.log('long:' + s + ':end');
            return new Response('ok');
        }
        if (path === '/astral') {
            console.log('astral: \ud83d\ude00 caf\u00e9 lone \ud800 end');
            return new Response('ok');
        }
        if (path === '/throw') throw new Error('thrown\nover two lines');
        return new Response('?', { status: 404 });
    }
};
JS

# the lines of the log that mention $marker
sub lines_with { my ($log, $marker) = @_; return grep { index($_, $marker) >= 0 } split /\n/, $log }

{
    my $pool = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => "$dir/log.js", name => 'logtest', children => 1);
    is($pool->request(uri => '/levels')->{status}, 200, '/levels answered');
    is($pool->request(uri => '/lines')->{status}, 200, '/lines answered');
    is($pool->request(uri => '/long')->{status}, 200, '/long answered');
    is($pool->request(uri => '/throw?q=1')->{status}, 500, '/throw answered 500');
    is($pool->request(uri => '/astral')->{status}, 200, '/astral answered');
    my $log = $pool->log;
    my ($astral) = lines_with($log, 'astral:');
    like($astral // '', qr/astral: \xF0\x9F\x98\x80 caf\xC3\xA9 lone \xEF\xBF\xBD end$/,
        'a character above U+FFFF is logged as UTF-8 (not as a CESU-8 pair), a lone surrogate as U+FFFD');
    for my $m (qw(log info warn error debug)) {
        my @l = lines_with($log, "via-$m");
        is(scalar @l, 1, "console.$m is logged at the default levels");
        like($l[0] // '', qr/^\[[^\]]+\] [A-Z]+: \[pool logtest\] pid \d+: request \d+ "GET \/levels": console: via-$m$/,
            "console.$m names pool, pid and request");
    }
    like((lines_with($log, 'via-warn'))[0] // '', qr/\] WARNING: /, 'console.warn at WARNING');
    like((lines_with($log, 'via-error'))[0] // '', qr/\] ERROR: /, 'console.error at ERROR');
    my @l = lines_with($log, 'first line');
    is(scalar @l, 1, 'a value of many lines is one log line');
    like($l[0] // '', qr/console: first line\\nsecond line\\r\\nthird\ttabbed \{ a: 1, b: \[ 1, 2 \] \}$/,
        'newlines escaped, nothing flattened or lost') or diag($l[0]);
    @l = lines_with($log, 'long:');
    like($l[0] // '', qr/long:(x\d-){2000}:end$/, 'a long message is logged whole (' . length($l[0] // '') . ' bytes)');
    @l = lines_with($log, 'thrown');
    is(scalar @l, 1, 'an uncaught exception is one line');
    like($l[0] // '', qr/pid \d+: request \d+ "GET \/throw\?q=1": uncaught exception in fetch handler: Error: thrown\\nover two lines/,
        "the engine's lines get the request named once") or diag($l[0]);
    my @twice = grep { /request \d+ "[^"]*": request \d+/ } split /\n/, $log;
    is(scalar @twice, 0, 'no line names its request twice') or diag(join "\n", @twice);
    $pool->stop;
}

{
    my $pool = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => "$dir/log.js", children => 1,
        pool => "console = warning\n");
    $pool->request(uri => '/levels');
    my $log = $pool->log;
    ok(!lines_with($log, 'via-log') && !lines_with($log, 'via-info') && !lines_with($log, 'via-debug'),
        'console = warning: log, info and debug left out');
    ok(lines_with($log, 'via-warn') && lines_with($log, 'via-error'), '... warn and error kept');
    $pool->stop;
}

{
    my $d = FcwTest::tmpdir();
    my $pool = FcwTest::start_pool(dir => $d, script => "$dir/log.js", name => 'js', children => 1,
        global => "log_format = json\n", pool => "access.log = $d/access.log\n");
    $pool->request(uri => '/lines');
    $pool->request(uri => '/throw', method => 'POST', body => 'x');
    my @objs;
    my $bad = 0;
    for my $line (split /\n/, FcwTest::read_file($pool->{log})) {
        my $o = eval { decode_json($line) };
        $o ? push(@objs, $o) : ($bad++, diag("not JSON: $line"));
    }
    is($bad, 0, 'log_format = json: every error log line is JSON');
    my ($c) = grep { ($_->{message} // '') =~ /^first line/ } @objs;
    ok($c, 'the console line is there');
    is($c->{pool}, 'js', 'pool');
    ok(($c->{pid} // 0) > 0, 'pid');
    ok(($c->{request_id} // 0) > 0, 'request id');
    is($c->{method}, 'GET', 'method');
    is($c->{uri}, '/lines', 'URI');
    is($c->{level}, 'info', 'level');
    is($c->{source}, 'console', 'marked as console');
    is($c->{message}, "first line\nsecond line\r\nthird\ttabbed { a: 1, b: [ 1, 2 ] }", 'the message whole');
    like($c->{time} // '', qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/, 'ISO 8601 time');
    my ($t) = grep { ($_->{message} // '') =~ /thrown/ } @objs;
    is($t->{method} // '', 'POST', 'the exception line names the POST');
    my ($ready) = grep { ($_->{message} // '') =~ /ready/ } @objs;
    ok($ready && !exists $ready->{request_id}, "the master's lines have no request");
    my @access = map { eval { decode_json($_) } } split /\n/, FcwTest::read_file("$d/access.log");
    my ($a) = grep { ($_->{uri} // '') eq '/throw' } @access;
    ok($a, 'log_format = json: the access log line is JSON');
    is($a->{status}, 500, 'access: status');
    is($a->{method}, 'POST', 'access: method');
    is($a->{pool}, 'js', 'access: pool');
    ok(defined $a->{duration_ms} && $a->{duration_ms} >= 0, 'access: duration');
    ok(($a->{request_id} // 0) > 0 && ($a->{pid} // 0) > 0, 'access: request id and pid');
    $pool->stop;
}

{
    my $d = FcwTest::tmpdir();
    FcwTest::write_file("$d/bad.ini", "[global]\nlog_format = yaml\n[pool:x]\nlisten = $d/s.sock\nscript = $dir/log.js\n");
    my $out = `@{[FcwTest::fcworker()]} @{[FcwTest::root_flag()]} -t -c $d/bad.ini 2>&1`;
    like($out, qr/bad\.ini:2:.*text or json/, 'log_format other than text or json is refused with file:line');
    FcwTest::write_file("$d/bad.ini", "[pool:x]\nlisten = $d/s.sock\nscript = $dir/log.js\nconsole = loud\n");
    $out = `@{[FcwTest::fcworker()]} @{[FcwTest::root_flag()]} -t -c $d/bad.ini 2>&1`;
    like($out, qr/bad\.ini:4:.*expected error, warning/, 'a console level that is none is refused');
}

done_testing();
