/*
 * linkedom: HTML parsed into a DOM and serialised back, as Workers apps
 * scrape or rewrite pages with it: doctypes (linkedom reads a doctype's
 * name and ids from RegExp.$1, $4 and $6), a page from the request body
 * searched with querySelector/querySelectorAll, a document built with
 * createElement, attributes, classList, dataset and innerHTML.
 */
import { parseHTML, DOMParser } from 'linkedom';

const text = (body, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

function describeDoctype(document) {
  const d = document.doctype;
  return d === null ? null : { name: d.name, publicId: d.publicId, systemId: d.systemId, text: String(d) };
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/doctype') {
      const { document } = parseHTML('<!doctype html><html><body><p>hi</p></body></html>');
      return Response.json({ doctype: describeDoctype(document), html: document.toString() });
    }
    if (url.pathname === '/xhtml') {
      const { document } = parseHTML(
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">' +
          '<html><head><title>Ancien régime</title></head><body><p class="x">é — ü</p></body></html>'
      );
      return Response.json({ doctype: describeDoctype(document), title: document.title, html: document.toString() });
    }
    if (request.method === 'POST' && url.pathname === '/extract') {
      const source = await request.text();
      const document = new DOMParser().parseFromString(source, 'text/html');
      const links = [...document.querySelectorAll('a[href]')].map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent.trim(),
      }));
      return Response.json({
        doctype: describeDoctype(document),
        title: document.title,
        headings: [...document.querySelectorAll('h1, h2')].map((h) => `${h.tagName}: ${h.textContent}`),
        links,
        paragraphs: document.querySelectorAll('p').length,
        firstParagraph: document.querySelector('main p')?.innerHTML ?? null,
      });
    }
    if (url.pathname === '/build') {
      const { document } = parseHTML('<!DOCTYPE html><html lang="en"><head></head><body></body></html>');
      const list = document.createElement('ul');
      list.classList.add('items', 'compact');
      for (const [i, name] of ['apple', 'fig & date', '<kiwi>'].entries()) {
        const item = document.createElement('li');
        item.dataset.index = String(i);
        item.textContent = name;
        list.append(item);
      }
      const note = document.createElement('p');
      note.innerHTML = 'Made <em>here</em>.';
      document.body.append(list, note);
      document.title = 'Built';
      return text(document.toString());
    }
    return text('not found', 404);
  },
};
