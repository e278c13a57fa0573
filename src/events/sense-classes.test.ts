import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types, eventSides as sides } from './test-doc.js';

// Invented sentences, one class of word-sense error each, with a counterpart that must keep its coding.
const names: [string, string][] = [
  ['Ivo Brandt', 'PER'],
  ['Velor', 'ORG'],
];
const code = (text: string) => codeEvents(text, names);

describe('"was fired", "was sacked": a person dismissed, unless fired on or at', () => {
  it('a passive of a dismissal verb with a person by office as subject is a dismissal of that person', () => {
    const doc = code("Velor's interior minister was fired by Ivo Brandt.");
    expect(types(doc)).toEqual(['COERCE']);
    expect(doc.events[0]?.target.map((a) => a.text)).toEqual(["Velor's interior minister"]);
    expect(types(code('The Chilean defence minister was sacked on Monday.'))).toEqual(['COERCE']);
  });
  it('"fired on", "fired at", "shots were fired at" a person stay shooting', () => {
    expect(sides(code('The Chilean army chief was fired at by rebels.'), 'ASSAULT')).toEqual([
      'rebels → Chilean army chief',
    ]);
    expect(types(code('Shots were fired at the Chilean defence minister.'))).toEqual(['ASSAULT']);
    // Counterpart: shooting at a group, and "on" + a day, keep their readings.
    expect(types(code('Chilean police were fired on by rebels.'))).toEqual(['ASSAULT']);
    expect(types(code('The Chilean defence minister was fired on Monday.'))).toEqual(['COERCE']);
  });
});

describe('particle verbs of "fire" are no shooting', () => {
  it('"fire up" excites, "fire off" a letter sends it', () => {
    expect(types(code('The Chilean opposition leader fired up supporters in Karst.'))).not.toContain('ASSAULT');
    expect(types(code('The Chilean opposition leader fired off an email to Velor.'))).not.toContain('ASSAULT');
    expect(types(code('The Chilean president fired off a letter to France.'))).toContain('CONSULT');
  });
  it('"fired back at critics" is a retort, "troops fired back at rebels" shooting', () => {
    expect(types(code('The Chilean president fired back at critics.'))).toEqual(['ACCUSE']);
    expect(sides(code('Chilean troops fired back at rebels.'), 'ASSAULT')).toEqual(['Chilean troops → rebels']);
  });
  it('"fired on the crowd", "fired a missile", "fired up into the air" stay shooting', () => {
    expect(types(code('Chilean troops fired on the crowd.'))).toEqual(['ASSAULT']);
    expect(sides(code('Chile fired a missile at France.'), 'ASSAULT')).toEqual(['Chile → France']);
    expect(types(code('Chilean troops fired up into the air.'))).toEqual(['ASSAULT']);
  });
});

describe('"withdrew" a document or proposal is no retreat', () => {
  it('a plan, a bill, a complaint or a candidacy withdrawn', () => {
    for (const text of [
      'Chile withdrew a plan to tax France.',
      'The Chilean government withdrew the bill.',
      'The Chilean government withdrew its controversial proposal.',
      'Chile withdrew its complaint against France.',
      'The Chilean president withdrew his candidacy.',
    ])
      expect(types(code(text)), text).not.toContain('RETREAT');
  });
  it('troops, forces and envoys withdrawn stay a retreat or recall', () => {
    expect(sides(code('Chile withdrew its troops from France.'), 'RETREAT')).toEqual(['Chile → France']);
    expect(types(code('Chile withdrew forces from the border.'))).toEqual(['RETREAT']);
    expect(types(code('Chile withdrew its troops under the plan.'))).toEqual(['RETREAT']);
  });
});
