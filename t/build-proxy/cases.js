// SPDX-License-Identifier: MIT
// The own properties of a Proxy (js/17-proxy.js, lib/api_fastpath.c): built
// with fcworker-build, run in fcworker and in Node, it prints the same.
const print_ = typeof print === 'function' ? print : (s) => console.log(s);
const show = (label, f) => {
  try {
    print_(`${label}: ${JSON.stringify(f())}`);
  } catch (e) {
    print_(`${label}: ${e instanceof TypeError ? 'TypeError' : e}`);
  }
};
const descriptors = (o, keys) => keys.map((k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (d === undefined) return 'none';
  return Object.keys(d).map((f) => `${f}=${typeof d[f] === 'function' ? 'fn' : String(d[f])}`).join(',');
});

// zod 4's createTransparentProxy: every trap forwards to a target made late
function transparent(getter) {
  let target;
  return new Proxy({}, {
    get(_, prop, receiver) { target ??= getter(); return Reflect.get(target, prop, receiver); },
    set(_, prop, value, receiver) { target ??= getter(); return Reflect.set(target, prop, value, receiver); },
    has(_, prop) { target ??= getter(); return Reflect.has(target, prop); },
    deleteProperty(_, prop) { target ??= getter(); return Reflect.deleteProperty(target, prop); },
    ownKeys(_) { target ??= getter(); return Reflect.ownKeys(target); },
    getOwnPropertyDescriptor(_, prop) { target ??= getter(); return Reflect.getOwnPropertyDescriptor(target, prop); },
    defineProperty(_, prop, descriptor) { target ??= getter(); return Reflect.defineProperty(target, prop, descriptor); },
  });
}
const shape = { name: 'string', age: 'number' };
Object.defineProperty(shape, 'hidden', { value: 'h', enumerable: false, configurable: true });
const lazy = transparent(() => shape);
show('transparent keys', () => Object.keys(lazy));
show('transparent entries', () => Object.entries(lazy));
show('transparent values', () => Object.values(lazy));
show('transparent spread', () => ({ ...lazy, extra: 1 }));
show('transparent assign', () => Object.assign({ first: 0 }, lazy));
show('transparent own', () => [Object.hasOwn(lazy, 'name'), lazy.hasOwnProperty('age'), Object.prototype.hasOwnProperty.call(lazy, 'hidden'), Object.hasOwn(lazy, 'toString')]);
show('transparent enumerable', () => [lazy.propertyIsEnumerable('name'), lazy.propertyIsEnumerable('hidden')]);
show('transparent descriptors', () => descriptors(lazy, ['name', 'hidden', 'nope']));
show('transparent all descriptors', () => Object.keys(Object.getOwnPropertyDescriptors(lazy)));
show('transparent define', () => { Object.defineProperty(lazy, 'email', { value: 'string', enumerable: true, configurable: true, writable: true }); return [shape.email, Object.keys(lazy)]; });
show('transparent reflect define', () => [Reflect.defineProperty(lazy, 'id', { value: 7, enumerable: true, configurable: true }), shape.id]);
show('transparent delete', () => [delete lazy.id, 'id' in shape]);

// keys that exist only through the traps (an environment, a header list)
const env = new Proxy({}, {
  ownKeys: () => ['B_KEY', 'A_KEY', Symbol.for('meta')],
  getOwnPropertyDescriptor: (t, k) => (typeof k === 'string' && k.endsWith('_KEY')
    ? { value: `v:${k}`, enumerable: k !== 'B_KEY' || true, configurable: true, writable: false }
    : k === Symbol.for('meta') ? { value: 'm', enumerable: true, configurable: true } : undefined),
  get: (t, k) => (typeof k === 'string' ? `got:${k}` : k === Symbol.for('meta') ? 'gotmeta' : undefined),
  has: (t, k) => typeof k === 'string' && k.endsWith('_KEY'),
});
show('virtual keys', () => Object.keys(env));
show('virtual entries', () => Object.entries(env));
show('virtual spread', () => { const o = { ...env }; return [Object.keys(o), o[Symbol.for('meta')]]; });
show('virtual assign', () => { const o = Object.assign({}, env); return [o, o[Symbol.for('meta')]]; });
show('virtual own', () => [Object.hasOwn(env, 'A_KEY'), Object.hasOwn(env, 'C'), 'A_KEY' in env]);
show('virtual descriptors', () => descriptors(env, ['A_KEY', 'other']));
show('virtual names', () => Object.getOwnPropertyNames(env));
show('virtual for-of entries', () => { const seen = []; for (const [k, v] of Object.entries(env)) seen.push(`${k}=${v}`); return seen; });

