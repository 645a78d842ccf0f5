// SPDX-License-Identifier: MIT
// A module with no BigInt constant, literal or name: its functions and
// methods get BigInts only through parameters (flow.js).
export function sum(a, b) {
    return a + b;
}
export function less(a, b) {
    return a < b;
}
export function same(a, b) {
    return a === b;
}
export function isZero(a) {
    return a ? 'nonzero' : 'zero';
}
export function amountOrFee(r) {
    return r.amount || r.fee;
}
export function feeIfAmount(r) {
    return r.amount && r.fee;
}
export function orDefault(a) {
    return a || 'default';
}
export function scaled(a, k) {
    const s = a * k;
    return twice(s);
}
function twice(v) {
    return v + v;
}
export const math = {
    mul(a, b) {
        return a * b;
    },
    neg(a) {
        return -a;
    },
    max(list) {
        let m = list[0];
        for (const v of list) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
};
export class Acc {
    constructor(v) {
        this.v = v;
    }
    add(x) {
        this.v += x;
        return this;
    }
}
export class Wallet {
    constructor(balance) {
        this.balance = balance;
        this.log = [];
    }
    deposit(x) {
        this.balance = this.balance + x;
        this.log.push(x);
        return this;
    }
    isEmpty() {
        return this.balance ? 'no' : 'yes';
    }
    over(limit) {
        return this.balance > limit;
    }
    total() {
        return this.log.reduce((a, b) => a + b, this.balance - this.balance);
    }
}
export function square(v) {
    return v * v;
}
export function add(a, b) {
    return a + b;
}
