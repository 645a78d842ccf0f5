#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# KV namespaces on SQLite: t/js/kv.js against a real namespace file, then
# through a pool: the master makes the namespace's folder, four children
# write at once into one file (WAL, busy_timeout: no write lost, no
# "database is locked"), expired keys are invisible and purged, bindings
# reach module scripts as env.NAME, and bad kv.* lines fail -t with their
# file:line.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use POSIX qw(:sys_wait_h);
use Test::More;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $sqlite3 = grep { -x "$_/sqlite3" } split /:/, $ENV{PATH};

sub sql {
    my ($file, $query) = @_;
    my $out = `sqlite3 -batch '$file' "$query" 2>&1`;
    chomp $out;
    return $out;
}

# ---- the JS API against the SQLite backend
{
    local $ENV{FCW_TEST_BINDINGS} = "kv:KV:sqlite:$dir/unit.sqlite3";
    my $n = 0;
    my $result = FcwTest::run_js_file("$top/t/js/kv.js");
    my $failed = grep { $_->[0] eq 'test' && !$_->[1] } @{ $result->{events} };
    my $count = grep { $_->[0] eq 'test' } @{ $result->{events} };
    for my $e (@{ $result->{events} }) {
        diag $e->[1] if $e->[0] eq 'comment';
        diag "failed: $e->[2]" if $e->[0] eq 'test' && !$e->[1];
    }
    ok($result->{complete} && !$failed && $count > 40, "t/js/kv.js on SQLite: $count assertions pass ($result->{detail})");
}

# ---- through a pool
my $script = FcwTest::write_file("$dir/kv.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        var q = url.searchParams;
        var kv = env.CACHE;
        switch (url.pathname) {
        case '/put':
            var opts = q.get('ttl') ? { expirationTtl: Number(q.get('ttl')) } : undefined;
            return kv.put(q.get('k'), q.get('v'), opts).then(function () { return new Response('ok'); });
        case '/get':
            return kv.get(q.get('k')).then(function (v) {
                return v === null ? new Response('missing', { status: 404 }) : new Response(v);
            });
        case '/list':
            return kv.list({ prefix: q.get('prefix') || '' }).then(function (r) {
                return new Response(r.keys.map(function (k) { return k.name; }).join(','));
            });
        case '/same':
            return new Response(String(env.CACHE === CACHE && typeof OTHER === 'object'));
        case '/other':
            return env.OTHER.get('shared').then(function (v) { return new Response(String(v)); });
        }
        return new Response('not found', { status: 404 });
    }
};
EOF2
my $kvdir = "$dir/state/kv";
my $pool = FcwTest::start_pool(script => $script, children => 4,
                               pool => "kv.CACHE = sqlite:$kvdir\nkv.OTHER = $kvdir\nkv.OTHER.namespace = CACHE\n");
ok(-d $kvdir, 'the master made the namespace folder') or diag $pool->log;
is($pool->request(uri => '/put?k=hello&v=world')->{body}, 'ok', 'put through the pool');
is($pool->request(uri => '/get?k=hello')->{body}, 'world', 'get through the pool');
ok(-f "$kvdir/CACHE.sqlite3", 'one file per namespace: DIR/NAMESPACE.sqlite3');
is($pool->request(uri => '/same')->{body}, 'true', 'bindings are globals too (service-worker syntax)');
is($pool->request(uri => '/other')->{body}, 'null', 'a second binding');
$pool->request(uri => '/put?k=shared&v=both');
is($pool->request(uri => '/other')->{body}, 'both', 'two bindings naming one namespace share it');

SKIP: {
    skip 'sqlite3 CLI not installed', 1 unless $sqlite3;
    is(sql("$kvdir/CACHE.sqlite3", 'PRAGMA journal_mode'), 'wal', 'the namespace file is in WAL mode');
}

