/*
 * nanoid and uuid: random ids of the right shape (nanoid's default and
 * custom alphabets and sizes, UUID v4 and v7, time-ordered v7, name-based
 * v5), validation and version detection, and many ids without a repeat.
 */
import { customAlphabet, nanoid } from 'nanoid';
import { NIL, parse, stringify, v4, v5, v7, validate, version } from 'uuid';

const hex8 = customAlphabet('0123456789abcdef', 8);
const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

export default {
  async fetch(request) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/nanoid': {
        const size = url.searchParams.has('size') ? Number(url.searchParams.get('size')) : undefined;
        return Response.json({ id: nanoid(size), hex: hex8() });
      }
      case '/uuid':
        return Response.json({ v4: v4(), v7: v7() });
      case '/v5':
        return Response.json({ id: v5(url.searchParams.get('name') ?? 'example.com', DNS) });
      case '/validate': {
        const id = url.searchParams.get('id') ?? '';
        const ok = validate(id);
        return Response.json({ valid: ok, version: ok ? version(id) : null });
      }
      case '/bytes': {
        const bytes = parse('0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0');
        return Response.json({ length: bytes.length, first: bytes[0], last: bytes[15], back: stringify(bytes), nil: NIL });
      }
      case '/unique': {
        const seen = new Set();
        for (let i = 0; i < 500; i++) {
          seen.add(nanoid());
          seen.add(v4());
        }
        const ordered = [];
        for (let i = 0; i < 50; i++) ordered.push(v7());
        const sorted = [...ordered].sort();
        return Response.json({ distinct: seen.size, v7Ordered: sorted.every((id, i) => id === ordered[i]) });
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
