/*
 * marked: Markdown from the request body (or a built-in document) to HTML:
 * headings, emphasis, links, ordered and unordered lists, fenced code blocks
 * with a language, block quotes, tables (GFM), line breaks with `breaks`,
 * a custom renderer for links, and the lexer's token list.
 */
import { Marked, marked } from 'marked';

const SAMPLE = `# Release notes

Some *emphasis*, some **strong** text and \`inline code\`.
A second line of the same paragraph.

- first item
- second item with [a link](https://example.com/docs)
  - nested item

1. one
2. two

\`\`\`js
const x = 1 < 2 && "ok";
console.log(x);
\`\`\`

> quoted text

| name | value |
|------|------:|
| a    |     1 |
`;

const withBreaks = new Marked({ gfm: true, breaks: true });
const externalLinks = new Marked({
  renderer: {
    link({ href, text }) {
      return `<a href="${href}" rel="noopener" target="_blank">${text}</a>`;
    },
  },
});

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/render') {
      const source = await request.text();
      const html = url.searchParams.has('breaks') ? withBreaks.parse(source) : marked.parse(source);
      return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    if (url.pathname === '/sample') {
      return new Response(marked.parse(SAMPLE), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    if (url.pathname === '/inline') {
      return new Response(marked.parseInline(url.searchParams.get('md') ?? ''));
    }
    if (url.pathname === '/links') {
      return new Response(externalLinks.parse('See [the docs](https://example.com/) and [home](/).'));
    }
    if (url.pathname === '/tokens') {
      const tokens = marked.lexer('# Title\n\ntext\n\n- a\n- b\n');
      return Response.json(tokens.map((t) => t.type));
    }
    return new Response('not found', { status: 404 });
  },
};
