// SPDX-License-Identifier: MIT
// Stream transform: fetches env.UPSTREAM plus the request's path and query
// and streams the body back upper-cased through a TransformStream, chunk by
// chunk, never holding the whole body. Upper-casing can change the length
// of the text, so the upstream's Content-Length is dropped.
function upperCaser() {
    var decoder = new TextDecoder();
    var encoder = new TextEncoder();
    return new TransformStream({
        transform: function (chunk, controller) {
            controller.enqueue(encoder.encode(decoder.decode(chunk, { stream: true }).toUpperCase()));
        },
        flush: function (controller) {
            var rest = decoder.decode();
            if (rest !== '') {
                controller.enqueue(encoder.encode(rest.toUpperCase()));
            }
        }
    });
}

export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        return fetch(env.UPSTREAM.replace(/\/+$/, '') + url.pathname + url.search).then(function (upstream) {
            var headers = new Headers(upstream.headers);
            headers.delete('content-length');
            var body = upstream.body === null ? null : upstream.body.pipeThrough(upperCaser());
            return new Response(body, { status: upstream.status, headers: headers });
        });
    }
};
