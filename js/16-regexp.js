// SPDX-License-Identifier: MIT
/*
 * RegExp (ES2024 §22.2) on fcworker's own engine (lib/regexp.h through
 * lib/api_regexp.c), and the String methods that take a regexp (§22.1.3:
 * match, matchAll, replace, replaceAll, search, split), dispatching through
 * Symbol.match, matchAll, replace, search and split as the spec does (the
 * symbols are defined here: Duktape has none of them, nor Symbol.species).
 *
 * RegExp.prototype stays the object Duktape's regexp literals inherit from,
 * so literals Duktape compiled itself (in these runtime files, in scripts
 * not built with fcworker-build) run on the new engine too: C adopts them
 * on first use. Every RegExp is an object of Duktape's RegExp class, so
 * Object.prototype.toString gives "[object RegExp]" for both kinds.
 *
 * exec, test and the flag accessors are C functions; replace, match with a
 * global regexp and split run their loops in C
 * (api_regexp_ops.c) when the regexp's exec is the built-in one, and take
 * the spec's general path otherwise. Every match of the built-in exec and
 * of those loops updates RegExp's legacy statics (RegExp.$1, lastMatch,
 * ...: api_regexp_statics.c); a new native match path must record too.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var isObject = spec.isObject;
var toIntegerOrInfinity = spec.toIntegerOrInfinity;
var toLength = spec.toLength;
var toStringValue = spec.toStringValue;

var NativeRegExp = global.RegExp;
var RegExpPrototype = NativeRegExp.prototype;
var nativeSplit = String.prototype.split;
var sliceString = Function.prototype.call.bind(String.prototype.slice);
var regexpCreate = native.regexpCreate;
var regexpReplace = native.regexpReplace;
var regexpMatchAll = native.regexpMatchAll;
var regexpSplit = native.regexpSplit;
var isRegExpObject = native.isRegExpObject;
var builtinExec = native.regexpExec;
var searchIndex = native.regexpSearchIndex;
var MAX_UINT32 = 4294967295;
var FLAG_LETTERS = 'dgimsuvy';
var NO_CAPTURES = [];

/* ---- well-known symbols ---- */

function wellKnownSymbol(name) {
    if (typeof Symbol[name] !== 'symbol') {
        Object.defineProperty(Symbol, name, {
            value: Symbol('Symbol.' + name), writable: false, enumerable: false, configurable: false
        });
    }
    return Symbol[name];
}

var SYMBOL_MATCH = wellKnownSymbol('match');
var SYMBOL_MATCH_ALL = wellKnownSymbol('matchAll');
var SYMBOL_REPLACE = wellKnownSymbol('replace');
var SYMBOL_SEARCH = wellKnownSymbol('search');
var SYMBOL_SPLIT = wellKnownSymbol('split');
var SYMBOL_SPECIES = wellKnownSymbol('species');

/* ---- abstract operations ---- */

function requireObject(value, what) {
    if (!isObject(value)) {
        throw new TypeError(what + ' called on a value that is not an object');
    }
    return value;
}

function requireCoercible(value, what) {
    if (value === void 0 || value === null) {
        throw new TypeError('String.prototype.' + what + ' called on null or undefined');
    }
    return value;
}

function sameValue(a, b) {
    if (a === b) {
        return a !== 0 || 1 / a === 1 / b;
    }
    return a !== a && b !== b;
}

/* IsRegExp */
function isRegExp(argument) {
    if (!isObject(argument)) {
        return false;
    }
    var matcher = argument[SYMBOL_MATCH];
    if (matcher !== void 0) {
        return !!matcher;
    }
    return isRegExpObject(argument);
}

function getMethod(value, key) {
    var fn = value[key];
    if (fn === void 0 || fn === null) {
        return void 0;
    }
    if (typeof fn !== 'function') {
        throw new TypeError(String(key.description) + ' is not a function');
    }
    return fn;
}

function speciesConstructor(O, defaultConstructor) {
    var C = O.constructor;
    if (C === void 0) {
        return defaultConstructor;
    }
    if (!isObject(C)) {
        throw new TypeError('object.constructor is not an object');
    }
    var S = C[SYMBOL_SPECIES];
    if (S === void 0 || S === null) {
        return defaultConstructor;
    }
    if (typeof S === 'function') {
        return S;
    }
    throw new TypeError('object.constructor[Symbol.species] is not a constructor');
}

