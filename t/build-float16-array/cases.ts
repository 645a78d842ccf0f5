// SPDX-License-Identifier: MIT
// Float16Array (ES2025; js/18-float16-array.js) from source as
// fcworker-build lowers it: a class extending it (its constructor run
// through the lowered super() call, a method, the species), for-of,
// spread and destructuring over its elements, Array.from, typed arrays of
// other types, JSON. t/build-float16-array.t runs the bundle, built both
// ways, in fcworker and compares what it prints with expected.txt, written
// from the specification (Node 20 has no Float16Array).
class Halves extends Float16Array {
  label = 'halves';
  sum() {
    return this.reduce((s, x) => s + x, 0);
  }
}
const out: [string, unknown][] = [];
const h = new Halves([0.1, 0.2, 0.3]);
out.push(['subclass', [h instanceof Halves, h instanceof Float16Array, h.label, h.length, h.sum()]]);
out.push(['species', [h.map((x) => x * 2) instanceof Halves, h.filter((x) => x > 0.15).length, h.toSorted() instanceof Halves]]);
out.push(['spread', [...h]]);
const seen: number[] = [];
for (const x of new Float16Array([65504, 65520, -1e-8])) seen.push(x);
out.push(['for-of', seen.map((x) => (Object.is(x, -0) ? '-0' : String(x)))]);
const [a, , c = 9] = new Float16Array([1.5, 2.5]);
out.push(['destructuring', [a, c]]);
out.push(['Array.from', Array.from(new Float16Array([1, 2]), (x) => x / 3)]);
out.push(['other types', [Array.from(new Uint8Array(new Float16Array([300.7, -1]))), Array.from(new Float16Array(new Int16Array([-32768, 2049])))]]);
const bytes = new Uint8Array(new Float16Array([1, -2, Infinity]).buffer);
out.push(['bytes', Array.from(bytes)]);
out.push(['JSON', JSON.stringify({ v: new Float16Array([0.5, 4096.5]) })]);
out.push(['tag', Object.prototype.toString.call(new Halves(1))]);
for (const [name, value] of out) print(`${name}: ${JSON.stringify(value)}`);
declare function print(s: string): void;
