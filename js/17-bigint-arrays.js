// SPDX-License-Identifier: MIT
/*
 * BigInt64Array, BigUint64Array (ECMAScript 2024 §23.2) and the DataView
 * methods getBigInt64, setBigInt64, getBigUint64, setBigUint64 (§25.3.4),
 * over the BigInts of 16-bigint.js.
 *
 * Duktape's typed arrays are native and cannot hold BigInts, so the two
 * types are objects of their own: `new BigInt64Array(...)` returns a Proxy
 * whose target keeps a Uint32Array over the same bytes (two words per
 * element, in the host's byte order, as typed arrays are) and whose get/set
 * traps serve integer indices; everything else goes to the prototype, which
 * carries the accessors and the methods (at, fill, set, subarray, slice,
 * indexOf, includes, join, toString, forEach, map, reduce, keys, values,
 * entries, @@iterator). The host is assumed little-endian, like every
 * platform Duktape runs fcworker on. ArrayBuffer.isView() does not know
 * these objects; native.bigIntArrayWords(x) gives the runtime their words.
 * 17-bigint-dataview.js installs the DataView methods: in a process for one
 * request this file is loaded on first use (lib/runtime_lazy.c), by the
 * globals or the first call of one of them.
 */
'use strict';

var bigint = native.bigint;
var toIndex = bigint.toIndex;
var spec = native.spec;
var provide = spec.provide;
var setNameAndLength = spec.setNameAndLength;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var relativeIndex = spec.relativeIndex;
var requireCallable = spec.requireCallable;
var VALUE = bigint.VALUE;
var make = bigint.make;
var seq = bigint.seq;
var toBigInt = bigint.toBigInt;
var bigintTo64 = native.bigintTo64;
var bigintFrom64 = native.bigintFrom64;
/* the key of an array's words: 17-bigint-dataview.js's (this file is
 * loaded on first use; native.bigIntArrayWords reads it before) */
var WORDS = native.bigIntWordsKey;
var TWO32 = 4294967296;
var MAX = 9007199254740991;

/* The low and high words of BigInt b mod 2^64, through out[0], out[1]. */
function words(b, out) {
    var v = b[VALUE];
    if (typeof v === 'number') {
        var hi = Math.floor(v / TWO32);
        out[0] = v - hi * TWO32;
        out[1] = hi >>> 0;
    } else {
        var w = bigintTo64(v);
        out[0] = w[0];
        out[1] = w[1];
    }
}

/* The BigInt of the 64-bit words (lo, hi), signed or not. */
function fromWords(lo, hi, signed) {
    var h = signed && hi >= 0x80000000 ? hi - TWO32 : hi;
    var v = h * TWO32 + lo;
    if (v <= MAX && v >= -MAX) {
        return make(v);
    }
    return make(bigintFrom64(lo, hi, signed));
}

/* (a canonical numeric string's number, or undefined) */
var numericKey = spec.canonicalNumericKey;

var scratch = [0, 0];

/* The elements of an iterable or array-like source. */
function listOf(source) {
    var list = [];
    var iter = source[Symbol.iterator];
    if (iter !== void 0 && iter !== null) {
        var it = requireCallable(iter).call(source);
        for (var step = it.next(); !step.done; step = it.next()) {
            list.push(step.value);
        }
        return list;
    }
    var o = Object(source);
    var n = toIndex(o.length, 'typed array length');
    for (var k = 0; k < n; k++) {
        list.push(o[k]);
    }
    return list;
}

