// SPDX-License-Identifier: MIT
/* URLPattern: construction, getters, test/exec, groups, errors. */
test('URLPattern: pathname with named groups', function (t) {
    var p = new URLPattern({ pathname: '/books/:id' });
    t.ok(p.test('https://example.com/books/123'), 'matches');
    t.ok(!p.test('https://example.com/books'), 'needs the group');
    var r = p.exec('https://example.com/books/123?x=1');
    t.equal(r.pathname.groups.id, '123');
    t.equal(r.pathname.input, '/books/123');
    t.equal(r.search.input, 'x=1');
    t.deepEqual(r.inputs, ['https://example.com/books/123?x=1']);
    t.equal(p.pathname, '/books/:id');
    t.equal(p.protocol, '*');
    t.equal(p.hasRegExpGroups, false);
});

test('URLPattern: from a string with a base URL', function (t) {
    var p = new URLPattern('/api/:version/*', 'https://example.com');
    t.equal(p.protocol, 'https');
    t.equal(p.hostname, 'example.com');
    t.equal(p.pathname, '/api/:version/*');
    var r = p.exec('https://example.com/api/v1/users/7');
    t.equal(r.pathname.groups.version, 'v1');
    t.equal(r.pathname.groups['0'], 'users/7');
    t.ok(!p.test('https://other.com/api/v1/x'), 'hostname is fixed');
    t.ok(p.test('/api/v2/y', 'https://example.com'), 'relative input with a base');
});

test('URLPattern: full string pattern, regexp groups and modifiers', function (t) {
    var p = new URLPattern('http{s}?://{*.}?example.com/:year(\\d+)/:slug?');
    t.equal(p.hasRegExpGroups, true);
    t.ok(p.test('http://example.com/2024'), 'optional slug');
    t.ok(p.test('https://www.example.com/2024/hello'), 'subdomain and slug');
    t.ok(!p.test('https://example.com/abcd'), 'year must be digits');
    var r = p.exec('https://www.example.com/2024/hello');
    t.equal(r.pathname.groups.year, '2024');
    t.equal(r.pathname.groups.slug, 'hello');
    t.equal(r.hostname.groups['0'], 'www');
    t.equal(p.exec('https://example.com/2024').pathname.groups.slug, undefined, 'unmatched group is undefined');
});

test('URLPattern: ignoreCase and canonicalization', function (t) {
    var p = new URLPattern({ pathname: '/Caf\u00e9' }, { ignoreCase: true });
    t.equal(p.pathname, '/Caf%C3%A9', 'pathname is percent-encoded');
    t.ok(p.test({ pathname: '/CAF%C3%A9' }), 'case-insensitive');
    t.ok(!new URLPattern({ pathname: '/a' }).test({ pathname: '/A' }), 'case-sensitive by default');
    t.equal(new URLPattern({ hostname: 'CAF\u00c9.com' }).hostname, 'xn--caf-dma.com', 'IDNA');
    t.equal(new URLPattern({ protocol: 'http', port: '80' }).port, '', 'default port');
});

test('URLPattern: init objects as inputs', function (t) {
    var p = new URLPattern({ hostname: '*.example.com', pathname: '/x/*' });
    t.ok(p.test({ hostname: 'a.example.com', pathname: '/x/y' }));
    t.ok(p.test({ pathname: '/x/y', baseURL: 'https://b.example.com/' }));
    t.equal(p.exec({ hostname: 'a.example.com', pathname: '/nope' }), null);
    t.equal(p.exec('not a url'), null, 'an invalid URL does not match');
});

test('URLPattern: errors are TypeErrors', function (t) {
    t.throws(function () { return new URLPattern('/relative'); }, TypeError, 'relative without base');
    t.throws(function () { return new URLPattern({ pathname: '/:id/:id' }); }, TypeError, 'duplicate name');
    t.throws(function () { return new URLPattern({ pathname: '/(' }); }, TypeError, 'unterminated group');
    t.throws(function () { return new URLPattern({ pathname: '/(a(b))' }); }, TypeError, 'nested capture');
    t.throws(function () { return new URLPattern({ pathname: '/([)' }); }, TypeError, 'bad regexp');
    t.throws(function () { return new URLPattern({ protocol: 'caf\u00e9' }); }, TypeError, 'bad protocol');
    t.throws(function () { return new URLPattern({ protocol: 'http\\:x' }); }, TypeError, 'a protocol with a colon');
    t.throws(function () { return new URLPattern({ pathname: '/' }, 'https://x'); }, TypeError, 'init with base');
    t.throws(function () { return new URLPattern({ hostname: 'a b' }); }, TypeError, 'bad hostname');
    t.throws(function () { return URLPattern(); }, TypeError, 'without new');
    t.throws(function () { new URLPattern({}).exec({ pathname: '/' }, 'https://x'); }, TypeError, 'exec init with base');
    t.throws(function () { URLPattern.prototype.test.call({}, 'https://x'); }, TypeError, 'illegal invocation');
});
