// SPDX-License-Identifier: MIT
// Generators and async functions on fcworker's coroutines
// (contrib/fcworker-build/lib/coroutines.js, js/15-build-helpers.js):
// t/build-coroutines.t runs this source in Node and its default bundle in
// fcworker; the two outputs must be the same.
const lines = [];
const out = (s) => lines.push(s);
const show = (v) => (v instanceof Error ? `${v.constructor.name}: ${v.message}` : JSON.stringify(v));
const step = (label, fn, typeOnly) => {
  try {
    out(`${label}: ${show(fn())}`);
  } catch (e) {
    // messages of the engines' own errors differ: only their type then
    out(`${label} threw ${typeOnly ? e.constructor.name : show(e)}`);
  }
};
const log = [];
const flush = (label) => { out(`${label} log: ${log.join(' | ')}`); log.length = 0; };

// ---- generators: the protocol
function* plain(a, b) {
  try {
    const x = yield a;
    log.push(`x=${x}`);
    yield b;
  } catch (e) {
    log.push(`caught ${e}`);
    yield 'c';
  } finally {
    log.push('finally');
  }
  yield* [1, 2];
  const r = yield* inner();
  log.push(`inner returned ${r}`);
  return 'done';
}
function* inner() { yield 'i1'; return 'ir'; }
{
  const g = plain('A', 'B');
  step('next', () => [g.next('ignored'), g.next('X'), g.next(), g.next(), g.next(), g.next(), g.next(), g.next()]);
  flush('next');
  const g2 = plain('A', 'B');
  g2.next();
  step('throw', () => [g2.throw('T'), g2.next(), g2.next()]);
  flush('throw');
  const g3 = plain('A', 'B');
  step('throw before start', () => g3.throw(new Error('early')));
  step('then next', () => g3.next());
  const g4 = plain('A', 'B');
  step('return before start', () => [g4.return(9), g4.next()]);
  flush('return before start');
}
function* fin() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    log.push(`BAD catch ${e}`);
  } finally {
    log.push('cleanup');
    yield 'from finally';
    log.push('after finally yield');
  }
  log.push('BAD after try');
}
{
  const g = fin();
  step('return runs finally, not catch', () => [g.next(), g.return(7), g.next(), g.next()]);
  flush('return');
  const g2 = fin();
  step('throw after return in finally', () => [g2.next(), g2.return(7), g2.throw(new Error('x'))]);
  step('then', () => g2.next());
  flush('throw in finally');
}
function* overrides() {
  try { yield 1; } finally { return 'from finally'; }
}
{
  const g = overrides();
  step('finally return overrides return()', () => [g.next(), g.return('asked'), g.next()]);
}
function* catchesAll() {
  for (;;) {
    try { yield 'tick'; } catch (e) { log.push(`swallowed ${e}`); }
  }
}
{
  const g = catchesAll();
  step('return() through a catch-all loop', () => [g.next(), g.throw('t1'), g.return('r'), g.next()]);
  flush('catch-all');
}
function* nestedTry() {
  try {
    try { yield 1; } catch (e) { log.push('inner catch'); } finally { log.push('inner finally'); }
  } catch (e) {
    log.push('outer catch');
  } finally {
    log.push('outer finally');
  }
}
{
  const g = nestedTry();
  step('return through nested try', () => [g.next(), g.return(3)]);
  flush('nested');
}
step('uncaught throw completes', () => {
  const g = plain('A', 'B');
  g.next();
  try { g.throw(new Error('one')); g.throw(new Error('two')); } catch (e) { log.push(`out ${e.message}`); }
  return [g.next(), g.next()];
});
flush('uncaught');
step('reentrant next', () => { const g = (function* () { g.next(); yield 1; })(); return g.next(); }, true);
step('next on a non-generator', () => plain().next.call({}), true);
step('next on an object made from the prototype', () => plain().next.call(Object.create(Object.getPrototypeOf(plain()))), true);
step('toString tag', () => [Object.prototype.toString.call(plain()), typeof plain().next, plain()[Symbol.iterator]() !== null]);
step('prototype', () => ['prototype' in plain, typeof plain.prototype]);

