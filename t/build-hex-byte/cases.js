// SPDX-License-Identifier: MIT
// `x.toString(16).padStart(2, "0")` for every kind of x, and with the
// methods replaced; then a digest's hex as Hono's etag writes it,
// `Array.prototype.map.call(new Uint8Array(v), (x) => ...).join("")`, for
// every kind of v and with each built-in it reads replaced. Run by Node
// as it is and by fcworker as fcworker-build bundles it (each such
// expression a call of the _fcwHex or the _fcwHexJ helper,
// contrib/fcworker-build/lib/hex-byte.js), the two must print the same.
const { log, printAll } = require('../lib/cases-log.js');
const hex = (x) => x.toString(16).padStart(2, "0");

const all = [];
for (let i = 0; i < 256; i++) {
    all.push(hex(i));
}
log('0-255', () => all.join(''));
log('a digest as hex', () => Array.prototype.map.call(new Uint8Array([0, 1, 15, 16, 171, 255]), (b) => b.toString(16).padStart(2, '0')).join(''));
log('Array.from with a map', () => Array.from(new Uint8Array([222, 173, 190, 239]), (b) => b.toString(16).padStart(2, "0")).join(''));
log('-0, 256, 4096, -1, 1.5, 255.5, NaN, Infinity, 2**53', () => [-0, 256, 4096, -1, 1.5, 255.5, NaN, Infinity, 2 ** 53].map(hex).join());
log('a string', () => hex('a'));
log('a boolean', () => hex(true));
log('a Number object', () => hex(new Number(10)));
log('an object with its own toString', () => hex({ toString: (r) => `r${r}` }));
log('undefined', () => hex(undefined));
log('null', () => hex(null));
log('a BigInt', () => hex(10n));
log('evaluated once, first', () => {
    const seen = [];
    const v = ((seen.push('x'), 7)).toString(16).padStart(2, "0");
    return `${v} ${seen.join()}`;
});
log('a comma expression', () => (0, 11).toString(16).padStart(2, "0"));
log('across lines', () => (12)
    .toString(16)
    .padStart(2, "0"));
log('other arguments stay calls', () => [(5).toString(16).padStart(3, "0"), (5).toString(8).padStart(2, "0"), (5).toString(16).padStart(2, " ")].join());

const savedPad = String.prototype.padStart;
String.prototype.padStart = function (n, f) { return `pad(${this},${n},${f})`; };
log('padStart replaced', () => hex(10));
String.prototype.padStart = savedPad;
log('padStart restored', () => hex(10));
const savedToString = Number.prototype.toString;
Number.prototype.toString = function (r) { return `n${r}`; };
log('Number.prototype.toString replaced', () => hex(10));
delete Number.prototype.toString;
log('Number.prototype.toString deleted', () => hex(10));
Number.prototype.toString = savedToString;
log('toString restored', () => hex(10));
Object.defineProperty(String.prototype, 'padStart', { get() { return () => 'from a getter'; }, configurable: true });
log('padStart a getter', () => hex(10));
Object.defineProperty(String.prototype, 'padStart', { value: savedPad, writable: true, configurable: true });
log('and back', () => hex(255));

