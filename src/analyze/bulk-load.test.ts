import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFERRABLE_INDEXES,
  articleWriter,
  beginBulkLoad,
  openDb,
  search,
  writeJsonExport,
  type Db,
} from '../store/index.js';
import { createDoc, textArticle } from '../model/index.js';
import { analyzePaths } from './run.js';

const DUMP = new URL('../../examples/dump-harbour/harbour-crisis.txt', import.meta.url).pathname;
const SECOND = new URL('../../examples/dump-second/doping-inquiry.txt', import.meta.url).pathname;
const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'sitrep-bulk-')), 'test.db');

function indexNames(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").pluck().all() as string[]
  ).filter((n) => DEFERRABLE_INDEXES.some((ix) => ix.name === n));
}

async function exportOf(path: string): Promise<string> {
  const db = openDb(path, { readonly: true });
  let out = '';
  await writeJsonExport(db, (chunk) => {
    out += chunk;
  });
  db.close();
  return out;
}

/** Whether the deferrable indexes exist, seen from a second connection after each stored batch. */
function watcher(path: string): { seen: boolean[]; onProgress: () => void } {
  const seen: boolean[] = [];
  return {
    seen,
    onProgress: () => {
      const db = openDb(path, { readonly: true });
      seen.push(indexNames(db).length === DEFERRABLE_INDEXES.length);
      db.close();
    },
  };
}

describe('bulk load', () => {
  it('stores the same corpus with indexes deferred as without, and ends with every index built', async () => {
    const bulkPath = tmp();
    const plainPath = tmp();
    const watch = watcher(bulkPath);
    const bulk = await analyzePaths([DUMP], bulkPath, {
      threads: 0,
      bulkLoadMin: 3,
      batchSize: 2,
      onProgress: watch.onProgress,
    });
    const plain = await analyzePaths([DUMP], plainPath, { threads: 0, bulkLoadMin: Number.POSITIVE_INFINITY });
    expect(bulk.added).toBeGreaterThan(3);
    expect(bulk.added).toBe(plain.added);
    expect(watch.seen).toContain(false);
    const db = openDb(bulkPath, { readonly: true });
    expect(indexNames(db)).toEqual(DEFERRABLE_INDEXES.map((ix) => ix.name).sort());
    db.close();
    expect(await exportOf(bulkPath)).toBe(await exportOf(plainPath));
    // The full-text index was rebuilt at the end: same hits, same order.
    const hits = (path: string): string[] => {
      const d = openDb(path, { readonly: true });
      const ids = search(d, 'harbour').items.map((h) => h.id);
      d.close();
      return ids;
    };
    expect(hits(bulkPath).length).toBeGreaterThan(0);
    expect(hits(bulkPath)).toEqual(hits(plainPath));
  });

  it('a run that adds fewer articles than the store holds keeps its indexes throughout', async () => {
    const path = tmp();
    const first = await analyzePaths([DUMP], path, { threads: 0 });
    const watch = watcher(path);
    const second = await analyzePaths([SECOND], path, {
      threads: 0,
      bulkLoadMin: 1,
      batchSize: 2,
      onProgress: watch.onProgress,
    });
    expect(second.added).toBeGreaterThan(0);
    expect(second.added).toBeLessThan(first.added);
    expect(watch.seen.length).toBeGreaterThan(0);
    expect(watch.seen.every(Boolean)).toBe(true);
  });
  it('opening a store finishes a bulk load whose process is gone, and leaves a running one alone', () => {
    const path = tmp();
    const db = openDb(path);
    beginBulkLoad(db);
    const raw = textArticle('Ferry crews walked out on Monday.', 'test', { title: 'Ferry strike' });
    articleWriter(db).insert(createDoc('a1', raw));
    expect(indexNames(db)).toEqual([]);
    expect(search(db, 'ferry').total).toBe(0);
    // This process is alive, so the load is still running: a second writer (say `sitrep serve`) leaves it be.
    const beside = openDb(path);
    expect(indexNames(beside)).toEqual([]);
    beside.close();
    // The load's process dies (a pid that has exited stands for it).
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    db.prepare("UPDATE meta SET value = ? WHERE key = 'bulk_load'").run(String(dead));
    db.close();
    const reopened = openDb(path);
    expect(indexNames(reopened)).toHaveLength(DEFERRABLE_INDEXES.length);
    expect(search(reopened, 'ferry').items.map((h) => h.id)).toEqual(['a1']);
    expect(reopened.prepare("SELECT 1 FROM meta WHERE key = 'bulk_load'").get()).toBeUndefined();
    reopened.close();
  });
});
