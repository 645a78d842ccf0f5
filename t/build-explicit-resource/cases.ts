// SPDX-License-Identifier: MIT
// `using` and `await using` as fcworker-build lowers them (esbuild's
// helpers), on the runtime's SuppressedError, DisposableStack,
// AsyncDisposableStack, Iterator.prototype[Symbol.dispose] and
// %AsyncIteratorPrototype%[Symbol.asyncDispose] (js/14-explicit-resource.js,
// js/14-newer-methods.js): t/build-explicit-resource.t runs the bundle
// in fcworker and compares what it prints with expected.txt, written from
// the specification (Node 20 has none of these).
const log: string[] = [];
class Res {
  constructor(public name: string, public fail = false) {}
  [Symbol.dispose]() {
    log.push(`dispose ${this.name}`);
    if (this.fail) throw new Error(`${this.name} failed`);
  }
}
function twoFail() {
  using a = new Res('a', true);
  using b = new Res('b', true);
  log.push('body');
  throw new Error('body failed');
}
function describe(e: any): string {
  if (e instanceof SuppressedError) return `SuppressedError(${describe(e.error)}, ${describe(e.suppressed)})`;
  return e instanceof Error ? e.message : String(e);
}
async function asyncStack() {
  await using stack = new AsyncDisposableStack();
  stack.defer(async () => { await null; log.push('deferred async'); });
  stack.use(new Res('sync in async'));
  stack.use({ async [Symbol.asyncDispose]() { log.push('async dispose'); } });
  const moved = stack.move();
  log.push(`moved: the old one disposed ${stack.disposed}, the new one ${moved.disposed}`);
  await moved.disposeAsync();
  log.push(`after disposeAsync: ${moved.disposed}`);
}
async function* rows() {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('rows: finally');
  }
}
async function asyncGenerators() {
  {
    await using r = rows();
    const first = await r.next();
    log.push(`first row ${first.value}`);
  }
  log.push('after the block: the generator returned');
  {
    await using unstarted = rows();
  }
  log.push(`an unstarted one disposes to ${await rows()[Symbol.asyncDispose]()}`);
  const aip = Object.getPrototypeOf(Object.getPrototypeOf(new ReadableStream().values()));
  log.push(`the stream's iterators share it: ${aip[Symbol.asyncDispose] === rows()[Symbol.asyncDispose]}`);
  let cancelled = false;
  const stream = new ReadableStream({ pull(c) { c.enqueue('chunk'); }, cancel() { cancelled = true; } });
  {
    await using it = stream.values();
    log.push(`read ${(await it.next()).value}`);
  }
  log.push(`a stream's iterator disposed: cancelled ${cancelled}, locked ${stream.locked}`);
}
class Tracked extends DisposableStack {
  tag = 'sub';
}
(async () => {
  try { twoFail(); } catch (e) { log.push(`thrown: ${describe(e)}`); }
  await asyncStack();
  await asyncGenerators();
  const ds = new DisposableStack();
  const value = ds.adopt(42, (v) => log.push(`adopted ${v}`));
  ds.defer(() => log.push('deferred'));
  ds.dispose();
  ds.dispose();
  log.push(`adopt returned ${value}; disposed ${ds.disposed}; ${Object.prototype.toString.call(ds)}`);
  try { ds.use(new Res('late')); } catch (e: any) { log.push(`use after dispose: ${e.constructor.name}`); }
  try { new DisposableStack().use({} as any); } catch (e: any) { log.push(`use of a non-disposable: ${e.constructor.name}`); }
  const t = new Tracked();
  log.push(`subclass: ${t instanceof DisposableStack} ${t.tag} move gives ${t.move().constructor.name}`);
  let returned = false;
  const it = { next: () => ({ done: false, value: 1 }), return: () => { returned = true; return { done: true }; }, [Symbol.iterator]() { return this; } };
  Object.setPrototypeOf(it, Object.getPrototypeOf(Object.getPrototypeOf([].values())));
  { using i = it as any; }
  log.push(`iterator disposed through return(): ${returned}`);
  const se = new SuppressedError(1, 2, 'msg');
  log.push(`SuppressedError: ${se.name} ${se.message} ${se.error} ${se.suppressed} ${Error.isError(se)} ${Object.getPrototypeOf(SuppressedError) === Error}`);
  for (const line of log) print(line);
})();
declare function print(s: string): void;
