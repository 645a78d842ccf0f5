// SPDX-License-Identifier: MIT
/*
 * Proxies as prototypes, Reflect.get/Reflect.set with a receiver, and
 * Reflect.construct with a newTarget (native.reflectConstruct,
 * lib/api_builtins.c), which fcworker-build's class lowering uses to
 * construct the parent of a derived class once it works.
 *
 * Duktape's lookups stop at a Proxy in a prototype chain (its traps are
 * not run and Object.getPrototypeOf(proxy) is null), and its Reflect.get
 * and Reflect.set throw "unsupported" when given a receiver. Libraries
 * build objects on proxies, e.g. itty-router's
 * `({ __proto__: new Proxy({}, { get: (target, prop, receiver) => ... }),
 * routes })`, and call Reflect from their traps.
 *
 * So the Proxy constructor is wrapped: each proxy made through it is
 * registered (its target and handler, under a hidden symbol on the target,
 * which a proxy passes to its target without running a trap). An object
 * given a registered proxy somewhere in its prototype chain by
 * Object.create, Object.setPrototypeOf (its return value) or an object
 * literal's `__proto__` (fcworker-build lowers that to __fcw_withProto) is
 * returned wrapped in a proxy of its own whose get, set and has traps do
 * the ordinary lookup themselves and, at a proxy in the chain, call that
 * proxy's trap with the right receiver. The object keeps its identity only
 * through the returned reference: code that ignores setPrototypeOf's result
 * or assigns `obj.__proto__` does not see the traps, and instances created
 * by `new` from a constructor whose prototype is such a wrapper do not
 * either (they see the wrapped object's own properties and its chain up to
 * the proxy, as without the wrapper), and `instance instanceof F` is false
 * for them (Duktape resolves each proxy of the chain to its target before
 * comparing it with F.prototype, the wrapper).
 *
 * A proxy whose target is a proxy (chanfana wraps routers this way), which
 * Duktape refuses, is made on the innermost target with a handler that
 * runs the given traps with the proxy as target, and otherwise performs
 * the operation on that proxy.
 *
 * Object.getPrototypeOf and Reflect.getPrototypeOf of a registered proxy
 * run its getPrototypeOf trap or give its target's prototype.
 *
 * Duktape has no getOwnPropertyDescriptor or defineProperty trap either:
 * for every proxy its getOwnPropertyDescriptor answers undefined,
 * hasOwnProperty false, defineProperty defines on the proxy object itself
 * (where no lookup finds it), and Object.keys keeps only the ownKeys trap's
 * keys that the target has as enumerable own properties. lib/api_fastpath.c
 * guards those built-ins and hands a proxy to the hooks below
 * (native.proxyOwnHooks), which run the traps or, without them, the
 * operation on the target, as §10.5.5 and §10.5.6 do (the invariants
 * between a trap's answer and the target are not checked). Object.keys,
 * Object.entries, Object.values, Object.assign, Object.hasOwn,
 * getOwnPropertyDescriptors and object spread go through them. Object
 * properties a proxy has only through its traps stay unseen by JSON.stringify
 * and for-in, which Duktape runs on the target's. Reflect.get
 * and Reflect.set with a receiver follow OrdinaryGet and OrdinarySet
 * (§10.1.8.1, §10.1.9.2): getters and setters are called with the
 * receiver, and a set that reaches a data property or the end of the chain
 * defines the property on the receiver.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var isObject = spec.isObject;

var NativeProxy = global.Proxy;
var hasOwn = Object.prototype.hasOwnProperty;
var getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
var defineProperty = Object.defineProperty;
var isExtensible = Object.isExtensible;
var nativeGetPrototypeOf = Object.getPrototypeOf;
var nativeSetPrototypeOf = Object.setPrototypeOf;
var nativeCreate = Object.create;
var nativeReflectSet = Reflect.set;
var reflectConstruct = native.reflectConstruct;
var PROXIES = native.hiddenSymbol('proxies');
/* While no proxy exists, Object.create and getPrototypeOf take the native
 * path at once (the runtime's own files call them per stream and body). */
var proxyCount = 0;

/* ---- the registry: records under PROXIES on the target, so that a
 * record lives as long as its target; for targets that cannot take a
 * property (non-extensible ones) in a list, held for the life of the heap
 * (a recycled child frees it) ---- */