// a get trap over real properties (a reactive store)
const raw = { count: 1, label: 'x' };
const reactive = new Proxy(raw, { get: (t, k, r) => (k === 'count' ? t.count * 100 : Reflect.get(t, k, r)) });
show('reactive entries', () => Object.entries(reactive));
show('reactive values', () => Object.values(reactive));
show('reactive spread', () => ({ ...reactive }));
show('reactive assign', () => Object.assign({}, reactive));
show('reactive json', () => JSON.stringify(reactive));
show('reactive descriptor', () => descriptors(reactive, ['count']));

// no traps at all: the target's own properties
const plainTarget = { a: 1 };
Object.defineProperty(plainTarget, 'g', { get() { return 'getter'; }, enumerable: false, configurable: true });
const bare = new Proxy(plainTarget, {});
show('bare descriptors', () => descriptors(bare, ['a', 'g', 'b']));
show('bare own', () => [bare.hasOwnProperty('a'), bare.hasOwnProperty('g'), bare.hasOwnProperty('b'), bare.propertyIsEnumerable('g')]);
show('bare define', () => { Object.defineProperty(bare, 'b', { value: 2, enumerable: true }); return [plainTarget.b, bare.b, Object.keys(bare)]; });
show('bare array', () => { const p = new Proxy([10, 20], {}); return [Object.keys(p), Object.entries(p), Object.hasOwn(p, 'length'), p.hasOwnProperty(1)]; });
show('bare instance', () => { class Point { x = 1; y = 2; norm() { return this.x + this.y; } } const p = new Proxy(new Point(), {}); return [Object.keys(p), p.hasOwnProperty('x'), p.hasOwnProperty('norm'), p.norm()]; });

// a proxy of a proxy: the outer traps, else the inner proxy's
const inner = new Proxy({ deep: 1, shallow: 2 }, {
  getOwnPropertyDescriptor: (t, k) => (k === 'deep' ? { value: 'inner-deep', enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k)),
});
const outer = new Proxy(inner, {
  getOwnPropertyDescriptor: (t, k) => (k === 'shallow' ? undefined : Reflect.getOwnPropertyDescriptor(t, k)),
});
show('nested descriptors', () => descriptors(outer, ['deep', 'shallow']));
show('nested keys', () => [Object.keys(outer), Object.keys(inner)]);
show('nested own', () => [outer.hasOwnProperty('deep'), outer.hasOwnProperty('shallow'), inner.hasOwnProperty('shallow')]);

// what the traps answer, completed and checked
const answering = (answer) => new Proxy({}, { getOwnPropertyDescriptor: () => answer(), ownKeys: () => ['k'] });
show('partial data descriptor', () => descriptors(answering(() => ({ value: 5, configurable: true })), ['k']));
show('partial accessor descriptor', () => descriptors(answering(() => ({ get() { return 1; }, configurable: true })), ['k']));
show('accessor and value', () => Object.getOwnPropertyDescriptor(answering(() => ({ get() {}, value: 1, configurable: true })), 'k'));
show('answer not an object', () => Object.getOwnPropertyDescriptor(answering(() => 42), 'k'));
show('getter not callable', () => Object.getOwnPropertyDescriptor(answering(() => ({ get: 1, configurable: true })), 'k'));
show('non-enumerable answer', () => [Object.keys(answering(() => ({ value: 1, configurable: true }))), Object.entries(answering(() => ({ value: 1, configurable: true })))]);
show('trap throws', () => Object.keys(new Proxy({}, { ownKeys: () => ['k'], getOwnPropertyDescriptor: () => { throw new RangeError('no'); } })));
show('trap not a function', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: 1 }), 'k'));

