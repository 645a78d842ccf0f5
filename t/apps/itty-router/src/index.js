/*
 * itty-router 5: AutoRouter (json formatting, 404 and error handling built
 * in), route parameters and wildcards, query parsing, withParams and
 * withContent middleware, StatusError, a before-handler that stamps a
 * header through `finally`, and an async handler returning a Response.
 */
import { AutoRouter, StatusError, error, json, text, withContent } from 'itty-router';

const notes = new Map([
  ['1', { id: '1', text: 'first note' }],
  ['2', { id: '2', text: 'second note' }],
]);

const router = AutoRouter({
  base: '/v1',
  finally: [(response) => {
    response.headers.set('x-powered-by', 'itty-router');
    return response;
  }],
});

router
  .get('/', () => ({ service: 'notes', version: 5 }))
  .get('/hello/:name', ({ name }) => `Hello, ${name}!`)
  .get('/notes', ({ query }) => {
    const limit = Number(query.limit ?? 10);
    return [...notes.values()].slice(0, limit);
  })
  .get('/notes/:id', ({ params }) => notes.get(params.id) ?? error(404, 'note not found'))
  .post('/notes', withContent, async ({ content }) => {
    if (!content || typeof content.text !== 'string') throw new StatusError(400, 'text is required');
    const id = String(notes.size + 1);
    notes.set(id, { id, text: content.text });
    return json(notes.get(id), { status: 201 });
  })
  .get('/files/*', (request) => text(`file: ${request.params['*'] ?? new URL(request.url).pathname.slice(10)}`))
  .get('/math/:a/:b', ({ a, b }) => ({ sum: Number(a) + Number(b), product: Number(a) * Number(b) }))
  .get('/teapot', () => error(418, { reason: 'short and stout' }))
  .get('/crash', () => {
    throw new Error('handler failed');
  })
  .get('/raw', () => new Response('a raw Response', { headers: { 'content-type': 'text/plain' } }));

export default { ...router };