var unextensibleTargets = [];

function register(proxy, target, handler) {
    var record = { proxy: proxy, target: target, handler: handler };
    var list = hasOwn.call(target, PROXIES) ? target[PROXIES] : null;
    if (list === null && !isExtensible(target)) {
        unextensibleTargets.push(record);
    } else {
        if (list === null) {
            list = [];
            defineProperty(target, PROXIES, { value: list, writable: false, enumerable: false, configurable: false });
        }
        list.push(record);
    }
    proxyCount++;
}

function findRecord(list, obj) {
    for (var i = 0; i < list.length; i++) {
        if (list[i].proxy === obj) {
            return list[i];
        }
    }
    return null;
}

/* {proxy, target, handler} of a registered proxy, or null. */
function proxyRecord(obj) {
    var list = obj[PROXIES];
    var record = list === void 0 ? null : findRecord(list, obj);
    return record === null && unextensibleTargets.length > 0 ? findRecord(unextensibleTargets, obj) : record;
}

function getPrototype(obj) {
    var rec = proxyRecord(obj);
    if (rec === null) {
        return nativeGetPrototypeOf(obj);
    }
    var trap = rec.handler.getPrototypeOf;
    if (trap !== void 0 && trap !== null) {
        var proto = trap.call(rec.handler, rec.target);
        if (proto !== null && !isObject(proto)) {
            throw new TypeError('getPrototypeOf trap returned neither object nor null');
        }
        return proto;
    }
    return getPrototype(rec.target);
}

/* Whether obj or an object in its prototype chain is a registered proxy. */
function inheritsFromProxy(obj) {
    for (var o = obj; o !== null; o = nativeGetPrototypeOf(o)) {
        if (proxyRecord(o) !== null) {
            return true;
        }
    }
    return false;
}

/* ---- ordinary [[Get]], [[Set]] and [[HasProperty]] across proxies ---- */

function toPropertyKey(key) {
    return typeof key === 'symbol' ? key : String(key);
}

function ordinaryGet(O, key, receiver) {
    for (;;) {
        var rec = proxyRecord(O);
        if (rec !== null) {
            var trap = rec.handler.get;
            if (trap !== void 0 && trap !== null) {
                return trap.call(rec.handler, rec.target, key, receiver);
            }
            O = rec.target;
            continue;
        }
        if (hasOwn.call(O, key)) {
            var d = getOwnPropertyDescriptor(O, key);
            if (d === void 0 || 'value' in d) {
                return O[key];
            }
            return d.get === void 0 ? void 0 : d.get.call(receiver);
        }
        O = nativeGetPrototypeOf(O);
        if (O === null) {
            return void 0;
        }
    }
}

function ordinaryHas(O, key) {
    for (;;) {
        var rec = proxyRecord(O);
        if (rec !== null) {
            var trap = rec.handler.has;
            if (trap !== void 0 && trap !== null) {
                return !!trap.call(rec.handler, rec.target, key);
            }
            O = rec.target;
            continue;
        }
        if (hasOwn.call(O, key)) {
            return true;
        }
        O = nativeGetPrototypeOf(O);
        if (O === null) {
            return false;
        }
    }
}

/* The object that holds the own properties of obj: a registered proxy
 * without its own descriptor traps stands for its target. */
function ownHolder(obj) {
    for (var rec = proxyRecord(obj); rec !== null; rec = proxyRecord(obj)) {
        obj = rec.target;
    }
    return obj;
}

/* OrdinarySet: true when the value was stored (or a setter called). */
function ordinarySet(O, key, value, receiver) {
    var ownDesc;
    for (;;) {
        var rec = proxyRecord(O);
        if (rec !== null) {
            var trap = rec.handler.set;
            if (trap !== void 0 && trap !== null) {
                return !!trap.call(rec.handler, rec.target, key, value, receiver);
            }
            O = rec.target;
            continue;
        }
        if (hasOwn.call(O, key)) {
            ownDesc = getOwnPropertyDescriptor(O, key);
            break;
        }
        O = nativeGetPrototypeOf(O);
        if (O === null) {
            break;
        }
    }
    if (ownDesc !== void 0 && !('value' in ownDesc)) {
        if (ownDesc.set === void 0) {
            return false;
        }
        ownDesc.set.call(receiver, value);
        return true;
    }
    if ((ownDesc !== void 0 && !ownDesc.writable) || !isObject(receiver)) {
        return false;
    }
    var holder = ownHolder(receiver);
    var existing = getOwnPropertyDescriptor(holder, key);
    try {
        if (existing !== void 0) {
            if (!('value' in existing) || !existing.writable) {
                return false;
            }
            defineProperty(holder, key, { value: value });
        } else {
            if (!isExtensible(holder)) {
                return false;
            }
            defineProperty(holder, key, { value: value, writable: true, enumerable: true, configurable: true });
        }
    } catch (e) {
        return false;
    }
    return true;
}

