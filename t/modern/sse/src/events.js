// SPDX-License-Identifier: MIT
/*
 * Server-Sent Events plumbing: an async generator of ticks spaced in time,
 * the text/event-stream framing of one event, and a ReadableStream that
 * pulls events from any async iterable and encodes them as UTF-8.
 */
const encoder = new TextEncoder();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function* ticks(count, intervalMs) {
  for (let n = 1; n <= count; n++) {
    await sleep(intervalMs);
    yield { id: n, event: 'tick', data: { n, of: count, last: n === count } };
  }
}

export function formatEvent({ id, event, data }) {
  const lines = [];
  if (id !== undefined) lines.push(`id: ${id}`);
  if (event) lines.push(`event: ${event}`);
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  lines.push(...payload.split('\n').map((line) => `data: ${line}`));
  return `${lines.join('\n')}\n\n`;
}

export function eventStream(events, { retryMs } = {}) {
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream({
    start(controller) {
      if (retryMs !== undefined) controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) {
        controller.close();
      } else {
        controller.enqueue(encoder.encode(formatEvent(value)));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