function advanceStringIndex(S, index, unicode) {
    if (!unicode || index + 1 >= S.length) {
        return index + 1;
    }
    var first = S.charCodeAt(index);
    var second = S.charCodeAt(index + 1);
    return index + (first >= 0xD800 && first <= 0xDBFF && second >= 0xDC00 && second <= 0xDFFF ? 2 : 1);
}

function flagsString(bits) {
    var s = '';
    for (var i = 0; i < FLAG_LETTERS.length; i++) {
        if (bits & (1 << i)) {
            s += FLAG_LETTERS.charAt(i);
        }
    }
    return s;
}

/* Whether a flags string holds letter (not through String.prototype, which
 * a script may have changed). */
function hasFlag(flags, letter) {
    for (var i = 0; i < flags.length; i++) {
        if (flags[i] === letter) {
            return true;
        }
    }
    return false;
}

var MASK_GLOBAL = 1;
var MASK_UNICODE = 2;

/* g and u/v of a flags string, in one pass (the hot paths' flags). */
function flagMask(flags) {
    var mask = 0;
    for (var i = 0; i < flags.length; i++) {
        var c = flags[i];
        mask |= c === 'g' ? MASK_GLOBAL : c === 'u' || c === 'v' ? MASK_UNICODE : 0;
    }
    return mask;
}

function hasUnicodeFlag(flags) {
    return hasFlag(flags, 'u') || hasFlag(flags, 'v');
}

function notConstructor(name) {
    return new TypeError(name + ' is not a constructor');
}

/* RegExpCreate(P, F) */
function regExpCreate(P, F) {
    return regexpCreate(P === void 0 ? '' : toStringValue(P), F === void 0 ? '' : toStringValue(F), RegExpPrototype);
}

/* RegExpExec(R, S) */
function regExpExec(R, S) {
    return regExpExecWith(R, S, R.exec);
}

/* RegExpExec(R, S) after its Get(R, "exec") */
function regExpExecWith(R, S, exec) {
    if (typeof exec === 'function') {
        var result = exec.call(R, S);
        if (result !== null && !isObject(result)) {
            throw new TypeError('RegExp exec method returned something other than an object or null');
        }
        return result;
    }
    if (!isRegExpObject(R)) {
        throw new TypeError('RegExp exec called on an object that is not a RegExp');
    }
    return builtinExec.call(R, S);
}

/* GetSubstitution (§22.1.3.19.1); captures: strings or undefined. */
function getSubstitution(matched, str, position, captures, namedCaptures, template) {
    var dollar = template.indexOf('$');
    if (dollar < 0) {
        return template;
    }
    var result = template.slice(0, dollar);
    var m = captures.length;
    var tailPos = position + matched.length;
    var len = template.length;
    var i = dollar;
    while (i < len) {
        var c = template.charAt(i);
        if (c !== '$' || i + 1 >= len) {
            result += c;
            i += 1;
            continue;
        }
        var d = template.charAt(i + 1);
        if (d === '$') {
            result += '$';
            i += 2;
        } else if (d === '`') {
            result += str.slice(0, position);
            i += 2;
        } else if (d === '&') {
            result += matched;
            i += 2;
        } else if (d === "'") {
            result += tailPos >= str.length ? '' : str.slice(tailPos);
            i += 2;
        } else if (d >= '0' && d <= '9') {
            var e = template.charAt(i + 2);
            var digitCount = e !== '' && e >= '0' && e <= '9' ? 2 : 1;
            var index = digitCount === 2 ? +(d + e) : +d;
            if (index > m && digitCount === 2) {
                digitCount = 1;
                index = +d;
            }
            if (index >= 1 && index <= m) {
                var capture = captures[index - 1];
                result += capture === void 0 ? '' : capture;
            } else {
                result += template.slice(i, i + 1 + digitCount);
            }
            i += 1 + digitCount;
        } else if (d === '<') {
            var gt = template.indexOf('>', i);
            if (gt < 0 || namedCaptures === void 0) {
                result += '$<';
                i += 2;
            } else {
                var groupCapture = namedCaptures[template.slice(i + 2, gt)];
                if (groupCapture !== void 0) {
                    result += toStringValue(groupCapture);
                }
                i = gt + 1;
            }
        } else {
            result += '$';
            i += 1;
        }
    }
    return result;
}

