// SPDX-License-Identifier: MIT
// BigInts that reach code through parameters and fields, in the patterns of
// @noble/hashes and @noble/curves (params/): functions that name a BigInt
// constant, modules that bind one (all their functions are lowered), number
// code beside them, functions called with BigInt arguments, and truth tests
// of 0n.
import { fromBig, split, toBig, add3L, add3H, rotrSH } from './params/u64.js';
import { Field, inRange, mod } from './params/field.js';
import { ROUNDS_H, ROUNDS_L, halves, low } from './params/words.js';
import { sum, scale, twice } from './params/generic.js';

const out = [];
const say = (...a) => out.push(a.join(' '));
const show = (o) => JSON.stringify(o);

const word = 2n ** 64n - 2n ** 33n + 12345n;
say(show(fromBig(word)), show(fromBig(word, true)), show(fromBig(123456789012345678901234n)));
say(show(split([word, 1n, 2n ** 63n]).map((a) => Array.from(a))));
say(toBig(0xdeadbeef, 0x01020304), toBig(-1, -1));
say(add3L(-1, 2 ** 31, 5), add3H(2 ** 33, 1, 2, 3), rotrSH(0x12345678, 0x9abcdef0, 8));
say(Array.from(ROUNDS_H), Array.from(ROUNDS_L), show(halves([2n ** 40n + 7n, 0n])), low(2n ** 70n + 2n ** 33n + 9n));

const F = new Field(2n ** 255n - 19n);
const a = 2n ** 254n + 17n, b = 3n ** 100n;
say(F.add(a, b), F.sub(b, a), F.mul(a, b), F.neg(a), F.is0(F.sub(a, a)), F.is0(a));
say(F.mul(F.inv(b), b), F.pow(2n, 300n), mod(-5n, 7n));
say(inRange(5n, 1n, 10n), inRange(10n, 1n, 10n), inRange(5, 1n, 10n), inRange(2n ** 80n, 0n, 2n ** 81n));

say(sum(2n ** 60n, 7n), scale(sum(a, 1n), 3n), twice(2n ** 70n), sum(1, 2));

const zero = 0n;
say(Boolean(zero), Boolean(1n), zero ? 1 : 2, !zero, [0n, 1n, 2n, 0n].filter(Boolean).length,
    zero || !zero ? 'a' : 'b', zero && zero !== 0n ? 'c' : 'd', zero || 'empty', zero && 'never');

(typeof print === 'function' ? print : console.log)(out.join('\n'));
