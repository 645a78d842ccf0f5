// SPDX-License-Identifier: MIT
/*
 * DataView's getBigInt64, getBigUint64, setBigInt64 and setBigUint64
 * (17-bigint-arrays.js). Every process leaves that file until BigInt64Array or
 * BigUint64Array is touched (lib/runtime_lazy.c) or one of these methods
 * is called: each is then a forwarder of the same name and length
 * (native.forwarder) that loads it on its first call and calls its
 * method, and stays the method (as js/19-intl-methods.js does for
 * Intl's). Until then no BigInt array exists, and native.bigIntArrayWords
 * (crypto.getRandomValues) reads the key the arrays will use, as theirs
 * does.
 */
'use strict';

var spec = native.spec;

/* 17-bigint-arrays.js's method of that name, loaded on the first call. */
function their(name) {
    if (native.bigIntDataView === void 0) {
        native.loadLazy('BigInt64Array');
    }
    return native.bigIntDataView[name];
}

var WORDS = native.bigIntWordsKey = Symbol('BigInt64 words');
native.bigIntArrayWords = function (x) {
    return x !== null && typeof x === 'object' ? x[WORDS] : void 0;
};
spec.defineHidden(DataView.prototype, 'getBigInt64', native.forwarder('getBigInt64', 1, 'getBigInt64', their));
spec.defineHidden(DataView.prototype, 'getBigUint64', native.forwarder('getBigUint64', 1, 'getBigUint64', their));
spec.defineHidden(DataView.prototype, 'setBigInt64', native.forwarder('setBigInt64', 2, 'setBigInt64', their));
spec.defineHidden(DataView.prototype, 'setBigUint64', native.forwarder('setBigUint64', 2, 'setBigUint64', their));
