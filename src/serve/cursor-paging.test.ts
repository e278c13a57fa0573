import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, encodeCursor } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { exampleStore, getJson } from './test-store.js';

let db: Db;
let app: ServedApp;

beforeAll(async () => {
  ({ db } = await exampleStore('cursor'));
  // Undated rows sort last in articles and events: make sure both lists have some, so the walks cross from the
  // dated range into the undated one.
  db.exec(`UPDATE articles SET published = NULL WHERE seq IN (SELECT seq FROM articles ORDER BY seq DESC LIMIT 3)`);
  db.exec(
    `UPDATE events SET date = NULL, data = json_set(data, '$.date', NULL) WHERE rowid IN (SELECT rowid FROM events ORDER BY rowid LIMIT 4)`,
  );
  app = createApp(db);
}, 120_000);

afterAll(() => {
  app?.stopWorkers();
  db?.close();
});

const json = (path: string) => getJson(app, path);

/** A timeline page's events in order (days, then the undated group of the last page). */
const timelineItems = (b: any): unknown[] => [...b.days.flatMap((d: any) => d.events), ...(b.undatedEvents ?? [])];
const itemsOf = (list: string, b: any): unknown[] => (list.startsWith('/api/timeline') ? timelineItems(b) : b.items);

/** Every page of a list by offset, and by following `next`. */
async function walks(
  path: string,
  limit: number,
): Promise<{ byOffset: unknown[]; byCursor: unknown[]; pages: number }> {
  const sep = path.includes('?') ? '&' : '?';
  const byOffset: unknown[] = [];
  const first = await json(`${path}${sep}limit=${limit}`);
  expect(first.status).toBe(200);
  const total: number = first.body.total;
  for (let offset = 0; offset < total; offset += limit) {
    const p = await json(`${path}${sep}offset=${offset}&limit=${limit}`);
    byOffset.push(...itemsOf(path, p.body));
  }
  const byCursor: unknown[] = [];
  let pages = 0;
  let body = first.body;
  for (;;) {
    pages++;
    byCursor.push(...itemsOf(path, body));
    if (body.next === null) break;
    const p = await json(`${path}${sep}cursor=${encodeURIComponent(body.next)}&limit=${limit}`);
    expect(p.status).toBe(200);
    expect(p.body.cursor).toBe(body.next);
    expect(p.body.offset).toBeUndefined();
    body = p.body;
  }
  return { byOffset, byCursor, pages };
}

describe('keyset paging (cursor)', () => {
  const lists = [
    '/api/articles',
    '/api/entities',
    '/api/events',
    '/api/quotes',
    '/api/claims',
    '/api/timeline',
    '/api/events?quad=conflictual',
    '/api/articles?from=2000',
  ];
  for (const list of lists) {
    it(`gives exactly the rows offset paging gives: ${list}`, async () => {
      const { body } = await json(list);
      const total: number = body.total;
      // Pages small enough that the walk takes several of them.
      const limit = Math.max(1, Math.floor(total / 5));
      const { byOffset, byCursor, pages } = await walks(list, limit);
      expect(total).toBeGreaterThan(4);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(byCursor).toEqual(byOffset);
      if (!list.startsWith('/api/timeline')) expect(byCursor).toHaveLength(total);
    });
  }

  it('crosses from dated into undated rows', async () => {
    const articles = (await walks('/api/articles', 2)).byCursor as Array<{ published: string | null }>;
    expect(articles.at(-1)!.published).toBeNull();
    const undated = articles.filter((a) => a.published === null).length;
    expect(undated).toBeGreaterThanOrEqual(3);
    expect(articles.findIndex((a) => a.published === null)).toBe(articles.length - undated);
    const events = (await walks('/api/events', 3)).byCursor as Array<{ date: string | null }>;
    const undatedEvents = events.filter((e) => e.date === null).length;
    expect(undatedEvents).toBeGreaterThanOrEqual(4);
    expect(events.slice(-undatedEvents).every((e) => e.date === null)).toBe(true);
  });

  it('answers the last page with next null, and every other page with a next', async () => {
    const { body: all } = await json('/api/quotes?limit=500');
    expect(all.next).toBeNull();
    const { body: one } = await json('/api/quotes?limit=1');
    expect(typeof one.next).toBe('string');
  });

  it('refuses a cursor it did not make, another list’s cursor, and a cursor beside an offset', async () => {
    expect((await json('/api/articles?cursor=not-a-cursor')).status).toBe(400);
    expect((await json('/api/articles?cursor=%%%')).status).toBe(400);
    const events = encodeCursor('events', ['2024-01-01', 'evt_x']);
    const bad = await json(`/api/articles?cursor=${events}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/cursor/);
    const { body } = await json('/api/articles?limit=2');
    expect((await json(`/api/articles?offset=2&cursor=${body.next}`)).status).toBe(400);
    // A cursor with a key of the wrong type.
    expect((await json(`/api/quotes?cursor=${encodeCursor('quotes', ['x', 1] as never)}`)).status).toBe(400);
  });
});
