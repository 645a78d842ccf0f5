// SPDX-License-Identifier: MIT
/*
 * Map, Set, WeakMap and WeakSet (ECMAScript 2022, §24), which Duktape 2.7
 * lacks, and %IteratorPrototype% (published as native.IteratorPrototype for
 * 12-builtins.js).
 *
 * Map and Set keep entries in insertion-ordered arrays with tombstones, plus
 * a dictionary from a hash string to the entry's position: primitives hash by
 * a type-tagged string (SameValueZero falls out of String(number): NaN is
 * "NaN", -0 is "0"), objects by a unique id stored under a non-enumerable
 * Symbol key on the object. Keys that cannot carry an id (non-extensible
 * objects, unregistered symbols) are found by a linear scan of their own
 * short list. BigInts (objects of 16-bigint.js) hash by their digits, so
 * equal values are one key as SameValueZero says. clear() and compaction replace the store and link the old one
 * to its successor, so live iterators and forEach continue where the spec
 * says they do.
 *
 * WeakMap and WeakSet store a cell {owner, present, value} on the key object
 * under a Symbol private to each collection, so an entry lives exactly as
 * long as its key. Non-extensible keys fall back to a strongly held list.
 */
'use strict';

var instanceOf = native.instanceOf; /* (a instanceof B, cheaper: lib/api_fastpath.c) */

/* hidden symbols (never seen by scripts): lib/api_fastpath.c reads the
 * same slots */
var OBJECT_ID = native.hiddenSymbol('objectId');
var MAP_STORE = native.hiddenSymbol('mapStore');
var SET_STORE = native.hiddenSymbol('setStore');
var WEAKMAP_DATA = native.hiddenSymbol('weakMapData');
var WEAKSET_DATA = native.hiddenSymbol('weakSetData');
var ITERATED = Symbol('iteratedStore');
var NEXT_INDEX = Symbol('iteratorNextIndex');
var MAP_ITERATOR_KIND = Symbol('mapIteratorKind');
var SET_ITERATOR_KIND = Symbol('setIteratorKind');

var EMPTY = {};
var KIND_KEYS = 0;
var KIND_VALUES = 1;
var KIND_ENTRIES = 2;
var COMPACT_MIN_HOLES = 16;

var hasOwn = Object.prototype.hasOwnProperty;
var nextObjectId = 0;

/* Object.defineProperty(target, key, { value, writable: true,
 * enumerable: false, configurable: true }), without the descriptor object
 * (native.defineData's attrs: 1 writable, 2 enumerable, 4 configurable) */
function defineHidden(target, key, value) {
    native.defineData(target, key, value, 5);
}

function defineMethods(target, methods) {
    Object.keys(methods).forEach(function (name) {
        defineHidden(target, name, methods[name]);
    });
}

function setFunctionLength(fn, length) {
    native.defineData(fn, 'length', length, 4);
}

function defineToStringTag(target, tag) {
    native.defineData(target, Symbol.toStringTag, tag, 4);
}

function isObject(x) {
    return x !== null && (typeof x === 'object' || typeof x === 'function');
}

/* %IteratorPrototype%: [Symbol.iterator]() returns this. */
var IteratorPrototype = {};
defineHidden(IteratorPrototype, Symbol.iterator, function () {
    return this;
});
Object.defineProperty(IteratorPrototype[Symbol.iterator], 'name', { value: '[Symbol.iterator]', configurable: true });
native.IteratorPrototype = IteratorPrototype;

/* Hash of a primitive key, or undefined when it has none (symbols that are
 * not in the global registry). */
function primitiveHash(key, type) {
    if (type === 'string') {
        return 's' + key;
    }
    if (type === 'number') {
        return 'n' + key;
    }
    if (type === 'boolean') {
        return key ? 'true' : 'false';
    }
    if (type === 'undefined') {
        return 'undefined';
    }
    if (key === null) {
        return 'null';
    }
    var registered = Symbol.keyFor(key);
    return registered === void 0 ? void 0 : 'r' + registered;
}

