#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# node:async_hooks as Workers has it (js/76-async-hooks.js, resolved by
# fcworker-build; the async context of the promise core, lib/duk_hooks.c):
# t/build-async-hooks/cases.mjs (AsyncLocalStorage's run, exit, getStore,
# bind and snapshot; AsyncResource; the context through awaits of pending
# and settled values and thenables, runs interleaved by Promise.all, then,
# catch and finally, queueMicrotask, setTimeout and setInterval, an async
# function that goes on after its run returned, a recursion, an async
# generator) run as it is in Node prints exactly what its bundles print in
# fcworker, the default one and the --portable one. `async_hooks` without
# the prefix is the same module; any other Node.js module is a build error
# that says which one fcworker has; in a pool each request starts in no
# context; CGI mode loads the module on first use. t/apps/hono-context-storage serves Hono's
# contextStorage() and an app's own storage through nginx. Needs node and
# the tool's node_modules.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;

plan skip_all => 'node is not installed' if system('node --version >/dev/null 2>&1') != 0;

my $top = FcwTest::top();
my $tool = FcwTest::build_tool();
my $dir = FcwTest::tmpdir();

my ($node, $text) = FcwTest::bundles_print_as_node($dir, "$top/t/build-async-hooks/cases.mjs");
like($node, qr/^through awaits: await,await,await,await,await,await; after: undefined$/m, 'Node got to the awaits');
like($node, qr/^end: undefined\/undefined$/m, 'Node got to the end');
like($text->{default} // '', qr/globalThis\.__fcw_node_async_hooks/, 'the bundle takes the module from the runtime');

# a request in a pool starts in no context, whatever the one before left
FcwTest::write_file("$dir/worker.mjs", <<'JS');
import { AsyncLocalStorage } from 'node:async_hooks';
const als = new AsyncLocalStorage();
let fired = [];
export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path === '/set') {
      ctx.waitUntil(new Promise((r) => als.run('first', () => setTimeout(() => { fired.push(als.getStore()); r(); }, 20))));
      return als.run('first', async () => { await null; return new Response(als.getStore()); });
    }
    if (path === '/spin') return als.run('spinning', async () => { await null; for (;;) {} });
    if (path === '/throw') return als.run('thrower', async () => { await null; throw new Error('boom'); });
    await new Promise((r) => setTimeout(r, 40));
    return Response.json({ store: als.getStore() ?? null, fired });
  },
};
JS
my ($rc, $out) = FcwTest::run_exit($dir, $tool, "$dir/worker.mjs", '-o', "$dir/worker.js");
is($rc, 0, 'a worker importing node:async_hooks builds') or diag($out);
my $pool = FcwTest::start_pool(script => "$dir/worker.js", children => 1, pool => "limits.cpu_ms = 500\n");
is($pool->request(uri => '/set')->{body}, 'first', 'its store, after an await in a pool');
is($pool->request(uri => '/get')->{body}, '{"store":null,"fired":["first"]}',
    'the next request starts in no context; the timer of the first (waitUntil) ran in its own') or diag($pool->log);
my ($child) = $pool->children;
is($pool->request(uri => '/spin')->{status}, 503, 'a run that spins past limits.cpu_ms answers 503');
is($pool->request(uri => '/throw')->{status}, 500, 'one that throws after an await answers 500');
is($pool->request(uri => '/get')->{body}, '{"store":null,"fired":["first"]}',
    'and the next request, in the same child, starts in no context') or diag($pool->log);
is_deeply([$pool->children], [$child], 'the child served them all');
$pool->stop;

# a process for one request (CGI) loads the module on first use
{
    local %ENV = (%ENV, GATEWAY_INTERFACE => 'CGI/1.1', REQUEST_METHOD => 'GET', SERVER_NAME => 'cgi.example',
        REQUEST_URI => '/set');
    my $bin = FcwTest::fcworker();
    my $cgi = `'$bin' '$dir/worker.js' < /dev/null 2>&1`;
    like($cgi, qr/\AStatus: 200 OK\r\n.*\r\n\r\nfirst/s, 'in CGI mode too (the module loaded on first use)') or diag($cgi);
}

FcwTest::write_file("$dir/fs.mjs", "import fs from 'node:fs';\nexport default { fetch() { return new Response(typeof fs); } };\n");
($rc, $out) = FcwTest::run_exit($dir, $tool, "$dir/fs.mjs", '-o', "$dir/fs.js");
isnt($rc, 0, 'node:fs does not build');
like($out, qr/Could not resolve "node:fs"\n  note: "node:fs" is a Node.js built-in module, which fcworker does not provide \(of them it has node:async_hooks only\)/,
    'and the error says which one there is');
done_testing();
