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

// the same from an async function (a coroutine of its own in fcworker)
(async () => {
  await null;
  show('async keys', () => [Object.keys(env), Object.entries(lazy), { ...reactive }]);
  show('async own', () => [Object.hasOwn(lazy, 'name'), bare.hasOwnProperty('a'), Object.getOwnPropertyDescriptor(bare, 'a').value]);
  show('async define', () => Reflect.defineProperty(guarded, 'frozen', { value: 1 }));
})();