var objectPointerKey = native.objectPointerKey;

/* The index key of an object that cannot carry an id of its own (not
 * extensible): its address; undefined for anything else, and for a proxy,
 * whose isExtensible trap could change its answer (kept unhashed). */
function pointerKeyOf(key) {
    return isObject(key) && !native.isProxy(key) && !Object.isExtensible(key) ? objectPointerKey(key) : void 0;
}

/* The object's own id, creating it; for an object that cannot take one,
 * pointerKeyOf's key or undefined. */
function ownObjectId(key) {
    var id = key[OBJECT_ID];
    if (id !== void 0 && hasOwn.call(key, OBJECT_ID)) {
        return id;
    }
    if (!Object.isExtensible(key)) {
        return pointerKeyOf(key);
    }
    id = 'o' + (++nextObjectId);
    try {
        Object.defineProperty(key, OBJECT_ID, { value: id });
    } catch (e) {
        return void 0;
    }
    return id;
}

function Store(owner) {
    this.owner = owner;
    this.keys = [];
    this.values = [];
    this.index = Object.create(null);
    this.unhashed = [];
    this.size = 0;
    /* every slot before head is empty: iteration starts there (an LRU
     * cache deletes its first entry at every insertion; its iterators
     * skipped every hole in front of it) */
    this.head = 0;
    this.successor = void 0;
    this.cleared = false;
}

function findUnhashed(store, key) {
    var unhashed = store.unhashed;
    for (var i = 0; i < unhashed.length; i++) {
        if (store.keys[unhashed[i]] === key) {
            return unhashed[i];
        }
    }
    return -1;
}

/* 'b' and the digits of a BigInt key, else undefined (16-bigint.js sets
 * native.bigintKey). */
function bigintHash(key) {
    return native.bigintKey === void 0 ? void 0 : native.bigintKey(key);
}

/* Position of the entry for key, or -1. */
function findEntry(store, key) {
    var type = typeof key;
    var pos;
    if (type === 'string') {
        /* the usual key, hashed in place (primitiveHash's 's' + key) */
        pos = store.index['s' + key];
        return pos === void 0 ? -1 : pos;
    }
    if (type === 'object' && key !== null || type === 'function') {
        var id = key[OBJECT_ID];
        if (id !== void 0) {
            pos = store.index[id];
            if (pos !== void 0 && store.keys[pos] === key) {
                return pos;
            }
        } else if ((id = bigintHash(key)) !== void 0) {
            pos = store.index[id];
            return pos === void 0 ? -1 : pos;
        }
        if ((id = pointerKeyOf(key)) !== void 0) {
            pos = store.index[id];
            return pos === void 0 ? -1 : pos;
        }
    } else {
        var hash = primitiveHash(key, type);
        if (hash !== void 0) {
            pos = store.index[hash];
            return pos === void 0 ? -1 : pos;
        }
    }
    return store.unhashed.length === 0 ? -1 : findUnhashed(store, key);
}

function addEntry(store, key, value) {
    var pos = store.keys.length;
    var type = typeof key;
    var hash = type === 'object' && key !== null || type === 'function' ?
        bigintHash(key) || ownObjectId(key) : primitiveHash(key, type);
    if (hash === void 0) {
        store.unhashed.push(pos);
    } else {
        store.index[hash] = pos;
    }
    store.keys.push(key);
    store.values.push(value);
    store.size += 1;
}

function storedHash(key) {
    var type = typeof key;
    return type === 'object' && key !== null || type === 'function' ? key[OBJECT_ID] || bigintHash(key) :
        primitiveHash(key, type);
}

function removeEntry(holder, brand, store, pos) {
    var key = store.keys[pos], hash = storedHash(key);
    if (hash !== void 0 && store.index[hash] === pos) {
        delete store.index[hash];
    } else if ((hash = pointerKeyOf(key)) !== void 0 && store.index[hash] === pos) {
        delete store.index[hash];
    } else {
        store.unhashed.splice(store.unhashed.indexOf(pos), 1);
    }
    var keys = store.keys;
    keys[pos] = EMPTY;
    store.values[pos] = void 0;
    store.size -= 1;
    if (pos === store.head) {
        var head = pos + 1;
        while (head < keys.length && keys[head] === EMPTY) {
            head += 1;
        }
        store.head = head;
    }
    var holes = store.keys.length - store.size;
    if (holes >= COMPACT_MIN_HOLES && holes > store.size) {
        replaceStore(holder, brand, store, false);
    }
}

