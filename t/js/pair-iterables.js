// SPDX-License-Identifier: MIT
/* The WebIDL pair iterators of Headers, FormData and URLSearchParams
 * (js/29-pair-iterable.js): the members on each prototype, the iterator
 * prototypes ("X Iterator", inheriting %IteratorPrototype%), brand checks,
 * and iteration over a list that changes meanwhile. */

var IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

function cases() {
    var form = new FormData();
    form.append('b', '2');
    form.append('a', '1');
    return [
        { name: 'Headers', obj: new Headers([['b', '2'], ['a', '1']]), keys: ['a', 'b'], values: ['1', '2'] },
        { name: 'FormData', obj: form, keys: ['b', 'a'], values: ['2', '1'] },
        { name: 'URLSearchParams', obj: new URLSearchParams('b=2&a=1'), keys: ['b', 'a'], values: ['2', '1'] }
    ];
}

function collect(it) {
    var out = [], step;
    while (!(step = it.next()).done) {
        out.push(step.value);
    }
    return out;
}

test('members on the interface prototypes', function (t) {
    cases().forEach(function (c) {
        var proto = Object.getPrototypeOf(c.obj);
        ['entries', 'keys', 'values', 'forEach'].forEach(function (m) {
            var d = Object.getOwnPropertyDescriptor(proto, m);
            t.ok(d && typeof d.value === 'function' && d.writable && d.enumerable && d.configurable,
                c.name + '.prototype.' + m + ' is a writable, enumerable, configurable method');
            t.equal(d.value.name, m, c.name + ' ' + m + '.name');
        });
        t.equal(proto.forEach.length, 1, c.name + ' forEach.length');
        t.equal(proto.entries.length, 0, c.name + ' entries.length');
        var it = Object.getOwnPropertyDescriptor(proto, Symbol.iterator);
        t.equal(it.value, proto.entries, c.name + ' [Symbol.iterator] is entries');
        t.ok(it.writable && !it.enumerable && it.configurable, c.name + ' [Symbol.iterator] is not enumerable');
    });
});

test('iterator prototypes inherit %IteratorPrototype% and carry their tag', function (t) {
    var seen = [];
    cases().forEach(function (c) {
        var it = c.obj.entries(), proto = Object.getPrototypeOf(it);
        t.equal(Object.getPrototypeOf(proto), IteratorPrototype, c.name + ' Iterator inherits %IteratorPrototype%');
        t.equal(Object.prototype.toString.call(it), '[object ' + c.name + ' Iterator]', c.name + ' Iterator tag');
        var tag = Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag);
        t.ok(tag && !tag.writable && !tag.enumerable && tag.configurable, c.name + ' Iterator tag attributes');
        t.equal(Object.getPrototypeOf(c.obj.keys()), proto, c.name + ' keys() shares the prototype');
        t.equal(Object.getPrototypeOf(c.obj[Symbol.iterator]()), proto, c.name + ' @@iterator shares the prototype');
        t.ok(!Object.prototype.hasOwnProperty.call(proto, Symbol.iterator), c.name + ' Iterator: @@iterator inherited');
        t.equal(it[Symbol.iterator](), it, c.name + ' iterator is iterable (returns itself)');
        t.deepEqual(Object.keys(it), [], c.name + ' iterator has no visible own state');
        var next = Object.getOwnPropertyDescriptor(proto, 'next');
        t.ok(next.writable && next.enumerable && next.configurable && next.value.length === 0, c.name + ' next()');
        seen.push(proto);
    });
    t.ok(seen[0] !== seen[1] && seen[1] !== seen[2] && seen[0] !== seen[2], 'one iterator prototype per interface');
});

test('entries, keys, values and forEach', function (t) {
    cases().forEach(function (c) {
        t.deepEqual(collect(c.obj.keys()), c.keys, c.name + ' keys');
        t.deepEqual(collect(c.obj.values()), c.values, c.name + ' values');
        t.deepEqual(collect(c.obj.entries()), [[c.keys[0], c.values[0]], [c.keys[1], c.values[1]]], c.name + ' entries');
        var calls = [], self = {};
        c.obj.forEach(function (value, key, obj) {
            calls.push([value, key, obj === c.obj, this === self]);
        }, self);
        t.deepEqual(calls, [[c.values[0], c.keys[0], true, true], [c.values[1], c.keys[1], true, true]], c.name + ' forEach');
        var it = c.obj.keys();
        collect(it);
        t.deepEqual(it.next(), { value: undefined, done: true }, c.name + ' a finished iterator stays done');
    });
});

test('brand checks', function (t) {
    var all = cases();
    all.forEach(function (c, k) {
        var other = all[(k + 1) % all.length];
        var proto = Object.getPrototypeOf(c.obj);
        t.throws(function () { proto.entries.call({}); }, TypeError, c.name + ' entries on a plain object');
        t.throws(function () { proto.keys.call(other.obj); }, TypeError, c.name + ' keys on a ' + other.name);
        t.throws(function () { proto.forEach.call(other.obj, function () {}); }, TypeError, c.name + ' forEach on a ' + other.name);
        t.throws(function () { c.obj.forEach(); }, TypeError, c.name + ' forEach without a callback');
        t.throws(function () { c.obj.forEach({}); }, TypeError, c.name + ' forEach with a non-callable');
        var next = Object.getPrototypeOf(c.obj.entries()).next;
        t.throws(function () { next.call({}); }, TypeError, c.name + ' Iterator next on a plain object');
        t.throws(function () { next.call(other.obj.entries()); }, TypeError, c.name + ' Iterator next on a ' + other.name + ' Iterator');
        t.throws(function () { next.call(undefined); }, TypeError, c.name + ' Iterator next on undefined');
    });
});

test('iteration sees changes made meanwhile', function (t) {
    var params = new URLSearchParams('a=1');
    var it = params.keys();
    t.equal(it.next().value, 'a', 'first key');
    params.append('b', '2');
    t.deepEqual(it.next(), { value: 'b', done: false }, 'a pair appended during iteration is reached');
    var form = new FormData(), seen = [];
    form.append('x', '1');
    form.forEach(function (value, key) {
        seen.push(key);
        if (key === 'x') {
            form.append('y', '2');
        }
    });
    t.deepEqual(seen, ['x', 'y'], 'forEach reaches a pair appended by its callback');
    var headers = new Headers({ b: '1' }), names = [];
    headers.forEach(function (value, name) {
        names.push(name);
        if (name === 'b') {
            headers.set('c', '2');
        }
    });
    t.deepEqual(names, ['b', 'c'], 'Headers forEach follows the sorted view as it changes');
});
