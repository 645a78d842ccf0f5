// SPDX-License-Identifier: MIT
/*
 * Proxies as prototypes and Reflect.get/set with a receiver
 * (js/17-proxy.js), and the helper __fcw_withProto that fcworker-build
 * lowers `{ __proto__: value }` literals to.
 */

/* What fcworker-build makes of `{ __proto__: proto, ...props }`. */
function literal(proto, props) {
    var obj = { __fcw_proto__: proto };
    for (var k in props) {
        obj[k] = props[k];
    }
    return __fcw_withProto(obj);
}

test("itty-router 5's router: an object literal with a Proxy as __proto__", function (t) {
    var seen = [];
    var routes = [];
    var router = literal(new Proxy({}, {
        get: function (target, prop, receiver) {
            seen.push(prop);
            return function (path, handler) {
                receiver.routes.push([String(prop).toUpperCase(), path, handler]);
                return receiver;
            };
        }
    }), { routes: routes, base: '/api' });
    t.ok(router.get('/a', 1) === router, 'the trap runs for a missing property, with the object as receiver');
    router.post('/b', 2).put('/c', 3);
    t.equal(seen.join(), 'get,post,put', 'the trap is not called for own properties');
    t.ok(router.routes === routes, 'own properties are read directly');
    t.equal(routes.map(function (r) { return r.join(' '); }).join(), 'GET /a 1,POST /b 2,PUT /c 3',
        'routes were added through the receiver');
    t.equal(router.base, '/api', 'own data property');
    router.fetch = function () { return this.routes.length; };
    t.equal(router.fetch(), 3, 'a property assigned later is own and called with this');
    t.equal(Object.keys(router).join(), 'routes,base,fetch', 'Object.keys sees the own properties in order');
    t.equal(Object.keys(router).indexOf('__fcw_proto__'), -1, 'the helper key is gone');
    t.ok(router instanceof Object, 'instanceof walks through the wrapper');
    t.equal(JSON.stringify(literal({ inherited: 1 }, { a: 1 })), '{"a":1}', 'a plain prototype: JSON has own properties only');
});

test('__fcw_withProto: prototype values as in an object literal (B.3.1)', function (t) {
    var base = { hello: function () { return 'hi ' + this.name; } };
    var o = literal(base, { name: 'x' });
    t.equal(Object.getPrototypeOf(o), base, 'an object becomes the prototype');
    t.equal(o.hello(), 'hi x', 'and its methods are inherited');
    t.equal(Object.getPrototypeOf(literal(null, { a: 1 })), null, 'null gives a null prototype');
    t.equal(Object.getPrototypeOf(literal(42, { a: 1 })), Object.prototype, 'a number is ignored');
    t.equal(Object.getPrototypeOf(literal(undefined, {})), Object.prototype, 'undefined is ignored');
    t.equal(typeof __fcw_withProto, 'function', 'the helper is a global');
    t.ok(!Object.prototype.propertyIsEnumerable.call(globalThis, '__fcw_withProto'), 'not enumerable');
});

test('Object.create and Object.setPrototypeOf with a Proxy prototype', function (t) {
    var handler = {
        get: function (target, key, receiver) {
            return key in target ? target[key] : 'trap:' + String(key) + ':' + (receiver === obj);
        },
        has: function (target, key) {
            return key !== 'hidden';
        },
        set: function (target, key, value, receiver) {
            target['set_' + key] = value;
            return true;
        }
    };
    var target = { real: 'r' };
    var proxy = new Proxy(target, handler);
    var obj = Object.create(proxy, { own: { value: 1, writable: true, enumerable: true } });
    t.equal(obj.own, 1, 'own property');
    t.equal(obj.real, 'r', "the trap reads the proxy's target");
    t.equal(obj.missing, 'trap:missing:true', 'get trap with the object as receiver');
    t.ok('anything' in obj, 'has trap');
    t.ok(!('hidden' in obj), 'has trap returning false');
    t.ok('own' in obj, 'own property is found without the trap');
    obj.fresh = 5;
    t.equal(target.set_fresh, 5, 'set trap for a property the object does not own');
    obj.own = 2;
    t.equal(obj.own, 2, 'an own property is set directly');
    t.equal(Object.getPrototypeOf(obj), proxy, 'getPrototypeOf is the proxy');
    var deep = Object.create(Object.create(proxy));
    t.equal(deep.something.slice(0, 15), 'trap:something:', 'a proxy two levels up still traps');
    obj.viaTrap = 9;
    t.ok(target.set_viaTrap === 9 && Object.keys(obj).indexOf('viaTrap') < 0,
        "assigning a property the object does not own runs the prototype's set trap, as in ES2015");
    var later = { x: 1 };
    var result = Object.setPrototypeOf(later, proxy);
    t.equal(result.x, 1, "setPrototypeOf's result has the own properties");
    t.equal(result.nope.slice(0, 10), 'trap:nope:', "and runs the prototype proxy's traps");
    t.equal(Object.getPrototypeOf(later), proxy, 'the object itself has the proxy as prototype');
    t.equal(Object.getPrototypeOf(Object.create(null)), null, 'Object.create(null) unchanged');
    function F() {}
    F.prototype = Object.create(new Proxy({}, { get: function (tg, key) { return 'trap:' + String(key); } }));
    F.prototype.method = function () { return 'method'; };
    t.equal(F.prototype.method(), 'method', 'a method assigned to such an object is its own');
    var instance = new F();
    t.equal(typeof instance.method, 'function', "an instance of a constructor whose prototype is such an object sees the prototype's own methods");
    var plain = Object.create({ a: 1 });
    t.equal(plain.a, 1, 'a plain prototype is not wrapped');
    t.throws(function () { Object.create(5); }, TypeError, 'Object.create of a primitive throws');
});