// defineProperty traps
const log = [];
const guarded = new Proxy({}, {
  defineProperty(t, k, d) {
    log.push(`${String(k)}:${Object.keys(d).join('+')}`);
    if (k === 'frozen') return false;
    return Reflect.defineProperty(t, k, d);
  },
});
show('define trap', () => { Object.defineProperty(guarded, 'ok', { value: 1, configurable: true }); return [log, Object.getOwnPropertyDescriptor(guarded, 'ok').value]; });
show('define trap falsish', () => Object.defineProperty(guarded, 'frozen', { value: 1 }));
show('reflect define falsish', () => Reflect.defineProperty(guarded, 'frozen', { value: 1 }));
show('define descriptor checked', () => Object.defineProperty(guarded, 'bad', { get: 'no' }));
show('define log', () => log);

// ordinary objects are as before
show('ordinary', () => [Object.keys({ b: 1, a: 2 }), Object.entries('ab'), Object.getOwnPropertyDescriptor('ab', 'length'), ({ x: 1 }).hasOwnProperty('x'), Object.assign({}, { s: 1 }, null, 'yz')]);
show('ordinary errors', () => Object.keys(null));
show('reflect non-object', () => Reflect.getOwnPropertyDescriptor(1, 'a'));

// Proxy.revocable
const { proxy: revocable, revoke } = Proxy.revocable({ a: 1 }, { get: (t, k) => (k === 'a' ? 'trapped' : t[k]) });
show('revocable before', () => [revocable.a, Object.keys(revocable), 'a' in revocable, Object.getOwnPropertyDescriptor(revocable, 'a').value]);
revoke();
show('revoked get', () => revocable.a);
show('revoked set', () => { revocable.b = 1; return 'set'; });
show('revoked keys', () => Object.keys(revocable));
show('revoked has', () => 'a' in revocable);
show('revoked descriptor', () => Object.getOwnPropertyDescriptor(revocable, 'a'));
show('revoke twice', () => { revoke(); return 'ok'; });
show('revocable of a non-object', () => Proxy.revocable(1, {}));
show('revocable function', () => { const { proxy } = Proxy.revocable(function double(x) { return x * 2; }, {}); return [proxy(21), typeof proxy]; });
show('revocable without traps', () => { const t = { x: 1 }; const { proxy } = Proxy.revocable(t, {}); proxy.y = 2; return [t, Object.keys(proxy), delete proxy.x, t]; });

// an array index reaches get, set and deleteProperty as a string
const kinds = [];
const indexed = new Proxy([1, 2], {
  get(t, k, r) { kinds.push(`get ${typeof k} ${String(k)}`); return Reflect.get(t, k, r); },
  set(t, k, v, r) { kinds.push(`set ${typeof k} ${String(k)}`); return Reflect.set(t, k, v, r); },
  deleteProperty(t, k) { kinds.push(`delete ${typeof k} ${String(k)}`); return Reflect.deleteProperty(t, k); },
});
indexed.push(3);
indexed[0] = 0;
void indexed[1];
delete indexed[2];
show('index keys', () => kinds);
show('index keys, object target', () => { const seen = []; const p = new Proxy({}, { get: (t, k) => { seen.push(typeof k); return 1; }, set: (t, k) => { seen.push(typeof k); return true; } }); void p[7]; p[8] = 1; void p[1.5]; return seen; });
show('a trap added later', () => { const h = {}; const p = new Proxy({ a: 1 }, h); h.get = (t, k) => `late ${String(k)}`; return p.a; });
show('a trap removed later', () => { const h = { get: () => 'trap' }; const p = new Proxy({ a: 1 }, h); const before = p.a; delete h.get; return [before, p.a]; });
show('a handler with state', () => { class Handler { constructor() { this.reads = 0; } get(t, k) { this.reads++; return t[k]; } } const h = new Handler(); const p = new Proxy({ a: 1 }, h); void p.a; void p.a; return h.reads; });

