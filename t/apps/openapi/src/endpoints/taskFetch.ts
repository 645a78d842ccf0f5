import { OpenAPIRoute } from 'chanfana';
import { z } from 'zod';
import { type AppContext, Task, store } from '../types';

export class TaskFetch extends OpenAPIRoute {
  schema = {
    tags: ['Tasks'],
    summary: 'Get a single Task by slug',
    request: {
      params: z.object({ taskSlug: z.string().describe('Task slug') }),
    },
    responses: {
      '200': {
        description: 'Returns a single task if found',
        content: { 'application/json': { schema: z.object({ success: z.boolean(), task: Task }) } },
      },
      '404': {
        description: 'Task not found',
        content: { 'application/json': { schema: z.object({ success: z.boolean(), error: z.string() }) } },
      },
    },
  };

  async handle(c: AppContext) {
    const data = await this.getValidatedData<typeof this.schema>();
    const task = store.get(data.params.taskSlug);
    if (!task) {
      return Response.json({ success: false, error: 'Object not found' }, { status: 404 });
    }
    return c.json({ success: true, task });
  }
}
