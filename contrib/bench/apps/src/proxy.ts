// SPDX-License-Identifier: MIT
// Benchmark app (c): a proxy on Hono. GET /proxy/:file fetches
// UPSTREAM/:file (an environment variable: a local nginx serving static
// files) and passes the response through, body streamed, with one header
// added.
import { Hono } from 'hono';

type Env = { Bindings: { UPSTREAM: string } };

const app = new Hono<Env>();

app.get('/proxy/:file', async (c) => {
    const upstream = await fetch(`${c.env.UPSTREAM}/${c.req.param('file')}`, {
        headers: { 'user-agent': 'fcworker-bench-proxy' },
    });
    const response = new Response(upstream.body, upstream);
    response.headers.set('x-proxied-by', 'hono');
    return response;
});

export default app;
