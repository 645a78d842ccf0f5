import { OpenAPIRoute } from 'chanfana';
import { z } from 'zod';
import { type AppContext, Task, store } from '../types';

export class TaskDelete extends OpenAPIRoute {
  schema = {
    tags: ['Tasks'],
    summary: 'Delete a Task',
    request: {
      params: z.object({ taskSlug: z.string().describe('Task slug') }),
    },
    responses: {
      '200': {
        description: 'Returns if the task was deleted successfully',
        content: { 'application/json': { schema: z.object({ success: z.boolean(), result: z.object({ task: Task }) }) } },
      },
    },
  };

  async handle(_c: AppContext) {
    const data = await this.getValidatedData<typeof this.schema>();
    const task = store.get(data.params.taskSlug);
    if (!task) return Response.json({ success: false, error: 'Object not found' }, { status: 404 });
    store.delete(task.slug);
    return { success: true, result: { task } };
  }
}