/* ---- own properties of a registered proxy: the hooks of the guarded
 * built-ins (lib/api_fastpath.c) ---- */

var duktapeOwn; /* Duktape's own built-ins, for a proxy not registered */

/* ToPropertyDescriptor (§6.2.6.5), its fields read in the spec's order,
 * as FromPropertyDescriptor (§6.2.6.4) gives them: those present, in the
 * order value, writable, get, set, enumerable, configurable. */
function toDescriptor(obj) {
    if (!isObject(obj)) {
        throw new TypeError('Property description must be an object: ' + String(obj));
    }
    var fields = {};
    var present = {};
    ['enumerable', 'configurable', 'value', 'writable', 'get', 'set'].forEach(function (name) {
        if (name in obj) {
            present[name] = true;
            fields[name] = obj[name];
        }
    });
    ['get', 'set'].forEach(function (name) {
        if (present[name] === true && fields[name] !== void 0 && typeof fields[name] !== 'function') {
            throw new TypeError((name === 'get' ? 'Getter' : 'Setter') + ' must be a function: ' + String(fields[name]));
        }
    });
    if ((present.get === true || present.set === true) && (present.value === true || present.writable === true)) {
        throw new TypeError('Invalid property descriptor. Cannot both specify accessors and a value or writable attribute');
    }
    var desc = {};
    ['value', 'writable', 'get', 'set', 'enumerable', 'configurable'].forEach(function (name) {
        if (present[name] === true) {
            desc[name] = name === 'value' || name === 'get' || name === 'set' ? fields[name] : !!fields[name];
        }
    });
    return desc;
}

/* CompletePropertyDescriptor then FromPropertyDescriptor (§6.2.6.6, 4). */
function completeDescriptor(desc) {
    if ('get' in desc || 'set' in desc) {
        return { get: desc.get, set: desc.set, enumerable: desc.enumerable === true,
            configurable: desc.configurable === true };
    }
    return { value: desc.value, writable: desc.writable === true, enumerable: desc.enumerable === true,
        configurable: desc.configurable === true };
}

function trapOf(rec, name) {
    var trap = rec.handler[name];
    if (trap === void 0 || trap === null) {
        return null;
    }
    if (typeof trap !== 'function') {
        throw new TypeError("'" + name + "' trap of a proxy is not a function");
    }
    return trap;
}

/* O.[[GetOwnProperty]](key) (§10.5.5), key a property key. */
function ownDescriptor(O, key) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.getOwnPropertyDescriptor(O, key);
    }
    var trap = trapOf(rec, 'getOwnPropertyDescriptor');
    if (trap === null) {
        return ownDescriptor(rec.target, key);
    }
    var result = trap.call(rec.handler, rec.target, key);
    if (result === void 0) {
        return void 0;
    }
    if (!isObject(result)) {
        throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '" +
            String(key) + "'");
    }
    return completeDescriptor(toDescriptor(result));
}

/* O.[[DefineOwnProperty]](key, desc) (§10.5.6): whether it was defined. */
function defineOwn(O, key, desc) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.reflectDefineProperty(O, key, desc);
    }
    var trap = trapOf(rec, 'defineProperty');
    if (trap === null) {
        return defineOwn(rec.target, key, desc);
    }
    return !!trap.call(rec.handler, rec.target, key, desc);
}

/* The enumerable own string keys of O, in [[OwnPropertyKeys]] order. */
function enumerableOwnKeys(O) {
    var keys = Reflect.ownKeys(O);
    var result = [];
    for (var i = 0; i < keys.length; i++) {
        if (typeof keys[i] === 'string') {
            var desc = ownDescriptor(O, keys[i]);
            if (desc !== void 0 && desc.enumerable) {
                result.push(keys[i]);
            }
        }
    }
    return result;
}

