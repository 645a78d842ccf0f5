/*
 * urlpattern-polyfill: routing with URLPattern (named groups, optional and
 * repeated groups, regexp groups, wildcards, hostname patterns, search
 * patterns), as many Workers did before URLPattern was built in. The
 * polyfill installs itself only where URLPattern is missing.
 */
import 'urlpattern-polyfill';

const routes = [
  ['book', new URLPattern({ pathname: '/books/:id(\\d+)' })],
  ['books', new URLPattern({ pathname: '/books{/}?' })],
  ['post', new URLPattern({ pathname: '/blog/:year(\\d{4})/:slug' })],
  ['file', new URLPattern({ pathname: '/files/*' })],
  ['lang', new URLPattern({ pathname: '/:lang(en|de|fr)?/docs' })],
  ['tags', new URLPattern({ pathname: '/tags/:tag+' })],
  ['search', new URLPattern({ pathname: '/search', search: 'q=:query' })],
];

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/test') {
      const p = new URLPattern(url.searchParams.get('pattern') ?? '', 'https://example.com');
      return Response.json({ pathname: p.pathname, matches: p.test(url.searchParams.get('url') ?? '', 'https://example.com') });
    }
    if (url.pathname === '/host') {
      const p = new URLPattern({ hostname: '{:sub.}?example.:tld(com|org)' });
      const target = url.searchParams.get('url');
      const m = p.exec(target);
      return Response.json(m ? { sub: m.hostname.groups.sub ?? null, tld: m.hostname.groups.tld } : null);
    }
    for (const [name, pattern] of routes) {
      const match = pattern.exec(request.url);
      if (match) {
        const groups = { ...match.pathname.groups };
        if (name === 'search') Object.assign(groups, match.search.groups);
        return Response.json({ route: name, groups });
      }
    }
    return Response.json({ route: null, path: url.pathname }, { status: 404 });
  },
};
