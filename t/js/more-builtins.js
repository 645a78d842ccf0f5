// SPDX-License-Identifier: MIT
/*
 * ECMAScript 2022-2024 additions (js/14-errors.js, js/14-newer-methods.js) and checks of the
 * engine's own ArrayBuffer, DataView, Number and Date parts they rely on.
 */

var ERROR_NAMES = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];

function collect(iterator) {
    var out = [];
    for (var r = iterator.next(); !r.done; r = iterator.next()) {
        out.push(r.value);
    }
    return out;
}

test('Error cause option (§20.5.1.1, §20.5.8.1 InstallErrorCause)', function (t) {
    var inner = new Error('inner');
    var e = new Error('outer', { cause: inner });
    t.equal(e.cause, inner, 'cause is installed');
    var d = Object.getOwnPropertyDescriptor(e, 'cause');
    t.ok(d && !d.enumerable && d.writable && d.configurable, 'own, non-enumerable, writable, configurable');
    t.ok(!('cause' in new Error('x')), 'no options: no cause property');
    t.ok(!('cause' in new Error('x', {})), 'options without cause: no cause property');
    t.ok(!('cause' in new Error('x', 'cause')), 'non-object options are ignored');
    t.ok(hasOwnCause(new Error('x', { cause: undefined })), 'cause: undefined is still installed');
    var proto = Object.create({ cause: 'inherited' });
    t.equal(new Error('x', proto).cause, 'inherited', 'HasProperty: an inherited cause counts');
    t.equal(Error('called', { cause: 1 }).cause, 1, 'also when called as a function');
    ERROR_NAMES.forEach(function (name) {
        var C = globalThis[name];
        var err = new C('m', { cause: name });
        t.ok(err.cause === name && err instanceof C && err instanceof Error && err.name === name && err.message === 'm',
            name + ': cause, instanceof, name, message');
    });
    t.equal(JSON.stringify(Object.keys(e)), '[]', 'cause and stack are not enumerable');
});

function hasOwnCause(e) {
    return Object.prototype.hasOwnProperty.call(e, 'cause');
}

test('wrapped error constructors keep their shape (§20.5.1, §20.5.6)', function (t) {
    t.equal(Error.length, 1, 'Error.length');
    t.equal(Error.name, 'Error', 'Error.name');
    t.equal(TypeError.name, 'TypeError', 'TypeError.name');
    t.equal(Object.getPrototypeOf(Error), Function.prototype, 'Error.[[Prototype]] is Function.prototype');
    t.equal(Object.getPrototypeOf(RangeError), Error, 'RangeError.[[Prototype]] is %Error% (§20.5.6.2)');
    t.equal(Error.prototype.constructor, Error, 'Error.prototype.constructor');
    t.equal(URIError.prototype.constructor, URIError, 'URIError.prototype.constructor');
    var pd = Object.getOwnPropertyDescriptor(TypeError, 'prototype');
    t.ok(pd && !pd.writable && !pd.enumerable && !pd.configurable, 'prototype is non-writable, non-enumerable, non-configurable');
    var thrown;
    try {
        null.x();
    } catch (err) {
        thrown = err;
    }
    t.ok(thrown instanceof TypeError && thrown.constructor === TypeError, 'engine-thrown errors are instances');
    t.equal(Object.getPrototypeOf(new SyntaxError('s')), SyntaxError.prototype, 'instance prototype');
    t.equal(String(new RangeError('r')), 'RangeError: r', 'toString');
    t.ok(!Object.prototype.hasOwnProperty.call(new Error(), 'message'), 'undefined message: no own message');
});

test('error stacks start at the caller', function (t) {
    function thrower() {
        return new Error('here');
    }
    var stack = thrower().stack;
    t.equal(typeof stack, 'string', 'stack is a string');
    t.ok(/^Error: here\n/.test(stack), 'stack starts with the message');
    t.ok(stack.split('\n')[1].indexOf('thrower') >= 0, 'first frame is the function that created the error');
    var e = new Error('x');
    e.stack = 'replaced';
    t.equal(e.stack, 'replaced', 'stack can be assigned');
});

