import { ENTRY_BYTES, stringBytes } from './bytes.js';
import type { Db } from './db.js';

/**
 * List items kept serialized, per connection, by their row's key: a list page's item JSON is built once per row
 * (its stored JSON parsed, its object made and serialized) and used again on every page that shows the row, while
 * the row reads the same. What a row read is kept with its JSON and compared, every field, each time it is read
 * again, so a row rewritten by an ingest, a resolve or a correction (or a speaker's entity renamed, read through a
 * join) is built again; nothing depends on the store's version. Least recently used first out, bounded by the
 * bytes kept (`ROW_JSON_BYTES`, strings counted at two bytes a character).
 */

/** A row as read: its columns' values (strings, numbers, null). */
type Row = Record<string, unknown>;

interface Kept {
  row: Row;
  json: string;
  bytes: number;
}

interface Cache {
  entries: Map<string, Kept>;
  bytes: number;
}

const caches = new WeakMap<Db, Cache>();

/**
 * Bytes of kept rows and their JSON per connection, all lists together (each reader thread of `serve` has its own
 * connection, so the server holds up to this much per reader). 16 MB: the 8 million characters it was bounded by
 * before, at two bytes each.
 */
export const ROW_JSON_BYTES = 16_000_000;

/** What a kept row holds, in bytes: its key, its strings, 8 for any other value, its JSON (when not one of them). */
function bytesOf(key: string, row: Row, json: string): number {
  let n = stringBytes(key) + ENTRY_BYTES;
  let shared = false;
  for (const v of Object.values(row)) {
    if (typeof v === 'string') {
      n += stringBytes(v) + 16;
      if (v === json) shared = true;
    } else n += 8;
  }
  return shared ? n : n + stringBytes(json);
}

/** Whether two rows of one statement read the same: every column's value equal. */
function sameRow(a: Row, b: Row): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The JSON of each row's item (`build(row)`), kept per connection under `list` and `keyOf(row)` while the row reads
 * the same. `build` must depend on the row alone (what the list item shows), so a kept JSON is the one it would give.
 * A built JSON equal to one of the row's own strings (an event's stored JSON) shares that string. `maxBytes`: the
 * bound (tests pass a small one).
 */
export function keptRowJson<R extends object>(
  db: Db,
  list: string,
  rows: readonly R[],
  keyOf: (row: R) => string,
  build: (row: R) => string,
  maxBytes = ROW_JSON_BYTES,
): string[] {
  let c = caches.get(db);
  if (!c) {
    c = { entries: new Map(), bytes: 0 };
    caches.set(db, c);
  }
  const cache = c;
  const out = rows.map((r) => {
    const key = `${list}\u0000${keyOf(r)}`;
    const row = r as Row;
    const hit = cache.entries.get(key);
    if (hit && sameRow(hit.row, row)) {
      // Most recently used last: the Map's order is the eviction order.
      cache.entries.delete(key);
      cache.entries.set(key, hit);
      return hit.json;
    }
    let json = build(r);
    for (const v of Object.values(row)) if (v === json) json = v;
    const kept: Kept = { row, json, bytes: bytesOf(key, row, json) };
    if (hit) {
      cache.entries.delete(key);
      cache.bytes -= hit.bytes;
    }
    if (kept.bytes <= maxBytes) {
      cache.entries.set(key, kept);
      cache.bytes += kept.bytes;
    }
    return json;
  });
  for (const [key, k] of cache.entries) {
    if (cache.bytes <= maxBytes) break;
    cache.entries.delete(key);
    cache.bytes -= k.bytes;
  }
  return out;
}

/** Bytes kept for `db` and the number of rows (for tests). */
export function keptRowJsonSize(db: Db): { bytes: number; rows: number } {
  const c = caches.get(db);
  return { bytes: c?.bytes ?? 0, rows: c?.entries.size ?? 0 };
}
