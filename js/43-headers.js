/*
 * The Fetch standard's Headers class (without guards). A header list is kept
 * as two parallel arrays of lowercased names and normalised values in insertion
 * order; the sorted-and-combined view that iteration and serialisation need is
 * built lazily and dropped on every change, so a request's headers are sorted
 * at most once. For the C side and other runtime files:
 *   native.headersList(headers)   -> [name, value, name, value, ...] sorted by
 *                                    name, values combined with ", " except
 *                                    set-cookie (one entry per value);
 *   native.headersFromList(flat)  -> a Headers built from already-valid pairs
 *                                    without re-validation;
 *   native.headersAppendTrusted(headers, lowercaseName, value) and
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

function HeaderList() {
    this.names = [];
    this.values = [];
    this.sorted = null;
}

function normalizeName(name, method) {
    var s = typeof name === 'string' ? name : String(name);
    var known = nameCache.map[s];
    if (known !== undefined) {
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
    if (known !== undefined) {
        return known;
    }
    var v = checkValue(s, method);
    return s.length <= CACHEABLE_VALUE_LENGTH ? valueCache.put(s, v) : v;
}

function listOf(headers) {
    var list = headers && headers[LIST];
    if (!list) {
        throw new TypeError('Illegal invocation');
    }
    return list;
}

function appendPair(list, name, value) {
    list.names.push(name);
    list.values.push(value);
    list.sorted = null;
}

function removeName(list, name) {
    var names = list.names, values = list.values, kept = 0;
    for (var i = 0; i < names.length; i++) {
        if (names[i] !== name) {
            names[kept] = names[i];
            values[kept] = values[i];
            kept++;
        }
    }
    if (kept !== names.length) {
        names.length = values.length = kept;
        list.sorted = null;
    }
}

function combinedValue(list, name) {
    var names = list.names, result = null;
    for (var i = 0; i < names.length; i++) {
        if (names[i] === name) {
            result = result === null ? list.values[i] : result + ', ' + list.values[i];
        }
    }
    return result;
}

/* Fetch "sort and combine", as a flat [name, value, ...] array. */
function sortedView(list) {
    if (list.sorted) {
        return list.sorted;
    }
    var names = list.names, values = list.values, order = [], out = [], i;
    for (i = 0; i < names.length; i++) {
        order.push(i);
    }
    order.sort(function (a, b) {
        return names[a] < names[b] ? -1 : (names[a] > names[b] ? 1 : a - b);
    });
    for (i = 0; i < order.length; i++) {
        var name = names[order[i]], value = values[order[i]];
        if (name !== 'set-cookie' && out.length && out[out.length - 2] === name) {
            out[out.length - 1] += ', ' + value;
        } else {
            out.push(name, value);
        }
    }
    list.sorted = out;
    return out;
}

function fillFromSequence(headers, init) {
    var items = Array.isArray(init) ? init : iterableToArray(init);
    for (var i = 0; i < items.length; i++) {
        var pair = items[i];
        if (pair === null || typeof pair !== 'object') {
            throw new TypeError("Failed to construct 'Headers': The provided value cannot be converted to a sequence.");
        }
        pair = Array.isArray(pair) ? pair : iterableToArray(pair);
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

function fillFromRecord(headers, init) {
    var keys = Object.keys(init);
    for (var i = 0; i < keys.length; i++) {
        headers.append(keys[i], init[keys[i]]);
    }
}

function Headers(init) {
    if (!(this instanceof Headers)) {
        throw new TypeError("Failed to construct 'Headers': Please use the 'new' operator.");
    }
    var list = this[LIST] = new HeaderList();
    if (init === undefined || init === null) {
        if (init === null) {
            throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
        }
        return;
    }
    if (typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (init instanceof Headers) {
        var source = listOf(init);
        list.names = source.names.slice();
        list.values = source.values.slice();
        list.sorted = source.sorted;
    } else if (Array.isArray(init) || typeof init[Symbol.iterator] === 'function') {
        fillFromSequence(this, init);
    } else {
        fillFromRecord(this, init);
    }
}

Headers.prototype.append = function append(name, value) {
    appendPair(listOf(this), normalizeName(name, 'append'), normalizeValue(value, 'append'));
};

Headers.prototype['delete'] = function (name) {
    removeName(listOf(this), normalizeName(name, 'delete'));
};

Headers.prototype.get = function get(name) {
    return combinedValue(listOf(this), normalizeName(name, 'get'));
};

Headers.prototype.getSetCookie = function getSetCookie() {
    var list = listOf(this), out = [];
    for (var i = 0; i < list.names.length; i++) {
        if (list.names[i] === 'set-cookie') {
            out.push(list.values[i]);
        }
    }
    return out;
};

Headers.prototype.has = function has(name) {
    return listOf(this).names.indexOf(normalizeName(name, 'has')) !== -1;
};

/* Fetch "set": replaces the first entry with that name, removes the others. */
Headers.prototype.set = function set(name, value) {
    var list = listOf(this), key = normalizeName(name, 'set'), v = normalizeValue(value, 'set');
    var first = list.names.indexOf(key);
    if (first === -1) {
        appendPair(list, key, v);
        return;
    }
    list.values[first] = v;
    var names = list.names, values = list.values, kept = first + 1;
    for (var i = first + 1; i < names.length; i++) {
        if (names[i] !== key) {
            names[kept] = names[i];
            values[kept] = values[i];
            kept++;
        }
    }
    names.length = values.length = kept;
    list.sorted = null;
};

Headers.prototype.forEach = function forEach(callback, thisArg) {
    var list = listOf(this);
    if (typeof callback !== 'function') {
        throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (var i = 0; i < sortedView(list).length; i += 2) {
        var view = sortedView(list);
        callback.call(thisArg, view[i + 1], view[i], this);
    }
};

function HeadersIterator(list, kind) {
    this.list = list;
    this.kind = kind;
    this.index = 0;
}

HeadersIterator.prototype.next = function next() {
    var view = sortedView(this.list), i = this.index;
    if (i >= view.length) {
        return { value: undefined, done: true };
    }
    this.index = i + 2;
    var value = this.kind === 'key' ? view[i] : (this.kind === 'value' ? view[i + 1] : [view[i], view[i + 1]]);
    return { value: value, done: false };
};
HeadersIterator.prototype[Symbol.iterator] = function () {
    return this;
};
Object.defineProperty(HeadersIterator.prototype, Symbol.toStringTag, { value: 'Headers Iterator', configurable: true });

Headers.prototype.entries = function entries() {
    return new HeadersIterator(listOf(this), 'key+value');
};
Headers.prototype.keys = function keys() {
    return new HeadersIterator(listOf(this), 'key');
};
Headers.prototype.values = function values() {
    return new HeadersIterator(listOf(this), 'value');
};
Headers.prototype[Symbol.iterator] = Headers.prototype.entries;
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

native.headersList = function (headers) {
    return sortedView(listOf(headers)).slice();
};

native.headersFromList = function (flat) {
    var headers = Object.create(Headers.prototype), list = headers[LIST] = new HeaderList();
    for (var i = 0; i + 1 < flat.length; i += 2) {
        list.names.push(String(flat[i]).toLowerCase());
        list.values.push(flat[i + 1]);
    }
    return headers;
};

native.headersAppendTrusted = function (headers, name, value) {
    appendPair(listOf(headers), name, value);
};

native.headersCopy = function (headers) {
    return new Headers(headers);
};

native.defineGlobal('Headers', Headers);
