// SPDX-License-Identifier: MIT
// Put before a bundle of contrib/fcworker-build when workerd runs it. The
// build lowers BigInt operators into calls of `__fcw_bigint`, an object
// fcworker's runtime provides; workerd has native BigInts, so here each
// operation is simply its operator.
var __fcw_bigint = (function () {
    'use strict';
    function numeric(x) {
        return typeof x === 'bigint' ? x : +x;
    }
    function step(x, delta) {
        x = numeric(x);
        return typeof x === 'bigint' ? x + BigInt(delta) : x + delta;
    }
    var literals = Object.create(null);
    var tested;
    return Object.freeze({
        lit: function (text) { return text in literals ? literals[text] : (literals[text] = BigInt(text)); },
        add: function (a, b) { return a + b; },
        sub: function (a, b) { return a - b; },
        mul: function (a, b) { return a * b; },
        div: function (a, b) { return a / b; },
        mod: function (a, b) { return a % b; },
        exp: function (a, b) { return a ** b; },
        and: function (a, b) { return a & b; },
        or: function (a, b) { return a | b; },
        xor: function (a, b) { return a ^ b; },
        shl: function (a, b) { return a << b; },
        sar: function (a, b) { return a >> b; },
        shr: function (a, b) { return a >>> b; },
        lt: function (a, b) { return a < b; },
        le: function (a, b) { return a <= b; },
        gt: function (a, b) { return a > b; },
        ge: function (a, b) { return a >= b; },
        eq: function (a, b) { return a == b; },
        ne: function (a, b) { return a != b; },
        seq: function (a, b) { return a === b; },
        sne: function (a, b) { return a !== b; },
        neg: function (x) { return -x; },
        not: function (x) { return ~x; },
        pos: function (x) { return +x; },
        inc: function (x) { return step(x, 1); },
        dec: function (x) { return step(x, -1); },
        post: function (old) { return numeric(old); },
        update: function (obj, key, delta, postfix) {
            var old = numeric(obj[key]);
            obj[key] = step(old, delta);
            return postfix ? old : obj[key];
        },
        assign: function (obj, key, op, value) { return (obj[key] = op(obj[key], value)); },
        typeOf: function (x) { return typeof x; },
        isBigInt: function (x) { return typeof x === 'bigint'; },
        truthy: function (x) { return !!x; },
        nz: function (x) { return x; },
        test: function (x) { tested = x; return !!x; },
        tested: function () { var x = tested; tested = void 0; return x; }
    });
})();
