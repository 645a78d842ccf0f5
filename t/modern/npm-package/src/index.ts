// SPDX-License-Identifier: MIT
/*
 * A worker built on the hono npm package (TypeScript): middleware, a mounted
 * sub-app, typed path parameters with a pattern, JSON bodies, CORS, custom
 * not-found and error handlers, and HTTPException for client errors.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';

type Bindings = { APP_NAME?: string };

interface Todo {
  id: number;
  title: string;
  done: boolean;
}

const todos = new Map<number, Todo>();
let nextId = 1;

const api = new Hono<{ Bindings: Bindings }>();

api.get('/todos', (c) => c.json([...todos.values()]));

api.post('/todos', async (c) => {
  const body = await c.req.json<Partial<Todo>>().catch(() => null);
  if (!body || typeof body.title !== 'string' || body.title === '') {
    throw new HTTPException(400, { message: 'title is required' });
  }
  const todo: Todo = { id: nextId++, title: body.title, done: body.done ?? false };
  todos.set(todo.id, todo);
  return c.json(todo, 201);
});

api.get('/todos/:id{[0-9]+}', (c) => {
  const todo = todos.get(Number(c.req.param('id')));
  return todo ? c.json(todo) : c.json({ error: 'no such todo' }, 404);
});

api.patch('/todos/:id{[0-9]+}', async (c) => {
  const todo = todos.get(Number(c.req.param('id')));
  if (!todo) return c.json({ error: 'no such todo' }, 404);
  const { done = todo.done, title = todo.title } = await c.req.json<Partial<Todo>>();
  Object.assign(todo, { done, title });
  return c.json(todo);
});

const app = new Hono<{ Bindings: Bindings }>();

app.use('*', async (c, next) => {
  await next();
  c.header('x-powered-by', 'hono on fcworker');
});
app.use('/api/*', cors({ origin: 'https://example.com' }));

app.get('/', (c) => c.text(`${c.env?.APP_NAME ?? 'app'} is running`));
app.get('/hello/:name', (c) => c.json({ hello: c.req.param('name'), lang: c.req.query('lang') ?? 'en' }));
app.get('/old-todos', (c) => c.redirect('/api/todos', 301));
app.get('/fail', () => {
  throw new Error('something broke');
});
app.route('/api', api);

app.notFound((c) => c.json({ error: 'not found', path: c.req.path }, 404));
app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return c.json({ error: err.message }, err.status);
  }
  return c.json({ error: 'internal', message: err.message }, 500);
});

export default app;
