// SPDX-License-Identifier: MIT
// BigInt modules loaded lazily: a module imported with import() is bundled
// in esbuild's __esm wrapper, whose function assigns its top-level BigInt
// constants (`_0n = BigInt(0)` in `init_field()`), as viem's copy of
// @noble/curves is. Its field methods must be lowered as those of a module
// imported statically (params.js).
async function main() {
    const { Field, inRange, mod } = await import('./params/field.js');
    const { fromBig, toBig } = await import('./params/u64.js');
    const out = [];
    const F = new Field(2n ** 255n - 19n);
    const a = 2n ** 254n + 17n, b = 3n ** 100n;
    out.push([F.add(a, b), F.sub(b, a), F.mul(a, b), F.neg(a), F.is0(F.sub(a, a)), F.is0(a)].join(' '));
    out.push([F.mul(F.inv(b), b), F.pow(2n, 300n), mod(-5n, 7n), inRange(5n, 1n, 10n), inRange(10n, 1n, 10n)].join(' '));
    out.push([JSON.stringify(fromBig(2n ** 64n - 2n ** 33n + 12345n)), toBig(0xdeadbeef, 0x01020304)].join(' '));
    return out.join('\n');
}
const say = typeof print === 'function' ? print : console.log;
main().then(say, (e) => say(`failed: ${e}`));
