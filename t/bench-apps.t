#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The real apps of contrib/bench answer what the benchmark measures, built
# as contrib/bench/run builds them (FcwBench::Setup::build_apps: npm
# packages into the bench's cache directory, contrib/fcworker-build for
# fcworker and workerd, esbuild for Node): each row's request through
# fcworker in CGI mode; the workerd bundle (the same build with --portable)
# with its prelude in Node (the BigInt hooks zod's lowered code calls),
# which must answer the same; and
# the PHP scripts of the api and jsx rows, which must give the same bodies
# (and ETag) as the Hono apps when php-cgi is installed.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib", "$FindBin::Bin/../contrib/bench/lib";
use FcwTest;
use Test::More;
use IPC::Open3;
use Symbol qw(gensym);
use FcwBench::Setup ();

my $top = FcwTest::top();
my $bin = FcwTest::fcworker();
my $dir = FcwTest::tmpdir();
my $php_cgi = '/usr/bin/php-cgi8.2';

plan skip_all => 'node and npm are needed to build the apps'
    unless system('sh', '-c', 'command -v node >/dev/null && command -v npm >/dev/null') == 0;

# progress of the build goes to a log, not to the TAP stream
open my $saved, '>&', \*STDERR or die;
open STDERR, '>', "$dir/build.log" or die;
# contrib/fcworker-build's packages, or a copy of the tool with its own (so
# as not to race t/apps.t, which installs them in place)
my $tool = "$top/contrib/fcworker-build";
if (!-e "$tool/node_modules/.package-lock.json") {
    system('cp', '-R', $tool, "$dir/fcworker-build") == 0 or die "cp -R $tool: $?";
    system('rm', '-rf', "$dir/fcworker-build/node_modules");
    $tool = "$dir/fcworker-build";
    system("cd '$tool' && npm ci --no-audit --no-fund --loglevel=error >&2") == 0
        or BAIL_OUT("npm ci in a copy of contrib/fcworker-build failed");
}
my ($apps, $why) = FcwBench::Setup::build_apps($top, $dir, $tool);
open STDERR, '>&', $saved or die;
ok($apps, 'the apps build') or BAIL_OUT("build_apps: $why\n" . FcwTest::read_file("$dir/build.log"));
for my $app (@FcwBench::Setup::APPS) {
    ok($apps->{$app}{$_}, "$app: a $_ bundle") or diag($apps->{$app}{"${_}_na"}) for qw(fcworker workerd node);
}

my $order = '{"customer":"Ada Lovelace","email":"ada@shop.example","items":[{"sku":"SKU-1003","quantity":2},'
    . '{"sku":"SKU-1017","quantity":1},{"sku":"SKU-1042","quantity":5}],"note":"leave at the door"}';

