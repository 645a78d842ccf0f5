// SPDX-License-Identifier: MIT
// The benchmark's "fetch-one" row: a worker that makes one local fetch()
// per request, to the small nginx upstream that contrib/bench/run sets up
// (env.UPSTREAM, e.g. http://127.0.0.1:PORT/ok, which answers "ok"), and
// answers with what it got. It measures the cost of an outgoing
// subrequest on top of the "hello" row.
export default {
    fetch: function (request, env) {
        return fetch(env.UPSTREAM).then(function (upstream) {
            return upstream.text().then(function (text) {
                return new Response('upstream said ' + text + '\n', {
                    status: upstream.ok ? 200 : 502,
                    headers: { 'content-type': 'text/plain; charset=utf-8' }
                });
            });
        });
    }
};