// ---- yield*
const custom = (withThrow, withReturn) => {
  let i = 0;
  const it = { [Symbol.iterator]() { return this; }, next(v) { log.push(`next(${v})`); return { value: i++, done: i > 3 }; } };
  if (withThrow) it.throw = (e) => { log.push(`throw(${e})`); return { value: 'thrown', done: false }; };
  if (withReturn) it.return = (v) => { log.push(`return(${v})`); return { value: `ret ${v}`, done: true }; };
  return it;
};
function* delegate(it) { const r = yield* it; log.push(`delegate got ${r}`); return 'delegate done'; }
{
  const g = delegate(custom(true, true));
  step('yield* next', () => [g.next('a'), g.next('b'), g.next('c'), g.next('d')]);
  flush('yield* next');
  const g2 = delegate(custom(true, true));
  step('yield* throw', () => [g2.next(), g2.throw('E'), g2.return('R'), g2.next()]);
  flush('yield* throw/return');
  const g3 = delegate(custom(false, true));
  step('yield* without throw()', () => { g3.next(); return g3.throw('E'); });
  flush('yield* without throw');
  const g4 = delegate(custom(false, false));
  step('yield* without return()', () => [g4.next(), g4.return('R'), g4.next()]);
  flush('yield* without return');
  step('yield* of a non-iterable', () => delegate(5).next(), true);
  step('yield* of a string', () => [...delegate('ab')]);
}

// ---- the ways lowered code and the runtime iterate
function* count(n) { for (let i = 0; i < n; i++) yield i; }
step('spread', () => [...count(4)]);
step('Array.from', () => Array.from(count(3), (x) => x * 2));
step('destructuring', () => { const [a, , c, ...rest] = count(6); return [a, c, rest]; });
step('Map and Set', () => [[...new Map([...count(2)].map((i) => [i, i * i]))], [...new Set(count(3))]]);
step('for-of with break closes', () => {
  const seen = [];
  function* closing() { try { yield 1; yield 2; yield 3; } finally { seen.push('closed'); } }
  for (const v of closing()) { seen.push(v); if (v === 2) break; }
  return seen;
});
step('infinite generator', () => { const seen = []; for (const v of (function* () { let i = 0; for (;;) yield i++; })()) { if (seen.push(v) > 4) break; } return seen; });
step('arguments and this', () => {
  const o = { k: 'K', *gen(a) { yield arguments.length; yield this.k; yield a; } };
  return [...o.gen(1, 2, 3)];
});
class Tree {
  constructor(v, kids = []) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() { yield this.v; for (const k of this.kids) yield* k; }
}
step('recursive yield*', () => [...new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)])]);
// a comma expression as the operand keeps its parentheses: one argument
function* commaYield() { let i = 0; const a = yield (i++, 'first'); const b = yield* (i++, [a, i]); return [a, b, i]; }
step('yield of a comma expression', () => { const g = commaYield(); return [g.next(), g.next('A'), g.next(), g.next(), g.next()]; });
step('generator in a generator', () => {
  function* outer() { const g = count(3); yield g.next().value; yield [...g]; }
  return [...outer()];
});
step('yield in expressions', () => {
  function* expr() { const a = (yield 1) + (yield 2); const o = { k: yield 3, [yield 4]: 5 }; return [a, o]; }
  const g = expr();
  g.next(); g.next(10); g.next(20); g.next('kv'); return g.next('key');
});
step('a thousand generators alive', () => {
  const gs = [];
  for (let i = 0; i < 1000; i++) { const g = count(3); g.next(); gs.push(g); }
  return gs.reduce((s, g) => s + g.next().value, 0);
});

// ---- async functions
const tick = (v) => new Promise((r) => setTimeout(() => r(v), 1));
async function add(x, y = 2) { const a = await x; await null; return a + y + arguments.length; }
class Base { hello() { return 'base hello'; } }
class Derived extends Base {
  constructor() { super(); this.k = 5; }
  async m(a) { await a; return this.k + a; }
  async sup() { await 1; return super.hello(); }
  static async s() { return 's'; }
}
async function thrower(when) { if (when === 'sync') throw new Error('sync throw'); await 1; throw new Error('async throw'); }
async function loops() {
  let s = 0;
  for (let i = 0; i < 5; i++) { s += await i; }
  for (const v of [tick(1), 2]) { s += await v; }
  let j = 0;
  while (j < 3) { j = await (j + 1); }
  return s + j;
}
async function tryAwait() {
  const seen = [];
  try { await thrower('async'); } catch (e) { seen.push(`caught ${e.message}`); } finally { seen.push(await 'in finally'); }
  try { await Promise.reject(new Error('rejected')); } catch (e) { seen.push(e.message); }
  return seen;
}
async function recurse(n) { return n === 0 ? 0 : 1 + await recurse(n - 1); }
async function* agen(n) { for (let i = 0; i < n; i++) { const r = yield await tick(i); if (r) log.push(`agen got ${r}`); } return 'agen end'; }
const thenable = { then(resolve) { resolve('from thenable'); } };

