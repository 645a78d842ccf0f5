// SPDX-License-Identifier: MIT
// Reads of global built-ins in a module's functions, as fcworker-build
// writes them through the global object (contrib/fcworker-build/lib/
// global-reads.js): run by Node as it is and by fcworker as the tool
// bundles it, the two must print the same: ordinary reads, a global
// replaced, deleted, holding undefined, an accessor, names a scope binds,
// writes, typeof, new, members, instanceof, calls, and a digest's hex.
import casesLog from '../lib/cases-log.js';

const { log, printAll } = casesLog;
const Symbol2 = Symbol;

function kinds() {
    return [typeof Promise, typeof Object, typeof Array, typeof Number, typeof Math, typeof JSON, typeof Reflect].join();
}
function readPromise() {
    return Promise;
}
function readMap() {
    return Map;
}
function readURL() {
    return URL;
}
function readBlob() {
    return Blob;
}
function nested() {
    return function () {
        return function () {
            return Array.isArray([1]) && Object.keys({ a: 1 }).length === 1 && Math.max(1, 2) === 2 &&
                JSON.stringify([Number.MAX_SAFE_INTEGER]) === '[9007199254740991]';
        };
    };
}

log('the built-ins', () => kinds());
log('nested functions', () => nested()()());
log('new', () => new Map([[1, 2]]).get(1) + new Set([3]).size + new Uint8Array(2).length);
log('instanceof', () => [Promise.resolve(1) instanceof Promise, [] instanceof Array, {} instanceof Array].join());
log('a call of a global', () => Number('5') + String(6));
log('the same object', () => readPromise() === globalThis.Promise);

const savedPromise = globalThis.Promise;
globalThis.Promise = function Custom() {};
log('a global replaced', () => readPromise().name);
globalThis.Promise = savedPromise;
log('and put back', () => readPromise() === savedPromise);

const savedMap = globalThis.Map;
delete globalThis.Map;
log('a global deleted: a read throws', () => readMap());
log('typeof it', () => (function () { return typeof Map; })());
globalThis.Map = savedMap;
log('and back', () => readMap() === savedMap);

const savedURL = globalThis.URL;
globalThis.URL = undefined;
log('a global holding undefined', () => String(readURL()));
globalThis.URL = savedURL;

const savedBlob = Object.getOwnPropertyDescriptor(globalThis, 'Blob');
let gets = 0;
Object.defineProperty(globalThis, 'Blob', { get() { gets++; return 42; }, configurable: true });
log('an accessor: called once a read', () => `${readBlob()} ${readBlob()} ${gets}`);
Object.defineProperty(globalThis, 'Blob', savedBlob);

log('a parameter of the name', () => (function (Promise) { return Promise; })(7));
log('a variable of the name', () => (function () { var Array = 'own'; return Array; })());
log('a catch binding of the name', () => {
    try {
        throw 'thrown';
    } catch (Error) {
        return (function () { return Error; })();
    }
});
log('a module binding of another name', () => (function () { return Symbol2 === globalThis.Symbol; })());

const savedDate = globalThis.Date;
log('a write', () => {
    (function () { Date = 5; })();
    const seen = globalThis.Date;
    globalThis.Date = savedDate;
    return seen;
});
log('and read again', () => (function () { return Date === savedDate; })());

const hexOf = (v) => Array.prototype.map.call(new Uint8Array(v), (x) => x.toString(16).padStart(2, '0')).join('');
log("a digest's hex", () => hexOf(new Uint8Array([1, 171]).buffer));

printAll();

export default { fetch() { return new Response('cases'); } };
