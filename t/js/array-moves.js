// SPDX-License-Identifier: MIT
/*
 * Array.prototype.shift, unshift and splice move a dense array's elements
 * in C (lib/duk_hooks.c, one memmove) and hand every other array to
 * Duktape's own. Each operation here runs on a dense array and on an
 * array-like object with the same elements (always Duktape's own, one
 * property at a time), and both must end the same.
 */

var seed = 20261206;
function random(n) {
    /* Park and Miller's generator, exact in doubles; the high bits */
    seed = seed * 48271 % 2147483647;
    return Math.floor(seed / 2147483647 * n);
}

function arrayLike(array) {
    var o = { length: array.length };
    for (var i = 0; i < array.length; i++) {
        if (i in array) {
            o[i] = array[i];
        }
    }
    return o;
}

function same(t, array, like, what) {
    var ok = array.length === like.length;
    for (var i = 0; ok && i < array.length; i++) {
        ok = (i in array) === (i in like) && array[i] === like[i];
    }
    for (var k in like) {
        if (k !== 'length' && +k >= like.length) {
            ok = false;
        }
    }
    if (!ok) {
        t.ok(false, what + ': ' + JSON.stringify(array) + ' against ' + JSON.stringify(like));
    }
    return ok;
}

test('shift, unshift and splice on dense arrays: as on array-likes, 2,000 random operations', function (t) {
    var all = true;
    var objects = [];
    for (var n = 0; n < 40; n++) {
        objects.push({ n: n });
    }
    for (var round = 0; round < 200 && all; round++) {
        var array = [];
        var size = random(3) === 0 ? random(300) : random(12);
        for (var i = 0; i < size; i++) {
            array.push(random(2) ? objects[random(objects.length)] : 'v' + i);
        }
        var like = arrayLike(array);
        for (var step = 0; step < 10 && all; step++) {
            var op = random(4), r1, r2, args = [];
            if (op === 0) {
                r1 = array.shift();
                r2 = Array.prototype.shift.call(like);
            } else if (op === 1) {
                for (var a = random(4); a > 0; a--) {
                    args.push(objects[random(objects.length)]);
                }
                r1 = array.unshift.apply(array, args);
                r2 = Array.prototype.unshift.apply(like, args);
            } else {
                var starts = [0, 1, -1, -3, 5, 1000, -1000, NaN, Infinity, -Infinity, 2.5, random(20)];
                args.push(starts[random(starts.length)]);
                if (random(5) > 0) {
                    args.push([0, 1, 2, 7, -1, NaN, Infinity, 1.5, random(30)][random(9)]);
                    for (var b = random(5); b > 0; b--) {
                        args.push(objects[random(objects.length)]);
                    }
                }
                r1 = array.splice.apply(array, args);
                r2 = Array.prototype.splice.apply(like, args);
                all = same(t, r1, r2, 'the removed elements of splice(' + args.join(', ') + ')') && all;
                r1 = r2 = 0;
            }
            all = r1 === r2 && same(t, array, like, ['shift', 'unshift', 'splice', 'splice'][op]) && all;
        }
    }
    t.ok(all, 'every result and every array the same');
});

test('shift, unshift and splice: the arrays the C side leaves to Duktape', function (t) {
    var holes = [1, , 3];
    t.equal(holes.shift(), 1, 'holes: shift');
    t.ok(!(0 in holes) && holes.length === 2 && holes[1] === 3, 'the hole moves down');
    var frozen = Object.freeze([1, 2]);
    t.throws(function () { frozen.shift(); }, TypeError, 'a frozen array: shift throws');
    t.throws(function () { frozen.splice(0, 1); }, TypeError, 'and splice');
    var fixed = Object.preventExtensions([1, 2]);
    t.throws(function () { fixed.unshift(0); }, TypeError, 'a non-extensible array: unshift throws');
    t.equal(fixed.shift(), 1, 'but shift works');
    t.deepEqual(fixed, [2], 'and leaves the rest');
    var lengthFixed = [1, 2, 3];
    Object.defineProperty(lengthFixed, 'length', { writable: false });
    t.throws(function () { lengthFixed.shift(); }, TypeError, 'a non-writable length: shift throws');
    var seen = [];
    Object.defineProperty(Array.prototype, 3, {
        set: function (v) { seen.push(v); }, get: function () { return 'inherited'; }, configurable: true
    });
    try {
        var a = [1, 2, 3];
        a.unshift(0);
        t.deepEqual(seen, [3], "an index setter of Array.prototype is called by unshift's moves");
        t.equal(a.length, 4, 'the length still grows');
        var b = [1, 2, 3];
        b.splice(1, 0, 'x');
        t.deepEqual(seen, [3, 3], 'and by a growing splice');
    } finally {
        delete Array.prototype[3];
    }
    function Sub() {}
    Sub.prototype = Object.create(Array.prototype);
    var sub = [1, 2];
    Object.setPrototypeOf(sub, Sub.prototype);
    t.equal(sub.unshift(0), 3, 'another prototype: unshift');
    t.deepEqual(Array.prototype.slice.call(sub), [0, 1, 2], 'its elements');
    t.deepEqual([5, 6, 7].splice('1', '1'), [6], 'string arguments are converted');
    var count = 0;
    var start = { valueOf: function () { count++; return 0; } };
    t.deepEqual([5, 6].splice(start, 1), [5], 'an object argument');
    t.equal(count, 1, 'is converted once');
    t.deepEqual([1, 2].splice(), [], 'no argument: nothing removed');
});

