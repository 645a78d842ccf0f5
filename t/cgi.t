#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# CGI mode: `fcworker SCRIPT.js` and a `#!` script serve one CGI/1.1
# request from the environment and stdin, "Status:" first on stdout.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use IPC::Open3;
use Symbol qw(gensym);

my $dir = FcwTest::tmpdir();
my $bin = FcwTest::fcworker();
my $script = FcwTest::write_file("$dir/cgi.js", <<'EOF2');
export default {
    fetch: function (request, env) {
        return request.text().then(function (body) {
            return new Response(request.method + ' ' + request.url + ' [' + body + '] ' +
                request.headers.get('x-test'), { status: 201, headers: { 'x-mode': 'cgi' } });
        });
    }
};
EOF2

sub run_cgi {
    my ($cmd, $env, $stdin) = @_;
    local %ENV = (PATH => $ENV{PATH}, %$env);
    my $err = gensym;
    my $pid = open3(my $in, my $out, $err, @$cmd);
    print $in $stdin if defined $stdin;
    close $in;
    local $/;
    my $o = <$out> // '';
    my $e = <$err> // '';
    waitpid($pid, 0);
    return ($? >> 8, $o, $e);
}

my %env = (GATEWAY_INTERFACE => 'CGI/1.1', REQUEST_METHOD => 'POST', SERVER_NAME => 'cgi.example',
    SERVER_PORT => '8081', SCRIPT_NAME => '/cgi-bin/cgi.js', PATH_INFO => '/extra', QUERY_STRING => 'q=1',
    CONTENT_LENGTH => 5, CONTENT_TYPE => 'text/plain', HTTP_X_TEST => 'yes');