/* Gives holder a new store: empty (clear) or with the live entries of the
 * old one (compaction). The old store keeps its arrays for live iterators. */
function replaceStore(holder, brand, store, clearing) {
    var fresh = new Store(holder);
    if (!clearing) {
        for (var i = 0; i < store.keys.length; i++) {
            if (store.keys[i] !== EMPTY) {
                addEntry(fresh, store.keys[i], store.values[i]);
            }
        }
    }
    store.successor = fresh;
    store.cleared = clearing;
    if (clearing) {
        store.keys = [];
        store.values = [];
    }
    holder[brand] = fresh;
}

function livePositionsBefore(store, pos) {
    var count = 0;
    for (var i = 0; i < pos && i < store.keys.length; i++) {
        if (store.keys[i] !== EMPTY) {
            count += 1;
        }
    }
    return count;
}

/* Moves a cursor (an object with ITERATED and NEXT_INDEX) to the next live
 * entry, following replaced stores; returns its position or -1. */
function advanceCursor(cursor) {
    var store = cursor[ITERATED];
    var pos = cursor[NEXT_INDEX];
    while (store.successor !== void 0) {
        pos = store.cleared ? 0 : livePositionsBefore(store, pos);
        store = store.successor;
    }
    var keys = store.keys;
    if (pos < store.head) {
        pos = store.head;
    }
    while (pos < keys.length && keys[pos] === EMPTY) {
        pos += 1;
    }
    cursor[ITERATED] = store;
    cursor[NEXT_INDEX] = pos + 1;
    return pos < keys.length ? pos : -1;
}

function Cursor(store) {
    this[ITERATED] = store;
    this[NEXT_INDEX] = 0;
}

function storeOf(holder, brand, what) {
    var store = holder != null ? holder[brand] : void 0;
    if (store === void 0 || store.owner !== holder) {
        throw new TypeError(what + ' called on incompatible receiver');
    }
    return store;
}

/* A constructor called without `new` throws, except on the object a lowered
 * subclass constructor is building: Babel (Duktape's Reflect.construct cannot
 * take a newTarget) and TypeScript call the parent as `Map.apply(this, args)`
 * with `this` already an instance of the subclass, not yet initialised. */
function requireNew(newTarget, self, Ctor, key) {
    if (newTarget === void 0 &&
        !(self !== null && typeof self === 'object' && self instanceof Ctor && self[key] === void 0)) {
        throw new TypeError("Constructor " + Ctor.name + " requires 'new'");
    }
}

/* Fills a new collection from an iterable by calling its adder, as the Map,
 * Set, WeakMap and WeakSet constructors do. */
function addAll(collection, iterable, adderName, pairs) {
    if (iterable === void 0 || iterable === null) {
        return;
    }
    var adder = collection[adderName];
    if (typeof adder !== 'function') {
        throw new TypeError("'" + adderName + "' returned for property '" + adderName + "' of object is not a function");
    }
    native.iterate(iterable, pairs ? addPairStep : addValueStep, { collection: collection, adder: adder });
}

function addPairStep(state, entry) {
    if (!isObject(entry)) {
        throw new TypeError('Iterator value ' + String(entry) + ' is not an entry object');
    }
    state.adder.call(state.collection, entry[0], entry[1]);
}

function addValueStep(state, value) {
    state.adder.call(state.collection, value);
}

function iterResult(value, done) {
    return { value: value, done: done };
}

function entryValue(store, pos, kind) {
    if (kind === KIND_KEYS) {
        return store.keys[pos];
    }
    if (kind === KIND_VALUES) {
        return store.values[pos];
    }
    return [store.keys[pos], store.values[pos]];
}

