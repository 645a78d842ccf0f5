// SPDX-License-Identifier: MIT
// No BigInt here: these get BigInts from their callers' arguments.
export function sum(a, b) {
    return a + b;
}
export const scale = (x, k) => x * k;
export function twice(v) {
    return sum(v, v);
}
