import { describe, expect, it } from 'vitest';
import type { EventActor, EventMention } from '../model/index.js';
import { mergeEvents, type EventMentionRecord } from './events.js';

const actor = (name: string, key: string | null): EventActor => ({ start: 0, end: name.length, text: name, name, code: '', actorKey: key });

function mention(articleId: string, start: number, over: Partial<EventMention> = {}): EventMentionRecord {
  const event: EventMention = {
    type: 'SANCTION', mode: null, source: [actor('United States', 'country:USA')], target: [actor('Veskaria', 'country:VSK')],
    date: { value: '2026-03-13', precision: 'day' }, location: null, trigger: { start: 0, end: 9, text: 'sanctions' },
    negated: false, hypothetical: false, attributes: {}, evidence: { start, end: start + 40 }, ...over,
  };
  return { articleId, outlet: null, published: null, event };
}

const keys = new Map([['country:USA', 'ent_usa'], ['country:VSK', 'ent_vsk']]);

describe('mergeEvents', () => {
  it('merges one event reported by several outlets and sentences, keeping every evidence span', () => {
    const out = mergeEvents([mention('a1', 0), mention('a1', 100), mention('a2', 50, { date: null })], keys);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'SANCTION', sourceIds: ['ent_usa'], targetIds: ['ent_vsk'], mentions: 3, date: '2026-03-13', articleIds: ['a1', 'a2'] });
    expect(out[0]!.evidence).toEqual([{ articleId: 'a1', start: 0, end: 40 }, { articleId: 'a1', start: 100, end: 140 }, { articleId: 'a2', start: 50, end: 90 }]);
  });

  it('keeps events apart when dates, types, actors or flags differ', () => {
    const out = mergeEvents([
      mention('a1', 0),
      mention('a2', 0, { date: { value: '2026-04-01', precision: 'day' } }),
      mention('a3', 0, { type: 'THREATEN' }),
      mention('a4', 0, { target: [actor('Norvessa', 'country:NVS')] }),
      mention('a5', 0, { hypothetical: true }),
    ], keys);
    expect(out).toHaveLength(5);
    expect(out.find((e) => e.hypothetical)!.mentions).toBe(1);
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
});
