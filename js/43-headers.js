// SPDX-License-Identifier: MIT
/*
 * The Fetch standard's Headers class (without guards). A header list is kept
 * as one flat array of lowercased names and normalised values in insertion
 * order; the sorted-and-combined view that iteration and serialisation need is
 * built lazily and dropped on every change, so a request's headers are sorted
 * at most once. For the C side and other runtime files:
 *   native.headersList(headers)   -> [name, value, name, value, ...] sorted by
 *                                    name, values combined with ", " except
 *                                    set-cookie (one entry per value); the
 *                                    array is shared: do not modify it;
 *   native.headersFromList(flat)  -> a Headers that takes over flat, already
 *                                    valid pairs with LOWERCASE names, without
 *                                    re-validation or copying;
 *   native.headersInitList(init)  -> the flat list of new Headers(init);
 *   native.headersSortList(flat)  -> its sorted-and-combined view;
 *   native.headersAppendDefault(headers, lowercaseName, value) and
 *   native.listAppendDefault(flat, lowercaseName, value): add unless the
 *                                    name is there;
 *   native.headersCopy(headers).
 */
var LIST = Symbol('Headers.list');
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var PLAIN_VALUE = /^[!-~](?:[ -~\t]*[!-~])?$/;
var INVALID_VALUE = /[\0\r\n]|[^\x00-\xff]/;
var HTTP_WHITESPACE_EDGES = /^[\t\n\r ]+|[\t\n\r ]+$/g;
var CACHE_LIMIT = 512;
var CACHEABLE_VALUE_LENGTH = 64;

/* Duktape's regular expressions cost microseconds per test, and the same
 * names and many of the same values come back on every request, so checked
 * names (-> lowercased) and values (-> normalised) are remembered in small
 * caches that are emptied when they grow past CACHE_LIMIT entries. */
function Cache() {
    this.map = Object.create(null);
    this.size = 0;
}

Cache.prototype.put = function (key, value) {
    if (this.size >= CACHE_LIMIT) {
        this.map = Object.create(null);
        this.size = 0;
    }
    this.map[key] = value;
    this.size++;
    return value;
};

var nameCache = new Cache();
var valueCache = new Cache();

/* The header list: items flat as [lowercased name, value, ...], and its
 * sorted-and-combined view once built. (A literal: Duktape sizes it once.) */
function headerList(items) {
    return { items: items, sorted: null };
}

function normalizeName(name, method) {
    var s = typeof name === 'string' ? name : String(name);
    var known = nameCache.map[s];
    if (known !== void 0) {
        return known;
    }
    if (!TOKEN.test(s)) {
        throw new TypeError("Failed to execute '" + method + "' on 'Headers': Invalid name");
    }
    return nameCache.put(s, s.toLowerCase());
}

/* Fetch: strip leading and trailing HTTP whitespace, then reject NUL, CR,
 * LF and (ByteString) code units above U+00FF. */
function checkValue(s, method) {
    if (PLAIN_VALUE.test(s)) {
        return s;
    }
    var v = s.replace(HTTP_WHITESPACE_EDGES, '');
    if (INVALID_VALUE.test(v)) {
        throw new TypeError("Failed to execute '" + method + "' on 'Headers': Invalid value");
    }
    return v;
}

function normalizeValue(value, method) {
    var s = typeof value === 'string' ? value : String(value);
    var known = valueCache.map[s];
    if (known !== void 0) {
        return known;
    }
    var v = (0, checkValue)(s, method);
    return s.length <= CACHEABLE_VALUE_LENGTH ? valueCache.put(s, v) : v;
}

function listOf(headers) {
    var list = headers && headers[LIST];
    if (!list) {
        throw new TypeError('Illegal invocation');
    }
    return list;
}

/* Removes every entry named name at or after index from. */
function removeName(list, name, from) {
    var items = list.items, kept = from;
    for (var i = from; i < items.length; i += 2) {
        if (items[i] !== name) {
            items[kept] = items[i];
            items[kept + 1] = items[i + 1];
            kept += 2;
        }
    }
    if (kept !== items.length) {
        items.length = kept;
        list.sorted = null;
    }
}

function indexOfName(items, name) {
    for (var i = 0; i < items.length; i += 2) {
        if (items[i] === name) {
            return i;
        }
    }
    return -1;
}

function combinedValue(items, name) {
    var result = null;
    for (var i = 0; i < items.length; i += 2) {
        if (items[i] === name) {
            result = result === null ? items[i + 1] : result + ', ' + items[i + 1];
        }
    }
    return result;
}

/* True when names are strictly increasing: the list is its own sorted and
 * combined view (the usual case for a few response headers). */
function isSortedAndUnique(items) {
    for (var i = 2; i < items.length; i += 2) {
        if (items[i - 2] >= items[i]) {
            return false;
        }
    }
    return true;
}

