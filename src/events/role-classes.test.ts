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
});

describe('a participle without an auxiliary modifies the noun right before it', () => {
  it('an actor further left is no party to it', () => {
    const doc = code('France sent inspectors to count the villagers killed by the storm.');
    for (const e of doc.events.filter((x) => x.type === 'ASSAULT'))
      expect([...e.source, ...e.target].map((a) => a.text)).not.toContain('France');
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
});
