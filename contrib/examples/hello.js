// SPDX-License-Identifier: MIT
// The smallest worker: answers every request with a line of text.
export default {
    fetch: function (request, env, ctx) {
        return new Response('Hello from fcworker!\n', {
            headers: { 'content-type': 'text/plain; charset=utf-8' }
        });
    }
};