duktapeOwn = native.proxyOwnHooks({
    getOwnPropertyDescriptor: function (O, P) {
        return ownDescriptor(O, toPropertyKey(P));
    },
    reflectGetOwnPropertyDescriptor: function (O, P) {
        return ownDescriptor(O, toPropertyKey(P));
    },
    defineProperty: function (O, P, attributes) {
        var key = toPropertyKey(P);
        if (!defineOwn(O, key, toDescriptor(attributes))) {
            throw new TypeError("'defineProperty' on proxy: trap returned falsish for property '" + String(key) + "'");
        }
        return O;
    },
    reflectDefineProperty: function (O, P, attributes) {
        return defineOwn(O, toPropertyKey(P), toDescriptor(attributes));
    },
    hasOwnProperty: function (V) {
        return ownDescriptor(this, toPropertyKey(V)) !== void 0;
    },
    propertyIsEnumerable: function (V) {
        var desc = ownDescriptor(this, toPropertyKey(V));
        return desc !== void 0 && desc.enumerable;
    },
    keys: enumerableOwnKeys
});

/* ---- the wrapper of objects that inherit from a proxy ---- */

var forwardingHandler = {
    get: function (target, key, receiver) {
        return ordinaryGet(target, trapKey(key), receiver);
    },
    set: function (target, key, value, receiver) {
        return ordinarySet(target, trapKey(key), value, receiver);
    },
    has: function (target, key) {
        return ordinaryHas(target, key);
    }
};

function wrapIfInheritsFromProxy(obj, proto) {
    if (!isObject(proto) || !inheritsFromProxy(proto)) {
        return obj;
    }
    var wrapper = new NativeProxy(obj, forwardingHandler);
    register(wrapper, obj, forwardingHandler);
    /* Duktape gives a proxy an internal prototype of its own, which is what
     * its lookups follow when the proxy is itself a prototype (for objects
     * made by `new F()` with F.prototype the wrapper): make it the object,
     * so that they see its properties as they did before it was wrapped. */
    nativeSetPrototypeOf(wrapper, obj);
    return wrapper;
}

/* ---- the constructor and the functions that see prototypes ---- */

/* A handler for Duktape's proxy of `inner`, the innermost target, standing
 * for a proxy whose target is the registered proxy `outer` (Duktape
 * refuses a proxy as a target): each operation runs handler's trap with
 * outer as the target, or, without one, the operation on outer. */
function chainedHandler(outer, handler) {
    function trap(name) {
        var fn = handler[name];
        return fn === void 0 || fn === null ? null : fn;
    }
    return {
        get: function (inner, key, receiver) {
            key = trapKey(key);
            var fn = trap('get');
            return fn !== null ? fn.call(handler, outer, key, receiver) : ordinaryGet(outer, key, receiver);
        },
        set: function (inner, key, value, receiver) {
            key = trapKey(key);
            var fn = trap('set');
            return fn !== null ? !!fn.call(handler, outer, key, value, receiver) : ordinarySet(outer, key, value, receiver);
        },
        has: function (inner, key) {
            var fn = trap('has');
            return fn !== null ? !!fn.call(handler, outer, key) : ordinaryHas(outer, key);
        },
        deleteProperty: function (inner, key) {
            key = trapKey(key);
            var fn = trap('deleteProperty');
            return fn !== null ? !!fn.call(handler, outer, key) : delete outer[key];
        },
        ownKeys: function () {
            var fn = trap('ownKeys');
            return fn !== null ? fn.call(handler, outer) : Reflect.ownKeys(outer);
        },
        apply: function (inner, thisArg, args) {
            var fn = trap('apply');
            return fn !== null ? fn.call(handler, outer, thisArg, args) : Reflect.apply(outer, thisArg, args);
        },
        construct: function (inner, args, newTarget) {
            var fn = trap('construct');
            return fn !== null ? fn.call(handler, outer, args, newTarget) : Reflect.construct(outer, args);
        }
    };
}

