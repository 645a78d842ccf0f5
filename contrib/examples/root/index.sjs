// The front page of the example document root: an HTML page rendered by a
// worker, pulling in the static style.css and the browser-side app.js (both
// served as files by the front server, never run by fcworker), which then
// calls the JSON API in api.sjs.
var served = 0;

function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
        return '&#' + c.charCodeAt(0) + ';';
    });
}

export default {
    fetch: function (request) {
        served++;
        var url = new URL(request.url);
        var html = '<!doctype html>\n<html><head><meta charset="utf-8">' +
            '<title>fcworker document root</title>' +
            '<link rel="stylesheet" href="style.css"></head>\n<body>\n' +
            '<h1>Hello from index.sjs</h1>\n' +
            '<p>You asked for <code>' + escapeHtml(url.pathname + url.search) + '</code>; this child has ' +
            'rendered this page ' + served + ' time' + (served === 1 ? '' : 's') + '.</p>\n' +
            '<p>Items from <code>api.sjs</code>: <span id="items">loading…</span></p>\n' +
            '<script src="app.js"></script>\n</body></html>\n';
        return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
};
