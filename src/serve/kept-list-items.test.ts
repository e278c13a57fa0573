import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveCorpus } from '../analyze/index.js';
import {
  allowStaleCounts,
  articlePage,
  articlePageJson,
  type Db,
  entityPage,
  entityPageJson,
  eventPage,
  eventPageJson,
  forgetKeptItems,
  type JsonListPage,
  KEPT_WHILE_APPENDED_MS,
  keptItemBytes,
  keptItems,
  keptStampNow,
  noteRowsRewritten,
  type ListPage,
  openDb,
  quotePage,
  quotePageJson,
} from '../store/index.js';
import { exampleStore } from './test-store.js';

let dir: string;
let path: string;
let db: Db;

beforeAll(async () => {
  const s = await exampleStore('kept-items');
  dir = s.dir;
  path = s.path;
  db = s.db;
});

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Pager = (db: Db, offset: number, limit: number, cursor?: string) => ListPage<unknown>;
type JsonPager = (db: Db, offset: number, limit: number, cursor?: string) => JsonListPage;
const LISTS: Array<[string, Pager, JsonPager]> = [
  [
    'articles',
    (d, o, l, c) => articlePage(d, o, l, undefined, c),
    (d, o, l, c) => articlePageJson(d, o, l, undefined, c),
  ],
  [
    'entities',
    (d, o, l, c) => entityPage(d, o, l, undefined, c),
    (d, o, l, c) => entityPageJson(d, o, l, undefined, c),
  ],
  ['quotes', (d, o, l, c) => quotePage(d, o, l, undefined, c), (d, o, l, c) => quotePageJson(d, o, l, undefined, c)],
  ['events', (d, o, l, c) => eventPage(d, o, l, undefined, c), (d, o, l, c) => eventPageJson(d, o, l, undefined, c)],
];

/** A JSON page as its parsed page would serialize: the same total, items and next. */
const asJson = (p: ListPage<unknown>): string => JSON.stringify(p);
const joined = (p: JsonListPage): string =>
  `{"total":${p.total},"totalCapped":${p.totalCapped},"items":[${p.items.join(',')}],"next":${JSON.stringify(p.next)}}`;

/** Items of 100 characters (200 bytes) read by key, and the keys each read was asked for. */
function itemReader(): { asked: number[][]; read: (keys: number[]) => string[]; size: (s: string) => number } {
  const asked: number[][] = [];
  const read = (keys: number[]) => {
    asked.push(keys);
    return keys.map((k) => `item ${k} `.padEnd(100, '.'));
  };
  return { asked, read, size: (s: string) => 2 * s.length };
}

