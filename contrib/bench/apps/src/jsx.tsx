// SPDX-License-Identifier: MIT
// Benchmark app (b): server-rendered HTML with hono/jsx. GET /products
// renders a page (layout, header, a table of 100 products built by a
// component per row, attribute and text escaping) as text/html;
// GET /products?items=N the first N of 1,000 (1-1000; anything else is 100),
// the bench's large page being 1,000 (174 KB).
//
// contrib/bench/php/jsx.php renders the same page.
import { Hono } from 'hono';
import type { FC, PropsWithChildren } from 'hono/jsx';

interface Item {
    id: number;
    name: string;
    price: number;
    stock: number;
}

const items: Item[] = [];
for (let i = 1; i <= 1000; i++) {
    items.push({ id: i, name: `Item <${i}> & co`, price: 199 + ((i * 53) % 900), stock: (i * 7) % 13 });
}

const Layout: FC<PropsWithChildren<{ title: string; count: number }>> = ({ title, count, children }) => (
    <html lang="en">
        <head>
            <meta charset="utf-8" />
            <title>{title}</title>
        </head>
        <body>
            <header>
                <h1>{title}</h1>
            </header>
            <main>{children}</main>
            <footer>{count} items</footer>
        </body>
    </html>
);

const Row: FC<{ item: Item }> = ({ item }) => (
    <tr class={item.stock === 0 ? 'sold-out' : 'in-stock'}>
        <td>{item.id}</td>
        <td>
            <a href={`/products/${item.id}?ref=list&name=${encodeURIComponent(item.name)}`}>{item.name}</a>
        </td>
        <td>{(item.price / 100).toFixed(2)}</td>
        <td>{item.stock === 0 ? 'sold out' : `${item.stock} left`}</td>
    </tr>
);

const app = new Hono();

app.get('/products', (c) => {
    const asked = c.req.query('items') ?? '';
    const n = /^\d{1,4}$/.test(asked) ? Number(asked) : 0;
    const count = n >= 1 && n <= items.length ? n : 100;
    return c.html(
        <Layout title="Products" count={count}>
            <table>
                <thead>
                    <tr>
                        <th>#</th>
                        <th>name</th>
                        <th>price</th>
                        <th>stock</th>
                    </tr>
                </thead>
                <tbody>
                    {items.slice(0, count).map((item) => (
                        <Row item={item} />
                    ))}
                </tbody>
            </table>
        </Layout>,
    );
});

export default app;
