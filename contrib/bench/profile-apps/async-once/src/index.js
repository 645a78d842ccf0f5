// SPDX-License-Identifier: MIT
// hello's answer after one round of a lowered async function: an empty
// `async function` awaited once, so its cost over hello is that round.
async function one() {
  return 1;
}

export default {
  async fetch() {
    const n = await one();
    return new Response('Hello from fcworker! ' + n + '\n', {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  },
};
