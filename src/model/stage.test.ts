import { describe, expect, it } from 'vitest';
import { checkStages, planStages, stageProblems, type Stage } from './stage.js';

const noop = (): void => {};
const tokenize: Stage = { name: 'tokenize', requires: ['text'], assigns: ['sentences', 'tokens'], run: noop };
const entities: Stage = { name: 'entities', requires: ['tokens'], assigns: ['entities'], run: noop };
const time: Stage = { name: 'time', requires: ['tokens', 'published'], assigns: ['published', 'timexes'], run: noop };
const quotes: Stage = {
  name: 'quotes',
  requires: ['tokens', 'entities'],
  uses: ['timexes'],
  assigns: ['quotes'],
  run: noop,
};
const events: Stage = { name: 'events', requires: ['entities', 'timexes'], assigns: ['events'], run: noop };
const PIPELINE = [tokenize, entities, time, quotes, events];

describe('stageProblems', () => {
  it('accepts stages that read only the input and what earlier stages set', () => {
    expect(stageProblems(PIPELINE)).toEqual([]);
    expect(() => checkStages(PIPELINE)).not.toThrow();
  });

  it('names a stage that reads a layer no earlier stage assigns', () => {
    expect(stageProblems([tokenize, events, entities, time])).toEqual([
      'stage "events" requires "entities", which no earlier stage assigns',
      'stage "events" requires "timexes", which no earlier stage assigns',
    ]);
    expect(() => checkStages([entities, tokenize])).toThrow(/"entities" requires "tokens"/);
  });

  it('names a stage listed twice', () => {
    expect(stageProblems([tokenize, tokenize])).toEqual(['stage "tokenize" is listed twice']);
  });
});

describe('planStages', () => {
  it('runs what the wanted layers need, in pipeline order, and leaves out layers only used when present', () => {
    expect(planStages(PIPELINE, ['quotes']).map((s) => s.name)).toEqual(['tokenize', 'entities', 'quotes']);
    expect(planStages(PIPELINE, ['events']).map((s) => s.name)).toEqual(['tokenize', 'entities', 'time', 'events']);
    expect(planStages(PIPELINE, ['tokens']).map((s) => s.name)).toEqual(['tokenize']);
    expect(planStages(PIPELINE, ['text'])).toEqual([]);
  });

  it('refuses a layer nothing sets', () => {
    expect(() => planStages([tokenize], ['claims'])).toThrow(/no stage assigns "claims"/);
  });
});
