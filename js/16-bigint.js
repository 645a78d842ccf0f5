// SPDX-License-Identifier: MIT
/*
 * BigInt (ECMAScript 2024 §21.2) for an engine without it, and the
 * operations object that code lowered by fcworker-build calls.
 *
 * A BigInt value is a frozen object of an internal class whose prototype is
 * BigInt.prototype; its value lives under the VALUE symbol, as a number when
 * it is a safe integer (|v| <= 2^53 - 1; JavaScript does the arithmetic of
 * such values itself while the result stays safe) and otherwise as the
 * buffer described in lib/api_bigint.c, which does the rest in C (up to
 * 2^18 bits; larger results are a RangeError). Values from
 * -1024 to 1024 are interned and each literal of the program is one object,
 * so `===` and switch cases work on those even in code the build did not
 * lower; other equal values are distinct objects, which the lowered
 * operators (eq, seq, ...), Object.is, Array indexOf/lastIndexOf/includes and
 * Map and Set keys compare by value, and code that was not lowered by
 * identity. `typeof` gives
 * "object" unless lowered (typeOf, isBigInt). BigInt.prototype has a
 * @@toPrimitive that real BigInts lack: it makes String(b), template strings
 * and `"" + b` give the digits and Number(b) the nearest number, and lets
 * relational operators in code that was not lowered compare safe values
 * correctly. JSON.stringify throws a TypeError on a BigInt unless
 * BigInt.prototype.toJSON is defined (its replacer then also sees BigInts
 * only after toJSON, as the spec says; an array replacer keeps its filter but
 * not its key order once a BigInt exists in the heap). JSON's other newer
 * parts live beside that wrapper: JSON.rawJSON, JSON.isRawJSON and the
 * reviver's context.source of JSON.parse (JSON.parse source text access).
 *
 * The operations object, global `__fcw_bigint` (non-enumerable), for code
 * lowered by contrib/fcworker-build/lib/bigint.js. Each function has the
 * full semantics of its operator for any operands; when neither operand is a
 * BigInt it does the plain JavaScript operation first thing:
 *   lit(text)            the literal `text` + "n" (decimal, 0x, 0o, 0b; no
 *                        separators), one cached object per text
 *   add sub mul div mod exp and or xor shl sar shr (a, b)
 *                        + - * / % ** & | ^ << >> >>> (shr throws a
 *                        TypeError for BigInts)
 *   lt le gt ge eq ne seq sne (a, b)
 *                        < <= > >= == != === !==
 *   neg not pos (x)      unary - ~ +
 *   inc dec (x)          ToNumeric(x) + 1, - 1 (for ++ and --)
 *   post(old, ignored)   ToNumeric(old): the value of `x++` written as
 *                        post(x, x = inc(x))
 *   update(obj, key, delta, postfix)
 *                        obj[key]++ / --obj[key] ... evaluating obj once
 *   assign(obj, key, op, value)
 *                        obj[key] op= value, op one of the functions above
 *   typeOf(x)            typeof x, "bigint" for BigInts
 *   isBigInt(x)          typeof x === "bigint"
 *   truthy(x)            ToBoolean(x): false for 0n
 *   nz(x)                false for 0n, else x: `nz(a) || b` is `a || b`
 *   test(x), tested()    ToBoolean(x), keeping x when false, and that x:
 *                        `(test(a) ? b : tested())` is `a && b`
 */
'use strict';

var spec = native.spec;
var provide = spec.provide;
var setNameAndLength = spec.setNameAndLength;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var toStringValue = spec.toStringValue;

var VALUE = native.hiddenSymbol('bigintValue'); /* read through a proxy without a trap */
var MAX = 9007199254740991;

var OP_ADD = 0, OP_SUB = 1, OP_MUL = 2, OP_DIV = 3, OP_MOD = 4, OP_EXP = 5;
var OP_AND = 6, OP_OR = 7, OP_XOR = 8, OP_SHL = 9, OP_SAR = 10;
var bigintOp = native.bigintOp;
var bigintCompare = native.bigintCompare;
var bigintToString = native.bigintToString;
var bigintParse = native.bigintParse;
var bigintToNumber = native.bigintToNumber;
var bigintFromNumber = native.bigintFromNumber;
var small = [];
var freeze = Object.freeze;
var literals = Object.create(null);
var created = false; /* a BigInt or a raw JSON object exists: JSON.stringify checks */
var WHITESPACE_START = /^[\s\uFEFF]+/;
var WHITESPACE_END = /[\s\uFEFF]+$/;
var PREFIXED = /^0([xXoObB])(.*)$/;
var RADIX = { x: 16, X: 16, o: 8, O: 8, b: 2, B: 2 };

function BigIntBox(v) {
    this[VALUE] = v;
}

/* The BigInt of the canonical value v (a safe integer or a buffer). Hot:
 * in this file's functions every outer name costs a scope lookup, so the
 * hot paths use literals (1024: the interned range) and few outer names. */
