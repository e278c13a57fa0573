import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  allowStaleCounts,
  articlePage,
  articlePageJson,
  type Db,
  entityPage,
  entityPageJson,
  eventPage,
  eventPageJson,
  immediate,
  type JsonListPage,
  type ListPage,
  noteRowsRewritten,
  openDb,
  quotePage,
  quotePageJson,
  removeArticle,
} from '../store/index.js';
import { exampleStore } from './test-store.js';

/**
 * Kept list items (`keptItems`) against rows rewritten by another connection: the resolve, which numbers the rows of
 * the tables it writes anew (an entity's rowid then names another entity), and writes that commit between a page's
 * key walk and its row read.
 */

let dir: string;
let path: string;
let db: Db;

beforeAll(async () => {
  const s = await exampleStore('kept-rewrites');
  dir = s.dir;
  path = s.path;
  db = s.db;
});

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A JSON page as its parsed page would serialize. */
const joined = (p: JsonListPage): string =>
  `{"total":${p.total},"totalCapped":${p.totalCapped},"items":[${p.items.join(',')}],"next":${JSON.stringify(p.next)}}`;

/** What the resolve does to a derived table: every row deleted and written again, numbered anew (here backwards). */
function renumber(table: 'entities' | 'events'): void {
  immediate(db, () => {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid DESC`).all() as Array<Record<string, unknown>>;
    db.prepare(`DELETE FROM ${table}`).run();
    const cols = Object.keys(rows[0]!);
    const ins = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    for (const r of rows) ins.run(r);
    noteRowsRewritten(db);
  });
}

/**
 * A reader connection on which `hook` runs once, just before the first statement whose SQL contains `marker` runs
 * (a write of another connection committing at that point of a page's reads).
 */
function readerWithHook(marker: string): { reader: Db; arm: (hook: () => void) => void } {
  const reader = openDb(path, { readonly: true });
  let pending: (() => void) | null = null;
  const prepare = reader.prepare.bind(reader);
  (reader as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const st = prepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
    if (!sql.includes(marker)) return st;
    for (const m of ['all', 'get']) {
      const f = st[m]!.bind(st);
      st[m] = (...args: unknown[]) => {
        const h = pending;
        pending = null;
        h?.();
        return f(...args);
      };
    }
    return st;
  };
  return { reader, arm: (hook) => (pending = hook) };
}

describe('kept list items against rewritten rows', () => {
  it("never show another entity's item under a rowid a resolve gave to another entity", () => {
    const lenient = openDb(path, { readonly: true });
    allowStaleCounts(lenient, 60_000);
    try {
      const total = entityPage(db, 0, 1).total;
      entityPageJson(lenient, 0, total);
      renumber('entities');
      // The rows are the store's now (as the list counts' rule promises): each item is its row's entity.
      const ids = (items: unknown[]) => items.map((e) => (e as { id: string }).id);
      expect(ids(entityPageJson(lenient, 0, total).items.map((s) => JSON.parse(s)))).toEqual(
        ids(entityPage(db, 0, total).items),
      );
    } finally {
      lenient.close();
    }
  });

  type Whole = (d: Db) => ListPage<unknown>;
  type Kept = (d: Db) => JsonListPage;
  const pages: Record<string, [Whole, Kept]> = {
    articles: [(d) => articlePage(d, 0, 8), (d) => articlePageJson(d, 0, 8)],
    entities: [(d) => entityPage(d, 0, 8), (d) => entityPageJson(d, 0, 8)],
    quotes: [(d) => quotePage(d, 0, 8), (d) => quotePageJson(d, 0, 8)],
    events: [(d) => eventPage(d, 0, 8), (d) => eventPageJson(d, 0, 8)],
  };
  /** A write that rewrites or removes rows of the list's first page. */
  const writes: Record<string, () => void> = {
    articles: () => immediate(db, () => removeArticle(db, (articlePage(db, 0, 8).items[3] as { id: string }).id)),
    entities: () => renumber('entities'),
    quotes: () =>
      immediate(db, () => removeArticle(db, (quotePage(db, 0, 8).items[0] as { articleId: string }).articleId)),
    events: () => renumber('events'),
  };

  for (const list of ['articles', 'entities', 'quotes', 'events'])
    for (const [when, marker] of [
      ['before the row read', 'json_each(?) j CROSS JOIN'],
      ["before the stamp's read", "group_concat(key || '=' || value"],
    ] as const)
      it(`give a ${list} page of one state of the store when a write commits ${when}`, () => {
        const [whole, kept] = pages[list]!;
        const { reader, arm } = readerWithHook(marker);
        allowStaleCounts(reader, 1_000);
        const now = vi.spyOn(performance, 'now');
        let t = 1_000_000;
        now.mockImplementation(() => t);
        try {
          const before = JSON.stringify(whole(db));
          arm(writes[list]!);
          expect(joined(kept(reader))).toBe(before);
          // Past the allowance, within the bound of items kept while rows are only added: the store as it is now.
          t += 5_000;
          expect(joined(kept(reader))).toBe(JSON.stringify(whole(db)));
        } finally {
          now.mockRestore();
          reader.close();
        }
      });
});
