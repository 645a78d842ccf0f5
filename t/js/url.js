// SPDX-License-Identifier: MIT
/*
 * URL and URLSearchParams API tests: parsing with and without a base, the
 * host parsers (IPv4 forms, IPv6 compression, IDNA, opaque hosts), scalar
 * value conversion of JavaScript strings, each setter, origin, and the
 * URLSearchParams methods, iterators and their two-way link with a URL's
 * query, each as the WHATWG URL Standard requires.
 */

test('URL: components of an absolute URL', function (t) {
    var u = new URL('https://user:pa%20ss@Example.COM:8080/a/./b/../c?q=1#frag');
    t.equal(u.href, 'https://user:pa%20ss@example.com:8080/a/c?q=1#frag');
    t.equal(u.protocol, 'https:');
    t.equal(u.username, 'user');
    t.equal(u.password, 'pa%20ss');
    t.equal(u.host, 'example.com:8080');
    t.equal(u.hostname, 'example.com');
    t.equal(u.port, '8080');
    t.equal(u.pathname, '/a/c');
    t.equal(u.search, '?q=1');
    t.equal(u.hash, '#frag');
    t.equal(u.origin, 'https://example.com:8080');
    t.equal(String(u), u.href, 'toString returns href');
    t.equal(u.toJSON(), u.href, 'toJSON returns href');
    t.equal(JSON.stringify({ u: u }), '{"u":"https://user:pa%20ss@example.com:8080/a/c?q=1#frag"}');
});

test('URL: default port is dropped and empty query/fragment read as ""', function (t) {
    var u = new URL('http://h:80/?#');
    t.equal(u.port, '');
    t.equal(u.host, 'h');
    t.equal(u.href, 'http://h/?#');
    t.equal(u.search, '');
    t.equal(u.hash, '');
});

test('URL: relative references against a base', function (t) {
    var base = 'http://a/b/c/d;p?q';
    t.equal(new URL('g', base).href, 'http://a/b/c/g');
    t.equal(new URL('../g', base).href, 'http://a/b/g');
    t.equal(new URL('../../../g', base).href, 'http://a/g');
    t.equal(new URL('?y', base).href, 'http://a/b/c/d;p?y');
    t.equal(new URL('#s', base).href, 'http://a/b/c/d;p?q#s');
    t.equal(new URL('//g', base).href, 'http://g/');
    t.equal(new URL('\\\\g\\x', base).href, 'http://g/x', 'backslashes are slashes in special URLs');
    t.equal(new URL('', base).href, 'http://a/b/c/d;p?q');
    t.equal(new URL('https:g', base).href, 'https://g/', 'other special scheme makes it absolute');
    t.equal(new URL('http:g', base).href, 'http://a/b/c/g', 'same special scheme is relative');
    t.equal(new URL('g', new URL(base)).href, 'http://a/b/c/g', 'base may be a URL object');
});

test('URL: invalid input throws a TypeError naming the input', function (t) {
    var err = null;
    try {
        new URL('http://exa mple.org/');
    } catch (e) {
        err = e;
    }
    t.ok(err instanceof TypeError, 'TypeError');
    t.ok(err && err.message.indexOf('http://exa mple.org/') >= 0, 'message names the input');
    t.throws(function () { new URL('relative'); }, TypeError, 'relative without base');
    t.throws(function () { new URL('x', 'not a base'); }, TypeError, 'invalid base');
    t.throws(function () { new URL('http://[::1/'); }, TypeError, 'unclosed IPv6');
    t.throws(function () { new URL('http://1.2.3.256/'); }, TypeError, 'IPv4 part over 255');
    t.throws(function () { new URL('http://a:65536/'); }, TypeError, 'port over 65535');
    t.throws(function () { new URL(); }, TypeError, 'undefined is not a URL');
});

test('URL.canParse and URL.parse', function (t) {
    t.equal(URL.canParse('https://x/'), true);
    t.equal(URL.canParse('/path'), false);
    t.equal(URL.canParse('/path', 'https://x/'), true);
    t.equal(URL.parse('nope'), null);
    t.equal(URL.parse('/p', 'https://x/').href, 'https://x/p');
    t.ok(URL.parse('https://x/') instanceof URL, 'URL.parse returns a URL');
});

