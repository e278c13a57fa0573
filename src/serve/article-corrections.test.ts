import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../analyze/index.js';
import type { Correction, ExportData } from '../model/index.js';
import { openDb, writeCsvExport, writeJsonExport, type Db } from '../store/index.js';
import { createApp, type ServedApp } from './app.js';
import { MERGED_DUMP } from './test-merged-dump.js';
import { postJson } from './test-store.js';
import { storeToken } from './token.js';

/** The second dump is another source (written for this test). */
const DUMP_B = `Council approves new sea walls

The regional council approved money for new sea walls on Monday after flooding in three villages.

Source: https://other.example.net/2024/03/11/sea-walls
`;

let dir: string;
let dumps: string;
let dbPath: string;
let db: Db;
let app: ServedApp;
let headers: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-article-api-'));
  dumps = join(dir, 'dumps');
  mkdirSync(dumps);
  writeFileSync(join(dumps, 'a.txt'), MERGED_DUMP);
  writeFileSync(join(dumps, 'b.txt'), DUMP_B);
  dbPath = join(dir, 'store.db');
  await analyzePaths([dumps], dbPath, { threads: 0 });
  db = openDb(dbPath);
  app = createApp(db);
  headers = { 'content-type': 'application/json', 'x-sitrep-token': storeToken(db) };
}, 120_000);

afterAll(() => {
  app?.stopWorkers();
  db?.close();
});

const post = (path: string, body: unknown) => postJson(app, headers, path, body);

