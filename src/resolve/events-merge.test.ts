import { describe, expect, it } from 'vitest';
import type { EventActor, EventMention } from '../model/index.js';
import { mergeEvents, type EventMentionRecord } from './events.js';

// A small corpus of our own: outlets reporting the same summit in different words, and different meetings that
// share a day, a type or a party.
const actor = (name: string, key: string | null): EventActor => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  code: '',
  actorKey: key,
});
const ardavia = actor('Ardavia', 'country:ARD');
const belmar = actor('Belmar', 'country:BLM');
const corvin = actor('Corvin', 'country:CRV');
const keys = new Map([
  ['country:ARD', 'ent_ard'],
  ['country:BLM', 'ent_blm'],
  ['country:CRV', 'ent_crv'],
]);
const day = (value: string) => ({ value, precision: 'day' as const });

function report(articleId: string, over: Partial<EventMention>): EventMentionRecord {
  return {
    articleId,
    event: {
      type: 'CONSULT',
      mode: null,
      source: [],
      target: [],
      date: null,
      location: null,
      trigger: { start: 0, end: 3, text: 'met' },
      negated: false,
      hypothetical: false,
      attributes: {},
      evidence: { start: 0, end: 50 },
      ...over,
    },
  };
}

describe('one real-world event, one record', () => {
  it('one summit told by three outlets, with visitor and host in either order, is one record', () => {
    const out = mergeEvents(
      [
        report('outlet-1', { source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { source: [belmar], target: [ardavia], date: day('2031-05-04') }),
        report('outlet-3', { source: [ardavia, belmar], date: day('2031-05-04') }),
      ],
      keys,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.articleIds).toEqual(['outlet-1', 'outlet-2', 'outlet-3']);
  });

  it('two meetings on the same day with different partners are two records', () => {
    const out = mergeEvents(
      [
        report('outlet-1', { source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { source: [ardavia], target: [corvin], date: day('2031-05-04') }),
      ],
      keys,
    );
    expect(out).toHaveLength(2);
  });

  it('the same partners meeting on two different days are two records', () => {
    const out = mergeEvents(
      [
        report('outlet-1', { source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { source: [ardavia], target: [belmar], date: day('2031-06-11') }),
      ],
      keys,
    );
    expect(out).toHaveLength(2);
  });

  it('an undated mention that names one party does not join another article’s dated meeting', () => {
    const out = mergeEvents(
      [
        report('outlet-1', { source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { source: [ardavia] }),
      ],
      keys,
    );
    expect(out).toHaveLength(2);
    // In its own article it is the same meeting told again.
    const same = mergeEvents(
      [
        report('outlet-1', { source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-1', { source: [ardavia], evidence: { start: 100, end: 150 } }),
      ],
      keys,
    );
    expect(same).toHaveLength(1);
  });

  it('an undated mention that names the same parties and type joins the dated event', () => {
    const out = mergeEvents(
      [
        report('outlet-1', { source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { source: [belmar], target: [ardavia] }),
      ],
      keys,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.date).toBe('2031-05-04');
  });

  it('a mention that names no actor joins nothing by its type alone', () => {
    const officials = actor('officials', null);
    const out = mergeEvents(
      [
        report('outlet-1', { type: 'ASSAULT', source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { type: 'ASSAULT', source: [officials] }),
      ],
      keys,
    );
    expect(out).toHaveLength(2);
  });

  it('direction still matters for acts that are not meetings', () => {
    const out = mergeEvents(
      [
        report('outlet-1', { type: 'ACCUSE', source: [ardavia], target: [belmar], date: day('2031-05-04') }),
        report('outlet-2', { type: 'ACCUSE', source: [belmar], target: [ardavia], date: day('2031-05-04') }),
      ],
      keys,
    );
    expect(out).toHaveLength(2);
  });

  it('a merged value is the one most mentions give, a tie going to the fullest account, in any order', () => {
    const launch = (articleId: string, attributes: Record<string, unknown>) =>
      report(articleId, { type: 'MOBILIZE', source: [ardavia], date: day('2031-05-04'), attributes });
    const full = launch('outlet-1', { count: 2, class: ['cruise'], seaArea: 'Vell Sea' });
    const brief = launch('outlet-2', { seaArea: 'Vell Strait' });
    for (const order of [
      [full, brief],
      [brief, full],
    ]) {
      const out = mergeEvents(order, keys);
      expect(out).toHaveLength(1);
      expect(out[0]!.attributes).toMatchObject({ seaArea: 'Vell Sea', count: 2, class: ['cruise'] });
    }
    const agreed = mergeEvents([full, brief, launch('outlet-3', { seaArea: 'Vell Strait' })], keys);
    expect(agreed[0]!.attributes.seaArea).toBe('Vell Strait');
  });
});
