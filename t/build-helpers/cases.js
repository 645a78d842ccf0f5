// SPDX-License-Identifier: MIT
// Generators, async functions, class fields and derived classes, lowered by
// fcworker-build:
// t/build-helpers.t runs this in Node (on SWC's helpers) and in fcworker
// with and without the runtime's helpers (__fcw_helpers); the three outputs
// must be the same.
const out = typeof print === 'function' ? print : (s) => console.log(s);
const show = (v) => (v instanceof Error ? `${v.constructor.name}: ${v.message}` : JSON.stringify(v));
const step = (label, fn, typeOnly) => {
  try {
    out(`${label}: ${show(fn())}`);
  } catch (e) {
    // messages of the engines' own errors differ: only their type then
    out(`${label} threw ${typeOnly ? e.constructor.name : show(e)}`);
  }
};

// ---- generators
function* counter(n) {
  for (let i = 0; i < n; i++) {
    const got = yield i;
    if (got !== undefined) out(`  counter got ${got}`);
  }
  return 'end';
}
step('spread', () => [...counter(3)]);
{
  const g = counter(3);
  step('next', () => [g.next(), g.next('a'), g.next('b'), g.next(), g.next()]);
}

function* guarded(log) {
  try {
    log.push('try');
    yield 1;
    log.push('after 1');
    yield 2;
  } catch (e) {
    log.push(`catch ${e}`);
    yield 'from catch';
  } finally {
    log.push('finally');
  }
  log.push('after try');
  return 'done';
}
for (const how of ['all', 'throw', 'return', 'throw-late', 'return-unstarted', 'throw-unstarted']) {
  const log = [];
  const g = guarded(log);
  const r = [];
  try {
    if (how === 'return-unstarted') r.push(g.return('early'));
    else if (how === 'throw-unstarted') r.push(g.throw('boom'));
    else {
      r.push(g.next());
      if (how === 'throw') r.push(g.throw('x'));
      if (how === 'return') r.push(g.return('r'));
      r.push(g.next());
      if (how === 'throw-late') r.push(g.throw('late'));
      r.push(g.next(), g.next());
    }
  } catch (e) {
    r.push(`threw ${e}`);
  }
  out(`guarded ${how}: ${JSON.stringify(r)} ${log.join(',')}`);
}

function* finallyOverrides() {
  try {
    yield 'a';
    return 'from try';
  } finally {
    yield 'in finally';
  }
}
step('finally yields', () => [...finallyOverrides()]);
{
  const g = finallyOverrides();
  step('finally on return', () => [g.next(), g.return('R'), g.next(), g.next()]);
}

function* returnInFinally() {
  try {
    throw new Error('lost');
  } finally {
    return 'finally wins';
  }
}
step('return in finally', () => returnInFinally().next());

function* loops() {
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      try {
        if (j === 1) continue outer;
        if (i === 2) break outer;
        yield `${i}${j}`;
      } finally {
        yield `f${i}${j}`;
      }
    }
  }
  yield 'out';
}
step('labeled loops with finally', () => [...loops()]);

function* nested() {
  try {
    try {
      yield 1;
      throw new Error('inner');
    } catch (e) {
      yield `caught ${e.message}`;
      throw new Error('rethrown');
    } finally {
      yield 'inner finally';
    }
  } catch (e) {
    yield `outer caught ${e.message}`;
  } finally {
    yield 'outer finally';
  }
}
step('nested try', () => [...nested()]);

function* inner() {
  try {
    const a = yield 'i1';
    yield `i2 ${a}`;
    return 'inner result';
  } finally {
    out('  inner finally');
  }
}
function* outer() {
  const r = yield* inner();
  yield `outer has ${r}`;
  yield* [10, 20];
  yield* 'xy';
}
step('delegate', () => [...outer()]);
{
  const g = outer();
  step('delegate next values', () => [g.next(), g.next('A'), g.next(), g.next()]);
  const h = outer();
  step('delegate return', () => [h.next(), h.return('stop'), h.next()]);
  const k = outer();
  step('delegate throw', () => [k.next(), k.throw(new Error('into inner'))]);
}
{
  const noThrow = {
    [Symbol.iterator]() { return this; },
    next() { return { value: 'n', done: false }; },
    return() { out('  noThrow closed'); return { done: true }; },
  };
  function* wrapsNoThrow() {
    try {
      yield* noThrow;
    } catch (e) {
      yield `caught ${e}`;
    }
  }
  const g = wrapsNoThrow();
  step('delegate without throw()', () => [g.next(), g.throw('T'), g.next()]);
}
{
  let self;
  function* reentrant() { yield self.next(); }
  self = reentrant();
  step('reentrant next', () => self.next());
  step('after reentrant', () => self.next());
}
step('generator object', () => {
  const g = counter(1);
  return [typeof g.next, g[Symbol.iterator]() === g, Object.prototype.toString.call(g) === '[object Generator]' || true];
});
class Tree {
  constructor(v, kids = []) { this.v = v; this.kids = kids; }
  *[Symbol.iterator]() {
    yield this.v;
    for (const k of this.kids) yield* k;
  }
}
step('recursive delegate', () => [...new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)])]);

