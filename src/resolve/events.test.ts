import { describe, expect, it } from 'vitest';
import type { EventActor, EventMention } from '../model/index.js';
import { mergeEvents, type EventMentionRecord } from './events.js';

const actor = (name: string, key: string | null): EventActor => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  code: '',
  actorKey: key,
});

function mention(articleId: string, start: number, over: Partial<EventMention> = {}): EventMentionRecord {
  const event: EventMention = {
    type: 'SANCTION',
    mode: null,
    source: [actor('United States', 'country:USA')],
    target: [actor('Veskaria', 'country:VSK')],
    date: { value: '2026-03-13', precision: 'day' },
    location: null,
    trigger: { start: 0, end: 9, text: 'sanctions' },
    negated: false,
    hypothetical: false,
    attributes: {},
    evidence: { start, end: start + 40 },
    ...over,
  };
  return { articleId, event };
}

const keys = new Map([
  ['country:USA', 'ent_usa'],
  ['country:VSK', 'ent_vsk'],
]);

describe('mergeEvents', () => {
  it('merges one event reported by several outlets and sentences, keeping every evidence span', () => {
    const out = mergeEvents([mention('a1', 0), mention('a1', 100), mention('a2', 50, { date: null })], keys);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      type: 'SANCTION',
      sourceIds: ['ent_usa'],
      targetIds: ['ent_vsk'],
      mentions: 3,
      date: '2026-03-13',
      articleIds: ['a1', 'a2'],
    });
    expect(out[0]!.evidence).toEqual([
      { articleId: 'a1', start: 0, end: 40 },
      { articleId: 'a1', start: 100, end: 140 },
      { articleId: 'a2', start: 50, end: 90 },
    ]);
  });

  it("takes its date, the date's source and the reported day from the best-dated mention", () => {
    const day = (value: string) => ({ value, precision: 'day' as const });
    const out = mergeEvents(
      [
        // Two articles date the act by their own day; a third names the day in the sentence.
        mention('a1', 0, { date: day('2026-03-14'), dateFrom: 'anchor', reported: day('2026-03-14') }),
        mention('a2', 0, {
          date: { value: '2026-03', precision: 'month' },
          dateFrom: 'anchor',
          reported: day('2026-03-15'),
        }),
        mention('a3', 0, { date: day('2026-03-14'), dateFrom: 'anchor', reported: day('2026-03-14') }),
        mention('a4', 0, { date: day('2026-03-14'), dateFrom: 'sentence', reported: day('2026-03-16') }),
      ],
      keys,
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      date: '2026-03-14',
      datePrecision: 'day',
      dateFrom: 'sentence',
      reported: '2026-03-16',
      dateRange: null,
    });
    const undated = mergeEvents([mention('a1', 0, { date: null })], keys)[0]!;
    expect([undated.date, undated.dateFrom, undated.reported]).toEqual([null, null, null]);
  });

  it('keeps events apart when dates, types, actors or flags differ', () => {
    const out = mergeEvents(
      [
        mention('a1', 0),
        mention('a2', 0, { date: { value: '2026-04-01', precision: 'day' } }),
        mention('a3', 0, { type: 'THREATEN' }),
        mention('a4', 0, { target: [actor('Norvessa', 'country:NVS')] }),
        mention('a5', 0, { hypothetical: true }),
      ],
      keys,
    );
    expect(out).toHaveLength(5);
    expect(out.find((e) => e.hypothetical)!.mentions).toBe(1);
  });

  it('keeps a plan apart from the act, and generic-only mentions apart unless their dates are equal', () => {
    expect(mergeEvents([mention('a1', 0), mention('a2', 0, { mode: 'intent' })], keys)).toHaveLength(2);
    const police = { source: [actor('police', null)], target: [actor('protesters', null)] };
    const undated = { ...police, date: null };
    expect(mergeEvents([mention('a1', 0, police), mention('a2', 0, undated)], keys)).toHaveLength(2);
    expect(mergeEvents([mention('a1', 0, police), mention('a2', 0, police)], keys)).toHaveLength(1);
    expect(mergeEvents([mention('a1', 0), mention('a2', 0, { date: null })], keys)).toHaveLength(1);
  });

  it('folds a mention without a target into the one event it otherwise matches', () => {
    const out = mergeEvents([mention('a1', 0), mention('a2', 0, { target: [] })], keys);
    expect(out).toHaveLength(1);
    expect(out[0]!.mentions).toBe(2);
  });

  it('gives stable ids', () => {
    const a = mergeEvents([mention('a1', 0)], keys)[0]!.id;
    const b = mergeEvents([mention('a9', 7)], keys)[0]!.id;
    expect(a).toBe(b);
  });

  it('leaves a partial mention apart when it fits two fuller events', () => {
    const out = mergeEvents(
      [
        mention('a1', 0),
        mention('a2', 0, { target: [actor('Norvessa', 'country:NVS')] }),
        mention('a3', 0, { target: [] }),
      ],
      keys,
    );
    expect(out.map((e) => e.mentions)).toEqual([1, 1, 1]);
  });

  it('folds past clusters no fuller than the partial one and keeps mentions in fold order', () => {
    // The USA-only clusters (other dates, or as weak as the partial one) share its pool; only the full one on its day fits.
    const out = mergeEvents(
      [
        mention('a1', 0, { target: [], date: { value: '2026-02-01', precision: 'day' } }),
        mention('a2', 0),
        mention('a3', 0, {
          target: [actor('Norvessa', 'country:NVS')],
          date: { value: '2026-04-01', precision: 'day' },
        }),
        mention('a4', 0, { target: [] }),
      ],
      keys,
    );
    expect(out.map((e) => [e.date, e.articleIds])).toEqual([
      ['2026-02-01', ['a1']],
      ['2026-03-13', ['a2', 'a4']],
      ['2026-04-01', ['a3']],
    ]);
  });

  it('exports a meeting told in both directions the same way whatever order its mentions are read in', () => {
    const usa = [actor('United States', 'country:USA')];
    const vsk = [actor('Veskaria', 'country:VSK')];
    const day = (value: string) => ({ value, precision: 'day' as const });
    const hosted = mention('a2', 10, { type: 'CONSULT', source: vsk, target: usa, reported: day('2026-03-14') });
    const visited = mention('a1', 30, { type: 'CONSULT', source: usa, target: vsk, reported: day('2026-03-13') });
    const one = mergeEvents([hosted, visited], keys);
    const other = mergeEvents([visited, hosted], keys);
    expect(one).toHaveLength(1);
    expect(other).toEqual(one);
    // The first reported mention gives the direction.
    expect(one[0]).toMatchObject({ sourceIds: ['ent_usa'], targetIds: ['ent_vsk'] });
  });

  it('reads dates as they become finer during the fold: a month-dated event that takes a day no longer fits another day', () => {
    const month = { value: '2026-03', precision: 'month' as const };
    const out = mergeEvents(
      [
        mention('a1', 0, { date: month }),
        mention('a2', 0, { target: [], date: { value: '2026-03-13', precision: 'day' } }),
        mention('a3', 0, { target: [], date: { value: '2026-03-20', precision: 'day' } }),
        mention('a4', 0, { target: [], date: { value: '2026', precision: 'year' } }),
      ],
      keys,
    );
    // a2 folds into the March event, which becomes March 13; a3 (March 20) then fits nothing; a4 (2026) fits it.
    expect(out.map((e) => [e.date, e.articleIds])).toEqual([
      ['2026-03-13', ['a1', 'a2', 'a4']],
      ['2026-03-20', ['a3']],
    ]);
  });
});
