// SPDX-License-Identifier: MIT
// node:async_hooks' AsyncLocalStorage and AsyncResource (js/76-async-hooks.js,
// the promise core's async context in lib/duk_hooks.c): t/build-async-hooks.t
// runs this source in Node and its bundle (fcworker-build) in fcworker; the
// two outputs must be the same.
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import hooks from 'async_hooks';

const lines = [];
const out = (s) => lines.push(s);
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const tick = (v) => new Promise((r) => setTimeout(() => r(v), 1));
const both = () => `${als.getStore()}/${other.getStore()}`;

(async () => {
  out(`default export: ${hooks.AsyncLocalStorage === AsyncLocalStorage && hooks.AsyncResource === AsyncResource}`);
  out(`outside: ${als.getStore()}`);
  out(`run returns: ${als.run('a', (x, y) => `${als.getStore()} ${x} ${y}`, 1, 2)}`);
  out(`after run: ${als.getStore()}`);
  out(`nested: ${als.run('a', () => other.run('b', () => both() + ' ' + als.run('c', both)))}`);
  try {
    als.run('thrown', () => { throw new Error('boom'); });
  } catch (e) {
    out(`a throw goes through: ${e.message}, after it: ${als.getStore()}`);
  }
  try {
    als.run('x', 42);
  } catch (e) {
    out(`run without a callback: ${e.constructor.name}`);
  }
  try {
    AsyncLocalStorage();
  } catch (e) {
    out(`without new: ${e.constructor.name}`);
  }

  // awaits: of pending promises, of settled values, of thenables
  const awaited = await als.run('await', async () => {
    const seen = [als.getStore()];
    await tick();
    seen.push(als.getStore());
    await 1;
    seen.push(als.getStore());
    await Promise.resolve();
    seen.push(als.getStore());
    await { then(r) { r(); } };
    seen.push(als.getStore());
    await new Promise((r) => queueMicrotask(r));
    seen.push(als.getStore());
    return seen.join(',');
  });
  out(`through awaits: ${awaited}; after: ${als.getStore()}`);

  // runs interleaved: each continues in its own store
  const steps = [];
  const worker = (name, n) => als.run(name, async () => {
    for (let i = 0; i < n; i++) {
      steps.push(`${name}${i}=${als.getStore()}`);
      if (i % 2) await tick(); else await null;
    }
    return als.getStore();
  });
  const done = await Promise.all([worker('p', 4), worker('q', 3), other.run('o', () => worker('r', 2))]);
  out(`interleaved: ${steps.join(' ')} -> ${done.join(',')}`);

  // a reaction runs in the context of its then, not of the resolve
  let resolveLater;
  const later = als.run('maker', () => new Promise((r) => { resolveLater = r; }));
  const watched = als.run('then-er', () => later.then(() => als.getStore()));
  const plain = later.then(() => als.getStore());
  als.run('resolver', () => resolveLater('v'));
  out(`then's context: ${await watched}, none: ${await plain}`);
  out(`catch and finally: ${await als.run('cf', () => Promise.reject(new Error('r')).catch(() => als.getStore()).finally(() => steps.push(`finally=${als.getStore()}`)))} ${steps.pop()}`);

  // microtasks and timers
  out(`queueMicrotask: ${await als.run('mt', () => new Promise((r) => queueMicrotask(() => r(als.getStore()))))}`);
  out(`setTimeout: ${await als.run('st', () => new Promise((r) => setTimeout((x) => r(`${als.getStore()} ${x}`), 1, 'arg')))}`);
  out(`setInterval: ${await als.run('si', () => new Promise((r) => {
    const seen = [];
    const id = setInterval(() => {
      seen.push(als.getStore());
      if (seen.length === 3) { clearInterval(id); r(seen.join(',')); }
    }, 1);
  }))}`);
  out(`timer after its run: ${await new Promise((r) => { als.run('gone', () => setTimeout(() => r(als.getStore()), 1)); })}, now ${als.getStore()}`);

  // an async function goes on in its context after run() returned
  let finished;
  const goesOn = als.run('goes-on', async () => { await tick(); await tick(); finished = als.getStore(); });
  out(`run returned: ${als.getStore()}`);
  await goesOn;
  out(`and the function went on in: ${finished}`);

  // exit
  out(`exit: ${als.run('e', () => other.run('f', () => als.exit((x) => `${both()} ${x}`, 'arg') + ' then ' + both()))}`);
  out(`exit outside: ${als.exit(() => als.getStore())}`);
  out(`exit and await: ${await als.run('ea', () => als.exit(async () => { await tick(); return als.getStore(); }))}`);

  // bind and snapshot
  const bound = als.run('bound', () => AsyncLocalStorage.bind(function (x) { return `${als.getStore()} ${this && this.tag} ${x}`; }));
  out(`bind: ${bound.call({ tag: 't' }, 1)}; in another run: ${als.run('z', () => bound(2))}`);
  const snap = als.run('snap', () => other.run('shot', () => AsyncLocalStorage.snapshot()));
  out(`snapshot: ${snap((x) => `${both()} ${x}`, 'y')}; after: ${both()}`);
  out(`snapshot outside a run: ${als.run('in', () => AsyncLocalStorage.snapshot())(() => both())} / ${AsyncLocalStorage.snapshot()(() => both())}`);

  // AsyncResource
  const resource = als.run('res', () => new AsyncResource('test'));
  out(`runInAsyncScope: ${resource.runInAsyncScope(function (x, y) { return `${als.getStore()} ${this.n} ${x} ${y}`; }, { n: 'this' }, 1, 2)}`);
  const rb = resource.bind(function (x) { return `${als.getStore()} ${this && this.n} ${x}`; });
  out(`resource.bind: ${rb.call({ n: 'call' }, 3)}; length ${rb.length}`);
  const rbt = resource.bind(function () { return `${als.getStore()} ${this.n}`; }, { n: 'fixed' });
  out(`resource.bind with this: ${als.run('other', () => rbt.call({ n: 'ignored' }))}`);
  const sb = als.run('static', () => AsyncResource.bind((x) => `${als.getStore()} ${x}`));
  out(`AsyncResource.bind: ${sb('s')}`);
  try {
    new AsyncResource();
  } catch (e) {
    out(`AsyncResource without a type: ${e.constructor.name}`);
  }

  // async work started in a run, awaited elsewhere
  const deep = async (n) => (n === 0 ? als.getStore() : (await null, deep(n - 1)));
  out(`recursion: ${await als.run('deep', () => deep(200))}`);
  const gen = async function* () { yield als.getStore(); await tick(); yield als.getStore(); };
  const it = als.run('gen', () => gen());
  const got = [];
  for await (const v of it) got.push(v);
  out(`async generator: ${got.join(',')}`);
  out(`end: ${both()}`);

  const print_ = typeof print === 'function' ? print : (s) => console.log(s);
  for (const line of lines) print_(line);
})();
