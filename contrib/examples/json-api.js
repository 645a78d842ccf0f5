// SPDX-License-Identifier: MIT
// A small JSON API: routing on method and path, request.json(), status
// codes, state kept in the worker between requests (per child process).
//
//   GET    /api/items        list
//   POST   /api/items        create from {"name": ...}      → 201
//   GET    /api/items/:id    one item, or 404
//   DELETE /api/items/:id    remove it                       → 204
var items = new Map();
var nextId = 1;

function json(data, status) {
    return Response.json(data, { status: status || 200 });
}

function notFound() {
    return json({ error: 'not found' }, 404);
}

var routes = [
    ['GET', /^\/api\/items$/, function () {
        return json(Array.from(items.values()));
    }],
    ['POST', /^\/api\/items$/, function (request) {
        return request.json().then(function (body) {
            if (!body || typeof body.name !== 'string' || body.name === '') {
                return json({ error: 'name (a non-empty string) is required' }, 400);
            }
            var item = { id: nextId++, name: body.name };
            items.set(item.id, item);
            return json(item, 201);
        }, function () {
            return json({ error: 'the body is not valid JSON' }, 400);
        });
    }],
    ['GET', /^\/api\/items\/(\d+)$/, function (request, id) {
        var item = items.get(Number(id));
        return item ? json(item) : notFound();
    }],
    ['DELETE', /^\/api\/items\/(\d+)$/, function (request, id) {
        return items['delete'](Number(id)) ? new Response(null, { status: 204 }) : notFound();
    }]
];

export default {
    fetch: function (request) {
        var path = new URL(request.url).pathname;
        var allowed = [];
        for (var i = 0; i < routes.length; i++) {
            var m = routes[i][1].exec(path);
            if (m) {
                if (routes[i][0] === request.method) {
                    return routes[i][2](request, m[1]);
                }
                allowed.push(routes[i][0]);
            }
        }
        if (allowed.length) {
            return new Response('method not allowed\n', { status: 405, headers: { allow: allowed.join(', ') } });
        }
        return notFound();
    }
};
