// SPDX-License-Identifier: MIT
/*
 * A Hono app in the shape of Hono's "basic" example: stock middleware
 * (powered-by, etag, pretty JSON), two custom middlewares that wrap next(),
 * a nested router with a named parameter, JSON answers, a 404 and an error
 * handler. The profile asks for GET /book/42.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { poweredBy } from 'hono/powered-by';
import { prettyJSON } from 'hono/pretty-json';

const app = new Hono();

app.use('*', poweredBy());
app.use('/etag/*', etag());

app.use('/hello/*', async (c, next) => {
  await next();
  c.header('X-Message', 'added after the handler');
});

app.use('*', async (c, next) => {
  const started = Date.now();
  await next();
  c.header('X-Response-Time', `${Date.now() - started}ms`);
});

app.notFound((c) => c.text('Nothing here', 404));
app.onError((err, c) => c.text(`Failed: ${err.message}`, 500));

app.get('/', (c) => c.text('Hono on fcworker'));
app.get('/hello', () => new Response('plain Response'));
app.get('/entry/:id', (c) => c.text(`Entry ${c.req.param('id')}`));

const book = new Hono();
book.get('/', (c) => c.text('All books'));
book.get('/:id', (c) => c.text('Book ' + c.req.param('id')));
book.post('/', (c) => c.text('Book created', 201));
app.route('/book', book);

app.get('/redirect', (c) => c.redirect('/'));
app.get('/etag/cached', (c) => c.text('cache me'));
app.get('/user-agent', (c) => c.text(`You are ${c.req.header('User-Agent')}`));

app.get('/api/posts', prettyJSON(), (c) =>
  c.json([
    { id: 1, title: 'Morning' },
    { id: 2, title: 'Afternoon' },
    { id: 3, title: 'Evening' },
    { id: 4, title: 'Night' },
  ]),
);
app.post('/api/posts', (c) => c.json({ message: 'created' }, 201));
app.get('/api/*', (c) => c.text('No such API', 404));
app.get('/error', () => {
  throw new Error('on purpose');
});

export default app;
