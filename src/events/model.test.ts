import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import type { Doc } from '../model/index.js';
import { annotateEvents, type CollectedCandidate, type EventOptions } from './annotate.js';
import {
  candidateFeatures,
  EVENT_MODEL_PATH,
  EventModel,
  type EventModelFile,
  eventModel,
  FEATURE_GROUPS,
  type LinearFile,
  loadEventModel,
} from './model.js';
import { trainLinear } from './train/linear.js';

const TYPES = ['ACCUSE', 'ASSAULT'];

/** A hand-set model: its gate and chooser read only the features named, every other weight is zero. */
function model(gate: LinearFile | null, chooser: LinearFile | null, threshold = 0.5, margin = 0): EventModel {
  const file: EventModelFile = {
    version: 1,
    gateGroups: [...FEATURE_GROUPS],
    chooserGroups: [...FEATURE_GROUPS],
    gate,
    gateThreshold: threshold,
    chooser,
    chooserMargin: margin,
    provenance: {},
  };
  return new EventModel(file);
}

const code = (text: string, phrases: [string, string][], options: EventOptions): Doc => {
  const doc = taggedDoc('t', text, phrases);
  annotateEvents(doc, options);
  return doc;
};
const types = (doc: Doc) => doc.events.map((e) => e.type);
const STATES: [string, string][] = [
  ['France', 'LOC'],
  ['Chile', 'LOC'],
];

describe('events model: the gate', () => {
  // A gate that says "no event" when the trigger is a form of "shell" and "event" otherwise.
  const gate: LinearFile = { labels: ['no', 'yes'], weights: { bias: [0, 2], 'w=shell': [6, 0] } };
  it('drops a candidate it reads as no event, keeps the others', () => {
    const m = model(gate, null);
    expect(types(code('France shelled Chile on Monday.', STATES, { model: m }))).toEqual([]);
    expect(types(code('France invaded Chile on Monday.', STATES, { model: m }))).toEqual(['ASSAULT']);
  });
  it('with no model the rules decide alone', () => {
    expect(types(code('France shelled Chile on Monday.', STATES, { model: null }))).toEqual(['ASSAULT']);
  });
  it('a threshold of zero keeps everything the rules emit', () => {
    const m = model(gate, null, 0);
    expect(types(code('France shelled Chile on Monday.', STATES, { model: m }))).toEqual(['ASSAULT']);
  });
});

describe('events model: the type chooser', () => {
  // A chooser sure that a condemnation coded ASSAULT by a figurative reading is an accusation.
  const chooser: LinearFile = { labels: TYPES, weights: { bias: [0, 0], 't|w=ASSAULT|shell': [5, 0] } };
  it('replaces the rule type when it is surer of another by the margin', () => {
    const m = model(null, chooser);
    expect(types(code('France shelled Chile on Monday.', STATES, { model: m }))).toEqual(['ACCUSE']);
  });
  it('keeps the rule type when its lead is under the margin', () => {
    const m = model(null, chooser, 0.5, 0.999);
    expect(types(code('France shelled Chile on Monday.', STATES, { model: m }))).toEqual(['ASSAULT']);
  });
  it('leaves a type it has no evidence against', () => {
    const m = model(null, chooser);
    expect(types(code('France invaded Chile on Monday.', STATES, { model: m }))).toEqual(['ASSAULT']);
  });
});

describe('events model: features and training', () => {
  it('reads the trigger, its object class and the sides', () => {
    const got: CollectedCandidate[] = [];
    code('France attacked Chile after the earthquake.', STATES, { model: null, collect: (c) => got.push(c) });
    expect(got.length).toBeGreaterThan(0);
    const f = candidateFeatures(got[0]!.view, new Set(FEATURE_GROUPS));
    expect(f).toContain('t=ASSAULT');
    expect(f).toContain('sc=disaster');
    expect(f).toContain('s=state');
  });
  it('collects what the list of non-events rejects, marked', () => {
    const got: CollectedCandidate[] = [];
    code(
      'Spain beat Italy in the cup final after a late goal.',
      [
        ['Spain', 'LOC'],
        ['Italy', 'LOC'],
      ],
      { model: null, collect: (c) => got.push(c) },
    );
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((c) => c.rejected)).toBe(true);
  });
  it('logistic regression learns a separable toy problem, the same way twice', () => {
    const ex = [
      { features: ['bias', 'a'], label: 0 },
      { features: ['bias', 'b'], label: 1 },
      { features: ['bias', 'a', 'c'], label: 0 },
      { features: ['bias', 'b', 'c'], label: 1 },
    ];
    const opts = { l2: 1e-3, epochs: 20, rate: 0.5 };
    const file = trainLinear(ex, ['x', 'y'], opts);
    expect(trainLinear(ex, ['x', 'y'], opts)).toEqual(file);
    const m = model(file, null);
    expect(m.gate!.probabilities(['bias', 'a'])[0]).toBeGreaterThan(0.9);
    expect(m.gate!.probabilities(['bias', 'b'])[1]).toBeGreaterThan(0.9);
  });
});

describe('events model: optional', () => {
  it('a missing file is no model; a written one loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-events-model-'));
    expect(loadEventModel(join(dir, 'none.json'))).toBeNull();
    const file: EventModelFile = {
      version: 1,
      gateGroups: ['trigger'],
      chooserGroups: [],
      gate: { labels: ['no', 'yes'], weights: { bias: [0, 1] } },
      gateThreshold: 0.5,
      chooser: null,
      chooserMargin: 0,
      provenance: {},
    };
    writeFileSync(join(dir, 'm.json'), JSON.stringify(file));
    expect(loadEventModel(join(dir, 'm.json'))?.gate).not.toBeNull();
  });
  it('the default is the committed model when there is one, the rules otherwise', () => {
    const m = eventModel();
    if (loadEventModel(EVENT_MODEL_PATH) === null) expect(m).toBeNull();
    else expect(m).toBeInstanceOf(EventModel);
    const text = 'France shelled Chile on Monday.';
    expect(types(code(text, STATES, {}))).toEqual(types(code(text, STATES, { model: m })));
  });
});
