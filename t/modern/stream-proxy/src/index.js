// SPDX-License-Identifier: MIT
/*
 * Streaming proxy: fetches a text file from env.UPSTREAM (or a sibling file
 * named by ?file=) and streams it back upper-cased through a TransformStream,
 * without buffering the whole body.
 *   GET /           the upstream file, upper-cased
 *   GET /?file=NAME another file next to env.UPSTREAM
 *   GET /stats      bytes and chunks proxied so far by this worker instance
 *   GET /health     "ok"
 * An unreachable upstream or a non-2xx answer gives 502.
 */
import { ByteCounter, upperCaseStream } from './transform.js';

const counter = new ByteCounter();
const text = (body, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

async function proxy(target) {
  let upstream;
  try {
    upstream = await fetch(target, { headers: { 'user-agent': 'fcworker-stream-proxy' } });
  } catch (err) {
    return text(`upstream unreachable: ${err?.message ?? err}\n`, 502);
  }
  if (!upstream.ok) {
    await upstream.body?.cancel();
    return text(`upstream answered ${upstream.status}\n`, 502);
  }
  const body = upstream.body.pipeThrough(counter.stream()).pipeThrough(upperCaseStream());
  return new Response(body, {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-upstream-status': `${upstream.status}` },
  });
}

export default {
  async fetch(request, env) {
    const { pathname, searchParams } = new URL(request.url);
    switch (pathname) {
      case '/health':
        return text('ok\n');
      case '/stats':
        return Response.json({ bytes: counter.bytes, chunks: counter.chunks > 0 });
      case '/': {
        if (!env.UPSTREAM) return text('UPSTREAM is not configured\n', 500);
        const file = searchParams.get('file');
        return proxy(file ? new URL(file, env.UPSTREAM) : env.UPSTREAM);
      }
      default:
        return text('not found\n', 404);
    }
  },
};
