import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/index.js';

const KEY = 'serve_token';

/**
 * The store's API token: made once per store (random, 192 bits) and kept in its `meta` table, so it stays the
 * same across restarts of `sitrep serve` on that store and differs between stores.
 */
export function storeToken(db: Db): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (row) return row.value;
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(KEY, randomBytes(24).toString('base64url'));
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string }).value;
}

/** The token kept in the store, or null before `storeToken` made one (reads only). */
export function keptToken(db: Db): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Compare a presented token with the store's in constant time. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