// JSON.stringify reads a proxy through its traps
show('json of trap-only keys', () => JSON.stringify(env));
show('json of a transparent proxy', () => JSON.stringify(lazy));
show('json nested', () => JSON.stringify({ config: env, list: [reactive, lazy], n: 1 }));
show('json with a replacer', () => JSON.stringify(env, (k, v) => (k === 'A_KEY' ? undefined : v)));
show('json with a key list and space', () => JSON.stringify({ env, other: 1 }, ['env', 'B_KEY'], 1));
show('json of an array proxy', () => { const base = { items: [1, 2] }; const arr = new Proxy([], { get: (t, k) => (k === 'length' ? base.items.length + 1 : k in base.items ? base.items[k] * 10 : Reflect.get(base.items, k)) }); return JSON.stringify({ arr }); });
show('json of a state-backed draft', () => {
  const state = { base: { a: 1, b: 2 }, copy: null };
  Object.defineProperty(state, 'internal', { value: 1, enumerable: false, configurable: true });
  const draft = new Proxy(state, {
    get: (t, k) => (t.copy || t.base)[k],
    ownKeys: (t) => Reflect.ownKeys(t.copy || t.base),
    getOwnPropertyDescriptor: (t, k) => { const d = Reflect.getOwnPropertyDescriptor(t.copy || t.base, k); return d && { ...d, configurable: true }; },
    set: (t, k, v) => { t.copy = t.copy || { ...t.base }; t.copy[k] = v; return true; },
  });
  draft.c = 3;
  return JSON.stringify(draft);
});

// for-in through the traps (the default build wraps its object in _fcwK)
const forIn = (o) => { const out = []; for (const k in o) out.push(k); return out; };
show('for-in trap-only keys', () => forIn(env));
show('for-in transparent', () => forIn(lazy));
show('for-in reactive', () => forIn(reactive));
show('for-in bare', () => forIn(bare));
show('for-in state-backed', () => {
  const state = { base: { a: 1, b: 2 }, copy: { a: 1, b: 2, c: 3 } };
  const draft = new Proxy(state, {
    ownKeys: (t) => Reflect.ownKeys(t.copy),
    getOwnPropertyDescriptor: (t, k) => { const d = Reflect.getOwnPropertyDescriptor(t.copy, k); return d && { ...d, configurable: true }; },
  });
  return forIn(draft);
});
show('for-in with a prototype', () => {
  const proto = { inherited: 1, shadowed: 2 };
  const p = new Proxy({}, {
    ownKeys: () => ['own', 'shadowed'],
    getOwnPropertyDescriptor: (t, k) => (k === 'own' || k === 'shadowed' ? { value: 1, enumerable: k === 'own', configurable: true } : undefined),
    getPrototypeOf: () => proto,
  });
  return forIn(p);
});
show('for-in revoked', () => { const { proxy, revoke } = Proxy.revocable({ a: 1 }, {}); revoke(); return forIn(proxy); });
show('for-in plain', () => [forIn({ b: 1, a: 2, 1: 3 }), forIn([7, 8]), forIn('xy'), forIn(null), forIn(Object.create({ up: 1 }, { own: { value: 1, enumerable: true } }))]);
// a comma expression as the object (React's minified createElement: the
// lowering prints it without parentheses, `for (k in a, b)`)
show('for-in plain comma', () => {
  const config = { a: 1, key: 'k' };
  let key = null; const out = [];
  for (const p in (void 0 !== config.key && (key = '' + config.key), config)) out.push(p);
  return [key, out];
});

