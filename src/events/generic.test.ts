import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents } from './test-doc.js';
import { attachGeneric } from './generic.js';

const code = codeEvents;
const sides = (doc: Doc) => doc.events.map((e) => [e.type, e.source.map((a) => a.code), e.target.map((a) => a.code)]);

describe('generic actors', () => {
  it('a state organ stands for the one state its sentence names', () => {
    expect(sides(code('Police fired tear gas at students in Chile.'))).toEqual([['ASSAULT', ['CHLCOP'], ['EDU']]]);
    expect(sides(code('In Chile, the government imposed sanctions on Peru.'))).toEqual([
      ['SANCTION', ['CHLGOV'], ['PER']],
    ]);
  });
  it('never the state on the other side, nor one of two', () => {
    expect(sides(code('The government imposed sanctions on Peru.'))).toEqual([['SANCTION', ['GOV'], ['PER']]]);
    const cand = (name: string, code: string, actorKey: string | null, kind: 'actor' | 'place' = 'actor') => ({
      ts: 0,
      te: 1,
      start: 0,
      end: name.length,
      name,
      code,
      actorKey,
      kind,
      placeName: actorKey ? name : null,
      media: false,
      person: false,
    });
    const words = ['police', 'in', 'Chile', 'and', 'Peru'].map((text) => ({ text }));
    const police = cand('police', 'COP', null);
    const students = cand('students', 'EDU', null);
    const chile = cand('Chile', 'CHL', 'country:CHL', 'place');
    const peru = cand('Peru', 'PER', 'country:PER', 'place');
    expect(attachGeneric(words, [police], [students], [police, chile, peru, students], null)[0]!.code).toBe('COP');
    expect(attachGeneric(words, [police], [students], [police, chile, students], null)[0]!.code).toBe('CHLCOP');
    expect(attachGeneric(words, [police], [chile], [police, chile, students], null)[0]!.code).toBe('COP');
    expect(attachGeneric(words, [police], [chile], [police, chile], { key: 'country:CHL', code: 'CHL' })[0]!.code).toBe(
      'COP',
    );
  });
  it('the only state an article names', () => {
    const doc = code('Chile held elections on Sunday. Later the government arrested the students. Chile is calm.');
    expect(doc.events.find((e) => e.type === 'COERCE')?.source.map((a) => a.code)).toEqual(['CHLGOV']);
    const two = code('Chile held elections on Sunday. Later the government arrested the students. Peru is calm.');
    expect(two.events.find((e) => e.type === 'COERCE')?.source.map((a) => a.code)).toEqual(['GOV']);
  });
  it("the article's state does not stand in when the sentence names a state the coder cannot code", () => {
    const target = (d: Doc) => d.events.find((e) => e.type === 'ACCUSE')?.target.map((a) => a.code);
    const foreign = code(
      'Chile held elections on Sunday. Ruritania sent envoys. Ruritanian officials accused the military of a plot. Chile is calm.',
      [['Ruritania', 'LOC']],
    );
    expect(target(foreign)).toEqual(['MIL']);
    // A proper adjective that names no place of the article (a party, a faith) leaves the article's state in place.
    const party = code(
      'Chile held elections on Sunday. Republican senators accused the military of a plot. Chile is calm.',
    );
    expect(target(party)).toEqual(['CHLMIL']);
    // Counterpart: with no other state in the sentence, the organ is the article's state's.
    const own = code('Chile held elections on Sunday. Lawyers accused the military of a plot. Chile is calm.');
    expect(target(own)).toEqual(['CHLMIL']);
  });
  it('a capitalised determiner opening the sentence is no proper adjective of an owner', () => {
    const source = (d: Doc) => d.events.find((e) => e.type === 'ASSAULT')?.source.map((a) => a.code);
    expect(source(code('Chile held elections on Sunday. The army shelled the town. Chile is calm.'))).toEqual([
      'CHLMIL',
    ]);
    // Counterparts: mid-sentence as before; a proper adjective after "The" still names another owner.
    expect(source(code('Chile held elections on Sunday. Later the army shelled the town. Chile is calm.'))).toEqual([
      'CHLMIL',
    ]);
    expect(
      source(code('Chile held elections on Sunday. The Ruritanian army shelled the town. Chile is calm.')),
    ).toEqual(['MIL']);
  });
  it('a foreign force is not the state at hand', () => {
    expect(sides(code('In Chile, a foreign navy boarded the ship.'))[0]![1]).toEqual(['MIL']);
    // A proper adjective names the owner, resolved or not.
    expect(sides(code('In Chile, Ruritanian troops boarded the ship.'))[0]![1]).not.toContain('CHLMIL');
  });
  it('groups that are no state organ keep their code, and a place phrase in the subject gives their country', () => {
    expect(sides(code('Protesters threw stones at a bank.'))[0]![1]).toEqual(['CVL']);
    expect(sides(code('Protesters in Chile threw stones at a bank.'))[0]![1]).toEqual(['CHLCVL']);
  });
  it('groups that are no state organ are not given a state named elsewhere in the sentence', () => {
    const doc = code('Protesters threw stones at a bank in Chile on the day Ivo Brandt arrived.', [
      ['Ivo Brandt', 'PER'],
    ]);
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) expect(e.source.map((a) => a.code)).not.toContain('CHLCVL');
  });
});
