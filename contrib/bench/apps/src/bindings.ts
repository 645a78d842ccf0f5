// SPDX-License-Identifier: MIT
// Benchmark app (d): one binding call per request on Hono.
//
//   GET  /health           "ok", without touching a binding (the readiness probe)
//   GET  /kv/:key          env.KV.get(key) as text, 404 when absent
//   PUT  /kv/:key          env.KV.put(key, body)                   (set-up)
//   GET  /d1/items/:id     one row of env.DB by its primary key, as JSON
//   POST /d1/seed          creates the table and 1,000 rows in one batch (set-up)
import { Hono } from 'hono';

type Env = { Bindings: { KV: KVNamespace; DB: D1Database } };

interface KVNamespace {
    get(key: string): Promise<string | null>;
    put(key: string, value: string): Promise<void>;
}
interface D1Statement {
    bind(...values: unknown[]): D1Statement;
    first<T>(): Promise<T | null>;
    run(): Promise<unknown>;
}
interface D1Database {
    prepare(sql: string): D1Statement;
    batch(statements: D1Statement[]): Promise<unknown[]>;
    exec(sql: string): Promise<unknown>;
}

const app = new Hono<Env>();

app.get('/health', (c) => c.text('ok'));

app.get('/kv/:key', async (c) => {
    const value = await c.env.KV.get(c.req.param('key'));
    return value === null ? c.text('no such key', 404) : c.text(value);
});

app.put('/kv/:key', async (c) => {
    await c.env.KV.put(c.req.param('key'), await c.req.text());
    return c.body(null, 204);
});

app.get('/d1/items/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const row = await c.env.DB.prepare('SELECT id, name, price, stock FROM items WHERE id = ?').bind(id).first();
    return row ? c.json(row) : c.json({ error: 'no such item' }, 404);
});

app.post('/d1/seed', async (c) => {
    await c.env.DB.exec(
        'CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price INTEGER, stock INTEGER)',
    );
    const insert = c.env.DB.prepare('INSERT OR REPLACE INTO items (id, name, price, stock) VALUES (?, ?, ?, ?)');
    const rows = [];
    for (let i = 1; i <= 1000; i++) {
        rows.push(insert.bind(i, `item ${i}`, 100 + ((i * 31) % 900), i % 17));
    }
    await c.env.DB.batch(rows);
    return c.json({ seeded: rows.length }, 201);
});

export default app;
