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
 * the proxy, as without the wrapper); `instance instanceof F` holds for
 * them (the instanceof guard of lib/api_fastpath.c walks a chain with a
 * proxy in it through getPrototype below).
 *
 * A proxy whose target is a proxy (chanfana wraps routers this way), which
 * Duktape refuses, is made on the innermost target with a handler that
 * runs the given traps with the proxy as target, and otherwise performs
 * the operation on that proxy.
 *
 * Duktape has none of the getOwnPropertyDescriptor, defineProperty,
 * getPrototypeOf, setPrototypeOf, isExtensible and preventExtensions
 * traps: for every proxy its getOwnPropertyDescriptor answers undefined,
 * hasOwnProperty false, defineProperty defines on the proxy object itself
 * (where no lookup finds it), Object.keys keeps only the ownKeys trap's
 * keys that the target has as enumerable own properties, the prototype
 * and extensibility built-ins see the proxy object itself, and instanceof
 * and isPrototypeOf the target's chain. lib/api_fastpath.c guards those
 * built-ins (Object.getPrototypeOf, setPrototypeOf, isExtensible,
 * preventExtensions, seal, freeze, isSealed, isFrozen, their Reflect
 * twins, the __proto__ accessor, isPrototypeOf and
 * Function.prototype[Symbol.hasInstance], which Duktape's instanceof
 * calls) and hands a proxy to the hooks below (native.proxyOwnHooks),
 * which run the traps or, without them, the operation on the target, as
 * §10.5 says, and check the invariants between a trap's answer and the
 * target that §10.5 asks for (Duktape checks those of get, set, has and
 * deleteProperty against its own target, the innermost one; the ownKeys
 * and deleteProperty forwarders below check against the proxy's target).
 * Object.keys, Object.entries, Object.values, Object.assign, Object.hasOwn,
 * getOwnPropertyDescriptors and object spread go through them, and so does
 * JSON.stringify (proxyJSON below) and a lowered for-in (the forIn hook,
 * through fcworker-build's _fcwK: Duktape's own runs on the target's keys).
 * Reflect.construct(proxy, args, newTarget) runs the construct hook, which
 * gives the trap that newTarget (Duktape's would give it the proxy).
 * Reflect.get and Reflect.set with a receiver follow OrdinaryGet and OrdinarySet
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
var reflectOwnKeys = Reflect.ownKeys;
var reflectDefineProperty = Reflect.defineProperty;
var ownKeysPlainlyValid = native.ownKeysPlainlyValid;
var reflectConstruct = native.reflectConstruct;
var PROXIES = native.hiddenSymbol('proxies');
/* While no proxy exists, Object.create and getPrototypeOf take the native
 * path at once (the runtime's own files call them per stream and body). */
var proxyCount = 0;

/* ---- the registry: records under PROXIES on the object Duktape's proxy
 * stands on (record.inner, never a proxy: reading a hidden symbol of a
 * proxy reads its target's, without a trap), so that a record lives as
 * long as its target; for targets that cannot take a property
 * (non-extensible ones) in a list, held for the life of the heap (a
 * recycled child frees it). A record is { proxy, target, inner, handler };
 * revoking a proxy sets its handler and target to null. ---- */

var unextensibleTargets = [];

function register(record) {
    var inner = record.inner;
    var list = hasOwn.call(inner, PROXIES) ? inner[PROXIES] : null;
    if (list === null && !isExtensible(inner)) {
        unextensibleTargets.push(record);
    } else {
        if (list === null) {
            list = [];
            defineProperty(inner, PROXIES, { value: list, writable: false, enumerable: false, configurable: false });
        }
        list.push(record);
    }
    if (proxyCount === 0) {
        native.noteProxies();
    }
    proxyCount++;
    if (spec.proxyJSON === void 0) {
        spec.proxyJSON = proxyJSON;
    }
}

/* What JSON.stringify serializes of a value (js/16-bigint.js's replacer):
 * for a registered proxy, a plain copy of what its traps give
 * (SerializeJSONObject reads EnumerableOwnProperties and Get, which
 * Duktape's JSON takes from the target): an array of its length's
 * elements when it is an array, else the keys of the replacer's list when
 * there is one, else its enumerable own string keys. */
function proxyJSON(value, list) {
    if (proxyRecord(value) === null) {
        return value;
    }
    var copy;
    if (Array.isArray(value)) {
        var n = value.length;
        copy = new Array(n);
        for (var i = 0; i < n; i++) {
            copy[i] = value[i];
        }
        return copy;
    }
    copy = {};
    var keys = list !== null && list !== void 0 ? list : enumerableOwnKeys(value);
    for (var k = 0; k < keys.length; k++) {
        copy[keys[k]] = value[keys[k]];
    }
    return copy;
}

/* The handler of a proxy's record, for the operation named; a TypeError
 * once the proxy is revoked. */
function handlerOf(rec, operation) {
    if (rec.handler === null) {
        throw new TypeError("Cannot perform '" + operation + "' on a proxy that has been revoked");
    }
    return rec.handler;
}

/* handler[name] when it is a function, null when it is undefined or null,
 * else a TypeError (§7.3.10 GetMethod). */
function trapFunction(handler, name) {
    var trap = handler[name];
    if (trap === void 0 || trap === null) {
        return null;
    }
    if (typeof trap !== 'function') {
        throw new TypeError("'" + name + "' trap of a proxy is not a function");
    }
    return trap;
}

function findRecord(list, obj) {
    for (var i = 0; i < list.length; i++) {
        if (list[i].proxy === obj) {
            return list[i];
        }
    }
    return null;
}

/* The record of a registered proxy, or null. */
function proxyRecord(obj) {
    var list = obj[PROXIES];
    var record = list === void 0 ? null : findRecord(list, obj);
    return record === null && unextensibleTargets.length > 0 ? findRecord(unextensibleTargets, obj) : record;
}

function getPrototype(obj) {
    var rec = proxyRecord(obj);
    if (rec === null) {
        return duktapeOwn.getPrototypeOf(obj);
    }
    var handler = handlerOf(rec, 'getPrototypeOf');
    var trap = trapFunction(handler, 'getPrototypeOf');
    if (trap !== null) {
        var proto = trap.call(handler, rec.target);
        if (proto !== null && !isObject(proto)) {
            throw new TypeError('getPrototypeOf trap returned neither object nor null');
        }
        if (!isExtensibleOf(rec.target) && proto !== getPrototype(rec.target)) {
            throw new TypeError("'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not " +
                'return its actual prototype');
        }
        return proto;
    }
    return getPrototype(rec.target);
}

/* O.[[SetPrototypeOf]](V) (§10.5.2): whether it was set. */
function setPrototype(O, V) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.reflectSetPrototypeOf(O, V);
    }
    var handler = handlerOf(rec, 'setPrototypeOf');
    var trap = trapFunction(handler, 'setPrototypeOf');
    if (trap === null) {
        return setPrototype(rec.target, V);
    }
    if (!trap.call(handler, rec.target, V)) {
        return false;
    }
    if (!isExtensibleOf(rec.target) && V !== getPrototype(rec.target)) {
        throw new TypeError("'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the " +
            'non-extensible proxy target');
    }
    return true;
}

/* O.[[IsExtensible]]() (§10.5.3) */
function isExtensibleOf(O) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.isExtensible(O);
    }
    var handler = handlerOf(rec, 'isExtensible');
    var trap = trapFunction(handler, 'isExtensible');
    if (trap === null) {
        return isExtensibleOf(rec.target);
    }
    var result = !!trap.call(handler, rec.target);
    if (result !== isExtensibleOf(rec.target)) {
        throw new TypeError("'isExtensible' on proxy: trap result does not reflect extensibility of proxy target " +
            "(which is '" + !result + "')");
    }
    return result;
}