test('URL: IPv4 hosts in decimal, hex and octal parts', function (t) {
    t.equal(new URL('http://0x7f.1/').hostname, '127.0.0.1');
    t.equal(new URL('http://0177.0.0.1/').hostname, '127.0.0.1');
    t.equal(new URL('http://2130706433/').hostname, '127.0.0.1');
    t.equal(new URL('http://192.168.257/').hostname, '192.168.1.1', 'last part fills the rest');
    t.equal(new URL('http://1.2.3.4./').hostname, '1.2.3.4', 'one trailing dot allowed');
    t.throws(function () { new URL('http://1.2.3.09/'); }, TypeError, '09 is not octal');
    t.equal(new URL('foo://0x7f.1/').hostname, '0x7f.1', 'opaque hosts are not IPv4');
});

test('URL: IPv6 hosts are serialized with compression', function (t) {
    t.equal(new URL('http://[1:0:0:0:0:0:0:1]/').host, '[1::1]');
    t.equal(new URL('http://[0:0:0:0:0:0:0:0]/').host, '[::]');
    t.equal(new URL('http://[1:0:0:2:0:0:0:3]/').host, '[1:0:0:2::3]', 'longest run compressed');
    t.equal(new URL('http://[1:0:0:2:0:0:3:4]/').host, '[1::2:0:0:3:4]', 'first of equal runs');
    t.equal(new URL('http://[1:2:3:4:5:6:7:0]/').host, '[1:2:3:4:5:6:7:0]', 'single zero not compressed');
    t.equal(new URL('http://[::FFFF:1.2.3.4]/').host, '[::ffff:102:304]', 'embedded IPv4, lowercase hex');
    t.throws(function () { new URL('http://[1::2::3]/'); }, TypeError, 'two compressions');
});

test('URL: domains go through IDNA, opaque hosts are percent-encoded', function (t) {
    t.equal(new URL('http://B\u00fccher.de/').hostname, 'xn--bcher-kva.de');
    t.equal(new URL('http://fa\u00df.de/').hostname, 'xn--fa-hia.de', 'non-transitional keeps sharp s');
    t.equal(new URL('http://EXAMPLE.com/').hostname, 'example.com');
    t.equal(new URL('http://%65xample.com/').hostname, 'example.com', 'percent-decoded first');
    t.equal(new URL('http://\uff10\uff38\uff43\uff10\uff0e\uff10\uff12\uff15\uff10\uff0e\uff10\uff11/').hostname,
        '192.168.0.1', 'full-width digits map to an IPv4 address');
    t.throws(function () { new URL('http://a<b/'); }, TypeError, 'forbidden host code point');
    t.equal(new URL('sc://\u00fc/').hostname, '%C3%BC', 'opaque host keeps Unicode, encoded');
    t.throws(function () { new URL('sc://a b/'); }, TypeError, 'space in opaque host');
});

test('URL: strings become scalar values (lone surrogates are U+FFFD)', function (t) {
    t.equal(new URL('http://a/\ud800').pathname, '/%EF%BF%BD');
    t.equal(new URL('http://a/\udc00x').pathname, '/%EF%BF%BDx');
    t.equal(new URL('http://a/\ud83d\ude00').pathname, '/%F0%9F%98%80', 'a pair is one code point');
    t.equal(new URL('http://a/?\ud800').search, '?%EF%BF%BD');
    t.equal(new URL('http://a/#\ude00').hash, '#%EF%BF%BD');
});

test('URL: percent-encode sets per component', function (t) {
    var u = new URL('http://h/a b"<>`{}?c d"<>\'#e f"<>`');
    t.equal(u.pathname, '/a%20b%22%3C%3E%60%7B%7D');
    t.equal(u.search, '?c%20d%22%3C%3E%27', "special query encodes '");
    t.equal(u.hash, '#e%20f%22%3C%3E%60');
    t.equal(new URL("sc://h/?'").search, "?'", "non-special query keeps '");
    t.equal(new URL('http://h/%zz%41').pathname, '/%zz%41', 'existing escapes are kept');
    t.equal(new URL('http://h/\t\na\r').pathname, '/a', 'tabs and newlines are removed');
    t.equal(new URL('  \u0000http://h/ ').href, 'http://h/', 'C0 and space trimmed');
});

test('URL: file URLs and Windows drive letters', function (t) {
    t.equal(new URL('file:///C|/x/../..').href, 'file:///C:/', 'drive letter is never popped');
    t.equal(new URL('file://localhost/etc').href, 'file:///etc', 'localhost becomes empty host');
    t.equal(new URL('/D:/y', 'file:///C:/x').href, 'file:///D:/y');
    t.equal(new URL('/y', 'file:///C:/x').href, 'file:///C:/y', 'base drive letter kept');
    t.equal(new URL('file:c:\\foo').pathname, '/c:/foo');
    t.equal(new URL('file:///x').origin, 'null', 'file origins are opaque');
});

