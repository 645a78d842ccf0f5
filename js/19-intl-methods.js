// SPDX-License-Identifier: MIT
/*
 * The built-in methods that Intl provides: Number.prototype.toLocaleString
 * and String.prototype.localeCompare (18-intl.js), Date.prototype's
 * toLocaleString, toLocaleDateString and toLocaleTimeString
 * (19-intl-date.js). Intl is loaded on first use (lib/runtime_lazy.c), in
 * a pool as in a process for one request, so these files wait until the
 * global Intl is touched or one of these methods is called: each method is
 * a function of the same name, length and source text that loads them
 * (native.loadLazy, the group of the global Intl) on its first call and
 * calls theirs. It stays the method (one function throughout). The
 * directive makes it no constructor, as 19-non-constructors.js makes
 * theirs, and gives it its name without a scope of its own
 * (lib/duk_hooks.c): cheaper than setNameAndLength. An assignment keeps
 * the built-in property's attributes (writable, configurable, not
 * enumerable), as defineHidden would make them. Each call costs the
 * method's own call more than Intl's work: the group's functions of the
 * this value first take it (18-intl.js, 19-intl-date.js); the group is
 * 200 KB of each child's heap.
 */
'use strict';

var real = null;

/* Loads the Intl files; their methods as functions of (this, ...). */
function load() {
    if (native.intl === void 0) {
        native.loadLazy('Intl');
    }
    var their = native.intl;
    real = {
        number: their.numberToLocaleStringOf,
        compare: their.localeCompareOf,
        date: their.dateMethodsOf.toLocaleString,
        dateDate: their.dateMethodsOf.toLocaleDateString,
        dateTime: their.dateMethodsOf.toLocaleTimeString
    };
    return real;
}

/* formal parameters, not arguments (an arguments object costs a call
 * ~6,000 instructions), and the lengths of the specification */
Number.prototype.toLocaleString = function toLocaleString(locales, options) {
    "use duk notail";
    return (real || load()).number(this, locales, options);
};
String.prototype.localeCompare = function localeCompare(that, locales, options) {
    "use duk notail";
    return (real || load()).compare(this, that, locales, options);
};
Date.prototype.toLocaleString = function toLocaleString(locales, options) {
    "use duk notail";
    return (real || load()).date(this, locales, options);
};
Date.prototype.toLocaleDateString = function toLocaleDateString(locales, options) {
    "use duk notail";
    return (real || load()).dateDate(this, locales, options);
};
Date.prototype.toLocaleTimeString = function toLocaleTimeString(locales, options) {
    "use duk notail";
    return (real || load()).dateTime(this, locales, options);
};
native.defineData(Number.prototype.toLocaleString, 'length', 0, 4);
native.defineData(String.prototype.localeCompare, 'length', 1, 4);
native.defineData(Date.prototype.toLocaleString, 'length', 0, 4);
native.defineData(Date.prototype.toLocaleDateString, 'length', 0, 4);
native.defineData(Date.prototype.toLocaleTimeString, 'length', 0, 4);
