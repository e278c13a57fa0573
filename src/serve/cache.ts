import type { Db } from '../store/index.js';

/** Writes through the server's own connection (a correction and its resolve), which `data_version` does not see. */
const ownWrites = new WeakMap<Db, number>();

/** Tell the caches of `db` that this connection changed the store. */
export function storeChanged(db: Db): void {
  ownWrites.set(db, (ownWrites.get(db) ?? 0) + 1);
}

export interface StoreCacheBound<T> {
  /** What an entry weighs with its key (e.g. the bytes of a serialized answer). */
  weigh: (value: T, key: string) => number;
  /** Total weight kept at most: least recently used entries go first; an entry heavier than this is not kept. */
  maxWeight: number;
}

/**
 * Answers kept while the store does not change: each entry is stamped with the store's `data_version`, which
 * moves whenever another connection (an analysis, a Sources job, `sitrep watch`) commits, and with the count of
 * this connection's own writes (`storeChanged`). Least recently used entries go first once `size` are kept (or,
 * with a `bound`, once they weigh more than its `maxWeight`). The version only moves forward, so once it has moved
 * every entry kept is dead: they are all dropped then, not left to age out (while an ingest commits, a full cache
 * of dead answers was memory held for nothing).
 */
export class StoreCache<T> {
  private readonly entries = new Map<string, { value: T; weight: number }>();
  private current = '';
  private weight = 0;

  constructor(
    private readonly db: Db,
    private readonly size: number,
    private readonly bound?: StoreCacheBound<T>,
  ) {}

  version(): string {
    return `${this.db.pragma('data_version', { simple: true }) as number}:${ownWrites.get(this.db) ?? 0}`;
  }

  /** Entries kept, and their total weight (0 without a `bound`). */
  get stats(): { entries: number; weight: number } {
    return { entries: this.entries.size, weight: this.weight };
  }

  drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.weight -= e.weight;
  }

  get(key: string, make: () => T): T {
    const version = this.version();
    if (version !== this.current) {
      this.entries.clear();
      this.weight = 0;
      this.current = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = make();
    // `make` may have read a newer store than `version` (a commit in between): kept under the older version, it is
    // dropped at the next look once the version has moved.
    const weight = this.bound ? this.bound.weigh(value, key) : 0;
    if (this.bound && weight > this.bound.maxWeight) return value;
    this.drop(key);
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [k] of this.entries) {
      if (this.entries.size <= this.size && (!this.bound || this.weight <= this.bound.maxWeight)) break;
      this.drop(k);
    }
    return value;
  }
}