function make(v) {
    if (typeof v === 'number' && v >= -1024 && v <= 1024) {
        var s = small[v + 1024];
        if (s === void 0) {
            created = true;
            s = small[v + 1024] = freeze(new BigIntBox(v === 0 ? 0 : v));
        }
        return s;
    }
    created = true;
    return freeze(new BigIntBox(v));
}

function isBig(x) {
    return typeof x === 'object' && x !== null && x[VALUE] !== void 0;
}

function thisBigIntValue(x, what) {
    if (!isBig(x)) {
        throw new TypeError('BigInt.prototype.' + what + ' requires that \'this\' be a BigInt');
    }
    return x;
}

/* StringToBigInt (§7.1.14): the value, or undefined for a bad string. */
function stringToValue(str) {
    var s = str.replace(WHITESPACE_START, '').replace(WHITESPACE_END, '');
    if (s === '') {
        return 0;
    }
    var m = PREFIXED.exec(s);
    if (m !== null) {
        return bigintParse(m[2], RADIX[m[1]], false);
    }
    var negative = false;
    var c = s.charAt(0);
    if (c === '+' || c === '-') {
        negative = c === '-';
        s = s.slice(1);
    }
    return bigintParse(s, 10, negative);
}

function valueOfNumber(n) {
    if (n !== n || n === Infinity || n === -Infinity || Math.floor(n) !== n) {
        throw new RangeError('The number ' + n + ' cannot be converted to a BigInt because it is not an integer');
    }
    return bigintFromNumber(n);
}

/* OrdinaryToPrimitive and @@toPrimitive, with BigInts as primitives. */
function toPrimitive(x, hint) {
    if (typeof x !== 'object' && typeof x !== 'function' || x === null || x[VALUE] !== void 0) {
        return x;
    }
    var exotic = x[Symbol.toPrimitive];
    var result;
    if (exotic !== void 0 && exotic !== null) {
        if (typeof exotic !== 'function') {
            throw new TypeError('Symbol.toPrimitive is not a function');
        }
        result = exotic.call(x, hint);
        if (typeof result !== 'object' && typeof result !== 'function' || result === null || isBig(result)) {
            return result;
        }
        throw new TypeError('Cannot convert object to primitive value');
    }
    if (hint === 'default' && x instanceof Date) {
        hint = 'string';
    }
    var order = hint === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString'];
    for (var i = 0; i < 2; i++) {
        var method = x[order[i]];
        if (typeof method === 'function') {
            result = method.call(x);
            if (typeof result !== 'object' && typeof result !== 'function' || result === null || isBig(result)) {
                return result;
            }
        }
    }
    throw new TypeError('Cannot convert object to primitive value');
}

/* ToBigInt (§7.1.13). */
function toBigInt(x) {
    var p = toPrimitive(x, 'number');
    switch (typeof p) {
    case 'boolean':
        return make(p ? 1 : 0);
    case 'string':
        var v = stringToValue(p);
        if (v === void 0) {
            throw new SyntaxError('Cannot convert ' + p + ' to a BigInt');
        }
        return make(v);
    case 'object':
        if (p !== null) {
            return p;
        }
        break;
    case 'number':
        throw new TypeError('Cannot convert ' + p + ' to a BigInt');
    case 'symbol':
        throw new TypeError('Cannot convert a Symbol value to a BigInt');
    }
    throw new TypeError('Cannot convert ' + p + ' to a BigInt');
}

/* ToNumeric: a BigInt or a number. */
function toNumeric(x) {
    if (typeof x === 'number') {
        return x;
    }
    var p = toPrimitive(x, 'number');
    return isBig(p) ? p : Number(p);
}

function mixError() {
    return new TypeError('Cannot mix BigInt and other types, use explicit conversions');
}

function toNumberValue(v) {
    return typeof v === 'number' ? v : bigintToNumber(v);
}

/* Digits of the value v in radix 2..36. */
function digits(v, radix) {
    if (typeof v === 'number' && radix === 10) {
        return String(v);
    }
    return bigintToString(v, radix);
}

function BigInt(value) {
    if (this instanceof BigInt && !isBig(this)) {
        throw new TypeError('BigInt is not a constructor');
    }
    if (typeof value === 'number' && value <= MAX && value >= -MAX && Math.floor(value) === value) {
        return make(value);
    }
    var prim = toPrimitive(value, 'number');
    if (typeof prim === 'number') {
        return make(valueOfNumber(prim));
    }
    return toBigInt(prim);
}
var BigIntPrototype = BigInt.prototype;
BigIntBox.prototype = BigIntPrototype;

/* ToNumber: a TypeError for BigInts, as the spec's ToIndex and
 * ToIntegerOrInfinity need (+b would give the number). */
function toNumber(x) {
    if (typeof x === 'number') {
        return x;
    }
    var p = toPrimitive(x, 'number');
    if (isBig(p)) {
        throw new TypeError('Cannot convert a BigInt value to a number');
    }
    return +p;
}

/* ToIndex; the RangeError names what the value is, when given */
function toIndex(value, what) {
    var n = toIntegerOrInfinity(toNumber(value));
    if (n < 0 || n > MAX) {
        throw new RangeError(what !== void 0 ? 'Invalid ' + what : 'Invalid value: not (convertible to) a safe integer');
    }
    return n;
}

