// SPDX-License-Identifier: MIT
/*
 * Router example, written in TypeScript: a module worker whose fetch handler
 * delegates to the Router class, with path parameters, query strings, JSON
 * request bodies, async handlers and error mapping.
 */
import { HttpError, Router } from './router';
import { json, Status, text } from './respond';

interface Env {
  GREETING?: string;
}

interface EchoBody {
  message?: string;
  tags?: string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const router = new Router<Env>()
  .get('/', () => text('router ok\n'))
  .get('/hello/:name', ({ params: { name }, env }) => json({ greeting: `${env.GREETING ?? 'Hello'}, ${name}!` }))
  .get('/users/:userId/posts/:postId', ({ params }) => json({ ...params, postId: Number(params.postId) }))
  .get('/search', ({ url }) => json({ q: url.searchParams.get('q'), tags: url.searchParams.getAll('tag') }))
  .post('/echo', async ({ request }) => {
    let body: EchoBody;
    try {
      body = (await request.json()) as EchoBody;
    } catch {
      throw new HttpError(Status.BadRequest, 'body is not JSON');
    }
    const { message = '(none)', tags = [] } = body;
    return json({ message: message.toUpperCase(), tags: [...tags, 'echoed'], length: message.length }, { status: Status.Created });
  })
  .get('/slow', async () => {
    const started = Date.now();
    await sleep(50);
    return json({ waited: Date.now() - started >= 45 });
  })
  .get('/files/*', ({ params }) => json({ path: params['*'] }))
  .get('/teapot', () => {
    throw new HttpError(Status.Teapot, "I'm a teapot");
  })
  .get('/crash', () => {
    throw new TypeError('handler crashed');
  })
  .all('/any', ({ request }) => json({ method: request.method }))
  .get('/stats', () => json({ routes: router.routeCount }));

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return router.handle(request, env);
  },
};
