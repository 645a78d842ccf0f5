// SPDX-License-Identifier: MIT
/*
 * CRUD example: a JSON API over an in-memory store.
 *   GET /items            list (optionally ?tag=T)
 *   POST /items           create from a JSON body -> 201 + Location
 *   GET|PUT|DELETE /items/:id
 * Errors are JSON objects { error, details? } with 400/404/405/415 statuses.
 */
import { HttpError, json, readJson } from './http.js';
import { ItemStore } from './store.js';

const store = new ItemStore();

const collection = {
  GET: (request, url) => {
    const tag = url.searchParams.get('tag');
    const items = store.list().filter((item) => !tag || item.tags.includes(tag));
    return json({ items, count: items.length });
  },
  POST: async (request) => {
    const item = store.create(await readJson(request));
    return json(item, { status: 201, headers: { location: `/items/${item.id}` } });
  },
};

const member = {
  GET: (request, url, id) => json(store.get(id)),
  PUT: async (request, url, id) => json(store.update(id, await readJson(request))),
  DELETE: (request, url, id) => {
    store.delete(id);
    return new Response(null, { status: 204 });
  },
};

function route(pathname) {
  if (pathname === '/items' || pathname === '/items/') return { handlers: collection };
  const match = /^\/items\/(\d+)$/.exec(pathname);
  if (match) return { handlers: member, id: Number(match[1]) };
  return null;
}

async function handle(request) {
  const url = new URL(request.url);
  const target = route(url.pathname);
  if (!target) throw new HttpError(404, `no such resource: ${url.pathname}`);
  const handler = target.handlers[request.method];
  if (!handler) {
    const allow = Object.keys(target.handlers).join(', ');
    return json({ error: `method ${request.method} not allowed` }, { status: 405, headers: { allow } });
  }
  return handler(request, url, target.id);
}

export default {
  async fetch(request) {
    try {
      return await handle(request);
    } catch (err) {
      if (err instanceof HttpError) return err.toResponse();
      throw err;
    }
  },
};
