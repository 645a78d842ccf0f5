// SPDX-License-Identifier: MIT
/*
 * The built-in methods that Intl provides: Number.prototype.toLocaleString
 * and String.prototype.localeCompare (18-intl.js), Date.prototype's
 * toLocaleString, toLocaleDateString and toLocaleTimeString
 * (19-intl-date.js). Where those files have run (a pool's runtime: every
 * file at start), the methods are theirs. A process for one request (CGI)
 * leaves the Intl files until the global Intl is touched
 * (lib/runtime_lazy.c) or one of these methods is called: each method is
 * then a function of the same name and length that loads them
 * (native.loadLazy, the group of the global Intl) on its first call and
 * calls theirs. It stays the method (one function throughout, as a script
 * sees in a pool); 19-non-constructors.js makes it no constructor.
 */
'use strict';

var spec = native.spec;
var intl = native.intl;
/* f -> a function calling f with its first argument as this (the
 * intrinsic call, whatever a script makes of Function.prototype.call) */
var bindCall = Function.prototype.bind.bind(Function.prototype.call);

/* [prototype, name, length, where the Intl files keep it] */
var METHODS = [
    [Number.prototype, 'toLocaleString', 0, 'numberToLocaleString'],
    [String.prototype, 'localeCompare', 1, 'localeCompare'],
    [Date.prototype, 'toLocaleString', 0, 'date'],
    [Date.prototype, 'toLocaleDateString', 0, 'date'],
    [Date.prototype, 'toLocaleTimeString', 0, 'date']
];

/* The Intl files' method: key names it in native.intl, or 'date' in
 * native.intl.dateMethods under its own name. */
function theirs(loaded, name, key) {
    return key === 'date' ? loaded.dateMethods[name] : loaded[key];
}

function loadOnCall(name, length, key) {
    var real = null;
    var fn = function (a, b, c) {
        if (real === null) {
            if (native.intl === void 0) {
                native.loadLazy('Intl');
            }
            real = bindCall(theirs(native.intl, name, key));
        }
        return real(this, a, b, c);
    };
    spec.setNameAndLength(fn, name, length);
    return fn;
}

for (var i = 0; i < METHODS.length; i++) {
    var m = METHODS[i];
    spec.defineHidden(m[0], m[1], intl !== void 0 ? theirs(intl, m[1], m[3]) : loadOnCall(m[1], m[2], m[3]));
}