test('push: as on array-likes, 2,000 random pushes onto arrays of every size', function (t) {
    var all = true;
    for (var round = 0; round < 200 && all; round++) {
        var array = [], like = { length: 0 };
        var base = random(3) === 0 ? random(100) : random(6);
        for (var i = 0; i < base; i++) {
            array[i] = 'b' + i;
            like[i] = 'b' + i;
        }
        like.length = base;
        if (random(4) === 0 && base > 1) {
            delete array[1];
            delete like[1];
        }
        for (var step = 0; step < 10 && all; step++) {
            var args = [];
            for (var a = random(5); a > 0; a--) {
                args.push(random(2) ? { n: a } : 'p' + step + '.' + a);
            }
            var r1 = array.push.apply(array, args);
            var r2 = Array.prototype.push.apply(like, args);
            all = r1 === r2 && same(t, array, like, 'push of ' + args.length) && all;
        }
    }
    t.ok(all, 'every length returned and every array the same');
    var big = [];
    for (var k = 0; k < 100000; k++) {
        big.push(k);
    }
    var sum = 0;
    for (k = 0; k < big.length; k++) {
        sum += big[k];
    }
    t.ok(big.length === 100000 && sum === 4999950000, 'a 100,000-element array built by push');
});

test('push: the arrays the C side leaves to Duktape', function (t) {
    t.throws(function () { Object.freeze([1]).push(2); }, TypeError, 'a frozen array: push throws');
    var sealed = Object.seal([1]);
    t.throws(function () { sealed.push(2); }, TypeError, 'a sealed one too');
    t.equal(sealed.length, 1, 'and keeps its length');
    var fixed = Object.preventExtensions([1, 2]);
    t.throws(function () { fixed.push(3); }, TypeError, 'a non-extensible array: push throws');
    var lengthFixed = [1];
    Object.defineProperty(lengthFixed, 'length', { writable: false });
    t.throws(function () { lengthFixed.push(2); }, TypeError, 'a non-writable length: push throws');
    var seen = [];
    Object.defineProperty(Array.prototype, 2, {
        set: function (v) { seen.push(v); }, get: function () { return 'inherited'; }, configurable: true
    });
    try {
        var a = [0, 1];
        t.equal(a.push('x', 'y'), 4, 'an index setter of Array.prototype: push returns the length');
        t.deepEqual(seen, ['x'], 'and the setter is called for its index');
    } finally {
        delete Array.prototype[2];
    }
    var huge = [];
    huge.length = 4294967295;
    t.throws(function () { huge.push(1); }, RangeError, 'past 2^32 - 1 elements: a RangeError (as in V8)');
    var sparse = [];
    sparse[50] = 'x';
    t.equal(sparse.push('y'), 52, 'a sparse array');
    t.ok(sparse[51] === 'y' && !(10 in sparse), 'keeps its holes');
    t.equal(Array.prototype.push.call({ length: 1 }, 'z'), 2, 'an array-like');
    t.equal([].push(), 0, 'no items: the length');
});

test('shift: a long queue', function (t) {
    var queue = [];
    for (var i = 0; i < 20000; i++) {
        queue.push({ i: i });
    }
    var ok = true;
    for (var j = 0; j < 20000; j++) {
        ok = queue.shift().i === j && ok;
    }
    t.ok(ok && queue.length === 0, 'every element comes out once, in order');
});
