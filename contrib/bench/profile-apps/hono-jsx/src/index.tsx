// SPDX-License-Identifier: MIT
/*
 * Server-rendered HTML with hono/jsx: a layout, a list component and a
 * page of 100 items, each with an escaped title and a computed class.
 */
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';

type Item = { id: number; title: string; price: number; done: boolean };

const items: Item[] = [];
for (let i = 1; i <= 100; i++) {
  items.push({ id: i, title: `Item <${i}> & co`, price: i * 1.25, done: i % 3 === 0 });
}

const Layout: FC = (props) => (
  <html>
    <head>
      <title>{props.title}</title>
    </head>
    <body>
      <h1>{props.title}</h1>
      {props.children}
    </body>
  </html>
);

const Row: FC<{ item: Item }> = ({ item }) => (
  <li class={item.done ? 'item done' : 'item'} data-id={item.id}>
    <a href={`/items/${item.id}`}>{item.title}</a> <span>{item.price.toFixed(2)}</span>
  </li>
);

const app = new Hono();

app.get('/', (c) =>
  c.html(
    <Layout title="100 items">
      <ul>
        {items.map((item) => (
          <Row item={item} />
        ))}
      </ul>
    </Layout>,
  ),
);

export default app;