/* ---- the constructor ---- */

function getPrototypeFromConstructor(C) {
    var proto = C.prototype;
    return isObject(proto) ? proto : RegExpPrototype;
}

/* An object being initialised by a lowered subclass constructor: Babel
 * (without a Reflect.construct that takes a newTarget, which Duktape lacks)
 * and TypeScript call the parent as `RegExp.apply(this, args)` and go on
 * with the object it returns. */
function isSubclassReceiver(thisArg) {
    return isObject(thisArg) && thisArg !== RegExpPrototype && RegExpPrototype.isPrototypeOf(thisArg) &&
        !isRegExpObject(thisArg);
}

function RegExp(pattern, flags) {
    var newTarget = new.target;
    var patternIsRegExp = isRegExp(pattern);
    var proto = RegExpPrototype;
    if (newTarget === void 0 && isSubclassReceiver(this)) {
        proto = Object.getPrototypeOf(this);
    } else if (newTarget === void 0) {
        newTarget = RegExp;
        if (patternIsRegExp && flags === void 0 && pattern.constructor === RegExp) {
            return pattern;
        }
    }
    var P, F;
    if (isObject(pattern) && isRegExpObject(pattern)) {
        P = native.regexpSource(pattern);
        F = flags === void 0 ? flagsString(native.regexpFlags(pattern)) : flags;
    } else if (patternIsRegExp) {
        P = pattern.source;
        F = flags === void 0 ? pattern.flags : flags;
    } else {
        P = pattern;
        F = flags;
    }
    if (newTarget !== void 0 && newTarget !== RegExp) {
        proto = getPrototypeFromConstructor(newTarget);
    }
    return regexpCreate(P === void 0 ? '' : toStringValue(P), F === void 0 ? '' : toStringValue(F), proto);
}

Object.defineProperty(RegExp, 'prototype', {
    value: RegExpPrototype, writable: false, enumerable: false, configurable: false
});
setNameAndLength(RegExp, 'RegExp', 2);
defineHidden(RegExpPrototype, 'constructor', RegExp);
Object.defineProperty(RegExp, SYMBOL_SPECIES, {
    get: function () { return this; }, enumerable: false, configurable: true
});
setNameAndLength(Object.getOwnPropertyDescriptor(RegExp, SYMBOL_SPECIES).get, 'get [Symbol.species]', 0);
/* RegExp.prototype is an ordinary object since ES2015 (Duktape's own
 * lastIndex on it is not configurable and stays) */
Reflect.deleteProperty(RegExpPrototype, 'lastIndex');

native.regexpSetup(RegExpPrototype, NativeRegExp, builtinExec);
/* RegExp.$1-$9, input, lastMatch, ...: the last match of the built-in
 * exec and of the C loops below (lib/api_regexp_statics.c) */
native.regexpStatics(RegExp);

/* RegExp.escape (ES2025 §22.2.5.1) */
var SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/';
var CONTROL_ESCAPES = { '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r' };
var OTHER_PUNCTUATORS = ',-=<>#&!%:;@~\'`"';

function hex(c, width) {
    var h = c.toString(16);
    while (h.length < width) {
        h = '0' + h;
    }
    return h;
}

function isEscapedWhiteSpace(c) {
    return c === 0x20 || c === 0xA0 || c === 0xFEFF || c === 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
        c === 0x2028 || c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000 || c === 0x0B || c === 0x0C;
}

function regExpEscape(S) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.escape');
    }
    if (typeof S !== 'string') {
        throw new TypeError('RegExp.escape requires a string');
    }
    var escaped = '';
    for (var i = 0; i < S.length; i++) {
        var ch = S[i];
        var c = S.charCodeAt(i);
        if (i === 0 && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A))) {
            escaped += '\\x' + hex(c, 2);
        } else if (SYNTAX_CHARACTERS.indexOf(ch) >= 0) {
            escaped += '\\' + ch;
        } else if (CONTROL_ESCAPES.hasOwnProperty(ch)) {
            escaped += '\\' + CONTROL_ESCAPES[ch];
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < S.length && S.charCodeAt(i + 1) >= 0xDC00 &&
                   S.charCodeAt(i + 1) <= 0xDFFF) {
            escaped += ch + S[i + 1];
            i++;
        } else if (OTHER_PUNCTUATORS.indexOf(ch) >= 0 || isEscapedWhiteSpace(c) || (c >= 0xD800 && c <= 0xDFFF)) {
            escaped += c <= 0xFF ? '\\x' + hex(c, 2) : '\\u' + hex(c, 4);
        } else {
            escaped += ch;
        }
    }
    return escaped;
}

