// SPDX-License-Identifier: MIT
// `x.toString(16).padStart(2, "0")` for every kind of x, and with the
// methods replaced; run by Node as it is and by fcworker as fcworker-build
// bundles it (each such expression a call of the _fcwHex helper,
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

printAll();
