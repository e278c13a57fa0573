import { describe, expect, it } from 'vitest';
import type { Doc, EventMention } from '../model/index.js';
import { codeEvents, sideWords } from './test-doc.js';

// Invented sentences, one class of role reading each: who is the source and who the target.
const names: [string, string][] = [
  ['Ivo Brandt', 'PER'],
  ['Lena Voss', 'PER'],
  ['Tomas Reel', 'PER'],
];
const code = (text: string) => codeEvents(text, names);
const byTrigger = (doc: Doc, word: string): EventMention[] => doc.events.filter((e) => e.trigger.text.includes(word));
const asserted = (e: EventMention) => !e.mode && !e.negated && !e.hypothetical;

describe('a pronoun opening a reported clause is the sayer', () => {
  it('"the prosecutors announced they …" takes the authorities, not the sentence’s first name', () => {
    const doc = code('Ivo Brandt paid a fine in May; the prosecutors announced they would indict him for fraud.');
    const charge = byTrigger(doc, 'indict');
    expect(charge.length).toBe(1);
    expect(sideWords(charge[0]!, 'source')).toEqual(['prosecutors']);
  });
  it('"France said it would …" still takes France', () => {
    const doc = code('France said it would send troops to Chile.');
    expect(doc.events[0]!.source.map((a) => a.text)).toEqual(['France']);
  });
  it('"they" never stands for one person: "the governor said they killed …" keeps the rebels', () => {
    for (const [text, verb, subject] of [
      ['Rebels stormed the town, and the governor said they killed ten villagers.', 'killed', 'Rebels'],
      ['Militants seized the village, and the mayor said they burned homes.', 'burned', 'Militants'],
    ]) {
      const e = byTrigger(code(text!), verb!);
      expect(e.length).toBe(1);
      expect(sideWords(e[0]!, 'source')).toEqual([subject]);
    }
  });
  it('a group sayer does not take "they" from an earlier clause with an acting group', () => {
    const doc = code('Protesters blocked the road, and police said they attacked officers with stones.');
    const attack = byTrigger(doc, 'attacked');
    expect(attack.length).toBe(1);
    expect(sideWords(attack[0]!, 'source')).toEqual(['Protesters']);
  });
});

describe('a participle without an auxiliary modifies the noun right before it', () => {
  it('an actor further left is no party to it', () => {
    const doc = code('France sent inspectors to count the villagers killed by rebels.');
    const killed = byTrigger(doc, 'killed');
    expect(killed.length).toBe(1);
    expect(sideWords(killed[0]!, 'source')).toEqual(['rebels']);
    expect(sideWords(killed[0]!, 'target')).toEqual(['villagers']);
  });
  it('a noun after the relative clause is no party to it; an apposition gives the name it describes', () => {
    const doc = code(
      'Chile Shipping Lines, the state freight company sanctioned by France on Monday, charters two tankers.',
    );
    const sanctioned = byTrigger(doc, 'sanctioned');
    expect(sanctioned.length).toBe(1);
    expect(sanctioned[0]!.source.map((a) => a.text)).toEqual(['France']);
    expect(sideWords(sanctioned[0]!, 'target')).not.toContain('tankers');
  });
  it('"Name, the navy chief sanctioned by X" targets the named person', () => {
    const doc = code('Adm. Tomas Reel, the navy chief sanctioned by France, met reporters.');
    const sanctioned = byTrigger(doc, 'sanctioned');
    expect(sanctioned.length).toBe(1);
    expect(sanctioned[0]!.target.map((a) => a.text)).toEqual(['Tomas Reel']);
  });
  it('the noun right before it undergoes the act', () => {
    const doc = code('Chile freed the rebels captured by France.');
    const captured = byTrigger(doc, 'captured');
    expect(captured.map((e) => e.source.map((a) => a.text))).toEqual([['France']]);
    expect(sideWords(captured[0]!, 'target')).toEqual(['rebels']);
  });
});

