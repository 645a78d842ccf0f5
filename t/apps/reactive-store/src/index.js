// SPDX-License-Identifier: MIT
// A to-do store on the two libraries that build state out of proxies:
// immer (drafts are revocable proxies whose traps answer
// getOwnPropertyDescriptor, ownKeys and defineProperty) for the immutable
// state and its patches, Vue's @vue/reactivity (reactive arrays, computed,
// effects, readonly views) for the derived counts.
import { produce, produceWithPatches, applyPatches, enablePatches, enableMapSet, isDraft, current, original, immerable } from 'immer';
import { reactive, computed, effect, readonly, toRaw, isReactive, shallowReactive } from '@vue/reactivity';

enablePatches();
enableMapSet();

let state = { todos: [], nextId: 1, tags: new Map() };
const undo = [];

// a reactive mirror of the to-dos: what the counts are computed from
const mirror = reactive({ todos: [] });
const stats = computed(() => ({
  total: mirror.todos.length,
  done: mirror.todos.filter((t) => t.done).length,
  words: mirror.todos.reduce((n, t) => n + t.text.split(' ').length, 0),
}));
let effectRuns = 0;
effect(() => {
  effectRuns++;
  void mirror.todos.length;
});

const json = (data, status = 200) => new Response(JSON.stringify(data), {
  status, headers: { 'content-type': 'application/json' },
});

function commit(recipe) {
  const [next, patches, inverse] = produceWithPatches(state, recipe);
  state = next;
  undo.push(inverse);
  sync();
  return patches;
}

// the mirror follows the state through the array methods Vue wraps
function sync() {
  const want = state.todos;
  mirror.todos.splice(want.length);
  want.forEach((t, i) => {
    if (i < mirror.todos.length) {
      Object.assign(mirror.todos[i], t);
    } else {
      mirror.todos.push({ ...t });
    }
  });
}

