import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EventActor, EventMention } from '../model/index.js';
import { EventMentionTable, type StoredMention } from './event-table.js';
import { sortBinary } from './packed.js';

const actor = (name: string, key: string | null): EventActor => ({
  start: 3,
  end: 3 + name.length,
  text: name,
  name,
  code: 'XYZ',
  actorKey: key,
});

function stored(seq: number, idx: number, over: Partial<EventMention> = {}): StoredMention {
  const event: EventMention = {
    type: 'SANCTION',
    mode: null,
    source: [actor('Ardavia', 'country:ARD')],
    target: [actor('Belmar', null)],
    date: { value: '2026-03-13', precision: 'day' },
    location: null,
    trigger: { start: 0, end: 9, text: 'sanctions' },
    negated: false,
    hypothetical: false,
    attributes: {},
    evidence: { start: seq * 10 + idx, end: seq * 10 + idx + 5 },
    ...over,
  };
  return { seq, idx, event };
}

describe('EventMentionTable', () => {
  it('gives back what merging and export read of each mention', () => {
    const table = new EventMentionTable();
    const full = stored(7, 2, {
      mode: 'denied',
      negated: true,
      hypothetical: true,
      attributes: { missiles: ['Kh-101'], count: 3 },
      location: { start: 1, end: 5, text: 'Oslo', name: 'Oslo' },
      date: { value: '2026-03', precision: 'month' },
      dateFrom: 'sentence',
      dateRange: { start: '2026-03-09', end: '2026-03-15' },
      reported: { value: '2026-03-20', precision: 'day' },
    });
    table.add(stored(1, 0));
    table.add(full);
    const { trigger: _trigger, source, target, location, ...rest } = full.event;
    const strip = (a: EventActor) => ({ text: a.text, name: a.name, code: a.code, actorKey: a.actorKey });
    expect(table.mention(1)).toEqual({
      ...rest,
      source: source.map(strip),
      target: target.map(strip),
      location: { name: location!.name },
    });
    expect(table.seq(1)).toBe(7);
    expect(table.mention(0).date).toEqual({ value: '2026-03-13', precision: 'day' });
    expect(table.mention(0).location).toBeNull();
    expect([table.mention(0).dateFrom, table.mention(0).dateRange, table.mention(0).reported]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('keeps actor lists apart whatever their names hold', () => {
    const table = new EventMentionTable();
    const lists = [
      [actor('A', 'k'), actor('B', null)],
      [actor('A', 'k'), actor('B', 'null')],
      [{ ...actor('A', 'k'), name: 'A1:B' }],
      [actor('A', 'k1:B')],
      [],
    ];
    lists.forEach((source, i) => {
      table.add(stored(i, 0, { source }));
    });
    lists.forEach((source, i) => {
      expect(table.mention(i).source).toEqual(
        source.map(({ text, name, code, actorKey }) => ({ text, name, code, actorKey })),
      );
    });
  });

  it('visits types in order, and each type by date (undated first), article and position', () => {
    const table = new EventMentionTable();
    const rows = [
      stored(2, 0, { type: 'THREATEN' }),
      stored(3, 1, { date: null }),
      stored(1, 4),
      stored(1, 2),
      stored(0, 0, { date: { value: '2026-03-14', precision: 'day' } }),
      stored(0, 1, { date: { value: '2026-03', precision: 'month' } }),
    ];
    rows.forEach((r) => {
      table.add(r);
    });
    const visited = [...table.byType()].map(({ type, mentions }) => [
      type,
      [...mentions].map((i) => `${rows[i]!.seq}.${rows[i]!.idx}`),
    ]);
    expect(visited).toEqual([
      ['SANCTION', ['3.1', '0.1', '1.2', '1.4', '0.0']],
      ['THREATEN', ['2.0']],
    ]);
  });
});

describe('sortBinary', () => {
  it('orders text by code point, as SQLite compares UTF-8 bytes', () => {
    // By UTF-16 units U+FF21 (fullwidth A) sorts after the surrogate pair of U+1F600; by code point, before it.
    const values = ['b', '\u{1F600}', '\uFF21', 'a', 'ab', '', 'é'];
    expect(sortBinary(values)).toEqual(['', 'a', 'ab', 'b', 'é', '\uFF21', '\u{1F600}']);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    for (const v of values) db.prepare('INSERT INTO t VALUES (?)').run(v);
    expect(sortBinary(values)).toEqual(db.prepare('SELECT v FROM t ORDER BY v').pluck().all());
  });
});
