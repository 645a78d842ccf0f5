// SPDX-License-Identifier: MIT
// Benchmark app: the routes and middleware of Hono's own "basic" example,
// written anew for the benchmark (the row requests GET /book/42).
//
//   middleware: X-Powered-By on everything, basic auth on /auth/*, ETag on
//   /etag/*, an X-message header added after /hello/*, X-Response-Time on
//   everything; a custom 404 and a custom 500 (an HTTPException keeps its
//   own response).
//   routes: /, /hello, /entry/:id, a /book sub-app (list, one book, create),
//   /redirect, /auth/*, /etag/cached, /user-agent, /api/posts (pretty JSON,
//   GET and POST), /api/* (404), POST /form, /error.
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { poweredBy } from 'hono/powered-by';
import { prettyJSON } from 'hono/pretty-json';

const app = new Hono();

app.use('*', poweredBy());
app.use('/auth/*', basicAuth({ username: 'bench', password: 'not-a-secret' }));
app.use('/etag/*', etag());
app.use('/hello/*', async (c, next) => {
    await next();
    c.header('X-message', 'added after the handler');
});
app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    c.header('X-Response-Time', `${Date.now() - started}ms`);
});

app.notFound((c) => c.text('Nothing here (404)', 404));
app.onError((err, c) => {
    if (err instanceof HTTPException) {
        return err.getResponse();    // basic auth's 401 and its WWW-Authenticate
    }
    console.error(`${err}`);
    return c.text('Something went wrong (500)', 500);
});

app.get('/', (c) => c.text('Hono basic'));
app.get('/hello', () => new Response('a plain Response from /hello'));
app.get('/entry/:id', (c) => c.text(`entry ${c.req.param('id')}`));

const books = new Hono();
books.get('/', (c) => c.text('all the books'));
books.get('/:id', (c) => c.text('book ' + c.req.param('id')));
books.post('/', (c) => c.text('book created', 201));
app.route('/book', books);

app.get('/redirect', (c) => c.redirect('/'));
app.get('/auth/*', (c) => c.text('authorized'));
app.get('/etag/cached', (c) => c.text('the same text every time'));
app.get('/user-agent', (c) => c.text(`user agent: ${c.req.header('User-Agent')}`));

app.get('/api/posts', prettyJSON(), (c) =>
    c.json([
        { id: 1, title: 'Morning' },
        { id: 2, title: 'Afternoon' },
        { id: 3, title: 'Evening' },
        { id: 4, title: 'Night' },
    ]),
);
app.post('/api/posts', (c) => c.json({ message: 'created' }, 201));
app.get('/api/*', (c) => c.text('no such API endpoint', 404));

app.post('/form', async (c) => c.json(await c.req.parseBody()));

app.get('/error', () => {
    throw new Error('thrown on purpose');
});

export default app;
