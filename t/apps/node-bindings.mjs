// SPDX-License-Identifier: MIT
/*
 * Stand-ins for the Workers bindings when node-run.mjs runs an app in Node:
 * a KV namespace in memory and a D1 database on sql.js (SQLite compiled to
 * WebAssembly), with the D1 migrations of the app applied first as
 * `wrangler d1 migrations apply` does (the .sql files in name order, noted
 * in d1_migrations). They follow the Workers API the apps use: KV get (text
 * and json), put, delete and list with prefix, limit and cursor; D1
 * prepare/bind, first(column), all, run, raw({columnNames}), batch (one
 * transaction) and exec, results with meta.changes and meta.last_row_id,
 * and errors worded as D1 words them ("D1_ERROR: <message>: SQLITE_<CODE>").
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class MemoryKV {
  constructor() {
    this.data = new Map();
  }
  async get(key, options) {
    const type = typeof options === 'string' ? options : (options && options.type) || 'text';
    if (!this.data.has(key)) return null;
    const value = this.data.get(key);
    return type === 'json' ? JSON.parse(value) : value;
  }
  async put(key, value) {
    this.data.set(String(key), String(value));
  }
  async delete(key) {
    this.data.delete(String(key));
  }
  async list(options = {}) {
    const prefix = options.prefix || '';
    const limit = options.limit || 1000;
    const names = [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
    const start = options.cursor ? Number(options.cursor) : 0;
    const page = names.slice(start, start + limit);
    const complete = start + limit >= names.length;
    return {
      keys: page.map((name) => ({ name })),
      list_complete: complete,
      ...(complete ? {} : { cursor: String(start + limit) }),
      cacheStatus: null,
    };
  }
}

let SQL;

async function sqlite() {
  if (!SQL) {
    const init = require('sql.js');
    SQL = await init({ locateFile: (f) => path.join(path.dirname(require.resolve('sql.js')), f) });
  }
  return SQL;
}

function d1Error(e) {
  const code = /constraint/i.test(e.message) ? 'SQLITE_CONSTRAINT' : 'SQLITE_ERROR';
  return new Error(`D1_ERROR: ${e.message}: ${code}`);
}

class Statement {
  constructor(db, sql, params = []) {
    this.db = db;
    this.sql = sql;
    this.params = params;
  }
  bind(...params) {
    return new Statement(this.db, this.sql, params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p)));
  }
  execute() {
    const db = this.db.db;
    let st;
    try {
      st = db.prepare(this.sql);
      st.bind(this.params);
      const columns = st.getColumnNames();
      const rows = [];
      while (st.step()) rows.push(st.get());
      const changes = db.getRowsModified();
      const last = db.exec('SELECT last_insert_rowid()')[0].values[0][0];
      return { columns, rows, meta: { changes, last_row_id: last, changed_db: changes > 0, duration: 0, rows_read: rows.length, rows_written: changes } };
    } catch (e) {
      throw d1Error(e);
    } finally {
      if (st) st.free();
    }
  }
  static objects(r) {
    return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]])));
  }
  async first(column) {
    const r = this.execute();
    const rows = Statement.objects(r);
    if (!rows.length) return null;
    if (column === undefined) return rows[0];
    if (!(column in rows[0])) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
    return rows[0][column];
  }
  async all() {
    const r = this.execute();
    return { success: true, meta: r.meta, results: Statement.objects(r) };
  }
  async run() {
    return this.all();
  }
  async raw(options = {}) {
    const r = this.execute();
    return options.columnNames ? [r.columns, ...r.rows] : r.rows;
  }
}

export class SqlJsD1 {
  constructor(db) {
    this.db = db;
  }
  static async open(migrationsDir) {
    const { Database } = await sqlite();
    const d1 = new SqlJsD1(new Database());
    d1.db.exec('PRAGMA foreign_keys = ON');
    if (migrationsDir && fs.existsSync(migrationsDir)) {
      d1.db.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE,
        applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`);
      for (const name of fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
        d1.db.exec(fs.readFileSync(path.join(migrationsDir, name), 'utf8'));
        d1.db.run('INSERT INTO d1_migrations (name) VALUES (?)', [name]);
      }
    }
    return d1;
  }
  prepare(sql) {
    return new Statement(this, sql);
  }
  async batch(statements) {
    this.db.exec('BEGIN');
    try {
      const out = [];
      for (const s of statements) out.push(await s.all());
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }
  async exec(sql) {
    try {
      this.db.exec(sql);
    } catch (e) {
      throw d1Error(e);
    }
    return { count: sql.split('\n').filter((l) => l.trim()).length, duration: 0 };
  }
}

/* The env of an app from its worker.json: vars, then kv and d1 bindings. */
export async function bindingsFor(dir, meta) {
  const env = { ...(meta.env || {}) };
  for (const name of meta.kv || []) env[name] = new MemoryKV();
  for (const [name, migrations] of Object.entries(meta.d1 || {})) env[name] = await SqlJsD1.open(path.join(dir, migrations));
  return env;
}