/* Stable insertion sort of the pairs by name, into a new flat array. */
function sortPairs(items) {
    var out = items.slice();
    for (var i = 2; i < out.length; i += 2) {
        var name = out[i], value = out[i + 1], j = i - 2;
        while (j >= 0 && out[j] > name) {
            out[j + 2] = out[j];
            out[j + 3] = out[j + 1];
            j -= 2;
        }
        out[j + 2] = name;
        out[j + 3] = value;
    }
    return out;
}

/* Fetch "sort and combine", as a flat [name, value, ...] array. */
function sortedView(list) {
    if (list.sorted) {
        return list.sorted;
    }
    var items = list.items;
    if ((0, isSortedAndUnique)(items)) {
        list.sorted = items;
        return items;
    }
    var pairs = (0, sortPairs)(items), out = [];
    for (var i = 0; i < pairs.length; i += 2) {
        var name = pairs[i];
        if (name !== 'set-cookie' && out.length && out[out.length - 2] === name) {
            out[out.length - 1] += ', ' + pairs[i + 1];
        } else {
            out.push(name, pairs[i + 1]);
        }
    }
    list.sorted = out;
    return out;
}

function fillFromSequence(headers, init) {
    var items = Array.isArray(init) ? init : (0, iterableToArray)(init);
    for (var i = 0; i < items.length; i++) {
        var pair = items[i];
        if (pair === null || typeof pair !== 'object') {
            throw new TypeError("Failed to construct 'Headers': The provided value cannot be converted to a sequence.");
        }
        pair = Array.isArray(pair) ? pair : (0, iterableToArray)(pair);
        if (pair.length !== 2) {
            throw new TypeError("Failed to construct 'Headers': Invalid value");
        }
        headers.append(pair[0], pair[1]);
    }
}

function iterableToArray(iterable) {
    var method = iterable[Symbol.iterator];
    if (typeof method !== 'function') {
        throw new TypeError("Failed to construct 'Headers': The provided value cannot be converted to a sequence.");
    }
    var iterator = method.call(iterable), out = [], step;
    while (!(step = iterator.next()).done) {
        out.push(step.value);
    }
    return out;
}

function fillFromRecord(items, init) {
    var keys = Object.keys(init);
    for (var i = 0; i < keys.length; i++) {
        items.push((0, normalizeName)(keys[i], 'append'), (0, normalizeValue)(init[keys[i]], 'append'));
    }
}

/* The header list of new Headers(init), flat, for a HeadersInit other than
 * undefined (a new array: never init's own). A plain object, the usual
 * record, is read and checked by the C side in one call. */
function initItems(init) {
    var record = native.headersRecord(init);
    return record !== void 0 ? record : (0, otherInitItems)(init);
}

/* initItems for what native.headersRecord does not take. */
function otherInitItems(init) {
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
        throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (init instanceof Headers) {
        return (0, listOf)(init).items.slice();
    }
    if (Array.isArray(init) || typeof init[Symbol.iterator] === 'function') {
        var headers = new BareHeaders((0, headerList)([]));
        (0, fillFromSequence)(headers, init);
        return headers[LIST].items;
    }
    var items = [];
    (0, fillFromRecord)(items, init);
    return items;
}

function Headers(init) {
    if (new.target === void 0 && !(this instanceof Headers)) {
        throw new TypeError("Failed to construct 'Headers': Please use the 'new' operator.");
    }
    this[LIST] = (0, headerList)(init === void 0 ? [] : (0, initItems)(init));
}

/* append and set inline listOf, the caches' hits and the scan, as get
 * and has do below (set of a new name 11,400 -> 7,700 instructions): the
 * prelude the four share is written out in each, since a helper would
 * cost each of them the call this saves. */
Headers.prototype.append = function append(name, value) {
    var list = this !== null && this !== void 0 ? this[LIST] : void 0;
    if (!list) {
        throw new TypeError('Illegal invocation');
    }
    var key = typeof name === 'string' ? nameCache.map[name] : void 0;
    if (key === void 0) {
        key = (0, normalizeName)(name, 'append');
    }
    var v = typeof value === 'string' ? valueCache.map[value] : void 0;
    if (v === void 0) {
        v = (0, normalizeValue)(value, 'append');
    }
    list.items.push(key, v);
    list.sorted = null;
};

Headers.prototype['delete'] = function (name) {
    (0, removeName)((0, listOf)(this), (0, normalizeName)(name, 'delete'), 0);
};

/* get and has inline listOf, the name cache's hit and the scan:
 * a Duktape call costs more than the work of each (these three run
 * several times per request in most apps). */