# four children writing at once
my $clients = 4;
my $per = 60;
my @pids;
for my $c (1 .. $clients) {
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        my $bad = 0;
        for my $i (1 .. $per) {
            my $r = $pool->request(uri => "/put?k=w$c-$i&v=$c.$i");
            $bad++ unless ($r->{status} // 0) == 200 && $r->{body} eq 'ok';
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
is($bad, 0, "$clients clients x $per puts at once: every put answered ok");
my %pids_seen;
my $missing = 0;
for my $c (1 .. $clients) {
    for my $i (1 .. $per) {
        my $r = $pool->request(uri => "/get?k=w$c-$i");
        $missing++ unless $r->{body} eq "$c.$i";
    }
}
is($missing, 0, 'every write is there');
my @listed = split /,/, $pool->request(uri => '/list?prefix=w')->{body};
is(scalar @listed, $clients * $per, 'list sees every key');
unlike($pool->log, qr/locked|busy|KV PUT failed/i, 'no lock errors in the log');

# expiry: a key whose expiration passed is invisible, then purged
SKIP: {
    skip 'sqlite3 CLI not installed', 4 unless $sqlite3;
    is($pool->request(uri => '/put?k=old&v=x&ttl=60')->{body}, 'ok', 'put with expirationTtl');
    is($pool->request(uri => '/get?k=old')->{body}, 'x', 'readable');
    sql("$kvdir/CACHE.sqlite3", "UPDATE kv SET expiration = strftime('%s','now') - 1 WHERE key = CAST('old' AS BLOB)");
    is($pool->request(uri => '/get?k=old')->{status}, 404, 'invisible once expired');
    unlike($pool->request(uri => '/list?prefix=ol')->{body}, qr/old/, 'not listed once expired');
    # every child purges after 64 writes
    $pool->request(uri => "/put?k=p$_&v=x") for 1 .. 4 * 64;
    is(sql("$kvdir/CACHE.sqlite3", "SELECT count(*) FROM kv WHERE key = CAST('old' AS BLOB)"), '0', 'purged from the file');
}
$pool->stop;

# ---- service-worker syntax, and as root a pool user's folder
my $sw = FcwTest::write_file("$dir/sw.js", <<'EOF2');
addEventListener('fetch', function (event) {
    event.respondWith(SW.put('k', 'from a global').then(function () {
        return SW.get('k');
    }).then(function (v) {
        return new Response(v);
    }, function (e) {
        return new Response(e.message, { status: 500 });
    }));
});
EOF2
chmod 0755, $dir;
chmod 0644, $sw;
my $as_nobody = $> == 0 && defined getpwnam('nobody');
my $swpool = FcwTest::start_pool(script => $sw, children => 1, pool => "kv.SW = sqlite:$dir/swkv/data\nkv.fetch = sqlite:$dir/swkv\n"
                                 . ($as_nobody ? "user = nobody
" : ''));
is($swpool->request(uri => '/')->{body}, 'from a global', 'service-worker syntax: the binding is a global');
like($swpool->log, qr/the binding fetch is in env only: a global of that name exists/,
     'a binding named like a global of the runtime does not hide it');
SKIP: {
    skip 'not root', 1 unless $as_nobody;
    is((stat "$dir/swkv/data")[4], scalar getpwnam('nobody'), 'as root, the folders made belong to the pool\'s user');
}
$swpool->stop;

# ---- configuration errors: file:line, and -t makes folders
sub test_conf {
    my ($lines) = @_;
    my $ini = "$dir/t.ini";
    FcwTest::write_file($ini, "[pool:t]\nlisten = $dir/t.sock\nscript = $script\n$lines");
    my $out = `'${\ FcwTest::fcworker()}' ${\ join(' ', FcwTest::root_flag())} -t -c '$ini' 2>&1`;
    return ($? >> 8, $out);
}
my ($rc, $out) = test_conf("kv.CACHE = sqlite:$dir/made/by/t\n");
is($rc, 0, '-t accepts a KV binding') or diag $out;
ok(-d "$dir/made/by/t", '-t makes the folder');
my @bad = (
    [ "kv.1x = sqlite:$dir\n", qr/t\.ini:4: kv\.1x: the binding's name must be a JavaScript identifier/ ],
    [ "kv.A = ftp://host\n", qr/t\.ini:4: \[pool:t\]: kv\.A: unknown backend/ ],
    [ "kv.A = redis://\n", qr/t\.ini:4: \[pool:t\]: kv\.A: expected redis:/ ],
    [ "kv.A = sqlite:$dir\nkv.A.bogus = 1\n", qr/t\.ini:5: kv\.A\.bogus: unknown key/ ],
    [ "kv.A = sqlite:$dir\nkv.A.namespace = ../up\n", qr/t\.ini:5: kv\.A\.namespace: expected a namespace/ ],
    [ "kv.A = sqlite:$dir\nkv.A.timeout = soon\n", qr/t\.ini:5: kv\.A\.timeout: expected a duration/ ],
    [ "kv.A.timeout = 1s\n", qr/t\.ini:4: \[pool:t\]: kv\.A: no location/ ],
    [ "kv.A = sqlite:$dir\nd1.A = $dir/x.db\n", qr/t\.ini:5: d1\.A: a KV namespace and a D1 database cannot have the same name/ ],
    [ "kv.A = sqlite:$dir\n[pool:t.vars]\nA = 1\n", qr/t\.ini:4: \[pool:t\]: kv\.A: the name is already a variable/ ],
    [ "kv.A = sqlite:$script/sub\n", qr/kv\.A: .*(not a folder|mkdir)/ ],
);
if ($as_nobody) {
    mkdir "$dir/rootonly", 0755;
    push @bad, [ "user = nobody\nkv.A = sqlite:$dir/rootonly\n",
                 qr/kv\.A: \Q$dir\E\/rootonly is not writable by the pool's user/ ];
}
for my $case (@bad) {
    my ($code, $text) = test_conf($case->[0]);
    (my $label = $case->[0]) =~ s/\n(?=.)/; /g;
    chomp $label;
    isnt($code, 0, "-t refuses: $label");
    like($text, $case->[1], 'with file:line and the reason');
}

done_testing;
