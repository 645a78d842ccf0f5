// SPDX-License-Identifier: MIT
/*
 * A function with functions nested in it keeps the variables they can look
 * up by name in its variable map, and a call that makes a closure copies
 * each of them into the closure's environment at its return. The map holds
 * only the names that appear among the nested functions' constants
 * (lib/duk_hooks.c, cut_varmap); where names are looked up that no
 * constant shows (a direct eval, `with`, a non-strict arguments object) it
 * holds them all. varmapNames(fn) is t/jsrun's view of the map. Each case
 * checks what the code computes (as Node computes it) and which names
 * stayed.
 */

function sorted(names) {
    return names === undefined ? undefined : names.slice().sort();
}

test('a closure keeps the variables it names, and no others', function (t) {
    function outer() {
        var a = 1, b = 2, c = 3, unused = 4;
        var f = function () { return a + c; };
        b = c + unused;
        a = 10;
        return f;
    }
    t.deepEqual(sorted(varmapNames(outer)), ['a', 'c'], 'the map: the captured names');
    t.equal(outer()(), 13, 'the closure reads the values at the return');
});

test('closures that write a captured variable share it after the return', function (t) {
    function counter() {
        var n = 0, step = 1, label = 'count', scratch = [];
        scratch.push(label);
        return {
            inc: function () { n += step; return n; },
            get: function () { return n; },
            reset: function () { n = 0; }
        };
    }
    t.deepEqual(sorted(varmapNames(counter)), ['n', 'step'], 'the map');
    var c = counter();
    c.inc();
    c.inc();
    t.equal(c.get(), 2, 'both closures see one variable');
    c.reset();
    t.equal(c.inc(), 1, 'written through a third');
});

test('names looked up by typeof, delete, ++ and a call', function (t) {
    function outer() {
        var x = 1, y = 2, z = 3, g = function () { return 'g'; }, also = 5, notNamed = 6;
        notNamed++;
        return function () {
            var r = [typeof x, delete y, z++, g()];
            return r.concat([z, also === void 0]);
        };
    }
    t.deepEqual(sorted(varmapNames(outer)), ['also', 'g', 'x', 'y', 'z'], 'the map');
    t.deepEqual(outer()(), ['number', false, 3, 'g', 4, false], 'the values');
});

test('a name used only two levels down', function (t) {
    function outer() {
        var deep = 'deep', shallow = 'shallow', none = 'none';
        void none;
        return function () {
            return function () { return deep; };
        };
    }
    t.deepEqual(sorted(varmapNames(outer)), ['deep'], 'the map');
    t.equal(outer()()(), 'deep', 'the value');
    t.equal(varmapNames(outer()), undefined, 'the middle function has no variables to keep');
});

test('no nested function names a variable: no map', function (t) {
    function outer(p) {
        var q = p + 1;
        return function () { return 42; };
    }
    t.equal(varmapNames(outer), undefined, 'no map');
    t.equal(outer(1)(), 42, 'the value');
});

test('a recursive inner function found through the outer one', function (t) {
    function compose(list) {
        var index = -1, total = 0;
        function dispatch(i) {
            if (i <= index) throw new Error('twice');
            index = i;
            if (i === list.length) return total;
            return list[i](function () { return dispatch(i + 1); });
        }
        return dispatch(0);
    }
    t.deepEqual(sorted(varmapNames(compose)), ['dispatch', 'index', 'list', 'total'], 'the map');
    t.equal(compose([function (next) { return next() + 1; }, function (next) { return next() * 2; }]), 1, 'the chain');
});

test('a direct eval keeps every name, in the function and those around it', function (t) {
    function withEval() {
        var s = 'secret', u = 'unnamed';
        var f = function () { return 1; };
        return [eval('s + u'), f()];
    }
    t.deepEqual(sorted(varmapNames(withEval)), ['f', 's', 'u'], 'eval in the function itself');
    t.deepEqual(withEval(), ['secretunnamed', 1], 'its values');
    function around() {
        var hidden = 'hidden', other = 'other';
        return function () { return eval('hidden + other'); };
    }
    t.deepEqual(sorted(varmapNames(around)), ['hidden', 'other'], 'eval in a nested function');
    t.equal(around()(), 'hiddenother', 'its value');
    function twoDown() {
        var far = 'far';
        return function () { return function () { return eval('far'); }; };
    }
    t.deepEqual(varmapNames(twoDown), ['far'], 'eval two levels down');
    t.equal(twoDown()()(), 'far', 'its value');
});

test('with: the function looks its own variables up by name', function (t) {
    // (non-strict code: this file runs as a global program)
    function w(o) {
        var k = 'own', h = function () { return 0; };
        with (o) {
            return [k, h()];
        }
    }
    t.deepEqual(w({}), ['own', 0], 'the variable when the object lacks it');
    t.deepEqual(w({ k: 'object' }), ['object', 0], 'the object when it has it');
    t.deepEqual(sorted(varmapNames(w)), ['h', 'k', 'o'], 'the map is whole');
});

test('a non-strict arguments object reads the parameters through the record', function (t) {
    function mapped(a, b) {
        var f = function () { return a; };
        arguments[0] = 5;
        arguments[1] = 9;
        return [a, b, f()];
    }
    t.deepEqual(mapped(1, 2), [5, 9, 5], 'arguments and parameters stay one');
    t.deepEqual(sorted(varmapNames(mapped)), ['a', 'b', 'f'], 'the map is whole');
});

test('a catch binding and the variable it shadows', function (t) {
    function caught() {
        var z = 1, e = 'outer', spare = 0;
        spare++;
        try {
            throw 'inner';
        } catch (e) {
            var g = function () { return e + z; };
            return [g(), e];
        }
    }
    t.deepEqual(caught(), ['inner1', 'inner'], 'the catch binding wins inside');
    t.deepEqual(sorted(varmapNames(caught)), ['e', 'z'], 'the map');
    function after() {
        var e = 'outer', seen;
        try {
            throw 'inner';
        } catch (e) {
            seen = e;
        }
        return [seen, (function () { return e; })()];
    }
    t.deepEqual(after(), ['inner', 'outer'], 'the variable after the catch');
});

test('closures made in a loop, each call its own record', function (t) {
    function make(n) {
        var out = [], i, j = 0, spare = 'x';
        for (i = 0; i < n; i++) {
            out.push((function (k) {
                var unusedInner = k * 2;
                return function () { return k + j + unusedInner * 0; };
            })(i));
        }
        j = 100;
        return out.map(function (f) { return f(); }).join(',') + spare.length;
    }
    t.equal(make(3), '100,101,102' + 1, 'the values');
    t.deepEqual(sorted(varmapNames(make)), ['j'], 'the map of the outer function');
});
