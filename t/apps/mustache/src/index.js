/*
 * mustache: logic-less templates: variables with HTML escaping and triple
 * mustaches, sections over lists and objects, inverted sections, partials,
 * lambdas, dotted names and custom delimiters.
 */
import Mustache from 'mustache';

const PAGE = `<h1>{{title}}</h1>
{{#items}}
<li class="{{#done}}done{{/done}}{{^done}}open{{/done}}">{{name}} ({{price.amount}} {{price.currency}})</li>
{{/items}}
{{^items}}<p>No items</p>{{/items}}
<footer>{{> footer}}</footer>
{{{raw}}} {{raw}}
{{#bold}}shout{{/bold}}`;

const partials = { footer: 'Total: {{items.length}} item(s), by {{author.name}}' };

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/page') {
      const empty = url.searchParams.has('empty');
      const view = {
        title: 'Shopping <list>',
        author: { name: 'Ada' },
        items: empty
          ? []
          : [
              { name: 'Tea', done: true, price: { amount: 3.5, currency: 'EUR' } },
              { name: 'Milk & honey', done: false, price: { amount: 2, currency: 'EUR' } },
            ],
        raw: '<b>bold</b>',
        bold: () => (text, render) => `<strong>${render(text).toUpperCase()}</strong>`,
      };
      return new Response(Mustache.render(PAGE, view, partials), {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    if (url.pathname === '/render' && request.method === 'POST') {
      const { template, view } = await request.json();
      try {
        return new Response(Mustache.render(template, view));
      } catch (e) {
        return Response.json({ error: e.message }, { status: 400 });
      }
    }
    if (url.pathname === '/delimiters') {
      return new Response(Mustache.render('<% name %> and {{name}}', { name: 'x' }, {}, ['<%', '%>']));
    }
    if (url.pathname === '/tokens') {
      return Response.json(Mustache.parse('Hi {{name}}{{#a}}!{{/a}}').map((t) => t[0]));
    }
    return new Response('not found', { status: 404 });
  },
};
