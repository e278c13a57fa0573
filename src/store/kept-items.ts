import { ENTRY_BYTES, stringBytes } from './bytes.js';
import { inReadScope, staleAllowanceMs, stillServes, storeVersionReader } from './counts.js';
import type { Db } from './db.js';

/**
 * List items kept per row, so that a page reads only its keys. A list page costs the walk to its keys (an index
 * range) and then, for each of its rows, the row's joins and the building of its item; the workbench and any client
 * paging through a list ask many pages over the same few thousand rows, overlapping by offset or by cursor, and
 * each page read and built its rows again. Here a page's keys are read as before (so its rows, their order and its
 * `next` are the store's as it is now), and each row's item is taken from what was kept under its id, when kept
 * under the rule of the list counts (`countRows`): while the store is unchanged, or, on a connection that accepts
 * answers somewhat older than the store (`allowStaleCounts`: the server, while an ingest commits every few ms), for
 * that long after another connection wrote; a write of the connection's own, or a rewrite noted by any connection
 * (`noteRowsRewritten`: the resolve, which numbers its rows anew, a speaker corrected; an article removed or
 * restored), drops them at once. The rows not kept are read in one statement by their ids, on the state of the store
 * the keys were walked on (`oneState`). So a page's rows are exactly the store's, and its items at most as old as its
 * count may be — or, while other connections only add rows (an ingest storing articles), they are the rows as
 * stored, kept up to `KEPT_WHILE_APPENDED_MS`. Kept per connection; past `KEPT_ITEM_BYTES` the oldest go first, bar
 * those served since (a second chance).
 */

/** Bytes of kept items per connection, every list together (strings at two bytes a character). */
export const KEPT_ITEM_BYTES = 48_000_000;

/**
 * How long an item is kept at most while the store has changed only by new rows (`rowsRewritten` unmoved): it is
 * then what the store holds, unless a write that rewrote rows did not say so; this bounds that case. The response
 * cache's own bound on an answer served while its successor is made (`maxStaleMs`) is as long.
 */
export const KEPT_WHILE_APPENDED_MS = 30_000;

/**
 * Say that rows a list shows were rewritten (not only new rows added): the resolve's derived tables, a quote's
 * speaker corrected. What is kept of such rows (`keptItems`) is then read again at once, on every connection. Run
 * inside the writer's transaction. Removals and restores of articles are counted apart (`meta.article_changes`).
 */
export function noteRowsRewritten(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('rows_rewritten', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  ).run();
}

/** When something was kept: the store's version and rewrite stamp then, and the time. */
export interface KeptStamp {
  version: string;
  stamp: string;
  at: number;
}

const stampReaders = new WeakMap<Db, { version: { get(): unknown }; stamp: { get(): unknown } }>();

/** The store's version and rewrite stamp (`noteRowsRewritten`, article removals and restores) now. */
export function keptStampNow(db: Db): KeptStamp {
  let r = stampReaders.get(db);
  if (!r) {
    r = {
      version: storeVersionReader(db),
      stamp: db
        .prepare(
          "SELECT group_concat(key || '=' || value, ';') FROM meta WHERE key IN ('rows_rewritten', 'article_changes')",
        )
        .pluck(),
    };
    stampReaders.set(db, r);
  }
  const { version, stamp } = r;
  return inReadScope(db, 'kept stamp', () => ({
    version: version.get() as string,
    stamp: String(stamp.get() ?? ''),
    at: performance.now(),
  }));
}

/**
 * Whether something kept at `kept` may still be served at `now` on `db`: never once a rewrite was noted since (or an
 * article removed or restored); else under the rule of the list counts (`stillServes`: the store unchanged, or
 * changed by another connection at most the connection's allowance ago), or, on a connection with an allowance,
 * while other connections have only added rows since, at most `KEPT_WHILE_APPENDED_MS`. A write of the connection's
 * own always drops it.
 */
export function keptServes(db: Db, kept: KeptStamp, now: KeptStamp): boolean {
  // A noted rewrite drops it at once, allowance or not: the resolve numbers the rows it writes anew, so a kept item
  // of an entity's rowid would be shown for whichever entity holds that rowid now (another, out of the list's order).
  if (kept.stamp !== now.stamp) return false;
  const staleMs = staleAllowanceMs(db);
  if (stillServes(kept.version, kept.at, now.version, now.at, staleMs)) return true;
  return staleMs > 0 && now.at - kept.at <= KEPT_WHILE_APPENDED_MS && ownPart(kept.version) === ownPart(now.version);
}

/** The part of a store version this connection's own writes move (`storeVersionReader`). */
const ownPart = (v: string): string => v.slice(v.indexOf(':') + 1);

interface Kept {
  kept: KeptStamp;
  item: unknown;
  bytes: number;
  /** Kept or served since it was last passed over for eviction: it gets a second chance (`keptItems`). */
  used: boolean;
  id: string | number;
  /** Its list's items by id. */
  list: Map<string | number, Kept>;
}

interface Items {
  /** Each list's kept items by row id. */
  lists: Map<string, Map<string | number, Kept>>;
  /** Every kept item, oldest first: the order of eviction, bar second chances. */
  order: Set<Kept>;
  bytes: number;
}

const perDb = new WeakMap<Db, Items>();

function itemsOf(db: Db): Items {
  let c = perDb.get(db);
  if (!c) {
    c = { lists: new Map(), order: new Set(), bytes: 0 };
    perDb.set(db, c);
  }
  return c;
}

function remove(c: Items, e: Kept): void {
  e.list.delete(e.id);
  c.order.delete(e);
  c.bytes -= e.bytes;
}

/** Drop every item kept for `db` (a reader's connection when the server's own wrote: see `forgetCounts`). */
export function forgetKeptItems(db: Db): void {
  const c = itemsOf(db);
  c.lists.clear();
  c.order.clear();
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
  const now = keptStampNow(db);
  let byId = c.lists.get(list);
  if (!byId) {
    byId = new Map();
    c.lists.set(list, byId);
  }
  const out = new Array<T>(keys.length);
  const missing: K[] = [];
  const at: number[] = [];
  // Items kept by one page share its stamp: whether it still serves is asked once for a run of them.
  let stamp: KeptStamp | null = null;
  let serves = false;
  keys.forEach((k, i) => {
    const hit = byId.get(idOf(k));
    if (hit) {
      if (hit.kept !== stamp) {
        stamp = hit.kept;
        serves = keptServes(db, hit.kept, now);
      }
      if (serves) {
        hit.used = true;
        out[i] = hit.item as T;
        return;
      }
    }
    missing.push(k);
    at.push(i);
  });
  if (missing.length === 0) return out;
  const items = read(missing);
  items.forEach((item, j) => {
    out[at[j]!] = item;
    const id = idOf(missing[j]!);
    const bytes = stringBytes(list) + stringBytes(String(id)) + ENTRY_BYTES + sizeOf(item);
    const old = byId.get(id);
    if (old) remove(c, old);
    if (bytes > maxBytes) return;
    // Kept as served once: the page's own items are not the first to go when every older item was served since.
    const e: Kept = { kept: now, item, bytes, used: true, id, list: byId };
    byId.set(id, e);
    c.order.add(e);
    c.bytes += bytes;
  });
  // Past the bound, the oldest go first; one served since it was last passed over (or kept since) goes to the back
  // instead, once: a second chance (the clock algorithm), without moving an item on every page that serves it.
  for (const e of c.order) {
    if (c.bytes <= maxBytes) break;
    if (e.used) {
      e.used = false;
      c.order.delete(e);
      c.order.add(e);
    } else remove(c, e);
  }
  return out;
}