# Runs a CGI program; (status, headers as a lower-cased hash, body).
sub cgi {
    my ($cmd, $method, $uri, $body, %extra) = @_;
    my ($path, $query) = split /\?/, $uri, 2;
    local %ENV = (PATH => $ENV{PATH}, GATEWAY_INTERFACE => 'CGI/1.1', REQUEST_METHOD => $method, REQUEST_URI => $uri,
        SCRIPT_NAME => '', PATH_INFO => $path, QUERY_STRING => $query // '', SERVER_NAME => 'localhost',
        SERVER_PORT => '80', SERVER_PROTOCOL => 'HTTP/1.1', HTTP_HOST => 'localhost', REDIRECT_STATUS => '200',
        (defined $body ? (CONTENT_TYPE => 'application/json', CONTENT_LENGTH => length $body) : ()), %extra);
    my $err = gensym;
    my $pid = open3(my $in, my $out, $err, @$cmd);
    print $in $body if defined $body;
    close $in;
    local $/;
    my $o = <$out> // '';
    my $e = <$err> // '';
    waitpid($pid, 0);
    my ($head, $content) = split /\r?\n\r?\n/, $o, 2;
    my %h = map { /^([^:]+):\s*(.*?)\r?$/ ? (lc $1 => $2) : () } split /\n/, $head // '';
    my $status = $h{status} && $h{status} =~ /^(\d+)/ ? $1 : 200;
    diag("stderr: $e") if $? != 0;
    return ($status, \%h, $content // '');
}

sub fcw { my ($app, @req) = @_; return cgi([$bin, $apps->{$app}{fcworker}], @req) }

my ($status, $h, $body);
($status, $h, $body) = fcw('api', 'GET', '/api/products?limit=10&offset=5');
is($status, 200, 'api GET: 200');
like($body, qr/^\{"total":50,"offset":5,"items":\[\{"sku":"SKU-1005",/, 'api GET: the page of the catalogue');
is(scalar(() = $body =~ /"sku":/g), 10, 'api GET: limit 10');
like($h->{etag} // '', qr/^"[0-9a-f]{40}"$/, 'api GET: an ETag (etag middleware)');
my %fcw_api = (get => [$status, $h->{etag}, $body]);
($status, $h, $body) = fcw('api', 'GET', '/api/products?limit=99');
is($status, 400, 'api GET: a query out of bounds is a 400 (zod)');
($status, $h, $body) = fcw('api', 'POST', '/api/orders', $order);
is($status, 201, 'api POST: 201');
is($body, '{"id":1,"customer":"Ada Lovelace","lines":3,"total":4221}', 'api POST: the order, its total computed');
$fcw_api{post} = [$status, undef, $body];
($status, $h, $body) = fcw('api', 'POST', '/api/orders', '{"customer":"","email":"nope","items":[]}');
is($status, 400, 'api POST: an invalid order is a 400');
like($body, qr/ZodError/, 'api POST: with zod\'s issues');

($status, $h, $body) = fcw('jsx', 'GET', '/products');
is($status, 200, 'jsx: 200');
like($h->{'content-type'} // '', qr{^text/html}, 'jsx: HTML');
is(scalar(() = $body =~ /<tr class=/g), 100, 'jsx: 100 rows');
like($body, qr{<a href="/products/1\?ref=list&amp;name=Item%20%3C1%3E%20%26%20co">Item &lt;1&gt; &amp; co</a>},
    'jsx: attributes and text escaped');
like($body, qr{<footer>100 items</footer>}, 'jsx: its footer counts them');
my $fcw_jsx = $body;
($status, $h, $body) = fcw('jsx', 'GET', '/products?items=1000');
is($status, 200, 'jsx, the large page: 200');
is(scalar(() = $body =~ /<tr class=/g), 1000, 'jsx, the large page: 1,000 rows');
ok(length($body) > 100_000 && $body =~ m{<td>1000</td>.*<footer>1000 items</footer></body></html>\z}s,
    'jsx, the large page: over 100 KB, its last row and its footer');
my $fcw_jsx_large = $body;
($status, $h, $body) = fcw('jsx', 'GET', '/products?items=1x');
is(scalar(() = $body =~ /<tr class=/g), 100, 'jsx: a count that is not one gives 100 rows');

($status, $h, $body) = fcw('basic', 'GET', '/book/42');
is($status, 200, 'basic: GET /book/42');
is($body, 'book 42', 'basic: the nested router answers');
is($h->{'x-powered-by'}, 'Hono', 'basic: poweredBy');
like($h->{'x-response-time'} // '', qr/^\d+ms$/, 'basic: the X-Response-Time middleware');
($status, $h) = fcw('basic', 'GET', '/auth/page');
is($status, 401, 'basic: basicAuth without credentials');
like($h->{'www-authenticate'} // '', qr/^Basic /, 'basic: with its challenge');
($status, $h, $body) = fcw('basic', 'GET', '/auth/page', undef, HTTP_AUTHORIZATION => 'Basic YmVuY2g6bm90LWEtc2VjcmV0');
is("$status $body", '200 authorized', 'basic: basicAuth with the credentials');
($status, $h, $body) = fcw('basic', 'GET', '/no/such/page');
is("$status $body", '404 Nothing here (404)', 'basic: the custom 404');

($status, $h, $body) = fcw('bindings', 'GET', '/health');
is("$status $body", '200 ok', 'bindings: the probe route answers without a binding');

# The workerd bundle (--portable) in V8, with the prelude workerd gets, answers the same.
my $runner = FcwTest::write_file("$dir/run-bundle.mjs", <<'EOF');
import { pathToFileURL } from 'node:url';
const [file, method, url, body] = process.argv.slice(2);
const app = (await import(pathToFileURL(file).href)).default;
const init = { method };
if (body) { init.body = body; init.headers = { 'content-type': 'application/json' }; }
const r = await app.fetch(new Request('http://localhost' + url, init), {});
process.stdout.write(r.status + '\n' + (r.headers.get('etag') || '') + '\n' + await r.text());
EOF
my $copy = "$dir/api.workerd.mjs";
FcwTest::write_file($copy, FcwTest::read_file($apps->{api}{workerd}));
like(FcwTest::read_file($copy), qr{\A(?://[^\n]*\n)*var __fcw_bigint =}, 'the workerd bundle starts with the BigInt prelude');
for my $case (['get', 'GET', '/api/products?limit=10&offset=5'], ['post', 'POST', '/api/orders', $order]) {
    my ($name, @req) = @$case;
    my $out = node_run($copy, @req);
    my ($st, $etag, $content) = split /\n/, $out, 3;
    is($st, $fcw_api{$name}[0], "api $name in Node on the workerd bundle: same status");
    is($content, $fcw_api{$name}[2], "api $name in Node on the workerd bundle: same body");
    is($etag, $fcw_api{$name}[1], "api $name: same ETag") if $name eq 'get';
}

sub node_run {
    my @args = @_;
    my $pid = open(my $fh, '-|');
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        open STDERR, '>&', \*STDOUT;
        exec('node', $runner, @args) or POSIX::_exit(127);
    }
    local $/;
    my $out = <$fh> // '';
    close $fh;
    return $out;
}

SKIP: {
    skip "$php_cgi is not installed", 6 unless -x $php_cgi;
    my $api = "$top/contrib/bench/php/api.php";
    ($status, $h, $body) = cgi([$php_cgi], 'GET', '/api/products?limit=10&offset=5', undef, SCRIPT_FILENAME => $api);
    is("$status $body", "$fcw_api{get}[0] $fcw_api{get}[2]", 'api.php GET: the same status and body as Hono');
    is($h->{etag}, $fcw_api{get}[1], 'api.php GET: the same ETag');
    ($status, $h, $body) = cgi([$php_cgi], 'POST', '/api/orders', $order, SCRIPT_FILENAME => $api);
    is("$status $body", "$fcw_api{post}[0] $fcw_api{post}[2]", 'api.php POST: the same status and body');
    ($status) = cgi([$php_cgi], 'POST', '/api/orders', '{"customer":"","email":"nope","items":[]}', SCRIPT_FILENAME => $api);
    is($status, 400, 'api.php POST: an invalid order is a 400');
    ($status, $h, $body) = cgi([$php_cgi], 'GET', '/products', undef, SCRIPT_FILENAME => "$top/contrib/bench/php/jsx.php");
    ok($status == 200 && $body eq $fcw_jsx, 'jsx.php: the same page, byte for byte');
    ($status, $h, $body) = cgi([$php_cgi], 'GET', '/products?items=1000', undef,
        SCRIPT_FILENAME => "$top/contrib/bench/php/jsx.php");
    ok($status == 200 && $body eq $fcw_jsx_large, 'jsx.php: the same large page, byte for byte');
}

done_testing();
