// SPDX-License-Identifier: MIT
/*
 * Response helpers shared by the router example: JSON bodies with the right
 * content type, and the HTTP status codes the routes use, as a TypeScript enum.
 */
export enum Status {
  OK = 200,
  Created = 201,
  BadRequest = 400,
  NotFound = 404,
  MethodNotAllowed = 405,
  Teapot = 418,
  InternalServerError = 500,
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function json(data: JsonValue, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function text(body: string, status: Status = Status.OK): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
