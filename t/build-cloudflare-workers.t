#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The cloudflare:workers module (js/75-workers-module.js, resolved by
# fcworker-build): a worker whose default export is a class extending
# WorkerEntrypoint (through a base class of its own) is built and served by
# a pool: one instance per request with this.env and this.ctx, its fetch()
# and, by fcworker --scheduled, its scheduled(); `env` imported from the
# module at load time and in a request, waitUntil() from the module and
# from this.ctx, DurableObject and RpcTarget to extend. Another cloudflare:
# module is a build error that says which one fcworker has. Needs node and
# the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use JSON::PP;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my $tool = FcwTest::build_tool();
my $dir = FcwTest::tmpdir();

FcwTest::write_file("$dir/index.mjs", <<'EOF2');
import { WorkerEntrypoint, DurableObject, RpcTarget, env, waitUntil } from 'cloudflare:workers';

const atLoad = env.GREETING;
const log = [];

export class Counter extends DurableObject {
  async fetch() { return new Response('never served'); }
}

class Base extends WorkerEntrypoint {
  greet(name) { return `${this.env.GREETING}, ${name}`; }
}

export default class App extends Base {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === '/wait') {
      waitUntil(new Promise((r) => setTimeout(() => { log.push('module waitUntil'); r(); }, 50)));
      this.ctx.waitUntil(Promise.resolve().then(() => log.push('ctx waitUntil')));
      return new Response('waiting');
    }
    if (path === '/log') return new Response(log.join(','));
    return Response.json({
      greet: this.greet('ann'), atLoad, same: env === this.env, entrypoint: this instanceof WorkerEntrypoint,
      rpc: typeof RpcTarget, durable: new Counter(null, env) instanceof DurableObject, ctx: typeof this.ctx.waitUntil,
    });
  }
  async scheduled(controller) {
    console.log(`cron ${controller.cron} ${this.env.GREETING} ${this instanceof App}`);
  }
}
EOF2

my ($rc, $out) = FcwTest::run_exit($dir, $tool, "$dir/index.mjs", '-o', "$dir/out.js");
is($rc, 0, 'a worker importing cloudflare:workers builds') or diag($out);

my $pool = FcwTest::start_pool(script => "$dir/out.js", children => 1, vars => { GREETING => 'hello' },
    pool => "triggers.crons = */5 * * * *\n");
my $r = $pool->request(uri => '/');
is($r->{status}, 200, 'the WorkerEntrypoint class answers') or diag($pool->log);
is_deeply(eval { decode_json($r->{body}) } || $r->{body},
    { greet => 'hello, ann', atLoad => 'hello', same => JSON::PP::true, entrypoint => JSON::PP::true,
      rpc => 'function', durable => JSON::PP::true, ctx => 'function' },
    'this.env, this.ctx, env at load time and in a request, a method of its base class');
is($pool->request(uri => '/wait')->{body}, 'waiting', 'waitUntil: the answer first');
is($pool->request(uri => '/log')->{body}, 'ctx waitUntil,module waitUntil',
    'the work of both waitUntil() finished before the next request');
my $fcworker = FcwTest::fcworker();
my $scheduled = `'$fcworker' @{[FcwTest::root_flag()]} -c '$pool->{ini}' --scheduled test 2>&1`;
like($scheduled, qr/cron \*\/5 \* \* \* \* hello true/, 'fcworker --scheduled calls scheduled() on an instance');
$pool->stop;

FcwTest::write_file("$dir/sockets.mjs", "import { connect } from 'cloudflare:sockets';\nexport default { fetch() { return new Response(typeof connect); } };\n");
($rc, $out) = FcwTest::run_exit($dir, $tool, "$dir/sockets.mjs", '-o', "$dir/sockets.js");
isnt($rc, 0, 'cloudflare:sockets does not build');
like($out, qr/Could not resolve "cloudflare:sockets"\n  note: of the cloudflare: modules, fcworker provides cloudflare:workers only/,
    'and the error says which one there is');

done_testing();
