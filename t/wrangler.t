#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# wrangler = FILE in a pool: a wrangler.toml project (main, [vars] with
# strings and JSON values, kv_namespaces, d1_databases, services, [assets],
# [triggers] crons, compatibility_date) served through a pool; the same in
# wrangler.json and wrangler.jsonc; keys after the wrangler line override
# it; unknown keys warn; syntax errors and wrong types stop -t with the
# file and line. main is built with fcworker-build when its node_modules
# are installed (t/modern.t installs them); otherwise that check is skipped
# and the pool says build = off.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use JSON::PP;
use Test::More;

my $top = FcwTest::top();
my $dir = FcwTest::tmpdir();
my $fcworker = FcwTest::fcworker();
my @root = FcwTest::root_flag();
my $tool = "$top/contrib/fcworker-build/fcworker-build";
my $have_tool = -d "$top/contrib/fcworker-build/node_modules";

mkdir "$dir/app";
mkdir "$dir/app/src";
mkdir "$dir/app/public";
FcwTest::write_file("$dir/app/public/hello.txt", "static hello\n");
FcwTest::write_file("$dir/app/src/index.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        if (url.pathname === '/kv') {
            return env.CACHE.put('k', 'v1').then(function () { return env.CACHE.get('k'); })
                .then(function (v) { return new Response(v); });
        }
        if (url.pathname === '/d1') {
            return env.DB.prepare('SELECT 1 + 1 AS two').first('two').then(function (v) { return new Response(String(v)); });
        }
        if (url.pathname === '/svc') {
            return env.OTHER.fetch('http://other/x');
        }
        return new Response(JSON.stringify({ greeting: env.GREETING, n: env.N, flag: env.FLAG, config: env.CONFIG,
            assets: typeof env.ASSETS }));
    },
    scheduled: function (controller) {
        console.log('cron ' + controller.cron);
    }
};
EOF2
FcwTest::write_file("$dir/other.js", "export default { fetch: function () { return new Response('from other'); } };\n");
FcwTest::write_file("$dir/app/wrangler.toml", <<'EOF2');
# a Wrangler project
name = "my-app"
main = "src/index.js"
compatibility_date = "2024-09-23"
compatibility_flags = ["nodejs_compat"]
tail_consumers = [{ service = "x" }]

[vars]
GREETING = "hello"
N = 42
FLAG = true
CONFIG = { mode = "prod", list = [1, 2, "three"], nested.deep = 'yes' }

[[kv_namespaces]]
binding = "CACHE"
id = "0f2ac74b498b48028cb68387c421e279"

[[d1_databases]]
binding = "DB"
database_name = "app-db"
database_id = "4e1c28a9-90e4-41da-8b4b-6cf36e5abb29"

[[services]]
binding = "OTHER"
service = "other"

[assets]
directory = "./public"
binding = "ASSETS"

[triggers]
crons = ["*/5 * * * *", "0 0 * * MON"]
EOF2

my $build_line = $have_tool ? '' : "build = off\n";
local $ENV{FCW_BUILD_TOOL} = $tool;
my $pool = FcwTest::start_pool(script => undef, name => 'app',
    pool => "wrangler = $dir/app/wrangler.toml\n$build_line"
        . "[pool:other]\nlisten = $dir/other.sock\nscript = $dir/other.js\n");
my $r = $pool->request(uri => '/');
is($r->{status}, 200, 'a pool from wrangler.toml answers') or diag $pool->log;
my $j = eval { decode_json($r->{body}) } || {};
is($j->{greeting}, 'hello', '[vars]: a string');
is($j->{n}, 42, '[vars]: a number');
ok($j->{flag} && ref $j->{flag}, '[vars]: a boolean');
is_deeply($j->{config}, { mode => 'prod', list => [ 1, 2, 'three' ], nested => { deep => 'yes' } },
          '[vars]: an inline table, as a JSON value');
is($j->{assets}, 'object', '[assets] binding');
is($pool->request(uri => '/kv')->{body}, 'v1', 'kv_namespaces');
ok(-f "$dir/app/.fcworker/kv/0f2ac74b498b48028cb68387c421e279.sqlite3", 'the namespace file is named by its id');
is($pool->request(uri => '/d1')->{body}, '2', 'd1_databases');
ok(-f "$dir/app/.fcworker/d1/app-db.sqlite3", 'the database file is named by database_name');
is($pool->request(uri => '/svc')->{body}, 'from other', 'services: a pool of the same file');
is($pool->request(uri => '/hello.txt')->{body}, "static hello\n", '[assets] directory, relative to the file');
like($pool->log, qr/wrangler\.toml: line 6: unknown key "tail_consumers": ignored/, 'unknown keys are warned');
unlike($pool->log, qr/compatibility/, 'compatibility_date and _flags are accepted quietly');
$pool->stop;

