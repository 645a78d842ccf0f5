// SPDX-License-Identifier: MIT
// A module without BigInt constants of its own that names another's (as
// @noble/hashes' sha3 builds its round constants with _u64's split).
import { split, fromBig, U32_MASK64 } from './u64.js';

const ROUNDS = [];
for (let round = 0, R = BigInt(1); round < 6; round++) {
    R = ((R << BigInt(1)) ^ ((R >> BigInt(7)) * BigInt(0x71))) % BigInt(256);
    ROUNDS.push(R << BigInt(40) | R);
}
export const [ROUNDS_H, ROUNDS_L] = split(ROUNDS);

export function halves(list) {
    return list.map((n) => fromBig(n, true));
}

// names the other module's constant: a BigInt scope
export const low = (n) => Number(n & U32_MASK64);
