// SPDX-License-Identifier: MIT
// The workerd side of the benchmark's "json-api" rows: the routes and
// responses of contrib/examples/json-api.js, state kept in the isolate
// between requests (workerd runs one isolate, so there is one list).
//
//   GET    /api/items        list
//   POST   /api/items        create from {"name": ...}      → 201
//   GET    /api/items/:id    one item, or 404
//   DELETE /api/items/:id    remove it                       → 204
const items = new Map();
let nextId = 1;

function json(data, status) {
    return Response.json(data, { status: status || 200 });
}

function notFound() {
    return json({ error: 'not found' }, 404);
}

const routes = [
    ['GET', /^\/api\/items$/, () => json(Array.from(items.values()))],
    ['POST', /^\/api\/items$/, async (request) => {
        let body;
        try {
            body = await request.json();
        } catch (e) {
            return json({ error: 'the body is not valid JSON' }, 400);
        }
        if (!body || typeof body.name !== 'string' || body.name === '') {
            return json({ error: 'name (a non-empty string) is required' }, 400);
        }
        const item = { id: nextId++, name: body.name };
        items.set(item.id, item);
        return json(item, 201);
    }],
    ['GET', /^\/api\/items\/(\d+)$/, (request, id) => {
        const item = items.get(Number(id));
        return item ? json(item) : notFound();
    }],
    ['DELETE', /^\/api\/items\/(\d+)$/, (request, id) =>
        items.delete(Number(id)) ? new Response(null, { status: 204 }) : notFound()]
];

export default {
    fetch(request) {
        const path = new URL(request.url).pathname;
        const allowed = [];
        for (const [method, pattern, handler] of routes) {
            const m = pattern.exec(path);
            if (m) {
                if (method === request.method) {
                    return handler(request, m[1]);
                }
                allowed.push(method);
            }
        }
        if (allowed.length) {
            return new Response('method not allowed\n', { status: 405, headers: { allow: allowed.join(', ') } });
        }
        return notFound();
    }
};
