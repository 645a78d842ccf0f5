// SPDX-License-Identifier: MIT
// Echo: answers with what it was sent — method, URL, headers and body — as
// JSON, in the Service Worker style (addEventListener).
addEventListener('fetch', function (event) {
    event.respondWith(echo(event.request));
});

function echo(request) {
    return request.text().then(function (body) {
        var headers = {};
        request.headers.forEach(function (value, name) {
            headers[name] = value;
        });
        var url = new URL(request.url);
        return Response.json({
            method: request.method,
            url: request.url,
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            headers: headers,
            body: body
        });
    });
}