my ($rc, $out, $err) = run_cgi([ $bin, $script ], \%env, 'hello');
is($rc, 0, 'fcworker SCRIPT exits 0') or diag $err;
like($out, qr/\AStatus: 201 Created\r\n/, 'Status: comes first');
like($out, qr/^x-mode: cgi\r$/m, 'headers follow');
like($out, qr{\r\n\r\nPOST http://cgi\.example:8081/cgi-bin/cgi\.js/extra\?q=1 \[hello\] yes\z},
    'the body: method, URL from SCRIPT_NAME+PATH_INFO+QUERY_STRING (no REQUEST_URI), stdin body, headers');

my $shebang = FcwTest::write_file("$dir/hello.cgi", "#!$bin\nexport default { fetch: function () { return new Response('from a #! script'); } };\n");
chmod 0755, $shebang;
($rc, $out, $err) = run_cgi([ $shebang ], { REQUEST_METHOD => 'GET', SERVER_NAME => 'x', REQUEST_URI => '/hello.cgi' });
is($rc, 0, 'a #! script runs') or diag $err;
like($out, qr/\AStatus: 200 OK\r\n.*\r\n\r\nfrom a #! script\z/s, 'and answers');

my $broken = FcwTest::write_file("$dir/broken.js", "export default {\n  fetch: function ( {\n};\n");
($rc, $out, $err) = run_cgi([ $bin, $broken ], { REQUEST_METHOD => 'GET' });
is($rc, 1, 'a broken script exits 1');
like($out, qr/\AStatus: 500 /, 'with a 500 for the client');
like($err, qr/broken\.js:\d+: SyntaxError/, 'and file:line on stderr (the server error log)');

my $throws = FcwTest::write_file("$dir/throws.js", "export default { fetch: function () { throw new Error('kaboom'); } };\n");
($rc, $out, $err) = run_cgi([ $bin, $throws ], { REQUEST_METHOD => 'GET', REQUEST_URI => '/t' });
like($out, qr/\AStatus: 500 /, 'an exception → 500');
unlike($out, qr/kaboom/, 'without the details for the client');
like($err, qr/request \d+ "GET \/t".*Error: kaboom/, 'the details go to the log with the request');

# Web Crypto, URLPattern and HTMLRewriter are loaded on first use in CGI mode
my $lazy = FcwTest::write_file("$dir/lazy.js", <<'EOF2');
crypto = crypto; // a write first: loads the group, keeps the value
export default {
    fetch: function (request) {
        var out = [typeof HTMLRewriter, 'URLPattern' in globalThis];
        out.push(new URLPattern({ pathname: '/books/:id' }).exec('https://x/books/42').pathname.groups.id);
        out.push(typeof CryptoKey, crypto instanceof Crypto, crypto.randomUUID().length);
        return crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then(function (d) {
            out.push(new Uint8Array(d)[0]);
            return new HTMLRewriter().on('b', { element: function (e) { e.setInnerContent('B'); } })
                .transform(new Response('<b>x</b>')).text();
        }).then(function (t) {
            out.push(t);
            return new Response(out.join(' '));
        });
    }
};
EOF2
($rc, $out, $err) = run_cgi([ $bin, $lazy ], { REQUEST_METHOD => 'GET', SERVER_NAME => 'x', REQUEST_URI => '/' });
like($out, qr{\r\n\r\nfunction true 42 function true 36 186 <b>B</b>\z},
    'Web Crypto, URLPattern and HTMLRewriter, loaded on first use, work') or diag $out, $err;

# so are TransformStream, the encoding and compression streams and the Cache API
my $streams = FcwTest::write_file("$dir/streams.js", <<'EOF2');
export default {
    fetch: function () {
        var s = new Response('squeezed and back').body.pipeThrough(new TransformStream())
            .pipeThrough(new CompressionStream('gzip'))
            .pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream())
            .pipeThrough(new TextEncoderStream());
        return new Response(s).text().then(function (t) {
            return new Response([t, typeof caches.open, caches instanceof CacheStorage, typeof Cache].join(' '));
        });
    }
};
EOF2
($rc, $out, $err) = run_cgi([ $bin, $streams ], { REQUEST_METHOD => 'GET', SERVER_NAME => 'x', REQUEST_URI => '/' });
like($out, qr{\r\n\r\nsqueezed and back function true function\z},
    'TransformStream, the encoding and compression streams and the Cache API, loaded on first use, work') or diag $out, $err;

# and so is Intl, also by the first call of one of the built-in methods it
# provides (js/19-intl-methods.js): whichever comes first, at the script's
# load or in its request, a CGI process answers as the runtime with every
# file loaded (t/jsrun, as a pool's children) prints; the Intl files take
# the intrinsics they keep from start (a Date.prototype.getTime replaced
# before their load changes nothing)
# What the three lazy groups' scripts below share: a method's shape (its
# own names, length, name, text, prototype, attributes and what `new` does)
# and the steps run with the chosen one first, so that whichever loads the
# group the output is the same.
my $steps_js = <<'EOF2';
function own(o, k) {
    var d = Object.getOwnPropertyDescriptor(o, k), f = d.value, r;
    try { new f(); r = 'constructed'; } catch (e) { r = e.name; }
    return [Object.getOwnPropertyNames(f).sort().join(','), f.length, f.name, String(f), 'prototype' in f,
        d.writable, d.enumerable, d.configurable, r].join(':');
}
function runSteps(steps, order, first) {
    var out = steps[first]();
    for (var i = 0; i < order.length; i++) {
        if (order[i] !== first) {
            out = out.concat(steps[order[i]]());
        }
    }
    return out.join('\n');
}
EOF2
my $jsrun = FcwTest::jsrun();

# A script in a CGI process answers what t/jsrun prints with every runtime
# file loaded before the script (each process leaves the groups of
# lib/runtime_lazy.c to their first use: a prelude reading their globals
# loads Intl, the BigInt arrays and the ES2023-2025 library first); %env
# for both.
sub same_as_jsrun {
    my ($file, $what, %env) = @_;
    my $eager = FcwTest::write_file("$file.eager.js",
        "void [Intl, BigInt64Array, Iterator];\n" . FcwTest::read_file($file));
    my $expected = do { local @ENV{ keys %env } = values %env; `'$jsrun' '$eager' 2>&1` };
    chomp $expected;
    my ($rc, $out, $err) = run_cgi([ $bin, $file ],
        { REQUEST_METHOD => 'GET', SERVER_NAME => 'x', REQUEST_URI => '/', %env });
    $out =~ s/\A.*?\r\n\r\n//s;
    is($out, $expected, $what) or diag $err;
}

my $intl_body = <<'EOF2';
var early = [Number.prototype.toLocaleString, String.prototype.localeCompare, Date.prototype.toLocaleString,
    Date.prototype.toLocaleDateString, Date.prototype.toLocaleTimeString];
function compute(first) {
    var steps = {
        number: function () {
            return [(1234.5).toLocaleString('de-DE'), (0.5).toLocaleString(undefined, { style: 'percent' }),
                (1e6).toLocaleString(), Number.prototype.toLocaleString.call(12.25, 'en', { maximumFractionDigits: 1 })];
        },
        date: function () {
            return [new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC' }),
                new Date(86400000 * 400.5).toLocaleString('en-GB', { timeZone: 'America/New_York', timeZoneName: 'short' }),
                new Date(0).toLocaleTimeString(), new Date(NaN).toLocaleString(), new Date(1e12).toLocaleString()];
        },
        string: function () {
            return ['a'.localeCompare('b'), 'r\u00e9sum\u00e9'.localeCompare('resume', 'en', { sensitivity: 'base' }),
                ['b', 'a', 'C', '\u00e4'].sort(function (x, y) { return x.localeCompare(y); }).join('')];
        },
        array: function () { return [[1234.5, new Date(0), 'x'].toLocaleString()]; },
        errors: function () {
            var out = [];
            var calls = [function () { return (1).toLocaleString('not a tag!'); },
                function () { return Date.prototype.toLocaleString.call({}); },
                function () { return String.prototype.localeCompare.call(null, 'a'); }];
            for (var i = 0; i < calls.length; i++) {
                try { out.push(calls[i]()); } catch (e) { out.push(e.name + ': ' + e.message); }
            }
            return out;
        },
        intl: function () {
            return [typeof Intl, Object.prototype.toString.call(Intl),
                new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(3.5),
                new Intl.ListFormat('en').format(['a', 'b', 'c']), new Intl.RelativeTimeFormat('en').format(-2, 'day'),
                new Intl.PluralRules('en', { type: 'ordinal' }).select(22),
                new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'Asia/Tokyo' }).format(0)];
        },
        patched: function () {
            var getTime = Date.prototype.getTime;
            Date.prototype.getTime = function () { return 0; };
            try {
                return [new Date(1e12).toLocaleString('en-US', { timeZone: 'UTC' })];
            } finally {
                Date.prototype.getTime = getTime;
            }
        },
        shape: function () {
            var now = [Number.prototype.toLocaleString, String.prototype.localeCompare, Date.prototype.toLocaleString,
                Date.prototype.toLocaleDateString, Date.prototype.toLocaleTimeString];
            return [own(Number.prototype, 'toLocaleString'), own(String.prototype, 'localeCompare'),
                own(Date.prototype, 'toLocaleString'), own(Date.prototype, 'toLocaleDateString'),
                own(Date.prototype, 'toLocaleTimeString'), now.join() === early.join() && now[0] === early[0] &&
                now[2] === early[2]];
        }
    };
    return runSteps(steps, ['number', 'date', 'string', 'array', 'errors', 'intl', 'patched', 'shape'], first);
}
var atLoad = WHEN === 'load' ? compute(FIRST) : null;
if (typeof print === 'function') {
    print(compute(FIRST));
} else {
    addEventListener('fetch', function (e) { e.respondWith(new Response(atLoad !== null ? atLoad : compute(FIRST))); });
}
EOF2
for my $case ([ 'number', 'request' ], [ 'date', 'request' ], [ 'string', 'request' ], [ 'array', 'request' ],
    [ 'errors', 'request' ], [ 'intl', 'request' ], [ 'patched', 'request' ], [ 'shape', 'request' ],
    [ 'number', 'load' ], [ 'date', 'load' ],
    [ 'shape', 'load' ]) {
    my ($first, $when) = @$case;
    my $file = FcwTest::write_file("$dir/intl-$first-$when.js",
        "var FIRST = '$first', WHEN = '$when';\n$steps_js$intl_body");
    same_as_jsrun($file, "Intl in CGI mode, $first first (at the script's $when), as with every file loaded",
        TZ => 'Europe/Paris');
}
# BigInt64Array and BigUint64Array likewise, also by the first call of one of
# DataView's BigInt methods (js/17-bigint-dataview.js)
my $bigint_body = <<'EOF2';
var early = [DataView.prototype.getBigInt64, DataView.prototype.setBigUint64];
function compute(first) {
    var steps = {
        view: function () {
            var v = new DataView(new ArrayBuffer(16));
            v.setBigInt64(0, BigInt(-5));
            v.setBigUint64(8, BigInt('18446744073709551615'), true);
            var out = [String(v.getBigInt64(0)), String(v.getBigUint64(0)), String(v.getBigUint64(8, true)), v.getUint8(15)];
            try { DataView.prototype.getBigInt64.call({}, 0); } catch (e) { out.push(e.name + ': ' + e.message); }
            try { v.getBigInt64(12); } catch (e) { out.push(e.name + ': ' + e.message); }
            return out;
        },
        random: function () {
            var a = crypto.getRandomValues(new Uint32Array(4));
            return [a.length, typeof native];
        },
        arrays: function () {
            var a = new BigInt64Array([BigInt(1), BigInt(-2)]);
            var b = BigUint64Array.from([BigInt(3)]);
            crypto.getRandomValues(a);
            return [a.length, b.length, String(b[0]), Object.prototype.toString.call(a), BigInt64Array.BYTES_PER_ELEMENT,
                typeof BigInt64Array, own(Object.getPrototypeOf(BigInt64Array.prototype), 'at'),
                own(Object.getPrototypeOf(BigInt64Array.prototype), 'map'), Object.getOwnPropertyNames(BigInt64Array).join()];
        },
        shape: function () {
            return [own(DataView.prototype, 'getBigInt64'), own(DataView.prototype, 'getBigUint64'),
                own(DataView.prototype, 'setBigInt64'), own(DataView.prototype, 'setBigUint64'),
                Object.getOwnPropertyNames(DataView.prototype).join(),
                early[0] === DataView.prototype.getBigInt64 && early[1] === DataView.prototype.setBigUint64];
        }
    };
    return runSteps(steps, ['view', 'random', 'arrays', 'shape'], first);
}
if (typeof print === 'function') { print(compute(FIRST)); } else { addEventListener('fetch', function (e) { e.respondWith(new Response(compute(FIRST))); }); }
EOF2
for my $first (qw(view random arrays shape)) {
    my $file = FcwTest::write_file("$dir/bigint-$first.js", "var FIRST = '$first';\n$steps_js$bigint_body");
    same_as_jsrun($file, "BigInt arrays in CGI mode, $first first, as with every file loaded");
}

