import { describe, expect, it } from 'vitest';
import { codeEvents, eventSides as sides } from './test-doc.js';

// Invented sentences, one class of direction or sense error each, with a counterpart that must keep its coding.
const names: [string, string][] = [
  ['Ivo Brandt', 'PER'],
  ['Lena Voss', 'PER'],
  ['Velor', 'ORG'],
  ['Marrow', 'ORG'],
  ['Karst', 'LOC'],
];
const code = (text: string) => codeEvents(text, names);

describe('reversed CAMEO patterns: the subject undergoes the act', () => {
  it('"came under fire from X": X criticises the subject', () => {
    expect(sides(code('Velor came under fire from Marrow.'), 'ACCUSE')).toEqual(['Marrow → Velor']);
  });
  it('"received tanks from X", "faces criticism from X": X is the source', () => {
    expect(sides(code('Velor received tanks from Marrow.'), 'AID')).toEqual(['Marrow → Velor']);
    expect(sides(code('Velor faced criticism from Marrow.'), 'ACCUSE')).toEqual(['Marrow → Velor']);
  });
  it('"died in an airstrike by X": X attacked the subject; with no party named, the act has no source', () => {
    expect(sides(code('Ivo Brandt died in an airstrike by Velor.'), 'ASSAULT')).toEqual(['Velor → Ivo Brandt']);
    expect(sides(code('Ivo Brandt faced trial in the town of Karst.'), 'COERCE')).toEqual([' → Ivo Brandt']);
  });
  it('a reversed act in a to-infinitive, by no one named, is still to come and codes nothing', () => {
    expect(code('Velor handed Ivo Brandt over to Marrow to face trial.').events.map((e) => e.type)).not.toContain(
      'COERCE',
    );
    expect(code('Ivo Brandt was sent to Karst to face charges.').events.map((e) => e.type)).not.toContain('ACCUSE');
    // Counterpart: with its source named, the act keeps its coding ("to come under fire from X" is X's act).
    expect(sides(code('Velor troops began to come under fire from Marrow.'), 'ACCUSE')).toEqual([
      'Marrow → Velor troops',
    ]);
  });
  it('a pattern written for one verb beats the same words spread over its synonym block', () => {
    expect(sides(code('Velor won the backing of Marrow.'), 'SUPPORT')).toEqual(['Marrow → Velor']);
  });
  it('the reversal keeps to the verb it was written for: "met X at a hearing" is a meeting', () => {
    expect(sides(code('Velor met Marrow at a hearing in Karst.'), 'CONSULT')).toEqual(['Velor → Marrow']);
    expect(sides(code('Velor met Marrow at a hearing in Karst.'), 'COERCE')).toEqual([]);
  });
  it('a forward pattern keeps its direction', () => {
    expect(sides(code('Velor gave a loan to Marrow.'), 'AID')).toEqual(['Velor → Marrow']);
    expect(sides(code('Velor criticised Marrow.'), 'ACCUSE')).toEqual(['Velor → Marrow']);
  });
});

describe('a letter or message keeps its sender', () => {
  it('"wrote a letter to Y", "wrote to Y": the writer is the source', () => {
    expect(sides(code('Ivo Brandt wrote a letter to Lena Voss.'), 'CONSULT')).toEqual(['Ivo Brandt → Lena Voss']);
    expect(sides(code('Lena Voss wrote to Ivo Brandt.'), 'CONSULT')).toEqual(['Lena Voss → Ivo Brandt']);
  });
  it('"sent a message to Y" keeps its sender too', () => {
    expect(sides(code('Velor sent a message to Marrow.'), 'CONSULT')).toEqual(['Velor → Marrow']);
  });
  it('"wrote that …" still reports: the writer is no party to the act written about', () => {
    const doc = code('Lena Voss wrote that Velor troops attacked Karst.');
    expect(sides(doc, 'ASSAULT')).toEqual(['Velor troops → Karst']);
  });
});

describe('"fire" with a human object is a dismissal', () => {
  it('"fired three employees", "sacked two aides" are personnel changes, not attacks', () => {
    const fired = code('Velor fired three employees.');
    expect(fired.events.map((e) => e.type)).toEqual(['COERCE']);
    expect(code('Marrow sacked two aides of Ivo Brandt.').events.map((e) => e.type)).not.toContain('ASSAULT');
  });
  it('firing at people, or firing a weapon, is still an attack', () => {
    expect(sides(code('Marrow police fired at three employees.'), 'ASSAULT')).toEqual(['Marrow police → employees']);
    expect(sides(code('Velor fired rockets at Marrow.'), 'ASSAULT')).toEqual(['Velor → Marrow']);
  });
  it('a noun of employment after its modifiers stays the target of the dismissal', () => {
    expect(sides(code('Marrow sacked 40 factory workers.'), 'COERCE')).toEqual(['Marrow → workers']);
    // Counterpart: the object right after the verb, as before.
    expect(sides(code('Velor fired three employees.'), 'COERCE')).toEqual(['Velor → employees']);
  });
});

describe('a claim of responsibility is no accusation', () => {
  it('"claimed responsibility for the plot against X" accuses no one', () => {
    expect(sides(code('Velor claimed responsibility for the plot against Marrow.'), 'ACCUSE')).toEqual([]);
  });
  it('the claimer is the agent of the act it claims', () => {
    expect(sides(code('Velor claimed responsibility for the attack on Marrow.'), 'ASSAULT')).toEqual([
      'Velor → Marrow',
    ]);
  });
  it('a claim that another did it still reports: the claimer is no party', () => {
    expect(sides(code('Velor claimed Marrow attacked Karst.'), 'ASSAULT')).toEqual(['Marrow → Karst']);
    expect(sides(code('Velor accused Marrow of the bombing.'), 'ACCUSE')).toEqual(['Velor → Marrow']);
  });
});
