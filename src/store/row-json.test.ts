import { describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { keptRowJson, keptRowJsonSize } from './row-json.js';

type Row = { id: string; data: string; n: number | null };

/** A connection stands for its caches' key only: the kept rows are per connection object. */
const connection = (): Db => ({}) as Db;

describe('list items kept serialized per row', () => {
  it('builds a row once and serves it again while the row reads the same', () => {
    const db = connection();
    let built = 0;
    const build = (r: Row) => {
      built++;
      return JSON.stringify({ id: r.id, n: r.n });
    };
    const rows: Row[] = [
      { id: 'a', data: 'x', n: 1 },
      { id: 'b', data: 'y', n: null },
    ];
    expect(keptRowJson(db, 'l', rows, (r) => r.id, build)).toEqual(['{"id":"a","n":1}', '{"id":"b","n":null}']);
    // The same rows read again (new objects, equal values): nothing built.
    expect(
      keptRowJson(
        db,
        'l',
        rows.map((r) => ({ ...r })),
        (r) => r.id,
        build,
      ),
    ).toEqual(['{"id":"a","n":1}', '{"id":"b","n":null}']);
    expect(built).toBe(2);
    // Another list, or another connection, keeps its own.
    keptRowJson(db, 'other', rows, (r) => r.id, build);
    keptRowJson(connection(), 'l', rows, (r) => r.id, build);
    expect(built).toBe(6);
  });

  it('builds a row again once any of its fields reads otherwise', () => {
    const db = connection();
    const build = (r: Row) => JSON.stringify(r);
    const key = (r: Row) => r.id;
    keptRowJson(db, 'l', [{ id: 'a', data: 'x', n: 1 }], key, build);
    expect(keptRowJson(db, 'l', [{ id: 'a', data: 'x', n: 2 }], key, build)).toEqual(['{"id":"a","data":"x","n":2}']);
    expect(keptRowJson(db, 'l', [{ id: 'a', data: 'z', n: 2 }], key, build)).toEqual(['{"id":"a","data":"z","n":2}']);
    expect(keptRowJson(db, 'l', [{ id: 'a', data: 'z', n: null }], key, build)).toEqual([
      '{"id":"a","data":"z","n":null}',
    ]);
    expect(keptRowJsonSize(db).rows).toBe(1);
  });

  it('holds at most its bound in bytes, least recently used out first, and no row over it', () => {
    const db = connection();
    const build = (r: Row) => r.data;
    const key = (r: Row) => r.id;
    const big = 'j'.repeat(1000);
    for (let i = 0; i < 200; i++) keptRowJson(db, 'l', [{ id: `r${i}`, data: big, n: i }], key, build, 40_000);
    const { bytes, rows } = keptRowJsonSize(db);
    expect(bytes).toBeLessThanOrEqual(40_000);
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(20);
    // The newest are kept, the oldest gone: the newest row is served without a build, the first is built again.
    let built = 0;
    const counting = (r: Row) => {
      built++;
      return r.data;
    };
    keptRowJson(db, 'l', [{ id: 'r199', data: big, n: 199 }], key, counting, 40_000);
    expect(built).toBe(0);
    keptRowJson(db, 'l', [{ id: 'r0', data: big, n: 0 }], key, counting, 40_000);
    expect(built).toBe(1);
    // A row larger than the bound is answered, not kept.
    const huge = 'h'.repeat(30_000);
    expect(keptRowJson(db, 'l', [{ id: 'huge', data: huge, n: 0 }], key, build, 40_000)).toEqual([huge]);
    expect(keptRowJsonSize(db).bytes).toBeLessThanOrEqual(40_000);
  });

  it('keeps one string when the JSON is the row’s own (a stored JSON written as JSON.stringify writes it)', () => {
    const db = connection();
    const data = JSON.stringify({ id: 'e1', type: 'MEET', n: 0.5, note: 'a long field '.repeat(800) });
    const [json] = keptRowJson(
      db,
      'l',
      [{ id: 'e1', data, n: null }],
      (r) => r.id,
      (r) => JSON.stringify(JSON.parse(r.data)),
    );
    expect(json).toBe(data);
    // Counted once: the row's strings and the key, not the JSON again.
    expect(keptRowJsonSize(db).bytes).toBeLessThan(1.5 * 2 * data.length);
  });
});
