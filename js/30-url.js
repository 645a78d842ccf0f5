// SPDX-License-Identifier: MIT
/*
 * URL and URLSearchParams (WHATWG URL Standard). Parsing, the setters and
 * form-urlencoding are native (lib/api_url.c); a URL object holds its href
 * and an Int32Array of component offsets under two hidden keys, and its
 * getters are slices of the href. A URL's searchParams object shares its
 * list with the URL's query: list changes rewrite the query, href and search
 * setters re-read the list.
 */
var HREF = native.urlHrefKey;
var OFFSETS = native.urlOffsetsKey;
var PARAMS = Symbol('url searchParams');
var LIST = Symbol('searchParams list');
var OWNER = Symbol('searchParams url');

/* Indexes into the offsets array, and setter part numbers (enum fcw_url_part). */
var O_SCHEME_END = 0, O_USERNAME_START = 1, O_USERNAME_END = 2,
    O_PASSWORD_START = 3, O_PASSWORD_END = 4, O_HOST_START = 5, O_HOST_END = 6,
    O_PORT = 7, O_PATH_START = 8, O_PATH_END = 9, O_QUERY_START = 10,
    O_FRAGMENT_START = 11, O_FLAGS = 12;
var P_HREF = 0, P_PROTOCOL = 1, P_USERNAME = 2, P_PASSWORD = 3, P_HOST = 4,
    P_HOSTNAME = 5, P_PORT = 6, P_PATHNAME = 7, P_SEARCH = 8, P_HASH = 9;

/* WebIDL USVString: ToString, with lone surrogates replaced by U+FFFD.
 * (URL inputs go to C as they are: the parser does the same replacement.) */
var toUSVString = native.urlToUSVString;

function offsetsOf(obj) {
    var offsets = obj !== null && typeof obj === 'object' ? obj[OFFSETS] : void 0;
    if (!offsets) {
        throw new TypeError('Illegal invocation: not a URL');
    }
    return offsets;
}

function requireParams(obj) {
    if (!obj || typeof obj !== 'object' || !obj[LIST]) {
        throw new TypeError('Illegal invocation: not a URLSearchParams');
    }
    return obj[LIST];
}

function queryOf(url) {
    var o = url[OFFSETS], href = url[HREF], q = o[O_QUERY_START];
    if (q < 0) {
        return null;
    }
    return href.slice(q + 1, o[O_FRAGMENT_START] >= 0 ? o[O_FRAGMENT_START] : href.length);
}

function URL(url, base) {
    if (new.target === void 0 && !(this instanceof URL)) {
        throw new TypeError("Failed to construct 'URL': Please use the 'new' operator");
    }
    if (!native.urlParse(this, url, base)) {
        throw new TypeError("Failed to construct 'URL': Invalid URL '" + String(url) + "'" +
            (base === void 0 ? '' : " with base '" + String(base) + "'"));
    }
    this[PARAMS] = null;
}

URL.canParse = function canParse(url, base) {
    return native.urlParse({}, url, base);
};

URL.parse = function parse(url, base) {
    var result = Object.create(URL.prototype);
    if (!native.urlParse(result, url, base)) {
        return null;
    }
    result[PARAMS] = null;
    return result;
};

/* Re-reads the searchParams list from the query (href and search setters). */
function syncParamsFromQuery(url) {
    var params = url[PARAMS], query;
    if (params) {
        query = queryOf(url);
        params[LIST] = query === null ? [] : native.urlFormParse(query);
    }
}

function setter(part) {
    return function (value) {
        offsetsOf(this);
        if (!native.urlSet(this, part, value)) {
            throw new TypeError("Failed to set the 'href' property on 'URL': Invalid URL '" + String(value) + "'");
        }
        if (part === P_HREF || part === P_SEARCH) {
            syncParamsFromQuery(this);
        }
    };
}

function slicer(start, end) {
    return function () {
        var o = this !== null && typeof this === 'object' ? this[OFFSETS] : void 0;
        if (!o) {
            offsetsOf(this);
        }
        return this[HREF].slice(o[start], o[end]);
    };
}

function accessor(name, get, set) {
    native.defineAccessor(URL.prototype, name, get, set, 6); /* enumerable, configurable */
}