/* O.[[PreventExtensions]]() (§10.5.4): whether it succeeded. */
function preventExtensionsOf(O) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.reflectPreventExtensions(O);
    }
    var handler = handlerOf(rec, 'preventExtensions');
    var trap = trapFunction(handler, 'preventExtensions');
    if (trap === null) {
        return preventExtensionsOf(rec.target);
    }
    var result = !!trap.call(handler, rec.target);
    if (result && isExtensibleOf(rec.target)) {
        throw new TypeError("'preventExtensions' on proxy: trap returned truish but the proxy target is extensible");
    }
    return result;
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
            var handler = handlerOf(rec, 'get');
            var trap = trapFunction(handler, 'get');
            if (trap !== null) {
                return trap.call(handler, rec.target, key, receiver);
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
            var handler = handlerOf(rec, 'has');
            var trap = trapFunction(handler, 'has');
            if (trap !== null) {
                return !!trap.call(handler, rec.target, key);
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

/* OrdinarySet: true when the value was stored (or a setter called). */
function ordinarySet(O, key, value, receiver) {
    var ownDesc;
    for (;;) {
        var rec = proxyRecord(O);
        if (rec !== null) {
            var handler = handlerOf(rec, 'set');
            var trap = trapFunction(handler, 'set');
            if (trap !== null) {
                return !!trap.call(handler, rec.target, key, value, receiver);
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
    /* the receiver's own [[GetOwnProperty]] and [[DefineOwnProperty]]
     * (the guards: a proxy's hooks, which run its traps) */
    var holder = ownHolder(receiver);
    var existing = getOwnPropertyDescriptor(holder, key);
    if (existing !== void 0) {
        if (!('value' in existing) || !existing.writable) {
            return false;
        }
        return reflectDefineProperty(holder, key, { value: value });
    }
    return reflectDefineProperty(holder, key, { value: value, writable: true, enumerable: true, configurable: true });
}

/* The object whose own properties are obj's: a registered proxy without
 * descriptor traps stands for its target (which saves the hooks a trip
 * through each proxy). */
function ownHolder(obj) {
    for (var rec = proxyRecord(obj); rec !== null; rec = proxyRecord(obj)) {
        var handler = handlerOf(rec, 'getOwnPropertyDescriptor');
        if (handler.getOwnPropertyDescriptor !== void 0 || handler.defineProperty !== void 0) {
            break;
        }
        obj = rec.target;
    }
    return obj;
}

/* ---- own properties of a registered proxy: the hooks of the guarded
 * built-ins (lib/api_fastpath.c) ---- */

var duktapeOwn; /* Duktape's own built-ins, for an object that is no registered proxy */

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


/* O.[[GetOwnProperty]](key) (§10.5.5), key a property key. */
function ownDescriptor(O, key) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.getOwnPropertyDescriptor(O, key);
    }
    var handler = handlerOf(rec, 'getOwnPropertyDescriptor');
    var trap = trapFunction(handler, 'getOwnPropertyDescriptor');
    if (trap === null) {
        return ownDescriptor(rec.target, key);
    }
    var result = trap.call(handler, rec.target, key);
    if (result !== void 0 && !isObject(result)) {
        throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property '" +
            String(key) + "'");
    }
    var targetDesc = ownDescriptor(rec.target, key);
    if (result === void 0) {
        if (targetDesc === void 0) {
            return void 0;
        }
        if (!targetDesc.configurable) {
            throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '" +
                String(key) + "' which is non-configurable in the proxy target");
        }
        if (!isExtensibleOf(rec.target)) {
            throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap returned undefined for property '" +
                String(key) + "' which exists in the non-extensible proxy target");
        }
        return void 0;
    }
    var extensible = isExtensibleOf(rec.target);
    var desc = completeDescriptor(toDescriptor(result));
    if (!isCompatibleDescriptor(extensible, desc, targetDesc)) {
        throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property '" +
            String(key) + "' that is incompatible with the existing property in the proxy target");
    }
    if (!desc.configurable) {
        if (targetDesc === void 0 || targetDesc.configurable) {
            throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property '" +
                String(key) + "' which is either non-existent or configurable in the proxy target");
        }
        if ('writable' in desc && !desc.writable && targetDesc.writable) {
            throw new TypeError("'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable " +
                "for property '" + String(key) + "' which is non-configurable, non-writable in the proxy target");
        }
    }
    return desc;
}

