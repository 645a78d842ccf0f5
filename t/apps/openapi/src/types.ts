import type { Context } from 'hono';
import { z } from 'zod';

export type Env = { API_TITLE?: string };
export type AppContext = Context<{ Bindings: Env }>;

export const Task = z.object({
  name: z.string().min(1).meta({ example: 'lorem' }),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().optional(),
  completed: z.boolean().default(false),
  due_date: z.iso.datetime(),
});

export type TaskT = z.infer<typeof Task>;

// The template keeps tasks in D1; this corpus keeps them in memory.
export const store = new Map<string, TaskT>([
  ['clean-room', { name: 'Clean my room', slug: 'clean-room', description: undefined, completed: false, due_date: '2025-01-05T00:00:00.000Z' }],
  ['build-api', { name: 'Build an API', slug: 'build-api', description: 'with chanfana', completed: true, due_date: '2025-02-01T12:00:00.000Z' }],
]);