my $ini = "$pool->{dir}/fcworker.ini";
my $out = `'$fcworker' @root -c '$ini' --scheduled app --cron '0 0 * * MON' 2>&1`;
is($? >> 8, 0, '[triggers]: --scheduled runs') or diag $out;
$out = `'$fcworker' @root -c '$ini' --scheduled app 2>&1`;
like($out, qr/cron \*\/5 \* \* \* \*/, '[triggers] crons: the first one by default');

SKIP: {
    skip 'contrib/fcworker-build/node_modules not installed (t/modern.t installs them)', 1 unless $have_tool;
    like($pool->log, qr/building .*src\/index\.js/, 'main is built with fcworker-build');
}

# wrangler.data: where the bindings' files go; D1 migrations as wrangler applies them
{
    my $d = FcwTest::tmpdir();
    mkdir "$d/proj";
    mkdir "$d/proj/db";
    FcwTest::write_file("$d/proj/main.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        return env.DB.prepare('SELECT name FROM notes_applied ORDER BY id').all().then(function (r) {
            return env.KV.put('k', 'kv').then(function () { return env.KV.get('k'); }).then(function (v) {
                return new Response(JSON.stringify({ applied: r.results.map(function (x) { return x.name; }), kv: v }));
            });
        });
    }
};
EOF2
    FcwTest::write_file("$d/proj/wrangler.toml", <<'EOF2');
main = "main.js"
kv_namespaces = [ { binding = "KV", preview_id = "", id = "" } ]
[[d1_databases]]
binding = "DB"
database_name = "notes"
database_id = "x"
migrations_dir = "db"
migrations_table = "notes_applied"
EOF2
    FcwTest::write_file("$d/proj/db/0001_a.sql", "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);\n");
    FcwTest::write_file("$d/proj/db/0002_b.sql", "INSERT INTO t VALUES (2);\n");
    FcwTest::write_file("$d/proj/db/notes.txt", "not a migration\n");
    my $p = FcwTest::start_pool(script => undef, name => 'proj',
        pool => "wrangler.data = data\nwrangler = $d/proj/wrangler.toml\nbuild = off\n");
    my $migrate = sub { my $o = `'$fcworker' @root -c '$p->{ini}' --d1-migrations proj 2>&1`; ($? >> 8, $o) };
    my ($rc, $o) = $migrate->();
    is($rc, 0, '--d1-migrations succeeds') or diag $o;
    like($o, qr/applied 0001_a\.sql.*applied 0002_b\.sql.*2 migrations applied/s, 'migrations apply in name order');
    ok(-f "$p->{dir}/data/d1/notes.sqlite3", 'wrangler.data holds the D1 database (relative to the ini)');
    $j = eval { decode_json($p->request(uri => '/')->{body}) } || {};
    is_deeply($j, { applied => [ '0001_a.sql', '0002_b.sql' ], kv => 'kv' }, 'migrations_table notes them; an empty KV id works')
        or diag $p->log;
    ok(-f "$p->{dir}/data/kv/KV.sqlite3", 'an empty KV id: the namespace is the binding name, in wrangler.data');
    ($rc, $o) = $migrate->();
    like($o, qr/0 migrations applied/, 'applied migrations are not applied again') or diag $o;
    FcwTest::write_file("$d/proj/db/0003_bad.sql", "INSERT INTO t VALUES (3);\nINSERT INTO nope VALUES (1);\n");
    ($rc, $o) = $migrate->();
    is($rc, 1, 'a failing migration: exit status 1');
    like($o, qr/migration 0003_bad\.sql failed: no such table: nope/, '... with its error');
    my $sum = `sqlite3 '$p->{dir}/data/d1/notes.sqlite3' 'SELECT sum(x) FROM t' 2>/dev/null`;
    SKIP: {
        skip 'no sqlite3 program', 1 if $? != 0;
        is($sum + 0, 3, '... and none of its statements stays');
    }
    $o = `'$fcworker' @root -c '$p->{ini}' --d1-migrations nosuch 2>&1`;
    is($? >> 8, 2, '--d1-migrations: an unknown pool');
    $p->stop;
    FcwTest::write_file("$d/late.ini", "[pool:t]\nlisten = $d/l.sock\nwrangler = proj/wrangler.toml\nwrangler.data = x\n");
    $o = `'$fcworker' @root -t -c '$d/late.ini' 2>&1`;
    like($o, qr/late\.ini:4: wrangler\.data must come before the wrangler line/, 'wrangler.data after wrangler is refused');
}

