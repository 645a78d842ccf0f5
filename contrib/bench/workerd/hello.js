// SPDX-License-Identifier: MIT
// The workerd side of the benchmark's "hello" rows: contrib/examples/hello.js
// as an ES module for workerd, the same response.
export default {
    fetch(request, env, ctx) {
        return new Response('Hello from fcworker!\n', {
            headers: { 'content-type': 'text/plain; charset=utf-8' }
        });
    }
};