Headers.prototype.get = function get(name) {
    var list = this !== null && this !== void 0 ? this[LIST] : void 0;
    if (!list) {
        throw new TypeError('Illegal invocation');
    }
    var key = typeof name === 'string' ? nameCache.map[name] : void 0;
    if (key === void 0) {
        key = (0, normalizeName)(name, 'get');
    }
    var items = list.items, result = null;
    for (var i = 0; i < items.length; i += 2) {
        if (items[i] === key) {
            result = result === null ? items[i + 1] : result + ', ' + items[i + 1];
        }
    }
    return result;
};

Headers.prototype.getSetCookie = function getSetCookie() {
    var items = (0, listOf)(this).items, out = [];
    for (var i = 0; i < items.length; i += 2) {
        if (items[i] === 'set-cookie') {
            out.push(items[i + 1]);
        }
    }
    return out;
};

Headers.prototype.has = function has(name) {
    var list = this !== null && this !== void 0 ? this[LIST] : void 0;
    if (!list) {
        throw new TypeError('Illegal invocation');
    }
    var key = typeof name === 'string' ? nameCache.map[name] : void 0;
    if (key === void 0) {
        key = (0, normalizeName)(name, 'has');
    }
    var items = list.items;
    for (var i = 0; i < items.length; i += 2) {
        if (items[i] === key) {
            return true;
        }
    }
    return false;
};

/* get and has in C for a valid name string (lib/api_fastpath.c: the name
 * lowercased and the list scanned there), these for the rest */
[['get', 'get'], ['has', 'has']].forEach(function (pair) {
    var fast = native.fastHeadersLookup(pair[0] === 'has', Headers.prototype[pair[0]], LIST);
    native.spec.setNameAndLength(fast, pair[1], 1);
    Headers.prototype[pair[0]] = fast;
});

/* Fetch "set": replaces the first entry with that name, removes the others. */
Headers.prototype.set = function set(name, value) {
    var list = this !== null && this !== void 0 ? this[LIST] : void 0;
    if (!list) {
        throw new TypeError('Illegal invocation');
    }
    var key = typeof name === 'string' ? nameCache.map[name] : void 0;
    if (key === void 0) {
        key = (0, normalizeName)(name, 'set');
    }
    var v = typeof value === 'string' ? valueCache.map[value] : void 0;
    if (v === void 0) {
        v = (0, normalizeValue)(value, 'set');
    }
    var items = list.items, first = 0;
    while (first < items.length && items[first] !== key) {
        first += 2;
    }
    list.sorted = null;
    if (first >= items.length) {
        items.push(key, v);
        return;
    }
    items[first + 1] = v;
    (0, removeName)(list, key, first + 2);
};

/* entries, keys, values, forEach and @@iterator over the sorted and
 * combined view (js/29-pair-iterable.js). */
native.definePairIterable(Headers.prototype, 'Headers', function (headers) {
    return (0, sortedView)((0, listOf)(headers));
}, true);
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

function copyList(list) {
    return (0, headerList)(list.items.slice());
}

native.headersList = function (headers) {
    return (0, sortedView)((0, listOf)(headers));
};

/* Makes a Headers around a header list, more cheaply than Object.create. */
function BareHeaders(list) {
    this[LIST] = list;
}
BareHeaders.prototype = Headers.prototype;

native.headersFromList = function (flat) {
    return new BareHeaders((0, headerList)(flat));
};

/* The list new Headers(init) would hold, flat, for the constructors that
 * make their Headers only when asked for. */
native.headersInitList = function (init) {
    if (init === void 0) {
        return [];
    }
    /* a Headers (a response's, handed on): its list, copied */
    var own = init !== null && typeof init === 'object' ? init[LIST] : void 0;
    if (own !== void 0) {
        return own.items.slice();
    }
    var record = native.headersRecord(init);
    return record !== void 0 ? record : (0, otherInitItems)(init);
};

/* Fetch "sort and combine" of a flat list, as native.headersList. */
native.headersSortList = function (items) {
    return (0, sortedView)((0, headerList)(items));
};

/* Appends a (lowercase) name and value to a flat list unless the name is
 * there already (the Request and Response constructors' default
 * content-type); true when it did. */
function appendDefault(items, name, value) {
    if ((0, indexOfName)(items, name) !== -1) {
        return false;
    }
    items.push(name, value);
    return true;
}

native.listAppendDefault = appendDefault;

native.headersAppendDefault = function (headers, name, value) {
    var list = headers[LIST];
    if ((0, appendDefault)(list.items, name, value)) {
        list.sorted = null;
    }
};

native.headersCopy = function (headers) {
    var copy = Object.create(Headers.prototype);
    copy[LIST] = (0, copyList)((0, listOf)(headers));
    return copy;
};

native.defineGlobal('Headers', Headers);
