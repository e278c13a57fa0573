import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types, assertedTypes as asserted } from './test-doc.js';

// Invented places, tagged as the tests' entities.
const PLACES: [string, string][] = [
  ['Veskaria', 'LOC'],
  ['Norvessa', 'LOC'],
];
const code = (text: string, phrases: [string, string][] = []) => codeEvents(text, [...PLACES, ...phrases]);

// Classes of sentences with event-like words that report no act done, each with a counterpart that must still code.
describe('"be to blame" says who is responsible, it is no accusation', () => {
  it('the predicative idiom codes nothing', () => {
    const phrases: [string, string][] = [['Ivo Brandt', 'PER']];
    expect(
      types(code('In a report by Ivo Brandt, the drought is largely to blame for the poor harvest.', phrases)),
    ).not.toContain('ACCUSE');
    expect(
      types(code('Ivo Brandt said the cabinet of Norvessa was not to blame for the poor harvest.', phrases)),
    ).toEqual([]);
    // Counterpart: blaming someone is an accusation, also after another verb's "to".
    expect(asserted(code('Ivo Brandt blamed the cabinet of Norvessa for the poor harvest.', phrases))).toEqual([
      'ACCUSE',
    ]);
    expect(types(code('Ivo Brandt was quick to blame the cabinet of Norvessa for the poor harvest.', phrases))).toEqual(
      ['ACCUSE'],
    );
  });
});

describe('a modal reaches the act through a verb of undertaking', () => {
  it('"will move to" + a verb is a plan', () => {
    const d = code('Veskaria will also move quickly to expel the ambassador of Norvessa.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(asserted(d)).toEqual([]);
    expect(d.events.every((e) => e.mode === 'intent')).toBe(true);
    // Counterpart: done, "moved quickly to" reports the act as taken.
    expect(asserted(code('Veskaria moved quickly to expel the ambassador of Norvessa.'))).toEqual(
      types(code('Veskaria expelled the ambassador of Norvessa.')),
    );
  });
});

describe('a word inside a noun phrase after "under" names a state', () => {
  it('an -ing premodifier of the noun after "under" is no act', () => {
    expect(types(code('Norvessa will keep fishing under a stricter permitting regime.'))).toEqual([]);
    // Counterpart: a verb after the phrase is the clause's own act.
    expect(
      asserted(code('Norvessa, under pressure from the unions, permitted inspectors from Veskaria to enter.')),
    ).toContain('CONCEDE');
  });
});

describe('the to-infinitive of "allow" and "permit" takes their modality', () => {
  it('what is not to be allowed has not happened', () => {
    const d = code('Veskaria should not allow more trawlers from Norvessa to get permits.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(asserted(d)).toEqual([]);
    expect(asserted(code('Veskaria will not allow the navy of Norvessa to seize the ferries.'))).toEqual([]);
    // Counterpart: with no modal, negation or intention on the permission, the complement codes as before.
    expect(asserted(code('Veskaria allowed the navy of Norvessa to seize the ferries.'))).toContain('COERCE');
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
    const d = code('Veskaria appeared ready to lift the ban on timber from Norvessa.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(d.events.every((e) => e.hypothetical && e.mode === 'possible')).toBe(true);
    expect(asserted(code('Troops from Norvessa seem to have withdrawn from the outpost in Veskaria.'))).toEqual([]);
    // Counterparts: an intention stays an intention, a done act stays asserted.
    expect(code('Veskaria is ready to lift the ban on timber from Norvessa.').events.map((e) => e.mode)).toEqual([
      'intent',
    ]);
    expect(asserted(code('Troops from Norvessa withdrew from the outpost in Veskaria.'))).toEqual(['RETREAT']);
  });
});

describe('a plan given up negates the planned act', () => {
  it('"abandoned their plans to" + a verb did not happen', () => {
    const d = code('Norvessa abandoned its plans to blockade the ports of Veskaria.');
    expect(d.events.some((e) => e.negated)).toBe(true);
    expect(asserted(d)).toEqual([]);
    // Counterpart: a plan announced is an intention, not a negation.
    const p = code('Norvessa announced plans to blockade the ports of Veskaria.');
    expect(p.events.length).toBeGreaterThan(0);
    expect(p.events.some((e) => e.negated)).toBe(false);
  });
});