test('Proxy constructor and getPrototypeOf of a proxy', function (t) {
    function C() {}
    var p = new Proxy(new C(), {});
    t.equal(Object.getPrototypeOf(p), C.prototype, "no trap: the target's prototype");
    t.equal(Reflect.getPrototypeOf(p), C.prototype, 'Reflect.getPrototypeOf too');
    var other = {};
    var q = new Proxy({}, { getPrototypeOf: function () { return other; } });
    t.equal(Object.getPrototypeOf(q), other, 'getPrototypeOf trap');
    var bad = new Proxy({}, { getPrototypeOf: function () { return 1; } });
    t.throws(function () { Object.getPrototypeOf(bad); }, TypeError, 'a trap returning a primitive throws');
    t.throws(function () { Proxy({}, {}); }, TypeError, 'Proxy without new throws');
    t.throws(function () { return new Proxy(1, {}); }, TypeError, 'a primitive target throws');
    t.throws(function () { return new Proxy({}, null); }, TypeError, 'a null handler throws');
    t.equal(Proxy.name, 'Proxy', 'name');
    t.equal(Proxy.length, 2, 'length');
    t.equal(Object.getPrototypeOf('s'), String.prototype, 'getPrototypeOf of a primitive');
    t.throws(function () { Object.getPrototypeOf(null); }, TypeError, 'getPrototypeOf(null) throws');
    t.throws(function () { Reflect.getPrototypeOf(1); }, TypeError, 'Reflect.getPrototypeOf of a primitive throws');
    var frozen = new Proxy(Object.freeze({ f: 1 }), { get: function (tg, key) { return key === 'f' ? tg.f : 'trap'; } });
    t.equal(Object.create(frozen).anything, 'trap', 'a proxy of a frozen target works as a prototype too');
    var sealedBase = Object.preventExtensions({});
    t.equal(Object.getPrototypeOf(new Proxy(sealedBase, {})), Object.prototype, 'getPrototypeOf of a proxy of a non-extensible target');
    var fn = new Proxy(function () { return 'called'; }, {});
    t.equal(fn(), 'called', 'a function proxy is still callable');
});

test('Reflect.get with a receiver (OrdinaryGet, §10.1.8.1)', function (t) {
    var target = {
        data: 'd',
        get who() { return this === receiver ? 'receiver' : 'other'; }
    };
    var receiver = {};
    t.equal(Reflect.get(target, 'who', receiver), 'receiver', 'a getter is called with the receiver');
    t.equal(Reflect.get(target, 'who'), 'other', 'without a receiver, the target');
    t.equal(Reflect.get(target, 'data', receiver), 'd', 'a data property');
    t.equal(Reflect.get(Object.create(target), 'who', receiver), 'receiver', 'an inherited getter gets the receiver');
    t.equal(Reflect.get(target, 'none', receiver), undefined, 'a missing property');
    t.equal(Reflect.get({ get x() { 'use strict'; return this; } }, 'x', 7), 7, 'a primitive receiver is passed as is');
    var s = Symbol('s');
    var withSymbol = {};
    withSymbol[s] = 42;
    t.equal(Reflect.get(withSymbol, s), 42, 'a Symbol key');
    t.equal(Reflect.get(withSymbol, s, {}), 42, 'a Symbol key with a receiver');
    t.equal(Reflect.get([5, 6], 1, {}), 6, 'a number key is converted');
    var trapped = new Proxy({}, { get: function (tg, key, r) { return r; } });
    t.equal(Reflect.get(trapped, 'x', receiver), receiver, "a proxy's get trap receives the receiver");
    t.equal(Reflect.get(Object.create(trapped), 'x', receiver), receiver, 'also as a prototype');
    t.throws(function () { Reflect.get(1, 'x'); }, TypeError, 'a primitive target throws');
    t.throws(function () { Reflect.get(undefined, 'x', {}); }, TypeError, 'undefined target throws');
    t.throws(function () { Reflect.get({}, { toString: function () { throw new RangeError('key'); } }, {}); },
        RangeError, 'an abrupt ToPropertyKey propagates');
    t.equal(Reflect.get.length, 2, 'length');
});