/* ---- RegExp.prototype ---- */

function defineGetter(name, fn) {
    setNameAndLength(fn, 'get ' + name, 0);
    native.defineAccessor(RegExpPrototype, name, fn, void 0, 4); /* configurable, no setter (a new property) */
}

var getters = native.regexpGetters;
var getterNames = ['flags', 'hasIndices', 'global', 'ignoreCase', 'multiline', 'dotAll', 'source', 'sticky',
    'unicode', 'unicodeSets'];
for (var g = 0; g < getterNames.length; g++) {
    defineGetter(getterNames[g], getters[getterNames[g]]);
}

function regExpCompile(pattern, flags) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype.compile');
    }
    var O = this;
    if (!isObject(O) || !isRegExpObject(O)) {
        throw new TypeError('RegExp.prototype.compile called on an object that is not a RegExp');
    }
    var P, F;
    if (isObject(pattern) && isRegExpObject(pattern)) {
        if (flags !== void 0) {
            throw new TypeError('Cannot supply flags when constructing one RegExp from another');
        }
        P = native.regexpSource(pattern);
        F = flagsString(native.regexpFlags(pattern));
    } else {
        P = pattern;
        F = flags;
    }
    native.regexpInitialize(O, P === void 0 ? '' : toStringValue(P), F === void 0 ? '' : toStringValue(F));
    O.lastIndex = 0;
    return O;
}

function regExpToString() {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype.toString');
    }
    var R = requireObject(this, 'RegExp.prototype.toString');
    return '/' + toStringValue(R.source) + '/' + toStringValue(R.flags);
}

/* RegExp.prototype[@@match] */
function regExpMatch(string) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype[Symbol.match]');
    }
    var rx = this;
    if (rx === null || (typeof rx !== 'object' && typeof rx !== 'function')) {
        requireObject(rx, 'RegExp.prototype[Symbol.match]');
    }
    var S = typeof string === 'string' ? string : toStringValue(string);
    var flags = rx.flags;
    var mask = flagMask(typeof flags === 'string' ? flags : toStringValue(flags));
    if ((mask & MASK_GLOBAL) === 0) {
        return regExpExec(rx, S);
    }
    var fullUnicode = (mask & MASK_UNICODE) !== 0;
    rx.lastIndex = 0;
    if (rx.exec === builtinExec) {
        var fast = regexpMatchAll(rx, S, fullUnicode);
        if (fast !== void 0) {
            return fast;
        }
    }
    var A = [];
    var n = 0;
    for (;;) {
        var result = regExpExec(rx, S);
        if (result === null) {
            return n === 0 ? null : A;
        }
        var matchStr = toStringValue(result[0]);
        A[n++] = matchStr;
        if (matchStr === '') {
            rx.lastIndex = advanceStringIndex(S, toLength(rx.lastIndex), fullUnicode);
        }
    }
}