// the traps Duktape lacks (getPrototypeOf as the prototype of instanceof,
// isPrototypeOf and __proto__; setPrototypeOf, isExtensible,
// preventExtensions and freeze/seal through them), construct's newTarget
// and the invariants between a trap's answer and its target (§10.5)
{
  class A {}
  const protoP = { tag: 'p' };
  const gp = new Proxy({}, { getPrototypeOf: () => protoP });
  show('gpo', () => Object.getPrototypeOf(gp) === protoP);
  show('reflect gpo', () => Reflect.getPrototypeOf(gp) === protoP);
  show('__proto__', () => gp.__proto__ === protoP);
  show('isPrototypeOf', () => protoP.isPrototypeOf(gp));
  show('isPrototypeOf obj proto', () => Object.prototype.isPrototypeOf(gp));
  const pa = new Proxy({}, { getPrototypeOf: () => A.prototype });
  show('instanceof', () => pa instanceof A);
  show('instanceof Object', () => pa instanceof Object);
  show('plain instanceof', () => [new A() instanceof A, ({}) instanceof A, [] instanceof Array]);
  const arrP = new Proxy([], {});
  show('array proxy instanceof', () => [arrP instanceof Array, Array.isArray(arrP)]);
  const inh = Object.create(pa);
  show('inherits instanceof', () => inh instanceof A);
  // isExtensible, preventExtensions
  const log = [];
  const t1 = { a: 1 };
  const pe = new Proxy(t1, {
    isExtensible(t) { log.push('isExt'); return Reflect.isExtensible(t); },
    preventExtensions(t) { log.push('pe'); return Reflect.preventExtensions(t); },
  });
  show('isExtensible', () => [Object.isExtensible(pe), Reflect.isExtensible(pe)]);
  show('preventExtensions', () => [Object.preventExtensions(pe) === pe, Object.isExtensible(t1), Object.isExtensible(pe), log]);
  const t2 = { a: 1, get b() { return 2; } };
  const pf = new Proxy(t2, {});
  show('freeze', () => [Object.freeze(pf) === pf, Object.isFrozen(t2), Object.isFrozen(pf), Object.isSealed(pf), Object.isExtensible(pf)]);
  const t3 = { a: 1 };
  const ps = new Proxy(t3, {});
  show('seal', () => [Object.seal(ps) === ps, Object.isSealed(t3), Object.isFrozen(ps), Object.isSealed(ps)]);
  show('not frozen', () => [Object.isFrozen(new Proxy({ a: 1 }, {})), Object.isSealed(new Proxy({}, {})), Object.isFrozen(new Proxy(Object.freeze({}), {}))]);
  show('pe false', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => false })));
  show('reflect pe false', () => Reflect.preventExtensions(new Proxy({}, { preventExtensions: () => false })));
  show('pe lies', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => true })));
  show('isExt lies', () => Object.isExtensible(new Proxy({}, { isExtensible: () => false })));
  // immer-like: freeze a draft proxy
  const frozenLog = [];
  const dp = new Proxy({ x: 1 }, { defineProperty(t, k, d) { frozenLog.push(k + ':' + JSON.stringify(d)); return Reflect.defineProperty(t, k, d); } });
  show('freeze through defineProperty trap', () => { Object.freeze(dp); return frozenLog; });
  // setPrototypeOf
  const sl = [];
  const sp = new Proxy({}, { setPrototypeOf(t, p) { sl.push(p === A.prototype); return Reflect.setPrototypeOf(t, p); } });
  show('setPrototypeOf', () => [Object.setPrototypeOf(sp, A.prototype) === sp, sl, sp instanceof A, Object.getPrototypeOf(sp) === A.prototype]);
  show('reflect setPrototypeOf false', () => Reflect.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null));
  show('setPrototypeOf false', () => Object.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null));
  show('__proto__ set', () => { const p = new Proxy({}, {}); p.__proto__ = A.prototype; return p instanceof A; });
  show('setPrototypeOf no trap', () => { const t = {}; const p = new Proxy(t, {}); Object.setPrototypeOf(p, A.prototype); return Object.getPrototypeOf(t) === A.prototype; });
  // newTarget
  function F() {}
  function G() {}
  const cp = new Proxy(F, { construct(t, args, nt) { return { nt: nt === G ? 'G' : nt === cp ? 'proxy' : String(nt), args }; } });
  show('construct new', () => new cp(1, 2));
  show('construct reflect nt', () => Reflect.construct(cp, [3], G));
  show('construct reflect', () => Reflect.construct(cp, [4]));
  show('construct non-object', () => new (new Proxy(F, { construct: () => 1 }))());
  show('construct no trap nt', () => Object.getPrototypeOf(Reflect.construct(new Proxy(F, {}), [], G)) === G.prototype);
  // invariants
  const nc = {}; Object.defineProperty(nc, 'k', { value: 1, writable: false, configurable: false });
  show('gopd nonconfig missing', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: 1, configurable: false }) }), 'x'));
  show('gopd hides nonconfig', () => Object.getOwnPropertyDescriptor(new Proxy(nc, { getOwnPropertyDescriptor: () => undefined }), 'k'));
  show('gopd ok', () => Object.getOwnPropertyDescriptor(new Proxy(nc, { getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, k) }), 'k'));
  show('define nonconfig missing', () => Object.defineProperty(new Proxy({}, { defineProperty: () => true }), 'x', { value: 1, configurable: false }));
  show('define ok', () => Object.keys(Object.defineProperty(new Proxy({}, { defineProperty: () => true }), 'x', { value: 1, configurable: true })));
  show('ownKeys omits', () => Object.keys(new Proxy(nc, { ownKeys: () => [] })));
  show('ownKeys dup', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', 'a'] })));
  show('ownKeys bad type', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [1] })));
  show('ownKeys non-extensible extra', () => Reflect.ownKeys(new Proxy(Object.preventExtensions({}), { ownKeys: () => ['z'] })));
  show('get differs', () => new Proxy(nc, { get: () => 2 }).k);
  show('get same', () => new Proxy(nc, { get: () => 1 }).k);
  show('has hides', () => 'k' in new Proxy(nc, { has: () => false }));
  show('has hides nonext', () => 'a' in new Proxy(Object.preventExtensions({ a: 1 }), { has: () => false }));
  show('set differs', () => { 'use strict'; const p = new Proxy(nc, { set: () => true }); p.k = 5; return 'no'; });
  show('delete nonconfig', () => { 'use strict'; return delete new Proxy(nc, { deleteProperty: () => true }).k; });
  show('gpo nonext', () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf: () => A.prototype })));

}
{
  class Base { constructor(x) { this.b = x; } hello() { return 'hi'; } }
  const PB = new Proxy(Base, {});
  class D extends PB { constructor() { super(5); this.d = 2; } }
  show('extend proxied class', () => { const d = new D(); return [d instanceof D, d instanceof Base, d.b, d.d, d.hello(), Object.getPrototypeOf(d) === D.prototype]; });
  const seen = [];
  const PT = new Proxy(Base, { construct(t, a, nt) { seen.push(nt === D2 ? 'D2' : nt === PT ? 'PT' : '?'); return Reflect.construct(t, a, nt); } });
  class D2 extends PT { constructor() { super(7); this.d = 3; } }
  show('extend class with construct trap', () => { const d = new D2(); const e = new PT(1); return [d instanceof D2, d.b, d.d, e instanceof Base, e instanceof D2, seen]; });
  // immer-like draft of a class instance
  class Todo { constructor() { this.title = 't'; } done() { return true; } }
  const base = new Todo();
  const state = { base_: base, copy_: null };
  const draft = new Proxy(state, {
    get(s, k) { const src = s.copy_ || s.base_; return src[k]; },
    getPrototypeOf(s) { return Object.getPrototypeOf(s.base_); },
    ownKeys(s) { return Reflect.ownKeys(s.copy_ || s.base_); },
    getOwnPropertyDescriptor(s, k) { const d = Reflect.getOwnPropertyDescriptor(s.copy_ || s.base_, k); return d && { writable: true, configurable: true, enumerable: d.enumerable, value: d.value }; },
    setPrototypeOf() { throw new Error('no setPrototypeOf'); },
    defineProperty() { throw new Error('no defineProperty'); },
  });
  show('draft prototype', () => [Object.getPrototypeOf(draft) === Todo.prototype, draft instanceof Todo, Todo.prototype.isPrototypeOf(draft), draft.done(), draft.__proto__ === Todo.prototype]);
  show('draft plain?', () => { const p = Object.getPrototypeOf(draft); return p === Object.prototype || p === null; });
  show('draft keys', () => Object.keys(draft));
  show('draft setPrototypeOf', () => Object.setPrototypeOf(draft, null));
  show('draft isFrozen', () => [Object.isFrozen(draft), Object.isExtensible(draft)]);
  // a readonly view (Vue-like): freeze through the proxy, tests through it
  const raw = { a: 1, nested: { b: 2 } };
  const ro = new Proxy(raw, { set: () => true, deleteProperty: () => true });
  show('freeze via proxy', () => { Object.freeze(ro); return [Object.isFrozen(raw), Object.isFrozen(ro), Object.isSealed(ro), Object.isExtensible(ro), Object.isFrozen(raw.nested)]; });
  show('revoked', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); const r = []; for (const f of [Object.getPrototypeOf, Object.isExtensible, Object.preventExtensions, Object.freeze, Object.isFrozen, (p) => p instanceof Object, (p) => Object.prototype.isPrototypeOf(p)]) { try { r.push(f(proxy)); } catch (e) { r.push(e.constructor.name); } } return r; });
  show('bound instanceof', () => { const B = Base.bind(null); return [new Proxy({}, { getPrototypeOf: () => Base.prototype }) instanceof B, new Base() instanceof B]; });
  show('instanceof non-object prototype', () => { function F() {} F.prototype = 3; return new Proxy({}, {}) instanceof F; });
  show('proxy of proxy prototype', () => { const inner = new Proxy({}, { getPrototypeOf: () => Array.prototype }); const outer = new Proxy(inner, {}); return [Object.getPrototypeOf(outer) === Array.prototype, outer instanceof Array, Array.isArray(outer)]; });
  show('sealed via proxy', () => { const t = { a: 1 }; Object.seal(new Proxy(t, {})); return [Object.isSealed(t), Object.isFrozen(t), Object.getOwnPropertyDescriptor(t, 'a')]; });
  show('hasInstance descriptor', () => { const d = Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance); return [typeof d.value, d.writable, d.enumerable, d.configurable, d.value.name, d.value.length]; });
  show('__proto__ descriptor', () => { const d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__'); return [typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name]; });
  show('ordinary', () => { const o = {}; const a = []; Object.setPrototypeOf(o, Base.prototype); return [o instanceof Base, Object.getPrototypeOf(a) === Array.prototype, ({}).__proto__ === Object.prototype, Object.isFrozen(Object.freeze({ x: 1 })), Object.isSealed({}), Object.isExtensible(Object.preventExtensions({})), Reflect.setPrototypeOf(Object.preventExtensions({}), null), Base.prototype.isPrototypeOf(o), 1 instanceof Object, Object.getPrototypeOf('s') === String.prototype]; });
  show('primitive errors', () => { const r = []; for (const f of [() => Object.getPrototypeOf(null), () => Reflect.getPrototypeOf(1), () => Object.setPrototypeOf(undefined, null), () => Reflect.isExtensible(1), () => ({}) instanceof 3]) { try { r.push(f()); } catch (e) { r.push(e.constructor.name); } } return r.concat([Object.isExtensible(1), Object.isFrozen('x'), Object.freeze(2)]); });

}
// the ownKeys invariant against targets of each kind
{
  const ok = (t) => new Proxy(t, { ownKeys: (x) => Reflect.ownKeys(x) });
  const drop = (t, k) => new Proxy(t, { ownKeys: (x) => Reflect.ownKeys(x).filter((y) => y !== k) });
  show('array keys', () => Reflect.ownKeys(ok([1, 2])));
  show('array without length', () => Reflect.ownKeys(drop([1, 2], 'length')));
  show('array without index', () => Reflect.ownKeys(drop([1, 2], '0')));
  show('function without prototype', () => Reflect.ownKeys(drop(function f() {}, 'prototype')));
  show('frozen without key', () => Reflect.ownKeys(drop(Object.freeze({ a: 1, b: 2 }), 'b')));
  show('sealed array without index', () => Reflect.ownKeys(drop(Object.seal([1, 2]), '1')));
  show('string object', () => Reflect.ownKeys(drop(new String('ab'), '0')));
  show('defined nonconfig', () => { const o = { a: 1 }; Object.defineProperty(o, 's', { value: 1 }); return [Reflect.ownKeys(ok(o)), Reflect.ownKeys(drop(o, 'a'))]; });
  show('defined nonconfig dropped', () => { const o = { a: 1 }; Object.defineProperty(o, 's', { value: 1 }); return Reflect.ownKeys(drop(o, 's')); });
  show('symbol nonconfig dropped', () => { const s = Symbol('x'); const o = {}; Object.defineProperty(o, s, { value: 1 }); return Reflect.ownKeys(drop(o, s)).length; });
  show('keys of proxied array', () => Object.keys(ok([5, 6])));
  show('non-extensible target exact', () => Reflect.ownKeys(new Proxy(Object.preventExtensions({ a: 1 }), { ownKeys: () => ['a'] })));
}
// an ordinary [[Set]] with a proxy as receiver runs its descriptor traps
{
  show('set through descriptor traps', () => {
    const gets = []; const defs = [];
    const p = new Proxy({ foo: 1 }, {
      getOwnPropertyDescriptor(t, k) { gets.push(k); return Reflect.getOwnPropertyDescriptor(t, k); },
      defineProperty(t, k, d) { defs.push(`${k}:${Object.keys(d).join('+')}`); return Reflect.defineProperty(t, k, d); },
    });
    p.foo = 2; p.bar = 3;
    return [gets, defs, p.foo, p.bar];
  });
  show('reflect set receiver proxy', () => {
    const defs = [];
    const target = { a: 1 };
    const p = new Proxy(target, { defineProperty(t, k, d) { defs.push(k); return Reflect.defineProperty(t, k, d); } });
    return [Reflect.set({ a: 0 }, 'a', 5, p), target.a, defs];
  });
  show('vue-like set', () => {
    const raw = { n: 1 };
    const r = new Proxy(raw, { set(t, k, v, rec) { return Reflect.set(t, k, v, rec); } });
    r.n = 2; r.m = 3;
    return [raw, Object.keys(r)];
  });
  show('set on non-extensible through proxy', () => { 'use strict'; const p = new Proxy(Object.preventExtensions({}), { defineProperty: (t, k, d) => Reflect.defineProperty(t, k, d) }); p.x = 1; return 'no'; });
  show('set readonly through proxy', () => { 'use strict'; const t = {}; Object.defineProperty(t, 'ro', { value: 1, writable: false, configurable: true }); const p = new Proxy(t, { defineProperty: (a, k, d) => Reflect.defineProperty(a, k, d) }); p.ro = 2; return 'no'; });
  show('instanceof with wrapper prototype', () => {
    const base = new Proxy({}, { get: (t, k) => (k === 'greet' ? () => 'hi' : undefined) });
    function F() {}
    F.prototype = Object.create(base);
    const f = new F();
    return [f instanceof F, Object.prototype.isPrototypeOf.call(F.prototype, f)];
  });
}
// ownKeys lists long and short, checked by C or the long way
{
  const many = Array.from({ length: 100 }, (_, i) => `k${i}`);
  const big = Object.fromEntries(many.map((k) => [k, 1]));
  show('long list', () => Reflect.ownKeys(new Proxy(big, { ownKeys: () => many.slice() })).length);
  show('long list dup', () => Reflect.ownKeys(new Proxy(big, { ownKeys: () => many.concat(['k5']) })).length);
  show('long list symbol dup', () => { const s = Symbol('s'); return Reflect.ownKeys(new Proxy({}, { ownKeys: () => many.concat([s, s]) })).length; });
  show('short symbol dup', () => { const s = Symbol('s'); return Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', s, s] })).length; });
  show('hole', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', , 'b'] })));
  show('array-like', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ({ length: 2, 0: 'a', 1: 'b' }) })));
  const nc99 = { ...big }; Object.defineProperty(nc99, 'k99', { configurable: false });
  show('long list with nonconfig', () => Reflect.ownKeys(new Proxy(nc99, { ownKeys: () => many.slice() })).length);
  show('long list without nonconfig', () => Reflect.ownKeys(new Proxy(nc99, { ownKeys: () => many.slice(0, 99) })).length);
}
// objects on a proxy prototype (the runtime's wrappers): freezing and
// setting their prototype reach the wrapped object
{
  const base = new Proxy({}, { get: (t, k) => (k === 'hello' ? 'hi' : undefined) });
  const o = Object.create(base);
  o.own = 1;
  show('wrapper', () => [o.hello, o.own, Object.getPrototypeOf(o) === base, Object.isExtensible(o), Object.isFrozen(o)]);
  show('wrapper freeze', () => { Object.freeze(o); return [Object.isFrozen(o), Object.isExtensible(o), Reflect.set(o, 'own', 2), o.own, Object.getOwnPropertyDescriptor(o, 'own').writable]; });
  const lit = { __proto__: base, a: 1 };
  show('literal', () => [lit.hello, lit.a, Object.getPrototypeOf(lit) === base, base.isPrototypeOf ? 'has' : 'none', Object.prototype.isPrototypeOf.call(base, lit)]);
  show('setPrototypeOf wrapper', () => { const x = Object.setPrototypeOf({ b: 2 }, base); Object.setPrototypeOf(x, null); return [Object.getPrototypeOf(x), x.hello, x.b]; });
}
// the same from an async function (a coroutine of its own in fcworker)
(async () => {
  await null;
  show('async keys', () => [Object.keys(env), Object.entries(lazy), { ...reactive }]);
  show('async own', () => [Object.hasOwn(lazy, 'name'), bare.hasOwnProperty('a'), Object.getOwnPropertyDescriptor(bare, 'a').value]);
  show('async define', () => Reflect.defineProperty(guarded, 'frozen', { value: 1 }));
})();
