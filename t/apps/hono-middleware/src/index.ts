/*
 * Hono routing and its stock middleware: logger, secure-headers, CORS (with
 * a preflight), ETag (with If-None-Match), a grouped sub-router, path
 * parameters with a pattern, query strings, a custom 404 and error handler.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { logger } from 'hono/logger';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';

const lines: string[] = [];
const app = new Hono();

app.use('*', logger((message: string) => {
  // keep the method and path, drop the timing
  // the colour codes and the timing vary; keep the method, path and status
  lines.push(message.replace(/\x1b\[\d+m/g, "").replace(/ \d+m?s$/, ""));
}));
app.use('*', secureHeaders());
app.use('/api/*', cors({
  origin: ['https://example.com', 'https://app.example.com'],
  allowMethods: ['GET', 'POST', 'DELETE'],
  allowHeaders: ['Content-Type', 'X-Token'],
  exposeHeaders: ['X-Total'],
  maxAge: 600,
  credentials: true,
}));
app.use('/static/*', etag());

app.get('/', (c) => c.text('Hono routing works'));

const books = [
  { id: 1, title: 'Dune', year: 1965 },
  { id: 2, title: 'Neuromancer', year: 1984 },
  { id: 3, title: 'Hyperion', year: 1989 },
];

const api = new Hono();
api.get('/books', (c) => {
  const after = Number(c.req.query('after') ?? 0);
  const list = books.filter((b) => b.year > after);
  c.header('X-Total', String(list.length));
  return c.json(list);
});
api.get('/books/:id{[0-9]+}', (c) => {
  const book = books.find((b) => b.id === Number(c.req.param('id')));
  if (!book) throw new HTTPException(404, { message: 'no such book' });
  return c.json(book);
});
api.delete('/books/:id{[0-9]+}', (c) => c.body(null, 204));
app.route('/api', api);

app.get('/static/readme.txt', (c) => c.text('A static text with an ETag.\n'));
app.get('/log', (c) => c.json(lines));
app.get('/boom', () => {
  throw new Error('kaboom');
});

app.notFound((c) => c.json({ error: 'not found', path: c.req.path }, 404));
app.onError((err, c) => {
  if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
  return c.json({ error: 'internal', message: err.message }, 500);
});

export default app;