/* Duktape gives the get, set and deleteProperty traps an array index
 * (p[0], what push and splice write) as a number; the spec gives every
 * trap a string or a symbol, and traps test `typeof key === 'string'`
 * (Vue's reactivity tells an index by it). */
function trapKey(key) {
    return typeof key === 'number' ? String(key) : key;
}

var KEYED_TRAPS = ['get', 'set', 'deleteProperty'];

/* The handler Duktape is given for a handler with any of those traps: it
 * inherits the handler's other traps (also those added later), and calls
 * each of those three (looked up when it runs, as Duktape would) on the
 * handler with the key made a string; a trap removed later does the
 * operation on the target. */
function keyedHandler(handler) {
    var keyed = null;
    for (var i = 0; i < KEYED_TRAPS.length; i++) {
        if (typeof handler[KEYED_TRAPS[i]] === 'function') {
            keyed = keyed === null ? nativeCreate(handler) : keyed;
            keyed[KEYED_TRAPS[i]] = keyedTraps[KEYED_TRAPS[i]](handler);
        }
    }
    return keyed === null ? handler : keyed;
}

var keyedTraps = {
    get: function (handler) {
        return function (target, key, receiver) {
            var fn = handler.get;
            key = trapKey(key);
            return fn === void 0 || fn === null ? ordinaryGet(target, key, receiver) : fn.call(handler, target, key, receiver);
        };
    },
    set: function (handler) {
        return function (target, key, value, receiver) {
            var fn = handler.set;
            key = trapKey(key);
            return fn === void 0 || fn === null ? ordinarySet(target, key, value, receiver)
                : fn.call(handler, target, key, value, receiver);
        };
    },
    deleteProperty: function (handler) {
        return function (target, key) {
            var fn = handler.deleteProperty;
            key = trapKey(key);
            return fn === void 0 || fn === null ? delete target[key] : fn.call(handler, target, key);
        };
    }
};

function Proxy(target, handler) {
    if (this === void 0 || this === null || this === global) {
        throw new TypeError("Constructor Proxy requires 'new'");
    }
    var inner = target;
    var rec = isObject(target) ? proxyRecord(target) : null;
    for (; rec !== null; rec = proxyRecord(inner)) {
        inner = rec.target;
    }
    if (inner !== target && !isObject(handler)) {
        throw new TypeError('Cannot create proxy with a non-object as target or handler');
    }
    var given = inner !== target ? chainedHandler(target, handler)
        : isObject(handler) && proxyRecord(handler) === null ? keyedHandler(handler) : handler;
    var proxy = new NativeProxy(inner, given);
    register(proxy, target, handler);
    return proxy;
}
setNameAndLength(Proxy, 'Proxy', 2);

/* Proxy.revocable (§28.2.2.1): Duktape has none. The proxy is made with a
 * handler of the runtime's own that has every trap: until revoke() each
 * calls the given handler's trap, or without one does the operation on the
 * target, and from then on each throws (the target and handler are let go). */
var revocableDefaults = {
    get: function (t, key, receiver) { return Reflect.get(t, key, receiver); },
    set: function (t, key, value, receiver) { return Reflect.set(t, key, value, receiver); },
    has: function (t, key) { return Reflect.has(t, key); },
    deleteProperty: function (t, key) { return Reflect.deleteProperty(t, key); },
    ownKeys: function (t) { return Reflect.ownKeys(t); },
    apply: function (t, thisArg, args) { return Reflect.apply(t, thisArg, args); },
    construct: function (t, args, newTarget) {
        return newTarget === void 0 ? Reflect.construct(t, args) : Reflect.construct(t, args, newTarget);
    },
    getOwnPropertyDescriptor: function (t, key) { return Reflect.getOwnPropertyDescriptor(t, key); },
    defineProperty: function (t, key, desc) { return Reflect.defineProperty(t, key, desc); },
    getPrototypeOf: function (t) { return Reflect.getPrototypeOf(t); }
};

