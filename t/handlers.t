#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Both handler styles of Workers through the pool: export default { fetch }
# with env and ctx (waitUntil runs after the response, bounded by the wall
# limit; passThroughOnException is accepted), addEventListener('fetch') with
# respondWith/waitUntil, async-style handlers lowered to ES5 by hand, a
# scheduled handler beside fetch accepted at load, and what a fetch handler
# may return besides a Response.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;


my $dir = FcwTest::tmpdir();
my $module = FcwTest::write_file("$dir/module.js", <<'EOF2');
var log = [];
export default {
    fetch: function (request, env, ctx) {
        var path = new URL(request.url).pathname;
        if (path === '/env') {
            return new Response(env.GREETING + ' ' + env.TARGET);
        }
        if (path === '/wait') {
            ctx.waitUntil(new Promise(function (resolve) {
                setTimeout(function () { log.push('waited'); resolve(); }, 150);
            }));
            return new Response('answered before waitUntil work');
        }
        if (path === '/log') {
            return new Response(log.join(','));
        }
        if (path === '/detached') {
            var waitUntil = ctx.waitUntil;
            try { waitUntil(Promise.resolve()); } catch (e) { return new Response(e.name + ': ' + e.message); }
            return new Response('no error');
        }
        if (path === '/passthrough') {
            ctx.passThroughOnException();
            throw new Error('after passThroughOnException');
        }
        // an async function as Babel's regenerator would lower it, by hand
        return Promise.resolve(request.text()).then(function (body) {
            return new Promise(function (resolve) { setTimeout(resolve, 5); }).then(function () {
                return Response.json({ awaited: true, length: body.length }, { status: 201 });
            });
        });
    },
    scheduled: function (event, env, ctx) {}
};
EOF2
my $pool = FcwTest::start_pool(script => $module, children => 1, vars => { GREETING => 'hello', TARGET => 'world' });
is($pool->request(uri => '/env')->{body}, 'hello world', 'env holds the [pool:NAME.vars] bindings');
my $r = $pool->request(uri => '/wait');
is($r->{body}, 'answered before waitUntil work', 'waitUntil: the response comes first');
is($pool->request(uri => '/log')->{body}, 'waited', 'waitUntil: the work finished before the next request');
like($pool->request(uri => '/detached')->{body}, qr/^TypeError: Illegal invocation/, 'ctx.waitUntil needs its object, as in workerd');
$r = $pool->request(uri => '/passthrough');
is($r->{status}, 500, 'passThroughOnException: an exception still answers 500 (there is no origin)');
like($pool->log, qr/passThroughOnException: there is no origin/, 'and the log says why');
$r = $pool->request(uri => '/async', method => 'POST', body => 'abc');
is($r->{status}, 201, 'a promise-returning (async-style) handler: status');
is($r->{body}, '{"awaited":true,"length":3}', 'and body');
$pool->stop;

my $events = FcwTest::write_file("$dir/events.js", <<'EOF2');
var done = 0;
addEventListener('fetch', function (event) {
    var path = new URL(event.request.url).pathname;
    if (path === '/twice') {
        event.respondWith(new Response('first'));
        try { event.respondWith(new Response('second')); } catch (e) { done = e.name; }
        return;
    }
    if (path === '/none') {
        return;
    }
    if (path === '/state') {
        event.respondWith(new Response(String(done)));
        return;
    }
    event.waitUntil(Promise.resolve().then(function () { done++; }));
    event.respondWith(new Promise(function (resolve) {
        setTimeout(function () { resolve(new Response('event ' + event.request.method)); }, 10);
    }));
});
EOF2
$pool = FcwTest::start_pool(script => $events, children => 1);
is($pool->request(uri => '/x', method => 'PUT')->{body}, 'event PUT', 'addEventListener: respondWith a promise');
is($pool->request(uri => '/twice')->{body}, 'first', 'respondWith twice: the first answer stands');
is($pool->request(uri => '/state')->{body}, 'InvalidStateError', 'and the second call throws InvalidStateError');
$r = $pool->request(uri => '/none');
is($r->{status}, 500, 'a listener that never calls respondWith → 500');
like($pool->log, qr/no fetch listener called event.respondWith/, 'logged');
$pool->stop;