test("stacks in V8's frame format, which error reporters parse", function (t) {
    function named() {
        return new Error('two\nlines');
    }
    var lines = named().stack.split('\n');
    t.equal(lines[0] + '|' + lines[1], 'Error: two|lines', 'the message, its own lines as they are');
    t.ok(/^    at named \(\S*more-builtins\.js:\d+:1\)$/.test(lines[2]), 'a named frame: at NAME (FILE:LINE:COLUMN): ' + lines[2]);
    var anonymous = (function () { return new TypeError('t'); })().stack.split('\n')[1];
    t.ok(/^    at \S*more-builtins\.js:\d+:1$/.test(anonymous), 'an anonymous one: at FILE:LINE:COLUMN: ' + anonymous);
    var thrown;
    try {
        [1].forEach(function () { null.x(); });
    } catch (e) {
        thrown = e.stack;
    }
    t.ok(/\n    at forEach \(<anonymous>\)\n/.test(thrown), 'a native frame: at NAME (<anonymous>): ' + thrown);
    t.ok(!/\.c:\d+|internal|strict|preventsyield/.test(thrown), "no frame of the engine's C code, no flags: " + thrown);
    t.ok(thrown.split('\n').every(function (l, i) { return i === 0 || /^    at /.test(l); }), 'every line after the heading is a frame');
});

test('lowered subclasses of Error (Babel and TypeScript ES5 output)', function (t) {
    function setProto(o, p) {
        Object.setPrototypeOf(o, p);
        return o;
    }
    function HttpError(message, status) {
        var self = Error.call(this, message, { cause: status }) || this;
        self.status = status;
        return self;
    }
    HttpError.prototype = Object.create(Error.prototype, { constructor: { value: HttpError, writable: true, configurable: true } });
    setProto(HttpError, Error);
    var h = new HttpError('nope', 404);
    t.ok(h instanceof HttpError && h instanceof Error, 'instance of the subclass and of Error');
    t.equal(h.message, 'nope', 'message set by the parent');
    t.equal(h.cause, 404, 'cause set by the parent');
    t.equal(h.status, 404, 'subclass fields');
    t.equal(Error.call(undefined, 'plain') instanceof HttpError, false, 'a plain call gives a plain Error');
});

test('String.prototype.matchAll (§22.1.3.13, §22.2.9)', function (t) {
    var matches = collect('a1b22c333'.matchAll(/\d+/g));
    t.deepEqual(matches.map(function (m) { return m[0]; }), ['1', '22', '333'], 'all matches');
    t.deepEqual(matches.map(function (m) { return m.index; }), [1, 3, 6], 'index of each match');
    t.equal(matches[0].input, 'a1b22c333', 'input of each match');
    var groups = collect('k=v;x=y'.matchAll(/(\w)=(\w)/g));
    t.deepEqual([groups[1][1], groups[1][2]], ['x', 'y'], 'capture groups');
    t.throws(function () { 'abc'.matchAll(/b/); }, TypeError, 'non-global RegExp throws');
    t.deepEqual(collect('a.b.'.matchAll('.')).length, 4, 'a string is a pattern (RegExp "." with g)');
    t.deepEqual(collect('ab'.matchAll('')).map(function (m) { return m.index; }), [0, 1, 2], 'empty matches advance');
    var re = /o/g;
    re.lastIndex = 5;
    t.deepEqual(collect('foo boo'.matchAll(re)).map(function (m) { return m.index; }), [5, 6], 'starts at lastIndex');
    t.equal(re.lastIndex, 5, 'the original RegExp is not changed');
    var it = 'x'.matchAll(/x/g);
    t.equal(Object.prototype.toString.call(it), '[object RegExp String Iterator]', 'iterator tag');
    t.equal(it[Symbol.iterator](), it, 'iterator is iterable');
    t.throws(function () { String.prototype.matchAll.call(null, /a/g); }, TypeError, 'null receiver throws');
});