function asIntN(bits, bigint) {
    bits = toIndex(bits);
    return make(native.bigintAsN(bits, toBigInt(bigint)[VALUE], true));
}

function asUintN(bits, bigint) {
    bits = toIndex(bits);
    return make(native.bigintAsN(bits, toBigInt(bigint)[VALUE], false));
}

function toString(radix) {
    var x = thisBigIntValue(this, 'toString');
    var r = 10;
    if (radix !== void 0) {
        r = toIntegerOrInfinity(toNumber(radix));
        if (r < 2 || r > 36) {
            throw new RangeError('toString() radix must be between 2 and 36');
        }
    }
    return digits(x[VALUE], r);
}

/* Without Intl: the en-US format of ECMA-402 (grouped digits, and the
 * minimumFractionDigits zeros), as Number.prototype.toLocaleString does
 * here; other locales get the same. */
function toLocaleString(locales, options) {
    var text = digits(thisBigIntValue(this, 'toLocaleString')[VALUE], 10);
    var sign = text.charAt(0) === '-' ? '-' : '';
    var whole = sign ? text.slice(1) : text;
    var grouped = '';
    for (var i = whole.length; i > 0; i -= 3) {
        grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? ',' + grouped : '');
    }
    var o = options !== null && typeof options === 'object' ? options : {};
    var minFrac = o.minimumFractionDigits === void 0 ? 0 : toIntegerOrInfinity(o.minimumFractionDigits);
    if (!(minFrac >= 0 && minFrac <= 100)) {
        throw new RangeError('minimumFractionDigits value is out of range.');
    }
    return sign + grouped + (minFrac > 0 ? '.' + new Array(minFrac + 1).join('0') : '');
}

function valueOf() {
    return thisBigIntValue(this, 'valueOf');
}

function toPrimitiveMethod(hint) {
    var x = thisBigIntValue(this, '[Symbol.toPrimitive]');
    return hint === 'number' ? toNumberValue(x[VALUE]) : digits(x[VALUE], 10);
}

provide(BigInt, [['asIntN', asIntN, 2], ['asUintN', asUintN, 2]]);
provide(BigIntPrototype, [
    ['toString', toString, 0], ['toLocaleString', toLocaleString, 0], ['valueOf', valueOf, 0]
]);
setNameAndLength(toPrimitiveMethod, '[Symbol.toPrimitive]', 1);
Object.defineProperty(BigIntPrototype, Symbol.toPrimitive, {
    value: toPrimitiveMethod, writable: false, enumerable: false, configurable: true
});
Object.defineProperty(BigIntPrototype, Symbol.toStringTag, {
    value: 'BigInt', writable: false, enumerable: false, configurable: true
});
Object.defineProperty(BigInt, 'prototype', { writable: false, enumerable: false, configurable: false });
native.defineGlobal('BigInt', BigInt);

/* --- JSON.stringify: a BigInt without BigInt.prototype.toJSON is a
 * TypeError (§25.5.2.2 step 10), checked by a replacer that wraps the
 * caller's; once a proxy has been made, the same replacer hands a proxy's
 * properties as its traps give them (spec.proxyJSON, js/17-proxy.js). Until the heap has made its first BigInt
 * or raw JSON object there is nothing to
 * check and the engine's fast path is kept; after that, plain data (C
 * looks: no toJSON, getter, proxy, BigInt or raw JSON object on the way, see
 * lib/duk_hooks.h) without a replacer function keeps it too, as a
 * replacer called for every value costs some ten times the encoding.
 *
 * JSON.rawJSON(text) and JSON.isRawJSON(value) (JSON.parse source text
 * access, ES2026): a raw JSON object is a frozen object of no prototype
 * whose own `rawJSON` is its text, branded by the hidden RAW (the same
 * text), which a proxy of one does not have. Once one exists (rawMade),
 * the replacer also hands the engine's encoder a placeholder for each
 * (native.jsonRawValue, lib/duk_hooks.h: after toJSON and the caller's
 * replacer, as SerializeJSONProperty asks), and native.jsonRawInsert
 * puts the texts in their places in the encoder's result. */
var nativeStringify = JSON.stringify;
var nativeParse = JSON.parse;
var jsonPlain = native.jsonPlain;
var jsonRawValue = native.jsonRawValue;
var jsonRawInsert = native.jsonRawInsert;
var jsonGap = native.jsonGap;
var isProxy = native.isProxy;
var hasOwn = Object.prototype.hasOwnProperty;
var objectCreate = Object.create;
var RAW = native.hiddenSymbol('rawJSON');
var rawMade = false;

