// SPDX-License-Identifier: MIT
// The smallest module worker: one line of text for every request.
export default {
  fetch() {
    return new Response('Hello from fcworker!\n', {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  },
};
