import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents } from './test-doc.js';

// Classes of wrong timeline rows, each with invented sentences (invented places: Ruritania, Dorva; people: Ivo Brandt)
// and a counterpart that must keep its coding.
const names: [string, string][] = [
  ['Ivo Brandt', 'PER'],
  ['Velor Holdings', 'ORG'],
  ['Ruritania', 'LOC'],
  ['Dorva', 'LOC'],
];
const code = (text: string) => codeEvents(text, names);
const types = (doc: Doc) => doc.events.map((e) => e.type);
const codes = (doc: Doc, type: string, side: 'source' | 'target') =>
  doc.events.filter((e) => e.type === type).flatMap((e) => e[side].map((a) => a.code));

describe('a maxim names a kind of activity, no act', () => {
  it('a bare gerund after "than" or opening an evaluation', () => {
    expect(types(code('"Arguing is better than shooting," said Ivo Brandt, a baker in Dorva.'))).not.toContain(
      'ASSAULT',
    );
    expect(types(code('Bombing is wrong, Ivo Brandt told the Chilean press.'))).not.toContain('ASSAULT');
  });
  it('an activity compared with another time, or told in the past, is going on', () => {
    expect(types(code('Looting is worse than ever in Dorva, residents said.'))).toContain('ASSAULT');
    expect(types(code('Shooting was heavy all night, Ivo Brandt said.'))).toContain('ASSAULT');
  });
  it('counterpart: a gerund with its own object or subject still reports the act', () => {
    expect(types(code('Rather than talking, Chilean rebels kept shooting at the police.'))).toContain('ASSAULT');
    expect(types(code('Chilean rebels were better at shooting the guards than at talking.'))).toContain('ASSAULT');
  });
});

describe('a place named as "the city of X" is where, not who', () => {
  it('a launch site in a reported passive is no attacker of the next verb', () => {
    const doc = code(
      'The Chilean army said two rockets were launched from a base near the northern town of Dorva and struck a depot at sea.',
    );
    for (const e of doc.events) expect(e.source.map((a) => a.text)).not.toContain('Dorva');
  });
  it('counterpart: a verb after ", and" shares the speaker; a capital acting is still an actor', () => {
    const doc = code('France said dozens of civilians were killed, and accused Chile of the attack.');
    expect(doc.events.find((e) => e.type === 'ACCUSE')?.source.map((a) => a.text)).toEqual(['France']);
    expect(codes(code('Chile accused Peru of spying.'), 'ACCUSE', 'source')).toEqual(['CHL']);
  });
});

describe('elections held are no expressed intent (CAMEO 034)', () => {
  it('a done election is not AGREE', () => {
    expect(types(code('Chile held elections on Sunday.'))).not.toContain('AGREE');
  });
  it('counterpart: an election announced for the future stays an intent', () => {
    const doc = code('Chile will hold early elections.');
    expect(doc.events.map((e) => [e.type, e.mode])).toEqual([['AGREE', 'intent']]);
  });
});

describe('"military" before a common noun is an adjective', () => {
  it('"military transits" names no actor', () => {
    expect(
      codes(code('Chile and Peru have clashed over fishing quotas and military transits.'), 'ASSAULT', 'target'),
    ).not.toContain('MIL');
  });
  it('counterpart: "the military", "Chile\'s military", "military officials" stay actors', () => {
    expect(codes(code('The military attacked the rebels.'), 'ASSAULT', 'source')).toEqual(['MIL']);
    expect(codes(code("Chile's military attacked the rebels."), 'ASSAULT', 'source')).toEqual(['CHLMIL']);
    expect(codes(code('Military commanders attacked the rebels.'), 'ASSAULT', 'source')).toHaveLength(1);
  });
});

describe('generic organs are not given to the article state when the sentence is about another', () => {
  const article = (sentence: string) =>
    code(`Chile imposed sanctions on Ruritania on Monday. Chile said so. ${sentence} Chile is calm.`);
  it('a sentence where an uncoded state acts', () => {
    const doc = article("Ruritania's president sacked the head of the country's navy.");
    expect(codes(doc, 'COERCE', 'target').some((c) => c.startsWith('CHL'))).toBe(false);
    const sent = article('Ruritania ordered warships into the strait.');
    expect(codes(sent, 'MOBILIZE', 'target').some((c) => c.startsWith('CHL'))).toBe(false);
  });
  it("an uncoded place the act is done to (after the trigger) leaves the organ the article state's", () => {
    expect(codes(article('Rebels said the navy blockaded Ruritania.'), 'COERCE', 'source')).toEqual(['CHLMIL']);
    expect(codes(article('Soldiers attacked Ruritania overnight.'), 'ASSAULT', 'source')).toEqual(['CHLMIL']);
  });
  it('"the two leaders", "both governments": organs of several states', () => {
    const doc = article('A union urged the two leaders to reopen the border.');
    expect(codes(doc, 'REQUEST', 'target')).toEqual(['GOV']);
  });
  it("counterpart: with no other state in the sentence, the organ is the article state's", () => {
    expect(codes(article('A union urged the leaders to reopen the border.'), 'REQUEST', 'target')).toEqual(['CHLGOV']);
    expect(codes(article('Rebels attacked soldiers near the border.'), 'ASSAULT', 'target')).toEqual(['CHLMIL']);
  });
});