function sameValue(a, b) {
    if (a === b) {
        return a !== 0 || 1 / a === 1 / b;
    }
    return a !== a && b !== b;
}

/* IsCompatiblePropertyDescriptor (§10.1.6.2 on no object): whether desc
 * (its present fields) may describe the property current describes, on an
 * object that is extensible or not. */
function isCompatibleDescriptor(extensible, desc, current) {
    if (current === void 0) {
        return extensible;
    }
    if (current.configurable) {
        return true;
    }
    if (desc.configurable === true || ('enumerable' in desc && desc.enumerable !== current.enumerable)) {
        return false;
    }
    var accessor = 'get' in desc || 'set' in desc;
    var data = 'value' in desc || 'writable' in desc;
    var currentAccessor = !('value' in current);
    if ((accessor || data) && accessor !== currentAccessor) {
        return false;
    }
    if (currentAccessor) {
        return !('get' in desc && !sameValue(desc.get, current.get)) && !('set' in desc && !sameValue(desc.set, current.set));
    }
    if (!current.writable) {
        return desc.writable !== true && !('value' in desc && !sameValue(desc.value, current.value));
    }
    return true;
}

var DESCRIPTOR_FIELDS = ['value', 'writable', 'get', 'set', 'enumerable', 'configurable'];

/* O.[[DefineOwnProperty]](key, desc) (§10.5.6): whether it was defined. */
function defineOwn(O, key, desc) {
    var rec = proxyRecord(O);
    if (rec === null) {
        return duktapeOwn.reflectDefineProperty(O, key, desc);
    }
    var handler = handlerOf(rec, 'defineProperty');
    var trap = trapFunction(handler, 'defineProperty');
    if (trap === null) {
        return defineOwn(rec.target, key, desc);
    }
    /* FromPropertyDescriptor: a copy, the fields in the spec's order */
    var descObj = {};
    for (var i = 0; i < DESCRIPTOR_FIELDS.length; i++) {
        if (DESCRIPTOR_FIELDS[i] in desc) {
            descObj[DESCRIPTOR_FIELDS[i]] = desc[DESCRIPTOR_FIELDS[i]];
        }
    }
    if (!trap.call(handler, rec.target, key, descObj)) {
        return false;
    }
    var targetDesc = ownDescriptor(rec.target, key);
    var extensible = isExtensibleOf(rec.target);
    var settingConfigFalse = desc.configurable === false;
    if (targetDesc === void 0) {
        if (!extensible) {
            throw new TypeError("'defineProperty' on proxy: trap returned truish for adding property '" + String(key) +
                "'  to the non-extensible proxy target");
        }
        if (settingConfigFalse) {
            throw new TypeError("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" +
                String(key) + "' which is either non-existent or configurable in the proxy target");
        }
        return true;
    }
    if (!isCompatibleDescriptor(extensible, desc, targetDesc)) {
        throw new TypeError("'defineProperty' on proxy: trap returned truish for adding property '" + String(key) +
            "'  that is incompatible with the existing property in the proxy target");
    }
    if (settingConfigFalse && targetDesc.configurable) {
        throw new TypeError("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" +
            String(key) + "' which is either non-existent or configurable in the proxy target");
    }
    if ('value' in targetDesc && !targetDesc.configurable && targetDesc.writable && desc.writable === false) {
        throw new TypeError("'defineProperty' on proxy: trap returned truish for defining non-configurable property '" +
            String(key) + "' which cannot be non-writable, unless there exists a corresponding non-configurable, " +
            'non-writable own property of the target object.');
    }
    return true;
}

