#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The status page in the OpenMetrics text format (?openmetrics), parsed by
# a real parser (python3-prometheus-client's openmetrics parser, which
# refuses anything the format does not allow; Debian's python3, not one
# earlier in PATH): PHP-FPM's figures under
# fcworker_* names, requests by outcome, limit hits, subrequests, body
# bytes and heap sizes, counted on the scoreboard by every child.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use JSON::PP;

system('/usr/bin/python3 -c "import prometheus_client.openmetrics.parser" 2>/dev/null') == 0
    or plan skip_all => 'python3-prometheus-client is missing (contrib/deps.sh test)';

my $dir = FcwTest::tmpdir();
FcwTest::write_file("$dir/metrics.js", <<'JS');
var hoard = [];
export default {
    fetch(request) {
        var path = new URL(request.url).pathname;
        if (path === '/ok') return new Response('0123456789');
        if (path === '/redirect') return Response.redirect('https://example.org/', 302);
        if (path === '/missing') return new Response('no', { status: 404 });
        if (path === '/throw') throw new Error('on purpose');
        if (path === '/cpu') for (;;) {}
        if (path === '/memory') {
            for (;;) {
                try { hoard.push(new Uint8Array(1 << 20)); } catch (e) { /* on */ }
            }
        }
        if (path === '/fetch') {
            var urls = ['http://127.0.0.1:1/a', 'http://127.0.0.1:1/b', 'http://127.0.0.1:1/c'];
            return Promise.all(urls.map(function (u) {
                return fetch(u).then(function () { return 0; }, function () { return 1; });
            })).then(function (failed) { return new Response('failed ' + failed.join(',')); });
        }
        return new Response('?', { status: 400 });
    }
};
JS
my $pool = FcwTest::start_pool(dir => FcwTest::tmpdir(), script => "$dir/metrics.js", name => 'metrics',
    children => 1, pool => "pm.status_path = /status\nlimits.cpu_ms = 100\nlimits.memory_mb = 24\n");

# parses a scrape: { "name{label=v,...}" => value }, or the parser's error
sub scrape {
    my $r = $pool->request(uri => '/status?openmetrics');
    my $file = "$dir/scrape.txt";
    FcwTest::write_file($file, $r->{body});
    my $py = <<'PY';
import json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
out = {}
for fam in text_string_to_metric_families(open(sys.argv[1]).read()):
    for s in fam.samples:
        labels = ",".join("%s=%s" % kv for kv in sorted(s.labels.items()) if kv[0] not in ("pool",))
        out[s.name + "{" + labels + "}"] = s.value
        out["pool:" + s.name] = s.labels.get("pool")
        out["type:" + fam.name] = fam.type
print(json.dumps(out))
PY
    my $json = `/usr/bin/python3 -c '$py' $file 2>&1`;
    my $m = eval { decode_json($json) };
    return ($r, $m, $json);
}

my ($r, $m, $err) = scrape();
is($r->{status}, 200, 'scrape answered') or diag($pool->log);
like($r->{headers}{'content-type'}[0], qr{^application/openmetrics-text; version=1\.0\.0}, 'OpenMetrics content type');
like($r->{body}, qr/# EOF\n\z/, 'ends with # EOF');
ok($m, 'the OpenMetrics parser accepts the page') or diag("$err\n$r->{body}");
is($m->{'pool:fcworker_up'}, 'metrics', 'the pool label');
is($m->{'fcworker_total_processes{}'}, 1, 'total processes');
is($m->{'type:fcworker_accepted_connections'}, 'counter', 'accepted connections is a counter');

my %want = ('/ok' => 200, '/ok?again' => 200, '/redirect' => 302, '/missing' => 404, '/throw' => 500,
    '/cpu' => 503, '/fetch' => 200);
for my $uri (sort keys %want) {
    my $res = $pool->request(uri => $uri);
    is($res->{status}, $want{$uri}, "$uri answers $want{$uri}");
}
my $mem = $pool->request(uri => '/memory');
is($mem->{status}, 503, 'memory over limits.memory_mb answers 503');
# the child is replaced after the memory limit: wait for the new one
for (1 .. 100) { last if $pool->request(uri => '/ok')->{status} == 200; select(undef, undef, undef, 0.05) }

($r, $m, $err) = scrape();
ok($m, "parsed after the requests") or diag("$err\n$r->{body}");
is($m->{'fcworker_requests_total{outcome=2xx}'}, 4, 'requests 2xx (three /ok and /fetch)');
is($m->{'fcworker_requests_total{outcome=3xx}'}, 1, 'requests 3xx');
is($m->{'fcworker_requests_total{outcome=4xx}'}, 2, "requests 4xx (/missing and start_pool's readiness probe)");
is($m->{'fcworker_requests_total{outcome=5xx}'}, 1, 'requests 5xx (the throw)');
is($m->{'fcworker_requests_total{outcome=limited}'}, 2, 'requests ended by a limit');
is($m->{'fcworker_limit_hits_total{limit=cpu}'}, 1, 'CPU limit hits');
is($m->{'fcworker_limit_hits_total{limit=memory}'}, 1, 'memory limit hits');
is($m->{'fcworker_limit_hits_total{limit=wall}'}, 0, 'wall limit hits');
is($m->{'fcworker_fetch_subrequests_total{}'}, 3, 'fetch subrequests');
ok($m->{'fcworker_response_body_bytes_total{}'} >= 30, 'body bytes counted: ' . $m->{'fcworker_response_body_bytes_total{}'});
ok($m->{'fcworker_accepted_connections_total{}'} >= 10, 'accepted connections');
is($m->{'fcworker_heap_limit_bytes{}'}, 24 << 20, 'heap limit');
my ($heap) = grep { /^fcworker_process_heap_bytes\{/ } keys %$m;
ok($heap && $m->{$heap} > 100_000, "a child's heap size: " . ($heap // 'none') . ' = ' . ($heap ? $m->{$heap} : ''));
my ($reqs) = grep { /^fcworker_process_requests_total\{/ } keys %$m;
ok($reqs && $m->{$reqs} >= 1, 'per-child requests');

# the text and JSON pages are as before
my $text = $pool->request(uri => '/status');
like($text->{body}, qr/^pool:\s+metrics$/m, 'plain page unchanged');
unlike($text->{body}, qr/fcworker_/, '... without metrics');
$pool->stop;
done_testing();
