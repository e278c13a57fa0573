import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import { annotateEvents } from './annotate.js';
import { type EventDescription, eventFeatures, eventScore, type EventModel } from './learned.js';

const TEXT = 'Albania condemned Serbia and attacked Greece.';
const PHRASES: [string, string][] = [
  ['Albania', 'GPE'],
  ['Serbia', 'GPE'],
  ['Greece', 'GPE'],
];

function coded(model: EventModel | null): string[] {
  const doc = taggedDoc('t', TEXT, PHRASES);
  annotateEvents(doc, { model });
  return doc.events.map((e) => e.type);
}

describe('the learned step of the events stage', () => {
  it('keeps every event in coding order without a model', () => {
    expect(coded(null)).toEqual(['ACCUSE', 'ASSAULT']);
  });

  it('drops the events a model scores below its threshold', () => {
    const model: EventModel = { groups: [], threshold: 0.5, weights: { bias: 1, 't=ASSAULT': -3 } };
    expect(coded(model)).toEqual(['ACCUSE']);
  });

  it('leaves an event of a kind the model never saw to the rules', () => {
    const doc = taggedDoc('t', 'President Ana Reyes sacked the navy chief.', [['Ana Reyes', 'PER']]);
    const model: EventModel = { groups: [], threshold: 0.5, weights: { bias: -5 } };
    annotateEvents(doc, { model });
    expect(doc.events.map((e) => [e.type, e.attributes.oldRole])).toEqual([['COERCE', 'navy chief']]);
    annotateEvents(doc, { model: { ...model, weights: { bias: -5, 'kind=personnel': 0 } } });
    expect(doc.events).toEqual([]);
  });

  it('ranks the events of a sentence by the model', () => {
    const model: EventModel = { groups: [], threshold: 0, weights: { 't=ASSAULT': 2 } };
    expect(coded(model)).toEqual(['ASSAULT', 'ACCUSE']);
  });

  it('describes each coded event to a caller, for training', () => {
    const doc = taggedDoc('t', TEXT, PHRASES);
    const seen: EventDescription[] = [];
    annotateEvents(doc, { model: null, describe: (_, d) => seen.push(d) });
    expect(seen.map((d) => [d.type, d.nth, d.triggers])).toEqual([
      ['ACCUSE', 0, 2],
      ['ASSAULT', 1, 2],
    ]);
    const f = eventFeatures(seen[1]!, ['position', 'lemma']);
    expect(f).toContain('t=ASSAULT');
    expect(f).toContain('S=known|T=known');
    expect(f).toContain('nth=1');
    expect(f).toContain('w=attacked');
    expect(f).toContain('form=ed|verb');
    expect(eventFeatures(seen[1]!, [])).not.toContain('w=attacked');
  });

  it('scores with a logistic function of the summed weights', () => {
    const model: EventModel = { groups: [], threshold: 0, weights: { bias: 0, a: Math.log(3) } };
    expect(eventScore(['bias', 'a', 'unknown'], model)).toBeCloseTo(0.75, 6);
  });
});
