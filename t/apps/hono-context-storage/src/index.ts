// SPDX-License-Identifier: MIT
/*
 * Request-scoped state through AsyncLocalStorage, as Workers apps keep it:
 * Hono's `contextStorage()` middleware (getContext() anywhere in the
 * request, across awaits) and an AsyncLocalStorage of the app's own
 * (`node:async_hooks`) holding an audit trail that functions deep in the
 * call chain append to: after timers, crypto.subtle, a parsed body and
 * Promise.all of runs with stores of their own.
 */
import { Hono } from 'hono';
import { contextStorage, getContext } from 'hono/context-storage';
import { env, getRuntimeKey } from 'hono/adapter';
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';

type Env = { Bindings: { GREETING: string }; Variables: { requestId: string; user?: string } };

const audit = new AsyncLocalStorage<string[]>();
const tenant = new AsyncLocalStorage<string>();
const app = new Hono<Env>();

app.use(contextStorage());
app.use('/users/*', async (c, next) => {
  c.set('requestId', c.req.header('x-request-id') ?? 'none');
  await audit.run([], next);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message: string) {
  audit.getStore()?.push(`${getContext<Env>().var.requestId}:${tenant.getStore() ?? '-'}:${message}`);
}

async function loadUser(id: string) {
  log('load');
  await sleep(1);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)));
  log('digest');
  return `user-${id}-${Array.from(digest.slice(0, 2), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

app.get('/users/:id', async (c) => {
  const user = await tenant.run(c.req.query('tenant') ?? 'main', () => loadUser(c.req.param('id')));
  c.set('user', user);
  // three runs pending at once, each with its tenant (timers of one delay
  // fire in the order they were set, whatever the machine's load)
  const parts = await Promise.all(['a', 'b', 'c'].map((tag) =>
    tenant.run(tag, async () => {
      await sleep(1);
      log('part');
      await null;
      return `${tag}:${tenant.getStore()}:${getContext<Env>().var.requestId}`;
    })));
  log('done');
  return c.json({ requestId: getContext<Env>().var.requestId, user: getContext<Env>().var.user, parts, audit: audit.getStore() });
});

app.post('/users/:id/notes', async (c) => {
  const body = await c.req.json<{ notes: string[] }>();
  for (const note of body.notes) {
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    log(`note ${note}`);
  }
  const resource = new AsyncResource('report');
  const report = await audit.run(['elsewhere'], () => resource.runInAsyncScope(async () => {
    await sleep(1);
    return audit.getStore()?.length;
  }));
  return c.json({ requestId: getContext<Env>().var.requestId, audit: audit.getStore(), report });
});

// outside the audited routes: no store, and no store left over from an
// earlier request (whose timers may still run)
app.get('/later', (c) => {
  audit.run(['scheduled'], () => setTimeout(() => log('timer after the response'), 5));
  return c.text('scheduled');
});
app.get('/outside', (c) => c.json({ audit: audit.getStore() ?? null, tenant: tenant.getStore() ?? null,
  hono: getContext<Env>() === c }));

// hono/adapter tells the runtime by navigator.userAgent: on Workers its
// env(c) is the bindings (an unknown runtime gets {})
app.get('/runtime', (c) => c.json({ runtime: getRuntimeKey(), greeting: env<{ GREETING?: string }>(c).GREETING ?? null,
  fromContext: getContext<Env>().env.GREETING }));

app.onError((err, c) => c.json({ error: err.message }, 500));

export default app;