/* The result of an ownKeys trap, checked against the target (§10.5.11,
 * 7-23): a list of distinct strings and symbols, with every
 * non-configurable key of the target, and exactly the target's keys when
 * the target is not extensible. */
function checkedOwnKeys(target, result) {
    if (!isObject(result)) {
        throw new TypeError('CreateListFromArrayLike called on non-object');
    }
    var n = spec.toLength(result.length);
    var keys = new Array(n);
    var strings = nativeCreate(null);
    var symbols = [];
    var i, key;
    for (i = 0; i < n; i++) {
        key = result[i];
        if (typeof key === 'string') {
            if (strings[key] === true) {
                throw new TypeError("'ownKeys' on proxy: trap returned duplicate entries");
            }
            strings[key] = true;
        } else if (typeof key === 'symbol') {
            if (symbols.indexOf(key) >= 0) {
                throw new TypeError("'ownKeys' on proxy: trap returned duplicate entries");
            }
            symbols.push(key);
        } else {
            throw new TypeError(String(key) + ' is not a valid property name');
        }
        keys[i] = key;
    }
    var extensible = isExtensibleOf(target);
    var targetKeys = reflectOwnKeys(target);
    var nonconfigurable = [];
    var configurable = [];
    for (i = 0; i < targetKeys.length; i++) {
        var desc = ownDescriptor(target, targetKeys[i]);
        (desc !== void 0 && !desc.configurable ? nonconfigurable : configurable).push(targetKeys[i]);
    }
    if (extensible && nonconfigurable.length === 0) {
        return keys;
    }
    var unchecked = keys.slice();
    var take = function (k) {
        var at = unchecked.indexOf(k);
        if (at < 0) {
            throw new TypeError("'ownKeys' on proxy: trap result did not include '" + String(k) + "'");
        }
        unchecked.splice(at, 1);
    };
    nonconfigurable.forEach(take);
    if (extensible) {
        return keys;
    }
    configurable.forEach(take);
    if (unchecked.length > 0) {
        throw new TypeError("'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible");
    }
    return keys;
}

