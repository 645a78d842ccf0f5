// SPDX-License-Identifier: MIT
// BigInts that reach functions only through variables, parameters and return
// values: a module without BigInt constants (params/plain.js) is called with
// locals holding BigInts, its methods by name, and what a function returns
// is followed into the variable that holds it. `r.amount || r.fee` is
// false for a 0n field. A class that keeps a BigInt in a field of `this`
// (Wallet) has its methods lowered; functions given to an array of BigInts'
// methods get BigInts (list.map(square)). `x ||= y` assigns to a 0n x, and
// list.filter((v) => v) drops it. A conditional tested for truth tests its
// branches: `(c ? a && b : !a) ? ... : ...` (bignumber.js compares so).
import { sum, less, same, isZero, orDefault, amountOrFee, feeIfAmount, scaled, math, Acc, Wallet, square, add } from './params/plain.js';

function parse(text) {
    return BigInt(text);
}

function main() {
    const big = parse('123456789012345678901234567890');
    const x = BigInt(2) ** BigInt(70);
    const y = x + BigInt(1), z = BigInt(0);
    const out = [];
    out.push([sum(big, x), less(x, y), less(y, x), same(x + z, x), same(parse('5000'), parse('5000'))].join(' '));
    out.push([isZero(z), isZero(x), orDefault(z), orDefault(y), scaled(x, y)].join(' '));
    out.push([math.mul(x, y), math.neg(x), math.max([x, y, big]), new Acc(parse('1')).add(x).v].join(' '));
    const free = { amount: z, fee: parse('5') }, paid = { amount: x, fee: y };
    out.push([amountOrFee(free), amountOrFee(paid), feeIfAmount(free), feeIfAmount(paid), free.amount || 'none',
        paid.fee && free.amount, [free, paid].map((r) => r.amount || -1).join('/')].join(' '));
    const w = new Wallet(z);
    const empty = w.isEmpty();
    w.deposit(x).deposit(x);
    out.push([empty, w.isEmpty(), w.balance, w.over(y), w.over(x + y), w.total()].join(' '));
    const list = [parse('3'), x, z];
    out.push([list.map(square).join(), list.reduce(add), [y, x].map(square).join()].join(' '));
    let none = z, some = x;
    const cell = { v: z, w: y };
    none ||= y;
    some &&= z;
    cell.v ||= x;
    cell.w &&= z;
    out.push([none, some, cell.v, cell.w].join(' '));
    out.push([list.filter((v) => v).length, list.findIndex((v) => !v), list.some((v) => v), [z].some((v) => v),
        list.find((v) => { return v; })].join(' '));
    const pick = (c, a, b) => ((c ? a && b : !a) ? 'yes' : 'no');
    const lists = [];
    for (const c of [true, false]) {
        for (const a of [z, x]) {
            lists.push(pick(c, a, y), pick(c, a, z));
            if (c ? a || z : a && z) {
                lists.push('either');
            }
        }
    }
    out.push(lists.join(' '));
    return out.join('\n');
}
(typeof print === 'function' ? print : console.log)(main());