test('String.prototype.normalize (§22.1.3.15)', function (t) {
    t.equal('abc'.normalize(), 'abc', 'ASCII is unchanged (NFC)');
    t.equal('abc'.normalize('NFKD'), 'abc', 'ASCII is unchanged (NFKD)');
    t.equal(String.prototype.normalize.call(12), '12', 'this is converted ToString');
    t.throws(function () { 'a'.normalize('nfc'); }, RangeError, 'form names are case-sensitive');
    t.throws(function () { 'a'.normalize('NFX'); }, RangeError, 'unknown form throws RangeError');
    t.equal(String.prototype.normalize.length, 0, 'length 0');
    t.equal('A\u030a'.normalize(), '\u00c5', 'NFC composes A + ring above');
    t.equal('A\u030a'.normalize('NFC'), '\u00c5', 'NFC by name');
    t.equal('\u00c5'.normalize('NFD'), 'A\u030a', 'NFD decomposes');
    t.equal('\u1e9b\u0323'.normalize('NFC'), '\u1e9b\u0323', 'UAX #15 example, NFC');
    t.equal('\u1e9b\u0323'.normalize('NFD'), '\u017f\u0323\u0307', 'UAX #15 example, NFD');
    t.equal('\u1e9b\u0323'.normalize('NFKC'), '\u1e69', 'UAX #15 example, NFKC');
    t.equal('\u1e9b\u0323'.normalize('NFKD'), 's\u0323\u0307', 'UAX #15 example, NFKD');
    t.equal('\ufb01'.normalize('NFKC'), 'fi', 'NFKC folds the fi ligature');
    t.equal('\ufb01'.normalize('NFC'), '\ufb01', 'NFC keeps it');
    t.equal('a\u0323\u0301'.normalize('NFD'), 'a\u0323\u0301', 'canonical order kept');
    t.equal('a\u0301\u0323'.normalize('NFD'), 'a\u0323\u0301', 'marks put in canonical order');
    t.equal('\uac00'.normalize('NFD'), '\u1100\u1161', 'Hangul syllable decomposes');
    t.equal('\u1100\u1161'.normalize('NFC'), '\uac00', 'Hangul jamo compose');
    t.equal('\ud835\udc00'.normalize('NFKC'), 'A', 'a character beyond U+FFFF (MATHEMATICAL BOLD CAPITAL A)');
    t.equal('\ud834\udd5e'.normalize('NFC'), '\ud834\udd57\ud834\udd65', 'U+1D15E decomposes even in NFC (exclusion)');
    t.equal('x\ud800e\u0301'.normalize('NFC'), 'x\ud800\u00e9', 'a lone surrogate stays, text after it composes');
    t.equal('\udc00\u0301'.normalize('NFC'), '\udc00\u0301', 'a lone low surrogate does not compose');
    t.equal('caf\u00e9'.normalize('NFD').length, 5, 'length in code units after NFD');
    t.throws(function () { String.prototype.normalize.call(Symbol('s')); }, TypeError, 'a Symbol receiver throws');
});