describe('a sentence-opening prepositional phrase gives no subject', () => {
  it('"Under pressure from X, the firm agreed": X did not agree', () => {
    const doc = code('Under pressure from Ivo Brandt, the firm agreed on Monday to pay the workers.');
    expect(byTrigger(doc, 'agreed').length).toBe(1);
    for (const e of doc.events) expect(e.source.map((a) => a.text)).not.toContain('Ivo Brandt');
  });
});

describe('verbs of transfer in the passive', () => {
  it('the "to" phrase is the target, not what is handed over', () => {
    const doc = code('The navy seized a boat, and the pirates were handed over to Kenya on Monday.');
    const handed = byTrigger(doc, 'handed');
    expect(handed.length).toBe(1);
    expect(handed[0]!.target.map((a) => a.text)).toEqual(['Kenya']);
  });
  it('with no actor in the "to" phrase, what the agent hands back is the target', () => {
    const doc = code('The prisoners were returned to their families by the Red Cross.');
    const returned = byTrigger(doc, 'returned');
    expect(returned.length).toBe(1);
    expect(sideWords(returned[0]!, 'target')).toEqual(['prisoners']);
  });
});

describe('a purpose infinitive is intended, not reported as done', () => {
  it('"sent a team to Chile to help": the sending is asserted, the help is not', () => {
    const doc = code('France sent a medical team to Chile to help the villagers.');
    expect(doc.events.filter(asserted).map((e) => e.trigger.text)).toEqual(['sent a medical team']);
  });
  it('an infinitive a verb takes as its complement keeps its own reading', () => {
    const doc = code('France urged Chile to free the prisoners.');
    expect(doc.events.map((e) => e.type)).toContain('REQUEST');
  });
});

describe('verb + object patterns in the passive', () => {
  it('"sanctions were imposed on X by Y" is Y sanctioning X', () => {
    const doc = code('Sanctions were imposed on Chile by France on Monday.');
    const e = doc.events.find((x) => x.type === 'SANCTION');
    expect(e?.source.map((a) => a.text)).toEqual(['France']);
    expect(e?.target.map((a) => a.text)).toEqual(['Chile']);
  });
  it('a subject with "no", or "not"/"never" after the auxiliary, negates the act', () => {
    for (const text of [
      'No sanctions were imposed on Chile after the vote.',
      'Sanctions were not imposed on Chile after the vote.',
      'Sanctions were never imposed on Chile.',
    ]) {
      const e = code(text).events.filter((x) => x.type === 'SANCTION');
      expect(e.length).toBe(1);
      expect(e[0]!.negated).toBe(true);
    }
    const plain = code('Sanctions were imposed on Chile after the vote.').events.filter((x) => x.type === 'SANCTION');
    expect(plain.map((e) => e.negated)).toEqual([false]);
  });
  it('a place after the "by" agent says where the agent is, not whom the act is done to', () => {
    const doc = code('The fines were imposed by a court in Lima.');
    const imposed = byTrigger(doc, 'imposed');
    expect(imposed.length).toBe(1);
    expect(imposed[0]!.target.map((a) => a.text)).not.toContain('Lima');
  });
  it('an object past a subordinator and a pronoun is out of reach', () => {
    const doc = code('France may back the claim once it is lodged in Lima.');
    expect(byTrigger(doc, 'lodged')).toEqual([]);
  });
  it('forces moved with no agent named are the side that moves', () => {
    const doc = code('Chilean troops were withdrawn from Peru on Monday.');
    const e = doc.events.find((x) => x.type === 'RETREAT');
    expect(e?.source.map((a) => a.code)).toEqual(['CHLMIL']);
  });
});

