// SPDX-License-Identifier: MIT
// zod 4 with BigInts: z.bigint() with checks and coercion, int64 formats,
// objects mixing BigInts and other types, and the error reports.
import { z } from 'zod';

// zod compiles object parsers with new Function() into ES2015 code that
// Duktape cannot parse; Workers forbid eval too, where zod detects it.
z.config({ jitless: true });

const out = [];
const say = (x) => out.push(String(x));
const attempt = (schema, value) => {
    const r = schema.safeParse(value);
    return r.success ? `ok ${typeof r.data === 'bigint' ? r.data + 'n' : JSON.stringify(r.data, (k, v) => (typeof v === 'bigint' ? v + 'n' : v))}` :
        `fail ${r.error.issues.map((i) => i.code + (i.path.length ? '@' + i.path.join('.') : '')).join(',')}`;
};

say(z.bigint().parse(10n));
say(attempt(z.bigint(), 10));
say(attempt(z.bigint(), '10'));
say(attempt(z.bigint().min(5n), 4n));
say(attempt(z.bigint().min(5n), 5n));
say(attempt(z.bigint().max(10n), 11n));
say(attempt(z.bigint().max(2n ** 70n), 2n ** 70n + 1n));
say(attempt(z.bigint().positive(), -1n));
say(attempt(z.bigint().nonnegative(), 0n));
say(attempt(z.bigint().multipleOf(7n), 49n));
say(attempt(z.bigint().multipleOf(7n), 50n));
say(attempt(z.coerce.bigint(), '12345678901234567890'));
say(attempt(z.coerce.bigint(), 'nope'));
say(attempt(z.int64(), 2n ** 63n));
say(attempt(z.int64(), -(2n ** 63n)));
say(attempt(z.uint64(), -1n));
say(attempt(z.uint64(), 2n ** 64n - 1n));

const Account = z.object({
    id: z.bigint(),
    name: z.string().min(1),
    balance: z.bigint().nonnegative(),
    tags: z.array(z.string()).optional(),
});
say(attempt(Account, { id: 1n, name: 'a', balance: 100n }));
say(attempt(Account, { id: 1, name: '', balance: -5n }));
const parsed = Account.parse({ id: 2n ** 64n, name: 'big', balance: 0n, tags: ['x'] });
say(parsed.id + ' ' + parsed.name + ' ' + parsed.tags.join());
say(attempt(z.union([z.bigint(), z.string()]), 3n));
say(attempt(z.literal(5n), 5n));
say(attempt(z.literal(5n), 6n));
say(attempt(z.number().int(), 5));
say(attempt(z.object({ n: z.number().max(10) }), { n: 11 }));

(typeof print === 'function' ? print : console.log)(out.join('\n'));
