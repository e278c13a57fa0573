import { ENTRY_BYTES, stringBytes } from './bytes.js';
import { staleAllowanceMs, stillServes, storeVersionReader } from './counts.js';
import type { Db } from './db.js';

/**
 * List items kept per row, so that a page reads only its keys. A list page costs the walk to its keys (an index
 * range) and then, for each of its rows, the row's joins and the building of its item; the workbench and any client
 * paging through a list ask many pages over the same few thousand rows, overlapping by offset or by cursor, and
 * each page read and built its rows again. Here a page's keys are read as before (so its rows, their order and its
 * `next` are the store's as it is now), and each row's item is taken from what was kept under its id, when kept
 * under the rule of the list counts (`countRows`): while the store is unchanged, or, on a connection that accepts
 * answers somewhat older than the store (`allowStaleCounts`: the server, while an ingest commits every few ms), for
 * that long after another connection wrote; a write of the connection's own drops them at once. The rows not kept
 * are read in one statement by their ids. So a page's rows are exactly the store's, and its items at most as old as
 * its count may be. Kept per connection, least recently used out past `KEPT_ITEM_BYTES`.
 */

/** Bytes of kept items per connection, every list together (strings at two bytes a character). */
export const KEPT_ITEM_BYTES = 48_000_000;

interface Kept {
  version: string;
  at: number;
  item: unknown;
  bytes: number;
}

interface Items {
  version: { get(): unknown };
  entries: Map<string, Kept>;
  bytes: number;
}

const perDb = new WeakMap<Db, Items>();

function itemsOf(db: Db): Items {
  let c = perDb.get(db);
  if (!c) {
    c = { version: storeVersionReader(db), entries: new Map(), bytes: 0 };
    perDb.set(db, c);
  }
  return c;
}

/** Drop every item kept for `db` (a reader's connection when the server's own wrote: see `forgetCounts`). */
export function forgetKeptItems(db: Db): void {
  const c = itemsOf(db);
  c.entries.clear();
  c.bytes = 0;
}

/** Bytes of the items kept for `db` (tests). */
export function keptItemBytes(db: Db): number {
  return perDb.get(db)?.bytes ?? 0;
}

/**
 * The items of a page's rows, given their keys in the page's order: each kept one under `list` and `idOf(key)` that
 * still serves, the others read by `read(keys)` (their items in the same order) and kept. `sizeOf(item)`: what an
 * item holds, in bytes. `maxBytes`: the bound (tests pass a small one).
 */
export function keptItems<K, T>(
  db: Db,
  list: string,
  keys: readonly K[],
  idOf: (key: K) => string | number,
  read: (keys: K[]) => T[],
  sizeOf: (item: T) => number,
  maxBytes = KEPT_ITEM_BYTES,
): T[] {
  const c = itemsOf(db);
  const version = c.version.get() as string;
  const now = performance.now();
  const staleMs = staleAllowanceMs(db);
  const out = new Array<T>(keys.length);
  const missing: K[] = [];
  const at: number[] = [];
  keys.forEach((k, i) => {
    const id = `${list}\u0000${idOf(k)}`;
    const hit = c.entries.get(id);
    if (hit && stillServes(hit.version, hit.at, version, now, staleMs)) {
      // Most recently used last: the Map's order is the eviction order.
      c.entries.delete(id);
      c.entries.set(id, hit);
      out[i] = hit.item as T;
      return;
    }
    missing.push(k);
    at.push(i);
  });
  if (missing.length === 0) return out;
  const items = read(missing);
  items.forEach((item, j) => {
    out[at[j]!] = item;
    const id = `${list}\u0000${idOf(missing[j]!)}`;
    const bytes = stringBytes(id) + ENTRY_BYTES + sizeOf(item);
    const old = c.entries.get(id);
    if (old) {
      c.entries.delete(id);
      c.bytes -= old.bytes;
    }
    if (bytes > maxBytes) return;
    c.entries.set(id, { version, at: now, item, bytes });
    c.bytes += bytes;
  });
  for (const [id, e] of c.entries) {
    if (c.bytes <= maxBytes) break;
    c.entries.delete(id);
    c.bytes -= e.bytes;
  }
  return out;
}
