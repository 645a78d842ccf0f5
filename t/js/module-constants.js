// SPDX-License-Identifier: MIT
/*
 * This file is a module (it ends with `export default`): the loader runs
 * it as the body of one function, and once that has returned, the reads
 * by name of its top-level bindings that no code of it writes become reads
 * of constants (lib/duk_hooks.c, fcw_duk_bind_constants). readsByName(fn)
 * (t/jsrun) lists the names fn still reads by name. Every binding below
 * must read what it holds, and only those that cannot change are read as
 * constants. A process that serves one request (t/js-single-request.t)
 * skips the pass: there it would cost more than it saves.
 */
var bound = !env.FCW_TEST_SINGLE_REQUEST;
var SLOT = Symbol('slot');
var helper = function (x) {
    return x * 2;
};
var table = { a: 1 };
var counter = 0;
var changed = 'first';
var late;
var caughtName = 'module';
var seenDuringLoad = readLate();
late = 'set at the end of the module';

function readLate() {
    return late;
}

function readConstants(o) {
    return [o[SLOT], table.a];
}

function bump() {
    counter++;
    return counter;
}

function change(v) {
    changed = v;
}

function readChanged() {
    return changed;
}

function readCounter() {
    return counter;
}

function callHelper(x) {
    return helper(x) + 1;
}

/* functions that read `this`: a CSVAR gives a call undefined; an LDCONST
 * in its place leaves the register after the callee as it is, which no
 * instruction of these callers writes: undefined too */
function strictThis() {
    'use strict';
    return this;
}

var sloppyThis = new Function('return this');

function callStrictThis() {
    var s = 'a string in a register';
    return [s, strictThis()];
}

function callSloppyThis() {
    return sloppyThis() === (0, eval)('this');
}

/* a call whose `this` register a method call set before: that call's
 * return wiped it (every register above the call's base), so a constant */
function callAfterMethod(o) {
    o.m();
    return helper(5);
}

/* the same register holding a method call's object first */
function callAfterStrict(o) {
    o.m();
    return strictThis();
}

/* the register holding a value no call wiped (an operand of the sum):
 * left as a CSVAR */
function callAfterSum(o) {
    var s = o.x + o.y;
    var r = strictThis();
    return [s, r];
}

/* a catch clause's variable named as a module binding */
function caught() {
    try {
        throw 'thrown';
    } catch (caughtName) {
        return (function () {
            return caughtName;
        })();
    }
}

function readCaughtName() {
    return caughtName;
}

/* a named function expression whose name is a module binding's */
var named = function helper() {
    return typeof helper;
};

/* a variable of an enclosing function named as a module binding */
function outer() {
    var counter = 'outer';
    return function () {
        return counter;
    };
}

/* the name both read and used as a property key in one function */
function keyAndRead(o) {
    return [o.table, table.a];
}

test('bindings no code writes are read as constants, with their values', function (t) {
    var o = {};
    o[SLOT] = 'slotted';
    t.deepEqual(readConstants(o), ['slotted', 1], 'a symbol and an object');
    t.deepEqual(readsByName(readConstants), bound ? [] : ['SLOT', 'table'], 'read without a look-up by name');
    t.equal(callHelper(4), 9, 'a call of a function that does not read this');
    t.deepEqual(readsByName(callHelper), bound ? [] : ['helper'], 'is a call of a constant');
    t.equal(seenDuringLoad, undefined, 'a read while the module ran saw the binding unset');
    t.equal(readLate(), 'set at the end of the module', 'and now reads its last value');
    t.deepEqual(readsByName(readLate), bound ? [] : ['late'], 'as a constant');
});

test('bindings a function writes are still read by name', function (t) {
    t.equal(bump(), 1, '++ of a module binding');
    t.equal(bump(), 2, 'again');
    t.equal(readCounter(), 2, 'another function sees it');
    t.deepEqual(readsByName(readCounter), ['counter'], 'by name');
    change('second');
    t.equal(readChanged(), 'second', 'an assigned binding');
    t.deepEqual(readsByName(readChanged), ['changed'], 'by name');
});

test('calls of constants: the callee\'s this is undefined as before', function (t) {
    t.deepEqual(callStrictThis(), ['a string in a register', undefined], 'a strict function reading this gets undefined');
    t.deepEqual(readsByName(callStrictThis), bound ? [] : ['strictThis'], 'called as a constant');
    t.equal(callSloppyThis(), true, 'a function made by new Function gets the global object');
    t.equal(callAfterMethod({ m: function () { return 5; } }), 10, 'a call after a method call');
    t.deepEqual(readsByName(callAfterMethod), bound ? [] : ['helper'],
        'whose this register the method call wrote and its return wiped: a constant');
    t.equal(callAfterStrict({ m: function () { return 'x'; } }), undefined, 'a strict callee after a method call');
    t.deepEqual(readsByName(callAfterStrict), bound ? [] : ['strictThis'], 'a constant');
    t.deepEqual(callAfterSum({ x: 'a', y: 'b' }), ['ab', undefined], 'a strict callee after a sum of two reads');
    t.deepEqual(readsByName(callAfterSum), ['strictThis'], 'whose this register holds an operand: by name');
});

test('names bound nearer than the module keep their look-ups', function (t) {
    t.equal(caught(), 'thrown', 'a catch variable');
    t.equal(readCaughtName(), 'module', 'the module binding of its name');
    t.deepEqual(readsByName(readCaughtName), ['caughtName'], 'read by name (a catch binds it by a write)');
    t.equal(named(), 'function', 'a named function expression\'s own name');
    t.equal(outer()(), 'outer', 'a variable of an enclosing function');
    t.deepEqual(keyAndRead({ table: 'key' }), ['key', 1], 'a name that is also a property key');
    t.deepEqual(readsByName(keyAndRead), ['table'], 'whose constant serves both: read by name');
});

export default {};
