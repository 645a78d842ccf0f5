// SPDX-License-Identifier: MIT
// The ES2023-2025 library (js/14-es2025.js) and Error.captureStackTrace
// from modern source as fcworker-build lowers it: an async generator fed to
// Array.fromAsync, iterator helpers over a generator and over Map entries,
// the Set methods, Object.groupBy, a class extending Error that calls
// Error.captureStackTrace, and classes extending Error that do not, whose
// stack V8 starts at the frame that made the error, leaving out the
// constructors (what `new` calls through). t/build-es2025.t compares what the bundle prints
// in fcworker with expected.txt (and with Node on this source when Node has
// these functions).
const print_ = typeof print === 'function' ? print : (s) => console.log(s);
const log = (name, value) => print_(`${name}: ${JSON.stringify(value)}`);

async function* pages(n) {
  for (let i = 1; i <= n; i++) {
    await null;
    yield { page: i, rows: [i * 10, i * 10 + 1] };
  }
}

function* naturals() {
  let i = 0;
  for (;;) yield i++;
}

class QueryError extends Error {
  constructor(message, query) {
    super(message);
    this.name = 'QueryError';
    this.query = query;
    if (Error.captureStackTrace) Error.captureStackTrace(this, QueryError);
  }
}

function runQuery(q) {
  throw new QueryError('syntax error', q);
}

class HttpError extends Error {
  constructor(status, message, options) {
    super(message, options);
    this.status = status;
  }
}

class NotFound extends HttpError {
  constructor(what) {
    super(404, `${what} not found`, { cause: what });
    this.name = 'NotFound';
  }
}

function findUser(id) {
  throw new NotFound(`user ${id}`);
}

function failAt(make) {
  try {
    make();
  } catch (e) {
    const lines = e.stack.split('\n');
    return {
      heading: lines[0],
      firstFrame: /\b(findUser|check)\b/.test(lines[1]),
      constructorsLeftOut: !/HttpError|NotFound|Error \(/.test(lines.slice(1).join('\n')),
      cause: e.cause,
    };
  }
}

class TimeoutLike extends DOMException {
  constructor(what) {
    super(`${what} timed out`, 'TimeoutError');
  }
}

async function main() {
  const all = await Array.fromAsync(pages(3));
  log('fromAsync over an async generator', all.map((p) => p.page));
  const rows = await Array.fromAsync(pages(2), async (p) => p.rows.length);
  log('with an async mapper', rows);
  log('helpers over a generator', naturals().filter((n) => n % 3 === 0).map((n) => n * n).take(4).toArray());
  const stock = new Map([['apple', 3], ['pear', 0], ['fig', 8]]);
  log('helpers over Map entries', [...stock.entries().filter(([, n]) => n > 0).map(([k]) => k)]);
  const tags = new Set(['js', 'ts', 'go']);
  log('Set methods', {
    union: [...tags.union(new Set(['rust']))],
    intersection: [...tags.intersection(stock.has('x') ? new Set() : new Set(['ts', 'py']))],
    subset: new Set(['js']).isSubsetOf(tags),
  });
  log('groupBy', Object.groupBy([1, 2, 3, 4, 5], (n) => (n % 2 ? 'odd' : 'even')));
  try {
    runQuery('SELEC 1');
  } catch (e) {
    const lines = e.stack.split('\n');
    log('captureStackTrace', {
      instance: e instanceof QueryError && e instanceof Error,
      name: e.name,
      heading: lines[0],
      firstFrame: /\brunQuery\b/.test(lines[1]),
      constructorLeftOut: !/QueryError|captureStackTrace/.test(lines.slice(1).join('\n')),
    });
  }
  log('subclass stacks', [
    failAt(() => findUser(7)),
    failAt(function check() { throw new HttpError(400, 'bad'); }),
  ]);
  // a DOMException has [[ErrorData]], a subclass's instance too (Error.isError
  // where this Node has it, ES2026; else the answer V8 gives)
  const isError = (x, v8) => (typeof Error.isError === 'function' ? Error.isError(x) : v8);
  const timeout = new TimeoutLike('fetch');
  log('DOMException subclass', {
    isError: isError(timeout, true),
    plain: isError(new DOMException('m'), true),
    inheriting: isError(Object.create(DOMException.prototype), false),
    instance: timeout instanceof TimeoutLike && timeout instanceof DOMException && timeout instanceof Error,
    name: timeout.name,
    message: timeout.message,
    code: timeout.code,
  });
  let count = 0;
  for await (const p of pages(2)) count += p.rows.length;
  log('for await', count);
}

main().then(() => log('done', true), (e) => log('failed', String(e && e.stack || e)));