describe('list pages from kept items', () => {
  it('give every page the rows and next a page read whole gives, by offset and by cursor, kept or not', () => {
    const reader = openDb(path, { readonly: true });
    try {
      for (const [name, whole, kept] of LISTS) {
        const total = whole(db, 0, 1).total;
        expect(total, name).toBeGreaterThan(10);
        // Twice: the first pass reads the rows, the second takes them kept (overlapping pages, other limits).
        for (let pass = 0; pass < 2; pass++)
          for (const limit of [1, 7, 50])
            for (let offset = 0; offset <= total; offset += 5)
              expect(joined(kept(reader, offset, limit)), `${name} ${offset} ${limit}`).toBe(
                asJson(whole(db, offset, limit)),
              );
        // A cursor walk through the whole list gives the pages of an offset walk.
        let cursor: string | undefined;
        let offset = 0;
        for (;;) {
          const page = kept(reader, 0, 6, cursor);
          expect(page.items, `${name} after ${offset}`).toEqual(kept(reader, offset, 6).items);
          if (page.next === null) break;
          cursor = page.next;
          offset += 6;
        }
        expect(offset + 6, name).toBeGreaterThanOrEqual(total);
      }
    } finally {
      reader.close();
    }
  });

  it("show another connection's change at once when exact, within the allowance on a server's reader", () => {
    const exact = openDb(path, { readonly: true });
    const lenient = openDb(path, { readonly: true });
    allowStaleCounts(lenient, 60_000);
    try {
      const first = JSON.parse(articlePageJson(exact, 0, 3).items[0]!) as { id: string; title: string };
      articlePageJson(lenient, 0, 3);
      db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('A title set by another connection', first.id);
      expect(JSON.parse(articlePageJson(exact, 0, 3).items[0]!).title).toBe('A title set by another connection');
      // Kept on the lenient reader: its item may be as old as its count (60 s here)…
      expect(JSON.parse(articlePageJson(lenient, 0, 3).items[0]!).title).toBe(first.title);
      // …but the page's rows are the store's now: another article moved to the top is first at once.
      const other = JSON.parse(articlePageJson(exact, 0, 3).items[2]!) as { id: string };
      db.prepare("UPDATE articles SET published = '2999-01-01' WHERE id = ?").run(other.id);
      expect(JSON.parse(articlePageJson(lenient, 0, 3).items[0]!).id).toBe(other.id);
      // Dropped when the server's own connection wrote (a reader thread is told so).
      forgetKeptItems(lenient);
      expect(JSON.parse(articlePageJson(lenient, 1, 3).items[0]!).title).toBe('A title set by another connection');
    } finally {
      exact.close();
      lenient.close();
    }
  });

  it("drop what they keep at once when the connection's own write changes the store", () => {
    allowStaleCounts(db, 60_000);
    try {
      const q = JSON.parse(quotePageJson(db, 0, 1).items[0]!) as { id: string; text: string };
      const [articleId, idx] = q.id.split(':q');
      db.prepare(
        'UPDATE quotes SET text = ? WHERE article_seq = (SELECT seq FROM articles WHERE id = ?) AND idx = ?',
      ).run('words changed by this connection', articleId, Number(idx));
      expect(JSON.parse(quotePageJson(db, 0, 1).items[0]!).text).toBe('words changed by this connection');
    } finally {
      allowStaleCounts(db, 0);
    }
  });

  it('keep items past the allowance only while other connections add rows, never past their bound', () => {
    const lenient = openDb(path, { readonly: true });
    allowStaleCounts(lenient, 1);
    const now = vi.spyOn(performance, 'now');
    let t = 1_000_000;
    now.mockImplementation(() => t);
    try {
      const title = (): string => JSON.parse(articlePageJson(lenient, 0, 1).items[0]!).title;
      const id = (JSON.parse(articlePageJson(lenient, 0, 1).items[0]!) as { id: string }).id;
      const before = title();
      // Another connection writes without rewriting a shown row (as an ingest adding articles does): still kept.
      db.prepare("INSERT INTO meta (key, value) VALUES ('kept-items-test', '1')").run();
      db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Rewritten but not noted', id);
      t += 5_000;
      expect(title()).toBe(before);
      // Past the bound, read again whatever was (or was not) noted.
      t += KEPT_WHILE_APPENDED_MS;
      expect(title()).toBe('Rewritten but not noted');
      // A rewrite noted (the resolve, a speaker corrected): read again at once.
      db.transaction(() => {
        db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Rewritten and noted', id);
        noteRowsRewritten(db);
      })();
      t += 2;
      expect(title()).toBe('Rewritten and noted');
    } finally {
      now.mockRestore();
      lenient.close();
    }
  });

  it("are told of the resolve's rewrite", async () => {
    const before = keptStampNow(db).stamp;
    await resolveCorpus(db);
    expect(keptStampNow(db).stamp).not.toBe(before);
  });

  it('read only the rows not kept, and keep no more than their bound', () => {
    const mem = openDb(':memory:');
    try {
      const { asked, read, size } = itemReader();
      const keys = Array.from({ length: 40 }, (_, i) => i);
      expect(keptItems(mem, 't', keys.slice(0, 20), (k) => k, read, size)[5]).toMatch(/^item 5 /);
      expect(keptItems(mem, 't', keys.slice(10, 30), (k) => k, read, size)[0]).toMatch(/^item 10 /);
      expect(asked).toEqual([keys.slice(0, 20), keys.slice(20, 30)]);
      // A bound of ~12 items: the least recently used go first, and what is kept never passes it.
      const bound = 12 * (200 + 64 + 2 * 6);
      forgetKeptItems(mem);
      for (let i = 0; i < 5; i++) keptItems(mem, 't', keys.slice(i * 8, i * 8 + 8), (k) => k, read, size, bound);
      expect(keptItemBytes(mem)).toBeLessThanOrEqual(bound);
      asked.length = 0;
      keptItems(mem, 't', keys.slice(32, 40), (k) => k, read, size, bound);
      expect(asked).toEqual([]);
      keptItems(mem, 't', keys.slice(0, 8), (k) => k, read, size, bound);
      expect(asked).toEqual([keys.slice(0, 8)]);
    } finally {
      mem.close();
    }
  });

  it('keep a page’s own items within the bound, evict the oldest not served since, and count replaced items once', () => {
    const mem = openDb(':memory:');
    try {
      const { asked, read, size } = itemReader();
      // Ids of two digits: every item takes the same bytes (list name, id, entry, 200 bytes of item): room for 12.
      const keys = Array.from({ length: 24 }, (_, i) => 10 + i);
      const one = 2 + 4 + 64 + 200;
      const bound = 12 * one;
      const take = (from: number, to: number) => keptItems(mem, 't', keys.slice(from, to), (k) => k, read, size, bound);
      take(0, 8);
      take(8, 16);
      expect(keptItemBytes(mem)).toBe(12 * one);
      // The page just read is kept whole, though every older item was served since it was passed over.
      asked.length = 0;
      take(8, 16);
      expect(asked).toEqual([]);
      take(16, 24);
      expect(keptItemBytes(mem)).toBe(12 * one);
      asked.length = 0;
      take(16, 24);
      expect(asked).toEqual([]);
      // A rewrite noted: the items are read again and replaced, each counted once.
      noteRowsRewritten(mem);
      asked.length = 0;
      take(16, 24);
      expect(asked).toEqual([keys.slice(16, 24)]);
      expect(keptItemBytes(mem)).toBe(12 * one);
      // Served once more since, the oldest of the rest are not: they go first when a new page comes.
      take(16, 24);
      take(0, 4);
      asked.length = 0;
      take(16, 24);
      expect(asked).toEqual([]);
      expect(keptItemBytes(mem)).toBeLessThanOrEqual(bound);
    } finally {
      mem.close();
    }
  });
});