# the ES2023-2025 library (js/14-es2025.js) likewise, also by the first call
# of one of the built-in methods it adds (js/14-es2025-methods.js), which
# run on the intrinsics of the start (Set.prototype.add replaced before),
# and leaves a method the script deleted before deleted
my $es2025_body = <<'EOF2';
var early = [Object.groupBy, Set.prototype.union, Object.getPrototypeOf(Object.getPrototypeOf([].values())).map];
function compute(first) {
    var ip = Object.getPrototypeOf(Object.getPrototypeOf([].values()));
    function str(s) { return Array.from(s).join(','); }
    var steps = {
        groupBy: function () {
            var g = Object.groupBy([1, 2, 3, 4], function (x) { return x % 2 ? 'odd' : 'even'; });
            var m = Map.groupBy(['a', 'bb', 'c'], function (x) { return x.length; });
            return [JSON.stringify(g), Object.getPrototypeOf(g), m.size, m.get(1).join()];
        },
        set: function () {
            var a = new Set([1, 2, 3]), b = new Set([3, 4]);
            return [str(a.union(b)), str(a.intersection(b)), str(a.difference(b)), str(a.symmetricDifference(b)),
                a.isSubsetOf(b), new Set([3]).isSubsetOf(a), a.isSupersetOf(new Set([1])), a.isDisjointFrom(new Set([9]))];
        },
        iter: function () {
            var it = [1, 2, 3, 4, 5].values();
            var out = [it.map(function (x) { return x * 10; }).filter(function (x) { return x > 10; }).take(2).toArray().join()];
            out.push([1, 2, 3].values().reduce(function (a, b) { return a + b; }), [1, 2, 3].values().reduce(function (a, b) { return a + b; }, 10));
            out.push(Iterator.from({ next: function () { return { done: true }; } }).toArray().length);
            out.push(Object.prototype.toString.call([].values().map(function (x) { return x; })), typeof Iterator);
            try { [].values().reduce(function () {}); } catch (e) { out.push(e.name + ': ' + e.message); }
            out.push([].values().constructor === Iterator, ip[Symbol.toStringTag]);
            return out;
        },
        string: function () {
            return ['ab\uD800'.isWellFormed(), 'ab'.isWellFormed(), escape('a\uDC00b'.toWellFormed())];
        },
        patched: function () {
            var add = Set.prototype.add, set = Map.prototype.set, a = new Set([1]), b = new Set([2]);
            Set.prototype.add = function () { throw new Error('patched add'); };
            Map.prototype.set = function () { throw new Error('patched set'); };
            try {
                return [str(a.union(b)), Map.groupBy([1], function () { return 'k'; }).size];
            } catch (e) {
                return [e.message];
            } finally {
                Set.prototype.add = add;
                Map.prototype.set = set;
            }
        },
        deleted: function () {
            var fromAsync = Array.fromAsync;
            delete Array.fromAsync;
            var out = [str(new Set([1]).union(new Set([2]))), typeof Array.fromAsync];
            Object.defineProperty(Array, 'fromAsync', { value: fromAsync, writable: true, configurable: true });
            return out;
        },
        setter: function () {
            var o = Object.create(ip);
            o.constructor = 5;
            var out = [Object.getOwnPropertyDescriptor(o, 'constructor').value];
            try { ip.constructor = 1; } catch (e) { out.push(e.name); }
            return out;
        },
        shape: function () {
            var c = Object.getOwnPropertyDescriptor(ip, 'constructor');
            return [own(Object, 'groupBy'), own(Map, 'groupBy'), own(Set.prototype, 'isDisjointFrom'), own(ip, 'map'),
                own(ip, 'toArray'), own(Array, 'fromAsync'), own(String.prototype, 'isWellFormed'),
                Reflect.ownKeys(ip).map(String).join(), Object.getOwnPropertyNames(Set.prototype).join(),
                Object.getOwnPropertyNames(Object).join(), Object.getOwnPropertyNames(String.prototype).join(),
                [c.get.name, c.get.length, c.set.name, c.set.length, c.enumerable, c.configurable].join(),
                early[0] === Object.groupBy && early[1] === Set.prototype.union && early[2] === ip.map];
        },
        fromAsync: function () { return [typeof Array.fromAsync([1]).then]; }
    };
    return runSteps(steps, ['groupBy', 'set', 'iter', 'string', 'patched', 'deleted', 'setter', 'shape', 'fromAsync'], first);
}
if (typeof print === 'function') { print(compute(FIRST)); } else { addEventListener('fetch', function (e) { e.respondWith(new Response(compute(FIRST))); }); }
EOF2
for my $first (qw(groupBy set iter string patched deleted setter shape fromAsync)) {
    my $file = FcwTest::write_file("$dir/es2025-$first.js", "var FIRST = '$first';\n$steps_js$es2025_body");
    same_as_jsrun($file, "ES2023-2025 library in CGI mode, $first first, as with every file loaded");
}

