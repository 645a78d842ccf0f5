/*
 * Hono's JWT helpers: /login signs an HS256 token with hono/jwt (exp, iat,
 * custom claims), /api/* is guarded by the jwt middleware (Authorization:
 * Bearer), /verify checks a token by hand, and expired, tampered or missing
 * tokens are refused with 401.
 */
import { Hono } from 'hono';
import { jwt, sign, verify, decode } from 'hono/jwt';
import { HTTPException } from 'hono/http-exception';

type Env = { Bindings: { JWT_SECRET: string } };
const app = new Hono<Env>();

app.post('/login', async (c) => {
  const { user, password } = await c.req.json<{ user?: string; password?: string }>();
  if (user !== 'ada' || password !== 'lovelace') {
    return c.json({ error: 'bad credentials' }, 401);
  }
  const now = Math.floor(Date.now() / 1000);
  const token = await sign({ sub: user, role: 'admin', iat: now, exp: now + 3600 }, c.env.JWT_SECRET, 'HS256');
  return c.json({ token });
});

// a token that expired an hour ago, for the refusal case
app.get('/expired-token', async (c) => {
  const now = Math.floor(Date.now() / 1000);
  const token = await sign({ sub: 'ada', exp: now - 3600 }, c.env.JWT_SECRET);
  return c.text(token);
});

app.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' })(c, next));

app.get('/api/me', (c) => {
  const payload = c.get('jwtPayload');
  return c.json({ sub: payload.sub, role: payload.role, hasExp: typeof payload.exp === 'number' });
});

app.post('/verify', async (c) => {
  const token = await c.req.text();
  try {
    const payload = await verify(token, c.env.JWT_SECRET, 'HS256');
    const { header } = decode(token);
    return c.json({ valid: true, alg: header.alg, sub: payload.sub });
  } catch (e) {
    return c.json({ valid: false, error: (e as Error).name }, 401);
  }
});

app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  return c.json({ error: err.message }, 500);
});

export default app;
