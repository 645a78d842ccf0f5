// SPDX-License-Identifier: MIT
/* Fetch standard: Headers. */
function entries(h) {
    var out = [];
    h.forEach(function (value, name) { out.push([name, value]); });
    return out;
}

test('Headers: get combines values and is case-insensitive', function (t) {
    var h = new Headers([['a', '1'], ['A', '2']]);
    t.equal(h.get('a'), '1, 2', 'values combined with ", "');
    t.equal(h.get('A'), '1, 2', 'name lookup is case-insensitive');
    t.equal(h.get('missing'), null, 'absent header is null');
    t.equal(h.has('a'), true, 'has');
    t.equal(h.has('b'), false, 'has (absent)');
});

test('Headers: append, set, delete', function (t) {
    var h = new Headers();
    h.append('X-A', 'one');
    h.append('x-a', 'two');
    h.append('X-B', 'b');
    h.set('X-A', 'three');
    t.equal(h.get('x-a'), 'three', 'set replaces every value');
    t.deepEqual(entries(h), [['x-a', 'three'], ['x-b', 'b']], 'set keeps one entry');
    h['delete']('X-B');
    t.equal(h.has('x-b'), false, 'delete removes');
    h['delete']('nothing');
    t.equal(h.get('x-a'), 'three', 'deleting an absent name is harmless');
    h.set('new', 'v');
    t.equal(h.get('new'), 'v', 'set appends when absent');
});

test('Headers: names and values are validated', function (t) {
    var h = new Headers();
    t.throws(function () { h.append('a b', 'x'); }, TypeError, 'space is not a token character');
    t.throws(function () { h.append('', 'x'); }, TypeError, 'empty name');
    t.throws(function () { h.append('a:', 'x'); }, TypeError, 'colon in name');
    t.throws(function () { h.append('\u00e9', 'x'); }, TypeError, 'non-ASCII name');
    t.throws(function () { h.append('a', 'x\ny'); }, TypeError, 'LF inside a value');
    t.throws(function () { h.append('a', 'x\ry'); }, TypeError, 'CR inside a value');
    t.throws(function () { h.append('a', 'x\u0000y'); }, TypeError, 'NUL inside a value');
    t.throws(function () { h.set('a', '\u0100'); }, TypeError, 'values are ByteStrings');
    t.throws(function () { h.get('a b'); }, TypeError, 'get validates the name');
    t.throws(function () { h.has('('); }, TypeError, 'has validates the name');
    h.append('a', '\u00e9');
    t.equal(h.get('a'), '\u00e9', 'bytes 0x80-0xFF are allowed in values');
});

test('Headers: values are normalised', function (t) {
    var h = new Headers({ A: ' \t x y \r\n' });
    t.equal(h.get('a'), 'x y', 'leading and trailing HTTP whitespace is stripped');
    h.set('b', '\n\n');
    t.equal(h.get('b'), '', 'a whitespace-only value becomes empty');
});