test('URL: non-special and opaque paths', function (t) {
    var u = new URL('mailto:Joe@Example.com?subject=hi');
    t.equal(u.pathname, 'Joe@Example.com');
    t.equal(u.host, '');
    t.equal(u.origin, 'null');
    t.equal(new URL('web+x:/.//p').href, 'web+x:/.//p', 'path starting with // keeps the /. prefix');
    t.equal(new URL('web+x:/.//p').pathname, '//p');
    t.throws(function () { new URL('x', 'mailto:a'); }, TypeError, 'opaque base only takes fragments');
    t.equal(new URL('#f', 'mailto:a').href, 'mailto:a#f');
});

test('URL: origin of blob URLs', function (t) {
    t.equal(new URL('blob:https://example.com:443/uuid').origin, 'https://example.com');
    t.equal(new URL('blob:ftp://h/').origin, 'null');
    t.equal(new URL('blob:nothing').origin, 'null');
});

test('URL setters: href, protocol, credentials', function (t) {
    var u = new URL('http://h/p');
    u.href = 'https://x/y?z=1';
    t.equal(u.host, 'x');
    t.equal(u.searchParams.get('z'), '1', 'href setter refreshes searchParams');
    t.throws(function () { u.href = 'nope'; }, TypeError, 'invalid href throws');
    t.equal(u.href, 'https://x/y?z=1', 'and leaves the URL alone');
    u.protocol = 'wss';
    t.equal(u.protocol, 'wss:');
    u.protocol = 'foo';
    t.equal(u.protocol, 'wss:', 'special cannot become non-special');
    u.protocol = 'HTTP:ignored';
    t.equal(u.href, 'http://x/y?z=1', 'scheme lowercased, rest after : ignored');
    u.port = '443';
    u.protocol = 'https';
    t.equal(u.port, '', 'port equal to new default is dropped');
    u.username = 'a b@';
    u.password = 'p:w';
    t.equal(u.href, 'https://a%20b%40:p%3Aw@x/y?z=1', 'userinfo percent-encode set');
    var f = new URL('file:///p');
    f.username = 'u';
    t.equal(f.username, '', 'file URLs cannot have credentials');
});

test('URL setters: host, hostname, port', function (t) {
    var u = new URL('http://h:1/p');
    u.host = 'example.com:8080/ignored';
    t.equal(u.href, 'http://example.com:8080/p');
    u.hostname = 'other:99';
    t.equal(u.host, 'example.com:8080', 'a : invalidates the whole hostname value');
    u.hostname = 'other';
    t.equal(u.host, 'other:8080', 'hostname setter keeps the port');
    u.port = '80';
    t.equal(u.port, '', 'default port removed');
    u.port = '123abc';
    t.equal(u.port, '123', 'leading digits are taken');
    u.port = '99999';
    t.equal(u.port, '123', 'out of range ignored');
    u.port = '';
    t.equal(u.port, '', 'empty string clears the port');
    u.host = '';
    t.equal(u.host, 'other', 'special URLs keep a host');
    var m = new URL('mailto:x');
    m.host = 'h';
    t.equal(m.href, 'mailto:x', 'opaque path: host setter does nothing');
});

test('URL setters: pathname, search, hash', function (t) {
    var u = new URL('http://h/a?b#c');
    u.pathname = 'x y/../z?#';
    t.equal(u.pathname, '/z%3F%23', '? and # are encoded in the path setter');
    u.search = '?a=1&b=2';
    t.equal(u.search, '?a=1&b=2');
    t.equal(u.searchParams.get('b'), '2');
    u.search = '';
    t.equal(u.href, 'http://h/z%3F%23#c', 'empty search removes ?');
    t.equal(u.searchParams.size, 0, 'and empties searchParams');
    u.hash = 'x#y';
    t.equal(u.hash, '#x#y');
    u.hash = '';
    t.equal(u.href, 'http://h/z%3F%23');
    var o = new URL('data:space  ?q');
    o.search = '';
    t.equal(o.href, 'data:space', 'trailing spaces stripped from a trailing opaque path');
});

