// SPDX-License-Identifier: MIT
// A prime field as @noble/curves' modular.js has it: the methods get their
// BigInts through parameters and fields only.
const _0n = BigInt(0), _1n = BigInt(1), _2n = BigInt(2);

export function mod(a, b) {
    const result = a % b;
    return result >= _0n ? result : b + result;
}

function isPosBig(n) {
    return typeof n === 'bigint' && _0n <= n;
}

export function inRange(n, min, max) {
    return isPosBig(n) && isPosBig(min) && isPosBig(max) && min <= n && n < max;
}

export class Field {
    ZERO = _0n;
    ONE = _1n;
    constructor(order) {
        this.ORDER = order;
        Object.freeze(this);
    }
    add(a, b) {
        return mod(a + b, this.ORDER);
    }
    sub(a, b) {
        return mod(a - b, this.ORDER);
    }
    mul(a, b) {
        return mod(a * b, this.ORDER);
    }
    neg(a) {
        return mod(-a, this.ORDER);
    }
    is0(a) {
        return a === this.ZERO;
    }
    pow(num, power) {
        let p = this.ONE, d = num;
        while (power > 0) {
            if (power & this.ONE) {
                p = this.mul(p, d);
            }
            d = this.mul(d, d);
            power >>= this.ONE;
        }
        return p;
    }
    inv(a) {
        return this.pow(a, this.ORDER - _2n);
    }
}
