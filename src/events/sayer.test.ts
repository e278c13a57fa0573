import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents } from './test-doc.js';

const code = codeEvents;
/** Every actor text on either side of every event. */
const parties = (doc: Doc) => doc.events.flatMap((e) => [...e.source, ...e.target].map((a) => a.text));
const find = (doc: Doc, type: string) => doc.events.find((e) => e.type === type);

// The speaker of a verb of saying reports an act; it is no party to it unless the text makes it one.
describe('the sayer is no actor of the act it reports', () => {
  it('past an adverb between the speaker and the verb', () => {
    expect(parties(code('The Chilean leadership here says hundreds of people have been killed.'))).not.toContain(
      'Chilean leadership',
    );
    expect(parties(code('The Chilean government has repeatedly said hundreds were detained.'))).not.toContain(
      'Chilean government',
    );
  });
  it('the hearer of "told" and the words before "that" belong to the saying', () => {
    expect(parties(code('Chilean officials told France that hundreds were detained.'))).not.toContain('France');
    expect(
      parties(code('Ivo Brandt told the Chilean parliament that hundreds were detained.', [['Ivo Brandt', 'PER']])),
    ).not.toContain('Chilean parliament');
  });
  it('a verb coordinated after the reported clause is the speaker’s', () => {
    const e = find(code('France said dozens of civilians were killed, and accused Chile of the attack.'), 'ACCUSE');
    expect(e?.source.map((a) => a.text)).toEqual(['France']);
  });
  it('a verb after "and" following a reported clause that only predicates with "be" is the speaker’s', () => {
    const e = find(code('Chile said the attack was unacceptable and expelled two diplomats.'), 'SANCTION');
    expect(e?.source.map((a) => a.text)).toEqual(['Chile']);
    // Counterparts: a reported clause with an actor, or with an act of its own (a passive), keeps the nearest conjunct.
    const f = find(code('Chile said Peru was hostile and expelled two diplomats.'), 'SANCTION');
    expect(f?.source.map((a) => a.text)).toEqual(['Peru']);
    expect(parties(code('Chile said the missiles were launched and struck the town.'))).not.toContain('Chile');
  });
  it('a quotation after a colon is the speaker’s own words', () => {
    const q = code('France issued a statement, saying: "We reject the offer from Chile."').events.find(
      (e) => e.type === 'REJECT',
    );
    expect(q?.target.map((a) => a.text)).toEqual(['Chile']);
  });
  it('counterparts: the text makes the speaker a party', () => {
    // A pronoun subject in the complement stands for the speaker.
    const a = find(code('France said it had been attacked by Chile.'), 'ASSAULT');
    expect(a?.source.map((x) => x.text)).toEqual(['Chile']);
    expect(a?.target.map((x) => x.text)).toEqual(['France']);
    const t = find(code('France said on Monday it would impose sanctions on Chile.'), 'THREATEN');
    expect(t?.source.map((x) => x.text)).toEqual(['France']);
    // A directive: the speaker asks the hearer, who is to do the infinitive's act (its content).
    const d = find(code('France told Chile to free the prisoners.'), 'REQUEST');
    expect([d?.source.map((x) => x.text), d?.target.map((x) => x.text), d?.attributes.action]).toEqual([
      ['France'],
      ['Chile'],
      'RETREAT',
    ]);
    // The subject of the complement is read as before.
    const f = find(code('Chilean officials said French troops fired on the crowd.'), 'ASSAULT');
    expect(f?.source.map((x) => x.text)).toEqual(['French troops']);
    // A verb of saying that takes an act as its object: the announcer acts.
    expect(code('France announced sanctions on Chile.').events[0]?.source.map((x) => x.text)).toEqual(['France']);
  });
  it('a verb of saying inside a relative clause is no barrier: the noun it modifies is the main verb’s subject', () => {
    const a = find(code('Chilean rebels who claimed the town attacked a French convoy.'), 'ASSAULT');
    expect(a?.source.map((x) => x.text)).toEqual(['Chilean rebels']);
    const b = find(code('French police who noted the crowd arrested Ivo Brandt.', [['Ivo Brandt', 'PER']]), 'COERCE');
    expect(b?.source.map((x) => x.text)).toEqual(['French police']);
    // Counterpart: the speaker of a main-clause verb of saying stays out.
    expect(parties(code('Chilean rebels claimed French troops attacked the town.'))).not.toContain('Chilean rebels');
  });
  it('a plural noun right after "told" is the hearer; the actor after it is the complement’s subject', () => {
    const a = find(
      code('Ivo Brandt told reporters French police arrested two men.', [['Ivo Brandt', 'PER']]),
      'COERCE',
    );
    expect(a?.source.map((x) => x.text)).toEqual(['French police']);
    // Counterpart: a named hearer is still no party.
    expect(parties(code('Chilean officials told France that hundreds were detained.'))).not.toContain('France');
  });
});
