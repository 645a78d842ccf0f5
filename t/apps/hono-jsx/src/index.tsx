/*
 * Server-side rendering with Hono's JSX (jsxImportSource hono/jsx): a layout
 * component with children, a list rendered from data with keys and
 * conditional parts, attribute and text escaping, fragments, c.html() with
 * the html`` helper, and the jsxRenderer middleware with a title prop.
 */
import { Hono } from 'hono';
import type { FC, PropsWithChildren } from 'hono/jsx';
import { html } from 'hono/html';
import { jsxRenderer } from 'hono/jsx-renderer';

type Task = { id: number; title: string; done: boolean };

const tasks: Task[] = [
  { id: 1, title: 'Write the <parser>', done: true },
  { id: 2, title: 'Test "quotes" & ampersands', done: false },
  { id: 3, title: 'Ship it', done: false },
];

const Layout: FC<PropsWithChildren<{ title: string }>> = ({ title, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <title>{title}</title>
    </head>
    <body>{children}</body>
  </html>
);

const TaskItem: FC<{ task: Task }> = ({ task }) => (
  <li class={task.done ? 'done' : 'open'} data-id={task.id}>
    {task.done ? <s>{task.title}</s> : task.title}
  </li>
);

const TaskList: FC<{ items: Task[] }> = ({ items }) =>
  items.length === 0 ? (
    <p>Nothing to do.</p>
  ) : (
    <>
      <ul>
        {items.map((t) => (
          <TaskItem key={t.id} task={t} />
        ))}
      </ul>
      <p>{items.filter((t) => !t.done).length} open</p>
    </>
  );

const app = new Hono();

app.get('/', (c) =>
  c.html(
    <Layout title="Tasks">
      <h1>Tasks</h1>
      <TaskList items={tasks} />
    </Layout>,
  ),
);

app.get('/open', (c) => {
  const open = tasks.filter((t) => !t.done && t.title.includes(c.req.query('q') ?? ''));
  return c.html(<TaskList items={open} />);
});

app.get('/raw', (c) => {
  const name = c.req.query('name') ?? 'world';
  return c.html(html`<!doctype html><p>Hello, ${name}!</p>`);
});

const page = new Hono();
page.use(
  '*',
  jsxRenderer(({ children, title }) => (
    <html>
      <head>
        <title>{title}</title>
      </head>
      <body>{children}</body>
    </html>
  )),
);
page.get('/about', (c) => c.render(<h1>About</h1>, { title: 'About us' }));
app.route('/page', page);

export default app;
