import { rmSync } from 'node:fs';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/index.js';
import { encodeCursor } from '../store/index.js';
import { readRoutes } from './api.js';
import { exampleStore } from './test-store.js';

type Step = { id: number; parent: number; detail: string };

let dir: string;
let db: Db;
/** Every statement the routes ran (normalized SQL), with the arguments of its first run and the URLs that ran it. */
const runs = new Map<string, { args: unknown[]; urls: Set<string> }>();
let current = '';

beforeAll(async () => {
  const s = await exampleStore('plans');
  dir = s.dir;
  db = s.db;
  const prepare = db.prepare.bind(db);
  // Record each statement as it is run (the routes keep their statements, so a wrapper on `prepare` sees them all).
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const st = prepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['all', 'get', 'iterate']) {
      const f = st[m]!.bind(st);
      st[m] = (...args: unknown[]) => {
        const key = sql.replace(/\s+/g, ' ').trim();
        if (!runs.has(key)) runs.set(key, { args, urls: new Set() });
        runs.get(key)!.urls.add(current);
        return f(...args);
      };
    }
    return st;
  };
  const app = new Hono().route('/api', readRoutes(db));
  const one = (sql: string): string => String(prepare(sql).pluck().get());
  const actor = one('SELECT id FROM entities ORDER BY mentions DESC LIMIT 1');
  const outlet = encodeURIComponent(one('SELECT outlet FROM articles WHERE outlet IS NOT NULL LIMIT 1'));
  const cursors: Record<string, string> = {
    articles: encodeCursor('articles', prepare('SELECT published, seq FROM articles').raw().get() as never),
    entities: encodeCursor('entities', prepare('SELECT mentions, name, rowid FROM entities').raw().get() as never),
    events: encodeCursor('events', prepare('SELECT date, id FROM events WHERE date IS NOT NULL').raw().get() as never),
    quotes: encodeCursor('quotes', prepare('SELECT article_seq, idx FROM quotes').raw().get() as never),
    claims: encodeCursor('claims', [1, 0]),
  };
  cursors.timeline = cursors.events!;
  const urls: string[] = [];
  for (const list of ['articles', 'entities', 'events', 'quotes', 'claims', 'timeline'])
    urls.push(`/api/${list}?offset=3&limit=5`, `/api/${list}?cursor=${cursors[list]}&limit=5`);
  for (const list of ['articles', 'events', 'quotes', 'claims', 'timeline'])
    for (const f of [`actor=${actor}`, `outlet=${outlet}`]) urls.push(`/api/${list}?${f}&limit=5`);
  for (const url of urls) {
    current = url;
    const res = await app.request(`http://127.0.0.1${url}`);
    expect(res.status, url).toBe(200);
  }
  current = '';
}, 300_000);

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const planOf = (sql: string, args: unknown[]): Step[] => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Step[];
/** The walks of a page's keys (a list's order, `LIMIT ?`) run by URLs matching `pattern`. */
const pages = (pattern: RegExp): Array<[string, { args: unknown[]; urls: Set<string> }]> =>
  [...runs].filter(
    ([sql, r]) =>
      /^SELECT (a|e|q|c|rowid)\b/.test(sql) &&
      /ORDER BY .* LIMIT \?/.test(sql) &&
      [...r.urls].some((u) => pattern.test(u)),
  );
/** The reads of a page's rows by their keys (the rows not kept already: `keptItems`). */
const rowReads = (): Array<[string, { args: unknown[]; urls: Set<string> }]> =>
  [...runs].filter(([sql]) => /FROM json_each\(\?\) j CROSS JOIN/.test(sql));

describe('list pages read off indexes', () => {
  it("read a page's keys off an index and then only its rows: no statement sorts rows", () => {
    const all = pages(/./);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const reads = rowReads();
    // Articles, entities, events (and the timeline), quotes, claims.
    expect(reads.length).toBeGreaterThanOrEqual(5);
    for (const [sql, r] of reads)
      expect(
        planOf(sql, r.args).filter((p) => /TEMP B-TREE/.test(p.detail)),
        sql,
      ).toEqual([]);
    // A walk reads keys only (index columns: what a sort it needs to order a filter's set sorts is keys, never a
    // row of the list).
    const KEY = /^(?:\w+\.)?(?:rowid|seq|published|date|id|mentions|name|article_seq|idx)(?: AS "?\w+"?)?$/;
    for (const [sql] of all) {
      const columns = /^SELECT (.*?) FROM /.exec(sql)![1]!.split(/\s*,\s*/);
      for (const c of columns) expect(c, sql).toMatch(KEY);
    }
  });

  it('sort nothing at all on an unfiltered page, by offset or by cursor', () => {
    const unfiltered = pages(/^\/api\/\w+\?(offset|cursor)=/);
    expect(unfiltered.length).toBeGreaterThanOrEqual(6);
    for (const [sql, r] of unfiltered)
      expect(
        planOf(sql, r.args).filter((p) => /TEMP B-TREE/.test(p.detail)),
        sql,
      ).toEqual([]);
  });

  it("walk a covering index for a filtered page's keys: no row of the list read but the page's", () => {
    const filtered = pages(/(actor|outlet)=/);
    expect(filtered.length).toBeGreaterThanOrEqual(5);
    const alias: Record<string, string> = { articles: 'a', events: 'e', timeline: 'e', quotes: 'q', claims: 'c' };
    for (const [sql, r] of filtered) {
      const plan = planOf(sql, r.args);
      const list = /^\/api\/(\w+)/.exec([...r.urls][0]!)![1]!;
      // The keys' walk: its steps on the list's own table (the rows of the page are read after it, by their keys).
      const own = new RegExp(`^(SEARCH|SCAN) ${alias[list]} `);
      const walk = plan.filter((p) => own.test(p.detail));
      expect(walk.length, sql).toBeGreaterThan(0);
      for (const p of walk) expect(p.detail, sql).toMatch(/COVERING INDEX|INTEGER PRIMARY KEY/);
    }
  });
});
