import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, eventPage, eventPageJson, type Facets, NO_FACETS } from '../store/index.js';
import { readRoutes } from './api.js';
import { exampleStore } from './test-store.js';

let db: Db;

beforeAll(async () => {
  ({ db } = await exampleStore('event-json'));
}, 120_000);

afterAll(() => db?.close());

/** A page's items as `c.json` wrote them before: each item of `eventPage` serialized. */
const asObjects = (offset: number, limit: number, f: Facets = NO_FACETS, cursor?: string) =>
  eventPage(db, offset, limit, f, cursor).items.map((e) => JSON.stringify(e));

describe('the events page built from items kept serialized per row', () => {
  it('gives each item byte for byte as the page object does, cold and kept, at every offset and with facets', () => {
    const total = eventPage(db, 0, 1).total;
    expect(total).toBeGreaterThan(10);
    const facets: Facets[] = [NO_FACETS, { ...NO_FACETS, quad: 'conflictual' }, { ...NO_FACETS, from: '2000' }];
    for (const pass of [1, 2])
      for (const f of facets)
        for (const offset of [0, 1, 5, total - 3, total, total + 2])
          for (const limit of [1, 7, 50]) {
            const page = eventPageJson(db, offset, limit, f);
            const objects = eventPage(db, offset, limit, f);
            expect(page.items, `pass ${pass} ${offset}/${limit}`).toEqual(asObjects(offset, limit, f));
            expect({ ...page, items: null }).toEqual({ ...objects, items: null });
          }
  });

  it('serves a row rewritten in place as it now reads (SQLite’s own JSON, not JSON.stringify’s, included)', () => {
    const id = db.prepare('SELECT id FROM events WHERE date IS NOT NULL ORDER BY date, id LIMIT 1').pluck().get();
    const before = eventPageJson(db, 0, 5).items;
    db.prepare("UPDATE events SET data = json_set(data, '$.location', 'Nowhere', '$.extra', 1.50) WHERE id = ?").run(
      id,
    );
    const after = eventPageJson(db, 0, 5).items;
    expect(after).not.toEqual(before);
    expect(after).toEqual(asObjects(0, 5));
    expect(JSON.parse(after[0]!).location).toBe('Nowhere');
  });

  it('is what the route answers, by offset and by cursor, and a bad cursor is a 400', async () => {
    const app = new Hono().route('/api', readRoutes(db));
    const first = await app.request('/api/events?offset=2&limit=4&quad=conflictual');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await first.text()).toBe(
      JSON.stringify({ offset: 2, limit: 4, ...eventPage(db, 2, 4, { ...NO_FACETS, quad: 'conflictual' }) }),
    );
    const next = eventPage(db, 0, 3).next!;
    const byCursor = await app.request(`/api/events?cursor=${next}&limit=3`);
    expect(await byCursor.text()).toBe(
      JSON.stringify({ cursor: next, limit: 3, ...eventPage(db, 0, 3, NO_FACETS, next) }),
    );
    const bad = await app.request('/api/events?cursor=nonsense');
    expect(bad.status).toBe(400);
  });
});
