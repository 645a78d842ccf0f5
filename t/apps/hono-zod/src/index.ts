/*
 * Hono with zod 4 through @hono/zod-validator: a JSON body, a query string
 * and path parameters validated by schemas (coercion, defaults, enums,
 * nested objects, refinements), the default 400 answer of the validator and
 * a custom hook that formats zod's issues.
 */
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';

const Address = z.object({
  city: z.string().min(1),
  zip: z.string().regex(/^\d{5}$/, 'zip must be 5 digits'),
});

const User = z.object({
  name: z.string().min(2).max(40),
  email: z.email(),
  age: z.number().int().nonnegative().optional(),
  role: z.enum(['admin', 'editor', 'viewer']).default('viewer'),
  tags: z.array(z.string()).max(3).default([]),
  address: Address.optional(),
});

const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(50).default(10),
  sort: z.enum(['name', 'age']).optional(),
});

const IdParam = z.object({ id: z.string().uuid() });

const Range = z
  .object({ from: z.number(), to: z.number() })
  .refine((r) => r.from <= r.to, { message: 'from must not exceed to', path: ['to'] });

const users: Array<z.infer<typeof User> & { id: number }> = [];
const app = new Hono();

app.post('/users', zValidator('json', User), (c) => {
  const user = { id: users.length + 1, ...c.req.valid('json') };
  users.push(user);
  return c.json(user, 201);
});

app.get('/users', zValidator('query', ListQuery), (c) => {
  const { page, size, sort } = c.req.valid('query');
  return c.json({ page, size, sort: sort ?? null, total: users.length });
});

app.get('/items/:id', zValidator('param', IdParam), (c) => c.json({ id: c.req.valid('param').id }));

app.post(
  '/range',
  zValidator('json', Range, (result, c) => {
    if (!result.success) {
      return c.json(
        {
          ok: false,
          issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
        },
        422,
      );
    }
  }),
  (c) => {
    const { from, to } = c.req.valid('json');
    return c.json({ ok: true, span: to - from });
  },
);

app.get('/schema', (c) => c.json(z.toJSONSchema(Address)));

export default app;
