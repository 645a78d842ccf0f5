// SPDX-License-Identifier: MIT
/*
 * DataView's getBigInt64, getBigUint64, setBigInt64 and setBigUint64
 * (17-bigint-arrays.js). Where that file has run (a pool's runtime: every
 * file at start), the methods are its own. A process for one request (CGI)
 * leaves it until BigInt64Array or BigUint64Array is touched
 * (lib/runtime_lazy.c) or one of these methods is called: each is then a
 * function of the same name, length and source text that loads it
 * (native.loadLazy) on its first call and calls its method, and stays the
 * method (as js/19-intl-methods.js does for Intl's). Until then no BigInt
 * array exists, and native.bigIntArrayWords (crypto.getRandomValues) reads
 * the key the arrays will use, as theirs does.
 */
'use strict';

var spec = native.spec;
/* the intrinsics, whatever a script makes of them before the first call */
var apply = Reflect.apply;
var bind = Function.prototype.bind;
var call = Function.prototype.call;
var real = null;

/* The methods of 17-bigint-arrays.js, loaded, as functions of (this, ...). */
function load() {
    if (native.bigIntDataView === void 0) {
        native.loadLazy('BigInt64Array');
    }
    var theirs = native.bigIntDataView;
    real = {};
    for (var i = 0; i < theirs.length; i++) {
        real[theirs[i][0]] = apply(bind, call, [theirs[i][1]]);
    }
    return real;
}

function wordsKey() {
    var WORDS = native.bigIntWordsKey = Symbol('BigInt64 words');
    native.bigIntArrayWords = function (x) {
        return x !== null && typeof x === 'object' ? x[WORDS] : void 0;
    };
}

if (native.bigIntDataView !== void 0) {
    spec.provide(DataView.prototype, native.bigIntDataView);
} else {
    wordsKey();
    spec.defineHidden(DataView.prototype, 'getBigInt64', function getBigInt64(byteOffset) {
        "use duk notail"; /* no constructor, its name without a scope (lib/duk_hooks.c) */
        return (real || load()).getBigInt64(this, byteOffset, arguments[1]);
    });
    spec.defineHidden(DataView.prototype, 'getBigUint64', function getBigUint64(byteOffset) {
        "use duk notail";
        return (real || load()).getBigUint64(this, byteOffset, arguments[1]);
    });
    spec.defineHidden(DataView.prototype, 'setBigInt64', function setBigInt64(byteOffset, value) {
        "use duk notail";
        return (real || load()).setBigInt64(this, byteOffset, value, arguments[2]);
    });
    spec.defineHidden(DataView.prototype, 'setBigUint64', function setBigUint64(byteOffset, value) {
        "use duk notail";
        return (real || load()).setBigUint64(this, byteOffset, value, arguments[2]);
    });
}