# JSON and JSONC
FcwTest::write_file("$dir/app/wrangler.json", encode_json({ main => 'src/index.js', vars => { GREETING => 'json',
    N => 7, FLAG => JSON::PP::false, CONFIG => [ 1, { a => undef } ] } }));
FcwTest::write_file("$dir/app/wrangler.jsonc", <<'EOF2');
{
    // comments and trailing commas
    "main": "src/index.js",
    /* block comment */
    "vars": { "GREETING": "jsonc \u00e9\ud83d\ude00", "N": -1.5e3, "FLAG": true, "CONFIG": {}, },
}
EOF2
for my $kind (qw(json jsonc)) {
    my $p = FcwTest::start_pool(script => undef, pool => "wrangler = $dir/app/wrangler.$kind\nbuild = off\n");
    my $b = eval { decode_json($p->request(uri => '/')->{body}) } || {};
    if ($kind eq 'json') {
        is_deeply([ $b->{greeting}, $b->{n}, $b->{flag} ? 1 : 0, $b->{config} ], [ 'json', 7, 0, [ 1, { a => undef } ] ],
                  'wrangler.json') or diag $p->log;
    } else {
        is_deeply([ $b->{greeting}, $b->{n}, $b->{config} ], [ "jsonc \x{e9}\x{1f600}", -1500, {} ], 'wrangler.jsonc')
            or diag $p->log;
    }
    $p->stop;
}

# errors stop -t with the file and line
my @bad = (
    [ 'toml', "main = \"a.js\"\n[vars]\nX = \"unterminated\n", qr/wrangler\.toml: line 3: unterminated string/ ],
    [ 'toml', "main = \"a.js\"\nname = bare\n", qr/line 2: bad value "bare" \(strings need quotes\)/ ],
    [ 'toml', "[vars]\nA = 1\nA = 2\n", qr/line 3: the key "A" is defined twice/ ],
    [ 'toml', "[vars]\n[vars]\n", qr/line 2: the table \[vars\] is defined twice/ ],
    [ 'toml', "main = 5\n", qr/line 1: main must be a string/ ],
    [ 'toml', "[[kv_namespaces]]\nid = \"x\"\n", qr/kv_namespaces needs "binding"/ ],
    [ 'toml', "kv_namespaces = 3\n", qr/kv_namespaces must be an array of tables/ ],
    [ 'toml', "[triggers]\ncrons = [\"61 * * * *\"]\n", qr/triggers\.crons: bad minute "61"/ ],
    [ 'toml', "a = [1, 2\n", qr/line 2: expected a value|expected ',' or '\]'/ ],
    [ 'json', "{\"main\": \"a.js\",, }", qr/wrangler\.json: line 1: expected a quoted key/ ],
    [ 'json', "[1]", qr/expected an object/ ],
    [ 'json', "{\"a\": \"\\ud800\"}", qr/surrogate/ ],
);
my $i = 0;
for my $case (@bad) {
    my ($kind, $text, $re) = @$case;
    my $d = FcwTest::tmpdir();
    FcwTest::write_file("$d/wrangler.$kind", $text);
    FcwTest::write_file("$d/f.ini", "[pool:t]\nlisten = $d/s.sock\nwrangler = wrangler.$kind\n");
    my $o = `'$fcworker' @root -t -c '$d/f.ini' 2>&1`;
    ok($? != 0 && $o =~ /f\.ini:3: wrangler: |wrangler\.$kind/ && $o =~ $re, "refused: " . (split /\n/, $text)[-1])
        or diag $o;
}
my $o = `'$fcworker' @root -t -c '$dir/nope.ini' 2>&1`;
FcwTest::write_file("$dir/missing.ini", "[pool:t]\nlisten = $dir/m.sock\nwrangler = $dir/none.toml\n");
$o = `'$fcworker' @root -t -c '$dir/missing.ini' 2>&1`;
like($o, qr/missing\.ini:3: wrangler: cannot read .*none\.toml/, 'a missing file');

done_testing;