function makeType(name, signed) {
    var C;
    var handler = {
        get: function (target, key) {
            var n = numericKey(key);
            if (n === void 0) {
                return target[key];
            }
            var w = target[WORDS];
            if ((n | 0) !== n || n < 0 || 2 * n >= w.length || (n === 0 && 1 / n < 0)) {
                return void 0;
            }
            return fromWords(w[2 * n], w[2 * n + 1], signed);
        },
        set: function (target, key, value) {
            var n = numericKey(key);
            if (n === void 0) {
                target[key] = value;
                return true;
            }
            var b = toBigInt(value);
            var w = target[WORDS];
            if ((n | 0) === n && n >= 0 && 2 * n < w.length && !(n === 0 && 1 / n < 0)) {
                words(b, scratch);
                w[2 * n] = scratch[0];
                w[2 * n + 1] = scratch[1];
            }
            return true;
        },
        has: function (target, key) {
            var n = numericKey(key);
            if (n === void 0) {
                return key in target;
            }
            return (n | 0) === n && n >= 0 && 2 * n < target[WORDS].length && !(n === 0 && 1 / n < 0);
        },
        deleteProperty: function (target, key) {
            var n = numericKey(key);
            if (n === void 0) {
                return delete target[key];
            }
            return !((n | 0) === n && n >= 0 && 2 * n < target[WORDS].length);
        },
        ownKeys: function (target) {
            var keys = [];
            for (var i = 0; 2 * i < target[WORDS].length; i++) {
                keys.push(String(i));
            }
            return keys.concat(Reflect.ownKeys(target));
        }
    };

    /* A new array over buffer[byteOffset, byteOffset + 8 * length). */
    function create(proto, buffer, byteOffset, length) {
        var target = Object.create(proto);
        Object.defineProperty(target, WORDS, { value: new Uint32Array(buffer, byteOffset, 2 * length) });
        return new Proxy(target, handler);
    }

    function fromList(proto, list) {
        var a = create(proto, new ArrayBuffer(8 * list.length), 0, list.length);
        for (var i = 0; i < list.length; i++) {
            a[i] = list[i];
        }
        return a;
    }

    C = function (arg, byteOffset, length) {
        if (!(this instanceof C) || this[WORDS] !== void 0) {
            throw new TypeError('Constructor ' + name + ' requires \'new\'');
        }
        var proto = Object.getPrototypeOf(this);
        if (typeof arg !== 'object' && typeof arg !== 'function' || arg === null) {
            var len = toIndex(arg, 'typed array length');
            return create(proto, new ArrayBuffer(8 * len), 0, len);
        }
        if (arg instanceof ArrayBuffer) {
            var offset = toIndex(byteOffset, 'offset');
            if (offset % 8 !== 0) {
                throw new RangeError('start offset of ' + name + ' should be a multiple of 8');
            }
            var count;
            if (length === void 0) {
                if ((arg.byteLength - offset) % 8 !== 0 || offset > arg.byteLength) {
                    throw new RangeError('byte length of ' + name + ' should be a multiple of 8');
                }
                count = (arg.byteLength - offset) / 8;
            } else {
                count = toIndex(length, 'typed array length');
                if (offset + 8 * count > arg.byteLength) {
                    throw new RangeError('Invalid typed array length: ' + count);
                }
            }
            return create(proto, arg, offset, count);
        }
        if (ArrayBuffer.isView(arg) && !(arg instanceof DataView)) {
            throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
        }
        return fromList(proto, listOf(arg));
    };
    setNameAndLength(C, name, 3);
    C.prototype = Object.create(BigIntArrayPrototype, {
        constructor: { value: C, writable: true, enumerable: false, configurable: true },
        BYTES_PER_ELEMENT: { value: 8 }
    });
    Object.defineProperty(C, 'BYTES_PER_ELEMENT', { value: 8 });
    provide(C, [
        ['from', function (source, mapfn, thisArg) {
            var list = listOf(source);
            if (mapfn !== void 0) {
                requireCallable(mapfn);
                for (var i = 0; i < list.length; i++) {
                    list[i] = mapfn.call(thisArg, list[i], i);
                }
            }
            return fromList(C.prototype, list);
        }, 1],
        ['of', function () {
            return fromList(C.prototype, Array.prototype.slice.call(arguments));
        }, 0]
    ]);
    native.defineGlobal(name, C);
    return C;
}

/* --- The shared prototype. */

function words0(a) {
    var w = a[WORDS];
    if (w === void 0) {
        throw new TypeError('this is not a BigInt64Array or BigUint64Array');
    }
    return w;
}

function lengthOf(a) {
    return words0(a).length / 2;
}

var BigIntArrayPrototype = {};

function getter(name, fn) {
    native.defineAccessor(BigIntArrayPrototype, name, fn, void 0, 4); /* configurable */
}
getter('length', function () { return lengthOf(this); });
getter('byteLength', function () { return words0(this).byteLength; });
getter('byteOffset', function () { return words0(this).byteOffset; });
getter('buffer', function () { return words0(this).buffer; });
Object.defineProperty(BigIntArrayPrototype, Symbol.toStringTag, {
    get: function () { return this[WORDS] === void 0 ? void 0 : this.constructor.name; },
    configurable: true
});

function sameType(a, len) {
    return new a.constructor(len);
}

function iterate(a, kind) {
    var i = 0;
    var it = {
        next: function () {
            if (i >= lengthOf(a)) {
                return { value: void 0, done: true };
            }
            var k = i++;
            var value = kind === 'keys' ? k : kind === 'values' ? a[k] : [k, a[k]];
            return { value: value, done: false };
        }
    };
    it[Symbol.iterator] = function () { return this; };
    return it;
}

function indexOf(search, fromIndex) {
    var len = lengthOf(this);
    for (var i = relativeIndex(fromIndex, len, 0); i < len; i++) {
        if (seq(this[i], search)) {
            return i;
        }
    }
    return -1;
}

function values() {
    return iterate(this, 'values');
}