async function article(id: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await app.request(`/api/articles/${id}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const idStarting = (title: string): string =>
  db.prepare("SELECT id FROM articles WHERE title LIKE ? || '%'").pluck().get(title) as string;

describe('article corrections through the API', () => {
  let merged: Record<string, any>;
  let offset: number;
  let split: Correction;
  let parts: string[];

  it('tells the reader where an article may be split and which article comes next in its source', async () => {
    merged = (await article(idStarting('Ferry crews end strike'))).body;
    offset = merged.text.indexOf('The navy of Westmark');
    expect(offset).toBeGreaterThan(0);
    expect(merged.splitAt).toContain(offset);
    expect(merged.splitAt).not.toContain(0);
    expect(merged.nextInSource).toBe(idStarting('Quarry workers'));
    expect((await article(idStarting('Quarry workers'))).body.nextInSource).toBeNull();
    expect((await article(idStarting('Council approves'))).body.nextInSource).toBeNull();
  });

  it('needs the token and says what is wrong with a split or join', async () => {
    const res = await app.request('/api/corrections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'article.split', id: merged.id, offset }),
    });
    expect(res.status).toBe(401);
    const bad = async (body: unknown, message: RegExp) => {
      const r = await post('/api/corrections', body);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatch(message);
    };
    await bad({ kind: 'article.split', id: merged.id, offset: offset + 3 }, /not at the start of a paragraph/);
    await bad({ kind: 'article.split', id: merged.id, offset: 0 }, /not at the start of a paragraph/);
    await bad({ kind: 'article.split', id: merged.id, offset: merged.text.length }, /not at the start/);
    await bad({ kind: 'article.split', id: merged.id, offset: '12' }, /whole number/);
    await bad({ kind: 'article.split', id: 'no-such-article', offset }, /no such article/);
    await bad({ kind: 'article.join', ids: [merged.id] }, /two different article ids/);
    await bad({ kind: 'article.join', ids: [merged.id, merged.id] }, /two different article ids/);
    await bad({ kind: 'article.join', ids: [merged.id, 'nope'] }, /no such article: nope/);
    await bad({ kind: 'article.join', ids: [merged.id, idStarting('Council approves')] }, /one source/);
    await bad({ kind: 'article.join', ids: [idStarting('Quarry workers'), merged.id] }, /not the article after/);
    // A body over the API's limit is refused unread.
    const big = await app.request('/api/corrections', {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'article.split', id: merged.id, offset, note: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    expect(db.prepare('SELECT COUNT(*) FROM corrections').pluck().get()).toBe(0);
  });

  it('splits the article: the old one is gone, the reader gets the new ones', async () => {
    const r = await post('/api/corrections', { kind: 'article.split', id: merged.id, offset, note: 'two reports' });
    expect(r.status).toBe(200);
    split = r.body.correction;
    parts = r.body.articleIds;
    expect(split.kind).toBe('article.split');
    expect(parts).toHaveLength(2);
    expect((await article(merged.id)).status).toBe(404);
    const [first, second] = [(await article(parts[0]!)).body, (await article(parts[1]!)).body];
    expect(first.title).toBe(merged.title);
    expect(first.text).toBe(merged.text.slice(0, offset).trimEnd());
    // No text lost: the second part's first line is its text's start, or its title when read as a headline.
    expect(second.text.startsWith(second.title) ? second.text : `${second.title}\n\n${second.text}`).toBe(
      merged.text.slice(offset),
    );
    // The Source line that closed the merged article was the second report's.
    expect([first.url, second.url]).toEqual([null, 'https://news.example.org/2024/03/07/navy-drills']);
    expect(first.nextInSource).toBe(parts[1]);
    expect(second.nextInSource).toBe(idStarting('Quarry workers'));
    // Facts of the second part are its own.
    expect(second.mentions.some((m: { text: string }) => m.text === 'Westmark')).toBe(true);
    // The events told by the new articles name the correction, in the export's events as in the CSV and PLOVER.
    expect(second.events.length).toBeGreaterThan(0);
    for (const e of second.events as Array<{ corrections?: number[] }>) expect(e.corrections).toEqual([split.id]);
    const csv: string[] = [];
    await writeCsvExport(db, (s) => void csv.push(s));
    expect(csv.join('').split('\n')[0]).toMatch(/,corrections\r?$/);
    expect(
      csv
        .join('')
        .split('\n')
        .filter((l) => new RegExp(`,${split.id}\\r?$`).test(l)).length,
    ).toBe(new Set([...first.events, ...second.events].map((e: { id: string }) => e.id)).size);
    expect(first.mentions.some((m: { text: string }) => m.text === 'Westmark')).toBe(false);
    const search = await (await app.request('/api/search?q=ambassador')).json();
    expect((search as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([parts[1]]);
    const listed = (await (await app.request('/api/corrections')).json()) as { items: Correction[] };
    expect(listed.items.map((c) => c.kind)).toEqual(['article.split']);
  });

  it('keeps the split through an analysis of the same dumps', async () => {
    const summary = await analyzePaths([dumps], dbPath, { threads: 0 });
    expect(summary.added).toBe(0);
    expect((await article(merged.id)).status).toBe(404);
    for (const id of parts) expect((await article(id)).status).toBe(200);
  });

  let join: Correction;

  it('joins the parts back with "join with next", and refuses to undo the split under the join', async () => {
    const r = await post('/api/corrections', { kind: 'article.join', ids: parts });
    expect(r.status).toBe(200);
    join = r.body.correction;
    const joined = (await article(r.body.articleIds[0])).body;
    expect(joined.text).toBe(merged.text);
    expect(joined.title).toBe(merged.title);
    for (const id of parts) expect((await article(id)).status).toBe(404);
    const undoSplit = await post(`/api/corrections/${split.id}/undo`, {});
    expect(undoSplit.status).toBe(409);
    expect(undoSplit.body.error).toMatch(new RegExp(`#${join.id}`));
  });

  it('exports both corrections with the others, and the articles as they are now', async () => {
    const chunks: string[] = [];
    await writeJsonExport(db, (s) => void chunks.push(s));
    const data = JSON.parse(chunks.join('')) as ExportData;
    expect(data.corrections!.map((c) => c.kind)).toEqual(['article.split', 'article.join']);
    expect(data.corrections![1]!.payload).toEqual({ articleIds: parts, joined: expect.any(String) });
    const ids = data.articles.map((a) => a.id);
    expect(ids).toContain((join.payload as { joined: string }).joined);
    expect(ids).not.toContain(merged.id);
  });

  it('undoes the join, then the split: the original article is back with its facts', async () => {
    const u1 = await post(`/api/corrections/${join.id}/undo`, {});
    expect(u1.status).toBe(200);
    expect(u1.body.articleIds).toEqual(parts);
    for (const id of parts) expect((await article(id)).status).toBe(200);
    // An undo that fails on the way (the original cannot be stored again) leaves the split in force, not
    // marked undone with its parts still there.
    db.exec(`CREATE TEMP TRIGGER no_restore BEFORE INSERT ON articles
             BEGIN SELECT RAISE(ABORT, 'the article cannot be stored'); END`);
    const failed = await app.request(`/api/corrections/${split.id}/undo`, { method: 'POST', headers, body: '{}' });
    db.exec('DROP TRIGGER no_restore');
    expect(failed.status).toBe(500);
    expect(db.prepare('SELECT undone_at FROM corrections WHERE id = ?').pluck().get(split.id)).toBeNull();
    for (const id of parts) expect((await article(id)).status).toBe(200);
    const u2 = await post(`/api/corrections/${split.id}/undo`, {});
    expect(u2.status).toBe(200);
    expect((await post(`/api/corrections/${split.id}/undo`, {})).status).toBe(409);
    const back = (await article(merged.id)).body;
    expect(back.text).toBe(merged.text);
    expect(back.mentions).toEqual(merged.mentions);
    expect(back.quotes).toEqual(merged.quotes);
    expect(back.events.map((e: { type: string }) => e.type)).toEqual(
      merged.events.map((e: { type: string }) => e.type),
    );
    for (const id of parts) expect((await article(id)).status).toBe(404);
    // The next analysis leaves the restored article as it is.
    const summary = await analyzePaths([dumps], dbPath, { threads: 0 });
    expect(summary.added).toBe(0);
  });
});
