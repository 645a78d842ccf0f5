// SPDX-License-Identifier: MIT
// qs 6: nested query strings and form bodies, as Express-style apps read
// them. Its dependency object-inspect maps a Node-only file (which requires
// "util") to false in its package.json's `browser` field.
import qs from 'qs';

const json = (data, status = 200) => new Response(JSON.stringify(data), {
  status, headers: { 'content-type': 'application/json' },
});

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/parse') {
      return json(qs.parse(url.search.slice(1), { depth: 5, arrayLimit: 50, allowDots: url.searchParams.has('dots') }));
    }
    if (url.pathname === '/form' && request.method === 'POST') {
      const body = qs.parse(await request.text(), { parseArrays: true });
      return json({ body, total: (body.items || []).reduce((n, i) => n + Number(i.qty || 0), 0) });
    }
    if (url.pathname === '/stringify') {
      const data = { filter: { tags: ['a b', 'c&d'], range: { min: 1, max: 10 } }, sort: '-date', empty: '' };
      return json({
        brackets: qs.stringify(data),
        indices: qs.stringify(data, { arrayFormat: 'indices', encodeValuesOnly: true }),
        repeat: qs.stringify(data, { arrayFormat: 'repeat', encode: false }),
        comma: qs.stringify(data, { arrayFormat: 'comma', allowDots: true, skipNulls: true }),
      });
    }
    return json({ error: 'not found' }, 404);
  },
};