accessor('href', function () {
    offsetsOf(this);
    return this[HREF];
}, setter(P_HREF));
accessor('origin', function () {
    offsetsOf(this);
    return native.urlOrigin(this);
});
accessor('protocol', function () {
    var o = offsetsOf(this);
    return this[HREF].slice(0, o[O_SCHEME_END] + 1);
}, setter(P_PROTOCOL));
accessor('username', slicer(O_USERNAME_START, O_USERNAME_END), setter(P_USERNAME));
accessor('password', slicer(O_PASSWORD_START, O_PASSWORD_END), setter(P_PASSWORD));
accessor('host', function () {
    var o = offsetsOf(this);
    return (o[O_FLAGS] & 1) ? this[HREF].slice(o[O_HOST_START], o[O_PATH_START]) : '';
}, setter(P_HOST));
accessor('hostname', slicer(O_HOST_START, O_HOST_END), setter(P_HOSTNAME));
accessor('port', function () {
    var port = offsetsOf(this)[O_PORT];
    return port < 0 ? '' : String(port);
}, setter(P_PORT));
accessor('pathname', slicer(O_PATH_START, O_PATH_END), setter(P_PATHNAME));
accessor('search', function () {
    var query;
    offsetsOf(this);
    query = queryOf(this);
    return query ? '?' + query : '';
}, setter(P_SEARCH));
accessor('searchParams', function () {
    var params;
    offsetsOf(this);
    if (!this[PARAMS]) {
        params = Object.create(URLSearchParams.prototype);
        params[OWNER] = this;
        this[PARAMS] = params;
        syncParamsFromQuery(this);
    }
    return this[PARAMS];
});
accessor('hash', function () {
    var o = offsetsOf(this), f = o[O_FRAGMENT_START], href = this[HREF];
    return f < 0 || f === href.length - 1 ? '' : href.slice(f);
}, setter(P_HASH));

URL.prototype.toString = function toString() {
    offsetsOf(this);
    return this[HREF];
};
URL.prototype.toJSON = function toJSON() {
    offsetsOf(this);
    return this[HREF];
};

/* ---- URLSearchParams ---- */

/* A WebIDL sequence from an array or any iterable, else null. */
function toSequence(value) {
    var method, iterator, step, out;
    if (Array.isArray(value)) {
        return value;
    }
    method = value[Symbol.iterator];
    if (method === void 0 || method === null) {
        return null;
    }
    if (typeof method !== 'function') {
        throw new TypeError("Failed to construct 'URLSearchParams': @@iterator is not callable");
    }
    iterator = method.call(value);
    out = [];
    for (step = iterator.next(); !step.done; step = iterator.next()) {
        out.push(step.value);
    }
    return out;
}

function listFromPairs(pairs) {
    var list = [], i, pair;
    for (i = 0; i < pairs.length; i++) {
        pair = pairs[i];
        pair = (pair !== null && (typeof pair === 'object' || typeof pair === 'function')) ? toSequence(pair) : null;
        if (pair === null || pair.length !== 2) {
            throw new TypeError("Failed to construct 'URLSearchParams': each pair must have exactly two elements");
        }
        list.push(toUSVString(pair[0]), toUSVString(pair[1]));
    }
    return list;
}

function listFromRecord(record) {
    var list = [], keys = Object.keys(record), i;
    for (i = 0; i < keys.length; i++) {
        list.push(toUSVString(keys[i]), toUSVString(record[keys[i]]));
    }
    return list;
}

function listFromInit(init) {
    var s, pairs;
    if (init === void 0) {
        return [];
    }
    if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
        if (init[LIST]) {
            return init[LIST].slice();
        }
        pairs = toSequence(init);
        return pairs === null ? listFromRecord(init) : listFromPairs(pairs);
    }
    s = toUSVString(init);
    return native.urlFormParse(s.charAt(0) === '?' ? s.slice(1) : s);
}

function URLSearchParams(init) {
    if (new.target === void 0 && !(this instanceof URLSearchParams)) {
        throw new TypeError("Failed to construct 'URLSearchParams': Please use the 'new' operator");
    }
    this[LIST] = listFromInit(init);
    this[OWNER] = null;
}

