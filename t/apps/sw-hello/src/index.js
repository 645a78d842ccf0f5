/*
 * Service Worker syntax (addEventListener('fetch')), the format Workers had
 * before ES modules: a greeting, the request echoed back as JSON, a redirect
 * and a 404, with event.respondWith given a promise.
 */
addEventListener('fetch', (event) => {
  event.respondWith(handle(event.request));
});

async function handle(request) {
  const url = new URL(request.url);
  switch (url.pathname) {
    case '/':
      return new Response('Hello from a service worker!', {
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
    case '/echo': {
      const body = request.method === 'POST' ? await request.text() : null;
      return new Response(
        JSON.stringify({
          method: request.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          agent: request.headers.get('x-agent'),
          body,
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    }
    case '/old':
      return Response.redirect(new URL('/', url).toString(), 301);
    default:
      return new Response(`Not found: ${url.pathname}`, { status: 404 });
  }
}