/* the digest's expression: v a parameter (rewritten) */
const hexOf = (v) => Array.prototype.map.call(new Uint8Array(v), (x) => x.toString(16).padStart(2, "0")).join("");
const bytes256 = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
    bytes256[i] = 255 - i;
}
log('an ArrayBuffer of every byte', () => hexOf(bytes256.buffer));
log('a Uint8Array', () => hexOf(new Uint8Array([0, 1, 15, 16, 171, 255])));
log('a view at an offset', () => hexOf(new Uint8Array(bytes256.buffer, 3, 4)));
log('a subarray', () => hexOf(bytes256.subarray(250)));
log('an empty ArrayBuffer', () => hexOf(new ArrayBuffer(0)));
log('an empty Uint8Array', () => hexOf(new Uint8Array(0)));
log('a Uint16Array', () => hexOf(new Uint16Array([1, 258, 65535])));
log('a Uint8ClampedArray', () => hexOf(new Uint8ClampedArray([7, 300])));
log('an array', () => hexOf([1, 300, -1, 2.5, '16']));
log('a length', () => hexOf(3));
log('a string', () => hexOf('ab'));
log('undefined', () => hexOf(undefined));
log('null', () => hexOf(null));
log('an object', () => hexOf({ length: 2, 0: 10, 1: 11 }));
log('the bytes written after', () => {
    const u = new Uint8Array([1, 2]);
    const first = hexOf(u);
    u[0] = 254;
    return `${first} ${hexOf(u)}`;
});
log('a variable of a function around', () => {
    const digest = new Uint8Array([9, 10]).buffer;
    return (() => Array.prototype.map.call(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''))();
});
log('across lines', () => {
    const d = new Uint8Array([12, 13]);
    return Array.prototype.map
        .call(new Uint8Array(d), (x) => x.toString(16).padStart(2, "0"))
        .join("");
});
/* not the expression: left as they are */
const holder = { buf: new Uint8Array([1, 2]) };
log('v a property', () => Array.prototype.map.call(new Uint8Array(holder.buf), (x) => x.toString(16).padStart(2, "0")).join(""));
log('another separator', () => Array.prototype.map.call(new Uint8Array(holder.buf), (x) => x.toString(16).padStart(2, "0")).join(":"));
log('another callback', () => Array.prototype.map.call(new Uint8Array(holder.buf), (x) => x.toString(8).padStart(2, "0")).join(""));
log('a Uint8Array of its own', () => {
    const Uint8Array = function (v) { return [v, v]; };
    const v = 5;
    return Array.prototype.map.call(new Uint8Array(v), (x) => x.toString(16).padStart(2, "0")).join("");
});
/* each built-in it reads replaced, then put back */
const u = new Uint8Array([171, 205]);
const savedMap = Array.prototype.map;
Array.prototype.map = function (f) { return ['map', String(this.length), f(1)]; };
log('map replaced', () => hexOf(u));
Array.prototype.map = savedMap;
log('map restored', () => hexOf(u));
Object.defineProperty(Array.prototype.map, 'call', { value: () => ['own', 'call'], configurable: true, writable: true });
log('map with a call of its own', () => hexOf(u));
delete Array.prototype.map.call;
log('its call deleted', () => hexOf(u));
Object.defineProperty(Array.prototype.map, 'call', { get: () => () => ({ join: () => 'a getter' }), configurable: true });
log('map with a call getter of its own', () => hexOf(u));
delete Array.prototype.map.call;
log('and that deleted', () => hexOf(u));
const savedJoin = Array.prototype.join;
Array.prototype.join = function (s) { return `joined(${this.length},${s})`; };
log('join replaced', () => hexOf(u));
Array.prototype.join = savedJoin;
log('join restored', () => hexOf(u));
log('Function.prototype.call replaced', () => {
    const savedCall = Function.prototype.call;
    Function.prototype.call = function () { return ['fpcall']; };
    try {
        return hexOf(u);
    } finally {
        Function.prototype.call = savedCall;
    }
});
log('the global Uint8Array replaced', () => {
    const saved = globalThis.Uint8Array;
    globalThis.Uint8Array = function (v) { return [1, 2, 3]; };
    try {
        return hexOf(u);
    } finally {
        globalThis.Uint8Array = saved;
    }
});
log('the global Array replaced', () => {
    const saved = globalThis.Array;
    globalThis.Array = { prototype: { map: { call: () => ({ join: (s) => `fake${s}` }) } } };
    try {
        return hexOf(u);
    } finally {
        globalThis.Array = saved;
    }
});
log('Number.prototype.toString replaced', () => {
    const saved = Number.prototype.toString;
    Number.prototype.toString = function (r) { return `n${r}`; };
    try {
        return hexOf(u);
    } finally {
        Number.prototype.toString = saved;
    }
});
log('padStart replaced', () => {
    const saved = String.prototype.padStart;
    String.prototype.padStart = function (n, f) { return `p${this}`; };
    try {
        return hexOf(u);
    } finally {
        String.prototype.padStart = saved;
    }
});
log('and all back', () => hexOf(u));

printAll();