/* The URLSearchParams "update" steps: the list rewrites the URL's query. */
function update(params) {
    var url = params[OWNER];
    if (url) {
        native.urlSet(url, P_SEARCH, native.urlFormSerialize(params[LIST]));
    }
}

var proto = URLSearchParams.prototype;

proto.append = function append(name, value) {
    requireParams(this).push(toUSVString(name), toUSVString(value));
    update(this);
};

proto['delete'] = function (name, value) {
    var list = requireParams(this), kept = [], i, hasValue = value !== void 0;
    name = toUSVString(name);
    if (hasValue) {
        value = toUSVString(value);
    }
    for (i = 0; i < list.length; i += 2) {
        if (list[i] !== name || (hasValue && list[i + 1] !== value)) {
            kept.push(list[i], list[i + 1]);
        }
    }
    this[LIST] = kept;
    update(this);
};

proto.get = function get(name) {
    var list = requireParams(this), i;
    name = toUSVString(name);
    for (i = 0; i < list.length; i += 2) {
        if (list[i] === name) {
            return list[i + 1];
        }
    }
    return null;
};

proto.getAll = function getAll(name) {
    var list = requireParams(this), out = [], i;
    name = toUSVString(name);
    for (i = 0; i < list.length; i += 2) {
        if (list[i] === name) {
            out.push(list[i + 1]);
        }
    }
    return out;
};

proto.has = function has(name, value) {
    var list = requireParams(this), i, hasValue = value !== void 0;
    name = toUSVString(name);
    if (hasValue) {
        value = toUSVString(value);
    }
    for (i = 0; i < list.length; i += 2) {
        if (list[i] === name && (!hasValue || list[i + 1] === value)) {
            return true;
        }
    }
    return false;
};

proto.set = function set(name, value) {
    var list = requireParams(this), kept = [], found = false, i;
    name = toUSVString(name);
    value = toUSVString(value);
    for (i = 0; i < list.length; i += 2) {
        if (list[i] !== name) {
            kept.push(list[i], list[i + 1]);
        } else if (!found) {
            kept.push(name, value);
            found = true;
        }
    }
    if (!found) {
        kept.push(name, value);
    }
    this[LIST] = kept;
    update(this);
};

/* Stable merge sort of pair indexes by name, in UTF-16 code unit order
 * (Duktape compares its CESU-8 strings bytewise, which is that order). */
function mergeSortPairs(list, idx, tmp, lo, hi) {
    var mid, i, j, k;
    if (hi - lo < 2) {
        return;
    }
    mid = (lo + hi) >> 1;
    mergeSortPairs(list, idx, tmp, lo, mid);
    mergeSortPairs(list, idx, tmp, mid, hi);
    for (i = lo, j = mid, k = lo; k < hi; k++) {
        if (i < mid && (j >= hi || !(list[idx[j]] < list[idx[i]]))) {
            tmp[k] = idx[i++];
        } else {
            tmp[k] = idx[j++];
        }
    }
    for (k = lo; k < hi; k++) {
        idx[k] = tmp[k];
    }
}

proto.sort = function sort() {
    var list = requireParams(this), n = list.length / 2, idx = [], sorted = [], i;
    for (i = 0; i < n; i++) {
        idx.push(2 * i);
    }
    mergeSortPairs(list, idx, new Array(n), 0, n);
    for (i = 0; i < n; i++) {
        sorted.push(list[idx[i]], list[idx[i] + 1]);
    }
    this[LIST] = sorted;
    update(this);
};

proto.toString = function toString() {
    return native.urlFormSerialize(requireParams(this));
};

Object.defineProperty(proto, 'size', {
    get: function () {
        return requireParams(this).length / 2;
    },
    enumerable: true, configurable: true
});

/* entries, keys, values, forEach and @@iterator (js/29-pair-iterable.js). */
native.definePairIterable(proto, 'URLSearchParams', requireParams, true);

if (Symbol.toStringTag) {
    URL.prototype[Symbol.toStringTag] = 'URL';
    proto[Symbol.toStringTag] = 'URLSearchParams';
}

native.defineGlobal('URL', URL);
native.defineGlobal('URLSearchParams', URLSearchParams);
