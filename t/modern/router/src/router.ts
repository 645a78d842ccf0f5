// SPDX-License-Identifier: MIT
/*
 * A small framework-style router: routes are registered with chainable
 * get/post/put/delete/all calls, paths may hold `:name` parameters and a
 * trailing `*` wildcard, handlers may be async, and errors thrown by a
 * handler become JSON error responses (HttpError keeps its status).
 */
import { json, Status } from './respond';

export type Params = Record<string, string>;

export interface RouteContext<Env> {
  request: Request;
  url: URL;
  params: Params;
  env: Env;
}

export type Handler<Env> = (context: RouteContext<Env>) => Response | Promise<Response>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'ALL';

interface Route<Env> {
  method: Method;
  pattern: RegExp;
  keys: string[];
  handler: Handler<Env>;
}

export class HttpError extends Error {
  constructor(readonly status: Status, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Router<Env = unknown> {
  #routes: Route<Env>[] = [];

  static compile(path: string): { pattern: RegExp; keys: string[] } {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          keys.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment === '*') {
          keys.push('*');
          return '(.*)';
        }
        return escapeRegExp(segment);
      })
      .join('/');
    return { pattern: new RegExp(`^${source}/?$`), keys };
  }

  get routeCount(): number {
    return this.#routes.length;
  }

  get(path: string, handler: Handler<Env>): this {
    return this.#add('GET', path, handler);
  }

  post(path: string, handler: Handler<Env>): this {
    return this.#add('POST', path, handler);
  }

  put(path: string, handler: Handler<Env>): this {
    return this.#add('PUT', path, handler);
  }

  delete(path: string, handler: Handler<Env>): this {
    return this.#add('DELETE', path, handler);
  }

  all(path: string, handler: Handler<Env>): this {
    return this.#add('ALL', path, handler);
  }

  #add(method: Method, path: string, handler: Handler<Env>): this {
    this.#routes.push({ method, handler, ...Router.compile(path) });
    return this;
  }

  async handle(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const allowed = new Set<string>();
    for (const { method, pattern, keys, handler } of this.#routes) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      if (method !== 'ALL' && method !== request.method) {
        allowed.add(method);
        continue;
      }
      const params: Params = Object.fromEntries(keys.map((key, i) => [key, decodeURIComponent(match[i + 1])]));
      try {
        return await handler({ request, url, params, env });
      } catch (err) {
        return Router.errorResponse(err);
      }
    }
    if (allowed.size > 0) {
      return json(
        { error: `method ${request.method} not allowed` },
        { status: Status.MethodNotAllowed, headers: { allow: [...allowed].sort().join(', ') } },
      );
    }
    return json({ error: `no route for ${url.pathname}` }, { status: Status.NotFound });
  }

  static errorResponse(err: unknown): Response {
    if (err instanceof HttpError) {
      return json({ error: err.message, name: err.name }, { status: err.status });
    }
    const message = err instanceof Error ? err.message : String(err);
    return json({ error: 'internal error', detail: message }, { status: Status.InternalServerError });
  }
}
