import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNT_CACHE_BYTES, countRows } from './counts.js';
import { type Db, openDb } from './db.js';
import { ARTICLE_CACHE_BYTES, evidenceWithTimex, OUTLET_CACHE_BYTES, outletsOf, SPAN_CACHE_BYTES } from './queries.js';
import { keptRowJson, keptRowJsonSize } from './row-json.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Heap still used, after full collections, by what `fill` leaves kept: a cache filled far past its budget must hold at
 * most its budget. Text of characters outside Latin-1 (V8 stores it two bytes a character), so a cache that counted
 * characters rather than bytes holds twice its budget and fails.
 */
function heldBytes(fill: () => void): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  fill();
  gc();
  gc();
  return process.memoryUsage().heapUsed - before;
}

/** Invented two-byte text: Cyrillic-looking syllables and a few digits, `n` characters. */
function twoByteText(seed: number, n: number): string {
  const syllables = ['жа', 'ло', 'мір', 'сто', 'вен', 'ки', 'ду', 'рає', ' '];
  let s = `${seed} `;
  for (let i = 0; s.length < n; i++) s += syllables[(seed * 7 + i * 13) % syllables.length];
  return s.slice(0, n);
}

/** A store of `count` articles of two-byte text, `chars` each, outlet names of `outletChars`. */
function storeOf(count: number, chars: number, outletChars = 20): Db {
  const db = openDb(':memory:');
  const insert = db.prepare(
    "INSERT INTO articles (id, title, outlet, text, origin, timexes) VALUES (?, ?, ?, ?, 'test', '[]')",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++)
      insert.run(`art${String(i).padStart(6, '0')}`, `t${i}`, twoByteText(i + 1, outletChars), twoByteText(i, chars));
  })();
  return db;
}

const open: Db[] = [];
afterAll(() => {
  for (const db of open) db.close();
});

/**
 * How far above its budget a cache's retained heap may read. The heap delta also holds what the test worker itself
 * allocates meanwhile (a CI run read 4.61 MB for a 4 MB cache: 15% over); what these tests guard against — strings
 * weighed by characters, counts by entries — keeps twice the budget or more.
 */
const SLACK = 1.25;

describe('caches hold at most their byte budgets', () => {
  it('the row-JSON cache', () => {
    const db = {} as Db;
    const budget = 4_000_000;
    type Row = { id: string; data: string; n: number };
    const held = heldBytes(() => {
      for (let i = 0; i < 3000; i++) {
        const row: Row = { id: `r${i}`, data: twoByteText(i, 2000), n: i };
        keptRowJson(
          db,
          'list',
          [row],
          (r) => r.id,
          (r) => JSON.stringify({ id: r.id, n: r.n, data: r.data }),
          budget,
        );
      }
    });
    expect(keptRowJsonSize(db).bytes).toBeLessThanOrEqual(budget);
    // Filled to about six times the budget: what stays is the budget's worth, not more.
    expect(keptRowJsonSize(db).rows).toBeGreaterThan(100);
    expect(held).toBeLessThanOrEqual(budget * SLACK);
  });

  it('the article cache and the span cache (a timeline page’s evidence)', () => {
    // 120 articles of 60,000 two-byte characters (14 MB of text) against the article cache's 8 MB.
    const db = storeOf(120, 60_000);
    open.push(db);
    const held = heldBytes(() => {
      for (let i = 0; i < 120; i++) {
        const id = `art${String(i).padStart(6, '0')}`;
        // Spans of 2,000 characters: 120 × 25 × 4 KB of sentences against the span cache's 4 MB.
        const spans = Array.from({ length: 25 }, (_, k) => ({ articleId: id, start: k * 2000, end: k * 2000 + 2000 }));
        const texts = evidenceWithTimex(db, spans);
        expect(texts[3]!.text).toBe(twoByteText(i, 60_000).slice(6000, 8000));
      }
    });
    expect(held).toBeLessThanOrEqual((ARTICLE_CACHE_BYTES + SPAN_CACHE_BYTES) * SLACK);
    // Both were filled past their budgets (what a cache that kept everything would hold: ~26 MB).
    expect(held).toBeGreaterThan((ARTICLE_CACHE_BYTES + SPAN_CACHE_BYTES) * 0.5);
  });

  it('the count cache', () => {
    const db = storeOf(1, 10);
    open.push(db);
    // 6,000 distinct counts whose SQL holds 1,000 two-byte characters: ~12 MB of keys against 4 MB (fewer than the
    // 10,000 entries the count alone allows).
    const held = heldBytes(() => {
      for (let i = 0; i < 6000; i++) {
        const n = countRows(db, `SELECT COUNT(*) FROM articles WHERE title <> '${twoByteText(i, 1000)}'`);
        expect(n).toBe(1);
      }
    });
    expect(held).toBeLessThanOrEqual(COUNT_CACHE_BYTES * SLACK);
  });

  it('the outlet cache', () => {
    // Outlet names of 200 two-byte characters: ~500 bytes an entry, 40,000 articles ~20 MB against 8 MB.
    const db = storeOf(40_000, 10, 200);
    open.push(db);
    const ids = Array.from({ length: 40_000 }, (_, i) => `art${String(i).padStart(6, '0')}`);
    let last = new Map<string, string | null>();
    const held = heldBytes(() => {
      for (let i = 0; i < ids.length; i += 500) last = outletsOf(db, ids.slice(i, i + 500));
    });
    expect(last.get(ids.at(-1)!)).toBe(twoByteText(40_000, 200));
    // `last` (500 entries) is still referenced: allow for it.
    expect(held).toBeLessThanOrEqual(OUTLET_CACHE_BYTES * SLACK + 500 * 600);
  });
});