const tagList = (tags) => [...tags].map(([tag, ids]) => [tag, [...ids]]);

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter(Boolean);
    if (request.method === 'GET' && url.pathname === '/todos') {
      return json({ todos: state.todos, frozen: Object.isFrozen(state.todos) });
    }
    if (request.method === 'POST' && url.pathname === '/todos') {
      const { text, tags = [] } = await request.json();
      if (typeof text !== 'string' || text.trim() === '') return json({ error: 'text is required' }, 400);
      const id = state.nextId;
      const patches = commit((draft) => {
        draft.todos.push({ id, text: text.trim(), done: false });
        draft.nextId++;
        for (const tag of tags) {
          if (!draft.tags.has(tag)) draft.tags.set(tag, new Set());
          draft.tags.get(tag).add(id);
        }
      });
      return json({ id, patches: patches.map((p) => ({ ...p, value: p.value instanceof Set ? [...p.value] : p.value })) }, 201);
    }
    if (request.method === 'PATCH' && parts[0] === 'todos' && parts[1]) {
      const id = Number(parts[1]);
      const index = state.todos.findIndex((t) => t.id === id);
      if (index < 0) return json({ error: `no to-do ${id}` }, 404);
      const changes = await request.json();
      const patches = commit((draft) => {
        Object.assign(draft.todos[index], changes);
      });
      return json({ todo: state.todos[index], patches });
    }
    if (request.method === 'DELETE' && parts[0] === 'todos' && parts[1]) {
      const id = Number(parts[1]);
      const patches = commit((draft) => {
        const i = draft.todos.findIndex((t) => t.id === id);
        if (i >= 0) draft.todos.splice(i, 1);
        for (const ids of draft.tags.values()) ids.delete(id);
      });
      return json({ removed: patches.length > 0, patches: patches.filter((p) => p.path[0] === 'todos') });
    }
    if (request.method === 'POST' && url.pathname === '/undo') {
      const inverse = undo.pop();
      if (!inverse) return json({ error: 'nothing to undo' }, 409);
      state = applyPatches(state, inverse);
      sync();
      return json({ todos: state.todos.map((t) => `${t.id}:${t.text}:${t.done}`) });
    }
    if (url.pathname === '/stats') {
      return json({ ...stats.value, effectRuns, reactive: isReactive(mirror.todos), raw: toRaw(mirror.todos).length });
    }
    if (url.pathname === '/tags') {
      return json(tagList(state.tags));
    }
    if (url.pathname === '/draft') {
      // what a recipe sees of its draft
      const seen = {};
      produce(state, (draft) => {
        const first = draft.todos[0];
        seen.isDraft = isDraft(first);
        seen.keys = Object.keys(first);
        seen.entries = Object.entries(first);
        seen.spread = { ...first };
        seen.own = [Object.hasOwn(first, 'text'), Object.prototype.hasOwnProperty.call(first, 'nope'), 'done' in first];
        seen.descriptor = Object.getOwnPropertyDescriptor(first, 'text');
        first.text = first.text.toUpperCase();
        seen.current = current(first).text;
        seen.original = original(first).text;
        seen.arrayKeys = Object.keys(draft.todos);
        seen.json = JSON.stringify(draft.todos.map((t) => t.id));
      });
      try {
        state.todos[0].text = 'changed';
        seen.frozenWrite = 'allowed';
      } catch (e) {
        seen.frozenWrite = e.constructor.name;
      }
      return json(seen);
    }
    if (url.pathname === '/views') {
      // readonly and shallow views
      const view = readonly({ todos: state.todos.map((t) => ({ ...t })), owner: 'ada' });
      const warnings = [];
      const set = Reflect.set(view, 'owner', 'bob');
      warnings.push(`set:${set}`, `owner:${view.owner}`, `delete:${Reflect.deleteProperty(view, 'owner')}`);
      const shallow = shallowReactive({ list: [1, 2] });
      let runs = 0;
      effect(() => { runs++; void shallow.list; });
      shallow.list.push(3);
      shallow.list = [9];
      return json({
        keys: Object.keys(view), entries: Object.entries(view).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]),
        descriptor: Object.getOwnPropertyDescriptor(view, 'owner'), warnings, shallowRuns: runs, list: shallow.list,
      });
    }
    if (url.pathname === '/classes') {
      // drafts and reactive views of class instances: the prototype a
      // getPrototypeOf trap answers (instanceof, isPrototypeOf), the
      // traps a draft refuses (setPrototypeOf, defineProperty), freezing
      class Entry {
        [immerable] = true;
        constructor(text) { this.text = text; this.done = false; }
        label() { return `${this.done ? 'x' : ' '} ${this.text}`; }
      }
      const attempt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.constructor.name; } };
      const seen = {};
      const next = produce({ entries: [new Entry('a'), new Entry('b')] }, (draft) => {
        const first = draft.entries[0];
        seen.draft = [isDraft(first), first instanceof Entry, Object.getPrototypeOf(first) === Entry.prototype,
          Entry.prototype.isPrototypeOf(first), first.label()];
        seen.refused = [attempt(() => Object.setPrototypeOf(first, null)), attempt(() => Object.defineProperty(first, 'x', { value: 1 }))];
        first.done = true;
      });
      seen.result = [next.entries[0] instanceof Entry, next.entries[0].label(), Object.isFrozen(next.entries[0]), Object.isFrozen(next)];
      const store = reactive(new Entry('c'));
      const raw = toRaw(store);
      seen.reactive = [store instanceof Entry, Object.getPrototypeOf(store) === Entry.prototype, Object.isExtensible(store)];
      Object.freeze(store);
      seen.frozen = [Object.isFrozen(store), Object.isFrozen(raw), Object.isExtensible(raw), attempt(() => { 'use strict'; raw.text = 'd'; })];
      return json(seen);
    }
    return json({ error: 'not found' }, 404);
  },
};