/* RegExp.prototype[@@replace] */
function regExpReplace(string, replaceValue) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype[Symbol.replace]');
    }
    var rx = this;
    if (rx === null || (typeof rx !== 'object' && typeof rx !== 'function')) {
        requireObject(rx, 'RegExp.prototype[Symbol.replace]');
    }
    var S = typeof string === 'string' ? string : toStringValue(string);
    var lengthS = S.length;
    var functionalReplace = typeof replaceValue === 'function';
    if (!functionalReplace && typeof replaceValue !== 'string') {
        replaceValue = toStringValue(replaceValue);
    }
    var flags = rx.flags;
    var mask = flagMask(typeof flags === 'string' ? flags : toStringValue(flags));
    var global = (mask & MASK_GLOBAL) !== 0;
    var fullUnicode = (mask & MASK_UNICODE) !== 0;
    if (global) {
        rx.lastIndex = 0;
    }
    if (rx.exec === builtinExec) {
        var fast = regexpReplace(rx, S, replaceValue, global, fullUnicode);
        if (fast !== void 0) {
            return fast;
        }
    }
    /* lists as plain objects, and slice bound early: the spec's algorithm
     * does not go through Array.prototype or String.prototype */
    var results = { length: 0 };
    var result;
    for (;;) {
        result = regExpExec(rx, S);
        if (result === null) {
            break;
        }
        results[results.length++] = result;
        if (!global) {
            break;
        }
        if (toStringValue(result[0]) === '') {
            rx.lastIndex = advanceStringIndex(S, toLength(rx.lastIndex), fullUnicode);
        }
    }
    var accumulated = '';
    var nextSourcePosition = 0;
    for (var r = 0; r < results.length; r++) {
        result = results[r];
        var nCaptures = Math.max(toLength(result.length) - 1, 0);
        var matched = toStringValue(result[0]);
        var position = Math.max(Math.min(toIntegerOrInfinity(result.index), lengthS), 0);
        var captures = { length: nCaptures };
        for (var n = 1; n <= nCaptures; n++) {
            var capN = result[n];
            captures[n - 1] = capN === void 0 ? capN : toStringValue(capN);
        }
        var namedCaptures = result.groups;
        var replacement;
        if (functionalReplace) {
            var args = { 0: matched, length: 1 };
            for (var k = 0; k < nCaptures; k++) {
                args[args.length++] = captures[k];
            }
            args[args.length++] = position;
            args[args.length++] = S;
            if (namedCaptures !== void 0) {
                args[args.length++] = namedCaptures;
            }
            replacement = toStringValue(Reflect.apply(replaceValue, void 0, args));
        } else {
            if (namedCaptures !== void 0) {
                namedCaptures = Object(requireCoercible(namedCaptures, 'replace'));
            }
            replacement = getSubstitution(matched, S, position, captures, namedCaptures, replaceValue);
        }
        if (position >= nextSourcePosition) {
            accumulated += sliceString(S, nextSourcePosition, position) + replacement;
            nextSourcePosition = position + matched.length;
        }
    }
    return nextSourcePosition >= lengthS ? accumulated : accumulated + sliceString(S, nextSourcePosition);
}

/* RegExp.prototype[@@search] */
function regExpSearch(string) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype[Symbol.search]');
    }
    var rx = requireObject(this, 'RegExp.prototype[Symbol.search]');
    var S = typeof string === 'string' ? string : toStringValue(string);
    var previousLastIndex = rx.lastIndex;
    /* (SameValue written out for the usual +0: hot in template engines) */
    if (previousLastIndex !== 0 || 1 / previousLastIndex < 0) {
        rx.lastIndex = 0;
    }
    var exec = rx.exec;
    var index;
    if (exec === builtinExec && isRegExpObject(rx)) {
        /* the built-in exec: only the index, without the match array */
        index = searchIndex(rx, S);
    } else {
        var result = regExpExecWith(rx, S, exec);
        index = result === null ? -1 : result.index;
    }
    var currentLastIndex = rx.lastIndex;
    if (currentLastIndex !== previousLastIndex ? !sameValue(currentLastIndex, previousLastIndex) :
        currentLastIndex === 0 && 1 / currentLastIndex !== 1 / previousLastIndex) {
        rx.lastIndex = previousLastIndex;
    }
    return index;
}

/* RegExp.prototype[@@split] */
function regExpSplit(string, limit) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype[Symbol.split]');
    }
    var rx = requireObject(this, 'RegExp.prototype[Symbol.split]');
    var S = toStringValue(string);
    var C = speciesConstructor(rx, RegExp);
    var flags = toStringValue(rx.flags);
    var unicodeMatching = hasUnicodeFlag(flags);
    var newFlags = hasFlag(flags, 'y') ? flags : flags + 'y';
    if (C === RegExp && isRegExpObject(rx) && RegExpPrototype.exec === builtinExec) {
        void rx[SYMBOL_MATCH]; /* the IsRegExp of the splitter's construction */
        return regexpSplit(rx, S, newFlags, limit === void 0 ? MAX_UINT32 : limit);
    }
    var splitter = new C(rx, newFlags);
    var A = [];
    var lengthA = 0;
    var lim = limit === void 0 ? MAX_UINT32 : limit >>> 0;
    if (lim === 0) {
        return A;
    }
    var size = S.length;
    if (size === 0) {
        if (regExpExec(splitter, S) === null) {
            A[0] = S;
        }
        return A;
    }
    var p = 0;
    var q = 0;
    while (q < size) {
        splitter.lastIndex = q;
        var z = regExpExec(splitter, S);
        var e = z === null ? p : Math.min(toLength(splitter.lastIndex), size);
        if (z === null || e === p) {
            q = advanceStringIndex(S, q, unicodeMatching);
            continue;
        }
        A[lengthA++] = S.slice(p, q);
        if (lengthA === lim) {
            return A;
        }
        p = e;
        var numberOfCaptures = Math.max(toLength(z.length) - 1, 0);
        for (var i = 1; i <= numberOfCaptures; i++) {
            A[lengthA++] = z[i];
            if (lengthA === lim) {
                return A;
            }
        }
        q = p;
    }
    A[lengthA] = S.slice(p, size);
    return A;
}

