/*
 * Hono streaming helpers and compression: streamText writes lines with
 * pauses, stream() writes bytes and pipes a ReadableStream, streamSSE sends
 * server-sent events, and the compress middleware gzips a large text when
 * the client accepts it (it needs CompressionStream).
 */
import { Hono } from 'hono';
import { stream, streamText, streamSSE } from 'hono/streaming';
import { compress } from 'hono/compress';

const app = new Hono();

app.get('/text', (c) =>
  streamText(c, async (s) => {
    for (let i = 1; i <= 3; i++) {
      await s.writeln(`line ${i}`);
      await s.sleep(20);
    }
    await s.write('done');
  }),
);

app.get('/bytes', (c) => {
  c.header('content-type', 'application/octet-stream');
  return stream(c, async (s) => {
    await s.write(new Uint8Array([0x68, 0x69, 0x0a]));
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        const enc = new TextEncoder();
        controller.enqueue(enc.encode('piped '));
        controller.enqueue(enc.encode('chunks\n'));
        controller.close();
      },
    });
    await s.pipe(source);
  });
});

app.get('/sse', (c) =>
  streamSSE(c, async (s) => {
    for (let id = 1; id <= 3; id++) {
      await s.writeSSE({ id: String(id), event: 'tick', data: JSON.stringify({ n: id }) });
      await s.sleep(10);
    }
  }),
);

const big = Array.from({ length: 400 }, (_, i) => `row ${i}: the quick brown fox jumps over the lazy dog`).join('\n');

app.use('/big', compress());
app.get('/big', (c) => c.text(big));

app.get('/has-compression-stream', (c) =>
  c.json({ CompressionStream: typeof CompressionStream, DecompressionStream: typeof DecompressionStream }),
);

export default app;