function checkedReplacer(replacer, raws) {
    var allowed = null;
    var list = null; /* the PropertyList, in its order */
    if (Array.isArray(replacer)) {
        allowed = Object.create(null);
        list = [];
        for (var i = 0; i < replacer.length; i++) {
            var item = replacer[i];
            if (typeof item === 'string' || typeof item === 'number' ||
                    item instanceof String || item instanceof Number) {
                if (allowed[String(item)] !== true) {
                    list.push(String(item));
                }
                allowed[String(item)] = true;
            }
        }
        replacer = null;
    }
    return function (key, value) {
        if (allowed !== null && key !== '' && !Array.isArray(this) && !(key in allowed)) {
            return void 0;
        }
        if (typeof replacer === 'function') {
            value = replacer.call(this, key, value);
        }
        if (raws !== null) {
            value = jsonRawValue(value, raws);
        }
        if (isBig(value)) {
            throw new TypeError('Do not know how to serialize a BigInt');
        }
        return spec.proxyJSON !== void 0 && typeof value === 'object' && value !== null ? spec.proxyJSON(value, list)
            : value;
    };
}

function stringify(value, replacer, space) {
    if ((!created && spec.proxyJSON === void 0) ||
            (typeof replacer !== 'function' && jsonPlain(value, BigIntPrototype))) {
        return nativeStringify(value, replacer, space);
    }
    return rawMade ? rawStringify(value, replacer, space)
        : nativeStringify(value, checkedReplacer(replacer, null), space);
}

/* The encoder's gap is as many spaces as the gap has characters, its text
 * the placeholders' (see native.jsonRawInsert). Apart from stringify,
 * whose call clears a register for each of its variables. */
function rawStringify(value, replacer, space) {
    var raws = [];
    var checked = checkedReplacer(replacer, raws);
    var gap = jsonGap(space);
    var text = nativeStringify(value, checked, gap.length);
    return text === void 0 ? text : jsonRawInsert(text, raws, gap);
}
setNameAndLength(stringify, 'stringify', 3);
Object.defineProperty(JSON, 'stringify', { value: stringify, writable: true, enumerable: false, configurable: true });

/* JSON.rawJSON(text): the text of a JSON primitive value (no object or
 * array, no white space around it) as a raw JSON object. */
function rawJSON(text) {
    var jsonString = toStringValue(text);
    var first = jsonString.charCodeAt(0);
    var last = jsonString.charCodeAt(jsonString.length - 1);
    if (jsonString === '' || first === 0x7b || first === 0x5b || first === 0x09 || first === 0x0a ||
            first === 0x0d || first === 0x20 || last === 0x09 || last === 0x0a || last === 0x0d || last === 0x20) {
        throw new SyntaxError('Invalid value for JSON.rawJSON');
    }
    nativeParse(jsonString); /* a SyntaxError unless it is JSON text */
    var obj = objectCreate(null);
    obj.rawJSON = jsonString;
    obj[RAW] = jsonString;
    created = true;
    rawMade = true;
    return freeze(obj);
}

/* JSON.isRawJSON(O): whether O has [[IsRawJSON]]. */
function isRawJSON(value) {
    return typeof value === 'object' && value !== null && value[RAW] !== void 0 && !isProxy(value) &&
        hasOwn.call(value, RAW);
}
provide(JSON, [['rawJSON', rawJSON, 1], ['isRawJSON', isRawJSON, 1]]);

/* JSON.parse(text, reviver) with a reviver function (§25.5.1, with the
 * steps of JSON.parse source text access): the engine parses, then a scan
 * of the text beside the result makes the parse records (the source text
 * of each primitive value, which the reviver gets as context.source while
 * the value is still the one parsed), and InternalizeJSONProperty runs
 * here, defining and deleting as the spec does (CreateDataProperty and
 * [[Delete]], whose failures are ignored). Without a reviver, JSON.parse
 * is the engine's parser, called in place (native.jsonParseRevive). */
var reflectDefineProperty = Reflect.defineProperty;
var reflectDeleteProperty = Reflect.deleteProperty;
var objectKeys = Object.keys;
var isArray = Array.isArray;
var defineData = native.defineData;
var toLength = spec.toLength;

/* A JSON Parse Record: the value parsed, the source text of a primitive,
 * the records of an array's elements (an array) or of an object's
 * members (by key, the last of a duplicated key). */
function ParseRecord(value, source, children) {
    this.value = value;
    this.source = source;
    this.children = children;
}

function skipJSONSpace(text, at) {
    var c = text.charCodeAt(at);
    while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        c = text.charCodeAt(++at);
    }
    return at;
}

/* The end of the string literal opening at text[at]: after the first '"'
 * that an even number of backslashes precedes. */
function jsonStringEnd(text, at) {
    for (;;) {
        at = text.indexOf('"', at + 1);
        var b = at - 1;
        while (text.charCodeAt(b) === 0x5c) {
            b--;
        }
        if ((at - 1 - b) % 2 === 0) {
            return at + 1;
        }
    }
}

/* The end of the number or literal at text[at]. */
function jsonPrimitiveEnd(text, at) {
    var c = text.charCodeAt(at);
    while (at < text.length && c !== 0x2c && c !== 0x5d && c !== 0x7d && c !== 0x20 && c !== 0x09 &&
            c !== 0x0a && c !== 0x0d) {
        c = text.charCodeAt(++at);
    }
    return at;
}