test('Array.prototype.sort is stable and follows SortIndexedProperties (§23.1.3.30)', function (t) {
    var records = [];
    for (var i = 0; i < 200; i++) {
        records.push({ key: i % 7, seq: i });
    }
    records.sort(function (a, b) { return a.key - b.key; });
    var stable = true;
    for (var j = 1; j < records.length; j++) {
        if (records[j - 1].key === records[j].key && records[j - 1].seq > records[j].seq) {
            stable = false;
        }
        if (records[j - 1].key > records[j].key) {
            stable = false;
        }
    }
    t.ok(stable, '200 records with 7 keys: ordered by key, equal keys keep their order');
    var words = ['b2', 'a1', 'b1', 'a2', 'c1'];
    words.sort(function (x, y) { return x.charCodeAt(0) - y.charCodeAt(0); });
    t.deepEqual(words, ['a1', 'a2', 'b2', 'b1', 'c1'], 'stable on a short list (insertion runs)');
    t.deepEqual([10, 9, 1, 100].sort(), [1, 10, 100, 9], 'default order compares strings');
    t.deepEqual([3, undefined, 1, , 2].sort(), [1, 2, 3, undefined, ,], 'undefined after the values, holes last');
    var sparse = [3, , 1];
    sparse.sort();
    t.ok(sparse.length === 3 && sparse[0] === 1 && sparse[1] === 3 && !(2 in sparse), 'a hole moves to the end and stays a hole');
    var calls = [];
    [2, undefined, 1].sort(function (a, b) { calls.push(a, b); return a - b; });
    t.ok(calls.indexOf(undefined) < 0, 'the comparator never sees undefined');
    t.deepEqual([3, 1, 2].sort(function () { return NaN; }), [3, 1, 2], 'NaN from the comparator keeps the order');
    t.deepEqual([1, 2, 3].sort(function (a, b) { return b > a ? '1' : '-1'; }), [3, 2, 1], 'a string result is converted ToNumber');
    t.deepEqual([2, 1].sort(function (a, b) { return { valueOf: function () { return a - b; } }; }), [1, 2],
        'an object result is converted ToNumber');
    t.throws(function () { [1, 2].sort(function () { return Symbol('s'); }); }, TypeError, 'a Symbol result throws');
    t.throws(function () { [1, 2].sort(null); }, TypeError, 'null comparator throws');
    t.throws(function () { [1, 2].sort({}); }, TypeError, 'object comparator throws');
    t.throws(function () { [].sort(1); }, TypeError, 'checked even for an empty array');
    t.throws(function () { [Symbol('a'), Symbol('b')].sort(); }, TypeError, 'default order: a Symbol throws');
    var kept = [3, 1, 2];
    try {
        kept.sort(function (a, b) { if (a === 2 || b === 2) { throw new Error('stop'); } return a - b; });
    } catch (e) {
        t.equal(e.message, 'stop', 'the comparator error propagates');
    }
    t.deepEqual(kept, [3, 1, 2], 'a comparator that throws leaves the array unchanged');
    var like = { 0: 'c', 1: 'a', 3: 'b', length: 4 };
    t.equal(Array.prototype.sort.call(like), like, 'returns the receiver');
    t.ok(like[0] === 'a' && like[1] === 'b' && like[2] === 'c' && !(3 in like), 'array-like object: values first, hole deleted');
    var proto = Object.create({ 1: 'z' });
    proto[0] = 'y';
    proto.length = 2;
    Array.prototype.sort.call(proto);
    t.ok(proto[0] === 'y' && proto[1] === 'z' && Object.prototype.hasOwnProperty.call(proto, 1), 'inherited values are sorted in as own');
    var frozen = Object.freeze([2, 1]);
    t.throws(function () { frozen.sort(); }, TypeError, 'a frozen array throws');
    var big = [];
    for (var k = 0; k < 5000; k++) {
        big.push((k * 7919) % 5003);
    }
    big.sort(function (a, b) { return a - b; });
    var ordered = true;
    for (k = 1; k < big.length; k++) {
        ordered = ordered && big[k - 1] <= big[k];
    }
    t.ok(ordered, '5000 numbers sorted with a comparator');
    t.deepEqual(['b', 'a', 'c'].sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }), ['a', 'b', 'c'], 'string comparator');
    var twenty = [];
    for (k = 0; k < 20; k++) {
        twenty.push(20 - k);
    }
    var before = twenty.join();
    try {
        twenty.sort(function (a, b) { if (a === 7 || b === 7) { throw new RangeError('seven'); } return a - b; });
    } catch (e) {
        t.equal(e.message, 'seven', 'longer list: the comparator error propagates');
    }
    t.equal(twenty.join(), before, 'longer list: a comparator that throws leaves the array unchanged');
    t.equal(twenty.slice().sort(function () { return NaN; }).join(), before, 'longer list: NaN keeps the order');
    t.throws(function () { twenty.slice().sort(function () { return Symbol('x'); }); }, TypeError,
        'longer list: a Symbol result throws');
    var receivers = [];
    twenty.slice().sort(function (a, b) { 'use strict'; receivers.push(this); return a - b; });
    t.ok(receivers.length > 0 && receivers.every(function (r) { return r === undefined; }), 'the comparator is called with this undefined');
    var withUndefined = [5, undefined, 3, 9, undefined, 1, 8, 2, 7, 6, 4, 0];
    var saw = false;
    withUndefined.sort(function (a, b) { saw = saw || a === undefined || b === undefined; return a - b; });
    t.equal(withUndefined.join(), '0,1,2,3,4,5,6,7,8,9,,', 'longer list: undefined last');
    t.ok(!saw, 'longer list: the comparator never sees undefined');
    var mixed = ['10', 9, '8', { valueOf: function () { return 7; } }, 6, 5, 4, 3, 2, 1];
    mixed.sort(function (a, b) { return a - b; });
    t.equal(mixed.map(Number).join(), '1,2,3,4,5,6,7,8,9,10', 'values of several types through the comparator');
    t.equal(Array.prototype.sort.length, 1, 'length 1');
    t.equal(Array.prototype.sort.name, 'sort', 'name');
    t.ok(!Object.prototype.propertyIsEnumerable.call(Array.prototype, 'sort'), 'not enumerable');
    var u8 = new Uint8Array([3, 1, 2, 1]);
    var order = [];
    var objs = new Float64Array([2.5, 1, 2.25, 1.5]);
    objs.sort(function (a, b) { order.push(a); return Math.floor(a) - Math.floor(b); });
    t.deepEqual(Array.prototype.slice.call(objs), [1, 1.5, 2.5, 2.25], 'TypedArray sort with a comparator is stable');
    t.deepEqual(Array.prototype.slice.call(u8.sort()), [1, 1, 2, 3], 'TypedArray default sort is numeric');
});

