// SPDX-License-Identifier: MIT
// DataView, BigInt64Array, BigUint64Array and JSON with BigInts.
const out = [];
const say = (x) => out.push(String(x));

const dv = new DataView(new ArrayBuffer(16));
dv.setBigInt64(0, -2n);
dv.setBigUint64(8, 0x0102030405060708n, true);
say(dv.getBigInt64(0));
say(dv.getBigUint64(0));
say(dv.getBigUint64(8, true));
say(dv.getBigInt64(8));
say(Array.from(new Uint8Array(dv.buffer)).join(','));

const a = new BigInt64Array(3);
a[0] = -1n;
a[1] = 2n ** 63n;
a[2] = 2n ** 64n + 7n;
say(a.join(','));
say(new BigUint64Array(a.buffer).join(','));
let total = 0n;
for (let i = 0; i < a.length; i++) {
    total += a[i];
}
say(total);
say(a.length + ' ' + a.byteLength + ' ' + BigInt64Array.BYTES_PER_ELEMENT);

// 64-bit counters in little-endian wire format
function readU64s(bytes) {
    const view = new DataView(bytes.buffer);
    const r = [];
    for (let off = 0; off + 8 <= bytes.length; off += 8) {
        r.push(view.getBigUint64(off, true));
    }
    return r;
}
say(readU64s(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255])).join(' '));

for (const f of [() => JSON.stringify({ a: 1n }), () => JSON.stringify([2n ** 70n]), () => JSON.stringify({ a: 1 })]) {
    try {
        say(f());
    } catch (e) {
        say(e.constructor.name);
    }
}
say(JSON.stringify({ a: 5n, b: [6n] }, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
BigInt.prototype.toJSON = function () {
    return `${this}n`;
};
say(JSON.stringify({ big: 2n ** 70n }));
delete BigInt.prototype.toJSON;
try {
    dv.getBigInt64(9);
} catch (e) {
    say(e.constructor.name);
}
try {
    a[0] = 1;
} catch (e) {
    say(e.constructor.name);
}

(typeof print === 'function' ? print : console.log)(out.join('\n'));