test('Reflect.get: a receiver of undefined, virtual properties, a proxy further up the chain', function (t) {
    var o = { get who() { 'use strict'; return this; } };
    t.equal(Reflect.get(o, 'who'), o, 'no receiver: the getter gets the target');
    t.equal(Reflect.get(o, 'who', undefined), undefined, 'an undefined receiver is one: the getter gets undefined');
    t.equal(Reflect.get({ set only(v) {} }, 'only', {}), undefined, 'an accessor without a getter: undefined');
    t.equal(Reflect.get(new String('abc'), 1, {}), 'b', "a String object's index");
    t.equal(Reflect.get([1, 2, 3], 'length', {}), 3, "an array's length");
    t.equal(Reflect.get(new Uint8Array([7, 8]), '1', {}), 8, "a typed array's element");
    var seen = [];
    var trapped = new Proxy({ k: 'target' }, {
        get: function (tg, key, r) { seen.push([key, r]); return 'trap'; }
    });
    var receiver = {};
    var chain = Object.create(Object.create(trapped));
    t.equal(Reflect.get(chain, 'k', receiver), 'trap', 'a proxy two levels up: its trap answers');
    t.ok(seen.length === 1 && seen[0][0] === 'k' && seen[0][1] === receiver, 'with the key and the receiver');
    chain.k = 'own';
    t.equal(Reflect.get(chain, 'k', receiver), 'own', 'an own property before it answers first');
    var conversions = 0;
    var key = { toString: function () { conversions++; return 'k'; } };
    Reflect.get(chain, key, receiver);
    Reflect.set({}, key, 1, receiver);
    t.equal(conversions, 2, 'the key is converted once per call');
    t.equal(Reflect.get.name + ' ' + Reflect.set.name, 'get set', 'names');
    t.ok(!('prototype' in Reflect.get) && !('prototype' in Reflect.set), 'no prototype');
    t.throws(function () { new Reflect.get({}, 'k'); }, TypeError, 'not a constructor');
});

test('Reflect.set with a receiver (OrdinarySet, §10.1.9.2)', function (t) {
    var target = {};
    var receiver = {};
    t.equal(Reflect.set(target, 'p', 43, receiver), true, 'returns true');
    t.equal(Object.getOwnPropertyDescriptor(target, 'p'), undefined, 'the target is not changed');
    var d = Object.getOwnPropertyDescriptor(receiver, 'p');
    t.ok(d.value === 43 && d.writable && d.enumerable && d.configurable, 'a data property is created on the receiver');
    var calls = [];
    var withSetter = { set p(v) { calls.push([this, v]); } };
    t.equal(Reflect.set(withSetter, 'p', 1, receiver), true, 'an accessor: true');
    t.ok(calls.length === 1 && calls[0][0] === receiver && calls[0][1] === 1, 'the setter is called with the receiver');
    t.equal(Reflect.set(Object.create(withSetter), 'p', 2, receiver), true, 'an inherited setter');
    t.equal(calls[1][0], receiver, 'is called with the receiver too');
    t.equal(Reflect.set({ get p() { return 1; } }, 'p', 1, receiver), false, 'an accessor without setter: false');
    var readOnly = Object.defineProperty({}, 'p', { value: 1, writable: false });
    t.equal(Reflect.set(readOnly, 'p', 2, receiver), false, 'a non-writable data property: false');
    t.equal(Reflect.set(Object.create(readOnly), 'p', 2, {}), false, 'an inherited non-writable one: false');
    t.equal(Reflect.set({ p: 1 }, 'p', 2, 1), false, 'a primitive receiver: false');
    var accessorReceiver = Object.defineProperty({}, 'p', { get: function () { return 0; }, configurable: true });
    t.equal(Reflect.set({ p: 1 }, 'p', 2, accessorReceiver), false, 'the receiver has an accessor: false');
    var lockedReceiver = Object.defineProperty({}, 'p', { value: 0, writable: false, configurable: true });
    t.equal(Reflect.set({ p: 1 }, 'p', 2, lockedReceiver), false, "the receiver's property is not writable: false");
    var existing = Object.defineProperty({}, 'p', { value: 0, writable: true, enumerable: false, configurable: true });
    t.equal(Reflect.set({}, 'p', 5, existing), true, "the receiver's own writable property: true");
    var e = Object.getOwnPropertyDescriptor(existing, 'p');
    t.ok(e.value === 5 && !e.enumerable, 'only the value changes');
    t.equal(Reflect.set({}, 'p', 1, Object.preventExtensions({})), false, 'a non-extensible receiver: false');
    var s = Symbol('k');
    var symbolReceiver = {};
    t.equal(Reflect.set({}, s, 9, symbolReceiver), true, 'a Symbol key');
    t.equal(symbolReceiver[s], 9, 'is set on the receiver');
    var plain = {};
    t.equal(Reflect.set(plain, s, 10), true, 'a Symbol key without a receiver');
    t.equal(plain[s], 10, 'is set on the target');
    t.equal(Reflect.set(Object.freeze({ a: 1 }), 'a', 2), false, 'a frozen target: false');
    var got = null;
    var trapped = new Proxy({}, { set: function (tg, key, value, r) { got = [key, value, r]; return 1; } });
    t.equal(Reflect.set(trapped, 'k', 'v', receiver), true, "a proxy's set trap: its result as a boolean");
    t.ok(got[0] === 'k' && got[1] === 'v' && got[2] === receiver, 'the trap receives the receiver');
    t.throws(function () { Reflect.set(1, 'x', 1); }, TypeError, 'a primitive target throws');
    t.equal(Reflect.set.length, 3, 'length');
});

