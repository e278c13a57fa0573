import { describe, expect, it } from 'vitest';
import { codeEvents as code, eventSides as sides, eventTypes as types } from './test-doc.js';

// Invented sentences. The first expectation of each case fails on the coder before this change; the counterparts
// pass before and after.
const P: [string, string][] = [['Ivo Brandt', 'PERSON']];

describe('a directive verb with an object and a to-infinitive is a request', () => {
  it('"advised X to …" is a REQUEST on X, the infinitive its content', () => {
    const doc = code('Chile advised Peru to close the border.');
    expect(types(doc)).toEqual(['REQUEST']);
    expect(sides(doc, 'REQUEST')).toEqual(['Chile → Peru']);
    expect(doc.events[0]!.attributes.action).toBe('SANCTION');
    // Told as done, the closing is the event.
    expect(types(code('Peru closed the border.'))).toEqual(['SANCTION']);
  });
  it('"told X to …" and "instructed X to …" direct X; the subject of a directive is its source, no reporter', () => {
    expect(sides(code('Police told the protesters to leave the square.'), 'REQUEST')).toEqual(['Police → protesters']);
    expect(types(code('Chile instructed its diplomats to leave Peru.'))).toEqual(['REQUEST']);
    // "told reporters that …" reports: the teller is no party to the attack.
    const told = code('Officials told reporters that rebels attacked the town.');
    expect(types(told)).toEqual(['ASSAULT']);
    expect(sides(told, 'ASSAULT')[0]).toMatch(/^rebels →/);
  });
  it('only in the object + to-infinitive frame', () => {
    expect(types(code('Chile advised Peru on the new border rules.'))).toEqual([]);
    expect(types(code('The court ordered a review of the case.'))).toEqual([]);
    expect(types(code('Chile urged Peru to close the border.'))).toEqual(['REQUEST']);
  });
});

describe('a pronoun whose antecedent is in an earlier sentence is the actor at the pronoun', () => {
  it('the actor keeps the antecedent name and code, its span is the pronoun in the event sentence', () => {
    const text = 'Chile recalled its ambassador on Monday. It also expelled two Peruvian diplomats.';
    const doc = code(text);
    const e = doc.events.find((x) => x.type === 'SANCTION' && x.trigger.text.startsWith('expelled'))!;
    expect(e.source.map((a) => [a.text, a.name, a.code])).toEqual([['It', 'Chile', 'CHL']]);
    expect(e.source[0]!.start).toBe(text.indexOf('It also'));
  });
  it('an antecedent in the same sentence keeps its own span', () => {
    const text = 'Ivo Brandt said he would resign, and then he resigned.';
    const doc = code(`Chile recalled its ambassador. ${text}`, P);
    for (const e of doc.events)
      for (const a of e.source) if (a.name === 'Ivo Brandt') expect(doc.text.slice(a.start, a.end)).not.toBe('he');
    const one = code('Chile said it expelled two Peruvian diplomats.');
    expect(one.events.map((e) => e.source.map((a) => a.text).join('+'))).toEqual(['Chile']);
  });
});

describe('an executive is a business agent', () => {
  it('"met with bank executives" is a meeting with a business side', () => {
    const doc = code('Interior Minister Anna Berg met with bank executives on Thursday.', [['Anna Berg', 'PERSON']]);
    expect(types(doc)).toEqual(['CONSULT']);
    expect(doc.events[0]!.target.map((a) => a.code)).toEqual(['BUS']);
    // A meeting with a group noun already known stays a meeting.
    expect(types(code('Interior Minister Anna Berg met with union leaders.', [['Anna Berg', 'PERSON']]))).toEqual([
      'CONSULT',
    ]);
  });
});

describe('an aside between subject and verb is not the subject', () => {
  it('a participle clause set off by commas', () => {
    const a = code("Chile's foreign minister, addressing supporters in Lima, Peru, accused Bolivia of spying.");
    expect(sides(a, 'ACCUSE')).toEqual(["Chile's foreign minister → Bolivia"]);
    // Unnamed subject: no side rather than the aside's place.
    const b = code('The senator, addressing supporters in Lima, Peru, accused Chile of spying.');
    expect(b.events.find((e) => e.type === 'ACCUSE')?.source.map((x) => x.text)).toEqual([]);
    // Counterpart: an opening participle clause, then the subject.
    expect(sides(code('In Lima, addressing supporters, Peru accused Chile of spying.'), 'ACCUSE')).toEqual([
      'Peru → Chile',
    ]);
  });
  it('a bracketed aside', () => {
    const doc = code('Ten sailors (four Chilean and six Peruvian) surrendered to the navy.');
    expect(doc.events.find((e) => e.type === 'RETREAT')?.source.map((x) => x.text)).toEqual(['sailors']);
    // Counterpart: a list of subjects is the subject.
    expect(sides(code('Chile, Peru and Bolivia accused Ecuador of spying.'), 'ACCUSE')).toEqual([
      'Chile+Peru+Bolivia → Ecuador',
    ]);
  });
});

describe("an agentless death in a natural disaster's report is its toll", () => {
  const quake = 'The earthquake struck the capital on Tuesday. ';
  it('no ASSAULT for "forty villagers were killed" after an earthquake', () => {
    expect(types(code(`${quake}The governor says at least forty villagers were killed.`))).toEqual([]);
    // Counterparts: an agent, a word of force, or no disaster in the article keep the attack.
    expect(types(code(`${quake}Officials say ten people were killed by gunmen.`))).toEqual(['ASSAULT']);
    expect(types(code(`${quake}Ten people were shot dead.`))).toEqual(['ASSAULT']);
    expect(types(code('Rebels attacked the capital on Tuesday. Officials say ten people have been killed.'))).toEqual([
      'ASSAULT',
      'ASSAULT',
    ]);
  });
});
