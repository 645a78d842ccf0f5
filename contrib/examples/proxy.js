// SPDX-License-Identifier: MIT
// Proxy: forwards each request to env.UPSTREAM plus its path and query, and
// answers with the upstream's response as it came. Nothing here touches the
// response body, so fcworker can pass it through to the client without
// running it through JavaScript.
export default {
    fetch: function (request, env) {
        var url = new URL(request.url);
        var target = env.UPSTREAM.replace(/\/+$/, '') + url.pathname + url.search;
        var headers = new Headers(request.headers);
        headers.delete('host');
        return request.arrayBuffer().then(function (body) {
            var hasBody = request.method !== 'GET' && request.method !== 'HEAD';
            return fetch(target, {
                method: request.method,
                headers: headers,
                body: hasBody ? body : null,
                redirect: 'manual'
            });
        });
    }
};