function jsonMember(value, key) {
    return typeof value === 'object' && value !== null ? value[key] : void 0;
}

/* The parse record of the JSON value at state.at in text (valid JSON: the
 * engine parsed it), which parsed to value; moves state.at past it. */
function parseRecord(text, state, value) {
    var at = skipJSONSpace(text, state.at);
    var c = text.charCodeAt(at);
    var children;
    if (c === 0x5b) {
        children = [];
        at = skipJSONSpace(text, at + 1);
        for (var i = 0; text.charCodeAt(at) !== 0x5d; i++) {
            state.at = at;
            children.push(parseRecord(text, state, jsonMember(value, i)));
            at = skipJSONSpace(text, state.at);
            if (text.charCodeAt(at) === 0x2c) {
                at++;
            }
        }
    } else if (c === 0x7b) {
        children = objectCreate(null);
        at = skipJSONSpace(text, at + 1);
        while (text.charCodeAt(at) !== 0x7d) {
            var keyEnd = jsonStringEnd(text, at);
            var key = nativeParse(text.substring(at, keyEnd));
            state.at = skipJSONSpace(text, keyEnd) + 1;
            children[key] = parseRecord(text, state, jsonMember(value, key));
            at = skipJSONSpace(text, state.at);
            if (text.charCodeAt(at) === 0x2c) {
                at = skipJSONSpace(text, at + 1);
            }
        }
    } else {
        state.at = c === 0x22 ? jsonStringEnd(text, at) : jsonPrimitiveEnd(text, at);
        return new ParseRecord(value, text.substring(at, state.at), null);
    }
    state.at = at + 1;
    return new ParseRecord(value, void 0, children);
}

/* One member of an object or array: its revived value replaces it, or
 * its undefined deletes it (InternalizeJSONProperty's steps 2.b and 2.c). */
function reviveMember(val, key, reviver, record) {
    var element = internalize(val, key, reviver, record);
    if (element === void 0) {
        reflectDeleteProperty(val, key);
    } else {
        reflectDefineProperty(val, key, { value: element, writable: true, enumerable: true, configurable: true });
    }
}

/* InternalizeJSONProperty(holder, name, reviver, parseRecord). */
function internalize(holder, name, reviver, record) {
    var val = holder[name];
    var context = {};
    var children = null;
    if (record !== null && objectIs(record.value, val)) {
        if (record.children === null) {
            defineData(context, 'source', record.source, 7);
        }
        children = record.children;
    }
    if ((typeof val === 'object' && val !== null) || typeof val === 'function') {
        if (isArray(val)) {
            var len = toLength(val.length);
            for (var i = 0; i < len; i++) {
                reviveMember(val, '' + i, reviver, children !== null && i < children.length ? children[i] : null);
            }
        } else {
            var keys = objectKeys(val);
            for (var k = 0; k < keys.length; k++) {
                var key = keys[k];
                reviveMember(val, key, reviver, children !== null && hasOwn.call(children, key) ? children[key] : null);
            }
        }
    }
    return reviver.call(holder, name, val, context);
}

function parseWithReviver(text, reviver) {
    var jsonString = toStringValue(text);
    var unfiltered = nativeParse(jsonString);
    var root = {};
    defineData(root, '', unfiltered, 7);
    return internalize(root, '', reviver, parseRecord(jsonString, { at: 0 }, unfiltered));
}

native.jsonParseRevive(parseWithReviver);

/* --- The operations of lowered code. */

function arith(op, a, b) {
    a = toNumeric(a);
    b = toNumeric(b);
    var ab = isBig(a), bb = isBig(b);
    if (!ab && !bb) {
        switch (op) {
        case OP_ADD: return a + b;
        case OP_SUB: return a - b;
        case OP_MUL: return a * b;
        case OP_DIV: return a / b;
        case OP_MOD: return a % b;
        case OP_EXP: return Math.pow(a, b);
        case OP_AND: return a & b;
        case OP_OR: return a | b;
        case OP_XOR: return a ^ b;
        case OP_SHL: return a << b;
        default: return a >> b;
        }
    }
    if (ab !== bb) {
        throw mixError();
    }
    return both(op, a, b);
}

/* op on two safe integers when the result is exact and safe, else NaN. */
function fastArith(op, x, y) {
    var r = NaN;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV:
        if (y !== 0) {
            r = (x - x % y) / y;
        }
        break;
    case OP_MOD:
        if (y !== 0) {
            r = x % y;
        }
        break;
    case OP_AND:
    case OP_OR:
    case OP_XOR:
        if ((x | 0) === x && (y | 0) === y) {
            r = op === OP_AND ? x & y : op === OP_OR ? x | y : x ^ y;
        }
        break;
    case OP_SHL:
    case OP_SAR:
        if (y > -64 && y < 64) {
            if ((op === OP_SHL) === (y >= 0)) {
                r = x * Math.pow(2, y < 0 ? -y : y);
            } else {
                r = Math.floor(x / Math.pow(2, y < 0 ? -y : y));
            }
        }
        break;
    }
    return r <= MAX && r >= -MAX ? r : NaN;
}

