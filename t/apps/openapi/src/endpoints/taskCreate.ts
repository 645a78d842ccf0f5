import { OpenAPIRoute, contentJson } from 'chanfana';
import { z } from 'zod';
import { type AppContext, Task, store } from '../types';

export class TaskCreate extends OpenAPIRoute {
  schema = {
    tags: ['Tasks'],
    summary: 'Create a new Task',
    request: {
      body: contentJson(Task),
    },
    responses: {
      '200': {
        description: 'Returns the created task',
        ...contentJson(z.object({ success: z.boolean(), result: z.object({ task: Task }) })),
      },
    },
  };

  async handle(c: AppContext) {
    const data = await this.getValidatedData<typeof this.schema>();
    const task = data.body;
    if (store.has(task.slug)) {
      return c.json({ success: false, error: 'Task already exists' }, 409);
    }
    store.set(task.slug, task);
    return { success: true, task };
  }
}
