// SPDX-License-Identifier: MIT
// Functions that are no constructors in the source (arrow functions,
// methods, accessors, async functions), lowered by fcworker-build with its
// marks: t/build-marks.t runs this file as it is in Node and its bundle in
// fcworker, and the two outputs must be the same.
const out = typeof print === 'function' ? print : (s) => console.log(s);
const show = (v) => (v instanceof Error ? v.constructor.name : typeof v === 'function' ? `function ${v.name}` : JSON.stringify(v));
const step = (label, fn) => {
  let r;
  try {
    r = show(fn());
  } catch (e) {
    r = `threw ${e.constructor.name}`;
  }
  out(`${label}: ${r}`);
};
const ctor = (f) => {
  try {
    new f();
    return 'constructed';
  } catch (e) {
    return e.constructor.name;
  }
};
const describe = (label, f) => out(`${label}: ${ctor(f)}, prototype ${'prototype' in f}, name ${JSON.stringify(f.name)}, length ${f.length}`);

// ---- arrow functions
const arrow = (a, b) => a + b;
const block = (a) => { return a * 2; };
const noArgs = () => 7;
describe('arrow', arrow);
describe('block arrow', block);
describe('arrow without parameters', noArgs);
describe('anonymous arrow', [() => 1][0]);
step('arrow calls', () => [arrow(1, 2), block(3), noArgs()]);
step('arrow object body', () => (() => ({ a: 1 }))());
step('arrow sequence body', () => (() => (1, 2))());
step('arrow body after a comment', () => (() => // the body:
  [3])());
step('arrow with defaults', () => ((a = (1 + 1), { b } = { b: 3 }) => a + b)());
step('arrow returning an arrow', () => ((x) => (y) => x + y)(1)(2));
step('arrow this', function () { return (() => this.v)(); }.bind({ v: 'outer this' }));
step('arrow arguments', function () { return (() => arguments.length)(); }.bind(null, 1, 2, 3));
const fact = (n) => (n > 1 ? n * fact(n - 1) : 1);
step('recursion through the variable', () => fact(5));
let later = () => later;
const first = later;
later = 'reassigned';
step('an arrow sees its variable, not itself', () => first());
step('bound arrow', () => ctor(arrow.bind(null, 1)));
step('Reflect.construct of an arrow', () => Reflect.construct(arrow, []));
step('arrow as a class heritage', () => { class X extends arrow {} return X; });
step('arrow in Array.prototype.map', () => [1, 2, 3].map((x) => x * x));

// ---- methods and accessors
const obj = {
  m() { return 'm'; },
  get g() { return 'g'; },
  set s(v) { this.stored = v; },
  plain: function () { return 'plain'; },
  named: function named() { return typeof named; },
  m2() { return typeof m2; }
};
describe('object method', obj.m);
describe('object function property', obj.plain);
describe('object named function property', obj.named);
const acc = Object.getOwnPropertyDescriptor(obj, 'g').get;
step('getter', () => [obj.g, ctor(acc), 'prototype' in acc]);
step('setter', () => { obj.s = 5; return [obj.stored, ctor(Object.getOwnPropertyDescriptor(obj, 's').set)]; });
step('a named function property sees its own name', () => obj.named());
var m2 = 'outer m2';
step('a method does not bind its own name', () => obj.m2());

class Base {
  constructor(v) { this.v = v; }
  get value() { return this.v; }
  method() { return `method ${this.v}`; }
  static make(v) { return new Base(v); }
  arrowField = () => this.v;
  *gen() { yield this.v; }
  async am() { return `am ${this.v}`; }
}
class Derived extends Base {
  method() { return `derived ${super.method()}`; }
}
step('class', () => [ctor(Base), 'prototype' in Base, Base.length]);
describe('class method', Base.prototype.method);
describe('static method', Base.make);
step('class getter', () => ctor(Object.getOwnPropertyDescriptor(Base.prototype, 'value').get));
step('class instances', () => [new Base(1).value, Base.make(2).method(), new Derived(3).method(), new Derived(4) instanceof Base]);
step('arrow field', () => { const b = new Base(5); return [b.arrowField(), ctor(b.arrowField), 'prototype' in b.arrowField]; });
step('generator method', () => { const b = new Base(6); return [...b.gen()]; });
step('function declaration', () => { function F() { this.x = 1; } return [ctor(F), new F().x, 'prototype' in F]; });
step('function expression', () => { const F = function () { this.y = 2; }; return [ctor(F), new F().y]; });

// ---- a loop whose bindings its closures capture (SWC's `_loop` function)
step('loop closures', () => {
  const fs = [];
  for (const x of [1, 2]) { fs.push(() => x); }
  for (let i = 0; i < 2; i++) { fs.push(() => i * 10); }
  return fs.map((f) => f());
});

// ---- generators keep their prototype property
function* generator() { yield 1; }
step('generator', () => ['prototype' in generator, [...generator()]]);

// ---- async functions
async function asyncDecl(x) { return x * 2; }
const asyncExpr = async function () { return 'expr'; };
const asyncArrow = async (x) => x + 1;
const asyncSelf = async function again(n) { return n > 0 ? again(n - 1) : 'bottom'; };
describe('async function', asyncDecl);
describe('async function expression', asyncExpr);
describe('async arrow', asyncArrow);


(async () => {
  out(`awaited: ${JSON.stringify([await asyncDecl(2), await asyncExpr(), await asyncArrow(1), await asyncSelf(3), await new Base(7).am()])}`);
  const seen = [];
  await Promise.all([1, 2, 3].map(async (n) => { await null; seen.push(n); }));
  out(`async arrows in map: ${JSON.stringify(seen)}`);
  const p = new Promise((resolve) => resolve('executor arrow'));
  out(`promise: ${await p}`);
  out('end');
})().catch((e) => out(`failed: ${e && e.stack}`));
