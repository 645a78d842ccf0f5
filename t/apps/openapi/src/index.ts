/*
 * The Cloudflare "OpenAPI" Workers template: Hono with chanfana and zod 4,
 * one class per endpoint (list, create, fetch, delete tasks), request
 * validation from the endpoint's schema (400 with zod's issues), and the
 * generated OpenAPI 3.1 document with its Swagger UI. The template keeps
 * tasks in D1; here they live in memory.
 */
import { fromHono } from 'chanfana';
import { Hono } from 'hono';
import { TaskCreate } from './endpoints/taskCreate';
import { TaskDelete } from './endpoints/taskDelete';
import { TaskFetch } from './endpoints/taskFetch';
import { TaskList } from './endpoints/taskList';
import type { Env } from './types';

// Start a Hono app
const app = new Hono<{ Bindings: Env }>();

// Setup OpenAPI registry
const openapi = fromHono(app, {
  docs_url: '/',
  schema: { info: { title: 'Tasks API', version: '1.0.0' } },
});

// Register OpenAPI endpoints
openapi.get('/api/tasks', TaskList);
openapi.post('/api/tasks', TaskCreate);
openapi.get('/api/tasks/:taskSlug', TaskFetch);
openapi.delete('/api/tasks/:taskSlug', TaskDelete);

// You may also register routes for non OpenAPI directly on Hono
// app.get('/test', (c) => c.text('Hono!'))

// Export the Hono app
export default app;
