import { describe, expect, it } from 'vitest';
import type { ExportEvent } from '../model/index.js';
import { eventHeadline } from './headline.js';

const event = (over: Partial<ExportEvent>): ExportEvent => ({
  id: 'evt_1',
  type: 'ASSAULT',
  sourceIds: [],
  targetIds: [],
  source: [],
  target: [],
  date: null,
  location: null,
  articleIds: [],
  evidence: [],
  attributes: {},
  ...over,
});

describe('eventHeadline', () => {
  it('says what was launched from the attributes: count, class, sea area', () => {
    const e = event({
      type: 'ASSAULT',
      source: ['Veskaria'],
      attributes: { count: 2, class: ['ballistic', 'short-range'], seaArea: 'Halder Sea' },
    });
    expect(eventHeadline(e)).toBe('Veskaria fires 2 short-range ballistic missiles into the Halder Sea');
  });

  it('uses canonical actor names, and a plural verb for several actors or a plural noun', () => {
    expect(
      eventHeadline(
        event({ type: 'ACCUSE', source: ['Norvessan'], sourceEntities: ['Norvessa'], target: ['Veskaria'] }),
      ),
    ).toBe('Norvessa accuses Veskaria');
    expect(eventHeadline(event({ type: 'REQUEST', source: ['officials'], target: ['Veskaria'] }))).toBe(
      'Officials call on Veskaria',
    );
    expect(eventHeadline(event({ type: 'REQUEST', source: ['Paris'], target: ['Veskaria'] }))).toBe(
      'Paris calls on Veskaria',
    );
  });

  it('names the sender and addressee of a letter, and the venue of talks', () => {
    expect(
      eventHeadline(
        event({ type: 'SUPPORT', source: ['Kael Voss'], attributes: { from: ['Kael Voss'], to: ['Ilse Brann'] } }),
      ),
    ).toBe('Kael Voss writes to Ilse Brann');
    expect(
      eventHeadline(
        event({ type: 'CONSULT', attributes: { participants: ['Norvessa', 'Veskaria'], venue: 'Geneva' } }),
      ),
    ).toBe('Norvessa and Veskaria hold talks in Geneva');
  });

  it('says when the text denies or only supposes the event', () => {
    expect(eventHeadline(event({ type: 'ASSAULT', source: ['Veskaria'], target: ['Norvessa'], negated: true }))).toBe(
      'Not so: Veskaria attacks Norvessa',
    );
    expect(eventHeadline(event({ type: 'THREATEN', source: ['Veskaria'], hypothetical: true }))).toMatch(/^Possibly: /);
  });
});
