// SPDX-License-Identifier: MIT
// Hono's compress() middleware on fcworker (built by fcworker-build in
// t/compression-hono.t): /text is 46 KB of text, /stream 2 MB streamed in
// 16 KB chunks, /small a 4-byte body with its Content-Length (under the
// 1 KB threshold), /image a type compress() leaves alone; POST /gunzip
// decompresses a gzip request body with DecompressionStream and answers
// its length and SHA-256.
import { Hono } from 'hono';
import { compress } from 'hono/compress';

const LINE = 'fcworker compresses this line for the hono test\n';
const app = new Hono();
app.use(compress());

app.get('/text', (c) => c.text(LINE.repeat(960)));
app.get('/small', (c) => c.body('tiny', 200, { 'Content-Type': 'text/plain', 'Content-Length': '4' }));
app.get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }));
app.get('/stream', (c) => {
    const chunk = new TextEncoder().encode(LINE.repeat(341).slice(0, 16384));
    let sent = 0;
    const body = new ReadableStream({
        pull(controller) {
            if (sent === 128) {
                controller.close();
                return;
            }
            sent++;
            controller.enqueue(chunk);
        },
    });
    return c.body(body, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
});
app.post('/gunzip', async (c) => {
    const plain = c.req.raw.body.pipeThrough(new DecompressionStream('gzip'));
    try {
        const bytes = new Uint8Array(await new Response(plain).arrayBuffer());
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        return c.json({ length: bytes.length, sha256: hex });
    } catch (e) {
        return c.json({ error: e.name, message: e.message }, 400);
    }
});

export default app;