/* ---- Map ---- */

function Map(iterable) {
    requireNew(new.target, this, Map, MAP_STORE);
    this[MAP_STORE] = new Store(this);
    addAll(this, iterable, 'set', true);
    return this;
}

/* get, set and has test the receiver in place (storeOf throws) */
function mapGet(key) {
    var store = this != null ? this[MAP_STORE] : void 0;
    if (store === void 0 || store.owner !== this) {
        storeOf(this, MAP_STORE, 'Map.prototype.get');
    }
    var pos = findEntry(store, key);
    return pos < 0 ? void 0 : store.values[pos];
}

function mapSet(key, value) {
    var store = this != null ? this[MAP_STORE] : void 0;
    if (store === void 0 || store.owner !== this) {
        storeOf(this, MAP_STORE, 'Map.prototype.set');
    }
    var pos = findEntry(store, key);
    if (pos >= 0) {
        store.values[pos] = value;
    } else {
        addEntry(store, key === 0 ? 0 : key, value);
    }
    return this;
}

function mapHas(key) {
    var store = this != null ? this[MAP_STORE] : void 0;
    if (store === void 0 || store.owner !== this) {
        storeOf(this, MAP_STORE, 'Map.prototype.has');
    }
    return findEntry(store, key) >= 0;
}

function mapDelete(key) {
    var store = storeOf(this, MAP_STORE, 'Map.prototype.delete');
    var pos = findEntry(store, key);
    if (pos < 0) {
        return false;
    }
    removeEntry(this, MAP_STORE, store, pos);
    return true;
}

function mapClear() {
    replaceStore(this, MAP_STORE, storeOf(this, MAP_STORE, 'Map.prototype.clear'), true);
}

function mapForEach(callbackfn, thisArg) {
    var store = storeOf(this, MAP_STORE, 'Map.prototype.forEach');
    if (typeof callbackfn !== 'function') {
        throw new TypeError(String(callbackfn) + ' is not a function');
    }
    var cursor = new Cursor(store);
    for (var pos = advanceCursor(cursor); pos >= 0; pos = advanceCursor(cursor)) {
        store = cursor[ITERATED];
        callbackfn.call(thisArg, store.values[pos], store.keys[pos], this);
    }
}

function mapSize() {
    return storeOf(this, MAP_STORE, 'get Map.prototype.size').size;
}

function MapIterator(store, kind) {
    this[ITERATED] = store;
    this[NEXT_INDEX] = 0;
    this[MAP_ITERATOR_KIND] = kind;
}

MapIterator.prototype = Object.create(IteratorPrototype);
/* new MapIterator(store, kind), made at its size in one call (the
 * constructor stays for instanceof) */
var makeMapIterator = native.recordMaker(MapIterator.prototype, [ITERATED, NEXT_INDEX, MAP_ITERATOR_KIND]);

function mapIteratorNext() {
    var kind = this != null ? this[MAP_ITERATOR_KIND] : void 0;
    if (kind === void 0) {
        throw new TypeError('next method called on incompatible receiver');
    }
    if (this[ITERATED] === void 0) {
        return iterResult(void 0, true);
    }
    var pos = advanceCursor(this);
    if (pos < 0) {
        this[ITERATED] = void 0;
        return iterResult(void 0, true);
    }
    return iterResult(entryValue(this[ITERATED], pos, kind), false);
}

function mapKeys() {
    return makeMapIterator(storeOf(this, MAP_STORE, 'Map.prototype.keys'), 0, KIND_KEYS);
}

function mapValues() {
    return makeMapIterator(storeOf(this, MAP_STORE, 'Map.prototype.values'), 0, KIND_VALUES);
}

function mapEntries() {
    return makeMapIterator(storeOf(this, MAP_STORE, 'Map.prototype.entries'), 0, KIND_ENTRIES);
}

/* What a Map or Set iterator has left, as an array of what its next()
 * would return as values one by one (the iterator is then done), or
 * undefined when it is not one whose next is the built-in one: Array.from
 * takes that instead of a next() call and a result object per entry. */