test('Array change-by-copy methods (ES2023 §23.1.3)', function (t) {
    var a = [3, 1, 2];
    t.deepEqual(a.toSorted(), [1, 2, 3], 'toSorted');
    t.deepEqual(a, [3, 1, 2], 'toSorted leaves the original');
    t.deepEqual([10, 9, 1].toSorted(), [1, 10, 9], 'default order compares strings');
    t.deepEqual([undefined, 2, , 1].toSorted(), [1, 2, undefined, undefined], 'undefined and holes sort last');
    var withHole = [2, , 1].toSorted();
    t.ok(withHole.length === 3 && 2 in withHole && withHole[2] === undefined, 'toSorted: a hole becomes undefined');
    t.deepEqual(Array.prototype.toSorted.call({ 0: 'b', 1: 'a', length: 2 }), ['a', 'b'], 'toSorted of an array-like');
    var pairs = [[1, 'a'], [0, 'b'], [1, 'c'], [0, 'd']].toSorted(function (x, y) { return x[0] - y[0]; });
    t.deepEqual(pairs.map(function (p) { return p[1]; }), ['b', 'd', 'a', 'c'], 'toSorted is stable');
    t.throws(function () { [].toSorted(1); }, TypeError, 'non-callable comparator throws');
    t.deepEqual([1, 2, 3].toReversed(), [3, 2, 1], 'toReversed');
    t.deepEqual(Array.prototype.toReversed.call({ length: 2, 1: 'x' }), ['x', undefined], 'toReversed on an array-like');
    t.deepEqual([1, 2, 3].toSpliced(1, 1, 'x', 'y'), [1, 'x', 'y', 3], 'toSpliced replaces');
    t.deepEqual([1, 2, 3].toSpliced(1), [1], 'toSpliced(start) removes the rest');
    t.deepEqual([1, 2, 3].toSpliced(), [1, 2, 3], 'toSpliced() copies');
    t.deepEqual([1, 2, 3].toSpliced(-1, 0, 0), [1, 2, 0, 3], 'negative start');
    t.deepEqual([1, 2, 3].with(-1, 9), [1, 2, 9], 'with');
    t.throws(function () { [1].with(1, 0); }, RangeError, 'with past the end throws RangeError');
    t.deepEqual([, 1].with(1, 2), [undefined, 2], 'holes become undefined');
    t.ok(0 in [, 1].with(1, 2), 'and are own properties');
});

test('Object.hasOwn (§20.1.2.13)', function (t) {
    var sym = Symbol('s');
    var o = { a: 1 };
    o[sym] = 2;
    t.equal(Object.hasOwn(o, 'a'), true, 'own string key');
    t.equal(Object.hasOwn(o, 'toString'), false, 'inherited key');
    t.equal(Object.hasOwn(o, sym), true, 'symbol key');
    t.equal(Object.hasOwn([1], 0), true, 'key converted ToPropertyKey');
    t.equal(Object.hasOwn('ab', 'length'), true, 'primitive converted ToObject');
    t.throws(function () { Object.hasOwn(null, 'a'); }, TypeError, 'null throws');
    t.equal(Object.hasOwn.length, 2, 'length 2');
});