# When each group is loaded in the runtime of a process for one request (a
# CGI process's: t/jsrun with FCW_TEST_SINGLE_REQUEST): a script cannot
# tell (its descriptor functions load a group before they answer), the
# test-only lazyPending(global) can.
sub single_request_out {
    my ($file) = @_;
    local $ENV{FCW_TEST_SINGLE_REQUEST} = 1;
    my $out = `'$jsrun' '$file' 2>&1`;
    chomp $out;
    return $out;
}
my $intl_lazy = FcwTest::write_file("$dir/intl-lazy.js", <<'EOF2');
print([lazyPending('Intl'), 'a'.localeCompare('a'), lazyPending('Intl')].join(' '));
EOF2
is(single_request_out($intl_lazy), 'true 0 false',
    'a process for one request loads Intl when localeCompare is first called, not before');
my $bigint_lazy = FcwTest::write_file("$dir/bigint-lazy.js", <<'EOF2');
print([lazyPending('BigUint64Array'), String(new DataView(new ArrayBuffer(8)).getBigUint64(0)),
    lazyPending('BigUint64Array')].join(' '));
EOF2
is(single_request_out($bigint_lazy), 'true 0 false',
    'and the BigInt arrays when a DataView BigInt method is first called, not before');
my $es2025_lazy = FcwTest::write_file("$dir/es2025-lazy.js", <<'EOF2');
print([lazyPending('Iterator'), Object.keys(Object.groupBy([1], function () { return 'k'; })).join(),
    lazyPending('Iterator')].join(' '));
