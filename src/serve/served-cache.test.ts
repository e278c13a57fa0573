import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/index.js';
import { textArticle } from '../model/index.js';
import { articleWriter, type Db, openDb } from '../store/index.js';
import { createApp } from './app.js';

let path: string;
let db: Db;
let ingest: Db;

/** Store an invented article through `on` (another connection stands for a running `sitrep analyze`). */
function store(on: Db, id: string, text: string): void {
  articleWriter(on).insert(
    analyzeArticle(textArticle(text, `${id}.txt`, { title: id, authors: [], paragraphs: [] }), id),
  );
}

beforeAll(() => {
  path = join(mkdtempSync(join(tmpdir(), 'sitrep-served-cache-')), 'store.db');
  db = openDb(path);
  ingest = openDb(path);
  store(ingest, 'ferry00000000001', 'The ferry to the island ran again on Monday after the storm.');
}, 60_000);

afterAll(() => {
  db?.close();
  ingest?.close();
});

/**
 * `on`, counting the statements it runs (`all`, `get`, `iterate`, `run`): an answer served from memory runs none
 * but the cache's check of the store's version.
 */
function counted(on: Db): { db: Db; runs: () => number } {
  let runs = 0;
  const statement = (st: object): object => {
    const proxy: object = new Proxy(st, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (prop === 'all' || prop === 'get' || prop === 'iterate' || prop === 'run') runs++;
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
  const db = new Proxy(on, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'prepare') return (sql: string) => statement(target.prepare(sql));
      return value.bind(target);
    },
  });
  return { db, runs: () => runs };
}

const ids = async (app: ReturnType<typeof createApp>): Promise<{ ids: string[]; etag: string | null }> => {
  const res = await app.request('http://127.0.0.1/api/articles?limit=50');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: Array<{ id: string }> };
  return { ids: body.items.map((a) => a.id), etag: res.headers.get('etag') };
};

describe('the served app’s answer cache under an ingest', () => {
  it('answers a repeated list from memory, and shows an article another connection stored once the bound has passed', async () => {
    const reads = counted(db);
    const app = createApp(reads.db, { responseCache: { staleMs: 0, maxStaleMs: 0 } });
    try {
      const first = await ids(app);
      expect(first.ids).toEqual(['ferry00000000001']);
      // Unchanged store: the same answer, from memory: the same tag, and no statement run but the version check.
      const before = reads.runs();
      expect(await ids(app)).toEqual(first);
      expect(reads.runs() - before).toBe(1);
      store(ingest, 'bridge0000000002', 'The new bridge over the river opened to traffic on Tuesday.');
      const stored = reads.runs();
      const after = await ids(app);
      expect(reads.runs() - stored).toBeGreaterThan(1);
      expect([...after.ids].sort()).toEqual(['bridge0000000002', 'ferry00000000001']);
      expect(after.etag).not.toBe(first.etag);
    } finally {
      app.stopWorkers();
    }
  });

  it('within the staleness bound, keeps the answer made before the ingest wrote', async () => {
    const app = createApp(db, { responseCache: { staleMs: 60_000, maxStaleMs: 0 } });
    try {
      const before = await ids(app);
      store(ingest, `tunnel${String(Date.now()).slice(-10)}`, 'The tunnel under the hill was closed for repairs.');
      expect(await ids(app)).toEqual(before);
    } finally {
      app.stopWorkers();
    }
  });
});