provide(BigIntArrayPrototype, [
    ['at', function (index) {
        var len = lengthOf(this);
        var k = toIntegerOrInfinity(index);
        k = k < 0 ? len + k : k;
        return k < 0 || k >= len ? void 0 : this[k];
    }, 1],
    ['fill', function (value, start, end) {
        var len = lengthOf(this);
        var b = toBigInt(value);
        for (var i = relativeIndex(start, len, 0), e = relativeIndex(end, len, len); i < e; i++) {
            this[i] = b;
        }
        return this;
    }, 1],
    ['set', function (source, offset) {
        var o = toIntegerOrInfinity(offset);
        if (o < 0) {
            throw new RangeError('offset is out of bounds');
        }
        var n = toIndex(source.length, 'source length');
        if (o + n > lengthOf(this)) {
            throw new RangeError('offset is out of bounds');
        }
        var list = [];
        for (var i = 0; i < n; i++) {
            list.push(source[i]);
        }
        for (i = 0; i < n; i++) {
            this[o + i] = list[i];
        }
    }, 1],
    ['subarray', function (start, end) {
        var w = words0(this);
        var len = w.length / 2;
        var s = relativeIndex(start, len, 0);
        var e = relativeIndex(end, len, len);
        return new this.constructor(w.buffer, w.byteOffset + 8 * s, Math.max(e - s, 0));
    }, 2],
    ['slice', function (start, end) {
        var len = lengthOf(this);
        var s = relativeIndex(start, len, 0);
        var e = relativeIndex(end, len, len);
        var out = sameType(this, Math.max(e - s, 0));
        for (var i = s; i < e; i++) {
            out[i - s] = this[i];
        }
        return out;
    }, 2],
    ['indexOf', indexOf, 1],
    ['includes', function (search, fromIndex) {
        return indexOf.call(this, search, fromIndex) >= 0;
    }, 1],
    ['join', function (separator) {
        var parts = [];
        for (var i = 0, len = lengthOf(this); i < len; i++) {
            parts.push(String(this[i]));
        }
        return parts.join(separator === void 0 ? ',' : String(separator));
    }, 1],
    ['toString', function () {
        return this.join(',');
    }, 0],
    ['forEach', function (fn, thisArg) {
        requireCallable(fn);
        for (var i = 0, len = lengthOf(this); i < len; i++) {
            fn.call(thisArg, this[i], i, this);
        }
    }, 1],
    ['map', function (fn, thisArg) {
        requireCallable(fn);
        var len = lengthOf(this);
        var out = sameType(this, len);
        for (var i = 0; i < len; i++) {
            out[i] = fn.call(thisArg, this[i], i, this);
        }
        return out;
    }, 1],
    ['reduce', function (fn, initial) {
        requireCallable(fn);
        var len = lengthOf(this);
        var i = 0;
        var acc = initial;
        if (arguments.length < 2) {
            if (len === 0) {
                throw new TypeError('Reduce of empty array with no initial value');
            }
            acc = this[i++];
        }
        for (; i < len; i++) {
            acc = fn(acc, this[i], i, this);
        }
        return acc;
    }, 1],
    ['keys', function () { return iterate(this, 'keys'); }, 0],
    ['values', values, 0],
    ['entries', function () { return iterate(this, 'entries'); }, 0],
    [Symbol.iterator, values, 0]
]);

/* The Uint32Array over the bytes of a BigInt64Array or BigUint64Array x
 * (two words per element), or undefined for any other value: for the
 * runtime's own users of typed arrays (crypto.getRandomValues). */
native.bigIntArrayWords = function (x) {
    return x !== null && typeof x === 'object' ? x[WORDS] : void 0;
};

makeType('BigInt64Array', true);
makeType('BigUint64Array', false);

/* --- DataView. */

function viewIndex(view, byteOffset) {
    var index = toIndex(byteOffset, 'offset');
    if (index + 8 > view.byteLength) {
        throw new RangeError('Offset is outside the bounds of the DataView');
    }
    return index;
}

function getBig(signed) {
    return function (byteOffset, littleEndian) {
        if (!(this instanceof DataView)) {
            throw new TypeError('not a DataView');
        }
        var i = viewIndex(this, byteOffset);
        var le = !!littleEndian;
        var a = this.getUint32(i, le), b = this.getUint32(i + 4, le);
        return le ? fromWords(a, b, signed) : fromWords(b, a, signed);
    };
}

function setBig() {
    return function (byteOffset, value, littleEndian) {
        if (!(this instanceof DataView)) {
            throw new TypeError('not a DataView');
        }
        var index = toIndex(byteOffset, 'offset');
        var b = toBigInt(value);
        var le = !!littleEndian;
        if (index + 8 > this.byteLength) {
            throw new RangeError('Offset is outside the bounds of the DataView');
        }
        var w = [0, 0];
        words(b, w);
        this.setUint32(index, le ? w[0] : w[1], le);
        this.setUint32(index + 4, le ? w[1] : w[0], le);
    };
}

/* DataView's BigInt methods, which 17-bigint-dataview.js's forwarders call */
native.bigIntDataView = {
    getBigInt64: getBig(true),
    getBigUint64: getBig(false),
    setBigInt64: setBig(),
    setBigUint64: setBig()
};

/* No constructors (as 19-non-constructors.js makes the built-ins' methods;
 * this file may be loaded after it, lib/runtime_lazy.c) */
native.nonConstructorMethods(BigIntArrayPrototype);
