// SPDX-License-Identifier: MIT
// itty-router 5: every router is an object literal whose __proto__ is a
// Proxy (the route methods come from its get trap), and AutoRouter wraps
// each request in a Proxy too. Routes without :params (those need RegExp
// named groups).
import { AutoRouter, Router, StatusError } from 'itty-router';

const items = [];

const router = AutoRouter({ base: '/api' });

router
    .get('/', () => ({ ok: true, routes: router.routes.length }))
    .get('/items', () => items)
    .post('/items', async (request) => {
        const item = await request.json();
        items.push(item);
        return new Response(JSON.stringify({ added: item, count: items.length }), {
            status: 201,
            headers: { 'content-type': 'application/json' }
        });
    })
    .get('/query', (request) => ({ query: request.query, proto: Object.getPrototypeOf(request.query) === null }))
    .get('/teapot', () => { throw new StatusError(418, 'short and stout'); })
    .all('/echo-method', (request) => ({ method: request.method, url: new URL(request.url).pathname }));

const plain = Router();
plain.get('/plain', () => new Response('plain router\n', { headers: { 'content-type': 'text/plain' } }));
plain.get('/plain/*', (request) => new Response('wildcard ' + new URL(request.url).pathname + '\n'));

export default {
    async fetch(request, env, ctx) {
        const url = new URL(request.url);
        if (url.pathname.startsWith('/api')) {
            return router.fetch(request, env, ctx);
        }
        return (await plain.fetch(request)) ?? new Response('no route\n', { status: 404 });
    }
};