/* ---- %RegExpStringIteratorPrototype% ---- */

var ITERATING_REGEXP = Symbol('iteratingRegExp');
var ITERATED_STRING = Symbol('iteratedString');
var ITERATOR_GLOBAL = Symbol('global');
var ITERATOR_UNICODE = Symbol('unicode');
var ITERATOR_DONE = Symbol('done');

var RegExpStringIteratorPrototype = Object.create(native.IteratorPrototype);

function RegExpStringIterator(matcher, string, global, fullUnicode) {
    this[ITERATING_REGEXP] = matcher;
    this[ITERATED_STRING] = string;
    this[ITERATOR_GLOBAL] = global;
    this[ITERATOR_UNICODE] = fullUnicode;
    this[ITERATOR_DONE] = false;
}

RegExpStringIterator.prototype = RegExpStringIteratorPrototype;

function regExpStringIteratorNext() {
    if (new.target !== void 0) {
        throw notConstructor('%RegExpStringIteratorPrototype%.next');
    }
    if (!isObject(this) || this[ITERATOR_DONE] === void 0) {
        throw new TypeError('%RegExpStringIteratorPrototype%.next called on an incompatible receiver');
    }
    if (this[ITERATOR_DONE]) {
        return { value: void 0, done: true };
    }
    var R = this[ITERATING_REGEXP];
    var S = this[ITERATED_STRING];
    var match = regExpExec(R, S);
    if (match === null) {
        this[ITERATOR_DONE] = true;
        return { value: void 0, done: true };
    }
    if (!this[ITERATOR_GLOBAL]) {
        this[ITERATOR_DONE] = true;
    } else if (toStringValue(match[0]) === '') {
        R.lastIndex = advanceStringIndex(S, toLength(R.lastIndex), this[ITERATOR_UNICODE]);
    }
    return { value: match, done: false };
}

replaceMethod(RegExpStringIteratorPrototype, 'next', regExpStringIteratorNext, 'next', 0);
Object.defineProperty(RegExpStringIteratorPrototype, Symbol.toStringTag, {
    value: 'RegExp String Iterator', writable: false, enumerable: false, configurable: true
});

/* RegExp.prototype[@@matchAll] */
function regExpMatchAll(string) {
    if (new.target !== void 0) {
        throw notConstructor('RegExp.prototype[Symbol.matchAll]');
    }
    var R = requireObject(this, 'RegExp.prototype[Symbol.matchAll]');
    var S = toStringValue(string);
    var C = speciesConstructor(R, RegExp);
    var flags = toStringValue(R.flags);
    var matcher = new C(R, flags);
    matcher.lastIndex = toLength(R.lastIndex);
    return new RegExpStringIterator(matcher, S, hasFlag(flags, 'g'), hasUnicodeFlag(flags));
}

/* Installs a built-in method (which, as the spec's, has no prototype and
 * refuses `new` itself). */
function replaceMethod(target, key, fn, name, length) {
    setNameAndLength(fn, name, length);
    if (typeof fn.prototype === 'object') {
        fn.prototype = void 0;
    }
    defineHidden(target, key, fn);
}