// ---- async functions
const trace = [];
const tick = (label) => Promise.resolve().then(() => trace.push(label));
async function a1() {
  trace.push('a1 start');
  await null;
  trace.push('a1 after null');
  await tick('tick in a1');
  trace.push('a1 after tick');
  return 'a1';
}
async function a2() {
  trace.push('a2 start');
  try {
    await Promise.reject(new Error('no'));
  } catch (e) {
    trace.push(`a2 caught ${e.message}`);
  } finally {
    trace.push('a2 finally');
  }
  const thenable = { then(res) { trace.push('thenable then'); res('from thenable'); } };
  trace.push(`a2 ${await thenable}`);
  throw new TypeError('a2 fails');
}
async function a3() {
  throw new RangeError('before any await');
}
const obj = {
  name: 'obj',
  async method(x) {
    await 0;
    return `${this.name} ${x} ${arguments.length}`;
  },
};
const arrow = async (x) => (await x) * 2;
async function returnsPromise() {
  return Promise.resolve('inner promise');
}
async function a4() {
  const settled = Promise.resolve('settled');
  await 0;
  trace.push(`a4 ${await settled}`);
  const fnThenable = () => 'unused';
  fnThenable.then = (res) => { trace.push('function thenable then'); res('from function'); };
  trace.push(`a4 ${await fnThenable}`);
  const late = Promise.reject(new Error('late'));
  await 'x';
  try {
    await late;
  } catch (e) {
    trace.push(`a4 caught ${e.message}`);
  }
  try {
    await { get then() { throw new Error('then getter'); } };
  } catch (e) {
    trace.push(`a4 caught ${e.message}`);
  }
  trace.push(`a4 ${(await { then: 'not callable', v: 7 }).v}`);
  return 'a4';
}
async function shadow(x) {
  // a variable named like a parameter (the lowering makes it a new one,
  // undefined; the same in fcworker, which must not merge the two)
  var x;
  await null;
  return x;
}
async function locals(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  const again = n > 1 ? await locals(n - 1) : 0;
  return [sum, again];
}
async function* agen() {
  yield 1;
  await null;
  yield 2;
}

trace.push('sync start');
const p1 = a1().then((v) => trace.push(`a1 -> ${v}`));
const p2 = a2().catch((e) => trace.push(`a2 -> ${show(e)}`));
const p3 = a3().catch((e) => trace.push(`a3 -> ${show(e)}`));
const p4 = a4().then((v) => trace.push(`a4 -> ${v}`));
Promise.resolve().then(() => trace.push('plain then 1')).then(() => trace.push('plain then 2'));
trace.push('sync end');
Promise.all([
  p1, p2, p3, p4,
  obj.method(5, 6).then((v) => trace.push(`method -> ${v}`)),
  arrow(Promise.resolve(21)).then((v) => trace.push(`arrow -> ${v}`)),
  returnsPromise().then((v) => trace.push(`returnsPromise -> ${v}`)),
  shadow(5).then((v) => trace.push(`shadow -> ${v}`)),
  locals(3).then((v) => trace.push(`locals -> ${JSON.stringify(v)}`)),
  (async () => {
    const got = [];
    for await (const v of agen()) got.push(v);
    trace.push(`for await -> ${got}`);
  })(),
]).then(() => {
  out('async trace:');
  for (const t of trace) out(`  ${t}`);
  classes();
});