test('Headers: set-cookie', function (t) {
    var h = new Headers();
    h.append('Set-Cookie', 'a=1');
    h.append('set-cookie', 'b=2');
    h.append('Accept', '*/*');
    t.deepEqual(h.getSetCookie(), ['a=1', 'b=2'], 'getSetCookie returns each value');
    t.equal(h.get('set-cookie'), 'a=1, b=2', 'get still combines');
    t.deepEqual(entries(h), [['accept', '*/*'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']], 'iteration does not combine set-cookie');
    t.deepEqual(new Headers().getSetCookie(), [], 'no set-cookie: empty list');
});

test('Headers: iteration is sorted by lowercased name and combined', function (t) {
    var h = new Headers([['b', '1'], ['C', '3'], ['a', '0'], ['B', '2']]);
    t.deepEqual(entries(h), [['a', '0'], ['b', '1, 2'], ['c', '3']], 'forEach order and combination');
    var keys = [], it = h.keys(), step;
    while (!(step = it.next()).done) {
        keys.push(step.value);
    }
    t.deepEqual(keys, ['a', 'b', 'c'], 'keys()');
    var values = [], vit = h.values();
    while (!(step = vit.next()).done) {
        values.push(step.value);
    }
    t.deepEqual(values, ['0', '1, 2', '3'], 'values()');
    t.deepEqual(h.entries().next().value, ['a', '0'], 'entries() yields [name, value]');
    t.equal(h[Symbol.iterator], h.entries, '@@iterator is entries');
    var seen = null, self = null, thisArg = {};
    h.forEach(function (value, name, headers) { seen = [value, name]; self = [this, headers]; }, thisArg);
    t.deepEqual(seen, ['3', 'c'], 'forEach passes (value, name)');
    t.ok(self[0] === thisArg && self[1] === h, 'forEach passes thisArg and the Headers');
});

test('Headers: constructor forms', function (t) {
    var original = new Headers({ 'Content-Type': 'text/plain', 'X-N': '1' });
    t.equal(original.get('content-type'), 'text/plain', 'from a record');
    var copy = new Headers(original);
    copy.set('x-n', '2');
    t.equal(copy.get('x-n'), '2', 'copy from Headers');
    t.equal(original.get('x-n'), '1', 'the copy is independent');
    var fromIterator = new Headers(original.entries());
    t.equal(fromIterator.get('content-type'), 'text/plain', 'from an iterable of pairs');
    t.throws(function () { new Headers([['a']]); }, TypeError, 'a pair must have two items');
    t.throws(function () { new Headers([['a', 'b', 'c']]); }, TypeError, 'not three');
    t.throws(function () { new Headers('a: b'); }, TypeError, 'a string is not a HeadersInit');
    t.throws(function () { new Headers({ 'bad name': 'x' }); }, TypeError, 'record names are validated');
    t.throws(function () { new Headers({ ok: 'a\nb' }); }, TypeError, 'and values');
    var r = new Response('x', { headers: { 'X-Upper': '  padded\t', n: 7, 'x-Two': 'b' } });
    t.deepEqual(Array.from(r.headers.entries()),
        [['content-type', 'text/plain;charset=UTF-8'], ['n', '7'], ['x-two', 'b'], ['x-upper', 'padded']],
        'a record in a Response: names lowercased, values trimmed and made strings');
    var reads = 0;
    var withGetter = { get 'x-g'() { reads++; return 'got'; }, plain: 'p' };
    t.equal(new Headers(withGetter).get('x-g'), 'got', 'a record with a getter');
    t.equal(reads, 1, 'read once');
    t.deepEqual(Array.from(new Headers({ 2: 'two', 1: 'one', b: 'bee' }).entries()),
        [['1', 'one'], ['2', 'two'], ['b', 'bee']], 'integer names');
    t.deepEqual(Array.from(new Response('', { headers: {} }).headers.entries()),
        [['content-type', 'text/plain;charset=UTF-8']], 'an empty record');
    var proto = Object.create(null);
    proto.k = 'v';
    t.equal(new Headers(proto).get('k'), 'v', 'a record without a prototype');
    t.equal(Object.prototype.toString.call(original), '[object Headers]', 'class string');
});

test('get and has: valid names looked up in C, the rest in JavaScript', function (t) {
    var h = new Headers([['Content-Type', 'text/plain'], ['X-A', '1'], ['x-a', '2']]);
    t.equal(h.get('content-type'), 'text/plain', 'a lower-case name');
    t.equal(h.get('CONTENT-type'), 'text/plain', 'any case');
    t.equal(h.get('x-a'), '1, 2', 'values of one name combined');
    t.equal(h.get('x-b'), null, 'absent: null');
    t.ok(h.has('X-A') && !h.has('x-b'), 'has');
    t.equal(Headers.prototype.get.name + Headers.prototype.get.length, 'get1', "get's name and length");
    t.equal(Headers.prototype.has.name + Headers.prototype.has.length, 'has1', "has's name and length");
    t.throws(function () { h.get('bad name'); }, TypeError, 'an invalid name throws');
    t.throws(function () { h.has(''); }, TypeError, 'an empty name throws');
    t.throws(function () { Headers.prototype.get.call({}, 'a'); }, TypeError, 'another receiver throws');
    t.equal(h.get({ toString: function () { return 'X-a'; } }), '1, 2', 'a name converted to a string');
    var long = 'X-' + new Array(80).join('a');
    h.set(long, 'L');
    t.ok(h.get(long) === 'L' && h.has(long.toLowerCase()), 'a name longer than 64 bytes');
});

test('set and append: the receiver, the name and the value, in that order', function (t) {
    var order = [];
    var name = { toString: function () { order.push('name'); return 'X-Order'; } };
    var value = { toString: function () { order.push('value'); return 7; } };
    var h = new Headers();
    h.set(name, value);
    t.equal(order.join(), 'name,value', 'the name converted before the value');
    t.equal(h.get('x-order'), '7', 'both converted to strings');
    order = [];
    t.throws(function () { Headers.prototype.set.call({}, name, value); }, TypeError, 'another receiver throws first');
    t.throws(function () { Headers.prototype.append.call(null, 'a', 'b'); }, TypeError, 'a null receiver throws');
    t.equal(order.join(), '', 'before converting anything');
    t.throws(function () { h.append('bad name', value); }, TypeError, 'an invalid name throws');
    t.equal(order.join(), '', 'before the value is converted');
    h.append('X-N', 1);
    h.append('x-n', ' 2 ');
    h.append('X-Other', 'o');
    h.append('X-N', '3');
    t.equal(h.get('x-n'), '1, 2, 3', 'append keeps every value, trimmed');
    h.set('X-n', '4');
    t.equal(h.get('x-n'), '4', 'set replaces them all');
    t.equal(Array.from(h.keys()).join(), 'x-n,x-order,x-other', 'the first kept, the others removed');
    h.set('x-new', 'v');
    t.equal(h.get('X-New'), 'v', 'set of a new name appends it');
    t.equal(Headers.prototype.set.name + Headers.prototype.set.length, 'set2', "set's name and length");
    t.equal(Headers.prototype.append.name + Headers.prototype.append.length, 'append2', "append's name and length");
});