describe('group nouns', () => {
  it('a party that is a social gathering is no actor', () => {
    const doc = code('A gunman opened fire at an office party in Lima, killing two guests.');
    expect(doc.events.filter((e) => e.type === 'ASSAULT').length).toBeGreaterThan(0);
    for (const e of doc.events)
      for (const side of ['source', 'target'] as const) expect(sideWords(e, side).join(' ')).not.toMatch(/party/);
  });
  it('"cops" are police', () => {
    const doc = code('Protesters threw stones while cops arrested the students.');
    const arrest = byTrigger(doc, 'arrested');
    expect(arrest.length).toBe(1);
    expect(sideWords(arrest[0]!, 'source')).toEqual(['cops']);
  });
  it('a state named after the trigger as a party of another act does not own the organ', () => {
    const doc = code('Ivo Brandt is being pressured by lawmakers to help Chile.');
    const e = byTrigger(doc, 'pressured')[0];
    expect(e?.source.map((a) => a.code)).toEqual(['LEG']);
  });
  it('an organ the sentence gave a state keeps it when named again', () => {
    const doc = code("Chile's army shelled a depot, but the army says it fired on the rebels first.");
    const fired = byTrigger(doc, 'fired')[0];
    expect(fired?.source.map((a) => a.code)).toEqual(['CHLMIL']);
  });
});

describe('a state and title before a person name', () => {
  it('the person is the actor, with the state in the code', () => {
    const doc = codeEvents('Dutch Foreign Minister Lena Voss criticized Chile on Monday.', [['Lena Voss', 'PER']]);
    const e = doc.events.find((x) => x.type === 'ACCUSE');
    expect(e?.source.map((a) => a.actorKey)).toEqual(['person:lena voss']);
    expect(e?.source[0]?.code.slice(0, 3)).toBe('NLD');
  });
  it('only title words may stand between the state and the name', () => {
    const doc = codeEvents('China On Tuesday Xi Jinping criticized Peru.', [['Xi Jinping', 'PER']]);
    const e = doc.events.find((x) => x.type === 'ACCUSE');
    expect(e?.source.map((a) => a.text)).toEqual(['China']);
    const titled = codeEvents('Chinese President Xi Jinping criticized Peru.', [['Xi Jinping', 'PER']]);
    expect(titled.events.find((x) => x.type === 'ACCUSE')?.source.map((a) => a.actorKey)).toEqual([
      'person:xi jinping',
    ]);
  });
});

describe('people released in the passive undergo the release', () => {
  it('"the fishermen were released" makes them the target, not the side that retreats', () => {
    const e = code('The 12 fishermen were released on Monday.').events.filter((x) => x.type === 'RETREAT');
    expect(e.map((x) => `${sideWords(x, 'source').join('+')} → ${sideWords(x, 'target').join('+')}`)).toEqual([
      ' → fishermen',
    ]);
    // Counterpart: troops withdrawn with no agent named are still the side that retreats.
    const t = code('The Chilean troops were withdrawn on Monday.').events.filter((x) => x.type === 'RETREAT');
    expect(t.map((x) => sideWords(x, 'source').join('+'))).toEqual(['Chilean troops']);
  });
});

describe('"and" + a subject of its own + a finite verb opens a new clause, not more of a complement', () => {
  it('the second act is coded with its own subject', () => {
    const doc = code('Chile urged Peru to talk and Peru agreed to withdraw its troops.');
    expect(doc.events.map((e) => [e.type, e.source.map((a) => a.text)])).toEqual([
      ['REQUEST', ['Chile']],
      ['AGREE', ['Peru']],
    ]);
  });
  it('counterparts: coordinated infinitives and coordinated hearers stay in the complement', () => {
    expect(code('Chile urged Peru to talk and to withdraw its troops.').events.map((e) => e.type)).toEqual(['REQUEST']);
    const doc = code('Chile urged Peru and Bolivia to withdraw their troops.');
    expect(doc.events.map((e) => [e.type, e.target.map((a) => a.text)])).toEqual([['REQUEST', ['Peru', 'Bolivia']]]);
  });
});
