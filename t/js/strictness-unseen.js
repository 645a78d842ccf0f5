// SPDX-License-Identifier: MIT
'use strict';
/*
 * A strict function whose own code cannot tell strict from non-strict (it
 * reads no `this`, assigns and deletes no property or variable by name,
 * has no arguments object and no direct eval) runs as non-strict code, so
 * that its closures do without the two throwing accessors `caller` and
 * `arguments` (lib/duk_hooks.c, strictness_unseen). Everything strict code
 * does that non-strict code does not stays: each function here that could
 * see the difference is still strict, and behaves so. runsStrict(fn) is
 * t/jsrun's view of the flag. Expected values are Node's.
 */

function own(f) {
    return Object.getOwnPropertyNames(f).filter(function (k) { return k !== 'fileName'; }).sort();
}

test('what strict code does differently stays strict', function (t) {
    function readsThis() { return this; }
    t.equal(readsThis(), undefined, 'this is not coerced');
    t.equal(typeof readsThis.call(5), 'number', 'a primitive this stays a primitive');
    t.equal(runsStrict(readsThis), true, 'reads this: strict');

    var frozen = Object.freeze({ x: 1, n: 1 });
    function writes(o) { o.x = 2; }
    t.throws(function () { writes(frozen); }, TypeError, 'a write to a frozen object throws');
    t.equal(runsStrict(writes), true, 'writes a property: strict');

    function increments(o) { return o.n++; }
    t.throws(function () { increments(frozen); }, TypeError, '++ of a frozen property throws');
    t.equal(runsStrict(increments), true, '++ of a property: strict');

    function deletes(o) { return delete o.x; }
    t.throws(function () { deletes(frozen); }, TypeError, 'deleting a non-configurable property throws');
    t.equal(runsStrict(deletes), true, 'deletes: strict');

    function assignsUndeclared() { notDeclaredAnywhere = 1; }
    t.throws(function () { assignsUndeclared(); }, ReferenceError, 'an undeclared name throws');
    t.equal(runsStrict(assignsUndeclared), true, 'assigns a name: strict');

    function outer() {
        var n = 0;
        return function () { n = n + 1; return n; };
    }
    var counter = outer();
    t.equal(counter() + counter(), 3, 'a captured variable written');
    t.equal(runsStrict(counter), false, "assigns a variable the function around it declares: as in non-strict code");

    var named = function self() { self = 1; };
    t.throws(function () { named(); }, TypeError, "a named function expression's own name is read-only");
    t.equal(runsStrict(named), true, 'assigns its own name: strict');
    function nestedSelf() {
        var inner = function self() {
            return function () { self = 2; };
        };
        return inner();
    }
    var assignsSelf = nestedSelf();
    t.throws(function () { assignsSelf(); }, TypeError, 'so does a function inside it');
    t.equal(runsStrict(assignsSelf), true, 'assigns a name an expression binds: strict');
    function shadowsGlobal() {
        return function () { notDeclaredEither = 3; };
    }
    var assignsGlobal = shadowsGlobal();
    t.throws(function () { assignsGlobal(); }, ReferenceError, 'a name declared nowhere around it throws');
    t.equal(runsStrict(assignsGlobal), true, 'assigns an undeclared name from inside a function: strict');

    function args() { return arguments.length; }
    t.equal(args(1, 2), 2, 'arguments');
    t.equal(runsStrict(args), true, 'an arguments object: strict');
    t.throws(function () { return (function () { return arguments.callee; })(); }, TypeError,
        'a strict arguments object has no callee');

    function assignsCaught() {
        try {
            throw 1;
        } catch (e) {
            e = 2;
            return e;
        }
    }
    t.equal(assignsCaught(), 2, 'the catch variable assigned');
    t.equal(runsStrict(assignsCaught), true, 'an assignment by name: strict');
    function assignsAfter() {
        try {
            throw 1;
        } catch (e) {
            void e;
        }
        e = 1;
    }
    t.throws(function () { assignsAfter(); }, ReferenceError, 'the name outside the catch clause is undeclared');
    t.equal(runsStrict(assignsAfter), true, 'strict');

    function evals() { return eval('this'); }
    t.equal(evals(), undefined, 'direct eval code inherits strictness');
    t.equal(runsStrict(evals), true, 'a direct eval: strict');
});

test('what cannot see it runs as non-strict code', function (t) {
    // (the mark fcworker-build leaves on an arrow function: no constructor)
    var double = function double(x) { 'use duk notail'; return x * 2; };
    t.equal(double(2), 4, 'the value');
    t.equal(double.call(5, 3), 6, 'called with a primitive this');
    t.equal(runsStrict(double), false, 'non-strict');
    t.deepEqual(own(double), ['length', 'name'], 'no own caller or arguments, as in ES2015');
    t.equal(double.caller, undefined, 'reading caller gives undefined (a TypeError in V8)');

    function sum(a) {
        var s = 0;
        for (var i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }
    t.equal(sum([1, 2, 3]), 6, '++ of a local variable is arithmetic');
    t.equal(runsStrict(sum), false, 'non-strict');

    var frozen = Object.freeze({ x: 1 });
    function reads(o) {
        try {
            return [o.x, JSON.stringify(o), Object.keys(o).length];
        } catch (e) {
            return e;
        }
    }
    t.deepEqual(reads(frozen), [1, '{"x":1}', 1], 'reads, calls, a try');
    t.equal(runsStrict(reads), false, 'non-strict: a catch clause binds its variable');
    function rethrows(f) {
        try {
            return f();
        } catch (e) {
            return (function () { return 'caught ' + e; })();
        } finally {
            f = null;
        }
    }
    t.equal(rethrows(function () { throw 'x'; }), 'caught x', 'the catch variable seen by a closure');
    t.equal(runsStrict(rethrows), false, 'non-strict');

    function makes() {
        return function (o) { o.x = 2; };
    }
    var inner = makes();
    t.equal(runsStrict(makes), false, 'the maker: non-strict');
    t.equal(runsStrict(inner), true, 'what it makes keeps its own strictness');
    t.throws(function () { inner(frozen); }, TypeError, 'and behaves strict');

    var literal = { get g() { return 1; }, m: function () { return [1, 2].map(function (v) { return v + 1; }); } };
    t.deepEqual(literal.m(), [2, 3], 'a method and its callback');
    t.equal(runsStrict(literal.m), false, 'a method that reads no this');
});