test('Promise.withResolvers (ES2024 §27.2.4.8)', function (t) {
    var r = Promise.withResolvers();
    t.ok(r.promise instanceof Promise, 'promise');
    t.equal(typeof r.resolve, 'function', 'resolve');
    t.equal(typeof r.reject, 'function', 'reject');
    t.throws(function () { Promise.withResolvers.call(1); }, TypeError, 'non-constructor this throws');
    r.resolve(42);
    return r.promise.then(function (v) {
        t.equal(v, 42, 'resolve settles the promise');
    });
});

test('engine built-ins this runtime relies on', function (t) {
    var ab = new Uint8Array([1, 2, 3, 4]).buffer;
    var s = ab.slice(1, -1);
    t.ok(s instanceof ArrayBuffer && s !== ab, 'ArrayBuffer.prototype.slice returns a new ArrayBuffer');
    t.deepEqual(Array.prototype.slice.call(new Uint8Array(s)), [2, 3], 'with the bytes of the range');
    t.equal(ab.slice(3, 1).byteLength, 0, 'end before start gives length 0');
    t.equal(ArrayBuffer.isView(new DataView(ab)), true, 'isView(DataView)');
    t.equal(ArrayBuffer.isView(ab), false, 'isView(ArrayBuffer)');
    var dv = new DataView(new ArrayBuffer(8));
    dv.setUint16(0, 0x1234);
    t.equal(new Uint8Array(dv.buffer)[0], 0x12, 'DataView is big-endian by default');
    dv.setFloat64(0, -1.5, true);
    t.equal(dv.getFloat64(0, true), -1.5, 'little-endian float64 round trip');
    t.throws(function () { dv.getInt32(6); }, RangeError, 'reading past the end throws RangeError');
    t.equal((255).toString(16), 'ff', 'Number#toString(16)');
    t.equal((-255).toString(2), '-11111111', 'negative radix 2');
    t.equal((3.75).toString(16), '3.c', 'fraction in radix 16');
    t.equal((35).toString(36), 'z', 'radix 36');
    t.equal(new Date(Date.UTC(-1, 0, 1)).toISOString(), '-000001-01-01T00:00:00.000Z', 'toISOString of an extended year');
    t.equal(new Date(Date.UTC(2024, 1, 29, 1, 2, 3, 4)).toISOString(), '2024-02-29T01:02:03.004Z', 'toISOString');
    t.throws(function () { new Date(NaN).toISOString(); }, RangeError, 'toISOString of an invalid date throws');
});

test('Number.prototype.toLocaleString takes locales and options (ECMA-402 defaults, en-US format)', function (t) {
    t.equal((1234567.891).toLocaleString('en-US'), '1,234,567.891', 'grouping and three fraction digits');
    t.equal((1234.5678).toLocaleString(), '1,234.568', 'rounded to maximumFractionDigits 3');
    t.equal((0).toLocaleString('en-US'), '0', 'zero');
    t.equal((-1500).toLocaleString('en-US'), '-1,500', 'negative');
    t.equal((5).toLocaleString('en-US', { minimumFractionDigits: 2 }), '5.00', 'minimumFractionDigits pads');
    t.equal((1.23456).toLocaleString('en-US', { maximumFractionDigits: 1 }), '1.2', 'maximumFractionDigits rounds');
    t.equal(NaN.toLocaleString(), 'NaN', 'NaN');
    t.throws(function () { (1).toLocaleString('en-US', { maximumFractionDigits: 101 }); }, RangeError,
        'maximumFractionDigits over 100 is a RangeError');
});

