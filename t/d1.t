#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# D1 databases on SQLite: t/js/d1.js against a real file, then a small CRUD
# app through a pool (module syntax, env.DB): create, read, update, delete,
# a batch rolled back on error, and four children writing at once (every
# increment counted, no "database is locked").
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Test::More;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();

{
    local $ENV{FCW_TEST_BINDINGS} = "d1:DB:$dir/unit.sqlite3";
    my $result = FcwTest::run_js_file("$top/t/js/d1.js");
    my $failed = grep { $_->[0] eq 'test' && !$_->[1] } @{ $result->{events} };
    my $count = grep { $_->[0] eq 'test' } @{ $result->{events} };
    for my $e (@{ $result->{events} }) {
        diag $e->[1] if $e->[0] eq 'comment';
        diag "failed: $e->[2]" if $e->[0] eq 'test' && !$e->[1];
    }
    ok($result->{complete} && !$failed && $count > 40, "t/js/d1.js: $count assertions pass ($result->{detail})");
}

my $script = FcwTest::write_file("$dir/app.js", <<'EOF2');
var ready = null;
function schema(db) {
    if (!ready) {
        ready = db.exec('CREATE TABLE IF NOT EXISTS todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, done INTEGER NOT NULL DEFAULT 0);\n' +
                        'CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);\n' +
                        'INSERT OR IGNORE INTO counter VALUES (1, 0)');
    }
    return ready;
}
function json(x, status) {
    return Response.json(x, { status: status || 200 });
}
function fail(e) {
    return new Response(String(e && e.message), { status: 500 });
}
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        var parts = url.pathname.split('/');
        var id = Number(parts[2]);
        var db = env.DB;
        return schema(db).then(function () {
            if (parts[1] === 'todos' && request.method === 'POST') {
                return request.json().then(function (body) {
                    return db.prepare('INSERT INTO todos (title) VALUES (?)').bind(body.title).run();
                }).then(function (r) {
                    return json({ id: r.meta.last_row_id }, 201);
                });
            }
            if (parts[1] === 'todos' && request.method === 'GET' && parts[2]) {
                return db.prepare('SELECT * FROM todos WHERE id = ?').bind(id).first().then(function (row) {
                    return row ? json(row) : json({ error: 'not found' }, 404);
                });
            }
            if (parts[1] === 'todos' && request.method === 'GET') {
                return db.prepare('SELECT * FROM todos ORDER BY id').all().then(function (r) { return json(r.results); });
            }
            if (parts[1] === 'todos' && request.method === 'PUT') {
                return request.json().then(function (body) {
                    return db.prepare('UPDATE todos SET title = ?, done = ? WHERE id = ?').bind(body.title, body.done, id).run();
                }).then(function (r) { return json({ changes: r.meta.changes }); });
            }
            if (parts[1] === 'todos' && request.method === 'DELETE') {
                return db.prepare('DELETE FROM todos WHERE id = ?').bind(id).run().then(function (r) {
                    return json({ changes: r.meta.changes });
                });
            }
            if (parts[1] === 'many') {
                // one batch: every title or none
                return request.json().then(function (titles) {
                    var ins = db.prepare('INSERT INTO todos (title) VALUES (?)');
                    return db.batch(titles.map(function (t) { return ins.bind(t); }));
                }).then(function (rs) { return json({ inserted: rs.length }); });
            }
            if (parts[1] === 'bump') {
                return db.batch([db.prepare('UPDATE counter SET n = n + 1 WHERE id = 1'),
                                 db.prepare('INSERT INTO todos (title) VALUES (?)').bind(url.searchParams.get('t'))])
                    .then(function () { return new Response('ok'); });
            }
            if (parts[1] === 'forever') {
                return db.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c')
                    .first().then(function () { return new Response('finished?'); });
            }
            if (parts[1] === 'count') {
                return db.prepare('SELECT n FROM counter').first('n').then(function (n) { return new Response(String(n)); });
            }
            return json({ error: 'no route' }, 404);
        }).then(null, fail);
    }
};
EOF2
my $pool = FcwTest::start_pool(dir => $dir, script => $script, children => 4, pool => "d1.DB = state/app.sqlite3\n");
ok(-d "$dir/state", 'the master made the folder of a relative d1 path (from the ini\'s folder)') or diag $pool->log;

sub call {
    my ($method, $uri, $body) = @_;
    my $r = $pool->request(method => $method, uri => $uri,
                           defined $body ? (body => encode_json($body), headers => { 'CONTENT_TYPE' => 'application/json' }) : ());
    my $data = eval { decode_json($r->{body}) };
    return ($r->{status}, $data // $r->{body});
}

my ($s, $d) = call('POST', '/todos', { title => 'write tests' });
is($s, 201, 'create');
is_deeply($d, { id => 1 }, 'with the new id');
($s, $d) = call('POST', '/todos', { title => 'ship' });
($s, $d) = call('GET', '/todos/1');
is_deeply($d, { id => 1, title => 'write tests', done => 0 }, 'read one');
($s, $d) = call('PUT', '/todos/1', { title => 'write tests', done => JSON::PP::true });
is_deeply($d, { changes => 1 }, 'update (a boolean bound as 1)');
($s, $d) = call('GET', '/todos');
is_deeply($d, [{ id => 1, title => 'write tests', done => 1 }, { id => 2, title => 'ship', done => 0 }], 'list');
($s, $d) = call('DELETE', '/todos/2');
is_deeply($d, { changes => 1 }, 'delete');
($s, $d) = call('GET', '/todos/2');
is($s, 404, 'deleted');
($s, $d) = call('POST', '/todos', { title => 'write tests' });
is($s, 500, 'a constraint violation');
like($d, qr/^D1_ERROR: UNIQUE constraint failed: todos\.title: SQLITE_CONSTRAINT$/, 'reaches the script as D1_ERROR');
($s, $d) = call('POST', '/many', [ 'a', 'b', 'write tests', 'c' ]);
is($s, 500, 'a batch with a failing statement fails');
($s, $d) = call('GET', '/todos');
is(scalar @$d, 1, 'and none of its statements stay');
($s, $d) = call('POST', '/many', [ 'a', 'b', 'c' ]);
is_deeply($d, { inserted => 3 }, 'a good batch');

# four children writing at once: each bump is a transaction of two writes
my $clients = 4;
my $per = 40;
my @pids;
for my $c (1 .. $clients) {
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        my $bad = 0;
        for my $i (1 .. $per) {
            my $r = $pool->request(uri => "/bump?t=c$c-$i");
            $bad++ unless ($r->{status} // 0) == 200;
        }
        POSIX::_exit($bad > 255 ? 255 : $bad);
    }
    push @pids, $pid;
}
my $bad = 0;
for my $pid (@pids) {
    waitpid($pid, 0);
    $bad += $? >> 8;
}
is($bad, 0, "$clients clients x $per batches at once: all answered ok");
is($pool->request(uri => '/count')->{body}, $clients * $per, 'every increment counted');
($s, $d) = call('GET', '/todos');
is(scalar @$d, 4 + $clients * $per, 'every row written');
unlike($pool->log, qr/locked|SQLITE_BUSY/, 'no lock errors');

# a statement that never ends stops at the CPU limit, as JavaScript does
my $t0 = time;
my $r = $pool->request(uri => '/forever');
is($r->{status}, 503, 'an endless query is cut at limits.cpu_ms (503)') or diag "$r->{status} $r->{body}";
ok(time - $t0 < 10, 'well before the master\'s hard kill');
($s, $d) = call('GET', '/todos/1');
is($s, 200, 'and the pool answers on');
$pool->stop;

done_testing;
