// A notes API on Hono and D1: list (with filters and paging), read, create,
// update, delete, tags in a second table, and a statistics route that runs
// several statements in one batch.
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'

type Bindings = {
  DB: D1Database
  MAX_PAGE: string
}

type Note = {
  id: number
  title: string
  body: string
  done: boolean
  tags: string[]
}

type NoteRow = { id: number; title: string; body: string; done: number; tags: string | null }

const app = new Hono<{ Bindings: Bindings }>()

const SELECT_NOTE = `SELECT n.id, n.title, n.body, n.done,
  (SELECT group_concat(tag, ',') FROM (SELECT tag FROM tags WHERE note_id = n.id ORDER BY tag)) AS tags
  FROM notes n`

const toNote = (row: NoteRow): Note => ({
  id: row.id,
  title: row.title,
  body: row.body,
  done: row.done === 1,
  tags: row.tags ? row.tags.split(',') : [],
})

async function readBody(c: { req: { json: () => Promise<unknown> } }): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new HTTPException(400, { message: 'the body is not valid JSON' })
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HTTPException(400, { message: 'the body must be a JSON object' })
  }
  return body as Record<string, unknown>
}

function validate(input: Record<string, unknown>, partial: boolean) {
  const errors: string[] = []
  for (const key of Object.keys(input)) {
    if (!['title', 'body', 'done', 'tags'].includes(key)) errors.push(`unknown field: ${key}`)
  }
  if (!partial || 'title' in input) {
    if (typeof input.title !== 'string' || input.title.trim() === '') errors.push('title: a non-empty string is required')
    else if (input.title.length > 100) errors.push('title: at most 100 characters')
  }
  if ('body' in input && typeof input.body !== 'string') errors.push('body: must be a string')
  if ('done' in input && typeof input.done !== 'boolean') errors.push('done: must be a boolean')
  if ('tags' in input && (!Array.isArray(input.tags) || !input.tags.every((t) => typeof t === 'string' && /^[a-z0-9-]{1,20}$/.test(t))))
    errors.push('tags: must be a list of short lower-case words')
  if (errors.length) throw new HTTPException(422, { message: errors.join('; ') })
}

function noteId(raw: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new HTTPException(400, { message: `bad note id: ${raw}` })
  return Number(raw)
}

async function loadNote(db: D1Database, id: number): Promise<Note | null> {
  const row = await db.prepare(`${SELECT_NOTE} WHERE n.id = ?`).bind(id).first<NoteRow>()
  return row ? toNote(row) : null
}

function tagStatements(db: D1Database, id: number, tags: unknown) {
  if (!Array.isArray(tags)) return []
  return [
    db.prepare('DELETE FROM tags WHERE note_id = ?').bind(id),
    ...[...new Set(tags as string[])].map((t) => db.prepare('INSERT INTO tags (note_id, tag) VALUES (?, ?)').bind(id, t)),
  ]
}

app.get('/', (c) => c.json({ name: 'd1-notes', routes: ['/notes', '/notes/:id', '/stats'] }))

app.get('/notes', async (c) => {
  const max = Number(c.env.MAX_PAGE)
  const limit = Math.min(Number(c.req.query('limit') ?? 20), max)
  const offset = Number(c.req.query('offset') ?? 0)
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
    throw new HTTPException(400, { message: 'limit and offset must be non-negative integers (limit at least 1)' })
  }
  const where: string[] = []
  const params: unknown[] = []
  const done = c.req.query('done')
  if (done !== undefined) {
    where.push('n.done = ?')
    params.push(done === 'true' ? 1 : 0)
  }
  const tag = c.req.query('tag')
  if (tag !== undefined) {
    where.push('EXISTS (SELECT 1 FROM tags WHERE note_id = n.id AND tag = ?)')
    params.push(tag)
  }
  const q = c.req.query('q')
  if (q !== undefined) {
    where.push("(n.title LIKE '%' || ? || '%' OR n.body LIKE '%' || ? || '%')")
    params.push(q, q)
  }
  const sql = `${SELECT_NOTE}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY n.id LIMIT ? OFFSET ?`
  const { results } = await c.env.DB.prepare(sql).bind(...params, limit, offset).all<NoteRow>()
  return c.json({ notes: results.map(toNote), limit, offset })
})

