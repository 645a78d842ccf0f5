// A small JSON API beside static files. The front server picks this file by
// SCRIPT_FILENAME for /api.sjs and for anything below it (/api.sjs/items/2
// arrives with PATH_INFO /items/2; the worker sees the whole path in
// request.url). Routes, relative to /api.sjs:
//
//   GET  /items        the list
//   GET  /items/:n     one item, or 404
//   POST /echo         the request body's length and the request's method
var ITEMS = ['apple', 'pear', 'plum'];

function json(data, status) {
    return Response.json(data, { status: status || 200, headers: { 'cache-control': 'no-store' } });
}

function route(request, rest) {
    var m;
    if (rest === '/items' || rest === '/items/' || rest === '' || rest === '/') {
        return json({ script: 'api.sjs', items: ITEMS });
    }
    if ((m = /^\/items\/(\d+)$/.exec(rest))) {
        var item = ITEMS[Number(m[1])];
        return item === undefined ? json({ error: 'no such item' }, 404) : json({ script: 'api.sjs', item: item });
    }
    if (rest === '/echo' && request.method === 'POST') {
        return request.arrayBuffer().then(function (body) {
            return json({ script: 'api.sjs', method: request.method, length: body.byteLength });
        });
    }
    return json({ error: 'not found', path: rest }, 404);
}

export default {
    fetch: function (request) {
        var path = new URL(request.url).pathname;
        var at = path.indexOf('/api.sjs');
        return route(request, at < 0 ? path : path.slice(at + '/api.sjs'.length));
    }
};
