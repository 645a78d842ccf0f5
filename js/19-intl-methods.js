// SPDX-License-Identifier: MIT
/*
 * The built-in methods that Intl provides: Number.prototype.toLocaleString
 * and String.prototype.localeCompare (18-intl.js), Date.prototype's
 * toLocaleString, toLocaleDateString and toLocaleTimeString
 * (19-intl-date.js). Where those files have run (a pool's runtime: every
 * file at start), the methods are theirs. A process for one request (CGI)
 * leaves the Intl files until the global Intl is touched
 * (lib/runtime_lazy.c) or one of these methods is called: each method is
 * then a function of the same name, length and source text that loads them
 * (native.loadLazy, the group of the global Intl) on its first call and
 * calls theirs. It stays the method (one function throughout, as a script
 * sees in a pool). The directive makes it no constructor, as
 * 19-non-constructors.js makes theirs, and gives it its name without a
 * scope of its own (lib/duk_hooks.c): cheaper than setNameAndLength. An
 * assignment keeps the built-in property's attributes (writable,
 * configurable, not enumerable), as defineHidden would make them.
 */
'use strict';

var intl = native.intl;
/* the intrinsics, whatever a script makes of them before the first call */
var apply = Reflect.apply;
var bind = Function.prototype.bind;
var call = Function.prototype.call;
var real = null;

/* f -> a function calling f with its first argument as this */
function bindCall(f) {
    return apply(bind, call, [f]);
}

/* Loads the Intl files; their methods as functions of (this, ...). */
function load() {
    if (native.intl === void 0) {
        native.loadLazy('Intl');
    }
    var their = native.intl;
    real = {
        number: bindCall(their.numberToLocaleString),
        compare: bindCall(their.localeCompare),
        date: bindCall(their.dateMethods.toLocaleString),
        dateDate: bindCall(their.dateMethods.toLocaleDateString),
        dateTime: bindCall(their.dateMethods.toLocaleTimeString)
    };
    return real;
}

if (intl !== void 0) {
    Number.prototype.toLocaleString = intl.numberToLocaleString;
    String.prototype.localeCompare = intl.localeCompare;
    Date.prototype.toLocaleString = intl.dateMethods.toLocaleString;
    Date.prototype.toLocaleDateString = intl.dateMethods.toLocaleDateString;
    Date.prototype.toLocaleTimeString = intl.dateMethods.toLocaleTimeString;
} else {
    Number.prototype.toLocaleString = function toLocaleString() {
        "use duk notail";
        return (real || load()).number(this, arguments[0], arguments[1]);
    };
    String.prototype.localeCompare = function localeCompare(that) {
        "use duk notail";
        return (real || load()).compare(this, that, arguments[1], arguments[2]);
    };
    Date.prototype.toLocaleString = function toLocaleString() {
        "use duk notail";
        return (real || load()).date(this, arguments[0], arguments[1]);
    };
    Date.prototype.toLocaleDateString = function toLocaleDateString() {
        "use duk notail";
        return (real || load()).dateDate(this, arguments[0], arguments[1]);
    };
    Date.prototype.toLocaleTimeString = function toLocaleTimeString() {
        "use duk notail";
        return (real || load()).dateTime(this, arguments[0], arguments[1]);
    };
}
