// SPDX-License-Identifier: MIT
// Benchmark app (a): a small shop API on Hono. Routing with a path
// parameter, the cors and etag middleware on every /api route, and zod
// validation of the query of a GET and of the JSON body of a POST.
//
//   GET  /api/products?limit=N&offset=M   a page of the catalogue (ETag, 304)
//   GET  /api/products/:sku               one product, or 404
//   POST /api/orders                      an order checked against Order → 201
//
// contrib/bench/php/api.php answers the same requests the same way.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';

interface Product {
    sku: string;
    name: string;
    price: number;
    tags: string[];
}

const catalogue: Product[] = [];
for (let i = 0; i < 50; i++) {
    catalogue.push({
        sku: `SKU-${1000 + i}`,
        name: `Product number ${i + 1}`,
        price: 250 + ((i * 37) % 400),
        tags: i % 3 === 0 ? ['new', 'sale'] : ['stock'],
    });
}
const bySku = new Map(catalogue.map((p) => [p.sku, p]));

const Page = z.object({
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).default(0),
});

const Order = z.object({
    customer: z.string().min(1).max(100),
    email: z.email(),
    items: z
        .array(
            z.object({
                sku: z.string().regex(/^SKU-\d{4}$/),
                quantity: z.number().int().positive().max(99),
            }),
        )
        .min(1)
        .max(20),
    note: z.string().max(500).optional(),
});

let nextOrder = 1;

const app = new Hono();

app.use('/api/*', cors({ origin: ['https://shop.example', 'https://admin.shop.example'], maxAge: 600 }));
app.use('/api/*', etag());

app.get('/api/products', zValidator('query', Page), (c) => {
    const { limit, offset } = c.req.valid('query');
    return c.json({ total: catalogue.length, offset, items: catalogue.slice(offset, offset + limit) });
});

app.get('/api/products/:sku', (c) => {
    const product = bySku.get(c.req.param('sku'));
    return product ? c.json(product) : c.json({ error: 'no such product' }, 404);
});

app.post('/api/orders', zValidator('json', Order), (c) => {
    const order = c.req.valid('json');
    let total = 0;
    for (const line of order.items) {
        const product = bySku.get(line.sku);
        if (!product) {
            return c.json({ error: `no such product: ${line.sku}` }, 422);
        }
        total += product.price * line.quantity;
    }
    return c.json({ id: nextOrder++, customer: order.customer, lines: order.items.length, total }, 201);
});

app.notFound((c) => c.json({ error: 'not found' }, 404));

export default app;