test('Object.assign copies enumerable own symbols after the string keys', function (t) {
    var s = Symbol('k'), hidden = Symbol('h'), order = [];
    var src = { a: 1 };
    src[s] = 'sym';
    Object.defineProperty(src, hidden, { value: 'no', enumerable: false });
    var target = {};
    Object.defineProperty(target, 'a', { set: function (v) { order.push('a'); }, enumerable: true });
    Object.defineProperty(target, s, { set: function (v) { order.push('sym:' + v); }, enumerable: true });
    t.equal(Object.assign(target, src), target, 'returns the target');
    t.deepEqual(order, ['a', 'sym:sym'], 'strings first, then symbols, through [[Set]]');
    var plain = Object.assign({}, src, null, { b: 2 });
    t.equal(plain[s], 'sym', 'an enumerable symbol is copied');
    t.equal(plain[hidden], void 0, 'a non-enumerable one is not');
    t.equal(plain.b, 2, 'later sources too; null is skipped');
    t.equal(Object.assign.length, 2, 'length 2');
});

test('Object.assign: each source in turn, its getters read, primitives boxed, a Proxy through its traps', function (t) {
    var s1 = Symbol('s1'), s2 = Symbol('s2'), order = [], target = {};
    ['x', 'y', 'z'].forEach(function (k) {
        Object.defineProperty(target, k, { set: function (v) { order.push(k + '=' + v); }, enumerable: true });
    });
    Object.defineProperty(target, s1, { set: function (v) { order.push('s1=' + v); }, enumerable: true });
    Object.defineProperty(target, s2, { set: function (v) { order.push('s2=' + v); }, enumerable: true });
    var a = { x: 1 };
    a[s1] = 2;
    var b = { get y() { order.push('get y'); return 3; } };
    b[s2] = 4;
    b.z = 5;
    Object.assign(target, a, b);
    t.equal(order.join(' '), 'x=1 s1=2 get y y=3 z=5 s2=4',
        "the first source's strings and symbols, then the second's (ECMA-262 20.1.2.1)");
    t.equal(JSON.stringify(Object.assign({}, 'ab', 7, true)), '{"0":"a","1":"b"}', 'a string source gives its indexes');
    t.equal(typeof Object.assign(1), 'object', 'a primitive target is boxed');
    t.throws(function () { Object.assign(); }, TypeError, 'no target: TypeError');
    t.throws(function () { Object.assign(null, {}); }, TypeError, 'null target: TypeError');
    var proxy = new Proxy({ p: 1 }, {
        ownKeys: function () { return ['p', 'q']; },
        getOwnPropertyDescriptor: function (o, k) { return { value: k, enumerable: true, configurable: true }; },
        get: function (o, k) { return 'trap:' + String(k); }
    });
    t.equal(JSON.stringify(Object.assign({}, proxy)), '{"p":"trap:p","q":"trap:q"}', 'a Proxy source through its traps');
});

test('as V8 has them: fromCharCode takes 16 bits, JSON leaves U+2028/U+2029, no Node Buffer', function (t) {
    t.equal(String.fromCharCode(0x10030), '0', 'String.fromCharCode(0x10030) is "0" (ToUint16)');
    t.equal(String.fromCharCode(-1).charCodeAt(0), 0xFFFF, 'String.fromCharCode(-1) is U+FFFF');
    t.equal(String.fromCharCode(0x41, 0x10042), 'AB', 'every argument');
    t.equal(JSON.stringify('a\u2028b\u2029c'), '"a\u2028b\u2029c"', 'JSON.stringify writes U+2028 and U+2029 as they are');
    t.equal(JSON.parse(JSON.stringify('a\u2028b')), 'a\u2028b', 'and reads them back');
    t.equal(typeof Buffer, 'undefined', 'no global Buffer (Workers have it only with nodejs_compat)');
});

test('@@toStringTag of JSON, Reflect, ArrayBuffer.prototype and DataView.prototype', function (t) {
    var cases = [[JSON, 'JSON'], [Reflect, 'Reflect'], [ArrayBuffer.prototype, 'ArrayBuffer'],
        [DataView.prototype, 'DataView']];
    for (var i = 0; i < cases.length; i++) {
        var d = Object.getOwnPropertyDescriptor(cases[i][0], Symbol.toStringTag);
        t.ok(d !== undefined && d.value === cases[i][1] && !d.writable && !d.enumerable && d.configurable,
            cases[i][1] + ': its tag, not writable, not enumerable, configurable');
    }
    t.equal(Object.prototype.toString.call(Reflect), '[object Reflect]', 'Object.prototype.toString reads it');
});