describe('an organ owned through a possessive refers back to the name before it', () => {
  const article = (sentence: string) =>
    code(`Chile imposed sanctions on Ruritania on Monday. Chile said so. ${sentence} Chile is calm.`);
  it('"the country\'s navy", "its troops" after a name the coder cannot code', () => {
    const head = article("Velor Holdings said the rebels had attacked the country's troops.");
    expect(codes(head, 'ASSAULT', 'target').some((c) => c.startsWith('CHL'))).toBe(false);
    const its = article('Velor Holdings said rebels had attacked its troops.');
    expect(codes(its, 'ASSAULT', 'target').some((c) => c.startsWith('CHL'))).toBe(false);
  });
  it("counterpart: with no name before it, or a coded state, the organ is that state's", () => {
    expect(codes(article("Rebels attacked the country's troops."), 'ASSAULT', 'target')).toEqual(['CHLMIL']);
    expect(codes(code('Chile said its troops attacked the rebels. Chile is calm.'), 'ASSAULT', 'source')).toEqual([
      'CHLMIL',
    ]);
  });
});

describe('an infinitive coordinated with a governed infinitive is part of the same demand', () => {
  it('"urged X to …, or …, then to …", "asked X to … and …": one REQUEST', () => {
    const doc = code(
      'Peruvian growers urged the ministry to buy up the spoiled harvest this week, or if it cannot, then to release the jailed union leaders.',
    );
    expect(types(doc)).toEqual(['REQUEST']);
    const asked = code(
      'Ivo Brandt asked the Chilean bishops to fast and pray for a week and ask France for forgiveness.',
    );
    expect(types(asked)).toEqual(['REQUEST']);
  });
  it('counterpart: a finite verb after "and" is an act of its own', () => {
    const doc = code('Chile urged France to withdraw its envoy and expelled two Peruvian diplomats.');
    expect(types(doc)).toEqual(['REQUEST', 'SANCTION']);
  });
});

describe('"the town of X" is a place only inside a locative phrase', () => {
  it('as the subject or object of the act, the named town is a party', () => {
    const shelled = codeEvents('The port of Kellhaven was shelled by Chilean gunboats overnight.', [
      ['Kellhaven', 'LOC'],
    ]);
    expect(shelled.events.find((e) => e.type === 'ASSAULT')?.target.map((a) => a.text)).toEqual(['Kellhaven']);
    const accused = code('Chile accused the town of Dorva of sheltering rebels.');
    expect(accused.events.find((e) => e.type === 'ACCUSE')?.target.map((a) => a.text)).toEqual(['Dorva']);
  });
  it('counterpart: after a locative preposition, however long the phrase, it stays where', () => {
    const doc = code('Rebels from the remote mountain town of Dorva attacked Chilean troops.');
    expect(doc.events.find((e) => e.type === 'ASSAULT')?.source.map((a) => a.text)).toEqual(['Rebels']);
  });
});

const kellNames: [string, string][] = [
  ['Kellhaven', 'LOC'],
  ['Dorva', 'LOC'],
];

describe('"military" before a unit, vehicle or post names the force', () => {
  it('"military units", "military convoys" stay the military', () => {
    const units = codeEvents('Military units shelled the village of Dorva.', kellNames);
    expect(codes(units, 'ASSAULT', 'source')).toEqual(['MIL']);
    const convoy = codeEvents('Rebels ambushed military convoys near Kellhaven.', kellNames);
    expect(codes(convoy, 'ASSAULT', 'target')).toEqual(['MIL']);
  });
  it('counterpart: "military" before a topic noun is still an adjective', () => {
    const doc = codeEvents('Chile and Peru have clashed over military matters near Kellhaven.', kellNames);
    expect(codes(doc, 'ASSAULT', 'target')).not.toContain('MIL');
  });
});

describe("a speech act joined to a reported passive is the speaker's", () => {
  it('"said two guards were wounded and blamed Y": the speaker blames', () => {
    const doc = code('Peru said two of its guards were wounded and blamed Chile for the raid.');
    expect(doc.events.find((e) => e.type === 'ACCUSE')?.source.map((a) => a.text)).toEqual(['Peru']);
    const things = code('Peru said three shells were fired at the harbour and accused Chile.');
    expect(things.events.find((e) => e.type === 'ACCUSE')?.source.map((a) => a.text)).toEqual(['Peru']);
  });
  it('counterpart: a participle with no object shares the passive; a physical act keeps the nearest subject', () => {
    const doc = code('Peru said the protesters were detained and charged with sabotage.');
    const charged = doc.events.find((e) => e.type === 'ACCUSE');
    expect([charged?.source.length, charged?.target.map((a) => a.text)]).toEqual([0, ['protesters']]);
    const struck = code('Peru said two shells were fired from the north and struck a school in Dorva.');
    for (const e of struck.events) expect(e.source.map((a) => a.text)).not.toContain('Peru');
  });
});
