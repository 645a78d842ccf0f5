// SPDX-License-Identifier: MIT
/*
 * Server-Sent Events, Service Worker style (addEventListener('fetch')):
 *   GET /events?n=N&interval=MS  N tick events (default 5), MS apart (default 100)
 *   GET /                        a page that subscribes to /events
 * The stream is driven by an async generator and ends after the last event.
 */
import { eventStream, ticks } from './events.js';

const MAX_EVENTS = 50;

const page = `<!doctype html>
<title>SSE demo</title>
<ol id="log"></ol>
<script>
  const source = new EventSource('/events');
  source.addEventListener('tick', (e) => {
    document.getElementById('log').insertAdjacentHTML('beforeend', '<li>' + e.data + '</li>');
    if (JSON.parse(e.data).last) source.close();
  });
</script>
`;

function intParam(params, name, fallback, max) {
  const value = Number.parseInt(params.get(name) ?? `${fallback}`, 10);
  return Number.isNaN(value) ? fallback : Math.min(Math.max(value, 0), max);
}

function handle(request) {
  const { pathname, searchParams } = new URL(request.url);
  if (pathname === '/') {
    return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  if (pathname !== '/events') {
    return new Response('not found\n', { status: 404 });
  }
  const count = intParam(searchParams, 'n', 5, MAX_EVENTS);
  const interval = intParam(searchParams, 'interval', 100, 1000);
  return new Response(eventStream(ticks(count, interval), { retryMs: 1000 }), {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
    },
  });
}

addEventListener('fetch', (event) => {
  event.respondWith(handle(event.request));
});
