import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelinePage, timelinePageJson } from '../analyze/index.js';
import { type Db, type Facets, NO_FACETS } from '../store/index.js';
import { readRoutes } from './api.js';
import { exampleStore } from './test-store.js';

let db: Db;

beforeAll(async () => {
  ({ db } = await exampleStore('timeline-json'));
}, 120_000);

afterAll(() => db?.close());

/** The answer the route gave before it was built as JSON: `c.json` of the page object. */
const asObject = (offset: number, limit: number, f: Facets = NO_FACETS) =>
  JSON.stringify(timelinePage(db, offset, limit, f));

describe('the timeline page built as JSON from kept entries', () => {
  it('is byte for byte the page object serialized, cold and kept, at every offset and with facets', () => {
    const total = timelinePage(db, 0, 1).total;
    expect(total).toBeGreaterThan(10);
    const facets: Facets[] = [NO_FACETS, { ...NO_FACETS, quad: 'conflictual' }, { ...NO_FACETS, from: '2000' }];
    for (const pass of [1, 2])
      for (const f of facets)
        for (const offset of [0, 1, 5, total - 3, total, total + 2])
          for (const limit of [1, 7, 50])
            expect(timelinePageJson(db, offset, limit, f), `pass ${pass} ${offset}/${limit}`).toBe(
              asObject(offset, limit, f),
            );
  });

  it('builds an entry again once its event row changes, and keeps a row whose fields clash as it would', () => {
    const id = db.prepare('SELECT id FROM events WHERE date IS NOT NULL ORDER BY date, id LIMIT 1').pluck().get();
    const before = timelinePageJson(db, 0, 5);
    // A row rewritten in place (as a resolve rewrites one): a new type gives it another headline.
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.type', 'THREATEN', '$.location', 'Nowhere') WHERE id = ?",
    ).run(id);
    const after = timelinePageJson(db, 0, 5);
    expect(after).not.toBe(before);
    expect(after).toBe(asObject(0, 5));
    expect(JSON.parse(after).days[0].events[0].location).toBe('Nowhere');
    // A row carrying a field of the entry's own (`sentence`): the entry's value wins, in the row's key order.
    db.prepare("UPDATE events SET data = json_set(data, '$.sentence', 'stale words') WHERE id = ?").run(id);
    const clash = timelinePageJson(db, 0, 5);
    expect(clash).toBe(asObject(0, 5));
    expect(JSON.parse(clash).days[0].events[0].sentence).not.toBe('stale words');
  });

  it('is what the route answers, offset, limit and all', async () => {
    const app = new Hono().route('/api', readRoutes(db));
    const res = await app.request('/api/timeline?offset=2&limit=4&quad=conflictual');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(
      JSON.stringify({ offset: 2, limit: 4, ...timelinePage(db, 2, 4, { ...NO_FACETS, quad: 'conflictual' }) }),
    );
    const bad = await app.request('/api/timeline?cursor=nonsense');
    expect(bad.status).toBe(400);
  });
});
