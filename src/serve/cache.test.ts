import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../store/index.js';
import { StoreCache, storeChanged } from './cache.js';

let db: Db;
let writer: Db;

beforeAll(() => {
  const path = join(mkdtempSync(join(tmpdir(), 'sitrep-store-cache-')), 'cache.db');
  db = openDb(path);
  writer = openDb(path);
});

afterAll(() => {
  db?.close();
  writer?.close();
});

const text = (n: number): string => 'x'.repeat(n);

describe('StoreCache', () => {
  it('keeps at most maxWeight, the least recently used going first, and never an entry over it', () => {
    const cache = new StoreCache<string>(db, 1000, { weigh: (s) => s.length, maxWeight: 1000 });
    let runs = 0;
    const get = (key: string, n: number): string =>
      cache.get(key, () => {
        runs++;
        return text(n);
      });
    for (let i = 0; i < 50; i++) get(`k${i}`, 100);
    expect(cache.stats.weight).toBeLessThanOrEqual(1000);
    expect(cache.stats.entries).toBe(10);
    // The ten most recent are kept: asking them again runs nothing.
    const before = runs;
    for (let i = 40; i < 50; i++) get(`k${i}`, 100);
    expect(runs).toBe(before);
    // An older one was dropped.
    get('k0', 100);
    expect(runs).toBe(before + 1);
    // An answer heavier than the whole bound is answered, not kept, and evicts nothing.
    const kept = cache.stats;
    expect(get('huge', 5000)).toHaveLength(5000);
    expect(cache.stats).toEqual(kept);
    get('huge', 5000);
    expect(runs).toBe(before + 3);
  });

  it('keeps at most `size` entries whatever they weigh', () => {
    const cache = new StoreCache<string>(db, 3, { weigh: (s) => s.length, maxWeight: 1_000_000 });
    for (let i = 0; i < 10; i++) cache.get(`k${i}`, () => text(10));
    expect(cache.stats).toEqual({ entries: 3, weight: 30 });
    const plain = new StoreCache<number>(db, 3);
    for (let i = 0; i < 10; i++) plain.get(`k${i}`, () => i);
    expect(plain.stats.entries).toBe(3);
  });

  it('drops every entry once the store changes (another connection commits, or its own)', () => {
    const cache = new StoreCache<string>(db, 1000, { weigh: (s) => s.length, maxWeight: 1_000_000 });
    for (let i = 0; i < 20; i++) cache.get(`k${i}`, () => text(100));
    expect(cache.stats).toEqual({ entries: 20, weight: 2000 });
    writer.prepare('INSERT INTO feeds (url) VALUES (?)').run('https://feeds.example.test/a.xml');
    let ran = false;
    cache.get('k1', () => {
      ran = true;
      return text(7);
    });
    expect(ran).toBe(true);
    expect(cache.stats).toEqual({ entries: 1, weight: 7 });
    storeChanged(db);
    cache.get('k2', () => text(3));
    expect(cache.stats).toEqual({ entries: 1, weight: 3 });
  });
});