/* The operation on two BigInts. */
function both(op, a, b) {
    var x = a[VALUE], y = b[VALUE];
    if (typeof x === 'number' && typeof y === 'number') {
        var r = fastArith(op, x, y);
        if (r === r) {
            return make(r);
        }
    }
    return make(bigintOp(op, x, y));
}

/* The common cases come first and call nothing: two numbers, two BigInts. */
function add(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a + b;
    }
    var key = VALUE;
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[key] !== void 0 && b[key] !== void 0) {
        var x = a[key], y = b[key];
        if (typeof x === 'number' && typeof y === 'number') {
            var r = x + y;
            if (r <= 9007199254740991 && r >= -9007199254740991) {
                return make(r);
            }
        }
        return make(bigintOp(0, x, y));
    }
    if (!isBig(a) && !isBig(b)) {
        return a + b;
    }
    a = toPrimitive(a, 'default');
    b = toPrimitive(b, 'default');
    if (typeof a === 'string' || typeof b === 'string') {
        return (typeof a === 'string' ? a : String(a)) + (typeof b === 'string' ? b : String(b));
    }
    return arith(OP_ADD, a, b);
}

function sub(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a - b;
    }
    var key = VALUE;
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[key] !== void 0 && b[key] !== void 0) {
        var x = a[key], y = b[key];
        if (typeof x === 'number' && typeof y === 'number') {
            var r = x - y;
            if (r <= 9007199254740991 && r >= -9007199254740991) {
                return make(r);
            }
        }
        return make(bigintOp(1, x, y));
    }
    if (!isBig(a) && !isBig(b)) {
        return a - b;
    }
    return arith(OP_SUB, a, b);
}

function mul(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a * b;
    }
    var key = VALUE;
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[key] !== void 0 && b[key] !== void 0) {
        var x = a[key], y = b[key];
        if (typeof x === 'number' && typeof y === 'number') {
            var r = x * y;
            if (r <= 9007199254740991 && r >= -9007199254740991) {
                return make(r);
            }
        }
        return make(bigintOp(2, x, y));
    }
    if (!isBig(a) && !isBig(b)) {
        return a * b;
    }
    return arith(OP_MUL, a, b);
}

function div(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a / b;
    }
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[VALUE] !== void 0 && b[VALUE] !== void 0) {
        return both(OP_DIV, a, b);
    }
    if (!isBig(a) && !isBig(b)) {
        return a / b;
    }
    return arith(OP_DIV, a, b);
}

function mod(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a % b;
    }
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[VALUE] !== void 0 && b[VALUE] !== void 0) {
        return both(OP_MOD, a, b);
    }
    if (!isBig(a) && !isBig(b)) {
        return a % b;
    }
    return arith(OP_MOD, a, b);
}

function binary(op, plain) {
    return function (a, b) {
        if (!isBig(a) && !isBig(b)) {
            return plain(a, b);
        }
        return arith(op, a, b);
    };
}

var exp = binary(OP_EXP, function (a, b) { return Math.pow(+a, +b); });
var and = binary(OP_AND, function (a, b) { return a & b; });
var or = binary(OP_OR, function (a, b) { return a | b; });
var xor = binary(OP_XOR, function (a, b) { return a ^ b; });
var shl = binary(OP_SHL, function (a, b) { return a << b; });
var sar = binary(OP_SAR, function (a, b) { return a >> b; });

function shr(a, b) {
    if (!isBig(a) && !isBig(b)) {
        return a >>> b;
    }
    a = toNumeric(a);
    b = toNumeric(b);
    if (isBig(a) !== isBig(b)) {
        throw mixError();
    }
    if (isBig(a)) {
        throw new TypeError('BigInts have no unsigned right shift, use >> instead');
    }
    return a >>> b;
}

function neg(x) {
    if (typeof x === 'number') {
        return -x;
    }
    x = toNumeric(x);
    if (!isBig(x)) {
        return -x;
    }
    var v = x[VALUE];
    return make(typeof v === 'number' ? -v : bigintOp(OP_SUB, 0, v));
}

function not(x) {
    if (typeof x === 'number') {
        return ~x;
    }
    x = toNumeric(x);
    if (!isBig(x)) {
        return ~x;
    }
    return arith(OP_SUB, neg(x), make(1));
}

function pos(x) {
    if (isBig(x)) {
        throw new TypeError('Cannot convert a BigInt value to a number');
    }
    return +x;
}

function inc(x) {
    x = toNumeric(x);
    return isBig(x) ? arith(OP_ADD, x, make(1)) : x + 1;
}

function dec(x) {
    x = toNumeric(x);
    return isBig(x) ? arith(OP_SUB, x, make(1)) : x - 1;
}

function post(old) {
    return toNumeric(old);
}

function update(obj, key, delta, postfix) {
    var old = toNumeric(obj[key]);
    var now = delta > 0 ? inc(old) : dec(old);
    obj[key] = now;
    return postfix ? old : now;
}

function assign(obj, key, op, value) {
    return (obj[key] = op(obj[key], value));
}