# A classic script runs as global code: its top-level var and function
# declarations are properties of the global object (self, globalThis); a
# module's stay private.
my $classic = FcwTest::write_file("$dir/classic.js", <<'EOF2');
var counter = 0;
var CONFIG = { greeting: 'hi' };
function helper() { return 'helped'; }
addEventListener('fetch', function (event) {
    counter++;
    var d = Object.getOwnPropertyDescriptor(globalThis, 'CONFIG');
    event.respondWith(new Response([
        self === globalThis, globalThis.CONFIG === CONFIG, self.helper === helper, typeof globalThis.helper,
        self.counter, this === undefined ? 'undefined' : typeof this, d.enumerable, d.configurable,
        typeof self.addEventListener, typeof self.fetch, typeof globalThis.exports
    ].join(',')));
});
EOF2
$pool = FcwTest::start_pool(script => $classic, children => 1);
my @first = split /,/, $pool->request(uri => '/')->{body};
my $count = splice(@first, 4, 1);
is(join(',', @first), 'true,true,true,function,object,true,false,function,function,undefined',
    'classic script: top-level var/function are global properties (var non-configurable), self is the global');
my @second = split /,/, $pool->request(uri => '/')->{body};
is($second[4], $count + 1, 'the global var keeps its state across requests');
$pool->stop;

my $private = FcwTest::write_file("$dir/private.js", <<'EOF2');
var secret = 42;
function hidden() {}
export default {
    fetch: function () {
        return new Response([typeof globalThis.secret, typeof self.hidden, secret, self === globalThis].join(','));
    }
};
EOF2
$pool = FcwTest::start_pool(script => $private, children => 1);
is($pool->request(uri => '/')->{body}, 'undefined,undefined,42,true', 'a module script keeps its top-level names private');
$pool->stop;

# What a fetch handler may return besides a Response: a %Promise% (an async
# handler's) is awaited with one reaction; anything else (a thenable, a
# promise whose then() was replaced) as Promise.resolve(result).then(send)
# would; each way, a rejection or a value that is not a Response is a 500.
my $settle = FcwTest::write_file("$dir/settle.js", <<'EOF2');
var seen = [];
export default {
    fetch: function (request) {
        var path = new URL(request.url).pathname;
        if (path === '/promise') {
            return new Promise(function (resolve) { setTimeout(resolve, 5); }).then(function () {
                return new Response('from a promise');
            });
        }
        if (path === '/thenable') {
            return { then: function (resolve) { seen.push('thenable'); resolve(new Response('from a thenable')); } };
        }
        if (path === '/patched') {
            var p = Promise.resolve(new Response('from a patched promise'));
            var then = p.then;
            p.then = function (f, r) { seen.push('patched then'); return then.call(this, f, r); };
            return p;
        }
        if (path === '/late-reject') {
            return new Promise(function (resolve, reject) { setTimeout(function () { reject(new Error('late')); }, 5); });
        }
        if (path === '/not-a-response') {
            return Promise.resolve('a string');
        }
        return new Response(seen.join(','));
    }
};
EOF2
$pool = FcwTest::start_pool(script => $settle, children => 1);
is($pool->request(uri => '/promise')->{body}, 'from a promise', 'a promise of a Response');
is($pool->request(uri => '/thenable')->{body}, 'from a thenable', 'a thenable of a Response');
is($pool->request(uri => '/patched')->{body}, 'from a patched promise', 'a promise with its own then()');
is($pool->request(uri => '/seen')->{body}, 'thenable,patched then', "the thenable's and the patched then() were called");
is($pool->request(uri => '/late-reject')->{status}, 500, 'a promise that rejects later: 500');
is($pool->request(uri => '/not-a-response')->{status}, 500, 'a promise of a string: 500');
like($pool->log, qr/must respond with a Response, got string/, 'saying why');
is($pool->request(uri => '/promise')->{body}, 'from a promise', 'and the child keeps serving');
$pool->stop;

done_testing();
