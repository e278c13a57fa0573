import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { exampleStore } from './test-store.js';
import { listExportRoutes } from './list-export.js';
import { csvLine, quoteRow } from './list-rows.js';

let db: Db;
let app: ServedApp;
/** The export routes alone, reading 7 rows per step so that every list crosses many page boundaries. */
let small: Hono;

beforeAll(async () => {
  ({ db } = await exampleStore('list-export'));
  app = createApp(db);
  small = new Hono().route('/api/export', listExportRoutes(db, 7));
}, 120_000);

afterAll(() => {
  app?.stopWorkers();
  db?.close();
});

const json = async (path: string): Promise<any> => (await app.request(path)).json();

/** A CSV body's records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function records(csv: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return out;
}

describe('whole-list export', () => {
  it('streams every quote the filter selects, as the page export writes them, across pages', async () => {
    const speakers = await json('/api/quotes/speakers?limit=5');
    const speaker = speakers.items.find((s: { id: string | null }) => s.id)!;
    const list = await json(`/api/quotes?actor=${speaker.id}&limit=500`);
    expect(list.total).toBeGreaterThan(7);
    const res = await small.request(`/api/export/quotes?format=json&actor=${speaker.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-rows')).toBe(String(list.total));
    const rows = await res.json();
    expect(rows).toEqual(list.items.map(quoteRow));

    const csv = await (await small.request(`/api/export/quotes?format=csv&actor=${speaker.id}`)).text();
    const recs = records(csv);
    expect(recs[0]).toEqual(Object.keys(quoteRow(list.items[0])));
    expect(recs.slice(1).map((r) => r[0])).toEqual(list.items.map((q: { id: string }) => q.id));
  });

  it('exports the whole timeline, dated events oldest first and then the undated ones', async () => {
    const page = await json('/api/timeline?limit=1000');
    const rows = await (await small.request('/api/export/timeline?format=json')).json();
    expect(rows).toHaveLength(page.total + page.undated);
    const dated = rows.filter((r: { date: string | null }) => r.date !== null);
    expect(dated.map((r: { date: string }) => r.date)).toEqual([...dated.map((r: { date: string }) => r.date)].sort());
    expect(rows.slice(dated.length).every((r: { date: string | null }) => r.date === null)).toBe(true);
    const typed = await (await small.request('/api/export/timeline?format=json&type=SANCTION')).json();
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.length).toBeLessThan(rows.length);
    for (const r of typed) expect(r.type).toBe('SANCTION');
  });

  it('exports articles and claims by the same facets as their lists, and an empty selection as an empty list', async () => {
    const outlet = (await json('/api/outlets')).items[0].outlet as string;
    const articles = await json(`/api/articles?outlet=${encodeURIComponent(outlet)}&limit=500`);
    const rows = await (
      await small.request(`/api/export/articles?format=json&outlet=${encodeURIComponent(outlet)}`)
    ).json();
    expect(rows.map((r: { id: string }) => r.id)).toEqual(articles.items.map((a: { id: string }) => a.id));
    const claims = await json('/api/claims?stance=denies&limit=500');
    const denials = await (await small.request('/api/export/claims?format=json&stance=denies')).json();
    expect(denials).toHaveLength(claims.total);
    expect(await (await small.request('/api/export/claims?format=json&story=none')).json()).toEqual([]);
    expect(await (await small.request('/api/export/claims?format=csv&story=none')).text()).toBe('');
  });

  it('refuses an unknown list, format or facet value with a message', async () => {
    expect((await app.request('/api/export/entities')).status).toBe(404);
    const bad = await app.request('/api/export/quotes?format=xlsx');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/csv or json/);
    expect((await app.request('/api/export/quotes?from=soon')).status).toBe(400);
  });

  it('writes CSV cells a spreadsheet would run as formulas as text, numbers as numbers', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@a', 'plain, with comma', -3, null, true])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@a,"plain, with comma",-3,,true`,
    );
  });
});