/* Compares the BigInt value x with the number n: -1, 0, 1, or undefined for NaN. */
function compareWithNumber(x, n) {
    if (n !== n) {
        return void 0;
    }
    if (typeof x === 'number') {
        return x < n ? -1 : x > n ? 1 : 0;
    }
    if (n > -MAX && n < MAX) {
        return bigintCompare(x, 0);
    }
    if (n === Infinity || n === -Infinity) {
        return n > 0 ? -1 : 1;
    }
    return bigintCompare(x, bigintFromNumber(n));
}

/* IsLessThan (§7.2.13) with the operands already primitive: true, false or
 * undefined. */
function lessThan(px, py) {
    if (typeof px === 'string' && typeof py === 'string') {
        return px < py;
    }
    var x, y;
    if (isBig(px) && typeof py === 'string') {
        y = stringToValue(py);
        return y === void 0 ? void 0 : bigintCompare(px[VALUE], y) < 0;
    }
    if (typeof px === 'string' && isBig(py)) {
        x = stringToValue(px);
        return x === void 0 ? void 0 : bigintCompare(x, py[VALUE]) < 0;
    }
    px = toNumeric(px);
    py = toNumeric(py);
    var bx = isBig(px), by = isBig(py);
    if (!bx && !by) {
        return px !== px || py !== py ? void 0 : px < py;
    }
    if (bx && by) {
        x = px[VALUE];
        y = py[VALUE];
        return typeof x === 'number' && typeof y === 'number' ? x < y : bigintCompare(x, y) < 0;
    }
    var c = bx ? compareWithNumber(px[VALUE], py) : compareWithNumber(py[VALUE], px);
    if (c === void 0) {
        return void 0;
    }
    return bx ? c < 0 : c > 0;
}

function lt(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a < b;
    }
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[VALUE] !== void 0 && b[VALUE] !== void 0) {
        var x = a[VALUE], y = b[VALUE];
        return typeof x === 'number' && typeof y === 'number' ? x < y : bigintCompare(x, y) < 0;
    }
    if (!isBig(a) && !isBig(b)) {
        return a < b;
    }
    var pa = toPrimitive(a, 'number');
    return lessThan(pa, toPrimitive(b, 'number')) === true;
}

function gt(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a > b;
    }
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[VALUE] !== void 0 && b[VALUE] !== void 0) {
        var x = a[VALUE], y = b[VALUE];
        return typeof x === 'number' && typeof y === 'number' ? x > y : bigintCompare(x, y) > 0;
    }
    if (!isBig(a) && !isBig(b)) {
        return a > b;
    }
    var pa = toPrimitive(a, 'number');
    return lessThan(toPrimitive(b, 'number'), pa) === true;
}

function le(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a <= b;
    }
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[VALUE] !== void 0 && b[VALUE] !== void 0) {
        var x = a[VALUE], y = b[VALUE];
        return typeof x === 'number' && typeof y === 'number' ? x <= y : bigintCompare(x, y) <= 0;
    }
    if (!isBig(a) && !isBig(b)) {
        return a <= b;
    }
    var pa = toPrimitive(a, 'number');
    return lessThan(toPrimitive(b, 'number'), pa) === false;
}

function ge(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a >= b;
    }
    if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null &&
            a[VALUE] !== void 0 && b[VALUE] !== void 0) {
        var x = a[VALUE], y = b[VALUE];
        return typeof x === 'number' && typeof y === 'number' ? x >= y : bigintCompare(x, y) >= 0;
    }
    if (!isBig(a) && !isBig(b)) {
        return a >= b;
    }
    var pa = toPrimitive(a, 'number');
    return lessThan(pa, toPrimitive(b, 'number')) === false;
}

function sameBig(x, y) {
    return x === y || (typeof x !== 'number' && typeof y !== 'number' && bigintCompare(x, y) === 0);
}

/* IsLooselyEqual (§7.2.14) where x is a BigInt. */
function looseBig(x, y) {
    for (;;) {
        if (isBig(y)) {
            return sameBig(x[VALUE], y[VALUE]);
        }
        switch (typeof y) {
        case 'number':
            return compareWithNumber(x[VALUE], y) === 0;
        case 'string':
            var v = stringToValue(y);
            return v !== void 0 && sameBig(x[VALUE], v);
        case 'boolean':
            return sameBig(x[VALUE], y ? 1 : 0);
        case 'object':
        case 'function':
            if (y === null) {
                return false;
            }
            y = toPrimitive(y, 'default');
            break;
        default:
            return false;
        }
    }
}

function eq(a, b) {
    if (isBig(a)) {
        return looseBig(a, b);
    }
    if (isBig(b)) {
        return looseBig(b, a);
    }
    return a == b;
}

function seq(a, b) {
    if (a === b) {
        return true;
    }
    return isBig(a) && isBig(b) && sameBig(a[VALUE], b[VALUE]);
}

function typeOf(x) {
    var t = typeof x;
    return t === 'object' && x !== null && x[VALUE] !== void 0 ? 'bigint' : t;
}

