// SPDX-License-Identifier: MIT
/*
 * Reflect.construct with a newTarget (js/17-proxy.js), which is how
 * fcworker-build's lowering of `class X extends Parent` constructs the
 * parent: subclasses of built-ins (typed arrays, Date, Error, Map) and of
 * runtime classes get a real instance with the subclass's prototype.
 * Also crypto.getRandomValues with BigInt64Array / BigUint64Array.
 */

/* The shape of the lowered `class Sub extends Parent { constructor(...a) { super(...a); } }`. */
function subclass(Parent) {
    function Sub() {
        if (!(this instanceof Sub)) {
            throw new TypeError('Cannot call a class as a function');
        }
        return Reflect.construct(Parent, arguments, Object.getPrototypeOf(this).constructor);
    }
    Sub.prototype = Object.create(Parent.prototype, {
        constructor: { value: Sub, writable: true, configurable: true }
    });
    Object.setPrototypeOf(Sub, Parent);
    return Sub;
}

test('Reflect.construct with a newTarget is available (the lowering checks this way)', function (t) {
    var b = Reflect.construct(Boolean, [], function () {});
    t.equal(Boolean.prototype.valueOf.call(b), false, 'a Boolean object comes back');
    t.equal(Reflect.construct.length, 2, 'length');
    t.equal(Reflect.construct.name, 'construct', 'name');
});

test('subclasses of the typed arrays', function (t) {
    ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
        'Uint32Array', 'Float32Array', 'Float64Array'].forEach(function (name) {
        var Sub = subclass(globalThis[name]);
        var a = new Sub(4);
        t.ok(a instanceof Sub && a instanceof globalThis[name], name + ': instance of both');
        t.equal(a.length, 4, name + ': length');
        a[1] = 7;
        t.equal(a[1], 7, name + ': elements work');
        t.equal(Object.prototype.toString.call(a), '[object ' + name + ']', name + ': still a ' + name);
        t.ok(ArrayBuffer.isView(a), name + ': a view');
        var b = new Sub([1, 2, 3]);
        t.equal(b.join(), '1,2,3', name + ': from an array');
    });
    var Bytes = subclass(Uint8Array);
    var r = crypto.getRandomValues(new Bytes(64));
    t.ok(r instanceof Bytes, 'getRandomValues accepts and returns the subclass instance');
});

test('subclasses of other built-ins', function (t) {
    var MyDate = subclass(Date);
    var d = new MyDate(86400000);
    t.ok(d instanceof MyDate, 'Date subclass');
    t.equal(d.getTime(), 86400000, 'Date methods work on it');
    var MyError = subclass(TypeError);
    var e = new MyError('bad');
    t.ok(e instanceof MyError && e instanceof TypeError, 'Error subclass');
    t.equal(e.message, 'bad', 'message');
    var MyMap = subclass(Map);
    var m = new MyMap([[1, 'a']]);
    t.ok(m instanceof MyMap, 'Map subclass');
    t.equal(m.get(1), 'a', 'Map methods work on it');
    var Big = subclass(BigInt64Array);
    var big = new Big(2);
    t.ok(big instanceof Big && big instanceof BigInt64Array, 'BigInt64Array subclass');
    t.equal(big.length, 2, 'its length');
});

test('an ECMAScript function target runs on an object of newTarget.prototype', function (t) {
    var seen = null;
    function Base(x) {
        this.x = x;
        seen = this.kind();
    }
    Base.prototype.kind = function () { return 'base'; };
    function Derived() {}
    Derived.prototype = Object.create(Base.prototype);
    Derived.prototype.kind = function () { return 'derived'; };
    var o = Reflect.construct(Base, [5], Derived);
    t.ok(o instanceof Derived, 'the prototype is newTarget.prototype');
    t.equal(o.x, 5, 'the constructor ran with the arguments');
    t.equal(seen, 'derived', 'an overridden method is seen during construction');
    function Returns() { return { own: true }; }
    t.equal(Reflect.construct(Returns, [], Derived).own, true, 'an object returned by the constructor wins');
    function NoProto() {}
    NoProto.prototype = 3;
    t.equal(Object.getPrototypeOf(Reflect.construct(function () {}, [], NoProto)), Object.prototype,
        'a newTarget without an object prototype gives Object.prototype');
    t.equal(Reflect.construct(Base, { length: 1, 0: 'a' }).x, 'a', 'an array-like argument list');
});

test('Reflect.construct errors', function (t) {
    t.throws(function () { Reflect.construct({}, []); }, TypeError, 'target not a constructor');
    t.throws(function () { Reflect.construct(Date, [], {}); }, TypeError, 'newTarget not a constructor');
    t.throws(function () { Reflect.construct(Date, [], Math.max); }, TypeError, 'newTarget a non-constructor function');
    t.throws(function () { Reflect.construct(Date, 1, Object); }, TypeError, 'argumentsList not an object');
    t.throws(function () { Reflect.construct(Date, null); }, TypeError, 'argumentsList null');
});

test('the replaced Reflect and Object methods are no constructors, as built-in methods', function (t) {
    [['Reflect.construct', Reflect.construct], ['Reflect.get', Reflect.get], ['Reflect.set', Reflect.set],
        ['Reflect.getPrototypeOf', Reflect.getPrototypeOf], ['Object.create', Object.create],
        ['Object.setPrototypeOf', Object.setPrototypeOf], ['Object.getPrototypeOf', Object.getPrototypeOf]
    ].forEach(function (c) {
        t.throws(function () { return new c[1]({}); }, TypeError, c[0] + ': new throws');
        t.equal(Object.prototype.hasOwnProperty.call(c[1], 'prototype'), false, c[0] + ': no prototype property');
        t.throws(function () { Reflect.construct(function () {}, [], c[1]); }, TypeError, c[0] + ': not a newTarget');
    });
    t.equal(Reflect.get({ a: 1 }, 'a'), 1, 'still callable');
});

test('crypto.getRandomValues with BigInt64Array and BigUint64Array', function (t) {
    [BigInt64Array, BigUint64Array].forEach(function (C) {
        var a = new C(16);
        t.equal(crypto.getRandomValues(a), a, C.name + ': returns the array');
        var nonzero = 0;
        for (var i = 0; i < a.length; i++) {
            if (String(a[i]) !== '0') {
                nonzero++;
            }
        }
        t.ok(nonzero > 8, C.name + ': filled with random values');
        t.equal(crypto.getRandomValues(new C(0)).length, 0, C.name + ': empty');
        t.throws(function () { crypto.getRandomValues(new C(8193)); }, DOMException, C.name + ': over 65536 bytes');
        try {
            crypto.getRandomValues(new C(8193));
        } catch (e) {
            t.equal(e.name, 'QuotaExceededError', C.name + ': QuotaExceededError');
        }
        crypto.getRandomValues(new C(8192));
        t.ok(true, C.name + ': 65536 bytes are allowed');
    });
});
