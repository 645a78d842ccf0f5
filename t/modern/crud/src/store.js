// SPDX-License-Identifier: MIT
/*
 * An in-memory item store backed by a Map, with field validation. Ids are
 * sequential so that responses are predictable.
 */
import { HttpError } from './http.js';

const FIELDS = {
  name: (v) => typeof v === 'string' && v.trim().length > 0,
  qty: (v) => Number.isInteger(v) && v >= 0,
  tags: (v) => Array.isArray(v) && v.every((t) => typeof t === 'string'),
};

export class ItemStore {
  #items = new Map();
  #nextId = 1;

  static validate(input, { partial = false } = {}) {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new HttpError(400, 'body must be a JSON object');
    }
    const problems = [];
    for (const [field, valid] of Object.entries(FIELDS)) {
      if (!(field in input)) {
        if (!partial && field === 'name') problems.push('name is required');
        continue;
      }
      if (!valid(input[field])) problems.push(`${field} is invalid`);
    }
    const unknown = Object.keys(input).filter((k) => !(k in FIELDS));
    problems.push(...unknown.map((k) => `unknown field ${k}`));
    if (problems.length) throw new HttpError(400, 'validation failed', problems);
    return input;
  }

  list() {
    return [...this.#items.values()];
  }

  get(id) {
    const item = this.#items.get(id);
    if (!item) throw new HttpError(404, `item ${id} not found`);
    return item;
  }

  create(input) {
    const { name, qty = 0, tags = [] } = ItemStore.validate(input);
    const item = { id: this.#nextId++, name: name.trim(), qty, tags };
    this.#items.set(item.id, item);
    return item;
  }

  update(id, input) {
    const item = { ...this.get(id), ...ItemStore.validate(input, { partial: true }), id };
    this.#items.set(id, item);
    return item;
  }

  delete(id) {
    this.get(id);
    this.#items.delete(id);
  }
}