function collectionIteratorRest(iterator) {
    var kind, isSet = false;
    if ((0, instanceOf)(iterator, MapIterator) && iterator.next === mapIteratorNext) {
        kind = iterator[MAP_ITERATOR_KIND];
    } else if ((0, instanceOf)(iterator, SetIterator) && iterator.next === setIteratorNext) {
        kind = iterator[SET_ITERATOR_KIND];
        isSet = true;
    }
    if (kind === void 0) {
        return void 0;
    }
    var out = [];
    if (iterator[ITERATED] === void 0) {
        return out;
    }
    var pos = advanceCursor(iterator);
    var store = iterator[ITERATED], keys = store.keys, values = store.values, n = 0;
    for (; pos >= 0 && pos < keys.length; pos++) {
        var key = keys[pos];
        if (key === EMPTY) {
            continue;
        }
        out[n++] = isSet ? (kind === KIND_ENTRIES ? [key, key] : key) :
            kind === KIND_KEYS ? key : kind === KIND_VALUES ? values[pos] : [key, values[pos]];
    }
    iterator[NEXT_INDEX] = keys.length;
    iterator[ITERATED] = void 0;
    return out;
}

/* The same for Array.from(items) with items' @@iterator method: a Map or
 * Set iterator (its @@iterator returns it), or a Map or Set whose @@iterator
 * and iterator next are the built-in ones. */
var iteratorSelf = IteratorPrototype[Symbol.iterator];
/* collectionIteratorRest with the store's arrays read in C
 * (lib/api_fastpath.c), but for a store replaced since the iterator was
 * made */
var collectionIteratorRestFast = native.fastCollectionRest(collectionIteratorRest, [MapIterator, mapIteratorNext,
    MAP_ITERATOR_KIND, SetIterator, setIteratorNext, SET_ITERATOR_KIND, ITERATED, NEXT_INDEX, EMPTY]);
native.collectionIteratorRest = collectionIteratorRestFast; /* Array.from's C fast path calls it too */
native.collectionRest = function (items, method) {
    if (method === iteratorSelf) {
        return collectionIteratorRestFast(items);
    }
    if (method === mapEntries || method === mapKeys || method === mapValues || method === setValues ||
            method === setEntries) {
        var store = items !== null && typeof items === 'object' ? items[MAP_STORE] || items[SET_STORE] : void 0;
        if (store !== void 0 && store.owner === items) {
            return collectionIteratorRestFast(method.call(items));
        }
    }
    return void 0;
};

/* ---- Set ---- */

function Set(iterable) {
    requireNew(new.target, this, Set, SET_STORE);
    this[SET_STORE] = new Store(this);
    addAll(this, iterable, 'add', false);
    return this;
}

function setAdd(value) {
    var store = storeOf(this, SET_STORE, 'Set.prototype.add');
    if (findEntry(store, value) < 0) {
        addEntry(store, value === 0 ? 0 : value, void 0);
    }
    return this;
}

function setHas(value) {
    var store = this != null ? this[SET_STORE] : void 0;
    if (store === void 0 || store.owner !== this) {
        storeOf(this, SET_STORE, 'Set.prototype.has');
    }
    return findEntry(store, value) >= 0;
}

function setDelete(value) {
    var store = storeOf(this, SET_STORE, 'Set.prototype.delete');
    var pos = findEntry(store, value);
    if (pos < 0) {
        return false;
    }
    removeEntry(this, SET_STORE, store, pos);
    return true;
}

function setClear() {
    replaceStore(this, SET_STORE, storeOf(this, SET_STORE, 'Set.prototype.clear'), true);
}

function setForEach(callbackfn, thisArg) {
    var store = storeOf(this, SET_STORE, 'Set.prototype.forEach');
    if (typeof callbackfn !== 'function') {
        throw new TypeError(String(callbackfn) + ' is not a function');
    }
    var cursor = new Cursor(store);
    for (var pos = advanceCursor(cursor); pos >= 0; pos = advanceCursor(cursor)) {
        var value = cursor[ITERATED].keys[pos];
        callbackfn.call(thisArg, value, value, this);
    }
}

