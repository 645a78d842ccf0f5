// SPDX-License-Identifier: MIT
// React 19 server rendering as the Workers React templates do it:
// renderToString, and renderToReadableStream with Suspense, streamed as
// the Response body.
import { Children, Suspense, cloneElement, createContext, createElement, isValidElement, useContext, useId, useState, type ReactNode } from 'react';
import { renderToReadableStream, renderToString } from 'react-dom/server';

type Product = { id: number; name: string; price: number; tags: string[] };
const products: Product[] = [
  { id: 1, name: 'Apple <green>', price: 1.5, tags: ['fruit'] },
  { id: 2, name: 'Pear "Williams"', price: 2, tags: ['fruit', 'sale'] },
  { id: 3, name: 'Bread & butter', price: 10.25, tags: [] },
];

const Currency = createContext('EUR');

function Price({ value }: { value: number }) {
  const currency = useContext(Currency);
  return <b className="price">{value.toFixed(2)} {currency}</b>;
}

function Row({ product, highlight }: { product: Product; highlight?: boolean }) {
  const id = useId();
  const [open] = useState(product.tags.length > 0);
  return (
    <li id={id} className={highlight ? 'row hot' : 'row'} data-id={product.id} aria-expanded={open}>
      {product.name} <Price value={product.price} />
      {product.tags.length > 0 && <small>{product.tags.join(', ')}</small>}
    </li>
  );
}

function Catalog({ title, items, currency = 'EUR' }: { title: string; items: Product[]; currency?: string }) {
  return (
    <Currency.Provider value={currency}>
      <h1 style={{ color: 'teal', fontSize: 20 }}>{title}</h1>
      <ul>
        {items.map((p) => <Row key={p.id} product={p} highlight={p.tags.includes('sale')} />)}
      </ul>
      <p>{items.length} products</p>
    </Currency.Provider>
  );
}

function Numbered({ children }: { children: ReactNode }) {
  return <ol>{Children.map(children, (c, i) => (isValidElement<{ className?: string }>(c) ? cloneElement(c, { className: `n${i}` }) : c))}</ol>;
}

// data that arrives later: a Suspense boundary streams its fallback first
type Entry = { done: boolean; value?: string; promise: Promise<void> };
function useSlow(cache: Map<string, Entry>, key: string, ms: number): string {
  let entry = cache.get(key);
  if (!entry) {
    const e: Entry = { done: false, promise: new Promise<void>((r) => setTimeout(r, ms)).then(() => { e.done = true; e.value = `loaded ${key}`; }) };
    cache.set(key, e);
    entry = e;
  }
  if (!entry.done) throw entry.promise;
  return entry.value!;
}
function Slow({ cache, k, ms }: { cache: Map<string, Entry>; k: string; ms: number }) {
  return <p className="slow">{useSlow(cache, k, ms)}</p>;
}
function Boom({ message }: { message: string }): ReactNode {
  throw new Error(message);
}

function Page({ path, children }: { path: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head><meta charSet="utf-8" /><title>{`React on ${path}`}</title></head>
      <body>{children}</body>
    </html>
  );
}

const html = { 'content-type': 'text/html; charset=utf-8' };

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const cache = new Map<string, Entry>();
    switch (url.pathname) {
      case '/':
        return new Response('<!DOCTYPE html>' + renderToString(
          <Page path="/"><Catalog title="Shop & more" items={products} /></Page>), { headers: html });
      case '/usd':
        return new Response(renderToString(<Catalog title="USD" items={products.slice(1)} currency="USD" />), { headers: html });
      case '/classic': // what libraries compiled with the classic JSX runtime call
        return new Response(renderToString(createElement(Catalog, { title: 'Classic', items: products.slice(0, 1), key: 'k' })), { headers: html });
      case '/children':
        return new Response(renderToString(<Numbered><li>one</li>text<li>two</li>{null}<li className="x">three</li></Numbered>), { headers: html });
      case '/stream': {
        let failed = 0;
        const stream = await renderToReadableStream(
          <Page path="/stream">
            <Catalog title="Streamed" items={products} />
            <Suspense fallback={<span>loading a</span>}><Slow cache={cache} k="a" ms={20} /></Suspense>
            <Suspense fallback={<span>loading b</span>}><Slow cache={cache} k="b" ms={5} /></Suspense>
            {url.searchParams.has('fail') && <Suspense fallback={<span>failed part</span>}><Boom message="part failed" /></Suspense>}
          </Page>,
          { bootstrapScripts: ['/client.js'], onError() { failed++; } });
        if (url.searchParams.has('all')) await stream.allReady;
        return new Response(stream, { status: failed ? 500 : 200, headers: html });
      }
      case '/shell-error':
        try {
          await renderToReadableStream(<Page path="/shell-error"><Boom message="shell failed" /></Page>, { onError() {} });
          return new Response('unexpected', { status: 200 });
        } catch (e) {
          return new Response(`shell error: ${(e as Error).message}`, { status: 500 });
        }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
