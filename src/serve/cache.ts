import type { Db } from '../store/index.js';

/** Writes through the server's own connection (a correction and its resolve), which `data_version` does not see. */
const ownWrites = new WeakMap<Db, number>();

/** Tell the caches of `db` that this connection changed the store. */
export function storeChanged(db: Db): void {
  ownWrites.set(db, (ownWrites.get(db) ?? 0) + 1);
}

/**
 * Answers kept while the store does not change: each entry is stamped with the store's `data_version`, which
 * moves whenever another connection (an analysis, a Sources job, `sitrep watch`) commits, and with the count of
 * this connection's own writes (`storeChanged`). Least recently used entries go first once `size` are kept.
 */
export class StoreCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(
    private readonly db: Db,
    private readonly size: number,
  ) {}

  version(): string {
    return `${this.db.pragma('data_version', { simple: true }) as number}:${ownWrites.get(this.db) ?? 0}`;
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  get(key: string, make: () => T): T {
    const version = this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = make();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