function setSize() {
    return storeOf(this, SET_STORE, 'get Set.prototype.size').size;
}

function SetIterator(store, kind) {
    this[ITERATED] = store;
    this[NEXT_INDEX] = 0;
    this[SET_ITERATOR_KIND] = kind;
}

SetIterator.prototype = Object.create(IteratorPrototype);
var makeSetIterator = native.recordMaker(SetIterator.prototype, [ITERATED, NEXT_INDEX, SET_ITERATOR_KIND]);

function setIteratorNext() {
    var kind = this != null ? this[SET_ITERATOR_KIND] : void 0;
    if (kind === void 0) {
        throw new TypeError('next method called on incompatible receiver');
    }
    if (this[ITERATED] === void 0) {
        return iterResult(void 0, true);
    }
    var pos = advanceCursor(this);
    if (pos < 0) {
        this[ITERATED] = void 0;
        return iterResult(void 0, true);
    }
    var value = this[ITERATED].keys[pos];
    return iterResult(kind === KIND_ENTRIES ? [value, value] : value, false);
}

function setValues() {
    return makeSetIterator(storeOf(this, SET_STORE, 'Set.prototype.values'), 0, KIND_VALUES);
}

function setEntries() {
    return makeSetIterator(storeOf(this, SET_STORE, 'Set.prototype.entries'), 0, KIND_ENTRIES);
}

/* ---- WeakMap and WeakSet ---- */

/* A key's cell is an own property of the key, under a hidden symbol of
 * the collection (one per collection: Reflect.ownKeys and
 * getOwnPropertySymbols do not list it, so a WeakMap key looks as it did;
 * iron-webcrypto refused to seal an object kept in a WeakSet). A proxy
 * applies a hidden key to its target, so a proxy and its target would share
 * a slot: a proxy's cell is under an ordinary symbol instead, which goes
 * through its traps. */
var weakCount = 0;
var isProxy = native.isProxy;

function WeakData(owner, name) {
    this.owner = owner;
    this.symbol = native.hiddenSymbol(name + ' ' + (++weakCount));
    this.proxySymbol = Symbol(name);
    /* keys that cannot carry a cell, held strongly: by their address
     * (objectPointerKey), and the proxies among them in a list */
    this.strongIndex = Object.create(null);
    this.strongKeys = [];
    this.strongValues = [];
}
/* after a full collection, the cells keys still hold for records no longer
 * alive are deleted (lib/duk_hooks.c, fcw_duk_weak_sweep) */
native.weakRegister(WeakData.prototype);

function WeakCell(owner, value) {
    this.owner = owner;
    this.present = true;
    this.value = value;
}

/* A symbol that Symbol.for did not make can be a key too (ES2023
 * CanBeHeldWeakly): it carries no cell, so it is kept in the strong list
 * (nothing can tell: there are no WeakRefs). */
function isWeakSymbol(key) {
    return typeof key === 'symbol' && Symbol.keyFor(key) === void 0;
}

function requireWeakKey(key, what) {
    if (!isObject(key) && !isWeakSymbol(key)) {
        throw new TypeError('Invalid value used ' + what);
    }
}

/* The key's live cell for this collection, or undefined. */
function cellOf(data, key) {
    var cell = key[isProxy(key) ? data.proxySymbol : data.symbol];
    return cell !== void 0 && cell.owner === key ? cell : void 0;
}

function weakGetEntry(data, key) {
    if (!isObject(key)) {
        var at = isWeakSymbol(key) ? data.strongKeys.indexOf(key) : -1;
        return at < 0 ? void 0 : { value: data.strongValues[at] };
    }
    var cell = cellOf(data, key);
    if (cell !== void 0) {
        return cell.present ? cell : void 0;
    }
    var pointer = pointerKeyOf(key);
    if (pointer !== void 0) {
        return data.strongIndex[pointer];
    }
    var i = data.strongKeys.indexOf(key);
    return i < 0 ? void 0 : { value: data.strongValues[i] };
}