app.get('/notes/:id', async (c) => {
  const note = await loadNote(c.env.DB, noteId(c.req.param('id')))
  if (!note) return c.json({ error: 'note not found' }, 404)
  return c.json(note)
})

app.post('/notes', async (c) => {
  const input = await readBody(c)
  validate(input, false)
  const db = c.env.DB
  let id: number
  try {
    const row = await db
      .prepare('INSERT INTO notes (title, body, done) VALUES (?, ?, ?) RETURNING id')
      .bind((input.title as string).trim(), (input.body as string | undefined) ?? '', input.done ? 1 : 0)
      .first<{ id: number }>()
    id = row!.id
  } catch (e) {
    if (e instanceof Error && e.message.includes('UNIQUE constraint failed')) {
      return c.json({ error: `a note titled "${input.title}" exists already` }, 409)
    }
    throw e
  }
  const statements = tagStatements(db, id, input.tags)
  if (statements.length) await db.batch(statements)
  return c.json(await loadNote(db, id), 201, { Location: `/notes/${id}` })
})

app.put('/notes/:id', async (c) => {
  const id = noteId(c.req.param('id'))
  const input = await readBody(c)
  validate(input, true)
  const db = c.env.DB
  const sets: string[] = []
  const params: unknown[] = []
  if ('title' in input) {
    sets.push('title = ?')
    params.push((input.title as string).trim())
  }
  if ('body' in input) {
    sets.push('body = ?')
    params.push(input.body)
  }
  if ('done' in input) {
    sets.push('done = ?')
    params.push(input.done ? 1 : 0)
  }
  const statements = sets.length ? [db.prepare(`UPDATE notes SET ${sets.join(', ')} WHERE id = ?`).bind(...params, id)] : []
  if (!(await loadNote(db, id))) return c.json({ error: 'note not found' }, 404)
  statements.push(...tagStatements(db, id, input.tags))
  if (statements.length) {
    try {
      await db.batch(statements)
    } catch (e) {
      if (e instanceof Error && e.message.includes('UNIQUE constraint failed')) {
        return c.json({ error: `a note titled "${input.title}" exists already` }, 409)
      }
      throw e
    }
  }
  return c.json(await loadNote(db, id))
})

app.delete('/notes/:id', async (c) => {
  const id = noteId(c.req.param('id'))
  const { meta } = await c.env.DB.prepare('DELETE FROM notes WHERE id = ?').bind(id).run()
  if (meta.changes === 0) return c.json({ error: 'note not found' }, 404)
  return c.body(null, 204)
})

app.get('/stats', async (c) => {
  const db = c.env.DB
  const [total, done, tags, applied] = await db.batch([
    db.prepare('SELECT count(*) AS n FROM notes'),
    db.prepare('SELECT count(*) AS n FROM notes WHERE done = 1'),
    db.prepare('SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY tag'),
    db.prepare('SELECT name FROM d1_migrations ORDER BY id'),
  ])
  return c.json({
    notes: (total.results[0] as { n: number }).n,
    done: (done.results[0] as { n: number }).n,
    tags: Object.fromEntries((tags.results as { tag: string; n: number }[]).map((r) => [r.tag, r.n])),
    migrations: (applied.results as { name: string }[]).map((r) => r.name),
  })
})

app.get('/notes/:id/raw', async (c) => {
  const id = noteId(c.req.param('id'))
  const rows = await c.env.DB.prepare('SELECT id, title, done FROM notes WHERE id = ?').bind(id).raw({ columnNames: true })
  return c.json(rows)
})

app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404))

app.onError((err, c) => {
  if (err instanceof HTTPException) return c.json({ error: err.message }, err.status)
  console.error(err)
  return c.json({ error: 'internal error' }, 500)
})

export default app