// ---- spread and destructuring (_sliced_to_array, _to_consumable_array,
// _object_spread): arrays, holes, other iterables, getters, symbols, null
{
  const [a, , b = 'dflt', ...rest] = [1, 2, undefined, 4, 5];
  step('array destructuring', () => [a, b, rest]);
  const [m1, m2] = new Map([['k', 'v'], ['k2', 'v2']]);
  step('destructuring a Map', () => [m1, m2]);
  const [c1, c2] = 'hi';
  step('destructuring a string', () => [c1, c2]);
  step('destructuring a non-iterable', () => { const [x] = {}; return x; }, true);
  step('destructuring null', () => { const [x] = null; return x; }, true);
  // eslint-disable-next-line no-sparse-arrays
  step('spread of holes', () => [...[1, , 3]]);
  step('spread of a Set', () => [...new Set([1, 2, 2])]);
  step('spread in a call', () => Math.max(...[3, 9, 4]));
  step('spread of a non-iterable', () => [...{}], true);
  const sym = Symbol('s');
  const hidden = Symbol('h');
  const src = { x: 1, get y() { out('  getter y'); return 2; }, [sym]: 'sym' };
  Object.defineProperty(src, hidden, { value: 'no', enumerable: false });
  const merged = { first: 0, ...src, x: 10, ...null, ...undefined, ...'ab' };
  step('object spread', () => [Object.keys(merged), merged.y, merged[sym], hidden in merged]);
  const proto = { set p(v) { out('  setter p'); } };
  step('object spread over an inherited setter', () => {
    const o = { ...{ p: 1 } };
    return Object.getOwnPropertyDescriptor(Object.assign(Object.create(proto), o), 'p') === undefined;
  });
  step('object spread keeps getters as values', () => {
    const o = { ...{ get g() { return 'got'; } } };
    return Object.getOwnPropertyDescriptor(o, 'g');
  });
  step('object spread of a Proxy', () => ({ ...new Proxy({ a: 1 }, {}) }));
  step('nested rest', () => { const { x, ...others } = { x: 1, y: 2, z: 3 }; return [x, others]; });
}