function weakSetEntry(data, key, value) {
    if (!isObject(key)) {
        var at = data.strongKeys.indexOf(key); // a symbol
        if (at >= 0) {
            data.strongValues[at] = value;
        } else {
            data.strongKeys.push(key);
            data.strongValues.push(value);
        }
        return;
    }
    var cell = cellOf(data, key);
    if (cell !== void 0) {
        cell.present = true;
        cell.value = value;
        return;
    }
    var pointer = pointerKeyOf(key);
    if (pointer !== void 0) {
        var entry = data.strongIndex[pointer];
        if (entry !== void 0) {
            entry.value = value;
        } else {
            data.strongIndex[pointer] = { key: key, value: value };
        }
        return;
    }
    var i = data.strongKeys.indexOf(key);
    if (i >= 0) {
        data.strongValues[i] = value;
        return;
    }
    if (Object.isExtensible(key)) {
        try {
            Object.defineProperty(key, isProxy(key) ? data.proxySymbol : data.symbol,
                { value: new WeakCell(key, value), configurable: true });
            return;
        } catch (e) {
            /* not extensible after all: keep the key in the strong list */
        }
    }
    data.strongKeys.push(key);
    data.strongValues.push(value);
}

/* Drops the cell property unless the key has been frozen since; then the
 * emptied cell stays. */
function removeCell(key, symbol) {
    try {
        delete key[symbol];
    } catch (e) {
        return;
    }
}

function weakDeleteEntry(data, key) {
    if (!isObject(key) && !isWeakSymbol(key)) {
        return false;
    }
    if (isObject(key)) { /* (a symbol is in the strong list) */
        var cell = cellOf(data, key);
        if (cell !== void 0) {
            var wasPresent = cell.present;
            cell.present = false;
            cell.value = void 0;
            removeCell(key, isProxy(key) ? data.proxySymbol : data.symbol);
            return wasPresent;
        }
        var pointer = pointerKeyOf(key);
        if (pointer !== void 0) {
            if (data.strongIndex[pointer] === void 0) {
                return false;
            }
            delete data.strongIndex[pointer];
            return true;
        }
    }
    var i = data.strongKeys.indexOf(key);
    if (i < 0) {
        return false;
    }
    data.strongKeys.splice(i, 1);
    data.strongValues.splice(i, 1);
    return true;
}

function WeakMap(iterable) {
    requireNew(new.target, this, WeakMap, WEAKMAP_DATA);
    this[WEAKMAP_DATA] = new WeakData(this, 'WeakMap');
    addAll(this, iterable, 'set', true);
    return this;
}

function weakMapGet(key) {
    var entry = weakGetEntry(storeOf(this, WEAKMAP_DATA, 'WeakMap.prototype.get'), key);
    return entry === void 0 ? void 0 : entry.value;
}

function weakMapSet(key, value) {
    var data = storeOf(this, WEAKMAP_DATA, 'WeakMap.prototype.set');
    requireWeakKey(key, 'as weak map key');
    weakSetEntry(data, key, value);
    return this;
}

function weakMapHas(key) {
    return weakGetEntry(storeOf(this, WEAKMAP_DATA, 'WeakMap.prototype.has'), key) !== void 0;
}

function weakMapDelete(key) {
    return weakDeleteEntry(storeOf(this, WEAKMAP_DATA, 'WeakMap.prototype.delete'), key);
}

function WeakSet(iterable) {
    requireNew(new.target, this, WeakSet, WEAKSET_DATA);
    this[WEAKSET_DATA] = new WeakData(this, 'WeakSet');
    addAll(this, iterable, 'add', false);
    return this;
}

function weakSetAdd(value) {
    var data = storeOf(this, WEAKSET_DATA, 'WeakSet.prototype.add');
    requireWeakKey(value, 'in weak set');
    weakSetEntry(data, value, true);
    return this;
}

function weakSetHas(value) {
    return weakGetEntry(storeOf(this, WEAKSET_DATA, 'WeakSet.prototype.has'), value) !== void 0;
}

