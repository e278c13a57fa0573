import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents, sideWords } from './test-doc.js';
import { attachGeneric } from './generic.js';

const code = codeEvents;
const sides = (doc: Doc) => doc.events.map((e) => [e.type, e.source.map((a) => a.code), e.target.map((a) => a.code)]);

describe('generic actors', () => {
  it('a state organ stands for the one state its sentence names', () => {
    const fired = code('Police fired tear gas at students in Chile.');
    expect(sides(fired)).toEqual([['ASSAULT', ['CHLCOP'], []]]);
    // The students are not the state's: their side names no actor and is left as words.
    expect(sideWords(fired.events[0]!, 'target')).toEqual(['students']);
    expect(sides(code('In Chile, the government imposed sanctions on Peru.'))).toEqual([
      ['SANCTION', ['CHLGOV'], ['PER']],
    ]);
  });
  it('never the state on the other side, nor one of two', () => {
    expect(sides(code('The government imposed sanctions on Peru.'))).toEqual([['SANCTION', [], ['PER']]]);
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
    const doc = code('Chile held elections on Sunday. Later the government arrested Ivo Brandt. Chile is calm.', [
      ['Ivo Brandt', 'PER'],
    ]);
    expect(doc.events.find((e) => e.type === 'COERCE')?.source.map((a) => a.code)).toEqual(['CHLGOV']);
    const two = code('Chile held elections on Sunday. Later the government arrested Ivo Brandt. Peru is calm.', [
      ['Ivo Brandt', 'PER'],
    ]);
    const coerce = two.events.find((e) => e.type === 'COERCE')!;
    expect(coerce.source).toEqual([]);
    expect(sideWords(coerce, 'source')).toEqual(['government']);
  });
  it('a foreign force is not the state at hand', () => {
    const foreign = code('In Chile, a foreign navy boarded the Ivo Brandt.', [['Ivo Brandt', 'ORG']]);
    expect(foreign.events[0]!.source).toEqual([]);
    expect(sideWords(foreign.events[0]!, 'source')).toEqual(['navy']);
    // A proper adjective names the owner, resolved or not.
    const adjective = code('In Chile, Ruritanian troops boarded the Ivo Brandt.', [['Ivo Brandt', 'ORG']]);
    expect(adjective.events.flatMap((e) => e.source.map((a) => a.code))).not.toContain('CHLMIL');
  });
  it('groups that are no state organ are not given a state named elsewhere in the sentence', () => {
    const doc = code('Protesters threw stones at a bank in Chile on the day Ivo Brandt arrived.', [
      ['Ivo Brandt', 'PER'],
    ]);
    for (const e of doc.events) expect(e.source.map((a) => a.code)).not.toContain('CHLCVL');
  });
});