test('URLSearchParams: constructors', function (t) {
    t.deepEqual(Array.prototype.slice.call(new URLSearchParams('?a=1&b=x+y&&c=%41&d').getAll('b')), ['x y']);
    var p = new URLSearchParams('?a=1&b=x+y&&c=%41&d');
    t.equal(p.toString(), 'a=1&b=x+y&c=A&d=');
    t.equal(p.size, 4, 'empty sequences are skipped');
    t.equal(new URLSearchParams({ a: '1', b: 2 }).toString(), 'a=1&b=2', 'record');
    t.equal(new URLSearchParams([['a', '1'], ['a', '2']]).toString(), 'a=1&a=2', 'sequence');
    t.equal(new URLSearchParams(p).toString(), p.toString(), 'copy of another');
    t.throws(function () { new URLSearchParams([['a']]); }, TypeError, 'pair of one');
    t.throws(function () { new URLSearchParams([['a', 'b', 'c']]); }, TypeError, 'pair of three');
    t.equal(new URLSearchParams().toString(), '');
    t.equal(new URLSearchParams('a=%ZZ%F0%9F%98%80%FF').get('a'), '%ZZ\ud83d\ude00\ufffd',
        'bad escapes kept, UTF-8 decoded with replacement');
});

test('URLSearchParams: append, delete, get, getAll, has, set', function (t) {
    var p = new URLSearchParams('a=1&b=2&a=3');
    t.equal(p.get('a'), '1');
    t.equal(p.get('zz'), null);
    t.deepEqual(p.getAll('a'), ['1', '3']);
    t.ok(p.has('b') && !p.has('c'), 'has');
    t.ok(p.has('a', '3') && !p.has('a', '2'), 'has with value');
    p.append('c', '4');
    p['delete']('a', '3');
    t.equal(p.toString(), 'a=1&b=2&c=4', 'delete with value removes only matches');
    p.set('b', 'x');
    p.append('b', 'y');
    p.set('b', 'z');
    t.equal(p.toString(), 'a=1&b=z&c=4', 'set replaces the first and drops the rest');
    p['delete']('a');
    t.equal(p.toString(), 'b=z&c=4');
    p.append('\ud800', 'v\udc00');
    t.equal(p.get('\ufffd'), 'v\ufffd', 'USVString conversion of lone surrogates');
});

test('URLSearchParams: serialization uses the form-urlencoded set', function (t) {
    var p = new URLSearchParams();
    p.append('a b', '*-._~!\'()&=+%\u00e9');
    t.equal(p.toString(), 'a+b=*-._%7E%21%27%28%29%26%3D%2B%25%C3%A9');
});

test('URLSearchParams: sort is stable and by UTF-16 code units', function (t) {
    var p = new URLSearchParams('z=1&a=2&z=0&\ufffd=3&\ud83d\ude00=4&a=1');
    p.sort();
    t.deepEqual(toArray(p.keys()), ['a', 'a', 'z', 'z', '\ud83d\ude00', '\ufffd']);
    t.deepEqual(toArray(p.values()), ['2', '1', '1', '0', '4', '3'], 'equal names keep their order');
});

function toArray(iterator) {
    var out = [], step;
    for (step = iterator.next(); !step.done; step = iterator.next()) {
        out.push(step.value);
    }
    return out;
}

test('URLSearchParams: iterators and forEach', function (t) {
    var p = new URLSearchParams('a=1&b=2'), seen = [], it;
    t.deepEqual(toArray(p.entries()), [['a', '1'], ['b', '2']]);
    t.deepEqual(toArray(p[Symbol.iterator]()), [['a', '1'], ['b', '2']], '@@iterator is entries');
    it = p.keys();
    t.equal(it[Symbol.iterator](), it, 'iterators are iterable');
    t.equal(it.next().value, 'a');
    p.append('c', '3');
    t.deepEqual(toArray(it), ['b', 'c'], 'iterators are live');
    p.forEach(function (value, name, obj) {
        seen.push(name + '=' + value);
        t.equal(obj, p, 'forEach passes the object');
    });
    t.deepEqual(seen, ['a=1', 'b=2', 'c=3']);
    t.equal(p.size, 3);
});

test('URL searchParams stays in sync with the query', function (t) {
    var u = new URL('https://h/p?a=1#f');
    var p = u.searchParams;
    t.equal(u.searchParams, p, 'same object every time');
    p.append('b', 'x y');
    t.equal(u.href, 'https://h/p?a=1&b=x+y#f', 'list changes rewrite the query');
    u.search = '?c=3';
    t.equal(p.get('c'), '3', 'search setter refreshes the list');
    t.equal(p.get('a'), null);
    p['delete']('c');
    t.equal(u.href, 'https://h/p#f', 'empty list removes the query');
    p.sort();
    t.equal(u.search, '');
});