(async () => {
  out(`add: ${await add(Promise.resolve(1))} ${await add(5, 6, 7)}`);
  const withThis = function () { return async (x) => { await x; return this.tag; }; };
  out(`arrow this: ${await withThis.call({ tag: 'T' })(1)}`);
  const d = new Derived();
  out(`methods: ${await d.m(4)} ${await d.sup()} ${await Derived.s()}`);
  const p = thrower('sync');
  out(`sync throw is a rejection: ${p instanceof Promise}`);
  try { await p; } catch (e) { out(`then rejected: ${e.message}`); }
  out(`loops: ${await loops()}`);
  out(`try/await: ${show(await tryAwait())}`);
  out(`thenable: ${await thenable}`);
  const badThen = {};
  Object.defineProperty(badThen, 'then', { get() { throw new RangeError('then getter'); } });
  try { await badThen; } catch (e) { out(`then getter throws: ${e.name} ${e.message}`); }
  try { await { then(_, reject) { reject(new Error('thenable rejects')); } }; } catch (e) { out(e.message); }
  const fnThenable = () => 'called';
  fnThenable.then = (resolve) => resolve('function thenable');
  out(`function with then: ${await fnThenable}`);
  class SubPromise extends Promise {}
  out(`subclass: ${await SubPromise.resolve('sub')} ${await new SubPromise((r) => r('sub new'))}`);
  const settled = Promise.reject(new Error('settled rejection'));
  try { await settled; } catch (e) { out(e.message); }
  const awaitOrder = [];
  const waiter = (async () => { await SubPromise.resolve(); awaitOrder.push('after subclass await'); })();
  const waiter2 = (async () => { await Promise.resolve(); awaitOrder.push('after await'); })();
  Promise.resolve().then(() => awaitOrder.push('then 1')).then(() => awaitOrder.push('then 2')).then(() => awaitOrder.push('then 3'));
  await waiter;
  await waiter2;
  await tick();
  out(`await order: ${awaitOrder.join(', ')}`);
  out(`all: ${show(await Promise.all([add(1), add(2), tick(3), recurse(3)]))}`);
  out(`recursion 2000 deep: ${await recurse(2000)}`);
  // bodies one after another on the runtime's pooled threads: each sees
  // its own this and arguments, whatever the one before left or threw
  async function who(...rest) { return `${typeof this === 'object' && this !== null ? this.tag : typeof this} ${arguments.length} ${rest.join('+')}`; }
  async function failsNow(m) { throw new TypeError(m); }
  const turns = [];
  for (let i = 0; i < 12; i++) {
    try { await failsNow(`turn ${i}`); } catch (e) { turns.push(`${e.name}: ${e.message}`); }
    turns.push(await who.call({ tag: `t${i}` }, i, 'x'));
    turns.push(await who(i));
  }
  out(`pooled turns: ${turns.slice(0, 3).join(' | ')} ... ${turns.slice(-3).join(' | ')} (${turns.length})`);
  // more bodies suspended at once than the pool keeps, then all resumed
  const many = await Promise.all(Array.from({ length: 20 }, async (_, i) => { const v = await tick(i); if (i % 7 === 3) throw new Error(`many ${i}`); return v * 2; }).map((p) => p.catch((e) => e.message)));
  out(`many at once: ${many.join(',')}`);
  // a body that calls another async function from its own thread, which
  // throws synchronously and after an await, then goes on
  async function outer() { const got = []; for (const w of ['sync', 'async']) { try { await thrower(w); } catch (e) { got.push(e.message); } got.push(await who(w)); } return got; }
  out(`nested on pooled threads: ${show(await outer())} ${show(await outer())}`);
  out(`recursion again: ${await recurse(50)}`);
  const order = [];
  const a1 = (async () => { order.push('a1 start'); await null; order.push('a1 after await'); })();
  Promise.resolve().then(() => order.push('then 1')).then(() => order.push('then 2'));
  order.push('sync end');
  await a1;
  await tick();
  out(`order: ${order.join(', ')}`);
  const got = [];
  for await (const v of agen(3)) got.push(v);
  out(`for await: ${got.join(',')}`);
  const it = agen(5);
  out(`agen: ${show([await it.next(), await it.next('sent'), await it.return('R'), await it.next()])}`);
  flush('agen');
  out(`spread in async: ${show([...count(3)])} ${show(await (async () => [...count(2), ...(await tick([9]))])())}`);
  out(`await of a comma expression: ${await (got.push('c'), tick('value'))} ${got.length}`);
  out(`await in a generator's consumer: ${show(await (async () => { const s = []; for (const v of count(3)) s.push(await tick(v * 10)); return s; })())}`);
  // an app's own Function.prototype.apply does not come between a
  // coroutine and its body
  const savedApply = Function.prototype.apply;
  let applied = 0;
  Function.prototype.apply = function (self, args) { applied++; return savedApply.call(this, self, args); };
  try {
    const viaGen = [...count(2)];
    const viaAsync = await add(1, 1);
    out(`own apply: ${show(viaGen)} ${viaAsync} applied ${applied}`);
  } finally {
    Function.prototype.apply = savedApply;
  }
  // async functions without an await of their own (run at the call,
  // without a coroutine: _fcw_co_now)
  const nowOrder = [];
  async function nowValue(x) { nowOrder.push(`body ${x}`); return x * 2; }
  async function nowThrows(m) { nowOrder.push('throws'); throw new RangeError(m); }
  async function nowPromise(x) { return tick(x + 100); }
  async function nowThenable() { return { then(resolve) { nowOrder.push('thenable then'); resolve('adopted'); } }; }
  async function nowThis(...rest) { return `${this && this.tag} ${arguments.length} ${rest.join('+')}`; }
  async function nowNested(x) { const inner = async (y) => { await tick(); return y + 1; }; return inner(x); }
  const nowArrow = async (x) => x + 1;
  class NowClass { constructor() { this.tag = 'inst'; } async m(v) { return `${this.tag} ${v}`; } static async s() { return 'static'; } }
  const pv = nowValue(1);
  nowOrder.push('after call');
  const pt = nowThrows('now rejected');
  nowOrder.push(`is promise ${pv instanceof Promise} ${pt instanceof Promise}`);
  Promise.resolve().then(() => nowOrder.push('then a')).then(() => nowOrder.push('then b')).then(() => nowOrder.push('then c'));
  const adopted = nowThenable().then((v) => nowOrder.push(`thenable ${v}`));
  const promised = nowPromise(1).then((v) => nowOrder.push(`promise ${v}`));
  out(`no-await value: ${await pv}`);
  try { await pt; } catch (e) { out(`no-await throw: ${e.name} ${e.message}`); }
  await adopted;
  await promised;
  await tick();
  out(`no-await order: ${nowOrder.join(', ')}`);
  out(`no-await this: ${await nowThis.call({ tag: 'T' }, 1, 2)} / ${await nowThis(3)}`);
  out(`no-await nested, arrow, methods: ${await nowNested(1)} ${await nowArrow(1)} ${await new NowClass().m(5)} ${await NowClass.s()}`);
  // awaits of settled values, resumed by their own job: alone in the
  // queue they go on at once; with other jobs queued they wait their turn
  // (two bodies in step, a then chain between them, a rejection, a
  // thenable, a pending promise settled by another body)
  const step = [];
  async function stepper(name, n) { for (let i = 0; i < n; i++) { step.push(`${name}${i}`); await i; } step.push(`${name} end`); return name; }
  async function settledChain() {
    await tick();
    step.push('chain 0');
    await 1;
    step.push('chain 1');
    await Promise.resolve(2);
    step.push('chain 2');
    try { await Promise.reject(new Error('chain rejected')); } catch (e) { step.push(e.message); }
    const v = await { then(r) { step.push('chain thenable'); r(3); } };
    step.push(`chain ${v}`);
    const later = Promise.resolve().then(() => step.push('chain then'));
    await null;
    step.push('chain after then');
    await later;
    return 'chain end';
  }
  let release;
  const gate = new Promise((r) => { release = r; });
  async function waitsGate() { await tick(); step.push('gate wait'); const g = await gate; step.push(`gate ${g}`); await g; step.push('gate end'); }
  async function opensGate() { await tick(); await tick(); step.push('gate open'); release('opened'); await 0; step.push('opener after'); }
  const stepped = await Promise.all([stepper('a', 4), stepper('b', 3), settledChain(), waitsGate(), opensGate()]);
  Promise.resolve().then(() => step.push('last then'));
  await stepper('c', 3);
  out(`settled awaits: ${step.join(', ')} -> ${stepped.join(',')}`);
  const deep = async (n) => (n === 0 ? 'bottom' : deep(n - 1));
  out(`no-await recursion: ${await deep(500)}`);
  const print_ = typeof print === 'function' ? print : (s) => console.log(s);
  for (const line of lines) print_(line);
})();
