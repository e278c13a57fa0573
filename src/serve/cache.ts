import type { Db } from '../store/index.js';

/**
 * Answers kept while the store does not change: each entry is stamped with the store's `data_version`, which
 * moves whenever another connection (an analysis, a Sources job, `sitrep watch`) commits. Least recently used
 * entries go first once `size` are kept.
 */
export class StoreCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly db: Db,
    private readonly size: number,
  ) {}

  version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
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
