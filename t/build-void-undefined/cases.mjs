// SPDX-License-Identifier: MIT
// Lowered for-of and helpers write `undefined`: the build makes them `(void 0)`.
const seen = [];
for (const [k, v] of Object.entries({ a: 1, b: undefined })) {
    seen.push(`${k}=${v === undefined ? 'u' : v}`);
}
const o = { undefined: 'key', ['undefined']: 'computed' };
const spread = { ...o, x: undefined };
print([seen.join(','), o.undefined, typeof undefined, 'x' in spread && spread.x === undefined].join(' '));
print([undefined, 1].indexOf(undefined) + ' ' + (void 0 === undefined));