/* SetIntegrityLevel (§7.3.15) of a proxy: Object.seal and Object.freeze */
function setIntegrityLevel(O, frozen) {
    if (!preventExtensionsOf(O)) {
        throw new TypeError("'preventExtensions' on proxy: trap returned falsish");
    }
    var keys = reflectOwnKeys(O);
    for (var i = 0; i < keys.length; i++) {
        var desc = { configurable: false };
        if (frozen) {
            var current = ownDescriptor(O, keys[i]);
            if (current === void 0) {
                continue;
            }
            if ('value' in current) {
                desc.writable = false;
            }
        }
        if (!defineOwn(O, keys[i], desc)) {
            throw new TypeError("'defineProperty' on proxy: trap returned falsish for property '" + String(keys[i]) + "'");
        }
    }
    return O;
}

/* TestIntegrityLevel (§7.3.16) of a proxy: Object.isSealed and isFrozen */
function testIntegrityLevel(O, frozen) {
    if (isExtensibleOf(O)) {
        return false;
    }
    var keys = reflectOwnKeys(O);
    for (var i = 0; i < keys.length; i++) {
        var desc = ownDescriptor(O, keys[i]);
        if (desc !== void 0 && (desc.configurable || (frozen && 'value' in desc && desc.writable))) {
            return false;
        }
    }
    return true;
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

/* Object's and Reflect's getOwnPropertyDescriptor of a proxy alike (the
 * guard's object is a proxy, so Object's ToObject has nothing to do) */
function proxyGetOwnPropertyDescriptor(O, P) {
    return ownDescriptor(O, toPropertyKey(P));
}

duktapeOwn = native.proxyOwnHooks({
    getOwnPropertyDescriptor: proxyGetOwnPropertyDescriptor,
    reflectGetOwnPropertyDescriptor: proxyGetOwnPropertyDescriptor,
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
    keys: enumerableOwnKeys,
    getPrototypeOf: getPrototype,
    protoGetter: function () {
        return getPrototype(this);
    },
    setPrototypeOf: function (O, V) {
        if (V !== null && !isObject(V)) {
            throw new TypeError('Object prototype may only be an Object or null: ' + String(V));
        }
        if (!setPrototype(O, V)) {
            throw new TypeError("'setPrototypeOf' on proxy: trap returned falsish");
        }
        return O;
    },
    reflectSetPrototypeOf: function (O, V) {
        if (V !== null && !isObject(V)) {
            throw new TypeError('Object prototype may only be an Object or null: ' + String(V));
        }
        return setPrototype(O, V);
    },
    protoSetter: function (V) {
        if (V !== null && !isObject(V)) {
            return;
        }
        if (!setPrototype(this, V)) {
            throw new TypeError("'setPrototypeOf' on proxy: trap returned falsish");
        }
    },
    isExtensible: isExtensibleOf,
    preventExtensions: function (O) {
        if (!preventExtensionsOf(O)) {
            throw new TypeError("'preventExtensions' on proxy: trap returned falsish");
        }
        return O;
    },
    reflectPreventExtensions: preventExtensionsOf,
    seal: function (O) {
        return setIntegrityLevel(O, false);
    },
    freeze: function (O) {
        return setIntegrityLevel(O, true);
    },
    isSealed: function (O) {
        return testIntegrityLevel(O, false);
    },
    isFrozen: function (O) {
        return testIntegrityLevel(O, true);
    },
    /* Object.prototype.isPrototypeOf and OrdinaryHasInstance (§20.1.3.3,
     * §7.3.21) when V's chain has a proxy (the guard resolved a bound
     * function) */
    isPrototypeOf: function (V) {
        if (!isObject(V)) {
            return false;
        }
        if (this === void 0 || this === null) {
            throw new TypeError('Cannot convert undefined or null to object');
        }
        var O = Object(this);
        for (V = getPrototype(V); V !== null; V = getPrototype(V)) {
            if (V === O) {
                return true;
            }
        }
        return false;
    },
    hasInstance: function (V) {
        if (typeof this !== 'function' || !isObject(V)) {
            return false;
        }
        var P = this.prototype;
        if (!isObject(P)) {
            throw new TypeError("Function has non-object prototype '" + String(P) + "' in instanceof check");
        }
        for (V = getPrototype(V); V !== null; V = getPrototype(V)) {
            if (V === P) {
                return true;
            }
        }
        return false;
    },
    /* a proxy's [[Construct]] (§10.5.13) from Reflect.construct with a
     * newTarget (native.reflectConstruct) */
    construct: function (P, args, newTarget) {
        var rec = proxyRecord(P);
        if (rec === null) {
            throw new TypeError('Reflect.construct: unknown proxy');
        }
        var handler = handlerOf(rec, 'construct');
        var trap = trapFunction(handler, 'construct');
        var list = Array.prototype.slice.call(args);
        if (trap === null) {
            return reflectConstruct(rec.target, list, newTarget);
        }
        var result = trap.call(handler, rec.target, list, newTarget);
        if (!isObject(result)) {
            throw new TypeError('proxy [[Construct]] must return an object');
        }
        return result;
    },
    /* EnumerateObjectProperties (§14.7.5.9) of a proxy, for a lowered
     * for-in (native.forInTarget): an object whose own keys are the
     * enumerable string keys of the proxy and then of its prototypes
     * (getPrototypeOf trap), each once, a key shadowed by an own one of
     * an object before it left out */
    forIn: function (O) {
        var out = nativeCreate(null);
        var seen = nativeCreate(null);
        for (var o = O; o !== null; o = getPrototype(o)) {
            var keys = Reflect.ownKeys(o);
            for (var i = 0; i < keys.length; i++) {
                var key = keys[i];
                if (typeof key !== 'string' || seen[key] === true) {
                    continue;
                }
                seen[key] = true;
                var desc = ownDescriptor(o, key);
                if (desc !== void 0 && desc.enumerable) {
                    out[key] = true;
                }
            }
        }
        return out;
    }
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
    if (!isObject(proto) || !inheritsFromProxy(proto) || proxyRecord(obj) !== null) {
        return obj;
    }
    var wrapper = new NativeProxy(obj, forwardingHandler);
    register({ proxy: wrapper, target: obj, inner: obj, handler: forwardingHandler });
    /* Duktape gives a proxy an internal prototype of its own, which is what
     * its lookups follow when the proxy is itself a prototype (for objects
     * made by `new F()` with F.prototype the wrapper): make it the object,
     * so that they see its properties as they did before it was wrapped. */
    duktapeOwn.setPrototypeOf(wrapper, obj);
    return wrapper;
}

/* ---- the constructor and the functions that see prototypes ---- */

/* Duktape gives the get, set and deleteProperty traps an array index
 * (p[0], what push and splice write) as a number; the spec gives every
 * trap a string or a symbol, and traps test `typeof key === 'string'`
 * (Vue's reactivity tells an index by it). */
function trapKey(key) {
    return typeof key === 'number' ? String(key) : key;
}

/* The traps of the handler Duktape's proxy is made with, for the record
 * rec: each looks the handler's trap up when it runs (a TypeError once the
 * proxy is revoked) and calls it on the handler with rec.target and the key
 * made a string, or without one does the operation on rec.target. So
 * rec.target may be a proxy (which Duktape refuses as a target: its proxy
 * then stands on the innermost target). */
var forwarders = {
    /* get and set, the busy ones, with the checks written out (a call
     * costs Duktape more than the check) */
    get: function (rec) {
        return function (inner, key, receiver) {
            var handler = rec.handler;
            var fn = handler !== null ? handler.get : void 0;
            if (typeof fn === 'function') {
                return fn.call(handler, rec.target, typeof key === 'number' ? String(key) : key, receiver);
            }
            key = trapKey(key);
            return trapFunction(handlerOf(rec, 'get'), 'get') === null ? ordinaryGet(rec.target, key, receiver) : void 0;
        };
    },
    set: function (rec) {
        return function (inner, key, value, receiver) {
            var handler = rec.handler;
            var fn = handler !== null ? handler.set : void 0;
            if (typeof fn === 'function') {
                return fn.call(handler, rec.target, typeof key === 'number' ? String(key) : key, value, receiver);
            }
            key = trapKey(key);
            return trapFunction(handlerOf(rec, 'set'), 'set') === null ? ordinarySet(rec.target, key, value, receiver)
                : false;
        };
    },
    has: function (rec) {
        return function (inner, key) {
            var handler = handlerOf(rec, 'has');
            var fn = trapFunction(handler, 'has');
            return fn !== null ? fn.call(handler, rec.target, key) : ordinaryHas(rec.target, key);
        };
    },
    deleteProperty: function (rec) {
        return function (inner, key) {
            key = trapKey(key);
            var handler = handlerOf(rec, 'deleteProperty');
            var fn = trapFunction(handler, 'deleteProperty');
            if (fn === null) {
                return Reflect.deleteProperty(rec.target, key);
            }
            if (!fn.call(handler, rec.target, key)) {
                return false;
            }
            /* §10.5.10, 11-14 (Duktape checks against its own target, the
             * innermost one) */
            var targetDesc = ownDescriptor(rec.target, key);
            if (targetDesc !== void 0 && (!targetDesc.configurable || !isExtensibleOf(rec.target))) {
                throw new TypeError("'deleteProperty' on proxy: trap returned truish for property '" + String(key) +
                    "' which is non-configurable or exists in the non-extensible proxy target");
            }
            return true;
        };
    },
    ownKeys: function (rec) {
        return function () {
            var handler = handlerOf(rec, 'ownKeys');
            var fn = trapFunction(handler, 'ownKeys');
            if (fn === null) {
                return reflectOwnKeys(rec.target);
            }
            var keys = fn.call(handler, rec.target);
            /* the usual case (an array of distinct keys, an extensible
             * ordinary target) is checked by C at once */
            return ownKeysPlainlyValid(rec.target, keys) ? keys : checkedOwnKeys(rec.target, keys);
        };
    },
    apply: function (rec) {
        return function (inner, thisArg, args) {
            var handler = handlerOf(rec, 'apply');
            var fn = trapFunction(handler, 'apply');
            return fn !== null ? fn.call(handler, rec.target, thisArg, args) : Reflect.apply(rec.target, thisArg, args);
        };
    },
    construct: function (rec) {
        return function (inner, args, newTarget) {
            var handler = handlerOf(rec, 'construct');
            var fn = trapFunction(handler, 'construct');
            return fn !== null ? fn.call(handler, rec.target, args, newTarget)
                : reflectConstruct(rec.target, args, newTarget);
        };
    }
};
var DUKTAPE_TRAPS = Object.keys(forwarders);

/* The handler Duktape is given. A plain handler's traps that Duktape runs
 * and that are there when the proxy is made (a function, or undefined or
 * null, which Duktape would call) are forwarded, and it inherits the rest
 * (those added later too, which Duktape then calls as they are). A proxy
 * whose target is a proxy, a revocable one, and one whose handler is a
 * proxy forward all of them. */
function duktapeHandler(rec, all) {
    var handler = rec.handler;
    var given = all ? {} : null;
    for (var i = 0; i < DUKTAPE_TRAPS.length; i++) {
        var name = DUKTAPE_TRAPS[i];
        /* a get forwarder for a getPrototypeOf trap too: Duktape calls
         * the target's getters (__proto__'s) with the target as this; a
         * set forwarder for descriptor traps, which an ordinary [[Set]]
         * with the proxy as receiver runs */
        if (all || name in handler || (name === 'get' && 'getPrototypeOf' in handler) ||
            (name === 'set' && ('getOwnPropertyDescriptor' in handler || 'defineProperty' in handler))) {
            given = given !== null ? given : nativeCreate(handler);
            given[name] = forwarders[name](rec);
        }
    }
    return given !== null ? given : handler;
}

/* ProxyCreate (§10.5.14): the proxy and its record. */
function createProxy(target, handler, revocable) {
    if (!isObject(target) || !isObject(handler)) {
        throw new TypeError('Cannot create proxy with a non-object as target or handler');
    }
    var targetRec = proxyRecord(target);
    var inner = targetRec !== null ? targetRec.inner : target;
    var rec = { proxy: null, target: target, inner: inner, handler: handler };
    var given = duktapeHandler(rec, inner !== target || revocable || proxyRecord(handler) !== null);
    rec.proxy = new NativeProxy(inner, given);
    register(rec);
    return rec;
}

function Proxy(target, handler) {
    if (this === void 0 || this === null || this === global) {
        throw new TypeError("Constructor Proxy requires 'new'");
    }
    return createProxy(target, handler, false).proxy;
}
setNameAndLength(Proxy, 'Proxy', 2);

/* Proxy.revocable (§28.2.2.1), which Duktape has not: revoke() lets the
 * target and handler go, and every operation on the proxy throws from then
 * on. */
function revocable(target, handler) {
    var rec = createProxy(target, handler, true);
    var revoke = function () {
        if (rec !== null) {
            rec.handler = null;
            rec.target = null;
            rec = null;
        }
    };
    native.nonConstructor(revoke);
    setNameAndLength(revoke, '', 0);
    return { proxy: rec.proxy, revoke: revoke };
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
    if (typeof obj === 'function') {
        native.arraySpeciesFor(obj, proto); /* a subclass of Array: js/17-array-species.js */
    }
    return isObject(result) ? wrapIfInheritsFromProxy(result, proto) : result;
}

/* Reflect.get and Reflect.set are C (native.reflectGetSet, lib/duk_hooks.c):
 * no arguments object to tell a missing receiver, OrdinaryGet walked in
 * place; they call ordinaryGet from a proxy on the chain, ordinarySet for
 * another receiver or a symbol key, and Duktape's Reflect.set for the
 * rest. */
var reflectGetSet = native.reflectGetSet(ordinaryGet, ordinarySet, nativeReflectSet);
var reflectGet = reflectGetSet[0];
var reflectSet = reflectGetSet[1];

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

/* Object.create: C calls Duktape's in place until a proxy is made, then
 * objectCreate (lib/api_fastpath.c) */
var objectCreateFast = native.fastObjectCreate(objectCreate);
setNameAndLength(objectCreateFast, 'create', 2);
setNameAndLength(objectCreate, 'create', 2);
setNameAndLength(objectSetPrototypeOf, 'setPrototypeOf', 2);
setNameAndLength(reflectGet, 'get', 2);
setNameAndLength(reflectSet, 'set', 3);
setNameAndLength(reflectConstruct, 'construct', 2);
setNameAndLength(withProto, '__fcw_withProto', 1);
[objectCreate, objectCreateFast, objectSetPrototypeOf, reflectGet, reflectSet,
    reflectConstruct].forEach(native.nonConstructor);
defineHidden(Object, 'create', objectCreateFast);
defineHidden(Object, 'setPrototypeOf', objectSetPrototypeOf);
defineHidden(Reflect, 'get', reflectGet);
defineHidden(Reflect, 'set', reflectSet);
defineHidden(Reflect, 'construct', reflectConstruct);
native.defineGlobal('__fcw_withProto', withProto);