function weakSetDelete(value) {
    return weakDeleteEntry(storeOf(this, WEAKSET_DATA, 'WeakSet.prototype.delete'), value);
}

/* ---- publishing ---- */

function defineGetter(target, name, getter) {
    Object.defineProperty(getter, 'name', { value: 'get ' + name });
    Object.defineProperty(target, name, { get: getter, enumerable: false, configurable: true });
}

function publishCollection(Ctor, name, methods) {
    setFunctionLength(Ctor, 0);
    methods.constructor = Ctor;
    defineMethods(Ctor.prototype, methods);
    defineToStringTag(Ctor.prototype, name);
    Object.defineProperty(Ctor, 'prototype', { writable: false });
    native.defineGlobal(name, Ctor);
}

/* { value: name } on a declared function's own name (not writable, not
 * enumerable, configurable) */
function fixName(fn, name) {
    native.defineData(fn, 'name', name, 4);
}

[[mapGet, 'get'], [mapSet, 'set'], [mapHas, 'has'], [mapDelete, 'delete'], [mapClear, 'clear'],
    [mapForEach, 'forEach'], [mapKeys, 'keys'], [mapValues, 'values'], [mapEntries, 'entries'],
    [setAdd, 'add'], [setHas, 'has'], [setDelete, 'delete'], [setClear, 'clear'],
    [setForEach, 'forEach'], [setValues, 'values'], [setEntries, 'entries'],
    [weakMapGet, 'get'], [weakMapSet, 'set'], [weakMapHas, 'has'], [weakMapDelete, 'delete'],
    [weakSetAdd, 'add'], [weakSetHas, 'has'], [weakSetDelete, 'delete'],
    [mapIteratorNext, 'next'], [setIteratorNext, 'next']].forEach(function (pair) {
    fixName(pair[0], pair[1]);
});

setFunctionLength(mapForEach, 1);
setFunctionLength(setForEach, 1);

/* get and has are what apps call in their loops: C fast paths for string,
 * number and (already stored) object keys, the JavaScript for the rest
 * (lib/api_fastpath.c) */
function fastLookup(kind, slow, name) {
    var fast = native.fastLookup(kind, slow);
    fixName(fast, name);
    setFunctionLength(fast, 1);
    return fast;
}
var mapGetFast = fastLookup(0, mapGet, 'get');
var mapHasFast = fastLookup(1, mapHas, 'has');
var setHasFast = fastLookup(2, setHas, 'has');
var weakMapGetFast = fastLookup(3, weakMapGet, 'get');
var weakMapHasFast = fastLookup(4, weakMapHas, 'has');
var weakSetHasFast = fastLookup(5, weakSetHas, 'has');

publishCollection(Map, 'Map', {
    get: mapGetFast, set: mapSet, has: mapHasFast, 'delete': mapDelete, clear: mapClear,
    forEach: mapForEach, keys: mapKeys, values: mapValues, entries: mapEntries
});
defineHidden(Map.prototype, Symbol.iterator, mapEntries);
defineGetter(Map.prototype, 'size', mapSize);

publishCollection(Set, 'Set', {
    add: setAdd, has: setHasFast, 'delete': setDelete, clear: setClear,
    forEach: setForEach, values: setValues, keys: setValues, entries: setEntries
});
defineHidden(Set.prototype, Symbol.iterator, setValues);
defineGetter(Set.prototype, 'size', setSize);

publishCollection(WeakMap, 'WeakMap', {
    get: weakMapGetFast, set: weakMapSet, has: weakMapHasFast, 'delete': weakMapDelete
});

publishCollection(WeakSet, 'WeakSet', {
    add: weakSetAdd, has: weakSetHasFast, 'delete': weakSetDelete
});

defineHidden(MapIterator.prototype, 'next', mapIteratorNext);
defineToStringTag(MapIterator.prototype, 'Map Iterator');
defineHidden(SetIterator.prototype, 'next', setIteratorNext);
defineToStringTag(SetIterator.prototype, 'Set Iterator');
