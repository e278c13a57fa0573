import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types, eventSides as sides } from './test-doc.js';

// Invented sentences, one class of lexicon or type-choice error each, with a counterpart that must keep its coding.
const names: [string, string][] = [
  ['Ivo Brandt', 'PER'],
  ['Lena Voss', 'PER'],
  ['Velor', 'ORG'],
  ['Marrow', 'ORG'],
];
const code = (text: string) => codeEvents(text, names);

describe('irregular verb forms', () => {
  it('"found guilty" is a conviction (SANCTION), active and passive', () => {
    expect(sides(code('Velor found Ivo Brandt guilty of fraud.'), 'SANCTION')).toEqual(['Velor → Ivo Brandt']);
    expect(sides(code('Ivo Brandt was found guilty by a Marrow court.'), 'SANCTION')).toEqual([
      'Marrow court → Ivo Brandt',
    ]);
  });
  it('"blew up" is an attack; the regular "finds" still codes nothing of the sort', () => {
    expect(types(code('Velor blew up a bridge in Marrow.'))).toContain('ASSAULT');
    expect(types(code('Velor finds the report useful.'))).toEqual([]);
  });
});

describe('a weapon fired or launched at a target', () => {
  it('is an attack', () => {
    expect(sides(code('Velor launched missiles at Marrow.'), 'ASSAULT')).toEqual(['Velor → Marrow']);
    expect(types(code('Velor fired a rocket at Marrow.'))).toContain('ASSAULT');
  });
  it('a launch with no target stays a show of force', () => {
    expect(types(code('Velor launched two missiles on Monday.'))).toEqual(['MOBILIZE']);
  });
});

describe('the agent of an event noun after its target phrase', () => {
  it('"the attack on X by Y" has Y as its source', () => {
    expect(sides(code('The attack on Marrow by Velor failed.'), 'ASSAULT')).toEqual(['Velor → Marrow']);
  });
  it('"by" + a time is no agent', () => {
    expect(sides(code('The attack on Marrow by night failed.'), 'ASSAULT')).not.toContain('Velor → Marrow');
  });
});

describe('"for" + a gerund after a demand is a reason, not its content', () => {
  it('the act given as the reason is coded on its own', () => {
    const doc = code('Lena Voss called on Velor to apologize to Ivo Brandt for accusing Marrow of fraud.');
    expect(types(doc)).toEqual(expect.arrayContaining(['REQUEST', 'ACCUSE']));
  });
  it('"called for" + a gerund is still the content of the demand', () => {
    expect(types(code('Velor called for ending the blockade of Marrow.'))).toEqual(['REQUEST']);
  });
});

describe('event nouns of verbs in the lexicon', () => {
  it('"insults" with a possessor is criticism', () => {
    expect(types(code("Velor's insults of Ivo Brandt angered Marrow."))).toContain('ACCUSE');
  });
});

describe("a verb pattern's object noun in either number", () => {
  it('"imposed a tariff", "sent a warship", "conducted a drill" code as their plural patterns do', () => {
    expect(sides(code('Velor imposed a tariff on Marrow.'), 'SANCTION')).toEqual(['Velor → Marrow']);
    expect(types(code('Velor sent a warship to Marrow.'))).toContain('MOBILIZE');
    expect(types(code('Velor conducted a drill near Marrow.'))).toContain('MOBILIZE');
  });
  it('a mass noun gets no plural: "AIDS" is not aid', () => {
    expect(types(code('Velor sent new figures on AIDS to Marrow.'))).not.toContain('AID');
  });
});
