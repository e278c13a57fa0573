import { ENTRY_BYTES, stringBytes } from './bytes.js';
import type { Db } from './db.js';

/**
 * Row counts of the list pages, kept while the store does not change. A count costs a scan of an index range
 * (the undated events, the claims outside any group: tens of ms on a large store), and every page of a list
 * repeats it. The store's version is its `data_version` (moved by other connections' commits) and this
 * connection's `total_changes()`. A reader that accepts counts somewhat older than the store (`allowStaleCounts`;
 * the server, while an ingest commits an article every few ms) keeps a count for that long after a change.
 */
interface Counts {
  version: { get(): unknown };
  staleMs: number;
  entries: Map<string, { version: string; at: number; n: number }>;
  /** Bytes of the kept entries (`countBytes`). */
  bytes: number;
}

/**
 * The store's version as `data_version:total_changes()`: the first part moves on other connections' commits (an
 * ingest), the second on this connection's own (a correction and its resolve made by the server).
 */
export function storeVersionReader(db: Db): { get(): unknown } {
  const read = db.prepare("SELECT (SELECT data_version FROM pragma_data_version()) || ':' || total_changes()").pluck();
  return {
    get: () => {
      const scope = scopes.get(db);
      if (scope === undefined) return read.get();
      if (scope.version === undefined) scope.version = read.get() as string;
      return scope.version;
    },
  };
}

/** What a read scope has read once (`newReadScope`). */
interface ReadScope {
  version?: string;
  /** Anything else read once a scope, by name (`inReadScope`). */
  kept: Map<string, unknown>;
}

const scopes = new WeakMap<Db, ReadScope>();

/**
 * Start a new read scope on a read-only connection: until the next one, the store's version (`storeVersionReader`)
 * and what `inReadScope` is asked are read once. A reader thread of `serve` opens one per request, whose page asks
 * for the version several times (its counts, its kept items); a connection without scopes reads each time. Only for
 * a connection that does not write: its own writes would not move a version read before them.
 */
export function newReadScope(db: Db): void {
  if (!db.readonly) throw new Error('a read scope is for a read-only connection');
  scopes.set(db, { kept: new Map() });
}

/** `read()`, once per read scope under `name` (`newReadScope`); every time on a connection without scopes. */
export function inReadScope<T>(db: Db, name: string, read: () => T): T {
  const scope = scopes.get(db);
  if (scope === undefined) return read();
  if (!scope.kept.has(name)) scope.kept.set(name, read());
  return scope.kept.get(name) as T;
}

/**
 * Whether something kept at `version` (made at time `at`) may still be served at `now` under store version `current`:
 * when the store has not changed, or when only other connections wrote and it is at most `staleMs` old. A write of
 * this connection's own always invalidates it, so a reader sees its own correction at once.
 */
export function stillServes(version: string, at: number, current: string, now: number, staleMs: number): boolean {
  if (version === current) return true;
  const own = (v: string): string => v.slice(v.indexOf(':') + 1);
  return now - at <= staleMs && own(version) === own(current);
}

const perDb = new WeakMap<Db, Counts>();
/** Distinct counts kept per store (a count per list, per type filter and per actor). */
const MAX_COUNTS = 10_000;
/**
 * Bytes of kept counts per connection: each key is a count's SQL and its arguments (~0.3–1 KB at two bytes a
 * character), so 10,000 of them could hold ~10–20 MB; the oldest go first past this.
 */
export const COUNT_CACHE_BYTES = 4_000_000;
const countBytes = (key: string, version: string): number => stringBytes(key) + stringBytes(version) + ENTRY_BYTES;

function countsOf(db: Db): Counts {
  let c = perDb.get(db);
  if (!c) {
    c = {
      version: storeVersionReader(db),
      staleMs: 0,
      entries: new Map(),
      bytes: 0,
    };
    perDb.set(db, c);
  }
  return c;
}

/** Let counts on `db` be up to `ms` older than the store (default 0: exact). */
export function allowStaleCounts(db: Db, ms: number): void {
  countsOf(db).staleMs = ms;
}

/** How much older than the store what `db` keeps for its lists may be, ms (`allowStaleCounts`; 0: exact). */
export function staleAllowanceMs(db: Db): number {
  return countsOf(db).staleMs;
}

/**
 * Drop every count kept for `db`. A reader on its own connection calls it when the server's connection wrote (a
 * correction): to this connection that write looks like anyone else's, which a stale count would outlive.
 */
export function forgetCounts(db: Db): void {
  const c = countsOf(db);
  c.entries.clear();
  c.bytes = 0;
}

/** `SELECT COUNT(*) …` (any query whose first column is the count), from the memo when it still holds. */
export function countRows(db: Db, sql: string, ...args: unknown[]): number {
  const c = countsOf(db);
  const key = args.length ? `${sql}\u0000${JSON.stringify(args)}` : sql;
  const version = c.version.get() as string;
  const now = performance.now();
  const hit = c.entries.get(key);
  if (hit && stillServes(hit.version, hit.at, version, now, c.staleMs)) return hit.n;
  const n = Number(
    db
      .prepare(sql)
      .pluck()
      .get(...args),
  );
  if (hit) {
    c.entries.delete(key);
    c.bytes -= countBytes(key, hit.version);
  }
  c.entries.set(key, { version, at: now, n });
  c.bytes += countBytes(key, version);
  for (const [k, e] of c.entries) {
    if (c.entries.size <= MAX_COUNTS && c.bytes <= COUNT_CACHE_BYTES) break;
    c.entries.delete(k);
    c.bytes -= countBytes(k, e.version);
  }
  return n;
}

/**
 * How far a list page counts its rows: past this many, `total` says this many and `totalCapped` is true (the list
 * holds at least that many; its pages still reach every row, and `next` says whether more follow). Counting a whole
 * filtered table per page (a million events) cost more than the page itself.
 */
export const TOTAL_CAP = 10_000;

/** A list's row count, exact up to its cap. */
export interface CappedCount {
  n: number;
  capped: boolean;
}

/**
 * The rows `select` (a `SELECT 1 FROM … WHERE …`) gives, counted up to `cap` (`Infinity`: exact): at most `cap + 1`
 * rows are stepped over, off whichever index the query's WHERE uses. Kept like `countRows`.
 */
export function countCapped(db: Db, select: string, args: unknown[], cap = TOTAL_CAP): CappedCount {
  if (!Number.isFinite(cap)) return { n: countRows(db, `SELECT COUNT(*) FROM (${select})`, ...args), capped: false };
  const n = countRows(db, `SELECT COUNT(*) FROM (${select} LIMIT ${Math.floor(cap) + 1})`, ...args);
  return n > cap ? { n: Math.floor(cap), capped: true } : { n, capped: false };
}
