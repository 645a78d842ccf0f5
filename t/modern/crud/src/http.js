// SPDX-License-Identifier: MIT
/*
 * HTTP helpers for the CRUD example: JSON responses, an error class carrying
 * a status code, and a body reader that turns malformed JSON into a 400.
 */
export class HttpError extends Error {
  constructor(status, message, details = undefined) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.details = details;
  }

  toResponse() {
    const { message: error, details } = this;
    return json(details ? { error, details } : { error }, { status: this.status });
  }
}

export const json = (data, { status = 200, headers = {} } = {}) =>
  new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export async function readJson(request) {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    throw new HttpError(415, 'expected an application/json body');
  }
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, 'malformed JSON');
  }
}