test('Reflect from a Proxy trap (chanfana-style forwarding)', function (t) {
    var base = { get greeting() { return 'hello ' + this.name; } };
    var proxied = new Proxy(base, {
        get: function (target, key, receiver) {
            return Reflect.get(target, key, receiver);
        },
        set: function (target, key, value, receiver) {
            return Reflect.set(target, key, value, receiver);
        }
    });
    var child = Object.create(proxied);
    child.name = 'child';
    t.equal(child.greeting, 'hello child', 'the getter sees the inheriting object');
    child.extra = 1;
    t.ok(Object.keys(child).indexOf('extra') >= 0 && !('extra' in base), 'a set through the trap lands on the receiver');
});

test('A Proxy whose target is a proxy (Duktape refuses those natively)', function (t) {
    var log = [];
    var inner = new Proxy({ a: 1, b: 2 }, {
        get: function (tg, key, receiver) { log.push('inner:' + String(key)); return key in tg ? tg[key] : 'inner-default'; }
    });
    var outer = new Proxy(inner, {
        get: function (tg, key, receiver) {
            log.push('outer:' + String(key));
            return key === 'special' ? 'outer-special' : Reflect.get(tg, key, receiver);
        }
    });
    t.equal(outer.special, 'outer-special', "the outer trap runs");
    t.equal(outer.a, 1, 'and forwards to the inner proxy');
    t.equal(outer.zzz, 'inner-default', "whose trap runs too");
    t.equal(log.join(), 'outer:special,outer:a,inner:a,outer:zzz,inner:zzz', 'in that order');
    var bare = new Proxy(inner, {});
    t.equal(bare.b, 2, 'no trap: the operation goes to the target proxy');
    t.equal(bare.missing, 'inner-default', "and runs the target proxy's trap");
    t.equal(Object.keys(bare).join(), 'a,b', 'ownKeys goes to the target proxy');
    bare.c = 3;
    t.equal(inner.c, 3, 'set goes to the target proxy');
    t.ok('c' in bare, 'has');
    t.ok(delete bare.c, 'deleteProperty');
    t.ok(!('c' in inner), 'the property is gone');
    var fn = new Proxy(new Proxy(function (x) { return x * 2; }, {}), {});
    t.equal(fn(21), 42, 'apply through two proxies');
    t.equal(typeof fn, 'function', 'typeof');
    t.throws(function () { return new Proxy(inner, null); }, TypeError, 'a null handler still throws');
});

test("chanfana-style: a Proxy over an itty-router-style router, traps using Reflect.get", function (t) {
    var routes = [];
    var router = __fcw_withProto({ routes: routes, __fcw_proto__: new Proxy({}, {
        get: function (target, prop, receiver) {
            return function (path) { receiver.routes.push([String(prop), path]); return receiver; };
        }
    }) });
    var seen = [];
    var openapi = new Proxy(router, {
        get: function (target, prop, receiver) {
            seen.push(String(prop));
            return prop === 'original' ? target : Reflect.get(target, prop, receiver);
        }
    });
    t.ok(openapi.get('/a') === openapi, "the router's trap gets the outer proxy as receiver");
    t.equal(JSON.stringify(routes), '[["get","/a"]]', 'the route was added');
    t.equal(seen.join(), 'get,routes', "the outer trap saw the method and the receiver's routes");
    t.ok(openapi.original === router, 'the target is the router');
});
