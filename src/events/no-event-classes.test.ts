import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents } from './test-doc.js';

const code = codeEvents;
const types = (doc: Doc) => doc.events.map((e) => e.type);
const asserted = (doc: Doc) => doc.events.filter((e) => !e.mode && !e.negated && !e.hypothetical).map((e) => e.type);

// Classes of sentences with event-like words that report no act done, each with a counterpart that must still code.
describe('"be to blame" says who is responsible, it is no accusation', () => {
  it('the predicative idiom codes nothing', () => {
    const phrases: [string, string][] = [['Ivo Brandt', 'PER']];
    expect(
      types(code('According to a study by Ivo Brandt, the recession is partly to blame for the job losses.', phrases)),
    ).not.toContain('ACCUSE');
    expect(types(code('Ivo Brandt said the Chilean government was not to blame for the losses.', phrases))).toEqual([]);
    // Counterpart: blaming someone is an accusation, also after another verb's "to".
    expect(asserted(code('Ivo Brandt blamed the Chilean government for the losses.', phrases))).toEqual(['ACCUSE']);
    expect(types(code('Ivo Brandt was quick to blame the Chilean government for the losses.', phrases))).toEqual([
      'ACCUSE',
    ]);
  });
});

describe('a modal reaches the act through a verb of undertaking', () => {
  it('"will move to" + a verb is a plan', () => {
    const d = code('The French government will also move quickly to expel the Chilean ambassador.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(asserted(d)).toEqual([]);
    expect(d.events.every((e) => e.mode === 'intent')).toBe(true);
    // Counterpart: done, "moved quickly to" reports the act as taken.
    expect(asserted(code('The French government moved quickly to expel the Chilean ambassador.'))).toEqual(
      types(code('The French government expelled the Chilean ambassador.')),
    );
  });
});

describe('a word inside a noun phrase after "under" names a state', () => {
  it('an -ing premodifier of the noun after "under" is no act', () => {
    expect(types(code('Chilean mining will continue under a tougher permitting and inspection regime.'))).toEqual([]);
    // Counterpart: a verb after the phrase is the clause's own act.
    expect(
      asserted(code('Chilean ministers, under pressure from the unions, permitted French inspectors to enter.')),
    ).toContain('CONCEDE');
  });
});

describe('the to-infinitive of "allow" and "permit" takes their modality', () => {
  it('what is not to be allowed has not happened', () => {
    const d = code('The French government should not allow any new Chilean wells to get permits.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(asserted(d)).toEqual([]);
    expect(asserted(code('The French government will not allow the Chilean navy to seize the ships.'))).toEqual([]);
    // Counterpart: with no modal, negation or intention on the permission, the complement codes as before.
    expect(asserted(code('The French government allowed the Chilean navy to seize the ships.'))).toContain('COERCE');
  });
  it('the permission reaches only its own to-infinitive, not a verb coordinated after it', () => {
    const d = code('The French government did not allow the talks to resume and expelled the Chilean ambassador.');
    expect(asserted(d)).toContain('COERCE');
    // Counterpart: the infinitive right after "to" still takes the negated permission.
    expect(asserted(code('The French government did not allow the Chilean navy to expel the ambassador.'))).toEqual([]);
  });
});

describe('an evidential verb hedges the act', () => {
  it('"appeared ready to", "seems to have" are possibilities', () => {
    const d = code('The French government appeared ready to lift the ban on Chilean wine.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(d.events.every((e) => e.hypothetical && e.mode === 'possible')).toBe(true);
    expect(asserted(code('Chilean troops seem to have withdrawn from the French base.'))).toEqual([]);
    // Counterparts: an intention stays an intention, a done act stays asserted.
    expect(code('The French government is ready to lift the ban on Chilean wine.').events.map((e) => e.mode)).toEqual([
      'intent',
    ]);
    expect(asserted(code('Chilean troops withdrew from the French base.'))).toEqual(['RETREAT']);
  });
});

describe('a plan given up negates the planned act', () => {
  it('"abandoned their plans to" + a verb did not happen', () => {
    const d = code('On seeing the warship, the Chilean rebels abandoned their plans to seize the French tanker.');
    expect(d.events.some((e) => e.negated)).toBe(true);
    expect(asserted(d)).toEqual([]);
    // Counterpart: a plan announced is an intention, not a negation.
    const p = code('The Chilean rebels announced plans to seize the French tanker.');
    expect(p.events.length).toBeGreaterThan(0);
    expect(p.events.some((e) => e.negated)).toBe(false);
  });
});