/* A literal's text without its "n": decimal, 0x, 0o or 0b. */
function lit(text) {
    var b = literals[text];
    if (b === void 0) {
        var v = stringToValue(text);
        if (v === void 0 || text === '' || /^\s|\s$|^[+-]/.test(text)) {
            throw new SyntaxError('Invalid BigInt literal ' + text + 'n');
        }
        b = literals[text] = make(v);
    }
    return b;
}

/* ToBoolean: a BigInt is false when it is 0n (its value is then the number
 * 0), as everything else is as JavaScript has it. */
function truthy(x) {
    return typeof x === 'object' && x !== null && x[VALUE] !== void 0 ? x[VALUE] !== 0 : !!x;
}

/* For `a || b` used as a value: false for 0n (so b is taken), else a. */
function nz(x) {
    return typeof x === 'object' && x !== null && x[VALUE] === 0 ? false : x;
}

/* For `a && b` used as a value, written (test(a) ? b : tested()): whether a
 * is true; a false a is kept until tested() gives it back, which the
 * conditional calls at once. */
var testedValue;
function test(x) {
    if (typeof x === 'object' && x !== null && x[VALUE] !== void 0 ? x[VALUE] !== 0 : !!x) {
        return true;
    }
    testedValue = x;
    return false;
}

function tested() {
    var x = testedValue;
    testedValue = void 0;
    return x;
}

var operations = {
    lit: lit,
    add: add, sub: sub, mul: mul, div: div, mod: mod, exp: exp,
    and: and, or: or, xor: xor, shl: shl, sar: sar, shr: shr,
    lt: lt, le: le, gt: gt, ge: ge,
    eq: eq, ne: function (a, b) { return !eq(a, b); },
    seq: seq, sne: function (a, b) { return !seq(a, b); },
    neg: neg, not: not, pos: pos, inc: inc, dec: dec, post: post, update: update, assign: assign,
    typeOf: typeOf, isBigInt: isBig, truthy: truthy, nz: nz, test: test, tested: tested
};
native.defineGlobal('__fcw_bigint', Object.freeze(operations));

/* --- The spec's equality algorithms compare BigInts by value: Object.is
 * (SameValue) and the Array searches (IsStrictlyEqual, SameValueZero).
 * Searches for anything but a BigInt go straight to the original. */
var nativeObjectIs = Object.is;
var arraySearches = { indexOf: true, lastIndexOf: true, includes: true };

function objectIs(a, b) {
    return nativeObjectIs(a, b) || isBig(a) && isBig(b) && sameBig(a[VALUE], b[VALUE]);
}
setNameAndLength(objectIs, 'is', 2);
Object.defineProperty(Object, 'is', { value: objectIs, writable: true, enumerable: false, configurable: true });

function wrapSearch(name) {
    var original = Array.prototype[name];
    var fromEnd = name === 'lastIndexOf';
    var search = function (element, fromIndex) {
        if (!isBig(element)) {
            /* an undefined fromIndex is the default but for lastIndexOf
             * (reading arguments is slow in Duktape: only there) */
            return !fromEnd || arguments.length > 1 ? original.call(this, element, fromIndex) :
                original.call(this, element);
        }
        var o = spec.toObject(this, 'Array.prototype.' + name);
        var len = spec.toLength(o.length);
        var k = fromEnd ? (arguments.length > 1 ? toIntegerOrInfinity(fromIndex) : len - 1) :
            toIntegerOrInfinity(fromIndex);
        k = k < 0 ? (fromEnd ? len + k : Math.max(len + k, 0)) : (fromEnd ? Math.min(k, len - 1) : k);
        for (; fromEnd ? k >= 0 : k < len; k += fromEnd ? -1 : 1) {
            if ((name === 'includes' || k in o) && seq(o[k], element)) {
                return name === 'includes' ? true : k;
            }
        }
        return name === 'includes' ? false : -1;
    };
    /* the wrapper costs every search a JavaScript call or two: a C fast
     * path (lib/api_fastpath.c) calls Duktape's own search for a primitive
     * element and this wrapper for the rest */
    var fast = native.fastSearch(name === 'includes' ? 0 : fromEnd ? 2 : 1, search,
        fromEnd ? nativeLastIndexOf : nativeIndexOf);
    setNameAndLength(search, name, 1);
    setNameAndLength(fast, name, 1);
    Object.defineProperty(Array.prototype, name, {
        value: fast, writable: true, enumerable: false, configurable: true
    });
}
var nativeIndexOf = Array.prototype.indexOf;
var nativeLastIndexOf = Array.prototype.lastIndexOf;
for (var searchName in arraySearches) {
    wrapSearch(searchName);
}

/* The hash of a BigInt key in Map and Set (11-collections.js). */
native.bigintKey = function (key) {
    return key[VALUE] === void 0 ? void 0 : 'b' + digits(key[VALUE], 10);
};

/* Shared with 17-bigint-arrays.js. */
native.bigint = {
    VALUE: VALUE,
    make: make,
    isBig: isBig,
    seq: seq,
    toNumber: toNumber,
    toIndex: toIndex,
    toBigInt: toBigInt
};