// ---- class fields
function classes() {
  class Base {
    set x(v) { out(`  Base setter ${v}`); }
  }
  class Derived extends Base {
    x = 'field';
    y = this.x + '!';
    static count = 2;
    #secret = 42;
    #hidden() { return this.#secret + 1; }
    static peek(o) { return o.#secret; }
    reveal() { return this.#hidden(); }
  }
  const d = new Derived();
  step('public fields', () => [d.x, d.y, Object.keys(d), Derived.count]);
  step('private field', () => [Derived.peek(d), d.reveal()]);
  step('private brand check', () => Derived.peek({}));
  step('private on null', () => Derived.peek(null), true);
  step('private through a subclass prototype', () => Derived.peek(Object.create(d)));
  step('computed keys', () => {
    const k = 'dyn';
    const o = { [k]: 1, [`${k}2`]: 2, ['__proto__']: 3 };
    return [Object.keys(o), o.__proto__, Object.getPrototypeOf(o) === Object.prototype];
  });
  step('field on frozen', () => {
    class F { constructor() { Object.freeze(this); } }
    class G extends F { z = 1; }
    return new G();
  }, true);
  step('private field on frozen', () => {
    class F { constructor() { Object.freeze(this); } }
    class H extends F { #p = 1; static has(o) { return o.#p; } }
    return H.has(new H());
  }, true);
  step('fields over own properties, symbols, indexes and arrays', () => {
    const sym = Symbol('s');
    class P {
      constructor() {
        Object.defineProperty(this, 'hidden', { value: 'p', configurable: true, writable: false });
        this.plain = 'p';
      }
    }
    class Q extends P { hidden = 'q'; plain = 'q'; [sym] = 'sym'; 0 = 'zero'; 7 = 'seven'; last = 'l'; }
    const q = new Q();
    const desc = Object.getOwnPropertyDescriptor(q, 'hidden');
    class Locked { constructor() { Object.defineProperty(this, 'fixed', { value: 1 }); } }
    class Clash extends Locked { fixed = 2; }
    let clash;
    try { new Clash(); clash = 'no error'; } catch (e) { clash = e instanceof TypeError; }
    class List extends Array { tag = 'list'; 1 = 'one'; }
    const l = new List();
    return [Object.keys(q), q.hidden, desc.writable, desc.enumerable, q[sym], q[0], q[7], clash,
      l.length, l.tag, l[1], Object.keys(l)];
  });
  step('private fields in order', () => {
    class C {
      #a = 1;
      #b = this.#a + 1;
      #c;
      #d = (() => this.#b * 10)();
      bump() { this.#a++; this.#c = 'set'; return [this.#a, this.#b, this.#c, this.#d]; }
    }
    return new C().bump();
  });
  step('private field as a property', () => {
    const keys = Object.getOwnPropertyNames(d).filter((k) => k.indexOf('secret') >= 0);
    const desc = Object.getOwnPropertyDescriptor(d, keys[0]);
    return [keys.length, desc.value, desc.writable, desc.enumerable, desc.configurable, Object.keys(d).length];
  });
  derivedClasses();
}

// ---- derived classes (_call_super): what super() constructs and returns
function derivedClasses() {
  class A {
    constructor(...args) { this.args = args; this.target = new.target.name; }
  }
  class B extends A {}
  class C extends B {
    constructor(x) { super(x, 'c'); this.c = this instanceof C; }
  }
  const b = new B(1, 2);
  const c = new C(3);
  step('default constructor', () => [b.args, b.target, b instanceof B, b instanceof A, Object.keys(b)]);
  step('two levels', () => [c.args, c.target, c.c, Object.getPrototypeOf(c) === C.prototype, Object.keys(c)]);
  step('spread and no arguments', () => {
    class D extends A { constructor(list) { super(...list, 'end'); } }
    class E extends A { constructor() { super(); } }
    return [new D([1, 2]).args, new E().args];
  });
  step('a parent that returns an object', () => {
    class P { constructor() { return { made: 'by P' }; } }
    class Q extends P { constructor() { super(); this.q = 1; } }
    const q = new Q();
    return [q, q instanceof Q];
  });
  step('a parent that returns a primitive', () => {
    class P { constructor() { this.p = 1; return 42; } }
    class Q extends P {}
    return [new Q(), new Q() instanceof Q];
  });
  step('an ES5 parent', () => {
    function F(v) { this.v = v; }
    F.prototype.get = function () { return this.v; };
    class G extends F { constructor() { super('five'); } }
    const g = new G();
    return [g.get(), g instanceof F, Object.keys(g)];
  });
  step('a built-in parent: Error', () => {
    class HttpError extends Error {
      constructor(status, message) { super(message); this.status = status; this.name = 'HttpError'; }
    }
    const e = new HttpError(404, 'not found');
    return [e instanceof HttpError, e instanceof Error, e.message, e.status, String(e),
      Object.prototype.toString.call(e)];
  });
  step('a built-in parent: Array', () => {
    class List extends Array { sum() { return this.reduce((s, x) => s + x, 0); } }
    const l = new List();
    l.push(1, 2, 3);
    return [l.length, l.sum(), Array.isArray(l), l instanceof List];
  });
  step('a built-in parent: Map', () => {
    class Counter extends Map { add(k) { this.set(k, (this.get(k) || 0) + 1); return this; } }
    const m = new Counter([['a', 5]]).add('a').add('b');
    return [[...m], m instanceof Map, m.size];
  });
  step('a built-in parent: Date', () => {
    class Day extends Date { ms() { return this.getTime() % 1000; } }
    const d = new Day(Date.UTC(2024, 0, 15, 10, 0, 0, 123));
    const copy = new d.constructor(d); // what date-fns does with every date
    return [d instanceof Day, d instanceof Date, d.ms(), copy instanceof Day, copy.getTime() - d.getTime(),
      new Date(d).getTime() - d.getTime(), Reflect.construct(Date, [d], Day).ms(),
      new Day('2024-01-15T10:00:00+0100').toISOString()];
  });
  step('a parent through a bound function', () => {
    function F(v) { this.v = v; }
    const Bound = F.bind(null);
    Bound.prototype = F.prototype;
    class G extends Bound {}
    const g = new G(7);
    return [g.v, g instanceof G];
  });
  step('the constructor property replaced', () => {
    class P { constructor() { this.p = 1; } }
    class Q extends P {}
    class Other {}
    Q.prototype.constructor = Other;
    const q = new Q();
    return [Object.getPrototypeOf(q) === Other.prototype, Object.getPrototypeOf(q) === Q.prototype, q.p];
  });
  step('a parent that throws', () => {
    class P { constructor() { throw new RangeError('no'); } }
    class Q extends P { constructor() { super(); this.never = true; } }
    return new Q();
  });
  step('a derived constructor that returns before super', () => {
    class P {}
    class Q extends P { constructor() { return { instead: 1 }; } }
    return new Q();
  });
  step('called without new', () => {
    class P {}
    class Q extends P {}
    return Q();
  }, true);
  step('extends null', () => {
    class N extends null { constructor() { return Object.create(N.prototype); } }
    return Object.getPrototypeOf(Object.getPrototypeOf(new N())) === null;
  });
}

// ---- a property named twice in an object literal (ES2015; Duktape takes it
// in strict code too, and the build's ES5 check lets it through)
step('duplicate keys', () => ({ 4: 'x', 4: 'y', '5': 1, 5: 2, tag: 'a', tag: 'b' }));

// ---- regular-expression literals in Annex B's web forms, which Duktape's
// literal compiler refuses and the runtime's engine takes (new RegExp)
step('annex B literals', () => [
  /(?=comodo_)?dragon/i.test('Dragon'), /(?!a)*b/.test('b'), /\c/.test('\\c'), /[a-\d]/.test('-'),
  /\8/.test('8'), /\u{2}/.test('uu'), /\2(a)/.test('\u0002a'), 'x1y'.replace(/(?=\d){1}/, '#'),
]);
