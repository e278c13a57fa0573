import type Database from 'better-sqlite3';
import type { Db } from './db.js';

/**
 * Prepared statements kept per connection, by their SQL: a list page's statements are compiled once, not on every
 * page (compiling a join costs more than running it on a 50-row page). Only for statements run to completion with
 * `get` or `all` (a statement being iterated cannot be run again until its iteration ends). Bounded: the SQL of a
 * faceted list varies with its facets.
 */
const perDb = new WeakMap<Db, Map<string, Database.Statement>>();
const MAX_STATEMENTS = 500;

/** The kept statement of `sql` on `db`; `pluck`: it answers its first column's value. */
export function statement(db: Db, sql: string, pluck = false): Database.Statement {
  let m = perDb.get(db);
  if (!m) {
    m = new Map();
    perDb.set(db, m);
  }
  const key = `${pluck ? 'p' : 'r'}${sql}`;
  let s = m.get(key);
  if (!s) {
    s = pluck ? db.prepare(sql).pluck() : db.prepare(sql);
    if (m.size >= MAX_STATEMENTS) m.delete(m.keys().next().value!);
    m.set(key, s);
  }
  return s;
}