EOF2
is(single_request_out($es2025_lazy), 'true k false',
    'and the ES2023-2025 library when Object.groupBy is first called, not before');
my $crypto_lazy = FcwTest::write_file("$dir/crypto-lazy.js", <<'EOF2');
var d = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
print([lazyPending('URLPattern'), typeof d.value, d.get, lazyPending('crypto'), lazyPending('URLPattern')].join(' '));
EOF2
is(single_request_out($crypto_lazy), 'true object  false true',
    'a global asked for its descriptor is loaded first, and reads as a data property');

# -V: the runtime comes from the build-time bytecode image (t/unit/runtime_image.c
# covers an image that does not match)
my $info = `$bin -V 2>&1`;
is($?, 0, 'fcworker -V exits 0');
like($info, qr/^runtime: bytecode image, \d+ files, \d+ bytes$/m, 'the runtime loads from its bytecode image') or diag $info;
like($info, qr/^engine start-up: [\d.]+ ms \(median of 5\), heap \d+ KB$/m, 'and says what an engine costs to start');

# libcurl, libcrypto, SQLite and hiredis are loaded on first use
# (lib/lazylink.c), not mapped and relocated at every start
SKIP: {
    my $dyn = `objdump -p $bin 2>/dev/null`;
    skip 'objdump is not installed', 1 if $? != 0 || $dyn eq '';
    my @needed = $dyn =~ /^\s*NEEDED\s+(\S+)/mg;
    is_deeply([ grep { /^lib(?:curl|crypto|ssl|sqlite3|hiredis)\./ } @needed ], [],
        'not linked against libcurl, libcrypto, SQLite or hiredis') or diag "@needed";
}

done_testing();