function revocable(target, handler) {
    if (!isObject(target) || !isObject(handler)) {
        throw new TypeError('Cannot create proxy with a non-object as target or handler');
    }
    var live = { target: target, handler: handler };
    var gate = {};
    Object.keys(revocableDefaults).forEach(function (name) {
        gate[name] = function () {
            if (live === null) {
                throw new TypeError("Cannot perform '" + name + "' on a proxy that has been revoked");
            }
            var trap = live.handler[name];
            if (trap === void 0 || trap === null) {
                return revocableDefaults[name].apply(void 0, arguments);
            }
            if (typeof trap !== 'function') {
                throw new TypeError("'" + name + "' trap of a proxy is not a function");
            }
            return trap.apply(live.handler, arguments);
        };
    });
    var proxy = new Proxy(target, gate);
    return {
        proxy: proxy,
        revoke: function () {
            live = null;
        }
    };
}
setNameAndLength(revocable, 'revocable', 2);
native.nonConstructor(revocable);
defineHidden(Proxy, 'revocable', revocable);
native.defineGlobal('Proxy', Proxy);

function objectCreate(proto, properties) {
    var obj = properties === void 0 ? nativeCreate(proto) : nativeCreate(proto, properties);
    return proxyCount === 0 ? obj : wrapIfInheritsFromProxy(obj, proto);
}

function objectSetPrototypeOf(obj, proto) {
    var result = nativeSetPrototypeOf(obj, proto);
    return isObject(result) ? wrapIfInheritsFromProxy(result, proto) : result;
}

function objectGetPrototypeOf(obj) {
    if (obj === void 0 || obj === null) {
        throw new TypeError('Cannot convert undefined or null to object');
    }
    return proxyCount !== 0 && isObject(obj) ? getPrototype(obj) : nativeGetPrototypeOf(obj);
}

function reflectGetPrototypeOf(target) {
    if (!isObject(target)) {
        throw new TypeError('Reflect.getPrototypeOf called on non-object');
    }
    return getPrototype(target);
}

function reflectGet(target, key, receiver) {
    if (!isObject(target)) {
        throw new TypeError('Reflect.get called on non-object');
    }
    var k = toPropertyKey(key);
    if (arguments.length < 3 || receiver === target) {
        return target[k];
    }
    return ordinaryGet(target, k, receiver);
}

function reflectSet(target, key, value, receiver) {
    if (!isObject(target)) {
        throw new TypeError('Reflect.set called on non-object');
    }
    var k = toPropertyKey(key);
    if (arguments.length < 4) {
        receiver = target;
    }
    if (receiver === target && typeof k === 'string') {
        return nativeReflectSet(target, k, value);
    }
    return ordinarySet(target, k, value, receiver);
}

/* The runtime helper of fcworker-build's lowering of `{ __proto__: p, ... }`
 * (contrib/fcworker-build/lib/proto-literal.js), which renames the key to
 * __fcw_proto__: removes that property and sets obj's prototype to its value
 * as the literal would (a value that is neither an object nor null is
 * ignored); returns obj, or its wrapper. */
function withProto(obj) {
    var proto = obj.__fcw_proto__;
    delete obj.__fcw_proto__;
    if (proto !== null && !isObject(proto)) {
        return obj;
    }
    nativeSetPrototypeOf(obj, proto);
    return wrapIfInheritsFromProxy(obj, proto);
}

setNameAndLength(objectCreate, 'create', 2);
setNameAndLength(objectSetPrototypeOf, 'setPrototypeOf', 2);
setNameAndLength(objectGetPrototypeOf, 'getPrototypeOf', 1);
setNameAndLength(reflectGetPrototypeOf, 'getPrototypeOf', 1);
setNameAndLength(reflectGet, 'get', 2);
setNameAndLength(reflectSet, 'set', 3);
setNameAndLength(reflectConstruct, 'construct', 2);
setNameAndLength(withProto, '__fcw_withProto', 1);
[objectCreate, objectSetPrototypeOf, objectGetPrototypeOf, reflectGetPrototypeOf, reflectGet, reflectSet,
    reflectConstruct].forEach(native.nonConstructor);
defineHidden(Object, 'create', objectCreate);
defineHidden(Object, 'setPrototypeOf', objectSetPrototypeOf);
defineHidden(Object, 'getPrototypeOf', objectGetPrototypeOf);
defineHidden(Reflect, 'getPrototypeOf', reflectGetPrototypeOf);
defineHidden(Reflect, 'get', reflectGet);
defineHidden(Reflect, 'set', reflectSet);
defineHidden(Reflect, 'construct', reflectConstruct);
native.defineGlobal('__fcw_withProto', withProto);