replaceMethod(RegExpPrototype, 'exec', builtinExec, 'exec', 1);
replaceMethod(RegExpPrototype, 'test', native.regexpTest, 'test', 1);
replaceMethod(RegExpPrototype, 'toString', regExpToString, 'toString', 0);
replaceMethod(RegExpPrototype, 'compile', regExpCompile, 'compile', 2);
replaceMethod(RegExpPrototype, SYMBOL_MATCH, regExpMatch, '[Symbol.match]', 1);
replaceMethod(RegExpPrototype, SYMBOL_MATCH_ALL, regExpMatchAll, '[Symbol.matchAll]', 1);
replaceMethod(RegExpPrototype, SYMBOL_REPLACE, regExpReplace, '[Symbol.replace]', 2);
replaceMethod(RegExpPrototype, SYMBOL_SEARCH, regExpSearch, '[Symbol.search]', 1);
replaceMethod(RegExpPrototype, SYMBOL_SPLIT, regExpSplit, '[Symbol.split]', 2);

/* ---- String.prototype ---- */

/* StringIndexOf */
function stringIndexOf(string, searchValue, fromIndex) {
    return fromIndex > string.length ? -1 : string.indexOf(searchValue, fromIndex);
}

function stringMatch(regexp) {
    if (new.target !== void 0) {
        throw notConstructor('String.prototype.match');
    }
    var O = this;
    if (O === void 0 || O === null) {
        requireCoercible(O, 'match');
    }
    if (regexp !== null && (typeof regexp === 'object' || typeof regexp === 'function')) {
        var matcher = getMethod(regexp, SYMBOL_MATCH);
        if (matcher !== void 0) {
            return matcher.call(regexp, O);
        }
    }
    var S = toStringValue(O);
    return regExpCreate(regexp, void 0)[SYMBOL_MATCH](S);
}

function requireGlobalFlags(regexp, what) {
    var flags = regexp.flags;
    if (flags === void 0 || flags === null) {
        throw new TypeError(what + ': the RegExp flags are null or undefined');
    }
    if (!hasFlag(toStringValue(flags), 'g')) {
        throw new TypeError(what + ' must be called with a global RegExp');
    }
}

function stringMatchAll(regexp) {
    if (new.target !== void 0) {
        throw notConstructor('String.prototype.matchAll');
    }
    var O = requireCoercible(this, 'matchAll');
    if (isObject(regexp)) {
        if (isRegExp(regexp)) {
            requireGlobalFlags(regexp, 'String.prototype.matchAll');
        }
        var matcher = getMethod(regexp, SYMBOL_MATCH_ALL);
        if (matcher !== void 0) {
            return matcher.call(regexp, O);
        }
    }
    var S = toStringValue(O);
    return regExpCreate(regexp, 'g')[SYMBOL_MATCH_ALL](S);
}

function stringReplace(searchValue, replaceValue) {
    if (new.target !== void 0) {
        throw notConstructor('String.prototype.replace');
    }
    var O = this;
    if (O === void 0 || O === null) {
        requireCoercible(O, 'replace');
    }
    if (searchValue !== null && (typeof searchValue === 'object' || typeof searchValue === 'function')) {
        var replacer = searchValue[SYMBOL_REPLACE];
        if (replacer !== void 0 && replacer !== null) {
            if (typeof replacer !== 'function') {
                throw new TypeError('Symbol.replace is not a function');
            }
            return replacer.call(searchValue, O, replaceValue);
        }
    }
    var string = typeof O === 'string' ? O : toStringValue(O);
    var searchString = typeof searchValue === 'string' ? searchValue : toStringValue(searchValue);
    var functionalReplace = typeof replaceValue === 'function';
    if (!functionalReplace && typeof replaceValue !== 'string') {
        replaceValue = toStringValue(replaceValue);
    }
    var position = string.indexOf(searchString);
    if (position < 0) {
        return string;
    }
    var replacement = functionalReplace ?
        toStringValue(replaceValue(searchString, position, string)) :
        replaceValue.indexOf('$') < 0 ? replaceValue :
        getSubstitution(searchString, string, position, NO_CAPTURES, void 0, replaceValue);
    return string.slice(0, position) + replacement + string.slice(position + searchString.length);
}

