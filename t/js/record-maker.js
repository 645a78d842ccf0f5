// SPDX-License-Identifier: MIT
/*
 * native.recordMaker (lib/duk_hooks.c): the runtime's records made with
 * their property table at its final size. Needs the private native object
 * (t/record-maker.t runs this file with it; t/js.t skips it).
 */

function visible() {
    return typeof native === 'object' && typeof native.recordMaker === 'function';
}

test('recordMaker: keys in order, values from the arguments, the prototype and the self key', function (t) {
    if (!visible()) {
        t.comment('skipped: the runtime\'s native object is not visible to this test');
        return;
    }
    function Kind() {
    }
    var SELF = Symbol('self'), S = Symbol('s');
    var make = native.recordMaker(Kind.prototype, ['a', S, 'c'], SELF);
    var v = { v: 1 };
    var r = make(v, 'two');
    t.ok(r instanceof Kind, 'the prototype is the one given');
    t.deepEqual(Reflect.ownKeys(r).map(String), ['a', 'c', 'Symbol(self)', 'Symbol(s)'], 'own keys in order (names before symbols)');
    t.ok(r[SELF] === r, 'the self key names the record');
    t.ok(r.a === v, 'an object value is the same object');
    t.equal(r[S], 'two', 'a symbol key');
    t.ok(r.c === undefined && 'c' in r, 'a key without its argument is there, undefined');
    var d = Object.getOwnPropertyDescriptor(r, 'a');
    t.ok(d.writable && d.enumerable && d.configurable, 'data properties: writable, enumerable, configurable');
    r.c = 3;
    r.extra = 4;
    delete r.a;
    t.deepEqual(Object.keys(r), ['c', 'extra'], 'written, added to and deleted from as any object');
    var other = make(1, 2, 3, 4);
    t.ok(other !== r && other.a === 1 && other.c === 3 && !('extra' in other), 'each call makes a new record; extra arguments are ignored');
    t.throws(function () { return new make(); }, TypeError, 'a maker is no constructor');
});

test('recordMaker: no prototype, no self key, many records', function (t) {
    if (!visible()) {
        t.comment('skipped');
        return;
    }
    var make = native.recordMaker(null, ['x', 'y']);
    var r = make(1);
    t.equal(Object.getPrototypeOf(r), null, 'null: no prototype');
    t.deepEqual(Object.keys(r), ['x', 'y'], 'keys');
    var keys = [];
    for (var i = 0; i < 32; i++) {
        keys.push('k' + i);
    }
    var wide = native.recordMaker(Object.prototype, keys)(0, 1, 2);
    t.equal(Object.keys(wide).length, 32, '32 keys');
    t.ok(wide.k31 === undefined && wide.k2 === 2 && wide.hasOwnProperty('k31'), 'a wide record has them all (with its hash part)');
    var list = [];
    for (i = 0; i < 5000; i++) {
        list.push(make({ n: i }, [i]));
    }
    var ok = true;
    for (i = 0; i < list.length; i++) {
        ok = ok && list[i].x.n === i && list[i].y[0] === i;
    }
    t.ok(ok, '5,000 records keep their values');
});

test('recordMaker: bad shapes are refused', function (t) {
    if (!visible()) {
        t.comment('skipped');
        return;
    }
    var S = Symbol('s');
    t.throws(function () { native.recordMaker(5, ['a']); }, TypeError, 'a prototype that is no object');
    t.throws(function () { native.recordMaker(null, 'ab'); }, TypeError, 'keys that are no array');
    t.throws(function () { native.recordMaker(null, ['a', 1]); }, TypeError, 'a key that is no string or symbol');
    t.throws(function () { native.recordMaker(null, ['a', '7']); }, TypeError, 'an array index');
    t.throws(function () { native.recordMaker(null, ['a', 'b', 'a']); }, TypeError, 'a key given twice');
    t.throws(function () { native.recordMaker(null, [S], S); }, TypeError, 'a key that is also the self key');
    t.throws(function () { native.recordMaker(null, ['a'], 3); }, TypeError, 'a self key that is no string or symbol');
    var keys = [];
    for (var i = 0; i < 33; i++) {
        keys.push('k' + i);
    }
    t.throws(function () { native.recordMaker(null, keys); }, RangeError, 'more than 32 keys');
});
