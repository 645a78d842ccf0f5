#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# The example workers of contrib/examples, answered through a real pool over
# FastCGI: hello, echo (headers and body), json-api (routing, request.json()).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use FcwTest;
use Test::More;
use JSON::PP;

my $ex = FcwTest::top() . '/contrib/examples';

{
    my $pool = FcwTest::start_pool(script => "$ex/hello.js", children => 2);
    my $r = $pool->request(uri => '/');
    is($r->{status}, 200, 'hello: 200');
    is($r->{body}, "Hello from fcworker!\n", 'hello: the greeting');
    is($r->{headers}{'content-type'}[0], 'text/plain; charset=utf-8', 'hello: content-type');
    my $h = $pool->request(method => 'HEAD', uri => '/');
    is($h->{status}, 200, 'HEAD: 200');
    is($h->{body}, '', 'HEAD: no body');
    $pool->stop;
}

{
    my $pool = FcwTest::start_pool(script => "$ex/echo.js", children => 1);
    my $r = $pool->request(method => 'POST', uri => '/path/x?a=1&b=two%20words', body => "some\x00bytes",
        headers => { 'Content-Type' => 'application/octet-stream', 'X-Custom-Header' => 'Value 1', 'Host' => 'example.org' });
    is($r->{status}, 200, 'echo: 200');
    my $j = eval { decode_json($r->{body}) } || {};
    is($j->{method}, 'POST', 'echo: method');
    is($j->{url}, 'http://example.org/path/x?a=1&b=two%20words', 'echo: url from HTTP_HOST and REQUEST_URI');
    is($j->{path}, '/path/x', 'echo: path');
    is_deeply($j->{query}, { a => '1', b => 'two words' }, 'echo: query parameters');
    is($j->{headers}{'x-custom-header'}, 'Value 1', 'echo: a custom header');
    is($j->{headers}{'content-type'}, 'application/octet-stream', 'echo: content-type from CONTENT_TYPE');
    is($j->{headers}{'content-length'}, '10', 'echo: content-length from CONTENT_LENGTH');
    is($j->{body}, "some\x00bytes", 'echo: the body');
    my $big = 'x' x (300 * 1024);
    $r = $pool->request(method => 'PUT', uri => '/big', body => $big);
    $j = eval { decode_json($r->{body}) } || {};
    is(length($j->{body} // ''), length $big, 'echo: a 300 KB body arrives whole (several FCGI_STDIN records)');
    my $https = $pool->request(uri => '/s', params => { HTTPS => 'on', REQUEST_SCHEME => undef });
    $j = eval { decode_json($https->{body}) } || {};
    like($j->{url} // '', qr{^https://localhost/s$}, 'echo: HTTPS=on makes an https URL');
    $pool->stop;
}

{
    my $pool = FcwTest::start_pool(script => "$ex/json-api.js", children => 1);
    my $r = $pool->request(uri => '/api/items');
    is($r->{status}, 200, 'json-api: list');
    is($r->{body}, '[]', 'json-api: empty at first');
    $r = $pool->request(method => 'POST', uri => '/api/items', body => '{"name":"apple"}',
        headers => { 'Content-Type' => 'application/json' });
    is($r->{status}, 201, 'json-api: create → 201');
    is_deeply(decode_json($r->{body}), { id => 1, name => 'apple' }, 'json-api: the created item');
    is($r->{headers}{'content-type'}[0], 'application/json', 'json-api: Response.json sets content-type');
    $r = $pool->request(uri => '/api/items/1');
    is_deeply(eval { decode_json($r->{body}) }, { id => 1, name => 'apple' }, 'json-api: get by id (state kept in the child)');
    $r = $pool->request(method => 'POST', uri => '/api/items', body => '{not json');
    is($r->{status}, 400, 'json-api: bad JSON → 400');
    $r = $pool->request(method => 'PATCH', uri => '/api/items/1');
    is($r->{status}, 405, 'json-api: wrong method → 405');
    is($r->{headers}{allow}[0], 'GET, DELETE', 'json-api: with Allow');
    $r = $pool->request(method => 'DELETE', uri => '/api/items/1');
    is($r->{status}, 204, 'json-api: delete → 204');
    is($r->{body}, '', 'json-api: 204 has no body');
    $r = $pool->request(uri => '/api/items/1');
    is($r->{status}, 404, 'json-api: gone → 404');
    $r = $pool->request(uri => '/nowhere');
    is($r->{status}, 404, 'json-api: unknown path → 404');
    $pool->stop;
}

done_testing();
