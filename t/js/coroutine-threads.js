// SPDX-License-Identifier: MIT
/*
 * An async function as fcworker-build lowers it runs its body on a Duktape
 * thread of its own (__fcw_helpers.coAsync, js/10-promise.js). When the
 * body has returned or thrown, the thread is terminated, and the promise
 * core keeps it for the next async call (lib/duk_hooks.c, co_recycle and
 * co_reuse) unless something else holds it. A kept thread must start
 * each run as a new one would: these runs end every way a body can end,
 * one after another and inside each other, and each checks what it sees.
 */
var co = __fcw_helpers;
var coAsync = co.coAsync, coYield = co.coYield;

/* async function (x) { const y = await x; return y + 1; } */
function plusOne(x) {
    return coAsync(void 0, [x], function (x) {
        var y = coYield(x);
        return y + 1;
    });
}

/* async function (message) { await 0; throw new Error(message); } */
function failing(message) {
    return coAsync(void 0, [message], function (message) {
        coYield(0);
        throw new Error(message);
    });
}

/* async function (n) { return n === 0 ? 0 : 1 + await depth(n - 1); } */
function depth(n) {
    return coAsync(void 0, [n], function (n) {
        return n === 0 ? 0 : 1 + coYield(depth(n - 1));
    });
}

test('sequential async calls, each on a thread that may be a kept one', function (t) {
    return coAsync(void 0, [], function () {
        var sum = 0, i;
        for (i = 0; i < 40; i++) {
            sum += coYield(plusOne(i));
        }
        t.equal(sum, 40 * 41 / 2, 'forty calls, one after another');
        var caught = [];
        for (i = 0; i < 5; i++) {
            try {
                coYield(failing('no ' + i));
            } catch (e) {
                caught.push(e.message);
            }
            caught.push(coYield(plusOne(i * 10)));
        }
        t.deepEqual(caught, ['no 0', 1, 'no 1', 11, 'no 2', 21, 'no 3', 31, 'no 4', 41],
            'a run after one that threw starts clean');
        t.equal(coYield(depth(30)), 30, 'thirty runs inside each other, then ended together');
        t.equal(coYield(depth(30)), 30, 'and again, on the threads they left');
        t.equal(coYield(depth(400)), 400, 'a deeper chain than the threads kept');
    });
});

test('a thread something still holds is not started again', function (t) {
    var held = [];
    function holder(i) {
        return coAsync(void 0, [i], function (i) {
            held.push(currentThread());
            coYield(i);
            return i;
        });
    }
    return coAsync(void 0, [], function () {
        for (var i = 0; i < 20; i++) {
            t.equal(coYield(holder(i)), i, 'run ' + i + ' ends with its own value');
        }
        var distinct = held.filter(function (thread, i) {
            return held.indexOf(thread) === i;
        });
        t.equal(distinct.length, 20, 'each held run had a thread no other run got');
        t.ok(held.indexOf(currentThread()) < 0, 'and none of them is this one');
    });
});

test('an async call starts on a thread with its own this, arguments and stack', function (t) {
    function probe(self, a, b) {
        return coAsync(self, [a, b], function (a, b) {
            var before = new Error('here').stack.split('\n').length;
            coYield(null);
            return [this === self, a, b, arguments.length, before];
        });
    }
    return coAsync(void 0, [], function () {
        var self = { name: 'self' };
        var first = coYield(probe(self, 1, 'two'));
        coYield(plusOne(0));
        var second = coYield(probe(self, 3, void 0));
        t.deepEqual(first.slice(0, 4), [true, 1, 'two', 2], 'the first run');
        t.deepEqual(second.slice(0, 4), [true, 3, undefined, 2], 'a later run');
        t.equal(second[4], first[4], 'a stack trace as deep as the first one\'s');
    });
});
