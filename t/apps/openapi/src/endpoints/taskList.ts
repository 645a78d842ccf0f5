import { OpenAPIRoute } from 'chanfana';
import { z } from 'zod';
import { type AppContext, Task, store } from '../types';

export class TaskList extends OpenAPIRoute {
  schema = {
    tags: ['Tasks'],
    summary: 'List Tasks',
    request: {
      query: z.object({
        page: z.coerce.number().int().min(0).default(0).describe('Page number'),
        isCompleted: z.coerce.boolean().optional().describe('Filter by completed flag'),
      }),
    },
    responses: {
      '200': {
        description: 'Returns a list of tasks',
        content: {
          'application/json': {
            schema: z.object({ success: z.boolean(), tasks: Task.array() }),
          },
        },
      },
    },
  };

  async handle(_c: AppContext) {
    const data = await this.getValidatedData<typeof this.schema>();
    const { page, isCompleted } = data.query;
    let tasks = [...store.values()];
    if (isCompleted !== undefined) tasks = tasks.filter((t) => t.completed === isCompleted);
    return { success: true, page, tasks: tasks.slice(page * 10, page * 10 + 10) };
  }
}