function stringReplaceAll(searchValue, replaceValue) {
    if (new.target !== void 0) {
        throw notConstructor('String.prototype.replaceAll');
    }
    var O = requireCoercible(this, 'replaceAll');
    if (isObject(searchValue)) {
        if (isRegExp(searchValue)) {
            requireGlobalFlags(searchValue, 'String.prototype.replaceAll');
        }
        var replacer = getMethod(searchValue, SYMBOL_REPLACE);
        if (replacer !== void 0) {
            return replacer.call(searchValue, O, replaceValue);
        }
    }
    var string = toStringValue(O);
    var searchString = toStringValue(searchValue);
    var functionalReplace = typeof replaceValue === 'function';
    if (!functionalReplace) {
        replaceValue = toStringValue(replaceValue);
    }
    var searchLength = searchString.length;
    var advanceBy = Math.max(1, searchLength);
    var positions = [];
    var position = stringIndexOf(string, searchString, 0);
    while (position >= 0) {
        positions[positions.length] = position;
        position = stringIndexOf(string, searchString, position + advanceBy);
    }
    /* the pieces joined once: appending to one string copies it whole at
     * every match (quadratic in Duktape, which has no ropes) */
    var endOfLastMatch = 0;
    var pieces = [];
    for (var i = 0; i < positions.length; i++) {
        var p = positions[i];
        var replacement = functionalReplace ?
            toStringValue(replaceValue(searchString, p, string)) :
            getSubstitution(searchString, string, p, NO_CAPTURES, void 0, replaceValue);
        pieces[pieces.length] = string.slice(endOfLastMatch, p);
        pieces[pieces.length] = replacement;
        endOfLastMatch = p + searchLength;
    }
    if (endOfLastMatch < string.length) {
        pieces[pieces.length] = string.slice(endOfLastMatch);
    }
    return pieces.join('');
}

function stringSearch(regexp) {
    if (new.target !== void 0) {
        throw notConstructor('String.prototype.search');
    }
    var O = requireCoercible(this, 'search');
    if (isObject(regexp)) {
        var searcher = getMethod(regexp, SYMBOL_SEARCH);
        if (searcher !== void 0) {
            return searcher.call(regexp, O);
        }
    }
    var string = toStringValue(O);
    return regExpCreate(regexp, void 0)[SYMBOL_SEARCH](string);
}

function stringSplit(separator, limit) {
    if (new.target !== void 0) {
        throw notConstructor('String.prototype.split');
    }
    var O = this;
    if (O === void 0 || O === null) {
        requireCoercible(O, 'split');
    }
    if (separator !== null && (typeof separator === 'object' || typeof separator === 'function')) {
        var splitter = getMethod(separator, SYMBOL_SPLIT);
        if (splitter !== void 0) {
            return splitter.call(separator, O, limit);
        }
    }
    var S = typeof O === 'string' ? O : toStringValue(O);
    var lim = limit === void 0 ? MAX_UINT32 : limit >>> 0;
    var R = typeof separator === 'string' ? separator : toStringValue(separator);
    if (lim === 0) {
        return [];
    }
    if (separator === void 0) {
        return [S];
    }
    return nativeSplit.call(S, R, lim);
}

/* a C fast path for a RegExp left as built (lib/api_fastpath.c), this
 * JavaScript for the rest */
setNameAndLength(stringMatch, 'match', 1);
replaceMethod(String.prototype, 'match',
    native.fastStringMatch(stringMatch, SYMBOL_MATCH, regExpMatch, builtinExec),
    'match', 1);
replaceMethod(String.prototype, 'matchAll', stringMatchAll, 'matchAll', 1);
setNameAndLength(stringReplace, 'replace', 2);
replaceMethod(String.prototype, 'replace',
    native.fastStringReplace(stringReplace, SYMBOL_REPLACE, regExpReplace, builtinExec),
    'replace', 2);
setNameAndLength(stringReplaceAll, 'replaceAll', 2);
replaceMethod(String.prototype, 'replaceAll',
    native.fastStringReplaceAll(stringReplaceAll, SYMBOL_REPLACE, regExpReplace, builtinExec, SYMBOL_MATCH),
    'replaceAll', 2);
/* template engines search every string they escape: a C fast path for a
 * RegExp left as built (lib/api_fastpath.c), this JavaScript for the rest */
setNameAndLength(stringSearch, 'search', 1);
replaceMethod(String.prototype, 'search',
    native.fastStringSearch(stringSearch, SYMBOL_SEARCH, regExpSearch, builtinExec),
    'search', 1);
setNameAndLength(stringSplit, 'split', 2);
replaceMethod(String.prototype, 'split', native.fastStringSplit(stringSplit, nativeSplit), 'split', 2);

replaceMethod(RegExp, 'escape', regExpEscape, 'escape', 1);

spec.isRegExp = isRegExp;
native.defineGlobal('RegExp', RegExp);
